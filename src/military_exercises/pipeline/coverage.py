"""The coverage table: what the release holds per year and region, against an estimated universe.

The method is ``METHOD`` below (printed in the codebook).
"""

from __future__ import annotations

import polars as pl

from military_exercises.vocab import COVERAGE_PERIODS

ALL = "(all)"
NO_REGION = "(no region)"
BASELINE_YEARS = (2000, 2010)

#: How the coverage table is computed (printed in CODEBOOK.md).
METHOD = """\
Each year from 1970 to 2026 has one row per region (the exercise's region; `(no region)` when none
is known, e.g. at sea across regions) and one row for all regions (`(all)`). Every count is of the
exercise rows the release holds (curated and upstream), split by `provenance`, so the seams between
the sources stay visible: JME alone covers 1970-1979, MME and JME 1980-2010, the curated census
2011-2026 (`coverage_period`).

The **baseline** is the mean number of multinational exercises (two or more participating states)
a year that MME v7 records for the region in 2000-2010, counting the rows that come from MME
(provenance `mme`, or `several` with an MME id). It stands for how many exercises a census at MME's
rate would hold. MME under-covers some regions (China, Africa), so the baseline is a floor of the
universe, not the universe. **est_completeness** is the year's multinational exercises (all
provenances) divided by the baseline; it can exceed 1. Upstream rows hold no sizes, so `n_sized`
counts curated records only in practice."""


def coverage_table(exercises: pl.DataFrame) -> pl.DataFrame:
    """Year x region (plus year totals, region '(all)') from every exercise row of the release."""
    lo = min(p[0] for p in COVERAGE_PERIODS)
    hi = max(p[1] for p in COVERAGE_PERIODS)
    ex = exercises.with_columns(
        region=pl.col("region").fill_null(NO_REGION),
        multinational=pl.col("n_participants") >= 2,
        from_mme=pl.col("upstream_ids").list.eval(pl.element().str.starts_with("mme:")).list.any(),
    )
    both = pl.concat([ex, ex.with_columns(region=pl.lit(ALL))])
    counts = both.group_by("year", "region").agg(
        n_exercises=pl.len().cast(pl.Int64),
        n_curated=(pl.col("provenance") == "curated").sum().cast(pl.Int64),
        n_mme=(pl.col("provenance") == "mme").sum().cast(pl.Int64),
        n_jme=(pl.col("provenance") == "jme").sum().cast(pl.Int64),
        n_several=(pl.col("provenance") == "several").sum().cast(pl.Int64),
        n_multinational=pl.col("multinational").sum().cast(pl.Int64),
        n_sized=pl.col("troops_best").is_not_null().sum().cast(pl.Int64),
        n_participants_complete=pl.col("participants_complete").fill_null(False).sum().cast(pl.Int64),
        n_with_coordinates=pl.col("lat").is_not_null().sum().cast(pl.Int64),
    )
    baseline = (
        both.filter(pl.col("year").is_between(*BASELINE_YEARS), pl.col("from_mme"), pl.col("multinational"))
        .group_by("region")
        .agg(baseline_multinational=(pl.len() / (BASELINE_YEARS[1] - BASELINE_YEARS[0] + 1)).round(1))
    )
    regions = both.select("region").unique()
    grid = pl.DataFrame({"year": list(range(lo, hi + 1))}, schema={"year": pl.Int64}).join(
        regions, how="cross"
    )
    period = pl.lit(None, dtype=pl.String)
    for p_lo, p_hi, label in reversed(COVERAGE_PERIODS):
        period = pl.when(pl.col("year").is_between(p_lo, p_hi)).then(pl.lit(label)).otherwise(period)
    count_cols = [c for c in counts.columns if c.startswith("n_")]
    return (
        grid.join(counts, on=["year", "region"], how="left")
        .with_columns(pl.col(c).fill_null(0) for c in count_cols)
        .join(baseline, on="region", how="left")
        .with_columns(
            coverage_period=period,
            est_completeness=pl.when(pl.col("baseline_multinational") > 0).then(
                (pl.col("n_multinational") / pl.col("baseline_multinational")).round(3)
            ),
        )
        .select(
            "year", "region", "coverage_period", *count_cols, "baseline_multinational", "est_completeness"
        )
        .sort("year", "region")
    )
