//! Zoom's API contract, as the judge of what the sandbox accepts and sends.
//!
//! `tests/fixtures/zoom-contract.json` is generated from Zoom's OpenAPI
//! specs by `scripts/contract/generate.py` and embedded in the binary. For
//! each endpoint it gives the path and query parameters, the request body's
//! JSON Schema, the success status and the response body's JSON Schema, with
//! the corrections to Zoom's spec recorded in the file.
//!
//! Every `/v2` request is checked before a handler touches the state: a
//! request that breaks the contract gets Zoom's 400 code 300 "Validation
//! Failed." with one `errors` entry per field. Field paths are dotted, and
//! array items are named by their zero-based index in brackets
//! (`registrants[0].email`), as the sandbox's handlers name them.
//! Each response is checked too (unless [`SandboxOptions`] turns it off) and
//! any violation is recorded in the request log; the response is still sent.
//!
//! [`SandboxOptions`]: crate::sandbox::SandboxOptions

mod model;
mod request;
mod response;
pub(crate) mod violation;

use std::sync::LazyLock;

use axum::http::{Method, StatusCode};
use serde_json::Value;

use self::model::{Contract, Endpoint};
use super::query::QueryParams;
use super::reply::ZoomError;

/// The contract file, embedded at build time.
const CONTRACT_JSON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/zoom-contract.json"
));

/// The contract, parsed and compiled on first use.
static CONTRACT: LazyLock<Contract> = LazyLock::new(|| {
    Contract::parse(CONTRACT_JSON).unwrap_or_else(|error| {
        panic!("the embedded Zoom API contract is invalid: {error}; regenerate it")
    })
});

/// What the contract check learned about one request, for its response
/// check and the request log.
#[derive(Debug, Default)]
pub(crate) struct ContractTrace {
    endpoint: Option<&'static Endpoint>,
    request_violations: Vec<String>,
}

impl ContractTrace {
    /// Matches a `/v2` request to its contract endpoint and checks its path
    /// parameters, query and body. `segments` are the raw path segments after
    /// `/v2`. Returns Zoom's error when the request must be rejected.
    pub(crate) fn check_request(
        &mut self,
        method: &Method,
        segments: &[&str],
        query: &QueryParams,
        body: &[u8],
    ) -> Result<(), ZoomError> {
        let contract: &'static Contract = &CONTRACT;
        let Some((endpoint, params)) = request::match_endpoint(contract, method, segments) else {
            return Ok(());
        };
        self.endpoint = Some(endpoint);
        let report = request::check_request(endpoint, &params, query, body);
        self.request_violations = report.all().map(ToString::to_string).collect();
        if !self.request_violations.is_empty() {
            tracing::debug!(
                endpoint = %endpoint.key,
                violations = ?self.request_violations,
                "request breaks Zoom's API contract"
            );
        }
        match report.error() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// Returns the matched endpoint, such as `GET /webinars/{webinarId}`.
    pub(crate) fn endpoint(&self) -> Option<&'static str> {
        self.endpoint.map(|endpoint| endpoint.key.as_str())
    }

    /// Returns the request's violations as `field: message`.
    pub(crate) fn request_violations(&self) -> Vec<String> {
        self.request_violations.clone()
    }

    /// Checks the response to an API request and returns its violations as
    /// `field: message`. A violation is a sandbox bug, so any are logged
    /// together as one warning.
    pub(crate) fn check_response(&self, status: StatusCode, body: Option<&Value>) -> Vec<String> {
        let violations: Vec<String> =
            response::check_response(&CONTRACT, self.endpoint, status, body)
                .iter()
                .map(ToString::to_string)
                .collect();
        if !violations.is_empty() {
            tracing::warn!(
                endpoint = self.endpoint(),
                http.status = status.as_u16(),
                ?violations,
                "sandbox response breaks Zoom's API contract"
            );
        }
        violations
    }
}

/// Returns the key (`METHOD /path`) of every contract endpoint.
#[cfg(test)]
pub(crate) fn endpoint_keys() -> impl Iterator<Item = &'static str> {
    let contract: &'static Contract = &CONTRACT;
    contract
        .endpoints
        .iter()
        .map(|endpoint| endpoint.key.as_str())
}

#[cfg(test)]
mod tests;
