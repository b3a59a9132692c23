//! Concurrency: many `tools/call` requests in flight at once from one
//! client while the cached token has expired. The server must send one
//! token request for all of them, which the sandbox's `/_sandbox/stats`
//! counts. The baseline sends the same number of GETs straight to the
//! sandbox at once.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::Utc;
use serde_json::{Value, json};
use zoom_webinar_mcp::sandbox::seed::SINGLE_WEBINAR_ID;

use crate::procs::{self, Direct, Sandbox};
use crate::rpc::{Session, check_tool_result};
use crate::stats::Summary;
use crate::{BenchResult, Options};

/// Requests in flight together.
const IN_FLIGHT: usize = 1_000;

pub async fn run(sandbox: &Sandbox, direct: &Direct, options: &Options) -> BenchResult<Value> {
    let runs = if options.quick { 2 } else { 5 };
    let mut server_times = Vec::new();
    let mut direct_times = Vec::new();
    let mut token_requests = Vec::new();
    let mut api_requests = Vec::new();
    for _ in 0..runs {
        let (elapsed, tokens, api) = server_burst(sandbox, direct).await?;
        server_times.push(elapsed);
        token_requests.push(tokens);
        api_requests.push(api);
        direct_times.push(direct_burst(direct).await?);
    }
    Ok(json!({
        "in_flight": IN_FLIGHT,
        "runs": runs,
        "server_total_ms": Summary::of(&server_times).map(Summary::to_json),
        "direct_total_ms": Summary::of(&direct_times).map(Summary::to_json),
        "token_requests_per_run": token_requests,
        "api_requests_per_run": api_requests,
    }))
}

/// Starts a server whose cache file holds an expired token, sends the
/// burst, and returns the time, and the token and API requests the sandbox
/// saw meanwhile.
async fn server_burst(sandbox: &Sandbox, direct: &Direct) -> BenchResult<(Duration, u64, u64)> {
    let dir = tempfile::tempdir().map_err(|error| format!("temporary folder: {error}"))?;
    write_expired_token(sandbox, dir.path())?;
    let mut session = Session::spawn(procs::server_command(sandbox, dir.path(), &[]))?;
    session.initialize().await?;
    let calls: Vec<(String, Value)> = (0..IN_FLIGHT)
        .map(|_| {
            (
                "get_webinar".to_string(),
                json!({ "webinar_id": SINGLE_WEBINAR_ID }),
            )
        })
        .collect();
    let before = direct.stats().await?;
    let started = Instant::now();
    let responses = session.burst(&calls).await?;
    let elapsed = started.elapsed();
    let after = direct.stats().await?;
    session.close().await;
    for response in &responses {
        check_tool_result("get_webinar", &response.message)?;
    }
    let counter =
        |name: &str| after[name].as_u64().unwrap_or(0) - before[name].as_u64().unwrap_or(0);
    let cached = std::fs::read_to_string(procs::token_cache_file(dir.path()))
        .map_err(|error| format!("reading the token cache failed: {error}"))?;
    if cached.contains(EXPIRED_TOKEN) {
        return Err("the server kept the expired token in its cache file".into());
    }
    Ok((elapsed, counter("token_requests"), counter("api_requests")))
}

async fn direct_burst(direct: &Direct) -> BenchResult<Duration> {
    let path = format!("/webinars/{SINGLE_WEBINAR_ID}");
    let started = Instant::now();
    let results = futures_util::future::join_all((0..IN_FLIGHT).map(|_| direct.get(&path))).await;
    let elapsed = started.elapsed();
    for result in results {
        result?;
    }
    Ok(elapsed)
}

const EXPIRED_TOKEN: &str = "bench-expired-token";

/// Writes a token cache file, in the server's format (version 1, keyed by
/// token URL, account id and client id), whose only token expired an hour
/// ago.
fn write_expired_token(sandbox: &Sandbox, dir: &Path) -> BenchResult<()> {
    let key = format!(
        "{}|{}|{}",
        sandbox.token_url.trim_end_matches('/'),
        procs::ACCOUNT_ID,
        procs::CLIENT_ID
    );
    let expired = Utc::now() - chrono::Duration::hours(1);
    let file = json!({
        "version": 1,
        "tokens": {
            key: {
                "access_token": EXPIRED_TOKEN,
                "token_type": "bearer",
                "scopes": [],
                "api_url": null,
                "expires_at": expired.to_rfc3339(),
                "expires_at_local": expired.to_rfc3339(),
                "time_zone": "UTC",
                "generated_at": (expired - chrono::Duration::hours(1)).to_rfc3339(),
            }
        }
    });
    std::fs::write(procs::token_cache_file(dir), file.to_string())
        .map_err(|error| format!("writing the token cache failed: {error}"))
}
