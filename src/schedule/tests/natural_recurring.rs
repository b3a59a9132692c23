//! Recurring prompts: patterns, ends, first occurrences and refusals.

use chrono::{NaiveDate, Weekday};
use chrono_tz::Tz;
use serde_json::json;

use super::{local, one_off_error, recurring, recurring_error, utc};
use crate::schedule::{MonthWeek, Recurrence, RecurrenceEnd, RecurrencePattern, ScheduleError};
use crate::time::TimeError;

const KOLKATA: Tz = Tz::Asia__Kolkata;

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("test date is valid")
}

fn rule_of(prompt: &str) -> Recurrence {
    recurring(prompt, KOLKATA)
        .recurrence
        .unwrap_or_else(|| panic!("{prompt:?} has no recurrence"))
}

fn weekly(days: &[Weekday]) -> RecurrencePattern {
    RecurrencePattern::Weekly {
        days: days.to_vec(),
    }
}

#[test]
fn daily_phrases() {
    for prompt in [
        "Standup daily at 9am 5 times",
        "Standup every day at 9am 5 times",
    ] {
        let recurrence = rule_of(prompt);
        assert_eq!(recurrence.pattern, RecurrencePattern::Daily, "{prompt}");
        assert_eq!(recurrence.repeat_interval, 1, "{prompt}");
        assert_eq!(recurrence.end, RecurrenceEnd::Count(5), "{prompt}");
    }
    let every_third = rule_of("Standup every 3 days at 9am 5 times");
    assert_eq!(every_third.repeat_interval, 3);
}

#[test]
fn daily_first_session_after_now() {
    // 9am has passed in Kolkata (15:30), so the first session is tomorrow.
    let parsed = recurring("Standup daily at 9am 5 times", KOLKATA);
    assert_eq!(parsed.start.local, local("2026-12-05T09:00"));
    assert!(
        parsed
            .assumptions
            .contains(&"No start date given: the first session is Sat 5 Dec 2026.".to_string()),
        "{:?}",
        parsed.assumptions
    );
}

#[test]
fn every_weekday_phrase() {
    let parsed = recurring("Standup every weekday at 9:30am for 2 weeks", KOLKATA);
    let recurrence = parsed.recurrence.unwrap();
    assert_eq!(
        recurrence.pattern,
        weekly(&[
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri
        ])
    );
    assert_eq!(recurrence.end, RecurrenceEnd::Count(10));
    assert_eq!(parsed.start.local, local("2026-12-07T09:30"));
}

#[test]
fn tuesday_and_thursday_for_eight_weeks() {
    let parsed = recurring(
        "Python class every Tuesday and Thursday at 6pm for 8 weeks",
        KOLKATA,
    );
    assert_eq!(parsed.topic, "Python class");
    assert_eq!(parsed.start.local, local("2026-12-08T18:00"));
    let recurrence = parsed.recurrence.unwrap();
    assert_eq!(recurrence.pattern, weekly(&[Weekday::Tue, Weekday::Thu]));
    assert_eq!(recurrence.end, RecurrenceEnd::Count(16));
    assert_eq!(
        recurrence.describe(),
        "every week on Tuesday and Thursday, 16 times"
    );
    assert_eq!(
        recurrence.to_zoom_json(parsed.start.time_zone),
        json!({"type": 2, "repeat_interval": 1, "weekly_days": "3,5", "end_times": 16})
    );
    assert!(
        parsed.assumptions.contains(
            &"\"for 8 weeks\" gives 16 sessions, Tue 8 Dec 2026 to Thu 28 Jan 2027.".to_string()
        ),
        "{:?}",
        parsed.assumptions
    );
}

#[test]
fn three_weekday_list() {
    let parsed = recurring(
        "Book club every Monday, Wednesday and Friday at 7pm for 10 sessions",
        KOLKATA,
    );
    assert_eq!(parsed.topic, "Book club");
    // Friday 4 December at 19:00 is still ahead of now (15:30).
    assert_eq!(parsed.start.local, local("2026-12-04T19:00"));
    let recurrence = parsed.recurrence.unwrap();
    assert_eq!(
        recurrence.pattern,
        weekly(&[Weekday::Mon, Weekday::Wed, Weekday::Fri])
    );
    assert_eq!(recurrence.end, RecurrenceEnd::Count(10));
}

#[test]
fn weekday_range_and_plurals() {
    let range = rule_of("Standup every Monday to Friday at 9am 10 times");
    assert_eq!(
        range.pattern,
        weekly(&[
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri
        ])
    );
    let plural = rule_of("Clinic on Mondays and Wednesdays at 5pm 6 times");
    assert_eq!(plural.pattern, weekly(&[Weekday::Mon, Weekday::Wed]));
}

#[test]
fn weekly_on_friday() {
    let parsed = recurring("Review weekly on Friday at 4pm 6 times", KOLKATA);
    assert_eq!(parsed.start.local, local("2026-12-04T16:00"));
    let recurrence = parsed.recurrence.unwrap();
    assert_eq!(recurrence.pattern, weekly(&[Weekday::Fri]));
    assert_eq!(recurrence.repeat_interval, 1);
}

#[test]
fn every_two_weeks_and_every_other() {
    let two_weeks = rule_of("Review every 2 weeks on Friday at 4pm 6 times");
    assert_eq!(two_weeks.pattern, weekly(&[Weekday::Fri]));
    assert_eq!(two_weeks.repeat_interval, 2);

    let parsed = recurring("Review every other Monday at 10am for 8 weeks", KOLKATA);
    assert_eq!(parsed.start.local, local("2026-12-07T10:00"));
    let other = parsed.recurrence.unwrap();
    assert_eq!(other.pattern, weekly(&[Weekday::Mon]));
    assert_eq!(other.repeat_interval, 2);
    assert_eq!(other.end, RecurrenceEnd::Count(4));
}

#[test]
fn monthly_on_the_fifteenth() {
    for prompt in [
        "Billing monthly on the 15th at 11am for 6 months",
        "Billing every month on the 15th at 11am for 6 months",
        "Billing on the 15th of every month at 11am for 6 months",
    ] {
        let parsed = recurring(prompt, KOLKATA);
        assert_eq!(parsed.start.local, local("2026-12-15T11:00"), "{prompt}");
        let recurrence = parsed.recurrence.unwrap();
        assert_eq!(
            recurrence.pattern,
            RecurrencePattern::MonthlyByDay { day: 15 },
            "{prompt}"
        );
        assert_eq!(recurrence.end, RecurrenceEnd::Count(6), "{prompt}");
        assert_eq!(
            recurrence.to_zoom_json(KOLKATA),
            json!({"type": 3, "repeat_interval": 1, "monthly_day": 15, "end_times": 6}),
            "{prompt}"
        );
    }
}

#[test]
fn first_monday_of_each_month() {
    let parsed = recurring(
        "Town hall first Monday of each month at 5pm 3 times",
        KOLKATA,
    );
    assert_eq!(parsed.topic, "Town hall");
    assert_eq!(parsed.start.local, local("2026-12-07T17:00"));
    let recurrence = parsed.recurrence.unwrap();
    assert_eq!(
        recurrence.pattern,
        RecurrencePattern::MonthlyByWeekday {
            week: MonthWeek::First,
            weekday: Weekday::Mon
        }
    );
    assert_eq!(
        recurrence.to_zoom_json(KOLKATA),
        json!({
            "type": 3,
            "repeat_interval": 1,
            "monthly_week": 1,
            "monthly_week_day": 2,
            "end_times": 3
        })
    );
}

#[test]
fn last_friday_of_every_month_until() {
    let parsed = recurring(
        "Retro last Friday of every month at 3pm until 2027-06-30",
        KOLKATA,
    );
    assert_eq!(parsed.start.local, local("2026-12-25T15:00"));
    let recurrence = parsed.recurrence.unwrap();
    assert_eq!(
        recurrence.pattern,
        RecurrencePattern::MonthlyByWeekday {
            week: MonthWeek::Last,
            weekday: Weekday::Fri
        }
    );
    assert_eq!(recurrence.end, RecurrenceEnd::Until(date(2027, 6, 30)));
    assert_eq!(
        recurrence.to_zoom_json(KOLKATA),
        json!({
            "type": 3,
            "repeat_interval": 1,
            "monthly_week": -1,
            "monthly_week_day": 6,
            "end_date_time": "2027-06-30T18:29:59Z"
        })
    );
    assert_eq!(recurrence.occurrences(parsed.start.local, KOLKATA).len(), 7);
}

#[test]
fn count_end_forms() {
    for end in [
        "for 10 sessions",
        "10 times",
        "10 occurrences",
        "for ten sessions",
    ] {
        let prompt = format!("Demo every Tuesday at 6pm {end}");
        assert_eq!(rule_of(&prompt).end, RecurrenceEnd::Count(10), "{prompt}");
    }
}

#[test]
fn until_date_is_inclusive() {
    let parsed = recurring("Demo every Wednesday at 6pm until March 31", KOLKATA);
    let recurrence = parsed.recurrence.clone().unwrap();
    assert_eq!(recurrence.end, RecurrenceEnd::Until(date(2027, 3, 31)));
    let occurrences = recurrence.occurrences(parsed.start.local, KOLKATA);
    assert_eq!(occurrences.first(), Some(&utc("2026-12-09T12:30:00Z")));
    assert_eq!(occurrences.last(), Some(&utc("2027-03-31T12:30:00Z")));
    assert_eq!(occurrences.len(), 17);
    assert!(
        parsed
            .assumptions
            .contains(&"No year given: Wed 31 Mar 2027.".to_string()),
        "{:?}",
        parsed.assumptions
    );
}

#[test]
fn start_date_moves_to_first_match() {
    // 15 March 2027 is a Monday, so the first Tuesday is 16 March.
    let parsed = recurring(
        "Sync every Tuesday 6pm starting 15 March 2027 3 times",
        KOLKATA,
    );
    assert_eq!(parsed.start.local, local("2027-03-16T18:00"));
    assert!(
        parsed.assumptions.contains(
            &"Mon 15 Mar 2027 does not match \"every week on Tuesday\": the first session is Tue 16 Mar 2027."
                .to_string()
        ),
        "{:?}",
        parsed.assumptions
    );
}

#[test]
fn today_kept_when_time_ahead() {
    let later = recurring("Demo every Friday at 6pm 3 times", KOLKATA);
    assert_eq!(later.start.local, local("2026-12-04T18:00"));
    let passed = recurring("Demo every Friday at 9am 3 times", KOLKATA);
    assert_eq!(passed.start.local, local("2026-12-11T09:00"));
}

#[test]
fn start_date_today_in_past_rejected() {
    let error = recurring_error("Demo every Friday starting today at 9am 3 times", KOLKATA);
    assert!(
        matches!(error, ScheduleError::StartInPast { .. }),
        "{error:?}"
    );
}

#[test]
fn weekly_and_monthly_take_start_day() {
    let weekly_rule = recurring("Sync weekly at 3pm starting 15 March for 4 weeks", KOLKATA);
    let recurrence = weekly_rule.recurrence.unwrap();
    assert_eq!(recurrence.pattern, weekly(&[Weekday::Mon]));
    assert_eq!(recurrence.end, RecurrenceEnd::Count(4));
    assert!(
        weekly_rule
            .assumptions
            .contains(&"\"weekly\" read as every week on Monday, from the start date.".to_string()),
        "{:?}",
        weekly_rule.assumptions
    );

    let monthly_rule = rule_of("Sync monthly at 3pm starting 2027-01-20 3 times");
    assert_eq!(
        monthly_rule.pattern,
        RecurrencePattern::MonthlyByDay { day: 20 }
    );
}

#[test]
fn weekly_without_day_rejected() {
    let error = recurring_error("Sync weekly at 3pm for 4 weeks", KOLKATA);
    assert!(
        matches!(&error, ScheduleError::IncompleteRecurrence { phrase, .. } if phrase == "weekly"),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("\"weekly on Friday\""),
        "{error}"
    );
}

#[test]
fn missing_end_rejected() {
    let error = recurring_error("Demo every Tuesday at 6pm", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::MissingRecurrenceEnd {
            description: "every week on Tuesday".into()
        }
    );
    let message = error.to_string();
    assert!(message.contains("\"for 8 weeks\""), "{message}");
    assert!(message.contains("\"10 times\""), "{message}");
}

#[test]
fn more_than_sixty_rejected() {
    let count = recurring_error("Demo every day at 9am for 70 sessions", KOLKATA);
    assert_eq!(
        count,
        ScheduleError::OccurrenceCountOutOfRange { count: 70 }
    );
    assert!(count.to_string().contains("1 to 60"), "{count}");

    let span = recurring_error("Demo every day at 9am for 10 weeks", KOLKATA);
    assert!(
        matches!(span, ScheduleError::TooManyOccurrences { .. }),
        "{span:?}"
    );
    assert!(span.to_string().contains("at most 60"), "{span}");

    let until = recurring_error("Demo every day at 9am until 2027-06-30", KOLKATA);
    assert!(
        matches!(until, ScheduleError::TooManyOccurrences { .. }),
        "{until:?}"
    );
}

#[test]
fn interval_above_maximum_rejected() {
    let error = recurring_error("Demo every 13 weeks on Monday at 9am 3 times", KOLKATA);
    assert!(
        matches!(
            error,
            ScheduleError::RepeatIntervalOutOfRange {
                interval: 13,
                max: 12,
                ..
            }
        ),
        "{error:?}"
    );
}

#[test]
fn fifth_weekday_rejected() {
    let error = recurring_error(
        "Demo every fifth Monday of the month at 9am 3 times",
        KOLKATA,
    );
    assert_eq!(
        error,
        ScheduleError::UnsupportedMonthWeek {
            text: "fifth monday".into()
        }
    );
}

#[test]
fn occurrences_across_dst_new_york() {
    let parsed = recurring(
        "Demo every Tuesday at 6pm ET starting 2 March 2027 for 3 sessions",
        KOLKATA,
    );
    let recurrence = parsed.recurrence.unwrap();
    assert_eq!(
        recurrence.occurrences(parsed.start.local, parsed.start.time_zone),
        vec![
            utc("2027-03-02T23:00:00Z"),
            utc("2027-03-09T23:00:00Z"),
            utc("2027-03-16T22:00:00Z"),
        ]
    );
}

#[test]
fn occurrences_across_dst_london() {
    let parsed = recurring(
        "Demo every Sunday at 9am starting 21 March 2027 2 times",
        Tz::Europe__London,
    );
    let recurrence = parsed.recurrence.unwrap();
    assert_eq!(
        recurrence.occurrences(parsed.start.local, parsed.start.time_zone),
        vec![utc("2027-03-21T09:00:00Z"), utc("2027-03-28T08:00:00Z")]
    );
}

#[test]
fn first_session_in_gap_rejected() {
    let error = recurring_error(
        "Demo every Sunday at 2:30am America/New_York starting 14 March 2027 3 times",
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
fn recurrence_in_one_off_rejected() {
    for (prompt, phrase) in [
        ("Demo every Tuesday at 6pm", "every Tuesday"),
        ("Demo daily at 9am", "daily"),
        ("Demo tomorrow at 9am 10 times", "10 times"),
        ("Demo tomorrow at 9am for 8 weeks", "for 8 weeks"),
        ("Demo on Mondays at 9am", "on Mondays"),
    ] {
        let error = one_off_error(prompt, KOLKATA);
        assert_eq!(
            error,
            ScheduleError::RecurrenceInOneOff {
                phrase: phrase.into()
            },
            "{prompt}"
        );
        assert!(
            error.to_string().contains("recurring webinar tool"),
            "{error}"
        );
    }
}

#[test]
fn recurring_without_recurrence_rejected() {
    let error = recurring_error("Demo tomorrow 3pm for 90 minutes", KOLKATA);
    assert_eq!(
        error,
        ScheduleError::MissingRecurrence {
            prompt: "Demo tomorrow 3pm for 90 minutes".into()
        }
    );
    assert!(
        error.to_string().contains("one-off webinar tool"),
        "{error}"
    );
}

#[test]
fn clock_changes_in_series_noted() {
    let new_york = Tz::America__New_York;
    // Weekly on Sundays from 6 Dec 2026: 14 Mar 2027 has no 02:30, and
    // 7 Nov 2027 is out of range for 20 weeks.
    let parsed = recurring(
        "Night shift sync every Sunday at 2:30am for 20 weeks",
        new_york,
    );
    let notes: Vec<&String> = parsed
        .assumptions
        .iter()
        .filter(|note| note.contains("clocks"))
        .collect();
    assert_eq!(notes.len(), 1, "{:?}", parsed.assumptions);
    assert_eq!(
        notes[0],
        "On Sun 14 Mar 2027, 02:30 does not exist in America/New_York because the clocks skip forward, so that occurrence starts at 03:30 EDT."
    );

    // Weekly on Sundays from 11 Apr 2027 for 32 weeks reaches 7 Nov 2027,
    // when 01:30 occurs twice.
    let parsed = recurring(
        "Night shift sync every Sunday at 1:30am from 2027-04-11 for 32 weeks",
        new_york,
    );
    let notes: Vec<&String> = parsed
        .assumptions
        .iter()
        .filter(|note| note.contains("clocks"))
        .collect();
    assert_eq!(notes.len(), 1, "{:?}", parsed.assumptions);
    assert_eq!(
        notes[0],
        "On Sun 7 Nov 2027, 01:30 occurs twice in America/New_York because the clocks go back; that occurrence starts at the first, 01:30 EDT."
    );
}
