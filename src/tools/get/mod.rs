//! Read-only tools (Zoom GET calls).

pub mod advanced;
pub mod branding;
pub mod livestream;
pub mod panelists;
pub mod past;
pub mod polls;
pub mod registrants;
pub mod registration;
pub mod reports;
pub mod surveys;
pub mod users;
pub mod webinars;

use rmcp::handler::server::router::tool::ToolRouter;

use crate::server::ZoomServer;

pub fn router() -> ToolRouter<ZoomServer> {
    ZoomServer::users_router()
        + ZoomServer::webinars_router()
        + ZoomServer::registrants_router()
        + ZoomServer::registration_router()
        + ZoomServer::panelists_router()
        + ZoomServer::past_router()
        + ZoomServer::polls_router()
        + ZoomServer::surveys_router()
        + ZoomServer::reports_router()
        + ZoomServer::livestream_router()
        + ZoomServer::branding_router()
        + ZoomServer::advanced_router()
}
