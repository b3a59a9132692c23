//! Replace a webinar's registration questions.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::json;

use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError};
use crate::tools::common::WebinarId;
use crate::tools::get::registration::{
    CustomQuestion, CustomQuestionKind, QuestionsResult, StandardQuestion, fetch_questions,
};
use crate::zoom::{ApiPath, Method};

/// Maximum length of a custom question title.
// NOTE: Zoom's spec states no limit; 255 keeps a form readable.
const MAX_TITLE_CHARS: usize = 255;

#[derive(Debug, Deserialize, JsonSchema)]
pub struct UpdateQuestionsParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// The standard fields to ask, each once. Fields left out are not asked.
    #[serde(default)]
    pub questions: Vec<StandardQuestion>,
    /// The custom questions to ask. They replace the current ones.
    #[serde(default)]
    pub custom_questions: Vec<CustomQuestion>,
}

#[tool_router(router = update_questions_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Replace a webinar's registration questions: which standard fields are asked (and required)
    /// and the custom questions. What is not given is no longer asked. Registration must be on.
    #[tool(
        name = "update_registration_questions",
        title = "Update registration questions",
        annotations(
            title = "Update registration questions",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn update_registration_questions(
        &self,
        Parameters(params): Parameters<UpdateQuestionsParams>,
    ) -> Result<Json<QuestionsResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let mut seen = std::collections::HashSet::new();
        for question in &params.questions {
            if !seen.insert(question.field_name) {
                return Err(ToolError::invalid(format!(
                    "questions lists {:?} twice. Give each standard field once.",
                    question.field_name
                )));
            }
        }
        for (index, question) in params.custom_questions.iter().enumerate() {
            let title = question.title.trim();
            if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
                return Err(ToolError::invalid(format!(
                    "custom_questions[{index}].title must be 1 to {MAX_TITLE_CHARS} characters."
                )));
            }
            let needs_answers = question.kind != CustomQuestionKind::Short;
            if needs_answers && question.answers.len() < 2 {
                return Err(ToolError::invalid(format!(
                    "custom_questions[{index}] ({title}) needs at least two answers for a choice question."
                )));
            }
            if !needs_answers && !question.answers.is_empty() {
                return Err(ToolError::invalid(format!(
                    "custom_questions[{index}] ({title}) is a short answer question; leave answers empty."
                )));
            }
        }
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("registrants")
            .literal("questions");
        let body =
            json!({ "questions": params.questions, "custom_questions": params.custom_questions });
        self.state
            .zoom
            .send(Method::PATCH, &path, &Vec::new(), Some(&body))
            .await?;
        tracing::info!(
            tool = "update_registration_questions",
            webinar_id,
            "registration questions replaced"
        );
        let questions = fetch_questions(self, webinar_id).await?;
        Ok(Json(QuestionsResult {
            webinar_id,
            questions,
            message: Some(format!(
                "Replaced the registration questions of webinar {webinar_id}."
            )),
        }))
    }
}
