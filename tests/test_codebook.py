"""CODEBOOK.md and datapackage.json are generated from the pandera models and must not drift."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import polars as pl
from tests.conftest import BASE_RECORD, REPO

from military_exercises.pipeline.build import build
from military_exercises.pipeline.codebook import render_codebook
from military_exercises.pipeline.schemas import TABLES


def test_committed_codebook_matches_the_models() -> None:
    committed = (REPO / "CODEBOOK.md").read_text(encoding="utf-8")
    assert committed == render_codebook(), "CODEBOOK.md is stale: run `make codebook` and commit it"


def test_codebook_documents_every_column_and_the_rule() -> None:
    text = render_codebook()
    for name, model in TABLES.items():
        assert f"## `{name}`" in text
        for col in model.to_schema().columns:
            assert f"| `{col}` |" in text
    assert "## Reconciliation rule" in text
    assert "derived_from_contingents" in text


def test_datapackage_describes_the_files_it_ships(mini_repo: Callable[..., Path]) -> None:
    release = build(mini_repo(BASE_RECORD))
    dp = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    assert dp["licenses"][0]["name"] == "CC-BY-4.0"
    assert [r["name"] for r in dp["resources"]] == [*TABLES, "database", "exercises-stata"]
    for res in dp["resources"]:
        assert "/" not in res["path"] and ".." not in res["path"]
        files = [(res["path"], res)] + (
            [(res["parquet"]["path"], res["parquet"])] if "parquet" in res else []
        )
        for name, entry in files:
            path = release / name
            assert entry["hash"] == "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
            assert entry["bytes"] == path.stat().st_size
        if res["type"] == "table":
            frame = pl.read_parquet(release / res["parquet"]["path"])
            assert res["rows"] == frame.height
            assert [f["name"] for f in res["schema"]["fields"]] == frame.columns
    exercises = next(r for r in dp["resources"] if r["name"] == "exercises")
    assert exercises["schema"]["primaryKey"] == ["exercise_id"]
    claims = next(r for r in dp["resources"] if r["name"] == "claims")
    assert {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}} in claims[
        "schema"
    ]["foreignKeys"]
