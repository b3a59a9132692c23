//! Approve, deny or cancel registrants.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::tools::common::WebinarId;
use crate::tools::get::webinars::check_occurrence_id;
use crate::tools::input::check_email;
use crate::zoom::{ApiPath, Method, Query};

/// Zoom's maximum registrants per status change.
pub const MAX_REGISTRANTS_PER_CALL: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RegistrantAction {
    /// Approve pending (or denied) registrants; they get their join link by email.
    Approve,
    /// Deny pending registrants.
    Deny,
    /// Revoke an approved registration.
    Cancel,
}

impl RegistrantAction {
    fn as_str(self) -> &'static str {
        match self {
            RegistrantAction::Approve => "approve",
            RegistrantAction::Deny => "deny",
            RegistrantAction::Cancel => "cancel",
        }
    }

    fn past_tense(self) -> &'static str {
        match self {
            RegistrantAction::Approve => "Approved",
            RegistrantAction::Deny => "Denied",
            RegistrantAction::Cancel => "Cancelled",
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct RegistrantStatusParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// approve, deny or cancel.
    pub action: RegistrantAction,
    /// Registrant ids (from list_webinar_registrants). Together with emails, at most 30.
    #[serde(default)]
    pub registrant_ids: Vec<String>,
    /// Registrant emails. Together with registrant_ids, at most 30.
    #[serde(default)]
    pub emails: Vec<String>,
    /// Occurrence id, for webinars that register per occurrence.
    #[serde(
        default,
        deserialize_with = "crate::tools::common::optional_string_or_number"
    )]
    #[schemars(with = "String")]
    pub occurrence_id: Option<String>,
}

/// Outcome of a registrant status change.
#[derive(Debug, Serialize, JsonSchema)]
pub struct RegistrantStatusResult {
    pub webinar_id: u64,
    pub action: RegistrantAction,
    /// Registrants sent to Zoom (ids and emails).
    pub registrants: Vec<String>,
    pub message: String,
}

impl ToolOutput for RegistrantStatusResult {
    fn summary(&self) -> String {
        self.message.clone()
    }
}

#[tool_router(router = update_registrants_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Approve, deny or cancel up to 30 webinar registrants at once, by registrant id or email.
    /// Zoom emails the registrants about the change. Zoom allows 10 status changes per
    /// registrant per day.
    #[tool(
        name = "update_webinar_registrant_status",
        title = "Approve, deny or cancel registrants",
        annotations(
            title = "Approve, deny or cancel registrants",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn update_webinar_registrant_status(
        &self,
        Parameters(params): Parameters<RegistrantStatusParams>,
    ) -> Result<Json<RegistrantStatusResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let occurrence_id = check_occurrence_id(&params.occurrence_id)?;
        let mut entries = Vec::new();
        let mut labels = Vec::new();
        for id in &params.registrant_ids {
            let id = id.trim();
            if id.is_empty()
                || id.len() > 64
                || !id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                return Err(ToolError::invalid(format!(
                    "registrant id {:?} is not a Zoom registrant id (letters, digits, - and _). Take ids from list_webinar_registrants.",
                    id.chars().take(40).collect::<String>()
                )));
            }
            entries.push(json!({ "id": id }));
            labels.push(id.to_string());
        }
        for email in &params.emails {
            check_email("emails", email)?;
            entries.push(json!({ "email": email.trim() }));
            labels.push(email.trim().to_string());
        }
        if entries.is_empty() {
            return Err(ToolError::invalid(
                "Give at least one registrant in registrant_ids or emails.",
            ));
        }
        if entries.len() > MAX_REGISTRANTS_PER_CALL {
            return Err(ToolError::invalid(format!(
                "{} registrants given; Zoom changes at most {MAX_REGISTRANTS_PER_CALL} per call. Split them into groups of {MAX_REGISTRANTS_PER_CALL}.",
                entries.len()
            )));
        }

        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("registrants")
            .literal("status");
        let mut query: Query = Vec::new();
        if let Some(occurrence_id) = &occurrence_id {
            query.push(("occurrence_id", occurrence_id.clone()));
        }
        let body = json!({ "action": params.action.as_str(), "registrants": entries });
        self.state
            .zoom
            .send(Method::PUT, &path, &query, Some(&body))
            .await?;
        tracing::info!(
            tool = "update_webinar_registrant_status",
            webinar_id,
            action = params.action.as_str(),
            count = labels.len(),
            "registrant status updated"
        );
        Ok(Json(RegistrantStatusResult {
            webinar_id,
            action: params.action,
            message: format!(
                "{} {} registrant(s) of webinar {webinar_id}: {}.",
                params.action.past_tense(),
                labels.len(),
                labels.join(", ")
            ),
            registrants: labels,
        }))
    }
}
