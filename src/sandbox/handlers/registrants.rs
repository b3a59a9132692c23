//! Webinar registrants: list, add, get and delete. Every registrant endpoint
//! needs registration on (`settings.approval_type` 0 or 1), otherwise Zoom
//! returns 400 code 3000.

use serde_json::{Map, Value, json};

use super::{ApiCall, HandlerResult};
use crate::sandbox::fields::{FieldErrors, Fields, is_email, item_path, parse_object};
use crate::sandbox::ids;
use crate::sandbox::model::registrant::{PROFILE_FIELDS, Registrant, RegistrantStatus};
use crate::sandbox::model::settings;
use crate::sandbox::model::webinar::{Webinar, WebinarType};
use crate::sandbox::query::percent_decode;
use crate::sandbox::reply::{Reply, ZoomError};
use crate::sandbox::state::SandboxState;
use crate::sandbox::times::format_utc;

/// The maximum `page_size` of the registrant list.
const MAX_REGISTRANTS_PAGE_SIZE: u32 = 300;

const EMPLOYEE_COUNTS: &[&str] = &[
    "",
    "1-20",
    "21-50",
    "51-100",
    "101-250",
    "251-500",
    "501-1,000",
    "1,001-5,000",
    "5,001-10,000",
    "More than 10,000",
];
const PURCHASING_TIME_FRAMES: &[&str] = &[
    "",
    "Within a month",
    "1-3 months",
    "4-6 months",
    "More than 6 months",
    "No timeframe",
];
const PURCHASE_ROLES: &[&str] = &[
    "",
    "Decision Maker",
    "Evaluator/Recommender",
    "Influencer",
    "Not involved",
];
const LANGUAGES: &[&str] = &[
    "en-US", "de-DE", "es-ES", "fr-FR", "jp-JP", "pt-PT", "ru-RU", "zh-CN", "zh-TW", "ko-KO",
    "it-IT", "vi-VN", "pl-PL", "Tr-TR",
];

/// 400 code 3079 for an unknown registrant.
pub(super) fn registrant_does_not_exist(registrant_id: &str) -> ZoomError {
    ZoomError::bad_request(
        3079,
        format!("This registrant does not exist: {registrant_id}."),
    )
}

/// Lists registrants with one status (`approved` by default), optionally
/// only those attending `occurrence_id`.
pub(super) fn list(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let webinar = state.webinar(call.param(0))?;
    if !webinar.registration_enabled() {
        return Err(ZoomError::registration_not_required(webinar.id));
    }
    let status_text = call.query.non_empty("status").unwrap_or("approved");
    let status =
        RegistrantStatus::parse(status_text).ok_or_else(|| ZoomError::invalid_field("status"))?;
    let occurrence_id = call.query.non_empty("occurrence_id");
    if let Some(occurrence_id) = occurrence_id
        && webinar.find_occurrence(occurrence_id).is_none()
    {
        return Err(ZoomError::occurrence_does_not_exist());
    }
    let entries: Vec<Value> = webinar
        .registrants
        .iter()
        .filter(|registrant| registrant.status == status)
        .filter(|registrant| occurrence_id.is_none_or(|id| registrant.attends(id)))
        .map(|registrant| registrant.to_json(&state.origin, webinar.id))
        .collect();

    let listing = format!(
        "registrants:{}:{status_text}:{}",
        webinar.id,
        occurrence_id.unwrap_or("")
    );
    let request = state
        .pages
        .request(&listing, call.query, MAX_REGISTRANTS_PAGE_SIZE, true)?;
    let page = state.pages.page(&listing, request, entries);
    let mut body = page.fields(true);
    body.insert("registrants".into(), json!(page.items));
    Ok(Reply::ok(Value::Object(body)))
}

pub(super) fn add(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let webinar = state.webinar(call.param(0))?;
    if !webinar.registration_enabled() {
        return Err(ZoomError::registration_not_required(webinar.id));
    }
    if webinar.end_time().is_some_and(|end| end <= call.now) {
        return Err(ZoomError::bad_request(
            3038,
            "Webinar is over, you cannot register now. If you have any questions, contact the webinar host.",
        ));
    }
    let body = parse_object(call.body)?;
    let candidate = read_registrant(&body, call)?;
    let occurrence_ids = requested_occurrences(webinar, call)?;
    let host = state.host(&webinar.host_id);
    if host.email.eq_ignore_ascii_case(&candidate.email) {
        return Err(ZoomError::bad_request(3027, "Host cannot register."));
    }
    if webinar
        .panelists
        .iter()
        .any(|panelist| panelist.email.eq_ignore_ascii_case(&candidate.email))
    {
        return Err(ZoomError::bad_request(
            3000,
            "You have been invited as a panelist for the webinar, please check your email to find more information about this webinar.",
        ));
    }

    let origin = state.origin.clone();
    let webinar = state.webinar_mut(call.param(0))?;
    // Registering an email again returns the existing registration.
    let index = match webinar
        .registrants
        .iter()
        .position(|registrant| registrant.email.eq_ignore_ascii_case(&candidate.email))
    {
        Some(index) => index,
        None => {
            let limit = webinar
                .settings
                .get("registrants_restrict_number")
                .and_then(Value::as_u64)
                .unwrap_or(0);
            if limit > 0 && webinar.registrants.len() as u64 >= limit {
                return Err(ZoomError::bad_request(
                    3000,
                    "You have reached the limit for the number of attendees you can add. Contact Zoom Support for more information.",
                ));
            }
            let status = if settings::approval_type(&webinar.settings) == 0 {
                RegistrantStatus::Approved
            } else {
                RegistrantStatus::Pending
            };
            webinar.registrants.push(Registrant {
                status,
                occurrence_ids,
                ..candidate
            });
            tracing::info!(webinar_id = webinar.id, "sandbox added a registrant");
            webinar.registrants.len() - 1
        }
    };
    let registrant = &webinar.registrants[index];
    let occurrences: Vec<Value> = webinar
        .occurrences
        .iter()
        .filter(|occurrence| !occurrence.deleted && registrant.attends(&occurrence.occurrence_id))
        .map(|occurrence| occurrence.to_json())
        .collect();
    let mut reply = json!({
        "id": webinar.id,
        "registrant_id": registrant.id,
        "join_url": registrant.join_url(&origin, webinar.id),
        "topic": webinar.topic,
        "start_time": format_utc(webinar.current_start(call.now)),
    });
    if webinar.webinar_type == WebinarType::RecurringFixedTime {
        reply["occurrences"] = json!(occurrences);
    }
    Ok(Reply::created(reply))
}

/// Reads `occurrence_ids` (a CSV) for webinars that let registrants pick
/// occurrences (`registration_type` 2 or 3); other webinars register for all.
fn requested_occurrences(webinar: &Webinar, call: &ApiCall<'_>) -> Result<Vec<String>, ZoomError> {
    let picks_occurrences = webinar.webinar_type == WebinarType::RecurringFixedTime
        && matches!(
            webinar
                .settings
                .get("registration_type")
                .and_then(Value::as_i64),
            Some(2 | 3)
        );
    let Some(csv) = call
        .query
        .non_empty("occurrence_ids")
        .filter(|_| picks_occurrences)
    else {
        return Ok(Vec::new());
    };
    let mut ids = Vec::new();
    for id in csv.split(',').map(str::trim).filter(|id| !id.is_empty()) {
        if webinar.find_occurrence(id).is_none() {
            return Err(ZoomError::occurrence_does_not_exist());
        }
        ids.push(id.to_owned());
    }
    Ok(ids)
}

fn read_registrant(body: &Map<String, Value>, call: &ApiCall<'_>) -> Result<Registrant, ZoomError> {
    let fields = Fields::root(body);
    let mut errors = FieldErrors::default();
    let first_name = fields.required_string("first_name", 64, &mut errors);
    let email = fields.required_string("email", 128, &mut errors);
    if email.as_deref().is_some_and(|email| !is_email(email)) {
        errors.reject("email");
    }
    let last_name = fields
        .string("last_name", 64, &mut errors)
        .unwrap_or_default();

    let mut profile = Map::new();
    for field in PROFILE_FIELDS {
        let value = match *field {
            "no_of_employees" => fields.string_in(field, EMPLOYEE_COUNTS, &mut errors),
            "purchasing_time_frame" => fields.string_in(field, PURCHASING_TIME_FRAMES, &mut errors),
            "role_in_purchase_process" => fields.string_in(field, PURCHASE_ROLES, &mut errors),
            _ => fields.string(field, 1024, &mut errors),
        };
        if let Some(value) = value {
            profile.insert((*field).to_owned(), json!(value));
        }
    }
    let language = fields.string_in("language", LANGUAGES, &mut errors);
    let custom_questions = read_custom_questions(&fields, &mut errors);
    errors.finish()?;

    Ok(Registrant {
        id: ids::short_id(),
        email: email.unwrap_or_default(),
        first_name: first_name.unwrap_or_default(),
        last_name,
        status: RegistrantStatus::Pending,
        create_time: call.now,
        profile,
        custom_questions,
        language,
        occurrence_ids: Vec::new(),
        join_secret: ids::secret(),
    })
}

fn read_custom_questions(fields: &Fields<'_>, errors: &mut FieldErrors) -> Vec<Value> {
    let Some(items) = fields.array("custom_questions", 100, errors) else {
        return Vec::new();
    };
    let mut answers = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let path = item_path("custom_questions", index);
        let Some(map) = item.as_object() else {
            errors.reject(path);
            continue;
        };
        let entry = Fields::nested(map, &path);
        let title = entry.string("title", 1024, errors).unwrap_or_default();
        let value = entry.string("value", 128, errors).unwrap_or_default();
        answers.push(json!({"title": title, "value": value}));
    }
    answers
}

pub(super) fn get(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let registrant_id = percent_decode(call.param(1));
    let webinar = state.webinar(call.param(0))?;
    if !webinar.registration_enabled() {
        return Err(ZoomError::registration_not_enabled(webinar.id));
    }
    let registrant = webinar
        .registrants
        .iter()
        .find(|registrant| registrant.id == registrant_id)
        .ok_or_else(|| registrant_does_not_exist(&registrant_id))?;
    Ok(Reply::ok(registrant.to_json(&state.origin, webinar.id)))
}

/// Deletes one registrant. Zoom's spec gives this endpoint its own wording
/// for an unknown registrant: 400 code 3000 "Registrant {id} was not found."
/// The GET returns code 3079 instead.
pub(super) fn delete(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let registrant_id = percent_decode(call.param(1));
    let webinar = state.webinar_mut(call.param(0))?;
    if !webinar.registration_enabled() {
        return Err(ZoomError::registration_not_enabled(webinar.id));
    }
    let index = webinar
        .registrants
        .iter()
        .position(|registrant| registrant.id == registrant_id)
        .ok_or_else(|| {
            ZoomError::bad_request(3000, format!("Registrant {registrant_id} was not found."))
        })?;
    webinar.registrants.remove(index);
    tracing::info!(webinar_id = webinar.id, "sandbox deleted a registrant");
    Ok(Reply::NoContent)
}
