//! Table of the phrases organisers type, each with the exact start (local
//! and UTC), zone, duration and recurrence it must resolve to.
//!
//! The current time is Friday 4 December 2026 10:00 UTC: 15:30 in the
//! default zone Asia/Kolkata, 05:00 in New York and 02:00 in Los Angeles.

use chrono::{NaiveDate, Weekday};
use chrono_tz::Tz;

use super::{local, one_off, recurring, utc};
use crate::schedule::{MonthWeek, Recurrence, RecurrenceEnd, RecurrencePattern};

const KOLKATA: Tz = Tz::Asia__Kolkata;
const NEW_YORK: Tz = Tz::America__New_York;
const LOS_ANGELES: Tz = Tz::America__Los_Angeles;
const LONDON: Tz = Tz::Europe__London;

/// One prompt and the schedule it must resolve to. The prompt is read with
/// Asia/Kolkata as the default zone.
struct Case {
    prompt: &'static str,
    time_zone: Tz,
    /// The local start, "yyyy-MM-ddTHH:mm".
    local: &'static str,
    /// The same instant in UTC, Zoom's "yyyy-MM-ddTHH:mm:ssZ" form.
    utc: &'static str,
    duration: u32,
}

/// A recurring prompt: the first occurrence as in [`Case`], the rule, and
/// how many occurrences it gives up to which local date.
struct SeriesCase {
    first: Case,
    recurrence: Recurrence,
    occurrences: usize,
    last: NaiveDate,
}

const fn case(
    prompt: &'static str,
    time_zone: Tz,
    local: &'static str,
    utc: &'static str,
    duration: u32,
) -> Case {
    Case {
        prompt,
        time_zone,
        local,
        utc,
        duration,
    }
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("test date is valid")
}

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

const WEEKDAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

#[rustfmt::skip]
const ONE_OFF: &[Case] = &[
    // Relative dates.
    case("Launch tomorrow at 3pm", KOLKATA, "2026-12-05T15:00", "2026-12-05T09:30:00Z", 60),
    case("Launch today at 6pm", KOLKATA, "2026-12-04T18:00", "2026-12-04T12:30:00Z", 60),
    case("Launch tonight at 8pm", KOLKATA, "2026-12-04T20:00", "2026-12-04T14:30:00Z", 60),
    case("Launch the day after tomorrow at 11am", KOLKATA, "2026-12-06T11:00", "2026-12-06T05:30:00Z", 60),
    case("Launch day after tomorrow 11am", KOLKATA, "2026-12-06T11:00", "2026-12-06T05:30:00Z", 60),
    case("Launch this Friday at 5pm", KOLKATA, "2026-12-04T17:00", "2026-12-04T11:30:00Z", 60),
    case("Launch Friday at 5pm", KOLKATA, "2026-12-11T17:00", "2026-12-11T11:30:00Z", 60),
    case("Launch next Friday at 9am", KOLKATA, "2026-12-11T09:00", "2026-12-11T03:30:00Z", 60),
    case("Launch on Tuesday at 10am", KOLKATA, "2026-12-08T10:00", "2026-12-08T04:30:00Z", 60),
    case("Launch next Monday 9am PT", LOS_ANGELES, "2026-12-07T09:00", "2026-12-07T17:00:00Z", 60),
    case("Launch next Mon 9am PT", LOS_ANGELES, "2026-12-07T09:00", "2026-12-07T17:00:00Z", 60),
    case("Launch in two weeks at 10:30 ET", NEW_YORK, "2026-12-18T10:30", "2026-12-18T15:30:00Z", 60),
    case("Launch in 2 weeks at 10:30am ET", NEW_YORK, "2026-12-18T10:30", "2026-12-18T15:30:00Z", 60),
    case("Launch in 3 days at 9am PST", LOS_ANGELES, "2026-12-07T09:00", "2026-12-07T17:00:00Z", 60),
    case("Launch in a week at 4pm", KOLKATA, "2026-12-11T16:00", "2026-12-11T10:30:00Z", 60),
    case("Launch next week Thursday at 2pm", KOLKATA, "2026-12-10T14:00", "2026-12-10T08:30:00Z", 60),
    case("Launch next week on Thursday at 2pm", KOLKATA, "2026-12-10T14:00", "2026-12-10T08:30:00Z", 60),
    case("Launch Thursday next week at 2pm", KOLKATA, "2026-12-10T14:00", "2026-12-10T08:30:00Z", 60),
    case("Launch next week Monday at 2pm", KOLKATA, "2026-12-07T14:00", "2026-12-07T08:30:00Z", 60),
    // Calendar dates.
    case("Launch Dec 10 6pm IST", KOLKATA, "2026-12-10T18:00", "2026-12-10T12:30:00Z", 60),
    case("Launch 10 December at 18:00", KOLKATA, "2026-12-10T18:00", "2026-12-10T12:30:00Z", 60),
    case("Launch December 10th, 2026 at 6pm", KOLKATA, "2026-12-10T18:00", "2026-12-10T12:30:00Z", 60),
    case("Launch Thursday, Dec 10 at 6pm", KOLKATA, "2026-12-10T18:00", "2026-12-10T12:30:00Z", 60),
    case("Launch Jan 15 at 9am ET", NEW_YORK, "2027-01-15T09:00", "2027-01-15T14:00:00Z", 60),
    case("Launch on the 15th at 2pm", KOLKATA, "2026-12-15T14:00", "2026-12-15T08:30:00Z", 60),
    case("Launch 2026-12-10 at 15:00", KOLKATA, "2026-12-10T15:00", "2026-12-10T09:30:00Z", 60),
    case("Launch 2026-12-10T15:00", KOLKATA, "2026-12-10T15:00", "2026-12-10T09:30:00Z", 60),
    // Times and zones.
    case("Launch tomorrow at noon", KOLKATA, "2026-12-05T12:00", "2026-12-05T06:30:00Z", 60),
    case("Launch tomorrow at midnight", KOLKATA, "2026-12-05T00:00", "2026-12-04T18:30:00Z", 60),
    case("Launch tomorrow at 6.30pm", KOLKATA, "2026-12-05T18:30", "2026-12-05T13:00:00Z", 60),
    case("Launch tomorrow at 6:30 p.m.", KOLKATA, "2026-12-05T18:30", "2026-12-05T13:00:00Z", 60),
    case("Launch tomorrow at 6:30pm Eastern", NEW_YORK, "2026-12-05T18:30", "2026-12-05T23:30:00Z", 60),
    case("Launch tomorrow at 10:30 ET", NEW_YORK, "2026-12-05T10:30", "2026-12-05T15:30:00Z", 60),
    case("Launch tomorrow at 3pm in London", LONDON, "2026-12-05T15:00", "2026-12-05T15:00:00Z", 60),
    case("Launch tomorrow at 3pm UTC", Tz::UTC, "2026-12-05T15:00", "2026-12-05T15:00:00Z", 60),
    case("Launch tomorrow at 3pm America/Chicago", Tz::America__Chicago, "2026-12-05T15:00", "2026-12-05T21:00:00Z", 60),
    case("Launch 6pm IST", KOLKATA, "2026-12-04T18:00", "2026-12-04T12:30:00Z", 60),
    case("Launch 9am IST", KOLKATA, "2026-12-05T09:00", "2026-12-05T03:30:00Z", 60),
    // Durations.
    case("Launch tomorrow 3pm for 90 minutes", KOLKATA, "2026-12-05T15:00", "2026-12-05T09:30:00Z", 90),
    case("Launch tomorrow 3pm 90 minutes", KOLKATA, "2026-12-05T15:00", "2026-12-05T09:30:00Z", 90),
    case("Launch tomorrow 3pm for 1.5 hours", KOLKATA, "2026-12-05T15:00", "2026-12-05T09:30:00Z", 90),
    case("Launch tomorrow 3pm 2h", KOLKATA, "2026-12-05T15:00", "2026-12-05T09:30:00Z", 120),
    case("Launch tomorrow 3pm for 45 mins", KOLKATA, "2026-12-05T15:00", "2026-12-05T09:30:00Z", 45),
    case("Launch tomorrow 3pm for an hour", KOLKATA, "2026-12-05T15:00", "2026-12-05T09:30:00Z", 60),
    case("Launch tomorrow 3pm for an hour and a half", KOLKATA, "2026-12-05T15:00", "2026-12-05T09:30:00Z", 90),
    case("Launch tomorrow 3pm for half an hour", KOLKATA, "2026-12-05T15:00", "2026-12-05T09:30:00Z", 30),
    case("Launch tomorrow 3pm for 1h30m", KOLKATA, "2026-12-05T15:00", "2026-12-05T09:30:00Z", 90),
    case("Launch tomorrow 3pm for 2 hours 15 minutes", KOLKATA, "2026-12-05T15:00", "2026-12-05T09:30:00Z", 135),
    case("90-minute launch tomorrow at 3pm", KOLKATA, "2026-12-05T15:00", "2026-12-05T09:30:00Z", 90),
    case("Launch tomorrow 3pm to 4:30pm", KOLKATA, "2026-12-05T15:00", "2026-12-05T09:30:00Z", 90),
    case("Launch tomorrow from 2pm to 3pm PT", LOS_ANGELES, "2026-12-05T14:00", "2026-12-05T22:00:00Z", 60),
];

#[test]
fn one_off_phrases_resolve_exactly() {
    for expected in ONE_OFF {
        let parsed = one_off(expected.prompt, KOLKATA);
        let prompt = expected.prompt;
        assert_eq!(parsed.start.time_zone, expected.time_zone, "{prompt}");
        assert_eq!(parsed.start.local, local(expected.local), "{prompt}");
        assert_eq!(parsed.start.utc, utc(expected.utc), "{prompt}");
        assert_eq!(parsed.duration_minutes, expected.duration, "{prompt}");
        assert_eq!(parsed.recurrence, None, "{prompt}");
    }
}

#[test]
fn one_off_titles_exclude_schedule() {
    for expected in ONE_OFF {
        let parsed = one_off(expected.prompt, KOLKATA);
        assert_eq!(parsed.topic.to_lowercase(), "launch", "{}", expected.prompt);
    }
}

fn series_cases() -> Vec<SeriesCase> {
    vec![
        SeriesCase {
            first: case(
                "Standup every weekday at 9am for 4 weeks",
                KOLKATA,
                "2026-12-07T09:00",
                "2026-12-07T03:30:00Z",
                60,
            ),
            recurrence: rule(weekly(&WEEKDAYS), 1, RecurrenceEnd::Count(20)),
            occurrences: 20,
            last: date(2027, 1, 1),
        },
        SeriesCase {
            first: case(
                "Standup weekdays at 9am until Jan 29",
                KOLKATA,
                "2026-12-07T09:00",
                "2026-12-07T03:30:00Z",
                60,
            ),
            recurrence: rule(
                weekly(&WEEKDAYS),
                1,
                RecurrenceEnd::Until(date(2027, 1, 29)),
            ),
            occurrences: 40,
            last: date(2027, 1, 29),
        },
        SeriesCase {
            first: case(
                "Town hall first Monday of each month at 10:30 ET until March 31",
                NEW_YORK,
                "2026-12-07T10:30",
                "2026-12-07T15:30:00Z",
                60,
            ),
            recurrence: rule(
                RecurrencePattern::MonthlyByWeekday {
                    week: MonthWeek::First,
                    weekday: Weekday::Mon,
                },
                1,
                RecurrenceEnd::Until(date(2027, 3, 31)),
            ),
            occurrences: 4,
            last: date(2027, 3, 1),
        },
        SeriesCase {
            first: case(
                "Office hours every other Tuesday at 6pm for 8 weeks",
                KOLKATA,
                "2026-12-08T18:00",
                "2026-12-08T12:30:00Z",
                60,
            ),
            recurrence: rule(weekly(&[Weekday::Tue]), 2, RecurrenceEnd::Count(4)),
            occurrences: 4,
            last: date(2027, 1, 19),
        },
        SeriesCase {
            first: case(
                "Office hours every other Tuesday at 6pm 6 times",
                KOLKATA,
                "2026-12-08T18:00",
                "2026-12-08T12:30:00Z",
                60,
            ),
            recurrence: rule(weekly(&[Weekday::Tue]), 2, RecurrenceEnd::Count(6)),
            occurrences: 6,
            last: date(2027, 2, 16),
        },
        SeriesCase {
            first: case(
                "Review last Friday of the month at 4pm 3 times",
                KOLKATA,
                "2026-12-25T16:00",
                "2026-12-25T10:30:00Z",
                60,
            ),
            recurrence: rule(
                RecurrencePattern::MonthlyByWeekday {
                    week: MonthWeek::Last,
                    weekday: Weekday::Fri,
                },
                1,
                RecurrenceEnd::Count(3),
            ),
            occurrences: 3,
            last: date(2027, 2, 26),
        },
        SeriesCase {
            first: case(
                "Rust class weekly on Tue and Thu at 6pm for 4 weeks",
                KOLKATA,
                "2026-12-08T18:00",
                "2026-12-08T12:30:00Z",
                60,
            ),
            recurrence: rule(
                weekly(&[Weekday::Tue, Weekday::Thu]),
                1,
                RecurrenceEnd::Count(8),
            ),
            occurrences: 8,
            last: date(2026, 12, 31),
        },
        SeriesCase {
            first: case(
                "Rust class every Tues & Thurs at 6pm 4 times",
                KOLKATA,
                "2026-12-08T18:00",
                "2026-12-08T12:30:00Z",
                60,
            ),
            recurrence: rule(
                weekly(&[Weekday::Tue, Weekday::Thu]),
                1,
                RecurrenceEnd::Count(4),
            ),
            occurrences: 4,
            last: date(2026, 12, 17),
        },
        SeriesCase {
            first: case(
                "Standup daily for 10 days at 9am",
                KOLKATA,
                "2026-12-05T09:00",
                "2026-12-05T03:30:00Z",
                60,
            ),
            recurrence: rule(RecurrencePattern::Daily, 1, RecurrenceEnd::Count(10)),
            occurrences: 10,
            last: date(2026, 12, 14),
        },
        SeriesCase {
            first: case(
                "AMA every Tuesday and Thursday at 6pm IST for 8 weeks",
                KOLKATA,
                "2026-12-08T18:00",
                "2026-12-08T12:30:00Z",
                60,
            ),
            recurrence: rule(
                weekly(&[Weekday::Tue, Weekday::Thu]),
                1,
                RecurrenceEnd::Count(16),
            ),
            occurrences: 16,
            last: date(2027, 1, 28),
        },
        SeriesCase {
            first: case(
                "Book club every Monday at 7pm ET until Jan 31 for 90 minutes",
                NEW_YORK,
                "2026-12-07T19:00",
                "2026-12-08T00:00:00Z",
                90,
            ),
            recurrence: rule(
                weekly(&[Weekday::Mon]),
                1,
                RecurrenceEnd::Until(date(2027, 1, 31)),
            ),
            occurrences: 8,
            last: date(2027, 1, 25),
        },
        SeriesCase {
            first: case(
                "Sync every 2 weeks on Friday at 10am 6 times",
                KOLKATA,
                "2026-12-11T10:00",
                "2026-12-11T04:30:00Z",
                60,
            ),
            recurrence: rule(weekly(&[Weekday::Fri]), 2, RecurrenceEnd::Count(6)),
            occurrences: 6,
            last: date(2027, 2, 19),
        },
        SeriesCase {
            first: case(
                "Billing monthly on the 15th at 11am for 6 months",
                KOLKATA,
                "2026-12-15T11:00",
                "2026-12-15T05:30:00Z",
                60,
            ),
            recurrence: rule(
                RecurrencePattern::MonthlyByDay { day: 15 },
                1,
                RecurrenceEnd::Count(6),
            ),
            occurrences: 6,
            last: date(2027, 5, 15),
        },
        SeriesCase {
            first: case(
                "Lecture every Friday at 3pm ET for 6 weeks starting next week",
                NEW_YORK,
                "2026-12-11T15:00",
                "2026-12-11T20:00:00Z",
                60,
            ),
            recurrence: rule(weekly(&[Weekday::Fri]), 1, RecurrenceEnd::Count(6)),
            occurrences: 6,
            last: date(2027, 1, 15),
        },
        SeriesCase {
            first: case(
                "Workshop every Monday at 9am PT from Jan 4 10 times 2h",
                LOS_ANGELES,
                "2027-01-04T09:00",
                "2027-01-04T17:00:00Z",
                120,
            ),
            recurrence: rule(weekly(&[Weekday::Mon]), 1, RecurrenceEnd::Count(10)),
            occurrences: 10,
            last: date(2027, 3, 8),
        },
        SeriesCase {
            first: case(
                "Clinic every day at noon for 2 weeks starting tomorrow",
                KOLKATA,
                "2026-12-05T12:00",
                "2026-12-05T06:30:00Z",
                60,
            ),
            recurrence: rule(RecurrencePattern::Daily, 1, RecurrenceEnd::Count(14)),
            occurrences: 14,
            last: date(2026, 12, 18),
        },
        SeriesCase {
            first: case(
                "Gym every Mon/Wed/Fri at 7am 6 times",
                KOLKATA,
                "2026-12-07T07:00",
                "2026-12-07T01:30:00Z",
                60,
            ),
            recurrence: rule(
                weekly(&[Weekday::Mon, Weekday::Wed, Weekday::Fri]),
                1,
                RecurrenceEnd::Count(6),
            ),
            occurrences: 6,
            last: date(2026, 12, 18),
        },
        SeriesCase {
            first: case(
                "Earnings call quarterly on the 20th at 6pm ET 4 times",
                NEW_YORK,
                "2026-12-20T18:00",
                "2026-12-20T23:00:00Z",
                60,
            ),
            recurrence: rule(
                RecurrencePattern::MonthlyByDay { day: 20 },
                3,
                RecurrenceEnd::Count(4),
            ),
            occurrences: 4,
            last: date(2027, 9, 20),
        },
        SeriesCase {
            first: case(
                "Retro every last Friday at noon 3 times",
                KOLKATA,
                "2026-12-25T12:00",
                "2026-12-25T06:30:00Z",
                60,
            ),
            recurrence: rule(
                RecurrencePattern::MonthlyByWeekday {
                    week: MonthWeek::Last,
                    weekday: Weekday::Fri,
                },
                1,
                RecurrenceEnd::Count(3),
            ),
            occurrences: 3,
            last: date(2027, 2, 26),
        },
    ]
}

#[test]
fn recurring_phrases_resolve_exactly() {
    for expected in series_cases() {
        let first = &expected.first;
        let prompt = first.prompt;
        let parsed = recurring(prompt, KOLKATA);

        assert_eq!(parsed.start.time_zone, first.time_zone, "{prompt}");
        assert_eq!(parsed.start.local, local(first.local), "{prompt}");
        assert_eq!(parsed.start.utc, utc(first.utc), "{prompt}");
        assert_eq!(parsed.duration_minutes, first.duration, "{prompt}");

        let recurrence = parsed
            .recurrence
            .unwrap_or_else(|| panic!("{prompt:?} has no recurrence"));
        assert_eq!(recurrence, expected.recurrence, "{prompt}");

        let occurrences = recurrence.occurrences(parsed.start.local, first.time_zone);
        assert_eq!(occurrences.len(), expected.occurrences, "{prompt}");
        assert_eq!(occurrences[0], parsed.start.utc, "{prompt}");
        let last = occurrences
            .last()
            .expect("the series has occurrences")
            .with_timezone(&first.time_zone)
            .date_naive();
        assert_eq!(last, expected.last, "{prompt}");
    }
}

#[test]
fn midnight_reading_is_noted() {
    let parsed = one_off("Launch tomorrow at midnight", KOLKATA);
    assert!(
        parsed
            .assumptions
            .contains(&"\"midnight\" read as 00:00 at the start of Sat 5 Dec 2026.".to_string()),
        "{:?}",
        parsed.assumptions
    );
}

#[test]
fn next_week_reading_is_noted() {
    let parsed = one_off("Launch next week Thursday at 2pm", KOLKATA);
    assert!(
        parsed
            .assumptions
            .contains(&"\"next week Thursday\" read as Thu 10 Dec 2026.".to_string()),
        "{:?}",
        parsed.assumptions
    );
}
