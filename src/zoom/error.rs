//! Errors from Zoom requests, with messages that state what to do next.

use std::fmt::Write as _;

use serde::Deserialize;

/// One field problem in a Zoom validation error (code 300).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct FieldError {
    #[serde(default)]
    pub field: String,
    #[serde(default)]
    pub message: String,
}

/// Zoom's error body: `{"code":300,"message":"...","errors":[...]}`.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct ZoomErrorBody {
    pub code: Option<i64>,
    pub message: Option<String>,
    #[serde(default)]
    pub errors: Vec<FieldError>,
}

/// An error response from the Zoom REST API.
#[derive(Debug, Clone)]
pub struct ApiFailure {
    pub method: String,
    pub path: String,
    pub status: u16,
    /// Zoom's error code from the body, when the body was Zoom's JSON.
    pub code: Option<i64>,
    pub message: String,
    pub errors: Vec<FieldError>,
    /// `Retry-After` header: seconds or a date.
    pub retry_after: Option<String>,
    /// `X-RateLimit-Type` header: `QPS` or `Daily-limit`.
    pub rate_limit_type: Option<String>,
}

/// A failure to get a result from Zoom. `Display` never contains a secret
/// or a token, so every variant can go into a log or a tool result.
#[derive(Debug, thiserror::Error)]
pub enum ZoomError {
    #[error("{}", not_configured_message(missing))]
    NotConfigured { missing: Vec<&'static str> },

    #[error("{}", token_message(*status, error, reason))]
    TokenRequest {
        status: u16,
        error: String,
        reason: String,
    },

    #[error("{}", api_message(.0))]
    Api(Box<ApiFailure>),

    #[error("could not reach Zoom ({url_kind}): {message}. Check the network and the base URL.")]
    Transport {
        url_kind: &'static str,
        message: String,
    },

    #[error("Zoom's {url_kind} answered with a body that could not be read: {message}")]
    Decode {
        url_kind: &'static str,
        message: String,
    },

    #[error("{0}")]
    InvalidInput(String),
}

impl ZoomError {
    /// Zoom's error code, when Zoom sent one.
    pub fn zoom_code(&self) -> Option<i64> {
        match self {
            ZoomError::Api(failure) => failure.code,
            _ => None,
        }
    }

    /// HTTP status of a failed API call.
    pub fn status(&self) -> Option<u16> {
        match self {
            ZoomError::Api(failure) => Some(failure.status),
            ZoomError::TokenRequest { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Report whether Zoom rejected the access token itself (401, code 124), so a
    /// fresh token may succeed.
    pub fn is_invalid_token(&self) -> bool {
        matches!(self, ZoomError::Api(failure) if failure.status == 401)
    }

    /// Report whether the resource does not exist (a 404, or Zoom's 400 codes for
    /// an unknown registrant).
    pub fn is_not_found(&self) -> bool {
        matches!(self, ZoomError::Api(failure) if failure.status == 404 || failure.code == Some(3079))
    }
}

fn not_configured_message(missing: &[&'static str]) -> String {
    format!(
        "Zoom credentials are not configured: {} missing. Fix it either way: \
         (1) put ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET of your Server-to-Server OAuth app \
         in an env file and start the server with --env-file PATH (or ZOOM_ENV_FILE); if it already has one, \
         edit that file and call auto_configure_zoom, or \
         (2) call configure_zoom with account_id, client_id and client_secret (kept in memory only). \
         To try the server without an account, start it with --sandbox.",
        missing.join(", ")
    )
}

fn token_message(status: u16, error: &str, reason: &str) -> String {
    let hint = match error {
        "invalid_client" => {
            "Check ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET against the app's App Credentials page."
        }
        "invalid_request" | "invalid_grant" => {
            "Check ZOOM_ACCOUNT_ID, and that the app is a Server-to-Server OAuth app that is activated."
        }
        "unsupported_grant_type" => "The app must be a Server-to-Server OAuth app.",
        _ => "Check the three ZOOM_ credentials and that the app is activated.",
    };
    let reason = if reason.is_empty() {
        String::new()
    } else {
        format!(": {reason}")
    };
    format!("Zoom refused the access token request (HTTP {status}, {error}{reason}). {hint}")
}

fn api_message(failure: &ApiFailure) -> String {
    let ApiFailure {
        method,
        path,
        status,
        code,
        message,
        errors,
        retry_after,
        rate_limit_type,
    } = failure;
    let mut text = match code {
        Some(code) => {
            format!("Zoom returned HTTP {status} (code {code}) for {method} {path}: {message}")
        }
        None => format!("Zoom returned HTTP {status} for {method} {path}: {message}"),
    };
    for field_error in errors {
        let _ = write!(
            text,
            "\n- field {}: {}",
            field_error.field, field_error.message
        );
    }
    let hint = match (status, code) {
        (401, _) => Some(
            "The access token was rejected. Call refresh_token; if that fails, check the app's credentials and that it is activated.".to_string(),
        ),
        (_, Some(4711)) => Some(
            "The app lacks a scope this call needs. Add one of the listed scopes on the app's Scopes page in the Zoom App Marketplace, then call refresh_token.".to_string(),
        ),
        (_, Some(200)) => Some(
            "The user has no Webinars licence or no permission. Assign a Webinars licence to the host in the Zoom admin portal (User Management), or choose a licensed host.".to_string(),
        ),
        (_, Some(1001)) => Some("Check the user id or email; list_users_for_selection shows the account's users.".to_string()),
        (_, Some(3001)) => Some("Check the webinar id; list_webinars shows the upcoming webinars.".to_string()),
        (_, Some(3000)) if message.to_lowercase().contains("registration") => Some(
            "Registrant tools need registration on: update the webinar with settings.registration automatic or manual.".to_string(),
        ),
        (_, Some(3000)) if message.to_lowercase().contains("occurrence") => {
            Some("Check the occurrence_id; get_webinar lists the webinar's occurrences.".to_string())
        }
        (_, Some(300)) if !errors.is_empty() => Some("Fix the listed fields and try again.".to_string()),
        (429, _) => Some(match (rate_limit_type.as_deref(), retry_after) {
            (Some("Daily-limit"), Some(at)) => format!("Zoom's daily limit is reached; requests can resume at {at}."),
            (_, Some(at)) => format!("Zoom's rate limit is reached; retry after {at}."),
            _ => "Zoom's rate limit is reached; wait and retry. Daily limits reset at 00:00 UTC.".to_string(),
        }),
        _ => None,
    };
    if let Some(hint) = hint {
        let _ = write!(text, "\n{hint}");
    }
    text
}

/// Describe a transport failure with its causes (such as "connection
/// refused"), without the URL, which reqwest would otherwise include.
pub fn transport_message(error: reqwest::Error) -> String {
    let error = error.without_url();
    let mut message = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    message
}
