//! The processes under test: `sandbox-api` on 127.0.0.1, the server
//! pointed at it, a direct HTTP client for the baseline, and memory read
//! from /proc.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

use crate::BenchResult;

/// The server binary that cargo built for this benchmark.
pub const BINARY: &str = env!("CARGO_BIN_EXE_zoom-webinar-mcp");

/// Credentials the server is configured with; the sandbox accepts any.
pub const ACCOUNT_ID: &str = "bench-account";
pub const CLIENT_ID: &str = "bench-client";
const CLIENT_SECRET: &str = "bench-secret";

/// A running `sandbox-api` process.
pub struct Sandbox {
    _child: Child,
    pub base_url: String,
    pub token_url: String,
}

impl Sandbox {
    /// Starts `sandbox-api` on a free 127.0.0.1 port and waits for the line
    /// with its URLs.
    pub async fn start(work_dir: &Path) -> BenchResult<Sandbox> {
        let mut command = Command::new(BINARY);
        command
            .args(["sandbox-api", "--listen", "127.0.0.1:0"])
            .env_clear()
            .env("HOME", work_dir)
            .env("ZOOM_LOG_DIR", work_dir.join("sandbox-logs"))
            .env("RUST_LOG", "warn")
            .current_dir(work_dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        let mut child = command
            .spawn()
            .map_err(|error| format!("starting sandbox-api failed: {error}"))?;
        let stderr = child.stderr.take().ok_or("sandbox-api has no stderr")?;
        let mut lines = BufReader::new(stderr).lines();
        let found = tokio::time::timeout(Duration::from_secs(30), async {
            while let Some(line) = lines.next_line().await.ok().flatten() {
                if let Some(urls) = parse_listening_line(&line) {
                    return Some(urls);
                }
            }
            None
        })
        .await
        .ok()
        .flatten();
        let (base_url, token_url) = found.ok_or("sandbox-api did not print its URLs")?;
        // Keep reading stderr so the sandbox never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Ok(Sandbox {
            _child: child,
            base_url,
            token_url,
        })
    }

    /// Origin of the sandbox, where its `/_sandbox/` hooks live.
    pub fn origin(&self) -> &str {
        self.base_url.trim_end_matches("/v2")
    }
}

/// Reads "sandbox API listening: base URL X token URL Y".
fn parse_listening_line(line: &str) -> Option<(String, String)> {
    let rest = line.split("sandbox API listening: base URL ").nth(1)?;
    let (base, token) = rest.split_once(" token URL ")?;
    Some((base.trim().to_string(), token.trim().to_string()))
}

/// Builds the command that serves MCP against `sandbox`, with every file
/// the server writes (log, token cache, exports) under `work_dir`.
pub fn server_command(sandbox: &Sandbox, work_dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(BINARY);
    command
        .args(args)
        .env_clear()
        .env("HOME", work_dir)
        .env("ZOOM_ACCOUNT_ID", ACCOUNT_ID)
        .env("ZOOM_CLIENT_ID", CLIENT_ID)
        .env("ZOOM_CLIENT_SECRET", CLIENT_SECRET)
        .env("ZOOM_API_BASE_URL", &sandbox.base_url)
        .env("ZOOM_OAUTH_TOKEN_URL", &sandbox.token_url)
        .env("ZOOM_TOKEN_CACHE_FILE", token_cache_file(work_dir))
        .env("ZOOM_LOG_DIR", work_dir.join("logs"))
        .env("ZOOM_EXPORT_DIR", export_dir(work_dir))
        .env("RUST_LOG", "info")
        .current_dir(work_dir);
    command
}

pub fn token_cache_file(work_dir: &Path) -> PathBuf {
    work_dir.join("token-cache.json")
}

pub fn export_dir(work_dir: &Path) -> PathBuf {
    work_dir.join("exports")
}

/// Resident memory of a process from /proc/PID/status, in KiB.
#[derive(Debug, Clone, Copy)]
pub struct Memory {
    /// VmRSS: resident set now.
    pub rss_kib: u64,
    /// VmHWM: the peak resident set so far.
    pub hwm_kib: u64,
    /// Anonymous memory (heap, stacks) within the resident set, from
    /// /proc/PID/smaps_rollup; the rest is mapped files such as the binary.
    pub anonymous_kib: u64,
    pub threads: u64,
}

impl Memory {
    pub fn to_json(self) -> serde_json::Value {
        serde_json::json!({
            "rss_kib": self.rss_kib,
            "hwm_kib": self.hwm_kib,
            "anonymous_kib": self.anonymous_kib,
            "threads": self.threads,
        })
    }
}

pub fn memory(pid: u32) -> BenchResult<Memory> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .map_err(|error| format!("reading /proc/{pid}/status failed: {error}"))?;
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .map_err(|error| format!("reading /proc/{pid}/smaps_rollup failed: {error}"))?;
    Ok(Memory {
        rss_kib: proc_field(&status, "VmRSS:")?,
        hwm_kib: proc_field(&status, "VmHWM:")?,
        anonymous_kib: proc_field(&rollup, "Anonymous:")?,
        threads: proc_field(&status, "Threads:")?,
    })
}

/// Reads a number such as `VmRSS:    4321 kB` from a /proc text.
fn proc_field(text: &str, name: &str) -> BenchResult<u64> {
    text.lines()
        .find_map(|line| line.strip_prefix(name))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        })
        .ok_or_else(|| format!("/proc has no {name} line"))
}

/// The baseline: requests sent straight to the sandbox with a bearer token.
pub struct Direct {
    pub http: reqwest::Client,
    base_url: String,
    origin: String,
    token: String,
}

impl Direct {
    /// Requests a token of its own from the sandbox.
    pub async fn connect(sandbox: &Sandbox) -> BenchResult<Direct> {
        let http = reqwest::Client::new();
        let response: Value = http
            .post(&sandbox.token_url)
            .basic_auth("bench-direct", Some("bench-direct-secret"))
            .form(&[
                ("grant_type", "account_credentials"),
                ("account_id", "bench-direct"),
            ])
            .send()
            .await
            .map_err(|error| format!("token request failed: {error}"))?
            .json()
            .await
            .map_err(|error| format!("token response is not JSON: {error}"))?;
        let token = response["access_token"]
            .as_str()
            .ok_or_else(|| format!("token response has no access_token: {response}"))?
            .to_string();
        Ok(Direct {
            http,
            base_url: sandbox.base_url.clone(),
            origin: sandbox.origin().to_string(),
            token,
        })
    }

    /// GETs an API path (with its query) and parses the JSON body.
    pub async fn get(&self, path_and_query: &str) -> BenchResult<Value> {
        let response = self
            .http
            .get(format!("{}{path_and_query}", self.base_url))
            .bearer_auth(&self.token)
            .send()
            .await
            .map_err(|error| format!("GET {path_and_query} failed: {error}"))?;
        read_json("GET", path_and_query, response).await
    }

    /// POSTs a JSON body to an API path and parses the JSON response.
    pub async fn post(&self, path: &str, body: &Value) -> BenchResult<Value> {
        let response = self
            .http
            .post(format!("{}{path}", self.base_url))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            .map_err(|error| format!("POST {path} failed: {error}"))?;
        read_json("POST", path, response).await
    }

    /// Reads `/_sandbox/stats`: token and API request counters.
    pub async fn stats(&self) -> BenchResult<Value> {
        let response = self
            .http
            .get(format!("{}/_sandbox/stats", self.origin))
            .send()
            .await
            .map_err(|error| format!("reading /_sandbox/stats failed: {error}"))?;
        read_json("GET", "/_sandbox/stats", response).await
    }
}

async fn read_json(method: &str, path: &str, response: reqwest::Response) -> BenchResult<Value> {
    let status = response.status();
    let bytes = response
        .bytes()
        .await
        .map_err(|error| format!("{method} {path}: reading the body failed: {error}"))?;
    if !status.is_success() {
        return Err(format!(
            "{method} {path} returned {status}: {}",
            String::from_utf8_lossy(&bytes)
        ));
    }
    serde_json::from_slice(&bytes)
        .map_err(|error| format!("{method} {path}: the body is not JSON: {error}"))
}
