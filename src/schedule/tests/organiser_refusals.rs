//! Ambiguous and impossible phrases: each is rejected with an error that
//! names the value and the fix.
//!
//! The current time is Friday 4 December 2026 10:00 UTC (15:30 in the
//! default zone Asia/Kolkata).

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::{local, one_off_error, recurring_error};
use crate::schedule::ScheduleError;
use crate::time::TimeError;

const KOLKATA: Tz = Tz::Asia__Kolkata;

/// Asserts that `message` contains each of `parts`.
fn assert_mentions(message: &str, parts: &[&str]) {
    for part in parts {
        assert!(message.contains(part), "{part:?} missing from: {message}");
    }
}

#[test]
fn fifth_friday_rejected() {
    let error = recurring_error("Review every 5th Friday at 4pm 3 times", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::UnsupportedMonthWeek {
            text: "5th friday".into()
        }
    );
    assert_mentions(
        &error.to_string(),
        &["\"5th friday\"", "first, second, third, fourth or last"],
    );
}

#[test]
fn nth_weekday_without_month_rejected() {
    // "every third Friday" may mean every three weeks or the third Friday
    // of each month.
    for (prompt, phrase) in [
        (
            "Review every third Friday at 4pm 3 times",
            "every third Friday",
        ),
        (
            "Review every 2nd Tuesday at 4pm 3 times",
            "every 2nd Tuesday",
        ),
    ] {
        let error = recurring_error(prompt, KOLKATA);
        assert!(
            matches!(&error, ScheduleError::AmbiguousRecurrence { phrase: p, .. } if p == phrase),
            "{prompt}: {error:?}"
        );
        assert_mentions(&error.to_string(), &[phrase, "of each month", "weeks on"]);
    }
}

#[test]
fn biweekly_rejected() {
    for word in ["biweekly", "bi-weekly", "bimonthly"] {
        let prompt = format!("Sync {word} on Friday at 10am 6 times");
        let error = recurring_error(&prompt, KOLKATA);
        assert!(
            matches!(&error, ScheduleError::AmbiguousRecurrence { phrase, .. } if phrase == word),
            "{prompt}: {error:?}"
        );
        assert_mentions(&error.to_string(), &[word, "every other"]);
    }
}

#[test]
fn february_thirtieth_rejected() {
    let error = one_off_error("Launch Feb 30 at 3pm", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::InvalidDate {
            text: "Feb 30".into(),
            reason: "February has no day 30".into()
        }
    );
    let error = one_off_error("Launch 30 February 2027 at 3pm", KOLKATA);
    assert_mentions(&error.to_string(), &["\"30 February 2027\"", "no day 30"]);
}

#[test]
fn hour_twenty_five_rejected() {
    let error = one_off_error("Launch tomorrow at 25:00", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::InvalidTime {
            text: "25:00".into(),
            reason: "24-hour time runs from 00:00 to 23:59"
        }
    );
    assert_mentions(&error.to_string(), &["\"25:00\"", "\"3pm\""]);

    let error = one_off_error("Launch tomorrow at 13pm", KOLKATA);
    assert_mentions(&error.to_string(), &["\"13pm\"", "1 to 12"]);
}

#[test]
fn unknown_weekday_rejected() {
    for (prompt, word) in [
        ("Launch next blursday at 3pm", "blursday"),
        ("Launch this Thurday at 3pm", "Thurday"),
        ("Launch on Tuesdy at 3pm", "Tuesdy"),
    ] {
        let error = one_off_error(prompt, KOLKATA);
        assert_eq!(
            error,
            ScheduleError::UnknownWeekday { word: word.into() },
            "{prompt}"
        );
        assert_mentions(&error.to_string(), &[&format!("\"{word}\""), "Monday"]);
    }
    let error = recurring_error("Sync every blursday at 3pm 4 times", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::UnknownWeekday {
            word: "blursday".into()
        }
    );
}

#[test]
fn next_week_without_day_rejected() {
    let error = one_off_error("Launch next week at 3pm", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::WeekWithoutDay {
            text: "next week".into()
        }
    );
    assert_mentions(
        &error.to_string(),
        &["\"next week\"", "\"next week Thursday\""],
    );
}

#[test]
fn time_in_dst_gap_rejected() {
    // New York's clocks skip from 02:00 to 03:00 on 14 March 2027.
    let error = one_off_error("Launch March 14 2027 at 2:30am ET", KOLKATA);
    assert!(
        matches!(
            error,
            ScheduleError::Time(TimeError::NonexistentLocalTime { local: l, time_zone: Tz::America__New_York, .. })
                if l == local("2027-03-14T02:30")
        ),
        "{error:?}"
    );
    assert_mentions(
        &error.to_string(),
        &[
            "2027-03-14T02:30:00",
            "America/New_York",
            "before 02:00 or from 03:00",
        ],
    );

    let error = recurring_error(
        "Night shift every Sunday at 2:30am ET from March 14 2027 4 times",
        KOLKATA,
    );
    assert!(
        matches!(
            error,
            ScheduleError::Time(TimeError::NonexistentLocalTime { .. })
        ),
        "{error:?}"
    );
}

#[test]
fn repeated_time_rejected() {
    // New York's clocks go back from 02:00 to 01:00 on 7 November 2027.
    let error = one_off_error("Launch Nov 7 2027 at 1:30am ET", KOLKATA);
    assert!(
        matches!(
            error,
            ScheduleError::Time(TimeError::AmbiguousLocalTime { .. })
        ),
        "{error:?}"
    );
    assert_mentions(
        &error.to_string(),
        &["2027-11-07T01:30:00-04:00", "2027-11-07T01:30:00-05:00"],
    );
}

#[test]
fn recurrence_without_end_rejected() {
    for (prompt, description) in [
        (
            "Standup every weekday at 9am",
            "every week on Monday, Tuesday, Wednesday, Thursday and Friday",
        ),
        (
            "Office hours every other Tuesday at 6pm",
            "every 2 weeks on Tuesday",
        ),
        (
            "Review last Friday of the month at 4pm",
            "every month on the last Friday",
        ),
    ] {
        let error = recurring_error(prompt, KOLKATA);
        assert_eq!(
            error,
            ScheduleError::MissingRecurrenceEnd {
                description: description.into()
            },
            "{prompt}"
        );
        assert_mentions(&error.to_string(), &["\"for 8 weeks\"", "\"10 times\""]);
    }
}

#[test]
fn start_in_past_rejected() {
    for (prompt, start) in [
        ("Launch today at 9am", "Fri 4 Dec 2026 09:00 IST"),
        ("Launch this Friday at 9am", "Fri 4 Dec 2026 09:00 IST"),
        ("Launch 2026-12-01T10:00", "Tue 1 Dec 2026 10:00 IST"),
    ] {
        let error = one_off_error(prompt, KOLKATA);
        assert!(
            matches!(&error, ScheduleError::StartInPast { start: s, .. } if s == start),
            "{prompt}: {error:?}"
        );
        assert_mentions(
            &error.to_string(),
            &[start, "Fri 4 Dec 2026 15:30 IST", "later date or time"],
        );
    }
    let error = recurring_error(
        "Standup every weekday at 9am from 2026-12-04 5 times",
        KOLKATA,
    );
    assert!(
        matches!(error, ScheduleError::StartInPast { .. }),
        "{error:?}"
    );
}

#[test]
fn past_date_words_rejected() {
    for (prompt, phrase) in [
        ("Product demo yesterday 3pm", "yesterday"),
        ("Review last Monday at 4pm", "last monday"),
        ("Recap last week at 4pm", "last week"),
    ] {
        let error = one_off_error(prompt, KOLKATA);
        assert_eq!(
            error,
            ScheduleError::PastDatePhrase {
                phrase: phrase.into()
            },
            "{prompt}"
        );
        assert_mentions(&error.to_string(), &["is in the past", "tomorrow 3pm"]);
    }
}

#[test]
fn more_than_sixty_occurrences_rejected() {
    let error = recurring_error("Standup daily at 9am 61 times", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::OccurrenceCountOutOfRange { count: 61 }
    );
    assert_mentions(&error.to_string(), &["61", "1 to 60"]);

    // 13 weeks of weekdays are 65 sessions.
    let error = recurring_error("Standup every weekday at 9am for 13 weeks", KOLKATA);
    assert!(
        matches!(&error, ScheduleError::TooManyOccurrences { first, .. }
            if *first == NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()),
        "{error:?}"
    );
    assert_mentions(
        &error.to_string(),
        &["for 13 weeks", "at most 60", "end the series earlier"],
    );

    let error = recurring_error("Standup daily at 9am until June 30", KOLKATA);
    assert!(
        matches!(error, ScheduleError::TooManyOccurrences { .. }),
        "{error:?}"
    );
}

#[test]
fn interval_beyond_zoom_rejected() {
    let error = recurring_error(
        "Board meeting every 4 months on the 1st at 9am 3 times",
        KOLKATA,
    );
    assert_eq!(
        error,
        ScheduleError::RepeatIntervalOutOfRange {
            interval: 4,
            kind: "monthly",
            max: 3,
            unit: "months"
        }
    );
    assert_mentions(&error.to_string(), &["4", "1 to 3 months"]);
}

#[test]
fn ambiguous_clock_and_date_rejected() {
    let error = one_off_error("Launch tomorrow at 6", KOLKATA);
    assert_mentions(&error.to_string(), &["\"at 6\"", "\"6am\" or \"6pm\""]);

    let error = one_off_error("Launch 12/10 at 3pm", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::AmbiguousNumericDate {
            text: "12/10".into()
        }
    );
    assert_mentions(&error.to_string(), &["\"12/10\"", "10 December"]);
}

#[test]
fn weekday_abbreviation_in_title_kept() {
    // Short weekday names count only next to other schedule words, so a
    // title word such as "Sun" stays in the title.
    let parsed = super::one_off("Sun safety talk tomorrow at 3pm", KOLKATA);
    assert_eq!(parsed.topic, "Sun safety talk");
    let parsed = super::one_off("Sat prep tomorrow at 3pm", KOLKATA);
    assert_eq!(parsed.topic, "Sat prep");
    assert_eq!(parsed.start.local, local("2026-12-05T15:00"));
}
