//! The test hooks: request counters and the request log.

mod sandbox_support;

use reqwest::StatusCode;
use sandbox_support::Sandbox;
use serde_json::Value;

#[tokio::test]
async fn stats_count_token_and_api_requests() {
    let sandbox = Sandbox::start().await;
    // Starting the harness fetched one token.
    let start = sandbox.hook("/_sandbox/stats").await;
    assert_eq!(start["token_requests"], 1);
    assert_eq!(start["api_requests"], 0);

    sandbox.get("/users/me").await;
    sandbox.get("/webinars/1").await;
    let failed_token = sandbox
        .client
        .post(sandbox.server.token_url())
        .send()
        .await
        .unwrap();
    assert_eq!(failed_token.status(), StatusCode::UNAUTHORIZED);

    let stats = sandbox.hook("/_sandbox/stats").await;
    assert_eq!(stats["token_requests"], 2);
    assert_eq!(stats["api_requests"], 2);
}

#[tokio::test]
async fn request_log_records_raw_path_status_and_code() {
    let sandbox = Sandbox::start().await;
    sandbox.get("/users/me").await;
    sandbox
        .get("/past_webinars/%252Fabc%253D%253D/qa?page_size=5")
        .await;

    let log = sandbox.hook("/_sandbox/requests").await;
    let entries = log.as_array().unwrap();
    assert_eq!(entries.len(), 3);

    let token = &entries[0];
    assert_eq!(token["method"], "POST");
    assert_eq!(token["path"], "/oauth/token");
    assert_eq!(token["status"], 200);

    let me = &entries[1];
    assert_eq!(me["path"], "/v2/users/me");
    assert_eq!(me["status"], 200);
    assert_eq!(me["zoom_code"], Value::Null);

    let past = &entries[2];
    assert_eq!(past["path"], "/v2/past_webinars/%252Fabc%253D%253D/qa");
    assert_eq!(past["query"], "page_size=5");
    assert_eq!(past["status"], 404);
    assert_eq!(past["zoom_code"], 3001);
}

#[tokio::test]
async fn hooks_are_not_logged() {
    let sandbox = Sandbox::start().await;
    sandbox.hook("/_sandbox/stats").await;
    let log = sandbox.hook("/_sandbox/requests").await;
    assert_eq!(log.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn writes_persist_between_requests() {
    let sandbox = Sandbox::start().await;
    let created = sandbox
        .post(
            "/users/me/webinars",
            serde_json::json!({"topic": "Persisted"}),
        )
        .await;
    let id = created.body["id"].as_u64().unwrap();
    let fetched = sandbox.get(&format!("/webinars/{id}")).await;
    assert_eq!(fetched.body["topic"], "Persisted");
}
