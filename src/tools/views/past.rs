//! Past webinars: instances, participants and Q&A.

use chrono_tz::Tz;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::show_time;
use crate::time::TimeDisplay;

/// Zoom's `GET /past_webinars/{id}/instances` response.
#[derive(Debug, Deserialize)]
pub struct ZoomInstances {
    #[serde(default)]
    pub webinars: Vec<ZoomInstance>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ZoomInstance {
    pub uuid: String,
    #[serde(default)]
    pub start_time: Option<String>,
}

/// One ended instance of a webinar.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct InstanceRow {
    /// Instance UUID; pass it as `uuid` to read that instance.
    pub uuid: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time: Option<TimeDisplay>,
}

impl InstanceRow {
    pub fn from_zoom(instance: &ZoomInstance, time_zone: Tz) -> InstanceRow {
        InstanceRow {
            uuid: instance.uuid.clone(),
            start_time: show_time(instance.start_time.as_deref(), time_zone),
        }
    }
}

/// Zoom's participant object.
#[derive(Debug, Clone, Deserialize)]
pub struct ZoomParticipant {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub user_email: Option<String>,
    #[serde(default)]
    pub join_time: Option<String>,
    #[serde(default)]
    pub leave_time: Option<String>,
    /// Seconds.
    #[serde(default)]
    pub duration: Option<i64>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub registrant_id: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct ZoomParticipantPage {
    #[serde(default)]
    pub participants: Vec<ZoomParticipant>,
    #[serde(default)]
    pub total_records: Option<u64>,
    #[serde(default)]
    pub next_page_token: Option<String>,
}

/// A participant row.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ParticipantRow {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub join_time: Option<TimeDisplay>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leave_time: Option<TimeDisplay>,
    /// Time attended, in seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<i64>,
    /// Registrant id, when the participant registered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registrant_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

impl ParticipantRow {
    /// Build a row; the compact form (`detail` false) leaves out Zoom's
    /// participant id.
    pub fn from_zoom(participant: ZoomParticipant, time_zone: Tz, detail: bool) -> ParticipantRow {
        ParticipantRow {
            name: participant.name,
            email: participant.user_email.filter(|email| !email.is_empty()),
            join_time: show_time(participant.join_time.as_deref(), time_zone),
            leave_time: show_time(participant.leave_time.as_deref(), time_zone),
            duration_seconds: participant.duration,
            registrant_id: participant.registrant_id.filter(|id| !id.is_empty()),
            id: participant.id.filter(|id| detail && !id.is_empty()),
        }
    }
}

/// Zoom's past Q&A response.
#[derive(Debug, Deserialize)]
pub struct ZoomQa {
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(default)]
    pub start_time: Option<String>,
    #[serde(default)]
    pub questions: Vec<ZoomQaAsker>,
}

#[derive(Debug, Deserialize)]
pub struct ZoomQaAsker {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub question_details: Vec<ZoomQaDetail>,
}

#[derive(Debug, Deserialize)]
pub struct ZoomQaDetail {
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub answer: Option<String>,
}

/// One question asked in a webinar's Q&A.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct QuestionRow {
    pub asked_by: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub question: String,
    /// The answer, "live answered", or absent when unanswered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    pub answered: bool,
}
