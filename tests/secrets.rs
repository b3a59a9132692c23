//! Secrets stay secret. The tests run representative scenarios with known
//! credentials: token requests and renewals, writes, rate limits, server
//! errors, a failed token request, configure_zoom and every resource. The
//! client secret and every access token must stay out of stdout, stderr,
//! the log file, tool results and resources, and configure_zoom must
//! write no secret to disk.

mod common;
mod live_support;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Stdio;
use std::sync::{Arc, Mutex};

use rmcp::ServiceExt;
use rmcp::model::{CallToolRequestParams, ReadResourceRequestParams, ResourceContents};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use zoom_webinar_mcp::sandbox::SandboxServer;

use live_support::{CLIENT_SECRET, add_fault, envs, sandbox};

/// The secret configure_zoom sets during the test.
const CONFIGURED_SECRET: &str = "configured-secret-7e1d9c3b5a";

/// A running server whose stdout and stderr are recorded.
struct Recorded {
    client: common::Client,
    child: tokio::process::Child,
    stdout: Arc<Mutex<Vec<u8>>>,
    stderr_task: tokio::task::JoinHandle<Vec<u8>>,
    /// Every tool result and resource body the client received.
    received: Vec<String>,
}

async fn start_recorded(sandbox: &SandboxServer, dir: &Path, log_level: &str) -> Recorded {
    let pairs = envs(sandbox, &[("RUST_LOG", log_level)]);
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let mut command = common::command(dir, &[], &borrowed);
    command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let mut child = command.spawn().expect("spawn zoom-webinar-mcp");
    let mut child_stdout = child.stdout.take().unwrap();
    let mut child_stderr = child.stderr.take().unwrap();
    let stdin = child.stdin.take().unwrap();

    // Copy stdout into a record and on to the client.
    let stdout = Arc::new(Mutex::new(Vec::new()));
    let (mut to_client, client_reader) = tokio::io::duplex(1024 * 1024);
    let record = Arc::clone(&stdout);
    tokio::spawn(async move {
        let mut buffer = vec![0u8; 64 * 1024];
        loop {
            let read = match child_stdout.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(read) => read,
            };
            record.lock().unwrap().extend_from_slice(&buffer[..read]);
            if to_client.write_all(&buffer[..read]).await.is_err() {
                break;
            }
        }
    });
    let stderr_task = tokio::spawn(async move {
        let mut captured = Vec::new();
        let _ = child_stderr.read_to_end(&mut captured).await;
        captured
    });
    let client = ().serve((client_reader, stdin)).await.expect("MCP handshake");
    Recorded {
        client,
        child,
        stdout,
        stderr_task,
        received: Vec::new(),
    }
}

impl Recorded {
    async fn call(&mut self, tool: &str, arguments: Value) {
        let arguments = arguments.as_object().cloned().unwrap_or_default();
        let result = self
            .client
            .call_tool(CallToolRequestParams::new(tool.to_string()).with_arguments(arguments))
            .await
            .unwrap_or_else(|error| panic!("{tool} failed at the protocol level: {error}"));
        self.received.push(serde_json::to_string(&result).unwrap());
    }

    async fn read_every_resource(&mut self) {
        let resources = self
            .client
            .list_all_resources()
            .await
            .expect("resources/list");
        assert!(!resources.is_empty());
        for resource in resources {
            let read = self
                .client
                .read_resource(ReadResourceRequestParams::new(resource.uri.clone()))
                .await
                .unwrap_or_else(|error| panic!("{} unreadable: {error}", resource.uri));
            for contents in read.contents {
                if let ResourceContents::TextResourceContents { text, .. } = contents {
                    self.received.push(text);
                }
            }
        }
    }

    /// Ends the session and returns stdout and stderr.
    async fn finish(self) -> (Vec<String>, String, String) {
        let Recorded {
            client,
            mut child,
            stdout,
            stderr_task,
            received,
        } = self;
        let _ = client.cancel().await;
        let _ = tokio::time::timeout(std::time::Duration::from_secs(15), child.wait()).await;
        let stderr = stderr_task.await.unwrap();
        let stdout = stdout.lock().unwrap().clone();
        (
            received,
            String::from_utf8_lossy(&stdout).into_owned(),
            String::from_utf8_lossy(&stderr).into_owned(),
        )
    }
}

/// Access tokens in the cache file now.
fn cached_tokens(cache: &Path) -> BTreeSet<String> {
    let Ok(text) = std::fs::read_to_string(cache) else {
        return BTreeSet::new();
    };
    let file: Value = serde_json::from_str(&text).expect("cache file is JSON");
    file["tokens"]
        .as_object()
        .map(|tokens| {
            tokens
                .values()
                .filter_map(|entry| entry["access_token"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Standard base64, for the Basic credentials a token request carries.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for index in 0..4 {
            if index <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * index)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn assert_absent(place: &str, text: &str, secrets: &BTreeSet<String>) {
    for secret in secrets {
        assert!(
            !text.contains(secret.as_str()),
            "{place} contains a secret ({} characters starting {:?})",
            secret.len(),
            &secret[..6]
        );
    }
}

/// Runs the scenarios at `log_level` and checks every output.
async fn run_scenarios(log_level: &str) {
    let sandbox = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("token-cache.json");
    let mut tokens = BTreeSet::new();
    let mut server = start_recorded(&sandbox, dir.path(), log_level).await;

    server.call("list_webinars", json!({})).await;
    tokens.extend(cached_tokens(&cache));
    server
        .call(
            "create_webinar",
            json!({"topic": "Secret check", "start_time": common::local_in_days(5, 10)}),
        )
        .await;
    add_fault(&sandbox, json!({"fault": "invalidate_tokens"})).await;
    server.call("list_webinars", json!({})).await;
    tokens.extend(cached_tokens(&cache));
    add_fault(
        &sandbox,
        json!({"fault": "respond", "path": "/v2/users/me/webinars", "times": 2, "status": 429,
               "body": {"code": 429, "message": "You have reached the maximum per-second rate limit for this API. Try again later."}}),
    )
    .await;
    server.call("list_webinars", json!({})).await;
    add_fault(
        &sandbox,
        json!({"fault": "respond", "method": "POST", "path": "/v2/users/me/webinars", "status": 500, "text": "boom"}),
    )
    .await;
    server
        .call(
            "create_webinar",
            json!({"topic": "Server error", "start_time": common::local_in_days(5, 11)}),
        )
        .await;
    server.call("refresh_token", json!({})).await;
    tokens.extend(cached_tokens(&cache));
    add_fault(
        &sandbox,
        json!({"fault": "respond", "path": "/oauth/token", "status": 401,
               "body": {"reason": "Invalid client_id or client_secret", "error": "invalid_client"}}),
    )
    .await;
    server.call("refresh_token", json!({})).await;
    server.call("get_token_status", json!({})).await;
    server
        .call(
            "configure_zoom",
            json!({"account_id": "configured-account", "client_id": "configured-client", "client_secret": CONFIGURED_SECRET}),
        )
        .await;
    server.call("list_webinars", json!({})).await;
    tokens.extend(cached_tokens(&cache));
    server.read_every_resource().await;
    let (received, stdout, stderr) = server.finish().await;
    tokens.extend(cached_tokens(&cache));

    // Three tokens for the environment's app (first, renewed, refreshed)
    // and one for the configured app.
    assert!(
        tokens.len() >= 4,
        "only {} tokens were recorded",
        tokens.len()
    );
    let mut secrets = tokens;
    secrets.insert(CLIENT_SECRET.to_string());
    secrets.insert(CONFIGURED_SECRET.to_string());
    secrets.insert(base64(format!("live-client:{CLIENT_SECRET}").as_bytes()));
    secrets.insert(base64(
        format!("configured-client:{CONFIGURED_SECRET}").as_bytes(),
    ));

    assert!(!stdout.is_empty(), "stdout was not recorded");
    assert!(!stderr.is_empty(), "stderr was not recorded");
    assert_absent("stdout", &stdout, &secrets);
    assert_absent("stderr", &stderr, &secrets);
    let log = std::fs::read_to_string(dir.path().join("logs").join("zoom_mcp_server.log")).unwrap();
    assert!(
        log.contains("access token received"),
        "the log file is incomplete"
    );
    assert_absent("the log file", &log, &secrets);
    for (index, text) in received.iter().enumerate() {
        assert_absent(&format!("tool result or resource {index}"), text, &secrets);
    }
    // The cache file stores tokens by design, never a client secret.
    let cache_text = std::fs::read_to_string(&cache).unwrap();
    assert!(!cache_text.contains(CLIENT_SECRET));
    assert!(!cache_text.contains(CONFIGURED_SECRET));
    // No other file in the folder contains the configured secret.
    for entry in walk(dir.path()) {
        let bytes = std::fs::read(&entry).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains(CONFIGURED_SECRET),
            "{} holds the configured secret",
            entry.display()
        );
    }
}

fn walk(folder: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[tokio::test]
async fn secrets_stay_out_at_debug_level() {
    run_scenarios("debug").await;
}

#[tokio::test]
async fn secrets_stay_out_at_trace_level() {
    run_scenarios("trace").await;
}

#[tokio::test]
async fn secrets_stay_out_when_rmcp_debug_requested() {
    // rmcp logs whole requests at debug; the server caps it at info.
    run_scenarios("info,rmcp=trace").await;
}
