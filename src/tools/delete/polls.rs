//! Delete a poll.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};

use super::DeleteResult;
use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError};
use crate::tools::get::polls::{PollParams, fetch_poll};
use crate::zoom::{ApiPath, Method};

#[tool_router(router = delete_polls_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Delete a webinar poll or quiz. Results of past webinars stay in their reports.
    #[tool(
        name = "delete_webinar_poll",
        title = "Delete webinar poll",
        annotations(
            title = "Delete webinar poll",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn delete_webinar_poll(
        &self,
        Parameters(params): Parameters<PollParams>,
    ) -> Result<Json<DeleteResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let poll = fetch_poll(self, webinar_id, &params.poll_id).await?;
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("polls")
            .value("poll_id", params.poll_id.trim())?;
        self.state
            .zoom
            .send(Method::DELETE, &path, &Vec::new(), None)
            .await?;
        tracing::info!(tool = "delete_webinar_poll", webinar_id, "poll deleted");
        Ok(Json(DeleteResult {
            webinar_id,
            deleted: true,
            message: format!(
                "Deleted poll \"{}\" ({}) from webinar {webinar_id}.",
                poll.title, poll.id
            ),
        }))
    }
}
