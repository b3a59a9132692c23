"""Checks that drive the server with the MCP Inspector's command-line mode."""

import collections
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from report import CheckFailed, Report, validate_structured_content
from sdk_checks import DISCOVERY_ERA_VERSION, ERA_TOOL, HANDSHAKE_ERA_VERSION

# Seconds one Inspector command may take, server start and exit included.
COMMAND_TIMEOUT_SECS = 60
# Exit status of `--strict` when a schema finding has error severity.
STRICT_ERRORS_EXIT = 6
# Exit status of tools/call when the tool result has isError: true.
TOOL_ERROR_EXIT = 5


@dataclass(frozen=True)
class Inspector:
    """The installed Inspector CLI and the server it starts."""

    executable: Path
    binary: Path
    workdir: Path

    def run(self, *options: str, era: str = "legacy", output_schemas: bool = True) -> tuple[int, dict[str, Any] | None, str]:
        """Run one Inspector command against `--sandbox --toolsets all`.

        With output_schemas, the server also lists each tool's output schema (`--output-schemas`),
        so call results can be validated; without it the listing is the one hosts get by default.
        Returns the exit status, the JSON object printed on stdout (None when stdout is not
        JSON) and stderr. `-q` keeps the server's logs out of stderr.
        """
        server_options = ["--output-schemas"] if output_schemas else []
        command = [
            str(self.executable), "--cli", "--format", "json", "-q",
            "--protocol-era", era,
            "-e", "RUST_LOG=warn",
            "-e", f"ZOOM_LOG_DIR={self.workdir / 'logs'}",
            "--cwd", str(self.workdir),
            str(self.binary), "--sandbox", "--toolsets", "all", *server_options,
            *options,
        ]
        completed = subprocess.run(command, capture_output=True, text=True, timeout=COMMAND_TIMEOUT_SECS)
        try:
            output = json.loads(completed.stdout)
        except json.JSONDecodeError:
            output = None
        return completed.returncode, output, completed.stderr


def result_of(name: str, status: int, output: dict[str, Any] | None, stderr: str) -> dict[str, Any]:
    """Return the `result` object of an Inspector run, or raise CheckFailed with its stderr.

    Status 5 means the tool returned isError, and the result is still on stdout, so it is
    returned for the caller's isError check to report with the tool's message.
    """
    if status not in (0, TOOL_ERROR_EXIT) or output is None or "result" not in output:
        raise CheckFailed(f"{name} exited with status {status}; stderr: {stderr.strip()[-600:]}")
    return output["result"]


def check_strict_tools_list(report: Report, inspector: Inspector, output_schemas: bool) -> dict[str, Any]:
    """List tools with `--strict`, fail on error-severity schema findings and count the warnings.

    Checks the listing with output schemas or the default one without them. Returns the
    listed tools by name, for validating call results.
    """
    mode = "with --output-schemas" if output_schemas else "default listing"
    name = f"inspector: tools/list --strict ({mode})"
    status, output, stderr = inspector.run("--method", "tools/list", "--strict", output_schemas=output_schemas)
    findings = [
        (tool["toolName"], finding)
        for tool in (output or {}).get("schemaFindings", [])
        for finding in tool["findings"]
    ]
    errors = [(tool, finding) for tool, finding in findings if finding["severity"] == "error"]
    if status == STRICT_ERRORS_EXIT or errors:
        listing = "; ".join(f"{tool} {finding['schema']}.{finding['path']}: {finding['issue']}" for tool, finding in errors[:10])
        report.fail(name, f"exit status {status}, {len(errors)} schema errors: {listing or stderr.strip()[-600:]}")
        return {}
    try:
        result = result_of(name, status, output, stderr)
    except CheckFailed as error:
        report.fail(name, str(error))
        return {}

    tools = {tool["name"]: tool for tool in result.get("tools", [])}
    warnings = collections.Counter(
        f"{finding['rule']} in {finding['schema']}" for _, finding in findings if finding["severity"] == "warning"
    )
    breakdown = ", ".join(f"{count} {rule}" for rule, count in warnings.most_common())
    report.ok(name, f"{len(tools)} tools, 0 errors, {sum(warnings.values())} warnings ({breakdown or 'none'})")
    return tools


def check_era(report: Report, inspector: Inspector, era: str, expected_version: str, tools: dict[str, Any]) -> None:
    """Check the negotiated version under one Inspector protocol era, then call the era tool."""
    name = f"inspector: --protocol-era {era} negotiated"
    try:
        status, output, stderr = inspector.run("--method", "initialize", era=era)
        version = result_of(name, status, output, stderr).get("protocolVersion")
        if version != expected_version:
            raise CheckFailed(f"expected protocol version {expected_version}, got {version}")
    except (CheckFailed, subprocess.TimeoutExpired) as error:
        report.fail(name, str(error))
    else:
        report.ok(name, version)

    name = f"inspector: {ERA_TOOL} under --protocol-era {era}"
    try:
        status, output, stderr = inspector.run("--method", "tools/call", "--tool-name", ERA_TOOL, era=era)
        content = validate_structured_content(
            ERA_TOOL, tools.get(ERA_TOOL, {}).get("outputSchema"), result_of(name, status, output, stderr)
        )
    except (CheckFailed, subprocess.TimeoutExpired) as error:
        report.fail(name, str(error))
    else:
        report.ok(name, f"{len(content.get('webinars', []))} webinars")


def run_inspector_checks(report: Report, inspector: Inspector) -> None:
    tools: dict[str, Any] = {}
    for output_schemas in (False, True):
        try:
            tools = check_strict_tools_list(report, inspector, output_schemas)
        except subprocess.TimeoutExpired as error:
            report.fail("inspector: tools/list --strict", str(error))
            tools = {}
    check_era(report, inspector, "legacy", HANDSHAKE_ERA_VERSION, tools)
    check_era(report, inspector, "modern", DISCOVERY_ERA_VERSION, tools)
