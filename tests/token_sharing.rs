//! Token requests shared across calls and processes: several real server
//! processes on one cache file, 50 concurrent calls after the token
//! expired or was revoked, and a writer killed while writing the cache.

mod common;
mod live_support;

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use chrono::{TimeDelta, Utc};
use common::call_ok;
use live_support::{add_fault, envs, sandbox, start, token_requests};
use rmcp::ServiceExt;
use rmcp::model::CallToolRequestParams;
use serde_json::{Value, json};
use zoom_webinar_mcp::sandbox::SandboxServer;
use zoom_webinar_mcp::zoom::token::cache::{TokenCacheFile, entry};

/// Calls `tool` `count` times at once through one client and returns how
/// many calls succeeded.
async fn call_concurrently(client: &common::Client, tool: &str, count: usize) -> usize {
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..count {
        let peer = client.peer().clone();
        let tool = tool.to_string();
        calls.spawn(async move { peer.call_tool(CallToolRequestParams::new(tool)).await });
    }
    let mut succeeded = 0;
    while let Some(joined) = calls.join_next().await {
        let result = joined.expect("call task").expect("tools/call answered");
        if result.is_error != Some(true) {
            succeeded += 1;
        } else {
            eprintln!("call failed: {}", common::text(&result));
        }
    }
    succeeded
}

#[tokio::test]
async fn processes_share_one_token_request() {
    let sandbox = sandbox().await;
    // Slow token responses make the processes' first calls overlap.
    add_fault(
        &sandbox,
        json!({"fault": "delay", "method": "POST", "path": "/oauth/token", "times": 10, "delay_ms": 300}),
    )
    .await;
    let shared = tempfile::tempdir().unwrap();
    let cache = shared.path().join("shared-token-cache.json");
    let cache_path = cache.to_str().unwrap();

    let mut servers = Vec::new();
    for _ in 0..3 {
        servers.push(start(&sandbox, &[("ZOOM_TOKEN_CACHE_FILE", cache_path)]).await);
    }
    let mut calls = tokio::task::JoinSet::new();
    for server in &servers {
        let peer = server.client.peer().clone();
        calls.spawn(async move {
            peer.call_tool(CallToolRequestParams::new("list_webinars"))
                .await
        });
    }
    while let Some(joined) = calls.join_next().await {
        let result = joined.unwrap().expect("tools/call answered");
        assert_ne!(result.is_error, Some(true), "{}", common::text(&result));
    }

    assert_eq!(token_requests(&sandbox).await, 1);
    let cached: Value = serde_json::from_str(&std::fs::read_to_string(&cache).unwrap()).unwrap();
    assert_eq!(cached["tokens"].as_object().unwrap().len(), 1);
    for server in servers {
        server.stop().await;
    }
}

#[tokio::test]
async fn expired_cached_token_one_request_for_50_calls() {
    let sandbox = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("token-cache.json");
    let now = Utc::now();
    let key = format!("{}|live-account|live-client", sandbox.token_url());
    TokenCacheFile::new(cache.clone()).store(
        &key,
        entry(
            "expired-token-value".to_string(),
            Vec::new(),
            None,
            now - TimeDelta::hours(1),
            now - TimeDelta::hours(2),
            chrono_tz::UTC,
        ),
        now - TimeDelta::hours(2),
    );
    let server = start(
        &sandbox,
        &[("ZOOM_TOKEN_CACHE_FILE", cache.to_str().unwrap())],
    )
    .await;

    assert_eq!(
        call_concurrently(&server.client, "list_webinars", 50).await,
        50
    );
    assert_eq!(token_requests(&sandbox).await, 1);
    server.stop().await;
}

#[tokio::test]
async fn revoked_token_one_renewal_for_50_calls() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    call_ok(&server.client, "list_webinars", json!({})).await;
    assert_eq!(token_requests(&sandbox).await, 1);

    // The cache file still holds the revoked token with time left, so this
    // also checks that a rejected token is never read back from the file.
    add_fault(&sandbox, json!({"fault": "invalidate_tokens"})).await;
    assert_eq!(
        call_concurrently(&server.client, "list_webinars", 50).await,
        50
    );
    assert_eq!(token_requests(&sandbox).await, 2);
    server.stop().await;
}

/// Writes a cache file holding `count` unexpired entries for other
/// configurations, so every later write rewrites a few megabytes.
fn write_filler_cache(path: &Path, count: usize) {
    let expires_at = Utc::now() + TimeDelta::days(1);
    let mut tokens = serde_json::Map::new();
    for index in 0..count {
        let filler = entry(
            format!("filler-token-{index:06}-{}", "x".repeat(160)),
            vec!["webinar:read:admin".to_string()],
            None,
            expires_at,
            Utc::now(),
            chrono_tz::UTC,
        );
        tokens.insert(
            format!("https://filler.invalid/oauth/token|acct|{index}"),
            serde_json::to_value(filler).unwrap(),
        );
    }
    let file = json!({"version": 1, "tokens": tokens});
    std::fs::write(path, serde_json::to_vec(&file).unwrap()).unwrap();
}

/// Starts the binary with piped stdio, keeping the child so the test can
/// kill it.
async fn spawn_server(
    sandbox: &SandboxServer,
    dir: &Path,
    cache: &Path,
) -> (tokio::process::Child, common::Client) {
    let pairs = envs(
        sandbox,
        &[("ZOOM_TOKEN_CACHE_FILE", cache.to_str().unwrap())],
    );
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let mut command = common::command(dir, &[], &borrowed);
    command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true);
    let mut child = command.spawn().expect("spawn zoom-webinar-mcp");
    let stdout = child.stdout.take().unwrap();
    let stdin = child.stdin.take().unwrap();
    let client = ().serve((stdout, stdin)).await.expect("MCP handshake");
    (child, client)
}

/// Kills a server with SIGKILL while it rewrites the cache file, many
/// times, and checks the file after each kill.
///
/// The kill cannot be timed to a byte, so the test makes writing take most
/// of the server's time: the file holds 4,000 other entries (about 2 MB)
/// that every `refresh_token` reads, rewrites and syncs, and calls arrive
/// back to back. In a debug build about half of the kills land while the
/// temporary file exists (the test prints the count). Whatever the kill interrupts, the file stays whole, because a
/// write goes to a temporary file in the same folder that is renamed over
/// the cache only after `sync_all`, and rename(2) swaps the name in one
/// step: the cache path names the old complete file or the new complete
/// one, never a partial one. A temporary file left behind shows that a
/// kill landed mid-write.
#[tokio::test]
async fn killed_writer_never_leaves_half_a_file() {
    const FILLER_ENTRIES: usize = 4_000;
    const ROUNDS: u64 = 8;
    let sandbox = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("token-cache.json");
    write_filler_cache(&cache, FILLER_ENTRIES);

    let mut interrupted_writes = 0;
    for round in 0..ROUNDS {
        let (mut child, client) = spawn_server(&sandbox, dir.path(), &cache).await;
        let peer = client.peer().clone();
        let writer = tokio::spawn(async move {
            loop {
                if peer
                    .call_tool(CallToolRequestParams::new("refresh_token"))
                    .await
                    .is_err()
                {
                    return;
                }
            }
        });
        // Kill at a different point of the write loop each round.
        tokio::time::sleep(Duration::from_millis(250 + round * 61)).await;
        child.kill().await.expect("SIGKILL the server");
        writer.abort();

        let text = std::fs::read_to_string(&cache).expect("cache file still exists");
        let file: Value = serde_json::from_str(&text)
            .unwrap_or_else(|error| panic!("round {round}: cache file is not whole JSON: {error}"));
        assert_eq!(file["version"], 1, "round {round}");
        let tokens = file["tokens"].as_object().expect("tokens object");
        assert!(
            tokens.len() >= FILLER_ENTRIES,
            "round {round}: {} entries",
            tokens.len()
        );

        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        if !leftovers.is_empty() {
            interrupted_writes += 1;
            for leftover in leftovers {
                std::fs::remove_file(leftover.path()).unwrap();
            }
        }
    }
    println!("{interrupted_writes} of {ROUNDS} kills landed mid-write");
    assert!(
        token_requests(&sandbox).await >= ROUNDS,
        "every round wrote at least once"
    );
}
