use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use rmcp::ServiceExt;
use zoom_webinar_mcp::check::{self, CheckMode};
use zoom_webinar_mcp::cli::{Cli, Command, SandboxApiArgs};
use zoom_webinar_mcp::config::{Config, ValueSource, variables};
use zoom_webinar_mcp::sandbox::{SandboxApp, SandboxOptions, SandboxServer};
use zoom_webinar_mcp::server::schema::ListingOptions;
use zoom_webinar_mcp::server::{AppState, Mode, ZoomServer};
use zoom_webinar_mcp::tools::toolsets::ToolSelection;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: could not start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = runtime.block_on(run(cli));
    // Tokio reads stdin on a blocking thread that returns only when a line
    // or EOF arrives. After SIGTERM that may never happen, and dropping the
    // runtime would wait for it forever, so the wait is bounded.
    runtime.shutdown_timeout(RUNTIME_SHUTDOWN_WAIT);
    match outcome {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// How long shutdown waits for blocking threads, such as a pending stdin read.
const RUNTIME_SHUTDOWN_WAIT: Duration = Duration::from_millis(500);

/// How long shutdown waits for the last MCP messages to reach stdout.
const STDOUT_FLUSH_WAIT: Duration = Duration::from_secs(2);

/// Load the configuration, start logging, then run the command. An error
/// after logging starts goes to the log file too; stderr shows it once.
async fn run(cli: Cli) -> Result<ExitCode, String> {
    let loaded = Config::load(cli.env_file.as_deref()).map_err(|error| error.to_string());
    if let Some(Command::Check { json }) = cli.command {
        return Ok(run_check(&cli, loaded, json).await);
    }
    let mut config = loaded?;
    config.network.apply(&cli.network_overrides());
    let log_dir = config.log_dir.clone();
    zoom_webinar_mcp::logging::init(&config.log_filter, log_dir.as_deref());
    let result = run_command(cli, config).await;
    if let Err(error) = &result {
        zoom_webinar_mcp::logging::write_to_file_only(log_dir.as_deref(), error);
    }
    result.map(|()| ExitCode::SUCCESS)
}

async fn run_command(mut cli: Cli, config: Config) -> Result<(), String> {
    match cli.command.take().unwrap_or(Command::Serve) {
        Command::SandboxApi(args) => run_sandbox_api(args).await,
        Command::Check { .. } => unreachable!("run handles check before logging starts"),
        Command::Serve => {
            let selection = tool_selection(&cli, &config)?;
            let listing = ListingOptions {
                output_schemas: cli.output_schemas || config.output_schemas,
            };
            serve(config, selection, listing, cli.sandbox, cli.env_file).await
        }
    }
}

/// Returns the tools to expose: flags win over the environment and the env file.
fn tool_selection(cli: &Cli, config: &Config) -> Result<ToolSelection, String> {
    let selection = ToolSelection::parse(
        cli.toolsets.as_deref().or(config.toolsets.as_deref()),
        cli.tools.as_deref().or(config.tools.as_deref()),
        cli.read_only || config.read_only,
    )?;
    Ok(selection.with_hide_unauthorized(cli.hide_unauthorized || config.hide_unauthorized))
}

/// Runs `check` and prints its report to stdout. Logs go to stderr and the
/// log file as for serve, but only errors unless RUST_LOG sets a level,
/// because the report already describes what went wrong.
async fn run_check(cli: &Cli, loaded: Result<Config, String>, json: bool) -> ExitCode {
    let mode = if cli.sandbox {
        CheckMode::Sandbox
    } else {
        CheckMode::Live
    };
    let report = match loaded {
        Err(error) => check::config_error_report(error, None, mode),
        Ok(mut config) => {
            config.network.apply(&cli.network_overrides());
            if config.sources.get(variables::RUST_LOG) == Some(&ValueSource::Default) {
                config.log_filter = "error".to_owned();
            }
            zoom_webinar_mcp::logging::init(&config.log_filter, config.log_dir.as_deref());
            match tool_selection(cli, &config) {
                Err(error) => check::config_error_report(error, None, mode),
                Ok(selection) => check_with(config, &selection, mode).await,
            }
        }
    };
    let text = if json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => text + "\n",
            Err(error) => {
                eprintln!("error: could not serialise the check report: {error}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        check::render_text(&report)
    };
    print!("{text}");
    ExitCode::from(report.exit_code)
}

/// Runs the diagnosis, against a sandbox started here for `--sandbox`.
async fn check_with(
    config: Config,
    selection: &ToolSelection,
    mode: CheckMode,
) -> check::CheckReport {
    if mode == CheckMode::Live {
        return check::diagnose(&config, selection, mode).await;
    }
    let server =
        match SandboxServer::start(([127, 0, 0, 1], 0).into(), SandboxOptions::default()).await {
            Ok(server) => server,
            Err(error) => {
                return check::config_error_report(
                    format!("could not start the sandbox: {error}"),
                    Some(selection),
                    mode,
                );
            }
        };
    let config = config.for_sandbox(server.base_url(), server.token_url());
    let report = check::diagnose(&config, selection, mode).await;
    server.shutdown().await;
    report
}

async fn serve(
    config: Config,
    selection: ToolSelection,
    listing: ListingOptions,
    sandbox: bool,
    env_file: Option<std::path::PathBuf>,
) -> Result<(), String> {
    let (config, mode, sandbox_server) = if sandbox {
        let server = SandboxServer::start(([127, 0, 0, 1], 0).into(), SandboxOptions::default())
            .await
            .map_err(|error| format!("could not start the sandbox: {error}"))?;
        let mode = Mode::Sandbox {
            base_url: server.base_url(),
            token_url: server.token_url(),
        };
        tracing::info!(base_url = %server.base_url(), "sandbox Zoom account started");
        let config = config.for_sandbox(server.base_url(), server.token_url());
        (config, mode, Some(server))
    } else {
        (config, Mode::Live, None)
    };

    if !config.missing_credentials.is_empty() {
        tracing::warn!(
            missing = ?config.missing_credentials,
            "Zoom credentials are missing; tools will report how to configure them"
        );
    }
    let state = AppState::new(config, mode, env_file).map_err(|error| error.to_string())?;
    let server = ZoomServer::new(Arc::new(state), &selection, listing);
    let listed: Vec<String> = server
        .tools()
        .iter()
        .map(|tool| tool.name.to_string())
        .collect();
    let dropped: Vec<String> = selection
        .extra_tools()
        .into_iter()
        .filter(|name| !listed.contains(name))
        .collect();
    if !dropped.is_empty() {
        tracing::warn!(
            tools = ?dropped,
            "tools named in --tools / ZOOM_TOOLS are not exposed because read-only mode lists only read-only tools; drop --read-only (ZOOM_READ_ONLY) to expose them"
        );
    }

    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        toolsets = ?selection.toolset_names(),
        extra_tools = ?selection.extra_tools(),
        read_only = selection.is_read_only(),
        tools = server.tools().len(),
        "serving MCP over stdio"
    );
    let stdio = zoom_webinar_mcp::server::stdio::stdio();
    let running = server
        .serve((stdio.input, stdio.output))
        .await
        .map_err(|error| format!("MCP session failed to start: {error}"))?;
    let quit_reason = tokio::select! {
        reason = running.waiting() => format!("{reason:?}"),
        _ = shutdown_signal() => "signal".to_string(),
    };
    tracing::info!(reason = %quit_reason, "MCP session ended");
    if tokio::time::timeout(STDOUT_FLUSH_WAIT, stdio.writer)
        .await
        .is_err()
    {
        tracing::warn!("the last MCP messages did not reach stdout in time");
    }
    if let Some(sandbox) = sandbox_server {
        sandbox.shutdown().await;
    }
    Ok(())
}

async fn run_sandbox_api(args: SandboxApiArgs) -> Result<(), String> {
    let listen = args.listen;
    let options = SandboxOptions {
        token_ttl_secs: args.token_ttl,
        scopes: args.scope_list(),
        app: SandboxApp {
            client_id: args.client_id,
            client_secret: args.client_secret,
            account_id: args.account_id,
            deactivated: args.deactivated,
        },
        ..SandboxOptions::default()
    };
    let server = SandboxServer::start(listen, options)
        .await
        .map_err(|error| format!("could not start the sandbox API on {listen}: {error}"))?;
    // The one line other programs wait for; stdout stays empty.
    eprintln!(
        "sandbox API listening: base URL {} token URL {}",
        server.base_url(),
        server.token_url()
    );
    tracing::info!(base_url = %server.base_url(), token_url = %server.token_url(), "sandbox API started");
    shutdown_signal().await;
    tracing::info!("sandbox API stopping");
    server.shutdown().await;
    Ok(())
}

/// Resolve on Ctrl-C or, on Unix, SIGTERM.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        let mut terminate =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(signal) => signal,
                Err(_) => {
                    let _ = tokio::signal::ctrl_c().await;
                    return;
                }
            };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
