//! End, cancel or start a webinar.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::tools::common::WebinarId;
use crate::tools::delete::webinars::delete_webinar_or_occurrence;
use crate::tools::get::webinars::{check_occurrence_id, fetch_webinar};
use crate::zoom::{ApiPath, Method};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StatusAction {
    /// End a live webinar for everyone (Zoom's PUT status, action end).
    End,
    /// Cancel: delete the webinar or one occurrence, emailing registrants and panelists.
    Cancel,
    /// Return the host's start URL; no API starts a webinar.
    Start,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct WebinarStatusParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// end, cancel or start.
    pub action: StatusAction,
    /// With cancel: cancel only this occurrence of a recurring webinar.
    #[serde(
        default,
        deserialize_with = "crate::tools::common::optional_string_or_number"
    )]
    #[schemars(with = "String")]
    pub occurrence_id: Option<String>,
    /// With cancel: email registrants and panelists about the cancellation (default true).
    #[serde(default = "default_true")]
    #[schemars(with = "bool")]
    pub send_cancellation_email: bool,
}

fn default_true() -> bool {
    true
}

/// Outcome of a status change.
#[derive(Debug, Serialize, JsonSchema)]
pub struct WebinarStatusResult {
    pub webinar_id: u64,
    pub action: StatusAction,
    pub message: String,
    /// With start: the host's start link. It signs the host in; share it with no one else.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_url: Option<String>,
}

impl ToolOutput for WebinarStatusResult {
    fn summary(&self) -> String {
        self.message.clone()
    }
}

#[tool_router(router = update_status_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Change a webinar's status. end: ends a live webinar for everyone (Zoom's only status
    /// action). cancel: deletes the webinar or one occurrence and emails registrants and
    /// panelists (Zoom has no separate cancel). start: returns the host's start URL to open,
    /// because no Zoom API starts a webinar.
    #[tool(
        name = "update_webinar_status",
        title = "End, cancel or start a webinar",
        annotations(
            title = "End, cancel or start a webinar",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = false,
            open_world_hint = true
        )
    )]
    async fn update_webinar_status(
        &self,
        Parameters(params): Parameters<WebinarStatusParams>,
    ) -> Result<Json<WebinarStatusResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let occurrence_id = check_occurrence_id(&params.occurrence_id)?;
        if occurrence_id.is_some() && params.action != StatusAction::Cancel {
            return Err(ToolError::invalid(
                "occurrence_id applies only to action cancel; end and start act on the webinar.",
            ));
        }
        match params.action {
            StatusAction::End => {
                let path = ApiPath::new()
                    .literal("webinars")
                    .number(webinar_id)
                    .literal("status");
                self.state
                    .zoom
                    .send(
                        Method::PUT,
                        &path,
                        &Vec::new(),
                        Some(&json!({ "action": "end" })),
                    )
                    .await?;
                tracing::info!(
                    tool = "update_webinar_status",
                    webinar_id,
                    action = "end",
                    "webinar ended"
                );
                Ok(Json(WebinarStatusResult {
                    webinar_id,
                    action: params.action,
                    // NOTE: Zoom returns 204 without saying whether the webinar was in
                    // progress, and its docs name no error for one that was not.
                    message: format!(
                        "Zoom accepted the request to end webinar {webinar_id}. If it was in progress, it has ended for all attendees and panelists; Zoom does not report whether it was."
                    ),
                    start_url: None,
                }))
            }
            StatusAction::Cancel => {
                let outcome = delete_webinar_or_occurrence(
                    self,
                    webinar_id,
                    occurrence_id,
                    params.send_cancellation_email,
                )
                .await?;
                Ok(Json(WebinarStatusResult {
                    webinar_id,
                    action: params.action,
                    message: format!("Cancelled: {}", outcome.message),
                    start_url: None,
                }))
            }
            StatusAction::Start => {
                let webinar = fetch_webinar(&self.state, webinar_id, &Vec::new()).await?;
                let Some(start_url) = webinar.start_url.filter(|url| !url.is_empty()) else {
                    return Err(ToolError::invalid(format!(
                        "Zoom returned no start URL for webinar {webinar_id}."
                    )));
                };
                Ok(Json(WebinarStatusResult {
                    webinar_id,
                    action: params.action,
                    message: format!(
                        "No Zoom API starts a webinar. Open this start URL as the host to start webinar {webinar_id} ({}); it signs the host in, so do not share it.",
                        webinar.topic.unwrap_or_default()
                    ),
                    start_url: Some(start_url),
                }))
            }
        }
    }
}
