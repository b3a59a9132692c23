//! Shared helpers for the sandbox integration tests: start a sandbox on a
//! free loopback port, fetch a token and send JSON requests to it.

#![allow(dead_code)]

use reqwest::{Client, Method, StatusCode};
use serde_json::Value;
use zoom_webinar_mcp::sandbox::{SandboxOptions, SandboxServer};

/// A running sandbox with a client holding a valid token.
pub struct Sandbox {
    pub server: SandboxServer,
    pub client: Client,
    pub token: String,
}

/// A response: status and JSON body (`Value::Null` when the body is empty).
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub body: Value,
}

impl Answer {
    /// Zoom's error `code`, if the body has one.
    pub fn code(&self) -> Option<i64> {
        self.body["code"].as_i64()
    }

    /// Returns the `field` names of a validation error's `errors` array.
    pub fn error_fields(&self) -> Vec<String> {
        self.body["errors"]
            .as_array()
            .map(|errors| {
                errors
                    .iter()
                    .filter_map(|error| error["field"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl Sandbox {
    pub async fn start() -> Sandbox {
        Self::start_with(SandboxOptions::default()).await
    }

    pub async fn start_with(options: SandboxOptions) -> Sandbox {
        let listen = "127.0.0.1:0".parse().expect("valid loopback address");
        let server = SandboxServer::start(listen, options)
            .await
            .expect("sandbox starts on a free loopback port");
        let client = Client::new();
        let token = fetch_token(&client, &server.token_url()).await;
        Sandbox {
            server,
            client,
            token,
        }
    }

    /// Returns the URL of `path` under `/v2`; `path` is sent as written, so
    /// percent-encoding in it reaches the server unchanged.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.base_url())
    }

    /// Sends an authorised request with an optional JSON body.
    pub async fn send(&self, method: Method, path: &str, body: Option<Value>) -> Answer {
        let mut request = self
            .client
            .request(method, self.url(path))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        read(request.send().await.expect("sandbox answers")).await
    }

    pub async fn get(&self, path: &str) -> Answer {
        self.send(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Answer {
        self.send(Method::POST, path, Some(body)).await
    }

    pub async fn patch(&self, path: &str, body: Value) -> Answer {
        self.send(Method::PATCH, path, Some(body)).await
    }

    pub async fn put(&self, path: &str, body: Value) -> Answer {
        self.send(Method::PUT, path, Some(body)).await
    }

    pub async fn delete(&self, path: &str) -> Answer {
        self.send(Method::DELETE, path, None).await
    }

    /// Reads a test hook such as `/_sandbox/stats`.
    pub async fn hook(&self, path: &str) -> Value {
        let url = format!("http://{}{path}", self.server.local_addr());
        let response = self.client.get(url).send().await.expect("sandbox answers");
        response.json().await.expect("hook returns JSON")
    }
}

/// Fetches an access token with the form body Zoom documents.
pub async fn fetch_token(client: &Client, token_url: &str) -> String {
    let response = client
        .post(token_url)
        .basic_auth("test-client", Some("test-secret"))
        .form(&[
            ("grant_type", "account_credentials"),
            ("account_id", "test-account"),
        ])
        .send()
        .await
        .expect("token endpoint answers");
    assert_eq!(response.status(), StatusCode::OK, "token request failed");
    let body: Value = response.json().await.expect("token body is JSON");
    body["access_token"]
        .as_str()
        .expect("access_token is a string")
        .to_owned()
}

/// Reads a response into an [`Answer`].
pub async fn read(response: reqwest::Response) -> Answer {
    let status = response.status();
    let text = response.text().await.expect("body is readable");
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).expect("body is JSON")
    };
    Answer { status, body }
}
