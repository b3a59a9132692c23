//! The body of `POST /users/{userId}/webinars` and `PATCH /webinars/{id}`,
//! validated field by field.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde_json::{Map, Value};

use crate::sandbox::fields::{FieldErrors, Fields, item_path};
use crate::sandbox::model::recurrence::Recurrence;
use crate::sandbox::model::settings;
use crate::sandbox::model::webinar::WebinarType;
use crate::sandbox::times::{parse_start_time, parse_time_zone};

/// The maximum length of a webinar topic.
const MAX_TOPIC_CHARS: usize = 200;
/// The maximum length of a webinar passcode.
const MAX_PASSWORD_CHARS: usize = 10;

/// The fields a request gave, each already checked on its own.
#[derive(Debug, Default)]
pub(super) struct WebinarInput {
    pub topic: Option<String>,
    pub webinar_type: Option<WebinarType>,
    /// `start_time` as sent; it is read once the time zone is known.
    pub start_time: Option<String>,
    pub duration: Option<u32>,
    pub timezone: Option<(String, Tz)>,
    pub password: Option<String>,
    pub default_passcode: Option<bool>,
    pub agenda: Option<String>,
    pub schedule_for: Option<String>,
    /// Validated settings to merge into the current ones.
    pub settings: Map<String, Value>,
    /// The `recurrence` object as sent; it is read once the start is known.
    pub recurrence: Option<Map<String, Value>>,
    pub tracking_fields: Option<Vec<Value>>,
}

impl WebinarInput {
    pub(super) fn read(body: &Map<String, Value>, errors: &mut FieldErrors) -> Self {
        let fields = Fields::root(body);
        let mut input = WebinarInput {
            topic: fields.string("topic", MAX_TOPIC_CHARS, errors),
            agenda: fields.string("agenda", usize::MAX, errors),
            default_passcode: fields.bool("default_passcode", errors),
            schedule_for: fields.string("schedule_for", 256, errors),
            ..WebinarInput::default()
        };
        if fields.has("type") {
            input.webinar_type = fields
                .int_in("type", &[5, 6, 9], errors)
                .and_then(WebinarType::from_code);
        }
        input.duration = fields
            .int("duration", 1, i64::from(u32::MAX), errors)
            .map(|minutes| minutes as u32);
        if let Some(name) = fields.string("timezone", 64, errors) {
            match parse_time_zone(&name) {
                Some(zone) => input.timezone = Some((name, zone)),
                None => errors.reject("timezone"),
            }
        }
        if let Some(password) = fields.string("password", MAX_PASSWORD_CHARS, errors) {
            if password.chars().all(|c| c.is_ascii_graphic()) {
                input.password = Some(password);
            } else {
                errors.reject("password");
            }
        }
        input.start_time = fields.string("start_time", 64, errors);
        if let Some(settings_map) = fields.object("settings", errors) {
            input.settings = settings::validate(settings_map, errors);
        }
        input.recurrence = fields.object("recurrence", errors).cloned();
        input.tracking_fields = read_tracking_fields(&fields, errors);
        input
    }

    /// Reads `start_time` in `zone`; records `start_time` as invalid when it
    /// is neither `yyyy-MM-ddTHH:mm:ssZ` nor `yyyy-MM-ddTHH:mm:ss`.
    pub(super) fn start_in(&self, zone: Tz, errors: &mut FieldErrors) -> Option<DateTime<Utc>> {
        let text = self.start_time.as_deref()?;
        let parsed = parse_start_time(text, zone);
        if parsed.is_none() {
            errors.reject("start_time");
        }
        parsed
    }

    /// Reads `recurrence` for a webinar whose first start is `start` in `zone`.
    pub(super) fn recurrence_at(
        &self,
        start: DateTime<Utc>,
        zone: Tz,
        errors: &mut FieldErrors,
    ) -> Option<Recurrence> {
        let map = self.recurrence.as_ref()?;
        let start_date = start.with_timezone(&zone).date_naive();
        Recurrence::parse(map, start_date, errors)
    }
}

fn read_tracking_fields(fields: &Fields<'_>, errors: &mut FieldErrors) -> Option<Vec<Value>> {
    let items = fields.array("tracking_fields", 100, errors)?;
    let mut accepted = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let path = item_path("tracking_fields", index);
        let Some(map) = item.as_object() else {
            errors.reject(path);
            continue;
        };
        let entry = Fields::nested(map, &path);
        let field = entry.required_string("field", 256, errors);
        let value = entry.string("value", 256, errors).unwrap_or_default();
        if let Some(field) = field {
            accepted.push(serde_json::json!({"field": field, "value": value, "visible": true}));
        }
    }
    Some(accepted)
}
