//! Session branding tools through the real binary against the sandbox,
//! with uploads from files written to a temporary folder.

mod common;
mod tools_support;

use common::{Client, call, call_err, call_ok, start_sandbox_all, text};
use serde_json::{Value, json};
use tools_support::{SandboxAccess, gif, jpeg, png, write_file};
use zoom_webinar_mcp::sandbox::seed;

const WEBINAR: u64 = seed::SINGLE_WEBINAR_ID;

async fn branding(client: &Client) -> Value {
    call_ok(
        client,
        "get_webinar_branding",
        json!({ "webinar_id": WEBINAR }),
    )
    .await
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn branding_shows_seeded_items() {
    let server = start_sandbox_all().await;
    let result = branding(&server.client).await;
    let branding = &result["branding"];
    assert_eq!(
        ids(&branding["name_tags"]),
        [seed::SINGLE_WEBINAR_NAME_TAG_ID]
    );
    assert_eq!(
        ids(&branding["virtual_backgrounds"]),
        [seed::SINGLE_WEBINAR_VIRTUAL_BACKGROUND_ID]
    );
    assert!(branding.get("wallpaper").is_none());
    assert_eq!(result["name_tags_left"], json!(19));
    assert_eq!(result["virtual_backgrounds_left"], json!(9));
    server.stop().await;
}

#[tokio::test]
async fn name_tag_create_update_delete() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let created = call_ok(
        client,
        "create_branding_name_tag",
        json!({
            "webinar_id": WEBINAR,
            "name": "Guest speaker",
            "text_color": "#FFFFFF",
            "accent_color": "#0E72ED",
            "background_color": "#abc",
            "set_default_for_all_panelists": false
        }),
    )
    .await;
    let tag = &created["name_tag"];
    let tag_id = tag["id"].as_str().unwrap().to_string();
    assert_eq!(tag["name"], json!("Guest speaker"));
    assert_eq!(tag["text_color"], json!("ffffff"));
    assert_eq!(tag["accent_color"], json!("0e72ed"));
    assert_eq!(tag["background_color"], json!("aabbcc"));

    let updated = call_ok(
        client,
        "update_branding_name_tag",
        json!({ "webinar_id": WEBINAR, "name_tag_id": tag_id, "name": "Keynote", "text_color": "000000" }),
    )
    .await;
    assert!(
        updated["message"]
            .as_str()
            .unwrap()
            .contains("name, text_color"),
        "{updated}"
    );
    let listed = branding(client).await;
    let stored = listed["branding"]["name_tags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|tag| tag["id"] == json!(tag_id))
        .expect("the tag is listed")
        .clone();
    assert_eq!(stored["name"], json!("Keynote"));
    assert_eq!(stored["text_color"], json!("000000"));

    let deleted = call_ok(
        client,
        "delete_branding_name_tags",
        json!({ "webinar_id": WEBINAR, "name_tag_ids": [tag_id] }),
    )
    .await;
    assert_eq!(deleted["deleted"], json!(true));
    assert_eq!(
        ids(&branding(client).await["branding"]["name_tags"]),
        [seed::SINGLE_WEBINAR_NAME_TAG_ID]
    );
    server.stop().await;
}

#[tokio::test]
async fn name_tag_arguments_checked_before_sending() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let sandbox = SandboxAccess::of(client).await;
    let before = sandbox.api_requests().await;
    let valid = json!({
        "webinar_id": WEBINAR, "name": "Tag",
        "text_color": "ffffff", "accent_color": "000000", "background_color": "0e72ed"
    });

    let mut long_name = valid.clone();
    long_name["name"] = json!("n".repeat(51));
    let message = call_err(client, "create_branding_name_tag", long_name).await;
    assert!(message.contains("at most 50"), "{message}");

    let mut named_colour = valid.clone();
    named_colour["accent_color"] = json!("blue");
    let message = call_err(client, "create_branding_name_tag", named_colour).await;
    assert!(
        message.contains("accent_color \"blue\" is not a hex colour"),
        "{message}"
    );

    let message = call_err(
        client,
        "update_branding_name_tag",
        json!({ "webinar_id": WEBINAR, "name_tag_id": seed::SINGLE_WEBINAR_NAME_TAG_ID }),
    )
    .await;
    assert!(message.contains("Nothing to update"), "{message}");

    let message = call_err(
        client,
        "update_branding_name_tag",
        json!({ "webinar_id": WEBINAR, "name_tag_id": "../x", "name": "New" }),
    )
    .await;
    assert!(message.contains("name_tag_id"), "{message}");

    let message = call_err(
        client,
        "delete_branding_name_tags",
        json!({ "webinar_id": WEBINAR, "name_tag_ids": ["a,b"] }),
    )
    .await;
    assert!(message.contains("is not a Zoom id"), "{message}");

    let message = call_err(
        client,
        "delete_branding_name_tags",
        json!({ "webinar_id": WEBINAR, "name_tag_ids": [] }),
    )
    .await;
    assert!(message.contains("give 1 to 20"), "{message}");

    let message = call_err(
        client,
        "delete_branding_virtual_backgrounds",
        json!({ "webinar_id": WEBINAR, "ids": ["x", "x"] }),
    )
    .await;
    assert!(message.contains("twice"), "{message}");
    assert_eq!(sandbox.api_requests().await, before);
    server.stop().await;
}

#[tokio::test]
async fn name_tag_zoom_errors() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let message = call_err(
        client,
        "update_branding_name_tag",
        json!({ "webinar_id": WEBINAR, "name_tag_id": "ntUnknown000", "name": "New" }),
    )
    .await;
    assert!(message.contains("Name Tag does not exist"), "{message}");

    // Session branding is off for the recurring webinar.
    let message = call_err(
        client,
        "create_branding_name_tag",
        json!({
            "webinar_id": seed::RECURRING_WEBINAR_ID, "name": "Tag",
            "text_color": "ffffff", "accent_color": "000000", "background_color": "0e72ed"
        }),
    )
    .await;
    assert!(message.contains("3000"), "{message}");
    assert!(message.contains("session branding"), "{message}");

    let message = call_err(
        client,
        "get_webinar_branding",
        json!({ "webinar_id": 99999999999u64 }),
    )
    .await;
    assert!(message.contains("3001"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn virtual_background_upload_set_delete() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let sandbox = SandboxAccess::of(client).await;
    let dir = tempfile::tempdir().unwrap();

    let png_path = write_file(dir.path(), "stage.png", &png(64, 36));
    let uploaded = call(
        client,
        "upload_branding_virtual_background",
        json!({ "webinar_id": WEBINAR, "file_path": png_path, "default": false }),
    )
    .await;
    assert_ne!(uploaded.is_error, Some(true), "{}", text(&uploaded));
    let content = uploaded.structured_content.clone().unwrap();
    let png_id = content["id"].as_str().unwrap().to_string();
    assert_eq!(content["image_type"], json!("PNG"));
    assert_eq!(content["width"], json!(64));
    assert_eq!(content["height"], json!(36));
    assert_eq!(content["name"], json!("stage.png"));
    let request = sandbox.last_request().await;
    assert_eq!(request["method"], json!("POST"));
    assert_eq!(request["status"], json!(201));

    let gif_path = write_file(dir.path(), "logo.gif", &gif(40, 40));
    let gif_upload = call_ok(
        client,
        "upload_branding_virtual_background",
        json!({ "webinar_id": WEBINAR, "file_path": gif_path }),
    )
    .await;
    assert_eq!(gif_upload["image_type"], json!("GIF"));

    // A JPEG named .png is sent with a .jpg name and a note says so.
    let jpeg_path = write_file(dir.path(), "photo.png", &jpeg(32, 32));
    let jpeg_upload = call_ok(
        client,
        "upload_branding_virtual_background",
        json!({ "webinar_id": WEBINAR, "file_path": jpeg_path }),
    )
    .await;
    assert_eq!(jpeg_upload["image_type"], json!("JPEG"));
    assert_eq!(jpeg_upload["name"], json!("photo.jpg"));
    assert!(
        jpeg_upload["notes"][0]
            .as_str()
            .unwrap()
            .contains("photo.png"),
        "{jpeg_upload}"
    );

    let listed = ids(&branding(client).await["branding"]["virtual_backgrounds"]);
    assert_eq!(listed.len(), 4);
    assert!(listed.contains(&png_id));

    let set = call_ok(
        client,
        "set_branding_virtual_background",
        json!({ "webinar_id": WEBINAR, "id": png_id, "set_default_for_all_panelists": false }),
    )
    .await;
    assert!(set["message"].as_str().unwrap().contains(&png_id));
    let request = sandbox.last_request().await;
    assert_eq!(request["method"], json!("PATCH"));
    let query = request["query"].as_str().unwrap();
    assert!(query.contains(&format!("id={png_id}")), "{query}");
    assert!(
        query.contains("set_default_for_all_panelists=false"),
        "{query}"
    );
    let backgrounds = branding(client).await["branding"]["virtual_backgrounds"].clone();
    let default: Vec<&Value> = backgrounds
        .as_array()
        .unwrap()
        .iter()
        .filter(|background| background["is_default"] == json!(true))
        .collect();
    assert_eq!(default.len(), 1);
    assert_eq!(default[0]["id"], json!(png_id));

    let message = call_err(
        client,
        "set_branding_virtual_background",
        json!({ "webinar_id": WEBINAR, "id": "vbUnknown000" }),
    )
    .await;
    assert!(message.contains("300"), "{message}");

    call_ok(
        client,
        "delete_branding_virtual_backgrounds",
        json!({ "webinar_id": WEBINAR, "ids": [png_id] }),
    )
    .await;
    let listed = ids(&branding(client).await["branding"]["virtual_backgrounds"]);
    assert_eq!(listed.len(), 3);
    assert!(!listed.contains(&png_id));
    server.stop().await;
}

#[tokio::test]
async fn upload_rejects_bad_files_before_sending() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let sandbox = SandboxAccess::of(client).await;
    let dir = tempfile::tempdir().unwrap();
    let before = sandbox.api_requests().await;

    let text_as_png = write_file(dir.path(), "notes.png", b"just some text, not an image\n");
    let message = call_err(
        client,
        "upload_branding_virtual_background",
        json!({ "webinar_id": WEBINAR, "file_path": text_as_png }),
    )
    .await;
    assert!(
        message.contains("is not a JPEG, PNG or GIF image"),
        "{message}"
    );
    assert!(
        message.contains("renaming a file does not change its type"),
        "{message}"
    );

    // Over 15 MB: a PNG signature followed by zeros, written sparse.
    let big = dir.path().join("huge.png");
    {
        use std::io::Write;
        let mut file = std::fs::File::create(&big).unwrap();
        file.write_all(b"\x89PNG\r\n\x1a\n").unwrap();
        file.set_len(15 * 1024 * 1024 + 1).unwrap();
    }
    let message = call_err(
        client,
        "upload_branding_virtual_background",
        json!({ "webinar_id": WEBINAR, "file_path": big.display().to_string() }),
    )
    .await;
    assert!(message.contains("15728641 bytes"), "{message}");
    assert!(message.contains("up to 15728640 bytes"), "{message}");

    let missing = dir.path().join("absent.png");
    let message = call_err(
        client,
        "upload_branding_wallpaper",
        json!({ "webinar_id": WEBINAR, "file_path": missing.display().to_string() }),
    )
    .await;
    assert!(message.contains("no file exists"), "{message}");

    let message = call_err(
        client,
        "upload_branding_wallpaper",
        json!({ "webinar_id": WEBINAR, "file_path": dir.path().display().to_string() }),
    )
    .await;
    assert!(message.contains("is a directory"), "{message}");

    let message = call_err(
        client,
        "upload_branding_virtual_background",
        json!({ "webinar_id": WEBINAR, "file_path": "pictures/stage.png" }),
    )
    .await;
    assert!(message.contains("is relative"), "{message}");

    let empty = write_file(dir.path(), "empty.gif", b"");
    let message = call_err(
        client,
        "upload_branding_virtual_background",
        json!({ "webinar_id": WEBINAR, "file_path": empty }),
    )
    .await;
    assert!(message.contains("is empty"), "{message}");

    let square = write_file(dir.path(), "square.png", &png(100, 100));
    let message = call_err(
        client,
        "upload_branding_wallpaper",
        json!({ "webinar_id": WEBINAR, "file_path": square }),
    )
    .await;
    assert!(message.contains("100×100"), "{message}");
    assert!(message.contains("16:9"), "{message}");

    assert_eq!(
        sandbox.api_requests().await,
        before,
        "a rejected file reached the sandbox"
    );
    server.stop().await;
}

#[tokio::test]
async fn wallpaper_upload_replace_delete() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let dir = tempfile::tempdir().unwrap();

    let first = write_file(dir.path(), "wide.png", &png(160, 90));
    let uploaded = call_ok(
        client,
        "upload_branding_wallpaper",
        json!({ "webinar_id": WEBINAR, "file_path": first }),
    )
    .await;
    assert_eq!(uploaded["kind"], json!("wallpaper"));
    assert_eq!(uploaded["width"], json!(160));
    let first_id = uploaded["id"].as_str().unwrap().to_string();
    assert_eq!(
        branding(client).await["branding"]["wallpaper"]["id"],
        json!(first_id)
    );

    let second = write_file(dir.path(), "wide.jpg", &jpeg(32, 18));
    let replaced = call_ok(
        client,
        "upload_branding_wallpaper",
        json!({ "webinar_id": WEBINAR, "file_path": second }),
    )
    .await;
    assert_eq!(replaced["image_type"], json!("JPEG"));
    assert_eq!(replaced["height"], json!(18));
    let second_id = replaced["id"].as_str().unwrap().to_string();
    assert_ne!(second_id, first_id);
    assert_eq!(
        branding(client).await["branding"]["wallpaper"]["id"],
        json!(second_id)
    );

    let deleted = call_ok(
        client,
        "delete_branding_wallpaper",
        json!({ "webinar_id": WEBINAR }),
    )
    .await;
    assert_eq!(deleted["deleted"], json!(true));
    assert!(
        branding(client).await["branding"]
            .get("wallpaper")
            .is_none()
    );
    server.stop().await;
}

#[tokio::test]
async fn virtual_background_limit_from_zoom() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), "tile.png", &png(8, 8));
    // The seed has one background; nine more reach Zoom's limit of ten.
    for _ in 0..9 {
        call_ok(
            client,
            "upload_branding_virtual_background",
            json!({ "webinar_id": WEBINAR, "file_path": path }),
        )
        .await;
    }
    let result = branding(client).await;
    assert_eq!(result["virtual_backgrounds_left"], json!(0));
    let message = call_err(
        client,
        "upload_branding_virtual_background",
        json!({ "webinar_id": WEBINAR, "file_path": path }),
    )
    .await;
    assert!(message.contains("120"), "{message}");
    assert!(message.contains("maximum of 10"), "{message}");
    server.stop().await;
}
