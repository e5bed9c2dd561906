//! End to end on a tiny fictional METER-like folder, with figures worked out by hand.

use std::path::Path;

use super::*;

const HARBOUR: &str = "Fishermen in the village of Port Allerby won their long fight against the closure of the old harbour yesterday when the county council agreed to pay for repairs to the sea wall. The council had planned to shut the harbour after storms damaged the wall last winter. Skipper Tom Reddle, who led the campaign, said the decision would save thirty jobs and a way of life that went back four hundred years. Work on the wall is due to start in the spring and should take about six months.";

const ORCHARD: &str = "A retired schoolteacher was fined two hundred pounds by magistrates in Wexcombe yesterday for letting her goats stray into a neighbour's orchard on eleven occasions. The court heard that the animals ate the fruit of twenty apple trees and damaged a greenhouse. Mrs Edna Pollow, aged seventy one, told the bench that the goats were cleverer than any fence she could build.";

const ORCHARD_NEW: &str = "Neighbours in the quiet lane say the feud has run for years. One resident, who asked not to be named, described the goats as a local legend and said children came from miles around to see them escape. Another said the orchard owner had offered to buy the animals more than once but had always been refused. Mrs Pollow said she intended to keep her herd and would build a taller fence with help from her grandsons during the summer holidays.";

const LIBRARY: &str = "Readers in Hollinsford are celebrating after their town library reopened following a refurbishment paid for by a local bakery. The new building has a cafe, a reading garden and a room for children's story time on Saturday mornings. Librarian Joan Meade said visitor numbers had doubled in the first week and that the most borrowed book was a guide to bread making.";

fn write(dir: &Path, relative: &str, text: &str) {
    let path = dir.join(relative);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

fn sgml(parts: &[(&str, &str)]) -> String {
    let body: String = parts
        .iter()
        .map(|(tag, text)| format!("<{tag} PAsource=\"\" >{text}</{tag}>\n"))
        .collect();
    format!(
        "<!DOCTYPE meterdocument SYSTEM \"meter.dtd\" [\n]>\n<meterdocument filename=\"x\">\n<body>\n{body}</body>\n</meterdocument>\n"
    )
}

/// Three newspaper stories: a whole copy, a partial copy, an independent one.
fn fictional_meter(dir: &Path) {
    let base = "courts/01.01.99";
    write(
        dir,
        &format!("PA/rawtexts/{base}/harbour/harbour1.txt"),
        HARBOUR,
    );
    write(
        dir,
        &format!("PA/rawtexts/{base}/orchard/orchard1.txt"),
        ORCHARD,
    );
    let partial = format!("{ORCHARD}\n\n{ORCHARD_NEW}\n");
    write(
        dir,
        &format!("newspapers/rawtexts/{base}/harbour/harbour1_sun.txt"),
        &format!("Harbour saved\n\n{HARBOUR}\n"),
    );
    write(
        dir,
        &format!("newspapers/rawtexts/{base}/orchard/orchard2_times.txt"),
        &partial,
    );
    write(
        dir,
        &format!("newspapers/rawtexts/{base}/library/library3_mirror.txt"),
        LIBRARY,
    );
    write(
        dir,
        &format!("newspapers/annotated/{base}/harbour/harbour1_sun.sgml"),
        &sgml(&[("New", "Harbour saved"), ("Verbatim", HARBOUR)]),
    );
    write(
        dir,
        &format!("newspapers/annotated/{base}/orchard/orchard2_times.sgml"),
        &sgml(&[("Verbatim", ORCHARD), ("New", ORCHARD_NEW)]),
    );
    write(
        dir,
        &format!("newspapers/annotated/{base}/library/library3_mirror.sgml"),
        &sgml(&[("New", LIBRARY)]),
    );
    let label = |name: &str, catch: &str, label: &str, pa: &[String]| {
        serde_json::json!({
            "newspaper_file": format!("newspapers/rawtexts/{base}/{catch}/{name}.txt"),
            "annotated_file": format!("newspapers/annotated/{base}/{catch}/{name}.sgml"),
            "label": label,
            "pa_files": pa,
        })
        .to_string()
    };
    let labels = [
        label(
            "harbour1_sun",
            "harbour",
            "wholly_derived",
            &[format!("PA/rawtexts/{base}/harbour/harbour1.txt")],
        ),
        label(
            "orchard2_times",
            "orchard",
            "partially_derived",
            &[format!("PA/rawtexts/{base}/orchard/orchard1.txt")],
        ),
        label("library3_mirror", "library", "non_derived", &[]),
    ];
    write(dir, "labels.jsonl", &(labels.join("\n") + "\n"));
}

fn words(text: &str) -> usize {
    wirecheck_core::text::tokenize(text).len()
}

#[test]
fn a_fictional_corpus_is_scored_as_worked_out_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    fictional_meter(dir.path());
    let f = evaluate_meter(dir.path(), &CheckOptions::default(), 2).unwrap();

    assert_eq!(f.stories, 3);
    assert!(
        f.errors.is_empty(),
        "every story is checked: {:?}",
        f.errors
    );
    assert_eq!(f.import.imported, 2, "both PA stories are imported");
    // Wholly or partially for the partial copy is the fitted model's call (it holds the whole
    // short PA story); derived it must be.
    let m = f.confusion.matrix;
    assert!(
        m[0] == [1, 0, 0] && m[2] == [0, 0, 1] && m[1][2] == 0,
        "the whole copy is wholly derived, the partial copy derived, the independent story none: {:?}",
        f.outcomes
    );
    assert!(
        (f.binary.f1 - 1.0).abs() < 1e-9,
        "an easy case scores binary F1 1.0"
    );
    assert_eq!(
        (
            f.source_accuracy.with_source.correct,
            f.source_accuracy.with_source.total
        ),
        (2, 2),
        "each copy is traced to its own PA file (absolute origin, relative pa_files)"
    );
    assert_eq!(f.source_accuracy.all_derived.total, 2);

    // Gold derived words: the harbour story and the orchard story; New: the headline, the
    // orchard follow-up and the library story.
    let derived = words(HARBOUR) + words(ORCHARD);
    let new = words("Harbour saved") + words(ORCHARD_NEW) + words(LIBRARY);
    assert_eq!(f.tokens.annotated_stories, 3);
    assert_eq!(f.tokens.words, derived + new);
    assert_eq!(
        f.tokens.unaligned, 0,
        "annotation and raw text hold the same words"
    );
    assert!(
        (f.tokens.scores.precision - 1.0).abs() < 1e-9
            && (f.tokens.scores.recall - 1.0).abs() < 1e-9,
        "verbatim copies are found word for word and nothing else is: {:?}",
        f.tokens.scores
    );
    assert!((f.tokens.verbatim_recall - 1.0).abs() < 1e-9);
    assert_eq!(f.tokens.rewrite_recall, 0.0, "no Rewrite words: 0, not NaN");
    assert_eq!(f.timing.threads, 2);
    assert!(f.timing.checks_per_second > 0.0);
}

#[test]
fn a_folder_not_laid_out_like_meter_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let error = evaluate_meter(dir.path(), &CheckOptions::default(), 1).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("not laid out like the METER corpus"),
        "the user is told what is wrong: {error}"
    );
    std::fs::create_dir_all(dir.path().join("PA/rawtexts")).unwrap();
    let error = evaluate_meter(dir.path(), &CheckOptions::default(), 1).unwrap_err();
    assert!(error.to_string().contains("labels.jsonl"), "{error}");
    write(
        dir.path(),
        "labels.jsonl",
        "{\"newspaper_file\": \"../etc/passwd\", \"label\": \"non_derived\"}\n",
    );
    let error = evaluate_meter(dir.path(), &CheckOptions::default(), 1).unwrap_err();
    assert!(
        error.to_string().contains("relative"),
        "paths leaving the corpus folder are refused: {error}"
    );
}

#[test]
fn a_missing_story_counts_as_an_error_predicted_none() {
    let dir = tempfile::tempdir().unwrap();
    fictional_meter(dir.path());
    std::fs::remove_file(
        dir.path()
            .join("newspapers/rawtexts/courts/01.01.99/harbour/harbour1_sun.txt"),
    )
    .unwrap();
    let f = evaluate_meter(dir.path(), &CheckOptions::default(), 1).unwrap();
    assert_eq!(f.errors.len(), 1, "the missing file is reported");
    assert_eq!(
        f.confusion.matrix[0],
        [0, 0, 1],
        "and counted as not derived"
    );
    assert_eq!(
        f.source_accuracy.all_derived.correct, 1,
        "a story without a source counts as wrong over all derived stories"
    );
    assert_eq!(f.source_accuracy.with_source.total, 1);
}

#[test]
fn origins_match_pa_files_on_whole_path_components() {
    assert!(same_file(
        "/corpus/PA/rawtexts/a/b1.txt",
        "PA/rawtexts/a/b1.txt"
    ));
    assert!(same_file("PA/rawtexts/a/b1.txt", "PA/rawtexts/a/b1.txt"));
    assert!(
        !same_file("/corpus/PA/rawtexts/a/xb1.txt", "b1.txt"),
        "a suffix of a file name is not the same file"
    );
    assert!(!same_file("/corpus/a.txt", ""));
}
