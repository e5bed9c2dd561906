#!/usr/bin/env bash
# Builds the `wirecheck` Python module (crates/wirecheck-py) with maturin into a virtual
# environment under target/ and runs its pytest tests and the Spark job's. Run by test.sh after
# the Rust tests, so the CLI the tests compare with is built and the module's Rust dependencies
# are compiled already (the module's debug build reuses them).
# Usage: scripts/python-tests.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
target="${CARGO_TARGET_DIR:-$root/target}"

venv="$root/target/py-venv"
requirements=crates/wirecheck-py/requirements-test.txt
# Reinstalled only when the pinned requirements change.
if ! cmp -s "$requirements" "$venv/.requirements" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$venv/.requirements"
fi

cargo build --locked --bin wirecheck
# A debug build (as `cargo test` makes), installed into the venv as a wheel would be.
VIRTUAL_ENV="$venv" "$venv/bin/maturin" develop --quiet --locked -m crates/wirecheck-py/Cargo.toml

export WIRECHECK_BIN="$target/debug/wirecheck"
# The Spark job runs through the venv's spark-submit, its Python workers on the venv's Python.
export PATH="$venv/bin:$PATH"
"$venv/bin/pytest" -q crates/wirecheck-py/tests spark/tests "$@"
