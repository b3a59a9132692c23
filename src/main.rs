use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use rmcp::ServiceExt;
use zoom_webinar_mcp::cli::{Cli, Command};
use zoom_webinar_mcp::config::Config;
use zoom_webinar_mcp::sandbox::{SandboxOptions, SandboxServer};
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
        Ok(()) => ExitCode::SUCCESS,
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
async fn run(cli: Cli) -> Result<(), String> {
    let mut config = Config::load(cli.env_file.as_deref()).map_err(|error| error.to_string())?;
    config.network.apply(&cli.network_overrides());
    let log_dir = config.log_dir.clone();
    zoom_webinar_mcp::logging::init(&config.log_filter, log_dir.as_deref());
    let result = run_command(cli, config).await;
    if let Err(error) = &result {
        zoom_webinar_mcp::logging::write_to_file_only(log_dir.as_deref(), error);
    }
    result
}

async fn run_command(cli: Cli, config: Config) -> Result<(), String> {
    match cli.command.unwrap_or(Command::Serve) {
        Command::SandboxApi { listen, token_ttl } => run_sandbox_api(listen, token_ttl).await,
        Command::Serve => {
            let selection = ToolSelection::parse(
                cli.toolsets.as_deref().or(config.toolsets.as_deref()),
                cli.tools.as_deref().or(config.tools.as_deref()),
                cli.read_only || config.read_only,
            )?;
            let listing = ListingOptions {
                output_schemas: cli.output_schemas || config.output_schemas,
            };
            serve(config, selection, listing, cli.sandbox, cli.env_file).await
        }
    }
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

async fn run_sandbox_api(listen: std::net::SocketAddr, token_ttl: u64) -> Result<(), String> {
    let options = SandboxOptions {
        token_ttl_secs: token_ttl,
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
