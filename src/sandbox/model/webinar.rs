//! Scheduled webinars and their occurrences.

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use serde_json::{Map, Value, json};

use super::branding::Branding;
use super::livestream::LiveStream;
use super::past::PastInstance;
use super::poll::Poll;
use super::recurrence::Recurrence;
use super::registrant::{Panelist, Registrant};
use super::registration_questions::RegistrationQuestions;
use super::settings;
use super::survey::WebinarSurvey;
use super::tracking::TrackingSource;
use super::user::User;
use crate::sandbox::ids;
use crate::sandbox::times::{format_utc, parse_time_zone};

/// Days a single webinar stays unexpired after its scheduled end.
const SINGLE_EXPIRY_DAYS: i64 = 30;
/// Days a recurring webinar stays unexpired after its last session.
const RECURRING_EXPIRY_DAYS: i64 = 365;

/// Zoom's webinar types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WebinarType {
    /// Scheduled once.
    Single = 5,
    /// Recurring with no fixed time: no start time and no occurrences.
    RecurringNoFixedTime = 6,
    /// Recurring with a fixed time, following `recurrence`.
    RecurringFixedTime = 9,
}

impl WebinarType {
    pub(crate) fn from_code(code: i64) -> Option<Self> {
        match code {
            5 => Some(Self::Single),
            6 => Some(Self::RecurringNoFixedTime),
            9 => Some(Self::RecurringFixedTime),
            _ => None,
        }
    }
}

/// One occurrence of a recurring webinar. Its id is its original start time
/// in epoch milliseconds, as Zoom's are, and stays the same when a PATCH
/// with `occurrence_id` moves it.
#[derive(Debug, Clone)]
pub(crate) struct Occurrence {
    pub occurrence_id: String,
    pub start_time: DateTime<Utc>,
    pub duration: u32,
    pub deleted: bool,
    /// Agenda set for this occurrence alone.
    pub agenda: Option<String>,
    /// Settings set for this occurrence alone.
    pub settings: Map<String, Value>,
}

impl Occurrence {
    pub(crate) fn new(start_time: DateTime<Utc>, duration: u32) -> Self {
        Self {
            occurrence_id: start_time.timestamp_millis().to_string(),
            start_time,
            duration,
            deleted: false,
            agenda: None,
            settings: Map::new(),
        }
    }

    pub(crate) fn end_time(&self) -> DateTime<Utc> {
        self.start_time + TimeDelta::minutes(i64::from(self.duration))
    }

    pub(crate) fn to_json(&self) -> Value {
        json!({
            "occurrence_id": self.occurrence_id,
            "start_time": format_utc(self.start_time),
            "duration": self.duration,
            "status": if self.deleted { "deleted" } else { "available" },
        })
    }
}

/// A webinar with everything attached to it.
#[derive(Debug, Clone)]
pub(crate) struct Webinar {
    pub id: u64,
    pub uuid: String,
    pub host_id: String,
    pub topic: String,
    pub webinar_type: WebinarType,
    /// Requested start; for type 9 the first occurrence starts on or after it.
    pub start_time: DateTime<Utc>,
    pub duration: u32,
    pub timezone: String,
    pub agenda: String,
    pub created_at: DateTime<Utc>,
    pub password: String,
    pub settings: Map<String, Value>,
    pub recurrence: Option<Recurrence>,
    pub occurrences: Vec<Occurrence>,
    pub tracking_fields: Vec<Value>,
    /// Secret part of the join and start URLs.
    pub link_secret: String,
    pub panelists: Vec<Panelist>,
    pub polls: Vec<Poll>,
    pub registrants: Vec<Registrant>,
    /// Ended instances, oldest first.
    pub instances: Vec<PastInstance>,
    pub branding: Branding,
    pub live_stream: LiveStream,
    pub registration_questions: RegistrationQuestions,
    pub survey: WebinarSurvey,
    pub tracking_sources: Vec<TrackingSource>,
}

/// The view options of `GET /webinars/{id}`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WebinarView<'a> {
    pub now: DateTime<Utc>,
    /// Show this occurrence's start time, duration and overrides.
    pub occurrence: Option<&'a Occurrence>,
    /// Include occurrences that have already ended.
    pub show_previous_occurrences: bool,
}

/// The fields that identify and schedule a new webinar.
#[derive(Debug, Clone)]
pub(crate) struct WebinarPlan {
    pub id: u64,
    pub topic: String,
    pub webinar_type: WebinarType,
    pub start_time: DateTime<Utc>,
    pub duration: u32,
    pub timezone: String,
    pub created_at: DateTime<Utc>,
}

impl Webinar {
    /// Creates a webinar for `host` with Zoom's default settings, a fresh
    /// UUID and link secrets, and no passcode, agenda or recurrence.
    pub(crate) fn new(plan: WebinarPlan, host: &User) -> Self {
        Self {
            id: plan.id,
            uuid: ids::webinar_uuid(),
            host_id: host.id.clone(),
            topic: plan.topic,
            webinar_type: plan.webinar_type,
            start_time: plan.start_time,
            duration: plan.duration,
            timezone: plan.timezone,
            agenda: String::new(),
            created_at: plan.created_at,
            password: String::new(),
            settings: settings::defaults(&host.display_name(), &host.email),
            recurrence: None,
            occurrences: Vec::new(),
            tracking_fields: Vec::new(),
            link_secret: ids::secret(),
            panelists: Vec::new(),
            polls: Vec::new(),
            registrants: Vec::new(),
            instances: Vec::new(),
            branding: Branding::default(),
            live_stream: LiveStream::default(),
            registration_questions: RegistrationQuestions::default(),
            survey: WebinarSurvey::default(),
            tracking_sources: Vec::new(),
        }
    }

    pub(crate) fn zone(&self) -> Tz {
        parse_time_zone(&self.timezone).unwrap_or(chrono_tz::UTC)
    }

    /// Reports whether attendees must register (`approval_type` 0 or 1).
    pub(crate) fn registration_enabled(&self) -> bool {
        matches!(settings::approval_type(&self.settings), 0 | 1)
    }

    /// Rebuilds the occurrences of a type 9 webinar from its recurrence rule.
    /// Occurrences whose id survives keep their deleted mark and overrides
    /// but take the webinar's duration.
    pub(crate) fn regenerate_occurrences(&mut self) {
        let Some(rule) = self
            .recurrence
            .as_ref()
            .filter(|_| self.webinar_type == WebinarType::RecurringFixedTime)
        else {
            self.occurrences.clear();
            return;
        };
        let previous = std::mem::take(&mut self.occurrences);
        self.occurrences = rule
            .occurrence_starts(self.start_time, self.zone())
            .into_iter()
            .map(|start| {
                let fresh = Occurrence::new(start, self.duration);
                match previous
                    .iter()
                    .find(|old| old.occurrence_id == fresh.occurrence_id)
                {
                    Some(old) => Occurrence {
                        duration: self.duration,
                        ..old.clone()
                    },
                    None => fresh,
                }
            })
            .collect();
    }

    pub(crate) fn find_occurrence(&self, occurrence_id: &str) -> Option<&Occurrence> {
        self.occurrences
            .iter()
            .find(|occurrence| occurrence.occurrence_id == occurrence_id)
    }

    fn live_occurrences(&self) -> impl Iterator<Item = &Occurrence> {
        self.occurrences
            .iter()
            .filter(|occurrence| !occurrence.deleted)
    }

    /// Returns when the last scheduled session ends, or `None` for type 6,
    /// which never expires by schedule.
    pub(crate) fn end_time(&self) -> Option<DateTime<Utc>> {
        match self.webinar_type {
            WebinarType::RecurringNoFixedTime => None,
            WebinarType::Single => {
                Some(self.start_time + TimeDelta::minutes(i64::from(self.duration)))
            }
            WebinarType::RecurringFixedTime => Some(
                self.live_occurrences()
                    .map(Occurrence::end_time)
                    .max()
                    .unwrap_or(self.start_time),
            ),
        }
    }

    /// Returns when the webinar expires, which removes it from the
    /// `scheduled` list: 30 days after a single webinar's scheduled end or
    /// last session, and 365 days after a recurring webinar's last session.
    // NOTE: these periods are Zoom's meeting ID expiry rules as remembered
    // from its help centre, which Zoom's spec links to. They are not
    // confirmed for webinars.
    pub(crate) fn expires_at(&self) -> DateTime<Utc> {
        let last_session = self
            .instances
            .iter()
            .map(|instance| instance.end_time)
            .max();
        let (base, days) = match self.webinar_type {
            WebinarType::Single => (self.end_time(), SINGLE_EXPIRY_DAYS),
            WebinarType::RecurringFixedTime => (self.end_time(), RECURRING_EXPIRY_DAYS),
            WebinarType::RecurringNoFixedTime => (Some(self.created_at), RECURRING_EXPIRY_DAYS),
        };
        let base = base.max(last_session).unwrap_or(self.created_at);
        base + TimeDelta::days(days)
    }

    /// Reports whether the webinar has not expired yet.
    pub(crate) fn is_unexpired(&self, now: DateTime<Utc>) -> bool {
        self.expires_at() > now
    }

    /// Reports whether a scheduled session is live or still to come, which
    /// is what the `upcoming` list shows. Type 6 has no scheduled sessions.
    pub(crate) fn is_upcoming(&self, now: DateTime<Utc>) -> bool {
        self.end_time().is_some_and(|end| end > now)
    }

    /// Returns the start of the next session that has not ended. When every
    /// session has ended it returns the last one, and without occurrences
    /// the requested start time.
    pub(crate) fn current_start(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        match self.webinar_type {
            WebinarType::RecurringFixedTime => self
                .live_occurrences()
                .find(|occurrence| occurrence.end_time() > now)
                .or_else(|| self.live_occurrences().last())
                .map(|occurrence| occurrence.start_time)
                .unwrap_or(self.start_time),
            _ => self.start_time,
        }
    }

    pub(crate) fn join_url(&self, origin: &str) -> String {
        format!("{origin}/j/{}?pwd={}", self.id, &self.link_secret[..32])
    }

    fn start_url(&self, origin: &str) -> String {
        format!("{origin}/s/{}?zak={}", self.id, &self.link_secret[32..])
    }

    fn registration_url(&self, origin: &str) -> String {
        format!("{origin}/webinar/register/WN_{}", &self.link_secret[..22])
    }

    /// Renders the full webinar object of `GET /webinars/{id}` and of the
    /// 201 response to a create.
    pub(crate) fn to_json(&self, host: &User, origin: &str, view: WebinarView<'_>) -> Value {
        let mut settings = self.settings.clone();
        let (start, duration, agenda) = match view.occurrence {
            Some(occurrence) => {
                settings::merge(&mut settings, occurrence.settings.clone());
                let agenda = occurrence
                    .agenda
                    .clone()
                    .unwrap_or_else(|| self.agenda.clone());
                (occurrence.start_time, occurrence.duration, agenda)
            }
            None => (
                self.current_start(view.now),
                self.duration,
                self.agenda.clone(),
            ),
        };
        let mut out = json!({
            "uuid": self.uuid,
            "id": self.id,
            "host_id": self.host_id,
            "host_email": host.email,
            "topic": self.topic,
            "type": self.webinar_type as u8,
            "duration": duration,
            "timezone": self.timezone,
            "agenda": agenda,
            "created_at": format_utc(self.created_at),
            "start_url": self.start_url(origin),
            "join_url": self.join_url(origin),
            "password": self.password,
            "h323_passcode": self.password,
            "encrypted_passcode": &self.link_secret[..32],
            "settings": settings,
            "tracking_fields": self.tracking_fields,
            "is_simulive": false,
            "creation_source": "open_api",
        });
        if self.webinar_type != WebinarType::RecurringNoFixedTime {
            out["start_time"] = json!(format_utc(start));
        }
        if self.registration_enabled() {
            out["registration_url"] = json!(self.registration_url(origin));
        }
        if let Some(rule) = &self.recurrence {
            out["recurrence"] = rule.to_json();
        }
        if self.webinar_type == WebinarType::RecurringFixedTime {
            let occurrences: Vec<Value> = self
                .occurrences
                .iter()
                .filter(|occurrence| {
                    view.show_previous_occurrences || occurrence.end_time() > view.now
                })
                .map(Occurrence::to_json)
                .collect();
            out["occurrences"] = json!(occurrences);
        }
        out
    }

    /// Renders an entry of `GET /users/{userId}/webinars`; the agenda is cut
    /// to 250 characters there.
    pub(crate) fn to_list_json(&self, origin: &str, now: DateTime<Utc>) -> Value {
        let agenda: String = self.agenda.chars().take(250).collect();
        let mut out = json!({
            "uuid": self.uuid,
            "id": self.id,
            "host_id": self.host_id,
            "topic": self.topic,
            "type": self.webinar_type as u8,
            "duration": self.duration,
            "timezone": self.timezone,
            "agenda": agenda,
            "created_at": format_utc(self.created_at),
            "join_url": self.join_url(origin),
            "is_simulive": false,
        });
        if self.webinar_type != WebinarType::RecurringNoFixedTime {
            out["start_time"] = json!(format_utc(self.current_start(now)));
        }
        out
    }
}
