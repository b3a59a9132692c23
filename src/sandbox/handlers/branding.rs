//! Session branding: read it all, and create, update and delete name tags.
//! The image uploads are in `branding_files`.
//!
//! Every write needs the webinar's `settings.enable_session_branding` on,
//! else Zoom returns 400 code 3000. Reading works either way.

use serde_json::Value;

use super::{ApiCall, HandlerResult};
use crate::sandbox::fields::{FieldErrors, parse_object};
use crate::sandbox::ids;
use crate::sandbox::model::branding::{
    MAX_NAME_TAGS, NameTag, NameTagInput, PANELIST_NAME_TAG, assign_to_panelists,
    unassign_from_panelists,
};
use crate::sandbox::model::webinar::Webinar;
use crate::sandbox::query::percent_decode;
use crate::sandbox::reply::{Reply, ZoomError};
use crate::sandbox::state::SandboxState;

/// Returns the webinar for a branding write, or 400 code 3000 when its
/// session branding is off.
// NOTE: Zoom's spec names the "Webinar Session Branding" portal setting as
// the prerequisite; the sandbox reads the webinar's own
// `enable_session_branding` setting instead.
pub(super) fn branded_webinar<'a>(
    state: &'a mut SandboxState,
    raw_id: &str,
) -> Result<&'a mut Webinar, ZoomError> {
    let webinar = state.webinar_mut(raw_id)?;
    let enabled = webinar
        .settings
        .get("enable_session_branding")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    if !enabled {
        return Err(ZoomError::bad_request(
            3000,
            "This webinar does not have session branding enabled.",
        ));
    }
    Ok(webinar)
}

/// Splits a comma-separated id list, dropping empty items.
pub(super) fn split_ids(csv: &str) -> Vec<&str> {
    csv.split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .collect()
}

pub(super) fn get(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let webinar = state.webinar(call.param(0))?;
    Ok(Reply::ok(webinar.branding.to_json()))
}

/// Creates a name tag. A default tag replaces the previous default, and
/// with `set_default_for_all_panelists` (true unless the request sets
/// it to false) every panelist gets it.
pub(super) fn create_name_tag(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    branded_webinar(state, call.param(0))?;
    let body = parse_object(call.body)?;
    let mut errors = FieldErrors::default();
    let input = NameTagInput::read(&body, true, &mut errors);
    errors.finish()?;

    let webinar = branded_webinar(state, call.param(0))?;
    if webinar.branding.name_tags.len() >= MAX_NAME_TAGS {
        return Err(ZoomError::bad_request(
            3000,
            "You have reached the limit for the number of name tags you can add for this webinar. The limit is 20.",
        ));
    }
    let is_default = input.is_default == Some(true);
    let tag = NameTag {
        id: ids::short_id(),
        name: input.name.unwrap_or_default(),
        text_color: input.text_color.unwrap_or_default(),
        accent_color: input.accent_color.unwrap_or_default(),
        background_color: input.background_color.unwrap_or_default(),
        is_default,
    };
    let reply = tag.to_json();
    let id = tag.id.clone();
    webinar.branding.name_tags.push(tag);
    if is_default {
        make_default(webinar, &id, input.set_default_for_all_panelists);
    }
    tracing::info!(webinar_id = webinar.id, name_tag_id = %id, "sandbox created a name tag");
    Ok(Reply::created(reply))
}

fn make_default(webinar: &mut Webinar, id: &str, for_all_panelists: Option<bool>) {
    webinar.branding.set_default_name_tag(id);
    if for_all_panelists.unwrap_or(true) {
        assign_to_panelists(&mut webinar.panelists, PANELIST_NAME_TAG, id);
    }
}

/// Updates the fields the body sets. An unknown tag is 400 code 300
/// "Name Tag does not exist."
pub(super) fn update_name_tag(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let tag_id = percent_decode(call.param(1));
    branded_webinar(state, call.param(0))?;
    let body = parse_object(call.body)?;
    let mut errors = FieldErrors::default();
    let input = NameTagInput::read(&body, false, &mut errors);
    errors.finish()?;

    let webinar = branded_webinar(state, call.param(0))?;
    let tag = webinar
        .branding
        .name_tags
        .iter_mut()
        .find(|tag| tag.id == tag_id)
        .ok_or_else(|| ZoomError::bad_request(300, "Name Tag does not exist."))?;
    if let Some(name) = input.name {
        tag.name = name;
    }
    if let Some(color) = input.text_color {
        tag.text_color = color;
    }
    if let Some(color) = input.accent_color {
        tag.accent_color = color;
    }
    if let Some(color) = input.background_color {
        tag.background_color = color;
    }
    match input.is_default {
        Some(true) => make_default(webinar, &tag_id, input.set_default_for_all_panelists),
        Some(false) => tag.is_default = false,
        None => {}
    }
    tracing::info!(webinar_id = webinar.id, name_tag_id = %tag_id, "sandbox updated a name tag");
    Ok(Reply::NoContent)
}

/// Deletes the tags listed in `name_tag_ids` and clears them from
/// panelists. An unknown id is 400 code 300, and then nothing is deleted.
/// Zoom's spec marks the list optional without saying what its absence
/// deletes, so the sandbox rejects a missing list the same way rather than
/// delete every tag.
pub(super) fn delete_name_tags(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let invalid = || ZoomError::bad_request(300, "Invalid parameter: name_tag_ids.");
    let ids = split_ids(call.query.get("name_tag_ids").unwrap_or(""));
    let webinar = branded_webinar(state, call.param(0))?;
    let tags = &webinar.branding.name_tags;
    if ids.is_empty() || !ids.iter().all(|id| tags.iter().any(|tag| tag.id == *id)) {
        return Err(invalid());
    }
    webinar
        .branding
        .name_tags
        .retain(|tag| !ids.contains(&tag.id.as_str()));
    unassign_from_panelists(&mut webinar.panelists, PANELIST_NAME_TAG, &ids);
    tracing::info!(
        webinar_id = webinar.id,
        count = ids.len(),
        "sandbox deleted name tags"
    );
    Ok(Reply::NoContent)
}
