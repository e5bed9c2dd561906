//! Tests of `check`: the whole comparison on small archives, and its properties.

use proptest::prelude::*;

use super::*;
use crate::archive::NewStory;
use crate::archive::store::InsertOutcome;

/// Words for random stories: plain, accented, right-to-left, combining, numbers, quotes.
const WORDS: &[&str] = &[
    "harbour",
    "council",
    "ferry",
    "minister",
    "said",
    "the",
    "of",
    "a",
    "in",
    "on",
    "price",
    "workers",
    "strike",
    "talks",
    "Monday",
    "Tuesday",
    "river",
    "bridge",
    "police",
    "court",
    "judge",
    "fund",
    "million",
    "dollars",
    "per",
    "cent",
    "rose",
    "fell",
    "après",
    "café",
    "Zürich",
    "São",
    "Paulo",
    "مرحبا",
    "السلام",
    "שלום",
    "עולם",
    "e\u{301}te\u{301}",
    "na\u{308}ive",
    "1,200",
    "3.5%",
    "$640",
    "“quoted”",
    "'single'",
    "U.S.",
    "co-operate",
    "storm",
    "village",
    "school",
    "vote",
    "budget",
    "railway",
    "airport",
    "tanker",
    "grain",
    "export",
    "wildfire",
    "acres",
    "hospital",
    "doctors",
    "union",
    "wages",
];

fn text_of(indices: &[usize], breaks: &[usize]) -> String {
    let mut out = String::new();
    for (i, &w) in indices.iter().enumerate() {
        if i > 0 {
            out.push_str(match breaks.get(i % breaks.len().max(1)) {
                Some(0) => ". ",
                Some(1) => "\n\n",
                Some(2) => ", ",
                _ => " ",
            });
        }
        out.push_str(WORDS[w % WORDS.len()]);
    }
    out
}

fn archive_with(bodies: &[String]) -> Archive {
    let mut archive = Archive::open_in_memory().unwrap();
    for (i, body) in bodies.iter().enumerate() {
        archive
            .insert(NewStory {
                headline: format!("Story {i}"),
                body: body.clone(),
                agency: Some("Reuters".into()),
                origin: format!("test:{i}"),
                ..NewStory::default()
            })
            .unwrap();
    }
    archive
}

fn story_words() -> impl Strategy<Value = (Vec<usize>, Vec<usize>)> {
    (
        prop::collection::vec(0..10_000usize, 20..200),
        prop::collection::vec(0..12usize, 1..16),
    )
}

/// A fictional wire story, long enough to be a source on its own.
const HARBOUR: &str = "The harbour authority in Tarnby said on Monday it would close the \
    northern ferry landing for six weeks while divers inspected the piles beneath the pier, \
    after a survey found corrosion worse than engineers had expected.\n\nPassengers will \
    board at a temporary pontoon beside the fish market, and the crossing to Vell island \
    will run every ninety minutes instead of every hour, the authority said.\n\nHarbour \
    master Odile Brack said the repairs would cost about 2.4 million crowns and that the \
    landing should reopen before the summer timetable begins.";

fn dated_archive(stories: &[(&str, &str)]) -> (Archive, Vec<i64>) {
    let mut archive = Archive::open_in_memory().unwrap();
    let ids = stories
        .iter()
        .enumerate()
        .map(|(i, (published, body))| {
            archive
                .insert(NewStory {
                    headline: format!("Harbour story {i}"),
                    body: body.to_string(),
                    agency: Some("Reuters".into()),
                    published: Some(published.to_string()),
                    origin: format!("test:{i}"),
                    ..NewStory::default()
                })
                .unwrap()
        })
        .map(|outcome| match outcome {
            InsertOutcome::Inserted(id) => id,
            InsertOutcome::Duplicate(id) => panic!("story {id} stored twice"),
        })
        .collect();
    (archive, ids)
}

fn dated_article(dateline: &str) -> String {
    format!("Ferry landing to close for repairs\n\n{dateline}{HARBOUR}\n")
}

/// A passage of `source`: article words `article`, matched one for one with source words
/// from `at`.
fn found(source: usize, article: Range<usize>, at: usize, rewritten: bool) -> Found {
    let pairs: Vec<(usize, usize)> = article
        .clone()
        .map(|a| (a, at + a - article.start))
        .collect();
    Found {
        source,
        alignment: Alignment {
            source: at..at + article.len(),
            matched: pairs.len(),
            article,
            pairs,
        },
        rewritten,
        stock: false,
    }
}

fn versions_of(sources: &[Prepared]) -> Versions<'_> {
    Versions::new(sources.iter().map(|p| p.tokens.as_slice()).collect())
}

fn numbered(prefix: &str, n: usize) -> Prepared {
    Prepared::new(
        (0..n)
            .map(|i| format!("{prefix}{i}"))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

#[test]
fn a_rewritten_sentence_counts_only_near_a_copy_of_its_source() {
    let wire = numbered("wire", 200);
    let unrelated = numbered("other", 200);
    // A write-through of the wire story: the same words, a sentence added.
    let version = Prepared::new(format!("{} and more words at the end", wire.text));
    let sources = [wire, unrelated, version];
    let quoted = vec![false; 400];
    let kept = |found: Vec<Found>| -> Vec<(usize, bool)> {
        rewrites_with_evidence(found, &quoted, &mut versions_of(&sources))
            .iter()
            .map(|f| (f.source, f.rewritten))
            .collect()
    };

    // A copied paragraph of the wire story (a 15-word run), a sentence resembling the
    // unrelated story, a sentence resembling the wire's write-through.
    let copied = found(0, 0..15, 0, false);
    assert_eq!(
        kept(vec![
            copied.clone(),
            found(1, 40..50, 0, true),
            found(2, 60..70, 100, true),
            found(0, 80..90, 120, true),
            found(0, 230..240, 150, true),
        ]),
        vec![(0, false), (2, true), (0, true)],
        "the unrelated story's lookalike sentence goes, and so does the wire's sentence \
         215 words past the copy; the wire's and its version's near the copy stay"
    );

    // Only short runs: no source is copied, so only the main source's rewrites count.
    let short = found(0, 0..6, 0, false);
    assert_eq!(
        kept(vec![
            short,
            found(0, 10..40, 20, true),
            found(1, 50..60, 0, true)
        ]),
        vec![(0, false), (0, true)],
        "a story rewritten throughout keeps its rewritten sentences"
    );

    // Quoted words make no copy evidence.
    let quoted_all = vec![true; 400];
    let only_quotes = rewrites_with_evidence(
        vec![
            copied,
            found(1, 40..80, 0, true),
            found(0, 90..95, 30, true),
        ],
        &quoted_all,
        &mut versions_of(&sources),
    );
    assert_eq!(
        only_quotes
            .iter()
            .map(|f| (f.source, f.rewritten))
            .collect::<Vec<_>>(),
        vec![(0, false), (1, true)],
        "with no narration run, the main source (most found words) keeps its rewrites"
    );
}

#[test]
fn story_published_after_the_article_is_listed_later_not_as_a_source() {
    let (archive, ids) = dated_archive(&[("2019-03-06T08:00:00Z", HARBOUR)]);
    let article = dated_article("TARNBY, March 4, 2019 -- ");
    let report = check_text(&archive, &article, &CheckOptions::default()).unwrap();
    let date = report.article_date.as_ref().expect("the dateline is dated");
    assert_eq!(
        (date.date.as_str(), date.text.as_str(), date.from),
        ("2019-03-04", "March 4, 2019", DateFrom::Text)
    );
    let (start, end) = (date.start.unwrap(), date.end.unwrap());
    let written: String = report.text.chars().skip(start).take(end - start).collect();
    assert_eq!(
        written, "March 4, 2019",
        "offsets are characters of the text"
    );
    assert!(
        report.sources.is_empty() && report.flags.is_empty(),
        "a story published two days later cannot be the source: {:?}",
        report.sources
    );
    assert_eq!(report.derived, Derived::None);
    let later: Vec<i64> = report.published_later.iter().map(|s| s.id).collect();
    assert_eq!(later, ids, "the later story is listed apart");
    assert!(report.published_later[0].coverage > 0.9);
    assert_eq!(report.published_later[0].published, "2019-03-06T08:00:00Z");
}

/// The harbour article as a saved page stating `published` in its metadata, with `dateline`
/// before its text.
fn dated_page(published: &str, dateline: &str) -> String {
    let paragraphs: String = HARBOUR
        .split("\n\n")
        .enumerate()
        .map(|(i, p)| format!("<p>{}{p}</p>", if i == 0 { dateline } else { "" }))
        .collect();
    format!(
        "<html><head><meta property=\"article:published_time\" content=\"{published}\"></head>\
         <body><article><h1>Ferry landing to close for repairs</h1>{paragraphs}</article>\
         </body></html>"
    )
}

#[test]
fn a_saved_pages_metadata_dates_it_when_its_text_does_not() {
    let (archive, ids) = dated_archive(&[("2019-03-06T08:00:00Z", HARBOUR)]);
    let page = dated_page("2019-03-04T10:41:00+01:00", "");
    let report = check_text(&archive, &page, &CheckOptions::default()).unwrap();
    let date = report.article_date.as_ref().expect("the page is dated");
    assert_eq!(
        (
            date.date.as_str(),
            date.text.as_str(),
            date.from,
            date.start
        ),
        (
            "2019-03-04",
            "2019-03-04T10:41:00+01:00",
            DateFrom::Page,
            None
        )
    );
    assert!(report.sources.is_empty(), "{:?}", report.sources);
    let later: Vec<i64> = report.published_later.iter().map(|s| s.id).collect();
    assert_eq!(later, ids, "the story of two days later is listed apart");

    // A date in the text wins; the option wins over both; a page without a readable date
    // is undated.
    let report = check_text(
        &archive,
        &dated_page("2019-03-04T10:41:00Z", "TARNBY, March 8, 2019 -- "),
        &CheckOptions::default(),
    )
    .unwrap();
    let date = report.article_date.unwrap();
    assert_eq!(
        (date.date.as_str(), date.from),
        ("2019-03-08", DateFrom::Text)
    );
    assert_eq!(report.sources.first().map(|s| s.id), ids.first().copied());
    let options = CheckOptions {
        published_before: Some("2019-03-07".into()),
        ..CheckOptions::default()
    };
    let report = check_text(&archive, &page, &options).unwrap();
    assert_eq!(report.article_date.unwrap().from, DateFrom::Option);
    let report = check_text(
        &archive,
        &dated_page("last Tuesday", ""),
        &CheckOptions::default(),
    )
    .unwrap();
    assert_eq!(report.article_date, None);
    assert_eq!(report.sources.first().map(|s| s.id), ids.first().copied());
}

#[test]
fn story_of_the_same_day_stays_a_source() {
    let (archive, ids) = dated_archive(&[("2019-03-04T23:30:00Z", HARBOUR)]);
    let article = dated_article("TARNBY, March 4, 2019 -- ");
    let report = check_text(&archive, &article, &CheckOptions::default()).unwrap();
    assert_eq!(report.sources.first().map(|s| s.id), ids.first().copied());
    assert!(report.published_later.is_empty());
}

#[test]
fn earlier_source_wins_over_a_later_copy() {
    let later = format!("{HARBOUR}\n\nThe authority apologised for the disruption.");
    let (archive, ids) = dated_archive(&[
        ("2019-03-03T09:00:00Z", HARBOUR),
        ("2019-03-09T09:00:00Z", &later),
    ]);
    let article = dated_article("TARNBY, March 4, 2019 -- ");
    let report = check_text(&archive, &article, &CheckOptions::default()).unwrap();
    let sources: Vec<i64> = report.sources.iter().map(|s| s.id).collect();
    assert_eq!(sources, vec![ids[0]], "only the earlier story is a source");
    assert!(
        report.published_later.iter().all(|s| s.id != ids[0]),
        "a source is never also listed as later: {:?}",
        report.published_later
    );
}

#[test]
fn undated_article_and_undated_stories_are_unaffected() {
    let (archive, ids) = dated_archive(&[("sometime in spring", HARBOUR)]);
    let report = check_text(&archive, &dated_article(""), &CheckOptions::default()).unwrap();
    assert_eq!(report.article_date, None);
    assert_eq!(report.sources.first().map(|s| s.id), ids.first().copied());
    let report = check_text(
        &archive,
        &dated_article("TARNBY, March 4, 2019 -- "),
        &CheckOptions::default(),
    )
    .unwrap();
    assert_eq!(
        report.sources.first().map(|s| s.id),
        ids.first().copied(),
        "a story whose publication date cannot be read is kept"
    );
}

#[test]
fn published_before_option_overrides_the_date_in_the_text() {
    let (archive, ids) = dated_archive(&[("2019-03-06T08:00:00Z", HARBOUR)]);
    let article = dated_article("TARNBY, March 4, 2019 -- ");
    let options = CheckOptions {
        published_before: Some("2019-03-07".into()),
        ..CheckOptions::default()
    };
    let report = check_text(&archive, &article, &options).unwrap();
    let date = report.article_date.as_ref().unwrap();
    assert_eq!(
        (date.date.as_str(), date.from, date.start),
        ("2019-03-07", DateFrom::Option, None)
    );
    assert_eq!(report.sources.first().map(|s| s.id), ids.first().copied());
    assert!(report.published_later.is_empty());

    // The option keeps its strict meaning: a story of that very day is excluded.
    let options = CheckOptions {
        published_before: Some("2019-03-06".into()),
        ..CheckOptions::default()
    };
    let report = check_text(&archive, &article, &options).unwrap();
    assert!(report.sources.is_empty());
    assert_eq!(
        report
            .published_later
            .iter()
            .map(|s| s.id)
            .collect::<Vec<_>>(),
        ids
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// An article checked against an archive that holds it is wholly derived from it, with
    /// full coverage, whatever its script.
    #[test]
    fn an_article_stored_in_the_archive_is_wholly_derived_from_it(
        (words, breaks) in story_words(),
        (other, other_breaks) in story_words(),
    ) {
        let article = text_of(&words, &breaks);
        let archive = archive_with(&[text_of(&other, &other_breaks), article.clone()]);
        let report = check_text(&archive, &article, &CheckOptions::default()).unwrap();
        prop_assert_eq!(report.derived, Derived::Wholly);
        prop_assert!((report.coverage - 1.0).abs() < 1e-9, "coverage {}", report.coverage);
        prop_assert_eq!(report.sources.first().map(|s| s.origin.as_str()), Some("test:1"));
    }

    /// Offsets are characters inside the texts, passages never overlap in the article,
    /// and the shares stay within 0..=1, on articles mixing stored and fresh text.
    #[test]
    fn passages_are_well_formed(
        stored in prop::collection::vec(story_words(), 1..4),
        (fresh, fresh_breaks) in story_words(),
        cut in (0usize..200, 0usize..200),
    ) {
        let bodies: Vec<String> = stored.iter().map(|(w, b)| text_of(w, b)).collect();
        let archive = archive_with(&bodies);
        let first = &stored[0].0;
        let (a, b) = (cut.0.min(first.len()), cut.1.min(first.len()));
        let copied = text_of(&first[a.min(b)..a.max(b)], &stored[0].1);
        let article = format!("{}\n\n{copied}\n\n{}", text_of(&fresh, &fresh_breaks), bodies.last().unwrap());
        let report = check_text(&archive, &article, &CheckOptions::default()).unwrap();

        prop_assert!((0.0..=1.0).contains(&report.coverage));
        prop_assert!(report.rewritten >= 0.0 && report.rewritten <= report.coverage + 1e-9);
        let article_chars = report.text.chars().count();
        let mut last_end = 0;
        for p in &report.passages {
            prop_assert!(p.article_start < p.article_end && p.article_end <= article_chars, "{p:?}");
            prop_assert!(p.article_start >= last_end, "passages overlap in the article: {p:?}");
            last_end = p.article_end;
            let body = archive.get(p.source_id).unwrap().body;
            prop_assert!(p.source_start <= p.source_end && p.source_end <= body.chars().count(), "{p:?}");
            // Each diff op's offsets slice its text out of its side, inside the passage.
            for op in &p.diff {
                let (side, start, end) = match op.op {
                    crate::report::DiffTag::Delete => (&body, p.source_start, p.source_end),
                    _ => (&report.text, p.article_start, p.article_end),
                };
                let written: String = side.chars().skip(op.start).take(op.end.saturating_sub(op.start)).collect();
                prop_assert_eq!(&written, &op.text, "{:?} in {:?}", op, p);
                prop_assert!(start <= op.start && op.end <= end, "the op lies inside its passage: {:?} {:?}", op, p);
            }
        }
        for s in &report.sources {
            prop_assert!((0.0..=1.0).contains(&s.coverage));
        }
    }
}

#[test]
fn a_french_copy_reports_its_language_and_a_report_saved_before_languages_loads() {
    let story = "La compagnie de ferries a annoncé lundi que la traversée vers l'île \
                 reprendrait en juin après la réparation de la digue du port, endommagée \
                 par les tempêtes de l'hiver, a indiqué la direction du port.";
    let archive = archive_with(&[story.to_string()]);
    let article = format!("Les ferries reprennent en juin\n\n{story}");
    let report = check_text(&archive, &article, &CheckOptions::default()).unwrap();
    assert_eq!(report.language.as_deref(), Some("fr"));
    assert_eq!(report.sources[0].language.as_deref(), Some("fr"));

    let mut saved = serde_json::to_value(&report).unwrap();
    saved.as_object_mut().unwrap().remove("language");
    for source in saved["sources"].as_array_mut().unwrap() {
        source.as_object_mut().unwrap().remove("language");
    }
    let loaded: Report = serde_json::from_value(saved).expect("an older report loads");
    assert_eq!(loaded.language, None);
    assert_eq!(loaded.sources[0].language, None);
}

/// A ratings notice, five credit-market stories that carry the notice's frame words (the
/// agency, the debt, the outlook), and a story on another company: an archive in which the
/// frame's words are common and each company's words rare, as in a wire archive.
const RATINGS_NOTICE: &str = "NEW YORK, April 14 (Reuters) - Halvard Ratings Service said on \
    Tuesday it upgraded the senior unsecured debt of Orwin Paper Co to A-2 from A-3, affecting \
    about 440 mln dlrs of securities.\n\nThe rating agency cited lower leverage after Orwin sold \
    its Kettering foundry and steadier prices for containerboard.\n\nThe outlook is stable.";

const CREDIT_MARKETS: [&str; 5] = [
    "Corporate bond spreads narrowed on Monday. Investors bought senior unsecured debt of \
     industrial companies after a rating agency said the outlook for defaults was stable, and \
     securities affecting pension funds were upgraded by Halvard Ratings Service, which cited \
     lower leverage across the sector.",
    "Halvard Ratings Service cited weaker demand when it cut a retailer on Friday. The agency \
     said senior unsecured debt affecting about 200 mln dlrs of securities would be reviewed; \
     the outlook is negative. It upgraded none of the chain's rivals, citing leverage.",
    "A Halvard Ratings Service report said upgraded companies outnumbered downgraded ones for \
     the first time since 2019. The agency cited lower leverage and a stable outlook for senior \
     unsecured debt, affecting the prices of securities held by insurers.",
    "Rating agency Halvard Ratings Service has upgraded the senior unsecured debt of a utility. \
     The move, affecting 310 mln dlrs of securities, cited lower leverage after a rate case, and \
     the outlook is stable, the agency said.",
    "Bond traders said senior unsecured debt rallied after Halvard Ratings Service upgraded a \
     shipping group, affecting securities across the sector. The agency cited lower leverage and \
     put a stable outlook on the group, whose leverage it said had fallen.",
];

const OTHER_COMPANY: &str = "OMAHA, Neb., Jan 12 (Reuters) - Brennick Foods Inc said on Monday \
    it named Lisa Marr, head of its cereals division, as chief executive. Marr, 51, joined the \
    maker of breakfast cereals and packaged snacks in 2009.";

fn ratings_archive() -> Archive {
    let mut bodies = vec![RATINGS_NOTICE.to_string(), OTHER_COMPANY.to_string()];
    bodies.extend(CREDIT_MARKETS.iter().map(|s| s.to_string()));
    archive_with(&bodies)
}

/// The archive of [`ratings_archive`] is small: a word held by more than three of its stories
/// is common in it, as one held by more than fifty is in a wire archive.
fn ratings_options(rare_words: bool) -> CheckOptions {
    let mut options = CheckOptions::default();
    options.retrieve.rare_max_stories = 3;
    if !rare_words {
        options.retrieve.rare_words = 0;
    }
    options
}

#[test]
fn another_companys_notice_in_the_same_frame_is_not_a_rewrite_of_the_notice() {
    let archive = ratings_archive();
    let article = "Halvard lifts Brennick Foods\n\nHalvard Ratings Service said on Wednesday \
        it had upgraded Brennick Foods Inc by one notch, a move affecting the senior unsecured \
        debt of the Omaha company.\n\nThe rating agency cited lower leverage now that the \
        Wexley bakery has been sold, and steadier demand for cereals and snacks.\n\nThe \
        outlook is stable.";
    let report = check_text(&archive, article, &ratings_options(true)).unwrap();
    let m = &report.measures;
    assert!(
        m.longest_run < MIN_NARRATION_RUN && m.template < 0.3 && m.containment >= 0.5,
        "the frame shares most content words and no long run: {m:?}"
    );
    assert!(
        m.rare_words.is_some_and(|r| r < 0.5),
        "the article's rare words are its own company's: {m:?}"
    );
    assert_eq!(report.derived, Derived::None, "{m:?}");
    assert!(report.sources.is_empty());

    // Without the archive's rarity the same evidence reads as a rewrite of the notice.
    let without = check_text(&archive, article, &ratings_options(false)).unwrap();
    assert_ne!(without.derived, Derived::None);
}

#[test]
fn a_rewrite_of_the_notice_keeps_its_rare_words_and_is_derived() {
    let archive = ratings_archive();
    let article = "Orwin Paper debt upgraded\n\nOrwin Paper Co's senior unsecured debt, some \
        440 mln dlrs of securities, was lifted on Tuesday to A-2 from A-3 by Halvard Ratings \
        Service.\n\nSelling the Kettering foundry lowered leverage at Orwin, the rating agency \
        said, and containerboard prices have steadied.\n\nIts outlook is stable.";
    let report = check_text(&archive, article, &ratings_options(true)).unwrap();
    let m = &report.measures;
    assert!(m.longest_run < MIN_NARRATION_RUN, "a rewrite: {m:?}");
    assert!(m.rare_words.is_some_and(|r| r >= 0.5), "{m:?}");
    assert_ne!(report.derived, Derived::None, "{m:?}");
    assert_eq!(report.sources[0].id, 1, "the notice is the source");
}

/// A strike on its first day, as the wire told it, beside other stories of the archive.
const STRIKE: &str = "SAO PAULO, March 2 (Reuters) - About 40,000 bank workers in Sao Paulo \
    state stopped work on Monday to demand a 25 pct pay rise, closing 1,200 branches, the \
    bankworkers' union said.\n\nThe union said the strike would continue until the Federation \
    of Banks improved its offer of 12 pct. Banks kept their cash machines open.\n\nA federation \
    spokesman said talks would resume on Wednesday.";

fn strike_archive() -> Archive {
    archive_with(&[STRIKE.to_string(), OTHER_COMPANY.to_string()])
}

#[test]
fn a_follow_up_of_another_day_brings_new_figures_and_is_not_a_rewrite() {
    let archive = strike_archive();
    let article = "Bank strike enters fifth day\n\nSAO PAULO, March 6 (Reuters) - The strike by \
        bank workers in Sao Paulo state went into its fifth day on Friday with 65,000 out, the \
        bankworkers' union said, and 2,300 branches shut in support of a pay rise.\n\nThe union \
        said the walkout would go on until the Federation of Banks bettered the offer it raised \
        on Thursday. Cash machines stayed open.\n\nA spokesman for the federation said talks \
        would resume on Tuesday, 10 March.";
    let report = check_text(&archive, article, &CheckOptions::default()).unwrap();
    let m = &report.measures;
    assert!(
        m.longest_run < MIN_NARRATION_RUN && m.quoted + m.template < 0.3 && m.containment >= 0.5,
        "the follow-up retells the first day in its words, with no long run: {m:?}"
    );
    assert!(
        m.figures.is_some_and(|f| f < 0.5),
        "its figures are the fifth day's: {m:?}"
    );
    // Its figures are what sets it aside: the same evidence with the first day's figures reads
    // as a rewrite.
    let same_figures = Features {
        figures: Some(1.0),
        ..m.clone()
    };
    assert!(crate::verdict::has_copy_evidence(&same_figures));
    assert_ne!(
        Thresholds::standard().decide(&same_figures).derived,
        Derived::None
    );
    assert_eq!(report.derived, Derived::None, "{m:?}");
    assert!(report.sources.is_empty());
}

#[test]
fn a_rewrite_of_the_strike_keeps_its_figures_and_is_derived() {
    let archive = strike_archive();
    let article = "Sao Paulo bank staff walk out\n\nSome 40,000 Sao Paulo state bank workers \
        stopped work on Monday, their union said, shutting 1,200 branches in a demand for a 25 \
        pct pay rise.\n\nThe strike goes on until the Federation of Banks improves its 12 pct \
        offer, the union said, though banks kept cash machines open. Talks resume on Wednesday, \
        according to a federation spokesman.";
    let report = check_text(&archive, article, &CheckOptions::default()).unwrap();
    let m = &report.measures;
    assert!(m.longest_run < MIN_NARRATION_RUN, "a rewrite: {m:?}");
    assert_eq!(m.figures, Some(1.0), "{m:?}");
    assert_ne!(report.derived, Derived::None, "{m:?}");
    assert_eq!(
        report.sources[0].id, 1,
        "the first day's story is the source"
    );

    // A web page's date line and copyright are not the story's figures.
    let page = format!("Updated: 2024-05-02 10:41\n\n{article}\n\n© 2024 Lowvale Courier");
    let report = check_text(&archive, &page, &CheckOptions::default()).unwrap();
    assert_eq!(report.measures.figures, Some(1.0), "{:?}", report.measures);
    assert_ne!(report.derived, Derived::None);
}

#[test]
fn words_the_source_quotes_count_as_quoted_in_the_article() {
    let article = Prepared::new(
        "The council said the bridge will close. It is unsafe for lorries and buses, officials \
         said."
            .to_string(),
    );
    let source = Prepared::new(
        "\"The bridge will close. It is unsafe for lorries and coaches,\" the council said."
            .to_string(),
    );
    let norms = |p: &Prepared| p.tokens.iter().map(|t| t.norm.clone()).collect::<Vec<_>>();
    assert_eq!(norms(&article)[4], "bridge");
    assert_eq!(norms(&source)[1], "bridge");
    // "the bridge will close it is unsafe for lorries and" matched but for "close" (a word
    // between two matched words of the quotation), then "buses" for "coaches" unmatched,
    // then the source's "said", outside its quote, matched to the article's last word.
    let mut pairs: Vec<(usize, usize)> = (0..10).filter(|&i| i != 3).map(|i| (3 + i, i)).collect();
    pairs.push((15, 13));
    let found = Found {
        source: 0,
        alignment: Alignment::from_pairs(pairs).unwrap(),
        rewritten: false,
        stock: false,
    };
    let quoted = quoted_either_side(&article, std::slice::from_ref(&found), &[source]);
    let marked: Vec<&str> = article
        .tokens
        .iter()
        .zip(&quoted)
        .filter(|(_, q)| **q)
        .map(|(t, _)| t.norm.as_str())
        .collect();
    // Matched words of the source's quotation are quoted; "the council said" before them
    // and "officials said" after are the article's own narration.
    assert_eq!(
        marked,
        [
            "the", "bridge", "will", "close", "it", "is", "unsafe", "for", "lorries", "and"
        ]
    );
    // Without a passage nothing is marked that the article does not quote itself.
    let none = quoted_either_side(&article, &[], &[]);
    assert!(none.iter().all(|q| !q));
}

/// A wire story that quotes a ministry's statement at length (fictional).
const STATEMENT_STORY: &str = "WELLINGTON, Feb 3 (Reuters) - New Zealand's foreign ministry on \
    Tuesday condemned the bombing of a bus station in the Fijian town of Labasa that killed nine \
    people and wounded 30.\n\n\"New Zealand condemns in the strongest terms the cowardly bombing \
    at the Labasa bus station, which took the lives of nine people and injured many more. Our \
    thoughts are with the families of those killed and with everyone hurt in this senseless \
    act,\" the ministry said in a statement.\n\n\"We stand with the Government and people of \
    Fiji and will offer any help they need to bring those responsible to justice,\" the \
    statement added.\n\nFijian police said they had arrested two men in connection with the \
    blast, which struck during the morning rush as commuters waited for buses to Savusavu. No \
    group has claimed responsibility.\n\nIt was the first deadly bombing in Fiji since \
    independence, officials in Suva said, and the government has ordered extra patrols at \
    markets and ferry terminals across Vanua Levu.";

#[test]
fn the_statement_a_wire_story_quotes_printed_by_its_issuer_is_not_derived() {
    let archive = archive_with(&[STATEMENT_STORY.to_string(), OTHER_COMPANY.to_string()]);
    // The ministry's own page: the statement, without quotation marks, and its consular line.
    let page = "Statement on the bombing in Labasa\n\nMinistry of Foreign Affairs and Trade\n\n3 \
        February 2026\n\nNew Zealand condemns in the strongest terms the cowardly bombing at the \
        Labasa bus station, which took the lives of nine people and injured many more. Our \
        thoughts are with the families of those killed and with everyone hurt in this senseless \
        act.\n\nWe stand with the Government and people of Fiji and will offer any help they \
        need to bring those responsible to justice.\n\nNew Zealanders in Fiji who need consular \
        help should call the High Commission in Suva, which is open around the clock.";
    let report = check_text(&archive, page, &CheckOptions::default()).unwrap();
    let m = &report.measures;
    assert!(
        m.quoted > 0.8,
        "the shared words are the statement the wire quotes: {m:?}"
    );
    assert_eq!(report.derived, Derived::None, "{m:?}");
    assert!(report.sources.is_empty());

    // A site's copy of the wire story, its quotes and narration, is derived from it.
    let copy = "Bus station bomb kills nine in Fiji\n\nNew Zealand's foreign ministry on Tuesday \
        condemned the bombing of a bus station in the Fijian town of Labasa that killed nine \
        people and wounded 30.\n\n\"New Zealand condemns in the strongest terms the cowardly \
        bombing at the Labasa bus station, which took the lives of nine people and injured many \
        more,\" the ministry said in a statement.\n\nFijian police said they had arrested two \
        men in connection with the blast, which struck during the morning rush as commuters \
        waited for buses to Savusavu. No group has claimed responsibility.";
    let report = check_text(&archive, copy, &CheckOptions::default()).unwrap();
    assert_ne!(report.derived, Derived::None, "{:?}", report.measures);
    assert_eq!(report.sources[0].id, 1);
}

#[test]
fn a_story_stored_the_next_day_in_utc_is_not_published_later_than_a_local_date() {
    // "May 4, 2026 8:58 PM CDT" is 01:58 on 5 May in UTC, after an AP story stored at 01:40:
    // the text's date is local, the archive's UTC, so the next day is kept as a possible
    // source; two days on is later.
    let story = |published: &str| {
        Story::unstored(NewStory {
            headline: published.to_string(),
            body: "Bus drivers voted to strike.".into(),
            published: Some(published.to_string()),
            ..NewStory::default()
        })
    };
    let date = ArticleDate {
        date: "2026-05-04T20:58".into(),
        text: "May 4, 2026 8:58 PM".into(),
        start: Some(0),
        end: Some(19),
        from: DateFrom::Text,
    };
    let (kept, later) = split_by_date(
        vec![
            story("2026-05-04T09:00:00Z"),
            story("2026-05-05T01:40:00Z"),
            story("2026-05-06T08:00:00Z"),
        ],
        Some(&date),
    );
    let headlines = |v: &[Story]| v.iter().map(|s| s.headline.clone()).collect::<Vec<_>>();
    assert_eq!(
        headlines(&kept),
        ["2026-05-04T09:00:00Z", "2026-05-05T01:40:00Z"]
    );
    assert_eq!(headlines(&later), ["2026-05-06T08:00:00Z"]);
}

/// A wire story that recalls its own agency's earlier report (fictional).
const SELF_REFERENCE_STORY: &str = "ANTOFALTA, Chile, Sept 9 (Reuters) - Workers at the Cerro \
    Blanco copper mine extended their strike into a third week on Wednesday after talks with the \
    owner, Tallis Resources, broke down over bonuses and shift patterns.\n\nThe union, which \
    represents about 1,900 miners, said pickets would stay at the gates of the pit in the \
    Antofalta region. \"We are ready to stay out as long as it takes,\" union leader Marta \
    Quispe said.\n\nReuters reported earlier this week that the company had raised its bonus \
    offer twice during talks mediated by the labour ministry, and that the two sides remained \
    far apart on the length of shifts.\n\nThe mine produced about 310,000 tonnes of copper last \
    year, and analysts said a long stoppage could lift prices that have already risen by a \
    tenth since July.";

#[test]
fn an_agency_named_inside_the_copied_story_is_not_a_credit_for_it() {
    let archive = archive_with(&[SELF_REFERENCE_STORY.to_string(), OTHER_COMPANY.to_string()]);
    let body = SELF_REFERENCE_STORY
        .split_once(" - ")
        .map(|(_, body)| body)
        .unwrap();
    // The copy without its dateline: "Reuters reported earlier this week" is the story's own
    // sentence, copied with it.
    let copy = format!("Chile copper strike enters third week\n\n{body}");
    let report = check_text(&archive, &copy, &CheckOptions::default()).unwrap();
    assert_ne!(report.derived, Derived::None, "{:?}", report.measures);
    assert_eq!(report.sources[0].id, 1);
    assert!(
        report.credits.iter().any(|c| c.agency == "Reuters"),
        "the phrase reads as attribution: {:?}",
        report.credits
    );
    assert!(
        !report.sources[0].credited,
        "{:?}",
        report.sources[0].credit
    );
    assert_eq!(report.flags.len(), 1);

    // The same copy with an attribution of its own, which the story does not hold, credits it.
    let credited = format!("{copy}\n\nThe strike details are according to Reuters.");
    let report = check_text(&archive, &credited, &CheckOptions::default()).unwrap();
    assert!(report.sources[0].credited, "{:?}", report.credits);
    assert!(report.flags.is_empty());
}

#[test]
fn the_agency_s_tagline_copied_with_its_story_credits_it() {
    let tagged = format!(
        "{SELF_REFERENCE_STORY}\n\nThis report by Reuters was first published Sept. 9, 2026."
    );
    let archive = archive_with(&[tagged.clone(), OTHER_COMPANY.to_string()]);
    let body = tagged.split_once(" - ").map(|(_, body)| body).unwrap();
    let copy = format!("Chile copper strike enters third week\n\n{body}");
    let report = check_text(&archive, &copy, &CheckOptions::default()).unwrap();
    assert_ne!(report.derived, Derived::None, "{:?}", report.measures);
    assert!(
        report.sources[0].credited,
        "the tagline names this report as the agency's: {:?}",
        report.credits
    );
    assert!(report.flags.is_empty());
}

/// A release stored under its wire, with its issuer's "About" section.
const TIDEWATER_RELEASE: &str = "HARWICH, Maine, Nov. 29, 2026 /PRNewswire/ -- Tidewater \
    Kelp Co. today announced it will build a seaweed drying plant in Harwich that will employ 85 \
    people when it opens in the spring of 2028, doubling the company's output of dried kelp for \
    food and fertiliser makers.\n\nThe plant will dry kelp harvested from the company's farms in \
    Casco Bay with heat recovered from a neighbouring paper mill, cutting the energy used per \
    tonne by almost two thirds, the company said.\n\n\"Harwich gives us the mill's heat, the \
    harbour and the people we need,\" said Mara Quell, chief executive of Tidewater Kelp. \"We \
    expect to be drying our first harvest there within eighteen months.\"\n\nAbout Tidewater \
    Kelp\n\nTidewater Kelp farms and processes seaweed on the coast of Maine.\n";

#[test]
fn a_release_is_credited_by_its_issuer_named_in_its_about_section() {
    let mut archive = Archive::open_in_memory().unwrap();
    archive
        .insert(NewStory {
            headline: "Tidewater Kelp to build drying plant in Harwich".into(),
            body: TIDEWATER_RELEASE.into(),
            agency: Some("PR Newswire".into()),
            origin: "test:release".into(),
            ..NewStory::default()
        })
        .unwrap();
    let body = TIDEWATER_RELEASE
        .split("\n\nAbout ")
        .next()
        .unwrap()
        .replace("HARWICH, Maine, Nov. 29, 2026 /PRNewswire/ -- ", "");
    let credited =
        format!("Kelp plant coming to Harwich\n\n{body}\n\nSource: Tidewater Kelp Co.\n");
    let report = check_text(&archive, &credited, &CheckOptions::default()).unwrap();
    assert_eq!(report.derived, Derived::Wholly, "{:?}", report.measures);
    let source = &report.sources[0];
    assert!(
        source.credited,
        "the issuer credits its release: {:?}",
        report.credits
    );
    assert!(report.flags.is_empty());

    let uncredited = format!("Kelp plant coming to Harwich\n\n{body}\n");
    let report = check_text(&archive, &uncredited, &CheckOptions::default()).unwrap();
    assert!(!report.sources[0].credited);
    assert_eq!(report.flags.len(), 1, "the copy with no credit is flagged");
}

#[test]
fn a_release_without_an_about_section_is_credited_by_the_issuer_its_lead_names() {
    let release = TIDEWATER_RELEASE.split("\n\nAbout ").next().unwrap();
    let mut archive = Archive::open_in_memory().unwrap();
    archive
        .insert(NewStory {
            headline: "Tidewater Kelp to build drying plant in Harwich".into(),
            body: format!("{release}\n"),
            agency: Some("PR Newswire".into()),
            origin: "test:release".into(),
            ..NewStory::default()
        })
        .unwrap();
    let body = release.replace("HARWICH, Maine, Nov. 29, 2026 /PRNewswire/ -- ", "");
    let credited = format!(
        "Kelp plant coming to Harwich\n\n{body}\n\nThis article is based on a press release \
         from Tidewater Kelp.\n"
    );
    let report = check_text(&archive, &credited, &CheckOptions::default()).unwrap();
    assert_ne!(report.derived, Derived::None, "{:?}", report.measures);
    assert!(
        report.sources[0].credited,
        "the issuer its lead names credits the release: {:?}",
        report.credits
    );
    assert!(report.flags.is_empty());

    let other = format!(
        "Kelp plant coming to Harwich\n\n{body}\n\nThis article is based on a press release \
         from Harwich Paper Mill.\n"
    );
    let report = check_text(&archive, &other, &CheckOptions::default()).unwrap();
    assert!(
        !report.sources[0].credited,
        "another company is not the issuer"
    );
    assert_eq!(report.flags.len(), 1);
}
