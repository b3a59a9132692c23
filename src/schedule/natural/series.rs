//! The recurrence of a recurring prompt: its pattern, first session and end.

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use super::dates::{format_date, resolve_date};
use super::repeat::{EndSpec, PatternMatch, PatternSpec, SpanUnit};
use super::scan::{Found, Located};
use crate::schedule::ScheduleError;
use crate::schedule::recurrence::{MAX_OCCURRENCES, Recurrence, RecurrenceEnd, RecurrencePattern};
use crate::time::local_to_utc_lenient;

/// The inputs a recurring schedule is built from.
pub(super) struct RecurringContext<'a> {
    pub found: &'a Found,
    pub time_zone: Tz,
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
    pub time: NaiveTime,
}

impl RecurringContext<'_> {
    /// Builds the recurrence and returns it with the date of its first
    /// occurrence.
    pub(super) fn recurrence(
        &self,
        start_date: Option<NaiveDate>,
        assumptions: &mut Vec<String>,
    ) -> Result<(NaiveDate, Recurrence), ScheduleError> {
        let phrase = self
            .found
            .pattern
            .as_ref()
            .expect("the caller checked that a recurrence was found");
        let pattern = pattern_for(phrase, start_date, assumptions)?;
        let mut recurrence = Recurrence {
            pattern,
            repeat_interval: phrase.value.interval,
            end: RecurrenceEnd::Count(1),
        };
        recurrence.validate()?;

        let first = self.first_date(&recurrence, start_date, assumptions);
        recurrence.end = self.end(&recurrence, first, assumptions)?;
        recurrence.validate_from(first)?;
        Ok((first, recurrence))
    }

    /// Returns the first date on or after the start date that matches the
    /// pattern. Without a start date, it is the first matching date whose
    /// start is still ahead of now.
    fn first_date(
        &self,
        recurrence: &Recurrence,
        start_date: Option<NaiveDate>,
        assumptions: &mut Vec<String>,
    ) -> NaiveDate {
        let description = recurrence.describe_pattern();
        let from = start_date.unwrap_or(self.today);
        // Every valid pattern matches within 62 days, well inside the search window.
        let mut first = recurrence.first_date_on_or_after(from).unwrap_or(from);
        if start_date.is_none()
            && local_to_utc_lenient(first.and_time(self.time), self.time_zone) <= self.now
        {
            first = recurrence
                .first_date_on_or_after(first + Days::new(1))
                .unwrap_or(first);
        }
        match start_date {
            Some(date) if date != first => assumptions.push(format!(
                "{} does not match \"{description}\": the first session is {}.",
                format_date(date),
                format_date(first)
            )),
            Some(_) => {}
            None => assumptions.push(format!(
                "No start date given: the first session is {}.",
                format_date(first)
            )),
        }
        first
    }

    fn end(
        &self,
        recurrence: &Recurrence,
        first: NaiveDate,
        assumptions: &mut Vec<String>,
    ) -> Result<RecurrenceEnd, ScheduleError> {
        let Some(end) = &self.found.end else {
            return Err(ScheduleError::MissingRecurrenceEnd {
                description: recurrence.describe_pattern(),
            });
        };
        match &end.value {
            EndSpec::Count(count) => Ok(RecurrenceEnd::Count(*count)),
            EndSpec::Until(spec) => {
                let (until, note) = resolve_date(spec, &end.text, self.today, first)?;
                assumptions.extend(note);
                Ok(RecurrenceEnd::Until(until))
            }
            EndSpec::Span { amount, unit } => {
                let dates = dates_in_span(recurrence, first, *amount, *unit, &end.text)?;
                let last = *dates.last().expect("the first date matches the pattern");
                assumptions.push(format!(
                    "\"{}\" gives {} sessions, {} to {}.",
                    end.text,
                    dates.len(),
                    format_date(first),
                    format_date(last)
                ));
                let count = u32::try_from(dates.len()).expect("at most 60");
                Ok(RecurrenceEnd::Count(count))
            }
        }
    }
}

/// Turns the recurrence phrase into a pattern, taking the day from the
/// start date for a bare "weekly" or "monthly".
fn pattern_for(
    phrase: &Located<PatternMatch>,
    start_date: Option<NaiveDate>,
    assumptions: &mut Vec<String>,
) -> Result<RecurrencePattern, ScheduleError> {
    let pattern = match (&phrase.value.spec, start_date) {
        (PatternSpec::Rule(pattern), _) => return Ok(pattern.clone()),
        (PatternSpec::WeeklyOnStartDay, Some(date)) => RecurrencePattern::Weekly {
            days: vec![date.weekday()],
        },
        (PatternSpec::MonthlyOnStartDay, Some(date)) => {
            RecurrencePattern::MonthlyByDay { day: date.day() }
        }
        (PatternSpec::WeeklyOnStartDay, None) => {
            return Err(ScheduleError::IncompleteRecurrence {
                phrase: phrase.text.clone(),
                needed: "a day: say \"weekly on Friday\" or add a start date such as \
                         \"starting 15 March\"",
            });
        }
        (PatternSpec::MonthlyOnStartDay, None) => {
            return Err(ScheduleError::IncompleteRecurrence {
                phrase: phrase.text.clone(),
                needed: "a day: say \"monthly on the 15th\", \"first Monday of each month\" \
                         or add a start date such as \"starting 15 March\"",
            });
        }
    };
    let described = Recurrence {
        pattern: pattern.clone(),
        repeat_interval: phrase.value.interval,
        end: RecurrenceEnd::Count(1),
    }
    .describe_pattern();
    assumptions.push(format!(
        "\"{}\" read as {described}, from the start date.",
        phrase.text
    ));
    Ok(pattern)
}

/// Returns the occurrence dates from `first` up to, not including, `first`
/// plus the span ("for 8 weeks"), at most 60.
fn dates_in_span(
    recurrence: &Recurrence,
    first: NaiveDate,
    amount: u32,
    unit: SpanUnit,
    text: &str,
) -> Result<Vec<NaiveDate>, ScheduleError> {
    if amount == 0 {
        return Err(ScheduleError::InvalidRecurrenceEnd {
            text: text.to_string(),
            reason: "the span must be at least 1; e.g. \"for 8 weeks\"",
        });
    }
    let span_end = match unit {
        SpanUnit::Days => first.checked_add_days(Days::new(u64::from(amount))),
        SpanUnit::Weeks => first.checked_add_days(Days::new(7 * u64::from(amount))),
        SpanUnit::Months => first.checked_add_months(Months::new(amount)),
    };
    let last_day = span_end
        .and_then(|end| end.pred_opt())
        .unwrap_or(NaiveDate::MAX);
    let within = Recurrence {
        end: RecurrenceEnd::Until(last_day),
        ..recurrence.clone()
    };
    let dates = within.occurrence_dates(first, MAX_OCCURRENCES as usize + 1);
    if dates.len() > MAX_OCCURRENCES as usize {
        return Err(ScheduleError::TooManyOccurrences {
            description: format!("{} {text}", recurrence.describe_pattern()),
            first,
        });
    }
    Ok(dates)
}
