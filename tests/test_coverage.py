"""The coverage table: counts per year and region by provenance, and completeness against MME's
2000-2010 rate, checked on a handful of rows whose answers are worked out by hand."""

from __future__ import annotations

import polars as pl
import pytest

from military_exercises.pipeline.coverage import coverage_table


def _rows() -> pl.DataFrame:
    rows = [
        # 2000, Europe: two MME rows (one multinational) and one linked MME+JME row (multinational)
        ("mme1", 2000, "Europe", 2, "mme", ["mme:1"], None, None, 50.0),
        ("mme2", 2000, "Europe", 1, "mme", ["mme:2"], None, None, None),
        ("mme3", 2000, "Europe", 3, "several", ["mme:3", "jme:9"], None, None, 51.0),
        # 2005, Europe: one JME-only multinational row, which the baseline does not count
        ("jme4", 2005, "Europe", 2, "jme", ["jme:4"], None, None, None),
        # 2010, no region: one MME multinational row at sea
        ("mme5", 2010, None, 4, "mme", ["mme:5"], None, None, None),
        # 2015, Europe: two curated rows, one sized with a complete list
        ("ex-a", 2015, "Europe", 2, "curated", [], 1200, True, 52.0),
        ("ex-b", 2015, "Europe", 5, "curated", [], None, False, None),
    ]
    names = ["exercise_id", "year", "region", "n_participants", "provenance", "upstream_ids",
             "troops_best", "participants_complete", "lat"]  # fmt: skip
    return pl.DataFrame(
        [dict(zip(names, r, strict=True)) for r in rows],
        schema={"exercise_id": pl.String, "year": pl.Int64, "region": pl.String, "n_participants": pl.Int64,
                "provenance": pl.String, "upstream_ids": pl.List(pl.String), "troops_best": pl.Int64,
                "participants_complete": pl.Boolean, "lat": pl.Float64},
    )  # fmt: skip


def _row(table: pl.DataFrame, year: int, region: str) -> dict:
    found = table.filter(pl.col("year") == year, pl.col("region") == region)
    assert found.height == 1
    return found.row(0, named=True)


def test_counts_by_provenance_and_baseline_from_mme_rows_only() -> None:
    table = coverage_table(_rows())
    europe_2000 = _row(table, 2000, "Europe")
    assert (europe_2000["n_exercises"], europe_2000["n_mme"], europe_2000["n_several"]) == (3, 2, 1)
    assert europe_2000["n_multinational"] == 2
    assert europe_2000["n_with_coordinates"] == 2
    # Europe's baseline: the MME-derived multinational rows of 2000-2010 (mme1, mme3) over 11 years
    assert europe_2000["baseline_multinational"] == pytest.approx(round(2 / 11, 1))  # 0.2
    assert europe_2000["est_completeness"] == pytest.approx(2 / 0.2)
    europe_2015 = _row(table, 2015, "Europe")
    assert europe_2015["coverage_period"] == "curated census"
    assert (europe_2015["n_curated"], europe_2015["n_sized"], europe_2015["n_participants_complete"]) == (
        2,
        1,
        1,
    )
    assert europe_2015["est_completeness"] == pytest.approx(2 / 0.2)


def test_year_totals_and_rows_without_region() -> None:
    table = coverage_table(_rows())
    all_2000 = _row(table, 2000, "(all)")
    assert all_2000["n_exercises"] == 3
    # all regions: mme1, mme3, mme5 are MME-derived and multinational -> 3 / 11 = 0.27 -> 0.3
    assert all_2000["baseline_multinational"] == pytest.approx(0.3)
    sea_2010 = _row(table, 2010, "(no region)")
    assert (sea_2010["n_exercises"], sea_2010["n_multinational"]) == (1, 1)
    assert _row(table, 2005, "Europe")["n_jme"] == 1


def test_every_year_of_the_coverage_periods_is_a_row_with_zeros_not_nulls() -> None:
    table = coverage_table(_rows())
    regions = {"(all)", "(no region)", "Europe"}
    assert set(table["region"]) == regions
    assert table.height == (2026 - 1970 + 1) * len(regions)
    empty = _row(table, 1975, "Europe")
    assert (empty["n_exercises"], empty["n_multinational"], empty["coverage_period"]) == (0, 0, "JME only")
    assert empty["est_completeness"] == 0.0
    assert table.filter(pl.col("n_exercises").is_null()).height == 0


def test_region_without_mme_rows_has_no_baseline() -> None:
    rows = _rows().vstack(
        pl.DataFrame(
            {
                "exercise_id": ["ex-c"],
                "year": [2016],
                "region": ["Oceania"],
                "n_participants": [2],
                "provenance": ["curated"],
                "upstream_ids": [[]],
                "troops_best": [None],
                "participants_complete": [None],
                "lat": [None],
            },
            schema=_rows().schema,
        )
    )
    oceania = _row(coverage_table(rows), 2016, "Oceania")
    assert oceania["baseline_multinational"] is None
    assert oceania["est_completeness"] is None
