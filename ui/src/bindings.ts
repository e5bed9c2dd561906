// Generated from src-tauri/src by the bindings test; do not edit.
// Regenerate: UPDATE_BINDINGS=1 cargo test -p wirecheck-app bindings

export type AppError = { 
/**
 * The kind of failure.
 */
code: ErrorCode, 
/**
 * One sentence for the user.
 */
message: string, };

export type ErrorCode = "invalid_input" | "not_found" | "archive_busy" | "archive_error" | "io" | "internal";

export type Derived = "wholly" | "partially" | "none";

export type CheckRequest = { 
/**
 * Plain text, or HTML (reduced to text in Rust).
 */
text: string, 
/**
 * Only stories published before this date (`YYYY-MM-DD`) count as sources.
 */
publishedBefore: string | null, };

export type CompareRequest = { 
/**
 * Plain text, or HTML (reduced to text in Rust).
 */
article: string, 
/**
 * The wire story: plain text, HTML, NITF or NewsML-G2.
 */
source: string, 
/**
 * The story's agency; `null` or empty to read it from the story.
 */
agency: string | null, preset: Preset, };

export type CompareStoredRequest = { 
/**
 * Plain text, or HTML (reduced to text in Rust).
 */
article: string, storyId: number, 
/**
 * `null` for the preset of the saved settings.
 */
preset: Preset | null, };

export type StoredStory = { 
/**
 * Its id in the archive.
 */
id: number, 
/**
 * The archive already held the same story (the same words), which was kept as it was.
 */
alreadyStored: boolean, };

export type CheckResult = { check: SavedCheck, report: Report, 
/**
 * The sources' stored stories, in the order of `report.sources`.
 */
stories: Array<Story>, decisions: Array<Decision>, };

export type CheckProgress = { 
/**
 * What the check is doing ("checking", "saving", "done").
 */
stage: string, };

export type Report = { derived: Derived, 
/**
 * The verdict model's probability (0..=1) of `derived`.
 */
confidence: number, 
/**
 * The verdict model's probability of each class.
 */
probabilities: Probabilities, 
/**
 * The evidence measures the verdict weighed.
 */
measures: Measures, coverage: number, 
/**
 * The part of `coverage` in rewritten passages (the less certain part).
 */
rewritten: number, flags: Array<Flag>, sources: Array<Source>, passages: Array<Passage>, credits: Array<Credit>, 
/**
 * Boilerplate blocks as `[start, end)` character ranges of `text`.
 */
boilerplate: Array<[number, number]>, articleWords: number, 
/**
 * The article text every offset refers to (characters).
 */
text: string, 
/**
 * The article's own date, read from its text or given as "only stories published
 * before"; `null` when neither says.
 */
articleDate: ArticleDate | null, 
/**
 * Stories that would have been sources but were published after `articleDate`: not
 * sources, not flagged.
 */
publishedLater: Array<LaterStory>, 
/**
 * Stories the article shares text with that are not its sources (quotes, names, figures
 * that independent reports carry too), most shared words first: never flagged.
 */
shared: Array<SharedStory>, 
/**
 * The article's language, an ISO 639-1 code (`fr`); `null` when too short to tell.
 */
language: string | null, };

export type ArticleDate = { 
/**
 * ISO 8601: `2019-03-04`, or `2019-03-04T10:41` when a time was read.
 */
date: string, 
/**
 * As written in the article, or the field's value.
 */
text: string, 
/**
 * Where it was read in `text` (characters); `null` when `from` is `option`.
 */
start: number | null, end: number | null, from: DateFrom, };

export type DateFrom = "text" | "option" | "page";

export type LaterStory = { id: number, origin: string, agency: string | null, headline: string, published: string, 
/**
 * The share of the article it would have had as a source.
 */
coverage: number, };

export type SharedStory = { id: number, origin: string, agency: string | null, headline: string, published: string | null, 
/**
 * The share of the article in the shared passages.
 */
coverage: number, 
/**
 * How the shared text reads as evidence of copying, and why it is not enough.
 */
evidence: Evidence, 
/**
 * The shared passages, in article order.
 */
passages: Array<Passage>, };

export type Probabilities = { wholly: number, partially: number, none: number, };

export type Measures = { 
/**
 * Share of the article's words in the passages.
 */
coverage: number, 
/**
 * Share of the article's words in passages found by shared runs (not rewritten).
 */
copied: number, 
/**
 * Share of the article's words in passages with no edit at all.
 */
verbatim: number, 
/**
 * Longest run of words shared in order, in words.
 */
longestRun: number, 
/**
 * Share of the article's narration (words outside quotes) in the passages.
 */
narration: number, 
/**
 * Share of the passages' words inside quotes in the article or in the source they match.
 */
quoted: number, 
/**
 * Share of the top source's words that the passages use.
 */
sourceUsed: number, 
/**
 * Share of consecutive passages that follow each other in the source too.
 */
order: number, 
/**
 * Words inserted or deleted per word kept.
 */
editRate: number, 
/**
 * Figures, dates or names replaced one for one, per passage.
 */
refill: number, 
/**
 * Passages of 20 words or more, mostly narration.
 */
longNarration: number, 
/**
 * Share of the article's distinct content-word stems found in the top source.
 */
containment: number, 
/**
 * Words of the article.
 */
articleWords: number, 
/**
 * Share of the article's lead in the passages.
 */
lead: number, 
/**
 * Share of the top source's lead that the passages use.
 */
sourceLead: number, 
/**
 * Share of the article's sentences at least half in passages.
 */
sentences: number, 
/**
 * Share of the article's word trigrams found in the top source.
 */
trigrams: number, 
/**
 * Share of the article's words in passages holding a long exact run.
 */
longRuns: number, 
/**
 * Share of the article's words matched exactly.
 */
exact: number, 
/**
 * Share of the article's function words matched exactly.
 */
functionWords: number, 
/**
 * Share of the article's word 5-grams found in the top source.
 */
fivegrams: number, 
/**
 * Most narration words matched exactly in one copied passage.
 */
longestCopy: number, 
/**
 * Share of the article's distinct words found in the top source or its versions.
 */
storyWords: number, 
/**
 * The same for distinct content-word stems.
 */
storyContent: number, 
/**
 * The same for distinct pairs of consecutive words.
 */
storyBigrams: number, 
/**
 * Share of the article's running words whose word the top source or its versions have.
 */
storyTokens: number, 
/**
 * Share of the article's rare words (few stored stories hold them) that the top source
 * holds; `null` when no archive was asked (a comparison with a pasted story).
 */
rareWords: number | null, 
/**
 * Share of the article's distinct figures (words with a digit, small numbers in words)
 * that the top source holds;
 * `null` when the article has fewer than two.
 */
figures: number | null, };

export type Flag = { sourceId: number, agency: string | null, coverage: number, reason: string, };

export type Source = { id: number, origin: string, agency: string | null, headline: string, published: string | null, coverage: number, credited: boolean, credit: Credit | null, 
/**
 * How sure the match is, and why.
 */
evidence: Evidence, 
/**
 * The story's language, an ISO 639-1 code; `null` when unknown.
 */
language: string | null, };

export type Credit = { agency: string, kind: string, text: string, start: number, end: number, };

export type Passage = { sourceId: number, articleStart: number, articleEnd: number, sourceStart: number, sourceEnd: number, kind: PassageKind, words: number, diff: Array<DiffOp>, 
/**
 * How sure the match is, and why.
 */
evidence: Evidence, };

export type PassageKind = "verbatim" | "edited" | "rewritten";

export type Evidence = { tier: Tier, 
/**
 * The model's probability (0..=1) that the text was copied rather than sharing facts.
 */
confidence: number, 
/**
 * Why, in short sentences, strongest first.
 */
reasons: Array<string>, };

export type Tier = "identical" | "minor_edits" | "paraphrase";

export type DiffOp = { op: DiffTag, text: string, 
/**
 * Where `text` starts, in characters: in the article (equal, insert) or the source's body
 * (delete). An empty range (`start == end`, as in checks saved before offsets existed)
 * means the position is not known.
 */
start: number, 
/**
 * Where `text` ends, in characters, exclusive.
 */
end: number, };

export type DiffTag = "equal" | "insert" | "delete";

export type Story = { id: number, agency: string | null, headline: string, byline: string | null, dateline: string | null, published: string | null, versionCreated: string | null, externalId: string | null, origin: string, format: string, body: string, words: number, importedAt: string, 
/**
 * The story's language, an ISO 639-1 code; `null` when unknown.
 */
language: string | null, };

export type StorySummary = { id: number, agency: string | null, headline: string, published: string | null, origin: string, words: number, 
/**
 * For search results: the match in context, marked with `[` and `]`.
 */
snippet: string | null, 
/**
 * The story's language, an ISO 639-1 code; `null` when unknown.
 */
language: string | null, };

export type SavedCheck = { id: number, createdAt: string, title: string, derived: Derived, coverage: number, flags: number, 
/**
 * For a comparison, the headline of the wire story it was made with (may be empty);
 * `null` for a check against the archive.
 */
comparedWith: string | null, };

export type Decision = { checkId: number, sourceId: number, status: DecisionStatus, reason: string, note: string, decidedAt: string, };

export type DecisionStatus = "confirmed" | "dismissed";

export type DecideRequest = { checkId: number, sourceId: number, status: DecisionStatus, reason: string, note: string, };

export type ArchiveOverview = { path: string, stories: number, agencies: Array<AgencyCount>, };

export type AgencyCount = { 
/**
 * `null` for stories whose agency is unknown.
 */
agency: string | null, stories: number, };

export type PruneRequest = { before: string, agency: string | null, };

export type PrunePlan = { stories: number, remaining: number, 
/**
 * Of those, the sources of saved checks (kept with the checks for History).
 */
citedByChecks: number, oldest: string | null, newest: string | null, };

export type PruneSummary = { stories: number, postings: number, keptForHistory: number, remaining: number, 
/**
 * Bytes now free inside the archive file.
 */
freeBytes: number, };

export type CompactSummary = { bytesBefore: number, bytesAfter: number, bytesFreed: number, };

export type ImportSummary = { files: number, imported: number, duplicates: number, skipped: Array<Skipped>, };

export type Skipped = { path: string, reason: string, };

export type ImportProgress = { 
/**
 * Files read so far (read or skipped).
 */
done: number, 
/**
 * Files to read.
 */
total: number, 
/**
 * The file just read or skipped.
 */
path: string | null, 
/**
 * Why it was skipped, if it was.
 */
skipped: string | null, };

export type Settings = { preset: Preset, 
/**
 * Shortest passage reported, in matched words.
 */
minPassageWords: number, aliases: Array<Alias>, 
/**
 * Agencies whose stories are never sources.
 */
excludeAgencies: Array<string>, 
/**
 * Stories that are never sources.
 */
excludeSources: number[], };

export type Preset = "strict" | "standard" | "lenient";

export type Alias = { 
/**
 * The agency's canonical name ("Reuters"), or a new agency.
 */
canonical: string, 
/**
 * Another name for it ("Thomson Reuters Foundation").
 */
alias: string, };

export type DemoArticle = { name: string, text: string, };

export type WatchStatus = { folders: Array<WatchedFolderStatus>, 
/**
 * The last events, oldest first (at most 200).
 */
events: Array<WatchLogEntry>, };

export type WatchedFolderStatus = { path: string, 
/**
 * The agency given to its stories; `null` reads it from each file.
 */
agency: string | null, state: WatchFolderState, 
/**
 * Whether the system sends file events for it (else it is rescanned every 10 s).
 */
fileEvents: boolean, 
/**
 * What is wrong, when `state` is `error`.
 */
message: string | null, };

export type WatchFolderState = "starting" | "watching" | "stopped" | "error";

export type WatchLogEntry = { 
/**
 * When, in milliseconds since 1970.
 */
atMs: number, 
/**
 * `started`, `stopped`, `imported`, `skipped`, `deleted`, `error` or `warning`.
 */
kind: string, folder: string | null, path: string | null, 
/**
 * One line: what was imported, or why not.
 */
message: string, };

export type AuditRequest = { 
/**
 * A folder (walked recursively) or one file (a saved page, a JSON Lines export).
 */
input: string, 
/**
 * Where the outputs go; `null` for the default beside the input ([`AuditPlan::out_dir`]).
 */
outDir: string | null, 
/**
 * Worker threads; `null` for one per core.
 */
jobs: number | null, preset: Preset, 
/**
 * Take a page's date from its metadata when the input gives none (`--before-from-article`).
 */
beforeFromArticle: boolean, };

export type AuditPlan = { input: string, outDir: string, 
/**
 * `results.jsonl` exists in `out_dir`: its articles are skipped.
 */
hasResults: boolean, 
/**
 * The default number of jobs: the machine's cores.
 */
cores: number, };

export type AuditRow = { 
/**
 * Byte offset of its line in `results.jsonl` (to open its report).
 */
offset: number, 
/**
 * Its id, else where it was read: what opens it.
 */
name: string, url: string | null, 
/**
 * The URL's host without `www.`; empty without a URL.
 */
site: string, published: string | null, 
/**
 * `null` on an error row.
 */
derived: Derived | null, coverage: number | null, topSourceId: number | null, topSourceAgency: string | null, topSourceHeadline: string | null, credited: boolean | null, flagged: boolean, evidenceTier: Tier | null, evidenceConfidence: number | null, error: string | null, 
/**
 * `binary`, `empty`, `too_large`, `malformed`...
 */
errorKind: string | null, input: string, };

export type AuditAgency = { agency: string, articles: number, flagged: number, };

export type AuditFailure = { kind: string, count: number, 
/**
 * The first such article's name.
 */
example: string, message: string, };

export type AuditTotals = { articles: number, flagged: number, wholly: number, partially: number, none: number, byAgency: Array<AuditAgency>, errors: Array<AuditFailure>, };

export type AuditResults = { outDir: string, 
/**
 * The first rows, in the order they were written.
 */
rows: Array<AuditRow>, 
/**
 * Rows in `results.jsonl` (more than `rows` when over the view's limit).
 */
total: number, totals: AuditTotals, };

export type AuditProgress = { 
/**
 * `counting`, `checking`, `finishing` (writing summary.csv and index.html) or `done`.
 */
stage: string, 
/**
 * Articles handled, those an earlier run did included.
 */
done: number, 
/**
 * Articles in the inputs, once counted.
 */
total: number | null, 
/**
 * Of `done`, already in `results.jsonl` from an earlier run.
 */
alreadyDone: number, 
/**
 * This run: articles checked, recorded as errors, and flagged.
 */
checked: number, failed: number, flagged: number, 
/**
 * Articles this run handled per second.
 */
rate: number, 
/**
 * Seconds left at that rate, once the total is known.
 */
etaSeconds: number | null, 
/**
 * The rows written since the previous event.
 */
rows: Array<AuditRow>, };

export type AuditOutcome = { outDir: string, checked: number, failed: number, alreadyDone: number, duplicates: number, 
/**
 * Cancelled before every article was handled: Start again resumes it.
 */
cancelled: boolean, totals: AuditTotals, };

export type AuditExport = { 
/**
 * The folder written to.
 */
folder: string, 
/**
 * Flagged articles' reports copied beside the index.
 */
reports: number, };
