//! Endpoints around a live session: join and archive tokens, the closed
//! caption token, live streaming, and deleting live chat messages.

mod sandbox_support;

use reqwest::StatusCode;
use sandbox_support::Sandbox;
use serde_json::json;
use zoom_webinar_mcp::sandbox::seed::{RECURRING_WEBINAR_ID, SINGLE_WEBINAR_ID};

/// Creates a single webinar whose session started five minutes ago, which
/// the sandbox treats as live, and returns its id.
async fn live_webinar(sandbox: &Sandbox) -> u64 {
    let started = chrono::Utc::now() - chrono::TimeDelta::minutes(5);
    let created = sandbox
        .post(
            "/users/me/webinars",
            json!({
                "topic": "Live now",
                "start_time": started.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                "duration": 60,
            }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    created.body["id"].as_u64().unwrap()
}

#[tokio::test]
async fn join_tokens_expire_in_120_seconds() {
    let sandbox = Sandbox::start().await;
    for kind in ["live_streaming", "local_archiving", "local_recording"] {
        let answer = sandbox
            .get(&format!("/webinars/{SINGLE_WEBINAR_ID}/jointoken/{kind}"))
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{kind}");
        assert_eq!(answer.body["expire_in"], 120, "{kind}");
        let token = answer.body["token"].as_str().unwrap_or("");
        assert!(!token.is_empty(), "{kind}");
    }
}

#[tokio::test]
async fn join_tokens_are_fresh_each_call() {
    let sandbox = Sandbox::start().await;
    let path = format!("/webinars/{SINGLE_WEBINAR_ID}/jointoken/local_recording");
    let first = sandbox.get(&path).await;
    let second = sandbox.get(&path).await;
    assert_ne!(first.body["token"], second.body["token"]);
}

#[tokio::test]
async fn join_token_of_unknown_webinar_is_3001() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get("/webinars/81199999999/jointoken/live_streaming")
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.code(), Some(3001));
}

#[tokio::test]
async fn caption_token_needs_live_webinar() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get(&format!("/webinars/{SINGLE_WEBINAR_ID}/token"))
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(3000));
    assert_eq!(
        answer.body["message"],
        format!("Webinar {SINGLE_WEBINAR_ID} has not started.")
    );
}

#[tokio::test]
async fn caption_token_of_live_webinar() {
    let sandbox = Sandbox::start().await;
    let id = live_webinar(&sandbox).await;
    let answer = sandbox
        .get(&format!("/webinars/{id}/token?type=closed_caption_token"))
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    let token = answer.body["token"].as_str().unwrap();
    let expected_prefix = format!(
        "http://{}/closedcaption?id={id}&",
        sandbox.server.local_addr()
    );
    assert!(token.starts_with(&expected_prefix), "{token}");

    let wrong_type = sandbox.get(&format!("/webinars/{id}/token?type=zak")).await;
    assert_eq!(wrong_type.status, StatusCode::BAD_REQUEST);
    assert_eq!(wrong_type.error_fields(), ["type"]);
}

#[tokio::test]
async fn ended_session_is_not_live() {
    let sandbox = Sandbox::start().await;
    let id = live_webinar(&sandbox).await;
    let ended = sandbox
        .put(&format!("/webinars/{id}/status"), json!({"action": "end"}))
        .await;
    assert_eq!(ended.status, StatusCode::NO_CONTENT);
    let answer = sandbox.get(&format!("/webinars/{id}/token")).await;
    assert_eq!(answer.code(), Some(3000));
}

#[tokio::test]
async fn seeded_live_stream_is_returned() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get(&format!("/webinars/{RECURRING_WEBINAR_ID}/livestream"))
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.body["page_url"],
        "https://stream.sandbox.example.com/office-hours"
    );
    assert_eq!(answer.body["resolution"], "720p");
    assert!(answer.body["stream_key"].is_string());
    assert!(answer.body["stream_url"].is_string());
}

#[tokio::test]
async fn unconfigured_live_stream_is_empty() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get(&format!("/webinars/{SINGLE_WEBINAR_ID}/livestream"))
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["stream_url"], "");
}

#[tokio::test]
async fn live_stream_update_is_visible() {
    let sandbox = Sandbox::start().await;
    let path = format!("/webinars/{SINGLE_WEBINAR_ID}/livestream");
    let updated = sandbox
        .patch(
            &path,
            json!({
                "page_url": "https://watch.example.com/launch",
                "stream_key": "launch-key",
                "stream_url": "rtmp://ingest.example.com/live",
                "resolution": "1080p",
            }),
        )
        .await;
    assert_eq!(updated.status, StatusCode::NO_CONTENT);
    let answer = sandbox.get(&path).await;
    assert_eq!(answer.body["page_url"], "https://watch.example.com/launch");
    assert_eq!(answer.body["stream_key"], "launch-key");
    assert_eq!(answer.body["stream_url"], "rtmp://ingest.example.com/live");
    assert_eq!(answer.body["resolution"], "1080p");
}

#[tokio::test]
async fn live_stream_update_is_validated() {
    let sandbox = Sandbox::start().await;
    let path = format!("/webinars/{RECURRING_WEBINAR_ID}/livestream");
    let answer = sandbox
        .patch(
            &path,
            json!({"page_url": "not a url", "stream_key": "k".repeat(513), "resolution": "4k"}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(300));
    assert_eq!(
        answer.error_fields(),
        ["stream_url", "page_url", "resolution", "stream_key"]
    );
    // The seeded target is unchanged.
    let current = sandbox.get(&path).await;
    assert_eq!(current.body["resolution"], "720p");

    // Zoom's spec requires all three stream fields, so only a valid body
    // gets as far as the webinar lookup.
    let unknown = sandbox
        .patch(
            "/webinars/81199999999/livestream",
            json!({
                "page_url": "https://watch.example.com/none",
                "stream_key": "none-key",
                "stream_url": "rtmp://ingest.example.com/live",
            }),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.code(), Some(3001));
}

#[tokio::test]
async fn stream_start_needs_target_and_live_session() {
    let sandbox = Sandbox::start().await;
    let not_live = sandbox
        .patch(
            &format!("/webinars/{RECURRING_WEBINAR_ID}/livestream/status"),
            json!({"action": "start"}),
        )
        .await;
    assert_eq!(not_live.status, StatusCode::BAD_REQUEST);
    assert_eq!(not_live.code(), Some(200));
    assert_eq!(
        not_live.body["message"],
        format!("Webinar {RECURRING_WEBINAR_ID} has not started.")
    );

    let id = live_webinar(&sandbox).await;
    let no_target = sandbox
        .patch(
            &format!("/webinars/{id}/livestream/status"),
            json!({"action": "start"}),
        )
        .await;
    assert_eq!(no_target.status, StatusCode::BAD_REQUEST);
    assert_eq!(no_target.code(), Some(3000));
}

#[tokio::test]
async fn stream_start_stop_and_settings() {
    let sandbox = Sandbox::start().await;
    let id = live_webinar(&sandbox).await;
    let configured = sandbox
        .patch(
            &format!("/webinars/{id}/livestream"),
            json!({
                "page_url": "https://watch.example.com/now",
                "stream_key": "now-key",
                "stream_url": "rtmp://ingest.example.com/live",
            }),
        )
        .await;
    assert_eq!(configured.status, StatusCode::NO_CONTENT);
    let status = format!("/webinars/{id}/livestream/status");

    let started = sandbox
        .patch(
            &status,
            json!({"action": "start", "settings": {"display_name": "Launch", "active_speaker_name": true}}),
        )
        .await;
    assert_eq!(started.status, StatusCode::NO_CONTENT);

    // Settings can change only while the stream is stopped.
    let while_running = sandbox
        .patch(
            &status,
            json!({"action": "stop", "settings": {"display_name": "Other"}}),
        )
        .await;
    assert_eq!(while_running.status, StatusCode::BAD_REQUEST);
    assert_eq!(while_running.code(), Some(300));

    let stopped = sandbox.patch(&status, json!({"action": "stop"})).await;
    assert_eq!(stopped.status, StatusCode::NO_CONTENT);
    let renamed = sandbox
        .patch(
            &status,
            json!({"action": "stop", "settings": {"display_name": "Other"}}),
        )
        .await;
    assert_eq!(renamed.status, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn stream_status_body_is_validated() {
    let sandbox = Sandbox::start().await;
    let status = format!("/webinars/{RECURRING_WEBINAR_ID}/livestream/status");
    let missing = sandbox.patch(&status, json!({})).await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    assert_eq!(missing.code(), Some(300));
    assert_eq!(missing.error_fields(), ["action"]);
    let wrong = sandbox
        .patch(
            &status,
            json!({"action": "pause", "settings": {"display_name": "", "active_speaker_name": 1}}),
        )
        .await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert_eq!(wrong.code(), Some(300));
    assert_eq!(
        wrong.error_fields(),
        [
            "action",
            "settings.active_speaker_name",
            "settings.display_name"
        ]
    );
}

#[tokio::test]
async fn chat_delete_needs_live_webinar() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .delete(&format!(
            "/live_webinars/{SINGLE_WEBINAR_ID}/chat/messages/bXNnMDAx"
        ))
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.code(), Some(3001));
    assert_eq!(
        answer.body["message"],
        format!("Webinar does not exist: {SINGLE_WEBINAR_ID}.")
    );

    let unknown = sandbox
        .delete("/live_webinars/81199999999/chat/messages/bXNnMDAx")
        .await;
    assert_eq!(unknown.code(), Some(3001));
}

#[tokio::test]
async fn chat_delete_in_live_webinar() {
    let sandbox = Sandbox::start().await;
    let id = live_webinar(&sandbox).await;
    let plain = sandbox
        .delete(&format!("/live_webinars/{id}/chat/messages/bXNnMDAx"))
        .await;
    assert_eq!(plain.status, StatusCode::NO_CONTENT);

    // Base64 ids arrive percent-encoded.
    let with_files = sandbox
        .delete(&format!(
            "/live_webinars/{id}/chat/messages/a2V5%2B%2F%3D%3D?file_ids=ZmlsZTE%3D,ZmlsZTI%3D"
        ))
        .await;
    assert_eq!(with_files.status, StatusCode::NO_CONTENT);

    let bad_message = sandbox
        .delete(&format!("/live_webinars/{id}/chat/messages/not%20base64"))
        .await;
    assert_eq!(bad_message.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad_message.code(), Some(300));

    let bad_files = sandbox
        .delete(&format!(
            "/live_webinars/{id}/chat/messages/bXNnMDAx?file_ids=ok,not%20ok"
        ))
        .await;
    assert_eq!(bad_files.error_fields(), ["file_ids"]);
}
