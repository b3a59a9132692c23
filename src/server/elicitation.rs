//! Asking the user to pick one of several choices through MCP elicitation
//! (form mode), in both protocol eras.
//!
//! - Initialize era (2025-11-25 and older): the server sends
//!   `elicitation/create` to the client over the session and waits for the
//!   answer inside the tool call.
//! - 2026-07-28 era: there is no server-to-client request, so the tool
//!   returns an `InputRequiredResult` whose `inputRequests` hold the form,
//!   and the client calls the tool again with `inputResponses`.
//!
//! Answers come from the client, so callers check a chosen value against
//! the choices they offer before acting on it.

use std::collections::BTreeMap;
use std::time::Duration;

use rmcp::RoleServer;
use rmcp::model::{
    ClientCapabilities, ConstTitle, ElicitRequest, ElicitRequestParams, ElicitResult,
    ElicitationAction, ElicitationSchema, EnumSchema, InputRequest, InputRequests,
    InputRequiredResult, PrimitiveSchemaDefinition, SingleSelectEnumSchema,
    TitledSingleSelectEnumSchema,
};
use rmcp::service::{Peer, RequestContext, ServiceError};
use serde_json::Value;

use super::dispatch::pause_deadline;

/// The way the server can reach the client's user in this request.
#[derive(Debug, Clone)]
pub enum Channel {
    /// Send `elicitation/create` through the session (initialize era).
    Request(Peer<RoleServer>),
    /// Return an `InputRequiredResult` (2026-07-28 era).
    InputRequired,
    /// The client did not declare form elicitation.
    Unsupported,
}

/// Picks the way to ask the user, from the request's protocol version and
/// the client's declared capabilities.
pub fn channel(context: &RequestContext<RoleServer>) -> Channel {
    let supports_form = context
        .client_capabilities()
        .is_some_and(|capabilities| supports_form_elicitation(&capabilities));
    if !supports_form {
        return Channel::Unsupported;
    }
    let discovery_era = context
        .protocol_version()
        .is_some_and(|version| !version.has_initialize());
    if discovery_era {
        Channel::InputRequired
    } else {
        Channel::Request(context.peer.clone())
    }
}

/// Reports whether the client declared form-mode elicitation. A declared
/// `elicitation` capability with neither `form` nor `url` means form mode,
/// as in protocol versions before modes existed.
pub fn supports_form_elicitation(capabilities: &ClientCapabilities) -> bool {
    capabilities
        .elicitation
        .as_ref()
        .is_some_and(|elicitation| elicitation.form.is_some() || elicitation.url.is_none())
}

/// One option of a single-choice form: the value the client sends back and
/// the text the user sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub title: String,
}

/// A form with one required single-select field.
#[derive(Debug, Clone)]
pub struct ChoiceForm {
    /// The text the client shows above the form.
    pub message: String,
    /// The property name of the field in the form's schema and answer.
    pub field: &'static str,
    pub field_title: String,
    pub field_description: String,
    pub choices: Vec<Choice>,
}

/// The user's answer to a [`ChoiceForm`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The user accepted with this value, not yet checked against the
    /// choices.
    Chosen(String),
    Declined,
    Cancelled,
}

/// A failure to get or read the user's answer.
#[derive(Debug, thiserror::Error)]
pub enum ElicitationError {
    #[error("the client's elicitation/create request failed: {0}")]
    Request(#[source] ServiceError),
    #[error("the user did not answer the form within {} minutes", .0.as_secs() / 60)]
    TimedOut(Duration),
    #[error(
        "the client accepted the form but sent no text value for {field:?}; call the tool again to ask again"
    )]
    MissingValue { field: &'static str },
    #[error(
        "the retry carries no inputResponses entry {key:?} for the form; call the tool again without requestState to ask again"
    )]
    MissingResponse { key: String },
    #[error(
        "inputResponses entry {key:?} is not an elicitation result ({reason}); call the tool again without requestState to ask again"
    )]
    InvalidResponse { key: String, reason: String },
}

impl ChoiceForm {
    /// Builds the `elicitation/create` parameters: an object with the one
    /// required field, a titled single-select enum (`oneOf` of `const` and
    /// `title`).
    pub fn params(&self) -> ElicitRequestParams {
        let options = self
            .choices
            .iter()
            .map(|choice| ConstTitle::new(choice.value.clone(), choice.title.clone()))
            .collect();
        let mut field = TitledSingleSelectEnumSchema::new(options);
        field.title = Some(self.field_title.clone().into());
        field.description = Some(self.field_description.clone().into());
        let field = PrimitiveSchemaDefinition::Enum(EnumSchema::Single(
            SingleSelectEnumSchema::Titled(field),
        ));
        let properties = BTreeMap::from([(self.field.to_string(), field)]);
        let schema = ElicitationSchema::new(properties).with_required(vec![self.field.to_string()]);
        ElicitRequestParams::FormElicitationParams {
            meta: None,
            message: self.message.clone(),
            requested_schema: schema,
        }
    }

    /// Asks through `elicitation/create` and waits up to `timeout` for the
    /// user, with the tool deadline paused (see [`pause_deadline`]).
    pub async fn ask(
        &self,
        peer: &Peer<RoleServer>,
        timeout: Duration,
    ) -> Result<Answer, ElicitationError> {
        let request = peer.create_elicitation_with_timeout(self.params(), Some(timeout));
        match pause_deadline(request).await {
            Ok(result) => read_answer(&result, self.field),
            Err(ServiceError::Timeout { .. }) => Err(ElicitationError::TimedOut(timeout)),
            Err(error) => Err(ElicitationError::Request(error)),
        }
    }

    /// Builds the `InputRequiredResult` that asks for this form under
    /// `key`, with `request_state` for the client to echo.
    pub fn input_required(&self, key: &str, request_state: String) -> InputRequiredResult {
        let request = InputRequest::Elicitation(ElicitRequest::new(self.params()));
        let requests = InputRequests::from([(key.to_string(), request)]);
        InputRequiredResult::new(Some(requests), Some(request_state))
    }
}

/// Reads the answer to a form with `field` from the client's result.
pub fn read_answer(result: &ElicitResult, field: &'static str) -> Result<Answer, ElicitationError> {
    match result.action {
        ElicitationAction::Decline => Ok(Answer::Declined),
        ElicitationAction::Cancel => Ok(Answer::Cancelled),
        ElicitationAction::Accept => result
            .content
            .as_ref()
            .and_then(|content| content.get(field))
            .and_then(Value::as_str)
            .map(|value| Answer::Chosen(value.trim().to_string()))
            .ok_or(ElicitationError::MissingValue { field }),
        // An action newer than rmcp 3.11 is not an acceptance, so nothing
        // is acted on.
        _ => Ok(Answer::Cancelled),
    }
}

/// Reads the answer under `key` from a retry's `inputResponses`.
pub fn read_input_response(
    responses: Option<&rmcp::model::InputResponses>,
    key: &str,
    field: &'static str,
) -> Result<Answer, ElicitationError> {
    let response = responses
        .and_then(|responses| responses.get(key))
        .ok_or_else(|| ElicitationError::MissingResponse {
            key: key.to_string(),
        })?;
    let result: ElicitResult = serde_json::from_value(response.clone()).map_err(|error| {
        ElicitationError::InvalidResponse {
            key: key.to_string(),
            reason: error.to_string(),
        }
    })?;
    read_answer(&result, field)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rmcp::model::ElicitationCapability;
    use serde_json::json;

    fn form() -> ChoiceForm {
        ChoiceForm {
            message: "Choose the host".to_string(),
            field: "host",
            field_title: "Host".to_string(),
            field_description: "Who hosts the webinar".to_string(),
            choices: vec![
                Choice {
                    value: "u1".to_string(),
                    title: "Olivia Owner <owner@example.com> (Licensed)".to_string(),
                },
                Choice {
                    value: "u2".to_string(),
                    title: "Harper Host <host@example.com> (Licensed)".to_string(),
                },
            ],
        }
    }

    #[test]
    fn form_schema_is_titled_single_select() {
        let params = serde_json::to_value(form().params()).unwrap();
        assert_eq!(params["mode"], json!("form"));
        assert_eq!(params["message"], json!("Choose the host"));
        let schema = &params["requestedSchema"];
        assert_eq!(schema["type"], json!("object"));
        assert_eq!(schema["required"], json!(["host"]));
        let host = &schema["properties"]["host"];
        assert_eq!(host["type"], json!("string"));
        assert_eq!(host["title"], json!("Host"));
        assert_eq!(
            host["oneOf"][1],
            json!({ "const": "u2", "title": "Harper Host <host@example.com> (Licensed)" })
        );
    }

    #[test]
    fn answer_actions() {
        let accepted =
            ElicitResult::new(ElicitationAction::Accept).with_content(json!({ "host": " u2 " }));
        assert_eq!(
            read_answer(&accepted, "host").unwrap(),
            Answer::Chosen("u2".to_string())
        );
        let declined = ElicitResult::new(ElicitationAction::Decline);
        assert_eq!(read_answer(&declined, "host").unwrap(), Answer::Declined);
        let cancelled = ElicitResult::new(ElicitationAction::Cancel);
        assert_eq!(read_answer(&cancelled, "host").unwrap(), Answer::Cancelled);
    }

    #[test]
    fn accepted_answer_without_value_fails() {
        let empty = ElicitResult::new(ElicitationAction::Accept).with_content(json!({}));
        let error = read_answer(&empty, "host").unwrap_err();
        assert!(error.to_string().contains("\"host\""), "{error}");
        let number =
            ElicitResult::new(ElicitationAction::Accept).with_content(json!({ "host": 2 }));
        assert!(read_answer(&number, "host").is_err());
    }

    #[test]
    fn input_response_is_read_by_key() {
        let responses = rmcp::model::InputResponses::from([(
            "host".to_string(),
            json!({ "action": "accept", "content": { "host": "u1" } }),
        )]);
        assert_eq!(
            read_input_response(Some(&responses), "host", "host").unwrap(),
            Answer::Chosen("u1".to_string())
        );
        let missing = read_input_response(Some(&responses), "other", "host").unwrap_err();
        assert!(matches!(missing, ElicitationError::MissingResponse { .. }));
        let garbage =
            rmcp::model::InputResponses::from([("host".to_string(), json!({ "action": 3 }))]);
        let invalid = read_input_response(Some(&garbage), "host", "host").unwrap_err();
        assert!(matches!(invalid, ElicitationError::InvalidResponse { .. }));
        assert!(read_input_response(None, "host", "host").is_err());
    }

    #[test]
    fn form_capability_rules() {
        let mut capabilities = ClientCapabilities::default();
        assert!(!supports_form_elicitation(&capabilities));
        capabilities.elicitation = Some(ElicitationCapability::default());
        assert!(supports_form_elicitation(&capabilities), "bare capability");
        let url_only: ElicitationCapability = serde_json::from_value(json!({ "url": {} })).unwrap();
        capabilities.elicitation = Some(url_only);
        assert!(!supports_form_elicitation(&capabilities), "url mode only");
        let both: ElicitationCapability =
            serde_json::from_value(json!({ "form": {}, "url": {} })).unwrap();
        capabilities.elicitation = Some(both);
        assert!(supports_form_elicitation(&capabilities));
    }

    #[test]
    fn input_required_carries_form_and_state() {
        let result = form().input_required("host", "state-1".to_string());
        let value = serde_json::to_value(&result).unwrap();
        assert_eq!(value["resultType"], json!("input_required"));
        assert_eq!(value["requestState"], json!("state-1"));
        assert_eq!(
            value["inputRequests"]["host"]["method"],
            json!("elicitation/create")
        );
        assert_eq!(
            value["inputRequests"]["host"]["params"]["requestedSchema"]["required"],
            json!(["host"])
        );
    }
}
