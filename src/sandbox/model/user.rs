//! Users of the simulated account.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::sandbox::times::format_utc;

/// Zoom's user plan types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UserType {
    Basic = 1,
    Licensed = 2,
}

/// A user of the simulated account.
#[derive(Debug, Clone)]
pub(crate) struct User {
    pub id: String,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub user_type: UserType,
    /// Whether the user has a webinar licence. Without one, creating or
    /// listing webinars returns code 200 "Webinar plan is missing".
    pub webinar_licence: bool,
    pub role_name: String,
    pub timezone: String,
    pub pmi: u64,
    pub dept: String,
    pub created_at: DateTime<Utc>,
}

impl User {
    pub(crate) fn display_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }

    /// Reports whether `key` names this user by id or (case-insensitive) email.
    pub(crate) fn is_named_by(&self, key: &str) -> bool {
        self.id == key || self.email.eq_ignore_ascii_case(key)
    }

    /// Renders the object of `GET /users/{userId}`.
    pub(crate) fn to_json(&self, account_id: &str, origin: &str) -> Value {
        let created = format_utc(self.created_at);
        json!({
            "id": self.id,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "display_name": self.display_name(),
            "email": self.email,
            "type": self.user_type as u8,
            "role_name": self.role_name,
            "pmi": self.pmi,
            "use_pmi": false,
            "personal_meeting_url": format!("{origin}/j/{}", self.pmi),
            "timezone": self.timezone,
            "verified": 1,
            "dept": self.dept,
            "created_at": created,
            "user_created_at": created,
            "last_login_time": created,
            "last_client_version": "6.4.0.1234(mac)",
            "pic_url": "",
            "language": "en-US",
            "phone_number": "",
            "status": "active",
            "role_id": if self.role_name == "Owner" { "0" } else { "2" },
            "account_id": account_id,
            "account_number": 10000001,
            "cluster": "us05",
            "group_ids": [],
            "im_group_ids": [],
            "login_types": [100],
        })
    }

    /// Renders the shorter entry of `GET /users`.
    pub(crate) fn to_list_json(&self) -> Value {
        let created = format_utc(self.created_at);
        json!({
            "id": self.id,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "display_name": self.display_name(),
            "email": self.email,
            "type": self.user_type as u8,
            "pmi": self.pmi,
            "timezone": self.timezone,
            "verified": 1,
            "dept": self.dept,
            "created_at": created,
            "user_created_at": created,
            "last_login_time": created,
            "last_client_version": "6.4.0.1234(mac)",
            "status": "active",
            "role_id": if self.role_name == "Owner" { "0" } else { "2" },
            "group_ids": [],
            "im_group_ids": [],
        })
    }
}
