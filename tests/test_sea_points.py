"""Sea points: the point drawn for an exercise known only by its sea area (Natural Earth marine
polygons, the crosswalk sea_polygons.csv, the derived sea_points.csv) and how exercises get it."""

from __future__ import annotations

import csv
import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
import yaml
from tests.conftest import BASE_RECORD, REPO

from military_exercises.pipeline.build import build
from military_exercises.pipeline.geography import inside
from military_exercises.pipeline.mappings import MappingError, Mappings
from military_exercises.pipeline.sea_points import derive_sea_points, interior_point, sea_point

MARINE = REPO / "dataset" / "upstream" / "naturalearth_marine"


def square(x0: float, y0: float, size: float) -> list[tuple[float, float]]:
    return [(x0, y0), (x0 + size, y0), (x0 + size, y0 + size), (x0, y0 + size), (x0, y0)]


def test_a_sea_of_two_parts_takes_their_area_weighted_centroid() -> None:
    # a 4x4 square centred (2, 2) and a unit square centred (5.5, 1.5): weights 16 and 1, so
    # lon (32 + 5.5) / 17 = 2.2059 and lat (32 + 1.5) / 17 = 1.9706, inside the big square
    assert sea_point([[square(0, 0, 4)], [square(5, 1, 1)]]) == (1.9706, 2.2059, "naturalearth_centroid")
    # parts far apart: the weighted centroid (2.9, 0.9) falls between them, on land, so the point is
    # the middle of the largest part's water on its centroid's parallel (y = 1: x 0-2, middle 1)
    assert sea_point([[square(0, 0, 2)], [square(10, 0, 1)]]) == (1.0, 1.0, "naturalearth_interior")


def test_a_centroid_on_land_moves_into_the_water() -> None:
    # a C open to the east: x 0-3, y 0-3 minus the notch x 1-3, y 1-2; its centroid (1.2857, 1.5) is
    # in the notch, so the point moves to the widest water on the parallel y = 1.5: x 0-1, middle 0.5
    c_shape = [(0.0, 0.0), (3.0, 0.0), (3.0, 1.0), (1.0, 1.0), (1.0, 2.0), (3.0, 2.0), (3.0, 3.0),
               (0.0, 3.0), (0.0, 0.0)]  # fmt: skip
    lat, lon, method = sea_point([[c_shape]])
    assert (lat, lon, method) == (1.5, 0.5, "naturalearth_interior")
    assert inside(lon, lat, [c_shape])


def test_interior_point_takes_the_widest_stretch_and_none_off_the_shape() -> None:
    two_bays = [(0.0, 0.0), (10.0, 0.0), (10.0, 2.0), (4.0, 2.0), (4.0, 1.0), (3.0, 1.0), (3.0, 2.0),
                (0.0, 2.0), (0.0, 0.0)]  # fmt: skip
    assert interior_point([two_bays], 1.5) == (7.0, 1.5)  # water x 0-3 and 4-10: the wider one
    assert interior_point([two_bays], 5.0) is None


def test_a_sea_split_at_the_antimeridian_is_joined_across_it() -> None:
    # 178 to 180 east and -180 to -176: one sea 6 degrees wide whose centroid is at -179 (181 east)
    east = [[(178.0, 50.0), (180.0, 50.0), (180.0, 52.0), (178.0, 52.0), (178.0, 50.0)]]
    west = [[(-180.0, 50.0), (-176.0, 50.0), (-176.0, 52.0), (-180.0, 52.0), (-180.0, 50.0)]]
    lat, lon, method = sea_point([east, west])
    assert (lat, lon, method) == (51.0, -179.0, "naturalearth_centroid")


def test_the_vendored_marine_polygons_are_unchanged() -> None:
    prov = yaml.safe_load((MARINE / "provenance.yaml").read_text(encoding="utf-8"))
    assert prov["files"], "provenance.yaml lists no file"
    for f in prov["files"]:
        assert hashlib.sha256((MARINE / f["path"]).read_bytes()).hexdigest() == f["sha256"], f["path"]
    assert "public domain" in prov["licence"]["stated"]


def test_sea_points_csv_is_what_the_derivation_gives() -> None:
    """The committed table is the derivation's output (re-run derive-sea-points after a change)."""
    with (REPO / "dataset" / "mappings" / "sea_points.csv").open(encoding="utf-8") as fh:
        committed = [{**r, "lat": float(r["lat"]), "lon": float(r["lon"])} for r in csv.DictReader(fh)]
    assert derive_sea_points(REPO) == committed


def test_sea_points_lie_in_their_seas() -> None:
    points = Mappings(REPO / "dataset" / "mappings").sea_points
    lat, lon = points["Baltic Sea"]
    assert 54 < lat < 60 and 13 < lon < 23
    lat, lon = points["Bering Sea"]  # across the antimeridian: west of it, not in the Atlantic
    assert 52 < lat < 63 and (lon > 170 or lon < -165)
    assert points["Arabian Gulf"] == points["Persian Gulf"]
    assert "Atlantic Ocean" not in points and "East Sea" not in points  # no one polygon: no point


def test_every_catalogued_sea_has_a_decision_and_every_polygon_a_point(tmp_path: Path) -> None:
    folder = tmp_path / "mappings"
    shutil.copytree(REPO / "dataset" / "mappings", folder)
    polygons = (folder / "sea_polygons.csv").read_text(encoding="utf-8")
    (folder / "sea_polygons.csv").write_text(polygons.replace("Sea of Marmara,Sea of Marmara,\n", ""))
    with pytest.raises(MappingError, match="no row for Sea of Marmara"):
        Mappings(folder).sea_points  # noqa: B018
    (folder / "sea_polygons.csv").write_text(polygons)
    points = (folder / "sea_points.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "sea_points.csv").write_text("".join(p for p in points if not p.startswith("Red Sea,")))
    with pytest.raises(MappingError, match="no point for Red Sea: run military-exercises derive-sea-points"):
        Mappings(folder).sea_points  # noqa: B018


def test_an_exercise_at_sea_gets_its_sea_point(mini_repo: Callable[..., Path]) -> None:
    baltic = Mappings(REPO / "dataset" / "mappings").sea_points["Baltic Sea"]
    tjk = Mappings(REPO / "dataset" / "mappings").country_points["TJK"]
    # no country, a sea: the sea's point
    at_sea = BASE_RECORD.replace("country: TJK\n  admin1: GBAO", "country: null\n  admin1: null")
    at_sea = at_sea.replace("sea: null", "sea: Baltic Sea; North Sea").replace(
        "precision: place", "precision: sea"
    )
    root = mini_repo(at_sea)
    ex = pl.read_parquet(build(root) / "exercises.parquet").row(0, named=True)
    assert (ex["lat"], ex["lon"], ex["coordinates_precision"]) == (*baltic, "sea_area")
    # a country and precision 'sea': the sea tells more than the country's centroid
    path = root / "dataset" / "sources" / "2020" / "2020-05-alpha-drill.yaml"
    path.write_text(
        BASE_RECORD.replace("sea: null", "sea: Baltic Sea").replace("precision: place", "precision: sea")
    )
    ex = pl.read_parquet(build(root) / "exercises.parquet").row(0, named=True)
    assert (ex["lat"], ex["lon"], ex["coordinates_precision"]) == (*baltic, "sea_area")
    # a country and a place on land: the country's point, whatever sea is named
    path.write_text(BASE_RECORD.replace("sea: null", "sea: Baltic Sea"))
    ex = pl.read_parquet(build(root) / "exercises.parquet").row(0, named=True)
    assert (ex["lat"], ex["lon"], ex["coordinates_precision"]) == (tjk[0], tjk[1], "country_centroid")
    # a sea without a polygon places nothing
    path.write_text(at_sea.replace("sea: Baltic Sea; North Sea", "sea: Atlantic Ocean"))
    ex = pl.read_parquet(build(root) / "exercises.parquet").row(0, named=True)
    assert (ex["lat"], ex["lon"], ex["coordinates_precision"]) == (None, None, None)
