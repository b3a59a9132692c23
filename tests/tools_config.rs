//! Configuration tools through the real binary.

mod common;
mod live_support;

use common::{call_err, call_ok, start, start_sandbox, token_requests};
use live_support::{CLIENT_SECRET, sandbox_with, start_with_args};
use serde_json::json;
use zoom_webinar_mcp::sandbox::{SandboxApp, SandboxOptions};

#[tokio::test]
async fn token_status_after_first_call() {
    let server = start_sandbox().await;
    let before = call_ok(&server.client, "get_token_status", json!({})).await;
    assert_eq!(before["configured"], json!(true));
    assert_eq!(before["valid"], json!(false));

    call_ok(&server.client, "list_webinars", json!({})).await;
    let after = call_ok(&server.client, "get_token_status", json!({})).await;
    assert_eq!(after["valid"], json!(true));
    let minutes = after["minutes_left"].as_i64().unwrap();
    assert!((55..=60).contains(&minutes), "minutes_left {minutes}");
    assert!(after["expires_at_utc"].as_str().unwrap().ends_with('Z'));
    assert!(
        after["expires_at_local"]
            .as_str()
            .unwrap()
            .ends_with("+05:30")
    );
    assert!(
        after["scopes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|scope| scope == "webinar:read:admin")
    );
    assert_eq!(after["token_requests"], json!(1));
    server.stop().await;
}

#[tokio::test]
async fn refresh_token_requests_a_new_token() {
    let server = start_sandbox().await;
    call_ok(&server.client, "list_webinars", json!({})).await;
    let refreshed = call_ok(&server.client, "refresh_token", json!({})).await;
    assert_eq!(refreshed["valid"], json!(true));
    assert_eq!(token_requests(&server.client).await, 2);
    // The refreshed token works.
    call_ok(&server.client, "list_webinars", json!({})).await;
    assert_eq!(token_requests(&server.client).await, 2);
    server.stop().await;
}

#[tokio::test]
async fn refresh_token_without_credentials_fails() {
    let server = start(&[], &[]).await;
    let message = call_err(&server.client, "refresh_token", json!({})).await;
    assert!(message.contains("ZOOM_ACCOUNT_ID"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn configure_zoom_sets_and_verifies() {
    let server = start_sandbox().await;
    let result = call_ok(
        &server.client,
        "configure_zoom",
        json!({ "account_id": "other-account", "client_id": "other-client", "client_secret": "other-secret-value" }),
    )
    .await;
    assert_eq!(result["configured"], json!(true));
    assert_eq!(result["token_verified"], json!(true));
    assert_eq!(result["account_id"], json!("ot*********nt"));
    assert!(!result.to_string().contains("other-secret-value"));
    call_ok(&server.client, "get_users", json!({})).await;
    server.stop().await;
}

#[tokio::test]
async fn configure_zoom_rejects_empty_values() {
    let server = start_sandbox().await;
    let message = call_err(
        &server.client,
        "configure_zoom",
        json!({ "account_id": "acc", "client_id": "client", "client_secret": "  " }),
    )
    .await;
    assert!(message.contains("client_secret is empty"), "{message}");
    // The sandbox credentials still work.
    call_ok(&server.client, "get_users", json!({})).await;
    server.stop().await;
}

#[tokio::test]
async fn configure_zoom_keeps_old_credentials_on_failure() {
    // Live mode pointed at a sandbox API started by the server under test is
    // not available, so use a token URL where nothing listens on loopback.
    let server = start(
        &[],
        &[
            ("ZOOM_OAUTH_TOKEN_URL", "http://127.0.0.1:9/oauth/token"),
            ("ZOOM_API_BASE_URL", "http://127.0.0.1:9/v2"),
        ],
    )
    .await;
    let message = call_err(
        &server.client,
        "configure_zoom",
        json!({ "account_id": "acc-value", "client_id": "client-value", "client_secret": "secret-value" }),
    )
    .await;
    assert!(
        message.contains("previous credentials are still in use"),
        "{message}"
    );
    assert!(!message.contains("secret-value"), "{message}");
    let status = call_ok(&server.client, "get_token_status", json!({})).await;
    assert_eq!(status["configured"], json!(false));
    server.stop().await;
}

#[tokio::test]
async fn configure_zoom_without_verification() {
    let server = start(&[], &[]).await;
    let result = call_ok(
        &server.client,
        "configure_zoom",
        json!({ "account_id": "acc-value", "client_id": "client-value", "client_secret": "secret-value", "verify": false }),
    )
    .await;
    assert_eq!(result["configured"], json!(true));
    assert_eq!(result["token_verified"], json!(false));
    let status = call_ok(&server.client, "get_token_status", json!({})).await;
    assert_eq!(status["configured"], json!(true));
    server.stop().await;
}

#[tokio::test]
async fn auto_configure_in_sandbox() {
    let server = start_sandbox().await;
    let result = call_ok(&server.client, "auto_configure_zoom", json!({})).await;
    assert_eq!(result["configured"], json!(true));
    assert_eq!(result["token_verified"], json!(true));
    server.stop().await;
}

#[tokio::test]
async fn auto_configure_reads_the_env_file() {
    let dir = tempfile::tempdir().unwrap();
    let env_file = dir.path().join("zoom.env");
    std::fs::write(&env_file, "ZOOM_ACCOUNT_ID=\n").unwrap();
    let env_path = env_file.to_str().unwrap().to_string();
    let server = start(&["--env-file", &env_path], &[]).await;

    let message = call_err(&server.client, "auto_configure_zoom", json!({})).await;
    assert!(message.contains("ZOOM_ACCOUNT_ID"), "{message}");

    // After the file gains credentials, a reload picks them up (the token
    // request then fails because nothing listens at the loopback URL).
    std::fs::write(
        &env_file,
        "ZOOM_ACCOUNT_ID=acc-value\nZOOM_CLIENT_ID=client-value\nZOOM_CLIENT_SECRET=secret-value\nZOOM_OAUTH_TOKEN_URL=http://127.0.0.1:9/oauth/token\n",
    )
    .unwrap();
    let message = call_err(&server.client, "auto_configure_zoom", json!({})).await;
    assert!(message.contains("could not reach Zoom"), "{message}");
    let status = call_ok(&server.client, "get_token_status", json!({})).await;
    assert_eq!(status["configured"], json!(true));
    server.stop().await;
}

#[tokio::test]
async fn configure_zoom_checks_a_new_secret() {
    // The app accepts only the right secret. A token cached for the same
    // account and client must not make a wrong secret look valid.
    let sandbox = sandbox_with(SandboxOptions {
        app: SandboxApp {
            client_id: Some("live-client".to_owned()),
            client_secret: Some(CLIENT_SECRET.to_owned()),
            ..SandboxApp::default()
        },
        ..SandboxOptions::default()
    })
    .await;
    let server = start_with_args(&sandbox, &[], &[]).await;
    call_ok(&server.client, "list_webinars", json!({})).await;

    let message = call_err(
        &server.client,
        "configure_zoom",
        json!({ "account_id": "live-account", "client_id": "live-client", "client_secret": "wrong-secret-value" }),
    )
    .await;
    assert!(message.contains("invalid_client"), "{message}");
    assert!(
        message.contains("previous credentials are still in use"),
        "{message}"
    );
    assert!(!message.contains("wrong-secret-value"), "{message}");

    // The previous, right credentials still work.
    call_ok(&server.client, "list_webinars", json!({})).await;
    server.stop().await;
}
