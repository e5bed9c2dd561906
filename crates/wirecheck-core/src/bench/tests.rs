//! The whole benchmark on fictional stories, in process.

use super::synth::tests::fictional;
use super::*;

fn options(dir: &Path, sizes: Vec<usize>) -> BenchOptions {
    BenchOptions {
        sizes,
        work_dir: dir.to_path_buf(),
        articles_per_kind: 5,
        min_accuracy: 0.9,
        seed: SEED,
        audit_articles: 0,
    }
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_small_run_measures_and_gets_the_verdicts_right() {
    let temp = tempfile::tempdir().unwrap();
    let report = run_stories(
        fictional(120),
        &options(temp.path(), vec![150, 400]),
        &mut InProcess,
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(report.sizes.len(), 2);
    assert_eq!(report.growth.len(), 1, "growth from each size to the next");
    for size in &report.sizes {
        assert_eq!(
            size.import.probe.imported + size.import.probe.duplicates,
            size.stories,
            "every generated story reaches the importer"
        );
        assert_eq!(
            size.import.probe.duplicates, 0,
            "synthetic stories are distinct"
        );
        assert!(size.disk.db_bytes > 0 && size.disk.times_raw_text > 0.0);
        for kind in &size.checks.kinds {
            assert_eq!(kind.articles, 5, "{:?}", kind.kind);
            assert!(
                kind.accuracy >= 0.9,
                "{:?} at {} stories: {:?}",
                kind.kind,
                size.stories,
                kind.verdicts
            );
        }
        assert!(
            size.checks.probe.is_some(),
            "one article goes through the probe"
        );
    }
    assert!(report.accuracy_ok);
}

#[test]
fn the_same_input_gives_the_same_archive_files_and_articles() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for dir in [&a, &b] {
        let pools = Pools::split(fictional(60), SEED);
        write_stories(&pools, 7_000, dir.path()).unwrap();
    }
    let (fa, fb) = (files(a.path()), files(b.path()));
    assert_eq!(fa.len(), 2, "5,000 stories a file");
    assert!(fa == fb, "two runs must write byte-identical stories");
    let pools = Pools::split(fictional(60), SEED);
    assert_eq!(
        articles(&pools, 7_000, 3, SEED),
        articles(&pools, 7_000, 3, SEED)
    );
}

#[test]
fn sizes_out_of_range_are_refused() {
    let temp = tempfile::tempdir().unwrap();
    let error = run_stories(
        fictional(40),
        &options(temp.path(), vec![0]),
        &mut InProcess,
        &mut |_| {},
    )
    .unwrap_err();
    assert!(error.to_string().contains("out of range"), "{error}");
}

#[test]
fn a_story_holding_the_same_copied_text_counts_as_the_source() {
    let article = Article {
        kind: ArticleKind::Partially,
        source: Some("bench:reuters/7".into()),
        copied: vec!["The quay reopens on Monday.".into()],
        text: String::new(),
    };
    let twin = Reported {
        id: Some("bench:reuters/8".into()),
        body: "Update. The quay reopens on Monday.".into(),
    };
    let other = Reported {
        id: Some("bench:reuters/9".into()),
        body: "Something else entirely.".into(),
    };
    assert!(
        judge(&article, Derived::Partially, &[twin]).0,
        "a word-for-word repeat is as right"
    );
    assert!(!judge(&article, Derived::Partially, &[other]).0);
    let wrong_kind = Reported {
        id: Some("bench:reuters/7".into()),
        body: String::new(),
    };
    assert!(
        !judge(&article, Derived::Wholly, &[wrong_kind]).0,
        "a partial copy must not be called wholly derived"
    );
}

#[test]
fn the_audit_of_generated_articles_is_measured_with_one_job_and_two() {
    let temp = tempfile::tempdir().unwrap();
    let options = BenchOptions {
        audit_articles: 30,
        articles_per_kind: 1,
        ..options(temp.path(), vec![300])
    };
    let report = run_stories(fictional(120), &options, &mut InProcess, &mut |_| {}).unwrap();
    let audits = &report.sizes[0].audits;
    assert_eq!(
        audits.iter().map(|a| a.jobs).collect::<Vec<_>>(),
        vec![1, 2]
    );
    for audit in audits {
        assert_eq!(audit.articles, 30, "every generated article is audited");
        assert_eq!(audit.failed, 0);
        assert!(audit.articles_per_second > 0.0);
    }
    assert_eq!(
        audits[0].flagged, audits[1].flagged,
        "the jobs do not change the verdicts"
    );
    assert!(
        audits[0].flagged >= 15,
        "the uncredited copies are flagged: {audits:?}"
    );
    assert!(report.sizes[0].audit_speedup > 0.0);
    assert!(
        temp.path()
            .join("size-300/audit-jobs-2/index.html")
            .is_file()
    );
}
