//! Starting and stopping the sandbox HTTP server.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use chrono::Utc;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use super::faults::{self, FaultTable};
use super::http::Shared;
use super::oauth::TokenStore;
use super::routes::default_scopes;
use super::{SandboxError, SandboxOptions, seed};

/// How long [`SandboxServer::shutdown`] waits for open connections to finish
/// before it stops the server task.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// A running sandbox: a simulated Zoom account on a loopback port.
#[derive(Debug)]
pub struct SandboxServer {
    local_addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl SandboxServer {
    /// Binds `listen` and serves in a tokio task. A non-loopback address
    /// returns [`SandboxError::NotLoopback`]. Port 0 picks a free port, which
    /// [`local_addr`](Self::local_addr) reports.
    pub async fn start(
        listen: SocketAddr,
        options: SandboxOptions,
    ) -> Result<SandboxServer, SandboxError> {
        if !listen.ip().is_loopback() {
            return Err(SandboxError::NotLoopback { addr: listen });
        }
        let listener = TcpListener::bind(listen)
            .await
            .map_err(|source| SandboxError::Bind {
                addr: listen,
                source,
            })?;
        let local_addr = listener
            .local_addr()
            .map_err(|source| SandboxError::LocalAddr {
                addr: listen,
                source,
            })?;

        let scopes = options.scopes.unwrap_or_else(default_scopes);
        let tokens = TokenStore::new(Duration::from_secs(options.token_ttl_secs), scopes)
            .with_app(options.app);
        let state = seed::build_state(format!("http://{local_addr}"), tokens, Utc::now());
        let shared = Arc::new(Shared {
            state: Mutex::new(state),
            validate_responses: options.validate_responses,
            faults: FaultTable::default(),
        });
        let app = Router::new().fallback(faults::handle).with_state(shared);

        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let shutdown = async {
                // A dropped sender also stops the server.
                let _ = stopped.await;
            };
            if let Err(error) = axum::serve(listener, app)
                .with_graceful_shutdown(shutdown)
                .await
            {
                tracing::error!(%error, %local_addr, "sandbox server failed");
            }
        });
        tracing::info!(%local_addr, "sandbox started");
        Ok(SandboxServer {
            local_addr,
            stop: Some(stop),
            task: Some(task),
        })
    }

    /// Returns the address the server is bound to.
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// Returns the REST API base URL, such as `http://127.0.0.1:PORT/v2`.
    pub fn base_url(&self) -> String {
        format!("http://{}/v2", self.local_addr)
    }

    /// Returns the OAuth token URL, such as `http://127.0.0.1:PORT/oauth/token`.
    pub fn token_url(&self) -> String {
        format!("http://{}/oauth/token", self.local_addr)
    }

    /// Stops accepting connections, lets in-flight requests finish (up to
    /// five seconds) and waits for the server task to end.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(mut task) = self.task.take() {
            match tokio::time::timeout(SHUTDOWN_GRACE, &mut task).await {
                Ok(_) => {}
                Err(_) => {
                    tracing::warn!(local_addr = %self.local_addr, "sandbox connections did not close in time; aborting");
                    task.abort();
                }
            }
        }
        tracing::info!(local_addr = %self.local_addr, "sandbox stopped");
    }
}

impl Drop for SandboxServer {
    /// Signals the server to stop when it is dropped without `shutdown`.
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
