// A flag's decision: confirm or dismiss it with a reason and a note; the stored status and
// time; undo.

import type { App } from "../app";
import { messageArea, showMessage } from "../app";
import type { DecisionStatus, Flag } from "../bindings";
import * as cmd from "../commands";
import { h, replace } from "../dom";
import { errorText } from "../errors";
import { when } from "../format";

export const REASONS: Record<DecisionStatus, readonly string[]> = {
  confirmed: [
    "Copied without credit",
    "Credit must be added before publication",
    "Needs rewriting",
  ],
  dismissed: [
    "Credited elsewhere (caption, footer, tagline)",
    "Our own reporting",
    "Licensed content, no credit required",
    "Public statement or official text",
    "Boilerplate or common phrasing",
    "Wrong match",
  ],
};
const OTHER = "Other…";

export function renderFlagDecision(app: App, flag: Flag): HTMLElement {
  const box = h("div", { class: "decision" });
  const status = messageArea("decision-error", "alert");

  function view(): void {
    const decision = app.result?.decisions.find((d) => d.sourceId === flag.sourceId);
    if (decision) {
      const undo = h("button", { type: "button", "data-testid": "decision-undo" }, "Undo");
      undo.addEventListener("click", async () => {
        undo.disabled = true;
        try {
          await cmd.clearDecision(decision.checkId, decision.sourceId);
          app.setDecision(flag.sourceId, null);
          view();
        } catch (e) {
          undo.disabled = false;
          showMessage(status, "error", errorText(e));
        }
      });
      replace(
        box,
        h(
          "div",
          {
            class: `decision-status ${decision.status}`,
            "data-testid": "decision-status",
            "data-status": decision.status,
          },
          h("strong", null, decision.status === "confirmed" ? "Confirmed" : "Dismissed"),
          ` · ${decision.reason}`,
          decision.note ? h("span", { class: "note" }, ` · ${decision.note}`) : null,
          h("span", { class: "muted" }, ` · ${when(decision.decidedAt)}`),
        ),
        undo,
        status,
      );
      return;
    }
    replace(
      box,
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", "data-testid": "flag-confirm", onclick: () => form("confirmed") }, "Confirm"),
        h("button", { type: "button", "data-testid": "flag-dismiss", onclick: () => form("dismissed") }, "Dismiss"),
      ),
      status,
    );
  }

  function form(kind: DecisionStatus): void {
    const id = `decision-${flag.sourceId}`;
    const reason = h(
      "select",
      { id: `${id}-reason`, "data-testid": "decision-reason" },
      [...REASONS[kind], OTHER].map((r) => h("option", { value: r }, r)),
    );
    const other = h("input", {
      type: "text",
      id: `${id}-other`,
      "data-testid": "decision-reason-text",
      "aria-label": "Other reason",
      placeholder: "Reason",
      maxlength: 200,
      hidden: true,
    });
    reason.addEventListener("change", () => {
      other.hidden = reason.value !== OTHER;
      if (!other.hidden) other.focus();
    });
    const note = h("textarea", { id: `${id}-note`, "data-testid": "decision-note", rows: 2, maxlength: 5000 });
    const save = h("button", { type: "submit", class: "primary", "data-testid": "decision-save" }, kind === "confirmed" ? "Confirm flag" : "Dismiss flag");
    const cancel = h("button", { type: "button", onclick: view }, "Cancel");
    const el = h(
      "form",
      { class: `decision-form ${kind}`, "aria-label": kind === "confirmed" ? "Confirm the flag" : "Dismiss the flag" },
      h("label", { for: `${id}-reason` }, "Reason"),
      h("div", { class: "reason-row" }, reason, other),
      h("label", { for: `${id}-note` }, "Note (optional)"),
      note,
      h("div", { class: "actions" }, save, cancel),
      status,
    );
    el.addEventListener("submit", async (e) => {
      e.preventDefault();
      const text = reason.value === OTHER ? other.value.trim() : reason.value;
      if (text === "") {
        showMessage(status, "error", "Give a reason for the decision.");
        other.focus();
        return;
      }
      const checkId = app.result?.check.id;
      if (checkId === undefined) return;
      save.disabled = true;
      try {
        const decision = await cmd.decide({ checkId, sourceId: flag.sourceId, status: kind, reason: text, note: note.value.trim() });
        app.setDecision(flag.sourceId, decision);
        view();
      } catch (err) {
        save.disabled = false;
        showMessage(status, "error", errorText(err));
      }
    });
    replace(box, el);
    reason.focus();
  }

  view();
  return box;
}
