import { describe, expect, it } from "vitest";
import type { Evidence } from "../src/bindings";
import {
  confidencePercent,
  confidenceText,
  confidenceWord,
  renderEvidence,
  tierLabel,
  verdictConfidenceText,
} from "../src/evidence";

const evidence = (over: Partial<Evidence> = {}): Evidence => ({
  tier: "minor_edits",
  confidence: 0.83,
  reasons: ["a run of 15 words shared word for word", "little edited"],
  ...over,
});

describe("evidence wording", () => {
  it("labels each tier in short words", () => {
    expect(tierLabel("identical")).toBe("identical");
    expect(tierLabel("minor_edits")).toBe("minor edits");
    expect(tierLabel("paraphrase")).toBe("paraphrase");
  });

  it("puts a plain word on the confidence, at 90% and 70%", () => {
    expect(confidenceWord(0.97)).toBe("very likely copied");
    expect(confidenceWord(0.9)).toBe("very likely copied");
    expect(confidenceWord(0.89)).toBe("likely copied");
    expect(confidenceWord(0.7)).toBe("likely copied");
    expect(confidenceWord(0.69)).toBe("possibly copied");
    expect(confidenceWord(0.3)).toBe("possibly copied");
    expect(confidenceWord(0.05)).toBe("unlikely copied");
    expect(confidenceWord(0.004)).toBe("unlikely copied");
    expect(confidenceWord(0)).toBe("no evidence of copying");
  });

  it("judges the word on the percentage shown, so the two never disagree", () => {
    // 0.897 shows as 90%: it must not read "90% · likely copied".
    expect(confidenceText(0.897)).toBe("90% · very likely copied");
    expect(confidenceText(0.695)).toBe("70% · likely copied");
    expect(confidenceText(0.4)).toBe("40% · possibly copied");
  });

  it("never shows a probability below one as certainty, nor a tiny one as zero", () => {
    expect(confidencePercent(0.998)).toBe(99);
    expect(confidencePercent(1)).toBe(100);
    expect(confidenceText(0.001)).toBe("<1% · unlikely copied");
    expect(confidencePercent(0)).toBe(0);
    expect(confidencePercent(Number.NaN)).toBe(0);
  });

  it("says what the verdict's confidence is about", () => {
    expect(verdictConfidenceText("wholly", 0.93)).toBe("93% sure it is derived from wire copy");
    expect(verdictConfidenceText("partially", 0.71)).toBe("71% sure it is derived from wire copy");
    expect(verdictConfidenceText("none", 0.8)).toBe("80% sure it is not derived from wire copy");
  });
});

describe("evidence rendering", () => {
  it("shows the tier, the confidence and the reasons behind a why? toggle", () => {
    const el = renderEvidence(evidence(), true);
    expect(el.dataset["tier"]).toBe("minor_edits");
    expect(el.querySelector('[data-testid="evidence-tier"]')?.textContent).toBe("minor edits");
    expect(el.querySelector('[data-testid="evidence-confidence"]')?.textContent).toBe("83% · likely copied");
    const toggle = el.querySelector("details");
    expect(toggle?.querySelector("summary")?.textContent).toBe("why?");
    expect(toggle?.hasAttribute("open")).toBe(false);
    const reasons = [...el.querySelectorAll('[data-testid="evidence-reasons"] li')].map((li) => li.textContent);
    expect(reasons).toEqual(["a run of 15 words shared word for word", "little edited"]);
  });

  it("shows the reasons inline when not collapsed", () => {
    const el = renderEvidence(evidence({ tier: "identical", confidence: 0.95 }), false);
    expect(el.querySelector("details")).toBeNull();
    expect(el.textContent).toBe("identical95% · very likely copiedWhy: a run of 15 words shared word for wordlittle edited");
  });

  it("offers no toggle without reasons", () => {
    const el = renderEvidence(evidence({ tier: "paraphrase", confidence: 0.3, reasons: [] }), true);
    expect(el.querySelector("details, .why")).toBeNull();
    expect(el.textContent).toBe("paraphrase30% · possibly copied");
  });

  it("keeps markup in reasons inert", () => {
    const el = renderEvidence(evidence({ reasons: ['<img src=x onerror="alert(1)">'] }), true);
    expect(el.querySelector("img")).toBeNull();
    expect(el.querySelector("li")?.textContent).toBe('<img src=x onerror="alert(1)">');
  });
});
