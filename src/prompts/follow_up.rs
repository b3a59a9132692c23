//! webinar_follow_up: attendance, absentees and open questions of an ended
//! webinar.

use super::{ArgumentSpec, Arguments, PromptContext, PromptError, PromptSpec};
use crate::tools::limits::check_zoom_id;

pub const PROMPT: PromptSpec = PromptSpec {
    name: "webinar_follow_up",
    title: "Follow up on an ended webinar",
    description: "Work out the attendance rate of an ended webinar, list the registrants who did \
                  not attend and the questions left unanswered, and draft the follow-up.",
    arguments: &[
        ArgumentSpec {
            name: "webinar_id",
            description: "Webinar id, the 64-bit number shown by list_webinars",
            required: true,
        },
        ArgumentSpec {
            name: "uuid",
            description: "UUID of one ended instance (session) to review; default: the latest",
            required: false,
        },
    ],
    tools: &[
        "list_past_webinar_instances",
        "list_webinar_registrants",
        "list_webinar_participants",
        "get_webinar_absentees",
        "list_webinar_qa",
        "get_past_webinar_poll_results",
    ],
    render,
};

fn render(arguments: &Arguments, context: &PromptContext<'_>) -> Result<String, PromptError> {
    let webinar_id = arguments.webinar_id("webinar_id")?;
    let uuid = match arguments.optional("uuid") {
        Some(uuid) => {
            Some(check_zoom_id("uuid", uuid).map_err(|error| arguments.invalid("uuid", error.0))?)
        }
        None => None,
    };
    let zone = context.default_time_zone.name();
    let instance = match &uuid {
        Some(uuid) => format!(
            "1. Session. Review the ended instance with UUID {uuid}: pass it as `uuid` to every \
             past-webinar tool below. Call `list_past_webinar_instances` once to tell me when it \
             ran, in {zone} and in UTC."
        ),
        None => format!(
            "1. Session. Call `list_past_webinar_instances` and use the latest ended instance \
             unless I name another. Tell me when it ran, in {zone} and in UTC, and pass its UUID \
             as `uuid` to every past-webinar tool below."
        ),
    };
    Ok(format!(
        "Follow up on the ended Zoom webinar {webinar_id} with this server's tools. Steps 1 to 5 \
only read; change nothing and email no one.

{instance}
2. Attendance rate. Count the approved registrants with `list_webinar_registrants` (`status` \
approved) and the attendees of the session with `list_webinar_participants`. Follow \
`next_page_token`, or raise `max_results`, until `has_more` is false. Count each person once, by \
email, because someone who rejoins appears more than once. For a recurring webinar whose \
attendees register for each session, pass that session's `occurrence_id` to \
`list_webinar_registrants`. The attendance rate is registered attendees divided by approved \
registrants. Also give the number of attendees who had not registered and the average minutes \
attended. If registration was off, say that there is no rate and give the attendee count.
3. Absentees. List the registrants who did not attend with `get_webinar_absentees`: name and email.
4. Questions. Read the Q&A with `list_webinar_qa` and list the unanswered questions with who asked \
them, grouped by theme. Draft a short answer to each.
5. Polls. If the session had polls, summarise the answers with `get_past_webinar_poll_results`.
6. Follow-up. Finish with a table (registrants, attendees, attendance rate, absentees, \
unanswered questions) and draft two short emails: one to absentees and one to attendees with the \
answers. Send nothing and change no registration without my yes."
    ))
}
