//! Recurrence validation, Zoom JSON and descriptions.

use chrono::{NaiveDate, Weekday};
use chrono_tz::Tz;
use serde_json::json;

use crate::schedule::{MonthWeek, Recurrence, RecurrenceEnd, RecurrencePattern, ScheduleError};

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

#[test]
fn validate_accepts_zoom_maximums() {
    let cases = [
        rule(RecurrencePattern::Daily, 90, RecurrenceEnd::Count(60)),
        rule(weekly(&[Weekday::Fri]), 12, RecurrenceEnd::Count(1)),
        rule(
            RecurrencePattern::MonthlyByDay { day: 31 },
            3,
            RecurrenceEnd::Count(5),
        ),
        rule(
            RecurrencePattern::MonthlyByWeekday {
                week: MonthWeek::Last,
                weekday: Weekday::Fri,
            },
            3,
            RecurrenceEnd::Until(date(2027, 6, 30)),
        ),
    ];
    for recurrence in cases {
        assert_eq!(recurrence.validate(), Ok(()), "{recurrence:?}");
    }
}

#[test]
fn validate_rejects_interval_above_maximum() {
    let daily = rule(RecurrencePattern::Daily, 91, RecurrenceEnd::Count(2));
    assert_eq!(
        daily.validate(),
        Err(ScheduleError::RepeatIntervalOutOfRange {
            interval: 91,
            kind: "daily",
            max: 90,
            unit: "days"
        })
    );

    let weekly_rule = rule(weekly(&[Weekday::Mon]), 13, RecurrenceEnd::Count(2));
    let message = weekly_rule.validate().unwrap_err().to_string();
    assert!(message.contains("repeat interval 13"), "{message}");
    assert!(message.contains("1 to 12 weeks"), "{message}");

    let by_day = rule(
        RecurrencePattern::MonthlyByDay { day: 1 },
        4,
        RecurrenceEnd::Count(2),
    );
    let message = by_day.validate().unwrap_err().to_string();
    assert!(message.contains("1 to 3 months"), "{message}");

    let by_weekday = rule(
        RecurrencePattern::MonthlyByWeekday {
            week: MonthWeek::First,
            weekday: Weekday::Mon,
        },
        4,
        RecurrenceEnd::Count(2),
    );
    assert!(by_weekday.validate().is_err());
}

#[test]
fn validate_rejects_zero_interval() {
    let recurrence = rule(RecurrencePattern::Daily, 0, RecurrenceEnd::Count(2));
    let message = recurrence.validate().unwrap_err().to_string();
    assert!(message.contains("repeat interval 0"), "{message}");
    assert!(message.contains("1 to 90 days"), "{message}");
}

#[test]
fn validate_rejects_empty_weekly_days() {
    let recurrence = rule(weekly(&[]), 1, RecurrenceEnd::Count(2));
    assert_eq!(recurrence.validate(), Err(ScheduleError::NoWeeklyDays));
}

#[test]
fn validate_rejects_monthly_day_out_of_range() {
    for day in [0, 32] {
        let recurrence = rule(
            RecurrencePattern::MonthlyByDay { day },
            1,
            RecurrenceEnd::Count(2),
        );
        let error = recurrence.validate().unwrap_err();
        assert_eq!(error, ScheduleError::MonthlyDayOutOfRange { day });
        assert!(error.to_string().contains("1 to 31"), "{error}");
    }
}

#[test]
fn validate_rejects_count_out_of_range() {
    for count in [0, 61] {
        let recurrence = rule(RecurrencePattern::Daily, 1, RecurrenceEnd::Count(count));
        let error = recurrence.validate().unwrap_err();
        assert_eq!(error, ScheduleError::OccurrenceCountOutOfRange { count });
        assert!(error.to_string().contains("1 to 60"), "{error}");
    }
}

#[test]
fn zoom_json_daily_with_count() {
    let recurrence = rule(RecurrencePattern::Daily, 2, RecurrenceEnd::Count(10));
    assert_eq!(
        recurrence.to_zoom_json(Tz::Asia__Kolkata),
        json!({"type": 1, "repeat_interval": 2, "end_times": 10})
    );
}

#[test]
fn zoom_json_weekly_days_string() {
    let recurrence = rule(
        weekly(&[Weekday::Thu, Weekday::Tue, Weekday::Tue]),
        1,
        RecurrenceEnd::Count(16),
    );
    assert_eq!(
        recurrence.to_zoom_json(Tz::Asia__Kolkata),
        json!({"type": 2, "repeat_interval": 1, "weekly_days": "3,5", "end_times": 16})
    );

    let weekend = rule(
        weekly(&[Weekday::Sat, Weekday::Sun]),
        2,
        RecurrenceEnd::Count(4),
    );
    assert_eq!(
        weekend.to_zoom_json(Tz::UTC),
        json!({"type": 2, "repeat_interval": 2, "weekly_days": "1,7", "end_times": 4})
    );
}

#[test]
fn zoom_json_monthly_by_day() {
    let recurrence = rule(
        RecurrencePattern::MonthlyByDay { day: 15 },
        1,
        RecurrenceEnd::Count(6),
    );
    assert_eq!(
        recurrence.to_zoom_json(Tz::Europe__London),
        json!({"type": 3, "repeat_interval": 1, "monthly_day": 15, "end_times": 6})
    );
}

#[test]
fn zoom_json_monthly_by_weekday() {
    let last_friday = rule(
        RecurrencePattern::MonthlyByWeekday {
            week: MonthWeek::Last,
            weekday: Weekday::Fri,
        },
        1,
        RecurrenceEnd::Count(3),
    );
    assert_eq!(
        last_friday.to_zoom_json(Tz::UTC),
        json!({
            "type": 3,
            "repeat_interval": 1,
            "monthly_week": -1,
            "monthly_week_day": 6,
            "end_times": 3
        })
    );

    let second_sunday = rule(
        RecurrencePattern::MonthlyByWeekday {
            week: MonthWeek::Second,
            weekday: Weekday::Sun,
        },
        2,
        RecurrenceEnd::Count(3),
    );
    let value = second_sunday.to_zoom_json(Tz::UTC);
    assert_eq!(value["monthly_week"], json!(2));
    assert_eq!(value["monthly_week_day"], json!(1));
    assert_eq!(value["repeat_interval"], json!(2));
}

#[test]
fn zoom_json_until_in_kolkata() {
    let recurrence = rule(
        weekly(&[Weekday::Mon, Weekday::Wed, Weekday::Fri]),
        1,
        RecurrenceEnd::Until(date(2027, 3, 31)),
    );
    assert_eq!(
        recurrence.to_zoom_json(Tz::Asia__Kolkata),
        json!({
            "type": 2,
            "repeat_interval": 1,
            "weekly_days": "2,4,6",
            "end_date_time": "2027-03-31T18:29:59Z"
        })
    );
}

#[test]
fn zoom_json_until_follows_dst() {
    let recurrence = rule(
        RecurrencePattern::Daily,
        1,
        RecurrenceEnd::Until(date(2027, 3, 13)),
    );
    let winter = recurrence.to_zoom_json(Tz::America__New_York);
    assert_eq!(winter["end_date_time"], json!("2027-03-14T04:59:59Z"));

    let summer = Recurrence {
        end: RecurrenceEnd::Until(date(2027, 3, 14)),
        ..recurrence.clone()
    };
    let value = summer.to_zoom_json(Tz::America__New_York);
    assert_eq!(value["end_date_time"], json!("2027-03-15T03:59:59Z"));

    let london = summer.to_zoom_json(Tz::Europe__London);
    assert_eq!(london["end_date_time"], json!("2027-03-14T23:59:59Z"));
    assert!(london.get("end_times").is_none());
}

#[test]
fn describe_each_pattern() {
    let tue_thu = rule(
        weekly(&[Weekday::Thu, Weekday::Tue]),
        1,
        RecurrenceEnd::Count(16),
    );
    assert_eq!(
        tue_thu.describe(),
        "every week on Tuesday and Thursday, 16 times"
    );

    let mwf = rule(
        weekly(&[Weekday::Mon, Weekday::Wed, Weekday::Fri]),
        2,
        RecurrenceEnd::Count(1),
    );
    assert_eq!(
        mwf.describe(),
        "every 2 weeks on Monday, Wednesday and Friday, once"
    );

    let daily = rule(
        RecurrencePattern::Daily,
        3,
        RecurrenceEnd::Until(date(2027, 3, 31)),
    );
    assert_eq!(daily.describe(), "every 3 days, until 31 March 2027");

    let by_day = rule(
        RecurrencePattern::MonthlyByDay { day: 22 },
        1,
        RecurrenceEnd::Count(6),
    );
    assert_eq!(by_day.describe(), "every month on the 22nd, 6 times");

    let by_weekday = rule(
        RecurrencePattern::MonthlyByWeekday {
            week: MonthWeek::Last,
            weekday: Weekday::Fri,
        },
        3,
        RecurrenceEnd::Count(4),
    );
    assert_eq!(
        by_weekday.describe(),
        "every 3 months on the last Friday, 4 times"
    );
}

#[test]
fn month_week_zoom_values() {
    assert_eq!(MonthWeek::First.zoom_value(), 1);
    assert_eq!(MonthWeek::Second.zoom_value(), 2);
    assert_eq!(MonthWeek::Third.zoom_value(), 3);
    assert_eq!(MonthWeek::Fourth.zoom_value(), 4);
    assert_eq!(MonthWeek::Last.zoom_value(), -1);
}
