// Builds the review's two texts: the article with every matched passage, credit and boilerplate
// block marked, and the words its edited passages added or put in place of wire words; the
// source story with the passages copied from it and the wire words dropped or replaced. Text no
// passage covers is marked on both sides, and each passage is numbered at its start on both.
// One pass over sorted boundaries into a DocumentFragment; offsets are characters, mapped
// through CharIndex.

import type { Passage, Report } from "./bindings";
import type { Change, ChangeKind, Span } from "./changes";
import { h } from "./dom";
import { PALETTE_SIZE, agencyName } from "./format";
import { minimapMarks } from "./minimap";
import { CharIndex, primaryRuns, segment, type Range } from "./text";

/** Each source's colour slot: its position in the report, modulo the palette. */
export function sourceSlots(report: Report): Map<number, number> {
  return new Map(report.sources.map((s, i) => [s.id, i]));
}

export function colourClass(slot: number): string {
  return `src-${((slot % PALETTE_SIZE) + PALETTE_SIZE) % PALETTE_SIZE}`;
}

/** Picks, among overlapping passages, the one of the preferred source, else the first. */
function chooser(passages: readonly Passage[], preferSource: number | null) {
  return (ids: readonly number[]): number => {
    if (preferSource !== null) {
      const preferred = ids.find((id) => passages[id]?.sourceId === preferSource);
      if (preferred !== undefined) return preferred;
    }
    return ids[0] as number;
  };
}

/** The secondary layers of one text, segmented once and walked with cursors in one pass. */
type Layers = {
  /** Runs over credits (ids `[0, credits)`), boilerplate (`[credits, firstChange)`) and change
   * marks (`firstChange + i` is `changes[i]`). */
  runs: ReturnType<typeof segment>;
  at: number;
  credits: number;
  firstChange: number;
  changes: readonly Change[];
  /** Drop points (dropped wire words) sorted by article position, and the next one to place. */
  points: readonly Change[];
  pointAt: number;
  /** Which side: the article marks inserts, the source marks deletes. */
  side: "article" | "source";
};

function layers(
  length: number,
  side: "article" | "source",
  changes: readonly Change[],
  credits: readonly Range[] = [],
  boilerplate: readonly { start: number; end: number }[] = [],
): Layers {
  const ranges: Range[] = [...credits];
  boilerplate.forEach((b, j) => ranges.push({ start: b.start, end: b.end, id: credits.length + j }));
  const firstChange = ranges.length;
  const marked = changes.filter((c) => (side === "article" ? c.article : c.source) !== null);
  marked.forEach((c, i) => {
    const span = (side === "article" ? c.article : c.source) as Span;
    ranges.push({ start: span.start, end: span.end, id: firstChange + i });
  });
  const points = side === "article" ? changes.filter((c) => c.dropAt !== null).sort((a, b) => (a.dropAt as number) - (b.dropAt as number) || a.id - b.id) : [];
  return {
    runs: segment(length, ranges).filter((r) => r.ids.length > 0),
    at: 0,
    credits: credits.length,
    firstChange,
    changes: marked,
    points,
    pointAt: 0,
    side,
  };
}

const TITLES: Record<ChangeKind, Record<"article" | "source", string>> = {
  replaced: { article: "Replaced: the wire had", source: "Replaced: the article has" },
  added: { article: "Added by the article", source: "" },
  dropped: { article: "", source: "Dropped by the article" },
};

function changeMark(c: Change, side: "article" | "source"): HTMLElement {
  const other = side === "article" ? c.deleted : c.inserted;
  return h("span", {
    class: `change change-${side === "article" ? "insert" : "delete"} ${c.kind}`,
    "data-testid": side === "article" ? "change-insert" : "change-delete",
    "data-change": c.id,
    "data-change-kind": c.kind,
    title: c.kind === "replaced" ? `${TITLES.replaced[side]} “${other}”` : TITLES[c.kind][side],
  });
}

function dropPoint(c: Change): HTMLElement {
  return h("span", {
    class: "change drop-point",
    "data-testid": "change-drop-point",
    "data-change": c.id,
    "data-change-kind": "dropped",
    title: `Wire words dropped here: “${c.deleted}”`,
  });
}

/**
 * Appends text `[from, to)` to `target`, placing the drop points of `passage` that fall in it
 * (a point at `to` too when `closing`: dropped words at the end of a passage). Points of other
 * passages inside it cannot be placed (overlapping passages, one shown) and are passed over.
 */
function appendText(target: Node, ix: CharIndex, from: number, to: number, l: Layers, passage: number | null, closing: boolean): void {
  const pts = l.points;
  for (;;) {
    const pt = pts[l.pointAt];
    if (!pt) break;
    const at = pt.dropAt as number;
    // A point at the end belongs here only when it is this passage's; else the next run's
    // (dropped words at the start of a passage that follows the article's own text).
    if (at > to || (at === to && (!closing || pt.passage !== passage))) break;
    l.pointAt++;
    if (at < from || pt.passage !== passage) continue;
    if (at > from) {
      target.appendChild(document.createTextNode(ix.slice(from, at)));
      from = at;
    }
    target.appendChild(dropPoint(pt));
  }
  if (to > from) target.appendChild(document.createTextNode(ix.slice(from, to)));
}

/**
 * Appends text `[start, end)` to `parent`, wrapping the parts covered by credits, boilerplate
 * and the changes of `passage` (null outside passages). The layers' cursors advance, so the
 * whole text is one pass.
 */
function appendMarked(parent: Node, ix: CharIndex, start: number, end: number, l: Layers, passage: number | null): void {
  const runs = l.runs;
  while (l.at < runs.length && (runs[l.at] as { end: number }).end <= start) l.at++;
  let i = l.at;
  let pos = start;
  while (pos < end) {
    const run = runs[i];
    if (!run || run.start >= end) {
      appendText(parent, ix, pos, end, l, passage, true);
      return;
    }
    if (run.start > pos) {
      appendText(parent, ix, pos, run.start, l, passage, false);
      pos = run.start;
    }
    const to = Math.min(run.end, end);
    const credit = run.ids.find((id) => id < l.credits);
    const boiler = run.ids.some((id) => id >= l.credits && id < l.firstChange);
    const changeId = run.ids.find((id) => id >= l.firstChange && l.changes[id - l.firstChange]?.passage === passage);
    let target: Node = parent;
    if (changeId !== undefined) {
      const mark = changeMark(l.changes[changeId - l.firstChange] as Change, l.side);
      target.appendChild(mark);
      target = mark;
    }
    if (credit !== undefined) {
      const mark = h("mark", { class: `credit${boiler ? " boilerplate" : ""}`, "data-credit-index": credit, title: "Credit to an agency" });
      target.appendChild(mark);
      target = mark;
    } else if (boiler) {
      const span = h("span", { class: "boilerplate", title: "Boilerplate: not counted as copying" });
      target.appendChild(span);
      target = span;
    }
    appendText(target, ix, pos, to, l, passage, to === end);
    pos = to;
    if (run.end <= end) i++;
  }
}

/** Text that matched nothing: the article's own reporting, or the part of the story not used.
 * Whitespace alone between two passages is left plain. */
function appendUnmatched(parent: Node, ix: CharIndex, start: number, end: number, l: Layers, what: string): void {
  if (!/\S/u.test(ix.slice(start, end))) {
    appendMarked(parent, ix, start, end, l, null);
    return;
  }
  const span = h("span", { class: "unmatched", "data-testid": "unmatched", title: what });
  appendMarked(span, ix, start, end, l, null);
  parent.appendChild(span);
}

/**
 * The article text with passage spans (data-testid="passage", numbered at their start),
 * credits, boilerplate, the text no passage covers, and the changes of edited passages marked
 * in place (`changes` from changes.ts: added and replacing words, points where wire words were
 * dropped).
 */
export function renderArticleText(
  report: Report,
  ix: CharIndex,
  preferSource: number | null,
  changes: readonly Change[] = [],
): DocumentFragment {
  const slots = sourceSlots(report);
  const passages = report.passages;
  const ranges: Range[] = passages.map((p, id) => ({ start: p.articleStart, end: p.articleEnd, id }));
  const runs = primaryRuns(segment(ix.length, ranges), chooser(passages, preferSource));
  const l = layers(
    ix.length,
    "article",
    changes,
    report.credits.map((c, id) => ({ start: c.start, end: c.end, id })),
    report.boilerplate.map(([start, end]) => ({ start, end })),
  );
  const names = new Map(report.sources.map((s) => [s.id, agencyName(s.agency)]));
  const out = document.createDocumentFragment();
  for (const run of runs) {
    if (run.id === null) {
      appendUnmatched(out, ix, run.start, run.end, l, "Not in any source: the article's own text");
      continue;
    }
    const p = passages[run.id] as Passage;
    const slot = slots.get(p.sourceId) ?? 0;
    const span = h("span", {
      class: `passage ${p.kind} ${colourClass(slot)}`,
      "data-testid": "passage",
      "data-index": run.id,
      "data-kind": p.kind,
      "data-source-id": p.sourceId,
      // The passage's number, shown at its start on both sides (CSS), so a reordered article
      // shows which part of the story each passage came from.
      "data-n": run.start === Math.max(0, p.articleStart) ? run.id + 1 : null,
      tabindex: 0,
      role: "button",
      "aria-label": `Passage ${run.id + 1}, ${p.kind}, ${p.words} words from ${names.get(p.sourceId) ?? "a source"}`,
    });
    appendMarked(span, ix, run.start, run.end, l, run.id);
    out.appendChild(span);
  }
  return out;
}

/**
 * The source story's body with the spans (data-testid="source-passage") copied from it,
 * numbered as in the article, the part not used, and the wire words that edited passages
 * dropped or replaced.
 */
export function renderSourceText(report: Report, body: CharIndex, sourceId: number, changes: readonly Change[] = []): DocumentFragment {
  const slot = sourceSlots(report).get(sourceId) ?? 0;
  const ranges: Range[] = [];
  report.passages.forEach((p, id) => {
    if (p.sourceId === sourceId) ranges.push({ start: p.sourceStart, end: p.sourceEnd, id });
  });
  const runs = segment(body.length, ranges);
  const l = layers(
    body.length,
    "source",
    changes.filter((c) => c.sourceId === sourceId),
  );
  const out = document.createDocumentFragment();
  for (const run of primaryRunsWithCover(runs)) {
    if (run.id === null) {
      appendUnmatched(out, body, run.start, run.end, l, "Not used by the article");
      continue;
    }
    const p = report.passages[run.id] as Passage;
    // Numbers of the passages that start here (several article passages may copy one stretch).
    const starting = run.covers.filter((id) => Math.max(0, report.passages[id]?.sourceStart ?? -1) === run.start).map((id) => id + 1);
    const span = h("span", {
      class: `source-passage ${p.kind} ${colourClass(slot)}`,
      "data-testid": "source-passage",
      "data-index": run.id,
      "data-kind": p.kind,
      // Other passages copying the same wire words (several article passages, one source).
      "data-covers": run.covers.length > 1 ? run.covers.join(" ") : null,
      "data-n": starting.length > 0 ? starting.join(",") : null,
      tabindex: -1,
    });
    appendMarkedCovering(span, body, run.start, run.end, l, run.covers);
    out.appendChild(span);
  }
  return out;
}

/** As appendMarked, for a source run copied by several passages: any of them may have dropped
 * or replaced the words there; the first covering passage's mark is shown. */
function appendMarkedCovering(parent: Node, body: CharIndex, start: number, end: number, l: Layers, covers: readonly number[]): void {
  if (covers.length <= 1) {
    appendMarked(parent, body, start, end, l, covers[0] ?? null);
    return;
  }
  // Rare: pick, per stretch, the first covering passage with a change there.
  const runs = l.runs;
  while (l.at < runs.length && (runs[l.at] as { end: number }).end <= start) l.at++;
  let pos = start;
  for (let i = l.at; i < runs.length && pos < end; i++) {
    const run = runs[i] as (typeof runs)[number];
    if (run.start >= end) break;
    const owner = run.ids.map((id) => l.changes[id - l.firstChange]?.passage).find((p) => p !== undefined && covers.includes(p));
    if (owner === undefined) continue;
    const from = Math.max(run.start, pos);
    const to = Math.min(run.end, end);
    if (from > pos) appendMarked(parent, body, pos, from, l, null);
    appendMarked(parent, body, from, to, l, owner);
    pos = to;
  }
  if (pos < end) appendMarked(parent, body, pos, end, l, null);
}

function primaryRunsWithCover(runs: ReturnType<typeof segment>) {
  const out: { start: number; end: number; id: number | null; covers: number[] }[] = [];
  for (const run of runs) {
    const id = run.ids[0] ?? null;
    const last = out[out.length - 1];
    if (last && last.id === id && last.end === run.start && last.covers.join() === run.ids.join()) last.end = run.end;
    else out.push({ start: run.start, end: run.end, id, covers: run.ids });
  }
  return out;
}

/** The minimap strip: one button-like mark per passage, placed by character offset. */
export function renderMinimap(report: Report, textLength: number, onSelect: (index: number) => void): HTMLElement {
  const slots = sourceSlots(report);
  const marks = minimapMarks(
    report.passages.map((p, index) => ({
      index,
      articleStart: p.articleStart,
      articleEnd: p.articleEnd,
      slot: slots.get(p.sourceId) ?? 0,
      kind: p.kind,
    })),
    textLength,
  );
  const strip = h("div", { class: "minimap", "data-testid": "minimap", "aria-label": "Where the passages lie" });
  for (const m of marks) {
    const mark = h("div", {
      class: `minimap-mark ${m.kind} ${colourClass(m.slot)}`,
      "data-index": m.index,
      title: `Passage ${m.index + 1}`,
    });
    // CSSOM, not a style attribute: allowed by the CSP.
    mark.style.top = `${m.top}%`;
    mark.style.height = `${m.height}%`;
    strip.appendChild(mark);
  }
  strip.addEventListener("click", (e) => {
    const target = e.target as HTMLElement | null;
    const index = target?.closest<HTMLElement>(".minimap-mark")?.dataset["index"];
    if (index !== undefined) onSelect(Number(index));
  });
  return strip;
}
