//! Registrants and panelists.

use chrono_tz::Tz;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::show_time;
use crate::time::TimeDisplay;

/// Zoom's registrant object (also the absentee object).
#[derive(Debug, Clone, Deserialize)]
pub struct ZoomRegistrant {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub create_time: Option<String>,
    #[serde(default)]
    pub join_url: Option<String>,
    #[serde(default)]
    pub org: Option<String>,
    #[serde(default)]
    pub job_title: Option<String>,
    #[serde(default)]
    pub custom_questions: Vec<serde_json::Map<String, Value>>,
}

/// Zoom's registrant list page (also absentees).
#[derive(Debug, Deserialize)]
pub struct ZoomRegistrantPage {
    #[serde(default)]
    pub registrants: Vec<ZoomRegistrant>,
    #[serde(default)]
    pub total_records: Option<u64>,
    #[serde(default)]
    pub next_page_token: Option<String>,
}

/// A registrant row.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RegistrantRow {
    /// Registrant id, for status changes and deletes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub email: String,
    pub name: String,
    /// pending, approved or denied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// When the person registered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registered_at: Option<TimeDisplay>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub join_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// Answers to custom registration questions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub custom_questions: Vec<serde_json::Map<String, Value>>,
}

impl RegistrantRow {
    /// Build a row; `status` fills in when Zoom's object omits it (Zoom
    /// lists one status at a time). The compact form (`detail` false) leaves
    /// out the join link, organisation, job title and question answers.
    pub fn from_zoom(
        registrant: ZoomRegistrant,
        status: Option<&str>,
        time_zone: Tz,
        detail: bool,
    ) -> RegistrantRow {
        let name = format!(
            "{} {}",
            registrant.first_name.as_deref().unwrap_or(""),
            registrant.last_name.as_deref().unwrap_or("")
        )
        .trim()
        .to_string();
        RegistrantRow {
            id: registrant.id,
            email: registrant.email,
            name,
            status: registrant.status.or_else(|| status.map(str::to_string)),
            registered_at: show_time(registrant.create_time.as_deref(), time_zone),
            join_url: registrant.join_url.filter(|_| detail),
            org: registrant.org.filter(|value| detail && !value.is_empty()),
            job_title: registrant
                .job_title
                .filter(|value| detail && !value.is_empty()),
            custom_questions: if detail {
                registrant.custom_questions
            } else {
                Vec::new()
            },
        }
    }

    pub fn line(&self) -> String {
        format!(
            "{} <{}> {} ({})",
            if self.name.is_empty() {
                "(no name)"
            } else {
                &self.name
            },
            self.email,
            self.status.as_deref().unwrap_or("unknown status"),
            self.id.as_deref().unwrap_or("no id")
        )
    }
}

/// Zoom's panelist object.
#[derive(Debug, Clone, Deserialize)]
pub struct ZoomPanelist {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub join_url: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct ZoomPanelistList {
    #[serde(default)]
    pub panelists: Vec<ZoomPanelist>,
    #[serde(default)]
    pub total_records: Option<u64>,
}

/// A panelist row.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PanelistRow {
    /// Panelist id; remove_panelist also accepts the email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub email: String,
    pub name: String,
    /// The panelist's personal join link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub join_url: Option<String>,
}

impl From<ZoomPanelist> for PanelistRow {
    fn from(panelist: ZoomPanelist) -> PanelistRow {
        PanelistRow {
            id: panelist.id,
            email: panelist.email,
            name: panelist.name,
            join_url: panelist.join_url,
        }
    }
}
