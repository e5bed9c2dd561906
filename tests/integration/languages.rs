//! Wire copy in French, Spanish, German, Portuguese and Italian (issue 15): for each language,
//! a credited copy, an uncredited one, one credited to the wrong agency and an independent
//! report of the same event, each with its expected verdict and credit. The fixtures' README
//! (`tests/fixtures/languages`) says what each file is.
//!
//! Every test imports the language fixtures and the English republication fixtures together,
//! so each article has distractors in its own language and in English.

use serde_json::Value;
use wirecheck_core::Language;
use wirecheck_core::text::html;
use wirecheck_core::text::language::detect;

use crate::fixture::{self, archive_of, derived, file_of, fixtures, sources};
use crate::util::TempArchive;

/// What one article must give.
struct Case {
    article: &'static str,
    /// `wholly`, `partially` or `none`.
    derived: &'static str,
    /// The agency of the copied story, credited or not (`None` for an independent report).
    source_agency: Option<&'static str>,
    /// The credit the report must find: agency and kind (`None`: no credit at all).
    credit: Option<(&'static str, &'static str)>,
    /// Whether the copied story's agency is credited.
    credited: bool,
}

const fn copy(
    article: &'static str,
    agency: &'static str,
    credit: Option<(&'static str, &'static str)>,
    credited: bool,
) -> Case {
    Case {
        article,
        derived: "wholly",
        source_agency: Some(agency),
        credit,
        credited,
    }
}

const fn independent(article: &'static str) -> Case {
    Case {
        article,
        derived: "none",
        source_agency: None,
        credit: None,
        credited: false,
    }
}

/// The wire story each language's copies come from.
fn wire_story(language: Language) -> &'static str {
    match language {
        Language::French => "afp-fr-tramway.txt",
        Language::Spanish => "efe-es-presa.txt",
        Language::German => "dpa-de-faehre.txt",
        Language::Portuguese => "lusa-pt-ponte.txt",
        Language::Italian => "ansa-it-funivia.txt",
        _ => unreachable!("no English story in the language fixtures"),
    }
}

fn archive() -> TempArchive {
    archive_of(&["languages", "republication"])
}

fn summary(report: &Value) -> String {
    let listed: Vec<String> = sources(report)
        .iter()
        .map(|s| {
            format!(
                "{} [{}] cov {:.2} credited {}",
                file_of(s),
                s["agency"].as_str().unwrap_or("-"),
                s["coverage"].as_f64().unwrap_or(0.0),
                s["credited"]
            )
        })
        .collect();
    format!(
        "derived {} language {} sources [{}] credits {} flags {}",
        derived(report),
        report["language"],
        listed.join("; "),
        report["credits"],
        report["flags"]
    )
}

fn check_language(language: Language, cases: &[Case]) {
    let t = archive();
    for case in cases {
        let (code, report) = fixture::check(&t, "languages", case.article);
        let why = format!("{}: {}", case.article, summary(&report));
        assert_eq!(derived(&report), case.derived, "verdict of {why}");
        assert_eq!(
            report["language"],
            language.code(),
            "the article's language; {why}"
        );
        let credits = report["credits"].as_array().unwrap();
        match case.credit {
            Some((agency, kind)) => assert!(
                credits
                    .iter()
                    .any(|c| c["agency"] == agency && c["kind"] == kind),
                "a {kind} credit to {agency} is read; {why}"
            ),
            None => assert!(credits.is_empty(), "no credit at all; {why}"),
        }
        let flags = report["flags"].as_array().unwrap();
        match case.source_agency {
            Some(agency) => {
                let top = sources(&report)
                    .first()
                    .unwrap_or_else(|| panic!("no source; {why}"));
                assert_eq!(
                    file_of(top),
                    wire_story(language),
                    "the copied story; {why}"
                );
                assert_eq!(top["agency"], agency, "{why}");
                assert_eq!(
                    top["language"],
                    language.code(),
                    "the source's language; {why}"
                );
                assert_eq!(top["credited"], case.credited, "credited; {why}");
                assert_eq!(
                    flags.iter().any(|f| f["agency"] == agency),
                    !case.credited,
                    "flagged exactly when not credited; {why}"
                );
                assert_eq!(code, if case.credited { 0 } else { 1 }, "exit code; {why}");
            }
            None => {
                assert!(sources(&report).is_empty(), "no source; {why}");
                assert!(flags.is_empty(), "nothing flagged; {why}");
                assert_eq!(code, 0, "{why}");
            }
        }
    }
}

#[test]
fn french_copies_of_an_afp_story() {
    check_language(
        Language::French,
        &[
            copy(
                "fr-credited.txt",
                "AFP",
                Some(("AFP", "according_to")),
                true,
            ),
            // "a déclaré à l'AFP" in the copied text and "Photo AFP" are not credits.
            copy("fr-uncredited.txt", "AFP", None, false),
            copy(
                "fr-wrong-agency.txt",
                "AFP",
                Some(("Reuters", "with_inputs")),
                false,
            ),
            independent("fr-independent.txt"),
        ],
    );
}

#[test]
fn spanish_copies_of_an_efe_story() {
    check_language(
        Language::Spanish,
        &[
            copy("es-credited.txt", "EFE", Some(("EFE", "with_inputs")), true),
            // "dijo a EFE" in the copied text and "Foto: EFE" are not credits.
            copy("es-uncredited.txt", "EFE", None, false),
            copy(
                "es-wrong-agency.txt",
                "EFE",
                Some(("Europa Press", "according_to")),
                false,
            ),
            independent("es-independent.txt"),
        ],
    );
}

#[test]
fn german_copies_of_a_dpa_story() {
    check_language(
        Language::German,
        &[
            copy("de-credited.txt", "dpa", Some(("dpa", "with_inputs")), true),
            // "Foto: dpa" under a picture is not a credit.
            copy("de-uncredited.txt", "dpa", None, false),
            copy(
                "de-wrong-agency.txt",
                "dpa",
                Some(("AFP", "according_to")),
                false,
            ),
            independent("de-independent.txt"),
        ],
    );
}

#[test]
fn portuguese_copies_of_a_lusa_story() {
    check_language(
        Language::Portuguese,
        &[
            copy(
                "pt-credited.txt",
                "Lusa",
                Some(("Lusa", "according_to")),
                true,
            ),
            // "disse à Lusa" in the copied text and "Foto: Lusa" are not credits.
            copy("pt-uncredited.txt", "Lusa", None, false),
            copy(
                "pt-wrong-agency.txt",
                "Lusa",
                Some(("EFE", "according_to")),
                false,
            ),
            independent("pt-independent.txt"),
        ],
    );
}

#[test]
fn italian_copies_of_an_ansa_story() {
    check_language(
        Language::Italian,
        &[
            copy(
                "it-credited.txt",
                "ANSA",
                Some(("ANSA", "according_to")),
                true,
            ),
            // "ha detto all'ANSA" in the copied text and "Foto ANSA" are not credits.
            copy("it-uncredited.txt", "ANSA", None, false),
            copy(
                "it-wrong-agency.txt",
                "ANSA",
                Some(("AFP", "with_inputs")),
                false,
            ),
            independent("it-independent.txt"),
        ],
    );
}

/// The language of every fixture text: the language fixtures in their language (from the
/// file name), every other fixture and demo text English; none undetected.
#[test]
fn every_fixture_is_detected_in_its_language() {
    let mut wrong = Vec::new();
    let mut seen = 0;
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("demo");
    let folders = [
        fixtures("languages", "archive"),
        fixtures("languages", "articles"),
        fixtures("republication", "archive"),
        fixtures("republication", "articles"),
        fixtures("hard-negatives", "archive"),
        fixtures("hard-negatives", "articles"),
        demo.join("archive"),
        demo.join("articles"),
    ];
    for folder in folders {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let raw = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
            // A saved page is read for its article text, as a check reads it: its markup is no
            // language.
            let text = if html::looks_like_html(&raw) {
                html::extract(&raw).text
            } else {
                raw
            };
            let want = ["fr", "es", "de", "pt", "it"]
                .iter()
                .find(|code| {
                    name.contains(&format!("-{code}-")) || name.starts_with(&format!("{code}-"))
                })
                .and_then(|code| Language::from_code(code))
                .unwrap_or(Language::English);
            seen += 1;
            if detect(&text) != Some(want) {
                wrong.push(format!("{name}: {:?}, want {want:?}", detect(&text)));
            }
        }
    }
    assert!(seen > 60, "the fixture folders were read ({seen} files)");
    assert!(wrong.is_empty(), "misdetected: {wrong:#?}");
}
