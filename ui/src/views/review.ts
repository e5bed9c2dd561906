// Side-by-side review: the article (left, every passage marked in its source's colour, with a
// minimap) and one source story (right); the selected passage's word diff underneath. Inside
// edited passages every change is marked in place (words added or replacing wire words on the
// left, wire words dropped or replaced on the right); text no passage covers is set apart on
// both sides; passages are numbered at their start on both sides; the panes scroll together.
// Keys: n/j next passage, p/k previous, . next change, , previous change, 1-9 source, Esc back
// to the summary.

import type { App, View } from "../app";
import { isComparison } from "../app";
import type { CheckResult, Passage, PassageKind, Story } from "../bindings";
import { changeSummary, changesOfSource, countChanges, describeChange, reportChanges, type Change } from "../changes";
import { renderDiff, diffCounts } from "../diff";
import { h, replace } from "../dom";
import { renderEvidence } from "../evidence";
import { agencyName, percent, when } from "../format";
import {
  initialNav,
  nextChange,
  nextPassage,
  passagesOfSlot,
  prevChange,
  prevPassage,
  reviewAction,
  selectChange,
  selectPassage,
  switchSource,
  type NavState,
} from "../nav";
import { colourClass, renderArticleText, renderMinimap, renderSourceText } from "../review-render";
import { loadSyncScroll, saveSyncScroll, syncedScrollTop, type Anchor, type Side } from "../sync-scroll";
import { CharIndex } from "../text";

const KIND_LABEL: Record<PassageKind, string> = {
  verbatim: "verbatim",
  edited: "edited",
  rewritten: "rewritten",
};

declare global {
  interface Window {
    __wirecheckPerf?: { lastReviewRenderMs: number; parts: Record<string, number> };
  }
}

/** The page's localStorage, or null where it is refused. */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function createReviewView(app: App): View {
  const tabs = h("div", { class: "source-tabs", role: "toolbar", "aria-label": "Sources (keys 1-9)" });
  const counter = h("span", { class: "counter", "aria-live": "polite" });
  const prevButton = h("button", { type: "button", title: "Previous passage (p or k)", onclick: () => apply(prevPassage(nav)) }, "‹ Prev");
  const nextButton = h("button", { type: "button", title: "Next passage (n or j)", onclick: () => apply(nextPassage(nav)) }, "Next ›");
  const back = h("button", { type: "button", class: "link", title: "Back to the summary (Esc)", onclick: () => app.go("check") }, "← Summary");
  const article = h("div", { class: "text article-text", "data-testid": "review-article", "aria-label": "Article" });
  const minimapSlot = h("div", { class: "minimap-slot" });
  const articleScroll = h("div", { class: "pane-scroll" }, article);
  const sourceHead = h("div", { class: "pane-head source-head" });
  const source = h("div", { class: "text source-text", "data-testid": "review-source", "aria-label": "Source story" });
  const sourceScroll = h("div", { class: "pane-scroll" }, source);
  const diff = h("section", { class: "passage-diff", "data-testid": "passage-diff", "aria-live": "polite", "aria-label": "Word diff of the selected passage" });
  const changeSummaryEl = h("summary", { "data-testid": "change-summary", title: "Changes inside the edited passages of this source (click for the list)" });
  const changeItems = h("ol", { class: "change-items", "data-testid": "change-items" });
  const changeList = h("details", { class: "change-list", "data-testid": "change-list" }, changeSummaryEl, changeItems);
  const changeCounter = h("span", { class: "counter", "data-testid": "change-counter", "aria-live": "polite" });
  const prevChangeButton = h("button", { type: "button", "data-testid": "prev-change", title: "Previous change (,)", onclick: () => apply(prevChange(nav, changes)) }, "‹ Change");
  const nextChangeButton = h("button", { type: "button", "data-testid": "next-change", title: "Next change (.)", onclick: () => apply(nextChange(nav, changes)) }, "Change ›");
  let sync = loadSyncScroll(storage());
  const syncButton = h(
    "button",
    {
      type: "button",
      class: "toggle",
      "data-testid": "sync-scroll",
      "aria-pressed": String(sync),
      title: "Keep the counterpart of what you read in view when either pane scrolls",
      onclick: () => {
        sync = !sync;
        saveSyncScroll(storage(), sync);
        syncButton.setAttribute("aria-pressed", String(sync));
      },
    },
    "Sync scroll",
  );
  const empty = h("div", { class: "empty" }, h("p", null, "Check an article first; its passages are reviewed here."), h("button", { type: "button", onclick: () => app.go("check") }, "Go to Check"));
  const body = h(
    "div",
    { class: "review" },
    h(
      "div",
      { class: "review-toolbar" },
      back,
      tabs,
      h("div", { class: "stepper" }, prevButton, counter, nextButton),
      h(
        "div",
        { class: "legend", "aria-hidden": "true" },
        h("span", { class: "passage verbatim src-0 sample" }, "verbatim"),
        h("span", { class: "passage edited src-0 sample" }, "edited"),
        h("span", { class: "passage rewritten src-0 sample" }, "rewritten"),
        h("mark", { class: "credit sample" }, "credit"),
      ),
    ),
    h(
      "div",
      { class: "change-bar" },
      changeList,
      h("div", { class: "stepper" }, prevChangeButton, changeCounter, nextChangeButton),
      syncButton,
      h(
        "div",
        { class: "legend", "aria-hidden": "true" },
        h("span", { class: "change change-insert replaced sample" }, "replaced"),
        h("span", { class: "change change-insert added sample" }, "added"),
        h("span", { class: "change change-delete dropped sample" }, "dropped"),
        h("span", { class: "unmatched sample" }, "not matched"),
      ),
    ),
    h(
      "div",
      { class: "panes" },
      h("section", { class: "pane article-pane", "aria-label": "Article" }, h("div", { class: "pane-head" }, h("h2", null, "Article")), h("div", { class: "pane-row" }, articleScroll, minimapSlot)),
      h("section", { class: "pane source-pane", "aria-label": "Source story" }, sourceHead, sourceScroll),
    ),
    diff,
  );
  const el = h("div", { class: "review-view" });

  /** The result shown: a comparison has no id of its own (0), so compare the result itself. */
  let shownResult: CheckResult | null = null;
  let nav: NavState = initialNav([], []);
  let bodies = new Map<number, CharIndex>();
  let shownSource: number | null = null;
  /** Every change of the result, and those of the shown source in article order. */
  let changes: Change[] = [];
  let sourceChanges: Change[] = [];
  /** The aligned passages' positions in both panes, measured when first needed. */
  let anchors: Anchor[] | null = null;

  function result(): CheckResult | null {
    return app.result;
  }

  /** Full render for a new result; the time is what the end-to-end run reads. */
  function renderAll(r: CheckResult): void {
    const t0 = performance.now();
    const parts: Record<string, number> = {};
    let tp = t0;
    const mark = (name: string) => {
      const now = performance.now();
      parts[name] = now - tp;
      tp = now;
    };
    const ix = new CharIndex(r.report.text);
    bodies = new Map(r.stories.map((s) => [s.id, new CharIndex(s.body)]));
    nav = initialNav(
      r.report.sources.map((s) => s.id),
      r.report.passages.map((p, index) => ({ index, sourceId: p.sourceId, articleStart: p.articleStart })),
    );
    changes = reportChanges(r.report);
    anchors = null;
    mark("index");
    const frag = renderArticleText(r.report, ix, r.report.sources[0]?.id ?? null, changes);
    mark("articleBuild");
    replace(article, frag);
    mark("articleAttach");
    replace(minimapSlot, renderMinimap(r.report, ix.length, (i) => apply(selectPassage(nav, i), "both")));
    mark("minimap");
    shownSource = null;
    renderSource(r);
    mark("source");
    renderTabs(r);
    renderDiffPanel(r);
    mark("rest");
    // Layout is part of rendering: force it here so the figure is what the editor waits for.
    void article.offsetHeight;
    void source.offsetHeight;
    mark("layout");
    window.__wirecheckPerf = { lastReviewRenderMs: performance.now() - t0, parts };
  }

  function renderTabs(r: CheckResult): void {
    replace(
      tabs,
      r.report.sources.map((s, slot) =>
        h(
          "button",
          {
            type: "button",
            class: `source-tab ${colourClass(slot)}`,
            "aria-pressed": String(slot === nav.source),
            "data-source-id": s.id,
            title: `${s.headline} (key ${slot + 1})`,
            onclick: () => apply(switchSource(nav, slot), "both"),
          },
          h("span", { class: "swatch", "aria-hidden": "true" }),
          slot < 9 ? h("span", { class: "key" }, String(slot + 1)) : null,
          agencyName(s.agency),
          h("span", { class: "muted" }, ` ${percent(s.coverage)}`),
        ),
      ),
    );
  }

  function renderSource(r: CheckResult): void {
    const src = r.report.sources[nav.source];
    anchors = null;
    if (!src) {
      shownSource = null;
      sourceChanges = [];
      renderChangeList();
      replace(sourceHead, h("h2", null, "No source"));
      replace(source, h("p", { class: "muted" }, "No stored story matches this article."));
      return;
    }
    if (shownSource === src.id) return;
    shownSource = src.id;
    sourceChanges = changesOfSource(r.report, changes, src.id);
    renderChangeList();
    renderChangeCounter();
    const story: Story | undefined = r.stories.find((s) => s.id === src.id);
    replace(
      sourceHead,
      h("h2", null, h("span", { class: `swatch ${colourClass(nav.source)}`, "aria-hidden": "true" }), `${agencyName(src.agency)}: ${src.headline}`),
      h(
        "div",
        { class: "muted" },
        [when(src.published), story?.byline, story?.dateline, src.credited ? "credited" : "not credited"].filter(Boolean).join(" · "),
      ),
    );
    const bodyIx = bodies.get(src.id);
    if (!story || !bodyIx) {
      replace(source, h("p", { class: "muted" }, "This story is no longer in the archive."));
      return;
    }
    replace(source, renderSourceText(r.report, bodyIx, src.id, changes));
    sourceScroll.scrollTop = 0;
  }

  /** The change list's summary; its items are built when it is opened. */
  function renderChangeList(): void {
    changeSummaryEl.textContent = changeSummary(countChanges(sourceChanges));
    if (changeList.open) renderChangeItems();
    else replace(changeItems);
  }

  function renderChangeItems(): void {
    replace(
      changeItems,
      sourceChanges.map((c) =>
        h(
          "li",
          null,
          h(
            "button",
            {
              type: "button",
              class: `link change-item ${c.kind}`,
              "data-change": c.id,
              "aria-current": c.id === nav.change ? "true" : null,
              onclick: () => apply(selectChange(nav, changes, c.id)),
            },
            `Passage ${c.passage + 1}: ${describeChange(c)}`,
          ),
        ),
      ),
    );
  }
  changeList.addEventListener("toggle", () => {
    if (changeList.open) renderChangeItems();
  });

  function renderChangeCounter(): void {
    const at = nav.change === null ? -1 : sourceChanges.findIndex((c) => c.id === nav.change);
    const text = sourceChanges.length === 0 ? "–" : `${at === -1 ? "–" : at + 1} of ${sourceChanges.length}`;
    // Written only when it changes: the first render must not lay the panes out twice.
    if (changeCounter.textContent !== text) changeCounter.textContent = text;
    const none = sourceChanges.length === 0;
    if (prevChangeButton.disabled !== none) prevChangeButton.disabled = none;
    if (nextChangeButton.disabled !== none) nextChangeButton.disabled = none;
    for (const item of changeItems.querySelectorAll<HTMLElement>(".change-item")) {
      if (item.dataset["change"] === String(nav.change)) item.setAttribute("aria-current", "true");
      else item.removeAttribute("aria-current");
    }
  }

  function renderDiffPanel(r: CheckResult): void {
    renderChangeCounter();
    const index = nav.current;
    const p: Passage | undefined = index === null ? undefined : r.report.passages[index];
    const order = passagesOfSlot(nav, nav.source);
    counter.textContent = order.length === 0 ? "No passages" : `${index === null ? "–" : order.indexOf(index) + 1} of ${order.length}`;
    if (!p || index === null) {
      replace(diff, h("p", { class: "muted" }, "Select a passage (click it, Tab to it, or press n) to see how it was edited."));
      return;
    }
    const { deleted, inserted } = diffCounts(p.diff);
    replace(
      diff,
      h(
        "div",
        { class: "diff-head" },
        h("strong", null, `Passage ${index + 1}`),
        ` · ${KIND_LABEL[p.kind]} · ${p.words} words`,
        p.kind === "edited" ? ` · ${deleted} wire words dropped, ${inserted} added` : "",
        p.kind === "rewritten" ? " · similar wording, few exact runs: check by hand" : "",
      ),
      renderEvidence(p.evidence, false),
      p.kind === "verbatim"
        ? h("p", { class: "diff-body verbatim" }, renderDiff(p.diff))
        : h("p", { class: "diff-body" }, renderDiff(p.diff)),
      h(
        "p",
        { class: "diff-legend muted" },
        h("del", null, "struck"),
        " = in the wire story, dropped by the article; ",
        h("ins", null, "underlined"),
        " = added by the article; ",
        h("del", { class: "replaced" }, "boxed"),
        " ",
        h("ins", { class: "replaced" }, "pair"),
        " = replaced. Keys: “.” next change, “,” previous change.",
      ),
    );
  }

  /** Applies a navigation state: source pane, highlights, diff, scrolling. */
  function apply(next: NavState, scroll: "both" | "source" | "article" | "none" = "both"): void {
    const r = result();
    if (!r) return;
    const sourceChanged = next.source !== nav.source;
    nav = next;
    if (sourceChanged || shownSource === null) {
      renderSource(r);
      for (const tab of tabs.querySelectorAll<HTMLElement>(".source-tab")) {
        tab.setAttribute("aria-pressed", String(tab.dataset["sourceId"] === String(r.report.sources[nav.source]?.id)));
      }
    }
    for (const active of el.querySelectorAll(".active")) active.classList.remove("active");
    for (const current of el.querySelectorAll(".current-change")) current.classList.remove("current-change");
    const index = nav.current;
    if (index !== null) {
      const left = article.querySelectorAll<HTMLElement>(`[data-index="${index}"]`);
      let right = source.querySelectorAll<HTMLElement>(`[data-index="${index}"]`);
      if (right.length === 0) right = source.querySelectorAll<HTMLElement>(`[data-covers~="${index}"]`);
      left.forEach((e) => e.classList.add("active"));
      right.forEach((e) => e.classList.add("active"));
      minimapSlot.querySelector(`[data-index="${index}"]`)?.classList.add("active");
      // The current change, where it is marked: its words, or where wire words were dropped.
      let leftTarget = left[0];
      let rightTarget = right[0];
      if (nav.change !== null) {
        const leftMarks = article.querySelectorAll<HTMLElement>(`[data-change="${nav.change}"]`);
        const rightMarks = source.querySelectorAll<HTMLElement>(`[data-change="${nav.change}"]`);
        leftMarks.forEach((e) => e.classList.add("current-change"));
        rightMarks.forEach((e) => e.classList.add("current-change"));
        leftTarget = leftMarks[0] ?? leftTarget;
        rightTarget = rightMarks[0] ?? rightTarget;
      }
      // Scrolling here is not the editor's: the panes must not chase each other.
      if (scroll !== "none") pauseSync();
      if (scroll === "both" || scroll === "article") leftTarget?.scrollIntoView?.({ block: "center" });
      if (scroll === "both" || scroll === "source") rightTarget?.scrollIntoView?.({ block: "center" });
      if (scroll === "both" && left[0] && document.activeElement !== left[0]) left[0].focus({ preventScroll: true });
    }
    renderDiffPanel(r);
  }

  // Synchronised scrolling: the pane the editor scrolls leads, the other follows.
  let pausedUntil = 0;
  let echo: { pane: HTMLElement; top: number } | null = null;
  function pauseSync(): void {
    pausedUntil = performance.now() + 250;
  }
  function measureAnchors(): Anchor[] {
    const out: Anchor[] = [];
    const aBox = articleScroll.getBoundingClientRect();
    const sBox = sourceScroll.getBoundingClientRect();
    for (const index of passagesOfSlot(nav, nav.source)) {
      const left = article.querySelectorAll<HTMLElement>(`[data-index="${index}"]`);
      const right = source.querySelector<HTMLElement>(`[data-index="${index}"]`) ?? source.querySelector<HTMLElement>(`[data-covers~="${index}"]`);
      const first = left[0];
      const last = left[left.length - 1];
      if (!first || !last || !right) continue;
      const a0 = first.getBoundingClientRect();
      const a1 = last.getBoundingClientRect();
      const s = right.getBoundingClientRect();
      out.push({
        articleTop: a0.top - aBox.top + articleScroll.scrollTop,
        articleBottom: a1.bottom - aBox.top + articleScroll.scrollTop,
        sourceTop: s.top - sBox.top + sourceScroll.scrollTop,
        sourceBottom: s.bottom - sBox.top + sourceScroll.scrollTop,
      });
    }
    return out;
  }
  function onPaneScroll(from: Side): void {
    const pane = from === "article" ? articleScroll : sourceScroll;
    const other = from === "article" ? sourceScroll : articleScroll;
    if (echo && echo.pane === pane && Math.abs(pane.scrollTop - echo.top) <= 1) {
      echo = null;
      return;
    }
    if (!sync || performance.now() < pausedUntil || !result()) return;
    anchors ??= measureAnchors();
    const top = syncedScrollTop(anchors, from, pane.scrollTop, pane.clientHeight, other.clientHeight, other.scrollHeight - other.clientHeight);
    if (top === null || Math.abs(other.scrollTop - top) < 1) return;
    echo = { pane: other, top };
    other.scrollTop = top;
  }
  articleScroll.addEventListener("scroll", () => onPaneScroll("article"), { passive: true });
  sourceScroll.addEventListener("scroll", () => onPaneScroll("source"), { passive: true });
  window.addEventListener("resize", () => {
    anchors = null;
  });

  // Clicking a change makes it current; clicking or focusing a passage selects it; either
  // brings its counterpart into view.
  const changeAt = (e: Event): number | null => {
    const id = (e.target as HTMLElement | null)?.closest<HTMLElement>("[data-change]")?.dataset["change"];
    return id === undefined ? null : Number(id);
  };
  const fromArticle = (e: Event) => {
    const span = (e.target as HTMLElement | null)?.closest<HTMLElement>(".passage");
    const index = span?.dataset["index"];
    if (index === undefined || Number(index) === nav.current) return;
    apply(selectPassage(nav, Number(index)), "source");
  };
  article.addEventListener("click", (e) => {
    const id = changeAt(e);
    if (id !== null) apply(selectChange(nav, changes, id), "source");
    else fromArticle(e);
  });
  article.addEventListener("focusin", fromArticle);
  source.addEventListener("click", (e) => {
    const id = changeAt(e);
    if (id !== null) {
      apply(selectChange(nav, changes, id), "article");
      return;
    }
    const span = (e.target as HTMLElement | null)?.closest<HTMLElement>(".source-passage");
    const index = span?.dataset["index"];
    if (index !== undefined) apply(selectPassage(nav, Number(index)), "article");
  });

  function focusFromApp(r: CheckResult): void {
    const focus = app.reviewFocus;
    app.reviewFocus = null;
    if (!focus) return;
    if (focus.passage !== undefined) apply(selectPassage(nav, focus.passage), "both");
    else if (focus.sourceId !== undefined) {
      const slot = r.report.sources.findIndex((s) => s.id === focus.sourceId);
      if (slot >= 0) apply(switchSource({ ...nav, current: null }, slot), focus.credit === undefined ? "both" : "source");
    }
    if (focus.credit !== undefined) {
      for (const m of article.querySelectorAll(".credit.flash")) m.classList.remove("flash");
      const marks = article.querySelectorAll<HTMLElement>(`.credit[data-credit-index="${focus.credit}"]`);
      marks.forEach((m) => m.classList.add("flash"));
      marks[0]?.scrollIntoView?.({ block: "center" });
    }
  }

  return {
    el,
    show() {
      const r = result();
      if (!r) {
        shownResult = null;
        replace(el, empty);
        return;
      }
      replace(el, body);
      if (shownResult !== r) {
        shownResult = r;
        renderAll(r);
      }
      focusFromApp(r);
    },
    onKey(e) {
      const r = result();
      if (!r) return false;
      const action = reviewAction(e);
      if (!action) return false;
      switch (action.type) {
        case "next":
          apply(nextPassage(nav));
          break;
        case "prev":
          apply(prevPassage(nav));
          break;
        case "nextChange":
          apply(nextChange(nav, changes));
          break;
        case "prevChange":
          apply(prevChange(nav, changes));
          break;
        case "source":
          if (action.slot >= r.report.sources.length) return false;
          apply(switchSource(nav, action.slot));
          break;
        case "back":
          app.go(isComparison(r) ? "compare" : "check");
          break;
      }
      return true;
    },
  };
}
