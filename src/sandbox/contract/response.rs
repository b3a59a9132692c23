//! Checking a response the sandbox sends against the contract: the success
//! status and body schema of the matched endpoint, or Zoom's error body.

use axum::http::StatusCode;
use serde_json::Value;

use super::model::{Contract, Endpoint};
use super::violation::{BODY_FIELD, Violation, validate};

/// The field name for a violation of the status code.
const STATUS_FIELD: &str = "status";

/// Checks an API response. `endpoint` is `None` when no contract endpoint
/// matched the request: a 404 or 405, or a response sent before matching,
/// such as 401.
pub(crate) fn check_response(
    contract: &Contract,
    endpoint: Option<&Endpoint>,
    status: StatusCode,
    body: Option<&Value>,
) -> Vec<Violation> {
    if status.is_client_error() || status.is_server_error() {
        return match body {
            Some(body) => validate(&contract.error_response, body),
            None => vec![Violation::new(
                BODY_FIELD,
                "is missing; Zoom sends a JSON body with code and message on every error",
            )],
        };
    }
    let Some(endpoint) = endpoint else {
        return vec![Violation::new(
            STATUS_FIELD,
            format!(
                "{} was sent for a request that matches no endpoint of Zoom's API",
                status.as_u16()
            ),
        )];
    };
    let mut violations = Vec::new();
    if status.as_u16() != endpoint.success_status {
        violations.push(Violation::new(
            STATUS_FIELD,
            format!(
                "must be {} for {}, not {}",
                endpoint.success_status,
                endpoint.key,
                status.as_u16()
            ),
        ));
        return violations;
    }
    match (&endpoint.response, body) {
        (Some(validator), Some(body)) => violations.extend(validate(validator, body)),
        (Some(_), None) => violations.push(Violation::new(
            BODY_FIELD,
            format!(
                "is missing; Zoom sends a JSON body with {}",
                status.as_u16()
            ),
        )),
        (None, Some(_)) => violations.push(Violation::new(
            BODY_FIELD,
            format!("must be empty; Zoom sends no body with {}", status.as_u16()),
        )),
        (None, None) => {}
    }
    violations
}
