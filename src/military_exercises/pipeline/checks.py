"""Cross-record checks added in the second reliability round: dates against the build date, one page
under one source id whatever the URL's spelling, likely duplicate exercises, and contingents that
add up to more than the whole exercise.

Each returns located problems; none changes any row. Overrides: ``planned: true`` in a record (an
announced exercise), ``distinct_from: [...]`` (two different exercises that look alike), and
``contingents_exceed_total`` lines in ``dataset/allowlist.csv`` (with a reason).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from military_exercises.pipeline.matching import ExerciseKey, likely_same_pairs, same_event_reason
from military_exercises.pipeline.problems import Problem

if TYPE_CHECKING:
    from military_exercises.pipeline.tables import AllowEntry, Batch

#: Set to YYYY-MM-DD to fix "today" (tests); otherwise the build checks dates against the clock.
TODAY_ENV_VAR = "MILITARY_EXERCISES_TODAY"
#: Contingent floors may exceed the whole exercise's ceiling by this share before it is a problem:
#: reported totals are rounded ("about 15,000" against contingents of 15,200).
CONTINGENT_TOLERANCE = 0.05
#: A record may start this many years after its newest dated source before it must say ``planned``.
YEARS_AFTER_NEWEST_SOURCE = 1


def build_date() -> dt.date:
    """The date the build checks against: ``$MILITARY_EXERCISES_TODAY`` or the clock (UTC)."""
    text = os.environ.get(TODAY_ENV_VAR, "").strip()
    if text:
        return dt.date.fromisoformat(text)
    return dt.datetime.now(dt.UTC).date()


def url_problems(sources: pl.DataFrame) -> list[Problem]:
    """One page, one source id: two ids whose URLs name the same page (spelling aside) are a problem.

    Exact repeats of one URL under two ids are reported by the older check in ``tables``; this one
    looks only at URLs that differ as written but are the same page.
    """
    rows = sources.select("source_id", "url", "_file", "_line_url", "_index", page="_page").unique(
        ["source_id", "url"], keep="first", maintain_order=True
    )
    owners = rows.group_by("page", maintain_order=True).first()
    clash = rows.join(owners, on="page", suffix="_owner").filter(
        (pl.col("source_id") != pl.col("source_id_owner")) & (pl.col("url") != pl.col("url_owner"))
    )
    return [
        Problem(
            r["_file"],
            r["_line_url"],
            f"sources[{r['_index']}].url",
            f"{r['url']!r} is the same page as {r['url_owner']!r}, cited as {r['source_id_owner']!r} in "
            f"{r['_file_owner']}; one page has one id: reuse that id",
        )
        for r in clash.iter_rows(named=True)
    ]


def timing_problems(batch: Batch, today: dt.date) -> list[Problem]:
    """Sources dated after the build date; exercises starting after it, or long after their newest
    source, unless the record says ``planned: true``."""
    problems: list[Problem] = []
    future = batch.sources.filter(pl.col("published_date") > today)
    for r in future.iter_rows(named=True):
        problems.append(
            Problem(
                r["_file"],
                r["_line_published"],
                f"sources[{r['_index']}].published",
                f"published {r['published']} is after the build date {today.isoformat()}",
            )
        )
    newest = (
        batch.sources.group_by("_exercise_id")
        .agg(newest=pl.col("published_date").max())
        .rename({"_exercise_id": "exercise_id"})
    )
    ex = batch.exercises.select("exercise_id", "start", "start_date", "planned", "source_file", "_line_start")
    ex = ex.join(newest, on="exercise_id", how="left").filter(~pl.col("planned"))
    for r in ex.iter_rows(named=True):
        if r["start_date"] > today:
            message = (
                f"starts {r['start']}, after the build date {today.isoformat()}; an announced exercise "
                "needs 'planned: true'"
            )
        elif r["newest"] is not None and r["start_date"].year > r["newest"].year + YEARS_AFTER_NEWEST_SOURCE:
            message = (
                f"starts {r['start']}, years after its newest source ({r['newest'].isoformat()}); cite a "
                "page about this edition, or mark an announced exercise 'planned: true'"
            )
        else:
            continue
        problems.append(Problem(r["source_file"], r["_line_start"], "start", message))
    return problems


def exercise_keys(exercises: pl.DataFrame, participants: pl.DataFrame) -> list[ExerciseKey]:
    """Matching keys for exercise rows (counted states only) of a batch or of the release."""
    counted = (
        participants.filter(pl.col("role") != "observer")
        .group_by("exercise_id")
        .agg(states=pl.col("iso3").sort())
    )
    rows = exercises.select(
        "exercise_id", "start_date", "_end_latest", "series", "name", "location_country_iso3", "location_sea"
    ).join(counted, on="exercise_id", how="left", maintain_order="left")  # keys of parts concatenate
    return [
        ExerciseKey(
            r["exercise_id"],
            r["start_date"],
            r["_end_latest"],
            r["series"],
            r["name"],
            r["location_country_iso3"],
            r["location_sea"],
            frozenset(r["states"] or ()),
        )
        for r in rows.iter_rows(named=True)
    ]


def _key_digest(k: ExerciseKey) -> bytes:
    """A stable digest of a matching key (sets in sorted order: the same across processes)."""
    fields = (k.exercise_id, k.start.isoformat(), k.end.isoformat(), k.series, k.name, k.country, k.sea,
              sorted(k.participants))  # fmt: skip
    return hashlib.blake2b(repr(fields).encode(), digest_size=16).digest()


def key_digests(keys: list[ExerciseKey]) -> list[bytes]:
    """The digest of each key (see :func:`likely_pairs`)."""
    return [_key_digest(k) for k in keys]


def likely_pairs(
    keys: list[ExerciseKey], memo: Path | None, digests_of_keys: list[bytes] | None = None
) -> list[tuple[str, str, str]]:
    """``likely_same_pairs(keys)``, reusing the last build's pairs (kept in ``memo`` with a digest of
    every key) among exercises whose keys did not change: only changed or new ones are matched,
    against all. ``digests_of_keys``: :func:`key_digests` of ``keys``, when known already."""
    by_id = {k.exercise_id: k for k in keys}
    if digests_of_keys is None or len(digests_of_keys) != len(keys):
        digests_of_keys = key_digests(keys)
    digests = {k.exercise_id: d for k, d in zip(keys, digests_of_keys, strict=True)}
    old: tuple[dict[str, bytes], list[tuple[str, str, str]]] | None = None
    if memo is not None and len(by_id) == len(keys):
        with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            old = pickle.loads(memo.read_bytes())
    if old is None:
        pairs = likely_same_pairs(keys)
    else:
        old_digests, old_pairs = old
        same = {i for i, d in digests.items() if old_digests.get(i) == d}
        changed = [k for k in keys if k.exercise_id not in same]
        found = {p for p in old_pairs if p[0] in same and p[1] in same}
        for a, b, _ in likely_same_pairs(changed, against=keys):
            first, second = sorted((a, b))  # as matching within one list orders a pair
            reason = same_event_reason(by_id[first], by_id[second])
            if reason is not None:
                found.add((first, second, reason))
        pairs = sorted(found)
    if memo is not None and len(by_id) == len(keys):
        with contextlib.suppress(OSError):
            tmp = memo.with_suffix(f".tmp-{os.getpid()}")
            tmp.write_bytes(pickle.dumps((digests, pairs), protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, memo)
    return pairs


def duplicate_exercise_problems(
    batch: Batch,
    *,
    memo: Path | None = None,
    keys: tuple[list[ExerciseKey], list[bytes]] | None = None,
) -> list[Problem]:
    """Likely duplicates (:mod:`~military_exercises.pipeline.matching`) not declared distinct, and
    ``distinct_from`` entries naming no exercise.

    ``memo``: a file keeping the keys and pairs of the last build, so that only exercises whose key
    changed are matched again (the same pairs as matching everything; see :func:`likely_pairs`).
    ``keys``: the batch's matching keys and their digests when known already (a build keeps them
    per chunk of files: :func:`exercise_keys` of the parts of a batch, in order, are the batch's).
    """
    ex = batch.exercises
    files = dict(zip(ex["exercise_id"], ex["source_file"], strict=True))
    lines = dict(zip(ex["exercise_id"], ex["_line_id"], strict=True))
    distinct = {
        (r["exercise_id"], other)
        for r in ex.select("exercise_id", "_distinct_from").iter_rows(named=True)
        for other in r["_distinct_from"]
    }
    problems: list[Problem] = []
    known = set(files)
    for a, b in sorted(distinct):
        if b not in known:
            problems.append(
                Problem(files[a], lines[a], "distinct_from", f"{b!r} is not the id of any exercise")
            )
    match, digests = keys if keys is not None else (exercise_keys(ex, batch.participants), None)
    for a, b, reason in likely_pairs(match, memo, digests):
        if (a, b) in distinct or (b, a) in distinct:
            continue
        problems.append(
            Problem(
                files[b],
                lines[b],
                "id",
                f"likely the same exercise as {a} ({files[a]}): {reason}; if they are different "
                f"exercises, add 'distinct_from: [{a}]' to this record",
            )
        )
    return problems


def contingent_problems(
    sizes: pl.DataFrame,
    claims: pl.DataFrame,
    allowlist: dict[tuple[str, str, str], AllowEntry],
    used: set[tuple[str, str, str]],
) -> list[Problem]:
    """Per basis: contingents whose floors add up to more than the whole exercise's ceiling (beyond
    :data:`CONTINGENT_TOLERANCE`, for rounded totals).

    ``sizes`` is the reconciled table; ``claims`` the batch's claims (for the file and line).
    Contingents without a floor ("up to 300") count as 0.
    """
    per_basis = sizes.filter(pl.col("basis") != "combined", pl.col("method") == "claims")
    floors = (
        per_basis.filter(pl.col("scope") == "country")
        .group_by("exercise_id", "quantity", "basis")
        .agg(floor=pl.when(~pl.col("low_open")).then(pl.col("low")).otherwise(0).sum())
    )
    totals = per_basis.filter(pl.col("scope") == "exercise", ~pl.col("high_open")).select(
        "exercise_id", "quantity", "basis", "high", claim=pl.col("claim_ids").list.first()
    )
    over = floors.join(totals, on=["exercise_id", "quantity", "basis"]).filter(
        pl.col("floor") > pl.col("high") * (1 + CONTINGENT_TOLERANCE)
    )
    where = claims.select(claim="claim_id", file="_file", line="_line")
    problems: list[Problem] = []
    for r in (
        over.join(where, on="claim", how="left")
        .sort("exercise_id", "quantity", "basis")
        .iter_rows(named=True)
    ):
        key = (r["exercise_id"], r["quantity"], "contingents_exceed_total")
        if key in allowlist:
            used.add(key)
            continue
        problems.append(
            Problem(
                r["file"],
                r["line"],
                "claims",
                f"{r['basis']} {r['quantity']} contingents add up to at least {r['floor']:,}, more than "
                f"the whole exercise's {r['high']:,}; check both figures, or if the sources really say so "
                f"add '{r['exercise_id']},{r['quantity']},contingents_exceed_total,<reason>' to "
                "dataset/allowlist.csv",
            )
        )
    return problems
