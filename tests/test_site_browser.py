"""The static site in a real browser: Debian's Chromium, driven by Playwright for Python.

The pages are opened from ``file://`` exactly as a reader who downloaded the site would. Screenshots
of the main pages go to reports/screenshots/. Skipped, with the reason, when Chromium or Playwright
is missing (`.ci/run` installs Chromium; Playwright comes with the dev extra and never downloads a
browser of its own).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from tests.conftest import REPO, synthetic_generator

import military_exercises as mx
from military_exercises.pipeline.build import build
from military_exercises.site.build import build_site

SEED = "2018-07-tajikistan-russia-gbao"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = REPO / "reports" / "screenshots"


def _chromium() -> str | None:
    path = os.environ.get("MILITARY_EXERCISES_CHROMIUM") or shutil.which("chromium")
    return path if path and Path(path).exists() else None


def _skip_reason() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (it is in the dev extra: make venv)"
    if _chromium() is None:
        return "Chromium is not installed: apt-get install -y chromium (.ci/run does it) to run the browser tests"
    return None


pytestmark = pytest.mark.skipif(_skip_reason() is not None, reason=_skip_reason() or "")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A browser tab that records console errors and uncaught exceptions."""

    def __init__(self, browser: Any, width: int = 1280, height: int = 900) -> None:
        self.tab = browser.new_page(viewport={"width": width, "height": height})
        self.errors: list[str] = []
        self.tab.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.tab.on("pageerror", lambda e: self.errors.append(str(e)))
        self.tab.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url}"))

    def open(self, site: Path, rel: str) -> Any:
        self.tab.goto((site / rel).as_uri())
        self.tab.wait_for_load_state("load")
        return self.tab

    def shot(self, name: str, *, full_page: bool = False) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.tab.screenshot(path=str(SCREENSHOTS / name), full_page=full_page)


@pytest.fixture
def page(browser: Any) -> Iterator[Page]:
    p = Page(browser)
    yield p
    p.tab.close()


def _listed(tab: Any) -> list[str]:
    hrefs = tab.eval_on_selector_all("#results tr td.name a", "els => els.map(e => e.getAttribute('href'))")
    return [h.rsplit("/", 1)[1].removesuffix(".html") for h in hrefs]


def test_pages_load_without_console_errors(built_site: Path, page: Page) -> None:
    country = mx.load_participants()["iso3"].sort()[0]
    year = mx.load_exercises()["year"].max()
    for rel in [
        "index.html",
        f"exercise/{SEED}.html",
        "map.html",
        "country/TJK.html",
        f"country/{country}.html",
        "countries.html",
        "downloads.html",
        "about.html",
        f"year/{year}.html",
    ]:
        page.open(built_site, rel)
        assert page.errors == [], rel
    # the inset map's basemap image loaded from file:// (an image that fails has no width)
    tab = page.open(built_site, f"exercise/{SEED}.html")
    assert tab.eval_on_selector("figure.inset svg image", "e => e.getBBox().width") > 0


def test_search_zapad_lists_the_zapad_editions(built_site: Path, page: Page) -> None:
    tab = page.open(built_site, "index.html")
    assert len(_listed(tab)) == 100  # the first page of the whole list, newest first
    page.shot("home.png")
    tab.fill("#q", "Zapad")
    ex = mx.load_exercises()
    editions = set(ex.filter(pl.col("series") == "Zapad")["exercise_id"])
    assert len(editions) >= 6
    listed = _listed(tab)
    assert editions <= set(listed)
    text = {r["exercise_id"]: r for r in ex.iter_rows(named=True)}
    for ident in listed:  # everything listed says Zapad in its name, series or place
        r = text[ident]
        assert "zapad" in " ".join(str(r[k] or "") for k in ("name", "series", "location_place")).lower()
    assert tab.inner_text("#count").startswith(f"{len(listed)} exercises")
    page.shot("home-search-zapad.png")
    assert "q=Zapad" in tab.url  # the search can be linked
    assert page.errors == []


def test_a_filter_narrows_the_list(built_site: Path, page: Page) -> None:
    ex = mx.load_exercises()
    tab = page.open(built_site, "index.html")
    tab.select_option("select[name=country]", "TJK")
    with_tjk = ex.filter(pl.col("participants").list.contains("TJK"))
    assert tab.inner_text("#count").startswith(f"{with_tjk.height} exercises")
    listed = _listed(tab)  # the list shows the first 100 matches
    assert len(listed) == min(100, with_tjk.height) and set(listed) <= set(with_tjk["exercise_id"])
    tab.select_option("select[name=from]", "2018")
    tab.select_option("select[name=to]", "2018")
    in_2018 = with_tjk.filter(pl.col("year") == 2018)
    assert set(_listed(tab)) == set(in_2018["exercise_id"])
    assert SEED in _listed(tab)
    tab.select_option("select[name=size]", "10k")  # 10,000 to 49,999 troops
    sized = in_2018.filter(pl.col("troops_best").is_between(10_000, 49_999))
    assert set(_listed(tab)) == set(sized["exercise_id"])
    tab.click("#reset")
    tab.wait_for_function("document.querySelectorAll('#results tr').length == 100")
    assert page.errors == []


def test_seed_page_shows_twelve_claims_and_links_to_four_sources(built_site: Path, page: Page) -> None:
    tab = page.open(built_site, f"exercise/{SEED}.html")
    rows = tab.query_selector_all("table.claims tbody tr")
    assert len(rows) == 12
    assert [r.query_selector("td.id").inner_text() for r in rows] == [f"c{i}" for i in range(1, 13)]
    links = {a.get_attribute("href") for a in tab.query_selector_all("table.claims a.source-link")}
    assert len(links) == 4
    assert "https://brecorder.com/news/4618931" in links
    assert len(tab.query_selector_all("ol.sources li a")) == 4
    assert tab.inner_text(".headline-box .big") == "10,000"
    # the headline figure's working is open; the derived reported total says how it was summed
    assert "the largest ceiling, set by c7, c11" in tab.inner_text("tr.headline-row")
    assert page.errors == []
    page.shot("exercise.png", full_page=True)


def test_country_page(built_site: Path, page: Page) -> None:
    tab = page.open(built_site, "country/TJK.html")
    n_tjk = mx.load_participants().filter(pl.col("iso3") == "TJK").height
    assert len(tab.query_selector_all("#exercises ~ .table-scroll tbody tr")) == n_tjk
    assert tab.query_selector_all(".timeline rect.bar")
    assert page.errors == []
    page.shot("country.png", full_page=True)


def test_map_draws_its_markers(built_site: Path, page: Page) -> None:
    """On the release: every exercise with coordinates is a dot, the others with a location country
    on the basemap are grouped into one circle per country."""
    from military_exercises.site.basemap import load_countries

    ex = mx.load_exercises()
    tab = page.open(built_site, "map.html")
    # a dot where coordinates place the exercise itself (a cited page, or MME's point for its place
    # text); a country's centroid is not a place, so those are grouped by country
    precise = pl.col("coordinates_precision").is_in(["point", "upstream_geocode"])
    dots = ex.filter(precise)
    by_country = ex.filter(
        ~precise.fill_null(False), pl.col("location_country_iso3").is_in(list(load_countries()))
    )
    assert len(tab.query_selector_all("#marks circle.pt")) == dots.height
    assert len(tab.query_selector_all("#marks circle.agg")) == by_country["location_country_iso3"].n_unique()
    assert len(tab.query_selector_all("#map .land path")) == 176
    page.shot("map.png")
    tab.click("#marks circle.agg >> nth=0")
    assert tab.inner_text("#map-detail").count("\n") >= 1
    tab.select_option("select[name=region]", "Europe")
    europe = by_country.filter(pl.col("region") == "Europe")["location_country_iso3"].n_unique()
    assert len(tab.query_selector_all("#marks circle.agg")) == europe
    assert tab.get_attribute("#map", "viewBox") != "0 1.4 1000 443"  # zoomed to Europe
    page.shot("map-europe.png")
    assert page.errors == []


def test_map_draws_points_at_coordinates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: Page, mini_repo: Callable[..., Path]
) -> None:
    """Twenty synthetic exercises, every one with coordinates: twenty dots, no country circles."""
    root = tmp_path / "synthetic"
    synthetic_generator().generate(20, root)
    monkeypatch.setenv("MILITARY_EXERCISES_TODAY", "2099-12-31")
    monkeypatch.setenv("MILITARY_EXERCISES_RELEASE", str(build(root)))
    build_site(tmp_path / "site")
    tab = page.open(tmp_path / "site", "map.html")
    assert len(tab.query_selector_all("#marks circle.pt")) == 20
    assert len(tab.query_selector_all("#marks circle.agg")) == 0
    assert "20 drawn at their coordinates" in tab.inner_text("#count")
    page.shot("map-synthetic-points.png")
    assert page.errors == []
