//! Session branding: Zoom's branding object (wallpaper, virtual
//! backgrounds, name tags) and the results of branding writes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::server::output::ToolOutput;

/// Zoom's limit of name tags per webinar.
pub const MAX_NAME_TAGS: usize = 20;
/// Zoom's limit of virtual background files per webinar.
pub const MAX_VIRTUAL_BACKGROUNDS: usize = 10;

/// Zoom's `GET /webinars/{webinarId}/branding` response.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Branding {
    /// The wallpaper behind video tiles; a webinar has at most one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wallpaper: Option<Wallpaper>,
    #[serde(default)]
    pub virtual_backgrounds: Vec<VirtualBackground>,
    #[serde(default)]
    pub name_tags: Vec<NameTag>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Wallpaper {
    #[serde(default)]
    pub id: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct VirtualBackground {
    #[serde(default)]
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whether hosts and panelists get this background by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct NameTag {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub name: String,
    /// Hex colour, such as 0e72ed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_color: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent_color: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background_color: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
}

impl NameTag {
    pub fn line(&self) -> String {
        let color = |value: &Option<String>| value.clone().unwrap_or_else(|| "?".to_string());
        format!(
            "{} (id {}, text #{}, accent #{}, background #{}{})",
            self.name,
            self.id,
            color(&self.text_color),
            color(&self.accent_color),
            color(&self.background_color),
            if self.is_default == Some(true) {
                ", default"
            } else {
                ""
            }
        )
    }
}

/// The outcome of a branding change for which Zoom returns no body.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BrandingChange {
    pub webinar_id: u64,
    pub message: String,
}

impl ToolOutput for BrandingChange {
    fn summary(&self) -> String {
        self.message.clone()
    }
}
