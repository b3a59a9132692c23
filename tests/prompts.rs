//! MCP prompts through the real binary: prompts/list, prompts/get with and
//! without required arguments, and the tools the texts name.

mod common;

use std::collections::BTreeSet;

use common::{Client, start, start_sandbox};
use rmcp::model::{ContentBlock, GetPromptRequestParams, Role};
use serde_json::{Value, json};

async fn prompt_text(client: &Client, name: &str, arguments: Value) -> String {
    let params = GetPromptRequestParams::new(name)
        .with_arguments(arguments.as_object().expect("an object").clone());
    let result = client
        .get_prompt(params)
        .await
        .unwrap_or_else(|error| panic!("prompts/get {name} failed: {error}"));
    assert_eq!(result.messages.len(), 1, "{name}: {result:?}");
    let message = &result.messages[0];
    assert_eq!(message.role, Role::User);
    match &message.content {
        ContentBlock::Text(text) => text.text.clone(),
        other => panic!("{name} returned non-text content: {other:?}"),
    }
}

async fn prompt_error(client: &Client, name: &str, arguments: Value) -> rmcp::ErrorData {
    let params = GetPromptRequestParams::new(name)
        .with_arguments(arguments.as_object().expect("an object").clone());
    match client.get_prompt(params).await {
        Ok(result) => panic!("prompts/get {name} succeeded: {result:?}"),
        Err(rmcp::ServiceError::McpError(error)) => error,
        Err(other) => panic!("prompts/get {name} failed outside the protocol: {other}"),
    }
}

/// Words in backticks, which is how the prompts write tool and parameter names.
fn backticked(text: &str) -> BTreeSet<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn valid_arguments(name: &str) -> Value {
    match name {
        "plan_webinar_series" => json!({
            "topic": "Customer onboarding",
            "cadence": "weekly on Tuesday",
            "start": "2027-01-12T15:00",
            "sessions": "4",
        }),
        "webinar_follow_up" => json!({ "webinar_id": "81100000002" }),
        "registration_review" => json!({ "webinar_id": "81100000003" }),
        other => panic!("no arguments for {other}"),
    }
}

#[tokio::test]
async fn list_shows_prompts_with_arguments() {
    let server = start_sandbox().await;
    let info = server.client.peer_info().expect("server info");
    assert!(
        info.capabilities.prompts.is_some(),
        "prompts not advertised"
    );

    let prompts = server
        .client
        .list_all_prompts()
        .await
        .expect("prompts/list");
    let names: Vec<&str> = prompts.iter().map(|prompt| prompt.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "plan_webinar_series",
            "webinar_follow_up",
            "registration_review"
        ]
    );
    for prompt in &prompts {
        assert!(
            prompt.description.is_some(),
            "{} has no description",
            prompt.name
        );
        assert!(prompt.title.is_some(), "{} has no title", prompt.name);
    }
    let follow_up = &prompts[1];
    let arguments = follow_up.arguments.as_ref().expect("arguments");
    assert_eq!(arguments[0].name, "webinar_id");
    assert_eq!(arguments[0].required, Some(true));
    assert_eq!(arguments[1].name, "uuid");
    assert_eq!(arguments[1].required, Some(false));
    server.stop().await;
}

#[tokio::test]
async fn texts_name_tools_the_server_lists() {
    let server = start_sandbox().await;
    let tools: BTreeSet<String> = server
        .client
        .list_all_tools()
        .await
        .expect("tools/list")
        .iter()
        .map(|tool| tool.name.to_string())
        .collect();
    for name in [
        "plan_webinar_series",
        "webinar_follow_up",
        "registration_review",
    ] {
        let text = prompt_text(&server.client, name, valid_arguments(name)).await;
        let named: Vec<String> = backticked(&text)
            .into_iter()
            .filter(|word| word.contains('_') && tools.contains(word))
            .collect();
        assert!(
            named.len() >= 3,
            "{name} names few tools: {named:?}\n{text}"
        );
        assert!(
            !text.contains("does not expose"),
            "{name} misses tools of the default toolsets:\n{text}"
        );
    }

    let text = prompt_text(
        &server.client,
        "webinar_follow_up",
        valid_arguments("webinar_follow_up"),
    )
    .await;
    for tool in [
        "list_webinar_participants",
        "list_webinar_registrants",
        "get_webinar_absentees",
        "list_webinar_qa",
    ] {
        assert!(
            text.contains(&format!("`{tool}`")),
            "{tool} missing:\n{text}"
        );
    }
    assert!(text.contains("81100000002"), "{text}");
    server.stop().await;
}

#[tokio::test]
async fn plan_uses_the_default_time_zone() {
    let server = start(
        &["--sandbox"],
        &[("ZOOM_DEFAULT_TIMEZONE", "America/Chicago")],
    )
    .await;
    let text = prompt_text(
        &server.client,
        "plan_webinar_series",
        valid_arguments("plan_webinar_series"),
    )
    .await;
    assert!(text.contains("America/Chicago"), "{text}");
    assert!(text.contains("Customer onboarding"), "{text}");
    assert!(text.contains("`create_recurring_webinar`"), "{text}");
    server.stop().await;
}

#[tokio::test]
async fn missing_or_invalid_arguments_are_errors() {
    let server = start_sandbox().await;

    let error = prompt_error(&server.client, "webinar_follow_up", json!({})).await;
    assert_eq!(error.code, rmcp::model::ErrorCode::INVALID_PARAMS);
    assert!(error.message.contains("webinar_id"), "{}", error.message);

    let error = prompt_error(
        &server.client,
        "plan_webinar_series",
        json!({ "topic": "Onboarding", "cadence": "weekly" }),
    )
    .await;
    assert_eq!(error.code, rmcp::model::ErrorCode::INVALID_PARAMS);
    assert!(error.message.contains("start"), "{}", error.message);

    let mut bad_zone = valid_arguments("plan_webinar_series");
    bad_zone["timezone"] = json!("Moon/Base");
    let error = prompt_error(&server.client, "plan_webinar_series", bad_zone).await;
    assert!(error.message.contains("Moon/Base"), "{}", error.message);

    let error = prompt_error(
        &server.client,
        "registration_review",
        json!({ "webinar_id": "abc" }),
    )
    .await;
    assert!(error.message.contains("webinar_id"), "{}", error.message);

    let error = prompt_error(&server.client, "no_such_prompt", json!({})).await;
    assert!(
        error.message.contains("no_such_prompt"),
        "{}",
        error.message
    );
    server.stop().await;
}

#[tokio::test]
async fn read_only_server_names_hidden_tools() {
    let server = start(&["--sandbox", "--read-only"], &[]).await;
    let text = prompt_text(
        &server.client,
        "registration_review",
        valid_arguments("registration_review"),
    )
    .await;
    assert!(text.contains("does not expose"), "{text}");
    assert!(
        text.contains("update_webinar_registrant_status (toolset registrants)"),
        "{text}"
    );
    server.stop().await;
}
