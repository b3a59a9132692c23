//! Webinar `settings`: defaults, validation and partial updates.
//!
//! Zoom's webinar settings object has about fifty fields. The sandbox keeps
//! them as a JSON map so it can echo every known field back, and checks each
//! known field against the type, enum or range in Zoom's OpenAPI spec.
//! Unknown fields are ignored, as Zoom ignores them.

use serde_json::{Map, Value, json};

use crate::sandbox::fields::{FieldErrors, Fields};

/// The validation rule of a known setting.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Bool,
    Text {
        max_chars: usize,
    },
    TextIn(&'static [&'static str]),
    IntIn(&'static [i64]),
    IntRange(i64, i64),
    TextList,
    /// `{enable, type 0-7}` of the reminder and follow-up emails.
    EmailSchedule,
    QuestionAndAnswer,
    /// `{enable, interpreters[]}` of language and sign language interpretation.
    Interpretation,
}

const EMAIL_LANGUAGES: &[&str] = &[
    "en-US", "de-DE", "es-ES", "fr-FR", "jp-JP", "pt-PT", "ru-RU", "zh-CN", "zh-TW", "ko-KO",
    "it-IT", "vi-VN", "pl-PL", "Tr-TR",
];

const TEXT: Kind = Kind::Text { max_chars: 1024 };

static KNOWN: &[(&str, Kind)] = &[
    ("additional_data_center_regions", Kind::TextList),
    ("allow_multiple_devices", Kind::Bool),
    ("alternative_hosts", TEXT),
    ("alternative_host_update_polls", Kind::Bool),
    ("approval_type", Kind::IntIn(&[0, 1, 2])),
    (
        "attendees_and_panelists_reminder_email_notification",
        Kind::EmailSchedule,
    ),
    (
        "audio",
        Kind::TextIn(&["both", "telephony", "voip", "thirdParty"]),
    ),
    ("audio_conference_info", Kind::Text { max_chars: 2048 }),
    ("authentication_domains", TEXT),
    ("authentication_option", TEXT),
    ("auto_recording", Kind::TextIn(&["local", "cloud", "none"])),
    ("close_registration", Kind::Bool),
    ("contact_email", TEXT),
    ("contact_name", TEXT),
    ("email_language", Kind::TextIn(EMAIL_LANGUAGES)),
    (
        "follow_up_absentees_email_notification",
        Kind::EmailSchedule,
    ),
    (
        "follow_up_attendees_email_notification",
        Kind::EmailSchedule,
    ),
    ("global_dial_in_countries", Kind::TextList),
    ("hd_video", Kind::Bool),
    ("hd_video_for_attendees", Kind::Bool),
    ("host_video", Kind::Bool),
    ("language_interpretation", Kind::Interpretation),
    ("sign_language_interpretation", Kind::Interpretation),
    ("panelist_authentication", Kind::Bool),
    ("meeting_authentication", Kind::Bool),
    ("add_watermark", Kind::Bool),
    ("add_audio_watermark", Kind::Bool),
    ("on_demand", Kind::Bool),
    ("panelists_invitation_email_notification", Kind::Bool),
    ("panelists_video", Kind::Bool),
    ("post_webinar_survey", Kind::Bool),
    ("practice_session", Kind::Bool),
    ("question_and_answer", Kind::QuestionAndAnswer),
    ("registrants_confirmation_email", Kind::Bool),
    ("registrants_email_notification", Kind::Bool),
    ("registrants_restrict_number", Kind::IntRange(0, 20000)),
    ("registration_type", Kind::IntIn(&[1, 2, 3])),
    ("send_1080p_video_to_attendees", Kind::Bool),
    ("show_share_button", Kind::Bool),
    ("show_join_info", Kind::Bool),
    ("survey_url", TEXT),
    ("enable_session_branding", Kind::Bool),
    ("request_permission_to_unmute_participants", Kind::Bool),
    ("allow_host_control_participant_mute_state", Kind::Bool),
    ("email_in_attendee_report", Kind::Bool),
];

/// Settings a PATCH with `occurrence_id` may change for one occurrence, per
/// the `occurrence_id` parameter text of Zoom's spec.
pub(crate) const OCCURRENCE_SETTINGS: &[&str] = &[
    "host_video",
    "panelists_video",
    "hd_video",
    "add_watermark",
    "auto_recording",
];

/// Returns the settings of a new webinar hosted by `contact_name` and
/// `contact_email`, before the request's own settings are applied.
pub(crate) fn defaults(contact_name: &str, contact_email: &str) -> Map<String, Value> {
    let value = json!({
        "host_video": false,
        "panelists_video": false,
        "practice_session": false,
        "hd_video": false,
        "hd_video_for_attendees": false,
        "send_1080p_video_to_attendees": false,
        "approval_type": 2,
        "registration_type": 1,
        "audio": "both",
        "auto_recording": "none",
        "alternative_hosts": "",
        "alternative_host_update_polls": false,
        "close_registration": false,
        "show_share_button": false,
        "allow_multiple_devices": false,
        "on_demand": false,
        "global_dial_in_countries": ["US"],
        "contact_name": contact_name,
        "contact_email": contact_email,
        "registrants_restrict_number": 0,
        "registrants_confirmation_email": true,
        "registrants_email_notification": true,
        "post_webinar_survey": false,
        "survey_url": "",
        "meeting_authentication": false,
        "panelist_authentication": false,
        "question_and_answer": {
            "enable": true,
            "allow_submit_questions": true,
            "allow_anonymous_questions": true,
            "answer_questions": "all",
            "attendees_can_comment": true,
            "attendees_can_upvote": true,
        },
        "attendees_and_panelists_reminder_email_notification": {"enable": true, "type": 0},
        "follow_up_attendees_email_notification": {"enable": false, "type": 0},
        "follow_up_absentees_email_notification": {"enable": false, "type": 0},
        "panelists_invitation_email_notification": true,
        "email_language": "en-US",
        "language_interpretation": {"enable": false, "interpreters": []},
        "sign_language_interpretation": {"enable": false, "interpreters": []},
        "enable_session_branding": false,
        "add_watermark": false,
        "add_audio_watermark": false,
        "show_join_info": false,
        "request_permission_to_unmute_participants": false,
        "allow_host_control_participant_mute_state": false,
        "email_in_attendee_report": false,
    });
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// Validates the known fields of a request's `settings` object and returns
/// them, ready to merge with [`merge`]. Invalid fields are recorded in
/// `errors` under `settings.<name>`.
pub(crate) fn validate(
    request: &Map<String, Value>,
    errors: &mut FieldErrors,
) -> Map<String, Value> {
    let fields = Fields::nested(request, "settings");
    let mut accepted = Map::new();
    for (name, kind) in KNOWN {
        if !fields.has(name) {
            continue;
        }
        if let Some(value) = validate_one(&fields, name, *kind, errors) {
            accepted.insert((*name).to_owned(), value);
        }
    }
    accepted
}

fn validate_one(
    fields: &Fields<'_>,
    name: &str,
    kind: Kind,
    errors: &mut FieldErrors,
) -> Option<Value> {
    match kind {
        Kind::Bool => fields.bool(name, errors).map(Value::Bool),
        Kind::Text { max_chars } => fields.string(name, max_chars, errors).map(Value::String),
        Kind::TextIn(allowed) => fields.string_in(name, allowed, errors).map(Value::String),
        Kind::IntIn(allowed) => fields.int_in(name, allowed, errors).map(Value::from),
        Kind::IntRange(min, max) => fields.int(name, min, max, errors).map(Value::from),
        Kind::TextList => {
            let items = fields.array(name, 1000, errors)?;
            if items.iter().all(Value::is_string) {
                Some(Value::Array(items.clone()))
            } else {
                errors.reject(fields.path(name));
                None
            }
        }
        Kind::EmailSchedule => {
            let map = fields.object(name, errors)?;
            let path = fields.path(name);
            let inner = Fields::nested(map, &path);
            let mut out = Map::new();
            if let Some(enable) = inner.bool("enable", errors) {
                out.insert("enable".into(), Value::Bool(enable));
            }
            if let Some(kind) = inner.int("type", 0, 7, errors) {
                out.insert("type".into(), Value::from(kind));
            }
            Some(Value::Object(out))
        }
        Kind::QuestionAndAnswer => {
            let map = fields.object(name, errors)?;
            let path = fields.path(name);
            let inner = Fields::nested(map, &path);
            let mut out = Map::new();
            for flag in [
                "enable",
                "allow_submit_questions",
                "allow_anonymous_questions",
                "attendees_can_comment",
                "attendees_can_upvote",
                "allow_auto_reply",
            ] {
                if let Some(value) = inner.bool(flag, errors) {
                    out.insert(flag.into(), Value::Bool(value));
                }
            }
            if let Some(mode) = inner.string_in("answer_questions", &["only", "all"], errors) {
                out.insert("answer_questions".into(), Value::String(mode));
            }
            if let Some(text) = inner.string("auto_reply_text", 1024, errors) {
                out.insert("auto_reply_text".into(), Value::String(text));
            }
            Some(Value::Object(out))
        }
        Kind::Interpretation => {
            let map = fields.object(name, errors)?;
            let path = fields.path(name);
            let inner = Fields::nested(map, &path);
            let mut out = Map::new();
            if let Some(enable) = inner.bool("enable", errors) {
                out.insert("enable".into(), Value::Bool(enable));
            }
            if let Some(interpreters) = inner.array("interpreters", 50, errors) {
                out.insert("interpreters".into(), Value::Array(interpreters.clone()));
            }
            Some(Value::Object(out))
        }
    }
}

/// Applies validated `changes` to `settings`: nested objects are merged field
/// by field, other values replaced.
pub(crate) fn merge(settings: &mut Map<String, Value>, changes: Map<String, Value>) {
    for (name, value) in changes {
        match (settings.get_mut(&name), value) {
            (Some(Value::Object(current)), Value::Object(update)) => {
                for (key, inner) in update {
                    current.insert(key, inner);
                }
            }
            (_, value) => {
                settings.insert(name, value);
            }
        }
    }
}

/// Reads `approval_type` (0 automatic, 1 manual, 2 no registration).
pub(crate) fn approval_type(settings: &Map<String, Value>) -> i64 {
    settings
        .get("approval_type")
        .and_then(Value::as_i64)
        .unwrap_or(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validate_keeps_known_and_rejects_bad_values() {
        let request = json!({
            "approval_type": 1,
            "auto_recording": "tape",
            "question_and_answer": {"answer_questions": "some"},
            "unknown_setting": true,
        });
        let mut errors = FieldErrors::default();
        let accepted = validate(request.as_object().unwrap(), &mut errors);
        assert_eq!(accepted.get("approval_type"), Some(&json!(1)));
        assert!(!accepted.contains_key("unknown_setting"));
        let error = errors.finish().unwrap_err();
        let fields: Vec<&str> = error.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "settings.auto_recording",
                "settings.question_and_answer.answer_questions"
            ]
        );
    }

    #[test]
    fn merge_updates_nested_objects_field_by_field() {
        let mut settings = defaults("Host", "host@example.com");
        let change = json!({"question_and_answer": {"enable": false}});
        merge(&mut settings, change.as_object().unwrap().clone());
        assert_eq!(settings["question_and_answer"]["enable"], json!(false));
        assert_eq!(
            settings["question_and_answer"]["answer_questions"],
            json!("all")
        );
    }
}
