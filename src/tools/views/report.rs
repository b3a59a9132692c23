//! Webinar reports (`/report/webinars/{webinarId}…`): Zoom's response
//! shapes and the rows the report tools return.

use std::collections::BTreeMap;

use chrono_tz::Tz;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::show_time;
use crate::time::TimeDisplay;

/// Zoom's `GET /report/webinars/{webinarId}` response.
#[derive(Debug, Deserialize)]
pub struct ZoomReportDetails {
    #[serde(default)]
    pub id: Option<u64>,
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(default, rename = "type")]
    pub webinar_type: Option<i64>,
    #[serde(default)]
    pub topic: Option<String>,
    #[serde(default)]
    pub user_name: Option<String>,
    #[serde(default)]
    pub user_email: Option<String>,
    #[serde(default)]
    pub start_time: Option<String>,
    #[serde(default)]
    pub end_time: Option<String>,
    /// Minutes.
    #[serde(default)]
    pub duration: Option<i64>,
    #[serde(default)]
    pub total_minutes: Option<i64>,
    #[serde(default)]
    pub participants_count: Option<i64>,
    #[serde(default)]
    pub dept: Option<String>,
    #[serde(default)]
    pub tracking_fields: Vec<serde_json::Map<String, Value>>,
    #[serde(default)]
    pub custom_keys: Vec<serde_json::Map<String, Value>>,
}

/// Zoom's poll report.
#[derive(Debug, Deserialize)]
pub struct ZoomPollReport {
    #[serde(default)]
    pub id: Option<u64>,
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(default)]
    pub start_time: Option<String>,
    #[serde(default)]
    pub questions: Vec<ZoomRespondent>,
}

/// Zoom's survey report.
#[derive(Debug, Deserialize)]
pub struct ZoomSurveyReport {
    #[serde(default)]
    pub webinar_id: Option<u64>,
    #[serde(default)]
    pub webinar_uuid: Option<String>,
    #[serde(default)]
    pub start_time: Option<String>,
    #[serde(default)]
    pub survey_id: Option<String>,
    #[serde(default)]
    pub survey_name: Option<String>,
    #[serde(default)]
    pub survey_answers: Vec<ZoomRespondent>,
}

/// One person's answers in a poll or survey report. Zoom names the list
/// `question_details` in poll reports and `answer_details` in survey reports.
#[derive(Debug, Deserialize)]
pub struct ZoomRespondent {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default, alias = "answer_details")]
    pub question_details: Vec<ZoomAnswerDetail>,
}

#[derive(Debug, Deserialize)]
pub struct ZoomAnswerDetail {
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub answer: Option<String>,
    /// When the person answered, in the form Zoom sends.
    #[serde(default)]
    pub date_time: Option<String>,
    #[serde(default)]
    pub polling_id: Option<String>,
}

/// Zoom's Q&A report.
#[derive(Debug, Deserialize)]
pub struct ZoomQaReport {
    #[serde(default)]
    pub id: Option<u64>,
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(default)]
    pub start_time: Option<String>,
    #[serde(default)]
    pub questions: Vec<ZoomQaAsker>,
}

#[derive(Debug, Deserialize)]
pub struct ZoomQaAsker {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub question_details: Vec<ZoomQaQuestion>,
}

#[derive(Debug, Deserialize)]
pub struct ZoomQaQuestion {
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub question_id: Option<String>,
    /// All answers joined by semicolons, or "live answered".
    #[serde(default)]
    pub answer: Option<String>,
    #[serde(default)]
    pub create_time: Option<String>,
    /// default, open, dismissed, answered or deleted.
    #[serde(default)]
    pub question_status: Option<String>,
    #[serde(default)]
    pub answer_details: Vec<ZoomQaAnswer>,
}

#[derive(Debug, Deserialize)]
pub struct ZoomQaAnswer {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub content: Option<String>,
    #[serde(default)]
    pub create_time: Option<String>,
    #[serde(default, rename = "type")]
    pub answer_type: Option<String>,
}

/// The ended instance a report describes.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ReportInstance {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webinar_id: Option<u64>,
    /// The instance UUID Zoom reported on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time: Option<TimeDisplay>,
}

impl ReportInstance {
    pub fn new(
        webinar_id: Option<u64>,
        uuid: Option<String>,
        start_time: Option<&str>,
        time_zone: Tz,
    ) -> ReportInstance {
        ReportInstance {
            webinar_id,
            uuid: uuid.filter(|uuid| !uuid.is_empty()),
            start_time: show_time(start_time, time_zone),
        }
    }

    /// "Webinar 811… instance abc== (started …)" for summaries.
    pub fn describe(&self, requested: &str) -> String {
        let mut text = match self.webinar_id {
            Some(id) => format!("Webinar {id}"),
            None => format!("Webinar {requested}"),
        };
        if let Some(uuid) = &self.uuid {
            text.push_str(&format!(" instance {uuid}"));
        }
        if let Some(start) = &self.start_time {
            text.push_str(&format!(", started {}", super::describe_time(start)));
        }
        text
    }
}

/// One answer to a poll or survey question.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AnswerRow {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub question: String,
    pub answer: String,
    /// When the person answered, as Zoom reports it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answered_at: Option<String>,
    /// Poll id (poll reports only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub poll_id: Option<String>,
}

/// Flatten respondents into one row per answer.
pub fn answer_rows(respondents: Vec<ZoomRespondent>) -> Vec<AnswerRow> {
    let mut rows = Vec::new();
    for respondent in respondents {
        let name = respondent.name.unwrap_or_default();
        let email = respondent.email.filter(|email| !email.is_empty());
        for detail in respondent.question_details {
            rows.push(AnswerRow {
                name: name.clone(),
                email: email.clone(),
                question: detail.question,
                answer: detail.answer.unwrap_or_default(),
                answered_at: detail.date_time.filter(|time| !time.is_empty()),
                poll_id: detail.polling_id.filter(|id| !id.is_empty()),
            });
        }
    }
    rows
}

/// How often each answer was given to one question.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct QuestionTally {
    pub question: String,
    /// People who answered the question.
    pub responses: usize,
    /// Answers, most frequent first. A multiple-choice answer that Zoom
    /// joined with semicolons counts once for each choice.
    pub answers: Vec<AnswerCount>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AnswerCount {
    pub answer: String,
    pub count: usize,
}

/// Count answers per question, keeping questions in the order first seen.
pub fn tally(rows: &[AnswerRow]) -> Vec<QuestionTally> {
    let mut order: Vec<String> = Vec::new();
    let mut counts: BTreeMap<String, (usize, BTreeMap<String, usize>)> = BTreeMap::new();
    for row in rows {
        if !counts.contains_key(&row.question) {
            order.push(row.question.clone());
        }
        let entry = counts.entry(row.question.clone()).or_default();
        entry.0 += 1;
        for choice in row
            .answer
            .split(';')
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            *entry.1.entry(choice.to_string()).or_default() += 1;
        }
    }
    order
        .into_iter()
        .filter_map(|question| {
            let (responses, answers) = counts.remove(&question)?;
            let mut answers: Vec<AnswerCount> = answers
                .into_iter()
                .map(|(answer, count)| AnswerCount { answer, count })
                .collect();
            answers.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.answer.cmp(&b.answer)));
            Some(QuestionTally {
                question,
                responses,
                answers,
            })
        })
        .collect()
}

/// Lines for a summary: each question with its three most frequent answers.
pub fn tally_lines(tallies: &[QuestionTally]) -> String {
    let mut text = String::new();
    for tally in tallies.iter().take(10) {
        let top: Vec<String> = tally
            .answers
            .iter()
            .take(3)
            .map(|answer| format!("{} ({})", answer.answer, answer.count))
            .collect();
        text.push_str(&format!(
            "\n- {} [{} responses]: {}",
            tally.question,
            tally.responses,
            top.join(", ")
        ));
    }
    if tallies.len() > 10 {
        text.push_str(&format!(
            "\n- … {} more questions in the structured result",
            tallies.len() - 10
        ));
    }
    text
}

/// One question of the Q&A report.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct QaReportRow {
    pub asked_by: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub question: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question_id: Option<String>,
    /// default, open, dismissed, answered or deleted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asked_at: Option<TimeDisplay>,
    /// Answers and comments, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<QaReportAnswer>,
    /// Whether a host or panelist answered, in writing or live.
    pub answered: bool,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct QaReportAnswer {
    pub by: String,
    pub content: String,
    /// host_answered_publicly, host_answered_privately, participant_commented,
    /// host_answered or default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<TimeDisplay>,
}

/// Flatten Zoom's per-asker list into one row per question.
pub fn qa_rows(askers: Vec<ZoomQaAsker>, time_zone: Tz) -> Vec<QaReportRow> {
    let mut rows = Vec::new();
    for asker in askers {
        let asked_by = asker.name.unwrap_or_default();
        let email = asker.email.filter(|email| !email.is_empty());
        for detail in asker.question_details {
            let answers: Vec<QaReportAnswer> = detail
                .answer_details
                .into_iter()
                .map(|answer| QaReportAnswer {
                    by: answer.name.unwrap_or_default(),
                    content: answer.content.unwrap_or_default(),
                    kind: answer.answer_type.filter(|kind| !kind.is_empty()),
                    at: show_time(answer.create_time.as_deref(), time_zone),
                })
                .collect();
            let by_host = answers
                .iter()
                .any(|answer| answer.kind.as_deref() != Some("participant_commented"));
            let live = detail
                .answer
                .as_deref()
                .is_some_and(|answer| !answer.trim().is_empty());
            let status = detail.question_status.filter(|status| !status.is_empty());
            rows.push(QaReportRow {
                asked_by: asked_by.clone(),
                email: email.clone(),
                question: detail.question,
                question_id: detail.question_id.filter(|id| !id.is_empty()),
                answered: status.as_deref() == Some("answered") || by_host || live,
                status,
                asked_at: show_time(detail.create_time.as_deref(), time_zone),
                answers,
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(question: &str, answer: &str) -> AnswerRow {
        AnswerRow {
            name: "A".into(),
            email: None,
            question: question.into(),
            answer: answer.into(),
            answered_at: None,
            poll_id: None,
        }
    }

    #[test]
    fn tally_counts_choices() {
        let rows = [
            row("Q1", "Yes"),
            row("Q1", "No"),
            row("Q1", "Yes"),
            row("Q2", "Red;Blue"),
            row("Q2", "Blue"),
        ];
        let tallies = tally(&rows);
        assert_eq!(tallies.len(), 2);
        assert_eq!(tallies[0].question, "Q1");
        assert_eq!(tallies[0].responses, 3);
        assert_eq!(tallies[0].answers[0].answer, "Yes");
        assert_eq!(tallies[0].answers[0].count, 2);
        assert_eq!(tallies[1].answers[0].answer, "Blue");
        assert_eq!(tallies[1].answers[0].count, 2);
        assert_eq!(tallies[1].responses, 2);
    }

    #[test]
    fn qa_comment_is_not_an_answer() {
        let askers: Vec<ZoomQaAsker> = serde_json::from_value(serde_json::json!([{
            "name": "Ann",
            "question_details": [{
                "question": "Slides?",
                "answer": "",
                "question_status": "open",
                "answer_details": [{ "name": "Bob", "content": "+1", "type": "participant_commented" }]
            }]
        }]))
        .unwrap();
        let rows = qa_rows(askers, chrono_tz::UTC);
        assert!(!rows[0].answered);
        assert_eq!(rows[0].answers.len(), 1);
    }
}
