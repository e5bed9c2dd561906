// The audit's results table: filters, sorting, and the virtual window that keeps 10,000 rows
// cheap (only the rows in view are in the document).
import { describe, expect, it } from "vitest";
import type { AuditRow } from "../src/bindings";
import { auditRow } from "./fixtures";
import { ROW_HEIGHT, choices, createAuditTable, filterRows, rowAgency, sortRows, toggleSort, visibleRange } from "../src/audit-table";

const rows = (n: number) => Array.from({ length: n }, (_, i) => auditRow(i));

describe("audit table model", () => {
  it("filters flagged only, by agency and by site, together", () => {
    const all = rows(100);
    const flagged = filterRows(all, { flaggedOnly: true, agency: "", site: "" });
    expect(flagged.length).toBe(15);
    expect(flagged.every((r) => r.flagged)).toBe(true);
    const ap = filterRows(all, { flaggedOnly: false, agency: "AP", site: "" });
    expect(ap.length).toBeGreaterThan(0);
    expect(ap.every((r) => rowAgency(r) === "AP")).toBe(true);
    const both = filterRows(all, { flaggedOnly: true, agency: "", site: "site-0.example" });
    expect(both.map((r) => r.offset / 1000)).toEqual([0, 28, 56, 84]);
    expect(filterRows(all, { flaggedOnly: false, agency: "", site: "" }).length).toBe(100);
  });

  it("counts an article under an agency only when it is derived, as index.html does", () => {
    expect(rowAgency(auditRow(7))).toBe("AP");
    expect(rowAgency(auditRow(1))).toBe("");
    expect(rowAgency(auditRow(7, { topSourceAgency: null }))).toBe("Unknown agency");
    expect(choices(rows(30)).agencies).toEqual(["AFP", "AP", "Reuters"]);
    expect(choices(rows(30)).sites).toEqual(["site-0.example", "site-1.example", "site-2.example", "site-3.example"]);
  });

  it("sorts by any column both ways, numbers as numbers, stable on ties", () => {
    const all = rows(50);
    const byCoverage = sortRows(all, { key: "coverage", descending: true });
    const covs = byCoverage.map((r) => r.coverage ?? -1);
    expect(covs).toEqual([...covs].sort((a, b) => b - a));
    const byVerdict = sortRows(all, { key: "derived", descending: true });
    expect(byVerdict[0]?.derived).toBe("wholly");
    expect(byVerdict.at(-1)?.derived).toBe("none");
    const ties = byVerdict.filter((r) => r.derived === "wholly").map((r) => r.offset);
    expect(ties).toEqual([...ties].sort((a, b) => a - b));
    const byName = sortRows(all, { key: "name", descending: false }).map((r) => r.name);
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));
    const failed = auditRow(1, { derived: null, coverage: null, error: "binary file, not text", errorKind: "binary" });
    expect(sortRows([auditRow(2), failed], { key: "coverage", descending: false })[0]).toBe(failed);
    expect(toggleSort({ key: "name", descending: false }, "name")).toEqual({ key: "name", descending: true });
    expect(toggleSort({ key: "name", descending: true }, "site")).toEqual({ key: "site", descending: false });
  });

  it("draws a window of rows around the scroll position", () => {
    expect(visibleRange(10_000, 0, 560)).toEqual({ start: 0, end: 28 });
    const mid = visibleRange(10_000, 5000 * ROW_HEIGHT, 560);
    expect(mid.start).toBe(4992);
    expect(mid.end).toBe(5028);
    expect(visibleRange(10_000, 1e9, 560).end).toBe(10_000);
    expect(visibleRange(3, 0, 560)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(0, 0, 560)).toEqual({ start: 0, end: 0 });
  });
});

describe("audit table in the page", () => {
  it("keeps 10,000 rows to a few dozen elements, sorted and filtered, while rows keep coming", () => {
    const opened: AuditRow[] = [];
    const table = createAuditTable((r) => opened.push(r));
    document.body.replaceChildren(table.el);
    const all = rows(10_000);
    const t0 = performance.now();
    // As an audit feeds it: a batch at a time.
    for (let i = 0; i < all.length; i += 500) table.addRows(all.slice(i, i + 500));
    const fed = performance.now() - t0;
    const drawn = table.el.querySelectorAll('[data-testid="audit-row"]');
    expect(table.counts()).toEqual({ all: 10_000, shown: 10_000 });
    expect(drawn.length).toBeLessThan(60);
    expect(drawn.length).toBeGreaterThan(20);
    // Flagged first by default, and the spacer stands for the rows not drawn.
    expect(drawn[0]?.getAttribute("data-flagged")).toBe("true");
    const bottom = table.el.querySelector<HTMLElement>('[data-testid="audit-spacer-bottom"]');
    expect(bottom?.style.height).toBe(`${(10_000 - drawn.length) * ROW_HEIGHT}px`);

    const t1 = performance.now();
    table.el.querySelector<HTMLButtonElement>('[data-testid="audit-sort-coverage"] button')?.click();
    const sorted = performance.now() - t1;
    expect(table.el.querySelector('[data-testid="audit-sort-coverage"]')?.getAttribute("aria-sort")).toBe("ascending");
    const first = table.el.querySelector<HTMLElement>('[data-testid="audit-row"]');
    expect(first?.querySelectorAll("td")[4]?.textContent).toBe("0%");

    table.el.scrollTop = 9_000 * ROW_HEIGHT;
    table.el.dispatchEvent(new Event("scroll"));
    const names = [...table.el.querySelectorAll('[data-testid="audit-row"]')].map((r) => r.getAttribute("data-name"));
    expect(names.length).toBeLessThan(60);
    expect(names).not.toContain(first?.getAttribute("data-name"));

    table.setFilters({ flaggedOnly: true, agency: "", site: "" });
    expect(table.counts().shown).toBe(1429);
    const flaggedRows = [...table.el.querySelectorAll('[data-testid="audit-row"]')];
    expect(flaggedRows.every((r) => r.getAttribute("data-flagged") === "true")).toBe(true);
    flaggedRows[0]?.querySelector<HTMLButtonElement>('[data-testid="audit-open"]')?.click();
    expect(opened).toHaveLength(1);
    expect(opened[0]?.flagged).toBe(true);
    // A measured figure, not an assertion: what feeding and sorting 10,000 rows cost here.
    console.info(`audit table, 10,000 rows: fed in 20 batches ${fed.toFixed(0)} ms, sorted by coverage ${sorted.toFixed(0)} ms, ${drawn.length} rows in the document`);
  });

  it("says when nothing matches, and error rows cannot be opened", () => {
    const table = createAuditTable(() => {});
    document.body.replaceChildren(table.el);
    table.setRows([auditRow(1, { derived: null, error: "binary file, not text", errorKind: "binary" })]);
    const open = table.el.querySelector<HTMLButtonElement>('[data-testid="audit-open"]');
    expect(open?.disabled).toBe(true);
    expect(table.el.textContent).toContain("binary: binary file, not text");
    table.setFilters({ flaggedOnly: true, agency: "", site: "" });
    expect(table.el.textContent).toContain("No row matches the filters.");
  });
});
