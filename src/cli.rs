//! Command-line arguments.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Parser, Subcommand};

use crate::config::network::{
    parse_connect_timeout_flag, parse_deadline_flag, parse_request_timeout_flag,
};
use crate::config::{NetworkOverrides, variables};

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
    #[arg(long, global = true)]
    pub sandbox: bool,

    /// Env file to read ZOOM_* variables from; the process environment wins over it.
    /// Without it, ./.env is read when present.
    #[arg(long, env = "ZOOM_ENV_FILE", global = true, value_name = "PATH")]
    pub env_file: Option<PathBuf>,

    /// Comma-separated toolsets to expose, or all; overrides ZOOM_TOOLSETS.
    #[arg(long, global = true, value_name = "LIST")]
    pub toolsets: Option<String>,

    /// Comma-separated single tools to expose in addition to the toolsets; overrides ZOOM_TOOLS.
    #[arg(long, global = true, value_name = "LIST")]
    pub tools: Option<String>,

    /// Expose only read-only tools, whatever --toolsets and --tools say (also ZOOM_READ_ONLY=1).
    #[arg(long, global = true)]
    pub read_only: bool,

    /// Send each tool's outputSchema in tools/list, for clients that validate structured
    /// results (also ZOOM_OUTPUT_SCHEMAS=1). Structured results are returned either way.
    #[arg(long, global = true)]
    pub output_schemas: bool,

    /// Seconds allowed to connect to Zoom or the token endpoint, decimals allowed
    /// [default: 10, or ZOOM_CONNECT_TIMEOUT_SECS].
    #[arg(long, global = true, value_name = "SECONDS", value_parser = parse_connect_timeout_flag)]
    pub connect_timeout: Option<Duration>,

    /// Seconds allowed for one whole request to Zoom, decimals allowed
    /// [default: 30, or ZOOM_REQUEST_TIMEOUT_SECS].
    #[arg(long, global = true, value_name = "SECONDS", value_parser = parse_request_timeout_flag)]
    pub request_timeout: Option<Duration>,

    /// Seconds after which a tool call stops and returns an error result stating whether it can
    /// be retried [default: 50, or ZOOM_TOOL_DEADLINE_SECS].
    #[arg(long, global = true, value_name = "SECONDS", value_parser = parse_deadline_flag)]
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
    /// Run only the simulated Zoom REST API and OAuth token endpoint, for tests,
    /// benchmarks and other clients. Prints the base URL to stderr.
    SandboxApi {
        /// Loopback address to listen on, such as 127.0.0.1:8910 (port 0 picks a free port).
        #[arg(long, default_value = "127.0.0.1:0", value_name = "ADDR")]
        listen: SocketAddr,
        /// Lifetime of issued access tokens, in seconds.
        #[arg(long, default_value_t = 3600, value_name = "SECONDS")]
        token_ttl: u64,
    },
}
