"""Statistics on small literal tables, against hand-computed values."""

from __future__ import annotations

import math

import polars as pl
import pytest

from analysis_fixtures import A, C, D, countries, exercises, participants
from military_exercises.analysis.stats import (
    add_period,
    co_participation,
    co_participation_matrix,
    exercises_per_year,
    largest_exercises,
    partners,
    size_summary,
    troops_per_country,
    troops_per_year,
    year_on_year,
)

EX = exercises()
PA = participants()
CT = countries()


def test_exercises_per_year_fills_zero_years() -> None:
    out = exercises_per_year(EX, start=2018, end=2023)
    assert out["year"].to_list() == [2018, 2019, 2020, 2021, 2022, 2023]
    assert out["n_exercises"].to_list() == [0, 1, 1, 1, 1, 0]


def test_exercises_per_year_by_region_is_a_full_grid() -> None:
    out = exercises_per_year(EX, by="region")
    assert out.height == 4 * 2  # 2019-2022 x {East Asia, Eurasia}
    eurasia = out.filter(pl.col("region") == "Eurasia")["n_exercises"].to_list()
    assert eurasia == [1, 0, 1, 0]
    assert out["n_exercises"].sum() == 4


def test_exercises_per_year_by_bloc_counts_members_not_observers() -> None:
    blocs = {"A": ["RUS"], "B": ["CHN", "USA"]}
    out = exercises_per_year(EX, by=blocs)
    got = {(r["year"], r["bloc"]): r["n_exercises"] for r in out.iter_rows(named=True)}
    assert got[(2019, "A")] == 1 and got[(2021, "A")] == 1 and got[(2020, "A")] == 0
    # CHN only observed charlie (2021): bloc B has no exercise that year
    assert got[(2020, "B")] == 1 and got[(2021, "B")] == 0 and got[(2022, "B")] == 1
    with pytest.raises(ValueError, match="accepted: region, organisation, series"):
        exercises_per_year(EX, by="continent")


def test_troops_per_year_sums_each_bound() -> None:
    extra = EX.filter(pl.col("exercise_id") == D).with_columns(
        pl.lit("2021-10-echo-drill").alias("exercise_id"),
        pl.lit(2021).cast(pl.Int64).alias("year"),
        pl.lit(100).cast(pl.Int64).alias("troops_low"),
        pl.lit(200).cast(pl.Int64).alias("troops_best"),
        pl.lit(300).cast(pl.Int64).alias("troops_high"),
    )
    out = troops_per_year(pl.concat([EX, extra]), start=2018)
    row = out.filter(pl.col("year") == 2021).row(0, named=True)
    assert (row["troops_low"], row["troops_best"], row["troops_high"]) == (10100, 12200, 20300)
    assert row["n_exercises"] == 2 and row["n_sized"] == 2
    assert row["high_open"] is True and row["low_open"] is False
    bravo = out.filter(pl.col("year") == 2020).row(0, named=True)
    assert bravo["n_exercises"] == 1 and bravo["n_sized"] == 0
    assert bravo["troops_best"] is None  # unknown size is not zero
    assert bravo["high_open"] is True  # an unsized exercise: the total is unbounded above
    empty = out.filter(pl.col("year") == 2018).row(0, named=True)
    assert (empty["n_exercises"], empty["troops_best"], empty["high_open"]) == (0, 0, False)


def test_troops_per_country_sums_known_contingents() -> None:
    out = troops_per_country(PA)
    tjk = out.filter(pl.col("iso3") == "TJK").row(0, named=True)
    assert (tjk["n_exercises"], tjk["n_sized"]) == (3, 2)
    assert (tjk["troops_low"], tjk["troops_best"], tjk["troops_high"]) == (650, 650, 650)
    assert tjk["high_open"] is True  # one of its three exercises gives no Tajik contingent
    chn = out.filter(pl.col("iso3") == "CHN").row(0, named=True)
    assert chn["n_exercises"] == 1 and chn["troops_best"] is None  # the observer row is not counted
    assert out["iso3"].to_list()[0] == "BLR"  # largest best sum first (2000)
    by_year = troops_per_country(PA, by_year=True)
    assert by_year.filter(pl.col("iso3") == "TJK")["year"].sort().to_list() == [2019, 2020, 2021]


def test_largest_exercises() -> None:
    assert largest_exercises(EX, n=2)["exercise_id"].to_list() == [C, A]
    assert largest_exercises(EX, n=10).height == 3  # bravo has no size
    assert largest_exercises(EX, n=1, on="low")["exercise_id"].to_list() == [C]
    with pytest.raises(ValueError, match="at least 1"):
        largest_exercises(EX, n=0)


def test_partners_ranked_by_joint_exercises() -> None:
    out = partners(EX, "TJK", country_table=CT)
    assert out["partner"].to_list() == ["RUS", "BLR", "CHN", "KAZ"]
    assert out["n_joint"].to_list() == [2, 1, 1, 1]
    rus = out.row(0, named=True)
    assert (rus["first_year"], rus["last_year"]) == (2019, 2021)
    assert rus["share"] == pytest.approx(2 / 3)
    # same by G&W code; as host only, TJK's partners are those of alpha
    assert partners(EX, 702, code="gw", country_table=CT).equals(out)
    assert partners(EX, "TJK", role="host", country_table=CT)["partner"].to_list() == ["RUS"]


def test_co_participation_pairs_and_matrix() -> None:
    pairs = co_participation(EX)
    top = pairs.row(0, named=True)
    assert (top["iso3_a"], top["iso3_b"], top["n_joint"]) == ("RUS", "TJK", 2)
    assert pairs.height == 1 + 1 + 6 - 1 + 1  # alpha 1, bravo 1, charlie 6 (RUS-TJK counted once), delta 1
    matrix = co_participation_matrix(EX, countries=["RUS", "TJK", "CHN"])
    assert matrix.columns == ["iso3", "RUS", "TJK", "CHN"]
    assert matrix.rows() == [("RUS", 2, 2, 0), ("TJK", 2, 3, 1), ("CHN", 0, 1, 1)]
    top2 = co_participation_matrix(EX, top=2)
    assert top2["iso3"].to_list() == ["TJK", "RUS"]


def test_size_summary_hand_computed() -> None:
    row = size_summary(EX).row(0, named=True)
    assert (row["n"], row["n_sized"]) == (4, 3)
    assert (row["min"], row["median"], row["max"]) == (800, 1000, 12000)
    assert row["mean"] == pytest.approx((800 + 1000 + 12000) / 3)
    assert row["geo_mean"] == pytest.approx(math.exp((math.log(800) + math.log(1000) + math.log(12000)) / 3))
    assert row["p25"] == pytest.approx(900)  # linear between 800 and 1000
    grouped = size_summary(EX, by="region")
    assert grouped["region"].to_list() == ["East Asia", "Eurasia"]
    assert grouped["n_sized"].to_list() == [1, 2]


def test_year_on_year_compares_with_the_previous_calendar_year() -> None:
    frame = pl.DataFrame({"year": [2019, 2020, 2022, 2023], "n_exercises": [2, 3, 1, 1]})
    out = year_on_year(frame)
    assert out["change"].to_list() == [None, 1, None, 0]  # 2021 missing: no change for 2022
    assert out["pct_change"].to_list() == [None, 0.5, None, 0.0]
    zero = year_on_year(pl.DataFrame({"year": [2020, 2021], "n_exercises": [0, 4]}))
    assert zero["change"].to_list() == [None, 4] and zero["pct_change"].to_list() == [None, None]


def test_add_period_labels() -> None:
    frame = pl.DataFrame({"year": [2010, 2014, 2021, 2022, 2030]})
    assert add_period(frame, breaks=[2014])["period"].to_list() == [
        "<2014",
        "2014+",
        "2014+",
        "2014+",
        "2014+",
    ]
    two = add_period(frame, breaks=[2014, 2022])["period"].to_list()
    assert two == ["<2014", "2014-2021", "2014-2021", "2022+", "2022+"]
    with pytest.raises(ValueError, match="strictly increasing"):
        add_period(frame, breaks=[2022, 2014])


def test_a_total_over_an_unsized_exercise_is_open_above() -> None:
    # Russia-China 2012 in miniature: one exercise of exactly 2,000, one with no size at all.
    two = pl.DataFrame(
        {"exercise_id": ["a", "b"], "year": [2012, 2012], "troops_low": [2000, None], "troops_best": [2000, None],
         "troops_high": [2000, None], "troops_low_open": [False, None], "troops_high_open": [False, None],
         "participants": [["CHN", "RUS"], ["CHN", "RUS"]]},
        schema_overrides={"troops_low": pl.Int64, "troops_best": pl.Int64, "troops_high": pl.Int64},
    )  # fmt: skip
    row = troops_per_year(two).row(0, named=True)
    assert (row["n_exercises"], row["n_sized"]) == (2, 1)
    assert (row["troops_low"], row["troops_best"], row["troops_high"]) == (2000, 2000, 2000)
    assert (row["low_open"], row["high_open"]) == (False, True)
    assert row["coverage_period"] == "curated census"
