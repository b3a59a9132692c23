//! Simulated Zoom account served on loopback.
//!
//! The sandbox serves the Server-to-Server OAuth token endpoint and a subset
//! of Zoom's REST API v2, with Zoom's status codes, error bodies,
//! pagination and UUID encoding rules. The subset covers users, webinars,
//! webinar templates, panelists, polls, registrants and registration
//! questions, invite links, session branding, live streams, surveys,
//! tokens, tracking sources, past webinars and webinar reports. Tests, demos and
//! benchmarks run against it because real webinars need a paid licence and
//! every write reaches real attendees.
//!
//! State lives in memory for the life of the process and starts from the same
//! seed data on every start (see [`seed`]). Two test hooks outside Zoom's
//! namespace report what the sandbox saw: `GET /_sandbox/stats` and
//! `GET /_sandbox/requests`. A third, `/_sandbox/faults`, injects faults
//! (error responses, delays, dropped connections, revoked tokens) into
//! matching requests (see the `faults` module). Requests and responses are
//! checked against Zoom's API contract (see `contract`).

pub(crate) mod contract;
mod faults;
mod fields;
mod handlers;
mod http;
mod ids;
mod model;
mod oauth;
mod paging;
mod query;
mod reply;
mod routes;
pub mod seed;
mod seed_features;
mod seed_past;
mod server;
mod state;
mod times;

pub use server::SandboxServer;

use std::net::SocketAddr;

/// Default lifetime of an access token, in seconds, as Zoom issues them.
pub const DEFAULT_TOKEN_TTL_SECS: u64 = 3600;

/// The Server-to-Server OAuth app that the sandbox's token endpoint
/// simulates. By default any non-empty client id, secret and account id
/// get a token; setting a field makes other values fail the way Zoom
/// rejects them, so a client's error handling can be tested.
#[derive(Clone, Default)]
pub struct SandboxApp {
    /// The only client id accepted, together with `client_secret`.
    pub client_id: Option<String>,
    /// The only client secret accepted. A sandbox value, never a real secret.
    pub client_secret: Option<String>,
    /// The only account id accepted.
    pub account_id: Option<String>,
    /// Rejects every token request as for an app that is not activated.
    pub deactivated: bool,
}

impl std::fmt::Debug for SandboxApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SandboxApp")
            .field("client_id", &self.client_id)
            .field("client_secret_set", &self.client_secret.is_some())
            .field("account_id", &self.account_id)
            .field("deactivated", &self.deactivated)
            .finish()
    }
}

/// Settings for a sandbox instance.
#[derive(Debug, Clone)]
pub struct SandboxOptions {
    /// Lifetime of each access token, in seconds.
    pub token_ttl_secs: u64,
    /// Scopes granted to every token. `None` grants every scope the MCP
    /// server's tools need: the classic `:admin` scopes and the granular
    /// `:admin` variants of every endpoint the sandbox serves.
    pub scopes: Option<Vec<String>>,
    /// Check every response body against Zoom's API contract and record
    /// violations in the request log. Benchmarks turn it off.
    pub validate_responses: bool,
    /// The app whose credentials the token endpoint accepts.
    pub app: SandboxApp,
}

impl Default for SandboxOptions {
    fn default() -> Self {
        Self {
            token_ttl_secs: DEFAULT_TOKEN_TTL_SECS,
            scopes: None,
            validate_responses: true,
            app: SandboxApp::default(),
        }
    }
}

/// Failures to start the sandbox.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    /// The listen address is reachable from other hosts.
    #[error(
        "sandbox listen address {addr} is not a loopback address; \
         use 127.0.0.1:PORT or [::1]:PORT so the simulated account stays on this machine"
    )]
    NotLoopback { addr: SocketAddr },

    /// The listener could not be bound.
    #[error(
        "failed to bind the sandbox listener on {addr}: {source}; pick a free port or use port 0"
    )]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },

    /// The bound listener did not report its address.
    #[error("failed to read the local address of the sandbox listener bound to {addr}: {source}")]
    LocalAddr {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
}
