//! Read-only tools (Zoom GET calls).

pub mod users;

use rmcp::handler::server::router::tool::ToolRouter;

use crate::server::ZoomServer;

pub fn router() -> ToolRouter<ZoomServer> {
    ZoomServer::users_router()
}
