//! `POST /webinars/{id}/invite_links`: personal join links for attendees.

use serde_json::{Value, json};

use super::{ApiCall, HandlerResult};
use crate::sandbox::fields::{FieldErrors, Fields, item_path, parse_object};
use crate::sandbox::ids;
use crate::sandbox::reply::{Reply, ZoomError};
use crate::sandbox::state::SandboxState;

/// The maximum number of attendees per call.
const MAX_ATTENDEES: usize = 500;
/// The maximum length of an attendee's display name.
const MAX_NAME_CHARS: usize = 64;
/// The maximum link lifetime, in seconds (90 days).
const MAX_TTL_SECS: i64 = 7_776_000;

pub(super) fn create(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let webinar = state.webinar(call.param(0))?;
    let body = parse_object(call.body)?;
    let fields = Fields::root(&body);
    let mut errors = FieldErrors::default();

    // The link lifetime (default 7200 s) is validated but links never expire
    // in the sandbox because nothing serves them.
    fields.int("ttl", 0, MAX_TTL_SECS, &mut errors);
    let mut names = Vec::new();
    match fields.array("attendees", MAX_ATTENDEES, &mut errors) {
        Some(items) if !items.is_empty() => {
            for (index, item) in items.iter().enumerate() {
                let path = item_path("attendees", index);
                let Some(map) = item.as_object() else {
                    errors.reject(path);
                    continue;
                };
                let entry = Fields::nested(map, &path);
                entry.bool("disable_video", &mut errors);
                entry.bool("disable_audio", &mut errors);
                if let Some(name) = entry.required_string("name", MAX_NAME_CHARS, &mut errors) {
                    names.push(name);
                }
            }
        }
        Some(_) => errors.reject("attendees"),
        None if !fields.has("attendees") => errors.reject("attendees"),
        None => {}
    }
    errors.finish()?;
    if names.is_empty() {
        return Err(ZoomError::invalid_field("attendees"));
    }

    let attendees: Vec<Value> = names
        .into_iter()
        .map(|name| {
            let join_url = format!("{}/w/{}?tk={}", state.origin, webinar.id, ids::secret());
            json!({"name": name, "join_url": join_url})
        })
        .collect();
    tracing::info!(
        webinar_id = webinar.id,
        links = attendees.len(),
        "sandbox created invite links"
    );
    Ok(Reply::created(json!({"attendees": attendees})))
}
