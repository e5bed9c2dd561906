//! A text-alignment benchmark in the manner of PAN's (Potthast et al., "An Evaluation
//! Framework for Plagiarism Detection", COLING 2010; the PAN 2013-14 text-alignment task),
//! built from Reuters-21578.
//!
//! The stories of the first files are stored, as in [`crate::reuters`]. Each test document is
//! made of later stories that share no 8-word run with any stored story (so none of their text
//! is a case), with passages of stored stories put between their paragraphs: the cases, each a
//! range of the document and the range of the stored story it was taken from. Some passages are
//! inserted verbatim, some edited (a word dropped here and there, two words swapped); some
//! documents have no case at all. Documents come in three lengths, up to tens of thousands of
//! characters with a dozen sources, so that retrieval must scale with the text.
//!
//! Each document is checked as `wirecheck check` checks it, and every reported passage is a
//! detection. The scores are PAN's, on characters of both sides:
//!
//! - **precision**: for each detection, the share of its characters (document and source side)
//!   that lie in a case it detects (same source story, overlapping on both sides), averaged
//!   over the detections;
//! - **recall**: for each case, the share of its characters covered by the detections that
//!   detect it, averaged over the cases;
//! - **granularity**: detections per detected case;
//! - **plagdet**: F1 of precision and recall, divided by log2(1 + granularity).
//!
//! The documents are drawn by a seeded generator, so a run is reproducible.

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use serde::Serialize;
use wirecheck_core::bench::{SourceStory, load_dir};
use wirecheck_core::{Archive, CheckOptions, Error, ListQuery, PassageKind, Result, check};

use crate::meter::ImportFigures;
use crate::reuters::{
    FRESH_RUN, SharedRuns, StoredPart, gram_hashes, import_temporary, split_stored,
};
use crate::workers::on_threads;

/// What to build and check.
#[derive(Debug, Clone)]
pub struct AlignmentOptions {
    /// Which stories are stored.
    pub stored: StoredPart,
    /// Documents checked.
    pub documents: usize,
    /// The generator's seed.
    pub seed: u64,
    /// Threads that run the checks.
    pub threads: usize,
    /// The check's options.
    pub check: CheckOptions,
}

/// The benchmark's figures.
#[derive(Debug, Clone, Serialize)]
pub struct AlignmentEvaluation {
    /// Stories stored, and the fillers available.
    pub corpus: AlignmentCorpus,
    /// Over every document.
    pub overall: PanScores,
    /// By document length: short, medium, long.
    pub by_length: Vec<(String, PanScores)>,
    /// By case kind: the recall of verbatim and of edited cases.
    pub recall_by_case: Vec<(String, f64)>,
    /// By passage kind: detections, and their precision.
    pub precision_by_passage: Vec<(String, usize, f64)>,
    /// The least precise detections, with their text, for a reader to see what goes wrong.
    pub stray: Vec<Stray>,
    /// By passage kind: detections under 0.9 precision, and how many of them name the source
    /// of a case elsewhere in the document.
    pub stray_by_passage: Vec<(String, usize, usize)>,
    /// Documents with no case that were reported derived, of those checked.
    pub clean_documents_reported: (usize, usize),
    /// Seconds spent importing and checking.
    pub seconds: (f64, f64),
}

/// A detection that lies partly or wholly outside the cases it detects.
#[derive(Debug, Clone, Serialize)]
pub struct Stray {
    /// The passage's kind.
    pub kind: String,
    /// Its precision.
    pub precision: f64,
    /// The document's text in the passage.
    pub text: String,
    /// The case's text it overlaps, if any.
    pub case: Option<String>,
    /// Whether its source is the source of a case of the document (elsewhere in it).
    pub source_of_a_case: bool,
}

/// Stray detections listed.
const STRAY_LISTED: usize = 12;

/// The stories behind the documents.
#[derive(Debug, Clone, Serialize)]
pub struct AlignmentCorpus {
    /// Stories stored.
    pub stored: usize,
    /// The import.
    pub import: ImportFigures,
    /// Held-out stories sharing no run of [`FRESH_RUN`] words with the stored ones: the
    /// documents' own text.
    pub fillers: usize,
    /// Documents, cases, and the documents' mean length in characters.
    pub documents: usize,
    /// Cases in all.
    pub cases: usize,
    /// Mean characters per document.
    pub mean_chars: f64,
}

/// PAN's scores over a set of documents.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PanScores {
    /// Documents.
    pub documents: usize,
    /// Cases.
    pub cases: usize,
    /// Detections (reported passages).
    pub detections: usize,
    /// Cases detected at all.
    pub detected: usize,
    /// Mean share of a detection's characters in the cases it detects.
    pub precision: f64,
    /// Mean share of a case's characters its detections cover.
    pub recall: f64,
    /// Detections per detected case.
    pub granularity: f64,
    /// F1 over log2(1 + granularity).
    pub plagdet: f64,
}

/// How a case was put in its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Obfuscation {
    Verbatim,
    Edited,
}

/// A passage of a stored story inside a document.
#[derive(Debug, Clone)]
struct Case {
    source: i64,
    document: (usize, usize),
    story: (usize, usize),
    obfuscation: Obfuscation,
}

/// One test document.
#[derive(Debug, Clone)]
struct Document {
    text: String,
    length: &'static str,
    cases: Vec<Case>,
}

/// A reported passage, in characters.
#[derive(Debug, Clone)]
struct Detection {
    source: i64,
    document: (usize, usize),
    story: (usize, usize),
    kind: PassageKind,
}

/// Fewest words of a stored story that passages are taken from, and of a filler.
const MIN_WORDS: usize = 60;
/// Passage lengths, in words.
const PASSAGE_WORDS: (usize, usize) = (25, 150);
/// Fillers and cases of each length of document: (name, fillers, most cases).
const LENGTHS: [(&str, usize, usize); 3] = [("short", 2, 1), ("medium", 6, 3), ("long", 36, 12)];

/// Runs the benchmark on the Reuters-21578 folder `dir`.
pub fn evaluate_alignment(dir: &Path, options: &AlignmentOptions) -> Result<AlignmentEvaluation> {
    let mut stories = load_dir(dir)?;
    stories.sort_by_key(|s| s.newid);
    let (stored, held_out) = split_stored(&stories, options.stored)?;
    let (temp, summary, import_seconds) = import_temporary(stored)?;
    let db = temp.db();

    let runs = SharedRuns::new(stored);
    let fillers: Vec<String> = held_out
        .iter()
        .filter(|s| s.words() >= MIN_WORDS && runs.longest(&s.body()) < FRESH_RUN)
        .map(SourceStory::body)
        .collect();
    let archive = Archive::open(&db)?;
    let sources = stored_bodies(&archive)?;
    if fillers.is_empty() || sources.is_empty() {
        return Err(Error::Invalid(
            "the corpus gave no story to build documents from".into(),
        ));
    }
    let holders = Holders::new(&sources);
    let documents = build_documents(
        &fillers,
        &sources,
        &holders,
        options.documents,
        options.seed,
    );

    let started = Instant::now();
    let detections = on_threads(&db, &documents, options.threads.max(1), |archive, doc| {
        detect(archive, doc, &options.check)
    })?
    .into_iter()
    .collect::<Result<Vec<_>>>()?;
    let check_seconds = started.elapsed().as_secs_f64();

    let pairs: Vec<(&Document, &[Detection])> = documents
        .iter()
        .zip(&detections)
        .map(|(d, r)| (d, r.as_slice()))
        .collect();
    let score_where = |keep: &dyn Fn(&Document) -> bool| {
        let chosen: Vec<(&Document, &[Detection])> =
            pairs.iter().copied().filter(|(d, _)| keep(d)).collect();
        pan_scores(&chosen)
    };
    let recall_of = |obfuscation: Obfuscation| {
        let (mut sum, mut n) = (0.0, 0);
        for (doc, found) in &pairs {
            for case in doc.cases.iter().filter(|c| c.obfuscation == obfuscation) {
                sum += case_recall(case, found);
                n += 1;
            }
        }
        if n == 0 { 0.0 } else { sum / n as f64 }
    };
    let precision_of = |kind: PassageKind| {
        let (mut sum, mut n) = (0.0, 0);
        for (doc, found) in &pairs {
            for d in found.iter().filter(|d| d.kind == kind) {
                sum += detection_precision(d, &doc.cases);
                n += 1;
            }
        }
        (n, if n == 0 { 0.0 } else { sum / n as f64 })
    };
    let mut stray: Vec<Stray> = Vec::new();
    for (doc, found) in &pairs {
        for d in found.iter() {
            let precision = detection_precision(d, &doc.cases);
            if precision < 0.9 {
                stray.push(Stray {
                    kind: format!("{:?}", d.kind).to_lowercase(),
                    precision,
                    text: slice_chars(&doc.text, d.document.0, d.document.1),
                    case: doc
                        .cases
                        .iter()
                        .find(|c| len(overlap(c.document, d.document)) > 0)
                        .map(|c| slice_chars(&doc.text, c.document.0, c.document.1)),
                    source_of_a_case: doc.cases.iter().any(|c| c.source == d.source),
                });
            }
        }
    }
    let stray_by_passage = ["verbatim", "edited", "rewritten"]
        .iter()
        .map(|kind| {
            let of_kind = stray.iter().filter(|s| s.kind == *kind);
            let n = of_kind.clone().count();
            let from_case = of_kind.filter(|s| s.source_of_a_case).count();
            (kind.to_string(), n, from_case)
        })
        .collect();
    stray.sort_by(|a, b| {
        a.precision
            .total_cmp(&b.precision)
            .then(b.text.len().cmp(&a.text.len()))
    });
    stray.truncate(STRAY_LISTED);
    let clean: Vec<&(&Document, &[Detection])> =
        pairs.iter().filter(|(d, _)| d.cases.is_empty()).collect();
    let cases: usize = documents.iter().map(|d| d.cases.len()).sum();
    let chars: usize = documents.iter().map(|d| d.text.chars().count()).sum();
    Ok(AlignmentEvaluation {
        corpus: AlignmentCorpus {
            stored: stored.len(),
            import: ImportFigures {
                files: summary.files,
                imported: summary.imported,
                duplicates: summary.duplicates,
                skipped: summary.skipped.len(),
            },
            fillers: fillers.len(),
            documents: documents.len(),
            cases,
            mean_chars: chars as f64 / documents.len().max(1) as f64,
        },
        overall: pan_scores(&pairs),
        by_length: LENGTHS
            .iter()
            .map(|(name, _, _)| (name.to_string(), score_where(&|d| d.length == *name)))
            .collect(),
        recall_by_case: vec![
            ("verbatim".into(), recall_of(Obfuscation::Verbatim)),
            ("edited".into(), recall_of(Obfuscation::Edited)),
        ],
        precision_by_passage: [
            ("verbatim", PassageKind::Verbatim),
            ("edited", PassageKind::Edited),
            ("rewritten", PassageKind::Rewritten),
        ]
        .into_iter()
        .map(|(name, kind)| {
            let (n, p) = precision_of(kind);
            (name.to_string(), n, p)
        })
        .collect(),
        stray,
        stray_by_passage,
        clean_documents_reported: (
            clean.iter().filter(|(_, found)| !found.is_empty()).count(),
            clean.len(),
        ),
        seconds: (import_seconds, check_seconds),
    })
}

/// Every stored story's id and body, as the archive holds it (passages are taken from what
/// the check compares with).
fn stored_bodies(archive: &Archive) -> Result<Vec<(i64, String)>> {
    let mut out = Vec::new();
    let page = 500;
    loop {
        let summaries = archive.list(&ListQuery {
            limit: page,
            offset: out.len(),
            ..ListQuery::default()
        })?;
        if summaries.is_empty() {
            break;
        }
        let ids: Vec<i64> = summaries.iter().map(|s| s.id).collect();
        for story in archive.get_many(&ids)? {
            out.push((story.id, story.body));
        }
        if summaries.len() < page {
            break;
        }
    }
    out.retain(|(_, body)| body.split_whitespace().count() >= MIN_WORDS);
    out.sort_by_key(|(id, _)| *id);
    Ok(out)
}

/// SplitMix64: a small, seeded, portable generator, so the documents are the same on every
/// machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// How many stored stories hold each word 8-gram: a passage is a case of one source only when
/// no other stored story holds any of its 8-grams (Reuters-21578 repeats some stories, and a
/// detection that names the other copy is not wrong).
struct Holders(HashMap<u64, u32>);

impl Holders {
    fn new(sources: &[(i64, String)]) -> Holders {
        let mut counts: HashMap<u64, u32> = HashMap::new();
        for (_, body) in sources {
            let mut own = gram_hashes(body);
            own.sort_unstable();
            own.dedup();
            for g in own {
                *counts.entry(g).or_default() += 1;
            }
        }
        Holders(counts)
    }

    fn unique(&self, text: &str) -> bool {
        gram_hashes(text)
            .iter()
            .all(|g| self.0.get(g).is_none_or(|n| *n <= 1))
    }
}

fn build_documents(
    fillers: &[String],
    sources: &[(i64, String)],
    holders: &Holders,
    count: usize,
    seed: u64,
) -> Vec<Document> {
    let mut rng = Rng(seed);
    let mut next_filler = rng.below(fillers.len());
    (0..count)
        .map(|n| {
            let (length, filler_count, most_cases) = LENGTHS[n % LENGTHS.len()];
            // One document in five of each length has no case.
            let cases = if rng.below(5) == 0 {
                0
            } else {
                1 + rng.below(most_cases)
            };
            let mut paragraphs: Vec<Paragraph> = Vec::new();
            for _ in 0..filler_count {
                let filler = &fillers[next_filler % fillers.len()];
                next_filler += 1;
                paragraphs.extend(
                    filler
                        .split("\n\n")
                        .map(|p| Paragraph::Own(p.trim().to_string())),
                );
            }
            let mut used = Vec::new();
            for k in 0..cases {
                if used.len() == sources.len() {
                    break;
                }
                let mut pick = rng.below(sources.len());
                while used.contains(&pick) {
                    pick = (pick + 1) % sources.len();
                }
                used.push(pick);
                let obfuscation = if k % 3 == 2 {
                    Obfuscation::Edited
                } else {
                    Obfuscation::Verbatim
                };
                let (id, body) = &sources[pick];
                let passage = passage_of(*id, body, obfuscation, &mut rng);
                let Paragraph::Case { story, .. } = &passage else {
                    continue;
                };
                if !holders.unique(&slice_chars(body, story.0, story.1)) {
                    continue;
                }
                let at = rng.below(paragraphs.len() + 1);
                paragraphs.insert(at, passage);
            }
            assemble(paragraphs, length)
        })
        .collect()
}

enum Paragraph {
    Own(String),
    Case {
        text: String,
        source: i64,
        story: (usize, usize),
        obfuscation: Obfuscation,
    },
}

/// A passage of a stored story, on word boundaries, edited or not.
fn passage_of(id: i64, body: &str, obfuscation: Obfuscation, rng: &mut Rng) -> Paragraph {
    let words = word_spans(body);
    let (min, max) = PASSAGE_WORDS;
    let len = (min + rng.below(max - min + 1)).min(words.len());
    let start = rng.below(words.len() - len + 1);
    let chosen = &words[start..start + len];
    let text = match obfuscation {
        Obfuscation::Verbatim => slice_chars(body, chosen[0].0, chosen[len - 1].1),
        Obfuscation::Edited => {
            let mut kept: Vec<String> = Vec::new();
            for (i, &(s, e)) in chosen.iter().enumerate() {
                // A word dropped in every eleven, after the first few.
                if i > 3 && i % 11 == 0 {
                    continue;
                }
                kept.push(slice_chars(body, s, e));
            }
            // Two words swapped near the middle.
            let mid = kept.len() / 2;
            if mid + 1 < kept.len() {
                kept.swap(mid, mid + 1);
            }
            kept.join(" ")
        }
    };
    Paragraph::Case {
        text,
        source: id,
        story: (chosen[0].0, chosen[len - 1].1),
        obfuscation,
    }
}

fn assemble(paragraphs: Vec<Paragraph>, length: &'static str) -> Document {
    let mut text = String::new();
    let mut chars = 0;
    let mut cases = Vec::new();
    for (i, p) in paragraphs.into_iter().enumerate() {
        if i > 0 {
            text.push_str("\n\n");
            chars += 2;
        }
        let (body, case) = match p {
            Paragraph::Own(t) => (t, None),
            Paragraph::Case {
                text,
                source,
                story,
                obfuscation,
            } => (text, Some((source, story, obfuscation))),
        };
        let n = body.chars().count();
        if let Some((source, story, obfuscation)) = case {
            cases.push(Case {
                source,
                document: (chars, chars + n),
                story,
                obfuscation,
            });
        }
        text.push_str(&body);
        chars += n;
    }
    Document {
        text,
        length,
        cases,
    }
}

/// The words of `text` as (start, end) character offsets, split on whitespace.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    let mut count = 0;
    for (i, c) in text.chars().enumerate() {
        count = i + 1;
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, count));
    }
    spans
}

fn slice_chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// The document checked; its reported passages.
fn detect(archive: &Archive, doc: &Document, options: &CheckOptions) -> Result<Vec<Detection>> {
    let report = check(archive, doc.text.as_bytes(), options)?;
    if report.text != doc.text {
        return Err(Error::Invalid(
            "the check changed the document's text, so its offsets cannot be scored".into(),
        ));
    }
    Ok(report
        .passages
        .iter()
        .map(|p| Detection {
            source: p.source_id,
            document: (p.article_start, p.article_end),
            story: (p.source_start, p.source_end),
            kind: p.kind,
        })
        .collect())
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> (usize, usize) {
    (a.0.max(b.0), a.1.min(b.1))
}

fn len(r: (usize, usize)) -> usize {
    r.1.saturating_sub(r.0)
}

/// Whether detection `d` detects case `c`: the same source, overlapping on both sides.
fn detects(d: &Detection, c: &Case) -> bool {
    d.source == c.source
        && len(overlap(d.document, c.document)) > 0
        && len(overlap(d.story, c.story)) > 0
}

/// Characters of `range` covered by the union of `parts` (each clipped to `range`).
fn covered(range: (usize, usize), parts: impl Iterator<Item = (usize, usize)>) -> usize {
    let mut clipped: Vec<(usize, usize)> = parts
        .map(|p| overlap(range, p))
        .filter(|p| len(*p) > 0)
        .collect();
    clipped.sort_unstable();
    let (mut total, mut reach) = (0, range.0);
    for (s, e) in clipped {
        let s = s.max(reach);
        if e > s {
            total += e - s;
            reach = e;
        }
    }
    total
}

fn case_recall(case: &Case, found: &[Detection]) -> f64 {
    let by: Vec<&Detection> = found.iter().filter(|d| detects(d, case)).collect();
    let got = covered(case.document, by.iter().map(|d| d.document))
        + covered(case.story, by.iter().map(|d| d.story));
    got as f64 / (len(case.document) + len(case.story)).max(1) as f64
}

fn detection_precision(d: &Detection, cases: &[Case]) -> f64 {
    let of: Vec<&Case> = cases.iter().filter(|c| detects(d, c)).collect();
    let got = covered(d.document, of.iter().map(|c| c.document))
        + covered(d.story, of.iter().map(|c| c.story));
    got as f64 / (len(d.document) + len(d.story)).max(1) as f64
}

fn pan_scores(pairs: &[(&Document, &[Detection])]) -> PanScores {
    let mut scores = PanScores {
        documents: pairs.len(),
        ..PanScores::default()
    };
    let (mut recall, mut precision, mut granules) = (0.0, 0.0, 0);
    for (doc, found) in pairs {
        for case in &doc.cases {
            scores.cases += 1;
            recall += case_recall(case, found);
            let n = found.iter().filter(|d| detects(d, case)).count();
            if n > 0 {
                scores.detected += 1;
                granules += n;
            }
        }
        for d in *found {
            scores.detections += 1;
            precision += detection_precision(d, &doc.cases);
        }
    }
    let mean = |sum: f64, n: usize| if n == 0 { 0.0 } else { sum / n as f64 };
    scores.recall = mean(recall, scores.cases);
    // PAN: with no detection at all, precision is taken as 1 only when there is no case.
    scores.precision = if scores.detections == 0 {
        if scores.cases == 0 { 1.0 } else { 0.0 }
    } else {
        mean(precision, scores.detections)
    };
    scores.granularity = if scores.detected == 0 {
        1.0
    } else {
        granules as f64 / scores.detected as f64
    };
    let f1 = if scores.precision + scores.recall > 0.0 {
        2.0 * scores.precision * scores.recall / (scores.precision + scores.recall)
    } else {
        0.0
    };
    scores.plagdet = f1 / (1.0 + scores.granularity).log2();
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(source: i64, document: (usize, usize), story: (usize, usize)) -> Case {
        Case {
            source,
            document,
            story,
            obfuscation: Obfuscation::Verbatim,
        }
    }

    fn detection(source: i64, document: (usize, usize), story: (usize, usize)) -> Detection {
        Detection {
            source,
            document,
            story,
            kind: PassageKind::Verbatim,
        }
    }

    fn document(cases: Vec<Case>) -> Document {
        Document {
            text: String::new(),
            length: "short",
            cases,
        }
    }

    #[test]
    fn an_exact_detection_scores_one_and_a_stray_one_halves_precision() {
        let doc = document(vec![case(7, (100, 200), (0, 100))]);
        let exact = [detection(7, (100, 200), (0, 100))];
        let s = pan_scores(&[(&doc, &exact)]);
        assert_eq!(
            (s.precision, s.recall, s.granularity, s.plagdet),
            (1.0, 1.0, 1.0, 1.0)
        );

        // A second detection on text that is no case: precision is the mean over detections.
        let stray = [
            detection(7, (100, 200), (0, 100)),
            detection(9, (300, 350), (0, 50)),
        ];
        let s = pan_scores(&[(&doc, &stray)]);
        assert_eq!((s.precision, s.recall), (0.5, 1.0));
    }

    #[test]
    fn the_wrong_source_detects_nothing_and_split_detections_raise_granularity() {
        let doc = document(vec![case(7, (0, 100), (0, 100))]);
        let wrong = [detection(8, (0, 100), (0, 100))];
        let s = pan_scores(&[(&doc, &wrong)]);
        assert_eq!((s.precision, s.recall, s.detected), (0.0, 0.0, 0));

        let halves = [
            detection(7, (0, 50), (0, 50)),
            detection(7, (50, 100), (50, 100)),
        ];
        let s = pan_scores(&[(&doc, &halves)]);
        assert_eq!((s.precision, s.recall, s.granularity), (1.0, 1.0, 2.0));
        assert!((s.plagdet - 1.0 / 3f64.log2()).abs() < 1e-12);
    }

    #[test]
    fn documents_are_reproducible_and_their_cases_are_where_they_say() {
        let fillers: Vec<String> = (0..10)
            .map(|i| format!("Filler story {i} opens here.\n\nIts second paragraph follows."))
            .collect();
        let body = (0..200)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let sources = vec![(1, body.clone())];
        let holders = Holders::new(&sources);
        let a = build_documents(&fillers, &sources, &holders, 9, 42);
        let b = build_documents(&fillers, &sources, &holders, 9, 42);
        assert_eq!(
            a.iter().map(|d| &d.text).collect::<Vec<_>>(),
            b.iter().map(|d| &d.text).collect::<Vec<_>>()
        );
        let mut seen = 0;
        for doc in &a {
            for c in &doc.cases {
                let inserted = slice_chars(&doc.text, c.document.0, c.document.1);
                let original = slice_chars(&sources[0].1, c.story.0, c.story.1);
                if c.obfuscation == Obfuscation::Verbatim {
                    assert_eq!(inserted, original);
                } else {
                    assert_ne!(inserted, original);
                }
                seen += 1;
            }
        }
        assert!(seen > 0);
    }
}
