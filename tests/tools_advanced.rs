//! Live stream, template, token, SIP and chat tools through the real binary
//! against the sandbox, with every toolset on.

mod common;
mod tools_support;

use common::{Client, call, call_err, call_ok, start_sandbox_all, text};
use rmcp::model::CallToolResult;
use serde_json::{Value, json};
use tools_support::SandboxAccess;
use zoom_webinar_mcp::sandbox::seed;

/// The first content block: the summary, without the JSON copy.
fn summary(result: &CallToolResult) -> String {
    result
        .content
        .first()
        .and_then(|block| block.as_text())
        .map(|block| block.text.clone())
        .unwrap_or_default()
}

async fn call_success(client: &Client, tool: &str, arguments: Value) -> CallToolResult {
    let result = call(client, tool, arguments).await;
    assert_ne!(
        result.is_error,
        Some(true),
        "{tool} failed: {}",
        text(&result)
    );
    result
}

fn log_text(server: &common::Server) -> String {
    std::fs::read_to_string(server.log_file()).unwrap_or_default()
}

#[tokio::test]
async fn livestream_get_and_update() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let webinar_id = seed::RECURRING_WEBINAR_ID;

    let seeded = call_success(
        client,
        "get_webinar_livestream",
        json!({ "webinar_id": webinar_id }),
    )
    .await;
    let content = seeded.structured_content.clone().unwrap();
    let key = content["livestream"]["stream_key"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(!key.is_empty());
    assert_eq!(content["livestream"]["resolution"], json!("720p"));
    assert!(
        !summary(&seeded).contains(&key),
        "the summary shows the stream key"
    );

    let secret_key = "live_sk_9f8e7d6c5b4a";
    let updated = call_success(
        client,
        "update_webinar_livestream",
        json!({
            "webinar_id": webinar_id,
            "stream_url": "rtmps://ingest.example.com/live",
            "stream_key": secret_key,
            "page_url": "https://watch.example.com/event",
            "resolution": "1080p"
        }),
    )
    .await;
    let content = updated.structured_content.clone().unwrap();
    assert_eq!(content["stream_key"], json!("ending in …5b4a"));
    assert!(
        !text(&updated).contains(secret_key),
        "the update echoes the stream key"
    );

    let read_back = call_ok(
        client,
        "get_webinar_livestream",
        json!({ "webinar_id": webinar_id }),
    )
    .await;
    assert_eq!(read_back["livestream"]["stream_key"], json!(secret_key));
    assert_eq!(
        read_back["livestream"]["stream_url"],
        json!("rtmps://ingest.example.com/live")
    );
    assert_eq!(read_back["livestream"]["resolution"], json!("1080p"));
    assert!(
        !log_text(&server).contains(secret_key),
        "the stream key was logged"
    );

    let unset = call_success(
        client,
        "get_webinar_livestream",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID }),
    )
    .await;
    assert!(
        summary(&unset).contains("no custom live stream"),
        "{}",
        summary(&unset)
    );
    server.stop().await;
}

#[tokio::test]
async fn livestream_arguments_checked_before_sending() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let sandbox = SandboxAccess::of(client).await;
    let before = sandbox.api_requests().await;
    let valid = json!({
        "webinar_id": seed::RECURRING_WEBINAR_ID,
        "stream_url": "rtmp://ingest.example.com/live",
        "stream_key": "key123",
        "page_url": "https://watch.example.com"
    });
    let cases = [
        ("stream_url", json!("ingest.example.com/live"), "stream_url"),
        ("page_url", json!("ftp://watch.example.com"), "page_url"),
        (
            "page_url",
            json!(format!("https://example.com/{}", "p".repeat(1100))),
            "at most 1024",
        ),
        ("stream_key", json!("k".repeat(513)), "1 to 512"),
        ("stream_key", json!("has space"), "spaces"),
        (
            "resolution",
            json!("4k"),
            "`resolution` is \"4k\", but it must be one of \"720p\", \"1080p\"",
        ),
    ];
    for (field, value, expected) in cases {
        let mut arguments = valid.clone();
        arguments[field] = value;
        let message = call_err(client, "update_webinar_livestream", arguments).await;
        assert!(message.contains(expected), "{field}: {message}");
    }
    let message = call_err(
        client,
        "update_webinar_livestream_status",
        json!({
            "webinar_id": seed::RECURRING_WEBINAR_ID,
            "action": "start",
            "settings": { "display_name": "d".repeat(51) }
        }),
    )
    .await;
    assert!(message.contains("settings.display_name"), "{message}");
    assert_eq!(sandbox.api_requests().await, before);
    server.stop().await;
}

#[tokio::test]
async fn livestream_status_start_and_stop() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let sandbox = SandboxAccess::of(client).await;

    // The recurring webinar has a stream but is not in progress.
    let message = call_err(
        client,
        "update_webinar_livestream_status",
        json!({ "webinar_id": seed::RECURRING_WEBINAR_ID, "action": "start" }),
    )
    .await;
    assert!(message.contains("has not started"), "{message}");
    assert!(message.contains("start it in the Zoom client"), "{message}");

    let live = sandbox.create_live_webinar().await;
    let message = call_err(
        client,
        "update_webinar_livestream_status",
        json!({ "webinar_id": live, "action": "start" }),
    )
    .await;
    assert!(message.contains("update_webinar_livestream"), "{message}");

    call_ok(
        client,
        "update_webinar_livestream",
        json!({
            "webinar_id": live,
            "stream_url": "rtmp://ingest.example.com/live",
            "stream_key": "key123",
            "page_url": "https://watch.example.com"
        }),
    )
    .await;
    let started = call_ok(
        client,
        "update_webinar_livestream_status",
        json!({
            "webinar_id": live,
            "action": "start",
            "settings": { "active_speaker_name": true, "display_name": "Launch" }
        }),
    )
    .await;
    assert_eq!(started["action"], json!("start"));
    let stopped = call_ok(
        client,
        "update_webinar_livestream_status",
        json!({ "webinar_id": live, "action": "stop" }),
    )
    .await;
    assert!(stopped["message"].as_str().unwrap().contains("Stopped"));
    server.stop().await;
}

#[tokio::test]
async fn templates_list_and_create() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let listed = call_ok(client, "list_webinar_templates", json!({})).await;
    let ids: Vec<&str> = listed["templates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|template| template["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [seed::OWNER_TEMPLATE_ID]);
    assert_eq!(listed["user_id"], json!("me"));

    let created = call_ok(
        client,
        "create_webinar_template",
        json!({ "webinar_id": seed::RECURRING_WEBINAR_ID, "name": "Weekly office hours", "save_recurrence": true }),
    )
    .await;
    let new_id = created["id"].as_str().unwrap().to_string();
    assert_eq!(created["name"], json!("Weekly office hours"));
    let listed = call_ok(
        client,
        "list_webinar_templates",
        json!({ "user_id": seed::OWNER_EMAIL }),
    )
    .await;
    assert_eq!(listed["total_records"], json!(2));
    assert!(
        listed["templates"]
            .as_array()
            .unwrap()
            .iter()
            .any(|template| template["id"] == json!(new_id))
    );

    let message = call_err(
        client,
        "create_webinar_template",
        json!({ "webinar_id": seed::MANUAL_APPROVAL_WEBINAR_ID, "name": "Weekly office hours" }),
    )
    .await;
    assert!(message.contains("already exists"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn template_failures() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let sandbox = SandboxAccess::of(client).await;
    let before = sandbox.api_requests().await;
    let message = call_err(
        client,
        "create_webinar_template",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID, "name": "   " }),
    )
    .await;
    assert!(message.contains("name is empty"), "{message}");
    let message = call_err(
        client,
        "create_webinar_template",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID, "name": "n".repeat(129) }),
    )
    .await;
    assert!(message.contains("at most 128"), "{message}");
    assert_eq!(sandbox.api_requests().await, before);

    let message = call_err(
        client,
        "list_webinar_templates",
        json!({ "user_id": "ghost@sandbox.example.com" }),
    )
    .await;
    assert!(message.contains("1001"), "{message}");
    let message = call_err(
        client,
        "list_webinar_templates",
        json!({ "user_id": seed::BASIC_EMAIL }),
    )
    .await;
    assert!(message.contains("code 200"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn join_tokens_are_returned_not_shown() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let sandbox = SandboxAccess::of(client).await;
    let mut tokens = Vec::new();
    for kind in ["live_streaming", "local_archiving", "local_recording"] {
        let result = call_success(
            client,
            "get_webinar_join_token",
            json!({ "webinar_id": seed::SINGLE_WEBINAR_ID, "type": kind }),
        )
        .await;
        let content = result.structured_content.clone().unwrap();
        let token = content["token"].as_str().unwrap().to_string();
        assert!(!token.is_empty(), "{kind}: empty token");
        assert_eq!(content["type"], json!(kind));
        assert_eq!(content["expire_in"], json!(120));
        assert!(content["expires_at"]["utc"].is_string());
        assert!(
            !summary(&result).contains(&token),
            "{kind}: the summary shows the token"
        );
        assert!(
            summary(&result).contains("credential"),
            "{}",
            summary(&result)
        );
        let request = sandbox.last_request().await;
        assert_eq!(
            request["path"],
            json!(format!(
                "/v2/webinars/{}/jointoken/{kind}",
                seed::SINGLE_WEBINAR_ID
            ))
        );
        tokens.push(token);
    }
    let log = log_text(&server);
    assert!(!log.is_empty(), "the log file is empty");
    for token in &tokens {
        assert!(!log.contains(token.as_str()), "a join token was logged");
    }

    let message = call_err(
        client,
        "get_webinar_join_token",
        json!({ "webinar_id": 99999999999u64, "type": "local_recording" }),
    )
    .await;
    assert!(message.contains("3001"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn closed_caption_token_for_live_webinar() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let sandbox = SandboxAccess::of(client).await;

    let message = call_err(
        client,
        "get_closed_caption_token",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID }),
    )
    .await;
    assert!(message.contains("has not started"), "{message}");

    let live = sandbox.create_live_webinar().await;
    let result = call_success(
        client,
        "get_closed_caption_token",
        json!({ "webinar_id": live }),
    )
    .await;
    let token = result.structured_content.clone().unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(!token.is_empty());
    assert!(
        !summary(&result).contains(&token),
        "the summary shows the caption URL"
    );
    let request = sandbox.last_request().await;
    assert_eq!(request["query"], json!("type=closed_caption_token"));
    assert!(
        !log_text(&server).contains(&token),
        "the caption URL was logged"
    );
    server.stop().await;
}

#[tokio::test]
async fn sip_dialing_with_and_without_passcode() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let sandbox = SandboxAccess::of(client).await;

    let plain = call_ok(
        client,
        "get_webinar_sip_dialing",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID }),
    )
    .await;
    let uri = plain["sip_dialing"].as_str().unwrap();
    assert!(
        uri.starts_with(&seed::SINGLE_WEBINAR_ID.to_string()),
        "{uri}"
    );
    assert!(plain["expire_in"].as_i64().unwrap() > 0);

    let with_code = call_success(
        client,
        "get_webinar_sip_dialing",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID, "passcode": "4321" }),
    )
    .await;
    let content = with_code.structured_content.clone().unwrap();
    let uri = content["sip_dialing"].as_str().unwrap().to_string();
    assert!(uri.contains(".4321."), "{uri}");
    assert!(!summary(&with_code).contains(&uri));
    assert!(!log_text(&server).contains(&uri), "the SIP URI was logged");

    let before = sandbox.api_requests().await;
    let message = call_err(
        client,
        "get_webinar_sip_dialing",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID, "passcode": "12345678901" }),
    )
    .await;
    assert!(message.contains("1 to 10"), "{message}");
    assert!(
        !message.contains("12345678901"),
        "the passcode is echoed: {message}"
    );
    assert_eq!(sandbox.api_requests().await, before);

    let message = call_err(
        client,
        "get_webinar_sip_dialing",
        json!({ "webinar_id": 99999999999u64 }),
    )
    .await;
    assert!(message.contains("3001"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn chat_message_delete_on_live_webinar() {
    let server = start_sandbox_all().await;
    let client = &server.client;
    let sandbox = SandboxAccess::of(client).await;
    let message_id = "MS17MDQ5NjE4QjYtRjk4Ny00REEwfQ==";

    // Not live: Zoom answers that the webinar does not exist.
    let message = call_err(
        client,
        "delete_webinar_chat_message",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID, "message_id": message_id }),
    )
    .await;
    assert!(message.contains("3001"), "{message}");

    let live = sandbox.create_live_webinar().await;
    let deleted = call_ok(
        client,
        "delete_webinar_chat_message",
        json!({ "webinar_id": live, "message_id": message_id, "file_ids": ["RmlsZTE=", "RmlsZTI="] }),
    )
    .await;
    assert_eq!(deleted["deleted"], json!(true));
    assert!(
        deleted["message"]
            .as_str()
            .unwrap()
            .contains("2 attached files")
    );
    let request = sandbox.last_request().await;
    assert_eq!(request["method"], json!("DELETE"));
    assert_eq!(
        request["path"],
        json!(format!(
            "/v2/live_webinars/{live}/chat/messages/MS17MDQ5NjE4QjYtRjk4Ny00REEwfQ%3D%3D"
        ))
    );
    assert_eq!(request["query"], json!("file_ids=RmlsZTE%3D%2CRmlsZTI%3D"));

    let before = sandbox.api_requests().await;
    let message = call_err(
        client,
        "delete_webinar_chat_message",
        json!({ "webinar_id": live, "message_id": "not an id" }),
    )
    .await;
    assert!(message.contains("message_id"), "{message}");
    let message = call_err(
        client,
        "delete_webinar_chat_message",
        json!({ "webinar_id": live, "message_id": message_id, "file_ids": ["a,b"] }),
    )
    .await;
    assert!(message.contains("file_ids[0]"), "{message}");
    assert_eq!(sandbox.api_requests().await, before);
    server.stop().await;
}
