//! Users and single (type 5) webinars: listing, create, get, update, delete,
//! validation, licences and pagination.

mod sandbox_support;

use reqwest::StatusCode;
use sandbox_support::Sandbox;
use serde_json::json;
use zoom_webinar_mcp::sandbox::seed::{
    BASIC_EMAIL, BASIC_USER_ID, FIRST_CREATED_WEBINAR_ID, HOST_USER_ID, HOST_WEBINAR_ID,
    MANUAL_APPROVAL_WEBINAR_ID, OWNER_EMAIL, OWNER_USER_ID, PAST_WEBINAR_ID, RECURRING_WEBINAR_ID,
    SINGLE_WEBINAR_ID,
};

#[tokio::test]
async fn me_resolves_to_owner() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get("/users/me").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["id"], OWNER_USER_ID);
    assert_eq!(answer.body["email"], OWNER_EMAIL);
    assert_eq!(answer.body["first_name"], "Olivia");
    assert_eq!(answer.body["timezone"], "Asia/Kolkata");
    assert_eq!(answer.body["type"], 2);
}

#[tokio::test]
async fn user_found_by_encoded_email() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get("/users/basic%40sandbox.example.com").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["id"], BASIC_USER_ID);
    assert_eq!(answer.body["type"], 1);
}

#[tokio::test]
async fn unknown_user_is_1001() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get("/users/nobody@sandbox.example.com").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.code(), Some(1001));
    assert_eq!(
        answer.body["message"],
        "User does not exist: nobody@sandbox.example.com."
    );
}

#[tokio::test]
async fn users_list_pages_with_token() {
    let sandbox = Sandbox::start().await;
    let first = sandbox.get("/users?page_size=2").await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.body["total_records"], 3);
    assert_eq!(first.body["page_count"], 2);
    assert_eq!(first.body["users"].as_array().unwrap().len(), 2);
    let token = first.body["next_page_token"].as_str().unwrap().to_owned();
    assert!(!token.is_empty());

    let second = sandbox
        .get(&format!("/users?page_size=2&next_page_token={token}"))
        .await;
    assert_eq!(second.body["users"].as_array().unwrap().len(), 1);
    assert_eq!(second.body["users"][0]["email"], BASIC_EMAIL);
    assert_eq!(second.body["next_page_token"], "");
}

#[tokio::test]
async fn users_page_size_above_2000_is_rejected() {
    let sandbox = Sandbox::start().await;
    assert_eq!(
        sandbox.get("/users?page_size=2000").await.status,
        StatusCode::OK
    );
    let answer = sandbox.get("/users?page_size=2001").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(300));
    assert_eq!(answer.error_fields(), ["page_size"]);
}

fn listed_ids(body: &serde_json::Value) -> Vec<u64> {
    body["webinars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|webinar| webinar["id"].as_u64().unwrap())
        .collect()
}

#[tokio::test]
async fn scheduled_list_keeps_recently_ended() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get("/users/me/webinars").await;
    assert_eq!(answer.status, StatusCode::OK);
    let ids = listed_ids(&answer.body);
    assert!(ids.contains(&SINGLE_WEBINAR_ID));
    assert!(ids.contains(&RECURRING_WEBINAR_ID));
    assert!(ids.contains(&MANUAL_APPROVAL_WEBINAR_ID));
    // The past webinar ended a week ago and has not expired yet.
    assert!(ids.contains(&PAST_WEBINAR_ID));
    assert!(!ids.contains(&HOST_WEBINAR_ID));
    assert_eq!(answer.body["total_records"], 4);
    assert_eq!(answer.body["page_number"], 1);
    assert_eq!(answer.body["next_page_token"], "");
}

#[tokio::test]
async fn upcoming_list_drops_ended() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get("/users/me/webinars?type=upcoming").await;
    let ids = listed_ids(&answer.body);
    assert_eq!(ids.len(), 3);
    assert!(!ids.contains(&PAST_WEBINAR_ID));
    assert_eq!(
        answer.body["webinars"][0]["start_time"]
            .as_str()
            .map(|t| t.ends_with('Z')),
        Some(true)
    );
}

#[tokio::test]
async fn upcoming_list_includes_live() {
    let sandbox = Sandbox::start().await;
    let started = chrono::Utc::now() - chrono::TimeDelta::minutes(5);
    let created = sandbox
        .post(
            "/users/me/webinars",
            json!({"topic": "Live", "start_time": started.format("%Y-%m-%dT%H:%M:%SZ").to_string()}),
        )
        .await;
    let id = created.body["id"].as_u64().unwrap();
    let answer = sandbox.get("/users/me/webinars?type=upcoming").await;
    assert!(listed_ids(&answer.body).contains(&id));
}

#[tokio::test]
async fn list_rejects_unknown_type() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get("/users/me/webinars?type=past").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.error_fields(), ["type"]);
}

#[tokio::test]
async fn basic_user_list_lacks_webinar_plan() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get(&format!("/users/{BASIC_USER_ID}/webinars"))
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(200));
}

#[tokio::test]
async fn seed_is_identical_across_starts() {
    let first = Sandbox::start().await;
    let second = Sandbox::start().await;
    for id in [SINGLE_WEBINAR_ID, RECURRING_WEBINAR_ID, PAST_WEBINAR_ID] {
        let one = first.get(&format!("/webinars/{id}")).await.body;
        let two = second.get(&format!("/webinars/{id}")).await.body;
        assert_eq!(one["uuid"], two["uuid"], "{id}");
        assert_eq!(one["start_time"], two["start_time"], "{id}");
        assert_eq!(one["password"], two["password"], "{id}");
        assert_eq!(one["occurrences"], two["occurrences"], "{id}");
    }
}

#[tokio::test]
async fn webinar_found_by_instance_uuid() {
    let sandbox = Sandbox::start().await;
    // "pT7/uWn2Qe+o0hZb9xLk1A==" encoded once.
    let answer = sandbox
        .get("/webinars/pT7%2FuWn2Qe%2Bo0hZb9xLk1A%3D%3D")
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["id"], PAST_WEBINAR_ID);
}

#[tokio::test]
async fn other_host_lists_own_webinar() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get(&format!("/users/{HOST_USER_ID}/webinars?type=upcoming"))
        .await;
    assert_eq!(answer.body["total_records"], 1);
    assert_eq!(answer.body["webinars"][0]["id"], HOST_WEBINAR_ID);
}

#[tokio::test]
async fn webinar_list_pages_and_rejects_bad_token() {
    let sandbox = Sandbox::start().await;
    let first = sandbox
        .get("/users/me/webinars?type=upcoming&page_size=2")
        .await;
    assert_eq!(first.body["webinars"].as_array().unwrap().len(), 2);
    assert_eq!(first.body["page_count"], 2);
    let token = first.body["next_page_token"].as_str().unwrap().to_owned();

    let second = sandbox
        .get(&format!(
            "/users/me/webinars?type=upcoming&page_size=2&next_page_token={token}"
        ))
        .await;
    assert_eq!(second.body["webinars"].as_array().unwrap().len(), 1);
    assert_eq!(second.body["next_page_token"], "");

    let bad = sandbox
        .get("/users/me/webinars?next_page_token=bogus")
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.code(), Some(300));
    assert_eq!(
        bad.body["message"],
        "The next page token is invalid or expired."
    );
}

#[tokio::test]
async fn webinar_page_size_above_300_is_rejected() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get("/users/me/webinars?page_size=301").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.error_fields(), ["page_size"]);
}

#[tokio::test]
async fn basic_user_lacks_webinar_plan() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(
            &format!("/users/{BASIC_USER_ID}/webinars"),
            json!({"topic": "Nope"}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(200));
    let message = answer.body["message"].as_str().unwrap();
    assert!(message.starts_with("Webinar plan is missing."), "{message}");
}

#[tokio::test]
async fn create_for_unknown_user_is_1001() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post("/users/ghost/webinars", json!({"topic": "x"}))
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.code(), Some(1001));
    assert_eq!(answer.body["message"], "User ghost does not exist.");
}

#[tokio::test]
async fn single_webinar_lifecycle() {
    let sandbox = Sandbox::start().await;
    let created = sandbox
        .post(
            "/users/me/webinars",
            json!({
                "topic": "Rust for Zoom admins",
                "type": 5,
                "start_time": "2030-06-01T15:30:00",
                "timezone": "Europe/Berlin",
                "duration": 90,
                "agenda": "Intro and demo",
                "password": "abc123",
                "settings": {"approval_type": 0, "host_video": true}
            }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    let id = created.body["id"].as_u64().unwrap();
    assert_eq!(id, FIRST_CREATED_WEBINAR_ID);
    assert!(id > u64::from(u32::MAX));
    // 15:30 in Berlin summer time (UTC+2) is 13:30 UTC.
    assert_eq!(created.body["start_time"], "2030-06-01T13:30:00Z");
    assert_eq!(created.body["timezone"], "Europe/Berlin");
    assert_eq!(created.body["host_id"], OWNER_USER_ID);
    assert_eq!(created.body["settings"]["approval_type"], 0);
    assert_eq!(created.body["settings"]["host_video"], true);
    assert_eq!(created.body["password"], "abc123");
    assert!(created.body["registration_url"].is_string());
    assert!(
        created.body["uuid"]
            .as_str()
            .is_some_and(|uuid| uuid.len() == 24)
    );

    let fetched = sandbox.get(&format!("/webinars/{id}")).await;
    assert_eq!(fetched.status, StatusCode::OK);
    assert_eq!(fetched.body["topic"], "Rust for Zoom admins");
    assert_eq!(fetched.body["duration"], 90);

    let patched = sandbox
        .patch(
            &format!("/webinars/{id}"),
            json!({"topic": "Rust for Zoom admins, part 2", "start_time": "2030-06-02T09:00:00Z", "settings": {"approval_type": 2}}),
        )
        .await;
    assert_eq!(patched.status, StatusCode::NO_CONTENT);
    assert!(patched.body.is_null());

    let refetched = sandbox.get(&format!("/webinars/{id}")).await;
    assert_eq!(refetched.body["topic"], "Rust for Zoom admins, part 2");
    assert_eq!(refetched.body["start_time"], "2030-06-02T09:00:00Z");
    assert_eq!(refetched.body["timezone"], "Europe/Berlin");
    assert_eq!(refetched.body["settings"]["approval_type"], 2);
    assert_eq!(refetched.body["settings"]["host_video"], true);
    assert!(refetched.body.get("registration_url").is_none());

    let deleted = sandbox.delete(&format!("/webinars/{id}")).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);

    let gone = sandbox.get(&format!("/webinars/{id}")).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    assert_eq!(gone.code(), Some(3001));
    assert_eq!(
        gone.body["message"],
        format!("Webinar does not exist: {id}.")
    );
}

#[tokio::test]
async fn created_webinar_appears_in_list() {
    let sandbox = Sandbox::start().await;
    let created = sandbox
        .post(
            "/users/me/webinars",
            json!({"topic": "Listed", "start_time": "2030-01-01T10:00:00Z"}),
        )
        .await;
    let id = created.body["id"].clone();
    let list = sandbox.get("/users/me/webinars?type=upcoming").await;
    let webinars = list.body["webinars"].as_array().unwrap();
    assert!(webinars.iter().any(|webinar| webinar["id"] == id));
}

#[tokio::test]
async fn create_without_timezone_uses_host_zone() {
    let sandbox = Sandbox::start().await;
    let created = sandbox
        .post(
            "/users/me/webinars",
            json!({"topic": "Kolkata", "start_time": "2030-01-10T10:00:00"}),
        )
        .await;
    // The owner's zone is Asia/Kolkata, UTC+5:30.
    assert_eq!(created.body["start_time"], "2030-01-10T04:30:00Z");
    assert_eq!(created.body["timezone"], "Asia/Kolkata");
}

#[tokio::test]
async fn validation_errors_name_dotted_fields() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(
            "/users/me/webinars",
            json!({
                "topic": "t".repeat(201),
                "type": 7,
                "password": "12345678901",
                "start_time": "next tuesday",
                "settings": {"approval_type": 3, "registration_type": 4}
            }),
        )
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(300));
    assert_eq!(answer.body["message"], "Validation Failed.");
    let fields = answer.error_fields();
    for expected in [
        "topic",
        "type",
        "password",
        "start_time",
        "settings.approval_type",
        "settings.registration_type",
    ] {
        assert!(
            fields.iter().any(|field| field == expected),
            "{expected} missing from {fields:?}"
        );
    }
    let type_error = answer.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|error| error["field"] == "type")
        .unwrap();
    assert_eq!(type_error["message"], "must be one of 5, 6, 9");
}

// The contract's schema has no list of time zones, so an unknown zone passes
// the schema check and the handler rejects it.
#[tokio::test]
async fn unknown_timezone_is_rejected() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(
            "/users/me/webinars",
            json!({"topic": "Mars", "start_time": "2030-01-10T10:00:00", "timezone": "Mars/Olympus"}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.error_fields(), ["timezone"]);
    assert_eq!(answer.body["errors"][0]["message"], "Invalid field.");
}

#[tokio::test]
async fn bad_start_time_is_rejected() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(
            "/users/me/webinars",
            json!({"start_time": "2030-13-40T10:00:00"}),
        )
        .await;
    assert_eq!(answer.error_fields(), ["start_time"]);
}

#[tokio::test]
async fn invalid_json_body_is_code_300() {
    let sandbox = Sandbox::start().await;
    let response = sandbox
        .client
        .post(sandbox.url("/users/me/webinars"))
        .bearer_auth(&sandbox.token)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    let answer = sandbox_support::read(response).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(300));
    assert_eq!(
        answer.body["message"],
        "Request Body should be a valid JSON object."
    );
}

#[tokio::test]
async fn non_numeric_webinar_id_is_300() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get("/webinars/abc").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.body["message"], "Invalid webinar ID.");
}

#[tokio::test]
async fn schedule_for_sets_host() {
    let sandbox = Sandbox::start().await;
    let created = sandbox
        .post(
            "/users/me/webinars",
            json!({"topic": "For Harper", "schedule_for": "host@sandbox.example.com"}),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(created.body["host_id"], HOST_USER_ID);

    let bad = sandbox
        .post(
            "/users/me/webinars",
            json!({"schedule_for": "nobody@x.example.com"}),
        )
        .await;
    assert_eq!(bad.code(), Some(300));
}

#[tokio::test]
async fn end_status_of_started_webinar_records_instance() {
    let sandbox = Sandbox::start().await;
    let started = chrono::Utc::now() - chrono::TimeDelta::minutes(10);
    let created = sandbox
        .post(
            "/users/me/webinars",
            json!({"topic": "Live now", "start_time": started.format("%Y-%m-%dT%H:%M:%SZ").to_string()}),
        )
        .await;
    let id = created.body["id"].as_u64().unwrap();
    let uuid = created.body["uuid"].as_str().unwrap().to_owned();

    let ended = sandbox
        .put(&format!("/webinars/{id}/status"), json!({"action": "end"}))
        .await;
    assert_eq!(ended.status, StatusCode::NO_CONTENT);

    let instances = sandbox.get(&format!("/past_webinars/{id}/instances")).await;
    assert_eq!(instances.body["webinars"].as_array().unwrap().len(), 1);
    assert_eq!(instances.body["webinars"][0]["uuid"], uuid.as_str());
}

#[tokio::test]
async fn status_with_other_action_is_rejected() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .put(
            &format!("/webinars/{SINGLE_WEBINAR_ID}/status"),
            json!({"action": "start"}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.error_fields(), ["action"]);
}
