//! Registrant tools through the real binary against the sandbox.

mod common;

use std::collections::HashSet;

use common::{call_err, call_ok, start_sandbox};
use serde_json::json;
use zoom_webinar_mcp::sandbox::seed;

const MANUAL: u64 = seed::MANUAL_APPROVAL_WEBINAR_ID;

#[tokio::test]
async fn list_all_statuses() {
    let server = start_sandbox().await;
    let result = call_ok(
        &server.client,
        "list_webinar_registrants",
        json!({ "webinar_id": MANUAL }),
    )
    .await;
    let rows = result["registrants"].as_array().unwrap();
    let count = |status: &str| {
        rows.iter()
            .filter(|row| row["status"] == json!(status))
            .count()
    };
    assert_eq!(count("pending"), 2);
    assert_eq!(count("approved"), 3);
    assert_eq!(count("denied"), 1);
    assert!(result.get("next_page_token").is_none());
    server.stop().await;
}

#[tokio::test]
async fn list_one_status() {
    let server = start_sandbox().await;
    let result = call_ok(
        &server.client,
        "list_webinar_registrants",
        json!({ "webinar_id": MANUAL, "status": "pending" }),
    )
    .await;
    let ids: HashSet<&str> = result["registrants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        seed::MANUAL_PENDING_REGISTRANT_IDS.into_iter().collect()
    );
    server.stop().await;
}

#[tokio::test]
async fn list_all_pages_across_statuses() {
    let server = start_sandbox().await;
    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    for _ in 0..10 {
        let mut arguments = json!({ "webinar_id": MANUAL, "page_size": 2 });
        if let Some(token) = &token {
            arguments["next_page_token"] = json!(token);
        }
        let page = call_ok(&server.client, "list_webinar_registrants", arguments).await;
        let rows = page["registrants"].as_array().unwrap();
        assert!(rows.len() <= 2);
        seen.extend(
            rows.iter()
                .map(|row| row["id"].as_str().unwrap().to_string()),
        );
        token = page["next_page_token"].as_str().map(str::to_string);
        if token.is_none() {
            break;
        }
    }
    assert!(token.is_none(), "paging did not finish");
    let unique: HashSet<&String> = seen.iter().collect();
    assert_eq!(seen.len(), 6);
    assert_eq!(unique.len(), 6);
    server.stop().await;
}

#[tokio::test]
async fn list_requires_registration() {
    let server = start_sandbox().await;
    let message = call_err(
        &server.client,
        "list_webinar_registrants",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID }),
    )
    .await;
    assert!(message.contains("3000"), "{message}");
    assert!(message.contains("settings.registration"), "{message}");
    let message = call_err(
        &server.client,
        "list_webinar_registrants",
        json!({ "webinar_id": MANUAL, "next_page_token": "bogus" }),
    )
    .await;
    assert!(message.contains("next_page_token"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn find_registrant_by_email() {
    let server = start_sandbox().await;
    let pending = call_ok(
        &server.client,
        "list_webinar_registrants",
        json!({ "webinar_id": MANUAL, "status": "pending" }),
    )
    .await;
    let email = pending["registrants"][0]["email"]
        .as_str()
        .unwrap()
        .to_uppercase();
    let found = call_ok(
        &server.client,
        "find_registrant_by_email",
        json!({ "webinar_id": MANUAL, "email": email }),
    )
    .await;
    assert_eq!(found["found"], json!(true));
    assert_eq!(found["registrants"][0]["status"], json!("pending"));
    let missing = call_ok(
        &server.client,
        "find_registrant_by_email",
        json!({ "webinar_id": MANUAL, "email": "nobody@sandbox.example.com" }),
    )
    .await;
    assert_eq!(missing["found"], json!(false));
    let message = call_err(
        &server.client,
        "find_registrant_by_email",
        json!({ "webinar_id": MANUAL, "email": "not-an-email" }),
    )
    .await;
    assert!(message.contains("not an email"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn approve_deny_and_cancel() {
    let server = start_sandbox().await;
    let [first_pending, second_pending] = seed::MANUAL_PENDING_REGISTRANT_IDS;
    call_ok(
        &server.client,
        "update_webinar_registrant_status",
        json!({ "webinar_id": MANUAL, "action": "approve", "registrant_ids": [first_pending] }),
    )
    .await;
    call_ok(
        &server.client,
        "update_webinar_registrant_status",
        json!({ "webinar_id": MANUAL, "action": "deny", "registrant_ids": [second_pending] }),
    )
    .await;
    call_ok(
        &server.client,
        "update_webinar_registrant_status",
        json!({ "webinar_id": MANUAL, "action": "cancel", "registrant_ids": [seed::MANUAL_APPROVED_REGISTRANT_IDS[0]] }),
    )
    .await;
    let pending = call_ok(
        &server.client,
        "list_webinar_registrants",
        json!({ "webinar_id": MANUAL, "status": "pending" }),
    )
    .await;
    assert_eq!(pending["registrants"].as_array().unwrap().len(), 0);
    let approved = call_ok(
        &server.client,
        "list_webinar_registrants",
        json!({ "webinar_id": MANUAL, "status": "approved" }),
    )
    .await;
    let approved_ids: HashSet<&str> = approved["registrants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["id"].as_str().unwrap())
        .collect();
    assert!(approved_ids.contains(first_pending));
    assert!(!approved_ids.contains(seed::MANUAL_APPROVED_REGISTRANT_IDS[0]));
    let denied = call_ok(
        &server.client,
        "list_webinar_registrants",
        json!({ "webinar_id": MANUAL, "status": "denied" }),
    )
    .await;
    let denied_ids: HashSet<&str> = denied["registrants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["id"].as_str().unwrap())
        .collect();
    assert!(denied_ids.contains(second_pending));
    server.stop().await;
}

#[tokio::test]
async fn status_change_by_email() {
    let server = start_sandbox().await;
    let pending = call_ok(
        &server.client,
        "list_webinar_registrants",
        json!({ "webinar_id": MANUAL, "status": "pending" }),
    )
    .await;
    let email = pending["registrants"][0]["email"]
        .as_str()
        .unwrap()
        .to_string();
    call_ok(
        &server.client,
        "update_webinar_registrant_status",
        json!({ "webinar_id": MANUAL, "action": "approve", "emails": [email] }),
    )
    .await;
    let found = call_ok(
        &server.client,
        "find_registrant_by_email",
        json!({ "webinar_id": MANUAL, "email": email }),
    )
    .await;
    assert_eq!(found["registrants"][0]["status"], json!("approved"));
    server.stop().await;
}

#[tokio::test]
async fn status_change_failures() {
    let server = start_sandbox().await;
    let message = call_err(
        &server.client,
        "update_webinar_registrant_status",
        json!({ "webinar_id": MANUAL, "action": "approve" }),
    )
    .await;
    assert!(message.contains("at least one"), "{message}");
    let ids: Vec<String> = (0..31).map(|index| format!("id{index}")).collect();
    let message = call_err(
        &server.client,
        "update_webinar_registrant_status",
        json!({ "webinar_id": MANUAL, "action": "deny", "registrant_ids": ids }),
    )
    .await;
    assert!(message.contains("at most 30"), "{message}");
    let message = call_err(
        &server.client,
        "update_webinar_registrant_status",
        json!({ "webinar_id": MANUAL, "action": "deny", "registrant_ids": ["../../users"] }),
    )
    .await;
    assert!(message.contains("not a Zoom registrant id"), "{message}");
    let message = call_err(
        &server.client,
        "update_webinar_registrant_status",
        json!({ "webinar_id": MANUAL, "action": "promote", "registrant_ids": ["x"] }),
    )
    .await;
    assert!(message.contains("promote"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn delete_registrant_by_id_and_email() {
    let server = start_sandbox().await;
    let id = seed::MANUAL_DENIED_REGISTRANT_IDS[0];
    let deleted = call_ok(
        &server.client,
        "delete_webinar_registrant",
        json!({ "webinar_id": MANUAL, "registrant_id": id }),
    )
    .await;
    assert_eq!(deleted["deleted"], json!(true));
    let approved = call_ok(
        &server.client,
        "list_webinar_registrants",
        json!({ "webinar_id": MANUAL, "status": "approved" }),
    )
    .await;
    let email = approved["registrants"][0]["email"]
        .as_str()
        .unwrap()
        .to_string();
    call_ok(
        &server.client,
        "delete_webinar_registrant",
        json!({ "webinar_id": MANUAL, "email": email }),
    )
    .await;
    let all = call_ok(
        &server.client,
        "list_webinar_registrants",
        json!({ "webinar_id": MANUAL }),
    )
    .await;
    let rows = all["registrants"].as_array().unwrap();
    assert_eq!(rows.len(), 4);
    assert!(
        rows.iter()
            .all(|row| row["id"] != json!(id) && row["email"] != json!(email))
    );
    server.stop().await;
}

#[tokio::test]
async fn delete_registrant_failures() {
    let server = start_sandbox().await;
    let message = call_err(
        &server.client,
        "delete_webinar_registrant",
        json!({ "webinar_id": MANUAL }),
    )
    .await;
    assert!(message.contains("registrant_id or email"), "{message}");
    let message = call_err(
        &server.client,
        "delete_webinar_registrant",
        json!({ "webinar_id": MANUAL, "registrant_id": "rgNoSuchRegistrant00000" }),
    )
    .await;
    assert!(
        message.contains("3079") || message.contains("3000"),
        "{message}"
    );
    let message = call_err(
        &server.client,
        "delete_webinar_registrant",
        json!({ "webinar_id": MANUAL, "email": "nobody@sandbox.example.com" }),
    )
    .await;
    assert!(message.contains("nothing was deleted"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn add_and_get_one_registrant() {
    let server = start_sandbox().await;
    let added = call_ok(
        &server.client,
        "add_webinar_registrant",
        json!({ "webinar_id": MANUAL, "email": "new.person@sandbox.example.com", "first_name": "New", "last_name": "Person", "org": "Acme", "country": "in" }),
    )
    .await;
    let registrant_id = added["registrant_id"].as_str().unwrap().to_string();
    assert!(!registrant_id.is_empty());
    let fetched = call_ok(
        &server.client,
        "get_webinar_registrant",
        json!({ "webinar_id": MANUAL, "registrant_id": registrant_id }),
    )
    .await;
    assert_eq!(
        fetched["registrant"]["email"],
        json!("new.person@sandbox.example.com")
    );
    assert_eq!(fetched["registrant"]["org"], json!("Acme"));
    let message = call_err(
        &server.client,
        "get_webinar_registrant",
        json!({ "webinar_id": MANUAL, "registrant_id": "rgNoSuchOne000000000000" }),
    )
    .await;
    assert!(message.contains("3079"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn add_registrant_rejects_bad_input() {
    let server = start_sandbox().await;
    let cases = [
        (
            json!({ "email": "not-an-email", "first_name": "A" }),
            "valid email",
        ),
        (
            json!({ "email": "a@sandbox.example.com", "first_name": "" }),
            "first_name is empty",
        ),
        (
            json!({ "email": "a@sandbox.example.com", "first_name": "x".repeat(65) }),
            "64",
        ),
        (
            json!({ "email": "a@sandbox.example.com", "first_name": "A", "country": "India" }),
            "two-letter",
        ),
        (
            json!({ "email": "a@sandbox.example.com", "first_name": "A", "occurrence_ids": ["abc"] }),
            "occurrence",
        ),
    ];
    for (fields, expected) in cases {
        let mut arguments = fields.clone();
        arguments["webinar_id"] = json!(MANUAL);
        let message = call_err(&server.client, "add_webinar_registrant", arguments).await;
        assert!(message.contains(expected), "{fields}: {message}");
    }
    let message = call_err(
        &server.client,
        "add_webinar_registrant",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID, "email": "a@sandbox.example.com", "first_name": "A" }),
    )
    .await;
    assert!(message.contains("3000"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn compact_and_detailed_rows() {
    let server = start_sandbox().await;
    let compact = call_ok(
        &server.client,
        "list_webinar_registrants",
        json!({ "webinar_id": MANUAL }),
    )
    .await;
    assert!(
        compact["registrants"]
            .as_array()
            .unwrap()
            .iter()
            .all(|row| row.get("join_url").is_none())
    );
    let detailed = call_ok(
        &server.client,
        "list_webinar_registrants",
        json!({ "webinar_id": MANUAL, "detail": true }),
    )
    .await;
    assert!(
        detailed["registrants"]
            .as_array()
            .unwrap()
            .iter()
            .any(|row| row.get("join_url").is_some())
    );
    server.stop().await;
}

#[tokio::test]
async fn unknown_registrant_gets_a_hint() {
    let server = start_sandbox().await;
    let message = call_err(
        &server.client,
        "get_webinar_registrant",
        json!({ "webinar_id": MANUAL, "registrant_id": "NoSuchRegistrant1" }),
    )
    .await;
    assert!(
        message.contains("This registrant does not exist"),
        "{message}"
    );
    assert!(message.contains("find_registrant_by_email"), "{message}");
    server.stop().await;
}
