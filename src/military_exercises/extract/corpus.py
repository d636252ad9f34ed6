"""Extraction over a corpus: plain-text files, a folder of them, a JSONL file or a Parquet file with
one report per row, in shards, in parallel processes (``--jobs``) or on a Dask cluster.

A corpus row holds ``text`` and optionally ``id``, ``url``, ``publisher``, ``title``, ``published``
and ``language`` (they override the text's own header lines). Every shard yields the drafts of its
reports, each looked up against the dataset (:mod:`military_exercises.extract.known`), and one row
per candidate claim with its evidence (:data:`CLAIM_COLUMNS`), which the runners gather into one
Parquet file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from military_exercises.extract.extractor import extract_records
from military_exercises.extract.known import KnownExercises, Match
from military_exercises.extract.model import Draft, Evidence, SourceInfo

#: Columns of the candidate-claims Parquet file, in order, with their polars type names.
CLAIM_COLUMNS: dict[str, str] = {
    "report": "str",  # the report: file path, or the corpus row's id (else its row number)
    "draft_id": "str",
    "kind": "str",  # main | past
    "patch_of": "str",  # the existing record the draft matched, or null (a new record)
    "claim_id": "str",
    "quantity": "str",
    "country": "str",
    "value": "i64",
    "low": "i64",
    "high": "i64",
    "qualifier": "str",
    "basis": "str",
    "claimant": "str",
    "claimant_country": "str",
    "claimant_organisation": "str",
    "component": "str",
    "source_id": "str",
    "url": "str",
    "published": "str",
    "value_start": "i64",  # character offsets of the number in the report text
    "value_end": "i64",
    "value_text": "str",
    "quantity_text": "str",
    "claimant_text": "str",
}
TEXT_SUFFIXES = (".txt", ".text", ".md")
_ROW_KEYS = ("url", "publisher", "title", "published", "language")


class CorpusError(ValueError):
    """An input that cannot be read as a corpus; the message says which and why."""


@dataclass(frozen=True)
class Report:
    """One report of a corpus: its id, its text and the source fields its row gives."""

    id: str
    text: str
    source: SourceInfo = field(default_factory=SourceInfo)


@dataclass(frozen=True)
class Shard:
    """A slice of one input: text files (``paths``) or rows ``start:stop`` of a JSONL/Parquet file."""

    kind: str  # "files" | "jsonl" | "parquet"
    path: str = ""
    start: int = 0
    stop: int = 0
    paths: tuple[str, ...] = ()
    index: int = 0  # position in the plan

    @property
    def name(self) -> str:
        """A name unique within one plan, in plan order: ``shard-000012``."""
        return f"shard-{self.index:06d}"


@dataclass
class Options:
    """What every shard needs besides its reports (picklable, for worker processes)."""

    published: str | None = None
    source: SourceInfo = field(default_factory=SourceInfo)
    mappings_dir: str | None = None
    include_past: bool = True
    against: str = "auto"  # auto | release | sources | none


@dataclass
class ReportResult:
    """The drafts of one report, each with the existing record it matched (or None)."""

    report: str
    drafts: list[Draft]
    matches: list[Match | None]
    error: str | None = None


# --- reading ------------------------------------------------------------------------------------


def input_kind(path: Path) -> str:
    """``files`` (a text file or a folder of them), ``jsonl`` or ``parquet``; CorpusError otherwise."""
    if path.is_dir():
        return "files"
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".parquet":
        return "parquet"
    return "files"


def _text_files(path: Path) -> list[Path]:
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        if not found:
            raise CorpusError(f"{path}: no report files ({', '.join(TEXT_SUFFIXES)}) in this folder")
        return found
    return [path]


def _count_rows(path: Path, kind: str) -> int:
    if kind == "jsonl":
        with path.open("rb") as fh:
            return sum(1 for _ in fh)
    import polars as pl

    try:
        schema = pl.read_parquet_schema(path)
    except Exception as exc:  # polars raises several error types for a broken file
        raise CorpusError(f"{path}: not a readable Parquet file ({exc})") from exc
    if "text" not in schema:
        raise CorpusError(f"{path}: a Parquet corpus needs a 'text' column (one report per row)")
    return int(pl.scan_parquet(path).select(pl.len()).collect().item())


def plan_shards(inputs: list[Path], shard_size: int = 64) -> list[Shard]:
    """Cut the inputs into shards of at most ``shard_size`` reports, in input order."""
    if shard_size < 1:
        raise CorpusError("shard size must be at least 1")
    shards: list[Shard] = []
    loose: list[str] = []
    for path in inputs:
        kind = input_kind(path)
        if kind == "files":
            loose += [str(p) for p in _text_files(path)]
            continue
        n = _count_rows(path, kind)
        shards += [Shard(kind, str(path), a, min(a + shard_size, n)) for a in range(0, n, shard_size)]
    files = [Shard("files", paths=tuple(loose[a : a + shard_size])) for a in range(0, len(loose), shard_size)]
    return [replace(s, index=i) for i, s in enumerate(files + shards)]


def _row_report(row: dict[str, Any], where: str) -> Report:
    """A corpus row as a report; ``where`` ("corpus.jsonl:7") names it in messages and as default id."""
    text = row.get("text")
    if not isinstance(text, str):
        raise CorpusError(f"{where}: no 'text' field with the report as a string")
    values = {k: (str(row[k]) if row.get(k) is not None else None) for k in _ROW_KEYS}
    rid = row.get("id")
    return Report(str(rid) if rid is not None else where, text, SourceInfo(**values))


def read_shard(shard: Shard) -> Iterator[Report | tuple[str, str]]:
    """The reports of a shard; an unreadable one comes as ``(report id, error message)``."""
    if shard.kind == "files":
        for name in shard.paths:
            try:
                with open(name, encoding="utf-8", newline="") as fh:
                    yield Report(name, fh.read())
            except (OSError, UnicodeDecodeError) as exc:
                yield name, f"cannot read {name}: {exc}"
    elif shard.kind == "jsonl":
        with open(shard.path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if number <= shard.start:
                    continue
                if number > shard.stop:
                    break
                where = f"{shard.path}:{number}"
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield where, f"{where}: not a JSON object ({exc})"
                    continue
                try:
                    if not isinstance(row, dict):
                        raise CorpusError(f"{where}: a JSONL line must hold one object")
                    yield _row_report(row, where)
                except CorpusError as exc:
                    yield where, str(exc)
    else:
        import polars as pl

        frame = pl.scan_parquet(shard.path).slice(shard.start, shard.stop - shard.start).collect()
        for i, row in enumerate(frame.iter_rows(named=True)):
            where = f"{shard.path}:{shard.start + i + 1}"
            try:
                yield _row_report(row, where)
            except CorpusError as exc:
                yield where, str(exc)


# --- extracting ---------------------------------------------------------------------------------


_KNOWN: dict[str, KnownExercises | None] = {}


def known_for(against: str) -> KnownExercises | None:
    """The existing exercises for ``against``, loaded once per process (workers included)."""
    if against not in _KNOWN:
        _KNOWN[against] = KnownExercises.load(against)
    return _KNOWN[against]


def remember_known(against: str, known: KnownExercises | None) -> None:
    """Use ``known`` for ``against`` in this process (the command line has loaded it already)."""
    _KNOWN[against] = known


def _merged(report: Report, options: Options) -> SourceInfo:
    fields = {}
    for k in _ROW_KEYS:
        row_value = getattr(report.source, k)
        fields[k] = getattr(options.source, k) or row_value
    return SourceInfo(**fields)


def extract_report(report: Report, options: Options) -> ReportResult:
    """The drafts of one report and, for each, the existing record it matched."""
    drafts = extract_records(
        report.text,
        published=options.published or report.source.published,
        source=_merged(report, options),
        mappings_dir=Path(options.mappings_dir) if options.mappings_dir else None,
        include_past=options.include_past,
    )
    known = known_for(options.against)
    matches: list[Match | None] = known.match(drafts) if known is not None else [None] * len(drafts)
    return ReportResult(report.id, drafts, matches)


def extract_shard(shard: Shard, options: Options) -> list[ReportResult]:
    """Every report of one shard, in order (a report that cannot be read carries its error)."""
    out = []
    for item in read_shard(shard):
        if isinstance(item, tuple):
            out.append(ReportResult(item[0], [], [], error=item[1]))
        else:
            out.append(extract_report(item, options))
    return out


def claim_rows(result: ReportResult) -> list[dict[str, Any]]:
    """One row per claim of each draft of a report, with the words it came from."""
    rows = []
    for draft, match in zip(result.drafts, result.matches, strict=True):
        rec, ev = draft.record, draft.evidence
        src = rec["sources"][0]
        for i, c in enumerate(rec["claims"]):
            value_ev = _first(ev, f"claims[{i}].value")
            quantity_ev = _first(ev, f"claims[{i}].quantity")
            claimant_ev = _first(ev, f"claims[{i}].claimant")
            rows.append(
                {
                    "report": result.report,
                    "draft_id": rec["id"],
                    "kind": draft.kind,
                    "patch_of": match.exercise_id if match else None,
                    "claim_id": c["id"],
                    **{k: c.get(k) for k in ("quantity", "country", "value", "low", "high", "qualifier")},
                    **{k: c.get(k) for k in ("basis", "claimant", "claimant_country")},
                    "claimant_organisation": c.get("claimant_organisation"),
                    "component": c.get("component"),
                    "source_id": src["id"],
                    "url": src["url"],
                    "published": src["published"],
                    "value_start": value_ev.start if value_ev else None,
                    "value_end": value_ev.end if value_ev else None,
                    "value_text": value_ev.text if value_ev else None,
                    "quantity_text": quantity_ev.text if quantity_ev else None,
                    "claimant_text": claimant_ev.text if claimant_ev else None,
                }
            )
    return rows


def _first(evidence: dict[str, list[Evidence]], path: str) -> Evidence | None:
    spans = evidence.get(path)
    return spans[0] if spans else None


def claims_frame(rows: list[dict[str, Any]]) -> Any:
    """The claim rows as a polars DataFrame with the columns of :data:`CLAIM_COLUMNS`."""
    import polars as pl

    types = {"str": pl.String, "i64": pl.Int64}
    schema = {name: types[t] for name, t in CLAIM_COLUMNS.items()}
    return pl.DataFrame(rows, schema=schema) if rows else pl.DataFrame(schema=schema)
