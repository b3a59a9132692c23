//! The MCP tools, one module per HTTP verb of the Zoom calls they make:
//! `get` reads, `post` creates, `patch` updates (Zoom's PATCH and PUT) and
//! `delete` removes. `config` manages credentials and tokens, and `export`
//! writes registrants to local files.

pub mod common;
pub mod config;
pub mod delete;
pub mod export;
pub mod get;
pub mod input;
pub mod limits;
pub mod paging;
pub mod patch;
pub mod post;
pub mod progress;
pub mod toolsets;
pub mod views;

use rmcp::handler::server::router::tool::ToolRouter;

use crate::server::ZoomServer;

/// Build one router with every tool of the server.
pub fn router() -> ToolRouter<ZoomServer> {
    ZoomServer::config_router()
        + get::router()
        + post::router()
        + patch::router()
        + delete::router()
        + ZoomServer::export_router()
}
