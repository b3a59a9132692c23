//! The control endpoint, `/_sandbox/faults`: list, queue and clear faults.

use std::sync::PoisonError;

use axum::body::Body;
use axum::http::{Method, StatusCode, header};
use axum::response::Response;
use serde_json::{Value, json};

use super::spec::{Fault, FaultRequest};
use super::{CONTROL_PATH, FaultEvent, PendingFault};
use crate::sandbox::http::Shared;

/// Serves the control endpoint. `body` is `None` when the request body was
/// over the size limit.
pub(super) fn control(shared: &Shared, method: &Method, body: Option<&[u8]>) -> Response {
    match *method {
        Method::GET => {
            let state = shared.faults.lock();
            let pending: Vec<Value> = state
                .pending
                .iter()
                .map(|fault| {
                    json!({
                        "id": fault.id,
                        "method": fault.matcher.method.as_ref().map(Method::as_str),
                        "path": fault.matcher.path,
                        "remaining": fault.remaining,
                        "fault": fault.action.kind(),
                    })
                })
                .collect();
            let events: Vec<&FaultEvent> = state.events.iter().collect();
            json_response(
                StatusCode::OK,
                json!({ "pending": pending, "events": events }),
            )
        }
        Method::POST => queue(shared, body),
        Method::DELETE => {
            let mut state = shared.faults.lock();
            let cleared = state.pending.len();
            state.pending.clear();
            state.events.clear();
            json_response(StatusCode::OK, json!({ "cleared": cleared }))
        }
        _ => json_response(
            StatusCode::METHOD_NOT_ALLOWED,
            json!({ "error": format!("{method} is not allowed on {CONTROL_PATH}; use GET, POST or DELETE") }),
        ),
    }
}

fn queue(shared: &Shared, body: Option<&[u8]>) -> Response {
    let bad_request =
        |message: String| json_response(StatusCode::BAD_REQUEST, json!({ "error": message }));
    let Some(body) = body else {
        return bad_request("the fault request body is too large".to_owned());
    };
    let fault = match serde_json::from_slice::<FaultRequest>(body) {
        Ok(request) => request.into_fault(),
        Err(error) => Err(format!(
            "the fault request is not valid JSON of a known fault: {error}"
        )),
    };
    match fault {
        Err(message) => bad_request(message),
        Ok(Fault::InvalidateTokens) => {
            let revoked = shared
                .state
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .tokens
                .revoke_all();
            tracing::info!(revoked, "sandbox revoked every access token");
            json_response(StatusCode::OK, json!({ "revoked": revoked }))
        }
        Ok(Fault::Queue {
            matcher,
            times,
            action,
        }) => {
            let mut state = shared.faults.lock();
            state.next_id += 1;
            let id = state.next_id;
            tracing::info!(fault_id = id, path = %matcher.path, times, fault = action.kind(), "sandbox queued a fault");
            state.pending.push(PendingFault {
                id,
                matcher,
                remaining: times,
                action,
            });
            json_response(StatusCode::CREATED, json!({ "id": id }))
        }
    }
}

fn json_response(status: StatusCode, body: Value) -> Response {
    let mut response = Response::new(Body::from(body.to_string()));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/json"),
    );
    response
}
