// The Audit view's results table: filters (flagged only, agency, site), sorting by any column,
// and a virtual window, so that only the rows in view are in the document however many the
// audit has (10,000 rows are about 40 <tr> elements). The model is pure; `createAuditTable`
// applies it to the DOM.

import type { AuditRow } from "./bindings";
import { h, replace } from "./dom";
import { agencyName, percent } from "./format";

export type SortKey = "name" | "site" | "published" | "derived" | "coverage" | "agency" | "credited" | "flagged" | "evidence" | "error";
export type Sort = { key: SortKey; descending: boolean };
export type Filters = { flaggedOnly: boolean; agency: string; site: string };

export const NO_FILTERS: Filters = { flaggedOnly: false, agency: "", site: "" };

/** Height of every row, in CSS pixels (the stylesheet sets the same): the window is computed from it. */
export const ROW_HEIGHT = 28;
/** Rows drawn above and below the visible ones, so a small scroll needs no redraw. */
const OVERSCAN = 8;

export const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: "name", label: "Article" },
  { key: "site", label: "Site" },
  { key: "published", label: "Published" },
  { key: "derived", label: "Verdict", numeric: true },
  { key: "coverage", label: "Coverage", numeric: true },
  { key: "agency", label: "Top source" },
  { key: "credited", label: "Credited" },
  { key: "flagged", label: "Flagged" },
  { key: "evidence", label: "Evidence", numeric: true },
  { key: "error", label: "Error" },
];

/** The agency a row is counted under, as index.html counts it: only derived rows have one. */
export function rowAgency(r: AuditRow): string {
  if (r.derived !== "wholly" && r.derived !== "partially") return "";
  if (r.topSourceId === null) return "";
  return agencyName(r.topSourceAgency);
}

const RANK = { wholly: 3, partially: 2, none: 1 } as const;

function key(r: AuditRow, k: SortKey): string | number {
  switch (k) {
    case "name":
      return r.name;
    case "site":
      return r.site;
    case "published":
      return r.published ?? "";
    case "derived":
      return r.derived === null ? 0 : RANK[r.derived];
    case "coverage":
      return r.coverage ?? -1;
    case "agency":
      return rowAgency(r);
    case "credited":
      return r.credited === null ? -1 : Number(r.credited);
    case "flagged":
      return Number(r.flagged);
    case "evidence":
      return r.evidenceConfidence ?? -1;
    case "error":
      return r.error ?? "";
  }
}

/** Rows passing the filters. */
export function filterRows(rows: readonly AuditRow[], f: Filters): AuditRow[] {
  return rows.filter((r) => (!f.flaggedOnly || r.flagged) && (f.agency === "" || rowAgency(r) === f.agency) && (f.site === "" || r.site === f.site));
}

/** Rows sorted by one column (stable: equal keys keep the audit's order). */
export function sortRows(rows: readonly AuditRow[], sort: Sort): AuditRow[] {
  const keyed = rows.map((r, i) => ({ r, i, k: key(r, sort.key) }));
  const sign = sort.descending ? -1 : 1;
  keyed.sort((a, b) => {
    const c = typeof a.k === "number" && typeof b.k === "number" ? a.k - b.k : String(a.k).localeCompare(String(b.k));
    return c !== 0 ? sign * c : a.i - b.i;
  });
  return keyed.map((x) => x.r);
}

/** Clicking a column: by it ascending, or the other way when it is the column already. */
export function toggleSort(sort: Sort, k: SortKey): Sort {
  return sort.key === k ? { key: k, descending: !sort.descending } : { key: k, descending: false };
}

/** The rows to draw for a scroll position: [start, end) of the shown list. */
export function visibleRange(count: number, scrollTop: number, viewport: number): { start: number; end: number } {
  const first = Math.min(count, Math.floor(Math.max(0, scrollTop) / ROW_HEIGHT));
  const start = Math.max(0, first - OVERSCAN);
  const end = Math.min(count, first + Math.ceil(Math.max(viewport, ROW_HEIGHT) / ROW_HEIGHT) + OVERSCAN);
  return { start: Math.min(start, end), end };
}

/** The agencies and sites the rows have, sorted, for the filters' menus. */
export function choices(rows: readonly AuditRow[]): { agencies: string[]; sites: string[] } {
  const agencies = new Set<string>();
  const sites = new Set<string>();
  for (const r of rows) {
    const a = rowAgency(r);
    if (a) agencies.add(a);
    if (r.site) sites.add(r.site);
  }
  return { agencies: [...agencies].sort(), sites: [...sites].sort() };
}

const VERDICT: Record<string, string> = { wholly: "Wholly", partially: "Partially", none: "Not derived" };
const TIER: Record<string, string> = { identical: "identical", minor_edits: "minor edits", paraphrase: "paraphrase" };

export type AuditTable = {
  readonly el: HTMLElement;
  /** Replaces every row. */
  setRows(rows: AuditRow[]): void;
  /** Adds rows (an audit's progress); the order and the filters apply to them too. */
  addRows(rows: AuditRow[]): void;
  setFilters(f: Filters): void;
  /** All rows, and those shown after the filters. */
  counts(): { all: number; shown: number };
  allRows(): readonly AuditRow[];
  /** Draws the rows in view again (after a scroll or a resize). */
  draw(): void;
};

export function createAuditTable(open: (row: AuditRow) => void, onChange: () => void = () => {}): AuditTable {
  let rows: AuditRow[] = [];
  let shown: AuditRow[] = [];
  let sort: Sort = { key: "flagged", descending: true };
  let filters: Filters = NO_FILTERS;
  let drawn = { start: -1, end: -1, length: -1 };

  const heads = COLUMNS.map((c) =>
    h(
      "th",
      { scope: "col", "data-testid": `audit-sort-${c.key}`, "data-key": c.key, class: c.numeric ? "n" : null },
      h("button", { type: "button", class: "sort", onclick: () => resort(toggleSort(sort, c.key)) }, c.label),
    ),
  );
  const body = h("tbody");
  const table = h("table", { class: "audit-table", "data-testid": "audit-table" }, h("thead", null, h("tr", null, heads)), body);
  const scroll = h("div", { class: "audit-scroll", "data-testid": "audit-scroll", tabindex: 0, "aria-label": "Audit results" }, table);
  scroll.addEventListener("scroll", () => draw());

  function derive(): void {
    shown = sortRows(filterRows(rows, filters), sort);
    drawn = { start: -1, end: -1, length: -1 };
    for (const th of heads) {
      const k = th.getAttribute("data-key");
      if (k === sort.key) th.setAttribute("aria-sort", sort.descending ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    }
    draw();
    onChange();
  }

  function resort(next: Sort): void {
    sort = next;
    derive();
  }

  function cell(text: string, cls?: string): HTMLTableCellElement {
    return h("td", { class: cls ?? null, title: text || null }, text);
  }

  function rowEl(r: AuditRow): HTMLTableRowElement {
    const agency = rowAgency(r);
    const open1 = h("button", { type: "button", class: "link", "data-testid": "audit-open", title: r.error ? "This article could not be checked" : "Open in the review", disabled: r.error !== null, onclick: () => open(r) }, r.name);
    return h(
      "tr",
      { "data-testid": "audit-row", "data-name": r.name, "data-flagged": String(r.flagged), "data-derived": r.derived ?? "", class: r.flagged ? "flagged" : r.error ? "failed" : null },
      h("td", { class: "name", title: r.input }, open1),
      cell(r.site),
      cell(r.published ?? ""),
      cell(r.derived ? (VERDICT[r.derived] ?? r.derived) : ""),
      cell(r.coverage === null ? "" : percent(r.coverage), "n"),
      cell(agency ? `${agency}${r.topSourceId !== null ? ` #${r.topSourceId}` : ""}${r.topSourceHeadline ? ` · ${r.topSourceHeadline}` : ""}` : ""),
      cell(agency && r.credited !== null ? (r.credited ? "yes" : "no") : ""),
      h("td", null, r.flagged ? h("span", { class: "flag-chip" }, "flagged") : ""),
      cell(r.evidenceTier ? `${TIER[r.evidenceTier] ?? r.evidenceTier}${r.evidenceConfidence !== null ? ` ${percent(r.evidenceConfidence)}` : ""}` : "", "n"),
      cell(r.error ? `${r.errorKind ?? "error"}: ${r.error}` : ""),
    );
  }

  function spacer(height: number, testid: string): HTMLTableRowElement {
    return h("tr", { class: "spacer", "aria-hidden": "true", "data-testid": testid, style: `height: ${height}px` }, h("td", { colspan: COLUMNS.length }));
  }

  function draw(): void {
    // Outside a laid-out page (tests) the scroll area has no height: draw a screenful.
    const viewport = scroll.clientHeight || 800;
    const { start, end } = visibleRange(shown.length, scroll.scrollTop, viewport);
    if (start === drawn.start && end === drawn.end && shown.length === drawn.length) return;
    drawn = { start, end, length: shown.length };
    if (shown.length === 0) {
      replace(body, h("tr", { class: "empty-row" }, h("td", { colspan: COLUMNS.length, class: "muted" }, rows.length === 0 ? "No results yet." : "No row matches the filters.")));
      return;
    }
    replace(body, spacer(start * ROW_HEIGHT, "audit-spacer-top"), shown.slice(start, end).map(rowEl), spacer((shown.length - end) * ROW_HEIGHT, "audit-spacer-bottom"));
  }

  return {
    el: scroll,
    setRows(next) {
      rows = next.slice();
      derive();
    },
    addRows(more) {
      if (more.length === 0) return;
      rows = rows.concat(more);
      derive();
    },
    setFilters(f) {
      filters = f;
      scroll.scrollTop = 0;
      derive();
    },
    counts: () => ({ all: rows.length, shown: shown.length }),
    allRows: () => rows,
    draw,
  };
}
