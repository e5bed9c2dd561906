// Past checks and comparisons, newest first; opening one brings back its report and decisions
// (a comparison in the compare view, with its two texts).

import type { App, View } from "../app";
import { isComparison, messageArea, showMessage, hideMessage } from "../app";
import * as cmd from "../commands";
import { h, replace } from "../dom";
import { errorText } from "../errors";
import { derivedLabel, percent, plural, when } from "../format";

export function createHistoryView(app: App): View {
  const list = h("ol", { class: "history-list" });
  const status = messageArea("history-error", "alert");
  const el = h("div", { class: "history-view" }, h("h1", null, "History"), status, list);

  async function load(): Promise<void> {
    hideMessage(status);
    try {
      const checks = await cmd.listChecks(200, 0);
      if (checks.length === 0) {
        replace(list, h("li", { class: "muted" }, "No checks or comparisons yet."));
        return;
      }
      replace(
        list,
        checks.map((c) => {
          const compared = typeof c.comparedWith === "string" ? c.comparedWith.trim() : null;
          return h(
            "li",
            null,
            h(
              "button",
              {
                type: "button",
                class: "history-item",
                "data-testid": "history-item",
                "data-check-id": c.id,
                "data-kind": compared !== null ? "comparison" : "check",
                onclick: () => void reopen(c.id),
              },
              h("span", { class: `verdict-chip verdict-${c.derived}` }, derivedLabel(c.derived)),
              h(
                "span",
                { class: "history-title" },
                compared !== null
                  ? h("span", { class: "kind-chip", "data-testid": "history-comparison", title: "A comparison with one wire story" }, "Comparison")
                  : null,
                c.title,
                compared ? h("span", { class: "muted" }, ` · with “${compared}”`) : null,
              ),
              h("span", { class: "muted" }, `${percent(c.coverage)} copied · ${plural(c.flags, "flag")} · ${when(c.createdAt)}`),
            ),
          );
        }),
      );
    } catch (e) {
      showMessage(status, "error", errorText(e));
    }
  }

  async function reopen(id: number): Promise<void> {
    try {
      const result = await cmd.openCheck(id);
      app.setResult(result);
      app.go(isComparison(result) ? "compare" : "check");
    } catch (e) {
      showMessage(status, "error", errorText(e));
    }
  }

  return { el, show: () => void load() };
}
