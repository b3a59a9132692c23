//! Natural-language schedules and recurrence rules.
