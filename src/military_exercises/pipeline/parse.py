"""Parse: one YAML source record -> typed Python objects, strictly (unknown keys are errors).

This layer checks shape and types only. Vocabularies, codes, dates and cross-references are checked
by :mod:`military_exercises.pipeline.normalize`, which has the mapping tables.
"""

from __future__ import annotations

import copy
import os
import stat
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError

from military_exercises.pipeline.problems import Problem
from military_exercises.pipeline.yamlsafe import MAX_FILE_BYTES, Path, YamlError, load_yaml_bytes


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class LocationIn(_Strict):
    country: StrictStr | None = None
    admin1: StrictStr | None = None
    place: StrictStr | None = None
    sea: StrictStr | None = None
    lat: float | StrictInt | None = None
    lon: float | StrictInt | None = None
    precision: StrictStr


class ParticipantIn(_Strict):
    country: StrictStr
    role: StrictStr


class ClaimIn(_Strict):
    id: StrictStr
    quantity: StrictStr
    country: StrictStr | None = None
    value: StrictInt | None = None
    low: StrictInt | None = None
    high: StrictInt | None = None
    qualifier: StrictStr
    basis: StrictStr
    claimant: StrictStr | None = None
    claimant_country: StrictStr | None = None
    claimant_organisation: StrictStr | None = None
    source: StrictStr
    component: StrictStr | None = None
    note: StrictStr | None = None


class SourceIn(_Strict):
    id: StrictStr
    publisher: StrictStr
    title: StrictStr
    url: StrictStr
    published: StrictStr | None
    language: StrictStr


class RecordIn(_Strict):
    """One exercise as written in ``dataset/sources/<year>/<id>.yaml``."""

    id: StrictStr
    name: StrictStr | None = None
    series: StrictStr | None = None
    start: StrictStr
    end: StrictStr | None = None
    location: LocationIn
    organisation: StrictStr | None = None
    participants: list[ParticipantIn] = Field(min_length=1)
    domains: list[StrictStr]
    purposes: list[StrictStr]
    claims: list[ClaimIn] = Field(default_factory=list)
    sources: list[SourceIn] = Field(min_length=1)
    full_list_source: StrictStr | None = None
    planned: bool | None = None
    distinct_from: list[StrictStr] = Field(default_factory=list)
    same_as: list[StrictStr] = Field(default_factory=list)
    notes: StrictStr | None = None
    status: StrictStr | None = None


class ParsedRecord:
    """A record that passed the shape check, with where it came from and its line map.

    ``dropped`` lists the fields (as ``claims[0].value``) that failed the shape check and were
    left out so that the remaining checks could still run; such a record is never published.
    """

    __slots__ = ("dropped", "lines", "path", "record")

    def __init__(
        self, path: str, record: RecordIn, lines: dict[Path, int], dropped: tuple[str, ...] = ()
    ) -> None:
        self.path = path
        self.record = record
        self.lines = lines
        self.dropped = dropped

    def covers(self, field: str) -> bool:
        """True when ``field`` is a dropped field or lies inside one (its problems are already told)."""
        return any(field == d or field.startswith((f"{d}.", f"{d}[")) for d in self.dropped)

    def line(self, *path: str | int) -> int | None:
        """The line of ``path`` in the file, or of its nearest enclosing value."""
        p: Path = tuple(path)
        while p and p not in self.lines:
            p = p[:-1]
        return self.lines.get(p)


def _field(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _explain(err: Any) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        return "unknown key (see dataset/sources/README.md for the accepted keys)"
    if kind == "missing":
        return "required key is missing"
    if kind in ("string_type", "int_type", "float_type", "bool_type", "list_type", "model_type"):
        wanted = {
            "string_type": "text",
            "int_type": "a whole number (no quotes, no thousands separators)",
            "float_type": "a number",
            "bool_type": "true or false",
            "list_type": "a list",
            "model_type": "a mapping of keys",
        }[kind]
        got = err.get("input")
        if kind == "string_type" and isinstance(got, int | float) and not isinstance(got, bool):
            # YAML reads an unquoted 2018 or -9 as a number: say how to write it as text
            return f'must be text, got the number {got!r}; quote it ("{got}")'
        return f"must be {wanted}, got {got!r}"
    if kind == "too_short":
        return "must list at least one entry"
    return str(err["msg"])


def parse_record_bytes(data: bytes, path: str) -> tuple[ParsedRecord | None, list[Problem]]:
    """Parse one file's bytes. Returns the record (or None) and every problem found."""
    try:
        value, lines = load_yaml_bytes(data)
    except YamlError as exc:
        return None, [Problem(path, exc.line, exc.field, exc.message)]
    if not isinstance(value, dict):
        return None, [Problem(path, 1, "", "the file must hold one mapping (key: value lines) at the top")]
    try:
        record = RecordIn.model_validate(value)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = _loc(err)
            p: Path = loc
            while p and p not in lines:
                p = p[:-1]
            problems.append(Problem(path, lines.get(p), _field(loc), _explain(err)))
        partial = _without_bad_fields(value)
        if partial is None:
            return None, sorted(set(problems))
        kept, dropped = partial
        return ParsedRecord(path, kept, lines, dropped), sorted(set(problems))
    return ParsedRecord(path, record, lines), []


def _loc(err: Any) -> tuple[Any, ...]:
    # pydantic reports unions branch by branch ("lat.float", "lat.int"): keep the field path
    return tuple(p for p in err["loc"] if p not in ("float", "int", "constrained-int"))


def _without_bad_fields(value: dict[str, Any]) -> tuple[RecordIn, tuple[str, ...]] | None:
    """The record with its unknown keys and wrongly typed optional fields left out, so that the
    other checks can still run; None when that is not possible (a required key is missing or
    wrong, or a list entry is malformed)."""
    data = copy.deepcopy(value)
    dropped: list[str] = []
    for _ in range(4):  # each round removes every field pydantic names; few files need more than one
        try:
            return RecordIn.model_validate(data), tuple(dropped)
        except ValidationError as exc:
            for err in exc.errors():
                loc = _loc(err)
                if err["type"] == "missing" or not loc:
                    return None
                parent: Any = data
                for key in loc[:-1]:
                    try:
                        parent = parent[key]
                    except (KeyError, IndexError, TypeError):
                        return None
                if not isinstance(parent, dict) or loc[-1] not in parent:
                    return None
                del parent[loc[-1]]
                dropped.append(_field(loc))
    return None


def read_record_file(file: FsPath | str, root: FsPath | str) -> tuple[str, bytes | None, list[Problem]]:
    """The file's path relative to ``root`` and its bytes, or None and the problem; a file over
    :data:`MAX_FILE_BYTES` is refused before it is read, so a huge file is never loaded whole, and
    anything but a regular file is refused without waiting on it (a FIFO would block a plain open).

    Plain ``os`` calls on strings: a build reads every record file each time to hash it, and
    ``pathlib`` costs more than the reading itself at 10,000 files.
    """
    name, base = os.fspath(file), os.fspath(root).rstrip("/") + "/"
    rel = name[len(base) :] if name.startswith(base) else FsPath(name).as_posix()
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        return rel, None, [Problem(rel, None, "", f"cannot read file: {exc.strerror}")]
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return rel, None, [Problem(rel, None, "", "not a regular file (FIFO, socket or device)")]
        if info.st_size > MAX_FILE_BYTES:
            message = f"file is {info.st_size:,} bytes; source records are limited to {MAX_FILE_BYTES:,}"
            return rel, None, [Problem(rel, None, "", message)]
        parts = []
        left = MAX_FILE_BYTES + 1
        while left > 0 and (part := os.read(fd, left)):
            parts.append(part)
            left -= len(part)
    except OSError as exc:
        return rel, None, [Problem(rel, None, "", f"cannot read file: {exc.strerror}")]
    finally:
        os.close(fd)
    return rel, b"".join(parts), []


def parse_record_file(file: FsPath, root: FsPath) -> tuple[ParsedRecord | None, list[Problem]]:
    """Read and parse ``file``; paths in problems are relative to ``root``."""
    rel, data, problems = read_record_file(file, root)
    if data is None:
        return None, problems
    return parse_record_bytes(data, rel)
