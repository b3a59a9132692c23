//! Command-line arguments.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

use crate::config::network::{
    parse_connect_timeout_flag, parse_deadline_flag, parse_request_timeout_flag,
};
use crate::config::{NetworkOverrides, variables};

/// Help heading of the options that `serve` and `check` read, which clap also
/// lists under `sandbox-api` because they are global.
const SERVER_OPTIONS: &str = "Server options (serve and check)";

#[derive(Debug, Parser)]
#[command(
    name = "zoom-webinar-mcp",
    version,
    about = "MCP server for Zoom Webinars over stdio, with a built-in sandbox Zoom account",
    after_help = format!("{}\n{}", variables::help_text(), crate::tools::toolsets::help_text())
)]
pub struct Cli {
    /// Serve against a simulated Zoom account started on 127.0.0.1 (no credentials needed,
    /// nothing leaves the machine, state lasts as long as the process).
    #[arg(long, global = true, help_heading = SERVER_OPTIONS)]
    pub sandbox: bool,

    /// Env file to read ZOOM_* variables from; the process environment wins over it.
    /// Without it, ./.env is read when present.
    #[arg(long, env = "ZOOM_ENV_FILE", global = true, help_heading = SERVER_OPTIONS, value_name = "PATH")]
    pub env_file: Option<PathBuf>,

    /// Comma-separated toolsets to expose, or all; overrides ZOOM_TOOLSETS.
    #[arg(long, global = true, help_heading = SERVER_OPTIONS, value_name = "LIST")]
    pub toolsets: Option<String>,

    /// Comma-separated single tools to expose in addition to the toolsets; overrides ZOOM_TOOLS.
    #[arg(long, global = true, help_heading = SERVER_OPTIONS, value_name = "LIST")]
    pub tools: Option<String>,

    /// Expose only read-only tools, whatever --toolsets and --tools say (also ZOOM_READ_ONLY=1).
    #[arg(long, global = true, help_heading = SERVER_OPTIONS)]
    pub read_only: bool,

    /// Send each tool's outputSchema in tools/list, for clients that validate structured
    /// results (also ZOOM_OUTPUT_SCHEMAS=1). Structured results are returned either way.
    #[arg(long, global = true, help_heading = SERVER_OPTIONS)]
    pub output_schemas: bool,

    /// Leave tools that the access token's scopes cannot serve out of tools/list, instead of
    /// listing them with a note naming the missing scope (also ZOOM_HIDE_UNAUTHORIZED=1).
    #[arg(long, global = true, help_heading = SERVER_OPTIONS)]
    pub hide_unauthorized: bool,

    /// Seconds allowed to connect to Zoom or the token endpoint, decimals allowed
    /// [default: 10, or ZOOM_CONNECT_TIMEOUT_SECS].
    #[arg(long, global = true, help_heading = SERVER_OPTIONS, value_name = "SECONDS", value_parser = parse_connect_timeout_flag)]
    pub connect_timeout: Option<Duration>,

    /// Seconds allowed for one whole request to Zoom, decimals allowed
    /// [default: 30, or ZOOM_REQUEST_TIMEOUT_SECS].
    #[arg(long, global = true, help_heading = SERVER_OPTIONS, value_name = "SECONDS", value_parser = parse_request_timeout_flag)]
    pub request_timeout: Option<Duration>,

    /// Seconds after which a tool call stops and returns an error result stating whether it can
    /// be retried [default: 50, or ZOOM_TOOL_DEADLINE_SECS].
    #[arg(long, global = true, help_heading = SERVER_OPTIONS, value_name = "SECONDS", value_parser = parse_deadline_flag)]
    pub tool_deadline: Option<Duration>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// Returns the network settings given as flags, which win over the environment.
    pub fn network_overrides(&self) -> NetworkOverrides {
        NetworkOverrides {
            connect_timeout: self.connect_timeout,
            request_timeout: self.request_timeout,
            tool_deadline: self.tool_deadline,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve MCP over stdio (the default when no command is given).
    Serve,
    /// Check the configuration, the token request and the scopes, and print which of the
    /// enabled tools will work and which scopes the others need. Reads the configuration as
    /// serve does and honours --toolsets, --tools, --read-only and --sandbox.
    #[command(after_help = crate::check::EXIT_CODES_HELP)]
    Check {
        /// Print the report as JSON (a stable shape with "format_version": 1) instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Run only the simulated Zoom REST API and OAuth token endpoint, for tests,
    /// benchmarks and other clients. Prints the base URL to stderr.
    SandboxApi(SandboxApiArgs),
}

/// Options of `sandbox-api`.
#[derive(Debug, Args)]
pub struct SandboxApiArgs {
    /// Loopback address to listen on, such as 127.0.0.1:8910 (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:0", value_name = "ADDR")]
    pub listen: SocketAddr,
    /// Lifetime of issued access tokens, in seconds.
    #[arg(long, default_value_t = 3600, value_name = "SECONDS")]
    pub token_ttl: u64,
    /// Scopes granted to every token, separated by commas or spaces, to simulate an app
    /// that lacks some [default: every scope the tools need].
    #[arg(long, value_name = "LIST")]
    pub scopes: Option<String>,
    /// Accept only this client id (with --client-secret); by default any non-empty one.
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,
    /// Accept only this client secret; a wrong one gets Zoom's invalid_client error.
    #[arg(long, value_name = "SECRET")]
    pub client_secret: Option<String>,
    /// Accept only this account id; another one gets an invalid_request error.
    #[arg(long, value_name = "ID")]
    pub account_id: Option<String>,
    /// Reject every token request as for an app that is not activated.
    #[arg(long)]
    pub deactivated: bool,
}

impl SandboxApiArgs {
    /// Returns the scopes of `--scopes`, split on commas and whitespace, or
    /// `None` when the flag is absent.
    pub fn scope_list(&self) -> Option<Vec<String>> {
        self.scopes.as_ref().map(|list| {
            list.split(|c: char| c == ',' || c.is_whitespace())
                .filter(|scope| !scope.is_empty())
                .map(str::to_owned)
                .collect()
        })
    }
}
