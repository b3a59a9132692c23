//! Occurrence generation, first dates and end-date checks.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc, Weekday};
use chrono_tz::Tz;

use crate::schedule::{MonthWeek, Recurrence, RecurrenceEnd, RecurrencePattern, ScheduleError};
use crate::time::parse_zoom_utc;

fn rule(pattern: RecurrencePattern, interval: u32, end: RecurrenceEnd) -> Recurrence {
    Recurrence {
        pattern,
        repeat_interval: interval,
        end,
    }
}

fn weekly(days: &[Weekday]) -> RecurrencePattern {
    RecurrencePattern::Weekly {
        days: days.to_vec(),
    }
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("test date is valid")
}

fn local(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").expect("test time is valid")
}

fn utc_list(values: &[&str]) -> Vec<DateTime<Utc>> {
    values
        .iter()
        .map(|value| parse_zoom_utc(value).expect("test time is valid"))
        .collect()
}

#[test]
fn daily_occurrences_in_kolkata() {
    let recurrence = rule(RecurrencePattern::Daily, 1, RecurrenceEnd::Count(3));
    assert_eq!(
        recurrence.occurrences(local("2026-12-05T15:00"), Tz::Asia__Kolkata),
        utc_list(&[
            "2026-12-05T09:30:00Z",
            "2026-12-06T09:30:00Z",
            "2026-12-07T09:30:00Z"
        ])
    );
}

#[test]
fn daily_occurrences_with_interval() {
    let recurrence = rule(RecurrencePattern::Daily, 3, RecurrenceEnd::Count(3));
    assert_eq!(
        recurrence.occurrences(local("2026-12-30T10:00"), Tz::UTC),
        utc_list(&[
            "2026-12-30T10:00:00Z",
            "2027-01-02T10:00:00Z",
            "2027-01-05T10:00:00Z"
        ])
    );
}

#[test]
fn weekly_two_days_per_week() {
    let recurrence = rule(
        weekly(&[Weekday::Tue, Weekday::Thu]),
        1,
        RecurrenceEnd::Count(5),
    );
    assert_eq!(
        recurrence.occurrences(local("2026-12-08T18:00"), Tz::Asia__Kolkata),
        utc_list(&[
            "2026-12-08T12:30:00Z",
            "2026-12-10T12:30:00Z",
            "2026-12-15T12:30:00Z",
            "2026-12-17T12:30:00Z",
            "2026-12-22T12:30:00Z",
        ])
    );
}

#[test]
fn weekly_interval_counts_sunday_weeks() {
    // The first occurrence is Friday 4 December 2026. Its week starts on
    // Sunday 29 November, so Monday 30 November is before the first and
    // skipped, and the next weeks are those of 13 and 27 December.
    let recurrence = rule(
        weekly(&[Weekday::Mon, Weekday::Fri]),
        2,
        RecurrenceEnd::Count(5),
    );
    assert_eq!(
        recurrence.occurrences(local("2026-12-04T10:00"), Tz::UTC),
        utc_list(&[
            "2026-12-04T10:00:00Z",
            "2026-12-14T10:00:00Z",
            "2026-12-18T10:00:00Z",
            "2026-12-28T10:00:00Z",
            "2027-01-01T10:00:00Z",
        ])
    );
}

#[test]
fn first_date_not_in_pattern_skipped() {
    let recurrence = rule(weekly(&[Weekday::Tue]), 1, RecurrenceEnd::Count(2));
    assert_eq!(
        recurrence.occurrences(local("2026-12-04T10:00"), Tz::UTC),
        utc_list(&["2026-12-08T10:00:00Z", "2026-12-15T10:00:00Z"])
    );
}

#[test]
fn monthly_day_skips_short_months() {
    let recurrence = rule(
        RecurrencePattern::MonthlyByDay { day: 31 },
        1,
        RecurrenceEnd::Count(4),
    );
    assert_eq!(
        recurrence.occurrences(local("2027-01-31T09:00"), Tz::UTC),
        utc_list(&[
            "2027-01-31T09:00:00Z",
            "2027-03-31T09:00:00Z",
            "2027-05-31T09:00:00Z",
            "2027-07-31T09:00:00Z",
        ])
    );
}

#[test]
fn monthly_day_with_interval() {
    let recurrence = rule(
        RecurrencePattern::MonthlyByDay { day: 15 },
        2,
        RecurrenceEnd::Count(3),
    );
    assert_eq!(
        recurrence.occurrences(local("2026-12-15T11:00"), Tz::Asia__Kolkata),
        utc_list(&[
            "2026-12-15T05:30:00Z",
            "2027-02-15T05:30:00Z",
            "2027-04-15T05:30:00Z"
        ])
    );
}

#[test]
fn monthly_first_monday() {
    let recurrence = rule(
        RecurrencePattern::MonthlyByWeekday {
            week: MonthWeek::First,
            weekday: Weekday::Mon,
        },
        1,
        RecurrenceEnd::Count(3),
    );
    assert_eq!(
        recurrence.occurrences(local("2026-12-07T17:00"), Tz::UTC),
        utc_list(&[
            "2026-12-07T17:00:00Z",
            "2027-01-04T17:00:00Z",
            "2027-02-01T17:00:00Z"
        ])
    );
}

#[test]
fn monthly_last_and_fourth_weekday() {
    let last_friday = rule(
        RecurrencePattern::MonthlyByWeekday {
            week: MonthWeek::Last,
            weekday: Weekday::Fri,
        },
        1,
        RecurrenceEnd::Count(3),
    );
    assert_eq!(
        last_friday.occurrences(local("2026-12-25T15:00"), Tz::UTC),
        utc_list(&[
            "2026-12-25T15:00:00Z",
            "2027-01-29T15:00:00Z",
            "2027-02-26T15:00:00Z"
        ])
    );

    let fourth_thursday = rule(
        RecurrencePattern::MonthlyByWeekday {
            week: MonthWeek::Fourth,
            weekday: Weekday::Thu,
        },
        1,
        RecurrenceEnd::Count(2),
    );
    assert_eq!(
        fourth_thursday.occurrences(local("2026-11-01T12:00"), Tz::UTC),
        utc_list(&["2026-11-26T12:00:00Z", "2026-12-24T12:00:00Z"])
    );
}

#[test]
fn until_date_is_inclusive() {
    let recurrence = rule(
        weekly(&[Weekday::Fri]),
        1,
        RecurrenceEnd::Until(date(2026, 12, 18)),
    );
    assert_eq!(
        recurrence.occurrences(local("2026-12-04T10:00"), Tz::UTC),
        utc_list(&[
            "2026-12-04T10:00:00Z",
            "2026-12-11T10:00:00Z",
            "2026-12-18T10:00:00Z"
        ])
    );
}

#[test]
fn occurrences_capped_at_sixty() {
    let counted = rule(RecurrencePattern::Daily, 1, RecurrenceEnd::Count(60));
    assert_eq!(
        counted
            .occurrences(local("2026-12-05T10:00"), Tz::UTC)
            .len(),
        60
    );

    let open_ended = rule(
        RecurrencePattern::Daily,
        1,
        RecurrenceEnd::Until(date(2030, 1, 1)),
    );
    assert_eq!(
        open_ended
            .occurrences(local("2026-12-05T10:00"), Tz::UTC)
            .len(),
        60
    );
}

#[test]
fn weekly_across_dst_new_york() {
    let recurrence = rule(weekly(&[Weekday::Tue]), 1, RecurrenceEnd::Count(3));
    assert_eq!(
        recurrence.occurrences(local("2027-03-02T18:00"), Tz::America__New_York),
        utc_list(&[
            "2027-03-02T23:00:00Z",
            "2027-03-09T23:00:00Z",
            "2027-03-16T22:00:00Z"
        ])
    );
}

#[test]
fn weekly_across_dst_london() {
    let recurrence = rule(weekly(&[Weekday::Sun]), 1, RecurrenceEnd::Count(2));
    assert_eq!(
        recurrence.occurrences(local("2027-03-21T09:00"), Tz::Europe__London),
        utc_list(&["2027-03-21T09:00:00Z", "2027-03-28T08:00:00Z"])
    );
}

#[test]
fn daily_time_in_gap_moves_forward() {
    // 02:30 does not exist on 14 March 2027 in New York; that occurrence
    // starts at 03:30 EDT, one gap length later.
    let recurrence = rule(RecurrencePattern::Daily, 1, RecurrenceEnd::Count(3));
    assert_eq!(
        recurrence.occurrences(local("2027-03-13T02:30"), Tz::America__New_York),
        utc_list(&[
            "2027-03-13T07:30:00Z",
            "2027-03-14T07:30:00Z",
            "2027-03-15T06:30:00Z"
        ])
    );
}

#[test]
fn daily_repeated_time_takes_first() {
    let recurrence = rule(RecurrencePattern::Daily, 1, RecurrenceEnd::Count(3));
    assert_eq!(
        recurrence.occurrences(local("2027-11-06T01:30"), Tz::America__New_York),
        utc_list(&[
            "2027-11-06T05:30:00Z",
            "2027-11-07T05:30:00Z",
            "2027-11-08T06:30:00Z"
        ])
    );
}

#[test]
fn validate_from_rejects_too_many() {
    let recurrence = rule(
        RecurrencePattern::Daily,
        1,
        RecurrenceEnd::Until(date(2027, 3, 31)),
    );
    let error = recurrence.validate_from(date(2026, 12, 5)).unwrap_err();
    assert_eq!(
        error,
        ScheduleError::TooManyOccurrences {
            description: "every day, until 31 March 2027".into(),
            first: date(2026, 12, 5),
        }
    );
    assert!(error.to_string().contains("at most 60"), "{error}");
}

#[test]
fn validate_from_accepts_sixty() {
    // 5 December 2026 plus 59 days is 2 February 2027: exactly 60 days.
    let recurrence = rule(
        RecurrencePattern::Daily,
        1,
        RecurrenceEnd::Until(date(2027, 2, 2)),
    );
    assert_eq!(recurrence.validate_from(date(2026, 12, 5)), Ok(()));
    let longer = Recurrence {
        end: RecurrenceEnd::Until(date(2027, 2, 3)),
        ..recurrence
    };
    assert!(longer.validate_from(date(2026, 12, 5)).is_err());
}

#[test]
fn validate_from_rejects_until_before_first() {
    let recurrence = rule(
        RecurrencePattern::Daily,
        1,
        RecurrenceEnd::Until(date(2026, 12, 1)),
    );
    let error = recurrence.validate_from(date(2026, 12, 5)).unwrap_err();
    assert_eq!(
        error,
        ScheduleError::UntilBeforeFirst {
            until: date(2026, 12, 1),
            first: date(2026, 12, 5),
        }
    );
    assert!(error.to_string().contains("2026-12-01"), "{error}");
}

#[test]
fn validate_from_rejects_no_occurrences() {
    // From Tuesday 8 December to Saturday 12 December there is no Monday.
    let recurrence = rule(
        weekly(&[Weekday::Mon]),
        1,
        RecurrenceEnd::Until(date(2026, 12, 12)),
    );
    let error = recurrence.validate_from(date(2026, 12, 8)).unwrap_err();
    assert!(
        matches!(error, ScheduleError::NoOccurrences { .. }),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("every week on Monday"),
        "{error}"
    );
}

#[test]
fn validate_from_runs_basic_checks() {
    let recurrence = rule(RecurrencePattern::Daily, 1, RecurrenceEnd::Count(61));
    assert_eq!(
        recurrence.validate_from(date(2026, 12, 5)),
        Err(ScheduleError::OccurrenceCountOutOfRange { count: 61 })
    );
}

#[test]
fn first_date_on_or_after_each_pattern() {
    let friday = date(2026, 12, 4);
    let tuesday = rule(weekly(&[Weekday::Tue]), 1, RecurrenceEnd::Count(1));
    assert_eq!(
        tuesday.first_date_on_or_after(friday),
        Some(date(2026, 12, 8))
    );

    let fridays = rule(weekly(&[Weekday::Fri]), 1, RecurrenceEnd::Count(1));
    assert_eq!(fridays.first_date_on_or_after(friday), Some(friday));

    let the_31st = rule(
        RecurrencePattern::MonthlyByDay { day: 31 },
        1,
        RecurrenceEnd::Count(1),
    );
    assert_eq!(
        the_31st.first_date_on_or_after(date(2027, 2, 1)),
        Some(date(2027, 3, 31))
    );

    let last_sunday = rule(
        RecurrencePattern::MonthlyByWeekday {
            week: MonthWeek::Last,
            weekday: Weekday::Sun,
        },
        1,
        RecurrenceEnd::Count(1),
    );
    assert_eq!(
        last_sunday.first_date_on_or_after(friday),
        Some(date(2026, 12, 27))
    );
}
