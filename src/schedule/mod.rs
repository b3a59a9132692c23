//! Natural-language schedules and recurrence rules.
//!
//! [`recurrence`] models Zoom's `recurrence` object for fixed-time recurring
//! webinars and generates their occurrences. [`natural`] reads a title,
//! start time, duration, time zone and recurrence out of prompts such as
//! "Python workshop tomorrow 3pm for 90 minutes".

mod error;
pub mod natural;
mod occurrences;
pub mod recurrence;

pub use error::ScheduleError;
pub use natural::{ParsedSchedule, parse_recurring_webinar_prompt, parse_webinar_prompt};
pub use recurrence::{MonthWeek, Recurrence, RecurrenceEnd, RecurrencePattern};

#[cfg(test)]
mod tests;
