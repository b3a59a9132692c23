//! Webinar reports: details, participants, polls, Q&A and survey answers of
//! an ended webinar. Zoom's report endpoints need the `report:read:admin`
//! scope and cover webinars of the last year (participants: 6 months).

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::time::TimeDisplay;
use crate::tools::common::check_page_token;
use crate::tools::paging::{ListPaging, Page, limits, paged_query, walk};
use crate::tools::progress::Progress;
use crate::tools::views::past::{ParticipantRow, ZoomParticipantPage};
use crate::tools::views::report::{
    AnswerRow, QaReportRow, QuestionTally, ReportInstance, ZoomPollReport, ZoomQaReport,
    ZoomReportDetails, ZoomSurveyReport, answer_rows, qa_rows, tally, tally_lines,
};
use crate::tools::views::show_time;
use crate::zoom::ApiPath;
use rmcp::RoleServer;
use rmcp::service::RequestContext;

/// Zoom's maximum page size for the participant report.
const REPORT_MAX_PAGE_SIZE: u32 = 300;

/// A numeric webinar id or an instance UUID, given as a JSON string or
/// number.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct WebinarIdOrUuid(pub String);

impl JsonSchema for WebinarIdOrUuid {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "WebinarIdOrUuid".into()
    }

    fn json_schema(_generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A webinar id (a 64-bit number, as a number or a string) or an instance UUID.",
            "type": ["string", "integer"]
        })
    }
}

impl<'de> Deserialize<'de> for WebinarIdOrUuid {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::String(text) => Ok(WebinarIdOrUuid(text.trim().to_string())),
            Value::Number(number) if number.is_u64() => Ok(WebinarIdOrUuid(number.to_string())),
            other => Err(serde::de::Error::custom(format!(
                "webinar_id {} is neither a webinar id nor an instance UUID: pass the number from list_webinars or a UUID from list_past_webinar_instances",
                other.to_string().chars().take(40).collect::<String>()
            ))),
        }
    }
}

impl WebinarIdOrUuid {
    /// `/report/webinars/{webinarId}`, with a UUID encoded as Zoom requires.
    fn report_path(&self) -> Result<ApiPath, ToolError> {
        Ok(ApiPath::new()
            .literal("report")
            .literal("webinars")
            .webinar_id_or_uuid("webinar_id", &self.0)?)
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct ReportParams {
    /// A webinar id (a 64-bit number) for its latest ended instance, or the UUID of one ended
    /// instance.
    pub webinar_id: WebinarIdOrUuid,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct ReportParticipantsParams {
    /// A webinar id (a 64-bit number) for its latest ended instance, or the UUID of one ended
    /// instance.
    pub webinar_id: WebinarIdOrUuid,
    /// Rows per page, 1 to 300 (Zoom's maximum); default 30.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub page_size: Option<u32>,
    /// next_page_token from the previous result, to continue (tokens expire after 15 minutes).
    #[serde(default)]
    #[schemars(with = "String")]
    pub next_page_token: Option<String>,
    /// Rows to return in all, following Zoom's pages: 1 to 500; default one page.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub max_results: Option<u32>,
    /// Include Zoom's participant id in each row.
    #[serde(default)]
    pub detail: bool,
}

/// Zoom's report on one ended webinar instance.
#[derive(Debug, Serialize, JsonSchema)]
pub struct WebinarReport {
    pub instance: ReportInstance,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Zoom's webinar type: 5 single, 6 recurring without a fixed time, 9 recurring.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub webinar_type: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_time: Option<TimeDisplay>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_minutes: Option<i64>,
    /// Minutes attended by everyone together, host included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_minutes: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participants_count: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dept: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tracking_fields: Vec<serde_json::Map<String, Value>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub custom_keys: Vec<serde_json::Map<String, Value>>,
    #[serde(skip)]
    requested: String,
}

impl ToolOutput for WebinarReport {
    fn summary(&self) -> String {
        let mut text = format!(
            "{}: {}",
            self.instance.describe(&self.requested),
            self.topic.as_deref().unwrap_or("(no topic)")
        );
        if let Some(host) = self.host_email.as_deref().or(self.host_name.as_deref()) {
            text.push_str(&format!(", host {host}"));
        }
        if let Some(minutes) = self.duration_minutes {
            text.push_str(&format!(", {minutes} min"));
        }
        if let Some(count) = self.participants_count {
            text.push_str(&format!(", {count} participants"));
        }
        if let Some(total) = self.total_minutes {
            text.push_str(&format!(", {total} minutes attended in all"));
        }
        text.push('.');
        text
    }
}

/// A page of the participant report.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ReportParticipantList {
    /// The webinar id or UUID the report was requested for.
    pub webinar_id: String,
    pub participants: Vec<ParticipantRow>,
    #[serde(flatten)]
    pub paging: ListPaging,
}

impl ToolOutput for ReportParticipantList {
    fn summary(&self) -> String {
        let mut text = format!(
            "Webinar {} participant report: {} rows on this page",
            self.webinar_id,
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
            let email = row
                .email
                .as_deref()
                .map(|email| format!(" <{email}>"))
                .unwrap_or_default();
            let registrant = row
                .registrant_id
                .as_deref()
                .map(|id| format!(", registrant {id}"))
                .unwrap_or_default();
            text.push_str(&format!("\n- {}{email}{minutes}{registrant}", row.name));
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

/// Poll or survey answers of one ended instance.
#[derive(Debug, Serialize, JsonSchema)]
pub struct AnswerReport {
    pub instance: ReportInstance,
    /// Survey id and name (survey reports only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub survey_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub survey_name: Option<String>,
    /// Each question with how often each answer was given.
    pub tallies: Vec<QuestionTally>,
    /// Every answer, one row per person and question.
    pub answers: Vec<AnswerRow>,
    /// People who answered at least one question.
    pub respondents: usize,
    #[serde(skip)]
    report_kind: &'static str,
    #[serde(skip)]
    requested: String,
}

impl ToolOutput for AnswerReport {
    fn summary(&self) -> String {
        let mut text = format!(
            "{} {} report",
            self.instance.describe(&self.requested),
            self.report_kind
        );
        if let Some(name) = self.survey_name.as_deref().filter(|name| !name.is_empty()) {
            text.push_str(&format!(" (\"{name}\")"));
        }
        if self.answers.is_empty() {
            text.push_str(": no answers.");
            return text;
        }
        text.push_str(&format!(
            ": {} answers from {} people to {} questions.",
            self.answers.len(),
            self.respondents,
            self.tallies.len()
        ));
        text.push_str(&tally_lines(&self.tallies));
        text
    }
}

/// Q&A of one ended instance.
#[derive(Debug, Serialize, JsonSchema)]
pub struct QaReport {
    pub instance: ReportInstance,
    pub questions: Vec<QaReportRow>,
    pub answered: usize,
    pub unanswered: usize,
    #[serde(skip)]
    requested: String,
}

impl ToolOutput for QaReport {
    fn summary(&self) -> String {
        let mut text = format!(
            "{} Q&A report: {} questions, {} answered, {} unanswered.",
            self.instance.describe(&self.requested),
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

#[tool_router(router = reports_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Get Zoom's report on an ended webinar: topic, host, start and end time, duration,
    /// participant count and total minutes attended. Pass a webinar id for its latest ended
    /// instance or an instance UUID. Needs the report:read:admin scope; covers the last year.
    #[tool(
        name = "get_webinar_report",
        title = "Get webinar report",
        annotations(
            title = "Get webinar report",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn get_webinar_report(
        &self,
        Parameters(params): Parameters<ReportParams>,
    ) -> Result<Json<WebinarReport>, ToolError> {
        let path = params.webinar_id.report_path()?;
        let details: ZoomReportDetails = self.state.zoom.get(&path, &Vec::new()).await?;
        let time_zone = self.state.time_zone();
        Ok(Json(WebinarReport {
            instance: ReportInstance::new(
                details.id,
                details.uuid,
                details.start_time.as_deref(),
                time_zone,
            ),
            topic: details.topic,
            webinar_type: details.webinar_type,
            host_name: details.user_name.filter(|name| !name.is_empty()),
            host_email: details.user_email.filter(|email| !email.is_empty()),
            end_time: show_time(details.end_time.as_deref(), time_zone),
            duration_minutes: details.duration,
            total_minutes: details.total_minutes,
            participants_count: details.participants_count,
            dept: details.dept.filter(|dept| !dept.is_empty()),
            tracking_fields: details.tracking_fields,
            custom_keys: details.custom_keys,
            requested: params.webinar_id.0,
        }))
    }

    /// List Zoom's participant report of an ended webinar, one page at a time: name, email,
    /// join and leave times, seconds attended and registrant id. A person who rejoined has one
    /// row per session. Pass a webinar id for its latest ended instance or an instance UUID.
    /// Needs the report:read:admin scope; covers the last 6 months.
    #[tool(
        name = "list_webinar_report_participants",
        title = "List webinar report participants",
        annotations(
            title = "List webinar report participants",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn list_webinar_report_participants(
        &self,
        Parameters(params): Parameters<ReportParticipantsParams>,
        context: RequestContext<RoleServer>,
    ) -> Result<Json<ReportParticipantList>, ToolError> {
        let limits = limits(params.page_size, params.max_results, REPORT_MAX_PAGE_SIZE);
        let token = check_page_token(&params.next_page_token)?;
        let path = params.webinar_id.report_path()?.literal("participants");
        let state = &self.state;
        let mut progress = Progress::new(&context);
        let walked = walk(&limits, token, &mut progress, |size, token| {
            let path = path.clone();
            async move {
                let mut query = paged_query(size, token);
                query.push(("include_fields", "registrant_id".to_string()));
                let page: ZoomParticipantPage = state.zoom.get(&path, &query).await?;
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
        Ok(Json(ReportParticipantList {
            webinar_id: params.webinar_id.0,
            participants: walked
                .rows
                .into_iter()
                .map(|row| ParticipantRow::from_zoom(row, time_zone, params.detail))
                .collect(),
            paging,
        }))
    }

    /// Get Zoom's poll report of an ended webinar: every answer by person and question, and a
    /// count of each answer per question. Pass a webinar id for its latest ended instance or
    /// an instance UUID. Needs the report:read:admin scope.
    #[tool(
        name = "get_webinar_report_polls",
        title = "Get webinar poll report",
        annotations(
            title = "Get webinar poll report",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn get_webinar_report_polls(
        &self,
        Parameters(params): Parameters<ReportParams>,
    ) -> Result<Json<AnswerReport>, ToolError> {
        let path = params.webinar_id.report_path()?.literal("polls");
        let report: ZoomPollReport = self.state.zoom.get(&path, &Vec::new()).await?;
        let instance = ReportInstance::new(
            report.id,
            report.uuid,
            report.start_time.as_deref(),
            self.state.time_zone(),
        );
        let respondents = report
            .questions
            .iter()
            .filter(|respondent| !respondent.question_details.is_empty())
            .count();
        let answers = answer_rows(report.questions);
        Ok(Json(AnswerReport {
            instance,
            survey_id: None,
            survey_name: None,
            tallies: tally(&answers),
            answers,
            respondents,
            report_kind: "poll",
            requested: params.webinar_id.0,
        }))
    }

    /// Get Zoom's Q&A report of an ended webinar: each question with who asked it, when, its
    /// status, and the answers and comments, marking unanswered ones. Pass a webinar id for its
    /// latest ended instance or an instance UUID. Needs the report:read:admin scope.
    #[tool(
        name = "get_webinar_report_qa",
        title = "Get webinar Q&A report",
        annotations(
            title = "Get webinar Q&A report",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn get_webinar_report_qa(
        &self,
        Parameters(params): Parameters<ReportParams>,
    ) -> Result<Json<QaReport>, ToolError> {
        let path = params.webinar_id.report_path()?.literal("qa");
        let report: ZoomQaReport = self.state.zoom.get(&path, &Vec::new()).await?;
        let time_zone = self.state.time_zone();
        let questions = qa_rows(report.questions, time_zone);
        let answered = questions.iter().filter(|row| row.answered).count();
        Ok(Json(QaReport {
            instance: ReportInstance::new(
                report.id,
                report.uuid,
                report.start_time.as_deref(),
                time_zone,
            ),
            unanswered: questions.len() - answered,
            answered,
            questions,
            requested: params.webinar_id.0,
        }))
    }

    /// Get Zoom's survey report of an ended webinar: the survey's name, every answer by person
    /// and question, and a count of each answer per question. Pass a webinar id for its latest
    /// ended instance or an instance UUID. Needs the report:read:admin scope.
    #[tool(
        name = "get_webinar_report_survey",
        title = "Get webinar survey report",
        annotations(
            title = "Get webinar survey report",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn get_webinar_report_survey(
        &self,
        Parameters(params): Parameters<ReportParams>,
    ) -> Result<Json<AnswerReport>, ToolError> {
        let path = params.webinar_id.report_path()?.literal("survey");
        let report: ZoomSurveyReport = self.state.zoom.get(&path, &Vec::new()).await?;
        let instance = ReportInstance::new(
            report.webinar_id,
            report.webinar_uuid,
            report.start_time.as_deref(),
            self.state.time_zone(),
        );
        let respondents = report
            .survey_answers
            .iter()
            .filter(|respondent| !respondent.question_details.is_empty())
            .count();
        let answers = answer_rows(report.survey_answers);
        Ok(Json(AnswerReport {
            instance,
            survey_id: report.survey_id.filter(|id| !id.is_empty()),
            survey_name: report.survey_name.filter(|name| !name.is_empty()),
            tallies: tally(&answers),
            answers,
            respondents,
            report_kind: "survey",
            requested: params.webinar_id.0,
        }))
    }
}
