//! Zoom's 429 responses: per-second limits that a retry can outlast, and
//! daily limits that reset at a fixed time.
//!
//! Zoom sends `X-RateLimit-Type` (`QPS` or `Daily-limit`) on most 429s.
//! On a daily 429, `Retry-After` is an ISO 8601 UTC date such as
//! `2020-05-31T00:00:00Z`, not seconds. The per-user and per-registrant
//! daily limits (3 registrant adds and 10 status changes per registrant per
//! day, 100 webinar creates or updates per host per day) have arrived with
//! neither header, and their message states that they resume at 00:00 GMT.

use std::time::Duration;

use chrono::{DateTime, NaiveTime, TimeDelta, Utc};

/// A 429 response's headers and message, as the client read them.
#[derive(Debug, Clone, Copy)]
pub struct RateLimitResponse<'a> {
    pub rate_limit_type: Option<&'a str>,
    pub retry_after: Option<&'a str>,
    pub rate_limit_reset: Option<&'a str>,
    pub message: &'a str,
}

impl RateLimitResponse<'_> {
    /// Reports whether the 429 is a daily limit, from the header or, when
    /// Zoom sent none, from the message.
    pub fn is_daily(&self) -> bool {
        if let Some(kind) = self.rate_limit_type {
            return kind.trim().eq_ignore_ascii_case("daily-limit");
        }
        let message = self.message.to_ascii_lowercase();
        message.contains("daily rate limit") || message.contains("daily limit")
    }

    /// Returns how long to wait before the next attempt of a per-second
    /// 429, from `Retry-After` or else `X-RateLimit-Reset`, or `None` when
    /// neither header is present or readable.
    pub fn wait(&self, now: DateTime<Utc>) -> Option<Duration> {
        let reset = self
            .retry_after
            .and_then(|value| parse_retry_after(value, now))
            .or_else(|| {
                self.rate_limit_reset
                    .and_then(|value| parse_rate_limit_reset(value, now))
            })?;
        Some((reset - now).to_std().unwrap_or(Duration::ZERO))
    }

    /// Returns when a daily limit resets and where that time came from:
    /// `Retry-After` when present, else the next midnight UTC, when Zoom
    /// resets its daily limits.
    pub fn daily_reset(&self, now: DateTime<Utc>) -> (DateTime<Utc>, &'static str) {
        match self
            .retry_after
            .and_then(|value| parse_retry_after(value, now))
            .filter(|reset| *reset > now)
        {
            Some(reset) => (reset, "the Retry-After header"),
            None => (next_utc_midnight(now), "Zoom's daily reset at 00:00 UTC"),
        }
    }
}

/// Parses `Retry-After`: delay seconds, an ISO 8601 / RFC 3339 date (what
/// Zoom sends on daily limits) or an HTTP date (RFC 9110).
pub fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return now.checked_add_signed(TimeDelta::try_seconds(i64::try_from(seconds).ok()?)?);
    }
    parse_date(value)
}

/// Parses `X-RateLimit-Reset`.
// NOTE: Zoom's docs name this header on per-second 429s but do not give
// its format. A number above 10^9 is read as a Unix time in seconds, a
// smaller one as seconds to wait, and anything else as a date.
pub fn parse_rate_limit_reset(value: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let value = value.trim();
    if let Ok(number) = value.parse::<i64>() {
        if number > 1_000_000_000 {
            return DateTime::from_timestamp(number, 0);
        }
        return now.checked_add_signed(TimeDelta::try_seconds(number.max(0))?);
    }
    parse_date(value)
}

fn parse_date(value: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(value)
        .or_else(|_| DateTime::parse_from_rfc2822(value))
        .ok()
        .map(|date| date.with_timezone(&Utc))
}

/// Returns the first 00:00 UTC after `now`.
pub fn next_utc_midnight(now: DateTime<Utc>) -> DateTime<Utc> {
    let tomorrow = now.date_naive() + TimeDelta::days(1);
    tomorrow.and_time(NaiveTime::MIN).and_utc()
}

/// Describes which daily limit a 429 message names, such as
/// `3 "Add a webinar registrant" requests per day for the registrant
/// x@y.z`, or `None` when the message has no count.
///
/// Zoom words these messages as `You have exceeded the daily rate limit of
/// (3) for Add a webinar registrant API requests for the registrant
/// (x@y.z). You can resume these API requests at GMT 00:00:00.`
pub fn daily_limit_description(message: &str) -> Option<String> {
    let (_, rest) = message.split_once("daily rate limit of (")?;
    let (count, rest) = rest.split_once(')')?;
    let count: u32 = count.trim().parse().ok()?;
    let rest = rest.trim_start().strip_prefix("for ")?;
    let (operation, subject) = match rest.split_once(" API requests") {
        Some((operation, subject)) => (operation.trim(), subject),
        None => (rest.split('.').next().unwrap_or(rest).trim(), ""),
    };
    let mut description = format!("{count} \"{operation}\" requests per day");
    let subject = subject.split(". ").next().unwrap_or("").trim();
    if let Some(subject) = subject.strip_prefix("for ") {
        let subject = subject.trim_end_matches('.').replace(['(', ')'], "");
        description.push_str(&format!(" for {subject}"));
    }
    Some(description)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn response<'a>(
        rate_limit_type: Option<&'a str>,
        retry_after: Option<&'a str>,
        message: &'a str,
    ) -> RateLimitResponse<'a> {
        RateLimitResponse {
            rate_limit_type,
            retry_after,
            rate_limit_reset: None,
            message,
        }
    }

    #[test]
    fn retry_after_seconds() {
        let now = at("2026-03-01T10:00:00Z");
        assert_eq!(
            parse_retry_after("2", now),
            Some(at("2026-03-01T10:00:02Z"))
        );
    }

    #[test]
    fn retry_after_iso_date() {
        let now = at("2026-03-01T10:00:00Z");
        assert_eq!(
            parse_retry_after("2026-03-02T00:00:00Z", now),
            Some(at("2026-03-02T00:00:00Z"))
        );
    }

    #[test]
    fn retry_after_http_date() {
        let now = at("2026-03-01T10:00:00Z");
        assert_eq!(
            parse_retry_after("Sun, 01 Mar 2026 10:00:03 GMT", now),
            Some(at("2026-03-01T10:00:03Z"))
        );
    }

    #[test]
    fn retry_after_garbage_is_none() {
        let now = at("2026-03-01T10:00:00Z");
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-1", now), None);
    }

    #[test]
    fn rate_limit_reset_forms() {
        let now = at("2026-03-01T10:00:00Z");
        assert_eq!(
            parse_rate_limit_reset("3", now),
            Some(at("2026-03-01T10:00:03Z"))
        );
        let epoch = at("2026-03-01T10:00:05Z").timestamp().to_string();
        assert_eq!(
            parse_rate_limit_reset(&epoch, now),
            Some(at("2026-03-01T10:00:05Z"))
        );
    }

    #[test]
    fn wait_prefers_retry_after() {
        let now = at("2026-03-01T10:00:00Z");
        let limit = RateLimitResponse {
            rate_limit_type: Some("QPS"),
            retry_after: Some("1"),
            rate_limit_reset: Some("5"),
            message: "",
        };
        assert_eq!(limit.wait(now), Some(Duration::from_secs(1)));
        let reset_only = RateLimitResponse {
            retry_after: None,
            ..limit
        };
        assert_eq!(reset_only.wait(now), Some(Duration::from_secs(5)));
        let neither = RateLimitResponse {
            rate_limit_reset: None,
            ..reset_only
        };
        assert_eq!(neither.wait(now), None);
    }

    #[test]
    fn daily_from_header_or_message() {
        let qps =
            "You have reached the maximum per-second rate limit for this API. Try again later.";
        let daily = "You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.";
        assert!(!response(Some("QPS"), None, qps).is_daily());
        assert!(response(Some("Daily-limit"), None, daily).is_daily());
        assert!(response(None, None, daily).is_daily());
        assert!(!response(None, None, qps).is_daily());
    }

    #[test]
    fn daily_reset_defaults_to_midnight_utc() {
        let now = at("2026-03-01T22:30:00Z");
        let limit = response(None, None, "daily rate limit");
        let (reset, source) = limit.daily_reset(now);
        assert_eq!(reset, at("2026-03-02T00:00:00Z"));
        assert!(source.contains("00:00 UTC"), "{source}");

        let with_header = response(Some("Daily-limit"), Some("2026-03-03T00:00:00Z"), "");
        let (reset, source) = with_header.daily_reset(now);
        assert_eq!(reset, at("2026-03-03T00:00:00Z"));
        assert!(source.contains("Retry-After"), "{source}");
    }

    #[test]
    fn registrant_add_limit_described() {
        let message = "You have exceeded the daily rate limit of (3) for Add a webinar registrant API requests for the registrant (x@y.z). You can resume these API requests at GMT 00:00:00.";
        assert_eq!(
            daily_limit_description(message).as_deref(),
            Some("3 \"Add a webinar registrant\" requests per day for the registrant x@y.z")
        );
    }

    #[test]
    fn status_change_limit_described() {
        let message = "You have exceeded the daily rate limit of (10) for webinar Update registrant's status API requests for the registrant (x@y.z). You can resume these API requests at GMT 00:00:00.";
        assert_eq!(
            daily_limit_description(message).as_deref(),
            Some(
                "10 \"webinar Update registrant's status\" requests per day for the registrant x@y.z"
            )
        );
    }

    #[test]
    fn generic_daily_message_has_no_description() {
        assert_eq!(
            daily_limit_description("You have reached the maximum daily rate limit for this API."),
            None
        );
    }
}
