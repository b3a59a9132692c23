//! Past-webinar tools through the real binary against the sandbox,
//! including instance UUIDs that need double encoding.

mod common;

use std::collections::HashSet;

use common::{call_err, call_ok, start_sandbox};
use serde_json::json;
use zoom_webinar_mcp::sandbox::seed;

const PAST: u64 = seed::PAST_WEBINAR_ID;

#[tokio::test]
async fn participants_default_to_latest_instance() {
    let server = start_sandbox().await;
    let result = call_ok(
        &server.client,
        "list_webinar_participants",
        json!({ "webinar_id": PAST }),
    )
    .await;
    assert_eq!(result["instance"]["latest"], json!(true));
    assert_eq!(
        result["instance"]["uuid"],
        json!(seed::PAST_INSTANCE_UUIDS[2])
    );
    assert_eq!(result["instance"]["instances"].as_array().unwrap().len(), 3);
    assert_eq!(result["participants"].as_array().unwrap().len(), 30);
    assert_eq!(
        result["total_records"],
        json!(seed::PAST_PARTICIPANT_COUNTS[2])
    );
    let token = result["next_page_token"]
        .as_str()
        .expect("second page")
        .to_string();
    let second = call_ok(
        &server.client,
        "list_webinar_participants",
        json!({ "webinar_id": PAST, "next_page_token": token }),
    )
    .await;
    assert_eq!(
        second["participants"].as_array().unwrap().len(),
        seed::PAST_PARTICIPANT_COUNTS[2] - 30
    );
    server.stop().await;
}

#[tokio::test]
async fn participants_of_every_instance() {
    let server = start_sandbox().await;
    for (uuid, expected) in seed::PAST_INSTANCE_UUIDS
        .iter()
        .zip(seed::PAST_PARTICIPANT_COUNTS)
    {
        let result = call_ok(
            &server.client,
            "list_webinar_participants",
            json!({ "webinar_id": PAST, "uuid": uuid, "page_size": 300 }),
        )
        .await;
        assert_eq!(result["instance"]["uuid"], json!(uuid));
        assert_eq!(result["instance"]["latest"], json!(false));
        assert_eq!(
            result["participants"].as_array().unwrap().len(),
            expected,
            "instance {uuid}"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn qa_counts_answers() {
    let server = start_sandbox().await;
    for uuid in seed::PAST_INSTANCE_UUIDS {
        let result = call_ok(
            &server.client,
            "list_webinar_qa",
            json!({ "webinar_id": PAST, "uuid": uuid }),
        )
        .await;
        let questions = result["questions"].as_array().unwrap();
        let answered = questions
            .iter()
            .filter(|row| row["answered"] == json!(true))
            .count();
        assert_eq!(result["answered"], json!(answered));
        assert_eq!(result["unanswered"], json!(questions.len() - answered));
    }
    let latest = call_ok(
        &server.client,
        "list_webinar_qa",
        json!({ "webinar_id": PAST }),
    )
    .await;
    assert!(latest["answered"].as_u64().unwrap() > 0);
    assert!(latest["unanswered"].as_u64().unwrap() > 0);
    server.stop().await;
}

#[tokio::test]
async fn absentees_page_and_differ_by_instance() {
    let server = start_sandbox().await;
    for (uuid, expected) in seed::PAST_INSTANCE_UUIDS
        .iter()
        .zip(seed::PAST_ABSENTEE_COUNTS)
    {
        let mut emails = HashSet::new();
        let mut token: Option<String> = None;
        for _ in 0..10 {
            let mut arguments = json!({ "webinar_id": PAST, "uuid": uuid, "page_size": 10 });
            if let Some(token) = &token {
                arguments["next_page_token"] = json!(token);
            }
            let page = call_ok(&server.client, "get_webinar_absentees", arguments).await;
            for row in page["absentees"].as_array().unwrap() {
                emails.insert(row["email"].as_str().unwrap().to_string());
            }
            token = page["next_page_token"].as_str().map(str::to_string);
            if token.is_none() {
                break;
            }
        }
        assert_eq!(emails.len(), expected, "instance {uuid}");
    }
    server.stop().await;
}

#[tokio::test]
async fn past_tool_failures() {
    let server = start_sandbox().await;
    let message = call_err(
        &server.client,
        "list_webinar_participants",
        json!({ "webinar_id": PAST, "uuid": "NotAnInstance00000000==" }),
    )
    .await;
    assert!(message.contains("is not an ended instance"), "{message}");
    let message = call_err(
        &server.client,
        "list_webinar_participants",
        json!({ "webinar_id": PAST, "uuid": "../../users/me" }),
    )
    .await;
    assert!(
        message.contains("neither a numeric webinar id nor a webinar UUID"),
        "{message}"
    );
    let message = call_err(
        &server.client,
        "list_webinar_qa",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID }),
    )
    .await;
    assert!(
        message.contains("3001") || message.contains("no ended instances"),
        "{message}"
    );
    let message = call_err(
        &server.client,
        "get_webinar_absentees",
        json!({ "webinar_id": 99999999999u64 }),
    )
    .await;
    assert!(
        message.contains("3001") || message.contains("no ended instances"),
        "{message}"
    );
    server.stop().await;
}
