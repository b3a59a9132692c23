//! `GET /users/{userId}/webinars` and `GET /webinars/{webinarId}`.

use serde_json::{Value, json};

use super::past_lookup::{PastId, decode_past_id};
use super::{ApiCall, HandlerResult};
use crate::sandbox::model::webinar::{Webinar, WebinarView};
use crate::sandbox::query::percent_decode;
use crate::sandbox::reply::{Reply, ZoomError};
use crate::sandbox::state::SandboxState;

/// The maximum `page_size` of the webinar list.
const MAX_WEBINARS_PAGE_SIZE: u32 = 300;

/// Lists a host's webinars, by start time. `type=scheduled` (the default)
/// lists every unexpired webinar, including recent ones that have ended.
/// `type=upcoming` lists only those with a live or future session.
pub(super) fn list(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let key = percent_decode(call.param(0));
    let user = state
        .find_user(&key)
        .ok_or_else(|| ZoomError::user_not_found_for_webinars(&key))?
        .clone();
    if !user.webinar_licence {
        return Err(ZoomError::webinar_plan_missing(&user.id));
    }
    let list_type = call.query.non_empty("type").unwrap_or("scheduled");
    if !["scheduled", "upcoming"].contains(&list_type) {
        return Err(ZoomError::invalid_field("type"));
    }
    let listing = format!("webinars:{}:{list_type}", user.id);
    let request = state
        .pages
        .request(&listing, call.query, MAX_WEBINARS_PAGE_SIZE, true)?;

    let now = call.now;
    let mut matching: Vec<_> = state
        .webinars
        .values()
        .filter(|webinar| webinar.host_id == user.id && webinar.is_unexpired(now))
        .filter(|webinar| list_type == "scheduled" || webinar.is_upcoming(now))
        .collect();
    matching.sort_by_key(|webinar| (webinar.current_start(now), webinar.id));
    let entries: Vec<Value> = matching
        .into_iter()
        .map(|webinar| webinar.to_list_json(&state.origin, now))
        .collect();

    let page = state.pages.page(&listing, request, entries);
    let mut body = page.fields(true);
    body.insert("webinars".into(), json!(page.items));
    Ok(Reply::ok(Value::Object(body)))
}

pub(super) fn get(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let show_previous_occurrences = call
        .query
        .bool("show_previous_occurrences")?
        .unwrap_or(false);
    let webinar = find_by_id_or_uuid(state, call.param(0))?;
    let occurrence = match call.query.non_empty("occurrence_id") {
        Some(occurrence_id) => Some(
            webinar
                .find_occurrence(occurrence_id)
                .ok_or_else(ZoomError::occurrence_does_not_exist)?,
        ),
        None => None,
    };
    let view = WebinarView {
        now: call.now,
        occurrence,
        show_previous_occurrences,
    };
    let host = state.host(&webinar.host_id);
    Ok(Reply::ok(webinar.to_json(host, &state.origin, view)))
}

/// Finds a webinar by numeric id or, as Zoom's spec allows for this
/// endpoint, by the UUID of its next or of an ended instance.
fn find_by_id_or_uuid<'a>(state: &'a SandboxState, raw: &str) -> Result<&'a Webinar, ZoomError> {
    let uuid = match decode_past_id(raw) {
        PastId::Numeric(_) => return state.webinar(raw),
        PastId::Uuid(uuid) | PastId::SingleEncodedSlashUuid(uuid) => uuid,
    };
    if !looks_like_uuid(&uuid) {
        return Err(ZoomError::invalid_webinar_id());
    }
    state
        .webinars
        .values()
        .find(|webinar| {
            webinar.uuid == uuid
                || webinar
                    .instances
                    .iter()
                    .any(|instance| instance.uuid == uuid)
        })
        .ok_or_else(|| ZoomError::webinar_does_not_exist(&uuid))
}

/// Reports whether `text` has the shape of a Zoom UUID: base64 of 16 bytes,
/// about 22 characters plus `=` padding.
fn looks_like_uuid(text: &str) -> bool {
    text.len() >= 16
        && text
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'/' | b'='))
}
