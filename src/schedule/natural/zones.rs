//! Time zone phrases: "America/New_York", "UTC", "IST", "3pm Eastern",
//! "3pm in London", "New York time".

use chrono_tz::Tz;

use super::tokens::{Token, phrase_text};
use crate::schedule::ScheduleError;
use crate::time::{parse_time_zone, time_zone_for_abbreviation};

/// A time zone named in a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ZoneSpec {
    pub time_zone: Tz,
    /// The words the zone was inferred from (an abbreviation, a US region or
    /// a city), as written; `None` for an IANA ID, "UTC" or "GMT".
    pub inferred_from: Option<String>,
}

/// US region names and the zone each one is read as.
const REGIONS: &[(&str, Tz)] = &[
    ("eastern", Tz::America__New_York),
    ("central", Tz::America__Chicago),
    ("mountain", Tz::America__Denver),
    ("pacific", Tz::America__Los_Angeles),
];

/// Areas of canonical IANA zones, whose last part is a city. Legacy names
/// such as "US/Eastern" are left out, so a city maps to a canonical ID.
const CITY_AREAS: &[&str] = &[
    "Africa/",
    "America/",
    "Antarctica/",
    "Asia/",
    "Atlantic/",
    "Australia/",
    "Europe/",
    "Indian/",
    "Pacific/",
];

/// Matches a time zone at `index`, optionally preceded by "in" and followed
/// by "time".
///
/// IANA IDs, "UTC" and "GMT" match anywhere. An abbreviation ("IST") or a
/// US region ("Eastern") matches in any case right after a time of day
/// (`after_time`) or before "time", and an abbreviation also anywhere in
/// upper case. A city ("London", "New York") matches after "in" right after
/// a time, or before "time". These limits keep words of a title ("pt",
/// "Christmas", "London meetup") from being read as zones.
pub(super) fn match_zone(
    tokens: &[Token],
    index: usize,
    after_time: bool,
) -> Result<Option<(usize, ZoneSpec)>, ScheduleError> {
    let word = |offset: usize| tokens.get(index + offset).map_or("", |t| t.lower.as_str());
    let lead = usize::from(word(0) == "in");
    let Some(token) = tokens.get(index + lead) else {
        return Ok(None);
    };
    let before_time_word = word(lead + 1) == "time";

    let explicit = |time_zone: Tz| ZoneSpec {
        time_zone,
        inferred_from: None,
    };
    let inferred = |time_zone: Tz, length: usize| ZoneSpec {
        time_zone,
        inferred_from: Some(phrase_text(tokens, index + lead, length)),
    };

    let (length, zone) = if token.lower == "utc" || token.lower == "gmt" {
        (1, explicit(parse_time_zone(&token.lower)?))
    } else if token.lower.contains('/') && token.lower.starts_with(char::is_alphabetic) {
        (1, explicit(parse_time_zone(&token.text)?))
    } else if let Some(time_zone) = time_zone_for_abbreviation(&token.lower)
        && (after_time || before_time_word || is_upper_case(&token.text))
    {
        (1, inferred(time_zone, 1))
    } else if let Some((_, time_zone)) = REGIONS.iter().find(|(name, _)| *name == token.lower)
        && (after_time || before_time_word)
    {
        (1, inferred(*time_zone, 1))
    } else if let Some((length, time_zone)) = city_zone(tokens, index + lead)
        && ((after_time && lead == 1) || word(lead + length) == "time")
    {
        (length, inferred(time_zone, length))
    } else {
        return Ok(None);
    };

    let time_word = usize::from(word(lead + length) == "time");
    Ok(Some((lead + length + time_word, zone)))
}

/// Finds the canonical zone named after the city in the next one to three
/// tokens ("London", "new york", "Los Angeles"), preferring the longest.
fn city_zone(tokens: &[Token], index: usize) -> Option<(usize, Tz)> {
    (1..=3).rev().find_map(|length| {
        let words = tokens.get(index..index + length)?;
        if words
            .iter()
            .any(|token| token.quoted || token.lower.is_empty())
        {
            return None;
        }
        let city = words
            .iter()
            .map(|token| token.lower.as_str())
            .collect::<Vec<_>>()
            .join("_");
        chrono_tz::TZ_VARIANTS
            .iter()
            .copied()
            .filter(|tz| CITY_AREAS.iter().any(|area| tz.name().starts_with(area)))
            .find(|tz| {
                tz.name()
                    .rsplit('/')
                    .next()
                    .is_some_and(|last| last.eq_ignore_ascii_case(&city))
            })
            .map(|tz| (length, tz))
    })
}

fn is_upper_case(text: &str) -> bool {
    text.chars().all(|c| !c.is_lowercase())
}
