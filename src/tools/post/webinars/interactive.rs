//! create_webinar_interactive: create a single webinar with a host the user
//! chooses. The server asks the user in an MCP elicitation form when the
//! client supports one, and otherwise returns a numbered list for the model
//! to show and answer with `host_selection`.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Duration;

use rmcp::RoleServer;
use rmcp::service::RequestContext;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{CreateRequest, WebinarFields, create_for_host, created_result};
use crate::server::AppState;
use crate::server::dispatch::with_current_deadline;
use crate::server::elicitation::{
    self, Answer, Channel, Choice, ChoiceForm, ElicitationError, read_input_response,
};
use crate::server::output::{Reply, ToolError, ToolOutput};
use crate::tools::get::users::{
    LICENSED_USER_TYPE, NumberedUser, UserRow, numbered_users, select_user, webinar_host_candidates,
};
use crate::tools::limits::truncate_for_message;
use crate::tools::views::human_time_with_utc;
use crate::tools::views::webinar::WebinarDetail;

/// How long the server waits for the user to answer the host form sent
/// with `elicitation/create`; the tool deadline is paused meanwhile.
pub const HOST_FORM_TIMEOUT: Duration = Duration::from_secs(600);

/// The property of the host form that contains the chosen user id.
const HOST_FIELD: &str = "host";
/// The key of the host form in `inputRequests` and `inputResponses`.
const HOST_INPUT_KEY: &str = "host";
/// The start of every `requestState` this tool issues.
const REQUEST_STATE_PREFIX: &str = "create_webinar_interactive/host/v1/";

#[derive(Debug, Deserialize, JsonSchema)]
pub struct CreateInteractiveParams {
    /// The host: a number from list_users_for_selection, an email, a user id or a name. Omit it
    /// to have the user choose: in a form when the client supports elicitation, else from the
    /// numbered list this tool returns, creating nothing until called again with host_selection.
    #[serde(
        default,
        deserialize_with = "crate::tools::common::optional_string_or_number"
    )]
    #[schemars(with = "String")]
    pub host_selection: Option<String>,
    #[serde(flatten)]
    pub fields: WebinarFields,
}

/// How the user answered the host form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HostAnswer {
    Chosen,
    Declined,
    Cancelled,
}

/// Result of create_webinar_interactive: the webinar, or the host choices.
#[derive(Debug, Serialize, JsonSchema)]
pub struct InteractiveResult {
    pub created: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webinar: Option<WebinarDetail>,
    /// Users to choose the host from, when no host_selection was given and the client cannot
    /// show a form.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub host_choices: Vec<NumberedUser>,
    /// How the user answered the host form, when the server asked through MCP elicitation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_answer: Option<HostAnswer>,
    pub message: String,
    #[serde(skip)]
    time_zone: Option<chrono_tz::Tz>,
}

impl ToolOutput for InteractiveResult {
    fn summary(&self) -> String {
        let mut text = self.message.clone();
        for choice in &self.host_choices {
            let user = &choice.user;
            let cannot_host = user
                .user_type
                .is_some_and(|kind| kind != LICENSED_USER_TYPE);
            text.push_str(&format!(
                "\n{}. {} <{}> ({}{})",
                choice.number,
                user.name,
                user.email,
                user.user_type_name,
                if cannot_host {
                    "; cannot host webinars"
                } else {
                    ""
                }
            ));
        }
        if let Some(webinar) = &self.webinar {
            text.push('\n');
            text.push_str(&webinar.summary_lines(self.time_zone.unwrap_or(chrono_tz::UTC)));
        }
        text
    }
}

/// The MRTR fields of a `tools/call` retry in the 2026-07-28 era.
pub struct Retry {
    pub request_state: Option<String>,
    pub input_responses: Option<rmcp::model::InputResponses>,
}

/// Runs create_webinar_interactive.
pub async fn create_interactive(
    state: &AppState,
    params: CreateInteractiveParams,
    context: &RequestContext<RoleServer>,
    retry: Retry,
) -> Result<Reply<InteractiveResult>, ToolError> {
    // Check the webinar first, so the user is not asked for a host only to hit a bad field.
    let request = params.fields.to_request(state)?;
    let webinar = Pending {
        state,
        topic: params.fields.topic.trim().to_string(),
        request,
    };
    let selection = params
        .host_selection
        .as_deref()
        .map(str::trim)
        .filter(|value| !value.is_empty());
    if let Some(selection) = selection {
        let host = select_user(state, selection).await?;
        refuse_unlicensed_host(&host.user)?;
        return Ok(Reply::Done(webinar.create(&host.user, None).await?));
    }

    match elicitation::channel(context) {
        Channel::Unsupported => Ok(Reply::Done(webinar.host_list(None).await?)),
        Channel::Request(peer) => {
            let (hosts, form) = webinar.host_form().await?;
            match form.ask(&peer, HOST_FORM_TIMEOUT).await {
                Ok(answer) => webinar.answer(answer, &hosts).await.map(Reply::Done),
                Err(ElicitationError::Request(error)) => {
                    tracing::warn!(tool = "create_webinar_interactive", %error, "host form failed; returning the numbered list instead");
                    let reason = format!("The host form could not be shown ({error}).");
                    Ok(Reply::Done(webinar.host_list(Some(reason)).await?))
                }
                Err(error) => Err(nothing_created(&error)),
            }
        }
        Channel::InputRequired => match retry.request_state {
            None => {
                let (_, form) = webinar.host_form().await?;
                let request_state = request_state_for(&webinar.request.body);
                Ok(Reply::InputRequired(
                    form.input_required(HOST_INPUT_KEY, request_state),
                ))
            }
            Some(request_state) => {
                if request_state != request_state_for(&webinar.request.body) {
                    return Err(ToolError::invalid(
                        "requestState does not match these webinar details: it was issued for another topic, time or settings, or by another tool, so nothing was created. Call create_webinar_interactive again without requestState to ask for the host again.",
                    ));
                }
                let answer =
                    read_input_response(retry.input_responses.as_ref(), HOST_INPUT_KEY, HOST_FIELD)
                        .map_err(|error| nothing_created(&error))?;
                // The answer comes from the client, so it is checked against
                // the candidates as they are now, not as they were when asked.
                let (hosts, _) = webinar_host_candidates(state).await?;
                webinar.answer(answer, &hosts).await.map(Reply::Done)
            }
        },
    }
}

/// A checked webinar waiting for its host.
struct Pending<'a> {
    state: &'a AppState,
    topic: String,
    request: CreateRequest,
}

impl Pending<'_> {
    fn when(&self) -> String {
        human_time_with_utc(self.request.start.utc, self.request.start.time_zone)
    }

    /// Lists the host candidates and builds the form that offers them.
    async fn host_form(&self) -> Result<(Vec<UserRow>, ChoiceForm), ToolError> {
        let (hosts, truncated) = webinar_host_candidates(self.state).await?;
        if hosts.is_empty() {
            return Err(ToolError::invalid(format!(
                "No active user{} can host a webinar: hosting needs a Licensed user with a Webinars licence, so nothing was created. Ask a Zoom admin to assign one, or pass host_selection to try a specific user.",
                if truncated {
                    " among the first 300"
                } else {
                    ""
                }
            )));
        }
        let more = if truncated {
            " The account has more active users than the 300 listed: to pick another one, decline and give host_selection."
        } else {
            ""
        };
        let form = ChoiceForm {
            message: format!(
                "Choose the host of the webinar \"{}\" on {}. Only active users with a Licensed user type are listed, because hosting a webinar needs a licence.{more}",
                self.topic,
                self.when()
            ),
            field: HOST_FIELD,
            field_title: "Host".to_string(),
            field_description: "The Zoom user who hosts the webinar and can start it.".to_string(),
            choices: hosts
                .iter()
                .map(|host| Choice {
                    value: host.id.clone(),
                    title: format!("{} <{}> ({})", host.name, host.email, host.user_type_name),
                })
                .collect(),
        };
        Ok((hosts, form))
    }

    /// Acts on the user's answer: creates the webinar for a chosen host that
    /// is among `hosts`, or reports that nothing was created.
    async fn answer(
        &self,
        answer: Answer,
        hosts: &[UserRow],
    ) -> Result<InteractiveResult, ToolError> {
        let (host_answer, what) = match answer {
            Answer::Chosen(value) => {
                let host = hosts.iter().find(|host| host.id == value).ok_or_else(|| {
                    ToolError::invalid(format!(
                        "The host chosen in the form, {:?}, is not one of the {} users offered, so nothing was created. Call create_webinar_interactive again to ask again, or pass host_selection.",
                        truncate_for_message(&value),
                        hosts.len()
                    ))
                })?;
                return with_current_deadline(self.create(host, Some(HostAnswer::Chosen))).await;
            }
            Answer::Declined => (HostAnswer::Declined, "declined to choose a host"),
            Answer::Cancelled => (HostAnswer::Cancelled, "dismissed the host form"),
        };
        tracing::info!(tool = "create_webinar_interactive", answer = ?host_answer, "no host chosen; nothing created");
        Ok(InteractiveResult {
            created: false,
            webinar: None,
            host_choices: Vec::new(),
            host_answer: Some(host_answer),
            message: format!(
                "Nothing was created: the user {what} for \"{}\" ({}). Do not create it another way unless the user asks again.",
                self.topic,
                self.when()
            ),
            time_zone: Some(self.state.time_zone()),
        })
    }

    async fn create(
        &self,
        host: &UserRow,
        host_answer: Option<HostAnswer>,
    ) -> Result<InteractiveResult, ToolError> {
        let created = create_for_host(self.state, &host.id, self.request.body.clone()).await?;
        let result = created_result(self.state, &created);
        Ok(InteractiveResult {
            created: true,
            message: format!(
                "{} Host: {} <{}>.",
                result.message.clone().unwrap_or_default(),
                host.name,
                host.email
            ),
            webinar: Some(result.webinar),
            host_choices: Vec::new(),
            host_answer,
            time_zone: Some(self.state.time_zone()),
        })
    }

    /// Returns the numbered user list for the model to show, creating
    /// nothing. `reason` explains why the form failed, when one was sent.
    async fn host_list(&self, reason: Option<String>) -> Result<InteractiveResult, ToolError> {
        let choices = numbered_users(self.state).await?;
        let reason = reason
            .map(|reason| format!("{reason} "))
            .unwrap_or_default();
        Ok(InteractiveResult {
            created: false,
            webinar: None,
            host_choices: choices.users,
            host_answer: None,
            message: format!(
                "{reason}Nothing created yet. Choose the host of \"{}\" ({}): call create_webinar_interactive again with host_selection set to a number, email, id or name of a Licensed user (other user types cannot host webinars).",
                self.topic,
                self.when()
            ),
            time_zone: Some(self.state.time_zone()),
        })
    }
}

/// Refuses a chosen host whose user type Zoom reports as other than
/// Licensed, before any write: Zoom would answer with code 200 ("Webinar
/// plan is missing"). A user whose type Zoom did not report is left for
/// Zoom to judge, as in [`webinar_host_candidates`].
fn refuse_unlicensed_host(host: &UserRow) -> Result<(), ToolError> {
    match host.user_type {
        Some(kind) if kind != LICENSED_USER_TYPE => Err(ToolError::invalid(format!(
            "{} <{}> is a {} user and cannot host a webinar: hosting needs a Licensed user with a Webinars licence, so nothing was created. Choose a user listed as Licensed, or ask a Zoom admin to assign a licence.",
            host.name, host.email, host.user_type_name
        ))),
        _ => Ok(()),
    }
}

fn nothing_created(error: &ElicitationError) -> ToolError {
    ToolError::invalid(format!(
        "Nothing was created because {error}. Call create_webinar_interactive again to ask for the host again, or pass host_selection."
    ))
}

/// Builds the `requestState` for the host form: a checksum of the Zoom
/// request body, so an answer is used only for the webinar details the
/// user saw. It is neither secret nor signed, and the client can echo
/// anything, so the chosen host is checked against a fresh list of
/// candidates in any case. `DefaultHasher::new` hashes the same way in every run of one
/// build, which is all a retry needs.
fn request_state_for(body: &Map<String, Value>) -> String {
    let mut hasher = DefaultHasher::new();
    Value::Object(body.clone()).to_string().hash(&mut hasher);
    format!("{REQUEST_STATE_PREFIX}{:016x}", hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn request_state_follows_the_body() {
        let body = |topic: &str| {
            json!({ "topic": topic, "start_time": "2027-01-15T15:00:00" })
                .as_object()
                .unwrap()
                .clone()
        };
        let first = request_state_for(&body("Launch"));
        assert!(first.starts_with(REQUEST_STATE_PREFIX), "{first}");
        assert_eq!(first, request_state_for(&body("Launch")));
        assert_ne!(first, request_state_for(&body("Launch 2")));
    }
}
