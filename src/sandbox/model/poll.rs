//! Webinar polls and the validation of their request bodies.

use serde_json::{Map, Value, json};

use crate::sandbox::fields::{FieldErrors, Fields, item_path};

/// The maximum length of a poll title.
pub(crate) const MAX_TITLE_CHARS: usize = 64;
/// The maximum length of a question.
const MAX_QUESTION_CHARS: usize = 1024;

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

/// A poll attached to a webinar.
#[derive(Debug, Clone)]
pub(crate) struct Poll {
    pub id: String,
    /// One of notstart, started, ended, sharing, deactivated.
    pub status: String,
    pub body: PollBody,
}

/// The writable part of a poll, as `POST` and `PUT` send it.
#[derive(Debug, Clone)]
pub(crate) struct PollBody {
    pub title: String,
    /// 1 poll, 2 advanced poll, 3 quiz.
    pub poll_type: i64,
    pub anonymous: bool,
    /// Validated questions, kept as JSON to echo every optional field.
    pub questions: Vec<Value>,
}

impl Poll {
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "status": self.status,
            "title": self.body.title,
            "poll_type": self.body.poll_type,
            "anonymous": self.body.anonymous,
            "questions": self.body.questions,
        })
    }
}

impl PollBody {
    /// Validates a poll request body against the limits in Zoom's spec.
    ///
    /// - The title has at most 64 characters and a question name at most 1024.
    /// - Choice questions have at least two answers, and at most 10 (single,
    ///   multiple), 16 (matching) or 7 (rank order).
    /// - Quiz choice questions need right answers, and a single-choice
    ///   question takes only one.
    /// - Rating scales run from at least 0 to at most 10.
    pub(crate) fn parse(
        request: &Map<String, Value>,
        errors: &mut FieldErrors,
    ) -> Option<PollBody> {
        let fields = Fields::root(request);
        let title = fields.required_string("title", MAX_TITLE_CHARS, errors);
        let poll_type = if fields.has("poll_type") {
            fields.int_in("poll_type", &[1, 2, 3], errors)
        } else {
            Some(1)
        };
        let anonymous = fields.bool("anonymous", errors).unwrap_or(false);
        let mut questions = Vec::new();
        match fields.array("questions", 100, errors) {
            Some(items) if !items.is_empty() => {
                for (index, item) in items.iter().enumerate() {
                    let path = item_path("questions", index);
                    if let Some(question) =
                        parse_question(item, &path, poll_type == Some(3), errors)
                    {
                        questions.push(question);
                    }
                }
            }
            Some(_) => errors.reject("questions"),
            None if !fields.has("questions") => errors.reject("questions"),
            None => {}
        }
        if !errors.is_empty() {
            return None;
        }
        Some(PollBody {
            title: title?,
            poll_type: poll_type?,
            anonymous,
            questions,
        })
    }
}

fn parse_question(
    item: &Value,
    path: &str,
    is_quiz: bool,
    errors: &mut FieldErrors,
) -> Option<Value> {
    let Some(map) = item.as_object() else {
        errors.reject(path.to_owned());
        return None;
    };
    let fields = Fields::nested(map, path);
    let before = errors.len();
    fields.required_string("name", MAX_QUESTION_CHARS, errors);
    let kind = if fields.has("type") {
        fields.string_in("type", QUESTION_TYPES, errors)
    } else {
        Some("single".to_owned())
    };
    let answers = string_list(&fields, "answers", errors);
    let right_answers = string_list(&fields, "right_answers", errors);
    for flag in ["answer_required", "show_as_dropdown", "case_sensitive"] {
        fields.bool(flag, errors);
    }
    fields.int("answer_min_character", 1, 10_000, errors);
    fields.int("answer_max_character", 1, 10_000, errors);
    fields.int("rating_min_value", 0, 10, errors);
    fields.int("rating_max_value", 0, 10, errors);

    if let Some(kind) = kind.as_deref() {
        let answer_count = answers.as_ref().map_or(0, Vec::len);
        let max_answers = match kind {
            "single" | "multiple" => Some(10),
            "matching" => Some(16),
            "rank_order" => Some(7),
            _ => None,
        };
        if let Some(max) = max_answers
            && !(2..=max).contains(&answer_count)
        {
            errors.reject(fields.path("answers"));
        }
        let right_count = right_answers.as_ref().map_or(0, Vec::len);
        if is_quiz && max_answers.is_some() && right_count == 0 {
            errors.reject(fields.path("right_answers"));
        }
        if kind == "single" && right_count > 1 {
            errors.reject(fields.path("right_answers"));
        }
    }

    if errors.len() > before {
        return None;
    }
    let mut question = map.clone();
    question.insert("type".into(), json!(kind));
    Some(Value::Object(question))
}

fn string_list(fields: &Fields<'_>, key: &str, errors: &mut FieldErrors) -> Option<Vec<String>> {
    let items = fields.array(key, 1000, errors)?;
    let strings: Option<Vec<String>> = items
        .iter()
        .map(|item| item.as_str().map(str::to_owned))
        .collect();
    if strings.is_none() {
        errors.reject(fields.path(key));
    }
    strings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: Value) -> Result<PollBody, Vec<String>> {
        let mut errors = FieldErrors::default();
        let parsed = PollBody::parse(body.as_object().unwrap(), &mut errors);
        match errors.finish() {
            Ok(()) => Ok(parsed.unwrap()),
            Err(error) => Err(error.errors.into_iter().map(|e| e.field).collect()),
        }
    }

    #[test]
    fn valid_poll_parses() {
        let body = json!({"title": "Lunch", "questions": [
            {"name": "Pizza or pasta?", "type": "single", "answers": ["Pizza", "Pasta"]}
        ]});
        let poll = parse(body).unwrap();
        assert_eq!(poll.poll_type, 1);
        assert_eq!(poll.questions.len(), 1);
    }

    #[test]
    fn long_title_and_single_answer_are_rejected() {
        let body = json!({"title": "t".repeat(65), "questions": [
            {"name": "Q", "type": "single", "answers": ["only one"]}
        ]});
        assert_eq!(parse(body).unwrap_err(), ["title", "questions[0].answers"]);
    }

    #[test]
    fn quiz_needs_right_answers() {
        let body = json!({"title": "Quiz", "poll_type": 3, "questions": [
            {"name": "2+2?", "type": "single", "answers": ["3", "4"]}
        ]});
        assert_eq!(parse(body).unwrap_err(), ["questions[0].right_answers"]);
    }
}
