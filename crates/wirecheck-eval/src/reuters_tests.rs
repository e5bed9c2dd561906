//! On a tiny fictional Reuters-like folder written by the test.

use std::path::Path;

use super::*;

const MILL: &str = "Lumberton Paper and Board said its northern mill will raise output by twelve pct after the river level returned to normal for the season. The company said the mill had run at half speed since January because the barges that carry its pulp could not pass the lower lock at the old ford. A spokesman said no jobs were lost and that the night shift would resume on Monday as planned by the board.";

const ORCHARD: &str = "The Carrow Valley growers cooperative said frost in the first week of April destroyed about a third of the pear blossom in its northern orchards. Its chairman told members the loss would cut the autumn harvest to the lowest level in nine years and that the cooperative would ask the provincial bank to delay the repayment of its spring loans until the fruit was sold.";

const FERRY: &str = "Halden Ferries said it would sell two of its oldest vessels to a shipping group in Marlow for an undisclosed sum and use the money to pay for a faster boat on the island route. The company said passenger numbers rose eight pct last year and that the new boat, due in the summer, would cut the crossing to forty minutes from one hour.";

/// A later story that repeats most of MILL (a correction): a long shared run.
const MILL_AGAIN: &str = "Lumberton Paper and Board said its northern mill will raise output by twelve pct after the river level returned to normal for the season. The company said the mill had run at half speed since January because the barges that carry its pulp could not pass the lower lock at the old ford. It corrects the day on which the night shift resumes to Tuesday from Monday in an earlier story.";

/// A later story on a different subject that shares no eight words with any stored one.
const BRIDGE: &str = "Engineers in the town of Oskvale began testing a new footbridge over the canal on Thursday, two years after floods swept away the wooden crossing. The council expects the bridge to open to walkers and cyclists next month once inspectors have signed off the railings and the lighting, its treasurer told a public meeting.";

/// A later story that borrows one ten-word phrase from FERRY and nothing else.
const FERRY_NEWS: &str = "Island residents welcomed the plan at a crowded meeting in the harbour hall. The new boat, due in the summer, would cut the journey for commuters who now leave before dawn, said a teacher who crosses daily, though several traders asked whether fares would rise to pay for it and the company gave no answer.";

fn element(newid: u32, title: &str, body: &str) -> String {
    format!(
        "<REUTERS TOPICS=\"YES\" NEWID=\"{newid}\">\n<DATE> 3-MAR-1987 09:05:44.12</DATE>\n<TEXT>&#2;\n<TITLE>{title}</TITLE>\n<DATELINE>    OSKVALE, March 3 - </DATELINE><BODY>{body}\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n"
    )
}

fn folder(dir: &Path) {
    let first = [
        element(1, "LUMBERTON MILL RAISES OUTPUT", MILL),
        element(2, "FROST HITS CARROW PEARS", ORCHARD),
        element(3, "HALDEN FERRIES SELLS VESSELS", FERRY),
    ]
    .concat();
    let second = [
        element(1001, "CORRECTED - LUMBERTON MILL", MILL_AGAIN),
        element(1002, "OSKVALE TESTS FOOTBRIDGE", BRIDGE),
        element(1003, "ISLANDERS BACK FERRY PLAN", FERRY_NEWS),
    ]
    .concat();
    std::fs::write(dir.join("reut2-000.sgm"), first).unwrap();
    std::fs::write(dir.join("reut2-001.sgm"), second).unwrap();
}

fn options(stored: StoredPart) -> ReutersOptions {
    ReutersOptions {
        stored,
        articles: 10,
        threads: 2,
        check: CheckOptions::default(),
    }
}

#[test]
fn splits_by_file_and_sorts_held_out_stories_by_their_longest_shared_run() {
    let dir = tempfile::tempdir().unwrap();
    folder(dir.path());
    let f = evaluate_reuters(dir.path(), &options(StoredPart::Files(1))).unwrap();
    let c = &f.corpus;
    assert_eq!((c.stories, c.stored, c.held_out), (6, 3, 3));
    assert_eq!(
        c.import.imported, 3,
        "every stored story goes into the archive"
    );
    assert_eq!(
        (c.fresh, c.between, c.reused),
        (1, 1, 1),
        "the footbridge is fresh, the ferry story borrows ten words, the correction repeats"
    );
    assert_eq!(f.fresh.outcomes[0].newid, 1002);
    assert_eq!(f.fresh.outcomes[0].shared_run, 0);
    assert_eq!(f.reused.outcomes[0].newid, 1001);
    assert!(f.reused.outcomes[0].shared_run >= REUSED_RUN);
}

#[test]
fn a_fresh_story_is_not_derived_and_a_repeat_is() {
    let dir = tempfile::tempdir().unwrap();
    folder(dir.path());
    let f = evaluate_reuters(dir.path(), &options(StoredPart::Files(1))).unwrap();
    assert_eq!(f.fresh.checked, 1);
    assert_eq!(
        (f.fresh.wholly, f.fresh.partially, f.fresh.none),
        (0, 0, 1),
        "a story with nothing copied must not be reported derived: {:?}",
        f.fresh.outcomes
    );
    assert!(f.fresh.outcomes[0].passages.is_empty());
    assert_eq!(f.reused.checked, 1);
    assert_eq!(
        f.reused.none, 0,
        "a correction repeats its story: {:?}",
        f.reused.outcomes
    );
    let repeat = &f.reused.outcomes[0];
    assert_eq!(
        repeat.sources[0].newid,
        Some(1),
        "the source is named by its NEWID"
    );
    let passage = &repeat.passages[0];
    assert_eq!(passage.source_newid, Some(1));
    assert!(
        passage
            .article_text
            .starts_with("Lumberton Paper and Board")
            && passage.source_text.starts_with("Lumberton Paper and Board"),
        "passage texts are read from the article and the stored story: {passage:?}"
    );
    let kinds: usize = f.reused.reported.passages.iter().map(|k| k.passages).sum();
    assert_eq!(kinds, repeat.passages.len());
}

#[test]
fn a_count_of_stories_can_be_stored_instead_and_both_parts_must_have_stories() {
    let dir = tempfile::tempdir().unwrap();
    folder(dir.path());
    let f = evaluate_reuters(dir.path(), &options(StoredPart::Stories(2))).unwrap();
    assert_eq!((f.corpus.stored, f.corpus.held_out), (2, 4));
    assert!(evaluate_reuters(dir.path(), &options(StoredPart::Files(2))).is_err());
    assert!(evaluate_reuters(dir.path(), &options(StoredPart::Stories(0))).is_err());
}

#[test]
fn the_longest_shared_run_is_counted_with_one_story_in_order() {
    let stored = [
        SourceStory {
            newid: 1,
            title: String::new(),
            dateline: String::new(),
            date: None,
            paragraphs: vec!["a b c d e f g h i j k l".into()],
        },
        SourceStory {
            newid: 2,
            title: String::new(),
            dateline: String::new(),
            date: None,
            paragraphs: vec!["i j k l m n o p q r s t".into()],
        },
    ];
    let runs = SharedRuns::new(&stored);
    assert_eq!(runs.longest("x a b c d e f g h i j y"), 10);
    assert_eq!(
        runs.longest("a b c d e f g h i j k l m n o p q r s t"),
        12,
        "two stories overlapping do not make one run of 20"
    );
    assert_eq!(
        runs.longest("a b c d e f g x"),
        0,
        "seven words are not a run"
    );
}

#[test]
fn distributions_use_nearest_ranks() {
    let d = Distribution::of((1..=10).map(f64::from));
    assert_eq!(
        (d.n, d.min, d.p10, d.p50, d.p90, d.max),
        (10, 1.0, 1.0, 5.0, 9.0, 10.0)
    );
    assert_eq!(d.mean, 5.5);
    assert_eq!(Distribution::of([]).n, 0);
}
