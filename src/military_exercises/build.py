"""The pipeline: sources -> parse -> normalize -> reconcile -> validate -> publish.

``build(root)`` reports every problem of every file at once (as :class:`BuildError`) and publishes
nothing unless all files pass.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path

import polars as pl

from military_exercises.mappings import MappingError, Mappings
from military_exercises.normalize import NormalizedRecord, normalize_record
from military_exercises.problems import BuildError, Problem
from military_exercises.publish import publish
from military_exercises.records import ParsedRecord, parse_record_file
from military_exercises.schemas import validate_tables
from military_exercises.tables import (
    build_tables,
    cross_file_problems,
    duplicate_id_problems,
    read_allowlist,
)


@dataclass(frozen=True)
class Layout:
    """Where a dataset lives inside a repository checkout."""

    root: Path

    @property
    def dataset(self) -> Path:
        return self.root / "dataset"

    @property
    def sources(self) -> Path:
        return self.dataset / "sources"

    @property
    def mappings(self) -> Path:
        return self.dataset / "mappings"

    @property
    def allowlist(self) -> Path:
        return self.dataset / "allowlist.csv"

    @property
    def release(self) -> Path:
        return self.dataset / "release"


def source_files(layout: Layout) -> tuple[list[Path], list[Problem]]:
    """All record files in a stable order, plus problems for files in the wrong place or format."""
    problems: list[Problem] = []
    files: list[Path] = []
    if not layout.sources.is_dir():
        raise BuildError([Problem(str(layout.sources), None, "", "source folder not found")])
    for path in sorted(layout.sources.rglob("*"), key=lambda p: p.as_posix()):
        if path.is_dir() or path.name.startswith(".") or path.name == "README.md":
            continue
        rel = path.relative_to(layout.root).as_posix()
        if path.suffix == ".yml":
            problems.append(Problem(rel, None, "", "rename to .yaml: source records end in .yaml"))
        elif path.suffix != ".yaml":
            problems.append(
                Problem(rel, None, "", "unexpected file in dataset/sources (only <year>/<id>.yaml)")
            )
        elif len(path.relative_to(layout.sources).parts) != 2:
            problems.append(Problem(rel, None, "", "records live at dataset/sources/<start year>/<id>.yaml"))
        else:
            files.append(path)
    return files, problems


def data_version(files: list[Path], layout: Layout) -> str:
    """Package version plus a digest of every input file: same inputs, same version string."""
    h = hashlib.sha256()
    inputs = [*files, *sorted(layout.mappings.glob("*.csv"))]
    if layout.allowlist.exists():
        inputs.append(layout.allowlist)
    for f in inputs:
        h.update(f.relative_to(layout.root).as_posix().encode())
        h.update(b"\0")
        h.update(f.read_bytes())
        h.update(b"\0")
    try:
        base = package_version("military-exercises")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        base = "0.0.0"
    return f"{base}+{h.hexdigest()[:12]}"


def collect(layout: Layout) -> tuple[list[NormalizedRecord], list[Path]]:
    """Parse and normalize every record; raise :class:`BuildError` listing every problem."""
    files, problems = source_files(layout)
    try:
        maps = Mappings(layout.mappings)
        maps.countries, maps.country_aliases, maps.admin1_aliases, maps.plausible_limits  # noqa: B018
    except MappingError as exc:
        raise BuildError([Problem("dataset/mappings", None, "", str(exc))]) from exc
    allowlist, allow_problems = read_allowlist(layout.allowlist)
    problems += [Problem(f"dataset/{p.file}", p.line, p.field, p.message) for p in allow_problems]
    records: list[NormalizedRecord] = []
    parsed_records: list[ParsedRecord] = []
    for f in files:
        parsed, found = parse_record_file(f, layout.root)
        problems += found
        if parsed is None:
            continue
        parsed_records.append(parsed)
        norm, found = normalize_record(parsed, maps)
        problems += found
        if norm is not None:
            records.append(norm)
    problems += duplicate_id_problems(parsed_records)
    problems += cross_file_problems(records, allowlist)
    if problems:
        raise BuildError(problems)
    return records, files


def make_tables(layout: Layout) -> tuple[dict[str, pl.DataFrame], str]:
    """Collect, build and validate the tables without publishing them."""
    records, files = collect(layout)
    tables = build_tables(records, Mappings(layout.mappings))
    failures = validate_tables(tables)
    if failures:
        raise BuildError([Problem("release", None, "schema", f) for f in failures])
    return tables, data_version(files, layout)


def build(root: Path) -> Path:
    """Build and publish the release of the checkout at ``root``; return the release folder."""
    layout = Layout(root)
    tables, version = make_tables(layout)
    return publish(tables, layout.dataset, version=version)
