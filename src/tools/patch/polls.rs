//! Replace a poll.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;

use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError};
use crate::tools::common::WebinarId;
use crate::tools::get::polls::{PollResult, fetch_poll};
use crate::tools::post::polls::{PollKind, QuestionInput, poll_body};
use crate::zoom::{ApiPath, Method};

#[derive(Debug, Deserialize, JsonSchema)]
pub struct UpdatePollParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// Poll id from get_webinar_polls.
    pub poll_id: String,
    /// Poll title, at most 64 characters.
    pub title: String,
    /// poll (default), advanced_poll or quiz.
    #[serde(default)]
    pub poll_type: PollKind,
    /// Hide who answered what (default false).
    #[serde(default)]
    pub anonymous: bool,
    /// The complete new list of questions; it replaces the old one.
    pub questions: Vec<QuestionInput>,
}

#[tool_router(router = update_polls_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Replace a webinar poll: Zoom's update (PUT) sets the whole poll, so give the title, type
    /// and the complete question list; questions left out are removed.
    #[tool(
        name = "update_webinar_poll",
        title = "Replace webinar poll",
        annotations(
            title = "Replace webinar poll",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn update_webinar_poll(
        &self,
        Parameters(params): Parameters<UpdatePollParams>,
    ) -> Result<Json<PollResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let body = poll_body(
            &params.title,
            params.poll_type,
            params.anonymous,
            &params.questions,
        )?;
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("polls")
            .value("poll_id", params.poll_id.trim())?;
        self.state
            .zoom
            .send(Method::PUT, &path, &Vec::new(), Some(&body))
            .await?;
        tracing::info!(tool = "update_webinar_poll", webinar_id, "poll replaced");
        let poll = fetch_poll(self, webinar_id, &params.poll_id).await?;
        Ok(Json(PollResult {
            webinar_id,
            message: Some(format!(
                "Replaced poll {} of webinar {webinar_id}.",
                poll.id
            )),
            poll,
        }))
    }
}
