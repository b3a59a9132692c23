//! Remove panelists.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;

use super::DeleteResult;
use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError};
use crate::tools::common::WebinarId;
use crate::tools::get::panelists::{WebinarIdParams, fetch_panelists};
use crate::zoom::{ApiPath, Method};

#[derive(Debug, Deserialize, JsonSchema)]
pub struct RemovePanelistParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// The panelist's id or email, as list_panelists shows them.
    pub panelist: String,
}

#[tool_router(router = delete_panelists_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Remove one panelist from a webinar, by panelist id or email. Their panelist join link
    /// stops working. To change a panelist's details, remove and add them again.
    #[tool(
        name = "remove_panelist",
        title = "Remove panelist",
        annotations(
            title = "Remove panelist",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn remove_panelist(
        &self,
        Parameters(params): Parameters<RemovePanelistParams>,
    ) -> Result<Json<DeleteResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let panelist = params.panelist.trim();
        let list = fetch_panelists(&self.state, webinar_id).await?;
        let Some(found) = list.panelists.iter().find(|row| {
            row.id.as_deref() == Some(panelist) || row.email.eq_ignore_ascii_case(panelist)
        }) else {
            let known: Vec<String> = list
                .panelists
                .iter()
                .map(|row| format!("{} <{}>", row.name, row.email))
                .collect();
            return Err(ToolError::invalid(format!(
                "{panelist:?} is not a panelist of webinar {webinar_id}. Its panelists: {}.",
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            )));
        };
        let key = found.id.clone().unwrap_or_else(|| found.email.clone());
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("panelists")
            .value("panelist", &key)?;
        self.state
            .zoom
            .send(Method::DELETE, &path, &Vec::new(), None)
            .await?;
        tracing::info!(tool = "remove_panelist", webinar_id, "panelist removed");
        Ok(Json(DeleteResult {
            webinar_id,
            deleted: true,
            message: format!(
                "Removed panelist {} <{}> from webinar {webinar_id}.",
                found.name, found.email
            ),
        }))
    }

    /// Remove every panelist from a webinar. Their panelist join links stop working.
    #[tool(
        name = "remove_all_panelists",
        title = "Remove all panelists",
        annotations(
            title = "Remove all panelists",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn remove_all_panelists(
        &self,
        Parameters(params): Parameters<WebinarIdParams>,
    ) -> Result<Json<DeleteResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let list = fetch_panelists(&self.state, webinar_id).await?;
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("panelists");
        self.state
            .zoom
            .send(Method::DELETE, &path, &Vec::new(), None)
            .await?;
        tracing::info!(
            tool = "remove_all_panelists",
            webinar_id,
            removed = list.panelists.len(),
            "panelists removed"
        );
        Ok(Json(DeleteResult {
            webinar_id,
            deleted: true,
            message: format!(
                "Removed all {} panelists from webinar {webinar_id}.",
                list.panelists.len()
            ),
        }))
    }
}
