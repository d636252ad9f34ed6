"""The static site (`military-exercises site`, `make site`): what it writes, without a browser.

The browser tests are in test_site_browser.py.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
from tests.conftest import BASE_RECORD, REPO, synthetic_generator

import military_exercises as mx
from military_exercises.pipeline.build import build
from military_exercises.pipeline.mappings import Mappings
from military_exercises.site import basemap
from military_exercises.site.build import MARKER, build_site, markdown_lite
from military_exercises.site.pages import exercise_title

SEED = "2018-07-tajikistan-russia-gbao"
SEED_URLS = {
    "https://brecorder.com/news/4618931",
    "http://www.news.tj/ru/node/257178",
    "https://www.asiaplustj.info/en/news/tajikistan/security/20180719/tajik-russian-joint-military-exercise-under-way-in-gbao",
    "http://russian.peopledaily.com.cn/n3/2018/0718/c31519-9482198.html",
}


def data_js(site: Path) -> dict[str, object]:
    text = (site / "assets" / "data.js").read_text(encoding="utf-8")
    assert text.startswith("window.MX_DATA=") and text.endswith(";\n")
    return json.loads(text[len("window.MX_DATA=") : -2])  # type: ignore[no-any-return]


def test_one_page_per_exercise_country_and_year(built_site: Path) -> None:
    ex = mx.load_exercises()
    parts = mx.load_participants()
    assert {p.stem for p in (built_site / "exercise").glob("*.html")} == set(ex["exercise_id"])
    assert {p.stem for p in (built_site / "country").glob("*.html")} == set(parts["iso3"])
    assert {int(p.stem) for p in (built_site / "year").glob("*.html")} == set(ex["year"])
    for page in ("index", "map", "countries", "downloads", "about"):
        assert (built_site / f"{page}.html").is_file()
    data = data_js(built_site)
    assert len(data["exercises"]) == ex.height  # type: ignore[arg-type]


def test_seed_page_lists_its_twelve_claims_and_four_sources(built_site: Path) -> None:
    page = (built_site / "exercise" / f"{SEED}.html").read_text(encoding="utf-8")
    assert re.findall(r'<tr id="claim-(c\d+)">', page) == [f"c{i}" for i in range(1, 13)]
    links = set(re.findall(r'<a class="source-link" href="([^"]+)"', page))
    assert links == SEED_URLS
    assert "Unnamed exercise: Tajikistan and Russia" in page
    assert "17–21 July 2018" in page
    assert "Tajikistan 10,700 + Russia 400 = 11,100" in page  # the derived reported total's working


def test_every_internal_link_and_asset_exists(built_site: Path) -> None:
    """Relative links resolve to files of the site; nothing is loaded from elsewhere."""
    missing = []
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'<(script|link|img|image)[^>]+(src|href)="(https?:)?//', text), page
        for target in re.findall(r'(?:href|src)="([^"#:]+)(?:#[^"]*)?"', text):
            if not (page.parent / target).resolve().is_file():
                missing.append(f"{page.relative_to(built_site)} -> {target}")
    assert missing == []


def test_downloads_are_the_release_files(built_site: Path) -> None:
    package = mx.datapackage()
    for resource in package["resources"]:
        data = (built_site / "downloads" / resource["path"]).read_bytes()
        assert f"sha256:{hashlib.sha256(data).hexdigest()}" == resource["hash"]
    page = (built_site / "downloads.html").read_text(encoding="utf-8")
    assert 'href="downloads/exercises.parquet"' in page


def test_rebuild_replaces_only_a_site(tmp_path: Path) -> None:
    other = tmp_path / "notes"
    other.mkdir()
    (other / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SystemExit, match="is not a site written by this command"):
        build_site(other)
    assert (other / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_exercises_with_coordinates_get_points(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mini_repo: Callable[..., Path]
) -> None:
    """A record with lat/lon is a point on the map and on its page; one without is not."""
    located = (
        BASE_RECORD.replace("2020-05-alpha-drill", "2021-06-bravo-drill")
        .replace('start: "2020-05-04"', 'start: "2021-06-04"')
        .replace('end: "2020-05-08"', 'end: "2021-06-08"')
        .replace("lat: null", "lat: 38.5")
        .replace("lon: null", "lon: 68.8")
        .replace("precision: place", "precision: point")
        .replace("Alpha Drill", "Bravo Drill")
    )
    root = mini_repo(BASE_RECORD, located)
    monkeypatch.setenv("MILITARY_EXERCISES_RELEASE", str(build(root)))
    out = tmp_path / "site"
    build_site(out)
    entries = {e["i"]: e for e in data_js(out)["exercises"]}  # type: ignore[attr-defined]
    x, y = basemap.project(68.8, 38.5)
    assert entries["2021-06-bravo-drill"]["xy"] == [round(x, 1), round(y, 1)]
    assert "xy" not in entries["2020-05-alpha-drill"]
    page = (out / "exercise" / "2021-06-bravo-drill.html").read_text(encoding="utf-8")
    assert f'<circle class="pt" cx="{x:.1f}" cy="{y:.1f}"' in page
    assert "point at 38.5, 68.8, as the sources give it" in page
    assert (out / MARKER).is_file()
    build_site(out)  # a second build replaces the first


def test_basemap_reads_natural_earth() -> None:
    countries = basemap.load_countries()
    assert len(countries) == 176  # 177 features less Antarctica
    assert "XKX" in countries and "KOS" not in countries  # Kosovo under the dataset's code
    assert {"FRA", "NOR", "RUS", "TJK"} <= set(countries)  # ISO_A3 is -99 for France and Norway
    rows = basemap.read_dbf(basemap.basemap_dir() / f"{basemap.STEM}.dbf")
    assert len(rows) == 177
    # Equal Earth: the equator's ends at x = 0 and 1000, the prime meridian in the middle
    assert basemap.project(-180, 0)[0] == pytest.approx(0)
    assert basemap.project(180, 0)[0] == pytest.approx(1000)
    assert basemap.project(0, 10)[0] == pytest.approx(500)
    assert basemap.project(0, 10)[1] < basemap.project(0, 0)[1]  # north is up


def test_country_anchor_lies_inside_a_concave_country() -> None:
    """Croatia's centroid lies outside it; the marker point must not."""
    hrv = basemap.load_countries()["HRV"]
    x0, y0, x1, y1 = hrv.box
    assert x0 < hrv.anchor[0] < x1 and y0 < hrv.anchor[1] < y1
    rings = basemap.read_shp_polygons(basemap.basemap_dir() / f"{basemap.STEM}.shp")
    names = [r["ADM0_A3"] for r in basemap.read_dbf(basemap.basemap_dir() / f"{basemap.STEM}.dbf")]
    ring = [basemap.project(lon, lat) for lon, lat in max(rings[names.index("HRV")], key=len)]
    assert _inside(hrv.anchor, ring)


def _inside(point: tuple[float, float], ring: list[tuple[float, float]]) -> bool:
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def test_titles_of_unnamed_exercises_name_their_states() -> None:
    names = {"TJK": "Tajikistan", "RUS": "Russia", "KAZ": "Kazakhstan", "KGZ": "Kyrgyzstan"}
    e = {"name": None, "hosts": ["TJK"], "participants": ["RUS", "TJK"]}
    assert exercise_title(e, names) == "Unnamed exercise: Tajikistan and Russia"
    e = {"name": None, "hosts": ["TJK"], "participants": ["KAZ", "KGZ", "RUS", "TJK"]}
    assert exercise_title(e, names) == "Unnamed exercise: Tajikistan, Kazakhstan, Kyrgyzstan and 1 others"
    assert exercise_title({"name": "Zapad-2017", "hosts": [], "participants": []}) == "Zapad-2017"


def test_markdown_lite_renders_the_rule() -> None:
    html = markdown_lite("Intro **bold**.\n\n1. **One.** ``exact`` text\n   goes on.\n2. Two.\n\nAfter.")
    assert html == (
        "<p>Intro <strong>bold</strong>.</p>\n"
        "<ol><li><strong>One.</strong> <code>exact</code> text goes on.</li><li>Two.</li></ol>\n"
        "<p>After.</p>"
    )


def test_synthetic_generator_is_importable() -> None:
    """The site benchmark builds on benchmarks/generate.py (kept importable)."""
    assert callable(synthetic_generator().generate)


def test_countries_filter_lists_only_states_in_the_data(built_site: Path) -> None:
    page = (built_site / "index.html").read_text(encoding="utf-8")
    select = re.search(r'<select name="country">(.*?)</select>', page, flags=re.S)
    assert select is not None
    offered = set(re.findall(r'<option value="([A-Z]{3})">', select.group(1)))
    counted = mx.load_exercises().select(pl.col("participants").explode().unique())["participants"]
    assert offered == set(counted.to_list())


def test_worker_processes_write_the_same_site(built_site: Path, tmp_path: Path) -> None:
    """Exercise pages rendered by two processes are byte for byte those of one process."""
    out = tmp_path / "site"
    summary = build_site(out, jobs=2)
    assert summary["jobs"] == 2
    assert summary["pages"] == sum(1 for _ in built_site.rglob("*.html"))

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    assert files(out) == files(built_site)


def test_the_sea_filter_offers_catalogued_seas_not_free_text(built_site: Path) -> None:
    page = (built_site / "index.html").read_text(encoding="utf-8")
    select = re.search(r'<select name="sea">(.*?)</select>', page, flags=re.S)
    assert select is not None
    options = re.findall(r"<option>([^<]*)</option>", select.group(1))
    assert "Baltic Sea" in options
    assert not [o for o in options if ";" in o or " and " in o]  # no "Black Sea; Caspian Sea"


def test_an_exercise_known_by_its_sea_is_drawn_on_its_page_as_the_seas_point_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mini_repo: Callable[..., Path]
) -> None:
    """The sea's centroid is drawn on the exercise's own page, captioned as a sea's point, and
    left off the world map, where a dot would claim a position the sources do not give."""
    at_sea = (
        BASE_RECORD.replace("country: TJK\n  admin1: GBAO", "country: null\n  admin1: null")
        .replace("sea: null", "sea: Baltic Sea")
        .replace("precision: place", "precision: sea")
    )
    root = mini_repo(at_sea)
    monkeypatch.setenv("MILITARY_EXERCISES_RELEASE", str(build(root)))
    out = tmp_path / "site"
    build_site(out)
    lat, lon = Mappings(REPO / "dataset" / "mappings").sea_points["Baltic Sea"]
    x, y = basemap.project(lon, lat)
    page = (out / "exercise" / "2020-05-alpha-drill.html").read_text(encoding="utf-8")
    assert f'<circle class="pt" cx="{x:.1f}" cy="{y:.1f}"' in page
    assert f"point at {lat:.4g}, {lon:.4g}, the middle of the Baltic Sea" in page
    entries = {e["i"]: e for e in data_js(out)["exercises"]}  # type: ignore[attr-defined]
    assert "xy" not in entries["2020-05-alpha-drill"]
    assert f"Point at {lat:.4g}, {lon:.4g}, the middle of the Baltic Sea" in page  # names keep their capitals
