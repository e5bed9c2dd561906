#!/usr/bin/env bash
# Installs what is needed and runs every check CI runs: the UI's type check, tests and build;
# rustfmt; clippy; all Rust tests; the Python module's and the Spark job's tests; the Debian
# package; then the end-to-end tests of the real app window, and of the installed package.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
set -x

# The UI first: the app embeds ui/dist when it compiles.
(cd ui && npm ci --no-audit --no-fund && npm run check && npm test && npm run build)

cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings
# Also builds target/debug/wirecheck-app (src-tauri has an integration test), which the
# end-to-end tests drive.
cargo test --workspace --locked
# The Python module (built with maturin into target/py-venv) and the Spark job, with pytest.
scripts/python-tests.sh
# The Debian package, from that debug build (a release build would take many minutes more on
# CI's two cores; users build theirs with scripts/package.sh). The end-to-end run installs it
# and launches the installed app once.
deb=$(scripts/package.sh --debug | tail -n 1)
WIRECHECK_E2E_PACKAGE="$deb" tests/e2e/run.sh
