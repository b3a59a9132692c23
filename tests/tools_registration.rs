//! Registration tools that need more than the basic registrant list:
//! questions, tracking sources and batch registration with long lists.

mod common;

use std::collections::HashSet;

use common::{call_err, call_ok, local_in_days, start_sandbox};
use serde_json::{Value, json};
use zoom_webinar_mcp::sandbox::seed;

const MANUAL: u64 = seed::MANUAL_APPROVAL_WEBINAR_ID;

fn people(count: usize, offset: usize) -> Vec<Value> {
    (0..count)
        .map(|index| {
            let number = index + offset;
            json!({ "email": format!("person{number}@sandbox.example.com"), "first_name": format!("Person{number}") })
        })
        .collect()
}

#[tokio::test]
async fn read_and_replace_questions() {
    let server = start_sandbox().await;
    let before = call_ok(
        &server.client,
        "get_registration_questions",
        json!({ "webinar_id": MANUAL }),
    )
    .await;
    assert!(before["questions"].is_array());
    let replaced = call_ok(
        &server.client,
        "update_registration_questions",
        json!({
            "webinar_id": MANUAL,
            "questions": [{ "field_name": "org", "required": true }, { "field_name": "job_title", "required": false }],
            "custom_questions": [{ "title": "How did you hear of us?", "type": "single_radio", "required": true, "answers": ["Email", "Friend"] }]
        }),
    )
    .await;
    assert_eq!(replaced["questions"].as_array().unwrap().len(), 2);
    assert_eq!(
        replaced["custom_questions"][0]["title"],
        json!("How did you hear of us?")
    );
    let after = call_ok(
        &server.client,
        "get_registration_questions",
        json!({ "webinar_id": MANUAL }),
    )
    .await;
    assert_eq!(after["custom_questions"], replaced["custom_questions"]);
    server.stop().await;
}

#[tokio::test]
async fn question_validation() {
    let server = start_sandbox().await;
    let cases = [
        (
            json!({ "questions": [{ "field_name": "org", "required": true }, { "field_name": "org", "required": false }] }),
            "twice",
        ),
        (
            json!({ "custom_questions": [{ "title": "Pick", "type": "single_dropdown", "answers": ["only one"] }] }),
            "two answers",
        ),
        (
            json!({ "custom_questions": [{ "title": "Free", "type": "short", "answers": ["x"] }] }),
            "leave answers empty",
        ),
        (
            json!({ "custom_questions": [{ "title": "", "type": "short" }] }),
            "title",
        ),
        (
            json!({ "questions": [{ "field_name": "shoe_size", "required": true }] }),
            "shoe_size",
        ),
    ];
    for (fields, expected) in cases {
        let mut arguments = fields.clone();
        arguments["webinar_id"] = json!(MANUAL);
        let message = call_err(&server.client, "update_registration_questions", arguments).await;
        assert!(message.contains(expected), "{fields}: {message}");
    }
    server.stop().await;
}

#[tokio::test]
async fn tracking_sources_are_listed() {
    let server = start_sandbox().await;
    let result = call_ok(
        &server.client,
        "list_tracking_sources",
        json!({ "webinar_id": seed::RECURRING_WEBINAR_ID }),
    )
    .await;
    let ids: HashSet<&str> = result["tracking_sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        seed::RECURRING_WEBINAR_TRACKING_SOURCE_IDS
            .into_iter()
            .collect()
    );
    let message = call_err(
        &server.client,
        "list_tracking_sources",
        json!({ "webinar_id": 99999999999u64 }),
    )
    .await;
    assert!(message.contains("3001"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn batch_reports_each_row() {
    let server = start_sandbox().await;
    let result = call_ok(
        &server.client,
        "add_webinar_registrants_batch",
        json!({ "webinar_id": MANUAL, "registrants": people(45, 0), "auto_approve": true }),
    )
    .await;
    assert_eq!(result["added"], json!(45));
    assert_eq!(result["failed"], json!(0));
    let rows = result["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 45);
    assert!(
        rows.iter()
            .all(|row| row["status"] == json!("added") && row["registrant_id"].is_string())
    );
    let found = call_ok(
        &server.client,
        "find_registrant_by_email",
        json!({ "webinar_id": MANUAL, "email": "person44@sandbox.example.com" }),
    )
    .await;
    assert_eq!(found["registrants"][0]["status"], json!("approved"));
    server.stop().await;
}

#[tokio::test]
async fn batch_rejects_bad_input() {
    let server = start_sandbox().await;
    let message = call_err(
        &server.client,
        "add_webinar_registrants_batch",
        json!({ "webinar_id": MANUAL, "registrants": [] }),
    )
    .await;
    assert!(message.contains("1 to 1000"), "{message}");
    let message = call_err(
        &server.client,
        "add_webinar_registrants_batch",
        json!({ "webinar_id": MANUAL, "registrants": people(1001, 0) }),
    )
    .await;
    assert!(message.contains("1 to 1000"), "{message}");
    let mut duplicated = people(2, 0);
    duplicated.push(duplicated[0].clone());
    let message = call_err(
        &server.client,
        "add_webinar_registrants_batch",
        json!({ "webinar_id": MANUAL, "registrants": duplicated }),
    )
    .await;
    assert!(message.contains("twice"), "{message}");
    let message = call_err(
        &server.client,
        "add_webinar_registrants_batch",
        json!({ "webinar_id": seed::RECURRING_WEBINAR_ID, "registrants": people(1, 0) }),
    )
    .await;
    assert!(message.contains("type 5"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn two_thousand_registrants_page_with_a_cursor() {
    let server = start_sandbox().await;
    let created = call_ok(
        &server.client,
        "create_webinar",
        json!({ "topic": "Big audience", "start_time": local_in_days(15, 10), "settings": { "registration": "automatic" } }),
    )
    .await;
    let webinar_id = created["webinar"]["id"].as_u64().unwrap();
    for offset in [0, 1000] {
        let result = call_ok(
            &server.client,
            "add_webinar_registrants_batch",
            json!({ "webinar_id": webinar_id, "registrants": people(1000, offset), "auto_approve": true }),
        )
        .await;
        assert_eq!(result["added"], json!(1000));
    }

    let mut emails = HashSet::new();
    let mut token: Option<String> = None;
    let mut calls = 0;
    loop {
        let mut arguments = json!({ "webinar_id": webinar_id, "status": "approved", "page_size": 300, "max_results": 500 });
        if let Some(token) = &token {
            arguments["next_page_token"] = json!(token);
        }
        let result = common::call(&server.client, "list_webinar_registrants", arguments).await;
        let text = common::text(&result);
        let page = result.structured_content.expect("structured content");
        calls += 1;
        for row in page["registrants"].as_array().unwrap() {
            emails.insert(row["email"].as_str().unwrap().to_string());
        }
        token = page["next_page_token"].as_str().map(str::to_string);
        if token.is_none() {
            assert_eq!(page["has_more"], json!(false));
            break;
        }
        assert_eq!(page["returned"], json!(500));
        assert!(text.contains("More rows exist"), "{text}");
        assert!(calls < 10, "paging did not end");
    }
    assert_eq!(calls, 4);
    assert_eq!(emails.len(), 2000);
    server.stop().await;
}
