//! Update a webinar's post-webinar survey.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError};
use crate::tools::common::WebinarId;
use crate::tools::get::surveys::{SurveyResult, fetch_survey};
use crate::tools::limits::{check_text, check_url};
use crate::zoom::{ApiPath, Method};

/// Zoom's survey limits, from Zoom's OpenAPI spec.
const MAX_TITLE_CHARS: usize = 64;
const MAX_FEEDBACK_CHARS: usize = 320;
const MAX_QUESTIONS: usize = 100;
const MAX_QUESTION_CHARS: usize = 420;
const MAX_ANSWER_CHARS: usize = 200;
const MAX_PROMPT_CHARS: usize = 200;
const MIN_PROMPTS: usize = 2;
const MAX_PROMPTS: usize = 10;
const MAX_SHORT_ANSWER_CHARS: u32 = 500;
const MAX_LONG_ANSWER_CHARS: u32 = 2000;
const MAX_RATING_VALUE: u32 = 10;
const MAX_RATING_LABEL_CHARS: usize = 50;
const MAX_THIRD_PARTY_LINK_CHARS: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SurveyQuestionKind {
    /// One answer from 2 to 50 choices.
    Single,
    /// Several answers from 2 to 50 choices.
    Multiple,
    /// Match 2 to 10 prompts with 2 to 16 answers.
    Matching,
    /// Order 2 to 7 answers for each of 2 to 10 prompts.
    RankOrder,
    /// Free text up to 500 characters.
    ShortAnswer,
    /// Free text up to 2000 characters.
    LongAnswer,
    /// Fill in the blanks of the question text.
    FillInTheBlank,
    /// A rating from rating_min_value to rating_max_value (at most 10).
    RatingScale,
}

impl SurveyQuestionKind {
    fn zoom_value(self) -> &'static str {
        match self {
            SurveyQuestionKind::Single => "single",
            SurveyQuestionKind::Multiple => "multiple",
            SurveyQuestionKind::Matching => "matching",
            SurveyQuestionKind::RankOrder => "rank_order",
            SurveyQuestionKind::ShortAnswer => "short_answer",
            SurveyQuestionKind::LongAnswer => "long_answer",
            SurveyQuestionKind::FillInTheBlank => "fill_in_the_blank",
            SurveyQuestionKind::RatingScale => "rating_scale",
        }
    }

    /// The allowed number of answers, or `None` when the type takes none.
    fn answer_range(self) -> Option<(usize, usize)> {
        match self {
            SurveyQuestionKind::Single | SurveyQuestionKind::Multiple => Some((2, 50)),
            SurveyQuestionKind::Matching => Some((2, 16)),
            SurveyQuestionKind::RankOrder => Some((2, 7)),
            _ => None,
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct SurveyQuestionInput {
    /// The question, 1 to 420 characters.
    pub name: String,
    /// single, multiple, matching, rank_order, short_answer, long_answer, fill_in_the_blank or
    /// rating_scale.
    #[serde(rename = "type")]
    pub kind: SurveyQuestionKind,
    /// Whether attendees must answer (Zoom's default false).
    #[serde(default)]
    #[schemars(with = "bool")]
    pub answer_required: Option<bool>,
    /// single questions only: show the choices as a drop-down list.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub show_as_dropdown: Option<bool>,
    /// Choices of at most 200 characters each. single and multiple take 2 to 50, matching 2 to
    /// 16 and rank_order 2 to 7. The other types take none.
    #[serde(default)]
    pub answers: Vec<String>,
    /// matching and rank_order only: 2 to 10 prompts, each at most 200 characters.
    #[serde(default)]
    pub prompts: Vec<String>,
    /// short_answer and long_answer only: minimum answer length, at least 1.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub answer_min_character: Option<u32>,
    /// short_answer and long_answer only: maximum answer length, at most 500 (short) or
    /// 2000 (long).
    #[serde(default)]
    #[schemars(with = "u32")]
    pub answer_max_character: Option<u32>,
    /// rating_scale only: lowest rating, 0 or more.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub rating_min_value: Option<u32>,
    /// rating_scale only: highest rating, at most 10.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub rating_max_value: Option<u32>,
    /// rating_scale only: label of the lowest rating, at most 50 characters.
    #[serde(default)]
    #[schemars(with = "String")]
    pub rating_min_label: Option<String>,
    /// rating_scale only: label of the highest rating, at most 50 characters.
    #[serde(default)]
    #[schemars(with = "String")]
    pub rating_max_label: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct CustomSurveyInput {
    /// Survey title, at most 64 characters.
    #[serde(default)]
    #[schemars(with = "String")]
    pub title: Option<String>,
    /// Let attendees answer anonymously.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub anonymous: Option<bool>,
    /// Number the questions.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub numbered_questions: Option<bool>,
    /// Show each question's type next to it.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub show_question_type: Option<bool>,
    /// Thank-you text shown after the survey, at most 320 characters.
    #[serde(default)]
    #[schemars(with = "String")]
    pub feedback: Option<String>,
    /// All the survey's questions, 1 to 100, including unchanged ones (get_webinar_survey
    /// lists the current ones).
    pub questions: Vec<SurveyQuestionInput>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct UpdateSurveyParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// A survey built in Zoom: title, options and questions.
    #[serde(default)]
    #[schemars(with = "CustomSurveyInput")]
    pub custom_survey: Option<CustomSurveyInput>,
    /// Open the survey in attendees' browsers when the webinar ends (Zoom's default true).
    #[serde(default)]
    #[schemars(with = "bool")]
    pub show_in_the_browser: Option<bool>,
    /// Link the survey in the follow-up email (Zoom's default false).
    #[serde(default)]
    #[schemars(with = "bool")]
    pub show_in_the_follow_up_email: Option<bool>,
    /// https link to a survey on another service, at most 64 characters. The account must
    /// allow third-party survey links.
    #[serde(default)]
    #[schemars(with = "String")]
    pub third_party_survey: Option<String>,
}

#[tool_router(router = update_surveys_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Create or change a webinar's post-webinar survey: a custom survey (title, options and
    /// 1 to 100 questions of eight types) or a third-party survey link, and where attendees
    /// see it. Only the fields given change; a custom_survey must list all its questions.
    /// Returns the survey as Zoom stores it afterwards.
    #[tool(
        name = "update_webinar_survey",
        title = "Update webinar survey",
        annotations(
            title = "Update webinar survey",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn update_webinar_survey(
        &self,
        Parameters(params): Parameters<UpdateSurveyParams>,
    ) -> Result<Json<SurveyResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let body = survey_body(&params)?;
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("survey");
        self.state
            .zoom
            .send(Method::PATCH, &path, &Vec::new(), Some(&body))
            .await?;
        tracing::info!(tool = "update_webinar_survey", webinar_id, "survey updated");
        let survey = fetch_survey(&self.state, webinar_id).await?;
        Ok(Json(SurveyResult {
            webinar_id,
            survey,
            message: Some(format!("Updated the survey of webinar {webinar_id}.")),
        }))
    }
}

/// Check the arguments against Zoom's limits and build the PATCH body.
fn survey_body(params: &UpdateSurveyParams) -> Result<Value, ToolError> {
    let mut body = Map::new();
    if let Some(custom) = &params.custom_survey {
        body.insert("custom_survey".into(), custom_survey_body(custom)?);
    }
    for (name, value) in [
        ("show_in_the_browser", params.show_in_the_browser),
        (
            "show_in_the_follow_up_email",
            params.show_in_the_follow_up_email,
        ),
    ] {
        if let Some(value) = value {
            body.insert(name.into(), json!(value));
        }
    }
    if let Some(link) = &params.third_party_survey {
        let link = check_url(
            "third_party_survey",
            link,
            MAX_THIRD_PARTY_LINK_CHARS,
            &["https", "http"],
        )?;
        body.insert("third_party_survey".into(), json!(link));
    }
    if body.is_empty() {
        return Err(ToolError::invalid(
            "Nothing to update: give custom_survey, third_party_survey, show_in_the_browser or show_in_the_follow_up_email.",
        ));
    }
    Ok(Value::Object(body))
}

fn custom_survey_body(custom: &CustomSurveyInput) -> Result<Value, ToolError> {
    let mut survey = Map::new();
    if let Some(title) = &custom.title {
        let title = check_text("custom_survey.title", title, MAX_TITLE_CHARS)?;
        survey.insert("title".into(), json!(title));
    }
    if let Some(feedback) = &custom.feedback {
        let feedback = check_text("custom_survey.feedback", feedback, MAX_FEEDBACK_CHARS)?;
        survey.insert("feedback".into(), json!(feedback));
    }
    for (name, value) in [
        ("anonymous", custom.anonymous),
        ("numbered_questions", custom.numbered_questions),
        ("show_question_type", custom.show_question_type),
    ] {
        if let Some(value) = value {
            survey.insert(name.into(), json!(value));
        }
    }
    let count = custom.questions.len();
    if count == 0 || count > MAX_QUESTIONS {
        return Err(ToolError::invalid(format!(
            "custom_survey.questions has {count} questions; Zoom takes 1 to {MAX_QUESTIONS}. List all of the survey's questions, including unchanged ones (get_webinar_survey shows them)."
        )));
    }
    let mut questions = Vec::with_capacity(count);
    for (index, question) in custom.questions.iter().enumerate() {
        questions.push(question_body(
            &format!("custom_survey.questions[{index}]"),
            question,
        )?);
    }
    survey.insert("questions".into(), Value::Array(questions));
    Ok(Value::Object(survey))
}

fn question_body(field: &str, question: &SurveyQuestionInput) -> Result<Value, ToolError> {
    let kind = question.kind;
    let kind_name = kind.zoom_value();
    let name = check_text(&format!("{field}.name"), &question.name, MAX_QUESTION_CHARS)?;
    let mut entry = Map::new();
    entry.insert("name".into(), json!(name));
    entry.insert("type".into(), json!(kind_name));
    if let Some(required) = question.answer_required {
        entry.insert("answer_required".into(), json!(required));
    }

    if let Some(dropdown) = question.show_as_dropdown {
        if kind != SurveyQuestionKind::Single {
            return Err(ToolError::invalid(format!(
                "{field}.show_as_dropdown applies to single questions only, not {kind_name}. Remove it."
            )));
        }
        entry.insert("show_as_dropdown".into(), json!(dropdown));
    }

    let answer_count = question.answers.len();
    match kind.answer_range() {
        Some((min, max)) if !(min..=max).contains(&answer_count) => {
            return Err(ToolError::invalid(format!(
                "{field}.answers has {answer_count} choices; Zoom takes {min} to {max} for {kind_name} questions."
            )));
        }
        None if answer_count > 0 && kind != SurveyQuestionKind::FillInTheBlank => {
            return Err(ToolError::invalid(format!(
                "{field}.answers must be empty for {kind_name} questions, which take no choices."
            )));
        }
        _ => {}
    }
    if answer_count > 0 {
        let mut answers = Vec::with_capacity(answer_count);
        for (index, answer) in question.answers.iter().enumerate() {
            answers.push(check_text(
                &format!("{field}.answers[{index}]"),
                answer,
                MAX_ANSWER_CHARS,
            )?);
        }
        entry.insert("answers".into(), json!(answers));
    }

    let takes_prompts = matches!(
        kind,
        SurveyQuestionKind::Matching | SurveyQuestionKind::RankOrder
    );
    let prompt_count = question.prompts.len();
    if takes_prompts {
        if !(MIN_PROMPTS..=MAX_PROMPTS).contains(&prompt_count) {
            return Err(ToolError::invalid(format!(
                "{field}.prompts has {prompt_count} prompts; Zoom needs {MIN_PROMPTS} to {MAX_PROMPTS} for {kind_name} questions."
            )));
        }
        let mut prompts = Vec::with_capacity(prompt_count);
        for (index, prompt) in question.prompts.iter().enumerate() {
            let prompt = check_text(
                &format!("{field}.prompts[{index}]"),
                prompt,
                MAX_PROMPT_CHARS,
            )?;
            prompts.push(json!({ "prompt_question": prompt }));
        }
        entry.insert("prompts".into(), Value::Array(prompts));
    } else if prompt_count > 0 {
        return Err(ToolError::invalid(format!(
            "{field}.prompts applies to matching and rank_order questions only, not {kind_name}. Remove it."
        )));
    }

    check_answer_length(field, question, &mut entry)?;
    check_rating(field, question, &mut entry)?;
    Ok(Value::Object(entry))
}

/// Check answer_min_character and answer_max_character, which only
/// free-text questions take, and add them to `entry`.
fn check_answer_length(
    field: &str,
    question: &SurveyQuestionInput,
    entry: &mut Map<String, Value>,
) -> Result<(), ToolError> {
    let limit = match question.kind {
        SurveyQuestionKind::ShortAnswer => Some(MAX_SHORT_ANSWER_CHARS),
        SurveyQuestionKind::LongAnswer => Some(MAX_LONG_ANSWER_CHARS),
        _ => None,
    };
    let (min, max) = (question.answer_min_character, question.answer_max_character);
    let Some(limit) = limit else {
        if min.is_some() || max.is_some() {
            return Err(ToolError::invalid(format!(
                "{field}.answer_min_character and answer_max_character apply to short_answer and long_answer questions only. Remove them."
            )));
        }
        return Ok(());
    };
    if min == Some(0) {
        return Err(ToolError::invalid(format!(
            "{field}.answer_min_character is 0; Zoom needs at least 1."
        )));
    }
    if let Some(max) = max
        && (max == 0 || max > limit)
    {
        return Err(ToolError::invalid(format!(
            "{field}.answer_max_character {max} is out of range: give 1 to {limit} for {} questions.",
            question.kind.zoom_value()
        )));
    }
    if let (Some(min), Some(max)) = (min, max)
        && min > max
    {
        return Err(ToolError::invalid(format!(
            "{field}.answer_min_character {min} is above answer_max_character {max}."
        )));
    }
    if let Some(min) = min {
        entry.insert("answer_min_character".into(), json!(min));
    }
    if let Some(max) = max {
        entry.insert("answer_max_character".into(), json!(max));
    }
    Ok(())
}

/// Check the rating_* fields, which only rating_scale questions take, and
/// add them to `entry`.
fn check_rating(
    field: &str,
    question: &SurveyQuestionInput,
    entry: &mut Map<String, Value>,
) -> Result<(), ToolError> {
    let any_rating_field = question.rating_min_value.is_some()
        || question.rating_max_value.is_some()
        || question.rating_min_label.is_some()
        || question.rating_max_label.is_some();
    if question.kind != SurveyQuestionKind::RatingScale {
        if any_rating_field {
            return Err(ToolError::invalid(format!(
                "{field}.rating_min_value, rating_max_value and their labels apply to rating_scale questions only. Remove them."
            )));
        }
        return Ok(());
    }
    if let Some(max) = question.rating_max_value
        && max > MAX_RATING_VALUE
    {
        return Err(ToolError::invalid(format!(
            "{field}.rating_max_value {max} is above Zoom's maximum of {MAX_RATING_VALUE}."
        )));
    }
    if let (Some(min), Some(max)) = (question.rating_min_value, question.rating_max_value)
        && min >= max
    {
        return Err(ToolError::invalid(format!(
            "{field}.rating_min_value {min} must be below rating_max_value {max}."
        )));
    }
    if let Some(min) = question.rating_min_value {
        entry.insert("rating_min_value".into(), json!(min));
    }
    if let Some(max) = question.rating_max_value {
        entry.insert("rating_max_value".into(), json!(max));
    }
    for (name, label) in [
        ("rating_min_label", &question.rating_min_label),
        ("rating_max_label", &question.rating_max_label),
    ] {
        if let Some(label) = label {
            let label = check_text(&format!("{field}.{name}"), label, MAX_RATING_LABEL_CHARS)?;
            entry.insert(name.into(), json!(label));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(arguments: Value) -> UpdateSurveyParams {
        serde_json::from_value(arguments).expect("valid arguments")
    }

    #[test]
    fn body_keeps_given_fields_only() {
        let body = survey_body(&params(json!({
            "webinar_id": 1,
            "show_in_the_follow_up_email": true
        })))
        .unwrap();
        assert_eq!(body, json!({ "show_in_the_follow_up_email": true }));
    }

    #[test]
    fn empty_update_rejected() {
        let error = survey_body(&params(json!({ "webinar_id": 1 }))).unwrap_err();
        assert!(error.0.contains("Nothing to update"), "{error}");
    }

    #[test]
    fn rating_question_body() {
        let body = survey_body(&params(json!({
            "webinar_id": 1,
            "custom_survey": { "title": "Feedback", "questions": [{
                "name": "How likely are you to recommend us?",
                "type": "rating_scale",
                "rating_min_value": 0,
                "rating_max_value": 10,
                "rating_min_label": "Unlikely"
            }]}
        })))
        .unwrap();
        let question = &body["custom_survey"]["questions"][0];
        assert_eq!(question["type"], json!("rating_scale"));
        assert_eq!(question["rating_max_value"], json!(10));
        assert_eq!(question["rating_min_label"], json!("Unlikely"));
    }

    #[test]
    fn matching_needs_prompts() {
        let error = survey_body(&params(json!({
            "webinar_id": 1,
            "custom_survey": { "questions": [{
                "name": "Match", "type": "matching", "answers": ["a", "b"]
            }]}
        })))
        .unwrap_err();
        assert!(error.0.contains("prompts"), "{error}");
    }

    #[test]
    fn rank_order_answer_limit() {
        let answers: Vec<String> = (0..8).map(|n| format!("answer {n}")).collect();
        let error = survey_body(&params(json!({
            "webinar_id": 1,
            "custom_survey": { "questions": [{
                "name": "Rank", "type": "rank_order", "answers": answers, "prompts": ["p1", "p2"]
            }]}
        })))
        .unwrap_err();
        assert!(error.0.contains("2 to 7"), "{error}");
    }

    #[test]
    fn short_answer_length_limit() {
        let error = survey_body(&params(json!({
            "webinar_id": 1,
            "custom_survey": { "questions": [{
                "name": "Why?", "type": "short_answer", "answer_max_character": 501
            }]}
        })))
        .unwrap_err();
        assert!(error.0.contains("1 to 500"), "{error}");
    }

    #[test]
    fn third_party_link_length() {
        let link = format!("https://example.com/{}", "x".repeat(60));
        let error = survey_body(&params(json!({
            "webinar_id": 1,
            "third_party_survey": link
        })))
        .unwrap_err();
        assert!(error.0.contains("at most 64"), "{error}");
    }
}
