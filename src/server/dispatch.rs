//! Running one tool call: it stops when the client cancels it
//! (`notifications/cancelled`) and when it passes the tool deadline.
//!
//! Stopping drops the tool's future, and with it any Zoom request in
//! flight: reqwest closes that connection before Zoom responds. A POST
//! that was already sent may still take effect, so the deadline message
//! for write tools tells the user to check first.
//!
//! The deadline bounds the time Zoom takes, not the time a person takes:
//! while a tool waits for the user to answer an elicitation form, it runs
//! that wait in [`pause_deadline`], and the deadline moves later by the
//! time the wait took. Client cancellation still applies during the wait.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use rmcp::ErrorData as McpError;
use rmcp::model::{CallToolResponse, CallToolResult, ContentBlock};
use tokio::sync::watch;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use crate::zoom::deadline;
use crate::zoom::failure::format_seconds;

/// The tool being called, as the deadline message names it.
pub struct ToolCall<'a> {
    pub name: &'a str,
    /// Whether the tool only reads, from its `read_only_hint`.
    pub read_only: bool,
}

/// Runs `call` with `limit` as its deadline, and stops it early when
/// `cancelled` fires.
pub async fn run_tool_call<F>(
    tool: ToolCall<'_>,
    limit: Duration,
    cancelled: CancellationToken,
    call: F,
) -> Result<CallToolResponse, McpError>
where
    F: Future<Output = Result<CallToolResponse, McpError>>,
{
    let deadline_at = Instant::now() + limit;
    let (clock, mut clock_changes) = DeadlineClock::start(deadline_at);
    let call = CLOCK.scope(clock, deadline::scope(deadline_at, call));
    tokio::pin!(call);
    loop {
        let running_until = clock_changes.borrow_and_update().running_until();
        tokio::select! {
            biased;
            () = cancelled.cancelled() => {
                tracing::info!(tool = tool.name, "tool call cancelled by the client; stopped it and any Zoom request in flight");
                // rmcp does not send a response to a cancelled request, so this
                // error only ends the handler.
                return Err(McpError::internal_error(
                    format!("tool call {} was cancelled by the client", tool.name),
                    None,
                ));
            }
            result = &mut call => return result,
            // A pause or a resume: wait again with the new deadline. The
            // sender lives inside `call`, so this fails only after `call`
            // finished, and then the branch is disabled.
            Ok(()) = clock_changes.changed() => continue,
            () = sleep_until_if_running(running_until), if running_until.is_some() => {
                tracing::warn!(tool = tool.name, deadline_secs = limit.as_secs_f64(), "tool call passed its deadline; stopped it");
                return Ok(CallToolResult::error(vec![ContentBlock::text(deadline_message(&tool, limit))]).into());
            }
        }
    }
}

/// Sleeps until `deadline`, or forever while the deadline is paused.
async fn sleep_until_if_running(deadline: Option<Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline).await,
        None => std::future::pending().await,
    }
}

tokio::task_local! {
    static CLOCK: DeadlineClock;
}

/// The deadline of the tool call in progress, as [`run_tool_call`] watches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ClockState {
    Running {
        deadline: Instant,
    },
    /// Paused, with this much time left once it runs again.
    Paused {
        left: Duration,
    },
}

impl ClockState {
    fn running_until(self) -> Option<Instant> {
        match self {
            ClockState::Running { deadline } => Some(deadline),
            ClockState::Paused { .. } => None,
        }
    }
}

/// The shared, pausable deadline of one tool call.
#[derive(Debug, Clone)]
struct DeadlineClock {
    state: Arc<watch::Sender<ClockState>>,
}

impl DeadlineClock {
    fn start(deadline: Instant) -> (DeadlineClock, watch::Receiver<ClockState>) {
        let (sender, receiver) = watch::channel(ClockState::Running { deadline });
        let clock = DeadlineClock {
            state: Arc::new(sender),
        };
        (clock, receiver)
    }

    /// Stops the clock; returns `false` when it was already paused, so
    /// only the outermost pause resumes it.
    fn pause(&self) -> bool {
        self.state.send_if_modified(|state| match *state {
            ClockState::Running { deadline } => {
                let left = deadline.saturating_duration_since(Instant::now());
                *state = ClockState::Paused { left };
                true
            }
            ClockState::Paused { .. } => false,
        })
    }

    fn resume(&self) {
        self.state.send_if_modified(|state| match *state {
            ClockState::Paused { left } => {
                *state = ClockState::Running {
                    deadline: Instant::now() + left,
                };
                true
            }
            ClockState::Running { .. } => false,
        });
    }

    fn current_deadline(&self) -> Option<Instant> {
        self.state.borrow().running_until()
    }
}

/// Resumes the clock when the paused wait ends, also when it is dropped.
struct ResumeOnDrop(DeadlineClock);

impl Drop for ResumeOnDrop {
    fn drop(&mut self) {
        self.0.resume();
    }
}

/// Runs `wait` with the tool deadline paused, for waits on a person such
/// as an elicitation form. The deadline then moves later by the time the
/// wait took. Outside a tool call it just runs `wait`.
///
/// Code after the wait that sends Zoom requests should run inside
/// [`with_current_deadline`], so the requests see the moved deadline.
pub async fn pause_deadline<F: Future>(wait: F) -> F::Output {
    let Ok(clock) = CLOCK.try_with(Clone::clone) else {
        return wait.await;
    };
    let _resume = clock.pause().then(|| ResumeOnDrop(clock));
    wait.await
}

/// Runs `work` with the tool call's current deadline, which pauses may have
/// moved later than the one the call started with, as the deadline Zoom
/// requests and page walks see (`crate::zoom::deadline`).
pub async fn with_current_deadline<F: Future>(work: F) -> F::Output {
    match CLOCK.try_with(DeadlineClock::current_deadline) {
        Ok(Some(deadline_at)) => deadline::scope(deadline_at, work).await,
        _ => work.await,
    }
}

/// Says what timed out and whether retrying is safe.
pub fn deadline_message(tool: &ToolCall<'_>, limit: Duration) -> String {
    let retry = if tool.read_only {
        "It only reads, so it can be retried as is"
    } else {
        "It can be retried, but a Zoom request it had sent may have taken effect: \
         check with the matching list or get tool first, so nothing is done twice"
    };
    format!(
        "{} did not finish within the {} s tool deadline (ZOOM_TOOL_DEADLINE_SECS), \
         because Zoom was slow to respond, so it was stopped. {retry}.",
        tool.name,
        format_seconds(limit)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok_result() -> Result<CallToolResponse, McpError> {
        Ok(CallToolResult::success(vec![ContentBlock::text("done")]).into())
    }

    fn tool(read_only: bool) -> ToolCall<'static> {
        ToolCall {
            name: "list_webinars",
            read_only,
        }
    }

    #[tokio::test]
    async fn finished_call_returns_its_result() {
        let result = run_tool_call(
            tool(true),
            Duration::from_secs(5),
            CancellationToken::new(),
            async { ok_result() },
        )
        .await
        .unwrap();
        let CallToolResponse::Complete(result) = result else {
            panic!("expected a result");
        };
        assert_ne!(result.is_error, Some(true));
    }

    #[tokio::test]
    async fn deadline_stops_a_slow_call() {
        let result = run_tool_call(
            tool(true),
            Duration::from_millis(20),
            CancellationToken::new(),
            async {
                tokio::time::sleep(Duration::from_secs(30)).await;
                ok_result()
            },
        )
        .await
        .unwrap();
        let CallToolResponse::Complete(result) = result else {
            panic!("expected a result");
        };
        assert_eq!(result.is_error, Some(true));
        let text = result.content[0].as_text().unwrap().text.clone();
        assert!(text.contains("list_webinars"), "{text}");
        assert!(text.contains("0.02 s tool deadline"), "{text}");
        assert!(text.contains("retried"), "{text}");
    }

    #[tokio::test]
    async fn call_sees_its_deadline() {
        let result = run_tool_call(
            tool(true),
            Duration::from_secs(5),
            CancellationToken::new(),
            async {
                let left = deadline::remaining().expect("a deadline inside the call");
                assert!(left <= Duration::from_secs(5));
                ok_result()
            },
        )
        .await;
        assert!(result.is_ok());
    }

    #[tokio::test]
    async fn cancel_stops_the_call() {
        let cancelled = CancellationToken::new();
        cancelled.cancel();
        let result = run_tool_call(tool(false), Duration::from_secs(5), cancelled, async {
            tokio::time::sleep(Duration::from_secs(30)).await;
            ok_result()
        })
        .await;
        assert!(result.is_err());
    }

    #[tokio::test]
    async fn paused_wait_does_not_count() {
        let result = run_tool_call(
            tool(false),
            Duration::from_millis(200),
            CancellationToken::new(),
            async {
                pause_deadline(tokio::time::sleep(Duration::from_millis(600))).await;
                ok_result()
            },
        )
        .await
        .unwrap();
        let CallToolResponse::Complete(result) = result else {
            panic!("expected a result");
        };
        assert_ne!(result.is_error, Some(true), "{:?}", result.content);
    }

    #[tokio::test]
    async fn deadline_applies_after_a_pause() {
        let result = run_tool_call(
            tool(false),
            Duration::from_millis(100),
            CancellationToken::new(),
            async {
                pause_deadline(tokio::time::sleep(Duration::from_millis(10))).await;
                tokio::time::sleep(Duration::from_secs(30)).await;
                ok_result()
            },
        )
        .await
        .unwrap();
        let CallToolResponse::Complete(result) = result else {
            panic!("expected a result");
        };
        assert_eq!(result.is_error, Some(true));
    }

    #[tokio::test]
    async fn pause_moves_the_deadline_later() {
        let result = run_tool_call(
            tool(false),
            Duration::from_secs(5),
            CancellationToken::new(),
            async {
                let before = deadline::current().expect("a deadline inside the call");
                pause_deadline(tokio::time::sleep(Duration::from_millis(50))).await;
                let after = with_current_deadline(async { deadline::current() })
                    .await
                    .expect("a deadline after the pause");
                assert!(after > before, "{after:?} is not after {before:?}");
                ok_result()
            },
        )
        .await;
        assert!(result.is_ok());
    }

    #[tokio::test]
    async fn cancel_stops_a_paused_call() {
        let cancelled = CancellationToken::new();
        let cancel = cancelled.clone();
        let result = run_tool_call(tool(false), Duration::from_secs(5), cancelled, async move {
            cancel.cancel();
            pause_deadline(tokio::time::sleep(Duration::from_secs(30))).await;
            ok_result()
        })
        .await;
        assert!(result.is_err());
    }

    #[test]
    fn write_tool_message_warns_about_effects() {
        let text = deadline_message(
            &ToolCall {
                name: "create_webinar",
                read_only: false,
            },
            Duration::from_secs(50),
        );
        assert!(text.contains("50 s"), "{text}");
        assert!(text.contains("may have taken effect"), "{text}");
    }
}
