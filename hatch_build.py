"""Hatch build hook: a (non-editable) wheel carries the built release as military_exercises/data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):  # type: ignore[misc]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        release = Path(self.root) / "dataset" / "release"
        if not (release / "datapackage.json").is_file():
            raise RuntimeError("dataset/release is missing: run `make dataset` before building a wheel")
        for f in sorted(release.resolve().iterdir()):
            build_data["force_include"][str(f)] = f"military_exercises/data/{f.name}"
