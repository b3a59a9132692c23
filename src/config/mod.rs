//! Configuration: the process environment, an env file and defaults,
//! turned into one validated [`Config`] before the server starts.
//!
//! Precedence per variable: the process environment, then the env file
//! (`--env-file` or `ZOOM_ENV_FILE`), then `./.env` when no env file was
//! given, then the default. An empty value, or an unexpanded `${...}`
//! placeholder that some MCP hosts pass through literally, counts as unset
//! so a lower source can still supply it.

pub mod network;
mod source;
pub mod variables;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono_tz::Tz;
use secrecy::SecretString;

pub use network::{NetworkOverrides, NetworkSettings};
pub use source::{EnvSnapshot, ValueSource, is_placeholder};
use variables as var;

/// Server-to-Server OAuth credentials of one Zoom app.
#[derive(Clone)]
pub struct Credentials {
    pub account_id: String,
    pub client_id: String,
    pub client_secret: SecretString,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("account_id", &mask(&self.account_id))
            .field("client_id", &mask(&self.client_id))
            .field("client_secret", &"[redacted]")
            .finish()
    }
}

/// Where the token cache lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenCacheLocation {
    File(PathBuf),
    /// Tokens are kept in memory only (the sandbox, or no usable cache folder).
    Memory,
}

/// The validated configuration the server runs with.
#[derive(Debug, Clone)]
pub struct Config {
    /// `None` when any credential is missing; `missing_credentials` names them.
    pub credentials: Option<Credentials>,
    pub missing_credentials: Vec<&'static str>,
    /// Explicit API base URL; `None` means "the token's api_url region, else the default".
    pub api_base_url: Option<String>,
    pub token_url: String,
    pub token_cache: TokenCacheLocation,
    pub default_time_zone: Tz,
    pub log_dir: Option<PathBuf>,
    /// Folder that exports are written into; `None` when no user data
    /// folder is known and `ZOOM_EXPORT_DIR` is unset.
    pub export_dir: Option<PathBuf>,
    pub log_filter: String,
    /// Comma-separated toolsets (`None`: the default ones).
    pub toolsets: Option<String>,
    /// Comma-separated extra tools.
    pub tools: Option<String>,
    /// Expose only read-only tools.
    pub read_only: bool,
    /// Whether tools/list carries output schemas (`ZOOM_OUTPUT_SCHEMAS`).
    pub output_schemas: bool,
    /// Leave tools that the token's scopes cannot serve out of tools/list.
    pub hide_unauthorized: bool,
    /// Timeouts, the tool-call deadline and the retry policy.
    pub network: NetworkSettings,
    /// The env file that was read, if any.
    pub env_file: Option<PathBuf>,
    /// Each variable's source, for `zoom://env-status` and diagnostics.
    pub sources: BTreeMap<&'static str, ValueSource>,
}

/// Invalid configuration found before the server starts.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "env file {path} could not be read: {reason}. Check the --env-file / ZOOM_ENV_FILE path."
    )]
    EnvFile { path: PathBuf, reason: String },
    #[error(
        "env file {path} is not valid: {reason}. Each line must be NAME=value, a comment starting with #, or empty."
    )]
    EnvFileSyntax { path: PathBuf, reason: String },
    #[error(
        "{variable}={value:?} is not a known IANA time zone. Use a name such as Asia/Kolkata, America/New_York or UTC."
    )]
    TimeZone {
        variable: &'static str,
        value: String,
    },
    #[error("{variable}={value:?} is not a boolean. Use 1 or 0 (true or false).")]
    Boolean {
        variable: &'static str,
        value: String,
    },
    #[error("{variable}={value:?} is invalid: {reason}.")]
    Setting {
        variable: &'static str,
        value: String,
        reason: String,
    },
    #[error("{variable}={value:?} is not a valid URL: {reason}")]
    Url {
        variable: &'static str,
        value: String,
        reason: String,
    },
}

impl Config {
    /// Load the configuration from the process environment and the env file.
    pub fn load(env_file: Option<&Path>) -> Result<Config, ConfigError> {
        let snapshot = EnvSnapshot::collect(env_file)?;
        Config::from_snapshot(&snapshot)
    }

    /// Build the configuration from already collected values.
    pub fn from_snapshot(snapshot: &EnvSnapshot) -> Result<Config, ConfigError> {
        let mut sources = BTreeMap::new();
        for variable in var::VARIABLES {
            sources.insert(variable.name, snapshot.source(variable.name));
        }

        let account_id = snapshot.value(var::ACCOUNT_ID);
        let client_id = snapshot.value(var::CLIENT_ID);
        let client_secret = snapshot.value(var::CLIENT_SECRET);
        let mut missing_credentials = Vec::new();
        if account_id.is_none() {
            missing_credentials.push(var::ACCOUNT_ID);
        }
        if client_id.is_none() {
            missing_credentials.push(var::CLIENT_ID);
        }
        if client_secret.is_none() {
            missing_credentials.push(var::CLIENT_SECRET);
        }
        let credentials = match (account_id, client_id, client_secret) {
            (Some(account_id), Some(client_id), Some(secret)) => Some(Credentials {
                account_id: account_id.to_string(),
                client_id: client_id.to_string(),
                client_secret: SecretString::from(secret.to_string()),
            }),
            _ => None,
        };

        let api_base_url = snapshot
            .value(var::API_BASE_URL)
            .map(|value| validate_url(var::API_BASE_URL, value))
            .transpose()?;
        let token_url = validate_url(
            var::OAUTH_TOKEN_URL,
            snapshot
                .value(var::OAUTH_TOKEN_URL)
                .unwrap_or(var::DEFAULT_OAUTH_TOKEN_URL),
        )?;

        let time_zone_name = snapshot
            .value(var::DEFAULT_TIMEZONE)
            .unwrap_or(var::DEFAULT_TIME_ZONE);
        let default_time_zone: Tz = time_zone_name.parse().map_err(|_| ConfigError::TimeZone {
            variable: var::DEFAULT_TIMEZONE,
            value: time_zone_name.to_string(),
        })?;

        let token_cache = match snapshot.value(var::TOKEN_CACHE_FILE) {
            Some(path) => TokenCacheLocation::File(PathBuf::from(path)),
            None => default_cache_file()
                .map(TokenCacheLocation::File)
                .unwrap_or(TokenCacheLocation::Memory),
        };
        let log_dir = snapshot
            .value(var::LOG_DIR)
            .map(PathBuf::from)
            .or_else(default_log_dir);
        let export_dir = snapshot
            .value(var::EXPORT_DIR)
            .map(PathBuf::from)
            .or_else(default_export_dir);
        let log_filter = snapshot.value(var::RUST_LOG).unwrap_or("info").to_string();
        let read_only = match snapshot.value(var::READ_ONLY) {
            None => false,
            Some(value) => parse_bool(var::READ_ONLY, value)?,
        };
        let output_schemas = match snapshot.value(var::OUTPUT_SCHEMAS) {
            None => false,
            Some(value) => parse_bool(var::OUTPUT_SCHEMAS, value)?,
        };
        let hide_unauthorized = match snapshot.value(var::HIDE_UNAUTHORIZED) {
            None => false,
            Some(value) => parse_bool(var::HIDE_UNAUTHORIZED, value)?,
        };
        let network = NetworkSettings::from_snapshot(snapshot)?;

        Ok(Config {
            credentials,
            missing_credentials,
            api_base_url,
            token_url,
            token_cache,
            default_time_zone,
            log_dir,
            export_dir,
            log_filter,
            toolsets: snapshot.value(var::TOOLSETS).map(str::to_string),
            tools: snapshot.value(var::TOOLS).map(str::to_string),
            read_only,
            output_schemas,
            hide_unauthorized,
            network,
            env_file: snapshot.env_file().map(Path::to_path_buf),
            sources,
        })
    }

    /// Point the configuration at a sandbox: its URLs, fixed sandbox
    /// credentials and a memory-only token cache, so a sandbox token never
    /// lands in the real cache file.
    pub fn for_sandbox(mut self, base_url: String, token_url: String) -> Config {
        self.credentials = Some(Credentials {
            account_id: "sandbox-account".to_string(),
            client_id: "sandbox-client".to_string(),
            client_secret: SecretString::from("sandbox-secret".to_string()),
        });
        self.missing_credentials.clear();
        self.api_base_url = Some(base_url);
        self.token_url = token_url;
        self.token_cache = TokenCacheLocation::Memory;
        for name in [
            var::ACCOUNT_ID,
            var::CLIENT_ID,
            var::CLIENT_SECRET,
            var::API_BASE_URL,
            var::OAUTH_TOKEN_URL,
            var::TOKEN_CACHE_FILE,
        ] {
            self.sources.insert(name, ValueSource::Sandbox);
        }
        self
    }
}

/// Show the first and last two characters of an identifier, enough to tell
/// two configurations apart without publishing the value.
pub fn mask(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() <= 6 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..2].iter().collect();
    let tail: String = chars[chars.len() - 2..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 4))
}

/// Accept https URLs anywhere and http URLs on loopback only, because a
/// bearer token sent over plain HTTP to another host could be read on the way.
fn validate_url(variable: &'static str, value: &str) -> Result<String, ConfigError> {
    let invalid = |reason: &str| ConfigError::Url {
        variable,
        value: value.to_string(),
        reason: reason.to_string(),
    };
    let parsed = reqwest::Url::parse(value).map_err(|error| invalid(&error.to_string()))?;
    match parsed.scheme() {
        "https" => {}
        "http" => {
            let host = parsed.host_str().unwrap_or("");
            let loopback = host.eq_ignore_ascii_case("localhost")
                || host
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback());
            if !loopback {
                return Err(invalid(
                    "plain http is allowed only for loopback addresses (127.0.0.1, [::1], localhost); use https",
                ));
            }
        }
        other => return Err(invalid(&format!("scheme {other:?} is not http or https"))),
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(invalid("remove the query string and fragment"));
    }
    Ok(value.trim_end_matches('/').to_string())
}

fn parse_bool(variable: &'static str, value: &str) -> Result<bool, ConfigError> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(ConfigError::Boolean {
            variable,
            value: value.to_string(),
        }),
    }
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "zoom-webinar-mcp")
}

fn default_cache_file() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.cache_dir().join("token-cache.json"))
}

/// Exports go to the user's data folder rather than the working
/// directory, because MCP hosts often start servers with `/` as the
/// working directory.
fn default_export_dir() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.data_dir().join("exports"))
}

fn default_log_dir() -> Option<PathBuf> {
    let dirs = project_dirs()?;
    Some(
        dirs.state_dir()
            .unwrap_or_else(|| dirs.cache_dir())
            .to_path_buf(),
    )
}

#[cfg(test)]
mod tests;
