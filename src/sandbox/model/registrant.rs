//! Registrants and panelists of a webinar.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

use crate::sandbox::times::format_utc;

/// A registrant's approval state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RegistrantStatus {
    Approved,
    Pending,
    Denied,
}

impl RegistrantStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Approved => "approved",
            Self::Pending => "pending",
            Self::Denied => "denied",
        }
    }

    pub(crate) fn parse(text: &str) -> Option<Self> {
        match text {
            "approved" => Some(Self::Approved),
            "pending" => Some(Self::Pending),
            "denied" => Some(Self::Denied),
            _ => None,
        }
    }
}

/// Optional registration fields that are stored and echoed as strings.
pub(crate) const PROFILE_FIELDS: &[&str] = &[
    "address",
    "city",
    "state",
    "zip",
    "country",
    "phone",
    "comments",
    "industry",
    "job_title",
    "org",
    "no_of_employees",
    "purchasing_time_frame",
    "role_in_purchase_process",
];

/// A person registered for a webinar.
#[derive(Debug, Clone)]
pub(crate) struct Registrant {
    pub id: String,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub status: RegistrantStatus,
    pub create_time: DateTime<Utc>,
    /// Values of [`PROFILE_FIELDS`] the registrant gave.
    pub profile: Map<String, Value>,
    pub custom_questions: Vec<Value>,
    pub language: Option<String>,
    /// Occurrences registered for; empty means every occurrence.
    pub occurrence_ids: Vec<String>,
    /// Secret part of the personal join URL.
    pub join_secret: String,
}

impl Registrant {
    pub(crate) fn join_url(&self, origin: &str, webinar_id: u64) -> String {
        format!("{origin}/w/{webinar_id}?tk={}", self.join_secret)
    }

    /// Reports whether the registrant attends `occurrence_id`.
    pub(crate) fn attends(&self, occurrence_id: &str) -> bool {
        self.occurrence_ids.is_empty() || self.occurrence_ids.iter().any(|id| id == occurrence_id)
    }

    /// Renders the registrant object of the registrant and absentee lists.
    pub(crate) fn to_json(&self, origin: &str, webinar_id: u64) -> Value {
        let mut out = json!({
            "id": self.id,
            "email": self.email,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "status": self.status.as_str(),
            "create_time": format_utc(self.create_time),
            "join_url": self.join_url(origin, webinar_id),
            "custom_questions": self.custom_questions,
        });
        for field in PROFILE_FIELDS {
            let value = self
                .profile
                .get(*field)
                .cloned()
                .unwrap_or_else(|| json!(""));
            out[*field] = value;
        }
        if let Some(language) = &self.language {
            out["language"] = json!(language);
        }
        out
    }
}

/// A panelist of a webinar.
#[derive(Debug, Clone)]
pub(crate) struct Panelist {
    pub id: String,
    pub name: String,
    pub email: String,
    /// Optional name-tag and virtual-background fields, stored as given.
    pub extras: Map<String, Value>,
    pub join_secret: String,
}

/// Optional panelist fields that are stored and echoed.
pub(crate) const PANELIST_EXTRAS: &[&str] = &[
    "virtual_background_id",
    "name_tag_id",
    "name_tag_name",
    "name_tag_pronouns",
    "name_tag_description",
];

impl Panelist {
    /// Reports whether `key` names this panelist by id or (case-insensitive) email.
    pub(crate) fn is_named_by(&self, key: &str) -> bool {
        self.id == key || self.email.eq_ignore_ascii_case(key)
    }

    pub(crate) fn to_json(&self, origin: &str, webinar_id: u64) -> Value {
        let mut out = json!({
            "id": self.id,
            "name": self.name,
            "email": self.email,
            "join_url": format!("{origin}/w/{webinar_id}?tk={}", self.join_secret),
        });
        for field in PANELIST_EXTRAS {
            if let Some(value) = self.extras.get(*field) {
                out[*field] = value.clone();
            }
        }
        out
    }
}
