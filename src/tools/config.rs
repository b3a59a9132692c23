//! Configuration tools: credentials and access tokens.

use std::collections::BTreeMap;

use chrono::Utc;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use crate::config::{
    Config, Credentials, EnvSnapshot, TokenCacheLocation, ValueSource, mask, variables,
};
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::server::{AppState, Mode, ZoomServer};

/// Status of the access token, without the token itself.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TokenStatus {
    /// Whether credentials are configured.
    pub configured: bool,
    /// Whether a token is held that is valid for more than the five-minute refresh margin.
    pub valid: bool,
    /// Expiry in UTC (RFC 3339), when a token is held.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at_utc: Option<String>,
    /// Expiry in the default time zone, when a token is held.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at_local: Option<String>,
    /// Whole minutes until expiry (negative once expired).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minutes_left: Option<i64>,
    /// Scopes granted to the app, as listed in the token response.
    pub scopes: Vec<String>,
    pub time_zone: String,
    /// Token requests this server process has sent.
    pub token_requests: u64,
    pub message: String,
}

impl ToolOutput for TokenStatus {
    fn summary(&self) -> String {
        self.message.clone()
    }
}

/// The configuration as the server uses it; ids are masked and the secret is never included.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ConfigView {
    pub mode: String,
    pub api_base_url: String,
    pub oauth_token_url: String,
    pub default_time_zone: String,
    /// Token cache file, or "memory" when tokens are not written to disk.
    pub token_cache: String,
    pub log_dir: Option<String>,
    pub env_file: Option<String>,
    pub account_id: Option<String>,
    pub client_id: Option<String>,
    pub client_secret_set: bool,
    pub missing_credentials: Vec<String>,
}

/// The source of each variable. Values are shown only for non-secret
/// variables, and ids are masked.
#[derive(Debug, Serialize, JsonSchema)]
pub struct EnvStatus {
    pub env_file: Option<String>,
    pub variables: BTreeMap<String, VariableStatus>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct VariableStatus {
    pub set: bool,
    pub source: ValueSource,
    /// The value for non-secret settings; masked for ids; absent for the secret.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Result of loading or setting credentials.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ConfigureResult {
    pub configured: bool,
    pub missing_credentials: Vec<String>,
    pub account_id: Option<String>,
    pub client_id: Option<String>,
    /// Whether a token request with these credentials succeeded.
    pub token_verified: bool,
    pub scopes: Vec<String>,
    pub message: String,
}

impl ToolOutput for ConfigureResult {
    fn summary(&self) -> String {
        self.message.clone()
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct ConfigureZoomParams {
    /// Account ID of the Server-to-Server OAuth app (App Credentials page).
    pub account_id: String,
    /// Client ID of the app.
    pub client_id: String,
    /// Client secret of the app. Kept in memory only and never returned.
    pub client_secret: String,
    /// Request a token right away to check the credentials (default true).
    /// When the check fails, the previous credentials stay in place.
    #[serde(default = "default_true")]
    #[schemars(with = "bool")]
    pub verify: bool,
}

fn default_true() -> bool {
    true
}

#[tool_router(router = config_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Reload Zoom credentials and settings from the process environment and the env file
    /// (--env-file or ZOOM_ENV_FILE, else ./.env), then check them with a token request.
    /// Use after editing the env file. Reports which variables are still missing.
    #[tool(
        name = "auto_configure_zoom",
        title = "Reload Zoom configuration",
        annotations(
            title = "Reload Zoom configuration",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn auto_configure_zoom(&self) -> Result<Json<ConfigureResult>, ToolError> {
        let state = &self.state;
        let env_file = state.env_file_arg.clone().or_else(|| {
            std::env::var(variables::ENV_FILE)
                .ok()
                .filter(|value| !crate::config::is_placeholder(value))
                .map(Into::into)
        });
        let mut config =
            Config::load(env_file.as_deref()).map_err(|error| ToolError(error.to_string()))?;
        if let Mode::Sandbox {
            base_url,
            token_url,
        } = &state.mode
        {
            config = config.for_sandbox(base_url.clone(), token_url.clone());
        }
        state.replace_config(config);
        tracing::info!(tool = "auto_configure_zoom", "configuration reloaded");
        verify_configuration(state, true).await
    }

    /// Set Zoom Server-to-Server OAuth credentials for this session. They are kept in memory
    /// only (never written to disk or returned) and replace the environment's. By default a token
    /// is requested to check them; if that fails, the previous credentials stay in place.
    #[tool(
        name = "configure_zoom",
        title = "Set Zoom credentials",
        annotations(
            title = "Set Zoom credentials",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn configure_zoom(
        &self,
        Parameters(params): Parameters<ConfigureZoomParams>,
    ) -> Result<Json<ConfigureResult>, ToolError> {
        let state = &self.state;
        for (field, value) in [
            ("account_id", &params.account_id),
            ("client_id", &params.client_id),
            ("client_secret", &params.client_secret),
        ] {
            if crate::config::is_placeholder(value) {
                return Err(ToolError::invalid(format!(
                    "{field} is empty. Copy it from the app's App Credentials page in the Zoom App Marketplace."
                )));
            }
            if value.len() > 512 || value.chars().any(char::is_control) {
                return Err(ToolError::invalid(format!(
                    "{field} is not a valid credential (longer than 512 characters or containing control characters). Copy it again from the App Credentials page."
                )));
            }
        }
        let previous = state.config();
        let mut config = previous.clone();
        config.credentials = Some(Credentials {
            account_id: params.account_id.trim().to_string(),
            client_id: params.client_id.trim().to_string(),
            client_secret: SecretString::from(params.client_secret.trim().to_string()),
        });
        config.missing_credentials.clear();
        for name in [
            variables::ACCOUNT_ID,
            variables::CLIENT_ID,
            variables::CLIENT_SECRET,
        ] {
            config.sources.insert(name, ValueSource::ConfigureTool);
        }
        state.replace_config(config);
        tracing::info!(tool = "configure_zoom", "credentials set in memory");
        if !params.verify {
            return verify_configuration(state, false).await;
        }
        match verify_configuration(state, true).await {
            Ok(result) => Ok(result),
            Err(error) => {
                state.replace_config(previous);
                Err(ToolError(format!(
                    "{error}\nThe previous credentials are still in use."
                )))
            }
        }
    }

    /// Show whether a valid access token is held: expiry in UTC and the default time zone,
    /// minutes left and the scopes granted. Does not contact Zoom.
    #[tool(
        name = "get_token_status",
        title = "Access token status",
        annotations(
            title = "Access token status",
            read_only_hint = true,
            open_world_hint = false
        )
    )]
    async fn get_token_status(&self) -> Result<Json<TokenStatus>, ToolError> {
        Ok(Json(token_status(&self.state)))
    }

    /// Request a new access token from Zoom now, replacing the cached one. Use after changing
    /// the app's scopes, or when Zoom rejects the current token.
    #[tool(
        name = "refresh_token",
        title = "Refresh access token",
        annotations(
            title = "Refresh access token",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn refresh_token(&self) -> Result<Json<TokenStatus>, ToolError> {
        let credentials = self.state.zoom.credentials()?;
        self.state.zoom.tokens().force_refresh(&credentials).await?;
        tracing::info!(tool = "refresh_token", "access token refreshed");
        Ok(Json(token_status(&self.state)))
    }
}

/// Summarise the configuration and, when `request_token` is set, check it
/// with a new token. A cached one cannot vouch for the credentials, because
/// the cache is keyed by token URL, account id and client id, not by secret.
async fn verify_configuration(
    state: &AppState,
    request_token: bool,
) -> Result<Json<ConfigureResult>, ToolError> {
    let config = state.config();
    let (account_id, client_id) = match &config.credentials {
        Some(credentials) => (
            Some(mask(&credentials.account_id)),
            Some(mask(&credentials.client_id)),
        ),
        None => (None, None),
    };
    let missing: Vec<String> = config
        .missing_credentials
        .iter()
        .map(|name| name.to_string())
        .collect();
    let Some(credentials) = config.credentials.clone() else {
        return Err(ToolError(
            crate::zoom::ZoomError::NotConfigured {
                missing: config.missing_credentials.clone(),
            }
            .to_string(),
        ));
    };
    if !request_token {
        return Ok(Json(ConfigureResult {
            configured: true,
            missing_credentials: missing,
            account_id,
            client_id,
            token_verified: false,
            scopes: Vec::new(),
            message:
                "Credentials set in memory; not verified. The first Zoom call will request a token."
                    .to_string(),
        }));
    }
    let token = state.zoom.tokens().force_refresh(&credentials).await?;
    Ok(Json(ConfigureResult {
        configured: true,
        missing_credentials: missing,
        account_id,
        client_id,
        token_verified: true,
        scopes: token.scopes.clone(),
        message: format!(
            "Zoom is configured and a token was obtained ({} scopes granted, valid until {}).",
            token.scopes.len(),
            token
                .expires_at
                .with_timezone(&config.default_time_zone)
                .format("%Y-%m-%d %H:%M %Z")
        ),
    }))
}

/// Build the token status shared by `get_token_status`, `refresh_token` and `zoom://token-status`.
pub fn token_status(state: &AppState) -> TokenStatus {
    let time_zone = state.time_zone();
    let tokens = state.zoom.tokens();
    let base = TokenStatus {
        configured: false,
        valid: false,
        expires_at_utc: None,
        expires_at_local: None,
        minutes_left: None,
        scopes: Vec::new(),
        time_zone: time_zone.name().to_string(),
        token_requests: tokens.token_requests(),
        message: String::new(),
    };
    let credentials = match state.zoom.credentials() {
        Ok(credentials) => credentials,
        Err(error) => {
            return TokenStatus {
                message: error.to_string(),
                ..base
            };
        }
    };
    let Some(token) = tokens.peek(&credentials) else {
        return TokenStatus {
            configured: true,
            message: "No access token yet; one is requested on the first Zoom call (or call refresh_token).".to_string(),
            ..base
        };
    };
    let now = Utc::now();
    let minutes_left = (token.expires_at - now).num_minutes();
    let valid = token.is_fresh(now);
    let local = token.expires_at.with_timezone(&time_zone);
    TokenStatus {
        configured: true,
        valid,
        expires_at_utc: Some(
            token
                .expires_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        ),
        expires_at_local: Some(local.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        minutes_left: Some(minutes_left),
        scopes: token.scopes.clone(),
        message: if valid {
            format!(
                "Token valid for {minutes_left} more minutes (until {} / {}); {} scopes granted.",
                token.expires_at.format("%H:%M UTC"),
                local.format("%H:%M %Z"),
                token.scopes.len()
            )
        } else {
            "The token expires within five minutes or has expired; the next Zoom call requests a new one.".to_string()
        },
        ..base
    }
}

/// Build the configuration view shared by `zoom://config`.
pub fn config_view(state: &AppState) -> ConfigView {
    let config = state.config();
    let token = state
        .zoom
        .credentials()
        .ok()
        .and_then(|credentials| state.zoom.tokens().peek(&credentials));
    ConfigView {
        mode: match state.mode {
            Mode::Live => "live".to_string(),
            Mode::Sandbox { .. } => "sandbox".to_string(),
        },
        api_base_url: state.zoom.base_url(token.as_deref()),
        oauth_token_url: config.token_url.clone(),
        default_time_zone: config.default_time_zone.name().to_string(),
        token_cache: match (&config.token_cache, state.zoom.tokens().cache_path()) {
            (TokenCacheLocation::File(_), Some(path)) => path.display().to_string(),
            _ => "memory".to_string(),
        },
        log_dir: config
            .log_dir
            .as_ref()
            .map(|path| path.display().to_string()),
        env_file: config
            .env_file
            .as_ref()
            .map(|path| path.display().to_string()),
        account_id: config
            .credentials
            .as_ref()
            .map(|credentials| mask(&credentials.account_id)),
        client_id: config
            .credentials
            .as_ref()
            .map(|credentials| mask(&credentials.client_id)),
        client_secret_set: config.credentials.is_some(),
        missing_credentials: config
            .missing_credentials
            .iter()
            .map(|name| name.to_string())
            .collect(),
    }
}

/// Build the variable sources shared by `zoom://env-status`.
pub fn env_status(state: &AppState) -> EnvStatus {
    let config = state.config();
    // Re-read the raw values for display; the secret is never copied out.
    let snapshot = EnvSnapshot::collect(config.env_file.as_deref()).unwrap_or_default();
    let mut variables_status = BTreeMap::new();
    for variable in variables::VARIABLES {
        let source = config
            .sources
            .get(variable.name)
            .cloned()
            .unwrap_or(ValueSource::Default);
        let set = !matches!(source, ValueSource::Default);
        let value = if variable.secret || !set {
            None
        } else if variable.name == variables::ACCOUNT_ID || variable.name == variables::CLIENT_ID {
            config.credentials.as_ref().map(|credentials| {
                mask(if variable.name == variables::ACCOUNT_ID {
                    &credentials.account_id
                } else {
                    &credentials.client_id
                })
            })
        } else {
            snapshot.value(variable.name).map(str::to_string)
        };
        variables_status.insert(
            variable.name.to_string(),
            VariableStatus { set, source, value },
        );
    }
    EnvStatus {
        env_file: config
            .env_file
            .as_ref()
            .map(|path| path.display().to_string()),
        variables: variables_status,
    }
}
