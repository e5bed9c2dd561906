//! `wirecheck eval meter` and `wirecheck eval reuters` on tiny fictional folders.

use crate::util::TempArchive;

const EXIT_ERROR: i32 = 2;

const WIRE: &str = "Volunteers at the Kettlebury lifeboat station raised enough money in a single weekend to replace their ageing launch tractor, the station's chairman said last night. The appeal opened on Friday with a target of forty thousand pounds and passed it by Sunday afternoon after a local garage matched every donation. The old tractor, built in the nineteen seventies, broke down twice during rescues last summer.";

#[test]
fn eval_meter_prints_the_figures_as_json() {
    let t = TempArchive::new();
    t.write(
        "meter/PA/rawtexts/courts/02.02.99/lifeboat/lifeboat1.txt",
        WIRE.as_bytes(),
    );
    t.write(
        "meter/newspapers/rawtexts/courts/02.02.99/lifeboat/lifeboat4_echo.txt",
        format!("Lifeboat appeal success\n\n{WIRE}\n").as_bytes(),
    );
    t.write(
        "meter/labels.jsonl",
        br#"{"newspaper_file": "newspapers/rawtexts/courts/02.02.99/lifeboat/lifeboat4_echo.txt", "label": "wholly_derived", "pa_files": ["PA/rawtexts/courts/02.02.99/lifeboat/lifeboat1.txt"]}
"#,
    );
    let dir = t.dir.path().join("meter");
    let run = t
        .run(&["eval", "meter", dir.to_str().unwrap(), "--json"])
        .success();
    let figures = &run.json_lines()[0];
    assert_eq!(figures["stories"], 1);
    assert_eq!(
        figures["confusion"]["matrix"][0],
        serde_json::json!([1, 0, 0]),
        "the copy is wholly derived: {figures}"
    );
    assert_eq!(figures["source_accuracy"]["all_derived"]["accuracy"], 1.0);
    assert!(
        !t.db().exists(),
        "the evaluation uses its own temporary archive, not the user's"
    );

    let table = t.run(&["eval", "meter", dir.to_str().unwrap()]).success();
    assert!(
        table.stdout().contains("Three-way confusion"),
        "{}",
        table.stdout()
    );
}

#[test]
fn eval_meter_refuses_a_folder_not_laid_out_like_meter() {
    let t = TempArchive::new();
    let dir = t.dir.path().to_str().unwrap().to_string();
    t.run(&["eval", "meter", &dir])
        .fails_with(EXIT_ERROR, "not laid out like the METER corpus");
}

/// A fictional story in the layout of Reuters-21578.
fn reuters_element(newid: u32, title: &str, body: &str) -> String {
    format!(
        "<REUTERS TOPICS=\"NO\" NEWID=\"{newid}\">\n<DATE> 2-MAR-1987 10:00:00.00</DATE>\n<TEXT>\n<TITLE>{title}</TITLE>\n<BODY>{body}\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n"
    )
}

const CANAL: &str = "Engineers in the town of Oskvale began testing a new footbridge over the canal on Thursday, two years after floods swept away the wooden crossing. The council expects the bridge to open to walkers and cyclists next month once inspectors have signed off the railings and the lighting, its treasurer told a public meeting.";

#[test]
fn eval_reuters_checks_the_fresh_and_the_repeated_stories_as_json() {
    let t = TempArchive::new();
    t.write(
        "reuters/reut2-000.sgm",
        reuters_element(1, "KETTLEBURY LIFEBOAT APPEAL", WIRE).as_bytes(),
    );
    t.write(
        "reuters/reut2-001.sgm",
        [
            reuters_element(1001, "REPEAT - KETTLEBURY LIFEBOAT APPEAL", WIRE),
            reuters_element(1002, "OSKVALE TESTS FOOTBRIDGE", CANAL),
        ]
        .concat()
        .as_bytes(),
    );
    let dir = t.dir.path().join("reuters");
    let run = t
        .run(&[
            "eval",
            "reuters",
            dir.to_str().unwrap(),
            "--stored-files",
            "1",
            "--json",
        ])
        .success();
    let figures = &run.json_lines()[0];
    assert_eq!(figures["corpus"]["stored"], 1);
    assert_eq!(figures["fresh"]["checked"], 1);
    assert_eq!(
        figures["fresh"]["none"], 1,
        "a story sharing nothing is not derived: {figures}"
    );
    assert_eq!(figures["reused"]["checked"], 1);
    assert_eq!(
        figures["reused"]["none"], 0,
        "a repeat is derived: {figures}"
    );
    assert_eq!(
        figures["reused"]["outcomes"][0]["passages"][0]["source_newid"],
        1
    );
    assert!(
        !t.db().exists(),
        "the evaluation uses its own temporary archive"
    );
}

#[test]
fn eval_reuters_refuses_a_folder_without_reuters_files() {
    let t = TempArchive::new();
    let dir = t.dir.path().to_str().unwrap().to_string();
    t.run(&["eval", "reuters", &dir])
        .fails_with(EXIT_ERROR, "not the Reuters-21578 folder");
}
