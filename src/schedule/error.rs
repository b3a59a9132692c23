//! Errors from recurrence rules and from reading schedules out of prompts.

use chrono::{NaiveDate, Weekday};

use super::recurrence::weekday_name;
use crate::time::TimeError;

/// An error in a recurrence rule or a natural-language schedule. Each
/// message names the value, the allowed range or form, and what to write
/// instead, because the text goes back to the model or user as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error(
        "repeat interval {interval} is out of range for a {kind} recurrence: \
         Zoom allows 1 to {max} {unit}"
    )]
    RepeatIntervalOutOfRange {
        interval: u32,
        kind: &'static str,
        max: u32,
        unit: &'static str,
    },

    #[error(
        "the weekly recurrence has no days: name at least one, \
         e.g. \"every Tuesday and Thursday\""
    )]
    NoWeeklyDays,

    #[error("monthly day {day} is out of range: use a day of the month from 1 to 31")]
    MonthlyDayOutOfRange { day: u32 },

    #[error(
        "occurrence count {count} is out of range: Zoom allows 1 to 60 occurrences \
         of a recurring webinar; use a count in that range"
    )]
    OccurrenceCountOutOfRange { count: u32 },

    #[error(
        "\"{description}\" gives more than 60 occurrences from {first}: Zoom allows at \
         most 60 occurrences of a recurring webinar; end the series earlier or \
         repeat less often"
    )]
    TooManyOccurrences {
        description: String,
        first: NaiveDate,
    },

    #[error(
        "end date {until} is before the first occurrence on {first}: \
         give an end date on or after {first}"
    )]
    UntilBeforeFirst { until: NaiveDate, first: NaiveDate },

    #[error(
        "\"{description}\" has no occurrence from {first} to {until}: \
         move the end date later or change the days"
    )]
    NoOccurrences {
        description: String,
        first: NaiveDate,
        until: NaiveDate,
    },

    #[error(
        "the prompt is empty: describe the webinar, \
         e.g. \"Python workshop tomorrow 3pm for 90 minutes\""
    )]
    EmptyPrompt,

    #[error(
        "no title found in \"{prompt}\": start the prompt with the title or put it \
         in quotes, e.g. \"'Python workshop' tomorrow 3pm\""
    )]
    MissingTopic { prompt: String },

    #[error("the title is {length} characters long: Zoom allows at most 200; shorten it")]
    TopicTooLong { length: usize },

    #[error(
        "no start time found in \"{prompt}\": add a time such as \"3pm\", \"3:30pm\", \
         \"15:00\" or \"noon\""
    )]
    MissingStartTime { prompt: String },

    #[error(
        "time \"{text}\" has no am or pm: write {}, or use 24-hour time such as {}",
        twelve_hour_choices(*.hour, *.minute),
        twenty_four_hour_example(*.hour, *.minute)
    )]
    AmbiguousHour {
        text: String,
        hour: u32,
        minute: u32,
    },

    #[error(
        "invalid time \"{text}\": {reason}; use a time such as \"3pm\", \"3:30pm\", \
         \"15:00\" or \"noon\""
    )]
    InvalidTime { text: String, reason: &'static str },

    #[error(
        "date \"{text}\" is ambiguous (day/month or month/day): write the month name, \
         e.g. \"10 December\", or use ISO form such as 2026-12-10"
    )]
    AmbiguousNumericDate { text: String },

    #[error("invalid date \"{text}\": {reason}")]
    InvalidDate { text: String, reason: String },

    #[error(
        "\"{text}\" does not match: {date} is a {}, not a {}; fix the weekday or the date",
        weekday_name(*.actual),
        weekday_name(*.stated)
    )]
    WeekdayMismatch {
        text: String,
        date: NaiveDate,
        actual: Weekday,
        stated: Weekday,
    },

    #[error("invalid duration \"{text}\": {reason}")]
    InvalidDuration { text: String, reason: &'static str },

    #[error(
        "duration \"{text}\" ({minutes} minutes) is out of range: \
         give from 1 minute to 24 hours, e.g. \"for 90 minutes\""
    )]
    DurationOutOfRange { text: String, minutes: u64 },

    #[error(
        "\"{phrase}\" describes a repeating schedule, but this creates a one-off webinar: \
         use the recurring webinar tool instead, or put the title in quotes if \
         \"{phrase}\" belongs to it"
    )]
    RecurrenceInOneOff { phrase: String },

    #[error(
        "no recurrence found in \"{prompt}\": say how the webinar repeats, e.g. \
         \"every Tuesday at 6pm for 8 weeks\", or use the one-off webinar tool"
    )]
    MissingRecurrence { prompt: String },

    #[error(
        "\"{description}\" has no end: add a count or an end date, e.g. \
         \"for 8 weeks\", \"10 times\" or \"until 31 March\""
    )]
    MissingRecurrenceEnd { description: String },

    #[error("\"{phrase}\" needs {needed}")]
    IncompleteRecurrence {
        phrase: String,
        needed: &'static str,
    },

    #[error(
        "\"{text}\" is not supported: Zoom repeats monthly on the first, second, third, \
         fourth or last weekday of a month; use one of those, e.g. \"last Monday\""
    )]
    UnsupportedMonthWeek { text: String },

    #[error("\"{phrase}\" is ambiguous: it can mean {readings}; write {suggestion} instead")]
    AmbiguousRecurrence {
        phrase: String,
        readings: &'static str,
        suggestion: String,
    },

    #[error(
        "unknown weekday \"{word}\": use a day from Monday to Sunday, \
         e.g. \"next Thursday\" or \"every Tuesday\""
    )]
    UnknownWeekday { word: String },

    #[error("\"{text}\" has no day: name one, e.g. \"next week Thursday\" or \"next Thursday\"")]
    WeekWithoutDay { text: String },

    #[error("invalid recurrence end \"{text}\": {reason}")]
    InvalidRecurrenceEnd { text: String, reason: &'static str },

    #[error(
        "the prompt gives two {kind}s, \"{first}\" and \"{second}\": give only one, \
         or put the title in quotes if one of them belongs to it"
    )]
    DuplicatePhrase {
        kind: &'static str,
        first: String,
        second: String,
    },

    #[error(
        "the start time {start} ({start_utc}) is in the past; the time now is {now}: \
         give a later date or time"
    )]
    StartInPast {
        start: String,
        start_utc: String,
        now: String,
    },

    #[error(
        "\"{phrase}\" is in the past: a webinar can only be scheduled from now on; \
         give today or a later date, e.g. \"tomorrow 3pm\""
    )]
    PastDatePhrase { phrase: String },

    #[error(
        "could not understand \"{words}\" in the prompt: rephrase the date, time, \
         duration or recurrence (e.g. \"tomorrow 3pm for 90 minutes\"), or put the \
         title in quotes if the words belong to it"
    )]
    UnrecognizedWords { words: String },

    #[error(transparent)]
    Time(#[from] TimeError),
}

/// Formats the two 12-hour readings of an hour without am/pm: "\"6am\" or \"6pm\"".
fn twelve_hour_choices(hour: u32, minute: u32) -> String {
    let hour12 = match hour % 12 {
        0 => 12,
        other => other,
    };
    let minutes = if minute == 0 {
        String::new()
    } else {
        format!(":{minute:02}")
    };
    format!("\"{hour12}{minutes}am\" or \"{hour12}{minutes}pm\"")
}

/// Formats the 24-hour afternoon reading of an hour without am/pm, "\"18:00\"".
fn twenty_four_hour_example(hour: u32, minute: u32) -> String {
    let afternoon = if hour < 12 { hour + 12 } else { hour };
    format!("\"{:02}:{minute:02}\"", afternoon.min(23))
}
