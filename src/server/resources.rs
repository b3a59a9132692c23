//! Read-only MCP resources about the configuration and the account.

use rmcp::ErrorData as McpError;
use rmcp::model::{ReadResourceResult, Resource, ResourceContents};
use serde::Serialize;

use super::AppState;
use crate::tools::{config as config_tools, get::users};

pub const CONFIG: &str = "zoom://config";
pub const TOKEN_STATUS: &str = "zoom://token-status";
pub const USERS: &str = "zoom://users";
pub const ENV_STATUS: &str = "zoom://env-status";

pub fn list() -> Vec<Resource> {
    let json = "application/json";
    vec![
        Resource::new(CONFIG, "config")
            .with_title("Server configuration")
            .with_description("Base URLs, default time zone, token cache path and masked ids. Never the client secret.")
            .with_mime_type(json),
        Resource::new(TOKEN_STATUS, "token-status")
            .with_title("Access token status")
            .with_description("Whether a valid token is held, its expiry in UTC and the default time zone, and its scopes.")
            .with_mime_type(json),
        Resource::new(USERS, "users")
            .with_title("Account users")
            .with_description("Active users of the Zoom account, numbered as list_users_for_selection numbers them.")
            .with_mime_type(json),
        Resource::new(ENV_STATUS, "env-status")
            .with_title("Environment variables")
            .with_description("Which variables are set and where each came from (environment, env file, default). Never secret values.")
            .with_mime_type(json),
    ]
}

pub async fn read(state: &AppState, uri: &str) -> Result<ReadResourceResult, McpError> {
    let body = match uri {
        CONFIG => to_json(&config_tools::config_view(state))?,
        TOKEN_STATUS => to_json(&config_tools::token_status(state))?,
        ENV_STATUS => to_json(&config_tools::env_status(state))?,
        USERS => match users::numbered_users(state).await {
            Ok(list) => to_json(&list)?,
            // The resource exists; Zoom failing is reported in the body so
            // the reader sees why, as a tool result would.
            Err(error) => to_json(&serde_json::json!({ "error": error.to_string() }))?,
        },
        other => {
            return Err(McpError::resource_not_found(
                format!("unknown resource {other:?}; resources/list names the available ones"),
                None,
            ));
        }
    };
    Ok(ReadResourceResult::new(vec![
        ResourceContents::text(body, uri).with_mime_type("application/json"),
    ]))
}

fn to_json<T: Serialize>(value: &T) -> Result<String, McpError> {
    serde_json::to_string_pretty(value).map_err(|error| {
        McpError::internal_error(format!("could not serialise the resource: {error}"), None)
    })
}
