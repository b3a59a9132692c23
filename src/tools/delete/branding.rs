//! Remove session branding: name tags, virtual backgrounds and the
//! wallpaper.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;

use super::DeleteResult;
use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError};
use crate::tools::common::WebinarId;
use crate::tools::get::panelists::WebinarIdParams;
use crate::tools::limits::check_id_list;
use crate::tools::views::branding::{MAX_NAME_TAGS, MAX_VIRTUAL_BACKGROUNDS};
use crate::zoom::{ApiPath, Method};

#[derive(Debug, Deserialize, JsonSchema)]
pub struct DeleteNameTagsParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// Ids of the name tags to delete, 1 to 20, from get_webinar_branding.
    pub name_tag_ids: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct DeleteVirtualBackgroundsParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// File ids of the virtual backgrounds to delete, 1 to 10, from get_webinar_branding.
    pub ids: Vec<String>,
}

#[tool_router(router = delete_branding_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Delete session branding name tags from a webinar by id. Panelists using them lose them.
    /// This cannot be undone.
    #[tool(
        name = "delete_branding_name_tags",
        title = "Delete branding name tags",
        annotations(
            title = "Delete branding name tags",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn delete_branding_name_tags(
        &self,
        Parameters(params): Parameters<DeleteNameTagsParams>,
    ) -> Result<Json<DeleteResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let ids = check_id_list("name_tag_ids", &params.name_tag_ids, MAX_NAME_TAGS)?;
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("branding")
            .literal("name_tags");
        self.state
            .zoom
            .send(
                Method::DELETE,
                &path,
                &vec![("name_tag_ids", ids.clone())],
                None,
            )
            .await?;
        tracing::info!(
            tool = "delete_branding_name_tags",
            webinar_id,
            count = params.name_tag_ids.len(),
            "name tags deleted"
        );
        Ok(Json(DeleteResult {
            webinar_id,
            deleted: true,
            message: format!("Deleted name tags {ids} from webinar {webinar_id}."),
        }))
    }

    /// Delete uploaded virtual backgrounds from a webinar by file id. Hosts and panelists using
    /// them lose them. This cannot be undone; upload the file again to restore it.
    #[tool(
        name = "delete_branding_virtual_backgrounds",
        title = "Delete branding virtual backgrounds",
        annotations(
            title = "Delete branding virtual backgrounds",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn delete_branding_virtual_backgrounds(
        &self,
        Parameters(params): Parameters<DeleteVirtualBackgroundsParams>,
    ) -> Result<Json<DeleteResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let ids = check_id_list("ids", &params.ids, MAX_VIRTUAL_BACKGROUNDS)?;
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("branding")
            .literal("virtual_backgrounds");
        self.state
            .zoom
            .send(Method::DELETE, &path, &vec![("ids", ids.clone())], None)
            .await?;
        tracing::info!(
            tool = "delete_branding_virtual_backgrounds",
            webinar_id,
            count = params.ids.len(),
            "virtual backgrounds deleted"
        );
        Ok(Json(DeleteResult {
            webinar_id,
            deleted: true,
            message: format!("Deleted virtual backgrounds {ids} from webinar {webinar_id}."),
        }))
    }

    /// Delete a webinar's session branding wallpaper. This cannot be undone; upload the file
    /// again to restore it.
    #[tool(
        name = "delete_branding_wallpaper",
        title = "Delete branding wallpaper",
        annotations(
            title = "Delete branding wallpaper",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn delete_branding_wallpaper(
        &self,
        Parameters(params): Parameters<WebinarIdParams>,
    ) -> Result<Json<DeleteResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("branding")
            .literal("wallpaper");
        self.state
            .zoom
            .send(Method::DELETE, &path, &Vec::new(), None)
            .await?;
        tracing::info!(
            tool = "delete_branding_wallpaper",
            webinar_id,
            "wallpaper deleted"
        );
        Ok(Json(DeleteResult {
            webinar_id,
            deleted: true,
            message: format!("Deleted the wallpaper of webinar {webinar_id}."),
        }))
    }
}
