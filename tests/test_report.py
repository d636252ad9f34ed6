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
        "coverage_by_source.png",
        "coverage_sources.png",
    ]
    for p in paths:
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_completeness_tables_by_hand() -> None:
    from military_exercises.plots.report import (
        completeness_by_period,
        completeness_by_region,
        series_completeness,
    )

    rows = [  # year, region, period, multinational, baseline, exercises, sized, complete, coordinates
        (2011, "(all)", "curated census", 4, 8.0, 5, 2, 1, 4),
        (2012, "(all)", "curated census", 6, 8.0, 6, 3, 0, 6),
        (2011, "Europe", "curated census", 3, 4.0, 4, 2, 1, 3),
        (2012, "Europe", "curated census", 5, 4.0, 5, 2, 0, 5),
    ]
    names = ["year", "region", "coverage_period", "n_multinational", "baseline_multinational", "n_exercises",
             "n_sized", "n_participants_complete", "n_with_coordinates"]  # fmt: skip
    coverage = pl.DataFrame([dict(zip(names, r, strict=True)) for r in rows]).with_columns(
        est_completeness=pl.col("n_multinational") / pl.col("baseline_multinational")
    )
    period = completeness_by_period(coverage).row(0, named=True)
    # (4 + 6) / 2 = 5 a year against 8; completeness (0.5 + 0.75) / 2 = 0.625 -> 0.62 (half to even)
    assert (period["years"], period["multinational_per_year"], period["est_completeness"]) == (
        "2011–2012",
        5.0,
        0.62,
    )
    europe = completeness_by_region(coverage).row(0, named=True)
    # 4 a year against 4.0; sized 4/9, complete lists 1/9, coordinates 8/9
    assert (europe["est_completeness"], europe["sized"], europe["complete_lists"], europe["coordinates"]) == (
        1.0, 0.44, 0.11, 0.89
    )  # fmt: skip
    status = pl.DataFrame({"status": ["held", "held", "open", "not_held"]})
    assert series_completeness(status).rows() == [("held", 2, 0.5), ("not_held", 1, 0.25), ("open", 1, 0.25)]


def test_census_targets_by_hand() -> None:
    from military_exercises.plots.report import census_targets

    years = list(range(2011, 2027))
    counts = {y: 100 for y in years} | {2020: 70, 2011: 10}  # 15 x 100 - 100 + 70 + 10 = 1,480
    coverage = pl.DataFrame({"year": years, "region": ["(all)"] * len(years),
                             "n_multinational": [counts[y] for y in years]})  # fmt: skip
    series_years = pl.DataFrame({"status": ["held"] * 9 + ["open"]})
    exercises = pl.DataFrame(
        {"source_file": ["dataset/sources/2020/a.yaml", "dataset/sources/2021/b.yaml", "dataset/upstream/mme"],
         "lat": [1.0, None, None]}
    )  # fmt: skip
    rows = {
        label: (value, ok) for label, value, _goal, ok in census_targets(exercises, coverage, series_years)
    }
    assert rows["multinational exercises 2011-2026"] == ("1,480", False)
    # 2011 is outside 2014-2025; 2020 is the one year below 80
    assert rows["multinational exercises in every year 2014-2025"] == (
        "lowest 2020: 70; below the goal: 2020 (70)",
        False,
    )
    assert rows["catalogued series-years present or explained"] == ("90%", True)
    # one of the two curated records has coordinates; the upstream row does not count
    assert rows["curated records with coordinates"] == ("50%", False)
