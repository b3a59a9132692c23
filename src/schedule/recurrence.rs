//! Recurrence rules of fixed-time recurring webinars (Zoom webinar type 9)
//! and their `recurrence` JSON object.

use chrono::{NaiveDate, Weekday};
use chrono_tz::Tz;
use serde_json::{Map, Value, json};

use super::ScheduleError;
use crate::time::{end_of_local_day, format_zoom_utc};

/// Zoom's maximum number of occurrences of a recurring webinar (`end_times`).
pub const MAX_OCCURRENCES: u32 = 60;

/// Zoom's maximum `repeat_interval` for daily recurrence, in days.
pub const MAX_DAILY_INTERVAL: u32 = 90;

/// Zoom's maximum `repeat_interval` for weekly recurrence, in weeks.
pub const MAX_WEEKLY_INTERVAL: u32 = 12;

/// Zoom's maximum `repeat_interval` for monthly recurrence, in months.
pub const MAX_MONTHLY_INTERVAL: u32 = 3;

/// The days on which a recurring webinar takes place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecurrencePattern {
    /// Every `repeat_interval` days (Zoom type 1).
    Daily,
    /// On the given weekdays of every `repeat_interval`-th week (Zoom type 2).
    Weekly { days: Vec<Weekday> },
    /// On a day of the month, 1 to 31 (Zoom type 3 with `monthly_day`).
    MonthlyByDay { day: u32 },
    /// On a weekday in a week of the month, e.g. the last Friday (Zoom type 3
    /// with `monthly_week` and `monthly_week_day`).
    MonthlyByWeekday { week: MonthWeek, weekday: Weekday },
}

/// The week of the month in a monthly-by-weekday rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthWeek {
    First,
    Second,
    Third,
    Fourth,
    Last,
}

impl MonthWeek {
    /// Zoom's `monthly_week` value: -1 for the last week, else 1 to 4.
    pub fn zoom_value(self) -> i32 {
        match self {
            MonthWeek::First => 1,
            MonthWeek::Second => 2,
            MonthWeek::Third => 3,
            MonthWeek::Fourth => 4,
            MonthWeek::Last => -1,
        }
    }

    /// Returns the English ordinal, "first" to "fourth" or "last".
    pub fn name(self) -> &'static str {
        match self {
            MonthWeek::First => "first",
            MonthWeek::Second => "second",
            MonthWeek::Third => "third",
            MonthWeek::Fourth => "fourth",
            MonthWeek::Last => "last",
        }
    }
}

/// When a recurring webinar stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecurrenceEnd {
    /// After this many occurrences, 1 to 60 (Zoom's `end_times`).
    Count(u32),
    /// After the last occurrence on or before this local date, inclusive
    /// (Zoom's `end_date_time`).
    Until(NaiveDate),
}

/// A recurrence rule as Zoom's `recurrence` object describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recurrence {
    pub pattern: RecurrencePattern,
    /// Days, weeks or months between occurrences, depending on the pattern.
    pub repeat_interval: u32,
    pub end: RecurrenceEnd,
}

impl Recurrence {
    /// Checks the rule against Zoom's limits. `repeat_interval` runs from 1 to
    /// 90 days, 12 weeks or 3 months. A weekly rule needs at least one day, a
    /// monthly day runs from 1 to 31, and an occurrence count from 1 to 60.
    ///
    /// An end date cannot be checked here because the count of occurrences
    /// it gives depends on the first one; [`Recurrence::validate_from`] does.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        let (kind, max, unit) = match &self.pattern {
            RecurrencePattern::Daily => ("daily", MAX_DAILY_INTERVAL, "days"),
            RecurrencePattern::Weekly { .. } => ("weekly", MAX_WEEKLY_INTERVAL, "weeks"),
            RecurrencePattern::MonthlyByDay { .. } | RecurrencePattern::MonthlyByWeekday { .. } => {
                ("monthly", MAX_MONTHLY_INTERVAL, "months")
            }
        };
        if self.repeat_interval < 1 || self.repeat_interval > max {
            return Err(ScheduleError::RepeatIntervalOutOfRange {
                interval: self.repeat_interval,
                kind,
                max,
                unit,
            });
        }

        match &self.pattern {
            RecurrencePattern::Weekly { days } if days.is_empty() => {
                return Err(ScheduleError::NoWeeklyDays);
            }
            RecurrencePattern::MonthlyByDay { day } if !(1..=31).contains(day) => {
                return Err(ScheduleError::MonthlyDayOutOfRange { day: *day });
            }
            _ => {}
        }

        if let RecurrenceEnd::Count(count) = self.end
            && !(1..=MAX_OCCURRENCES).contains(&count)
        {
            return Err(ScheduleError::OccurrenceCountOutOfRange { count });
        }
        Ok(())
    }

    /// Builds Zoom's `recurrence` JSON object. An `Until` date becomes
    /// `end_date_time`, the last second of that local date in `time_zone`,
    /// in UTC with `Z`. Weekly days are sorted and deduplicated.
    pub fn to_zoom_json(&self, time_zone: Tz) -> Value {
        let mut object = Map::new();
        let (zoom_type, fields) = match &self.pattern {
            RecurrencePattern::Daily => (1, vec![]),
            RecurrencePattern::Weekly { days } => {
                (2, vec![("weekly_days", json!(zoom_weekly_days(days)))])
            }
            RecurrencePattern::MonthlyByDay { day } => (3, vec![("monthly_day", json!(day))]),
            RecurrencePattern::MonthlyByWeekday { week, weekday } => (
                3,
                vec![
                    ("monthly_week", json!(week.zoom_value())),
                    ("monthly_week_day", json!(weekday.number_from_sunday())),
                ],
            ),
        };
        object.insert("type".into(), json!(zoom_type));
        object.insert("repeat_interval".into(), json!(self.repeat_interval));
        for (name, value) in fields {
            object.insert(name.into(), value);
        }
        match self.end {
            RecurrenceEnd::Count(count) => {
                object.insert("end_times".into(), json!(count));
            }
            RecurrenceEnd::Until(date) => {
                let end = format_zoom_utc(end_of_local_day(date, time_zone));
                object.insert("end_date_time".into(), json!(end));
            }
        }
        Value::Object(object)
    }

    /// Describes the rule in English, e.g. "every week on Tuesday and
    /// Thursday, 16 times".
    pub fn describe(&self) -> String {
        format!("{}, {}", self.describe_pattern(), describe_end(self.end))
    }

    /// Describes the days without the end, e.g. "every 2 weeks on Friday".
    pub fn describe_pattern(&self) -> String {
        let every = |singular: &str, plural: &str| match self.repeat_interval {
            1 => format!("every {singular}"),
            interval => format!("every {interval} {plural}"),
        };
        match &self.pattern {
            RecurrencePattern::Daily => every("day", "days"),
            RecurrencePattern::Weekly { days } => {
                format!("{} on {}", every("week", "weeks"), weekday_list(days))
            }
            RecurrencePattern::MonthlyByDay { day } => {
                format!("{} on the {}", every("month", "months"), ordinal(*day))
            }
            RecurrencePattern::MonthlyByWeekday { week, weekday } => format!(
                "{} on the {} {}",
                every("month", "months"),
                week.name(),
                weekday_name(*weekday)
            ),
        }
    }
}

fn describe_end(end: RecurrenceEnd) -> String {
    match end {
        RecurrenceEnd::Count(1) => "once".to_string(),
        RecurrenceEnd::Count(count) => format!("{count} times"),
        RecurrenceEnd::Until(date) => format!("until {}", date.format("%-d %B %Y")),
    }
}

/// Formats weekdays as Zoom's `weekly_days`, e.g. "2,4" (1 is Sunday).
fn zoom_weekly_days(days: &[Weekday]) -> String {
    let mut numbers: Vec<u32> = days.iter().map(|day| day.number_from_sunday()).collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// Lists weekdays Monday first, e.g. "Monday, Wednesday and Friday".
pub(crate) fn weekday_list(days: &[Weekday]) -> String {
    let mut sorted = days.to_vec();
    sorted.sort_by_key(|day| day.num_days_from_monday());
    sorted.dedup();
    let names: Vec<&str> = sorted.iter().map(|day| weekday_name(*day)).collect();
    match names.as_slice() {
        [] => String::new(),
        [only] => (*only).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

pub(crate) fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// Formats a day of the month as an English ordinal, e.g. "1st", "22nd", "13th".
pub(crate) fn ordinal(number: u32) -> String {
    let suffix = match (number % 10, number % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{number}{suffix}")
}
