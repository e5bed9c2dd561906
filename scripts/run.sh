#!/usr/bin/env bash
# Installs what is needed, builds the Wirecheck desktop app, loads the fictional demo archive
# into an empty archive on first run, and starts the app.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

(cd ui && npm ci --no-audit --no-fund && npm run build)
cargo build --release --locked -p wirecheck -p wirecheck-app

# First run: an empty archive gets the demo stories, so there is something to check against.
target/release/wirecheck demo --load-only --if-empty

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "run: no display; starting the app on a virtual display (Xvfb :99)" >&2
    Xvfb :99 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    export DISPLAY=:99
    sleep 1
fi
exec target/release/wirecheck-app
