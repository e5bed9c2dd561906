#!/usr/bin/env bash
# Builds the Debian package of Wirecheck: the desktop app (/usr/bin/wirecheck-app, with its
# desktop entry and icons) and the `wirecheck` CLI (/usr/bin/wirecheck), with Tauri's bundler
# (the prebuilt `@tauri-apps/cli` from ui/'s devDependencies). Installs what the build needs
# first, as run.sh and test.sh do (scripts/setup.sh; `npm ci` of ui/ when its tools are
# missing); the bundler itself downloads nothing, and nothing in the package does.
#
# Usage: scripts/package.sh            a release build (what users install; slow on 2 cores)
#        scripts/package.sh --debug    from the debug build `cargo test` already made (CI)
# Prints the path of the .deb on its last line. Install it with
#   sudo apt-get install ./Wirecheck_<version>_amd64.deb
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

profile=release
cargo_flags=(--release)
bundle_flags=()
case "${1:-}" in
    "") ;;
    --debug) profile=debug; cargo_flags=(); bundle_flags=(--debug) ;;
    *) echo "usage: scripts/package.sh [--debug]" >&2; exit 2 ;;
esac

# The app embeds ui/dist when it compiles. Rebuilt only when its sources are newer: a rebuild
# rewrites ui/dist, and the app is then compiled again even if nothing changed.
[ -x ui/node_modules/.bin/tauri ] || (cd ui && npm ci --no-audit --no-fund)
if [ ! -f ui/dist/index.html ] ||
    [ -n "$(find ui/src ui/index.html ui/package.json ui/package-lock.json ui/vite.config.* \
        -newer ui/dist/index.html -print -quit 2>/dev/null)" ]; then
    (cd ui && npm run build >/dev/null)
fi
cargo build --locked "${cargo_flags[@]}" -p wirecheck-app -p wirecheck

# CARGO_TARGET_DIR may move the target folder; the bundler finds the app there itself, the CLI
# is mapped into the package by absolute path.
target=$(cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
cli="$target/$profile/wirecheck"
[ -x "$cli" ] || { echo "package: $cli was not built" >&2; exit 2; }
rm -rf "$target/$profile/bundle/deb"
config=$(printf '{"bundle": {"active": true, "linux": {"deb": {"files": {"/usr/bin/wirecheck": "%s"}}}}}' "$cli")
(cd src-tauri && ../ui/node_modules/.bin/tauri bundle --ci "${bundle_flags[@]}" --bundles deb --config "$config" >&2)

deb=$(ls "$target/$profile/bundle/deb/"*.deb)
echo "$deb"
