"""The Audit view through the real app window: a small fictional folder audited, its progress,
its rows and flagged count, a row opened in the review, the overview exported; then a table of
10,000 rows, to measure how the view copes; and the index.html the audit wrote."""

import json

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import SHOTS, demo_text, record_figure
from test_app import load_demo_archive


def fictional_site(root):
    """An uncredited copy, a credited copy, independent coverage, a binary file, an empty page
    (the demo's fictional articles)."""
    site = root / "site"
    site.mkdir()
    (site / "copy.txt").write_text(demo_text("uncredited-reuters.txt"), encoding="utf-8")
    (site / "credited.txt").write_text(demo_text("credited-reuters.txt"), encoding="utf-8")
    (site / "own.txt").write_text(demo_text("independent-wildfire.txt"), encoding="utf-8")
    (site / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x00\x00")
    (site / "empty.html").write_text("<html><body> </body></html>", encoding="utf-8")
    return site


def alt_7(app):
    ActionChains(app.driver).key_down(Keys.ALT).send_keys("7").key_up(Keys.ALT).perform()


def rows(app):
    return {r.get_attribute("data-name"): r for r in app.all("audit-row")}


def test_audit_a_folder_open_a_row_and_export(app, tmp_path):
    load_demo_archive(app)
    site = fictional_site(tmp_path)
    alt_7(app)
    app.find("audit-start")
    # The native folder dialog, answered by the test hook.
    app.js("window.__wirecheckTest = { openPaths: [arguments[0]] };", str(site))
    app.click("audit-choose")
    plan = app.find("audit-plan")
    out = tmp_path / "site-audit"
    app.until(lambda: str(out) in plan.text, "the output folder beside the input")

    app.click("audit-start")
    progress = app.find("audit-progress")
    app.until(lambda: progress.get_attribute("data-stage") == "done", "the audit to finish", timeout=120)
    label = app.find("audit-progress-label").text
    assert label.startswith("Finished. This run checked 3, 2 could not be checked"), label

    found = rows(app)
    assert sorted(found) == ["site/copy.txt", "site/credited.txt", "site/empty.html", "site/own.txt", "site/photo.jpg"]
    flagged = sorted(name for name, r in found.items() if r.get_attribute("data-flagged") == "true")
    assert flagged == ["site/copy.txt"], "only the uncredited copy is flagged"
    assert found["site/own.txt"].get_attribute("data-derived") == "none"
    assert "binary" in found["site/photo.jpg"].get_attribute("textContent")
    assert "empty" in found["site/empty.html"].get_attribute("textContent")
    totals = app.find("audit-totals").text
    assert totals.startswith("5 articles · 1 flagged"), totals
    assert "2 could not be checked" in totals
    app.js("document.activeElement && document.activeElement.blur()")
    app.screenshot("audit-view")

    # Flagged only.
    app.click("audit-flagged-only")
    app.until(lambda: list(rows(app)) == ["site/copy.txt"], "the flagged-only filter")
    app.click("audit-flagged-only")

    # Export the overview the CLI writes.
    sent = tmp_path / "sent"
    app.js("window.__wirecheckTest = { openPaths: [arguments[0]] };", str(sent))
    app.click("audit-export")
    status = app.find("audit-export-status")
    app.until(lambda: "Exported" in status.text, "the export")
    assert "1 report" in status.text, status.text
    index = (sent / "index.html").read_text(encoding="utf-8")
    assert "1 flagged" in index
    assert len((sent / "summary.csv").read_text(encoding="utf-8").splitlines()) == 6
    assert len(list((sent / "reports").glob("*.html"))) == 1

    # A row opens in the review.
    copy = rows(app)["site/copy.txt"]
    copy.find_element("css selector", '[data-testid="audit-open"]').click()
    app.find("review-article")
    app.until(lambda: app.all("passage"), "the copied passages highlighted in the review")
    assert app.all("source-passage"), "and in the source"

    # Back to the audit; then a folder of 10,000 results (synthetic rows, not reports), to
    # measure the table in the real webview.
    alt_7(app)
    big = tmp_path / "big-audit"
    big.mkdir()
    with (big / "results.jsonl").open("w", encoding="utf-8") as f:
        for n in range(10_000):
            flagged_row = n % 7 == 0
            line = {
                "id": f"site-{n % 4}/article-{n:05}.html",
                "url": f"https://site-{n % 4}.example/{n}",
                "published": f"2026-05-{n % 28 + 1:02}",
                "input": f"/crawl/{n}.html",
                "content_hash": str(n),
                "derived": "wholly" if flagged_row else "none",
                "coverage": (n % 100) / 100 if flagged_row else 0.0,
                "flags": [{}] if flagged_row else [],
                "sources": [{"id": n, "agency": ["Reuters", "AP", "AFP"][n % 3], "headline": f"Story {n}", "credited": False}] if flagged_row else [],
            }
            f.write(json.dumps(line) + "\n")
    app.driver.set_script_timeout(60)
    ms = app.driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const out = document.querySelector('[data-testid="audit-out"]');
        const t0 = performance.now();
        out.value = arguments[0];
        out.dispatchEvent(new Event('change'));
        (function wait() {
          const shown = document.querySelector('[data-testid="audit-shown"]').textContent;
          if (shown.startsWith('10,000 of 10,000')) done(performance.now() - t0);
          else setTimeout(wait, 5);
        })();
        """,
        str(big),
    )
    table = app.js(
        """
        const sort = document.querySelector('[data-testid="audit-sort-coverage"] button');
        let t = performance.now();
        sort.click();
        const sortMs = performance.now() - t;
        const scroll = document.querySelector('[data-testid="audit-scroll"]');
        t = performance.now();
        scroll.scrollTop = 5000 * 28;
        scroll.dispatchEvent(new Event('scroll'));
        const scrollMs = performance.now() - t;
        const flagged = document.querySelector('[data-testid="audit-flagged-only"]');
        t = performance.now();
        flagged.click();
        const filterMs = performance.now() - t;
        const row = document.querySelector('[data-testid="audit-row"]');
        return { sortMs, scrollMs, filterMs, drawn: document.querySelectorAll('[data-testid="audit-row"]').length,
                 rowHeight: row ? row.getBoundingClientRect().height : null,
                 shown: document.querySelector('[data-testid="audit-shown"]').textContent };
        """
    )
    assert table["drawn"] < 80, f"only the rows in view are in the document: {table}"
    assert table["shown"].startswith("1,429 of 10,000"), table
    record_figure("audit_view_10000_rows", {"load_ms": ms, **table})

    # The index.html the audit wrote, in the same window (the last step: it leaves the app).
    app.driver.get((out / "index.html").as_uri())
    app.until(lambda: "Wirecheck audit" in app.driver.title, "index.html to load")
    assert "5 articles" in app.driver.title and "1 flagged" in app.driver.title
    # From the counts by agency down, so that the articles' table is in the picture.
    app.js("document.querySelectorAll('h2')[1].scrollIntoView()")
    app.driver.save_screenshot(str(SHOTS / "audit-index.png"))
