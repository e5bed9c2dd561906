// The Audit view with the Rust side mocked at `invoke` and the progress events at events.ts:
// a folder chosen, the plan shown, Start, rows arriving with the progress, Cancel, the table
// reloaded at the end, a row opened in the review, export, and errors inline.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AuditProgress, AuditResults, AuditRow } from "../src/bindings";
import { auditRow, syntheticResult } from "./fixtures";

import { calls, handlers, resetInvoke } from "./invoke-mock";

vi.mock("@tauri-apps/api/core", async () => ({ invoke: (await import("./invoke-mock")).invoke }));
let progress: ((p: AuditProgress) => void) | null = null;
vi.mock("../src/events", () => ({
  onAuditProgress: async (handler: (p: AuditProgress) => void) => {
    progress = handler;
    return () => {
      progress = null;
    };
  },
}));

const { App } = await import("../src/app");
const { createAuditView, progressText, duration } = await import("../src/views/audit");

const flush = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
};
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`);
const $$ = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];

function boot() {
  document.body.replaceChildren();
  const root = document.createElement("div");
  document.body.appendChild(root);
  const app = new App(root);
  const view = createAuditView(app);
  app.register("audit", view);
  app.register("review", { el: document.createElement("div"), show: () => {} });
  app.go("audit");
  return { app, view };
}

const TOTALS = { articles: 3, flagged: 1, wholly: 1, partially: 0, none: 1, byAgency: [{ agency: "Reuters", articles: 1, flagged: 1 }], errors: [{ kind: "binary", count: 1, example: "site/b.jpg", message: "binary file" }] };

function tick(over: Partial<AuditProgress>): AuditProgress {
  return { stage: "checking", done: 0, total: 3, alreadyDone: 0, checked: 0, failed: 0, flagged: 0, rate: 0, etaSeconds: null, rows: [], ...over };
}

let finish: (() => void) | null = null;
const rows: AuditRow[] = [auditRow(7, { name: "site/copy.txt" }), auditRow(1, { name: "site/own.txt" }), auditRow(2, { name: "site/b.jpg", derived: null, error: "binary file", errorKind: "binary", coverage: null })];

beforeEach(() => {
  resetInvoke();
  progress = null;
  handlers["get_settings"] = () => ({ preset: "lenient", minPassageWords: 8, aliases: [], excludeAgencies: [], excludeSources: [] });
  handlers["plan_audit"] = (a) => ({ input: a?.["input"], outDir: `${String(a?.["input"])}-audit`, hasResults: false, cores: 2 });
  handlers["audit_results"] = (a): AuditResults => ({ outDir: String(a?.["outDir"]), rows, total: 3, totals: TOTALS });
  handlers["start_audit"] = () =>
    new Promise((resolve) => {
      finish = () => resolve({ outDir: "/crawl/site-audit", checked: 2, failed: 1, alreadyDone: 0, duplicates: 0, cancelled: false, totals: TOTALS });
    });
  handlers["cancel_audit"] = () => true;
});

async function choose(path: string) {
  const input = $<HTMLInputElement>("audit-input");
  if (!input) throw new Error("no input");
  input.value = path;
  input.dispatchEvent(new Event("change"));
  await flush();
}

describe("audit view", () => {
  it("is reached with Alt+7 and takes the saved preset", async () => {
    const root = document.createElement("div");
    document.body.replaceChildren(root);
    const app = new App(root);
    app.register("check", { el: document.createElement("div"), show: () => {} });
    app.register("audit", createAuditView(app));
    app.go("check");
    document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "7", code: "Digit7", altKey: true, bubbles: true }));
    await flush();
    expect(app.current).toBe("audit");
    expect($("audit-start")).not.toBeNull();
    expect($<HTMLSelectElement>("audit-preset")?.value).toBe("lenient");
  });

  it("audits a folder: plan, progress with rows, totals, then the folder's rows", async () => {
    boot();
    await choose("/crawl/site");
    expect($("audit-plan")?.textContent).toContain("/crawl/site-audit");
    expect($<HTMLInputElement>("audit-jobs")?.value).toBe("2");
    $("audit-start")?.click();
    await flush();
    const start = calls.find(([n]) => n === "start_audit");
    expect(start?.[1]).toEqual({ request: { input: "/crawl/site", outDir: "/crawl/site-audit", jobs: 2, preset: "lenient", beforeFromArticle: false } });
    expect($<HTMLButtonElement>("audit-start")?.disabled).toBe(true);
    expect($("audit-cancel")?.hidden).toBe(false);

    progress?.(tick({ done: 2, checked: 2, flagged: 1, rate: 12.5, etaSeconds: 0.08, rows: rows.slice(0, 2) }));
    expect($$("audit-row")).toHaveLength(2);
    expect($("audit-progress-label")?.textContent).toBe("2 of 3 · 13 articles/s · about 1 s left · 1 flagged so far");
    expect($<HTMLProgressElement>("audit-progress")?.value).toBe(2);
    progress?.(tick({ stage: "finishing", done: 3, checked: 2, failed: 1, flagged: 1, rows: rows.slice(2) }));
    expect($$("audit-row")).toHaveLength(3);
    finish?.();
    await flush();
    expect($("audit-progress-label")?.textContent).toMatch(/^Finished\. This run checked 2, 1 could not be checked\./);
    expect($("audit-totals")?.textContent).toContain("3 articles · 1 flagged");
    expect($$("audit-row").map((r) => r.getAttribute("data-name"))).toEqual(["site/copy.txt", "site/own.txt", "site/b.jpg"]);
    expect($<HTMLButtonElement>("audit-export")?.disabled).toBe(false);
    expect($("audit-shown")?.textContent).toBe("3 of 3 rows shown");

    // Filters: flagged only, then an agency.
    const flagged = $<HTMLInputElement>("audit-flagged-only");
    if (flagged) {
      flagged.checked = true;
      flagged.dispatchEvent(new Event("change"));
    }
    expect($$("audit-row").map((r) => r.getAttribute("data-name"))).toEqual(["site/copy.txt"]);
    const agency = $<HTMLSelectElement>("audit-agency");
    expect([...(agency?.options ?? [])].map((o) => o.value)).toEqual(["", "AP"]);
  });

  it("sends the option ticked: date from the page", async () => {
    boot();
    await choose("/crawl/site");
    $<HTMLInputElement>("audit-before-from-article")!.checked = true;
    $("audit-start")?.click();
    await flush();
    const start = calls.find(([n]) => n === "start_audit");
    expect(start?.[1]).toMatchObject({ request: { beforeFromArticle: true } });
    finish?.();
    await flush();
  });

  it("cancels, and says that Start again finishes the rest", async () => {
    handlers["start_audit"] = () =>
      new Promise((resolve) => {
        finish = () => resolve({ outDir: "/crawl/site-audit", checked: 1, failed: 0, alreadyDone: 0, duplicates: 0, cancelled: true, totals: TOTALS });
      });
    boot();
    await choose("/crawl/site");
    $("audit-start")?.click();
    await flush();
    $("audit-cancel")?.click();
    await flush();
    expect(calls.some(([n]) => n === "cancel_audit")).toBe(true);
    expect($("audit-progress-label")?.textContent).toMatch(/Cancelling/);
    finish?.();
    await flush();
    expect($("audit-progress-label")?.textContent).toMatch(/^Cancelled\..*Start again to finish the rest\.$/);
    expect($<HTMLButtonElement>("audit-start")?.disabled).toBe(false);
  });

  it("shows an earlier audit's rows when its folder is chosen, and opens a row in the review", async () => {
    handlers["plan_audit"] = () => ({ input: "/crawl/site", outDir: "/crawl/site-audit", hasResults: true, cores: 2 });
    handlers["open_audit_row"] = () => syntheticResult(300, 4);
    const { app } = boot();
    await choose("/crawl/site");
    expect($("audit-plan")?.textContent).toContain("Start resumes it");
    expect($$("audit-row")).toHaveLength(3);
    $$("audit-open")[0]?.click();
    await flush();
    const open = calls.find(([n]) => n === "open_audit_row");
    expect(open?.[1]).toEqual({ outDir: "/crawl/site-audit", offset: 7000, name: "site/copy.txt" });
    expect(app.current).toBe("review");
    expect(app.result?.report.text.length).toBeGreaterThan(0);
  });

  it("exports the overview into the folder chosen", async () => {
    handlers["plan_audit"] = () => ({ input: "/crawl/site", outDir: "/crawl/site-audit", hasResults: true, cores: 2 });
    handlers["export_audit"] = (a) => ({ folder: a?.["folder"], reports: 1 });
    (window as unknown as { __wirecheckTest: unknown }).__wirecheckTest = { openPaths: ["/send/here"] };
    try {
      boot();
      await choose("/crawl/site");
      $("audit-export")?.click();
      await flush();
      expect(calls.find(([n]) => n === "export_audit")?.[1]).toEqual({ outDir: "/crawl/site-audit", folder: "/send/here" });
      expect($("audit-export-status")?.textContent).toBe("Exported index.html, summary.csv and 1 report to /send/here.");
    } finally {
      delete (window as unknown as { __wirecheckTest?: unknown }).__wirecheckTest;
    }
  });

  it("shows errors inline: an unreadable folder, an empty path, a failed start", async () => {
    handlers["plan_audit"] = () => {
      throw { code: "invalid_input", message: "/nowhere cannot be read: No such file or directory (os error 2)." };
    };
    boot();
    await choose("/nowhere");
    expect($("audit-error")?.hidden).toBe(false);
    expect($("audit-error")?.textContent).toContain("/nowhere cannot be read");
    const input = $<HTMLInputElement>("audit-input");
    if (input) input.value = "";
    $("audit-start")?.click();
    await flush();
    expect($("audit-error")?.textContent).toContain("Choose a folder to audit");
    expect(calls.some(([n]) => n === "start_audit")).toBe(false);

    handlers["plan_audit"] = (a) => ({ input: a?.["input"], outDir: "/crawl/site-audit", hasResults: false, cores: 2 });
    handlers["start_audit"] = () => {
      throw { code: "invalid_input", message: "The archive is empty: import wire stories first (Archive view)." };
    };
    await choose("/crawl/site");
    $("audit-start")?.click();
    await flush();
    expect($("audit-error")?.textContent).toContain("The archive is empty");
    expect($<HTMLButtonElement>("audit-start")?.disabled).toBe(false);
    expect($("audit-progress")?.hidden).toBe(true);
  });

  it("takes a dropped folder as the input", async () => {
    const { view } = boot();
    await view.dropPaths(["/crawl/dropped"]);
    expect($<HTMLInputElement>("audit-input")?.value).toBe("/crawl/dropped");
    expect($("audit-plan")?.textContent).toContain("/crawl/dropped-audit");
  });

  it("words progress and durations", () => {
    expect(duration(30)).toBe("30 s");
    expect(duration(600)).toBe("10 min");
    expect(duration(4800)).toBe("1 h 20 min");
    expect(progressText(tick({ total: null, done: 10, rate: 3.25, flagged: 0 }))).toBe("10 articles · 3.3 articles/s · 0 flagged so far");
    expect(progressText(tick({ done: 5, alreadyDone: 4, failed: 1 }))).toBe("5 of 3 · 0 flagged so far · 1 error · 4 done before");
    expect(progressText(tick({ stage: "finishing" }))).toBe("Writing summary.csv and index.html…");
  });
});
