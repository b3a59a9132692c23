//! Toolsets, single tools and read-only mode change what `tools/list` shows.

mod common;

use std::collections::BTreeSet;

use common::{command, start};
use zoom_webinar_mcp::tools::toolsets::{TOOLSETS, toolset_of};

async fn tool_names(args: &[&str], envs: &[(&str, &str)]) -> BTreeSet<String> {
    let server = start(args, envs).await;
    let tools = server.client.list_all_tools().await.expect("tools/list");
    server.stop().await;
    tools.iter().map(|tool| tool.name.to_string()).collect()
}

fn toolset_tools(names: &[&str]) -> BTreeSet<String> {
    TOOLSETS
        .iter()
        .filter(|set| names.contains(&set.name))
        .flat_map(|set| set.tools.iter().map(|tool| tool.to_string()))
        .collect()
}

#[tokio::test]
async fn every_tool_is_in_one_toolset() {
    let all = tool_names(&["--toolsets", "all"], &[]).await;
    for name in &all {
        let owners: Vec<&str> = TOOLSETS
            .iter()
            .filter(|set| set.tools.contains(&name.as_str()))
            .map(|set| set.name)
            .collect();
        assert_eq!(owners.len(), 1, "{name} is in toolsets {owners:?}");
    }
    for set in TOOLSETS {
        for tool in set.tools {
            assert!(
                all.contains(*tool),
                "toolset {} names {tool}, which the server does not offer",
                set.name
            );
        }
    }
}

#[tokio::test]
async fn default_toolsets() {
    let names = tool_names(&[], &[]).await;
    let defaults: Vec<&str> = TOOLSETS
        .iter()
        .filter(|set| set.default)
        .map(|set| set.name)
        .collect();
    assert_eq!(names, toolset_tools(&defaults));
    assert!(names.contains("list_webinars"));
    assert!(!names.contains("get_webinar_report"));
}

#[tokio::test]
async fn chosen_toolsets_only() {
    let names = tool_names(&["--toolsets", "polls,reports"], &[]).await;
    assert_eq!(names, toolset_tools(&["polls", "reports"]));
    let from_env = tool_names(&[], &[("ZOOM_TOOLSETS", "polls,reports")]).await;
    assert_eq!(from_env, names);
}

#[tokio::test]
async fn single_tools_add_to_toolsets() {
    let names = tool_names(
        &[
            "--toolsets",
            "config",
            "--tools",
            "get_webinar_report,list_webinars",
        ],
        &[],
    )
    .await;
    let mut expected = toolset_tools(&["config"]);
    expected.insert("get_webinar_report".to_string());
    expected.insert("list_webinars".to_string());
    assert_eq!(names, expected);
    let from_env = tool_names(
        &[],
        &[
            ("ZOOM_TOOLSETS", "config"),
            ("ZOOM_TOOLS", "get_webinar_report,list_webinars"),
        ],
    )
    .await;
    assert_eq!(from_env, names);
}

#[tokio::test]
async fn read_only_overrides_everything() {
    let server = start(
        &[
            "--toolsets",
            "all",
            "--tools",
            "delete_webinar",
            "--read-only",
        ],
        &[],
    )
    .await;
    let tools = server.client.list_all_tools().await.expect("tools/list");
    assert!(!tools.is_empty());
    for tool in &tools {
        let read_only = tool
            .annotations
            .as_ref()
            .and_then(|annotations| annotations.read_only_hint);
        assert_eq!(
            read_only,
            Some(true),
            "{} listed in read-only mode",
            tool.name
        );
    }
    let names: BTreeSet<String> = tools.iter().map(|tool| tool.name.to_string()).collect();
    assert!(!names.contains("delete_webinar"));
    assert!(names.contains("get_webinar"));
    let error = server
        .client
        .call_tool(
            rmcp::model::CallToolRequestParams::new("delete_webinar").with_arguments(
                serde_json::json!({ "webinar_id": 1 })
                    .as_object()
                    .unwrap()
                    .clone(),
            ),
        )
        .await
        .expect_err("a hidden tool cannot be called");
    let message = error.to_string();
    assert!(message.contains("-32602"), "{message}");
    assert!(
        message.contains("\"delete_webinar\" is hidden because the server runs in read-only mode"),
        "{message}"
    );
    server.stop().await;

    let from_env = tool_names(&["--toolsets", "all"], &[("ZOOM_READ_ONLY", "1")]).await;
    assert_eq!(from_env, names);
}

#[tokio::test]
async fn unknown_names_stop_the_server() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["--toolsets", "webinars,nonsense"],
        vec!["--tools", "no_such_tool"],
    ] {
        let output = command(dir.path(), &args, &[]).output().await.expect("run");
        assert!(!output.status.success(), "{args:?} started");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("nonsense") || stderr.contains("no_such_tool"),
            "{stderr}"
        );
        assert!(output.stdout.is_empty());
    }
    let output = command(dir.path(), &[], &[("ZOOM_READ_ONLY", "maybe")])
        .output()
        .await
        .expect("run");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("ZOOM_READ_ONLY"));
}

#[test]
fn toolset_lookup() {
    assert_eq!(toolset_of("list_webinars"), Some("webinars"));
    assert_eq!(toolset_of("nothing"), None);
}

#[tokio::test]
async fn unlisted_tool_call_names_the_fix() {
    let server = start(&["--sandbox"], &[]).await;
    let call = |name: &'static str| {
        let client = &server.client;
        async move {
            client
                .call_tool(rmcp::model::CallToolRequestParams::new(name))
                .await
                .expect_err("an unlisted tool cannot be called")
                .to_string()
        }
    };

    let message = call("get_webinar_report").await;
    assert!(message.contains("-32602"), "{message}");
    assert!(
        message.contains("\"get_webinar_report\" is not enabled on this server: it belongs to the reports toolset"),
        "{message}"
    );
    assert!(message.contains("--tools get_webinar_report"), "{message}");

    let message = call("no_such_tool").await;
    assert!(message.contains("-32602"), "{message}");
    assert!(
        message.contains("unknown tool \"no_such_tool\": call tools/list"),
        "{message}"
    );
    server.stop().await;
}
