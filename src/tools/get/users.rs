//! User tools: list users, number them for selection, pick one.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::server::output::{Json, ToolError, ToolOutput};
use crate::server::{AppState, ZoomServer};
use crate::tools::common::check_page_token;
use crate::tools::paging::{ListPaging, Page, limits, paged_query, walk};
use crate::tools::progress::Progress;
use crate::zoom::{ApiPath, ZoomError};
use rmcp::RoleServer;
use rmcp::service::RequestContext;

/// Zoom's maximum page size for `GET /users` (2026 OpenAPI spec).
pub const USERS_MAX_PAGE_SIZE: u32 = 2000;
/// Upper bound on users fetched for a numbered selection list, so one
/// result stays small enough for a model's context window.
const SELECTION_MAX_USERS: usize = 300;

/// A user as Zoom returns it (the fields this server uses).
#[derive(Debug, Clone, Deserialize)]
pub struct ZoomUser {
    pub id: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default, rename = "type")]
    pub user_type: Option<i64>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub timezone: Option<String>,
    #[serde(default)]
    pub role_name: Option<String>,
    #[serde(default)]
    pub dept: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ZoomUserPage {
    #[serde(default)]
    users: Vec<ZoomUser>,
    #[serde(default)]
    total_records: Option<u64>,
    #[serde(default)]
    next_page_token: Option<String>,
}

/// A user row.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub name: String,
    /// Zoom user type: 1 Basic, 2 Licensed, 4 Unassigned without Meetings Basic, 99 None.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_type: Option<i64>,
    pub user_type_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_name: Option<String>,
}

impl From<ZoomUser> for UserRow {
    fn from(user: ZoomUser) -> UserRow {
        UserRow {
            name: display_name(&user),
            user_type_name: user_type_name(user.user_type).to_string(),
            id: user.id,
            email: user.email,
            user_type: user.user_type,
            status: user.status,
            timezone: user.timezone,
            role_name: user.role_name,
        }
    }
}

fn display_name(user: &ZoomUser) -> String {
    if let Some(name) = user
        .display_name
        .as_deref()
        .filter(|name| !name.trim().is_empty())
    {
        return name.to_string();
    }
    let joined = format!(
        "{} {}",
        user.first_name.as_deref().unwrap_or(""),
        user.last_name.as_deref().unwrap_or("")
    );
    let trimmed = joined.trim();
    if trimmed.is_empty() {
        user.email.clone()
    } else {
        trimmed.to_string()
    }
}

fn user_type_name(user_type: Option<i64>) -> &'static str {
    match user_type {
        Some(1) => "Basic",
        Some(2) => "Licensed",
        Some(4) => "Unassigned",
        Some(99) => "None",
        _ => "Unknown",
    }
}

#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UserStatus {
    #[default]
    Active,
    Inactive,
    Pending,
}

impl UserStatus {
    fn as_str(self) -> &'static str {
        match self {
            UserStatus::Active => "active",
            UserStatus::Inactive => "inactive",
            UserStatus::Pending => "pending",
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct GetUsersParams {
    /// Which users to list: active (default), inactive or pending.
    #[serde(default)]
    pub status: UserStatus,
    /// Users per page, 1 to 2000 (Zoom's maximum); default 30.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub page_size: Option<u32>,
    /// Token from a previous result's next_page_token, to get the next page.
    #[serde(default)]
    #[schemars(with = "String")]
    pub next_page_token: Option<String>,
    /// Users to return in all, following Zoom's pages: 1 to 500; default one page.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub max_results: Option<u32>,
}

/// One page of users.
#[derive(Debug, Serialize, JsonSchema)]
pub struct UserList {
    pub users: Vec<UserRow>,
    #[serde(flatten)]
    pub paging: ListPaging,
}

impl ToolOutput for UserList {
    fn summary(&self) -> String {
        let mut text = format!("{} users on this page", self.users.len());
        if let Some(total) = self.paging.total_records {
            text.push_str(&format!(" ({total} in all)"));
        }
        text.push('.');
        for user in self.users.iter().take(10) {
            text.push_str(&format!(
                "\n- {} <{}> {} ({})",
                user.name, user.email, user.user_type_name, user.id
            ));
        }
        if self.users.len() > 10 {
            text.push_str(&format!(
                "\n- … {} more in the structured result",
                self.users.len() - 10
            ));
        }
        text.push_str(&self.paging.summary_suffix());
        text
    }
}

/// A numbered user for `list_users_for_selection`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct NumberedUser {
    /// Position to pass as `selection` (1-based).
    pub number: usize,
    #[serde(flatten)]
    pub user: UserRow,
}

/// Users numbered for selection.
#[derive(Debug, Serialize, JsonSchema)]
pub struct NumberedUsers {
    pub users: Vec<NumberedUser>,
    /// Whether the account has more active users than were listed.
    pub truncated: bool,
    pub instructions: String,
}

impl ToolOutput for NumberedUsers {
    fn summary(&self) -> String {
        let mut text = String::new();
        for numbered in &self.users {
            text.push_str(&format!(
                "{}. {} <{}> ({})\n",
                numbered.number,
                numbered.user.name,
                numbered.user.email,
                numbered.user.user_type_name
            ));
        }
        text.push_str(&self.instructions);
        text
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct SelectUserParams {
    /// The user to pick: a number from list_users_for_selection, an email, a user id, `me`, or
    /// (part of) a name that matches exactly one user.
    #[serde(deserialize_with = "crate::tools::common::string_or_number")]
    pub selection: String,
}

/// The selected user.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SelectedUser {
    /// How the selection matched: number, email, id, me or name.
    pub matched_by: String,
    #[serde(flatten)]
    pub user: UserRow,
}

impl ToolOutput for SelectedUser {
    fn summary(&self) -> String {
        format!(
            "Selected {} <{}> ({}, id {}), matched by {}.",
            self.user.name,
            self.user.email,
            self.user.user_type_name,
            self.user.id,
            self.matched_by
        )
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct GetUserParams {
    /// User id, email, or `me` for the account owner.
    pub user_id: String,
}

/// One user.
#[derive(Debug, Serialize, JsonSchema)]
pub struct UserResult {
    #[serde(flatten)]
    pub user: UserRow,
}

impl ToolOutput for UserResult {
    fn summary(&self) -> String {
        format!(
            "{} <{}>: {}, {} (id {}).",
            self.user.name,
            self.user.email,
            self.user.user_type_name,
            self.user.status.as_deref().unwrap_or("status unknown"),
            self.user.id
        )
    }
}

/// A Zoom access key.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ZakResult {
    /// The ZAK. It lets anyone holding it start or join meetings and webinars as the account
    /// owner until it expires; never share or log it.
    pub token: String,
}

impl ToolOutput for ZakResult {
    fn summary(&self) -> String {
        "Got a ZAK for the account owner (in the structured result). Treat it like a password: it starts meetings and webinars as that user.".to_string()
    }
}

#[derive(Debug, Deserialize)]
struct ZoomZak {
    token: String,
}

#[tool_router(router = users_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Get a ZAK (Zoom access key) for the account owner (`me`), which SDK apps use to start or
    /// join meetings and webinars as that user. The key is a credential: show it to no one.
    #[tool(
        name = "get_user_zak",
        title = "Get the owner's ZAK",
        annotations(
            title = "Get the owner's ZAK",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn get_user_zak(&self) -> Result<Json<ZakResult>, ToolError> {
        let path = ApiPath::new().literal("users").literal("me").literal("zak");
        let zak: ZoomZak = self.state.zoom.get(&path, &Vec::new()).await?;
        tracing::info!(tool = "get_user_zak", "ZAK issued");
        Ok(Json(ZakResult { token: zak.token }))
    }

    /// Get one user by id, email or `me`: name, email, licence type, status, time zone and role.
    #[tool(
        name = "get_user",
        title = "Get user",
        annotations(title = "Get user", read_only_hint = true, open_world_hint = true)
    )]
    async fn get_user(
        &self,
        Parameters(params): Parameters<GetUserParams>,
    ) -> Result<Json<UserResult>, ToolError> {
        let path = ApiPath::new()
            .literal("users")
            .value("user_id", params.user_id.trim())?;
        let user: ZoomUser = self.state.zoom.get(&path, &Vec::new()).await?;
        Ok(Json(UserResult {
            user: UserRow::from(user),
        }))
    }

    /// List users of the Zoom account (one page), with id, email, name, licence type and status.
    /// Use next_page_token from the result to continue.
    #[tool(
        name = "get_users",
        title = "List account users",
        annotations(
            title = "List account users",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn get_users(
        &self,
        Parameters(params): Parameters<GetUsersParams>,
        context: RequestContext<RoleServer>,
    ) -> Result<Json<UserList>, ToolError> {
        let limits = limits(params.page_size, params.max_results, USERS_MAX_PAGE_SIZE);
        let token = check_page_token(&params.next_page_token)?;
        let status = params.status.as_str();
        let state = &self.state;
        let mut progress = Progress::new(&context);
        let walked = walk(&limits, token, &mut progress, |size, token| async move {
            let mut query = paged_query(size, token);
            query.push(("status", status.to_string()));
            let page: ZoomUserPage = state
                .zoom
                .get(&ApiPath::new().literal("users"), &query)
                .await?;
            Ok(Page {
                rows: page.users,
                next_page_token: page.next_page_token,
                total_records: page.total_records,
            })
        })
        .await?;
        let paging = ListPaging::new(limits, &walked);
        Ok(Json(UserList {
            users: walked.rows.into_iter().map(UserRow::from).collect(),
            paging,
        }))
    }

    /// List the account's active users as a numbered list, so the user can pick a host by
    /// number. Pass the chosen number (or an email, id or name) to get_user_by_selection or as
    /// host_selection to create_webinar_interactive.
    #[tool(
        name = "list_users_for_selection",
        title = "Numbered user list",
        annotations(
            title = "Numbered user list",
            read_only_hint = true,
            open_world_hint = true
        )
    )]
    async fn list_users_for_selection(&self) -> Result<Json<NumberedUsers>, ToolError> {
        Ok(Json(numbered_users(&self.state).await?))
    }

    /// Pick one user by the number from list_users_for_selection, or by email, user id, `me`,
    /// or a name that matches exactly one user. Returns the user's id for host fields.
    #[tool(
        name = "get_user_by_selection",
        title = "Pick a user",
        annotations(title = "Pick a user", read_only_hint = true, open_world_hint = true)
    )]
    async fn get_user_by_selection(
        &self,
        Parameters(params): Parameters<SelectUserParams>,
    ) -> Result<Json<SelectedUser>, ToolError> {
        Ok(Json(select_user(&self.state, &params.selection).await?))
    }
}

/// List the active users (up to [`SELECTION_MAX_USERS`]), numbered from 1 in Zoom's order.
pub async fn numbered_users(state: &AppState) -> Result<NumberedUsers, ZoomError> {
    let (users, truncated) = fetch_active_users(state).await?;
    let users = users
        .into_iter()
        .enumerate()
        .map(|(index, user)| NumberedUser {
            number: index + 1,
            user: UserRow::from(user),
        })
        .collect();
    Ok(NumberedUsers {
        users,
        truncated,
        instructions: "Reply with a number, email, user id or name to choose a user.".to_string(),
    })
}

/// Zoom's user type for a licensed user; Basic, Unassigned and None users
/// cannot host webinars.
pub const LICENSED_USER_TYPE: i64 = 2;

/// List the active users who can host a webinar (up to
/// [`SELECTION_MAX_USERS`] active users are read), in Zoom's order: those
/// of the Licensed type, and those whose type Zoom did not report, since
/// only Zoom can rule them out. Returns whether the active users were cut
/// at that cap.
pub async fn webinar_host_candidates(state: &AppState) -> Result<(Vec<UserRow>, bool), ZoomError> {
    let (users, truncated) = fetch_active_users(state).await?;
    let candidates = users
        .into_iter()
        .filter(|user| user.user_type.is_none_or(|kind| kind == LICENSED_USER_TYPE))
        .map(UserRow::from)
        .collect();
    Ok((candidates, truncated))
}

async fn fetch_active_users(state: &AppState) -> Result<(Vec<ZoomUser>, bool), ZoomError> {
    let mut users = Vec::new();
    let mut next_page_token: Option<String> = None;
    loop {
        let mut query = vec![
            ("status", "active".to_string()),
            ("page_size", "300".to_string()),
        ];
        if let Some(token) = &next_page_token {
            query.push(("next_page_token", token.clone()));
        }
        let page: ZoomUserPage = state
            .zoom
            .get(&ApiPath::new().literal("users"), &query)
            .await?;
        users.extend(page.users);
        next_page_token = page.next_page_token.filter(|token| !token.is_empty());
        if users.len() >= SELECTION_MAX_USERS {
            users.truncate(SELECTION_MAX_USERS);
            return Ok((users, next_page_token.is_some()));
        }
        if next_page_token.is_none() {
            return Ok((users, false));
        }
    }
}

/// Resolve a selection: a list number, `me`, an email, an id or a unique name.
pub async fn select_user(state: &AppState, selection: &str) -> Result<SelectedUser, ToolError> {
    let selection = selection.trim();
    if selection.is_empty() {
        return Err(ToolError::invalid(
            "selection is empty. Pass a number from list_users_for_selection, an email, a user id or a name.",
        ));
    }

    if selection.eq_ignore_ascii_case("me") || selection.contains('@') {
        let path = ApiPath::new()
            .literal("users")
            .value("selection", selection)?;
        let user: ZoomUser = state.zoom.get(&path, &Vec::new()).await?;
        let matched_by = if selection.eq_ignore_ascii_case("me") {
            "me"
        } else {
            "email"
        };
        return Ok(SelectedUser {
            matched_by: matched_by.to_string(),
            user: UserRow::from(user),
        });
    }

    let (users, truncated) = fetch_active_users(state).await?;
    if let Ok(number) = selection.parse::<usize>() {
        return match number.checked_sub(1).and_then(|index| users.get(index)) {
            Some(user) => Ok(SelectedUser {
                matched_by: "number".to_string(),
                user: UserRow::from(user.clone()),
            }),
            None => Err(ToolError::invalid(format!(
                "selection {number} is out of range: the list has {} users (1 to {}). Call list_users_for_selection to see them.",
                users.len(),
                users.len()
            ))),
        };
    }

    if let Some(user) = users.iter().find(|user| user.id == selection) {
        return Ok(SelectedUser {
            matched_by: "id".to_string(),
            user: UserRow::from(user.clone()),
        });
    }

    let needle = selection.to_lowercase();
    let matches: Vec<&ZoomUser> = users
        .iter()
        .filter(|user| display_name(user).to_lowercase().contains(&needle))
        .collect();
    match matches.as_slice() {
        [user] => Ok(SelectedUser {
            matched_by: "name".to_string(),
            user: UserRow::from((*user).clone()),
        }),
        [] => {
            // An id not among the active users listed may still exist.
            let path = ApiPath::new()
                .literal("users")
                .value("selection", selection)?;
            match state.zoom.get::<ZoomUser>(&path, &Vec::new()).await {
                Ok(user) => Ok(SelectedUser {
                    matched_by: "id".to_string(),
                    user: UserRow::from(user),
                }),
                Err(error) if error.is_not_found() || error.status() == Some(400) => {
                    Err(ToolError::invalid(format!(
                        "No user matches {selection:?}{}. Call list_users_for_selection and pass a number, email or id.",
                        if truncated {
                            " among the first 300 active users"
                        } else {
                            ""
                        }
                    )))
                }
                Err(error) => Err(error.into()),
            }
        }
        several => {
            let names: Vec<String> = several
                .iter()
                .map(|user| format!("{} <{}>", display_name(user), user.email))
                .collect();
            Err(ToolError::invalid(format!(
                "{selection:?} matches {} users: {}. Pass the email or number instead.",
                several.len(),
                names.join(", ")
            )))
        }
    }
}
