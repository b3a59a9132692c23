//! The real binary pointed at an in-process sandbox, as if it were Zoom:
//! the test owns the sandbox, so it can inject faults and read the request
//! log and the fault log. Test files that use this also declare
//! `mod common;`.

#![allow(dead_code)]

use std::time::Duration;

use serde_json::Value;
use zoom_webinar_mcp::sandbox::{SandboxOptions, SandboxServer};

use crate::common::{self, Server};

/// The client secret every live test configures.
pub const CLIENT_SECRET: &str = "live-test-secret-4f9c2e7a1b";

/// Starts a sandbox on a free loopback port.
pub async fn sandbox() -> SandboxServer {
    sandbox_with(SandboxOptions::default()).await
}

/// Starts a sandbox with `options` on a free loopback port.
pub async fn sandbox_with(options: SandboxOptions) -> SandboxServer {
    SandboxServer::start("127.0.0.1:0".parse().unwrap(), options)
        .await
        .expect("sandbox starts")
}

/// Variables that point the binary at `sandbox` with test credentials, a
/// 10 ms retry base delay so retries stay fast, and `extra` on top.
pub fn envs(sandbox: &SandboxServer, extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut pairs = vec![
        ("ZOOM_ACCOUNT_ID".to_string(), "live-account".to_string()),
        ("ZOOM_CLIENT_ID".to_string(), "live-client".to_string()),
        ("ZOOM_CLIENT_SECRET".to_string(), CLIENT_SECRET.to_string()),
        ("ZOOM_API_BASE_URL".to_string(), sandbox.base_url()),
        ("ZOOM_OAUTH_TOKEN_URL".to_string(), sandbox.token_url()),
        ("ZOOM_RETRY_BASE_DELAY_MS".to_string(), "10".to_string()),
    ];
    for (name, value) in extra {
        pairs.retain(|(existing, _)| existing != name);
        pairs.push((name.to_string(), value.to_string()));
    }
    pairs
}

/// Starts the binary against `sandbox`.
pub async fn start(sandbox: &SandboxServer, extra: &[(&str, &str)]) -> Server {
    start_with_args(sandbox, &[], extra).await
}

/// Starts the binary with command-line `args` against `sandbox`.
pub async fn start_with_args(
    sandbox: &SandboxServer,
    args: &[&str],
    extra: &[(&str, &str)],
) -> Server {
    let pairs = envs(sandbox, extra);
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    common::start(args, &borrowed).await
}

fn hook_url(sandbox: &SandboxServer, hook: &str) -> String {
    format!("http://{}/_sandbox/{hook}", sandbox.local_addr())
}

/// Queues a fault (see the sandbox's `faults` module for the JSON).
pub async fn add_fault(sandbox: &SandboxServer, fault: Value) {
    let response = reqwest::Client::new()
        .post(hook_url(sandbox, "faults"))
        .json(&fault)
        .send()
        .await
        .expect("fault endpoint answers");
    let status = response.status();
    let body = response.text().await.unwrap_or_default();
    assert!(
        status.is_success(),
        "fault {fault} rejected: {status} {body}"
    );
}

async fn read_hook(sandbox: &SandboxServer, hook: &str) -> Value {
    reqwest::get(hook_url(sandbox, hook))
        .await
        .expect("hook answers")
        .json()
        .await
        .expect("hook returns JSON")
}

/// Returns the fault log's events.
pub async fn fault_events(sandbox: &SandboxServer) -> Vec<Value> {
    read_hook(sandbox, "faults").await["events"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// Returns the sandbox's request log.
pub async fn requests(sandbox: &SandboxServer) -> Vec<Value> {
    read_hook(sandbox, "requests")
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// Requests in the log with this method whose path starts with `prefix`.
pub async fn count_requests(sandbox: &SandboxServer, method: &str, prefix: &str) -> usize {
    requests(sandbox)
        .await
        .iter()
        .filter(|entry| {
            entry["method"] == method
                && entry["path"]
                    .as_str()
                    .is_some_and(|path| path.starts_with(prefix))
        })
        .count()
}

/// Returns the number of token requests the sandbox served.
pub async fn token_requests(sandbox: &SandboxServer) -> u64 {
    read_hook(sandbox, "stats").await["token_requests"]
        .as_u64()
        .expect("token_requests")
}

/// Returns the number of API requests the sandbox served (faulted ones
/// excluded).
pub async fn api_requests(sandbox: &SandboxServer) -> u64 {
    read_hook(sandbox, "stats").await["api_requests"]
        .as_u64()
        .expect("api_requests")
}

/// Waits until `condition` holds for the fault log, up to 20 seconds.
pub async fn wait_for_events(
    sandbox: &SandboxServer,
    condition: impl Fn(&[Value]) -> bool,
) -> Vec<Value> {
    for _ in 0..400 {
        let events = fault_events(sandbox).await;
        if condition(&events) {
            return events;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "the fault log never reached the expected state: {:?}",
        fault_events(sandbox).await
    );
}

/// Topics of the owner's webinars, straight from the sandbox. This sends
/// its own token request and GET, which the stats and request log count.
pub async fn webinar_topics(sandbox: &SandboxServer) -> Vec<String> {
    let client = reqwest::Client::new();
    let token: Value = client
        .post(sandbox.token_url())
        .basic_auth("inspector", Some("inspector-secret"))
        .form(&[
            ("grant_type", "account_credentials"),
            ("account_id", "inspector"),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let list: Value = client
        .get(format!(
            "{}/users/me/webinars?page_size=300",
            sandbox.base_url()
        ))
        .bearer_auth(token["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    list["webinars"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|webinar| webinar["topic"].as_str().map(str::to_owned))
        .collect()
}
