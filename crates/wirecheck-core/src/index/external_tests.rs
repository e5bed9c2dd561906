//! Retrieval outside the archive picks the candidates a check picks, and comparing with them
//! gives the check's report.

use std::collections::HashMap;

use super::*;
use crate::archive::NewStory;
use crate::archive::store::{Archive, Story};
use crate::check::{check_text, retrieve_candidates};
use crate::pairwise::compare_with_candidates;

const HARBOUR: &str = "The harbour board of Tarnby voted on Tuesday to buy six electric tugs \
    from a Finnish yard, replacing a diesel fleet that has served the port since the 1990s. The \
    first two tugs will arrive next spring, the board said, and crews will train on them over the \
    winter at the old pilot station on the north quay.";
const FERRY: &str = "Ferry crossings between Ostholm and the mainland resumed on Wednesday \
    after engineers repaired the storm-damaged ramp at the island's only pier, the operator said. \
    Islanders had relied on a fishing boat chartered by the council for nine days.";
const STOCK: &str = "said in a statement on Tuesday that it would not comment further";

/// An archive of two real stories and stock stories that share only one phrase, with the
/// stories as the archive stores them.
fn archive() -> (Archive, Vec<Story>) {
    let mut archive = Archive::open_in_memory().unwrap();
    let mut bodies = vec![HARBOUR.to_string(), FERRY.to_string()];
    for n in 0..6 {
        bodies.push(format!(
            "The museum of district {n} {STOCK}. Visitors numbered {n} thousand last year."
        ));
    }
    for (i, body) in bodies.iter().enumerate() {
        archive
            .insert(NewStory {
                headline: format!("Story {i}"),
                body: body.clone(),
                agency: Some(if i == 1 { "AFP" } else { "Reuters" }.into()),
                origin: format!("test:{i}"),
                ..NewStory::default()
            })
            .unwrap();
    }
    let stories = archive.stories_after(0, 100).unwrap();
    (archive, stories)
}

/// Retrieval as a Spark job does it: the stories' fingerprints and terms, the stock phrases
/// dropped over the whole archive, shared counts per story, then the engine's rule.
fn picked_outside(stories: &[Story], article: &str, options: &CheckOptions) -> Vec<i64> {
    let mut holders: HashMap<i64, Vec<i64>> = HashMap::new();
    for story in stories {
        for hash in story_fingerprints(&story.body, story.language.as_deref()) {
            holders.entry(hash).or_default().push(story.id);
        }
    }
    let terms = term_lists(stories);
    let keys = article_keys(article, options).unwrap();
    let mut shared: HashMap<i64, usize> = HashMap::new();
    for hash in &keys.fingerprints {
        let Some(ids) = holders.get(hash) else {
            continue;
        };
        if ids.len() > options.retrieve.max_postings {
            continue;
        }
        for &id in ids {
            *shared.entry(id).or_default() += 1;
        }
    }
    pick_candidates(
        keys.words,
        shared,
        &keys.query_words,
        |term| terms.get(term).cloned().unwrap_or_default(),
        &options.retrieve,
    )
    .unwrap()
}

/// The stories holding each full-text term, as a Spark job's join lists them.
fn term_lists(stories: &[Story]) -> HashMap<String, Vec<i64>> {
    let mut terms: HashMap<String, Vec<i64>> = HashMap::new();
    for story in stories {
        for term in full_text_terms(&story.headline, &story.body) {
            terms.entry(term).or_default().push(story.id);
        }
    }
    terms
}

fn picked_by_check(archive: &Archive, article: &str, options: &CheckOptions) -> Vec<i64> {
    let prepared = crate::check::prepare_article(article, options).unwrap();
    retrieve_candidates(archive, &prepared, options)
        .unwrap()
        .0
        .iter()
        .map(|s| s.id)
        .collect()
}

#[test]
fn a_story_s_fingerprints_are_those_the_archive_stores() {
    let (archive, stories) = archive();
    for story in &stories {
        let given = story_fingerprints(&story.body, story.language.as_deref());
        assert!(!given.is_empty());
        for hash in &given {
            let holders = archive.postings(*hash, 100).unwrap().unwrap_or_default();
            assert!(
                holders.contains(&story.id),
                "story {} holds {hash}",
                story.id
            );
        }
        // Without the stored language, the one an import detects.
        assert_eq!(story_fingerprints(&story.body, None), given);
    }
}

#[test]
fn retrieval_outside_the_archive_picks_the_check_s_candidates_and_report() {
    let (archive, stories) = archive();
    // A low stock cap, so that the phrase the museum stories share is dropped as stock.
    let mut options = CheckOptions::default();
    options.retrieve.max_postings = 4;
    let articles = [
        format!("Tugs for Tarnby\n\n{HARBOUR}\n\nThe mayor welcomed the decision."),
        format!("{FERRY} The council {STOCK}."),
        // Rewritten: few word runs left, names kept (the full-text path).
        "Tarnby's harbour board, meeting Tuesday, chose a Finnish yard to deliver six \
         battery tugs; Ostholm islanders also watched the vote."
            .to_string(),
        "A bakery in Lund won a prize for its rye bread, judges said on Friday.".to_string(),
    ];
    let terms = term_lists(&stories);
    let postings = |term: &str| terms.get(term).cloned().unwrap_or_default();
    let mut found_any = 0;
    for article in &articles {
        let outside = picked_outside(&stories, article, &options);
        assert_eq!(
            outside,
            picked_by_check(&archive, article, &options),
            "{article}"
        );
        found_any += usize::from(!outside.is_empty());
        let candidates: Vec<Story> = outside
            .iter()
            .map(|id| stories.iter().find(|s| s.id == *id).unwrap().clone())
            .collect();
        let given = compare_with_candidates(article, candidates, postings, &options).unwrap();
        let checked = check_text(&archive, article, &options).unwrap();
        assert_eq!(
            serde_json::to_value(&given).unwrap(),
            serde_json::to_value(&checked).unwrap()
        );
    }
    assert!(found_any >= 2, "the fixture exercises retrieval");
    // The unrelated article finds nothing either way.
    assert!(picked_outside(&stories, &articles[3], &options).is_empty());
}

#[test]
fn candidates_given_obey_the_check_s_exclusions_and_are_given_once() {
    let (_, stories) = archive();
    let article = format!("{HARBOUR} And the ferry: {FERRY}");
    let options = CheckOptions {
        exclude_agencies: vec!["AFP".into()],
        ..CheckOptions::default()
    };
    let none = |_: &str| Vec::new();
    let report = compare_with_candidates(&article, stories[..2].to_vec(), none, &options).unwrap();
    let sources: Vec<i64> = report.sources.iter().map(|s| s.id).collect();
    assert_eq!(sources, vec![stories[0].id], "the AFP story is excluded");

    let twice = vec![stories[0].clone(), stories[0].clone()];
    let error = compare_with_candidates(&article, twice, none, &options).unwrap_err();
    assert!(error.to_string().contains("given twice"), "{error}");
}

#[test]
fn full_text_terms_fold_case_and_diacritics() {
    assert_eq!(
        full_text_terms("Café Ürün", "the CAFE, naïve 2019-03"),
        vec!["03", "2019", "cafe", "naive", "the", "urun"]
    );
    assert_eq!(
        full_text_term("Ørsted"),
        "ørsted",
        "a letter, not a diacritic, stays"
    );
}
