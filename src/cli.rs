//! Command-line arguments.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::config::variables;

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

    #[command(subcommand)]
    pub command: Option<Command>,
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
