//! Hostile and broken tool arguments, through the real binary against a
//! sandbox whose request log shows what reached "Zoom". Each value is
//! rejected with a clear message before any request, or encoded so that it
//! can only address the resource the tool meant.

mod common;
mod live_support;

use common::{call, text};
use live_support::{requests, sandbox, start};
use percent_encoding::percent_decode_str;
use serde_json::{Value, json};
use zoom_webinar_mcp::sandbox::seed::{
    MANUAL_APPROVAL_WEBINAR_ID, PAST_WEBINAR_ID, SINGLE_WEBINAR_ID,
};

/// Webinar ids that are not 64-bit unsigned integers.
fn bad_webinar_ids() -> Vec<Value> {
    vec![
        json!("abc"),
        json!("-5"),
        json!("+5"),
        json!("1 2"),
        json!(".."),
        json!("/"),
        json!("%2e%2e"),
        json!("1?x=1"),
        json!("1#frag"),
        json!("1/../2"),
        json!("1\u{0}"),
        json!("1\n2"),
        json!("9".repeat(10 * 1024)),
        json!("18446744073709551616"),
        json!(18446744073709551616.0_f64),
        serde_json::from_str::<Value>("184467440737095516160000").unwrap(),
        json!(-1),
        json!(1.5),
        json!(null),
        json!(true),
        json!({"id": 1}),
    ]
}

/// Strings that must never become extra path segments or a query.
fn hostile_strings() -> Vec<String> {
    vec![
        "../webinars".to_string(),
        "a/b".to_string(),
        "..%2F..%2Fwebinars".to_string(),
        "%2e%2e".to_string(),
        "me?page_size=1".to_string(),
        "me#fragment".to_string(),
        "x y".to_string(),
        "+1".to_string(),
        "-1".to_string(),
    ]
}

/// Calls `tool` and returns its result text, the API requests it caused
/// (method and raw path), and whether it failed.
async fn run(
    server: &common::Server,
    sandbox: &zoom_webinar_mcp::sandbox::SandboxServer,
    tool: &str,
    arguments: Value,
) -> (String, Vec<(String, String)>, bool) {
    let before = requests(sandbox).await.len();
    let result = call(&server.client, tool, arguments).await;
    let after = requests(sandbox).await;
    let caused = after[before..]
        .iter()
        .filter(|entry| entry["path"] != "/oauth/token")
        .map(|entry| {
            (
                entry["method"].as_str().unwrap().to_string(),
                entry["path"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (text(&result), caused, result.is_error == Some(true))
}

/// Splits a raw path after `/v2/` into decoded segments.
fn decoded_segments(path: &str) -> Vec<String> {
    path.trim_start_matches("/v2/")
        .split('/')
        .map(|segment| percent_decode_str(segment).decode_utf8_lossy().into_owned())
        .collect()
}

#[tokio::test]
async fn bad_webinar_ids_send_nothing() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    for id in bad_webinar_ids() {
        for tool in ["get_webinar", "delete_webinar", "list_panelists"] {
            let (message, caused, failed) =
                run(&server, &sandbox, tool, json!({"webinar_id": id})).await;
            let shown: String = id.to_string().chars().take(40).collect();
            assert!(failed, "{tool} accepted webinar_id {shown}");
            assert!(
                message.contains("webinar_id") || message.contains("webinar id"),
                "{tool} {shown}: {message}"
            );
            assert!(caused.is_empty(), "{tool} {shown} sent {caused:?}");
        }
    }
    server.stop().await;
}

#[tokio::test]
async fn user_ids_stay_in_their_segment() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    for value in hostile_strings() {
        let (message, caused, failed) = run(
            &server,
            &sandbox,
            "list_webinars",
            json!({"user_id": value}),
        )
        .await;
        assert!(failed, "list_webinars found a user {value:?}: {message}");
        assert_eq!(caused.len(), 1, "{value:?}: {caused:?}");
        let (method, path) = &caused[0];
        assert_eq!(method, "GET");
        assert_eq!(
            decoded_segments(path),
            ["users", value.as_str(), "webinars"],
            "{value:?} escaped its segment: {path}"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn unusable_user_ids_send_nothing() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    let cases = [
        ("..", "not a valid id"),
        (".", "not a valid id"),
        ("", "empty"),
        ("   ", "empty"),
        ("me\u{0}", "control characters"),
        ("me\r\nX-Injected: 1", "control characters"),
    ];
    for (value, expected) in cases {
        let (message, caused, failed) = run(
            &server,
            &sandbox,
            "list_webinars",
            json!({"user_id": value}),
        )
        .await;
        assert!(failed, "{value:?} accepted");
        assert!(message.contains(expected), "{value:?}: {message}");
        assert!(caused.is_empty(), "{value:?} sent {caused:?}");
    }
    let long = "u".repeat(10 * 1024);
    let (message, caused, failed) =
        run(&server, &sandbox, "list_webinars", json!({"user_id": long})).await;
    assert!(failed);
    assert!(
        message.contains("10240 bytes long; the maximum is 256"),
        "{message}"
    );
    assert!(caused.is_empty(), "{caused:?}");
    server.stop().await;
}

#[tokio::test]
async fn registrant_ids_stay_in_their_segment() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    for value in hostile_strings() {
        let (message, caused, failed) = run(
            &server,
            &sandbox,
            "delete_webinar_registrant",
            json!({"webinar_id": MANUAL_APPROVAL_WEBINAR_ID, "registrant_id": value}),
        )
        .await;
        assert!(failed, "deleted a registrant {value:?}: {message}");
        for (method, path) in &caused {
            assert_eq!(method, "DELETE", "{value:?}: {caused:?}");
            let segments = decoded_segments(path);
            assert_eq!(
                segments,
                [
                    "webinars",
                    &MANUAL_APPROVAL_WEBINAR_ID.to_string(),
                    "registrants",
                    value.trim()
                ],
                "{value:?} escaped its segment: {path}"
            );
        }
    }
    server.stop().await;
}

#[tokio::test]
async fn bad_ids_in_bodies_and_queries_send_nothing() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    let cases = [
        (
            "update_webinar_registrant_status",
            json!({"webinar_id": MANUAL_APPROVAL_WEBINAR_ID, "action": "approve", "registrant_ids": ["a/../b"]}),
            "registrant id",
        ),
        (
            "update_webinar_registrant_status",
            json!({"webinar_id": MANUAL_APPROVAL_WEBINAR_ID, "action": "approve", "emails": ["a b@example.com\r\nBcc: x@y.z"]}),
            "not a valid email",
        ),
        (
            "get_webinar",
            json!({"webinar_id": SINGLE_WEBINAR_ID, "occurrence_id": "1&show_previous_occurrences=true"}),
            "occurrence_id",
        ),
        (
            "delete_webinar",
            json!({"webinar_id": SINGLE_WEBINAR_ID, "occurrence_id": "../1"}),
            "occurrence_id",
        ),
        (
            "list_webinar_registrants",
            json!({"webinar_id": MANUAL_APPROVAL_WEBINAR_ID, "next_page_token": "a b\nc"}),
            "next_page_token",
        ),
        (
            "list_webinar_participants",
            json!({"webinar_id": PAST_WEBINAR_ID, "uuid": "../../users/me"}),
            "uuid",
        ),
        (
            "list_webinar_participants",
            json!({"webinar_id": PAST_WEBINAR_ID, "uuid": "%2e%2e"}),
            "uuid",
        ),
        (
            "list_webinar_qa",
            json!({"webinar_id": PAST_WEBINAR_ID, "uuid": "abc?x=1"}),
            "uuid",
        ),
        (
            "get_webinar_absentees",
            json!({"webinar_id": PAST_WEBINAR_ID, "uuid": "a\u{7}b"}),
            "uuid",
        ),
    ];
    for (tool, arguments, expected) in cases {
        let (message, caused, failed) = run(&server, &sandbox, tool, arguments.clone()).await;
        assert!(failed, "{tool} accepted {arguments}");
        assert!(message.contains(expected), "{tool} {arguments}: {message}");
        assert!(caused.is_empty(), "{tool} {arguments} sent {caused:?}");
    }
    server.stop().await;
}

#[tokio::test]
async fn odd_uuids_only_read_the_instance_list() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    for uuid in ["/", "//", "+=", "a//b"] {
        let (message, caused, failed) = run(
            &server,
            &sandbox,
            "list_webinar_participants",
            json!({"webinar_id": PAST_WEBINAR_ID, "uuid": uuid}),
        )
        .await;
        assert!(failed, "{uuid:?} matched an instance: {message}");
        assert!(
            message.contains("not an ended instance"),
            "{uuid:?}: {message}"
        );
        let instances = format!("/v2/past_webinars/{PAST_WEBINAR_ID}/instances");
        assert_eq!(caused, [("GET".to_string(), instances)], "{uuid:?}");
    }
    server.stop().await;
}

#[tokio::test]
async fn oversized_arguments_name_the_limit() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    let megabyte = "t".repeat(1024 * 1024);
    let panelists: Vec<Value> = (0..10_000)
        .map(|index| json!({"name": format!("Panelist {index}"), "email": format!("p{index}@example.com")}))
        .collect();
    let emails: Vec<String> = (0..10_000)
        .map(|index| format!("r{index}@example.com"))
        .collect();
    let cases = [
        (
            "create_webinar",
            json!({"topic": megabyte, "start_time": common::local_in_days(5, 10)}),
            "1048576 characters long; Zoom allows at most 200",
        ),
        (
            "create_webinar",
            json!({"topic": "Fine", "agenda": "a".repeat(1024 * 1024), "start_time": common::local_in_days(5, 10)}),
            "the maximum is 2000",
        ),
        (
            "add_panelists",
            json!({"webinar_id": SINGLE_WEBINAR_ID, "panelists": panelists}),
            "10000 panelists given; Zoom adds at most 30 per call",
        ),
        (
            "update_webinar_registrant_status",
            json!({"webinar_id": MANUAL_APPROVAL_WEBINAR_ID, "action": "approve", "emails": emails}),
            "10000 registrants given; Zoom changes at most 30 per call",
        ),
    ];
    for (tool, arguments, expected) in cases {
        let (message, caused, failed) = run(&server, &sandbox, tool, arguments).await;
        assert!(failed, "{tool} accepted an oversized argument");
        assert!(message.contains(expected), "{tool}: {message}");
        assert!(caused.is_empty(), "{tool} sent {caused:?}");
    }
    server.stop().await;
}
