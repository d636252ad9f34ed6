"""An installed wheel carries the release: loaders work outside any checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from tests.conftest import REPO

import military_exercises as me


@pytest.mark.slow
def test_wheel_carries_the_release_and_loads_it(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path / "dist"),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("military_exercises-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        zf.extractall(tmp_path / "site")
    for table in me.list_tables():
        assert f"military_exercises/data/{table}.parquet" in names
    assert "military_exercises/data/datapackage.json" in names
    assert "military_exercises/data/mappings/state_system_gw.csv" in names
    code = (
        "import military_exercises as me; from military_exercises.load import release_dir;"
        "print(me.load_exercises().height, me.data_version(), release_dir().name)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    height, version, folder = out.stdout.split()
    assert int(height) == me.load_exercises().height
    assert version == me.data_version()
    assert folder == "data"  # the bundled copy, not the checkout's release
