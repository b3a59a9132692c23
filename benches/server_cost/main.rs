//! The server's own cost, measured against `sandbox-api` on 127.0.0.1:
//! cold start, memory over many calls, per-call overhead next to the same
//! request sent straight to the sandbox, a burst of concurrent calls on an
//! expired token, a 10,000-registrant export, and the size of `tools/list`.
//!
//! Run with `cargo bench --bench server_cost` (add `-- --quick` for fewer
//! iterations, `-- --only cold,calls` for some scenarios, `-- --out FILE`
//! for another results file). It prints a table and writes the figures as
//! JSON, by default to `<target dir>/bench/results.json`. BENCHMARKS.md
//! explains each figure.

mod burst;
mod calls;
mod cold;
mod context;
mod export;
mod procs;
mod report;
mod rpc;
mod stats;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::{Value, json};

/// Errors are messages: the benchmark stops and prints them.
pub type BenchResult<T> = Result<T, String>;

/// Scenario names, in the order they run.
const SCENARIOS: [&str; 5] = ["cold", "calls", "burst", "export", "context"];

/// Command-line options.
pub struct Options {
    /// Fewer iterations, for a quick look.
    pub quick: bool,
    /// Scenarios to run.
    pub only: Vec<String>,
    /// Where the JSON results go.
    pub out: PathBuf,
}

impl Options {
    fn parse() -> BenchResult<Options> {
        let mut options = Options {
            quick: false,
            only: SCENARIOS.iter().map(|name| name.to_string()).collect(),
            out: default_results_file(),
        };
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                // cargo bench passes --bench to every bench target.
                "--bench" => {}
                "--quick" => options.quick = true,
                "--only" => {
                    let list = args
                        .next()
                        .ok_or("--only needs a list such as cold,calls")?;
                    options.only = list.split(',').map(str::trim).map(String::from).collect();
                    if let Some(unknown) = options
                        .only
                        .iter()
                        .find(|name| !SCENARIOS.contains(&name.as_str()))
                    {
                        return Err(format!(
                            "unknown scenario {unknown:?}; choose from {}",
                            SCENARIOS.join(", ")
                        ));
                    }
                }
                "--out" => {
                    options.out = args.next().ok_or("--out needs a file path")?.into();
                }
                other => {
                    return Err(format!(
                        "unknown option {other:?}; use --quick, --only LIST or --out FILE"
                    ));
                }
            }
        }
        Ok(options)
    }

    fn runs(&self, scenario: &str) -> bool {
        self.only.iter().any(|name| name == scenario)
    }
}

/// `<target dir>/bench/results.json`, found from the server binary's path
/// (`<target dir>/release/zoom-webinar-mcp`).
fn default_results_file() -> PathBuf {
    let binary = Path::new(procs::BINARY);
    let target_dir = binary
        .parent()
        .and_then(Path::parent)
        .unwrap_or(Path::new("target"));
    target_dir.join("bench").join("results.json")
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("benchmark failed: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> BenchResult<()> {
    let options = Options::parse()?;
    let work_dir = tempfile::tempdir().map_err(|error| format!("temporary folder: {error}"))?;
    let sandbox = procs::Sandbox::start(work_dir.path()).await?;
    let direct = procs::Direct::connect(&sandbox).await?;
    eprintln!(
        "server {} against sandbox-api at {}{}",
        procs::BINARY,
        sandbox.base_url,
        if options.quick { " (quick mode)" } else { "" }
    );

    let mut results = serde_json::Map::new();
    results.insert("machine".into(), report::machine());
    results.insert("quick".into(), json!(options.quick));
    results.insert("binary".into(), json!(procs::BINARY));
    for scenario in SCENARIOS {
        if !options.runs(scenario) {
            continue;
        }
        eprintln!("running {scenario} ...");
        let figures = match scenario {
            "cold" => cold::run(&sandbox, &options).await?,
            "calls" => calls::run(&sandbox, &direct, &options).await?,
            "burst" => burst::run(&sandbox, &direct, &options).await?,
            "export" => {
                let webinar_id = export::seed(&direct).await?;
                export::run(&sandbox, &direct, webinar_id, &options).await?
            }
            _ => context::run(&sandbox).await?,
        };
        results.insert(scenario.to_string(), figures);
    }
    let mut results = Value::Object(results);
    results["targets"] = report::targets(&results);

    println!("{}", report::table(&results));
    if let Some(folder) = options.out.parent() {
        std::fs::create_dir_all(folder)
            .map_err(|error| format!("creating {} failed: {error}", folder.display()))?;
    }
    let text = serde_json::to_string_pretty(&results)
        .map_err(|error| format!("encoding the results failed: {error}"))?;
    std::fs::write(&options.out, text + "\n")
        .map_err(|error| format!("writing {} failed: {error}", options.out.display()))?;
    println!("results written to {}", options.out.display());
    Ok(())
}
