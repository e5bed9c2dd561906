//! Crashes and concurrent use: imports killed with SIGKILL, two imports at once, checks during
//! an import. The archive must stay sound and lose nothing.
//!
//! The desktop app reads and writes the archive through the same core `Archive` API as the
//! CLI, so `wirecheck` processes stand in for the app here: a check process is the app's
//! check, a second import process is the app importing while a script does.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{Run, TempArchive};

/// A small deterministic generator (xorshift64*), so every run kills at the same points.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `0.0..1.0`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const TOWNS: &[&str] = &[
    "Marlow Cove",
    "Eastbridge",
    "Kettering Vale",
    "Port Amsel",
    "Dunmore Heath",
    "Saltash Ridge",
    "Highcombe",
    "Wrenfield",
    "Oakhollow",
    "Brackenford",
    "Tallis Point",
    "Glenarrow",
    "Fenwick Bay",
    "Corrow",
    "Ashgrove",
    "Millbeck",
    "Redcliff Sound",
    "Larkspur",
    "Thornbury Flats",
    "Quillon",
];
const THINGS: &[&str] = &[
    "ferry terminal",
    "tram depot",
    "grain silo",
    "lifeboat station",
    "water tower",
    "cycle bridge",
    "fish market",
    "observatory",
    "seed bank",
    "ice rink",
    "clock tower",
    "bus garage",
    "sea wall",
    "orchard co-operative",
    "paper mill",
];
const MOODS: &[&str] = &[
    "cautious",
    "jubilant",
    "divided",
    "sceptical",
    "relieved",
    "impatient",
    "curious",
    "weary",
    "hopeful",
    "restless",
];
/// Fictional story templates: `{town}`, `{thing}`, `{mood}` and `{n}` are filled in.
const TEMPLATES: &[&str] = &[
    "Councillors in {town} approved plans on Tuesday to rebuild the {thing}, ending a dispute \
     that had run for {n} months. Residents were {mood} after the vote, which followed a long \
     public meeting in the old assembly rooms. The work is due to start in the spring and the \
     council said the cost would be met from its reserves rather than from higher charges.",
    "The {thing} in {town} will close for {n} weeks from Monday while engineers repair storm \
     damage to its roof, operators said. Traders nearby were {mood}, saying the closure came at \
     the busiest time of the year. A temporary service will run from the car park on the \
     harbour road, with extra staff on hand at weekends.",
    "A survey of the {thing} at {town} found {n} faults that need urgent attention, inspectors \
     reported on Thursday. Local groups gave a {mood} response and asked for the full report \
     to be published. The owners said most of the faults were minor and that the site remained \
     safe for visitors while the repairs were planned.",
];

/// Writes `files` JSON Lines files of `per_file` fictional stories each into `dir`, starting
/// at story number `first`; every story's words differ, so every one is distinct.
pub fn write_stories(dir: &Path, first: usize, files: usize, per_file: usize) -> usize {
    std::fs::create_dir_all(dir).unwrap();
    let mut n = first;
    for file in 0..files {
        let mut lines = String::new();
        for _ in 0..per_file {
            let town = TOWNS[n % TOWNS.len()];
            let thing = THINGS[(n / TOWNS.len()) % THINGS.len()];
            let mood = MOODS[(n / (TOWNS.len() * THINGS.len())) % MOODS.len()];
            let template = TEMPLATES[n % TEMPLATES.len()];
            let body = template
                .replace("{town}", town)
                .replace("{thing}", thing)
                .replace("{mood}", mood)
                .replace("{n}", &format!("{}", n + 2));
            let story = serde_json::json!({
                "id": format!("fict-{n}"),
                "agency": "Reuters",
                "headline": format!("{thing} news from {town} ({n})"),
                "body": format!("{body} Reference {n}."),
            });
            lines.push_str(&story.to_string());
            lines.push('\n');
            n += 1;
        }
        std::fs::write(dir.join(format!("feed-{:04}.jsonl", first + file)), lines).unwrap();
    }
    n - first
}

fn wirecheck(db: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_wirecheck"));
    command
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("WIRECHECK_DB")
        .env("NO_COLOR", "1");
    command
}

/// Runs `wirecheck --db DB args...` on another archive than a `TempArchive`'s own.
pub fn run_on(db: &Path, args: &[&str]) -> Run {
    let out = wirecheck(db, args)
        .stdin(Stdio::null())
        .output()
        .expect("the wirecheck binary runs");
    Run(out)
}

pub fn spawn_import(db: &Path, paths: &[&Path]) -> Child {
    let mut command = wirecheck(db, &["import", "--json"]);
    command
        .args(paths)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command.spawn().expect("the wirecheck binary runs")
}

fn stories_in(t: &TempArchive) -> i64 {
    let run = t.run(&["info", "--json"]).success();
    run.json_lines()[0]["stories"].as_i64().unwrap()
}

/// Asserts `wirecheck verify` passes: integrity_check, FTS, and every story's postings.
fn assert_sound(t: &TempArchive, context: &str) -> serde_json::Value {
    let run = t.run(&["verify", "--json"]);
    let report = run
        .json_lines()
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{context}: verify printed no JSON: {}", run.stderr()));
    assert_eq!(
        run.code(),
        0,
        "{context}: the archive must verify clean: {report:#}"
    );
    assert_eq!(report["ok"], true, "{context}: {report:#}");
    report
}

#[test]
fn imports_killed_at_20_points_leave_a_sound_archive_and_a_rerun_completes() {
    let t = TempArchive::new();
    let feeds = t.dir.path().join("feeds");
    let total = write_stories(&feeds, 0, 60, 50);

    // One full import first, to know how long an import runs and so where to kill it.
    let scratch = t.dir.path().join("scratch.sqlite");
    let started = Instant::now();
    let out = spawn_import(&scratch, &[&feeds])
        .wait_with_output()
        .unwrap();
    let full = started.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut rng = Rng(0x5eed_cafe_f00d_0001);
    let mut estimate = full;
    let (mut kills, mut attempts, mut reset) = (0, 0, true);
    while kills < 20 {
        attempts += 1;
        assert!(
            attempts <= 40,
            "imports keep finishing before the kill (first took {full:?})"
        );
        // Even kills hit a first import into a fresh archive, at points spread over it by
        // strata; odd kills hit the rerun into the half-filled archive the previous kill
        // left (duplicate lookups, then new stories), which is shorter, so they come earlier.
        let fraction = if kills % 2 == 0 || reset {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", t.db().display()));
            }
            0.03 + 0.92 * ((kills / 2) as f64 + rng.unit()) / 10.0
        } else {
            0.03 + 0.5 * rng.unit()
        };
        let delay = estimate.mul_f64(fraction);
        let mut child = spawn_import(&t.db(), &[&feeds]);
        std::thread::sleep(delay);
        let finished = child.try_wait().unwrap().is_some();
        child.kill().unwrap(); // SIGKILL on Unix: no destructor, no rollback, no checkpoint
        child.wait().unwrap();

        let context = format!("kill {kills} (attempt {attempts}) after {delay:?}");
        let stories = stories_in(&t);
        let report = assert_sound(&t, &context);
        assert_eq!(report["stories"], stories, "{context}");
        assert!(
            stories <= total as i64,
            "{context}: never more than the feed"
        );
        // An import that ended before the kill ran faster than measured (the machine is
        // less loaded than during the measurement): estimate shorter and kill again.
        reset = finished;
        if finished {
            estimate = estimate.mul_f64(0.75);
        } else {
            kills += 1;
        }
    }
    eprintln!("20 kills inside imports in {attempts} attempts (first import took {full:?})");

    let run = t
        .run(&["import", "--json", feeds.to_str().unwrap()])
        .success();
    let summary = &run.json_lines()[0];
    assert_eq!(
        summary["imported"].as_i64().unwrap() + summary["duplicates"].as_i64().unwrap(),
        total as i64,
        "the rerun reads every story: {summary}"
    );
    assert_eq!(
        stories_in(&t),
        total as i64,
        "the archive holds each story exactly once"
    );
    assert_sound(&t, "after the final import");
}

/// Waits for an import and returns its summary, asserting it succeeded.
fn finish_import(child: Child, name: &str) -> serde_json::Value {
    let out = child.wait_with_output().unwrap();
    let run = Run(out);
    assert!(
        !run.stderr().contains("locked") && !run.stderr().contains("busy"),
        "{name}: {}",
        run.stderr()
    );
    run.success().json_lines().remove(0)
}

#[test]
fn two_imports_at_once_both_succeed_and_lose_nothing() {
    let t = TempArchive::new();
    let a = t.dir.path().join("a");
    let b = t.dir.path().join("b");
    let shared = t.dir.path().join("shared");
    let in_a = write_stories(&a, 0, 10, 60);
    let in_b = write_stories(&b, 10_000, 10, 60);
    let in_shared = write_stories(&shared, 20_000, 5, 60);

    // Disjoint folders, and each also takes the shared one: the same stories arrive from both
    // processes, and exactly one of them may store each.
    let first = spawn_import(&t.db(), &[&a, &shared]);
    let second = spawn_import(&t.db(), &[&shared, &b]);
    let first = finish_import(first, "first import");
    let second = finish_import(second, "second import");

    let distinct = (in_a + in_b + in_shared) as i64;
    let imported = first["imported"].as_i64().unwrap() + second["imported"].as_i64().unwrap();
    assert_eq!(
        imported, distinct,
        "each story stored by exactly one import: {first} {second}"
    );
    assert_eq!(stories_in(&t), distinct, "no story lost, none twice");
    assert_sound(&t, "after two concurrent imports");
}

#[test]
fn checks_during_an_import_never_fail() {
    let t = TempArchive::new();
    let first = t.dir.path().join("first");
    let more = t.dir.path().join("more");
    write_stories(&first, 0, 2, 50);
    write_stories(&more, 1_000, 40, 50);
    t.run(&["import", first.to_str().unwrap()]).success();
    // An article copied from story 7 of the first folder, which is stored before the check
    // loop starts: every check must find it, whatever the import is doing.
    let story = t
        .run(&["show", "--json", "8"])
        .success()
        .json_lines()
        .remove(0);
    let article = t.write("article.txt", story["body"].as_str().unwrap().as_bytes());

    let mut import = spawn_import(&t.db(), &[&more]);
    let mut checks = 0;
    let deadline = Instant::now() + Duration::from_secs(60);
    while import.try_wait().unwrap().is_none() || checks < 3 {
        let run = t.run(&["check", "--json", article.to_str().unwrap()]);
        assert!(
            run.code() == 0 || run.code() == 1,
            "check {checks} failed during the import: {}",
            run.stderr()
        );
        let report = &run.json_lines()[0];
        assert_eq!(
            report["derived"], "wholly",
            "check {checks} still finds the source: {report}"
        );
        checks += 1;
        assert!(Instant::now() < deadline, "the import must finish");
    }
    let summary = finish_import(import, "import");
    assert_eq!(summary["imported"], 2000);
    assert!(checks >= 3, "checks ran during the import");
    assert_sound(&t, "after checks during an import");
}
