//! MCP progress notifications for page walks and bulk operations, sent
//! only when the client asked for them with a progress token.

use rmcp::RoleServer;
use rmcp::model::{ProgressNotificationParam, ProgressToken};
use rmcp::service::{Peer, RequestContext};
use tokio_util::sync::CancellationToken;

/// Progress reporting and cancellation for one tool call.
pub struct Progress {
    target: Option<(ProgressToken, Peer<RoleServer>)>,
    cancelled: CancellationToken,
    step: u64,
}

impl Progress {
    pub fn new(context: &RequestContext<RoleServer>) -> Progress {
        Progress {
            target: context
                .meta
                .get_progress_token()
                .map(|token| (token, context.peer.clone())),
            cancelled: context.ct.clone(),
            step: 0,
        }
    }

    /// Progress that reports to no one and is never cancelled, for code
    /// running outside a tool call.
    pub fn detached() -> Progress {
        Progress {
            target: None,
            cancelled: CancellationToken::new(),
            step: 0,
        }
    }

    /// Report one more step done, out of `total` when known. A failed
    /// notification is logged and otherwise ignored: progress is advisory.
    pub async fn advance(&mut self, total: Option<u64>, message: impl Into<String>) {
        self.step += 1;
        let Some((token, peer)) = &self.target else {
            return;
        };
        let mut notification =
            ProgressNotificationParam::new(token.clone(), self.step as f64).with_message(message);
        if let Some(total) = total {
            notification = notification.with_total(total as f64);
        }
        if let Err(error) = peer.notify_progress(notification).await {
            tracing::debug!(%error, "progress notification not delivered");
        }
    }

    /// Whether the client cancelled the call; long loops check it between requests.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.is_cancelled()
    }
}
