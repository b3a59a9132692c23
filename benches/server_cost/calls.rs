//! Per-call overhead and memory over many calls, in one server process:
//! `get_webinar` through the server, interleaved with the same GET sent
//! straight to the sandbox, with the resident set read at each quarter.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use zoom_webinar_mcp::sandbox::seed::SINGLE_WEBINAR_ID;

use crate::procs::{self, Direct, Sandbox};
use crate::rpc::Session;
use crate::stats::{Summary, round};
use crate::{BenchResult, Options};

/// Calls before these are left out of the latency figures (connection
/// set-up, first token request, caches filling).
const WARM_UP_CALLS: usize = 200;

pub async fn run(sandbox: &Sandbox, direct: &Direct, options: &Options) -> BenchResult<Value> {
    let calls = if options.quick { 2_000 } else { 10_000 };
    let quarter = calls / 4;
    let dir = tempfile::tempdir().map_err(|error| format!("temporary folder: {error}"))?;
    let mut session = Session::spawn(procs::server_command(sandbox, dir.path(), &[]))?;
    session.initialize().await?;
    let pid = session.pid();
    let mut memory_samples = vec![sample(0, procs::memory(pid)?)];

    let arguments = json!({ "webinar_id": SINGLE_WEBINAR_ID });
    let path = format!("/webinars/{SINGLE_WEBINAR_ID}");
    let mut through_server = Vec::with_capacity(calls);
    let mut straight = Vec::with_capacity(calls);
    let mut paired = Vec::with_capacity(calls);
    for call in 0..calls {
        // Alternate which arm goes first, so neither always follows the other.
        let (server_time, direct_time) = if call % 2 == 0 {
            let server_time = time_server(&mut session, &arguments).await?;
            let direct_time = time_direct(direct, &path).await?;
            (server_time, direct_time)
        } else {
            let direct_time = time_direct(direct, &path).await?;
            let server_time = time_server(&mut session, &arguments).await?;
            (server_time, direct_time)
        };
        if call >= WARM_UP_CALLS {
            through_server.push(server_time);
            straight.push(direct_time);
            paired.push((server_time.as_secs_f64() - direct_time.as_secs_f64()) * 1e3);
        }
        if (call + 1) % quarter == 0 {
            memory_samples.push(sample(call + 1, procs::memory(pid)?));
        }
    }
    session.close().await;

    let server = Summary::of(&through_server).ok_or("no calls measured")?;
    let baseline = Summary::of(&straight).ok_or("no calls measured")?;
    let difference = Summary::of_values(&paired).ok_or("no calls measured")?;
    let first_quarter = memory_samples[1]["rss_kib"].as_u64().unwrap_or(0);
    let last = memory_samples[memory_samples.len() - 1]["rss_kib"]
        .as_u64()
        .unwrap_or(0);
    Ok(json!({
        "calls": calls,
        "warm_up_calls": WARM_UP_CALLS,
        "tool": "get_webinar",
        "direct_request": format!("GET /v2{path}"),
        "server_ms": server.to_json(),
        "direct_ms": baseline.to_json(),
        "paired_difference_ms": difference.to_json(),
        "median_difference_ms": round(server.p50 - baseline.p50),
        "median_ratio": round(server.p50 / baseline.p50),
        "memory": memory_samples,
        "rss_growth_after_first_quarter_kib": last as i64 - first_quarter as i64,
    }))
}

fn sample(calls: usize, memory: procs::Memory) -> Value {
    let mut value = memory.to_json();
    value["calls"] = json!(calls);
    value
}

async fn time_server(session: &mut Session, arguments: &Value) -> BenchResult<Duration> {
    let started = Instant::now();
    session.call_tool("get_webinar", arguments).await?;
    Ok(started.elapsed())
}

async fn time_direct(direct: &Direct, path: &str) -> BenchResult<Duration> {
    let started = Instant::now();
    direct.get(path).await?;
    Ok(started.elapsed())
}
