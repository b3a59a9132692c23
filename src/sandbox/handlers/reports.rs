//! `/report/webinars/{webinarId}…`: reports on an ended instance, named by
//! numeric id (the latest instance) or UUID, like the past-webinar paths.

use chrono::TimeDelta;
use serde_json::{Value, json};

use super::past_lookup::find_instance;
use super::{ApiCall, HandlerResult};
use crate::sandbox::model::past::{PastInstance, QaQuestion, poll_answers_json};
use crate::sandbox::reply::{Reply, ZoomError};
use crate::sandbox::state::SandboxState;
use crate::sandbox::times::format_utc;

/// The maximum `page_size` of the participant report.
const MAX_REPORT_PAGE_SIZE: u32 = 300;

/// Reports cover instances that started within the last year.
fn check_age(instance: &PastInstance, call: &ApiCall<'_>) -> Result<(), ZoomError> {
    if call.now - instance.start_time > TimeDelta::days(365) {
        return Err(ZoomError::bad_request(
            12702,
            "Can not access a webinar a year ago.",
        ));
    }
    Ok(())
}

pub(super) fn details(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let (webinar, instance) = find_instance(state, call.param(0))?;
    check_age(instance, call)?;
    let host = state.host(&webinar.host_id);
    let total_minutes: i64 = instance
        .participants
        .iter()
        .map(|participant| (participant.leave_time - participant.join_time).num_minutes())
        .sum();
    let mut people: Vec<&str> = instance
        .participants
        .iter()
        .map(|p| p.user_email.as_str())
        .collect();
    people.sort_unstable();
    people.dedup();
    Ok(Reply::ok(json!({
        "id": webinar.id,
        "uuid": instance.uuid,
        "type": webinar.webinar_type as u8,
        "topic": webinar.topic,
        "user_name": host.display_name(),
        "user_email": host.email,
        "start_time": format_utc(instance.start_time),
        "end_time": format_utc(instance.end_time),
        "duration": (instance.end_time - instance.start_time).num_minutes(),
        "total_minutes": total_minutes,
        "participants_count": people.len(),
        "dept": host.dept,
        "tracking_fields": webinar.tracking_fields,
        "custom_keys": [],
    })))
}

/// Lists attendance records; `include_fields=registrant_id` adds each
/// record's registrant id.
pub(super) fn participants(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let include_registrant_id = match call.query.non_empty("include_fields") {
        None => false,
        Some("registrant_id") => true,
        Some(_) => return Err(ZoomError::invalid_field("include_fields")),
    };
    let (_, instance) = find_instance(state, call.param(0))?;
    check_age(instance, call)?;
    let entries: Vec<Value> = instance
        .participants
        .iter()
        .map(|participant| participant.to_report_json(include_registrant_id))
        .collect();
    let listing = format!("report-participants:{}", instance.uuid);
    let request = state
        .pages
        .request(&listing, call.query, MAX_REPORT_PAGE_SIZE, false)?;
    let page = state.pages.page(&listing, request, entries);
    let mut body = page.fields(false);
    body.insert("participants".into(), json!(page.items));
    Ok(Reply::ok(Value::Object(body)))
}

pub(super) fn polls(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let (webinar, instance) = find_instance(state, call.param(0))?;
    check_age(instance, call)?;
    Ok(Reply::ok(json!({
        "id": webinar.id,
        "uuid": instance.uuid,
        "start_time": format_utc(instance.start_time),
        "questions": poll_answers_json(&instance.poll_answers, true),
    })))
}

pub(super) fn qa(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let (webinar, instance) = find_instance(state, call.param(0))?;
    check_age(instance, call)?;
    let questions: Vec<Value> = instance
        .questions
        .iter()
        .map(QaQuestion::to_report_json)
        .collect();
    Ok(Reply::ok(json!({
        "id": webinar.id,
        "uuid": instance.uuid,
        "start_time": format_utc(instance.start_time),
        "questions": questions,
    })))
}

/// Returns the survey answers; an instance without a survey has empty ids
/// and no answers.
pub(super) fn survey(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let (webinar, instance) = find_instance(state, call.param(0))?;
    check_age(instance, call)?;
    let (survey_id, survey_name, answers) = match &instance.survey {
        Some(survey) => (
            survey.survey_id.clone(),
            survey.survey_name.clone(),
            survey.answers_json(),
        ),
        None => (String::new(), String::new(), Vec::new()),
    };
    Ok(Reply::ok(json!({
        "webinar_id": webinar.id,
        "webinar_uuid": instance.uuid,
        "start_time": format_utc(instance.start_time),
        "survey_id": survey_id,
        "survey_name": survey_name,
        "survey_answers": answers,
    })))
}
