"""The Python module gives the CLI's reports, its errors as exceptions, and checks from many
threads at once."""

import collections
import json
import pathlib
import subprocess
import threading

import pytest

import wirecheck

ARTICLE_NAMES = [
    "light-edits-afp.txt",
    "spun-reuters.txt",
    "background-only-skyhaven.txt",
    "version-2-ap.txt",
    "site-junk-pti.txt",
]


@pytest.fixture()
def archive(archive_path, fixtures):
    archive = wirecheck.Archive(archive_path)
    summary = archive.import_paths([fixtures / "archive"])
    assert summary["imported"] > 10 and summary["skipped"] == []
    return archive


def cli_json(cli, *args):
    """The JSON lines the CLI prints (exit 0, or 1 for a flagged article)."""
    run = subprocess.run([cli, *args], capture_output=True, text=True, check=False)
    assert run.returncode in (0, 1), run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()]


def without_input(line):
    return {k: v for k, v in line.items() if k != "input"}


def test_check_gives_the_report_of_check_json(archive, archive_path, fixtures, cli):
    for name in ARTICLE_NAMES:
        path = fixtures / "articles" / name
        [expected] = cli_json(cli, "--db", str(archive_path), "check", "--json", str(path))
        report = archive.check(path.read_text())
        assert report == without_input(expected), name
    flagged = archive.check((fixtures / "articles" / "light-edits-afp.txt").read_text())
    assert flagged["derived"] == "wholly" and flagged["flags"], "the uncredited AFP copy"
    assert flagged["sources"][0]["agency"] == "AFP"


def test_check_options_are_the_cli_s(archive, archive_path, fixtures, cli):
    path = fixtures / "articles" / "light-edits-afp.txt"
    [expected] = cli_json(
        cli, "--db", str(archive_path), "check", "--json", "--exclude-agency", "AFP", str(path)
    )
    report = archive.check(path.read_text(), exclude_agencies=["AFP"])
    assert report == without_input(expected)
    assert all(s["agency"] != "AFP" for s in report["sources"])
    early = archive.check(path.read_text(), before="1990-01-01")
    assert early["sources"] == [], "no story was published before 1990"


def test_compare_gives_the_report_of_compare_json(fixtures, cli):
    article = fixtures / "articles" / "light-edits-afp.txt"
    source = fixtures / "archive" / "afp-chip-plant.txt"
    [expected] = cli_json(cli, "compare", "--json", str(article), str(source))
    report = wirecheck.compare(article.read_text(), source.read_text())
    assert report == without_input(expected)
    assert report["sources"][0]["coverage"] > 0.8
    other = wirecheck.compare(article.read_text(), source.read_text(), agency="Reuters")
    assert other["sources"][0]["agency"] == "Reuters", "the agency given wins"


def test_retrieval_rebuilt_from_the_pieces_gives_the_check_s_report(archive, fixtures):
    """What a distributed job does: fingerprints, the stock cap, shared counts, the engine's
    rule, then the comparison with the candidates, equals the archive's check."""
    stories = list(archive.stories())
    holders = collections.defaultdict(list)
    terms = collections.defaultdict(list)
    for story in stories:
        for fp in wirecheck.fingerprints(story["body"], story["language"]):
            holders[fp].append(story["id"])
        for term in wirecheck.full_text_terms(story["headline"], story["body"]):
            terms[term].append(story["id"])
    by_id = {s["id"]: s for s in stories}
    found = 0
    for name in ARTICLE_NAMES:
        text = (fixtures / "articles" / name).read_text()
        keys = wirecheck.article_keys(text)
        shared = collections.Counter()
        for fp in keys["fingerprints"]:
            ids = holders.get(fp, [])
            if len(ids) <= wirecheck.MAX_POSTINGS:
                shared.update(ids)
        ids = wirecheck.pick_candidates(
            keys["words"], list(shared.items()), keys["query_words"], dict(terms)
        )
        found += bool(ids)
        report = wirecheck.compare_candidates(text, [by_id[i] for i in ids], dict(terms))
        assert report == archive.check(text), name
    assert found == len(ARTICLE_NAMES), "every article shares fingerprints with the archive"


def test_stories_come_in_id_order_with_their_fields(archive):
    stories = list(archive.stories())
    assert len(stories) == len(archive)
    assert [s["id"] for s in stories] == sorted(s["id"] for s in stories)
    assert {"id", "agency", "headline", "body", "published", "language"} <= stories[0].keys()
    # A story's fingerprints are those of its text, whatever else it holds.
    story = stories[0]
    assert wirecheck.fingerprints(story["body"]) == wirecheck.fingerprints(story["body"], "en")
    assert wirecheck.fingerprints(story["body"]) != wirecheck.fingerprints(stories[1]["body"])


def test_errors_are_exceptions_with_the_engine_s_messages(archive, tmp_path):
    with pytest.raises(wirecheck.InputError, match="the article is empty"):
        archive.check("   ")
    with pytest.raises(wirecheck.InputError, match="too large"):
        archive.check("word " * 600_000)
    with pytest.raises(wirecheck.InputError, match="unknown preset"):
        archive.check("some text", preset="paranoid")
    with pytest.raises(wirecheck.InputError, match="unknown field `presets`"):
        archive.check("some text", presets="strict")
    with pytest.raises(wirecheck.InputError, match="minimum passage length"):
        archive.check("some text", min_words=1)
    with pytest.raises(wirecheck.InputError, match="candidate stories"):
        wirecheck.compare_candidates("some text", [{"id": 1}])
    with pytest.raises(wirecheck.InputError, match="given twice"):
        story = {"id": 7, "body": "The ferry sails at dawn."}
        wirecheck.compare_candidates("The ferry sails at dawn.", [story, story])
    not_sqlite = tmp_path / "notes.sqlite"
    not_sqlite.write_text("these are my notes, not an archive\n" * 10)
    with pytest.raises(wirecheck.ArchiveError, match="not a Wirecheck archive"):
        wirecheck.Archive(not_sqlite)
    with pytest.raises(wirecheck.ArchiveError):
        wirecheck.Archive(not_sqlite / "inside-a-file.sqlite")
    assert issubclass(wirecheck.InputError, wirecheck.WirecheckError)
    assert issubclass(wirecheck.ArchiveError, wirecheck.WirecheckError)


def test_threads_check_at_once_and_agree_with_one_thread(archive, fixtures):
    texts = [(fixtures / "articles" / n).read_text() for n in ARTICLE_NAMES]
    expected = [archive.check(t) for t in texts]
    results = {}
    errors = []
    start = threading.Barrier(4)

    def work(worker):
        try:
            start.wait()
            for round_ in range(3):
                for i, text in enumerate(texts):
                    results[(worker, round_, i)] = archive.check(text)
        except Exception as e:  # noqa: BLE001 - reported below, with the worker
            errors.append((worker, e))

    threads = [threading.Thread(target=work, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(results) == 4 * 3 * len(texts)
    for (_, _, i), report in results.items():
        assert report == expected[i]


def test_a_result_line_and_its_summary_row(fixtures):
    body = (fixtures / "archive" / "afp-chip-plant.txt").read_text()
    article = (fixtures / "articles" / "light-edits-afp.txt").read_text()
    story = {"id": 3, "agency": "AFP", "headline": "Chip plant", "body": body}
    record = json.dumps({"id": "a1", "url": "https://example.invalid/a1", "text": article})
    line = wirecheck.record_line(record, "articles.jsonl:1", [story])
    assert line.endswith("\n")
    result = json.loads(line)
    assert (result["id"], result["input"], result["derived"]) == ("a1", "articles.jsonl:1", "wholly")
    row = wirecheck.summary_row(line)
    assert list(row) == wirecheck.SUMMARY_COLUMNS
    assert (row["top_source_id"], row["top_source_agency"], row["flagged"]) == (3, "AFP", True)
    bad = wirecheck.record_line('{"id": "a2"}', "articles.jsonl:2", [story])
    assert json.loads(bad)["error_kind"] == "malformed"
    assert wirecheck.record_keys('{"id": "a2"}') is None
    assert wirecheck.record_keys(record)["fingerprints"]
