//! `GET /users`, `GET /users/{userId}` and `GET /users/me/zak`.

use serde_json::{Value, json};

use super::{ApiCall, HandlerResult};
use crate::sandbox::query::percent_decode;
use crate::sandbox::reply::{Reply, ZoomError};
use crate::sandbox::state::SandboxState;

/// The maximum `page_size` of `GET /users` in Zoom's 2026 spec.
const MAX_USERS_PAGE_SIZE: u32 = 2000;

pub(super) fn list(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let status = call.query.non_empty("status").unwrap_or("active");
    if !["active", "inactive", "pending"].contains(&status) {
        return Err(ZoomError::invalid_field("status"));
    }
    let listing = format!("users:{status}");
    let request = state
        .pages
        .request(&listing, call.query, MAX_USERS_PAGE_SIZE, true)?;
    // Every sandbox user is active.
    let matching: Vec<Value> = if status == "active" {
        state.users.iter().map(|user| user.to_list_json()).collect()
    } else {
        Vec::new()
    };
    let page = state.pages.page(&listing, request, matching);
    let mut body = page.fields(true);
    body.insert("users".into(), json!(page.items));
    Ok(Reply::ok(Value::Object(body)))
}

pub(super) fn get(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let key = percent_decode(call.param(0));
    let user = state
        .find_user(&key)
        .ok_or_else(|| ZoomError::user_does_not_exist(&key))?;
    Ok(Reply::ok(user.to_json(&state.account_id, &state.origin)))
}

/// `GET /users/me/zak`: a new ZAK (Zoom access key) for the account owner,
/// `{"token": "..."}` as Zoom's spec shows it.
pub(super) fn zak() -> HandlerResult {
    Ok(Reply::ok(json!({ "token": crate::sandbox::ids::secret() })))
}
