#!/usr/bin/env bash
# Check zoom-webinar-mcp against the MCP Inspector CLI and the Python MCP SDK
# on the sandbox. Installs both clients at pinned versions next to this
# script (a Python venv from requirements.txt, node_modules from
# package-lock.json with `npm ci`), builds the debug binary unless
# ZOOM_MCP_BIN names one, then runs interop.py. Needs python3 (3.10 or newer),
# node and npm, and the PyPI and npm registries for the first install.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$here/.venv"

for tool in python3 node npm; do
    if ! command -v "$tool" >/dev/null; then
        echo "interop: $tool not found on PATH; install Python 3.10+ and Node.js with npm, then run this script again" >&2
        exit 1
    fi
done

file_hash() {
    sha256sum "$1" | cut -d' ' -f1
}

# Python MCP SDK. The venv is rebuilt when requirements.txt changes.
requirements_hash="$(file_hash "$here/requirements.txt")"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.requirements.sha256" 2>/dev/null)" != "$requirements_hash" ]; then
    echo "== interop: installing the Python MCP SDK into scripts/interop/.venv"
    rm -rf "$venv"
    if ! python3 -m venv "$venv"; then
        echo "interop: 'python3 -m venv' failed; on Debian install the python3-venv package, then run this script again" >&2
        exit 1
    fi
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
    echo "$requirements_hash" >"$venv/.requirements.sha256"
fi
"$venv/bin/python" -c 'import importlib.metadata as m; print("== interop: Python", __import__("sys").version.split()[0], "with mcp", m.version("mcp"))'

# MCP Inspector CLI. `npm ci` installs exactly package-lock.json, and it
# runs again when the lock file changes.
lock_hash="$(file_hash "$here/package-lock.json")"
if [ ! -x "$here/node_modules/.bin/mcp-inspector" ] || [ "$(cat "$here/node_modules/.package-lock.sha256" 2>/dev/null)" != "$lock_hash" ]; then
    echo "== interop: installing the MCP Inspector CLI into scripts/interop/node_modules"
    # --loglevel=error hides npm's EBADENGINE warnings on Node older than the
    # Inspector's declared minimum, so the line below states both versions.
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$lock_hash" >"$here/node_modules/.package-lock.sha256"
fi
inspector="$here/node_modules/.bin/mcp-inspector"
# NOTE: Inspector 2.12.0 declares node >=22.19.0. This machine and CI have
# Node 20.20, on which every Inspector command used here works, but that
# Node version is outside the Inspector's declared support.
echo "== interop: MCP Inspector $("$inspector" --version) on Node $(node --version) (the Inspector declares node >=22.19.0)"

# The server binary: the one given, else the debug build (a no-op after
# `cargo test`, which builds it too).
if [ -n "${ZOOM_MCP_BIN:-}" ]; then
    binary="$ZOOM_MCP_BIN"
else
    (cd "$root" && cargo build --locked --quiet --bin zoom-webinar-mcp)
    target_dir="$(cd "$root" && cargo metadata --format-version 1 --no-deps --locked |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
    binary="$target_dir/debug/zoom-webinar-mcp"
fi
echo "== interop: server $binary"

exec "$venv/bin/python" "$here/interop.py" "$binary" "$inspector"
