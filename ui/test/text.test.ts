import { describe, expect, it } from "vitest";
import { CharIndex, primaryRuns, segment } from "../src/text";

describe("CharIndex", () => {
  it("counts astral characters (emoji) as one character, like Rust's chars()", () => {
    const text = "a😀b👍🏽c";
    const ix = new CharIndex(text);
    expect(ix.length).toBe(Array.from(text).length);
    expect(ix.slice(1, 2)).toBe("😀");
    expect(ix.slice(2, 3)).toBe("b");
    // 👍🏽 is two scalar values (thumbs up + skin tone modifier).
    expect(ix.slice(3, 5)).toBe("👍🏽");
    expect(ix.slice(5, 6)).toBe("c");
  });

  it("keeps combining marks as separate characters", () => {
    const text = "cafe\u0301 ok"; // "café" with a combining acute accent
    const ix = new CharIndex(text);
    expect(ix.length).toBe(8);
    expect(ix.slice(0, 5)).toBe("cafe\u0301");
    expect(ix.slice(4, 5)).toBe("\u0301");
    expect(ix.slice(5, 8)).toBe(" ok");
  });

  it("clamps offsets past the end", () => {
    const ix = new CharIndex("ab");
    expect(ix.slice(1, 99)).toBe("b");
    expect(ix.slice(-3, 1)).toBe("a");
  });

  it("agrees with Array.from on a mixed text", () => {
    const text = "Señor 🇬🇧 said «oui» — 東京 e\u0301t\u00e9 🙂!";
    const chars = Array.from(text);
    const ix = new CharIndex(text);
    for (let a = 0; a <= chars.length; a += 3) {
      for (let b = a; b <= chars.length; b += 2) {
        expect(ix.slice(a, b)).toBe(chars.slice(a, b).join(""));
      }
    }
  });
});

describe("segment", () => {
  it("cuts a text into runs at range boundaries, with gaps", () => {
    expect(segment(10, [{ start: 2, end: 5, id: 0 }, { start: 7, end: 9, id: 1 }])).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 5, ids: [0] },
      { start: 5, end: 7, ids: [] },
      { start: 7, end: 9, ids: [1] },
      { start: 9, end: 10, ids: [] },
    ]);
  });

  it("does not let touching ranges overlap", () => {
    expect(segment(4, [{ start: 0, end: 2, id: 0 }, { start: 2, end: 4, id: 1 }])).toEqual([
      { start: 0, end: 2, ids: [0] },
      { start: 2, end: 4, ids: [1] },
    ]);
  });

  it("lists every range covering an overlap, whatever the input order", () => {
    const runs = segment(10, [{ start: 4, end: 10, id: 1 }, { start: 0, end: 6, id: 0 }]);
    expect(runs).toEqual([
      { start: 0, end: 4, ids: [0] },
      { start: 4, end: 6, ids: [0, 1] },
      { start: 6, end: 10, ids: [1] },
    ]);
  });

  it("clamps ranges to the text and ignores empty ones", () => {
    expect(segment(5, [{ start: 3, end: 50, id: 0 }, { start: 2, end: 2, id: 1 }])).toEqual([
      { start: 0, end: 3, ids: [] },
      { start: 3, end: 5, ids: [0] },
    ]);
    expect(segment(0, [{ start: 0, end: 3, id: 0 }])).toEqual([]);
  });

  it("covers the whole text with character offsets over emoji and combining marks", () => {
    const text = "🙂 cafe\u0301 🇫🇷 end";
    const ix = new CharIndex(text);
    const runs = segment(ix.length, [{ start: 2, end: 7, id: 0 }, { start: 8, end: 10, id: 1 }]);
    expect(runs.map((r) => ix.slice(r.start, r.end)).join("")).toBe(text);
    expect(ix.slice(2, 7)).toBe("cafe\u0301");
    expect(ix.slice(8, 10)).toBe("🇫🇷");
  });
});

describe("primaryRuns", () => {
  it("keeps one id per overlap and merges neighbours that keep the same id", () => {
    const runs = segment(10, [{ start: 0, end: 6, id: 0 }, { start: 4, end: 10, id: 1 }]);
    expect(primaryRuns(runs, (ids) => ids[0] as number)).toEqual([
      { start: 0, end: 6, id: 0 },
      { start: 6, end: 10, id: 1 },
    ]);
    expect(primaryRuns(runs, (ids) => (ids.includes(1) ? 1 : (ids[0] as number)))).toEqual([
      { start: 0, end: 4, id: 0 },
      { start: 4, end: 10, id: 1 },
    ]);
  });
});
