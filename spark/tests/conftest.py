"""The Spark job's tests use the module tests' paths (the fixtures, the CLI binary)."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "crates" / "wirecheck-py" / "tests"))
