"""Drafts against the dataset (patch drafts), corpus inputs (folder, JSONL, Parquet), --jobs, the
claims Parquet file and the Dask runner on a local cluster.

Every report here is synthetic (example.org addresses); the Talisman Sabre one names the exercise
and the states of the existing record only so that the look-up has something to find.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import polars as pl
import pytest
from tests.conftest import REPO

from military_exercises.cli import main as cli_main
from military_exercises.extract import extract_records
from military_exercises.extract.corpus import CLAIM_COLUMNS, Options, plan_shards
from military_exercises.extract.known import KnownExercises, draft_key

MAPS = REPO / "dataset" / "mappings"

TALISMAN = """Title: Allied drills open in Queensland (synthetic test report)
Publisher: Example Wire
URL: https://example.org/wire/2023/07/22/allied-drills
Published: 2023-07-22

Australia and the United States began the Talisman Sabre 2023 exercise in Queensland on Saturday. Troops from Fiji, Indonesia, Japan, South Korea, New Zealand, Papua New Guinea, Tonga, France, Britain, Canada and Germany take part, Australia's defence force said.
"""

ALPHA = """Title: Alpha drill (synthetic)
Publisher: Example Wire
URL: https://example.org/wire/2032/05/04/alpha
Published: 2032-05-04

Kazakhstan and Kyrgyzstan began the Alpha Test 2032 exercise near Almaty on Monday, with 1,200 troops and about 40 tanks.
"""

BETA = """Title: Beta drill (synthetic)
Publisher: Example Wire
URL: https://example.org/wire/2032/06/10/beta
Published: 2032-06-10

Some 300 Uzbek soldiers joined a Tajik exercise in the Sughd region on Tuesday, the Tajik defence ministry said.
"""


# --- against the dataset ------------------------------------------------------------------------


def test_a_talisman_sabre_2023_report_is_a_patch_of_the_existing_record() -> None:
    drafts = extract_records(TALISMAN, mappings_dir=MAPS, include_past=False)
    # 13 counted states in the draft and in the record, all shared (Jaccard 13/13 = 100%)
    (match,) = KnownExercises.from_release().match(drafts)
    assert match is not None
    assert match.exercise_id == "2023-07-talisman-sabre-2023"
    assert match.reason == "same series (Talisman Sabre), overlapping dates, 100% of states shared"
    assert match.file == "dataset/sources/2023/2023-07-talisman-sabre-2023.yaml"
    # the source records say the same when there is no release
    (from_sources,) = KnownExercises.from_sources(REPO / "dataset" / "sources", MAPS).match(drafts)
    assert from_sources is not None
    assert (from_sources.exercise_id, from_sources.reason) == (match.exercise_id, match.reason)


def test_cli_writes_a_patch_draft_and_with_against_none_a_new_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "ts.txt"
    report.write_text(TALISMAN, encoding="utf-8")
    out = tmp_path / "out"
    assert cli_main(["extract", str(report), "--out", str(out), "--main-only"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "2023-07-talisman-sabre-2023.patch.evidence.json",
        "2023-07-talisman-sabre-2023.patch.yaml",
    ]
    patch = (out / "2023-07-talisman-sabre-2023.patch.yaml").read_text(encoding="utf-8")
    assert 'patch_of: "2023-07-talisman-sabre-2023"' in patch
    assert (
        'matched_because: "same series (Talisman Sabre), overlapping dates, 100% of states shared"' in patch
    )
    assert 'file: "dataset/sources/2023/2023-07-talisman-sabre-2023.yaml"' in patch
    assert 'url: "https://example.org/wire/2023/07/22/allied-drills"' in patch
    assert "patch of 2023-07-talisman-sabre-2023" in capsys.readouterr().out
    fresh = tmp_path / "fresh"
    assert cli_main(["extract", str(report), "--out", str(fresh), "--main-only", "--against", "none"]) == 0
    assert sorted(p.name for p in fresh.iterdir()) == [
        "2023-07-talisman-sabre-2023.evidence.json",
        "2023-07-talisman-sabre-2023.yaml",
    ]


def test_a_new_exercise_or_an_undated_draft_matches_nothing() -> None:
    known = KnownExercises.from_release()
    alpha = extract_records(ALPHA, mappings_dir=MAPS)
    undated = extract_records("Kazakhstan and Kyrgyzstan held drills.", mappings_dir=MAPS)
    assert undated[0].record["start"] is None and draft_key(undated[0]) is None
    assert known.match(alpha + undated) == [None, None]


def test_draft_keys_span_partial_dates_and_never_share_an_id_with_a_record() -> None:
    (draft,) = extract_records(TALISMAN, mappings_dir=MAPS, include_past=False)
    draft.record["start"], draft.record["end"] = "2023-07", None
    key = draft_key(draft)
    assert key is not None
    assert (key.start, key.end) == (dt.date(2023, 7, 1), dt.date(2023, 7, 31))
    assert key.exercise_id == "draft:2023-07-talisman-sabre-2023"
    assert key.series == "Talisman Sabre" and len(key.participants) == 13


# --- corpus inputs ------------------------------------------------------------------------------


def _corpus(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text(ALPHA, encoding="utf-8")
    (folder / "b.txt").write_text(BETA, encoding="utf-8")
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text(
        "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in (("a", ALPHA), ("b", BETA))), "utf-8"
    )
    parquet = tmp_path / "c.parquet"
    pl.DataFrame({"id": ["a", "b"], "text": [ALPHA, BETA]}).write_parquet(parquet)
    return {"folder": folder, "jsonl": jsonl, "parquet": parquet}


def _claims(path: Path) -> list[tuple[object, ...]]:
    frame = pl.read_parquet(path)
    assert frame.columns == list(CLAIM_COLUMNS)
    return frame.select(
        "quantity", "country", "value", "qualifier", "basis", "claimant_country", "value_text"
    ).rows()


# Hand-read from ALPHA (Monday before Tuesday 4 May: 3 May) and BETA: 1,200 troops and about 40 tanks (no speaker: reported); some 300
# Uzbek soldiers, attributed to the Tajik defence ministry (Tajikistan takes part: declared).
EXPECTED = [
    ("troops", None, 1200, "exact", "reported", None, "1,200"),
    ("tanks", None, 40, "about", "reported", None, "about 40"),
    ("troops", "UZB", 300, "about", "declared", "TJK", "Some 300"),
]


@pytest.mark.parametrize("kind", ["folder", "jsonl", "parquet"])
def test_corpus_inputs_give_one_claims_parquet_with_evidence(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _corpus(tmp_path)[kind]
    out = tmp_path / "out"
    assert cli_main(["extract", str(src), "--out", str(out), "--mappings", str(MAPS), "--no-progress"]) == 0
    assert _claims(out / "claims.parquet") == EXPECTED
    assert sorted(p.name for p in out.glob("*.yaml")) == [
        "2032-05-alpha-test-2032.yaml",
        "2032-06-tajikistan-uzbekistan.yaml",
    ]
    assert (
        "2 reports, 2 drafts (0 patches of existing records), 3 candidate claims" in capsys.readouterr().out
    )


def test_jobs_give_the_same_output_as_one_process(tmp_path: Path) -> None:
    src = _corpus(tmp_path)["jsonl"]
    one, two = tmp_path / "one", tmp_path / "two"
    base = ["extract", str(src), "--mappings", str(MAPS), "--no-progress", "--shard-size", "1"]
    assert cli_main([*base, "--out", str(one)]) == 0
    assert cli_main([*base, "--out", str(two), "--jobs", "2"]) == 0
    assert pl.read_parquet(one / "claims.parquet").equals(pl.read_parquet(two / "claims.parquet"))
    for path in one.glob("*.yaml"):
        assert (two / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_bad_rows_are_named_and_the_rest_still_extracted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"id": "a", "text": ALPHA}) + "\nnot json\n" + json.dumps({"id": "x"}) + "\n", "utf-8"
    )
    out = tmp_path / "out"
    assert cli_main(["extract", str(bad), "--out", str(out), "--mappings", str(MAPS), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert f"error: {bad}:2: not a JSON object" in err
    assert f"error: {bad}:3: no 'text' field with the report as a string" in err
    assert len(pl.read_parquet(out / "claims.parquet")) == 2  # ALPHA's two claims


def test_inputs_that_are_no_corpus_are_refused_with_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    no_text = tmp_path / "no_text.parquet"
    pl.DataFrame({"body": ["x"]}).write_parquet(no_text)
    assert cli_main(["extract", str(no_text), "--out", str(tmp_path / "o")]) == 2
    assert "needs a 'text' column" in capsys.readouterr().err
    assert cli_main(["extract", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli_main(["extract", str(empty), "--out", str(tmp_path / "o")]) == 2
    assert "no report files" in capsys.readouterr().err


def test_shards_cut_rows_and_files_in_input_order(tmp_path: Path) -> None:
    src = _corpus(tmp_path)
    shards = plan_shards([src["parquet"], src["folder"], src["jsonl"]], shard_size=1)
    # text files first (one shard per file at size 1), then each row of each corpus file
    assert [(s.kind, s.start, s.stop, len(s.paths)) for s in shards] == [
        ("files", 0, 0, 1), ("files", 0, 0, 1), ("parquet", 0, 1, 0), ("parquet", 1, 2, 0),
        ("jsonl", 0, 1, 0), ("jsonl", 1, 2, 0),
    ]  # fmt: skip
    assert [s.name for s in shards] == [f"shard-{i:06d}" for i in range(6)]


# --- the Dask runner ----------------------------------------------------------------------------


def test_dask_runner_on_a_local_cluster_matches_the_command_line(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    from military_exercises.extract.dask_runner import run_dask

    src = _corpus(tmp_path)["parquet"]
    cli_out = tmp_path / "cli"
    assert (
        cli_main(["extract", str(src), "--out", str(cli_out), "--mappings", str(MAPS), "--no-progress"]) == 0
    )
    out = tmp_path / "dask"
    options = Options(mappings_dir=str(MAPS))
    with (
        distributed.LocalCluster(
            processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        summary = run_dask([src], out, options=options, shard_size=1, client=client)
    assert (summary.shards, summary.reports, summary.drafts, summary.claims) == (2, 2, 2, 3)
    assert summary.errors == []
    assert _claims(out / "claims.parquet") == EXPECTED
    assert pl.read_parquet(out / "claims.parquet").equals(pl.read_parquet(cli_out / "claims.parquet"))
    assert sorted(p.relative_to(out).as_posix() for p in (out / "drafts").rglob("*.yaml")) == [
        "drafts/shard-000000/2032-05-alpha-test-2032.yaml",
        "drafts/shard-000001/2032-06-tajikistan-uzbekistan.yaml",
    ]
