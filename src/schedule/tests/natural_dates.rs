//! Date phrases in prompts.

use chrono::Weekday;
use chrono_tz::Tz;

use super::{local, one_off, one_off_error, utc};
use crate::schedule::{ScheduleError, parse_webinar_prompt};

const KOLKATA: Tz = Tz::Asia__Kolkata;

fn start_of(prompt: &str) -> chrono::NaiveDateTime {
    one_off(prompt, KOLKATA).start.local
}

#[test]
fn today_tomorrow_day_after() {
    assert_eq!(start_of("Demo today 6pm"), local("2026-12-04T18:00"));
    assert_eq!(start_of("Demo tonight at 8pm"), local("2026-12-04T20:00"));
    assert_eq!(start_of("Demo tomorrow 3pm"), local("2026-12-05T15:00"));
    assert_eq!(
        start_of("Demo day after tomorrow 3pm"),
        local("2026-12-06T15:00")
    );
    assert_eq!(
        start_of("Demo the day after tomorrow 3pm"),
        local("2026-12-06T15:00")
    );
}

#[test]
fn weekday_names() {
    // 4 December 2026 is a Friday.
    assert_eq!(start_of("Demo Monday 3pm"), local("2026-12-07T15:00"));
    assert_eq!(start_of("Demo next Monday 3pm"), local("2026-12-07T15:00"));
    assert_eq!(
        start_of("Demo on Tuesday at 3pm"),
        local("2026-12-08T15:00")
    );
    assert_eq!(start_of("Demo Friday 3pm"), local("2026-12-11T15:00"));
    assert_eq!(start_of("Demo this Friday 6pm"), local("2026-12-04T18:00"));
    assert_eq!(
        start_of("Demo this Saturday 6pm"),
        local("2026-12-05T18:00")
    );
}

#[test]
fn weekday_reading_is_noted() {
    let parsed = one_off("Demo next Monday 3pm", KOLKATA);
    assert!(
        parsed
            .assumptions
            .contains(&"\"next Monday\" read as Mon 7 Dec 2026.".to_string()),
        "{:?}",
        parsed.assumptions
    );
}

#[test]
fn relative_days_and_weeks() {
    assert_eq!(start_of("Demo in 3 days at 3pm"), local("2026-12-07T15:00"));
    assert_eq!(
        start_of("Demo in two weeks at 3pm"),
        local("2026-12-18T15:00")
    );
    assert_eq!(start_of("Demo in a week at 3pm"), local("2026-12-11T15:00"));
    assert_eq!(
        start_of("Demo in one day at 3pm"),
        local("2026-12-05T15:00")
    );
}

#[test]
fn day_and_month_forms() {
    for prompt in [
        "Demo 15 March 3pm",
        "Demo March 15 3pm",
        "Demo March 15th 3pm",
        "Demo 15th of March 3pm",
        "Demo mar 15 3pm",
        "Demo 15 March 2027 3pm",
        "Demo March 15, 2027 at 3pm",
    ] {
        assert_eq!(start_of(prompt), local("2027-03-15T15:00"), "{prompt}");
    }
}

#[test]
fn missing_year_is_noted() {
    let parsed = one_off("Demo 15 March 3pm", KOLKATA);
    assert!(
        parsed
            .assumptions
            .contains(&"No year given: Mon 15 Mar 2027.".to_string()),
        "{:?}",
        parsed.assumptions
    );
    let explicit = one_off("Demo 15 March 2027 3pm", KOLKATA);
    assert!(
        !explicit
            .assumptions
            .iter()
            .any(|note| note.starts_with("No year")),
        "{:?}",
        explicit.assumptions
    );
}

#[test]
fn missing_year_picks_next_occurrence() {
    assert_eq!(start_of("Demo 10 December 3pm"), local("2026-12-10T15:00"));
    assert_eq!(start_of("Demo 4 December 6pm"), local("2026-12-04T18:00"));
    assert_eq!(start_of("Demo 1 December 3pm"), local("2027-12-01T15:00"));
}

#[test]
fn iso_date() {
    assert_eq!(start_of("Demo 2026-12-10 3pm"), local("2026-12-10T15:00"));
    assert_eq!(
        start_of("Demo on 2027-01-05 at 09:30"),
        local("2027-01-05T09:30")
    );
}

#[test]
fn weekday_with_matching_date() {
    assert_eq!(
        start_of("Demo Thursday 10 December 3pm"),
        local("2026-12-10T15:00")
    );
    assert_eq!(
        start_of("Demo Thursday, December 10 3pm"),
        local("2026-12-10T15:00")
    );
}

#[test]
fn weekday_with_other_date_rejected() {
    let error = one_off_error("Demo Friday 10 December 3pm", KOLKATA);
    assert!(
        matches!(
            error,
            ScheduleError::WeekdayMismatch {
                actual: Weekday::Thu,
                stated: Weekday::Fri,
                ..
            }
        ),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains("Friday 10 December"), "{message}");
    assert!(message.contains("is a Thursday, not a Friday"), "{message}");
}

#[test]
fn numeric_slash_date_rejected() {
    for text in ["12/10", "12/10/2026", "2026/12/10"] {
        let error = one_off_error(&format!("Demo {text} 3pm"), KOLKATA);
        assert_eq!(
            error,
            ScheduleError::AmbiguousNumericDate { text: text.into() }
        );
        let message = error.to_string();
        assert!(message.contains("\"10 December\""), "{message}");
        assert!(message.contains("2026-12-10"), "{message}");
    }
}

#[test]
fn impossible_date_rejected() {
    let error = one_off_error("Demo 31 February 2027 3pm", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::InvalidDate {
            text: "31 February 2027".into(),
            reason: "February 2027 has no day 31".into()
        }
    );

    let iso = one_off_error("Demo 2027-02-30 3pm", KOLKATA);
    assert!(matches!(iso, ScheduleError::InvalidDate { .. }), "{iso:?}");
    assert!(iso.to_string().contains("2027-02-30"), "{iso}");
}

#[test]
fn past_start_rejected() {
    // 09:00 in Kolkata on 4 December is before now (15:30 there).
    let error = one_off_error("Demo today 9am", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::StartInPast {
            start: "Fri 4 Dec 2026 09:00 IST".into(),
            start_utc: "2026-12-04T03:30:00Z".into(),
            now: "Fri 4 Dec 2026 15:30 IST".into(),
        }
    );
    assert!(error.to_string().contains("in the past"), "{error}");

    let explicit = one_off_error("Demo 2026-12-01 3pm", KOLKATA);
    assert!(
        explicit.to_string().contains("Tue 1 Dec 2026 15:00 IST"),
        "{explicit}"
    );
}

#[test]
fn no_date_means_today_or_tomorrow() {
    let later_today = one_off("Demo 6pm", KOLKATA);
    assert_eq!(later_today.start.local, local("2026-12-04T18:00"));
    assert!(
        later_today
            .assumptions
            .contains(&"No date given: today, Fri 4 Dec 2026.".to_string()),
        "{:?}",
        later_today.assumptions
    );

    let passed = one_off("Demo 9am", KOLKATA);
    assert_eq!(passed.start.local, local("2026-12-05T09:00"));
    assert!(
        passed.assumptions.contains(
            &"No date given: tomorrow, Sat 5 Dec 2026, because 09:00 today has passed.".to_string()
        ),
        "{:?}",
        passed.assumptions
    );
}

#[test]
fn today_follows_webinar_zone() {
    // At 20:00 UTC it is already Saturday 5 December in Kolkata but still
    // Friday 4 December in New York.
    let evening = utc("2026-12-04T20:00:00Z");
    let kolkata = parse_webinar_prompt("Demo tomorrow 3pm", evening, KOLKATA).unwrap();
    assert_eq!(kolkata.start.local, local("2026-12-06T15:00"));

    let new_york =
        parse_webinar_prompt("Demo tomorrow 3pm", evening, Tz::America__New_York).unwrap();
    assert_eq!(new_york.start.local, local("2026-12-05T15:00"));

    let named_zone = parse_webinar_prompt("Demo tomorrow 3pm ET", evening, KOLKATA).unwrap();
    assert_eq!(named_zone.start.local, local("2026-12-05T15:00"));
    assert_eq!(named_zone.start.time_zone, Tz::America__New_York);
}

#[test]
fn dates_in_new_york_and_london() {
    let new_york = one_off("Demo today 9am", Tz::America__New_York);
    assert_eq!(new_york.start.utc, utc("2026-12-04T14:00:00Z"));

    let london = one_off("Demo Monday 9am", Tz::Europe__London);
    assert_eq!(london.start.utc, utc("2026-12-07T09:00:00Z"));
}

#[test]
fn two_dates_rejected() {
    let error = one_off_error("Demo tomorrow Monday 3pm", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::DuplicatePhrase {
            kind: "date",
            first: "tomorrow".into(),
            second: "Monday".into()
        }
    );
}

#[test]
fn day_of_month_alone() {
    assert_eq!(start_of("Demo 3pm on the 15th"), local("2026-12-15T15:00"));
    assert_eq!(
        start_of("Demo on the 31st at 3pm"),
        local("2026-12-31T15:00")
    );
    // The 2nd has passed in December, so the next one is in January.
    assert_eq!(
        start_of("Demo on the 2nd at 3pm"),
        local("2027-01-02T15:00")
    );
    let parsed = one_off("Demo 3pm on the 15th", KOLKATA);
    assert!(
        parsed
            .assumptions
            .contains(&"\"on the 15th\" read as Tue 15 Dec 2026.".to_string()),
        "{:?}",
        parsed.assumptions
    );
}
