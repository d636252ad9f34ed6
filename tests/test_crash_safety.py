"""Crash safety: a build killed (SIGKILL) anywhere while publishing leaves a complete, loadable
release behind, and two builds at once do not corrupt it.

The build kills itself at named steps of :func:`military_exercises.pipeline.publish.publish` when
``MILITARY_EXERCISES_CRASH_AT`` names one (a test-only hook); one more test kills it from outside
as soon as it is seen writing.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
from tests.conftest import BASE_RECORD, another_exercise, cli_command, synthetic_generator

from military_exercises import load_claims, load_exercises
from military_exercises.pipeline.build import Layout, build, make_tables
from military_exercises.pipeline.publish import CRASH_ENV_VAR, CRASH_POINTS, publish

pytestmark = pytest.mark.slow

SECOND = another_exercise(BASE_RECORD).replace("value: 1000", "value: 1200")


def run_build(root: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*cli_command(), "build", "--root", str(root)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def verified_release(root: Path) -> str:
    """Check that dataset/release is complete (every file matches datapackage.json); return its hash."""
    link = root / "dataset" / "release"
    assert link.is_symlink()
    folder = link.resolve()
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    # every resource's file, and each table's Parquet twin described beside it
    entries = [(r["path"], r) for r in package["resources"]]
    entries += [(r["parquet"]["path"], r["parquet"]) for r in package["resources"] if "parquet" in r]
    assert {p.name for p in folder.iterdir()} == {name for name, _ in entries} | {"datapackage.json"}
    for name, entry in entries:
        data = (folder / name).read_bytes()
        assert len(data) == entry["bytes"]
        assert f"sha256:{hashlib.sha256(data).hexdigest()}" == entry["hash"]
    for r in package["resources"]:
        if "parquet" in r:
            assert pl.read_parquet(folder / r["parquet"]["path"]).height == r["rows"]
    return folder.name


def leftovers(root: Path) -> list[str]:
    """Anything a build leaves besides the release it points at and the lock file."""
    dataset = root / "dataset"
    current = (dataset / "release").resolve().name
    extra = [p.name for p in (dataset / ".releases").iterdir() if p.name != current]
    extra += [p.name for p in dataset.glob(".release-link-*")]
    return sorted(extra)


@pytest.fixture
def two_versions(mini_repo: Callable[..., Path]) -> tuple[Path, str]:
    """A repo with a published release (its hash returned) and sources changed since."""
    root = mini_repo(BASE_RECORD)
    build(root)
    old = verified_release(root)
    path = root / "dataset" / "sources" / "2020" / "2020-05-beta-drill.yaml"
    path.write_text(SECOND, encoding="utf-8")
    return root, old


@pytest.mark.parametrize("step", CRASH_POINTS)
def test_killed_while_publishing_leaves_a_complete_release(
    two_versions: tuple[Path, str], step: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, old = two_versions
    proc = run_build(root, **{CRASH_ENV_VAR: step})
    assert proc.returncode == -signal.SIGKILL, proc.stderr  # the step was reached: the kill landed
    current = verified_release(root)
    switched = CRASH_POINTS.index(step) >= CRASH_POINTS.index("switched")
    if switched:
        assert current != old  # the new release was complete before the switch
    else:
        assert current == old  # the previous release, untouched
    # ... and loadable through the public API
    monkeypatch.setenv("MILITARY_EXERCISES_RELEASE", str(root / "dataset" / "release"))
    ids = load_exercises()["exercise_id"].to_list()
    assert ids == (["2020-05-alpha-drill", "2020-05-beta-drill"] if switched else ["2020-05-alpha-drill"])
    assert load_claims().height == 2 * len(ids)

    # The next build completes and clears whatever the killed one left behind.
    again = run_build(root)
    assert again.returncode == 0, again.stderr
    final = verified_release(root)
    assert final != old
    assert leftovers(root) == []
    assert load_exercises().height == 2


def _generate(n: int, out: Path) -> Path:
    return synthetic_generator().generate(n, out)  # type: ignore[no-any-return]


def test_killed_from_outside_while_writing(tmp_path: Path) -> None:
    root = _generate(400, tmp_path / "repo")
    build(root)
    old = verified_release(root)
    extra = root / "dataset" / "sources" / "2020" / "2020-01-synthetic-999999.yaml"
    extra.write_text(
        BASE_RECORD.replace("2020-05-alpha-drill", "2020-01-synthetic-999999").replace("05-04", "01-04"),
        encoding="utf-8",
    )
    releases = root / "dataset" / ".releases"
    killed_while_writing = 0
    for _ in range(3):
        proc = subprocess.Popen(
            [*cli_command(), "build", "--root", str(root)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if any(p.name.startswith(".staging-") for p in releases.iterdir()):
                os.kill(proc.pid, signal.SIGKILL)
                killed_while_writing += 1
                break
            time.sleep(0.001)
        proc.wait(timeout=120)
        current = verified_release(root)
        assert current == old or proc.returncode == 0
    assert killed_while_writing >= 1  # the kill really landed mid-publish at least once
    assert run_build(root).returncode == 0
    assert verified_release(root) != old
    assert leftovers(root) == []


def test_two_builds_at_once_do_not_corrupt_the_release(two_versions: tuple[Path, str]) -> None:
    root, _old = two_versions
    procs = [
        subprocess.Popen(
            [*cli_command(), "build", "--root", str(root)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    for p in procs:
        _out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    verified_release(root)
    assert leftovers(root) == []
    assert pl.read_parquet(root / "dataset" / "release" / "exercises.parquet").height == 2


def _publish_many(root: str, which: int, rounds: int) -> None:
    layout = Layout(Path(root))
    tables, version = make_tables(layout)
    if which:  # a second, different release from the same sources
        tables = {**tables, "exercises": tables["exercises"].with_columns(name=pl.lit("changed"))}
        version += "-other"
    for _ in range(rounds):
        publish(tables, layout.dataset, version=version)


def test_concurrent_publishes_of_different_releases(two_versions: tuple[Path, str]) -> None:
    # Two processes switch the release back and forth between two different contents as fast as they
    # can; at the end the link points at one complete release and nothing else is left.
    root, _old = two_versions
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_publish_many, args=(str(root), i, 15)) for i in (0, 1)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=300)
        assert w.exitcode == 0
    verified_release(root)
    assert leftovers(root) == []
    names = set(pl.read_parquet(root / "dataset" / "release" / "exercises.parquet")["name"])
    assert names in ({"changed"}, {"Alpha Drill"})
