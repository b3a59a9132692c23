//! Start times as Zoom reads and writes them.
//!
//! Requests give `start_time` either in UTC (`yyyy-MM-ddTHH:mm:ssZ`) or as a
//! local wall time (`yyyy-MM-ddTHH:mm:ss`, no `Z`) in the request's
//! `timezone`, an IANA zone. Responses always give UTC with `Z`.

use chrono::{DateTime, LocalResult, NaiveDateTime, Offset, TimeDelta, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

/// Formats an instant the way Zoom's responses do: `2026-03-10T15:00:00Z`.
pub(crate) fn format_utc(instant: DateTime<Utc>) -> String {
    instant.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Parses an IANA time zone name such as `America/New_York`.
pub(crate) fn parse_time_zone(name: &str) -> Option<Tz> {
    name.parse::<Tz>().ok()
}

/// Parses a request `start_time`: UTC when it ends in `Z`, otherwise a local
/// wall time in `zone`. Fractional seconds are accepted and dropped.
pub(crate) fn parse_start_time(text: &str, zone: Tz) -> Option<DateTime<Utc>> {
    if let Some(utc_text) = text.strip_suffix('Z') {
        let naive = parse_naive(utc_text)?;
        return Some(Utc.from_utc_datetime(&naive));
    }
    parse_naive(text).map(|naive| local_to_utc(naive, zone))
}

/// Parses an end time that Zoom requires in UTC with `Z`.
pub(crate) fn parse_utc(text: &str) -> Option<DateTime<Utc>> {
    let naive = parse_naive(text.strip_suffix('Z')?)?;
    Some(Utc.from_utc_datetime(&naive))
}

fn parse_naive(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
        .ok()
        .and_then(|naive| naive.with_nanosecond(0))
}

/// Converts a local wall time in `zone` to UTC.
///
/// A time that occurs twice (when clocks go back) takes the earlier instant.
/// A time that does not exist (when clocks go forward) is moved forward by
/// the size of the gap, as calendar applications do: 02:30 on the day New
/// York springs forward becomes 03:30 EDT.
pub(crate) fn local_to_utc(local: NaiveDateTime, zone: Tz) -> DateTime<Utc> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(instant) => instant.with_timezone(&Utc),
        LocalResult::Ambiguous(earlier, _) => earlier.with_timezone(&Utc),
        LocalResult::None => {
            // Read the wall time with the offset in force before the gap.
            let probe = local - TimeDelta::hours(3);
            let offset_before = match zone.from_local_datetime(&probe) {
                LocalResult::Single(instant) | LocalResult::Ambiguous(instant, _) => {
                    instant.offset().fix().local_minus_utc()
                }
                LocalResult::None => 0,
            };
            let utc_naive = local - TimeDelta::seconds(i64::from(offset_before));
            Utc.from_utc_datetime(&utc_naive)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        parse_utc(text).unwrap()
    }

    #[test]
    fn utc_form_ignores_zone() {
        let parsed = parse_start_time("2030-03-05T15:00:00Z", chrono_tz::Asia::Kolkata);
        assert_eq!(parsed, Some(utc("2030-03-05T15:00:00Z")));
    }

    #[test]
    fn local_form_uses_zone_and_dst() {
        let zone = chrono_tz::America::New_York;
        let winter = parse_start_time("2030-03-05T10:00:00", zone);
        let summer = parse_start_time("2030-03-12T10:00:00", zone);
        assert_eq!(winter, Some(utc("2030-03-05T15:00:00Z")));
        assert_eq!(summer, Some(utc("2030-03-12T14:00:00Z")));
    }

    #[test]
    fn gap_time_moves_forward() {
        let zone = chrono_tz::America::New_York;
        let in_gap = parse_start_time("2030-03-10T02:30:00", zone);
        assert_eq!(in_gap, Some(utc("2030-03-10T07:30:00Z")));
        assert_eq!(
            format_utc(in_gap.unwrap().with_timezone(&zone).to_utc()),
            "2030-03-10T07:30:00Z"
        );
    }

    #[test]
    fn ambiguous_time_takes_earlier() {
        let zone = chrono_tz::America::New_York;
        let repeated = parse_start_time("2030-11-03T01:30:00", zone);
        assert_eq!(repeated, Some(utc("2030-11-03T05:30:00Z")));
    }

    #[test]
    fn rejects_other_formats() {
        let zone = chrono_tz::UTC;
        assert_eq!(parse_start_time("2030-03-05 10:00", zone), None);
        assert_eq!(parse_start_time("2030-03-05T10:00:00+02:00", zone), None);
        assert_eq!(parse_utc("2030-03-05T10:00:00"), None);
    }
}
