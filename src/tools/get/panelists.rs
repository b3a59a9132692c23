//! Panelist and poll read tools.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::server::output::{Json, ToolError, ToolOutput};
use crate::server::{AppState, ZoomServer};
use crate::tools::common::WebinarId;
use crate::tools::views::people::{PanelistRow, ZoomPanelistList};
use crate::tools::views::poll::{PollRow, ZoomPollList};
use crate::zoom::{ApiPath, Query, ZoomError};

#[derive(Debug, Deserialize, JsonSchema)]
pub struct WebinarIdParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
}

/// A webinar's panelists.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PanelistList {
    pub webinar_id: u64,
    pub panelists: Vec<PanelistRow>,
    pub total_records: u64,
}

impl ToolOutput for PanelistList {
    fn summary(&self) -> String {
        if self.panelists.is_empty() {
            return format!("Webinar {} has no panelists.", self.webinar_id);
        }
        let mut text = format!(
            "Webinar {} has {} panelists:",
            self.webinar_id, self.total_records
        );
        for panelist in &self.panelists {
            text.push_str(&format!(
                "\n- {} <{}> ({})",
                panelist.name,
                panelist.email,
                panelist.id.as_deref().unwrap_or("no id")
            ));
        }
        text
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct GetPollsParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// Return only anonymous polls (true) or only polls that are not anonymous (false); omit for all.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub anonymous: Option<bool>,
}

/// A webinar's polls.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PollList {
    pub webinar_id: u64,
    pub polls: Vec<PollRow>,
    pub total_records: u64,
}

impl ToolOutput for PollList {
    fn summary(&self) -> String {
        if self.polls.is_empty() {
            return format!("Webinar {} has no polls.", self.webinar_id);
        }
        let mut text = format!(
            "Webinar {} has {} polls:",
            self.webinar_id, self.total_records
        );
        for poll in &self.polls {
            text.push_str(&format!(
                "\n- {} ({} questions, {}, id {})",
                poll.title,
                poll.questions.len(),
                poll.status.as_deref().unwrap_or("status unknown"),
                poll.id
            ));
        }
        text
    }
}

#[tool_router(router = panelists_router, vis = "pub(crate)")]
impl ZoomServer {
    /// List a webinar's panelists with id, name, email and personal join URL.
    #[tool(
        name = "list_panelists",
        title = "List panelists",
        annotations(
            title = "List panelists",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn list_panelists(
        &self,
        Parameters(params): Parameters<WebinarIdParams>,
    ) -> Result<Json<PanelistList>, ToolError> {
        let list = fetch_panelists(&self.state, params.webinar_id.0).await?;
        Ok(Json(list))
    }

    /// List a webinar's polls and quizzes with their questions, answers and status.
    #[tool(
        name = "get_webinar_polls",
        title = "List webinar polls",
        annotations(
            title = "List webinar polls",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn get_webinar_polls(
        &self,
        Parameters(params): Parameters<GetPollsParams>,
    ) -> Result<Json<PollList>, ToolError> {
        let path = ApiPath::new()
            .literal("webinars")
            .number(params.webinar_id.0)
            .literal("polls");
        let mut query: Query = Vec::new();
        if let Some(anonymous) = params.anonymous {
            query.push(("anonymous", anonymous.to_string()));
        }
        let list: ZoomPollList = self.state.zoom.get(&path, &query).await?;
        Ok(Json(PollList {
            webinar_id: params.webinar_id.0,
            total_records: list.total_records.unwrap_or(list.polls.len() as u64),
            polls: list.polls,
        }))
    }
}

/// A webinar's panelists (Zoom does not page this list).
pub async fn fetch_panelists(state: &AppState, webinar_id: u64) -> Result<PanelistList, ZoomError> {
    let path = ApiPath::new()
        .literal("webinars")
        .number(webinar_id)
        .literal("panelists");
    let list: ZoomPanelistList = state.zoom.get(&path, &Vec::new()).await?;
    Ok(PanelistList {
        webinar_id,
        total_records: list.total_records.unwrap_or(list.panelists.len() as u64),
        panelists: list.panelists.into_iter().map(PanelistRow::from).collect(),
    })
}
