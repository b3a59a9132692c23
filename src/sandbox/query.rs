//! Query strings, form bodies and path segments as they arrive on the wire.

use percent_encoding::percent_decode_str;

use super::reply::ZoomError;

/// Percent-decodes `raw` once, replacing invalid UTF-8 with U+FFFD.
pub(crate) fn percent_decode(raw: &str) -> String {
    percent_decode_str(raw).decode_utf8_lossy().into_owned()
}

/// Parsed `application/x-www-form-urlencoded` pairs, from a query string or a
/// form body, in their original order.
#[derive(Debug, Default, Clone)]
pub(crate) struct QueryParams {
    pairs: Vec<(String, String)>,
}

impl QueryParams {
    /// Parses `a=1&b=x+y`: `+` becomes a space and `%XX` is decoded.
    pub(crate) fn parse(raw: &str) -> Self {
        let pairs = raw
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (decode_form(key), decode_form(value))
            })
            .collect();
        Self { pairs }
    }

    /// Returns every decoded pair, in the order of the query string.
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs
            .iter()
            .map(|(key, value)| (key.as_str(), value.as_str()))
    }

    /// Returns the first value of `name`, if the parameter is present.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// Returns the first non-empty value of `name`.
    pub(crate) fn non_empty(&self, name: &str) -> Option<&str> {
        self.get(name).filter(|value| !value.is_empty())
    }

    /// Parses an optional boolean parameter (`true` or `false`).
    pub(crate) fn bool(&self, name: &str) -> Result<Option<bool>, ZoomError> {
        match self.non_empty(name) {
            None => Ok(None),
            Some("true") => Ok(Some(true)),
            Some("false") => Ok(Some(false)),
            Some(_) => Err(ZoomError::invalid_field(name)),
        }
    }

    /// Parses an optional integer parameter that must lie in `min..=max`.
    pub(crate) fn int_in(&self, name: &str, min: u32, max: u32) -> Result<Option<u32>, ZoomError> {
        match self.non_empty(name) {
            None => Ok(None),
            Some(raw) => match raw.parse::<u32>() {
                Ok(value) if (min..=max).contains(&value) => Ok(Some(value)),
                _ => Err(ZoomError::invalid_field(name)),
            },
        }
    }
}

fn decode_form(raw: &str) -> String {
    percent_decode(&raw.replace('+', " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_decodes_plus_and_percent() {
        let query = QueryParams::parse("a=x+y&b=%2B1&c&a=second");
        assert_eq!(query.get("a"), Some("x y"));
        assert_eq!(query.get("b"), Some("+1"));
        assert_eq!(query.get("c"), Some(""));
        assert_eq!(query.non_empty("c"), None);
        assert_eq!(query.get("d"), None);
    }

    #[test]
    fn int_in_rejects_out_of_range() {
        let query = QueryParams::parse("page_size=301&page_number=2");
        assert!(query.int_in("page_size", 1, 300).is_err());
        assert_eq!(query.int_in("page_number", 1, u32::MAX), Ok(Some(2)));
        assert_eq!(query.int_in("missing", 1, 10), Ok(None));
    }
}
