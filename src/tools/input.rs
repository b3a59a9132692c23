//! Webinar fields and settings accepted by the create and update tools,
//! checked against Zoom's limits before any request is sent.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::server::output::ToolError;

/// Maximum topic length, in characters (Zoom's webinar object documents 200).
pub const MAX_TOPIC_CHARS: usize = 200;
/// Maximum agenda length, in characters.
// NOTE: Zoom's spec gives no agenda limit for webinars; 2,000 characters is
// the limit Zoom documents for meeting agendas.
pub const MAX_AGENDA_CHARS: usize = 2000;
/// Maximum passcode length Zoom accepts, in characters.
pub const MAX_PASSWORD_CHARS: usize = 10;
/// Maximum duration, in minutes.
// NOTE: Zoom's spec states no maximum; 24 hours keeps typos such as 6000 out.
pub const MAX_DURATION_MINUTES: u32 = 1440;
/// Zoom's maximum for `registrants_restrict_number`.
pub const MAX_REGISTRANTS_RESTRICT: u32 = 20000;

/// Registration mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Registration {
    /// No registration (Zoom approval_type 2).
    None,
    /// Registration required, approved automatically (approval_type 0).
    Automatic,
    /// Registration required, approved by the host (approval_type 1).
    Manual,
}

impl Registration {
    pub fn approval_type(self) -> i64 {
        match self {
            Registration::Automatic => 0,
            Registration::Manual => 1,
            Registration::None => 2,
        }
    }
}

/// For recurring webinars: how registration covers occurrences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RegistrationType {
    /// Register once, attend any occurrence (Zoom 1).
    OnceForAll,
    /// Register for each occurrence separately (Zoom 2).
    EachOccurrence,
    /// Register once and choose occurrences (Zoom 3).
    OnceChooseOccurrences,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AutoRecording {
    Local,
    Cloud,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum Audio {
    #[serde(rename = "both")]
    Both,
    #[serde(rename = "telephony")]
    Telephony,
    #[serde(rename = "voip")]
    Voip,
    #[serde(rename = "thirdParty")]
    ThirdParty,
}

/// Webinar settings a tool may set; unset fields keep Zoom's value.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct SettingsInput {
    /// Registration: none, automatic (approved automatically) or manual (host approves).
    #[serde(default)]
    #[schemars(with = "Registration")]
    pub registration: Option<Registration>,
    /// Recurring webinars only: once_for_all, each_occurrence or once_choose_occurrences.
    #[serde(default)]
    #[schemars(with = "RegistrationType")]
    pub registration_type: Option<RegistrationType>,
    /// Start with the host's video on.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub host_video: Option<bool>,
    /// Start with panelists' video on.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub panelists_video: Option<bool>,
    /// Open a practice session for panelists before the webinar.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub practice_session: Option<bool>,
    /// Record automatically: local, cloud or none.
    #[serde(default)]
    #[schemars(with = "AutoRecording")]
    pub auto_recording: Option<AutoRecording>,
    /// Audio: both, telephony, voip or thirdParty.
    #[serde(default)]
    #[schemars(with = "Audio")]
    pub audio: Option<Audio>,
    /// Alternative hosts' emails (licensed users of the same account).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub alternative_hosts: Option<Vec<String>>,
    /// Turn the Q&A feature on or off.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub question_and_answer: Option<bool>,
    /// Maximum number of registrants, 0 (no limit) to 20000.
    #[serde(default)]
    #[schemars(with = "u32")]
    pub registrants_restrict_number: Option<u32>,
    /// Email registrants when their registration is approved, denied or cancelled.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub registrants_email_notification: Option<bool>,
    /// Close registration after the webinar's date.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub close_registration: Option<bool>,
    /// Make the recording available on demand to registrants.
    #[serde(default)]
    #[schemars(with = "bool")]
    pub on_demand: Option<bool>,
}

impl SettingsInput {
    /// Zoom's `settings` object with only the fields that were set.
    pub fn to_zoom(&self) -> Result<Map<String, Value>, ToolError> {
        let mut settings = Map::new();
        if let Some(registration) = self.registration {
            settings.insert("approval_type".into(), json!(registration.approval_type()));
        }
        if let Some(registration_type) = self.registration_type {
            let value = match registration_type {
                RegistrationType::OnceForAll => 1,
                RegistrationType::EachOccurrence => 2,
                RegistrationType::OnceChooseOccurrences => 3,
            };
            settings.insert("registration_type".into(), json!(value));
        }
        for (name, value) in [
            ("host_video", self.host_video),
            ("panelists_video", self.panelists_video),
            ("practice_session", self.practice_session),
            (
                "registrants_email_notification",
                self.registrants_email_notification,
            ),
            ("close_registration", self.close_registration),
            ("on_demand", self.on_demand),
        ] {
            if let Some(value) = value {
                settings.insert(name.into(), json!(value));
            }
        }
        if let Some(auto_recording) = self.auto_recording {
            settings.insert(
                "auto_recording".into(),
                serde_json::to_value(auto_recording).unwrap_or(Value::Null),
            );
        }
        if let Some(audio) = self.audio {
            settings.insert(
                "audio".into(),
                serde_json::to_value(audio).unwrap_or(Value::Null),
            );
        }
        if let Some(hosts) = &self.alternative_hosts {
            for host in hosts {
                check_email("settings.alternative_hosts", host)?;
            }
            settings.insert("alternative_hosts".into(), json!(hosts.join(",")));
        }
        if let Some(enable) = self.question_and_answer {
            settings.insert("question_and_answer".into(), json!({ "enable": enable }));
        }
        if let Some(limit) = self.registrants_restrict_number {
            if limit > MAX_REGISTRANTS_RESTRICT {
                return Err(ToolError::invalid(format!(
                    "settings.registrants_restrict_number {limit} is above Zoom's maximum of {MAX_REGISTRANTS_RESTRICT}. Use 0 for no limit."
                )));
            }
            settings.insert("registrants_restrict_number".into(), json!(limit));
        }
        Ok(settings)
    }
}

/// Check a topic: not empty, at most 200 characters.
pub fn check_topic(topic: &str) -> Result<String, ToolError> {
    let topic = topic.trim();
    if topic.is_empty() {
        return Err(ToolError::invalid(
            "topic is empty. Give the webinar a title.",
        ));
    }
    let chars = topic.chars().count();
    if chars > MAX_TOPIC_CHARS {
        return Err(ToolError::invalid(format!(
            "topic is {chars} characters long; Zoom allows at most {MAX_TOPIC_CHARS}. Shorten it and move details to the agenda."
        )));
    }
    Ok(topic.to_string())
}

pub fn check_agenda(agenda: &str) -> Result<String, ToolError> {
    let chars = agenda.chars().count();
    if chars > MAX_AGENDA_CHARS {
        return Err(ToolError::invalid(format!(
            "agenda is {chars} characters long; the maximum is {MAX_AGENDA_CHARS}. Shorten it."
        )));
    }
    Ok(agenda.to_string())
}

pub fn check_password(password: &str) -> Result<String, ToolError> {
    let chars = password.chars().count();
    if chars > MAX_PASSWORD_CHARS {
        return Err(ToolError::invalid(format!(
            "password is {chars} characters long; Zoom allows at most {MAX_PASSWORD_CHARS}."
        )));
    }
    if password
        .chars()
        .any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(ToolError::invalid(
            "password must not contain spaces or control characters.",
        ));
    }
    Ok(password.to_string())
}

pub fn check_duration(minutes: u32) -> Result<u32, ToolError> {
    if minutes == 0 || minutes > MAX_DURATION_MINUTES {
        return Err(ToolError::invalid(format!(
            "duration {minutes} is out of range: give minutes from 1 to {MAX_DURATION_MINUTES} (24 hours)."
        )));
    }
    Ok(minutes)
}

/// Check that `value` looks like an email address (one `@`, a dot in the
/// domain, no spaces, at most 128 characters as Zoom allows for registrants).
pub fn check_email(field: &str, value: &str) -> Result<(), ToolError> {
    let value = value.trim();
    let valid = value.len() <= 128
        && !value.chars().any(|c| c.is_whitespace() || c.is_control())
        && value.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.contains('@')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        });
    if valid {
        Ok(())
    } else {
        Err(ToolError::invalid(format!(
            "{field} {:?} is not a valid email address (name@example.com, at most 128 characters).",
            value.chars().take(60).collect::<String>()
        )))
    }
}
