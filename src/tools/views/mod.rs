//! Zoom's response shapes (the fields this server uses) and the compact
//! rows the tools return.

pub mod branding;
pub mod past;
pub mod people;
pub mod poll;
pub mod report;
pub mod survey;
pub mod webinar;

use chrono::{DateTime, Utc};
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

/// A short human form of a Zoom UTC time for summaries, in `time_zone`
/// and in UTC, or "no start time".
pub fn show_time_short(value: Option<&str>, time_zone: Tz) -> String {
    value
        .and_then(|value| parse_zoom_utc(value).ok())
        .map(|utc| human_time_with_utc(utc, time_zone))
        .unwrap_or_else(|| "no start time".to_string())
}

/// Formats an instant for summaries in `time_zone` with UTC beside it, e.g.
/// "Thu 10 Dec 2026 15:00 IST (09:30 UTC)". The UTC part names its day
/// when that differs from the local one, and is left out when `time_zone`
/// is UTC.
pub fn human_time_with_utc(utc: DateTime<Utc>, time_zone: Tz) -> String {
    let local = human_time(utc, time_zone);
    if time_zone == Tz::UTC || time_zone == Tz::Etc__UTC {
        return local;
    }
    let same_day = utc.date_naive() == utc.with_timezone(&time_zone).date_naive();
    let utc_part = if same_day {
        utc.format("%H:%M UTC")
    } else {
        utc.format("%a %-d %b %H:%M UTC")
    };
    format!("{local} ({utc_part})")
}

/// Formats a [`TimeDisplay`] for summaries as [`human_time_with_utc`]
/// does, in the display's own time zone. Falls back to its local text when
/// it cannot be read back.
pub fn describe_time(time: &TimeDisplay) -> String {
    let utc = DateTime::parse_from_rfc3339(&time.utc).map(|parsed| parsed.with_timezone(&Utc));
    let time_zone = time.time_zone.parse::<Tz>();
    match (utc, time_zone) {
        (Ok(utc), Ok(time_zone)) => human_time_with_utc(utc, time_zone),
        _ => time.local.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn summary_time_shows_utc_beside_local() {
        let utc = Utc.with_ymd_and_hms(2026, 12, 10, 9, 30, 0).unwrap();
        assert_eq!(
            human_time_with_utc(utc, chrono_tz::Asia::Kolkata),
            "Thu 10 Dec 2026 15:00 IST (09:30 UTC)"
        );
        let late = Utc.with_ymd_and_hms(2026, 12, 10, 20, 0, 0).unwrap();
        assert_eq!(
            human_time_with_utc(late, chrono_tz::Asia::Kolkata),
            "Fri 11 Dec 2026 01:30 IST (Thu 10 Dec 20:00 UTC)"
        );
        assert_eq!(
            human_time_with_utc(utc, Tz::UTC),
            "Thu 10 Dec 2026 09:30 UTC"
        );
    }

    #[test]
    fn described_display_uses_its_zone() {
        let utc = Utc.with_ymd_and_hms(2026, 7, 1, 14, 0, 0).unwrap();
        let display = display_time(utc, chrono_tz::America::New_York);
        assert_eq!(
            describe_time(&display),
            "Wed 1 Jul 2026 10:00 EDT (14:00 UTC)"
        );
        let unreadable = TimeDisplay {
            utc: "soon".to_string(),
            local: "2026-07-01T10:00:00-04:00".to_string(),
            time_zone: "America/New_York".to_string(),
        };
        assert_eq!(describe_time(&unreadable), "2026-07-01T10:00:00-04:00");
    }
}
