// The compare view: an article and the one wire story it may come from, pasted side by side,
// compared without the archive; the result is shown like a check's, and is not saved.

import type { App, View } from "../app";
import { hideMessage, messageArea, showMessage } from "../app";
import * as cmd from "../commands";
import { h, replace } from "../dom";
import { errorText } from "../errors";
import { pasteHtmlAsText } from "./check";
import { renderSummary } from "./summary";

export function createCompareView(app: App): View {
  const article = h("textarea", {
    id: "compare-article",
    class: "paste compare-paste",
    "data-testid": "compare-article",
    spellcheck: "false",
    placeholder: "Paste the article here (plain text or copied from a web page).",
  });
  const story = h("textarea", {
    id: "compare-story",
    class: "paste compare-paste",
    "data-testid": "compare-story",
    spellcheck: "false",
    placeholder: "Paste the wire story here (plain text, HTML, NITF or NewsML).",
  });
  const agency = h("input", {
    id: "compare-agency",
    type: "text",
    "data-testid": "compare-agency",
    placeholder: "Read from the story",
    maxlength: "100",
  });
  const swap = h("button", { type: "button", "data-testid": "compare-swap", title: "Swap the article and the wire story" }, "Swap");
  const button = h("button", { type: "button", class: "primary", "data-testid": "compare-button" }, "Compare");
  const error = messageArea("compare-error", "alert");
  const summary = h("section", { class: "summary", "aria-label": "Result" });
  /** The comparison this view ran: only its result is shown here. */
  let own: unknown = null;
  let busy = false;

  const form = h(
    "section",
    { class: "check-form", "aria-label": "Texts to compare" },
    h(
      "div",
      { class: "compare-columns" },
      h("div", { class: "compare-column" }, h("div", { class: "field-row" }, h("label", { for: "compare-article", class: "label" }, "Article")), article),
      h(
        "div",
        { class: "compare-column" },
        h(
          "div",
          { class: "field-row" },
          h("label", { for: "compare-story", class: "label" }, "Wire story"),
          h("label", { class: "inline-field", for: "compare-agency" }, h("span", null, "Agency"), agency),
        ),
        story,
      ),
    ),
    h("div", { class: "check-actions" }, h("span", { class: "hint" }, "Ctrl+Enter to compare · nothing is saved"), swap, button),
    error,
  );
  const el = h("div", { class: "check-view compare-view" }, form, summary);

  function setBusy(on: boolean): void {
    busy = on;
    button.disabled = on;
    swap.disabled = on;
    form.setAttribute("aria-busy", String(on));
    button.textContent = on ? "Comparing…" : "Compare";
  }

  async function runCompare(): Promise<void> {
    if (busy) return;
    hideMessage(error);
    for (const [area, what] of [
      [article, "the article"],
      [story, "the wire story"],
    ] as const) {
      if (area.value.trim() === "") {
        showMessage(error, "error", `Paste ${what} first: the text is empty.`);
        area.focus();
        return;
      }
    }
    setBusy(true);
    try {
      const settings = await cmd.getSettings().catch(() => null);
      const name = agency.value.trim();
      const result = await cmd.compareTexts({
        article: article.value,
        source: story.value,
        agency: name === "" ? null : name,
        preset: settings?.preset ?? "standard",
      });
      own = result;
      app.setResult(result);
      summary.scrollIntoView?.({ block: "start", behavior: "smooth" });
    } catch (e) {
      showMessage(error, "error", errorText(e));
    } finally {
      setBusy(false);
    }
  }

  pasteHtmlAsText(article);
  pasteHtmlAsText(story);
  swap.addEventListener("click", () => {
    [article.value, story.value] = [story.value, article.value];
    hideMessage(error);
  });
  form.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void runCompare();
    }
  });
  button.addEventListener("click", () => void runCompare());

  function renderResult(): void {
    if (app.result && app.result === own) replace(summary, renderSummary(app));
    else replace(summary);
  }
  app.onResult(renderResult);

  return {
    el,
    show() {
      renderResult();
      if (!app.result || app.result !== own) article.focus();
    },
  };
}
