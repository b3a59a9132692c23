//! Tool results: structured content with a short text summary, and
//! tool-level errors the model can act on.

use rmcp::handler::server::tool::IntoCallToolResult;
use rmcp::model::{CallToolResponse, CallToolResult, ContentBlock, InputRequiredResult};
use serde::Serialize;

use crate::zoom::ZoomError;

/// A tool's structured output, which can also summarise itself for a
/// person.
pub trait ToolOutput: Serialize {
    /// Summarise the output in one or a few short lines, with times in the
    /// default time zone.
    fn summary(&self) -> String;
}

/// Structured tool output: `structuredContent` is the object, and `content`
/// carries the summary followed by the same object as JSON text, for
/// clients that read only `content`.
///
/// The name matters: rmcp's `#[tool]` macro derives a tool's
/// `outputSchema` from a return type whose last path segment is `Json`
/// (`Json<T>` or `Result<Json<T>, E>`), so this wrapper keeps that
/// behaviour while adding the summary that `rmcp::Json` has no room for.
pub struct Json<T>(pub T);

impl<T: ToolOutput> IntoCallToolResult for Json<T> {
    fn into_call_tool_result(self) -> Result<CallToolResponse, rmcp::ErrorData> {
        let value = serde_json::to_value(&self.0).map_err(|error| {
            rmcp::ErrorData::internal_error(
                format!("could not serialise the tool result: {error}"),
                None,
            )
        })?;
        let mut result = CallToolResult::structured(value.clone());
        result.content = vec![
            ContentBlock::text(self.0.summary()),
            ContentBlock::text(value.to_string()),
        ];
        Ok(result.into())
    }
}

/// A tool result, or a request for input from the client first. In the
/// 2026-07-28 protocol era a tool cannot send the client a request, so it
/// returns an `InputRequiredResult` (multi round-trip request). The client
/// then calls the tool again with `inputResponses` and the echoed
/// `requestState`.
///
/// rmcp derives no `outputSchema` from this type, so a tool returning it
/// names its output type in `#[tool(output_schema = ...)]`.
pub enum Reply<T> {
    Done(T),
    InputRequired(InputRequiredResult),
}

impl<T: ToolOutput> IntoCallToolResult for Reply<T> {
    fn into_call_tool_result(self) -> Result<CallToolResponse, rmcp::ErrorData> {
        match self {
            Reply::Done(output) => Json(output).into_call_tool_result(),
            Reply::InputRequired(request) => Ok(request.into()),
        }
    }
}

/// A failure the model can act on, returned as an `isError` result whose
/// text states what failed and what to do next.
#[derive(Debug)]
pub struct ToolError(pub String);

impl ToolError {
    pub fn invalid(message: impl Into<String>) -> ToolError {
        ToolError(message.into())
    }
}

impl std::fmt::Display for ToolError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<ZoomError> for ToolError {
    fn from(error: ZoomError) -> ToolError {
        ToolError(error.to_string())
    }
}

impl From<crate::time::TimeError> for ToolError {
    fn from(error: crate::time::TimeError) -> ToolError {
        ToolError(error.to_string())
    }
}

impl From<crate::schedule::ScheduleError> for ToolError {
    fn from(error: crate::schedule::ScheduleError) -> ToolError {
        ToolError(error.to_string())
    }
}

impl IntoCallToolResult for ToolError {
    fn into_call_tool_result(self) -> Result<CallToolResponse, rmcp::ErrorData> {
        Ok(CallToolResult::error(vec![ContentBlock::text(self.0)]).into())
    }
}
