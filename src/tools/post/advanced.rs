//! Advanced creates: a webinar template from a webinar, and a SIP URI for
//! dialing into a webinar.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::tools::common::WebinarId;
use crate::tools::get::webinars::default_me;
use crate::tools::limits::check_text;
use crate::zoom::{ApiPath, Method};

/// Longest template name accepted, in characters.
// NOTE: Zoom's OpenAPI spec gives no limit for template names; 128
// characters keeps pasted text out and may be above Zoom's real limit.
const MAX_TEMPLATE_NAME_CHARS: usize = 128;
/// Longest SIP passcode accepted: Zoom's webinar passcode limit.
const MAX_SIP_PASSCODE_CHARS: usize = 10;

#[derive(Debug, Deserialize, JsonSchema)]
pub struct CreateTemplateParams {
    /// The webinar (a 64-bit id from list_webinars) whose settings the template saves.
    pub webinar_id: WebinarId,
    /// The template's name; Zoom rejects a name the user already has.
    pub name: String,
    /// User who owns the template: user id, email, or `me` (default) for the account owner.
    #[serde(default = "default_me")]
    pub user_id: String,
    /// Save a recurring webinar's recurrence in the template (Zoom's default false).
    #[serde(default)]
    #[schemars(with = "bool")]
    pub save_recurrence: Option<bool>,
    /// Replace a template made earlier from the same webinar (Zoom's default false).
    #[serde(default)]
    #[schemars(with = "bool")]
    pub overwrite: Option<bool>,
}

#[derive(Debug, Deserialize)]
struct ZoomCreatedTemplate {
    #[serde(default)]
    id: String,
    #[serde(default)]
    name: Option<String>,
}

/// The created template.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CreatedTemplate {
    pub user_id: String,
    pub webinar_id: u64,
    pub id: String,
    pub name: String,
}

impl ToolOutput for CreatedTemplate {
    fn summary(&self) -> String {
        format!(
            "Created webinar template \"{}\" (id {}) for user {} from webinar {}.",
            self.name, self.id, self.user_id, self.webinar_id
        )
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct SipDialingParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// Passcode to embed in the SIP URI, at most 10 characters; Zoom does not check it.
    #[serde(default)]
    #[schemars(with = "String")]
    pub passcode: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ZoomSipDialing {
    #[serde(default)]
    sip_dialing: String,
    #[serde(default)]
    paid_crc_plan_participant: Option<bool>,
    #[serde(default)]
    participant_identifier_code: Option<String>,
    #[serde(default)]
    expire_in: Option<i64>,
}

/// A SIP URI for dialing into a webinar. The URI lets a room system join.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SipDialing {
    pub webinar_id: u64,
    /// The encoded SIP URI to dial. Share it only with the room system that needs it.
    pub sip_dialing: String,
    /// Whether the caller has a Conference Room Connector plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid_crc_plan_participant: Option<bool>,
    /// The participant code embedded in the URI (CRC plans).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participant_identifier_code: Option<String>,
    /// Seconds the URI stays valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expire_in: Option<i64>,
}

impl ToolOutput for SipDialing {
    fn summary(&self) -> String {
        let validity = self
            .expire_in
            .map(|seconds| format!(", valid for {seconds} seconds"))
            .unwrap_or_default();
        format!(
            "Got a SIP URI for webinar {}{validity}; it is in the structured result's `sip_dialing` field. Anyone with it can dial in, so share it only with the room system that needs it.",
            self.webinar_id
        )
    }
}

#[tool_router(router = create_advanced_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Save a webinar's settings as a webinar template for scheduling similar webinars. With
    /// overwrite, replaces a template made earlier from the same webinar. A user has at most
    /// 40 templates.
    #[tool(
        name = "create_webinar_template",
        title = "Create webinar template",
        annotations(
            title = "Create webinar template",
            read_only_hint = false,
            destructive_hint = true,
            idempotent_hint = false,
            open_world_hint = true
        )
    )]
    async fn create_webinar_template(
        &self,
        Parameters(params): Parameters<CreateTemplateParams>,
    ) -> Result<Json<CreatedTemplate>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let user_id = params.user_id.trim().to_string();
        let name = check_text("name", &params.name, MAX_TEMPLATE_NAME_CHARS)?;
        let mut body = json!({ "webinar_id": webinar_id, "name": name });
        if let Some(save) = params.save_recurrence {
            body["save_recurrence"] = json!(save);
        }
        if let Some(overwrite) = params.overwrite {
            body["overwrite"] = json!(overwrite);
        }
        let path = ApiPath::new()
            .literal("users")
            .value("user_id", &user_id)?
            .literal("webinar_templates");
        let created = self
            .state
            .zoom
            .send(Method::POST, &path, &Vec::new(), Some(&body))
            .await?
            .ok_or_else(|| {
                ToolError::invalid(
                    "Zoom created the template but returned no body; list_webinar_templates lists it.",
                )
            })?;
        let created: ZoomCreatedTemplate = crate::zoom::decode(created)?;
        tracing::info!(tool = "create_webinar_template", webinar_id, template_id = %created.id, "webinar template created");
        Ok(Json(CreatedTemplate {
            user_id,
            webinar_id,
            id: created.id,
            name: created.name.unwrap_or(name),
        }))
    }

    /// Get a SIP URI that a video room system dials to join a webinar, optionally with a
    /// passcode embedded. The URI expires after expire_in seconds. Anyone with the URI can dial
    /// in, so share it only with the room system.
    #[tool(
        name = "get_webinar_sip_dialing",
        title = "Get webinar SIP dialing",
        annotations(
            title = "Get webinar SIP dialing",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn get_webinar_sip_dialing(
        &self,
        Parameters(params): Parameters<SipDialingParams>,
    ) -> Result<Json<SipDialing>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let mut body = Map::new();
        if let Some(passcode) = &params.passcode {
            body.insert("passcode".into(), json!(check_sip_passcode(passcode)?));
        }
        let path = ApiPath::new()
            .literal("webinars")
            .number(webinar_id)
            .literal("sip_dialing");
        let returned = self
            .state
            .zoom
            .send(Method::POST, &path, &Vec::new(), Some(&Value::Object(body)))
            .await?
            .ok_or_else(|| ToolError::invalid("Zoom returned no SIP URI. Try again."))?;
        let sip: ZoomSipDialing = crate::zoom::decode(returned)?;
        tracing::info!(
            tool = "get_webinar_sip_dialing",
            webinar_id,
            "SIP URI issued"
        );
        Ok(Json(SipDialing {
            webinar_id,
            sip_dialing: sip.sip_dialing,
            paid_crc_plan_participant: sip.paid_crc_plan_participant,
            participant_identifier_code: sip
                .participant_identifier_code
                .filter(|code| !code.is_empty()),
            expire_in: sip.expire_in,
        }))
    }
}

/// Check a passcode: 1 to 10 characters without spaces or control
/// characters. The value never appears in the error.
fn check_sip_passcode(passcode: &str) -> Result<String, ToolError> {
    let chars = passcode.chars().count();
    if chars == 0 || chars > MAX_SIP_PASSCODE_CHARS {
        return Err(ToolError::invalid(format!(
            "passcode is {chars} characters long; give 1 to {MAX_SIP_PASSCODE_CHARS}, as for a webinar passcode, or omit it."
        )));
    }
    if passcode
        .chars()
        .any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(ToolError::invalid(
            "passcode contains spaces or control characters. Remove them.",
        ));
    }
    Ok(passcode.to_string())
}
