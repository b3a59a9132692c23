//! A thin MCP client: JSON-RPC lines over the child's stdin and stdout,
//! read and written in the calling task, so the client adds little to each
//! measured call.

use std::collections::HashSet;
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, ChildStdin, ChildStdout, Command};

use crate::BenchResult;

/// MCP protocol version the client offers.
const PROTOCOL_VERSION: &str = "2025-06-18";

/// How long a response may take before the benchmark gives up.
const RESPONSE_TIMEOUT: Duration = Duration::from_secs(120);

/// A server process and the client end of its stdio.
pub struct Session {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next_id: u64,
    line: String,
}

/// A response and the size of its line, newline excluded.
pub struct Response {
    pub message: Value,
    pub bytes: usize,
}

impl Session {
    /// Spawns `command` with piped stdin and stdout; stderr is discarded.
    pub fn spawn(mut command: Command) -> BenchResult<Session> {
        command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true);
        let mut child = command
            .spawn()
            .map_err(|error| format!("spawning the server failed: {error}"))?;
        let stdin = child.stdin.take().ok_or("the server has no stdin")?;
        let stdout = child.stdout.take().ok_or("the server has no stdout")?;
        Ok(Session {
            child,
            stdin,
            stdout: BufReader::with_capacity(1 << 20, stdout),
            next_id: 1,
            line: String::new(),
        })
    }

    pub fn pid(&self) -> u32 {
        self.child.id().unwrap_or(0)
    }

    /// Sends `initialize` and returns its response; the `initialized`
    /// notification goes with the next message.
    pub async fn initialize(&mut self) -> BenchResult<Response> {
        let response = self
            .request(
                "initialize",
                json!({
                    "protocolVersion": PROTOCOL_VERSION,
                    "capabilities": {},
                    "clientInfo": {"name": "server-cost-bench", "version": "1"}
                }),
            )
            .await?;
        self.send(&json!({"jsonrpc": "2.0", "method": "notifications/initialized"}))
            .await?;
        Ok(response)
    }

    /// Sends one request and waits for its response.
    pub async fn request(&mut self, method: &str, params: Value) -> BenchResult<Response> {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await?;
        let wanted = HashSet::from([id]);
        let mut responses = self.read_responses(&wanted).await?;
        Ok(responses.pop().expect("one response"))
    }

    /// Calls a tool and returns its result; a tool error is an error here.
    pub async fn call_tool(&mut self, name: &str, arguments: &Value) -> BenchResult<Response> {
        let response = self
            .request("tools/call", json!({"name": name, "arguments": arguments}))
            .await?;
        check_tool_result(name, &response.message)?;
        Ok(response)
    }

    /// Writes every call at once and reads all responses, so they are all
    /// in flight together. Returns the responses in arrival order.
    pub async fn burst(&mut self, calls: &[(String, Value)]) -> BenchResult<Vec<Response>> {
        let mut batch = Vec::new();
        let mut wanted = HashSet::new();
        for (name, arguments) in calls {
            let id = self.next_id;
            self.next_id += 1;
            wanted.insert(id);
            let message = json!({
                "jsonrpc": "2.0",
                "id": id,
                "method": "tools/call",
                "params": {"name": name, "arguments": arguments}
            });
            serde_json::to_writer(&mut batch, &message)
                .map_err(|error| format!("encoding a request failed: {error}"))?;
            batch.push(b'\n');
        }
        let stdin = &mut self.stdin;
        let write = async move {
            stdin
                .write_all(&batch)
                .await
                .map_err(|error| format!("writing to the server failed: {error}"))?;
            stdin
                .flush()
                .await
                .map_err(|error| format!("writing to the server failed: {error}"))
        };
        let read = read_responses(&mut self.stdout, &mut self.line, &wanted);
        let (written, responses) = tokio::join!(write, read);
        written?;
        responses
    }

    /// Writes one message as a line.
    pub async fn send(&mut self, message: &Value) -> BenchResult<()> {
        let mut bytes = serde_json::to_vec(message)
            .map_err(|error| format!("encoding a request failed: {error}"))?;
        bytes.push(b'\n');
        self.stdin
            .write_all(&bytes)
            .await
            .map_err(|error| format!("writing to the server failed: {error}"))?;
        self.stdin
            .flush()
            .await
            .map_err(|error| format!("writing to the server failed: {error}"))
    }

    async fn read_responses(&mut self, wanted: &HashSet<u64>) -> BenchResult<Vec<Response>> {
        read_responses(&mut self.stdout, &mut self.line, wanted).await
    }

    /// Closes stdin so the server exits, and waits for it (killing it after
    /// five seconds).
    pub async fn close(mut self) {
        drop(self.stdin);
        let waited = tokio::time::timeout(Duration::from_secs(5), self.child.wait()).await;
        if waited.is_err() {
            let _ = self.child.kill().await;
        }
    }
}

/// Reads lines until a response for every id in `wanted` arrived, skipping
/// notifications and requests from the server.
async fn read_responses(
    stdout: &mut BufReader<ChildStdout>,
    line: &mut String,
    wanted: &HashSet<u64>,
) -> BenchResult<Vec<Response>> {
    let mut responses = Vec::with_capacity(wanted.len());
    let deadline = Instant::now() + RESPONSE_TIMEOUT;
    while responses.len() < wanted.len() {
        line.clear();
        let left = deadline.saturating_duration_since(Instant::now());
        let read = tokio::time::timeout(left, stdout.read_line(line))
            .await
            .map_err(|_| "the server did not respond in time".to_string())?
            .map_err(|error| format!("reading from the server failed: {error}"))?;
        if read == 0 {
            return Err("the server closed stdout before responding".into());
        }
        let message: Value = serde_json::from_str(line)
            .map_err(|error| format!("the server sent a line that is not JSON ({error})"))?;
        let Some(id) = message.get("id").and_then(Value::as_u64) else {
            continue;
        };
        if message.get("method").is_some() || !wanted.contains(&id) {
            continue;
        }
        if let Some(error) = message.get("error") {
            return Err(format!("request {id} failed: {error}"));
        }
        responses.push(Response {
            bytes: line.trim_end().len(),
            message,
        });
    }
    Ok(responses)
}

/// Fails on a tool result with `isError`.
pub fn check_tool_result(name: &str, message: &Value) -> BenchResult<()> {
    let result = &message["result"];
    if result["isError"] == json!(true) {
        return Err(format!(
            "{name} returned a tool error: {}",
            result["content"][0]["text"]
        ));
    }
    Ok(())
}
