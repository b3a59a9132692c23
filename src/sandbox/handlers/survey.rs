//! The webinar survey: read, update (PATCH) and delete.

use super::{ApiCall, HandlerResult};
use crate::sandbox::fields::parse_object;
use crate::sandbox::model::survey::WebinarSurvey;
use crate::sandbox::reply::Reply;
use crate::sandbox::state::SandboxState;

pub(super) fn get(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let webinar = state.webinar(call.param(0))?;
    Ok(Reply::ok(webinar.survey.to_json()))
}

pub(super) fn update(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    state.webinar(call.param(0))?;
    let body = parse_object(call.body)?;
    let webinar = state.webinar_mut(call.param(0))?;
    webinar.survey.apply(&body)?;
    tracing::info!(webinar_id = webinar.id, "sandbox updated a webinar survey");
    Ok(Reply::NoContent)
}

/// Removes the survey, which restores the settings of a webinar that never
/// had one.
pub(super) fn delete(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let webinar = state.webinar_mut(call.param(0))?;
    webinar.survey = WebinarSurvey::default();
    tracing::info!(webinar_id = webinar.id, "sandbox deleted a webinar survey");
    Ok(Reply::NoContent)
}
