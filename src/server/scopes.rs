//! Scope awareness: tools that the access token's scopes cannot serve are
//! marked in tools/list (or left out with `--hide-unauthorized`) and
//! refused before any request is sent.
//!
//! The server reads the scopes from the token response, so it has them
//! once it holds a token: after the first Zoom call, `refresh_token` or
//! `configure_zoom`, or right after the client's `initialized` notification
//! when the token cache file contains an unexpired token for the app. It never requests a
//! token on its own, so until one of these happens every tool is listed as
//! usual and a missing scope shows up as Zoom's error 4711. When the known
//! scopes change and the tool list changes with them, the server sends
//! `notifications/tools/list_changed`.

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};

use rmcp::model::{
    CacheScope, CallToolResponse, CallToolResult, ContentBlock, ListToolsResult, ProtocolVersion,
    ResultType, Tool,
};
use rmcp::service::{Peer, RequestContext};
use rmcp::{ErrorData as McpError, RoleServer};

use super::{AppState, ZoomServer};
use crate::zoom::scopes::{self, GrantedScopes, MissingScope, ToolAccess};

/// Per-server switches of scope awareness.
#[derive(Debug, Default)]
pub(crate) struct ScopeGate {
    hide_unauthorized: bool,
    watching: AtomicBool,
}

impl ScopeGate {
    pub(crate) fn new(hide_unauthorized: bool) -> ScopeGate {
        ScopeGate {
            hide_unauthorized,
            watching: AtomicBool::new(false),
        }
    }
}

/// Returns the tools/list result: the router's tools with the known scopes applied.
pub(crate) fn list_tools_result(
    server: &ZoomServer,
    context: &RequestContext<RoleServer>,
) -> ListToolsResult {
    let supports_cache_hints = context
        .protocol_version()
        .is_some_and(|version| version >= ProtocolVersion::V_2026_07_28);
    ListToolsResult {
        result_type: Some(ResultType::COMPLETE),
        tools: visible_tools(server),
        meta: None,
        next_cursor: None,
        ttl_ms: supports_cache_hints.then_some(0),
        cache_scope: supports_cache_hints.then_some(CacheScope::Public),
    }
}

fn visible_tools(server: &ZoomServer) -> Vec<Tool> {
    let known = server.state.zoom.tokens().known_scopes();
    apply_scopes(
        server.tool_router.list_all(),
        known.as_deref(),
        server.scope_gate.hide_unauthorized,
    )
}

/// Marks or removes the tools that cannot work with `known` scopes. Unknown
/// scopes leave the list as it is.
pub(crate) fn apply_scopes(
    tools: Vec<Tool>,
    known: Option<&GrantedScopes>,
    hide_unauthorized: bool,
) -> Vec<Tool> {
    let Some(granted) = known else {
        return tools;
    };
    let mut visible = Vec::with_capacity(tools.len());
    for mut tool in tools {
        let ToolAccess::CannotWork { missing } = scopes::assess(&tool.name, granted) else {
            visible.push(tool);
            continue;
        };
        if hide_unauthorized {
            continue;
        }
        let description = tool.description.as_deref().unwrap_or_default();
        tool.description = Some(format!("{description}\n{}", description_note(&missing)).into());
        visible.push(tool);
    }
    visible
}

/// Runs `call` unless the known scopes show that the tool cannot work, in
/// which case it returns an `isError` result naming the missing scopes and
/// sends nothing to Zoom.
pub(crate) async fn gated<F>(
    state: &AppState,
    tool: &str,
    call: F,
) -> Result<CallToolResponse, McpError>
where
    F: Future<Output = Result<CallToolResponse, McpError>>,
{
    if let Some(granted) = state.zoom.tokens().known_scopes()
        && let ToolAccess::CannotWork { missing } = scopes::assess(tool, &granted)
    {
        tracing::info!(
            tool,
            missing = ?missing.iter().map(|m| m.call.endpoint).collect::<Vec<_>>(),
            "refused a tool call that the token's scopes cannot serve; no request sent"
        );
        let text = refusal_message(tool, &missing);
        return Ok(CallToolResult::error(vec![ContentBlock::text(text)]).into());
    }
    call.await
}

/// Starts watching the known scopes for this session: learns them from an
/// unexpired cached token, without a token request, and sends
/// `notifications/tools/list_changed` whenever a change of scopes changes
/// the tool list. Only the first call per server starts a watcher.
pub(crate) fn watch_tool_list(server: &ZoomServer, peer: Peer<RoleServer>) {
    if server.scope_gate.watching.swap(true, Ordering::SeqCst) {
        return;
    }
    let tokens = server.state.zoom.tokens();
    let mut changes = tokens.watch_scopes();
    changes.mark_unchanged();
    let mut published = signature(&visible_tools(server));
    if let Ok(credentials) = server.state.zoom.credentials() {
        tokens.learn_scopes_from_cache(&credentials);
    }
    let server = server.clone();
    tokio::spawn(async move {
        while changes.changed().await.is_ok() {
            if peer.is_transport_closed() {
                break;
            }
            let current = signature(&visible_tools(&server));
            if current == published {
                continue;
            }
            published = current;
            tracing::info!("the token's scopes changed the tool list; notifying the client");
            if let Err(error) = peer.notify_tool_list_changed().await {
                tracing::warn!(%error, "could not send notifications/tools/list_changed");
            }
        }
    });
}

/// Returns the names and descriptions, the parts of a tool list that scopes change.
fn signature(tools: &[Tool]) -> Vec<(String, String)> {
    tools
        .iter()
        .map(|tool| {
            (
                tool.name.to_string(),
                tool.description.as_deref().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// Returns the sentence appended to the description of a tool that cannot work.
fn description_note(missing: &[MissingScope]) -> String {
    let needs: Vec<String> = missing
        .iter()
        .map(|entry| {
            format!(
                "{} (classic) or {} (granular) for {}",
                entry.scopes.classic[0], entry.scopes.granular[0], entry.call.endpoint
            )
        })
        .collect();
    format!(
        "Unavailable: the app's access token lacks the scope {}.",
        needs.join("; and ")
    )
}

/// The `isError` text: what is missing, that nothing was sent, and the fix.
pub(crate) fn refusal_message(tool: &str, missing: &[MissingScope]) -> String {
    let mut text = format!(
        "{tool} cannot work with the current access token, so no request was sent to Zoom. \
         The token lacks a scope for:"
    );
    for entry in missing {
        let condition = entry
            .call
            .when
            .map(|when| format!(" (called when {when})"))
            .unwrap_or_default();
        text.push_str(&format!(
            "\n- {}{condition}: add one of the classic scopes {} or one of the granular scopes {}",
            entry.call.endpoint,
            entry.scopes.classic.join(", "),
            entry.scopes.granular.join(", ")
        ));
    }
    text.push_str(
        "\nAdd one scope per line on the app's Scopes page in the Zoom App Marketplace, \
         then call refresh_token so the server gets a token with the new scopes \
         (in read-only mode, delete the token cache file and restart the server). \
         `zoom-webinar-mcp check` lists every tool's missing scopes.",
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn router_tools() -> Vec<Tool> {
        crate::tools::router().list_all()
    }

    fn read_only_scopes() -> GrantedScopes {
        ["user:read:admin", "webinar:read:admin"]
            .into_iter()
            .collect()
    }

    #[test]
    fn unknown_scopes_change_nothing() {
        let tools = router_tools();
        let count = tools.len();
        assert_eq!(apply_scopes(tools, None, true).len(), count);
    }

    #[test]
    fn missing_scope_is_named_in_the_description() {
        let tools = apply_scopes(router_tools(), Some(&read_only_scopes()), false);
        let create = tools
            .iter()
            .find(|tool| tool.name == "create_webinar")
            .expect("create_webinar stays listed");
        let description = create.description.as_deref().unwrap();
        assert!(
            description.contains("webinar:write:webinar:admin"),
            "{description}"
        );
        assert!(description.contains("webinar:write:admin"), "{description}");
        let list = tools
            .iter()
            .find(|tool| tool.name == "list_webinars")
            .unwrap();
        assert!(!list.description.as_deref().unwrap().contains("Unavailable"));
    }

    #[test]
    fn hide_removes_only_tools_that_cannot_work() {
        let all = router_tools();
        let tools = apply_scopes(all.clone(), Some(&read_only_scopes()), true);
        let names: Vec<&str> = tools.iter().map(|tool| tool.name.as_ref()).collect();
        assert!(!names.contains(&"create_webinar"));
        assert!(names.contains(&"list_webinars"));
        assert!(names.contains(&"configure_zoom"));
        // Limited tools stay: a dry run needs no scope.
        assert!(names.contains(&"schedule_webinar_from_prompt"));
        assert!(tools.len() < all.len());
    }

    #[test]
    fn refusal_names_scopes_and_fix() {
        let access = scopes::assess("create_webinar", &read_only_scopes());
        let text = refusal_message("create_webinar", access.missing());
        assert!(text.contains("no request was sent"), "{text}");
        assert!(text.contains("POST /users/{userId}/webinars"), "{text}");
        assert!(text.contains("webinar:write:webinar:admin"), "{text}");
        assert!(text.contains("Scopes page"), "{text}");
        assert!(text.contains("refresh_token"), "{text}");
    }
}
