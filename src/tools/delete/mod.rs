//! Delete tools (Zoom DELETE calls).

pub mod advanced;
pub mod branding;
pub mod panelists;
pub mod polls;
pub mod registrants;
pub mod surveys;
pub mod webinars;

use rmcp::handler::server::router::tool::ToolRouter;

use crate::server::ZoomServer;

pub fn router() -> ToolRouter<ZoomServer> {
    ZoomServer::delete_webinars_router()
        + ZoomServer::delete_panelists_router()
        + ZoomServer::delete_registrants_router()
        + ZoomServer::delete_polls_router()
        + ZoomServer::delete_surveys_router()
        + ZoomServer::delete_branding_router()
        + ZoomServer::delete_advanced_router()
}

/// Outcome of a delete.
#[derive(Debug, serde::Serialize, schemars::JsonSchema)]
pub struct DeleteResult {
    pub webinar_id: u64,
    pub deleted: bool,
    /// Description of what was removed.
    pub message: String,
}

impl crate::server::output::ToolOutput for DeleteResult {
    fn summary(&self) -> String {
        self.message.clone()
    }
}
