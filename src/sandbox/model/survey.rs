//! The survey a webinar shows its attendees when it ends: Zoom's own survey
//! form (`custom_survey`), a third-party survey link, or both.

use serde_json::{Map, Value, json};

use crate::sandbox::fields::{FieldErrors, Fields, item_path};
use crate::sandbox::reply::ZoomError;

use super::livestream::is_http_url;

const MAX_TITLE_CHARS: usize = 64;
const MAX_FEEDBACK_CHARS: usize = 320;
const MAX_QUESTIONS: usize = 100;
const MAX_QUESTION_CHARS: usize = 420;
const MAX_ANSWER_CHARS: usize = 200;
const MAX_LABEL_CHARS: usize = 50;
const MAX_THIRD_PARTY_CHARS: usize = 64;
/// The feedback text a survey shows when the request gives none, from
/// Zoom's spec.
const DEFAULT_FEEDBACK: &str = "Thank you so much for taking the time to complete the survey, your feedback really makes a difference.";

const QUESTION_TYPES: &[&str] = &[
    "single",
    "multiple",
    "matching",
    "rank_order",
    "short_answer",
    "long_answer",
    "fill_in_the_blank",
    "rating_scale",
];

/// A webinar's survey settings.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct WebinarSurvey {
    /// The validated `custom_survey` object, kept as JSON to echo every
    /// optional field.
    pub custom_survey: Option<Map<String, Value>>,
    pub show_in_the_browser: bool,
    pub show_in_the_follow_up_email: bool,
    pub third_party_survey: String,
}

impl Default for WebinarSurvey {
    /// Returns the settings of a webinar without a survey, which is also
    /// what a DELETE restores.
    fn default() -> Self {
        Self {
            custom_survey: None,
            show_in_the_browser: true,
            show_in_the_follow_up_email: false,
            third_party_survey: String::new(),
        }
    }
}

impl WebinarSurvey {
    /// Renders `GET /webinars/{id}/survey`.
    pub(crate) fn to_json(&self) -> Value {
        let mut out = json!({
            "show_in_the_browser": self.show_in_the_browser,
            "show_in_the_follow_up_email": self.show_in_the_follow_up_email,
            "third_party_survey": self.third_party_survey,
        });
        if let Some(custom) = &self.custom_survey {
            out["custom_survey"] = Value::Object(custom.clone());
        }
        out
    }

    /// Applies a PATCH body: each field the body sets replaces the stored
    /// one, and `custom_survey` is replaced whole.
    pub(crate) fn apply(&mut self, body: &Map<String, Value>) -> Result<(), ZoomError> {
        let fields = Fields::root(body);
        let mut errors = FieldErrors::default();
        let custom = fields
            .object("custom_survey", &mut errors)
            .map(|map| read_custom_survey(map, &mut errors));
        let show_in_browser = fields.bool("show_in_the_browser", &mut errors);
        let show_in_email = fields.bool("show_in_the_follow_up_email", &mut errors);
        let third_party = fields.string("third_party_survey", MAX_THIRD_PARTY_CHARS, &mut errors);
        errors.finish()?;
        if let Some(link) = third_party.as_deref()
            && !link.is_empty()
            && !is_http_url(link)
        {
            return Err(ZoomError::bad_request(
                300,
                format!("Invalid third party survey: {link}."),
            ));
        }

        if let Some(custom) = custom {
            self.custom_survey = Some(custom);
        }
        if let Some(flag) = show_in_browser {
            self.show_in_the_browser = flag;
        }
        if let Some(flag) = show_in_email {
            self.show_in_the_follow_up_email = flag;
        }
        if let Some(link) = third_party {
            self.third_party_survey = link;
        }
        Ok(())
    }
}

/// Validates `custom_survey` and fills in the defaults Zoom's spec gives:
/// anonymous and numbered questions on, question types hidden, and the
/// standard feedback text.
fn read_custom_survey(map: &Map<String, Value>, errors: &mut FieldErrors) -> Map<String, Value> {
    let fields = Fields::nested(map, "custom_survey");
    fields.string("title", MAX_TITLE_CHARS, errors);
    fields.string("feedback", MAX_FEEDBACK_CHARS, errors);
    for flag in ["anonymous", "numbered_questions", "show_question_type"] {
        fields.bool(flag, errors);
    }
    match fields.array("questions", MAX_QUESTIONS, errors) {
        Some(items) if !items.is_empty() => {
            for (index, item) in items.iter().enumerate() {
                let path = item_path("custom_survey.questions", index);
                check_question(item, &path, errors);
            }
        }
        Some(_) => errors.reject("custom_survey.questions"),
        None if !fields.has("questions") => errors.reject("custom_survey.questions"),
        None => {}
    }

    let mut survey = map.clone();
    survey.entry("anonymous").or_insert(json!(true));
    survey.entry("numbered_questions").or_insert(json!(true));
    survey.entry("show_question_type").or_insert(json!(false));
    survey.entry("feedback").or_insert(json!(DEFAULT_FEEDBACK));
    survey
}

/// Checks one survey question against the limits in Zoom's spec.
fn check_question(item: &Value, path: &str, errors: &mut FieldErrors) {
    let Some(map) = item.as_object() else {
        errors.reject(path.to_owned());
        return;
    };
    let fields = Fields::nested(map, path);
    fields.required_string("name", MAX_QUESTION_CHARS, errors);
    if !fields.has("type") {
        errors.reject(fields.path("type"));
    }
    let kind = fields.string_in("type", QUESTION_TYPES, errors);
    for flag in ["answer_required", "show_as_dropdown"] {
        fields.bool(flag, errors);
    }
    let answer_count = count_strings(&fields, "answers", MAX_ANSWER_CHARS, errors);
    let prompt_count = count_prompts(&fields, errors);
    fields.int("answer_min_character", 1, i64::MAX, errors);
    let max_characters = match kind.as_deref() {
        Some("long_answer") => 2000,
        _ => 500,
    };
    fields.int("answer_max_character", 1, max_characters, errors);
    let rating_min = fields.int("rating_min_value", 0, 10, errors);
    let rating_max = fields.int("rating_max_value", 0, 10, errors);
    if let (Some(min), Some(max)) = (rating_min, rating_max)
        && min >= max
    {
        errors.reject(fields.path("rating_max_value"));
    }
    fields.string("rating_min_label", MAX_LABEL_CHARS, errors);
    fields.string("rating_max_label", MAX_LABEL_CHARS, errors);

    let Some(kind) = kind.as_deref() else {
        return;
    };
    let max_answers = match kind {
        "single" | "multiple" => Some(50),
        "matching" => Some(16),
        "rank_order" => Some(7),
        _ => None,
    };
    if let Some(max) = max_answers
        && !(2..=max).contains(&answer_count)
    {
        errors.reject(fields.path("answers"));
    }
    if matches!(kind, "matching" | "rank_order") && !(2..=10).contains(&prompt_count) {
        errors.reject(fields.path("prompts"));
    }
}

/// Counts the strings of list `key`, rejecting the list when an item is not
/// a string of at most `max_chars` characters.
fn count_strings(
    fields: &Fields<'_>,
    key: &str,
    max_chars: usize,
    errors: &mut FieldErrors,
) -> usize {
    let Some(items) = fields.array(key, usize::MAX, errors) else {
        return 0;
    };
    let valid = items.iter().all(|item| {
        item.as_str()
            .is_some_and(|text| text.chars().count() <= max_chars)
    });
    if !valid {
        errors.reject(fields.path(key));
    }
    items.len()
}

/// Counts `prompts[]`, each `{prompt_question}` of at most 200 characters.
fn count_prompts(fields: &Fields<'_>, errors: &mut FieldErrors) -> usize {
    let Some(items) = fields.array("prompts", usize::MAX, errors) else {
        return 0;
    };
    for (index, item) in items.iter().enumerate() {
        let path = item_path(&fields.path("prompts"), index);
        match item.as_object() {
            Some(map) => {
                Fields::nested(map, &path).required_string(
                    "prompt_question",
                    MAX_ANSWER_CHARS,
                    errors,
                );
            }
            None => errors.reject(path),
        }
    }
    items.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(body: Value) -> Result<WebinarSurvey, Vec<String>> {
        let mut survey = WebinarSurvey::default();
        match survey.apply(body.as_object().unwrap()) {
            Ok(()) => Ok(survey),
            Err(error) => Err(error.errors.into_iter().map(|e| e.field).collect()),
        }
    }

    #[test]
    fn custom_survey_gets_defaults() {
        let survey = apply(json!({"custom_survey": {"title": "Feedback", "questions": [
            {"name": "Useful?", "type": "single", "answers": ["Yes", "No"]}
        ]}}))
        .unwrap();
        let custom = survey.custom_survey.unwrap();
        assert_eq!(custom["anonymous"], json!(true));
        assert_eq!(custom["feedback"], json!(DEFAULT_FEEDBACK));
        assert!(survey.show_in_the_browser);
    }

    #[test]
    fn question_limits_are_checked() {
        let fields = apply(json!({"custom_survey": {"title": "t".repeat(65), "questions": [
            {"name": "Pick", "type": "single", "answers": ["only"]},
            {"name": "Order", "type": "rank_order", "answers": ["a", "b"], "prompts": [{"prompt_question": "p"}]},
            {"name": "Rate", "type": "rating_scale", "rating_min_value": 5, "rating_max_value": 11},
            {"name": "Say", "type": "short_answer", "answer_max_character": 501}
        ]}}))
        .unwrap_err();
        assert_eq!(
            fields,
            [
                "custom_survey.title",
                "custom_survey.questions[0].answers",
                "custom_survey.questions[1].prompts",
                "custom_survey.questions[2].rating_max_value",
                "custom_survey.questions[3].answer_max_character",
            ]
        );
    }

    #[test]
    fn empty_question_list_is_rejected() {
        let fields = apply(json!({"custom_survey": {"questions": []}})).unwrap_err();
        assert_eq!(fields, ["custom_survey.questions"]);
    }

    #[test]
    fn third_party_link_must_be_a_url() {
        let mut survey = WebinarSurvey::default();
        let body = json!({"third_party_survey": "not a link"});
        let error = survey.apply(body.as_object().unwrap()).unwrap_err();
        assert_eq!(error.code, 300);
        assert_eq!(error.message, "Invalid third party survey: not a link.");
    }
}
