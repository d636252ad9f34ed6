"""Uncertainty draws: the documented rule (bounds, open sides, distributions, seeds) and pooling."""

from __future__ import annotations

import math

import polars as pl
import pytest

from analysis_fixtures import A, C, exercises
from military_exercises.analysis.stats import troops_per_year
from military_exercises.analysis.uncertainty import draw_sizes, over_draws, pool_rubin, summarise_draws


def sizes(
    low: int | None, best: int | None, high: int | None, low_open: bool = False, high_open: bool = False
) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "exercise_id": ["2020-05-alpha-drill"],
            "troops_low": [low],
            "troops_best": [best],
            "troops_high": [high],
            "troops_low_open": [low_open],
            "troops_high_open": [high_open],
        },
        schema_overrides={"troops_low": pl.Int64, "troops_best": pl.Int64, "troops_high": pl.Int64},
    )


def test_same_seed_same_draws_other_seed_other_draws() -> None:
    ex = exercises()
    one = draw_sizes(ex, n_draws=20, seed=7)
    two = draw_sizes(ex, n_draws=20, seed=7)
    other = draw_sizes(ex, n_draws=20, seed=8)
    assert one.equals(two)
    assert not one["troops_draw"].equals(other["troops_draw"])
    assert one.height == 20 * ex.height
    assert one["draw"].unique().sort().to_list() == list(range(20))


def test_closed_bounds_are_respected_and_equal_bounds_give_the_value() -> None:
    d = draw_sizes(sizes(100, 150, 400), n_draws=2000, seed=1)["troops_draw"]
    assert d.min() >= 100 and d.max() <= 400  # type: ignore[operator]
    exact = draw_sizes(sizes(1000, 1000, 1000), n_draws=50, seed=1)["troops_draw"]
    assert exact.unique().to_list() == [1000]


def test_missing_size_stays_missing_in_every_draw() -> None:
    d = draw_sizes(exercises(), n_draws=30, seed=3)
    bravo = d.filter(pl.col("exercise_id") == "2020-06-bravo-drill")["troops_draw"]
    assert bravo.null_count() == 30
    assert d.filter(pl.col("exercise_id") == A)["troops_draw"].unique().to_list() == [1000]


def test_open_high_is_extended_by_the_factor() -> None:
    # "more than 10,000": low = best = high = 10,000, high open -> drawn in [10,000, 15,000]
    d = draw_sizes(sizes(10_000, 10_000, 10_000, high_open=True), n_draws=5000, seed=2)["troops_draw"]
    assert d.min() >= 10_000 and d.max() <= 15_000  # type: ignore[operator]
    assert d.max() > 14_000  # type: ignore[operator]
    # triangular with mode at the low end: mean = (10,000 + 10,000 + 15,000) / 3
    assert d.mean() == pytest.approx(35_000 / 3, rel=0.01)
    wider = draw_sizes(sizes(10_000, 10_000, 10_000, high_open=True), n_draws=2000, seed=2, open_factor=2.0)
    assert wider["troops_draw"].max() > 19_000  # type: ignore[operator]
    hard = draw_sizes(sizes(10_000, 10_000, 10_000, high_open=True), n_draws=50, seed=2, open_factor=1.0)
    assert hard["troops_draw"].unique().to_list() == [10_000]


def test_open_low_is_divided_by_the_factor() -> None:
    # "up to 9,000": drawn in [6,000, 9,000]
    d = draw_sizes(sizes(9000, 9000, 9000, low_open=True), n_draws=5000, seed=4)["troops_draw"]
    assert d.min() >= 6000 and d.max() <= 9000  # type: ignore[operator]
    assert d.min() < 6300  # type: ignore[operator]


def test_triangular_and_uniform_means() -> None:
    tri = draw_sizes(sizes(0, 300, 900), n_draws=20_000, seed=5)["troops_draw"]
    assert tri.mean() == pytest.approx(400, rel=0.02)  # (0 + 300 + 900) / 3
    uni = draw_sizes(sizes(0, 300, 900), n_draws=20_000, seed=5, distribution="uniform")["troops_draw"]
    assert uni.mean() == pytest.approx(450, rel=0.02)


def test_bad_options_are_refused() -> None:
    frame = sizes(1, 2, 3)
    with pytest.raises(ValueError, match="accepted: triangular, uniform"):
        draw_sizes(frame, n_draws=2, seed=0, distribution="normal")
    with pytest.raises(ValueError, match="at least 1"):
        draw_sizes(frame, n_draws=0, seed=0)
    with pytest.raises(ValueError, match=">= 1"):
        draw_sizes(frame, n_draws=2, seed=0, open_factor=0.5)
    with pytest.raises(ValueError, match="low <= best <= high"):
        draw_sizes(sizes(5, 2, 3), n_draws=2, seed=0)
    with pytest.raises(ValueError, match="no size column"):
        draw_sizes(frame, n_draws=2, seed=0, prefix="equipment_")


def test_sizes_table_prefix_and_participants_without_open_flags() -> None:
    table = pl.DataFrame({"low": [10], "best": [10], "high": [10], "low_open": [False], "high_open": [True]})
    d = draw_sizes(table, n_draws=500, seed=1, prefix="", name="value")
    assert d["value"].min() >= 10 and d["value"].max() <= 15  # type: ignore[operator]
    no_flags = pl.DataFrame({"troops_low": [5], "troops_best": [5], "troops_high": [5]})
    assert draw_sizes(no_flags, n_draws=10, seed=1)["troops_draw"].unique().to_list() == [5]


def test_over_draws_runs_any_statistic_on_each_drawn_dataset() -> None:
    ex = exercises()
    per_draw = over_draws(ex, troops_per_year, n_draws=25, seed=11)
    assert per_draw["draw"].unique().sort().to_list() == list(range(25))
    draws = draw_sizes(ex, n_draws=25, seed=11)
    expected = draws.group_by("draw", "year").agg(pl.col("troops_draw").sum()).sort("draw", "year")
    got = per_draw.filter(pl.col("n_sized") > 0).select("draw", "year", "troops_best").sort("draw", "year")
    assert got["troops_best"].to_list() == expected.filter(pl.col("year") != 2020)["troops_draw"].to_list()
    charlie = draws.filter(pl.col("exercise_id") == C)["troops_draw"]
    assert charlie.min() >= 10_000 and charlie.max() <= 30_000  # type: ignore[operator]


def test_summarise_draws_quantiles() -> None:
    frame = pl.DataFrame({"draw": list(range(100)), "value": [float(v) for v in range(1, 101)]})
    row = summarise_draws(frame, value="value").row(0, named=True)
    assert row["n_draws"] == 100
    assert row["mean"] == pytest.approx(50.5) and row["median"] == pytest.approx(50.5)
    assert row["lower"] == pytest.approx(5.95) and row["upper"] == pytest.approx(95.05)
    grouped = summarise_draws(frame.with_columns((pl.col("draw") % 2).alias("g")), value="value", by="g")
    assert grouped["g"].to_list() == [0, 1]
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        summarise_draws(frame, value="value", level=1.0)


def test_pool_rubin_hand_computed() -> None:
    estimates = pl.DataFrame({"term": ["x"] * 3, "estimate": [1.0, 2.0, 3.0], "std_error": [1.0, 1.0, 1.0]})
    row = pool_rubin(estimates, by="term").row(0, named=True)
    # W = 1, B = 1, T = 1 + (1 + 1/3) * 1
    assert row["estimate"] == pytest.approx(2.0)
    assert row["within_var"] == pytest.approx(1.0) and row["between_var"] == pytest.approx(1.0)
    assert row["std_error"] == pytest.approx(math.sqrt(1 + 4 / 3))
    assert row["dof"] == pytest.approx(2 * (1 + 1 / (4 / 3)) ** 2)
    same = pool_rubin(pl.DataFrame({"estimate": [2.0, 2.0], "std_error": [0.5, 0.5]})).row(0, named=True)
    assert same["std_error"] == pytest.approx(0.5) and same["dof"] is None


def _strata_frame() -> pl.DataFrame:
    """Three sized rows and two unsized ones: row 3 shares region and kind with rows 0 and 1; no sized
    row shares row 4's region."""
    return pl.DataFrame(
        {
            "exercise_id": ["e0", "e1", "e2", "e3", "e4"],
            "year": [2020, 2020, 2020, 2020, 2021],
            "region": ["Europe", "Europe", "East Asia", "Europe", "Sub-Saharan Africa"],
            "kind": ["bilateral"] * 5,
            "troops_low": [100, 200, 5000, None, None],
            "troops_best": [100, 200, 5000, None, None],
            "troops_high": [100, 200, 5000, None, None],
        },
        schema_overrides={c: pl.Int64 for c in ("troops_low", "troops_best", "troops_high")},
    )


def test_hot_deck_takes_sizes_from_the_same_stratum_and_says_so() -> None:
    frame = _strata_frame()
    drawn = draw_sizes(frame, n_draws=200, seed=7, impute="hot_deck", min_donors=2)
    by_row = {k[0]: g for k, g in drawn.group_by("exercise_id")}
    # sized rows keep their (closed) sizes and are not imputed
    assert set(by_row["e0"]["troops_draw"]) == {100} and not by_row["e0"]["imputed"].any()
    # e3: donors e0 and e1 (Europe, bilateral); over 200 draws both are picked, never e2's 5000
    assert set(by_row["e3"]["troops_draw"]) == {100, 200}
    assert by_row["e3"]["imputed"].all()
    assert set(by_row["e3"]["impute_stratum"]) == {"region=Europe, kind=bilateral"}
    # e4: no sized row in its region: every sized row of the frame is a donor
    assert set(by_row["e4"]["troops_draw"]) == {100, 200, 5000}
    assert set(by_row["e4"]["impute_stratum"]) == {"all sized rows"}
    # reproducible with the seed
    again = draw_sizes(frame, n_draws=200, seed=7, impute="hot_deck", min_donors=2)
    assert again.equals(drawn)


def test_hot_deck_falls_back_when_a_stratum_has_too_few_donors() -> None:
    drawn = draw_sizes(_strata_frame(), n_draws=50, seed=1, impute="hot_deck", min_donors=3)
    e3 = drawn.filter(pl.col("exercise_id") == "e3")
    # two Europe donors < 3, and 'region=Europe' alone has the same two: all sized rows
    assert set(e3["impute_stratum"]) == {"all sized rows"}
    assert set(e3["troops_draw"]) <= {100, 200, 5000}


def test_imputation_is_off_by_default_and_named_in_over_draws() -> None:
    frame = _strata_frame()
    plain = draw_sizes(frame, n_draws=3, seed=1)
    assert "imputed" not in plain.columns
    assert plain.filter(pl.col("exercise_id") == "e3")["troops_draw"].null_count() == 3

    def total(df: pl.DataFrame) -> pl.DataFrame:
        return df.select(total=pl.col("troops_best").sum())

    out = over_draws(frame, total, n_draws=20, seed=3, impute="hot_deck", min_donors=2)
    assert out["n_imputed"].to_list() == [2] * 20
    # 5300 from the sized rows, e3 adds 100 or 200, e4 adds 100, 200 or 5000
    assert set(out["total"]) <= {5300 + a + b for a in (100, 200) for b in (100, 200, 5000)}
    with pytest.raises(ValueError, match="unknown impute method 'mean'; accepted: None, hot_deck"):
        draw_sizes(frame, n_draws=2, seed=1, impute="mean")
    with pytest.raises(ValueError, match=r"impute_by column.*domain"):
        draw_sizes(frame, n_draws=2, seed=1, impute="hot_deck", impute_by=["domain"])
