"""The Spark job in local[2] and `wirecheck audit` on the same fictional corpus give the same
verdicts and sources for every article, down to the same results.jsonl lines and summary rows."""

import csv
import json
import os
import pathlib
import subprocess
import sys

from wirecheck_paths import FIXTURES, ROOT, wirecheck_bin

JOB = ROOT / "spark" / "wirecheck_audit.py"


def run(*args, **kwargs):
    done = subprocess.run(args, capture_output=True, text=True, check=False, **kwargs)
    return done


def fixture_articles():
    """The republication fixture articles: texts, and saved pages (their credits in the
    page's metadata or its article header)."""
    return sorted(
        p for p in (FIXTURES / "articles").iterdir() if p.suffix in (".txt", ".html")
    )


def articles_export(path: pathlib.Path) -> None:
    """Every fixture article as a record, with the cases a record can be: a date before every
    story, a page given as HTML, a bad date, a blank line, a line that is not JSON."""
    lines = []
    for article in fixture_articles():
        body = "html" if article.suffix == ".html" else "text"
        lines.append(json.dumps({"id": article.stem, body: article.read_text()}))
    afp = (FIXTURES / "articles" / "light-edits-afp.txt").read_text()
    lines.append(json.dumps({"id": "dated-before-all", "published": "1990-01-01", "text": afp}))
    page = "<html><body><article><p>" + afp.replace("\n\n", "</p><p>") + "</p></article></body></html>"
    lines.append(json.dumps({"id": "as-html", "url": "https://example.invalid/a", "html": page}))
    lines.append(json.dumps({"id": "bad-date", "published": "last Tuesday", "text": afp}))
    lines.append("")
    lines.append("{not json")
    path.write_text("\n".join(lines) + "\n")


def by_name(lines):
    out = {}
    for line in lines:
        record = json.loads(line)
        out[record.get("id") or record["input"]] = record
    return out


def test_the_spark_job_gives_the_audit_s_verdicts_and_sources(tmp_path):
    cli = wirecheck_bin()
    db = tmp_path / "archive.sqlite"
    imported = run(cli, "--db", str(db), "import", str(FIXTURES / "archive"))
    assert imported.returncode == 0, imported.stderr
    stories = tmp_path / "stories.parquet"
    exported = run(cli, "--db", str(db), "export", "--format", "parquet", str(stories))
    assert exported.returncode == 0, exported.stderr
    articles = tmp_path / "articles.jsonl"
    articles_export(articles)

    audit_out = tmp_path / "audit"
    audited = run(cli, "--db", str(db), "audit", "--out", str(audit_out), str(articles))
    assert audited.returncode in (0, 1), audited.stderr

    spark_out = tmp_path / "spark"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    submit = pathlib.Path(sys.executable).parent / "spark-submit"
    job = run(
        str(submit),
        "--master", "local[2]",
        "--conf", "spark.sql.shuffle.partitions=4",
        "--conf", "spark.ui.enabled=false",
        str(JOB),
        "--stories", str(stories),
        "--out", str(spark_out),
        str(articles),
        env=env,
    )
    assert job.returncode == 0, job.stderr[-4000:]

    expected = by_name((audit_out / "results.jsonl").read_text().splitlines())
    got = by_name(
        line
        for part in sorted((spark_out / "results.jsonl").glob("part-*"))
        for line in part.read_text().splitlines()
    )
    assert set(got) == set(expected)
    assert len(expected) == len(fixture_articles()) + 4, (
        "every fixture article and every record (a blank line is none)"
    )
    assert any(
        c.get("kind") == "page_author" for c in expected["page-author-afp"].get("credits", [])
    ), "a page's declared author is read on the Spark path as by the audit"
    derived = 0
    for name, want in expected.items():
        have = got[name]
        assert have.get("derived") == want.get("derived"), name
        assert [s["id"] for s in have.get("sources", [])] == [s["id"] for s in want.get("sources", [])], name
        assert have.get("error_kind") == want.get("error_kind"), name
        assert have == want, name
        derived += want.get("derived") in ("wholly", "partially")
    assert derived >= 10, "the corpus is mostly copies: the comparison found them"
    assert expected["dated-before-all"]["sources"] == []
    assert expected["bad-date"]["error_kind"] == "bad_date"

    with open(audit_out / "summary.csv", newline="") as f:
        want_rows = list(csv.DictReader(f))
    [part] = sorted((spark_out / "summary.csv").glob("part-*.csv"))
    with open(part, newline="") as f:
        have_rows = list(csv.DictReader(f))
    key = lambda r: r["id"] or r["input"]  # noqa: E731
    assert list(have_rows[0]) == list(want_rows[0]), "the columns of summary.csv, in order"
    assert sorted(have_rows, key=key) == sorted(want_rows, key=key)
    assert list((spark_out / "summary.parquet").glob("part-*.parquet"))
