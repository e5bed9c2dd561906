//! `wirecheck eval meter` on a tiny fictional METER-like folder.

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
