// How sure a match is, and why: the evidence of a source or a passage (tier, the model's
// confidence, the reasons), and the verdict's confidence, in words an editor reads. Every
// meaning is in the text; colours and borders only repeat it.

import type { Derived, Evidence, Tier } from "./bindings";
import { h } from "./dom";

const TIER_LABEL: Record<Tier, string> = {
  identical: "identical",
  minor_edits: "minor edits",
  paraphrase: "paraphrase",
};

const TIER_HINT: Record<Tier, string> = {
  identical: "Word for word",
  minor_edits: "Copied with editing: spelling, tense, a word changed, a clause trimmed",
  paraphrase: "Rewritten, heavily edited, or a template refilled with other facts: the least certain",
};

export function tierLabel(tier: Tier): string {
  return TIER_LABEL[tier] ?? "paraphrase";
}

/**
 * A probability (0..1) as a whole percentage that never claims certainty the model does not
 * have: 0.996 is "99%", not "100%"; 0.004 is "<1%", not "0%".
 */
export function confidencePercent(p: number): number {
  if (!Number.isFinite(p) || p <= 0) return 0;
  if (p >= 1) return 100;
  return Math.min(99, Math.max(1, Math.round(p * 100)));
}

/** A probability as its percentage, "<1%" for a tiny one. */
export function probabilityText(p: number): string {
  const n = confidencePercent(p);
  return n === 1 && p < 0.005 ? "<1%" : `${n}%`;
}

/**
 * The plain word for a match's confidence, judged on the percentage shown beside it. A story
 * shared but not copied has 0%: the evidence rule found nothing that shows copying.
 */
export function confidenceWord(p: number): string {
  const n = confidencePercent(p);
  if (n >= 90) return "very likely copied";
  if (n >= 70) return "likely copied";
  if (n >= 30) return "possibly copied";
  if (n > 0) return "unlikely copied";
  return "no evidence of copying";
}

/** "87% · likely copied". */
export function confidenceText(p: number): string {
  return `${probabilityText(p)} · ${confidenceWord(p)}`;
}

/** The verdict's confidence, as a sentence: what the model is that sure of. */
export function verdictConfidenceText(derived: Derived, p: number): string {
  return derived === "none"
    ? `${probabilityText(p)} sure it is not derived from wire copy`
    : `${probabilityText(p)} sure it is derived from wire copy`;
}

/**
 * A match's evidence: the tier as a short label, the confidence in figures and words, and the
 * reasons. `collapsed` puts the reasons behind a "why?" toggle (the source cards); otherwise
 * they follow inline (the review's passage panel).
 */
export function renderEvidence(evidence: Evidence, collapsed: boolean): HTMLElement {
  const tier = h(
    "span",
    { class: `tier tier-${evidence.tier}`, "data-testid": "evidence-tier", title: TIER_HINT[evidence.tier] ?? "" },
    tierLabel(evidence.tier),
  );
  const confidence = h(
    "span",
    { class: "evidence-confidence", "data-testid": "evidence-confidence", title: "The model's probability that this text was copied rather than sharing facts" },
    confidenceText(evidence.confidence),
  );
  const reasons = evidence.reasons.length === 0 ? null : renderReasons(evidence.reasons, collapsed);
  return h(
    "div",
    {
      class: `evidence${collapsed ? "" : " inline"}`,
      "data-testid": "evidence",
      "data-tier": evidence.tier,
      "data-confidence": evidence.confidence.toFixed(3),
    },
    h("div", { class: "evidence-line" }, tier, confidence),
    reasons,
  );
}

function renderReasons(reasons: readonly string[], collapsed: boolean): HTMLElement {
  const list = h(
    "ul",
    { class: "reasons", "data-testid": "evidence-reasons" },
    reasons.map((r) => h("li", null, r)),
  );
  if (collapsed) {
    // <details> opens with the keyboard and tells assistive technology whether it is open.
    return h("details", { class: "why" }, h("summary", null, "why?"), list);
  }
  return h("div", { class: "why" }, h("span", { class: "why-label" }, "Why: "), list);
}
