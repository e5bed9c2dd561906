// The settings form's values, checked before saving; pure so it can be tested.

import type { Alias, Preset, Settings } from "./bindings";

export type SettingsInput = {
  preset: string;
  minWords: string;
  aliases: { canonical: string; alias: string }[];
  excludeAgencies: string;
  excludeSources: string;
};

export type FieldErrors = Partial<Record<"preset" | "minWords" | "aliases" | "excludeSources", string>>;

const PRESETS: readonly Preset[] = ["strict", "standard", "lenient"];

/** Comma- or newline-separated items, trimmed, empties dropped. */
export function splitList(value: string): string[] {
  return value
    .split(/[,\n]/u)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export function parseSettings(input: SettingsInput): { settings: Settings } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!(PRESETS as readonly string[]).includes(input.preset)) errors.preset = "Choose strict, standard or lenient.";
  const min = Number(input.minWords.trim());
  if (input.minWords.trim() === "" || !Number.isInteger(min) || min < 1 || min > 200) {
    errors.minWords = "A whole number of words from 1 to 200.";
  }
  const aliases: Alias[] = [];
  input.aliases.forEach((a, i) => {
    const canonical = a.canonical.trim();
    const alias = a.alias.trim();
    if (canonical === "" && alias === "") return;
    if (canonical === "" || alias === "") errors.aliases = `Row ${i + 1}: give both the agency and its other name.`;
    else aliases.push({ canonical, alias });
  });
  const ids: number[] = [];
  for (const item of splitList(input.excludeSources)) {
    const n = Number(item.replace(/^#/u, ""));
    if (!Number.isSafeInteger(n) || n < 1) {
      errors.excludeSources = `"${item}" is not a story id (a whole number).`;
      break;
    }
    ids.push(n);
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    settings: {
      preset: input.preset as Preset,
      minPassageWords: min,
      aliases,
      excludeAgencies: splitList(input.excludeAgencies),
      excludeSources: ids,
    },
  };
}
