//! Registrant read tools: list by status, find by email.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::webinars::check_occurrence_id;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::server::{AppState, ZoomServer};
use crate::tools::common::{WebinarId, check_page_token};
use crate::tools::paging::{ListPaging, PAGE_TIME_MARGIN, limits};
use crate::tools::progress::Progress;
use crate::tools::views::people::{RegistrantRow, ZoomRegistrantPage};
use crate::zoom::{ApiPath, Query, ZoomError};
use rmcp::RoleServer;
use rmcp::service::RequestContext;

/// Zoom's maximum page size for registrant lists.
pub const REGISTRANTS_MAX_PAGE_SIZE: u32 = 300;
/// Pages read per status by find_registrant_by_email, bounding one search
/// at 30,000 registrants per status.
const FIND_MAX_PAGES: usize = 100;

/// Registration states Zoom lists, in the order `all` walks them.
pub(crate) const STATUSES: [&str; 3] = ["pending", "approved", "denied"];

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RegistrantStatusFilter {
    /// Every registrant: pending, then approved, then denied (default).
    #[default]
    All,
    Pending,
    Approved,
    Denied,
}

impl RegistrantStatusFilter {
    /// Returns the statuses to list, in the order they are walked.
    pub fn statuses(self) -> &'static [&'static str] {
        match self {
            RegistrantStatusFilter::All => &STATUSES,
            RegistrantStatusFilter::Pending => &["pending"],
            RegistrantStatusFilter::Approved => &["approved"],
            RegistrantStatusFilter::Denied => &["denied"],
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct ListRegistrantsParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// Which registrants: all (default), pending, approved or denied. Each row shows its status.
    #[serde(default)]
    pub status: RegistrantStatusFilter,
    /// Occurrence id, for webinars that register per occurrence.
    #[serde(
        default,
        deserialize_with = "crate::tools::common::optional_string_or_number"
    )]
    #[schemars(with = "String")]
    pub occurrence_id: Option<String>,
    /// Registrants per page, 1 to 300 (Zoom's maximum); default 30.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub page_size: Option<u32>,
    /// next_page_token from the previous result, to continue.
    #[serde(default)]
    #[schemars(with = "String")]
    pub next_page_token: Option<String>,
    /// Rows to return in all, following Zoom's pages: 1 to 500; default one page.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub max_results: Option<u32>,
    /// Include the join link, organisation, job title and question answers of each registrant.
    #[serde(default)]
    pub detail: bool,
}

/// A page of registrants.
#[derive(Debug, Serialize, JsonSchema)]
pub struct RegistrantList {
    pub webinar_id: u64,
    pub status: RegistrantStatusFilter,
    pub registrants: Vec<RegistrantRow>,
    #[serde(flatten)]
    pub paging: ListPaging,
}

impl ToolOutput for RegistrantList {
    fn summary(&self) -> String {
        let mut text = format!(
            "{} registrants of webinar {} on this page",
            self.registrants.len(),
            self.webinar_id
        );
        let mut counts = Vec::new();
        for status in STATUSES {
            let count = self
                .registrants
                .iter()
                .filter(|row| row.status.as_deref() == Some(status))
                .count();
            if count > 0 {
                counts.push(format!("{count} {status}"));
            }
        }
        if !counts.is_empty() {
            text.push_str(&format!(" ({})", counts.join(", ")));
        }
        text.push('.');
        for row in self.registrants.iter().take(20) {
            text.push_str(&format!("\n- {}", row.line()));
        }
        if self.registrants.len() > 20 {
            text.push_str(&format!(
                "\n- … {} more in the structured result",
                self.registrants.len() - 20
            ));
        }
        text.push_str(&self.paging.summary_suffix());
        text
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct FindRegistrantParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// Email address to look for (case-insensitive).
    pub email: String,
    /// Occurrence id, for webinars that register per occurrence.
    #[serde(
        default,
        deserialize_with = "crate::tools::common::optional_string_or_number"
    )]
    #[schemars(with = "String")]
    pub occurrence_id: Option<String>,
}

/// Registrants found for an email.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FoundRegistrants {
    pub webinar_id: u64,
    pub email: String,
    pub found: bool,
    /// Matching registrations, with their status (normally one).
    pub registrants: Vec<RegistrantRow>,
}

impl ToolOutput for FoundRegistrants {
    fn summary(&self) -> String {
        if !self.found {
            return format!(
                "No registrant with email {} in webinar {} (searched pending, approved and denied).",
                self.email, self.webinar_id
            );
        }
        let mut text = format!(
            "Found {} registration(s) for {}:",
            self.registrants.len(),
            self.email
        );
        for row in &self.registrants {
            text.push_str(&format!("\n- {}", row.line()));
        }
        text
    }
}

#[tool_router(router = registrants_router, vis = "pub(crate)")]
impl ZoomServer {
    /// List a webinar's registrants with their status (pending, approved or denied; default all),
    /// email, name, registration time and join URL. Registration must be on for the webinar.
    #[tool(
        name = "list_webinar_registrants",
        title = "List registrants",
        annotations(
            title = "List registrants",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn list_webinar_registrants(
        &self,
        Parameters(params): Parameters<ListRegistrantsParams>,
        context: RequestContext<RoleServer>,
    ) -> Result<Json<RegistrantList>, ToolError> {
        let limits = limits(
            params.page_size,
            params.max_results,
            REGISTRANTS_MAX_PAGE_SIZE,
        );
        let occurrence_id = check_occurrence_id(&params.occurrence_id)?;
        let cursor = Cursor::parse(params.status, check_page_token(&params.next_page_token)?)?;
        let time_zone = self.state.time_zone();
        let mut progress = Progress::new(&context);

        let mut rows = Vec::new();
        let mut status_index = cursor.status_index;
        let mut zoom_token = cursor.zoom_token;
        let statuses = params.status.statuses();
        let mut cancelled = false;
        let mut stopped_for_deadline = false;
        // Gather up to max_results rows, moving on to the next status when
        // one runs out, so `all` reads like one list with one cursor.
        let next = loop {
            let out_of_time =
                !rows.is_empty() && !crate::zoom::deadline::has_time_for(PAGE_TIME_MARGIN);
            if progress.is_cancelled() || out_of_time {
                cancelled = !out_of_time;
                stopped_for_deadline = out_of_time;
                break Some(
                    Cursor {
                        status_index,
                        zoom_token,
                    }
                    .encode(params.status),
                );
            }
            let status = statuses[status_index];
            let wanted =
                (limits.max_results - rows.len()).min(limits.page_size.value as usize) as u32;
            let page: ZoomRegistrantPage = fetch_registrant_page(
                &self.state,
                params.webinar_id.0,
                status,
                occurrence_id.as_deref(),
                wanted,
                zoom_token.as_deref(),
            )
            .await?;
            rows.extend(page.registrants.into_iter().map(|registrant| {
                RegistrantRow::from_zoom(registrant, Some(status), time_zone, params.detail)
            }));
            zoom_token = page.next_page_token.filter(|token| !token.is_empty());
            if zoom_token.is_none() {
                status_index += 1;
            }
            progress
                .advance(None, format!("{} registrants read", rows.len()))
                .await;
            if status_index >= statuses.len() {
                break None;
            }
            if rows.len() >= limits.max_results {
                break Some(
                    Cursor {
                        status_index,
                        zoom_token,
                    }
                    .encode(params.status),
                );
            }
        };

        let mut notes = limits.notes;
        if stopped_for_deadline {
            notes.push(
                "Stopped early to return before the tool deadline; continue with next_page_token."
                    .to_string(),
            );
        }
        if cancelled {
            notes.push(
                "The client cancelled the call; these are the rows read before that.".to_string(),
            );
        }
        Ok(Json(RegistrantList {
            webinar_id: params.webinar_id.0,
            status: params.status,
            paging: ListPaging {
                returned: rows.len(),
                page_size: limits.page_size.value,
                total_records: None,
                has_more: next.is_some(),
                next_page_token: next,
                notes,
            },
            registrants: rows,
        }))
    }

    /// Find a webinar registrant by email across pending, approved and denied registrants,
    /// returning the registrant id and status (needed to approve, deny, cancel or delete).
    #[tool(
        name = "find_registrant_by_email",
        title = "Find registrant by email",
        annotations(
            title = "Find registrant by email",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn find_registrant_by_email(
        &self,
        Parameters(params): Parameters<FindRegistrantParams>,
    ) -> Result<Json<FoundRegistrants>, ToolError> {
        let email = params.email.trim().to_string();
        if email.is_empty() || !email.contains('@') || email.len() > 128 {
            return Err(ToolError::invalid(format!(
                "email {:?} is not an email address (name@example.com, at most 128 characters).",
                email.chars().take(60).collect::<String>()
            )));
        }
        let occurrence_id = check_occurrence_id(&params.occurrence_id)?;
        let registrants = find_by_email(
            &self.state,
            params.webinar_id.0,
            &email,
            occurrence_id.as_deref(),
        )
        .await?;
        Ok(Json(FoundRegistrants {
            webinar_id: params.webinar_id.0,
            found: !registrants.is_empty(),
            email,
            registrants,
        }))
    }
}

/// Find every registration of `email` in a webinar, across all statuses.
pub async fn find_by_email(
    state: &AppState,
    webinar_id: u64,
    email: &str,
    occurrence_id: Option<&str>,
) -> Result<Vec<RegistrantRow>, ZoomError> {
    let time_zone = state.time_zone();
    let mut found = Vec::new();
    for status in STATUSES {
        let mut token: Option<String> = None;
        for _ in 0..FIND_MAX_PAGES {
            let page: ZoomRegistrantPage = fetch_registrant_page(
                state,
                webinar_id,
                status,
                occurrence_id,
                REGISTRANTS_MAX_PAGE_SIZE,
                token.as_deref(),
            )
            .await?;
            found.extend(
                page.registrants
                    .into_iter()
                    .filter(|registrant| registrant.email.eq_ignore_ascii_case(email))
                    .map(|registrant| {
                        RegistrantRow::from_zoom(registrant, Some(status), time_zone, true)
                    }),
            );
            token = page.next_page_token.filter(|token| !token.is_empty());
            if token.is_none() {
                break;
            }
        }
    }
    Ok(found)
}

/// GET one page of a webinar's registrants with one status, decoded as `T`.
pub(crate) async fn fetch_registrant_page<T: DeserializeOwned>(
    state: &AppState,
    webinar_id: u64,
    status: &str,
    occurrence_id: Option<&str>,
    page_size: u32,
    next_page_token: Option<&str>,
) -> Result<T, ZoomError> {
    let path = ApiPath::new()
        .literal("webinars")
        .number(webinar_id)
        .literal("registrants");
    let mut query: Query = vec![
        ("status", status.to_string()),
        ("page_size", page_size.to_string()),
    ];
    if let Some(occurrence_id) = occurrence_id {
        query.push(("occurrence_id", occurrence_id.to_string()));
    }
    if let Some(token) = next_page_token {
        query.push(("next_page_token", token.to_string()));
    }
    state.zoom.get(&path, &query).await
}

/// Position in a registrant listing: which status is being read and
/// Zoom's token within it. Encoded as `<status>:<zoom token>` for `all`,
/// and as Zoom's own token for a single status.
struct Cursor {
    status_index: usize,
    zoom_token: Option<String>,
}

impl Cursor {
    fn parse(filter: RegistrantStatusFilter, token: Option<String>) -> Result<Cursor, ToolError> {
        let Some(token) = token else {
            return Ok(Cursor {
                status_index: 0,
                zoom_token: None,
            });
        };
        if filter != RegistrantStatusFilter::All {
            return Ok(Cursor {
                status_index: 0,
                zoom_token: Some(token),
            });
        }
        let (status, zoom_token) = token.split_once(':').ok_or_else(|| {
            ToolError::invalid("next_page_token is not one this tool returned for status all. Pass the token from the previous result unchanged, with the same status.")
        })?;
        let status_index = STATUSES.iter().position(|known| *known == status).ok_or_else(|| {
            ToolError::invalid("next_page_token is not one this tool returned for status all. Pass the token from the previous result unchanged, with the same status.")
        })?;
        Ok(Cursor {
            status_index,
            zoom_token: (!zoom_token.is_empty()).then(|| zoom_token.to_string()),
        })
    }

    fn encode(&self, filter: RegistrantStatusFilter) -> String {
        match filter {
            RegistrantStatusFilter::All => format!(
                "{}:{}",
                STATUSES[self.status_index],
                self.zoom_token.as_deref().unwrap_or("")
            ),
            _ => self.zoom_token.clone().unwrap_or_default(),
        }
    }
}
