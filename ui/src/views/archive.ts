// The archive manager: counts by agency, imports (dialog, drag and drop, typed path) with
// progress, full-text search, a reader for one story, removal with an inline confirm, and the
// removal of old stories (prune.ts).

import type { App, View } from "../app";
import { hideMessage, messageArea, showMessage } from "../app";
import type { ArchiveOverview, ImportSummary, Story, StorySummary } from "../bindings";
import * as cmd from "../commands";
import { openDialog } from "../dialogs";
import { h, replace } from "../dom";
import { errorText } from "../errors";
import { onImportProgress } from "../events";
import { agencyName, plural, snippetParts, when } from "../format";
import { createPruneForm } from "./prune";

export type ArchiveView = View & { importPaths(paths: string[]): Promise<void> };

/** The languages Wirecheck reads, as the archive stores them. */
const LANGUAGES: [string, string][] = [
  ["en", "English"],
  ["fr", "French"],
  ["de", "German"],
  ["es", "Spanish"],
  ["pt", "Portuguese"],
  ["it", "Italian"],
];

export function createArchiveView(app: App): ArchiveView {
  // Overview
  const count = h("span", { class: "big-number", "data-testid": "archive-count" }, "…");
  const agencies = h("ul", { class: "agency-list", "aria-label": "Stories by agency" });
  const archivePath = h("div", { class: "muted path" });
  const emptyBox = h("div", { class: "empty-archive", hidden: true });
  const overviewStatus = messageArea("archive-error", "alert");

  // Import
  const pathInput = h("input", {
    id: "import-path",
    type: "text",
    "data-testid": "import-path",
    placeholder: "/path/to/wire/folder or file",
    spellcheck: "false",
  });
  const importButton = h("button", { type: "submit", "data-testid": "import-button" }, "Import");
  const filesButton = h("button", { type: "button" }, "Choose files…");
  const folderButton = h("button", { type: "button" }, "Choose folder…");
  const progress = h("progress", { "data-testid": "import-progress", max: 1, value: 0, "aria-label": "Import progress", hidden: true });
  const progressLabel = h("div", { class: "muted progress-file", "aria-live": "polite" });
  const importSummary = h("div", { class: "import-summary-slot" });
  const importStatus = messageArea("import-error", "alert");
  let importing = false;
  const pruneForm = createPruneForm(() => refresh());

  // Search and reader
  const search = h("input", { id: "archive-search", type: "search", "data-testid": "archive-search", placeholder: "Words, a phrase, a name… (press /)" });
  const results = h("ol", { class: "results", "aria-label": "Stories" });
  const reader = h("section", { class: "reader", "aria-label": "Story" });
  const searchStatus = messageArea("search-error", "alert");

  const importForm = h(
    "form",
    { class: "import-form", "aria-label": "Import" },
    h("h2", null, "Import wire stories"),
    h("p", { class: "hint" }, "Plain text, HTML, NITF, NewsML, JSON Lines and wire files. Drop files or folders anywhere on the window, choose them, or type a path."),
    h("div", { class: "actions" }, filesButton, folderButton),
    h("div", { class: "path-row" }, h("label", { for: "import-path", class: "visually-hidden" }, "Path to import"), pathInput, importButton),
    progress,
    progressLabel,
    importStatus,
    importSummary,
  );
  const language = h(
    "select",
    { id: "archive-language", "data-testid": "archive-language", title: "Only stories in this language" },
    h("option", { value: "" }, "All languages"),
    ...LANGUAGES.map(([code, name]) => h("option", { value: code }, name)),
  );
  /** The language the list and the search are limited to; null for all. */
  const chosenLanguage = (): string | null => language.value || null;
  /** The agency the list shows; kept when the language changes. */
  let browsing: string | null = null;
  const searchForm = h(
    "form",
    { class: "search-form", role: "search" },
    h("label", { for: "archive-search", class: "visually-hidden" }, "Search the archive"),
    search,
    h("label", { for: "archive-language", class: "visually-hidden" }, "Language"),
    language,
    h("button", { type: "submit" }, "Search"),
  );
  const el = h(
    "div",
    { class: "archive-view" },
    h(
      "aside",
      { class: "archive-side" },
      h("h1", null, "Archive"),
      h("div", { class: "archive-total" }, count, " stories"),
      archivePath,
      overviewStatus,
      emptyBox,
      agencies,
      importForm,
      pruneForm.el,
    ),
    h("section", { class: "archive-main", "aria-label": "Stories" }, searchForm, searchStatus, h("div", { class: "archive-split" }, results, reader)),
  );

  function renderOverview(o: ArchiveOverview): void {
    count.textContent = o.stories.toLocaleString("en-GB");
    archivePath.textContent = o.path;
    archivePath.title = o.path;
    pruneForm.setAgencies(o.agencies.map((a) => a.agency));
    replace(
      agencies,
      o.agencies.map((a) =>
        h(
          "li",
          null,
          h(
            "button",
            {
              type: "button",
              class: "agency-count",
              "data-testid": "agency-count",
              "data-agency": a.agency ?? "",
              title: "List this agency's stories",
              onclick: () => void browse(a.agency),
            },
            h("span", null, agencyName(a.agency)),
            h("span", { class: "num" }, a.stories.toLocaleString("en-GB")),
          ),
        ),
      ),
    );
    if (o.stories === 0) {
      const load = h("button", { type: "button", class: "primary", "data-testid": "load-demo" }, "Load the demo archive");
      load.addEventListener("click", async () => {
        load.disabled = true;
        try {
          showSummary(await cmd.loadDemo(), "Demo archive loaded");
          await refresh();
        } catch (e) {
          load.disabled = false;
          showMessage(importStatus, "error", errorText(e));
        }
      });
      emptyBox.hidden = false;
      emptyBox.setAttribute("data-testid", "empty-archive");
      replace(
        emptyBox,
        h("p", null, h("strong", null, "The archive is empty."), " Import your agencies' wire feeds below, or try Wirecheck with a small fictional archive."),
        load,
      );
    } else {
      emptyBox.hidden = true;
      emptyBox.removeAttribute("data-testid");
      replace(emptyBox);
    }
  }

  /** Counts, and the newest stories unless the editor is looking at a search. */
  async function refresh(): Promise<void> {
    hideMessage(overviewStatus);
    try {
      renderOverview(await cmd.archiveOverview());
    } catch (e) {
      showMessage(overviewStatus, "error", errorText(e));
    }
    if (search.value.trim() === "") void browse(null);
  }

  function showSummary(s: ImportSummary, title = "Import finished"): void {
    replace(
      importSummary,
      h(
        "div",
        { class: "import-summary", "data-testid": "import-summary", role: "status" },
        h("strong", null, title),
        h(
          "p",
          null,
          `${plural(s.imported, "story", "stories")} imported from ${plural(s.files, "file")}; ${plural(s.duplicates, "duplicate")} already stored; ${s.skipped.length} skipped.`,
        ),
        s.skipped.length > 0
          ? h(
              "ul",
              { class: "skipped" },
              s.skipped.map((k) =>
                h("li", { "data-testid": "import-skipped" }, h("code", null, k.path), h("span", null, ` ${k.reason}`)),
              ),
            )
          : null,
      ),
    );
  }

  async function importPaths(paths: string[]): Promise<void> {
    if (importing) {
      showMessage(importStatus, "error", "An import is already running; wait for it to finish.");
      return;
    }
    if (paths.length === 0) return;
    importing = true;
    hideMessage(importStatus);
    replace(importSummary);
    progress.hidden = false;
    progress.removeAttribute("value"); // indeterminate until the file count is known
    progressLabel.textContent = "Looking for files…";
    for (const b of [importButton, filesButton, folderButton]) b.disabled = true;
    const unlisten = await onImportProgress((p) => {
      if (p.total > 0) {
        progress.max = p.total;
        progress.value = p.done;
      }
      progressLabel.textContent = p.path ? `${p.done} of ${p.total}: ${p.path}${p.skipped ? ` (skipped: ${p.skipped})` : ""}` : `${p.total} files to read`;
    });
    try {
      const summary = await cmd.importPaths(paths);
      progress.max = 1;
      progress.value = 1;
      progressLabel.textContent = "";
      showSummary(summary);
      await refresh();
    } catch (e) {
      progress.hidden = true;
      progressLabel.textContent = "";
      showMessage(importStatus, "error", errorText(e));
    } finally {
      unlisten();
      importing = false;
      for (const b of [importButton, filesButton, folderButton]) b.disabled = false;
    }
  }

  importForm.addEventListener("submit", (e) => {
    e.preventDefault();
    const path = pathInput.value.trim();
    if (path === "") {
      showMessage(importStatus, "error", "Type the path of a file or folder to import.");
      pathInput.focus();
      return;
    }
    void importPaths([path]);
  });
  const choose = (directory: boolean) => async () => {
    try {
      const paths = await openDialog({ directory, title: directory ? "Import folders" : "Import files" });
      if (paths && paths.length > 0) await importPaths(paths);
    } catch (e) {
      showMessage(importStatus, "error", errorText(e));
    }
  };
  filesButton.addEventListener("click", choose(false));
  folderButton.addEventListener("click", choose(true));

  function renderResults(stories: StorySummary[], testid: "search-result" | "story-item", empty: string): void {
    if (stories.length === 0) {
      replace(results, h("li", { class: "muted" }, empty));
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
            { type: "button", class: "result", "data-testid": testid, "data-story-id": s.id, onclick: () => void openStory(s.id) },
            h("span", { class: "result-head" }, h("strong", null, agencyName(s.agency)), h("span", { class: "muted" }, ` ${when(s.published)} · #${s.id}`)),
            h("span", { class: "result-headline" }, s.headline),
            s.snippet
              ? h("span", { class: "snippet" }, snippetParts(s.snippet).map((p) => (p.match ? h("mark", null, p.text) : p.text)))
              : null,
          ),
        ),
      ),
    );
  }

  async function browse(agency: string | null): Promise<void> {
    hideMessage(searchStatus);
    try {
      browsing = agency;
      renderResults(await cmd.listStories(agency, 100, 0, chosenLanguage()), "story-item", "No stories.");
    } catch (e) {
      showMessage(searchStatus, "error", errorText(e));
    }
  }

  language.addEventListener("change", () => {
    if (search.value.trim() === "") void browse(browsing);
    else searchForm.requestSubmit();
  });

  searchForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    const q = search.value.trim();
    hideMessage(searchStatus);
    if (q === "") {
      void browse(null);
      return;
    }
    try {
      renderResults(await cmd.searchStories(q, 100, chosenLanguage()), "search-result", `No stories match “${q}”.`);
    } catch (err) {
      showMessage(searchStatus, "error", errorText(err));
    }
  });

  async function openStory(id: number): Promise<void> {
    try {
      renderStory(await cmd.getStory(id));
    } catch (e) {
      showMessage(searchStatus, "error", errorText(e));
    }
  }

  function renderStory(story: Story): void {
    const confirmBox = h("div", { class: "confirm", role: "alert", hidden: true });
    const remove = h("button", { type: "button", class: "danger", "data-testid": "story-remove" }, "Remove from archive");
    remove.addEventListener("click", () => {
      const yes = h("button", { type: "button", class: "danger", "data-testid": "story-remove-confirm" }, "Remove");
      const no = h("button", { type: "button", "data-testid": "story-remove-cancel" }, "Keep");
      no.addEventListener("click", () => {
        confirmBox.hidden = true;
        remove.disabled = false;
        remove.focus();
      });
      yes.addEventListener("click", async () => {
        yes.disabled = true;
        try {
          await cmd.removeStory(story.id);
          results.querySelector(`[data-story-id="${story.id}"]`)?.closest("li")?.remove();
          replace(reader, h("p", { class: "message ok", role: "status" }, `Removed “${story.headline}” (#${story.id}).`));
          await refresh();
        } catch (e) {
          yes.disabled = false;
          replace(confirmBox, h("p", null, errorText(e)), yes, no);
        }
      });
      remove.disabled = true;
      confirmBox.hidden = false;
      replace(confirmBox, h("p", null, "Remove this story from the archive? Future checks will not find it; past reports keep their text."), yes, no);
      no.focus();
    });
    const meta: [string, string | null][] = [
      ["Agency", agencyName(story.agency)],
      ["Published", story.published],
      ["Byline", story.byline],
      ["Dateline", story.dateline],
      ["Words", String(story.words)],
      ["Format", story.format],
      ["Id", `#${story.id}${story.externalId ? ` · ${story.externalId}` : ""}`],
      ["File", story.origin],
      ["Imported", when(story.importedAt)],
    ];
    replace(
      reader,
      h(
        "article",
        { class: "story-view", "data-testid": "story-view", "data-story-id": story.id },
        h("h2", null, story.headline),
        h("dl", { class: "story-meta" }, meta.filter(([, v]) => v).map(([k, v]) => [h("dt", null, k), h("dd", null, v ?? "")])),
        h(
          "div",
          { class: "actions" },
          h(
            "button",
            {
              type: "button",
              "data-testid": "story-compare",
              title: "Open Compare with this story as the wire story: did an article use it?",
              onclick: () => app.openCompare(story),
            },
            "Compare with…",
          ),
          remove,
        ),
        confirmBox,
        h("div", { class: "text story-body" }, story.body),
      ),
    );
  }

  return {
    el,
    importPaths,
    show() {
      void refresh();
    },
    onKey(e) {
      if (e.key === "/" && !e.ctrlKey && !e.altKey && !e.metaKey) {
        search.focus();
        search.select();
        return true;
      }
      return false;
    },
  };
}
