//! MCP prompts: ready-made requests a user picks in the host's prompt menu,
//! which guide the assistant through a webinar task with this server's
//! tools, by their real names.
//!
//! Each prompt returns one user message. Tool names in the texts are
//! written in backticks, and each prompt lists them in
//! [`PromptSpec::tools`], so `prompts/get` can name the ones the server
//! does not expose and a test can check that each one exists.

mod arguments;
mod follow_up;
mod plan_series;
mod registration_review;

use chrono_tz::Tz;
use rmcp::ErrorData as McpError;
use rmcp::model::{GetPromptResult, JsonObject, Prompt, PromptArgument, PromptMessage, Role};

pub use arguments::Arguments;

use crate::tools::toolsets::TOOLSETS;

/// One argument a prompt takes.
#[derive(Debug)]
pub struct ArgumentSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub required: bool,
}

/// A prompt: its listing and the function that builds its text.
#[derive(Debug)]
pub struct PromptSpec {
    pub name: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub arguments: &'static [ArgumentSpec],
    /// Every tool the text names.
    pub tools: &'static [&'static str],
    pub render: fn(&Arguments, &PromptContext<'_>) -> Result<String, PromptError>,
}

impl PromptSpec {
    fn argument(&self, name: &str) -> Option<&ArgumentSpec> {
        self.arguments.iter().find(|spec| spec.name == name)
    }

    fn argument_names(&self) -> String {
        let names: Vec<&str> = self.arguments.iter().map(|spec| spec.name).collect();
        names.join(", ")
    }

    /// Builds the `prompts/list` entry.
    pub fn listing(&self) -> Prompt {
        let arguments = self
            .arguments
            .iter()
            .map(|spec| {
                PromptArgument::new(spec.name)
                    .with_description(spec.description)
                    .with_required(spec.required)
            })
            .collect();
        Prompt::new(self.name, Some(self.description), Some(arguments)).with_title(self.title)
    }
}

/// What a prompt's text depends on besides its arguments.
pub struct PromptContext<'a> {
    /// The server's default time zone, for prompts given no time zone.
    pub default_time_zone: Tz,
    /// Reports whether the server exposes a tool.
    pub exposes: &'a dyn Fn(&str) -> bool,
}

/// A `prompts/get` failure, sent to the client as an invalid-params error.
#[derive(Debug, thiserror::Error)]
pub enum PromptError {
    #[error("prompt {name:?} not found; the prompts are: {available}")]
    NotFound { name: String, available: String },
    #[error(
        "prompt {prompt} needs the argument {argument} ({description}); give it and get the prompt again"
    )]
    MissingArgument {
        prompt: &'static str,
        argument: &'static str,
        description: &'static str,
    },
    #[error("prompt {prompt} has no argument {argument:?}; its arguments are: {declared}")]
    UnknownArgument {
        prompt: &'static str,
        argument: String,
        declared: String,
    },
    #[error("prompt {prompt} argument {argument} is invalid: {reason}")]
    InvalidArgument {
        prompt: &'static str,
        argument: &'static str,
        reason: String,
    },
}

impl From<PromptError> for McpError {
    fn from(error: PromptError) -> McpError {
        McpError::invalid_params(error.to_string(), None)
    }
}

/// Every prompt the server offers.
pub const PROMPTS: &[&PromptSpec] = &[
    &plan_series::PROMPT,
    &follow_up::PROMPT,
    &registration_review::PROMPT,
];

/// Lists the prompts for `prompts/list`.
pub fn list() -> Vec<Prompt> {
    PROMPTS.iter().map(|prompt| prompt.listing()).collect()
}

/// Builds the prompt `name` with `arguments`, for `prompts/get`.
pub fn get(
    name: &str,
    arguments: Option<&JsonObject>,
    context: &PromptContext<'_>,
) -> Result<GetPromptResult, PromptError> {
    let prompt = PROMPTS
        .iter()
        .find(|prompt| prompt.name == name)
        .ok_or_else(|| PromptError::NotFound {
            name: name.to_string(),
            available: PROMPTS
                .iter()
                .map(|prompt| prompt.name)
                .collect::<Vec<_>>()
                .join(", "),
        })?;
    let arguments = Arguments::read(prompt, arguments)?;
    let mut text = (prompt.render)(&arguments, context)?;
    if let Some(note) = hidden_tools_note(prompt.tools, context.exposes) {
        text.push_str("\n\n");
        text.push_str(&note);
    }
    Ok(
        GetPromptResult::new(vec![PromptMessage::new_text(Role::User, text)])
            .with_description(prompt.description),
    )
}

/// Names the tools a prompt uses that the server does not expose, with the
/// toolset that contains each one, or `None` when it exposes them all.
fn hidden_tools_note(tools: &[&str], exposes: &dyn Fn(&str) -> bool) -> Option<String> {
    let hidden: Vec<String> = tools
        .iter()
        .filter(|tool| !exposes(tool))
        .map(|tool| {
            let toolset = TOOLSETS
                .iter()
                .find(|toolset| toolset.tools.contains(tool))
                .map_or("unknown", |toolset| toolset.name);
            format!("{tool} (toolset {toolset})")
        })
        .collect();
    if hidden.is_empty() {
        return None;
    }
    Some(format!(
        "This server does not expose these tools, so skip the steps that need them or ask me to \
         restart it with their toolsets and without --read-only: {}.",
        hidden.join(", ")
    ))
}

/// Builds a line "- label: value", or "- label: fallback" without a value.
fn field_line(label: &str, value: Option<&str>, fallback: &str) -> String {
    match value {
        Some(value) => format!("- {label}: {value}\n"),
        None => format!("- {label}: {fallback}\n"),
    }
}

#[cfg(test)]
mod tests;
