//! Zoom's response shapes (the fields this server uses) and the compact
//! rows the tools return.

pub mod branding;
pub mod past;
pub mod people;
pub mod poll;
pub mod report;
pub mod survey;
pub mod webinar;

use chrono_tz::Tz;

use crate::time::{TimeDisplay, display_time, human_time, parse_zoom_utc};

/// Show a Zoom UTC time in UTC and `time_zone`; `None` when Zoom sent no
/// time or one this server cannot read.
pub fn show_time(value: Option<&str>, time_zone: Tz) -> Option<TimeDisplay> {
    let value = value?.trim();
    if value.is_empty() {
        return None;
    }
    match parse_zoom_utc(value) {
        Ok(utc) => Some(display_time(utc, time_zone)),
        Err(_) => {
            // Some Zoom fields use RFC 3339 with an offset or fractions.
            chrono::DateTime::parse_from_rfc3339(value)
                .ok()
                .map(|parsed| display_time(parsed.with_timezone(&chrono::Utc), time_zone))
        }
    }
}

/// A short human form of a Zoom UTC time for summaries, or "no start time".
pub fn show_time_short(value: Option<&str>, time_zone: Tz) -> String {
    value
        .and_then(|value| parse_zoom_utc(value).ok())
        .map(|utc| human_time(utc, time_zone))
        .unwrap_or_else(|| "no start time".to_string())
}
