"""The extractor's data types: a draft record, the evidence of its values, the cited page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """Where a value came from: ``text[start:end]`` of the report as given."""

    start: int
    end: int
    text: str


@dataclass
class Draft:
    """One draft record (source-record format plus ``status: draft``) and the evidence of its values.

    ``evidence`` maps a field path as the build reports it ("start", "location.admin1",
    "participants[1].country", "claims[0].value") to the spans of text it was read from.
    """

    kind: str  # "main" | "past"
    record: dict[str, Any]
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)


@dataclass(frozen=True)
class SourceInfo:
    """The cited page: from a header in the text file or from options. Unknown values stay None."""

    url: str | None = None
    publisher: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None


def evidence_at(text: str, a: int, b: int) -> Evidence:
    """The evidence ``text[a:b]``."""
    return Evidence(a, b, text[a:b])
