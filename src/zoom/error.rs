//! Errors from Zoom requests, with messages that state what to do next.

use std::fmt::Write as _;

use serde::Deserialize;

use super::failure::{DailyLimitFailure, NetworkFailure, UncertainWrite};
use super::path::user_in_path;

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
    /// Zoom's error code from the body, when the body was Zoom's JSON (or XML).
    pub code: Option<i64>,
    pub message: String,
    pub errors: Vec<FieldError>,
    /// Rate-limit headers, read on every error response.
    pub rate_limit: RateLimitHeaders,
    /// Attempts sent for this request, the failed one included.
    pub attempts: u32,
}

/// Zoom's rate-limit headers, as sent.
#[derive(Debug, Clone, Default)]
pub struct RateLimitHeaders {
    /// `Retry-After`: seconds, or a date on daily limits.
    pub retry_after: Option<String>,
    /// `X-RateLimit-Type`: `QPS` or `Daily-limit`.
    pub rate_limit_type: Option<String>,
    /// `X-RateLimit-Reset`.
    pub reset: Option<String>,
    /// `X-RateLimit-Category`: Light, Medium, Heavy or Resource-intensive.
    pub category: Option<String>,
    /// `X-RateLimit-Limit`.
    pub limit: Option<String>,
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

    /// A daily rate limit, which no retry before its reset can pass.
    #[error("{0}")]
    DailyLimit(Box<DailyLimitFailure>),

    /// A write that may or may not have reached Zoom, and was not repeated.
    #[error("{0}")]
    OutcomeUnknown(Box<UncertainWrite>),

    /// A network failure on an API request: no connection, a timeout, or a
    /// connection that closed early.
    #[error("{0}")]
    Network(Box<NetworkFailure>),

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
            ZoomError::DailyLimit(_) => Some(429),
            _ => None,
        }
    }

    /// HTTP status of a failed API call.
    pub fn status(&self) -> Option<u16> {
        match self {
            ZoomError::Api(failure) => Some(failure.status),
            ZoomError::DailyLimit(_) => Some(429),
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
        rate_limit,
        attempts,
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
    if *attempts > 1 {
        let _ = write!(text, "\nThe request was sent {attempts} times.");
    }
    if let Some(hint) = hint(failure, rate_limit) {
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

/// Returns what to do next about a Zoom error, when there is advice to give.
fn hint(failure: &ApiFailure, rate_limit: &RateLimitHeaders) -> Option<String> {
    let message = failure.message.to_lowercase();
    match (failure.status, failure.code) {
        (401, _) => Some(
            "The access token was rejected. Call refresh_token; if that fails, check the app's credentials and that it is activated.".to_string(),
        ),
        (_, Some(4711)) => Some(missing_scope_hint(&failure.message)),
        (_, Some(200)) => Some(licence_hint(&failure.path)),
        (_, Some(1001)) => Some("Check the user id or email; list_users_for_selection shows the account's users.".to_string()),
        (_, Some(3001)) if failure.path.starts_with("/report/") || failure.path.starts_with("/past_webinars/") => Some(
            "Reports and past-webinar data exist only once a webinar has ended, and Zoom keeps them for a limited time. Check the webinar id or UUID; list_past_webinar_instances shows the ended instances.".to_string(),
        ),
        (_, Some(3001)) => Some("Check the webinar id; list_webinars shows the upcoming webinars.".to_string()),
        (_, Some(3000)) if message.contains("registration") => Some(
            "Registrant tools need registration on: update the webinar with settings.registration automatic or manual.".to_string(),
        ),
        (_, Some(3000)) if message.contains("occurrence") => {
            Some("Check the occurrence_id; get_webinar lists the webinar's occurrences.".to_string())
        }
        (_, Some(3079)) => Some(
            "Check the registrant id or email; find_registrant_by_email and list_webinar_registrants show the webinar's registrants.".to_string(),
        ),
        (_, Some(4400)) if message.contains("poll id") => {
            Some("Check the poll id; get_webinar_polls lists the webinar's polls.".to_string())
        }
        (_, Some(4400)) => Some(
            "Polls are off for this webinar or account: turn on polling in the Zoom web portal's webinar settings.".to_string(),
        ),
        (_, Some(300)) if !failure.errors.is_empty() => Some("Fix the listed fields and try again.".to_string()),
        (429, _) => Some(match &rate_limit.retry_after {
            Some(at) => format!("Zoom's per-second rate limit is reached; retry after {at} (Retry-After)."),
            None => "Zoom's per-second rate limit is reached; wait a few seconds and retry.".to_string(),
        }),
        (500..=599, _) => Some("Zoom had a server error; try again in a minute.".to_string()),
        _ => None,
    }
}

/// Names the scopes Zoom listed in a code 4711 message, such as
/// `Invalid access token, does not contain scopes:[webinar:write:webinar, webinar:write:webinar:admin].`,
/// and how to add one to the app.
fn missing_scope_hint(message: &str) -> String {
    let scopes: Vec<&str> = message
        .split_once('[')
        .and_then(|(_, rest)| rest.split_once(']'))
        .map(|(list, _)| {
            list.split(',')
                .map(str::trim)
                .filter(|scope| !scope.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let needed = if scopes.is_empty() {
        "the scope this call needs (SCOPES.md lists them per tool)".to_string()
    } else {
        format!("one of these scopes: {}", scopes.join(", "))
    };
    format!(
        "The Zoom app lacks {needed}. In the Zoom App Marketplace open Manage, select the \
         Server-to-Server OAuth app, go to Scopes, choose Add Scopes, add it and save. \
         Then call refresh_token, because a token keeps the scopes it was issued with."
    )
}

/// Names the user who needs a Webinars licence for a code 200 error: the
/// user in the path (`/users/{userId}/webinars`), else the webinar's host.
fn licence_hint(path: &str) -> String {
    let user = match user_in_path(path) {
        Some(user) => format!("user {user}"),
        None => "the webinar's host".to_string(),
    };
    format!(
        "Zoom reports no Webinars licence or no permission for {user}. Assign a Webinars \
         licence to {user} in the Zoom web portal (User Management > Users > edit the user), \
         or choose a host who has one (get_users lists the account's users)."
    )
}
