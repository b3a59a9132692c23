//! The simulated account's mutable state and the request log.

use std::collections::{BTreeMap, VecDeque};

use serde::Serialize;

use super::model::template::WebinarTemplate;
use super::model::user::User;
use super::model::webinar::Webinar;
use super::oauth::TokenStore;
use super::paging::PageTokens;
use super::query::percent_decode;
use super::reply::ZoomError;

/// The maximum number of request-log entries kept. Older ones are dropped
/// first so a long benchmark cannot grow the log without bound.
pub(crate) const MAX_LOG_ENTRIES: usize = 10_000;

/// One logged request, as `GET /_sandbox/requests` returns it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LogEntry {
    pub method: String,
    /// The raw path, still percent-encoded.
    pub path: String,
    /// The raw query string, empty when there is none.
    pub query: String,
    pub status: u16,
    /// Zoom's `code` from an error body; `None` on success and for OAuth errors.
    pub zoom_code: Option<i64>,
}

/// Request counters and the request log.
#[derive(Debug, Default)]
pub(crate) struct RequestLog {
    pub token_requests: u64,
    pub api_requests: u64,
    entries: VecDeque<LogEntry>,
}

impl RequestLog {
    pub(crate) fn record(&mut self, entry: LogEntry) {
        if self.entries.len() == MAX_LOG_ENTRIES {
            self.entries.pop_front();
        }
        self.entries.push_back(entry);
    }

    pub(crate) fn entries(&self) -> impl Iterator<Item = &LogEntry> {
        self.entries.iter()
    }
}

/// Everything the sandbox stores, behind one mutex.
#[derive(Debug)]
pub(crate) struct SandboxState {
    /// `http://127.0.0.1:PORT`: the base of `api_url` and of every join URL.
    pub origin: String,
    pub account_id: String,
    /// The first user is the account owner, whom `me` names.
    pub users: Vec<User>,
    pub webinars: BTreeMap<u64, Webinar>,
    pub next_webinar_id: u64,
    /// Webinar templates of every user, oldest first.
    pub templates: Vec<WebinarTemplate>,
    pub pages: PageTokens,
    pub tokens: TokenStore,
    pub log: RequestLog,
}

impl SandboxState {
    /// Finds a user by id, email or `me`.
    pub(crate) fn find_user(&self, key: &str) -> Option<&User> {
        if key == "me" {
            return self.users.first();
        }
        self.users.iter().find(|user| user.is_named_by(key))
    }

    /// Returns the user with this id; webinars always name an existing host.
    pub(crate) fn host(&self, host_id: &str) -> &User {
        self.users
            .iter()
            .find(|user| user.id == host_id)
            .or(self.users.first())
            .expect("the account has an owner")
    }

    /// Parses a raw webinar id path segment.
    pub(crate) fn parse_webinar_id(raw: &str) -> Result<u64, ZoomError> {
        let decoded = percent_decode(raw);
        decoded
            .parse::<u64>()
            .map_err(|_| ZoomError::invalid_webinar_id())
    }

    /// Finds a scheduled webinar by its raw id segment: a non-numeric id is
    /// 400 code 300, an unknown one 404 code 3001.
    pub(crate) fn webinar(&self, raw_id: &str) -> Result<&Webinar, ZoomError> {
        let id = Self::parse_webinar_id(raw_id)?;
        self.webinars
            .get(&id)
            .ok_or_else(|| ZoomError::webinar_does_not_exist(&id.to_string()))
    }

    pub(crate) fn webinar_mut(&mut self, raw_id: &str) -> Result<&mut Webinar, ZoomError> {
        let id = Self::parse_webinar_id(raw_id)?;
        self.webinars
            .get_mut(&id)
            .ok_or_else(|| ZoomError::webinar_does_not_exist(&id.to_string()))
    }

    pub(crate) fn allocate_webinar_id(&mut self) -> u64 {
        let id = self.next_webinar_id;
        self.next_webinar_id += 1;
        id
    }
}
