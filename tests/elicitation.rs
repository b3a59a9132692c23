//! create_webinar_interactive asking for the host through MCP elicitation,
//! through the real binary against the sandbox. Both protocol eras are
//! covered: the 2025-11-25 initialize handshake, where the server sends
//! elicitation/create, and the 2026-07-28 discovery era, where the server
//! returns an InputRequiredResult and the client calls again.

mod common;

use std::sync::{Arc, Mutex};

use common::{HandlerServer, call_with, local_in_days, start_with_handler, text};
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, ClientCapabilities, ClientConfig, ElicitRequestParams,
    ElicitResult, ElicitationAction, ElicitationCapability, FormElicitationCapability,
    Implementation, InputRequest, InputResponses, ProtocolVersion,
};
use rmcp::service::{ClientLifecycleMode, RequestContext};
use rmcp::{ClientHandler, ErrorData, RoleClient};
use serde_json::{Value, json};
use zoom_webinar_mcp::sandbox::seed;

/// What the test client's user does with the host form.
#[derive(Clone, Debug)]
enum UserAction {
    /// Pick the option whose title contains this email.
    ChooseEmail(&'static str),
    /// Accept with this value, whether or not the form offered it.
    Send(&'static str),
    Decline,
    Cancel,
}

/// A client that declares form elicitation (or not) and answers every
/// form with its [`UserAction`], recording the forms it was shown.
#[derive(Clone)]
struct FormClient {
    action: UserAction,
    declares_elicitation: bool,
    forms: Arc<Mutex<Vec<Value>>>,
}

impl FormClient {
    fn new(action: UserAction) -> FormClient {
        FormClient {
            action,
            declares_elicitation: true,
            forms: Arc::default(),
        }
    }

    fn without_elicitation() -> FormClient {
        FormClient {
            declares_elicitation: false,
            ..FormClient::new(UserAction::Decline)
        }
    }

    fn forms(&self) -> Vec<Value> {
        self.forms.lock().unwrap().clone()
    }
}

/// Answers a host form as the user would with `action`.
fn answer_form(action: &UserAction, form: &Value) -> Result<ElicitResult, ErrorData> {
    let options = form["requestedSchema"]["properties"]["host"]["oneOf"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let result = match action {
        UserAction::ChooseEmail(email) => {
            let value = options
                .iter()
                .find(|option| option["title"].as_str().unwrap_or("").contains(email))
                .map(|option| option["const"].clone())
                .ok_or_else(|| {
                    ErrorData::invalid_params(format!("the form offers no {email}"), None)
                })?;
            ElicitResult::new(ElicitationAction::Accept).with_content(json!({ "host": value }))
        }
        UserAction::Send(value) => {
            ElicitResult::new(ElicitationAction::Accept).with_content(json!({ "host": value }))
        }
        UserAction::Decline => ElicitResult::new(ElicitationAction::Decline),
        UserAction::Cancel => ElicitResult::new(ElicitationAction::Cancel),
    };
    Ok(result)
}

impl ClientHandler for FormClient {
    async fn create_elicitation(
        &self,
        request: ElicitRequestParams,
        _context: RequestContext<RoleClient>,
    ) -> Result<ElicitResult, ErrorData> {
        let form = serde_json::to_value(&request).expect("form as JSON");
        self.forms.lock().unwrap().push(form.clone());
        answer_form(&self.action, &form)
    }

    fn get_info(&self) -> ClientConfig {
        let mut capabilities = ClientCapabilities::default();
        if self.declares_elicitation {
            capabilities.elicitation =
                Some(ElicitationCapability::new().with_form(FormElicitationCapability::new()));
        }
        ClientConfig::new(capabilities, Implementation::new("elicitation-test", "1.0"))
    }
}

fn initialize_era() -> ClientLifecycleMode {
    ClientLifecycleMode::Initialize
}

fn discovery_era() -> ClientLifecycleMode {
    ClientLifecycleMode::Discover {
        preferred_versions: vec![ProtocolVersion::V_2026_07_28],
    }
}

async fn start(client: FormClient, lifecycle: ClientLifecycleMode) -> HandlerServer<FormClient> {
    start_with_handler(client, lifecycle, &["--sandbox"]).await
}

fn webinar(topic: &str) -> Value {
    json!({ "topic": topic, "start_time": local_in_days(12, 15), "timezone": "Europe/London" })
}

/// Returns the ids of the webinars `user` hosts that have `topic`.
async fn webinars_with_topic(
    server: &HandlerServer<FormClient>,
    user: &str,
    topic: &str,
) -> Vec<u64> {
    let result = call_with(
        &server.client,
        "list_webinars",
        json!({ "user_id": user, "page_size": 300 }),
    )
    .await;
    assert_ne!(result.is_error, Some(true), "{}", text(&result));
    let listed = result.structured_content.expect("structured content");
    listed["webinars"]
        .as_array()
        .expect("webinars")
        .iter()
        .filter(|row| row["topic"] == json!(topic))
        .map(|row| row["id"].as_u64().expect("id"))
        .collect()
}

/// Checks that neither licensed user hosts a webinar with `topic`.
async fn assert_nothing_created(server: &HandlerServer<FormClient>, topic: &str) {
    for user in [seed::OWNER_EMAIL, seed::HOST_EMAIL] {
        let found = webinars_with_topic(server, user, topic).await;
        assert!(found.is_empty(), "{user} hosts {topic:?}: {found:?}");
    }
}

#[tokio::test]
async fn form_choice_creates_for_that_host() {
    let client = FormClient::new(UserAction::ChooseEmail(seed::HOST_EMAIL));
    let server = start(client.clone(), initialize_era()).await;
    let version = server
        .client
        .peer_info()
        .expect("server info")
        .protocol_version
        .clone();
    assert_eq!(version, ProtocolVersion::V_2025_11_25);

    let topic = "Form choice webinar";
    let result = call_with(&server.client, "create_webinar_interactive", webinar(topic)).await;
    assert_ne!(result.is_error, Some(true), "{}", text(&result));
    let output = result
        .structured_content
        .clone()
        .expect("structured content");
    assert_eq!(output["created"], json!(true));
    assert_eq!(output["host_answer"], json!("chosen"));
    assert!(
        text(&result).contains(seed::HOST_EMAIL),
        "{}",
        text(&result)
    );

    let created = output["webinar"]["id"].as_u64().expect("webinar id");
    assert_eq!(
        webinars_with_topic(&server, seed::HOST_EMAIL, topic).await,
        [created]
    );
    assert!(
        webinars_with_topic(&server, seed::OWNER_EMAIL, topic)
            .await
            .is_empty()
    );

    let forms = client.forms();
    assert_eq!(forms.len(), 1, "{forms:?}");
    let form = &forms[0];
    assert_eq!(form["mode"], json!("form"));
    let message = form["message"].as_str().unwrap();
    assert!(message.contains(topic), "{message}");
    let titles: Vec<&str> = form["requestedSchema"]["properties"]["host"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|option| option["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Olivia Owner <owner@sandbox.example.com> (Licensed)",
            "Harper Host <host@sandbox.example.com> (Licensed)",
        ],
        "only licensed users are offered"
    );
    assert_eq!(
        form["requestedSchema"]["required"],
        json!(["host"]),
        "{form}"
    );
    server.stop().await;
}

#[tokio::test]
async fn declined_form_creates_nothing() {
    let server = start(FormClient::new(UserAction::Decline), initialize_era()).await;
    let topic = "Declined host webinar";
    let result = call_with(&server.client, "create_webinar_interactive", webinar(topic)).await;
    assert_ne!(result.is_error, Some(true), "{}", text(&result));
    let output = result.structured_content.clone().unwrap();
    assert_eq!(output["created"], json!(false));
    assert_eq!(output["host_answer"], json!("declined"));
    assert!(output.get("webinar").is_none(), "{output}");
    let message = text(&result);
    assert!(message.contains("Nothing was created"), "{message}");
    assert!(message.contains("declined"), "{message}");
    assert_nothing_created(&server, topic).await;
    server.stop().await;
}

#[tokio::test]
async fn cancelled_form_creates_nothing() {
    let server = start(FormClient::new(UserAction::Cancel), initialize_era()).await;
    let topic = "Cancelled host webinar";
    let result = call_with(&server.client, "create_webinar_interactive", webinar(topic)).await;
    assert_ne!(result.is_error, Some(true), "{}", text(&result));
    let output = result.structured_content.clone().unwrap();
    assert_eq!(output["created"], json!(false));
    assert_eq!(output["host_answer"], json!("cancelled"));
    assert!(text(&result).contains("dismissed"), "{}", text(&result));
    assert_nothing_created(&server, topic).await;
    server.stop().await;
}

#[tokio::test]
async fn choice_outside_the_form_is_rejected() {
    // Basil is an active user, but without a licence the form does not offer him.
    for value in [seed::BASIC_USER_ID, "no-such-user"] {
        let server = start(FormClient::new(UserAction::Send(value)), initialize_era()).await;
        let topic = "Unlisted host webinar";
        let result = call_with(&server.client, "create_webinar_interactive", webinar(topic)).await;
        assert_eq!(result.is_error, Some(true), "{value}: {}", text(&result));
        let message = text(&result);
        assert!(message.contains(value), "{message}");
        assert!(
            message.contains("not one of the 2 users offered"),
            "{message}"
        );
        assert_nothing_created(&server, topic).await;
        server.stop().await;
    }
}

#[tokio::test]
async fn client_without_elicitation_gets_the_list() {
    for lifecycle in [initialize_era(), discovery_era()] {
        let client = FormClient::without_elicitation();
        let server = start(client.clone(), lifecycle).await;
        let topic = "Numbered list webinar";
        let result = call_with(&server.client, "create_webinar_interactive", webinar(topic)).await;
        assert_ne!(result.is_error, Some(true), "{}", text(&result));
        let output = result.structured_content.clone().unwrap();
        assert_eq!(output["created"], json!(false));
        assert_eq!(output["host_choices"].as_array().unwrap().len(), 3);
        assert!(output.get("host_answer").is_none(), "{output}");
        assert!(
            text(&result).contains("host_selection"),
            "{}",
            text(&result)
        );
        assert!(client.forms().is_empty(), "a form was sent");
        assert_nothing_created(&server, topic).await;
        server.stop().await;
    }
}

#[tokio::test]
async fn host_selection_skips_the_form() {
    let client = FormClient::new(UserAction::Decline);
    let server = start(client.clone(), initialize_era()).await;
    let topic = "Selected host webinar";
    let mut arguments = webinar(topic);
    arguments["host_selection"] = json!(2);
    let result = call_with(&server.client, "create_webinar_interactive", arguments).await;
    assert_ne!(result.is_error, Some(true), "{}", text(&result));
    assert_eq!(result.structured_content.unwrap()["created"], json!(true));
    assert!(client.forms().is_empty(), "a form was sent");
    assert_eq!(
        webinars_with_topic(&server, seed::HOST_EMAIL, topic)
            .await
            .len(),
        1
    );
    server.stop().await;
}

#[tokio::test]
async fn discovery_era_choice_creates_for_that_host() {
    let client = FormClient::new(UserAction::ChooseEmail(seed::HOST_EMAIL));
    let server = start(client.clone(), discovery_era()).await;
    let topic = "Discovery era webinar";
    let result = call_with(&server.client, "create_webinar_interactive", webinar(topic)).await;
    assert_ne!(result.is_error, Some(true), "{}", text(&result));
    let output = result.structured_content.unwrap();
    assert_eq!(output["created"], json!(true));
    assert_eq!(output["host_answer"], json!("chosen"));
    let created = output["webinar"]["id"].as_u64().unwrap();
    assert_eq!(
        webinars_with_topic(&server, seed::HOST_EMAIL, topic).await,
        [created]
    );
    assert_eq!(client.forms().len(), 1);
    server.stop().await;
}

#[tokio::test]
async fn discovery_era_decline_and_bad_choice() {
    let server = start(FormClient::new(UserAction::Decline), discovery_era()).await;
    let topic = "Discovery era declined";
    let result = call_with(&server.client, "create_webinar_interactive", webinar(topic)).await;
    assert_ne!(result.is_error, Some(true), "{}", text(&result));
    let output = result.structured_content.unwrap();
    assert_eq!(output["created"], json!(false));
    assert_eq!(output["host_answer"], json!("declined"));
    assert_nothing_created(&server, topic).await;
    server.stop().await;

    let server = start(
        FormClient::new(UserAction::Send(seed::BASIC_USER_ID)),
        discovery_era(),
    )
    .await;
    let topic = "Discovery era unlisted";
    let result = call_with(&server.client, "create_webinar_interactive", webinar(topic)).await;
    assert_eq!(result.is_error, Some(true), "{}", text(&result));
    assert!(
        text(&result).contains("not one of the 2 users offered"),
        "{}",
        text(&result)
    );
    assert_nothing_created(&server, topic).await;
    server.stop().await;
}

/// Calls the tool once, without the client driving the follow-up round.
async fn call_once(
    server: &HandlerServer<FormClient>,
    params: CallToolRequestParams,
) -> CallToolResponse {
    server
        .client
        .call_tool_once(params)
        .await
        .expect("tools/call at the protocol level")
}

fn params(arguments: Value) -> CallToolRequestParams {
    CallToolRequestParams::new("create_webinar_interactive")
        .with_arguments(arguments.as_object().unwrap().clone())
}

#[tokio::test]
async fn discovery_era_request_state_is_checked() {
    let server = start(FormClient::new(UserAction::Decline), discovery_era()).await;
    let topic = "Discovery era state";
    let first = call_once(&server, params(webinar(topic))).await;
    let CallToolResponse::InputRequired(first) = first else {
        panic!("expected an InputRequiredResult, got {first:?}");
    };
    let state = first.request_state.clone().expect("requestState");
    let requests = first.input_requests.clone().expect("inputRequests");
    let Some(InputRequest::Elicitation(form)) = requests.get("host") else {
        panic!("no host form in {requests:?}");
    };
    let form = serde_json::to_value(&form.params).unwrap();
    let harper = form["requestedSchema"]["properties"]["host"]["oneOf"][1]["const"].clone();
    assert_eq!(harper, json!(seed::HOST_USER_ID));
    let answer = InputResponses::from([(
        "host".to_string(),
        json!({ "action": "accept", "content": { "host": harper } }),
    )]);

    // The same answer for other webinar details is rejected.
    let changed = params(webinar("Another topic"))
        .with_request_state(state.clone())
        .with_input_responses(answer.clone());
    let CallToolResponse::Complete(rejected) = call_once(&server, changed).await else {
        panic!("expected a complete result");
    };
    assert_eq!(rejected.is_error, Some(true), "{}", text(&rejected));
    assert!(
        text(&rejected).contains("requestState"),
        "{}",
        text(&rejected)
    );

    // A state this server never issued is rejected.
    let forged = params(webinar(topic))
        .with_request_state("forged")
        .with_input_responses(answer.clone());
    let CallToolResponse::Complete(rejected) = call_once(&server, forged).await else {
        panic!("expected a complete result");
    };
    assert_eq!(rejected.is_error, Some(true), "{}", text(&rejected));

    // A retry without the answer is rejected.
    let unanswered = params(webinar(topic)).with_request_state(state.clone());
    let CallToolResponse::Complete(rejected) = call_once(&server, unanswered).await else {
        panic!("expected a complete result");
    };
    assert_eq!(rejected.is_error, Some(true), "{}", text(&rejected));
    assert!(
        text(&rejected).contains("inputResponses"),
        "{}",
        text(&rejected)
    );
    assert_nothing_created(&server, topic).await;

    // The matching retry creates the webinar for the chosen host.
    let retry = params(webinar(topic))
        .with_request_state(state)
        .with_input_responses(answer);
    let CallToolResponse::Complete(created) = call_once(&server, retry).await else {
        panic!("expected a complete result");
    };
    assert_ne!(created.is_error, Some(true), "{}", text(&created));
    assert_eq!(
        webinars_with_topic(&server, seed::HOST_EMAIL, topic)
            .await
            .len(),
        1
    );
    server.stop().await;
}
