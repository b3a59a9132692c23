//! Webinars: Zoom's webinar object and the rows and details tools return.

use chrono_tz::Tz;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{human_time_in_zones, show_time, show_time_short};
use crate::time::{TimeDisplay, parse_zoom_utc};

/// Zoom's webinar object, from create, get and list.
#[derive(Debug, Clone, Deserialize)]
pub struct ZoomWebinar {
    pub id: u64,
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(default)]
    pub host_id: Option<String>,
    #[serde(default)]
    pub host_email: Option<String>,
    #[serde(default)]
    pub topic: Option<String>,
    #[serde(default, rename = "type")]
    pub webinar_type: Option<i64>,
    #[serde(default)]
    pub start_time: Option<String>,
    #[serde(default)]
    pub duration: Option<i64>,
    #[serde(default)]
    pub timezone: Option<String>,
    #[serde(default)]
    pub agenda: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub join_url: Option<String>,
    #[serde(default)]
    pub start_url: Option<String>,
    #[serde(default)]
    pub registration_url: Option<String>,
    #[serde(default)]
    pub password: Option<String>,
    #[serde(default)]
    pub occurrences: Vec<ZoomOccurrence>,
    #[serde(default)]
    pub recurrence: Option<Value>,
    #[serde(default)]
    pub settings: Option<Value>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ZoomOccurrence {
    pub occurrence_id: String,
    #[serde(default)]
    pub start_time: Option<String>,
    #[serde(default)]
    pub duration: Option<i64>,
    #[serde(default)]
    pub status: Option<String>,
}

/// Zoom's `GET /users/{userId}/webinars` page.
#[derive(Debug, Deserialize)]
pub struct ZoomWebinarPage {
    #[serde(default)]
    pub webinars: Vec<ZoomWebinar>,
    #[serde(default)]
    pub page_count: Option<u64>,
    #[serde(default)]
    pub page_number: Option<u64>,
    #[serde(default)]
    pub total_records: Option<u64>,
}

/// Name of a Zoom webinar type.
pub fn webinar_type_name(webinar_type: Option<i64>) -> &'static str {
    match webinar_type {
        Some(5) => "single",
        Some(6) => "recurring, no fixed time",
        Some(9) => "recurring, fixed time",
        _ => "unknown",
    }
}

/// A webinar in a list.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct WebinarRow {
    /// Webinar id (64-bit).
    pub id: u64,
    pub topic: String,
    /// Zoom type: 5 single, 6 recurring without a fixed time, 9 recurring with a fixed time.
    #[serde(rename = "type")]
    pub webinar_type: Option<i64>,
    pub type_name: String,
    /// Start time in UTC and the default time zone (for recurring webinars, the next occurrence).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time: Option<TimeDisplay>,
    /// Length in minutes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<i64>,
    /// The webinar's own time zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub join_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// Zoom's UTC start time, kept for summaries.
    #[serde(skip)]
    pub start_time_utc: Option<String>,
}

impl WebinarRow {
    pub fn from_zoom(webinar: &ZoomWebinar, time_zone: Tz) -> WebinarRow {
        WebinarRow {
            id: webinar.id,
            topic: webinar.topic.clone().unwrap_or_default(),
            webinar_type: webinar.webinar_type,
            type_name: webinar_type_name(webinar.webinar_type).to_string(),
            start_time: show_time(webinar.start_time.as_deref(), time_zone),
            duration: webinar.duration,
            timezone: webinar.timezone.clone(),
            join_url: webinar.join_url.clone(),
            host_id: webinar.host_id.clone(),
            uuid: webinar.uuid.clone(),
            start_time_utc: webinar.start_time.clone(),
        }
    }

    /// "81100000001 Quarterly Product Update, Thu 10 Dec 2026 15:00 IST (09:30 UTC), 60 min",
    /// led by the webinar's own zone when it differs from `time_zone`.
    pub fn line(&self, time_zone: Tz) -> String {
        let own_zone = self
            .timezone
            .as_deref()
            .and_then(|name| name.parse::<Tz>().ok());
        let start = match self.start_time_utc.as_deref().map(parse_zoom_utc) {
            Some(Ok(utc)) => human_time_in_zones(utc, own_zone, time_zone),
            Some(Err(_)) => show_time_short(self.start_time_utc.as_deref(), time_zone),
            None => "no fixed time".to_string(),
        };
        let duration = self
            .duration
            .map(|minutes| format!(", {minutes} min"))
            .unwrap_or_default();
        format!(
            "{} {}, {start}{duration} ({})",
            self.id, self.topic, self.type_name
        )
    }
}

/// One occurrence of a recurring webinar.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct OccurrenceRow {
    /// Pass as occurrence_id to update or delete only this occurrence.
    pub occurrence_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time: Option<TimeDisplay>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<i64>,
    /// available or deleted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// Settings people act on most; the rest come with include_settings.
const KEY_SETTINGS: &[&str] = &[
    "approval_type",
    "registration_type",
    "auto_recording",
    "host_video",
    "panelists_video",
    "practice_session",
    "on_demand",
    "alternative_hosts",
    "close_registration",
    "registrants_restrict_number",
    "registrants_email_notification",
    "question_and_answer",
];

/// A webinar with its occurrences, registration state and key settings.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct WebinarDetail {
    #[serde(flatten)]
    pub row: WebinarRow,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_email: Option<String>,
    /// Registration: "none", "automatic approval" or "manual approval".
    pub registration: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registration_url: Option<String>,
    /// Passcode attendees need to join.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Occurrences of a recurring webinar (empty for single webinars).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub occurrences: Vec<OccurrenceRow>,
    /// Zoom's recurrence rule, for recurring webinars with a fixed time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recurrence: Option<Value>,
    /// Key settings, or all of Zoom's settings when requested.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub settings: Option<Value>,
}

impl WebinarDetail {
    pub fn from_zoom(webinar: &ZoomWebinar, time_zone: Tz, all_settings: bool) -> WebinarDetail {
        let approval_type = webinar
            .settings
            .as_ref()
            .and_then(|settings| settings.get("approval_type"))
            .and_then(Value::as_i64);
        let settings = webinar.settings.as_ref().map(|settings| {
            if all_settings {
                settings.clone()
            } else {
                let mut kept = serde_json::Map::new();
                for key in KEY_SETTINGS {
                    if let Some(value) = settings.get(*key) {
                        kept.insert((*key).to_string(), value.clone());
                    }
                }
                Value::Object(kept)
            }
        });
        WebinarDetail {
            row: WebinarRow::from_zoom(webinar, time_zone),
            agenda: webinar.agenda.clone().filter(|agenda| !agenda.is_empty()),
            host_email: webinar.host_email.clone(),
            registration: registration_name(approval_type).to_string(),
            registration_url: webinar.registration_url.clone(),
            password: webinar
                .password
                .clone()
                .filter(|password| !password.is_empty()),
            created_at: webinar.created_at.clone(),
            occurrences: webinar
                .occurrences
                .iter()
                .map(|occurrence| OccurrenceRow {
                    occurrence_id: occurrence.occurrence_id.clone(),
                    start_time: show_time(occurrence.start_time.as_deref(), time_zone),
                    duration: occurrence.duration,
                    status: occurrence.status.clone(),
                })
                .collect(),
            recurrence: webinar.recurrence.clone(),
            settings,
        }
    }

    /// A few lines for the text summary.
    pub fn summary_lines(&self, time_zone: Tz) -> String {
        let mut text = self.row.line(time_zone);
        text.push_str(&format!("\nRegistration: {}", self.registration));
        if let Some(url) = &self.row.join_url {
            text.push_str(&format!("\nJoin URL: {url}"));
        }
        if let Some(url) = &self.registration_url {
            text.push_str(&format!("\nRegistration URL: {url}"));
        }
        let available = self
            .occurrences
            .iter()
            .filter(|occurrence| occurrence.status.as_deref() != Some("deleted"))
            .count();
        if !self.occurrences.is_empty() {
            text.push_str(&format!(
                "\nOccurrences: {available} available of {}",
                self.occurrences.len()
            ));
            self.push_occurrence_lines(&mut text, time_zone);
        }
        text
    }
}

/// Occurrences listed one per line in a summary; the rest are counted.
const SUMMARY_OCCURRENCES: usize = 10;

impl WebinarDetail {
    /// Appends one line per occurrence, in the webinar's own zone first, up
    /// to [`SUMMARY_OCCURRENCES`], marking deleted ones.
    fn push_occurrence_lines(&self, text: &mut String, time_zone: Tz) {
        let own_zone = self
            .row
            .timezone
            .as_deref()
            .and_then(|name| name.parse::<Tz>().ok());
        for occurrence in self.occurrences.iter().take(SUMMARY_OCCURRENCES) {
            let start = occurrence
                .start_time
                .as_ref()
                .and_then(|time| parse_zoom_utc(&time.utc).ok())
                .map(|utc| human_time_in_zones(utc, own_zone, time_zone))
                .unwrap_or_else(|| "no start time".to_string());
            let deleted = if occurrence.status.as_deref() == Some("deleted") {
                " (deleted)"
            } else {
                ""
            };
            text.push_str(&format!(
                "\n  {} {start}{deleted}",
                occurrence.occurrence_id
            ));
        }
        if self.occurrences.len() > SUMMARY_OCCURRENCES {
            text.push_str(&format!(
                "\n  and {} more in the structured result",
                self.occurrences.len() - SUMMARY_OCCURRENCES
            ));
        }
    }
}

/// Name of a registration approval type.
pub fn registration_name(approval_type: Option<i64>) -> &'static str {
    match approval_type {
        Some(0) => "automatic approval",
        Some(1) => "manual approval",
        _ => "none",
    }
}
