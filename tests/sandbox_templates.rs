//! Webinar templates: listing, creating from a webinar, overwriting, and
//! the user, webinar, name and count errors.

mod sandbox_support;

use reqwest::StatusCode;
use sandbox_support::Sandbox;
use serde_json::{Value, json};
use zoom_webinar_mcp::sandbox::seed::{
    BASIC_USER_ID, HOST_WEBINAR_ID, OWNER_TEMPLATE_ID, RECURRING_WEBINAR_ID, SINGLE_WEBINAR_ID,
};

const PATH: &str = "/users/me/webinar_templates";

fn template_names(body: &Value) -> Vec<String> {
    body["templates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|template| template["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn seeded_template_is_listed() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get(PATH).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["total_records"], 1);
    assert_eq!(answer.body["templates"][0]["id"], OWNER_TEMPLATE_ID);
    assert_eq!(answer.body["templates"][0]["type"], 1);
}

#[tokio::test]
async fn created_template_is_listed() {
    let sandbox = Sandbox::start().await;
    let created = sandbox
        .post(
            PATH,
            json!({"webinar_id": RECURRING_WEBINAR_ID, "name": "Office hours", "save_recurrence": true}),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(created.body["name"], "Office hours");
    let id = created.body["id"].as_str().unwrap().to_owned();
    assert!(!id.is_empty());

    let listed = sandbox.get(PATH).await;
    assert_eq!(listed.body["total_records"], 2);
    assert_eq!(listed.body["templates"][1]["id"], id.as_str());
}

#[tokio::test]
async fn template_without_name_takes_topic() {
    let sandbox = Sandbox::start().await;
    let created = sandbox
        .post(PATH, json!({"webinar_id": RECURRING_WEBINAR_ID}))
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(created.body["name"], "Weekly Office Hours");
}

#[tokio::test]
async fn overwrite_replaces_same_webinar_template() {
    let sandbox = Sandbox::start().await;
    let replaced = sandbox
        .post(
            PATH,
            json!({"webinar_id": SINGLE_WEBINAR_ID, "name": "Launch v2", "overwrite": true}),
        )
        .await;
    assert_eq!(replaced.status, StatusCode::CREATED);
    assert_eq!(replaced.body["id"], OWNER_TEMPLATE_ID);

    let listed = sandbox.get(PATH).await;
    assert_eq!(template_names(&listed.body), ["Launch v2"]);

    let added = sandbox
        .post(
            PATH,
            json!({"webinar_id": SINGLE_WEBINAR_ID, "name": "Launch v3"}),
        )
        .await;
    assert_eq!(added.status, StatusCode::CREATED);
    assert_ne!(added.body["id"], OWNER_TEMPLATE_ID);
    let listed = sandbox.get(PATH).await;
    assert_eq!(template_names(&listed.body), ["Launch v2", "Launch v3"]);
}

#[tokio::test]
async fn duplicate_name_is_3000() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(
            PATH,
            json!({"webinar_id": RECURRING_WEBINAR_ID, "name": "Product launch template"}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(3000));
    assert_eq!(
        answer.body["message"],
        "Webinar template name already exists: Product launch template."
    );
}

#[tokio::test]
async fn unknown_webinar_is_3001() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(PATH, json!({"webinar_id": 81199999999u64}))
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.code(), Some(3001));
}

#[tokio::test]
async fn other_hosts_webinar_is_3000() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(PATH, json!({"webinar_id": HOST_WEBINAR_ID}))
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(3000));
    assert_eq!(answer.body["message"], "Cannot access meeting info.");
}

#[tokio::test]
async fn template_body_is_validated() {
    let sandbox = Sandbox::start().await;
    let missing = sandbox.post(PATH, json!({"name": "No webinar"})).await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    assert_eq!(missing.code(), Some(300));
    assert_eq!(missing.error_fields(), ["webinar_id"]);

    let wrong_types = sandbox
        .post(
            PATH,
            json!({"webinar_id": "abc", "name": " ", "overwrite": "yes"}),
        )
        .await;
    assert_eq!(wrong_types.status, StatusCode::BAD_REQUEST);
    assert_eq!(wrong_types.code(), Some(300));
    assert_eq!(wrong_types.error_fields(), ["overwrite", "webinar_id"]);

    // Zoom's spec allows any name string, so a blank name passes the
    // contract check and the handler rejects it.
    let blank_name = sandbox
        .post(PATH, json!({"webinar_id": SINGLE_WEBINAR_ID, "name": " "}))
        .await;
    assert_eq!(blank_name.status, StatusCode::BAD_REQUEST);
    assert_eq!(blank_name.code(), Some(300));
    assert_eq!(blank_name.error_fields(), ["name"]);
}

#[tokio::test]
async fn template_users_are_checked() {
    let sandbox = Sandbox::start().await;
    let unknown = sandbox
        .get("/users/nobody@sandbox.example.com/webinar_templates")
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.code(), Some(1001));

    let basic = sandbox
        .get(&format!("/users/{BASIC_USER_ID}/webinar_templates"))
        .await;
    assert_eq!(basic.status, StatusCode::BAD_REQUEST);
    assert_eq!(basic.code(), Some(200));

    let basic_create = sandbox
        .post(
            &format!("/users/{BASIC_USER_ID}/webinar_templates"),
            json!({"webinar_id": SINGLE_WEBINAR_ID}),
        )
        .await;
    assert_eq!(basic_create.code(), Some(200));
}

#[tokio::test]
async fn forty_templates_is_the_limit() {
    let sandbox = Sandbox::start().await;
    // The owner already has one template.
    for index in 1..40 {
        let created = sandbox
            .post(
                PATH,
                json!({"webinar_id": SINGLE_WEBINAR_ID, "name": format!("Copy {index}")}),
            )
            .await;
        assert_eq!(created.status, StatusCode::CREATED, "template {index}");
    }
    let over = sandbox
        .post(
            PATH,
            json!({"webinar_id": SINGLE_WEBINAR_ID, "name": "Copy 40"}),
        )
        .await;
    assert_eq!(over.status, StatusCode::BAD_REQUEST);
    assert_eq!(over.code(), Some(300));
    assert_eq!(
        over.body["message"],
        "You can only create up to 40 webinar templates."
    );
    assert_eq!(sandbox.get(PATH).await.body["total_records"], 40);
}
