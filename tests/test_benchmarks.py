"""The benchmark runner's child tasks still run the real pipeline (a benchmark that crashes on the
current build is found here, not on the day someone wants a figure). Nothing is timed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from tests.conftest import REPO, synthetic_generator


def _runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", REPO / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module
    spec.loader.exec_module(module)
    return module


def test_the_build_benchmark_publishes_every_table(tmp_path: Path) -> None:
    root = synthetic_generator().generate(30, tmp_path / "repo", seed=5)
    result = _runner().child_build(root)
    assert result["rows"]["exercises"] == 30
    # the tables make_tables publishes, coverage included: the benchmark measures the real build
    from military_exercises.pipeline.schemas import TABLES

    assert set(result["rows"]) == set(TABLES)
    assert set(result["stages"]) == {"parse+check", "tables", "schema", "publish"}
