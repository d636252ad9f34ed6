"""The offline basemap: Natural Earth 1:110m country outlines, read from the shapefile shipped in
``dataset/upstream/naturalearth/`` (public domain; see its provenance.yaml) and drawn as SVG.

A small reader of its own (polygons from .shp, attributes from .dbf) keeps the site free of GIS
dependencies. Coordinates are projected with the Equal Earth projection (Šavrič, Patterson and
Jenny, 2018) into a frame 1,000 units wide; Antarctica is left out and the frame runs from 85°N to
60°S unless a point lies further south.
"""

from __future__ import annotations

import itertools
import math
import struct
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

STEM = "ne_110m_admin_0_countries"
WIDTH = 1000.0
TOP_LAT = 85.0
BOTTOM_LAT = -60.0
#: Natural Earth codes that differ from the dataset's.
CODE_FIXES = {"KOS": "XKX"}

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def _equal_earth(lon: float, lat: float) -> tuple[float, float]:
    theta = math.asin(_M * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * math.radians(lon) * math.cos(theta)
    x /= 3 * (9 * _A4 * t6 * t2 + 7 * _A3 * t6 + 3 * _A2 * t2 + _A1)
    y = theta * (_A4 * t6 * t2 + _A3 * t6 + _A2 * t2 + _A1)
    return x, y


_X_MAX = _equal_earth(180.0, 0.0)[0]
_Y_MAX = _equal_earth(0.0, 90.0)[1]
_SCALE = WIDTH / (2 * _X_MAX)


def project(lon: float, lat: float) -> tuple[float, float]:
    """(lon, lat) in degrees -> (x, y) in the map frame (x 0..1000 west to east, y down)."""
    x, y = _equal_earth(lon, lat)
    return (x + _X_MAX) * _SCALE, (_Y_MAX - y) * _SCALE


def frame(min_lat: float | None = None) -> tuple[float, float, float, float]:
    """The map's viewBox (x, y, width, height): 85°N to 60°S, lower if a point needs it."""
    bottom = BOTTOM_LAT if min_lat is None else min(BOTTOM_LAT, min_lat - 3)
    top_y = project(0.0, TOP_LAT)[1]
    bottom_y = project(0.0, max(bottom, -90.0))[1]
    return 0.0, round(top_y, 1), WIDTH, round(bottom_y - top_y, 1)


# --- reading the shapefile -------------------------------------------------------------------------------

Ring = list[tuple[float, float]]


def read_shp_polygons(path: Path) -> list[list[Ring]]:
    """Every record of a polygon shapefile as its rings of (lon, lat); a null shape gives []."""
    data = path.read_bytes()
    if struct.unpack(">i", data[0:4])[0] != 9994:
        raise ValueError(f"{path} is not a shapefile")
    out: list[list[Ring]] = []
    pos = 100
    while pos + 8 <= len(data):
        length = struct.unpack(">i", data[pos + 4 : pos + 8])[0] * 2
        content = data[pos + 8 : pos + 8 + length]
        pos += 8 + length
        shape_type = struct.unpack("<i", content[0:4])[0]
        if shape_type == 0:
            out.append([])
            continue
        if shape_type not in (5, 15, 25):  # polygon, polygon Z, polygon M
            raise ValueError(f"{path}: shape type {shape_type} is not a polygon")
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44 : 44 + 4 * n_parts]))
        start = 44 + 4 * n_parts
        coords = struct.unpack(f"<{2 * n_points}d", content[start : start + 16 * n_points])
        points = list(zip(coords[0::2], coords[1::2], strict=True))
        bounds = [*parts, n_points]
        out.append([points[bounds[i] : bounds[i + 1]] for i in range(n_parts)])
    return out


def read_dbf(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    """The records of a dBase III table as dicts of stripped strings."""
    data = path.read_bytes()
    n_records, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields: list[tuple[str, int]] = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos : pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(n_records):
        record = data[header_len + i * record_len : header_len + (i + 1) * record_len]
        row, offset = {}, 1  # byte 0 is the deletion flag
        for name, length in fields:
            row[name] = record[offset : offset + length].decode(encoding).strip()
            offset += length
        rows.append(row)
    return rows


# --- countries as SVG -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Country:
    """One Natural Earth country: its outline as an SVG path, its largest polygon's bounding box,
    and a point inside that polygon to place a country-level marker."""

    code: str
    name: str
    path: str
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 of the largest polygon
    anchor: tuple[float, float]


def _path(rings: list[list[tuple[float, float]]]) -> str:
    """Rings of projected points -> a compact SVG path (relative moves, one decimal)."""
    out = []
    for ring in rings:
        pts = [(round(x * 10), round(y * 10)) for x, y in ring]
        dedup = [pts[0]] + [p for a, p in itertools.pairwise(pts) if p != a]
        if len(dedup) < 3:
            continue
        x0, y0 = dedup[0]
        steps = [f"M{x0 / 10:g} {y0 / 10:g}"]
        px, py = x0, y0
        for x, y in dedup[1:]:
            steps.append(f"{(x - px) / 10:g} {(y - py) / 10:g}")
            px, py = x, y
        out.append(steps[0] + "l" + " ".join(steps[1:]) + "z")
    return "".join(out)


def _area(ring: list[tuple[float, float]]) -> float:
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))


def _anchor(ring: list[tuple[float, float]]) -> tuple[float, float]:
    """A point inside the ring: the middle of its widest span at the height of its centroid."""
    a = _area(ring)
    if abs(a) < 1e-9:
        return ring[0]
    pairs = list(zip(ring, ring[1:] + ring[:1], strict=True))
    cy = sum((y0 + y1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in pairs) / (6 * a)
    crossings = sorted(
        x0 + (cy - y0) * (x1 - x0) / (y1 - y0) for (x0, y0), (x1, y1) in pairs if (y0 > cy) != (y1 > cy)
    )
    spans = [(crossings[i], crossings[i + 1]) for i in range(0, len(crossings) - 1, 2)]
    if not spans:
        return ring[0]
    left, right = max(spans, key=lambda s: s[1] - s[0])
    return (left + right) / 2, cy


def _code(row: dict[str, str]) -> str:
    iso = row.get("ISO_A3", "-99")
    code = iso if iso and iso != "-99" else row["ADM0_A3"]
    return CODE_FIXES.get(code, code)


def basemap_dir() -> Path:
    """The folder holding the Natural Earth files: the checkout's, else the installed package's."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "dataset" / "upstream" / "naturalearth"
        if (candidate / f"{STEM}.shp").is_file():
            return candidate
    bundled = Path(str(resources.files("military_exercises") / "data" / "naturalearth"))
    if (bundled / f"{STEM}.shp").is_file():
        return bundled
    raise FileNotFoundError(f"no Natural Earth basemap ({STEM}.shp) in dataset/upstream/naturalearth")


@lru_cache(maxsize=2)
def load_countries(folder: Path | None = None) -> dict[str, Country]:
    """Natural Earth countries by dataset code (Antarctica left out), projected and ready to draw."""
    folder = folder or basemap_dir()
    shapes = read_shp_polygons(folder / f"{STEM}.shp")
    rows = read_dbf(folder / f"{STEM}.dbf")
    out: dict[str, Country] = {}
    for row, rings in zip(rows, shapes, strict=True):
        if not rings or row.get("CONTINENT") == "Antarctica":
            continue
        projected = [[project(lon, lat) for lon, lat in ring] for ring in rings]
        largest = max(projected, key=lambda r: abs(_area(r)))
        xs, ys = [p[0] for p in largest], [p[1] for p in largest]
        code = _code(row)
        out[code] = Country(
            code=code,
            name=row["NAME"],
            path=_path(projected),
            box=(min(xs), min(ys), max(xs), max(ys)),
            anchor=_anchor(largest),
        )
    return out


def world_svg(countries: dict[str, Country], *, view: tuple[float, float, float, float] | None = None) -> str:
    """A standalone SVG of every country outline (used as the image under the small maps)."""
    x, y, w, h = view or frame()
    paths = "".join(f'<path d="{c.path}"><title>{c.name}</title></path>' for c in countries.values())
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x:g} {y:g} {w:g} {h:g}" '
        f'width="{w:g}" height="{h:g}">'
        f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" fill="#eef3f7"/>'
        f'<g fill="#dcd8cf" stroke="#ffffff" stroke-width="0.4" stroke-linejoin="round">{paths}</g></svg>'
    )


def shade_svg(country: Country, *, view: tuple[float, float, float, float] | None = None) -> str:
    """One country, shaded, in the same frame as :func:`world_svg` (laid over it on exercise pages)."""
    x, y, w, h = view or frame()
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x:g} {y:g} {w:g} {h:g}" '
        f'width="{w:g}" height="{h:g}"><path d="{country.path}" fill="#df8a80" stroke="#b0281f" '
        'stroke-width="0.45" stroke-linejoin="round"/></svg>'
    )


def inset_view(
    boxes: list[tuple[float, float, float, float]], points: list[tuple[float, float]]
) -> tuple[float, float, float, float]:
    """A 3:2 viewBox around the given boxes and points, with wide margins (the neighbours give the
    reader their bearings), at least 200 units (about 70 degrees of longitude) wide."""
    xs = [v for b in boxes for v in (b[0], b[2])] + [p[0] for p in points]
    ys = [v for b in boxes for v in (b[1], b[3])] + [p[1] for p in points]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    w = min(max((x1 - x0) * 2.2, (y1 - y0) * 2.2 * 1.5, 200.0), WIDTH)
    h = w / 1.5
    fx, fy, fw, fh = frame()
    # centred on what it shows, but kept inside the map (no empty sea beyond the frame's edge)
    x = min(max((x0 + x1) / 2 - w / 2, fx), fx + fw - w)
    y = min(max((y0 + y1) / 2 - h / 2, fy), max(fy + fh - h, fy))
    return round(x, 1), round(y, 1), round(w, 1), round(h, 1)


def sphere_path() -> str:
    """The outline of the whole globe in the projection (the sea under the land)."""
    west = [project(-180.0, lat) for lat in range(-90, 91, 5)]
    east = [project(180.0, lat) for lat in range(90, -91, -5)]
    return "M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in west + east) + "Z"


def graticule_path(step: int = 30) -> str:
    """Meridians and parallels every ``step`` degrees."""
    lines = []
    for lon in range(-180 + step, 180, step):
        pts = [project(float(lon), float(lat)) for lat in range(-90, 91, 5)]
        lines.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in pts))
    for lat in range(-90 + step, 90, step):
        pts = [project(float(lon), float(lat)) for lon in range(-180, 181, 10)]
        lines.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in pts))
    return "".join(lines)
