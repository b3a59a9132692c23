//! User tools: list users, number them for selection, pick one.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::server::output::{Json, ToolError, ToolOutput};
use crate::server::{AppState, ZoomServer};
use crate::tools::common::{Paging, check_page_token, page_size};
use crate::zoom::{ApiPath, ZoomError};

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
}

/// One page of users.
#[derive(Debug, Serialize, JsonSchema)]
pub struct UserList {
    pub users: Vec<UserRow>,
    #[serde(flatten)]
    pub paging: Paging,
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

#[tool_router(router = users_router, vis = "pub(crate)")]
impl ZoomServer {
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
    ) -> Result<Json<UserList>, ToolError> {
        let size = page_size(params.page_size, USERS_MAX_PAGE_SIZE);
        let mut query = vec![
            ("status", params.status.as_str().to_string()),
            ("page_size", size.value.to_string()),
        ];
        if let Some(token) = check_page_token(&params.next_page_token)? {
            query.push(("next_page_token", token));
        }
        let page: ZoomUserPage = self
            .state
            .zoom
            .get(&ApiPath::new().literal("users"), &query)
            .await?;
        Ok(Json(UserList {
            users: page.users.into_iter().map(UserRow::from).collect(),
            paging: Paging::new(size, page.total_records, page.next_page_token),
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

/// All active users (up to [`SELECTION_MAX_USERS`]), numbered from 1 in Zoom's order.
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
