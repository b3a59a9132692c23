//! Responses and Zoom-style error bodies.

use axum::http::StatusCode;
use serde::Serialize;
use serde_json::{Value, json};

/// A successful API response.
#[derive(Debug)]
pub(crate) enum Reply {
    /// A JSON body with the given status (200 or 201).
    Json(StatusCode, Value),
    /// 204 with an empty body.
    NoContent,
}

impl Reply {
    pub(crate) fn ok(body: Value) -> Self {
        Reply::Json(StatusCode::OK, body)
    }

    pub(crate) fn created(body: Value) -> Self {
        Reply::Json(StatusCode::CREATED, body)
    }
}

/// One entry of the `errors` array of a validation failure.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct FieldError {
    /// Dotted path of the rejected field, such as `settings.approval_type`.
    pub field: String,
    pub message: String,
}

/// An error in Zoom's wire format: HTTP status plus `{"code","message"}`, and
/// the `errors` array for validation failures.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ZoomError {
    pub status: StatusCode,
    pub code: i64,
    pub message: String,
    pub errors: Vec<FieldError>,
}

/// Message of Zoom's generic validation failure (code 300).
pub(crate) const VALIDATION_FAILED: &str = "Validation Failed.";

/// Message Zoom puts on each rejected field.
pub(crate) const INVALID_FIELD: &str = "Invalid field.";

impl ZoomError {
    pub(crate) fn new(status: StatusCode, code: i64, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            errors: Vec::new(),
        }
    }

    /// 400 code 300 with the given field errors.
    pub(crate) fn validation(errors: Vec<FieldError>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            code: 300,
            message: VALIDATION_FAILED.to_owned(),
            errors,
        }
    }

    /// 400 code 300 naming one invalid field.
    pub(crate) fn invalid_field(field: impl Into<String>) -> Self {
        Self::validation(vec![FieldError {
            field: field.into(),
            message: INVALID_FIELD.to_owned(),
        }])
    }

    pub(crate) fn bad_request(code: i64, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub(crate) fn invalid_json_body() -> Self {
        Self::bad_request(300, "Request Body should be a valid JSON object.")
    }

    pub(crate) fn invalid_page_token() -> Self {
        Self::bad_request(300, "The next page token is invalid or expired.")
    }

    pub(crate) fn invalid_webinar_id() -> Self {
        Self::bad_request(300, "Invalid webinar ID.")
    }

    pub(crate) fn invalid_access_token() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, 124, "Invalid access token.")
    }

    /// 404 code 1001 as `GET /users/{userId}` words it.
    pub(crate) fn user_does_not_exist(user_id: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            1001,
            format!("User does not exist: {user_id}."),
        )
    }

    /// 404 code 1001 as the webinar create and list endpoints word it.
    pub(crate) fn user_not_found_for_webinars(user_id: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            1001,
            format!("User {user_id} does not exist."),
        )
    }

    /// 404 code 3001 for the scheduled-webinar endpoints.
    pub(crate) fn webinar_does_not_exist(webinar_id: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            3001,
            format!("Webinar does not exist: {webinar_id}."),
        )
    }

    /// 400 code 200 for a host without a webinar licence.
    pub(crate) fn webinar_plan_missing(user_id: &str) -> Self {
        Self::bad_request(
            200,
            format!(
                "Webinar plan is missing. You must subscribe to the webinar plan and enable \
                 webinars for user {user_id} in order to perform this action."
            ),
        )
    }

    pub(crate) fn registration_not_required(webinar_id: u64) -> Self {
        Self::bad_request(
            3000,
            format!("This webinar does not have registration as required: {webinar_id}."),
        )
    }

    pub(crate) fn registration_not_enabled(webinar_id: u64) -> Self {
        Self::bad_request(
            3000,
            format!("Registration has not been enabled for this webinar: {webinar_id}."),
        )
    }

    pub(crate) fn occurrence_does_not_exist() -> Self {
        Self::bad_request(3000, "Webinar occurrence does not exist.")
    }

    /// Returns the JSON body Zoom sends with this error.
    pub(crate) fn body(&self) -> Value {
        let mut body = json!({ "code": self.code, "message": self.message });
        if !self.errors.is_empty() {
            body["errors"] = json!(self.errors);
        }
        body
    }
}
