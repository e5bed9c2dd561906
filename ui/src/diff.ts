// A passage's word diff as elements: wire words the article dropped in <del>, words it added in
// <ins> (a <del> right before an <ins> is a replacement: both get class "replaced"), the rest as
// plain text. Ops carry their words without the spaces between ops.

import type { DiffOp } from "./bindings";
import { h } from "./dom";

export function renderDiff(ops: readonly DiffOp[]): DocumentFragment {
  const out = document.createDocumentFragment();
  ops.forEach((op, i) => {
    if (i > 0) out.appendChild(document.createTextNode(" "));
    // A delete right before an insert is one replacement, boxed as in the panes.
    const replacing = op.op === "delete" && ops[i + 1]?.op === "insert";
    const replaced = op.op === "insert" && ops[i - 1]?.op === "delete";
    switch (op.op) {
      case "delete":
        out.appendChild(
          h("del", { class: replacing ? "replaced" : null, title: replacing ? "In the wire story, replaced by the article" : "In the wire story, dropped by the article" }, op.text),
        );
        break;
      case "insert":
        out.appendChild(h("ins", { class: replaced ? "replaced" : null, title: replaced ? "Put by the article in place of the wire's words" : "Added by the article" }, op.text));
        break;
      default:
        out.appendChild(document.createTextNode(op.text));
    }
  });
  return out;
}

/** Words dropped and added, for a one-line summary. */
export function diffCounts(ops: readonly DiffOp[]): { deleted: number; inserted: number } {
  const words = (s: string) => (s.trim() === "" ? 0 : s.trim().split(/\s+/u).length);
  let deleted = 0;
  let inserted = 0;
  for (const op of ops) {
    if (op.op === "delete") deleted += words(op.text);
    else if (op.op === "insert") inserted += words(op.text);
  }
  return { deleted, inserted };
}
