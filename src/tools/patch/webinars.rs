//! Update a webinar or one occurrence.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError};
use crate::time::{human_time, parse_time_zone, resolve_start_time};
use crate::tools::common::WebinarId;
use crate::tools::get::webinars::{
    WebinarResult, check_occurrence_id, fetch_webinar, webinar_result,
};
use crate::tools::input::{
    SettingsInput, check_agenda, check_duration, check_password, check_topic,
};
use crate::zoom::{ApiPath, Method, Query};

#[derive(Debug, Deserialize, JsonSchema)]
pub struct UpdateWebinarParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// Update only this occurrence of a recurring webinar; then only start_time, duration and
    /// agenda can change.
    #[serde(
        default,
        deserialize_with = "crate::tools::common::optional_string_or_number"
    )]
    #[schemars(with = "String")]
    pub occurrence_id: Option<String>,
    /// New title, at most 200 characters.
    #[serde(default)]
    #[schemars(with = "String")]
    pub topic: Option<String>,
    /// New start: local time "2026-12-10T15:00" (in `timezone`, else the webinar's own time
    /// zone), or an instant with Z or an offset.
    #[serde(default)]
    #[schemars(with = "String")]
    pub start_time: Option<String>,
    /// IANA time zone such as America/New_York; sets the webinar's time zone and how
    /// start_time is read.
    #[serde(default)]
    #[schemars(with = "String")]
    pub timezone: Option<String>,
    /// New length in minutes, 1 to 1440.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub duration: Option<u32>,
    /// New description, at most 2000 characters.
    #[serde(default)]
    #[schemars(with = "String")]
    pub agenda: Option<String>,
    /// New passcode, at most 10 characters.
    #[serde(default)]
    #[schemars(with = "String")]
    pub password: Option<String>,
    /// Settings to change; unset ones stay as they are.
    #[serde(default)]
    #[schemars(with = "SettingsInput")]
    pub settings: Option<SettingsInput>,
}

#[tool_router(router = update_webinars_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Update a webinar's topic, start time, time zone, duration, agenda, passcode or settings;
    /// with occurrence_id, update one occurrence of a recurring webinar (start time, duration,
    /// agenda). Only the fields given change. Returns the webinar as it is after the update.
    #[tool(
        name = "update_webinar",
        title = "Update webinar",
        annotations(
            title = "Update webinar",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn update_webinar(
        &self,
        Parameters(params): Parameters<UpdateWebinarParams>,
    ) -> Result<Json<WebinarResult>, ToolError> {
        let webinar_id = params.webinar_id.0;
        let occurrence_id = check_occurrence_id(&params.occurrence_id)?;
        if occurrence_id.is_some() {
            let mut not_allowed = Vec::new();
            if params.topic.is_some() {
                not_allowed.push("topic");
            }
            if params.timezone.is_some() {
                not_allowed.push("timezone");
            }
            if params.password.is_some() {
                not_allowed.push("password");
            }
            if params.settings.is_some() {
                not_allowed.push("settings");
            }
            if !not_allowed.is_empty() {
                return Err(ToolError::invalid(format!(
                    "With occurrence_id only start_time, duration and agenda can change. These fields apply to the whole series: {}. Call again without occurrence_id for those.",
                    not_allowed.join(", ")
                )));
            }
        }

        let mut body = Map::new();
        let mut changed = Vec::new();
        if let Some(topic) = &params.topic {
            body.insert("topic".into(), json!(check_topic(topic)?));
            changed.push("topic");
        }
        if let Some(agenda) = &params.agenda {
            body.insert("agenda".into(), json!(check_agenda(agenda)?));
            changed.push("agenda");
        }
        if let Some(duration) = params.duration {
            body.insert("duration".into(), json!(check_duration(duration)?));
            changed.push("duration");
        }
        if let Some(password) = &params.password {
            body.insert("password".into(), json!(check_password(password)?));
            changed.push("password");
        }
        let explicit_zone = params
            .timezone
            .as_deref()
            .map(parse_time_zone)
            .transpose()?;
        if let Some(settings) = &params.settings {
            let settings = settings.to_zoom()?;
            if !settings.is_empty() {
                body.insert("settings".into(), Value::Object(settings));
                changed.push("settings");
            }
        }
        if body.is_empty() && params.start_time.is_none() && explicit_zone.is_none() {
            return Err(ToolError::invalid(
                "Nothing to update: give at least one of topic, start_time, timezone, duration, agenda, password or settings.",
            ));
        }

        // The current webinar supplies its time zone for start_time and
        // proves the webinar (and occurrence) exist before anything changes.
        let mut read_query: Query = Vec::new();
        if let Some(occurrence_id) = &occurrence_id {
            read_query.push(("occurrence_id", occurrence_id.clone()));
        }
        let current = fetch_webinar(&self.state, webinar_id, &Vec::new()).await?;
        if let Some(occurrence_id) = &occurrence_id
            && !current
                .occurrences
                .iter()
                .any(|occurrence| &occurrence.occurrence_id == occurrence_id)
        {
            return Err(ToolError::invalid(format!(
                "occurrence_id {occurrence_id} is not an occurrence of webinar {webinar_id}. get_webinar lists its occurrences."
            )));
        }
        let time_zone = match explicit_zone {
            Some(zone) => zone,
            None => match current.timezone.as_deref().filter(|zone| !zone.is_empty()) {
                Some(zone) => parse_time_zone(zone).unwrap_or(self.state.time_zone()),
                None => self.state.time_zone(),
            },
        };
        let mut new_start = None;
        if let Some(start_time) = &params.start_time {
            let resolved = resolve_start_time(start_time, time_zone)?;
            if resolved.utc < chrono::Utc::now() {
                return Err(ToolError::invalid(format!(
                    "start_time {start_time} is in the past ({}). Give a future time.",
                    human_time(resolved.utc, time_zone)
                )));
            }
            body.insert("start_time".into(), json!(resolved.zoom_local()));
            new_start = Some(resolved);
            changed.push("start_time");
        }
        if occurrence_id.is_none() && (explicit_zone.is_some() || new_start.is_some()) {
            body.insert("timezone".into(), json!(time_zone.name()));
            if explicit_zone.is_some() {
                changed.push("timezone");
            }
        }

        let path = ApiPath::new().literal("webinars").number(webinar_id);
        let mut query: Query = Vec::new();
        if let Some(occurrence_id) = &occurrence_id {
            query.push(("occurrence_id", occurrence_id.clone()));
        }
        self.state
            .zoom
            .send(Method::PATCH, &path, &query, Some(&Value::Object(body)))
            .await?;
        tracing::info!(tool = "update_webinar", webinar_id, occurrence_id = occurrence_id.as_deref(), fields = ?changed, "webinar updated");

        let updated = fetch_webinar(&self.state, webinar_id, &read_query).await?;
        let target = match &occurrence_id {
            Some(occurrence_id) => format!("occurrence {occurrence_id} of webinar {webinar_id}"),
            None => format!("webinar {webinar_id}"),
        };
        let mut message = format!("Updated {target}: {}.", changed.join(", "));
        if let Some(start) = new_start {
            message.push_str(&format!(
                " New start: {}.",
                human_time(start.utc, time_zone)
            ));
        }
        Ok(Json(webinar_result(
            &self.state,
            &updated,
            false,
            Some(message),
        )))
    }
}
