//! Create polls and invite links.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::tools::common::WebinarId;
use crate::tools::views::poll::PollRow;
use crate::zoom::{ApiPath, Method};

/// Zoom's limits for polls.
pub const MAX_POLL_TITLE_CHARS: usize = 64;
pub const MAX_QUESTION_CHARS: usize = 1024;
pub const MIN_CHOICES: usize = 2;
pub const MAX_CHOICES: usize = 10;
/// Zoom's limits for invite links.
pub const MAX_INVITE_ATTENDEES: usize = 500;
pub const MAX_INVITE_NAME_CHARS: usize = 64;
pub const MAX_INVITE_TTL_SECS: u64 = 7_776_000;
pub const DEFAULT_INVITE_TTL_SECS: u64 = 7200;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PollKind {
    /// A plain poll (Zoom poll_type 1).
    #[default]
    Poll,
    /// An advanced poll (poll_type 2); the account must have advanced polls on.
    AdvancedPoll,
    /// A quiz with right answers (poll_type 3); the account must have quizzes on.
    Quiz,
}

impl PollKind {
    fn zoom_value(self) -> i64 {
        match self {
            PollKind::Poll => 1,
            PollKind::AdvancedPoll => 2,
            PollKind::Quiz => 3,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// One answer from the choices.
    Single,
    /// Several answers from the choices.
    Multiple,
    /// Free text up to 500 characters (advanced poll or quiz).
    ShortAnswer,
    /// Free text up to 2000 characters (advanced poll or quiz).
    LongAnswer,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct QuestionInput {
    /// The question, at most 1024 characters.
    pub name: String,
    /// single, multiple, short_answer or long_answer.
    #[serde(rename = "type")]
    pub kind: QuestionKind,
    /// Choices for single and multiple questions: 2 to 10.
    #[serde(default)]
    pub answers: Vec<String>,
    /// Correct choices (quizzes); each must be one of `answers`.
    #[serde(default)]
    pub right_answers: Vec<String>,
    /// Whether attendees must answer.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub answer_required: Option<bool>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct CreatePollParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// Poll title, at most 64 characters.
    pub title: String,
    /// poll (default), advanced_poll or quiz.
    #[serde(default)]
    pub poll_type: PollKind,
    /// Hide who answered what (default false).
    #[serde(default)]
    pub anonymous: bool,
    /// The questions, at least one.
    pub questions: Vec<QuestionInput>,
}

/// The created poll.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CreatedPoll {
    pub webinar_id: u64,
    pub poll: PollRow,
}

impl ToolOutput for CreatedPoll {
    fn summary(&self) -> String {
        format!(
            "Created poll \"{}\" (id {}, {} questions) in webinar {}.",
            self.poll.title,
            self.poll.id,
            self.poll.questions.len(),
            self.webinar_id
        )
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct InviteeInput {
    /// Display name, at most 64 characters.
    pub name: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct InviteLinksParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// People to create personal join links for, 1 to 500.
    pub attendees: Vec<InviteeInput>,
    /// Link lifetime in seconds, 0 to 7776000 (90 days); default 7200 (2 hours).
    #[serde(default)]
    #[schemars(with = "u64")]
    pub ttl: Option<u64>,
}

/// A personal invite link.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct InviteLink {
    pub name: String,
    pub join_url: String,
}

#[derive(Debug, Deserialize)]
struct ZoomInviteLinks {
    #[serde(default)]
    attendees: Vec<InviteLink>,
}

/// Invite links created.
#[derive(Debug, Serialize, JsonSchema)]
pub struct InviteLinks {
    pub webinar_id: u64,
    pub attendees: Vec<InviteLink>,
    /// Lifetime of the links, in seconds.
    pub ttl: u64,
}

impl ToolOutput for InviteLinks {
    fn summary(&self) -> String {
        let mut text = format!(
            "Created {} invite link(s) for webinar {}, valid for {}.",
            self.attendees.len(),
            self.webinar_id,
            describe_seconds(self.ttl)
        );
        for link in self.attendees.iter().take(20) {
            text.push_str(&format!("\n- {}: {}", link.name, link.join_url));
        }
        text
    }
}

#[tool_router(router = create_polls_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Create a poll or quiz in a webinar: a title and questions with choices (single or
    /// multiple answer) or free text (advanced polls and quizzes).
    #[tool(
        name = "create_webinar_poll",
        title = "Create webinar poll",
        annotations(
            title = "Create webinar poll",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = false,
            open_world_hint = true
        )
    )]
    async fn create_webinar_poll(
        &self,
        Parameters(params): Parameters<CreatePollParams>,
    ) -> Result<Json<CreatedPoll>, ToolError> {
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
            .literal("polls");
        let created = self
            .state
            .zoom
            .send(Method::POST, &path, &Vec::new(), Some(&body))
            .await?
            .ok_or_else(|| {
                ToolError::invalid(
                    "Zoom created the poll but returned no body; get_webinar_polls lists it.",
                )
            })?;
        let poll: PollRow = crate::zoom::decode(created)?;
        tracing::info!(tool = "create_webinar_poll", webinar_id, "poll created");
        Ok(Json(CreatedPoll { webinar_id, poll }))
    }

    /// Create personal join links for named attendees of a webinar, valid for `ttl` seconds
    /// (default 2 hours, at most 90 days). Anyone with a link joins under that name.
    #[tool(
        name = "create_webinar_invite_links",
        title = "Create invite links",
        annotations(
            title = "Create invite links",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = false,
            open_world_hint = true
        )
    )]
    async fn create_webinar_invite_links(
        &self,
        Parameters(params): Parameters<InviteLinksParams>,
    ) -> Result<Json<InviteLinks>, ToolError> {
        let webinar_id = params.webinar_id.0;
        if params.attendees.is_empty() || params.attendees.len() > MAX_INVITE_ATTENDEES {
            return Err(ToolError::invalid(format!(
                "attendees has {} entries; Zoom takes 1 to {MAX_INVITE_ATTENDEES} per call.",
                params.attendees.len()
            )));
        }
        let ttl = params.ttl.unwrap_or(DEFAULT_INVITE_TTL_SECS);
        if ttl > MAX_INVITE_TTL_SECS {
            return Err(ToolError::invalid(format!(
                "ttl {ttl} is above Zoom's maximum of {MAX_INVITE_TTL_SECS} seconds (90 days)."
            )));
        }
        let mut attendees = Vec::new();
        for (index, attendee) in params.attendees.iter().enumerate() {
            let name = attendee.name.trim();
            if name.is_empty()
                || name.chars().count() > MAX_INVITE_NAME_CHARS
                || name.chars().any(char::is_control)
            {
                return Err(ToolError::invalid(format!(
                    "attendees[{index}].name must be 1 to {MAX_INVITE_NAME_CHARS} characters without control characters."
                )));
            }
            attendees.push(json!({ "name": name }));
        }
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("invite_links");
        let created = self
            .state
            .zoom
            .send(
                Method::POST,
                &path,
                &Vec::new(),
                Some(&json!({ "attendees": attendees, "ttl": ttl })),
            )
            .await?
            .ok_or_else(|| ToolError::invalid("Zoom returned no invite links."))?;
        let links: ZoomInviteLinks = crate::zoom::decode(created)?;
        tracing::info!(
            tool = "create_webinar_invite_links",
            webinar_id,
            count = links.attendees.len(),
            "invite links created"
        );
        Ok(Json(InviteLinks {
            webinar_id,
            attendees: links.attendees,
            ttl,
        }))
    }
}

/// Check a poll against Zoom's limits and build the request body, for
/// create (POST) and full replacement (PUT) alike.
pub fn poll_body(
    title: &str,
    poll_type: PollKind,
    anonymous: bool,
    questions: &[QuestionInput],
) -> Result<Value, ToolError> {
    let title = title.trim();
    let title_chars = title.chars().count();
    if title.is_empty() || title_chars > MAX_POLL_TITLE_CHARS {
        return Err(ToolError::invalid(format!(
            "title must be 1 to {MAX_POLL_TITLE_CHARS} characters; it has {title_chars}."
        )));
    }
    if questions.is_empty() {
        return Err(ToolError::invalid(
            "questions is empty. Give at least one question.",
        ));
    }
    let mut entries = Vec::new();
    for (index, question) in questions.iter().enumerate() {
        let field = format!("questions[{index}]");
        let name = question.name.trim();
        let name_chars = name.chars().count();
        if name.is_empty() || name_chars > MAX_QUESTION_CHARS {
            return Err(ToolError::invalid(format!(
                "{field}.name must be 1 to {MAX_QUESTION_CHARS} characters; it has {name_chars}."
            )));
        }
        let (kind, has_choices) = match question.kind {
            QuestionKind::Single => ("single", true),
            QuestionKind::Multiple => ("multiple", true),
            QuestionKind::ShortAnswer => ("short_answer", false),
            QuestionKind::LongAnswer => ("long_answer", false),
        };
        if !has_choices && poll_type == PollKind::Poll {
            return Err(ToolError::invalid(format!(
                "{field}.type {kind} needs poll_type advanced_poll or quiz; a plain poll takes single and multiple questions only."
            )));
        }
        let mut entry = json!({ "name": name, "type": kind });
        if has_choices {
            let count = question.answers.len();
            if !(MIN_CHOICES..=MAX_CHOICES).contains(&count) {
                return Err(ToolError::invalid(format!(
                    "{field}.answers has {count} choices; Zoom needs {MIN_CHOICES} to {MAX_CHOICES} for {kind} questions."
                )));
            }
            if question
                .answers
                .iter()
                .any(|answer| answer.trim().is_empty())
            {
                return Err(ToolError::invalid(format!(
                    "{field}.answers contains an empty choice."
                )));
            }
            for right in &question.right_answers {
                if !question.answers.contains(right) {
                    return Err(ToolError::invalid(format!(
                        "{field}.right_answers {right:?} is not one of its answers."
                    )));
                }
            }
            entry["answers"] = json!(question.answers);
        } else if !question.answers.is_empty() {
            return Err(ToolError::invalid(format!(
                "{field}.answers must be empty for {kind} questions."
            )));
        }
        if poll_type == PollKind::Quiz && has_choices && question.right_answers.is_empty() {
            return Err(ToolError::invalid(format!(
                "{field}.right_answers is empty; quiz questions need the correct choices."
            )));
        }
        if !question.right_answers.is_empty() {
            entry["right_answers"] = json!(question.right_answers);
        }
        if let Some(required) = question.answer_required {
            entry["answer_required"] = json!(required);
        }
        entries.push(entry);
    }
    Ok(json!({
        "title": title,
        "poll_type": poll_type.zoom_value(),
        "anonymous": anonymous,
        "questions": entries,
    }))
}

/// Describe a lifetime in the largest whole unit: "90 days", "2 hours", "45 minutes".
fn describe_seconds(seconds: u64) -> String {
    let (value, unit) = if seconds >= 86_400 && seconds.is_multiple_of(86_400) {
        (seconds / 86_400, "day")
    } else if seconds >= 3600 && seconds.is_multiple_of(3600) {
        (seconds / 3600, "hour")
    } else if seconds >= 60 && seconds.is_multiple_of(60) {
        (seconds / 60, "minute")
    } else {
        (seconds, "second")
    };
    format!("{value} {unit}{}", if value == 1 { "" } else { "s" })
}
