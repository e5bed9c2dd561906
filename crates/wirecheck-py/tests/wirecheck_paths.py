"""Where the repository, its fictional fixtures and the CLI built by the test command are;
shared by the module's tests and the Spark job's (spark/tests)."""

import os
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "republication"


def wirecheck_bin() -> str:
    """The CLI built by the test command (WIRECHECK_BIN), else the one in the target dir."""
    given = os.environ.get("WIRECHECK_BIN")
    if given:
        return given
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    found = target / "debug" / "wirecheck"
    if found.is_file():
        return str(found)
    path = shutil.which("wirecheck")
    assert path, "build the CLI first (cargo build --bin wirecheck) or set WIRECHECK_BIN"
    return path
