"""Links: one real exercise is one row. Upstream rows that are the same event as a curated record
(``same_as:`` in the record) or as a row of the other upstream (``dataset/mappings/upstream_links.csv``)
are not published twice: the kept row (the curated record; for MME-JME pairs the MME row) lists the
linked ids in ``upstream_ids``, its ``provenance`` says ``several``, and every disagreement between
the two is a row of ``upstream_conflicts`` (the kept row's value wins). Links are written into the
data by a person after reviewing the proposals of ``military-exercises propose-links``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl

from military_exercises.pipeline.mappings import MappingError, Mappings, read_csv_table
from military_exercises.pipeline.problems import Problem
from military_exercises.pipeline.upstream import UPSTREAM_SOURCES, Adapted

LINKS_FILE = "dataset/mappings/upstream_links.csv"


def upstream_key(upstream: str, upstream_id: str) -> str:
    """'mme:mme87', 'jme:jme-r0002': how records and tables name an upstream row."""
    return f"{upstream}:{upstream_id}"


@dataclass(frozen=True)
class Link:
    kept: str  # exercise id of the row that stays (curated id, or the MME row's id)
    upstream: str
    upstream_id: str
    kept_is_curated: bool


def read_upstream_links(maps: Mappings) -> tuple[list[tuple[str, str, int]], list[Problem]]:
    """(mme id, jme id, line) pairs reviewed as the same event."""
    path = maps.directory / "upstream_links.csv"
    if not path.exists():
        return [], []
    try:
        rows = read_csv_table(path, ("mme_id", "jme_id", "note"))
    except MappingError as exc:
        return [], [Problem(exc.file, exc.line, exc.field, exc.message)]
    return [(r["mme_id"].strip(), r["jme_id"].strip(), line) for line, r in rows], []


def resolve_links(
    curated: pl.DataFrame, adapted: Adapted, maps: Mappings
) -> tuple[list[Link], list[Problem]]:
    """Every link, checked: each names an upstream row that is published, and no row is linked twice.

    Links into an upstream that this checkout does not carry (a mini repository, a user who removed
    ``dataset/upstream/jme``) are set aside: there is nothing to link.
    """
    published = {(r["_upstream"], r["exercise_id"]) for r in adapted.exercises}
    links: list[Link] = []
    problems: list[Problem] = []
    owner: dict[tuple[str, str], str] = {}
    rows = curated.select("exercise_id", "source_file", "_same_as", "_line_id").iter_rows(named=True)
    for r in rows:
        for ref in r["_same_as"] or []:
            upstream, _, upstream_id = ref.partition(":")
            key = (upstream, upstream_id)
            if upstream not in adapted.loaded:
                continue
            if key not in published:
                problems.append(
                    Problem(
                        r["source_file"], r["_line_id"], "same_as", f"{ref!r} is not a published upstream row"
                    )
                )
            elif key in owner:
                problems.append(
                    Problem(
                        r["source_file"],
                        r["_line_id"],
                        "same_as",
                        f"{ref!r} is already linked to {owner[key]}",
                    )
                )
            else:
                owner[key] = r["exercise_id"]
                links.append(Link(r["exercise_id"], upstream, upstream_id, True))
    pairs, found = read_upstream_links(maps)
    problems += found
    for mme_id, jme_id, line in pairs:
        if not {"mme", "jme"} <= adapted.loaded:
            continue
        for key in (("mme", mme_id), ("jme", jme_id)):
            if key not in published:
                problems.append(
                    Problem(LINKS_FILE, line, key[0] + "_id", f"{key[1]!r} is not a published row")
                )
        if ("mme", mme_id) in owner and ("mme", mme_id) in published:
            # the MME row is itself linked to a curated record: the JME row goes to that record too
            kept, kept_is_curated = owner[("mme", mme_id)], True
        else:
            kept, kept_is_curated = mme_id, False
        if ("jme", jme_id) in owner:
            problems.append(
                Problem(
                    LINKS_FILE, line, "jme_id", f"{jme_id!r} is already linked to {owner[('jme', jme_id)]}"
                )
            )
            continue
        owner[("jme", jme_id)] = kept
        links.append(Link(kept, "jme", jme_id, kept_is_curated))
    return links, problems


def _compare(kept: dict[str, Any], other: dict[str, Any]) -> list[tuple[str, str | None, str | None]]:
    """(field, kept value, other value) for each disagreement worth a reader's attention."""
    out: list[tuple[str, str | None, str | None]] = []
    if set(kept["participants"]) != set(other["participants"]):
        out.append(
            ("participants", ";".join(sorted(kept["participants"])), ";".join(sorted(other["participants"])))
        )
    if not (kept["start_date"] <= other["_end"] and other["start_date"] <= kept["_end"]):
        out.append(
            ("dates", f"{kept['start']}/{kept['end'] or ''}", f"{other['start']}/{other['end'] or ''}")
        )
    if (
        kept["location_country_iso3"]
        and other["location_country_iso3"]
        and (kept["location_country_iso3"] != other["location_country_iso3"])
    ):
        out.append(("location_country_iso3", kept["location_country_iso3"], other["location_country_iso3"]))
    return out


def apply_links(
    tables: dict[str, pl.DataFrame], upstream: dict[str, pl.DataFrame], adapted: Adapted, links: list[Link]
) -> dict[str, pl.DataFrame]:
    """The release's tables with the upstream ones added: linked rows folded into their kept row."""
    end = pl.coalesce("end_date", "start_date").alias("_end")
    compare_cols = ["exercise_id", "start", "end", "start_date", "participants", "location_country_iso3"]
    kept_curated = [lk.kept for lk in links if lk.kept_is_curated]  # only their rows are compared
    curated = {
        r["exercise_id"]: r
        for r in tables["exercises"]
        .filter(pl.col("exercise_id").is_in(kept_curated))
        .select(*compare_cols, end)
        .iter_rows(named=True)
    }
    up_rows = {
        r["exercise_id"]: r for r in upstream["exercises"].select(*compare_cols, end).iter_rows(named=True)
    }
    linked_ids: dict[str, list[str]] = {}
    conflicts: list[dict[str, Any]] = []
    status_update: dict[tuple[str, str], tuple[str, str]] = {}
    for link in links:
        kept_row = curated[link.kept] if link.kept_is_curated else up_rows[link.kept]
        for field, kept_value, other_value in _compare(kept_row, up_rows[link.upstream_id]):
            conflicts.append(
                {"exercise_id": link.kept, "upstream": link.upstream, "upstream_id": link.upstream_id,
                 "field": field, "kept_value": kept_value, "upstream_value": other_value}
            )  # fmt: skip
        linked_ids.setdefault(link.kept, []).append(upstream_key(link.upstream, link.upstream_id))
        status = "linked_curated" if link.kept_is_curated else "linked_upstream"
        status_update[(link.upstream, link.upstream_id)] = (status, link.kept)
    gone = {lk.upstream_id for lk in links}
    own = pl.DataFrame(
        {"exercise_id": [r["exercise_id"] for r in adapted.exercises],
         "own": [[upstream_key(r["_upstream"], r["exercise_id"])] for r in adapted.exercises],
         "origin": [r["_upstream"] for r in adapted.exercises]},
        schema={"exercise_id": pl.String, "own": pl.List(pl.String), "origin": pl.String},
    )  # fmt: skip
    extra = pl.DataFrame(
        {"exercise_id": list(linked_ids), "linked": [sorted(v) for v in linked_ids.values()]},
        schema={"exercise_id": pl.String, "linked": pl.List(pl.String)},
    )
    columns = tables["exercises"].columns
    exercises = (
        tables["exercises"]
        .join(extra, on="exercise_id", how="left")
        .with_columns(
            upstream_ids=pl.col("linked").fill_null(pl.lit([], dtype=pl.List(pl.String))),
            provenance=pl.when(pl.col("linked").is_not_null())
            .then(pl.lit("several"))
            .otherwise(pl.lit("curated")),
        )
        .select(columns)
    )
    up_exercises = (
        upstream["exercises"]
        .filter(~pl.col("exercise_id").is_in(sorted(gone)))
        .join(own, on="exercise_id", how="left")
        .join(extra, on="exercise_id", how="left")
        .with_columns(
            upstream_ids=pl.concat_list(
                "own", pl.col("linked").fill_null(pl.lit([], dtype=pl.List(pl.String)))
            ).list.sort(),
            provenance=pl.when(pl.col("linked").is_not_null())
            .then(pl.lit("several"))
            .otherwise(pl.col("origin")),
        )
        .select(columns)
    )
    up_participants = upstream["participants"].filter(~pl.col("exercise_id").is_in(sorted(gone)))
    rows = []
    for r in adapted.rows:
        update = status_update.get((r["upstream"], r["upstream_id"]))
        rows.append(
            {**r, "status": update[0], "exercise_id": update[1], "reason": "same_as"} if update else r
        )
    sources = pl.concat([tables["sources"], upstream["sources"].filter(
        pl.col("source_id").is_in([str(s["source_id"]) for s in UPSTREAM_SOURCES.values()]))])  # fmt: skip
    return {
        **tables,
        "exercises": exercises,
        "sources": sources.sort("source_id"),
        "upstream_exercises": up_exercises.sort("exercise_id"),
        "upstream_participants": up_participants.sort("exercise_id", "iso3"),
        "upstream_rows": pl.DataFrame(rows, schema=UPSTREAM_ROWS_SCHEMA).sort("upstream", "row"),
        "upstream_repairs": pl.DataFrame(adapted.repairs, schema=REPAIRS_SCHEMA).sort(
            "upstream", "upstream_id", "n"
        ),
        "upstream_conflicts": pl.DataFrame(conflicts, schema=CONFLICTS_SCHEMA).sort(
            "exercise_id", "upstream", "upstream_id", "field"
        ),
    }


S = pl.String
UPSTREAM_ROWS_SCHEMA = {"upstream": S, "upstream_id": S, "original_id": S, "row": pl.Int64, "status": S,
                        "exercise_id": S, "reason": S}  # fmt: skip
REPAIRS_SCHEMA = {
    "upstream": S,
    "upstream_id": S,
    "n": pl.Int64,
    "field": S,
    "original": S,
    "new": S,
    "rule": S,
}
CONFLICTS_SCHEMA = {"exercise_id": S, "upstream": S, "upstream_id": S, "field": S, "kept_value": S,
                    "upstream_value": S}  # fmt: skip
