//! Argument names and types checked before a tool runs, through the real
//! binary against the sandbox: a misspelt name is refused instead of being
//! dropped, and a mistyped value is named with the rule it broke.

mod common;

use common::{Client, call_err, call_ok, local_in_days, start_sandbox};
use serde_json::json;

async fn topics(client: &Client) -> Vec<String> {
    let listed = call_ok(client, "list_webinars", json!({})).await;
    listed["webinars"]
        .as_array()
        .expect("webinars")
        .iter()
        .filter_map(|webinar| webinar["topic"].as_str().map(str::to_string))
        .collect()
}

#[tokio::test]
async fn misspelt_argument_creates_nothing() {
    let server = start_sandbox().await;
    let text = call_err(
        &server.client,
        "create_webinar",
        json!({
            "topic": "Misspelt zone",
            "start_time": local_in_days(10, 15),
            "timezon": "Europe/London"
        }),
    )
    .await;
    assert!(
        text.starts_with(
            "create_webinar has no argument named `timezon` (did you mean `timezone`?); nothing was sent to Zoom."
        ),
        "{text}"
    );
    assert!(text.contains("Its arguments are: "), "{text}");
    assert!(text.contains("timezone"), "{text}");
    assert!(
        !topics(&server.client)
            .await
            .contains(&"Misspelt zone".to_string()),
        "the refused call must not create a webinar"
    );
}

#[tokio::test]
async fn several_unknown_arguments_are_all_named() {
    let server = start_sandbox().await;
    let text = call_err(
        &server.client,
        "list_webinars",
        json!({"page_sise": 10, "colour": "blue"}),
    )
    .await;
    assert!(
        text.starts_with("list_webinars has no arguments named "),
        "{text}"
    );
    assert!(text.contains("`colour`"), "{text}");
    assert!(
        text.contains("`page_sise` (did you mean `page_size`?)"),
        "{text}"
    );
}

#[tokio::test]
async fn mistyped_value_names_the_argument() {
    let server = start_sandbox().await;
    let text = call_err(
        &server.client,
        "create_webinar",
        json!({
            "topic": "Negative duration",
            "start_time": local_in_days(10, 15),
            "duration": -5
        }),
    )
    .await;
    assert_eq!(
        text,
        "The arguments of create_webinar are not valid: `duration` is -5, but it must be at least 0. Nothing was sent to Zoom; correct that value and call it again."
    );

    let text = call_err(&server.client, "list_webinars", json!({"page_size": "ten"})).await;
    assert!(
        text.starts_with(
            "The arguments of list_webinars are not valid: `page_size` is \"ten\", but it must be of type integer"
        ),
        "{text}"
    );
    assert!(!text.contains("failed to deserialize"), "{text}");
}

#[tokio::test]
async fn own_value_message_is_kept() {
    let server = start_sandbox().await;
    let text = call_err(
        &server.client,
        "get_webinar",
        json!({"webinar_id": "eighty-one"}),
    )
    .await;
    assert!(
        text.starts_with("The arguments of get_webinar are not valid: webinar id \"eighty-one\" is not a webinar id: pass the positive integer"),
        "{text}"
    );
    assert!(
        text.ends_with("Nothing was sent to Zoom; correct the value and call it again."),
        "{text}"
    );
}

#[tokio::test]
async fn misspelt_nested_names_create_nothing() {
    let server = start_sandbox().await;
    let text = call_err(
        &server.client,
        "create_webinar",
        json!({
            "topic": "Misspelt setting",
            "start_time": local_in_days(10, 15),
            "settings": {"registraton": "manual"}
        }),
    )
    .await;
    assert!(
        text.starts_with(
            "create_webinar has no argument named `settings.registraton` (did you mean `settings.registration`?); nothing was sent to Zoom."
        ),
        "{text}"
    );
    assert!(text.contains("`settings` takes: "), "{text}");
    assert!(
        !topics(&server.client)
            .await
            .contains(&"Misspelt setting".to_string()),
        "the rejected call must not create a webinar"
    );

    let text = call_err(
        &server.client,
        "add_panelists",
        json!({
            "webinar_id": zoom_webinar_mcp::sandbox::seed::SINGLE_WEBINAR_ID,
            "panelists": [{"name": "Ada", "mail": "ada@example.com"}]
        }),
    )
    .await;
    assert!(
        text.contains("`panelists[0].mail` (did you mean `panelists[0].email`?)"),
        "{text}"
    );
}

#[tokio::test]
async fn union_of_constants_lists_them() {
    let server = start_sandbox().await;
    let text = call_err(
        &server.client,
        "list_webinar_registrants",
        json!({
            "webinar_id": zoom_webinar_mcp::sandbox::seed::SINGLE_WEBINAR_ID,
            "status": "cancelled"
        }),
    )
    .await;
    assert!(
        text.contains(
            "`status` is \"cancelled\", but it must be one of \"pending\", \"approved\", \"denied\", \"all\""
        ),
        "{text}"
    );
}
