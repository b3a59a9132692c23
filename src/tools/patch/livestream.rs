//! Set a webinar's custom live stream, and start or stop it.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::tools::common::WebinarId;
use crate::tools::get::livestream::mask_secret;
use crate::tools::limits::{check_text, check_url};
use crate::zoom::{ApiPath, Method, ZoomError};

/// Zoom's limits for live stream settings, from Zoom's OpenAPI spec.
const MAX_URL_CHARS: usize = 1024;
const MAX_STREAM_KEY_CHARS: usize = 512;
const MAX_DISPLAY_NAME_CHARS: usize = 50;
/// URL schemes accepted for the ingest URL: RTMP services, and the https
/// form Zoom's spec shows.
const STREAM_URL_SCHEMES: &[&str] = &["rtmp", "rtmps", "https", "http"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum Resolution {
    #[serde(rename = "720p")]
    P720,
    #[serde(rename = "1080p")]
    P1080,
}

impl Resolution {
    fn zoom_value(self) -> &'static str {
        match self {
            Resolution::P720 => "720p",
            Resolution::P1080 => "1080p",
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct UpdateLivestreamParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// The streaming service's ingest URL, such as rtmp://live.example.com/app; at most 1024
    /// characters.
    pub stream_url: String,
    /// The stream key from the streaming service, at most 512 characters. It is a credential:
    /// it is sent to Zoom and never logged.
    pub stream_key: String,
    /// The https page where viewers watch the stream, at most 1024 characters.
    pub page_url: String,
    /// 720p or 1080p; required by Zoom when the host has 1080p streaming on.
    #[serde(default)]
    #[schemars(with = "Resolution")]
    pub resolution: Option<Resolution>,
}

/// The live stream settings sent to Zoom.
#[derive(Debug, Serialize, JsonSchema)]
pub struct LivestreamUpdated {
    pub webinar_id: u64,
    pub stream_url: String,
    pub page_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
    /// The stream key, masked: only its last characters.
    pub stream_key: String,
    pub message: String,
}

impl ToolOutput for LivestreamUpdated {
    fn summary(&self) -> String {
        format!(
            "{} Stream URL {}, viewer page {}, resolution {}, stream key {}.",
            self.message,
            self.stream_url,
            self.page_url,
            self.resolution.as_deref().unwrap_or("not set"),
            self.stream_key
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LivestreamAction {
    /// Start streaming the live webinar to the configured service.
    Start,
    /// Stop a running live stream.
    Stop,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct LivestreamSettingsInput {
    /// Show the active speaker's name on the stream.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub active_speaker_name: Option<bool>,
    /// The stream's display name, 1 to 50 characters.
    #[serde(default)]
    #[schemars(with = "String")]
    pub display_name: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct LivestreamStatusParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// start or stop.
    pub action: LivestreamAction,
    /// Stream settings. Zoom's docs say only a stopped stream's settings can change, so send
    /// them with start.
    #[serde(default)]
    #[schemars(with = "LivestreamSettingsInput")]
    pub settings: Option<LivestreamSettingsInput>,
}

/// The outcome of a start or stop.
#[derive(Debug, Serialize, JsonSchema)]
pub struct LivestreamStatusResult {
    pub webinar_id: u64,
    /// start or stop.
    pub action: LivestreamAction,
    pub message: String,
}

impl ToolOutput for LivestreamStatusResult {
    fn summary(&self) -> String {
        self.message.clone()
    }
}

#[tool_router(router = update_livestream_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Set a webinar's custom live stream: the service's ingest URL, the stream key and the
    /// viewer page URL (all three required), and optionally the resolution. Replaces the
    /// current settings. The stream key is a credential and is never logged.
    #[tool(
        name = "update_webinar_livestream",
        title = "Update webinar live stream",
        annotations(
            title = "Update webinar live stream",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn update_webinar_livestream(
        &self,
        Parameters(params): Parameters<UpdateLivestreamParams>,
    ) -> Result<Json<LivestreamUpdated>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let stream_url = check_url(
            "stream_url",
            &params.stream_url,
            MAX_URL_CHARS,
            STREAM_URL_SCHEMES,
        )?;
        let page_url = check_url(
            "page_url",
            &params.page_url,
            MAX_URL_CHARS,
            &["https", "http"],
        )?;
        let stream_key = check_stream_key(&params.stream_key)?;
        let mut body = json!({
            "stream_url": stream_url,
            "stream_key": stream_key,
            "page_url": page_url,
        });
        if let Some(resolution) = params.resolution {
            body["resolution"] = json!(resolution.zoom_value());
        }
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("livestream");
        self.state
            .zoom
            .send(Method::PATCH, &path, &Vec::new(), Some(&body))
            .await?;
        tracing::info!(
            tool = "update_webinar_livestream",
            webinar_id,
            "live stream settings updated"
        );
        Ok(Json(LivestreamUpdated {
            webinar_id,
            stream_url,
            page_url,
            resolution: params
                .resolution
                .map(|resolution| resolution.zoom_value().to_string()),
            stream_key: mask_secret(&stream_key),
            message: format!("Set the live stream of webinar {webinar_id}."),
        }))
    }

    /// Start or stop streaming a live webinar to its custom live stream service. The webinar must
    /// be in progress and have a live stream set (update_webinar_livestream). Viewers of the
    /// stream lose it when it stops.
    #[tool(
        name = "update_webinar_livestream_status",
        title = "Start or stop webinar live stream",
        annotations(
            title = "Start or stop webinar live stream",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn update_webinar_livestream_status(
        &self,
        Parameters(params): Parameters<LivestreamStatusParams>,
    ) -> Result<Json<LivestreamStatusResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let action = match params.action {
            LivestreamAction::Start => "start",
            LivestreamAction::Stop => "stop",
        };
        let mut body = json!({ "action": action });
        if let Some(settings) = &params.settings {
            let settings = settings_body(settings)?;
            if !settings.is_empty() {
                body["settings"] = Value::Object(settings);
            }
        }
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("livestream")
            .literal("status");
        self.state
            .zoom
            .send(Method::PATCH, &path, &Vec::new(), Some(&body))
            .await
            .map_err(status_error)?;
        tracing::info!(
            tool = "update_webinar_livestream_status",
            webinar_id,
            action,
            "live stream status changed"
        );
        let message = match params.action {
            LivestreamAction::Start => format!("Started the live stream of webinar {webinar_id}."),
            LivestreamAction::Stop => format!("Stopped the live stream of webinar {webinar_id}."),
        };
        Ok(Json(LivestreamStatusResult {
            webinar_id,
            action: params.action,
            message,
        }))
    }
}

/// Check a stream key: 1 to 512 characters, no spaces or control
/// characters. The value never appears in the error.
fn check_stream_key(key: &str) -> Result<String, ToolError> {
    let key = key.trim();
    let chars = key.chars().count();
    if chars == 0 || chars > MAX_STREAM_KEY_CHARS {
        return Err(ToolError::invalid(format!(
            "stream_key is {chars} characters long; Zoom takes 1 to {MAX_STREAM_KEY_CHARS}. Copy the key from the streaming service."
        )));
    }
    if key.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(ToolError::invalid(
            "stream_key contains spaces or control characters. Copy the key from the streaming service exactly.",
        ));
    }
    Ok(key.to_string())
}

fn settings_body(settings: &LivestreamSettingsInput) -> Result<Map<String, Value>, ToolError> {
    let mut body = Map::new();
    if let Some(show) = settings.active_speaker_name {
        body.insert("active_speaker_name".into(), json!(show));
    }
    if let Some(name) = &settings.display_name {
        let name = check_text("settings.display_name", name, MAX_DISPLAY_NAME_CHARS)?;
        body.insert("display_name".into(), json!(name));
    }
    Ok(body)
}

/// Add what to do for the two failures Zoom documents for this call.
fn status_error(error: ZoomError) -> ToolError {
    let text = error.to_string();
    let lower = text.to_lowercase();
    let hint = if lower.contains("has not started") {
        Some("The webinar is not live: start it in the Zoom client, then call this tool again.")
    } else if lower.contains("not configured with a custom streaming service") {
        Some("Set the stream first with update_webinar_livestream.")
    } else {
        None
    };
    match hint {
        Some(hint) => ToolError(format!("{text}\n{hint}")),
        None => ToolError(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stream_key_error_hides_the_key() {
        let error = check_stream_key("secret key").unwrap_err();
        assert!(!error.0.contains("secret"), "{error}");
    }

    #[test]
    fn stream_key_length_limit() {
        assert!(check_stream_key(&"k".repeat(512)).is_ok());
        assert!(check_stream_key(&"k".repeat(513)).is_err());
        assert!(check_stream_key("").is_err());
    }

    #[test]
    fn display_name_limit() {
        let settings = LivestreamSettingsInput {
            active_speaker_name: Some(true),
            display_name: Some("x".repeat(51)),
        };
        assert!(settings_body(&settings).is_err());
    }
}
