//! Hostile input through the CLI: each gets a clear error or a correct result, never a panic,
//! a hang or a stack overflow, and nothing outside the given files is read.

use std::time::{Duration, Instant};

use crate::util::{Run, TempArchive};

const EXIT_ERROR: i32 = 2;

/// Asserts the run ended by itself, cleanly (no panic, no signal), within `limit`.
fn no_crash(run: &Run, started: Instant, limit: Duration, what: &str) {
    let took = started.elapsed();
    assert!(
        run.0.status.code().is_some(),
        "{what}: killed by a signal (stack overflow?): {}",
        run.stderr()
    );
    assert!(
        !run.stderr().contains("panicked"),
        "{what}: panicked: {}",
        run.stderr()
    );
    assert!(took < limit, "{what}: took {took:?}, limit {limit:?}");
}

fn imported(run: &Run) -> serde_json::Value {
    run.json_lines().remove(0)
}

#[test]
fn a_50_mb_paste_is_refused_quickly() {
    let t = TempArchive::new().with_demo();
    let paste = "Pasted words from a very long page. ".repeat(50 * 1024 * 1024 / 36);
    let started = Instant::now();
    let run = t.run_with_stdin(&["check", "-"], Some(paste.as_bytes()));
    no_crash(&run, started, Duration::from_secs(10), "50 MB paste");
    run.fails_with(EXIT_ERROR, "too large");
}

#[test]
fn a_single_line_of_a_million_characters_is_checked_in_bounded_time() {
    let t = TempArchive::new().with_demo();
    // Words without a single line break, and one word of a million letters.
    let words = "harbour tug crane quay ".repeat(1_000_000 / 23);
    let one_word = "x".repeat(1_000_000);
    for (what, article) in [
        ("a million-character line", words),
        ("a million-letter word", one_word),
    ] {
        let started = Instant::now();
        let run = t.run_with_stdin(&["check", "--json", "-"], Some(article.as_bytes()));
        no_crash(&run, started, Duration::from_secs(45), what);
        assert!(
            matches!(run.code(), 0 | 1) || run.stderr().contains("error"),
            "{what}: a result or a clear error: {}",
            run.stderr()
        );
    }
}

#[test]
fn html_nested_100000_levels_deep_neither_overflows_nor_hangs() {
    let t = TempArchive::new();
    let depth = 100_000;
    let html = format!(
        "<html><body>{}<p>The quarry on the hill will close in autumn after ninety years, its \
         owners told workers at a meeting on Wednesday.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let file = t.write("deep.html", html.as_bytes());
    let started = Instant::now();
    let run = t.run(&["import", "--json", file.to_str().unwrap()]);
    no_crash(&run, started, Duration::from_secs(30), "deep HTML import");
    assert_eq!(run.code(), 0, "{}", run.stderr());

    let started = Instant::now();
    let run = t.run_with_stdin(&["check", "--json", "-"], Some(html.as_bytes()));
    no_crash(&run, started, Duration::from_secs(30), "deep HTML check");
    assert!(matches!(run.code(), 0..=2), "{}", run.stderr());
}

/// A NITF document whose DTD declares an entity bomb and an external entity.
fn nitf_with_entities(body_entity: &str) -> String {
    format!(
        r#"<?xml version="1.0"?>
<!DOCTYPE nitf [
  <!ENTITY a "lollollollollollollollollollol">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
  <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
  <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
  <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<nitf>
  <head><title>Reservoir levels</title></head>
  <body>
    <body.head><hedline><hl1>Reservoir levels fall</hl1></hedline></body.head>
    <body.content>
      <p>Reservoir levels in the upland district fell to their lowest in a decade, the water
      board said on Monday. &{body_entity};</p>
    </body.content>
  </body>
</nitf>
"#
    )
}

#[test]
fn xml_entities_are_never_expanded_or_fetched() {
    let t = TempArchive::new();
    let bomb = t.write("bomb.xml", nitf_with_entities("i").as_bytes());
    let xxe = t.write("xxe.xml", nitf_with_entities("xxe").as_bytes());
    let newsml = t.write(
        "xxe-newsml.xml",
        br#"<?xml version="1.0"?>
<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:fict:1" version="1">
  <contentMeta><headline>Bridge repainted &b;</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/nitf+xml">
    <nitf><body><body.content><p>The old iron bridge over the estuary has been repainted green. &xxe;</p></body.content></body></nitf>
  </inlineXML></contentSet>
</newsItem>
"#,
    );
    for file in [bomb, xxe, newsml] {
        let started = Instant::now();
        let run = t.run(&["import", "--json", file.to_str().unwrap()]);
        no_crash(&run, started, Duration::from_secs(10), "entity file");
        assert_eq!(run.code(), 0, "{}", run.stderr());
    }
    let listed = t.run(&["list", "--json"]).success().json_lines();
    assert!(!listed.is_empty(), "the stories themselves are imported");
    for summary in listed {
        let id = summary["id"].as_i64().unwrap().to_string();
        let story = t
            .run(&["show", "--json", &id])
            .success()
            .json_lines()
            .remove(0);
        let text = format!("{} {}", story["headline"], story["body"]);
        assert!(
            !text.contains("root:") && !text.contains("/bin/"),
            "an external entity must never be fetched: {text}"
        );
        assert!(
            text.len() < 10_000 && !text.contains("lollollollollollollollollollollollollol"),
            "an entity bomb must never be expanded ({} bytes)",
            text.len()
        );
    }
}

#[test]
fn nul_bytes_and_invalid_utf8_give_a_result_not_a_crash() {
    let t = TempArchive::new();
    let mut story = b"Ferry timetable\n\nThe island ferry will run every hour from June, the \
operator said on Friday, after a summer of complaints about \xff\xfe queues at the pier \
and cancelled sailings in \x00 high winds.\n"
        .to_vec();
    story.extend_from_slice(b"Tickets will cost the same as last year.\n");
    let file = t.write("odd-bytes.txt", &story);
    let run = t.run(&["import", "--json", file.to_str().unwrap()]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(!run.stderr().contains("panicked"));

    let started = Instant::now();
    let run = t.run_with_stdin(&["check", "--json", "-"], Some(&story));
    no_crash(
        &run,
        started,
        Duration::from_secs(10),
        "NUL and invalid UTF-8 article",
    );
    assert!(matches!(run.code(), 0 | 1), "checked: {}", run.stderr());
    let all_nul = vec![0u8; 4096];
    let run = t.run_with_stdin(&["check", "--json", "-"], Some(&all_nul));
    assert!(matches!(run.code(), 0..=2), "{}", run.stderr());
    assert!(!run.stderr().contains("panicked"), "{}", run.stderr());
}

#[test]
fn right_to_left_and_combining_text_is_found_wholly_with_offsets_on_chars() {
    let t = TempArchive::new();
    // Fictional Arabic and Hebrew sentences, and Latin text with combining accents
    // (e + U+0301, n + U+0303) that occupy two chars each.
    let body = "أعلنت بلدية المدينة الساحلية يوم الثلاثاء افتتاح مكتبة عامة جديدة قرب الميناء القديم \
                بعد ثلاث سنوات من أعمال البناء. \
                עיריית העיר החדשה הודיעה כי הספרייה תהיה פתוחה שבעה ימים בשבוע בשעות הערב. \
                Le cafe\u{301} du port et la pin\u{303}ata de la fe\u{302}te ont ferme\u{301} \
                leurs portes pendant les travaux de la bibliothe\u{300}que municipale.";
    let line = serde_json::json!({
        "headline": "مكتبة جديدة",
        "agency": "AFP",
        "body": body,
    });
    let file = t.write("rtl.jsonl", format!("{line}\n").as_bytes());
    let run = t
        .run(&["import", "--json", file.to_str().unwrap()])
        .success();
    assert_eq!(imported(&run)["imported"], 1);

    let article = format!("Notre correspondant rapporte. {body}");
    let run = t.run_with_stdin(&["check", "--json", "-"], Some(article.as_bytes()));
    assert!(matches!(run.code(), 0 | 1), "{}", run.stderr());
    let report = &run.json_lines()[0];
    assert_eq!(report["derived"], "wholly", "{report:#}");
    let article_chars = article.chars().count() as u64;
    let body_chars = body.chars().count() as u64;
    let passages = report["passages"].as_array().unwrap();
    assert!(!passages.is_empty());
    for p in passages {
        let (a0, a1) = (
            p["article_start"].as_u64().unwrap(),
            p["article_end"].as_u64().unwrap(),
        );
        let (s0, s1) = (
            p["source_start"].as_u64().unwrap(),
            p["source_end"].as_u64().unwrap(),
        );
        assert!(
            a0 < a1 && a1 <= article_chars,
            "article offsets in chars: {p}"
        );
        assert!(s0 < s1 && s1 <= body_chars, "source offsets in chars: {p}");
        // A passage never starts or ends between a letter and its combining accent.
        let chars: Vec<char> = article.chars().collect();
        for edge in [a0, a1] {
            if let Some(c) = chars.get(edge as usize) {
                assert!(
                    !('\u{300}'..='\u{36f}').contains(c),
                    "a passage edge splits a combining sequence at {edge}: {p}"
                );
            }
        }
    }
}

#[test]
fn path_traversal_names_are_imported_by_their_real_path_only() {
    let t = TempArchive::new();
    let story = "Tram depot\n\nThe tram depot on the east side will be rebuilt over two years, \
                 the transport authority said on Tuesday.\n";
    let odd = t.write("in/..%2f..%2fetc%2fpasswd.txt", story.as_bytes());
    t.write("in/sub/keep.txt", story.replace("east", "west").as_bytes());
    let dotted = t.dir.path().join("in/sub/../sub/keep.txt");
    let run = t
        .run(&[
            "import",
            "--json",
            odd.to_str().unwrap(),
            dotted.to_str().unwrap(),
        ])
        .success();
    assert_eq!(imported(&run)["imported"], 2, "{}", run.stdout());
    for summary in t.run(&["list", "--json"]).success().json_lines() {
        let origin = summary["origin"].as_str().unwrap();
        assert!(
            origin.starts_with(t.dir.path().to_str().unwrap()),
            "the origin is the path given, inside the folder: {origin}"
        );
        let id = summary["id"].as_i64().unwrap().to_string();
        let shown = t
            .run(&["show", "--json", &id])
            .success()
            .json_lines()
            .remove(0);
        assert!(
            shown["body"].as_str().unwrap().contains("tram depot"),
            "the real file was read, not /etc/passwd: {shown}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_a_folder_is_skipped_and_the_walk_ends() {
    let t = TempArchive::new();
    t.write(
        "in/a/story.txt",
        b"Cycle bridge\n\nThe cycle bridge over the canal opens on Saturday after a year of work.\n",
    );
    let dir = t.dir.path().join("in");
    std::os::unix::fs::symlink(&dir, dir.join("a/loop")).unwrap();
    let started = Instant::now();
    let run = t.run(&["import", "--json", dir.to_str().unwrap()]);
    no_crash(&run, started, Duration::from_secs(10), "symlink loop");
    let summary = imported(&run.success());
    assert_eq!(summary["imported"], 1, "{summary}");
    let skipped = summary["skipped"].to_string();
    assert!(skipped.contains("loop"), "the loop is reported: {skipped}");
}

#[test]
fn gzip_and_zip_files_are_skipped_as_unsupported() {
    let t = TempArchive::new();
    // Real headers: gzip member (1f 8b 08) and a zip local file header (PK\3\4).
    let gzip = t.write(
        "stories.txt.gz",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x2b\x49\x2d\x2e\x01\x00\x0c\x7e\x7f\xd8\x04\x00\x00\x00",
    );
    let zip = t.write(
        "stories.zip",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00rest of a zip file",
    );
    let run = t
        .run(&[
            "import",
            "--json",
            gzip.to_str().unwrap(),
            zip.to_str().unwrap(),
        ])
        .success();
    let summary = imported(&run);
    assert_eq!(summary["imported"], 0);
    let skipped = summary["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 2, "{summary}");
    for s in skipped {
        assert!(
            s["reason"]
                .as_str()
                .unwrap()
                .contains("compressed files are not supported"),
            "{s}"
        );
    }
}
