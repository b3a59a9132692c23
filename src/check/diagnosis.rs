//! Explaining a failed token request: what Zoom's OAuth error means and
//! which setting to change.

use super::report::{ProblemKind, TokenProblem};
use crate::config::{Config, ValueSource, mask, variables as var};
use crate::zoom::ZoomError;

const APP_CREDENTIALS: &str = "the app's App Credentials page in the Zoom App Marketplace (marketplace.zoom.us, Manage, then the app)";

/// Turns the error of a token request into a problem with its fix.
pub fn diagnose(error: &ZoomError, config: &Config) -> TokenProblem {
    match error {
        ZoomError::NotConfigured { missing } => missing_credentials(missing, config),
        ZoomError::TokenRequest {
            status,
            error,
            reason,
        } => refused(*status, error, reason, config),
        ZoomError::Transport { message, .. } => TokenProblem {
            kind: ProblemKind::Network,
            http_status: None,
            error: None,
            reason: None,
            message: format!(
                "The token endpoint {} could not be reached: {message}.",
                config.token_url
            ),
            fix: format!(
                "Check the network connection and any proxy, and {} ({}; {}).",
                var::OAUTH_TOKEN_URL,
                config.token_url,
                describe_source(config, var::OAUTH_TOKEN_URL)
            ),
        },
        other => TokenProblem {
            kind: ProblemKind::Unexpected,
            http_status: other.status(),
            error: None,
            reason: None,
            message: format!("The token request failed: {other}"),
            fix: format!(
                "Check that {} ({}) is Zoom's token endpoint, https://zoom.us/oauth/token.",
                var::OAUTH_TOKEN_URL,
                config.token_url
            ),
        },
    }
}

fn missing_credentials(missing: &[&'static str], config: &Config) -> TokenProblem {
    let env_file = match &config.env_file {
        Some(path) => format!("the env file {}", path.display()),
        None => "an env file named with --env-file (or ZOOM_ENV_FILE)".to_owned(),
    };
    TokenProblem {
        kind: ProblemKind::MissingCredentials,
        http_status: None,
        error: None,
        reason: None,
        message: format!(
            "{} {} not set, so no token was requested.",
            join_names(missing),
            if missing.len() == 1 { "is" } else { "are" }
        ),
        fix: format!(
            "Copy the {} from {APP_CREDENTIALS} into {}, in {env_file} \
             or in the environment. An empty value or an unexpanded ${{...}} counts as unset.",
            join_names(
                &missing
                    .iter()
                    .map(|name| credential_label(name))
                    .collect::<Vec<_>>()
            ),
            join_names(missing),
        ),
    }
}

/// Returns the App Credentials page's label for a credential variable.
fn credential_label(variable: &str) -> &'static str {
    match variable {
        "ZOOM_ACCOUNT_ID" => "Account ID",
        "ZOOM_CLIENT_ID" => "Client ID",
        _ => "Client Secret",
    }
}

/// Joins names as "A", "A and B" or "A, B and C".
fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn refused(status: u16, error: &str, reason: &str, config: &Config) -> TokenProblem {
    let kind = classify(status, error, reason);
    let detail = if reason.is_empty() {
        format!("HTTP {status}, {error}")
    } else {
        format!("HTTP {status}, {error}: {reason}")
    };
    let account = config
        .credentials
        .as_ref()
        .map(|credentials| mask(&credentials.account_id))
        .unwrap_or_default();
    let (message, fix) = match kind {
        ProblemKind::InvalidClient => (
            format!("Zoom rejected the client ID or the client secret ({detail})."),
            format!(
                "Copy the Client ID and Client Secret again from {APP_CREDENTIALS} into \
                 ZOOM_CLIENT_ID ({}) and ZOOM_CLIENT_SECRET ({}). After the secret is \
                 regenerated only the new one works. If both are right, check that the app \
                 is a Server-to-Server OAuth app that still exists and is activated.",
                describe_source(config, var::CLIENT_ID),
                describe_source(config, var::CLIENT_SECRET)
            ),
        ),
        ProblemKind::AccountId => (
            format!("Zoom rejected the account ID {account} ({detail})."),
            format!(
                "Copy the Account ID from {APP_CREDENTIALS} into ZOOM_ACCOUNT_ID ({}). \
                 It is the ID of the Zoom account that owns the app, not a user ID or an email.",
                describe_source(config, var::ACCOUNT_ID)
            ),
        ),
        ProblemKind::AppNotActivated => (
            format!("Zoom reports that the app is not activated ({detail})."),
            "Open the app in the Zoom App Marketplace and activate it on its Activation page. \
             Zoom issues no tokens while the app is deactivated."
                .to_owned(),
        ),
        _ => (
            format!("Zoom refused the token request ({detail})."),
            format!(
                "Check that the app is a Server-to-Server OAuth app, that it is activated, that \
                 ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET match {APP_CREDENTIALS}, \
                 and that {} ({}) is Zoom's token endpoint.",
                var::OAUTH_TOKEN_URL,
                config.token_url
            ),
        ),
    };
    TokenProblem {
        kind,
        http_status: Some(status),
        error: Some(error.to_owned()),
        reason: (!reason.is_empty()).then(|| reason.to_owned()),
        message,
        fix,
    }
}

/// Sorts an OAuth error into a kind. The reason text is read first, so a
/// disabled app is recognised whatever `error` value comes with it.
fn classify(status: u16, error: &str, reason: &str) -> ProblemKind {
    let reason = reason.to_ascii_lowercase();
    if reason.contains("disabled")
        || reason.contains("deactivat")
        || reason.contains("not activated")
    {
        return ProblemKind::AppNotActivated;
    }
    if error == "invalid_client" || status == 401 {
        return ProblemKind::InvalidClient;
    }
    if reason.contains("account") {
        return ProblemKind::AccountId;
    }
    ProblemKind::Unexpected
}

/// Returns "set in the environment", "set in env file PATH" and the like.
fn describe_source(config: &Config, name: &str) -> String {
    match config.sources.get(name) {
        Some(ValueSource::Environment) => "set in the environment".to_owned(),
        Some(ValueSource::EnvFile(path)) => format!("set in the env file {}", path.display()),
        Some(ValueSource::ConfigureTool) => "set by configure_zoom".to_owned(),
        Some(ValueSource::Sandbox) => "set by --sandbox".to_owned(),
        Some(ValueSource::Default) | None => "not set, so the default applies".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_zoom_errors() {
        let cases = [
            (
                401,
                "invalid_client",
                "Invalid client_id or client_secret",
                ProblemKind::InvalidClient,
            ),
            (
                400,
                "invalid_request",
                "Invalid request : Invalid account_id",
                ProblemKind::AccountId,
            ),
            (
                400,
                "invalid_client",
                "The app has been disabled",
                ProblemKind::AppNotActivated,
            ),
            (
                400,
                "unsupported_grant_type",
                "Unsupported grant type",
                ProblemKind::Unexpected,
            ),
        ];
        for (status, error, reason, expected) in cases {
            assert_eq!(
                classify(status, error, reason),
                expected,
                "{error}: {reason}"
            );
        }
    }
}
