//! Webinar polls.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Zoom's poll object; questions are passed through as Zoom sends them.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct PollRow {
    pub id: String,
    #[serde(default)]
    pub title: String,
    /// notstart, started, ended, sharing or deactivated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// 1 poll, 2 advanced poll, 3 quiz.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poll_type: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymous: Option<bool>,
    #[serde(default)]
    pub questions: Vec<serde_json::Map<String, Value>>,
}

#[derive(Debug, Deserialize)]
pub struct ZoomPollList {
    #[serde(default)]
    pub polls: Vec<PollRow>,
    #[serde(default)]
    pub total_records: Option<u64>,
}
