//! Occurrence dates of a recurrence rule.
//!
//! Zoom's docs do not say how it places every occurrence, so this follows
//! the usual calendar rules (RFC 5545) where they leave a choice open.
//! Weekly rules count weeks from the Sunday on or before the first
//! occurrence. A monthly day that a month lacks (the 31st in April) is
//! skipped. Every occurrence keeps the first one's local wall time.

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, NaiveDateTime, Utc, Weekday};
use chrono_tz::Tz;

use super::ScheduleError;
use super::recurrence::{MAX_OCCURRENCES, MonthWeek, Recurrence, RecurrenceEnd, RecurrencePattern};
use crate::time::local_to_utc_lenient;

/// Upper bound on the steps of one generation loop, so that a rule whose
/// days never occur (day 31 every 12 months from February) still ends.
const MAX_STEPS: usize = 2_000;

/// Days searched for the first date that matches a pattern. A monthly rule
/// on the 31st matches within 62 days, so a year is ample.
const FIRST_DATE_SEARCH_DAYS: u64 = 400;

impl Recurrence {
    /// Generates the occurrence start instants from `first`, a local wall time
    /// in `time_zone`: at most 60, Zoom's maximum.
    ///
    /// Only dates that match the pattern count, so `first` itself is left out
    /// when its date does not match. Each occurrence keeps `first`'s wall
    /// time. Where that time falls in a daylight saving gap, it moves forward
    /// by the gap. Where it occurs twice, the earlier instant is used.
    // NOTE: Zoom documents neither its week start for weekly rules with an
    // interval above 1 nor its handling of short months and daylight saving
    // changes; the choices here are the RFC 5545 ones.
    pub fn occurrences(&self, first: NaiveDateTime, time_zone: Tz) -> Vec<DateTime<Utc>> {
        self.occurrence_dates(first.date(), MAX_OCCURRENCES as usize)
            .into_iter()
            .map(|date| local_to_utc_lenient(date.and_time(first.time()), time_zone))
            .collect()
    }

    /// Checks [`Recurrence::validate`] and then that the series starting on
    /// `first` has from 1 to 60 occurrences, which matters for an end date.
    pub fn validate_from(&self, first: NaiveDate) -> Result<(), ScheduleError> {
        self.validate()?;
        let RecurrenceEnd::Until(until) = self.end else {
            return Ok(());
        };
        if until < first {
            return Err(ScheduleError::UntilBeforeFirst { until, first });
        }

        let dates = self.occurrence_dates(first, MAX_OCCURRENCES as usize + 1);
        if dates.is_empty() {
            return Err(ScheduleError::NoOccurrences {
                description: self.describe_pattern(),
                first,
                until,
            });
        }
        if dates.len() > MAX_OCCURRENCES as usize {
            return Err(ScheduleError::TooManyOccurrences {
                description: self.describe(),
                first,
            });
        }
        Ok(())
    }

    /// Returns whether `date` is one of the pattern's days, ignoring the
    /// interval (which counts from the first occurrence).
    pub fn matches_date(&self, date: NaiveDate) -> bool {
        match &self.pattern {
            RecurrencePattern::Daily => true,
            RecurrencePattern::Weekly { days } => days.contains(&date.weekday()),
            RecurrencePattern::MonthlyByDay { day } => date.day() == *day,
            RecurrencePattern::MonthlyByWeekday { week, weekday } => {
                nth_weekday(date.year(), date.month(), *week, *weekday) == Some(date)
            }
        }
    }

    /// Returns the first date on or after `date` that matches the pattern.
    pub fn first_date_on_or_after(&self, date: NaiveDate) -> Option<NaiveDate> {
        (0..FIRST_DATE_SEARCH_DAYS)
            .filter_map(|offset| date.checked_add_days(Days::new(offset)))
            .find(|candidate| self.matches_date(*candidate))
    }

    /// Returns up to `limit` occurrence dates from `first`, stopping at the
    /// rule's end.
    pub(crate) fn occurrence_dates(&self, first: NaiveDate, limit: usize) -> Vec<NaiveDate> {
        let limit = match self.end {
            RecurrenceEnd::Count(count) => limit.min(count as usize),
            RecurrenceEnd::Until(_) => limit,
        };
        let until = match self.end {
            RecurrenceEnd::Until(until) => until,
            RecurrenceEnd::Count(_) => NaiveDate::MAX,
        };
        let interval = self.repeat_interval.max(1);

        let mut dates = Vec::new();
        let mut push = |date: NaiveDate| -> bool {
            if date > until || dates.len() >= limit {
                return false;
            }
            if date >= first {
                dates.push(date);
            }
            true
        };

        match &self.pattern {
            RecurrencePattern::Daily => {
                for step in 0..MAX_STEPS as u64 {
                    let Some(date) = first.checked_add_days(Days::new(step * u64::from(interval)))
                    else {
                        break;
                    };
                    if !push(date) {
                        break;
                    }
                }
            }
            RecurrencePattern::Weekly { days } => {
                let mut offsets: Vec<u64> = days
                    .iter()
                    .map(|day| u64::from(day.num_days_from_sunday()))
                    .collect();
                offsets.sort_unstable();
                offsets.dedup();
                if offsets.is_empty() {
                    return dates;
                }
                let sunday = first - Days::new(u64::from(first.weekday().num_days_from_sunday()));
                'weeks: for step in 0..MAX_STEPS as u64 {
                    let Some(week_start) =
                        sunday.checked_add_days(Days::new(7 * step * u64::from(interval)))
                    else {
                        break;
                    };
                    for offset in &offsets {
                        if !push(week_start + Days::new(*offset)) {
                            break 'weeks;
                        }
                    }
                }
            }
            RecurrencePattern::MonthlyByDay { .. } | RecurrencePattern::MonthlyByWeekday { .. } => {
                let month_start = first.with_day(1).expect("day 1 exists in every month");
                for step in 0..MAX_STEPS as u32 {
                    let Some(month) = month_start.checked_add_months(Months::new(step * interval))
                    else {
                        break;
                    };
                    let candidate = match &self.pattern {
                        RecurrencePattern::MonthlyByDay { day } => month.with_day(*day),
                        RecurrencePattern::MonthlyByWeekday { week, weekday } => {
                            nth_weekday(month.year(), month.month(), *week, *weekday)
                        }
                        _ => unreachable!("only monthly patterns reach this arm"),
                    };
                    match candidate {
                        Some(date) if !push(date) => break,
                        Some(_) => {}
                        // The month lacks this day: skip it, unless the
                        // series has already passed its end date.
                        None if month > until => break,
                        None => {}
                    }
                }
            }
        }
        dates
    }
}

/// Returns the date of the first to fourth or the last `weekday` of a month.
pub(crate) fn nth_weekday(
    year: i32,
    month: u32,
    week: MonthWeek,
    weekday: Weekday,
) -> Option<NaiveDate> {
    let index = match week {
        MonthWeek::First => 1,
        MonthWeek::Second => 2,
        MonthWeek::Third => 3,
        MonthWeek::Fourth => 4,
        MonthWeek::Last => {
            let next_month =
                NaiveDate::from_ymd_opt(year, month, 1)?.checked_add_months(Months::new(1))?;
            let last_day = next_month.pred_opt()?;
            let back = (7 + last_day.weekday().num_days_from_monday()
                - weekday.num_days_from_monday())
                % 7;
            return last_day.checked_sub_days(Days::new(u64::from(back)));
        }
    };
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, index)
}
