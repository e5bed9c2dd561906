# Runs a command as root: directly when root already, else through sudo. Sourced by setup.sh
# and tests/e2e/run.sh.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "need root for: $*; and sudo is not available" >&2
        exit 1
    fi
}
