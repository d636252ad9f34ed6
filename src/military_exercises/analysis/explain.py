"""Explain: every claim behind one exercise, and how each reconciled figure came out of them.

>>> import military_exercises as mx
>>> ex = mx.explain("2018-07-tajikistan-russia-gbao")  # doctest: +SKIP
>>> print(ex)                 # the claims, their sources and the working, as text  # doctest: +SKIP
>>> ex.claims, ex.sizes       # the same as DataFrames  # doctest: +SKIP

Everything comes from the published release (the loaders): the claims with their floors, ceilings
and points, the sources, and the reconciled sizes with the claims each used. The working shown for
a size follows the reconciliation rule of CODEBOOK.md ("Reconciliation rule", steps 1-6) and is
recomputed here from the claims the size names; the figures printed are always the release's. The
test suite checks that the recomputation matches the release for every published size.

``military-exercises show ID`` prints the same text in a terminal.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, ClassVar

import polars as pl

from military_exercises.vocab import QUANTITIES, SIZE_BASES

#: How a qualifier reads before its number.
QUALIFIER_WORDS = {
    "exact": "",
    "about": "about ",
    "more_than": "more than ",
    "at_least": "at least ",
    "up_to": "up to ",
    "fewer_than": "fewer than ",
}
ROLE_ORDER = {"host": 0, "participant": 1, "partial": 2, "observer": 3}
BASIS_ORDER = {b: i for i, b in enumerate(SIZE_BASES)}
QUANTITY_ORDER = {q: i for i, q in enumerate(QUANTITIES)}
LONE_PART = (
    "a source's only labelled part of the whole exercise: kept, but not counted in the whole "
    "exercise's size (rule 2)"
)


@lru_cache(maxsize=65536)
def natural_key(text: str) -> tuple[Any, ...]:
    """Sort key that puts c2 before c10."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text))


def short_id(claim_id: str) -> str:
    """The claim's id within its record ('c1' of '2018-07-.../c1')."""
    return claim_id.rsplit("/", 1)[-1]


def n(value: int | None) -> str:
    """A count with thousands separators; a dash for none."""
    return "-" if value is None else f"{value:,}"


def stated(claim: Mapping[str, Any]) -> str:
    """The claim's figure as a source gave it: 'more than 10,000', '60,000-100,000'."""
    if claim["qualifier"] == "range":
        return f"{n(claim['low'])}-{n(claim['high'])}"
    return f"{QUALIFIER_WORDS.get(claim['qualifier'], '')}{n(claim['value'])}"


def size_figure(row: Mapping[str, Any]) -> str:
    """A reconciled figure in words: '10,000', '450 or more', '12,000 (low 10,000, high 20,000 or more)'."""
    low, best, high = row["low"], row["best"], row["high"]
    if low == best == high:
        sides = {(False, False): "", (False, True): " or more", (True, False): " or less"}
        return n(best) + sides.get((row["low_open"], row["high_open"]), " (open both ways)")
    low_text = f"{n(low)} or less" if row["low_open"] else n(low)
    high_text = f"{n(high)} or more" if row["high_open"] else n(high)
    return f"{n(best)} (low {low_text}, high {high_text})"


def _median_half_up(points: Sequence[int]) -> int:
    ordered = sorted(points)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid] + 1) // 2


@dataclass(frozen=True)
class Estimate:
    """One estimate of the rule's step 2: a single claim, or the summed components of one source."""

    claim_ids: tuple[str, ...]
    source_id: str
    floor: int | None
    ceiling: int | None
    point: int

    @property
    def label(self) -> str:
        return " + ".join(short_id(c) for c in self.claim_ids)

    @property
    def low_candidate(self) -> int:
        return self.point if self.floor is None else self.floor

    @property
    def high_candidate(self) -> int:
        return self.point if self.ceiling is None else self.ceiling


def estimates_of(claims: Sequence[Mapping[str, Any]]) -> list[Estimate]:
    """Step 2 of the rule over the claims one size used: labelled parts of one source are summed."""
    parts: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    out: list[Estimate] = []
    for c in claims:
        if c["component"] is not None:
            parts[c["source_id"]].append(c)
        else:
            out.append(Estimate((c["claim_id"],), c["source_id"], c["floor"], c["ceiling"], c["point"]))
    for source_id, group in parts.items():
        floors = [c["floor"] for c in group]
        ceilings = [c["ceiling"] for c in group]
        out.append(
            Estimate(
                tuple(sorted((c["claim_id"] for c in group), key=natural_key)),
                source_id,
                None if None in floors else sum(floors),
                None if None in ceilings else sum(ceilings),
                sum(c["point"] for c in group),
            )
        )
    return sorted(out, key=lambda e: natural_key(e.claim_ids[0]))


def _estimate_line(e: Estimate, claims: Mapping[str, Mapping[str, Any]]) -> str:
    words = " + ".join(f'"{stated(claims[c])}"' for c in e.claim_ids)
    if len(e.claim_ids) > 1:
        labels = ", ".join(str(claims[c]["component"]) for c in e.claim_ids)
        words = f"{words} (parts of one source added: {labels})"
    floor = "no floor" if e.floor is None else f"floor {n(e.floor)}"
    ceiling = "no ceiling" if e.ceiling is None else f"ceiling {n(e.ceiling)}"
    return f"{e.label}: {words} -> {floor}, {ceiling}, point {n(e.point)}"


def _side_line(
    side: str, value: int, estimates: Sequence[Estimate], *, is_open: bool, claims: Mapping[str, Any]
) -> str:
    """Why low (or high) is what it is, and whether it is open."""
    if side == "low":
        reaching = [e for e in estimates if e.low_candidate == value]
        bounded = [e for e in reaching if e.floor == value]
        kind, bound, way = "smallest", "floor", "lower"
    else:
        reaching = [e for e in estimates if e.high_candidate == value]
        bounded = [e for e in reaching if e.ceiling == value]
        kind, bound, way = "largest", "ceiling", "higher"
    if bounded:
        by = ", ".join(e.label for e in bounded)
        return f"{side} {n(value)}: the {kind} {bound}, set by {by} (closed)"
    by = ", ".join(f'{e.label} "{stated(claims[e.claim_ids[0]])}"' for e in reaching)
    return f"{side} {n(value)}: the point of {by}, which sets no {bound}: open, the true figure may be {way}"


def claims_working(
    row: Mapping[str, Any], claims: Mapping[str, Mapping[str, Any]]
) -> tuple[list[str], tuple[int, int, int, bool, bool]]:
    """Lines showing how a size (method 'claims') comes out of its claims (steps 1-3), and the
    recomputed (low, best, high, low_open, high_open)."""
    used = [claims[c] for c in row["claim_ids"] if c in claims]
    estimates = estimates_of(used)
    low = min(e.low_candidate for e in estimates)
    high = max(e.high_candidate for e in estimates)
    best = _median_half_up([e.point for e in estimates])
    low_open = not any(e.floor == low for e in estimates if e.low_candidate == low)
    high_open = not any(e.ceiling == high for e in estimates if e.high_candidate == high)
    lines = [_estimate_line(e, claims) for e in estimates]
    points = ", ".join(n(e.point) for e in sorted(estimates, key=lambda e: e.point))
    lines.append(_side_line("low", low, estimates, is_open=low_open, claims=claims))
    if len(estimates) == 1:
        lines.append(f"best {n(best)}: the one estimate's point")
    else:
        lines.append(f"best {n(best)}: the median of the {len(estimates)} points ({points}), rounded half up")
    lines.append(_side_line("high", high, estimates, is_open=high_open, claims=claims))
    return lines, (low, best, high, low_open, high_open)


def contingents_working(
    row: Mapping[str, Any], contingents: Sequence[Mapping[str, Any]], names: Mapping[str, str]
) -> tuple[list[str], tuple[int, int, int, bool, bool]]:
    """Lines for a total derived from contingents (step 5), and the recomputed figures."""
    parts = sorted(contingents, key=lambda r: (-r["best"], r["country_iso3"]))
    sums = " + ".join(f"{names.get(r['country_iso3'], r['country_iso3'])} {n(r['best'])}" for r in parts)
    low = sum(r["low"] for r in parts)
    best = sum(r["best"] for r in parts)
    high = sum(r["high"] for r in parts)
    low_open = any(r["low_open"] for r in parts)
    high_open = any(r["high_open"] for r in parts)
    lines = [
        f"no whole-exercise {row['quantity']} claim is {row['basis']}, but every counted participant has "
        f"a {row['basis']} contingent figure, so the total is their sum (rule 5, flagged "
        "derived_from_contingents)",
        f"best {sums} = {n(best)}; low {n(low)}, high {n(high)} (the contingents' lows and highs summed)",
    ]
    if low_open or high_open:
        sides = " and ".join(s for s, o in (("low", low_open), ("high", high_open)) if o)
        lines.append(f"{sides} open, carried over from a contingent")
    return lines, (low, best, high, low_open, high_open)


@dataclass(frozen=True)
class Explanation:
    """Who said what about one exercise, and how the published figures came out of it.

    ``claims``, ``sizes``, ``sources`` and ``participants`` are DataFrames; ``render()`` (and
    ``str()``) gives the same as text. ``claim_rows`` and ``size_rows`` hold the rows as dicts.
    """

    exercise_id: str
    exercise: dict[str, Any]
    participant_rows: list[dict[str, Any]]
    claim_rows: list[dict[str, Any]]
    size_rows: list[dict[str, Any]]
    source_rows: list[dict[str, Any]]
    country_names: dict[str, str] = field(repr=False)

    def __repr__(self) -> str:
        return (
            f"Explanation({self.exercise_id!r}: {len(self.claim_rows)} claims from "
            f"{len(self.source_rows)} sources, {len(self.size_rows)} reconciled figures)"
        )

    def __str__(self) -> str:
        return self.render()

    @property
    def claims(self) -> pl.DataFrame:
        """One row per claim: the figure as stated, its interval, basis, claimant, source and use."""
        return pl.DataFrame(self.claim_rows, schema=CLAIM_SCHEMA, orient="row")

    @property
    def sizes(self) -> pl.DataFrame:
        """One row per reconciled figure, with the claims it used and ``how`` it came out."""
        return pl.DataFrame(self.size_rows, schema=SIZE_SCHEMA, orient="row")

    @property
    def sources(self) -> pl.DataFrame:
        """The sources the record cites, numbered as in ``render()``."""
        return pl.DataFrame(self.source_rows, schema=SOURCE_SCHEMA, orient="row")

    @property
    def participants(self) -> pl.DataFrame:
        """States with their role and contingent figure (combined basis)."""
        return pl.DataFrame(self.participant_rows, schema=PARTICIPANT_SCHEMA, orient="row")

    def name(self, iso3: str | None) -> str:
        """A state's short name (the code itself when the release does not name it)."""
        if iso3 is None:
            return ""
        return self.country_names.get(iso3, iso3)

    def render(self) -> str:
        """The explanation as plain text for a terminal."""
        return render_text(self)


CLAIM_SCHEMA: dict[str, Any] = {
    "claim_id": pl.String,
    "claim": pl.String,
    "quantity": pl.String,
    "scope": pl.String,
    "country_iso3": pl.String,
    "stated": pl.String,
    "qualifier": pl.String,
    "value": pl.Int64,
    "low": pl.Int64,
    "high": pl.Int64,
    "floor": pl.Int64,
    "ceiling": pl.Int64,
    "point": pl.Int64,
    "basis": pl.String,
    "component": pl.String,
    "claimant": pl.String,
    "claimant_iso3": pl.String,
    "claimant_organisation": pl.String,
    "source_no": pl.Int64,
    "source_id": pl.String,
    "publisher": pl.String,
    "title": pl.String,
    "published": pl.String,
    "url": pl.String,
    "note": pl.String,
    "used_in": pl.List(pl.String),
    "left_out": pl.String,
}
SIZE_SCHEMA: dict[str, Any] = {
    "scope": pl.String,
    "country_iso3": pl.String,
    "quantity": pl.String,
    "basis": pl.String,
    "method": pl.String,
    "low": pl.Int64,
    "best": pl.Int64,
    "high": pl.Int64,
    "low_open": pl.Boolean,
    "high_open": pl.Boolean,
    "n_claims": pl.Int64,
    "n_sources": pl.Int64,
    "claim_ids": pl.List(pl.String),
    "figure": pl.String,
    "how": pl.String,
    "headline": pl.Boolean,
}
SOURCE_SCHEMA: dict[str, Any] = {
    "source_no": pl.Int64,
    "source_id": pl.String,
    "publisher": pl.String,
    "title": pl.String,
    "published": pl.String,
    "language": pl.String,
    "url": pl.String,
}
PARTICIPANT_SCHEMA: dict[str, Any] = {
    "iso3": pl.String,
    "country_name": pl.String,
    "role": pl.String,
    "troops_low": pl.Int64,
    "troops_best": pl.Int64,
    "troops_high": pl.Int64,
}


def _pick(row: Mapping[str, Any], schema: Mapping[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in schema}


def _size_sort_key(row: Mapping[str, Any]) -> tuple[Any, ...]:
    return (
        QUANTITY_ORDER.get(row["quantity"], 99),
        row["scope"] != "exercise",
        row["country_iso3"] or "",
        BASIS_ORDER.get(row["basis"], 9),
        row["method"],
    )


def _claim_uses(
    claims: list[dict[str, Any]], sizes: list[dict[str, Any]]
) -> tuple[dict[str, list[str]], dict[str, str]]:
    """For each claim, the bases of the sizes it enters, and why it enters none of its own."""
    used_in: dict[str, list[str]] = {c["claim_id"]: [] for c in claims}
    for s in sizes:
        if s["method"] != "claims":
            continue
        for cid in s["claim_ids"]:
            if cid in used_in:
                used_in[cid].append(s["basis"])
    left_out = {}
    for c in claims:
        bases = used_in[c["claim_id"]]
        used_in[c["claim_id"]] = sorted(set(bases), key=lambda b: BASIS_ORDER.get(b, 9))
        if not bases:
            lone = c["country_iso3"] is None and c["component"] is not None
            left_out[c["claim_id"]] = LONE_PART if lone else "enters no reconciled figure"
    return used_in, left_out


def _work_sizes(
    sizes: list[dict[str, Any]],
    claims_by_id: Mapping[str, Mapping[str, Any]],
    exercise: Mapping[str, Any],
    names: Mapping[str, str],
) -> list[dict[str, Any]]:
    """Each size row with its figure, its working (``how``) and whether it is the headline."""
    contingents: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for s in sizes:
        if s["scope"] == "country" and s["method"] == "claims":
            contingents[(s["quantity"], s["basis"])].append(s)
    out = []
    for s in sorted(sizes, key=_size_sort_key):
        if s["method"] == "derived_from_contingents":
            lines, got = contingents_working(s, contingents[(s["quantity"], s["basis"])], names)
        else:
            lines, got = claims_working(s, claims_by_id)
            lone = [
                c
                for c in claims_by_id.values()
                if s["scope"] == "exercise"
                and c["country_iso3"] is None
                and c["component"] is not None
                and c["quantity"] == s["quantity"]
                and (s["basis"] == "combined" or c["basis"] == s["basis"])
                and c["claim_id"] not in s["claim_ids"]
            ]
            for c in sorted(lone, key=lambda c: natural_key(c["claim_id"])):
                lines.append(
                    f'left out: {short_id(c["claim_id"])} "{c["component"]}: {stated(c)}" is its source\'s '
                    "only labelled part of the whole exercise (rule 2)"
                )
        expected = (s["low"], s["best"], s["high"], s["low_open"], s["high_open"])
        if got != expected:  # never expected; the tests check every published size
            lines.append(f"note: recomputed {got}, the release has {expected}")
        headline = (
            s["quantity"] == "troops"
            and s["scope"] == "exercise"
            and s["basis"] == "combined"
            and s["method"] == exercise.get("troops_method")
        )
        out.append({**s, "figure": size_figure(s), "how": "\n".join(lines), "headline": headline})
    return out


class Explainer:
    """Builds explanations from whole tables (the site uses one for every exercise at once)."""

    #: The release tables it reads (the constructor's keyword arguments).
    TABLES: ClassVar[tuple[str, ...]] = (
        "exercises",
        "participants",
        "claims",
        "sizes",
        "sources",
        "countries",
    )

    def __init__(
        self,
        exercises: pl.DataFrame,
        participants: pl.DataFrame,
        claims: pl.DataFrame,
        sizes: pl.DataFrame,
        sources: pl.DataFrame,
        countries: pl.DataFrame,
    ) -> None:
        self.exercises = {r["exercise_id"]: r for r in exercises.iter_rows(named=True)}
        self.names = dict(zip(countries["iso3"].to_list(), countries["name"].to_list(), strict=True))
        self._participants = _group(participants, "exercise_id")
        self._claims = _group(claims, "exercise_id")
        self._sizes = _group(sizes, "exercise_id")
        cited = sources.explode("exercise_ids").rename({"exercise_ids": "exercise_id"})
        self._sources = _group(cited, "exercise_id")

    @classmethod
    def from_release(cls, exercise_ids: Iterable[str] | None = None) -> Explainer:
        """Read the release (all exercises, or only the given ones)."""
        from military_exercises.load import load_table

        ids = None if exercise_ids is None else list(exercise_ids)
        frames = {}
        for name in cls.TABLES:
            lazy = load_table(name, lazy=True)
            if ids is not None and name == "sources":
                lazy = lazy.filter(pl.col("exercise_ids").list.eval(pl.element().is_in(ids)).list.any())
            elif ids is not None and name != "countries":
                lazy = lazy.filter(pl.col("exercise_id").is_in(ids))
            frames[name] = lazy.collect()
        return cls(**frames)

    def explain(self, exercise_id: str) -> Explanation:
        if exercise_id not in self.exercises:
            raise ValueError(unknown_id_message(exercise_id, self.exercises.values()))
        exercise = self.exercises[exercise_id]
        sources = sorted(
            self._sources.get(exercise_id, []),
            key=lambda r: (r["published"] or "9999", r["publisher"], r["source_id"]),
        )
        number = {s["source_id"]: i for i, s in enumerate(sources, start=1)}
        by_source = {s["source_id"]: s for s in sources}
        claims = sorted(self._claims.get(exercise_id, []), key=lambda c: natural_key(c["claim_id"]))
        sizes = self._sizes.get(exercise_id, [])
        used_in, left_out = _claim_uses(claims, sizes)
        claim_rows = []
        for c in claims:
            src = by_source.get(c["source_id"], {})
            claim_rows.append(
                {
                    **c,
                    "claim": short_id(c["claim_id"]),
                    "scope": "exercise" if c["country_iso3"] is None else "country",
                    "stated": stated(c),
                    "source_no": number.get(c["source_id"]),
                    **{k: src.get(k) for k in ("publisher", "title", "published", "url")},
                    "used_in": used_in[c["claim_id"]],
                    "left_out": left_out.get(c["claim_id"]),
                }
            )
        claims_by_id = {c["claim_id"]: c for c in claims}
        size_rows = _work_sizes(sizes, claims_by_id, exercise, self.names)
        participants = sorted(
            self._participants.get(exercise_id, []),
            key=lambda p: (ROLE_ORDER.get(p["role"], 9), p["country_name"]),
        )
        return Explanation(
            exercise_id=exercise_id,
            exercise=exercise,
            participant_rows=[_pick(p, PARTICIPANT_SCHEMA) for p in participants],
            claim_rows=[_pick(c, CLAIM_SCHEMA) for c in claim_rows],
            size_rows=[_pick(s, SIZE_SCHEMA) for s in size_rows],
            source_rows=[{**_pick(s, SOURCE_SCHEMA), "source_no": number[s["source_id"]]} for s in sources],
            country_names=self.names,
        )


def _group(frame: pl.DataFrame, key: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in frame.iter_rows(named=True):
        out[row[key]].append(row)
    return dict(out)


def _fold(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def unknown_id_message(exercise_id: str, exercises: Iterable[Mapping[str, Any]], limit: int = 5) -> str:
    """'unknown exercise id ...; did you mean ...' with ids whose id, name or series match."""
    rows = list(exercises)
    ids = [r["exercise_id"] for r in rows]
    words = _fold(exercise_id).split()
    hits = []
    if words:
        for r in rows:
            text = _fold(" ".join(str(r.get(k) or "") for k in ("exercise_id", "name", "series")))
            if all(w in text for w in words):
                hits.append(r["exercise_id"])
    hits = sorted(hits)[:limit]
    for close in difflib.get_close_matches(exercise_id, ids, n=limit, cutoff=0.6):
        if close not in hits and len(hits) < limit:
            hits.append(close)
    message = f"unknown exercise id {exercise_id!r}"
    if hits:
        return f"{message}; did you mean: {', '.join(hits)}?"
    return f"{message} (ids look like 2018-07-tajikistan-russia-gbao; see load_exercises())"


def explain(exercise_id: str) -> Explanation:
    """Every claim behind one exercise and how each reconciled figure came out of them.

    Returns an :class:`Explanation`: ``print()`` it for a text version, or use its ``claims``,
    ``sizes`` (with a ``how`` column), ``sources`` and ``participants`` DataFrames. An unknown id
    raises ``ValueError`` naming close matches (by id, name or series).
    """
    from military_exercises.load import load_table

    found = load_table("exercises", lazy=True).filter(pl.col("exercise_id") == exercise_id)
    if found.select(pl.len()).collect().item() == 0:
        everything = load_table("exercises").select("exercise_id", "name", "series")
        raise ValueError(unknown_id_message(exercise_id, everything.iter_rows(named=True)))
    return Explainer.from_release([exercise_id]).explain(exercise_id)


# --- text ----------------------------------------------------------------------------------------------

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _one_date(text: str, precision: str) -> tuple[str, str, str]:
    """(day, month name, year) of a 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' date; missing parts empty."""
    parts = text.split("-")
    month = MONTHS[int(parts[1]) - 1] if precision in ("day", "month") and len(parts) > 1 else ""
    day = str(int(parts[2])) if precision == "day" and len(parts) > 2 else ""
    return day, month, parts[0]


def date_text(start: str, start_precision: str, end: str | None, end_precision: str | None) -> str:
    """Dates as written, at their precision: '17–21 July 2018', 'September 2017', '2009 – March 2010'."""
    d1, m1, y1 = _one_date(start, start_precision)
    if end is None or end_precision is None or end == start:
        return " ".join(x for x in (d1, m1, y1) if x)
    d2, m2, y2 = _one_date(end, end_precision)
    if start_precision == end_precision == "day" and y1 == y2:
        if m1 == m2:
            return f"{d1}–{d2} {m1} {y1}"
        return f"{d1} {m1} – {d2} {m2} {y1}"
    if start_precision == end_precision == "month" and y1 == y2:
        return f"{m1} – {m2} {y1}"
    first = " ".join(x for x in (d1, m1, y1) if x)
    return f"{first} – {' '.join(x for x in (d2, m2, y2) if x)}"


def precision_note(start_precision: str, end: str | None, end_precision: str | None) -> str:
    """'' for day-precise dates, else what the sources leave open."""
    if start_precision == "day" and (end is None or end_precision == "day"):
        return "" if end is not None else "end date not given"
    parts = [f"start known to the {start_precision}"]
    if end is None:
        parts.append("end date not given")
    elif end_precision != "day":
        parts.append(f"end known to the {end_precision}")
    return "; ".join(parts)


def scope_text(ex: Explanation, row: Mapping[str, Any]) -> str:
    return "whole exercise" if row["country_iso3"] is None else ex.name(row["country_iso3"])


def claimant_text(ex: Explanation, claim: Mapping[str, Any]) -> str:
    who = claim["claimant"] or "not named"
    for_whom = claim["claimant_organisation"] or (claim["claimant_iso3"] and ex.name(claim["claimant_iso3"]))
    return f"{who} ({for_whom})" if for_whom and for_whom not in who else who


def _table(rows: list[list[str]], indent: str = "  ") -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [indent + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]


def _heading(ex: Explanation) -> list[str]:
    e = ex.exercise
    title = e["name"] or "unnamed exercise"
    dates = date_text(e["start"], e["start_precision"], e["end"], e["end_precision"])
    note = precision_note(e["start_precision"], e["end"], e["end_precision"])
    where = [e["location_place"], e["location_admin1"], ex.name(e["location_country_iso3"]) or None]
    where += [e["location_sea"], e["region"] and f"region {e['region']}"]
    if e["lat"] is not None and e["lon"] is not None:
        where.append(f"{e['lat']:.4g}, {e['lon']:.4g}")
    states = ", ".join(f"{p['country_name']} ({p['role']})" for p in ex.participant_rows)
    lines = [
        f"{ex.exercise_id}: {title}" + (f" (series: {e['series']})" if e["series"] else ""),
        f"  dates   {dates}" + (f" ({note})" if note else ""),
        f"  where   {'; '.join(str(w) for w in where if w)}",
        f"  states  {states}",
    ]
    if e["organisation"]:
        lines.append(f"  under   {e['organisation']}")
    if e["troops_best"] is None:
        lines.append("  troops  no whole-exercise figure")
    else:
        fig = size_figure({k: e[f"troops_{k}"] for k in ("low", "best", "high", "low_open", "high_open")})
        how = ", summed from contingents" if e["troops_method"] == "derived_from_contingents" else ""
        per = [f"{b} {n(e[f'troops_{b}_best'])}" for b in ("declared", "estimated", "reported")]
        per = [p for p in per if not p.endswith(" -")]
        lines.append(f"  troops  {fig} (all claims combined{how}); by basis: " + ", ".join(per))
    return lines


def _claims_block(ex: Explanation) -> list[str]:
    head = ["claim", "quantity", "scope", "figure", "basis", "claimant", "src", "part / use"]
    rows = [head]
    for c in ex.claim_rows:
        use = f"part: {c['component']}" if c["component"] else ""
        if c["left_out"]:
            use = f"{use}; left out: lone part" if c["left_out"] == LONE_PART else c["left_out"]
        rows.append(
            [
                c["claim"],
                c["quantity"],
                scope_text(ex, c),
                c["stated"],
                c["basis"],
                claimant_text(ex, c),
                f"[{c['source_no']}]",
                use,
            ]
        )
    count = f"{len(ex.claim_rows)} claims from {len(ex.source_rows)} sources"
    return [f"Claims ({count})", *_table(rows)]


def same_working_as(ex: Explanation, row: Mapping[str, Any]) -> str | None:
    """For a combined figure made of exactly the claims of one basis: that basis (else None)."""
    if row["basis"] != "combined":
        return None
    for other in ex.size_rows:
        if (
            other["basis"] != "combined"
            and (other["quantity"], other["country_iso3"], other["method"])
            == (row["quantity"], row["country_iso3"], row["method"])
            and other["claim_ids"] == row["claim_ids"]
        ):
            return str(other["basis"])
    return None


def render_text(ex: Explanation) -> str:
    """The explanation as text: the exercise, its claims, its sources, and the working of each figure."""
    lines = [*_heading(ex), ""]
    if ex.claim_rows:
        lines += _claims_block(ex)
    else:
        lines.append("Claims: none (no source gives a figure)")
    lines += ["", "Sources"]
    for s in ex.source_rows:
        lines.append(f"  [{s['source_no']}] {s['publisher']}, {s['published'] or 'n.d.'}: {s['title']}")
        lines.append(f"      {s['url']}")
    if ex.size_rows:
        lines += ["", 'How each figure came out (CODEBOOK.md, "Reconciliation rule")']
        current = None
        for s in ex.size_rows:
            group = (s["quantity"], s["country_iso3"])
            if group != current:
                lines.append(f"  {s['quantity']}, {scope_text(ex, s)}")
                current = group
            method = "  (derived from contingents)" if s["method"] == "derived_from_contingents" else ""
            star = "  <- headline" if s["headline"] else ""
            lines.append(f"    {s['basis']:<9} {s['figure']}{method}{star}")
            twin = same_working_as(ex, s)
            how = [f"all its claims are {twin}: the same working as above"] if twin else s["how"].splitlines()
            lines += [f"        {line}" for line in how]
    return "\n".join(lines)


# --- command line: military-exercises show ID ---------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("exercise_id", help="the exercise's id, e.g. 2018-07-tajikistan-russia-gbao")


def run(args: argparse.Namespace) -> int:
    try:
        explanation = explain(args.exercise_id)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(explanation.render())
    return 0
