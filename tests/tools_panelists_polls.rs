//! Panelist, poll and invite-link tools through the real binary against the sandbox.

mod common;

use common::{call_err, call_ok, start_sandbox};
use serde_json::json;
use zoom_webinar_mcp::sandbox::seed;

const SINGLE: u64 = seed::SINGLE_WEBINAR_ID;

#[tokio::test]
async fn list_and_add_panelists() {
    let server = start_sandbox().await;
    let listed = call_ok(
        &server.client,
        "list_panelists",
        json!({ "webinar_id": SINGLE }),
    )
    .await;
    assert_eq!(listed["total_records"], json!(2));
    let added = call_ok(
        &server.client,
        "add_panelists",
        json!({ "webinar_id": SINGLE, "panelists": [{ "name": "Nia New", "email": "nia.new@sandbox.example.com" }] }),
    )
    .await;
    assert_eq!(added["total_panelists"], json!(3));
    assert_eq!(
        added["added"][0]["email"],
        json!("nia.new@sandbox.example.com")
    );
    assert!(added["added"][0]["join_url"].is_string());
    let listed = call_ok(
        &server.client,
        "list_panelists",
        json!({ "webinar_id": SINGLE }),
    )
    .await;
    assert_eq!(listed["panelists"].as_array().unwrap().len(), 3);
    server.stop().await;
}

#[tokio::test]
async fn add_panelists_rejects_bad_input() {
    let server = start_sandbox().await;
    let many: Vec<_> = (0..31).map(|index| json!({ "name": format!("P{index}"), "email": format!("p{index}@sandbox.example.com") })).collect();
    let cases = [
        (json!([]), "empty"),
        (json!(many), "at most 30"),
        (
            json!([{ "name": "Bad", "email": "bad-email" }]),
            "valid email",
        ),
        (
            json!([{ "name": "", "email": "a@sandbox.example.com" }]),
            "name",
        ),
        (
            json!([{ "name": "A", "email": "a@sandbox.example.com" }, { "name": "B", "email": "A@sandbox.example.com" }]),
            "twice",
        ),
    ];
    for (panelists, expected) in cases {
        let message = call_err(
            &server.client,
            "add_panelists",
            json!({ "webinar_id": SINGLE, "panelists": panelists }),
        )
        .await;
        assert!(message.contains(expected), "{message}");
    }
    let listed = call_ok(
        &server.client,
        "list_panelists",
        json!({ "webinar_id": SINGLE }),
    )
    .await;
    assert_eq!(
        listed["total_records"],
        json!(2),
        "a rejected call changed the panelists"
    );
    server.stop().await;
}

#[tokio::test]
async fn remove_panelist_by_email_and_id() {
    let server = start_sandbox().await;
    call_ok(
        &server.client,
        "remove_panelist",
        json!({ "webinar_id": SINGLE, "panelist": seed::SINGLE_WEBINAR_PANELIST_EMAILS[0] }),
    )
    .await;
    call_ok(
        &server.client,
        "remove_panelist",
        json!({ "webinar_id": SINGLE, "panelist": seed::SINGLE_WEBINAR_PANELIST_IDS[1] }),
    )
    .await;
    let listed = call_ok(
        &server.client,
        "list_panelists",
        json!({ "webinar_id": SINGLE }),
    )
    .await;
    assert_eq!(listed["total_records"], json!(0));
    let message = call_err(
        &server.client,
        "remove_panelist",
        json!({ "webinar_id": SINGLE, "panelist": "ghost@sandbox.example.com" }),
    )
    .await;
    assert!(message.contains("is not a panelist"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn remove_all_panelists() {
    let server = start_sandbox().await;
    let removed = call_ok(
        &server.client,
        "remove_all_panelists",
        json!({ "webinar_id": SINGLE }),
    )
    .await;
    assert!(removed["message"].as_str().unwrap().contains("all 2"));
    let listed = call_ok(
        &server.client,
        "list_panelists",
        json!({ "webinar_id": SINGLE }),
    )
    .await;
    assert_eq!(listed["total_records"], json!(0));
    let message = call_err(
        &server.client,
        "remove_all_panelists",
        json!({ "webinar_id": 99999999999u64 }),
    )
    .await;
    assert!(message.contains("3001"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn create_and_list_polls() {
    let server = start_sandbox().await;
    let created = call_ok(
        &server.client,
        "create_webinar_poll",
        json!({ "webinar_id": SINGLE, "title": "Pace check", "questions": [
            { "name": "How is the pace?", "type": "single", "answers": ["Too slow", "Right", "Too fast"] }
        ] }),
    )
    .await;
    let poll_id = created["poll"]["id"].as_str().unwrap().to_string();
    let polls = call_ok(
        &server.client,
        "get_webinar_polls",
        json!({ "webinar_id": SINGLE }),
    )
    .await;
    let ids: Vec<&str> = polls["polls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|poll| poll["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&seed::SINGLE_WEBINAR_POLL_ID));
    assert!(ids.contains(&poll_id.as_str()));
    server.stop().await;
}

#[tokio::test]
async fn create_quiz_and_advanced_poll() {
    let server = start_sandbox().await;
    call_ok(
        &server.client,
        "create_webinar_poll",
        json!({ "webinar_id": SINGLE, "title": "Quiz", "poll_type": "quiz", "questions": [
            { "name": "2 + 2?", "type": "single", "answers": ["3", "4"], "right_answers": ["4"] }
        ] }),
    )
    .await;
    call_ok(
        &server.client,
        "create_webinar_poll",
        json!({ "webinar_id": SINGLE, "title": "Feedback", "poll_type": "advanced_poll", "anonymous": true, "questions": [
            { "name": "Anything to add?", "type": "long_answer" }
        ] }),
    )
    .await;
    server.stop().await;
}

#[tokio::test]
async fn poll_validation() {
    let server = start_sandbox().await;
    let question = json!({ "name": "Q", "type": "single", "answers": ["A", "B"] });
    let cases = [
        (
            json!({ "title": "t".repeat(65), "questions": [question] }),
            "64",
        ),
        (
            json!({ "title": "No questions", "questions": [] }),
            "at least one",
        ),
        (
            json!({ "title": "One answer", "questions": [{ "name": "Q", "type": "single", "answers": ["A"] }] }),
            "2 to 10",
        ),
        (
            json!({ "title": "Free text", "questions": [{ "name": "Q", "type": "short_answer" }] }),
            "advanced_poll",
        ),
        (
            json!({ "title": "Quiz", "poll_type": "quiz", "questions": [question] }),
            "right_answers",
        ),
        (
            json!({ "title": "Wrong right", "questions": [{ "name": "Q", "type": "single", "answers": ["A", "B"], "right_answers": ["C"] }] }),
            "not one of its answers",
        ),
    ];
    for (poll, expected) in cases {
        let mut arguments = poll.clone();
        arguments["webinar_id"] = json!(SINGLE);
        let message = call_err(&server.client, "create_webinar_poll", arguments).await;
        assert!(message.contains(expected), "{poll}: {message}");
    }
    server.stop().await;
}

#[tokio::test]
async fn invite_links() {
    let server = start_sandbox().await;
    let links = call_ok(
        &server.client,
        "create_webinar_invite_links",
        json!({ "webinar_id": SINGLE, "attendees": [{ "name": "Ana" }, { "name": "Ben" }], "ttl": 3600 }),
    )
    .await;
    let attendees = links["attendees"].as_array().unwrap();
    assert_eq!(attendees.len(), 2);
    assert_eq!(attendees[0]["name"], json!("Ana"));
    assert!(
        attendees[0]["join_url"]
            .as_str()
            .unwrap()
            .starts_with("http")
    );
    assert_eq!(links["ttl"], json!(3600));
    let message = call_err(
        &server.client,
        "create_webinar_invite_links",
        json!({ "webinar_id": SINGLE, "attendees": [{ "name": "Ana" }], "ttl": 7776001 }),
    )
    .await;
    assert!(message.contains("7776000"), "{message}");
    let message = call_err(
        &server.client,
        "create_webinar_invite_links",
        json!({ "webinar_id": SINGLE, "attendees": [] }),
    )
    .await;
    assert!(message.contains("1 to 500"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn get_replace_and_delete_a_poll() {
    let server = start_sandbox().await;
    let poll = call_ok(
        &server.client,
        "get_webinar_poll",
        json!({ "webinar_id": SINGLE, "poll_id": seed::SINGLE_WEBINAR_POLL_ID }),
    )
    .await;
    assert_eq!(poll["poll"]["id"], json!(seed::SINGLE_WEBINAR_POLL_ID));

    let replaced = call_ok(
        &server.client,
        "update_webinar_poll",
        json!({ "webinar_id": SINGLE, "poll_id": seed::SINGLE_WEBINAR_POLL_ID, "title": "Replaced", "questions": [
            { "name": "Only question", "type": "multiple", "answers": ["A", "B", "C"] }
        ] }),
    )
    .await;
    assert_eq!(replaced["poll"]["title"], json!("Replaced"));
    assert_eq!(replaced["poll"]["questions"].as_array().unwrap().len(), 1);

    let message = call_err(
        &server.client,
        "update_webinar_poll",
        json!({ "webinar_id": SINGLE, "poll_id": seed::SINGLE_WEBINAR_POLL_ID, "title": "", "questions": [] }),
    )
    .await;
    assert!(message.contains("title"), "{message}");

    call_ok(
        &server.client,
        "delete_webinar_poll",
        json!({ "webinar_id": SINGLE, "poll_id": seed::SINGLE_WEBINAR_POLL_ID }),
    )
    .await;
    let message = call_err(
        &server.client,
        "get_webinar_poll",
        json!({ "webinar_id": SINGLE, "poll_id": seed::SINGLE_WEBINAR_POLL_ID }),
    )
    .await;
    assert!(
        message.contains("4400") || message.contains("404"),
        "{message}"
    );
    server.stop().await;
}

#[tokio::test]
async fn unknown_poll_gets_a_hint() {
    let server = start_sandbox().await;
    let message = call_err(
        &server.client,
        "delete_webinar_poll",
        json!({ "webinar_id": SINGLE, "poll_id": "NoSuchPoll" }),
    )
    .await;
    assert!(message.contains("Invalid poll IDs"), "{message}");
    assert!(
        message.contains("get_webinar_polls lists the webinar's polls"),
        "{message}"
    );
    server.stop().await;
}
