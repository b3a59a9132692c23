//! Webinar templates: list a user's templates and create one from an
//! existing webinar. Zoom has no template update or delete.

use serde_json::{Value, json};

use super::{ApiCall, HandlerResult};
use crate::sandbox::fields::{FieldErrors, Fields, parse_object};
use crate::sandbox::ids;
use crate::sandbox::model::template::{MAX_TEMPLATES_PER_USER, WebinarTemplate};
use crate::sandbox::model::user::User;
use crate::sandbox::query::percent_decode;
use crate::sandbox::reply::{Reply, ZoomError};
use crate::sandbox::state::SandboxState;

/// The maximum length of a template name. Zoom's spec gives none, so the
/// sandbox uses the webinar topic limit.
const MAX_NAME_CHARS: usize = 200;

/// Returns the licensed user that path segment `raw_key` (id, email or `me`)
/// names: an unknown user is 404 code 1001, and one without a webinar
/// licence 400 code 200.
fn licensed_user(state: &SandboxState, raw_key: &str) -> Result<User, ZoomError> {
    let key = percent_decode(raw_key);
    let user = state
        .find_user(&key)
        .ok_or_else(|| ZoomError::user_does_not_exist(&key))?;
    if !user.webinar_licence {
        return Err(ZoomError::webinar_plan_missing(&user.id));
    }
    Ok(user.clone())
}

/// Lists the user's templates. The list is not paginated.
pub(super) fn list(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let user = licensed_user(state, call.param(0))?;
    let templates: Vec<Value> = state
        .templates
        .iter()
        .filter(|template| template.owner_id == user.id)
        .map(WebinarTemplate::to_json)
        .collect();
    Ok(Reply::ok(json!({
        "total_records": templates.len(),
        "templates": templates,
    })))
}

/// Creates a template from one of the user's webinars. With `overwrite`
/// true, a template made earlier from the same webinar is replaced and
/// keeps its id. Names are unique per user.
pub(super) fn create(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let user = licensed_user(state, call.param(0))?;
    let body = parse_object(call.body)?;
    let fields = Fields::root(&body);
    let mut errors = FieldErrors::default();
    if !fields.has("webinar_id") {
        errors.reject("webinar_id");
    }
    let webinar_id = fields.int("webinar_id", 1, i64::MAX, &mut errors);
    let name = fields.string("name", MAX_NAME_CHARS, &mut errors);
    if name.as_deref().is_some_and(|name| name.trim().is_empty()) {
        errors.reject("name");
    }
    // `save_recurrence` only changes what a template stores, and the
    // sandbox stores no settings, so it is validated and not kept.
    fields.bool("save_recurrence", &mut errors);
    let overwrite = fields.bool("overwrite", &mut errors).unwrap_or(false);
    errors.finish()?;

    let webinar_id = webinar_id.unwrap_or_default().unsigned_abs();
    let webinar = state
        .webinars
        .get(&webinar_id)
        .ok_or_else(|| ZoomError::webinar_does_not_exist(&webinar_id.to_string()))?;
    if webinar.host_id != user.id {
        return Err(ZoomError::bad_request(3000, "Cannot access meeting info."));
    }
    // Zoom's spec does not say which name a template gets when the request
    // gives none, so the sandbox uses the webinar's topic.
    let name = name.unwrap_or_else(|| webinar.topic.clone());

    let replaced = state.templates.iter().position(|template| {
        overwrite && template.owner_id == user.id && template.webinar_id == webinar_id
    });
    let name_taken = state.templates.iter().enumerate().any(|(index, template)| {
        template.owner_id == user.id && template.name == name && Some(index) != replaced
    });
    if name_taken {
        return Err(ZoomError::bad_request(
            3000,
            format!("Webinar template name already exists: {name}."),
        ));
    }

    let template = match replaced {
        Some(index) => {
            let template = &mut state.templates[index];
            template.name = name;
            template.clone()
        }
        None => {
            let owned = state
                .templates
                .iter()
                .filter(|template| template.owner_id == user.id)
                .count();
            if owned >= MAX_TEMPLATES_PER_USER {
                return Err(ZoomError::bad_request(
                    300,
                    "You can only create up to 40 webinar templates.",
                ));
            }
            let template = WebinarTemplate {
                id: ids::short_id(),
                name,
                owner_id: user.id.clone(),
                webinar_id,
            };
            state.templates.push(template.clone());
            template
        }
    };
    tracing::info!(
        webinar_id,
        template_id = %template.id,
        overwritten = replaced.is_some(),
        "sandbox saved a webinar template"
    );
    Ok(Reply::created(
        json!({"id": template.id, "name": template.name}),
    ))
}
