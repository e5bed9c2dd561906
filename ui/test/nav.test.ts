import { describe, expect, it } from "vitest";
import {
  initialNav,
  nextChange,
  nextPassage,
  passagesOfSlot,
  prevChange,
  prevPassage,
  reviewAction,
  selectChange,
  selectPassage,
  switchSource,
  viewShortcut,
} from "../src/nav";

// Sources 10 and 20; passages listed out of article order on purpose.
const passages = [
  { index: 0, sourceId: 10, articleStart: 50 },
  { index: 1, sourceId: 20, articleStart: 10 },
  { index: 2, sourceId: 10, articleStart: 5 },
  { index: 3, sourceId: 10, articleStart: 90 },
];
const start = initialNav([10, 20], passages);

describe("review navigation", () => {
  it("walks the shown source's passages in article order and wraps", () => {
    expect(passagesOfSlot(start, 0)).toEqual([2, 0, 3]);
    let s = nextPassage(start);
    expect(s.current).toBe(2);
    s = nextPassage(s);
    expect(s.current).toBe(0);
    s = nextPassage(nextPassage(s));
    expect(s.current).toBe(2); // wrapped after 3
  });

  it("goes back from nothing to the last, and wraps before the first", () => {
    let s = prevPassage(start);
    expect(s.current).toBe(3);
    s = prevPassage(prevPassage(prevPassage(s)));
    expect(s.current).toBe(3);
  });

  it("switches source by slot, selecting its first passage, and ignores unknown slots", () => {
    const s = switchSource(start, 1);
    expect(s.source).toBe(1);
    expect(s.current).toBe(1);
    expect(switchSource(s, 5)).toBe(s);
    expect(nextPassage(s).current).toBe(1); // one passage: wraps onto itself
  });

  it("selecting a passage shows its source", () => {
    const s = selectPassage(start, 1);
    expect(s.source).toBe(1);
    expect(s.current).toBe(1);
    expect(selectPassage(start, 99)).toBe(start);
  });

  it("has no passage to select for a source without passages", () => {
    const s = initialNav([10, 30], passages);
    expect(switchSource(s, 1).current).toBeNull();
    expect(nextPassage(switchSource(s, 1)).current).toBeNull();
  });
});

describe("change navigation", () => {
  // Changes by passage: passage 2 (first in the article) has 10 and 11, passage 0 none,
  // passage 3 has 12; passage 1 (source 20) has 13. Listed out of order on purpose.
  const changes = [
    { id: 12, passage: 3 },
    { id: 13, passage: 1 },
    { id: 10, passage: 2 },
    { id: 11, passage: 2 },
  ];

  it("walks the shown source's changes in article order, selecting their passage, and wraps", () => {
    let s = nextChange(start, changes);
    expect([s.current, s.change]).toEqual([2, 10]);
    s = nextChange(s, changes);
    expect([s.current, s.change]).toEqual([2, 11]);
    s = nextChange(s, changes);
    expect([s.current, s.change]).toEqual([3, 12]); // passage 0 has none: skipped
    s = nextChange(s, changes);
    expect([s.current, s.change]).toEqual([2, 10]); // wrapped
    s = prevChange(s, changes);
    expect([s.current, s.change]).toEqual([3, 12]); // and back
  });

  it("goes from a selected passage to its first change, or back to the last change before it", () => {
    const at0 = selectPassage(start, 0); // between passage 2 and passage 3 in the article
    expect(nextChange(at0, changes).change).toBe(12);
    expect(prevChange(at0, changes).change).toBe(11);
    const at2 = selectPassage(start, 2);
    expect(nextChange(at2, changes).change).toBe(10);
    expect(prevChange(at2, changes).change).toBe(12); // nothing before the first: wraps
    expect(prevChange(start, changes).change).toBe(12);
  });

  it("forgets the change when another passage or source is chosen", () => {
    const s = nextChange(start, changes);
    expect(nextPassage(s).change).toBeNull();
    expect(prevPassage(s).change).toBeNull();
    expect(switchSource(s, 1).change).toBeNull();
    expect(selectPassage(s, 3).change).toBeNull();
    expect(selectPassage(s, 2).change).toBe(10); // the same passage again: kept
  });

  it("stays within the shown source, and does nothing without changes", () => {
    const other = switchSource(start, 1);
    expect(nextChange(other, changes).change).toBe(13);
    expect(nextChange(nextChange(other, changes), changes).change).toBe(13);
    expect(nextChange(start, [])).toBe(start);
  });

  it("selects a change by id, showing its source", () => {
    const s = selectChange(start, changes, 13);
    expect([s.source, s.current, s.change]).toEqual([1, 1, 13]);
    expect(selectChange(start, changes, 99)).toBe(start);
  });
});

describe("shortcuts", () => {
  it("maps review keys", () => {
    expect(reviewAction({ key: "n" })).toEqual({ type: "next" });
    expect(reviewAction({ key: "j" })).toEqual({ type: "next" });
    expect(reviewAction({ key: "p" })).toEqual({ type: "prev" });
    expect(reviewAction({ key: "k" })).toEqual({ type: "prev" });
    expect(reviewAction({ key: "3" })).toEqual({ type: "source", slot: 2 });
    expect(reviewAction({ key: "Escape" })).toEqual({ type: "back" });
    expect(reviewAction({ key: "." })).toEqual({ type: "nextChange" });
    expect(reviewAction({ key: "," })).toEqual({ type: "prevChange" });
    expect(reviewAction({ key: ".", ctrlKey: true })).toBeNull();
    expect(reviewAction({ key: "0" })).toBeNull();
    expect(reviewAction({ key: "n", ctrlKey: true })).toBeNull();
    // Alt+digit belongs to the view switcher, not to source switching.
    expect(reviewAction({ key: "1", altKey: true })).toBeNull();
  });

  it("maps Alt+1..7 to views by physical key", () => {
    expect(viewShortcut({ key: "¡", code: "Digit1", altKey: true })).toBe("check");
    expect(viewShortcut({ key: "5", code: "Digit5", altKey: true })).toBe("settings");
    expect(viewShortcut({ key: "6", code: "Digit6", altKey: true })).toBe("compare");
    expect(viewShortcut({ key: "7", code: "Digit7", altKey: true })).toBe("audit");
    expect(viewShortcut({ key: "8", code: "Digit8", altKey: true })).toBeNull();
    expect(viewShortcut({ key: "2", code: "Digit2" })).toBeNull();
  });
});
