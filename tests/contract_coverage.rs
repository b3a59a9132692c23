//! Contract coverage: the real binary drives every tool against an
//! in-process sandbox that checks each request and response against Zoom's
//! API contract, then the sandbox's request log is read back.
//!
//! The test fails on any request or response violation and on any request
//! to an endpoint missing from `CALLED_ENDPOINTS` (src/zoom/endpoints.rs).
//! It also fails on any declared endpoint no call reached with a successful
//! response, and on any listed tool it never called, with the server
//! running every toolset. Every endpoint of Zoom's webinar API contract must
//! be declared, except the user management ones in `UNCALLED_ENDPOINTS`.
//! Run it with `cargo test --test contract_coverage -- --nocapture` to see
//! the coverage table. A new tool gets its calls in one of the scenario
//! functions below, or in `coverage_calls/` for the opt-in toolsets, and a
//! new endpoint it calls gets a line in `CALLED_ENDPOINTS`.

mod common;
mod contract_support;
mod coverage_calls;
mod tools_support;

use std::collections::BTreeSet;

use chrono::{Duration, Utc};
use common::local_in_days;
use contract_support::{Coverage, contract_endpoints};
use serde_json::{Value, json};
use zoom_webinar_mcp::sandbox::seed;
use zoom_webinar_mcp::zoom::CALLED_ENDPOINTS;

/// Endpoints of Zoom's webinar API contract that no tool calls, because
/// creating, updating and deleting users is outside this server's scope.
const UNCALLED_ENDPOINTS: [&str; 3] = [
    "POST /users",
    "PATCH /users/{userId}",
    "DELETE /users/{userId}",
];

/// Returns the UTC date `days` from now as `YYYY-MM-DD`.
fn date_in_days(days: i64) -> String {
    (Utc::now() + Duration::days(days))
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

fn webinar_id(result: &Value) -> u64 {
    result["webinar"]["id"]
        .as_u64()
        .unwrap_or_else(|| panic!("no webinar id in {result}"))
}

fn occurrence_ids(result: &Value) -> Vec<String> {
    result["webinar"]["occurrences"]
        .as_array()
        .unwrap_or_else(|| panic!("no occurrences in {result}"))
        .iter()
        .map(|row| row["occurrence_id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_tool_call_keeps_the_contract() {
    // Zoom webinar ids exceed 32 bits; every seeded and created id does too.
    assert!(seed::SINGLE_WEBINAR_ID > u64::from(u32::MAX));
    assert!(seed::FIRST_CREATED_WEBINAR_ID > u64::from(u32::MAX));
    let mut coverage = Coverage::start().await;

    configuration(&mut coverage).await;
    users(&mut coverage).await;
    single_webinars(&mut coverage).await;
    recurring_webinars(&mut coverage).await;
    prompts(&mut coverage).await;
    reads_and_updates(&mut coverage).await;
    occurrences(&mut coverage).await;
    registrants(&mut coverage).await;
    registration(&mut coverage).await;
    panelists(&mut coverage).await;
    polls_and_invite_links(&mut coverage).await;
    past_webinars(&mut coverage).await;
    coverage_calls::surveys(&mut coverage).await;
    coverage_calls::reports(&mut coverage).await;
    coverage_calls::livestream(&mut coverage).await;
    coverage_calls::branding(&mut coverage).await;
    coverage_calls::advanced(&mut coverage).await;
    deletes(&mut coverage).await;

    println!("{}", coverage.table());
    let failures = coverage.failures().await;
    assert!(
        failures.is_empty(),
        "{} contract coverage failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_every_endpoint_declared(&coverage);
}

/// Asserts that every endpoint of Zoom's webinar API contract is declared
/// in `CALLED_ENDPOINTS`, which `failures` has already checked were all
/// reached, except `UNCALLED_ENDPOINTS`, which no tool may call.
fn assert_every_endpoint_declared(coverage: &Coverage) {
    let contract = contract_endpoints();
    let declared: BTreeSet<String> = CALLED_ENDPOINTS.iter().map(|e| e.key()).collect();
    let reached = coverage.reached_endpoints();
    for key in UNCALLED_ENDPOINTS {
        assert!(
            contract.contains(key),
            "{key} is listed as uncalled but is not an endpoint of the contract"
        );
        assert!(
            !declared.contains(key),
            "{key} is listed as uncalled but is in CALLED_ENDPOINTS"
        );
        assert!(
            !reached.contains(key),
            "{key} is listed as uncalled but a tool call reached it"
        );
    }
    let undeclared: Vec<&String> = contract
        .iter()
        .filter(|key| !declared.contains(*key) && !UNCALLED_ENDPOINTS.contains(&key.as_str()))
        .collect();
    assert!(
        undeclared.is_empty(),
        "no tool calls these endpoints of Zoom's webinar API: {undeclared:?}; \
         add a tool call for each and list it in CALLED_ENDPOINTS"
    );
}

async fn configuration(coverage: &mut Coverage) {
    coverage.ok("auto_configure_zoom", json!({})).await;
    coverage.ok("get_token_status", json!({})).await;
    coverage.ok("refresh_token", json!({})).await;
    coverage
        .ok(
            "configure_zoom",
            json!({ "account_id": "coverage-account", "client_id": "coverage-client",
                    "client_secret": "coverage-secret", "verify": true }),
        )
        .await;
    coverage.resource("zoom://config").await;
    coverage.resource("zoom://users").await;
}

async fn users(coverage: &mut Coverage) {
    coverage.ok("get_users", json!({})).await;
    let first = coverage
        .ok("get_users", json!({ "page_size": 2, "status": "active" }))
        .await;
    let token = first["next_page_token"].as_str().expect("a second page");
    coverage
        .ok(
            "get_users",
            json!({ "page_size": 2, "next_page_token": token }),
        )
        .await;
    coverage
        .ok(
            "get_users",
            json!({ "status": "pending", "page_size": 5000 }),
        )
        .await;
    coverage.ok("list_users_for_selection", json!({})).await;
    for user in ["me", seed::HOST_EMAIL, seed::OWNER_USER_ID] {
        coverage.ok("get_user", json!({ "user_id": user })).await;
    }
    coverage
        .err(
            "get_user",
            json!({ "user_id": "nobody@sandbox.example.com" }),
        )
        .await;
    for selection in ["me", seed::HOST_EMAIL, "2", "Basil", seed::OWNER_USER_ID] {
        coverage
            .ok("get_user_by_selection", json!({ "selection": selection }))
            .await;
    }
}

async fn single_webinars(coverage: &mut Coverage) {
    let date = date_in_days(12);
    let starts = [
        (local_in_days(5, 15), "America/New_York"),
        (local_in_days(6, 9), "Europe/London"),
        (local_in_days(7, 11), "Asia/Kolkata"),
        (format!("{date}T15:00:00Z"), "America/New_York"),
        (format!("{date}T15:00:00-04:00"), "Europe/London"),
        (format!("{date}T09:30:00+05:30"), "Asia/Kolkata"),
    ];
    for (start, zone) in starts {
        coverage
            .ok(
                "create_webinar",
                json!({ "topic": format!("Single {zone}"), "start_time": start, "timezone": zone }),
            )
            .await;
    }
    coverage
        .ok(
            "create_webinar",
            json!({ "topic": "Default zone", "start_time": local_in_days(8, 10),
                    "agenda": "All settings", "duration": 45, "password": "Pa55word!",
                    "settings": { "registration": "manual", "audio": "voip", "auto_recording": "cloud",
                                  "host_video": true, "panelists_video": false, "practice_session": true,
                                  "question_and_answer": true, "registrants_email_notification": false,
                                  "registrants_restrict_number": 20000, "on_demand": false,
                                  "close_registration": true,
                                  "alternative_hosts": [seed::HOST_EMAIL] } }),
        )
        .await;
    coverage
        .ok(
            "create_webinar",
            json!({ "topic": "For Harper", "start_time": local_in_days(9, 10),
                    "user_id": seed::HOST_EMAIL }),
        )
        .await;
    let asked = coverage
        .ok(
            "create_webinar_interactive",
            json!({ "topic": "Interactive", "start_time": local_in_days(4, 16) }),
        )
        .await;
    assert_eq!(asked["created"], json!(false));
    for host in ["Harper", "me", seed::OWNER_EMAIL] {
        coverage
            .ok(
                "create_webinar_interactive",
                json!({ "topic": "Interactive", "start_time": local_in_days(4, 16),
                        "timezone": "Europe/London", "host_selection": host }),
            )
            .await;
    }
    coverage
        .err(
            "create_webinar",
            json!({ "topic": "Basic host", "start_time": local_in_days(4, 16),
                    "user_id": seed::BASIC_EMAIL }),
        )
        .await;
}

async fn recurring_webinars(coverage: &mut Coverage) {
    let start = local_in_days(7, 18);
    let end_date = date_in_days(7 + 120);
    let rules = [
        json!({ "recurrence_type": "daily", "end_times": 4, "timezone": "America/New_York" }),
        json!({ "recurrence_type": "daily", "repeat_interval": 90, "end_times": 2 }),
        json!({ "recurrence_type": "daily", "repeat_interval": 3, "end_date": end_date,
                "timezone": "Europe/London" }),
        json!({ "recurrence_type": "weekly", "weekly_days": ["tuesday", "thursday"], "end_times": 60,
                "timezone": "America/New_York" }),
        json!({ "recurrence_type": "weekly", "repeat_interval": 12, "end_times": 3,
                "timezone": "Asia/Kolkata" }),
        json!({ "recurrence_type": "weekly", "weekly_days": ["monday"], "end_date": end_date,
                "settings": { "registration": "automatic", "registration_type": "once_choose_occurrences" } }),
        json!({ "recurrence_type": "monthly", "monthly_day": 15, "end_times": 3,
                "timezone": "Europe/London" }),
        json!({ "recurrence_type": "monthly", "monthly_day": 31, "repeat_interval": 3, "end_times": 2 }),
        json!({ "recurrence_type": "monthly", "monthly_week": "last", "monthly_week_day": "friday",
                "end_date": end_date, "timezone": "Europe/London" }),
        json!({ "recurrence_type": "monthly", "monthly_week": "first", "monthly_week_day": "monday",
                "end_times": 4, "timezone": "America/New_York",
                "settings": { "registration": "manual", "registration_type": "each_occurrence" } }),
    ];
    for rule in rules {
        let mut arguments = json!({ "topic": "Recurring", "start_time": start });
        arguments
            .as_object_mut()
            .unwrap()
            .extend(rule.as_object().unwrap().clone());
        coverage.ok("create_recurring_webinar", arguments).await;
    }
    let utc_start = format!("{}T14:00:00Z", date_in_days(10));
    coverage
        .ok(
            "create_recurring_webinar",
            json!({ "topic": "Recurring UTC", "start_time": utc_start, "recurrence_type": "weekly",
                    "end_times": 2, "timezone": "America/New_York" }),
        )
        .await;
}

async fn prompts(coverage: &mut Coverage) {
    coverage
        .ok(
            "schedule_webinar_from_prompt",
            json!({ "prompt": "Python workshop tomorrow 3pm for 90 minutes", "dry_run": true }),
        )
        .await;
    coverage
        .ok(
            "schedule_webinar_from_prompt",
            json!({ "prompt": "\"Quarterly planning\" next Monday at 10:30am ET for 2 hours",
                    "registration": "automatic" }),
        )
        .await;
    coverage
        .ok(
            "schedule_recurring_webinar_from_prompt",
            json!({ "prompt": "Office hours every Tuesday and Thursday at 6pm for 8 weeks", "dry_run": true }),
        )
        .await;
    coverage
        .ok(
            "schedule_recurring_webinar_from_prompt",
            json!({ "prompt": "Team sync every Monday at 9am for 4 weeks", "registration": "manual" }),
        )
        .await;
    coverage
        .ok(
            "schedule_recurring_webinar_from_prompt",
            json!({ "prompt": "\"Review\" on the first Tuesday of every month at 4pm London time for 3 months" }),
        )
        .await;
}

async fn reads_and_updates(coverage: &mut Coverage) {
    coverage.ok("list_webinars", json!({})).await;
    coverage
        .ok(
            "list_webinars",
            json!({ "type": "upcoming", "page_size": 2, "page_number": 2 }),
        )
        .await;
    coverage
        .ok(
            "list_webinars",
            json!({ "user_id": seed::HOST_EMAIL, "page_size": 1000 }),
        )
        .await;
    for webinar in [
        seed::SINGLE_WEBINAR_ID,
        seed::RECURRING_WEBINAR_ID,
        seed::MANUAL_APPROVAL_WEBINAR_ID,
        seed::HOST_WEBINAR_ID,
    ] {
        coverage
            .ok(
                "get_webinar",
                json!({ "webinar_id": webinar, "include_settings": true }),
            )
            .await;
    }
    coverage
        .ok(
            "get_webinar",
            json!({ "webinar_id": seed::RECURRING_WEBINAR_ID.to_string(),
                    "show_previous_occurrences": true }),
        )
        .await;
    coverage
        .err("get_webinar", json!({ "webinar_id": 99_999_999_999u64 }))
        .await;

    coverage
        .ok(
            "update_webinar",
            json!({ "webinar_id": seed::SINGLE_WEBINAR_ID, "topic": "Renamed", "agenda": "New agenda",
                    "start_time": local_in_days(20, 14), "timezone": "Europe/London", "duration": 30,
                    "password": "abc123",
                    "settings": { "registration": "automatic", "audio": "both", "auto_recording": "none",
                                  "question_and_answer": false } }),
        )
        .await;
    coverage
        .ok(
            "update_webinar",
            json!({ "webinar_id": seed::HOST_WEBINAR_ID,
                    "start_time": format!("{}T16:00:00Z", date_in_days(21)) }),
        )
        .await;
    coverage
        .ok(
            "update_webinar",
            json!({ "webinar_id": seed::MANUAL_APPROVAL_WEBINAR_ID,
                    "start_time": format!("{}T10:00:00-05:00", date_in_days(22)),
                    "timezone": "America/New_York" }),
        )
        .await;
    coverage
        .ok(
            "update_webinar_status",
            json!({ "webinar_id": seed::SINGLE_WEBINAR_ID, "action": "start" }),
        )
        .await;
    coverage
        .ok(
            "update_webinar_status",
            json!({ "webinar_id": seed::SINGLE_WEBINAR_ID, "action": "end" }),
        )
        .await;
}

async fn occurrences(coverage: &mut Coverage) {
    let recurring = coverage
        .ok(
            "get_webinar",
            json!({ "webinar_id": seed::RECURRING_WEBINAR_ID }),
        )
        .await;
    let ids = occurrence_ids(&recurring);
    coverage
        .ok(
            "get_webinar",
            json!({ "webinar_id": seed::RECURRING_WEBINAR_ID, "occurrence_id": ids[0] }),
        )
        .await;
    coverage
        .ok(
            "update_webinar",
            json!({ "webinar_id": seed::RECURRING_WEBINAR_ID, "occurrence_id": ids[1], "duration": 90,
                    "agenda": "Longer session" }),
        )
        .await;
    coverage
        .ok(
            "update_webinar",
            json!({ "webinar_id": seed::RECURRING_WEBINAR_ID, "occurrence_id": ids[2],
                    "start_time": local_in_days(30, 11) }),
        )
        .await;
    coverage
        .ok(
            "delete_webinar",
            json!({ "webinar_id": seed::RECURRING_WEBINAR_ID, "occurrence_id": ids[3],
                    "send_cancellation_email": true }),
        )
        .await;
    coverage
        .ok(
            "update_webinar_status",
            json!({ "webinar_id": seed::RECURRING_WEBINAR_ID, "action": "cancel",
                    "occurrence_id": ids[4] }),
        )
        .await;
    coverage
        .ok(
            "update_webinar",
            json!({ "webinar_id": seed::RECURRING_WEBINAR_ID, "topic": "Weekly series renamed",
                    "settings": { "registration_type": "once_for_all" } }),
        )
        .await;
}

async fn registrants(coverage: &mut Coverage) {
    let manual = seed::MANUAL_APPROVAL_WEBINAR_ID;
    coverage
        .ok("list_webinar_registrants", json!({ "webinar_id": manual }))
        .await;
    coverage
        .ok(
            "export_webinar_registrants",
            json!({ "webinar_id": manual }),
        )
        .await;
    let first = coverage
        .ok(
            "list_webinar_registrants",
            json!({ "webinar_id": manual, "status": "approved", "page_size": 2 }),
        )
        .await;
    let token = first["next_page_token"].as_str().expect("a second page");
    coverage
        .ok(
            "list_webinar_registrants",
            json!({ "webinar_id": manual, "status": "approved", "page_size": 2, "next_page_token": token }),
        )
        .await;
    for status in ["pending", "denied"] {
        coverage
            .ok(
                "list_webinar_registrants",
                json!({ "webinar_id": manual, "status": status, "page_size": 500 }),
            )
            .await;
    }
    let recurring = coverage
        .ok(
            "get_webinar",
            json!({ "webinar_id": seed::RECURRING_WEBINAR_ID }),
        )
        .await;
    let occurrence = occurrence_ids(&recurring)[0].clone();
    coverage
        .ok(
            "list_webinar_registrants",
            json!({ "webinar_id": seed::RECURRING_WEBINAR_ID, "occurrence_id": occurrence }),
        )
        .await;

    let approved = coverage
        .ok(
            "list_webinar_registrants",
            json!({ "webinar_id": manual, "status": "approved" }),
        )
        .await;
    let email = approved["registrants"][0]["email"]
        .as_str()
        .expect("an approved registrant")
        .to_owned();
    coverage
        .ok(
            "find_registrant_by_email",
            json!({ "webinar_id": manual, "email": email }),
        )
        .await;

    coverage
        .ok(
            "update_webinar_registrant_status",
            json!({ "webinar_id": manual, "action": "approve",
                    "registrant_ids": [seed::MANUAL_PENDING_REGISTRANT_IDS[0]] }),
        )
        .await;
    coverage
        .ok(
            "update_webinar_registrant_status",
            json!({ "webinar_id": manual, "action": "deny",
                    "registrant_ids": [seed::MANUAL_PENDING_REGISTRANT_IDS[1]] }),
        )
        .await;
    coverage
        .ok(
            "update_webinar_registrant_status",
            json!({ "webinar_id": manual, "action": "cancel", "emails": [email] }),
        )
        .await;
    coverage
        .ok(
            "delete_webinar_registrant",
            json!({ "webinar_id": manual, "registrant_id": seed::MANUAL_APPROVED_REGISTRANT_IDS[1] }),
        )
        .await;
    let remaining = coverage
        .ok(
            "list_webinar_registrants",
            json!({ "webinar_id": manual, "status": "approved" }),
        )
        .await;
    let other_email = remaining["registrants"][0]["email"]
        .as_str()
        .expect("another approved registrant")
        .to_owned();
    coverage
        .ok(
            "delete_webinar_registrant",
            json!({ "webinar_id": manual, "email": other_email }),
        )
        .await;
    let without_registration = coverage
        .ok(
            "create_webinar",
            json!({ "topic": "No registration", "start_time": local_in_days(10, 10) }),
        )
        .await;
    coverage
        .err(
            "list_webinar_registrants",
            json!({ "webinar_id": webinar_id(&without_registration) }),
        )
        .await;
}

/// Returns `count` batch registration rows with distinct emails, numbered
/// from `first`.
fn batch_rows(count: usize, first: usize) -> Vec<Value> {
    (first..first + count)
        .map(|number| {
            json!({ "email": format!("batch{number}@sandbox.example.com"),
                    "first_name": format!("Batch{number}"), "last_name": "Guest" })
        })
        .collect()
}

async fn registration(coverage: &mut Coverage) {
    let manual = seed::MANUAL_APPROVAL_WEBINAR_ID;
    coverage
        .ok(
            "get_registration_questions",
            json!({ "webinar_id": manual }),
        )
        .await;
    coverage
        .ok(
            "update_registration_questions",
            json!({ "webinar_id": manual,
                    "questions": [{ "field_name": "org", "required": true },
                                  { "field_name": "job_title", "required": false }],
                    "custom_questions": [
                        { "title": "How did you hear of us?", "type": "single_radio", "required": true,
                          "answers": ["Email", "Friend"] },
                        { "title": "Anything to add?", "type": "short", "required": false } ] }),
        )
        .await;
    coverage
        .ok(
            "get_registration_questions",
            json!({ "webinar_id": manual }),
        )
        .await;

    let added = coverage
        .ok(
            "add_webinar_registrant",
            json!({ "webinar_id": manual, "email": "new.person@sandbox.example.com",
                    "first_name": "New", "last_name": "Person", "org": "Acme", "job_title": "Engineer",
                    "country": "IN", "phone": "+91 98765 43210", "comments": "Looking forward",
                    "custom_questions": [{ "title": "How did you hear of us?", "value": "Email" }] }),
        )
        .await;
    let registrant_id = added["registrant_id"]
        .as_str()
        .unwrap_or_else(|| panic!("no registrant_id in {added}"))
        .to_owned();
    coverage
        .ok(
            "get_webinar_registrant",
            json!({ "webinar_id": manual, "registrant_id": registrant_id }),
        )
        .await;
    coverage
        .err(
            "get_webinar_registrant",
            json!({ "webinar_id": manual, "registrant_id": "rgNoSuchOne000000000000" }),
        )
        .await;

    // 45 rows go to Zoom as batches of 30 and 15.
    coverage
        .ok(
            "add_webinar_registrants_batch",
            json!({ "webinar_id": manual, "registrants": batch_rows(45, 0), "auto_approve": true }),
        )
        .await;
    coverage
        .ok(
            "add_webinar_registrants_batch",
            json!({ "webinar_id": manual, "registrants": batch_rows(3, 45) }),
        )
        .await;

    coverage
        .ok(
            "list_tracking_sources",
            json!({ "webinar_id": seed::RECURRING_WEBINAR_ID }),
        )
        .await;

    let series = coverage
        .ok(
            "create_recurring_webinar",
            json!({ "topic": "Per occurrence", "start_time": local_in_days(8, 18),
                    "recurrence_type": "weekly", "end_times": 3,
                    "settings": { "registration": "automatic", "registration_type": "each_occurrence" } }),
        )
        .await;
    let series_id = webinar_id(&series);
    let occurrences = occurrence_ids(&series);
    let per_occurrence = coverage
        .ok(
            "add_webinar_registrant",
            json!({ "webinar_id": series_id, "email": "olive@sandbox.example.com", "first_name": "Olive",
                    "occurrence_ids": [occurrences[0], occurrences[1]] }),
        )
        .await;
    let per_occurrence_id = per_occurrence["registrant_id"]
        .as_str()
        .unwrap_or_else(|| panic!("no registrant_id in {per_occurrence}"))
        .to_owned();
    coverage
        .ok(
            "get_webinar_registrant",
            json!({ "webinar_id": series_id, "registrant_id": per_occurrence_id,
                    "occurrence_id": occurrences[0] }),
        )
        .await;
}

async fn panelists(coverage: &mut Coverage) {
    let single = seed::SINGLE_WEBINAR_ID;
    coverage
        .ok("list_panelists", json!({ "webinar_id": single }))
        .await;
    let many: Vec<Value> = (0..30)
        .map(|index| json!({ "name": format!("Panelist {index}"), "email": format!("p{index}@sandbox.example.com") }))
        .collect();
    coverage
        .ok(
            "add_panelists",
            json!({ "webinar_id": seed::HOST_WEBINAR_ID, "panelists": many }),
        )
        .await;
    coverage
        .ok(
            "add_panelists",
            json!({ "webinar_id": single, "panelists": [{ "name": "Nia New", "email": "nia.new@sandbox.example.com" }] }),
        )
        .await;
    coverage
        .ok(
            "remove_panelist",
            json!({ "webinar_id": single, "panelist": seed::SINGLE_WEBINAR_PANELIST_EMAILS[0] }),
        )
        .await;
    coverage
        .ok(
            "remove_panelist",
            json!({ "webinar_id": single, "panelist": seed::SINGLE_WEBINAR_PANELIST_IDS[1] }),
        )
        .await;
    coverage
        .ok("remove_all_panelists", json!({ "webinar_id": single }))
        .await;
}

async fn polls_and_invite_links(coverage: &mut Coverage) {
    let single = seed::SINGLE_WEBINAR_ID;
    coverage
        .ok("get_webinar_polls", json!({ "webinar_id": single }))
        .await;
    coverage
        .ok(
            "get_webinar_polls",
            json!({ "webinar_id": single, "anonymous": true }),
        )
        .await;
    let choices: Vec<String> = (1..=10).map(|n| format!("Choice {n}")).collect();
    coverage
        .ok(
            "create_webinar_poll",
            json!({ "webinar_id": single, "title": "t".repeat(64), "questions": [
                { "name": "Pace?", "type": "single", "answers": ["Slow", "Fine", "Fast"] },
                { "name": "Topics?", "type": "multiple", "answers": choices, "answer_required": true } ] }),
        )
        .await;
    coverage
        .ok(
            "create_webinar_poll",
            json!({ "webinar_id": single, "title": "Quiz", "poll_type": "quiz", "questions": [
                { "name": "2 + 2?", "type": "single", "answers": ["3", "4"], "right_answers": ["4"] } ] }),
        )
        .await;
    coverage
        .ok(
            "create_webinar_poll",
            json!({ "webinar_id": single, "title": "Feedback", "poll_type": "advanced_poll",
                    "anonymous": true, "questions": [
                { "name": "Comments", "type": "short_answer" },
                { "name": "Details", "type": "long_answer" } ] }),
        )
        .await;
    let poll = json!({ "webinar_id": single, "poll_id": seed::SINGLE_WEBINAR_POLL_ID });
    coverage.ok("get_webinar_poll", poll.clone()).await;
    coverage
        .ok(
            "update_webinar_poll",
            json!({ "webinar_id": single, "poll_id": seed::SINGLE_WEBINAR_POLL_ID,
                    "title": "Replaced", "poll_type": "quiz", "anonymous": false, "questions": [
                { "name": "Best answer?", "type": "single", "answers": ["A", "B"], "right_answers": ["B"] },
                { "name": "All that apply?", "type": "multiple", "answers": ["A", "B", "C"],
                  "right_answers": ["A", "C"], "answer_required": true } ] }),
        )
        .await;
    coverage.ok("get_webinar_poll", poll.clone()).await;
    coverage.ok("delete_webinar_poll", poll.clone()).await;
    coverage.err("get_webinar_poll", poll).await;

    let attendees: Vec<Value> = (0..500)
        .map(|index| json!({ "name": format!("Guest {index}") }))
        .collect();
    coverage
        .ok(
            "create_webinar_invite_links",
            json!({ "webinar_id": single, "attendees": attendees, "ttl": 7_776_000 }),
        )
        .await;
    coverage
        .ok(
            "create_webinar_invite_links",
            json!({ "webinar_id": single, "attendees": [{ "name": "n".repeat(64) }] }),
        )
        .await;
}

async fn past_webinars(coverage: &mut Coverage) {
    let past = seed::PAST_WEBINAR_ID;
    let latest = coverage
        .ok("list_webinar_participants", json!({ "webinar_id": past }))
        .await;
    let token = latest["next_page_token"].as_str().expect("a second page");
    coverage
        .ok(
            "list_webinar_participants",
            json!({ "webinar_id": past, "next_page_token": token }),
        )
        .await;
    // The seeded UUIDs start with `/`, contain `//`, a single `/`, `+` and `=`.
    for uuid in seed::PAST_INSTANCE_UUIDS {
        coverage
            .ok(
                "list_webinar_participants",
                json!({ "webinar_id": past, "uuid": uuid, "page_size": 300 }),
            )
            .await;
        coverage
            .ok(
                "list_webinar_qa",
                json!({ "webinar_id": past, "uuid": uuid }),
            )
            .await;
        coverage
            .ok(
                "get_webinar_absentees",
                json!({ "webinar_id": past, "uuid": uuid, "page_size": 10 }),
            )
            .await;
    }
    coverage
        .ok("list_webinar_qa", json!({ "webinar_id": past }))
        .await;

    coverage
        .ok("list_past_webinar_instances", json!({ "webinar_id": past }))
        .await;
    coverage
        .ok(
            "get_past_webinar_poll_results",
            json!({ "webinar_id": past }),
        )
        .await;
    for uuid in seed::PAST_INSTANCE_UUIDS {
        coverage
            .ok(
                "get_past_webinar_poll_results",
                json!({ "webinar_id": past, "uuid": uuid }),
            )
            .await;
    }

    let absentees = coverage
        .ok(
            "get_webinar_absentees",
            json!({ "webinar_id": past, "page_size": 5 }),
        )
        .await;
    let token = absentees["next_page_token"]
        .as_str()
        .expect("a second page");
    coverage
        .ok(
            "get_webinar_absentees",
            json!({ "webinar_id": past, "page_size": 5, "next_page_token": token }),
        )
        .await;
    coverage
        .err(
            "list_webinar_participants",
            json!({ "webinar_id": seed::SINGLE_WEBINAR_ID }),
        )
        .await;
}

async fn deletes(coverage: &mut Coverage) {
    let created = coverage
        .ok(
            "create_webinar",
            json!({ "topic": "To delete", "start_time": local_in_days(9, 10) }),
        )
        .await;
    let id = webinar_id(&created);
    coverage
        .ok("delete_webinar", json!({ "webinar_id": id }))
        .await;
    let cancelled = coverage
        .ok(
            "create_webinar",
            json!({ "topic": "To cancel", "start_time": local_in_days(9, 12) }),
        )
        .await;
    coverage
        .ok(
            "update_webinar_status",
            json!({ "webinar_id": webinar_id(&cancelled), "action": "cancel",
                    "send_cancellation_email": false }),
        )
        .await;
    coverage
        .err("delete_webinar", json!({ "webinar_id": id }))
        .await;
}
