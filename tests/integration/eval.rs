//! `wirecheck eval meter`, `wirecheck eval reuters` and `wirecheck eval alignment` on tiny
//! fictional folders.

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

/// Stored stories for the alignment benchmark: each over 60 words, sharing nothing.
const ALIGNMENT_STORED: [&str; 3] = [
    "The harbour authority of Brennick said on Monday it would spend twelve million crowns dredging the outer channel this summer so that the larger grain carriers can berth at the new terminal without waiting for the tide. Work is due to start in June and last eleven weeks, during which pilots will guide every ship through a marked lane and small craft will be kept to the eastern side of the estuary.",
    "A court in Vasterholm fined the regional bus company four hundred thousand crowns for cancelling more than a fifth of its rural services last winter without telling the transport board in advance. The judge said passengers in the hill villages had been left standing at empty stops in the snow, and ordered the company to publish its timetable changes at least a month before they take effect from next year.",
    "Farmers in the Lindmoor valley have begun harvesting a new variety of winter barley that needs a third less water than the old one, the agricultural college that bred it said on Wednesday. Yields in the first trial fields were close to those of the familiar strain, and the college plans to hand seed to two hundred more farms in the autumn if the malting houses are satisfied with the quality of the grain.",
];

/// Held-out stories: the documents' own text, sharing no run of words with the stored ones.
const ALIGNMENT_FILLERS: [&str; 4] = [
    "Volunteers on the island of Skarv counted more puffins on the northern cliffs this spring than in any year since records began, the bird society reported, crediting a ban on rat poison and the return of sand eels to the bay. Members spent nine evenings on the headland with binoculars and tally sheets, and they hope to repeat the survey every May for the next decade with help from local schools.",
    "The old cinema on Market Row reopened its doors on Saturday after a restoration that took four years and cost far more than the trust that bought it had planned. Plasterers recreated the ceiling roses from photographs, the seats came from a theatre that closed in the capital, and the first film shown was a silent comedy accompanied by a pianist from the music academy across the square.",
    "Anglers along the upper reaches of the Torra complained this week that the river was running brown after every shower, and blamed a quarry upstream for letting silt wash off its spoil heaps. The quarry's manager said new settling ponds were being dug and would be finished before the trout season opens, while the environment office promised to take samples at three points along the bank each fortnight.",
    "Students at the technical college in Ostrun built a small electric tractor from scrap parts and drove it the length of the high street to raise money for the hospice. The machine reached the speed of a brisk walk, needed two battery changes on the way, and drew a crowd of shopkeepers who donated enough to buy a new bed and a set of garden benches for the hospice terrace.",
];

#[test]
fn eval_alignment_finds_the_passages_put_into_documents_and_scores_them() {
    let t = TempArchive::new();
    let stored: String = ALIGNMENT_STORED
        .iter()
        .enumerate()
        .map(|(i, body)| reuters_element(i as u32 + 1, "STORED STORY", body))
        .collect();
    let fillers: String = ALIGNMENT_FILLERS
        .iter()
        .enumerate()
        .map(|(i, body)| reuters_element(i as u32 + 1001, "OWN STORY", body))
        .collect();
    t.write("reuters/reut2-000.sgm", stored.as_bytes());
    t.write("reuters/reut2-001.sgm", fillers.as_bytes());
    let dir = t.dir.path().join("reuters");
    let run = t
        .run(&[
            "eval",
            "alignment",
            dir.to_str().unwrap(),
            "--stored-files",
            "1",
            "--documents",
            "9",
            "--json",
        ])
        .success();
    let figures = &run.json_lines()[0];
    assert_eq!(figures["corpus"]["stored"], 3);
    assert_eq!(figures["corpus"]["fillers"], 4);
    assert_eq!(figures["corpus"]["documents"], 9);
    let overall = &figures["overall"];
    assert!(overall["cases"].as_u64().unwrap() > 0, "{figures}");
    let (precision, recall) = (
        overall["precision"].as_f64().unwrap(),
        overall["recall"].as_f64().unwrap(),
    );
    assert!(
        recall >= 0.9 && precision >= 0.9,
        "passages of a stored story pasted between unrelated paragraphs are found, and \
         nothing else is: {figures}"
    );
    assert_eq!(
        figures["clean_documents_reported"][0], 0,
        "a document with no case gets no passage: {figures}"
    );
    assert!(
        !t.db().exists(),
        "the evaluation uses its own temporary archive"
    );
}

#[test]
fn eval_alignment_refuses_a_folder_without_reuters_files() {
    let t = TempArchive::new();
    let dir = t.dir.path().to_str().unwrap().to_string();
    t.run(&["eval", "alignment", &dir])
        .fails_with(EXIT_ERROR, "not the Reuters-21578 folder");
}
