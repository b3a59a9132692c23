//! Date phrases: "today", "tomorrow", "next Monday", "in 3 days",
//! "next week Thursday", "15 March", "March 15th 2027", "2026-12-10".

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::tokens::{
    Token, is_weekday_typo, parse_count_or_article, parse_day_number, parse_day_ordinal,
    parse_month, parse_weekday, parse_weekday_any,
};
use crate::schedule::ScheduleError;

/// A date as written, resolved against today's date once the time zone is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum DateSpec {
    Today,
    Tomorrow,
    DayAfterTomorrow,
    /// "in 3 days", "in two weeks" (stored in days).
    InDays(u64),
    /// "Monday" and "next Monday" (1 to 7 days ahead), or "this Friday"
    /// (0 to 6 days ahead).
    Weekday {
        day: Weekday,
        include_today: bool,
    },
    /// "15 March", "March 15th 2027", optionally preceded by a weekday that
    /// must agree ("Thursday 10 December").
    Calendar {
        day: u32,
        month: u32,
        year: Option<i32>,
        weekday: Option<Weekday>,
    },
    /// "next week Thursday", "Thursday this week": a day in the Monday to
    /// Sunday week `weeks_ahead` weeks after the current one. Without a day
    /// ("starting next week") it is that week's Monday, or today if later.
    Week {
        weeks_ahead: u32,
        day: Option<Weekday>,
    },
    /// "2026-12-10".
    Iso(NaiveDate),
    /// "the 15th": the next date with that day of the month.
    DayOfMonth(u32),
}

/// Words that may introduce a start date and belong to the date phrase.
const DATE_PREFIXES: &[&str] = &[
    "on",
    "starting",
    "start",
    "starts",
    "from",
    "beginning",
    "begins",
];

/// Matches a date phrase at `index`, with optional leading words such as
/// "on" or "starting on". Returns the number of tokens used.
pub(super) fn match_date(
    tokens: &[Token],
    index: usize,
) -> Result<Option<(usize, DateSpec)>, ScheduleError> {
    let mut cursor = index;
    while cursor < tokens.len() && DATE_PREFIXES.contains(&tokens[cursor].lower.as_str()) {
        cursor += 1;
    }
    if cursor > index {
        reject_weekday_typo(tokens.get(cursor))?;
    }
    match match_date_core(tokens, cursor)? {
        Some((length, spec)) => Ok(Some((cursor - index + length, spec))),
        None => Ok(None),
    }
}

/// Matches a date phrase at `index` without leading words.
pub(super) fn match_date_core(
    tokens: &[Token],
    index: usize,
) -> Result<Option<(usize, DateSpec)>, ScheduleError> {
    let word = |offset: usize| word_at(tokens, index + offset);

    match word(0) {
        "today" | "tonight" => return Ok(Some((1, DateSpec::Today))),
        "tomorrow" => return Ok(Some((1, DateSpec::Tomorrow))),
        "yesterday" => {
            return Err(ScheduleError::PastDatePhrase {
                phrase: "yesterday".into(),
            });
        }
        // "last Monday of each month" is a monthly recurrence, not a past date.
        "last"
            if matches!(word(1), "week" | "month" | "year")
                || (parse_weekday_any(word(1)).is_some()
                    && !matches!(word(2), "of" | "in" | "each" | "every")) =>
        {
            return Err(ScheduleError::PastDatePhrase {
                phrase: format!("last {}", word(1)),
            });
        }
        "day" if word(1) == "after" && word(2) == "tomorrow" => {
            return Ok(Some((3, DateSpec::DayAfterTomorrow)));
        }
        "the" if word(1) == "day" && word(2) == "after" && word(3) == "tomorrow" => {
            return Ok(Some((4, DateSpec::DayAfterTomorrow)));
        }
        "the" => {
            let found = match match_calendar(tokens, index + 1)? {
                Some((length, spec)) => Some((length + 1, spec)),
                None => parse_day_ordinal(word(1)).map(|day| (2, DateSpec::DayOfMonth(day))),
            };
            return Ok(found);
        }
        "in" => {
            let Some(count) = parse_count_or_article(word(1)) else {
                return Ok(None);
            };
            let days = match word(2) {
                "day" | "days" => u64::from(count),
                "week" | "weeks" => 7 * u64::from(count),
                _ => return Ok(None),
            };
            return Ok(Some((3, DateSpec::InDays(days))));
        }
        "this" | "next" => {
            let weeks_ahead = u32::from(word(0) == "next");
            if word(1) == "week" {
                let on = usize::from(word(2) == "on");
                let found = match parse_weekday_any(word(2 + on)) {
                    Some(day) => (3 + on, Some(day)),
                    None => (2, None),
                };
                let (length, day) = found;
                return Ok(Some((length, DateSpec::Week { weeks_ahead, day })));
            }
            reject_weekday_typo(tokens.get(index + 1))?;
            let Some(day) = parse_weekday_any(word(1)) else {
                return Ok(None);
            };
            let include_today = word(0) == "this";
            return Ok(Some((2, DateSpec::Weekday { day, include_today })));
        }
        _ => {}
    }

    // "Thu, Dec 10": a short weekday name counts only before a date.
    if parse_weekday(word(0)).is_none()
        && let Some(day) = parse_weekday_any(word(0))
        && let Some((
            length,
            DateSpec::Calendar {
                day: d,
                month,
                year,
                ..
            },
        )) = match_calendar(tokens, index + 1)?
    {
        let spec = DateSpec::Calendar {
            day: d,
            month,
            year,
            weekday: Some(day),
        };
        return Ok(Some((1 + length, spec)));
    }

    if let Some(day) = parse_weekday(word(0)) {
        // "Thursday next week", "Thursday this week".
        if matches!(word(1), "this" | "next") && word(2) == "week" {
            let weeks_ahead = u32::from(word(1) == "next");
            let spec = DateSpec::Week {
                weeks_ahead,
                day: Some(day),
            };
            return Ok(Some((3, spec)));
        }
        // "Thursday 10 December" or "Thursday, December 10": the weekday must agree.
        let mut after = 1;
        if word(after) == "the" {
            after += 1;
        }
        if let Some((
            length,
            DateSpec::Calendar {
                day: d,
                month,
                year,
                ..
            },
        )) = match_calendar(tokens, index + after)?
        {
            let spec = DateSpec::Calendar {
                day: d,
                month,
                year,
                weekday: Some(day),
            };
            return Ok(Some((after + length, spec)));
        }
        let spec = DateSpec::Weekday {
            day,
            include_today: false,
        };
        return Ok(Some((1, spec)));
    }

    if let Some(iso) = parse_iso_date(tokens.get(index))? {
        return Ok(Some((1, DateSpec::Iso(iso))));
    }
    reject_numeric_date(tokens.get(index))?;
    if let Some(found) = match_calendar(tokens, index)? {
        return Ok(Some(found));
    }
    Ok(parse_day_ordinal(word(0)).map(|day| (1, DateSpec::DayOfMonth(day))))
}

/// Matches "15 March", "15th of March 2027", "March 15", "March 15th, 2027".
fn match_calendar(
    tokens: &[Token],
    index: usize,
) -> Result<Option<(usize, DateSpec)>, ScheduleError> {
    let word = |offset: usize| word_at(tokens, index + offset);

    let (day, month, mut length) = if let Some(day) = parse_day_number(word(0)) {
        let of = usize::from(word(1) == "of");
        let Some(month) = parse_month(word(1 + of)) else {
            return Ok(None);
        };
        (day, month, 2 + of)
    } else if let Some(month) = parse_month(word(0)) {
        let Some(day) = parse_day_number(word(1)) else {
            return Ok(None);
        };
        (day, month, 2)
    } else {
        return Ok(None);
    };

    let year = parse_year(word(length));
    if year.is_some() {
        length += 1;
    }
    let spec = DateSpec::Calendar {
        day,
        month,
        year,
        weekday: None,
    };
    Ok(Some((length, spec)))
}

/// Resolves a date phrase. Relative dates count from `today`; a calendar
/// date without a year takes the first year in which it falls on or after
/// `not_before`. Returns the date and, where something was inferred, a
/// sentence saying what.
pub(super) fn resolve_date(
    spec: &DateSpec,
    text: &str,
    today: NaiveDate,
    not_before: NaiveDate,
) -> Result<(NaiveDate, Option<String>), ScheduleError> {
    let add_days = |days: u64| {
        today
            .checked_add_days(Days::new(days))
            .ok_or_else(|| ScheduleError::InvalidDate {
                text: text.to_string(),
                reason: "the date is too far in the future".to_string(),
            })
    };
    match spec {
        DateSpec::Today => Ok((today, None)),
        DateSpec::Tomorrow => Ok((add_days(1)?, None)),
        DateSpec::DayAfterTomorrow => Ok((add_days(2)?, None)),
        DateSpec::InDays(days) => Ok((add_days(*days)?, None)),
        DateSpec::Weekday { day, include_today } => {
            let ahead =
                (7 + day.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
            let ahead = if ahead == 0 && !include_today {
                7
            } else {
                ahead
            };
            let date = add_days(u64::from(ahead))?;
            let note = format!("\"{text}\" read as {}.", format_date(date));
            Ok((date, Some(note)))
        }
        DateSpec::Calendar {
            day,
            month,
            year,
            weekday,
        } => {
            let (date, note) = match year {
                Some(year) => (calendar_date(*year, *month, *day, text)?, None),
                None => {
                    let date = next_calendar_date(*month, *day, not_before, text)?;
                    (date, Some(format!("No year given: {}.", format_date(date))))
                }
            };
            if let Some(stated) = weekday
                && date.weekday() != *stated
            {
                return Err(ScheduleError::WeekdayMismatch {
                    text: text.to_string(),
                    date,
                    actual: date.weekday(),
                    stated: *stated,
                });
            }
            Ok((date, note))
        }
        DateSpec::Week { weeks_ahead, day } => {
            let monday = today
                .checked_sub_days(Days::new(u64::from(today.weekday().num_days_from_monday())))
                .and_then(|monday| monday.checked_add_days(Days::new(7 * u64::from(*weeks_ahead))))
                .ok_or_else(|| ScheduleError::InvalidDate {
                    text: text.to_string(),
                    reason: "the date is out of range".to_string(),
                })?;
            match day {
                Some(day) => {
                    let date = monday + Days::new(u64::from(day.num_days_from_monday()));
                    let note = format!("\"{text}\" read as {}.", format_date(date));
                    Ok((date, Some(note)))
                }
                None => {
                    let date = monday.max(today);
                    let note = format!("\"{text}\" read as the week from {}.", format_date(monday));
                    Ok((date, Some(note)))
                }
            }
        }
        DateSpec::Iso(date) => Ok((*date, None)),
        DateSpec::DayOfMonth(day) => {
            // Some month within a year has each day from 1 to 31.
            let date = (0..12)
                .filter_map(|months| not_before.checked_add_months(Months::new(months)))
                .filter_map(|month| month.with_day(*day))
                .find(|date| *date >= not_before)
                .ok_or_else(|| ScheduleError::InvalidDate {
                    text: text.to_string(),
                    reason: format!("no month has day {day}"),
                })?;
            let note = format!("\"{text}\" read as {}.", format_date(date));
            Ok((date, Some(note)))
        }
    }
}

/// Formats a date for assumption notes, e.g. "Mon 7 Dec 2026".
pub(super) fn format_date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

fn word_at(tokens: &[Token], index: usize) -> &str {
    tokens.get(index).map_or("", |token| token.lower.as_str())
}

fn parse_year(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    word.parse()
        .ok()
        .filter(|year| (2000..=2100).contains(year))
}

/// Parses an ISO date token "2026-12-10"; a token of that shape that is not a
/// real date is an error.
fn parse_iso_date(token: Option<&Token>) -> Result<Option<NaiveDate>, ScheduleError> {
    let Some(token) = token else {
        return Ok(None);
    };
    let bytes = token.lower.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return Ok(None);
    }
    NaiveDate::parse_from_str(&token.lower, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| ScheduleError::InvalidDate {
            text: token.text.clone(),
            reason: "that day does not exist; use yyyy-MM-dd with a real month and day".to_string(),
        })
}

/// Rejects a misspelt weekday where a weekday is expected ("next
/// Thurday"), so that it is not read as part of the title.
pub(super) fn reject_weekday_typo(token: Option<&Token>) -> Result<(), ScheduleError> {
    match token {
        Some(token) if is_weekday_typo(&token.lower) => Err(ScheduleError::UnknownWeekday {
            word: token.text.clone(),
        }),
        _ => Ok(()),
    }
}

/// Rejects dates written only in digits with slashes, such as "12/10", whose
/// day and month order differs between countries.
fn reject_numeric_date(token: Option<&Token>) -> Result<(), ScheduleError> {
    let Some(token) = token else {
        return Ok(());
    };
    let parts: Vec<&str> = token.lower.split('/').collect();
    let numeric = (2..=3).contains(&parts.len())
        && parts.iter().all(|part| {
            !part.is_empty() && part.len() <= 4 && part.chars().all(|c| c.is_ascii_digit())
        });
    if numeric {
        return Err(ScheduleError::AmbiguousNumericDate {
            text: token.text.clone(),
        });
    }
    Ok(())
}

fn calendar_date(year: i32, month: u32, day: u32, text: &str) -> Result<NaiveDate, ScheduleError> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| ScheduleError::InvalidDate {
        text: text.to_string(),
        reason: format!("{} {year} has no day {day}", month_name(month)),
    })
}

/// Returns the first date with this month and day on or after `not_before`,
/// looking up to eight years ahead so that 29 February finds a leap year.
fn next_calendar_date(
    month: u32,
    day: u32,
    not_before: NaiveDate,
    text: &str,
) -> Result<NaiveDate, ScheduleError> {
    (not_before.year()..=not_before.year() + 8)
        .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day))
        .find(|date| *date >= not_before)
        .ok_or_else(|| ScheduleError::InvalidDate {
            text: text.to_string(),
            reason: format!("{} has no day {day}", month_name(month)),
        })
}

fn month_name(month: u32) -> &'static str {
    #[rustfmt::skip]
    const NAMES: [&str; 12] = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ];
    NAMES[(month as usize).saturating_sub(1).min(11)]
}
