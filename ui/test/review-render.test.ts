import { describe, expect, it } from "vitest";
import type { Report } from "../src/bindings";
import { renderArticleText, renderMinimap, renderSourceText } from "../src/review-render";
import { CharIndex } from "../src/text";
import { syntheticResult } from "./fixtures";

function container(frag: DocumentFragment): HTMLElement {
  const div = document.createElement("div");
  div.appendChild(frag);
  return div;
}

describe("review rendering", () => {
  const result = syntheticResult(5000, 200);
  const { report } = result;
  const ix = new CharIndex(report.text);

  it("builds one span per passage for a 5,000-word article, keeping the text intact", () => {
    const div = container(renderArticleText(report, ix, 100));
    const spans = div.querySelectorAll<HTMLElement>('[data-testid="passage"]');
    expect(spans).toHaveLength(200);
    expect(div.textContent).toBe(report.text);
    expect(div.querySelectorAll('[data-kind="verbatim"]')).toHaveLength(100);
    expect(div.querySelectorAll('[data-kind="edited"]')).toHaveLength(100);
    // Each span holds exactly its passage's characters (offsets are characters, not UTF-16).
    for (const span of spans) {
      const p = report.passages[Number(span.dataset["index"])];
      expect(span.textContent).toBe(ix.slice(p?.articleStart ?? 0, p?.articleEnd ?? 0));
    }
    expect(div.querySelectorAll("mark.credit")).toHaveLength(1);
    expect(div.querySelectorAll(".boilerplate")).toHaveLength(1);
    expect(spans[0]?.getAttribute("tabindex")).toBe("0");
    expect(spans[0]?.classList.contains("src-0")).toBe(true);
  });

  it("marks the credit inside the passage that contains it", () => {
    const div = container(renderArticleText(report, ix, null));
    const credit = div.querySelector("mark.credit");
    expect(credit?.textContent).toBe("w1");
    expect(credit?.closest('[data-testid="passage"]')?.getAttribute("data-index")).toBe("0");
  });

  it("styles rewritten passages apart from copied ones", () => {
    const rewritten: Report = {
      ...report,
      passages: report.passages.map((p, i) => (i === 0 ? { ...p, kind: "rewritten" } : p)),
    };
    const div = container(renderArticleText(rewritten, ix, null));
    const first = div.querySelector<HTMLElement>('[data-index="0"]');
    expect(first?.dataset["kind"]).toBe("rewritten");
    expect(first?.classList.contains("rewritten")).toBe(true);
    expect(first?.getAttribute("aria-label")).toMatch(/rewritten/);
    expect(div.querySelectorAll('[data-kind="rewritten"]')).toHaveLength(1);
  });

  it("builds the source side with the passages of one source", () => {
    const story = result.stories[1];
    const body = new CharIndex(story?.body ?? "");
    const div = container(renderSourceText(report, body, 101));
    const spans = div.querySelectorAll<HTMLElement>('[data-testid="source-passage"]');
    const expected = report.passages.filter((p) => p.sourceId === 101);
    expect(spans).toHaveLength(expected.length);
    expect(div.textContent).toBe(story?.body);
    for (const span of spans) {
      const p = report.passages[Number(span.dataset["index"])];
      expect(p?.sourceId).toBe(101);
      expect(span.textContent).toBe(body.slice(p?.sourceStart ?? 0, p?.sourceEnd ?? 0));
    }
  });

  it("keeps one element per passage where passages of two sources overlap", () => {
    const text = "one two three four five six";
    const r: Report = {
      ...report,
      text,
      credits: [],
      boilerplate: [],
      passages: [
        { ...(report.passages[0] as Report["passages"][number]), sourceId: 100, articleStart: 0, articleEnd: 13 },
        { ...(report.passages[1] as Report["passages"][number]), sourceId: 101, articleStart: 8, articleEnd: 23 },
      ],
    };
    const div = container(renderArticleText(r, new CharIndex(text), 101));
    const spans = [...div.querySelectorAll<HTMLElement>('[data-testid="passage"]')];
    expect(spans.map((s) => [s.dataset["index"], s.textContent])).toEqual([
      ["0", "one two "],
      ["1", "three four five"],
    ]);
    expect(div.textContent).toBe(text);
  });

  it("renders inert markup from untrusted text", () => {
    const text = '<script>alert(1)</script><img src=x onerror="alert(2)">';
    const r: Report = { ...report, text, passages: [], credits: [], boilerplate: [] };
    const div = container(renderArticleText(r, new CharIndex(text), null));
    expect(div.querySelector("script, img")).toBeNull();
    expect(div.textContent).toBe(text);
  });

  it("draws one minimap mark per passage and reports clicks", () => {
    const picked: number[] = [];
    const strip = renderMinimap(report, ix.length, (i) => picked.push(i));
    const marks = strip.querySelectorAll<HTMLElement>(".minimap-mark");
    expect(marks).toHaveLength(200);
    expect(marks[100]?.style.top).toMatch(/%$/);
    marks[7]?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    expect(picked).toEqual([7]);
  });
});
