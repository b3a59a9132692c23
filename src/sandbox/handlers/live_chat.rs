//! `DELETE /live_webinars/{id}/chat/messages/{messageId}`: delete an
//! in-webinar chat message while the webinar is live.

use super::{ApiCall, HandlerResult};
use crate::sandbox::query::percent_decode;
use crate::sandbox::reply::{Reply, ZoomError};
use crate::sandbox::state::SandboxState;

/// Reports whether `text` is a non-empty base64 string (standard or
/// URL-safe alphabet), the form of Zoom's chat message and file ids.
fn is_base64_id(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=' | '-' | '_'))
}

/// Deletes a chat message and, with `file_ids`, its files. A webinar with
/// no live session gets 404 code 3001, the only not-found error Zoom's
/// spec lists for this endpoint.
// NOTE: the sandbox keeps no chat messages, so any well-formed message id
// of a live webinar is accepted and nothing can be read back.
pub(super) fn delete_message(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let webinar = state.webinar(call.param(0))?;
    if !webinar.is_live(call.now) {
        return Err(ZoomError::webinar_does_not_exist(&webinar.id.to_string()));
    }
    let message_id = percent_decode(call.param(1));
    if !is_base64_id(&message_id) {
        return Err(ZoomError::bad_request(
            300,
            format!("Invalid chat message ID: {message_id}."),
        ));
    }
    if let Some(file_ids) = call.query.non_empty("file_ids")
        && !file_ids.split(',').all(|id| is_base64_id(id.trim()))
    {
        return Err(ZoomError::invalid_field("file_ids"));
    }
    tracing::info!(
        webinar_id = webinar.id,
        "sandbox deleted a live chat message"
    );
    Ok(Reply::NoContent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_ids_only() {
        assert!(is_base64_id("Kq4+Yz0PR/m1x9bDwtA3gw=="));
        assert!(is_base64_id("abc_DEF-123"));
        assert!(!is_base64_id(""));
        assert!(!is_base64_id("not an id"));
    }
}
