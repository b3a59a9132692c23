//! The single request handler: raw-path routing, authentication, scope
//! checks, dispatch, the request log and the test hooks.
//!
//! Routing works on the raw, still percent-encoded path so that `%2F` inside
//! a UUID segment never becomes a separator.

use std::sync::{Arc, Mutex, PoisonError};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::Response;
use chrono::Utc;
use serde_json::{Value, json};

use super::contract::ContractTrace;
use super::faults::FaultTable;
use super::handlers::{ApiCall, dispatch};
use super::oauth::bearer_token;
use super::query::QueryParams;
use super::reply::{Reply, ZoomError};
use super::routes::{RouteMatch, match_route, max_body_bytes};
use super::state::{LogEntry, SandboxState};

/// State shared by every request.
#[derive(Debug)]
pub(crate) struct Shared {
    pub state: Mutex<SandboxState>,
    /// Whether responses are checked against Zoom's API contract.
    pub validate_responses: bool,
    /// Injected faults, behind their own mutex so a delay never holds `state`.
    pub faults: FaultTable,
}

/// A finished response plus what the request log records about it.
struct Outcome {
    status: StatusCode,
    body: Option<Value>,
    zoom_code: Option<i64>,
    allow: Option<String>,
}

impl Outcome {
    fn json(status: StatusCode, body: Value) -> Self {
        Self {
            status,
            body: Some(body),
            zoom_code: None,
            allow: None,
        }
    }

    fn from_error(error: &ZoomError) -> Self {
        Self {
            status: error.status,
            body: Some(error.body()),
            zoom_code: Some(error.code),
            allow: None,
        }
    }

    fn from_reply(reply: Reply) -> Self {
        match reply {
            Reply::Json(status, body) => Self::json(status, body),
            Reply::NoContent => Self {
                status: StatusCode::NO_CONTENT,
                body: None,
                zoom_code: None,
                allow: None,
            },
        }
    }

    fn into_response(self) -> Response {
        let mut response = match self.body {
            Some(body) => {
                let mut response = Response::new(Body::from(body.to_string()));
                response.headers_mut().insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                );
                response
            }
            None => Response::new(Body::empty()),
        };
        *response.status_mut() = self.status;
        if let Some(allow) = self
            .allow
            .and_then(|allow| HeaderValue::from_str(&allow).ok())
        {
            response.headers_mut().insert(header::ALLOW, allow);
        }
        response
    }
}

/// Handles every request that the fault layer (the router's fallback,
/// `faults::handle`) passes on.
pub(crate) async fn handle(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let body_limit = max_body_bytes(&parts.method, parts.uri.path());
    let body = axum::body::to_bytes(body, body_limit).await.ok();
    let raw_path = parts.uri.path();
    let raw_query = parts.uri.query().unwrap_or("");

    let mut state = shared.state.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(hook) = raw_path.strip_prefix("/_sandbox/") {
        return test_hook(&state, &parts.method, hook).into_response();
    }
    let mut contract = ContractTrace::default();
    let outcome = match body {
        Some(body) => serve(
            &mut state,
            &parts.method,
            raw_path,
            raw_query,
            &parts.headers,
            &body,
            &mut contract,
        ),
        None => Outcome::from_error(&ZoomError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            413,
            format!("Request body is larger than the sandbox limit of {body_limit} bytes."),
        )),
    };
    if outcome.status.is_success() {
        tracing::debug!(
            http.method = %parts.method,
            http.path = raw_path,
            http.status = outcome.status.as_u16(),
            "sandbox served a request"
        );
    } else {
        tracing::info!(
            http.method = %parts.method,
            http.path = raw_path,
            http.status = outcome.status.as_u16(),
            zoom.code = outcome.zoom_code,
            "sandbox returned an error response"
        );
    }
    let response_violations = if shared.validate_responses && is_api_path(raw_path) {
        contract.check_response(outcome.status, outcome.body.as_ref())
    } else {
        Vec::new()
    };
    state.log.record(LogEntry {
        method: parts.method.to_string(),
        path: raw_path.to_owned(),
        query: raw_query.to_owned(),
        status: outcome.status.as_u16(),
        zoom_code: outcome.zoom_code,
        endpoint: contract.endpoint(),
        request_violations: contract.request_violations(),
        response_violations,
    });
    drop(state);
    outcome.into_response()
}

fn serve(
    state: &mut SandboxState,
    method: &Method,
    raw_path: &str,
    raw_query: &str,
    headers: &HeaderMap,
    body: &Bytes,
    contract: &mut ContractTrace,
) -> Outcome {
    let query = QueryParams::parse(raw_query);
    if raw_path == "/oauth/token" {
        state.log.token_requests += 1;
        if method != Method::POST {
            let body = json!({"reason": "Only POST is supported on /oauth/token", "error": "invalid_request"});
            return Outcome {
                allow: Some("POST".to_owned()),
                ..Outcome::json(StatusCode::METHOD_NOT_ALLOWED, body)
            };
        }
        let api_url = state.origin.clone();
        let (status, body) = state.tokens.handle(headers, &query, body, &api_url);
        return Outcome::json(status, body);
    }
    let Some(api_path) = raw_path
        .strip_prefix("/v2")
        .filter(|rest| rest.is_empty() || rest.starts_with('/'))
    else {
        return Outcome::from_error(&unknown_path(method, raw_path));
    };
    state.log.api_requests += 1;
    match serve_api(
        state, method, raw_path, api_path, &query, headers, body, contract,
    ) {
        Ok(outcome) => outcome,
        Err(error) => Outcome::from_error(&error),
    }
}

#[allow(clippy::too_many_arguments)]
fn serve_api(
    state: &mut SandboxState,
    method: &Method,
    raw_path: &str,
    api_path: &str,
    query: &QueryParams,
    headers: &HeaderMap,
    body: &Bytes,
    contract: &mut ContractTrace,
) -> Result<Outcome, ZoomError> {
    let scopes = bearer_token(headers)
        .and_then(|token| state.tokens.scopes_of(token))
        .map(<[String]>::to_vec)
        .ok_or_else(ZoomError::invalid_access_token)?;

    let segments: Vec<&str> = api_path.trim_start_matches('/').split('/').collect();
    let (endpoint, params) = match match_route(method, &segments) {
        RouteMatch::Found { endpoint, params } => (endpoint, params),
        RouteMatch::NotFound => return Err(unknown_path(method, raw_path)),
        // A known path with the wrong method gets 405 and an Allow header,
        // not 404, so a client that sends PATCH to a poll (Zoom only has PUT
        // there) learns that the path is right and the method is wrong.
        RouteMatch::MethodNotAllowed { allowed } => {
            let allowed: Vec<&str> = allowed.iter().map(Method::as_str).collect();
            let error = ZoomError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                405,
                format!(
                    "Method {method} is not allowed on {raw_path}. Allowed methods: {}.",
                    allowed.join(", ")
                ),
            );
            return Ok(Outcome {
                allow: Some(allowed.join(", ")),
                ..Outcome::from_error(&error)
            });
        }
    };
    if !endpoint.allows(&scopes) {
        return Err(ZoomError::bad_request(
            4711,
            format!(
                "Invalid access token, does not contain scopes:[{}].",
                endpoint.granular_scopes().join(", ")
            ),
        ));
    }
    contract.check_request(method, &segments, query, body)?;
    let call = ApiCall {
        params: &params,
        query,
        body,
        content_type: headers
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok()),
        now: Utc::now(),
    };
    dispatch(endpoint, state, &call).map(Outcome::from_reply)
}

/// Reports whether `raw_path` is under the REST API's `/v2` prefix.
fn is_api_path(raw_path: &str) -> bool {
    raw_path
        .strip_prefix("/v2")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

// NOTE: Zoom does not document the body it sends for a path that matches no
// endpoint. The sandbox sends 404 with a Zoom-style code and message.
fn unknown_path(method: &Method, raw_path: &str) -> ZoomError {
    ZoomError::new(
        StatusCode::NOT_FOUND,
        404,
        format!("Endpoint does not exist: {method} {raw_path}."),
    )
}

/// Serves `/_sandbox/stats` and `/_sandbox/requests`. Hook requests are
/// neither counted nor logged, so reading them does not change them.
fn test_hook(state: &SandboxState, method: &Method, hook: &str) -> Outcome {
    if method != Method::GET {
        return Outcome::from_error(&unknown_path(method, &format!("/_sandbox/{hook}")));
    }
    match hook {
        "stats" => Outcome::json(
            StatusCode::OK,
            json!({
                "token_requests": state.log.token_requests,
                "api_requests": state.log.api_requests,
            }),
        ),
        "requests" => {
            let entries: Vec<&LogEntry> = state.log.entries().collect();
            Outcome::json(StatusCode::OK, json!(entries))
        }
        _ => Outcome::from_error(&unknown_path(method, &format!("/_sandbox/{hook}"))),
    }
}
