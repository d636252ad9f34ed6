"""Shared fixtures: a throw-away repository with the real mapping tables and hand-written records."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import polars as pl
import pytest
from hypothesis import settings

# Timing belongs in the benchmarks: on a loaded 2-core machine a per-example deadline only makes
# property tests flaky, so no test has one.
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")

REPO = Path(__file__).resolve().parents[1]

#: A small, valid record (invented for tests only; it is never published).
BASE_RECORD = """\
id: 2020-05-alpha-drill
name: Alpha Drill
series: null
start: "2020-05-04"
end: "2020-05-08"
location:
  country: TJK
  admin1: GBAO
  place: a training ground
  sea: null
  lat: null
  lon: null
  precision: place
organisation: null
participants:
  - country: TJK
    role: host
  - country: Russia
    role: participant
  - country: Kazakh
    role: observer
domains: [land]
purposes: [counter_terrorism]
claims:
  - id: c1
    quantity: troops
    country: null
    value: 1000
    qualifier: about
    basis: declared
    claimant: host ministry
    claimant_country: TJK
    source: test-20200504-one
  - id: c2
    quantity: troops
    country: RUS
    low: 200
    high: 300
    qualifier: range
    basis: reported
    source: test-20200504-one
sources:
  - id: test-20200504-one
    publisher: Test Wire
    title: A test report
    url: https://example.org/a
    published: "2020-05-04"
    language: en
"""


def another_exercise(text: str, new_id: str = "2020-05-beta-drill") -> str:
    """``text`` (the base record) as another exercise under ``new_id``, two weeks later, so that the
    build does not take it for a likely duplicate of the first."""
    text = text.replace('start: "2020-05-04"', 'start: "2020-05-18"').replace(
        'end: "2020-05-08"', 'end: "2020-05-22"'
    )
    return text.replace("2020-05-alpha-drill", new_id)


def release_digest(folder: Path) -> dict[str, str]:
    """sha256 of every file in a release folder (the ``dataset/release`` link is followed)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.resolve().iterdir())}


def synthetic_generator() -> ModuleType:
    """``benchmarks/generate.py`` as a module (the benchmarks are not a package)."""
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cli_command() -> list[str]:
    """How to run the installed command line from this interpreter."""
    script = Path(sys.executable).with_name("military-exercises")
    return [str(script)] if script.exists() else [sys.executable, "-m", "military_exercises"]


def write_record(root: Path, text: str, rel: str | None = None) -> Path:
    """Write a record below root/dataset/sources; the path defaults to <year>/<id>.yaml."""
    if rel is None:
        ident = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("id:"))
        rel = f"{ident[:4]}/{ident}.yaml"
    path = root / "dataset" / "sources" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def mini_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """Factory: a repository skeleton with the real mappings and the given record texts.

    Its build date is 2099-12-31 (test records may be dated in the 2030s); tests of the date
    checks set ``MILITARY_EXERCISES_TODAY`` themselves.
    """
    monkeypatch.setenv("MILITARY_EXERCISES_TODAY", "2099-12-31")

    def make(*records: str) -> Path:
        root = tmp_path / "repo"
        (root / "dataset" / "sources").mkdir(parents=True, exist_ok=True)
        if not (root / "dataset" / "mappings").exists():
            shutil.copytree(REPO / "dataset" / "mappings", root / "dataset" / "mappings")
            # the repository's entries name its own records: a mini repository starts with none
            (root / "dataset" / "allowlist.csv").write_text("exercise_id,quantity,check,reason\n")
        for text in records:
            write_record(root, text)
        return root

    return make


def lone_parts(claims: pl.DataFrame, *, combined: bool) -> set[str]:
    """Claim ids of lone labelled parts of a whole exercise (reconciliation rule, step 2): a source's
    only whole-exercise claim with a ``component`` for that quantity (and basis, unless
    ``combined``). Such a claim is kept in the claims table but enters no size."""
    keys = ["exercise_id", "source_id", "quantity", *([] if combined else ["basis"])]
    parts = claims.filter(pl.col("country_iso3").is_null(), pl.col("component").is_not_null())
    single = parts.group_by(keys).agg(pl.col("claim_id"), n=pl.len()).filter(pl.col("n") == 1)
    return set(single["claim_id"].explode().to_list())


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The static site of the real release, built once per test session."""
    from military_exercises.site.build import build_site

    out = tmp_path_factory.mktemp("built-site") / "site"
    build_site(out)
    return out
