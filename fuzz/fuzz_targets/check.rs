//! A whole check of arbitrary bytes against a small archive of three fictional wire stories.
//! `Ok` or `Err` are both fine; a panic, or a report whose offsets leave the text, is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirecheck_core::{Archive, CheckOptions, NewStory, check};

const STORIES: [(&str, &str, &str); 3] = [
    (
        "Reuters",
        "Harbour ferry returns after six weeks of repairs",
        "PORT ELLISTON, March 3 (Reuters) - The harbour ferry between Port Elliston and Gull \
         Island resumed service on Monday after six weeks of repairs to its hull, the operator \
         said.\n\nThe crossing carries about 1,200 passengers a day in summer. Engineers found \
         corrosion in two ballast tanks during a routine inspection in January.\n\n\"We are \
         glad to have the boat back,\" said harbour master Ines Varga.",
    ),
    (
        "AP",
        "Orchard growers count frost losses",
        "MILLBROOK (AP) — Apple growers in the Millbrook valley lost about a third of their \
         blossoms to a late frost last week, the regional growers' association said Tuesday.\n\n\
         Smudge pots and wind machines saved some orchards on the valley floor, but trees on \
         the northern slopes were hit hardest. Prices for early varieties are expected to rise.",
    ),
    (
        "AFP",
        "Mountain railway reopens tunnel",
        "Le tunnel du col de Vérane a rouvert jeudi après dix-huit mois de travaux, a annoncé \
         la compagnie ferroviaire régionale.\n\nLes trains mettront désormais quarante minutes \
         entre Saint-Aubin et Vérane, soit un quart d'heure de moins qu'avant la fermeture.",
    ),
];

thread_local! {
    // An in-memory archive is not Sync; libFuzzer runs one input at a time per thread.
    static ARCHIVE: Archive = build_archive();
}

fn build_archive() -> Archive {
    let mut archive = Archive::open_in_memory().expect("an in-memory archive opens");
    for (i, (agency, headline, body)) in STORIES.iter().enumerate() {
        archive
            .insert(NewStory {
                headline: (*headline).to_string(),
                body: (*body).to_string(),
                agency: Some((*agency).to_string()),
                origin: format!("fuzz/story-{i}.txt"),
                ..NewStory::default()
            })
            .expect("a fictional story is stored");
    }
    archive
}

fuzz_target!(|bytes: &[u8]| {
    ARCHIVE.with(|archive| {
        let Ok(report) = check(archive, bytes, &CheckOptions::default()) else {
            return;
        };
        let chars = report.text.chars().count();
        let longest_source = STORIES
            .iter()
            .map(|(_, _, body)| body.chars().count())
            .max()
            .unwrap_or(0);
        assert!(
            (0.0..=1.0).contains(&report.coverage),
            "coverage is a share: {}",
            report.coverage
        );
        assert!(
            (0.0..=report.coverage + 1e-9).contains(&report.rewritten),
            "rewritten is part of coverage: {} of {}",
            report.rewritten,
            report.coverage
        );
        for passage in &report.passages {
            assert!(
                passage.article_start <= passage.article_end && passage.article_end <= chars,
                "passage inside the article: {passage:?}"
            );
            assert!(
                passage.source_start <= passage.source_end && passage.source_end <= longest_source,
                "passage inside its source: {passage:?}"
            );
        }
        for credit in &report.credits {
            assert!(
                credit.start <= credit.end && credit.end <= chars,
                "credit inside the article: {credit:?}"
            );
        }
        for [start, end] in &report.boilerplate {
            assert!(
                start <= end && *end <= chars,
                "boilerplate inside the article: {start}..{end}"
            );
        }
        for source in &report.sources {
            assert!(
                (0.0..=1.0).contains(&source.coverage),
                "source coverage is a share: {}",
                source.coverage
            );
        }
    });
});
