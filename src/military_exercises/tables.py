"""Assemble the published tables from normalized records, with the cross-file checks.

Cross-file rules: exercise ids are unique; a source id means one page (same metadata wherever it is
cited) and one URL has one id; implausible figures need an allow-list entry with a reason.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import Any

import polars as pl

from military_exercises.mappings import Mappings
from military_exercises.normalize import SOURCE_FIELDS, NormalizedRecord
from military_exercises.problems import Problem
from military_exercises.reconcile import claim_intervals, reconcile
from military_exercises.records import ParsedRecord
from military_exercises.schemas import TABLES


def _frame(rows: list[dict[str, Any]], table: str, extra: dict[str, Any] | None = None) -> pl.DataFrame:
    """Rows -> DataFrame with exactly the model's column order and dtypes."""
    schema = {name: col.dtype.type for name, col in TABLES[table].to_schema().columns.items()}
    if extra:
        schema.update(extra)
    cols = {name: [r.get(name) for r in rows] for name in schema}
    return pl.DataFrame(cols, schema=schema)


def read_allowlist(path: Path) -> tuple[dict[tuple[str, str], str], list[Problem]]:
    """(exercise_id, quantity) -> reason. Rows without a reason are problems."""
    out: dict[tuple[str, str], str] = {}
    problems: list[Problem] = []
    if not path.exists():
        return out, problems
    with path.open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh), start=2):
            if not (row.get("reason") or "").strip():
                problems.append(Problem(path.name, i, "reason", "an allow-list entry needs a reason"))
                continue
            out[(row["exercise_id"], row["quantity"])] = row["reason"].strip()
    return out, problems


def duplicate_id_problems(parsed: list[ParsedRecord]) -> list[Problem]:
    """Exercise ids used by more than one file.

    Checked on parsed records, before normalization, so that a copied file whose id was not
    changed is named as a duplicate even when it has other problems too.
    """
    problems: list[Problem] = []
    first: dict[str, str] = {}
    for p in sorted(parsed, key=lambda p: p.path):
        ex_id = p.record.id
        if ex_id in first:
            problems.append(
                Problem(p.path, p.line("id"), "id", f"exercise id {ex_id!r} is also used by {first[ex_id]}")
            )
        else:
            first[ex_id] = p.path
    return problems


def cross_file_problems(
    records: list[NormalizedRecord], allowlist: dict[tuple[str, str], str]
) -> list[Problem]:
    """Problems that only show across files: shared source ids and URLs, implausible figures.

    Duplicate exercise ids are checked earlier, by :func:`duplicate_id_problems`.
    """
    problems: list[Problem] = []

    first_source: dict[str, dict[str, Any]] = {}
    url_owner: dict[str, dict[str, Any]] = {}
    for r in records:
        for s in r.sources:
            seen = first_source.get(s["source_id"])
            if seen is None:
                first_source[s["source_id"]] = s
            else:
                for key in SOURCE_FIELDS:
                    if seen[key] != s[key]:
                        problems.append(
                            Problem(
                                s["_file"],
                                s["_lines"][key],
                                f"sources[{s['_index']}].{key}",
                                f"source {s['source_id']!r} has {key} {s[key]!r} here but "
                                f"{seen[key]!r} in {seen['_file']}; one id, one page",
                            )
                        )
            owner = url_owner.setdefault(s["url"], s)
            if owner["source_id"] != s["source_id"]:
                problems.append(
                    Problem(
                        s["_file"],
                        s["_lines"]["url"],
                        f"sources[{s['_index']}].url",
                        f"url is already cited as {owner['source_id']!r} in {owner['_file']}; reuse that id",
                    )
                )
    for r in records:
        for c in r.claims:
            if c["_plausible"]:
                continue
            if (c["exercise_id"], c["quantity"]) not in allowlist:
                biggest = max(v for v in (c["value"], c["low"], c["high"]) if v is not None)
                problems.append(
                    Problem(
                        r.exercise["source_file"],
                        c["_biggest_line"],
                        c["_biggest_field"],
                        f"{c['quantity']} {biggest:,} is above the plausibility limit {c['_limit']:,}; "
                        "if a source really says so, add "
                        f"'{c['exercise_id']},{c['quantity']},<reason>' to dataset/allowlist.csv",
                    )
                )
    return problems


def build_tables(records: list[NormalizedRecord], maps: Mappings) -> dict[str, pl.DataFrame]:
    """All published tables, sorted by their keys so that output is deterministic."""
    records = sorted(records, key=lambda r: r.exercise["exercise_id"])
    countries = maps.countries

    participants_rows = [p for r in records for p in r.participants]
    claims_rows = [c for r in records for c in r.claims]
    claims = _frame(
        claims_rows,
        "claims",
    ).drop("floor", "ceiling", "point")
    claims = (
        claim_intervals(claims.lazy())
        .select(list(TABLES["claims"].to_schema().columns))
        .sort("claim_id")
        .collect()
    )
    base_participants = pl.DataFrame(
        {
            "exercise_id": [p["exercise_id"] for p in participants_rows],
            "iso3": [p["iso3"] for p in participants_rows],
            "role": [p["role"] for p in participants_rows],
        },
        schema={"exercise_id": pl.String, "iso3": pl.String, "role": pl.String},
    )
    sizes = reconcile(claims, base_participants)

    # Exercises: participants lists, headline troops, counts.
    ex_rows = [dict(r.exercise) for r in records]
    exercises = _frame(ex_rows, "exercises")
    roles = base_participants.group_by("exercise_id").agg(
        hosts=pl.col("iso3").filter(pl.col("role") == "host").sort(),
        participants=pl.col("iso3").filter(pl.col("role") != "observer").sort(),
        observers=pl.col("iso3").filter(pl.col("role") == "observer").sort(),
    )
    troops = sizes.filter((pl.col("quantity") == "troops") & (pl.col("scope") == "exercise"))
    headline = (
        troops.filter(pl.col("basis") == "combined")
        .sort("exercise_id", "method")  # 'claims' sorts before 'derived_from_contingents'
        .unique("exercise_id", keep="first", maintain_order=True)
        .select(
            "exercise_id",
            troops_low="low",
            troops_best="best",
            troops_high="high",
            troops_low_open="low_open",
            troops_high_open="high_open",
            troops_method="method",
        )
    )
    per_basis = (
        troops.filter(pl.col("basis") != "combined")
        .sort("exercise_id", "basis", "method")
        .unique(["exercise_id", "basis"], keep="first", maintain_order=True)
        .pivot(
            on="basis", index="exercise_id", values="best", on_columns=["declared", "estimated", "reported"]
        )
        .rename(
            {
                "declared": "troops_declared_best",
                "estimated": "troops_estimated_best",
                "reported": "troops_reported_best",
            }
        )
    )
    claim_counts = claims.group_by("exercise_id").agg(
        n_claims=pl.len().cast(pl.Int64),
        has_equipment_claims=(pl.col("quantity") != "troops").any(),
    )
    source_counts = pl.DataFrame(
        {
            "exercise_id": [r.exercise["exercise_id"] for r in records],
            "n_sources": [len(r.sources) for r in records],
        },
        schema={"exercise_id": pl.String, "n_sources": pl.Int64},
    )
    computed = [
        "hosts", "participants", "observers", "n_participants", "troops_low", "troops_best", "troops_high",
        "troops_low_open", "troops_high_open", "troops_method", "troops_declared_best",
        "troops_estimated_best", "troops_reported_best", "has_equipment_claims", "n_claims", "n_sources",
    ]  # fmt: skip
    exercises = (
        exercises.drop(computed)
        .join(roles, on="exercise_id", how="left")
        .join(headline, on="exercise_id", how="left")
        .join(per_basis, on="exercise_id", how="left")
        .join(claim_counts, on="exercise_id", how="left")
        .join(source_counts, on="exercise_id", how="left")
        .with_columns(
            n_participants=pl.col("participants").list.len().cast(pl.Int64),
            n_claims=pl.col("n_claims").fill_null(0),
            has_equipment_claims=pl.col("has_equipment_claims").fill_null(False),
        )
        .select(list(TABLES["exercises"].to_schema().columns))
        .sort("exercise_id")
    )

    contingents = sizes.filter(
        (pl.col("quantity") == "troops") & (pl.col("scope") == "country") & (pl.col("basis") == "combined")
    ).select("exercise_id", iso3="country_iso3", troops_low="low", troops_best="best", troops_high="high")
    participants = (
        base_participants.join(
            countries.select(
                "iso3", country_name="name", gw_code="gw_code", cow_code="cow_code", region="region"
            ),
            on="iso3",
            how="left",
        )
        .join(exercises.select("exercise_id", "year"), on="exercise_id", how="left")
        .join(contingents, on=["exercise_id", "iso3"], how="left")
        .select(list(TABLES["participants"].to_schema().columns))
        .sort("exercise_id", "iso3")
    )

    first: dict[str, dict[str, Any]] = {}
    cited_by: dict[str, set[str]] = defaultdict(set)
    for r in records:
        for s in r.sources:
            first.setdefault(s["source_id"], s)
            cited_by[s["source_id"]].add(r.exercise["exercise_id"])
    source_rows = [dict(s, exercise_ids=sorted(cited_by[sid])) for sid, s in sorted(first.items())]
    sources = _frame(source_rows, "sources")

    return {
        "exercises": exercises,
        "participants": participants,
        "claims": claims,
        "sizes": sizes,
        "sources": sources,
        "countries": countries,
    }
