//! Webinar read tools: list and get.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::server::output::{Json, ToolError, ToolOutput};
use crate::server::{AppState, ZoomServer};
use crate::tools::common::{WebinarId, page_size};
use crate::tools::views::webinar::{WebinarDetail, WebinarRow, ZoomWebinar, ZoomWebinarPage};
use crate::zoom::{ApiPath, Query, ZoomError};

/// Zoom's maximum page size for `GET /users/{userId}/webinars`.
pub const WEBINARS_MAX_PAGE_SIZE: u32 = 300;

#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WebinarListType {
    /// Unexpired webinars: live and upcoming (Zoom's default).
    #[default]
    Scheduled,
    /// Upcoming webinars only.
    Upcoming,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct ListWebinarsParams {
    /// Host whose webinars to list: user id, email, or `me` (default) for the account owner.
    #[serde(default = "default_me")]
    pub user_id: String,
    /// scheduled (default: live and upcoming) or upcoming.
    #[serde(default, rename = "type")]
    pub list_type: WebinarListType,
    /// Webinars per page, 1 to 300 (Zoom's maximum); default 30.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub page_size: Option<u32>,
    /// Page to return, from 1 (default 1). Zoom pages this list by number.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub page_number: Option<u32>,
}

pub fn default_me() -> String {
    "me".to_string()
}

/// A page of webinars.
#[derive(Debug, Serialize, JsonSchema)]
pub struct WebinarList {
    pub webinars: Vec<WebinarRow>,
    pub page_number: u64,
    pub page_count: u64,
    pub page_size: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_records: Option<u64>,
    /// Pass as page_number to get the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_page_number: Option<u64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(skip)]
    time_zone: Option<chrono_tz::Tz>,
}

impl ToolOutput for WebinarList {
    fn summary(&self) -> String {
        let time_zone = self.time_zone.unwrap_or(chrono_tz::UTC);
        if self.webinars.is_empty() {
            return "No scheduled webinars found.".to_string();
        }
        let count = self.webinars.len();
        let mut text = format!(
            "{count} {} (page {} of {}):",
            if count == 1 { "webinar" } else { "webinars" },
            self.page_number,
            self.page_count.max(1)
        );
        for webinar in &self.webinars {
            text.push_str("\n- ");
            text.push_str(&webinar.line(time_zone));
        }
        for note in &self.notes {
            text.push_str(&format!("\n{note}"));
        }
        if let Some(next) = self.next_page_number {
            text.push_str(&format!(
                "\nMore webinars exist: call again with page_number {next}."
            ));
        }
        text
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct GetWebinarParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// Occurrence id of a recurring webinar, to get that occurrence's time.
    #[serde(
        default,
        deserialize_with = "crate::tools::common::optional_string_or_number"
    )]
    #[schemars(with = "String")]
    pub occurrence_id: Option<String>,
    /// Include occurrences that already took place (recurring webinars).
    #[serde(default)]
    pub show_previous_occurrences: bool,
    /// Return all of Zoom's settings instead of the key ones.
    #[serde(default)]
    pub include_settings: bool,
}

/// A webinar's details.
#[derive(Debug, Serialize, JsonSchema)]
pub struct WebinarResult {
    pub webinar: WebinarDetail,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip)]
    pub time_zone: Option<chrono_tz::Tz>,
}

impl ToolOutput for WebinarResult {
    fn summary(&self) -> String {
        let mut text = String::new();
        if let Some(message) = &self.message {
            text.push_str(message);
            text.push('\n');
        }
        text.push_str(
            &self
                .webinar
                .summary_lines(self.time_zone.unwrap_or(chrono_tz::UTC)),
        );
        text
    }
}

#[tool_router(router = webinars_router, vis = "pub(crate)")]
impl ZoomServer {
    /// List a host's scheduled (live and upcoming) webinars, one page at a time, with id, topic,
    /// start time in UTC and the default time zone, duration and join URL.
    #[tool(
        name = "list_webinars",
        title = "List webinars",
        annotations(title = "List webinars", read_only_hint = true, open_world_hint = true)
    )]
    async fn list_webinars(
        &self,
        Parameters(params): Parameters<ListWebinarsParams>,
    ) -> Result<Json<WebinarList>, ToolError> {
        let time_zone = self.state.time_zone();
        let size = page_size(params.page_size, WEBINARS_MAX_PAGE_SIZE);
        let page_number = params.page_number.unwrap_or(1).max(1);
        let path = ApiPath::new()
            .literal("users")
            .value("user_id", &params.user_id)?
            .literal("webinars");
        let list_type = match params.list_type {
            WebinarListType::Scheduled => "scheduled",
            WebinarListType::Upcoming => "upcoming",
        };
        let query: Query = vec![
            ("type", list_type.to_string()),
            ("page_size", size.value.to_string()),
            ("page_number", page_number.to_string()),
        ];
        let page: ZoomWebinarPage = self.state.zoom.get(&path, &query).await?;
        let page_count = page.page_count.unwrap_or(1);
        let current = page.page_number.unwrap_or(page_number as u64);
        Ok(Json(WebinarList {
            webinars: page
                .webinars
                .iter()
                .map(|webinar| WebinarRow::from_zoom(webinar, time_zone))
                .collect(),
            page_number: current,
            page_count,
            page_size: size.value,
            total_records: page.total_records,
            next_page_number: (current < page_count).then_some(current + 1),
            notes: size.note.into_iter().collect(),
            time_zone: Some(time_zone),
        }))
    }

    /// Get one webinar: topic, type, start time (UTC and default time zone), duration, join and
    /// registration URLs, registration mode, occurrences of a recurring webinar and key settings.
    #[tool(
        name = "get_webinar",
        title = "Get webinar",
        annotations(title = "Get webinar", read_only_hint = true, open_world_hint = true)
    )]
    async fn get_webinar(
        &self,
        Parameters(params): Parameters<GetWebinarParams>,
    ) -> Result<Json<WebinarResult>, ToolError> {
        let mut query: Query = Vec::new();
        if let Some(occurrence_id) = check_occurrence_id(&params.occurrence_id)? {
            query.push(("occurrence_id", occurrence_id));
        }
        if params.show_previous_occurrences {
            query.push(("show_previous_occurrences", "true".to_string()));
        }
        let webinar = fetch_webinar(&self.state, params.webinar_id.0, &query).await?;
        Ok(Json(webinar_result(
            &self.state,
            &webinar,
            params.include_settings,
            None,
        )))
    }
}

/// GET one webinar.
pub async fn fetch_webinar(
    state: &AppState,
    webinar_id: u64,
    query: &Query,
) -> Result<ZoomWebinar, ZoomError> {
    let path = ApiPath::new().literal("webinars").number(webinar_id);
    state.zoom.get(&path, query).await
}

/// Wrap a webinar for a tool result.
pub fn webinar_result(
    state: &AppState,
    webinar: &ZoomWebinar,
    all_settings: bool,
    message: Option<String>,
) -> WebinarResult {
    let time_zone = state.time_zone();
    WebinarResult {
        webinar: WebinarDetail::from_zoom(webinar, time_zone, all_settings),
        message,
        time_zone: Some(time_zone),
    }
}

/// Validate an occurrence id: Zoom's are decimal numbers (the occurrence's
/// start in epoch milliseconds).
pub fn check_occurrence_id(occurrence_id: &Option<String>) -> Result<Option<String>, ToolError> {
    match occurrence_id.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(value) if value.len() <= 20 && value.bytes().all(|b| b.is_ascii_digit()) => {
            Ok(Some(value.to_string()))
        }
        Some(value) => Err(ToolError::invalid(format!(
            "occurrence_id {:?} is not a Zoom occurrence id (a number such as 1765357200000). Take it from get_webinar's occurrences.",
            value.chars().take(40).collect::<String>()
        ))),
    }
}
