//! Register people for a webinar, one at a time or in batches.

use std::collections::HashSet;

use rmcp::RoleServer;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::service::RequestContext;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::tools::common::WebinarId;
use crate::tools::get::webinars::fetch_webinar;
use crate::tools::input::check_email;
use crate::tools::progress::Progress;
use crate::zoom::{ApiPath, Method, Query, ZoomError};

/// Zoom's maximum first and last name length for registrants.
const MAX_NAME_CHARS: usize = 64;
/// Zoom's maximum registrants per batch call.
const BATCH_SIZE: usize = 30;
/// Rows accepted by one add_webinar_registrants_batch call, so one result
/// stays small enough for a model's context (about 100 characters a row).
const MAX_BATCH_ROWS: usize = 1000;

#[derive(Debug, Deserialize, JsonSchema)]
pub struct CustomAnswer {
    /// The custom question's title, as get_registration_questions shows it.
    pub title: String,
    pub value: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct AddRegistrantParams {
    /// Webinar id (a 64-bit number) from list_webinars. Registration must be on.
    pub webinar_id: WebinarId,
    pub email: String,
    /// At most 64 characters.
    pub first_name: String,
    /// At most 64 characters.
    #[serde(default)]
    #[schemars(with = "String")]
    pub last_name: Option<String>,
    #[serde(default)]
    #[schemars(with = "String")]
    pub org: Option<String>,
    #[serde(default)]
    #[schemars(with = "String")]
    pub job_title: Option<String>,
    /// Two-letter country code, such as IN or US.
    #[serde(default)]
    #[schemars(with = "String")]
    pub country: Option<String>,
    #[serde(default)]
    #[schemars(with = "String")]
    pub phone: Option<String>,
    #[serde(default)]
    #[schemars(with = "String")]
    pub comments: Option<String>,
    /// Answers to the webinar's custom registration questions.
    #[serde(default)]
    pub custom_questions: Vec<CustomAnswer>,
    /// For recurring webinars that register per occurrence: the occurrence ids to register for.
    #[serde(default)]
    pub occurrence_ids: Vec<String>,
}

/// A new registration.
#[derive(Debug, Serialize, JsonSchema)]
pub struct AddedRegistrant {
    pub webinar_id: u64,
    pub registrant_id: String,
    pub email: String,
    /// The registrant's personal join link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub join_url: Option<String>,
    pub message: String,
}

impl ToolOutput for AddedRegistrant {
    fn summary(&self) -> String {
        self.message.clone()
    }
}

#[derive(Debug, Deserialize)]
struct ZoomAddedRegistrant {
    #[serde(default)]
    registrant_id: Option<String>,
    #[serde(default)]
    join_url: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct BatchRow {
    pub email: String,
    pub first_name: String,
    #[serde(default)]
    #[schemars(with = "String")]
    pub last_name: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct BatchParams {
    /// Webinar id of a single (type 5) webinar with registration on; Zoom's batch endpoint takes no other kind.
    pub webinar_id: WebinarId,
    /// People to register, up to 1000; sent to Zoom in groups of 30.
    pub registrants: Vec<BatchRow>,
    /// Approve them at once, even when the webinar approves manually (default false).
    #[serde(default)]
    pub auto_approve: bool,
}

/// Outcome of one row of a batch.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BatchRowResult {
    pub email: String,
    /// added, failed or not_sent.
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registrant_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub join_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Outcome of a batch registration.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BatchResult {
    pub webinar_id: u64,
    pub added: usize,
    pub failed: usize,
    pub not_sent: usize,
    pub rows: Vec<BatchRowResult>,
}

impl ToolOutput for BatchResult {
    fn summary(&self) -> String {
        let mut text = format!(
            "Webinar {}: {} registered, {} failed, {} not sent.",
            self.webinar_id, self.added, self.failed, self.not_sent
        );
        for row in self
            .rows
            .iter()
            .filter(|row| row.status != "added")
            .take(20)
        {
            text.push_str(&format!(
                "\n- {} {}: {}",
                row.email,
                row.status,
                row.error.as_deref().unwrap_or("")
            ));
        }
        if self.not_sent > 0 {
            text.push_str(
                "\nRows marked not_sent were never sent to Zoom; call again with just those rows.",
            );
        }
        text
    }
}

#[derive(Debug, Deserialize)]
struct ZoomBatchResponse {
    #[serde(default)]
    registrants: Vec<ZoomBatchRow>,
}

#[derive(Debug, Deserialize)]
struct ZoomBatchRow {
    #[serde(default)]
    email: String,
    #[serde(default)]
    registrant_id: Option<String>,
    #[serde(default)]
    join_url: Option<String>,
}

#[tool_router(router = create_registrants_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Register one person for a webinar, with answers to custom questions and, for recurring
    /// webinars, the occurrences to attend. Zoom emails the join link (or the pending notice for
    /// manual approval). Zoom allows 3 registrations of the same email per webinar per day.
    #[tool(
        name = "add_webinar_registrant",
        title = "Register someone",
        annotations(
            title = "Register someone",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = false,
            open_world_hint = true
        )
    )]
    async fn add_webinar_registrant(
        &self,
        Parameters(params): Parameters<AddRegistrantParams>,
    ) -> Result<Json<AddedRegistrant>, ToolError> {
        let webinar_id = params.webinar_id.0;
        check_email("email", &params.email)?;
        check_name("first_name", &params.first_name, true)?;
        let mut body = Map::new();
        body.insert("email".into(), json!(params.email.trim()));
        body.insert("first_name".into(), json!(params.first_name.trim()));
        if let Some(last_name) = &params.last_name {
            check_name("last_name", last_name, false)?;
            body.insert("last_name".into(), json!(last_name.trim()));
        }
        for (name, value) in [
            ("org", &params.org),
            ("job_title", &params.job_title),
            ("phone", &params.phone),
            ("comments", &params.comments),
        ] {
            if let Some(value) = value {
                if value.chars().count() > 2000 || value.chars().any(char::is_control) {
                    return Err(ToolError::invalid(format!(
                        "{name} must be at most 2000 characters without control characters."
                    )));
                }
                body.insert(name.into(), json!(value.trim()));
            }
        }
        if let Some(country) = &params.country {
            let country = country.trim().to_ascii_uppercase();
            if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Err(ToolError::invalid(format!(
                    "country {country:?} is not a two-letter country code such as US or IN."
                )));
            }
            body.insert("country".into(), json!(country));
        }
        if !params.custom_questions.is_empty() {
            let answers: Vec<Value> = params
                .custom_questions
                .iter()
                .map(|answer| json!({ "title": answer.title, "value": answer.value }))
                .collect();
            body.insert("custom_questions".into(), Value::Array(answers));
        }
        let mut query: Query = Vec::new();
        if !params.occurrence_ids.is_empty() {
            for occurrence_id in &params.occurrence_ids {
                if occurrence_id.is_empty() || !occurrence_id.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(ToolError::invalid(format!(
                        "occurrence_ids entry {occurrence_id:?} is not a Zoom occurrence id (digits). get_webinar lists them."
                    )));
                }
            }
            query.push(("occurrence_ids", params.occurrence_ids.join(",")));
        }

        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("registrants");
        let created = self
            .state
            .zoom
            .send(Method::POST, &path, &query, Some(&Value::Object(body)))
            .await?
            .ok_or_else(|| ToolError::invalid("Zoom registered the person but returned no body; find_registrant_by_email shows the registration."))?;
        let added: ZoomAddedRegistrant = crate::zoom::decode(created)?;
        tracing::info!(
            tool = "add_webinar_registrant",
            webinar_id,
            "registrant added"
        );
        let registrant_id = added.registrant_id.unwrap_or_default();
        Ok(Json(AddedRegistrant {
            webinar_id,
            message: format!(
                "Registered {} for webinar {webinar_id} (registrant id {registrant_id}).",
                params.email.trim()
            ),
            registrant_id,
            email: params.email.trim().to_string(),
            join_url: added.join_url,
        }))
    }

    /// Register up to 1000 people for a single (type 5) webinar, sent to Zoom in groups of 30,
    /// and report each row: added, failed (with Zoom's reason) or not_sent (stopped early).
    /// Sends progress notifications and stops between groups when the client cancels.
    #[tool(
        name = "add_webinar_registrants_batch",
        title = "Register many people",
        annotations(
            title = "Register many people",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = false,
            open_world_hint = true
        )
    )]
    async fn add_webinar_registrants_batch(
        &self,
        Parameters(params): Parameters<BatchParams>,
        context: RequestContext<RoleServer>,
    ) -> Result<Json<BatchResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        if params.registrants.is_empty() || params.registrants.len() > MAX_BATCH_ROWS {
            return Err(ToolError::invalid(format!(
                "registrants has {} rows; give 1 to {MAX_BATCH_ROWS} per call.",
                params.registrants.len()
            )));
        }
        let mut seen = HashSet::new();
        for (index, row) in params.registrants.iter().enumerate() {
            check_email(&format!("registrants[{index}].email"), &row.email)?;
            check_name(
                &format!("registrants[{index}].first_name"),
                &row.first_name,
                true,
            )?;
            if let Some(last_name) = &row.last_name {
                check_name(&format!("registrants[{index}].last_name"), last_name, false)?;
            }
            if !seen.insert(row.email.trim().to_lowercase()) {
                return Err(ToolError::invalid(format!(
                    "registrants[{index}].email {} appears twice. Give each person once.",
                    row.email.trim()
                )));
            }
        }
        let webinar = fetch_webinar(&self.state, webinar_id, &Vec::new()).await?;
        if webinar.webinar_type != Some(5) {
            return Err(ToolError::invalid(format!(
                "Webinar {webinar_id} is type {} ({}); Zoom's batch registration takes single (type 5) webinars only. Use add_webinar_registrant for each person instead.",
                webinar.webinar_type.unwrap_or_default(),
                crate::tools::views::webinar::webinar_type_name(webinar.webinar_type)
            )));
        }

        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("batch_registrants");
        let mut progress = Progress::new(&context);
        let groups: Vec<&[BatchRow]> = params.registrants.chunks(BATCH_SIZE).collect();
        let total_groups = groups.len() as u64;
        let mut rows = Vec::new();
        let mut stop_reason: Option<String> = None;
        for group in groups {
            if let Some(reason) = &stop_reason {
                rows.extend(group.iter().map(|row| not_sent(row, reason)));
                continue;
            }
            if progress.is_cancelled() {
                stop_reason = Some("the client cancelled the call".to_string());
                rows.extend(
                    group
                        .iter()
                        .map(|row| not_sent(row, "the client cancelled the call")),
                );
                continue;
            }
            let entries: Vec<Value> = group
                .iter()
                .map(|row| {
                    let mut entry =
                        json!({ "email": row.email.trim(), "first_name": row.first_name.trim() });
                    if let Some(last_name) = &row.last_name {
                        entry["last_name"] = json!(last_name.trim());
                    }
                    entry
                })
                .collect();
            let body = json!({ "auto_approve": params.auto_approve, "registrants": entries });
            match self
                .state
                .zoom
                .send(Method::POST, &path, &Vec::new(), Some(&body))
                .await
            {
                Ok(response) => {
                    let parsed: ZoomBatchResponse = crate::zoom::decode(
                        response.unwrap_or(Value::Null),
                    )
                    .unwrap_or(ZoomBatchResponse {
                        registrants: Vec::new(),
                    });
                    for row in group {
                        let email = row.email.trim();
                        let found = parsed
                            .registrants
                            .iter()
                            .find(|added| added.email.eq_ignore_ascii_case(email));
                        rows.push(match found {
                            Some(added) => BatchRowResult {
                                email: email.to_string(),
                                status: "added".to_string(),
                                registrant_id: added.registrant_id.clone(),
                                join_url: added.join_url.clone(),
                                error: None,
                            },
                            None => BatchRowResult {
                                email: email.to_string(),
                                status: "failed".to_string(),
                                registrant_id: None,
                                join_url: None,
                                error: Some("Zoom accepted the group but did not return this registrant; check with find_registrant_by_email.".to_string()),
                            },
                        });
                    }
                }
                Err(error) => {
                    let message = error.to_string();
                    rows.extend(group.iter().map(|row| BatchRowResult {
                        email: row.email.trim().to_string(),
                        status: "failed".to_string(),
                        registrant_id: None,
                        join_url: None,
                        error: Some(message.clone()),
                    }));
                    // A validation error concerns this group only; anything
                    // else (auth, scope, licence, limits) would fail every
                    // group the same way.
                    if !is_group_specific(&error) {
                        stop_reason = Some(format!("an earlier group failed: {message}"));
                    }
                }
            }
            progress
                .advance(
                    Some(total_groups),
                    format!(
                        "registered {} of {} rows",
                        rows.len(),
                        params.registrants.len()
                    ),
                )
                .await;
        }
        tracing::info!(
            tool = "add_webinar_registrants_batch",
            webinar_id,
            rows = rows.len(),
            "batch registration finished"
        );
        let count = |status: &str| rows.iter().filter(|row| row.status == status).count();
        Ok(Json(BatchResult {
            webinar_id,
            added: count("added"),
            failed: count("failed"),
            not_sent: count("not_sent"),
            rows,
        }))
    }
}

fn not_sent(row: &BatchRow, reason: &str) -> BatchRowResult {
    BatchRowResult {
        email: row.email.trim().to_string(),
        status: "not_sent".to_string(),
        registrant_id: None,
        join_url: None,
        error: Some(format!("not sent because {reason}")),
    }
}

fn is_group_specific(error: &ZoomError) -> bool {
    error.zoom_code() == Some(300)
}

fn check_name(field: &str, value: &str, required: bool) -> Result<(), ToolError> {
    let trimmed = value.trim();
    if required && trimmed.is_empty() {
        return Err(ToolError::invalid(format!(
            "{field} is empty; Zoom requires it."
        )));
    }
    if trimmed.chars().count() > MAX_NAME_CHARS || trimmed.chars().any(char::is_control) {
        return Err(ToolError::invalid(format!(
            "{field} must be at most {MAX_NAME_CHARS} characters without control characters."
        )));
    }
    Ok(())
}
