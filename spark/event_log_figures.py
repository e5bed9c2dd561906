"""Shuffle volume and time per stage of a finished Spark job, from its event log.

    spark-submit --conf spark.eventLog.enabled=true --conf spark.eventLog.dir=file:///tmp/ev ...
    python spark/event_log_figures.py /tmp/ev/local-*

Prints one line per stage (its name, tasks, wall seconds, shuffle written and read, input read)
and the totals: the figures of docs/scale.md.
"""

import json
import pathlib
import subprocess
import sys
from collections import defaultdict


def lines(path: str):
    """The events of a log file, or of the one file of an event log folder (Spark 4 rolls
    logs into folders and compresses them with zstd by default: the zstd tool reads them)."""
    p = pathlib.Path(path)
    if p.is_dir():
        [p] = [f for f in p.iterdir() if f.name.startswith("events_")]
    if p.suffix == ".zstd":
        out = subprocess.run(["zstd", "-dc", str(p)], capture_output=True, check=True, text=True).stdout
        yield from out.splitlines()
    else:
        with open(p) as log:
            yield from log


def figures(path: str) -> dict:
    stages = {}
    metrics = defaultdict(lambda: defaultdict(int))
    for line in lines(path):
        if True:
            event = json.loads(line)
            kind = event.get("Event")
            if kind == "SparkListenerStageCompleted":
                info = event["Stage Info"]
                key = (info["Stage ID"], info["Stage Attempt ID"])
                stages[key] = {
                    "name": info["Stage Name"].split(" at ")[0],
                    "tasks": info["Number of Tasks"],
                    "seconds": (info.get("Completion Time", 0) - info.get("Submission Time", 0)) / 1000,
                }
            elif kind == "SparkListenerTaskEnd" and event.get("Task Metrics"):
                key = (event["Stage ID"], event["Stage Attempt ID"])
                m = event["Task Metrics"]
                write = m.get("Shuffle Write Metrics", {})
                read = m.get("Shuffle Read Metrics", {})
                metrics[key]["shuffle_write"] += write.get("Shuffle Bytes Written", 0)
                metrics[key]["shuffle_read"] += read.get("Remote Bytes Read", 0) + read.get("Local Bytes Read", 0)
                metrics[key]["input"] += m.get("Input Metrics", {}).get("Bytes Read", 0)
    rows = []
    for key in sorted(stages):
        rows.append({"stage": key[0], **stages[key], **metrics[key]})
    total = {k: sum(r.get(k, 0) for r in rows) for k in ("shuffle_write", "shuffle_read", "input")}
    return {"stages": rows, "total": total}


def main(paths: list[str]) -> None:
    for path in paths:
        result = figures(path)
        for r in result["stages"]:
            print(
                f"{r['stage']:>4} {r['name'][:40]:<40} tasks {r['tasks']:>4}  {r['seconds']:>7.1f} s  "
                f"shuffle write {r.get('shuffle_write', 0) / 1e6:>9.1f} MB  read {r.get('shuffle_read', 0) / 1e6:>9.1f} MB  "
                f"input {r.get('input', 0) / 1e6:>8.1f} MB"
            )
        t = result["total"]
        print(json.dumps({"total_MB": {k: round(v / 1e6, 1) for k, v in t.items()}}))


if __name__ == "__main__":
    main(sys.argv[1:])
