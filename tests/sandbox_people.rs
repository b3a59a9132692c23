//! Panelists, polls and invite links.

mod sandbox_support;

use reqwest::StatusCode;
use sandbox_support::Sandbox;
use serde_json::{Value, json};
use zoom_webinar_mcp::sandbox::seed::{
    SINGLE_WEBINAR_ID, SINGLE_WEBINAR_PANELIST_EMAILS, SINGLE_WEBINAR_PANELIST_IDS,
    SINGLE_WEBINAR_POLL_ID,
};

fn panelist_emails(body: &Value) -> Vec<String> {
    body["panelists"]
        .as_array()
        .unwrap()
        .iter()
        .map(|panelist| panelist["email"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn seeded_panelists_are_listed() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get(&format!("/webinars/{SINGLE_WEBINAR_ID}/panelists"))
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["total_records"], 2);
    assert_eq!(
        answer.body["panelists"][0]["id"],
        SINGLE_WEBINAR_PANELIST_IDS[0]
    );
    assert!(answer.body["panelists"][0]["join_url"].is_string());
}

#[tokio::test]
async fn panelists_add_list_delete() {
    let sandbox = Sandbox::start().await;
    let path = format!("/webinars/{SINGLE_WEBINAR_ID}/panelists");
    let added = sandbox
        .post(
            &path,
            json!({"panelists": [
                {"name": "Nia Newcomer", "email": "nia@guests.example.com"},
                {"name": "Omar Other", "email": "omar@guests.example.com", "name_tag_name": "Omar"}
            ]}),
        )
        .await;
    assert_eq!(added.status, StatusCode::CREATED);
    assert_eq!(added.body["id"], SINGLE_WEBINAR_ID.to_string());
    assert!(added.body["updated_at"].is_string());

    let listed = sandbox.get(&path).await;
    assert_eq!(listed.body["total_records"], 4);
    assert!(panelist_emails(&listed.body).contains(&"nia@guests.example.com".to_owned()));

    // Remove one by id and one by (encoded) email.
    let by_id = sandbox
        .delete(&format!("{path}/{}", SINGLE_WEBINAR_PANELIST_IDS[0]))
        .await;
    assert_eq!(by_id.status, StatusCode::NO_CONTENT);
    let by_email = sandbox
        .delete(&format!("{path}/omar%40guests.example.com"))
        .await;
    assert_eq!(by_email.status, StatusCode::NO_CONTENT);

    let remaining = sandbox.get(&path).await;
    let emails = panelist_emails(&remaining.body);
    assert_eq!(emails.len(), 2);
    assert!(!emails.contains(&SINGLE_WEBINAR_PANELIST_EMAILS[0].to_owned()));
    assert!(!emails.contains(&"omar@guests.example.com".to_owned()));

    let cleared = sandbox.delete(&path).await;
    assert_eq!(cleared.status, StatusCode::NO_CONTENT);
    assert_eq!(sandbox.get(&path).await.body["total_records"], 0);
}

#[tokio::test]
async fn panelists_over_30_per_call_rejected() {
    let sandbox = Sandbox::start().await;
    let many: Vec<Value> = (0..31)
        .map(|index| json!({"name": format!("P{index}"), "email": format!("p{index}@guests.example.com")}))
        .collect();
    let answer = sandbox
        .post(
            &format!("/webinars/{SINGLE_WEBINAR_ID}/panelists"),
            json!({"panelists": many}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.error_fields(), ["panelists"]);
}

#[tokio::test]
async fn panelist_without_email_names_indexed_field() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(
            &format!("/webinars/{SINGLE_WEBINAR_ID}/panelists"),
            json!({"panelists": [{"name": "Ok", "email": "ok@guests.example.com"}, {"name": "No email"}]}),
        )
        .await;
    assert_eq!(answer.error_fields(), ["panelists[1].email"]);
}

#[tokio::test]
async fn unknown_panelist_delete_is_rejected() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .delete(&format!("/webinars/{SINGLE_WEBINAR_ID}/panelists/nobody"))
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(3000));
}

#[tokio::test]
async fn panelists_of_unknown_webinar_is_3001() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get("/webinars/81199999999/panelists").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.code(), Some(3001));
}

fn poll_body(title: &str) -> Value {
    json!({
        "title": title,
        "poll_type": 1,
        "questions": [
            {"name": "Favourite language?", "type": "single", "answers": ["Rust", "Go", "Python"]},
            {"name": "Topics to cover?", "type": "multiple", "answers": ["Async", "Macros"]}
        ]
    })
}

#[tokio::test]
async fn poll_lifecycle() {
    let sandbox = Sandbox::start().await;
    let path = format!("/webinars/{SINGLE_WEBINAR_ID}/polls");
    let created = sandbox.post(&path, poll_body("Warm-up")).await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(created.body["status"], "notstart");
    assert_eq!(created.body["questions"].as_array().unwrap().len(), 2);
    let poll_id = created.body["id"].as_str().unwrap().to_owned();

    let listed = sandbox.get(&path).await;
    assert_eq!(listed.body["total_records"], 2);

    let fetched = sandbox.get(&format!("{path}/{poll_id}")).await;
    assert_eq!(fetched.body["title"], "Warm-up");

    let mut replacement = poll_body("Renamed");
    replacement["questions"] = json!([{"name": "Only question", "type": "short_answer"}]);
    let replaced = sandbox.put(&format!("{path}/{poll_id}"), replacement).await;
    assert_eq!(replaced.status, StatusCode::NO_CONTENT);

    let refetched = sandbox.get(&format!("{path}/{poll_id}")).await;
    assert_eq!(refetched.body["title"], "Renamed");
    assert_eq!(refetched.body["questions"].as_array().unwrap().len(), 1);
    assert_eq!(refetched.body["questions"][0]["type"], "short_answer");

    let deleted = sandbox.delete(&format!("{path}/{poll_id}")).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    let gone = sandbox.get(&format!("{path}/{poll_id}")).await;
    assert_eq!(gone.status, StatusCode::BAD_REQUEST);
    assert_eq!(gone.code(), Some(4400));
}

#[tokio::test]
async fn seeded_poll_is_readable() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get(&format!(
            "/webinars/{SINGLE_WEBINAR_ID}/polls/{SINGLE_WEBINAR_POLL_ID}"
        ))
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["title"], "Audience check");
}

#[tokio::test]
async fn poll_title_over_64_rejected() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(
            &format!("/webinars/{SINGLE_WEBINAR_ID}/polls"),
            poll_body(&"x".repeat(65)),
        )
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.error_fields(), ["title"]);
}

#[tokio::test]
async fn poll_with_eleven_answers_rejected() {
    let sandbox = Sandbox::start().await;
    let answers: Vec<String> = (1..=11).map(|n| n.to_string()).collect();
    let body = json!({"title": "Too many", "questions": [{"name": "Pick", "type": "single", "answers": answers}]});
    let answer = sandbox
        .post(&format!("/webinars/{SINGLE_WEBINAR_ID}/polls"), body)
        .await;
    assert_eq!(answer.error_fields(), ["questions[0].answers"]);
}

#[tokio::test]
async fn poll_update_of_unknown_poll_is_4400() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .put(
            &format!("/webinars/{SINGLE_WEBINAR_ID}/polls/nope"),
            poll_body("x"),
        )
        .await;
    assert_eq!(answer.code(), Some(4400));
}

#[tokio::test]
async fn invite_links_are_created() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(
            &format!("/webinars/{SINGLE_WEBINAR_ID}/invite_links"),
            json!({"attendees": [{"name": "Guest One"}, {"name": "Guest Two"}], "ttl": 3600}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::CREATED);
    let attendees = answer.body["attendees"].as_array().unwrap();
    assert_eq!(attendees.len(), 2);
    assert_eq!(attendees[0]["name"], "Guest One");
    let first_url = attendees[0]["join_url"].as_str().unwrap();
    let second_url = attendees[1]["join_url"].as_str().unwrap();
    assert!(first_url.starts_with("http://127.0.0.1:"));
    assert_ne!(first_url, second_url);
}

#[tokio::test]
async fn invite_link_limits_are_enforced() {
    let sandbox = Sandbox::start().await;
    let path = format!("/webinars/{SINGLE_WEBINAR_ID}/invite_links");
    let long_ttl = sandbox
        .post(
            &path,
            json!({"attendees": [{"name": "A"}], "ttl": 7_776_001}),
        )
        .await;
    assert_eq!(long_ttl.error_fields(), ["ttl"]);

    let many: Vec<Value> = (0..501)
        .map(|index| json!({"name": format!("G{index}")}))
        .collect();
    let too_many = sandbox.post(&path, json!({"attendees": many})).await;
    assert_eq!(too_many.error_fields(), ["attendees"]);

    let long_name = sandbox
        .post(&path, json!({"attendees": [{"name": "n".repeat(65)}]}))
        .await;
    assert_eq!(long_name.error_fields(), ["attendees[0].name"]);

    let max_ttl = sandbox
        .post(
            &path,
            json!({"attendees": [{"name": "A"}], "ttl": 7_776_000}),
        )
        .await;
    assert_eq!(max_ttl.status, StatusCode::CREATED);
}
