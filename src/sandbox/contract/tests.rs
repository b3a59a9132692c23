use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

use super::model::{Contract, Endpoint};
use super::request::match_endpoint;
use super::response::check_response;
use super::{CONTRACT, CONTRACT_JSON};

fn matched(method: Method, path: &str) -> Option<String> {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match_endpoint(&CONTRACT, &method, &segments).map(|(endpoint, _)| endpoint.key.clone())
}

#[test]
fn embedded_contract_compiles() {
    let contract = Contract::parse(CONTRACT_JSON).expect("the committed contract compiles");
    assert_eq!(contract.endpoints.len(), 64);
}

#[test]
fn literal_segment_beats_parameter() {
    assert_eq!(
        matched(Method::GET, "/webinars/81100000001/registrants/questions").as_deref(),
        Some("GET /webinars/{webinarId}/registrants/questions")
    );
    assert_eq!(
        matched(Method::GET, "/webinars/81100000001/registrants/abc").as_deref(),
        Some("GET /webinars/{webinarId}/registrants/{registrantId}")
    );
    assert_eq!(
        matched(Method::GET, "/users/me/zak").as_deref(),
        Some("GET /users/me/zak")
    );
}

#[test]
fn method_selects_endpoint() {
    assert_eq!(
        matched(Method::PUT, "/webinars/81100000001/registrants/status").as_deref(),
        Some("PUT /webinars/{webinarId}/registrants/status")
    );
    assert_eq!(matched(Method::PATCH, "/webinars/1/polls/abc"), None);
}

#[test]
fn empty_segment_matches_nothing() {
    assert_eq!(matched(Method::GET, "/webinars//panelists"), None);
}

#[test]
fn path_parameters_are_raw() {
    let segments = ["past_webinars", "%252Fabc%253D%253D", "participants"];
    let (endpoint, params) =
        match_endpoint(&CONTRACT, &Method::GET, &segments).expect("past participants matches");
    assert_eq!(endpoint.key, "GET /past_webinars/{webinarId}/participants");
    assert_eq!(params["webinarId"], "%252Fabc%253D%253D");
}

fn endpoint(key: &str) -> &'static Endpoint {
    let contract: &'static Contract = &CONTRACT;
    contract
        .endpoints
        .iter()
        .find(|endpoint| endpoint.key == key)
        .unwrap_or_else(|| panic!("{key} is in the contract"))
}

fn response_violations(key: Option<&str>, status: StatusCode, body: Option<Value>) -> Vec<String> {
    check_response(&CONTRACT, key.map(endpoint), status, body.as_ref())
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn invented_response_field_is_reported() {
    let body = json!({"id": 81100000001u64, "topic": "T", "invented": true,
                      "settings": {"approval_type": 2, "also_invented": 1}});
    let mut found = response_violations(
        Some("GET /webinars/{webinarId}"),
        StatusCode::OK,
        Some(body),
    );
    found.sort();
    assert_eq!(
        found,
        [
            "invented: is not a field that Zoom documents for this object",
            "settings.also_invented: is not a field that Zoom documents for this object",
        ]
    );
}

#[test]
fn response_date_time_needs_offset() {
    let body = json!({"id": 1, "start_time": "2030-01-10 10:00"});
    let found = response_violations(
        Some("GET /webinars/{webinarId}"),
        StatusCode::OK,
        Some(body),
    );
    assert_eq!(found, ["start_time: must be a valid date-time"]);
}

#[test]
fn wrong_success_status_is_reported() {
    let found = response_violations(
        Some("POST /users/{userId}/webinars"),
        StatusCode::OK,
        Some(json!({})),
    );
    assert_eq!(
        found,
        ["status: must be 201 for POST /users/{userId}/webinars, not 200"]
    );
}

#[test]
fn no_content_endpoint_must_send_no_body() {
    let key = Some("PUT /webinars/{webinarId}/status");
    let empty = response_violations(key, StatusCode::NO_CONTENT, None);
    assert!(empty.is_empty(), "{empty:?}");
    let with_body = response_violations(key, StatusCode::NO_CONTENT, Some(json!({})));
    assert_eq!(
        with_body,
        ["body: must be empty; Zoom sends no body with 204"]
    );
}

#[test]
fn error_body_needs_code_and_message() {
    let good = response_violations(
        None,
        StatusCode::NOT_FOUND,
        Some(json!({"code": 3001, "message": "Webinar does not exist: 1."})),
    );
    assert!(good.is_empty(), "{good:?}");
    let bad = response_violations(
        Some("GET /webinars/{webinarId}"),
        StatusCode::BAD_REQUEST,
        Some(json!({"error": "bad"})),
    );
    assert_eq!(
        bad,
        [
            "code: is required",
            "message: is required",
            "error: is not a field that Zoom documents for this object",
        ]
    );
}

#[test]
fn success_without_endpoint_is_reported() {
    let found = response_violations(None, StatusCode::OK, Some(json!({})));
    assert_eq!(
        found,
        ["status: 200 was sent for a request that matches no endpoint of Zoom's API"]
    );
}
