// The check view: paste an article, check it, read the summary of the result.

import type { App, View } from "../app";
import { hideMessage, isComparison, messageArea, showMessage } from "../app";
import type { DemoArticle } from "../bindings";
import * as cmd from "../commands";
import { h, replace } from "../dom";
import { errorText, toAppError } from "../errors";
import { onCheckProgress } from "../events";
import { focusCompareWith } from "./compare-with";
import { renderSummary } from "./summary";

const STAGES: Record<string, string> = {
  checking: "Comparing with the archive…",
  saving: "Saving to the history…",
  done: "Done",
};

export function createCheckView(app: App): View {
  const paste = h("textarea", {
    id: "paste",
    class: "paste",
    "data-testid": "paste",
    spellcheck: "false",
    placeholder: "Paste the article here (plain text or copied from a web page).",
    "aria-describedby": "paste-hint",
  });
  const date = h("input", { id: "published-before", type: "date", "data-testid": "published-before" });
  const button = h("button", { type: "button", class: "primary", "data-testid": "check-button" }, "Check");
  const progressLabel = h("span", { class: "progress-label" }, "");
  const progress = h(
    "div",
    { class: "check-progress", "data-testid": "check-progress", role: "status", "aria-live": "polite", hidden: true },
    h("progress", { "aria-label": "Checking" }),
    progressLabel,
  );
  const error = messageArea("check-error", "alert");
  const demo = h(
    "select",
    { id: "demo-select", "data-testid": "demo-select", "aria-label": "Try a demo article" },
    h("option", { value: "" }, "Try a demo article…"),
  );
  const summary = h("section", { class: "summary", "aria-label": "Result" });
  let demos: DemoArticle[] = [];
  let busy = false;
  /** The check this view ran; a result opened from the history refills the paste area. */
  let ownCheckId: number | null = null;

  const form = h(
    "section",
    { class: "check-form", "aria-label": "Article to check" },
    h("div", { class: "field-row" }, h("label", { for: "paste", class: "label" }, "Article"), demo),
    paste,
    h(
      "div",
      { class: "check-actions" },
      h(
        "label",
        { class: "inline-field", for: "published-before" },
        h("span", null, "Only stories published before"),
        date,
      ),
      h("span", { id: "paste-hint", class: "hint" }, "Ctrl+Enter to check"),
      progress,
      button,
    ),
    error,
  );
  const el = h("div", { class: "check-view" }, form, summary);

  function setBusy(on: boolean, stage = "checking"): void {
    busy = on;
    button.disabled = on;
    paste.setAttribute("aria-busy", String(on));
    progress.hidden = !on;
    progressLabel.textContent = STAGES[stage] ?? stage;
  }

  async function runCheck(): Promise<void> {
    if (busy) return;
    hideMessage(error);
    const text = paste.value;
    if (text.trim() === "") {
      showMessage(error, "error", "Paste an article first: the text is empty.");
      paste.focus();
      return;
    }
    setBusy(true);
    const unlisten = await onCheckProgress((p) => {
      if (busy) progressLabel.textContent = STAGES[p.stage] ?? p.stage;
    });
    try {
      // An empty archive cannot match anything: say so rather than report "not derived".
      const overview = await cmd.archiveOverview().catch(() => null);
      if (overview && overview.stories === 0) {
        showEmptyArchive();
        return;
      }
      const result = await cmd.checkArticle({ text, publishedBefore: date.value === "" ? null : date.value });
      ownCheckId = result.check.id;
      app.setResult(result);
      summary.scrollIntoView?.({ block: "start", behavior: "smooth" });
    } catch (e) {
      const err = toAppError(e);
      showMessage(error, "error", errorText(err));
    } finally {
      unlisten();
      setBusy(false);
    }
  }

  function showEmptyArchive(): void {
    const load = h("button", { type: "button", "data-testid": "load-demo" }, "Load the demo archive");
    const goArchive = h("button", { type: "button", onclick: () => app.go("archive") }, "Go to Archive");
    load.addEventListener("click", async () => {
      load.disabled = true;
      try {
        const s = await cmd.loadDemo();
        showMessage(error, "ok", `Loaded the demo archive (${s.imported} stories). Check the article again.`);
      } catch (e) {
        showMessage(error, "error", errorText(e));
      }
    });
    showMessage(
      error,
      "error",
      h("p", null, "The archive has no stories yet, so there is nothing to compare with."),
      h("div", { class: "actions" }, load, goArchive),
    );
  }

  pasteHtmlAsText(paste);
  // Ctrl+Enter (Cmd+Enter) checks from anywhere in the form: the paste area or the date.
  form.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void runCheck();
    }
  });
  button.addEventListener("click", () => void runCheck());
  demo.addEventListener("change", () => {
    const chosen = demos.find((d) => d.name === demo.value);
    if (chosen) {
      paste.value = chosen.text;
      hideMessage(error);
    }
  });

  function renderResult(): void {
    if (!app.result) {
      replace(summary);
      return;
    }
    // A comparison belongs to the compare view (the review's "Summary" link may bring it here).
    if (isComparison(app.result)) {
      replace(
        summary,
        h(
          "p",
          { class: "muted" },
          "The result shown is a comparison with one wire story. ",
          h("button", { type: "button", class: "link", "data-testid": "open-in-compare", onclick: () => app.go("compare") }, "Open it in Compare"),
        ),
      );
      return;
    }
    if (app.result.check.id !== ownCheckId) {
      ownCheckId = app.result.check.id;
      paste.value = app.result.report.text;
    }
    replace(summary, renderSummary(app));
  }
  app.onResult(renderResult);

  let demosLoaded = false;
  return {
    el,
    show() {
      renderResult();
      if (!demosLoaded) {
        demosLoaded = true;
        cmd
          .demoArticles()
          .then((list) => {
            demos = list;
            for (const d of list) demo.appendChild(h("option", { value: d.name }, d.name));
          })
          .catch(() => {
            demosLoaded = false;
          });
      }
      if (!app.result) paste.focus();
    },
    onKey(e) {
      // "/" goes to the "Compare with…" search under the result.
      if (e.key === "/" && !e.ctrlKey && !e.altKey && !e.metaKey) return focusCompareWith(el);
      return false;
    },
  };
}

/** Text copied from a web page is pasted as the text Rust reads from its HTML flavour. */
export function pasteHtmlAsText(area: HTMLTextAreaElement): void {
  area.addEventListener("paste", async (e: ClipboardEvent) => {
    const html = e.clipboardData?.getData("text/html");
    if (!html) return;
    e.preventDefault();
    const plain = e.clipboardData?.getData("text/plain") ?? "";
    const start = area.selectionStart;
    const end = area.selectionEnd;
    let text = plain;
    try {
      text = await cmd.htmlToText(html);
    } catch {
      // Keep the plain-text flavour when the HTML cannot be reduced.
    }
    area.setRangeText(text, start, end, "end");
    area.dispatchEvent(new Event("input"));
  });
}
