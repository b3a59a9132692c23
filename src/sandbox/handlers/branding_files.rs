//! Session branding images: virtual backgrounds (up to 10, one default) and
//! the wallpaper (one, in 16:9). Uploads are `multipart/form-data` with the
//! image in the `file` part.

use super::branding::{branded_webinar, split_ids};
use super::upload::{Image, UploadForm, upload_error};
use super::{ApiCall, HandlerResult};
use crate::sandbox::ids;
use crate::sandbox::model::branding::{
    ImageFile, MAX_VIRTUAL_BACKGROUNDS, PANELIST_VIRTUAL_BACKGROUND, VirtualBackground,
    assign_to_panelists, unassign_from_panelists,
};
use crate::sandbox::reply::{Reply, ZoomError};
use crate::sandbox::state::SandboxState;

/// How far a wallpaper's width-to-height ratio may stray from 16:9, as a
/// fraction, so that sizes such as 1366 x 768 count as 16:9.
const WALLPAPER_RATIO_TOLERANCE: f64 = 0.01;

fn image_file(image: Image) -> ImageFile {
    ImageFile {
        id: ids::short_id(),
        name: image.name,
        size: image.size,
    }
}

/// Uploads a virtual background. With `default` true it becomes the only
/// default, and with `set_default_for_all_panelists` (true unless the form
/// sets it to false) every panelist gets it.
pub(super) fn upload_virtual_background(
    state: &mut SandboxState,
    call: &ApiCall<'_>,
) -> HandlerResult {
    branded_webinar(state, call.param(0))?;
    let form = UploadForm::read(call)?;
    let make_default = form.bool("default")?.unwrap_or(false);
    let for_all_panelists = form.bool("set_default_for_all_panelists")?.unwrap_or(true);
    let image = form.image()?;

    let webinar = branded_webinar(state, call.param(0))?;
    if webinar.branding.virtual_backgrounds.len() >= MAX_VIRTUAL_BACKGROUNDS {
        return Err(upload_error(
            "A maximum of 10 files are allowed for a webinar.",
        ));
    }
    let file = image_file(image);
    let mut reply = file.to_upload_json();
    reply["is_default"] = serde_json::json!(make_default);
    let id = file.id.clone();
    webinar
        .branding
        .virtual_backgrounds
        .push(VirtualBackground {
            file,
            is_default: false,
        });
    if make_default {
        webinar.branding.set_default_virtual_background(&id);
        if for_all_panelists {
            assign_to_panelists(&mut webinar.panelists, PANELIST_VIRTUAL_BACKGROUND, &id);
        }
    }
    tracing::info!(webinar_id = webinar.id, file_id = %id, "sandbox stored a virtual background");
    Ok(Reply::created(reply))
}

/// `PATCH .../virtual_backgrounds?id=...`: makes one background the
/// default and, as the upload does, gives it to every panelist unless
/// `set_default_for_all_panelists` is false. A missing or unknown id is
/// 400 code 300.
pub(super) fn set_default_virtual_background(
    state: &mut SandboxState,
    call: &ApiCall<'_>,
) -> HandlerResult {
    let for_all_panelists = call
        .query
        .bool("set_default_for_all_panelists")?
        .unwrap_or(true);
    let id = call.query.non_empty("id").unwrap_or("").trim().to_owned();
    let webinar = branded_webinar(state, call.param(0))?;
    let known = webinar
        .branding
        .virtual_backgrounds
        .iter()
        .any(|background| background.file.id == id);
    if !known {
        let named = if id.is_empty() { "id" } else { id.as_str() };
        return Err(ZoomError::bad_request(
            300,
            format!("Invalid parameter: {named}."),
        ));
    }
    webinar.branding.set_default_virtual_background(&id);
    if for_all_panelists {
        assign_to_panelists(&mut webinar.panelists, PANELIST_VIRTUAL_BACKGROUND, &id);
    }
    tracing::info!(webinar_id = webinar.id, file_id = %id, "sandbox set the default virtual background");
    Ok(Reply::NoContent)
}

/// Deletes the backgrounds listed in `ids` and clears them from panelists.
/// A missing list or an unknown id is 400 code 300, and then nothing is
/// deleted.
pub(super) fn delete_virtual_backgrounds(
    state: &mut SandboxState,
    call: &ApiCall<'_>,
) -> HandlerResult {
    let ids = split_ids(call.query.get("ids").unwrap_or(""));
    let webinar = branded_webinar(state, call.param(0))?;
    let backgrounds = &webinar.branding.virtual_backgrounds;
    let all_known = ids.iter().all(|id| {
        backgrounds
            .iter()
            .any(|background| background.file.id == *id)
    });
    if ids.is_empty() || !all_known {
        return Err(ZoomError::bad_request(300, "Invalid parameter: ids."));
    }
    webinar
        .branding
        .virtual_backgrounds
        .retain(|background| !ids.contains(&background.file.id.as_str()));
    unassign_from_panelists(&mut webinar.panelists, PANELIST_VIRTUAL_BACKGROUND, &ids);
    tracing::info!(
        webinar_id = webinar.id,
        count = ids.len(),
        "sandbox deleted virtual backgrounds"
    );
    Ok(Reply::NoContent)
}

/// Uploads the wallpaper, replacing the current one, since a webinar has
/// at most one.
// NOTE: Zoom's spec requires 16:9 images but lists no error for other
// ratios; the code 120 and its wording here are the sandbox's own.
pub(super) fn upload_wallpaper(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    branded_webinar(state, call.param(0))?;
    let form = UploadForm::read(call)?;
    let image = form.image()?;
    if !is_sixteen_by_nine(image.width, image.height) {
        return Err(upload_error(&format!(
            "Image files must be 16:9 ratio; this image is {} x {} pixels. The recommended size is 1920 x 1080.",
            image.width, image.height
        )));
    }

    let webinar = branded_webinar(state, call.param(0))?;
    let file = image_file(image);
    let reply = file.to_upload_json();
    tracing::info!(
        webinar_id = webinar.id,
        file_id = %file.id,
        replaced = webinar.branding.wallpaper.is_some(),
        "sandbox stored a wallpaper"
    );
    webinar.branding.wallpaper = Some(file);
    Ok(Reply::created(reply))
}

/// Deletes the wallpaper; deleting when there is none also returns 204.
pub(super) fn delete_wallpaper(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let webinar = branded_webinar(state, call.param(0))?;
    webinar.branding.wallpaper = None;
    tracing::info!(webinar_id = webinar.id, "sandbox deleted the wallpaper");
    Ok(Reply::NoContent)
}

/// Reports whether `width` x `height` is 16:9 within
/// [`WALLPAPER_RATIO_TOLERANCE`].
fn is_sixteen_by_nine(width: usize, height: usize) -> bool {
    if width == 0 || height == 0 {
        return false;
    }
    let ratio = width as f64 / height as f64;
    let target = 16.0 / 9.0;
    ((ratio - target) / target).abs() <= WALLPAPER_RATIO_TOLERANCE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sixteen_by_nine_allows_near_sizes() {
        assert!(is_sixteen_by_nine(1920, 1080));
        assert!(is_sixteen_by_nine(1366, 768));
        assert!(!is_sixteen_by_nine(1024, 768));
        assert!(!is_sixteen_by_nine(0, 0));
    }
}
