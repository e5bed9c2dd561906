// Synchronised scrolling of the review's two panes: where one pane's reading line falls, the
// other pane scrolls so that the counterpart text sits on its own reading line. Inside a
// passage the position is mapped in proportion; between passages it is interpolated from the
// end of one to the start of the next, so a reordered article still lands on the right part of
// the story. Pure functions; the review view measures the passages and sets scrollTop.

/** One aligned passage: its top and bottom in each pane's content, in pixels. */
export type Anchor = { articleTop: number; articleBottom: number; sourceTop: number; sourceBottom: number };

export type Side = "article" | "source";

type Segment = { from0: number; from1: number; to0: number; to1: number };

function segments(anchors: readonly Anchor[], from: Side): Segment[] {
  const out = anchors.map((a) =>
    from === "article"
      ? { from0: a.articleTop, from1: Math.max(a.articleTop, a.articleBottom), to0: a.sourceTop, to1: Math.max(a.sourceTop, a.sourceBottom) }
      : { from0: a.sourceTop, from1: Math.max(a.sourceTop, a.sourceBottom), to0: a.articleTop, to1: Math.max(a.articleTop, a.articleBottom) },
  );
  return out.filter((s) => [s.from0, s.from1, s.to0, s.to1].every(Number.isFinite)).sort((a, b) => a.from0 - b.from0 || a.from1 - b.from1);
}

function lerp(y: number, y0: number, y1: number, t0: number, t1: number): number {
  if (y1 <= y0) return t0;
  return t0 + ((y - y0) / (y1 - y0)) * (t1 - t0);
}

/**
 * The position in the other pane's content that corresponds to `y` in pane `from`, or null
 * when no passage is aligned (nothing to keep in view).
 */
export function counterpart(anchors: readonly Anchor[], y: number, from: Side): number | null {
  const segs = segments(anchors, from);
  const first = segs[0];
  const last = segs[segs.length - 1];
  if (!first || !last) return null;
  if (y <= first.from0) return first.to0 - (first.from0 - y);
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i] as Segment;
    if (y >= s.from0 && y <= s.from1) return lerp(y, s.from0, s.from1, s.to0, s.to1);
    const next = segs[i + 1];
    if (next && y > s.from1 && y < next.from0) return lerp(y, s.from1, next.from0, s.to1, next.to0);
  }
  return last.to1 + (y - last.from1);
}

/** The fraction of a pane's height where its reading line is. */
export const READING_LINE = 1 / 3;

/**
 * The scrollTop the other pane needs: `scrollTop` and `height` are those of the scrolled pane,
 * `otherHeight` and `otherMax` (scrollHeight - clientHeight) those of the other; clamped to
 * what it can scroll. Null when nothing is aligned.
 */
export function syncedScrollTop(
  anchors: readonly Anchor[],
  from: Side,
  scrollTop: number,
  height: number,
  otherHeight: number,
  otherMax: number,
): number | null {
  const target = counterpart(anchors, scrollTop + height * READING_LINE, from);
  if (target === null) return null;
  return Math.round(Math.max(0, Math.min(target - otherHeight * READING_LINE, Math.max(0, otherMax))));
}

const KEY = "wirecheck.syncScroll";

/** Whether sync scroll is on: remembered between sessions, on unless turned off. */
export function loadSyncScroll(storage: Pick<Storage, "getItem"> | null | undefined): boolean {
  try {
    return storage?.getItem(KEY) !== "off";
  } catch {
    return true;
  }
}

export function saveSyncScroll(storage: Pick<Storage, "setItem"> | null | undefined, on: boolean): void {
  try {
    storage?.setItem(KEY, on ? "on" : "off");
  } catch {
    // Storage refused (private mode, quota): the toggle still works for this session.
  }
}
