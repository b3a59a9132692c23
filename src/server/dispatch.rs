//! Running one tool call: it stops when the client cancels it
//! (`notifications/cancelled`) and when it passes the tool deadline.
//!
//! Stopping drops the tool's future, and with it any Zoom request in
//! flight: reqwest closes that connection before Zoom responds. A POST
//! that was already sent may still take effect, so the deadline message
//! for write tools tells the user to check first.

use std::future::Future;
use std::time::Duration;

use rmcp::ErrorData as McpError;
use rmcp::model::{CallToolResponse, CallToolResult, ContentBlock};
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
    let call = deadline::scope(deadline_at, call);
    tokio::select! {
        biased;
        () = cancelled.cancelled() => {
            tracing::info!(tool = tool.name, "tool call cancelled by the client; stopped it and any Zoom request in flight");
            // rmcp does not send a response to a cancelled request, so this
            // error only ends the handler.
            Err(McpError::internal_error(
                format!("tool call {} was cancelled by the client", tool.name),
                None,
            ))
        }
        result = call => result,
        () = tokio::time::sleep_until(deadline_at) => {
            tracing::warn!(tool = tool.name, deadline_secs = limit.as_secs_f64(), "tool call passed its deadline; stopped it");
            Ok(CallToolResult::error(vec![ContentBlock::text(deadline_message(&tool, limit))]).into())
        }
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
