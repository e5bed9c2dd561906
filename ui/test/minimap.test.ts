import { describe, expect, it } from "vitest";
import { minimapMarks } from "../src/minimap";

describe("minimapMarks", () => {
  it("places marks in proportion to character offsets", () => {
    const [a, b] = minimapMarks(
      [
        { index: 0, articleStart: 0, articleEnd: 100, slot: 0, kind: "verbatim" },
        { index: 1, articleStart: 500, articleEnd: 750, slot: 1, kind: "edited" },
      ],
      1000,
    );
    expect(a).toMatchObject({ index: 0, top: 0, height: 10, slot: 0 });
    expect(b).toMatchObject({ index: 1, top: 50, height: 25, slot: 1, kind: "edited" });
  });

  it("gives tiny passages a visible height and keeps marks inside the strip", () => {
    const [m] = minimapMarks([{ index: 0, articleStart: 999, articleEnd: 1000, slot: 0, kind: "verbatim" }], 1000, 1);
    expect(m?.height).toBe(1);
    expect((m?.top ?? 0) + (m?.height ?? 0)).toBeLessThanOrEqual(100);
  });

  it("clamps offsets beyond the text and handles an empty text", () => {
    const [m] = minimapMarks([{ index: 0, articleStart: 50, articleEnd: 400, slot: 0, kind: "verbatim" }], 100);
    expect(m).toMatchObject({ top: 50, height: 50 });
    expect(minimapMarks([{ index: 0, articleStart: 0, articleEnd: 1, slot: 0, kind: "verbatim" }], 0)).toEqual([]);
  });
});
