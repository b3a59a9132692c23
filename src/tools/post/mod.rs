//! Create tools (Zoom POST calls).

pub mod advanced;
pub mod branding;
pub mod image_file;
pub mod panelists;
pub mod polls;
pub mod prompt;
pub mod recurring;
pub mod registrants;
pub mod webinars;

use rmcp::handler::server::router::tool::ToolRouter;

use crate::server::ZoomServer;

pub fn router() -> ToolRouter<ZoomServer> {
    ZoomServer::create_webinars_router()
        + ZoomServer::create_recurring_router()
        + ZoomServer::create_from_prompt_router()
        + ZoomServer::create_panelists_router()
        + ZoomServer::create_polls_router()
        + ZoomServer::create_registrants_router()
        + ZoomServer::create_branding_router()
        + ZoomServer::create_advanced_router()
}
