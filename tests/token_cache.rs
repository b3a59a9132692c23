//! The token cache with real files against the sandbox's token endpoint.

use std::sync::Arc;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use zoom_webinar_mcp::config::{Credentials, TokenCacheLocation};
use zoom_webinar_mcp::sandbox::{SandboxOptions, SandboxServer};
use zoom_webinar_mcp::zoom::http::LazyHttp;
use zoom_webinar_mcp::zoom::token::TokenManager;

fn credentials(client_id: &str) -> Credentials {
    Credentials {
        account_id: "cache-test-account".to_string(),
        client_id: client_id.to_string(),
        client_secret: SecretString::from("cache-test-secret".to_string()),
    }
}

async fn sandbox(token_ttl_secs: u64) -> SandboxServer {
    SandboxServer::start(
        "127.0.0.1:0".parse().unwrap(),
        SandboxOptions {
            token_ttl_secs,
            ..SandboxOptions::default()
        },
    )
    .await
    .expect("start sandbox")
}

/// Token requests the sandbox has answered, from its stats endpoint.
async fn token_requests(sandbox: &SandboxServer) -> u64 {
    let url = format!("http://{}/_sandbox/stats", sandbox.local_addr());
    let stats: serde_json::Value = reqwest::get(url).await.unwrap().json().await.unwrap();
    stats["token_requests"].as_u64().expect("token_requests")
}

fn manager(sandbox: &SandboxServer, path: &std::path::Path) -> TokenManager {
    TokenManager::new(
        LazyHttp::new(Duration::from_secs(5), Duration::from_secs(10)),
        sandbox.token_url(),
        &TokenCacheLocation::File(path.to_path_buf()),
        chrono_tz::Asia::Kolkata,
    )
}

#[tokio::test]
async fn token_is_reused_across_restarts() {
    let sandbox = sandbox(3600).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.json");

    let first = manager(&sandbox, &path)
        .token(&credentials("client-a"))
        .await
        .unwrap();
    // A new manager is what a restarted process has: only the file.
    let second = manager(&sandbox, &path)
        .token(&credentials("client-a"))
        .await
        .unwrap();

    assert_eq!(first.secret.expose_secret(), second.secret.expose_secret());
    assert_eq!(token_requests(&sandbox).await, 1);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn cache_file_contents() {
    let sandbox = sandbox(3600).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("cache.json");
    let token = manager(&sandbox, &path)
        .token(&credentials("client-a"))
        .await
        .unwrap();

    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        !text.contains("cache-test-secret"),
        "client secret written to the cache"
    );
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    let entries = file["tokens"].as_object().unwrap();
    assert_eq!(entries.len(), 1);
    let (key, entry) = entries.iter().next().unwrap();
    assert!(
        key.contains("cache-test-account") && key.contains("client-a"),
        "{key}"
    );
    assert_eq!(
        entry["access_token"].as_str(),
        Some(token.secret.expose_secret())
    );
    assert!(entry["expires_at"].as_str().unwrap().ends_with('Z'));
    assert!(
        entry["expires_at_local"]
            .as_str()
            .unwrap()
            .ends_with("+05:30")
    );
    assert_eq!(entry["time_zone"], "Asia/Kolkata");
    assert!(entry["generated_at"].is_string());
    assert!(
        entry["scopes"]
            .as_array()
            .is_some_and(|scopes| !scopes.is_empty())
    );
    assert!(entry["api_url"].is_string());
    sandbox.shutdown().await;
}

#[cfg(unix)]
#[tokio::test]
async fn cache_file_is_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = sandbox(3600).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.json");
    manager(&sandbox, &path)
        .token(&credentials("client-a"))
        .await
        .unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn configurations_do_not_share_tokens() {
    let sandbox = sandbox(3600).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.json");
    let a = manager(&sandbox, &path)
        .token(&credentials("client-a"))
        .await
        .unwrap();
    let b = manager(&sandbox, &path)
        .token(&credentials("client-b"))
        .await
        .unwrap();
    assert_ne!(a.secret.expose_secret(), b.secret.expose_secret());
    assert_eq!(token_requests(&sandbox).await, 2);
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(file["tokens"].as_object().unwrap().len(), 2);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn token_near_expiry_is_refreshed() {
    // Four-minute tokens are inside the five-minute refresh margin from the start.
    let sandbox = sandbox(240).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.json");
    let tokens = manager(&sandbox, &path);
    let first = tokens.token(&credentials("client-a")).await.unwrap();
    let second = tokens.token(&credentials("client-a")).await.unwrap();
    assert_ne!(first.secret.expose_secret(), second.secret.expose_secret());
    assert_eq!(token_requests(&sandbox).await, 2);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn token_with_time_left_is_kept() {
    // Six-minute tokens still have more than the five-minute margin.
    let sandbox = sandbox(360).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.json");
    let tokens = manager(&sandbox, &path);
    let first = tokens.token(&credentials("client-a")).await.unwrap();
    let second = tokens.token(&credentials("client-a")).await.unwrap();
    assert_eq!(first.secret.expose_secret(), second.secret.expose_secret());
    assert_eq!(token_requests(&sandbox).await, 1);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn corrupt_cache_file_is_replaced() {
    let sandbox = sandbox(3600).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.json");
    for garbage in ["", "{not json", "[1,2,3]", "{\"version\":99,\"tokens\":{}}"] {
        std::fs::write(&path, garbage).unwrap();
        let token = manager(&sandbox, &path)
            .token(&credentials("client-a"))
            .await;
        assert!(token.is_ok(), "token request failed with cache {garbage:?}");
        let file: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(file["version"], 1, "cache {garbage:?} was not replaced");
    }
    sandbox.shutdown().await;
}

#[tokio::test]
async fn atomic_write_leaves_no_temporary_files() {
    let sandbox = sandbox(3600).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.json");
    let tokens = manager(&sandbox, &path);
    for _ in 0..3 {
        tokens
            .force_refresh(&credentials("client-a"))
            .await
            .unwrap();
    }
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // The lock file that processes sharing the cache take turns on stays.
    assert_eq!(names, ["cache.json", "cache.json.lock"]);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn unwritable_location_falls_back_to_memory() {
    let sandbox = sandbox(3600).await;
    let dir = tempfile::tempdir().unwrap();
    // A path below a regular file can never be created.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let path = blocker.join("cache.json");
    let tokens = manager(&sandbox, &path);
    let first = tokens.token(&credentials("client-a")).await.unwrap();
    let second = tokens.token(&credentials("client-a")).await.unwrap();
    assert_eq!(first.secret.expose_secret(), second.secret.expose_secret());
    assert_eq!(tokens.cache_path(), None);
    assert_eq!(token_requests(&sandbox).await, 1);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn concurrent_calls_share_one_request() {
    let sandbox = sandbox(3600).await;
    let dir = tempfile::tempdir().unwrap();
    let tokens = Arc::new(manager(&sandbox, &dir.path().join("cache.json")));
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let tokens = tokens.clone();
        tasks.push(tokio::spawn(async move {
            tokens
                .token(&credentials("client-a"))
                .await
                .map(|token| token.secret.expose_secret().to_string())
        }));
    }
    let mut values = std::collections::HashSet::new();
    for task in tasks {
        values.insert(task.await.unwrap().unwrap());
    }
    assert_eq!(values.len(), 1);
    assert_eq!(tokens.token_requests(), 1);
    assert_eq!(token_requests(&sandbox).await, 1);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn wrong_secret_is_reported() {
    let sandbox = sandbox(3600).await;
    let tokens = TokenManager::new(
        LazyHttp::new(Duration::from_secs(5), Duration::from_secs(10)),
        sandbox.token_url(),
        &TokenCacheLocation::Memory,
        chrono_tz::UTC,
    );
    let mut bad = credentials("client-a");
    bad.client_secret = SecretString::from(String::new());
    let error = tokens
        .token(&bad)
        .await
        .expect_err("an empty secret must be refused");
    let message = error.to_string();
    assert!(
        message.contains("Zoom refused the access token request"),
        "{message}"
    );
    assert!(!message.contains("cache-test-secret"), "{message}");
    sandbox.shutdown().await;
}
