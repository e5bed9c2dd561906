#!/usr/bin/env bash
# Installs what is needed and runs every check CI runs: formatting, lints, all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
set -x
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked
