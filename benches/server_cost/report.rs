//! The machine description, the targets, and the printed table.

use std::fmt::Write;

use serde_json::{Value, json};

/// Describes the machine: cores, CPU model, memory, kernel and rustc.
pub fn machine() -> Value {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu_model = cpuinfo
        .lines()
        .find_map(|line| line.strip_prefix("model name"))
        .map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_string());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory_kib = meminfo
        .lines()
        .find_map(|line| line.strip_prefix("MemTotal:"))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        });
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|text| text.trim().to_string())
        .ok();
    let rustc = std::process::Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_string());
    json!({
        "cores": std::thread::available_parallelism().map(usize::from).ok(),
        "cpu_model": cpu_model,
        "memory_gib": memory_kib.map(|kib| (kib as f64 / 1024.0 / 1024.0 * 10.0).round() / 10.0),
        "kernel": kernel,
        "rustc": rustc,
    })
}

/// Builds one target row: what is measured, the limit and whether it was met.
fn target(name: &str, measured: Option<f64>, unit: &str, limit: f64) -> Value {
    json!({
        "target": name,
        "measured": measured,
        "unit": unit,
        "limit": limit,
        "met": measured.map(|value| value < limit),
    })
}

/// Checks the figures against the targets in BENCHMARKS.md.
pub fn targets(results: &Value) -> Value {
    let cold_init = results["cold"]["server"]["to_initialize_ms"]["p50"].as_f64();
    let cold_rss = results["cold"]["server"]["rss_after_initialize_mib"]["p50"].as_f64();
    let growth_mib = results["calls"]["rss_growth_after_first_quarter_kib"]
        .as_f64()
        .map(|kib| kib / 1024.0);
    let overhead = results["calls"]["median_difference_ms"].as_f64();
    let export_peak = ["csv", "jsonl"]
        .iter()
        .filter_map(|format| {
            results["export"]["formats"][format]["vmhwm_after_export_mib"]["max"].as_f64()
        })
        .reduce(f64::max);
    let list_kb = results["context"]["default"]["bytes"]
        .as_f64()
        .map(|bytes| bytes / 1000.0);
    json!([
        target("cold start to initialize, p50", cold_init, "ms", 15.0),
        target("RSS after initialize, p50", cold_rss, "MiB", 20.0),
        target(
            "RSS growth from call 2,500 to the last call",
            growth_mib,
            "MiB",
            1.0
        ),
        target(
            "median overhead per call above the direct request",
            overhead,
            "ms",
            0.5
        ),
        target(
            "VmHWM of a 10,000-registrant export, max",
            export_peak,
            "MiB",
            50.0
        ),
        target("tools/list for the default toolsets", list_kb, "kB", 30.0),
    ])
}

/// Renders the results as a plain-text table.
pub fn table(results: &Value) -> String {
    let mut out = String::new();
    let machine = &results["machine"];
    let _ = writeln!(
        out,
        "\nmachine: {} cores, {}, {} GiB, kernel {}, {}",
        machine["cores"],
        machine["cpu_model"],
        machine["memory_gib"],
        machine["kernel"],
        machine["rustc"]
    );
    let ms = |value: &Value| summary_text(value, "ms");
    let mib = |value: &Value| summary_text(value, "MiB");

    if let Some(cold) = results.get("cold") {
        let _ = writeln!(out, "\ncold start ({} runs per arm)", cold["runs"]);
        row(
            &mut out,
            "spawn to initialize",
            &ms(&cold["server"]["to_initialize_ms"]),
        );
        row(
            &mut out,
            "spawn to tools/list",
            &ms(&cold["server"]["to_tools_list_ms"]),
        );
        row(
            &mut out,
            "RSS after initialize",
            &mib(&cold["server"]["rss_after_initialize_mib"]),
        );
        row(
            &mut out,
            "  of which anonymous",
            &mib(&cold["server"]["anonymous_after_initialize_mib"]),
        );
        row(
            &mut out,
            "  threads",
            &cold["server"]["threads_after_initialize"].to_string(),
        );
        row(
            &mut out,
            "--sandbox: spawn to initialize",
            &ms(&cold["server_with_sandbox_flag"]["to_initialize_ms"]),
        );
        row(
            &mut out,
            "floor: spawn cat, echo a line",
            &ms(&cold["spawn_and_echo_floor_ms"]),
        );
    }
    if let Some(calls) = results.get("calls") {
        let _ = writeln!(
            out,
            "\nper call ({} calls of get_webinar, first {} left out)",
            calls["calls"], calls["warm_up_calls"]
        );
        row(&mut out, "through the server", &ms(&calls["server_ms"]));
        row(&mut out, "direct GET", &ms(&calls["direct_ms"]));
        row(
            &mut out,
            "paired difference",
            &ms(&calls["paired_difference_ms"]),
        );
        row(
            &mut out,
            "median difference, ratio",
            &format!(
                "{} ms, x{}",
                calls["median_difference_ms"], calls["median_ratio"]
            ),
        );
        let samples: Vec<String> = calls["memory"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|sample| {
                format!(
                    "{}: {:.1}",
                    sample["calls"],
                    sample["rss_kib"].as_f64().unwrap_or(0.0) / 1024.0
                )
            })
            .collect();
        row(&mut out, "RSS MiB by calls", &samples.join(", "));
    }
    if let Some(burst) = results.get("burst") {
        let _ = writeln!(
            out,
            "\n{} calls in flight on an expired token ({} runs)",
            burst["in_flight"], burst["runs"]
        );
        row(
            &mut out,
            "through the server",
            &ms(&burst["server_total_ms"]),
        );
        row(&mut out, "direct GETs", &ms(&burst["direct_total_ms"]));
        row(
            &mut out,
            "token requests per run",
            &burst["token_requests_per_run"].to_string(),
        );
    }
    if let Some(export) = results.get("export") {
        let _ = writeln!(
            out,
            "\nexport of {} registrants ({} runs per format)",
            export["registrants"], export["runs_per_format"]
        );
        row(
            &mut out,
            &format!("direct paging, {} pages", export["direct_pages"]),
            &ms(&export["direct_ms"]),
        );
        for format in ["csv", "jsonl"] {
            let figures = &export["formats"][format];
            row(
                &mut out,
                &format!("{format}: time"),
                &ms(&figures["server_ms"]),
            );
            row(
                &mut out,
                &format!("{format}: VmHWM after"),
                &mib(&figures["vmhwm_after_export_mib"]),
            );
            row(
                &mut out,
                &format!("{format}: rows, pages, bytes"),
                &format!(
                    "{}, {}, {}",
                    figures["rows"], figures["pages"], figures["bytes"]
                ),
            );
        }
    }
    if let Some(context) = results.get("context").and_then(Value::as_object) {
        let _ = writeln!(out, "\ntools/list response size");
        for (label, figures) in context {
            let parts = &figures["bytes_by_field"];
            row(
                &mut out,
                label,
                &format!(
                    "{} bytes, {} tools (outputSchema {}, inputSchema {}, description {}, other {})",
                    figures["bytes"],
                    figures["tools"],
                    parts["output_schema"],
                    parts["input_schema"],
                    parts["description"],
                    parts["other"]
                ),
            );
        }
    }
    let _ = writeln!(out, "\ntargets");
    for item in results["targets"].as_array().into_iter().flatten() {
        let verdict = match item["met"].as_bool() {
            Some(true) => "met",
            Some(false) => "MISSED",
            None => "not measured",
        };
        let measured = item["measured"]
            .as_f64()
            .map(|value| format!("{value:.3}"))
            .unwrap_or_else(|| "-".to_string());
        row(
            &mut out,
            item["target"].as_str().unwrap_or(""),
            &format!(
                "{measured} {} (limit {}) {verdict}",
                item["unit"].as_str().unwrap_or(""),
                item["limit"]
            ),
        );
    }
    out
}

fn row(out: &mut String, label: &str, value: &str) {
    let _ = writeln!(out, "  {label:<48} {value}");
}

fn summary_text(value: &Value, unit: &str) -> String {
    if value.is_null() {
        return "-".to_string();
    }
    format!(
        "p50 {} {unit}, p99 {}, min {}, max {} (n={})",
        value["p50"], value["p99"], value["min"], value["max"], value["count"]
    )
}
