//! Webinar panelists: list, add (up to 30 per call), remove one, remove all.
//! Zoom has no panelist update; clients delete and re-add.

use serde_json::{Map, Value, json};

use super::{ApiCall, HandlerResult};
use crate::sandbox::fields::{FieldErrors, Fields, is_email, item_path, parse_object};
use crate::sandbox::ids;
use crate::sandbox::model::registrant::{PANELIST_EXTRAS, Panelist};
use crate::sandbox::query::percent_decode;
use crate::sandbox::reply::{Reply, ZoomError};
use crate::sandbox::state::SandboxState;
use crate::sandbox::times::format_utc;

/// The maximum number of panelists one `POST` may add.
const MAX_PANELISTS_PER_CALL: usize = 30;

// NOTE: Zoom's panelist capacity depends on the plan (100 on the standard
// webinar plans); the sandbox applies 100 to every webinar.
const MAX_PANELISTS_PER_WEBINAR: usize = 100;

pub(super) fn list(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let webinar = state.webinar(call.param(0))?;
    let panelists: Vec<Value> = webinar
        .panelists
        .iter()
        .map(|panelist| panelist.to_json(&state.origin, webinar.id))
        .collect();
    Ok(Reply::ok(json!({
        "total_records": panelists.len(),
        "panelists": panelists,
    })))
}

pub(super) fn add(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    state.webinar(call.param(0))?;
    let body = parse_object(call.body)?;
    let requested = read_panelists(&body)?;
    let webinar = state.webinar_mut(call.param(0))?;

    let new_count = requested
        .iter()
        .filter(|candidate| {
            !webinar
                .panelists
                .iter()
                .any(|p| p.email.eq_ignore_ascii_case(&candidate.email))
        })
        .count();
    if webinar.panelists.len() + new_count > MAX_PANELISTS_PER_WEBINAR {
        return Err(ZoomError::bad_request(
            3000,
            "You have reached the limit for the number of panelists you can add. Contact Zoom Support for more information.",
        ));
    }
    // Adding an email that is already a panelist updates that panelist.
    for candidate in requested {
        match webinar
            .panelists
            .iter_mut()
            .find(|p| p.email.eq_ignore_ascii_case(&candidate.email))
        {
            Some(existing) => {
                existing.name = candidate.name;
                existing.extras = candidate.extras;
            }
            None => webinar.panelists.push(candidate),
        }
    }
    tracing::info!(
        webinar_id = webinar.id,
        panelists = webinar.panelists.len(),
        "sandbox added panelists"
    );
    Ok(Reply::created(json!({
        "id": webinar.id.to_string(),
        "updated_at": format_utc(call.now),
    })))
}

fn read_panelists(body: &Map<String, Value>) -> Result<Vec<Panelist>, ZoomError> {
    let fields = Fields::root(body);
    let mut errors = FieldErrors::default();
    let items = match fields.array("panelists", MAX_PANELISTS_PER_CALL, &mut errors) {
        Some(items) if !items.is_empty() => items,
        _ => return Err(ZoomError::invalid_field("panelists")),
    };
    let mut panelists = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let path = item_path("panelists", index);
        let Some(map) = item.as_object() else {
            errors.reject(path);
            continue;
        };
        let entry = Fields::nested(map, &path);
        let name = entry.required_string("name", usize::MAX, &mut errors);
        let email = entry.required_string("email", 128, &mut errors);
        if email.as_deref().is_some_and(|email| !is_email(email)) {
            errors.reject(entry.path("email"));
        }
        let mut extras = Map::new();
        for extra in PANELIST_EXTRAS {
            if let Some(value) = entry.string(extra, 256, &mut errors) {
                extras.insert((*extra).to_owned(), json!(value));
            }
        }
        if let (Some(name), Some(email)) = (name, email) {
            panelists.push(Panelist {
                id: ids::short_id(),
                name,
                email,
                extras,
                join_secret: ids::secret(),
            });
        }
    }
    errors.finish()?;
    Ok(panelists)
}

pub(super) fn delete_all(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let webinar = state.webinar_mut(call.param(0))?;
    webinar.panelists.clear();
    tracing::info!(webinar_id = webinar.id, "sandbox removed every panelist");
    Ok(Reply::NoContent)
}

/// Removes the panelist named by id or email.
pub(super) fn delete_one(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let key = percent_decode(call.param(1));
    let webinar = state.webinar_mut(call.param(0))?;
    let Some(index) = webinar
        .panelists
        .iter()
        .position(|panelist| panelist.is_named_by(&key))
    else {
        // NOTE: Zoom's spec lists no error for an unknown panelist. The
        // sandbox responds as the registrant delete does (400, code 3000).
        return Err(ZoomError::bad_request(
            3000,
            format!("Panelist {key} was not found."),
        ));
    };
    webinar.panelists.remove(index);
    tracing::info!(webinar_id = webinar.id, "sandbox removed a panelist");
    Ok(Reply::NoContent)
}
