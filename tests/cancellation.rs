//! Cancelled and overdue tool calls, through the real binary against a
//! sandbox that delays responses: the Zoom request in flight is aborted,
//! nothing is written later, and the server keeps serving.

mod common;
mod live_support;

use std::time::Duration;

use common::{call, call_ok, local_in_days, text};
use live_support::{add_fault, sandbox, start, start_with_args, wait_for_events, webinar_topics};
use rmcp::model::{CallToolRequest, CallToolRequestParams, ClientRequest};
use rmcp::service::PeerRequestOptions;
use serde_json::json;

const CREATE_PATH: &str = "/v2/users/{userId}/webinars";

#[tokio::test]
async fn cancel_aborts_the_zoom_request() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    add_fault(
        &sandbox,
        json!({"fault": "delay", "method": "POST", "path": CREATE_PATH, "delay_ms": 2000}),
    )
    .await;

    let arguments =
        json!({"topic": "Cancelled before creation", "start_time": local_in_days(5, 10)});
    let request = ClientRequest::CallToolRequest(CallToolRequest::new(
        CallToolRequestParams::new("create_webinar")
            .with_arguments(arguments.as_object().cloned().unwrap()),
    ));
    let handle = server
        .client
        .send_cancellable_request(request, PeerRequestOptions::no_options())
        .await
        .expect("request sent");
    // The POST is inside the sandbox's delay, not yet served.
    wait_for_events(&sandbox, |events| {
        events
            .first()
            .is_some_and(|event| event["outcome"] == "waiting")
    })
    .await;

    handle
        .cancel(Some("the user stopped it".to_string()))
        .await
        .expect("cancel sent");

    // The server dropped the request, so the sandbox saw the client leave
    // before serving it.
    let events = wait_for_events(&sandbox, |events| {
        events
            .first()
            .is_some_and(|event| event["outcome"] != "waiting")
    })
    .await;
    assert_eq!(events[0]["outcome"], "abandoned");

    // The server still serves, and after the delay has passed no webinar
    // was created.
    call_ok(&server.client, "list_webinars", json!({})).await;
    tokio::time::sleep(Duration::from_millis(2200)).await;
    let topics = webinar_topics(&sandbox).await;
    assert!(
        !topics
            .iter()
            .any(|topic| topic == "Cancelled before creation"),
        "{topics:?}"
    );
    server.stop().await;
}

#[tokio::test]
async fn deadline_stops_a_slow_read() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[("ZOOM_TOOL_DEADLINE_SECS", "1")]).await;
    add_fault(
        &sandbox,
        json!({"fault": "delay", "method": "GET", "path": CREATE_PATH, "delay_ms": 3000}),
    )
    .await;

    let result = call(&server.client, "list_webinars", json!({})).await;
    assert_eq!(result.is_error, Some(true));
    let message = text(&result);
    assert!(
        message.contains("list_webinars did not finish within the 1 s tool deadline"),
        "{message}"
    );
    assert!(message.contains("can be retried as is"), "{message}");

    let events = wait_for_events(&sandbox, |events| {
        events
            .first()
            .is_some_and(|event| event["outcome"] != "waiting")
    })
    .await;
    assert_eq!(events[0]["outcome"], "abandoned");
    call_ok(&server.client, "list_webinars", json!({})).await;
    server.stop().await;
}

#[tokio::test]
async fn deadline_flag_warns_write_tools() {
    let sandbox = sandbox().await;
    let server = start_with_args(&sandbox, &["--tool-deadline", "1"], &[]).await;
    add_fault(
        &sandbox,
        json!({"fault": "delay", "method": "POST", "path": CREATE_PATH, "delay_ms": 3000, "after_serving": true}),
    )
    .await;

    let arguments = json!({"topic": "Overdue create", "start_time": local_in_days(5, 10)});
    let result = call(&server.client, "create_webinar", arguments).await;
    assert_eq!(result.is_error, Some(true));
    let message = text(&result);
    assert!(
        message.contains("create_webinar did not finish within the 1 s tool deadline"),
        "{message}"
    );
    assert!(message.contains("may have taken effect"), "{message}");
    // The write happened before the response was held back, which is why
    // the message tells the user to check first.
    let topics = webinar_topics(&sandbox).await;
    assert_eq!(
        topics
            .iter()
            .filter(|topic| *topic == "Overdue create")
            .count(),
        1
    );
    server.stop().await;
}
