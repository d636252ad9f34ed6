"""The notebooks (jupytext percent scripts in notebooks/) execute top to bottom on the real release.

Run with ``make notebooks`` (``pytest -m notebooks``); they are also part of ``make test``.
The kernel is this test process's own Python (the project's virtualenv): a kernelspec pointing at
``sys.executable`` is written to a temporary Jupyter data folder, so the test works on a fresh
machine without ``jupyter kernelspec install`` and never picks up another environment's kernel.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
KERNEL = "military-exercises-test"
PATHS = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.py"))

pytestmark = [pytest.mark.slow, pytest.mark.notebooks]


@pytest.fixture(scope="module")
def kernel_name(tmp_path_factory: pytest.TempPathFactory) -> str:
    data = tmp_path_factory.mktemp("jupyter")
    spec = data / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "military-exercises (test)",
                "language": "python",
                "env": {"MPLBACKEND": "Agg"},
            }
        ),
        encoding="utf-8",
    )
    mp = pytest.MonkeyPatch()
    mp.setenv("JUPYTER_PATH", str(data))
    yield KERNEL  # type: ignore[misc]
    mp.undo()


def test_the_four_notebooks_exist_as_paired_scripts() -> None:
    assert [p.name for p in PATHS] == [
        "01-overview.py",
        "02-central-asia-gbao.py",
        "03-sizes-and-uncertainty.py",
        "04-panels-regression.py",
    ]
    for path in PATHS:
        head = path.read_text(encoding="utf-8").splitlines()[:8]
        assert "#     formats: ipynb,py:percent" in head, f"{path.name} lacks the jupytext pairing header"


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_notebook_runs_top_to_bottom(path: Path, kernel_name: str) -> None:
    import jupytext
    from nbclient import NotebookClient

    notebook = jupytext.read(path)
    assert not any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name=kernel_name,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    errors = [
        out
        for cell in notebook.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if out.get("output_type") == "error"
    ]
    assert not errors
    # every code cell ran
    assert all(cell.get("execution_count") for cell in notebook.cells if cell.cell_type == "code")
