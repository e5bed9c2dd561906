import { describe, expect, it } from "vitest";
import { addedMessage, compareCall, storyAsText } from "../src/compare-draft";

const draft = { article: "The article", story: "Mackerel deal\n\nOSLO (Reuters) - Norway agreed.", agency: "", preset: "standard" as const };
const stored = { id: 12, text: draft.story, agency: "Reuters" };

describe("compare-draft", () => {
  it("shows a story as its headline, a blank line and its body", () => {
    expect(storyAsText({ headline: "Mackerel deal", body: "OSLO - Norway agreed." })).toBe("Mackerel deal\n\nOSLO - Norway agreed.");
    expect(storyAsText({ headline: "  ", body: "Body only." })).toBe("Body only.");
    expect(storyAsText({ headline: "Deal", body: "Deal\n\nBody." }), "a body that starts with its headline is not doubled").toBe("Deal\n\nBody.");
  });

  it("compares a stored story left untouched by its id, with the preset", () => {
    expect(compareCall(draft, stored)).toEqual({ kind: "stored", request: { article: "The article", storyId: 12, preset: "standard" } });
    expect(compareCall({ ...draft, agency: " Reuters ", preset: "strict" }, stored)).toEqual({
      kind: "stored",
      request: { article: "The article", storyId: 12, preset: "strict" },
    });
  });

  it("compares pasted or edited text, or another agency, as text", () => {
    const texts = (d: typeof draft) => compareCall(d, stored).kind;
    expect(texts({ ...draft, story: `${draft.story} More.` })).toBe("texts");
    expect(texts({ ...draft, agency: "AP" })).toBe("texts");
    expect(compareCall(draft, null)).toEqual({
      kind: "texts",
      request: { article: "The article", source: draft.story, agency: null, preset: "standard" },
    });
    expect(compareCall({ ...draft, agency: " AFP " }, null)).toMatchObject({ request: { agency: "AFP" } });
  });

  it("says whether the story was added or already there", () => {
    expect(addedMessage({ id: 14, alreadyStored: false })).toMatch(/^Added to the archive as story #14/);
    expect(addedMessage({ id: 3, alreadyStored: true })).toMatch(/^Already in the archive as story #3 .*nothing was added/);
  });
});

describe("dropTargets", async () => {
  const { dropTargets } = await import("../src/views/compare");
  it("sends two files to the article then the story, one file to the area under it", () => {
    expect(dropTargets(2, null, false)).toEqual(["article", "story"]);
    expect(dropTargets(1, "story", true)).toEqual(["story"]);
    expect(dropTargets(1, "article", false)).toEqual(["article"]);
  });
  it("drops a file elsewhere on the empty article first, then on the story", () => {
    expect(dropTargets(1, null, true)).toEqual(["article"]);
    expect(dropTargets(1, null, false)).toEqual(["story"]);
    expect(dropTargets(0, null, true)).toEqual([]);
  });
});
