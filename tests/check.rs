//! `zoom-webinar-mcp check` as a new user runs it: the real binary against a
//! `sandbox-api` process on 127.0.0.1 that simulates the user's Zoom app,
//! pointed at it with ZOOM_API_BASE_URL and ZOOM_OAUTH_TOKEN_URL.

mod common;

use std::process::Stdio;

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Child;

const ACCOUNT: &str = "check-account-31";
const CLIENT: &str = "check-client-42";
const SECRET: &str = "right-secret-9d81c5";
const WRONG_SECRET: &str = "wrong-secret-7f3a0e";

/// A `sandbox-api` child process and its URLs.
struct SandboxApi {
    child: Child,
    base_url: String,
    token_url: String,
    _dir: tempfile::TempDir,
}

impl SandboxApi {
    /// Starts `sandbox-api` on a free loopback port with `args` and reads
    /// its URLs from the line it prints to stderr.
    async fn start(args: &[&str]) -> SandboxApi {
        let dir = tempfile::tempdir().unwrap();
        let mut all = vec!["sandbox-api", "--listen", "127.0.0.1:0"];
        all.extend_from_slice(args);
        let mut command = common::command(dir.path(), &all, &[]);
        command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        let mut child = command.spawn().expect("spawn sandbox-api");
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let (base_url, token_url) = loop {
            let line = lines
                .next_line()
                .await
                .unwrap()
                .expect("sandbox-api exited before printing its URLs");
            if let Some(rest) = line.strip_prefix("sandbox API listening: base URL ") {
                let (base, token) = rest.split_once(" token URL ").unwrap();
                break (base.to_owned(), token.to_owned());
            }
        };
        // Keep reading stderr so the child never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        SandboxApi {
            child,
            base_url,
            token_url,
            _dir: dir,
        }
    }

    /// Starts a sandbox that accepts only the test app's credentials.
    async fn for_app(extra: &[&str]) -> SandboxApi {
        let mut args = vec![
            "--client-id",
            CLIENT,
            "--client-secret",
            SECRET,
            "--account-id",
            ACCOUNT,
        ];
        args.extend_from_slice(extra);
        SandboxApi::start(&args).await
    }

    fn origin(&self) -> &str {
        self.base_url.trim_end_matches("/v2")
    }

    async fn token_requests(&self) -> u64 {
        let url = format!("{}/_sandbox/stats", self.origin());
        let stats: Value = reqwest::get(url).await.unwrap().json().await.unwrap();
        stats["token_requests"].as_u64().unwrap()
    }
}

/// Output of one `check` run.
struct Checked {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Checked {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|error| panic!("stdout is not JSON ({error}): {}", self.stdout))
    }

    fn assert_no_secret(&self) {
        for secret in [SECRET, WRONG_SECRET] {
            assert!(!self.stdout.contains(secret), "stdout shows a secret");
            assert!(!self.stderr.contains(secret), "stderr shows a secret");
        }
        assert!(!self.stdout.contains("sbx."), "stdout shows a token");
    }
}

/// Runs `check` with `args`, the app's credentials (`secret` and `account`,
/// `None` leaves a variable unset) and URLs pointing at `sandbox`.
async fn check(
    sandbox: &SandboxApi,
    args: &[&str],
    account: Option<&str>,
    secret: &str,
) -> Checked {
    let dir = tempfile::tempdir().unwrap();
    let mut envs = vec![
        ("ZOOM_CLIENT_ID", CLIENT),
        ("ZOOM_CLIENT_SECRET", secret),
        ("ZOOM_API_BASE_URL", sandbox.base_url.as_str()),
        ("ZOOM_OAUTH_TOKEN_URL", sandbox.token_url.as_str()),
    ];
    if let Some(account) = account {
        envs.push(("ZOOM_ACCOUNT_ID", account));
    }
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    run(dir.path(), &all, &envs).await
}

async fn run(dir: &std::path::Path, args: &[&str], envs: &[(&str, &str)]) -> Checked {
    let output = common::command(dir, args, envs)
        .stdin(Stdio::null())
        .output()
        .await
        .expect("run check");
    Checked {
        code: output.status.code().expect("check exited normally"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn tool<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["toolsets"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|set| set["tools"].as_array().unwrap())
        .find(|tool| tool["name"] == name)
        .unwrap_or_else(|| panic!("{name} is not in the report"))
}

fn contains(list: &Value, item: &str) -> bool {
    list.as_array().unwrap().iter().any(|value| value == item)
}

#[tokio::test]
async fn wrong_client_secret_is_explained() {
    let sandbox = SandboxApi::for_app(&[]).await;
    let checked = check(&sandbox, &["--json"], Some(ACCOUNT), WRONG_SECRET).await;
    checked.assert_no_secret();
    assert_eq!(checked.code, 1, "{}", checked.stdout);
    let report = checked.json();
    assert_eq!(report["status"], "token_failed");
    assert_eq!(report["exit_code"], 1);
    let problem = &report["token"]["problem"];
    assert_eq!(problem["kind"], "invalid_client");
    assert_eq!(problem["error"], "invalid_client");
    assert_eq!(problem["http_status"], 401);
    let fix = problem["fix"].as_str().unwrap();
    assert!(fix.contains("ZOOM_CLIENT_SECRET"), "{fix}");
    assert!(fix.contains("App Credentials"), "{fix}");
    assert!(fix.contains("set in the environment"), "{fix}");
    assert_eq!(tool(&report, "list_webinars")["status"], "unknown");

    let text = check(&sandbox, &[], Some(ACCOUNT), WRONG_SECRET).await;
    text.assert_no_secret();
    assert_eq!(text.code, 1);
    assert!(
        text.stdout
            .contains("FAILED: Zoom rejected the client ID or the client secret"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout
            .contains("Fix: Copy the Client ID and Client Secret"),
        "{}",
        text.stdout
    );
    assert_eq!(
        text.stdout
            .matches("Copy the Client ID and Client Secret")
            .count(),
        1,
        "the fix is printed once: {}",
        text.stdout
    );
    assert!(
        text.stdout
            .contains("  - Apply the fix under \"Access token\" above."),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout
            .contains("ZOOM_CLIENT_SECRET          set (hidden)"),
        "{}",
        text.stdout
    );
}

#[tokio::test]
async fn missing_scope_names_classic_and_granular() {
    let sandbox = SandboxApi::for_app(&["--scopes", "user:read:admin, webinar:read:admin"]).await;
    let checked = check(&sandbox, &["--json"], Some(ACCOUNT), SECRET).await;
    checked.assert_no_secret();
    assert_eq!(checked.code, 3, "{}", checked.stdout);
    let report = checked.json();
    assert_eq!(report["status"], "scopes_missing");
    assert_eq!(report["token"]["ok"], true);
    assert!(contains(&report["token"]["scopes"], "webinar:read:admin"));

    let create = tool(&report, "create_webinar");
    assert_eq!(create["status"], "cannot_work");
    let missing = &create["missing"][0];
    assert_eq!(missing["endpoint"], "POST /users/{userId}/webinars");
    assert!(contains(&missing["classic"], "webinar:write:admin"));
    assert!(contains(
        &missing["granular"],
        "webinar:write:webinar:admin"
    ));
    assert_eq!(tool(&report, "list_webinars")["status"], "works");
    assert_eq!(tool(&report, "configure_zoom")["status"], "works");
    assert_eq!(
        tool(&report, "delete_webinar_registrant")["status"],
        "cannot_work"
    );
    assert_eq!(
        tool(&report, "schedule_webinar_from_prompt")["status"],
        "limited"
    );

    let text = check(&sandbox, &[], Some(ACCOUNT), SECRET).await;
    assert_eq!(text.code, 3);
    assert!(
        text.stdout.contains("x create_webinar cannot work"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout.contains("POST /users/{userId}/webinars: one of webinar:write:admin, webinar:write (classic) or webinar:write:webinar:admin, webinar:write:webinar (granular)"),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("Scopes page"), "{}", text.stdout);
}

#[tokio::test]
async fn wrong_account_id_is_explained() {
    let sandbox = SandboxApi::for_app(&[]).await;
    let checked = check(&sandbox, &["--json"], Some("someone-elses-account"), SECRET).await;
    assert_eq!(checked.code, 1, "{}", checked.stdout);
    let problem = &checked.json()["token"]["problem"];
    assert_eq!(problem["kind"], "account_id");
    assert_eq!(problem["error"], "invalid_request");
    let fix = problem["fix"].as_str().unwrap();
    assert!(fix.contains("ZOOM_ACCOUNT_ID"), "{fix}");
    assert!(fix.contains("Account ID"), "{fix}");
}

#[tokio::test]
async fn missing_account_id_sends_no_token_request() {
    let sandbox = SandboxApi::for_app(&[]).await;
    let checked = check(&sandbox, &["--json"], None, SECRET).await;
    checked.assert_no_secret();
    assert_eq!(checked.code, 1, "{}", checked.stdout);
    let report = checked.json();
    assert_eq!(report["status"], "credentials_missing");
    let problem = &report["token"]["problem"];
    assert_eq!(problem["kind"], "missing_credentials");
    assert!(
        problem["message"]
            .as_str()
            .unwrap()
            .contains("ZOOM_ACCOUNT_ID is not set")
    );
    assert!(problem["fix"].as_str().unwrap().contains("Account ID"));
    let account = report["variables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|variable| variable["name"] == "ZOOM_ACCOUNT_ID")
        .unwrap();
    assert_eq!(account["set"], false);
    assert_eq!(sandbox.token_requests().await, 0);

    let text = check(&sandbox, &[], None, SECRET).await;
    assert!(
        text.stdout.contains("ZOOM_ACCOUNT_ID             NOT SET"),
        "{}",
        text.stdout
    );
}

#[tokio::test]
async fn deactivated_app_is_explained() {
    let sandbox = SandboxApi::for_app(&["--deactivated"]).await;
    let checked = check(&sandbox, &["--json"], Some(ACCOUNT), SECRET).await;
    assert_eq!(checked.code, 1, "{}", checked.stdout);
    let problem = &checked.json()["token"]["problem"];
    assert_eq!(problem["kind"], "app_not_activated");
    assert!(problem["fix"].as_str().unwrap().contains("Activation page"));
}

#[tokio::test]
async fn unreachable_token_endpoint_is_a_network_problem() {
    let mut sandbox = SandboxApi::for_app(&[]).await;
    sandbox.child.kill().await.unwrap();
    let checked = check(&sandbox, &["--json"], Some(ACCOUNT), SECRET).await;
    assert_eq!(checked.code, 1, "{}", checked.stdout);
    let problem = &checked.json()["token"]["problem"];
    assert_eq!(problem["kind"], "network");
    assert!(
        problem["fix"]
            .as_str()
            .unwrap()
            .contains("ZOOM_OAUTH_TOKEN_URL")
    );
}

#[tokio::test]
async fn json_shape_and_sources() {
    let sandbox = SandboxApi::for_app(&[]).await;
    let dir = tempfile::tempdir().unwrap();
    let env_file = dir.path().join("zoom.env");
    std::fs::write(
        &env_file,
        format!("ZOOM_ACCOUNT_ID={ACCOUNT}\nZOOM_CLIENT_SECRET={SECRET}\n"),
    )
    .unwrap();
    let env_path = env_file.to_str().unwrap();
    let envs = [
        ("ZOOM_CLIENT_ID", CLIENT),
        ("ZOOM_API_BASE_URL", sandbox.base_url.as_str()),
        ("ZOOM_OAUTH_TOKEN_URL", sandbox.token_url.as_str()),
    ];
    let checked = run(
        dir.path(),
        &["check", "--json", "--env-file", env_path],
        &envs,
    )
    .await;
    checked.assert_no_secret();
    assert_eq!(checked.code, 0, "{}", checked.stdout);
    let report = checked.json();
    assert_eq!(report["format_version"], 1);
    assert_eq!(report["status"], "ok");
    assert_eq!(report["exit_code"], 0);
    assert_eq!(report["mode"], "live");
    assert_eq!(report["env_file"], env_path);
    assert!(report["config_error"].is_null());
    for key in [
        "variables",
        "token",
        "selection",
        "toolsets",
        "summary",
        "next_steps",
    ] {
        assert!(!report[key].is_null(), "missing {key}");
    }
    let variable = |name: &str| {
        report["variables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|variable| variable["name"] == name)
            .unwrap_or_else(|| panic!("no {name}"))
            .clone()
    };
    let secret = variable("ZOOM_CLIENT_SECRET");
    assert_eq!(secret["secret"], true);
    assert_eq!(secret["set"], true);
    assert!(secret["value"].is_null());
    assert_eq!(secret["source"]["kind"], "env_file");
    assert_eq!(secret["source"]["path"], env_path);
    let client = variable("ZOOM_CLIENT_ID");
    assert_eq!(client["source"]["kind"], "environment");
    assert_eq!(client["value"], "ch***********42");
    let zone = variable("ZOOM_DEFAULT_TIMEZONE");
    assert_eq!(zone["source"]["kind"], "default");
    assert_eq!(zone["default"], "Asia/Kolkata");

    assert_eq!(report["token"]["api_base_url"], sandbox.base_url);
    assert_eq!(report["selection"]["read_only"], false);
    let summary = &report["summary"];
    assert_eq!(summary["tools"], 44);
    assert_eq!(summary["works"], 44);
    assert_eq!(summary["cannot_work"], 0);
}

#[tokio::test]
async fn selection_flags_are_honoured() {
    let sandbox = SandboxApi::for_app(&["--scopes", "webinar:read:admin"]).await;
    let checked = check(
        &sandbox,
        &["--json", "--toolsets", "reports", "--read-only"],
        Some(ACCOUNT),
        SECRET,
    )
    .await;
    assert_eq!(checked.code, 3, "{}", checked.stdout);
    let report = checked.json();
    let names: Vec<&str> = report["toolsets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|set| set["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["reports"]);
    assert_eq!(report["selection"]["read_only"], true);
    assert_eq!(report["summary"]["tools"], 5);
    assert_eq!(report["summary"]["cannot_work"], 5);
    let missing = &tool(&report, "get_webinar_report")["missing"][0];
    assert!(contains(&missing["classic"], "report:read:admin"));
    assert!(contains(&missing["granular"], "report:read:webinar:admin"));
}

#[tokio::test]
async fn sandbox_check_passes() {
    let dir = tempfile::tempdir().unwrap();
    let checked = run(
        dir.path(),
        &["check", "--sandbox", "--toolsets", "all"],
        &[],
    )
    .await;
    assert_eq!(checked.code, 0, "{}\n{}", checked.stdout, checked.stderr);
    assert!(
        checked
            .stdout
            .contains("zoom-webinar-mcp check: the built-in sandbox"),
        "{}",
        checked.stdout
    );
    assert!(
        checked
            .stdout
            .contains("Result: 71 of 71 enabled tools work"),
        "{}",
        checked.stdout
    );
    assert!(
        checked
            .stdout
            .contains("ZOOM_CLIENT_SECRET          set (hidden)"),
        "{}",
        checked.stdout
    );
    assert!(
        !checked.stdout.contains("sandbox-secret"),
        "{}",
        checked.stdout
    );
}

#[tokio::test]
async fn invalid_configuration_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let checked = run(
        dir.path(),
        &["check", "--json"],
        &[("ZOOM_DEFAULT_TIMEZONE", "Mars/Olympus")],
    )
    .await;
    assert_eq!(checked.code, 1, "{}", checked.stdout);
    let report = checked.json();
    assert_eq!(report["status"], "config_invalid");
    assert!(
        report["config_error"]
            .as_str()
            .unwrap()
            .contains("Mars/Olympus")
    );

    let checked = run(
        dir.path(),
        &["check"],
        &[("ZOOM_DEFAULT_TIMEZONE", "Mars/Olympus")],
    )
    .await;
    assert_eq!(checked.code, 1, "{}", checked.stdout);
    assert!(
        checked
            .stdout
            .contains("Tools: not assessed, because the configuration above is invalid"),
        "{}",
        checked.stdout
    );
    assert!(
        checked
            .stdout
            .contains("Result: no tools assessed (exit status 1)"),
        "{}",
        checked.stdout
    );
}

#[tokio::test]
async fn api_base_url_without_v2_is_explained() {
    let sandbox = SandboxApi::for_app(&[]).await;
    let dir = tempfile::tempdir().unwrap();
    let envs = [
        ("ZOOM_ACCOUNT_ID", ACCOUNT),
        ("ZOOM_CLIENT_ID", CLIENT),
        ("ZOOM_CLIENT_SECRET", SECRET),
        ("ZOOM_API_BASE_URL", sandbox.origin()),
        ("ZOOM_OAUTH_TOKEN_URL", sandbox.token_url.as_str()),
        ("ZOOM_RETRY_BASE_DELAY_MS", "10"),
    ];
    let checked = run(dir.path(), &["check", "--json"], &envs).await;
    assert_eq!(checked.code, 1, "{}", checked.stdout);
    checked.assert_no_secret();
    let report = checked.json();
    assert_eq!(report["status"], "api_failed");
    let problem = &report["token"]["problem"];
    assert_eq!(problem["kind"], "api_base_url");
    assert_eq!(problem["http_status"], 404);
    assert!(
        problem["fix"].as_str().unwrap().contains(
            "ZOOM_API_BASE_URL to Zoom's API base URL, https://api.zoom.us/v2 (with /v2)"
        ),
        "{problem}"
    );

    let checked = check(&sandbox, &[], Some(ACCOUNT), SECRET).await;
    assert_eq!(checked.code, 0, "{}", checked.stdout);
}
