"""Determinism: the same sources give a byte-identical release, whatever the hash seed, time zone,
locale, time of day or the order in which the file system lists the files."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import release_digest, synthetic_generator

import military_exercises.pipeline.build as build_module
from military_exercises.pipeline.build import JOBS_ENV_VAR, Layout, build, collect, make_tables
from military_exercises.pipeline.problems import BuildError
from military_exercises.pipeline.schemas import TABLES


def copy_in_order(src: Path, dst: Path, order: str) -> Path:
    """Copy a repo, creating the record files (and year folders) in the given order."""
    shutil.copytree(src / "dataset" / "mappings", dst / "dataset" / "mappings")
    shutil.copy(src / "dataset" / "allowlist.csv", dst / "dataset" / "allowlist.csv")
    files = sorted((src / "dataset" / "sources").rglob("*.yaml"))
    if order == "reversed":
        files.reverse()
    elif order == "shuffled":
        random.Random(42).shuffle(files)
    for f in files:
        target = dst / f.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, target)
    return dst


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic_generator().generate(250, tmp_path_factory.mktemp("det") / "source", seed=3)  # type: ignore[no-any-return]


def test_same_release_whatever_the_listing_order(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    digests = []
    for order in ("sorted", "reversed", "shuffled"):
        root = copy_in_order(synthetic, tmp_path / order, order)
        digests.append(release_digest(build(root)))
    # and with a directory listing that is shuffled on every call
    real_rglob = Path.rglob

    def shuffled_rglob(self: Path, pattern: str) -> list[Path]:
        out = list(real_rglob(self, pattern))
        random.Random(len(out)).shuffle(out)
        return out

    monkeypatch.setattr(Path, "rglob", shuffled_rglob)
    digests.append(release_digest(build(copy_in_order(synthetic, tmp_path / "rglob", "sorted"))))
    assert all(d == digests[0] for d in digests)
    # every table as Parquet and CSV, the SQLite and Stata files, and datapackage.json
    assert len(digests[0]) == 2 * len(TABLES) + 3


@pytest.mark.slow
def test_same_release_whatever_the_environment(synthetic: Path, tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("military-exercises")
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "military_exercises"]
    environments = [
        {"PYTHONHASHSEED": "0", "TZ": "UTC", "LC_ALL": "C"},
        {"PYTHONHASHSEED": "12345", "TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8"},
        {
            "PYTHONHASHSEED": "random",
            "TZ": "America/St_Johns",
            "LC_ALL": "en_US.UTF-8",
            "LANG": "de_DE.UTF-8",
        },
    ]
    digests = []
    folders = []
    for i, env in enumerate(environments):
        root = copy_in_order(synthetic, tmp_path / f"env{i}", ("sorted", "reversed", "shuffled")[i])
        proc = subprocess.run(
            [*cli, "build", "--root", str(root)],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        digests.append(release_digest(root / "dataset" / "release"))
        folders.append((root / "dataset" / "release").resolve().name)
    assert digests[1] == digests[0]
    assert digests[2] == digests[0]
    assert len(set(folders)) == 1  # the content-addressed folder name too


def test_same_tables_whatever_the_number_of_processes(
    synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small chunks, so that 250 files really go to two worker processes.
    monkeypatch.setattr(build_module, "CHUNK_FILES", 40)
    serial, version = make_tables(Layout(synthetic), jobs=1)
    parallel, version2 = make_tables(Layout(synthetic), jobs=2)
    assert version == version2
    for name, frame in serial.items():
        assert parallel[name].equals(frame), name


def test_same_report_whatever_the_number_of_processes(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_in_order(synthetic, tmp_path / "bad", "sorted")
    files = sorted((root / "dataset" / "sources").rglob("*.yaml"))
    files[3].write_text("", encoding="utf-8")  # an empty file early on
    text = files[-1].read_text(encoding="utf-8")  # a source of the last file clashing with the first's
    first_source = files[0].read_text(encoding="utf-8").split("sources:\n  - id: ", 1)[1].split("\n", 1)[0]
    files[-1].write_text(
        text.replace(
            "sources:\n  - id: ",
            f"sources:\n  - id: {first_source}\n    publisher: X\n    title: T\n    url: https://example.org/x\n    published: null\n    language: en\n  - id: ",
            1,
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(build_module, "CHUNK_FILES", 30)
    reports = []
    for jobs in (1, 2):
        with pytest.raises(BuildError) as info:
            collect(Layout(root), jobs=jobs)
        reports.append(info.value.report())
    assert reports[0] == reports[1]
    assert reports[0].startswith("5 problems in 2 files:")
    assert f"{files[3].relative_to(root).as_posix()}: file is empty" in reports[0]


@pytest.mark.parametrize(
    ("n_files", "jobs", "env", "expected"),
    [
        (100, None, None, 1),  # the library default: one process
        (100, None, "4", 1),  # never more processes than chunks of files
        (5000, None, "4", 4),
        (5000, 3, "4", 3),  # an explicit number wins over the environment
        (5000, 0, None, min(os.cpu_count() or 1, 8)),  # automatic: one per core for large builds
        (1999, 0, None, 1),  # ... but not for small ones
    ],
)
def test_number_of_processes(
    n_files: int, jobs: int | None, env: str | None, expected: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    if env is None:
        monkeypatch.delenv(JOBS_ENV_VAR, raising=False)
    else:
        monkeypatch.setenv(JOBS_ENV_VAR, env)
    assert build_module._jobs(n_files, jobs) == expected


@pytest.mark.parametrize("env", ["two", "-1", "1.5"])
def test_bad_number_of_processes_is_refused(env: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(JOBS_ENV_VAR, env)
    with pytest.raises(ValueError, match="MILITARY_EXERCISES_JOBS"):
        build_module._jobs(10, None)


@pytest.mark.slow
def test_command_line_build_with_worker_processes(tmp_path: Path) -> None:
    # 1,000 files are two chunks: `--jobs 2` really starts two workers (forkserver) from the CLI.
    source = synthetic_generator().generate(1000, tmp_path / "source", seed=11)
    serial = copy_in_order(source, tmp_path / "serial", "sorted")
    build(serial, jobs=1)
    parallel = copy_in_order(source, tmp_path / "parallel", "shuffled")
    script = Path(sys.executable).with_name("military-exercises")
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "military_exercises"]
    proc = subprocess.run(
        [*cli, "build", "--root", str(parallel), "--jobs", "2"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "exercises 1000" in proc.stdout
    assert release_digest(parallel / "dataset" / "release") == release_digest(serial / "dataset" / "release")


def test_command_line_refuses_a_bad_number_of_processes(
    synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from military_exercises.cli import main

    monkeypatch.delenv(JOBS_ENV_VAR, raising=False)
    with pytest.raises(SystemExit, match=r"--jobs -2: give 0 \(automatic\) or a number of processes"):
        main(["check", "--root", str(synthetic), "--jobs", "-2"])
    monkeypatch.setenv(JOBS_ENV_VAR, "many")
    with pytest.raises(SystemExit, match="MILITARY_EXERCISES_JOBS='many'"):
        main(["check", "--root", str(synthetic)])
