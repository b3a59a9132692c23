//! Whether a webinar is in session, which the live-only endpoints (closed
//! caption token, live stream start, live chat) need.
//!
//! No API call starts a webinar, so the sandbox treats a session as live
//! from its scheduled start to its scheduled end, unless
//! `PUT /webinars/{id}/status` ended it early.

use chrono::{DateTime, TimeDelta, Utc};

use super::webinar::{Webinar, WebinarType};

impl Webinar {
    /// Returns the start of the session in progress at `now`, or `None`
    /// when no session is live. Type 6 webinars have no schedule and are
    /// never live here.
    fn live_session_start(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let start = match self.webinar_type {
            WebinarType::RecurringNoFixedTime => return None,
            WebinarType::Single => {
                let end = self.start_time + TimeDelta::minutes(i64::from(self.duration));
                (self.start_time <= now && now < end).then_some(self.start_time)?
            }
            WebinarType::RecurringFixedTime => self
                .occurrences
                .iter()
                .filter(|occurrence| !occurrence.deleted)
                .find(|occurrence| occurrence.start_time <= now && now < occurrence.end_time())
                .map(|occurrence| occurrence.start_time)?,
        };
        let ended = self
            .instances
            .iter()
            .any(|instance| instance.start_time == start);
        (!ended).then_some(start)
    }

    /// Reports whether a session is live at `now`.
    pub(crate) fn is_live(&self, now: DateTime<Utc>) -> bool {
        self.live_session_start(now).is_some()
    }
}
