//! An audit's article checked against candidates its caller retrieved: the pieces a Spark job
//! runs in its executors, so that its `results.jsonl` lines are the ones `audit` writes.
//!
//! A record of a JSON Lines export is read as `audit` reads it (its id, address, date, text
//! or page, and every way it can be refused), checked with the audit's options (its own date
//! as `published_before` unless the audit's `--before` is given, the word diff's deadline
//! raised), and written as the same line. Only retrieval differs: the caller gives the
//! candidate stories, found with [`pick_candidates`](crate::pick_candidates).

use super::AuditOptions;
use super::article::{Outcome, check_read, read_item, set_before};
use super::inputs::record;
use super::run::MIN_DIFF_DEADLINE;
use crate::Result;
use crate::archive::store::Story;
use crate::check::CheckOptions;
use crate::index::external::{ArticleKeys, keys_of, rare_words_given};
use crate::pairwise::compare_given;
use crate::text::Prepared;

/// What a check of the record `line` looks up ([`ArticleKeys`]), or `None` when the record
/// cannot be checked (its line then says why).
pub fn record_keys(line: &[u8], options: &AuditOptions) -> Option<ArticleKeys> {
    let (outcome, read) = read_item(record(line, String::new()), options.before_from_article);
    let text = read.ok()?.text;
    let check = check_options(options, &outcome);
    let prepared = crate::check::prepare_text(text, &check).ok()?;
    Some(keys_of(&prepared, &check.retrieve))
}

/// The line of `results.jsonl` for the record `line` (read from `input`, e.g.
/// `export.jsonl:17`) checked against `candidates`, its end of line included: the line
/// `audit` writes when retrieval proposes exactly these stories and `rare_postings` lists the
/// stories holding each full-text term as the archive does (as
/// [`pick_candidates`](crate::pick_candidates) takes it).
pub fn record_line(
    line: &[u8],
    input: &str,
    candidates: Vec<Story>,
    rare_postings: impl FnMut(&str) -> Vec<i64>,
    options: &AuditOptions,
) -> Result<Vec<u8>> {
    let (outcome, read) = read_item(record(line, input.to_string()), options.before_from_article);
    let mut check = check_options(options, &outcome);
    let before = options.check.published_before.clone();
    let outcome: Outcome = check_read(
        outcome,
        read,
        &mut check,
        before.as_deref(),
        |text, authors, o| {
            let article: Prepared = crate::check::prepare_page(text, authors, None, o)?;
            let rare = rare_words_given(&article, &o.retrieve, rare_postings);
            compare_given(article, candidates, &rare, o)
        },
    )?;
    outcome.line()
}

/// The options the audit checks the article of `outcome` with.
fn check_options(options: &AuditOptions, outcome: &Outcome) -> CheckOptions {
    let mut check = options.check.clone();
    check.diff.deadline = check.diff.deadline.max(MIN_DIFF_DEADLINE);
    let before = options.check.published_before.clone();
    set_before(&mut check, outcome, before.as_deref());
    check
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::NewStory;
    use crate::archive::store::Archive;
    use crate::audit::article::check_item;
    use crate::check::{prepare_text, retrieve_candidates};

    const STORY: &str = "The harbour board voted on Tuesday to buy six electric tugs from a \
        Finnish yard, replacing a diesel fleet that has served the port since the 1990s. The \
        first two tugs will arrive next spring, the board said, and crews will train on them \
        over the winter months at the old pilot station on the north quay.";

    #[test]
    fn a_record_checked_against_retrieval_s_candidates_gets_the_audit_s_line() {
        let mut archive = Archive::open_in_memory().unwrap();
        for (published, origin) in [("2026-05-05", "a"), ("2026-05-20", "b")] {
            archive
                .insert(NewStory {
                    headline: "Tugs".into(),
                    body: format!("{STORY} ({origin})"),
                    agency: Some("Reuters".into()),
                    published: Some(published.into()),
                    origin: origin.into(),
                    ..NewStory::default()
                })
                .unwrap();
        }
        let text = serde_json::to_string(&format!("Port news\n\n{STORY}")).unwrap();
        let lines = [
            format!(r#"{{"id": "a1", "published": "2026-05-10", "text": {text}}}"#),
            format!(r#"{{"id": "a2", "text": {text}}}"#),
            r#"{"id": "a3", "published": "last week", "text": "x"}"#.to_string(),
            r#"{"id": "a4", "text": "   "}"#.to_string(),
            "not json".to_string(),
        ];
        let options = AuditOptions::default();
        for (n, line) in lines.iter().enumerate() {
            let input = format!("articles.jsonl:{}", n + 1);
            let item = record(line.as_bytes(), input.clone());
            let mut check = options.check.clone();
            check.diff.deadline = check.diff.deadline.max(MIN_DIFF_DEADLINE);
            let audited = check_item(&archive, item, &mut check, None, false)
                .unwrap()
                .line()
                .unwrap();
            // The candidates retrieval proposes for this record, found as a check finds them.
            let candidates = match record_keys(line.as_bytes(), &options) {
                Some(_) => {
                    let (outcome, read) = read_item(record(line.as_bytes(), input.clone()), false);
                    let check = check_options(&options, &outcome);
                    let prepared = prepare_text(read.unwrap().text, &check).unwrap();
                    retrieve_candidates(&archive, &prepared, &check).unwrap().0
                }
                None => Vec::new(),
            };
            // The full-text index's lists, as a caller's join gives them.
            let postings = |term: &str| archive.stories_with_word(term, 1_000).unwrap();
            let given =
                record_line(line.as_bytes(), &input, candidates, postings, &options).unwrap();
            assert_eq!(
                String::from_utf8(given).unwrap(),
                String::from_utf8(audited).unwrap(),
                "record {n}"
            );
        }
        let keys = record_keys(lines[0].as_bytes(), &options).unwrap();
        assert!(!keys.fingerprints.is_empty());
        assert!(
            record_keys(lines[2].as_bytes(), &options).is_none(),
            "a bad date"
        );
        assert!(
            record_keys(lines[4].as_bytes(), &options).is_none(),
            "not JSON"
        );
    }
}
