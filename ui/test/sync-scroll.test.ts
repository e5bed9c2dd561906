import { describe, expect, it } from "vitest";
import { counterpart, loadSyncScroll, saveSyncScroll, syncedScrollTop, type Anchor } from "../src/sync-scroll";

// Two passages: article 100-200 is source 400-600; article 500-700 is source 50-150 (the
// article tells the story out of order).
const anchors: Anchor[] = [
  { articleTop: 100, articleBottom: 200, sourceTop: 400, sourceBottom: 600 },
  { articleTop: 500, articleBottom: 700, sourceTop: 50, sourceBottom: 150 },
];

describe("sync scroll", () => {
  it("maps a position inside a passage in proportion to its counterpart", () => {
    expect(counterpart(anchors, 150, "article")).toBe(500);
    expect(counterpart(anchors, 600, "article")).toBe(100);
    expect(counterpart(anchors, 500, "source")).toBe(150);
    expect(counterpart(anchors, 100, "source")).toBe(600);
  });

  it("interpolates between passages, even when the story runs the other way", () => {
    // Halfway from the end of passage 1 (source 600) to the start of passage 2 (source 50).
    expect(counterpart(anchors, 350, "article")).toBe(325);
  });

  it("keeps the distance before the first passage and after the last", () => {
    expect(counterpart(anchors, 40, "article")).toBe(340);
    expect(counterpart(anchors, 800, "article")).toBe(250);
  });

  it("has nothing to follow without aligned passages", () => {
    expect(counterpart([], 100, "article")).toBeNull();
    expect(syncedScrollTop([], "article", 0, 300, 300, 1000)).toBeNull();
  });

  it("puts the counterpart on the other pane's reading line, within what it can scroll", () => {
    // Reading line a third down a 300 px pane: scrollTop 50 reads article 150, source 500.
    expect(syncedScrollTop(anchors, "article", 50, 300, 300, 2000)).toBe(400);
    expect(syncedScrollTop(anchors, "article", 50, 300, 300, 250)).toBe(250);
    // Source at the top reads source 100, halfway through passage 2: article 600.
    expect(syncedScrollTop(anchors, "source", 0, 300, 300, 2000)).toBe(500);
    // Article 550 is source 75, above the reading line of a pane at its top: 0, not -25.
    expect(syncedScrollTop(anchors, "article", 450, 300, 300, 2000)).toBe(0);
  });

  it("is remembered, on unless turned off, and survives storage that refuses", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(loadSyncScroll(storage)).toBe(true);
    saveSyncScroll(storage, false);
    expect(loadSyncScroll(storage)).toBe(false);
    saveSyncScroll(storage, true);
    expect(loadSyncScroll(storage)).toBe(true);
    const refusing = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
    };
    expect(loadSyncScroll(refusing)).toBe(true);
    expect(() => saveSyncScroll(refusing, false)).not.toThrow();
    expect(loadSyncScroll(null)).toBe(true);
  });
});
