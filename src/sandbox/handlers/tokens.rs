//! Tokens for bots and caption services: the join tokens for live
//! streaming and local recording, the local archiving token, and the
//! closed caption API token.

use serde_json::json;

use super::{ApiCall, HandlerResult};
use crate::sandbox::ids;
use crate::sandbox::reply::{Reply, ZoomError};
use crate::sandbox::state::SandboxState;

/// Seconds a join or archive token stays valid; Zoom's spec says it is
/// always 120.
const JOIN_TOKEN_TTL_SECS: u64 = 120;
/// Seconds the closed caption URL stays valid, from the example in Zoom's
/// spec.
const CAPTION_TOKEN_TTL_SECS: u64 = 86_400;

/// Serves the three `/jointoken/...` endpoints, which share one shape:
/// `{expire_in: 120, token}`. Every call returns a fresh token.
pub(super) fn join_token(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let webinar = state.webinar(call.param(0))?;
    tracing::debug!(webinar_id = webinar.id, "sandbox issued a join token");
    Ok(Reply::ok(json!({
        "expire_in": JOIN_TOKEN_TTL_SECS,
        "token": ids::secret(),
    })))
}

/// `GET /webinars/{id}/token?type=closed_caption_token`: the URL a caption
/// service posts captions to. It exists only while the webinar is live, so
/// other times get 400 code 3000 "Webinar {id} has not started."
pub(super) fn webinar_token(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let kind = call
        .query
        .non_empty("type")
        .unwrap_or("closed_caption_token");
    if kind != "closed_caption_token" {
        return Err(ZoomError::invalid_field("type"));
    }
    let webinar = state.webinar(call.param(0))?;
    if !webinar.is_live(call.now) {
        return Err(ZoomError::bad_request(
            3000,
            format!("Webinar {} has not started.", webinar.id),
        ));
    }
    let token = format!(
        "{}/closedcaption?id={}&ns={}&expire={CAPTION_TOKEN_TTL_SECS}&spparams=id%2Cns%2Cexpire&signature={}",
        state.origin,
        webinar.id,
        ids::short_id(),
        ids::secret()
    );
    Ok(Reply::ok(json!({"token": token})))
}
