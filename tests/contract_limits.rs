//! The limits the tools check before sending a request equal the limits in
//! Zoom's API contract (`tests/fixtures/zoom-contract.json`), so a tool never
//! rejects what Zoom accepts, nor sends what Zoom rejects.

use serde_json::Value;
use zoom_webinar_mcp::schedule::recurrence::{
    MAX_DAILY_INTERVAL, MAX_MONTHLY_INTERVAL, MAX_OCCURRENCES, MAX_WEEKLY_INTERVAL,
};
use zoom_webinar_mcp::tools::common::DEFAULT_PAGE_SIZE;
use zoom_webinar_mcp::tools::get::past::PAST_MAX_PAGE_SIZE;
use zoom_webinar_mcp::tools::get::registrants::REGISTRANTS_MAX_PAGE_SIZE;
use zoom_webinar_mcp::tools::get::users::USERS_MAX_PAGE_SIZE;
use zoom_webinar_mcp::tools::get::webinars::WEBINARS_MAX_PAGE_SIZE;
use zoom_webinar_mcp::tools::input::{
    MAX_PASSWORD_CHARS, MAX_REGISTRANTS_RESTRICT, MAX_TOPIC_CHARS,
};
use zoom_webinar_mcp::tools::patch::registrants::MAX_REGISTRANTS_PER_CALL;
use zoom_webinar_mcp::tools::post::panelists::MAX_PANELISTS_PER_CALL;
use zoom_webinar_mcp::tools::post::polls::{
    DEFAULT_INVITE_TTL_SECS, MAX_CHOICES, MAX_INVITE_ATTENDEES, MAX_INVITE_NAME_CHARS,
    MAX_INVITE_TTL_SECS, MAX_POLL_TITLE_CHARS, MAX_QUESTION_CHARS, MIN_CHOICES,
};

const CONTRACT: &str = include_str!("fixtures/zoom-contract.json");

const WEBINAR_CREATE: &str = "POST /users/{userId}/webinars";
const WEBINAR_UPDATE: &str = "PATCH /webinars/{webinarId}";
const POLL_CREATE: &str = "POST /webinars/{webinarId}/polls";
const INVITE_LINKS: &str = "POST /webinars/{webinarId}/invite_links";

fn contract() -> Value {
    serde_json::from_str(CONTRACT).expect("the committed contract is JSON")
}

fn endpoint<'a>(contract: &'a Value, key: &str) -> &'a Value {
    let found = &contract["endpoints"][key];
    assert!(found.is_object(), "{key} is not in the contract");
    found
}

/// Returns the schema of a request body field at a dotted path, where `[]`
/// steps into array items (`questions.[].answers`).
fn body_field<'a>(contract: &'a Value, key: &str, dotted: &str) -> &'a Value {
    let mut node = &endpoint(contract, key)["request_body"]["schema"];
    for step in dotted.split('.') {
        node = if step == "[]" {
            &node["items"]
        } else {
            &node["properties"][step]
        };
        assert!(node.is_object(), "{key} has no body field {dotted}");
    }
    node
}

fn query_param<'a>(contract: &'a Value, key: &str, name: &str) -> &'a Value {
    let found = &endpoint(contract, key)["query_params"][name];
    assert!(found.is_object(), "{key} has no query parameter {name}");
    found
}

fn number(schema: &Value, keyword: &str) -> u64 {
    schema[keyword]
        .as_u64()
        .unwrap_or_else(|| panic!("no numeric {keyword} in {schema}"))
}

/// Returns the `then` limit that an `allOf` of `if`/`then` rules sets on
/// `target` when the object's `selector` field equals `value`.
fn conditional_limit(
    schema: &Value,
    selector: &str,
    value: &Value,
    target: &str,
    keyword: &str,
) -> u64 {
    let rules = schema["allOf"]
        .as_array()
        .unwrap_or_else(|| panic!("no allOf rules in {schema}"));
    let rule = rules
        .iter()
        .find(|rule| rule["if"]["properties"][selector]["const"] == *value)
        .unwrap_or_else(|| panic!("no rule for {selector} = {value} in {schema}"));
    number(&rule["then"]["properties"][target], keyword)
}

#[test]
fn page_size_maxima_match() {
    let contract = contract();
    let cases = [
        ("GET /users", USERS_MAX_PAGE_SIZE),
        ("GET /users/{userId}/webinars", WEBINARS_MAX_PAGE_SIZE),
        (
            "GET /webinars/{webinarId}/registrants",
            REGISTRANTS_MAX_PAGE_SIZE,
        ),
        (
            "GET /past_webinars/{webinarId}/participants",
            PAST_MAX_PAGE_SIZE,
        ),
        (
            "GET /past_webinars/{webinarId}/absentees",
            PAST_MAX_PAGE_SIZE,
        ),
    ];
    for (key, tool_maximum) in cases {
        let page_size = query_param(&contract, key, "page_size");
        assert_eq!(
            number(page_size, "maximum"),
            u64::from(tool_maximum),
            "{key}"
        );
        assert_eq!(
            number(page_size, "default"),
            u64::from(DEFAULT_PAGE_SIZE),
            "{key}"
        );
    }
}

#[test]
fn occurrence_count_maximum_matches() {
    let contract = contract();
    for key in [WEBINAR_CREATE, WEBINAR_UPDATE] {
        let end_times = body_field(&contract, key, "recurrence.end_times");
        assert_eq!(
            number(end_times, "maximum"),
            u64::from(MAX_OCCURRENCES),
            "{key}"
        );
    }
}

#[test]
fn repeat_interval_maxima_match() {
    let contract = contract();
    let cases = [
        (1, MAX_DAILY_INTERVAL),
        (2, MAX_WEEKLY_INTERVAL),
        (3, MAX_MONTHLY_INTERVAL),
    ];
    for key in [WEBINAR_CREATE, WEBINAR_UPDATE] {
        let recurrence = body_field(&contract, key, "recurrence");
        for (recurrence_type, tool_maximum) in cases {
            let maximum = conditional_limit(
                recurrence,
                "type",
                &Value::from(recurrence_type),
                "repeat_interval",
                "maximum",
            );
            assert_eq!(
                maximum,
                u64::from(tool_maximum),
                "{key} type {recurrence_type}"
            );
        }
    }
}

#[test]
fn webinar_field_limits_match() {
    let contract = contract();
    for key in [WEBINAR_CREATE, WEBINAR_UPDATE] {
        let password = body_field(&contract, key, "password");
        assert_eq!(
            number(password, "maxLength"),
            MAX_PASSWORD_CHARS as u64,
            "{key}"
        );
        let topic = body_field(&contract, key, "topic");
        assert_eq!(number(topic, "maxLength"), MAX_TOPIC_CHARS as u64, "{key}");
        let restrict = body_field(&contract, key, "settings.registrants_restrict_number");
        assert_eq!(
            number(restrict, "maximum"),
            u64::from(MAX_REGISTRANTS_RESTRICT),
            "{key}"
        );
    }
}

#[test]
fn poll_limits_match() {
    let contract = contract();
    let title = body_field(&contract, POLL_CREATE, "title");
    assert_eq!(number(title, "maxLength"), MAX_POLL_TITLE_CHARS as u64);
    let name = body_field(&contract, POLL_CREATE, "questions.[].name");
    assert_eq!(number(name, "maxLength"), MAX_QUESTION_CHARS as u64);
    let answers = body_field(&contract, POLL_CREATE, "questions.[].answers");
    assert_eq!(number(answers, "minItems"), MIN_CHOICES as u64);
    let question = body_field(&contract, POLL_CREATE, "questions.[]");
    for kind in ["single", "multiple"] {
        let maximum =
            conditional_limit(question, "type", &Value::from(kind), "answers", "maxItems");
        assert_eq!(maximum, MAX_CHOICES as u64, "{kind}");
    }
}

#[test]
fn invite_link_limits_match() {
    let contract = contract();
    let ttl = body_field(&contract, INVITE_LINKS, "ttl");
    assert_eq!(number(ttl, "maximum"), MAX_INVITE_TTL_SECS);
    assert_eq!(number(ttl, "default"), DEFAULT_INVITE_TTL_SECS);
    let attendees = body_field(&contract, INVITE_LINKS, "attendees");
    assert_eq!(number(attendees, "maxItems"), MAX_INVITE_ATTENDEES as u64);
    let name = body_field(&contract, INVITE_LINKS, "attendees.[].name");
    assert_eq!(number(name, "maxLength"), MAX_INVITE_NAME_CHARS as u64);
}

#[test]
fn per_call_list_limits_match() {
    let contract = contract();
    let registrants = body_field(
        &contract,
        "PUT /webinars/{webinarId}/registrants/status",
        "registrants",
    );
    assert_eq!(
        number(registrants, "maxItems"),
        MAX_REGISTRANTS_PER_CALL as u64
    );
    let panelists = body_field(
        &contract,
        "POST /webinars/{webinarId}/panelists",
        "panelists",
    );
    assert_eq!(number(panelists, "maxItems"), MAX_PANELISTS_PER_CALL as u64);
}
