// Settings: sensitivity preset, minimum passage length, agency aliases, exclusions; watched
// folders (views/watch-folders.ts).

import type { App, View } from "../app";
import { hideMessage, messageArea, showMessage } from "../app";
import type { Settings } from "../bindings";
import * as cmd from "../commands";
import { h, replace } from "../dom";
import { errorText } from "../errors";
import { onWatchEvent } from "../events";
import { parseSettings, type FieldErrors } from "../settings-form";
import { createWatchPanel } from "./watch-folders";

export function createSettingsView(_app: App): View {
  const preset = h(
    "select",
    { id: "set-preset", "data-testid": "preset", "aria-describedby": "err-preset" },
    h("option", { value: "strict" }, "Strict: flag shorter and looser copying"),
    h("option", { value: "standard" }, "Standard"),
    h("option", { value: "lenient" }, "Lenient: only long, close copying"),
  );
  const minWords = h("input", {
    id: "set-min-words",
    type: "number",
    min: 1,
    max: 200,
    step: 1,
    inputmode: "numeric",
    "data-testid": "min-words",
    "aria-describedby": "err-minWords",
  });
  const aliasRows = h("tbody", null);
  const aliasAdd = h("button", { type: "button", "data-testid": "alias-add" }, "Add an alias");
  const excludeAgencies = h("input", {
    id: "set-exclude-agencies",
    type: "text",
    "data-testid": "exclude-agencies",
    placeholder: "e.g. PA, PTI",
  });
  const excludeSources = h("input", {
    id: "set-exclude-sources",
    type: "text",
    "data-testid": "exclude-sources",
    placeholder: "story ids, e.g. 12, 40",
    "aria-describedby": "err-excludeSources",
  });
  const save = h("button", { type: "submit", class: "primary", "data-testid": "settings-save" }, "Save settings");
  const status = messageArea("settings-status");
  const fieldError = (key: keyof FieldErrors) => h("div", { id: `err-${key}`, class: "field-error", role: "alert", hidden: true });
  const errs = {
    preset: fieldError("preset"),
    minWords: fieldError("minWords"),
    aliases: fieldError("aliases"),
    excludeSources: fieldError("excludeSources"),
  };

  function aliasRow(canonical = "", alias = ""): HTMLTableRowElement {
    const row = h(
      "tr",
      { "data-testid": "alias-row" },
      h("td", null, h("input", { type: "text", class: "alias-canonical", "aria-label": "Agency", value: canonical, placeholder: "Reuters" })),
      h("td", null, h("input", { type: "text", class: "alias-alias", "aria-label": "Also written as", value: alias, placeholder: "Thomson Reuters" })),
      h("td", null, h("button", { type: "button", class: "link", "data-testid": "alias-remove", onclick: () => row.remove() }, "Remove")),
    );
    return row;
  }
  aliasAdd.addEventListener("click", () => {
    const row = aliasRow();
    aliasRows.appendChild(row);
    row.querySelector("input")?.focus();
  });

  function fill(s: Settings): void {
    preset.value = s.preset;
    minWords.value = String(s.minPassageWords);
    replace(aliasRows, s.aliases.map((a) => aliasRow(a.canonical, a.alias)));
    excludeAgencies.value = s.excludeAgencies.join(", ");
    excludeSources.value = s.excludeSources.join(", ");
  }

  const form = h(
    "form",
    { class: "settings-form", "aria-label": "Settings", novalidate: true },
    h("h1", null, "Settings"),
    h("div", { class: "field" }, h("label", { for: "set-preset" }, "Sensitivity"), preset, errs.preset),
    h(
      "div",
      { class: "field" },
      h("label", { for: "set-min-words" }, "Shortest passage reported (words)"),
      minWords,
      errs.minWords,
    ),
    h(
      "fieldset",
      { class: "field" },
      h("legend", null, "Agency aliases"),
      h("p", { class: "hint" }, "Other names under which an agency is credited."),
      h("table", { class: "aliases" }, h("thead", null, h("tr", null, h("th", null, "Agency"), h("th", null, "Also written as"), h("th", null, ""))), aliasRows),
      aliasAdd,
      errs.aliases,
    ),
    h(
      "div",
      { class: "field" },
      h("label", { for: "set-exclude-agencies" }, "Agencies never counted as sources (comma-separated)"),
      excludeAgencies,
    ),
    h(
      "div",
      { class: "field" },
      h("label", { for: "set-exclude-sources" }, "Stories never counted as sources (ids, comma-separated)"),
      excludeSources,
      errs.excludeSources,
    ),
    h("div", { class: "actions" }, save),
    status,
  );

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    hideMessage(status);
    const parsed = parseSettings({
      preset: preset.value,
      minWords: minWords.value,
      aliases: [...aliasRows.querySelectorAll("tr")].map((row) => ({
        canonical: row.querySelector<HTMLInputElement>(".alias-canonical")?.value ?? "",
        alias: row.querySelector<HTMLInputElement>(".alias-alias")?.value ?? "",
      })),
      excludeAgencies: excludeAgencies.value,
      excludeSources: excludeSources.value,
    });
    for (const [key, el] of Object.entries(errs) as [keyof FieldErrors, HTMLElement][]) {
      const message = "errors" in parsed ? parsed.errors[key] : undefined;
      el.hidden = message === undefined;
      el.textContent = message ?? "";
    }
    if ("errors" in parsed) {
      showMessage(status, "error", "Correct the fields marked above.");
      return;
    }
    save.disabled = true;
    try {
      fill(await cmd.saveSettings(parsed.settings));
      showMessage(status, "ok", "Settings saved. They apply to the next check.");
    } catch (err) {
      showMessage(status, "error", errorText(err));
    } finally {
      save.disabled = false;
    }
  });

  const watch = createWatchPanel();
  // Live for the app's life: the log fills while Settings is not shown, too.
  void onWatchEvent((entry) => watch.push(entry));
  const el = h("div", { class: "settings-view" }, form, watch.el);
  return {
    el,
    show() {
      hideMessage(status);
      void watch.show();
      cmd.getSettings().then(fill, (err) => showMessage(status, "error", errorText(err)));
    },
  };
}
