// The article's own date in the result: where it was read (or that the "only stories published
// before" field gave it), and the stories published after it, listed apart from the sources.

import type { Report } from "../bindings";
import { h } from "../dom";
import { agencyName, percent, when } from "../format";
import { CharIndex } from "../text";

/** Characters of context shown on each side of the date read. */
const CONTEXT = 40;

/**
 * The inline note under the verdict: the date and where it comes from. A comparison has no
 * "Only stories published before" field (`withField` false): the note then names none, and is
 * left out when no date was read.
 */
export function renderArticleDate(report: Report, withField?: true): HTMLElement;
export function renderArticleDate(report: Report, withField: boolean): HTMLElement | null;
export function renderArticleDate(report: Report, withField = true): HTMLElement | null {
  const date = report.articleDate;
  if (!date) {
    if (!withField) return null;
    return h(
      "p",
      { class: "article-date muted", "data-testid": "article-date", "data-from": "none" },
      "No date found in the article. Set “Only stories published before” to leave later stories out.",
    );
  }
  if (date.from === "page") {
    return h(
      "p",
      { class: "article-date", "data-testid": "article-date", "data-from": "page" },
      "Article date: ",
      h("strong", null, when(date.date)),
      h("span", { class: "muted" }, ` (from the page's metadata, ${date.text})`),
      h("span", { class: "muted" }, withField ? ". “Only stories published before” overrides it." : "."),
    );
  }
  if (date.from === "option" || date.start === null || date.end === null) {
    return h(
      "p",
      { class: "article-date", "data-testid": "article-date", "data-from": "option" },
      "Article date: ",
      h("strong", null, when(date.date)),
      h("span", { class: "muted" }, " (from “Only stories published before”)"),
    );
  }
  const ix = new CharIndex(report.text);
  const before = ix.slice(Math.max(0, date.start - CONTEXT), date.start);
  const after = ix.slice(date.end, date.end + CONTEXT);
  // Only the line the date is on.
  const lead = before.slice(before.lastIndexOf("\n") + 1);
  const newline = after.indexOf("\n");
  const trail = newline >= 0 ? after.slice(0, newline) : after;
  return h(
    "p",
    { class: "article-date", "data-testid": "article-date", "data-from": "text" },
    "Article date: ",
    h("strong", null, when(date.date)),
    h("span", { class: "muted" }, ", read from "),
    h(
      "q",
      { class: "date-context", "data-testid": "article-date-context" },
      lead.length === before.length && date.start > CONTEXT ? "…" : "",
      lead,
      h("mark", { class: "date-read" }, ix.slice(date.start, date.end)),
      trail,
      newline < 0 && date.end + CONTEXT < ix.length ? "…" : "",
    ),
    h("span", { class: "muted" }, withField ? ". “Only stories published before” overrides it." : "."),
  );
}

/** The stories that would have been sources but were published after the article's date. */
export function renderPublishedLater(report: Report): HTMLElement | null {
  if (report.publishedLater.length === 0) return null;
  return h(
    "section",
    { class: "published-later", "aria-label": "Published later", "data-testid": "published-later" },
    h("h2", null, `Published after the article (${report.publishedLater.length})`),
    h(
      "p",
      { class: "muted" },
      "These stories match the article but were published on a later day than its date, so they are not its sources and are not flagged.",
    ),
    h(
      "ul",
      { class: "later-list" },
      report.publishedLater.map((s) =>
        h(
          "li",
          { class: "later-story", "data-testid": "later-story", "data-story-id": s.id },
          h("strong", null, agencyName(s.agency)),
          " ",
          h("span", { class: "headline" }, s.headline),
          h("span", { class: "muted" }, ` · published ${when(s.published)} · would match ${percent(s.coverage)} of the article`),
        ),
      ),
    ),
  );
}
