//! Finding the schedule phrases in a tokenized prompt.

use chrono::NaiveTime;

use super::dates::{DateSpec, match_date};
use super::durations::{MAX_DURATION_MINUTES, match_duration};
use super::repeat::{EndSpec, PatternMatch, match_end, match_pattern};
use super::times::{match_instant, match_time};
use super::tokens::{Token, phrase_text};
use super::zones::{ZoneSpec, match_zone};
use crate::schedule::ScheduleError;

/// A phrase's value with the prompt text it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Located<T> {
    pub value: T,
    pub text: String,
}

/// The schedule phrases of a prompt, at most one of each kind, and which
/// tokens they used.
#[derive(Debug, Default)]
pub(super) struct Found {
    pub pattern: Option<Located<PatternMatch>>,
    pub end: Option<Located<EndSpec>>,
    pub duration: Option<Located<u32>>,
    /// An ISO date-time such as "2026-12-10T15:00", which gives date and time.
    pub instant: Option<Located<String>>,
    pub date: Option<Located<DateSpec>>,
    pub time: Option<Located<NaiveTime>>,
    pub zone: Option<Located<ZoneSpec>>,
    pub consumed: Vec<bool>,
    /// Unmatched tokens that likely belong to a schedule phrase: an "in"
    /// right after a time, which usually starts a zone ("3pm in Mumbai").
    pub suspicious: Vec<bool>,
}

enum Phrase {
    Pattern(PatternMatch),
    /// "3pm to 4:30pm": a start time and a duration in minutes.
    TimeRange(NaiveTime, u32),
    End(EndSpec),
    Duration(u32),
    Instant(String),
    Date(DateSpec),
    Time(NaiveTime),
    Zone(ZoneSpec),
}

/// Scans the tokens left to right and takes the first phrase that matches
/// at each position. Recurrence phrases are tried before dates so that
/// "every Tuesday" is not read as a date, and durations before dates so
/// that "15 minutes" is not read as a day. A second phrase of a kind
/// already found is an error.
pub(super) fn scan(prompt: &str, tokens: &[Token]) -> Result<Found, ScheduleError> {
    let mut found = Found {
        consumed: vec![false; tokens.len()],
        suspicious: vec![false; tokens.len()],
        ..Found::default()
    };
    let mut time_end: Option<usize> = None;
    let mut index = 0;

    while index < tokens.len() {
        if tokens[index].quoted {
            index += 1;
            continue;
        }
        let after_time = time_end == Some(index);
        let Some((length, phrase)) = match_at(tokens, index, after_time)? else {
            found.suspicious[index] = after_time && tokens[index].lower == "in";
            index += 1;
            continue;
        };
        let end = index + length;
        let text = prompt[tokens[index].start..tokens[end - 1].end].to_string();
        if matches!(
            phrase,
            Phrase::Time(_) | Phrase::TimeRange(..) | Phrase::Instant(_)
        ) {
            time_end = Some(end);
        }
        record(&mut found, phrase, text)?;
        found.consumed[index..end].fill(true);
        index = end;
    }
    Ok(found)
}

fn match_at(
    tokens: &[Token],
    index: usize,
    after_time: bool,
) -> Result<Option<(usize, Phrase)>, ScheduleError> {
    if let Some((length, pattern)) = match_pattern(tokens, index)? {
        return Ok(Some((length, Phrase::Pattern(pattern))));
    }
    if let Some((length, end)) = match_end(tokens, index)? {
        return Ok(Some((length, Phrase::End(end))));
    }
    if let Some((length, minutes)) = match_duration(tokens, index)? {
        return Ok(Some((length, Phrase::Duration(minutes))));
    }
    if let Some((length, text)) = match_instant(tokens, index) {
        return Ok(Some((length, Phrase::Instant(text))));
    }
    if let Some((length, date)) = match_date(tokens, index)? {
        return Ok(Some((length, Phrase::Date(date))));
    }
    if let Some((length, time)) = match_time(tokens, index)? {
        return match_time_range(tokens, index, length, time);
    }
    if let Some((length, zone)) = match_zone(tokens, index, after_time)? {
        return Ok(Some((length, Phrase::Zone(zone))));
    }
    Ok(None)
}

/// Extends a time at `index` to a range when "to", "until" or a dash and a
/// second time follow ("3pm to 4:30pm"). A range that ends at or before its
/// start ends the next day ("11pm to 1am").
fn match_time_range(
    tokens: &[Token],
    index: usize,
    length: usize,
    start: NaiveTime,
) -> Result<Option<(usize, Phrase)>, ScheduleError> {
    let connector = tokens.get(index + length).map_or("", |t| t.lower.as_str());
    if !matches!(connector, "to" | "until" | "till" | "-" | "\u{2013}") {
        return Ok(Some((length, Phrase::Time(start))));
    }
    let Some((end_length, end)) = match_time(tokens, index + length + 1)? else {
        return Ok(Some((length, Phrase::Time(start))));
    };
    let total = length + 1 + end_length;
    let minutes = (end - start).num_minutes();
    let minutes = if minutes <= 0 {
        minutes + 24 * 60
    } else {
        minutes
    };
    let minutes = u32::try_from(minutes).expect("a range within a day is positive");
    if minutes > MAX_DURATION_MINUTES as u32 {
        return Err(ScheduleError::DurationOutOfRange {
            text: phrase_text(tokens, index, total),
            minutes: u64::from(minutes),
        });
    }
    Ok(Some((total, Phrase::TimeRange(start, minutes))))
}

fn record(found: &mut Found, phrase: Phrase, text: String) -> Result<(), ScheduleError> {
    match phrase {
        Phrase::TimeRange(start, minutes) => {
            check_free(&found.instant, "time", &text)?;
            put(&mut found.time, "time", start, text.clone())?;
            put(&mut found.duration, "duration", minutes, text)
        }
        Phrase::Pattern(value) => put(&mut found.pattern, "recurrence", value, text),
        Phrase::End(value) => put(&mut found.end, "recurrence end", value, text),
        Phrase::Duration(value) => put(&mut found.duration, "duration", value, text),
        Phrase::Instant(value) => {
            check_free(&found.date, "date", &text)?;
            check_free(&found.time, "time", &text)?;
            put(&mut found.instant, "date", value, text)
        }
        Phrase::Date(value) => {
            check_free(&found.instant, "date", &text)?;
            put(&mut found.date, "date", value, text)
        }
        Phrase::Time(value) => {
            check_free(&found.instant, "time", &text)?;
            put(&mut found.time, "time", value, text)
        }
        Phrase::Zone(value) => put(&mut found.zone, "time zone", value, text),
    }
}

fn put<T>(
    slot: &mut Option<Located<T>>,
    kind: &'static str,
    value: T,
    text: String,
) -> Result<(), ScheduleError> {
    check_free(slot, kind, &text)?;
    *slot = Some(Located { value, text });
    Ok(())
}

fn check_free<T>(
    slot: &Option<Located<T>>,
    kind: &'static str,
    text: &str,
) -> Result<(), ScheduleError> {
    match slot {
        Some(existing) => Err(ScheduleError::DuplicatePhrase {
            kind,
            first: existing.text.clone(),
            second: text.to_string(),
        }),
        None => Ok(()),
    }
}
