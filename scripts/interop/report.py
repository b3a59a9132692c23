"""Check bookkeeping and result validation shared by the SDK and Inspector checks."""

import sys
from typing import Any

import jsonschema


class CheckFailed(Exception):
    """A failed check. The message states the expected and the actual value."""


class Report:
    """Counts passed and failed checks and prints one line per check."""

    def __init__(self) -> None:
        self.passed = 0
        self.failures: list[str] = []

    def ok(self, name: str, detail: str = "") -> None:
        self.passed += 1
        suffix = f": {detail}" if detail else ""
        print(f"ok    {name}{suffix}", flush=True)

    def fail(self, name: str, message: str) -> None:
        self.failures.append(f"{name}: {message}")
        print(f"FAIL  {name}: {message}", flush=True)

    def summary(self) -> int:
        """Print the failures and the totals, and return the exit status."""
        if self.failures:
            print("\nFailed checks:", file=sys.stderr)
            for failure in self.failures:
                print(f"  - {failure}", file=sys.stderr)
        print(f"interop: {self.passed} passed, {len(self.failures)} failed", flush=True)
        return 1 if self.failures else 0


def validate_structured_content(tool: str, output_schema: dict[str, Any] | None, result: dict[str, Any]) -> dict[str, Any]:
    """Check a tools/call result in its JSON form: not isError, with structuredContent valid against the output schema.

    Returns the structured content. Raises CheckFailed naming the tool and the first problem.
    """
    if result.get("isError"):
        raise CheckFailed(f"{tool} returned isError: true: {result_text(result)}")
    if output_schema is None:
        raise CheckFailed(f"{tool} has no outputSchema in tools/list, so its result cannot be validated")
    content = result.get("structuredContent")
    if not isinstance(content, dict):
        raise CheckFailed(f"{tool} returned no structuredContent object (got {type(content).__name__})")

    validator_class = jsonschema.validators.validator_for(output_schema)
    try:
        validator_class.check_schema(output_schema)
    except jsonschema.SchemaError as error:
        raise CheckFailed(f"{tool}'s outputSchema is not a valid JSON Schema: {error.message}") from error
    error = jsonschema.exceptions.best_match(validator_class(output_schema).iter_errors(content))
    if error is not None:
        path = "/".join(str(part) for part in error.absolute_path) or "(root)"
        raise CheckFailed(f"{tool}'s structuredContent does not match its outputSchema at {path}: {error.message}")
    return content


def result_text(result: dict[str, Any], limit: int = 300) -> str:
    """Join a tool result's text blocks, cut to `limit` characters, for failure messages."""
    texts = [block.get("text", "") for block in result.get("content", []) if block.get("type") == "text"]
    joined = " | ".join(texts)
    return joined if len(joined) <= limit else joined[:limit] + "..."
