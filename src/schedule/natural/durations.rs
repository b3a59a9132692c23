//! Duration phrases: "for 90 minutes", "90 min", "for 1.5 hours", "for an
//! hour", "1h30m", "for 1 hour 30 minutes", "half an hour", "90-minute".

use super::tokens::{Token, parse_count_or_article, phrase_text};
use crate::schedule::ScheduleError;

/// Maximum webinar duration accepted, in minutes (24 hours).
pub(super) const MAX_DURATION_MINUTES: u64 = 24 * 60;

/// Words before a duration that belong to the phrase.
const DURATION_PREFIXES: &[&str] = &["for", "lasting", "duration", "length"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Minutes,
    Hours,
}

/// Matches a duration at `index` and returns its token count and length in
/// minutes, checked to be a whole number from 1 to 1440.
pub(super) fn match_duration(
    tokens: &[Token],
    index: usize,
) -> Result<Option<(usize, u32)>, ScheduleError> {
    let word = |offset: usize| tokens.get(index + offset).map_or("", |t| t.lower.as_str());
    let mut lead = 0;
    while DURATION_PREFIXES.contains(&word(lead)) || (lead > 0 && word(lead) == "of") {
        lead += 1;
    }

    let Some((length, minutes)) = match_amount(tokens, index + lead) else {
        return Ok(None);
    };
    let text = phrase_text(tokens, index, lead + length);
    // "in 2 hours" would be a start time relative to now, which is not
    // supported; reading it as a duration would silently change its meaning.
    if lead == 0 && index > 0 && tokens[index - 1].lower == "in" {
        return Err(ScheduleError::UnrecognizedWords {
            words: format!("{} {text}", tokens[index - 1].text),
        });
    }
    let whole = minutes.round();
    if (minutes - whole).abs() > 1e-6 {
        return Err(ScheduleError::InvalidDuration {
            text,
            reason: "it is not a whole number of minutes; give the duration in minutes, \
                     e.g. \"80 minutes\"",
        });
    }
    // `whole` is rounded and not negative. A huge value saturates in the
    // cast and fails the range check below.
    let whole = whole as u64;
    if whole == 0 || whole > MAX_DURATION_MINUTES {
        return Err(ScheduleError::DurationOutOfRange {
            text,
            minutes: whole,
        });
    }
    Ok(Some((
        lead + length,
        u32::try_from(whole).expect("at most 1440"),
    )))
}

/// Matches the amount itself and returns its token count and minutes.
fn match_amount(tokens: &[Token], index: usize) -> Option<(usize, f64)> {
    let word = |offset: usize| tokens.get(index + offset).map_or("", |t| t.lower.as_str());

    // "half an hour", "half hour".
    if word(0) == "half" {
        return match (word(1), word(2)) {
            ("an" | "a", "hour") => Some((3, 30.0)),
            ("hour", _) => Some((2, 30.0)),
            _ => None,
        };
    }

    // "1h30m", "90min", "2hrs", "90-minute".
    if let Some(minutes) = parse_compact(word(0)) {
        // "1h 30m": a second compact token with minutes only.
        if let Some((Unit::Minutes, extra)) = parse_number_unit(word(1))
            && word(0).ends_with('h')
        {
            return Some((2, minutes + extra));
        }
        return Some((1, minutes));
    }

    // "90 minutes", "1.5 hours", "an hour", "1 hour 30 minutes", "an hour and a half".
    let amount = parse_amount(word(0))?;
    let unit = parse_unit(word(1))?;
    // "a" and "an" count as one only before a spelled-out unit ("an hour").
    if matches!(word(0), "a" | "an") && !matches!(word(1), "hour" | "minute") {
        return None;
    }
    if unit == Unit::Minutes {
        return Some((2, amount));
    }
    let hours = amount * 60.0;
    if word(2) == "and" && matches!(word(3), "a" | "an") && word(4) == "half" {
        return Some((5, hours + 30.0));
    }
    let and = usize::from(word(2) == "and");
    if let Some(extra) = parse_amount(word(2 + and))
        && parse_unit(word(3 + and)) == Some(Unit::Minutes)
    {
        return Some((4 + and, hours + extra));
    }
    if let Some((Unit::Minutes, extra)) = parse_number_unit(word(2)) {
        return Some((3, hours + extra));
    }
    Some((2, hours))
}

/// Parses "1h30m", "1h30", "90min", "2hrs" or "90-minute" into minutes.
fn parse_compact(word: &str) -> Option<f64> {
    if let Some((hours_text, rest)) = word.split_once('h')
        && let Some(hours) = parse_decimal(hours_text)
        && !rest.is_empty()
        && rest.starts_with(|c: char| c.is_ascii_digit())
    {
        let minutes_text = rest.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &rest[minutes_text.len()..];
        let minutes: u32 = minutes_text.parse().ok()?;
        if !matches!(suffix, "" | "m" | "min" | "mins") {
            return None;
        }
        return Some(hours * 60.0 + f64::from(minutes));
    }
    parse_number_unit(word).map(|(unit, amount)| match unit {
        Unit::Minutes => amount,
        Unit::Hours => amount * 60.0,
    })
}

/// Parses a number glued to a unit ("90min", "1.5h", "90-minute",
/// "one-hour") and returns the unit and the number as written.
fn parse_number_unit(word: &str) -> Option<(Unit, f64)> {
    let (number, unit) = match word.rsplit_once('-') {
        Some((number, unit)) => (number, unit),
        None => {
            let split = word.find(|c: char| c.is_ascii_alphabetic())?;
            word.split_at(split)
        }
    };
    let amount = parse_amount(number)?;
    Some((parse_unit(unit)?, amount))
}

fn parse_unit(word: &str) -> Option<Unit> {
    match word {
        "minute" | "minutes" | "min" | "mins" | "m" => Some(Unit::Minutes),
        "hour" | "hours" | "hr" | "hrs" | "h" => Some(Unit::Hours),
        _ => None,
    }
}

/// Parses "90", "1.5", "two" or "an" as a number.
fn parse_amount(word: &str) -> Option<f64> {
    parse_decimal(word).or_else(|| parse_count_or_article(word).map(f64::from))
}

fn parse_decimal(word: &str) -> Option<f64> {
    let valid = !word.is_empty()
        && word.chars().all(|c| c.is_ascii_digit() || c == '.')
        && word.matches('.').count() <= 1
        && !word.starts_with('.')
        && !word.ends_with('.');
    if valid { word.parse().ok() } else { None }
}
