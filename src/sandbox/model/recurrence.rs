//! Recurrence rules of type 9 webinars and the occurrences they produce.

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};
use chrono_tz::Tz;
use serde_json::{Map, Value, json};

use crate::sandbox::fields::{FieldErrors, Fields};
use crate::sandbox::times::{format_utc, local_to_utc, parse_utc};

/// The maximum number of occurrences of a recurring webinar.
pub(crate) const MAX_OCCURRENCES: usize = 60;

/// How often a webinar recurs.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Pattern {
    Daily,
    /// Weekdays 1 (Sunday) to 7 (Saturday), sorted and without duplicates.
    Weekly {
        days: Vec<u32>,
    },
    MonthlyByDay {
        day: u32,
    },
    /// `week` is 1-4 or -1 for the last week; `weekday` 1 (Sunday) to 7.
    MonthlyByWeek {
        week: i64,
        weekday: u32,
    },
}

/// When a recurrence stops.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum End {
    Times(u32),
    Until(DateTime<Utc>),
}

/// A validated `recurrence` object.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Recurrence {
    pub pattern: Pattern,
    pub repeat_interval: u32,
    pub end: End,
}

impl Recurrence {
    /// Validates a request's `recurrence` object. `start_local` is the first
    /// start date in the webinar's zone, which supplies the weekday or day of
    /// the month when the request leaves them out.
    pub(crate) fn parse(
        request: &Map<String, Value>,
        start_local: NaiveDate,
        errors: &mut FieldErrors,
    ) -> Option<Recurrence> {
        let fields = Fields::nested(request, "recurrence");
        if !fields.has("type") {
            errors.reject(fields.path("type"));
            return None;
        }
        let kind = fields.int_in("type", &[1, 2, 3], errors)?;
        let max_interval = match kind {
            1 => 90,
            2 => 12,
            _ => 3,
        };
        let repeat_interval = if fields.has("repeat_interval") {
            fields.int("repeat_interval", 1, max_interval, errors)? as u32
        } else {
            1
        };
        let pattern = match kind {
            1 => Pattern::Daily,
            2 => parse_weekly(&fields, start_local, errors)?,
            _ => parse_monthly(&fields, start_local, errors)?,
        };
        let end = parse_end(&fields, errors)?;
        Some(Recurrence {
            pattern,
            repeat_interval,
            end,
        })
    }

    /// Renders the object as Zoom returns it.
    pub(crate) fn to_json(&self) -> Value {
        let mut out = Map::new();
        let kind = match self.pattern {
            Pattern::Daily => 1,
            Pattern::Weekly { .. } => 2,
            Pattern::MonthlyByDay { .. } | Pattern::MonthlyByWeek { .. } => 3,
        };
        out.insert("type".into(), json!(kind));
        out.insert("repeat_interval".into(), json!(self.repeat_interval));
        match &self.pattern {
            Pattern::Daily => {}
            Pattern::Weekly { days } => {
                let text: Vec<String> = days.iter().map(u32::to_string).collect();
                out.insert("weekly_days".into(), json!(text.join(",")));
            }
            Pattern::MonthlyByDay { day } => {
                out.insert("monthly_day".into(), json!(day));
            }
            Pattern::MonthlyByWeek { week, weekday } => {
                out.insert("monthly_week".into(), json!(week));
                out.insert("monthly_week_day".into(), json!(weekday));
            }
        }
        match self.end {
            End::Times(times) => out.insert("end_times".into(), json!(times)),
            End::Until(until) => out.insert("end_date_time".into(), json!(format_utc(until))),
        };
        Value::Object(out)
    }

    /// Returns the start instants of the occurrences, at the wall-clock time
    /// of `first_start` in `zone` so they follow daylight saving changes.
    /// The list starts on the first matching date on or after the first
    /// start's date and contains at most [`MAX_OCCURRENCES`] entries.
    pub(crate) fn occurrence_starts(
        &self,
        first_start: DateTime<Utc>,
        zone: Tz,
    ) -> Vec<DateTime<Utc>> {
        let local = first_start.with_timezone(&zone).naive_local();
        let first_date = local.date();
        let wall_time = local.time();
        let limit = match self.end {
            End::Times(times) => (times as usize).min(MAX_OCCURRENCES),
            End::Until(_) => MAX_OCCURRENCES,
        };
        let mut starts = Vec::new();
        for date in self.candidate_dates(first_date) {
            if starts.len() >= limit {
                break;
            }
            let start = local_to_utc(date.and_time(wall_time), zone);
            if let End::Until(until) = self.end
                && start > until
            {
                break;
            }
            starts.push(start);
        }
        starts
    }

    /// Returns the matching dates on or after `first_date`, in order. The
    /// sequence is bounded so a rule that rarely matches cannot loop forever.
    fn candidate_dates(&self, first_date: NaiveDate) -> Vec<NaiveDate> {
        const PERIODS: u32 = 400;
        let interval = self.repeat_interval.max(1);
        let mut dates = Vec::new();
        match &self.pattern {
            Pattern::Daily => {
                for period in 0..PERIODS {
                    dates.extend(
                        first_date.checked_add_days(Days::new(u64::from(period * interval))),
                    );
                }
            }
            Pattern::Weekly { days } => {
                let sunday =
                    first_date - Days::new(u64::from(first_date.weekday().num_days_from_sunday()));
                for period in 0..PERIODS {
                    let Some(week) =
                        sunday.checked_add_days(Days::new(u64::from(7 * period * interval)))
                    else {
                        break;
                    };
                    for day in days {
                        let date = week + Days::new(u64::from(day - 1));
                        if date >= first_date {
                            dates.push(date);
                        }
                    }
                }
            }
            Pattern::MonthlyByDay { day } => {
                let month_start = first_date.with_day(1).unwrap_or(first_date);
                for period in 0..PERIODS {
                    let Some(month) =
                        month_start.checked_add_months(Months::new(period * interval))
                    else {
                        break;
                    };
                    // NOTE: Zoom does not document months without this day
                    // (31 in April). The sandbox skips them.
                    if let Some(date) = month.with_day(*day)
                        && date >= first_date
                    {
                        dates.push(date);
                    }
                }
            }
            Pattern::MonthlyByWeek { week, weekday } => {
                let month_start = first_date.with_day(1).unwrap_or(first_date);
                for period in 0..PERIODS {
                    let Some(month) =
                        month_start.checked_add_months(Months::new(period * interval))
                    else {
                        break;
                    };
                    if let Some(date) = nth_weekday(month, *week, *weekday)
                        && date >= first_date
                    {
                        dates.push(date);
                    }
                }
            }
        }
        dates
    }
}

/// Returns the `week`-th (1-4, or -1 for last) `weekday` (1 Sunday to 7) of
/// the month that starts on `month_start`.
fn nth_weekday(month_start: NaiveDate, week: i64, weekday: u32) -> Option<NaiveDate> {
    let target = weekday - 1;
    let first_offset = (7 + target - month_start.weekday().num_days_from_sunday()) % 7;
    let first = month_start + Days::new(u64::from(first_offset));
    if week > 0 {
        let date = first + Days::new(7 * (week as u64 - 1));
        (date.month() == month_start.month()).then_some(date)
    } else {
        let mut date = first;
        while let Some(next) = date.checked_add_days(Days::new(7)) {
            if next.month() != month_start.month() {
                break;
            }
            date = next;
        }
        Some(date)
    }
}

fn parse_weekly(
    fields: &Fields<'_>,
    start_local: NaiveDate,
    errors: &mut FieldErrors,
) -> Option<Pattern> {
    let default_day = start_local.weekday().num_days_from_sunday() + 1;
    let Some(text) = fields.string("weekly_days", 64, errors) else {
        return if fields.has("weekly_days") {
            None
        } else {
            Some(Pattern::Weekly {
                days: vec![default_day],
            })
        };
    };
    let mut days = Vec::new();
    for part in text.split(',') {
        match part.trim().parse::<u32>() {
            Ok(day) if (1..=7).contains(&day) => days.push(day),
            _ => {
                errors.reject(fields.path("weekly_days"));
                return None;
            }
        }
    }
    days.sort_unstable();
    days.dedup();
    Some(Pattern::Weekly { days })
}

fn parse_monthly(
    fields: &Fields<'_>,
    start_local: NaiveDate,
    errors: &mut FieldErrors,
) -> Option<Pattern> {
    let by_day = fields.has("monthly_day");
    let by_week = fields.has("monthly_week") || fields.has("monthly_week_day");
    if by_day && by_week {
        // The two monthly forms exclude each other.
        errors.reject(fields.path("monthly_day"));
        return None;
    }
    if by_week {
        let week = fields.int_in("monthly_week", &[-1, 1, 2, 3, 4], errors);
        let weekday = fields.int("monthly_week_day", 1, 7, errors);
        if !fields.has("monthly_week") {
            errors.reject(fields.path("monthly_week"));
        }
        if !fields.has("monthly_week_day") {
            errors.reject(fields.path("monthly_week_day"));
        }
        return Some(Pattern::MonthlyByWeek {
            week: week?,
            weekday: weekday? as u32,
        });
    }
    if by_day {
        let day = fields.int("monthly_day", 1, 31, errors)?;
        return Some(Pattern::MonthlyByDay { day: day as u32 });
    }
    Some(Pattern::MonthlyByDay {
        day: start_local.day(),
    })
}

fn parse_end(fields: &Fields<'_>, errors: &mut FieldErrors) -> Option<End> {
    if fields.has("end_times") && fields.has("end_date_time") {
        errors.reject(fields.path("end_date_time"));
        return None;
    }
    if fields.has("end_date_time") {
        let text = fields.string("end_date_time", 64, errors)?;
        return match parse_utc(&text) {
            Some(until) => Some(End::Until(until)),
            None => {
                errors.reject(fields.path("end_date_time"));
                None
            }
        };
    }
    if fields.has("end_times") {
        let times = fields.int("end_times", 1, MAX_OCCURRENCES as i64, errors)?;
        return Some(End::Times(times as u32));
    }
    Some(End::Times(1))
}
