// The changes of edited passages, read from their word diffs: words replaced (a wire stretch
// dropped and article words put in its place), added (article words with no wire counterpart)
// and dropped (wire words with no article counterpart). Each change knows where it lies on both
// sides, in characters, so the review can mark it in place and step through the changes.

import type { Passage, Report } from "./bindings";

export type ChangeKind = "replaced" | "added" | "dropped";

/** A `[start, end)` character range. */
export type Span = { start: number; end: number };

export type Change = {
  /** Its index in the report's list of changes (`reportChanges`). */
  id: number;
  /** The passage's index in the report. */
  passage: number;
  sourceId: number;
  kind: ChangeKind;
  /** The article's words (added, replaced), or null when dropped or the position is unknown. */
  article: Span | null;
  /** Where wire words were dropped from the article (dropped only): the article character
   * before which they stood, or null. */
  dropAt: number | null;
  /** The wire's words in the source's body (dropped, replaced), or null. */
  source: Span | null;
  /** The texts, for titles. */
  deleted: string;
  inserted: string;
};

/** A range clamped to `[lo, hi]`; null when empty (unknown, as in checks saved before the
 * diff carried offsets, or out of range). */
function within(start: number, end: number, lo: number, hi: number): Span | null {
  const s = Math.max(lo, Math.min(start, hi));
  const e = Math.max(lo, Math.min(end, hi));
  return e > s ? { start: s, end: e } : null;
}

/**
 * The changes of one passage, in diff order, numbered from `firstId`. Only edited passages have
 * changes: a verbatim passage has none, and a rewritten one shares too few words with its
 * source for a word diff to say what was changed (its diff panel says so).
 */
export function passageChanges(p: Passage, index: number, firstId = 0): Change[] {
  if (p.kind !== "edited") return [];
  const out: Change[] = [];
  // The end of the last article text seen: where dropped words stood.
  let articleAt = p.articleStart;
  const ops = p.diff;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (!op) continue;
    if (op.op === "equal") {
      const span = within(op.start, op.end, p.articleStart, p.articleEnd);
      if (span) articleAt = span.end;
      continue;
    }
    const base = { id: firstId + out.length, passage: index, sourceId: p.sourceId };
    const next = ops[i + 1];
    if (op.op === "delete" && next?.op === "insert") {
      const article = within(next.start, next.end, p.articleStart, p.articleEnd);
      if (article) articleAt = article.end;
      out.push({
        ...base,
        kind: "replaced",
        article,
        dropAt: null,
        source: within(op.start, op.end, p.sourceStart, p.sourceEnd),
        deleted: op.text,
        inserted: next.text,
      });
      i++;
    } else if (op.op === "insert") {
      const article = within(op.start, op.end, p.articleStart, p.articleEnd);
      if (article) articleAt = article.end;
      out.push({ ...base, kind: "added", article, dropAt: null, source: null, deleted: "", inserted: op.text });
    } else {
      out.push({
        ...base,
        kind: "dropped",
        article: null,
        dropAt: articleAt,
        source: within(op.start, op.end, p.sourceStart, p.sourceEnd),
        deleted: op.text,
        inserted: "",
      });
    }
  }
  return out;
}

/** Every change of the report, passage by passage (ids are positions in this list). */
export function reportChanges(report: Report): Change[] {
  const out: Change[] = [];
  report.passages.forEach((p, index) => {
    for (const c of passageChanges(p, index, out.length)) out.push(c);
  });
  return out;
}

/** The changes of one source, in article order (passage by passage, then diff order). */
export function changesOfSource(report: Report, changes: readonly Change[], sourceId: number): Change[] {
  const start = (c: Change) => report.passages[c.passage]?.articleStart ?? 0;
  return changes.filter((c) => c.sourceId === sourceId).sort((a, b) => start(a) - start(b) || a.id - b.id);
}

export type ChangeCounts = { total: number; replaced: number; added: number; dropped: number };

export function countChanges(changes: readonly Change[]): ChangeCounts {
  const counts: ChangeCounts = { total: changes.length, replaced: 0, added: 0, dropped: 0 };
  for (const c of changes) counts[c.kind]++;
  return counts;
}

/** "14 changes: 9 replaced, 3 added, 2 dropped". */
export function changeSummary(counts: ChangeCounts): string {
  if (counts.total === 0) return "No changes in place";
  const noun = counts.total === 1 ? "change" : "changes";
  return `${counts.total} ${noun}: ${counts.replaced} replaced, ${counts.added} added, ${counts.dropped} dropped`;
}

/** One line for a change in the list and in titles. */
export function describeChange(c: Change): string {
  const q = (s: string) => `“${s.length > 60 ? `${s.slice(0, 57)}…` : s}”`;
  switch (c.kind) {
    case "replaced":
      return `replaced ${q(c.deleted)} with ${q(c.inserted)}`;
    case "added":
      return `added ${q(c.inserted)}`;
    default:
      return `dropped ${q(c.deleted)}`;
  }
}
