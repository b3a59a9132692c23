//! Read a webinar's post-webinar survey.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::Serialize;

use super::panelists::WebinarIdParams;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::server::{AppState, ZoomServer};
use crate::tools::views::survey::Survey;
use crate::zoom::{ApiPath, ZoomError};

/// A webinar's survey.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SurveyResult {
    pub webinar_id: u64,
    pub survey: Survey,
    /// What the tool did, for writes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl ToolOutput for SurveyResult {
    fn summary(&self) -> String {
        let description = self.survey.describe(self.webinar_id);
        match &self.message {
            Some(message) => format!("{message}\n{description}"),
            None => description,
        }
    }
}

#[tool_router(router = surveys_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Get a webinar's post-webinar survey: the custom survey's title, questions and answers, or
    /// the third-party survey link, and whether it is shown in the browser after the webinar and
    /// in the follow-up email. Needs the Webinar Survey feature on the host's account.
    #[tool(
        name = "get_webinar_survey",
        title = "Get webinar survey",
        annotations(
            title = "Get webinar survey",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn get_webinar_survey(
        &self,
        Parameters(params): Parameters<WebinarIdParams>,
    ) -> Result<Json<SurveyResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let survey = fetch_survey(&self.state, webinar_id).await?;
        Ok(Json(SurveyResult {
            webinar_id,
            survey,
            message: None,
        }))
    }
}

/// GET `/webinars/{webinarId}/survey`.
pub async fn fetch_survey(state: &AppState, webinar_id: u64) -> Result<Survey, ZoomError> {
    let path = ApiPath::new()
        .literal("webinars")
        .number(webinar_id)
        .literal("survey");
    state.zoom.get(&path, &Vec::new()).await
}
