//! Ended webinar instances: attendance, Q&A, poll answers and survey answers.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::sandbox::times::format_utc;

/// One ended session of a webinar, with its own UUID.
#[derive(Debug, Clone)]
pub(crate) struct PastInstance {
    pub uuid: String,
    pub start_time: DateTime<Utc>,
    pub end_time: DateTime<Utc>,
    /// The occurrence this session belonged to, for recurring webinars.
    pub occurrence_id: Option<String>,
    pub participants: Vec<Participant>,
    pub questions: Vec<QaQuestion>,
    pub poll_answers: Vec<PollAnswer>,
    pub survey: Option<Survey>,
}

/// One attendance record; a person who rejoined has one record per session.
#[derive(Debug, Clone)]
pub(crate) struct Participant {
    pub id: String,
    pub user_id: String,
    pub name: String,
    pub user_email: String,
    pub join_time: DateTime<Utc>,
    pub leave_time: DateTime<Utc>,
    /// Set for attendees who registered; hosts and panelists have none.
    pub registrant_id: Option<String>,
    pub internal_user: bool,
}

impl Participant {
    fn duration_secs(&self) -> i64 {
        (self.leave_time - self.join_time).num_seconds()
    }

    /// Renders an entry of `GET /past_webinars/{id}/participants`.
    pub(crate) fn to_past_json(&self) -> Value {
        let mut out = json!({
            "id": self.id,
            "user_id": self.user_id,
            "name": self.name,
            "user_email": self.user_email,
            "join_time": format_utc(self.join_time),
            "leave_time": format_utc(self.leave_time),
            "duration": self.duration_secs(),
            "failover": false,
            "status": "in_meeting",
            "internal_user": self.internal_user,
        });
        if let Some(registrant_id) = &self.registrant_id {
            out["registrant_id"] = json!(registrant_id);
        }
        out
    }

    /// Renders an entry of `GET /report/webinars/{id}/participants`, which
    /// shows `registrant_id` only when `include_fields=registrant_id`.
    pub(crate) fn to_report_json(&self, include_registrant_id: bool) -> Value {
        let mut out = json!({
            "id": self.id,
            "user_id": self.user_id,
            "participant_user_id": self.id,
            "name": self.name,
            "user_email": self.user_email,
            "join_time": format_utc(self.join_time),
            "leave_time": format_utc(self.leave_time),
            "duration": self.duration_secs(),
            "failover": false,
            "status": "in_meeting",
            "customer_key": "",
        });
        if include_registrant_id {
            out["registrant_id"] = json!(self.registrant_id.clone().unwrap_or_default());
        }
        out
    }
}

/// A question asked in the Q&A panel.
#[derive(Debug, Clone)]
pub(crate) struct QaQuestion {
    pub question_id: String,
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub question: String,
    pub asked_at: DateTime<Utc>,
    pub answer: Option<QaAnswer>,
}

/// The host's or a panelist's answer to a Q&A question.
#[derive(Debug, Clone)]
pub(crate) struct QaAnswer {
    pub name: String,
    pub email: String,
    pub content: String,
    pub answered_at: DateTime<Utc>,
}

impl QaQuestion {
    /// Renders an entry of `GET /past_webinars/{id}/qa`; an unanswered
    /// question has an empty `answer`.
    pub(crate) fn to_past_json(&self) -> Value {
        let answer = self
            .answer
            .as_ref()
            .map(|answer| answer.content.clone())
            .unwrap_or_default();
        json!({
            "name": self.name,
            "email": self.email,
            "question_details": [{"question": self.question, "answer": answer}],
        })
    }

    /// Renders an entry of `GET /report/webinars/{id}/qa`.
    pub(crate) fn to_report_json(&self) -> Value {
        let answer_details: Vec<Value> = self
            .answer
            .iter()
            .map(|answer| {
                json!({
                    "user_id": "",
                    "name": answer.name,
                    "email": answer.email,
                    "content": answer.content,
                    "create_time": format_utc(answer.answered_at),
                    "type": "host_answered_publicly",
                })
            })
            .collect();
        let answer = self
            .answer
            .as_ref()
            .map(|answer| answer.content.clone())
            .unwrap_or_default();
        json!({
            "user_id": self.user_id,
            "name": self.name,
            "email": self.email,
            "question_details": [{
                "question_id": self.question_id,
                "question": self.question,
                "answer": answer,
                "create_time": format_utc(self.asked_at),
                "question_status": if self.answer.is_some() { "answered" } else { "open" },
                "answer_details": answer_details,
            }],
        })
    }
}

/// One participant's answer to one poll question.
#[derive(Debug, Clone)]
pub(crate) struct PollAnswer {
    pub name: String,
    pub email: String,
    pub poll_id: String,
    pub question: String,
    pub answer: String,
    pub answered_at: DateTime<Utc>,
}

/// Groups poll answers per participant, in first-answer order. Both the
/// past-webinar and the report poll endpoints use this grouping.
pub(crate) fn poll_answers_json(answers: &[PollAnswer], with_split_names: bool) -> Vec<Value> {
    let mut people: Vec<(String, String, Vec<Value>)> = Vec::new();
    for answer in answers {
        let detail = json!({
            "polling_id": answer.poll_id,
            "question": answer.question,
            "answer": answer.answer,
            "date_time": format_utc(answer.answered_at),
        });
        match people
            .iter_mut()
            .find(|(_, email, _)| *email == answer.email)
        {
            Some((_, _, details)) => details.push(detail),
            None => people.push((answer.name.clone(), answer.email.clone(), vec![detail])),
        }
    }
    people
        .into_iter()
        .map(|(name, email, details)| {
            let mut out = json!({"name": name, "email": email, "question_details": details});
            if with_split_names {
                let (first, last) = name.split_once(' ').unwrap_or((name.as_str(), ""));
                out["first_name"] = json!(first);
                out["last_name"] = json!(last);
            }
            out
        })
        .collect()
}

/// The post-webinar survey and its answers.
#[derive(Debug, Clone)]
pub(crate) struct Survey {
    pub survey_id: String,
    pub survey_name: String,
    pub answers: Vec<SurveyAnswer>,
}

/// One participant's answer to one survey question.
#[derive(Debug, Clone)]
pub(crate) struct SurveyAnswer {
    pub name: String,
    pub email: String,
    pub question_id: String,
    pub question: String,
    pub answer: String,
    pub answered_at: DateTime<Utc>,
}

impl Survey {
    /// Renders `survey_answers` grouped per participant.
    pub(crate) fn answers_json(&self) -> Vec<Value> {
        let mut people: Vec<(String, String, Vec<Value>)> = Vec::new();
        for answer in &self.answers {
            let detail = json!({
                "question_id": answer.question_id,
                "question": answer.question,
                "answer": answer.answer,
                "date_time": format_utc(answer.answered_at),
            });
            match people
                .iter_mut()
                .find(|(_, email, _)| *email == answer.email)
            {
                Some((_, _, details)) => details.push(detail),
                None => people.push((answer.name.clone(), answer.email.clone(), vec![detail])),
            }
        }
        people
            .into_iter()
            .map(|(name, email, details)| {
                let (first, last) = name.split_once(' ').unwrap_or((name.as_str(), ""));
                json!({
                    "name": name,
                    "email": email,
                    "first_name": first,
                    "last_name": last,
                    "answer_details": details,
                })
            })
            .collect()
    }
}
