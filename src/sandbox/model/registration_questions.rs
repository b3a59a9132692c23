//! The registration form of a webinar: which standard fields registrants
//! fill in, and the host's own questions.

use serde_json::{Map, Value, json};

use crate::sandbox::fields::{FieldErrors, Fields, item_path};
use crate::sandbox::reply::ZoomError;

/// Standard registration fields a webinar may ask for. First name and email
/// are always asked, so they are not in the list.
const FIELD_NAMES: &[&str] = &[
    "last_name",
    "address",
    "city",
    "country",
    "zip",
    "state",
    "phone",
    "industry",
    "org",
    "job_title",
    "purchasing_time_frame",
    "role_in_purchase_process",
    "no_of_employees",
    "comments",
];

/// Custom question types: a short answer or a choice among `answers`.
const CUSTOM_TYPES: &[&str] = &["short", "single_radio", "single_dropdown", "multiple"];

/// The maximum number of items in either list of a PATCH.
const MAX_QUESTIONS: usize = 100;

/// A standard field on the registration form.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldQuestion {
    pub field_name: String,
    pub required: bool,
}

/// A question the host wrote.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CustomQuestion {
    pub title: String,
    /// One of [`CUSTOM_TYPES`].
    pub kind: String,
    pub required: bool,
    /// Answer choices; empty for `short`.
    pub answers: Vec<String>,
}

/// A webinar's registration questions.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct RegistrationQuestions {
    pub questions: Vec<FieldQuestion>,
    pub custom_questions: Vec<CustomQuestion>,
}

impl RegistrationQuestions {
    /// Renders `GET /webinars/{id}/registrants/questions`.
    pub(crate) fn to_json(&self) -> Value {
        let questions: Vec<Value> = self
            .questions
            .iter()
            .map(|question| json!({"field_name": question.field_name, "required": question.required}))
            .collect();
        let custom: Vec<Value> = self
            .custom_questions
            .iter()
            .map(|question| {
                json!({
                    "title": question.title,
                    "type": question.kind,
                    "required": question.required,
                    "answers": question.answers,
                })
            })
            .collect();
        json!({"questions": questions, "custom_questions": custom})
    }

    /// Applies a PATCH body: each list that the body contains replaces the
    /// stored one, and a list the body leaves out stays as it is.
    pub(crate) fn apply(&mut self, body: &Map<String, Value>) -> Result<(), ZoomError> {
        let fields = Fields::root(body);
        let mut errors = FieldErrors::default();
        let questions = fields
            .array("questions", MAX_QUESTIONS, &mut errors)
            .map(|items| read_field_questions(items, &mut errors));
        let custom = fields
            .array("custom_questions", MAX_QUESTIONS, &mut errors)
            .map(|items| read_custom_questions(items, &mut errors));
        errors.finish()?;
        if let Some(questions) = questions {
            self.questions = questions;
        }
        if let Some(custom) = custom {
            self.custom_questions = custom;
        }
        Ok(())
    }
}

/// Reads `questions[]`; a field named twice is rejected.
fn read_field_questions(items: &[Value], errors: &mut FieldErrors) -> Vec<FieldQuestion> {
    let mut questions: Vec<FieldQuestion> = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let path = item_path("questions", index);
        let Some(map) = item.as_object() else {
            errors.reject(path);
            continue;
        };
        let entry = Fields::nested(map, &path);
        if !entry.has("field_name") {
            errors.reject(entry.path("field_name"));
        }
        let field_name = entry.string_in("field_name", FIELD_NAMES, errors);
        let required = entry.bool("required", errors).unwrap_or(false);
        let Some(field_name) = field_name else {
            continue;
        };
        if questions.iter().any(|known| known.field_name == field_name) {
            errors.reject(entry.path("field_name"));
            continue;
        }
        questions.push(FieldQuestion {
            field_name,
            required,
        });
    }
    questions
}

/// Reads `custom_questions[]`. A choice question needs at least one answer,
/// and a `short` question takes none, as Zoom's spec says of `answers`.
fn read_custom_questions(items: &[Value], errors: &mut FieldErrors) -> Vec<CustomQuestion> {
    let mut questions = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let path = item_path("custom_questions", index);
        let Some(map) = item.as_object() else {
            errors.reject(path);
            continue;
        };
        let entry = Fields::nested(map, &path);
        let title = entry.required_string("title", usize::MAX, errors);
        if !entry.has("type") {
            errors.reject(entry.path("type"));
        }
        let kind = entry.string_in("type", CUSTOM_TYPES, errors);
        let required = entry.bool("required", errors).unwrap_or(false);
        let answers = read_answers(&entry, errors);
        if let (Some(kind), Some(answers)) = (kind.as_deref(), answers.as_ref()) {
            let is_short = kind == "short";
            if is_short != answers.is_empty() {
                errors.reject(entry.path("answers"));
            }
        }
        if let (Some(title), Some(kind), Some(answers)) = (title, kind, answers) {
            questions.push(CustomQuestion {
                title,
                kind,
                required,
                answers,
            });
        }
    }
    questions
}

/// Reads `answers`, a list of non-empty strings; absent means none.
fn read_answers(entry: &Fields<'_>, errors: &mut FieldErrors) -> Option<Vec<String>> {
    if !entry.has("answers") {
        return Some(Vec::new());
    }
    let items = entry.array("answers", usize::MAX, errors)?;
    let answers: Option<Vec<String>> = items
        .iter()
        .map(|item| {
            item.as_str()
                .filter(|text| !text.trim().is_empty())
                .map(str::to_owned)
        })
        .collect();
    if answers.is_none() {
        errors.reject(entry.path("answers"));
    }
    answers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(body: Value) -> Result<RegistrationQuestions, Vec<String>> {
        let mut questions = RegistrationQuestions::default();
        match questions.apply(body.as_object().unwrap()) {
            Ok(()) => Ok(questions),
            Err(error) => Err(error.errors.into_iter().map(|e| e.field).collect()),
        }
    }

    #[test]
    fn valid_lists_replace_stored_ones() {
        let questions = apply(json!({
            "questions": [{"field_name": "org", "required": true}],
            "custom_questions": [{"title": "Role?", "type": "single_radio", "answers": ["Dev", "Ops"]}]
        }))
        .unwrap();
        assert_eq!(questions.questions[0].field_name, "org");
        assert!(questions.questions[0].required);
        assert_eq!(questions.custom_questions[0].answers, ["Dev", "Ops"]);
        assert!(!questions.custom_questions[0].required);
    }

    #[test]
    fn bad_items_are_named() {
        let fields = apply(json!({
            "questions": [{"field_name": "email"}, {"field_name": "city"}, {"field_name": "city"}],
            "custom_questions": [
                {"title": "Why?", "type": "short", "answers": ["a"]},
                {"title": "Pick", "type": "multiple"},
                {"type": "essay"}
            ]
        }))
        .unwrap_err();
        assert_eq!(
            fields,
            [
                "questions[0].field_name",
                "questions[2].field_name",
                "custom_questions[0].answers",
                "custom_questions[1].answers",
                "custom_questions[2].title",
                "custom_questions[2].type",
            ]
        );
    }
}
