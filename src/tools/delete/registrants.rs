//! Delete a registrant.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;

use super::DeleteResult;
use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError};
use crate::tools::common::WebinarId;
use crate::tools::get::registrants::find_by_email;
use crate::tools::get::webinars::check_occurrence_id;
use crate::tools::input::check_email;
use crate::zoom::{ApiPath, Method, Query};

#[derive(Debug, Deserialize, JsonSchema)]
pub struct DeleteRegistrantParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// Registrant id from list_webinar_registrants or find_registrant_by_email. Give this or email.
    #[serde(default)]
    #[schemars(with = "String")]
    pub registrant_id: Option<String>,
    /// Registrant's email, looked up when registrant_id is not given.
    #[serde(default)]
    #[schemars(with = "String")]
    pub email: Option<String>,
    /// Occurrence id, for webinars that register per occurrence.
    #[serde(
        default,
        deserialize_with = "crate::tools::common::optional_string_or_number"
    )]
    #[schemars(with = "String")]
    pub occurrence_id: Option<String>,
}

#[tool_router(router = delete_registrants_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Delete a webinar registrant by registrant id or email. Their join link stops working; they
    /// may register again. To keep the record but revoke approval, use
    /// update_webinar_registrant_status with action cancel instead.
    #[tool(
        name = "delete_webinar_registrant",
        title = "Delete registrant",
        annotations(
            title = "Delete registrant",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn delete_webinar_registrant(
        &self,
        Parameters(params): Parameters<DeleteRegistrantParams>,
    ) -> Result<Json<DeleteResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let occurrence_id = check_occurrence_id(&params.occurrence_id)?;
        let registrant_id = params
            .registrant_id
            .as_deref()
            .map(str::trim)
            .filter(|id| !id.is_empty());
        let email = params
            .email
            .as_deref()
            .map(str::trim)
            .filter(|email| !email.is_empty());
        let (registrant_id, label) = match (registrant_id, email) {
            (Some(id), _) => (id.to_string(), format!("registrant {id}")),
            (None, Some(email)) => {
                check_email("email", email)?;
                let found =
                    find_by_email(&self.state, webinar_id, email, occurrence_id.as_deref()).await?;
                let Some(id) = found.first().and_then(|row| row.id.clone()) else {
                    return Err(ToolError::invalid(format!(
                        "No registrant with email {email} in webinar {webinar_id}; nothing was deleted."
                    )));
                };
                (id, format!("registrant {email}"))
            }
            (None, None) => {
                return Err(ToolError::invalid(
                    "Give registrant_id or email of the registrant to delete (find_registrant_by_email looks up the id).",
                ));
            }
        };
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("registrants")
            .value("registrant_id", &registrant_id)?;
        let mut query: Query = Vec::new();
        if let Some(occurrence_id) = &occurrence_id {
            query.push(("occurrence_id", occurrence_id.clone()));
        }
        self.state
            .zoom
            .send(Method::DELETE, &path, &query, None)
            .await?;
        tracing::info!(
            tool = "delete_webinar_registrant",
            webinar_id,
            "registrant deleted"
        );
        Ok(Json(DeleteResult {
            webinar_id,
            deleted: true,
            message: format!("Deleted {label} from webinar {webinar_id}."),
        }))
    }
}
