//! plan_webinar_series: plan and schedule a recurring webinar series.

use super::{ArgumentSpec, Arguments, PromptContext, PromptError, PromptSpec, field_line};
use crate::time::parse_time_zone;
use crate::tools::input::check_topic;

/// Zoom's maximum number of occurrences of a recurring webinar.
const MAX_SESSIONS: u64 = 60;
/// Zoom's maximum webinar length, in minutes.
const MAX_DURATION_MINUTES: u64 = 1440;

pub const PROMPT: PromptSpec = PromptSpec {
    name: "plan_webinar_series",
    title: "Plan a webinar series",
    description: "Plan and schedule a recurring webinar series step by step: host, schedule, \
                  registration, panelists and polls, confirming each change with you first.",
    arguments: &[
        ArgumentSpec {
            name: "topic",
            description: "Title of the series, at most 200 characters",
            required: true,
        },
        ArgumentSpec {
            name: "cadence",
            description: "How often sessions repeat, e.g. \"weekly on Tuesday\", \"every 2 weeks on Monday and Thursday\" or \"monthly on the last Friday\"",
            required: true,
        },
        ArgumentSpec {
            name: "start",
            description: "Date and local time of the first session, e.g. \"2027-01-12T15:00\" or \"next Tuesday at 3pm\"",
            required: true,
        },
        ArgumentSpec {
            name: "sessions",
            description: "Number of sessions, 1 to 60",
            required: false,
        },
        ArgumentSpec {
            name: "timezone",
            description: "IANA time zone of the start time, e.g. Europe/Berlin; default: the server's default time zone",
            required: false,
        },
        ArgumentSpec {
            name: "duration",
            description: "Length of each session in minutes, 1 to 1440; default 60",
            required: false,
        },
        ArgumentSpec {
            name: "audience",
            description: "Who the series is for, e.g. \"customers new to the product\"",
            required: false,
        },
    ],
    tools: &[
        "list_users_for_selection",
        "create_recurring_webinar",
        "create_webinar",
        "get_registration_questions",
        "update_registration_questions",
        "add_panelists",
        "create_webinar_poll",
        "get_webinar",
    ],
    render,
};

fn render(arguments: &Arguments, context: &PromptContext<'_>) -> Result<String, PromptError> {
    let topic = check_topic(arguments.required("topic")?)
        .map_err(|error| arguments.invalid("topic", error.to_string()))?;
    let cadence = arguments.text("cadence", 200)?.unwrap_or_default();
    let start = arguments.text("start", 100)?.unwrap_or_default();
    let sessions = arguments.integer("sessions", 1, MAX_SESSIONS)?;
    let duration = arguments.integer("duration", 1, MAX_DURATION_MINUTES)?;
    let audience = arguments.text("audience", 500)?;
    let zone = match arguments.optional("timezone") {
        Some(name) => parse_time_zone(name)
            .map_err(|error| arguments.invalid("timezone", error.to_string()))?,
        None => context.default_time_zone,
    };
    let zone = zone.name();

    let mut text = String::from(
        "Plan and schedule a recurring Zoom webinar series with this server's tools.\n\nThe series:\n",
    );
    text.push_str(&field_line("Topic", Some(&topic), ""));
    text.push_str(&field_line("Cadence", Some(cadence), ""));
    text.push_str(&field_line(
        "Sessions",
        sessions.map(|count| count.to_string()).as_deref(),
        "not given; ask me how many (at most 60) or the date of the last one",
    ));
    text.push_str(&field_line(
        "First session",
        Some(&format!("{start}, local time in {zone}")),
        "",
    ));
    text.push_str(&field_line(
        "Length of each session",
        duration
            .map(|minutes| format!("{minutes} minutes"))
            .as_deref(),
        "60 minutes unless I say otherwise",
    ));
    text.push_str(&field_line(
        "Audience",
        audience,
        "not given; ask me who the series is for",
    ));
    text.push_str(&format!(
        "
Work in this order. Before every call that changes Zoom, show me what you will send and wait for \
my yes, because these calls email real people.

1. Host. Call `list_users_for_selection` and let me choose who hosts the series. The host needs a \
Licensed user type and a Webinars licence. Use the chosen user's id or email as `user_id`.
2. Schedule. Turn the cadence into the recurrence arguments of `create_recurring_webinar`, which \
sit at the top level of its arguments: `recurrence_type` (daily, weekly or monthly), `repeat_interval`, `weekly_days` for weekly series, \
`monthly_day` or `monthly_week` with `monthly_week_day` for monthly series, and `end_times` (the \
number of sessions) or `end_date`. Give `start_time` as local time with `timezone` {zone}. If the \
cadence does not fit one rule, say so and propose separate webinars with `create_webinar` instead.
3. Registration. Propose `settings` that suit the audience: `registration` (none, automatic or \
manual approval), `registration_type` (once_for_all, each_occurrence or once_choose_occurrences), \
`registrants_restrict_number`, `question_and_answer`, `practice_session` and `auto_recording`.
4. Confirm and create. Show me the topic, the host, the length, the settings and the first three \
session dates in {zone} and in UTC. After my yes, call `create_recurring_webinar` once with the \
schedule and the settings.
5. Registration questions. If registration is on, read the defaults with \
`get_registration_questions` and offer questions for this audience; save the ones I accept with \
`update_registration_questions`.
6. Panelists. Ask me for the panelists' names and emails and add them with `add_panelists`. Zoom \
emails each one an invitation.
7. Polls. Suggest one or two polls for the audience and create the ones I approve with \
`create_webinar_poll`.
8. Check. Read the series back with `get_webinar` and summarise it: topic, host, each session's \
date in {zone} and in UTC, the registration link, the panelists and the polls."
    ));
    Ok(text)
}
