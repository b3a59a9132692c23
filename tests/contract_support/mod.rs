//! The harness of the contract coverage test: an in-process sandbox, the
//! real binary talking to it over stdio, and a record of which tool caused
//! which request, read from the sandbox's request log.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use chrono::{Duration, Utc};
use serde::Deserialize;
use serde_json::{Value, json};
use zoom_webinar_mcp::sandbox::{SandboxOptions, SandboxServer};
use zoom_webinar_mcp::zoom::CALLED_ENDPOINTS;

use crate::common::{self, Server};

/// Returns the key (`METHOD /path`) of every endpoint in Zoom's API
/// contract, the file the sandbox checks requests against.
pub fn contract_endpoints() -> BTreeSet<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/zoom-contract.json"
    );
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|error| panic!("failed to read {path}: {error}"));
    let contract: Value = serde_json::from_str(&text)
        .unwrap_or_else(|error| panic!("{path} is not valid JSON: {error}"));
    contract["endpoints"]
        .as_object()
        .unwrap_or_else(|| panic!("{path} has no endpoints object"))
        .keys()
        .cloned()
        .collect()
}

/// One entry of `GET /_sandbox/requests`.
#[derive(Debug, Clone, Deserialize)]
pub struct LoggedRequest {
    pub method: String,
    pub path: String,
    pub query: String,
    pub status: u16,
    pub endpoint: Option<String>,
    pub request_violations: Vec<String>,
    pub response_violations: Vec<String>,
}

impl LoggedRequest {
    fn is_api(&self) -> bool {
        self.path.starts_with("/v2/")
    }

    fn describe(&self) -> String {
        let query = if self.query.is_empty() {
            String::new()
        } else {
            format!("?{}", self.query)
        };
        format!("{} {}{} -> {}", self.method, self.path, query, self.status)
    }
}

/// Requests seen for one endpoint.
#[derive(Debug, Default)]
struct Reach {
    tools: BTreeSet<String>,
    requests: usize,
    successes: usize,
}

/// A sandbox, the server binary configured against it, and what each tool
/// call sent.
pub struct Coverage {
    pub sandbox: SandboxServer,
    pub server: Server,
    http: reqwest::Client,
    seen: usize,
    reach: BTreeMap<String, Reach>,
    called: BTreeSet<String>,
    problems: Vec<String>,
}

impl Coverage {
    /// Starts a sandbox on 127.0.0.1 and the binary with Zoom credentials
    /// and URLs pointing at it, as an MCP host would configure it, with
    /// every toolset on so that every tool is listed.
    pub async fn start() -> Coverage {
        let listen = "127.0.0.1:0".parse().expect("valid loopback address");
        let sandbox = SandboxServer::start(listen, SandboxOptions::default())
            .await
            .expect("sandbox starts on a free loopback port");
        let base_url = sandbox.base_url();
        let token_url = sandbox.token_url();
        let envs = [
            ("ZOOM_ACCOUNT_ID", "coverage-account"),
            ("ZOOM_CLIENT_ID", "coverage-client"),
            ("ZOOM_CLIENT_SECRET", "coverage-secret"),
            ("ZOOM_API_BASE_URL", base_url.as_str()),
            ("ZOOM_OAUTH_TOKEN_URL", token_url.as_str()),
        ];
        let server = common::start(&["--toolsets", "all"], &envs).await;
        Coverage {
            sandbox,
            server,
            http: reqwest::Client::new(),
            seen: 0,
            reach: BTreeMap::new(),
            called: BTreeSet::new(),
            problems: Vec::new(),
        }
    }

    /// Calls a tool that must succeed and returns its structured content.
    pub async fn ok(&mut self, tool: &str, arguments: Value) -> Value {
        let result = common::call_ok(&self.server.client, tool, arguments).await;
        self.attribute(tool).await;
        result
    }

    /// Calls a tool that must fail with a tool error and returns its text.
    pub async fn err(&mut self, tool: &str, arguments: Value) -> String {
        let message = common::call_err(&self.server.client, tool, arguments).await;
        self.attribute(tool).await;
        message
    }

    /// Reads a resource as JSON.
    pub async fn resource(&mut self, uri: &str) -> Value {
        let value = common::read_json(&self.server.client, uri).await;
        self.attribute(uri).await;
        value
    }

    /// Creates a webinar that started five minutes ago and lasts two hours,
    /// so the live-only endpoints (closed caption token, live stream start,
    /// chat message delete) accept it, and returns its id. The tools reject
    /// past start times, so this request goes to the sandbox directly. It
    /// is checked against the contract but credited to no tool.
    pub async fn create_live_webinar(&mut self) -> u64 {
        let token: Value = self
            .http
            .post(self.sandbox.token_url())
            .basic_auth("coverage-client", Some("coverage-secret"))
            .form(&[
                ("grant_type", "account_credentials"),
                ("account_id", "coverage-account"),
            ])
            .send()
            .await
            .expect("the sandbox answers a token request")
            .json()
            .await
            .expect("the token response is JSON");
        let access_token = token["access_token"]
            .as_str()
            .expect("the token response has an access_token");
        let start = Utc::now() - Duration::minutes(5);
        let created: Value = self
            .http
            .post(format!("{}/users/me/webinars", self.sandbox.base_url()))
            .bearer_auth(access_token)
            .json(&json!({
                "topic": "Live now",
                "type": 5,
                "start_time": start.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                "duration": 120,
            }))
            .send()
            .await
            .expect("the sandbox answers a webinar create request")
            .json()
            .await
            .expect("the created webinar is JSON");
        let id = created["id"]
            .as_u64()
            .unwrap_or_else(|| panic!("no webinar id in {created}"));
        self.check_log("test setup (live webinar)", false).await;
        id
    }

    /// Credits the requests logged since the last call to `caller`, and
    /// notes every contract violation and every unmatched API request.
    async fn attribute(&mut self, caller: &str) {
        self.called.insert(caller.to_owned());
        self.check_log(caller, true).await;
    }

    /// Notes every contract violation and every unmatched API request
    /// logged since the last check, and credits the endpoints reached to
    /// `caller` when `credit` is true.
    async fn check_log(&mut self, caller: &str, credit: bool) {
        let log = self.requests().await;
        for entry in &log[self.seen.min(log.len())..] {
            if !entry.is_api() {
                continue;
            }
            for violation in &entry.request_violations {
                self.problems.push(format!(
                    "{caller}: {}: request violation {violation}",
                    entry.describe()
                ));
            }
            for violation in &entry.response_violations {
                self.problems.push(format!(
                    "{caller}: {}: response violation {violation}",
                    entry.describe()
                ));
            }
            let Some(endpoint) = &entry.endpoint else {
                self.problems.push(format!(
                    "{caller}: {}: matches no endpoint of Zoom's API",
                    entry.describe()
                ));
                continue;
            };
            if !credit {
                continue;
            }
            let reach = self.reach.entry(endpoint.clone()).or_default();
            reach.tools.insert(caller.to_owned());
            reach.requests += 1;
            if (200..300).contains(&entry.status) {
                reach.successes += 1;
            }
        }
        self.seen = log.len();
    }

    /// Returns the sandbox's request log.
    pub async fn requests(&self) -> Vec<LoggedRequest> {
        let url = format!("http://{}/_sandbox/requests", self.sandbox.local_addr());
        self.http
            .get(url)
            .send()
            .await
            .expect("the sandbox answers its request log hook")
            .json()
            .await
            .expect("the request log is JSON")
    }

    /// Returns the endpoints that some tool call reached, with or without
    /// success.
    pub fn reached_endpoints(&self) -> BTreeSet<String> {
        self.reach.keys().cloned().collect()
    }

    /// Returns the coverage table: each endpoint of the declared table and
    /// each endpoint seen, with the callers that reached it and the number
    /// of requests (successful ones in brackets).
    pub fn table(&self) -> String {
        let mut keys: BTreeSet<String> = CALLED_ENDPOINTS.iter().map(|e| e.key()).collect();
        keys.extend(self.reach.keys().cloned());
        let width = keys.iter().map(String::len).max().unwrap_or(0);
        let mut table = format!("{:width$}  {:>8}  callers\n", "endpoint", "requests");
        for key in &keys {
            let (tools, requests) = match self.reach.get(key) {
                Some(reach) => (
                    reach.tools.iter().cloned().collect::<Vec<_>>().join(", "),
                    format!("{} ({})", reach.requests, reach.successes),
                ),
                None => ("UNREACHED".to_owned(), "0".to_owned()),
            };
            let _ = writeln!(table, "{key:width$}  {requests:>8}  {tools}");
        }
        table
    }

    /// Returns every reason the coverage check fails: contract violations,
    /// requests to endpoints missing from the declared table, declared
    /// endpoints that no call reached with a successful response, and tools
    /// the server lists that the test never called.
    pub async fn failures(&self) -> Vec<String> {
        let mut failures = self.problems.clone();
        let tools = self
            .server
            .client
            .list_all_tools()
            .await
            .expect("tools/list succeeds");
        for tool in tools {
            if !self.called.contains(tool.name.as_ref()) {
                failures.push(format!(
                    "tool {} is never called; add its calls to tests/contract_coverage.rs",
                    tool.name
                ));
            }
        }
        let declared: BTreeSet<String> = CALLED_ENDPOINTS.iter().map(|e| e.key()).collect();
        for (key, reach) in &self.reach {
            if !declared.contains(key) {
                failures.push(format!(
                    "{key} was called by {} but is missing from CALLED_ENDPOINTS in src/zoom/endpoints.rs",
                    reach.tools.iter().cloned().collect::<Vec<_>>().join(", ")
                ));
            }
        }
        for key in &declared {
            let successes = self.reach.get(key).map_or(0, |reach| reach.successes);
            if successes == 0 {
                failures.push(format!(
                    "{key} is in CALLED_ENDPOINTS but no tool call in this test reached it \
                     with a successful response; add a call to tests/contract_coverage.rs"
                ));
            }
        }
        failures
    }
}
