//! Past webinars and reports: instances, UUID encoding, participants,
//! absentees, Q&A and poll results.

mod sandbox_support;

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::StatusCode;
use sandbox_support::Sandbox;
use zoom_webinar_mcp::sandbox::seed::{
    PAST_ABSENTEE_COUNTS, PAST_INSTANCE_UUIDS, PAST_PARTICIPANT_COUNTS, PAST_WEBINAR_ID,
    PAST_WEBINAR_POLL_ID, SINGLE_WEBINAR_ID,
};

fn encode_once(uuid: &str) -> String {
    utf8_percent_encode(uuid, NON_ALPHANUMERIC).to_string()
}

fn encode_twice(uuid: &str) -> String {
    encode_once(&encode_once(uuid))
}

const LEADING_SLASH: &str = PAST_INSTANCE_UUIDS[0];
const DOUBLE_SLASH: &str = PAST_INSTANCE_UUIDS[1];
const SINGLE_SLASH: &str = PAST_INSTANCE_UUIDS[2];

#[tokio::test]
async fn instances_list_every_uuid() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get(&format!("/past_webinars/{PAST_WEBINAR_ID}/instances"))
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    let uuids: Vec<&str> = answer.body["webinars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|instance| instance["uuid"].as_str().unwrap())
        .collect();
    assert_eq!(uuids, PAST_INSTANCE_UUIDS);
    assert!(
        answer.body["webinars"][0]["start_time"]
            .as_str()
            .unwrap()
            .ends_with('Z')
    );
}

#[tokio::test]
async fn instances_need_numeric_id() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get(&format!(
            "/past_webinars/{}/instances",
            encode_once(SINGLE_SLASH)
        ))
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(300));
}

#[tokio::test]
async fn seeded_uuids_cover_encoding_cases() {
    assert!(LEADING_SLASH.starts_with('/'));
    assert!(DOUBLE_SLASH.contains("//"));
    assert!(DOUBLE_SLASH.contains('+'));
    assert_eq!(SINGLE_SLASH.matches('/').count(), 1);
    assert!(PAST_INSTANCE_UUIDS.iter().all(|uuid| uuid.ends_with("==")));
}

#[tokio::test]
async fn single_slash_uuid_works_encoded_once_or_twice() {
    let sandbox = Sandbox::start().await;
    for encoded in [encode_once(SINGLE_SLASH), encode_twice(SINGLE_SLASH)] {
        let answer = sandbox.get(&format!("/past_webinars/{encoded}/qa")).await;
        assert_eq!(answer.status, StatusCode::OK, "{encoded}");
        assert_eq!(answer.body["uuid"], SINGLE_SLASH, "{encoded}");
    }
}

#[tokio::test]
async fn leading_slash_uuid_needs_double_encoding() {
    let sandbox = Sandbox::start().await;
    let twice = sandbox
        .get(&format!(
            "/past_webinars/{}/participants",
            encode_twice(LEADING_SLASH)
        ))
        .await;
    assert_eq!(twice.status, StatusCode::OK);
    assert_eq!(twice.body["total_records"], PAST_PARTICIPANT_COUNTS[0]);

    let once = sandbox
        .get(&format!(
            "/past_webinars/{}/participants",
            encode_once(LEADING_SLASH)
        ))
        .await;
    assert_eq!(once.status, StatusCode::NOT_FOUND);
    assert_eq!(once.code(), Some(3001));
}

#[tokio::test]
async fn double_slash_uuid_needs_double_encoding() {
    let sandbox = Sandbox::start().await;
    let twice = sandbox
        .get(&format!(
            "/past_webinars/{}/polls",
            encode_twice(DOUBLE_SLASH)
        ))
        .await;
    assert_eq!(twice.status, StatusCode::OK);
    assert_eq!(twice.body["uuid"], DOUBLE_SLASH);

    let once = sandbox
        .get(&format!(
            "/past_webinars/{}/polls",
            encode_once(DOUBLE_SLASH)
        ))
        .await;
    assert_eq!(once.status, StatusCode::NOT_FOUND);
    assert_eq!(once.code(), Some(3001));
}

#[tokio::test]
async fn unknown_uuid_is_3001() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get("/past_webinars/AAAAAAAAAAAAAAAAAAAAAA%3D%3D/qa")
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.code(), Some(3001));
}

#[tokio::test]
async fn numeric_id_means_latest_instance() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get(&format!("/past_webinars/{PAST_WEBINAR_ID}/qa"))
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["uuid"], SINGLE_SLASH);
    assert_eq!(answer.body["id"], PAST_WEBINAR_ID);
}

#[tokio::test]
async fn webinar_that_never_ran_has_no_past() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get(&format!("/past_webinars/{SINGLE_WEBINAR_ID}/participants"))
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.code(), Some(3001));
}

#[tokio::test]
async fn participants_paginate_at_30() {
    let sandbox = Sandbox::start().await;
    let base = format!("/past_webinars/{PAST_WEBINAR_ID}/participants");
    let first = sandbox.get(&format!("{base}?page_size=30")).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.body["total_records"], PAST_PARTICIPANT_COUNTS[2]);
    assert_eq!(first.body["participants"].as_array().unwrap().len(), 30);
    assert_eq!(first.body["page_count"], 2);
    let token = first.body["next_page_token"].as_str().unwrap().to_owned();
    assert!(!token.is_empty());

    let second = sandbox
        .get(&format!("{base}?page_size=30&next_page_token={token}"))
        .await;
    let rest = second.body["participants"].as_array().unwrap();
    assert_eq!(rest.len(), PAST_PARTICIPANT_COUNTS[2] - 30);
    assert_eq!(second.body["next_page_token"], "");

    let all: Vec<_> = first.body["participants"]
        .as_array()
        .unwrap()
        .iter()
        .chain(rest)
        .collect();
    assert!(
        all.iter()
            .any(|participant| participant.get("registrant_id").is_some())
    );
    assert!(
        all.iter()
            .any(|participant| participant.get("registrant_id").is_none())
    );
    assert!(
        all.iter()
            .all(|participant| participant["duration"].as_i64().unwrap() > 0)
    );
}

#[tokio::test]
async fn participants_reject_bad_page_token_and_size() {
    let sandbox = Sandbox::start().await;
    let base = format!("/past_webinars/{PAST_WEBINAR_ID}/participants");
    let bad_token = sandbox
        .get(&format!("{base}?next_page_token=expired"))
        .await;
    assert_eq!(bad_token.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        bad_token.body["message"],
        "The next page token is invalid or expired."
    );
    let big = sandbox.get(&format!("{base}?page_size=301")).await;
    assert_eq!(big.error_fields(), ["page_size"]);
}

#[tokio::test]
async fn absentees_per_instance() {
    let sandbox = Sandbox::start().await;
    for (uuid, expected) in PAST_INSTANCE_UUIDS.iter().zip(PAST_ABSENTEE_COUNTS) {
        let answer = sandbox
            .get(&format!("/past_webinars/{}/absentees", encode_twice(uuid)))
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{uuid}");
        assert_eq!(answer.body["total_records"], expected, "{uuid}");
    }
}

#[tokio::test]
async fn absentees_need_registration() {
    let sandbox = Sandbox::start().await;
    let path = format!("/webinars/{PAST_WEBINAR_ID}");
    let patched = sandbox
        .patch(&path, serde_json::json!({"settings": {"approval_type": 2}}))
        .await;
    assert_eq!(patched.status, StatusCode::NO_CONTENT);
    let answer = sandbox
        .get(&format!("/past_webinars/{PAST_WEBINAR_ID}/absentees"))
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(3000));
}

#[tokio::test]
async fn qa_has_answered_and_open_questions() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get(&format!("/past_webinars/{PAST_WEBINAR_ID}/qa"))
        .await;
    let answers: Vec<&str> = answer.body["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|question| question["question_details"][0]["answer"].as_str().unwrap())
        .collect();
    assert!(answers.iter().any(|text| !text.is_empty()));
    assert!(answers.iter().any(|text| text.is_empty()));
}

#[tokio::test]
async fn poll_results_name_the_poll() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get(&format!("/past_webinars/{PAST_WEBINAR_ID}/polls"))
        .await;
    let questions = answer.body["questions"].as_array().unwrap();
    assert!(!questions.is_empty());
    assert_eq!(
        questions[0]["question_details"][0]["polling_id"],
        PAST_WEBINAR_POLL_ID
    );
    assert!(questions[0]["email"].is_string());
}

#[tokio::test]
async fn report_details_summarise_latest_instance() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get(&format!("/report/webinars/{PAST_WEBINAR_ID}"))
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["uuid"], SINGLE_SLASH);
    assert_eq!(answer.body["duration"], 58);
    assert!(answer.body["participants_count"].as_u64().unwrap() > 30);
    assert!(answer.body["end_time"].as_str().unwrap().ends_with('Z'));
}

#[tokio::test]
async fn report_participants_show_registrant_id_on_request() {
    let sandbox = Sandbox::start().await;
    let base = format!(
        "/report/webinars/{}/participants",
        encode_twice(LEADING_SLASH)
    );
    let plain = sandbox.get(&base).await;
    assert_eq!(plain.status, StatusCode::OK);
    assert!(plain.body["participants"][0].get("registrant_id").is_none());

    let with_ids = sandbox
        .get(&format!("{base}?include_fields=registrant_id"))
        .await;
    assert!(
        with_ids.body["participants"][0]
            .get("registrant_id")
            .is_some()
    );
}

#[tokio::test]
async fn report_qa_polls_and_survey() {
    let sandbox = Sandbox::start().await;
    let qa = sandbox
        .get(&format!("/report/webinars/{PAST_WEBINAR_ID}/qa"))
        .await;
    let statuses: Vec<&str> = qa.body["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|question| {
            question["question_details"][0]["question_status"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(statuses.contains(&"answered"));
    assert!(statuses.contains(&"open"));

    let polls = sandbox
        .get(&format!("/report/webinars/{PAST_WEBINAR_ID}/polls"))
        .await;
    assert!(polls.body["questions"][0]["first_name"].is_string());

    let survey = sandbox
        .get(&format!("/report/webinars/{PAST_WEBINAR_ID}/survey"))
        .await;
    assert_eq!(survey.status, StatusCode::OK);
    assert_eq!(survey.body["webinar_id"], PAST_WEBINAR_ID);
    assert!(!survey.body["survey_answers"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn reports_need_report_scope() {
    let options = zoom_webinar_mcp::sandbox::SandboxOptions {
        token_ttl_secs: 3600,
        scopes: Some(vec!["webinar:read:admin".to_owned()]),
        ..Default::default()
    };
    let sandbox = Sandbox::start_with(options).await;
    let answer = sandbox
        .get(&format!("/report/webinars/{PAST_WEBINAR_ID}"))
        .await;
    assert_eq!(answer.code(), Some(4711));
    assert_eq!(
        answer.body["message"],
        "Invalid access token, does not contain scopes:[report:read:webinar:admin]."
    );
}
