//! Unit tests of recurrence rules and the natural-language parser.
//!
//! Parser tests use a fixed current time, Friday 4 December 2026 10:00 UTC:
//! 15:30 in Asia/Kolkata, 05:00 in America/New_York and 10:00 in
//! Europe/London.

mod natural_dates;
mod natural_durations;
mod natural_recurring;
mod natural_times;
mod natural_topic;
mod occurrence_dates;
mod organiser_phrases;
mod organiser_refusals;
mod recurrence_rules;

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;

use super::{ParsedSchedule, ScheduleError, parse_recurring_webinar_prompt, parse_webinar_prompt};
use crate::time::parse_zoom_utc;

/// Friday 4 December 2026, 10:00 UTC.
fn now() -> DateTime<Utc> {
    utc("2026-12-04T10:00:00Z")
}

fn utc(text: &str) -> DateTime<Utc> {
    parse_zoom_utc(text).expect("test time is valid")
}

fn local(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").expect("test time is valid")
}

fn one_off(prompt: &str, time_zone: Tz) -> ParsedSchedule {
    parse_webinar_prompt(prompt, now(), time_zone)
        .unwrap_or_else(|error| panic!("{prompt:?} was rejected: {error}"))
}

fn one_off_error(prompt: &str, time_zone: Tz) -> ScheduleError {
    match parse_webinar_prompt(prompt, now(), time_zone) {
        Ok(parsed) => panic!("{prompt:?} was accepted: {parsed:?}"),
        Err(error) => error,
    }
}

fn recurring(prompt: &str, time_zone: Tz) -> ParsedSchedule {
    parse_recurring_webinar_prompt(prompt, now(), time_zone)
        .unwrap_or_else(|error| panic!("{prompt:?} was rejected: {error}"))
}

fn recurring_error(prompt: &str, time_zone: Tz) -> ScheduleError {
    match parse_recurring_webinar_prompt(prompt, now(), time_zone) {
        Ok(parsed) => panic!("{prompt:?} was accepted: {parsed:?}"),
        Err(error) => error,
    }
}
