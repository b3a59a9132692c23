//! Past-webinar tools: participants, Q&A and absentees of an ended instance.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::webinars::check_occurrence_id;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::server::{AppState, ZoomServer};
use crate::tools::common::{Paging, WebinarId, check_page_token, page_size};
use crate::tools::views::past::{
    InstanceRow, ParticipantRow, QuestionRow, ZoomInstances, ZoomParticipantPage, ZoomQa,
};
use crate::tools::views::people::{RegistrantRow, ZoomRegistrantPage};
use crate::zoom::{ApiPath, Query};

/// Zoom's maximum page size for participant and absentee lists.
const PAST_MAX_PAGE_SIZE: u32 = 300;

#[derive(Debug, Deserialize, JsonSchema)]
pub struct PastWebinarParams {
    /// Webinar id (a 64-bit number).
    pub webinar_id: WebinarId,
    /// UUID of one ended instance (see `instances` in any past-webinar result). Omit for the
    /// latest instance.
    #[serde(default)]
    #[schemars(with = "String")]
    pub uuid: Option<String>,
    /// Rows per page, 1 to 300 (Zoom's maximum); default 30.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub page_size: Option<u32>,
    /// next_page_token from the previous result, to continue.
    #[serde(default)]
    #[schemars(with = "String")]
    pub next_page_token: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct PastQaParams {
    /// Webinar id (a 64-bit number).
    pub webinar_id: WebinarId,
    /// UUID of one ended instance. Omit for the latest instance.
    #[serde(default)]
    #[schemars(with = "String")]
    pub uuid: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct AbsenteesParams {
    /// Webinar id (a 64-bit number).
    pub webinar_id: WebinarId,
    /// UUID of one ended instance. Omit for the latest instance.
    #[serde(default)]
    #[schemars(with = "String")]
    pub uuid: Option<String>,
    /// Occurrence id of a recurring webinar.
    #[serde(default)]
    #[schemars(with = "String")]
    pub occurrence_id: Option<String>,
    /// Rows per page, 1 to 300 (Zoom's maximum); default 30.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub page_size: Option<u32>,
    /// next_page_token from the previous result, to continue.
    #[serde(default)]
    #[schemars(with = "String")]
    pub next_page_token: Option<String>,
}

/// The ended instance a result describes.
#[derive(Debug, Serialize, JsonSchema)]
pub struct InstanceChoice {
    pub webinar_id: u64,
    /// The instance UUID used.
    pub uuid: String,
    /// Whether the latest instance was picked because no uuid was given.
    pub latest: bool,
    /// Every ended instance, for choosing another one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub instances: Vec<InstanceRow>,
}

impl InstanceChoice {
    fn describe(&self) -> String {
        let which = if self.latest {
            "latest instance"
        } else {
            "instance"
        };
        let start = self
            .instances
            .iter()
            .find(|instance| instance.uuid == self.uuid)
            .and_then(|instance| instance.start_time.as_ref())
            .map(|time| format!(", started {}", time.local))
            .unwrap_or_default();
        format!("Webinar {} {which} {}{start}", self.webinar_id, self.uuid)
    }
}

/// Participants of one ended instance.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ParticipantList {
    pub instance: InstanceChoice,
    pub participants: Vec<ParticipantRow>,
    #[serde(flatten)]
    pub paging: Paging,
}

impl ToolOutput for ParticipantList {
    fn summary(&self) -> String {
        let mut text = format!(
            "{}: {} participants on this page",
            self.instance.describe(),
            self.participants.len()
        );
        if let Some(total) = self.paging.total_records {
            text.push_str(&format!(" ({total} in all)"));
        }
        text.push('.');
        for row in self.participants.iter().take(20) {
            let minutes = row
                .duration_seconds
                .map(|seconds| format!(", {} min", seconds / 60))
                .unwrap_or_default();
            text.push_str(&format!(
                "\n- {}{}{minutes}",
                row.name,
                row.email
                    .as_deref()
                    .map(|email| format!(" <{email}>"))
                    .unwrap_or_default()
            ));
        }
        if self.participants.len() > 20 {
            text.push_str(&format!(
                "\n- … {} more in the structured result",
                self.participants.len() - 20
            ));
        }
        text.push_str(&self.paging.summary_suffix());
        text
    }
}

/// Q&A of one ended instance.
#[derive(Debug, Serialize, JsonSchema)]
pub struct QaList {
    pub instance: InstanceChoice,
    pub questions: Vec<QuestionRow>,
    pub answered: usize,
    pub unanswered: usize,
}

impl ToolOutput for QaList {
    fn summary(&self) -> String {
        let mut text = format!(
            "{}: {} questions, {} answered, {} unanswered.",
            self.instance.describe(),
            self.questions.len(),
            self.answered,
            self.unanswered
        );
        for row in self.questions.iter().filter(|row| !row.answered).take(20) {
            text.push_str(&format!(
                "\n- unanswered, from {}: {}",
                row.asked_by, row.question
            ));
        }
        text
    }
}

/// Absentees (registrants who did not attend) of one ended instance.
#[derive(Debug, Serialize, JsonSchema)]
pub struct AbsenteeList {
    pub instance: InstanceChoice,
    pub absentees: Vec<RegistrantRow>,
    #[serde(flatten)]
    pub paging: Paging,
}

impl ToolOutput for AbsenteeList {
    fn summary(&self) -> String {
        let mut text = format!(
            "{}: {} absentees on this page",
            self.instance.describe(),
            self.absentees.len()
        );
        if let Some(total) = self.paging.total_records {
            text.push_str(&format!(" ({total} in all)"));
        }
        text.push('.');
        for row in self.absentees.iter().take(20) {
            text.push_str(&format!("\n- {} <{}>", row.name, row.email));
        }
        text.push_str(&self.paging.summary_suffix());
        text
    }
}

#[tool_router(router = past_router, vis = "pub(crate)")]
impl ZoomServer {
    /// List who attended an ended webinar: name, email, join and leave times, minutes attended and
    /// registrant id. Uses the latest ended instance unless a uuid is given, and names the instance used.
    #[tool(
        name = "list_webinar_participants",
        title = "List past webinar participants",
        annotations(
            title = "List past webinar participants",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn list_webinar_participants(
        &self,
        Parameters(params): Parameters<PastWebinarParams>,
    ) -> Result<Json<ParticipantList>, ToolError> {
        let size = page_size(params.page_size, PAST_MAX_PAGE_SIZE);
        let token = check_page_token(&params.next_page_token)?;
        let instance =
            choose_instance(&self.state, params.webinar_id.0, params.uuid.as_deref()).await?;
        let path = ApiPath::new()
            .literal("past_webinars")
            .webinar_id_or_uuid("uuid", &instance.uuid)?
            .literal("participants");
        let mut query: Query = vec![("page_size", size.value.to_string())];
        if let Some(token) = token {
            query.push(("next_page_token", token));
        }
        let page: ZoomParticipantPage = self.state.zoom.get(&path, &query).await?;
        let time_zone = self.state.time_zone();
        Ok(Json(ParticipantList {
            instance,
            participants: page
                .participants
                .into_iter()
                .map(|row| ParticipantRow::from_zoom(row, time_zone))
                .collect(),
            paging: Paging::new(size, page.total_records, page.next_page_token),
        }))
    }

    /// List the questions asked in an ended webinar's Q&A with their answers, marking unanswered
    /// ones. Uses the latest ended instance unless a uuid is given, and names the instance used.
    #[tool(
        name = "list_webinar_qa",
        title = "List past webinar Q&A",
        annotations(
            title = "List past webinar Q&A",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn list_webinar_qa(
        &self,
        Parameters(params): Parameters<PastQaParams>,
    ) -> Result<Json<QaList>, ToolError> {
        let instance =
            choose_instance(&self.state, params.webinar_id.0, params.uuid.as_deref()).await?;
        let path = ApiPath::new()
            .literal("past_webinars")
            .webinar_id_or_uuid("uuid", &instance.uuid)?
            .literal("qa");
        let qa: ZoomQa = self.state.zoom.get(&path, &Vec::new()).await?;
        let mut questions = Vec::new();
        for asker in qa.questions {
            for detail in asker.question_details {
                let answer = detail.answer.filter(|answer| !answer.trim().is_empty());
                questions.push(QuestionRow {
                    asked_by: asker.name.clone(),
                    email: asker.email.clone().filter(|email| !email.is_empty()),
                    question: detail.question,
                    answered: answer.is_some(),
                    answer,
                });
            }
        }
        let answered = questions.iter().filter(|row| row.answered).count();
        Ok(Json(QaList {
            instance,
            unanswered: questions.len() - answered,
            answered,
            questions,
        }))
    }

    /// List registrants who did not attend an ended webinar (needs registration on).
    /// Uses the latest ended instance unless a uuid is given, and names the instance used.
    #[tool(
        name = "get_webinar_absentees",
        title = "List past webinar absentees",
        annotations(
            title = "List past webinar absentees",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn get_webinar_absentees(
        &self,
        Parameters(params): Parameters<AbsenteesParams>,
    ) -> Result<Json<AbsenteeList>, ToolError> {
        let size = page_size(params.page_size, PAST_MAX_PAGE_SIZE);
        let token = check_page_token(&params.next_page_token)?;
        let occurrence_id = check_occurrence_id(&params.occurrence_id)?;
        let instance =
            choose_instance(&self.state, params.webinar_id.0, params.uuid.as_deref()).await?;
        let path = ApiPath::new()
            .literal("past_webinars")
            .webinar_id_or_uuid("uuid", &instance.uuid)?
            .literal("absentees");
        let mut query: Query = vec![("page_size", size.value.to_string())];
        if let Some(occurrence_id) = occurrence_id {
            query.push(("occurrence_id", occurrence_id));
        }
        if let Some(token) = token {
            query.push(("next_page_token", token));
        }
        let page: ZoomRegistrantPage = self.state.zoom.get(&path, &query).await?;
        let time_zone = self.state.time_zone();
        Ok(Json(AbsenteeList {
            instance,
            absentees: page
                .registrants
                .into_iter()
                .map(|row| RegistrantRow::from_zoom(row, None, time_zone))
                .collect(),
            paging: Paging::new(size, page.total_records, page.next_page_token),
        }))
    }
}

/// The instance to read: the given UUID, or the latest ended one. The
/// instance list is fetched either way so results can say which instance
/// they describe and what others exist.
async fn choose_instance(
    state: &AppState,
    webinar_id: u64,
    uuid: Option<&str>,
) -> Result<InstanceChoice, ToolError> {
    let uuid = uuid.map(str::trim).filter(|uuid| !uuid.is_empty());
    if let Some(uuid) = uuid {
        // Validate the UUID's characters before any request is sent.
        ApiPath::new().webinar_id_or_uuid("uuid", uuid)?;
    }
    let path = ApiPath::new()
        .literal("past_webinars")
        .number(webinar_id)
        .literal("instances");
    let listed: ZoomInstances = state.zoom.get(&path, &Vec::new()).await?;
    let time_zone = state.time_zone();
    let mut instances: Vec<InstanceRow> = listed
        .webinars
        .iter()
        .map(|instance| InstanceRow::from_zoom(instance, time_zone))
        .collect();
    instances.sort_by(|a, b| {
        let a_time = a.start_time.as_ref().map(|time| time.utc.clone());
        let b_time = b.start_time.as_ref().map(|time| time.utc.clone());
        b_time.cmp(&a_time)
    });

    match uuid {
        Some(uuid) => {
            if !instances.is_empty() && !instances.iter().any(|instance| instance.uuid == uuid) {
                return Err(ToolError::invalid(format!(
                    "uuid {uuid:?} is not an ended instance of webinar {webinar_id}. Its instances are: {}.",
                    instances
                        .iter()
                        .map(|instance| instance.uuid.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
            Ok(InstanceChoice {
                webinar_id,
                uuid: uuid.to_string(),
                latest: false,
                instances,
            })
        }
        None => match instances.first() {
            Some(latest) => Ok(InstanceChoice {
                webinar_id,
                uuid: latest.uuid.clone(),
                latest: true,
                instances,
            }),
            None => Err(ToolError::invalid(format!(
                "Webinar {webinar_id} has no ended instances yet, so there are no participants, Q&A or absentees to read."
            ))),
        },
    }
}
