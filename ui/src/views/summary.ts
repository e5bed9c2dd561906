// The result summary: verdict and share copied, the flags with their decisions, one card per
// source, "Compare with…" a stored story, and the exports. Checks and comparisons alike: both
// are saved in the history.

import type { App } from "../app";
import { isComparison, messageArea, showMessage } from "../app";
import type { CheckResult, Flag, Source } from "../bindings";
import * as cmd from "../commands";
import { saveDialog } from "../dialogs";
import { h } from "../dom";
import { errorText } from "../errors";
import { probabilityText, renderEvidence, verdictConfidenceText } from "../evidence";
import { agencyName, creditKindLabel, derivedLabel, percent, when } from "../format";
import { colourClass } from "../review-render";
import { renderCompareWith } from "./compare-with";
import { renderArticleDate, renderPublishedLater } from "./dating";
import { renderFlagDecision } from "./decisions";
import { renderShared } from "./shared";

export function renderSummary(app: App): HTMLElement {
  const result = app.result as CheckResult;
  const { report } = result;
  const verdict = h(
    "div",
    { class: `verdict verdict-${report.derived}`, "data-testid": "verdict", "data-derived": report.derived },
    derivedLabel(report.derived),
  );
  const p = report.probabilities;
  const confidence = h(
    "div",
    {
      class: "verdict-confidence muted",
      "data-testid": "verdict-confidence",
      title: `The verdict model's probabilities: wholly ${probabilityText(p.wholly)}, partially ${probabilityText(p.partially)}, not derived ${probabilityText(p.none)}`,
    },
    verdictConfidenceText(report.derived, report.confidence),
  );
  const coverage = h(
    "div",
    { class: "coverage", "data-testid": "coverage" },
    h("strong", null, percent(report.coverage)),
    ` of the article's ${report.articleWords.toLocaleString("en-GB")} words match ${isComparison(result) ? "the wire story" : "stored wire stories"}`,
    report.rewritten > 0 ? h("span", { class: "muted", "data-testid": "rewritten" }, ` (${percent(report.rewritten)} rewritten: similar wording, less certain)`) : null,
  );
  const head = h(
    "div",
    { class: "summary-head" },
    h("div", null, verdict, confidence, coverage, renderArticleDate(report, !isComparison(result))),
    h(
      "div",
      { class: "summary-meta" },
      h("div", { class: "check-title" }, result.check.title),
      h(
        "div",
        { class: "muted", "data-testid": "check-meta" },
        isComparison(result)
          ? `Comparison #${result.check.id} with ${comparedName(result)} · ${when(result.check.createdAt)}`
          : `Check #${result.check.id} · ${when(result.check.createdAt)}`,
      ),
    ),
  );

  const flags = h(
    "section",
    { class: "flags", "aria-label": "Flags" },
    report.flags.length === 0
      ? h("p", { class: "muted" }, report.sources.length === 0 ? "No flags: nothing is copied." : "No flags: every copied source is credited.")
      : h("h2", null, `Flagged for review (${report.flags.length})`),
    report.flags.map((flag) => renderFlag(app, flag)),
  );

  const cards = h(
    "section",
    { class: "sources", "aria-label": "Sources" },
    h("h2", null, report.sources.length > 0 ? `Sources (${report.sources.length})` : report.shared.length > 0 ? "No sources: nothing copied" : "No matching wire stories"),
    h("div", { class: "source-cards" }, report.sources.map((s, slot) => renderSourceCard(app, s, slot))),
  );

  return h(
    "div",
    { class: "summary-body" },
    head,
    flags,
    cards,
    renderPublishedLater(report),
    renderShared(report),
    renderCompareWith(app, report.text),
    renderExport(result),
  );
}

/** The story a comparison was made with, as the summary names it. */
function comparedName(result: CheckResult): string {
  const headline = result.check.comparedWith?.trim() ?? "";
  const story = result.stories[0];
  const where = story && story.id !== 0 ? ` (story #${story.id} of the archive)` : "";
  return headline === "" ? `one wire story${where}` : `“${headline}”${where}`;
}

function renderFlag(app: App, flag: Flag): HTMLElement {
  const source = app.result?.report.sources.find((s) => s.id === flag.sourceId);
  const item = h(
    "article",
    { class: "flag", "data-testid": "flag", "data-source-id": flag.sourceId },
    h(
      "div",
      { class: "flag-head" },
      h("span", { class: "flag-badge" }, "Copied without credit"),
      h("strong", null, agencyName(flag.agency)),
      h("span", { class: "muted" }, ` · ${percent(flag.coverage)} of the article`),
      source
        ? h(
            "button",
            { type: "button", class: "link", onclick: () => app.openReview({ sourceId: flag.sourceId }) },
            "Review side by side",
          )
        : null,
    ),
    h("p", { class: "flag-reason" }, flag.reason),
  );
  item.appendChild(renderFlagDecision(app, flag));
  return item;
}

function renderSourceCard(app: App, source: Source, slot: number): HTMLElement {
  const bar = h("div", { class: `coverage-bar-fill ${colourClass(slot)}` });
  bar.style.width = `${Math.max(0, Math.min(1, source.coverage)) * 100}%`;
  const credit = source.credit;
  const card = h(
    "article",
    {
      class: `source-card ${colourClass(slot)}`,
      "data-testid": "source-card",
      "data-source-id": source.id,
      "data-credited": String(source.credited),
    },
    h(
      "div",
      { class: "card-head" },
      h("span", { class: "swatch", "aria-hidden": "true" }),
      h("span", { class: "key", title: `Key ${slot + 1} in the review` }, slot < 9 ? String(slot + 1) : ""),
      h("strong", { class: "agency" }, agencyName(source.agency)),
      h("span", { class: "muted", "data-testid": "source-language", title: "Language of the story" }, source.language ?? ""),
      h("span", { class: "muted" }, when(source.published)),
    ),
    h("div", { class: "headline" }, source.headline),
    h(
      "div",
      { class: "coverage-bar", role: "img", "aria-label": `${percent(source.coverage)} of the article` },
      bar,
    ),
    h(
      "div",
      { class: "card-foot" },
      h("span", null, `${percent(source.coverage)} of the article`),
      h(
        "span",
        { class: source.credited ? "credited yes" : "credited no" },
        source.credited ? "Credited" : "Not credited",
      ),
    ),
    renderEvidence(source.evidence, true),
    credit
      ? h(
          "button",
          {
            type: "button",
            class: "credit-evidence",
            "data-testid": "credit-evidence",
            title: credit.kind === "page_author" ? "Declared as the page's author in its metadata, not shown in the text" : "Show the credit in the article",
            onclick: (e: Event) => {
              e.stopPropagation();
              // A credit from the page's metadata has no place in the text to show.
              const inText = credit.kind !== "page_author";
              const index = inText ? (app.result?.report.credits.findIndex((c) => c.start === credit.start && c.end === credit.end) ?? -1) : -1;
              app.openReview({ sourceId: source.id, credit: index >= 0 ? index : undefined });
            },
          },
          `“${credit.text}”`,
          h("span", { class: "muted" }, ` (${creditKindLabel(credit.kind)})`),
        )
      : null,
    h(
      "button",
      { type: "button", class: "open-review", onclick: () => app.openReview({ sourceId: source.id }) },
      "Review side by side",
    ),
  );
  return card;
}

function renderExport(result: CheckResult): HTMLElement {
  const status = messageArea("export-status");
  const exporter = (kind: "html" | "json") => async () => {
    const name = `wirecheck-${isComparison(result) ? "comparison" : "check"}-${result.check.id}.${kind}`;
    try {
      const path = await saveDialog({
        defaultPath: name,
        filters: [kind === "html" ? { name: "HTML report", extensions: ["html"] } : { name: "JSON", extensions: ["json"] }],
        title: kind === "html" ? "Save the HTML report" : "Save the JSON report",
      });
      if (path === null) {
        showMessage(status, "info", "Not saved.");
        return;
      }
      const saved = kind === "html" ? await cmd.exportHtml(result.check.id, path) : await cmd.exportJson(result.check.id, path);
      showMessage(status, "ok", "Saved to ", h("code", null, saved));
    } catch (e) {
      showMessage(status, "error", errorText(e));
    }
  };
  return h(
    "section",
    { class: "export", "aria-label": "Export" },
    h("button", { type: "button", "data-testid": "export-html", onclick: exporter("html") }, "Save HTML report"),
    h("button", { type: "button", "data-testid": "export-json", onclick: exporter("json") }, "Save JSON"),
    status,
  );
}
