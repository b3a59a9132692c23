//! Duration phrases in prompts.

use chrono_tz::Tz;

use super::{one_off, one_off_error};
use crate::schedule::ScheduleError;

const KOLKATA: Tz = Tz::Asia__Kolkata;

#[test]
fn duration_forms() {
    let cases = [
        ("for 90 minutes", 90),
        ("90 min", 90),
        ("90 mins", 90),
        ("for 45m", 45),
        ("for 1.5 hours", 90),
        ("for 2 hours", 120),
        ("for two hours", 120),
        ("for an hour", 60),
        ("for half an hour", 30),
        ("for an hour and a half", 90),
        ("1h30m", 90),
        ("1h 30m", 90),
        ("2h", 120),
        ("2hrs", 120),
        ("for 1 hour 30 minutes", 90),
        ("for 1 hour and 30 minutes", 90),
        ("lasting 75 minutes", 75),
        ("90-minute", 90),
        ("for 24 hours", 1440),
    ];
    for (phrase, minutes) in cases {
        let prompt = format!("Demo tomorrow 3pm {phrase}");
        assert_eq!(
            one_off(&prompt, KOLKATA).duration_minutes,
            minutes,
            "{prompt}"
        );
    }
}

#[test]
fn duration_before_date() {
    let parsed = one_off("Demo for 90 minutes tomorrow at 3pm", KOLKATA);
    assert_eq!(parsed.duration_minutes, 90);
    assert_eq!(parsed.topic, "Demo");
}

#[test]
fn default_duration_is_noted() {
    let parsed = one_off("Demo tomorrow 3pm", KOLKATA);
    assert_eq!(parsed.duration_minutes, 60);
    assert!(
        parsed
            .assumptions
            .contains(&"No duration given: 60 minutes.".to_string()),
        "{:?}",
        parsed.assumptions
    );
}

#[test]
fn zero_duration_rejected() {
    let error = one_off_error("Demo tomorrow 3pm for 0 minutes", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::DurationOutOfRange {
            text: "for 0 minutes".into(),
            minutes: 0
        }
    );
    assert!(
        error.to_string().contains("1 minute to 24 hours"),
        "{error}"
    );
}

#[test]
fn duration_over_a_day_rejected() {
    let error = one_off_error("Demo tomorrow 3pm for 25 hours", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::DurationOutOfRange {
            text: "for 25 hours".into(),
            minutes: 1500
        }
    );
}

#[test]
fn fractional_minutes_rejected() {
    let error = one_off_error("Demo tomorrow 3pm for 1.33 hours", KOLKATA);
    assert!(
        matches!(&error, ScheduleError::InvalidDuration { text, .. } if text == "for 1.33 hours"),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("whole number of minutes"),
        "{error}"
    );
}

#[test]
fn relative_start_rejected() {
    let error = one_off_error("Demo in 2 hours", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::UnrecognizedWords {
            words: "in 2 hours".into()
        }
    );
}

#[test]
fn two_durations_rejected() {
    let error = one_off_error("Demo tomorrow 3pm for 90 minutes for 2 hours", KOLKATA);
    assert!(
        matches!(
            error,
            ScheduleError::DuplicatePhrase {
                kind: "duration",
                ..
            }
        ),
        "{error:?}"
    );
}
