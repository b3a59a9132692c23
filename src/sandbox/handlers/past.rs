//! `/past_webinars/{webinarId}/…`: ended instances, participants,
//! absentees, poll answers and Q&A.

use serde_json::{Value, json};

use super::past_lookup::{PastId, decode_past_id, find_instance, past_not_found};
use super::{ApiCall, HandlerResult};
use crate::sandbox::model::past::{Participant, QaQuestion, poll_answers_json};
use crate::sandbox::model::registrant::RegistrantStatus;
use crate::sandbox::reply::{Reply, ZoomError};
use crate::sandbox::state::SandboxState;
use crate::sandbox::times::format_utc;

/// The maximum `page_size` of the participant and absentee lists.
const MAX_PAST_PAGE_SIZE: u32 = 300;

/// Lists the ended instances of a webinar, oldest first. Only a numeric
/// webinar id is accepted here.
pub(super) fn instances(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let PastId::Numeric(id) = decode_past_id(call.param(0)) else {
        return Err(ZoomError::invalid_webinar_id());
    };
    let webinar = state
        .webinars
        .get(&id)
        .ok_or_else(|| past_not_found(&id.to_string()))?;
    let mut instances: Vec<_> = webinar.instances.iter().collect();
    instances.sort_by_key(|instance| instance.start_time);
    let entries: Vec<Value> = instances
        .into_iter()
        .map(|instance| json!({"uuid": instance.uuid, "start_time": format_utc(instance.start_time)}))
        .collect();
    Ok(Reply::ok(json!({"webinars": entries})))
}

pub(super) fn participants(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let (_, instance) = find_instance(state, call.param(0))?;
    let entries: Vec<Value> = instance
        .participants
        .iter()
        .map(Participant::to_past_json)
        .collect();
    let listing = format!("past-participants:{}", instance.uuid);
    let request = state
        .pages
        .request(&listing, call.query, MAX_PAST_PAGE_SIZE, false)?;
    let page = state.pages.page(&listing, request, entries);
    let mut body = page.fields(false);
    body.insert("participants".into(), json!(page.items));
    Ok(Reply::ok(Value::Object(body)))
}

/// Lists approved registrants who did not join the instance. Needs
/// registration on the webinar.
pub(super) fn absentees(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let (webinar, instance) = find_instance(state, call.param(0))?;
    if !webinar.registration_enabled() {
        return Err(ZoomError::bad_request(
            3000,
            format!(
                "This webinar doesn't have registration required: {}.",
                instance.uuid
            ),
        ));
    }
    let occurrence_id = call.query.non_empty("occurrence_id");
    if let Some(occurrence_id) = occurrence_id
        && webinar.find_occurrence(occurrence_id).is_none()
    {
        return Err(ZoomError::bad_request(
            300,
            format!(
                "The request could not be completed because you have provided an invalid occurrence ID: {occurrence_id}."
            ),
        ));
    }
    let session = occurrence_id.or(instance.occurrence_id.as_deref());
    let entries: Vec<Value> = webinar
        .registrants
        .iter()
        .filter(|registrant| registrant.status == RegistrantStatus::Approved)
        .filter(|registrant| session.is_none_or(|id| registrant.attends(id)))
        .filter(|registrant| {
            !instance.participants.iter().any(|participant| {
                participant.registrant_id.as_deref() == Some(registrant.id.as_str())
            })
        })
        .map(|registrant| registrant.to_json(&state.origin, webinar.id))
        .collect();

    let listing = format!(
        "absentees:{}:{}",
        instance.uuid,
        occurrence_id.unwrap_or("")
    );
    let request = state
        .pages
        .request(&listing, call.query, MAX_PAST_PAGE_SIZE, false)?;
    let page = state.pages.page(&listing, request, entries);
    let mut body = page.fields(true);
    body.insert("registrants".into(), json!(page.items));
    Ok(Reply::ok(Value::Object(body)))
}

pub(super) fn polls(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let (webinar, instance) = find_instance(state, call.param(0))?;
    Ok(Reply::ok(json!({
        "id": webinar.id,
        "uuid": instance.uuid,
        "start_time": format_utc(instance.start_time),
        "questions": poll_answers_json(&instance.poll_answers, false),
    })))
}

pub(super) fn qa(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let (webinar, instance) = find_instance(state, call.param(0))?;
    let questions: Vec<Value> = instance
        .questions
        .iter()
        .map(QaQuestion::to_past_json)
        .collect();
    Ok(Reply::ok(json!({
        "id": webinar.id,
        "uuid": instance.uuid,
        "start_time": format_utc(instance.start_time),
        "questions": questions,
    })))
}
