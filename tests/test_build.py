"""The pipeline end to end on small throw-away repositories."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
from tests.conftest import BASE_RECORD, release_digest

from military_exercises.pipeline.build import build
from military_exercises.pipeline.problems import BuildError


def test_build_publishes_all_tables(mini_repo: Callable[..., Path]) -> None:
    root = mini_repo(BASE_RECORD)
    release = build(root)
    tables = ["exercises", "participants", "claims", "sizes", "sources", "countries", "series",
              "series_years", "coverage", "upstream_exercises", "upstream_participants", "upstream_rows",
              "upstream_repairs", "upstream_conflicts"]  # fmt: skip
    assert sorted(p.name for p in release.iterdir()) == sorted(
        ["datapackage.json", "military-exercises.sqlite", "exercises.dta"]
        + [f"{t}.parquet" for t in tables] + [f"{t}.csv" for t in tables]
    )  # fmt: skip
    # a checkout without dataset/upstream publishes the upstream tables empty
    assert pl.read_parquet(release / "upstream_exercises.parquet").height == 0
    ex = pl.read_parquet(root / "dataset" / "release" / "exercises.parquet").row(0, named=True)
    assert ex["exercise_id"] == "2020-05-alpha-drill"
    assert ex["hosts"] == ["TJK"]
    assert ex["participants"] == ["RUS", "TJK"]  # observers are not participants
    assert ex["observers"] == ["KAZ"]  # a demonym resolved through the alias table
    assert ex["n_participants"] == 2
    assert ex["kind"] == "bilateral"
    assert ex["n_states_stated"] is None
    assert ex["participants_complete"] is None  # no full list cited, no number of states stated
    assert ex["location_admin1"] == "TJ-GB"  # alias GBAO -> ISO 3166-2
    assert ex["duration_days"] == 5
    assert ex["region"] == "Eurasia"
    assert (ex["troops_low"], ex["troops_best"], ex["troops_high"]) == (1000, 1000, 1000)
    assert ex["troops_declared_best"] == 1000
    assert ex["troops_reported_best"] is None
    parts = pl.read_parquet(root / "dataset" / "release" / "participants.parquet")
    rus = parts.filter(pl.col("iso3") == "RUS").row(0, named=True)
    assert (rus["troops_low"], rus["troops_best"], rus["troops_high"]) == (200, 250, 300)
    assert (rus["gw_code"], rus["cow_code"]) == (365, 365)


def test_rebuild_is_byte_identical(mini_repo: Callable[..., Path]) -> None:
    root = mini_repo(BASE_RECORD)
    first = release_digest(build(root))
    link = root / "dataset" / "release"
    import shutil

    shutil.rmtree(root / "dataset" / ".releases")
    link.unlink()
    second = release_digest(build(root))
    assert first == second


def test_month_and_year_dates_have_no_duration(mini_repo: Callable[..., Path]) -> None:
    text = BASE_RECORD.replace('start: "2020-05-04"', 'start: "2020-05"').replace(
        'end: "2020-05-08"', 'end: "2020"'
    )
    root = mini_repo(text)
    build(root)
    ex = pl.read_parquet(root / "dataset" / "release" / "exercises.parquet").row(0, named=True)
    assert (ex["start_precision"], ex["end_precision"], ex["duration_days"]) == ("month", "year", None)
    assert str(ex["start_date"]) == "2020-05-01"
    assert str(ex["end_date"]) == "2020-12-31"


BAD_CASES = [
    (
        "typo'd key",
        ("  - country: Russia\n    role: participant", "  - country: Russia\n    rol: participant"),
        "participants[1].rol: unknown key",
    ),
    (
        "unknown country",
        ("country: Russia", "country: Ruritania"),
        "participants[1].country: unknown country 'Ruritania'",
    ),
    (
        "end before start",
        ('end: "2020-05-08"', 'end: "2020-05-01"'),
        "end: end 2020-05-01 is before start 2020-05-04",
    ),
    (
        "low > high",
        ("low: 200\n    high: 300", "low: 300\n    high: 200"),
        "claims[1].low: low (300) is greater than high (200)",
    ),
]


@pytest.mark.parametrize(("label", "edit", "expected"), BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_record_fails_and_previous_release_stays(
    mini_repo: Callable[..., Path], label: str, edit: tuple[str, str], expected: str
) -> None:
    root = mini_repo(BASE_RECORD)
    before = release_digest(build(root))
    bad = BASE_RECORD.replace(*edit)
    assert bad != BASE_RECORD, label
    (root / "dataset" / "sources" / "2020" / "2020-05-alpha-drill.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(BuildError) as info:
        build(root)
    assert "dataset/sources/2020/2020-05-alpha-drill.yaml:" in info.value.report()
    assert expected in info.value.report()
    assert release_digest(root / "dataset" / "release") == before


def test_every_problem_in_every_file_is_reported_at_once(mini_repo: Callable[..., Path]) -> None:
    second = BASE_RECORD.replace("2020-05-alpha-drill", "2020-05-beta-drill").replace("Ruritania", "x")
    root = mini_repo(
        BASE_RECORD.replace("country: Russia", "country: Ruritania").replace("value: 1000", "value: -5"),
        second.replace("basis: reported", "basis: rumoured"),
    )
    with pytest.raises(BuildError) as info:
        build(root)
    text = info.value.report()
    assert text.startswith("4 problems in 2 files:")
    assert "alpha-drill.yaml:18: participants[1].country: unknown country 'Ruritania'" in text
    assert "alpha-drill.yaml:28: claims[0].value: value -5 is negative" in text
    # the claim about Russia's contingent now names a state that is not among the participants
    assert "alpha-drill.yaml:36: claims[1].country: claim is for RUS, which is not a host" in text
    assert (
        "beta-drill.yaml:40: claims[1].basis: unknown basis 'rumoured'; accepted: declared, estimated, reported"
        in text
    )


def test_organisation_running_the_exercise_can_declare(mini_repo: Callable[..., Path]) -> None:
    text = BASE_RECORD.replace("organisation: null", "organisation: CSTO").replace(
        "    claimant: host ministry\n    claimant_country: TJK\n",
        "    claimant: CSTO press service\n    claimant_organisation: CSTO\n",
    )
    root = mini_repo(text)
    build(root)
    claims = pl.read_parquet(root / "dataset" / "release" / "claims.parquet")
    row = claims.filter(pl.col("claim_id") == "2020-05-alpha-drill/c1").row(0, named=True)
    assert (row["basis"], row["claimant_iso3"], row["claimant_organisation"]) == ("declared", None, "CSTO")
    # the same statement about an exercise the organisation does not run is not a declaration
    (root / "dataset" / "sources" / "2020" / "2020-05-alpha-drill.yaml").write_text(
        text.replace("\norganisation: CSTO", "\norganisation: null"), encoding="utf-8"
    )
    with pytest.raises(
        BuildError, match=r"claims\[0\]\.claimant_organisation: declared by CSTO, which does not run"
    ):
        build(root)


def test_region_from_hosts_that_share_one(mini_repo: Callable[..., Path]) -> None:
    multi = (
        BASE_RECORD.replace("  country: TJK\n  admin1: GBAO\n", "  country: null\n  admin1: null\n")
        .replace("precision: place", "precision: multi")
        .replace("role: participant", "role: host")
    )
    root = mini_repo(multi)  # hosts TJK and RUS, both in Eurasia
    build(root)
    assert pl.read_parquet(root / "dataset" / "release" / "exercises.parquet")["region"].to_list() == [
        "Eurasia"
    ]
    mixed = multi.replace("country: Russia", "country: CHN").replace("country: RUS", "country: CHN")
    (root / "dataset" / "sources" / "2020" / "2020-05-alpha-drill.yaml").write_text(mixed, encoding="utf-8")
    build(root)  # hosts in Eurasia and East Asia: no single region
    assert pl.read_parquet(root / "dataset" / "release" / "exercises.parquet")["region"].to_list() == [None]


def test_location_country_must_be_a_host(mini_repo: Callable[..., Path]) -> None:
    text = BASE_RECORD.replace("  - country: TJK\n    role: host", "  - country: TJK\n    role: participant")
    root = mini_repo(text)
    with pytest.raises(BuildError) as info:
        build(root)
    assert (
        "alpha-drill.yaml:7: location.country: TJK is the location country but is listed as 'participant'; "
        "the state an exercise ran in is a host" in info.value.report()
    )
