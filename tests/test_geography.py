"""Country points: the centroid arithmetic, the vendored files, and how exercises get their point."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
import yaml
from tests.conftest import BASE_RECORD, REPO

from military_exercises.pipeline.build import build
from military_exercises.pipeline.geography import (
    inside,
    largest_part_centroid,
    point_countries,
    ring_centroid,
)
from military_exercises.pipeline.mappings import Mappings


def test_centroid_of_a_square_and_of_an_l_shape() -> None:
    square = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)]
    assert ring_centroid(square) == (4.0, 1.0, 1.0)
    # an L of three unit squares: (0,0)-(2,0)-(2,1)-(1,1)-(1,2)-(0,2); centroid (5/6, 5/6) by hand
    ell = [(0.0, 0.0), (2.0, 0.0), (2.0, 1.0), (1.0, 1.0), (1.0, 2.0), (0.0, 2.0), (0.0, 0.0)]
    area, x, y = ring_centroid(ell)
    assert area == 3.0 and x == pytest.approx(5 / 6) and y == pytest.approx(5 / 6)


def test_the_largest_part_wins() -> None:
    big = [(10.0, 40.0), (20.0, 40.0), (20.0, 50.0), (10.0, 50.0), (10.0, 40.0)]  # 100 square degrees
    island = [(100.0, 0.0), (101.0, 0.0), (101.0, 1.0), (100.0, 1.0), (100.0, 0.0)]
    assert largest_part_centroid(island + big, [0, 5]) == (45.0, 15.0)  # (lat, lon)


def test_vendored_natural_earth_files_are_unchanged() -> None:
    folder = REPO / "dataset" / "upstream" / "naturalearth"
    prov = yaml.safe_load((folder / "provenance.yaml").read_text(encoding="utf-8"))
    for f in prov["files"]:
        assert hashlib.sha256((folder / f["path"]).read_bytes()).hexdigest() == f["sha256"], f["path"]


def test_country_points_are_where_the_countries_are() -> None:
    points = Mappings(REPO / "dataset" / "mappings").country_points
    lat, lon, precision = points["FRA"]  # metropolitan France, not French Guiana
    assert 42 < lat < 51 and -5 < lon < 8 and precision == "country_centroid"
    lat, lon, precision = points["SGP"]  # too small for 1:110m: its capital
    assert 1.1 < lat < 1.5 and 103.6 < lon < 104.1 and precision == "country_capital"


def test_an_exercise_gets_its_country_point_unless_a_source_gives_one(mini_repo: Callable[..., Path]) -> None:
    root = mini_repo(BASE_RECORD)
    ex = pl.read_parquet(build(root) / "exercises.parquet").row(0, named=True)
    tjk = Mappings(root / "dataset" / "mappings").country_points["TJK"]
    assert (ex["lat"], ex["lon"], ex["coordinates_precision"]) == (tjk[0], tjk[1], "country_centroid")
    path = root / "dataset" / "sources" / "2020" / "2020-05-alpha-drill.yaml"
    text = BASE_RECORD.replace("lat: null", "lat: 37.5").replace("lon: null", "lon: 72.1")
    path.write_text(text.replace("precision: place", "precision: point"), encoding="utf-8")
    ex = pl.read_parquet(build(root) / "exercises.parquet").row(0, named=True)
    assert (ex["lat"], ex["lon"], ex["coordinates_precision"]) == (37.5, 72.1, "point")


def test_a_point_in_a_hole_is_outside_and_points_at_sea_have_no_country() -> None:
    outer = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)]
    lake = [(4.0, 4.0), (6.0, 4.0), (6.0, 6.0), (4.0, 6.0), (4.0, 4.0)]
    assert inside(2.0, 2.0, [outer, lake])  # (lon, lat)
    assert not inside(5.0, 5.0, [outer, lake])
    assert not inside(11.0, 5.0, [outer, lake])
    shapes = [("AAA", [outer, lake]), ("BBB", [[(20.0, 0.0), (30.0, 0.0), (25.0, 10.0), (20.0, 0.0)]])]
    found = point_countries([(2.0, 2.0), (5.0, 5.0), (1.0, 25.0), (1.0, 15.0)], shapes)  # (lat, lon)
    assert found == {(2.0, 2.0): "AAA", (5.0, 5.0): None, (1.0, 25.0): "BBB", (1.0, 15.0): None}


def test_upstream_rows_without_a_named_country_take_the_region_of_their_point() -> None:
    """mme1466 places the exercise at 'Craiova, Romania', which names no single country the alias table
    knows; MME's own point lies in Romania, so the row's region is Europe, published as a repair."""
    from military_exercises.pipeline.upstream import adapt_all

    maps = Mappings(REPO / "dataset" / "mappings")
    adapted = adapt_all(REPO / "dataset" / "upstream", maps)
    points = {(e["lat"], e["lon"]) for e in adapted.exercises if e["lat"] is not None}
    assert points <= set(maps.point_countries), "run military-exercises derive-country-points"
    row = next(e for e in adapted.exercises if e["exercise_id"] == "mme1466")
    assert row["location_country_iso3"] is None and row["region"] == "Europe"
    repair = [r for r in adapted.repairs if r["upstream_id"] == "mme1466" and r["field"] == "region"]
    assert [(r["new"], r["rule"]) for r in repair] == [("Europe (ROU)", "region_from_coordinates")]
