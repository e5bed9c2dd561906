import { describe, expect, it } from "vitest";
import { parseSettings, splitList } from "../src/settings-form";
import { snippetParts, percent } from "../src/format";
import { errorText, toAppError } from "../src/errors";

const base = { preset: "standard", minWords: "8", aliases: [], excludeAgencies: "", excludeSources: "" };

describe("settings form", () => {
  it("parses a valid form", () => {
    expect(
      parseSettings({
        ...base,
        aliases: [{ canonical: " Reuters ", alias: "Thomson Reuters" }, { canonical: "", alias: "" }],
        excludeAgencies: "PA, PTI\nAFP",
        excludeSources: "12, #40",
      }),
    ).toEqual({
      settings: {
        preset: "standard",
        minPassageWords: 8,
        aliases: [{ canonical: "Reuters", alias: "Thomson Reuters" }],
        excludeAgencies: ["PA", "PTI", "AFP"],
        excludeSources: [12, 40],
      },
    });
  });

  it("reports each bad field", () => {
    const r = parseSettings({
      preset: "loose",
      minWords: "2.5",
      aliases: [{ canonical: "AP", alias: "" }],
      excludeAgencies: "",
      excludeSources: "12, abc",
    });
    expect("errors" in r && Object.keys(r.errors).sort()).toEqual(["aliases", "excludeSources", "minWords", "preset"]);
  });

  it("splits lists on commas and newlines", () => {
    expect(splitList(" a, ,b\n c ")).toEqual(["a", "b", "c"]);
  });
});

describe("format and errors", () => {
  it("splits search snippets on [ ] marks", () => {
    expect(snippetParts("the [fire] spread [fast]")).toEqual([
      { text: "the ", match: false },
      { text: "fire", match: true },
      { text: " spread ", match: false },
      { text: "fast", match: true },
    ]);
  });

  it("never rounds a small share to 0%", () => {
    expect(percent(0.004)).toBe("<1%");
    expect(percent(0.384)).toBe("38%");
    expect(percent(0)).toBe("0%");
  });

  it("says what archive_busy means and keeps other messages", () => {
    expect(errorText({ code: "archive_busy", message: "x" })).toMatch(/import is running in the command line/);
    expect(errorText({ code: "invalid_input", message: "Paste an article." })).toBe("Paste an article.");
    expect(toAppError(new Error("boom"))).toEqual({ code: "internal", message: "boom" });
  });
});
