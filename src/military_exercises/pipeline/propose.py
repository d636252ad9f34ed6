"""Link proposals: which curated records and upstream rows, or MME and JME rows, may be one event.

Nothing here changes the data. ``military-exercises propose-links`` writes the candidates with their
reason; a person reviews them and writes the accepted ones into the records (``same_as:``) or into
``dataset/mappings/upstream_links.csv``. A candidate needs overlapping dates and at least one shared
state, and either the build's likely-duplicate rule (:mod:`~military_exercises.pipeline.matching`) or
similar names (at least half of the name words shared).
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path
from typing import Any

import polars as pl

from military_exercises.pipeline.matching import (
    ExerciseKey,
    jaccard,
    likely_same_pairs,
    name_words,
    overlaps,
    same_event_reason,
)

NAME_MIN_SHARED = 0.5


def keys_of(exercises: pl.DataFrame, participants: pl.DataFrame) -> list[ExerciseKey]:
    """Matching keys of published exercise rows (counted states only)."""
    states = (
        participants.filter(pl.col("role") != "observer").group_by("exercise_id").agg(s=pl.col("iso3").sort())
    )
    rows = exercises.join(states, on="exercise_id", how="left").with_columns(
        end=pl.coalesce("end_date", "start_date")
    )
    return [
        ExerciseKey(
            r["exercise_id"],
            r["start_date"],
            r["end"],
            r["series"],
            r["name"],
            r["location_country_iso3"],
            r["location_sea"],
            frozenset(r["s"] or ()),
        )
        for r in rows.iter_rows(named=True)
    ]


def candidates(left: list[ExerciseKey], right: list[ExerciseKey]) -> list[dict[str, Any]]:
    """Every plausible pair between the two lists, with the reason, best first."""
    by_id = {k.exercise_id: k for k in right}
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for a_id, b_id, reason in likely_same_pairs(left, against=right):
        out[(a_id, b_id)] = {"left": a_id, "right": b_id, "reason": reason}
    # similar names: the upstreams carry no catalogued series, so names do that work
    by_year: dict[int, list[ExerciseKey]] = {}
    for k in right:
        by_year.setdefault(k.start.year, []).append(k)
    for a in left:
        words = name_words(a.name)
        if not words:
            continue
        for b in by_year.get(a.start.year, []):
            if (a.exercise_id, b.exercise_id) in out or not overlaps(a, b):
                continue
            shared_name = jaccard(words, name_words(b.name))
            shared_states = jaccard(a.participants, b.participants)
            if shared_name >= NAME_MIN_SHARED and shared_states > 0:
                out[(a.exercise_id, b.exercise_id)] = {
                    "left": a.exercise_id, "right": b.exercise_id,
                    "reason": f"similar names ({shared_name:.0%} of words), overlapping dates, "
                              f"{shared_states:.0%} of states shared",
                }  # fmt: skip
    rows = list(out.values())
    for r in rows:
        a, b = next(k for k in left if k.exercise_id == r["left"]), by_id[r["right"]]
        r["left_name"], r["right_name"] = a.name, b.name
        r["left_start"], r["right_start"] = a.start.isoformat(), b.start.isoformat()
        r["left_states"] = ";".join(sorted(a.participants))
        r["right_states"] = ";".join(sorted(b.participants))
        r["strict"] = bool(
            name_words(a.name) and name_words(a.name) == name_words(b.name)
            and jaccard(a.participants, b.participants) >= NAME_MIN_SHARED
        ) or same_event_reason(a, b) is not None  # fmt: skip
    return sorted(rows, key=lambda r: (r["left"], r["right"]))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=Path("reports/link-proposals.csv"), help="CSV to write")


def run(args: argparse.Namespace) -> int:
    from military_exercises.load import load_table

    ex = pl.concat([load_table("exercises"), load_table("upstream_exercises")])
    parts = pl.concat([load_table("participants"), load_table("upstream_participants")])
    keys = keys_of(ex, parts)
    provenance = dict(zip(ex["exercise_id"], ex["provenance"], strict=True))
    curated = [k for k in keys if provenance[k.exercise_id] == "curated" and k.start.year <= 2010]
    mme = [k for k in keys if provenance[k.exercise_id] == "mme"]
    jme = [k for k in keys if provenance[k.exercise_id] == "jme"]
    rows = [{"kind": "curated-mme", **r} for r in candidates(curated, mme)]
    rows += [{"kind": "curated-jme", **r} for r in candidates(curated, jme)]
    rows += [{"kind": "mme-jme", **r} for r in candidates(mme, jme)]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]) if rows else ["kind"])
        writer.writeheader()
        writer.writerows(rows)
    counts = {k: sum(1 for r in rows if r["kind"] == k) for k in ("curated-mme", "curated-jme", "mme-jme")}
    print(f"wrote {len(rows)} candidate links to {args.out}: {counts}; review them before writing any")
    return 0
