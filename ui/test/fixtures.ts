// A synthetic check result: an article of `words` words (with emoji, so UTF-16 and character
// offsets differ) and `passages` passages spread over three sources; every second passage is
// edited (a wire word replaced, a word added or a wire word dropped, in turn), with the diff
// ops' character offsets.
import type { AuditRow, CheckResult, DiffOp, Evidence, Measures, Passage, Story } from "../src/bindings";

/** One evidence per source slot: identical and very likely, minor edits and likely, paraphrase. */
export const SOURCE_EVIDENCE: Evidence[] = [
  { tier: "identical", confidence: 0.96, reasons: ["a run of 40 words shared word for word", "the passages follow the story's order"] },
  { tier: "minor_edits", confidence: 0.74, reasons: ["a run of 14 words shared word for word", "little edited"] },
  { tier: "paraphrase", confidence: 0.41, reasons: ["no shared run longer than 6 words", "found only as rewritten sentences: similar content, few exact runs"] },
];

const MEASURES: Measures = {
  coverage: 0.5, copied: 0.4, verbatim: 0.25, longestRun: 40, narration: 0.45, quoted: 0.1, sourceUsed: 0.6,
  order: 1, editRate: 0.05, refill: 0, longNarration: 3, containment: 0.7, articleWords: 5000, lead: 0.8,
  sourceLead: 0.7, sentences: 0.5, trigrams: 0.45, longRuns: 0.3, exact: 0.4, functionWords: 0.4, fivegrams: 0.35,
  longestCopy: 60, storyWords: 0.8, storyContent: 0.75, storyBigrams: 0.5, storyTokens: 0.85, rareWords: 0.7, figures: 0.8,
};

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
  // Edited passages take turns: a wire word replaced, a word added, a wire word dropped.
  const EDITS = ["replaced", "replaced", "added", "dropped"] as const;
  const chars = (t: string) => Array.from(t).length;
  for (let p = 0; p < passages; p++) {
    const first = p * stride;
    const last = first + len - 1;
    const s = p % sourceCount;
    const edited = p % 2 === 1;
    const edit = edited ? EDITS[((p - 1) / 2) % EDITS.length] : null;
    const head = tokens.slice(first, last).join(" ");
    const lastWord = tokens[last] as string;
    // The wire's version of the passage.
    const chunk =
      edit === "replaced" ? `${head} wire` : edit === "added" ? head : edit === "dropped" ? `${head} ${lastWord} wire` : `${head} ${lastWord}`;
    const sourceStart = (bodyLen[s] as number) + ((bodies[s] as string[]).length > 0 ? 2 : 0);
    (bodies[s] as string[]).push(chunk);
    const sourceEnd = sourceStart + chars(chunk);
    bodyLen[s] = sourceEnd;
    const articleStart = starts[first] as number;
    const articleEnd = charEnd(last);
    const headEnd = charEnd(last - 1);
    const lastStart = starts[last] as number;
    // "wire" ends the wire's version: its last four characters.
    const wire: DiffOp = { op: "delete", text: "wire", start: sourceEnd - 4, end: sourceEnd };
    const diff: DiffOp[] =
      edit === "replaced"
        ? [{ op: "equal", text: head, start: articleStart, end: headEnd }, wire, { op: "insert", text: lastWord, start: lastStart, end: articleEnd }]
        : edit === "added"
          ? [{ op: "equal", text: head, start: articleStart, end: headEnd }, { op: "insert", text: lastWord, start: lastStart, end: articleEnd }]
          : edit === "dropped"
            ? [{ op: "equal", text: `${head} ${lastWord}`, start: articleStart, end: articleEnd }, wire]
            : [{ op: "equal", text: chunk, start: articleStart, end: articleEnd }];
    list.push({
      sourceId: 100 + s,
      articleStart,
      articleEnd,
      sourceStart,
      sourceEnd,
      kind: edited ? "edited" : "verbatim",
      words: len,
      diff,
      evidence: edited
        ? { tier: "minor_edits", confidence: 0.82, reasons: [`a run of ${len - 1} words shared word for word`, "little edited"] }
        : { tier: "identical", confidence: 0.97, reasons: [`a run of ${len} words shared word for word`] },
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
    language: s === 0 ? "fr" : null,
  }));
  const creditStart = (starts[1] as number);
  return {
    check: { id: 1, createdAt: "2026-05-09T12:00:00Z", title: "Synthetic", derived: "partially", coverage: 0.5, flags: 1, comparedWith: null },
    report: {
      derived: "partially",
      confidence: 0.88,
      probabilities: { wholly: 0.3, partially: 0.58, none: 0.12 },
      measures: MEASURES,
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
        evidence: SOURCE_EVIDENCE[s % SOURCE_EVIDENCE.length] as Evidence,
        language: s === 0 ? "fr" : null,
      })),
      passages: list,
      credits: [{ agency: "Reuters", kind: "dateline", text: "w1", start: creditStart, end: creditStart + 2 }],
      boilerplate: [[charEnd(words - 1) - 5, charEnd(words - 1)]],
      articleWords: words,
      text,
      articleDate: null,
      publishedLater: [],
      shared: [],
      language: "en",
    },
    stories,
    decisions: [],
  };
}

/** A row of an audit's results: every 7th flagged (wholly derived), every 3rd partially, the
 *  rest not derived; agencies, sites and dates in turn. */
export function auditRow(n: number, over: Partial<AuditRow> = {}): AuditRow {
  const flagged = n % 7 === 0;
  const derived = flagged ? "wholly" : n % 3 === 0 ? "partially" : "none";
  const agency = ["Reuters", "AP", "AFP"][n % 3] ?? "Reuters";
  return {
    offset: n * 1000,
    name: `site-${n % 4}/article-${String(n).padStart(5, "0")}.html`,
    url: `https://www.site-${n % 4}.example/${n}`,
    site: `site-${n % 4}.example`,
    published: `2026-05-${String((n % 28) + 1).padStart(2, "0")}`,
    derived,
    coverage: derived === "none" ? 0.01 : (n % 100) / 100,
    topSourceId: derived === "none" ? null : n,
    topSourceAgency: derived === "none" ? null : agency,
    topSourceHeadline: derived === "none" ? null : `Headline ${n}`,
    credited: derived === "none" ? null : !flagged,
    flagged,
    evidenceTier: derived === "none" ? null : "minor_edits",
    evidenceConfidence: derived === "none" ? null : 0.9,
    error: null,
    errorKind: null,
    input: `/crawl/${n}.html`,
    ...over,
  };
}

