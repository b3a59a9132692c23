"""Checks that drive the server with the Python MCP SDK (PyPI package `mcp`)."""

import json
import re
import subprocess
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import anyio
from mcp import Client, ClientSession, StdioServerParameters, stdio_client
from mcp import types

from report import CheckFailed, Report, validate_structured_content
from toolset_calls import TOOLSET_CALLS

HANDSHAKE_ERA_VERSION = "2025-11-25"
DISCOVERY_ERA_VERSION = "2026-07-28"
# Seconds one whole server session may take, from start to exit.
SESSION_TIMEOUT_SECS = 60
# Seconds one request may wait for its response.
REQUEST_TIMEOUT_SECS = 30
# The tool repeated under both protocol eras.
ERA_TOOL = "list_webinars"


@dataclass(frozen=True)
class Server:
    """How to start zoom-webinar-mcp for a check."""

    binary: Path
    workdir: Path
    # Receives the server's stderr (its logs), so failures can point to it.
    stderr_log: TextIO

    def parameters(self, *args: str) -> StdioServerParameters:
        # The SDK passes the server only a safe subset of the environment, so the log level
        # and log folder are set here. The empty working directory keeps any .env file out.
        # Output schemas are opt-in on the server; they are asked for here so that every
        # call's structuredContent is checked against its tool's schema.
        env = {"RUST_LOG": "warn", "ZOOM_LOG_DIR": str(self.workdir / "logs"), "ZOOM_OUTPUT_SCHEMAS": "1"}
        return StdioServerParameters(command=str(self.binary), args=list(args), env=env, cwd=str(self.workdir))


def describe(error: BaseException) -> str:
    """Name an exception and its message, unwrapping the exception groups of task groups."""
    while isinstance(error, BaseExceptionGroup) and len(error.exceptions) == 1:
        error = error.exceptions[0]
    if isinstance(error, CheckFailed):
        return str(error)
    if isinstance(error, TimeoutError) and not str(error):
        return f"timed out: the session did not finish within {SESSION_TIMEOUT_SECS} s"
    return f"{type(error).__name__}: {error}"


def tool_result_json(result: types.CallToolResult) -> dict[str, Any]:
    """Return a tools/call result as the JSON object the server sent (camelCase keys)."""
    return result.model_dump(mode="json", by_alias=True, exclude_none=True)


async def list_all_tools(list_page) -> dict[str, types.Tool]:
    """Follow tools/list pages; `list_page(cursor)` returns one ListToolsResult."""
    tools: dict[str, types.Tool] = {}
    cursor = None
    while True:
        page = await list_page(cursor)
        for tool in page.tools:
            tools[tool.name] = tool
        cursor = page.next_cursor
        if cursor is None:
            return tools


async def call_and_validate(call_tool, tools: dict[str, types.Tool], tool: str, arguments: dict[str, Any]) -> dict[str, Any]:
    """Call a tool and check its result against the listed outputSchema; return the structured content."""
    if tool not in tools:
        raise CheckFailed(f"{tool} is not in tools/list")
    result = await call_tool(tool, arguments)
    return validate_structured_content(tool, tools[tool].output_schema, tool_result_json(result))


def toolset_names_from_help(binary: Path) -> list[str]:
    """Read the toolset names from the Toolsets section of `zoom-webinar-mcp --help`."""
    output = subprocess.run([str(binary), "--help"], capture_output=True, text=True, check=True, timeout=30).stdout
    names: list[str] = []
    in_section = False
    for line in output.splitlines():
        if line.startswith("Toolsets"):
            in_section = True
            continue
        if in_section:
            match = re.match(r"^\s+\*?\s*([a-z_]+)\s{2,}\S", line)
            if not match:
                break
            names.append(match.group(1))
    return names


async def check_toolset_table(report: Report, server: Server) -> None:
    """Check that the call table has one tool per toolset, and that each tool is in its toolset."""
    name = "sdk: call table covers every toolset"
    try:
        listed = toolset_names_from_help(server.binary)
    except (OSError, subprocess.SubprocessError) as error:
        report.fail(name, f"could not run {server.binary} --help: {describe(error)}")
        return
    covered = [call.toolset for call in TOOLSET_CALLS]
    if not listed:
        report.fail(name, "found no toolsets in the Toolsets section of --help")
        return
    if sorted(listed) != sorted(covered):
        report.fail(name, f"--help lists {sorted(listed)}, the call table covers {sorted(covered)}; update toolset_calls.py")
        return
    report.ok(name, f"{len(listed)} toolsets")

    for call in TOOLSET_CALLS:
        name = f"sdk: {call.tool} belongs to toolset {call.toolset}"
        try:
            with anyio.fail_after(SESSION_TIMEOUT_SECS):
                transport = stdio_client(server.parameters("--sandbox", "--toolsets", call.toolset), errlog=server.stderr_log)
                async with Client(transport, read_timeout_seconds=REQUEST_TIMEOUT_SECS) as client:
                    tools = await list_all_tools(lambda cursor: client.list_tools(cursor=cursor))
        except Exception as error:  # noqa: BLE001 - any failure is reported, then the next check runs
            report.fail(name, describe(error))
            continue
        if call.tool in tools:
            report.ok(name, f"{len(tools)} tools with --toolsets {call.toolset}")
        else:
            report.fail(name, f"--toolsets {call.toolset} lists {sorted(tools)}, not {call.tool}")


async def check_discovery_era(report: Report, server: Server) -> None:
    """Run every check under the discovery-based era: one call per toolset and every resource."""
    stage = "sdk: discovery-era session"
    try:
        # The deadline wraps the whole session: the client's task group must close inside it.
        with anyio.fail_after(SESSION_TIMEOUT_SECS):
            transport = stdio_client(server.parameters("--sandbox", "--toolsets", "all"), errlog=server.stderr_log)
            async with Client(transport, mode="auto", read_timeout_seconds=REQUEST_TIMEOUT_SECS) as client:
                stage = "sdk: discovery era negotiated"
                if client.protocol_version != DISCOVERY_ERA_VERSION or client.session.discover_result is None:
                    raise CheckFailed(
                        f"expected {DISCOVERY_ERA_VERSION} through server/discover, got {client.protocol_version} "
                        f"(discover result {'present' if client.session.discover_result else 'missing'})"
                    )
                report.ok(stage, client.protocol_version)

                stage = "sdk: tools/list"
                tools = await list_all_tools(lambda cursor: client.list_tools(cursor=cursor))
                report.ok(stage, f"{len(tools)} tools")

                stage = f"sdk: {ERA_TOOL} under {DISCOVERY_ERA_VERSION}"
                content = await call_and_validate(client.call_tool, tools, ERA_TOOL, {})
                report.ok(stage, f"{len(content.get('webinars', []))} webinars")

                stage = "sdk: discovery-era session"
                for call in TOOLSET_CALLS:
                    await check_toolset_call(report, client, tools, call)
                await check_resources(report, client)
    except Exception as error:  # noqa: BLE001 - any failure is reported, then the next check runs
        report.fail(stage, describe(error))


async def check_toolset_call(report: Report, client: Client, tools: dict[str, types.Tool], call) -> None:
    name = f"sdk: {call.toolset}: {call.tool}"
    try:
        content = await call_and_validate(client.call_tool, tools, call.tool, call.arguments)
    except Exception as error:  # noqa: BLE001
        report.fail(name, describe(error))
        return
    if call.check(content):
        report.ok(name, "valid structuredContent")
    else:
        report.fail(name, f"expected {call.expectation}; got {json.dumps(content)[:300]}")


async def check_resources(report: Report, client: Client) -> None:
    """Read every resource from resources/list and check that each returns JSON text."""
    name = "sdk: resources/list"
    try:
        resources = []
        cursor = None
        while True:
            page = await client.list_resources(cursor=cursor)
            resources.extend(page.resources)
            cursor = page.next_cursor
            if cursor is None:
                break
    except Exception as error:  # noqa: BLE001
        report.fail(name, describe(error))
        return
    if not resources:
        report.fail(name, "the server lists no resources")
        return
    report.ok(name, ", ".join(str(resource.uri) for resource in resources))

    for resource in resources:
        uri = str(resource.uri)
        name = f"sdk: resources/read {uri}"
        try:
            check_resource_contents(uri, await client.read_resource(uri))
        except Exception as error:  # noqa: BLE001
            report.fail(name, describe(error))
            continue
        report.ok(name)


def check_resource_contents(uri: str, result: types.ReadResourceResult) -> None:
    if not result.contents:
        raise CheckFailed(f"{uri} returned no contents")
    for contents in result.contents:
        if str(contents.uri) != uri:
            raise CheckFailed(f"contents for {uri} name another uri: {contents.uri}")
        text = getattr(contents, "text", None)
        if text is None:
            raise CheckFailed(f"{uri} returned no text contents")
        body = json.loads(text)
        # The users resource reports a failed Zoom request as {"error": ...} in its body.
        if isinstance(body, dict) and set(body) == {"error"}:
            raise CheckFailed(f"{uri} reports an error: {body['error']}")


async def check_handshake_era(report: Report, server: Server) -> None:
    """Repeat the era tool call over the initialize handshake (ClientSession.initialize)."""
    stage = "sdk: handshake-era session"
    try:
        with anyio.fail_after(SESSION_TIMEOUT_SECS):
            async with stdio_client(server.parameters("--sandbox", "--toolsets", "all"), errlog=server.stderr_log) as (read, write):
                async with ClientSession(read, write, read_timeout_seconds=REQUEST_TIMEOUT_SECS) as session:
                    initialized = await session.initialize()
                    stage = "sdk: handshake era negotiated"
                    if initialized.protocol_version != HANDSHAKE_ERA_VERSION:
                        raise CheckFailed(f"expected {HANDSHAKE_ERA_VERSION} from initialize, got {initialized.protocol_version}")
                    report.ok(stage, f"{initialized.protocol_version}, server {initialized.server_info.name} {initialized.server_info.version}")

                    stage = f"sdk: {ERA_TOOL} under {HANDSHAKE_ERA_VERSION}"
                    tools = await list_all_tools(lambda cursor: session.list_tools(params=types.PaginatedRequestParams(cursor=cursor)))
                    content = await call_and_validate(session.call_tool, tools, ERA_TOOL, {})
                    report.ok(stage, f"{len(content.get('webinars', []))} webinars")
    except Exception as error:  # noqa: BLE001
        report.fail(stage, describe(error))


async def run_sdk_checks(report: Report, server: Server) -> None:
    await check_discovery_era(report, server)
    await check_handshake_era(report, server)
    await check_toolset_table(report, server)
