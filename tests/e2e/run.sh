#!/usr/bin/env bash
# End-to-end tests of the real app window: the built app under Xvfb, driven through
# tauri-driver and WebKitWebDriver with Selenium. Screenshots go to docs/screenshots/.
# Usage: tests/e2e/run.sh [pytest args]   (expects target/debug/wirecheck-app built with ui/dist)
# With WIRECHECK_E2E_PACKAGE=path/to/Wirecheck_*.deb (scripts/test.sh sets it, from
# scripts/package.sh --debug) the package is installed first (as root, or with sudo) and
# test_package.py launches the installed app; without it, those tests fail and say so.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
. scripts/as-root.sh

app="${WIRECHECK_APP:-$root/target/debug/wirecheck-app}"
[ -x "$app" ] || { echo "e2e: $app is not built (cargo build -p wirecheck-app)" >&2; exit 2; }

if ! command -v tauri-driver >/dev/null 2>&1; then
    cargo install tauri-driver --locked
fi
venv="$root/target/e2e-venv"
if [ ! -x "$venv/bin/pytest" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/e2e/requirements.txt
fi

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
    # Another display and port pair lets two worktrees run their e2e tests at once.
    display="${WIRECHECK_E2E_DISPLAY:-:99}"
    Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    pids+=($!)
    export DISPLAY="$display"
fi
port="${WIRECHECK_E2E_PORT:-4444}"
tauri-driver --port "$port" --native-port "$((port + 1))" >"$root/target/e2e-tauri-driver.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do
    (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.2
done

# Every launch of the app runs under strace, recording the connect() calls of the app and of
# WebKit's processes, so test_the_app_makes_no_network_requests can check where they went.
trace_dir="$root/target/e2e-network"
rm -rf "$trace_dir"
mkdir -p "$trace_dir"
# traced WRAPPER BINARY: writes a script WRAPPER that runs BINARY so.
traced() {
    cat >"$1" <<TRACED
#!/bin/sh
exec strace -f --seccomp-bpf -qq -e trace=connect -e signal=none -o "$trace_dir/connect.\$\$" "$2" "\$@"
TRACED
    chmod +x "$1"
}
traced "$root/target/e2e-traced-app" "$app"

if [ -n "${WIRECHECK_E2E_PACKAGE:-}" ]; then
    deb=$(realpath "$WIRECHECK_E2E_PACKAGE")
    # apt-get resolves the package's dependencies (WebKitGTK, GTK) from what is installed.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        --reinstall "$deb" >"$root/target/e2e-package-install.log" 2>&1 ||
        { cat "$root/target/e2e-package-install.log" >&2; exit 1; }
    traced "$root/target/e2e-traced-installed-app" /usr/bin/wirecheck-app
    export WIRECHECK_INSTALLED_APP="$root/target/e2e-traced-installed-app"
fi

export WIRECHECK_APP="$root/target/e2e-traced-app" WIRECHECK_E2E_PORT="$port" WIRECHECK_E2E_NET_TRACE="$trace_dir"
"$venv/bin/pytest" -q tests/e2e "$@"
