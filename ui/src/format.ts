// Labels and numbers as the editor reads them.

import type { Derived } from "./bindings";

export const PALETTE_SIZE = 9;

export function derivedLabel(d: Derived): string {
  switch (d) {
    case "wholly":
      return "Wholly derived";
    case "partially":
      return "Partially derived";
    default:
      return "Not derived";
  }
}

/** A share (0..1) as a whole percentage; "<1%" rather than a misleading 0%. */
export function percent(share: number): string {
  if (!Number.isFinite(share) || share <= 0) return "0%";
  if (share < 0.01) return "<1%";
  return `${Math.round(Math.min(share, 1) * 100)}%`;
}

/** An ISO-ish timestamp shortened for display; anything unparsable is shown as given. */
export function when(stamp: string | null | undefined): string {
  if (!stamp) return "";
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(stamp);
  if (!m) return stamp;
  return m[2] ? `${m[1]} ${m[2]}` : (m[1] ?? stamp);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

export function agencyName(agency: string | null | undefined): string {
  return agency && agency.trim() !== "" ? agency : "Unknown agency";
}

/** Splits a search snippet marked with `[` and `]` into plain and matched parts. */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  const re = /\[([^\]]*)\]/gu;
  let last = 0;
  for (let m = re.exec(snippet); m !== null; m = re.exec(snippet)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), match: false });
    parts.push({ text: m[1] ?? "", match: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), match: false });
  return parts;
}

/** How a credit was found, for the source card: the form's name, or for a credit read from a
 *  web page's metadata (an author in `<meta>` or JSON-LD, not in its text) where it was read. */
export function creditKindLabel(kind: string): string {
  return kind === "page_author" ? "the page's declared author, not in its text" : kind;
}
