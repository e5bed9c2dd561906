#!/usr/bin/env bash
# Installs what is needed, builds Wirecheck, loads the fictional demo archive on first run and
# checks the demo articles against it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
cargo build --release --locked --bin wirecheck
exec target/release/wirecheck demo "$@"
