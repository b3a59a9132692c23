//! Trims the tool definitions that `tools/list` sends, because every byte
//! of it is read into the model's context on each conversation.
//!
//! The schemas come from `schemars`, which writes what a validator needs
//! but not what a model reads: a `$schema` URI, `"default": null` on every
//! optional field, Rust integer widths as `format`, and `oneOf` lists of
//! `const` strings where a plain `enum` is equivalent. Output schemas are
//! larger than the inputs and matter only to clients that validate
//! results, so they are sent only on request.

use std::sync::Arc;

use rmcp::model::{JsonObject, Tool};
use serde_json::Value;

/// Options for the parts of each tool definition that `tools/list` sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListingOptions {
    /// Whether to send each tool's `outputSchema` (structured results are returned
    /// either way).
    pub output_schemas: bool,
}

/// Trims one tool definition in place.
pub fn compact_tool(tool: &mut Tool, options: ListingOptions) {
    tool.input_schema = Arc::new(compact_object(&tool.input_schema));
    tool.output_schema = if options.output_schemas {
        tool.output_schema
            .as_ref()
            .map(|schema| Arc::new(compact_object(schema)))
    } else {
        None
    };
    // The top-level `title` is what hosts show; the copy in the
    // annotations is the older place for the same text.
    if let Some(annotations) = tool.annotations.as_mut()
        && annotations.title.is_some()
        && annotations.title.as_deref() == tool.title.as_deref()
    {
        annotations.title = None;
    }
}

fn compact_object(schema: &JsonObject) -> JsonObject {
    let mut value = Value::Object(schema.clone());
    if let Value::Object(root) = &mut value {
        root.remove("$schema");
        inline_definitions(root);
    }
    compact_value(&mut value);
    match value {
        Value::Object(object) => object,
        _ => unreachable!("a schema object stays an object"),
    }
}

/// Replaces each `$ref` to a local definition with the definition itself
/// and drops `$defs`, because a reader sees a field's type where the field
/// is. A definition that refers to itself, directly or through others,
/// keeps every `$defs` entry as it was.
fn inline_definitions(root: &mut JsonObject) {
    let Some(Value::Object(definitions)) = root.remove("$defs") else {
        return;
    };
    let mut resolved = root.clone();
    let mut inlined = true;
    for (_, value) in resolved.iter_mut() {
        inlined &= inline_refs(value, &definitions, 0);
    }
    if inlined {
        *root = resolved;
    } else {
        root.insert("$defs".to_string(), Value::Object(definitions));
    }
}

/// How deeply definitions may nest before inlining gives up, which only a
/// definition that refers to itself reaches.
const MAX_INLINE_DEPTH: usize = 16;

/// Inlines the `$ref`s under `value`; returns false when a chain of
/// references is too deep to be anything but recursive.
fn inline_refs(value: &mut Value, definitions: &JsonObject, depth: usize) -> bool {
    if depth > MAX_INLINE_DEPTH {
        return false;
    }
    match value {
        Value::Object(object) => {
            let target = object
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|reference| reference.strip_prefix("#/$defs/"))
                .and_then(|name| definitions.get(name))
                .and_then(Value::as_object)
                .cloned();
            if let Some(mut definition) = target {
                object.remove("$ref");
                // The field's own description says more than the type's.
                if object.contains_key("description") {
                    definition.remove("description");
                }
                for (key, item) in definition {
                    object.entry(key).or_insert(item);
                }
                return inline_refs(value, definitions, depth + 1);
            }
            object
                .values_mut()
                .all(|child| inline_refs(child, definitions, depth))
        }
        Value::Array(items) => items
            .iter_mut()
            .all(|item| inline_refs(item, definitions, depth)),
        _ => true,
    }
}

/// Integer and float widths that schemars writes as `format`; JSON has one
/// number type, and the range a tool accepts is in its description.
const NUMBER_FORMATS: &[&str] = &[
    "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "uint", "int",
    "float", "double",
];

fn compact_value(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if object.get("default") == Some(&Value::Null) {
                object.remove("default");
            }
            if object
                .get("format")
                .and_then(Value::as_str)
                .is_some_and(|format| NUMBER_FORMATS.contains(&format))
            {
                object.remove("format");
            }
            if let Some(names) = const_strings(object.get("oneOf")) {
                object.remove("oneOf");
                object.insert("type".to_string(), Value::from("string"));
                object.insert("enum".to_string(), Value::from(names));
            }
            for child in object.values_mut() {
                compact_value(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(compact_value),
        _ => {}
    }
}

/// Returns the strings of a `oneOf` whose every branch is one string
/// `const` (schemars' form for a documented unit enum), or `None`.
fn const_strings(one_of: Option<&Value>) -> Option<Vec<String>> {
    let branches = one_of?.as_array()?;
    branches
        .iter()
        .map(|branch| {
            let branch = branch.as_object()?;
            let allowed = |key: &str| matches!(key, "const" | "type" | "description");
            if !branch.keys().all(|key| allowed(key)) {
                return None;
            }
            if branch.get("type").is_some_and(|kind| kind != "string") {
                return None;
            }
            branch.get("const")?.as_str().map(str::to_string)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(value: Value) -> JsonObject {
        value.as_object().cloned().expect("an object")
    }

    #[test]
    fn removes_what_a_model_does_not_need() {
        let schema = object(json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": {
                "duration": {"default": null, "format": "uint32", "minimum": 0, "type": "integer"},
                "user_id": {"default": "me", "type": "string"},
                "start": {"format": "date-time", "type": "string"}
            }
        }));
        let compact = compact_object(&schema);
        assert_eq!(
            Value::Object(compact),
            json!({
                "type": "object",
                "properties": {
                    "duration": {"minimum": 0, "type": "integer"},
                    "user_id": {"default": "me", "type": "string"},
                    "start": {"format": "date-time", "type": "string"}
                }
            })
        );
    }

    #[test]
    fn turns_documented_string_constants_into_an_enum() {
        let schema = object(json!({
            "properties": {"registration": {
                "description": "Registration mode.",
                "oneOf": [
                    {"const": "none", "description": "No registration.", "type": "string"},
                    {"const": "manual", "description": "Host approves.", "type": "string"}
                ]
            }}
        }));
        let compact = compact_object(&schema);
        assert_eq!(
            compact["properties"]["registration"],
            json!({"description": "Registration mode.", "type": "string", "enum": ["none", "manual"]})
        );
    }

    #[test]
    fn inlines_definitions_where_they_are_used() {
        let schema = object(json!({
            "$defs": {
                "Audio": {"description": "Audio type.", "enum": ["voip"], "type": "string"},
                "Settings": {"properties": {"audio": {"$ref": "#/$defs/Audio"}}, "type": "object"}
            },
            "properties": {"settings": {"$ref": "#/$defs/Settings", "description": "Settings."}},
            "type": "object"
        }));
        assert_eq!(
            Value::Object(compact_object(&schema)),
            json!({
                "properties": {"settings": {
                    "description": "Settings.",
                    "properties": {"audio": {"description": "Audio type.", "enum": ["voip"], "type": "string"}},
                    "type": "object"
                }},
                "type": "object"
            })
        );
    }

    #[test]
    fn keeps_definitions_that_refer_to_themselves() {
        let schema = object(json!({
            "$defs": {"Node": {"properties": {"next": {"$ref": "#/$defs/Node"}}, "type": "object"}},
            "properties": {"head": {"$ref": "#/$defs/Node"}},
            "type": "object"
        }));
        assert_eq!(
            Value::Object(compact_object(&schema)),
            Value::Object(schema)
        );
    }

    #[test]
    fn keeps_a_one_of_that_is_not_only_string_constants() {
        let one_of = json!([
            {"const": "none", "type": "string"},
            {"type": "object", "properties": {"x": {"type": "integer"}}}
        ]);
        let schema = object(json!({"oneOf": one_of.clone()}));
        assert_eq!(compact_object(&schema)["oneOf"], one_of);
    }
}
