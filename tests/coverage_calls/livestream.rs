//! Live stream tools: read and configure the stream of a scheduled webinar,
//! then start and stop the stream of a webinar that is in session.

use serde_json::json;
use zoom_webinar_mcp::sandbox::seed;

use crate::contract_support::Coverage;

pub async fn livestream(coverage: &mut Coverage) {
    let recurring = seed::RECURRING_WEBINAR_ID;
    coverage
        .ok("get_webinar_livestream", json!({ "webinar_id": recurring }))
        .await;
    coverage
        .ok(
            "get_webinar_livestream",
            json!({ "webinar_id": seed::SINGLE_WEBINAR_ID }),
        )
        .await;
    coverage
        .ok(
            "update_webinar_livestream",
            json!({ "webinar_id": recurring, "stream_url": "rtmps://ingest.example.com/live",
                    "stream_key": "live_sk_9f8e7d6c5b4a", "page_url": "https://watch.example.com/event",
                    "resolution": "1080p" }),
        )
        .await;
    // The recurring webinar is not in session, so Zoom rejects a start.
    coverage
        .err(
            "update_webinar_livestream_status",
            json!({ "webinar_id": recurring, "action": "start" }),
        )
        .await;

    let live = coverage.create_live_webinar().await;
    coverage
        .ok(
            "update_webinar_livestream",
            json!({ "webinar_id": live, "stream_url": "rtmp://ingest.example.com/live",
                    "stream_key": "key123", "page_url": "https://watch.example.com",
                    "resolution": "720p" }),
        )
        .await;
    coverage
        .ok(
            "update_webinar_livestream_status",
            json!({ "webinar_id": live, "action": "start",
                    "settings": { "active_speaker_name": true, "display_name": "Launch" } }),
        )
        .await;
    coverage
        .ok(
            "update_webinar_livestream_status",
            json!({ "webinar_id": live, "action": "stop" }),
        )
        .await;
}
