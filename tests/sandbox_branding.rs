//! Session branding: the seeded branding, name tag create, update and
//! delete, the 20-tag limit, panelist defaults, and webinars without
//! session branding.

mod sandbox_support;

use reqwest::StatusCode;
use sandbox_support::Sandbox;
use serde_json::{Value, json};
use zoom_webinar_mcp::sandbox::seed::{
    HOST_WEBINAR_ID, SINGLE_WEBINAR_ID, SINGLE_WEBINAR_NAME_TAG_ID,
    SINGLE_WEBINAR_VIRTUAL_BACKGROUND_ID,
};

fn branding() -> String {
    format!("/webinars/{SINGLE_WEBINAR_ID}/branding")
}

fn name_tags() -> String {
    format!("/webinars/{SINGLE_WEBINAR_ID}/branding/name_tags")
}

fn tag(name: &str) -> Value {
    json!({
        "name": name,
        "text_color": "ffffff",
        "accent_color": "0e72ed",
        "background_color": "#000000",
    })
}

fn tag_ids(body: &Value) -> Vec<String> {
    body["name_tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|tag| tag["id"].as_str().unwrap().to_owned())
        .collect()
}

fn default_tag_ids(body: &Value) -> Vec<String> {
    body["name_tags"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|tag| tag["is_default"] == true)
        .map(|tag| tag["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn seeded_branding_is_returned() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get(&branding()).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(tag_ids(&answer.body), [SINGLE_WEBINAR_NAME_TAG_ID]);
    assert_eq!(answer.body["name_tags"][0]["is_default"], true);
    assert_eq!(
        answer.body["virtual_backgrounds"][0]["id"],
        SINGLE_WEBINAR_VIRTUAL_BACKGROUND_ID
    );
    assert_eq!(answer.body["virtual_backgrounds"][0]["is_default"], true);
    assert!(answer.body.get("wallpaper").is_none());
}

#[tokio::test]
async fn branding_of_other_webinar_is_empty() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get(&format!("/webinars/{HOST_WEBINAR_ID}/branding"))
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["name_tags"], json!([]));
    assert_eq!(answer.body["virtual_backgrounds"], json!([]));
}

#[tokio::test]
async fn branding_of_unknown_webinar_is_3001() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get("/webinars/81199999999/branding").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.code(), Some(3001));
    let bad_id = sandbox.get("/webinars/abc/branding").await;
    assert_eq!(bad_id.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad_id.code(), Some(300));
}

#[tokio::test]
async fn created_name_tag_is_listed() {
    let sandbox = Sandbox::start().await;
    let created = sandbox.post(&name_tags(), tag("Guest")).await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(created.body["name"], "Guest");
    assert_eq!(created.body["background_color"], "#000000");
    assert_eq!(created.body["is_default"], false);
    let id = created.body["id"].as_str().unwrap().to_owned();

    let listed = sandbox.get(&branding()).await;
    assert_eq!(
        tag_ids(&listed.body),
        [SINGLE_WEBINAR_NAME_TAG_ID, id.as_str()]
    );
    assert_eq!(default_tag_ids(&listed.body), [SINGLE_WEBINAR_NAME_TAG_ID]);
}

#[tokio::test]
async fn default_name_tag_goes_to_panelists() {
    let sandbox = Sandbox::start().await;
    let mut body = tag("Panel");
    body["is_default"] = json!(true);
    let created = sandbox.post(&name_tags(), body).await;
    assert_eq!(created.body["is_default"], true);
    let id = created.body["id"].as_str().unwrap().to_owned();

    let listed = sandbox.get(&branding()).await;
    assert_eq!(default_tag_ids(&listed.body), [id.as_str()]);
    let panelists = sandbox
        .get(&format!("/webinars/{SINGLE_WEBINAR_ID}/panelists"))
        .await;
    assert_eq!(panelists.body["panelists"][0]["name_tag_id"], id.as_str());
    assert_eq!(panelists.body["panelists"][1]["name_tag_id"], id.as_str());
}

#[tokio::test]
async fn default_name_tag_can_skip_panelists() {
    let sandbox = Sandbox::start().await;
    let mut body = tag("Quiet");
    body["is_default"] = json!(true);
    body["set_default_for_all_panelists"] = json!(false);
    let created = sandbox.post(&name_tags(), body).await;
    assert_eq!(created.status, StatusCode::CREATED);
    let panelists = sandbox
        .get(&format!("/webinars/{SINGLE_WEBINAR_ID}/panelists"))
        .await;
    assert!(panelists.body["panelists"][0].get("name_tag_id").is_none());
}

#[tokio::test]
async fn name_tag_body_is_validated() {
    let sandbox = Sandbox::start().await;
    let missing = sandbox
        .post(
            &name_tags(),
            json!({"name": "x".repeat(51), "text_color": "blue"}),
        )
        .await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    assert_eq!(missing.code(), Some(300));
    assert_eq!(
        missing.error_fields(),
        ["accent_color", "background_color", "name", "text_color"]
    );
    let listed = sandbox.get(&branding()).await;
    assert_eq!(tag_ids(&listed.body).len(), 1);
}

#[tokio::test]
async fn twenty_name_tags_is_the_limit() {
    let sandbox = Sandbox::start().await;
    // The seed has one tag, so 19 more reach the limit.
    for index in 0..19 {
        let created = sandbox
            .post(&name_tags(), tag(&format!("Tag {index}")))
            .await;
        assert_eq!(created.status, StatusCode::CREATED, "tag {index}");
    }
    let over = sandbox.post(&name_tags(), tag("One too many")).await;
    assert_eq!(over.status, StatusCode::BAD_REQUEST);
    assert_eq!(over.code(), Some(3000));
    assert_eq!(
        over.body["message"],
        "You have reached the limit for the number of name tags you can add for this webinar. The limit is 20."
    );
    let listed = sandbox.get(&branding()).await;
    assert_eq!(tag_ids(&listed.body).len(), 20);
}

#[tokio::test]
async fn name_tag_update_is_visible() {
    let sandbox = Sandbox::start().await;
    let path = format!("{}/{SINGLE_WEBINAR_NAME_TAG_ID}", name_tags());
    let updated = sandbox
        .patch(
            &path,
            json!({"name": "Host", "accent_color": "ff0000", "is_default": false}),
        )
        .await;
    assert_eq!(updated.status, StatusCode::NO_CONTENT);

    let listed = sandbox.get(&branding()).await;
    let tag = &listed.body["name_tags"][0];
    assert_eq!(tag["name"], "Host");
    assert_eq!(tag["accent_color"], "ff0000");
    assert_eq!(tag["text_color"], "ffffff");
    assert_eq!(tag["is_default"], false);
}

#[tokio::test]
async fn name_tag_update_errors() {
    let sandbox = Sandbox::start().await;
    let unknown = sandbox
        .patch(&format!("{}/ntUnknown", name_tags()), json!({"name": "x"}))
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert_eq!(unknown.code(), Some(300));
    assert_eq!(unknown.body["message"], "Name Tag does not exist.");

    let invalid = sandbox
        .patch(
            &format!("{}/{SINGLE_WEBINAR_NAME_TAG_ID}", name_tags()),
            json!({"text_color": "12345", "is_default": "yes"}),
        )
        .await;
    assert_eq!(invalid.status, StatusCode::BAD_REQUEST);
    assert_eq!(invalid.code(), Some(300));
    assert_eq!(invalid.error_fields(), ["is_default", "text_color"]);
}

#[tokio::test]
async fn name_tags_delete_by_csv() {
    let sandbox = Sandbox::start().await;
    let created = sandbox.post(&name_tags(), tag("Temp")).await;
    let id = created.body["id"].as_str().unwrap().to_owned();
    let mut body = tag("Keep");
    body["is_default"] = json!(true);
    let default_tag = sandbox.post(&name_tags(), body).await;
    let kept_id = default_tag.body["id"].as_str().unwrap().to_owned();

    let deleted = sandbox
        .delete(&format!(
            "{}?name_tag_ids={SINGLE_WEBINAR_NAME_TAG_ID},{id}",
            name_tags()
        ))
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    let listed = sandbox.get(&branding()).await;
    assert_eq!(tag_ids(&listed.body), [kept_id.as_str()]);

    // Deleting the panelists' tag clears it from them.
    let removed = sandbox
        .delete(&format!("{}?name_tag_ids={kept_id}", name_tags()))
        .await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT);
    let panelists = sandbox
        .get(&format!("/webinars/{SINGLE_WEBINAR_ID}/panelists"))
        .await;
    assert!(panelists.body["panelists"][0].get("name_tag_id").is_none());
}

#[tokio::test]
async fn name_tag_delete_rejects_bad_ids() {
    let sandbox = Sandbox::start().await;
    let unknown = sandbox
        .delete(&format!(
            "{}?name_tag_ids={SINGLE_WEBINAR_NAME_TAG_ID},ntUnknown",
            name_tags()
        ))
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert_eq!(unknown.code(), Some(300));
    assert_eq!(unknown.body["message"], "Invalid parameter: name_tag_ids.");
    let missing = sandbox.delete(&name_tags()).await;
    assert_eq!(missing.code(), Some(300));

    // A rejected request deletes nothing.
    let listed = sandbox.get(&branding()).await;
    assert_eq!(tag_ids(&listed.body), [SINGLE_WEBINAR_NAME_TAG_ID]);
}

#[tokio::test]
async fn writes_need_session_branding() {
    let sandbox = Sandbox::start().await;
    let path = format!("/webinars/{HOST_WEBINAR_ID}/branding/name_tags");
    let rejected = sandbox.post(&path, tag("Nope")).await;
    assert_eq!(rejected.status, StatusCode::BAD_REQUEST);
    assert_eq!(rejected.code(), Some(3000));
    assert_eq!(
        rejected.body["message"],
        "This webinar does not have session branding enabled."
    );

    let enabled = sandbox
        .patch(
            &format!("/webinars/{HOST_WEBINAR_ID}"),
            json!({"settings": {"enable_session_branding": true}}),
        )
        .await;
    assert_eq!(enabled.status, StatusCode::NO_CONTENT);
    let accepted = sandbox.post(&path, tag("Now")).await;
    assert_eq!(accepted.status, StatusCode::CREATED);
}

#[tokio::test]
async fn name_tags_of_unknown_webinar_are_3001() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post("/webinars/81199999999/branding/name_tags", tag("x"))
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.code(), Some(3001));
}
