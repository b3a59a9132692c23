//! Report tools, by webinar id (the latest ended instance) and by instance
//! UUID, including UUIDs that start with `/` or contain `//` and so are
//! encoded twice.

use serde_json::json;
use zoom_webinar_mcp::sandbox::seed;

use crate::contract_support::Coverage;

const REPORT_TOOLS: [&str; 4] = [
    "get_webinar_report",
    "get_webinar_report_polls",
    "get_webinar_report_qa",
    "get_webinar_report_survey",
];

pub async fn reports(coverage: &mut Coverage) {
    let past = seed::PAST_WEBINAR_ID;
    for tool in REPORT_TOOLS {
        coverage.ok(tool, json!({ "webinar_id": past })).await;
        coverage
            .ok(tool, json!({ "webinar_id": past.to_string() }))
            .await;
        for uuid in seed::PAST_INSTANCE_UUIDS {
            coverage.ok(tool, json!({ "webinar_id": uuid })).await;
        }
    }
    coverage
        .err(
            "get_webinar_report",
            json!({ "webinar_id": 99_999_999_999u64 }),
        )
        .await;

    let first = coverage
        .ok(
            "list_webinar_report_participants",
            json!({ "webinar_id": past, "page_size": 25 }),
        )
        .await;
    let token = first["next_page_token"]
        .as_str()
        .unwrap_or_else(|| panic!("no next_page_token in {first}"))
        .to_owned();
    coverage
        .ok(
            "list_webinar_report_participants",
            json!({ "webinar_id": past, "page_size": 25, "next_page_token": token }),
        )
        .await;
    coverage
        .ok(
            "list_webinar_report_participants",
            json!({ "webinar_id": past, "page_size": 1000, "detail": true }),
        )
        .await;
    coverage
        .ok(
            "list_webinar_report_participants",
            json!({ "webinar_id": past, "page_size": 10, "max_results": 35 }),
        )
        .await;
    for uuid in seed::PAST_INSTANCE_UUIDS {
        coverage
            .ok(
                "list_webinar_report_participants",
                json!({ "webinar_id": uuid }),
            )
            .await;
    }
}
