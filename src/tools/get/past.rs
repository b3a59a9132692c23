//! Past-webinar tools: participants, Q&A and absentees of an ended instance.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::webinars::check_occurrence_id;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::server::{AppState, ZoomServer};
use crate::tools::common::{WebinarId, check_page_token};
use crate::tools::paging::{ListPaging, Page, limits, paged_query, walk};
use crate::tools::progress::Progress;
use crate::tools::views::describe_time;
use crate::tools::views::past::{
    InstanceRow, ParticipantRow, QuestionRow, ZoomInstances, ZoomParticipantPage, ZoomQa,
};
use crate::tools::views::people::{RegistrantRow, ZoomRegistrantPage};
use crate::zoom::ApiPath;
use rmcp::RoleServer;
use rmcp::service::RequestContext;

/// Zoom's maximum page size for participant and absentee lists.
pub const PAST_MAX_PAGE_SIZE: u32 = 300;

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
    /// Rows to return in all, following Zoom's pages: 1 to 500; default one page.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub max_results: Option<u32>,
    /// Include every field Zoom returns for each row instead of the compact set.
    #[serde(default)]
    pub detail: bool,
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
    #[serde(
        default,
        deserialize_with = "crate::tools::common::optional_string_or_number"
    )]
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
    /// Rows to return in all, following Zoom's pages: 1 to 500; default one page.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub max_results: Option<u32>,
    /// Include every field Zoom returns for each row instead of the compact set.
    #[serde(default)]
    pub detail: bool,
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
            .map(|time| format!(", started {}", describe_time(time)))
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
    pub paging: ListPaging,
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
    pub paging: ListPaging,
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

#[derive(Debug, Deserialize, JsonSchema)]
pub struct WebinarOnlyParams {
    /// Webinar id (a 64-bit number).
    pub webinar_id: WebinarId,
}

/// The ended instances of a webinar.
#[derive(Debug, Serialize, JsonSchema)]
pub struct InstanceList {
    pub webinar_id: u64,
    /// Newest first.
    pub instances: Vec<InstanceRow>,
}

impl ToolOutput for InstanceList {
    fn summary(&self) -> String {
        if self.instances.is_empty() {
            return format!("Webinar {} has no ended instances.", self.webinar_id);
        }
        let mut text = format!(
            "Webinar {} has {} ended instances (newest first):",
            self.webinar_id,
            self.instances.len()
        );
        for instance in &self.instances {
            let start = instance
                .start_time
                .as_ref()
                .map(describe_time)
                .unwrap_or_default();
            text.push_str(&format!("\n- {} started {start}", instance.uuid));
        }
        text
    }
}

/// How often one answer was given to one poll question.
#[derive(Debug, Serialize, JsonSchema)]
pub struct AnswerCount {
    pub answer: String,
    pub count: usize,
}

/// Results of one poll question.
#[derive(Debug, Serialize, JsonSchema)]
pub struct QuestionResults {
    /// Poll id, when Zoom reports it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub poll_id: Option<String>,
    pub question: String,
    pub responses: usize,
    /// Answer counts, most frequent first.
    pub answers: Vec<AnswerCount>,
}

/// Poll results of one ended instance.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PastPollResults {
    pub instance: InstanceChoice,
    /// People who answered at least one question.
    pub respondents: usize,
    pub questions: Vec<QuestionResults>,
}

impl ToolOutput for PastPollResults {
    fn summary(&self) -> String {
        let mut text = format!(
            "{}: {} respondents.",
            self.instance.describe(),
            self.respondents
        );
        for question in &self.questions {
            let answers: Vec<String> = question
                .answers
                .iter()
                .take(5)
                .map(|answer| format!("{} ({})", answer.answer, answer.count))
                .collect();
            text.push_str(&format!(
                "\n- {}: {}",
                question.question,
                answers.join(", ")
            ));
        }
        text
    }
}

#[derive(Debug, Deserialize)]
struct ZoomPastPolls {
    #[serde(default)]
    questions: Vec<ZoomPollRespondent>,
}

#[derive(Debug, Deserialize)]
struct ZoomPollRespondent {
    #[serde(default)]
    question_details: Vec<ZoomPollAnswer>,
}

#[derive(Debug, Deserialize)]
struct ZoomPollAnswer {
    #[serde(default)]
    question: String,
    #[serde(default)]
    answer: String,
    #[serde(default)]
    polling_id: Option<String>,
}

#[tool_router(router = past_router, vis = "pub(crate)")]
impl ZoomServer {
    /// List the ended instances of a webinar (newest first) with their UUIDs and start times.
    /// Pass a UUID to the other past-webinar tools to read one instance.
    #[tool(
        name = "list_past_webinar_instances",
        title = "List past webinar instances",
        annotations(
            title = "List past webinar instances",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn list_past_webinar_instances(
        &self,
        Parameters(params): Parameters<WebinarOnlyParams>,
    ) -> Result<Json<InstanceList>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let instances = fetch_instances(&self.state, webinar_id).await?;
        Ok(Json(InstanceList {
            webinar_id,
            instances,
        }))
    }

    /// Summarise the poll answers of an ended webinar: for each question, how many gave each
    /// answer. Uses the latest ended instance unless a uuid is given, and names the instance used.
    #[tool(
        name = "get_past_webinar_poll_results",
        title = "Past webinar poll results",
        annotations(
            title = "Past webinar poll results",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn get_past_webinar_poll_results(
        &self,
        Parameters(params): Parameters<PastQaParams>,
    ) -> Result<Json<PastPollResults>, ToolError> {
        let instance =
            choose_instance(&self.state, params.webinar_id.0, params.uuid.as_deref()).await?;
        let path = ApiPath::new()
            .literal("past_webinars")
            .webinar_id_or_uuid("uuid", &instance.uuid)?
            .literal("polls");
        let polls: ZoomPastPolls = self.state.zoom.get(&path, &Vec::new()).await?;
        let respondents = polls
            .questions
            .iter()
            .filter(|respondent| !respondent.question_details.is_empty())
            .count();
        let mut questions: Vec<QuestionResults> = Vec::new();
        for respondent in &polls.questions {
            for detail in &respondent.question_details {
                let position = questions.iter().position(|entry| {
                    entry.question == detail.question && entry.poll_id == detail.polling_id
                });
                let entry = match position {
                    Some(index) => &mut questions[index],
                    None => {
                        questions.push(QuestionResults {
                            poll_id: detail.polling_id.clone(),
                            question: detail.question.clone(),
                            responses: 0,
                            answers: Vec::new(),
                        });
                        questions.last_mut().expect("just pushed")
                    }
                };
                entry.responses += 1;
                // Zoom joins the choices of a multiple-answer question with ";".
                for answer in detail
                    .answer
                    .split(';')
                    .map(str::trim)
                    .filter(|answer| !answer.is_empty())
                {
                    match entry
                        .answers
                        .iter_mut()
                        .find(|count| count.answer == answer)
                    {
                        Some(count) => count.count += 1,
                        None => entry.answers.push(AnswerCount {
                            answer: answer.to_string(),
                            count: 1,
                        }),
                    }
                }
            }
        }
        for question in &mut questions {
            question
                .answers
                .sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.answer.cmp(&b.answer)));
        }
        Ok(Json(PastPollResults {
            instance,
            respondents,
            questions,
        }))
    }

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
        context: RequestContext<RoleServer>,
    ) -> Result<Json<ParticipantList>, ToolError> {
        let limits = limits(params.page_size, params.max_results, PAST_MAX_PAGE_SIZE);
        let token = check_page_token(&params.next_page_token)?;
        let instance =
            choose_instance(&self.state, params.webinar_id.0, params.uuid.as_deref()).await?;
        let path = ApiPath::new()
            .literal("past_webinars")
            .webinar_id_or_uuid("uuid", &instance.uuid)?
            .literal("participants");
        let state = &self.state;
        let mut progress = Progress::new(&context);
        let walked = walk(&limits, token, &mut progress, |size, token| {
            let path = path.clone();
            async move {
                let page: ZoomParticipantPage =
                    state.zoom.get(&path, &paged_query(size, token)).await?;
                Ok(Page {
                    rows: page.participants,
                    next_page_token: page.next_page_token,
                    total_records: page.total_records,
                })
            }
        })
        .await?;
        let time_zone = self.state.time_zone();
        let paging = ListPaging::new(limits, &walked);
        Ok(Json(ParticipantList {
            instance,
            participants: walked
                .rows
                .into_iter()
                .map(|row| ParticipantRow::from_zoom(row, time_zone, params.detail))
                .collect(),
            paging,
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
        context: RequestContext<RoleServer>,
    ) -> Result<Json<AbsenteeList>, ToolError> {
        let limits = limits(params.page_size, params.max_results, PAST_MAX_PAGE_SIZE);
        let token = check_page_token(&params.next_page_token)?;
        let occurrence_id = check_occurrence_id(&params.occurrence_id)?;
        let instance =
            choose_instance(&self.state, params.webinar_id.0, params.uuid.as_deref()).await?;
        let path = ApiPath::new()
            .literal("past_webinars")
            .webinar_id_or_uuid("uuid", &instance.uuid)?
            .literal("absentees");
        let state = &self.state;
        let mut progress = Progress::new(&context);
        let walked = walk(&limits, token, &mut progress, |size, token| {
            let path = path.clone();
            let occurrence_id = occurrence_id.clone();
            async move {
                let mut query = paged_query(size, token);
                if let Some(occurrence_id) = occurrence_id {
                    query.push(("occurrence_id", occurrence_id));
                }
                let page: ZoomRegistrantPage = state.zoom.get(&path, &query).await?;
                Ok(Page {
                    rows: page.registrants,
                    next_page_token: page.next_page_token,
                    total_records: page.total_records,
                })
            }
        })
        .await?;
        let time_zone = self.state.time_zone();
        let paging = ListPaging::new(limits, &walked);
        Ok(Json(AbsenteeList {
            instance,
            absentees: walked
                .rows
                .into_iter()
                .map(|row| RegistrantRow::from_zoom(row, None, time_zone, params.detail))
                .collect(),
            paging,
        }))
    }
}

/// Fetch a webinar's ended instances, newest first.
async fn fetch_instances(state: &AppState, webinar_id: u64) -> Result<Vec<InstanceRow>, ToolError> {
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
    Ok(instances)
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
    let instances = fetch_instances(state, webinar_id).await?;

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
