//! The deadline of the tool call in progress, so code deep in a call (the
//! retry loop, a list tool gathering pages) can tell how much time is left.
//!
//! The MCP server sets it around each tool call (see
//! `ZoomServer::call_tool`); when it passes, the call is stopped and
//! returns an error result. Code outside a tool call, and tasks spawned
//! from one, see no deadline.

use std::future::Future;
use std::time::Duration;

use tokio::time::Instant;

tokio::task_local! {
    static DEADLINE: Instant;
}

/// Runs `future` with `deadline` as the current tool call's deadline.
pub async fn scope<F: Future>(deadline: Instant, future: F) -> F::Output {
    DEADLINE.scope(deadline, future).await
}

/// Returns the current tool call's deadline, or `None` outside a tool call.
pub fn current() -> Option<Instant> {
    DEADLINE.try_with(|deadline| *deadline).ok()
}

/// Returns the time left before the current tool call's deadline (zero once
/// it has passed), or `None` outside a tool call.
pub fn remaining() -> Option<Duration> {
    current().map(|deadline| deadline.saturating_duration_since(Instant::now()))
}

/// Reports whether `needed` still fits before the current tool call's
/// deadline; always true outside a tool call. List tools call this before
/// fetching another page, so they can return what they have, with a cursor,
/// instead of being cut off.
pub fn has_time_for(needed: Duration) -> bool {
    remaining().is_none_or(|left| left > needed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn no_deadline_outside_a_call() {
        assert_eq!(current(), None);
        assert_eq!(remaining(), None);
        assert!(has_time_for(Duration::from_secs(3600)));
    }

    #[tokio::test]
    async fn scope_sets_the_deadline() {
        let deadline = Instant::now() + Duration::from_secs(10);
        scope(deadline, async {
            assert_eq!(current(), Some(deadline));
            let left = remaining().unwrap();
            assert!(left <= Duration::from_secs(10), "{left:?}");
            assert!(has_time_for(Duration::from_secs(1)));
            assert!(!has_time_for(Duration::from_secs(11)));
        })
        .await;
    }

    #[tokio::test]
    async fn passed_deadline_leaves_zero() {
        let deadline = Instant::now();
        scope(deadline, async {
            assert_eq!(remaining(), Some(Duration::ZERO));
            assert!(!has_time_for(Duration::ZERO));
        })
        .await;
    }
}
