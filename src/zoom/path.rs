//! API paths built from typed segments. Every value from a caller is
//! validated and percent-encoded here, so no input can change which Zoom
//! path or host a request reaches.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::ZoomError;

/// Everything but RFC 3986 unreserved characters is encoded, so `/`, `?`,
/// `#`, `%` and `.` sequences stay inside their segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Longest path value accepted. Zoom ids, emails and UUIDs are far shorter.
pub const MAX_SEGMENT_LEN: usize = 256;

/// A request path below the API base URL, such as `/webinars/81100000001/panelists`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiPath {
    encoded: String,
}

impl ApiPath {
    pub fn new() -> ApiPath {
        ApiPath {
            encoded: String::new(),
        }
    }

    /// Append a fixed segment written in this program, never a caller's value.
    pub fn literal(mut self, segment: &'static str) -> ApiPath {
        debug_assert!(
            segment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        );
        self.encoded.push('/');
        self.encoded.push_str(segment);
        self
    }

    /// Append a numeric id.
    pub fn number(mut self, value: u64) -> ApiPath {
        self.encoded.push('/');
        self.encoded.push_str(&value.to_string());
        self
    }

    /// Append a caller-supplied value (user id or email, registrant id,
    /// poll id, panelist id or email), validated and encoded once.
    pub fn value(mut self, field: &str, value: &str) -> Result<ApiPath, ZoomError> {
        check_segment(field, value)?;
        if value == "." || value == ".." {
            return Err(ZoomError::InvalidInput(format!(
                "{field} {value:?} is not a valid id. Pass the id or email shown by the list tools."
            )));
        }
        self.encoded.push('/');
        self.encoded
            .push_str(&utf8_percent_encode(value, SEGMENT).to_string());
        Ok(self)
    }

    /// Append a past-webinar id: a numeric webinar id, or an instance UUID.
    /// A UUID that begins with `/` or contains `//` is encoded twice, as
    /// Zoom requires; other UUIDs once (`+` → `%2B`, `=` → `%3D`, `/` → `%2F`).
    pub fn webinar_id_or_uuid(mut self, field: &str, value: &str) -> Result<ApiPath, ZoomError> {
        check_segment(field, value)?;
        let is_uuid_alphabet = value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='));
        if !is_uuid_alphabet {
            return Err(ZoomError::InvalidInput(format!(
                "{field} {value:?} is neither a numeric webinar id nor a webinar UUID \
                 (UUIDs contain only letters, digits, +, / and =). \
                 Take the UUID from the `instances` list of a past-webinar result, or pass the numeric id."
            )));
        }
        let once = utf8_percent_encode(value, SEGMENT).to_string();
        let encoded = if value.starts_with('/') || value.contains("//") {
            utf8_percent_encode(&once, SEGMENT).to_string()
        } else {
            once
        };
        self.encoded.push('/');
        self.encoded.push_str(&encoded);
        Ok(self)
    }

    pub fn as_str(&self) -> &str {
        &self.encoded
    }
}

impl Default for ApiPath {
    fn default() -> Self {
        ApiPath::new()
    }
}

impl std::fmt::Display for ApiPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.encoded)
    }
}

/// Returns the decoded user id or email of a `/users/{userId}/...` path.
pub fn user_in_path(path: &str) -> Option<String> {
    let user = path.strip_prefix("/users/")?.split('/').next()?;
    if user.is_empty() {
        return None;
    }
    Some(
        percent_encoding::percent_decode_str(user)
            .decode_utf8_lossy()
            .into_owned(),
    )
}

fn check_segment(field: &str, value: &str) -> Result<(), ZoomError> {
    if value.trim().is_empty() {
        return Err(ZoomError::InvalidInput(format!(
            "{field} is empty. Pass the id or email shown by the list tools."
        )));
    }
    if value.len() > MAX_SEGMENT_LEN {
        return Err(ZoomError::InvalidInput(format!(
            "{field} is {} bytes long; the maximum is {MAX_SEGMENT_LEN}. Pass the id or email shown by the list tools.",
            value.len()
        )));
    }
    if value.chars().any(char::is_control) {
        return Err(ZoomError::InvalidInput(format!(
            "{field} contains control characters. Pass the id or email shown by the list tools."
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_and_numbers_join() {
        let path = ApiPath::new()
            .literal("webinars")
            .number(81100000001)
            .literal("panelists");
        assert_eq!(path.as_str(), "/webinars/81100000001/panelists");
    }

    #[test]
    fn values_are_encoded() {
        let path = ApiPath::new()
            .literal("users")
            .value("user_id", "a b/../?x#y%2e")
            .unwrap();
        assert_eq!(path.as_str(), "/users/a%20b%2F..%2F%3Fx%23y%252e");
    }

    #[test]
    fn email_keeps_dots() {
        let path = ApiPath::new()
            .literal("users")
            .value("user_id", "jo.doe+x@example.com")
            .unwrap();
        assert_eq!(path.as_str(), "/users/jo.doe%2Bx%40example.com");
    }

    #[test]
    fn dot_segments_rejected() {
        assert!(ApiPath::new().value("user_id", "..").is_err());
        assert!(ApiPath::new().value("user_id", ".").is_err());
    }

    #[test]
    fn bad_values_rejected() {
        assert!(ApiPath::new().value("user_id", "").is_err());
        assert!(ApiPath::new().value("user_id", "a\nb").is_err());
        let long = "x".repeat(MAX_SEGMENT_LEN + 1);
        let error = ApiPath::new().value("user_id", &long).unwrap_err();
        assert!(error.to_string().contains("256"), "{error}");
    }

    #[test]
    fn uuid_single_encoding() {
        let path = ApiPath::new()
            .webinar_id_or_uuid("uuid", "ab+c/d==")
            .unwrap();
        assert_eq!(path.as_str(), "/ab%2Bc%2Fd%3D%3D");
    }

    #[test]
    fn uuid_leading_slash_double_encoded() {
        let path = ApiPath::new()
            .webinar_id_or_uuid("uuid", "/ajXp112QmuoKj4854875==")
            .unwrap();
        assert_eq!(path.as_str(), "/%252FajXp112QmuoKj4854875%253D%253D");
    }

    #[test]
    fn uuid_double_slash_double_encoded() {
        let path = ApiPath::new().webinar_id_or_uuid("uuid", "ab//cd").unwrap();
        assert_eq!(path.as_str(), "/ab%252F%252Fcd");
    }

    #[test]
    fn user_in_path_is_decoded() {
        assert_eq!(
            user_in_path("/users/jo.doe%2Bx%40example.com/webinars").as_deref(),
            Some("jo.doe+x@example.com")
        );
        assert_eq!(user_in_path("/users/me").as_deref(), Some("me"));
        assert_eq!(user_in_path("/webinars/1/panelists"), None);
    }

    #[test]
    fn uuid_rejects_other_characters() {
        assert!(ApiPath::new().webinar_id_or_uuid("uuid", "../x").is_err());
        assert!(ApiPath::new().webinar_id_or_uuid("uuid", "a%2F").is_err());
    }
}
