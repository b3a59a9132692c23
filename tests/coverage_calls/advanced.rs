//! Advanced tools: webinar templates, join tokens, the closed caption
//! token, the owner's ZAK, SIP dialing and live chat moderation.

use serde_json::json;
use zoom_webinar_mcp::sandbox::seed;

use crate::contract_support::Coverage;

pub async fn advanced(coverage: &mut Coverage) {
    let single = seed::SINGLE_WEBINAR_ID;
    let recurring = seed::RECURRING_WEBINAR_ID;
    coverage.ok("list_webinar_templates", json!({})).await;
    coverage
        .ok(
            "create_webinar_template",
            json!({ "webinar_id": recurring, "name": "Weekly office hours", "save_recurrence": true }),
        )
        .await;
    coverage
        .ok(
            "create_webinar_template",
            json!({ "webinar_id": recurring, "name": "Weekly office hours v2", "overwrite": true,
                    "user_id": seed::OWNER_EMAIL }),
        )
        .await;
    coverage
        .ok(
            "list_webinar_templates",
            json!({ "user_id": seed::OWNER_EMAIL }),
        )
        .await;
    coverage
        .err(
            "create_webinar_template",
            json!({ "webinar_id": seed::MANUAL_APPROVAL_WEBINAR_ID, "name": "Weekly office hours v2" }),
        )
        .await;

    for kind in ["live_streaming", "local_archiving", "local_recording"] {
        coverage
            .ok(
                "get_webinar_join_token",
                json!({ "webinar_id": single, "type": kind }),
            )
            .await;
    }
    coverage
        .ok("get_webinar_sip_dialing", json!({ "webinar_id": single }))
        .await;
    coverage
        .ok(
            "get_webinar_sip_dialing",
            json!({ "webinar_id": single, "passcode": "4321" }),
        )
        .await;
    coverage.ok("get_user_zak", json!({})).await;

    // The closed caption token and chat moderation need a webinar in session.
    coverage
        .err("get_closed_caption_token", json!({ "webinar_id": single }))
        .await;
    let live = coverage.create_live_webinar().await;
    coverage
        .ok("get_closed_caption_token", json!({ "webinar_id": live }))
        .await;
    let message_id = "MS17MDQ5NjE4QjYtRjk4Ny00REEwfQ==";
    coverage
        .ok(
            "delete_webinar_chat_message",
            json!({ "webinar_id": live, "message_id": message_id }),
        )
        .await;
    coverage
        .ok(
            "delete_webinar_chat_message",
            json!({ "webinar_id": live, "message_id": message_id,
                    "file_ids": ["RmlsZTE=", "RmlsZTI="] }),
        )
        .await;
}
