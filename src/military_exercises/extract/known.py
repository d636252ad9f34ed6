"""Drafts against the dataset: is the exercise a report describes already a record?

Existing exercises are read from the published release when there is one (``load_exercises`` and
``load_participants``; rows from upstream data sets that the release may carry are matched the same
way), else by parsing ``dataset/sources``. A draft and an existing exercise are compared with
:mod:`military_exercises.pipeline.matching`, the one rule the build's duplicate check and the
upstream link proposals also use: no second rule is written here. A matched draft is written as a
*patch draft* (see :func:`military_exercises.extract.yamlout.patch_to_yaml`): the new claims and
source for the existing file, with the record it matched and why.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from military_exercises.extract.model import Draft
from military_exercises.pipeline.dates import PartialDateError, parse_partial_date
from military_exercises.pipeline.matching import ExerciseKey, likely_same_pairs

#: Roles that count a state as taking part (as in the release's ``participants`` column).
COUNTED_ROLES = ("host", "participant", "partial")
#: Prefix of draft keys, so that a draft never shares an id with the record it may duplicate.
_DRAFT = "draft:"


@dataclass(frozen=True)
class Match:
    """An existing exercise a draft is likely about, and why (the matching rule's reason)."""

    exercise_id: str
    reason: str
    file: str | None = None  # the record's source file, when known
    cited_urls: frozenset[str] = frozenset()  # pages the record already cites
    others: tuple[tuple[str, str], ...] = ()  # further likely records: (id, reason)


def _key(
    exercise_id: str,
    start: str | None,
    end: str | None,
    *,
    series: str | None,
    name: str | None,
    country: str | None,
    sea: str | None,
    participants: frozenset[str],
) -> ExerciseKey | None:
    """The matching key of one exercise; None without a valid start (nothing to compare)."""
    if not start:
        return None
    try:
        first = parse_partial_date(start)
        last = parse_partial_date(end) if end else first
    except PartialDateError:
        return None
    latest = last.latest if last.latest >= first.earliest else first.latest
    return ExerciseKey(exercise_id, first.earliest, latest, series, name, country, sea, participants)


def draft_key(draft: Draft) -> ExerciseKey | None:
    """The matching key of a draft (its id prefixed with ``draft:``), or None if it has no start."""
    rec = draft.record
    counted = frozenset(p["country"] for p in rec["participants"] if p["role"] in COUNTED_ROLES)
    loc = rec.get("location") or {}
    return _key(
        _DRAFT + rec["id"],
        rec.get("start"),
        rec.get("end"),
        series=rec.get("series"),
        name=rec.get("name"),
        country=loc.get("country"),
        sea=loc.get("sea"),
        participants=counted,
    )


@dataclass
class KnownExercises:
    """The existing exercises as matching keys, with where each record lives."""

    keys: list[ExerciseKey]
    origin: str  # "release" | "sources"
    files: dict[str, str] = field(default_factory=dict)
    urls: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_release(cls) -> KnownExercises:
        """From the published release (raises ``ReleaseNotFoundError`` when there is none)."""
        import polars as pl

        from military_exercises.load import load_exercises, load_participants, load_sources

        ex = load_exercises()
        parts = load_participants().filter(pl.col("role").is_in(COUNTED_ROLES))
        counted: dict[str, set[str]] = defaultdict(set)
        for eid, iso3 in parts.select("exercise_id", "iso3").iter_rows():
            counted[eid].add(iso3)
        keys, files = [], {}
        for row in ex.iter_rows(named=True):
            key = _key(
                row["exercise_id"],
                row["start"],
                row["end"],
                series=row["series"],
                name=row["name"],
                country=row["location_country_iso3"],
                sea=row["location_sea"],
                participants=frozenset(counted.get(row["exercise_id"], ())),
            )
            if key is not None:
                keys.append(key)
            if row.get("source_file"):
                files[row["exercise_id"]] = row["source_file"]
        urls: dict[str, set[str]] = defaultdict(set)
        for url, ids in load_sources().select("url", "exercise_ids").iter_rows():
            for eid in ids or ():
                urls[eid].add(url)
        return cls(keys, "release", files, {k: frozenset(v) for k, v in urls.items()})

    @classmethod
    def from_sources(cls, sources_dir: Path, mappings_dir: Path) -> KnownExercises:
        """By parsing every record under ``sources_dir`` (drafts and unreadable files are skipped)."""
        from military_exercises.pipeline.mappings import Mappings
        from military_exercises.pipeline.parse import parse_record_file

        maps = Mappings(mappings_dir)
        keys, files, urls = [], {}, {}
        root = sources_dir.parent.parent if sources_dir.parent.name == "dataset" else sources_dir
        for path in sorted(sources_dir.rglob("*.yaml")):
            parsed, _problems = parse_record_file(path, root)
            if parsed is None or parsed.record.status is not None:
                continue
            rec = parsed.record
            counted = frozenset(
                code
                for p in rec.participants
                if p.role in COUNTED_ROLES and (code := maps.resolve_country(p.country)) is not None
            )
            country = maps.resolve_country(rec.location.country) if rec.location.country else None
            key = _key(
                rec.id,
                rec.start,
                rec.end,
                series=rec.series,
                name=rec.name,
                country=country,
                sea=rec.location.sea,
                participants=counted,
            )
            if key is not None:
                keys.append(key)
            files[rec.id] = parsed.path
            urls[rec.id] = frozenset(s.url for s in rec.sources)
        return cls(keys, "sources", files, urls)

    @classmethod
    def load(cls, how: str = "auto", *, root: Path | None = None) -> KnownExercises | None:
        """Existing exercises: ``release``, ``sources``, ``auto`` (the release if built, else the
        sources of the checkout) or ``none`` (no look-up: returns None)."""
        if how == "none":
            return None
        if how in ("auto", "release"):
            from military_exercises.load import ReleaseNotFoundError

            try:
                return cls.from_release()
            except ReleaseNotFoundError:
                if how == "release":
                    raise
        base = root or _checkout_root()
        if base is None:
            if how == "sources":
                raise FileNotFoundError("dataset/sources not found: run inside a checkout of the repository")
            return None
        return cls.from_sources(base / "dataset" / "sources", base / "dataset" / "mappings")

    def match(self, drafts: list[Draft]) -> list[Match | None]:
        """For each draft, the existing exercise it is likely about (or None), by the shared rule."""
        keys = {i: k for i, d in enumerate(drafts) if (k := draft_key(d)) is not None}
        by_draft: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for a, b, reason in likely_same_pairs(keys.values(), against=self.keys):
            by_draft[a].append((b, reason))
        out: list[Match | None] = []
        for i in range(len(drafts)):
            key = keys.get(i)
            found = by_draft.get(key.exercise_id, []) if key is not None else []
            if not found:
                out.append(None)
                continue
            # a shared series is the stronger reason; then the record id, for a stable choice
            found.sort(key=lambda f: (not f[1].startswith("same series"), f[0]))
            (eid, reason), others = found[0], tuple(found[1:])
            out.append(Match(eid, reason, self.files.get(eid), self.urls.get(eid, frozenset()), others))
        return out


def _checkout_root() -> Path | None:
    here = Path(__file__).resolve()
    for parent in [Path.cwd(), *here.parents]:
        if (parent / "dataset" / "sources").is_dir() and (parent / "dataset" / "mappings").is_dir():
            return parent
    return None


def describe(known: KnownExercises | None) -> str:
    """One line for the command line: what the drafts were looked up against."""
    if known is None:
        return "no look-up against the dataset"
    return f"looked up against {len(known.keys)} existing exercises ({known.origin})"


def patch_summary(draft: Draft, match: Match) -> dict[str, Any]:
    """What a patch draft says besides the claims: the match, and the report's own reading."""
    rec = draft.record
    return {
        "patch_of": match.exercise_id,
        "file": match.file,
        "matched_because": match.reason,
        "also_likely": [f"{eid}: {why}" for eid, why in match.others],
        "source_already_cited": any(s.get("url") in match.cited_urls for s in rec["sources"] if s.get("url")),
        "report_says": {
            "id": rec["id"],
            "name": rec["name"],
            "start": rec["start"],
            "end": rec["end"],
            "participants": [f"{p['country']} ({p['role']})" for p in rec["participants"]],
        },
    }
