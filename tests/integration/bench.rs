//! `wirecheck bench` on a fictional folder laid out like Reuters-21578.

use std::path::{Path, PathBuf};

use crate::util::TempArchive;

/// A tiny deterministic generator, so the fixture is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
    fn word(&mut self) -> String {
        const SYLLABLES: [&str; 20] = [
            "ta", "mo", "ril", "sen", "ku", "vo", "pra", "les", "din", "or", "ba", "qua", "fet",
            "nu", "gli", "har", "ze", "po", "wyn", "ek",
        ];
        (0..2 + self.below(2))
            .map(|_| SYLLABLES[self.below(SYLLABLES.len())])
            .collect()
    }
    fn sentence(&mut self) -> String {
        let words: Vec<String> = (0..8 + self.below(8)).map(|_| self.word()).collect();
        let text = words.join(" ");
        let mut chars = text.chars();
        let first: String = chars
            .next()
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_default();
        format!("{first}{}.", chars.as_str())
    }
}

/// Writes `files` SGML files of `per_file` fictional stories in the corpus's layout: entities,
/// `&\t` paragraph marks, the closing "Reuter" and its 0x03 entity, a stray Latin-1 byte.
fn fixture(dir: &Path, files: usize, per_file: usize) -> PathBuf {
    let root = dir.join("reuters");
    std::fs::create_dir_all(&root).unwrap();
    let mut rng = Lcg(2024);
    let mut newid = 1;
    for f in 0..files {
        let mut sgml: Vec<u8> = b"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n".to_vec();
        for _ in 0..per_file {
            let paragraphs: Vec<String> = (0..3 + rng.below(3))
                .map(|_| {
                    (0..2 + rng.below(2))
                        .map(|_| rng.sentence())
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .collect();
            let story = format!(
                "<REUTERS TOPICS=\"NO\" NEWID=\"{newid}\">\n<DATE>{:2}-MAR-1987 10:{:02}:00.00</DATE>\n\
                 <TEXT>&#2;\n<TITLE>{} &lt;{}&gt; PLANS</TITLE>\n<DATELINE>    KELDA, March 2 - </DATELINE>\
                 <BODY>{}\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n",
                1 + newid % 28,
                newid % 60,
                rng.word().to_uppercase(),
                rng.word().to_uppercase(),
                paragraphs.join("\n&\\t"),
            );
            sgml.extend_from_slice(story.as_bytes());
            sgml.push(0xE9); // a Latin-1 byte between elements, as odd bytes occur
            newid += 1;
        }
        std::fs::write(root.join(format!("reut2-{f:03}.sgm")), sgml).unwrap();
    }
    root
}

fn bench_json(t: &TempArchive, corpus: &Path, size: &str, articles: &str) -> serde_json::Value {
    bench_json_with(t, corpus, size, articles, &[])
}

fn bench_json_with(
    t: &TempArchive,
    corpus: &Path,
    size: &str,
    articles: &str,
    extra: &[&str],
) -> serde_json::Value {
    let work = t.dir.path().join("work");
    let mut args = vec![
        "bench",
        corpus.to_str().unwrap(),
        "--sizes",
        size,
        "--articles",
        articles,
        "--work-dir",
        work.to_str().unwrap(),
        "--json",
    ];
    args.extend_from_slice(extra);
    let run = t.run(&args).success();
    assert!(
        run.stderr().contains("bench:"),
        "progress goes to stderr: {}",
        run.stderr()
    );
    run.json_lines().remove(0)
}

#[test]
fn bench_on_a_fictional_corpus_reports_every_figure() {
    let t = TempArchive::new();
    let corpus = fixture(t.dir.path(), 2, 60);
    let report = bench_json(&t, &corpus, "200", "4");
    assert_eq!(report["corpus"]["stories"], 120, "{report}");
    let size = &report["sizes"][0];
    assert_eq!(size["stories"], 200);
    for field in ["stories_per_second", "seconds", "imported"] {
        assert!(size["import"][field].is_number(), "import.{field}: {size}");
    }
    assert!(size["import"]["peak_rss_bytes"].is_number() || !cfg!(target_os = "linux"));
    for field in ["db_bytes", "bytes_per_story", "times_raw_text"] {
        assert!(size["disk"][field].is_number(), "disk.{field}: {size}");
    }
    let checks = &size["checks"];
    for field in ["p50_ms", "p95_ms", "first_check_ms", "open_ms"] {
        assert!(checks[field].is_number(), "checks.{field}: {checks}");
    }
    assert!(
        checks["probe"]["peak_rss_bytes"].is_number() || !cfg!(target_os = "linux"),
        "the check's memory is measured in a child process: {checks}"
    );
    let kinds = checks["kinds"].as_array().unwrap();
    assert_eq!(kinds.len(), 3);
    for kind in kinds {
        assert_eq!(kind["articles"], 4, "{kind}");
        assert!(
            kind["accuracy"].is_number(),
            "verdict accuracy is reported: {kind}"
        );
    }
    assert_eq!(report["accuracy_ok"], true, "{report}");
    assert!(
        !t.db().exists(),
        "the benchmark uses its own archives, not the user's"
    );
}

#[test]
fn bench_audits_generated_articles_with_one_job_and_two_in_child_processes() {
    let t = TempArchive::new();
    let corpus = fixture(t.dir.path(), 2, 60);
    let report = bench_json_with(&t, &corpus, "200", "2", &["--audit-articles", "12"]);
    let size = &report["sizes"][0];
    let audits = size["audits"].as_array().unwrap();
    assert_eq!(audits.len(), 2, "{size}");
    for (audit, jobs) in audits.iter().zip([1, 2]) {
        assert_eq!(audit["jobs"], jobs);
        assert_eq!(audit["articles"], 12, "{audit}");
        assert_eq!(audit["failed"], 0, "{audit}");
        assert!(audit["articles_per_second"].as_f64().unwrap() > 0.0);
        assert!(
            audit["peak_rss_bytes"].is_number() || !cfg!(target_os = "linux"),
            "the audit's memory is measured in its own process: {audit}"
        );
    }
    assert_eq!(audits[0]["flagged"], audits[1]["flagged"]);
    assert!(size["audit_speedup"].as_f64().unwrap() > 0.0);
    let work = t.dir.path().join("work/size-200");
    assert!(work.join("audit-jobs-2/summary.csv").is_file());
}

#[test]
fn bench_refuses_a_folder_without_reuters_files() {
    let t = TempArchive::new();
    let dir = t.dir.path().to_str().unwrap().to_string();
    t.run(&["bench", &dir, "--sizes", "100"])
        .fails_with(2, "no reut2-*.sgm files");
}

/// The CI smoke benchmark: 10,000 stories scaled up from the fictional corpus. It asserts the
/// verdicts only; timings on a shared CI machine mean nothing.
#[test]
fn bench_smoke_ten_thousand_stories_keeps_the_verdicts_right() {
    let t = TempArchive::new();
    let corpus = fixture(t.dir.path(), 2, 150);
    let report = bench_json(&t, &corpus, "10000", "10");
    let size = &report["sizes"][0];
    assert_eq!(size["import"]["imported"], 10_000, "{size}");
    for kind in size["checks"]["kinds"].as_array().unwrap() {
        assert!(
            kind["accuracy"].as_f64().unwrap() >= 0.9,
            "verdicts at 10,000 stories: {kind}"
        );
    }
}
