"""Findability: seas, series, name text, kind, duration, distance and state names, on the four
fictional exercises of analysis_fixtures with the columns these filters read added by hand."""

from __future__ import annotations

import polars as pl
import pytest

from analysis_fixtures import A, B, C, D, exercises, ids
from military_exercises.analysis.filters import (
    distance_km,
    filter_bloc,
    filter_duration,
    filter_exercises,
    filter_kind,
    filter_name,
    filter_near,
    filter_sea,
    filter_series,
    resolve_countries,
)

EX = exercises().with_columns(
    seas=pl.Series([[], ["Baltic Sea"], ["Baltic Sea", "North Sea"], ["Sea of Japan"]]),
    kind=pl.Series(["bilateral", "bilateral", "multilateral", "bilateral"]),
    duration_days=pl.Series([5, None, 12, 3], dtype=pl.Int64),
    coordinates_precision=pl.Series([None, None, "point", "country_centroid"], dtype=pl.String),
    provenance=pl.Series(["curated", "curated", "several", "mme"]),
)


def test_sea_any_all_and_any_case() -> None:
    assert ids(filter_sea(EX, "Baltic Sea")) == [B, C]
    assert ids(filter_sea(EX, "baltic  SEA")) == [B, C]
    assert ids(filter_sea(EX, ["North Sea", "Sea of Japan"])) == [C, D]
    assert ids(filter_sea(EX, ["Baltic Sea", "North Sea"], match="all")) == [C]
    # a catalogued sea no exercise of the frame is in: nothing, not an error
    assert filter_sea(EX, "Kara Sea").height == 0
    # an alias of sea_aliases.csv means its sea
    assert filter_sea(EX, "Sea of Oman").height == 0


def test_unknown_sea_suggests_close_names() -> None:
    with pytest.raises(ValueError, match=r"unknown sea 'Baltik Sea'; did you mean 'Baltic Sea'"):
        filter_sea(EX, "Baltik Sea")


def test_series_and_name_text() -> None:
    assert ids(filter_series(EX, "charlie")) == [C]
    assert ids(filter_name(EX, "drill")) == [A, B, C]  # delta has no name
    assert ids(filter_name(EX, "CHARLIE")) == [C]
    assert ids(filter_name(EX, "a.pha")) == []  # literal text by default
    assert ids(filter_name(EX, "a.pha", regex=True)) == [A]


def test_kind_and_duration_with_unknown_durations() -> None:
    assert ids(filter_kind(EX, "multilateral")) == [C]
    with pytest.raises(ValueError, match=r"unknown kind.*accepted: national, bilateral, multilateral"):
        filter_kind(EX, "trilateral")
    assert ids(filter_duration(EX, min_days=5)) == [A, C]
    assert ids(filter_duration(EX, max_days=5)) == [A, D]
    assert ids(filter_duration(EX, max_days=5, keep_unknown=True)) == [A, B, D]
    with pytest.raises(ValueError, match="min_days 6 is larger than max_days 5"):
        filter_duration(EX, min_days=6, max_days=5)


def test_great_circle_distance_by_hand() -> None:
    # one degree of longitude on the equator: 2 * pi * 6371.0088 / 360 = 111.195 km
    frame = pl.DataFrame({"lat": [0.0, 0.0], "lon": [1.0, 0.0]})
    assert frame.select(d=distance_km(0.0, 0.0))["d"].to_list() == pytest.approx([111.195, 0.0], abs=1e-3)


def test_near_counts_only_coordinates_that_place_the_exercise() -> None:
    # charlie's point (53.9, 27.6) lies about 174 km from (54.69, 25.28):
    # dlat 0.79 deg, dlon 2.32 deg * cos(54.3 deg) = 1.355 deg -> 1.568 deg * 111.2 km
    assert ids(filter_near(EX, (54.69, 25.28, 200))) == [C]
    assert ids(filter_near(EX, (54.69, 25.28, 150))) == []
    # delta is placed only at its country's point: counted when asked for
    assert ids(filter_near(EX, (47.9, 106.9, 1))) == []
    assert ids(filter_near(EX, (47.9, 106.9, 1), precisions=["point", "country_centroid"])) == [D]
    with pytest.raises(ValueError, match=r"lat in -90\.\.90"):
        filter_near(EX, (95.0, 0.0, 10))


def test_state_names_and_aliases_resolve_exactly() -> None:
    table = pl.DataFrame(
        {"iso3": ["RUS", "USA"], "name": ["Russia", "United States"],
         "aliases": [["russian", "russian federation"], ["american", "united states of america"]]}
    )  # fmt: skip
    assert resolve_countries(["Russia", "russian federation", "American", "USA"], country_table=table) == [
        "RUS", "RUS", "USA", "USA"
    ]  # fmt: skip
    with pytest.raises(ValueError, match=r"did you mean RUS \(Russia\)"):
        resolve_countries("Rusia", country_table=table)


def test_filter_exercises_combines_the_new_filters() -> None:
    assert ids(filter_exercises(EX, seas="Baltic Sea", kinds="bilateral")) == [B]
    assert ids(filter_exercises(EX, provenance=["several", "mme"], min_days=4)) == [C]
    assert ids(filter_exercises(EX, name="drill", near=(54.69, 25.28, 200))) == [C]


def test_the_baltic_sea_question_on_the_release() -> None:
    """One call answers it, and every answer names the Baltic Sea in its sea area or place text."""
    from military_exercises import load_exercises

    ex = load_exercises()
    baltic = filter_sea(ex, "Baltic Sea")
    assert baltic.height > 50
    mentions = baltic.filter(
        pl.col("location_sea").str.contains("(?i)baltic").fill_null(False)
        | pl.col("location_place").str.contains("(?i)baltic sea").fill_null(False)
    )
    assert mentions.height == baltic.height


def test_a_records_seas_come_from_its_sea_area_and_place_text(mini_repo) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import BASE_RECORD

    from military_exercises.pipeline.build import build

    record = BASE_RECORD.replace("  sea: null", '  sea: "Aegean and Mediterranean"').replace(
        "place: a training ground", "place: off Crete, then the Sea of Marmara"
    )
    release = build(mini_repo(record))
    row = pl.read_parquet(release / "exercises.parquet").row(0, named=True)
    # the sea area's parts in order (aliases resolved), then the seas the place text names
    assert row["seas"] == ["Aegean Sea", "Mediterranean Sea", "Sea of Marmara"]
    assert row["location_place"] == "off Crete, then the Sea of Marmara"  # the free text stays


def test_a_sea_area_that_names_no_catalogued_sea_stops_the_build(mini_repo) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import BASE_RECORD

    from military_exercises.pipeline.build import build
    from military_exercises.pipeline.problems import BuildError

    record = BASE_RECORD.replace("  sea: null", '  sea: "Black Sea; Sea of Ruritania"')
    with pytest.raises(BuildError) as info:
        build(mini_repo(record))
    assert "'Sea of Ruritania' is no sea in dataset/mappings/seas.csv" in info.value.report()


def test_bloc_any_only_and_all() -> None:
    table = pl.DataFrame({"iso3": ["RUS", "TJK", "KAZ", "BLR", "CHN", "USA", "MNG"],
                          "name": ["Russia", "Tajikistan", "Kazakhstan", "Belarus", "China", "United States",
                                   "Mongolia"]})  # fmt: skip
    csto = ["RUS", "TJK", "KAZ", "Belarus"]
    # alpha RUS+TJK, bravo CHN+TJK, charlie BLR+KAZ+RUS+TJK, delta MNG+USA
    assert ids(filter_bloc(EX, csto, country_table=table)) == [A, B, C]
    assert ids(filter_bloc(EX, csto, match="only", country_table=table)) == [A, C]
    assert ids(filter_bloc(EX, csto, match="all", country_table=table)) == [C]
    with pytest.raises(ValueError, match=r"unknown bloc match 'some'; accepted: any, only, all"):
        filter_bloc(EX, csto, match="some", country_table=table)
