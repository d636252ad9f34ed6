"""The README's Python examples run against the real release, as a new user would paste them."""

from __future__ import annotations

import contextlib
import io
import re

import pytest
from tests.conftest import REPO


def python_blocks() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


@pytest.mark.parametrize("index", range(len(python_blocks())))
def test_readme_python_block_runs(index: int) -> None:
    code = python_blocks()[index]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, f"README.md python block {index}", "exec"), {})
    assert out.getvalue().strip(), "the example should print something"
