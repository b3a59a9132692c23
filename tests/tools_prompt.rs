//! Natural-language scheduling through the real binary against the sandbox.

mod common;

use common::{call, call_err, call_ok, start_sandbox, text};
use serde_json::{Value, json};

#[tokio::test]
async fn dry_run_creates_nothing() {
    let server = start_sandbox().await;
    let before = call_ok(&server.client, "list_webinars", json!({})).await["webinars"]
        .as_array()
        .unwrap()
        .len();
    let result = call_ok(
        &server.client,
        "schedule_webinar_from_prompt",
        json!({ "prompt": "Python workshop tomorrow 3pm for 90 minutes", "dry_run": true }),
    )
    .await;
    assert_eq!(result["created"], json!(false));
    assert_eq!(result["understood"]["topic"], json!("Python workshop"));
    assert_eq!(result["understood"]["duration"], json!(90));
    assert_eq!(result["understood"]["timezone"], json!("Asia/Kolkata"));
    assert!(
        result["understood"]["start_time"]["local"]
            .as_str()
            .unwrap()
            .contains("T15:00:00+05:30")
    );
    let after = call_ok(&server.client, "list_webinars", json!({})).await["webinars"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(before, after);
    server.stop().await;
}

#[tokio::test]
async fn dry_run_shows_both_zones() {
    let server = start_sandbox().await;
    let arguments = json!({
        "prompt": "Python workshop tomorrow 3pm ET for 90 minutes",
        "dry_run": true
    });
    let result = call(&server.client, "schedule_webinar_from_prompt", arguments).await;
    let summary = text(&result);
    let result = result.structured_content.expect("structured content");
    let understood = &result["understood"];

    assert_eq!(result["created"], json!(false));
    assert_eq!(understood["timezone"], json!("America/New_York"));
    assert_eq!(
        understood["start_time"]["time_zone"],
        json!("America/New_York")
    );
    let local = understood["start_time"]["local"].as_str().unwrap();
    assert!(local.contains("T15:00:00-0"), "{local}");

    // The sandbox's default zone is Asia/Kolkata, and the same instant is
    // shown there too.
    let in_default = &understood["start_time_in_default_zone"];
    assert_eq!(in_default["time_zone"], json!("Asia/Kolkata"));
    assert_eq!(in_default["utc"], understood["start_time"]["utc"]);
    let default_local = in_default["local"].as_str().unwrap();
    assert!(default_local.ends_with("+05:30"), "{default_local}");

    let assumptions: Vec<&str> = understood["assumptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|value| value.as_str().unwrap())
        .collect();
    assert!(
        assumptions.contains(&"Time zone \"ET\" read as America/New_York."),
        "{assumptions:?}"
    );
    assert!(
        summary.contains("Dry run: nothing was created"),
        "{summary}"
    );
    assert!(summary.contains("15:00 E"), "{summary}");
    assert!(
        summary.contains("In the default time zone (Asia/Kolkata):"),
        "{summary}"
    );
    assert!(
        summary.contains("Assumed: Time zone \"ET\" read as America/New_York."),
        "{summary}"
    );
    server.stop().await;
}

#[tokio::test]
async fn default_zone_not_repeated() {
    let server = start_sandbox().await;
    let result = call_ok(
        &server.client,
        "schedule_webinar_from_prompt",
        json!({ "prompt": "Python workshop tomorrow 3pm", "dry_run": true }),
    )
    .await;
    assert_eq!(result["understood"]["timezone"], json!("Asia/Kolkata"));
    assert_eq!(
        result["understood"]["start_time_in_default_zone"],
        Value::Null
    );
    server.stop().await;
}

#[tokio::test]
async fn prompt_creates_a_webinar() {
    let server = start_sandbox().await;
    let result = call_ok(
        &server.client,
        "schedule_webinar_from_prompt",
        json!({ "prompt": "\"Quarterly planning\" next Monday at 10:30am ET for 2 hours", "registration": "automatic" }),
    )
    .await;
    assert_eq!(result["created"], json!(true));
    let webinar = &result["webinar"];
    assert_eq!(webinar["topic"], json!("Quarterly planning"));
    assert_eq!(webinar["timezone"], json!("America/New_York"));
    assert_eq!(webinar["duration"], json!(120));
    assert_eq!(webinar["registration"], json!("automatic approval"));
    server.stop().await;
}

#[tokio::test]
async fn recurring_prompt() {
    let server = start_sandbox().await;
    let result = call(
        &server.client,
        "schedule_recurring_webinar_from_prompt",
        json!({ "prompt": "Office hours every Tuesday and Thursday at 6pm for 8 weeks", "dry_run": true }),
    )
    .await;
    let summary = text(&result);
    let preview = result.structured_content.expect("structured content");
    assert_eq!(preview["created"], json!(false));
    assert_eq!(preview["understood"]["occurrence_count"], json!(16));

    // Every occurrence is listed at 18:00 in the default zone.
    let occurrences = preview["understood"]["occurrences"].as_array().unwrap();
    assert_eq!(occurrences.len(), 16);
    for occurrence in occurrences {
        assert_eq!(occurrence["time_zone"], json!("Asia/Kolkata"));
        let local = occurrence["local"].as_str().unwrap();
        assert!(local.ends_with("T18:00:00+05:30"), "{local}");
    }
    assert_eq!(
        preview["understood"]["start_time"], occurrences[0],
        "the start is the first occurrence"
    );
    assert!(summary.contains("\n  1. "), "{summary}");
    assert!(summary.contains("\n  16. "), "{summary}");
    assert!(!summary.contains("\n  17. "), "{summary}");
    assert!(
        summary.contains("Assumed: No time zone given: Asia/Kolkata, the server's default."),
        "{summary}"
    );

    let created = call_ok(
        &server.client,
        "schedule_recurring_webinar_from_prompt",
        json!({ "prompt": "Office hours every Tuesday and Thursday at 6pm for 8 weeks" }),
    )
    .await;
    assert_eq!(created["created"], json!(true));
    assert_eq!(
        created["webinar"]["occurrences"].as_array().unwrap().len(),
        16
    );
    assert_eq!(
        created["webinar"]["recurrence"]["weekly_days"],
        json!("3,5")
    );

    // The occurrences shown before creating are the ones Zoom created.
    let preview_times: Vec<&Value> = created["understood"]["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|occurrence| &occurrence["utc"])
        .collect();
    let created_times: Vec<&Value> = created["webinar"]["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|occurrence| &occurrence["start_time"]["utc"])
        .collect();
    assert_eq!(preview_times, created_times);
    server.stop().await;
}

#[tokio::test]
async fn recurring_refusals_name_the_fix() {
    let server = start_sandbox().await;
    for (prompt, parts) in [
        (
            "Standup every weekday at 9am",
            &["has no end", "\"for 8 weeks\""][..],
        ),
        (
            "Review every 5th Friday at 4pm 3 times",
            &["\"5th friday\"", "last Monday"][..],
        ),
        (
            "Sync biweekly on Friday at 10am 6 times",
            &["\"biweekly\" is ambiguous", "every other week on Friday"][..],
        ),
        (
            "Standup every weekday at 9am for 13 weeks",
            &["at most 60 occurrences", "end the series earlier"][..],
        ),
        (
            "Sync every blursday at 3pm 4 times",
            &["unknown weekday \"blursday\""][..],
        ),
    ] {
        let message = call_err(
            &server.client,
            "schedule_recurring_webinar_from_prompt",
            json!({ "prompt": prompt, "dry_run": true }),
        )
        .await;
        for part in parts {
            assert!(
                message.contains(part),
                "{prompt}: {part:?} missing from {message}"
            );
        }
    }
    server.stop().await;
}

#[tokio::test]
async fn prompt_refusals() {
    let server = start_sandbox().await;
    let message = call_err(
        &server.client,
        "schedule_webinar_from_prompt",
        json!({ "prompt": "" }),
    )
    .await;
    assert!(message.contains("empty"), "{message}");
    let message = call_err(
        &server.client,
        "schedule_webinar_from_prompt",
        json!({ "prompt": "Team sync every Monday at 9am for 4 weeks" }),
    )
    .await;
    assert!(
        message.contains("schedule_recurring_webinar_from_prompt"),
        "{message}"
    );
    let message = call_err(
        &server.client,
        "schedule_recurring_webinar_from_prompt",
        json!({ "prompt": "Demo tomorrow at 3pm" }),
    )
    .await;
    assert!(
        message.contains("schedule_webinar_from_prompt"),
        "{message}"
    );
    let message = call_err(
        &server.client,
        "schedule_webinar_from_prompt",
        json!({ "prompt": "Launch on 12/10 at 3pm" }),
    )
    .await;
    assert!(message.contains("12/10"), "{message}");
    let message = call_err(
        &server.client,
        "schedule_webinar_from_prompt",
        json!({ "prompt": "Launch tomorrow at 6" }),
    )
    .await;
    assert!(message.contains("am"), "{message}");
    let message = call_err(
        &server.client,
        "schedule_webinar_from_prompt",
        json!({ "prompt": "x".repeat(1001) }),
    )
    .await;
    assert!(message.contains("1000"), "{message}");
    server.stop().await;
}
