use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::*;

fn every_tool(_: &str) -> bool {
    true
}

fn context(exposes: &dyn Fn(&str) -> bool) -> PromptContext<'_> {
    PromptContext {
        default_time_zone: chrono_tz::Asia::Kolkata,
        exposes,
    }
}

fn arguments(value: Value) -> JsonObject {
    value.as_object().expect("an object").clone()
}

/// Arguments that fill every argument of each prompt with a valid value.
fn full_arguments(name: &str) -> JsonObject {
    match name {
        "plan_webinar_series" => arguments(json!({
            "topic": "Product onboarding",
            "cadence": "weekly on Tuesday",
            "start": "2027-01-12T15:00",
            "sessions": "6",
            "timezone": "Europe/Berlin",
            "duration": 45,
            "audience": "new customers",
        })),
        "webinar_follow_up" => arguments(json!({
            "webinar_id": "81100000002",
            "uuid": "pAsT1nStAnCe0001AbCdEf==",
        })),
        "registration_review" => arguments(json!({
            "webinar_id": 81100000003u64,
            "policy": "approve work emails",
            "occurrence_id": "1700000000000",
        })),
        other => panic!("no arguments for prompt {other}"),
    }
}

fn text_of(result: &GetPromptResult) -> String {
    result
        .messages
        .iter()
        .map(|message| match &message.content {
            rmcp::model::ContentBlock::Text(text) => text.text.clone(),
            other => panic!("prompt message is not text: {other:?}"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Collects the names a tool call can contain: property names and string
/// enum values anywhere in the input schemas.
fn collect_schema_words(value: &Value, words: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                if key == "properties"
                    && let Value::Object(properties) = child
                {
                    words.extend(properties.keys().cloned());
                }
                if key == "enum" || key == "const" {
                    let values = match child {
                        Value::Array(values) => values.clone(),
                        single => vec![single.clone()],
                    };
                    words.extend(values.iter().filter_map(Value::as_str).map(str::to_string));
                }
                collect_schema_words(child, words);
            }
        }
        Value::Array(items) => {
            for item in items {
                collect_schema_words(item, words);
            }
        }
        _ => {}
    }
}

/// Splits text into identifier-like words that contain an underscore,
/// which is how tool and parameter names look.
fn snake_case_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|word| word.contains('_') && word.chars().any(|c| c.is_ascii_lowercase()))
        .map(|word| word.trim_matches('_').to_string())
        .filter(|word| !word.is_empty())
        .collect()
}

#[test]
fn prompt_texts_name_only_real_tools() {
    let tools = crate::tools::router().list_all();
    let tool_names: BTreeSet<String> = tools.iter().map(|tool| tool.name.to_string()).collect();
    let mut schema_words = BTreeSet::new();
    for tool in &tools {
        collect_schema_words(
            &Value::Object((*tool.input_schema).clone()),
            &mut schema_words,
        );
        if let Some(output) = &tool.output_schema {
            collect_schema_words(&Value::Object((**output).clone()), &mut schema_words);
        }
    }

    for prompt in PROMPTS {
        for tool in prompt.tools {
            assert!(
                tool_names.contains(*tool),
                "{} lists {tool}, which is not a tool",
                prompt.name
            );
        }
        let arguments = full_arguments(prompt.name);
        let result = get(prompt.name, Some(&arguments), &context(&every_tool)).unwrap();
        let text = text_of(&result);
        let words = snake_case_words(&text);
        let mentioned: BTreeSet<&str> = words
            .iter()
            .map(String::as_str)
            .filter(|word| tool_names.contains(*word))
            .collect();
        let declared: BTreeSet<&str> = prompt.tools.iter().copied().collect();
        assert_eq!(
            mentioned, declared,
            "{}: the tools its text names differ from its tools list",
            prompt.name
        );
        for word in &words {
            assert!(
                tool_names.contains(word) || schema_words.contains(word),
                "{} mentions {word:?}, which is neither a tool nor a tool parameter or value",
                prompt.name
            );
        }
    }
}

#[test]
fn list_declares_required_arguments() {
    let prompts = list();
    let names: Vec<&str> = prompts.iter().map(|prompt| prompt.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "plan_webinar_series",
            "webinar_follow_up",
            "registration_review"
        ]
    );
    let plan = &prompts[0];
    let required: Vec<&str> = plan
        .arguments
        .as_ref()
        .unwrap()
        .iter()
        .filter(|argument| argument.required == Some(true))
        .map(|argument| argument.name.as_str())
        .collect();
    assert_eq!(required, ["topic", "cadence", "start"]);
    assert!(plan.title.is_some());
}

#[test]
fn missing_required_argument_is_named() {
    let partial = arguments(json!({ "topic": "Onboarding", "start": "2027-01-12T15:00" }));
    let error = get("plan_webinar_series", Some(&partial), &context(&every_tool)).unwrap_err();
    assert!(matches!(
        error,
        PromptError::MissingArgument {
            argument: "cadence",
            ..
        }
    ));
    let message = error.to_string();
    assert!(message.contains("cadence"), "{message}");
    assert!(message.contains("weekly on Tuesday"), "{message}");

    let error = get("webinar_follow_up", None, &context(&every_tool)).unwrap_err();
    assert!(error.to_string().contains("webinar_id"), "{error}");

    let blank = arguments(json!({ "webinar_id": "  " }));
    let error = get("webinar_follow_up", Some(&blank), &context(&every_tool)).unwrap_err();
    assert!(
        matches!(error, PromptError::MissingArgument { .. }),
        "{error}"
    );
}

#[test]
fn invalid_arguments_are_rejected() {
    let cases = [
        ("plan_webinar_series", "timezone", json!("Mars/Olympus")),
        ("plan_webinar_series", "sessions", json!("61")),
        ("plan_webinar_series", "sessions", json!("six")),
        ("plan_webinar_series", "duration", json!(0)),
        ("plan_webinar_series", "topic", json!("x".repeat(201))),
        (
            "webinar_follow_up",
            "webinar_id",
            json!("pAsT1nStAnCe0001AbCdEf=="),
        ),
        ("webinar_follow_up", "uuid", json!("not a uuid")),
        ("registration_review", "occurrence_id", json!("abc")),
        ("registration_review", "policy", json!(["a list"])),
    ];
    for (prompt, argument, value) in cases {
        let mut values = full_arguments(prompt);
        values.insert(argument.to_string(), value.clone());
        let error = get(prompt, Some(&values), &context(&every_tool))
            .expect_err(&format!("{prompt} accepted {argument} = {value}"));
        let message = error.to_string();
        assert!(message.contains(argument), "{prompt} {argument}: {message}");
    }
}

#[test]
fn unknown_prompt_and_argument() {
    let error = get("plan_webinars", None, &context(&every_tool)).unwrap_err();
    assert!(error.to_string().contains("plan_webinar_series"), "{error}");
    let mut values = full_arguments("webinar_follow_up");
    values.insert("webinarId".to_string(), json!("1"));
    let error = get("webinar_follow_up", Some(&values), &context(&every_tool)).unwrap_err();
    assert!(
        matches!(error, PromptError::UnknownArgument { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("webinar_id, uuid"), "{error}");
}

#[test]
fn arguments_appear_in_the_text() {
    let values = full_arguments("plan_webinar_series");
    let text = text_of(&get("plan_webinar_series", Some(&values), &context(&every_tool)).unwrap());
    assert!(text.contains("Product onboarding"), "{text}");
    assert!(text.contains("weekly on Tuesday"), "{text}");
    assert!(text.contains("Europe/Berlin"), "{text}");
    assert!(text.contains("- Sessions: 6"), "{text}");
    assert!(text.contains("45 minutes"), "{text}");

    let minimal = arguments(json!({
        "topic": "Onboarding",
        "cadence": "daily",
        "start": "tomorrow 9am",
    }));
    let text = text_of(&get("plan_webinar_series", Some(&minimal), &context(&every_tool)).unwrap());
    assert!(
        text.contains("Asia/Kolkata"),
        "default zone missing: {text}"
    );
    assert!(text.contains("ask me how many"), "{text}");

    let follow_up = arguments(json!({ "webinar_id": "81100000002" }));
    let text = text_of(&get("webinar_follow_up", Some(&follow_up), &context(&every_tool)).unwrap());
    assert!(text.contains("81100000002"), "{text}");
    assert!(text.contains("latest ended instance"), "{text}");
}

#[test]
fn hidden_tools_are_named() {
    let read_only = |tool: &str| !tool.starts_with("update_") && !tool.starts_with("create_");
    let values = full_arguments("registration_review");
    let text = text_of(&get("registration_review", Some(&values), &context(&read_only)).unwrap());
    assert!(
        text.contains("update_webinar_registrant_status (toolset registrants)"),
        "{text}"
    );
    let text = text_of(&get("registration_review", Some(&values), &context(&every_tool)).unwrap());
    assert!(!text.contains("does not expose"), "{text}");
}
