//! Add session branding: name tags, and virtual background and wallpaper
//! images uploaded from local files.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::image_file::{CheckedImage, check_image_file};
use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::tools::common::WebinarId;
use crate::tools::limits::{check_hex_color, check_text};
use crate::tools::views::branding::NameTag;
use crate::zoom::{ApiPath, Method};

/// Zoom's maximum name tag name length, in characters.
pub const MAX_NAME_TAG_CHARS: usize = 50;

#[derive(Debug, Deserialize, JsonSchema)]
pub struct CreateNameTagParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// The name tag's name, 1 to 50 characters.
    pub name: String,
    /// Text colour as hex, such as "#FFFFFF" or "0e72ed".
    pub text_color: String,
    /// Accent colour as hex.
    pub accent_color: String,
    /// Background colour as hex.
    pub background_color: String,
    /// Make this the webinar's default name tag (Zoom's default false).
    #[serde(default)]
    #[schemars(with = "bool")]
    pub is_default: Option<bool>,
    /// Give every panelist this name tag, including those without a default one (Zoom's
    /// default true).
    #[serde(default)]
    #[schemars(with = "bool")]
    pub set_default_for_all_panelists: Option<bool>,
}

/// The created name tag.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CreatedNameTag {
    pub webinar_id: u64,
    pub name_tag: NameTag,
}

impl ToolOutput for CreatedNameTag {
    fn summary(&self) -> String {
        format!(
            "Created name tag {} in webinar {}.",
            self.name_tag.line(),
            self.webinar_id
        )
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct UploadVirtualBackgroundParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// Absolute path of a JPEG, PNG or GIF file of at most 15 MB on the machine this server
    /// runs on (a leading ~/ means the home folder). The type is judged by content.
    pub file_path: String,
    /// Make this the webinar's default virtual background (Zoom's default false).
    #[serde(default)]
    #[schemars(with = "bool")]
    pub default: Option<bool>,
    /// Give every panelist this background, including those without a default one (Zoom's
    /// default true).
    #[serde(default)]
    #[schemars(with = "bool")]
    pub set_default_for_all_panelists: Option<bool>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct UploadWallpaperParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// Absolute path of a 16:9 JPEG, PNG or GIF file (1920×1080 recommended) of at most 15 MB
    /// on the machine this server runs on (a leading ~/ means the home folder).
    pub file_path: String,
}

/// Zoom's response to an upload.
#[derive(Debug, Deserialize)]
struct ZoomUploaded {
    #[serde(default)]
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    size: Option<u64>,
    #[serde(default)]
    is_default: Option<bool>,
}

/// An uploaded branding image.
#[derive(Debug, Serialize, JsonSchema)]
pub struct UploadedImage {
    pub webinar_id: u64,
    /// virtual background or wallpaper.
    pub kind: String,
    /// Zoom's file id, for set_branding_virtual_background and the delete tools.
    pub id: String,
    /// The file name Zoom stored.
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    /// JPEG, PNG or GIF, from the file's content.
    pub image_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// The local file that was uploaded.
    pub file_path: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl ToolOutput for UploadedImage {
    fn summary(&self) -> String {
        let dimensions = match (self.width, self.height) {
            (Some(width), Some(height)) => format!(", {width}×{height}"),
            _ => String::new(),
        };
        let mut text = format!(
            "Uploaded {} {} to webinar {} as {} (id {}, {} bytes{dimensions}{}).",
            self.kind,
            self.file_path,
            self.webinar_id,
            self.name,
            self.id,
            self.size,
            if self.is_default == Some(true) {
                ", default"
            } else {
                ""
            }
        );
        for note in &self.notes {
            text.push_str(&format!("\n{note}"));
        }
        text
    }
}

#[tool_router(router = create_branding_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Create a session branding name tag in a webinar: a name and text, accent and background
    /// colours as hex. A webinar has at most 20 name tags. By Zoom's default the new tag becomes
    /// every panelist's default; pass set_default_for_all_panelists false to avoid that.
    #[tool(
        name = "create_branding_name_tag",
        title = "Create branding name tag",
        annotations(
            title = "Create branding name tag",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = false,
            open_world_hint = true
        )
    )]
    async fn create_branding_name_tag(
        &self,
        Parameters(params): Parameters<CreateNameTagParams>,
    ) -> Result<Json<CreatedNameTag>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let mut body = json!({
            "name": check_text("name", &params.name, MAX_NAME_TAG_CHARS)?,
            "text_color": check_hex_color("text_color", &params.text_color)?,
            "accent_color": check_hex_color("accent_color", &params.accent_color)?,
            "background_color": check_hex_color("background_color", &params.background_color)?,
        });
        if let Some(is_default) = params.is_default {
            body["is_default"] = json!(is_default);
        }
        if let Some(all) = params.set_default_for_all_panelists {
            body["set_default_for_all_panelists"] = json!(all);
        }
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("branding")
            .literal("name_tags");
        let created = self
            .state
            .zoom
            .send(Method::POST, &path, &Vec::new(), Some(&body))
            .await?
            .ok_or_else(|| {
                ToolError::invalid(
                    "Zoom created the name tag but returned no body; get_webinar_branding lists it.",
                )
            })?;
        let name_tag: NameTag = crate::zoom::decode(created)?;
        tracing::info!(tool = "create_branding_name_tag", webinar_id, name_tag_id = %name_tag.id, "name tag created");
        Ok(Json(CreatedNameTag {
            webinar_id,
            name_tag,
        }))
    }

    /// Upload a virtual background for a webinar's hosts and panelists from a local JPEG, PNG or
    /// GIF file (at most 15 MB; the type is judged by content). A webinar has at most 10. The
    /// file is checked before anything is sent.
    #[tool(
        name = "upload_branding_virtual_background",
        title = "Upload branding virtual background",
        annotations(
            title = "Upload branding virtual background",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = false,
            open_world_hint = true
        )
    )]
    async fn upload_branding_virtual_background(
        &self,
        Parameters(params): Parameters<UploadVirtualBackgroundParams>,
    ) -> Result<Json<UploadedImage>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let image = check_image_file(&params.file_path, false).await?;
        let mut fields = Vec::new();
        if let Some(default) = params.default {
            fields.push(("default", default.to_string()));
        }
        if let Some(all) = params.set_default_for_all_panelists {
            fields.push(("set_default_for_all_panelists", all.to_string()));
        }
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("branding")
            .literal("virtual_backgrounds");
        let uploaded = upload(self, &path, &image, &fields).await?;
        tracing::info!(
            tool = "upload_branding_virtual_background",
            webinar_id,
            file_id = %uploaded.id,
            size = image.size(),
            "virtual background uploaded"
        );
        Ok(Json(uploaded_image(
            webinar_id,
            "virtual background",
            image,
            uploaded,
        )))
    }

    /// Upload the wallpaper shown behind a webinar's video tiles from a local 16:9 JPEG, PNG or
    /// GIF file (1920×1080 recommended, at most 15 MB; the type is judged by content). A webinar
    /// has one wallpaper. The file, and its shape where the header gives it, are checked before
    /// anything is sent.
    #[tool(
        name = "upload_branding_wallpaper",
        title = "Upload branding wallpaper",
        annotations(
            title = "Upload branding wallpaper",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = false,
            open_world_hint = true
        )
    )]
    async fn upload_branding_wallpaper(
        &self,
        Parameters(params): Parameters<UploadWallpaperParams>,
    ) -> Result<Json<UploadedImage>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let image = check_image_file(&params.file_path, true).await?;
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("branding")
            .literal("wallpaper");
        let uploaded = upload(self, &path, &image, &[]).await?;
        tracing::info!(
            tool = "upload_branding_wallpaper",
            webinar_id,
            file_id = %uploaded.id,
            size = image.size(),
            "wallpaper uploaded"
        );
        Ok(Json(uploaded_image(
            webinar_id,
            "wallpaper",
            image,
            uploaded,
        )))
    }
}

async fn upload(
    server: &ZoomServer,
    path: &ApiPath,
    image: &CheckedImage,
    fields: &[(&'static str, String)],
) -> Result<ZoomUploaded, ToolError> {
    let body = server
        .state
        .zoom
        .post_multipart(path, &image.upload, fields)
        .await?
        .ok_or_else(|| {
            ToolError::invalid(
                "Zoom accepted the upload but returned no body; get_webinar_branding lists the files.",
            )
        })?;
    Ok(crate::zoom::decode(body)?)
}

fn uploaded_image(
    webinar_id: u64,
    kind: &str,
    image: CheckedImage,
    uploaded: ZoomUploaded,
) -> UploadedImage {
    UploadedImage {
        webinar_id,
        kind: kind.to_string(),
        id: uploaded.id,
        name: uploaded
            .name
            .unwrap_or_else(|| image.upload.file_name.clone()),
        size: uploaded.size.unwrap_or_else(|| image.size()),
        is_default: uploaded.is_default,
        image_type: image.kind.name().to_string(),
        width: image.dimensions.map(|(width, _)| width),
        height: image.dimensions.map(|(_, height)| height),
        file_path: image.path.display().to_string(),
        notes: image.notes,
    }
}
