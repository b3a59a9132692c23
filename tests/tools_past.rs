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

#[tokio::test]
async fn instances_newest_first() {
    let server = start_sandbox().await;
    let result = call_ok(
        &server.client,
        "list_past_webinar_instances",
        json!({ "webinar_id": PAST }),
    )
    .await;
    let uuids: Vec<&str> = result["instances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["uuid"].as_str().unwrap())
        .collect();
    let mut expected: Vec<&str> = seed::PAST_INSTANCE_UUIDS.to_vec();
    expected.reverse();
    assert_eq!(uuids, expected);
    let empty = call_err(
        &server.client,
        "list_past_webinar_instances",
        json!({ "webinar_id": 99999999999u64 }),
    )
    .await;
    assert!(empty.contains("3001"), "{empty}");
    server.stop().await;
}

#[tokio::test]
async fn poll_results_are_counted() {
    let server = start_sandbox().await;
    let result = call_ok(
        &server.client,
        "get_past_webinar_poll_results",
        json!({ "webinar_id": PAST }),
    )
    .await;
    assert_eq!(result["instance"]["latest"], json!(true));
    let questions = result["questions"].as_array().unwrap();
    assert!(!questions.is_empty());
    for question in questions {
        let counted: u64 = question["answers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|answer| answer["count"].as_u64().unwrap())
            .sum();
        assert!(
            counted >= question["responses"].as_u64().unwrap(),
            "{question}"
        );
    }
    assert!(result["respondents"].as_u64().unwrap() > 0);
    server.stop().await;
}

#[tokio::test]
async fn max_results_follows_pages() {
    let server = start_sandbox().await;
    let result = call_ok(
        &server.client,
        "list_webinar_participants",
        json!({ "webinar_id": PAST, "page_size": 10, "max_results": 35 }),
    )
    .await;
    assert_eq!(result["participants"].as_array().unwrap().len(), 35);
    assert_eq!(result["returned"], json!(35));
    assert_eq!(result["has_more"], json!(true));
    let token = result["next_page_token"].as_str().unwrap().to_string();
    let rest = call_ok(
        &server.client,
        "list_webinar_participants",
        json!({ "webinar_id": PAST, "max_results": 100, "next_page_token": token }),
    )
    .await;
    assert_eq!(
        rest["participants"].as_array().unwrap().len(),
        seed::PAST_PARTICIPANT_COUNTS[2] - 35
    );
    assert_eq!(rest["has_more"], json!(false));
    server.stop().await;
}
