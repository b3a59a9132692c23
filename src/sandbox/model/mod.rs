//! The simulated account's data: users, webinars and what hangs off them.

pub(crate) mod past;
pub(crate) mod poll;
pub(crate) mod recurrence;
pub(crate) mod registrant;
pub(crate) mod settings;
pub(crate) mod user;
pub(crate) mod webinar;
