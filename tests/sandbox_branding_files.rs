//! Session branding uploads: virtual backgrounds and the wallpaper as
//! `multipart/form-data`, the file type by content, the 15 MiB file limit,
//! the 16 MiB body limit, the 10-file limit, defaults and deletes.

mod sandbox_support;

use reqwest::StatusCode;
use reqwest::header::CONTENT_TYPE;
use sandbox_support::{Answer, Sandbox, read};
use serde_json::Value;
use zoom_webinar_mcp::sandbox::seed::{
    HOST_WEBINAR_ID, SINGLE_WEBINAR_ID, SINGLE_WEBINAR_VIRTUAL_BACKGROUND_ID,
};

const BOUNDARY: &str = "sandbox-test-boundary-7Kq2";
/// The largest file Zoom's limit of 15 MB allows, as the sandbox reads it.
const MAX_FILE_BYTES: usize = 15 * 1024 * 1024;
/// The sandbox's body limit for uploads.
const MAX_UPLOAD_BODY_BYTES: usize = 16 * 1024 * 1024;

fn backgrounds_path() -> String {
    format!("/webinars/{SINGLE_WEBINAR_ID}/branding/virtual_backgrounds")
}

fn wallpaper_path() -> String {
    format!("/webinars/{SINGLE_WEBINAR_ID}/branding/wallpaper")
}

/// Builds a PNG header of the given size. The sandbox reads no further
/// than the header.
fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend_from_slice(&13u32.to_be_bytes());
    bytes.extend_from_slice(b"IHDR");
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    bytes
}

fn gif(width: u16, height: u16) -> Vec<u8> {
    let mut bytes = b"GIF89a".to_vec();
    bytes.extend_from_slice(&width.to_le_bytes());
    bytes.extend_from_slice(&height.to_le_bytes());
    bytes.extend_from_slice(&[0, 0, 0, 0x3B]);
    bytes
}

/// Builds a JPEG whose start-of-frame segment follows the start-of-image
/// marker.
fn jpeg(width: u16, height: u16) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08];
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&[3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xD9]);
    bytes
}

/// One part of a multipart form: a text field or a file.
struct Part {
    name: &'static str,
    file_name: Option<&'static str>,
    bytes: Vec<u8>,
}

fn file(file_name: &'static str, bytes: Vec<u8>) -> Part {
    Part {
        name: "file",
        file_name: Some(file_name),
        bytes,
    }
}

fn field(name: &'static str, value: &str) -> Part {
    Part {
        name,
        file_name: None,
        bytes: value.as_bytes().to_vec(),
    }
}

fn form_body(parts: &[Part]) -> Vec<u8> {
    let mut body = Vec::new();
    for part in parts {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        let disposition = match part.file_name {
            Some(file_name) => format!(
                "Content-Disposition: form-data; name=\"{}\"; filename=\"{file_name}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n",
                part.name
            ),
            None => format!(
                "Content-Disposition: form-data; name=\"{}\"\r\n\r\n",
                part.name
            ),
        };
        body.extend_from_slice(disposition.as_bytes());
        body.extend_from_slice(&part.bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn send_raw(sandbox: &Sandbox, path: &str, content_type: &str, body: Vec<u8>) -> Answer {
    let response = sandbox
        .client
        .post(sandbox.url(path))
        .bearer_auth(&sandbox.token)
        .header(CONTENT_TYPE, content_type)
        .body(body)
        .send()
        .await
        .expect("sandbox answers");
    read(response).await
}

async fn upload(sandbox: &Sandbox, path: &str, parts: &[Part]) -> Answer {
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    send_raw(sandbox, path, &content_type, form_body(parts)).await
}

async fn branding(sandbox: &Sandbox) -> Value {
    sandbox
        .get(&format!("/webinars/{SINGLE_WEBINAR_ID}/branding"))
        .await
        .body
}

fn background_ids(branding: &Value) -> Vec<String> {
    branding["virtual_backgrounds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|background| background["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn png_background_upload_is_listed() {
    let sandbox = Sandbox::start().await;
    let image = png(1920, 1080);
    let size = image.len();
    let uploaded = upload(&sandbox, &backgrounds_path(), &[file("stage.png", image)]).await;
    assert_eq!(uploaded.status, StatusCode::CREATED);
    assert_eq!(uploaded.body["name"], "stage.png");
    assert_eq!(uploaded.body["size"], size);
    assert_eq!(uploaded.body["type"], "image");
    assert_eq!(uploaded.body["is_default"], false);
    let id = uploaded.body["id"].as_str().unwrap().to_owned();

    let listed = branding(&sandbox).await;
    assert_eq!(
        background_ids(&listed),
        [SINGLE_WEBINAR_VIRTUAL_BACKGROUND_ID, id.as_str()]
    );
}

#[tokio::test]
async fn gif_and_jpeg_backgrounds_are_accepted() {
    let sandbox = Sandbox::start().await;
    let gif_upload = upload(
        &sandbox,
        &backgrounds_path(),
        &[file("a.gif", gif(640, 360))],
    )
    .await;
    assert_eq!(gif_upload.status, StatusCode::CREATED);
    let jpeg_upload = upload(
        &sandbox,
        &backgrounds_path(),
        &[file("b.jpg", jpeg(800, 600))],
    )
    .await;
    assert_eq!(jpeg_upload.status, StatusCode::CREATED);
    assert_eq!(background_ids(&branding(&sandbox).await).len(), 3);
}

#[tokio::test]
async fn file_type_is_judged_by_content() {
    let sandbox = Sandbox::start().await;
    // A text file named like a PNG is refused.
    let text = upload(
        &sandbox,
        &backgrounds_path(),
        &[file("fake.png", b"this is not an image at all".to_vec())],
    )
    .await;
    assert_eq!(text.status, StatusCode::BAD_REQUEST);
    assert_eq!(text.code(), Some(120));
    assert_eq!(
        text.body["message"],
        "You may only upload JPG/JPEG, GIF, or PNG image files."
    );

    // A BMP is an image, but not one of the three types.
    let mut bmp = b"BM".to_vec();
    bmp.extend_from_slice(&[0; 60]);
    let bitmap = upload(&sandbox, &backgrounds_path(), &[file("a.bmp", bmp)]).await;
    assert_eq!(bitmap.code(), Some(120));

    // A real PNG named like a text file is accepted.
    let renamed = upload(
        &sandbox,
        &backgrounds_path(),
        &[file("notes.txt", png(16, 9))],
    )
    .await;
    assert_eq!(renamed.status, StatusCode::CREATED);
}

#[tokio::test]
async fn missing_file_is_code_120() {
    let sandbox = Sandbox::start().await;
    let no_file = upload(&sandbox, &backgrounds_path(), &[field("default", "true")]).await;
    assert_eq!(no_file.status, StatusCode::BAD_REQUEST);
    assert_eq!(no_file.code(), Some(120));
    assert_eq!(
        no_file.body["message"],
        "No file uploaded. Verify that a file has been uploaded."
    );

    let empty = upload(
        &sandbox,
        &backgrounds_path(),
        &[file("empty.png", Vec::new())],
    )
    .await;
    assert_eq!(empty.code(), Some(120));

    let json_body = send_raw(
        &sandbox,
        &backgrounds_path(),
        "application/json",
        b"{\"file\": \"stage.png\"}".to_vec(),
    )
    .await;
    assert_eq!(json_body.status, StatusCode::BAD_REQUEST);
    assert_eq!(json_body.code(), Some(120));
}

#[tokio::test]
async fn malformed_form_is_code_300() {
    let sandbox = Sandbox::start().await;
    let mut body = form_body(&[file("stage.png", png(16, 9))]);
    body.truncate(body.len() - 20);
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    let answer = send_raw(&sandbox, &backgrounds_path(), &content_type, body).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(300));
}

#[tokio::test]
async fn two_file_parts_are_rejected() {
    let sandbox = Sandbox::start().await;
    let answer = upload(
        &sandbox,
        &backgrounds_path(),
        &[file("a.png", png(16, 9)), file("b.png", png(16, 9))],
    )
    .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.error_fields(), ["file"]);
}

#[tokio::test]
async fn file_over_15_mib_is_code_120() {
    let sandbox = Sandbox::start().await;
    let mut image = png(1920, 1080);
    image.resize(MAX_FILE_BYTES + 1, 0);
    let answer = upload(&sandbox, &backgrounds_path(), &[file("huge.png", image)]).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(120));
    assert_eq!(answer.body["message"], "File size cannot exceed 15M.");
}

#[tokio::test]
async fn file_of_exactly_15_mib_is_accepted() {
    let sandbox = Sandbox::start().await;
    let mut image = png(1920, 1080);
    image.resize(MAX_FILE_BYTES, 0);
    let answer = upload(&sandbox, &backgrounds_path(), &[file("big.png", image)]).await;
    assert_eq!(answer.status, StatusCode::CREATED);
    assert_eq!(answer.body["size"], MAX_FILE_BYTES);
}

#[tokio::test]
async fn body_over_16_mib_is_413() {
    let sandbox = Sandbox::start().await;
    let mut image = png(1920, 1080);
    image.resize(MAX_UPLOAD_BODY_BYTES, 0);
    let answer = upload(&sandbox, &backgrounds_path(), &[file("huge.png", image)]).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.code(), Some(413));
}

#[tokio::test]
async fn json_routes_keep_the_1_mib_limit() {
    let sandbox = Sandbox::start().await;
    let padding = "x".repeat(1024 * 1024);
    let answer = send_raw(
        &sandbox,
        &format!("/webinars/{SINGLE_WEBINAR_ID}/branding/name_tags"),
        "application/json",
        format!("{{\"name\": \"{padding}\"}}").into_bytes(),
    )
    .await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn ten_backgrounds_is_the_limit() {
    let sandbox = Sandbox::start().await;
    // The seed has one background, so nine more reach the limit.
    for index in 0..9 {
        let uploaded = upload(&sandbox, &backgrounds_path(), &[file("bg.png", png(16, 9))]).await;
        assert_eq!(uploaded.status, StatusCode::CREATED, "background {index}");
    }
    let over = upload(&sandbox, &backgrounds_path(), &[file("bg.png", png(16, 9))]).await;
    assert_eq!(over.status, StatusCode::BAD_REQUEST);
    assert_eq!(over.code(), Some(120));
    assert_eq!(
        over.body["message"],
        "A maximum of 10 files are allowed for a webinar."
    );
    assert_eq!(background_ids(&branding(&sandbox).await).len(), 10);
}

#[tokio::test]
async fn default_upload_goes_to_panelists() {
    let sandbox = Sandbox::start().await;
    let uploaded = upload(
        &sandbox,
        &backgrounds_path(),
        &[field("default", "true"), file("new.png", png(16, 9))],
    )
    .await;
    assert_eq!(uploaded.body["is_default"], true);
    let id = uploaded.body["id"].as_str().unwrap().to_owned();

    let listed = branding(&sandbox).await;
    assert_eq!(listed["virtual_backgrounds"][0]["is_default"], false);
    assert_eq!(listed["virtual_backgrounds"][1]["is_default"], true);
    let panelists = sandbox
        .get(&format!("/webinars/{SINGLE_WEBINAR_ID}/panelists"))
        .await;
    assert_eq!(
        panelists.body["panelists"][0]["virtual_background_id"],
        id.as_str()
    );
}

#[tokio::test]
async fn bad_form_flag_is_rejected() {
    let sandbox = Sandbox::start().await;
    let answer = upload(
        &sandbox,
        &backgrounds_path(),
        &[field("default", "maybe"), file("new.png", png(16, 9))],
    )
    .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.error_fields(), ["default"]);
}

#[tokio::test]
async fn patch_sets_default_background() {
    let sandbox = Sandbox::start().await;
    let uploaded = upload(
        &sandbox,
        &backgrounds_path(),
        &[file("new.png", png(16, 9))],
    )
    .await;
    let id = uploaded.body["id"].as_str().unwrap().to_owned();

    let set = sandbox
        .send(
            reqwest::Method::PATCH,
            &format!(
                "{}?id={id}&set_default_for_all_panelists=false",
                backgrounds_path()
            ),
            None,
        )
        .await;
    assert_eq!(set.status, StatusCode::NO_CONTENT);
    let listed = branding(&sandbox).await;
    assert_eq!(listed["virtual_backgrounds"][0]["is_default"], false);
    assert_eq!(listed["virtual_backgrounds"][1]["is_default"], true);
    let panelists = sandbox
        .get(&format!("/webinars/{SINGLE_WEBINAR_ID}/panelists"))
        .await;
    assert!(
        panelists.body["panelists"][0]
            .get("virtual_background_id")
            .is_none()
    );

    let unknown = sandbox
        .send(
            reqwest::Method::PATCH,
            &format!("{}?id=vbUnknown", backgrounds_path()),
            None,
        )
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert_eq!(unknown.code(), Some(300));
    assert_eq!(unknown.body["message"], "Invalid parameter: vbUnknown.");
}

#[tokio::test]
async fn delete_backgrounds_by_csv() {
    let sandbox = Sandbox::start().await;
    let uploaded = upload(
        &sandbox,
        &backgrounds_path(),
        &[file("new.png", png(16, 9))],
    )
    .await;
    let id = uploaded.body["id"].as_str().unwrap().to_owned();

    let unknown = sandbox
        .delete(&format!("{}?ids={id},vbUnknown", backgrounds_path()))
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert_eq!(unknown.code(), Some(300));
    assert_eq!(background_ids(&branding(&sandbox).await).len(), 2);

    let deleted = sandbox
        .delete(&format!(
            "{}?ids={SINGLE_WEBINAR_VIRTUAL_BACKGROUND_ID},{id}",
            backgrounds_path()
        ))
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert!(background_ids(&branding(&sandbox).await).is_empty());
}

#[tokio::test]
async fn wallpaper_upload_replace_and_delete() {
    let sandbox = Sandbox::start().await;
    let first = upload(
        &sandbox,
        &wallpaper_path(),
        &[file("wall.png", png(1920, 1080))],
    )
    .await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!(first.body["name"], "wall.png");
    assert_eq!(first.body["type"], "image");
    let first_id = first.body["id"].as_str().unwrap().to_owned();
    assert_eq!(
        branding(&sandbox).await["wallpaper"]["id"],
        first_id.as_str()
    );

    let second = upload(
        &sandbox,
        &wallpaper_path(),
        &[file("wall.jpg", jpeg(1280, 720))],
    )
    .await;
    assert_eq!(second.status, StatusCode::CREATED);
    let second_id = second.body["id"].as_str().unwrap().to_owned();
    assert_ne!(second_id, first_id);
    assert_eq!(
        branding(&sandbox).await["wallpaper"]["id"],
        second_id.as_str()
    );

    let deleted = sandbox.delete(&wallpaper_path()).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert!(branding(&sandbox).await.get("wallpaper").is_none());
}

#[tokio::test]
async fn wallpaper_must_be_sixteen_by_nine() {
    let sandbox = Sandbox::start().await;
    let square = upload(
        &sandbox,
        &wallpaper_path(),
        &[file("square.gif", gif(600, 600))],
    )
    .await;
    assert_eq!(square.status, StatusCode::BAD_REQUEST);
    assert_eq!(square.code(), Some(120));
    assert!(branding(&sandbox).await.get("wallpaper").is_none());

    let text = upload(
        &sandbox,
        &wallpaper_path(),
        &[file("wall.png", b"plain text".to_vec())],
    )
    .await;
    assert_eq!(text.code(), Some(120));
}

#[tokio::test]
async fn uploads_need_session_branding() {
    let sandbox = Sandbox::start().await;
    let answer = upload(
        &sandbox,
        &format!("/webinars/{HOST_WEBINAR_ID}/branding/wallpaper"),
        &[file("wall.png", png(1920, 1080))],
    )
    .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(3000));

    let unknown = upload(
        &sandbox,
        "/webinars/81199999999/branding/virtual_backgrounds",
        &[file("bg.png", png(16, 9))],
    )
    .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.code(), Some(3001));
}
