//! Fault injection through `/_sandbox/faults`: canned responses, delays,
//! dropped connections, non-JSON bodies and revoked tokens.

mod sandbox_support;

use std::time::Duration;

use reqwest::{Method, StatusCode};
use sandbox_support::{Sandbox, fetch_token};
use serde_json::{Value, json};

impl Sandbox {
    fn faults_url(&self) -> String {
        format!("http://{}/_sandbox/faults", self.server.local_addr())
    }
}

async fn add_fault(sandbox: &Sandbox, fault: Value) -> Value {
    let response = sandbox
        .client
        .post(sandbox.faults_url())
        .json(&fault)
        .send()
        .await
        .expect("fault endpoint answers");
    let status = response.status();
    let body: Value = response.json().await.expect("fault endpoint returns JSON");
    assert!(
        status.is_success(),
        "fault {fault} rejected: {status} {body}"
    );
    body
}

async fn fault_log(sandbox: &Sandbox) -> Value {
    sandbox.hook("/_sandbox/faults").await
}

/// Polls the fault log until event `index` leaves the `waiting` state and
/// returns its outcome. Gives up after 20 seconds.
async fn settled_outcome(sandbox: &Sandbox, index: usize) -> String {
    for _ in 0..400 {
        let log = fault_log(sandbox).await;
        if let Some(outcome) = log["events"][index]["outcome"].as_str()
            && outcome != "waiting"
        {
            return outcome.to_owned();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("fault event {index} never settled");
}

#[tokio::test]
async fn respond_fault_applies_n_times() {
    let sandbox = Sandbox::start().await;
    add_fault(
        &sandbox,
        json!({
            "fault": "respond", "method": "GET", "path": "/v2/users/{userId}", "times": 2,
            "status": 429, "headers": {"Retry-After": "1", "X-RateLimit-Type": "QPS"},
            "body": {"code": 429, "message": "You have reached the maximum per-second rate limit for this API. Try again later."}
        }),
    )
    .await;

    for attempt in 0..2 {
        let response = sandbox
            .client
            .get(sandbox.url("/users/me"))
            .bearer_auth(&sandbox.token)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "attempt {attempt}"
        );
        assert_eq!(response.headers()["retry-after"], "1");
        assert_eq!(response.headers()["x-ratelimit-type"], "QPS");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["code"], 429);
    }
    let third = sandbox.get("/users/me").await;
    assert_eq!(third.status, StatusCode::OK);

    let log = fault_log(&sandbox).await;
    assert_eq!(log["events"].as_array().unwrap().len(), 2);
    assert_eq!(log["events"][0]["outcome"], "responded");
    assert_eq!(log["pending"].as_array().unwrap().len(), 0);
    // Faulted requests stay out of the request log.
    let stats = sandbox.hook("/_sandbox/stats").await;
    assert_eq!(stats["api_requests"], 1);
}

#[tokio::test]
async fn fault_matches_method_and_template_only() {
    let sandbox = Sandbox::start().await;
    add_fault(
        &sandbox,
        json!({"fault": "respond", "method": "POST", "path": "/v2/users/{userId}/webinars", "status": 503}),
    )
    .await;
    assert_eq!(
        sandbox.get("/users/me/webinars").await.status,
        StatusCode::OK
    );
    assert_eq!(sandbox.get("/users/me").await.status, StatusCode::OK);
    let created = sandbox
        .send(
            Method::POST,
            "/users/me/webinars",
            Some(json!({"topic": "Faulted"})),
        )
        .await;
    assert_eq!(created.status, StatusCode::SERVICE_UNAVAILABLE);
    let retried = sandbox
        .post("/users/me/webinars", json!({"topic": "Faulted"}))
        .await;
    assert_eq!(retried.status, StatusCode::CREATED);
}

#[tokio::test]
async fn prefix_matches_every_path_below() {
    let sandbox = Sandbox::start().await;
    add_fault(
        &sandbox,
        json!({"fault": "respond", "path": "/v2/webinars/", "times": 3, "status": 500}),
    )
    .await;
    assert_eq!(
        sandbox.get("/webinars/1").await.status,
        StatusCode::INTERNAL_SERVER_ERROR
    );
    assert_eq!(
        sandbox.delete("/webinars/1/panelists").await.status,
        StatusCode::INTERNAL_SERVER_ERROR
    );
    assert_eq!(sandbox.get("/users/me").await.status, StatusCode::OK);
}

#[tokio::test]
async fn non_json_bodies_are_sent_as_given() {
    let sandbox = Sandbox::start().await;
    let cases = [
        ("<html><body>502 Bad Gateway</body></html>", "text/html"),
        (
            "<?xml version=\"1.0\"?><error><code>124</code></error>",
            "application/xml",
        ),
        ("", ""),
    ];
    for (text, content_type) in cases {
        add_fault(
            &sandbox,
            json!({"fault": "respond", "path": "/v2/users/me", "status": 502, "text": text, "content_type": content_type}),
        )
        .await;
        let response = sandbox
            .client
            .get(sandbox.url("/users/me"))
            .bearer_auth(&sandbox.token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_GATEWAY);
        if !content_type.is_empty() {
            assert_eq!(response.headers()["content-type"], content_type);
        }
        assert_eq!(response.text().await.unwrap(), text);
    }
}

#[tokio::test]
async fn drop_closes_without_a_response() {
    let sandbox = Sandbox::start().await;
    add_fault(&sandbox, json!({"fault": "drop", "path": "/v2/users/me"})).await;
    let result = async {
        let response = sandbox
            .client
            .get(sandbox.url("/users/me"))
            .bearer_auth(&sandbox.token)
            .send()
            .await?;
        response.bytes().await
    }
    .await;
    let error = result.expect_err("a dropped connection must fail the request");
    assert!(!error.is_timeout(), "{error:?}");
    assert_eq!(settled_outcome(&sandbox, 0).await, "dropped");
    assert_eq!(sandbox.get("/users/me").await.status, StatusCode::OK);
}

#[tokio::test]
async fn delay_does_not_block_other_requests() {
    let sandbox = Sandbox::start().await;
    add_fault(
        &sandbox,
        json!({"fault": "delay", "path": "/v2/users/me/webinars", "delay_ms": 1500}),
    )
    .await;
    let client = sandbox.client.clone();
    let url = sandbox.url("/users/me/webinars");
    let token = sandbox.token.clone();
    let delayed = tokio::spawn(async move {
        client
            .get(url)
            .bearer_auth(token)
            .send()
            .await
            .map(|response| response.status())
    });
    // Wait until the delayed request is inside its delay.
    for _ in 0..200 {
        if fault_log(&sandbox).await["events"][0]["outcome"] == "waiting" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    // Another request is served while the delay runs, so the state mutex is free.
    assert_eq!(sandbox.get("/users/me").await.status, StatusCode::OK);
    assert_eq!(fault_log(&sandbox).await["events"][0]["outcome"], "waiting");

    assert_eq!(delayed.await.unwrap().unwrap(), StatusCode::OK);
    assert_eq!(fault_log(&sandbox).await["events"][0]["outcome"], "served");
}

#[tokio::test]
async fn client_leaving_during_delay_abandons_the_write() {
    let sandbox = Sandbox::start().await;
    add_fault(
        &sandbox,
        json!({"fault": "delay", "method": "POST", "path": "/v2/users/me/webinars", "delay_ms": 1500}),
    )
    .await;
    let impatient = reqwest::Client::builder()
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let error = impatient
        .post(sandbox.url("/users/me/webinars"))
        .bearer_auth(&sandbox.token)
        .json(&json!({"topic": "Never created"}))
        .send()
        .await
        .expect_err("the client gives up before the delay ends");
    assert!(error.is_timeout(), "{error:?}");

    assert_eq!(settled_outcome(&sandbox, 0).await, "abandoned");
    // Wait past the delay, then check that the write never happened.
    tokio::time::sleep(Duration::from_millis(1700)).await;
    let list = sandbox.get("/users/me/webinars?page_size=300").await;
    let topics: Vec<&str> = list.body["webinars"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|webinar| webinar["topic"].as_str())
        .collect();
    assert!(!topics.contains(&"Never created"), "{topics:?}");
}

#[tokio::test]
async fn invalidate_tokens_revokes_issued_tokens() {
    let sandbox = Sandbox::start().await;
    assert_eq!(sandbox.get("/users/me").await.status, StatusCode::OK);
    let revoked = add_fault(&sandbox, json!({"fault": "invalidate_tokens"})).await;
    assert_eq!(revoked["revoked"], 1);

    let rejected = sandbox.get("/users/me").await;
    assert_eq!(rejected.status, StatusCode::UNAUTHORIZED);
    assert_eq!(rejected.code(), Some(124));

    let fresh = fetch_token(&sandbox.client, &sandbox.server.token_url()).await;
    let response = sandbox
        .client
        .get(sandbox.url("/users/me"))
        .bearer_auth(fresh)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn delete_clears_pending_faults() {
    let sandbox = Sandbox::start().await;
    add_fault(
        &sandbox,
        json!({"fault": "respond", "path": "/v2/", "times": 5, "status": 500}),
    )
    .await;
    let cleared: Value = sandbox
        .client
        .delete(sandbox.faults_url())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(cleared["cleared"], 1);
    assert_eq!(sandbox.get("/users/me").await.status, StatusCode::OK);
    assert_eq!(
        fault_log(&sandbox).await["pending"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[tokio::test]
async fn invalid_fault_is_rejected_with_reason() {
    let sandbox = Sandbox::start().await;
    let response = sandbox
        .client
        .post(sandbox.faults_url())
        .json(&json!({"fault": "respond", "path": "/v2/users", "status": 42}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.unwrap();
    assert!(
        body["error"].as_str().unwrap().contains("status 42"),
        "{body}"
    );

    let unknown = sandbox
        .client
        .post(sandbox.faults_url())
        .json(&json!({"fault": "explode", "path": "/v2"}))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn drop_after_serving_keeps_the_write() {
    let sandbox = Sandbox::start().await;
    add_fault(
        &sandbox,
        json!({"fault": "drop", "method": "POST", "path": "/v2/users/me/webinars", "after_serving": true}),
    )
    .await;
    let result = async {
        sandbox
            .client
            .post(sandbox.url("/users/me/webinars"))
            .bearer_auth(&sandbox.token)
            .json(&json!({"topic": "Created but unanswered"}))
            .send()
            .await?
            .bytes()
            .await
    }
    .await;
    assert!(result.is_err(), "the response must be lost: {result:?}");
    let log = fault_log(&sandbox).await;
    assert_eq!(log["events"][0]["outcome"], "dropped");
    assert_eq!(log["events"][0]["after_serving"], true);

    let list = sandbox.get("/users/me/webinars?page_size=300").await;
    let created = list.body["webinars"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|webinar| webinar["topic"] == "Created but unanswered")
        .count();
    assert_eq!(created, 1);
}

#[tokio::test]
async fn delay_after_serving_delays_the_response() {
    let sandbox = Sandbox::start().await;
    add_fault(
        &sandbox,
        json!({"fault": "delay", "path": "/v2/users/me", "delay_ms": 100, "after_serving": true}),
    )
    .await;
    assert_eq!(sandbox.get("/users/me").await.status, StatusCode::OK);
    let log = fault_log(&sandbox).await;
    assert_eq!(log["events"][0]["outcome"], "served");
    assert_eq!(log["events"][0]["after_serving"], true);
    // The request was served, so it is in the request log too.
    let requests = sandbox.hook("/_sandbox/requests").await;
    assert!(
        requests
            .as_array()
            .unwrap()
            .iter()
            .any(|entry| entry["path"] == "/v2/users/me"),
        "{requests}"
    );
}
