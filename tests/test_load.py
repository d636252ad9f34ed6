"""Loaders against the real release (built by `make dataset` before the tests run)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
from tests.conftest import BASE_RECORD

import military_exercises as me
from military_exercises.load import ENV_VAR, ReleaseNotFoundError, release_dir
from military_exercises.pipeline.build import build


def test_every_table_loads_eagerly_and_lazily() -> None:
    for name in me.list_tables():
        eager = me.load_table(name)
        lazy = me.load_table(name, lazy=True)
        assert isinstance(eager, pl.DataFrame) and eager.height > 0
        assert isinstance(lazy, pl.LazyFrame)
        assert lazy.collect().equals(eager)
    assert me.load_exercises().equals(me.load_table("exercises"))


def test_unknown_table_lists_the_accepted_names() -> None:
    with pytest.raises(
        ValueError, match="accepted: exercises, participants, claims, sizes, sources, countries"
    ):
        me.load_table("exercise")


def test_gbao_2018_headline_traces_to_claims_and_sources() -> None:
    ex = (
        me.load_exercises()
        .filter(pl.col("exercise_id") == "2018-07-tajikistan-russia-gbao")
        .row(0, named=True)
    )
    assert (ex["troops_low"], ex["troops_best"], ex["troops_high"]) == (10000, 10000, 10000)
    assert ex["troops_method"] == "claims"
    assert ex["troops_declared_best"] == 10000
    # news.tj gave contingents only: 700 + about 10,000 Tajiks and 400 Russians -> 11,100 derived
    assert ex["troops_reported_best"] == 11100
    sizes = me.load_sizes().filter(
        (pl.col("exercise_id") == ex["exercise_id"]) & (pl.col("quantity") == "troops")
        & (pl.col("scope") == "exercise") & (pl.col("basis") == "combined")
    )  # fmt: skip
    claim_ids = sizes.row(0, named=True)["claim_ids"]
    claims = me.load_claims().filter(pl.col("claim_id").is_in(claim_ids))
    assert sorted(claims["qualifier"]) == ["exact", "more_than", "up_to"]
    assert set(claims["value"]) == {10000}
    sources = me.load_sources().filter(pl.col("source_id").is_in(claims["source_id"].to_list()))
    assert set(sources["url"]) == {
        "https://brecorder.com/news/4618931",
        "https://www.asiaplustj.info/en/news/tajikistan/security/20180719/tajik-russian-joint-military-exercise-under-way-in-gbao",
        "http://russian.peopledaily.com.cn/n3/2018/0718/c31519-9482198.html",
    }
    rus = (
        me.load_participants()
        .filter((pl.col("exercise_id") == ex["exercise_id"]) & (pl.col("iso3") == "RUS"))
        .row(0, named=True)
    )
    assert rus["troops_best"] == 400


def test_cite_lists_the_sources_of_an_exercise() -> None:
    text = me.cite("2018-07-tajikistan-russia-gbao")
    assert me.data_version() in text
    assert "https://brecorder.com/news/4618931" in text
    assert "http://www.news.tj/ru/node/257178" in text
    with pytest.raises(ValueError, match="unknown exercise ids: nope"):
        me.cite(["nope"])


def test_env_var_points_at_another_release(
    mini_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = mini_repo(BASE_RECORD)
    build(root)
    monkeypatch.setenv(ENV_VAR, str(root / "dataset" / "release"))
    assert me.load_exercises()["exercise_id"].to_list() == ["2020-05-alpha-drill"]


def test_missing_release_names_the_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    with pytest.raises(ReleaseNotFoundError, match=r"does not contain datapackage\.json"):
        release_dir()
    monkeypatch.delenv(ENV_VAR)
    monkeypatch.setattr("military_exercises.load._checkout_release", lambda: tmp_path / "dataset" / "release")
    with pytest.raises(ReleaseNotFoundError, match=r"run `make dataset`"):
        me.load_exercises()
