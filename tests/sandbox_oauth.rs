//! The OAuth token endpoint, bearer authentication, scopes and the server's
//! own start-up rules.

mod sandbox_support;

use reqwest::StatusCode;
use sandbox_support::{Sandbox, read};
use serde_json::Value;
use zoom_webinar_mcp::sandbox::{SandboxError, SandboxOptions, SandboxServer};

async fn token_request(
    sandbox: &Sandbox,
    auth: Option<(&str, &str)>,
    form: &[(&str, &str)],
) -> (StatusCode, Value) {
    let mut request = sandbox.client.post(sandbox.server.token_url()).form(form);
    if let Some((id, secret)) = auth {
        request = request.basic_auth(id, Some(secret));
    }
    let answer = read(request.send().await.unwrap()).await;
    (answer.status, answer.body)
}

const GOOD_FORM: &[(&str, &str)] = &[
    ("grant_type", "account_credentials"),
    ("account_id", "acct"),
];

#[tokio::test]
async fn token_success_has_zoom_fields() {
    let sandbox = Sandbox::start().await;
    let (status, body) = token_request(&sandbox, Some(("id", "secret")), GOOD_FORM).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body["access_token"]
            .as_str()
            .is_some_and(|token| token.len() > 20)
    );
    assert_eq!(body["token_type"], "bearer");
    assert_eq!(body["expires_in"], 3600);
    assert_eq!(
        body["api_url"],
        format!("http://{}", sandbox.server.local_addr())
    );
    let scope = body["scope"].as_str().unwrap();
    assert!(scope.split(' ').any(|s| s == "webinar:write:webinar:admin"));
    assert!(scope.split(' ').any(|s| s == "report:read:admin"));
}

#[tokio::test]
async fn token_params_accepted_in_query() {
    let sandbox = Sandbox::start().await;
    let url = format!(
        "{}?grant_type=account_credentials&account_id=acct",
        sandbox.server.token_url()
    );
    let response = sandbox
        .client
        .post(url)
        .basic_auth("id", Some("secret"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn token_without_basic_auth_is_invalid_client() {
    let sandbox = Sandbox::start().await;
    let (status, body) = token_request(&sandbox, None, GOOD_FORM).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["error"], "invalid_client");
    assert!(body["reason"].is_string());
}

#[tokio::test]
async fn token_with_empty_secret_is_invalid_client() {
    let sandbox = Sandbox::start().await;
    let (status, body) = token_request(&sandbox, Some(("id", "")), GOOD_FORM).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["error"], "invalid_client");
}

#[tokio::test]
async fn token_without_grant_type_is_invalid_request() {
    let sandbox = Sandbox::start().await;
    let (status, body) =
        token_request(&sandbox, Some(("id", "secret")), &[("account_id", "acct")]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "invalid_request");
}

#[tokio::test]
async fn token_with_other_grant_is_unsupported() {
    let sandbox = Sandbox::start().await;
    let form = [("grant_type", "refresh_token"), ("account_id", "acct")];
    let (status, body) = token_request(&sandbox, Some(("id", "secret")), &form).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "unsupported_grant_type");
}

#[tokio::test]
async fn token_without_account_id_is_invalid_request() {
    let sandbox = Sandbox::start().await;
    let form = [("grant_type", "account_credentials"), ("account_id", "")];
    let (status, body) = token_request(&sandbox, Some(("id", "secret")), &form).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "invalid_request");
}

#[tokio::test]
async fn token_endpoint_rejects_get() {
    let sandbox = Sandbox::start().await;
    let response = sandbox
        .client
        .get(sandbox.server.token_url())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn tokens_are_independent() {
    let sandbox = Sandbox::start().await;
    let (_, second) = token_request(&sandbox, Some(("id", "secret")), GOOD_FORM).await;
    let second = second["access_token"].as_str().unwrap().to_owned();
    assert_ne!(second, sandbox.token);

    // The first token still works after a second one is issued.
    let first_answer = sandbox.get("/users/me").await;
    assert_eq!(first_answer.status, StatusCode::OK);
    let response = sandbox
        .client
        .get(sandbox.url("/users/me"))
        .bearer_auth(&second)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn api_without_bearer_is_124() {
    let sandbox = Sandbox::start().await;
    let answer = read(
        sandbox
            .client
            .get(sandbox.url("/users/me"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert_eq!(answer.code(), Some(124));
    assert_eq!(answer.body["message"], "Invalid access token.");
}

#[tokio::test]
async fn api_with_wrong_bearer_is_124() {
    let sandbox = Sandbox::start().await;
    let request = sandbox
        .client
        .get(sandbox.url("/users/me"))
        .bearer_auth("not-a-token");
    let answer = read(request.send().await.unwrap()).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert_eq!(answer.code(), Some(124));
}

#[tokio::test]
async fn expired_token_is_124() {
    let options = SandboxOptions {
        token_ttl_secs: 1,
        scopes: None,
        ..Default::default()
    };
    let sandbox = Sandbox::start_with(options).await;
    assert_eq!(sandbox.get("/users/me").await.status, StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let answer = sandbox.get("/users/me").await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert_eq!(answer.code(), Some(124));
}

#[tokio::test]
async fn missing_scope_is_4711_naming_granular_scopes() {
    let options = SandboxOptions {
        token_ttl_secs: 3600,
        scopes: Some(vec!["webinar:read:webinar:admin".to_owned()]),
        ..Default::default()
    };
    let sandbox = Sandbox::start_with(options).await;
    let read_answer = sandbox.get("/webinars/81100000001").await;
    assert_eq!(read_answer.status, StatusCode::OK);

    let answer = sandbox
        .post("/users/me/webinars", serde_json::json!({"topic": "x"}))
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), Some(4711));
    assert_eq!(
        answer.body["message"],
        "Invalid access token, does not contain scopes:[webinar:write:webinar, webinar:write:webinar:admin]."
    );
}

#[tokio::test]
async fn classic_scope_covers_endpoint() {
    let options = SandboxOptions {
        token_ttl_secs: 3600,
        scopes: Some(vec!["webinar:read:admin".to_owned()]),
        ..Default::default()
    };
    let sandbox = Sandbox::start_with(options).await;
    assert_eq!(
        sandbox.get("/webinars/81100000001/polls").await.status,
        StatusCode::OK
    );
    assert_eq!(sandbox.get("/users/me").await.code(), Some(4711));
}

#[tokio::test]
async fn unknown_path_is_zoom_style_404() {
    let sandbox = Sandbox::start().await;
    let answer = sandbox.get("/no/such/endpoint").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.code(), Some(404));
    assert!(answer.body["message"].is_string());
}

#[tokio::test]
async fn known_path_wrong_method_is_405() {
    let sandbox = Sandbox::start().await;
    let path = format!(
        "/webinars/81100000001/polls/{}",
        zoom_webinar_mcp::sandbox::seed::SINGLE_WEBINAR_POLL_ID
    );
    let answer = sandbox
        .patch(&path, serde_json::json!({"title": "x"}))
        .await;
    assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(answer.code(), Some(405));
}

#[tokio::test]
async fn start_rejects_non_loopback_address() {
    let listen = "0.0.0.0:0".parse().unwrap();
    let error = SandboxServer::start(listen, SandboxOptions::default())
        .await
        .unwrap_err();
    assert!(matches!(error, SandboxError::NotLoopback { .. }));
    assert!(error.to_string().contains("not a loopback address"));
}

#[tokio::test]
async fn urls_point_at_bound_port() {
    let sandbox = Sandbox::start().await;
    let port = sandbox.server.local_addr().port();
    assert_ne!(port, 0);
    assert_eq!(
        sandbox.server.base_url(),
        format!("http://127.0.0.1:{port}/v2")
    );
    assert_eq!(
        sandbox.server.token_url(),
        format!("http://127.0.0.1:{port}/oauth/token")
    );
}

#[tokio::test]
async fn shutdown_stops_serving() {
    let sandbox = Sandbox::start().await;
    let url = sandbox.url("/users/me");
    let client = sandbox.client.clone();
    let token = sandbox.token.clone();
    sandbox.server.shutdown().await;
    let outcome = client.get(url).bearer_auth(token).send().await;
    assert!(outcome.is_err());
}
