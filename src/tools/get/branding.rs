//! Read a webinar's session branding.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::Serialize;

use super::panelists::WebinarIdParams;
use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::tools::views::branding::{Branding, MAX_NAME_TAGS, MAX_VIRTUAL_BACKGROUNDS};
use crate::zoom::ApiPath;

/// A webinar's session branding.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BrandingResult {
    pub webinar_id: u64,
    pub branding: Branding,
    /// Name tags that can still be added (Zoom allows 20).
    pub name_tags_left: usize,
    /// Virtual backgrounds that can still be uploaded (Zoom allows 10).
    pub virtual_backgrounds_left: usize,
}

impl ToolOutput for BrandingResult {
    fn summary(&self) -> String {
        let branding = &self.branding;
        let mut text = format!(
            "Webinar {} branding: wallpaper {}; {} of {MAX_VIRTUAL_BACKGROUNDS} virtual backgrounds; {} of {MAX_NAME_TAGS} name tags.",
            self.webinar_id,
            match &branding.wallpaper {
                Some(wallpaper) if !wallpaper.id.is_empty() => format!("set (id {})", wallpaper.id),
                _ => "none".to_string(),
            },
            branding.virtual_backgrounds.len(),
            branding.name_tags.len()
        );
        for background in &branding.virtual_backgrounds {
            text.push_str(&format!(
                "\n- virtual background {} (id {}{})",
                background.name.as_deref().unwrap_or("unnamed"),
                background.id,
                if background.is_default == Some(true) {
                    ", default"
                } else {
                    ""
                }
            ));
        }
        for tag in &branding.name_tags {
            text.push_str(&format!("\n- name tag {}", tag.line()));
        }
        text
    }
}

#[tool_router(router = branding_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Get a webinar's session branding: the wallpaper, the virtual backgrounds (with ids and
    /// which is the default) and the name tags (with colours), and how many more of each Zoom
    /// allows. Needs session branding on for the webinar.
    #[tool(
        name = "get_webinar_branding",
        title = "Get webinar branding",
        annotations(
            title = "Get webinar branding",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn get_webinar_branding(
        &self,
        Parameters(params): Parameters<WebinarIdParams>,
    ) -> Result<Json<BrandingResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("branding");
        let branding: Branding = self.state.zoom.get(&path, &Vec::new()).await?;
        Ok(Json(BrandingResult {
            webinar_id,
            name_tags_left: MAX_NAME_TAGS.saturating_sub(branding.name_tags.len()),
            virtual_backgrounds_left: MAX_VIRTUAL_BACKGROUNDS
                .saturating_sub(branding.virtual_backgrounds.len()),
            branding,
        }))
    }
}
