//! Advanced reads: webinar templates, and the join and closed caption
//! tokens that let other software join a webinar.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::panelists::WebinarIdParams;
use super::webinars::default_me;
use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::time::{TimeDisplay, display_time};
use crate::tools::common::WebinarId;
use crate::zoom::{ApiPath, Query};

#[derive(Debug, Deserialize, JsonSchema)]
pub struct ListTemplatesParams {
    /// User whose templates to list: user id, email, or `me` (default) for the account owner.
    #[serde(default = "default_me")]
    pub user_id: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct WebinarTemplate {
    pub id: String,
    #[serde(default)]
    pub name: String,
    /// 1 for the user's own template, 2 for one an admin set for the account.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub template_type: Option<i64>,
}

#[derive(Debug, Deserialize)]
struct ZoomTemplateList {
    #[serde(default)]
    templates: Vec<WebinarTemplate>,
    #[serde(default)]
    total_records: Option<u64>,
}

/// A user's webinar templates.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TemplateList {
    pub user_id: String,
    pub templates: Vec<WebinarTemplate>,
    pub total_records: u64,
}

impl ToolOutput for TemplateList {
    fn summary(&self) -> String {
        if self.templates.is_empty() {
            return format!("User {} has no webinar templates.", self.user_id);
        }
        let mut text = format!(
            "User {} has {} webinar templates:",
            self.user_id, self.total_records
        );
        for template in &self.templates {
            let admin = if template.template_type == Some(2) {
                ", set by an admin"
            } else {
                ""
            };
            text.push_str(&format!(
                "\n- {} (id {}{admin})",
                template.name, template.id
            ));
        }
        text
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JoinTokenType {
    /// Lets a Meeting SDK app join and live stream the webinar.
    LiveStreaming,
    /// Lets a Meeting SDK app join and archive the webinar's raw audio and video.
    LocalArchiving,
    /// Lets a Meeting SDK app join and record the webinar locally.
    LocalRecording,
}

impl JoinTokenType {
    fn segment(self) -> &'static str {
        match self {
            JoinTokenType::LiveStreaming => "live_streaming",
            JoinTokenType::LocalArchiving => "local_archiving",
            JoinTokenType::LocalRecording => "local_recording",
        }
    }

    fn purpose(self) -> &'static str {
        match self {
            JoinTokenType::LiveStreaming => "live streaming",
            JoinTokenType::LocalArchiving => "local archiving",
            JoinTokenType::LocalRecording => "local recording",
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct JoinTokenParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// live_streaming, local_archiving or local_recording.
    #[serde(rename = "type")]
    pub token_type: JoinTokenType,
}

#[derive(Debug, Deserialize)]
struct ZoomJoinToken {
    #[serde(default)]
    token: String,
    #[serde(default)]
    expire_in: Option<i64>,
}

/// A join token. The token is a credential.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JoinToken {
    pub webinar_id: u64,
    /// live_streaming, local_archiving or local_recording.
    #[serde(rename = "type")]
    pub token_type: JoinTokenType,
    /// The token, for the Meeting SDK app only. Do not show, store or log it.
    pub token: String,
    /// Seconds the token stays valid (Zoom gives 120).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expire_in: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<TimeDisplay>,
}

impl ToolOutput for JoinToken {
    fn summary(&self) -> String {
        let validity = match (&self.expire_in, &self.expires_at) {
            (Some(seconds), Some(at)) => {
                format!(
                    ", valid for {seconds} seconds (until {})",
                    crate::tools::views::describe_time(at)
                )
            }
            (Some(seconds), None) => format!(", valid for {seconds} seconds"),
            _ => String::new(),
        };
        format!(
            "Got a {} join token for webinar {}{validity}. The token is a credential: it is in the structured result's `token` field; pass it only to the Meeting SDK app that needs it, and do not repeat it in chat.",
            self.token_type.purpose(),
            self.webinar_id
        )
    }
}

#[derive(Debug, Deserialize)]
struct ZoomCaptionToken {
    #[serde(default)]
    token: String,
}

/// A closed caption token. The token is a credential.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CaptionToken {
    pub webinar_id: u64,
    /// The caption URL that a captioning service posts captions to. Do not show, store or log it.
    pub token: String,
}

impl ToolOutput for CaptionToken {
    fn summary(&self) -> String {
        format!(
            "Got the closed caption token (caption URL) of webinar {}. It is a credential: anyone holding it can post captions into the webinar. It is in the structured result's `token` field; pass it only to the captioning service, and do not repeat it in chat.",
            self.webinar_id
        )
    }
}

#[tool_router(router = advanced_router, vis = "pub(crate)")]
impl ZoomServer {
    /// List a user's webinar templates: id, name and whether an admin set it for the account.
    /// Templates hold a webinar's settings for scheduling similar webinars.
    #[tool(
        name = "list_webinar_templates",
        title = "List webinar templates",
        annotations(
            title = "List webinar templates",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn list_webinar_templates(
        &self,
        Parameters(params): Parameters<ListTemplatesParams>,
    ) -> Result<Json<TemplateList>, ToolError> {
        let user_id = params.user_id.trim().to_string();
        let path = ApiPath::new()
            .literal("users")
            .value("user_id", &user_id)?
            .literal("webinar_templates");
        let list: ZoomTemplateList = self.state.zoom.get(&path, &Vec::new()).await?;
        Ok(Json(TemplateList {
            user_id,
            total_records: list.total_records.unwrap_or(list.templates.len() as u64),
            templates: list.templates,
        }))
    }

    /// Get a short-lived token (120 seconds) that lets a Zoom Meeting SDK app join a webinar to
    /// live stream, archive or record it locally. SENSITIVE: the token is a credential; hand it
    /// only to that app and never show it in chat. Needs the matching feature on in Zoom.
    #[tool(
        name = "get_webinar_join_token",
        title = "Get webinar join token",
        annotations(
            title = "Get webinar join token",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn get_webinar_join_token(
        &self,
        Parameters(params): Parameters<JoinTokenParams>,
    ) -> Result<Json<JoinToken>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("jointoken")
            .literal(params.token_type.segment());
        let token: ZoomJoinToken = self.state.zoom.get(&path, &Vec::new()).await?;
        let expires_at = token.expire_in.map(|seconds| {
            display_time(
                chrono::Utc::now() + chrono::Duration::seconds(seconds),
                self.state.time_zone(),
            )
        });
        Ok(Json(JoinToken {
            webinar_id,
            token_type: params.token_type,
            token: token.token,
            expire_in: token.expire_in,
            expires_at,
        }))
    }

    /// Get a webinar's closed caption token: the caption URL that a third-party captioning
    /// service uses to post captions into the live webinar. SENSITIVE: the token is a
    /// credential; hand it only to the captioning service and never show it in chat. Needs
    /// closed captioning and the caption API token setting on in Zoom.
    #[tool(
        name = "get_closed_caption_token",
        title = "Get closed caption token",
        annotations(
            title = "Get closed caption token",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn get_closed_caption_token(
        &self,
        Parameters(params): Parameters<WebinarIdParams>,
    ) -> Result<Json<CaptionToken>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("token");
        let query: Query = vec![("type", "closed_caption_token".to_string())];
        let token: ZoomCaptionToken = self.state.zoom.get(&path, &query).await?;
        Ok(Json(CaptionToken {
            webinar_id,
            token: token.token,
        }))
    }
}
