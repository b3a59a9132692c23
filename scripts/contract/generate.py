#!/usr/bin/env python3
"""Generate the contract of Zoom's webinar API from Zoom's OpenAPI specs.

The contract (`tests/fixtures/zoom-contract.json`) covers every webinar,
past-webinar, report and user endpoint the project serves or may serve. For
each it lists the method, path template, path and query parameters, the
request body's JSON Schema, the success status with its response body's JSON
Schema, the rate limit label, the OAuth scopes and the corrections made to
Zoom's spec. The sandbox embeds it and validates every request and response
against it.

Usage:
    scripts/contract/generate.py [SPEC_DIR] [--output FILE] [--check]

SPEC_DIR holds Zoom's `Meetings.json` and `Users.json` and defaults to
`../shared/zoom-openapi` relative to the repository root. `--check` writes
nothing and exits with status 1 when the committed contract is out of date.
The output is deterministic: regenerating from the same specs changes no
byte. Needs only the Python 3 standard library.
"""

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

import corrections
from schema import SchemaError, close_objects, normalize

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SPEC_DIR = REPO_ROOT / ".." / "shared" / "zoom-openapi"
DEFAULT_OUTPUT = REPO_ROOT / "tests" / "fixtures" / "zoom-contract.json"
SPEC_FILES = ("Meetings.json", "Users.json")
CONTRACT_VERSION = 1

# Every endpoint of the contract, in the order of Zoom's API reference:
# users, webinars, past webinars, reports and the live webinar chat.
ENDPOINTS = [
    ("GET", "/users"),
    ("POST", "/users"),
    ("GET", "/users/me/zak"),
    ("GET", "/users/{userId}"),
    ("PATCH", "/users/{userId}"),
    ("DELETE", "/users/{userId}"),
    ("GET", "/users/{userId}/webinar_templates"),
    ("POST", "/users/{userId}/webinar_templates"),
    ("GET", "/users/{userId}/webinars"),
    ("POST", "/users/{userId}/webinars"),
    ("GET", "/webinars/{webinarId}"),
    ("PATCH", "/webinars/{webinarId}"),
    ("DELETE", "/webinars/{webinarId}"),
    ("POST", "/webinars/{webinarId}/batch_registrants"),
    ("GET", "/webinars/{webinarId}/branding"),
    ("POST", "/webinars/{webinarId}/branding/name_tags"),
    ("DELETE", "/webinars/{webinarId}/branding/name_tags"),
    ("PATCH", "/webinars/{webinarId}/branding/name_tags/{nameTagId}"),
    ("POST", "/webinars/{webinarId}/branding/virtual_backgrounds"),
    ("PATCH", "/webinars/{webinarId}/branding/virtual_backgrounds"),
    ("DELETE", "/webinars/{webinarId}/branding/virtual_backgrounds"),
    ("POST", "/webinars/{webinarId}/branding/wallpaper"),
    ("DELETE", "/webinars/{webinarId}/branding/wallpaper"),
    ("POST", "/webinars/{webinarId}/invite_links"),
    ("GET", "/webinars/{webinarId}/jointoken/live_streaming"),
    ("GET", "/webinars/{webinarId}/jointoken/local_archiving"),
    ("GET", "/webinars/{webinarId}/jointoken/local_recording"),
    ("GET", "/webinars/{webinarId}/livestream"),
    ("PATCH", "/webinars/{webinarId}/livestream"),
    ("PATCH", "/webinars/{webinarId}/livestream/status"),
    ("GET", "/webinars/{webinarId}/panelists"),
    ("POST", "/webinars/{webinarId}/panelists"),
    ("DELETE", "/webinars/{webinarId}/panelists"),
    ("DELETE", "/webinars/{webinarId}/panelists/{panelistId}"),
    ("GET", "/webinars/{webinarId}/polls"),
    ("POST", "/webinars/{webinarId}/polls"),
    ("GET", "/webinars/{webinarId}/polls/{pollId}"),
    ("PUT", "/webinars/{webinarId}/polls/{pollId}"),
    ("DELETE", "/webinars/{webinarId}/polls/{pollId}"),
    ("GET", "/webinars/{webinarId}/registrants"),
    ("POST", "/webinars/{webinarId}/registrants"),
    ("GET", "/webinars/{webinarId}/registrants/questions"),
    ("PATCH", "/webinars/{webinarId}/registrants/questions"),
    ("PUT", "/webinars/{webinarId}/registrants/status"),
    ("GET", "/webinars/{webinarId}/registrants/{registrantId}"),
    ("DELETE", "/webinars/{webinarId}/registrants/{registrantId}"),
    ("POST", "/webinars/{webinarId}/sip_dialing"),
    ("PUT", "/webinars/{webinarId}/status"),
    ("GET", "/webinars/{webinarId}/survey"),
    ("PATCH", "/webinars/{webinarId}/survey"),
    ("DELETE", "/webinars/{webinarId}/survey"),
    ("GET", "/webinars/{webinarId}/token"),
    ("GET", "/webinars/{webinarId}/tracking_sources"),
    ("GET", "/past_webinars/{webinarId}/absentees"),
    ("GET", "/past_webinars/{webinarId}/instances"),
    ("GET", "/past_webinars/{webinarId}/participants"),
    ("GET", "/past_webinars/{webinarId}/polls"),
    ("GET", "/past_webinars/{webinarId}/qa"),
    ("GET", "/report/webinars/{webinarId}"),
    ("GET", "/report/webinars/{webinarId}/participants"),
    ("GET", "/report/webinars/{webinarId}/polls"),
    ("GET", "/report/webinars/{webinarId}/qa"),
    ("GET", "/report/webinars/{webinarId}/survey"),
    ("DELETE", "/live_webinars/{webinarId}/chat/messages/{messageId}"),
]

RATE_LIMIT_LABEL = re.compile(r"Rate Limit Label[^`]*`([A-Za-z -]+)`")

# Zoom's error body, from Zoom's error documentation: a numeric code, a
# message, and for validation failures (code 300) the rejected fields.
ERROR_RESPONSE_SCHEMA = {
    "type": "object",
    "required": ["code", "message"],
    "additionalProperties": False,
    "properties": {
        "code": {"type": "integer"},
        "message": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "message"],
                "additionalProperties": False,
                "properties": {
                    "field": {"type": "string"},
                    "message": {"type": "string"},
                },
            },
        },
    },
}

CONVENTIONS = {
    "schema_dialect": "JSON Schema draft 7. Zoom's OpenAPI 3.0 schemas are "
    "translated: every allOf is merged into one object schema, "
    "documentation keywords are dropped, and only the formats date-time, "
    "email and uri are kept (OpenAPI's int64, binary and password and "
    "free-text formats are not JSON Schema formats). The free-text format "
    "`Hex color code` becomes a pattern of six hex digits with an optional "
    "leading #.",
    "requests": "Request objects stay open, as Zoom's spec leaves them: a "
    "field the spec does not list is accepted. Query and path parameter "
    "values arrive as text; a parameter declared integer or boolean must "
    "parse as one.",
    "responses": "Response objects that list properties are closed "
    "(additionalProperties false), so a field that Zoom does not document "
    "is reported. Error responses (4xx, 5xx) follow error_response_schema.",
    "field_paths": "Violations name fields with dots, and array items by "
    "their zero-based index in brackets: settings.approval_type, "
    "registrants[0].email.",
    "corrections": "Each endpoint lists where the contract departs from "
    "Zoom's spec, and why.",
}


def load_specs(spec_dir):
    specs = {}
    sources = {}
    for name in SPEC_FILES:
        raw = (spec_dir / name).read_bytes()
        spec = json.loads(raw)
        specs[name] = spec
        sources[name] = {
            "title": spec["info"]["title"],
            "version": spec["info"]["version"],
            "sha256": hashlib.sha256(raw).hexdigest(),
        }
    return specs, sources


def find_operation(specs, method, path):
    for name, spec in specs.items():
        operation = spec["paths"].get(path, {}).get(method.lower())
        if operation is not None:
            return name, operation
    raise SchemaError(f"{method} {path}: not in {', '.join(specs)}")


def parameters(operation, location, key):
    found = {}
    required = []
    for parameter in operation.get("parameters", []):
        if parameter["in"] != location:
            continue
        name = parameter["name"]
        found[name] = normalize(parameter.get("schema", {}),
                                f"{key} {location} parameter {name}")
        if parameter.get("required") and location == "query":
            required.append(name)
    return found, required


def request_body(operation, key):
    body = operation.get("requestBody")
    if body is None:
        return None
    content = body.get("content", {})
    if len(content) != 1:
        raise SchemaError(f"{key}: expected one request content type, "
                          f"got {sorted(content)}")
    content_type, media = next(iter(content.items()))
    return {
        "content_type": content_type,
        "required": bool(body.get("required", False)),
        "schema": normalize(media.get("schema", {}), f"{key} request body"),
    }


def success_status(operation):
    """Return the lowest genuine 2xx status, or None.

    Zoom's spec sometimes keys an error under `200`: such an entry has no
    body schema and its text is an error message instead of "HTTP Status
    Code: ...". Those entries are skipped; a correction must then set the
    status.
    """
    genuine = []
    for status, response in operation["responses"].items():
        if not status.startswith("2"):
            continue
        described = "http status code" in response.get("description", "").lower()
        if described or response.get("content"):
            genuine.append(int(status))
    return min(genuine) if genuine else None


def response_schema(operation, status, key):
    response = operation["responses"].get(str(status), {})
    content = response.get("content")
    if not content:
        return None
    media = content.get("application/json")
    if media is None:
        raise SchemaError(f"{key}: response {status} is not JSON: "
                          f"{sorted(content)}")
    schema = normalize(media.get("schema", {}), f"{key} response {status}")
    close_objects(schema)
    return schema


def rate_limit_label(operation):
    match = RATE_LIMIT_LABEL.search(operation.get("description", ""))
    return match.group(1).upper() if match else None


def build_endpoint(specs, method, path):
    key = f"{method} {path}"
    spec_name, operation = find_operation(specs, method, path)

    path_params, _ = parameters(operation, "path", key)
    query_params, required_query = parameters(operation, "query", key)
    template_names = re.findall(r"\{([^}]+)\}", path)
    if sorted(template_names) != sorted(path_params):
        raise SchemaError(f"{key}: path parameters {sorted(path_params)} do "
                          f"not match the template")

    status = success_status(operation)
    extensions = operation.get("x-extensions", {})
    endpoint = {
        "key": key,
        "method": method,
        "path": path,
        "operation_id": operation["operationId"],
        "spec": spec_name,
        "path_params": path_params,
        "query_params": query_params,
        "required_query_params": required_query,
        "request_body": request_body(operation, key),
        "success_status": status,
        "response_schema": (response_schema(operation, status, key)
                            if status is not None else None),
        "rate_limit_label": rate_limit_label(operation),
        "scopes": {
            "classic": extensions.get("x-macro-scopes", []),
            "granular": extensions.get("x-granular-scopes", []),
        },
        "corrections": [],
    }

    corrections.apply(endpoint, operation)
    if endpoint["success_status"] is None:
        raise SchemaError(f"{key}: the spec has no genuine 2xx response; "
                          f"add a correction that sets the success status")
    del endpoint["key"]
    return key, endpoint


def build_contract(spec_dir):
    specs, sources = load_specs(spec_dir)
    endpoints = {}
    for method, path in ENDPOINTS:
        key, endpoint = build_endpoint(specs, method, path)
        endpoints[key] = endpoint
    return {
        "contract_version": CONTRACT_VERSION,
        "generator": "scripts/contract/generate.py",
        "sources": sources,
        "conventions": CONVENTIONS,
        "error_response_schema": ERROR_RESPONSE_SCHEMA,
        "endpoints": endpoints,
    }


def render(contract):
    return json.dumps(contract, indent=1, sort_keys=True,
                      ensure_ascii=False) + "\n"


def main(argv):
    parser = argparse.ArgumentParser(
        description="Generate the Zoom webinar API contract from Zoom's "
        "OpenAPI specs.")
    parser.add_argument("spec_dir", nargs="?", type=Path,
                        default=DEFAULT_SPEC_DIR,
                        help="folder with Meetings.json and Users.json "
                        "(default: ../shared/zoom-openapi from the repository "
                        "root)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT,
                        help="contract file to write (default: "
                        "tests/fixtures/zoom-contract.json)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when the file differs "
                        "from a fresh generation")
    args = parser.parse_args(argv)

    try:
        text = render(build_contract(args.spec_dir))
    except (OSError, KeyError, SchemaError) as error:
        print(f"generate.py: failed to build the contract: {error}",
              file=sys.stderr)
        return 2

    if args.check:
        current = args.output.read_text() if args.output.exists() else ""
        if current != text:
            print(f"generate.py: {args.output} is out of date; run "
                  f"scripts/contract/generate.py to regenerate it",
                  file=sys.stderr)
            return 1
        return 0

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
