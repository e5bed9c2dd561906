// "Compare with…": a search box over the archive under a result; picking a story compares the
// result's article with it ("did they use this one?"), even a story the check did not propose.

import type { App } from "../app";
import { hideMessage, messageArea, showMessage } from "../app";
import type { StorySummary } from "../bindings";
import * as cmd from "../commands";
import { h, replace } from "../dom";
import { errorText } from "../errors";
import { agencyName, snippetParts, when } from "../format";

/** Most stories listed under the search box. */
const LISTED = 20;

export function renderCompareWith(app: App, article: string): HTMLElement {
  const search = h("input", {
    id: "compare-with-search",
    type: "search",
    "data-testid": "compare-with-search",
    placeholder: "Words of the story, a name… (press / to search; empty lists the newest)",
    "aria-describedby": "compare-with-hint",
    maxlength: 500,
  });
  const results = h("ol", { class: "results compare-with-results", "aria-label": "Stored stories" });
  const status = messageArea("compare-with-error", "alert");
  let busy = false;

  const form = h(
    "form",
    { class: "search-form", role: "search" },
    h("label", { for: "compare-with-search", class: "visually-hidden" }, "Search the archive for a story to compare with"),
    search,
    h("button", { type: "submit", "data-testid": "compare-with-button" }, "Search"),
  );

  function list(stories: StorySummary[], empty: string): void {
    if (stories.length === 0) {
      replace(results, h("li", { class: "muted", "data-testid": "compare-with-empty" }, empty));
      return;
    }
    replace(
      results,
      stories.map((s) =>
        h(
          "li",
          null,
          h(
            "button",
            {
              type: "button",
              class: "result",
              "data-testid": "compare-with-result",
              "data-story-id": s.id,
              title: "Compare the article with this story",
              onclick: () => void compareWith(s.id),
            },
            h("span", { class: "result-head" }, h("strong", null, agencyName(s.agency)), h("span", { class: "muted" }, ` ${when(s.published)} · #${s.id}`)),
            h("span", { class: "result-headline" }, s.headline),
            s.snippet ? h("span", { class: "snippet" }, snippetParts(s.snippet).map((p) => (p.match ? h("mark", null, p.text) : p.text))) : null,
          ),
        ),
      ),
    );
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    hideMessage(status);
    const q = search.value.trim();
    try {
      if (q === "") list(await cmd.listStories(null, LISTED, 0), "The archive has no stories.");
      else list(await cmd.searchStories(q, LISTED), `No stored story matches “${q}”.`);
    } catch (err) {
      showMessage(status, "error", errorText(err));
    }
  });
  search.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      search.value = "";
      replace(results);
      hideMessage(status);
      search.blur();
    }
  });

  async function compareWith(storyId: number): Promise<void> {
    if (busy) return;
    busy = true;
    hideMessage(status);
    showMessage(status, "info", `Comparing with story #${storyId}…`);
    try {
      const result = await cmd.compareStored({ article, storyId, preset: null });
      app.setResult(result);
      app.go("compare");
    } catch (err) {
      showMessage(status, "error", errorText(err));
    } finally {
      busy = false;
    }
  }

  return h(
    "section",
    { class: "compare-with", "aria-label": "Compare with a stored story", "data-testid": "compare-with" },
    h("h2", null, "Compare with…"),
    h(
      "p",
      { id: "compare-with-hint", class: "hint" },
      "Did they use another story? Compare this article with any story of the archive, even one the check did not propose.",
    ),
    form,
    status,
    results,
  );
}

/** Focuses the "Compare with…" search box of the result shown, if there is one (the / key). */
export function focusCompareWith(root: ParentNode): boolean {
  const box = root.querySelector<HTMLInputElement>('[data-testid="compare-with-search"]');
  if (!box) return false;
  box.focus();
  box.select();
  return true;
}
