"""Check zoom-webinar-mcp against two third-party MCP clients, on the sandbox.

Usage: interop.py BINARY INSPECTOR

BINARY is the zoom-webinar-mcp executable and INSPECTOR the MCP Inspector's
`mcp-inspector` launcher. run.sh installs both clients and calls this script.
Prints one line per check and exits 1 when any check fails.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

import anyio

from inspector_checks import Inspector, run_inspector_checks
from report import Report
from sdk_checks import Server, run_sdk_checks


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", type=Path, help="the zoom-webinar-mcp executable")
    parser.add_argument("inspector", type=Path, help="the MCP Inspector launcher (node_modules/.bin/mcp-inspector)")
    return parser.parse_args()


def main() -> int:
    arguments = parse_arguments()
    for path, role in ((arguments.binary, "server binary"), (arguments.inspector, "Inspector launcher")):
        if not path.is_file():
            print(f"interop: the {role} {path} does not exist; run scripts/interop/run.sh, which builds and installs it", file=sys.stderr)
            return 2

    report = Report()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="zoom-mcp-interop-") as workdir_name:
        workdir = Path(workdir_name)
        stderr_path = workdir / "server-stderr.log"
        with stderr_path.open("w") as stderr_log:
            run_inspector_checks(report, Inspector(arguments.inspector.resolve(), arguments.binary.resolve(), workdir))
            anyio.run(run_sdk_checks, report, Server(arguments.binary.resolve(), workdir, stderr_log))
        if report.failures:
            server_stderr = stderr_path.read_text(errors="replace").strip()
            if server_stderr:
                print("\nServer stderr (Python SDK sessions), last 40 lines:", file=sys.stderr)
                print("\n".join(server_stderr.splitlines()[-40:]), file=sys.stderr)
    print(f"interop: checks took {time.monotonic() - started:.1f} s")
    return report.summary()


if __name__ == "__main__":
    sys.exit(main())
