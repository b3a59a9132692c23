//! Failures the retry loop ends with, besides Zoom's error responses: a
//! daily rate limit, a write with an unknown outcome, and network failures.
//! Each message states what happened and what to do next.

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// A 429 for a daily limit. Zoom resets daily limits at 00:00 UTC unless
/// `Retry-After` gives another time.
#[derive(Debug, Clone)]
pub struct DailyLimitFailure {
    pub method: String,
    pub path: String,
    /// Zoom's message.
    pub message: String,
    /// Which limit, such as `3 "Add a webinar registrant" requests per day
    /// for the registrant x@y.z`, when Zoom's message or headers give it.
    pub limit: Option<String>,
    pub resets_at: DateTime<Utc>,
    /// The source of `resets_at`: the `Retry-After` header, or the
    /// midnight UTC rule.
    pub reset_source: &'static str,
    /// The server's default time zone, for showing the reset time.
    pub time_zone: Tz,
}

impl fmt::Display for DailyLimitFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let limit = match &self.limit {
            Some(limit) => format!("Zoom's daily limit of {limit}"),
            None => "Zoom's daily rate limit".to_string(),
        };
        let local = self.resets_at.with_timezone(&self.time_zone);
        write!(
            f,
            "{limit} is reached (HTTP 429 for {} {}). It resets at {} UTC ({} {}, from {}). \
             The server does not retry daily limits, because every attempt before the reset \
             fails the same way: try again after that time. Zoom's message: {}",
            self.method,
            self.path,
            self.resets_at.format("%Y-%m-%d %H:%M"),
            local.format("%Y-%m-%d %H:%M %Z"),
            self.time_zone.name(),
            self.reset_source,
            self.message,
        )
    }
}

/// A POST that may have reached Zoom: it timed out after it was sent, its
/// connection closed before the response, or Zoom returned a 5xx.
#[derive(Debug, Clone)]
pub struct UncertainWrite {
    pub method: String,
    pub path: String,
    /// The cause, such as `no response within 30 s`.
    pub cause: String,
}

impl fmt::Display for UncertainWrite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} may or may not have reached Zoom: {}. It was not sent again, so nothing \
             is created twice. {} before trying again.",
            self.method,
            self.path,
            self.cause,
            how_to_check(&self.path),
        )
    }
}

/// Names the tool that shows whether a POST to `path` took effect.
fn how_to_check(path: &str) -> &'static str {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match segments.as_slice() {
        ["users", _, "webinars"] => "Check with list_webinars whether the webinar exists",
        ["webinars", _, "registrants", ..] => {
            "Check with find_registrant_by_email or list_webinar_registrants whether the registrant was added"
        }
        ["webinars", _, "panelists"] => {
            "Check with list_panelists whether the panelists were added"
        }
        ["webinars", _, "polls"] => "Check with get_webinar_polls whether the poll exists",
        ["webinars", _, "invite_links"] => {
            "Zoom has no call that lists invite links, so check the webinar in the Zoom web portal"
        }
        _ => "Check the result with the matching list or get tool",
    }
}

/// The kind of network failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkFailureKind {
    /// No connection could be opened, so nothing reached Zoom.
    Connect,
    /// No complete response arrived within the request timeout.
    Timeout,
    /// The connection closed before a complete response arrived.
    Dropped,
}

/// A network failure on a GET, PUT, PATCH or DELETE after its retries,
/// or a POST that failed to connect.
#[derive(Debug, Clone)]
pub struct NetworkFailure {
    pub method: String,
    pub path: String,
    pub kind: NetworkFailureKind,
    /// The HTTP library's description, without the URL.
    pub detail: String,
    pub attempts: u32,
    pub request_timeout: Duration,
}

impl fmt::Display for NetworkFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let attempts = match self.attempts {
            1 => "1 attempt".to_string(),
            count => format!("{count} attempts"),
        };
        match self.kind {
            NetworkFailureKind::Connect => write!(
                f,
                "Could not connect to Zoom for {} {} ({attempts}): {}. Nothing reached Zoom. \
                 Check the network connection and ZOOM_API_BASE_URL, then try again.",
                self.method, self.path, self.detail
            ),
            NetworkFailureKind::Timeout => write!(
                f,
                "Zoom did not respond to {} {} within {} s ({attempts}). Zoom or the network \
                 may be slow: try again later, or raise ZOOM_REQUEST_TIMEOUT_SECS.",
                self.method,
                self.path,
                format_seconds(self.request_timeout)
            ),
            NetworkFailureKind::Dropped => write!(
                f,
                "The connection to Zoom closed before a complete response to {} {} \
                 ({attempts}): {}. Try again later.",
                self.method, self.path, self.detail
            ),
        }
    }
}

/// Formats a duration in seconds without trailing zeros: `30`, `0.5`.
pub fn format_seconds(duration: Duration) -> String {
    let text = format!("{:.3}", duration.as_secs_f64());
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn daily_limit_names_limit_and_reset() {
        let failure = DailyLimitFailure {
            method: "POST".into(),
            path: "/webinars/1/registrants".into(),
            message: "You have exceeded the daily rate limit of (3) ...".into(),
            limit: Some("3 \"Add a webinar registrant\" requests per day".into()),
            resets_at: DateTime::parse_from_rfc3339("2026-03-02T00:00:00Z")
                .unwrap()
                .with_timezone(&Utc),
            reset_source: "midnight UTC",
            time_zone: chrono_tz::Asia::Kolkata,
        };
        let text = failure.to_string();
        assert!(text.contains("daily limit of 3"), "{text}");
        assert!(text.contains("2026-03-02 00:00 UTC"), "{text}");
        assert!(text.contains("2026-03-02 05:30 IST"), "{text}");
        assert!(text.contains("Asia/Kolkata"), "{text}");
        assert!(text.contains("does not retry"), "{text}");
    }

    #[test]
    fn uncertain_write_names_the_check() {
        let failure = UncertainWrite {
            method: "POST".into(),
            path: "/users/me/webinars".into(),
            cause: "Zoom returned HTTP 502".into(),
        };
        let text = failure.to_string();
        assert!(text.contains("may or may not have reached Zoom"), "{text}");
        assert!(text.contains("not sent again"), "{text}");
        assert!(text.contains("list_webinars"), "{text}");
    }

    #[test]
    fn check_hint_per_resource() {
        assert!(how_to_check("/webinars/1/registrants").contains("find_registrant_by_email"));
        assert!(how_to_check("/webinars/1/panelists").contains("list_panelists"));
        assert!(how_to_check("/webinars/1/polls").contains("get_webinar_polls"));
        assert!(how_to_check("/webinars/1/invite_links").contains("web portal"));
    }

    #[test]
    fn seconds_format_without_trailing_zeros() {
        assert_eq!(format_seconds(Duration::from_secs(30)), "30");
        assert_eq!(format_seconds(Duration::from_millis(500)), "0.5");
    }
}
