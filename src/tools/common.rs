//! Parameter and output pieces shared by several tools.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Zoom's default page size for list endpoints.
pub const DEFAULT_PAGE_SIZE: u32 = 30;

/// A page size within Zoom's limit, and a note when the request was changed.
pub struct PageSize {
    pub value: u32,
    pub note: Option<String>,
}

/// Clamp a requested page size to `1..=max`, saying so when it changed,
/// because Zoom rejects page sizes above an endpoint's maximum.
pub fn page_size(requested: Option<u32>, max: u32) -> PageSize {
    match requested {
        None => PageSize {
            value: DEFAULT_PAGE_SIZE.min(max),
            note: None,
        },
        Some(0) => PageSize {
            value: 1,
            note: Some("page_size 0 was raised to 1.".to_string()),
        },
        Some(value) if value > max => PageSize {
            value: max,
            note: Some(format!(
                "page_size {value} was clamped to {max}, Zoom's maximum for this list."
            )),
        },
        Some(value) => PageSize { value, note: None },
    }
}

/// Validate a Zoom `next_page_token` before it goes into a query string.
pub fn check_page_token(
    token: &Option<String>,
) -> Result<Option<String>, crate::server::output::ToolError> {
    match token.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(value)
            if value.len() > 512 || value.chars().any(|c| c.is_control() || c.is_whitespace()) =>
        {
            Err(crate::server::output::ToolError::invalid(
                "next_page_token is not a token Zoom returned (too long or containing spaces or control characters). Pass the next_page_token from the previous result unchanged.",
            ))
        }
        Some(value) => Ok(Some(value.to_string())),
    }
}

/// An id written as a JSON number or a string of digits; Zoom webinar ids
/// exceed 32 bits, so both arrive from models.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct WebinarId(#[serde(deserialize_with = "deserialize_u64_lenient")] pub u64);

fn deserialize_u64_lenient<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<u64, D::Error> {
    let value = serde_json::Value::deserialize(deserializer)?;
    let parsed = match &value {
        serde_json::Value::Number(number) => number.as_u64(),
        serde_json::Value::String(text)
            if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) =>
        {
            text.parse::<u64>().ok()
        }
        _ => None,
    };
    parsed.ok_or_else(|| {
        let shown: String = value.to_string().chars().take(40).collect();
        serde::de::Error::custom(format!(
            "webinar id {shown} is not a webinar id: pass the positive integer (up to 20 digits, for example 81100000001) shown by list_webinars"
        ))
    })
}

/// Deserialize a string that a model may send as a JSON number, such as a
/// list number or an occurrence id.
pub fn string_or_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::String(text) => Ok(text),
        serde_json::Value::Number(number) => Ok(number.to_string()),
        other => Err(serde::de::Error::custom(format!(
            "expected a string or a number, got {other}"
        ))),
    }
}

/// [`string_or_number`] for optional fields.
pub fn optional_string_or_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::String(text) => Ok(Some(text)),
        serde_json::Value::Number(number) => Ok(Some(number.to_string())),
        other => Err(serde::de::Error::custom(format!(
            "expected a string or a number, got {other}"
        ))),
    }
}
