"""Shared fixtures: the fictional republication corpus and the CLI binary, whose JSON output
the module's must equal."""

import pathlib

import pytest

from wirecheck_paths import FIXTURES, wirecheck_bin


@pytest.fixture(scope="session")
def cli() -> str:
    return wirecheck_bin()


@pytest.fixture(scope="session")
def fixtures() -> pathlib.Path:
    return FIXTURES


@pytest.fixture()
def archive_path(tmp_path: pathlib.Path) -> pathlib.Path:
    return tmp_path / "archive.sqlite"
