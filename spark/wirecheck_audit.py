"""A Wirecheck audit as an Apache Spark job: articles against an archive at cluster scale, with
the Rust engine (the ``wirecheck`` Python module) doing all text work in the executors.

    spark-submit spark/wirecheck_audit.py --stories stories.parquet --out audit/ articles.jsonl

The plan (docs/scale.md says why), the way passim plans its job:

1. stories (``wirecheck export``, JSON Lines or Parquet) and articles (JSON Lines records as
   ``wirecheck audit`` reads them, or Parquet with the same columns) are fingerprinted by the
   engine in the executors;
2. fingerprints held by more stories than the engine's stock-phrase cap
   (``wirecheck.MAX_POSTINGS``) are dropped, as the archive's retrieval skips them;
3. article and story fingerprints are joined on the hash, the shares counted per pair, and
   the engine's own rule (``wirecheck.pick_candidates``) picks each article's candidates from
   them and from the full-text path's rare words (joined on the term the same way);
4. each article is compared with its candidate stories by the engine in ``mapPartitions``
   (``wirecheck.record_line``: the ``results.jsonl`` line ``wirecheck audit`` writes);
5. the reports are written as JSON Lines (``results.jsonl/``) and a summary table with the
   columns of ``summary.csv`` (``summary.parquet/`` and ``summary.csv/``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Iterable, Iterator

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

import wirecheck

# The types of summary.csv's columns; the columns and their order are the engine's
# (wirecheck.SUMMARY_COLUMNS), any column not named here is a string.
SUMMARY_TYPES = {
    "coverage": T.DoubleType(),
    "top_source_id": T.LongType(),
    "credited": T.BooleanType(),
    "flagged": T.BooleanType(),
    "evidence_confidence": T.DoubleType(),
}
# What an article record may hold, read from Parquet into the JSON record audit reads.
RECORD_FIELDS = ("id", "url", "published", "text", "html")


def summary_schema() -> T.StructType:
    return T.StructType(
        [T.StructField(c, SUMMARY_TYPES.get(c, T.StringType()), True) for c in wirecheck.SUMMARY_COLUMNS]
    )


def read_stories(spark: SparkSession, path: str) -> DataFrame:
    """Exported stories: Parquet, or JSON Lines (by the file's name)."""
    if path.endswith(".parquet") or path.endswith(".parquet/"):
        return spark.read.parquet(path)
    return spark.read.json(path)


def read_articles(spark: SparkSession, paths: list[str]) -> DataFrame:
    """Article records as ``(aid, input, line)``: ``line`` the JSON record as audit reads it,
    ``input`` where it was read (``path:line``, numbered as audit numbers them)."""
    sc = spark.sparkContext
    parts = []
    offset = 0
    for path in paths:
        if path.endswith(".parquet") or path.endswith(".parquet/"):
            frame = spark.read.parquet(path)
            fields = [c for c in RECORD_FIELDS if c in frame.columns]
            rows = frame.select(*fields).rdd.map(
                lambda row: json.dumps({k: v for k, v in row.asDict().items() if v is not None})
            )
        else:
            rows = sc.textFile(path)
        numbered = rows.zipWithIndex().filter(lambda pair: pair[0].strip() != "")
        base = offset
        parts.append(
            numbered.map(lambda pair, p=path, b=base: (b + pair[1], f"{p}:{pair[1] + 1}", pair[0]))
        )
        offset += rows.count()
    rdd = parts[0] if len(parts) == 1 else sc.union(parts)
    schema = "aid long, input string, line string"
    return spark.createDataFrame(rdd, schema)


# Executor-side functions: each imports the module in the Python worker that runs it.


def story_fingerprints(rows: Iterable) -> Iterator[tuple[int, int]]:
    import wirecheck as engine

    for row in rows:
        for fp in engine.fingerprints(row["body"], row["language"]):
            yield fp, row["id"]


def story_terms(rows: Iterable) -> Iterator[tuple[str, int]]:
    import wirecheck as engine

    for row in rows:
        for term in engine.full_text_terms(row["headline"] or "", row["body"]):
            yield term, row["id"]


def article_keys(options: dict):
    def keys(rows: Iterable) -> Iterator[tuple]:
        import wirecheck as engine

        for row in rows:
            found = engine.record_keys(row["line"], before_from_article=options["before_from_article"])
            if found is None:
                continue
            terms = [engine.full_text_term(w) for w in found["query_words"]]
            yield row["aid"], found["words"], found["query_words"], terms, found["fingerprints"]

    return keys


def pick(rows: Iterable) -> Iterator[tuple[int, int, int]]:
    import wirecheck as engine

    for row in rows:
        shared = [(s["story_id"], s["shared"]) for s in (row["shared"] or [])]
        rare = {r["term"]: r["ids"] for r in (row["rare"] or [])}
        ids = engine.pick_candidates(row["words"], shared, row["query_words"], rare)
        for rank, story_id in enumerate(ids):
            yield row["aid"], rank, story_id


def compare(options: dict):
    check = {k: options[k] for k in ("preset", "min_words", "before", "exclude_agencies")}

    def run(rows: Iterable) -> Iterator[tuple[int, str]]:
        import wirecheck as engine

        for row in rows:
            candidates = sorted(row["candidates"] or [], key=lambda c: c["rank"])
            stories = [c["story"].asDict() for c in candidates]
            # The rare terms' lists, from which the verdict reads how many of the article's
            # rare words its source holds, as a check reads them from the full-text index.
            rare = {r["term"]: r["ids"] for r in (row["rare"] or [])}
            line = engine.record_line(
                row["line"],
                row["input"],
                stories,
                rare,
                before_from_article=options["before_from_article"],
                **check,
            )
            yield row["aid"], line.rstrip("\n")

    return run


def summary_rows(lines: Iterable) -> Iterator[tuple]:
    import wirecheck as engine

    for line in lines:
        row = engine.summary_row(line)
        yield tuple(row[c] for c in engine.SUMMARY_COLUMNS)


def audit(spark: SparkSession, stories: DataFrame, articles: DataFrame, out: str, options: dict) -> dict:
    """Runs the plan; returns counts for the log."""
    cap = wirecheck.MAX_POSTINGS
    rare_cap = wirecheck.RARE_MAX_STORIES
    stories = stories.select(
        *[c for c in stories.columns if c in STORY_COLUMNS]
    ).cache()
    articles = articles.cache()

    # 1. Fingerprints and full-text terms, by the engine, in the executors.
    story_fps = spark.createDataFrame(
        stories.select("id", "body", "language").rdd.mapPartitions(story_fingerprints),
        "hash long, story_id long",
    )
    keys = spark.createDataFrame(
        articles.rdd.mapPartitions(article_keys(options)),
        "aid long, words long, query_words array<string>, terms array<string>, fingerprints array<long>",
    ).cache()

    # 2. Stock phrases dropped over the whole archive, as the archive's lookups skip them.
    kept = story_fps.groupBy("hash").count().where(F.col("count") <= cap).select("hash")
    postings = story_fps.join(kept, "hash", "left_semi")

    # 3. Shared counts per (article, story): the join on the hash.
    article_fps = keys.select("aid", F.explode("fingerprints").alias("hash"))
    shared = (
        article_fps.join(postings, "hash")
        .groupBy("aid", "story_id")
        .agg(F.count("*").alias("shared"))
        .groupBy("aid")
        .agg(F.collect_list(F.struct("story_id", "shared")).alias("shared"))
    )
    # The full-text path: rare terms (held by at most RARE_MAX_STORIES stories) and their
    # stories, for the terms the articles look up.
    terms = spark.createDataFrame(
        stories.select("id", "headline", "body").rdd.mapPartitions(story_terms),
        "term string, story_id long",
    )
    asked = keys.select(F.explode("terms").alias("term")).distinct()
    rare_terms = (
        terms.join(asked, "term", "left_semi")
        .groupBy("term")
        .agg(F.collect_list("story_id").alias("ids"))
        .where(F.size("ids") <= rare_cap)
    )
    rare = (
        keys.select("aid", F.explode(F.array_distinct("terms")).alias("term"))
        .join(rare_terms, "term")
        .groupBy("aid")
        .agg(F.collect_list(F.struct("term", "ids")).alias("rare"))
    )
    picked = spark.createDataFrame(
        keys.select("aid", "words", "query_words")
        .join(shared, "aid", "left")
        .join(rare, "aid", "left")
        .rdd.mapPartitions(pick),
        "aid long, rank int, story_id long",
    ).cache()

    # 4. Each article against its candidates, by the engine.
    story = F.struct(*[F.col(c) for c in stories.columns]).alias("story")
    candidates = (
        picked.join(stories.select(F.col("id").alias("story_id"), story), "story_id")
        .groupBy("aid")
        .agg(F.collect_list(F.struct("rank", "story")).alias("candidates"))
    )
    lines = spark.createDataFrame(
        articles.join(candidates, "aid", "left")
        .join(rare, "aid", "left")
        .rdd.mapPartitions(compare(options)),
        "aid long, line string",
    ).cache()

    # 5. results.jsonl and the summary table.
    ordered = lines.orderBy("aid").select("line")
    ordered.write.mode("overwrite").text(f"{out}/results.jsonl")
    summary = spark.createDataFrame(ordered.rdd.map(lambda r: r["line"]).mapPartitions(summary_rows), summary_schema())
    summary.write.mode("overwrite").parquet(f"{out}/summary.parquet")
    # RFC 4180 quoting (a quote doubled), as summary.csv has it; Spark escapes with a backslash
    # by default.
    summary.coalesce(1).write.mode("overwrite").option("header", True).option("escape", '"').csv(
        f"{out}/summary.csv"
    )
    return {"articles": lines.count(), "stories": stories.count(), "candidates": picked.count()}


# The fields of an exported story (wirecheck export), the ones a comparison reads.
STORY_COLUMNS = (
    "id",
    "agency",
    "headline",
    "byline",
    "dateline",
    "published",
    "version_created",
    "external_id",
    "origin",
    "format",
    "body",
    "words",
    "imported_at",
    "language",
)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="+", help="JSON Lines (or Parquet) article records")
    parser.add_argument("--stories", required=True, help="wirecheck export output (.jsonl or .parquet)")
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--preset", choices=["strict", "standard", "lenient"])
    parser.add_argument("--min-words", type=int)
    parser.add_argument("--before", help="as wirecheck audit --before")
    parser.add_argument("--exclude-agency", action="append", default=None)
    parser.add_argument("--before-from-article", action="store_true")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    options = {
        "preset": args.preset,
        "min_words": args.min_words,
        "before": args.before,
        "exclude_agencies": args.exclude_agency,
        "before_from_article": args.before_from_article,
    }
    spark = SparkSession.builder.appName("wirecheck-audit").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    started = time.monotonic()
    counts = audit(spark, read_stories(spark, args.stories), read_articles(spark, args.articles), args.out, options)
    counts["seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps({"wirecheck_audit": counts}), flush=True)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
