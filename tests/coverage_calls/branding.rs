//! Session branding tools: name tags, and uploads of virtual backgrounds
//! and wallpaper from PNG, GIF and JPEG files written to a temporary folder.

use serde_json::{Value, json};
use zoom_webinar_mcp::sandbox::seed;

use crate::contract_support::Coverage;
use crate::tools_support::{gif, jpeg, png, write_file};

fn id_of(result: &Value, pointer: &str) -> String {
    result
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("no {pointer} in {result}"))
        .to_owned()
}

pub async fn branding(coverage: &mut Coverage) {
    let webinar = seed::SINGLE_WEBINAR_ID;
    coverage
        .ok("get_webinar_branding", json!({ "webinar_id": webinar }))
        .await;

    let guest = coverage
        .ok(
            "create_branding_name_tag",
            json!({ "webinar_id": webinar, "name": "Guest speaker", "text_color": "#FFFFFF",
                    "accent_color": "#0E72ED", "background_color": "#abc",
                    "set_default_for_all_panelists": false }),
        )
        .await;
    let guest_id = id_of(&guest, "/name_tag/id");
    let host = coverage
        .ok(
            "create_branding_name_tag",
            json!({ "webinar_id": webinar, "name": "Host", "text_color": "000000",
                    "accent_color": "ff0000", "background_color": "ffffff", "is_default": true }),
        )
        .await;
    let host_id = id_of(&host, "/name_tag/id");
    coverage
        .ok(
            "update_branding_name_tag",
            json!({ "webinar_id": webinar, "name_tag_id": guest_id, "name": "Keynote",
                    "text_color": "000000", "accent_color": "#123456", "background_color": "fff",
                    "is_default": false, "set_default_for_all_panelists": false }),
        )
        .await;
    coverage
        .ok(
            "delete_branding_name_tags",
            json!({ "webinar_id": webinar, "name_tag_ids": [guest_id, host_id] }),
        )
        .await;
    // Session branding is off for the recurring webinar.
    coverage
        .err(
            "create_branding_name_tag",
            json!({ "webinar_id": seed::RECURRING_WEBINAR_ID, "name": "Tag", "text_color": "ffffff",
                    "accent_color": "000000", "background_color": "0e72ed" }),
        )
        .await;

    let folder = tempfile::tempdir().expect("a temporary folder for the images");
    let stage = write_file(folder.path(), "stage.png", &png(64, 36));
    let logo = write_file(folder.path(), "logo.gif", &gif(40, 40));
    // A JPEG named .png is sent under a .jpg name.
    let photo = write_file(folder.path(), "photo.png", &jpeg(32, 32));
    let stage_upload = coverage
        .ok(
            "upload_branding_virtual_background",
            json!({ "webinar_id": webinar, "file_path": stage, "default": false }),
        )
        .await;
    let stage_id = id_of(&stage_upload, "/id");
    let logo_upload = coverage
        .ok(
            "upload_branding_virtual_background",
            json!({ "webinar_id": webinar, "file_path": logo, "default": true,
                    "set_default_for_all_panelists": false }),
        )
        .await;
    let logo_id = id_of(&logo_upload, "/id");
    coverage
        .ok(
            "upload_branding_virtual_background",
            json!({ "webinar_id": webinar, "file_path": photo }),
        )
        .await;
    coverage
        .ok(
            "set_branding_virtual_background",
            json!({ "webinar_id": webinar, "id": stage_id, "set_default_for_all_panelists": false }),
        )
        .await;
    coverage
        .ok(
            "set_branding_virtual_background",
            json!({ "webinar_id": webinar, "id": logo_id }),
        )
        .await;
    coverage
        .ok(
            "delete_branding_virtual_backgrounds",
            json!({ "webinar_id": webinar, "ids": [stage_id, logo_id] }),
        )
        .await;

    let wide = write_file(folder.path(), "wide.png", &png(160, 90));
    let wide_jpeg = write_file(folder.path(), "wide.jpg", &jpeg(32, 18));
    coverage
        .ok(
            "upload_branding_wallpaper",
            json!({ "webinar_id": webinar, "file_path": wide }),
        )
        .await;
    coverage
        .ok(
            "upload_branding_wallpaper",
            json!({ "webinar_id": webinar, "file_path": wide_jpeg }),
        )
        .await;
    coverage
        .ok(
            "delete_branding_wallpaper",
            json!({ "webinar_id": webinar }),
        )
        .await;
    coverage
        .ok("get_webinar_branding", json!({ "webinar_id": webinar }))
        .await;
}
