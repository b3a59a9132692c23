//! Natural-language schedules and recurrence rules.
//!
//! [`recurrence`] models Zoom's `recurrence` object for fixed-time recurring
//! webinars and generates their occurrences.

mod error;
mod occurrences;
pub mod recurrence;

pub use error::ScheduleError;
pub use recurrence::{MonthWeek, Recurrence, RecurrenceEnd, RecurrencePattern};

#[cfg(test)]
mod tests;
