//! Two texts in, a report out: the article compared with one given wire story, the check an
//! editor makes with the agency's story open beside the page.
//!
//! The comparison is a check against an archive that holds that one story, in memory: the same
//! stages, the same report, with nothing written anywhere.

use crate::archive::NewStory;
use crate::archive::import::parse_file;
use crate::archive::importer::Importer;
use crate::archive::store::{Archive, InsertOutcome, Story};
use crate::check::{CheckOptions, MAX_ARTICLE_BYTES, check};
use crate::report::Report;
use crate::{Error, Result};

/// Compares the article (bytes, as [`check`] takes them) with one wire story given as bytes
/// in any format the importer reads (plain text, HTML, NITF, NewsML-G2, legacy wire text).
/// The story's agency is read from it (dateline, credit, metadata) unless `agency` is given.
pub fn compare(
    article: &[u8],
    source: &[u8],
    agency: Option<&str>,
    options: &CheckOptions,
) -> Result<Report> {
    compare_with_story(article, source, agency, options).map(|(report, _)| report)
}

/// [`compare`], also giving back the story as it was read (its id is the report's source id),
/// for a caller that shows the two texts side by side.
pub fn compare_with_story(
    article: &[u8],
    source: &[u8],
    agency: Option<&str>,
    options: &CheckOptions,
) -> Result<(Report, Story)> {
    if source.len() > MAX_ARTICLE_BYTES {
        return Err(Error::TooLarge {
            size: source.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let mut stories: Vec<NewStory> = parse_file(source, "compare:source")
        .map_err(|reason| Error::Invalid(format!("the wire story cannot be read: {reason}")))?;
    if stories.len() > 1 {
        return Err(Error::Invalid(format!(
            "the wire story holds {} stories; compare takes one (import them to check against all)",
            stories.len()
        )));
    }
    // The same agency rules as an import: the name given, else the metadata's, else the
    // story's dateline or credit.
    let importer = Importer::new()
        .agencies(options.agencies.clone())
        .agency(agency.map(str::to_string))?;
    let story = importer.resolve_agency(stories.remove(0));
    let mut archive = Archive::open_in_memory()?;
    let (InsertOutcome::Inserted(id) | InsertOutcome::Duplicate(id)) = archive.insert(story)?;
    // The story is the one source asked about: no date or agency rule may take it away.
    let options = CheckOptions {
        published_before: None,
        exclude_agencies: Vec::new(),
        exclude_sources: Vec::new(),
        ..options.clone()
    };
    let report = check(&archive, article, &options)?;
    let story = archive.get(id)?;
    Ok((report, story))
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
}
