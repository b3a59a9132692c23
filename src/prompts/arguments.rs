//! Prompt arguments: MCP sends them as strings, so each prompt reads and
//! checks its own before building its text.

use std::collections::BTreeMap;

use rmcp::model::JsonObject;
use serde_json::Value;

use super::{ArgumentSpec, PromptError, PromptSpec};
use crate::tools::limits::truncate_for_message;

/// The arguments of one `prompts/get` request, as trimmed strings; empty
/// values count as absent.
#[derive(Debug)]
pub struct Arguments {
    prompt: &'static PromptSpec,
    values: BTreeMap<String, String>,
}

impl Arguments {
    /// Reads `arguments` for `prompt`: rejects names the prompt does not
    /// declare, values that are neither strings nor numbers, and missing
    /// required arguments.
    pub fn read(
        prompt: &'static PromptSpec,
        arguments: Option<&JsonObject>,
    ) -> Result<Arguments, PromptError> {
        let mut values = BTreeMap::new();
        for (name, value) in arguments.into_iter().flatten() {
            let Some(spec) = prompt.argument(name) else {
                return Err(PromptError::UnknownArgument {
                    prompt: prompt.name,
                    argument: name.clone(),
                    declared: prompt.argument_names(),
                });
            };
            let text = match value {
                Value::String(text) => text.trim().to_string(),
                // Clients that type arguments send ids and counts as numbers.
                Value::Number(number) => number.to_string(),
                Value::Null => String::new(),
                other => {
                    return Err(PromptError::InvalidArgument {
                        prompt: prompt.name,
                        argument: spec.name,
                        reason: format!("expected a string, got {other}"),
                    });
                }
            };
            if !text.is_empty() {
                values.insert(name.clone(), text);
            }
        }
        for spec in prompt.arguments.iter().filter(|spec| spec.required) {
            if !values.contains_key(spec.name) {
                return Err(PromptError::MissingArgument {
                    prompt: prompt.name,
                    argument: spec.name,
                    description: spec.description,
                });
            }
        }
        Ok(Arguments { prompt, values })
    }

    /// Returns a required argument, which [`Arguments::read`] checked.
    pub fn required(&self, name: &'static str) -> Result<&str, PromptError> {
        self.optional(name).ok_or(PromptError::MissingArgument {
            prompt: self.prompt.name,
            argument: name,
            description: self
                .prompt
                .argument(name)
                .map_or("", |spec: &ArgumentSpec| spec.description),
        })
    }

    pub fn optional(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// Returns an argument of at most `max_chars` characters.
    pub fn text(&self, name: &'static str, max_chars: usize) -> Result<Option<&str>, PromptError> {
        match self.optional(name) {
            Some(value) if value.chars().count() > max_chars => Err(self.invalid(
                name,
                format!(
                    "it has {} characters, more than the {max_chars} allowed; shorten it",
                    value.chars().count()
                ),
            )),
            other => Ok(other),
        }
    }

    /// Returns an integer argument within `min..=max`.
    pub fn integer(
        &self,
        name: &'static str,
        min: u64,
        max: u64,
    ) -> Result<Option<u64>, PromptError> {
        let Some(value) = self.optional(name) else {
            return Ok(None);
        };
        match value.parse::<u64>() {
            Ok(number) if (min..=max).contains(&number) => Ok(Some(number)),
            _ => Err(self.invalid(
                name,
                format!("{value:?} is not a whole number from {min} to {max}"),
            )),
        }
    }

    /// Returns a required webinar id: a positive 64-bit number, not an
    /// instance UUID.
    pub fn webinar_id(&self, name: &'static str) -> Result<u64, PromptError> {
        let value = self.required(name)?;
        match value.parse::<u64>() {
            Ok(id) if id > 0 => Ok(id),
            _ => Err(self.invalid(
                name,
                format!(
                    "{:?} is not a webinar id: give the positive number shown by list_webinars (an instance UUID goes in uuid)",
                    truncate_for_message(value)
                ),
            )),
        }
    }

    /// Builds the error for an invalid value of `name`.
    pub fn invalid(&self, name: &'static str, reason: String) -> PromptError {
        PromptError::InvalidArgument {
            prompt: self.prompt.name,
            argument: name,
            reason,
        }
    }
}
