//! Checks of a tool call's arguments against the tool's input schema.
//!
//! serde drops argument names a parameter struct does not know, so a
//! misspelt `timezon` or `settings.registraton` would silently fall back to
//! the default and the webinar would still be created. [`unknown_arguments`]
//! rejects such a call before the tool runs.
//!
//! When an argument has the wrong type, rmcp reports serde's wording
//! (`invalid value: integer -5, expected u32`) without the argument's name.
//! [`explain_invalid`] replaces it with the input schema's finding, which
//! names the argument, its value and the rule it broke.

use jsonschema::error::ValidationErrorKind;
use rmcp::model::{CallToolResponse, CallToolResult, ContentBlock, JsonObject, Tool};
use serde_json::Value;

use crate::sandbox::contract::violation;

/// The prefix rmcp gives a result whose arguments did not deserialize.
const DESERIALIZATION_PREFIX: &str = "failed to deserialize parameters:";

/// Largest edit distance at which a known name is offered as the intended one.
const SUGGESTION_DISTANCE: usize = 2;

/// Returns the rejection text when `arguments` has names that `tool`'s
/// input schema does not declare, at the top level or inside an object or
/// array argument such as `settings` or `panelists[0]`. Returns `None` when
/// every name is known or the schema accepts any name.
pub(crate) fn unknown_arguments(tool: &Tool, arguments: Option<&JsonObject>) -> Option<String> {
    let arguments = arguments?;
    let mut unknown = Vec::new();
    collect_in_schema(tool.input_schema.as_ref(), arguments, "", &mut unknown);
    if unknown.is_empty() {
        return None;
    }

    let listed: Vec<String> = unknown
        .iter()
        .map(|entry| {
            let known: Vec<&str> = entry.known.iter().map(String::as_str).collect();
            match closest(&entry.name, &known) {
                Some(intended) => format!(
                    "`{}` (did you mean `{}`?)",
                    join_path(&entry.parent, &entry.name),
                    join_path(&entry.parent, intended)
                ),
                None => format!("`{}`", join_path(&entry.parent, &entry.name)),
            }
        })
        .collect();
    let noun = if listed.len() == 1 {
        "argument named"
    } else {
        "arguments named"
    };
    let mut accepted: Vec<String> = Vec::new();
    for entry in &unknown {
        let sentence = match (entry.parent.is_empty(), entry.known.is_empty()) {
            (true, true) => "It takes no arguments.".to_string(),
            (true, false) => format!("Its arguments are: {}.", entry.known.join(", ")),
            (false, true) => format!("`{}` takes no names.", entry.parent),
            (false, false) => format!("`{}` takes: {}.", entry.parent, entry.known.join(", ")),
        };
        if !accepted.contains(&sentence) {
            accepted.push(sentence);
        }
    }
    Some(format!(
        "{} has no {noun} {}; nothing was sent to Zoom. {} Call it again with the names corrected.",
        tool.name,
        listed.join(", "),
        accepted.join(" ")
    ))
}

/// One name in the arguments that the input schema does not declare.
struct UnknownName {
    /// Path of the object that contains it, such as `settings` or
    /// `panelists[0]`; empty at the top level.
    parent: String,
    name: String,
    /// The names that object takes.
    known: Vec<String>,
}

/// Finds the object schema in `schema` (itself, or a branch of a union with
/// null) and collects the names in `object` that it does not declare.
fn collect_in_object(
    schema: &Value,
    object: &JsonObject,
    parent: &str,
    found: &mut Vec<UnknownName>,
) {
    if let Some(Value::Object(schema)) = branch_with(schema, "properties") {
        collect_in_schema(schema, object, parent, found);
    }
}

/// Collects the names in `object` that the object schema `schema` does not
/// declare, and descends into the values of the names it does.
fn collect_in_schema(
    schema: &JsonObject,
    object: &JsonObject,
    parent: &str,
    found: &mut Vec<UnknownName>,
) {
    // An `additionalProperties` other than `false` (from a flattened map) accepts any name.
    // An absent one counts as closed, because schemars leaves it out for plain structs.
    if schema
        .get("additionalProperties")
        .is_some_and(|allowed| allowed != &Value::Bool(false))
    {
        return;
    }
    let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
        return;
    };
    for (name, value) in object {
        match properties.get(name) {
            Some(property) => collect_in_value(property, value, &join_path(parent, name), found),
            None => found.push(UnknownName {
                parent: parent.to_string(),
                name: name.clone(),
                known: properties.keys().cloned().collect(),
            }),
        }
    }
}

/// Descends into an object or the items of an array; other values hold no names.
fn collect_in_value(schema: &Value, value: &Value, path: &str, found: &mut Vec<UnknownName>) {
    match value {
        Value::Object(object) => collect_in_object(schema, object, path, found),
        Value::Array(items) => {
            let Some(item_schema) =
                branch_with(schema, "items").and_then(|array| array.get("items"))
            else {
                return;
            };
            for (index, item) in items.iter().enumerate() {
                collect_in_value(item_schema, item, &format!("{path}[{index}]"), found);
            }
        }
        _ => {}
    }
}

/// Returns `schema` when it has `keyword`, or else its only `anyOf` or
/// `oneOf` branch that has it, as in an optional field's union with null.
fn branch_with<'a>(schema: &'a Value, keyword: &str) -> Option<&'a Value> {
    if schema.get(keyword).is_some() {
        return Some(schema);
    }
    let branches: Vec<&Value> = ["anyOf", "oneOf"]
        .iter()
        .filter_map(|combinator| schema.get(*combinator)?.as_array())
        .flatten()
        .filter(|branch| branch.get(keyword).is_some())
        .collect();
    match branches.as_slice() {
        [only] => Some(only),
        _ => None,
    }
}

/// Joins an object path and a name as `settings.audio`, or just the name at the top level.
fn join_path(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_string()
    } else {
        format!("{parent}.{name}")
    }
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
        // A value that matches no branch of a union of constants gets the
        // constants listed, because the validator's own wording names neither.
        let choices = match error.kind() {
            ValidationErrorKind::OneOfNotValid { .. } | ValidationErrorKind::AnyOf { .. } => {
                constants_at(&schema, error.schema_path().as_str())
            }
            _ => None,
        };
        for finding in violation::violations_of(&error) {
            let rule = match &choices {
                Some(choices) => format!("must be one of {choices}"),
                None => finding.message,
            };
            findings.push(match &shown {
                Some(value) if rule.starts_with("must") => {
                    format!("`{}` is {value}, but it {rule}", finding.field)
                }
                Some(value) => format!("`{}` is {value}: {rule}", finding.field),
                None => format!("`{}` {rule}", finding.field),
            });
        }
    }
    findings
}

/// Lists the constants of the union at `pointer` in `schema` (its branches'
/// `enum` values and `const`s) as `"pending", "approved", "all"`, or `None`
/// when a branch is not a constant.
fn constants_at(schema: &Value, pointer: &str) -> Option<String> {
    let branches = schema.pointer(pointer)?.as_array()?;
    let mut constants = Vec::new();
    for branch in branches {
        if let Some(values) = branch.get("enum").and_then(Value::as_array) {
            constants.extend(values.iter().map(Value::to_string));
        } else if let Some(value) = branch.get("const") {
            constants.push(value.to_string());
        } else {
            return None;
        }
    }
    (!constants.is_empty()).then(|| constants.join(", "))
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
    fn misspelt_name_is_rejected_with_suggestion() {
        let tool = tool(webinar_schema());
        let given = arguments(json!({"topic": "Demo", "timezon": "UTC"}));
        let text = unknown_arguments(&tool, Some(&given)).expect("a rejection");
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
    fn nested_names_are_checked() {
        let tool = tool(json!({
            "type": "object",
            "properties": {
                "settings": {
                    "anyOf": [
                        {"type": "object", "properties": {"registration": {"type": "string"}, "audio": {"type": "string"}}},
                        {"type": "null"}
                    ]
                },
                "panelists": {
                    "type": "array",
                    "items": {"type": "object", "properties": {"name": {"type": "string"}, "email": {"type": "string"}}}
                }
            }
        }));
        let given = arguments(json!({
            "settings": {"registraton": "manual", "audio": "voip"},
            "panelists": [{"name": "A", "email": "a@example.com"}, {"name": "B", "mail": "b@example.com"}]
        }));
        let text = unknown_arguments(&tool, Some(&given)).expect("a rejection");
        assert!(
            text.contains("`settings.registraton` (did you mean `settings.registration`?)"),
            "{text}"
        );
        assert!(
            text.contains("`panelists[1].mail` (did you mean `panelists[1].email`?)"),
            "{text}"
        );
        assert!(text.contains("`settings` takes: "), "{text}");
        assert!(text.contains("`panelists[1]` takes: "), "{text}");

        let valid = arguments(json!({
            "settings": {"registration": "manual"},
            "panelists": [{"name": "A", "email": "a@example.com"}]
        }));
        assert_eq!(unknown_arguments(&tool, Some(&valid)), None);
        let null_settings = arguments(json!({"settings": null}));
        assert_eq!(unknown_arguments(&tool, Some(&null_settings)), None);
    }

    #[test]
    fn distant_name_gets_no_suggestion() {
        let tool = tool(webinar_schema());
        let given = arguments(json!({"host_email": "a@example.com"}));
        let text = unknown_arguments(&tool, Some(&given)).expect("a rejection");
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
