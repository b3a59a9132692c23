//! Contract violations: a dotted field path and a message, built from the
//! JSON Schema validator's errors.

use std::fmt;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::paths::LocationSegment;
use jsonschema::{ValidationError, Validator};
use serde_json::Value;

use crate::sandbox::reply::FieldError;

/// The field name used for a violation of the whole body rather than one
/// field of it.
pub(crate) const BODY_FIELD: &str = "body";

/// One contract rule that a request or response broke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Violation {
    /// Dotted path, with array items by zero-based index in brackets, such
    /// as `registrants[0].email`.
    pub field: String,
    pub message: String,
}

impl Violation {
    pub(crate) fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }

    /// Returns the entry Zoom puts in the `errors` array of a code 300 error.
    pub(crate) fn to_field_error(&self) -> FieldError {
        FieldError {
            field: self.field.clone(),
            message: self.message.clone(),
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}: {}", self.field, self.message)
    }
}

/// Validates `instance` and returns every violation, in the validator's order.
pub(crate) fn validate(validator: &Validator, instance: &Value) -> Vec<Violation> {
    validator
        .iter_errors(instance)
        .flat_map(|error| violations_of(&error))
        .collect()
}

/// Converts one validator error into violations: one per unexpected
/// property, else one.
pub(crate) fn violations_of(error: &ValidationError<'_>) -> Vec<Violation> {
    let path = dotted_path(error);
    match error.kind() {
        ValidationErrorKind::Required { property } => {
            let name = property
                .as_str()
                .map_or_else(|| property.to_string(), str::to_owned);
            vec![Violation::new(join(&path, &name), "is required")]
        }
        ValidationErrorKind::Not { schema } if combined_fields(schema).is_some() => {
            let mut names = combined_fields(schema).unwrap_or_default();
            let last = names.pop().unwrap_or_default();
            vec![Violation::new(
                join(&path, &last),
                format!("must not be combined with {}", names.join(" or ")),
            )]
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => unexpected
            .iter()
            .map(|name| {
                Violation::new(
                    join(&path, name),
                    "is not a field that Zoom documents for this object",
                )
            })
            .collect(),
        kind => {
            let field = if path.is_empty() {
                BODY_FIELD.to_owned()
            } else {
                path
            };
            vec![Violation::new(field, message_for(kind, error))]
        }
    }
}

/// Returns the instance location as a dotted path with bracketed array
/// indexes, such as `questions[0].answers`; empty for the root.
fn dotted_path(error: &ValidationError<'_>) -> String {
    let mut path = String::new();
    for segment in error.instance_path().iter() {
        match segment {
            LocationSegment::Property(name) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&name);
            }
            LocationSegment::Index(index) => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

/// Words the failed rule without repeating the rejected value, which may be
/// long or private.
fn message_for(kind: &ValidationErrorKind, error: &ValidationError<'_>) -> String {
    match kind {
        ValidationErrorKind::Type {
            kind: TypeKind::Single(expected),
        } => format!("must be of type {expected}"),
        ValidationErrorKind::Type {
            kind: TypeKind::Multiple(expected),
        } => {
            let names: Vec<String> = expected.iter().map(|kind| kind.to_string()).collect();
            format!("must be of type {}", names.join(" or "))
        }
        ValidationErrorKind::Enum { options } => format!("must be one of {}", list(options)),
        ValidationErrorKind::Constant { expected_value } => format!("must be {expected_value}"),
        ValidationErrorKind::Maximum { limit } => format!("must be at most {limit}"),
        ValidationErrorKind::Minimum { limit } => format!("must be at least {limit}"),
        ValidationErrorKind::ExclusiveMaximum { limit } => format!("must be less than {limit}"),
        ValidationErrorKind::ExclusiveMinimum { limit } => {
            format!("must be greater than {limit}")
        }
        ValidationErrorKind::MaxLength { limit } => {
            format!("must be at most {limit} characters long")
        }
        ValidationErrorKind::MinLength { limit } => {
            format!("must be at least {limit} characters long")
        }
        ValidationErrorKind::MaxItems { limit } => format!("must have at most {limit} items"),
        ValidationErrorKind::MinItems { limit } => format!("must have at least {limit} items"),
        ValidationErrorKind::Pattern { pattern } => format!("must match the pattern {pattern}"),
        ValidationErrorKind::Format { format } => format!("must be a valid {format}"),
        _ => error.masked_with("the value").to_string(),
    }
}

/// Lists enum options as `5, 6, 9` or `"scheduled", "upcoming"`.
fn list(options: &Value) -> String {
    match options.as_array() {
        Some(items) => items
            .iter()
            .map(Value::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        None => options.to_string(),
    }
}

/// Reads the field names of a `not: {required: [...]}` rule with two or
/// more names, the contract's way of saying that fields cannot be combined.
/// The violation names the last field, as the sandbox's handlers name the
/// second of two conflicting fields.
fn combined_fields(schema: &Value) -> Option<Vec<String>> {
    let names = schema.get("required")?.as_array()?;
    let names: Option<Vec<String>> = names
        .iter()
        .map(|name| name.as_str().map(str::to_owned))
        .collect();
    names.filter(|names| names.len() >= 2)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn check(schema: Value, instance: Value) -> Vec<String> {
        let validator = jsonschema::draft7::new(&schema).expect("test schema compiles");
        validate(&validator, &instance)
            .iter()
            .map(Violation::to_string)
            .collect()
    }

    #[test]
    fn nested_field_is_dotted() {
        let schema = json!({"properties": {"settings": {"properties": {
            "approval_type": {"type": "integer", "enum": [0, 1, 2]}}}}});
        let found = check(schema, json!({"settings": {"approval_type": 7}}));
        assert_eq!(found, ["settings.approval_type: must be one of 0, 1, 2"]);
    }

    #[test]
    fn array_item_uses_index() {
        let schema = json!({"properties": {"registrants": {"items": {
            "properties": {"email": {"type": "string"}}}}}});
        let found = check(
            schema,
            json!({"registrants": [{"email": "a"}, {"email": 5}]}),
        );
        assert_eq!(found, ["registrants[1].email: must be of type string"]);
    }

    #[test]
    fn missing_field_names_the_field() {
        let schema = json!({"properties": {"recurrence": {"required": ["type"]}}});
        let found = check(schema, json!({"recurrence": {}}));
        assert_eq!(found, ["recurrence.type: is required"]);
    }

    #[test]
    fn unexpected_properties_are_listed_one_by_one() {
        let schema = json!({"properties": {"id": {}}, "additionalProperties": false});
        let found = check(schema, json!({"id": 1, "extra": 2, "other": 3}));
        assert_eq!(found.len(), 2);
        assert!(
            found.contains(&"extra: is not a field that Zoom documents for this object".to_owned())
        );
    }

    #[test]
    fn combined_fields_name_the_second() {
        let schema = json!({"properties": {"recurrence": {
            "not": {"required": ["end_times", "end_date_time"]}}}});
        let instance = json!({"recurrence": {"end_times": 2, "end_date_time": "x"}});
        let found = check(schema, instance);
        assert_eq!(
            found,
            ["recurrence.end_date_time: must not be combined with end_times"]
        );
    }

    #[test]
    fn root_type_error_names_body() {
        let found = check(json!({"type": "object"}), json!([1]));
        assert_eq!(found, ["body: must be of type object"]);
    }
}
