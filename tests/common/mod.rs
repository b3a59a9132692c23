//! Helpers shared by the integration tests: start the real binary as an
//! MCP host does (a child process on stdio) and call it with rmcp's client.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Stdio;

use rmcp::model::{CallToolRequestParams, CallToolResult, ReadResourceRequestParams};
use rmcp::service::RunningService;
use rmcp::transport::TokioChildProcess;
use rmcp::{RoleClient, ServiceExt};
use serde_json::Value;
use tokio::process::Command;

pub type Client = RunningService<RoleClient, ()>;

/// A started server and the folder holding its log file and token cache.
pub struct Server {
    pub client: Client,
    pub dir: tempfile::TempDir,
}

impl Server {
    pub fn log_file(&self) -> PathBuf {
        self.dir.path().join("logs").join("zoom_mcp_server.log")
    }

    pub fn cache_file(&self) -> PathBuf {
        self.dir.path().join("token-cache.json")
    }

    /// End the MCP session and return the folder, which stays on disk until dropped.
    pub async fn stop(self) -> tempfile::TempDir {
        let _ = self.client.cancel().await;
        self.dir
    }
}

/// Variables the tests control; any value inherited from the developer's
/// shell is removed so a real account is never used.
const ZOOM_VARIABLES: &[&str] = &[
    "ZOOM_ACCOUNT_ID",
    "ZOOM_CLIENT_ID",
    "ZOOM_CLIENT_SECRET",
    "ZOOM_API_BASE_URL",
    "ZOOM_OAUTH_TOKEN_URL",
    "ZOOM_TOKEN_CACHE_FILE",
    "ZOOM_DEFAULT_TIMEZONE",
    "ZOOM_LOG_DIR",
    "ZOOM_EXPORT_DIR",
    "ZOOM_ENV_FILE",
    "ZOOM_CONNECT_TIMEOUT_SECS",
    "ZOOM_REQUEST_TIMEOUT_SECS",
    "ZOOM_TOOL_DEADLINE_SECS",
    "ZOOM_RETRY_MAX_ATTEMPTS",
    "ZOOM_RETRY_BASE_DELAY_MS",
];

/// Build the command for the binary with a clean environment, a private
/// log folder, token cache and export folder under `dir`, run from `dir`
/// so no ./.env of the repository is read.
pub fn command(dir: &Path, args: &[&str], envs: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zoom-webinar-mcp"));
    for name in ZOOM_VARIABLES {
        command.env_remove(name);
    }
    command
        .current_dir(dir)
        .env("ZOOM_LOG_DIR", dir.join("logs"))
        .env("ZOOM_TOKEN_CACHE_FILE", dir.join("token-cache.json"))
        .env("ZOOM_EXPORT_DIR", dir.join("exports"))
        .env("RUST_LOG", "info")
        // Output schemas are off by default to keep tools/list small; the
        // tests turn them on so `call` can check every result against them.
        .env("ZOOM_OUTPUT_SCHEMAS", "1")
        .args(args);
    for (name, value) in envs {
        command.env(name, value);
    }
    command
}

/// Start the binary with `args` and `envs` and complete the MCP handshake.
pub async fn start(args: &[&str], envs: &[(&str, &str)]) -> Server {
    let dir = tempfile::tempdir().expect("temporary folder");
    start_in(dir, args, envs).await
}

/// Like [`start`], reusing a folder (and so its token cache) from an earlier run.
pub async fn start_in(dir: tempfile::TempDir, args: &[&str], envs: &[(&str, &str)]) -> Server {
    let command = command(dir.path(), args, envs);
    let (transport, _stderr) = TokioChildProcess::builder(command)
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn zoom-webinar-mcp");
    let client = ().serve(transport).await.expect("MCP handshake");
    Server { client, dir }
}

/// Start the server in sandbox mode.
pub async fn start_sandbox() -> Server {
    start(&["--sandbox"], &[]).await
}

/// Call a tool; panics only on protocol errors, so tool errors can be checked.
pub async fn call(client: &Client, name: &str, arguments: Value) -> CallToolResult {
    let arguments = match arguments {
        Value::Object(map) => map,
        Value::Null => serde_json::Map::new(),
        other => panic!("tool arguments must be an object, got {other}"),
    };
    let result = client
        .call_tool(CallToolRequestParams::new(name.to_string()).with_arguments(arguments))
        .await
        .unwrap_or_else(|error| panic!("tools/call {name} failed at the protocol level: {error}"));
    if result.is_error != Some(true) {
        check_output_schema(client, name, &result).await;
    }
    result
}

/// Check a successful result's structured content against the tool's
/// outputSchema, as strict clients (the Python and TypeScript SDKs) do: a
/// mismatch there makes the call fail for the user.
async fn check_output_schema(client: &Client, name: &str, result: &CallToolResult) {
    let tools = client.list_all_tools().await.expect("tools/list");
    let Some(schema) = tools
        .iter()
        .find(|tool| tool.name == name)
        .and_then(|tool| tool.output_schema.clone())
    else {
        return;
    };
    let structured = result
        .structured_content
        .as_ref()
        .unwrap_or_else(|| panic!("{name} has an outputSchema but returned no structured content"));
    let schema = Value::Object((*schema).clone());
    let validator = jsonschema::draft202012::new(&schema)
        .unwrap_or_else(|error| panic!("{name}'s outputSchema does not compile: {error}"));
    let errors: Vec<String> = validator
        .iter_errors(structured)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{name}'s structured content breaks its outputSchema:\n{}",
        errors.join("\n")
    );
}

/// Call a tool that must succeed and return its structured content.
pub async fn call_ok(client: &Client, name: &str, arguments: Value) -> Value {
    let result = call(client, name, arguments).await;
    assert_ne!(
        result.is_error,
        Some(true),
        "{name} failed: {}",
        text(&result)
    );
    result
        .structured_content
        .clone()
        .unwrap_or_else(|| panic!("{name} returned no structured content"))
}

/// Call a tool that must fail with a tool error, and return its text.
pub async fn call_err(client: &Client, name: &str, arguments: Value) -> String {
    let result = call(client, name, arguments).await;
    assert_eq!(
        result.is_error,
        Some(true),
        "{name} was expected to fail but returned: {}",
        text(&result)
    );
    text(&result)
}

/// Join all text blocks of a result with newlines.
pub fn text(result: &CallToolResult) -> String {
    result
        .content
        .iter()
        .filter_map(|block| block.as_text().map(|text| text.text.clone()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Read a resource and parse its JSON text.
pub async fn read_json(client: &Client, uri: &str) -> Value {
    let result = client
        .read_resource(ReadResourceRequestParams::new(uri.to_string()))
        .await
        .unwrap_or_else(|error| panic!("resources/read {uri} failed: {error}"));
    let contents = result.contents.first().expect("resource contents");
    let text = match contents {
        rmcp::model::ResourceContents::TextResourceContents { text, .. } => text.clone(),
        other => panic!("{uri} returned non-text contents: {other:?}"),
    };
    serde_json::from_str(&text)
        .unwrap_or_else(|error| panic!("{uri} is not JSON ({error}): {text}"))
}

/// Format a local wall time `days` days from now at `hour`:00, as tools take it.
pub fn local_in_days(days: i64, hour: u32) -> String {
    let date = (chrono::Utc::now() + chrono::Duration::days(days)).date_naive();
    format!("{}T{hour:02}:00:00", date.format("%Y-%m-%d"))
}

/// Count the token requests the server has sent, read through
/// `get_token_status`.
pub async fn token_requests(client: &Client) -> u64 {
    let status = call_ok(client, "get_token_status", Value::Null).await;
    status["token_requests"].as_u64().expect("token_requests")
}

/// Start the server in sandbox mode with every toolset, including those
/// that are off by default.
pub async fn start_sandbox_all() -> Server {
    start(&["--sandbox", "--toolsets", "all"], &[]).await
}

/// A started server whose MCP client is `H`, a custom client handler.
pub struct HandlerServer<H: rmcp::ClientHandler> {
    pub client: RunningService<RoleClient, H>,
    pub dir: tempfile::TempDir,
}

impl<H: rmcp::ClientHandler> HandlerServer<H> {
    /// End the MCP session and return the folder, which stays on disk until dropped.
    pub async fn stop(self) -> tempfile::TempDir {
        let _ = self.client.cancel().await;
        self.dir
    }
}

/// Start the binary with `args` and connect `handler` as its client, in
/// the protocol era `lifecycle` picks: `Initialize` for the 2025-11-25
/// handshake, `Discover` for the 2026-07-28 era.
pub async fn start_with_handler<H: rmcp::ClientHandler>(
    handler: H,
    lifecycle: rmcp::service::ClientLifecycleMode,
    args: &[&str],
) -> HandlerServer<H> {
    use rmcp::service::ClientServiceExt;

    let dir = tempfile::tempdir().expect("temporary folder");
    let command = command(dir.path(), args, &[]);
    let (transport, _stderr) = TokioChildProcess::builder(command)
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn zoom-webinar-mcp");
    let client = handler
        .serve_with_lifecycle(transport, lifecycle)
        .await
        .expect("MCP handshake");
    HandlerServer { client, dir }
}

/// Like [`call`], for a client with a custom handler: the client fulfils
/// any input the server requests through the handler. Panics only on
/// protocol errors, and checks a successful result against the tool's
/// outputSchema.
pub async fn call_with<H: rmcp::ClientHandler>(
    client: &RunningService<RoleClient, H>,
    name: &str,
    arguments: Value,
) -> CallToolResult {
    let arguments = match arguments {
        Value::Object(map) => map,
        other => panic!("tool arguments must be an object, got {other}"),
    };
    let result = client
        .call_tool(CallToolRequestParams::new(name.to_string()).with_arguments(arguments))
        .await
        .unwrap_or_else(|error| panic!("tools/call {name} failed at the protocol level: {error}"));
    if result.is_error != Some(true) {
        let tools = client.list_all_tools().await.expect("tools/list");
        check_result_schema(&tools, name, &result);
    }
    result
}

/// Check a successful result's structured content against the outputSchema
/// of tool `name` in `tools`.
pub fn check_result_schema(tools: &[rmcp::model::Tool], name: &str, result: &CallToolResult) {
    let Some(schema) = tools
        .iter()
        .find(|tool| tool.name == name)
        .and_then(|tool| tool.output_schema.clone())
    else {
        return;
    };
    let structured = result
        .structured_content
        .as_ref()
        .unwrap_or_else(|| panic!("{name} has an outputSchema but returned no structured content"));
    let schema = Value::Object((*schema).clone());
    let validator = jsonschema::draft202012::new(&schema)
        .unwrap_or_else(|error| panic!("{name}'s outputSchema does not compile: {error}"));
    let errors: Vec<String> = validator
        .iter_errors(structured)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{name}'s structured content breaks its outputSchema:\n{}",
        errors.join("\n")
    );
}
