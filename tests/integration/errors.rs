//! Bad input: a clear one-line error, a non-zero exit, no panic, and the archive unchanged.

use crate::util::TempArchive;

const EXIT_ERROR: i32 = 2;

#[test]
fn missing_article_file() {
    let t = TempArchive::new();
    t.run(&["check", "/no/such/article.txt"])
        .fails_with(EXIT_ERROR, "cannot read /no/such/article.txt");
}

#[test]
fn missing_import_path_is_reported_as_skipped() {
    let t = TempArchive::new();
    let run = t.run(&["import", "/no/such/folder"]).success();
    assert!(
        run.stderr().contains("/no/such/folder"),
        "the missing path is named: {}",
        run.stderr()
    );
    assert!(run.stdout().contains("imported 0"), "{}", run.stdout());
}

#[test]
fn empty_and_whitespace_articles() {
    let t = TempArchive::new();
    t.run_with_stdin(&["check", "-"], Some(b""))
        .fails_with(EXIT_ERROR, "empty");
    t.run_with_stdin(&["check", "-"], Some(b"  \n\t \r\n  "))
        .fails_with(EXIT_ERROR, "empty");
}

#[test]
fn a_20_mb_paste_is_refused() {
    let t = TempArchive::new();
    let paste = "Word after word of pasted text. ".repeat(20 * 1024 * 1024 / 32);
    t.run_with_stdin(&["check", "-"], Some(paste.as_bytes()))
        .fails_with(EXIT_ERROR, "too large");
}

#[test]
fn a_file_that_is_not_sqlite() {
    let t = TempArchive::new();
    std::fs::write(t.db(), b"these are my notes, not a database\n".repeat(200)).unwrap();
    let before = std::fs::read(t.db()).unwrap();
    t.run(&["list"])
        .fails_with(EXIT_ERROR, "not a Wirecheck archive");
    assert_eq!(
        std::fs::read(t.db()).unwrap(),
        before,
        "the file must be left as it was"
    );
}

#[test]
fn a_newer_schema_is_refused() {
    let t = TempArchive::new();
    t.run(&["list"]).success();
    set_user_version(&t.db(), 999);
    t.run(&["list"]).fails_with(EXIT_ERROR, "newer Wirecheck");
}

/// Sets SQLite's user_version by writing the header field directly, so the test needs no
/// SQLite library of its own: bytes 60..64 of the database header, big-endian.
fn set_user_version(db: &std::path::Path, version: u32) {
    // The CLI closed its connection, which checkpoints the WAL into the main file.
    let mut bytes = std::fs::read(db).unwrap();
    bytes[60..64].copy_from_slice(&version.to_be_bytes());
    std::fs::write(db, bytes).unwrap();
}

#[test]
fn malformed_xml_is_skipped_with_a_reason() {
    let t = TempArchive::new();
    let bad = t.write(
        "bad.xml",
        b"<?xml version=\"1.0\"?>\n<nitf><head><title>Broken</title></head><body><body.content><p>Text</body></nitf>",
    );
    let run = t.run(&["import", bad.to_str().unwrap()]).success();
    assert!(run.stderr().contains("malformed"), "{}", run.stderr());
    assert!(run.stdout().contains("imported 0"), "{}", run.stdout());
}

#[test]
fn binary_files_in_a_folder_are_skipped_with_reasons() {
    let t = TempArchive::new();
    t.write(
        "in/photo.jpg",
        &[
            0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F', 0, 1, 2, 0, 0, 0,
        ],
    );
    t.write("in/bundle.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00");
    t.write(
        "in/story.txt",
        "Harbour cranes arrive\n\nThe first of six new cranes arrived at the eastern terminal on Monday, the port said.\n"
            .as_bytes(),
    );
    let dir = t.dir.path().join("in");
    let run = t
        .run(&["import", "--json", dir.to_str().unwrap()])
        .success();
    let summary = &run.json_lines()[0];
    assert_eq!(summary["imported"], 1, "{summary}");
    let reasons: Vec<String> = summary["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| format!("{} {}", s["path"], s["reason"]))
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("photo.jpg") && r.contains("binary")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("bundle.zip") && r.contains("not supported")),
        "{reasons:?}"
    );
}
