"""Corrections to Zoom's OpenAPI spec, applied to the generated contract.

Each correction changes one endpoint and is written into that endpoint's
`corrections` list with the reason, so the next reader need not rediscover it. Where
the spec's schema is looser than the limit its own text states, the text
wins; where the schema contradicts how Zoom's API behaves, Zoom's behaviour
wins.
"""

from schema import SchemaError, find

WEBINAR_CREATE = "POST /users/{userId}/webinars"
WEBINAR_UPDATE = "PATCH /webinars/{webinarId}"
WEBINAR_STATUS = "PUT /webinars/{webinarId}/status"
BATCH_REGISTRANTS = "POST /webinars/{webinarId}/batch_registrants"
POLL_CREATE = "POST /webinars/{webinarId}/polls"
POLL_UPDATE = "PUT /webinars/{webinarId}/polls/{pollId}"
NAME_TAG_CREATE = "POST /webinars/{webinarId}/branding/name_tags"
NAME_TAG_UPDATE = "PATCH /webinars/{webinarId}/branding/name_tags/{nameTagId}"
SURVEY_UPDATE = "PATCH /webinars/{webinarId}/survey"
LIVESTREAM_UPDATE = "PATCH /webinars/{webinarId}/livestream"

# Zoom's maximum `repeat_interval` per recurrence type, from the
# `repeat_interval` description: 90 days, 12 weeks, 3 months.
REPEAT_INTERVAL_MAXIMA = {1: 90, 2: 12, 3: 3}

# Zoom's maximum number of answers per poll question type, from the
# `answers` description of the poll endpoints.
POLL_ANSWER_MAXIMA = {
    "single": 10,
    "multiple": 10,
    "matching": 16,
    "rank_order": 7,
}

# A start time as Zoom takes it: UTC with `Z`, or local wall time without an
# offset, which Zoom reads in the request's `timezone` field.
START_TIME_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z?$"

# One or more week days, 1 (Sunday) to 7 (Saturday), separated by commas.
WEEKLY_DAYS_PATTERN = r"^[1-7](,[1-7])*$"


def record(endpoint, location, change, reason):
    endpoint["corrections"].append(
        {"location": location, "change": change, "reason": reason})


def request_schema(endpoint):
    return endpoint["request_body"]["schema"]


def correct_status_endpoint(endpoint, operation):
    """Zoom's 2026 spec lost the 204 of `PUT /webinars/{webinarId}/status`
    and kept only a `200` key whose text is error code 200."""
    bogus = operation["responses"].get("200", {}).get("description", "")
    if "subscription is missing" not in bogus:
        raise SchemaError(
            f"{WEBINAR_STATUS}: the `200` response no longer reads as error "
            f"code 200; review this correction: {bogus!r}")
    endpoint["success_status"] = 204
    endpoint["response_schema"] = None
    record(endpoint, "success_status", "200 -> 204",
           "Zoom answers 204 with an empty body. The spec's only 2xx key is "
           "`200`, and its text (\"Webinar plan subscription is missing\") is "
           "Zoom's error code 200, which Zoom sends as HTTP 400; the older "
           "Zoom spec of 2023 lists 204 \"Webinar's status updated\".")


def correct_batch_status(endpoint, operation):
    description = operation["responses"]["201"]["description"]
    if "`200`" not in description:
        return
    record(endpoint, "success_status", "kept 201",
           "The spec keys the response 201, but its text says \"HTTP Status "
           "Code: 200\" (the 2023 Zoom spec keyed it 200). 201 is kept: it is "
           "the current key, and every other create endpoint answers 201.")


def correct_recurrence(endpoint, _operation):
    recurrence = find(request_schema(endpoint), "recurrence", endpoint["key"])
    properties = recurrence["properties"]
    base = "request_body.recurrence"

    recurrence["not"] = {"required": ["end_times", "end_date_time"]}
    record(endpoint, base, "reject end_times together with end_date_time",
           "The descriptions of both fields say they cannot be used together.")

    conditions = []
    for recurrence_type, maximum in sorted(REPEAT_INTERVAL_MAXIMA.items()):
        conditions.append({
            "if": {
                "properties": {"type": {"const": recurrence_type}},
                "required": ["type"],
            },
            "then": {"properties": {"repeat_interval": {"maximum": maximum}}},
        })
    recurrence["allOf"] = conditions
    properties["repeat_interval"]["minimum"] = 1
    record(endpoint, f"{base}.repeat_interval",
           "minimum 1; maximum 90 for daily (type 1), 12 for weekly (type 2), "
           "3 for monthly (type 3)",
           "The description states these maxima per recurrence type; the "
           "schema has none.")

    properties["monthly_day"]["minimum"] = 1
    properties["monthly_day"]["maximum"] = 31
    record(endpoint, f"{base}.monthly_day", "minimum 1, maximum 31",
           "The description says \"The value range is from 1 to 31\".")

    weekly_days = properties["weekly_days"]
    removed = weekly_days.pop("enum", None)
    weekly_days["pattern"] = WEEKLY_DAYS_PATTERN
    change = "pattern of comma-separated days 1-7"
    if removed is not None:
        change += "; enum of single days removed"
    record(endpoint, f"{base}.weekly_days", change,
           "Zoom takes several week days as one comma-separated string, such "
           "as \"2,4\" (1 = Sunday ... 7 = Saturday); a single-day enum would "
           "reject every multi-day weekly webinar.")


def correct_start_time(endpoint, _operation):
    start_time = find(request_schema(endpoint), "start_time", endpoint["key"])
    start_time.pop("format", None)
    start_time["pattern"] = START_TIME_PATTERN
    record(endpoint, "request_body.start_time",
           "format date-time -> pattern yyyy-MM-ddTHH:mm:ss with optional Z",
           "Zoom documents two request formats: UTC with `Z`, and local time "
           "without an offset that Zoom reads in the `timezone` field. RFC "
           "3339 date-time requires an offset, so it would reject local times.")


def correct_topic(endpoint, _operation):
    topic = find(request_schema(endpoint), "topic", endpoint["key"])
    topic["maxLength"] = 200
    record(endpoint, "request_body.topic", "maxLength 200",
           "The webinar object that Zoom returns limits `topic` to 200 "
           "characters, so Zoom cannot store a longer one; the request schema "
           "states no limit.")


def correct_name_tag(endpoint, _operation):
    name = find(request_schema(endpoint), "name", endpoint["key"])
    name["maxLength"] = 50
    record(endpoint, "request_body.name", "maxLength 50",
           "The description says the name cannot exceed 50 characters.")


def correct_poll_questions(endpoint, _operation):
    question = find(request_schema(endpoint), "questions.[]", endpoint["key"])
    prompts = question["properties"]["prompts"]
    prompts["minItems"] = 2
    prompts["maxItems"] = 10
    record(endpoint, "request_body.questions.[].prompts",
           "minItems 2, maxItems 10",
           "The description says a question needs two to 10 prompts.")

    conditions = []
    for question_type, maximum in sorted(POLL_ANSWER_MAXIMA.items()):
        conditions.append({
            "if": {
                "properties": {"type": {"const": question_type}},
                "required": ["type"],
            },
            "then": {"properties": {"answers": {"maxItems": maximum}}},
        })
    question["allOf"] = conditions
    record(endpoint, "request_body.questions.[].answers",
           "maxItems 10 for single and multiple, 16 for matching, 7 for "
           "rank_order",
           "The description states these maxima per question type; the "
           "schema has only the minimum of 2.")


def correct_survey_questions(endpoint, _operation):
    name = find(request_schema(endpoint), "custom_survey.questions.[].name",
                endpoint["key"])
    name["maxLength"] = 420
    record(endpoint, "request_body.custom_survey.questions.[].name",
           "maxLength 420",
           "The description says a survey question has up to 420 characters.")


def correct_livestream_resolution(endpoint, operation):
    resolution = find(request_schema(endpoint), "resolution", endpoint["key"])
    spec_schema = operation["requestBody"]["content"]["application/json"][
        "schema"]
    description = spec_schema["properties"]["resolution"]["description"]
    if "`720p` or `1080p`" not in description:
        raise SchemaError(
            f"{LIVESTREAM_UPDATE}: the `resolution` description no longer "
            f"lists `720p` or `1080p`; review this correction: "
            f"{description!r}")
    resolution["enum"] = ["720p", "1080p"]
    record(endpoint, "request_body.resolution", "enum 720p, 1080p",
           "The description says \"Use a value of `720p` or `1080p`\"; the "
           "schema has no enum.")


CORRECTIONS = {
    WEBINAR_CREATE: [correct_topic, correct_start_time, correct_recurrence],
    WEBINAR_UPDATE: [correct_topic, correct_start_time, correct_recurrence],
    WEBINAR_STATUS: [correct_status_endpoint],
    BATCH_REGISTRANTS: [correct_batch_status],
    POLL_CREATE: [correct_poll_questions],
    POLL_UPDATE: [correct_poll_questions],
    NAME_TAG_CREATE: [correct_name_tag],
    NAME_TAG_UPDATE: [correct_name_tag],
    SURVEY_UPDATE: [correct_survey_questions],
    LIVESTREAM_UPDATE: [correct_livestream_resolution],
}


def walk_schemas(endpoint):
    """Yield (location, schema) for every sub-schema of the endpoint's
    request body and response, with dotted locations as in `find`."""
    roots = []
    if endpoint["request_body"] is not None:
        roots.append(("request_body", endpoint["request_body"]["schema"]))
    if endpoint["response_schema"] is not None:
        roots.append(("response", endpoint["response_schema"]))
    stack = list(roots)
    while stack:
        location, schema = stack.pop()
        yield location, schema
        for name, child in schema.get("properties", {}).items():
            stack.append((f"{location}.{name}", child))
        if "items" in schema:
            stack.append((f"{location}.[]", schema["items"]))


def correct_misplaced_keywords(endpoint, _operation):
    """Move limits that Zoom put on the wrong kind of value to the keyword
    that applies to it, because JSON Schema ignores a keyword that does not
    match the value's type (a `maximum` on an array limits nothing)."""
    for location, schema in sorted(walk_schemas(endpoint),
                                   key=lambda pair: pair[0]):
        kind = schema.get("type")
        if kind == "array" and "maximum" in schema:
            schema["maxItems"] = schema.pop("maximum")
            record(endpoint, location,
                   f"maximum {schema['maxItems']} -> maxItems "
                   f"{schema['maxItems']}",
                   "The spec puts a numeric `maximum` on an array, which "
                   "limits nothing; the description means the number of "
                   "items.")
        if kind == "integer" and ("maxLength" in schema
                                  or "minLength" in schema):
            longest = schema.pop("maxLength", None)
            shortest = schema.pop("minLength", None)
            if shortest is not None:
                schema["minimum"] = 10 ** (shortest - 1)
            if longest is not None:
                schema["maximum"] = 10 ** longest - 1
            record(endpoint, location,
                   f"minLength {shortest} / maxLength {longest} -> digit "
                   f"count as minimum / maximum",
                   "The spec puts string lengths on an integer, which JSON "
                   "Schema ignores; they mean the number of digits.")


def check_keywords(endpoint):
    """Fail when a limit still sits on a value of another type."""
    numeric = {"maximum", "minimum"}
    textual = {"maxLength", "minLength", "pattern", "format"}
    listing = {"maxItems", "minItems", "items"}
    for location, schema in walk_schemas(endpoint):
        kinds = schema.get("type")
        kinds = set(kinds if isinstance(kinds, list) else [kinds])
        for keyword in schema:
            misplaced = (
                (keyword in numeric and not kinds & {"integer", "number"})
                or (keyword in textual and "string" not in kinds)
                or (keyword in listing and "array" not in kinds))
            if misplaced:
                raise SchemaError(
                    f"{endpoint['key']} {location}: keyword {keyword!r} does "
                    f"not apply to type {schema.get('type')!r}; add a "
                    f"correction")


def apply(endpoint, operation):
    """Apply every correction for `endpoint`, given its spec operation."""
    correct_misplaced_keywords(endpoint, operation)
    for correction in CORRECTIONS.get(endpoint["key"], []):
        correction(endpoint, operation)
    check_keywords(endpoint)
