//! Webinar polls: list, create, get, replace (PUT) and delete. Zoom has no
//! PATCH on polls; a PUT replaces title, type, anonymity and questions.

use serde_json::{Value, json};

use super::{ApiCall, HandlerResult};
use crate::sandbox::fields::{FieldErrors, parse_object};
use crate::sandbox::ids;
use crate::sandbox::model::poll::{Poll, PollBody};
use crate::sandbox::query::percent_decode;
use crate::sandbox::reply::{Reply, ZoomError};
use crate::sandbox::state::SandboxState;

fn invalid_poll_id() -> ZoomError {
    ZoomError::bad_request(4400, "Invalid poll IDs.")
}

fn read_body(call: &ApiCall<'_>) -> Result<PollBody, ZoomError> {
    let body = parse_object(call.body)?;
    let mut errors = FieldErrors::default();
    let parsed = PollBody::parse(&body, &mut errors);
    errors.finish()?;
    parsed.ok_or_else(|| ZoomError::invalid_field("questions"))
}

/// Lists polls; `anonymous=true` keeps only anonymous ones.
pub(super) fn list(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let anonymous_only = call.query.bool("anonymous")?.unwrap_or(false);
    let webinar = state.webinar(call.param(0))?;
    let polls: Vec<Value> = webinar
        .polls
        .iter()
        .filter(|poll| !anonymous_only || poll.body.anonymous)
        .map(Poll::to_json)
        .collect();
    Ok(Reply::ok(
        json!({"total_records": polls.len(), "polls": polls}),
    ))
}

pub(super) fn create(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    state.webinar(call.param(0))?;
    let body = read_body(call)?;
    let webinar = state.webinar_mut(call.param(0))?;
    let poll = Poll {
        id: ids::short_id(),
        status: "notstart".to_owned(),
        body,
    };
    let reply = poll.to_json();
    tracing::info!(webinar_id = webinar.id, poll_id = %poll.id, "sandbox created a poll");
    webinar.polls.push(poll);
    Ok(Reply::created(reply))
}

pub(super) fn get(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let poll_id = percent_decode(call.param(1));
    let webinar = state.webinar(call.param(0))?;
    let poll = webinar
        .polls
        .iter()
        .find(|poll| poll.id == poll_id)
        .ok_or_else(invalid_poll_id)?;
    Ok(Reply::ok(poll.to_json()))
}

pub(super) fn update(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let poll_id = percent_decode(call.param(1));
    let webinar = state.webinar(call.param(0))?;
    if !webinar.polls.iter().any(|poll| poll.id == poll_id) {
        return Err(invalid_poll_id());
    }
    let body = read_body(call)?;
    let webinar = state.webinar_mut(call.param(0))?;
    if let Some(poll) = webinar.polls.iter_mut().find(|poll| poll.id == poll_id) {
        poll.body = body;
    }
    tracing::info!(webinar_id = webinar.id, poll_id = %poll_id, "sandbox replaced a poll");
    Ok(Reply::NoContent)
}

pub(super) fn delete(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let poll_id = percent_decode(call.param(1));
    let webinar = state.webinar_mut(call.param(0))?;
    let index = webinar
        .polls
        .iter()
        .position(|poll| poll.id == poll_id)
        .ok_or_else(invalid_poll_id)?;
    webinar.polls.remove(index);
    tracing::info!(webinar_id = webinar.id, poll_id = %poll_id, "sandbox deleted a poll");
    Ok(Reply::NoContent)
}
