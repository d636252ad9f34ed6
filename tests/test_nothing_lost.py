"""Nothing lost, nothing invented: every claim, participant and source of the YAML is in the release.

The expected rows are counted straight from the YAML with PyYAML (independently of the pipeline's
own parser), then compared with the published tables, row for row and number for number.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml
from tests.conftest import BASE_RECORD, REPO, lone_parts, synthetic_generator

from military_exercises.pipeline.build import Layout, build, data_version, source_files

# A second record with components, a shared source, a zero and every qualifier.
SECOND_RECORD = """\
id: 2021-03-bravo-drill
name: null
start: "2021-03"
location:
  country: null
  precision: sea
  sea: Baltic Sea
participants:
  - country: EST
    role: host
  - country: LVA
    role: participant
  - country: LTU
    role: partial
domains: [sea]
purposes: []
claims:
  - {id: a, quantity: troops, country: EST, value: 700, qualifier: exact, basis: reported, source: test-20210301-two, component: regulars}
  - {id: b, quantity: troops, country: EST, value: 10000, qualifier: about, basis: reported, source: test-20210301-two, component: reservists}
  - {id: c, quantity: ships, value: 0, qualifier: exact, basis: declared, claimant_country: LVA, source: test-20200504-one}
  - {id: d, quantity: ships, value: 12, qualifier: more_than, basis: estimated, source: test-20210301-two}
  - {id: e, quantity: ships, value: 20, qualifier: up_to, basis: estimated, source: test-20210301-two}
  - {id: f, quantity: aircraft, value: 5, qualifier: at_least, basis: reported, source: test-20210301-two}
  - {id: g, quantity: aircraft, value: 9, qualifier: fewer_than, basis: reported, source: test-20210301-two}
  - {id: h, quantity: troops, low: 11000, high: 13000, qualifier: range, basis: reported, source: test-20210301-two}
sources:
  - id: test-20200504-one
    publisher: Test Wire
    title: A test report
    url: https://example.org/a
    published: "2020-05-04"
    language: en
  - id: test-20210301-two
    publisher: Another Test Wire
    title: Another test report
    url: https://example.org/b
    published: null
    language: et
"""


def expected_rows(root: Path) -> dict[str, Any]:
    """What the release must hold, read from the YAML files with plain PyYAML."""
    files, _ = source_files(Layout(root))
    docs = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in files]
    claims = {
        f"{d['id']}/{c['id']}": (c.get("value"), c.get("low"), c.get("high"), c["qualifier"], c["source"])
        for d in docs
        for c in d.get("claims") or []
    }
    return {
        "exercises": sorted(d["id"] for d in docs),
        "n_claims_in": sum(len(d.get("claims") or []) for d in docs),
        "claims": claims,
        "n_participants": sum(len(d["participants"]) for d in docs),
        "sources": sorted({s["id"] for d in docs for s in d["sources"]}),
        "n_claims_per_exercise": {d["id"]: len(d.get("claims") or []) for d in docs},
    }


def assert_nothing_lost(root: Path, release: Path) -> None:
    want = expected_rows(root)
    tables = {name: pl.read_parquet(release / f"{name}.parquet") for name in ("exercises", "participants", "claims", "sizes", "sources")}  # fmt: skip

    assert tables["exercises"]["exercise_id"].to_list() == want["exercises"]
    claims = tables["claims"]
    # counted in and out, and no id twice
    assert claims.height == want["n_claims_in"] == len(want["claims"])
    assert claims["claim_id"].n_unique() == claims.height
    got = {
        r["claim_id"]: (r["value"], r["low"], r["high"], r["qualifier"], r["source_id"])
        for r in claims.iter_rows(named=True)
    }
    assert got == want["claims"]  # every number exactly as written, none invented
    n_claims = dict(tables["exercises"].select("exercise_id", "n_claims").iter_rows())
    assert n_claims == want["n_claims_per_exercise"]

    assert tables["participants"].height == want["n_participants"]
    # the release also cites the upstream datasets (MME, JME) for the upstream rows
    upstream_sources = {"dorazio-galambos-2021-mme-v7", "dorazio-jme-v3"}
    published = [s for s in tables["sources"]["source_id"].to_list() if s not in upstream_sources]
    assert published == want["sources"]

    # every claim reaches the reconciled sizes (in the combined basis, and in its own basis), except a
    # lone labelled part of a whole exercise, which is a part and not the whole (rule step 2)
    sizes = tables["sizes"].filter(pl.col("method") == "claims")
    used_combined = Counter(sizes.filter(pl.col("basis") == "combined")["claim_ids"].explode().to_list())
    used_by_basis = Counter(sizes.filter(pl.col("basis") != "combined")["claim_ids"].explode().to_list())
    assert set(used_combined) == set(want["claims"]) - lone_parts(claims, combined=True)
    assert set(used_by_basis) == set(want["claims"]) - lone_parts(claims, combined=False)
    # ... and each exactly once per view: a claim is never counted in two sizes of one basis
    assert set(used_combined.values()) <= {1}
    assert set(used_by_basis.values()) <= {1}


def test_mini_repo_keeps_every_row(mini_repo: Any) -> None:
    root = mini_repo(BASE_RECORD, SECOND_RECORD)
    release = build(root)
    assert expected_rows(root)["n_claims_in"] == 10  # 2 + 8, counted by hand
    assert_nothing_lost(root, release)
    sources = pl.read_parquet(release / "sources.parquet")
    shared = sources.filter(pl.col("source_id") == "test-20200504-one").row(0, named=True)
    assert shared["exercise_ids"] == ["2020-05-alpha-drill", "2021-03-bravo-drill"]


def test_synthetic_records_keep_every_row(tmp_path: Path) -> None:
    root = synthetic_generator().generate(300, tmp_path / "synthetic", seed=7)
    release = build(root)
    want = expected_rows(root)
    assert len(want["exercises"]) == 300
    assert want["n_claims_in"] > 1000  # the generator's realistic mix: several claims per exercise
    assert_nothing_lost(root, release)


def test_real_release_keeps_every_row() -> None:
    layout = Layout(REPO)
    release = layout.release
    if not (release / "datapackage.json").is_file():
        pytest.skip("no release built (run `make dataset`)")
    files, problems = source_files(layout)
    built_from = pl.read_parquet(release / "exercises.parquet").height
    import json

    version = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))["version"]
    if problems or version != data_version(files, layout):
        pytest.skip(f"the sources changed since the release was built ({built_from} exercises)")
    assert_nothing_lost(REPO, release)
