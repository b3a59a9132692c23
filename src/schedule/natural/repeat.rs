//! Recurrence phrases ("every Tuesday and Thursday", "every other Monday",
//! "first Monday of each month", "monthly on the 15th") and their ends
//! ("for 8 weeks", "10 times", "until March 31").

use chrono::Weekday;

use super::dates::{DateSpec, match_date_core, reject_weekday_typo};
use super::tokens::{
    Token, parse_count, parse_count_or_article, parse_day_ordinal, parse_weekday_any,
    parse_weekday_group, parse_weekday_plural, phrase_text,
};
use crate::schedule::ScheduleError;
use crate::schedule::recurrence::{MonthWeek, RecurrencePattern};

/// The days of a recurrence as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum PatternSpec {
    Rule(RecurrencePattern),
    /// "weekly" without days: on the start date's weekday.
    WeeklyOnStartDay,
    /// "monthly" without a day: on the start date's day of the month.
    MonthlyOnStartDay,
}

/// A recurrence phrase: its days and the days, weeks or months between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PatternMatch {
    pub spec: PatternSpec,
    pub interval: u32,
}

/// The unit of a "for 8 weeks" span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SpanUnit {
    Days,
    Weeks,
    Months,
}

/// The end of a recurrence as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum EndSpec {
    /// "10 times", "for 10 sessions".
    Count(u32),
    /// "for 8 weeks": the occurrences before the first one plus the span.
    Span { amount: u32, unit: SpanUnit },
    /// "until March 31", inclusive.
    Until(DateSpec),
}

/// Words after a number that make it an occurrence count.
#[rustfmt::skip]
const COUNT_NOUNS: &[&str] = &[
    "times", "time", "sessions", "session", "occurrences", "occurrence", "classes", "class",
    "meetings", "meeting", "lessons", "lesson", "episodes", "episode", "webinars",
];

/// Reads tokens from a position, moving forward only when a word is taken.
struct Cursor<'a> {
    tokens: &'a [Token],
    position: usize,
}

impl Cursor<'_> {
    fn word(&self, offset: usize) -> &str {
        self.tokens
            .get(self.position + offset)
            .map_or("", |token| token.lower.as_str())
    }

    fn take(&mut self, words: &[&str]) -> bool {
        let taken = words.contains(&self.word(0));
        if taken {
            self.position += 1;
        }
        taken
    }
}

/// Matches a recurrence phrase at `index` and returns its token count.
pub(super) fn match_pattern(
    tokens: &[Token],
    index: usize,
) -> Result<Option<(usize, PatternMatch)>, ScheduleError> {
    let mut cursor = Cursor {
        tokens,
        position: index,
    };
    cursor.take(&["on"]);
    cursor.take(&["the"]);

    let found = match cursor.word(0) {
        "every" | "each" => {
            let every = cursor.position;
            cursor.position += 1;
            every_tail(&mut cursor, every)?
        }
        "daily" => {
            cursor.position += 1;
            Some(rule(RecurrencePattern::Daily, 1))
        }
        "weekly" => {
            cursor.position += 1;
            Some(weekly_tail(&mut cursor, 1))
        }
        "fortnightly" => {
            cursor.position += 1;
            Some(weekly_tail(&mut cursor, 2))
        }
        "monthly" => {
            cursor.position += 1;
            Some(monthly_tail(&mut cursor, 1)?)
        }
        "quarterly" => {
            cursor.position += 1;
            Some(monthly_tail(&mut cursor, 3)?)
        }
        word @ ("biweekly" | "bi-weekly" | "bimonthly" | "bi-monthly") => {
            let weekly = word.contains("week");
            let (readings, suggestion) = if weekly {
                (
                    "every two weeks or twice a week",
                    "\"every other week on Friday\" or \"every Tuesday and Friday\"",
                )
            } else {
                (
                    "every two months or twice a month",
                    "\"every other month on the 15th\"",
                )
            };
            return Err(ScheduleError::AmbiguousRecurrence {
                phrase: tokens[cursor.position].text.clone(),
                readings,
                suggestion: suggestion.to_string(),
            });
        }
        "weekdays" => {
            cursor.position += 1;
            Some(rule(weekly(weekdays_monday_to_friday()), 1))
        }
        word if parse_weekday_plural(word).is_some() => {
            let days = weekday_list(&mut cursor);
            Some(rule(weekly(days), 1))
        }
        _ => month_day_of_month(&mut cursor, None)?,
    };
    Ok(found.map(|pattern| (cursor.position - index, pattern)))
}

/// Matches the end of a recurrence at `index` and returns its token count.
pub(super) fn match_end(
    tokens: &[Token],
    index: usize,
) -> Result<Option<(usize, EndSpec)>, ScheduleError> {
    let mut cursor = Cursor {
        tokens,
        position: index,
    };

    if cursor.take(&["until", "till", "til", "through", "thru", "ending", "ends"]) {
        cursor.take(&["on"]);
        return Ok(match_date_core(tokens, cursor.position)?
            .map(|(length, date)| (cursor.position + length - index, EndSpec::Until(date))));
    }

    let has_for = cursor.take(&["for"]);
    if has_for && cursor.word(0) == "the" && cursor.word(1) == "next" {
        cursor.position += 2;
    }
    let Some(amount) = parse_count_or_article(cursor.word(0)) else {
        return Ok(None);
    };
    let unit = match cursor.word(1) {
        "day" | "days" if has_for => Some(SpanUnit::Days),
        "week" | "weeks" if has_for => Some(SpanUnit::Weeks),
        "month" | "months" if has_for => Some(SpanUnit::Months),
        _ => None,
    };
    let end = match unit {
        Some(unit) => EndSpec::Span { amount, unit },
        None if COUNT_NOUNS.contains(&cursor.word(1)) && parse_count(cursor.word(0)).is_some() => {
            EndSpec::Count(amount)
        }
        None => return Ok(None),
    };
    Ok(Some((cursor.position + 2 - index, end)))
}

/// Matches what follows "every" or "each"; `every` is the index of that word.
fn every_tail(cursor: &mut Cursor, every: usize) -> Result<Option<PatternMatch>, ScheduleError> {
    let word = cursor.word(0).to_string();
    let found = match word.as_str() {
        "day" => {
            cursor.position += 1;
            Some(rule(RecurrencePattern::Daily, 1))
        }
        "weekday" | "weekdays" => {
            cursor.position += 1;
            Some(rule(weekly(weekdays_monday_to_friday()), 1))
        }
        "weekend" | "weekends" => {
            cursor.position += 1;
            Some(rule(weekly(vec![Weekday::Sat, Weekday::Sun]), 1))
        }
        "week" => {
            cursor.position += 1;
            Some(weekly_tail(cursor, 1))
        }
        "month" => {
            cursor.position += 1;
            Some(monthly_tail(cursor, 1)?)
        }
        "other" => {
            cursor.position += 1;
            interval_tail(cursor, 2, false)?
        }
        _ if parse_weekday_group(&word).is_some() => Some(rule(weekly(weekday_list(cursor)), 1)),
        _ => match parse_count(&word) {
            Some(interval) => {
                cursor.position += 1;
                interval_tail(cursor, interval, true)?
            }
            None => {
                let found = month_day_of_month(cursor, Some(every))?;
                if found.is_none() {
                    reject_weekday_typo(cursor.tokens.get(cursor.position))?;
                }
                found
            }
        },
    };
    Ok(found)
}

/// Matches the unit after "every other" or "every 3": "day(s)", "week(s)"
/// with optional days, "month(s)" with an optional monthly day, or (after
/// "other") a weekday list.
fn interval_tail(
    cursor: &mut Cursor,
    interval: u32,
    plural: bool,
) -> Result<Option<PatternMatch>, ScheduleError> {
    let unit = cursor.word(0).to_string();
    let found = match (unit.as_str(), plural) {
        ("day", false) | ("days", true) => {
            cursor.position += 1;
            Some(rule(RecurrencePattern::Daily, interval))
        }
        ("week", false) | ("weeks", true) => {
            cursor.position += 1;
            Some(weekly_tail(cursor, interval))
        }
        ("month", false) | ("months", true) => {
            cursor.position += 1;
            Some(monthly_tail(cursor, interval)?)
        }
        _ if !plural && parse_weekday_group(&unit).is_some() => {
            Some(rule(weekly(weekday_list(cursor)), interval))
        }
        _ => None,
    };
    Ok(found)
}

/// Matches optional "on <days>" after a weekly phrase.
fn weekly_tail(cursor: &mut Cursor, interval: u32) -> PatternMatch {
    let on = usize::from(cursor.word(0) == "on");
    if parse_weekday_group(cursor.word(on)).is_none() {
        return PatternMatch {
            spec: PatternSpec::WeeklyOnStartDay,
            interval,
        };
    }
    cursor.position += on;
    rule(weekly(weekday_list(cursor)), interval)
}

/// Matches optional "on the 15th", "on day 15" or "on the last Friday"
/// after a monthly phrase.
fn monthly_tail(cursor: &mut Cursor, interval: u32) -> Result<PatternMatch, ScheduleError> {
    let start = cursor.position;
    cursor.take(&["on"]);
    cursor.take(&["the"]);

    if let Some(day) = parse_day_ordinal(cursor.word(0)) {
        cursor.position += 1;
        return Ok(rule(RecurrencePattern::MonthlyByDay { day }, interval));
    }
    if cursor.word(0) == "day"
        && let Some(day) = parse_count(cursor.word(1))
    {
        cursor.position += 2;
        return Ok(rule(RecurrencePattern::MonthlyByDay { day }, interval));
    }
    if let Some((week, weekday)) = month_week_weekday(cursor)? {
        return Ok(rule(
            RecurrencePattern::MonthlyByWeekday { week, weekday },
            interval,
        ));
    }
    cursor.position = start;
    Ok(PatternMatch {
        spec: PatternSpec::MonthlyOnStartDay,
        interval,
    })
}

/// Matches "first Monday of each month", "last Friday of every other month"
/// and "15th of every month".
///
/// After "every" (at index `every`), "first Monday" and "last Friday" need
/// no "of each month". "every third Friday" without it is an error, because
/// it may also mean every three weeks.
fn month_day_of_month(
    cursor: &mut Cursor,
    every: Option<usize>,
) -> Result<Option<PatternMatch>, ScheduleError> {
    let start = cursor.position;
    let pattern = if let Some((week, weekday)) = month_week_weekday(cursor)? {
        RecurrencePattern::MonthlyByWeekday { week, weekday }
    } else if let Some(day) = parse_day_ordinal(cursor.word(0)) {
        cursor.position += 1;
        RecurrencePattern::MonthlyByDay { day }
    } else {
        return Ok(None);
    };

    let interval = match (
        cursor.word(0),
        cursor.word(1),
        cursor.word(2),
        cursor.word(3),
    ) {
        ("of", "each" | "every" | "the", "month", _) => Some((3, 1)),
        ("of", "every", "other", "month") => Some((4, 2)),
        ("of", "every", count, "months") => parse_count(count).map(|n| (4, n)),
        _ => None,
    };
    match (interval, every, &pattern) {
        (Some((length, interval)), _, _) => {
            cursor.position += length;
            Ok(Some(rule(pattern, interval)))
        }
        (
            None,
            Some(_),
            RecurrencePattern::MonthlyByWeekday {
                week: MonthWeek::First | MonthWeek::Last,
                ..
            },
        ) => Ok(Some(rule(pattern, 1))),
        (None, Some(every), RecurrencePattern::MonthlyByWeekday { week, weekday }) => {
            let count = match week {
                MonthWeek::Second => 2,
                MonthWeek::Third => 3,
                _ => 4,
            };
            let day = crate::schedule::recurrence::weekday_name(*weekday);
            let ordinal = phrase_text(cursor.tokens, start, 1);
            Err(ScheduleError::AmbiguousRecurrence {
                phrase: phrase_text(cursor.tokens, every, cursor.position - every),
                readings: "a day in a week of each month or an interval of weeks",
                suggestion: format!(
                    "\"{ordinal} {day} of each month\" or \"every {count} weeks on {day}\""
                ),
            })
        }
        _ => {
            cursor.position = start;
            Ok(None)
        }
    }
}

/// Matches "first Monday" to "fourth Monday" or "last Monday". "fifth" is
/// an error because Zoom has no fifth week.
fn month_week_weekday(cursor: &mut Cursor) -> Result<Option<(MonthWeek, Weekday)>, ScheduleError> {
    let Some(weekday) = parse_weekday_any(cursor.word(1)) else {
        return Ok(None);
    };
    let week = match cursor.word(0) {
        "first" | "1st" => MonthWeek::First,
        "second" | "2nd" => MonthWeek::Second,
        "third" | "3rd" => MonthWeek::Third,
        "fourth" | "4th" => MonthWeek::Fourth,
        "last" => MonthWeek::Last,
        "fifth" | "5th" => {
            return Err(ScheduleError::UnsupportedMonthWeek {
                text: format!("{} {}", cursor.word(0), cursor.word(1)),
            });
        }
        _ => return Ok(None),
    };
    cursor.position += 2;
    Ok(Some((week, weekday)))
}

/// Matches one or more weekdays joined by commas, slashes, "and", "&" or
/// "or", and ranges such as "Monday to Friday". Short names ("Tue") count.
/// The cursor must be on a weekday.
fn weekday_list(cursor: &mut Cursor) -> Vec<Weekday> {
    let days_at = |cursor: &Cursor, offset: usize| parse_weekday_group(cursor.word(offset));
    let mut days = Vec::new();
    let Some(first) = days_at(cursor, 0) else {
        return days;
    };
    days.extend(first);
    cursor.position += 1;

    loop {
        let separator = matches!(cursor.word(0), "and" | "&" | "or");
        let range = matches!(cursor.word(0), "to" | "through" | "thru" | "-");
        if (separator || range)
            && let Some(next) = days_at(cursor, 1)
        {
            match (range, next.as_slice()) {
                (true, [to]) => {
                    let from = *days.last().expect("the list starts with one day");
                    days.extend(days_after(from, *to));
                }
                _ => days.extend(next),
            }
            cursor.position += 2;
        } else if let Some(next) = days_at(cursor, 0) {
            days.extend(next);
            cursor.position += 1;
        } else {
            break;
        }
    }
    days
}

/// Returns the days after `from` up to and including `to`, wrapping past Sunday.
fn days_after(from: Weekday, to: Weekday) -> Vec<Weekday> {
    let mut days = Vec::new();
    let mut day = from;
    while day != to {
        day = day.succ();
        days.push(day);
    }
    days
}

fn weekdays_monday_to_friday() -> Vec<Weekday> {
    vec![
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ]
}

fn weekly(days: Vec<Weekday>) -> RecurrencePattern {
    RecurrencePattern::Weekly { days }
}

fn rule(pattern: RecurrencePattern, interval: u32) -> PatternMatch {
    PatternMatch {
        spec: PatternSpec::Rule(pattern),
        interval,
    }
}
