// Keyboard navigation of the review: which source is shown and which passage is selected.
// Pure state in, state out; the review view applies it to the DOM.

/** What navigation needs to know of a passage. */
export type NavPassage = { index: number; sourceId: number; articleStart: number };

export type NavState = {
  /** Source ids in the report's order (slot 0 is key 1). */
  sources: readonly number[];
  /** Every passage of the report. */
  passages: readonly NavPassage[];
  /** The shown source's slot in `sources`. */
  source: number;
  /** The selected passage's index in the report's passages, or null. */
  current: number | null;
};

export function initialNav(sources: readonly number[], passages: readonly NavPassage[], source = 0): NavState {
  return { sources, passages, source: Math.max(0, Math.min(source, sources.length - 1)), current: null };
}

/** The passages of one source slot, in article order (their report indices). */
export function passagesOfSlot(state: NavState, slot: number): number[] {
  const id = state.sources[slot];
  return state.passages
    .filter((p) => p.sourceId === id)
    .sort((a, b) => a.articleStart - b.articleStart || a.index - b.index)
    .map((p) => p.index);
}

function step(state: NavState, delta: 1 | -1): NavState {
  const order = passagesOfSlot(state, state.source);
  if (order.length === 0) return { ...state, current: null };
  const at = state.current === null ? -1 : order.indexOf(state.current);
  let next: number;
  if (at === -1) next = delta === 1 ? 0 : order.length - 1;
  else next = (at + delta + order.length) % order.length;
  return { ...state, current: order[next] ?? null };
}

/** The next passage of the shown source, wrapping after the last. */
export function nextPassage(state: NavState): NavState {
  return step(state, 1);
}

/** The previous passage of the shown source, wrapping before the first. */
export function prevPassage(state: NavState): NavState {
  return step(state, -1);
}

/** Shows another source (by slot) and selects its first passage; an unknown slot changes nothing. */
export function switchSource(state: NavState, slot: number): NavState {
  if (slot < 0 || slot >= state.sources.length || !Number.isInteger(slot)) return state;
  if (slot === state.source && state.current !== null) return state;
  const first = passagesOfSlot(state, slot)[0];
  return { ...state, source: slot, current: first ?? null };
}

/** Selects a passage (by report index), showing its source. */
export function selectPassage(state: NavState, index: number): NavState {
  const passage = state.passages.find((p) => p.index === index);
  if (!passage) return state;
  const slot = state.sources.indexOf(passage.sourceId);
  return { ...state, current: index, source: slot === -1 ? state.source : slot };
}

/** A key press, as far as shortcuts care. */
export type KeyLike = {
  key: string;
  code?: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
};

export type ReviewAction =
  | { type: "next" }
  | { type: "prev" }
  | { type: "source"; slot: number }
  | { type: "back" };

/** The review's shortcut for a key, if any: n/j next, p/k previous, 1-9 source, Esc back. */
export function reviewAction(e: KeyLike): ReviewAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  switch (e.key) {
    case "n":
    case "j":
      return { type: "next" };
    case "p":
    case "k":
      return { type: "prev" };
    case "Escape":
      return { type: "back" };
  }
  if (/^[1-9]$/.test(e.key)) return { type: "source", slot: Number(e.key) - 1 };
  return null;
}

export const VIEWS = ["check", "review", "history", "archive", "settings", "compare"] as const;
export type ViewName = (typeof VIEWS)[number];

/**
 * Alt+1..6 switch views (in the order of `VIEWS`). Uses `code` because Alt+digit types other characters on some layouts
 * (macOS Option+1 is "¡").
 */
export function viewShortcut(e: KeyLike): ViewName | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  const digit = /^Digit([1-6])$/.exec(e.code ?? "")?.[1] ?? (/^[1-6]$/.test(e.key) ? e.key : undefined);
  return digit === undefined ? null : (VIEWS[Number(digit) - 1] ?? null);
}
