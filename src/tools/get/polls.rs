//! One poll, and poll results of an ended webinar.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::tools::common::WebinarId;
use crate::tools::views::poll::PollRow;
use crate::zoom::ApiPath;

#[derive(Debug, Deserialize, JsonSchema)]
pub struct PollParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// Poll id from get_webinar_polls.
    pub poll_id: String,
}

/// One poll.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PollResult {
    pub webinar_id: u64,
    pub poll: PollRow,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl ToolOutput for PollResult {
    fn summary(&self) -> String {
        let mut text = self
            .message
            .clone()
            .map(|message| format!("{message}\n"))
            .unwrap_or_default();
        text.push_str(&format!(
            "Poll \"{}\" (id {}, {} questions, {}) in webinar {}.",
            self.poll.title,
            self.poll.id,
            self.poll.questions.len(),
            self.poll.status.as_deref().unwrap_or("status unknown"),
            self.webinar_id
        ));
        text
    }
}

#[tool_router(router = polls_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Get one webinar poll or quiz with its questions, answers and status.
    #[tool(
        name = "get_webinar_poll",
        title = "Get webinar poll",
        annotations(
            title = "Get webinar poll",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn get_webinar_poll(
        &self,
        Parameters(params): Parameters<PollParams>,
    ) -> Result<Json<PollResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let poll = fetch_poll(self, webinar_id, &params.poll_id).await?;
        Ok(Json(PollResult {
            webinar_id,
            poll,
            message: None,
        }))
    }
}

/// GET one poll.
pub async fn fetch_poll(
    server: &ZoomServer,
    webinar_id: u64,
    poll_id: &str,
) -> Result<PollRow, ToolError> {
    let path = ApiPath::new()
        .literal("webinars")
        .number(webinar_id)
        .literal("polls")
        .value("poll_id", poll_id.trim())?;
    Ok(server.state.zoom.get(&path, &Vec::new()).await?)
}
