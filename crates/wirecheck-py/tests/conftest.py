"""Shared fixtures: the fictional republication corpus imported into a fresh archive, and the
CLI binary, whose JSON output the module's must equal."""

import os
import pathlib
import shutil

import pytest

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


@pytest.fixture(scope="session")
def cli() -> str:
    return wirecheck_bin()


@pytest.fixture(scope="session")
def fixtures() -> pathlib.Path:
    return FIXTURES


@pytest.fixture()
def archive_path(tmp_path: pathlib.Path) -> pathlib.Path:
    return tmp_path / "archive.sqlite"
