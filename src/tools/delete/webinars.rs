//! Delete a webinar or one occurrence.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;

use super::DeleteResult;
use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError};
use crate::tools::common::WebinarId;
use crate::tools::get::webinars::{check_occurrence_id, fetch_webinar};
use crate::zoom::{ApiPath, Method, Query};

#[derive(Debug, Deserialize, JsonSchema)]
pub struct DeleteWebinarParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// Delete only this occurrence of a recurring webinar (from get_webinar's occurrences).
    #[serde(
        default,
        deserialize_with = "crate::tools::common::optional_string_or_number"
    )]
    #[schemars(with = "String")]
    pub occurrence_id: Option<String>,
    /// Email registrants and panelists that the webinar is cancelled (default false).
    #[serde(default)]
    pub send_cancellation_email: bool,
}

#[tool_router(router = delete_webinars_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Delete a webinar, or one occurrence of a recurring webinar, optionally emailing registrants
    /// and panelists a cancellation. This cannot be undone: the webinar, its registrants and
    /// links are gone.
    #[tool(
        name = "delete_webinar",
        title = "Delete webinar",
        annotations(
            title = "Delete webinar",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn delete_webinar(
        &self,
        Parameters(params): Parameters<DeleteWebinarParams>,
    ) -> Result<Json<DeleteResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let occurrence_id = check_occurrence_id(&params.occurrence_id)?;
        let outcome = delete_webinar_or_occurrence(
            self,
            webinar_id,
            occurrence_id,
            params.send_cancellation_email,
        )
        .await?;
        Ok(Json(outcome))
    }
}

/// Delete a webinar or an occurrence, after reading it so the result can
/// name what was deleted and an unknown occurrence is reported as such.
pub async fn delete_webinar_or_occurrence(
    server: &ZoomServer,
    webinar_id: u64,
    occurrence_id: Option<String>,
    send_cancellation_email: bool,
) -> Result<DeleteResult, ToolError> {
    let state = &server.state;
    let webinar = fetch_webinar(state, webinar_id, &Vec::new()).await?;
    let topic = webinar.topic.clone().unwrap_or_default();
    if let Some(occurrence_id) = &occurrence_id {
        let known = webinar
            .occurrences
            .iter()
            .any(|occurrence| &occurrence.occurrence_id == occurrence_id);
        if !known {
            return Err(ToolError::invalid(format!(
                "occurrence_id {occurrence_id} is not an occurrence of webinar {webinar_id} ({topic}). get_webinar lists its occurrences."
            )));
        }
    }

    let path = ApiPath::new().literal("webinars").number(webinar_id);
    let mut query: Query = vec![(
        "cancel_webinar_reminder",
        send_cancellation_email.to_string(),
    )];
    if let Some(occurrence_id) = &occurrence_id {
        query.push(("occurrence_id", occurrence_id.clone()));
    }
    state.zoom.send(Method::DELETE, &path, &query, None).await?;
    tracing::info!(
        tool = "delete_webinar",
        webinar_id,
        occurrence_id = occurrence_id.as_deref(),
        send_cancellation_email,
        "webinar deleted"
    );

    let email = if send_cancellation_email {
        " Registrants and panelists were emailed a cancellation."
    } else {
        " No cancellation email was sent."
    };
    let message = match &occurrence_id {
        Some(occurrence_id) => {
            format!("Deleted occurrence {occurrence_id} of webinar {webinar_id} ({topic}).{email}")
        }
        None => format!("Deleted webinar {webinar_id} ({topic}).{email}"),
    };
    Ok(DeleteResult {
        webinar_id,
        deleted: true,
        message,
    })
}
