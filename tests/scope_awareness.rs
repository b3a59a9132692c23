//! The server's scope awareness through the real binary over stdio, against
//! an in-process sandbox whose tokens lack the webinar write scopes.

mod common;
mod live_support;

use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::{call_err, call_ok, local_in_days};
use live_support::{envs, requests, sandbox_with, start_with_args};
use rmcp::model::{CallToolRequestParams, ClientConfig, Tool};
use rmcp::service::{NotificationContext, RunningService};
use rmcp::transport::TokioChildProcess;
use rmcp::{ClientHandler, RoleClient, ServiceExt};
use serde_json::json;
use zoom_webinar_mcp::sandbox::{SandboxOptions, SandboxServer};

/// Scopes of an app that may read users and webinars but not write.
fn read_only_app() -> SandboxOptions {
    SandboxOptions {
        scopes: Some(vec![
            "user:read:admin".to_owned(),
            "webinar:read:admin".to_owned(),
        ]),
        ..SandboxOptions::default()
    }
}

fn create_arguments() -> serde_json::Value {
    json!({
        "topic": "Scope check",
        "start_time": local_in_days(10, 15),
        "timezone": "Europe/London",
    })
}

fn find<'a>(tools: &'a [Tool], name: &str) -> Option<&'a Tool> {
    tools.iter().find(|tool| tool.name == name)
}

#[tokio::test]
async fn missing_scope_refused_without_request() {
    let sandbox = sandbox_with(read_only_app()).await;
    let server = start_with_args(&sandbox, &[], &[]).await;
    // The first call gets the token, and with it the granted scopes.
    call_ok(&server.client, "list_webinars", json!({})).await;

    let error = call_err(&server.client, "create_webinar", create_arguments()).await;
    assert!(error.contains("no request was sent"), "{error}");
    assert!(error.contains("POST /users/{userId}/webinars"), "{error}");
    assert!(error.contains("webinar:write:webinar:admin"), "{error}");
    assert!(error.contains("webinar:write:admin"), "{error}");
    assert!(error.contains("Scopes page"), "{error}");
    assert!(error.contains("refresh_token"), "{error}");

    let log = requests(&sandbox).await;
    let creates = log
        .iter()
        .filter(|entry| {
            entry["method"] == "POST" && entry["path"].as_str().unwrap().ends_with("/webinars")
        })
        .count();
    assert_eq!(creates, 0, "a doomed request reached the sandbox: {log:?}");
    server.stop().await;
}

#[tokio::test]
async fn description_names_missing_scope() {
    let sandbox = sandbox_with(read_only_app()).await;
    let server = start_with_args(&sandbox, &[], &[]).await;
    let before = server.client.list_all_tools().await.unwrap();
    let description = |tools: &[Tool], name: &str| {
        find(tools, name)
            .and_then(|tool| tool.description.clone())
            .unwrap_or_else(|| panic!("{name} is not listed"))
            .to_string()
    };
    assert!(!description(&before, "create_webinar").contains("Unavailable"));

    call_ok(&server.client, "list_webinars", json!({})).await;
    let after = server.client.list_all_tools().await.unwrap();
    assert_eq!(after.len(), before.len(), "no tool is hidden by default");
    let create = description(&after, "create_webinar");
    assert!(create.contains("Unavailable"), "{create}");
    assert!(create.contains("webinar:write:webinar:admin"), "{create}");
    assert!(!description(&after, "list_webinars").contains("Unavailable"));
    server.stop().await;
}

/// A client that counts `notifications/tools/list_changed`.
#[derive(Clone, Default)]
struct ListChangedCounter(Arc<AtomicUsize>);

impl ClientHandler for ListChangedCounter {
    async fn on_tool_list_changed(&self, _context: NotificationContext<RoleClient>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }

    fn get_info(&self) -> ClientConfig {
        ClientConfig::default()
    }
}

async fn start_counting(
    sandbox: &SandboxServer,
    dir: &std::path::Path,
    args: &[&str],
) -> (
    RunningService<RoleClient, ListChangedCounter>,
    Arc<AtomicUsize>,
) {
    let pairs = envs(sandbox, &[]);
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let command = common::command(dir, args, &borrowed);
    let (transport, _stderr) = TokioChildProcess::builder(command)
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn zoom-webinar-mcp");
    let counter = ListChangedCounter::default();
    let count = counter.0.clone();
    let client = counter.serve(transport).await.expect("MCP handshake");
    (client, count)
}

/// Calls a tool without arguments and reports whether it succeeded.
async fn call_succeeds(
    client: &RunningService<RoleClient, ListChangedCounter>,
    name: &str,
) -> bool {
    let result = client
        .call_tool(CallToolRequestParams::new(name.to_owned()))
        .await
        .expect("tools/call answered");
    result.is_error != Some(true)
}

/// Waits until `count` is at least `expected`, up to a generous limit.
async fn wait_for(count: &AtomicUsize, expected: usize) -> usize {
    for _ in 0..200 {
        if count.load(Ordering::SeqCst) >= expected {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    count.load(Ordering::SeqCst)
}

#[tokio::test]
async fn hide_unauthorized_hides_and_notifies() {
    let sandbox = sandbox_with(read_only_app()).await;
    let dir = tempfile::tempdir().unwrap();
    let (client, count) = start_counting(&sandbox, dir.path(), &["--hide-unauthorized"]).await;
    let capabilities = client.peer_info().unwrap().capabilities.clone();
    assert_eq!(
        capabilities.tools.and_then(|tools| tools.list_changed),
        Some(true)
    );
    let before = client.list_all_tools().await.unwrap();
    assert!(find(&before, "create_webinar").is_some());

    let listed = call_succeeds(&client, "list_webinars").await;
    assert!(listed, "list_webinars failed");
    assert!(
        wait_for(&count, 1).await >= 1,
        "no tools/list_changed arrived"
    );

    let after = client.list_all_tools().await.unwrap();
    assert!(
        find(&after, "create_webinar").is_none(),
        "create_webinar is still listed"
    );
    assert!(find(&after, "delete_webinar").is_none());
    assert!(find(&after, "list_webinars").is_some());
    assert!(find(&after, "configure_zoom").is_some());
    assert!(after.len() < before.len());
    let _ = client.cancel().await;
}

#[tokio::test]
async fn cached_token_scopes_known_at_start() {
    let sandbox = sandbox_with(read_only_app()).await;
    let dir = tempfile::tempdir().unwrap();
    {
        let (client, _) = start_counting(&sandbox, dir.path(), &[]).await;
        assert!(call_succeeds(&client, "list_webinars").await);
        let _ = client.cancel().await;
    }
    // A new process finds the token in the cache file and learns its
    // scopes without a token request.
    let (client, count) = start_counting(&sandbox, dir.path(), &["--hide-unauthorized"]).await;
    wait_for(&count, 1).await;
    let tools = client.list_all_tools().await.unwrap();
    assert!(
        find(&tools, "create_webinar").is_none(),
        "create_webinar is listed"
    );
    assert!(find(&tools, "list_webinars").is_some());
    let stats: serde_json::Value =
        reqwest::get(format!("http://{}/_sandbox/stats", sandbox.local_addr()))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    assert_eq!(stats["token_requests"], 1);
    let _ = client.cancel().await;
}
