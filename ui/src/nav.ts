// Keyboard navigation of the review: which source is shown, which passage is selected and which
// change inside it is current. Pure state in, state out; the review view applies it to the DOM.

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
  /** The current change's id (see changes.ts), inside the selected passage, or null. */
  change: number | null;
};

export function initialNav(sources: readonly number[], passages: readonly NavPassage[], source = 0): NavState {
  return { sources, passages, source: Math.max(0, Math.min(source, sources.length - 1)), current: null, change: null };
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
  if (order.length === 0) return { ...state, current: null, change: null };
  const at = state.current === null ? -1 : order.indexOf(state.current);
  let next: number;
  if (at === -1) next = delta === 1 ? 0 : order.length - 1;
  else next = (at + delta + order.length) % order.length;
  return { ...state, current: order[next] ?? null, change: null };
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
  return { ...state, source: slot, current: first ?? null, change: null };
}

/** Selects a passage (by report index), showing its source. */
export function selectPassage(state: NavState, index: number): NavState {
  const passage = state.passages.find((p) => p.index === index);
  if (!passage) return state;
  const slot = state.sources.indexOf(passage.sourceId);
  if (index === state.current && slot === state.source) return state;
  return { ...state, current: index, source: slot === -1 ? state.source : slot, change: null };
}

/** What navigation needs to know of a change. */
export type NavChange = { id: number; passage: number };

function changeStep(state: NavState, changes: readonly NavChange[], delta: 1 | -1): NavState {
  const order = passagesOfSlot(state, state.source);
  const rank = new Map(order.map((index, i) => [index, i]));
  // The shown source's changes, in article order (a stable sort keeps diff order in a passage).
  const list = changes.filter((c) => rank.has(c.passage));
  list.sort((a, b) => (rank.get(a.passage) ?? 0) - (rank.get(b.passage) ?? 0));
  if (list.length === 0) return state;
  let next: number;
  const at = state.change === null ? -1 : list.findIndex((c) => c.id === state.change);
  if (at !== -1) next = (at + delta + list.length) % list.length;
  else if (state.current !== null && rank.has(state.current)) {
    // From a selected passage: next is its first change (or the first after it), previous the
    // last change before it; past either end, wrap.
    const here = rank.get(state.current) ?? 0;
    if (delta === 1) {
      const i = list.findIndex((c) => (rank.get(c.passage) ?? 0) >= here);
      next = i === -1 ? 0 : i;
    } else {
      let i = -1;
      list.forEach((c, j) => {
        if ((rank.get(c.passage) ?? 0) < here) i = j;
      });
      next = i === -1 ? list.length - 1 : i;
    }
  } else next = delta === 1 ? 0 : list.length - 1;
  const change = list[next];
  return change ? { ...state, current: change.passage, change: change.id } : state;
}

/** The next change of the shown source, wrapping after the last; selects its passage. */
export function nextChange(state: NavState, changes: readonly NavChange[]): NavState {
  return changeStep(state, changes, 1);
}

/** The previous change of the shown source, wrapping before the first; selects its passage. */
export function prevChange(state: NavState, changes: readonly NavChange[]): NavState {
  return changeStep(state, changes, -1);
}

/** Makes a change current (by id), selecting its passage and showing its source. */
export function selectChange(state: NavState, changes: readonly NavChange[], id: number): NavState {
  const change = changes.find((c) => c.id === id);
  if (!change) return state;
  const selected = selectPassage(state, change.passage);
  if (selected.current !== change.passage) return state;
  return { ...selected, change: id };
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
  | { type: "nextChange" }
  | { type: "prevChange" }
  | { type: "source"; slot: number }
  | { type: "back" };

/**
 * The review's shortcut for a key, if any: n/j next passage, p/k previous, . next change,
 * , previous change, 1-9 source, Esc back.
 */
export function reviewAction(e: KeyLike): ReviewAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  switch (e.key) {
    case "n":
    case "j":
      return { type: "next" };
    case "p":
    case "k":
      return { type: "prev" };
    case ".":
      return { type: "nextChange" };
    case ",":
      return { type: "prevChange" };
    case "Escape":
      return { type: "back" };
  }
  if (/^[1-9]$/.test(e.key)) return { type: "source", slot: Number(e.key) - 1 };
  return null;
}

export const VIEWS = ["check", "review", "history", "archive", "settings", "compare", "audit"] as const;
export type ViewName = (typeof VIEWS)[number];

/**
 * Alt+1..7 switch views (in the order of `VIEWS`). Uses `code` because Alt+digit types other characters on some layouts
 * (macOS Option+1 is "¡").
 */
export function viewShortcut(e: KeyLike): ViewName | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  const digit = /^Digit([1-7])$/.exec(e.code ?? "")?.[1] ?? (/^[1-7]$/.test(e.key) ? e.key : undefined);
  return digit === undefined ? null : (VIEWS[Number(digit) - 1] ?? null);
}
