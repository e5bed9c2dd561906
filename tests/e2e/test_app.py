"""The editor's workflow through the real app window."""

import json
import os
import random
import re
import time
from pathlib import Path

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import check_article, demo_text, launch, record_figure


def import_folder(app, folder, count, what):
    """Imports `folder` through the archive view's typed path; waits for `count` in the summary."""
    app.click("nav-archive")
    field = app.find("import-path")
    field.clear()
    field.send_keys(str(folder))
    app.click("import-button")
    summary = app.find("import-summary", timeout=60)
    app.until(lambda: count in summary.text, what)
    return summary


def load_demo_archive(app):
    app.click("nav-archive")

    def loaded():
        # Found afresh at every poll: the view re-renders when the archive's counts arrive.
        try:
            words = app.find("archive-count").text.strip().split()
        except StaleElementReferenceException:
            return False
        return bool(words) and words[0].isdigit() and int(words[0]) >= 13

    # On a first run the view may re-render between finding the button and the click landing
    # (seen once in a clean-clone run); if the demo is still not loaded and the button is still
    # offered, press it again.
    app.until(lambda: loaded() or app.all("load-demo"), "the archive view offering the demo")
    for attempt in range(3):
        if app.all("load-demo"):
            app.click("load-demo")
        try:
            app.until(loaded, "the demo archive", timeout=10)
            return
        except AssertionError:
            if attempt == 2:
                raise


def test_first_run_offers_the_demo_archive(app):
    app.click("nav-archive")
    assert app.find("empty-archive").is_displayed(), "an empty archive says so"
    load_demo_archive(app)
    agencies = {re.match(r"^\D+", row.text).group(0).strip() for row in app.all("agency-count")}
    assert {"Reuters", "AP", "AFP", "PTI"} <= agencies, agencies
    app.screenshot("archive")


def test_check_a_demo_article(app):
    load_demo_archive(app)
    verdict = check_article(app, demo_text("uncredited-reuters.txt"))
    assert verdict.get_attribute("data-derived") == "wholly"
    assert re.match(r"^\d+%", app.find("coverage").text.strip()), "the share copied is shown"
    cards = app.all("source-card")
    assert len(cards) == 1, "one source: version 2 of the summit story"
    assert cards[0].get_attribute("data-credited") == "false"
    assert "Reuters" in cards[0].text
    assert re.match(r"^\d+% sure it is derived", app.find("verdict-confidence").text), "the verdict's confidence is shown"
    evidence = cards[0].find_element(By.CSS_SELECTOR, '[data-testid="evidence"]')
    assert evidence.get_attribute("data-tier") in ("identical", "minor_edits", "paraphrase")
    assert re.search(r"\d+% · (very likely|likely|possibly) copied", evidence.text), f"the match's confidence in words: {evidence.text}"
    evidence.find_element(By.TAG_NAME, "summary").click()
    reasons = evidence.find_elements(By.CSS_SELECTOR, '[data-testid="evidence-reasons"] li')
    app.until(lambda: reasons and all(r.is_displayed() for r in reasons), "why? shows the reasons")
    assert len(app.all("flag")) == 1, "copied without credit is flagged"
    app.screenshot("check")

    app.click("nav-review")
    passages = app.all("passage")
    assert passages, "matched passages are highlighted in the article"
    assert app.all("source-passage"), "and in the source"
    assert passages[0].get_attribute("data-kind") in ("verbatim", "edited", "rewritten")


def test_an_independent_report_lists_the_story_it_shares_facts_with(app):
    load_demo_archive(app)
    verdict = check_article(app, demo_text("independent-wildfire.txt"))
    assert verdict.get_attribute("data-derived") == "none"
    assert not app.all("source-card"), "no source"
    assert not app.all("flag"), "nothing flagged"
    stories = app.all("shared-story")
    assert len(stories) == 1 and "AP" in stories[0].text, "the AP wildfire story is listed as shared"
    assert re.search(r"\d+% of the article shared", stories[0].text)
    stories[0].find_element(By.CSS_SELECTOR, ".shared-passages summary").click()
    shared = stories[0].find_elements(By.CSS_SELECTOR, '[data-testid="shared-passage"]')
    app.until(lambda: shared and all(p.is_displayed() and p.text.strip() for p in shared), "the shared text is shown")
    app.screenshot("shared")


def test_review_navigates_passages_with_the_keyboard(app):
    load_demo_archive(app)
    check_article(app, demo_text("credited-reuters.txt"))
    app.click("nav-review")
    app.find("review-article")
    count = len(app.all("passage"))
    assert count >= 1

    def active():
        return [p.get_attribute("data-index") for p in app.all("passage") if "active" in p.get_attribute("class").split()]

    def active_source():
        return [p.get_attribute("data-index") for p in app.all("source-passage") if "active" in p.get_attribute("class").split()]

    app.keys("n")
    app.until(lambda: active() == ["0"], "n selects the first passage")
    assert active_source() == ["0"], "its counterpart in the source is outlined too"
    app.keys("j")
    second = "1" if count > 1 else "0"
    app.until(lambda: active() == [second], "j moves to the next passage")
    app.keys("k")
    app.until(lambda: active() == ["0"], "k moves back")
    diff = app.find("passage-diff")
    assert diff.text.strip(), "the selected passage's word diff is shown"
    tier = diff.find_element(By.CSS_SELECTOR, '[data-testid="evidence-tier"]')
    assert tier.text in ("identical", "minor edits", "paraphrase"), "the selected passage's tier is shown"
    assert re.search(r"\d+% · \w", diff.find_element(By.CSS_SELECTOR, '[data-testid="evidence-confidence"]').text)
    app.keys(Keys.ESCAPE)
    app.find("verdict")
    assert app.find("verdict").is_displayed(), "Esc goes back to the summary"


def in_view(app, element):
    """Whether an element is inside the visible part of its scrolling pane."""
    return app.js(
        "const e = arguments[0], pane = e.closest('.pane-scroll');"
        "const r = e.getBoundingClientRect(), p = pane.getBoundingClientRect();"
        "return r.bottom > p.top && r.top < p.bottom;",
        element,
    )


def current_changes(app):
    return app.js(
        "return [...document.querySelectorAll('.current-change')]"
        ".map(e => [e.dataset.testid, e.dataset.change, e.closest('[data-testid=review-article]') ? 'article' : 'source']);"
    )


def test_review_marks_every_change_in_place(app):
    # The second press-release copy: lightly edited, paragraphs reordered, its own intro.
    load_demo_archive(app)
    check_article(app, demo_text("press-release-2.txt"))
    app.click("nav-review")
    app.find("review-article")

    # Words the article added or put in place of wire words, inside its passages; wire words it
    # dropped or replaced, inside the story's.
    inserts = app.all("change-insert")
    deletes = app.all("change-delete")
    assert inserts, "added or replacing words are marked in the article"
    assert deletes, "dropped or replaced wire words are marked in the story"
    assert app.js(
        "return [...document.querySelectorAll('[data-testid=change-insert], [data-testid=change-drop-point]')]"
        ".every(e => e.closest('[data-testid=review-article] [data-testid=passage][data-kind=edited]'))"
    ), "article marks lie inside edited passages"
    assert app.js(
        "return [...document.querySelectorAll('[data-testid=change-delete]')]"
        ".every(e => e.closest('[data-testid=review-source] [data-testid=source-passage]'))"
    ), "story marks lie inside the copied passages"
    kinds = {e.get_attribute("data-change-kind") for e in inserts + deletes}
    assert kinds == {"replaced", "added", "dropped"}, kinds
    # Marked in the diff panel's colours.
    colours = app.js(
        "const i = document.querySelector('[data-testid=change-insert]'), d = document.querySelector('[data-testid=change-delete]');"
        "return [getComputedStyle(i).backgroundColor, getComputedStyle(d).backgroundColor];"
    )
    assert colours == ["rgb(225, 245, 232)", "rgb(253, 231, 228)"], colours
    # Regression: this WebKit drops a text-decoration shorthand holding a colour, which left
    # dropped words unstruck (and edited and rewritten passages without their underline).
    lines = app.js(
        "const line = (s) => getComputedStyle(document.querySelector(s)).textDecorationLine;"
        "return [line('[data-testid=change-delete][data-change-kind=dropped]'), line('[data-testid=change-insert][data-change-kind=added]'),"
        " line('[data-testid=passage][data-kind=edited]')];"
    )
    assert lines == ["line-through", "underline", "underline"], lines

    # The change list agrees with the marks.
    summary = app.find("change-summary").text.strip()
    m = re.fullmatch(r"(\d+) changes?: (\d+) replaced, (\d+) added, (\d+) dropped", summary)
    assert m, summary
    total, replaced, added, dropped = map(int, m.groups())
    assert total == replaced + added + dropped and total >= 3, summary
    distinct = lambda testid: len({e.get_attribute("data-change") for e in app.all(testid)})  # noqa: E731
    assert distinct("change-insert") == replaced + added, summary
    assert distinct("change-delete") == replaced + dropped, summary
    assert distinct("change-drop-point") == dropped, summary

    # Next and previous change by key: the current change moves, its passage is selected, and
    # both panes show it.
    app.keys(".")
    app.until(lambda: current_changes(app), ". makes the first change current")
    first = current_changes(app)
    first_id = first[0][1]
    assert app.find("change-counter").text.startswith("1 of "), app.find("change-counter").text
    app.keys(".")
    app.until(lambda: current_changes(app) and current_changes(app)[0][1] != first_id, ". moves to the next change")
    second = current_changes(app)
    for testid, _, side in second:
        assert testid in ("change-insert", "change-delete", "change-drop-point")
    marks = [e for e in app.driver.find_elements(By.CSS_SELECTOR, ".current-change")]
    assert marks and all(in_view(app, e) for e in marks), "both panes scroll to the current change"
    active = app.driver.find_elements(By.CSS_SELECTOR, '[data-testid="passage"].active')
    assert active and any(e.get_attribute("data-change") == second[0][1] for e in active[0].find_elements(By.CSS_SELECTOR, "[data-change]")), \
        "the change's passage is selected"
    # The diff panel shows the selected passage, with the current change's words in it.
    panel = app.find("passage-diff")
    panel_words = {e.text for e in panel.find_elements(By.CSS_SELECTOR, "ins, del")}
    assert {e.text for e in marks if e.text} <= panel_words, (panel_words, [e.text for e in marks])
    app.keys(",")
    app.until(lambda: current_changes(app) == first, ", goes back to the first change")
    assert app.find("change-counter").text.startswith("1 of ")

    # Text that matched nothing is set apart on both sides: the article's own intro, the parts
    # of the release it cut.
    article_own = app.driver.find_elements(By.CSS_SELECTOR, '[data-testid="review-article"] [data-testid="unmatched"]')
    story_unused = app.driver.find_elements(By.CSS_SELECTOR, '[data-testid="review-source"] [data-testid="unmatched"]')
    assert article_own and story_unused, "unmatched text is marked in both panes"
    backgrounds = app.js(
        "const u = document.querySelector('[data-testid=unmatched]');"
        "const p = document.querySelector('[data-testid=passage][data-kind=verbatim], [data-testid=passage]');"
        "return [getComputedStyle(u).backgroundColor, getComputedStyle(p).backgroundColor, getComputedStyle(u).color];"
    )
    assert backgrounds[0] not in ("rgba(0, 0, 0, 0)", backgrounds[1]), backgrounds
    # Numbered on both sides; the article tells the release out of order, so the story's
    # numbers are out of order too.
    assert app.all("passage")[0].get_attribute("data-n") == "1"
    story_numbers = [int(n) for e in app.all("source-passage") if e.get_attribute("data-n") for n in e.get_attribute("data-n").split(",")]
    assert sorted(story_numbers) == list(range(1, len(app.all("passage")) + 1)), story_numbers
    assert story_numbers != sorted(story_numbers), f"the reordering shows: {story_numbers}"
    numbers = app.js(
        "return [...document.querySelectorAll('[data-testid=passage][data-n], [data-testid=source-passage][data-n]')]"
        ".slice(0, 4).map(e => getComputedStyle(e, '::before').content);"
    )
    assert numbers and all(re.fullmatch(r'"[\d,]+"', n) for n in numbers), f"passage numbers are drawn at their start: {numbers}"
    app.screenshot("review")


def test_review_panes_scroll_together(archive_path):
    app = launch(archive_path)
    try:
        load_demo_archive(app)
        check_article(app, demo_text("credited-reuters.txt"))
        app.click("nav-review")
        app.find("review-article")
        toggle = app.find("sync-scroll")
        if toggle.get_attribute("aria-pressed") != "true":
            toggle.click()
        panes = app.driver.find_elements(By.CSS_SELECTOR, ".pane-scroll")
        article_pane, source_pane = panes[0], panes[1]
        room = app.js("return [arguments[0].scrollHeight - arguments[0].clientHeight, arguments[1].scrollHeight - arguments[1].clientHeight]", article_pane, source_pane)
        assert room[0] > 100 and room[1] > 100, f"both texts are longer than their panes: {room}"
        time.sleep(0.4)

        def scroll(pane, top):
            app.js("arguments[0].scrollTop = arguments[1]", pane, top)

        def source_top():
            return app.js("return arguments[0].scrollTop", source_pane)

        before = source_top()
        scroll(article_pane, room[0] * 0.7)
        app.until(lambda: abs(source_top() - before) > 50, "the story follows the article")
        # The passage on the article's reading line has its counterpart in view in the story.
        index = app.js(
            "const pane = arguments[0], line = pane.getBoundingClientRect().top + pane.clientHeight / 3;"
            "const hit = [...pane.querySelectorAll('[data-testid=passage]')].find(e => { const r = e.getBoundingClientRect(); return r.top <= line && r.bottom >= line; });"
            "return hit ? hit.dataset.index : null;",
            article_pane,
        )
        if index is not None:
            counterpart = app.driver.find_element(By.CSS_SELECTOR, f'[data-testid="source-passage"][data-index="{index}"], [data-testid="source-passage"][data-covers~="{index}"]')
            assert in_view(app, counterpart), f"passage {index}'s counterpart is in view"
        # And the other way round.
        article_before = app.js("return arguments[0].scrollTop", article_pane)
        scroll(source_pane, 0)
        app.until(lambda: abs(app.js("return arguments[0].scrollTop", article_pane) - article_before) > 50, "the article follows the story")

        # Off: the story stays where it is; remembered after a restart.
        toggle.click()
        assert toggle.get_attribute("aria-pressed") == "false"
        still = source_top()
        scroll(article_pane, room[0] * 0.5)
        time.sleep(0.5)
        assert abs(source_top() - still) <= 1, "with sync off, the story does not move"
    finally:
        app.quit()
    app = launch(archive_path)
    try:
        load_demo_archive(app)
        check_article(app, demo_text("credited-reuters.txt"))
        app.click("nav-review")
        toggle = app.find("sync-scroll")
        assert toggle.get_attribute("aria-pressed") == "false", "the toggle is remembered"
        toggle.click()  # back on, for whoever runs next
        assert toggle.get_attribute("aria-pressed") == "true"
    finally:
        app.quit()


def test_import_a_folder_shows_progress_and_the_result(app, tmp_path):
    folder = tmp_path / "wires"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "Harbour ferry timetable changes\n\nSTAVANGER (Reuters) - The harbour ferry will run every "
        "twenty minutes from June, the operator said on Monday, after a year of complaints.\n"
    )
    (folder / "two.txt").write_text(
        "Museum reopens after roof repair\n\nLYON (AFP) - The city's textile museum reopened on "
        "Saturday after a two-year repair of its glass roof, officials said.\n"
    )
    (folder / "scan.jpg").write_bytes(bytes([0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0, 1, 2, 3]))
    import_folder(app, folder, "2", "the import summary")
    progress = app.find("import-progress")
    assert progress.get_attribute("value") == progress.get_attribute("max"), "the bar is full at the end"
    skipped = app.all("import-skipped")
    assert len(skipped) == 1 and "scan.jpg" in skipped[0].text, "the binary file is skipped with a reason"
    count = app.find("archive-count")
    app.until(lambda: count.text.split()[0] == "2", "the archive counts the new stories")


def test_remove_old_stories_counts_first_then_prunes_and_compacts(app):
    load_demo_archive(app)
    before = app.find("prune-before")
    # A date field's picker differs between engines; the value is what the form reads.
    app.js("arguments[0].value = '2026-05-10';", before)
    app.js("arguments[0].value = 'Reuters';", app.find("prune-agency"))
    app.click("prune-count")
    text = app.find("prune-count-text").text
    assert "Remove 1 Reuters story published before 2026-05-10" in text, text
    assert "13 will remain" in text, text
    app.click("prune-confirm-yes")
    status = app.find("prune-status")
    app.until(lambda: "smaller" in status.text, "the prune and the compaction to end", timeout=30)
    assert "Removed 1 story; 13 remain." in status.text, status.text
    count = app.find("archive-count")
    app.until(lambda: count.text.split()[0] == "13", "the counts to follow")


def test_a_decision_survives_a_restart(archive_path):
    app = launch(archive_path)
    try:
        load_demo_archive(app)
        check_article(app, demo_text("wrong-agency.txt"))
        assert app.all("flag"), "credit to the wrong agency is flagged"
        app.click("flag-confirm")
        reason = app.find("decision-reason")
        if reason.tag_name == "select":
            reason.find_elements("css selector", "option")[1].click()
        else:
            reason.send_keys("Copied without credit")
        app.find("decision-note").send_keys("The credit names Reuters; the copy is AFP's.")
        app.click("decision-save")
        status = app.find("decision-status")
        app.until(lambda: "onfirm" in status.text, "the decision is shown")
    finally:
        app.quit()

    app = launch(archive_path)
    try:
        app.click("nav-history")
        items = app.all("history-item") or [app.find("history-item")]
        items[0].click()
        status = app.find("decision-status")
        app.until(lambda: "onfirm" in status.text, "the decision is still there after a restart")
    finally:
        app.quit()


def test_a_hostile_paste_stays_inert_text(app):
    load_demo_archive(app)
    hostile = (
        "Council agrees budget\n\n<script>window.__pwned = 1</script>\n"
        '<img src=x onerror="window.__pwned = 2">\n'
        '<a href="javascript:window.__pwned=3">link</a>\n'
        "The council agreed its budget on Tuesday after a long debate about road repairs and "
        "library opening hours, officials said.\n"
    )
    check_article(app, hostile)
    app.click("nav-review")
    article = app.find("review-article")
    assert app.js("return window.__pwned === undefined"), "nothing in the paste ran"
    assert not article.find_elements("css selector", "script, img, a[href]"), "no markup was rendered"
    assert "library opening hours" in article.text, "the article's text is shown"


def test_a_hostile_stored_story_stays_inert_text(app, tmp_path):
    """A wire story whose text carries markup (a feed that was never escaped) is stored and
    shown as text: no script runs, no element is created, huge attributes do no harm."""
    huge = "x" * 200_000
    body = (
        "BERGEN (Reuters) - The harbour authority approved a new ferry terminal on Monday after "
        "two years of planning, officials said, and work will start in the autumn.\n\n"
        "<script>window.__pwned = 'stored-script'</script> The terminal will have six berths "
        "and a covered waiting hall for up to 900 passengers, the authority said.\n\n"
        '<img src=x onerror="window.__pwned = \'stored-img\'"> Construction is expected to '
        "cost 480 million crowns and take three years, according to the plan.\n\n"
        '<a href="javascript:window.__pwned=\'stored-link\'" title="' + huge + '">details</a> '
        "Local residents had asked for more parking near the quay during the consultation.\n"
    )
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "feed.jsonl").write_text(json.dumps(
        {"agency": "Reuters", "headline": "<b onmouseover=alert(1)>Ferry terminal</b>", "body": body}
    ) + "\n")
    import_folder(app, folder, "1", "the hostile story is imported")
    article = body.replace("BERGEN (Reuters) - ", "").replace(huge, "")
    check_article(app, article)
    app.click("nav-review")
    pane = app.find("review-source")
    app.until(lambda: "six berths" in pane.text, "the stored story is shown")
    assert "<script>" in pane.text, "the markup is shown as text"
    assert app.js("return window.__pwned === undefined"), "nothing in the stored story ran"
    review = app.find("review-article")
    for root in (pane, review):
        assert not root.find_elements("css selector", "script, img, a[href], b"), "no markup was rendered"


def test_the_app_makes_no_network_requests(app):
    """After a session's work, neither the app nor WebKit's processes opened a connection off
    the machine, and a request to the network from the page is refused by the content
    security policy."""
    load_demo_archive(app)
    check_article(app, demo_text("uncredited-reuters.txt"))
    app.click("nav-review")
    app.find("review-article")
    app.click("nav-archive")
    app.find("archive-count")
    # run.sh starts every app under strace: its connect() calls, and those of WebKit's web and
    # network processes, are in WIRECHECK_E2E_NET_TRACE.
    trace_dir = Path(os.environ["WIRECHECK_E2E_NET_TRACE"])
    calls = [
        line
        for trace in trace_dir.glob("connect.*")
        for line in trace.read_text(errors="replace").splitlines()
        if "connect(" in line
    ]
    assert calls, f"the trace in {trace_dir} recorded the app's connections (X server, D-Bus)"
    outside = [
        line
        for line in calls
        if ("AF_INET" in line and 'inet_addr("127.' not in line)
        and not ("AF_INET6" in line and 'inet_pton(AF_INET6, "::1"' in line)
    ]
    assert not outside, f"connections left the machine: {outside}"
    blocked = app.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch('http://example.com/ping').then(() => done('sent'), (e) => done('refused: ' + e));"
    )
    assert blocked.startswith("refused"), f"a network request was not refused: {blocked}"


def test_export_the_html_report(app, tmp_path):
    load_demo_archive(app)
    check_article(app, demo_text("uncredited-reuters.txt"))
    target = tmp_path / "report.html"
    app.js("window.__wirecheckTest = { savePath: arguments[0] };", str(target))
    app.click("export-html")
    status = app.find("export-status")
    app.until(lambda: "report.html" in status.text, "the saved path is shown")
    html = target.read_text(encoding="utf-8")
    assert 'class="hl' in html, "the report highlights the passages"
    assert "<script" not in html
    assert "Reuters" in html


def synthetic_case(words=5000, passages=200, seed=7):
    """A fictional wire story of 200 paragraphs and an article copying each of them between
    fresh sentences: 200 separate passages in a 5,000-word article."""
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ren", "dar", "sol", "vek", "tan", "bri", "ost", "pel", "nur"]

    def word():
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3)))

    # Fresh runs longer than the alignment's gap bridging, so every copied paragraph stays a
    # passage of its own.
    copied_len = 12
    fresh_len = (words - passages * copied_len) // passages
    story, article = [], []
    for _ in range(passages):
        paragraph = " ".join(word() for _ in range(copied_len)) + "."
        story.append(paragraph)
        article.append(paragraph)
        article.append(" ".join(word() for _ in range(fresh_len)) + ".")
    return "Synthetic wire story\n\n" + "\n\n".join(story) + "\n", "\n\n".join(article) + "\n"


def test_review_render_time_of_a_long_article(app, tmp_path):
    story, article = synthetic_case()
    folder = tmp_path / "synthetic"
    folder.mkdir()
    (folder / "story.txt").write_text(story)
    import_folder(app, folder, "1", "the synthetic story is imported")
    check_article(app, article)
    # Regression: scrolling the long result into view took the whole page with it, the top
    # bar left the window and the next click on it was lost. Only the view scrolls.
    time.sleep(1)  # the smooth scroll to the result ends
    page = app.js(
        "const b = document.querySelector('.topbar').getBoundingClientRect();"
        "return [document.scrollingElement.scrollTop, b.top];"
    )
    assert page == [0, 0], f"the page itself never scrolls, the top bar stays in view: {page}"
    app.click("nav-review")
    app.find("review-article")
    passages = app.js("return document.querySelectorAll('[data-testid=\"passage\"]').length")
    ms = app.js("return window.__wirecheckPerf && window.__wirecheckPerf.lastReviewRenderMs")
    record_figure("review_render_ms_5000_words", {"ms": ms, "passages": passages, "parts": app.js("return window.__wirecheckPerf.parts")})
    assert ms is not None, "the UI reports its review render time"
    assert passages >= 150, f"the synthetic article has about 200 passages, found {passages}"


# A fictional wire story and an article that copies most of it without credit.
FERRY_WIRE = (
    "Island ferry to run all night from June\n\n"
    "KIRKWALL, April 14 (Reuters) - The ferry between Kirkwall and the island of Vessa will run "
    "through the night from the first of June, the islands council said on Tuesday, after "
    "fishermen and hospital staff asked for a late crossing for more than two years.\n\n"
    "The council will pay for two extra crews out of a fund for rural transport, and the last "
    "boat of the day will leave Kirkwall at half past two in the morning instead of ten in the "
    "evening, transport officer Maren Thule said.\n\n"
    "Ticket prices will not change, and the night crossings will be reviewed after one year."
)
FERRY_ARTICLE = (
    "Late ferry for Vessa at last\n\n"
    "The ferry between Kirkwall and the island of Vessa will run through the night from the "
    "first of June, the islands council said on Tuesday, after fishermen and hospital staff "
    "asked for a late crossing for more than two years.\n\n"
    "The council will pay for two extra crews out of a fund for rural transport, and the last "
    "boat of the day will leave Kirkwall at 2.30am instead of 10pm, transport officer Maren "
    "Thule said.\n\n"
    "Residents we spoke to on the quay were delighted."
)


def fill(app, testid, text):
    """Sets a text area or field as a paste would, and lets the UI see an input event."""
    el = app.find(testid)
    app.js(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        el,
        text,
    )
    return el


def text_of(app, testid):
    """The text of an element read in the page (views re-render; a found element may be gone)."""
    return app.js(f"return document.querySelector('[data-testid=\"{testid}\"]')?.textContent || ''")


def click_where(app, testid, pick, what):
    """Clicks the first element of `testid` that `pick(element)` accepts, scrolled into view;
    found again when the view re-renders under it (a list arriving twice)."""
    for attempt in range(5):
        try:
            element = next(e for e in app.all(testid) if pick(e))
            app.js("arguments[0].scrollIntoView({block: 'center'})", element)
            element.click()
            return
        except (StaleElementReferenceException, StopIteration):
            if attempt == 4:
                raise AssertionError(f"cannot click {what}")
            time.sleep(0.2)


def ctrl_enter(app, element):
    element.click()
    ActionChains(app.driver).key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(Keys.CONTROL).perform()


def test_compare_two_pasted_texts_add_the_story_and_a_check_finds_it(app):
    ActionChains(app.driver).key_down(Keys.ALT).send_keys("6").key_up(Keys.ALT).perform()
    app.until(lambda: app.find("nav-compare").get_attribute("aria-current") == "page", "Alt+6 opens Compare")
    fill(app, "compare-article", FERRY_ARTICLE)
    story = fill(app, "compare-story", FERRY_WIRE)
    ctrl_enter(app, story)
    verdict = app.find("verdict", timeout=60)
    app.until(lambda: verdict.get_attribute("data-derived") == "wholly", "the verdict of the comparison")
    cards = app.all("source-card")
    assert len(cards) == 1, "the story given is the only source"
    assert "Reuters" in cards[0].text, "the agency is read from the story's dateline"
    assert cards[0].get_attribute("data-credited") == "false"
    assert len(app.all("flag")) == 1, "copied without credit is flagged"
    assert "Comparison #" in app.find("check-meta").text, "saved, as a comparison"
    assert app.all("export-html") and app.all("flag-confirm"), "exports and decisions, as on a check"
    assert app.find("compare-add-story").is_displayed()
    # The result was scrolled into view: back to the top, to show the texts and the verdict.
    app.js("for (const el of [document.scrollingElement, ...document.querySelectorAll('*')]) if (el && el.scrollTop) el.scrollTop = 0;")
    time.sleep(0.5)
    app.screenshot("compare")

    app.click("nav-review")
    passages = app.all("passage") or [app.find("passage")]
    assert passages, "the copied passages are marked in the article"
    assert any(p.get_attribute("data-kind") == "edited" for p in passages), "the times were edited"
    source = app.find("review-source")
    assert "half past two in the morning" in source.text, "the wire story is shown beside it"
    app.keys(Keys.ESCAPE)
    app.find("compare-add-story")

    app.click("compare-add-story")
    app.until(lambda: "Added to the archive as story #" in text_of(app, "compare-add-status"), "the story is stored")
    story_id = re.search(r"#(\d+)", text_of(app, "compare-add-status")).group(1)

    verdict = check_article(app, FERRY_ARTICLE)
    assert verdict.get_attribute("data-derived") == "wholly", "a check of the article now finds the story"
    assert [c.get_attribute("data-source-id") for c in app.all("source-card")] == [story_id]

    app.click("nav-history")
    app.until(lambda: len(app.all("history-item")) == 2, "the check and the comparison in History")
    kinds = [i.get_attribute("data-kind") for i in app.all("history-item")]
    assert kinds == ["check", "comparison"], kinds
    # Empty the compare areas, to see the reopened comparison fill them.
    app.click("nav-compare")
    fill(app, "compare-article", "")
    fill(app, "compare-story", "")
    app.click("nav-history")
    app.until(lambda: len(app.all("history-item")) == 2, "the history again")
    click_where(app, "history-item", lambda e: e.get_attribute("data-kind") == "comparison", "the comparison")
    app.until(lambda: app.find("nav-compare").get_attribute("aria-current") == "page", "a comparison reopens in Compare")
    app.find("verdict")
    app.until(lambda: "Vessa" in app.find("compare-article").get_attribute("value"), "with its article")
    assert "half past two" in app.find("compare-story").get_attribute("value"), "and its wire story"
    app.click("compare-add-story")
    app.until(
        lambda: f"Already in the archive as story #{story_id}" in text_of(app, "compare-add-status"),
        "the duplicate rule is said",
    )


def test_compare_a_check_result_with_another_stored_story(app):
    load_demo_archive(app)
    check_article(app, demo_text("uncredited-reuters.txt"))
    checked = app.find("source-card").get_attribute("data-source-id")
    app.keys("/")
    box = app.find("compare-with-search")
    app.until(lambda: app.js("return document.activeElement === arguments[0]", box), "/ goes to the search box")
    box.send_keys("denuclearization", Keys.ENTER)
    app.until(lambda: len(app.all("compare-with-result")) >= 2, "both versions of the summit story are listed")
    other_id = next(
        r.get_attribute("data-story-id") for r in app.all("compare-with-result") if r.get_attribute("data-story-id") != checked
    )
    click_where(app, "compare-with-result", lambda e: e.get_attribute("data-story-id") == other_id, "another story")
    app.until(lambda: app.find("nav-compare").get_attribute("aria-current") == "page", "the comparison opens in Compare")
    verdict = app.find("verdict", timeout=60)
    app.until(lambda: verdict.get_attribute("data-derived") in ("wholly", "partially", "none"), "a verdict")
    assert f"story #{other_id} of the archive" in text_of(app, "compare-stored-story")
    assert not app.all("compare-add-story"), "a stored story is not offered to the archive again"
    assert "denuclearization" in app.find("compare-story").get_attribute("value").lower()

    # From the archive view: the story is put in Compare as the wire story.
    app.click("nav-archive")
    app.keys("/")
    search = app.find("archive-search")
    app.until(lambda: app.js("return document.activeElement === arguments[0]", search), "/ goes to the archive search")
    search.send_keys("Merwehaven", Keys.ENTER)
    app.until(lambda: app.all("search-result"), "the bridge story is found")
    bridge_id = app.all("search-result")[0].get_attribute("data-story-id")
    click_where(app, "search-result", lambda e: e.get_attribute("data-story-id") == bridge_id, "the bridge story")
    app.click("story-compare")
    app.until(lambda: app.find("nav-compare").get_attribute("aria-current") == "page", "Compare opens")
    assert "Merwehaven" in app.find("compare-story").get_attribute("value"), "the story is the wire story"
    assert app.find("compare-stored-note").is_displayed(), "compared as the stored story"
    app.click("compare-button")
    app.until(
        lambda: f"story #{bridge_id} of the archive" in text_of(app, "compare-stored-story"),
        "the comparison with the bridge story",
    )
    app.find("verdict")


def wait_for_watched_import(app, name, what):
    """Waits until the watch log shows `name` imported."""
    app.until(
        lambda: any(
            text.startswith("imported") and name in text for text in watch_texts(app, "watch-event")
        ),
        what,
        timeout=60,
    )


WATCHED_STORY = (
    "Marrowby pier reopens\n\nMARROWBY (AFP) - The north pier reopened on {day} after repairs "
    "to its loading ramp were finished two weeks early, the harbour board said.\n"
)


def watch_texts(app, testid):
    """The texts of the elements (events prefixed with their kind), read at once; an empty list
    when the panel re-rendered under the reading, so that the caller polls again."""
    try:
        return [
            f"{e.get_attribute('data-kind') or ''} {e.text}".strip() for e in app.all(testid)
        ]
    except StaleElementReferenceException:
        return []


def test_a_watched_folder_imports_live_and_is_resumed_after_a_restart(archive_path, tmp_path):
    drop = tmp_path / "wire-drop"
    drop.mkdir()
    app = launch(archive_path)
    try:
        app.click("nav-settings")
        app.js("window.__wirecheckTest = { openPaths: [arguments[0]] };", str(drop))
        app.find("watch-agency").send_keys("AFP")
        app.click("watch-add")
        app.until(
            lambda: any("Watching" in text for text in watch_texts(app, "watch-state")),
            "the folder to be watched",
        )
        (drop / "monday.txt").write_text(WATCHED_STORY.format(day="Monday"))
        wait_for_watched_import(app, "monday.txt", "the live import in the log")
    finally:
        app.quit()

    # Dropped while the app was closed: imported when it starts again.
    (drop / "tuesday.txt").write_text(WATCHED_STORY.format(day="Tuesday"))
    app = launch(archive_path)
    try:
        app.click("nav-settings")
        wait_for_watched_import(app, "tuesday.txt", "the file that arrived while the app was closed")
        folders = watch_texts(app, "watch-folder")
        assert len(folders) == 1 and str(drop) in folders[0], folders
        log = " ".join(watch_texts(app, "watch-event"))
        assert "monday.txt" not in log, f"a file read before is not read again: {log}"
    finally:
        app.quit()
