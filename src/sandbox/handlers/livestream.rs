//! Live streaming to a custom service: read and set where the stream goes,
//! and start or stop it.

use super::{ApiCall, HandlerResult};
use crate::sandbox::fields::{FieldErrors, Fields, parse_object};
use crate::sandbox::model::livestream::{LiveStreamConfig, LiveStreamSettings};
use crate::sandbox::reply::{Reply, ZoomError};
use crate::sandbox::state::SandboxState;

pub(super) fn get(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let webinar = state.webinar(call.param(0))?;
    Ok(Reply::ok(webinar.live_stream.to_json()))
}

/// Replaces the stream target; the body needs `page_url`, `stream_key` and
/// `stream_url`.
pub(super) fn update(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    state.webinar(call.param(0))?;
    let body = parse_object(call.body)?;
    let mut errors = FieldErrors::default();
    let config = LiveStreamConfig::read(&body, &mut errors);
    errors.finish()?;

    let webinar = state.webinar_mut(call.param(0))?;
    webinar.live_stream.config = config;
    tracing::info!(webinar_id = webinar.id, "sandbox updated a live stream");
    Ok(Reply::NoContent)
}

/// Starts or stops the stream. Errors, in order: no stream target (400 code
/// 3000), `start` while no session is live (400 code 200 "Webinar {id} has
/// not started."), and `settings` while the stream runs, which Zoom's spec
/// does not allow ("Only settings for a stopped live stream can be
/// updated").
pub(super) fn update_status(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let body = parse_object(call.body)?;
    let fields = Fields::root(&body);
    let mut errors = FieldErrors::default();
    if !fields.has("action") {
        errors.reject("action");
    }
    let action = fields.string_in("action", &["start", "stop"], &mut errors);
    let settings = fields
        .object("settings", &mut errors)
        .map(|map| LiveStreamSettings::read(map, &mut errors));
    errors.finish()?;

    let now = call.now;
    let webinar = state.webinar_mut(call.param(0))?;
    if webinar.live_stream.config.is_none() {
        return Err(ZoomError::bad_request(
            3000,
            "The current webinar is not configured with a custom streaming service.",
        ));
    }
    let start = action.as_deref() == Some("start");
    if start && !webinar.is_live(now) {
        return Err(ZoomError::bad_request(
            200,
            format!("Webinar {} has not started.", webinar.id),
        ));
    }
    // Zoom's spec gives no error code for settings sent while the stream
    // runs, so the sandbox uses 300.
    if settings.is_some() && webinar.live_stream.streaming {
        return Err(ZoomError::bad_request(
            300,
            "Only settings for a stopped live stream can be updated.",
        ));
    }
    if let Some(settings) = settings {
        webinar.live_stream.settings.merge(settings);
    }
    webinar.live_stream.streaming = start;
    tracing::info!(
        webinar_id = webinar.id,
        streaming = start,
        "sandbox changed a live stream's status"
    );
    Ok(Reply::NoContent)
}
