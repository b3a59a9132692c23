//! The sandbox checks requests against Zoom's API contract: a request that
//! breaks it gets 400 code 300 naming each field, before any state changes,
//! and the request log records the matched endpoint and every violation.

mod sandbox_support;

use reqwest::StatusCode;
use sandbox_support::{Answer, Sandbox};
use serde_json::{Value, json};
use zoom_webinar_mcp::sandbox::SandboxOptions;
use zoom_webinar_mcp::sandbox::seed::{
    MANUAL_APPROVAL_WEBINAR_ID, PAST_INSTANCE_UUIDS, PAST_WEBINAR_ID, SINGLE_WEBINAR_ID,
    SINGLE_WEBINAR_POLL_ID,
};

/// Returns the `errors` entry for `field`, or panics listing the fields.
fn error_for<'a>(answer: &'a Answer, field: &str) -> &'a Value {
    answer.body["errors"]
        .as_array()
        .and_then(|errors| errors.iter().find(|error| error["field"] == field))
        .unwrap_or_else(|| panic!("no error for {field} in {}", answer.body))
}

fn assert_validation_failed(answer: &Answer) {
    assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.body);
    assert_eq!(answer.code(), Some(300));
    assert_eq!(answer.body["message"], "Validation Failed.");
}

/// Returns the last entry of the sandbox's request log.
async fn last_logged(sandbox: &Sandbox) -> Value {
    let log = sandbox.hook("/_sandbox/requests").await;
    log.as_array()
        .and_then(|entries| entries.last())
        .cloned()
        .expect("the request log has an entry")
}

#[tokio::test]
async fn wrong_body_names_each_field() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(
            "/users/me/webinars",
            json!({"topic": "Wrong", "type": 9, "start_time": "2030-01-10T10:00:00",
                   "settings": {"approval_type": 7},
                   "recurrence": {"type": 2, "weekly_days": [2, 4], "end_times": 3}}),
        )
        .await;
    assert_validation_failed(&answer);
    assert_eq!(
        answer.error_fields(),
        ["recurrence.weekly_days", "settings.approval_type"]
    );
    assert_eq!(
        error_for(&answer, "settings.approval_type")["message"],
        "must be one of 0, 1, 2"
    );
    assert_eq!(
        error_for(&answer, "recurrence.weekly_days")["message"],
        "must be of type string"
    );
}

#[tokio::test]
async fn rejected_request_changes_nothing() {
    let sandbox = Sandbox::start().await;
    let path = format!("/webinars/{SINGLE_WEBINAR_ID}");
    let before = sandbox.get(&path).await;
    let answer = sandbox
        .patch(
            &path,
            json!({"topic": "Changed", "settings": {"approval_type": 7}}),
        )
        .await;
    assert_validation_failed(&answer);
    let after = sandbox.get(&path).await;
    assert_eq!(after.body["topic"], before.body["topic"]);
    assert_eq!(
        after.body["settings"]["approval_type"],
        before.body["settings"]["approval_type"]
    );
}

#[tokio::test]
async fn log_records_endpoint_and_violations() {
    let sandbox = Sandbox::start().await;
    sandbox
        .patch(
            &format!("/webinars/{SINGLE_WEBINAR_ID}"),
            json!({"settings": {"approval_type": 7}}),
        )
        .await;
    let entry = last_logged(&sandbox).await;
    assert_eq!(entry["endpoint"], "PATCH /webinars/{webinarId}");
    assert_eq!(
        entry["request_violations"],
        json!(["settings.approval_type: must be one of 0, 1, 2"])
    );
    assert_eq!(entry["response_violations"], json!([]));
}

#[tokio::test]
async fn query_enum_is_checked() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get("/users/me/webinars?type=past").await;
    assert_validation_failed(&answer);
    assert_eq!(answer.error_fields(), ["type"]);
    assert_eq!(
        error_for(&answer, "type")["message"],
        "must be one of \"scheduled\", \"upcoming\""
    );
}

#[tokio::test]
async fn query_maximum_and_boolean_are_checked() {
    let sandbox = Sandbox::start().await;
    let too_large = sandbox
        .get(&format!(
            "/webinars/{MANUAL_APPROVAL_WEBINAR_ID}/registrants?page_size=301"
        ))
        .await;
    assert_validation_failed(&too_large);
    assert_eq!(
        error_for(&too_large, "page_size")["message"],
        "must be at most 300"
    );

    let not_boolean = sandbox
        .get(&format!(
            "/webinars/{SINGLE_WEBINAR_ID}?show_previous_occurrences=yes"
        ))
        .await;
    assert_validation_failed(&not_boolean);
    assert_eq!(
        error_for(&not_boolean, "show_previous_occurrences")["message"],
        "must be of type boolean"
    );
}

#[tokio::test]
async fn unknown_query_parameter_is_served_and_logged() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get("/users/me/webinars?sort=topic").await;
    assert_eq!(answer.status, StatusCode::OK);
    let entry = last_logged(&sandbox).await;
    let violations = entry["request_violations"].as_array().unwrap();
    assert_eq!(violations.len(), 1);
    assert!(
        violations[0]
            .as_str()
            .unwrap()
            .starts_with("sort: is not a query parameter of GET /users/{userId}/webinars"),
        "{violations:?}"
    );
}

#[tokio::test]
async fn integer_path_parameter_is_checked() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.delete("/webinars/abc").await;
    assert_validation_failed(&answer);
    assert_eq!(answer.error_fields(), ["webinarId"]);
    assert_eq!(
        error_for(&answer, "webinarId")["message"],
        "must be of type integer"
    );

    let beyond_64_bits = sandbox
        .get("/webinars/99999999999999999999/panelists")
        .await;
    assert_validation_failed(&beyond_64_bits);
    assert_eq!(beyond_64_bits.error_fields(), ["webinarId"]);
}

// Zoom's spec types webinarId as a string on GET /webinars/{webinarId}
// (it takes a UUID too), so the handler's own check answers there.
#[tokio::test]
async fn string_path_parameter_reaches_handler() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get("/webinars/abc").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.body["message"], "Invalid webinar ID.");
}

#[tokio::test]
async fn max_length_is_checked() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .patch(
            &format!("/webinars/{SINGLE_WEBINAR_ID}"),
            json!({"password": "12345678901"}),
        )
        .await;
    assert_validation_failed(&answer);
    assert_eq!(answer.error_fields(), ["password"]);
    assert_eq!(
        error_for(&answer, "password")["message"],
        "must be at most 10 characters long"
    );
}

#[tokio::test]
async fn maximum_and_minimum_are_checked() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(
            "/users/me/webinars",
            json!({"topic": "Limits", "type": 9, "start_time": "2030-01-10T10:00:00",
                   "settings": {"registrants_restrict_number": -1},
                   "recurrence": {"type": 1, "repeat_interval": 91, "end_times": 61}}),
        )
        .await;
    assert_validation_failed(&answer);
    assert_eq!(
        error_for(&answer, "settings.registrants_restrict_number")["message"],
        "must be at least 0"
    );
    assert_eq!(
        error_for(&answer, "recurrence.end_times")["message"],
        "must be at most 60"
    );
    assert_eq!(
        error_for(&answer, "recurrence.repeat_interval")["message"],
        "must be at most 90"
    );
}

#[tokio::test]
async fn end_times_with_end_date_time_is_rejected() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(
            "/users/me/webinars",
            json!({"topic": "Both ends", "type": 9, "start_time": "2030-01-10T10:00:00",
                   "recurrence": {"type": 1, "end_times": 2, "end_date_time": "2030-02-01T00:00:00Z"}}),
        )
        .await;
    assert_validation_failed(&answer);
    assert_eq!(answer.error_fields(), ["recurrence.end_date_time"]);
    assert_eq!(
        error_for(&answer, "recurrence.end_date_time")["message"],
        "must not be combined with end_times"
    );
}

#[tokio::test]
async fn missing_required_field_is_named() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(
            &format!("/webinars/{MANUAL_APPROVAL_WEBINAR_ID}/registrants"),
            json!({"first_name": "Nomail"}),
        )
        .await;
    assert_validation_failed(&answer);
    assert_eq!(answer.error_fields(), ["email"]);
    assert_eq!(error_for(&answer, "email")["message"], "is required");

    let no_action = sandbox
        .put(
            &format!("/webinars/{MANUAL_APPROVAL_WEBINAR_ID}/registrants/status"),
            json!({"registrants": [{"id": "x"}]}),
        )
        .await;
    assert_validation_failed(&no_action);
    assert_eq!(no_action.error_fields(), ["action"]);
}

#[tokio::test]
async fn array_item_fields_use_brackets() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .put(
            &format!("/webinars/{MANUAL_APPROVAL_WEBINAR_ID}/registrants/status"),
            json!({"action": "approve", "registrants": [{"id": "a"}, {"email": "not-an-email"}]}),
        )
        .await;
    assert_validation_failed(&answer);
    assert_eq!(answer.error_fields(), ["registrants[1].email"]);
    assert_eq!(
        error_for(&answer, "registrants[1].email")["message"],
        "must be a valid email"
    );
}

#[tokio::test]
async fn item_count_is_checked() {
    let sandbox = Sandbox::start().await;
    let many: Vec<Value> = (0..31)
        .map(|index| json!({"id": format!("r{index}")}))
        .collect();
    let answer = sandbox
        .put(
            &format!("/webinars/{MANUAL_APPROVAL_WEBINAR_ID}/registrants/status"),
            json!({"action": "approve", "registrants": many}),
        )
        .await;
    assert_validation_failed(&answer);
    assert_eq!(
        error_for(&answer, "registrants")["message"],
        "must have at most 30 items"
    );
}

// Zoom's spec leaves request objects open (no additionalProperties), so an
// unknown field is accepted, at the top level and inside settings.
#[tokio::test]
async fn unknown_body_field_is_accepted() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(
            "/users/me/webinars",
            json!({"topic": "Extra", "start_time": "2030-01-10T10:00:00",
                   "not_a_zoom_field": 1, "settings": {"also_unknown": true}}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    let entry = last_logged(&sandbox).await;
    assert_eq!(entry["request_violations"], json!([]));
}

#[tokio::test]
async fn non_object_body_is_invalid_json() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.post("/users/me/webinars", json!([1, 2])).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(300));
    assert_eq!(
        answer.body["message"],
        "Request Body should be a valid JSON object."
    );
}

#[tokio::test]
async fn local_and_utc_start_times_pass() {
    let sandbox = Sandbox::start().await;
    for start in ["2030-01-10T10:00:00", "2030-01-10T10:00:00Z"] {
        let answer = sandbox
            .post(
                "/users/me/webinars",
                json!({"topic": "Start", "start_time": start, "timezone": "Europe/London"}),
            )
            .await;
        assert_eq!(
            answer.status,
            StatusCode::CREATED,
            "{start}: {}",
            answer.body
        );
    }
    let with_offset = sandbox
        .post(
            "/users/me/webinars",
            json!({"topic": "Offset", "start_time": "2030-01-10T10:00:00+05:30"}),
        )
        .await;
    assert_validation_failed(&with_offset);
    assert_eq!(with_offset.error_fields(), ["start_time"]);
}

#[tokio::test]
async fn response_validation_is_on_by_default() {
    assert!(SandboxOptions::default().validate_responses);
}

#[tokio::test]
async fn response_validation_can_be_turned_off() {
    let options = SandboxOptions {
        validate_responses: false,
        ..SandboxOptions::default()
    };
    let sandbox = Sandbox::start_with(options).await;
    let answer = sandbox.get(&format!("/webinars/{SINGLE_WEBINAR_ID}")).await;
    assert_eq!(answer.status, StatusCode::OK);
    let bad = sandbox.delete("/webinars/abc").await;
    assert_validation_failed(&bad);
    let entry = last_logged(&sandbox).await;
    assert_eq!(entry["endpoint"], "DELETE /webinars/{webinarId}");
    assert_eq!(entry["request_violations"].as_array().unwrap().len(), 1);
}

/// Every endpoint the sandbox serves, called with valid input: each response
/// must match the contract's status and schema. Tool calls cover the same
/// endpoints through the client in `tests/contract_coverage.rs`; this sweep
/// also reaches the ones no tool calls yet.
#[tokio::test]
async fn every_served_endpoint_answers_in_contract() {
    let sandbox = Sandbox::start().await;
    let webinar = format!("/webinars/{MANUAL_APPROVAL_WEBINAR_ID}");
    let single = format!("/webinars/{SINGLE_WEBINAR_ID}");

    sandbox.get("/users?page_size=1").await;
    sandbox.get("/users/me").await;
    sandbox.get("/users/me/webinars?type=upcoming").await;
    sandbox.get(&single).await;
    sandbox.get(&format!("{single}/panelists")).await;
    sandbox.get(&format!("{single}/polls")).await;
    sandbox
        .get(&format!("{single}/polls/{SINGLE_WEBINAR_POLL_ID}"))
        .await;
    sandbox
        .put(
            &format!("{single}/polls/{SINGLE_WEBINAR_POLL_ID}"),
            json!({"title": "Replaced", "questions": [
                {"name": "Which?", "type": "single", "answers": ["A", "B"]}]}),
        )
        .await;
    sandbox
        .delete(&format!("{single}/polls/{SINGLE_WEBINAR_POLL_ID}"))
        .await;

    let added = sandbox
        .post(
            &format!("{webinar}/registrants"),
            json!({"first_name": "Ada", "last_name": "Lovelace", "email": "ada@sandbox.example.com",
                   "custom_questions": [{"title": "Role", "value": "Engineer"}]}),
        )
        .await;
    let registrant = added.body["registrant_id"].as_str().unwrap().to_owned();
    sandbox
        .get(&format!("{webinar}/registrants/{registrant}"))
        .await;
    sandbox
        .get(&format!("{webinar}/registrants?status=pending"))
        .await;
    sandbox
        .delete(&format!("{webinar}/registrants/{registrant}"))
        .await;

    let past = PAST_WEBINAR_ID;
    sandbox
        .get(&format!("/past_webinars/{past}/instances"))
        .await;
    sandbox
        .get(&format!("/past_webinars/{past}/participants"))
        .await;
    sandbox
        .get(&format!("/past_webinars/{past}/absentees"))
        .await;
    sandbox.get(&format!("/past_webinars/{past}/polls")).await;
    sandbox.get(&format!("/past_webinars/{past}/qa")).await;
    sandbox.get(&format!("/report/webinars/{past}")).await;
    sandbox
        .get(&format!(
            "/report/webinars/{past}/participants?include_fields=registrant_id"
        ))
        .await;
    sandbox.get(&format!("/report/webinars/{past}/polls")).await;
    sandbox.get(&format!("/report/webinars/{past}/qa")).await;
    sandbox
        .get(&format!("/report/webinars/{past}/survey"))
        .await;
    let encoded = PAST_INSTANCE_UUIDS[0]
        .replace('/', "%252F")
        .replace('=', "%253D");
    sandbox
        .get(&format!("/report/webinars/{encoded}/participants"))
        .await;

    sandbox
        .put(&format!("{single}/status"), json!({"action": "end"}))
        .await;
    sandbox.delete(&format!("{single}/panelists")).await;
    sandbox.delete(&single).await;
    sandbox.get(&single).await;

    let log = sandbox.hook("/_sandbox/requests").await;
    let entries: Vec<&Value> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|entry| entry["path"].as_str().unwrap().starts_with("/v2/"))
        .collect();
    assert!(entries.len() >= 28, "{} API requests logged", entries.len());
    let mut problems = Vec::new();
    for entry in &entries {
        let request = format!(
            "{} {} -> {}",
            entry["method"], entry["path"], entry["status"]
        );
        if entry["endpoint"].is_null() {
            problems.push(format!("{request}: no contract endpoint"));
        }
        for violation in entry["request_violations"].as_array().unwrap() {
            problems.push(format!("{request}: request {violation}"));
        }
        for violation in entry["response_violations"].as_array().unwrap() {
            problems.push(format!("{request}: response {violation}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Every call above is valid and succeeds, so the success schemas were
    // checked; only the final read of the deleted webinar answers 404.
    let (last, rest) = entries.split_last().unwrap();
    for entry in rest {
        let status = entry["status"].as_u64().unwrap();
        assert!(
            (200..300).contains(&status),
            "{} {} -> {status}",
            entry["method"],
            entry["path"]
        );
    }
    assert_eq!(last["status"], 404);
}
