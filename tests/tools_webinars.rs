//! Webinar tools (list, get, create, update, status, delete) through the
//! real binary against the sandbox.

mod common;

use chrono::{NaiveDateTime, TimeZone};
use common::{Client, call_err, call_ok, local_in_days, start_sandbox};
use serde_json::{Value, json};
use zoom_webinar_mcp::sandbox::seed;

/// The UTC instant of a local wall time in a zone, as Zoom should store it.
fn utc_of(local: &str, zone: chrono_tz::Tz) -> String {
    let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M:%S").unwrap();
    zone.from_local_datetime(&naive)
        .single()
        .unwrap()
        .with_timezone(&chrono::Utc)
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

async fn create(client: &Client, arguments: Value) -> Value {
    call_ok(client, "create_webinar", arguments).await["webinar"].clone()
}

#[tokio::test]
async fn list_webinars_shows_seeded_webinars() {
    let server = start_sandbox().await;
    let result = call_ok(&server.client, "list_webinars", json!({})).await;
    let ids: Vec<u64> = result["webinars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["id"].as_u64().unwrap())
        .collect();
    assert!(ids.contains(&seed::SINGLE_WEBINAR_ID));
    assert!(ids.contains(&seed::RECURRING_WEBINAR_ID));
    assert!(ids.contains(&seed::MANUAL_APPROVAL_WEBINAR_ID));
    assert!(
        !ids.contains(&seed::HOST_WEBINAR_ID),
        "another host's webinar listed for me"
    );
    let row = &result["webinars"][0];
    assert!(row["start_time"]["utc"].as_str().unwrap().ends_with('Z'));
    assert_eq!(row["start_time"]["time_zone"], json!("Asia/Kolkata"));
    server.stop().await;
}

#[tokio::test]
async fn list_webinars_for_another_host() {
    let server = start_sandbox().await;
    let result = call_ok(
        &server.client,
        "list_webinars",
        json!({ "user_id": seed::HOST_EMAIL }),
    )
    .await;
    let ids: Vec<u64> = result["webinars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, [seed::HOST_WEBINAR_ID]);
    let message = call_err(
        &server.client,
        "list_webinars",
        json!({ "user_id": "ghost@sandbox.example.com" }),
    )
    .await;
    assert!(message.contains("1001"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn list_webinars_pages_by_number() {
    let server = start_sandbox().await;
    let first = call_ok(&server.client, "list_webinars", json!({ "page_size": 1 })).await;
    assert_eq!(first["webinars"].as_array().unwrap().len(), 1);
    assert_eq!(first["next_page_number"], json!(2));
    let second = call_ok(
        &server.client,
        "list_webinars",
        json!({ "page_size": 1, "page_number": 2 }),
    )
    .await;
    assert_ne!(first["webinars"][0]["id"], second["webinars"][0]["id"]);
    server.stop().await;
}

#[tokio::test]
async fn get_webinar_details() {
    let server = start_sandbox().await;
    let single = call_ok(
        &server.client,
        "get_webinar",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID }),
    )
    .await;
    assert_eq!(single["webinar"]["id"], json!(seed::SINGLE_WEBINAR_ID));
    assert_eq!(single["webinar"]["registration"], json!("none"));
    assert!(
        single["webinar"].get("start_url").is_none(),
        "the host start link must not be listed"
    );
    let recurring = call_ok(
        &server.client,
        "get_webinar",
        json!({ "webinar_id": seed::RECURRING_WEBINAR_ID.to_string() }),
    )
    .await;
    assert_eq!(
        recurring["webinar"]["occurrences"]
            .as_array()
            .unwrap()
            .len(),
        seed::RECURRING_WEBINAR_OCCURRENCES
    );
    assert_eq!(recurring["webinar"]["type"], json!(9));
    assert_eq!(
        recurring["webinar"]["registration"],
        json!("automatic approval")
    );
    let full = call_ok(
        &server.client,
        "get_webinar",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID, "include_settings": true }),
    )
    .await;
    assert!(
        full["webinar"]["settings"].as_object().unwrap().len()
            > single["webinar"]["settings"].as_object().unwrap().len()
    );
    server.stop().await;
}

#[tokio::test]
async fn get_webinar_failures() {
    let server = start_sandbox().await;
    let message = call_err(
        &server.client,
        "get_webinar",
        json!({ "webinar_id": 99999999999u64 }),
    )
    .await;
    assert!(message.contains("3001"), "{message}");
    assert!(message.contains("list_webinars"), "{message}");
    let message = call_err(
        &server.client,
        "get_webinar",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID, "occurrence_id": "../x" }),
    )
    .await;
    assert!(message.contains("occurrence_id"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn create_with_local_time_and_zone() {
    let server = start_sandbox().await;
    let local = local_in_days(10, 15);
    let webinar = create(
        &server.client,
        json!({ "topic": "Local time test", "start_time": local, "timezone": "America/New_York", "duration": 45 }),
    )
    .await;
    assert_eq!(
        webinar["start_time"]["utc"],
        json!(utc_of(&local, chrono_tz::America::New_York))
    );
    assert_eq!(webinar["timezone"], json!("America/New_York"));
    assert_eq!(webinar["duration"], json!(45));
    // The default time zone applies without `timezone`.
    let webinar = create(
        &server.client,
        json!({ "topic": "Default zone", "start_time": local }),
    )
    .await;
    assert_eq!(
        webinar["start_time"]["utc"],
        json!(utc_of(&local, chrono_tz::Asia::Kolkata))
    );
    assert_eq!(webinar["duration"], json!(60));
    let id = webinar["id"].as_u64().unwrap();
    assert!(id > u32::MAX as u64);
    let fetched = call_ok(&server.client, "get_webinar", json!({ "webinar_id": id })).await;
    assert_eq!(fetched["webinar"]["topic"], json!("Default zone"));
    server.stop().await;
}

#[tokio::test]
async fn create_with_utc_and_offset() {
    let server = start_sandbox().await;
    let local = local_in_days(12, 9);
    let utc_input = format!("{local}Z");
    let webinar = create(
        &server.client,
        json!({ "topic": "UTC input", "start_time": utc_input, "timezone": "Europe/London" }),
    )
    .await;
    assert_eq!(webinar["start_time"]["utc"], json!(format!("{local}Z")));
    let offset_input = format!("{local}+05:30");
    let webinar = create(
        &server.client,
        json!({ "topic": "Offset input", "start_time": offset_input }),
    )
    .await;
    assert_eq!(
        webinar["start_time"]["utc"],
        json!(utc_of(&local, chrono_tz::Asia::Kolkata))
    );
    server.stop().await;
}

#[tokio::test]
async fn create_with_registration_and_settings() {
    let server = start_sandbox().await;
    let webinar = create(
        &server.client,
        json!({
            "topic": "Registration on",
            "start_time": local_in_days(5, 11),
            "agenda": "Agenda text",
            "password": "abc123",
            "settings": { "registration": "manual", "auto_recording": "cloud", "question_and_answer": true }
        }),
    )
    .await;
    assert_eq!(webinar["registration"], json!("manual approval"));
    assert_eq!(webinar["settings"]["auto_recording"], json!("cloud"));
    assert_eq!(webinar["agenda"], json!("Agenda text"));
    assert!(webinar["registration_url"].is_string());
    server.stop().await;
}

#[tokio::test]
async fn create_rejects_bad_input_before_zoom() {
    let server = start_sandbox().await;
    let future = local_in_days(5, 11);
    let cases = [
        (
            json!({ "topic": "x".repeat(201), "start_time": future }),
            "200",
        ),
        (
            json!({ "topic": "  ", "start_time": future }),
            "topic is empty",
        ),
        (
            json!({ "topic": "Past", "start_time": "2020-01-01T10:00:00" }),
            "in the past",
        ),
        (
            json!({ "topic": "Zone", "start_time": future, "timezone": "Mars/Olympus" }),
            "Mars/Olympus",
        ),
        (
            json!({ "topic": "Duration", "start_time": future, "duration": 0 }),
            "duration 0",
        ),
        (
            json!({ "topic": "Password", "start_time": future, "password": "12345678901" }),
            "at most 10",
        ),
        (
            json!({ "topic": "Bad time", "start_time": "next week-ish" }),
            "next week-ish",
        ),
        (
            json!({ "topic": "Regtype", "start_time": future, "settings": { "registration_type": "each_occurrence" } }),
            "recurring",
        ),
        (
            json!({ "topic": "Hosts", "start_time": future, "settings": { "alternative_hosts": ["not-an-email"] } }),
            "alternative_hosts",
        ),
        (
            json!({ "topic": "Limit", "start_time": future, "settings": { "registrants_restrict_number": 20001 } }),
            "20000",
        ),
    ];
    for (arguments, expected) in cases {
        let message = call_err(&server.client, "create_webinar", arguments.clone()).await;
        assert!(message.contains(expected), "{arguments}: {message}");
    }
    let listed = call_ok(&server.client, "list_webinars", json!({})).await;
    assert!(
        listed["webinars"]
            .as_array()
            .unwrap()
            .iter()
            .all(|row| row["id"].as_u64().unwrap() < seed::FIRST_CREATED_WEBINAR_ID)
    );
    server.stop().await;
}

#[tokio::test]
async fn create_for_unlicensed_user_fails() {
    let server = start_sandbox().await;
    let message = call_err(
        &server.client,
        "create_webinar",
        json!({ "user_id": seed::BASIC_EMAIL, "topic": "No licence", "start_time": local_in_days(3, 10) }),
    )
    .await;
    assert!(message.contains("code 200"), "{message}");
    assert!(message.contains("Webinars licence"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn create_interactive_asks_then_creates() {
    let server = start_sandbox().await;
    let arguments = json!({ "topic": "Interactive", "start_time": local_in_days(4, 16) });
    let asked = call_ok(
        &server.client,
        "create_webinar_interactive",
        arguments.clone(),
    )
    .await;
    assert_eq!(asked["created"], json!(false));
    assert_eq!(asked["host_choices"].as_array().unwrap().len(), 3);

    let mut chosen = arguments.clone();
    chosen["host_selection"] = json!("Harper");
    let created = call_ok(&server.client, "create_webinar_interactive", chosen).await;
    assert_eq!(created["created"], json!(true));
    assert!(
        created["message"]
            .as_str()
            .unwrap()
            .contains(seed::HOST_EMAIL)
    );
    let listed = call_ok(
        &server.client,
        "list_webinars",
        json!({ "user_id": seed::HOST_EMAIL }),
    )
    .await;
    assert_eq!(listed["webinars"].as_array().unwrap().len(), 2);

    let mut unknown = arguments.clone();
    unknown["host_selection"] = json!("42");
    let message = call_err(&server.client, "create_webinar_interactive", unknown).await;
    assert!(message.contains("out of range"), "{message}");

    // The list offers Basic users too, marked; choosing one is refused
    // before Zoom would return code 200.
    let summary = common::text(
        &common::call(
            &server.client,
            "create_webinar_interactive",
            arguments.clone(),
        )
        .await,
    );
    assert!(
        summary.contains(&format!(
            "<{}> (Basic; cannot host webinars)",
            seed::BASIC_EMAIL
        )),
        "{summary}"
    );
    let mut basic = arguments;
    basic["topic"] = json!("Basic host");
    basic["host_selection"] = json!(seed::BASIC_EMAIL);
    let message = call_err(&server.client, "create_webinar_interactive", basic).await;
    assert!(
        message.contains("is a Basic user and cannot host a webinar"),
        "{message}"
    );
    assert!(message.contains("nothing was created"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn create_recurring_patterns() {
    let server = start_sandbox().await;
    let start = local_in_days(7, 18);
    let weekly = call_ok(
        &server.client,
        "create_recurring_webinar",
        json!({ "topic": "Weekly", "start_time": start, "timezone": "America/New_York",
                "recurrence_type": "weekly", "weekly_days": ["tuesday", "thursday"], "end_times": 6 }),
    )
    .await;
    assert_eq!(weekly["webinar"]["type"], json!(9));
    assert_eq!(
        weekly["webinar"]["occurrences"].as_array().unwrap().len(),
        6
    );
    assert_eq!(weekly["webinar"]["recurrence"]["weekly_days"], json!("3,5"));

    // The summary gives each occurrence in the webinar's zone first (18:00
    // in New York, EST or EDT by the date), then the default zone and UTC.
    let summary = common::text(
        &common::call(
            &server.client,
            "get_webinar",
            json!({ "webinar_id": weekly["webinar"]["id"] }),
        )
        .await,
    );
    let occurrence_lines: Vec<&str> = summary
        .lines()
        .filter(|line| line.starts_with("  ") && line.contains(" 18:00 E"))
        .collect();
    assert_eq!(occurrence_lines.len(), 6, "{summary}");
    assert!(occurrence_lines[0].contains(" IST, "), "{summary}");
    assert!(occurrence_lines[0].contains(" UTC)"), "{summary}");

    let daily = call_ok(
        &server.client,
        "create_recurring_webinar",
        json!({ "topic": "Daily", "start_time": start, "recurrence_type": "daily", "repeat_interval": 2, "end_times": 4 }),
    )
    .await;
    assert_eq!(daily["webinar"]["occurrences"].as_array().unwrap().len(), 4);

    let end_date = (chrono::Utc::now() + chrono::Duration::days(7 + 120))
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    let monthly = call_ok(
        &server.client,
        "create_recurring_webinar",
        json!({ "topic": "Monthly", "start_time": start, "timezone": "Europe/London", "recurrence_type": "monthly",
                "monthly_week": "last", "monthly_week_day": "friday", "end_date": end_date }),
    )
    .await;
    assert_eq!(monthly["webinar"]["recurrence"]["monthly_week"], json!(-1));
    assert_eq!(
        monthly["webinar"]["recurrence"]["monthly_week_day"],
        json!(6)
    );
    let count = monthly["webinar"]["occurrences"].as_array().unwrap().len();
    assert!(
        (3..=5).contains(&count),
        "{count} monthly occurrences in 120 days"
    );

    let by_day = call_ok(
        &server.client,
        "create_recurring_webinar",
        json!({ "topic": "Monthly by day", "start_time": start, "recurrence_type": "monthly", "monthly_day": 15, "end_times": 3 }),
    )
    .await;
    assert_eq!(by_day["webinar"]["recurrence"]["monthly_day"], json!(15));
    server.stop().await;
}

#[tokio::test]
async fn create_recurring_rejects_bad_rules() {
    let server = start_sandbox().await;
    let start = local_in_days(7, 18);
    let base = json!({ "topic": "Bad", "start_time": start });
    let cases = [
        (
            json!({ "recurrence_type": "weekly", "end_times": 61 }),
            "60",
        ),
        (
            json!({ "recurrence_type": "daily", "end_times": 3, "end_date": "2099-01-01" }),
            "not both",
        ),
        (json!({ "recurrence_type": "daily" }), "end_times"),
        (
            json!({ "recurrence_type": "weekly", "repeat_interval": 13, "end_times": 2 }),
            "12",
        ),
        (
            json!({ "recurrence_type": "monthly", "monthly_day": 32, "end_times": 2 }),
            "31",
        ),
        (
            json!({ "recurrence_type": "monthly", "monthly_week": "last", "end_times": 2 }),
            "monthly_week_day",
        ),
        (
            json!({ "recurrence_type": "daily", "end_date": "31/12/2099" }),
            "YYYY-MM-DD",
        ),
    ];
    for (rule, expected) in cases {
        let mut arguments = base.clone();
        arguments
            .as_object_mut()
            .unwrap()
            .extend(rule.as_object().unwrap().clone());
        let message = call_err(
            &server.client,
            "create_recurring_webinar",
            arguments.clone(),
        )
        .await;
        assert!(message.contains(expected), "{arguments}: {message}");
    }
    server.stop().await;
}

#[tokio::test]
async fn update_webinar_fields() {
    let server = start_sandbox().await;
    let new_start = local_in_days(20, 14);
    let result = call_ok(
        &server.client,
        "update_webinar",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID, "topic": "Renamed", "start_time": new_start,
                "timezone": "Europe/London", "duration": 30, "settings": { "registration": "automatic" } }),
    )
    .await;
    assert_eq!(result["webinar"]["topic"], json!("Renamed"));
    assert_eq!(result["webinar"]["duration"], json!(30));
    assert_eq!(result["webinar"]["timezone"], json!("Europe/London"));
    assert_eq!(
        result["webinar"]["start_time"]["utc"],
        json!(utc_of(&new_start, chrono_tz::Europe::London))
    );
    assert_eq!(
        result["webinar"]["registration"],
        json!("automatic approval")
    );
    let fetched = call_ok(
        &server.client,
        "get_webinar",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID }),
    )
    .await;
    assert_eq!(fetched["webinar"]["topic"], json!("Renamed"));
    server.stop().await;
}

#[tokio::test]
async fn update_one_occurrence() {
    let server = start_sandbox().await;
    let webinar = call_ok(
        &server.client,
        "get_webinar",
        json!({ "webinar_id": seed::RECURRING_WEBINAR_ID }),
    )
    .await;
    let occurrence_id = webinar["webinar"]["occurrences"][1]["occurrence_id"]
        .as_str()
        .unwrap()
        .to_string();
    let result = call_ok(
        &server.client,
        "update_webinar",
        json!({ "webinar_id": seed::RECURRING_WEBINAR_ID, "occurrence_id": occurrence_id, "duration": 90 }),
    )
    .await;
    assert!(result["message"].as_str().unwrap().contains(&occurrence_id));
    let after = call_ok(
        &server.client,
        "get_webinar",
        json!({ "webinar_id": seed::RECURRING_WEBINAR_ID }),
    )
    .await;
    let occurrence = after["webinar"]["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["occurrence_id"] == json!(occurrence_id))
        .unwrap()
        .clone();
    assert_eq!(occurrence["duration"], json!(90));
    assert_ne!(
        after["webinar"]["occurrences"][0]["duration"],
        json!(90),
        "other occurrences changed too"
    );
    server.stop().await;
}

#[tokio::test]
async fn update_webinar_failures() {
    let server = start_sandbox().await;
    let message = call_err(
        &server.client,
        "update_webinar",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID }),
    )
    .await;
    assert!(message.contains("Nothing to update"), "{message}");
    let message = call_err(
        &server.client,
        "update_webinar",
        json!({ "webinar_id": seed::RECURRING_WEBINAR_ID, "occurrence_id": "1234", "topic": "x" }),
    )
    .await;
    assert!(message.contains("topic"), "{message}");
    let message = call_err(
        &server.client,
        "update_webinar",
        json!({ "webinar_id": seed::RECURRING_WEBINAR_ID, "occurrence_id": "1234", "duration": 30 }),
    )
    .await;
    assert!(message.contains("not an occurrence"), "{message}");
    let message = call_err(
        &server.client,
        "update_webinar",
        json!({ "webinar_id": 99999999999u64, "duration": 30 }),
    )
    .await;
    assert!(message.contains("3001"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn status_start_returns_start_url() {
    let server = start_sandbox().await;
    let result = call_ok(
        &server.client,
        "update_webinar_status",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID, "action": "start" }),
    )
    .await;
    assert!(result["start_url"].as_str().unwrap().starts_with("http"));
    assert!(
        result["message"]
            .as_str()
            .unwrap()
            .contains("No Zoom API starts a webinar")
    );
    server.stop().await;
}

#[tokio::test]
async fn status_end_and_cancel() {
    let server = start_sandbox().await;
    let ended = call_ok(
        &server.client,
        "update_webinar_status",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID, "action": "end" }),
    )
    .await;
    assert!(
        ended["message"]
            .as_str()
            .unwrap()
            .contains("Zoom accepted the request to end webinar")
    );

    let webinar = call_ok(
        &server.client,
        "get_webinar",
        json!({ "webinar_id": seed::RECURRING_WEBINAR_ID }),
    )
    .await;
    let occurrence_id = webinar["webinar"]["occurrences"][0]["occurrence_id"]
        .as_str()
        .unwrap()
        .to_string();
    let cancelled = call_ok(
        &server.client,
        "update_webinar_status",
        json!({ "webinar_id": seed::RECURRING_WEBINAR_ID, "action": "cancel", "occurrence_id": occurrence_id }),
    )
    .await;
    assert!(cancelled["message"].as_str().unwrap().contains("emailed"));
    let after = call_ok(
        &server.client,
        "get_webinar",
        json!({ "webinar_id": seed::RECURRING_WEBINAR_ID, "show_previous_occurrences": true }),
    )
    .await;
    let occurrences = after["webinar"]["occurrences"].as_array().unwrap();
    let still_available = occurrences.iter().any(|row| {
        row["occurrence_id"] == json!(occurrence_id) && row["status"] != json!("deleted")
    });
    assert!(!still_available, "cancelled occurrence still available");

    let message = call_err(
        &server.client,
        "update_webinar_status",
        json!({ "webinar_id": seed::SINGLE_WEBINAR_ID, "action": "end", "occurrence_id": "1234" }),
    )
    .await;
    assert!(message.contains("only to action cancel"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn delete_webinar_and_occurrence() {
    let server = start_sandbox().await;
    let webinar = create(
        &server.client,
        json!({ "topic": "To delete", "start_time": local_in_days(9, 10) }),
    )
    .await;
    let id = webinar["id"].as_u64().unwrap();
    let deleted = call_ok(
        &server.client,
        "delete_webinar",
        json!({ "webinar_id": id }),
    )
    .await;
    assert_eq!(deleted["deleted"], json!(true));
    assert!(deleted["message"].as_str().unwrap().contains("To delete"));
    let message = call_err(&server.client, "get_webinar", json!({ "webinar_id": id })).await;
    assert!(message.contains("3001"), "{message}");
    let message = call_err(
        &server.client,
        "delete_webinar",
        json!({ "webinar_id": id }),
    )
    .await;
    assert!(message.contains("3001"), "{message}");

    let recurring = call_ok(
        &server.client,
        "get_webinar",
        json!({ "webinar_id": seed::RECURRING_WEBINAR_ID }),
    )
    .await;
    let occurrence_id = recurring["webinar"]["occurrences"][2]["occurrence_id"]
        .as_str()
        .unwrap()
        .to_string();
    let deleted = call_ok(
        &server.client,
        "delete_webinar",
        json!({ "webinar_id": seed::RECURRING_WEBINAR_ID, "occurrence_id": occurrence_id, "send_cancellation_email": true }),
    )
    .await;
    assert!(
        deleted["message"]
            .as_str()
            .unwrap()
            .contains(&occurrence_id)
    );
    // The series itself survives.
    call_ok(
        &server.client,
        "get_webinar",
        json!({ "webinar_id": seed::RECURRING_WEBINAR_ID }),
    )
    .await;
    let message = call_err(
        &server.client,
        "delete_webinar",
        json!({ "webinar_id": seed::RECURRING_WEBINAR_ID, "occurrence_id": "1700000000000" }),
    )
    .await;
    assert!(message.contains("not an occurrence"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn create_from_a_template() {
    let server = start_sandbox().await;
    let created = call_ok(
        &server.client,
        "create_webinar",
        json!({ "topic": "From template", "start_time": local_in_days(6, 12), "template_id": seed::OWNER_TEMPLATE_ID }),
    )
    .await;
    assert_eq!(created["webinar"]["topic"], json!("From template"));
    let message = call_err(
        &server.client,
        "create_webinar",
        json!({ "topic": "Bad template", "start_time": local_in_days(6, 12), "template_id": "../users" }),
    )
    .await;
    assert!(message.contains("template_id"), "{message}");
    server.stop().await;
}
