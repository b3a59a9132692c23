//! One registrant, registration questions and tracking sources.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::panelists::WebinarIdParams;
use super::webinars::check_occurrence_id;
use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::tools::common::WebinarId;
use crate::tools::views::people::{RegistrantRow, ZoomRegistrant};
use crate::zoom::{ApiPath, Query};

#[derive(Debug, Deserialize, JsonSchema)]
pub struct GetRegistrantParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// Registrant id from list_webinar_registrants or find_registrant_by_email.
    pub registrant_id: String,
    /// Occurrence id, for webinars that register per occurrence.
    #[serde(
        default,
        deserialize_with = "crate::tools::common::optional_string_or_number"
    )]
    #[schemars(with = "String")]
    pub occurrence_id: Option<String>,
}

/// One registrant with their answers.
#[derive(Debug, Serialize, JsonSchema)]
pub struct RegistrantResult {
    pub webinar_id: u64,
    pub registrant: RegistrantRow,
}

impl ToolOutput for RegistrantResult {
    fn summary(&self) -> String {
        format!(
            "Registrant of webinar {}: {}",
            self.webinar_id,
            self.registrant.line()
        )
    }
}

/// A standard registration field and whether it is required.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct StandardQuestion {
    /// One of last_name, address, city, country, zip, state, phone, industry, org, job_title,
    /// purchasing_time_frame, role_in_purchase_process, no_of_employees, comments.
    pub field_name: StandardField,
    pub required: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StandardField {
    LastName,
    Address,
    City,
    Country,
    Zip,
    State,
    Phone,
    Industry,
    Org,
    JobTitle,
    PurchasingTimeFrame,
    RoleInPurchaseProcess,
    NoOfEmployees,
    Comments,
}

/// A custom registration question.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct CustomQuestion {
    /// The question shown to registrants.
    pub title: String,
    /// short (free text), single_radio, single_dropdown or multiple.
    #[serde(rename = "type")]
    pub kind: CustomQuestionKind,
    #[serde(default)]
    pub required: bool,
    /// Choices for single_radio, single_dropdown and multiple questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CustomQuestionKind {
    Short,
    SingleRadio,
    SingleDropdown,
    Multiple,
}

/// A webinar's registration questions.
#[derive(Debug, Default, Deserialize, Serialize, JsonSchema)]
pub struct RegistrationQuestions {
    #[serde(default)]
    pub questions: Vec<StandardQuestion>,
    #[serde(default)]
    pub custom_questions: Vec<CustomQuestion>,
}

/// Registration questions with the webinar they belong to.
#[derive(Debug, Serialize, JsonSchema)]
pub struct QuestionsResult {
    pub webinar_id: u64,
    #[serde(flatten)]
    pub questions: RegistrationQuestions,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl ToolOutput for QuestionsResult {
    fn summary(&self) -> String {
        let mut text = String::new();
        if let Some(message) = &self.message {
            text.push_str(message);
            text.push('\n');
        }
        let required = self
            .questions
            .questions
            .iter()
            .filter(|question| question.required)
            .count();
        text.push_str(&format!(
            "Webinar {} asks {} standard fields ({required} required) and {} custom questions.",
            self.webinar_id,
            self.questions.questions.len(),
            self.questions.custom_questions.len()
        ));
        for question in &self.questions.custom_questions {
            text.push_str(&format!(
                "\n- {}{}",
                question.title,
                if question.required { " (required)" } else { "" }
            ));
        }
        text
    }
}

/// A tracking source: a registration link that counts where registrants came from.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct TrackingSource {
    pub id: String,
    #[serde(default)]
    pub source_name: String,
    #[serde(default)]
    pub tracking_url: String,
    #[serde(default)]
    pub registration_count: u64,
    #[serde(default)]
    pub visitor_count: u64,
}

#[derive(Debug, Deserialize)]
struct ZoomTrackingSources {
    #[serde(default)]
    tracking_sources: Vec<TrackingSource>,
}

/// A webinar's tracking sources.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TrackingSourceList {
    pub webinar_id: u64,
    pub tracking_sources: Vec<TrackingSource>,
}

impl ToolOutput for TrackingSourceList {
    fn summary(&self) -> String {
        if self.tracking_sources.is_empty() {
            return format!("Webinar {} has no tracking sources.", self.webinar_id);
        }
        let mut text = format!(
            "Webinar {} has {} tracking sources:",
            self.webinar_id,
            self.tracking_sources.len()
        );
        for source in &self.tracking_sources {
            text.push_str(&format!(
                "\n- {}: {} registrations, {} visitors ({})",
                source.source_name,
                source.registration_count,
                source.visitor_count,
                source.tracking_url
            ));
        }
        text
    }
}

#[tool_router(router = registration_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Get one webinar registrant by registrant id: status, contact details, join URL and answers
    /// to registration questions.
    #[tool(
        name = "get_webinar_registrant",
        title = "Get registrant",
        annotations(
            title = "Get registrant",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn get_webinar_registrant(
        &self,
        Parameters(params): Parameters<GetRegistrantParams>,
    ) -> Result<Json<RegistrantResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("registrants")
            .value("registrant_id", params.registrant_id.trim())?;
        let mut query: Query = Vec::new();
        if let Some(occurrence_id) = check_occurrence_id(&params.occurrence_id)? {
            query.push(("occurrence_id", occurrence_id));
        }
        let registrant: ZoomRegistrant = self.state.zoom.get(&path, &query).await?;
        Ok(Json(RegistrantResult {
            webinar_id,
            registrant: RegistrantRow::from_zoom(registrant, None, self.state.time_zone(), true),
        }))
    }

    /// Get the questions a webinar's registration form asks: standard fields (required or not)
    /// and custom questions.
    #[tool(
        name = "get_registration_questions",
        title = "Get registration questions",
        annotations(
            title = "Get registration questions",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn get_registration_questions(
        &self,
        Parameters(params): Parameters<WebinarIdParams>,
    ) -> Result<Json<QuestionsResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let questions = fetch_questions(self, webinar_id).await?;
        Ok(Json(QuestionsResult {
            webinar_id,
            questions,
            message: None,
        }))
    }

    /// List a webinar's tracking sources (registration links per channel) with registration and
    /// visitor counts. Zoom offers no way to create or delete them through the API.
    #[tool(
        name = "list_tracking_sources",
        title = "List tracking sources",
        annotations(
            title = "List tracking sources",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn list_tracking_sources(
        &self,
        Parameters(params): Parameters<WebinarIdParams>,
    ) -> Result<Json<TrackingSourceList>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("tracking_sources");
        let list: ZoomTrackingSources = self.state.zoom.get(&path, &Vec::new()).await?;
        Ok(Json(TrackingSourceList {
            webinar_id,
            tracking_sources: list.tracking_sources,
        }))
    }
}

/// GET a webinar's registration questions.
pub async fn fetch_questions(
    server: &ZoomServer,
    webinar_id: u64,
) -> Result<RegistrationQuestions, ToolError> {
    let path = ApiPath::new()
        .literal("webinars")
        .number(webinar_id)
        .literal("registrants")
        .literal("questions");
    Ok(server.state.zoom.get(&path, &Vec::new()).await?)
}
