// Pasted articles and stored stories are untrusted: the UI must never parse strings as HTML or
// code. This scan keeps the dangerous sinks out of ui/src.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(__dirname, "..", "src");
const FORBIDDEN: [string, RegExp][] = [
  ["innerHTML", /innerHTML/],
  ["outerHTML", /outerHTML/],
  ["insertAdjacentHTML", /insertAdjacentHTML/],
  ["document.write", /document\s*\.\s*write/],
  ["eval", /\beval\s*\(/],
  ["new Function", /new\s+Function\s*\(/],
  ["createContextualFragment", /createContextualFragment/],
  ["DOMParser", /DOMParser/],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe("no HTML sinks in ui/src", () => {
  const all = files(SRC).filter((f) => /\.(ts|js|html|css)$/.test(f));

  it("finds the sources", () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it.each(FORBIDDEN)("no %s", (_name, pattern) => {
    const hits = all.filter((f) => pattern.test(readFileSync(f, "utf8")));
    expect(hits, `found in ${hits.join(", ")}`).toEqual([]);
  });

  it("index.html has no inline style or script", () => {
    const html = readFileSync(join(__dirname, "..", "index.html"), "utf8");
    expect(html).not.toMatch(/style\s*=/i);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  });
});
