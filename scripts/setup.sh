#!/usr/bin/env bash
# Installs what Wirecheck needs to build and test on Debian/Ubuntu: system packages (with sudo
# when not root) and a Rust toolchain when none is on PATH. Safe to run again: it installs only
# what is missing. Sourced by run.sh and test.sh.
set -euo pipefail

# C toolchain for the bundled SQLite; curl/ca-certificates for rustup on a bare machine;
# WebKitGTK and friends for the Tauri desktop app; Xvfb and WebKitWebDriver to run and test the
# app's window without a display; Python's venv for the end-to-end and Python tests, and its
# headers and libpython, which the Python module's cdylib links against when Cargo (not
# maturin) builds it, as `cargo build --workspace` does (`cargo test` and clippy do not link
# it: the crate has no Rust tests); a headless Java runtime for the Spark job's
# test in local mode (Spark 4 runs on Java 17 or newer; Debian 12's default-jre-headless is it).
APT_PACKAGES=(
    build-essential pkg-config curl ca-certificates git file xdg-utils
    libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev librsvg2-dev libayatana-appindicator3-dev
    libxdo-dev libssl-dev
    xvfb xauth webkit2gtk-driver strace
    python3 python3-venv python3-dev
    openjdk-17-jre-headless
)
# Node.js and npm build the web frontend; installed from Debian only when missing.
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(nodejs npm)

# shellcheck source=scripts/as-root.sh
. "$(dirname "${BASH_SOURCE[0]}")/as-root.sh"

install_apt_packages() {
    command -v dpkg-query >/dev/null 2>&1 || { echo "setup: not a Debian/Ubuntu system; install ${APT_PACKAGES[*]} by hand" >&2; return 0; }
    local missing=()
    for pkg in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "setup: installing ${missing[*]}" >&2
        as_root apt-get update -q
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
}

install_rust() {
    if [ -f "$HOME/.cargo/env" ]; then
        # shellcheck disable=SC1091
        . "$HOME/.cargo/env"
    fi
    if ! command -v cargo >/dev/null 2>&1; then
        echo "setup: installing the Rust toolchain with rustup" >&2
        curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component rustfmt,clippy
        # shellcheck disable=SC1091
        . "$HOME/.cargo/env"
    fi
    # rustfmt and clippy are needed by the test command.
    if command -v rustup >/dev/null 2>&1; then
        rustup component add rustfmt clippy >/dev/null 2>&1 || true
    fi
}

install_apt_packages
install_rust
