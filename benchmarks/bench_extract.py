"""Extraction throughput: reports per second on one core, for reports of about 3 KB.

The reports are built deterministically from the annotated corpus (tests/data/extraction): each
one concatenates report bodies until it reaches about 3,000 characters, under one header, so the
text is realistic prose with numbers, dates and names. ``run(n)`` returns the measurement;
``python benchmarks/bench_extract.py [N]`` prints it as JSON (pinned to one CPU where the OS allows).

``run_jobs(n, jobs)`` times the corpus command (``military-exercises extract corpus.jsonl --jobs J
--no-drafts``: extraction, the look-up against the dataset and the claims Parquet file) for each J,
the median of ``repeat`` runs, and gives reports per second per core and the speed-up over one job.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "data" / "extraction"
TARGET_REPORTS_PER_SECOND = 100
REPORT_CHARS = 3_000


def make_reports(n_reports: int, *, size: int = REPORT_CHARS) -> list[str]:
    """``n_reports`` texts of about ``size`` characters, each with a header and a publication date."""
    from military_exercises.extract import parse_header

    bodies = []
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        _info, start = parse_header(text)
        bodies.append(text[start:].strip())
    if not bodies:
        raise FileNotFoundError(f"no reports in {CORPUS}")
    reports = []
    k = 0
    for i in range(n_reports):
        header = (
            f"Title: Benchmark report {i}\nPublisher: Bench Wire\nURL: https://example.org/{i}\n"
            "Published: 2032-07-14\n\n"
        )
        parts: list[str] = []
        length = len(header)
        while length < size:
            body = bodies[k % len(bodies)]
            k += 1
            parts.append(body)
            length += len(body) + 2
        reports.append(header + "\n\n".join(parts))
    return reports


def run(n_reports: int = 300) -> dict[str, Any]:
    """Extract ``n_reports`` reports of ~3 KB in this process (one thread); return the throughput."""
    from military_exercises.extract import extract_records

    reports = make_reports(n_reports)
    extract_records(reports[0])  # warm-up: builds the gazetteer once, as a long run would
    t0 = time.perf_counter()
    drafts = 0
    for text in reports:
        drafts += len(extract_records(text))
    seconds = time.perf_counter() - t0
    rate = n_reports / seconds if seconds > 0 else float("inf")
    return {
        "name": "extract",
        "reports": n_reports,
        "mean_chars": round(sum(map(len, reports)) / n_reports),
        "drafts": drafts,
        "seconds": round(seconds, 3),
        "reports_per_second": round(rate, 1),
        "target_reports_per_second": TARGET_REPORTS_PER_SECOND,
        "meets_target": rate >= TARGET_REPORTS_PER_SECOND,
    }


def run_jobs(n_reports: int = 600, jobs: tuple[int, ...] = (1, 2), repeat: int = 3) -> dict[str, Any]:
    """The corpus command on ``n_reports`` reports with each number of jobs: median seconds of
    ``repeat`` runs, reports/s, reports/s per core (per job), and the speed-up over ``jobs[0]``."""
    import contextlib
    import io
    import statistics
    import tempfile

    from military_exercises.cli import main as cli_main

    reports = make_reports(n_reports)
    out: dict[str, Any] = {"name": "extract-jobs", "reports": n_reports, "repeat": repeat, "jobs": {}}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text(
            "".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(reports))
        )
        for j in jobs:
            times = []
            for r in range(repeat):
                args = ["extract", str(corpus), "--out", str(Path(tmp) / f"out-{j}-{r}"), "--no-drafts"]
                args += ["--no-progress", "--jobs", str(j), "--shard-size", "25"]
                t0 = time.perf_counter()
                with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                    code = cli_main(args)
                times.append(time.perf_counter() - t0)
                if code != 0:
                    raise RuntimeError(f"extract --jobs {j} exited {code}")
            seconds = statistics.median(times)
            out["jobs"][str(j)] = {
                "seconds": round(seconds, 3),
                "reports_per_second": round(n_reports / seconds, 1),
                "reports_per_second_per_core": round(n_reports / seconds / j, 1),
            }
    base = out["jobs"][str(jobs[0])]["seconds"]
    for j in jobs:
        out["jobs"][str(j)]["speedup"] = round(base / out["jobs"][str(j)]["seconds"], 2)
    return out


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--jobs":
        print(json.dumps(run_jobs(int(sys.argv[2]) if len(sys.argv) > 2 else 600), indent=2))
        raise SystemExit(0)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    print(json.dumps(run(n), indent=2))
