//! Paging: `export_webinar_registrants` over 10,000 registrants (34 pages
//! of 300), timed and with the server's peak resident set (VmHWM), next to
//! the same pages read straight from the sandbox.

use std::time::{Duration, Instant};

use chrono::Utc;
use serde_json::{Value, json};

use crate::procs::{self, Direct, Sandbox};
use crate::rpc::Session;
use crate::stats::Summary;
use crate::{BenchResult, Options};

/// Registrants seeded for the export.
pub const REGISTRANTS: usize = 10_000;
/// Zoom's batch registration endpoint takes at most 30 people per call.
const BATCH: usize = 30;

/// Creates a single webinar with automatic approval and registers
/// [`REGISTRANTS`] people through Zoom's batch endpoint, 30 per request.
/// Returns the webinar id.
pub async fn seed(direct: &Direct) -> BenchResult<u64> {
    let start = (Utc::now() + chrono::Duration::days(30)).format("%Y-%m-%dT%H:%M:%SZ");
    let created = direct
        .post(
            "/users/me/webinars",
            &json!({
                "topic": "Benchmark export",
                "type": 5,
                "start_time": start.to_string(),
                "duration": 60,
                "timezone": "UTC",
                "settings": {"approval_type": 0}
            }),
        )
        .await?;
    let webinar_id = created["id"]
        .as_u64()
        .ok_or_else(|| format!("the created webinar has no id: {created}"))?;
    let path = format!("/webinars/{webinar_id}/batch_registrants");
    for first in (0..REGISTRANTS).step_by(BATCH) {
        let people: Vec<Value> = (first..(first + BATCH).min(REGISTRANTS))
            .map(|n| {
                json!({
                    "email": format!("registrant{n}@bench.example.com"),
                    "first_name": format!("Person{n}"),
                    "last_name": "Bench, \"Export\""
                })
            })
            .collect();
        direct
            .post(&path, &json!({"auto_approve": true, "registrants": people}))
            .await?;
    }
    let check = direct
        .get(&format!(
            "/webinars/{webinar_id}/registrants?status=approved&page_size=1"
        ))
        .await?;
    if check["total_records"].as_u64() != Some(REGISTRANTS as u64) {
        return Err(format!(
            "seeding registered {} people, not {REGISTRANTS}",
            check["total_records"]
        ));
    }
    Ok(webinar_id)
}

pub async fn run(
    sandbox: &Sandbox,
    direct: &Direct,
    webinar_id: u64,
    options: &Options,
) -> BenchResult<Value> {
    let runs = if options.quick { 1 } else { 3 };
    let mut results = serde_json::Map::new();
    let mut direct_times = Vec::new();
    let mut direct_pages = 0;
    for format in ["csv", "jsonl"] {
        let mut times = Vec::new();
        let mut peaks = Vec::new();
        let mut before = Vec::new();
        let mut last = Value::Null;
        for _ in 0..runs {
            let (elapsed, pages) = direct_walk(direct, webinar_id).await?;
            direct_times.push(elapsed);
            direct_pages = pages;
            let run = export_once(sandbox, webinar_id, format).await?;
            times.push(run.elapsed);
            peaks.push(run.hwm_after_kib as f64 / 1024.0);
            before.push(run.hwm_before_kib as f64 / 1024.0);
            last = run.result;
        }
        results.insert(
            format.to_string(),
            json!({
                "server_ms": Summary::of(&times).map(Summary::to_json),
                "vmhwm_after_initialize_mib": Summary::of_values(&before).map(Summary::to_json),
                "vmhwm_after_export_mib": Summary::of_values(&peaks).map(Summary::to_json),
                "rows": last["rows"],
                "pages": last["pages"],
                "bytes": last["bytes"],
            }),
        );
    }
    Ok(json!({
        "registrants": REGISTRANTS,
        "runs_per_format": runs,
        "direct_ms": Summary::of(&direct_times).map(Summary::to_json),
        "direct_pages": direct_pages,
        "formats": results,
    }))
}

struct ExportRun {
    elapsed: Duration,
    hwm_before_kib: u64,
    hwm_after_kib: u64,
    result: Value,
}

/// Exports in a fresh server, so VmHWM shows this export's peak.
async fn export_once(sandbox: &Sandbox, webinar_id: u64, format: &str) -> BenchResult<ExportRun> {
    let dir = tempfile::tempdir().map_err(|error| format!("temporary folder: {error}"))?;
    let mut session = Session::spawn(procs::server_command(sandbox, dir.path(), &[]))?;
    session.initialize().await?;
    let pid = session.pid();
    let hwm_before_kib = procs::memory(pid)?.hwm_kib;
    let arguments = json!({
        "webinar_id": webinar_id,
        "status": "approved",
        "format": format,
        "path": "bench-export",
    });
    let started = Instant::now();
    let response = session
        .call_tool("export_webinar_registrants", &arguments)
        .await?;
    let elapsed = started.elapsed();
    let hwm_after_kib = procs::memory(pid)?.hwm_kib;
    session.close().await;
    let result = response.message["result"]["structuredContent"].clone();
    if result["rows"].as_u64() != Some(REGISTRANTS as u64) {
        return Err(format!(
            "the export wrote {} rows, not {REGISTRANTS}",
            result["rows"]
        ));
    }
    Ok(ExportRun {
        elapsed,
        hwm_before_kib,
        hwm_after_kib,
        result,
    })
}

/// Reads every approved registrant page straight from the sandbox and
/// returns the time and page count.
async fn direct_walk(direct: &Direct, webinar_id: u64) -> BenchResult<(Duration, u32)> {
    let started = Instant::now();
    let mut token = String::new();
    let mut pages = 0;
    let mut rows = 0;
    loop {
        let mut path = format!("/webinars/{webinar_id}/registrants?status=approved&page_size=300");
        if !token.is_empty() {
            path.push_str(&format!("&next_page_token={token}"));
        }
        let page = direct.get(&path).await?;
        pages += 1;
        rows += page["registrants"].as_array().map_or(0, Vec::len);
        token = page["next_page_token"].as_str().unwrap_or("").to_string();
        if token.is_empty() {
            break;
        }
    }
    if rows != REGISTRANTS {
        return Err(format!("direct paging read {rows} rows, not {REGISTRANTS}"));
    }
    Ok((started.elapsed(), pages))
}
