// A synthetic check result: an article of `words` words (with emoji, so UTF-16 and character
// offsets differ) and `passages` passages spread over three sources.
import type { CheckResult, Passage, Story } from "../src/bindings";

export function syntheticResult(words = 5000, passages = 200, sourceCount = 3): CheckResult {
  const tokens = Array.from({ length: words }, (_, i) => (i % 97 === 0 ? `😀w${i}` : `w${i}`));
  // Character offsets of each word.
  const starts: number[] = [];
  let pos = 0;
  for (const t of tokens) {
    starts.push(pos);
    pos += Array.from(t).length + 1;
  }
  const text = tokens.join(" ");
  const charEnd = (i: number) => (starts[i] as number) + Array.from(tokens[i] as string).length;
  const stride = Math.floor(words / passages);
  const len = Math.max(2, Math.floor(stride / 2));
  const bodies: string[][] = Array.from({ length: sourceCount }, () => []);
  const bodyLen = Array.from({ length: sourceCount }, () => 0);
  const list: Passage[] = [];
  for (let p = 0; p < passages; p++) {
    const first = p * stride;
    const last = first + len - 1;
    const s = p % sourceCount;
    const chunk = tokens.slice(first, last + 1).join(" ");
    const sourceStart = (bodyLen[s] as number) + ((bodies[s] as string[]).length > 0 ? 2 : 0);
    (bodies[s] as string[]).push(chunk);
    const sourceEnd = sourceStart + Array.from(chunk).length;
    bodyLen[s] = sourceEnd;
    const edited = p % 2 === 1;
    list.push({
      sourceId: 100 + s,
      articleStart: starts[first] as number,
      articleEnd: charEnd(last),
      sourceStart,
      sourceEnd,
      kind: edited ? "edited" : "verbatim",
      words: len,
      diff: edited
        ? [
            { op: "equal", text: tokens.slice(first, last).join(" ") },
            { op: "delete", text: "wire" },
            { op: "insert", text: tokens[last] as string },
          ]
        : [{ op: "equal", text: chunk }],
    });
  }
  const stories: Story[] = bodies.map((b, s) => ({
    id: 100 + s,
    agency: ["Reuters", "AP", "AFP"][s % 3] ?? null,
    headline: `Story ${s}`,
    byline: null,
    dateline: null,
    published: "2026-05-01T10:00:00Z",
    versionCreated: null,
    externalId: null,
    origin: `/wire/${s}.txt`,
    format: "plain",
    body: b.join("\n\n"),
    words: 0,
    importedAt: "2026-05-02T10:00:00Z",
  }));
  const creditStart = (starts[1] as number);
  return {
    check: { id: 1, createdAt: "2026-05-09T12:00:00Z", title: "Synthetic", derived: "partially", coverage: 0.5, flags: 1 },
    report: {
      derived: "partially",
      coverage: 0.5,
      rewritten: 0.1,
      flags: [{ sourceId: 101, agency: "AP", coverage: 0.17, reason: "17% copied, AP not credited" }],
      sources: stories.map((st, s) => ({
        id: st.id,
        origin: st.origin,
        agency: st.agency,
        headline: st.headline,
        published: st.published,
        coverage: 0.17,
        credited: s === 0,
        credit: s === 0 ? { agency: "Reuters", kind: "dateline", text: "w1", start: creditStart, end: creditStart + 2 } : null,
      })),
      passages: list,
      credits: [{ agency: "Reuters", kind: "dateline", text: "w1", start: creditStart, end: creditStart + 2 }],
      boilerplate: [[charEnd(words - 1) - 5, charEnd(words - 1)]],
      articleWords: words,
      text,
      articleDate: null,
      publishedLater: [],
    },
    stories,
    decisions: [],
  };
}
