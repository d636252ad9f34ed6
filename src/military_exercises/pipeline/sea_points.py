"""Sea points: where an exercise known only by its sea area is drawn.

``military-exercises derive-sea-points`` writes ``dataset/mappings/sea_points.csv`` the same way:
the point of each catalogued sea whose Natural Earth 1:10m marine polygon ``sea_polygons.csv``
names (public domain, vendored in ``dataset/upstream/naturalearth_marine``):

- ``naturalearth_centroid``: the area-weighted centroid of the polygon's parts (a sea split at the
  antimeridian, like the Bering Sea, is joined across it first);
- ``naturalearth_interior``: where that centroid falls outside the water (a curved sea), the middle
  of the widest stretch of water on the centroid's parallel, so the point always lies in the sea.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path
from typing import Any

from military_exercises.pipeline.geography import inside, ring_centroid, write_csv

NE_MARINE_FILE = Path("dataset/upstream/naturalearth_marine/ne_10m_geography_marine_polys.json")
SEA_POLYGONS_FILE = Path("dataset/mappings/sea_polygons.csv")
SEA_POINTS_FILE = Path("dataset/mappings/sea_points.csv")
SEA_SOURCE = "Natural Earth 1:10m marine polygon {name!r} v4.0.0 (dataset/upstream/naturalearth_marine)"

Ring = list[tuple[float, float]]


def marine_parts(path: Path) -> dict[str, list[list[Ring]]]:
    """Natural Earth marine polygon name -> its polygons (each: outer ring, then holes), all features
    of that name together (the Mediterranean comes as two)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, list[list[Ring]]] = {}
    for feature in data["features"]:
        name, geometry = feature["properties"]["name"], feature["geometry"]
        if not name or geometry is None:
            continue
        coordinates = geometry["coordinates"]
        polygons = coordinates if geometry["type"] == "MultiPolygon" else [coordinates]
        for polygon in polygons:
            out.setdefault(name, []).append([[(float(x), float(y)) for x, y, *_ in ring] for ring in polygon])
    return out


def _unwrapped(polygons: list[list[Ring]]) -> list[list[Ring]]:
    """Parts west of the antimeridian moved by +360 degrees when others touch it from the east, so a
    sea split at 180 degrees (Bering Sea) is one shape."""
    east = any(x >= 179.9 for p in polygons for x, _ in p[0])
    west = any(x <= -179.9 for p in polygons for x, _ in p[0])
    if not (east and west):
        return polygons
    return [
        [[(x + 360, y) for x, y in ring] for ring in p] if max(x for x, _ in p[0]) <= 0 else p
        for p in polygons
    ]


def interior_point(polygon: list[Ring], lat: float) -> tuple[float, float] | None:
    """(lon, lat) in the middle of the widest stretch inside ``polygon`` along the parallel ``lat``."""
    crossings = sorted(
        x0 + (lat - y0) * (x1 - x0) / (y1 - y0)
        for ring in polygon
        for (x0, y0), (x1, y1) in itertools.pairwise(ring)
        if (y0 > lat) != (y1 > lat)
    )
    spans = [(crossings[i], crossings[i + 1]) for i in range(0, len(crossings) - 1, 2)]
    if not spans:
        return None
    west, east = max(spans, key=lambda s: s[1] - s[0])
    return (west + east) / 2, lat


def sea_point(polygons: list[list[Ring]]) -> tuple[float, float, str]:
    """(lat, lon, method) of a sea: the area-weighted centroid of its parts if it lies in the water,
    else an interior point of the largest part."""
    parts = _unwrapped(polygons)
    weighted = [ring_centroid(p[0]) for p in parts]
    total = sum(abs(a) for a, _, _ in weighted)
    lon = sum(abs(a) * x for a, x, _ in weighted) / total
    lat = sum(abs(a) * y for a, _, y in weighted) / total
    method = "naturalearth_centroid"
    if not any(inside(lon, lat, p) for p in parts):
        largest = max(zip(weighted, parts, strict=True), key=lambda t: abs(t[0][0]))
        ys = [y for _, y in largest[1][0]]
        for candidate in (largest[0][2], (min(ys) + max(ys)) / 2):
            found = interior_point(largest[1], candidate)
            if found is not None:
                lon, lat = found
                method = "naturalearth_interior"
                break
    lon = lon - 360 if lon > 180 else lon
    return round(lat, 4), round(lon, 4), method


def derive_sea_points(root: Path) -> list[dict[str, Any]]:
    """One row per catalogued sea that ``sea_polygons.csv`` ties to a Natural Earth polygon."""
    from military_exercises.pipeline.mappings import read_csv_table

    parts = marine_parts(root / NE_MARINE_FILE)
    rows = []
    for line, r in read_csv_table(root / SEA_POLYGONS_FILE, ("sea", "naturalearth_name", "note")):
        name = r["naturalearth_name"]
        if not name:
            continue
        if name not in parts:
            raise ValueError(f"{SEA_POLYGONS_FILE}:{line}: no Natural Earth marine polygon named {name!r}")
        lat, lon, method = sea_point(parts[name])
        rows.append({"sea": r["sea"], "lat": lat, "lon": lon, "method": method,
                     "source": SEA_SOURCE.format(name=name)})  # fmt: skip
    return rows


def run(args: argparse.Namespace) -> int:
    rows = derive_sea_points(args.root)
    write_csv(args.root / SEA_POINTS_FILE, rows, ["sea", "lat", "lon", "method", "source"])
    print(f"wrote {len(rows)} sea points to {SEA_POINTS_FILE}")
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root")
