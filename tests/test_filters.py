"""Filters on small literal tables (see analysis_fixtures for the four fictional exercises)."""

from __future__ import annotations

import polars as pl
import pytest

from analysis_fixtures import A, B, C, D, countries, exercises, ids, participants
from military_exercises.analysis.filters import (
    filter_country,
    filter_domain,
    filter_exercises,
    filter_n_participants,
    filter_organisation,
    filter_purpose,
    filter_region,
    filter_role,
    filter_size,
    filter_years,
    resolve_countries,
)

EX = exercises()
PA = participants()
CT = countries()


def test_country_counts_hosts_participants_and_partials_but_not_observers() -> None:
    assert ids(filter_country(EX, "TJK", country_table=CT)) == [A, B, C]
    # KAZ observes alpha and takes part in charlie: only charlie by default
    assert ids(filter_country(EX, "KAZ", country_table=CT)) == [C]
    assert ids(filter_country(EX, "KAZ", role=None, country_table=CT)) == [A, C]
    assert ids(filter_country(EX, ["MNG", "BLR"], country_table=CT)) == [C, D]


def test_country_by_role() -> None:
    assert ids(filter_country(EX, "TJK", role="host", country_table=CT)) == [A]
    assert ids(filter_country(EX, "CHN", role="observer", country_table=CT)) == [C]
    # participant vs partial needs the participants table
    assert ids(filter_country(EX, "TJK", role="partial", participants=PA, country_table=CT)) == [C]
    assert ids(filter_country(EX, "TJK", role="participant", participants=PA, country_table=CT)) == [B]
    assert ids(filter_country(EX, "TJK", role=["host", "partial"], participants=PA, country_table=CT)) == [
        A,
        C,
    ]


def test_country_by_gw_and_cow_code() -> None:
    assert ids(filter_country(EX, 702, code="gw", country_table=CT)) == [A, B, C]
    assert ids(filter_country(EX, [2, 712], code="cow", country_table=CT)) == [D]
    assert resolve_countries(260, code="gw", country_table=CT) == ["DEU"]
    assert resolve_countries(255, code="cow", country_table=CT) == ["DEU"]
    assert filter_country(EX, 255, code="cow", country_table=CT).height == 0


def test_unknown_codes_name_the_accepted_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown state 'XXX'.*see load_countries"):
        filter_country(EX, "XXX", country_table=CT)
    with pytest.raises(ValueError, match=r"unknown state 'RUX'.*did you mean RUS"):
        filter_country(EX, "RUX", country_table=CT)
    with pytest.raises(ValueError, match=r"unknown GW code\(s\): 999; accepted: .*702"):
        filter_country(EX, 999, code="gw", country_table=CT)
    with pytest.raises(ValueError, match="accepted: iso3, gw, cow"):
        filter_country(EX, "RUS", code="iso2", country_table=CT)
    with pytest.raises(ValueError, match="strings like 'RUS'"):
        filter_country(EX, 365, country_table=CT)
    with pytest.raises(ValueError, match="integers like 365"):
        filter_country(EX, "RUS", code="gw", country_table=CT)
    with pytest.raises(ValueError, match=r"unknown role\(s\): commander; accepted: host, participant"):
        filter_country(EX, "RUS", role="commander", country_table=CT)


def test_none_means_no_filter() -> None:
    assert filter_country(EX, None).equals(EX)
    assert filter_years(EX).equals(EX)
    assert filter_region(EX, None).equals(EX)
    assert filter_organisation(EX, None).equals(EX)
    assert filter_domain(EX, None).equals(EX)
    assert filter_purpose(EX, None).equals(EX)
    assert filter_n_participants(EX).equals(EX)
    assert filter_size(EX).equals(EX)
    assert filter_exercises(EX).equals(EX)


def test_country_on_participants_table_keeps_that_states_rows() -> None:
    out = filter_country(PA, "TJK", country_table=CT)
    assert sorted(out["role"].to_list()) == ["host", "partial", "participant"]
    assert filter_country(PA, "CHN", role="observer", country_table=CT)["exercise_id"].to_list() == [C]


def test_years_inclusive_and_checked() -> None:
    assert ids(filter_years(EX, start=2020, end=2021)) == [B, C]
    assert ids(filter_years(EX, start=2021)) == [C, D]
    assert ids(filter_years(EX, end=2019)) == [A]
    assert filter_years(EX, start=1950, end=1960).height == 0  # no clamping, just no rows
    with pytest.raises(ValueError, match="after end year"):
        filter_years(EX, start=2022, end=2020)


def test_region_and_organisation() -> None:
    assert ids(filter_region(EX, "Eurasia")) == [A, C]
    assert ids(filter_region(EX, ["Eurasia", "East Asia"])) == [A, B, C, D]
    with pytest.raises(ValueError, match=r"unknown region.*Asia; accepted: .*East Asia"):
        filter_region(EX, "Asia")
    assert ids(filter_organisation(EX, "SCO")) == [B]
    assert ids(filter_organisation(EX, ["SCO", "CSTO"])) == [B, C]
    assert filter_organisation(EX, "NATO").height == 0  # a known code with no exercise here
    with pytest.raises(ValueError, match=r"unknown organisation.*Warsaw Pact; accepted: .*CSTO"):
        filter_organisation(EX, "Warsaw Pact")


def test_domain_and_purpose_any_or_all() -> None:
    assert ids(filter_domain(EX, ["air", "sea"])) == [B, C, D]
    assert ids(filter_domain(EX, ["land", "air"], match="all")) == [B, C]
    assert ids(filter_purpose(EX, "counter_terrorism")) == [A, B]
    assert ids(filter_purpose(EX, ["counter_terrorism", "border_security"], match="all")) == [B]
    with pytest.raises(ValueError, match=r"unknown domain.*naval; accepted: land, air, sea"):
        filter_domain(EX, "naval")
    with pytest.raises(ValueError, match="accepted: any, all"):
        filter_domain(EX, "land", match="most")
    with pytest.raises(ValueError, match=r"unknown purpose.*training; accepted: warfighting"):
        filter_purpose(EX, "training")


def test_role_on_participants_table() -> None:
    assert sorted(filter_role(PA, "observer")["iso3"].to_list()) == ["CHN", "KAZ"]
    with pytest.raises(ValueError, match="participants table"):
        filter_role(EX, "host")


def test_participant_count() -> None:
    assert ids(filter_n_participants(EX, min_n=3)) == [C]
    assert ids(filter_n_participants(EX, max_n=2)) == [A, B, D]
    with pytest.raises(ValueError, match="larger than max_n"):
        filter_n_participants(EX, min_n=5, max_n=2)


def test_size_on_each_bound_and_unknown_sizes() -> None:
    assert ids(filter_size(EX, min_troops=900)) == [A, C]  # best: 1000, 12000 (800 too small)
    assert ids(filter_size(EX, min_troops=900, on="high")) == [A, C, D]  # delta may have had 900
    assert ids(filter_size(EX, min_troops=11000, on="low")) == []
    assert ids(filter_size(EX, max_troops=1000)) == [A, D]
    assert ids(filter_size(EX, max_troops=1000, keep_unknown=True)) == [A, B, D]
    with pytest.raises(ValueError, match="accepted: low, best, high"):
        filter_size(EX, min_troops=1, on="mid")
    # contingents on the participants table
    assert sorted(filter_size(PA, min_troops=500)["iso3"].to_list()) == ["BLR", "RUS", "TJK", "USA"]


def test_all_filters_combine_with_and() -> None:
    out = filter_exercises(EX, countries="TJK", start=2020, organisations="CSTO", country_table=CT)
    assert ids(out) == [C]
    out = filter_exercises(EX, regions="East Asia", domains="sea", min_troops=500, max_participants=2)
    assert ids(out) == [D]
    assert filter_exercises(EX, countries="TJK", purposes="disaster_relief", country_table=CT).height == 0


def test_real_release_country_filter() -> None:
    """Against the real release: every kept exercise lists the state as a counted participant."""
    from military_exercises import load_exercises

    ex = load_exercises()
    rus = filter_country(ex, "RUS")
    assert rus.height > 0
    assert rus["participants"].list.contains("RUS").all()
    by_gw = filter_country(ex, 365, code="gw")
    assert ids(by_gw) == ids(rus)
    assert rus.filter(pl.col("exercise_id") == "2018-07-tajikistan-russia-gbao").height == 1
