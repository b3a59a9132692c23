use std::collections::BTreeSet;

use serde_json::Value;

use super::*;
use crate::zoom::CALLED_ENDPOINTS;

fn granted(scopes: &[&str]) -> GrantedScopes {
    scopes.iter().copied().collect()
}

#[test]
fn table_lists_every_called_endpoint_once() {
    let called: Vec<String> = CALLED_ENDPOINTS.iter().map(|e| e.key()).collect();
    let listed: Vec<String> = ENDPOINT_SCOPES.iter().map(EndpointScopes::key).collect();
    assert_eq!(listed, called);
}

#[test]
fn every_endpoint_has_classic_and_granular_scopes() {
    for entry in ENDPOINT_SCOPES {
        assert!(
            !entry.classic.is_empty(),
            "{} has no classic scope",
            entry.key()
        );
        assert!(
            !entry.granular.is_empty(),
            "{} has no granular scope",
            entry.key()
        );
    }
}

#[test]
fn scopes_match_the_contract() {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/zoom-contract.json"
    ));
    let contract: Value = serde_json::from_str(text).expect("contract is JSON");
    let as_set = |value: &Value| -> BTreeSet<String> {
        value
            .as_array()
            .expect("a scope list")
            .iter()
            .map(|scope| scope.as_str().expect("a scope name").to_owned())
            .collect()
    };
    for entry in ENDPOINT_SCOPES {
        let key = entry.key();
        let scopes = &contract["endpoints"][&key]["scopes"];
        let table_classic: BTreeSet<String> =
            entry.classic.iter().map(|s| (*s).to_owned()).collect();
        let table_granular: BTreeSet<String> =
            entry.granular.iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(
            table_classic,
            as_set(&scopes["classic"]),
            "classic scopes of {key}"
        );
        assert_eq!(
            table_granular,
            as_set(&scopes["granular"]),
            "granular scopes of {key}"
        );
    }
}

#[test]
fn admin_variants_come_first() {
    for entry in ENDPOINT_SCOPES {
        for list in [entry.classic, entry.granular] {
            let first_plain = list.iter().position(|scope| !scope.contains(":admin"));
            let last_admin = list.iter().rposition(|scope| scope.contains(":admin"));
            if let (Some(plain), Some(admin)) = (first_plain, last_admin) {
                assert!(admin < plain, "{}: {list:?}", entry.key());
            }
        }
    }
}

#[test]
fn every_call_names_a_listed_endpoint() {
    for entry in TOOL_CALLS {
        for call in entry.calls {
            assert!(
                endpoint_scopes_by_key(call.endpoint).is_some(),
                "{} calls {}, which is not in ENDPOINT_SCOPES",
                entry.tool,
                call.endpoint
            );
        }
    }
}

#[test]
fn every_router_tool_has_an_entry() {
    let router_tools: BTreeSet<String> = crate::tools::router()
        .list_all()
        .into_iter()
        .map(|tool| tool.name.to_string())
        .collect();
    let table_tools: BTreeSet<String> = TOOL_CALLS
        .iter()
        .map(|entry| entry.tool.to_owned())
        .collect();
    let missing: Vec<&String> = router_tools.difference(&table_tools).collect();
    let stale: Vec<&String> = table_tools.difference(&router_tools).collect();
    assert!(
        missing.is_empty(),
        "tools without a TOOL_CALLS entry: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "TOOL_CALLS entries for unknown tools: {stale:?}"
    );
    assert_eq!(
        TOOL_CALLS.len(),
        table_tools.len(),
        "a tool is listed twice"
    );
}

#[test]
fn every_called_endpoint_is_used_by_a_tool() {
    let used: BTreeSet<&str> = TOOL_CALLS
        .iter()
        .flat_map(|entry| entry.calls.iter().map(|call| call.endpoint))
        .collect();
    for endpoint in CALLED_ENDPOINTS {
        assert!(
            used.contains(endpoint.key().as_str()),
            "no tool calls {}",
            endpoint.key()
        );
    }
}

#[test]
fn full_scope_set_lets_every_tool_work() {
    let scopes: GrantedScopes = full_scope_set().into_iter().collect();
    for entry in TOOL_CALLS {
        assert_eq!(
            assess(entry.tool, &scopes),
            ToolAccess::Works,
            "{}",
            entry.tool
        );
    }
}

#[test]
fn classic_full_set_lets_every_tool_work() {
    // The classic set for full use of every toolset in SCOPES.md.
    let scopes = granted(&[
        "user:read:admin",
        "webinar:read:admin",
        "webinar:write:admin",
        "report:read:admin",
        "webinar_token:read:admin:live_streaming",
        "webinar_token:read:admin:local_archiving",
        "webinar_token:read:admin:local_recording",
        "webinar:write:admin:sip_dialing",
        "user_zak:read",
    ]);
    for entry in TOOL_CALLS {
        assert_eq!(
            assess(entry.tool, &scopes),
            ToolAccess::Works,
            "{}",
            entry.tool
        );
    }
}

#[test]
fn missing_unconditional_scope_means_cannot_work() {
    let scopes = granted(&["webinar:read:admin"]);
    let access = assess("delete_webinar", &scopes);
    let ToolAccess::CannotWork { missing } = &access else {
        panic!("expected CannotWork, got {access:?}");
    };
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].call.endpoint, "DELETE /webinars/{webinarId}");
    assert_eq!(
        missing[0].scopes.granular[0],
        "webinar:delete:webinar:admin"
    );
}

#[test]
fn granular_scope_alone_is_enough() {
    let scopes = granted(&["webinar:read:webinar:admin"]);
    assert_eq!(assess("get_webinar", &scopes), ToolAccess::Works);
}

#[test]
fn missing_conditional_scope_means_limited() {
    let scopes = granted(&["webinar:delete:registrant:admin"]);
    let access = assess("delete_webinar_registrant", &scopes);
    let ToolAccess::Limited { missing } = &access else {
        panic!("expected Limited, got {access:?}");
    };
    assert_eq!(
        missing[0].call.endpoint,
        "GET /webinars/{webinarId}/registrants"
    );
}

#[test]
fn every_conditional_call_missing_means_cannot_work() {
    let access = assess("get_webinar_join_token", &granted(&["webinar:read:admin"]));
    assert!(
        matches!(access, ToolAccess::CannotWork { .. }),
        "{access:?}"
    );
    assert_eq!(access.missing().len(), 3);
}

#[test]
fn dry_run_keeps_a_tool_limited() {
    let access = assess(
        "schedule_webinar_from_prompt",
        &granted(&["webinar:read:admin"]),
    );
    assert!(matches!(access, ToolAccess::Limited { .. }), "{access:?}");
}

#[test]
fn configuration_tools_need_no_scope() {
    for tool in ["configure_zoom", "refresh_token", "get_token_status"] {
        assert_eq!(assess(tool, &GrantedScopes::default()), ToolAccess::Works);
    }
}
