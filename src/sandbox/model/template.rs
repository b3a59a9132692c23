//! Webinar templates: named copies of a webinar's setup that a user can
//! schedule new webinars from.

use serde_json::{Value, json};

/// Zoom's template type for a template a user saved (2 is an admin template).
const USER_TEMPLATE_TYPE: u8 = 1;

/// The maximum number of templates per user, from the code 300 error in
/// Zoom's spec.
pub(crate) const MAX_TEMPLATES_PER_USER: usize = 40;

/// A webinar template.
// NOTE: a template keeps only its name, owner and source webinar. The
// sandbox's `POST /users/{userId}/webinars` ignores `template_id`, so no
// settings are copied into a template or out of it.
#[derive(Debug, Clone)]
pub(crate) struct WebinarTemplate {
    pub id: String,
    pub name: String,
    /// The user who owns the template.
    pub owner_id: String,
    /// The webinar the template was created from, which `overwrite` matches.
    pub webinar_id: u64,
}

impl WebinarTemplate {
    /// Renders an entry of `GET /users/{userId}/webinar_templates`.
    pub(crate) fn to_json(&self) -> Value {
        json!({"id": self.id, "name": self.name, "type": USER_TEMPLATE_TYPE})
    }
}
