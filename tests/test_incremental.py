"""What a rebuild with the cache reuses beyond parsed records: the likely-duplicate pairs of
exercises whose keys did not change, and the validation of tables whose content did not change.
Neither may change what a build reports or publishes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Collection
from pathlib import Path

import polars as pl
import pytest
from tests.conftest import BASE_RECORD

from military_exercises.pipeline import build as build_module
from military_exercises.pipeline.build import build
from military_exercises.pipeline.checks import likely_pairs
from military_exercises.pipeline.matching import ExerciseKey, likely_same_pairs
from military_exercises.pipeline.problems import BuildError
from military_exercises.pipeline.schemas import TABLES

BETA = BASE_RECORD.replace("2020-05-alpha-drill", "2020-05-beta-drill")


def key(i: str, start: str, end: str, *states: str, name: str | None = None) -> ExerciseKey:
    return ExerciseKey(i, dt.date.fromisoformat(start), dt.date.fromisoformat(end), None, name, states[0],
                       None, frozenset(states))  # fmt: skip


def test_reused_pairs_are_those_of_matching_everything(tmp_path: Path) -> None:
    memo = tmp_path / "pairs.pkl"
    a = key("a", "2020-05-01", "2020-05-09", "TJK", "RUS")
    b = key("b", "2020-05-03", "2020-05-06", "TJK", "RUS")
    c = key("c", "2021-01-01", "2021-01-05", "KAZ")
    assert likely_pairs([a, b, c], memo) == likely_same_pairs([a, b, c]) != []
    # c moves onto a and b; b moves away: only c and b are matched again, a's old pair with b goes
    c2 = key("c", "2020-05-02", "2020-05-04", "TJK", "RUS")
    b2 = key("b", "2022-05-03", "2022-05-06", "TJK", "RUS")
    assert likely_pairs([a, b2, c2], memo) == likely_same_pairs([a, b2, c2])
    assert {(p[0], p[1]) for p in likely_pairs([a, b2, c2], memo)} == {("a", "c")}
    # a memo that cannot be read is ignored
    memo.write_bytes(b"not a pickle")
    assert likely_pairs([a, b2, c2], memo) == likely_same_pairs([a, b2, c2])


def test_a_likely_duplicate_added_after_a_cached_build_is_still_found(mini_repo: Callable[..., Path]) -> None:
    root = mini_repo(BASE_RECORD)
    build(root)  # the memo now knows alpha
    beta = root / "dataset" / "sources" / "2020" / "2020-05-beta-drill.yaml"
    beta.write_text(BETA, encoding="utf-8")
    with pytest.raises(BuildError, match="likely the same exercise as 2020-05-alpha-drill"):
        build(root)
    beta.write_text(BETA + "distinct_from: [2020-05-alpha-drill]\n", encoding="utf-8")
    build(root)
    beta.write_text(BETA, encoding="utf-8")  # the declaration removed again: the pair comes back
    with pytest.raises(BuildError, match="likely the same exercise as 2020-05-alpha-drill"):
        build(root)
    moved = BETA.replace('start: "2020-05-04"', 'start: "2020-09-04"').replace(
        'end: "2020-05-08"', 'end: "2020-09-08"'
    )
    beta.write_text(moved, encoding="utf-8")
    build(root)  # beta moved to September: no longer a pair


def test_only_tables_whose_content_changed_are_validated_again(
    mini_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    skipped: list[set[str]] = []
    real = build_module.validate_tables

    def spy(tables: dict[str, pl.DataFrame], *, skip: Collection[str] = ()) -> list[str]:
        skipped.append(set(skip))
        return real(tables, skip=skip)

    monkeypatch.setattr(build_module, "validate_tables", spy)
    root = mini_repo(BASE_RECORD)
    build(root)
    build(root)
    record = root / "dataset" / "sources" / "2020" / "2020-05-alpha-drill.yaml"
    record.write_text(BASE_RECORD.replace("name: Alpha Drill", "name: Alpha Drill II"), encoding="utf-8")
    build(root)
    build(root, use_cache=False)
    assert skipped[0] == set()  # nothing known yet
    assert skipped[1] == set(TABLES)  # nothing changed
    assert "exercises" not in skipped[2] and "claims" in skipped[2]  # the name is in exercises only
    assert skipped[3] == set()  # without the cache everything is validated


def test_unchanged_tables_reuse_their_files_and_a_damaged_one_is_written_again(
    mini_repo: Callable[..., Path],
) -> None:
    root = mini_repo(BASE_RECORD)
    first = build(root)
    record = root / "dataset" / "sources" / "2020" / "2020-05-alpha-drill.yaml"
    record.write_text(BASE_RECORD.replace("name: Alpha Drill", "name: Alpha Drill II"), encoding="utf-8")
    second = build(root)
    assert second != first
    # the name is in exercises only: claims' files are the very files written before (one inode)
    cached = {p.name: p for p in (root / "dataset" / ".build" / "cache").glob("*/exports/*")}
    inodes = {p.stat().st_ino for p in cached.values()}
    assert (second / "claims.parquet").stat().st_ino in inodes
    assert (second / "exercises.csv").stat().st_ino in inodes  # the new file, kept for next time
    # Parquet, CSV and the one-table SQLite database of every table, each with its digest
    assert sum(name.endswith(".sha256") for name in cached) * 2 == len(cached) == 6 * len(TABLES)
    # damaging a release file damages its linked cache entry: the next build must not reuse it
    with (second / "claims.csv").open("r+b") as fh:
        fh.truncate(10)
    record.write_text(BASE_RECORD, encoding="utf-8")
    third = build(root)
    clean = build(root, use_cache=False)
    assert third == clean
    for path in sorted(third.iterdir()):
        assert path.stat().st_size > 10, path.name
    assert (third / "claims.csv").read_bytes().startswith(b"claim_id,")


def test_exports_written_early_are_discarded_when_validation_fails(
    mini_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = mini_repo(BASE_RECORD)
    first = build(root)
    monkeypatch.setattr(build_module, "validate_tables", lambda tables, *, skip=(): ["exercises: broken"])
    record = root / "dataset" / "sources" / "2020" / "2020-05-alpha-drill.yaml"
    record.write_text(BASE_RECORD.replace("name: Alpha Drill", "name: Alpha Drill II"), encoding="utf-8")
    with pytest.raises(BuildError, match="exercises: broken"):
        build(root)
    # the SQLite and Stata files begun in their threads are gone with their folder
    assert not list((root / "dataset" / ".build").glob("early-*"))
    assert not list((root / "dataset").rglob(".sqlite-parts-*"))
    assert (root / "dataset" / "release").resolve() == first  # the published release is untouched


def test_the_database_reuses_the_parts_of_unchanged_tables_and_rewrites_a_damaged_one(
    mini_repo: Callable[..., Path],
) -> None:
    root = mini_repo(BASE_RECORD)
    build(root)
    parts = root / "dataset" / ".build" / "cache"
    before = {p.stat().st_ino for p in parts.glob("*/exports/*.sqlite")}
    record = root / "dataset" / "sources" / "2020" / "2020-05-alpha-drill.yaml"
    record.write_text(BASE_RECORD.replace("name: Alpha Drill", "name: Alpha Drill II"), encoding="utf-8")
    second = build(root)
    now = {p.stat().st_ino: p for p in parts.glob("*/exports/*.sqlite")}
    assert len(before & set(now)) == len(TABLES) - 1  # only the exercises table was written again
    database = (second / "military-exercises.sqlite").read_bytes()
    assert (build(root, use_cache=False) / "military-exercises.sqlite").read_bytes() == database
    with sqlite3.connect(second / "military-exercises.sqlite") as con:
        assert con.execute("SELECT name FROM exercises").fetchall() == [("Alpha Drill II",)]
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    # a damaged part is not copied into the next database
    for part in now.values():
        part.write_bytes(b"SQLite format 3\0" + b"\0" * 100)
    record.write_text(BASE_RECORD, encoding="utf-8")
    third = build(root)
    with sqlite3.connect(third / "military-exercises.sqlite") as con:
        assert con.execute("SELECT name FROM exercises").fetchall() == [("Alpha Drill",)]
        counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}
    assert counts["claims"] > 0 and counts["sources"] > 0
    clean = build(root, use_cache=False)
    assert (clean / "military-exercises.sqlite").read_bytes() == (
        third / "military-exercises.sqlite"
    ).read_bytes()
