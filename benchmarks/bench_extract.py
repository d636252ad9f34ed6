"""Extraction throughput: reports per second on one core, for reports of about 3 KB.

The reports are built deterministically from the annotated corpus (tests/data/extraction): each
one concatenates report bodies until it reaches about 3,000 characters, under one header, so the
text is realistic prose with numbers, dates and names. ``run(n)`` returns the measurement;
``python benchmarks/bench_extract.py [N]`` prints it as JSON (pinned to one CPU where the OS allows).
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


if __name__ == "__main__":
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    print(json.dumps(run(n), indent=2))
