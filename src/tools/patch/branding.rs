//! Change session branding: a name tag, and the default virtual background.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError};
use crate::tools::common::WebinarId;
use crate::tools::limits::{check_hex_color, check_text, check_zoom_id};
use crate::tools::post::branding::MAX_NAME_TAG_CHARS;
use crate::tools::views::branding::BrandingChange;
use crate::zoom::{ApiPath, Method, Query};

#[derive(Debug, Deserialize, JsonSchema)]
pub struct UpdateNameTagParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// The name tag's id, from get_webinar_branding.
    pub name_tag_id: String,
    /// New name, 1 to 50 characters.
    #[serde(default)]
    #[schemars(with = "String")]
    pub name: Option<String>,
    /// New text colour as hex, such as "#FFFFFF".
    #[serde(default)]
    #[schemars(with = "String")]
    pub text_color: Option<String>,
    /// New accent colour as hex.
    #[serde(default)]
    #[schemars(with = "String")]
    pub accent_color: Option<String>,
    /// New background colour as hex.
    #[serde(default)]
    #[schemars(with = "String")]
    pub background_color: Option<String>,
    /// Make this the webinar's default name tag.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub is_default: Option<bool>,
    /// Give every panelist this name tag, including those without a default one.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub set_default_for_all_panelists: Option<bool>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct SetVirtualBackgroundParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// The virtual background's file id, from get_webinar_branding.
    pub id: String,
    /// Also give every panelist this background, including those without a default one.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub set_default_for_all_panelists: Option<bool>,
}

#[tool_router(router = update_branding_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Change a session branding name tag's name, colours (hex) or default status. Only the
    /// fields given change.
    #[tool(
        name = "update_branding_name_tag",
        title = "Update branding name tag",
        annotations(
            title = "Update branding name tag",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn update_branding_name_tag(
        &self,
        Parameters(params): Parameters<UpdateNameTagParams>,
    ) -> Result<Json<BrandingChange>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let name_tag_id = check_zoom_id("name_tag_id", &params.name_tag_id)?;
        let body = name_tag_body(&params)?;
        let changed: Vec<&str> = body.keys().map(String::as_str).collect();
        let changed = changed.join(", ");
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("branding")
            .literal("name_tags")
            .value("name_tag_id", &name_tag_id)?;
        self.state
            .zoom
            .send(
                Method::PATCH,
                &path,
                &Vec::new(),
                Some(&Value::Object(body)),
            )
            .await?;
        tracing::info!(tool = "update_branding_name_tag", webinar_id, name_tag_id = %name_tag_id, "name tag updated");
        Ok(Json(BrandingChange {
            webinar_id,
            message: format!("Updated name tag {name_tag_id} of webinar {webinar_id}: {changed}."),
        }))
    }

    /// Make an uploaded virtual background the webinar's default, and optionally every
    /// panelist's. Takes the file id from get_webinar_branding.
    #[tool(
        name = "set_branding_virtual_background",
        title = "Set default virtual background",
        annotations(
            title = "Set default virtual background",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn set_branding_virtual_background(
        &self,
        Parameters(params): Parameters<SetVirtualBackgroundParams>,
    ) -> Result<Json<BrandingChange>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let id = check_zoom_id("id", &params.id)?;
        let mut query: Query = vec![("id", id.clone())];
        if let Some(all) = params.set_default_for_all_panelists {
            query.push(("set_default_for_all_panelists", all.to_string()));
        }
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("branding")
            .literal("virtual_backgrounds");
        // Zoom takes this call's arguments in the query string only.
        self.state
            .zoom
            .send(Method::PATCH, &path, &query, None)
            .await?;
        tracing::info!(tool = "set_branding_virtual_background", webinar_id, file_id = %id, "default virtual background set");
        let panelists = match params.set_default_for_all_panelists {
            Some(true) => " and every panelist's",
            _ => "",
        };
        Ok(Json(BrandingChange {
            webinar_id,
            message: format!(
                "Virtual background {id} is now the default of webinar {webinar_id}{panelists}."
            ),
        }))
    }
}

/// Check the given fields and build the PATCH body.
fn name_tag_body(params: &UpdateNameTagParams) -> Result<Map<String, Value>, ToolError> {
    let mut body = Map::new();
    if let Some(name) = &params.name {
        body.insert(
            "name".into(),
            json!(check_text("name", name, MAX_NAME_TAG_CHARS)?),
        );
    }
    for (field, value) in [
        ("text_color", &params.text_color),
        ("accent_color", &params.accent_color),
        ("background_color", &params.background_color),
    ] {
        if let Some(value) = value {
            body.insert(field.into(), json!(check_hex_color(field, value)?));
        }
    }
    if let Some(is_default) = params.is_default {
        body.insert("is_default".into(), json!(is_default));
    }
    if let Some(all) = params.set_default_for_all_panelists {
        body.insert("set_default_for_all_panelists".into(), json!(all));
    }
    if body.is_empty() {
        return Err(ToolError::invalid(
            "Nothing to update: give name, text_color, accent_color, background_color, is_default or set_default_for_all_panelists.",
        ));
    }
    Ok(body)
}
