//! Reading a webinar's title, start, duration, time zone and recurrence out
//! of prompts such as "Python workshop tomorrow 3pm for 90 minutes" or
//! "Rust class every Tuesday and Thursday at 6pm for 8 weeks".
//!
//! Matching is case-insensitive. Every default the parser fills in is
//! listed in [`ParsedSchedule::assumptions`], and words it cannot place that
//! look like dates or times are an error rather than dropped.
//!
//! A title that contains schedule words ("Daily standup") must be quoted.
//! A recurrence needs an end ("for 8 weeks", "10 times", "until 31 March").
//! There is no default count, because a guessed series length would create
//! sessions (and registrations) that the user did not request.

mod dates;
mod durations;
mod repeat;
mod scan;
mod series;
mod times;
mod tokens;
mod topic;
mod zones;

use chrono::{DateTime, Days, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::ScheduleError;
use super::recurrence::Recurrence;
use crate::time::{
    ResolvedStart, format_zoom_utc, human_time, local_to_utc_lenient, resolve_local_time,
    resolve_start_time,
};
use dates::{DateSpec, format_date, resolve_date};
use scan::{Found, Located, scan};

/// The duration used when a prompt gives none, in minutes.
pub const DEFAULT_DURATION_MINUTES: u32 = 60;

/// A webinar schedule read from a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedSchedule {
    pub topic: String,
    /// The start of the webinar, or of its first occurrence when recurring.
    pub start: ResolvedStart,
    pub duration_minutes: u32,
    pub recurrence: Option<Recurrence>,
    /// Defaults filled in and readings inferred, one sentence each, e.g.
    /// "No duration given: 60 minutes."
    pub assumptions: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    OneOff,
    Recurring,
}

/// Parses a prompt for a one-off webinar. A recurrence phrase in it is an
/// error that points to the recurring webinar tool. `now` is the current
/// instant, and `default_tz` the zone used when the prompt names none.
pub fn parse_webinar_prompt(
    prompt: &str,
    now: DateTime<Utc>,
    default_tz: Tz,
) -> Result<ParsedSchedule, ScheduleError> {
    parse(prompt, now, default_tz, Kind::OneOff)
}

/// Parses a prompt for a recurring webinar; the recurrence and its end are
/// required. The start is the first date on or after the given start date
/// (or after `now` when the prompt gives no date) that matches the rule.
pub fn parse_recurring_webinar_prompt(
    prompt: &str,
    now: DateTime<Utc>,
    default_tz: Tz,
) -> Result<ParsedSchedule, ScheduleError> {
    parse(prompt, now, default_tz, Kind::Recurring)
}

fn parse(
    prompt: &str,
    now: DateTime<Utc>,
    default_tz: Tz,
    kind: Kind,
) -> Result<ParsedSchedule, ScheduleError> {
    if prompt.trim().is_empty() {
        return Err(ScheduleError::EmptyPrompt);
    }
    let tokens = tokens::tokenize(prompt);
    let found = scan(prompt, &tokens)?;
    check_kind(prompt, &found, kind)?;
    if found.time.is_none() && found.instant.is_none() {
        return Err(ScheduleError::MissingStartTime {
            prompt: prompt.trim().to_string(),
        });
    }
    let topic = topic::find_topic(prompt, &tokens, &found.consumed, &found.suspicious)?;

    let mut assumptions = Vec::new();
    let time_zone = choose_time_zone(&found, default_tz, &mut assumptions);
    let duration_minutes = match &found.duration {
        Some(duration) => duration.value,
        None => {
            assumptions.push(format!(
                "No duration given: {DEFAULT_DURATION_MINUTES} minutes."
            ));
            DEFAULT_DURATION_MINUTES
        }
    };

    let today = now.with_timezone(&time_zone).date_naive();
    let given = given_start(&found, time_zone, today, kind, &mut assumptions)?;

    let (start, recurrence) = match kind {
        Kind::OneOff => {
            let start = match given.instant {
                Some(instant) => instant,
                None => {
                    let date = match given.date {
                        Some(date) => date,
                        None => default_date(today, given.time, time_zone, now, &mut assumptions),
                    };
                    resolve_local_time(date.and_time(given.time), time_zone)?
                }
            };
            (start, None)
        }
        Kind::Recurring => {
            let context = series::RecurringContext {
                found: &found,
                time_zone,
                now,
                today,
                time: given.time,
            };
            let (first, recurrence) = context.recurrence(given.date, &mut assumptions)?;
            let start = match given.instant {
                Some(instant) if instant.local.date() == first => instant,
                _ => resolve_local_time(first.and_time(given.time), time_zone)?,
            };
            (start, Some(recurrence))
        }
    };

    if let Some(time) = &found.time
        && time.text.to_lowercase().contains("midnight")
    {
        assumptions.push(format!(
            "\"midnight\" read as 00:00 at the start of {}.",
            format_date(start.local.date())
        ));
    }
    if start.utc <= now {
        return Err(ScheduleError::StartInPast {
            start: human_time(start.utc, time_zone),
            start_utc: format_zoom_utc(start.utc),
            now: human_time(now, time_zone),
        });
    }
    for words in topic.ignored {
        assumptions.push(format!(
            "Ignored \"{words}\": it is not part of the title, date, time, duration or recurrence."
        ));
    }

    if let Some(recurrence) = &recurrence {
        note_clock_changes(recurrence, &start, &mut assumptions);
    }

    tracing::debug!(
        topic = %topic.title,
        start = %start.zoom_local(),
        time_zone = %time_zone,
        duration_minutes,
        recurring = recurrence.is_some(),
        "parsed webinar prompt"
    );
    Ok(ParsedSchedule {
        topic: topic.title,
        start,
        duration_minutes,
        recurrence,
        assumptions,
    })
}

/// Rejects a recurrence in a one-off prompt and a missing one in a
/// recurring prompt.
fn check_kind(prompt: &str, found: &Found, kind: Kind) -> Result<(), ScheduleError> {
    match kind {
        Kind::OneOff => {
            let recurring_text = found
                .pattern
                .as_ref()
                .map(|pattern| &pattern.text)
                .or(found.end.as_ref().map(|end| &end.text));
            match recurring_text {
                Some(phrase) => Err(ScheduleError::RecurrenceInOneOff {
                    phrase: phrase.clone(),
                }),
                None => Ok(()),
            }
        }
        Kind::Recurring if found.pattern.is_none() => Err(ScheduleError::MissingRecurrence {
            prompt: prompt.trim().to_string(),
        }),
        Kind::Recurring => Ok(()),
    }
}

fn choose_time_zone(found: &Found, default_tz: Tz, assumptions: &mut Vec<String>) -> Tz {
    match &found.zone {
        Some(Located { value: zone, .. }) => {
            if let Some(words) = &zone.inferred_from {
                assumptions.push(format!("Time zone \"{words}\" read as {}.", zone.time_zone));
            }
            zone.time_zone
        }
        None => {
            assumptions.push(format!(
                "No time zone given: {default_tz}, the server's default."
            ));
            default_tz
        }
    }
}

/// The start as the prompt gives it.
struct GivenStart {
    date: Option<NaiveDate>,
    time: NaiveTime,
    /// The resolved ISO date-time, when the prompt gives one. It is used as
    /// is because an explicit offset may pick one of two instants that share
    /// a wall time, which resolving the wall time again would reject.
    instant: Option<ResolvedStart>,
}

/// Reads the date (if any) and the time of day from the found phrases. A
/// week without a day ("next week") only starts a series.
fn given_start(
    found: &Found,
    time_zone: Tz,
    today: NaiveDate,
    kind: Kind,
    assumptions: &mut Vec<String>,
) -> Result<GivenStart, ScheduleError> {
    if let Some(instant) = &found.instant {
        let resolved = resolve_start_time(&instant.value, time_zone)?;
        return Ok(GivenStart {
            date: Some(resolved.local.date()),
            time: resolved.local.time(),
            instant: Some(resolved),
        });
    }
    let time = found
        .time
        .as_ref()
        .map(|time| time.value)
        .expect("the caller checked that a time was found");
    let date = match &found.date {
        Some(date)
            if kind == Kind::OneOff && matches!(date.value, DateSpec::Week { day: None, .. }) =>
        {
            return Err(ScheduleError::WeekWithoutDay {
                text: date.text.clone(),
            });
        }
        Some(date) => {
            let (date, note) = resolve_date(&date.value, &date.text, today, today)?;
            assumptions.extend(note);
            Some(date)
        }
        None => None,
    };
    Ok(GivenStart {
        date,
        time,
        instant: None,
    })
}

/// Picks today when the time is still ahead, else tomorrow.
fn default_date(
    today: NaiveDate,
    time: NaiveTime,
    time_zone: Tz,
    now: DateTime<Utc>,
    assumptions: &mut Vec<String>,
) -> NaiveDate {
    if local_to_utc_lenient(today.and_time(time), time_zone) > now {
        assumptions.push(format!("No date given: today, {}.", format_date(today)));
        return today;
    }
    let tomorrow = today + Days::new(1);
    assumptions.push(format!(
        "No date given: tomorrow, {}, because {} today has passed.",
        format_date(tomorrow),
        time.format("%H:%M")
    ));
    tomorrow
}

/// Adds an assumption for each occurrence whose wall time falls in a
/// daylight saving gap, which moves it later by the gap, or occurs twice,
/// which uses the first. A single start time in either case is an error
/// instead, but a series would otherwise fail for one date in many.
// NOTE: Zoom's docs do not say how Zoom places such an occurrence; these
// notes describe the occurrence list this server shows.
fn note_clock_changes(
    recurrence: &Recurrence,
    start: &ResolvedStart,
    assumptions: &mut Vec<String>,
) {
    let time_zone = start.time_zone;
    let wall = start.local.time();
    for utc in recurrence.occurrences(start.local, time_zone) {
        let local = utc.with_timezone(&time_zone);
        let intended = local.date_naive().and_time(wall);
        let date = format_date(local.date_naive());
        let wall_text = wall.format("%H:%M");
        match time_zone.from_local_datetime(&intended) {
            LocalResult::None => assumptions.push(format!(
                "On {date}, {wall_text} does not exist in {time_zone} because the clocks skip forward, so that occurrence starts at {}.",
                local.format("%H:%M %Z")
            )),
            LocalResult::Ambiguous(..) => assumptions.push(format!(
                "On {date}, {wall_text} occurs twice in {time_zone} because the clocks go back; that occurrence starts at the first, {}.",
                local.format("%H:%M %Z")
            )),
            LocalResult::Single(_) => {}
        }
    }
}
