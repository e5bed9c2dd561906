import { beforeEach, describe, expect, it, vi } from "vitest";

const invoke = vi.fn(async (..._args: unknown[]) => undefined as unknown);
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const cmd = await import("../src/commands");

beforeEach(() => invoke.mockClear());

// Each command with the name and argument keys Tauri expects (Rust snake_case args -> camelCase).
const CASES: [string, () => Promise<unknown>, string, Record<string, unknown> | undefined][] = [
  ["checkArticle", () => cmd.checkArticle({ text: "t", publishedBefore: "2026-05-09" }), "check_article", { request: { text: "t", publishedBefore: "2026-05-09" } }],
  [
    "compareTexts",
    () => cmd.compareTexts({ article: "a", source: "s", agency: null, preset: "standard" }),
    "compare_texts",
    { request: { article: "a", source: "s", agency: null, preset: "standard" } },
  ],
  [
    "compareStored",
    () => cmd.compareStored({ article: "a", storyId: 12, preset: null }),
    "compare_stored",
    { request: { article: "a", storyId: 12, preset: null } },
  ],
  ["addComparedStory", () => cmd.addComparedStory(4), "add_compared_story", { checkId: 4 }],
  ["readDroppedFile", () => cmd.readDroppedFile("/w/story.xml"), "read_dropped_file", { path: "/w/story.xml" }],
  ["htmlToText", () => cmd.htmlToText("<p>x</p>"), "html_to_text", { html: "<p>x</p>" }],
  ["demoArticles", () => cmd.demoArticles(), "demo_articles", undefined],
  ["archiveOverview", () => cmd.archiveOverview(), "archive_overview", undefined],
  ["importPaths", () => cmd.importPaths(["/a", "/b"]), "import_paths", { paths: ["/a", "/b"] }],
  ["loadDemo", () => cmd.loadDemo(), "load_demo", undefined],
  ["searchStories", () => cmd.searchStories("fire", 50, "fr"), "search_stories", { query: "fire", limit: 50, language: "fr" }],
  ["listStories", () => cmd.listStories("Reuters", 20, 40), "list_stories", { agency: "Reuters", limit: 20, offset: 40, language: null }],
  ["getStory", () => cmd.getStory(7), "get_story", { id: 7 }],
  ["removeStory", () => cmd.removeStory(7), "remove_story", { id: 7 }],
  ["prunePlan", () => cmd.prunePlan({ before: "2020-01-01", agency: "AP" }), "prune_plan", { request: { before: "2020-01-01", agency: "AP" } }],
  ["pruneStories", () => cmd.pruneStories({ before: "2020-01-01", agency: null }), "prune_stories", { request: { before: "2020-01-01", agency: null } }],
  ["compactArchive", () => cmd.compactArchive(), "compact_archive", undefined],
  ["listChecks", () => cmd.listChecks(100, 0), "list_checks", { limit: 100, offset: 0 }],
  ["openCheck", () => cmd.openCheck(3), "open_check", { id: 3 }],
  ["deleteCheck", () => cmd.deleteCheck(3), "delete_check", { id: 3 }],
  [
    "decide",
    () => cmd.decide({ checkId: 3, sourceId: 9, status: "dismissed", reason: "Our own reporting", note: "" }),
    "decide",
    { request: { checkId: 3, sourceId: 9, status: "dismissed", reason: "Our own reporting", note: "" } },
  ],
  ["clearDecision", () => cmd.clearDecision(3, 9), "clear_decision", { checkId: 3, sourceId: 9 }],
  ["getSettings", () => cmd.getSettings(), "get_settings", undefined],
  [
    "saveSettings",
    () => cmd.saveSettings({ preset: "strict", minPassageWords: 8, aliases: [], excludeAgencies: [], excludeSources: [] }),
    "save_settings",
    { settings: { preset: "strict", minPassageWords: 8, aliases: [], excludeAgencies: [], excludeSources: [] } },
  ],
  ["exportHtml", () => cmd.exportHtml(3, "/tmp/r.html"), "export_html", { checkId: 3, path: "/tmp/r.html" }],
  ["exportJson", () => cmd.exportJson(3, "/tmp/r.json"), "export_json", { checkId: 3, path: "/tmp/r.json" }],
  ["watchStatus", () => cmd.watchStatus(), "watch_status", undefined],
  ["addWatchedFolder", () => cmd.addWatchedFolder("/wire/afp", "AFP"), "add_watched_folder", { path: "/wire/afp", agency: "AFP" }],
  ["removeWatchedFolder", () => cmd.removeWatchedFolder("/wire/afp"), "remove_watched_folder", { path: "/wire/afp" }],
  ["setWatchEnabled", () => cmd.setWatchEnabled("/wire/afp", false), "set_watch_enabled", { path: "/wire/afp", enabled: false }],
  ["planAudit", () => cmd.planAudit("/crawl/site"), "plan_audit", { input: "/crawl/site", outDir: null }],
  [
    "startAudit",
    () => cmd.startAudit({ input: "/crawl/site", outDir: "/out", jobs: 2, preset: "lenient", beforeFromArticle: true }),
    "start_audit",
    { request: { input: "/crawl/site", outDir: "/out", jobs: 2, preset: "lenient", beforeFromArticle: true } },
  ],
  ["cancelAudit", () => cmd.cancelAudit(), "cancel_audit", undefined],
  ["auditResults", () => cmd.auditResults("/out", 1000), "audit_results", { outDir: "/out", limit: 1000 }],
  ["openAuditRow", () => cmd.openAuditRow("/out", 512, "site/a.html"), "open_audit_row", { outDir: "/out", offset: 512, name: "site/a.html" }],
  ["exportAudit", () => cmd.exportAudit("/out", "/send"), "export_audit", { outDir: "/out", folder: "/send" }],
];

describe("commands.ts", () => {
  it.each(CASES)("%s invokes %s with the right keys", async (_fn, call, name, args) => {
    await call();
    expect(invoke).toHaveBeenCalledTimes(1);
    if (args === undefined) expect(invoke.mock.calls[0]).toEqual([name]);
    else expect(invoke.mock.calls[0]).toEqual([name, args]);
  });

  it("covers every command registered in src-tauri/src/lib.rs", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const lib = readFileSync(join(__dirname, "..", "..", "src-tauri", "src", "lib.rs"), "utf8");
    const registered = [...lib.matchAll(/commands::\w+::(\w+),/g)].map((m) => m[1]).sort();
    expect(CASES.map((c) => c[2]).sort()).toEqual(registered);
  });

  it("passes rejections ({ code, message }) through", async () => {
    invoke.mockRejectedValueOnce({ code: "archive_busy", message: "busy" });
    await expect(cmd.archiveOverview()).rejects.toEqual({ code: "archive_busy", message: "busy" });
  });
});
