// The compare view: an article and the one wire story it may come from, side by side (pasted,
// or a stored story put here from the archive or a check), compared with the preset chosen; the
// result is shown like a check's and saved in the history. A pasted story can be added to the
// archive from the result.

import type { App, View } from "../app";
import { hideMessage, isComparison, messageArea, showMessage } from "../app";
import type { CheckResult, Preset, Story } from "../bindings";
import * as cmd from "../commands";
import { addedMessage, compareCall, storyAsText, type StoredDraft } from "../compare-draft";
import { h, replace } from "../dom";
import { errorText } from "../errors";
import { agencyName } from "../format";
import { pasteHtmlAsText } from "./check";
import { focusCompareWith } from "./compare-with";
import { renderSummary } from "./summary";

/** Which area dropped files fill: two files, the article then the story; one file, the area
 *  it was dropped on, else the article while it is empty, else the story. */
export function dropTargets(count: number, on: "article" | "story" | null, articleEmpty: boolean): ("article" | "story")[] {
  if (count >= 2) return ["article", "story"];
  if (count === 0) return [];
  return [on ?? (articleEmpty ? "article" : "story")];
}

export type CompareView = View & {
  /** Fills the areas with dropped files (`on`: the element under the drop). */
  dropFiles(paths: string[], on: Element | null): Promise<void>;
};

export function createCompareView(app: App): CompareView {
  const article = h("textarea", {
    id: "compare-article",
    class: "paste compare-paste",
    "data-testid": "compare-article",
    spellcheck: "false",
    placeholder: "Paste the article here (plain text or copied from a web page), or drop its file.",
  });
  const story = h("textarea", {
    id: "compare-story",
    class: "paste compare-paste",
    "data-testid": "compare-story",
    spellcheck: "false",
    placeholder: "Paste the wire story here (plain text, HTML, NITF or NewsML), drop its file, or pick one in the Archive with “Compare with…”.",
  });
  const agency = h("input", {
    id: "compare-agency",
    type: "text",
    "data-testid": "compare-agency",
    placeholder: "Read from the story",
    maxlength: "100",
  });
  const preset = h(
    "select",
    { id: "compare-preset", "data-testid": "compare-preset", title: "How much copying it takes to report a story as a source" },
    h("option", { value: "strict" }, "Strict"),
    h("option", { value: "standard", selected: true }, "Standard"),
    h("option", { value: "lenient" }, "Lenient"),
  );
  const storedNote = h("div", { class: "hint stored-note", "data-testid": "compare-stored-note", hidden: true });
  const swap = h("button", { type: "button", "data-testid": "compare-swap", title: "Swap the article and the wire story" }, "Swap");
  const button = h("button", { type: "button", class: "primary", "data-testid": "compare-button" }, "Compare");
  const error = messageArea("compare-error", "alert");
  const storyBar = h("div", { class: "compare-story-bar" });
  const summary = h("section", { class: "summary", "aria-label": "Result" });
  /** The stored story in the wire-story area, as it was put there. */
  let stored: StoredDraft | null = null;
  /** The result whose texts the areas hold (run here, or reopened and filled in): a result
   *  opened again, even the same comparison, fills them anew. */
  let filledFrom: CheckResult | null = null;
  /** The preset follows the saved settings until the editor picks one here. */
  let presetChosen = false;
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
        storedNote,
      ),
    ),
    h(
      "div",
      { class: "check-actions" },
      h("label", { class: "inline-field", for: "compare-preset" }, h("span", null, "Sensitivity"), preset),
      h("span", { class: "hint" }, "Ctrl+Enter to compare · saved in History"),
      swap,
      button,
    ),
    error,
  );
  const el = h("div", { class: "check-view compare-view" }, form, storyBar, summary);

  function setBusy(on: boolean): void {
    busy = on;
    button.disabled = on;
    swap.disabled = on;
    form.setAttribute("aria-busy", String(on));
    button.textContent = on ? "Comparing…" : "Compare";
  }

  function draft() {
    return { article: article.value, story: story.value, agency: agency.value, preset: preset.value as Preset };
  }

  /** Says when the wire story is a stored one, compared by its id. */
  function updateNote(): void {
    const call = compareCall(draft(), stored);
    storedNote.hidden = call.kind !== "stored";
    storedNote.textContent =
      call.kind === "stored" && stored ? `Story #${stored.id} of the archive: compared as stored. Edit the text to compare it as pasted.` : "";
  }

  function putStored(s: Story): void {
    story.value = storyAsText(s);
    agency.value = s.agency ?? "";
    stored = { id: s.id, text: story.value, agency: s.agency };
    hideMessage(error);
    updateNote();
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
      const call = compareCall(draft(), stored);
      const result = call.kind === "stored" ? await cmd.compareStored(call.request) : await cmd.compareTexts(call.request);
      filledFrom = result;
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
  story.addEventListener("input", updateNote);
  agency.addEventListener("input", updateNote);
  preset.addEventListener("change", () => {
    presetChosen = true;
  });
  swap.addEventListener("click", () => {
    [article.value, story.value] = [story.value, article.value];
    hideMessage(error);
    updateNote();
  });
  form.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void runCompare();
    }
  });
  button.addEventListener("click", () => void runCompare());

  /** The compared story's place: add a pasted one to the archive, or name the stored one. */
  function renderStoryBar(result: CheckResult): void {
    const s = result.stories[0];
    if (!s) {
      replace(storyBar);
      return;
    }
    if (s.id !== 0) {
      replace(storyBar, h("p", { class: "muted", "data-testid": "compare-stored-story" }, `The wire story is story #${s.id} of the archive (${agencyName(s.agency)}).`));
      return;
    }
    const add = h(
      "button",
      { type: "button", "data-testid": "compare-add-story", title: "Store this wire story in the archive, so later checks find it" },
      `Add this story to the archive (${agencyName(s.agency)})`,
    );
    const status = messageArea("compare-add-status");
    add.addEventListener("click", async () => {
      add.disabled = true;
      try {
        showMessage(status, "ok", addedMessage(await cmd.addComparedStory(result.check.id)));
      } catch (e) {
        add.disabled = false;
        showMessage(status, "error", errorText(e));
      }
    });
    replace(storyBar, h("div", { class: "actions" }, add), status);
  }

  function renderResult(): void {
    const r = app.result;
    if (!r || !isComparison(r)) {
      replace(storyBar);
      replace(summary);
      return;
    }
    if (r !== filledFrom) {
      // A comparison reopened from the history or run from a check's result: its texts.
      filledFrom = r;
      article.value = r.report.text;
      const s = r.stories[0];
      if (s) {
        if (s.id !== 0) putStored(s);
        else {
          story.value = storyAsText(s);
          agency.value = s.agency ?? "";
          stored = null;
          updateNote();
        }
      }
      hideMessage(error);
    }
    renderStoryBar(r);
    replace(summary, renderSummary(app));
  }
  app.onResult(renderResult);

  async function dropFiles(paths: string[], on: Element | null): Promise<void> {
    const column = on?.closest(".compare-column");
    const side = column?.contains(story) ? "story" : column?.contains(article) ? "article" : null;
    const targets = dropTargets(paths.length, side, article.value.trim() === "");
    hideMessage(error);
    if (paths.length > 2) showMessage(error, "info", "Only the first two files were read: the article and the wire story.");
    for (const [i, target] of targets.entries()) {
      const area = target === "article" ? article : story;
      try {
        area.value = await cmd.readDroppedFile(paths[i] as string);
        if (target === "story") {
          stored = null;
          agency.value = "";
          updateNote();
        }
        area.focus();
      } catch (e) {
        showMessage(error, "error", errorText(e));
        return;
      }
    }
  }

  return {
    el,
    dropFiles,
    show() {
      const picked = app.compareStory;
      app.compareStory = null;
      if (picked) {
        putStored(picked);
        // "Did they use this one?" is asked of the article being checked, unless one is pasted here.
        if (article.value.trim() === "" && app.result && !isComparison(app.result)) article.value = app.result.report.text;
      }
      renderResult();
      if (!presetChosen) {
        cmd
          .getSettings()
          .then((s) => {
            if (!presetChosen) preset.value = s.preset;
          })
          .catch(() => {
            // The default preset stays selected.
          });
      }
      if (picked) (article.value.trim() === "" ? article : button).focus();
      else if (!app.result || !isComparison(app.result)) article.focus();
    },
    onKey(e) {
      if (e.key === "/" && !e.ctrlKey && !e.altKey && !e.metaKey) return focusCompareWith(el);
      return false;
    },
  };
}
