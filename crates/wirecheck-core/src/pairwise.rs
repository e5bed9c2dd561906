//! The article compared with one given wire story: the check an editor makes with the agency's
//! story open beside the page ("what did they take, and what did they change?"), or with one
//! stored story picked by hand ("did they use this one?").
//!
//! Both run [`compare_stories`], every stage of a check after retrieval, on that one story:
//! a check is retrieval followed by the same comparison. [`compare_with_candidates`] runs it
//! on the stories a caller retrieved itself (a Spark job), with the exclusions a check applies
//! to the candidates retrieval found: what a check gives when retrieval proposes them.

use crate::archive::import::parse_file;
use crate::archive::importer::Importer;
use crate::archive::store::{Archive, Story};
use crate::check::{
    CheckOptions, MAX_ARTICLE_BYTES, compare_stories, decode_article, eligible, prepare_article,
    rare_words_in,
};
use crate::index::external::{distinct_ids, rare_words_given};
use crate::index::retrieve::RareWords;
use crate::report::Report;
use crate::text::Prepared;
use crate::{Error, Result};

/// Where a wire story given as bytes comes from, when the caller does not say.
const GIVEN_ORIGIN: &str = "compare:source";

/// Compares the article (bytes, as [`check`](crate::check) takes them) with one wire story given
/// as bytes in any format the importer reads (plain text, HTML, NITF, NewsML-G2, legacy wire
/// text). The story's agency is read from it (dateline, credit, metadata) unless `agency` is
/// given. The story is in no archive: its id in the report is
/// [`UNSTORED_STORY_ID`](crate::UNSTORED_STORY_ID).
pub fn compare(
    article: &[u8],
    source: &[u8],
    agency: Option<&str>,
    options: &CheckOptions,
) -> Result<Report> {
    compare_with_story(article, source, GIVEN_ORIGIN, agency, options).map(|(report, _)| report)
}

/// [`compare`], also giving back the story as it was read, for a caller that shows the two
/// texts side by side, saves the comparison or stores the story; `origin` says where the story
/// came from (a path, "pasted").
pub fn compare_with_story(
    article: &[u8],
    source: &[u8],
    origin: &str,
    agency: Option<&str>,
    options: &CheckOptions,
) -> Result<(Report, Story)> {
    if source.len() > MAX_ARTICLE_BYTES {
        return Err(Error::TooLarge {
            size: source.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let article = decode_article(article)?;
    let story = read_story(source, origin, agency, options)?;
    // A story given, not stored: no archive says which of the article's words are rare.
    let report = compare_one(
        prepare_article(&article, options)?,
        story.clone(),
        &RareWords::default(),
        options,
    );
    Ok((report, story))
}

/// Compares the article (bytes, as [`check`](crate::check) takes them) with the stored story
/// `story_id`, whether or not retrieval would propose it, and gives back the story.
pub fn compare_with_stored(
    archive: &Archive,
    article: &[u8],
    story_id: i64,
    options: &CheckOptions,
) -> Result<(Report, Story)> {
    let article = decode_article(article)?;
    let story = archive.get(story_id)?;
    // The archive says which of the article's words are rare, as in a check.
    let prepared = prepare_article(&article, options)?;
    let rare = rare_words_in(archive, &prepared, options)?;
    let report = compare_one(prepared, story.clone(), &rare, options);
    Ok((report, story))
}

/// Compares the article (plain text, or pasted HTML reduced to its text, as
/// [`check_text`](crate::check_text) takes it) with `candidates`, the stories retrieval would
/// propose, in its order: the report [`check_text`](crate::check_text) gives when retrieval
/// finds exactly these stories. The options' exclusions and dates apply to them as in a check.
/// A story given twice is refused.
///
/// `rare_postings(term)` lists the stories holding a full-text term, as
/// [`pick_candidates`](crate::pick_candidates) takes it: the verdict asks how many of the
/// article's rare words its source holds (`|_| Vec::new()` when the caller has no lists: the
/// verdict then does without).
pub fn compare_with_candidates(
    article: &str,
    candidates: Vec<Story>,
    rare_postings: impl FnMut(&str) -> Vec<i64>,
    options: &CheckOptions,
) -> Result<Report> {
    let article = prepare_article(article, options)?;
    let rare = rare_words_given(&article, &options.retrieve, rare_postings);
    compare_given(article, candidates, &rare, options)
}

/// The comparison of a check with the candidates retrieval found: those the options exclude
/// set aside, then [`compare_stories`].
pub(crate) fn compare_given(
    article: Prepared,
    candidates: Vec<Story>,
    rare: &RareWords,
    options: &CheckOptions,
) -> Result<Report> {
    let ids: Vec<i64> = candidates.iter().map(|s| s.id).collect();
    distinct_ids(&ids)?;
    let candidates = candidates
        .into_iter()
        .filter(|story| eligible(story, options))
        .collect();
    Ok(compare_stories(article, candidates, rare, options))
}

/// The wire story as an import would read it: one story, its agency the name given, else the
/// metadata's, else the story's dateline or credit.
fn read_story(
    source: &[u8],
    origin: &str,
    agency: Option<&str>,
    options: &CheckOptions,
) -> Result<Story> {
    let mut stories = parse_file(source, origin)
        .map_err(|reason| Error::Invalid(format!("the wire story cannot be read: {reason}")))?;
    if stories.len() > 1 {
        return Err(Error::Invalid(format!(
            "the wire story holds {} stories; compare takes one (import them to check against all)",
            stories.len()
        )));
    }
    let importer = Importer::new()
        .agencies(options.agencies.clone())
        .agency(agency.map(str::to_string))?;
    let story = stories
        .pop()
        .ok_or_else(|| Error::Invalid("the wire story cannot be read: it holds no story".into()))?;
    Ok(Story::unstored(importer.resolve_agency(story)))
}

/// The article compared with the one story asked about: no date or agency rule of the options
/// may take it away. `rare` are the article's rare words, when an archive was asked.
fn compare_one(
    article: Prepared,
    story: Story,
    rare: &RareWords,
    options: &CheckOptions,
) -> Report {
    let options = CheckOptions {
        published_before: None,
        exclude_agencies: Vec::new(),
        exclude_sources: Vec::new(),
        ..options.clone()
    };
    compare_stories(article, vec![story], rare, &options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::Derived;

    const WIRE: &str = "OSLO, March 3 (Reuters) - Norway and the European Union agreed on Monday to \
        share this year's mackerel quota after three weeks of talks in Bergen, ending a dispute \
        that had kept trawlers in port since January. The deal gives Norwegian boats 31 percent \
        of the catch, officials said, and allows EU vessels to fish in Norwegian waters north of \
        the 62nd parallel until the end of October.";

    #[test]
    fn an_uncredited_copy_of_the_given_story_is_flagged_with_its_agency() {
        let article = "Norway and the European Union agreed on Monday to share this year's \
            mackerel quota after three weeks of talks in Bergen, ending a dispute that had kept \
            trawlers in port since January. The deal gives Norwegian boats 31 percent of the catch.";
        let report = compare(
            article.as_bytes(),
            WIRE.as_bytes(),
            None,
            &CheckOptions::default(),
        )
        .unwrap();
        assert_eq!(report.derived, Derived::Wholly);
        assert_eq!(report.sources.len(), 1);
        assert_eq!(report.sources[0].agency.as_deref(), Some("Reuters"));
        assert_eq!(report.flags.len(), 1, "not credited");
        assert_eq!(
            report.sources[0].id,
            crate::UNSTORED_STORY_ID,
            "the story given is in no archive: it has no archive id to collide with"
        );
        assert!(
            report.flags[0].reason.contains("the Reuters story given"),
            "the flag names the story given, not a stored story: {}",
            report.flags[0].reason
        );
    }

    #[test]
    fn the_agency_given_wins_and_unrelated_text_is_not_derived() {
        let report = compare(
            b"The village fete raised money for a new roof on the church hall this summer.",
            WIRE.as_bytes(),
            Some("afp"),
            &CheckOptions::default(),
        )
        .unwrap();
        assert_eq!(report.derived, Derived::None);
        let copy = compare(
            WIRE.as_bytes(),
            WIRE.as_bytes(),
            Some("afp"),
            &CheckOptions::default(),
        )
        .unwrap();
        assert_eq!(copy.sources[0].agency.as_deref(), Some("AFP"));
    }

    #[test]
    fn an_unreadable_story_is_a_clear_error() {
        let error = compare(
            b"Some article text.",
            b"\0\x01\x02binary",
            None,
            &CheckOptions::default(),
        )
        .unwrap_err();
        assert!(
            error.to_string().contains("wire story cannot be read"),
            "{error}"
        );
    }

    const ARTICLE: &str = "Norway and the European Union agreed on Monday to share this year's \
        mackerel quota after three weeks of talks in Bergen, ending a dispute that had kept \
        trawlers in port since January. The deal gives Norwegian boats 31 percent of the catch, \
        officials said.";

    fn stored(archive: &mut Archive, body: &str, agency: &str) -> i64 {
        let story = crate::NewStory {
            headline: "Mackerel quota agreed".into(),
            body: body.into(),
            agency: Some(agency.into()),
            origin: "test:mackerel".into(),
            ..crate::NewStory::default()
        };
        match archive.insert(story).unwrap() {
            crate::InsertOutcome::Inserted(id) => id,
            other => panic!("a new story: {other:?}"),
        }
    }

    #[test]
    fn the_given_story_comes_back_as_read_with_its_origin_and_word_count() {
        let (_, story) = compare_with_story(
            ARTICLE.as_bytes(),
            WIRE.as_bytes(),
            "pasted in Compare",
            Some("AP"),
            &CheckOptions::default(),
        )
        .unwrap();
        assert!(!story.is_stored());
        assert_eq!(story.origin, "pasted in Compare");
        assert_eq!(story.agency.as_deref(), Some("AP"), "the agency given wins");
        assert_eq!(story.body, WIRE);
        assert_eq!(
            story.words,
            crate::text::tokenize(WIRE).len() as i64,
            "words counted as an import counts them"
        );
    }

    #[test]
    fn a_stored_story_gives_the_passages_compare_gives_for_its_text() {
        // One pipeline: the story compared by id and the same story given as text.
        let mut archive = Archive::open_in_memory().unwrap();
        let id = stored(&mut archive, WIRE, "Reuters");
        let options = CheckOptions::default();
        let (by_id, story) =
            compare_with_stored(&archive, ARTICLE.as_bytes(), id, &options).unwrap();
        let given = compare(ARTICLE.as_bytes(), WIRE.as_bytes(), None, &options).unwrap();
        let checked = crate::check_text(&archive, ARTICLE, &options).unwrap();
        assert_eq!(story.id, id);
        let spans = |r: &Report| -> Vec<_> {
            r.passages
                .iter()
                .map(|p| {
                    (
                        p.article_start,
                        p.article_end,
                        p.source_start,
                        p.source_end,
                        p.kind,
                    )
                })
                .collect()
        };
        assert!(!spans(&by_id).is_empty());
        assert_eq!(spans(&by_id), spans(&given));
        assert_eq!(
            spans(&by_id),
            spans(&checked),
            "check retrieves it and compares the same way"
        );
        assert_eq!(by_id.sources[0].id, id, "a stored story keeps its id");
        // The archive says which of the article's words are rare, for the story picked by id as
        // for the check; a story given as text has no archive to ask.
        assert!(checked.measures.rare_words.is_some());
        assert_eq!(by_id.measures.rare_words, checked.measures.rare_words);
        assert_eq!(given.measures.rare_words, None);
        assert!(by_id.flags[0].reason.contains(&format!("story {id}")));
    }

    #[test]
    fn a_stored_story_is_compared_even_when_the_check_would_leave_it_out() {
        let mut archive = Archive::open_in_memory().unwrap();
        let id = stored(&mut archive, WIRE, "Reuters");
        // A check never proposes an excluded story, nor one published after a given date.
        let options = CheckOptions {
            exclude_sources: vec![id],
            exclude_agencies: vec!["Reuters".into()],
            published_before: Some("1990-01-01".into()),
            ..CheckOptions::default()
        };
        let checked = crate::check_text(&archive, ARTICLE, &options).unwrap();
        assert!(checked.sources.is_empty(), "{:?}", checked.sources);
        let (report, _) = compare_with_stored(&archive, ARTICLE.as_bytes(), id, &options).unwrap();
        assert_eq!(
            report.derived,
            Derived::Wholly,
            "did they use this one? yes"
        );
        assert_eq!(report.sources.len(), 1);
        assert!(report.article_date.is_none(), "no date rule is applied");
    }

    #[test]
    fn a_missing_story_or_an_empty_article_is_an_error_not_a_panic() {
        let archive = Archive::open_in_memory().unwrap();
        let options = CheckOptions::default();
        assert!(matches!(
            compare_with_stored(&archive, ARTICLE.as_bytes(), 42, &options),
            Err(Error::StoryNotFound(42))
        ));
        let mut archive = archive;
        let id = stored(&mut archive, WIRE, "Reuters");
        assert!(matches!(
            compare_with_stored(&archive, b"  \n ", id, &options),
            Err(Error::EmptyArticle)
        ));
        let big = vec![b'a'; MAX_ARTICLE_BYTES + 1];
        assert!(matches!(
            compare_with_stored(&archive, &big, id, &options),
            Err(Error::TooLarge { .. })
        ));
    }
}
