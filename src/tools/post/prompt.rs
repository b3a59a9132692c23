//! Schedule webinars from natural-language descriptions.

use chrono_tz::Tz;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, json};

use super::recurring::recurring_result;
use super::webinars::{create_for_host, created_result};
use crate::schedule::{
    ParsedSchedule, ScheduleError, parse_recurring_webinar_prompt, parse_webinar_prompt,
};
use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::time::{TimeDisplay, display_time, human_time};
use crate::tools::get::webinars::default_me;
use crate::tools::input::{Registration, check_duration, check_topic};
use crate::tools::views::webinar::WebinarDetail;

/// Maximum prompt length, in characters.
const MAX_PROMPT_CHARS: usize = 1000;

#[derive(Debug, Deserialize, JsonSchema)]
pub struct SchedulePromptParams {
    /// The webinar in plain English: a title, a date, a time and optionally a time zone and a
    /// duration, e.g. "Python workshop tomorrow 3pm for 90 minutes". Quote a title that contains
    /// date or schedule words. Times without a zone are read in the server's default time zone.
    pub prompt: String,
    /// Host: user id, email, or `me` (default).
    #[serde(default = "default_me")]
    pub user_id: String,
    /// Registration: none (default), automatic or manual.
    #[serde(default)]
    #[schemars(with = "Registration")]
    pub registration: Option<Registration>,
    /// Only show what was understood; create nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct ScheduleRecurringPromptParams {
    /// The series in plain English: a title, how it repeats, a time and an end, e.g.
    /// "\"Office hours\" every Tuesday and Thursday at 6pm IST for 8 weeks" or "Town hall first
    /// Monday of each month at 10:30 ET until March 31". Times without a zone are read in the
    /// server's default time zone.
    pub prompt: String,
    /// Host: user id, email, or `me` (default).
    #[serde(default = "default_me")]
    pub user_id: String,
    /// Registration: none (default), automatic or manual.
    #[serde(default)]
    #[schemars(with = "Registration")]
    pub registration: Option<Registration>,
    /// Only show what was understood; create nothing (default false).
    #[serde(default)]
    pub dry_run: bool,
}

impl From<ScheduleRecurringPromptParams> for SchedulePromptParams {
    fn from(params: ScheduleRecurringPromptParams) -> SchedulePromptParams {
        SchedulePromptParams {
            prompt: params.prompt,
            user_id: params.user_id,
            registration: params.registration,
            dry_run: params.dry_run,
        }
    }
}

/// The interpretation of a description.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Understood {
    pub topic: String,
    /// First start, in UTC and the webinar's time zone.
    pub start_time: TimeDisplay,
    pub timezone: String,
    /// The same start in the server's default time zone, when the description names another
    /// zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time_in_default_zone: Option<TimeDisplay>,
    /// Minutes.
    pub duration: u32,
    /// The recurrence in words, for recurring webinars.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recurrence: Option<String>,
    /// Occurrence count, for recurring webinars.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occurrence_count: Option<usize>,
    /// Every occurrence of a recurring webinar (at most 60), in UTC and the webinar's time zone.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub occurrences: Vec<TimeDisplay>,
    /// Values filled in and readings inferred because the description did not state them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub assumptions: Vec<String>,
    /// The start and occurrences as text for the summary, e.g. "Thu 10 Dec 2026 15:00 IST".
    #[serde(skip)]
    #[schemars(skip)]
    text: UnderstoodText,
}

/// Human-readable times for the text summary of a result.
#[derive(Debug, Default)]
struct UnderstoodText {
    start: String,
    start_in_default_zone: Option<(String, String)>,
    occurrences: Vec<String>,
}

/// Result of scheduling from a description.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ScheduleResult {
    pub created: bool,
    pub understood: Understood,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webinar: Option<WebinarDetail>,
    pub message: String,
}

impl ToolOutput for ScheduleResult {
    fn summary(&self) -> String {
        let understood = &self.understood;
        let mut text = format!(
            "{}\nUnderstood: \"{}\" starting {} ({}), {} minutes",
            self.message,
            understood.topic,
            understood.text.start,
            understood.timezone,
            understood.duration
        );
        if let Some(recurrence) = &understood.recurrence {
            text.push_str(&format!(", {recurrence}"));
        }
        text.push('.');
        if let Some((zone, start)) = &understood.text.start_in_default_zone {
            text.push_str(&format!("\nIn the default time zone ({zone}): {start}."));
        }
        if !understood.text.occurrences.is_empty() {
            text.push_str("\nOccurrences:");
            for (number, occurrence) in understood.text.occurrences.iter().enumerate() {
                text.push_str(&format!("\n  {}. {occurrence}", number + 1));
            }
        }
        for assumption in &understood.assumptions {
            text.push_str(&format!("\nAssumed: {assumption}"));
        }
        if let Some(url) = self
            .webinar
            .as_ref()
            .and_then(|webinar| webinar.row.join_url.as_ref())
        {
            text.push_str(&format!("\nJoin URL: {url}"));
        }
        text
    }
}

#[tool_router(router = create_from_prompt_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Schedule a single webinar from a plain-English description with a topic, a date, a time
    /// and optionally a time zone and a duration (e.g. "Python workshop tomorrow 3pm for 90
    /// minutes"). Shows the start it understood in the webinar's time zone and the server's default
    /// zone, and the assumptions made. With dry_run it creates nothing, so call it that way first
    /// to confirm. Recurring descriptions belong to schedule_recurring_webinar_from_prompt.
    #[tool(
        name = "schedule_webinar_from_prompt",
        title = "Schedule webinar from a description",
        annotations(
            title = "Schedule webinar from a description",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = false,
            open_world_hint = true
        )
    )]
    async fn schedule_webinar_from_prompt(
        &self,
        Parameters(params): Parameters<SchedulePromptParams>,
    ) -> Result<Json<ScheduleResult>, ToolError> {
        check_prompt(&params.prompt)?;
        let parsed =
            parse_webinar_prompt(&params.prompt, chrono::Utc::now(), self.state.time_zone())
                .map_err(name_the_other_tool)?;
        self.schedule_parsed(params, parsed).await
    }

    /// Schedule a recurring webinar from a plain-English description (e.g. "Office hours every
    /// Tuesday and Thursday at 6pm for 8 weeks", "first Monday of each month at 10:30 ET until
    /// March 31"). Shows the rule, every occurrence and the assumptions it understood, in the
    /// webinar's time zone and the server's default zone. With dry_run it creates nothing, so call
    /// it that way first to confirm.
    #[tool(
        name = "schedule_recurring_webinar_from_prompt",
        title = "Schedule recurring webinar from a description",
        annotations(
            title = "Schedule recurring webinar from a description",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = false,
            open_world_hint = true
        )
    )]
    async fn schedule_recurring_webinar_from_prompt(
        &self,
        Parameters(params): Parameters<ScheduleRecurringPromptParams>,
    ) -> Result<Json<ScheduleResult>, ToolError> {
        check_prompt(&params.prompt)?;
        let parsed = parse_recurring_webinar_prompt(
            &params.prompt,
            chrono::Utc::now(),
            self.state.time_zone(),
        )
        .map_err(name_the_other_tool)?;
        self.schedule_parsed(params.into(), parsed).await
    }
}

impl ZoomServer {
    async fn schedule_parsed(
        &self,
        params: SchedulePromptParams,
        parsed: ParsedSchedule,
    ) -> Result<Json<ScheduleResult>, ToolError> {
        let understood = understand(&parsed, self.state.time_zone());
        let time_zone = parsed.start.time_zone;

        if params.dry_run {
            // NOTE: the create call reads the prompt again, so a relative
            // date ("tomorrow") moves if the day changes in between.
            return Ok(Json(ScheduleResult {
                created: false,
                understood,
                webinar: None,
                message: "Dry run: nothing was created. Check the start, the occurrences and \
                          the assumptions, then call again with the same prompt and dry_run \
                          false to create it. Relative dates such as \"tomorrow\" are read \
                          again at that time."
                    .to_string(),
            }));
        }

        let mut body = Map::new();
        body.insert("topic".into(), json!(check_topic(&parsed.topic)?));
        body.insert("start_time".into(), json!(parsed.start.zoom_local()));
        body.insert("timezone".into(), json!(time_zone.name()));
        body.insert(
            "duration".into(),
            json!(check_duration(parsed.duration_minutes)?),
        );
        if let Some(registration) = params.registration {
            body.insert(
                "settings".into(),
                json!({ "approval_type": registration.approval_type() }),
            );
        }
        let (webinar, message) = match &parsed.recurrence {
            Some(recurrence) => {
                body.insert("type".into(), json!(9));
                body.insert("recurrence".into(), recurrence.to_zoom_json(time_zone));
                let webinar = create_for_host(&self.state, params.user_id.trim(), body).await?;
                let result = recurring_result(self, &webinar, recurrence, &parsed.start);
                (result.webinar, result.message.unwrap_or_default())
            }
            None => {
                body.insert("type".into(), json!(5));
                let webinar = create_for_host(&self.state, params.user_id.trim(), body).await?;
                let result = created_result(&self.state, &webinar);
                (result.webinar, result.message.unwrap_or_default())
            }
        };
        tracing::info!(tool = "schedule_from_prompt", webinar_id = webinar.row.id, starts = %human_time(parsed.start.utc, time_zone), "webinar scheduled from a description");
        Ok(Json(ScheduleResult {
            created: true,
            understood,
            webinar: Some(webinar),
            message,
        }))
    }
}

/// Builds the interpretation shown before and after creating: the start in
/// the webinar's zone and, when that differs, in `default_zone`, and every
/// occurrence of a series.
fn understand(parsed: &ParsedSchedule, default_zone: Tz) -> Understood {
    let time_zone = parsed.start.time_zone;
    let occurrences = parsed
        .recurrence
        .as_ref()
        .map(|recurrence| recurrence.occurrences(parsed.start.local, time_zone))
        .unwrap_or_default();
    let start = occurrences.first().copied().unwrap_or(parsed.start.utc);
    let in_default_zone = (default_zone != time_zone).then_some(default_zone);

    Understood {
        topic: parsed.topic.clone(),
        start_time: display_time(start, time_zone),
        timezone: time_zone.name().to_string(),
        start_time_in_default_zone: in_default_zone.map(|zone| display_time(start, zone)),
        duration: parsed.duration_minutes,
        recurrence: parsed
            .recurrence
            .as_ref()
            .map(|recurrence| recurrence.describe()),
        occurrence_count: parsed.recurrence.as_ref().map(|_| occurrences.len()),
        occurrences: occurrences
            .iter()
            .map(|utc| display_time(*utc, time_zone))
            .collect(),
        assumptions: parsed.assumptions.clone(),
        text: UnderstoodText {
            start: crate::tools::views::human_time_with_utc(start, time_zone),
            start_in_default_zone: in_default_zone
                .map(|zone| (zone.name().to_string(), human_time(start, zone))),
            occurrences: occurrences
                .iter()
                .map(|utc| human_time(*utc, time_zone))
                .collect(),
        },
    }
}

/// Add the name of the tool to use when a prompt went to the wrong one.
fn name_the_other_tool(error: ScheduleError) -> ToolError {
    match &error {
        ScheduleError::RecurrenceInOneOff { .. } => ToolError(format!(
            "{error}. The recurring tool is schedule_recurring_webinar_from_prompt."
        )),
        ScheduleError::MissingRecurrence { .. } => ToolError(format!(
            "{error}. The one-off tool is schedule_webinar_from_prompt."
        )),
        _ => error.into(),
    }
}

fn check_prompt(prompt: &str) -> Result<(), ToolError> {
    let chars = prompt.chars().count();
    if prompt.trim().is_empty() {
        return Err(ToolError::invalid(
            "prompt is empty. Describe the webinar, e.g. \"Python workshop tomorrow 3pm for 90 minutes\".",
        ));
    }
    if chars > MAX_PROMPT_CHARS {
        return Err(ToolError::invalid(format!(
            "prompt is {chars} characters long; the maximum is {MAX_PROMPT_CHARS}. Describe the topic, date, time and duration briefly."
        )));
    }
    Ok(())
}
