//! Webinar registrants: listing per status, adding, status changes,
//! deletes, and the errors for webinars without registration.

mod sandbox_support;

use reqwest::StatusCode;
use sandbox_support::Sandbox;
use serde_json::{Value, json};
use zoom_webinar_mcp::sandbox::seed::{
    MANUAL_APPROVAL_WEBINAR_ID, MANUAL_APPROVED_REGISTRANT_IDS, MANUAL_DENIED_REGISTRANT_IDS,
    MANUAL_PENDING_REGISTRANT_IDS, OWNER_EMAIL, RECURRING_WEBINAR_ID, SINGLE_WEBINAR_ID,
    SINGLE_WEBINAR_PANELIST_EMAILS,
};

fn ids(body: &Value) -> Vec<String> {
    body["registrants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|registrant| registrant["id"].as_str().unwrap().to_owned())
        .collect()
}

fn path(suffix: &str) -> String {
    format!("/webinars/{MANUAL_APPROVAL_WEBINAR_ID}/registrants{suffix}")
}

#[tokio::test]
async fn default_listing_is_approved() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get(&path("")).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(ids(&answer.body), MANUAL_APPROVED_REGISTRANT_IDS);
    assert_eq!(answer.body["total_records"], 3);
    assert_eq!(answer.body["registrants"][0]["status"], "approved");
}

#[tokio::test]
async fn listing_per_status() {
    let sandbox = Sandbox::start().await;
    let pending = sandbox.get(&path("?status=pending")).await;
    assert_eq!(ids(&pending.body), MANUAL_PENDING_REGISTRANT_IDS);
    let denied = sandbox.get(&path("?status=denied")).await;
    assert_eq!(ids(&denied.body), MANUAL_DENIED_REGISTRANT_IDS);
    let bad = sandbox.get(&path("?status=maybe")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.error_fields(), ["status"]);
}

#[tokio::test]
async fn listing_pages_with_token() {
    let sandbox = Sandbox::start().await;
    let first = sandbox.get(&path("?page_size=2")).await;
    assert_eq!(first.body["registrants"].as_array().unwrap().len(), 2);
    assert_eq!(first.body["page_count"], 2);
    let token = first.body["next_page_token"].as_str().unwrap().to_owned();
    assert!(!token.is_empty());

    let second = sandbox
        .get(&path(&format!("?page_size=2&next_page_token={token}")))
        .await;
    assert_eq!(ids(&second.body), [MANUAL_APPROVED_REGISTRANT_IDS[2]]);
    assert_eq!(second.body["next_page_token"], "");

    // A token from the approved listing does not fit the pending one.
    let foreign = sandbox
        .get(&path(&format!("?status=pending&next_page_token={token}")))
        .await;
    assert_eq!(foreign.status, StatusCode::BAD_REQUEST);
    assert_eq!(foreign.code(), Some(300));
}

#[tokio::test]
async fn registrant_page_size_above_300_rejected() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get(&path("?page_size=301")).await;
    assert_eq!(answer.error_fields(), ["page_size"]);
}

#[tokio::test]
async fn add_to_manual_webinar_is_pending() {
    let sandbox = Sandbox::start().await;
    let added = sandbox
        .post(
            &path(""),
            json!({"first_name": "Rae", "last_name": "Reader", "email": "rae@guests.example.com"}),
        )
        .await;
    assert_eq!(added.status, StatusCode::CREATED);
    assert_eq!(added.body["id"], MANUAL_APPROVAL_WEBINAR_ID);
    assert!(added.body["join_url"].is_string());
    let registrant_id = added.body["registrant_id"].as_str().unwrap().to_owned();

    let fetched = sandbox.get(&path(&format!("/{registrant_id}"))).await;
    assert_eq!(fetched.status, StatusCode::OK);
    assert_eq!(fetched.body["status"], "pending");
    assert_eq!(fetched.body["email"], "rae@guests.example.com");

    let again = sandbox
        .post(
            &path(""),
            json!({"first_name": "Rae", "email": "RAE@guests.example.com"}),
        )
        .await;
    assert_eq!(again.body["registrant_id"], registrant_id.as_str());
}

#[tokio::test]
async fn add_to_auto_approve_webinar_is_approved() {
    let sandbox = Sandbox::start().await;
    let added = sandbox
        .post(
            &format!("/webinars/{RECURRING_WEBINAR_ID}/registrants"),
            json!({"first_name": "Ana", "email": "ana@guests.example.com"}),
        )
        .await;
    assert_eq!(added.status, StatusCode::CREATED);
    assert!(
        added.body["occurrences"]
            .as_array()
            .is_some_and(|list| !list.is_empty())
    );
    let listed = sandbox
        .get(&format!("/webinars/{RECURRING_WEBINAR_ID}/registrants"))
        .await;
    assert!(ids(&listed.body).contains(&added.body["registrant_id"].as_str().unwrap().to_owned()));
}

#[tokio::test]
async fn add_validates_required_fields() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(
            &path(""),
            json!({"last_name": "x", "email": "not-an-email"}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.error_fields(), ["first_name", "email"]);
}

#[tokio::test]
async fn host_and_panelist_cannot_register() {
    let sandbox = Sandbox::start().await;
    let host = sandbox
        .post(
            &path(""),
            json!({"first_name": "Olivia", "email": OWNER_EMAIL}),
        )
        .await;
    assert_eq!(host.code(), Some(3027));

    let webinar = format!("/webinars/{SINGLE_WEBINAR_ID}");
    sandbox
        .patch(&webinar, json!({"settings": {"approval_type": 0}}))
        .await;
    let panelist = sandbox
        .post(
            &format!("{webinar}/registrants"),
            json!({"first_name": "Priya", "email": SINGLE_WEBINAR_PANELIST_EMAILS[0]}),
        )
        .await;
    assert_eq!(panelist.code(), Some(3000));
}

#[tokio::test]
async fn status_change_moves_registrants() {
    let sandbox = Sandbox::start().await;
    let pending = sandbox.get(&path("?status=pending")).await;
    let pending_email = pending.body["registrants"][1]["email"]
        .as_str()
        .unwrap()
        .to_owned();

    let approve = sandbox
        .put(
            &path("/status"),
            json!({"action": "approve", "registrants": [
                {"id": MANUAL_PENDING_REGISTRANT_IDS[0]},
                {"email": pending_email}
            ]}),
        )
        .await;
    assert_eq!(approve.status, StatusCode::NO_CONTENT);
    let approved = sandbox.get(&path("")).await;
    assert_eq!(approved.body["total_records"], 5);
    assert_eq!(
        sandbox.get(&path("?status=pending")).await.body["total_records"],
        0
    );

    let deny = sandbox
        .put(
            &path("/status"),
            json!({"action": "deny", "registrants": [{"id": MANUAL_APPROVED_REGISTRANT_IDS[0]}]}),
        )
        .await;
    assert_eq!(deny.status, StatusCode::NO_CONTENT);
    let denied = sandbox.get(&path("?status=denied")).await;
    assert!(ids(&denied.body).contains(&MANUAL_APPROVED_REGISTRANT_IDS[0].to_owned()));
}

#[tokio::test]
async fn status_change_validates_body() {
    let sandbox = Sandbox::start().await;
    let bad_action = sandbox
        .put(
            &path("/status"),
            json!({"action": "promote", "registrants": [{"id": MANUAL_PENDING_REGISTRANT_IDS[0]}]}),
        )
        .await;
    assert_eq!(bad_action.error_fields(), ["action"]);

    let many: Vec<Value> = (0..31)
        .map(|index| json!({"id": format!("r{index}")}))
        .collect();
    let too_many = sandbox
        .put(
            &path("/status"),
            json!({"action": "approve", "registrants": many}),
        )
        .await;
    assert_eq!(too_many.error_fields(), ["registrants"]);

    let unknown = sandbox
        .put(
            &path("/status"),
            json!({"action": "approve", "registrants": [{"id": "nobody"}]}),
        )
        .await;
    assert_eq!(unknown.code(), Some(3079));
}

#[tokio::test]
async fn delete_registrant() {
    let sandbox = Sandbox::start().await;
    let target = MANUAL_DENIED_REGISTRANT_IDS[0];
    let deleted = sandbox.delete(&path(&format!("/{target}"))).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);

    let fetched = sandbox.get(&path(&format!("/{target}"))).await;
    assert_eq!(fetched.status, StatusCode::BAD_REQUEST);
    assert_eq!(fetched.code(), Some(3079));
    assert_eq!(
        fetched.body["message"],
        format!("This registrant does not exist: {target}.")
    );

    let again = sandbox.delete(&path(&format!("/{target}"))).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
    assert_eq!(again.code(), Some(3000));
}

#[tokio::test]
async fn webinar_without_registration_is_3000() {
    let sandbox = Sandbox::start().await;
    let base = format!("/webinars/{SINGLE_WEBINAR_ID}/registrants");
    let list = sandbox.get(&base).await;
    assert_eq!(list.status, StatusCode::BAD_REQUEST);
    assert_eq!(list.code(), Some(3000));

    let add = sandbox
        .post(
            &base,
            json!({"first_name": "A", "email": "a@guests.example.com"}),
        )
        .await;
    assert_eq!(add.code(), Some(3000));

    let get = sandbox.get(&format!("{base}/anything")).await;
    assert_eq!(get.code(), Some(3000));

    let status = sandbox
        .put(
            &format!("{base}/status"),
            json!({"action": "approve", "registrants": [{"id": "x"}]}),
        )
        .await;
    assert_eq!(status.code(), Some(3000));
}
