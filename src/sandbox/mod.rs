//! Simulated Zoom account served on loopback.
//! NOTE: placeholder with the public API only; replaced by the sandbox branch.

use std::net::SocketAddr;

#[derive(Debug, Clone)]
pub struct SandboxOptions {
    pub token_ttl_secs: u64,
    pub scopes: Option<Vec<String>>,
}

impl Default for SandboxOptions {
    fn default() -> Self {
        SandboxOptions { token_ttl_secs: 3600, scopes: None }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    #[error("sandbox not built")]
    NotBuilt,
}

pub struct SandboxServer {
    addr: SocketAddr,
}

impl SandboxServer {
    pub async fn start(listen: SocketAddr, _options: SandboxOptions) -> Result<SandboxServer, SandboxError> {
        let _ = listen;
        Err(SandboxError::NotBuilt)
    }
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }
    pub fn base_url(&self) -> String {
        format!("http://{}/v2", self.addr)
    }
    pub fn token_url(&self) -> String {
        format!("http://{}/oauth/token", self.addr)
    }
    pub async fn shutdown(self) {}
}
