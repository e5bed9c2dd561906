// The Audit view: a folder of saved pages (or one JSON Lines export) checked against the
// archive on every core, as `wirecheck audit` does. Choose or drop the folder, set the options,
// Start; progress comes from Rust in events (about ten a second) with the new rows, so the table
// fills while the audit runs; Cancel leaves whole lines and Start again resumes. The table
// sorts and filters; a row opens in the review; Export copies index.html, summary.csv and the
// flagged articles' reports into a folder.

import type { App, View } from "../app";
import { hideMessage, messageArea, showMessage } from "../app";
import { NO_FILTERS, choices, createAuditTable } from "../audit-table";
import type { AuditOutcome, AuditPlan, AuditProgress, AuditRow, AuditTotals, Preset } from "../bindings";
import * as cmd from "../commands";
import { openDialog } from "../dialogs";
import { h, replace } from "../dom";
import { errorText } from "../errors";
import { onAuditProgress } from "../events";
import { plural } from "../format";

/** Rows the view reads from a folder at most; summary.csv and index.html have them all. */
export const VIEW_ROW_LIMIT = 200_000;

export type AuditView = View & {
  /** A folder (or export) dropped on the view: it becomes the input. */
  dropPaths(paths: string[]): Promise<void>;
};

/** Seconds as "45 s", "3 min", "1 h 20 min". */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "";
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** The progress line: "120 of 1,000 · 45 articles/s · about 20 s left · 12 flagged". */
export function progressText(p: AuditProgress): string {
  if (p.stage === "finishing") return "Writing summary.csv and index.html…";
  const parts = [p.total === null ? `${p.done.toLocaleString("en-GB")} articles` : `${p.done.toLocaleString("en-GB")} of ${p.total.toLocaleString("en-GB")}`];
  if (p.rate > 0) parts.push(`${p.rate < 10 ? p.rate.toFixed(1) : Math.round(p.rate).toLocaleString("en-GB")} articles/s`);
  if (p.etaSeconds !== null && p.stage === "checking") parts.push(`about ${duration(p.etaSeconds)} left`);
  parts.push(`${plural(p.flagged, "flagged", "flagged")} so far`);
  if (p.failed > 0) parts.push(`${plural(p.failed, "error")}`);
  if (p.alreadyDone > 0) parts.push(`${p.alreadyDone.toLocaleString("en-GB")} done before`);
  return parts.join(" · ");
}

/** The counts line of a whole folder. */
export function totalsText(t: AuditTotals): string {
  const failed = t.errors.reduce((n, e) => n + e.count, 0);
  return `${plural(t.articles, "article")} · ${t.flagged.toLocaleString("en-GB")} flagged (a source copied without credit) · ${t.wholly.toLocaleString("en-GB")} wholly, ${t.partially.toLocaleString("en-GB")} partially derived, ${t.none.toLocaleString("en-GB")} not derived · ${failed.toLocaleString("en-GB")} could not be checked`;
}

export function createAuditView(app: App): AuditView {
  const input = h("input", { id: "audit-input", type: "text", "data-testid": "audit-input", placeholder: "/path/to/saved/pages or export.jsonl", spellcheck: "false" });
  const choose = h("button", { type: "button", "data-testid": "audit-choose" }, "Choose folder…");
  const outDir = h("input", { id: "audit-out", type: "text", "data-testid": "audit-out", placeholder: "beside the folder (name-audit)", spellcheck: "false" });
  const jobs = h("input", { id: "audit-jobs", type: "number", "data-testid": "audit-jobs", min: 1, max: 64, step: 1, value: "1" });
  const preset = h(
    "select",
    { id: "audit-preset", "data-testid": "audit-preset", title: "How much copying it takes to report a story as a source" },
    h("option", { value: "strict" }, "Strict"),
    h("option", { value: "standard", selected: true }, "Standard"),
    h("option", { value: "lenient" }, "Lenient"),
  );
  const beforeFromArticle = h("input", { id: "audit-before", type: "checkbox", "data-testid": "audit-before-from-article" });
  const start = h("button", { type: "submit", class: "primary", "data-testid": "audit-start" }, "Start");
  const cancel = h("button", { type: "button", "data-testid": "audit-cancel", hidden: true }, "Cancel");
  const error = messageArea("audit-error", "alert");
  const plan = h("p", { class: "hint", "data-testid": "audit-plan", hidden: true });
  const progress = h("progress", { "data-testid": "audit-progress", max: 1, value: 0, "aria-label": "Audit progress", hidden: true });
  const progressLabel = h("div", { class: "muted", "data-testid": "audit-progress-label", "aria-live": "polite" });
  const totals = h("p", { class: "audit-totals", "data-testid": "audit-totals", hidden: true });
  const flaggedOnly = h("input", { id: "audit-flagged-only", type: "checkbox", "data-testid": "audit-flagged-only" });
  const agency = h("select", { id: "audit-agency", "data-testid": "audit-agency" });
  const site = h("select", { id: "audit-site", "data-testid": "audit-site" });
  const shownCount = h("span", { class: "muted", "data-testid": "audit-shown" });
  const exportButton = h("button", { type: "button", "data-testid": "audit-export", disabled: true, title: "Copy index.html, summary.csv and the flagged articles' reports into a folder" }, "Export…");
  const exportStatus = messageArea("audit-export-status");
  const table = createAuditTable((row) => void openRow(row), () => updateCount());

  let current: AuditPlan | null = null;
  let running = false;
  let presetChosen = false;
  /** Folder whose rows the table shows. */
  let shownDir: string | null = null;
  let rowTotal = 0;

  const form = h(
    "form",
    { class: "audit-form", "aria-label": "Audit" },
    h("p", { class: "hint" }, "Saved pages (HTML, text) in a folder and its subfolders, or a JSON Lines export (id, url, published, text or html), checked against the archive on every core. Choose the folder, drop it on this view, or type its path."),
    h("div", { class: "path-row" }, h("label", { for: "audit-input", class: "visually-hidden" }, "Folder to audit"), input, choose),
    h(
      "div",
      { class: "audit-options" },
      h("label", { for: "audit-out" }, "Results in ", outDir),
      h("label", { for: "audit-jobs" }, "Jobs ", jobs),
      h("label", { for: "audit-preset" }, "Sensitivity ", preset),
      h("label", { for: "audit-before", title: "Only stories published before a page count as its sources, the page's date read from its metadata when the input gives none" }, beforeFromArticle, " Date from the page"),
      start,
      cancel,
    ),
    plan,
    error,
    progress,
    progressLabel,
  );
  const filters = h(
    "div",
    { class: "audit-filters" },
    h("label", { for: "audit-flagged-only" }, flaggedOnly, " Flagged only"),
    h("label", { for: "audit-agency" }, "Agency ", agency),
    h("label", { for: "audit-site" }, "Site ", site),
    shownCount,
    h("span", { class: "spacer-flex" }),
    exportButton,
  );
  const el = h("div", { class: "audit-view" }, h("h1", null, "Audit"), form, totals, filters, exportStatus, table.el);

  function fillMenu(select: HTMLSelectElement, all: string, values: string[]): void {
    const keep = select.value;
    replace(select, h("option", { value: "" }, all), values.map((v) => h("option", { value: v }, v)));
    select.value = values.includes(keep) ? keep : "";
  }

  function refreshMenus(): void {
    const c = choices(table.allRows());
    fillMenu(agency, "All agencies", c.agencies);
    fillMenu(site, "All sites", c.sites);
  }

  function updateCount(): void {
    const c = table.counts();
    const beyond = rowTotal > c.all ? ` (the first ${c.all.toLocaleString("en-GB")} of ${rowTotal.toLocaleString("en-GB")}; summary.csv has all)` : "";
    shownCount.textContent = `${c.shown.toLocaleString("en-GB")} of ${c.all.toLocaleString("en-GB")} rows shown${beyond}`;
  }

  function applyFilters(): void {
    table.setFilters({ ...NO_FILTERS, flaggedOnly: flaggedOnly.checked, agency: agency.value, site: site.value });
  }
  for (const f of [flaggedOnly, agency, site]) f.addEventListener("change", applyFilters);

  function showTotals(t: AuditTotals): void {
    totals.hidden = false;
    totals.textContent = totalsText(t);
  }

  /** Reads the rows of a folder into the table. */
  async function loadResults(dir: string): Promise<void> {
    const results = await cmd.auditResults(dir, VIEW_ROW_LIMIT);
    shownDir = dir;
    rowTotal = results.total;
    table.setRows(results.rows);
    refreshMenus();
    exportButton.disabled = results.total === 0;
    if (results.total > 0) showTotals(results.totals);
    else totals.hidden = true;
  }

  /** A folder chosen, dropped or typed: where its results go, and the earlier results there. */
  async function choosePath(path: string): Promise<boolean> {
    hideMessage(error);
    hideMessage(exportStatus);
    try {
      current = await cmd.planAudit(path, outDir.value.trim() || null);
      input.value = current.input;
      outDir.placeholder = current.outDir;
      plan.hidden = false;
      plan.textContent = current.hasResults
        ? `Results in ${current.outDir}: an earlier audit is there; Start resumes it (the articles already done are skipped).`
        : `Results will be written to ${current.outDir}.`;
      if (jobs.dataset.touched !== "1") jobs.value = String(current.cores);
      if (current.hasResults) await loadResults(current.outDir);
      else if (shownDir !== current.outDir) {
        shownDir = current.outDir;
        rowTotal = 0;
        table.setRows([]);
        refreshMenus();
        totals.hidden = true;
        exportButton.disabled = true;
      }
      return true;
    } catch (e) {
      current = null;
      plan.hidden = true;
      showMessage(error, "error", errorText(e));
      return false;
    }
  }
  jobs.addEventListener("change", () => (jobs.dataset.touched = "1"));
  preset.addEventListener("change", () => (presetChosen = true));
  input.addEventListener("change", () => void choosePath(input.value.trim()));
  outDir.addEventListener("change", () => {
    if (input.value.trim() !== "") void choosePath(input.value.trim());
  });

  choose.addEventListener("click", async () => {
    try {
      const paths = await openDialog({ directory: true, title: "Folder to audit" });
      if (paths && paths[0]) await choosePath(paths[0]);
    } catch (e) {
      showMessage(error, "error", errorText(e));
    }
  });

  function setRunning(on: boolean): void {
    running = on;
    start.disabled = on;
    choose.disabled = on;
    input.disabled = on;
    outDir.disabled = on;
    cancel.hidden = !on;
    cancel.disabled = false;
    if (on) exportButton.disabled = true;
  }

  function onProgress(p: AuditProgress): void {
    if (p.total !== null && p.total > 0) {
      progress.max = p.total;
      progress.value = Math.min(p.done, p.total);
    }
    progress.setAttribute("data-stage", p.stage);
    progressLabel.textContent = progressText(p);
    if (p.rows.length > 0) {
      table.addRows(p.rows);
      rowTotal = Math.max(rowTotal, table.counts().all);
    }
  }

  async function run(): Promise<void> {
    if (running) return;
    const path = input.value.trim();
    if (path === "") {
      showMessage(error, "error", "Choose a folder to audit, drop it here, or type its path.");
      input.focus();
      return;
    }
    if (!current || current.input !== path) {
      if (!(await choosePath(path))) return;
    }
    const planned = current;
    if (!planned) return;
    hideMessage(error);
    hideMessage(exportStatus);
    setRunning(true);
    progress.hidden = false;
    progress.removeAttribute("value"); // indeterminate until the articles are counted
    progress.removeAttribute("data-stage");
    progressLabel.textContent = "Looking for articles…";
    // The rows written earlier stay; this run's come with its progress.
    if (shownDir !== planned.outDir) {
      table.setRows([]);
      shownDir = planned.outDir;
    }
    const unlisten = await onAuditProgress(onProgress);
    let outcome: AuditOutcome | null = null;
    try {
      const n = Number(jobs.value);
      outcome = await cmd.startAudit({
        input: planned.input,
        outDir: planned.outDir,
        jobs: Number.isInteger(n) && n >= 1 ? n : null,
        preset: preset.value as Preset,
        beforeFromArticle: beforeFromArticle.checked,
      });
    } catch (e) {
      showMessage(error, "error", errorText(e));
      progress.hidden = true;
      progressLabel.textContent = "";
    } finally {
      unlisten();
      setRunning(false);
    }
    if (!outcome) return;
    progress.max = 1;
    progress.value = 1;
    progress.setAttribute("data-stage", "done");
    const run1 = `This run checked ${outcome.checked.toLocaleString("en-GB")}${outcome.failed ? `, ${outcome.failed.toLocaleString("en-GB")} could not be checked` : ""}${outcome.alreadyDone ? `, skipped ${outcome.alreadyDone.toLocaleString("en-GB")} done before` : ""}.`;
    progressLabel.textContent = outcome.cancelled ? `Cancelled. ${run1} Start again to finish the rest.` : `Finished. ${run1}`;
    current = { ...planned, hasResults: true };
    try {
      await loadResults(outcome.outDir);
    } catch (e) {
      showMessage(error, "error", errorText(e));
    }
    showTotals(outcome.totals);
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void run();
  });
  cancel.addEventListener("click", async () => {
    cancel.disabled = true;
    progressLabel.textContent = "Cancelling: finishing the articles being checked…";
    try {
      await cmd.cancelAudit();
    } catch (e) {
      showMessage(error, "error", errorText(e));
    }
  });

  async function openRow(row: AuditRow): Promise<void> {
    if (!shownDir) return;
    hideMessage(error);
    try {
      const result = await cmd.openAuditRow(shownDir, row.offset, row.name);
      app.setResult(result);
      app.openReview({ sourceId: result.report.sources[0]?.id });
    } catch (e) {
      showMessage(error, "error", errorText(e));
    }
  }

  exportButton.addEventListener("click", async () => {
    if (!shownDir) return;
    hideMessage(exportStatus);
    try {
      const folder = await openDialog({ directory: true, title: "Export the audit's overview into…" });
      if (!folder || !folder[0]) return;
      const done = await cmd.exportAudit(shownDir, folder[0]);
      showMessage(exportStatus, "ok", `Exported index.html, summary.csv and ${plural(done.reports, "report")} to ${done.folder}.`);
    } catch (e) {
      showMessage(exportStatus, "error", errorText(e));
    }
  });

  window.addEventListener("resize", () => table.draw());

  return {
    el,
    async dropPaths(paths) {
      if (running || !paths[0]) return;
      await choosePath(paths[0]);
    },
    show() {
      table.draw();
      if (!presetChosen)
        void cmd.getSettings().then(
          (s) => {
            if (!presetChosen) preset.value = s.preset;
          },
          () => {},
        );
    },
  };
}
