//! `POST /webinars/{id}/batch_registrants`: register up to 30 people at
//! once on a single (type 5) webinar that has registration on.
//!
//! Zoom also limits each person to three registrations a day per webinar
//! through the API; the sandbox does not count them.

use serde_json::{Map, Value, json};

use super::{ApiCall, HandlerResult};
use crate::sandbox::fields::{FieldErrors, Fields, is_email, item_path, parse_object};
use crate::sandbox::ids;
use crate::sandbox::model::registrant::{Registrant, RegistrantStatus};
use crate::sandbox::model::settings;
use crate::sandbox::model::webinar::WebinarType;
use crate::sandbox::reply::{Reply, ZoomError};
use crate::sandbox::state::SandboxState;

/// The maximum number of registrants per call, from Zoom's spec.
const MAX_BATCH: usize = 30;

/// One person in the request.
#[derive(Debug)]
struct Candidate {
    email: String,
    first_name: String,
    last_name: String,
}

pub(super) fn add(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let webinar = state.webinar(call.param(0))?;
    if webinar.webinar_type != WebinarType::Single {
        return Err(ZoomError::bad_request(
            300,
            "This API can only be used for scheduled webinars (type 5). Batch registration is not supported for other webinar types.",
        ));
    }
    if !webinar.registration_enabled() {
        return Err(ZoomError::registration_not_enabled(webinar.id));
    }
    if webinar.end_time().is_some_and(|end| end <= call.now) {
        return Err(ZoomError::bad_request(
            3038,
            "The webinar is over. You cannot register now. If you have any questions, contact the webinar's host.",
        ));
    }
    let body = parse_object(call.body)?;
    let (auto_approve, candidates) = read_request(&body)?;

    let origin = state.origin.clone();
    let now = call.now;
    let webinar = state.webinar_mut(call.param(0))?;
    // Registering an email again returns the existing registration, as the
    // single registrant endpoint does, so only new emails count.
    let mut new_emails: Vec<&str> = Vec::new();
    for candidate in &candidates {
        let known = webinar
            .registrants
            .iter()
            .any(|registrant| registrant.email.eq_ignore_ascii_case(&candidate.email));
        let repeated = new_emails
            .iter()
            .any(|email| email.eq_ignore_ascii_case(&candidate.email));
        if !known && !repeated {
            new_emails.push(&candidate.email);
        }
    }
    let limit = webinar
        .settings
        .get("registrants_restrict_number")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    if limit > 0 && (webinar.registrants.len() + new_emails.len()) as u64 > limit {
        return Err(ZoomError::bad_request(
            3000,
            "You have reached the limit for the number of attendees you can add. Contact Zoom Support for more information.",
        ));
    }

    // `auto_approve` only matters for manual approval; automatic approval
    // approves everyone whatever `auto_approve` is.
    let status = if settings::approval_type(&webinar.settings) == 0 || auto_approve {
        RegistrantStatus::Approved
    } else {
        RegistrantStatus::Pending
    };
    let mut added = Vec::new();
    for candidate in candidates {
        let existing = webinar
            .registrants
            .iter()
            .position(|registrant| registrant.email.eq_ignore_ascii_case(&candidate.email));
        let index = match existing {
            Some(index) => index,
            None => {
                webinar.registrants.push(Registrant {
                    id: ids::short_id(),
                    email: candidate.email,
                    first_name: candidate.first_name,
                    last_name: candidate.last_name,
                    status,
                    create_time: now,
                    profile: Map::new(),
                    custom_questions: Vec::new(),
                    language: None,
                    occurrence_ids: Vec::new(),
                    join_secret: ids::secret(),
                });
                webinar.registrants.len() - 1
            }
        };
        let registrant = &webinar.registrants[index];
        added.push(json!({
            "registrant_id": registrant.id,
            "email": registrant.email,
            "join_url": registrant.join_url(&origin, webinar.id),
        }));
    }
    tracing::info!(
        webinar_id = webinar.id,
        count = added.len(),
        "sandbox added registrants in a batch"
    );
    Ok(Reply::created(json!({"registrants": added})))
}

/// Reads `auto_approve` and `registrants`: 1 to 30 people, each with a valid
/// `email` and a `first_name`, and an optional `last_name`.
fn read_request(body: &Map<String, Value>) -> Result<(bool, Vec<Candidate>), ZoomError> {
    let fields = Fields::root(body);
    let mut errors = FieldErrors::default();
    let auto_approve = fields.bool("auto_approve", &mut errors).unwrap_or(false);
    let items = fields.array("registrants", MAX_BATCH, &mut errors);
    if !fields.has("registrants") || items.is_some_and(Vec::is_empty) {
        errors.reject("registrants");
    }
    let mut candidates = Vec::new();
    for (index, item) in items.into_iter().flatten().enumerate() {
        let path = item_path("registrants", index);
        let Some(map) = item.as_object() else {
            errors.reject(path);
            continue;
        };
        let entry = Fields::nested(map, &path);
        let email = entry.required_string("email", 128, &mut errors);
        if email.as_deref().is_some_and(|email| !is_email(email)) {
            errors.reject(entry.path("email"));
        }
        let first_name = entry.required_string("first_name", 64, &mut errors);
        let last_name = entry
            .string("last_name", 64, &mut errors)
            .unwrap_or_default();
        if let (Some(email), Some(first_name)) = (email, first_name) {
            candidates.push(Candidate {
                email,
                first_name,
                last_name,
            });
        }
    }
    errors.finish()?;
    Ok((auto_approve, candidates))
}
