//! Retrieval's caps, and a long article made of many stories' paragraphs.

use std::collections::HashMap;

use super::*;
use crate::archive::NewStory;
use crate::archive::store::Archive;
use crate::bench::Rng;
use crate::check::{CheckOptions, check_text};
use crate::index::fingerprint::fingerprints;
use crate::text::tokenize;

#[test]
fn ranks_by_shared_fingerprints_and_skips_stock_phrases() {
    let postings: HashMap<i64, Vec<i64>> = HashMap::from([
        (1, vec![10, 11]),
        (2, vec![10]),
        (3, vec![10, 12]),
        (4, (100..200).collect()), // a stock phrase found everywhere
    ]);
    let options = RetrieveOptions {
        max_candidates: 10,
        max_postings: 50,
        min_shared: 2,
        ..RetrieveOptions::default()
    };
    let found = candidates(&[1, 2, 3, 4], &options, |h, limit| {
        let ids = postings.get(&h).cloned().unwrap_or_default();
        Ok((ids.len() <= limit).then_some(ids))
    })
    .unwrap();
    assert_eq!(
        found,
        vec![Candidate {
            story_id: 10,
            shared: 3
        }],
        "11 and 12 share one fingerprint only; the stock phrase must not make 100..200 candidates"
    );
}

#[test]
fn a_news_length_article_keeps_the_base_caps() {
    let base = RetrieveOptions::default();
    for words in [0, 40, 250, 600, 2_179, 2_500] {
        let options = base.for_article(words);
        assert_eq!(
            (
                options.max_candidates,
                options.rare_words,
                options.rare_candidates
            ),
            (12, 32, 4),
            "{words} words: a news story's check (METER's longest is 2,179 words) must cost what it did"
        );
    }
}

#[test]
fn the_caps_grow_by_one_per_25_words_past_2500_and_stop_at_96() {
    let base = RetrieveOptions::default();
    let caps = |words| {
        let o = base.for_article(words);
        (o.max_candidates, o.rare_words, o.rare_candidates)
    };
    assert_eq!(caps(2_501), (13, 35, 5), "no step at the threshold");
    assert_eq!(caps(3_100), (36, 96, 12));
    assert_eq!(caps(4_000), (72, 192, 24));
    assert_eq!(caps(4_600), (96, 256, 32));
    assert_eq!(caps(13_000), (96, 256, 32), "bounded however long the text");
    let off = RetrieveOptions {
        rare_words: 0,
        ..RetrieveOptions::default()
    };
    assert_eq!(
        off.for_article(5_000).rare_words,
        0,
        "a path turned off stays off"
    );
}

/// Invented words, so no real text enters the repository.
fn vocabulary(rng: &mut Rng, n: usize) -> Vec<String> {
    const SYLLABLES: [&str; 24] = [
        "ka", "lo", "mir", "ten", "sa", "vu", "dro", "pel", "qui", "nor", "bes", "ta", "fen",
        "gul", "ri", "zo", "mak", "hul", "ve", "tor", "cas", "pi", "len", "dar",
    ];
    let mut words: Vec<String> = Vec::with_capacity(n);
    while words.len() < n {
        let syllables = 2 + rng.below(3);
        let word: String = (0..syllables)
            .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
            .collect();
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// A paragraph of `n` words: invented content words between common function words.
fn paragraph(rng: &mut Rng, vocabulary: &[String], n: usize) -> String {
    const FUNCTION: [&str; 8] = ["the", "of", "and", "said", "in", "to", "a", "was"];
    let mut words = Vec::with_capacity(n);
    for i in 0..n {
        if i % 3 == 2 {
            words.push(FUNCTION[rng.below(FUNCTION.len())].to_string());
        } else {
            words.push(vocabulary[rng.below(vocabulary.len())].clone());
        }
    }
    let mut text = words.join(" ");
    text.push('.');
    text
}

#[test]
fn a_long_article_drawing_on_30_stories_finds_every_source() {
    let mut rng = Rng::new(0x10A6_A271_C1E5, 1);
    let vocabulary = vocabulary(&mut rng, 3_000);
    // Stock sentences of one beat, each shared by a handful of the 40 stories on it: the
    // stories on the beat share fingerprints with any article about it.
    let stock: Vec<String> = (0..12)
        .map(|_| paragraph(&mut rng, &vocabulary[..300], 18))
        .collect();
    let mut archive = Archive::open_in_memory().unwrap();
    let mut ids = Vec::new();
    let mut stories = Vec::new();
    for n in 0..200 {
        let mut paragraphs: Vec<String> = (0..6)
            .map(|_| paragraph(&mut rng, &vocabulary, 45))
            .collect();
        if n < 40 {
            paragraphs.insert(1, stock[n % stock.len()].clone());
            paragraphs.push(stock[(n * 7 + 3) % stock.len()].clone());
        }
        let body = paragraphs.join("\n\n");
        let outcome = archive
            .insert(NewStory {
                headline: format!("Story {n}"),
                body,
                agency: Some("Reuters".into()),
                origin: format!("fictional/{n}.txt"),
                ..NewStory::default()
            })
            .unwrap();
        let id = match outcome {
            crate::InsertOutcome::Inserted(id) => id,
            crate::InsertOutcome::Duplicate(id) => panic!("story {n} repeats {id}"),
        };
        ids.push(id);
        stories.push(paragraphs);
    }
    // One paragraph (not the stock ones) from each of 30 of the beat's 40 stories, between
    // paragraphs of the article's own (in no stored story), as a long report would be.
    let sources: Vec<usize> = (0..40).filter(|n| n % 4 != 3).collect();
    assert_eq!(sources.len(), 30);
    let mut parts = Vec::new();
    let mut borrowed = 0;
    for (i, &n) in sources.iter().enumerate() {
        let taken = stories[n][2 + n % 4].clone();
        borrowed += tokenize(&taken).len();
        parts.push(taken);
        for _ in 0..=(i % 2) {
            parts.push(paragraph(&mut rng, &vocabulary, 45));
        }
    }
    let article = parts.join("\n\n");
    let tokens = tokenize(&article);
    assert!(tokens.len() > 3_000, "a long text: {} words", tokens.len());
    let share = borrowed as f64 / tokens.len() as f64;

    let retrieved = |options: &RetrieveOptions| -> Vec<i64> {
        let mut found: Vec<i64> = candidates(&fingerprints(&tokens), options, |h, limit| {
            archive.postings(h, limit)
        })
        .unwrap()
        .into_iter()
        .map(|c| c.story_id)
        .collect();
        let rare = RareWords::look_up(
            &query_words(&article, &tokens, options.rare_words, None),
            options,
            |word, limit| archive.stories_with_word(word, limit),
        )
        .unwrap();
        found.extend(rare_word_candidates(&rare, options));
        found
    };
    let missing = |found: &[i64]| -> Vec<usize> {
        sources
            .iter()
            .copied()
            .filter(|&n| !found.contains(&ids[n]))
            .collect()
    };
    let fixed = retrieved(&RetrieveOptions::default());
    assert!(
        !missing(&fixed).is_empty(),
        "the fixed cap of 12 + 4 cannot hold 30 sources"
    );
    let scaled = RetrieveOptions::default().for_article(tokens.len());
    assert_eq!(
        missing(&retrieved(&scaled)),
        Vec::<usize>::new(),
        "every source reaches the candidates"
    );

    // Through the whole check: coverage counts the passages of every source compared (the
    // report then lists only the sources whose own evidence the verdict accepts).
    let report = check_text(&archive, &article, &CheckOptions::default()).unwrap();
    let scaled_coverage = report.coverage;
    assert!(
        report.coverage > 0.95 * share,
        "every borrowed paragraph is matched to its source: coverage {}, borrowed {share}",
        report.coverage
    );
    let fixed_cap = CheckOptions {
        retrieve: RetrieveOptions {
            words_per_candidate: 0,
            ..RetrieveOptions::default()
        },
        ..CheckOptions::default()
    };
    let report = check_text(&archive, &article, &fixed_cap).unwrap();
    assert!(
        report.coverage < 0.7 * scaled_coverage,
        "with the fixed cap at most 16 of the 30 sources are compared: coverage {}, with the \
         scaled cap {scaled_coverage}, borrowed {share}",
        report.coverage
    );
}

#[test]
fn rare_words_are_those_few_stories_hold_and_a_source_s_share_of_them() {
    let options = RetrieveOptions {
        rare_max_stories: 3,
        ..RetrieveOptions::default()
    };
    let lists: HashMap<&str, Vec<i64>> = HashMap::from([
        ("harbour", vec![1, 2]),
        ("tugs", vec![1]),
        ("finnish", vec![1, 3]),
        ("electric", vec![2, 3]),
        ("board", vec![1, 2, 3, 4]),
    ]);
    let words: Vec<String> = ["harbour", "tugs", "finnish", "electric", "board", "tarnby"]
        .map(String::from)
        .to_vec();
    let mut asked = Vec::new();
    let rare = RareWords::look_up(&words, &options, |word, limit| {
        asked.push(limit);
        let mut ids = lists.get(word).cloned().unwrap_or_default();
        ids.truncate(limit);
        Ok::<_, crate::Error>(ids)
    })
    .unwrap();
    assert!(
        asked.iter().all(|&l| l == 4),
        "one more than the cap is read"
    );
    // "board" (four stories) is common; "tarnby" (none) tells nothing about any story.
    assert_eq!(rare.share_held_by(1), Some(0.75));
    assert_eq!(rare.share_held_by(3), Some(0.5));
    assert_eq!(rare.share_held_by(9), Some(0.0));
    // The full-text path ranks by the same words, each weighted by its rarity: story 1 holds
    // three, 2 and 3 two each (a tie, by id); 4 holds only the common word.
    assert_eq!(rare_word_candidates(&rare, &options), vec![1, 2, 3]);
    let few = RareWords::look_up(&words[..2], &options, |word, _| {
        Ok::<_, crate::Error>(lists[word].clone())
    })
    .unwrap();
    assert_eq!(few.share_held_by(1), None, "two rare words say nothing");
}
