//! One attempt of a Zoom request: how it failed, read from the HTTP
//! library's error or Zoom's error response, and the error it becomes when
//! no retry follows.

use std::time::Duration;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use reqwest::Method;
use reqwest::header::HeaderMap;

use super::ZoomError;
use super::error::{ApiFailure, RateLimitHeaders, ZoomErrorBody};
use super::failure::{DailyLimitFailure, NetworkFailure, NetworkFailureKind, UncertainWrite};
use super::rate_limit::{RateLimitResponse, daily_limit_description};

/// The failure of one attempt.
#[derive(Debug)]
pub enum Failure {
    /// Zoom returned an error status.
    Status(Box<ApiFailure>),
    /// No connection could be opened, so nothing reached Zoom.
    Connect(String),
    /// No complete response within the request timeout; the request may
    /// have reached Zoom.
    Timeout(String),
    /// The connection closed after the request was (or may have been) sent.
    Dropped(String),
}

impl Failure {
    /// Classifies an error from sending the request and reading the
    /// response head.
    pub fn from_send_error(error: reqwest::Error) -> Failure {
        // A connect error means the TCP or TLS connection never opened, so
        // not one byte of the request left this process. This holds for a
        // connect timeout too, which reqwest reports as both.
        if error.is_connect() {
            return Failure::Connect(describe(error));
        }
        if error.is_timeout() {
            return Failure::Timeout(describe(error));
        }
        Failure::Dropped(describe(error))
    }

    /// Classifies an error from reading the response body.
    pub fn from_body_error(error: reqwest::Error) -> Failure {
        if error.is_timeout() {
            return Failure::Timeout(describe(error));
        }
        Failure::Dropped(describe(error))
    }

    /// Reports whether the request may have reached Zoom and taken effect.
    pub fn may_have_reached_zoom(&self) -> bool {
        match self {
            Failure::Status(api) => api.status >= 500,
            Failure::Connect(_) => false,
            Failure::Timeout(_) | Failure::Dropped(_) => true,
        }
    }

    /// The HTTP status, when Zoom sent one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Failure::Status(api) => Some(api.status),
            _ => None,
        }
    }

    /// Zoom's error code, when Zoom sent one.
    pub fn zoom_code(&self) -> Option<i64> {
        match self {
            Failure::Status(api) => api.code,
            _ => None,
        }
    }

    /// Turns the last failure into the error returned to the caller.
    pub fn into_error(self, context: &ErrorContext<'_>) -> ZoomError {
        let method = context.method.to_string();
        let path = context.path.to_string();
        let is_post = *context.method == Method::POST;
        match self {
            Failure::Status(mut api) => {
                api.attempts = context.attempts;
                if api.status == 429 {
                    let limit = RateLimitResponse {
                        rate_limit_type: api.rate_limit.rate_limit_type.as_deref(),
                        retry_after: api.rate_limit.retry_after.as_deref(),
                        rate_limit_reset: api.rate_limit.reset.as_deref(),
                        message: &api.message,
                    };
                    if limit.is_daily() {
                        return daily_limit(&api, limit, context);
                    }
                }
                if api.status >= 500 && is_post {
                    let code = api
                        .code
                        .map(|code| format!(" (code {code})"))
                        .unwrap_or_default();
                    return ZoomError::OutcomeUnknown(Box::new(UncertainWrite {
                        method,
                        path,
                        cause: format!("Zoom returned HTTP {}{code}: {}", api.status, api.message),
                    }));
                }
                ZoomError::Api(api)
            }
            Failure::Timeout(_) if is_post => ZoomError::OutcomeUnknown(Box::new(UncertainWrite {
                method,
                path,
                cause: format!(
                    "no response arrived within {} s",
                    super::failure::format_seconds(context.request_timeout)
                ),
            })),
            Failure::Dropped(detail) if is_post => {
                ZoomError::OutcomeUnknown(Box::new(UncertainWrite {
                    method,
                    path,
                    cause: format!("the connection closed before the response ({detail})"),
                }))
            }
            Failure::Connect(detail) => network(context, NetworkFailureKind::Connect, detail),
            Failure::Timeout(detail) => network(context, NetworkFailureKind::Timeout, detail),
            Failure::Dropped(detail) => network(context, NetworkFailureKind::Dropped, detail),
        }
    }
}

/// The request details the final error needs.
pub struct ErrorContext<'a> {
    pub method: &'a Method,
    pub path: &'a super::ApiPath,
    pub attempts: u32,
    pub time_zone: Tz,
    pub request_timeout: Duration,
    pub now: DateTime<Utc>,
}

fn network(context: &ErrorContext<'_>, kind: NetworkFailureKind, detail: String) -> ZoomError {
    ZoomError::Network(Box::new(NetworkFailure {
        method: context.method.to_string(),
        path: context.path.to_string(),
        kind,
        detail,
        attempts: context.attempts,
        request_timeout: context.request_timeout,
    }))
}

fn daily_limit(
    api: &ApiFailure,
    limit: RateLimitResponse<'_>,
    context: &ErrorContext<'_>,
) -> ZoomError {
    let (resets_at, reset_source) = limit.daily_reset(context.now);
    let account_limit = match (&api.rate_limit.limit, &api.rate_limit.category) {
        (Some(count), Some(category)) => Some(format!(
            "{count} {category} requests per day for the account"
        )),
        _ => None,
    };
    ZoomError::DailyLimit(Box::new(DailyLimitFailure {
        method: context.method.to_string(),
        path: context.path.to_string(),
        message: api.message.clone(),
        limit: daily_limit_description(&api.message).or(account_limit),
        resets_at,
        reset_source,
        time_zone: context.time_zone,
    }))
}

/// Reads an error response into an [`ApiFailure`]. Zoom's JSON body gives
/// the code and message; an XML body's `<code>` and `<message>` are read
/// too, and any other body (HTML, text, empty) is summarised.
pub fn api_failure(
    method: &Method,
    path: &super::ApiPath,
    status: u16,
    headers: &HeaderMap,
    bytes: &[u8],
) -> ApiFailure {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_string)
    };
    let (code, message, errors) = match serde_json::from_slice::<ZoomErrorBody>(bytes) {
        Ok(body) => (
            body.code,
            body.message.unwrap_or_else(|| "no message".to_string()),
            body.errors,
        ),
        Err(_) => {
            let content_type = header("content-type");
            let (code, message) = non_json_error(bytes, content_type.as_deref());
            (code, message, Vec::new())
        }
    };
    ApiFailure {
        method: method.to_string(),
        path: path.to_string(),
        status,
        code,
        message,
        errors,
        rate_limit: RateLimitHeaders {
            retry_after: header("retry-after"),
            rate_limit_type: header("x-ratelimit-type"),
            reset: header("x-ratelimit-reset"),
            category: header("x-ratelimit-category"),
            limit: header("x-ratelimit-limit"),
        },
        attempts: 1,
    }
}

/// The longest excerpt of a non-JSON body put into a message, in characters.
const MAX_EXCERPT_CHARS: usize = 200;

/// Reads Zoom's code and message from a non-JSON error body, or
/// summarises the body. Zoom has sent XML errors to clients that did not
/// ask for JSON.
fn non_json_error(bytes: &[u8], content_type: Option<&str>) -> (Option<i64>, String) {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim();
    if text.is_empty() {
        return (None, "empty response body".to_string());
    }
    let xml_code = element(text, "code").and_then(|code| code.trim().parse::<i64>().ok());
    if let (Some(code), Some(message)) = (xml_code, element(text, "message")) {
        return (Some(code), message.trim().to_string());
    }
    let readable = if text.starts_with('<') {
        strip_tags(text)
    } else {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let mut excerpt: String = readable.chars().take(MAX_EXCERPT_CHARS).collect();
    if readable.chars().count() > MAX_EXCERPT_CHARS {
        excerpt.push('…');
    }
    let kind = content_type
        .and_then(|value| value.split(';').next())
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .unwrap_or("unknown type");
    (None, format!("non-JSON response body ({kind}): {excerpt}"))
}

/// Returns the text of the first `<name>...</name>` element.
fn element<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let start = text.find(&open)? + open.len();
    let end = start + text[start..].find(&close)?;
    Some(&text[start..end])
}

/// Removes markup and collapses whitespace, so an HTML error page reads as
/// its text, such as `502 Bad Gateway nginx`.
fn strip_tags(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut in_tag = false;
    for character in text.chars() {
        match character {
            '<' => {
                in_tag = true;
                plain.push(' ');
            }
            '>' => in_tag = false,
            _ if !in_tag => plain.push(character),
            _ => {}
        }
    }
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Describes a reqwest error with its causes, without the URL.
fn describe(error: reqwest::Error) -> String {
    use std::error::Error as _;
    let error = error.without_url();
    let mut text = error.to_string();
    let mut source: Option<&dyn std::error::Error> = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            if !text.is_empty() {
                text.push_str(": ");
            }
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    if text.is_empty() {
        text = "request failed".to_string();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_body_reads_as_text() {
        let (code, message) = non_json_error(
            b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
            Some("text/html; charset=utf-8"),
        );
        assert_eq!(code, None);
        assert_eq!(
            message,
            "non-JSON response body (text/html): 502 Bad Gateway 502 Bad Gateway"
        );
    }

    #[test]
    fn xml_body_gives_code_and_message() {
        let (code, message) = non_json_error(
            b"<?xml version=\"1.0\"?><result><code>124</code><message>Invalid access token.</message></result>",
            Some("application/xml"),
        );
        assert_eq!(code, Some(124));
        assert_eq!(message, "Invalid access token.");
    }

    #[test]
    fn empty_body_is_named() {
        assert_eq!(
            non_json_error(b"  \n", None),
            (None, "empty response body".to_string())
        );
    }

    #[test]
    fn long_text_is_cut() {
        let long = "x".repeat(500);
        let (_, message) = non_json_error(long.as_bytes(), Some("text/plain"));
        assert!(message.ends_with('…'), "{message}");
        assert!(message.chars().count() < 260, "{message}");
    }
}
