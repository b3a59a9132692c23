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

/// Formats an instant for summaries in the webinar's own zone first, when it
/// has one that differs from `default_zone`, with the default zone and UTC
/// beside it: "Fri 15 Jan 2027 15:00 GMT (20:30 IST, 15:00 UTC)". The
/// organiser scheduled in the webinar's zone, so that is the time they
/// recognise. Otherwise it is [`human_time_with_utc`] in `default_zone`.
pub fn human_time_in_zones(utc: DateTime<Utc>, own_zone: Option<Tz>, default_zone: Tz) -> String {
    let Some(own_zone) = own_zone.filter(|zone| *zone != default_zone) else {
        return human_time_with_utc(utc, default_zone);
    };
    let local = human_time(utc, own_zone);
    let own_day = utc.with_timezone(&own_zone).date_naive();
    let beside = |zone: Tz, name: &str| {
        let time = utc.with_timezone(&zone);
        if time.date_naive() == own_day {
            format!("{} {name}", time.format("%H:%M"))
        } else {
            format!("{} {name}", time.format("%a %-d %b %H:%M"))
        }
    };
    let default_abbreviation = utc.with_timezone(&default_zone).format("%Z").to_string();
    let mut others = vec![beside(default_zone, &default_abbreviation)];
    if own_zone != Tz::UTC
        && own_zone != Tz::Etc__UTC
        && default_zone != Tz::UTC
        && default_zone != Tz::Etc__UTC
    {
        others.push(beside(Tz::UTC, "UTC"));
    }
    format!("{local} ({})", others.join(", "))
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
    fn summary_time_leads_with_webinar_zone() {
        let utc = Utc.with_ymd_and_hms(2027, 1, 15, 15, 0, 0).unwrap();
        assert_eq!(
            human_time_in_zones(utc, Some(Tz::Europe__London), Tz::Asia__Kolkata),
            "Fri 15 Jan 2027 15:00 GMT (20:30 IST, 15:00 UTC)"
        );
        assert_eq!(
            human_time_in_zones(utc, Some(Tz::Asia__Kolkata), Tz::Asia__Kolkata),
            "Fri 15 Jan 2027 20:30 IST (15:00 UTC)"
        );
        assert_eq!(
            human_time_in_zones(utc, None, Tz::Asia__Kolkata),
            "Fri 15 Jan 2027 20:30 IST (15:00 UTC)"
        );
        let late = Utc.with_ymd_and_hms(2027, 1, 15, 23, 0, 0).unwrap();
        assert_eq!(
            human_time_in_zones(late, Some(Tz::America__New_York), Tz::Asia__Kolkata),
            "Fri 15 Jan 2027 18:00 EST (Sat 16 Jan 04:30 IST, 23:00 UTC)"
        );
    }

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
