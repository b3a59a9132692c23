use axum::http::Method;

use super::model::Contract;
use super::request::match_endpoint;
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
