import { describe, expect, it } from "vitest";
import type { Passage } from "../src/bindings";
import { changeSummary, changesOfSource, countChanges, describeChange, passageChanges, reportChanges } from "../src/changes";
import { CharIndex } from "../src/text";
import { syntheticResult } from "./fixtures";

// Article: "The ferry left on Friday at dawn, the operator said."
// Wire:    "The ferry sailed on Friday, the operator said on Monday."
const article = "The ferry left on Friday at dawn, the operator said.";
const wire = "The ferry sailed on Friday, the operator said on Monday.";
const at = (text: string, part: string) => {
  const start = text.indexOf(part);
  return { start, end: start + part.length };
};
const passage: Passage = {
  sourceId: 7,
  articleStart: 0,
  articleEnd: article.length,
  sourceStart: 0,
  sourceEnd: wire.length,
  kind: "edited",
  words: 10,
  diff: [
    { op: "equal", text: "The ferry", ...at(article, "The ferry") },
    { op: "delete", text: "sailed", ...at(wire, "sailed") },
    { op: "insert", text: "left", ...at(article, "left") },
    { op: "equal", text: "on Friday", ...at(article, "on Friday") },
    { op: "insert", text: "at dawn", ...at(article, "at dawn") },
    { op: "equal", text: "the operator said", ...at(article, "the operator said") },
    { op: "delete", text: "on Monday", ...at(wire, "on Monday") },
  ],
  evidence: { tier: "minor_edits", confidence: 0.8, reasons: [] },
};

describe("changes of a passage", () => {
  it("tells replaced (delete then insert) from added (insert alone) and dropped (delete alone)", () => {
    const changes = passageChanges(passage, 4, 10);
    expect(changes.map((c) => [c.id, c.kind, c.passage, c.sourceId])).toEqual([
      [10, "replaced", 4, 7],
      [11, "added", 4, 7],
      [12, "dropped", 4, 7],
    ]);
    const [replaced, added, dropped] = changes;
    // Each side's words, where they are.
    expect(replaced?.article).toEqual(at(article, "left"));
    expect(replaced?.source).toEqual(at(wire, "sailed"));
    expect([replaced?.deleted, replaced?.inserted]).toEqual(["sailed", "left"]);
    expect(added?.article).toEqual(at(article, "at dawn"));
    expect(added?.source).toBeNull();
    expect(dropped?.article).toBeNull();
    expect(dropped?.source).toEqual(at(wire, "on Monday"));
    // The wire's "on Monday" stood after "said" in the article.
    expect(dropped?.dropAt).toBe(at(article, "said").end);
  });

  it("has none for verbatim and rewritten passages", () => {
    expect(passageChanges({ ...passage, kind: "verbatim" }, 0)).toEqual([]);
    expect(passageChanges({ ...passage, kind: "rewritten" }, 0)).toEqual([]);
  });

  it("clamps offsets to the passage and drops ranges it cannot place", () => {
    const bad: Passage = {
      ...passage,
      articleStart: 4,
      articleEnd: 20,
      diff: [
        { op: "insert", text: "x", start: -5, end: 9 },
        { op: "delete", text: "z", start: 30, end: 10 },
        { op: "insert", text: "y", start: 900, end: 1000 },
      ],
    };
    const changes = passageChanges(bad, 0);
    expect(changes.map((c) => c.kind)).toEqual(["added", "replaced"]);
    expect(changes[0]?.article).toEqual({ start: 4, end: 9 });
    expect(changes[1]?.article).toBeNull(); // 900..1000 is past the passage
    expect(changes[1]?.source).toBeNull(); // an inverted range
  });

  it("counts changes of checks saved before the diff carried offsets, without placing them", () => {
    const old: Passage = { ...passage, diff: passage.diff.map((op) => ({ ...op, start: 0, end: 0 })) };
    const changes = passageChanges(old, 0);
    expect(changes.map((c) => c.kind)).toEqual(["replaced", "added", "dropped"]);
    expect(changes.every((c) => c.article === null && c.source === null)).toBe(true);
    expect(changes[2]?.dropAt).toBe(0); // the passage's start: nothing better is known
  });

  it("describes a change in words", () => {
    const [replaced, added, dropped] = passageChanges(passage, 0);
    expect(replaced && describeChange(replaced)).toBe("replaced “sailed” with “left”");
    expect(added && describeChange(added)).toBe("added “at dawn”");
    expect(dropped && describeChange(dropped)).toBe("dropped “on Monday”");
  });
});

describe("changes of a report", () => {
  const { report, stories } = syntheticResult(5000, 200);
  const changes = reportChanges(report);

  it("numbers every change of the report and lists one source's in article order", () => {
    expect(changes.map((c) => c.id)).toEqual(changes.map((_, i) => i));
    const ofReuters = changesOfSource(report, changes, 100);
    expect(ofReuters.every((c) => c.sourceId === 100)).toBe(true);
    const starts = ofReuters.map((c) => report.passages[c.passage]?.articleStart ?? -1);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("counts changes by kind, as the change list says it", () => {
    expect(countChanges(changes)).toEqual({ total: 100, replaced: 50, added: 25, dropped: 25 });
    expect(changeSummary(countChanges(changesOfSource(report, changes, 100)))).toBe("33 changes: 17 replaced, 8 added, 8 dropped");
    expect(changeSummary(countChanges(changes.slice(0, 1)))).toBe("1 change: 1 replaced, 0 added, 0 dropped");
    expect(changeSummary(countChanges([]))).toBe("No changes in place");
  });

  it("places each change on the words it names (the fixture's offsets are right)", () => {
    const ix = new CharIndex(report.text);
    const bodies = new Map(stories.map((s) => [s.id, new CharIndex(s.body)]));
    for (const c of changes) {
      if (c.kind !== "dropped") expect(c.article && ix.slice(c.article.start, c.article.end)).toBe(c.inserted);
      if (c.kind !== "added") expect(c.source && bodies.get(c.sourceId)?.slice(c.source.start, c.source.end)).toBe(c.deleted);
    }
  });
});
