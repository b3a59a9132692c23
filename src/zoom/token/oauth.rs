//! The Server-to-Server OAuth token request.

use chrono::{DateTime, Duration, Utc};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::config::Credentials;
use crate::zoom::ZoomError;
use crate::zoom::error::transport_message;

/// A token as the token endpoint returned it.
pub struct IssuedToken {
    pub access_token: SecretString,
    pub scopes: Vec<String>,
    pub api_url: Option<String>,
    pub expires_at: DateTime<Utc>,
    pub generated_at: DateTime<Utc>,
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    #[serde(default)]
    expires_in: Option<i64>,
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    api_url: Option<String>,
}

/// OAuth-style error body (`{"reason":"...","error":"invalid_client"}`);
/// Zoom-style `{code,message}` bodies are read too.
#[derive(Deserialize, Default)]
struct TokenErrorBody {
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    message: Option<String>,
}

/// Lifetime assumed when the response omits `expires_in`; Zoom's tokens live one hour.
const DEFAULT_LIFETIME_SECS: i64 = 3600;

/// Request a token with the account_credentials grant: HTTP Basic auth with
/// the client id and secret, and the grant in a form body (Zoom has
/// rejected query-string-only requests).
pub async fn request_token(
    http: &reqwest::Client,
    token_url: &str,
    credentials: &Credentials,
) -> Result<IssuedToken, ZoomError> {
    let generated_at = Utc::now();
    let response = http
        .post(token_url)
        .basic_auth(
            &credentials.client_id,
            Some(credentials.client_secret.expose_secret()),
        )
        .form(&[
            ("grant_type", "account_credentials"),
            ("account_id", credentials.account_id.as_str()),
        ])
        .send()
        .await
        .map_err(|error| ZoomError::Transport {
            url_kind: "OAuth token endpoint",
            message: format!(
                "{} (token URL {token_url}; set by ZOOM_OAUTH_TOKEN_URL)",
                transport_message(error)
            ),
        })?;

    let status = response.status();
    let body = response
        .bytes()
        .await
        .map_err(|error| ZoomError::Transport {
            url_kind: "OAuth token endpoint",
            message: transport_message(error),
        })?;

    if !status.is_success() {
        let parsed: TokenErrorBody = serde_json::from_slice(&body).unwrap_or_default();
        return Err(ZoomError::TokenRequest {
            status: status.as_u16(),
            error: parsed.error.unwrap_or_else(|| "error".to_string()),
            reason: parsed.reason.or(parsed.message).unwrap_or_default(),
        });
    }

    let parsed: TokenResponse =
        serde_json::from_slice(&body).map_err(|error| ZoomError::Decode {
            url_kind: "OAuth token endpoint",
            message: error.to_string(),
        })?;
    let lifetime = parsed.expires_in.unwrap_or(DEFAULT_LIFETIME_SECS).max(0);
    Ok(IssuedToken {
        access_token: SecretString::from(parsed.access_token),
        scopes: parsed
            .scope
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_string)
            .collect(),
        api_url: parsed.api_url.filter(|url| !url.is_empty()),
        expires_at: generated_at + Duration::seconds(lifetime),
        generated_at,
    })
}
