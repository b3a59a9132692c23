//! Per-webinar setup endpoints: registration questions, the survey,
//! tracking sources and the SIP dialing URI.

mod sandbox_support;

use reqwest::{Method, StatusCode};
use sandbox_support::Sandbox;
use serde_json::json;
use zoom_webinar_mcp::sandbox::seed::{
    MANUAL_APPROVAL_WEBINAR_ID, RECURRING_WEBINAR_ID, RECURRING_WEBINAR_TRACKING_SOURCE_IDS,
    SINGLE_WEBINAR_ID,
};

fn questions_path(webinar_id: u64) -> String {
    format!("/webinars/{webinar_id}/registrants/questions")
}

fn survey_path(webinar_id: u64) -> String {
    format!("/webinars/{webinar_id}/survey")
}

#[tokio::test]
async fn seeded_registration_questions() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get(&questions_path(MANUAL_APPROVAL_WEBINAR_ID))
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.body["questions"],
        json!([
            {"field_name": "org", "required": true},
            {"field_name": "job_title", "required": false}
        ])
    );
    assert_eq!(
        answer.body["custom_questions"][0]["type"],
        "single_dropdown"
    );
    assert_eq!(
        answer.body["custom_questions"][0]["answers"],
        json!(["Gold", "Silver", "Bronze"])
    );
}

#[tokio::test]
async fn registration_questions_update_is_visible() {
    let sandbox = Sandbox::start().await;
    let path = questions_path(MANUAL_APPROVAL_WEBINAR_ID);
    let updated = sandbox
        .patch(
            &path,
            json!({"questions": [{"field_name": "country", "required": true}]}),
        )
        .await;
    assert_eq!(updated.status, StatusCode::NO_CONTENT);
    let answer = sandbox.get(&path).await;
    assert_eq!(
        answer.body["questions"],
        json!([{"field_name": "country", "required": true}])
    );
    // The custom questions were not in the body, so they stay.
    assert_eq!(answer.body["custom_questions"].as_array().unwrap().len(), 1);

    let cleared = sandbox.patch(&path, json!({"custom_questions": []})).await;
    assert_eq!(cleared.status, StatusCode::NO_CONTENT);
    let answer = sandbox.get(&path).await;
    assert_eq!(answer.body["custom_questions"], json!([]));
}

#[tokio::test]
async fn registration_questions_are_validated() {
    let sandbox = Sandbox::start().await;
    let path = questions_path(MANUAL_APPROVAL_WEBINAR_ID);
    let answer = sandbox
        .patch(
            &path,
            json!({
                "questions": [{"field_name": "email", "required": true}],
                "custom_questions": [{"title": "Size?", "type": "slider", "answers": ["S"]}]
            }),
        )
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(300));
    assert_eq!(
        answer.error_fields(),
        ["custom_questions[0].type", "questions[0].field_name"]
    );
    let unchanged = sandbox.get(&path).await;
    assert_eq!(unchanged.body["questions"][0]["field_name"], "org");
}

#[tokio::test]
async fn registration_questions_need_registration() {
    let sandbox = Sandbox::start().await;
    let read = sandbox.get(&questions_path(SINGLE_WEBINAR_ID)).await;
    assert_eq!(read.status, StatusCode::BAD_REQUEST);
    assert_eq!(read.code(), Some(3000));
    assert_eq!(
        read.body["message"],
        format!("Registration has not been enabled for this webinar: {SINGLE_WEBINAR_ID}.")
    );
    let write = sandbox
        .patch(&questions_path(SINGLE_WEBINAR_ID), json!({"questions": []}))
        .await;
    assert_eq!(write.code(), Some(3000));

    let unknown = sandbox.get(&questions_path(81199999999)).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.code(), Some(3001));
}

#[tokio::test]
async fn new_registration_webinar_has_no_questions() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get(&questions_path(RECURRING_WEBINAR_ID)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["questions"], json!([]));
    assert_eq!(answer.body["custom_questions"], json!([]));
}

#[tokio::test]
async fn seeded_survey_is_returned() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get(&survey_path(RECURRING_WEBINAR_ID)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.body["custom_survey"]["title"],
        "Office hours feedback"
    );
    assert_eq!(
        answer.body["custom_survey"]["questions"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(answer.body["show_in_the_follow_up_email"], true);
}

#[tokio::test]
async fn survey_update_and_delete_are_visible() {
    let sandbox = Sandbox::start().await;
    let path = survey_path(SINGLE_WEBINAR_ID);
    let empty = sandbox.get(&path).await;
    assert!(empty.body.get("custom_survey").is_none());
    assert_eq!(empty.body["show_in_the_browser"], true);

    let updated = sandbox
        .patch(
            &path,
            json!({
                "show_in_the_browser": false,
                "third_party_survey": "https://survey.example.com/launch",
                "custom_survey": {"title": "Launch", "anonymous": false, "questions": [
                    {"name": "Rate the launch", "type": "rating_scale", "rating_min_value": 0, "rating_max_value": 10}
                ]}
            }),
        )
        .await;
    assert_eq!(updated.status, StatusCode::NO_CONTENT);
    let answer = sandbox.get(&path).await;
    assert_eq!(answer.body["show_in_the_browser"], false);
    assert_eq!(
        answer.body["third_party_survey"],
        "https://survey.example.com/launch"
    );
    assert_eq!(answer.body["custom_survey"]["anonymous"], false);
    assert_eq!(answer.body["custom_survey"]["numbered_questions"], true);

    let deleted = sandbox.delete(&path).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    let after = sandbox.get(&path).await;
    assert!(after.body.get("custom_survey").is_none());
    assert_eq!(after.body["third_party_survey"], "");
}

#[tokio::test]
async fn survey_update_is_validated() {
    let sandbox = Sandbox::start().await;
    let path = survey_path(RECURRING_WEBINAR_ID);
    let answer = sandbox
        .patch(
            &path,
            json!({
                "show_in_the_follow_up_email": "no",
                "custom_survey": {"questions": [
                    {"name": "Pick", "type": "multiple", "answers": ["only one"]},
                    {"type": "essay"}
                ]}
            }),
        )
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(300));
    assert_eq!(
        answer.error_fields(),
        [
            "custom_survey.questions[0].answers",
            "custom_survey.questions[1].type",
            "show_in_the_follow_up_email"
        ]
    );

    // Zoom's spec does not mark a question's name required, so a nameless
    // question passes the contract check and the handler rejects it.
    let nameless = sandbox
        .patch(
            &path,
            json!({"custom_survey": {"questions": [{"type": "short_answer"}]}}),
        )
        .await;
    assert_eq!(nameless.status, StatusCode::BAD_REQUEST);
    assert_eq!(nameless.code(), Some(300));
    assert_eq!(nameless.error_fields(), ["custom_survey.questions[0].name"]);

    let bad_link = sandbox
        .patch(&path, json!({"third_party_survey": "survey please"}))
        .await;
    assert_eq!(bad_link.code(), Some(300));
    assert_eq!(
        bad_link.body["message"],
        "Invalid third party survey: survey please."
    );

    let unchanged = sandbox.get(&path).await;
    assert_eq!(unchanged.body["show_in_the_follow_up_email"], true);
    assert_eq!(unchanged.body["third_party_survey"], "");
}

#[tokio::test]
async fn survey_of_unknown_webinar_is_3001() {
    let sandbox = Sandbox::start().await;
    for method in [Method::GET, Method::PATCH, Method::DELETE] {
        let body = (method == Method::PATCH).then(|| json!({}));
        let answer = sandbox
            .send(method.clone(), &survey_path(81199999999), body)
            .await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{method}");
        assert_eq!(answer.code(), Some(3001), "{method}");
    }
}

#[tokio::test]
async fn tracking_sources_are_listed() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get(&format!(
            "/webinars/{RECURRING_WEBINAR_ID}/tracking_sources"
        ))
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["total_records"], 2);
    let first = &answer.body["tracking_sources"][0];
    assert_eq!(first["id"], RECURRING_WEBINAR_TRACKING_SOURCE_IDS[0]);
    assert_eq!(first["source_name"], "Newsletter");
    assert_eq!(first["registration_count"], 2);
    let url = first["tracking_url"].as_str().unwrap();
    let expected_prefix = format!(
        "http://{}/webinar/register/{}/WN_",
        sandbox.server.local_addr(),
        RECURRING_WEBINAR_TRACKING_SOURCE_IDS[0]
    );
    assert!(url.starts_with(&expected_prefix), "{url}");
}

#[tokio::test]
async fn tracking_sources_are_read_only() {
    let sandbox = Sandbox::start().await;
    let path = format!("/webinars/{RECURRING_WEBINAR_ID}/tracking_sources");
    let deleted = sandbox
        .delete(&format!(
            "{path}/{}",
            RECURRING_WEBINAR_TRACKING_SOURCE_IDS[0]
        ))
        .await;
    assert_eq!(deleted.status, StatusCode::NOT_FOUND);
    let post = sandbox.post(&path, json!({"source_name": "x"})).await;
    assert_eq!(post.status, StatusCode::METHOD_NOT_ALLOWED);

    let empty = sandbox
        .get(&format!("/webinars/{SINGLE_WEBINAR_ID}/tracking_sources"))
        .await;
    assert_eq!(empty.body["total_records"], 0);
    let unknown = sandbox.get("/webinars/81199999999/tracking_sources").await;
    assert_eq!(unknown.code(), Some(3001));
}

#[tokio::test]
async fn sip_dialing_embeds_passcode() {
    let sandbox = Sandbox::start().await;
    let path = format!("/webinars/{SINGLE_WEBINAR_ID}/sip_dialing");
    let answer = sandbox.post(&path, json!({"passcode": "4321"})).await;
    assert_eq!(answer.status, StatusCode::CREATED);
    let code = answer.body["participant_identifier_code"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        answer.body["sip_dialing"],
        format!("{SINGLE_WEBINAR_ID}.4321....{code}@crc.sandbox.example.com")
    );
    assert_eq!(answer.body["paid_crc_plan_participant"], true);
    assert_eq!(answer.body["expire_in"], 7200);

    let without = sandbox.send(Method::POST, &path, None).await;
    assert_eq!(without.status, StatusCode::CREATED);
    let uri = without.body["sip_dialing"].as_str().unwrap();
    assert!(
        uri.starts_with(&format!("{SINGLE_WEBINAR_ID}....")),
        "{uri}"
    );
}

#[tokio::test]
async fn sip_dialing_errors() {
    let sandbox = Sandbox::start().await;
    let wrong_type = sandbox
        .post(
            &format!("/webinars/{SINGLE_WEBINAR_ID}/sip_dialing"),
            json!({"passcode": 4321}),
        )
        .await;
    assert_eq!(wrong_type.status, StatusCode::BAD_REQUEST);
    assert_eq!(wrong_type.error_fields(), ["passcode"]);

    let unknown = sandbox
        .post("/webinars/81199999999/sip_dialing", json!({}))
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.code(), Some(3001));
}
