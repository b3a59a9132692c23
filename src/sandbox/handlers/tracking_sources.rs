//! `GET /webinars/{id}/tracking_sources`, read-only: Zoom has no API to
//! create or delete a tracking source.

use serde_json::{Value, json};

use super::{ApiCall, HandlerResult};
use crate::sandbox::reply::Reply;
use crate::sandbox::state::SandboxState;

/// Lists the tracking sources. The list is not paginated.
pub(super) fn list(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let webinar = state.webinar(call.param(0))?;
    let sources: Vec<Value> = webinar
        .tracking_sources
        .iter()
        .map(|source| source.to_json(webinar, &state.origin))
        .collect();
    Ok(Reply::ok(json!({
        "total_records": sources.len(),
        "tracking_sources": sources,
    })))
}
