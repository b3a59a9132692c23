//! Creating, updating, deleting and ending webinars.

use chrono::{DateTime, SubsecRound, Utc};
use serde_json::Map;

use super::webinar_input::WebinarInput;
use super::{ApiCall, HandlerResult};
use crate::sandbox::fields::{FieldErrors, Fields, parse_object};
use crate::sandbox::ids;
use crate::sandbox::model::past::PastInstance;
use crate::sandbox::model::settings::{self, OCCURRENCE_SETTINGS};
use crate::sandbox::model::user::User;
use crate::sandbox::model::webinar::{Webinar, WebinarPlan, WebinarType, WebinarView};
use crate::sandbox::query::percent_decode;
use crate::sandbox::reply::{Reply, ZoomError};
use crate::sandbox::state::SandboxState;
use crate::sandbox::times::parse_time_zone;

/// Default length of a webinar whose request gives no duration, in minutes.
const DEFAULT_DURATION_MINUTES: u32 = 60;
/// Topic of a webinar whose request gives none.
const DEFAULT_TOPIC: &str = "Zoom Webinar";

pub(super) fn create(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let key = percent_decode(call.param(0));
    let owner = state
        .find_user(&key)
        .ok_or_else(|| ZoomError::user_not_found_for_webinars(&key))?
        .clone();
    if !owner.webinar_licence {
        return Err(ZoomError::webinar_plan_missing(&owner.id));
    }
    let body = parse_object(call.body)?;
    let mut errors = FieldErrors::default();
    let input = WebinarInput::read(&body, &mut errors);

    let (timezone, zone) = match &input.timezone {
        Some(given) => given.clone(),
        None => (
            owner.timezone.clone(),
            parse_time_zone(&owner.timezone).unwrap_or(chrono_tz::UTC),
        ),
    };
    let webinar_type = input.webinar_type.unwrap_or(WebinarType::Single);
    let start = input
        .start_in(zone, &mut errors)
        .unwrap_or_else(|| call.now.trunc_subsecs(0));
    let recurrence = if webinar_type == WebinarType::RecurringFixedTime {
        if input.recurrence.is_none() {
            errors.reject("recurrence.type");
        }
        input.recurrence_at(start, zone, &mut errors)
    } else {
        None
    };
    errors.finish()?;
    let host = schedule_for_host(state, &input, owner)?;

    let plan = WebinarPlan {
        id: state.allocate_webinar_id(),
        topic: input
            .topic
            .clone()
            .unwrap_or_else(|| DEFAULT_TOPIC.to_owned()),
        webinar_type,
        start_time: start,
        duration: input.duration.unwrap_or(DEFAULT_DURATION_MINUTES),
        timezone,
        created_at: call.now.trunc_subsecs(0),
    };
    let mut webinar = Webinar::new(plan, &host);
    webinar.agenda = input.agenda.clone().unwrap_or_default();
    webinar.password = match (&input.password, input.default_passcode) {
        (Some(password), _) => password.clone(),
        (None, Some(false)) => String::new(),
        (None, _) => ids::passcode(),
    };
    settings::merge(&mut webinar.settings, input.settings.clone());
    webinar.recurrence = recurrence;
    webinar.tracking_fields = input.tracking_fields.clone().unwrap_or_default();
    webinar.regenerate_occurrences();
    check_has_occurrences(&webinar)?;

    let view = WebinarView {
        now: call.now,
        occurrence: None,
        show_previous_occurrences: false,
    };
    let body = webinar.to_json(&host, &state.origin, view);
    tracing::info!(webinar_id = webinar.id, host_id = %host.id, "sandbox created a webinar");
    state.webinars.insert(webinar.id, webinar);
    Ok(Reply::created(body))
}

/// Returns the user named by `schedule_for`, or `owner` when it is absent.
fn schedule_for_host(
    state: &SandboxState,
    input: &WebinarInput,
    owner: User,
) -> Result<User, ZoomError> {
    let Some(target) = &input.schedule_for else {
        return Ok(owner);
    };
    let host = state.find_user(target).cloned().ok_or_else(|| {
        ZoomError::bad_request(
            300,
            "The value that you entered for the schedule_for field is invalid. Enter a valid value and try again.",
        )
    })?;
    if !host.webinar_licence {
        return Err(ZoomError::webinar_plan_missing(&host.id));
    }
    Ok(host)
}

/// Rejects a recurring webinar whose rule yields no occurrence, such as an
/// `end_date_time` before the start.
fn check_has_occurrences(webinar: &Webinar) -> Result<(), ZoomError> {
    if webinar.webinar_type == WebinarType::RecurringFixedTime && webinar.occurrences.is_empty() {
        return Err(ZoomError::invalid_field("recurrence.end_date_time"));
    }
    Ok(())
}

pub(super) fn update(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let current = state.webinar(call.param(0))?.clone();
    let body = parse_object(call.body)?;
    let mut errors = FieldErrors::default();
    let input = WebinarInput::read(&body, &mut errors);

    if let Some(occurrence_id) = call.query.non_empty("occurrence_id") {
        let updated = update_occurrence(current, occurrence_id, &input, errors)?;
        state.webinars.insert(updated.id, updated);
        return Ok(Reply::NoContent);
    }

    let mut updated = current.clone();
    let zone = input
        .timezone
        .as_ref()
        .map_or_else(|| current.zone(), |(_, zone)| *zone);
    let start = input
        .start_in(zone, &mut errors)
        .unwrap_or(current.start_time);
    let webinar_type = input.webinar_type.unwrap_or(current.webinar_type);
    if webinar_type == WebinarType::RecurringFixedTime {
        if input.recurrence.is_some() {
            updated.recurrence = input.recurrence_at(start, zone, &mut errors);
        } else if current.recurrence.is_none() {
            errors.reject("recurrence.type");
        }
    } else {
        updated.recurrence = None;
    }
    errors.finish()?;
    if input.schedule_for.is_some() {
        let host = schedule_for_host(state, &input, state.host(&current.host_id).clone())?;
        updated.host_id = host.id;
    }

    if let Some((name, _)) = &input.timezone {
        updated.timezone = name.clone();
    }
    if let Some(topic) = &input.topic {
        updated.topic = topic.clone();
    }
    if let Some(agenda) = &input.agenda {
        updated.agenda = agenda.clone();
    }
    if let Some(duration) = input.duration {
        updated.duration = duration;
    }
    if let Some(password) = &input.password {
        updated.password = password.clone();
    }
    if let Some(tracking_fields) = &input.tracking_fields {
        updated.tracking_fields = tracking_fields.clone();
    }
    updated.webinar_type = webinar_type;
    updated.start_time = start;
    settings::merge(&mut updated.settings, input.settings.clone());

    // Only a schedule change rebuilds the occurrences, so per-occurrence
    // changes survive edits to the topic, agenda or settings.
    let reschedules = input.start_time.is_some()
        || input.duration.is_some()
        || input.timezone.is_some()
        || input.webinar_type.is_some()
        || input.recurrence.is_some();
    if reschedules {
        updated.regenerate_occurrences();
        check_has_occurrences(&updated)?;
    }

    tracing::info!(webinar_id = updated.id, "sandbox updated a webinar");
    state.webinars.insert(updated.id, updated);
    Ok(Reply::NoContent)
}

/// Applies a PATCH with `occurrence_id`. Zoom's spec lets it change only the
/// agenda, start time, duration and the settings in [`OCCURRENCE_SETTINGS`]
/// of one occurrence, so other fields in the body are ignored.
fn update_occurrence(
    mut webinar: Webinar,
    occurrence_id: &str,
    input: &WebinarInput,
    mut errors: FieldErrors,
) -> Result<Webinar, ZoomError> {
    let zone = input
        .timezone
        .as_ref()
        .map_or_else(|| webinar.zone(), |(_, zone)| *zone);
    let start = input.start_in(zone, &mut errors);
    errors.finish()?;

    let occurrence = webinar
        .occurrences
        .iter_mut()
        .find(|occurrence| occurrence.occurrence_id == occurrence_id)
        .ok_or_else(ZoomError::occurrence_does_not_exist)?;
    if let Some(start) = start {
        occurrence.start_time = start;
    }
    if let Some(duration) = input.duration {
        occurrence.duration = duration;
    }
    if let Some(agenda) = &input.agenda {
        occurrence.agenda = Some(agenda.clone());
    }

    let mut changes = Map::new();
    for (name, value) in &input.settings {
        if OCCURRENCE_SETTINGS.contains(&name.as_str()) {
            changes.insert(name.clone(), value.clone());
        }
    }
    settings::merge(&mut occurrence.settings, changes);
    tracing::info!(
        webinar_id = webinar.id,
        occurrence_id,
        "sandbox updated a webinar occurrence"
    );
    Ok(webinar)
}

pub(super) fn delete(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    call.query.bool("cancel_webinar_reminder")?;
    let webinar = state.webinar_mut(call.param(0))?;
    let webinar_id = webinar.id;
    if let Some(occurrence_id) = call.query.non_empty("occurrence_id") {
        let occurrence = webinar
            .occurrences
            .iter_mut()
            .find(|occurrence| occurrence.occurrence_id == occurrence_id)
            .ok_or_else(ZoomError::occurrence_does_not_exist)?;
        occurrence.deleted = true;
        tracing::info!(
            webinar_id,
            occurrence_id,
            "sandbox deleted a webinar occurrence"
        );
        return Ok(Reply::NoContent);
    }
    state.webinars.remove(&webinar_id);
    tracing::info!(webinar_id, "sandbox deleted a webinar");
    Ok(Reply::NoContent)
}

/// `PUT /webinars/{id}/status` with `{"action":"end"}`. Ending a webinar
/// whose current session has started records that session as an ended
/// instance (visible under `/past_webinars`) and gives the webinar a new
/// UUID, as each Zoom instance has its own. Ending one that has not started
/// changes nothing and still returns 204.
pub(super) fn update_status(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let body = parse_object(call.body)?;
    let mut errors = FieldErrors::default();
    let fields = Fields::root(&body);
    if !fields.has("action") {
        errors.reject("action");
    }
    fields.string_in("action", &["end"], &mut errors);
    errors.finish()?;

    let now = call.now;
    let webinar = state.webinar_mut(call.param(0))?;
    let session_start = webinar.current_start(now);
    if webinar.webinar_type != WebinarType::RecurringNoFixedTime && session_start <= now {
        record_instance(webinar, session_start, now);
    }
    Ok(Reply::NoContent)
}

fn record_instance(webinar: &mut Webinar, start: DateTime<Utc>, end: DateTime<Utc>) {
    let occurrence_id = webinar
        .occurrences
        .iter()
        .find(|occurrence| !occurrence.deleted && occurrence.start_time == start)
        .map(|occurrence| occurrence.occurrence_id.clone());
    let uuid = std::mem::replace(&mut webinar.uuid, ids::webinar_uuid());
    tracing::info!(webinar_id = webinar.id, "sandbox ended a webinar session");
    webinar.instances.push(PastInstance {
        uuid,
        start_time: start,
        end_time: end,
        occurrence_id,
        participants: Vec::new(),
        questions: Vec::new(),
        poll_answers: Vec::new(),
        survey: None,
    });
}
