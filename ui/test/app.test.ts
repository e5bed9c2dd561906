// The views wired together in happy-dom, with the Rust side mocked at `invoke`.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CheckResult, Story } from "../src/bindings";
import { syntheticResult } from "./fixtures";

import { calls, handlers, resetInvoke } from "./invoke-mock";

vi.mock("@tauri-apps/api/core", async () => ({ invoke: (await import("./invoke-mock")).invoke }));

const { App } = await import("../src/app");
const { createCheckView } = await import("../src/views/check");
const { createReviewView } = await import("../src/views/review");
const { createHistoryView } = await import("../src/views/history");
const { createArchiveView } = await import("../src/views/archive");
const { createSettingsView } = await import("../src/views/settings");
const { createCompareView } = await import("../src/views/compare");

const flush = () => new Promise((r) => setTimeout(r, 0));
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`);
const $$ = (id: string) => document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`);
const key = (k: string, init: KeyboardEventInit = {}) =>
  document.body.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, ...init }));

function boot() {
  document.body.replaceChildren();
  const root = document.createElement("div");
  document.body.appendChild(root);
  const app = new App(root);
  app.register("check", createCheckView(app));
  app.register("review", createReviewView(app));
  app.register("history", createHistoryView(app));
  app.register("archive", createArchiveView(app));
  app.register("settings", createSettingsView(app));
  app.register("compare", createCompareView(app));
  app.go("check");
  return app;
}

beforeEach(() => {
  resetInvoke();
  handlers["demo_articles"] = () => [{ name: "Wildfire", text: "Fire spreads." }];
  handlers["archive_overview"] = () => ({ path: "/tmp/a.sqlite", stories: 3, agencies: [{ agency: "AP", stories: 3 }] });
  handlers["check_article"] = () => syntheticResult(600, 20);
  handlers["list_stories"] = () => [];
});

async function checkSomething() {
  const paste = $<HTMLTextAreaElement>("paste");
  if (!paste) throw new Error("no paste area");
  paste.value = "An article";
  $("check-button")?.click();
  for (let i = 0; i < 5; i++) await flush();
}

describe("check view", () => {
  it("refuses an empty paste inline, without calling the backend", async () => {
    boot();
    $("check-button")?.click();
    await flush();
    expect($("check-error")?.hidden).toBe(false);
    expect($("check-error")?.textContent).toMatch(/empty/);
    expect(calls.some(([n]) => n === "check_article")).toBe(false);
  });

  it("offers the demo archive when the archive is empty", async () => {
    handlers["archive_overview"] = () => ({ path: "/tmp/a.sqlite", stories: 0, agencies: [] });
    boot();
    await checkSomething();
    expect($("check-error")?.textContent).toMatch(/no stories/);
    expect($("load-demo")).not.toBeNull();
  });

  it("says what archive_busy means", async () => {
    handlers["check_article"] = () => {
      throw { code: "archive_busy", message: "busy" };
    };
    boot();
    await checkSomething();
    expect($("check-error")?.textContent).toBe("An import is running in the command line; try again in a moment.");
    expect($<HTMLButtonElement>("check-button")?.disabled).toBe(false);
  });

  it("sends the text and date, and shows the summary", async () => {
    boot();
    await flush();
    expect($$("demo-select")[0]?.querySelectorAll("option")).toHaveLength(2);
    $<HTMLInputElement>("published-before")!.value = "2026-05-09";
    await checkSomething();
    expect(calls.find(([n]) => n === "check_article")?.[1]).toEqual({
      request: { text: "An article", publishedBefore: "2026-05-09" },
    });
    expect($("verdict")?.dataset["derived"]).toBe("partially");
    expect($("coverage")?.textContent).toMatch(/50%/);
    expect($("rewritten")?.textContent).toMatch(/10% rewritten/);
    expect($$("flag")).toHaveLength(1);
    expect($("flag")?.dataset["sourceId"]).toBe("101");
    expect([...$$("source-card")].map((c) => c.dataset["credited"])).toEqual(["true", "false", "false"]);
    expect($$("credit-evidence")).toHaveLength(1);
  });

  it("shows each source's language on its card, nothing when unknown", async () => {
    boot();
    await checkSomething();
    const shown = [...$$("source-card")].map((c) => c.querySelector('[data-testid="source-language"]')?.textContent);
    expect(shown).toEqual(["fr", "", ""]);
  });

  it("shows the verdict's confidence and each source's evidence", async () => {
    boot();
    await checkSomething();
    expect($("verdict-confidence")?.textContent).toBe("88% sure it is derived from wire copy");
    expect($("verdict-confidence")?.title).toMatch(/wholly 30%, partially 58%, not derived 12%/);
    const cards = [...$$("source-card")];
    const shown = cards.map((c) => [
      c.querySelector('[data-testid="evidence-tier"]')?.textContent,
      c.querySelector('[data-testid="evidence-confidence"]')?.textContent,
    ]);
    expect(shown).toEqual([
      ["identical", "96% · very likely copied"],
      ["minor edits", "74% · likely copied"],
      ["paraphrase", "41% · possibly copied"],
    ]);
    const why = cards[2]?.querySelector("details");
    expect(why?.querySelector("summary")?.textContent).toBe("why?");
    expect([...(why?.querySelectorAll("li") ?? [])].map((li) => li.textContent)).toEqual([
      "no shared run longer than 6 words",
      "found only as rewritten sentences: similar content, few exact runs",
    ]);
  });
});

describe("credit from a page's metadata", () => {
  it("says the credit was the page's declared author, not text of the article", async () => {
    handlers["check_article"] = () => {
      const result = syntheticResult(600, 20);
      const credit = { agency: "Reuters", kind: "page_author", text: "Reuters", start: 0, end: 0 };
      result.report.credits = [credit];
      result.report.sources[0]!.credit = credit;
      return result;
    };
    boot();
    await checkSomething();
    const shown = $("credit-evidence")?.textContent ?? "";
    expect(shown).toContain("“Reuters”");
    expect(shown).toContain("the page's declared author, not in its text");
    expect([...$$("source-card")].map((c) => c.dataset["credited"])).toEqual(["true", "false", "false"]);
  });
});

describe("article date", () => {
  it("shows the date read and lists later stories apart from the sources", async () => {
    handlers["check_article"] = () => {
      const result = syntheticResult(600, 20);
      result.report.articleDate = { date: "2026-05-01", text: "w3", start: 0, end: 2, from: "text" };
      result.report.publishedLater = [
        { id: 900, origin: "/wire/later.txt", agency: "AFP", headline: "Filed later", published: "2026-05-03", coverage: 0.4 },
      ];
      return result;
    };
    boot();
    await checkSomething();
    expect($("article-date")?.dataset["from"]).toBe("text");
    expect($("article-date")?.textContent).toMatch(/Article date: 2026-05-01, read from/);
    expect([...$$("later-story")].map((e) => e.dataset["storyId"])).toEqual(["900"]);
    expect([...$$("source-card")].some((c) => c.dataset["sourceId"] === "900")).toBe(false);
    expect([...$$("flag")].some((f) => f.dataset["sourceId"] === "900")).toBe(false);
  });
});

describe("decisions", () => {
  it("confirms a flag, shows the stored status, and undoes it", async () => {
    handlers["decide"] = (a) => {
      const r = (a as { request: Record<string, unknown> }).request;
      return { ...r, decidedAt: "2026-05-09T12:30:00Z" };
    };
    handlers["clear_decision"] = () => null;
    boot();
    await checkSomething();
    $("flag-confirm")?.click();
    $<HTMLTextAreaElement>("decision-note")!.value = "Ask the desk";
    $("decision-save")?.click();
    await flush();
    await flush();
    expect(calls.find(([n]) => n === "decide")?.[1]).toEqual({
      request: { checkId: 1, sourceId: 101, status: "confirmed", reason: "Copied without credit", note: "Ask the desk" },
    });
    expect($("decision-status")?.textContent).toMatch(/Confirmed.*Copied without credit.*Ask the desk.*2026-05-09 12:30/);
    $("decision-undo")?.click();
    await flush();
    await flush();
    expect(calls.find(([n]) => n === "clear_decision")?.[1]).toEqual({ checkId: 1, sourceId: 101 });
    expect($("decision-status")).toBeNull();
    expect($("flag-dismiss")).not.toBeNull();
  });
});

describe("review", () => {
  it("renders both sides, navigates with keys, and shows the diff", async () => {
    boot();
    await checkSomething();
    $("nav-review")?.click();
    expect($$("passage")).toHaveLength(20);
    expect($("minimap")?.querySelectorAll(".minimap-mark")).toHaveLength(20);
    expect(typeof (window as { __wirecheckPerf?: { lastReviewRenderMs: number } }).__wirecheckPerf?.lastReviewRenderMs).toBe("number");
    // Source 1 (Reuters) has passages 0, 3, 6, ...
    key("n");
    expect(document.querySelector('[data-testid="passage"].active')?.getAttribute("data-index")).toBe("0");
    expect(document.querySelector('[data-testid="source-passage"].active')?.getAttribute("data-index")).toBe("0");
    key("j");
    expect(document.querySelector('[data-testid="passage"].active')?.getAttribute("data-index")).toBe("3");
    expect($("passage-diff")?.querySelector("del")?.textContent).toBe("wire");
    // The selected passage's evidence: passage 3 is edited.
    const evidence = $("passage-diff")?.querySelector<HTMLElement>('[data-testid="evidence"]');
    expect(evidence?.querySelector('[data-testid="evidence-tier"]')?.textContent).toBe("minor edits");
    expect(evidence?.querySelector('[data-testid="evidence-confidence"]')?.textContent).toBe("82% · likely copied");
    expect([...(evidence?.querySelectorAll("li") ?? [])].map((li) => li.textContent)).toEqual([
      "a run of 14 words shared word for word",
      "little edited",
    ]);
    key("k");
    key("p"); // wraps to the last passage of the source
    expect(document.querySelector('[data-testid="passage"].active')?.getAttribute("data-index")).toBe("18");
    key("2");
    expect(document.querySelector('[data-testid="passage"].active')?.getAttribute("data-index")).toBe("1");
    expect([...$$("source-passage")].every((s) => Number(s.dataset["index"]) % 3 === 1)).toBe(true);
    // Clicking a passage of another source shows that source.
    document.querySelector<HTMLElement>('[data-testid="passage"][data-index="5"]')?.click();
    expect(document.querySelector('[data-testid="source-passage"].active')?.getAttribute("data-index")).toBe("5");
    key("Escape");
    expect($("review-article")).toBeNull();
    expect($("verdict")).not.toBeNull();
  });

  it("marks changes in place, lists them, and steps through them with . and ,", async () => {
    boot();
    await checkSomething();
    $("nav-review")?.click();
    const current = () => [...document.querySelectorAll<HTMLElement>(".current-change")].map((e) => [e.dataset["testid"], e.dataset["change"]]);
    // Source 1 (Reuters): passage 3 and 9 replace a wire word, passage 15 drops one.
    expect($("change-summary")?.textContent).toBe("3 changes: 2 replaced, 0 added, 1 dropped");
    expect($("change-counter")?.textContent).toBe("– of 3");
    expect($$("change-insert").length).toBeGreaterThan(0);
    expect($$("change-delete")).toHaveLength(3);
    key(".");
    expect(document.querySelector('[data-testid="passage"].active')?.getAttribute("data-index")).toBe("3");
    expect(current()).toEqual([
      ["change-insert", "1"],
      ["change-delete", "1"],
    ]);
    expect($("change-counter")?.textContent).toBe("1 of 3");
    key(".");
    key(".");
    expect(document.querySelector('[data-testid="passage"].active')?.getAttribute("data-index")).toBe("15");
    expect(current()).toEqual([
      ["change-drop-point", "7"],
      ["change-delete", "7"],
    ]);
    key(",");
    expect(current().map(([, id]) => id)).toEqual(["4", "4"]);
    // n moves by passage and leaves the changes.
    key("n");
    expect(current()).toEqual([]);
    // The list, opened, names each change; a click on one goes there.
    const list = $("change-list") as HTMLDetailsElement;
    list.open = true;
    list.dispatchEvent(new Event("toggle"));
    const items = [...list.querySelectorAll<HTMLButtonElement>(".change-item")];
    expect(items.map((b) => b.textContent)).toEqual([
      `Passage 4: replaced “wire” with “w104”`,
      `Passage 10: replaced “wire” with “w284”`,
      `Passage 16: dropped “wire”`,
    ]);
    items[2]?.click();
    expect(current().map(([, id]) => id)).toEqual(["7", "7"]);
    expect(items[2]?.getAttribute("aria-current")).toBe("true");
    // Clicking a marked word makes it the current change.
    document.querySelector<HTMLElement>('[data-testid="change-delete"][data-change="1"]')?.click();
    expect(current().map(([, id]) => id)).toEqual(["1", "1"]);
    // Another source has its own changes: passage 6 adds a word, 12 and 18 replace one.
    key("3");
    expect($("change-summary")?.textContent).toBe("3 changes: 2 replaced, 1 added, 0 dropped");
    expect($("change-counter")?.textContent).toBe("– of 3");
    expect(current()).toEqual([]);
  });

  it("remembers the sync-scroll toggle", async () => {
    window.localStorage.removeItem("wirecheck.syncScroll");
    boot();
    await checkSomething();
    $("nav-review")?.click();
    expect($("sync-scroll")?.getAttribute("aria-pressed")).toBe("true");
    $("sync-scroll")?.click();
    expect($("sync-scroll")?.getAttribute("aria-pressed")).toBe("false");
    expect(window.localStorage.getItem("wirecheck.syncScroll")).toBe("off");
    boot();
    await checkSomething();
    $("nav-review")?.click();
    expect($("sync-scroll")?.getAttribute("aria-pressed")).toBe("false");
    $("sync-scroll")?.click();
    expect(window.localStorage.getItem("wirecheck.syncScroll")).toBe("on");
  });

  it("leaves keys typed in fields alone and switches views with Alt+digit", async () => {
    boot();
    await checkSomething();
    key("4", { altKey: true, code: "Digit4" });
    expect($("archive-search")).not.toBeNull();
    key("2", { altKey: true, code: "Digit2" });
    expect($("review-article")).not.toBeNull();
  });

  it("opens the review on a credit from a source card", async () => {
    boot();
    await checkSomething();
    $("credit-evidence")?.click();
    expect($("review-article")?.querySelector("mark.credit.flash")?.textContent).toBe("w1");
  });
});

describe("history, archive, settings, export", () => {
  it("reopens a past check", async () => {
    handlers["list_checks"] = () => [{ id: 1, createdAt: "2026-05-09T12:00:00Z", title: "Synthetic", derived: "partially", coverage: 0.5, flags: 1 }];
    handlers["open_check"] = () => ({ ...syntheticResult(300, 10), decisions: [{ checkId: 1, sourceId: 101, status: "dismissed", reason: "Our own reporting", note: "", decidedAt: "2026-05-09T13:00:00Z" }] });
    boot();
    $("nav-history")?.click();
    await flush();
    await flush();
    expect($("history-item")?.dataset["checkId"]).toBe("1");
    $("history-item")?.click();
    await flush();
    await flush();
    expect($("verdict")).not.toBeNull();
    expect($("decision-status")?.dataset["status"]).toBe("dismissed");
  });

  it("imports a typed path and lists the skipped files", async () => {
    handlers["import_paths"] = () => ({ files: 3, imported: 1, duplicates: 1, skipped: [{ path: "/w/x.bin", reason: "not a wire format" }] });
    boot();
    $("nav-archive")?.click();
    await flush();
    expect($("archive-count")?.textContent).toBe("3");
    expect($$("agency-count")).toHaveLength(1);
    $<HTMLInputElement>("import-path")!.value = "/w";
    $("import-button")?.click();
    for (let i = 0; i < 5; i++) await flush();
    expect(calls.find(([n]) => n === "import_paths")?.[1]).toEqual({ paths: ["/w"] });
    expect($("import-summary")?.textContent).toMatch(/1 story imported from 3 files/);
    expect($$("import-skipped")).toHaveLength(1);
  });

  it("limits the list and the search to the language chosen", async () => {
    handlers["list_stories"] = () => [];
    handlers["search_stories"] = () => [];
    boot();
    $("nav-archive")?.click();
    await flush();
    const select = $<HTMLSelectElement>("archive-language") as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(["", "en", "fr", "de", "es", "pt", "it"]);
    select.value = "fr";
    select.dispatchEvent(new Event("change"));
    await flush();
    const lists = calls.filter(([n]) => n === "list_stories");
    expect(lists[lists.length - 1]?.[1]).toEqual({ agency: null, limit: 100, offset: 0, language: "fr" });
    $<HTMLInputElement>("archive-search")!.value = "criée";
    $("archive-search")!.closest("form")!.dispatchEvent(new Event("submit", { cancelable: true }));
    await flush();
    expect(calls.find(([n]) => n === "search_stories")?.[1]).toEqual({ query: "criée", limit: 100, language: "fr" });
    select.value = "";
    select.dispatchEvent(new Event("change"));
    await flush();
    const searches = calls.filter(([n]) => n === "search_stories");
    expect(searches[searches.length - 1]?.[1]).toEqual({ query: "criée", limit: 100, language: null });
  });

  it("searches, opens a story and removes it after an inline confirm", async () => {
    handlers["search_stories"] = () => [{ id: 7, agency: "AP", headline: "Fire", published: null, origin: "/a", words: 3, snippet: "the [fire]" }];
    handlers["get_story"] = () => syntheticResult(50, 2).stories[0];
    handlers["remove_story"] = () => null;
    boot();
    $("nav-archive")?.click();
    $<HTMLInputElement>("archive-search")!.value = "fire";
    $("archive-search")!.closest("form")!.dispatchEvent(new Event("submit", { cancelable: true }));
    await flush();
    await flush();
    expect($$("search-result")).toHaveLength(1);
    expect($("search-result")?.querySelector("mark")?.textContent).toBe("fire");
    $("search-result")?.click();
    await flush();
    await flush();
    expect($("story-view")).not.toBeNull();
    $("story-remove")?.click();
    expect(calls.some(([n]) => n === "remove_story")).toBe(false);
    $("story-remove-confirm")?.click();
    await flush();
    await flush();
    expect(calls.find(([n]) => n === "remove_story")?.[1]).toEqual({ id: 100 });
    expect($("story-view")).toBeNull();
  });

  it("offers the demo archive on an empty archive", async () => {
    handlers["archive_overview"] = () => ({ path: "/tmp/a.sqlite", stories: 0, agencies: [] });
    boot();
    $("nav-archive")?.click();
    await flush();
    expect($("empty-archive")).not.toBeNull();
    expect($("load-demo")).not.toBeNull();
  });

  it("lists the newest stories once the demo archive is loaded", async () => {
    // Regression: the story list stayed at "No stories." after loading the demo archive.
    let loaded = false;
    handlers["archive_overview"] = () =>
      loaded
        ? { path: "/tmp/a.sqlite", stories: 1, agencies: [{ agency: "AP", stories: 1 }] }
        : { path: "/tmp/a.sqlite", stories: 0, agencies: [] };
    handlers["load_demo"] = () => {
      loaded = true;
      return { files: 1, imported: 1, duplicates: 0, skipped: [] };
    };
    handlers["list_stories"] = () =>
      loaded ? [{ id: 1, agency: "AP", headline: "Fire spreads", published: null, origin: "demo:ap.txt", words: 40, snippet: null }] : [];
    boot();
    $("nav-archive")?.click();
    await flush();
    expect($$("story-item")).toHaveLength(0);
    $("load-demo")?.click();
    for (let i = 0; i < 5; i++) await flush();
    expect($$("story-item")).toHaveLength(1);
  });

  it("validates settings inline and saves them", async () => {
    handlers["get_settings"] = () => ({ preset: "standard", minPassageWords: 8, aliases: [{ canonical: "Reuters", alias: "TR" }], excludeAgencies: [], excludeSources: [] });
    handlers["save_settings"] = (a) => (a as { settings: unknown }).settings;
    boot();
    $("nav-settings")?.click();
    await flush();
    expect($$("alias-row")).toHaveLength(1);
    $("alias-add")?.click();
    expect($$("alias-row")).toHaveLength(2);
    $<HTMLInputElement>("min-words")!.value = "0";
    $("settings-save")?.closest("form")?.dispatchEvent(new Event("submit", { cancelable: true }));
    await flush();
    expect($("settings-status")?.textContent).toMatch(/Correct/);
    expect(calls.some(([n]) => n === "save_settings")).toBe(false);
    $<HTMLInputElement>("min-words")!.value = "12";
    $<HTMLSelectElement>("preset")!.value = "strict";
    $<HTMLInputElement>("exclude-agencies")!.value = "PA";
    $("settings-save")?.closest("form")?.dispatchEvent(new Event("submit", { cancelable: true }));
    await flush();
    await flush();
    expect(calls.find(([n]) => n === "save_settings")?.[1]).toEqual({
      settings: { preset: "strict", minPassageWords: 12, aliases: [{ canonical: "Reuters", alias: "TR" }], excludeAgencies: ["PA"], excludeSources: [] },
    });
    expect($("settings-status")?.textContent).toMatch(/saved/);
  });

  it("exports to the path the test hook gives", async () => {
    handlers["export_html"] = (a) => (a as { path: string }).path;
    (window as unknown as { __wirecheckTest?: unknown }).__wirecheckTest = { savePath: "/tmp/report.html" };
    boot();
    await checkSomething();
    $("export-html")?.click();
    await flush();
    await flush();
    expect(calls.find(([n]) => n === "export_html")?.[1]).toEqual({ checkId: 1, path: "/tmp/report.html" });
    expect($("export-status")?.textContent).toBe("Saved to /tmp/report.html");
    delete (window as unknown as { __wirecheckTest?: unknown }).__wirecheckTest;
  });
});

describe("compare view", () => {
  /** A saved comparison with one story: pasted (id 0) unless a stored id is given. */
  const comparison = (storyId = 0, checkId = 5) => {
    const r = syntheticResult(300, 10, 1);
    const story = { ...(r.stories[0] as Story), id: storyId, headline: "Mackerel deal", origin: "pasted in Compare" };
    return {
      ...r,
      check: { ...r.check, id: checkId, title: "Trawlers back at sea", comparedWith: "Mackerel deal" },
      report: {
        ...r.report,
        flags: [{ sourceId: storyId, agency: "Reuters", coverage: 0.17, reason: "copied from the Reuters story given" }],
        sources: r.report.sources.map((s) => ({ ...s, id: storyId, credited: false, credit: null })),
        passages: r.report.passages.map((p) => ({ ...p, sourceId: storyId })),
      },
      stories: [story],
    };
  };
  const fill = (article: string, story: string, agency = "") => {
    ($<HTMLTextAreaElement>("compare-article") as HTMLTextAreaElement).value = article;
    ($<HTMLTextAreaElement>("compare-story") as HTMLTextAreaElement).value = story;
    ($<HTMLInputElement>("compare-agency") as HTMLInputElement).value = agency;
  };
  const settings = (preset = "standard") => ({ preset, minPassageWords: 8, aliases: [], excludeAgencies: [], excludeSources: [] });
  const area = (id: string) => $<HTMLTextAreaElement>(id) as HTMLTextAreaElement;

  beforeEach(() => {
    handlers["get_settings"] = () => settings();
  });

  it("fills the area a file is dropped on, both areas from two files, and says why a file is refused", async () => {
    const app = boot();
    const view = createCompareView(app);
    app.register("compare", view);
    app.go("compare");
    const files: Record<string, string> = { "/w/story.xml": "<nitf><p>Wire text</p></nitf>", "/w/page.html": "<p>Article text</p>" };
    handlers["read_dropped_file"] = (args) => {
      const text = files[String(args?.["path"])];
      if (text === undefined) throw { code: "invalid_input", message: "photo.jpg is not a text file." };
      return text;
    };
    await view.dropFiles(["/w/story.xml"], area("compare-story"));
    expect(area("compare-story").value).toBe(files["/w/story.xml"]);
    expect(area("compare-article").value).toBe("");
    await view.dropFiles(["/w/page.html", "/w/story.xml"], null);
    expect(area("compare-article").value).toBe(files["/w/page.html"]);
    area("compare-article").value = "kept";
    await view.dropFiles(["/w/photo.jpg"], area("compare-article"));
    expect(area("compare-article").value).toBe("kept");
    expect($("compare-error")?.textContent).toContain("photo.jpg is not a text file.");
  });

  it("is reached with Alt+6 and shows the two paste areas, the agency field, the preset and the buttons", () => {
    boot();
    key("6", { altKey: true, code: "Digit6" });
    expect($("nav-compare")?.getAttribute("aria-current")).toBe("page");
    expect(document.querySelector('label[for="compare-article"]')?.textContent).toBe("Article");
    expect(document.querySelector('label[for="compare-story"]')?.textContent).toBe("Wire story");
    expect($("compare-agency")).not.toBeNull();
    expect($("compare-preset")).not.toBeNull();
    expect($("compare-button")?.textContent).toBe("Compare");
    expect($("compare-swap")?.textContent).toBe("Swap");
  });

  it("swaps the article and the wire story", () => {
    boot();
    $("nav-compare")?.click();
    fill("the article", "the story");
    $("compare-swap")?.click();
    expect(area("compare-article").value).toBe("the story");
    expect(area("compare-story").value).toBe("the article");
  });

  it("compares on Ctrl+Enter with both texts, the agency and the saved preset; the result is saved, with decisions and exports", async () => {
    handlers["get_settings"] = () => settings("strict");
    handlers["compare_texts"] = () => comparison();
    handlers["decide"] = (a) => ({ ...(a as { request: object }).request, decidedAt: "2026-05-09T13:00:00Z" });
    boot();
    $("nav-compare")?.click();
    await flush();
    fill("An article", "OSLO (Reuters) - A story", " AFP ");
    $("compare-story")?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", ctrlKey: true, bubbles: true }));
    for (let i = 0; i < 5; i++) await flush();
    const call = calls.find(([n]) => n === "compare_texts");
    expect(call?.[1]).toEqual({ request: { article: "An article", source: "OSLO (Reuters) - A story", agency: "AFP", preset: "strict" } });
    expect($("verdict")).not.toBeNull();
    expect($("check-meta")?.textContent).toMatch(/^Comparison #5 with “Mackerel deal”/);
    expect(area("compare-article").value, "the editor's texts stay as they were").toBe("An article");
    expect($("export-html")).not.toBeNull();
    expect($("export-json")).not.toBeNull();
    // Decisions work as on a check.
    $("flag-confirm")?.click();
    $("decision-save")?.closest("form")?.dispatchEvent(new Event("submit", { cancelable: true }));
    for (let i = 0; i < 3; i++) await flush();
    expect(calls.find(([n]) => n === "decide")?.[1]).toMatchObject({ request: { checkId: 5, sourceId: 0, status: "confirmed" } });
    expect($("decision-status")?.dataset["status"]).toBe("confirmed");
    // The review opens on it, and Esc comes back here.
    document.querySelector<HTMLButtonElement>(".open-review")?.click();
    expect($("review-article")).not.toBeNull();
    key("Escape");
    expect($("compare-article")).not.toBeNull();
  });

  it("sends the preset chosen here, and a null agency when the field is empty", async () => {
    handlers["compare_texts"] = () => comparison();
    boot();
    $("nav-compare")?.click();
    await flush();
    fill("An article", "A story");
    const preset = $<HTMLSelectElement>("compare-preset") as HTMLSelectElement;
    expect(preset.value).toBe("standard");
    preset.value = "lenient";
    preset.dispatchEvent(new Event("change"));
    $("compare-button")?.click();
    for (let i = 0; i < 5; i++) await flush();
    const call = calls.find(([n]) => n === "compare_texts")?.[1] as { request: { agency: unknown; preset: unknown } };
    expect(call.request.agency).toBeNull();
    expect(call.request.preset).toBe("lenient");
    // Shown again, the view keeps the editor's choice over the saved settings.
    $("nav-check")?.click();
    $("nav-compare")?.click();
    await flush();
    expect(preset.value).toBe("lenient");
  });

  it("adds the pasted story to the archive in one click, and says when it was already there", async () => {
    handlers["compare_texts"] = () => comparison();
    let stored = false;
    handlers["add_compared_story"] = () => {
      const answer = { id: 14, alreadyStored: stored };
      stored = true;
      return answer;
    };
    boot();
    $("nav-compare")?.click();
    fill("An article", "A story");
    $("compare-button")?.click();
    for (let i = 0; i < 5; i++) await flush();
    expect($("compare-add-story")?.textContent).toMatch(/Add this story to the archive \(Reuters\)/);
    $("compare-add-story")?.click();
    for (let i = 0; i < 3; i++) await flush();
    expect(calls.find(([n]) => n === "add_compared_story")?.[1]).toEqual({ checkId: 5 });
    expect($("compare-add-status")?.textContent).toMatch(/Added to the archive as story #14/);
    expect(($("compare-add-story") as HTMLButtonElement).disabled).toBe(true);
    // Reopened later, the story is found already stored.
    handlers["open_check"] = () => comparison();
    handlers["list_checks"] = () => [comparison().check];
    $("nav-history")?.click();
    for (let i = 0; i < 3; i++) await flush();
    $("history-item")?.click();
    for (let i = 0; i < 3; i++) await flush();
    $("compare-add-story")?.click();
    for (let i = 0; i < 3; i++) await flush();
    expect($("compare-add-status")?.textContent).toMatch(/Already in the archive as story #14/);
  });

  it("offers no archive button for a stored story, and names it", async () => {
    handlers["compare_stored"] = () => comparison(12, 6);
    handlers["search_stories"] = () => [{ id: 12, agency: "Reuters", headline: "Mackerel deal", published: null, origin: "/w/m.txt", words: 40, snippet: "the [mackerel] quota" }];
    boot();
    await checkSomething();
    ($<HTMLInputElement>("compare-with-search") as HTMLInputElement).value = "mackerel";
    $("compare-with-search")?.closest("form")?.dispatchEvent(new Event("submit", { cancelable: true }));
    for (let i = 0; i < 3; i++) await flush();
    $("compare-with-result")?.click();
    for (let i = 0; i < 5; i++) await flush();
    expect($("compare-add-story")).toBeNull();
    expect($("compare-stored-story")?.textContent).toMatch(/story #12 of the archive/);
  });

  it("pastes a web page's HTML into either area as the text Rust reads from it", async () => {
    handlers["html_to_text"] = (args) => `text of ${String(args?.["html"])}`;
    boot();
    $("nav-compare")?.click();
    const story = area("compare-story");
    const event = new Event("paste", { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(event, "clipboardData", {
      value: { getData: (kind: string) => (kind === "text/html" ? "<p>wire</p>" : "wire") },
    });
    story.dispatchEvent(event);
    for (let i = 0; i < 3; i++) await flush();
    expect(story.value).toBe("text of <p>wire</p>");
  });

  it("shows errors inline: an empty text without calling the backend, and the backend's message", async () => {
    handlers["compare_texts"] = () => {
      throw { code: "invalid_input", message: "The wire story holds 3 stories; compare takes one." };
    };
    boot();
    $("nav-compare")?.click();
    fill("An article", "  ");
    $("compare-button")?.click();
    await flush();
    expect($("compare-error")?.hidden).toBe(false);
    expect($("compare-error")?.textContent).toMatch(/wire story first/);
    expect(calls.some(([n]) => n === "compare_texts")).toBe(false);
    fill("An article", "Three stories");
    $("compare-button")?.click();
    for (let i = 0; i < 5; i++) await flush();
    expect($("compare-error")?.textContent).toBe("The wire story holds 3 stories; compare takes one.");
    expect($("verdict")).toBeNull();
  });

  it("fills the areas again when the comparison run here is reopened from History", async () => {
    // Regression (e2e): the areas stayed empty, as the reopened comparison had the id of the one run here.
    handlers["compare_texts"] = () => comparison();
    handlers["list_checks"] = () => [comparison().check];
    handlers["open_check"] = () => comparison();
    boot();
    $("nav-compare")?.click();
    fill("An article", "A story");
    $("compare-button")?.click();
    for (let i = 0; i < 5; i++) await flush();
    fill("", "");
    $("nav-history")?.click();
    for (let i = 0; i < 3; i++) await flush();
    $("history-item")?.click();
    for (let i = 0; i < 3; i++) await flush();
    expect(area("compare-article").value).toBe(comparison().report.text);
    expect(area("compare-story").value).toBe(`Mackerel deal\n\n${comparison().stories[0]?.body}`);
  });

  it("keeps the pasted texts when the editor goes to another view and back", () => {
    boot();
    key("6", { altKey: true, code: "Digit6" });
    fill("My article", "Their story", "PA");
    key("4", { altKey: true, code: "Digit4" });
    expect($("compare-article")).toBeNull();
    key("1", { altKey: true, code: "Digit1" });
    key("6", { altKey: true, code: "Digit6" });
    expect(area("compare-article").value).toBe("My article");
    expect(area("compare-story").value).toBe("Their story");
    expect($<HTMLInputElement>("compare-agency")?.value).toBe("PA");
  });
});

describe("compare with a stored story", () => {
  const searchResult = [{ id: 12, agency: "Reuters", headline: "Mackerel deal", published: "2026-03-03T08:00:00Z", origin: "/w/m.txt", words: 40, snippet: "the [mackerel] quota" }];
  const stored = (): CheckResult => {
    const r = syntheticResult(300, 10, 1);
    const story = { ...(r.stories[0] as Story), id: 12, headline: "Mackerel deal", body: "OSLO (Reuters) - Norway and the EU agreed." };
    return {
      ...r,
      check: { ...r.check, id: 8, comparedWith: "Mackerel deal" },
      report: { ...r.report, sources: r.report.sources.map((s) => ({ ...s, id: 12 })), passages: r.report.passages.map((p) => ({ ...p, sourceId: 12 })), flags: [] },
      stories: [story],
    };
  };

  beforeEach(() => {
    handlers["get_settings"] = () => ({ preset: "standard", minPassageWords: 8, aliases: [], excludeAgencies: [], excludeSources: [] });
  });

  it("searches the archive from a check's result with /, and compares the checked article with the story picked", async () => {
    handlers["search_stories"] = () => searchResult;
    handlers["compare_stored"] = () => stored();
    boot();
    await checkSomething();
    const checkedText = syntheticResult(600, 20).report.text;
    key("/");
    const box = $<HTMLInputElement>("compare-with-search") as HTMLInputElement;
    expect(document.activeElement).toBe(box);
    box.value = "mackerel";
    box.closest("form")?.dispatchEvent(new Event("submit", { cancelable: true }));
    for (let i = 0; i < 3; i++) await flush();
    expect(calls.find(([n]) => n === "search_stories")?.[1]).toEqual({ query: "mackerel", limit: 20, language: null });
    expect($$("compare-with-result")).toHaveLength(1);
    expect($("compare-with-result")?.querySelector("mark")?.textContent).toBe("mackerel");
    $("compare-with-result")?.click();
    for (let i = 0; i < 5; i++) await flush();
    expect(calls.find(([n]) => n === "compare_stored")?.[1]).toEqual({ request: { article: checkedText, storyId: 12, preset: null } });
    // The comparison opens in Compare, with its two texts.
    expect($("nav-compare")?.getAttribute("aria-current")).toBe("page");
    expect(($<HTMLTextAreaElement>("compare-article") as HTMLTextAreaElement).value).toBe(stored().report.text);
    expect(($<HTMLTextAreaElement>("compare-story") as HTMLTextAreaElement).value).toBe("Mackerel deal\n\nOSLO (Reuters) - Norway and the EU agreed.");
    expect($("compare-stored-note")?.hidden).toBe(false);
    expect($("verdict")).not.toBeNull();
  });

  it("lists the newest stories for an empty search, and shows errors inline", async () => {
    handlers["list_stories"] = () => searchResult;
    handlers["compare_stored"] = () => {
      throw { code: "not_found", message: "no story with id 12" };
    };
    boot();
    await checkSomething();
    $("compare-with-search")?.closest("form")?.dispatchEvent(new Event("submit", { cancelable: true }));
    for (let i = 0; i < 3; i++) await flush();
    expect(calls.find(([n]) => n === "list_stories")?.[1]).toEqual({ agency: null, limit: 20, offset: 0, language: null });
    $("compare-with-result")?.click();
    for (let i = 0; i < 3; i++) await flush();
    expect($("compare-with-error")?.textContent).toBe("no story with id 12");
    expect($("nav-check")?.getAttribute("aria-current")).toBe("page");
    handlers["search_stories"] = () => [];
    ($<HTMLInputElement>("compare-with-search") as HTMLInputElement).value = "nothing";
    $("compare-with-search")?.closest("form")?.dispatchEvent(new Event("submit", { cancelable: true }));
    for (let i = 0; i < 3; i++) await flush();
    expect($("compare-with-empty")?.textContent).toMatch(/No stored story matches “nothing”/);
  });

  it("opens Compare from the archive with the story as the wire story, compares it by id, and as text once edited", async () => {
    handlers["search_stories"] = () => searchResult;
    handlers["get_story"] = () => stored().stories[0];
    handlers["compare_stored"] = () => stored();
    handlers["compare_texts"] = () => ({ ...stored(), check: { ...stored().check, id: 9 } });
    boot();
    await checkSomething();
    $("nav-archive")?.click();
    await flush();
    key("/");
    expect(document.activeElement).toBe($("archive-search"));
    ($<HTMLInputElement>("archive-search") as HTMLInputElement).value = "mackerel";
    $("archive-search")?.closest("form")?.dispatchEvent(new Event("submit", { cancelable: true }));
    for (let i = 0; i < 3; i++) await flush();
    $("search-result")?.click();
    for (let i = 0; i < 3; i++) await flush();
    $("story-compare")?.click();
    await flush();
    expect($("nav-compare")?.getAttribute("aria-current")).toBe("page");
    const article = $<HTMLTextAreaElement>("compare-article") as HTMLTextAreaElement;
    const story = $<HTMLTextAreaElement>("compare-story") as HTMLTextAreaElement;
    expect(article.value, "the checked article, as the compare area was empty").toBe(syntheticResult(600, 20).report.text);
    expect(story.value).toBe("Mackerel deal\n\nOSLO (Reuters) - Norway and the EU agreed.");
    expect($<HTMLInputElement>("compare-agency")?.value).toBe("Reuters");
    expect($("compare-stored-note")?.textContent).toMatch(/Story #12 of the archive/);
    $("compare-button")?.click();
    for (let i = 0; i < 5; i++) await flush();
    expect(calls.find(([n]) => n === "compare_stored")?.[1]).toEqual({ request: { article: article.value, storyId: 12, preset: "standard" } });
    story.value += " Edited.";
    story.dispatchEvent(new Event("input"));
    expect($("compare-stored-note")?.hidden).toBe(true);
    $("compare-button")?.click();
    for (let i = 0; i < 5; i++) await flush();
    expect(calls.filter(([n]) => n === "compare_texts")).toHaveLength(1);
  });

  it("lists a comparison in History as one and reopens it in Compare", async () => {
    handlers["list_checks"] = () => [stored().check, { ...stored().check, id: 2, comparedWith: null, title: "A check" }];
    handlers["open_check"] = () => stored();
    boot();
    $("nav-history")?.click();
    for (let i = 0; i < 3; i++) await flush();
    const items = $$("history-item");
    expect(items[0]?.dataset["kind"]).toBe("comparison");
    expect(items[0]?.textContent).toMatch(/Comparison.*with “Mackerel deal”/);
    expect(items[1]?.dataset["kind"]).toBe("check");
    expect($$("history-comparison")).toHaveLength(1);
    items[0]?.click();
    for (let i = 0; i < 3; i++) await flush();
    expect($("nav-compare")?.getAttribute("aria-current")).toBe("page");
    expect($("verdict")).not.toBeNull();
    expect(($<HTMLTextAreaElement>("compare-article") as HTMLTextAreaElement).value).toBe(stored().report.text);
    // The check view does not take it for its own; it points to Compare.
    $("nav-check")?.click();
    expect($("verdict")).toBeNull();
    $("open-in-compare")?.click();
    expect($("nav-compare")?.getAttribute("aria-current")).toBe("page");
  });
});
