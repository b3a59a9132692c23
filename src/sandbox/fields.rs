//! Reading JSON request bodies field by field, collecting every invalid field
//! under its dotted path (`settings.approval_type`, `questions[0].answers`)
//! the way Zoom lists them in a code 300 "Validation Failed." error.

use serde_json::{Map, Value};

use super::reply::{FieldError, INVALID_FIELD, ZoomError};

/// Parses a request body that must be a JSON object.
pub(crate) fn parse_object(body: &[u8]) -> Result<Map<String, Value>, ZoomError> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(ZoomError::invalid_json_body()),
    }
}

/// Invalid fields found so far.
#[derive(Debug, Default)]
pub(crate) struct FieldErrors {
    errors: Vec<FieldError>,
}

impl FieldErrors {
    pub(crate) fn reject(&mut self, field: impl Into<String>) {
        self.errors.push(FieldError {
            field: field.into(),
            message: INVALID_FIELD.to_owned(),
        });
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub(crate) fn len(&self) -> usize {
        self.errors.len()
    }

    /// Returns `Err` with every collected field, or `Ok` when there is none.
    pub(crate) fn finish(self) -> Result<(), ZoomError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ZoomError::validation(self.errors))
        }
    }
}

/// A JSON object being validated, with the dotted path that leads to it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields<'a> {
    map: &'a Map<String, Value>,
    prefix: &'a str,
}

impl<'a> Fields<'a> {
    pub(crate) fn root(map: &'a Map<String, Value>) -> Self {
        Self { map, prefix: "" }
    }

    pub(crate) fn nested(map: &'a Map<String, Value>, prefix: &'a str) -> Self {
        Self { map, prefix }
    }

    /// Returns the dotted path of `key` inside this object.
    pub(crate) fn path(&self, key: &str) -> String {
        if self.prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.prefix)
        }
    }

    /// Returns the value of `key`, treating JSON `null` as absent.
    pub(crate) fn value(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|value| !value.is_null())
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        self.value(key).is_some()
    }

    /// Reads a string of at most `max_chars` characters.
    pub(crate) fn string(
        &self,
        key: &str,
        max_chars: usize,
        errors: &mut FieldErrors,
    ) -> Option<String> {
        let value = self.value(key)?;
        match value.as_str() {
            Some(text) if text.chars().count() <= max_chars => Some(text.to_owned()),
            _ => {
                errors.reject(self.path(key));
                None
            }
        }
    }

    /// Reads a non-empty string of at most `max_chars` characters; a missing
    /// or empty value is rejected.
    pub(crate) fn required_string(
        &self,
        key: &str,
        max_chars: usize,
        errors: &mut FieldErrors,
    ) -> Option<String> {
        match self.string(key, max_chars, errors) {
            Some(text) if !text.trim().is_empty() => Some(text),
            Some(_) => {
                errors.reject(self.path(key));
                None
            }
            None => {
                if !self.has(key) {
                    errors.reject(self.path(key));
                }
                None
            }
        }
    }

    /// Reads one of the `allowed` strings.
    pub(crate) fn string_in(
        &self,
        key: &str,
        allowed: &[&str],
        errors: &mut FieldErrors,
    ) -> Option<String> {
        let text = self.string(key, usize::MAX, errors)?;
        if allowed.contains(&text.as_str()) {
            Some(text)
        } else {
            errors.reject(self.path(key));
            None
        }
    }

    /// Reads an integer in `min..=max`.
    pub(crate) fn int(
        &self,
        key: &str,
        min: i64,
        max: i64,
        errors: &mut FieldErrors,
    ) -> Option<i64> {
        let value = self.value(key)?;
        match value.as_i64() {
            Some(number) if (min..=max).contains(&number) => Some(number),
            _ => {
                errors.reject(self.path(key));
                None
            }
        }
    }

    /// Reads one of the `allowed` integers.
    pub(crate) fn int_in(
        &self,
        key: &str,
        allowed: &[i64],
        errors: &mut FieldErrors,
    ) -> Option<i64> {
        let number = self.int(key, i64::MIN, i64::MAX, errors)?;
        if allowed.contains(&number) {
            Some(number)
        } else {
            errors.reject(self.path(key));
            None
        }
    }

    pub(crate) fn bool(&self, key: &str, errors: &mut FieldErrors) -> Option<bool> {
        let value = self.value(key)?;
        match value.as_bool() {
            Some(flag) => Some(flag),
            None => {
                errors.reject(self.path(key));
                None
            }
        }
    }

    /// Reads a nested object.
    pub(crate) fn object(
        &self,
        key: &str,
        errors: &mut FieldErrors,
    ) -> Option<&'a Map<String, Value>> {
        let value = self.value(key)?;
        match value.as_object() {
            Some(map) => Some(map),
            None => {
                errors.reject(self.path(key));
                None
            }
        }
    }

    /// Reads an array of at most `max_items` items.
    pub(crate) fn array(
        &self,
        key: &str,
        max_items: usize,
        errors: &mut FieldErrors,
    ) -> Option<&'a Vec<Value>> {
        let value = self.value(key)?;
        match value.as_array() {
            Some(items) if items.len() <= max_items => Some(items),
            _ => {
                errors.reject(self.path(key));
                None
            }
        }
    }
}

/// Returns the path of item `index` of the array at `path`: `panelists[2]`.
pub(crate) fn item_path(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// Reports whether `text` looks like an email address (`local@domain.tld`).
pub(crate) fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_paths_are_dotted() {
        let body = json!({"settings": {"approval_type": 7}});
        let map = body.as_object().unwrap();
        let mut errors = FieldErrors::default();
        let settings = Fields::root(map).object("settings", &mut errors).unwrap();
        let approval =
            Fields::nested(settings, "settings").int_in("approval_type", &[0, 1, 2], &mut errors);
        assert_eq!(approval, None);
        let error = errors.finish().unwrap_err();
        assert_eq!(error.errors[0].field, "settings.approval_type");
        assert_eq!(error.code, 300);
    }

    #[test]
    fn null_counts_as_absent() {
        let body = json!({"topic": null});
        let mut errors = FieldErrors::default();
        let topic = Fields::root(body.as_object().unwrap()).string("topic", 200, &mut errors);
        assert_eq!(topic, None);
        assert!(errors.is_empty());
    }

    #[test]
    fn is_email_checks_shape() {
        assert!(is_email("a.b@example.com"));
        assert!(!is_email("example.com"));
        assert!(!is_email("a@b"));
        assert!(!is_email("a @b.com"));
    }
}
