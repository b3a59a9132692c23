//! Update tools (Zoom PATCH and PUT calls).

pub mod branding;
pub mod livestream;
pub mod polls;
pub mod questions;
pub mod registrants;
pub mod status;
pub mod surveys;
pub mod webinars;

use rmcp::handler::server::router::tool::ToolRouter;

use crate::server::ZoomServer;

pub fn router() -> ToolRouter<ZoomServer> {
    ZoomServer::update_webinars_router()
        + ZoomServer::update_questions_router()
        + ZoomServer::update_polls_router()
        + ZoomServer::update_registrants_router()
        + ZoomServer::update_status_router()
        + ZoomServer::update_surveys_router()
        + ZoomServer::update_livestream_router()
        + ZoomServer::update_branding_router()
}
