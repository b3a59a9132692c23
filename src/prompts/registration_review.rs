//! registration_review: approve or deny a webinar's pending registrants.

use super::{ArgumentSpec, Arguments, PromptContext, PromptError, PromptSpec};

pub const PROMPT: PromptSpec = PromptSpec {
    name: "registration_review",
    title: "Review pending registrations",
    description: "Go through a webinar's pending registrants and approve or deny them by a \
                  policy, applying the decisions only after you confirm them.",
    arguments: &[
        ArgumentSpec {
            name: "webinar_id",
            description: "Webinar id, the 64-bit number shown by list_webinars",
            required: true,
        },
        ArgumentSpec {
            name: "policy",
            description: "How to decide, e.g. \"approve work emails, deny free mail providers and duplicates\"",
            required: false,
        },
        ArgumentSpec {
            name: "occurrence_id",
            description: "Occurrence id, for a recurring webinar whose attendees register for each session",
            required: false,
        },
    ],
    tools: &[
        "get_webinar",
        "list_webinar_registrants",
        "update_webinar_registrant_status",
    ],
    render,
};

fn render(arguments: &Arguments, context: &PromptContext<'_>) -> Result<String, PromptError> {
    let webinar_id = arguments.webinar_id("webinar_id")?;
    let policy = arguments.text("policy", 1000)?;
    let occurrence = match arguments.optional("occurrence_id") {
        Some(id) if id.bytes().all(|byte| byte.is_ascii_digit()) && id.len() <= 20 => {
            format!(" Pass `occurrence_id` {id} to each registrant tool.")
        }
        Some(id) => {
            return Err(arguments.invalid(
                "occurrence_id",
                format!(
                    "{:?} is not an occurrence id: give the number from the occurrences get_webinar lists",
                    crate::tools::limits::truncate_for_message(id)
                ),
            ));
        }
        None => String::new(),
    };
    let policy = match policy {
        Some(policy) => format!("this policy: {policy}"),
        None => {
            "a policy you ask me for first, for example which email domains to accept".to_string()
        }
    };
    let zone = context.default_time_zone.name();
    Ok(format!(
        "Review the pending registrations of Zoom webinar {webinar_id} with this server's \
tools.{occurrence}

1. Webinar. Read it with `get_webinar`: topic, start time in {zone} and in UTC, and the \
registration setting. If registration is not manual approval, tell me there is nothing to approve \
and stop.
2. Pending registrants. List them with `list_webinar_registrants` (`status` pending, `detail` true \
to see their answers to the registration questions). Follow `next_page_token`, or raise \
`max_results`, until `has_more` is false.
3. Proposal. Decide approve or deny for each registrant by {policy}. Give a one-line reason for \
each, and flag duplicates (the same email twice) and test entries.
4. Confirm. Show me the proposal as two lists, approve and deny, and wait for my yes. Zoom emails \
each registrant the decision when the webinar's `registrants_email_notification` setting is on.
5. Apply. Call `update_webinar_registrant_status` with `action` approve or deny and at most 30 \
`registrant_ids` per call. Then list the pending registrants again and confirm that none are left \
that I meant to decide."
    ))
}
