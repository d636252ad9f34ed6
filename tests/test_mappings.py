"""The mapping tables kept as data: consistent with each other and with pycountry."""

from __future__ import annotations

import polars as pl
import pycountry
import pytest
from tests.conftest import REPO

from military_exercises.pipeline.mappings import Mappings

MAPS = Mappings(REPO / "dataset" / "mappings")


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Russia", "RUS"), ("Russian", "RUS"), ("the U.S.", "USA"), ("Tajik", "TJK"), ("TJK", "TJK"),
        ("United Kingdom", "GBR"), ("South Korean", "KOR"), ("DPRK", "PRK"), ("Türkiye", "TUR"),
        ("  the   Philippines ", "PHL"), ("Kosovo", "XKX"),
    ],
)  # fmt: skip
def test_names_demonyms_and_codes_resolve(text: str, iso3: str) -> None:
    assert MAPS.resolve_country(text) == iso3


@pytest.mark.parametrize("text", ["NATO", "-9", "Baltic States", "Rus", "", "rus"])
def test_non_states_and_near_misses_do_not_resolve(text: str) -> None:
    assert MAPS.resolve_country(text) is None


def test_admin1_aliases_are_real_iso_3166_2_codes() -> None:
    assert MAPS.resolve_admin1("GBAO") == "TJ-GB"
    assert MAPS.resolve_admin1("Gorno-Badakhshan") == "TJ-GB"
    assert MAPS.resolve_admin1("TJ-GB") == "TJ-GB"
    assert MAPS.resolve_admin1("Narnia") is None
    for code in set(MAPS.admin1_aliases.values()):
        assert pycountry.subdivisions.get(code=code) is not None, code


def test_country_crosswalk_known_divergences() -> None:
    c = MAPS.countries
    assert c["iso3"].is_unique().all()
    row = {r["iso3"]: r for r in c.iter_rows(named=True)}
    assert (row["DEU"]["gw_code"], row["DEU"]["cow_code"]) == (260, 255)
    assert (row["SRB"]["gw_code"], row["SRB"]["cow_code"]) == (340, 345)
    assert (row["TWN"]["gw_code"], row["TWN"]["cow_code"]) == (713, 713)
    assert row["TON"]["gw_microstate"] is True and row["TON"]["gw_code"] is not None
    # every state but the Vatican City (in neither list) has a G&W code
    assert c.filter(pl.col("gw_code").is_null())["iso3"].to_list() == ["VAT"]


HISTORICAL = {"CSK", "DDR", "YUG"}  # states the upstream data (1970-2010) name: ISO 3166-3 codes


def test_every_iso3_is_a_pycountry_code_or_kosovo() -> None:
    for iso3 in MAPS.countries["iso3"]:
        if iso3 in HISTORICAL:
            assert pycountry.historic_countries.get(alpha_3=iso3) is not None, iso3
        else:
            assert iso3 == "XKX" or pycountry.countries.get(alpha_3=iso3) is not None, iso3


@pytest.mark.parametrize(("column", "table", "code"), [("gw_code", "state_system_gw.csv", "gw_code"),
                                                      ("cow_code", "state_system_cow.csv", "cow_code")])  # fmt: skip
def test_crosswalk_codes_are_current_members_of_the_state_lists(column: str, table: str, code: str) -> None:
    states = pl.read_csv(REPO / "dataset" / "mappings" / table, infer_schema_length=0)
    current = set(states.filter(pl.col("end").is_null())[code].cast(pl.Int64))
    ended = set(states.filter(pl.col("end").is_not_null())[code].cast(pl.Int64))
    codes = MAPS.countries.filter(pl.col(column).is_not_null())
    today = codes.filter(~pl.col("iso3").is_in(sorted(HISTORICAL)))
    assert today.filter(~pl.col(column).is_in(sorted(current))).select("iso3", column).rows() == []
    # a historical state's code is one of a state system member that has ended (or continues, as
    # 345 Yugoslavia does as Serbia in the COW list)
    past = codes.filter(pl.col("iso3").is_in(sorted(HISTORICAL)))
    assert past.filter(~pl.col(column).is_in(sorted(ended | current))).select("iso3", column).rows() == []
