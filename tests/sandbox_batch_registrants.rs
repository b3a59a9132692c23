//! Batch registration: approval, visibility in the registrant list, the
//! 30-person limit, type 5 only, registration required, and validation.

mod sandbox_support;

use reqwest::StatusCode;
use sandbox_support::Sandbox;
use serde_json::{Value, json};
use zoom_webinar_mcp::sandbox::seed::{
    MANUAL_APPROVAL_WEBINAR_ID, MANUAL_APPROVED_REGISTRANT_IDS, RECURRING_WEBINAR_ID,
    SINGLE_WEBINAR_ID,
};

fn path(webinar_id: u64) -> String {
    format!("/webinars/{webinar_id}/batch_registrants")
}

fn people(count: usize) -> Value {
    let list: Vec<Value> = (0..count)
        .map(|index| {
            json!({
                "email": format!("guest{index}@guests.example.com"),
                "first_name": format!("Guest{index}"),
                "last_name": "Batch",
            })
        })
        .collect();
    Value::Array(list)
}

fn emails(body: &Value) -> Vec<String> {
    body["registrants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|registrant| registrant["email"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn batch_on_manual_webinar_is_pending() {
    let sandbox = Sandbox::start().await;
    let added = sandbox
        .post(
            &path(MANUAL_APPROVAL_WEBINAR_ID),
            json!({"registrants": people(2)}),
        )
        .await;
    assert_eq!(added.status, StatusCode::CREATED);
    let registrants = added.body["registrants"].as_array().unwrap();
    assert_eq!(registrants.len(), 2);
    assert!(registrants[0]["registrant_id"].is_string());
    assert!(registrants[0]["join_url"].is_string());
    assert_eq!(registrants[1]["email"], "guest1@guests.example.com");

    let pending = sandbox
        .get(&format!(
            "/webinars/{MANUAL_APPROVAL_WEBINAR_ID}/registrants?status=pending"
        ))
        .await;
    let listed = emails(&pending.body);
    assert!(listed.contains(&"guest0@guests.example.com".to_owned()));
    assert!(listed.contains(&"guest1@guests.example.com".to_owned()));
}

#[tokio::test]
async fn auto_approve_approves_on_manual_webinar() {
    let sandbox = Sandbox::start().await;
    let added = sandbox
        .post(
            &path(MANUAL_APPROVAL_WEBINAR_ID),
            json!({"auto_approve": true, "registrants": people(1)}),
        )
        .await;
    assert_eq!(added.status, StatusCode::CREATED);
    let id = added.body["registrants"][0]["registrant_id"]
        .as_str()
        .unwrap()
        .to_owned();

    let fetched = sandbox
        .get(&format!(
            "/webinars/{MANUAL_APPROVAL_WEBINAR_ID}/registrants/{id}"
        ))
        .await;
    assert_eq!(fetched.body["status"], "approved");
    assert_eq!(fetched.body["first_name"], "Guest0");
    assert_eq!(fetched.body["last_name"], "Batch");
}

#[tokio::test]
async fn known_email_returns_existing_registrant() {
    let sandbox = Sandbox::start().await;
    let existing = sandbox
        .get(&format!(
            "/webinars/{MANUAL_APPROVAL_WEBINAR_ID}/registrants/{}",
            MANUAL_APPROVED_REGISTRANT_IDS[0]
        ))
        .await;
    let email = existing.body["email"].as_str().unwrap().to_owned();
    let added = sandbox
        .post(
            &path(MANUAL_APPROVAL_WEBINAR_ID),
            json!({"registrants": [{"email": email.to_uppercase(), "first_name": "Amy"}]}),
        )
        .await;
    assert_eq!(added.status, StatusCode::CREATED);
    assert_eq!(
        added.body["registrants"][0]["registrant_id"],
        MANUAL_APPROVED_REGISTRANT_IDS[0]
    );
    let approved = sandbox
        .get(&format!(
            "/webinars/{MANUAL_APPROVAL_WEBINAR_ID}/registrants"
        ))
        .await;
    assert_eq!(approved.body["total_records"], 3);
}

#[tokio::test]
async fn thirty_registrants_is_the_limit() {
    let sandbox = Sandbox::start().await;
    let thirty = sandbox
        .post(
            &path(MANUAL_APPROVAL_WEBINAR_ID),
            json!({"registrants": people(30)}),
        )
        .await;
    assert_eq!(thirty.status, StatusCode::CREATED);
    assert_eq!(thirty.body["registrants"].as_array().unwrap().len(), 30);

    let thirty_one = sandbox
        .post(
            &path(MANUAL_APPROVAL_WEBINAR_ID),
            json!({"registrants": people(31)}),
        )
        .await;
    assert_eq!(thirty_one.status, StatusCode::BAD_REQUEST);
    assert_eq!(thirty_one.code(), Some(300));
    assert_eq!(thirty_one.error_fields(), ["registrants"]);
}

#[tokio::test]
async fn empty_or_missing_list_is_rejected() {
    let sandbox = Sandbox::start().await;
    let empty = sandbox
        .post(
            &path(MANUAL_APPROVAL_WEBINAR_ID),
            json!({"registrants": []}),
        )
        .await;
    assert_eq!(empty.error_fields(), ["registrants"]);
    let missing = sandbox
        .post(
            &path(MANUAL_APPROVAL_WEBINAR_ID),
            json!({"auto_approve": true}),
        )
        .await;
    assert_eq!(missing.error_fields(), ["registrants"]);
}

#[tokio::test]
async fn each_registrant_is_validated() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(
            &path(MANUAL_APPROVAL_WEBINAR_ID),
            json!({"auto_approve": "yes", "registrants": [
                {"email": "ok@guests.example.com", "first_name": "Ok"},
                {"email": "not-an-email", "first_name": "Bad"},
                {"email": "nofirst@guests.example.com"},
                "text"
            ]}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        answer.error_fields(),
        [
            "auto_approve",
            "registrants[1].email",
            "registrants[2].first_name",
            "registrants[3]"
        ]
    );
    let pending = sandbox
        .get(&format!(
            "/webinars/{MANUAL_APPROVAL_WEBINAR_ID}/registrants?status=pending"
        ))
        .await;
    assert_eq!(pending.body["total_records"], 2);
}

#[tokio::test]
async fn recurring_webinar_is_rejected() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(
            &path(RECURRING_WEBINAR_ID),
            json!({"registrants": people(1)}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(300));
    assert_eq!(
        answer.body["message"],
        "This API can only be used for scheduled webinars (type 5). Batch registration is not supported for other webinar types."
    );
}

#[tokio::test]
async fn registration_off_is_3000() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(&path(SINGLE_WEBINAR_ID), json!({"registrants": people(1)}))
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(3000));
    assert_eq!(
        answer.body["message"],
        format!("Registration has not been enabled for this webinar: {SINGLE_WEBINAR_ID}.")
    );
}

#[tokio::test]
async fn unknown_webinar_is_3001() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(&path(81199999999), json!({"registrants": people(1)}))
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.code(), Some(3001));
}

#[tokio::test]
async fn ended_webinar_is_3038() {
    let sandbox = Sandbox::start().await;
    let started = chrono::Utc::now() - chrono::TimeDelta::days(2);
    let created = sandbox
        .post(
            "/users/me/webinars",
            json!({
                "topic": "Over",
                "start_time": started.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                "duration": 60,
                "settings": {"approval_type": 0}
            }),
        )
        .await;
    let id = created.body["id"].as_u64().unwrap();
    let answer = sandbox
        .post(&path(id), json!({"registrants": people(1)}))
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(3038));
}

#[tokio::test]
async fn registrant_cap_is_enforced() {
    let sandbox = Sandbox::start().await;
    // The webinar has six registrants; a cap of seven leaves one seat.
    let capped = sandbox
        .patch(
            &format!("/webinars/{MANUAL_APPROVAL_WEBINAR_ID}"),
            json!({"settings": {"registrants_restrict_number": 7}}),
        )
        .await;
    assert_eq!(capped.status, StatusCode::NO_CONTENT);
    let over = sandbox
        .post(
            &path(MANUAL_APPROVAL_WEBINAR_ID),
            json!({"registrants": people(2)}),
        )
        .await;
    assert_eq!(over.status, StatusCode::BAD_REQUEST);
    assert_eq!(over.code(), Some(3000));

    let fits = sandbox
        .post(
            &path(MANUAL_APPROVAL_WEBINAR_ID),
            json!({"registrants": people(1)}),
        )
        .await;
    assert_eq!(fits.status, StatusCode::CREATED);
}
