//! Create webinars: single, with an interactively chosen host, and recurring.

mod interactive;

use rmcp::RoleServer;
use rmcp::handler::server::tool::{InputResponses, RequestState};
use rmcp::handler::server::wrapper::Parameters;
use rmcp::service::RequestContext;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::{Map, Value, json};

pub use interactive::{
    CreateInteractiveParams, HOST_FORM_TIMEOUT, HostAnswer, InteractiveResult, Retry,
    create_interactive,
};

use crate::server::output::{Json, Reply, ToolError};
use crate::server::{AppState, ZoomServer};
use crate::time::{ResolvedStart, human_time, parse_time_zone, resolve_start_time};
use crate::tools::get::webinars::{WebinarResult, default_me, webinar_result};
use crate::tools::input::{
    SettingsInput, check_agenda, check_duration, check_password, check_topic,
};
use crate::tools::views::human_time_with_utc;
use crate::tools::views::webinar::ZoomWebinar;
use crate::zoom::{ApiPath, Method};

/// Default length of a new webinar, in minutes.
pub const DEFAULT_DURATION_MINUTES: u32 = 60;

/// The fields every create tool takes.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct WebinarFields {
    /// Title, at most 200 characters.
    pub topic: String,
    /// Start: local time "2026-12-10T15:00" in `timezone` (else the server's default time zone),
    /// or an instant with Z or an offset such as "2026-12-10T09:30:00Z".
    pub start_time: String,
    /// IANA time zone such as America/New_York; default: the server's default time zone.
    #[serde(default)]
    #[schemars(with = "String")]
    pub timezone: Option<String>,
    /// Length in minutes, 1 to 1440; default 60.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub duration: Option<u32>,
    /// Description shown to registrants, at most 2000 characters.
    #[serde(default)]
    #[schemars(with = "String")]
    pub agenda: Option<String>,
    /// Passcode, at most 10 characters; Zoom generates one when omitted and the account requires it.
    #[serde(default)]
    #[schemars(with = "String")]
    pub password: Option<String>,
    /// Settings such as registration (none, automatic, manual), video, recording and Q&A.
    #[serde(default)]
    #[schemars(with = "SettingsInput")]
    pub settings: Option<SettingsInput>,
    /// Webinar template id (list_webinar_templates) whose settings the new webinar starts from.
    #[serde(default)]
    #[schemars(with = "String")]
    pub template_id: Option<String>,
}

/// A validated create request, ready to send.
pub struct CreateRequest {
    pub body: Map<String, Value>,
    pub start: ResolvedStart,
}

impl WebinarFields {
    /// Check every field and build Zoom's body for a single webinar (type 5).
    pub fn to_request(&self, state: &AppState) -> Result<CreateRequest, ToolError> {
        let request = self.to_request_allowing_registration_type(state)?;
        let has_registration_type = request
            .body
            .get("settings")
            .is_some_and(|settings| settings.get("registration_type").is_some());
        if has_registration_type {
            return Err(ToolError::invalid(
                "settings.registration_type applies only to recurring webinars; use create_recurring_webinar or leave it out.",
            ));
        }
        Ok(request)
    }

    /// As [`WebinarFields::to_request`], also accepting `settings.registration_type`,
    /// for recurring webinars.
    pub fn to_request_allowing_registration_type(
        &self,
        state: &AppState,
    ) -> Result<CreateRequest, ToolError> {
        let time_zone = match &self.timezone {
            Some(zone) if !zone.trim().is_empty() => parse_time_zone(zone)?,
            _ => state.time_zone(),
        };
        let start = resolve_start_time(&self.start_time, time_zone)?;
        if start.utc < chrono::Utc::now() {
            return Err(ToolError::invalid(format!(
                "start_time {} is in the past ({}). Give a future time.",
                self.start_time,
                human_time(start.utc, time_zone)
            )));
        }
        let mut body = Map::new();
        body.insert("topic".into(), json!(check_topic(&self.topic)?));
        body.insert("type".into(), json!(5));
        body.insert("start_time".into(), json!(start.zoom_local()));
        body.insert("timezone".into(), json!(time_zone.name()));
        body.insert(
            "duration".into(),
            json!(check_duration(
                self.duration.unwrap_or(DEFAULT_DURATION_MINUTES)
            )?),
        );
        if let Some(agenda) = &self.agenda {
            body.insert("agenda".into(), json!(check_agenda(agenda)?));
        }
        if let Some(password) = &self.password {
            body.insert("password".into(), json!(check_password(password)?));
        }
        if let Some(template_id) = self
            .template_id
            .as_deref()
            .filter(|id| !id.trim().is_empty())
        {
            body.insert(
                "template_id".into(),
                json!(crate::tools::limits::check_zoom_id(
                    "template_id",
                    template_id
                )?),
            );
        }
        if let Some(settings) = &self.settings {
            let settings = settings.to_zoom()?;
            if !settings.is_empty() {
                body.insert("settings".into(), Value::Object(settings));
            }
        }
        Ok(CreateRequest { body, start })
    }
}

/// POST the webinar for `host` and return Zoom's webinar object.
pub async fn create_for_host(
    state: &AppState,
    host: &str,
    body: Map<String, Value>,
) -> Result<ZoomWebinar, ToolError> {
    let path = ApiPath::new()
        .literal("users")
        .value("user_id", host)?
        .literal("webinars");
    let created = state
        .zoom
        .send(Method::POST, &path, &Vec::new(), Some(&Value::Object(body)))
        .await?
        .ok_or_else(|| {
            ToolError::invalid(
                "Zoom created the webinar but returned no body; call list_webinars to find it.",
            )
        })?;
    let webinar: ZoomWebinar = crate::zoom::decode(created)?;
    tracing::info!(
        tool = "create_webinar",
        webinar_id = webinar.id,
        "webinar created"
    );
    Ok(webinar)
}

/// Build the result for a created webinar, with a message.
pub fn created_result(state: &AppState, webinar: &ZoomWebinar) -> WebinarResult {
    let time_zone = state.time_zone();
    let start = webinar
        .start_time
        .as_deref()
        .and_then(|start| crate::time::parse_zoom_utc(start).ok())
        .map(|utc| format!(" starting {}", human_time_with_utc(utc, time_zone)))
        .unwrap_or_default();
    webinar_result(
        state,
        webinar,
        false,
        Some(format!(
            "Created webinar {} ({}){start}.",
            webinar.id,
            webinar.topic.clone().unwrap_or_default()
        )),
    )
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct CreateWebinarParams {
    /// Host: user id, email, or `me` (default) for the account owner. The host needs a Webinars licence.
    #[serde(default = "default_me")]
    pub user_id: String,
    #[serde(flatten)]
    pub fields: WebinarFields,
}

#[tool_router(router = create_webinars_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Schedule a single webinar for a host. The start time is local time in `timezone` (default:
    /// the server's default time zone) unless it carries Z or an offset; it is sent to Zoom as
    /// local time with the time zone. Returns the webinar with its join URL.
    #[tool(
        name = "create_webinar",
        title = "Create webinar",
        annotations(
            title = "Create webinar",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = false,
            open_world_hint = true
        )
    )]
    async fn create_webinar(
        &self,
        Parameters(params): Parameters<CreateWebinarParams>,
    ) -> Result<Json<WebinarResult>, ToolError> {
        let request = params.fields.to_request(&self.state)?;
        let webinar = create_for_host(&self.state, params.user_id.trim(), request.body).await?;
        Ok(Json(created_result(&self.state, &webinar)))
    }

    /// Create a single webinar with the host chosen from the account's users. Without
    /// host_selection the server asks the user to choose in a form when the client supports MCP
    /// elicitation; otherwise it returns the numbered user list and creates nothing, and you call
    /// again with the chosen number, email, id or name.
    #[tool(
        name = "create_webinar_interactive",
        title = "Create webinar, choosing the host",
        annotations(
            title = "Create webinar, choosing the host",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = false,
            open_world_hint = true
        ),
        output_schema = rmcp::handler::server::tool::schema_for_output::<InteractiveResult>()
    )]
    async fn create_webinar_interactive(
        &self,
        Parameters(params): Parameters<CreateInteractiveParams>,
        context: RequestContext<RoleServer>,
        RequestState(request_state): RequestState,
        InputResponses(input_responses): InputResponses,
    ) -> Result<Reply<InteractiveResult>, ToolError> {
        let retry = Retry {
            request_state,
            input_responses,
        };
        create_interactive(&self.state, params, &context, retry).await
    }
}
