//! Unit tests of recurrence rules and the natural-language parser.

mod occurrence_dates;
mod recurrence_rules;
