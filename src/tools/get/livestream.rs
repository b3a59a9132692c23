//! Read a webinar's custom live stream settings.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::panelists::WebinarIdParams;
use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::zoom::ApiPath;

/// Zoom's live stream object for a custom streaming service.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Livestream {
    /// The page where viewers watch the stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_url: Option<String>,
    /// The streaming service's ingest URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream_url: Option<String>,
    /// The stream key: a credential for the streaming service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream_key: Option<String>,
    /// 720p or 1080p.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
}

/// A webinar's live stream settings.
#[derive(Debug, Serialize, JsonSchema)]
pub struct LivestreamResult {
    pub webinar_id: u64,
    pub livestream: Livestream,
}

impl ToolOutput for LivestreamResult {
    fn summary(&self) -> String {
        let stream = &self.livestream;
        let configured = [&stream.page_url, &stream.stream_url, &stream.stream_key]
            .iter()
            .any(|value| value.as_deref().is_some_and(|value| !value.is_empty()));
        if !configured {
            return format!(
                "Webinar {} has no custom live stream set; update_webinar_livestream sets one.",
                self.webinar_id
            );
        }
        let missing = "not set";
        format!(
            "Webinar {} live stream: stream URL {}, viewer page {}, resolution {}, stream key {} (full key in the structured result; treat it as a password).",
            self.webinar_id,
            stream.stream_url.as_deref().unwrap_or(missing),
            stream.page_url.as_deref().unwrap_or(missing),
            stream.resolution.as_deref().unwrap_or(missing),
            stream
                .stream_key
                .as_deref()
                .map(mask_secret)
                .unwrap_or_else(|| missing.to_string())
        )
    }
}

#[tool_router(router = livestream_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Get a webinar's custom live stream settings: stream URL, stream key, viewer page URL and
    /// resolution. The stream key lets anyone broadcast to that stream: show it only to the
    /// webinar's organisers. Needs custom live streaming on for the host.
    #[tool(
        name = "get_webinar_livestream",
        title = "Get webinar live stream",
        annotations(
            title = "Get webinar live stream",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn get_webinar_livestream(
        &self,
        Parameters(params): Parameters<WebinarIdParams>,
    ) -> Result<Json<LivestreamResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("livestream");
        let livestream: Livestream = self.state.zoom.get(&path, &Vec::new()).await?;
        Ok(Json(LivestreamResult {
            webinar_id,
            livestream,
        }))
    }
}

/// Show only the last 4 characters of a secret longer than 8 characters.
pub fn mask_secret(secret: &str) -> String {
    let chars: Vec<char> = secret.chars().collect();
    if chars.len() <= 8 {
        return "set (hidden)".to_string();
    }
    let ending: String = chars[chars.len() - 4..].iter().collect();
    format!("ending in …{ending}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_secret_fully_hidden() {
        assert_eq!(mask_secret("abc"), "set (hidden)");
    }

    #[test]
    fn long_secret_shows_ending() {
        assert_eq!(mask_secret("live_1234567890"), "ending in …7890");
    }
}
