//! The Zoom client's retries, through the real binary against a sandbox
//! that injects faults: rate limits, token rejection, server errors,
//! timeouts, dropped connections and non-JSON bodies.

mod common;
mod live_support;

use common::{call_err, call_ok, local_in_days};
use live_support::{
    add_fault, count_requests, fault_events, sandbox, sandbox_with, start, token_requests,
    wait_for_events, webinar_topics,
};
use serde_json::json;
use zoom_webinar_mcp::sandbox::SandboxOptions;
use zoom_webinar_mcp::sandbox::seed::{BASIC_EMAIL, HOST_WEBINAR_ID};

const LIST_PATH: &str = "/v2/users/{userId}/webinars";
const QPS_MESSAGE: &str =
    "You have reached the maximum per-second rate limit for this API. Try again later.";

fn create_args(topic: &str) -> serde_json::Value {
    json!({"topic": topic, "start_time": local_in_days(5, 10)})
}

fn topic_count(topics: &[String], topic: &str) -> usize {
    topics.iter().filter(|existing| *existing == topic).count()
}

#[tokio::test]
async fn qps_limit_waits_retry_after() {
    let sandbox = sandbox().await;
    // Backoff would wait 30 to 60 s, beyond the 10 s retry limit, so only
    // Retry-After: 0 lets the retry happen.
    let server = start(&sandbox, &[("ZOOM_RETRY_BASE_DELAY_MS", "60000")]).await;
    add_fault(
        &sandbox,
        json!({"fault": "respond", "method": "GET", "path": LIST_PATH, "times": 2, "status": 429,
               "headers": {"Retry-After": "0", "X-RateLimit-Type": "QPS"},
               "body": {"code": 429, "message": QPS_MESSAGE}}),
    )
    .await;

    let list = call_ok(&server.client, "list_webinars", json!({})).await;
    assert!(!list["webinars"].as_array().unwrap().is_empty());
    assert_eq!(fault_events(&sandbox).await.len(), 2);
    assert_eq!(
        count_requests(&sandbox, "GET", "/v2/users/me/webinars").await,
        1
    );
    server.stop().await;
}

#[tokio::test]
async fn qps_limit_without_headers_backs_off() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    add_fault(
        &sandbox,
        json!({"fault": "respond", "method": "GET", "path": LIST_PATH, "times": 2, "status": 429,
               "body": {"code": 429, "message": QPS_MESSAGE}}),
    )
    .await;

    call_ok(&server.client, "list_webinars", json!({})).await;
    assert_eq!(fault_events(&sandbox).await.len(), 2);
    server.stop().await;
}

#[tokio::test]
async fn qps_limit_stops_after_max_attempts() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[("ZOOM_RETRY_MAX_ATTEMPTS", "3")]).await;
    add_fault(
        &sandbox,
        json!({"fault": "respond", "method": "GET", "path": LIST_PATH, "times": 10, "status": 429,
               "headers": {"X-RateLimit-Type": "QPS"},
               "body": {"code": 429, "message": QPS_MESSAGE}}),
    )
    .await;

    let error = call_err(&server.client, "list_webinars", json!({})).await;
    assert!(error.contains("HTTP 429"), "{error}");
    assert!(error.contains("sent 3 times"), "{error}");
    assert!(error.contains("per-second rate limit"), "{error}");
    assert_eq!(fault_events(&sandbox).await.len(), 3);
    server.stop().await;
}

#[tokio::test]
async fn qps_limit_retries_post_once_created() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    add_fault(
        &sandbox,
        json!({"fault": "respond", "method": "POST", "path": LIST_PATH, "status": 429,
               "headers": {"Retry-After": "0"},
               "body": {"code": 429, "message": QPS_MESSAGE}}),
    )
    .await;

    call_ok(
        &server.client,
        "create_webinar",
        create_args("Rate limited once"),
    )
    .await;
    assert_eq!(fault_events(&sandbox).await.len(), 1);
    let topics = webinar_topics(&sandbox).await;
    assert_eq!(topic_count(&topics, "Rate limited once"), 1);
    server.stop().await;
}

#[tokio::test]
async fn daily_limit_is_not_retried() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    add_fault(
        &sandbox,
        json!({"fault": "respond", "method": "POST", "path": LIST_PATH, "times": 5, "status": 429,
               "headers": {"X-RateLimit-Type": "Daily-limit", "X-RateLimit-Category": "Heavy",
                           "X-RateLimit-Limit": "30000", "X-RateLimit-Remaining": "0",
                           "Retry-After": "2030-01-02T00:00:00Z"},
               "body": {"code": 429, "message": "You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request."}}),
    )
    .await;

    let error = call_err(
        &server.client,
        "create_webinar",
        create_args("Daily limited"),
    )
    .await;
    assert!(
        error.contains("daily limit of 30000 Heavy requests"),
        "{error}"
    );
    assert!(error.contains("2030-01-02 00:00 UTC"), "{error}");
    assert!(error.contains("2030-01-02 05:30 IST"), "{error}");
    assert!(error.contains("Asia/Kolkata"), "{error}");
    assert!(error.contains("does not retry"), "{error}");
    assert_eq!(fault_events(&sandbox).await.len(), 1);
    server.stop().await;
}

#[tokio::test]
async fn registrant_daily_limit_names_the_limit() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    add_fault(
        &sandbox,
        json!({"fault": "respond", "method": "PUT", "path": "/v2/webinars/{webinarId}/registrants/status",
               "times": 5, "status": 429,
               "body": {"code": 429, "message": "You have exceeded the daily rate limit of (10) for webinar Update registrant's status API requests for the registrant (amy@example.com). You can resume these API requests at GMT 00:00:00."}}),
    )
    .await;

    let error = call_err(
        &server.client,
        "update_webinar_registrant_status",
        json!({"webinar_id": 81100000003u64, "action": "approve", "emails": ["amy@example.com"]}),
    )
    .await;
    assert!(
        error.contains("10 \"webinar Update registrant's status\" requests per day for the registrant amy@example.com"),
        "{error}"
    );
    assert!(error.contains("00:00 UTC"), "{error}");
    assert!(error.contains("Asia/Kolkata"), "{error}");
    assert_eq!(fault_events(&sandbox).await.len(), 1);
    server.stop().await;
}

#[tokio::test]
async fn revoked_token_is_renewed_once() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    call_ok(&server.client, "list_webinars", json!({})).await;
    assert_eq!(token_requests(&sandbox).await, 1);

    add_fault(&sandbox, json!({"fault": "invalidate_tokens"})).await;
    call_ok(&server.client, "list_webinars", json!({})).await;
    assert_eq!(token_requests(&sandbox).await, 2);
    let rejected = live_support::requests(&sandbox)
        .await
        .iter()
        .filter(|entry| entry["status"] == 401 && entry["zoom_code"] == 124)
        .count();
    assert_eq!(rejected, 1);
    server.stop().await;
}

#[tokio::test]
async fn rejected_token_is_renewed_only_once() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    add_fault(
        &sandbox,
        json!({"fault": "respond", "method": "GET", "path": LIST_PATH, "times": 5, "status": 401,
               "body": {"code": 124, "message": "Invalid access token."}}),
    )
    .await;

    let error = call_err(&server.client, "list_webinars", json!({})).await;
    assert!(error.contains("HTTP 401 (code 124)"), "{error}");
    assert!(error.contains("refresh_token"), "{error}");
    assert_eq!(fault_events(&sandbox).await.len(), 2);
    assert_eq!(token_requests(&sandbox).await, 2);
    server.stop().await;
}

#[tokio::test]
async fn missing_scope_names_the_scopes() {
    let sandbox = sandbox_with(SandboxOptions {
        scopes: Some(vec!["user:read:admin".to_string()]),
        ..SandboxOptions::default()
    })
    .await;
    let server = start(&sandbox, &[]).await;

    let error = call_err(&server.client, "list_webinars", json!({})).await;
    assert!(error.contains("code 4711"), "{error}");
    assert!(
        error.contains("webinar:read:list_webinars:admin"),
        "{error}"
    );
    assert!(error.contains("Add Scopes"), "{error}");
    assert!(error.contains("refresh_token"), "{error}");
    assert_eq!(
        count_requests(&sandbox, "GET", "/v2/users/me/webinars").await,
        1
    );
    server.stop().await;
}

#[tokio::test]
async fn missing_licence_names_the_user() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    let mut args = create_args("Unlicensed host");
    args["user_id"] = json!(BASIC_EMAIL);

    let error = call_err(&server.client, "create_webinar", args).await;
    assert!(error.contains("code 200"), "{error}");
    assert!(
        error.contains(&format!("Webinars licence to user {BASIC_EMAIL}")),
        "{error}"
    );
    assert_eq!(count_requests(&sandbox, "POST", "/v2/users/").await, 1);
    server.stop().await;
}

#[tokio::test]
async fn server_error_retries_get() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    add_fault(
        &sandbox,
        json!({"fault": "respond", "method": "GET", "path": LIST_PATH, "times": 2, "status": 503,
               "text": "Service Unavailable"}),
    )
    .await;

    call_ok(&server.client, "list_webinars", json!({})).await;
    assert_eq!(fault_events(&sandbox).await.len(), 2);
    server.stop().await;
}

#[tokio::test]
async fn server_error_never_repeats_post() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    add_fault(
        &sandbox,
        json!({"fault": "respond", "method": "POST", "path": LIST_PATH, "times": 3, "status": 502,
               "text": "<html><body><h1>502 Bad Gateway</h1></body></html>", "content_type": "text/html"}),
    )
    .await;

    let error = call_err(
        &server.client,
        "create_webinar",
        create_args("Maybe created"),
    )
    .await;
    assert!(
        error.contains("may or may not have reached Zoom"),
        "{error}"
    );
    assert!(error.contains("HTTP 502"), "{error}");
    assert!(error.contains("502 Bad Gateway"), "{error}");
    assert!(error.contains("not sent again"), "{error}");
    assert!(error.contains("list_webinars"), "{error}");
    assert_eq!(fault_events(&sandbox).await.len(), 1);
    server.stop().await;
}

#[tokio::test]
async fn lost_post_response_creates_once() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    add_fault(
        &sandbox,
        json!({"fault": "drop", "method": "POST", "path": LIST_PATH, "times": 3, "after_serving": true}),
    )
    .await;

    let error = call_err(
        &server.client,
        "create_webinar",
        create_args("Lost response"),
    )
    .await;
    assert!(
        error.contains("may or may not have reached Zoom"),
        "{error}"
    );
    assert!(
        error.contains("connection closed before the response"),
        "{error}"
    );
    assert_eq!(fault_events(&sandbox).await.len(), 1);
    let topics = webinar_topics(&sandbox).await;
    assert_eq!(topic_count(&topics, "Lost response"), 1);
    server.stop().await;
}

#[tokio::test]
async fn post_timeout_after_sending_creates_once() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[("ZOOM_REQUEST_TIMEOUT_SECS", "0.5")]).await;
    add_fault(
        &sandbox,
        json!({"fault": "delay", "method": "POST", "path": LIST_PATH, "times": 3,
               "delay_ms": 1500, "after_serving": true}),
    )
    .await;

    let error = call_err(
        &server.client,
        "create_webinar",
        create_args("Slow response"),
    )
    .await;
    assert!(
        error.contains("no response arrived within 0.5 s"),
        "{error}"
    );
    assert!(error.contains("list_webinars"), "{error}");
    let events = wait_for_events(&sandbox, |events| {
        events.iter().all(|event| event["outcome"] != "waiting")
    })
    .await;
    assert_eq!(events.len(), 1);
    let topics = webinar_topics(&sandbox).await;
    assert_eq!(topic_count(&topics, "Slow response"), 1);
    server.stop().await;
}

#[tokio::test]
async fn get_timeout_is_retried() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[("ZOOM_REQUEST_TIMEOUT_SECS", "0.5")]).await;
    add_fault(
        &sandbox,
        json!({"fault": "delay", "method": "GET", "path": LIST_PATH, "delay_ms": 1500}),
    )
    .await;

    call_ok(&server.client, "list_webinars", json!({})).await;
    let events = wait_for_events(&sandbox, |events| {
        events
            .first()
            .is_some_and(|event| event["outcome"] != "waiting")
    })
    .await;
    assert_eq!(events[0]["outcome"], "abandoned");
    assert_eq!(
        count_requests(&sandbox, "GET", "/v2/users/me/webinars").await,
        1
    );
    server.stop().await;
}

#[tokio::test]
async fn lost_delete_response_counts_as_deleted() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    add_fault(
        &sandbox,
        json!({"fault": "drop", "method": "DELETE", "path": "/v2/webinars/{webinarId}", "after_serving": true}),
    )
    .await;

    let deleted = call_ok(
        &server.client,
        "delete_webinar",
        json!({"webinar_id": HOST_WEBINAR_ID}),
    )
    .await;
    assert!(
        deleted.to_string().contains(&HOST_WEBINAR_ID.to_string()),
        "{deleted}"
    );
    let path = format!("/v2/webinars/{HOST_WEBINAR_ID}");
    let deletes: Vec<u64> = live_support::requests(&sandbox)
        .await
        .iter()
        .filter(|entry| entry["method"] == "DELETE" && entry["path"] == path.as_str())
        .map(|entry| entry["status"].as_u64().unwrap())
        .collect();
    assert_eq!(deletes, [204, 404]);
    let error = call_err(
        &server.client,
        "get_webinar",
        json!({"webinar_id": HOST_WEBINAR_ID}),
    )
    .await;
    assert!(error.contains("3001"), "{error}");
    server.stop().await;
}

#[tokio::test]
async fn refused_connection_fails_clearly() {
    let sandbox = sandbox().await;
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed_url = format!("http://{}/v2", closed.local_addr().unwrap());
    drop(closed);
    let server = start(
        &sandbox,
        &[
            ("ZOOM_API_BASE_URL", &closed_url),
            ("ZOOM_RETRY_MAX_ATTEMPTS", "3"),
        ],
    )
    .await;

    let error = call_err(&server.client, "create_webinar", create_args("Unreachable")).await;
    assert!(error.contains("Could not connect to Zoom"), "{error}");
    assert!(error.contains("3 attempts"), "{error}");
    assert!(error.contains("Nothing reached Zoom"), "{error}");
    server.stop().await;
}

/// Forwards every connection on `listener` to `target`.
async fn forward(listener: tokio::net::TcpListener, target: std::net::SocketAddr) {
    loop {
        let Ok((mut inbound, _)) = listener.accept().await else {
            return;
        };
        tokio::spawn(async move {
            if let Ok(mut outbound) = tokio::net::TcpStream::connect(target).await {
                let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
            }
        });
    }
}

#[tokio::test]
async fn post_connect_failure_is_retried() {
    let sandbox = sandbox().await;
    let reserved = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let proxy_addr = reserved.local_addr().unwrap();
    drop(reserved);
    let proxy_url = format!("http://{proxy_addr}/v2");
    // The first retry waits 1 to 2 s: time to open the port after the
    // first attempt was refused.
    let server = start(
        &sandbox,
        &[
            ("ZOOM_API_BASE_URL", &proxy_url),
            ("ZOOM_RETRY_BASE_DELAY_MS", "2000"),
        ],
    )
    .await;
    let log_file = server.log_file();

    let client = server.client.peer().clone();
    let call = tokio::spawn(async move {
        let arguments = create_args("Connected late").as_object().cloned().unwrap();
        client
            .call_tool(
                rmcp::model::CallToolRequestParams::new("create_webinar").with_arguments(arguments),
            )
            .await
    });
    // Wait for the logged retry of the refused attempt, then open the port.
    let mut refused = false;
    for _ in 0..200 {
        let log = std::fs::read_to_string(&log_file).unwrap_or_default();
        if log.contains("retrying Zoom request") && log.contains("connection failed") {
            refused = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert!(refused, "the first attempt was not refused and retried");
    let listener = tokio::net::TcpListener::bind(proxy_addr).await.unwrap();
    let proxy = tokio::spawn(forward(listener, sandbox.local_addr()));

    let result = call.await.unwrap().expect("tools/call answered");
    assert_ne!(result.is_error, Some(true), "{}", common::text(&result));
    let topics = webinar_topics(&sandbox).await;
    assert_eq!(topic_count(&topics, "Connected late"), 1);
    proxy.abort();
    server.stop().await;
}

#[tokio::test]
async fn non_json_error_bodies_are_readable() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[("ZOOM_RETRY_MAX_ATTEMPTS", "2")]).await;
    let webinar = format!("/v2/webinars/{HOST_WEBINAR_ID}");

    add_fault(
        &sandbox,
        json!({"fault": "respond", "method": "GET", "path": webinar, "times": 2, "status": 502,
               "text": "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
               "content_type": "text/html"}),
    )
    .await;
    let error = call_err(
        &server.client,
        "get_webinar",
        json!({"webinar_id": HOST_WEBINAR_ID}),
    )
    .await;
    assert!(error.contains("HTTP 502"), "{error}");
    assert!(
        error.contains("non-JSON response body (text/html): 502 Bad Gateway nginx"),
        "{error}"
    );

    add_fault(
        &sandbox,
        json!({"fault": "respond", "method": "GET", "path": webinar, "status": 404,
               "text": "<?xml version=\"1.0\"?><result><code>3001</code><message>Webinar does not exist: 81100000004.</message></result>",
               "content_type": "application/xml"}),
    )
    .await;
    let error = call_err(
        &server.client,
        "get_webinar",
        json!({"webinar_id": HOST_WEBINAR_ID}),
    )
    .await;
    assert!(error.contains("HTTP 404 (code 3001)"), "{error}");
    assert!(error.contains("Webinar does not exist"), "{error}");
    assert!(error.contains("list_webinars"), "{error}");

    add_fault(
        &sandbox,
        json!({"fault": "respond", "method": "GET", "path": webinar, "times": 2, "status": 500, "text": ""}),
    )
    .await;
    let error = call_err(
        &server.client,
        "get_webinar",
        json!({"webinar_id": HOST_WEBINAR_ID}),
    )
    .await;
    assert!(error.contains("HTTP 500"), "{error}");
    assert!(error.contains("empty response body"), "{error}");
    server.stop().await;
}

#[tokio::test]
async fn empty_204_body_is_success() {
    let sandbox = sandbox().await;
    let server = start(&sandbox, &[]).await;
    call_ok(
        &server.client,
        "delete_webinar",
        json!({"webinar_id": HOST_WEBINAR_ID}),
    )
    .await;
    let path = format!("/v2/webinars/{HOST_WEBINAR_ID}");
    let statuses: Vec<u64> = live_support::requests(&sandbox)
        .await
        .iter()
        .filter(|entry| entry["method"] == "DELETE" && entry["path"] == path.as_str())
        .map(|entry| entry["status"].as_u64().unwrap())
        .collect();
    assert_eq!(statuses, [204]);
    server.stop().await;
}
