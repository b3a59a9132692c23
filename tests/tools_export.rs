//! `export_webinar_registrants` through the real binary against an
//! in-process sandbox: files spanning several pages, JSON Lines, path and
//! overwrite refusals, and no file left behind after a failure or a
//! cancellation.

mod common;
mod live_support;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::Utc;
use common::{Server, call_err, call_ok};
use live_support::{add_fault, api_requests, sandbox, wait_for_events};
use rmcp::model::{CallToolRequest, CallToolRequestParams, ClientRequest};
use rmcp::service::PeerRequestOptions;
use serde_json::{Value, json};
use zoom_webinar_mcp::sandbox::SandboxServer;

const REGISTRANTS_PATH: &str = "/v2/webinars/{webinarId}/registrants";

/// Answers that need CSV quoting: a quote, a comma and line breaks.
const TRICKY_ANSWER: &str = "Yes, \"very\"\nsecond line\r\nthird";
const TRICKY_LAST_NAME: &str = "O'Neil, \"Jr.\"";

/// Direct access to the sandbox, for seeding.
struct Seeder {
    http: reqwest::Client,
    base_url: String,
    token: String,
}

impl Seeder {
    async fn new(sandbox: &SandboxServer) -> Seeder {
        let http = reqwest::Client::new();
        let token: Value = http
            .post(sandbox.token_url())
            .basic_auth("seeder", Some("seeder-secret"))
            .form(&[
                ("grant_type", "account_credentials"),
                ("account_id", "seeder"),
            ])
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        Seeder {
            http,
            base_url: sandbox.base_url(),
            token: token["access_token"].as_str().unwrap().to_string(),
        }
    }

    async fn send(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        let response = self
            .http
            .request(method.clone(), format!("{}{path}", self.base_url))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = response.status();
        let text = response.text().await.unwrap();
        assert!(status.is_success(), "{method} {path}: {status} {text}");
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    /// Creates a single webinar with manual approval, so registrants can
    /// be pending, approved or denied.
    async fn webinar(&self) -> u64 {
        let start = (Utc::now() + chrono::Duration::days(20)).format("%Y-%m-%dT%H:%M:%SZ");
        let created = self
            .send(
                reqwest::Method::POST,
                "/users/me/webinars",
                json!({
                    "topic": "Export test", "type": 5, "start_time": start.to_string(),
                    "duration": 60, "timezone": "UTC", "settings": {"approval_type": 1}
                }),
            )
            .await;
        created["id"].as_u64().unwrap()
    }

    /// Registers `count` people named `prefix<n>`, 30 per request.
    async fn batch(&self, webinar_id: u64, prefix: &str, count: usize, approve: bool) {
        for first in (0..count).step_by(30) {
            let people: Vec<Value> = (first..(first + 30).min(count))
                .map(|n| json!({"email": format!("{prefix}{n}@example.com"), "first_name": format!("{prefix}{n}")}))
                .collect();
            self.send(
                reqwest::Method::POST,
                &format!("/webinars/{webinar_id}/batch_registrants"),
                json!({"auto_approve": approve, "registrants": people}),
            )
            .await;
        }
    }

    /// Registers one pending person whose name and answer need quoting.
    async fn tricky(&self, webinar_id: u64) -> String {
        let added = self
            .send(
                reqwest::Method::POST,
                &format!("/webinars/{webinar_id}/registrants"),
                json!({
                    "email": "tricky@example.com", "first_name": "=1+2", "last_name": TRICKY_LAST_NAME,
                    "phone": "+1 555 0100",
                    "custom_questions": [{"title": "Why, exactly?", "value": TRICKY_ANSWER}]
                }),
            )
            .await;
        added["registrant_id"].as_str().unwrap().to_string()
    }

    /// Denies registrants by email (at most 30).
    async fn deny(&self, webinar_id: u64, emails: &[String]) {
        let registrants: Vec<Value> = emails.iter().map(|email| json!({"email": email})).collect();
        let response = self
            .http
            .put(format!(
                "{}/webinars/{webinar_id}/registrants/status",
                self.base_url
            ))
            .bearer_auth(&self.token)
            .json(&json!({"action": "deny", "registrants": registrants}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 204, "{}", response.text().await.unwrap());
    }
}

/// Seeds 320 approved (two pages of 300), 121 pending (one of them the
/// tricky registrant) and 5 denied registrants.
async fn seeded(sandbox: &SandboxServer) -> (u64, String) {
    let seeder = Seeder::new(sandbox).await;
    let webinar_id = seeder.webinar().await;
    seeder.batch(webinar_id, "approved", 320, true).await;
    seeder.batch(webinar_id, "pending", 125, false).await;
    let denied: Vec<String> = (120..125)
        .map(|n| format!("pending{n}@example.com"))
        .collect();
    seeder.deny(webinar_id, &denied).await;
    let tricky_id = seeder.tricky(webinar_id).await;
    (webinar_id, tricky_id)
}

/// Starts the server against `sandbox` with its own export folder.
async fn start(sandbox: &SandboxServer, export_dir: &Path) -> Server {
    let export_dir = export_dir.to_str().unwrap();
    live_support::start(sandbox, &[("ZOOM_EXPORT_DIR", export_dir)]).await
}

/// Names in a folder, sorted.
fn listing(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .map(|entry| entry.unwrap().file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[tokio::test]
async fn csv_export_spans_pages() {
    let sandbox = sandbox().await;
    let (webinar_id, tricky_id) = seeded(&sandbox).await;
    let exports = tempfile::tempdir().unwrap();
    let server = start(&sandbox, exports.path()).await;

    let result = call_ok(
        &server.client,
        "export_webinar_registrants",
        json!({ "webinar_id": webinar_id, "path": "all/registrants.csv" }),
    )
    .await;
    assert_eq!(result["rows"], 446);
    assert_eq!(
        result["counts"],
        json!({"approved": 320, "denied": 5, "pending": 121})
    );
    assert_eq!(result["pages"], 4, "pending 1, approved 2, denied 1");
    assert_eq!(result["replaced"], false);
    let path = PathBuf::from(result["path"].as_str().unwrap());
    let folder = exports.path().canonicalize().unwrap().join("all");
    assert_eq!(path, folder.join("registrants.csv"));
    assert_eq!(
        listing(&folder),
        ["registrants.csv"],
        "no temporary file left"
    );
    assert_eq!(
        std::fs::metadata(&path).unwrap().len(),
        result["bytes"].as_u64().unwrap()
    );

    let mut reader = csv::Reader::from_path(&path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(Value::from(header.clone()), result["columns"]);
    let column = |name: &str| header.iter().position(|column| column == name).unwrap();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut statuses: HashMap<String, usize> = HashMap::new();
    let mut tricky = None;
    for record in reader.records() {
        let record = record.unwrap();
        *seen.entry(record[column("id")].to_string()).or_default() += 1;
        *statuses
            .entry(record[column("status")].to_string())
            .or_default() += 1;
        if record[column("id")] == *tricky_id {
            tricky = Some(record);
        }
    }
    assert_eq!(seen.len(), 446, "every registrant once");
    assert!(seen.values().all(|count| *count == 1));
    assert_eq!(statuses["approved"], 320);
    assert_eq!(statuses["pending"], 121);
    assert_eq!(statuses["denied"], 5);

    let tricky = tricky.expect("the tricky registrant is exported");
    assert_eq!(&tricky[column("last_name")], TRICKY_LAST_NAME);
    assert_eq!(
        &tricky[column("first_name")],
        "'=1+2",
        "formula neutralised"
    );
    assert_eq!(&tricky[column("phone")], "+1 555 0100", "phone kept");
    let answers: Value = serde_json::from_str(&tricky[column("custom_questions")]).unwrap();
    assert_eq!(answers[0]["title"], "Why, exactly?");
    assert_eq!(answers[0]["value"], TRICKY_ANSWER);
    let notes = result["notes"].to_string();
    assert!(notes.contains("formulas: 1."), "{notes}");
    server.stop().await;
}

#[tokio::test]
async fn jsonl_export_of_one_status() {
    let sandbox = sandbox().await;
    let (webinar_id, _) = seeded(&sandbox).await;
    let exports = tempfile::tempdir().unwrap();
    let server = start(&sandbox, exports.path()).await;

    let result = call_ok(
        &server.client,
        "export_webinar_registrants",
        json!({ "webinar_id": webinar_id, "status": "approved", "format": "jsonl" }),
    )
    .await;
    assert_eq!(result["rows"], 320);
    assert_eq!(result["counts"], json!({"approved": 320}));
    let path = PathBuf::from(result["path"].as_str().unwrap());
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    assert!(
        name.starts_with(&format!("webinar-{webinar_id}-registrants-approved-")),
        "{name}"
    );
    assert!(name.ends_with(".jsonl"), "{name}");
    let text = std::fs::read_to_string(&path).unwrap();
    let rows: Vec<Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(rows.len(), 320);
    let ids: std::collections::HashSet<&str> =
        rows.iter().map(|row| row["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 320);
    assert!(rows.iter().all(|row| row["status"] == "approved"));
    assert!(
        result["columns"]
            .as_array()
            .unwrap()
            .contains(&json!("join_url"))
    );
    server.stop().await;
}

#[tokio::test]
async fn refusals_send_nothing() {
    let sandbox = sandbox().await;
    let (webinar_id, _) = seeded(&sandbox).await;
    let root = tempfile::tempdir().unwrap();
    let exports = root.path().join("exports");
    std::fs::create_dir(&exports).unwrap();
    std::fs::write(exports.join("taken.csv"), "keep me").unwrap();
    let outside = root.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, exports.join("escape")).unwrap();
    let server = start(&sandbox, &exports).await;
    let before = api_requests(&sandbox).await;

    let outside_file = outside.join("x.csv").to_string_lossy().to_string();
    let mut cases = vec![
        (json!({"path": "../x.csv"}), "\"..\""),
        (json!({"path": outside_file}), "outside the export folder"),
        (json!({"path": "taken.csv"}), "already exists"),
        (json!({"path": "x.jsonl"}), "does not match format csv"),
        (
            json!({"path": "x", "format": "xml"}),
            "`format` is \"xml\", but it must be one of \"csv\", \"jsonl\"",
        ),
        (json!({"path": ".hidden.csv"}), "starts with a dot"),
    ];
    if cfg!(unix) {
        cases.push((json!({"path": "escape/x.csv"}), "outside the export folder"));
    }
    for (extra, expected) in cases {
        let mut arguments = json!({ "webinar_id": webinar_id });
        for (key, value) in extra.as_object().unwrap() {
            arguments[key] = value.clone();
        }
        let message = call_err(&server.client, "export_webinar_registrants", arguments).await;
        assert!(message.contains(expected), "{extra}: {message}");
    }
    assert_eq!(api_requests(&sandbox).await, before, "no Zoom request sent");
    assert_eq!(
        std::fs::read_to_string(exports.join("taken.csv")).unwrap(),
        "keep me"
    );
    assert!(listing(&outside).is_empty());
    let mut expected = vec!["taken.csv".to_string()];
    if cfg!(unix) {
        expected.insert(0, "escape".to_string());
    }
    assert_eq!(listing(&exports), expected);

    let replaced = call_ok(
        &server.client,
        "export_webinar_registrants",
        json!({ "webinar_id": webinar_id, "path": "taken.csv", "status": "denied", "overwrite": true }),
    )
    .await;
    assert_eq!(replaced["replaced"], true);
    assert_eq!(replaced["rows"], 5);
    let text = std::fs::read_to_string(exports.join("taken.csv")).unwrap();
    assert!(text.starts_with("id,status,email"), "{text}");
    server.stop().await;
}

#[tokio::test]
async fn failure_leaves_no_file() {
    let sandbox = sandbox().await;
    let (webinar_id, _) = seeded(&sandbox).await;
    let exports = tempfile::tempdir().unwrap();
    let server = start(&sandbox, exports.path()).await;

    // The first page (pending) is served, the second (approved) fails with
    // a 400 that is not retried.
    add_fault(
        &sandbox,
        json!({"fault": "delay", "method": "GET", "path": REGISTRANTS_PATH, "delay_ms": 1}),
    )
    .await;
    add_fault(
        &sandbox,
        json!({"fault": "respond", "method": "GET", "path": REGISTRANTS_PATH, "status": 400,
               "body": {"code": 300, "message": "The next page token is invalid or expired."}}),
    )
    .await;
    let message = call_err(
        &server.client,
        "export_webinar_registrants",
        json!({ "webinar_id": webinar_id, "path": "new/folder/list.csv" }),
    )
    .await;
    assert!(message.contains("300"), "{message}");
    let events = wait_for_events(&sandbox, |events| events.len() == 2).await;
    assert_eq!(events[1]["outcome"], "responded", "{events:?}");
    assert!(
        listing(exports.path()).is_empty(),
        "left behind: {:?}",
        listing(exports.path())
    );
    server.stop().await;
}

#[tokio::test]
async fn cancel_leaves_no_file() {
    let sandbox = sandbox().await;
    let (webinar_id, _) = seeded(&sandbox).await;
    let exports = tempfile::tempdir().unwrap();
    let server = start(&sandbox, exports.path()).await;

    add_fault(
        &sandbox,
        json!({"fault": "delay", "method": "GET", "path": REGISTRANTS_PATH, "delay_ms": 1}),
    )
    .await;
    add_fault(
        &sandbox,
        json!({"fault": "delay", "method": "GET", "path": REGISTRANTS_PATH, "delay_ms": 20000}),
    )
    .await;
    let arguments = json!({ "webinar_id": webinar_id, "path": "cancelled.csv" });
    let request = ClientRequest::CallToolRequest(CallToolRequest::new(
        CallToolRequestParams::new("export_webinar_registrants")
            .with_arguments(arguments.as_object().cloned().unwrap()),
    ));
    let handle = server
        .client
        .send_cancellable_request(request, PeerRequestOptions::no_options())
        .await
        .expect("request sent");
    wait_for_events(&sandbox, |events| {
        events
            .get(1)
            .is_some_and(|event| event["outcome"] == "waiting")
    })
    .await;
    let during = listing(exports.path());
    assert_eq!(during.len(), 1, "{during:?}");
    assert!(during[0].starts_with(".export-"), "{during:?}");

    handle
        .cancel(Some("the user stopped it".to_string()))
        .await
        .expect("cancel sent");
    wait_for_events(&sandbox, |events| {
        events
            .get(1)
            .is_some_and(|event| event["outcome"] != "waiting")
    })
    .await;
    for _ in 0..100 {
        if listing(exports.path()).is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        listing(exports.path()).is_empty(),
        "left behind: {:?}",
        listing(exports.path())
    );
    server.stop().await;
}
