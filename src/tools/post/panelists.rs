//! Add panelists.

use std::collections::HashSet;

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::tools::common::WebinarId;
use crate::tools::get::panelists::fetch_panelists;
use crate::tools::input::check_email;
use crate::tools::views::people::PanelistRow;
use crate::zoom::{ApiPath, Method};

/// Zoom's maximum panelists per add call.
pub const MAX_PANELISTS_PER_CALL: usize = 30;
/// Maximum panelist name length, in characters.
const MAX_NAME_CHARS: usize = 64;

#[derive(Debug, Deserialize, JsonSchema)]
pub struct PanelistInput {
    /// Full name shown in the webinar.
    pub name: String,
    /// Email the invitation goes to.
    pub email: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct AddPanelistsParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// Panelists to add, 1 to 30 per call (Zoom's limit).
    pub panelists: Vec<PanelistInput>,
}

/// Panelists added.
#[derive(Debug, Serialize, JsonSchema)]
pub struct AddedPanelists {
    pub webinar_id: u64,
    /// The added panelists with their personal join links.
    pub added: Vec<PanelistRow>,
    pub total_panelists: u64,
    pub message: String,
}

impl ToolOutput for AddedPanelists {
    fn summary(&self) -> String {
        let mut text = self.message.clone();
        for row in &self.added {
            text.push_str(&format!("\n- {} <{}>", row.name, row.email));
        }
        text
    }
}

#[tool_router(router = create_panelists_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Add up to 30 panelists (name and email) to a webinar. Zoom emails each one an invitation
    /// with a personal join link, which the result also returns.
    #[tool(
        name = "add_panelists",
        title = "Add panelists",
        annotations(
            title = "Add panelists",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn add_panelists(
        &self,
        Parameters(params): Parameters<AddPanelistsParams>,
    ) -> Result<Json<AddedPanelists>, ToolError> {
        let webinar_id = params.webinar_id.0;
        if params.panelists.is_empty() {
            return Err(ToolError::invalid(
                "panelists is empty. Give at least one panelist with name and email.",
            ));
        }
        if params.panelists.len() > MAX_PANELISTS_PER_CALL {
            return Err(ToolError::invalid(format!(
                "{} panelists given; Zoom adds at most {MAX_PANELISTS_PER_CALL} per call. Split them into groups of {MAX_PANELISTS_PER_CALL}.",
                params.panelists.len()
            )));
        }
        let mut seen = HashSet::new();
        let mut entries = Vec::new();
        for (index, panelist) in params.panelists.iter().enumerate() {
            let name = panelist.name.trim();
            if name.is_empty()
                || name.chars().count() > MAX_NAME_CHARS
                || name.chars().any(char::is_control)
            {
                return Err(ToolError::invalid(format!(
                    "panelists[{index}].name must be 1 to {MAX_NAME_CHARS} characters without control characters."
                )));
            }
            check_email(&format!("panelists[{index}].email"), &panelist.email)?;
            let email = panelist.email.trim().to_string();
            if !seen.insert(email.to_lowercase()) {
                return Err(ToolError::invalid(format!(
                    "panelists[{index}].email {email} appears twice. Give each panelist once."
                )));
            }
            entries.push(json!({ "name": name, "email": email }));
        }

        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("panelists");
        self.state
            .zoom
            .send(
                Method::POST,
                &path,
                &Vec::new(),
                Some(&json!({ "panelists": entries })),
            )
            .await?;
        tracing::info!(
            tool = "add_panelists",
            webinar_id,
            count = entries.len(),
            "panelists added"
        );

        let list = fetch_panelists(&self.state, webinar_id).await?;
        let added: Vec<PanelistRow> = list
            .panelists
            .into_iter()
            .filter(|row| seen.contains(&row.email.to_lowercase()))
            .collect();
        Ok(Json(AddedPanelists {
            webinar_id,
            message: format!(
                "Added {} panelist(s) to webinar {webinar_id}; Zoom emails each an invitation. The webinar now has {} panelists.",
                entries.len(),
                list.total_records
            ),
            added,
            total_panelists: list.total_records,
        }))
    }
}
