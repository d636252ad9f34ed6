"""Coverage report figures computed from small literal tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl

from military_exercises.plots.report import coverage_summary, per_group, per_year, write_charts


def exercises_frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "exercise_id": ["a", "b", "c", "d"],
            "year": [2009, 2015, 2015, 2020],
            "start_precision": ["day", "month", "day", "year"],
            "troops_best": [100, None, 300, None],
            "has_equipment_claims": [True, False, False, False],
            "n_sources": [1, 2, 2, 1],
            "region": ["Europe", None, "Europe", "Oceania"],
            "start_date": [dt.date(2009, 1, 1)] * 4,
        }
    )


def claims_frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "exercise_id": ["a", "a", "c", "c"],
            "quantity": ["troops", "tanks", "troops", "troops"],
            "basis": ["declared"] * 4,
        }
    )


def test_summary_shares_are_fractions_of_exercises() -> None:
    s = coverage_summary(exercises_frame(), claims_frame())
    assert s["exercises"] == 4
    assert s["troop_claims"] == 0.5  # a and c
    assert s["equipment_claims"] == 0.25  # a only
    assert s["day_precise_start"] == 0.5
    assert s["post_2010"] == 0.75
    assert (s["first_year"], s["last_year"]) == (2009, 2020)


def test_per_year_and_per_region_counts() -> None:
    py = per_year(exercises_frame())
    assert py.filter(pl.col("year") == 2015).row(0, named=True) == {
        "year": 2015, "exercises": 2, "with_troops": 1, "with_equipment": 0, "day_precise": 1, "sources": 4,
    }  # fmt: skip
    pr = per_group(exercises_frame(), "region")
    assert pr.rows() == [("Europe", 2, 2, 1), ("(none)", 1, 0, 0), ("Oceania", 1, 0, 0)]


def test_charts_are_written(tmp_path: Path) -> None:
    paths = write_charts(exercises_frame(), tmp_path)
    assert [p.name for p in paths] == [
        "coverage_per_year.png",
        "coverage_per_region.png",
        "coverage_sources.png",
    ]
    for p in paths:
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
