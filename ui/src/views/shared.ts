// The stories the article shares text with but is not derived from: listed apart from the
// sources, each with the evidence that says why the shared text is not copying and the shared
// passages themselves, so that an editor can check the call on an independent report.

import type { PassageKind, Report, SharedStory } from "../bindings";
import { h } from "../dom";
import { renderEvidence } from "../evidence";
import { agencyName, percent, when } from "../format";
import { CharIndex } from "../text";

/** Longest shared passage shown whole; longer ones are cut at a word. */
const EXCERPT = 160;

const KIND: Record<PassageKind, string> = {
  verbatim: "word for word",
  edited: "with edits",
  rewritten: "similar wording",
};

/** The "Shares text with" section, or `null` when the article shares nothing set aside. */
export function renderShared(report: Report): HTMLElement | null {
  if (report.shared.length === 0) return null;
  const ix = new CharIndex(report.text);
  return h(
    "section",
    { class: "shared", "aria-label": "Shared text, not copied", "data-testid": "shared" },
    h("h2", null, `Shares text with, not copied from (${report.shared.length})`),
    h(
      "p",
      { class: "muted" },
      "These stories share quotes, names, figures or stock phrases with the article, as independent reports of the same event do. They are not sources and are not flagged.",
    ),
    h("ul", { class: "shared-list" }, report.shared.map((s) => renderStory(s, ix))),
  );
}

function renderStory(story: SharedStory, ix: CharIndex): HTMLElement {
  const words = story.passages.reduce((n, p) => n + p.words, 0);
  return h(
    "li",
    { class: "shared-story", "data-testid": "shared-story", "data-story-id": story.id },
    h(
      "div",
      { class: "shared-head" },
      h("strong", null, agencyName(story.agency)),
      " ",
      h("span", { class: "headline" }, story.headline),
      h("span", { class: "muted" }, `${story.published ? ` · ${when(story.published)}` : ""} · ${percent(story.coverage)} of the article shared`),
    ),
    renderEvidence(story.evidence, true),
    h(
      "details",
      { class: "shared-passages" },
      h("summary", null, `The shared text (${story.passages.length} ${story.passages.length === 1 ? "passage" : "passages"}, ${words} words)`),
      h(
        "ol",
        null,
        story.passages.map((p) =>
          h(
            "li",
            { "data-testid": "shared-passage", "data-kind": p.kind },
            h("q", null, excerpt(ix.slice(p.articleStart, p.articleEnd))),
            h("span", { class: "muted" }, ` ${KIND[p.kind]}`),
          ),
        ),
      ),
    ),
  );
}

/** `text` whole when short, else cut at the last space before [`EXCERPT`] characters. */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= EXCERPT) return flat;
  const cut = flat.lastIndexOf(" ", EXCERPT);
  return `${flat.slice(0, cut > 0 ? cut : EXCERPT)}…`;
}
