"""Fixtures for the end-to-end tests: the real app window, through tauri-driver.

Each `launch()` starts the app binary (a new process) on a given archive file, so a test can
quit and relaunch it to check that what it stored survives a restart.
"""

import json
import os
import pathlib
import time

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "screenshots"
FIGURES = ROOT / "target" / "e2e-figures.json"


class App:
    """The app window, addressed by the UI's data-testid contract."""

    def __init__(self, driver):
        self.driver = driver

    def quit(self):
        self.driver.quit()

    def find(self, testid, timeout=15):
        selector = f'[data-testid="{testid}"]'
        try:
            return WebDriverWait(self.driver, timeout).until(
                lambda d: d.find_element(By.CSS_SELECTOR, selector)
            )
        except TimeoutException:
            failures = ROOT / "target" / "e2e-failures"
            failures.mkdir(parents=True, exist_ok=True)
            self.driver.save_screenshot(str(failures / f"missing-{testid}.png"))
            raise AssertionError(f"no element [data-testid={testid!r}] within {timeout}s")

    def all(self, testid):
        return self.driver.find_elements(By.CSS_SELECTOR, f'[data-testid="{testid}"]')

    def click(self, testid):
        # Views re-render when data arrives (the archive's counts, a check's result): an
        # element found a moment ago may have been replaced. Find it again and retry.
        for attempt in range(5):
            try:
                self.find(testid).click()
                return
            except StaleElementReferenceException:
                if attempt == 4:
                    raise
                time.sleep(0.1)

    def until(self, condition, what, timeout=20):
        try:
            return WebDriverWait(self.driver, timeout).until(lambda d: condition())
        except TimeoutException:
            raise AssertionError(f"timed out waiting for {what}")

    def keys(self, *keys):
        ActionChains(self.driver).send_keys(*keys).perform()

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def paste(self, text):
        """Puts text into the paste area as a user's paste would (typing 5,000 words through
        WebDriver would take minutes), and lets the UI see an input event."""
        area = self.find("paste")
        self.js(
            "arguments[0].value = arguments[1];"
            "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
            area,
            text,
        )
        return area

    def screenshot(self, name):
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(SHOTS / f"{name}.png"))


def launch(db, application=None):
    """Starts the app on archive `db`: the built app, or the binary `application` (the
    installed package's, for test_package.py)."""
    options = ArgOptions()
    options.set_capability("browserName", "wry")
    options.set_capability(
        "tauri:options",
        {"application": application or os.environ["WIRECHECK_APP"], "args": ["--db", str(db)]},
    )
    port = os.environ.get("WIRECHECK_E2E_PORT", "4444")
    driver = webdriver.Remote(command_executor=f"http://127.0.0.1:{port}", options=options)
    driver.set_window_size(1280, 800)
    app = App(driver)
    app.find("nav-check", timeout=30)  # the UI has loaded
    return app


@pytest.fixture
def archive_path(tmp_path):
    return tmp_path / "archive.sqlite"


@pytest.fixture
def app(archive_path):
    app = launch(archive_path)
    yield app
    app.quit()


def record_figure(name, value):
    """Keeps measured figures (not assertions) for the closing report."""
    FIGURES.parent.mkdir(parents=True, exist_ok=True)
    figures = json.loads(FIGURES.read_text()) if FIGURES.exists() else {}
    figures[name] = value
    FIGURES.write_text(json.dumps(figures, indent=2))
    print(f"figure {name}: {value}")


def wait_for_result(app):
    """Waits for a check to finish and returns the verdict element."""
    verdict = app.find("verdict", timeout=60)
    app.until(lambda: verdict.get_attribute("data-derived") in ("wholly", "partially", "none"), "a verdict")
    return verdict


def demo_text(name):
    return (ROOT / "demo" / "articles" / name).read_text(encoding="utf-8")


def check_article(app, text):
    app.click("nav-check")
    app.paste(text)
    app.click("check-button")
    time.sleep(0.2)
    return wait_for_result(app)
