import { describe, expect, it } from "vitest";
import type { Report } from "../src/bindings";
import { reportChanges } from "../src/changes";
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

  describe("changes in place, unmatched text, numbers", () => {
    const changes = reportChanges(report);
    const byId = (id: string | undefined) => changes[Number(id)];

    it("marks added and replacing words inside their passage in the article, the text intact", () => {
      const div = container(renderArticleText(report, ix, 100, changes));
      expect(div.textContent).toBe(report.text);
      const marks = [...div.querySelectorAll<HTMLElement>('[data-testid="change-insert"]')];
      expect(marks).toHaveLength(75); // 50 replaced + 25 added
      for (const m of marks) {
        const c = byId(m.dataset["change"]);
        expect(c?.kind).toBe(m.dataset["changeKind"]);
        expect(["replaced", "added"]).toContain(c?.kind);
        expect(m.textContent).toBe(c?.inserted);
        expect(m.closest<HTMLElement>('[data-testid="passage"]')?.dataset["index"]).toBe(String(c?.passage));
        expect(m.classList.contains(c?.kind ?? "")).toBe(true);
      }
      const replaced = marks.find((m) => m.dataset["changeKind"] === "replaced");
      expect(replaced?.getAttribute("title")).toBe("Replaced: the wire had “wire”");
      // Dropped wire words leave a point where they stood, with no text of its own.
      const points = [...div.querySelectorAll<HTMLElement>('[data-testid="change-drop-point"]')];
      expect(points).toHaveLength(25);
      for (const point of points) {
        expect(point.textContent).toBe("");
        const c = byId(point.dataset["change"]);
        expect(c?.kind).toBe("dropped");
        const span = point.closest<HTMLElement>('[data-testid="passage"]');
        expect(span?.dataset["index"]).toBe(String(c?.passage));
        // The fixture drops the wire's last word: the point closes the passage.
        expect(span?.lastChild).toBe(point);
      }
    });

    it("marks dropped and replaced wire words in the source", () => {
      const story = result.stories[0];
      const body = new CharIndex(story?.body ?? "");
      const div = container(renderSourceText(report, body, 100, changes));
      expect(div.textContent).toBe(story?.body);
      const marks = [...div.querySelectorAll<HTMLElement>('[data-testid="change-delete"]')];
      expect(marks.map((m) => m.dataset["changeKind"]).sort()).toEqual([...Array(8).fill("dropped"), ...Array(17).fill("replaced")]);
      for (const m of marks) {
        const c = byId(m.dataset["change"]);
        expect(c?.sourceId).toBe(100);
        expect(m.textContent).toBe("wire");
        expect(m.closest<HTMLElement>('[data-testid="source-passage"]')?.dataset["index"]).toBe(String(c?.passage));
      }
      // Only the shown source's changes, and none in the article's own words.
      expect(div.querySelector('[data-testid="change-insert"], [data-testid="change-drop-point"]')).toBeNull();
    });

    it("places words dropped at the very start of a passage inside it, after the article's own text", () => {
      // Regression: the point at the passage's start was taken by the unmatched text before it.
      const text = "Own words. alpha beta gamma";
      const base = report.passages[1] as Report["passages"][number];
      const r: Report = {
        ...report,
        text,
        boilerplate: [],
        credits: [],
        passages: [
          {
            ...base,
            articleStart: 11,
            articleEnd: 27,
            sourceStart: 0,
            sourceEnd: 30,
            diff: [
              { op: "delete", text: "Monday", start: 0, end: 6 },
              { op: "equal", text: "alpha beta gamma", start: 11, end: 27 },
              { op: "delete", text: "too", start: 27, end: 30 },
            ],
          },
        ],
      };
      const div = container(renderArticleText(r, new CharIndex(text), null, reportChanges(r)));
      const span = div.querySelector('[data-testid="passage"]');
      const points = [...div.querySelectorAll('[data-testid="change-drop-point"]')];
      expect(points).toHaveLength(2);
      expect(points.every((p) => p.parentElement === span)).toBe(true);
      expect(span?.firstChild).toBe(points[0]);
      expect(span?.lastChild).toBe(points[1]);
      expect(div.querySelector('[data-testid="unmatched"]')?.textContent).toBe("Own words. ");
    });

    it("marks a credit inside a replacing word inside the mark", () => {
      const text = "alpha beta gamma";
      const p = { ...(report.passages[1] as Report["passages"][number]), articleStart: 0, articleEnd: 16 };
      const r: Report = {
        ...report,
        text,
        boilerplate: [],
        credits: [{ agency: "Reuters", kind: "credit_line", text: "beta", start: 6, end: 10 }],
        passages: [
          {
            ...p,
            diff: [
              { op: "equal", text: "alpha", start: 0, end: 5 },
              { op: "delete", text: "wire", start: 0, end: 4 },
              { op: "insert", text: "beta", start: 6, end: 10 },
              { op: "equal", text: "gamma", start: 11, end: 16 },
            ],
          },
        ],
      };
      const div = container(renderArticleText(r, new CharIndex(text), null, reportChanges(r)));
      const mark = div.querySelector('[data-testid="change-insert"]');
      expect(mark?.querySelector("mark.credit")?.textContent).toBe("beta");
      expect(div.textContent).toBe(text);
    });

    it("sets apart the text no passage covers, on both sides, keeping boilerplate", () => {
      const div = container(renderArticleText(report, ix, null, changes));
      const own = [...div.querySelectorAll<HTMLElement>('[data-testid="unmatched"]')];
      expect(own.length).toBeGreaterThan(100);
      for (const span of own) {
        expect(span.closest('[data-testid="passage"]')).toBeNull();
        expect(span.querySelector('[data-testid="passage"]')).toBeNull();
        expect(span.textContent?.trim()).not.toBe("");
      }
      // Every character is in a passage or in an unmatched span, but for whitespace between.
      const covered = [...div.querySelectorAll('[data-testid="passage"], [data-testid="unmatched"]')].map((e) => e.textContent).join("");
      expect(covered.replace(/\s/gu, "")).toBe(report.text.replace(/\s/gu, ""));
      // The boilerplate at the end is still marked as such, inside the article's own text.
      const boiler = div.querySelector(".boilerplate");
      expect(boiler?.closest('[data-testid="unmatched"]')).not.toBeNull();

      const story = result.stories[0];
      const body = new CharIndex(story?.body ?? "");
      const src = container(renderSourceText({ ...report, passages: report.passages.slice(0, 30) }, body, 100, changes));
      const unused = [...src.querySelectorAll<HTMLElement>('[data-testid="unmatched"]')];
      expect(unused.length).toBe(1); // the story past the tenth passage of source 100
      expect(unused[0]?.closest('[data-testid="source-passage"]')).toBeNull();
      expect(src.textContent).toBe(story?.body);
    });

    it("numbers each passage at its start, the same on both sides", () => {
      const div = container(renderArticleText(report, ix, null, changes));
      const spans = [...div.querySelectorAll<HTMLElement>('[data-testid="passage"]')];
      expect(spans.map((s) => s.dataset["n"])).toEqual(spans.map((s) => String(Number(s.dataset["index"]) + 1)));
      const body = new CharIndex(result.stories[2]?.body ?? "");
      const src = container(renderSourceText(report, body, 102, changes));
      for (const s of src.querySelectorAll<HTMLElement>('[data-testid="source-passage"]')) {
        expect(s.dataset["n"]).toBe(String(Number(s.dataset["index"]) + 1));
      }
      // The number is drawn by CSS: the text stays the passage's.
      expect(div.textContent).toBe(report.text);
    });

    it("numbers a reordered copy so each article passage finds its part of the story", () => {
      // The article tells the story's two paragraphs the other way round.
      const story = "First the ferry. Then the storm.";
      const text = "Then the storm. First the ferry.";
      const r: Report = {
        ...report,
        text,
        credits: [],
        boilerplate: [],
        passages: [
          { ...(report.passages[0] as Report["passages"][number]), sourceId: 100, articleStart: 0, articleEnd: 15, sourceStart: 17, sourceEnd: 32, diff: [] },
          { ...(report.passages[0] as Report["passages"][number]), sourceId: 100, articleStart: 16, articleEnd: 32, sourceStart: 0, sourceEnd: 16, diff: [] },
        ],
      };
      const left = container(renderArticleText(r, new CharIndex(text), null));
      const right = container(renderSourceText(r, new CharIndex(story), 100));
      const numbered = (root: HTMLElement, id: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)].map((e) => [e.dataset["n"], e.textContent]);
      expect(numbered(left, "passage")).toEqual([
        ["1", "Then the storm."],
        ["2", "First the ferry."],
      ]);
      expect(numbered(right, "source-passage")).toEqual([
        ["2", "First the ferry."],
        ["1", "Then the storm."],
      ]);
    });
  });
});
