//! Titles, leftover words and prompt-level refusals.

use chrono_tz::Tz;

use super::{local, one_off, one_off_error};
use crate::schedule::ScheduleError;

const KOLKATA: Tz = Tz::Asia__Kolkata;

fn topic_of(prompt: &str) -> String {
    one_off(prompt, KOLKATA).topic
}

#[test]
fn quoted_title_wins() {
    assert_eq!(
        topic_of("\"Rust: Ownership 101\" tomorrow 3pm"),
        "Rust: Ownership 101"
    );
    assert_eq!(
        topic_of("'Monday Motivation' tomorrow 3pm"),
        "Monday Motivation"
    );
    assert_eq!(
        topic_of("Schedule \u{201c}Daily Standup\u{201d} tomorrow 3pm"),
        "Daily Standup"
    );
    assert_eq!(topic_of("Tomorrow 3pm, title \"Q&A hour\""), "Q&A hour");
}

#[test]
fn apostrophe_is_not_a_quote() {
    assert_eq!(topic_of("Let's talk Rust tomorrow 3pm"), "Let's talk Rust");
}

#[test]
fn title_after_marker_words() {
    assert_eq!(
        topic_of("Schedule a webinar called Rust 101 tomorrow 3pm"),
        "Rust 101"
    );
    assert_eq!(
        topic_of("Create a webinar titled Intro to SQL tomorrow 3pm"),
        "Intro to SQL"
    );
    assert_eq!(
        topic_of("create a session named Data Day tomorrow 3pm"),
        "Data Day"
    );
    assert_eq!(
        topic_of("Please schedule a webinar about Kubernetes basics tomorrow at 3pm"),
        "Kubernetes basics"
    );
    assert_eq!(topic_of("Host a webinar on Rust tomorrow 3pm"), "Rust");
}

#[test]
fn verbs_kept_when_part_of_title() {
    assert_eq!(topic_of("Book club tomorrow 7pm"), "Book club");
    assert_eq!(topic_of("Host training tomorrow 7pm"), "Host training");
}

#[test]
fn title_after_schedule() {
    let parsed = one_off("Tomorrow 3pm: Python workshop", KOLKATA);
    assert_eq!(parsed.topic, "Python workshop");
    assert_eq!(parsed.start.local, local("2026-12-05T15:00"));
}

#[test]
fn case_insensitive_prompt() {
    let parsed = one_off("PYTHON WORKSHOP TOMORROW 3PM FOR 90 MINUTES", KOLKATA);
    assert_eq!(parsed.topic, "PYTHON WORKSHOP");
    assert_eq!(parsed.start.local, local("2026-12-05T15:00"));
    assert_eq!(parsed.duration_minutes, 90);
}

#[test]
fn full_example_prompt() {
    let parsed = one_off("Python workshop tomorrow 3pm for 90 minutes", KOLKATA);
    assert_eq!(parsed.topic, "Python workshop");
    assert_eq!(parsed.start.zoom_local(), "2026-12-05T15:00:00");
    assert_eq!(parsed.start.time_zone, KOLKATA);
    assert_eq!(parsed.duration_minutes, 90);
    assert_eq!(parsed.recurrence, None);
    assert_eq!(
        parsed.assumptions,
        vec!["No time zone given: Asia/Kolkata, the server's default.".to_string()]
    );
}

#[test]
fn missing_title_rejected() {
    for prompt in [
        "Schedule a webinar tomorrow 3pm",
        "tomorrow 3pm",
        "Create a new webinar at 3pm",
    ] {
        let error = one_off_error(prompt, KOLKATA);
        assert_eq!(
            error,
            ScheduleError::MissingTopic {
                prompt: prompt.into()
            },
            "{prompt}"
        );
        assert!(error.to_string().contains("quotes"), "{error}");
    }
}

#[test]
fn empty_prompt_rejected() {
    assert_eq!(one_off_error("", KOLKATA), ScheduleError::EmptyPrompt);
    assert_eq!(one_off_error("   ", KOLKATA), ScheduleError::EmptyPrompt);
}

#[test]
fn long_title_rejected() {
    let prompt = format!("\"{}\" tomorrow 3pm", "a".repeat(201));
    assert_eq!(
        one_off_error(&prompt, KOLKATA),
        ScheduleError::TopicTooLong { length: 201 }
    );
}

#[test]
fn other_words_noted_as_ignored() {
    let parsed = one_off("Python workshop tomorrow 3pm for beginners", KOLKATA);
    assert_eq!(parsed.topic, "Python workshop");
    assert!(
        parsed.assumptions.contains(
            &"Ignored \"for beginners\": it is not part of the title, date, time, duration or recurrence."
                .to_string()
        ),
        "{:?}",
        parsed.assumptions
    );
}

#[test]
fn unknown_time_words_rejected() {
    let cases = [
        ("Python workshop tomorrow 3pm next year", "next year"),
        ("Python workshop tomorrow afternoon at 3pm", "afternoon"),
        (
            "Python workshop tomorrow 3pm for 20 people",
            "for 20 people",
        ),
    ];
    for (prompt, words) in cases {
        let error = one_off_error(prompt, KOLKATA);
        assert_eq!(
            error,
            ScheduleError::UnrecognizedWords {
                words: words.into()
            },
            "{prompt}"
        );
        assert!(
            error.to_string().contains(&format!("\"{words}\"")),
            "{error}"
        );
    }
}

#[test]
fn recurrence_word_in_title_needs_quotes() {
    let error = one_off_error("Daily standup tomorrow 9am", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::RecurrenceInOneOff {
            phrase: "Daily".into()
        }
    );
    assert!(error.to_string().contains("quotes"), "{error}");
    assert_eq!(topic_of("\"Daily standup\" tomorrow 9am"), "Daily standup");
}

#[test]
fn event_nouns_after_request_removed() {
    assert_eq!(
        topic_of("Schedule webinar Intro to Rust tomorrow 3pm"),
        "Intro to Rust"
    );
    assert_eq!(
        topic_of("Schedule a Zoom webinar on Rust tomorrow 3pm"),
        "Rust"
    );
    assert_eq!(
        topic_of("Schedule a webinar for new hires tomorrow 3pm"),
        "new hires"
    );
    assert_eq!(
        topic_of("Webinar for beginners tomorrow 3pm"),
        "Webinar for beginners"
    );
}

#[test]
fn title_words_that_resemble_times_kept() {
    assert_eq!(topic_of("Movie night tomorrow 8pm"), "Movie night");
    assert_eq!(topic_of("Rust 101 tomorrow 3pm"), "Rust 101");
    assert_eq!(topic_of("Review Q4 tomorrow 3pm"), "Review Q4");
    assert_eq!(
        topic_of("One on one coaching tomorrow 3pm"),
        "One on one coaching"
    );
}

#[test]
fn schedule_words_ending_title_rejected() {
    for (prompt, words) in [
        ("Python workshop next year at 3pm", "next year"),
        ("Python workshop March at 3pm", "March"),
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

#[test]
fn week_phrases_without_day_rejected() {
    assert_eq!(
        one_off_error("Python workshop next week at 3pm", KOLKATA),
        ScheduleError::WeekWithoutDay {
            text: "next week".into()
        }
    );
    assert_eq!(
        one_off_error("Python workshop tomorrow 3pm next week", KOLKATA),
        ScheduleError::DuplicatePhrase {
            kind: "date",
            first: "tomorrow".into(),
            second: "next week".into()
        }
    );
}

#[test]
fn biweekly_in_one_off_rejected() {
    let error = one_off_error("Python workshop tomorrow 3pm biweekly", KOLKATA);
    assert!(
        matches!(&error, ScheduleError::AmbiguousRecurrence { phrase, .. } if phrase == "biweekly"),
        "{error:?}"
    );
}
