//! Time zones and start times as Zoom expects them.
//!
//! Zoom accepts a webinar's `start_time` either in UTC (`yyyy-MM-ddTHH:mm:ssZ`)
//! or as local wall time (`yyyy-MM-ddTHH:mm:ss`, no `Z`) plus a `timezone` IANA
//! ID. This server always sends the local form with `timezone`, so every start
//! time is first resolved to a local wall time in its zone. A local time that
//! the zone skips or repeats at a daylight saving change is rejected. Zoom's
//! responses give `start_time` in UTC with `Z`.

use chrono::{
    DateTime, Datelike, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    SecondsFormat, TimeZone, Utc,
};
use chrono_tz::{GapInfo, Tz};
use schemars::JsonSchema;
use serde::Serialize;

/// The format of Zoom's local `start_time` (no offset, no `Z`).
pub const ZOOM_LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

/// The format of the UTC times in Zoom's responses and in `end_date_time`.
pub const ZOOM_UTC_FORMAT: &str = "%Y-%m-%dT%H:%M:%SZ";

/// Common time zone abbreviations and the IANA zone each one is read as.
///
/// An abbreviation names an offset, not a zone with daylight saving rules, and
/// several are ambiguous (CST is also China Standard Time, IST also Israel and
/// Ireland), so each maps to one representative zone.
const ABBREVIATIONS: &[(&str, Tz)] = &[
    ("IST", Tz::Asia__Kolkata),
    ("ET", Tz::America__New_York),
    ("EST", Tz::America__New_York),
    ("EDT", Tz::America__New_York),
    ("CT", Tz::America__Chicago),
    ("CST", Tz::America__Chicago),
    ("CDT", Tz::America__Chicago),
    ("MT", Tz::America__Denver),
    ("MST", Tz::America__Denver),
    ("MDT", Tz::America__Denver),
    ("PT", Tz::America__Los_Angeles),
    ("PST", Tz::America__Los_Angeles),
    ("PDT", Tz::America__Los_Angeles),
    ("BST", Tz::Europe__London),
    ("CET", Tz::Europe__Berlin),
    ("CEST", Tz::Europe__Berlin),
    ("JST", Tz::Asia__Tokyo),
    ("AEST", Tz::Australia__Sydney),
    ("AEDT", Tz::Australia__Sydney),
    ("SGT", Tz::Asia__Singapore),
];

/// Errors from parsing time zones and start times.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error(
        "unknown time zone \"{name}\": use an IANA time zone ID in Area/City form, \
         such as \"America/New_York\" or \"Asia/Kolkata\", or \"UTC\""
    )]
    UnknownTimeZone { name: String },

    #[error(
        "time zone \"{name}\" is an abbreviation, not an IANA time zone ID: \
         use an ID such as \"{suggestion}\""
    )]
    TimeZoneAbbreviation { name: String, suggestion: Tz },

    #[error(
        "invalid start time \"{input}\": use local time as yyyy-MM-ddTHH:mm or \
         yyyy-MM-ddTHH:mm:ss (for example \"2026-12-10T15:00\"), or add Z or an offset \
         such as +05:30 to give an instant"
    )]
    InvalidStartTime { input: String },

    #[error("invalid start time \"{input}\": {reason}; give a date and time that exist")]
    ImpossibleStartTime { input: String, reason: String },

    #[error(
        "start time {} does not exist in {time_zone}: on {} the clocks skip from {} to {} \
         (UTC offset {} to {}). Choose a time before {} or from {} on",
        .local.format(ZOOM_LOCAL_FORMAT),
        .local.date(),
        .gap_start.format("%H:%M"),
        .gap_end.format("%H:%M"),
        format_offset(*.offset_before),
        format_offset(*.offset_after),
        .gap_start.format("%H:%M"),
        .gap_end.format("%H:%M")
    )]
    NonexistentLocalTime {
        local: NaiveDateTime,
        time_zone: Tz,
        gap_start: NaiveTime,
        gap_end: NaiveTime,
        offset_before: FixedOffset,
        offset_after: FixedOffset,
    },

    #[error(
        "start time {} is ambiguous in {time_zone}: the clocks go back, so it occurs twice, \
         first at UTC offset {} and again at {}. Add an explicit offset, for example \
         {}{} for the first or {}{} for the second",
        .local.format(ZOOM_LOCAL_FORMAT),
        format_offset(*.earlier),
        format_offset(*.later),
        .local.format(ZOOM_LOCAL_FORMAT),
        format_offset(*.earlier),
        .local.format(ZOOM_LOCAL_FORMAT),
        format_offset(*.later)
    )]
    AmbiguousLocalTime {
        local: NaiveDateTime,
        time_zone: Tz,
        earlier: FixedOffset,
        later: FixedOffset,
    },

    #[error(
        "invalid Zoom UTC time \"{value}\": expected yyyy-MM-ddTHH:mm:ssZ, \
         such as \"2026-12-10T09:30:00Z\""
    )]
    InvalidZoomUtc { value: String },
}

/// A start time resolved to one wall time in a zone and the instant it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResolvedStart {
    pub local: NaiveDateTime,
    pub time_zone: Tz,
    pub utc: DateTime<Utc>,
}

impl ResolvedStart {
    /// Formats the local wall time as Zoom's `start_time` without `Z`, to be
    /// sent together with `timezone` set to [`Self::time_zone`].
    pub fn zoom_local(&self) -> String {
        self.local.format(ZOOM_LOCAL_FORMAT).to_string()
    }
}

/// One instant shown in UTC and in a webinar's time zone.
#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct TimeDisplay {
    /// The instant in UTC, RFC 3339 with `Z`, e.g. "2026-12-10T09:30:00Z".
    pub utc: String,
    /// The same instant as local time with its UTC offset, e.g. "2026-12-10T15:00:00+05:30".
    pub local: String,
    /// The IANA time zone of `local`, e.g. "Asia/Kolkata".
    pub time_zone: String,
}

/// Parses an IANA time zone ID, ignoring ASCII case and treating spaces as
/// underscores. "UTC" and "GMT" are accepted. Abbreviations such as "EST" are
/// rejected with the IANA zone to use instead, because Zoom's `timezone` field
/// takes IANA IDs and an abbreviation has no daylight saving rules.
pub fn parse_time_zone(name: &str) -> Result<Tz, TimeError> {
    let normalized = name.trim().replace(' ', "_");
    if normalized.eq_ignore_ascii_case("UTC") {
        return Ok(Tz::UTC);
    }
    if normalized.eq_ignore_ascii_case("GMT") {
        return Ok(Tz::GMT);
    }
    if let Some(suggestion) = time_zone_for_abbreviation(&normalized) {
        return Err(TimeError::TimeZoneAbbreviation {
            name: name.trim().to_string(),
            suggestion,
        });
    }
    if let Ok(tz) = normalized.parse::<Tz>() {
        return Ok(tz);
    }
    chrono_tz::TZ_VARIANTS
        .iter()
        .copied()
        .find(|tz| tz.name().eq_ignore_ascii_case(&normalized))
        .ok_or_else(|| TimeError::UnknownTimeZone {
            name: name.trim().to_string(),
        })
}

/// Returns the representative IANA zone for a common abbreviation such as
/// "IST" or "PT" (ASCII case ignored), or `None` when it is not one of them.
pub fn time_zone_for_abbreviation(abbreviation: &str) -> Option<Tz> {
    ABBREVIATIONS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(abbreviation))
        .map(|(_, tz)| *tz)
}

/// Resolves a start time given by a user or a tool argument.
///
/// Accepts "2026-12-10T15:00", "2026-12-10T15:00:00" and "2026-12-10 15:00"
/// as local wall time in `time_zone`; "...Z" as UTC and "...+05:30" or
/// "...-04:00" as an instant, both converted into `time_zone`.
///
/// A local time inside a daylight saving gap is rejected naming the gap. One
/// that occurs twice (the clocks go back) is rejected naming both UTC offsets,
/// so that the caller can pick one with an explicit offset.
pub fn resolve_start_time(input: &str, time_zone: Tz) -> Result<ResolvedStart, TimeError> {
    let invalid = || TimeError::InvalidStartTime {
        input: input.to_string(),
    };
    let normalized = normalize_date_time_separator(input.trim()).ok_or_else(invalid)?;

    let (wall_text, offset) = split_offset(&normalized).ok_or_else(invalid)?;
    let wall = parse_wall_time(wall_text).ok_or_else(|| match impossible_reason(wall_text) {
        Some(reason) => TimeError::ImpossibleStartTime {
            input: input.to_string(),
            reason,
        },
        None => invalid(),
    })?;

    let Some(offset) = offset else {
        return resolve_local_time(wall, time_zone);
    };

    let instant = offset
        .from_local_datetime(&wall)
        .single()
        .ok_or_else(invalid)?
        .with_timezone(&Utc);
    // NOTE: when this wall time occurs twice in `time_zone` (the hour after
    // the clocks go back), Zoom receives only the wall time and the zone, and
    // its docs do not say which of the two instants it picks. Callers can
    // compare the UTC `start_time` in Zoom's response with `utc`.
    let local = instant.with_timezone(&time_zone).naive_local();
    Ok(ResolvedStart {
        local,
        time_zone,
        utc: instant,
    })
}

/// Resolves a local wall time in `time_zone`, rejecting a time inside a
/// daylight saving gap or one that occurs twice.
pub fn resolve_local_time(local: NaiveDateTime, time_zone: Tz) -> Result<ResolvedStart, TimeError> {
    match time_zone.from_local_datetime(&local) {
        LocalResult::Single(instant) => Ok(ResolvedStart {
            local,
            time_zone,
            utc: instant.with_timezone(&Utc),
        }),
        LocalResult::Ambiguous(earlier, later) => Err(TimeError::AmbiguousLocalTime {
            local,
            time_zone,
            earlier: earlier.offset().fix(),
            later: later.offset().fix(),
        }),
        LocalResult::None => Err(nonexistent_local_time(local, time_zone)),
    }
}

/// Converts a local wall time to UTC without rejecting anything, the way a
/// calendar places a repeating event. A time inside a gap moves forward by
/// the length of the gap, and a time that occurs twice takes the first one.
pub(crate) fn local_to_utc_lenient(local: NaiveDateTime, time_zone: Tz) -> DateTime<Utc> {
    match time_zone.from_local_datetime(&local) {
        LocalResult::Single(instant) | LocalResult::Ambiguous(instant, _) => {
            instant.with_timezone(&Utc)
        }
        LocalResult::None => {
            // Read the wall time with the offset in force before the gap. The
            // fallback only applies at the ends of chrono-tz's transition table.
            let gap_offset = GapInfo::new(&local, &time_zone)
                .and_then(|gap| gap.begin)
                .map(|(_, offset)| offset.fix())
                .unwrap_or_else(|| time_zone.offset_from_utc_datetime(&local).fix());
            (local - chrono::Duration::seconds(i64::from(gap_offset.local_minus_utc()))).and_utc()
        }
    }
}

/// Returns the last second of `date` in `time_zone` as a UTC instant. Where
/// that wall time occurs twice, the later one is used; where it falls in a
/// gap, the last wall time before the gap.
pub(crate) fn end_of_local_day(date: NaiveDate, time_zone: Tz) -> DateTime<Utc> {
    let last_second = NaiveTime::from_hms_opt(23, 59, 59).expect("23:59:59 is a valid time");
    let mut local = date.and_time(last_second);
    // A gap lasts at most a day, so this ends within 1440 steps.
    for _ in 0..=24 * 60 {
        match time_zone.from_local_datetime(&local) {
            LocalResult::Single(instant) | LocalResult::Ambiguous(_, instant) => {
                return instant.with_timezone(&Utc);
            }
            LocalResult::None => local -= chrono::Duration::minutes(1),
        }
    }
    local_to_utc_lenient(date.and_time(last_second), time_zone)
}

/// Parses a UTC time in the form Zoom's responses use, "2026-12-10T09:30:00Z".
pub fn parse_zoom_utc(value: &str) -> Result<DateTime<Utc>, TimeError> {
    NaiveDateTime::parse_from_str(value.trim(), ZOOM_UTC_FORMAT)
        .map(|naive| naive.and_utc())
        .map_err(|_| TimeError::InvalidZoomUtc {
            value: value.to_string(),
        })
}

/// Formats a UTC instant as Zoom's UTC form, "2026-12-10T09:30:00Z".
pub fn format_zoom_utc(utc: DateTime<Utc>) -> String {
    utc.format(ZOOM_UTC_FORMAT).to_string()
}

/// Shows an instant in UTC and as local time in `time_zone`.
pub fn display_time(utc: DateTime<Utc>, time_zone: Tz) -> TimeDisplay {
    TimeDisplay {
        utc: utc.to_rfc3339_opts(SecondsFormat::Secs, true),
        local: utc
            .with_timezone(&time_zone)
            .format("%Y-%m-%dT%H:%M:%S%:z")
            .to_string(),
        time_zone: time_zone.name().to_string(),
    }
}

/// Formats an instant for summaries, e.g. "Thu 10 Dec 2026 15:00 IST". Zones
/// without an abbreviation show their offset instead, e.g. "-03".
pub fn human_time(utc: DateTime<Utc>, time_zone: Tz) -> String {
    utc.with_timezone(&time_zone)
        .format("%a %-d %b %Y %H:%M %Z")
        .to_string()
}

/// Formats a UTC offset as "+05:30" or "-04:00"; zero is "+00:00".
fn format_offset(offset: FixedOffset) -> String {
    let seconds = offset.local_minus_utc();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

fn nonexistent_local_time(local: NaiveDateTime, time_zone: Tz) -> TimeError {
    let gap = GapInfo::new(&local, &time_zone);
    let begin = gap.as_ref().and_then(|gap| gap.begin.as_ref());
    let end = gap.as_ref().and_then(|gap| gap.end);

    match (begin, end) {
        (Some((gap_start, offset_before)), Some(gap_end)) => TimeError::NonexistentLocalTime {
            local,
            time_zone,
            gap_start: gap_start.time(),
            gap_end: gap_end.naive_local().time(),
            offset_before: offset_before.fix(),
            offset_after: gap_end.offset().fix(),
        },
        // chrono-tz reports a gap without bounds only at the ends of its
        // transition table, far outside any date a webinar can use.
        _ => TimeError::InvalidStartTime {
            input: local.format(ZOOM_LOCAL_FORMAT).to_string(),
        },
    }
}

/// Replaces a space or lower-case `t` between date and time with `T`.
fn normalize_date_time_separator(input: &str) -> Option<String> {
    let mut text = input.to_string();
    match text.get(10..11) {
        Some(" ") | Some("t") => text.replace_range(10..11, "T"),
        Some("T") => {}
        _ => return None,
    }
    Some(text)
}

/// Splits "wall[Z|±hh:mm]" into the wall-time text and its offset, if any.
/// Returns `None` when the suffix is not a valid offset.
fn split_offset(text: &str) -> Option<(&str, Option<FixedOffset>)> {
    if let Some(wall) = text.strip_suffix(['Z', 'z']) {
        return Some((wall, Some(FixedOffset::east_opt(0)?)));
    }
    // The time part starts after the 'T' at index 10, so a sign there is an offset.
    let time_part = text.get(11..)?;
    let Some(sign_index) = time_part.rfind(['+', '-']) else {
        return Some((text, None));
    };
    let (wall, offset_text) = text.split_at(11 + sign_index);
    Some((wall, Some(parse_offset(offset_text)?)))
}

/// Parses "+05:30", "+0530" or "+05" (and the same with '-').
fn parse_offset(text: &str) -> Option<FixedOffset> {
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = text[1..].chars().filter(|c| *c != ':').collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (hours, minutes) = match digits.len() {
        2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    if hours > 14 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

fn parse_wall_time(text: &str) -> Option<NaiveDateTime> {
    ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
}

/// Explains why `text`, written in the accepted `yyyy-MM-ddTHH:mm[:ss]`
/// form, names no real time, such as "February 2027 has no day 30".
/// Returns `None` when the form itself is wrong or nothing is out of range.
fn impossible_reason(text: &str) -> Option<String> {
    let (date, time) = text.split_once('T')?;
    let numbers = |part: &str, separator: char, widths: &[usize]| -> Option<Vec<u32>> {
        let fields: Vec<&str> = part.split(separator).collect();
        let well_formed = fields.len() == widths.len()
            && fields.iter().zip(widths).all(|(field, width)| {
                field.len() == *width && field.bytes().all(|b| b.is_ascii_digit())
            });
        well_formed.then(|| {
            fields
                .iter()
                .filter_map(|field| field.parse().ok())
                .collect()
        })
    };

    let date = numbers(date, '-', &[4, 2, 2])?;
    let time = numbers(time, ':', &[2, 2]).or_else(|| numbers(time, ':', &[2, 2, 2]))?;
    let (year, month, day) = (i32::try_from(date[0]).ok()?, date[1], date[2]);

    if !(1..=12).contains(&month) {
        return Some(format!("month {month:02} does not exist; use 01 to 12"));
    }
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let days_in_month = first
        .checked_add_months(chrono::Months::new(1))?
        .pred_opt()?
        .day();
    if day == 0 || day > days_in_month {
        return Some(format!(
            "{} has no day {day} (it has {days_in_month} days)",
            first.format("%B %Y")
        ));
    }

    if time[0] > 23 {
        return Some(format!("hour {} does not exist; use 00 to 23", time[0]));
    }
    if time[1] > 59 {
        return Some(format!("minute {} does not exist; use 00 to 59", time[1]));
    }
    if time.get(2).is_some_and(|second| *second > 59) {
        return Some(format!("second {} does not exist; use 00 to 59", time[2]));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn impossible_dates_are_named() {
        let kolkata = Tz::Asia__Kolkata;
        for (input, reason) in [
            (
                "2027-02-30T15:00",
                "February 2027 has no day 30 (it has 28 days)",
            ),
            (
                "2028-02-30T15:00",
                "February 2028 has no day 30 (it has 29 days)",
            ),
            ("2027-13-01T15:00", "month 13 does not exist; use 01 to 12"),
            ("2027-01-10T24:00", "hour 24 does not exist; use 00 to 23"),
            (
                "2027-01-10T10:60:00",
                "minute 60 does not exist; use 00 to 59",
            ),
        ] {
            let error = resolve_start_time(input, kolkata).expect_err(input);
            assert_eq!(
                error,
                TimeError::ImpossibleStartTime {
                    input: input.into(),
                    reason: reason.into()
                }
            );
        }
        assert!(matches!(
            resolve_start_time("next tuesday", kolkata),
            Err(TimeError::InvalidStartTime { .. })
        ));
    }

    fn local(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, ZOOM_LOCAL_FORMAT).expect("test input is valid")
    }

    fn utc(text: &str) -> DateTime<Utc> {
        parse_zoom_utc(text).expect("test input is valid")
    }

    fn offset(hours: i32, minutes: i32) -> FixedOffset {
        FixedOffset::east_opt(hours * 3600 + hours.signum() * minutes * 60).expect("valid offset")
    }

    #[test]
    fn time_zone_exact_iana_id() {
        assert_eq!(
            parse_time_zone("America/New_York"),
            Ok(Tz::America__New_York)
        );
        assert_eq!(parse_time_zone("Asia/Kolkata"), Ok(Tz::Asia__Kolkata));
        assert_eq!(parse_time_zone("  Europe/London "), Ok(Tz::Europe__London));
    }

    #[test]
    fn time_zone_ignores_case_and_spaces() {
        assert_eq!(
            parse_time_zone("america/new_york"),
            Ok(Tz::America__New_York)
        );
        assert_eq!(parse_time_zone("ASIA/KOLKATA"), Ok(Tz::Asia__Kolkata));
        assert_eq!(
            parse_time_zone("America/New York"),
            Ok(Tz::America__New_York)
        );
    }

    #[test]
    fn time_zone_utc_and_gmt() {
        assert_eq!(parse_time_zone("UTC"), Ok(Tz::UTC));
        assert_eq!(parse_time_zone("utc"), Ok(Tz::UTC));
        assert_eq!(parse_time_zone("GMT"), Ok(Tz::GMT));
        assert_eq!(parse_time_zone("gmt"), Ok(Tz::GMT));
    }

    #[test]
    fn time_zone_abbreviation_rejected() {
        let error = parse_time_zone("EST").unwrap_err();
        assert_eq!(
            error,
            TimeError::TimeZoneAbbreviation {
                name: "EST".into(),
                suggestion: Tz::America__New_York
            }
        );
        assert!(
            error.to_string().contains("\"America/New_York\""),
            "{error}"
        );

        let error = parse_time_zone("ist").unwrap_err();
        assert!(error.to_string().contains("\"Asia/Kolkata\""), "{error}");
    }

    #[test]
    fn time_zone_unknown_rejected() {
        let error = parse_time_zone("Mars/Olympus").unwrap_err();
        assert_eq!(
            error,
            TimeError::UnknownTimeZone {
                name: "Mars/Olympus".into()
            }
        );
        let message = error.to_string();
        assert!(message.contains("\"Mars/Olympus\""), "{message}");
        assert!(message.contains("Area/City"), "{message}");
        assert!(message.contains("\"America/New_York\""), "{message}");
        assert!(parse_time_zone("").is_err());
    }

    #[test]
    fn abbreviation_table_maps_each_name() {
        let expected = [
            ("IST", Tz::Asia__Kolkata),
            ("ET", Tz::America__New_York),
            ("EST", Tz::America__New_York),
            ("EDT", Tz::America__New_York),
            ("CT", Tz::America__Chicago),
            ("CST", Tz::America__Chicago),
            ("CDT", Tz::America__Chicago),
            ("MT", Tz::America__Denver),
            ("MST", Tz::America__Denver),
            ("MDT", Tz::America__Denver),
            ("PT", Tz::America__Los_Angeles),
            ("PST", Tz::America__Los_Angeles),
            ("PDT", Tz::America__Los_Angeles),
            ("BST", Tz::Europe__London),
            ("CET", Tz::Europe__Berlin),
            ("CEST", Tz::Europe__Berlin),
            ("JST", Tz::Asia__Tokyo),
            ("AEST", Tz::Australia__Sydney),
            ("AEDT", Tz::Australia__Sydney),
            ("SGT", Tz::Asia__Singapore),
        ];
        for (abbreviation, zone) in expected {
            assert_eq!(
                time_zone_for_abbreviation(abbreviation),
                Some(zone),
                "{abbreviation}"
            );
            let lower = abbreviation.to_lowercase();
            assert_eq!(time_zone_for_abbreviation(&lower), Some(zone), "{lower}");
        }
        assert_eq!(time_zone_for_abbreviation("XYZ"), None);
    }

    #[test]
    fn start_local_forms_in_kolkata() {
        for input in [
            "2026-12-10T15:00",
            "2026-12-10T15:00:00",
            "2026-12-10 15:00",
        ] {
            let start = resolve_start_time(input, Tz::Asia__Kolkata).unwrap();
            assert_eq!(start.local, local("2026-12-10T15:00:00"), "{input}");
            assert_eq!(start.utc, utc("2026-12-10T09:30:00Z"), "{input}");
            assert_eq!(start.time_zone, Tz::Asia__Kolkata, "{input}");
            assert_eq!(start.zoom_local(), "2026-12-10T15:00:00", "{input}");
        }
    }

    #[test]
    fn start_utc_converted_into_zone() {
        let start = resolve_start_time("2026-12-10T09:30:00Z", Tz::Asia__Kolkata).unwrap();
        assert_eq!(start.local, local("2026-12-10T15:00:00"));
        assert_eq!(start.utc, utc("2026-12-10T09:30:00Z"));

        let start = resolve_start_time("2026-12-10T09:30Z", Tz::America__New_York).unwrap();
        assert_eq!(start.local, local("2026-12-10T04:30:00"));
    }

    #[test]
    fn start_offset_converted_into_zone() {
        let start = resolve_start_time("2026-12-10T15:00+05:30", Tz::America__New_York).unwrap();
        assert_eq!(start.utc, utc("2026-12-10T09:30:00Z"));
        assert_eq!(start.local, local("2026-12-10T04:30:00"));

        let start = resolve_start_time("2027-07-01T10:00:00-04:00", Tz::Europe__London).unwrap();
        assert_eq!(start.utc, utc("2027-07-01T14:00:00Z"));
        assert_eq!(start.local, local("2027-07-01T15:00:00"));
    }

    #[test]
    fn start_across_dst_in_new_york() {
        let before = resolve_start_time("2027-03-13T15:00", Tz::America__New_York).unwrap();
        assert_eq!(before.utc, utc("2027-03-13T20:00:00Z"));
        let after = resolve_start_time("2027-03-14T15:00", Tz::America__New_York).unwrap();
        assert_eq!(after.utc, utc("2027-03-14T19:00:00Z"));
    }

    #[test]
    fn start_in_gap_rejected_new_york() {
        let error = resolve_start_time("2027-03-14T02:30", Tz::America__New_York).unwrap_err();
        assert_eq!(
            error,
            TimeError::NonexistentLocalTime {
                local: local("2027-03-14T02:30:00"),
                time_zone: Tz::America__New_York,
                gap_start: NaiveTime::from_hms_opt(2, 0, 0).unwrap(),
                gap_end: NaiveTime::from_hms_opt(3, 0, 0).unwrap(),
                offset_before: offset(-5, 0),
                offset_after: offset(-4, 0),
            }
        );
        let message = error.to_string();
        assert!(message.contains("2027-03-14T02:30:00"), "{message}");
        assert!(message.contains("from 02:00 to 03:00"), "{message}");
        assert!(message.contains("-05:00 to -04:00"), "{message}");
    }

    #[test]
    fn start_in_gap_rejected_london() {
        let error = resolve_start_time("2027-03-28T01:30", Tz::Europe__London).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("from 01:00 to 02:00"), "{message}");
        assert!(message.contains("+00:00 to +01:00"), "{message}");
    }

    #[test]
    fn start_ambiguous_rejected_with_offsets() {
        let error = resolve_start_time("2027-11-07T01:30", Tz::America__New_York).unwrap_err();
        assert_eq!(
            error,
            TimeError::AmbiguousLocalTime {
                local: local("2027-11-07T01:30:00"),
                time_zone: Tz::America__New_York,
                earlier: offset(-4, 0),
                later: offset(-5, 0),
            }
        );
        let message = error.to_string();
        assert!(message.contains("2027-11-07T01:30:00-04:00"), "{message}");
        assert!(message.contains("2027-11-07T01:30:00-05:00"), "{message}");

        let london = resolve_start_time("2027-10-31T01:30", Tz::Europe__London).unwrap_err();
        assert!(london.to_string().contains("+01:00"), "{london}");
        assert!(london.to_string().contains("+00:00"), "{london}");
    }

    #[test]
    fn start_ambiguous_resolved_by_offset() {
        let first = resolve_start_time("2027-11-07T01:30:00-04:00", Tz::America__New_York).unwrap();
        assert_eq!(first.utc, utc("2027-11-07T05:30:00Z"));
        assert_eq!(first.local, local("2027-11-07T01:30:00"));

        let second =
            resolve_start_time("2027-11-07T01:30:00-05:00", Tz::America__New_York).unwrap();
        assert_eq!(second.utc, utc("2027-11-07T06:30:00Z"));
        assert_eq!(second.local, local("2027-11-07T01:30:00"));
    }

    #[test]
    fn start_invalid_forms_rejected() {
        for input in [
            "tomorrow",
            "2026-12-10",
            "2026-12-10T15:00+25:00",
            "2026-12-10T15:00:00.5",
            "10/12/2026 15:00",
        ] {
            let error = resolve_start_time(input, Tz::UTC).unwrap_err();
            assert_eq!(
                error,
                TimeError::InvalidStartTime {
                    input: input.into()
                },
                "{input}"
            );
            assert!(error.to_string().contains(input), "{error}");
        }
    }

    #[test]
    fn zoom_utc_parsed() {
        let parsed = parse_zoom_utc("2026-12-10T09:30:00Z").unwrap();
        assert_eq!(
            parsed,
            Utc.with_ymd_and_hms(2026, 12, 10, 9, 30, 0).unwrap()
        );
        assert_eq!(format_zoom_utc(parsed), "2026-12-10T09:30:00Z");
    }

    #[test]
    fn zoom_utc_rejects_other_forms() {
        for value in [
            "2026-12-10T09:30:00",
            "2026-12-10T09:30:00+00:00",
            "2026-12-10",
        ] {
            let error = parse_zoom_utc(value).unwrap_err();
            assert!(error.to_string().contains(value), "{error}");
            assert!(
                error.to_string().contains("yyyy-MM-ddTHH:mm:ssZ"),
                "{error}"
            );
        }
    }

    #[test]
    fn display_time_in_three_zones() {
        let instant = utc("2026-12-10T09:30:00Z");
        assert_eq!(
            display_time(instant, Tz::Asia__Kolkata),
            TimeDisplay {
                utc: "2026-12-10T09:30:00Z".into(),
                local: "2026-12-10T15:00:00+05:30".into(),
                time_zone: "Asia/Kolkata".into(),
            }
        );
        let winter = display_time(instant, Tz::America__New_York);
        assert_eq!(winter.local, "2026-12-10T04:30:00-05:00");
        let summer = display_time(utc("2027-07-01T14:00:00Z"), Tz::America__New_York);
        assert_eq!(summer.local, "2027-07-01T10:00:00-04:00");
        let london = display_time(utc("2027-07-01T14:00:00Z"), Tz::Europe__London);
        assert_eq!(london.local, "2027-07-01T15:00:00+01:00");
        assert_eq!(london.time_zone, "Europe/London");
    }

    #[test]
    fn human_time_uses_zone_abbreviation() {
        let instant = utc("2026-12-10T09:30:00Z");
        assert_eq!(
            human_time(instant, Tz::Asia__Kolkata),
            "Thu 10 Dec 2026 15:00 IST"
        );
        assert_eq!(
            human_time(instant, Tz::America__New_York),
            "Thu 10 Dec 2026 04:30 EST"
        );
        assert_eq!(
            human_time(instant, Tz::Europe__London),
            "Thu 10 Dec 2026 09:30 GMT"
        );
        let summer = utc("2027-07-01T14:00:00Z");
        assert_eq!(
            human_time(summer, Tz::Europe__London),
            "Thu 1 Jul 2027 15:00 BST"
        );
    }

    #[test]
    fn end_of_local_day_in_utc() {
        let date = NaiveDate::from_ymd_opt(2027, 3, 31).unwrap();
        assert_eq!(
            end_of_local_day(date, Tz::Asia__Kolkata),
            utc("2027-03-31T18:29:59Z")
        );
        assert_eq!(
            end_of_local_day(date, Tz::America__New_York),
            utc("2027-04-01T03:59:59Z")
        );
        assert_eq!(
            end_of_local_day(date, Tz::Europe__London),
            utc("2027-03-31T22:59:59Z")
        );
    }

    #[test]
    fn end_of_local_day_when_midnight_repeats() {
        // Chile's clocks went back from 2025-04-06 00:00 to 2025-04-05 23:00,
        // so 23:59:59 on 5 April occurred twice; the later one ends the day.
        let date = NaiveDate::from_ymd_opt(2025, 4, 5).unwrap();
        assert_eq!(
            end_of_local_day(date, Tz::America__Santiago),
            utc("2025-04-06T03:59:59Z")
        );
    }

    #[test]
    fn lenient_conversion_moves_gap_forward() {
        let gap = local_to_utc_lenient(local("2027-03-14T02:30:00"), Tz::America__New_York);
        assert_eq!(gap, utc("2027-03-14T07:30:00Z"));
        let repeated = local_to_utc_lenient(local("2027-11-07T01:30:00"), Tz::America__New_York);
        assert_eq!(repeated, utc("2027-11-07T05:30:00Z"));
    }
}
