"""Which two exercise rows are likely the same event: one rule, used by the build's duplicate check,
the upstream link proposals and the extractor's look-up of existing records.

Two rows are *likely the same* when their date intervals overlap (partial dates span their whole
month or year) and either

- **series**: they name the same series (compared case-, space- and punctuation-blind) and share at
  least half of their participating states (Jaccard >= 0.5), or
- **place**: they do not name different series or clearly different names, take place in the same
  country (or the same sea), and share at least two thirds of their states (Jaccard >= 2/3).

Nothing here decides: a likely pair is reported (the build asks for ``distinct_from:``; link
proposals are reviewed by a person). The reason string says which rule matched.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[a-z]+")
#: Words that say nothing about which exercise it is.
_STOP = frozenset({"exercise", "exercises", "drill", "drills", "the", "joint", "of", "and", "in", "military"})

SERIES_MIN_OVERLAP = 0.5
PLACE_MIN_OVERLAP = 2 / 3
NAME_MIN_SIMILARITY = 0.5


@dataclass(frozen=True)
class ExerciseKey:
    """What the matching rule looks at for one exercise row."""

    exercise_id: str
    start: dt.date  # earliest day the start can mean
    end: dt.date  # latest day the end (or, without an end, the start) can mean
    series: str | None = None
    name: str | None = None
    country: str | None = None  # location country (ISO3)
    sea: str | None = None
    participants: frozenset[str] = frozenset()  # counted states (ISO3)


def normalise_name(text: str | None) -> str:
    """Lower case letters only, digits and punctuation dropped: 'Zapad-2017' -> 'zapad'."""
    if not text:
        return ""
    return " ".join(_WORD.findall(text.lower()))


def name_words(text: str | None) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall((text or "").lower()) if w not in _STOP)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def overlaps(a: ExerciseKey, b: ExerciseKey) -> bool:
    return a.start <= b.end and b.start <= a.end


def _names_differ(a: ExerciseKey, b: ExerciseKey) -> bool:
    """True when both rows carry a series or name and they are clearly different."""
    sa, sb = normalise_name(a.series), normalise_name(b.series)
    if sa and sb and sa != sb:
        return True
    na, nb = name_words(a.name or a.series), name_words(b.name or b.series)
    return bool(na and nb) and jaccard(na, nb) < NAME_MIN_SIMILARITY


def same_event_reason(a: ExerciseKey, b: ExerciseKey) -> str | None:
    """Why ``a`` and ``b`` are likely the same exercise, or None."""
    if not overlaps(a, b):
        return None
    shared = jaccard(a.participants, b.participants)
    series_a, series_b = normalise_name(a.series), normalise_name(b.series)
    if series_a and series_a == series_b and shared >= SERIES_MIN_OVERLAP:
        return f"same series ({a.series}), overlapping dates, {shared:.0%} of states shared"
    same_place = (a.country is not None and a.country == b.country) or (
        a.country is None and b.country is None and a.sea is not None and a.sea == b.sea
    )
    if same_place and shared >= PLACE_MIN_OVERLAP and not _names_differ(a, b):
        where = a.country or a.sea
        return f"overlapping dates in {where}, {shared:.0%} of states shared"
    return None


def _months(k: ExerciseKey) -> range:
    return range(k.start.year * 12 + k.start.month - 1, k.end.year * 12 + k.end.month)


def likely_same_pairs(
    keys: Iterable[ExerciseKey], against: Iterable[ExerciseKey] | None = None
) -> list[tuple[str, str, str]]:
    """``(id_a, id_b, reason)`` for every likely pair, sorted.

    With ``against``, pairs are formed between ``keys`` and ``against`` only (a draft against the
    dataset, upstream rows against curated records); without it, within ``keys``. Both rules need
    overlapping dates and at least one shared state, so candidates are found through buckets of
    (month, state): the work grows with the rows that share a month and a state, not with all pairs.
    """
    left = list(keys)
    right = left if against is None else list(against)
    # bucket the smaller side and walk the larger one (one changed record against all: cheap)
    flip = against is not None and len(left) < len(right)
    bucketed, walked = (left, right) if flip else (right, left)
    buckets: dict[tuple[int, str], list[ExerciseKey]] = defaultdict(list)
    for k in bucketed:
        for month in _months(k):
            for state in k.participants:
                buckets[(month, state)].append(k)
    found: set[tuple[str, str, str]] = set()
    for w in walked:
        seen: set[str] = set()
        for month in _months(w):
            for state in w.participants:
                for other in buckets.get((month, state), ()):
                    if other.exercise_id in seen or other.exercise_id == w.exercise_id:
                        continue
                    seen.add(other.exercise_id)
                    a, b = (other, w) if flip else (w, other)
                    if against is None and b.exercise_id < a.exercise_id:
                        continue  # each unordered pair once
                    reason = same_event_reason(a, b)
                    if reason is not None:
                        found.add((a.exercise_id, b.exercise_id, reason))
    return sorted(found)
