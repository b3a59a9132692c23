//! The stdio channel itself, written to as raw lines: malformed and
//! unknown messages get JSON-RPC errors while the server keeps serving,
//! and stdin EOF and SIGTERM end the process with exit status 0.

mod common;

use std::process::Stdio;
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines};
use tokio::process::{Child, ChildStdin, ChildStdout};

/// The longest wait for one response line or for the process to exit.
const WAIT: Duration = Duration::from_secs(15);

struct RawServer {
    child: Child,
    stdin: ChildStdin,
    stdout: Lines<BufReader<ChildStdout>>,
    _dir: tempfile::TempDir,
}

impl RawServer {
    /// Starts `--sandbox` with piped stdio and completes the handshake.
    async fn start() -> RawServer {
        let dir = tempfile::tempdir().unwrap();
        let mut command = common::command(dir.path(), &["--sandbox"], &[]);
        command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true);
        let mut child = command.spawn().expect("spawn zoom-webinar-mcp");
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut server = RawServer {
            child,
            stdin,
            stdout,
            _dir: dir,
        };
        server
            .send_json(
                json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
                "protocolVersion": "2025-11-25", "capabilities": {},
                "clientInfo": {"name": "raw-test", "version": "1"}}}),
            )
            .await;
        let initialized = server.receive().await;
        assert_eq!(initialized["id"], 1, "{initialized}");
        server
            .send_json(json!({"jsonrpc": "2.0", "method": "notifications/initialized"}))
            .await;
        server
    }

    async fn send_raw(&mut self, line: &[u8]) {
        self.stdin.write_all(line).await.expect("write to stdin");
        self.stdin.write_all(b"\n").await.expect("write to stdin");
        self.stdin.flush().await.expect("flush stdin");
    }

    async fn send_json(&mut self, message: Value) {
        self.send_raw(message.to_string().as_bytes()).await;
    }

    async fn receive(&mut self) -> Value {
        let line = tokio::time::timeout(WAIT, self.stdout.next_line())
            .await
            .expect("a response line in time")
            .expect("stdout readable")
            .expect("stdout still open");
        serde_json::from_str(&line)
            .unwrap_or_else(|error| panic!("stdout line is not JSON ({error}): {line}"))
    }

    /// Receives `count` messages, in whatever order the server sent them.
    async fn receive_all(&mut self, count: usize) -> Vec<Value> {
        let mut messages = Vec::new();
        for _ in 0..count {
            messages.push(self.receive().await);
        }
        messages
    }

    /// Waits for the process to exit; with `close_stdin`, closes stdin
    /// first, which is EOF for the server.
    async fn exit_status(self, close_stdin: bool) -> std::process::ExitStatus {
        let RawServer {
            mut child,
            stdin,
            stdout,
            _dir,
        } = self;
        if close_stdin {
            drop(stdin);
        }
        let status = tokio::time::timeout(WAIT, child.wait())
            .await
            .expect("the server exits in time")
            .expect("wait for the server");
        drop(stdout);
        status
    }
}

fn error_code(message: &Value) -> Option<i64> {
    message["error"]["code"].as_i64()
}

#[tokio::test]
async fn malformed_lines_get_protocol_errors() {
    let mut server = RawServer::start().await;
    server.send_raw(b"{not json").await;
    server.send_raw(b"\x00\x01\x02 binary").await;
    server
        .send_raw(b"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"")
        .await;
    server.send_raw(b"{\"jsonrpc\":\"2.0\",\"id\":4}").await;
    server.send_raw(b"[1,2,3]").await;
    server
        .send_json(json!({"jsonrpc": "2.0", "id": 6, "method": "no/such/method"}))
        .await;
    server
        .send_json(json!({"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"name": "no_such_tool"}}))
        .await;
    server
        .send_json(json!({"jsonrpc": "2.0", "id": 8, "method": "tools/list"}))
        .await;

    let messages = server.receive_all(8).await;
    let parse_errors = messages
        .iter()
        .filter(|message| error_code(message) == Some(-32700) && message["id"].is_null())
        .count();
    assert_eq!(parse_errors, 3, "{messages:#?}");
    let invalid_requests = messages
        .iter()
        .filter(|message| error_code(message) == Some(-32600))
        .count();
    assert_eq!(invalid_requests, 2, "{messages:#?}");
    let unknown_method = messages
        .iter()
        .find(|message| message["id"] == 6)
        .expect("answer to id 6");
    assert_eq!(error_code(unknown_method), Some(-32601), "{unknown_method}");
    let unknown_tool = messages
        .iter()
        .find(|message| message["id"] == 7)
        .expect("answer to id 7");
    assert_eq!(error_code(unknown_tool), Some(-32602), "{unknown_tool}");
    let tools = messages
        .iter()
        .find(|message| message["id"] == 8)
        .expect("answer to id 8");
    assert!(
        tools["result"]["tools"]
            .as_array()
            .is_some_and(|tools| !tools.is_empty()),
        "the server stopped serving: {tools}"
    );

    assert_eq!(server.exit_status(true).await.code(), Some(0));
}

#[tokio::test]
async fn oversized_line_gets_invalid_request() {
    let mut server = RawServer::start().await;
    let mut huge = br#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"create_webinar","arguments":{"topic":""#.to_vec();
    huge.extend(std::iter::repeat_n(b'x', 17 * 1024 * 1024));
    huge.extend_from_slice(br#""}}}"#);
    server.send_raw(&huge).await;
    server
        .send_json(json!({"jsonrpc": "2.0", "id": 3, "method": "tools/list"}))
        .await;

    let messages = server.receive_all(2).await;
    let rejected = messages
        .iter()
        .find(|message| error_code(message) == Some(-32600))
        .unwrap_or_else(|| panic!("no Invalid Request: {messages:#?}"));
    let text = rejected["error"]["message"].as_str().unwrap();
    assert!(text.contains("maximum is 16777216 bytes"), "{text}");
    assert!(messages.iter().any(|message| message["id"] == 3));
    assert_eq!(server.exit_status(true).await.code(), Some(0));
}

#[tokio::test]
async fn stdin_eof_exits_cleanly() {
    let server = RawServer::start().await;
    let status = server.exit_status(true).await;
    assert_eq!(status.code(), Some(0), "{status:?}");
}

#[cfg(unix)]
#[tokio::test]
async fn sigterm_exits_cleanly_with_stdin_open() {
    let mut server = RawServer::start().await;
    server
        .send_json(json!({"jsonrpc": "2.0", "id": 2, "method": "tools/list"}))
        .await;
    assert_eq!(server.receive().await["id"], 2);

    let pid = server.child.id().expect("running server has a pid");
    let sent = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(sent.success());
    // stdin stays open: the server must not wait for EOF.
    let status = server.exit_status(false).await;
    assert_eq!(status.code(), Some(0), "{status:?}");
}
