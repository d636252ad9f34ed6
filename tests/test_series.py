"""The series catalogue and the series x year table: held, not held, off year, open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
from tests.conftest import BASE_RECORD

from military_exercises.pipeline.build import build
from military_exercises.pipeline.problems import BuildError

HEADER = (
    "series,aliases,lead,organisation,usual_hosts,region,domains,frequency,first_known,last_known,"
    "source_url,source_publisher,source_published,note\n"
)
CATALOGUE = HEADER + (
    "Alpha Drill,Alpha,TJK,,TJK,Eurasia,land,annual,2019,2021,https://example.org/alpha,Test Wire,2019-05-01,\n"
    "Beta Biennial,,,,,Europe,sea,biennial,2018,2024,https://example.org/beta,Test Wire,2018,\n"
)
NOT_HELD = (
    "series,year,status,note,source_url,source_publisher,source_title,source_published,source_language\n"
    "Alpha Drill,2021,cancelled,called off,https://example.org/alpha-off,Test Wire,Alpha called off,2021-04-01,en\n"
)


@pytest.fixture
def repo(mini_repo: Callable[..., Path]) -> Path:
    root = mini_repo(BASE_RECORD.replace("series: null", "series: Alpha Drill"))
    (root / "dataset" / "mappings" / "series.csv").write_text(CATALOGUE, encoding="utf-8")
    (root / "dataset" / "mappings" / "series_not_held.csv").write_text(NOT_HELD, encoding="utf-8")
    return root


def test_series_years_status_by_hand(repo: Path) -> None:
    release = build(repo)
    sy = pl.read_parquet(release / "series_years.parquet")
    got = sy.select("series", "year", "status", "n_exercises", "not_held_status").rows()
    assert got == [
        ("Alpha Drill", 2019, "open", 0, None),
        ("Alpha Drill", 2020, "held", 1, None),  # the record
        ("Alpha Drill", 2021, "not_held", 0, "cancelled"),  # the page that says so
        ("Beta Biennial", 2018, "open", 0, None),  # even years: its last known edition's parity
        ("Beta Biennial", 2019, "off_year", 0, None),
        ("Beta Biennial", 2020, "open", 0, None),
        ("Beta Biennial", 2021, "off_year", 0, None),
        ("Beta Biennial", 2022, "open", 0, None),
        ("Beta Biennial", 2023, "off_year", 0, None),
        ("Beta Biennial", 2024, "open", 0, None),
    ]
    series = pl.read_parquet(release / "series.parquet").select("series", "n_exercises", "first_year").rows()
    assert series == [("Alpha Drill", 1, 2020), ("Beta Biennial", 0, None)]


def test_a_biennial_series_follows_the_cadence_of_its_latest_edition(repo: Path) -> None:
    """First known in an odd year (2017), held since in even ones: the record of 2020 sets the
    cadence, so odd years are off and even years without a record are open."""
    catalogue = CATALOGUE.replace(
        "Beta Biennial,,,,,Europe,sea,biennial,2018,2024", "Beta Biennial,,,,,Europe,sea,biennial,2017,2022"
    )
    (repo / "dataset" / "mappings" / "series.csv").write_text(catalogue, encoding="utf-8")
    path = repo / "dataset" / "sources" / "2020" / "2020-05-alpha-drill.yaml"
    path.write_text(BASE_RECORD.replace("series: null", "series: Beta Biennial"), encoding="utf-8")
    sy = pl.read_parquet(build(repo) / "series_years.parquet").filter(pl.col("series") == "Beta Biennial")
    assert sy.select("year", "status").rows() == [
        (2017, "off_year"), (2018, "open"), (2019, "off_year"), (2020, "held"), (2021, "off_year"), (2022, "open"),
    ]  # fmt: skip


def test_a_record_must_write_the_catalogued_name_not_an_alias(repo: Path) -> None:
    path = repo / "dataset" / "sources" / "2020" / "2020-05-alpha-drill.yaml"
    path.write_text(BASE_RECORD.replace("series: null", "series: Alpha"), encoding="utf-8")
    with pytest.raises(BuildError) as info:
        build(repo)
    assert [str(p) for p in info.value.problems] == [
        "dataset/sources/2020/2020-05-alpha-drill.yaml:3: series: write the series' catalogued name "
        "'Alpha Drill' ('Alpha' is an alias)"
    ]


def test_an_unknown_series_is_a_problem(repo: Path) -> None:
    path = repo / "dataset" / "sources" / "2020" / "2020-05-alpha-drill.yaml"
    path.write_text(BASE_RECORD.replace("series: null", "series: Gamma Games"), encoding="utf-8")
    with pytest.raises(BuildError) as info:
        build(repo)
    assert [p.message for p in info.value.problems] == [
        "unknown series 'Gamma Games': add it, with a page that describes it, to "
        "dataset/mappings/series.csv (or use its catalogued name)"
    ]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "Alpha Drill,,,,,,,annual,,,https://example.org/x,,,\n",
            "dataset/mappings/series.csv:4: series: 'Alpha Drill' is already a name or alias on line 2",
        ),
        (
            "Gamma,,,,,,,weekly,,,https://example.org/x,,,\n",
            "dataset/mappings/series.csv:4: frequency: unknown frequency 'weekly'; accepted: annual, biennial, irregular, other",
        ),
        (
            "Gamma,,,,,,,annual,,,,,,\n",
            "dataset/mappings/series.csv:4: source_url: every series row cites a page (an http(s) address)",
        ),
        (
            "Gamma,,XXX,,,,,annual,,,https://example.org/x,,,\n",
            "dataset/mappings/series.csv:4: lead: 'XXX' is not an ISO3 code in countries.csv",
        ),
    ],
)
def test_catalogue_faults_are_located(repo: Path, row: str, message: str) -> None:
    (repo / "dataset" / "mappings" / "series.csv").write_text(CATALOGUE + row, encoding="utf-8")
    with pytest.raises(BuildError) as info:
        build(repo)
    assert [str(p) for p in info.value.problems] == [message]
