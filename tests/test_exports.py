"""The flat exports: a data package that Frictionless validates, SQLite with its keys, Stata, the
pandas and DuckDB routes, and the release bundle."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import polars as pl
import pytest
from tests.conftest import BASE_RECORD, REPO, another_exercise

from military_exercises.pipeline import exports
from military_exercises.pipeline.build import build
from military_exercises.pipeline.bundle import write_bundle
from military_exercises.pipeline.exports import flat

RELEASE = REPO / "dataset" / "release"


@pytest.fixture(scope="module")
def release() -> Path:
    if not (RELEASE / "datapackage.json").is_file():
        pytest.skip("no release built (run `make dataset`)")
    return RELEASE.resolve()


def test_frictionless_validates_every_resource(release: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(release / "datapackage.json"))
    errors = [(t.name, e.type, e.note) for t in report.tasks for e in t.errors][:5]
    assert report.valid, errors


def test_list_columns_are_joined_in_csv() -> None:
    frame = pl.DataFrame({"a": [["RUS", "TJK"], [], None]}, schema={"a": pl.List(pl.String)})
    assert flat(frame)["a"].to_list() == ["RUS;TJK", "", None]


def test_csv_holds_the_same_rows_as_parquet(release: Path) -> None:
    ex = pl.read_parquet(release / "exercises.parquet")
    csv = pl.read_csv(release / "exercises.csv", infer_schema=False)
    assert csv.height == ex.height and csv.columns == ex.columns
    seed = csv.filter(pl.col("exercise_id") == "2018-07-tajikistan-russia-gbao").row(0, named=True)
    assert seed["participants"] == "RUS;TJK" and seed["hosts"] == "TJK"


def test_sqlite_has_every_table_with_keys(release: Path) -> None:
    con = sqlite3.connect(release / "military-exercises.sqlite")
    try:
        con.execute("PRAGMA foreign_keys = ON")
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        n = con.execute("SELECT count(*) FROM exercises").fetchone()[0]
        assert n == pl.read_parquet(release / "exercises.parquet").height
        (sql,) = con.execute("SELECT sql FROM sqlite_master WHERE name = 'claims'").fetchone()
        assert 'PRIMARY KEY ("claim_id")' in sql and 'REFERENCES "sources" (source_id)' in sql
        # the seed event's twelve claims, joined to their sources in SQL
        rows = con.execute(
            "SELECT c.claim_id, s.url FROM claims c JOIN sources s USING (source_id) "
            "WHERE c.exercise_id = '2018-07-tajikistan-russia-gbao'"
        ).fetchall()
        assert len(rows) == 12 and len({url for _, url in rows}) == 4
    finally:
        con.close()


def test_stata_file_reads_back(release: Path) -> None:
    pd = pytest.importorskip("pandas")
    df = pd.read_stata(release / "exercises.dta")
    total = pl.read_parquet(release / "exercises.parquet").height
    total += pl.read_parquet(release / "upstream_exercises.parquet").height
    assert len(df) == total and "provenance" in df.columns


def test_stata_file_is_what_pandas_to_stata_writes(
    release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # exports pads the fixed-width strings with numpy instead of pandas' per-value step: same bytes
    stata = pytest.importorskip("pandas.io.stata")
    exercises = pl.concat(
        [
            pl.read_parquet(release / "exercises.parquet"),
            pl.read_parquet(release / "upstream_exercises.parquet"),
        ]
    )
    exports.write_stata(exercises, tmp_path / "fast.dta")
    monkeypatch.setattr(exports, "_stata_writer", lambda: stata.StataWriterUTF8)  # to_stata's writer
    exports.write_stata(exercises, tmp_path / "pandas.dta")
    fast = (tmp_path / "fast.dta").read_bytes()
    assert fast == (tmp_path / "pandas.dta").read_bytes()
    assert fast == (release / "exercises.dta").read_bytes()


def test_to_pandas_and_duckdb_routes(release: Path) -> None:
    import military_exercises as mx

    assert len(mx.load_exercises().to_pandas()) > 0  # pyarrow is a dependency
    duckdb = pytest.importorskip("duckdb")
    # the query of docs/using-the-data.md
    n = duckdb.sql(
        f"SELECT count(*) FROM read_parquet(['{release}/participants.parquet', "
        f"'{release}/upstream_participants.parquet']) WHERE iso3 = 'TJK'"
    ).fetchall()[0][0]
    assert n == mx.load_table("participants").filter(pl.col("iso3") == "TJK").height


def test_exports_are_deterministic(mini_repo: object, tmp_path: Path) -> None:
    root = mini_repo(BASE_RECORD, another_exercise(BASE_RECORD))  # type: ignore[operator]
    first = build(root)
    digests = {p.name: p.read_bytes() for p in first.iterdir()}
    second = build(root, use_cache=False)
    assert {p.name: p.read_bytes() for p in second.iterdir()} == digests


def test_release_bundle_holds_data_codebook_citation_and_checksums(mini_repo: object, tmp_path: Path) -> None:
    root = mini_repo(BASE_RECORD)  # type: ignore[operator]
    build(root)
    for name in ("CODEBOOK.md", "CITATION.cff"):
        (root / name).write_text((REPO / name).read_text(encoding="utf-8"), encoding="utf-8")
    zip_path = write_bundle(root, tmp_path / "dist")
    again = write_bundle(root, tmp_path / "dist2")
    assert zip_path.read_bytes() == again.read_bytes()  # reproducible
    with zipfile.ZipFile(zip_path) as zf:
        names = [n.split("/", 1)[1] for n in zf.namelist()]
        assert {"data/datapackage.json", "data/exercises.parquet", "data/exercises.csv",
                "data/military-exercises.sqlite", "data/exercises.dta", "CODEBOOK.md", "CITATION.cff",
                "SHA256SUMS"} <= set(names)  # fmt: skip
        sums = zf.read(next(n for n in zf.namelist() if n.endswith("SHA256SUMS"))).decode().splitlines()
        assert len(sums) == len(names) - 1
