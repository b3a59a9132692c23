//! Webinar surveys: Zoom's survey object, read by `get_webinar_survey` and
//! returned by `update_webinar_survey`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Zoom's webinar survey object.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Survey {
    /// The survey built in Zoom, when the webinar has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_survey: Option<CustomSurvey>,
    /// Whether the survey opens in the attendee's browser when the webinar ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_in_the_browser: Option<bool>,
    /// Whether the follow-up email links to the survey.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_in_the_follow_up_email: Option<bool>,
    /// Link to a survey on another service, used instead of a custom survey.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub third_party_survey: Option<String>,
}

impl Survey {
    /// Report whether Zoom returned no questions and no survey link.
    pub fn is_empty(&self) -> bool {
        let no_questions = self
            .custom_survey
            .as_ref()
            .is_none_or(|survey| survey.questions.is_empty());
        let no_link = self
            .third_party_survey
            .as_deref()
            .is_none_or(|link| link.trim().is_empty());
        no_questions && no_link
    }

    /// Describe the survey in one or a few lines.
    pub fn describe(&self, webinar_id: u64) -> String {
        if self.is_empty() {
            return format!("Webinar {webinar_id} has no survey questions or survey link.");
        }
        let mut text = String::new();
        if let Some(custom) = &self.custom_survey {
            text.push_str(&format!(
                "Webinar {webinar_id} survey \"{}\" with {} questions:",
                custom.title.as_deref().unwrap_or("untitled"),
                custom.questions.len()
            ));
            for question in custom.questions.iter().take(20) {
                text.push_str(&format!(
                    "\n- {} ({})",
                    question.name,
                    question.question_type.as_deref().unwrap_or("type unknown")
                ));
            }
        }
        if let Some(link) = self
            .third_party_survey
            .as_deref()
            .filter(|link| !link.is_empty())
        {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&format!("Webinar {webinar_id} third-party survey: {link}"));
        }
        let yes_no = |value: Option<bool>| match value {
            Some(true) => "yes",
            Some(false) => "no",
            None => "not set",
        };
        text.push_str(&format!(
            "\nShown in the browser after the webinar: {}; linked in the follow-up email: {}.",
            yes_no(self.show_in_the_browser),
            yes_no(self.show_in_the_follow_up_email)
        ));
        text
    }
}

/// A survey built in Zoom.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct CustomSurvey {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Whether attendees answer anonymously.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymous: Option<bool>,
    /// Whether question names are numbered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbered_questions: Option<bool>,
    /// Whether the question type is shown in the question name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_question_type: Option<bool>,
    /// Thank-you text shown after the survey.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
    #[serde(default)]
    pub questions: Vec<SurveyQuestion>,
}

/// One survey question as Zoom stores it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct SurveyQuestion {
    #[serde(default)]
    pub name: String,
    /// single, multiple, matching, rank_order, short_answer, long_answer,
    /// fill_in_the_blank or rating_scale.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub question_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_required: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_as_dropdown: Option<bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prompts: Vec<SurveyPrompt>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_min_character: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_max_character: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating_min_value: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating_max_value: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating_min_label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating_max_label: Option<String>,
}

/// A prompt of a matching or rank-order question.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct SurveyPrompt {
    #[serde(default)]
    pub prompt_question: String,
}
