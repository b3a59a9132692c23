//! The Server-to-Server OAuth token endpoint and the tokens it issues.
//!
//! `POST /oauth/token` takes HTTP Basic client credentials (any non-empty
//! client id and secret, unless [`SandboxApp`] names the accepted ones) and
//! `grant_type=account_credentials` plus a non-empty `account_id`, in the
//! form body or the query string. Every call issues a new, independent
//! token; older tokens stay valid until they expire. Errors use OAuth's
//! `{"reason","error"}` body, not Zoom's `{"code","message"}`.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use axum::http::{HeaderMap, StatusCode, header};
use serde_json::{Value, json};

use super::SandboxApp;
use super::ids;
use super::query::QueryParams;

#[derive(Debug)]
struct IssuedToken {
    expires_at: Instant,
    scopes: Vec<String>,
}

/// Access tokens issued by this process.
#[derive(Debug)]
pub(crate) struct TokenStore {
    tokens: HashMap<String, IssuedToken>,
    ttl: Duration,
    scopes: Vec<String>,
    app: SandboxApp,
}

/// A failed token request, in OAuth's error vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenError {
    /// Missing or malformed Basic credentials (401).
    InvalidClient,
    /// `grant_type` is missing (400).
    MissingGrantType,
    /// `grant_type` is not `account_credentials` (400).
    UnsupportedGrantType,
    /// `account_id` is missing or empty (400).
    MissingAccountId,
    /// `account_id` is not the simulated app's account (400).
    UnknownAccountId,
    /// The simulated app is not activated (400).
    AppDeactivated,
}

impl TokenError {
    fn status(self) -> StatusCode {
        match self {
            TokenError::InvalidClient => StatusCode::UNAUTHORIZED,
            _ => StatusCode::BAD_REQUEST,
        }
    }

    fn body(self) -> Value {
        let (reason, error) = match self {
            TokenError::InvalidClient => ("Invalid client_id or client_secret", "invalid_client"),
            TokenError::MissingGrantType => ("Missing grant type", "invalid_request"),
            TokenError::UnsupportedGrantType => {
                ("Unsupported grant type", "unsupported_grant_type")
            }
            TokenError::MissingAccountId => {
                ("Invalid request : Missing account_id", "invalid_request")
            }
            // NOTE: Zoom's docs publish no body for an unknown account id or
            // a deactivated app. These follow the style of the bodies above
            // and the message of Zoom's OAuth error 4717; check recognises
            // them by the words "account" and "disabled".
            TokenError::UnknownAccountId => {
                ("Invalid request : Invalid account_id", "invalid_request")
            }
            TokenError::AppDeactivated => ("The app has been disabled", "invalid_client"),
        };
        json!({ "reason": reason, "error": error })
    }
}

impl TokenStore {
    pub(crate) fn new(ttl: Duration, scopes: Vec<String>) -> Self {
        Self {
            tokens: HashMap::new(),
            ttl,
            scopes,
            app: SandboxApp::default(),
        }
    }

    /// Accepts only the credentials `app` names, and none when it is deactivated.
    pub(crate) fn with_app(mut self, app: SandboxApp) -> Self {
        self.app = app;
        self
    }

    /// Handles one token request and returns the status and JSON body.
    /// `api_url` is the base URL clients should call, without `/v2`.
    pub(crate) fn handle(
        &mut self,
        headers: &HeaderMap,
        query: &QueryParams,
        body: &[u8],
        api_url: &str,
    ) -> (StatusCode, Value) {
        match self.try_issue(headers, query, body) {
            Ok(token) => {
                let body = json!({
                    "access_token": token,
                    "token_type": "bearer",
                    "expires_in": self.ttl.as_secs(),
                    "scope": self.scopes.join(" "),
                    "api_url": api_url,
                });
                (StatusCode::OK, body)
            }
            Err(error) => {
                tracing::info!(error = ?error, "sandbox rejected a token request");
                (error.status(), error.body())
            }
        }
    }

    fn try_issue(
        &mut self,
        headers: &HeaderMap,
        query: &QueryParams,
        body: &[u8],
    ) -> Result<String, TokenError> {
        let Some((client_id, client_secret)) = basic_credentials(headers) else {
            return Err(TokenError::InvalidClient);
        };
        let wrong = |expected: &Option<String>, given: &str| {
            expected
                .as_deref()
                .is_some_and(|expected| expected != given)
        };
        if wrong(&self.app.client_id, &client_id) || wrong(&self.app.client_secret, &client_secret)
        {
            return Err(TokenError::InvalidClient);
        }
        if self.app.deactivated {
            return Err(TokenError::AppDeactivated);
        }
        let form = QueryParams::parse(&String::from_utf8_lossy(body));
        let param = |name: &str| {
            form.non_empty(name)
                .or_else(|| query.non_empty(name))
                .map(str::to_owned)
        };
        match param("grant_type").as_deref() {
            None => return Err(TokenError::MissingGrantType),
            Some("account_credentials") => {}
            Some(_) => return Err(TokenError::UnsupportedGrantType),
        }
        let Some(account_id) = param("account_id") else {
            return Err(TokenError::MissingAccountId);
        };
        if wrong(&self.app.account_id, &account_id) {
            return Err(TokenError::UnknownAccountId);
        }

        let now = Instant::now();
        self.tokens.retain(|_, issued| issued.expires_at > now);
        let token = format!("sbx.{}", ids::secret());
        self.tokens.insert(
            token.clone(),
            IssuedToken {
                expires_at: now + self.ttl,
                scopes: self.scopes.clone(),
            },
        );
        Ok(token)
    }

    /// Revokes every token issued so far and returns how many were live,
    /// so the next API call with any of them gets 401 code 124.
    pub(crate) fn revoke_all(&mut self) -> usize {
        let now = Instant::now();
        let live = self
            .tokens
            .values()
            .filter(|issued| issued.expires_at > now)
            .count();
        self.tokens.clear();
        live
    }

    /// Returns the scopes of a live token, or `None` for an unknown or
    /// expired one.
    pub(crate) fn scopes_of(&self, token: &str) -> Option<&[String]> {
        self.tokens
            .get(token)
            .filter(|issued| issued.expires_at > Instant::now())
            .map(|issued| issued.scopes.as_slice())
    }
}

/// Returns the bearer token of an `Authorization` header, if any.
pub(crate) fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|token| !token.is_empty())
}

/// Returns the client id and secret of `Basic base64(id:secret)` when both
/// are non-empty.
fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = decode_base64(encoded.trim())?;
    let text = String::from_utf8_lossy(&decoded);
    let (id, secret) = text.split_once(':')?;
    (!id.is_empty() && !secret.is_empty()).then(|| (id.to_owned(), secret.to_owned()))
}

/// Decodes standard base64 with optional padding.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let digits: Vec<u8> = text
        .trim_end_matches('=')
        .bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' => Some(byte - b'A'),
            b'a'..=b'z' => Some(byte - b'a' + 26),
            b'0'..=b'9' => Some(byte - b'0' + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        })
        .collect::<Option<_>>()?;
    if digits.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut acc: u32 = 0;
        for (index, digit) in chunk.iter().enumerate() {
            acc |= u32::from(*digit) << (18 - 6 * index);
        }
        let bytes = acc.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn decode_base64_round_trips() {
        assert_eq!(decode_base64("aWQ6c2VjcmV0").unwrap(), b"id:secret");
        assert_eq!(decode_base64("Zm8=").unwrap(), b"fo");
        assert_eq!(decode_base64("Zg==").unwrap(), b"f");
        assert_eq!(decode_base64("Z"), None);
        assert_eq!(decode_base64("a*b="), None);
    }

    #[test]
    fn basic_credentials_need_id_and_secret() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Basic aWQ6c2VjcmV0"),
        );
        assert_eq!(
            basic_credentials(&headers),
            Some(("id".to_owned(), "secret".to_owned()))
        );
        // "id:" has an empty secret.
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Basic aWQ6"),
        );
        assert_eq!(basic_credentials(&headers), None);
    }

    fn request(
        store: &mut TokenStore,
        id_secret: &'static str,
        account: &str,
    ) -> (StatusCode, Value) {
        let mut headers = HeaderMap::new();
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static(id_secret));
        let body = format!("grant_type=account_credentials&account_id={account}");
        store.handle(
            &headers,
            &QueryParams::parse(""),
            body.as_bytes(),
            "http://127.0.0.1:1",
        )
    }

    fn app_store(deactivated: bool) -> TokenStore {
        TokenStore::new(Duration::from_secs(60), vec!["user:read:admin".to_owned()]).with_app(
            SandboxApp {
                client_id: Some("id".to_owned()),
                client_secret: Some("secret".to_owned()),
                account_id: Some("acct".to_owned()),
                deactivated,
            },
        )
    }

    // "aWQ6c2VjcmV0" is base64 of "id:secret", "aWQ6d3Jvbmc=" of "id:wrong".
    #[test]
    fn app_accepts_only_its_credentials() {
        let mut store = app_store(false);
        let (status, _) = request(&mut store, "Basic aWQ6c2VjcmV0", "acct");
        assert_eq!(status, StatusCode::OK);

        let (status, body) = request(&mut store, "Basic aWQ6d3Jvbmc=", "acct");
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body["error"], "invalid_client");

        let (status, body) = request(&mut store, "Basic aWQ6c2VjcmV0", "other");
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(body["error"], "invalid_request");
        assert!(body["reason"].as_str().unwrap().contains("account_id"));
    }

    #[test]
    fn deactivated_app_gets_no_token() {
        let mut store = app_store(true);
        let (status, body) = request(&mut store, "Basic aWQ6c2VjcmV0", "acct");
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(body["reason"].as_str().unwrap().contains("disabled"));
    }
}
