// The shell: the top bar, which view is shown, and the check result the views share.
// Only the shown view is in the document, so each data-testid appears once.

import type { CheckResult, Decision, Story } from "./bindings";
import { h, replace } from "./dom";
import { VIEWS, viewShortcut, type ViewName } from "./nav";

export interface View {
  readonly el: HTMLElement;
  /** Called each time the view is shown. */
  show(): void;
  /** A key pressed while the view is shown; true when handled. */
  onKey?(e: KeyboardEvent): boolean;
}

/** What a view may ask of the review when opening it. */
export type ReviewFocus = { sourceId?: number; passage?: number; credit?: number };

const LABELS: Record<ViewName, string> = {
  check: "Check",
  review: "Review",
  history: "History",
  archive: "Archive",
  settings: "Settings",
  compare: "Compare",
  audit: "Audit",
};

export class App {
  result: CheckResult | null = null;
  /** Set by whoever opens the review; read (and cleared) by the review when shown. */
  reviewFocus: ReviewFocus | null = null;
  /** A stored story to put in the compare view's wire-story area; read (and cleared) by it when shown. */
  compareStory: Story | null = null;
  current: ViewName = "check";
  private views = new Map<ViewName, View>();
  private navButtons = new Map<ViewName, HTMLButtonElement>();
  private resultListeners: Array<() => void> = [];
  readonly main: HTMLElement;
  readonly root: HTMLElement;

  constructor(root: HTMLElement) {
    this.root = root;
    const nav = h("nav", { class: "topbar-nav", "aria-label": "Views" });
    VIEWS.forEach((name, i) => {
      const button = h(
        "button",
        {
          type: "button",
          class: "nav-button",
          "data-testid": `nav-${name}`,
          title: `${LABELS[name]} (Alt+${i + 1})`,
          onclick: () => this.go(name),
        },
        LABELS[name],
      );
      this.navButtons.set(name, button);
      nav.appendChild(button);
    });
    this.main = h("main", { id: "view", class: "view", tabindex: -1 });
    replace(
      root,
      h("header", { class: "topbar" }, h("div", { class: "brand", "aria-hidden": "true" }, "Wirecheck"), nav),
      this.main,
    );
    document.addEventListener("keydown", (e) => this.onKey(e));
  }

  register(name: ViewName, view: View): void {
    this.views.set(name, view);
  }

  go(name: ViewName): void {
    const view = this.views.get(name);
    if (!view) return;
    this.current = name;
    for (const [n, button] of this.navButtons) {
      if (n === name) button.setAttribute("aria-current", "page");
      else button.removeAttribute("aria-current");
    }
    replace(this.main, view.el);
    view.show();
  }

  /** A new or reopened check becomes the one every view shows. */
  setResult(result: CheckResult | null): void {
    this.result = result;
    for (const listener of this.resultListeners) listener();
  }

  onResult(listener: () => void): void {
    this.resultListeners.push(listener);
  }

  /** Records a decision taken or undone on the current result. */
  setDecision(sourceId: number, decision: Decision | null): void {
    if (!this.result) return;
    const rest = this.result.decisions.filter((d) => d.sourceId !== sourceId);
    this.result.decisions = decision ? [...rest, decision] : rest;
  }

  /** Opens the compare view with a stored story as the wire story. */
  openCompare(story: Story): void {
    this.compareStory = story;
    this.go("compare");
  }

  openReview(focus: ReviewFocus): void {
    this.reviewFocus = focus;
    this.go("review");
  }

  private onKey(e: KeyboardEvent): void {
    const target = viewShortcut(e);
    if (target) {
      e.preventDefault();
      this.go(target);
      return;
    }
    if (e.defaultPrevented) return;
    const view = this.views.get(this.current);
    if (view?.onKey && !isTyping(e.target) && view.onKey(e)) e.preventDefault();
  }
}

/**
 * Whether a result is a comparison with one wire story (pasted, or picked from the archive)
 * rather than a check against the archive. Both are saved, with decisions and exports; a
 * comparison is shown in the compare view.
 */
export function isComparison(result: CheckResult): boolean {
  return typeof result.check.comparedWith === "string";
}

/** Whether a key press is typing into a field (shortcuts must not steal it). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === "TEXTAREA" || tag === "SELECT" || (tag === "INPUT" && (target as HTMLInputElement).type !== "button") || target.isContentEditable;
}

/** An inline message area (role=status or alert) that keeps its testid. */
export function messageArea(testid: string, role: "status" | "alert" = "status"): HTMLElement {
  return h("div", { class: "message", "data-testid": testid, role, "aria-live": role === "alert" ? "assertive" : "polite", hidden: true });
}

export function showMessage(el: HTMLElement, kind: "error" | "ok" | "info", ...children: (Node | string)[]): void {
  el.hidden = false;
  el.className = `message ${kind}`;
  replace(el, ...children);
}

export function hideMessage(el: HTMLElement): void {
  el.hidden = true;
  replace(el);
}
