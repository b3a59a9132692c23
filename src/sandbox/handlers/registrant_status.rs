//! `PUT /webinars/{id}/registrants/status`: approve, deny or cancel up to 30
//! registrants named by id or email.

use super::registrants::registrant_does_not_exist;
use super::{ApiCall, HandlerResult};
use crate::sandbox::fields::{FieldErrors, Fields, item_path, parse_object};
use crate::sandbox::model::registrant::RegistrantStatus;
use crate::sandbox::reply::{Reply, ZoomError};
use crate::sandbox::state::SandboxState;

/// The maximum number of registrants one call may change.
const MAX_REGISTRANTS_PER_CALL: usize = 30;

/// A registrant named in the request.
#[derive(Debug)]
struct Target {
    id: Option<String>,
    email: Option<String>,
}

pub(super) fn update(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let webinar = state.webinar(call.param(0))?;
    if !webinar.registration_enabled() {
        return Err(ZoomError::registration_not_enabled(webinar.id));
    }
    let body = parse_object(call.body)?;
    let fields = Fields::root(&body);
    let mut errors = FieldErrors::default();
    if !fields.has("action") {
        errors.reject("action");
    }
    let action = fields.string_in("action", &["approve", "deny", "cancel"], &mut errors);
    let targets = read_targets(&fields, &mut errors);
    errors.finish()?;
    let new_status = match action.as_deref() {
        Some("approve") => RegistrantStatus::Approved,
        // NOTE: Zoom lists a cancelled registration with the denied ones in
        // its web portal; the sandbox stores a cancel as `denied` too.
        _ => RegistrantStatus::Denied,
    };

    // Resolve every target first so an unknown one changes nothing.
    let mut indexes = Vec::new();
    for target in &targets {
        let found = webinar.registrants.iter().position(|registrant| {
            target.id.as_deref().is_some_and(|id| registrant.id == id)
                || target
                    .email
                    .as_deref()
                    .is_some_and(|email| registrant.email.eq_ignore_ascii_case(email))
        });
        let name = target
            .id
            .clone()
            .or_else(|| target.email.clone())
            .unwrap_or_default();
        indexes.push(found.ok_or_else(|| registrant_does_not_exist(&name))?);
    }

    let webinar = state.webinar_mut(call.param(0))?;
    for index in indexes {
        webinar.registrants[index].status = new_status;
    }
    tracing::info!(
        webinar_id = webinar.id,
        registrants = targets.len(),
        status = new_status.as_str(),
        "sandbox changed registrant status"
    );
    Ok(Reply::NoContent)
}

fn read_targets(fields: &Fields<'_>, errors: &mut FieldErrors) -> Vec<Target> {
    let items = match fields.array("registrants", MAX_REGISTRANTS_PER_CALL, errors) {
        Some(items) if !items.is_empty() => items,
        Some(_) => {
            errors.reject("registrants");
            return Vec::new();
        }
        None => {
            if !fields.has("registrants") {
                errors.reject("registrants");
            }
            return Vec::new();
        }
    };
    let mut targets = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let path = item_path("registrants", index);
        let Some(map) = item.as_object() else {
            errors.reject(path);
            continue;
        };
        let entry = Fields::nested(map, &path);
        let target = Target {
            id: entry.string("id", 128, errors).filter(|id| !id.is_empty()),
            email: entry
                .string("email", 128, errors)
                .filter(|email| !email.is_empty()),
        };
        if target.id.is_none() && target.email.is_none() {
            errors.reject(entry.path("id"));
            continue;
        }
        targets.push(target);
    }
    targets
}
