"""The Debian package built by scripts/package.sh, installed by run.sh: its app starts from
/usr/bin under the same driver and offers the demo archive on a first run, and its CLI is on
the PATH."""

import os
import shutil
import subprocess
import tomllib
from pathlib import Path

from conftest import ROOT, launch

VERSION = tomllib.loads((ROOT / "Cargo.toml").read_text())["workspace"]["package"]["version"]


def installed_app():
    app = os.environ.get("WIRECHECK_INSTALLED_APP")
    assert app, (
        "no package was installed: run scripts/test.sh, or give run.sh the .deb of "
        "scripts/package.sh --debug as WIRECHECK_E2E_PACKAGE"
    )
    return app


def test_the_installed_app_starts_and_offers_the_demo_archive(tmp_path):
    app_path = installed_app()
    status = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status} ${Version}", "wirecheck"],
        capture_output=True, text=True, check=True,
    ).stdout
    assert status == f"install ok installed {VERSION}", status
    files = subprocess.run(["dpkg", "-L", "wirecheck"], capture_output=True, text=True, check=True).stdout.split()
    for path in ("/usr/bin/wirecheck-app", "/usr/bin/wirecheck", "/usr/share/applications/Wirecheck.desktop"):
        assert path in files, f"{path} is in the package: {files}"
    assert any(f.startswith("/usr/share/icons/hicolor/") and f.endswith("/wirecheck-app.png") for f in files), files
    entry = Path("/usr/share/applications/Wirecheck.desktop").read_text()
    assert "Exec=wirecheck-app" in entry and "Icon=wirecheck-app" in entry, entry

    app = launch(tmp_path / "first-run.sqlite", application=app_path)
    try:
        app.click("nav-archive")
        assert app.find("empty-archive").is_displayed(), "a first run says the archive is empty"
        assert app.find("load-demo").is_displayed(), "and offers the demo archive"
    finally:
        app.quit()


def test_the_installed_cli_is_on_the_path():
    installed_app()
    assert shutil.which("wirecheck") == "/usr/bin/wirecheck", shutil.which("wirecheck")
    run = subprocess.run(["wirecheck", "--version"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"wirecheck {VERSION}", run.stdout
