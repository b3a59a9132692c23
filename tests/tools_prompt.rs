//! Natural-language scheduling through the real binary against the sandbox.

mod common;

use common::{call_err, call_ok, start_sandbox};
use serde_json::json;

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
    let preview = call_ok(
        &server.client,
        "schedule_recurring_webinar_from_prompt",
        json!({ "prompt": "Office hours every Tuesday and Thursday at 6pm for 8 weeks", "dry_run": true }),
    )
    .await;
    assert_eq!(preview["created"], json!(false));
    assert_eq!(preview["understood"]["occurrence_count"], json!(16));
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
