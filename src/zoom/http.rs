//! The HTTP connection pool, built on first use.
//!
//! Building a `reqwest::Client` loads and parses the system's trusted
//! certificates for TLS, which took most of the server's start-up time.
//! An MCP host waits for `initialize` before anything else, and the first
//! Zoom request needs a TLS handshake anyway, so the pool is built then.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use super::ZoomError;

/// A shared, lazily built `reqwest::Client`; clones share one pool.
#[derive(Clone)]
pub struct LazyHttp {
    settings: HttpSettings,
    client: Arc<OnceLock<Result<reqwest::Client, String>>>,
}

#[derive(Debug, Clone, Copy)]
struct HttpSettings {
    connect_timeout: Duration,
    request_timeout: Duration,
}

impl LazyHttp {
    pub fn new(connect_timeout: Duration, request_timeout: Duration) -> LazyHttp {
        LazyHttp {
            settings: HttpSettings {
                connect_timeout,
                request_timeout,
            },
            client: Arc::new(OnceLock::new()),
        }
    }

    /// Returns the pool, building it on the first call. A build failure
    /// (an unreadable certificate store, say) is kept and returned to
    /// every caller, as it would be at start-up.
    pub fn client(&self) -> Result<&reqwest::Client, ZoomError> {
        self.client
            .get_or_init(|| build(self.settings))
            .as_ref()
            .map_err(|message| ZoomError::Transport {
                url_kind: "HTTP client",
                message: message.clone(),
            })
    }
}

fn build(settings: HttpSettings) -> Result<reqwest::Client, String> {
    let started = std::time::Instant::now();
    let client = reqwest::Client::builder()
        .connect_timeout(settings.connect_timeout)
        .timeout(settings.request_timeout)
        .user_agent(concat!(
            env!("CARGO_PKG_NAME"),
            "/",
            env!("CARGO_PKG_VERSION")
        ))
        .build()
        .map_err(|error| error.to_string())?;
    tracing::debug!(
        elapsed_ms = started.elapsed().as_secs_f64() * 1000.0,
        "HTTP client built"
    );
    Ok(client)
}
