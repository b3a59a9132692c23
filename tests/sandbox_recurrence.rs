//! Recurring (type 9) webinars: occurrences generated from each kind of
//! recurrence rule, daylight saving time, occurrence updates and deletes.

mod sandbox_support;

use reqwest::StatusCode;
use sandbox_support::{Answer, Sandbox};
use serde_json::{Value, json};
use zoom_webinar_mcp::sandbox::seed::{RECURRING_WEBINAR_ID, RECURRING_WEBINAR_OCCURRENCES};

async fn create_recurring(
    sandbox: &Sandbox,
    start: &str,
    timezone: &str,
    recurrence: Value,
) -> Answer {
    sandbox
        .post(
            "/users/me/webinars",
            json!({
                "topic": "Series",
                "type": 9,
                "start_time": start,
                "timezone": timezone,
                "duration": 60,
                "recurrence": recurrence
            }),
        )
        .await
}

fn starts(answer: &Answer) -> Vec<String> {
    answer.body["occurrences"]
        .as_array()
        .expect("occurrences array")
        .iter()
        .map(|occurrence| occurrence["start_time"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn weekly_keeps_local_time_across_dst() {
    let sandbox = Sandbox::start().await;
    // 2030-03-05 is a Tuesday (weekday 3); New York moves to EDT on 2030-03-10.
    let recurrence = json!({"type": 2, "repeat_interval": 1, "weekly_days": "3", "end_times": 3});
    let created = create_recurring(
        &sandbox,
        "2030-03-05T10:00:00",
        "America/New_York",
        recurrence,
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(
        starts(&created),
        [
            "2030-03-05T15:00:00Z",
            "2030-03-12T14:00:00Z",
            "2030-03-19T14:00:00Z"
        ]
    );
    assert_eq!(created.body["start_time"], "2030-03-05T15:00:00Z");
    assert_eq!(created.body["recurrence"]["weekly_days"], "3");
}

#[tokio::test]
async fn weekly_on_two_days() {
    let sandbox = Sandbox::start().await;
    // 2030-01-01 is a Tuesday; Monday is 2 and Thursday 5.
    let recurrence = json!({"type": 2, "weekly_days": "2,5", "end_times": 4});
    let created = create_recurring(&sandbox, "2030-01-01T08:00:00Z", "UTC", recurrence).await;
    assert_eq!(
        starts(&created),
        [
            "2030-01-03T08:00:00Z",
            "2030-01-07T08:00:00Z",
            "2030-01-10T08:00:00Z",
            "2030-01-14T08:00:00Z"
        ]
    );
}

#[tokio::test]
async fn daily_with_interval() {
    let sandbox = Sandbox::start().await;
    let recurrence = json!({"type": 1, "repeat_interval": 2, "end_times": 3});
    let created = create_recurring(&sandbox, "2030-01-10T09:00:00Z", "UTC", recurrence).await;
    assert_eq!(
        starts(&created),
        [
            "2030-01-10T09:00:00Z",
            "2030-01-12T09:00:00Z",
            "2030-01-14T09:00:00Z"
        ]
    );
}

#[tokio::test]
async fn daily_until_end_date_time() {
    let sandbox = Sandbox::start().await;
    let recurrence = json!({"type": 1, "end_date_time": "2030-01-12T23:59:00Z"});
    let created = create_recurring(&sandbox, "2030-01-10T09:00:00Z", "UTC", recurrence).await;
    assert_eq!(starts(&created).len(), 3);
    assert_eq!(
        created.body["recurrence"]["end_date_time"],
        "2030-01-12T23:59:00Z"
    );
}

#[tokio::test]
async fn monthly_by_day() {
    let sandbox = Sandbox::start().await;
    let recurrence = json!({"type": 3, "monthly_day": 15, "end_times": 3});
    let created = create_recurring(&sandbox, "2030-01-15T12:00:00Z", "UTC", recurrence).await;
    assert_eq!(
        starts(&created),
        [
            "2030-01-15T12:00:00Z",
            "2030-02-15T12:00:00Z",
            "2030-03-15T12:00:00Z"
        ]
    );
}

#[tokio::test]
async fn monthly_by_last_friday() {
    let sandbox = Sandbox::start().await;
    // Friday is weekday 6; -1 is the last week of the month.
    let recurrence = json!({"type": 3, "monthly_week": -1, "monthly_week_day": 6, "end_times": 3});
    let created = create_recurring(&sandbox, "2030-01-01T18:00:00Z", "UTC", recurrence).await;
    assert_eq!(
        starts(&created),
        [
            "2030-01-25T18:00:00Z",
            "2030-02-22T18:00:00Z",
            "2030-03-29T18:00:00Z"
        ]
    );
}

#[tokio::test]
async fn monthly_by_second_monday_every_two_months() {
    let sandbox = Sandbox::start().await;
    let recurrence = json!({"type": 3, "repeat_interval": 2, "monthly_week": 2, "monthly_week_day": 2, "end_times": 2});
    let created = create_recurring(&sandbox, "2030-01-01T18:00:00Z", "UTC", recurrence).await;
    assert_eq!(
        starts(&created),
        ["2030-01-14T18:00:00Z", "2030-03-11T18:00:00Z"]
    );
}

#[tokio::test]
async fn occurrence_ids_are_epoch_millis() {
    let sandbox = Sandbox::start().await;
    let recurrence = json!({"type": 1, "end_times": 2});
    let created = create_recurring(&sandbox, "2030-01-10T09:00:00Z", "UTC", recurrence).await;
    let first = &created.body["occurrences"][0];
    let start =
        chrono::DateTime::parse_from_rfc3339(first["start_time"].as_str().unwrap()).unwrap();
    assert_eq!(first["occurrence_id"], start.timestamp_millis().to_string());
    assert_eq!(first["status"], "available");
    assert_eq!(first["duration"], 60);
}

#[tokio::test]
async fn recurrence_rules_are_validated() {
    let sandbox = Sandbox::start().await;
    let cases = [
        (json!({"type": 4}), "recurrence.type"),
        (
            json!({"type": 1, "repeat_interval": 91}),
            "recurrence.repeat_interval",
        ),
        (
            json!({"type": 2, "repeat_interval": 13}),
            "recurrence.repeat_interval",
        ),
        (
            json!({"type": 3, "repeat_interval": 4}),
            "recurrence.repeat_interval",
        ),
        (
            json!({"type": 2, "weekly_days": "0,8"}),
            "recurrence.weekly_days",
        ),
        (
            json!({"type": 3, "monthly_day": 32}),
            "recurrence.monthly_day",
        ),
        (
            json!({"type": 3, "monthly_week": 5, "monthly_week_day": 2}),
            "recurrence.monthly_week",
        ),
        (
            json!({"type": 3, "monthly_week": 1, "monthly_week_day": 8}),
            "recurrence.monthly_week_day",
        ),
        (json!({"type": 1, "end_times": 61}), "recurrence.end_times"),
        (
            json!({"type": 1, "end_times": 2, "end_date_time": "2030-02-01T00:00:00Z"}),
            "recurrence.end_date_time",
        ),
    ];
    for (recurrence, field) in cases {
        let answer =
            create_recurring(&sandbox, "2030-01-10T09:00:00Z", "UTC", recurrence.clone()).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{recurrence}");
        assert_eq!(answer.error_fields(), [field], "{recurrence}");
    }
}

#[tokio::test]
async fn type_9_without_recurrence_is_rejected() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .post(
            "/users/me/webinars",
            json!({"type": 9, "start_time": "2030-01-10T09:00:00Z"}),
        )
        .await;
    assert_eq!(answer.error_fields(), ["recurrence.type"]);
}

#[tokio::test]
async fn recurring_lifecycle_with_occurrence_changes() {
    let sandbox = Sandbox::start().await;
    let recurrence = json!({"type": 1, "end_times": 3});
    let created = create_recurring(&sandbox, "2030-01-10T09:00:00Z", "UTC", recurrence).await;
    let id = created.body["id"].as_u64().unwrap();
    let second_id = created.body["occurrences"][1]["occurrence_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let third_id = created.body["occurrences"][2]["occurrence_id"]
        .as_str()
        .unwrap()
        .to_owned();

    // Move one occurrence and give it its own agenda; other fields are ignored.
    let moved = sandbox
        .patch(
            &format!("/webinars/{id}?occurrence_id={second_id}"),
            json!({"start_time": "2030-01-11T11:00:00Z", "agenda": "Moved session", "duration": 30, "topic": "ignored"}),
        )
        .await;
    assert_eq!(moved.status, StatusCode::NO_CONTENT);

    let occurrence = sandbox
        .get(&format!("/webinars/{id}?occurrence_id={second_id}"))
        .await;
    assert_eq!(occurrence.body["start_time"], "2030-01-11T11:00:00Z");
    assert_eq!(occurrence.body["agenda"], "Moved session");
    assert_eq!(occurrence.body["topic"], "Series");

    let deleted = sandbox
        .delete(&format!("/webinars/{id}?occurrence_id={third_id}"))
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);

    let fetched = sandbox.get(&format!("/webinars/{id}")).await;
    let occurrences = fetched.body["occurrences"].as_array().unwrap();
    assert_eq!(occurrences.len(), 3);
    assert_eq!(occurrences[1]["start_time"], "2030-01-11T11:00:00Z");
    assert_eq!(occurrences[1]["duration"], 30);
    assert_eq!(occurrences[1]["occurrence_id"], second_id.as_str());
    assert_eq!(occurrences[2]["status"], "deleted");
    assert_eq!(fetched.body["agenda"], "");

    // Editing the topic keeps the moved and deleted occurrences.
    let renamed = sandbox
        .patch(
            &format!("/webinars/{id}"),
            json!({"topic": "Renamed series"}),
        )
        .await;
    assert_eq!(renamed.status, StatusCode::NO_CONTENT);
    let after_rename = sandbox.get(&format!("/webinars/{id}")).await;
    assert_eq!(
        after_rename.body["occurrences"],
        fetched.body["occurrences"]
    );

    // Changing the rule regenerates the occurrences.
    let patched = sandbox
        .patch(
            &format!("/webinars/{id}"),
            json!({"recurrence": {"type": 1, "end_times": 5}}),
        )
        .await;
    assert_eq!(patched.status, StatusCode::NO_CONTENT);
    let refetched = sandbox.get(&format!("/webinars/{id}")).await;
    assert_eq!(refetched.body["occurrences"].as_array().unwrap().len(), 5);

    assert_eq!(
        sandbox.delete(&format!("/webinars/{id}")).await.status,
        StatusCode::NO_CONTENT
    );
    let gone = sandbox.get(&format!("/webinars/{id}")).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    assert_eq!(gone.code(), Some(3001));
}

#[tokio::test]
async fn unknown_occurrence_is_3000() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .delete(&format!(
            "/webinars/{RECURRING_WEBINAR_ID}?occurrence_id=123"
        ))
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(3000));
    assert_eq!(answer.body["message"], "Webinar occurrence does not exist.");
}

#[tokio::test]
async fn seeded_recurring_webinar_has_weekly_occurrences() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox
        .get(&format!("/webinars/{RECURRING_WEBINAR_ID}"))
        .await;
    assert_eq!(answer.body["type"], 9);
    assert_eq!(answer.body["settings"]["approval_type"], 0);
    let occurrences = answer.body["occurrences"].as_array().unwrap();
    assert_eq!(occurrences.len(), RECURRING_WEBINAR_OCCURRENCES);
    let first =
        chrono::DateTime::parse_from_rfc3339(occurrences[0]["start_time"].as_str().unwrap())
            .unwrap();
    let second =
        chrono::DateTime::parse_from_rfc3339(occurrences[1]["start_time"].as_str().unwrap())
            .unwrap();
    let gap = second - first;
    // Seven days, give or take an hour when a DST change falls in between.
    assert!(
        (gap - chrono::TimeDelta::days(7)).num_minutes().abs() <= 60,
        "gap {gap}"
    );
}

#[tokio::test]
async fn previous_occurrences_shown_on_request() {
    let sandbox = Sandbox::start().await;
    let recurrence = json!({"type": 1, "end_times": 3});
    let start = (chrono::Utc::now() - chrono::TimeDelta::days(1))
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    let created = create_recurring(&sandbox, &start, "UTC", recurrence).await;
    let id = created.body["id"].as_u64().unwrap();
    assert_eq!(created.body["occurrences"].as_array().unwrap().len(), 2);

    let all = sandbox
        .get(&format!("/webinars/{id}?show_previous_occurrences=true"))
        .await;
    assert_eq!(all.body["occurrences"].as_array().unwrap().len(), 3);
}
