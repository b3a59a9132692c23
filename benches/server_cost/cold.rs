//! Cold start: process spawn to the `initialize` response and to the first
//! `tools/list` response, with the resident set right after `initialize`.
//! The baseline spawns `cat` and reads one line back through the same kind
//! of pipes, the floor that any stdio server pays.

use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::Command;

use crate::procs::{self, Sandbox};
use crate::rpc::Session;
use crate::stats::Summary;
use crate::{BenchResult, Options};

/// One start of the server.
struct Start {
    to_initialize: Duration,
    to_tools_list: Duration,
    rss_after_initialize_kib: u64,
    anonymous_after_initialize_kib: u64,
    threads: u64,
}

pub async fn run(sandbox: &Sandbox, options: &Options) -> BenchResult<Value> {
    let runs = if options.quick { 10 } else { 60 };
    let mut live = Vec::new();
    let mut sandboxed = Vec::new();
    let mut floor = Vec::new();
    for run in 0..runs {
        // Rotate the order so that a slow moment of the machine does not
        // always land on the same arm.
        for arm in 0..3 {
            match (run + arm) % 3 {
                0 => live.push(start_once(sandbox, &[]).await?),
                1 => sandboxed.push(start_once(sandbox, &["--sandbox"]).await?),
                _ => floor.push(echo_once().await?),
            }
        }
    }
    Ok(json!({
        "runs": runs,
        "server": starts_json(&live),
        "server_with_sandbox_flag": starts_json(&sandboxed),
        "spawn_and_echo_floor_ms": Summary::of(&floor).map(Summary::to_json),
    }))
}

fn starts_json(starts: &[Start]) -> Value {
    let to_initialize: Vec<Duration> = starts.iter().map(|s| s.to_initialize).collect();
    let to_tools_list: Vec<Duration> = starts.iter().map(|s| s.to_tools_list).collect();
    let mib = |kib: u64| kib as f64 / 1024.0;
    let rss_mib: Vec<f64> = starts
        .iter()
        .map(|s| mib(s.rss_after_initialize_kib))
        .collect();
    let anonymous_mib: Vec<f64> = starts
        .iter()
        .map(|s| mib(s.anonymous_after_initialize_kib))
        .collect();
    json!({
        "to_initialize_ms": Summary::of(&to_initialize).map(Summary::to_json),
        "to_tools_list_ms": Summary::of(&to_tools_list).map(Summary::to_json),
        "rss_after_initialize_mib": Summary::of_values(&rss_mib).map(Summary::to_json),
        "anonymous_after_initialize_mib": Summary::of_values(&anonymous_mib).map(Summary::to_json),
        "threads_after_initialize": starts.first().map(|s| s.threads),
    })
}

async fn start_once(sandbox: &Sandbox, args: &[&str]) -> BenchResult<Start> {
    let dir = tempfile::tempdir().map_err(|error| format!("temporary folder: {error}"))?;
    let command = procs::server_command(sandbox, dir.path(), args);
    let started = Instant::now();
    let mut session = Session::spawn(command)?;
    session.initialize().await?;
    let to_initialize = started.elapsed();
    let memory = procs::memory(session.pid())?;
    session.request("tools/list", json!({})).await?;
    let to_tools_list = started.elapsed();
    session.close().await;
    Ok(Start {
        to_initialize,
        to_tools_list,
        rss_after_initialize_kib: memory.rss_kib,
        anonymous_after_initialize_kib: memory.anonymous_kib,
        threads: memory.threads,
    })
}

/// Spawns `cat`, writes one line and reads it back.
async fn echo_once() -> BenchResult<Duration> {
    let line = b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}\n";
    let started = Instant::now();
    let mut child = Command::new("cat")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .map_err(|error| format!("spawning cat failed: {error}"))?;
    let mut stdin = child.stdin.take().ok_or("cat has no stdin")?;
    let stdout = child.stdout.take().ok_or("cat has no stdout")?;
    stdin
        .write_all(line)
        .await
        .map_err(|error| format!("writing to cat failed: {error}"))?;
    let mut echoed = String::new();
    BufReader::new(stdout)
        .read_line(&mut echoed)
        .await
        .map_err(|error| format!("reading from cat failed: {error}"))?;
    let elapsed = started.elapsed();
    drop(stdin);
    let _ = child.wait().await;
    Ok(elapsed)
}
