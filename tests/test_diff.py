"""Release-to-release changes, computed on two small releases built from edited records."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import polars as pl
from tests.conftest import BASE_RECORD, cli_command, write_record

from military_exercises.diff import diff_releases, diff_tables
from military_exercises.pipeline.build import build


def test_diff_tables_finds_added_removed_and_changed_columns() -> None:
    old = pl.DataFrame({"id": ["a", "b", "c"], "x": [1, 2, None], "y": ["p", "q", "r"]})
    new = pl.DataFrame({"id": ["b", "c", "d"], "x": [2, 5, 1], "y": ["q", "r2", "s"]})
    d = diff_tables(old, new, "id")
    assert d.added["id"].to_list() == ["d"]
    assert d.removed["id"].to_list() == ["a"]
    # b is unchanged; c changed from null to 5 (missing is not equal to a value) and in y
    assert d.changed.rows() == [("c", ["x", "y"])]


def test_identical_releases_have_no_changes(mini_repo: Callable[..., Path], tmp_path: Path) -> None:
    root = mini_repo(BASE_RECORD)
    release = build(root)
    assert all(d.empty for d in diff_releases(release, release).values())


def test_diff_between_two_versions(mini_repo: Callable[..., Path], tmp_path: Path) -> None:
    root = mini_repo(BASE_RECORD)
    old = tmp_path / "old"
    shutil.copytree(build(root), old)
    # the next version: a claim's number corrected, one claim removed, a second exercise added
    edited = BASE_RECORD.replace("value: 1000", "value: 1200")
    edited = edited[: edited.index("  - id: c2")] + edited[edited.index("sources:") :]
    (root / "dataset" / "sources" / "2020" / "2020-05-alpha-drill.yaml").write_text(edited, encoding="utf-8")
    beta = BASE_RECORD.replace("2020-05-alpha-drill", "2020-05-beta-drill")
    beta = beta.replace('start: "2020-05-04"', 'start: "2020-05-18"').replace(
        'end: "2020-05-08"', 'end: "2020-05-22"'
    )
    write_record(root, beta)  # two weeks later: another exercise, not a likely duplicate
    new = build(root)
    d = diff_releases(old, new)
    assert d["exercises"].added["exercise_id"].to_list() == ["2020-05-beta-drill"]
    assert d["exercises"].removed.height == 0
    changed = dict(d["exercises"].changed.rows())
    assert set(changed["2020-05-alpha-drill"]) >= {"troops_low", "troops_best", "troops_high", "n_claims"}
    assert d["claims"].removed["claim_id"].to_list() == ["2020-05-alpha-drill/c2"]
    assert d["claims"].added["claim_id"].to_list() == ["2020-05-beta-drill/c1", "2020-05-beta-drill/c2"]
    assert dict(d["claims"].changed.rows()) == {
        "2020-05-alpha-drill/c1": ["value", "floor", "ceiling", "point"]
    }
    out = subprocess.run(
        [*cli_command(), "diff", str(old), str(new)], capture_output=True, text=True, check=True
    )
    assert "| exercises | 1 | 0 | 1 |" in out.stdout
    assert "- removed: 2020-05-alpha-drill/c2" in out.stdout
