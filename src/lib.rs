//! zoom-webinar-mcp: an MCP server that manages Zoom Webinars through the
//! Zoom REST API v2, and a simulated Zoom account (the sandbox) to try it on.

pub mod check;
pub mod cli;
pub mod config;
pub mod logging;
pub mod prompts;
pub mod sandbox;
pub mod schedule;
pub mod server;
pub mod time;
pub mod tools;
pub mod zoom;
