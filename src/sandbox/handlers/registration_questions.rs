//! The registration form: list and replace its questions. Both need
//! registration on, else Zoom returns 400 code 3000.

use super::{ApiCall, HandlerResult};
use crate::sandbox::fields::parse_object;
use crate::sandbox::reply::{Reply, ZoomError};
use crate::sandbox::state::SandboxState;

pub(super) fn list(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let webinar = state.webinar(call.param(0))?;
    if !webinar.registration_enabled() {
        return Err(ZoomError::registration_not_enabled(webinar.id));
    }
    Ok(Reply::ok(webinar.registration_questions.to_json()))
}

/// Replaces `questions` and `custom_questions`, each only when the body
/// contains it.
// NOTE: the stored questions are not enforced when people register; the
// registrant endpoints accept the same fields as before.
pub(super) fn update(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let webinar = state.webinar_mut(call.param(0))?;
    if !webinar.registration_enabled() {
        return Err(ZoomError::registration_not_enabled(webinar.id));
    }
    let body = parse_object(call.body)?;
    webinar.registration_questions.apply(&body)?;
    tracing::info!(
        webinar_id = webinar.id,
        "sandbox updated registration questions"
    );
    Ok(Reply::NoContent)
}
