//! The HTTP client for the Zoom REST API v2.

use std::sync::{Arc, RwLock};
use std::time::Instant;

use chrono::Utc;
use chrono_tz::Tz;
use reqwest::Method;
use secrecy::ExposeSecret;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::ZoomError;
use super::attempt::{ErrorContext, Failure, api_failure};
use super::deadline;
use super::http::LazyHttp;
use super::path::ApiPath;
use super::retry::{AttemptState, Decision, RetryPolicy, decide};
use super::token::{AccessToken, TokenManager};
use crate::config::{Config, Credentials, NetworkSettings, variables::DEFAULT_API_BASE_URL};

/// Query parameters as name and value pairs.
pub type Query = Vec<(&'static str, String)>;

/// One client shared by every tool: credentials, tokens and the HTTP pool.
pub struct ZoomClient {
    http: LazyHttp,
    tokens: TokenManager,
    credentials: RwLock<CredentialState>,
    api_base_url: Option<String>,
    network: NetworkSettings,
    retry: RetryPolicy,
    /// The default time zone, for showing when a daily limit resets.
    time_zone: Tz,
}

#[derive(Clone)]
struct CredentialState {
    credentials: Option<Credentials>,
    missing: Vec<&'static str>,
}

impl ZoomClient {
    pub fn new(config: &Config) -> Result<ZoomClient, ZoomError> {
        let http = LazyHttp::new(
            config.network.connect_timeout,
            config.network.request_timeout,
        );
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
            network: config.network.clone(),
            retry: RetryPolicy::from_settings(&config.network),
            time_zone: config.default_time_zone,
        })
    }

    /// Returns the timeouts, tool deadline and retry settings the client
    /// was built with.
    pub fn network(&self) -> &NetworkSettings {
        &self.network
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
    ///
    /// Failed attempts are retried as [`super::retry`] describes: rate
    /// limits after Zoom's wait, a rejected token once with a new token,
    /// and server or network failures with backoff, except that a POST
    /// that may have reached Zoom is never sent twice.
    pub async fn send(
        &self,
        method: Method,
        path: &ApiPath,
        query: &Query,
        body: Option<&Value>,
    ) -> Result<Option<Value>, ZoomError> {
        let credentials = self.credentials()?;
        let started = Instant::now();
        let mut token = self.tokens.token(&credentials).await?;
        let mut attempt = 0;
        let mut token_renewed = false;
        let mut earlier_attempt_uncertain = false;
        loop {
            attempt += 1;
            let failure = match self.send_once(&method, path, query, body, &token).await {
                Ok(value) => return Ok(value),
                Err(Attempt::Final(error)) => return Err(error),
                Err(Attempt::Failed(failure)) => failure,
            };
            // A DELETE whose earlier attempt may have gone through finds the
            // resource gone: that attempt deleted it.
            if method == Method::DELETE
                && earlier_attempt_uncertain
                && failure.status() == Some(404)
            {
                tracing::info!(http.method = %method, path = %path, attempt, "resource already gone after an earlier uncertain DELETE; treating it as deleted");
                return Ok(None);
            }
            let state = AttemptState {
                attempt,
                token_renewed,
                elapsed: started.elapsed(),
                deadline_left: deadline::remaining(),
            };
            match decide(&self.retry, &method, &failure, state, Utc::now()) {
                Decision::RenewToken => {
                    tracing::warn!(
                        http.method = %method,
                        path = %path,
                        attempt,
                        http.status = failure.status(),
                        zoom.code = failure.zoom_code(),
                        "access token rejected; retrying once with a new token"
                    );
                    self.tokens.invalidate(&token);
                    token = self.tokens.token(&credentials).await?;
                    token_renewed = true;
                }
                Decision::Retry { wait, reason } => {
                    tracing::warn!(
                        http.method = %method,
                        path = %path,
                        attempt,
                        delay_ms = wait.as_millis() as u64,
                        http.status = failure.status(),
                        zoom.code = failure.zoom_code(),
                        reason,
                        "retrying Zoom request"
                    );
                    earlier_attempt_uncertain |= failure.may_have_reached_zoom();
                    tokio::time::sleep(wait).await;
                    // Another call may have replaced the token meanwhile.
                    token = self.tokens.token(&credentials).await?;
                }
                Decision::Stop => {
                    let context = ErrorContext {
                        method: &method,
                        path,
                        attempts: attempt,
                        time_zone: self.time_zone,
                        request_timeout: self.network.request_timeout,
                        now: Utc::now(),
                    };
                    return Err(failure.into_error(&context));
                }
            }
        }
    }

    async fn send_once(
        &self,
        method: &Method,
        path: &ApiPath,
        query: &Query,
        body: Option<&Value>,
        token: &Arc<AccessToken>,
    ) -> Result<Option<Value>, Attempt> {
        let url = format!("{}{}", self.base_url(Some(token)), path);
        let http = self.http.client().map_err(Attempt::Final)?;
        let mut request = http
            .request(method.clone(), &url)
            .bearer_auth(token.secret.expose_secret())
            .header(reqwest::header::ACCEPT, "application/json");
        if !query.is_empty() {
            request = request.query(query);
        }
        if let Some(body) = body {
            request = request.json(body);
        }

        let started = Instant::now();
        let response = request.send().await.map_err(|error| {
            let failure = Failure::from_send_error(error);
            tracing::warn!(http.method = %method, path = %path, error = ?failure, "request to Zoom failed");
            Attempt::Failed(failure)
        })?;
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.map_err(|error| {
            let failure = Failure::from_body_error(error);
            tracing::warn!(http.method = %method, path = %path, http.status = status.as_u16(), error = ?failure, "reading Zoom's response failed");
            Attempt::Failed(failure)
        })?;
        let elapsed_ms = started.elapsed().as_millis() as u64;

        if status.is_success() {
            tracing::info!(http.method = %method, path = %path, http.status = status.as_u16(), elapsed_ms, "zoom request");
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Ok(None);
            }
            return serde_json::from_slice(&bytes).map(Some).map_err(|error| {
                Attempt::Final(ZoomError::Decode {
                    url_kind: "API",
                    message: format!("HTTP {status} with a body that is not JSON ({error})"),
                })
            });
        }

        let failure = api_failure(method, path, status.as_u16(), &headers, &bytes);
        tracing::warn!(
            http.method = %method,
            path = %path,
            http.status = status.as_u16(),
            zoom.code = failure.code,
            elapsed_ms,
            "zoom request failed"
        );
        Err(Attempt::Failed(Failure::Status(Box::new(failure))))
    }
}

/// The outcome of an attempt that did not succeed.
enum Attempt {
    /// A failure the retry policy decides on.
    Failed(Failure),
    /// An error no retry can fix, such as a success response that is not JSON.
    Final(ZoomError),
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
            .client()?
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

/// Turn an upload's response into the body of a success or Zoom's error.
async fn read_response(
    method: &Method,
    path: &ApiPath,
    response: reqwest::Response,
    started: Instant,
) -> Result<Option<Value>, ZoomError> {
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .bytes()
        .await
        .map_err(|error| ZoomError::Transport {
            url_kind: "API",
            message: super::error::transport_message(error),
        })?;
    let elapsed_ms = started.elapsed().as_millis() as u64;
    if status.is_success() {
        tracing::info!(http.method = %method, path = %path, http.status = status.as_u16(), elapsed_ms, "zoom upload");
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        return serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|error| ZoomError::Decode {
                url_kind: "API",
                message: format!("HTTP {status} with a body that is not JSON ({error})"),
            });
    }
    let failure = super::attempt::api_failure(method, path, status.as_u16(), &headers, &bytes);
    tracing::warn!(http.method = %method, path = %path, http.status = status.as_u16(), zoom.code = failure.code, elapsed_ms, "zoom upload failed");
    Err(ZoomError::Api(Box::new(failure)))
}
