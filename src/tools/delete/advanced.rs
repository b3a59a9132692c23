//! Delete a message from a live webinar's chat.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;

use super::DeleteResult;
use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError};
use crate::tools::common::WebinarId;
use crate::tools::limits::{check_id_list, check_zoom_id};
use crate::zoom::{ApiPath, Method, Query};

/// Most file ids accepted in one call.
// NOTE: Zoom's OpenAPI spec gives no limit for file_ids; 50 keeps the query
// string short and may be below what Zoom accepts.
const MAX_FILE_IDS: usize = 50;

#[derive(Debug, Deserialize, JsonSchema)]
pub struct DeleteChatMessageParams {
    /// Webinar id (a 64-bit number) of a webinar in progress.
    pub webinar_id: WebinarId,
    /// The chat message's id (a base64 UUID), from Zoom's chat message events.
    pub message_id: String,
    /// Ids (base64 UUIDs) of files attached to the message to delete with it, at most 50.
    #[serde(default)]
    pub file_ids: Vec<String>,
}

#[tool_router(router = delete_advanced_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Delete a message, and optionally its files, from the chat of a webinar in progress, for
    /// everyone. Needs data loss prevention (DLP) for in-meeting chat on the account. This
    /// cannot be undone.
    #[tool(
        name = "delete_webinar_chat_message",
        title = "Delete webinar chat message",
        annotations(
            title = "Delete webinar chat message",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn delete_webinar_chat_message(
        &self,
        Parameters(params): Parameters<DeleteChatMessageParams>,
    ) -> Result<Json<DeleteResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let message_id = check_zoom_id("message_id", &params.message_id)?;
        let mut query: Query = Vec::new();
        if !params.file_ids.is_empty() {
            query.push((
                "file_ids",
                check_id_list("file_ids", &params.file_ids, MAX_FILE_IDS)?,
            ));
        }
        let path = ApiPath::new()
            .literal("live_webinars")
            .number(webinar_id)
            .literal("chat")
            .literal("messages")
            .value("message_id", &message_id)?;
        self.state
            .zoom
            .send(Method::DELETE, &path, &query, None)
            .await?;
        tracing::info!(
            tool = "delete_webinar_chat_message",
            webinar_id,
            files = params.file_ids.len(),
            "chat message deleted"
        );
        let files = match params.file_ids.len() {
            0 => String::new(),
            count => format!(" and {count} attached files"),
        };
        Ok(Json(DeleteResult {
            webinar_id,
            deleted: true,
            message: format!(
                "Deleted chat message {message_id}{files} from live webinar {webinar_id}."
            ),
        }))
    }
}
