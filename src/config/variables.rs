//! The environment variables the server reads, with their defaults.

/// One environment variable the server reads.
#[derive(Debug, Clone, Copy)]
pub struct Variable {
    pub name: &'static str,
    /// Default shown in `--help` and `zoom://env-status`, or `None` when unset means "not configured".
    pub default: Option<&'static str>,
    pub description: &'static str,
    /// Secret values are never printed, logged or returned, only whether they are set.
    pub secret: bool,
}

pub const ACCOUNT_ID: &str = "ZOOM_ACCOUNT_ID";
pub const CLIENT_ID: &str = "ZOOM_CLIENT_ID";
pub const CLIENT_SECRET: &str = "ZOOM_CLIENT_SECRET";
pub const API_BASE_URL: &str = "ZOOM_API_BASE_URL";
pub const OAUTH_TOKEN_URL: &str = "ZOOM_OAUTH_TOKEN_URL";
pub const TOKEN_CACHE_FILE: &str = "ZOOM_TOKEN_CACHE_FILE";
pub const DEFAULT_TIMEZONE: &str = "ZOOM_DEFAULT_TIMEZONE";
pub const LOG_DIR: &str = "ZOOM_LOG_DIR";
pub const EXPORT_DIR: &str = "ZOOM_EXPORT_DIR";
pub const ENV_FILE: &str = "ZOOM_ENV_FILE";
pub const TOOLSETS: &str = "ZOOM_TOOLSETS";
pub const TOOLS: &str = "ZOOM_TOOLS";
pub const READ_ONLY: &str = "ZOOM_READ_ONLY";
pub const OUTPUT_SCHEMAS: &str = "ZOOM_OUTPUT_SCHEMAS";
pub const HIDE_UNAUTHORIZED: &str = "ZOOM_HIDE_UNAUTHORIZED";
pub const CONNECT_TIMEOUT_SECS: &str = "ZOOM_CONNECT_TIMEOUT_SECS";
pub const REQUEST_TIMEOUT_SECS: &str = "ZOOM_REQUEST_TIMEOUT_SECS";
pub const TOOL_DEADLINE_SECS: &str = "ZOOM_TOOL_DEADLINE_SECS";
pub const RETRY_MAX_ATTEMPTS: &str = "ZOOM_RETRY_MAX_ATTEMPTS";
pub const RETRY_BASE_DELAY_MS: &str = "ZOOM_RETRY_BASE_DELAY_MS";
pub const RUST_LOG: &str = "RUST_LOG";

pub const DEFAULT_API_BASE_URL: &str = "https://api.zoom.us/v2";
pub const DEFAULT_OAUTH_TOKEN_URL: &str = "https://zoom.us/oauth/token";
pub const DEFAULT_TIME_ZONE: &str = "Asia/Kolkata";

/// Every variable, in the order `--help` lists them.
pub const VARIABLES: &[Variable] = &[
    Variable {
        name: ACCOUNT_ID,
        default: None,
        description: "Account ID of the Server-to-Server OAuth app (Zoom App Marketplace, App Credentials).",
        secret: false,
    },
    Variable {
        name: CLIENT_ID,
        default: None,
        description: "Client ID of the Server-to-Server OAuth app.",
        secret: false,
    },
    Variable {
        name: CLIENT_SECRET,
        default: None,
        description: "Client secret of the Server-to-Server OAuth app. Never logged or shown.",
        secret: true,
    },
    Variable {
        name: API_BASE_URL,
        default: Some("https://api.zoom.us/v2, or the api_url region returned with the token"),
        description: "Base URL of the Zoom REST API v2.",
        secret: false,
    },
    Variable {
        name: OAUTH_TOKEN_URL,
        default: Some(DEFAULT_OAUTH_TOKEN_URL),
        description: "Zoom OAuth token endpoint.",
        secret: false,
    },
    Variable {
        name: TOKEN_CACHE_FILE,
        default: Some("<user cache dir>/zoom-webinar-mcp/token-cache.json"),
        description: "File that caches access tokens across restarts (written with owner-only permissions).",
        secret: false,
    },
    Variable {
        name: DEFAULT_TIMEZONE,
        default: Some(DEFAULT_TIME_ZONE),
        description: "IANA time zone for local start times and for displaying times.",
        secret: false,
    },
    Variable {
        name: LOG_DIR,
        default: Some("<user state or cache dir>/zoom-webinar-mcp"),
        description: "Folder for zoom_mcp_server.log.",
        secret: false,
    },
    Variable {
        name: EXPORT_DIR,
        default: Some("<user data dir>/zoom-webinar-mcp/exports"),
        description: "Folder that export_webinar_registrants writes into; export paths must stay inside it.",
        secret: false,
    },
    Variable {
        name: CONNECT_TIMEOUT_SECS,
        default: Some("10"),
        description: "Seconds allowed to connect to Zoom or the token endpoint (decimals allowed); --connect-timeout overrides it.",
        secret: false,
    },
    Variable {
        name: REQUEST_TIMEOUT_SECS,
        default: Some("30"),
        description: "Seconds allowed for one whole request to Zoom (decimals allowed); --request-timeout overrides it.",
        secret: false,
    },
    Variable {
        name: TOOL_DEADLINE_SECS,
        default: Some("50"),
        description: "Seconds after which a tool call stops and returns an error that says it can be retried; below the 60 seconds most MCP hosts wait. --tool-deadline overrides it.",
        secret: false,
    },
    Variable {
        name: RETRY_MAX_ATTEMPTS,
        default: Some("4"),
        description: "Attempts per Zoom request, the first one included, for rate limits (HTTP 429), server errors and network failures (1 to 10).",
        secret: false,
    },
    Variable {
        name: RETRY_BASE_DELAY_MS,
        default: Some("500"),
        description: "Milliseconds before the first retry when Zoom sends no Retry-After; each later wait doubles, with jitter.",
        secret: false,
    },
    Variable {
        name: ENV_FILE,
        default: Some("none; ./.env is read only when no env file is given"),
        description: "Env file to read variables from; the process environment wins over it.",
        secret: false,
    },
    Variable {
        name: TOOLSETS,
        default: Some("config,users,webinars,panelists,registrants,polls,past_webinars"),
        description: "Comma-separated toolsets to expose, or all (see the toolset list below).",
        secret: false,
    },
    Variable {
        name: TOOLS,
        default: Some("none"),
        description: "Comma-separated single tools to expose in addition to the toolsets.",
        secret: false,
    },
    Variable {
        name: READ_ONLY,
        default: Some("0"),
        description: "1 exposes only read-only tools, whatever the toolsets and tools say.",
        secret: false,
    },
    Variable {
        name: OUTPUT_SCHEMAS,
        default: Some("0"),
        description: "1 sends each tool's outputSchema in tools/list, for clients that validate results (adds about 60 KB).",
        secret: false,
    },
    Variable {
        name: HIDE_UNAUTHORIZED,
        default: Some("0"),
        description: "1 leaves tools that the access token's scopes cannot serve out of tools/list; 0 lists them with a note naming the missing scope.",
        secret: false,
    },
    Variable {
        name: RUST_LOG,
        default: Some("info"),
        description: "Log filter (tracing-subscriber EnvFilter syntax), e.g. debug or zoom_webinar_mcp=debug.",
        secret: false,
    },
];

/// Render the variable table for the end of `--help`.
pub fn help_text() -> String {
    let mut text = String::from("Environment variables:\n");
    for variable in VARIABLES {
        text.push_str(&format!(
            "  {}\n      {}\n",
            variable.name, variable.description
        ));
        match variable.default {
            Some(default) => text.push_str(&format!("      default: {default}\n")),
            None => text.push_str("      default: unset (required for a real Zoom account)\n"),
        }
    }
    text
}
