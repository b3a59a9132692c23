//! Time-of-day and time zone phrases, including daylight saving changes.

use chrono_tz::Tz;

use super::{local, one_off, one_off_error, utc};
use crate::schedule::ScheduleError;
use crate::time::TimeError;

const KOLKATA: Tz = Tz::Asia__Kolkata;
const NEW_YORK: Tz = Tz::America__New_York;
const LONDON: Tz = Tz::Europe__London;

#[test]
fn twelve_hour_forms() {
    let cases = [
        ("Demo tomorrow 3pm", "2026-12-05T15:00"),
        ("Demo tomorrow 3 pm", "2026-12-05T15:00"),
        ("Demo tomorrow 3:30pm", "2026-12-05T15:30"),
        ("Demo tomorrow 3:30 PM", "2026-12-05T15:30"),
        ("Demo tomorrow at 6pm", "2026-12-05T18:00"),
        ("Demo tomorrow 6.30pm", "2026-12-05T18:30"),
        ("Demo tomorrow 6.30 pm", "2026-12-05T18:30"),
        ("Demo tomorrow 3p.m.", "2026-12-05T15:00"),
        ("Demo tomorrow at 9am", "2026-12-05T09:00"),
        ("Demo tomorrow 12pm", "2026-12-05T12:00"),
        ("Demo tomorrow 12am", "2026-12-05T00:00"),
    ];
    for (prompt, expected) in cases {
        assert_eq!(
            one_off(prompt, KOLKATA).start.local,
            local(expected),
            "{prompt}"
        );
    }
}

#[test]
fn twenty_four_hour_forms() {
    assert_eq!(
        one_off("Demo tomorrow 15:00", KOLKATA).start.local,
        local("2026-12-05T15:00")
    );
    assert_eq!(
        one_off("Demo tomorrow 09:30", KOLKATA).start.local,
        local("2026-12-05T09:30")
    );
    assert_eq!(
        one_off("Demo tomorrow at 15.30", KOLKATA).start.local,
        local("2026-12-05T15:30")
    );
    assert_eq!(
        one_off("Demo tomorrow 0:15", KOLKATA).start.local,
        local("2026-12-05T00:15")
    );
}

#[test]
fn noon_and_midnight() {
    assert_eq!(
        one_off("Demo tomorrow noon", KOLKATA).start.local,
        local("2026-12-05T12:00")
    );
    assert_eq!(
        one_off("Demo tomorrow at 12 noon", KOLKATA).start.local,
        local("2026-12-05T12:00")
    );
    assert_eq!(
        one_off("Demo tomorrow midnight", KOLKATA).start.local,
        local("2026-12-05T00:00")
    );
}

#[test]
fn bare_hour_rejected() {
    let error = one_off_error("Demo tomorrow at 6", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::AmbiguousHour {
            text: "at 6".into(),
            hour: 6,
            minute: 0
        }
    );
    let message = error.to_string();
    assert!(message.contains("\"6am\" or \"6pm\""), "{message}");
    assert!(message.contains("\"18:00\""), "{message}");

    let oclock = one_off_error("Demo tomorrow 6 o'clock", KOLKATA);
    assert!(
        matches!(oclock, ScheduleError::AmbiguousHour { hour: 6, .. }),
        "{oclock:?}"
    );

    let twenty_four = one_off_error("Demo tomorrow at 18", KOLKATA);
    assert!(
        matches!(twenty_four, ScheduleError::AmbiguousHour { hour: 18, .. }),
        "{twenty_four:?}"
    );
}

#[test]
fn one_digit_hour_with_minutes_rejected() {
    let error = one_off_error("Demo tomorrow 3:30", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::AmbiguousHour {
            text: "3:30".into(),
            hour: 3,
            minute: 30
        }
    );
    let message = error.to_string();
    assert!(message.contains("\"3:30am\" or \"3:30pm\""), "{message}");
    assert!(message.contains("\"15:30\""), "{message}");
}

#[test]
fn invalid_clock_times_rejected() {
    for (prompt, text) in [
        ("Demo tomorrow 13pm", "13pm"),
        ("Demo tomorrow 0am", "0am"),
        ("Demo tomorrow 25:00", "25:00"),
        ("Demo tomorrow 3:75pm", "3:75pm"),
        ("Demo tomorrow 10:60", "10:60"),
    ] {
        let error = one_off_error(prompt, KOLKATA);
        assert!(
            matches!(&error, ScheduleError::InvalidTime { text: t, .. } if t == text),
            "{prompt}: {error:?}"
        );
    }
}

#[test]
fn missing_time_rejected() {
    let error = one_off_error("Demo tomorrow", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::MissingStartTime {
            prompt: "Demo tomorrow".into()
        }
    );
    assert!(error.to_string().contains("\"3pm\""), "{error}");
}

#[test]
fn two_times_rejected() {
    let error = one_off_error("Demo tomorrow 3pm 4pm", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::DuplicatePhrase {
            kind: "time",
            first: "3pm".into(),
            second: "4pm".into()
        }
    );
}

#[test]
fn iana_zone_sets_webinar_zone() {
    let parsed = one_off("Demo tomorrow 3pm America/New_York", KOLKATA);
    assert_eq!(parsed.start.time_zone, NEW_YORK);
    assert_eq!(parsed.start.local, local("2026-12-05T15:00"));
    assert_eq!(parsed.start.utc, utc("2026-12-05T20:00:00Z"));

    let lower = one_off("Demo tomorrow 3pm asia/tokyo", KOLKATA);
    assert_eq!(lower.start.time_zone, Tz::Asia__Tokyo);
    assert_eq!(lower.start.utc, utc("2026-12-05T06:00:00Z"));
}

#[test]
fn utc_and_gmt_zones() {
    let parsed = one_off("Demo tomorrow 15:00 UTC", KOLKATA);
    assert_eq!(parsed.start.time_zone, Tz::UTC);
    assert_eq!(parsed.start.utc, utc("2026-12-05T15:00:00Z"));

    let lower = one_off("Demo tomorrow 3pm in utc", KOLKATA);
    assert_eq!(lower.start.time_zone, Tz::UTC);

    let gmt = one_off("Demo tomorrow 3pm GMT", KOLKATA);
    assert_eq!(gmt.start.time_zone, Tz::GMT);
}

#[test]
fn abbreviations_map_to_zones() {
    let table = [
        ("IST", Tz::Asia__Kolkata),
        ("ET", NEW_YORK),
        ("EST", NEW_YORK),
        ("EDT", NEW_YORK),
        ("CT", Tz::America__Chicago),
        ("CST", Tz::America__Chicago),
        ("CDT", Tz::America__Chicago),
        ("MT", Tz::America__Denver),
        ("MST", Tz::America__Denver),
        ("MDT", Tz::America__Denver),
        ("PT", Tz::America__Los_Angeles),
        ("PST", Tz::America__Los_Angeles),
        ("PDT", Tz::America__Los_Angeles),
        ("BST", LONDON),
        ("CET", Tz::Europe__Berlin),
        ("CEST", Tz::Europe__Berlin),
        ("JST", Tz::Asia__Tokyo),
        ("AEST", Tz::Australia__Sydney),
        ("AEDT", Tz::Australia__Sydney),
        ("SGT", Tz::Asia__Singapore),
    ];
    for (abbreviation, zone) in table {
        let parsed = one_off(&format!("Demo tomorrow 3pm {abbreviation}"), LONDON);
        assert_eq!(parsed.start.time_zone, zone, "{abbreviation}");
        let note = format!("Time zone \"{abbreviation}\" read as {}.", zone.name());
        assert!(
            parsed.assumptions.contains(&note),
            "{abbreviation}: {:?}",
            parsed.assumptions
        );
    }
}

#[test]
fn abbreviation_case_rules() {
    let after_time = one_off("Demo tomorrow 3pm ist", LONDON);
    assert_eq!(after_time.start.time_zone, KOLKATA);

    let with_time_word = one_off("Demo tomorrow 3pm IST time", LONDON);
    assert_eq!(with_time_word.start.time_zone, KOLKATA);

    let upper_elsewhere = one_off("Demo PT tomorrow 3pm", LONDON);
    assert_eq!(upper_elsewhere.start.time_zone, Tz::America__Los_Angeles);

    // A lower-case "pt" away from the time is part of the title.
    let in_title = one_off("Intro to pt tomorrow 3pm", LONDON);
    assert_eq!(in_title.start.time_zone, LONDON);
    assert_eq!(in_title.topic, "Intro to pt");
}

#[test]
fn default_zone_is_noted() {
    let parsed = one_off("Demo tomorrow 3pm", KOLKATA);
    assert_eq!(parsed.start.time_zone, KOLKATA);
    assert!(
        parsed
            .assumptions
            .contains(&"No time zone given: Asia/Kolkata, the server's default.".to_string()),
        "{:?}",
        parsed.assumptions
    );
}

#[test]
fn unknown_zone_rejected() {
    let error = one_off_error("Demo tomorrow 3pm Mars/Olympus", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::Time(TimeError::UnknownTimeZone {
            name: "Mars/Olympus".into()
        })
    );
}

#[test]
fn dst_boundary_new_york() {
    let before = one_off("Demo 13 March 2027 3pm ET", KOLKATA);
    assert_eq!(before.start.utc, utc("2027-03-13T20:00:00Z"));
    let after = one_off("Demo 14 March 2027 3pm ET", KOLKATA);
    assert_eq!(after.start.utc, utc("2027-03-14T19:00:00Z"));
}

#[test]
fn dst_boundary_london() {
    let before = one_off("Demo 27 March 2027 3pm", LONDON);
    assert_eq!(before.start.utc, utc("2027-03-27T15:00:00Z"));
    let after = one_off("Demo 28 March 2027 3pm", LONDON);
    assert_eq!(after.start.utc, utc("2027-03-28T14:00:00Z"));
}

#[test]
fn gap_time_rejected() {
    let error = one_off_error("Demo 14 March 2027 2:30am America/New_York", KOLKATA);
    assert!(
        matches!(
            error,
            ScheduleError::Time(TimeError::NonexistentLocalTime { .. })
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("from 02:00 to 03:00"), "{error}");

    let london = one_off_error("Demo 28 March 2027 1:30am", LONDON);
    assert!(
        london.to_string().contains("from 01:00 to 02:00"),
        "{london}"
    );
}

#[test]
fn ambiguous_time_rejected() {
    let error = one_off_error("Demo 7 November 2027 1:30am ET", KOLKATA);
    assert!(
        matches!(
            error,
            ScheduleError::Time(TimeError::AmbiguousLocalTime { .. })
        ),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains("-04:00"), "{message}");
    assert!(message.contains("-05:00"), "{message}");

    let london = one_off_error("Demo 31 October 2027 1:30am", LONDON);
    assert!(
        matches!(
            london,
            ScheduleError::Time(TimeError::AmbiguousLocalTime { .. })
        ),
        "{london:?}"
    );
}

#[test]
fn iso_date_time_forms() {
    let local_form = one_off("Demo 2026-12-10T15:00 for 2 hours", KOLKATA);
    assert_eq!(local_form.start.local, local("2026-12-10T15:00"));
    assert_eq!(local_form.duration_minutes, 120);

    let utc_form = one_off("Demo 2026-12-10T09:30:00Z", KOLKATA);
    assert_eq!(utc_form.start.local, local("2026-12-10T15:00"));

    let offset = one_off("Demo 2027-11-07T01:30:00-05:00 ET", KOLKATA);
    assert_eq!(offset.start.utc, utc("2027-11-07T06:30:00Z"));
    assert_eq!(offset.start.time_zone, NEW_YORK);
}

#[test]
fn iso_date_time_with_other_date_rejected() {
    let error = one_off_error("Demo 2026-12-10T15:00 tomorrow", KOLKATA);
    assert!(
        matches!(error, ScheduleError::DuplicatePhrase { kind: "date", .. }),
        "{error:?}"
    );
}

#[test]
fn time_range_sets_duration() {
    let cases = [
        ("Demo tomorrow from 3pm to 4:30pm", "2026-12-05T15:00", 90),
        ("Demo tomorrow 3pm-4:30pm", "2026-12-05T15:00", 90),
        ("Demo tomorrow noon-1pm", "2026-12-05T12:00", 60),
        ("Demo tomorrow 15:00 until 17:00", "2026-12-05T15:00", 120),
        ("Demo tomorrow 11pm to 1am", "2026-12-05T23:00", 120),
    ];
    for (prompt, start, minutes) in cases {
        let parsed = one_off(prompt, KOLKATA);
        assert_eq!(parsed.start.local, local(start), "{prompt}");
        assert_eq!(parsed.duration_minutes, minutes, "{prompt}");
    }
}

#[test]
fn time_range_and_duration_rejected() {
    let error = one_off_error("Demo tomorrow 3pm to 4pm for 2 hours", KOLKATA);
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

#[test]
fn city_and_region_zones() {
    let cases = [
        ("Demo tomorrow 3pm in London", LONDON, "London"),
        ("Demo tomorrow 3pm in New York", NEW_YORK, "New York"),
        (
            "Demo tomorrow 3pm Los Angeles time",
            Tz::America__Los_Angeles,
            "Los Angeles",
        ),
        ("Demo tomorrow 3pm Eastern", NEW_YORK, "Eastern"),
        (
            "Demo tomorrow 3pm pacific time",
            Tz::America__Los_Angeles,
            "pacific",
        ),
    ];
    for (prompt, zone, words) in cases {
        let parsed = one_off(prompt, KOLKATA);
        assert_eq!(parsed.start.time_zone, zone, "{prompt}");
        let note = format!("Time zone \"{words}\" read as {}.", zone.name());
        assert!(
            parsed.assumptions.contains(&note),
            "{prompt}: {:?}",
            parsed.assumptions
        );
    }
}

#[test]
fn city_outside_zone_phrase_kept_in_title() {
    let parsed = one_off("London meetup tomorrow 3pm", KOLKATA);
    assert_eq!(parsed.topic, "London meetup");
    assert_eq!(parsed.start.time_zone, KOLKATA);

    let before_time = one_off("Meetup in London tomorrow 3pm", KOLKATA);
    assert_eq!(before_time.topic, "Meetup in London");
    assert_eq!(before_time.start.time_zone, KOLKATA);
}

#[test]
fn unknown_place_after_time_rejected() {
    for (prompt, words) in [
        ("Demo tomorrow 3pm in Mumbai", "in Mumbai"),
        ("Demo tomorrow 3pm Mumbai time", "Mumbai time"),
    ] {
        assert_eq!(
            one_off_error(prompt, KOLKATA),
            ScheduleError::UnrecognizedWords {
                words: words.into()
            },
            "{prompt}"
        );
    }
}
