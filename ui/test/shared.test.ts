// The stories an article shares text with but is not derived from, rendered as text only.
import { describe, expect, it } from "vitest";
import type { Passage, Report, SharedStory } from "../src/bindings";
import { excerpt, renderShared } from "../src/views/shared";
import { syntheticResult } from "./fixtures";

const text = "😀 The fire spread very fast, the chief said. Police questioned the owner.";
const chars = Array.from(text);
const at = (s: string) => Array.from(text.slice(0, text.indexOf(s))).length;

function passage(start: number, end: number, kind: Passage["kind"]): Passage {
  return {
    sourceId: 8,
    articleStart: start,
    articleEnd: end,
    sourceStart: 0,
    sourceEnd: 10,
    kind,
    words: 5,
    diff: [],
    evidence: { tier: "paraphrase", confidence: 0, reasons: [] },
  };
}

function story(over: Partial<SharedStory> = {}): SharedStory {
  return {
    id: 8,
    origin: "pti-fire.txt",
    agency: "PTI",
    headline: "Six killed in warehouse blaze",
    published: null,
    coverage: 0.34,
    evidence: { tier: "paraphrase", confidence: 0, reasons: ["53% of the shared words are quotes"] },
    passages: [passage(at("The fire"), at(", the chief"), "verbatim"), passage(at("Police"), chars.length, "rewritten")],
    ...over,
  };
}

function report(shared: SharedStory[]): Report {
  return { ...syntheticResult(50, 2).report, text, sources: [], passages: [], shared };
}

describe("shared stories", () => {
  it("lists each story with its share, its evidence and the shared passages' text (character offsets)", () => {
    const el = renderShared(report([story()]));
    expect(el?.dataset["testid"]).toBe("shared");
    expect(el?.querySelector("h2")?.textContent).toBe("Shares text with, not copied from (1)");
    const item = el?.querySelector('[data-testid="shared-story"]');
    expect(item?.textContent).toContain("PTI Six killed in warehouse blaze · 34% of the article shared");
    expect(item?.querySelector('[data-testid="evidence-reasons"]')?.textContent).toContain("quotes");
    expect(item?.querySelector('[data-testid="evidence-confidence"]')?.textContent).toBe("0% · no evidence of copying");
    const passages = Array.from(el?.querySelectorAll('[data-testid="shared-passage"]') ?? []);
    expect(passages.map((p) => p.querySelector("q")?.textContent)).toEqual([
      "The fire spread very fast",
      "Police questioned the owner.",
    ]);
    expect(passages.map((p) => (p as HTMLElement).dataset["kind"])).toEqual(["verbatim", "rewritten"]);
    expect(el?.querySelector(".shared-passages summary")?.textContent).toBe("The shared text (2 passages, 10 words)");
    expect(el?.textContent).toContain("not flagged");
  });

  it("is left out when nothing is shared", () => {
    expect(renderShared(report([]))).toBeNull();
  });

  it("keeps markup in the article and the headline inert", () => {
    const hostile = "<img src=x onerror=alert(1)> said";
    const el = renderShared({
      ...report([story({ headline: "<b>x</b>", passages: [passage(0, 28, "verbatim")] })]),
      text: hostile,
    });
    expect(el?.querySelector("img, b")).toBeNull();
    expect(el?.querySelector("q")?.textContent).toBe("<img src=x onerror=alert(1)>");
  });

  it("cuts a long passage at a word", () => {
    const long = "word ".repeat(60);
    const cut = excerpt(long);
    expect(cut.endsWith("word…")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(161);
    expect(excerpt("  short\n text ")).toBe("short text");
  });
});
