import { describe, expect, it } from "vitest";
import type { DiffOp } from "../src/bindings";
import { diffCounts, renderDiff } from "../src/diff";

/** An op without a known position (as in checks saved before offsets existed). */
const op = (tag: DiffOp["op"], text: string): DiffOp => ({ op: tag, text, start: 0, end: 0 });

describe("renderDiff", () => {
  it("renders deletions as <del>, insertions as <ins>, equal text as text, spaced", () => {
    const div = document.createElement("div");
    div.appendChild(
      renderDiff([
        op("equal", "The minister said"),
        op("delete", "on Tuesday"),
        op("insert", "yesterday"),
        op("equal", "that talks would resume."),
      ]),
    );
    expect(div.textContent).toBe("The minister said on Tuesday yesterday that talks would resume.");
    expect([...div.querySelectorAll("del")].map((e) => e.textContent)).toEqual(["on Tuesday"]);
    expect([...div.querySelectorAll("ins")].map((e) => e.textContent)).toEqual(["yesterday"]);
    expect(div.childNodes[0]?.nodeType).toBe(Node.TEXT_NODE);
    // "on Tuesday" was replaced by "yesterday": both halves say so.
    expect([...div.querySelectorAll(".replaced")].map((e) => e.textContent)).toEqual(["on Tuesday", "yesterday"]);
  });

  it("tells a word added or dropped alone from a replacement", () => {
    const div = document.createElement("div");
    div.appendChild(renderDiff([op("equal", "a"), op("insert", "b"), op("equal", "c"), op("delete", "d")]));
    expect(div.querySelector("ins")?.classList.contains("replaced")).toBe(false);
    expect(div.querySelector("ins")?.getAttribute("title")).toBe("Added by the article");
    expect(div.querySelector("del")?.classList.contains("replaced")).toBe(false);
    expect(div.querySelector("del")?.getAttribute("title")).toBe("In the wire story, dropped by the article");
  });

  it("keeps markup in the text inert", () => {
    const div = document.createElement("div");
    div.appendChild(renderDiff([op("insert", "<img src=x onerror=alert(1)>")]));
    expect(div.querySelector("img")).toBeNull();
    expect(div.querySelector("ins")?.textContent).toBe("<img src=x onerror=alert(1)>");
  });

  it("counts dropped and added words", () => {
    expect(
      diffCounts([
        op("delete", "on Tuesday"),
        op("insert", "yesterday"),
        op("equal", "x y z"),
      ]),
    ).toEqual({ deleted: 2, inserted: 1 });
  });
});
