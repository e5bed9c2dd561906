// Builds the review's two texts: the article with every matched passage, credit and boilerplate
// block marked; the source story with the passages copied from it. One pass over sorted
// boundaries into a DocumentFragment; offsets are characters, mapped through CharIndex.

import type { Passage, Report } from "./bindings";
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

/**
 * Appends text `[start, end)` to `parent`, wrapping the parts covered by credits or boilerplate.
 * `marks` are the secondary runs (sorted); `cursor` is advanced so the whole text is one pass.
 */
function appendMarked(
  parent: Node,
  ix: CharIndex,
  start: number,
  end: number,
  marks: readonly { start: number; end: number; ids: number[] }[],
  cursor: { at: number },
  creditCount: number,
): void {
  while (cursor.at < marks.length && (marks[cursor.at] as { end: number }).end <= start) cursor.at++;
  let i = cursor.at;
  let pos = start;
  while (pos < end) {
    const run = marks[i];
    if (!run || run.start >= end) {
      parent.appendChild(document.createTextNode(ix.slice(pos, end)));
      break;
    }
    if (run.start > pos) {
      parent.appendChild(document.createTextNode(ix.slice(pos, run.start)));
      pos = run.start;
    }
    const to = Math.min(run.end, end);
    const text = ix.slice(pos, to);
    const credit = run.ids.find((id) => id < creditCount);
    const boiler = run.ids.some((id) => id >= creditCount);
    if (credit !== undefined) {
      parent.appendChild(
        h("mark", { class: `credit${boiler ? " boilerplate" : ""}`, "data-credit-index": credit, title: "Credit to an agency" }, text),
      );
    } else if (boiler) {
      parent.appendChild(h("span", { class: "boilerplate", title: "Boilerplate: not counted as copying" }, text));
    } else {
      parent.appendChild(document.createTextNode(text));
    }
    pos = to;
    if (run.end <= end) i++;
  }
}

/** The article text with passage spans (data-testid="passage"), credits and boilerplate. */
export function renderArticleText(report: Report, ix: CharIndex, preferSource: number | null): DocumentFragment {
  const slots = sourceSlots(report);
  const passages = report.passages;
  const ranges: Range[] = passages.map((p, id) => ({ start: p.articleStart, end: p.articleEnd, id }));
  const runs = primaryRuns(segment(ix.length, ranges), chooser(passages, preferSource));
  const secondary: Range[] = [
    ...report.credits.map((c, id) => ({ start: c.start, end: c.end, id })),
    ...report.boilerplate.map(([start, end], j) => ({ start, end, id: report.credits.length + j })),
  ];
  const marks = segment(ix.length, secondary).filter((r) => r.ids.length > 0);
  const cursor = { at: 0 };
  const names = new Map(report.sources.map((s) => [s.id, agencyName(s.agency)]));
  const out = document.createDocumentFragment();
  for (const run of runs) {
    if (run.id === null) {
      appendMarked(out, ix, run.start, run.end, marks, cursor, report.credits.length);
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
      tabindex: 0,
      role: "button",
      "aria-label": `Passage ${run.id + 1}, ${p.kind}, ${p.words} words from ${names.get(p.sourceId) ?? "a source"}`,
    });
    appendMarked(span, ix, run.start, run.end, marks, cursor, report.credits.length);
    out.appendChild(span);
  }
  return out;
}

/** The source story's body with the spans (data-testid="source-passage") copied from it. */
export function renderSourceText(report: Report, body: CharIndex, sourceId: number): DocumentFragment {
  const slot = sourceSlots(report).get(sourceId) ?? 0;
  const ranges: Range[] = [];
  report.passages.forEach((p, id) => {
    if (p.sourceId === sourceId) ranges.push({ start: p.sourceStart, end: p.sourceEnd, id });
  });
  const runs = segment(body.length, ranges);
  const out = document.createDocumentFragment();
  for (const run of primaryRunsWithCover(runs)) {
    const text = body.slice(run.start, run.end);
    if (run.id === null) {
      out.appendChild(document.createTextNode(text));
      continue;
    }
    const p = report.passages[run.id] as Passage;
    out.appendChild(
      h(
        "span",
        {
          class: `source-passage ${p.kind} ${colourClass(slot)}`,
          "data-testid": "source-passage",
          "data-index": run.id,
          "data-kind": p.kind,
          // Other passages copying the same wire words (several article passages, one source).
          "data-covers": run.covers.length > 1 ? run.covers.join(" ") : null,
          tabindex: -1,
        },
        text,
      ),
    );
  }
  return out;
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
