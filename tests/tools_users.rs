//! User tools through the real binary against the sandbox.

mod common;

use common::{call_err, call_ok, read_json, start_sandbox};
use serde_json::json;
use zoom_webinar_mcp::sandbox::seed;

#[tokio::test]
async fn get_users_lists_the_account() {
    let server = start_sandbox().await;
    let result = call_ok(&server.client, "get_users", json!({})).await;
    let users = result["users"].as_array().unwrap();
    assert_eq!(users.len(), 3);
    let emails: Vec<&str> = users
        .iter()
        .map(|user| user["email"].as_str().unwrap())
        .collect();
    assert!(emails.contains(&seed::OWNER_EMAIL));
    assert!(emails.contains(&seed::BASIC_EMAIL));
    let basic = users
        .iter()
        .find(|user| user["email"] == seed::BASIC_EMAIL)
        .unwrap();
    assert_eq!(basic["user_type_name"], json!("Basic"));
    server.stop().await;
}

#[tokio::test]
async fn get_users_pages() {
    let server = start_sandbox().await;
    let first = call_ok(&server.client, "get_users", json!({ "page_size": 2 })).await;
    assert_eq!(first["users"].as_array().unwrap().len(), 2);
    let token = first["next_page_token"]
        .as_str()
        .expect("a next page")
        .to_string();
    let second = call_ok(
        &server.client,
        "get_users",
        json!({ "page_size": 2, "next_page_token": token }),
    )
    .await;
    assert_eq!(second["users"].as_array().unwrap().len(), 1);
    assert!(second.get("next_page_token").is_none());
    server.stop().await;
}

#[tokio::test]
async fn get_users_clamps_page_size() {
    let server = start_sandbox().await;
    let result = call_ok(&server.client, "get_users", json!({ "page_size": 5000 })).await;
    // Zoom's maximum is 2000, and one result carries at most 500 rows.
    assert_eq!(result["page_size"], json!(500));
    let notes = result["notes"].to_string();
    assert!(notes.contains("clamped to 2000"), "{notes}");
    assert!(notes.contains("lowered to 500"), "{notes}");
    server.stop().await;
}

#[tokio::test]
async fn get_users_rejects_a_bad_token() {
    let server = start_sandbox().await;
    let message = call_err(
        &server.client,
        "get_users",
        json!({ "next_page_token": "forged-token" }),
    )
    .await;
    assert!(message.contains("300"), "{message}");
    let message = call_err(
        &server.client,
        "get_users",
        json!({ "next_page_token": "has space" }),
    )
    .await;
    assert!(message.contains("next_page_token"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn users_are_numbered_for_selection() {
    let server = start_sandbox().await;
    let result = call_ok(&server.client, "list_users_for_selection", json!({})).await;
    let users = result["users"].as_array().unwrap();
    assert_eq!(users.len(), 3);
    for (index, user) in users.iter().enumerate() {
        assert_eq!(user["number"], json!(index + 1));
    }
    assert_eq!(result["truncated"], json!(false));
    let resource = read_json(&server.client, "zoom://users").await;
    assert_eq!(resource["users"], result["users"]);
    server.stop().await;
}

#[tokio::test]
async fn select_user_every_way() {
    let server = start_sandbox().await;
    let listed = call_ok(&server.client, "list_users_for_selection", json!({})).await;
    let second_id = listed["users"][1]["id"].as_str().unwrap().to_string();

    let cases = [
        ("2", "number", second_id.as_str()),
        (seed::HOST_EMAIL, "email", seed::HOST_USER_ID),
        ("HOST@sandbox.example.com", "email", seed::HOST_USER_ID),
        (seed::BASIC_USER_ID, "id", seed::BASIC_USER_ID),
        ("me", "me", seed::OWNER_USER_ID),
        ("harper", "name", seed::HOST_USER_ID),
    ];
    for (selection, matched_by, id) in cases {
        let result = call_ok(
            &server.client,
            "get_user_by_selection",
            json!({ "selection": selection }),
        )
        .await;
        assert_eq!(
            result["matched_by"],
            json!(matched_by),
            "selection {selection}"
        );
        assert_eq!(result["id"], json!(id), "selection {selection}");
    }
    server.stop().await;
}

#[tokio::test]
async fn select_user_failures() {
    let server = start_sandbox().await;
    let message = call_err(
        &server.client,
        "get_user_by_selection",
        json!({ "selection": "9" }),
    )
    .await;
    assert!(message.contains("out of range"), "{message}");
    let message = call_err(
        &server.client,
        "get_user_by_selection",
        json!({ "selection": "" }),
    )
    .await;
    assert!(message.contains("empty"), "{message}");
    let message = call_err(
        &server.client,
        "get_user_by_selection",
        json!({ "selection": "nobody-like-this" }),
    )
    .await;
    assert!(message.contains("No user matches"), "{message}");
    let message = call_err(
        &server.client,
        "get_user_by_selection",
        json!({ "selection": "ghost@sandbox.example.com" }),
    )
    .await;
    assert!(message.contains("1001"), "{message}");
    // "a" appears in every seeded name.
    let message = call_err(
        &server.client,
        "get_user_by_selection",
        json!({ "selection": "a" }),
    )
    .await;
    assert!(message.contains("matches 3 users"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn get_user_by_id_email_and_me() {
    let server = start_sandbox().await;
    for (user_id, expected) in [
        ("me", seed::OWNER_USER_ID),
        (seed::HOST_EMAIL, seed::HOST_USER_ID),
        (seed::BASIC_USER_ID, seed::BASIC_USER_ID),
    ] {
        let user = call_ok(&server.client, "get_user", json!({ "user_id": user_id })).await;
        assert_eq!(user["id"], json!(expected), "{user_id}");
    }
    let message = call_err(
        &server.client,
        "get_user",
        json!({ "user_id": "ghost@sandbox.example.com" }),
    )
    .await;
    assert!(message.contains("1001"), "{message}");
    let message = call_err(
        &server.client,
        "get_user",
        json!({ "user_id": "../webinars" }),
    )
    .await;
    assert!(!message.is_empty());
    server.stop().await;
}

#[tokio::test]
async fn owner_zak_is_returned_but_not_summarised() {
    let server = common::start(&["--sandbox", "--tools", "get_user_zak"], &[]).await;
    let result = common::call(&server.client, "get_user_zak", json!({})).await;
    assert_ne!(result.is_error, Some(true));
    let token = result.structured_content.as_ref().unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(token.len() >= 16);
    let summary = result.content[0].as_text().unwrap().text.clone();
    assert!(
        !summary.contains(&token),
        "the summary repeats the key: {summary}"
    );
    server.stop().await;
}
