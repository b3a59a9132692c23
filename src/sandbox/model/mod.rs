//! The simulated account's data: users, webinars and what hangs off them.

pub(crate) mod branding;
pub(crate) mod livestream;
pub(crate) mod past;
pub(crate) mod poll;
pub(crate) mod recurrence;
pub(crate) mod registrant;
pub(crate) mod registration_questions;
mod session;
pub(crate) mod settings;
pub(crate) mod survey;
pub(crate) mod template;
pub(crate) mod tracking;
pub(crate) mod user;
pub(crate) mod webinar;
