// Removing old wire from the archive view: a day and an agency, a count first, a confirmation
// that shows the count, then the prune and the compaction, and the space given back.

import { hideMessage, messageArea, showMessage } from "../app";
import type { PruneRequest } from "../bindings";
import * as cmd from "../commands";
import { h, replace } from "../dom";
import { errorText } from "../errors";
import { agencyName, plural } from "../format";

/** Bytes as the editor reads them: "3.2 MB", "640 kB", "12 bytes". */
export function sizeText(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return plural(bytes, "byte");
}

export type PruneForm = {
  el: HTMLElement;
  /** The agencies the menu offers (from the archive's counts). */
  setAgencies(agencies: (string | null)[]): void;
};

/** `onPruned` runs after stories were removed (to refresh the counts and the list). */
export function createPruneForm(onPruned: () => Promise<void>): PruneForm {
  const before = h("input", { id: "prune-before", type: "date", "data-testid": "prune-before", required: true });
  const agency = h("select", { id: "prune-agency", "data-testid": "prune-agency" }, h("option", { value: "" }, "All agencies"));
  const count = h("button", { type: "submit", "data-testid": "prune-count" }, "Count…");
  const confirmBox = h("div", { class: "confirm", role: "alert", "data-testid": "prune-confirm", hidden: true });
  const status = messageArea("prune-status", "status");
  let busy = false;

  const form = h(
    "form",
    { class: "prune-form", "aria-label": "Remove old stories" },
    h("h2", null, "Remove old stories"),
    h("p", { class: "hint" }, "Stories published before a day, of one agency or all, with their index entries. Saved checks keep the stories they cite."),
    h(
      "div",
      { class: "path-row" },
      h("label", { for: "prune-before" }, "Before"),
      before,
      h("label", { for: "prune-agency", class: "visually-hidden" }, "Agency"),
      agency,
      count,
    ),
    confirmBox,
    status,
  );

  function request(): PruneRequest {
    return { before: before.value, agency: agency.value || null };
  }

  function closeConfirm(): void {
    confirmBox.hidden = true;
    replace(confirmBox);
    count.disabled = false;
  }

  async function prune(req: PruneRequest, yes: HTMLButtonElement, no: HTMLButtonElement): Promise<void> {
    busy = true;
    yes.disabled = true;
    no.disabled = true;
    showMessage(status, "info", "Removing…");
    try {
      const removed = await cmd.pruneStories(req);
      showMessage(status, "info", `Removed ${plural(removed.stories, "story", "stories")}; giving the space back to the disk…`);
      closeConfirm();
      await onPruned();
      const compacted = await cmd.compactArchive();
      const kept = removed.keptForHistory > 0 ? ` ${plural(removed.keptForHistory, "story", "stories")} cited by saved checks stay in History.` : "";
      showMessage(
        status,
        "ok",
        `Removed ${plural(removed.stories, "story", "stories")}; ${removed.remaining.toLocaleString("en-GB")} remain. The archive is ${sizeText(compacted.bytesFreed)} smaller.${kept}`,
      );
    } catch (e) {
      closeConfirm();
      showMessage(status, "error", errorText(e));
    } finally {
      busy = false;
    }
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (busy) return;
    hideMessage(status);
    if (before.value === "") {
      showMessage(status, "error", "Choose the day: stories published before it are removed.");
      before.focus();
      return;
    }
    const req = request();
    count.disabled = true;
    try {
      const plan = await cmd.prunePlan(req);
      const which = req.agency ? `${agencyName(req.agency)} ` : "";
      if (plan.stories === 0) {
        closeConfirm();
        showMessage(status, "info", `No ${which}stories published before ${req.before}.`);
        return;
      }
      const yes = h("button", { type: "button", class: "danger", "data-testid": "prune-confirm-yes" }, `Remove ${plural(plan.stories, "story", "stories")}`);
      const no = h("button", { type: "button", "data-testid": "prune-confirm-no" }, "Keep them");
      no.addEventListener("click", () => {
        closeConfirm();
        count.focus();
      });
      yes.addEventListener("click", () => void prune(req, yes, no));
      const range = plan.oldest && plan.newest ? ` (${plan.oldest.slice(0, 10)} to ${plan.newest.slice(0, 10)})` : "";
      const cited = plan.citedByChecks > 0 ? ` ${plural(plan.citedByChecks, "is a source", "are sources")} of saved checks and will stay in History.` : "";
      replace(
        confirmBox,
        h(
          "p",
          { "data-testid": "prune-count-text" },
          `Remove ${plural(plan.stories, `${which}story`, `${which}stories`)} published before ${req.before}${range}? ${plan.remaining.toLocaleString("en-GB")} will remain. Future checks will not find them.${cited}`,
        ),
        yes,
        no,
      );
      confirmBox.hidden = false;
      no.focus();
    } catch (err) {
      closeConfirm();
      showMessage(status, "error", errorText(err));
    }
  });

  return {
    el: form,
    setAgencies(agencies) {
      const chosen = agency.value;
      replace(
        agency,
        h("option", { value: "" }, "All agencies"),
        agencies.filter((a): a is string => a !== null).map((a) => h("option", { value: a }, a)),
      );
      agency.value = agencies.includes(chosen) ? chosen : "";
    },
  };
}
