// The article's date note and the stories published later, rendered as text only.
import { describe, expect, it } from "vitest";
import type { Report } from "../src/bindings";
import { renderArticleDate, renderPublishedLater } from "../src/views/dating";
import { syntheticResult } from "./fixtures";

const text = "Ferry landing to close\n\n😀 TARNBY--(BUSINESS WIRE)--Mar. 4, 2019--The harbour authority in Tarnby said it would close the landing.";
const start = Array.from(text).indexOf("M", 30);

function report(over: Partial<Report>): Report {
  return { ...syntheticResult(50, 2).report, text, passages: [], credits: [], boilerplate: [], ...over };
}

describe("article date", () => {
  it("says where the date was read, marking it in its line (character offsets)", () => {
    const el = renderArticleDate(
      report({ articleDate: { date: "2019-03-04", text: "Mar. 4, 2019", start, end: start + 12, from: "text" } }),
    );
    expect(el.dataset["from"]).toBe("text");
    expect(el.querySelector("strong")?.textContent).toBe("2019-03-04");
    expect(el.querySelector("mark.date-read")?.textContent).toBe("Mar. 4, 2019");
    const context = el.querySelector('[data-testid="article-date-context"]')?.textContent ?? "";
    expect(context).toContain("(BUSINESS WIRE)--Mar. 4, 2019--The harbour");
    expect(context, "only the date's line is quoted").not.toContain("Ferry landing");
    expect(el.textContent).toMatch(/Only stories published before.*overrides/);
  });

  it("keeps markup in the article inert", () => {
    const hostile = "<img src=x onerror=alert(1)> Updated: 2024-05-02";
    const s = Array.from(hostile).length - 10;
    const el = renderArticleDate(
      report({ text: hostile, articleDate: { date: "2024-05-02", text: "2024-05-02", start: s, end: s + 10, from: "text" } }),
    );
    expect(el.querySelector("img")).toBeNull();
    expect(el.textContent).toContain("<img src=x onerror=alert(1)>");
  });

  it("says a saved page's date came from its metadata, with the time it gave", () => {
    const el = renderArticleDate(
      report({ articleDate: { date: "2019-03-04", text: "2019-03-04T10:41:00+01:00", start: null, end: null, from: "page" } }),
    );
    expect(el.dataset["from"]).toBe("page");
    expect(el.querySelector("strong")?.textContent).toBe("2019-03-04");
    expect(el.textContent).toContain("from the page's metadata, 2019-03-04T10:41:00+01:00");
    expect(el.textContent).toMatch(/Only stories published before.*overrides/);
  });

  it("names the field when the date was given there", () => {
    const el = renderArticleDate(
      report({ articleDate: { date: "2019-03-08", text: "2019-03-08", start: null, end: null, from: "option" } }),
    );
    expect(el.dataset["from"]).toBe("option");
    expect(el.textContent).toBe("Article date: 2019-03-08 (from “Only stories published before”)");
  });

  it("says when no date was found", () => {
    expect(renderArticleDate(report({ articleDate: null }))?.dataset["from"]).toBe("none");
    expect(renderArticleDate(report({ articleDate: null }), false), "a comparison has no date field to suggest").toBeNull();
  });
});

describe("published later", () => {
  it("lists the later stories apart, and nothing when there are none", () => {
    expect(renderPublishedLater(report({ publishedLater: [] }))).toBeNull();
    const el = renderPublishedLater(
      report({
        publishedLater: [
          { id: 7, origin: "/wire/tarnby.jsonl", agency: "Reuters", headline: "Tarnby ferry landing to close", published: "2019-03-07T09:15:00Z", coverage: 0.97 },
        ],
      }),
    );
    const items = el?.querySelectorAll<HTMLElement>('[data-testid="later-story"]') ?? [];
    expect(items).toHaveLength(1);
    expect(items[0]?.dataset["storyId"]).toBe("7");
    expect(items[0]?.textContent).toBe("Reuters Tarnby ferry landing to close · published 2019-03-07 09:15 · would match 97% of the article");
    expect(el?.querySelector("h2")?.textContent).toBe("Published after the article (1)");
  });
});
