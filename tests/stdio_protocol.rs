//! The real binary over stdio: handshake, tool list, resources, and the
//! behaviour without credentials.

mod common;

use common::{call, call_err, call_ok, read_json, start, text};
use serde_json::json;

/// The core tools, which the default toolsets must offer.
const EXPECTED_TOOLS: &[&str] = &[
    "add_panelists",
    "auto_configure_zoom",
    "configure_zoom",
    "create_recurring_webinar",
    "create_webinar",
    "create_webinar_interactive",
    "create_webinar_invite_links",
    "create_webinar_poll",
    "delete_webinar",
    "delete_webinar_registrant",
    "find_registrant_by_email",
    "get_token_status",
    "get_user_by_selection",
    "get_users",
    "get_webinar",
    "get_webinar_absentees",
    "get_webinar_polls",
    "list_panelists",
    "list_users_for_selection",
    "list_webinar_participants",
    "list_webinar_qa",
    "list_webinar_registrants",
    "list_webinars",
    "refresh_token",
    "remove_all_panelists",
    "remove_panelist",
    "schedule_recurring_webinar_from_prompt",
    "schedule_webinar_from_prompt",
    "update_webinar",
    "update_webinar_registrant_status",
    "update_webinar_status",
];

#[tokio::test]
async fn initialize_reports_server_info() {
    let server = start(&[], &[]).await;
    let info = server.client.peer_info().expect("server info");
    let implementation = info.server_info.as_ref().expect("serverInfo");
    assert_eq!(implementation.name, "zoom-webinar-mcp");
    assert_eq!(implementation.version, env!("CARGO_PKG_VERSION"));
    assert!(
        info.instructions
            .as_deref()
            .unwrap_or("")
            .contains("Zoom Webinars")
    );
    assert!(info.capabilities.tools.is_some());
    assert!(info.capabilities.resources.is_some());
    server.stop().await;
}

#[tokio::test]
async fn default_tools_include_the_core_set() {
    let server = start(&[], &[]).await;
    let tools = server.client.list_all_tools().await.expect("tools/list");
    let names: Vec<String> = tools.iter().map(|tool| tool.name.to_string()).collect();
    for expected in EXPECTED_TOOLS {
        assert!(
            names.iter().any(|name| name == expected),
            "{expected} missing from the default tools"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn every_tool_has_explicit_annotations() {
    let server = start(&["--toolsets", "all"], &[]).await;
    let tools = server.client.list_all_tools().await.expect("tools/list");
    for tool in &tools {
        let name = tool.name.as_ref();
        assert!(
            tool.title.as_deref().is_some_and(|title| !title.is_empty()),
            "{name} has no title"
        );
        assert!(
            tool.description
                .as_deref()
                .is_some_and(|text| text.len() > 40),
            "{name} has no useful description"
        );
        let annotations = tool
            .annotations
            .as_ref()
            .unwrap_or_else(|| panic!("{name} has no annotations"));
        let read_only = annotations
            .read_only_hint
            .unwrap_or_else(|| panic!("{name} has no explicit read_only_hint"));
        assert!(
            annotations.open_world_hint.is_some(),
            "{name} has no explicit open_world_hint"
        );
        if !read_only {
            assert!(
                annotations.destructive_hint.is_some(),
                "{name} is a write tool without destructive_hint"
            );
            assert!(
                annotations.idempotent_hint.is_some(),
                "{name} is a write tool without idempotent_hint"
            );
        }
        let output = tool
            .output_schema
            .as_ref()
            .unwrap_or_else(|| panic!("{name} has no outputSchema"));
        assert_eq!(
            output.get("type"),
            Some(&json!("object")),
            "{name} output is not object-rooted"
        );
        assert_eq!(
            tool.input_schema.get("type"),
            Some(&json!("object")),
            "{name} input is not an object"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn destructive_tools_are_marked() {
    let server = start(&["--toolsets", "all"], &[]).await;
    let tools = server.client.list_all_tools().await.expect("tools/list");
    for name in [
        "delete_webinar",
        "remove_panelist",
        "remove_all_panelists",
        "delete_webinar_registrant",
        "update_webinar_status",
    ] {
        let tool = tools.iter().find(|tool| tool.name == name).expect(name);
        let annotations = tool.annotations.as_ref().expect("annotations");
        assert_eq!(annotations.destructive_hint, Some(true), "{name}");
        assert_eq!(annotations.read_only_hint, Some(false), "{name}");
    }
    for name in [
        "list_webinars",
        "get_webinar",
        "get_users",
        "get_token_status",
    ] {
        let tool = tools.iter().find(|tool| tool.name == name).expect(name);
        assert_eq!(
            tool.annotations.as_ref().and_then(|a| a.read_only_hint),
            Some(true),
            "{name}"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn tool_list_snapshot() {
    let server = start(&["--toolsets", "all"], &[]).await;
    let mut tools = server.client.list_all_tools().await.expect("tools/list");
    tools.sort_by(|a, b| a.name.cmp(&b.name));
    let snapshot: Vec<serde_json::Value> = tools
        .iter()
        .map(|tool| {
            json!({
                "name": tool.name,
                "title": tool.title,
                "description": tool.description,
                "annotations": tool.annotations,
                "inputSchema": tool.input_schema,
                "outputSchema": tool.output_schema,
            })
        })
        .collect();
    insta::assert_json_snapshot!("tools_list", snapshot);
    server.stop().await;
}

/// The bytes of the `tools/list` result as a client receives them.
fn listing_bytes(tools: &[rmcp::model::Tool]) -> usize {
    serde_json::to_string(&json!({ "tools": tools }))
        .expect("tools serialise")
        .len()
}

#[tokio::test]
async fn output_schemas_are_sent_only_on_request() {
    let plain = start(&["--sandbox"], &[("ZOOM_OUTPUT_SCHEMAS", "0")]).await;
    let with_schemas = start(&["--sandbox"], &[]).await;
    let plain_tools = plain.client.list_all_tools().await.expect("tools/list");
    let full_tools = with_schemas
        .client
        .list_all_tools()
        .await
        .expect("tools/list");
    assert!(
        plain_tools.iter().all(|tool| tool.output_schema.is_none()),
        "no outputSchema without ZOOM_OUTPUT_SCHEMAS"
    );
    assert!(
        full_tools.iter().any(|tool| tool.output_schema.is_some()),
        "ZOOM_OUTPUT_SCHEMAS=1 sends output schemas"
    );
    // Everything else is the same listing.
    let without_output = |tools: &[rmcp::model::Tool]| -> Vec<rmcp::model::Tool> {
        tools
            .iter()
            .cloned()
            .map(|mut tool| {
                tool.output_schema = None;
                tool
            })
            .collect()
    };
    assert_eq!(
        serde_json::to_value(without_output(&full_tools)).expect("serialise"),
        serde_json::to_value(&plain_tools).expect("serialise")
    );
    // Results keep their structured content either way.
    let result = call(&plain.client, "list_webinars", json!({})).await;
    assert_ne!(result.is_error, Some(true), "{}", text(&result));
    let structured = result
        .structured_content
        .expect("structured content without output schemas");
    assert!(structured["webinars"].is_array(), "{structured}");
    plain.stop().await;
    with_schemas.stop().await;
}

/// The default `tools/list` costs this many bytes of the model's context at
/// most. BENCHMARKS.md records the measured size and what it is made of.
const DEFAULT_LISTING_BUDGET: usize = 52_000;

#[tokio::test]
async fn default_listing_stays_within_its_context_budget() {
    let server = start(&[], &[("ZOOM_OUTPUT_SCHEMAS", "0")]).await;
    let tools = server.client.list_all_tools().await.expect("tools/list");
    let bytes = listing_bytes(&tools);
    assert!(
        bytes <= DEFAULT_LISTING_BUDGET,
        "the default tools/list is {bytes} bytes, above its budget of {DEFAULT_LISTING_BUDGET}"
    );
    let text = serde_json::to_string(&tools).expect("serialise");
    for noise in [
        "\"$schema\"",
        "\"default\":null",
        "\"format\":\"uint32\"",
        "\"$ref\"",
    ] {
        assert!(!text.contains(noise), "tools/list still carries {noise}");
    }
    server.stop().await;
}

#[tokio::test]
async fn missing_credentials_are_explained() {
    let server = start(&[], &[]).await;
    let message = call_err(&server.client, "list_webinars", json!({})).await;
    assert!(message.contains("ZOOM_ACCOUNT_ID"), "{message}");
    assert!(message.contains("ZOOM_CLIENT_SECRET"), "{message}");
    assert!(message.contains("--env-file"), "{message}");
    assert!(message.contains("configure_zoom"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn unexpanded_placeholders_count_as_missing() {
    let server = start(
        &[],
        &[
            ("ZOOM_ACCOUNT_ID", "${ZOOM_ACCOUNT_ID}"),
            ("ZOOM_CLIENT_ID", "client-id-value"),
            ("ZOOM_CLIENT_SECRET", ""),
        ],
    )
    .await;
    let message = call_err(&server.client, "get_users", json!({})).await;
    assert!(message.contains("ZOOM_ACCOUNT_ID"), "{message}");
    assert!(message.contains("ZOOM_CLIENT_SECRET"), "{message}");
    assert!(!message.contains("ZOOM_CLIENT_ID,"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn token_status_without_credentials() {
    let server = start(&[], &[]).await;
    let status = call_ok(&server.client, "get_token_status", json!({})).await;
    assert_eq!(status["configured"], json!(false));
    assert_eq!(status["valid"], json!(false));
    assert_eq!(status["time_zone"], json!("Asia/Kolkata"));
    server.stop().await;
}

#[tokio::test]
async fn resources_never_show_the_secret() {
    let secret = "test-secret-value-1234567890";
    let server = start(
        &[],
        &[
            ("ZOOM_ACCOUNT_ID", "account-id-value"),
            ("ZOOM_CLIENT_ID", "client-id-value"),
            ("ZOOM_CLIENT_SECRET", secret),
            ("ZOOM_DEFAULT_TIMEZONE", "Europe/London"),
        ],
    )
    .await;
    let resources = server
        .client
        .list_all_resources()
        .await
        .expect("resources/list");
    let mut uris: Vec<String> = resources
        .iter()
        .map(|resource| resource.uri.clone())
        .collect();
    uris.sort();
    assert_eq!(
        uris,
        [
            "zoom://config",
            "zoom://env-status",
            "zoom://token-status",
            "zoom://users"
        ]
    );

    let config = read_json(&server.client, "zoom://config").await;
    assert_eq!(config["default_time_zone"], json!("Europe/London"));
    assert_eq!(config["client_secret_set"], json!(true));
    assert_eq!(config["account_id"], json!("ac************ue"));
    let env_status = read_json(&server.client, "zoom://env-status").await;
    assert_eq!(
        env_status["variables"]["ZOOM_CLIENT_SECRET"]["set"],
        json!(true)
    );
    assert_eq!(
        env_status["variables"]["ZOOM_CLIENT_SECRET"]["source"]["kind"],
        json!("environment")
    );
    assert!(
        env_status["variables"]["ZOOM_CLIENT_SECRET"]
            .get("value")
            .is_none()
    );
    assert_eq!(
        env_status["variables"]["ZOOM_OAUTH_TOKEN_URL"]["source"]["kind"],
        json!("default")
    );
    let token_status = read_json(&server.client, "zoom://token-status").await;
    assert_eq!(token_status["configured"], json!(true));
    for body in [
        config.to_string(),
        env_status.to_string(),
        token_status.to_string(),
    ] {
        assert!(!body.contains(secret), "secret leaked: {body}");
        assert!(
            !body.contains("account-id-value"),
            "account id not masked: {body}"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn unknown_resource_is_a_protocol_error() {
    let server = start(&[], &[]).await;
    let error = server
        .client
        .read_resource(rmcp::model::ReadResourceRequestParams::new(
            "zoom://nothing",
        ))
        .await
        .expect_err("unknown resource must fail");
    let message = error.to_string();
    assert!(message.contains("zoom://nothing"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn bad_arguments_are_tool_errors() {
    let server = start(&[], &[]).await;
    let result = call(
        &server.client,
        "get_webinar",
        json!({ "webinar_id": "not-a-number" }),
    )
    .await;
    assert_eq!(result.is_error, Some(true));
    let message = text(&result);
    assert!(message.contains("webinar id"), "{message}");
    let result = call(
        &server.client,
        "get_webinar",
        json!({ "webinar_id": 123456789012345678901234567890u128.to_string() }),
    )
    .await;
    assert_eq!(result.is_error, Some(true), "{}", text(&result));
    server.stop().await;
}

#[tokio::test]
async fn log_file_is_written() {
    let server = start(&[], &[]).await;
    let log_file = server.log_file();
    call(&server.client, "get_token_status", json!({})).await;
    let _dir = server.stop().await;
    let mut contents = String::new();
    for _ in 0..50 {
        contents = std::fs::read_to_string(&log_file).unwrap_or_default();
        if contents.contains("serving MCP over stdio") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        contents.contains("serving MCP over stdio"),
        "log file: {contents}"
    );
}
