"""One read-only tool call per toolset, with what its result must show.

The webinar ids are the sandbox's fixed seed data (the constants in
src/sandbox/seed.rs), which is the same on every start.
"""

from dataclasses import dataclass
from typing import Any, Callable

SINGLE_WEBINAR_ID = 81100000001
RECURRING_WEBINAR_ID = 81100000002
MANUAL_APPROVAL_WEBINAR_ID = 81100000003
PAST_WEBINAR_ID = 81100000005


@dataclass(frozen=True)
class ToolsetCall:
    toolset: str
    tool: str
    arguments: dict[str, Any]
    # Description of the condition on the structured content, for the failure message.
    expectation: str
    # The condition itself: true when the structured content passes.
    check: Callable[[dict[str, Any]], bool]


def non_empty(key: str) -> Callable[[dict[str, Any]], bool]:
    """Build a check that `key` is a non-empty list or object."""
    return lambda content: isinstance(content.get(key), (list, dict)) and len(content[key]) > 0


def same_webinar(webinar_id: int, key: str) -> Callable[[dict[str, Any]], bool]:
    """Build a check that the result names `webinar_id` and has a non-empty `key`."""
    has_key = non_empty(key)
    return lambda content: str(content.get("webinar_id")) == str(webinar_id) and has_key(content)


TOOLSET_CALLS: list[ToolsetCall] = [
    ToolsetCall(
        "config",
        "get_token_status",
        {},
        "configured is true (the sandbox supplies credentials)",
        lambda content: content.get("configured") is True,
    ),
    ToolsetCall("users", "get_users", {}, "a non-empty users list", non_empty("users")),
    ToolsetCall(
        "webinars",
        "get_webinar",
        {"webinar_id": SINGLE_WEBINAR_ID},
        f"webinar.id is {SINGLE_WEBINAR_ID}",
        lambda content: str(content.get("webinar", {}).get("id")) == str(SINGLE_WEBINAR_ID),
    ),
    ToolsetCall(
        "panelists",
        "list_panelists",
        {"webinar_id": SINGLE_WEBINAR_ID},
        "the webinar id and a non-empty panelists list",
        same_webinar(SINGLE_WEBINAR_ID, "panelists"),
    ),
    ToolsetCall(
        "registrants",
        "list_webinar_registrants",
        {"webinar_id": MANUAL_APPROVAL_WEBINAR_ID, "status": "pending"},
        "the webinar id and a non-empty registrants list",
        same_webinar(MANUAL_APPROVAL_WEBINAR_ID, "registrants"),
    ),
    ToolsetCall(
        "polls",
        "get_webinar_polls",
        {"webinar_id": SINGLE_WEBINAR_ID},
        "the webinar id and a non-empty polls list",
        same_webinar(SINGLE_WEBINAR_ID, "polls"),
    ),
    ToolsetCall(
        "past_webinars",
        "list_past_webinar_instances",
        {"webinar_id": PAST_WEBINAR_ID},
        "the webinar id and a non-empty instances list",
        same_webinar(PAST_WEBINAR_ID, "instances"),
    ),
    ToolsetCall(
        "surveys",
        "get_webinar_survey",
        {"webinar_id": RECURRING_WEBINAR_ID},
        "the webinar id and a non-empty survey",
        same_webinar(RECURRING_WEBINAR_ID, "survey"),
    ),
    ToolsetCall(
        "reports",
        "get_webinar_report",
        {"webinar_id": PAST_WEBINAR_ID},
        "a non-empty instance and a participants_count",
        lambda content: bool(content.get("instance")) and isinstance(content.get("participants_count"), int),
    ),
    ToolsetCall(
        "livestream",
        "get_webinar_livestream",
        {"webinar_id": RECURRING_WEBINAR_ID},
        "the webinar id and a non-empty livestream",
        same_webinar(RECURRING_WEBINAR_ID, "livestream"),
    ),
    ToolsetCall(
        "branding",
        "get_webinar_branding",
        {"webinar_id": SINGLE_WEBINAR_ID},
        "the webinar id and a non-empty branding object",
        same_webinar(SINGLE_WEBINAR_ID, "branding"),
    ),
    ToolsetCall(
        "advanced",
        "list_webinar_templates",
        {},
        "a non-empty templates list",
        non_empty("templates"),
    ),
]
