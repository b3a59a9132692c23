//! The HTTP client for the Zoom REST API v2.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use reqwest::Method;
use secrecy::ExposeSecret;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::ZoomError;
use super::error::{ApiFailure, ZoomErrorBody};
use super::path::ApiPath;
use super::token::{AccessToken, TokenManager};
use crate::config::{Config, Credentials, variables::DEFAULT_API_BASE_URL};

/// Connect timeout for Zoom and the token endpoint.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Whole-request timeout, below the 60 seconds most MCP hosts wait for a tool.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Query parameters as name and value pairs.
pub type Query = Vec<(&'static str, String)>;

/// One client shared by every tool: credentials, tokens and the HTTP pool.
pub struct ZoomClient {
    http: reqwest::Client,
    tokens: TokenManager,
    credentials: RwLock<CredentialState>,
    api_base_url: Option<String>,
}

#[derive(Clone)]
struct CredentialState {
    credentials: Option<Credentials>,
    missing: Vec<&'static str>,
}

impl ZoomClient {
    pub fn new(config: &Config) -> Result<ZoomClient, ZoomError> {
        let http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            .user_agent(concat!(
                env!("CARGO_PKG_NAME"),
                "/",
                env!("CARGO_PKG_VERSION")
            ))
            .build()
            .map_err(|error| ZoomError::Transport {
                url_kind: "HTTP client",
                message: error.to_string(),
            })?;
        let tokens = TokenManager::new(
            http.clone(),
            config.token_url.clone(),
            &config.token_cache,
            config.default_time_zone,
        );
        Ok(ZoomClient {
            http,
            tokens,
            credentials: RwLock::new(CredentialState {
                credentials: config.credentials.clone(),
                missing: config.missing_credentials.clone(),
            }),
            api_base_url: config.api_base_url.clone(),
        })
    }

    pub fn tokens(&self) -> &TokenManager {
        &self.tokens
    }

    /// Return the configured credentials, or the error that names what is missing.
    pub fn credentials(&self) -> Result<Credentials, ZoomError> {
        let state = self.read_state();
        state
            .credentials
            .clone()
            .ok_or_else(|| ZoomError::NotConfigured {
                missing: state.missing.clone(),
            })
    }

    /// Replace the credentials (from `configure_zoom` or a reload) and forget
    /// the old token.
    pub fn set_credentials(&self, credentials: Option<Credentials>, missing: Vec<&'static str>) {
        let mut state = self
            .credentials
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *state = CredentialState {
            credentials,
            missing,
        };
        self.tokens.clear();
    }

    /// Return the API base URL for requests made with `token`: the configured one,
    /// else the token's data region, else Zoom's default.
    pub fn base_url(&self, token: Option<&AccessToken>) -> String {
        if let Some(url) = &self.api_base_url {
            return url.clone();
        }
        match token.and_then(|token| token.api_url.as_deref()) {
            Some(region) if region.starts_with("https://") => {
                format!("{}/v2", region.trim_end_matches('/'))
            }
            Some(region) => {
                tracing::warn!(
                    api_url = region,
                    "ignoring a non-https api_url from the token response"
                );
                DEFAULT_API_BASE_URL.to_string()
            }
            None => DEFAULT_API_BASE_URL.to_string(),
        }
    }

    /// GET `path` and decode the JSON body.
    pub async fn get<T: DeserializeOwned>(
        &self,
        path: &ApiPath,
        query: &Query,
    ) -> Result<T, ZoomError> {
        let value = self.send(Method::GET, path, query, None).await?;
        decode(value.unwrap_or(Value::Null))
    }

    /// Send a request; `Ok(None)` is a success without a body (Zoom's 204).
    /// A 401 drops the token if it is still current and retries once with a
    /// new one.
    pub async fn send(
        &self,
        method: Method,
        path: &ApiPath,
        query: &Query,
        body: Option<&Value>,
    ) -> Result<Option<Value>, ZoomError> {
        let credentials = self.credentials()?;
        let token = self.tokens.token(&credentials).await?;
        match self.send_once(&method, path, query, body, &token).await {
            Err(error) if error.is_invalid_token() => {
                tracing::warn!(http.method = %method, path = %path, "access token rejected; retrying once with a new token");
                self.tokens.invalidate(&token);
                let token = self.tokens.token(&credentials).await?;
                self.send_once(&method, path, query, body, &token).await
            }
            other => other,
        }
    }

    async fn send_once(
        &self,
        method: &Method,
        path: &ApiPath,
        query: &Query,
        body: Option<&Value>,
        token: &Arc<AccessToken>,
    ) -> Result<Option<Value>, ZoomError> {
        let url = format!("{}{}", self.base_url(Some(token)), path);
        let mut request = self
            .http
            .request(method.clone(), &url)
            .bearer_auth(token.secret.expose_secret())
            .header(reqwest::header::ACCEPT, "application/json");
        if !query.is_empty() {
            request = request.query(query);
        }
        if let Some(body) = body {
            request = request.json(body);
        }

        let started = std::time::Instant::now();
        let response = request.send().await.map_err(|error| {
            let message = error.without_url().to_string();
            tracing::warn!(http.method = %method, path = %path, error = %message, "request to Zoom failed");
            ZoomError::Transport {
                url_kind: "API",
                message,
            }
        })?;
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .bytes()
            .await
            .map_err(|error| ZoomError::Transport {
                url_kind: "API",
                message: error.without_url().to_string(),
            })?;
        let elapsed_ms = started.elapsed().as_millis() as u64;

        if status.is_success() {
            tracing::info!(http.method = %method, path = %path, http.status = status.as_u16(), elapsed_ms, "zoom request");
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Ok(None);
            }
            return serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|error| ZoomError::Decode {
                    url_kind: "API",
                    message: error.to_string(),
                });
        }

        let parsed: Option<ZoomErrorBody> = serde_json::from_slice(&bytes).ok();
        let (code, message, errors) = match parsed {
            Some(body) => (
                body.code,
                body.message.unwrap_or_else(|| "no message".to_string()),
                body.errors,
            ),
            None => (None, non_json_summary(&bytes), Vec::new()),
        };
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(str::to_string)
        };
        tracing::warn!(
            http.method = %method,
            path = %path,
            http.status = status.as_u16(),
            zoom.code = code,
            elapsed_ms,
            "zoom request failed"
        );
        Err(ZoomError::Api(Box::new(ApiFailure {
            method: method.to_string(),
            path: path.to_string(),
            status: status.as_u16(),
            code,
            message,
            errors,
            retry_after: header("retry-after"),
            rate_limit_type: header("x-ratelimit-type"),
        })))
    }
}

impl ZoomClient {
    fn read_state(&self) -> CredentialState {
        self.credentials
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }
}

/// Decode a JSON value into `T`, naming the mismatch when Zoom's shape differs.
pub fn decode<T: DeserializeOwned>(value: Value) -> Result<T, ZoomError> {
    serde_json::from_value(value).map_err(|error| ZoomError::Decode {
        url_kind: "API",
        message: error.to_string(),
    })
}

/// Summarise a non-JSON error body (HTML, XML or empty).
fn non_json_summary(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim();
    if text.is_empty() {
        return "empty response body".to_string();
    }
    let mut summary: String = text.chars().take(200).collect();
    if text.chars().count() > 200 {
        summary.push('…');
    }
    format!("non-JSON response body: {summary}")
}

/// A file for a multipart/form-data upload, already checked by the caller.
#[derive(Debug, Clone)]
pub struct UploadFile {
    /// The name sent in the part's `Content-Disposition`.
    pub file_name: String,
    /// The MIME type sent as the part's `Content-Type`, such as `image/png`.
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

impl ZoomClient {
    /// POST a multipart/form-data body with `file` as the part named
    /// `file` and `fields` as text parts. As in `send`, a 401 drops the
    /// token if it is still current and retries once with a new one.
    /// Nothing else is retried, because Zoom may already have stored the
    /// upload.
    pub async fn post_multipart(
        &self,
        path: &ApiPath,
        file: &UploadFile,
        fields: &[(&'static str, String)],
    ) -> Result<Option<Value>, ZoomError> {
        let credentials = self.credentials()?;
        let token = self.tokens.token(&credentials).await?;
        match self.post_multipart_once(path, file, fields, &token).await {
            Err(error) if error.is_invalid_token() => {
                tracing::warn!(http.method = "POST", path = %path, "access token rejected; retrying the upload once with a new token");
                self.tokens.invalidate(&token);
                let token = self.tokens.token(&credentials).await?;
                self.post_multipart_once(path, file, fields, &token).await
            }
            other => other,
        }
    }

    async fn post_multipart_once(
        &self,
        path: &ApiPath,
        file: &UploadFile,
        fields: &[(&'static str, String)],
        token: &Arc<AccessToken>,
    ) -> Result<Option<Value>, ZoomError> {
        let part = reqwest::multipart::Part::bytes(file.bytes.clone())
            .file_name(file.file_name.clone())
            .mime_str(file.mime)
            .map_err(|error| {
                ZoomError::InvalidInput(format!("MIME type {}: {error}", file.mime))
            })?;
        let mut form = reqwest::multipart::Form::new().part("file", part);
        for (name, value) in fields {
            form = form.text(*name, value.clone());
        }
        let url = format!("{}{}", self.base_url(Some(token)), path);
        let request = self
            .http
            .post(&url)
            .bearer_auth(token.secret.expose_secret())
            .header(reqwest::header::ACCEPT, "application/json")
            .multipart(form);

        let started = std::time::Instant::now();
        let response = request.send().await.map_err(|error| {
            let message = error.without_url().to_string();
            tracing::warn!(http.method = "POST", path = %path, error = %message, "upload to Zoom failed");
            ZoomError::Transport {
                url_kind: "API",
                message,
            }
        })?;
        read_response(&Method::POST, path, response, started).await
    }
}

/// Turn a response into the body of a success or Zoom's error.
// NOTE: this repeats the response handling of `send_once`, so that the
// retry work on `send_once` can merge without conflicts. Once both changes
// are in, `send_once` can call this function instead.
async fn read_response(
    method: &Method,
    path: &ApiPath,
    response: reqwest::Response,
    started: std::time::Instant,
) -> Result<Option<Value>, ZoomError> {
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .bytes()
        .await
        .map_err(|error| ZoomError::Transport {
            url_kind: "API",
            message: error.without_url().to_string(),
        })?;
    let elapsed_ms = started.elapsed().as_millis() as u64;

    if status.is_success() {
        tracing::info!(http.method = %method, path = %path, http.status = status.as_u16(), elapsed_ms, "zoom request");
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        return serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|error| ZoomError::Decode {
                url_kind: "API",
                message: error.to_string(),
            });
    }

    let parsed: Option<ZoomErrorBody> = serde_json::from_slice(&bytes).ok();
    let (code, message, errors) = match parsed {
        Some(body) => (
            body.code,
            body.message.unwrap_or_else(|| "no message".to_string()),
            body.errors,
        ),
        None => (None, non_json_summary(&bytes), Vec::new()),
    };
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_string)
    };
    tracing::warn!(
        http.method = %method,
        path = %path,
        http.status = status.as_u16(),
        zoom.code = code,
        elapsed_ms,
        "zoom request failed"
    );
    Err(ZoomError::Api(Box::new(ApiFailure {
        method: method.to_string(),
        path: path.to_string(),
        status: status.as_u16(),
        code,
        message,
        errors,
        retry_after: header("retry-after"),
        rate_limit_type: header("x-ratelimit-type"),
    })))
}
