//! Survey tools: read, replace, link to a third-party survey and delete.

use serde_json::json;
use zoom_webinar_mcp::sandbox::seed;

use crate::contract_support::Coverage;

pub async fn surveys(coverage: &mut Coverage) {
    let recurring = seed::RECURRING_WEBINAR_ID;
    coverage
        .ok("get_webinar_survey", json!({ "webinar_id": recurring }))
        .await;
    coverage
        .ok(
            "update_webinar_survey",
            json!({ "webinar_id": recurring, "show_in_the_browser": true,
                    "show_in_the_follow_up_email": false,
                    "custom_survey": { "title": "After the session", "anonymous": true, "questions": [
                        { "name": "Rate the pace", "type": "rating_scale",
                          "rating_min_value": 1, "rating_max_value": 5 },
                        { "name": "Order these topics", "type": "rank_order",
                          "answers": ["Scheduling", "Reports"], "prompts": ["First", "Second"] },
                        { "name": "Pick one", "type": "single", "answers": ["Yes", "No"],
                          "answer_required": true },
                        { "name": "Anything else?", "type": "long_answer",
                          "answer_max_character": 2000 } ] } }),
        )
        .await;
    coverage
        .ok(
            "update_webinar_survey",
            json!({ "webinar_id": seed::SINGLE_WEBINAR_ID,
                    "third_party_survey": "https://forms.example.com/s/42" }),
        )
        .await;
    coverage
        .ok("delete_webinar_survey", json!({ "webinar_id": recurring }))
        .await;
    coverage
        .ok("get_webinar_survey", json!({ "webinar_id": recurring }))
        .await;
    coverage
        .err(
            "get_webinar_survey",
            json!({ "webinar_id": 99_999_999_999u64 }),
        )
        .await;
}
