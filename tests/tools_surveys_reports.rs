//! Survey and report tools through the real binary against the sandbox,
//! with every toolset on.

mod common;
mod tools_support;

use common::{call, call_err, call_ok, start_sandbox_all, text};
use serde_json::{Value, json};
use tools_support::SandboxAccess;
use zoom_webinar_mcp::sandbox::seed;

fn question_names(survey: &Value) -> Vec<String> {
    survey["custom_survey"]["questions"]
        .as_array()
        .map(|questions| {
            questions
                .iter()
                .map(|question| question["name"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn survey_get_update_delete() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let webinar_id = seed::RECURRING_WEBINAR_ID;

    let seeded = call_ok(
        client,
        "get_webinar_survey",
        json!({ "webinar_id": webinar_id }),
    )
    .await;
    assert_eq!(seeded["webinar_id"], json!(webinar_id));
    assert_eq!(question_names(&seeded["survey"]).len(), 2);

    let updated = call(
        client,
        "update_webinar_survey",
        json!({
            "webinar_id": webinar_id,
            "show_in_the_follow_up_email": false,
            "custom_survey": {
                "title": "After the session",
                "questions": [
                    { "name": "Rate the pace", "type": "rating_scale",
                      "rating_min_value": 1, "rating_max_value": 5 },
                    { "name": "Order these topics", "type": "rank_order",
                      "answers": ["Scheduling", "Reports"], "prompts": ["First", "Second"] },
                    { "name": "Anything else?", "type": "long_answer",
                      "answer_max_character": 2000 }
                ]
            }
        }),
    )
    .await;
    assert_ne!(updated.is_error, Some(true), "{}", text(&updated));
    let content = updated.structured_content.clone().unwrap();
    assert_eq!(
        question_names(&content["survey"]),
        ["Rate the pace", "Order these topics", "Anything else?"]
    );
    assert_eq!(
        content["survey"]["show_in_the_follow_up_email"],
        json!(false)
    );
    assert!(
        text(&updated).contains("Updated the survey"),
        "{}",
        text(&updated)
    );

    let read_back = call_ok(
        client,
        "get_webinar_survey",
        json!({ "webinar_id": webinar_id }),
    )
    .await;
    assert_eq!(
        read_back["survey"]["custom_survey"]["title"],
        json!("After the session")
    );

    let deleted = call_ok(
        client,
        "delete_webinar_survey",
        json!({ "webinar_id": webinar_id }),
    )
    .await;
    assert_eq!(deleted["deleted"], json!(true));
    let after = call(
        client,
        "get_webinar_survey",
        json!({ "webinar_id": webinar_id }),
    )
    .await;
    assert_ne!(after.is_error, Some(true), "{}", text(&after));
    assert!(question_names(&after.structured_content.clone().unwrap()["survey"]).is_empty());
    assert!(
        text(&after).contains("no survey questions"),
        "{}",
        text(&after)
    );
    server.stop().await;
}

#[tokio::test]
async fn survey_third_party_link() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let result = call_ok(
        client,
        "update_webinar_survey",
        json!({
            "webinar_id": seed::SINGLE_WEBINAR_ID,
            "third_party_survey": "https://forms.example.com/s/42"
        }),
    )
    .await;
    assert_eq!(
        result["survey"]["third_party_survey"],
        json!("https://forms.example.com/s/42")
    );
    server.stop().await;
}

#[tokio::test]
async fn survey_arguments_checked_before_sending() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let sandbox = SandboxAccess::of(client).await;
    let webinar_id = seed::RECURRING_WEBINAR_ID;
    let before = sandbox.api_requests().await;

    let cases = [
        (json!({ "webinar_id": webinar_id }), "Nothing to update"),
        (
            json!({ "webinar_id": webinar_id, "custom_survey": { "questions": [] } }),
            "1 to 100",
        ),
        (
            json!({ "webinar_id": webinar_id, "custom_survey": { "title": "t".repeat(65),
                "questions": [{ "name": "Q", "type": "short_answer" }] } }),
            "at most 64",
        ),
        (
            json!({ "webinar_id": webinar_id, "custom_survey": { "questions": [
                { "name": "Pick", "type": "single", "answers": ["only one"] }] } }),
            "2 to 50",
        ),
        (
            json!({ "webinar_id": webinar_id, "custom_survey": { "questions": [
                { "name": "Rate", "type": "rating_scale", "rating_max_value": 11 }] } }),
            "maximum of 10",
        ),
        (
            json!({ "webinar_id": webinar_id, "custom_survey": { "questions": [
                { "name": "Pick", "type": "single", "answers": ["a", "b"], "prompts": ["p", "q"] }] } }),
            "applies to matching and rank_order questions only",
        ),
        (
            json!({ "webinar_id": webinar_id, "third_party_survey": "forms.example.com" }),
            "not a valid URL",
        ),
    ];
    for (arguments, expected) in cases {
        let message = call_err(client, "update_webinar_survey", arguments.clone()).await;
        assert!(message.contains(expected), "{arguments}: {message}");
    }
    assert_eq!(
        sandbox.api_requests().await,
        before,
        "an invalid survey reached the sandbox"
    );
    server.stop().await;
}

#[tokio::test]
async fn survey_unknown_webinar() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    for tool in ["get_webinar_survey", "delete_webinar_survey"] {
        let message = call_err(client, tool, json!({ "webinar_id": 99999999999u64 })).await;
        assert!(message.contains("3001"), "{tool}: {message}");
    }
    let message = call_err(
        client,
        "update_webinar_survey",
        json!({ "webinar_id": 99999999999u64, "show_in_the_browser": true }),
    )
    .await;
    assert!(message.contains("3001"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn report_details_by_id_and_uuid() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let latest = seed::PAST_INSTANCE_UUIDS[2];

    let by_id = call_ok(
        client,
        "get_webinar_report",
        json!({ "webinar_id": seed::PAST_WEBINAR_ID }),
    )
    .await;
    assert_eq!(by_id["instance"]["uuid"], json!(latest));
    assert_eq!(
        by_id["instance"]["webinar_id"],
        json!(seed::PAST_WEBINAR_ID)
    );
    // Zoom counts people, and the participant report has one row per
    // session, so a person who rejoined counts once.
    let rows = call_ok(
        client,
        "list_webinar_report_participants",
        json!({ "webinar_id": seed::PAST_WEBINAR_ID, "page_size": 300 }),
    )
    .await;
    let mut emails: Vec<&str> = rows["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["email"].as_str().unwrap())
        .collect();
    emails.sort_unstable();
    emails.dedup();
    assert_eq!(
        by_id["participants_count"].as_u64(),
        Some(emails.len() as u64)
    );
    assert!(by_id["end_time"]["utc"].as_str().unwrap().ends_with('Z'));

    // The first UUID starts with "/", so it must be encoded twice.
    let first = seed::PAST_INSTANCE_UUIDS[0];
    let by_uuid = call_ok(client, "get_webinar_report", json!({ "webinar_id": first })).await;
    assert_eq!(by_uuid["instance"]["uuid"], json!(first));
    let count = by_uuid["participants_count"].as_u64().unwrap();
    assert!(count > 0);
    assert!(count <= seed::PAST_PARTICIPANT_COUNTS[0] as u64);
    assert_ne!(
        by_uuid["instance"]["start_time"],
        by_id["instance"]["start_time"]
    );

    let as_string = call_ok(
        client,
        "get_webinar_report",
        json!({ "webinar_id": seed::PAST_WEBINAR_ID.to_string() }),
    )
    .await;
    assert_eq!(as_string["instance"]["uuid"], json!(latest));
    server.stop().await;
}

#[tokio::test]
async fn report_failures() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let sandbox = SandboxAccess::of(client).await;

    let message = call_err(
        client,
        "get_webinar_report",
        json!({ "webinar_id": 99999999999u64 }),
    )
    .await;
    assert!(message.contains("3001"), "{message}");

    // An upcoming webinar has no report yet, and the hint states that.
    let message = call_err(
        client,
        "get_webinar_report",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID }),
    )
    .await;
    assert!(
        message.contains("exist only once a webinar has ended"),
        "{message}"
    );
    assert!(message.contains("list_past_webinar_instances"), "{message}");

    let before = sandbox.api_requests().await;
    let message = call_err(
        client,
        "get_webinar_report_qa",
        json!({ "webinar_id": "../x" }),
    )
    .await;
    assert!(
        message.contains("neither a numeric webinar id nor a webinar UUID"),
        "{message}"
    );
    let message = call_err(
        client,
        "list_webinar_report_participants",
        json!({ "webinar_id": seed::PAST_WEBINAR_ID, "next_page_token": "has spaces in it" }),
    )
    .await;
    assert!(message.contains("next_page_token"), "{message}");
    assert_eq!(sandbox.api_requests().await, before);
    server.stop().await;
}

#[tokio::test]
async fn report_participants_pages_with_registrant_ids() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let sandbox = SandboxAccess::of(client).await;

    let first = call_ok(
        client,
        "list_webinar_report_participants",
        json!({ "webinar_id": seed::PAST_WEBINAR_ID, "page_size": 25 }),
    )
    .await;
    let rows = first["participants"].as_array().unwrap();
    assert_eq!(rows.len(), 25);
    assert_eq!(
        first["total_records"].as_u64(),
        Some(seed::PAST_PARTICIPANT_COUNTS[2] as u64)
    );
    assert!(
        rows.iter().any(|row| row["registrant_id"].is_string()),
        "no registrant ids in {rows:?}"
    );
    let request = sandbox.last_request().await;
    let query = request["query"].as_str().unwrap();
    assert!(query.contains("include_fields=registrant_id"), "{query}");
    assert!(query.contains("page_size=25"), "{query}");

    let token = first["next_page_token"]
        .as_str()
        .expect("a next page")
        .to_string();
    let second = call_ok(
        client,
        "list_webinar_report_participants",
        json!({ "webinar_id": seed::PAST_WEBINAR_ID, "page_size": 25, "next_page_token": token }),
    )
    .await;
    assert_eq!(
        second["participants"].as_array().unwrap().len(),
        seed::PAST_PARTICIPANT_COUNTS[2] - 25
    );
    assert!(second.get("next_page_token").is_none());

    let clamped = call_ok(
        client,
        "list_webinar_report_participants",
        json!({ "webinar_id": seed::PAST_WEBINAR_ID, "page_size": 1000 }),
    )
    .await;
    assert_eq!(clamped["page_size"], json!(300));
    assert!(
        clamped["notes"][0]
            .as_str()
            .unwrap()
            .contains("clamped to 300")
    );
    server.stop().await;
}

#[tokio::test]
async fn report_polls_tally_answers() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let report = call(
        client,
        "get_webinar_report_polls",
        json!({ "webinar_id": seed::PAST_WEBINAR_ID }),
    )
    .await;
    assert_ne!(report.is_error, Some(true), "{}", text(&report));
    let content = report.structured_content.clone().unwrap();
    assert_eq!(content["answers"].as_array().unwrap().len(), 10);
    assert_eq!(content["respondents"], json!(10));
    let tally = &content["tallies"][0];
    assert_eq!(tally["question"], json!("How useful was this session?"));
    assert_eq!(
        tally["answers"][0],
        json!({ "answer": "Very useful", "count": 5 })
    );
    assert_eq!(
        content["answers"][0]["poll_id"],
        json!(seed::PAST_WEBINAR_POLL_ID)
    );
    assert!(
        text(&report).contains("Very useful (5)"),
        "{}",
        text(&report)
    );
    server.stop().await;
}

#[tokio::test]
async fn report_qa_marks_unanswered() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let report = call_ok(
        client,
        "get_webinar_report_qa",
        json!({ "webinar_id": seed::PAST_INSTANCE_UUIDS[1] }),
    )
    .await;
    assert_eq!(
        report["instance"]["uuid"],
        json!(seed::PAST_INSTANCE_UUIDS[1])
    );
    assert_eq!(report["questions"].as_array().unwrap().len(), 4);
    assert_eq!(report["answered"], json!(2));
    assert_eq!(report["unanswered"], json!(2));
    let answered = report["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["answered"] == json!(true))
        .unwrap();
    assert!(
        !answered["answers"][0]["content"]
            .as_str()
            .unwrap()
            .is_empty()
    );
    server.stop().await;
}

#[tokio::test]
async fn report_survey_answers() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let report = call_ok(
        client,
        "get_webinar_report_survey",
        json!({ "webinar_id": seed::PAST_WEBINAR_ID }),
    )
    .await;
    assert_eq!(report["survey_name"], json!("Post-webinar survey"));
    assert_eq!(report["answers"].as_array().unwrap().len(), 3);
    assert_eq!(report["tallies"][0]["responses"], json!(3));
    assert_eq!(
        report["instance"]["uuid"],
        json!(seed::PAST_INSTANCE_UUIDS[2])
    );
    server.stop().await;
}
