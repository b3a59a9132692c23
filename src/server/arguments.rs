//! Checks of a tool call's arguments against the tool's input schema.
//!
//! serde drops argument names a parameter struct does not know, so a
//! misspelt `timezon` would silently fall back to the default zone and the
//! webinar would still be created. [`unknown_arguments`] refuses such a call
//! before the tool runs. When an argument has the wrong type, rmcp reports
//! serde's wording (`invalid value: integer -5, expected u32`) without the
//! argument's name; [`explain_invalid`] replaces it with the input schema's
//! finding, which names the argument and the rule it broke.

use jsonschema::error::ValidationErrorKind;
use rmcp::model::{CallToolResponse, CallToolResult, ContentBlock, JsonObject, Tool};
use serde_json::Value;

use crate::sandbox::contract::violation;

/// The prefix rmcp gives a result whose arguments did not deserialize.
const DESERIALIZATION_PREFIX: &str = "failed to deserialize parameters:";

/// Largest edit distance at which a known name is offered as the intended one.
const SUGGESTION_DISTANCE: usize = 2;

/// Returns the refusal text when `arguments` has names that `tool`'s input
/// schema does not declare, or `None` when every name is known or the
/// schema accepts any name.
pub(crate) fn unknown_arguments(tool: &Tool, arguments: Option<&JsonObject>) -> Option<String> {
    let arguments = arguments?;
    let schema = tool.input_schema.as_ref();
    // An `additionalProperties` other than `false` (from a flattened map) accepts any name.
    // An absent one counts as closed, because schemars leaves it out for plain structs.
    if schema
        .get("additionalProperties")
        .is_some_and(|allowed| allowed != &Value::Bool(false))
    {
        return None;
    }
    let known: Vec<&str> = match schema.get("properties").and_then(Value::as_object) {
        Some(properties) => properties.keys().map(String::as_str).collect(),
        None => Vec::new(),
    };
    let unknown: Vec<String> = arguments
        .keys()
        .filter(|name| !known.contains(&name.as_str()))
        .map(|name| match closest(name, &known) {
            Some(intended) => format!("`{name}` (did you mean `{intended}`?)"),
            None => format!("`{name}`"),
        })
        .collect();
    if unknown.is_empty() {
        return None;
    }
    let noun = if unknown.len() == 1 {
        "argument named"
    } else {
        "arguments named"
    };
    let accepted = if known.is_empty() {
        "It takes no arguments.".to_string()
    } else {
        format!("Its arguments are: {}.", known.join(", "))
    };
    Some(format!(
        "{} has no {noun} {}; nothing was sent to Zoom. {accepted} Call it again with the names corrected.",
        tool.name,
        unknown.join(", ")
    ))
}

/// Finds the known name nearest to `name`, when it is close enough to be a typo.
fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let lowered = name.to_ascii_lowercase();
    known
        .iter()
        .map(|candidate| (strsim::levenshtein(&lowered, candidate), *candidate))
        .filter(|(distance, _)| *distance <= SUGGESTION_DISTANCE)
        .min()
        .map(|(_, candidate)| candidate)
}

/// Rewrites rmcp's error for arguments that did not deserialize into one that
/// names the argument and what it must be, found by validating `arguments`
/// against `tool`'s input schema. Any other response is returned unchanged.
pub(crate) fn explain_invalid(
    tool: &Tool,
    arguments: Option<&JsonObject>,
    response: CallToolResponse,
) -> CallToolResponse {
    let CallToolResponse::Complete(result) = &response else {
        return response;
    };
    let serde_message = match result.content.first().and_then(ContentBlock::as_text) {
        Some(text) if result.is_error == Some(true) => text.text.as_str(),
        _ => return response,
    };
    let Some(serde_detail) = serde_message.strip_prefix(DESERIALIZATION_PREFIX) else {
        return response;
    };
    // The project's own deserializers (ids, times) already name the value
    // and the fix; only serde's generic wording is replaced.
    let findings = if is_generic_serde_message(serde_detail) {
        schema_findings(tool, arguments)
    } else {
        Vec::new()
    };
    let text = if findings.is_empty() {
        format!(
            "The arguments of {} are not valid: {}. Nothing was sent to Zoom; correct the value and call it again.",
            tool.name,
            serde_detail.trim().trim_end_matches('.')
        )
    } else {
        format!(
            "The arguments of {} are not valid: {}. Nothing was sent to Zoom; correct {} and call it again.",
            tool.name,
            findings.join("; "),
            if findings.len() == 1 {
                "that value"
            } else {
                "those values"
            }
        )
    };
    CallToolResult::error(vec![ContentBlock::text(text)]).into()
}

/// Reports whether `detail` is serde's own wording for a mismatch, such as
/// "invalid value: integer `-5`, expected u32", rather than a message from
/// one of this crate's deserializers.
fn is_generic_serde_message(detail: &str) -> bool {
    const GENERIC_PREFIXES: [&str; 6] = [
        "invalid type:",
        "invalid value:",
        "invalid length",
        "unknown variant",
        "unknown field",
        "missing field",
    ];
    let detail = detail.trim_start();
    GENERIC_PREFIXES
        .iter()
        .any(|prefix| detail.starts_with(prefix))
}

/// Validates `arguments` against the tool's input schema and returns each
/// finding as `name must ...`.
fn schema_findings(tool: &Tool, arguments: Option<&JsonObject>) -> Vec<String> {
    let schema = Value::Object(tool.input_schema.as_ref().clone());
    let Ok(validator) = jsonschema::validator_for(&schema) else {
        tracing::warn!(
            tool = %tool.name,
            "the tool's input schema does not compile; explaining its argument error in serde's words"
        );
        return Vec::new();
    };
    let instance = Value::Object(arguments.cloned().unwrap_or_default());
    let mut findings = Vec::new();
    for error in validator.iter_errors(&instance) {
        // A missing or unexpected name has no value of its own to show.
        let shown = match error.kind() {
            ValidationErrorKind::Required { .. }
            | ValidationErrorKind::AdditionalProperties { .. } => None,
            _ => Some(shown_value(error.instance())),
        };
        for finding in violation::violations_of(&error) {
            findings.push(match &shown {
                Some(value) => {
                    format!("`{}` is {value}, but it {}", finding.field, finding.message)
                }
                None => format!("`{}` {}", finding.field, finding.message),
            });
        }
    }
    findings
}

/// Longest rejected value, in characters of JSON, quoted in a finding.
const SHOWN_VALUE_CHARS: usize = 60;

/// Formats the rejected value as compact JSON, cut to [`SHOWN_VALUE_CHARS`].
fn shown_value(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() <= SHOWN_VALUE_CHARS {
        return text;
    }
    let cut: String = text.chars().take(SHOWN_VALUE_CHARS).collect();
    format!("{cut}...")
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use serde_json::json;

    use super::*;

    fn tool(schema: Value) -> Tool {
        let Value::Object(schema) = schema else {
            panic!("schema must be an object");
        };
        Tool::new("create_webinar", "Create a webinar.", Arc::new(schema))
    }

    fn arguments(value: Value) -> JsonObject {
        let Value::Object(map) = value else {
            panic!("arguments must be an object");
        };
        map
    }

    fn webinar_schema() -> Value {
        json!({
            "type": "object",
            "properties": {
                "topic": {"type": "string"},
                "timezone": {"type": "string"},
                "duration": {"type": "integer", "minimum": 0}
            },
            "required": ["topic"]
        })
    }

    #[test]
    fn misspelt_name_is_refused_with_the_intended_one() {
        let tool = tool(webinar_schema());
        let given = arguments(json!({"topic": "Demo", "timezon": "UTC"}));
        let text = unknown_arguments(&tool, Some(&given)).expect("a refusal");
        assert!(
            text.starts_with(
                "create_webinar has no argument named `timezon` (did you mean `timezone`?); nothing was sent to Zoom."
            ),
            "{text}"
        );
        assert!(text.contains("Its arguments are: "), "{text}");
    }

    #[test]
    fn known_names_and_open_schemas_pass() {
        let tool_with_known = tool(webinar_schema());
        let given = arguments(json!({"topic": "Demo", "timezone": "UTC"}));
        assert_eq!(unknown_arguments(&tool_with_known, Some(&given)), None);
        assert_eq!(unknown_arguments(&tool_with_known, None), None);

        let mut open = webinar_schema();
        open["additionalProperties"] = json!({"type": "string"});
        let open = tool(open);
        let given = arguments(json!({"topic": "Demo", "custom": "x"}));
        assert_eq!(unknown_arguments(&open, Some(&given)), None);
    }

    #[test]
    fn distant_name_gets_no_suggestion() {
        let tool = tool(webinar_schema());
        let given = arguments(json!({"host_email": "a@example.com"}));
        let text = unknown_arguments(&tool, Some(&given)).expect("a refusal");
        assert!(text.contains("`host_email`;"), "{text}");
        assert!(!text.contains("did you mean"), "{text}");
    }

    #[test]
    fn serde_error_is_replaced_by_the_schema_finding() {
        let tool = tool(webinar_schema());
        let given = arguments(json!({"topic": "Demo", "duration": -5}));
        let serde_error = CallToolResult::error(vec![ContentBlock::text(
            "failed to deserialize parameters: invalid value: integer `-5`, expected u32",
        )]);
        let response = explain_invalid(&tool, Some(&given), serde_error.into());
        let CallToolResponse::Complete(result) = response else {
            panic!("a complete result");
        };
        assert_eq!(result.is_error, Some(true));
        let text = &result.content[0].as_text().expect("text").text;
        assert_eq!(
            text,
            "The arguments of create_webinar are not valid: `duration` is -5, but it must be at least 0. Nothing was sent to Zoom; correct that value and call it again."
        );
    }

    #[test]
    fn own_deserializer_message_is_kept() {
        let tool = tool(webinar_schema());
        let given = arguments(json!({"topic": 5}));
        let own_message = CallToolResult::error(vec![ContentBlock::text(
            "failed to deserialize parameters: webinar id abc is not a webinar id: pass the positive integer shown by list_webinars",
        )]);
        let response = explain_invalid(&tool, Some(&given), own_message.into());
        let CallToolResponse::Complete(result) = response else {
            panic!("a complete result");
        };
        assert_eq!(
            result.content[0].as_text().expect("text").text,
            "The arguments of create_webinar are not valid: webinar id abc is not a webinar id: pass the positive integer shown by list_webinars. Nothing was sent to Zoom; correct the value and call it again."
        );
    }

    #[test]
    fn other_errors_are_left_alone() {
        let tool = tool(webinar_schema());
        let zoom_error = CallToolResult::error(vec![ContentBlock::text("Webinar 1 not found.")]);
        let response = explain_invalid(&tool, None, zoom_error.into());
        let CallToolResponse::Complete(result) = response else {
            panic!("a complete result");
        };
        assert_eq!(
            result.content[0].as_text().expect("text").text,
            "Webinar 1 not found."
        );
    }
}
