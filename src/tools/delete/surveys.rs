//! Delete a webinar's post-webinar survey.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};

use super::DeleteResult;
use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError};
use crate::tools::get::panelists::WebinarIdParams;
use crate::zoom::{ApiPath, Method};

#[tool_router(router = delete_surveys_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Delete a webinar's post-webinar survey, both a custom survey and a third-party link.
    /// Attendees are no longer asked to fill it in. This cannot be undone: rebuild it with
    /// update_webinar_survey.
    #[tool(
        name = "delete_webinar_survey",
        title = "Delete webinar survey",
        annotations(
            title = "Delete webinar survey",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn delete_webinar_survey(
        &self,
        Parameters(params): Parameters<WebinarIdParams>,
    ) -> Result<Json<DeleteResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("survey");
        self.state
            .zoom
            .send(Method::DELETE, &path, &Vec::new(), None)
            .await?;
        tracing::info!(tool = "delete_webinar_survey", webinar_id, "survey deleted");
        Ok(Json(DeleteResult {
            webinar_id,
            deleted: true,
            message: format!("Deleted the survey of webinar {webinar_id}."),
        }))
    }
}
