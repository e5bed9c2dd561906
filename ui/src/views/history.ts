// Past checks, newest first; opening one brings back its report and decisions.

import type { App, View } from "../app";
import { messageArea, showMessage, hideMessage } from "../app";
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
        replace(list, h("li", { class: "muted" }, "No checks yet."));
        return;
      }
      replace(
        list,
        checks.map((c) =>
          h(
            "li",
            null,
            h(
              "button",
              {
                type: "button",
                class: "history-item",
                "data-testid": "history-item",
                "data-check-id": c.id,
                onclick: () => void reopen(c.id),
              },
              h("span", { class: `verdict-chip verdict-${c.derived}` }, derivedLabel(c.derived)),
              h("span", { class: "history-title" }, c.title),
              h("span", { class: "muted" }, `${percent(c.coverage)} copied · ${plural(c.flags, "flag")} · ${when(c.createdAt)}`),
            ),
          ),
        ),
      );
    } catch (e) {
      showMessage(status, "error", errorText(e));
    }
  }

  async function reopen(id: number): Promise<void> {
    try {
      app.setResult(await cmd.openCheck(id));
      app.go("check");
    } catch (e) {
      showMessage(status, "error", errorText(e));
    }
  }

  return { el, show: () => void load() };
}
