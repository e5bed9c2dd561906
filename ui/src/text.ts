// Character (Unicode scalar) offsets, as the Rust side counts them, mapped to JavaScript's UTF-16
// string indices once per text; and the segmentation of a text into runs by ranges.

/** Maps character offsets of one text to UTF-16 indices, built once in one pass. */
export class CharIndex {
  readonly text: string;
  /** `utf16[i]` is the UTF-16 index where character `i` starts; `utf16[length]` is the end. */
  private readonly utf16: Uint32Array;

  constructor(text: string) {
    this.text = text;
    const map = new Uint32Array(text.length + 1);
    let chars = 0;
    for (let i = 0; i < text.length; i++) {
      map[chars++] = i;
      const code = text.charCodeAt(i);
      // A high surrogate followed by a low one is one character (one scalar value).
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
    }
    map[chars] = text.length;
    this.utf16 = map.subarray(0, chars + 1);
  }

  /** The number of characters. */
  get length(): number {
    return this.utf16.length - 1;
  }

  /** The UTF-16 index of character offset `char` (clamped to the text). */
  toUtf16(char: number): number {
    const c = Math.max(0, Math.min(Math.floor(char), this.length));
    return this.utf16[c] ?? this.text.length;
  }

  /** Characters `[start, end)`. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

/** A `[start, end)` character range with an id (its index in some list). */
export type Range = { start: number; end: number; id: number };

/** A stretch of text covered by the same set of ranges. */
export type Run = { start: number; end: number; ids: number[] };

/**
 * Cuts `[0, length)` into runs at every range boundary, in one pass over sorted boundaries.
 * Each run lists the ids of the ranges covering it (ascending); gaps give runs with no ids.
 * Ranges are clamped to the text; empty ones are ignored.
 */
export function segment(length: number, ranges: readonly Range[]): Run[] {
  if (length <= 0) return [];
  type Edge = { at: number; open: boolean; id: number };
  const edges: Edge[] = [];
  for (const r of ranges) {
    const start = Math.max(0, Math.min(r.start, length));
    const end = Math.max(0, Math.min(r.end, length));
    if (end <= start) continue;
    edges.push({ at: start, open: true, id: r.id }, { at: end, open: false, id: r.id });
  }
  // Closings before openings at one offset, so touching ranges do not overlap.
  edges.sort((a, b) => a.at - b.at || Number(a.open) - Number(b.open));
  const active = new Set<number>();
  const runs: Run[] = [];
  let pos = 0;
  for (const edge of edges) {
    if (edge.at > pos) {
      runs.push({ start: pos, end: edge.at, ids: [...active].sort((a, b) => a - b) });
      pos = edge.at;
    }
    if (edge.open) active.add(edge.id);
    else active.delete(edge.id);
  }
  if (pos < length) runs.push({ start: pos, end: length, ids: [] });
  return runs;
}

/**
 * Where ranges overlap, keeps one id per run (`choose` picks it from the covering ids) and merges
 * neighbouring runs that keep the same id, so each range renders as one element when it can.
 */
export function primaryRuns(
  runs: readonly Run[],
  choose: (ids: readonly number[]) => number | null,
): { start: number; end: number; id: number | null }[] {
  const out: { start: number; end: number; id: number | null }[] = [];
  for (const run of runs) {
    const id = run.ids.length === 0 ? null : choose(run.ids);
    const last = out[out.length - 1];
    if (last && last.id === id && last.end === run.start) last.end = run.end;
    else out.push({ start: run.start, end: run.end, id });
  }
  return out;
}
