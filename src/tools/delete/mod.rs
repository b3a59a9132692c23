//! Tools that make Zoom DELETE calls.

use rmcp::handler::server::router::tool::ToolRouter;

use crate::server::ZoomServer;

pub fn router() -> ToolRouter<ZoomServer> {
    ToolRouter::new()
}
