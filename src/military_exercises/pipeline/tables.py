"""Assemble the published tables from normalized records, with the cross-file checks.

Cross-file rules: exercise ids are unique; a source id means one page (same metadata wherever it is
cited) and one URL has one id; implausible figures need an allow-list entry with a reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from military_exercises.pipeline.mappings import MappingError, Mappings, read_csv_table
from military_exercises.pipeline.normalize import SOURCE_FIELDS, NormalizedRecord
from military_exercises.pipeline.problems import Problem
from military_exercises.pipeline.reconcile import claim_intervals, reconcile
from military_exercises.pipeline.schemas import TABLES
from military_exercises.pipeline.upstream import UPSTREAM_SOURCES, Adapted
from military_exercises.vocab import CENSUS_YEARS, EQUIPMENT_QUANTITIES, STATES_QUANTITY

#: Private columns kept beside the published ones until the cross-file checks have run.
_CLAIM_EXTRA = {
    "_plausible": pl.Boolean,
    "_limit": pl.Int64,
    "_biggest_field": pl.String,
    "_biggest_line": pl.Int64,
    "_file": pl.String,
    "_line": pl.Int64,
}
_EXERCISE_EXTRA = {
    "_start_latest": pl.Date,
    "_end_latest": pl.Date,
    "_distinct_from": pl.List(pl.String),
    "_line_id": pl.Int64,
    "_line_start": pl.Int64,
    "_full_list": pl.Boolean,
    "_same_as": pl.List(pl.String),
    "_incomplete": pl.Boolean,
    "_upstream": pl.String,
}
_SOURCE_EXTRA = {
    "_page": pl.String,
    "_exercise_id": pl.String,
    "_file": pl.String,
    "_index": pl.Int64,
    **{f"_line_{key}": pl.Int64 for key in SOURCE_FIELDS},
}


@dataclass
class Batch:
    """The rows of many normalized records as DataFrames, one per table, in file order.

    Compact (Arrow columns rather than a dict per row) and cheap to send from the worker processes
    of a large build. Claims carry ``_file`` and the plausibility columns, sources ``_exercise_id``,
    ``_file``, ``_index`` and ``_line_<field>`` (see ``_CLAIM_EXTRA``, ``_SOURCE_EXTRA``).
    ``exercises`` and ``participants`` hold complete records only; ``claims`` and ``sources`` hold
    every record's, so the cross-file checks see records with problems too.
    """

    exercises: pl.DataFrame
    participants: pl.DataFrame
    claims: pl.DataFrame
    sources: pl.DataFrame

    @classmethod
    def from_records(cls, records: list[NormalizedRecord]) -> Batch:
        """Records (in file order) -> one batch."""
        complete = [r for r in records if r.complete]
        claims = [dict(c, _file=r.exercise["source_file"]) for r in records for c in r.claims]
        sources = [
            dict(
                s, _exercise_id=r.exercise["exercise_id"], **{f"_line_{k}": v for k, v in s["_lines"].items()}
            )
            for r in records
            for s in r.sources
        ]
        participants = [p for r in complete for p in r.participants]
        return cls(
            exercises=_frame(_columns([r.exercise for r in complete]), "exercises", _EXERCISE_EXTRA),
            participants=pl.DataFrame(
                _columns(participants) or None,
                schema={"exercise_id": pl.String, "iso3": pl.String, "role": pl.String},
            ),
            claims=_frame(_columns(claims), "claims", _CLAIM_EXTRA),
            sources=_frame(_columns(sources), "sources", _SOURCE_EXTRA),
        )

    @classmethod
    def concat(cls, batches: list[Batch]) -> Batch:
        """One batch with the rows of ``batches`` in order."""
        if not batches:
            return cls.from_records([])
        return cls(*(pl.concat([getattr(b, name) for b in batches], rechunk=False) for name in _BATCH_TABLES))

    def __len__(self) -> int:
        """Number of complete records."""
        return self.exercises.height


_BATCH_TABLES = ("exercises", "participants", "claims", "sources")


def _columns(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    if not rows:
        return {}
    return {key: [r.get(key) for r in rows] for key in rows[0]}


def _frame(cols: dict[str, list[Any]], table: str, extra: dict[str, Any] | None = None) -> pl.DataFrame:
    """Columns -> DataFrame with exactly the model's columns and dtypes (absent ones null), then
    ``extra`` columns."""
    schema = {name: col.dtype.type for name, col in TABLES[table].to_schema().columns.items()}
    schema.update(extra or {})
    n = len(next(iter(cols.values()))) if cols else 0
    lists = [name for name, dtype in schema.items() if isinstance(dtype, pl.List)]
    frame = pl.DataFrame(
        {name: cols.get(name, [None] * n) for name in schema if name not in lists},
        schema={k: v for k, v in schema.items() if k not in lists},
    )
    if lists:
        frame = frame.with_columns(
            _list_column(cols.get(name, [None] * n), name, schema[name]) for name in lists
        )
    return frame.select(list(schema))


def _list_column(values: list[list[Any] | None], name: str, dtype: Any) -> pl.Series:
    """A list column built from one flat column: polars builds a Series per Python list otherwise,
    which at 100,000 rows costs seconds and gigabytes."""
    flat = [x for v in values if v for x in v]
    row = [i for i, v in enumerate(values) if v for _ in v]
    nested = (
        pl.DataFrame({"row": row, name: flat}, schema={"row": pl.Int64, name: dtype.inner})
        .group_by("row", maintain_order=True)
        .agg(pl.col(name))
    )
    empty = [i for i, v in enumerate(values) if v is not None and not v]
    return (
        pl.DataFrame({"row": range(len(values))}, schema={"row": pl.Int64})
        .join(nested, on="row", how="left", maintain_order="left")
        .with_columns(
            pl.when(pl.col("row").is_in(empty))
            .then(pl.lit([], dtype=dtype))
            .otherwise(pl.col(name))
            .alias(name)
        )[name]
    )


#: What an allow-list entry can let through, each with a reason.
ALLOWLIST_CHECKS = ("plausible_limit", "contingents_exceed_total")
ALLOWLIST_FILE = "dataset/allowlist.csv"


@dataclass(frozen=True)
class AllowEntry:
    exercise_id: str
    quantity: str
    check: str
    reason: str
    line: int


def upstream_batch(adapted: Adapted) -> Batch:
    """The upstream rows as a batch, each citing its upstream dataset as its one source."""
    sources: list[dict[str, Any]] = []
    for r in adapted.exercises:
        source = UPSTREAM_SOURCES[r["_upstream"]]
        sources.append({**source, "published_date": None, "published_precision": None,
                        "_page": source["url"], "_exercise_id": r["exercise_id"], "_file": r["source_file"],
                        "_index": 0})  # fmt: skip
    for s in sources:
        if s["published"] is not None:
            s["published_date"] = dt.date(int(s["published"][:4]), 1, 1)
            s["published_precision"] = "year"
    return Batch(
        exercises=_frame(_columns(adapted.exercises), "exercises", _EXERCISE_EXTRA),
        participants=pl.DataFrame(
            _columns(adapted.participants) or None,
            schema={"exercise_id": pl.String, "iso3": pl.String, "role": pl.String},
        ),
        claims=_frame({}, "claims", _CLAIM_EXTRA),
        sources=_frame(_columns(sources), "sources", _SOURCE_EXTRA),
    )


def read_allowlist(path: Path) -> tuple[dict[tuple[str, str, str], AllowEntry], list[Problem]]:
    """(exercise_id, quantity, check) -> entry. Rows without a reason or with an unknown check are
    problems; so is a malformed file (with its line)."""
    out: dict[tuple[str, str, str], AllowEntry] = {}
    problems: list[Problem] = []
    if not path.exists():
        return out, problems
    try:
        rows = read_csv_table(path, ("exercise_id", "quantity", "check", "reason"), label=ALLOWLIST_FILE)
    except MappingError as exc:
        return out, [Problem(exc.file, exc.line, exc.field, exc.message)]
    for line, row in rows:
        reason, check = row["reason"].strip(), row["check"].strip()
        if not reason:
            problems.append(Problem(ALLOWLIST_FILE, line, "reason", "an allow-list entry needs a reason"))
            continue
        if check not in ALLOWLIST_CHECKS:
            message = f"unknown check {check!r}; accepted: {', '.join(ALLOWLIST_CHECKS)}"
            problems.append(Problem(ALLOWLIST_FILE, line, "check", message))
            continue
        key = (row["exercise_id"].strip(), row["quantity"].strip(), check)
        if key in out:
            message = f"the same entry is given on line {out[key].line}"
            problems.append(Problem(ALLOWLIST_FILE, line, "exercise_id", message))
            continue
        out[key] = AllowEntry(*key, reason, line)
    return out, problems


def stale_allowlist_problems(
    allowlist: dict[tuple[str, str, str], AllowEntry], used: set[tuple[str, str, str]]
) -> list[Problem]:
    """Entries that no longer let anything through: the figure was fixed or the record is gone."""
    return [
        Problem(
            ALLOWLIST_FILE,
            entry.line,
            "exercise_id",
            f"stale entry: {entry.exercise_id} has no {entry.quantity} figure that needs it "
            f"({entry.check}); delete the line",
        )
        for key, entry in sorted(allowlist.items(), key=lambda kv: kv[1].line)
        if key not in used
    ]


def duplicate_id_problems(ids: list[tuple[str, str, int | None]]) -> list[Problem]:
    """Exercise ids used by more than one file, from ``(id, file, line)`` of every parsed record.

    Checked on parsed records, before normalization, so that a copied file whose id was not
    changed is named as a duplicate even when it has other problems too.
    """
    problems: list[Problem] = []
    first: dict[str, str] = {}
    for ex_id, file, line in sorted(ids, key=lambda t: t[1]):
        if ex_id in first:
            message = f"exercise id {ex_id!r} is also used by {first[ex_id]}"
            problems.append(Problem(file, line, "id", message))
        else:
            first[ex_id] = file
    return problems


def cross_file_problems(
    batch: Batch, allowlist: dict[tuple[str, str, str], AllowEntry], used: set[tuple[str, str, str]]
) -> list[Problem]:
    """Problems that only show across files: shared source ids and URLs, implausible figures.

    Duplicate exercise ids are checked earlier, by :func:`duplicate_id_problems`.
    """
    problems: list[Problem] = []
    src = batch.sources
    # Only ids and URLs that are cited differently are looked at row by row (few or none).
    clashing_ids = (
        src.group_by("source_id").agg(pl.struct(SOURCE_FIELDS).n_unique() > 1).filter(SOURCE_FIELDS[0])
    )
    clashing_urls = src.group_by("url").agg(pl.col("source_id").n_unique() > 1).filter("source_id")
    # One id, one page: every citation of a source id must repeat its first citation's fields.
    src = src.filter(
        pl.col("source_id").is_in(clashing_ids["source_id"].implode())
        | pl.col("url").is_in(clashing_urls["url"].implode())
    )
    first = src.group_by("source_id", maintain_order=True).first()
    cited = src.join(first.select("source_id", *SOURCE_FIELDS, "_file"), on="source_id", suffix="_first")
    for key in SOURCE_FIELDS:
        for r in cited.filter(pl.col(key).ne_missing(pl.col(f"{key}_first"))).iter_rows(named=True):
            problems.append(
                Problem(
                    r["_file"],
                    r[f"_line_{key}"],
                    f"sources[{r['_index']}].{key}",
                    f"source {r['source_id']!r} has {key} {r[key]!r} here but "
                    f"{r[f'{key}_first']!r} in {r['_file_first']}; one id, one page",
                )
            )
    # One URL, one id.
    owners = src.group_by("url", maintain_order=True).first().select("url", "source_id", "_file")
    reused = src.join(owners, on="url", suffix="_owner").filter(
        pl.col("source_id") != pl.col("source_id_owner")
    )
    for r in reused.iter_rows(named=True):
        problems.append(
            Problem(
                r["_file"],
                r["_line_url"],
                f"sources[{r['_index']}].url",
                f"url is already cited as {r['source_id_owner']!r} in {r['_file_owner']}; reuse that id",
            )
        )
    # Implausible figures need an allow-list entry.
    for r in batch.claims.filter(~pl.col("_plausible")).iter_rows(named=True):
        allow_key = (r["exercise_id"], r["quantity"], "plausible_limit")
        if allow_key in allowlist:
            used.add(allow_key)
            continue
        biggest = max(v for v in (r["value"], r["low"], r["high"]) if v is not None)
        problems.append(
            Problem(
                r["_file"],
                r["_biggest_line"],
                r["_biggest_field"],
                f"{r['quantity']} {biggest:,} is above the plausibility limit {r['_limit']:,}; "
                "if a source really says so, add "
                f"'{r['exercise_id']},{r['quantity']},plausible_limit,<reason>' to dataset/allowlist.csv",
            )
        )
    return problems


def _exercise_table(
    exercises: pl.DataFrame,
    base_participants: pl.DataFrame,
    claims: pl.DataFrame,
    sizes: pl.DataFrame,
    cited: pl.DataFrame,
) -> pl.DataFrame:
    """The exercises table: the records' rows with participant lists, headline troops and counts."""
    roles = base_participants.group_by("exercise_id").agg(
        hosts=pl.col("iso3").filter(pl.col("role") == "host").sort(),
        participants=pl.col("iso3").filter(pl.col("role") != "observer").sort(),
        observers=pl.col("iso3").filter(pl.col("role") == "observer").sort(),
    )
    troops = sizes.filter((pl.col("quantity") == "troops") & (pl.col("scope") == "exercise"))
    headline = (
        troops.filter(pl.col("basis") == "combined")
        .sort("exercise_id", "method")  # 'claims' sorts before 'derived_from_contingents'
        .unique("exercise_id", keep="first", maintain_order=True)
        .select(
            "exercise_id",
            troops_low="low",
            troops_best="best",
            troops_high="high",
            troops_low_open="low_open",
            troops_high_open="high_open",
            troops_method="method",
        )
    )
    per_basis = (
        troops.filter(pl.col("basis") != "combined")
        .sort("exercise_id", "basis", "method")
        .unique(["exercise_id", "basis"], keep="first", maintain_order=True)
        .pivot(
            on="basis", index="exercise_id", values="best", on_columns=["declared", "estimated", "reported"]
        )
        .rename(
            {
                "declared": "troops_declared_best",
                "estimated": "troops_estimated_best",
                "reported": "troops_reported_best",
            }
        )
    )
    claim_counts = claims.group_by("exercise_id").agg(
        n_claims=pl.len().cast(pl.Int64),
        has_equipment_claims=pl.col("quantity").is_in(list(EQUIPMENT_QUANTITIES)).any(),
    )
    source_counts = cited.group_by("exercise_id").agg(n_sources=pl.len().cast(pl.Int64))
    computed = [
        "hosts", "participants", "observers", "n_participants", "troops_low", "troops_best", "troops_high",
        "troops_low_open", "troops_high_open", "troops_method", "troops_declared_best",
        "troops_estimated_best", "troops_reported_best", "has_equipment_claims", "n_claims", "n_sources",
        "kind", "n_states_stated", "participants_complete", "provenance", "upstream_ids", "seas",
    ]  # fmt: skip
    states_stated = sizes.filter(
        (pl.col("quantity") == STATES_QUANTITY)
        & (pl.col("scope") == "exercise")
        & (pl.col("basis") == "combined")
    ).select("exercise_id", n_states_stated="best")
    return (
        exercises.drop(computed)
        .join(roles, on="exercise_id", how="left")
        .join(headline, on="exercise_id", how="left")
        .join(per_basis, on="exercise_id", how="left")
        .join(claim_counts, on="exercise_id", how="left")
        .join(source_counts, on="exercise_id", how="left")
        .join(states_stated, on="exercise_id", how="left")
        .with_columns(
            n_participants=pl.col("participants").list.len().cast(pl.Int64),
            n_claims=pl.col("n_claims").fill_null(0),
            has_equipment_claims=pl.col("has_equipment_claims").fill_null(False),
        )
        .with_columns(
            kind=pl.when(pl.col("n_participants") == 1)
            .then(pl.lit("national"))
            .when(pl.col("n_participants") == 2)
            .then(pl.lit("bilateral"))
            .otherwise(pl.lit("multilateral")),
            # the organiser's full list cited, or the listed states reach the stated number: complete;
            # more states stated than listed: incomplete; nothing said either way: unknown (null)
            participants_complete=pl.when(pl.col("_full_list").fill_null(False))
            .then(True)
            .when(pl.col("_incomplete").fill_null(False))  # an upstream row whose list lost entries
            .then(False)
            .when(pl.col("n_states_stated").is_not_null())
            # stated counts often include observers: every listed state counts here
            .then(pl.col("n_participants") + pl.col("observers").list.len() >= pl.col("n_states_stated"))
            .otherwise(pl.lit(None, dtype=pl.Boolean)),
            # set by the links step (curated, mme, jme or several)
            provenance=pl.lit("curated"),
            upstream_ids=pl.lit([], dtype=pl.List(pl.String)),
            seas=pl.lit([], dtype=pl.List(pl.String)),  # filled by _with_seas
        )
        .select(list(TABLES["exercises"].to_schema().columns))
        .sort("exercise_id")
    )


def _with_country_points(exercises: pl.DataFrame, maps: Mappings) -> pl.DataFrame:
    """Exercises without coordinates of their own get their location country's point."""
    points = pl.DataFrame(
        [(iso3, lat, lon, prec) for iso3, (lat, lon, prec) in maps.country_points.items()],
        schema={
            "location_country_iso3": pl.String,
            "_lat": pl.Float64,
            "_lon": pl.Float64,
            "_prec": pl.String,
        },
        orient="row",
    )
    own = pl.col("lat").is_not_null() & pl.col("lon").is_not_null()
    return (
        exercises.join(points, on="location_country_iso3", how="left")
        .with_columns(
            lat=pl.when(own).then("lat").otherwise("_lat"),
            lon=pl.when(own).then("lon").otherwise("_lon"),
            coordinates_precision=pl.when(own).then("coordinates_precision").otherwise("_prec"),
        )
        .select(exercises.columns)
    )


def _with_seas(exercises: pl.DataFrame, maps: Mappings) -> pl.DataFrame:
    """``seas``: the catalogued seas of the record's sea area, then those its place text names."""
    known: dict[tuple[str | None, str | None], list[str]] = {}  # many records share sea and place
    seas = []
    for sea, place in exercises.select("location_sea", "location_place").iter_rows():
        if (sea, place) not in known:
            found = maps.resolve_seas(sea)[0] if sea else []
            found += [s for s in (maps.seas_named_in(place) if place else []) if s not in found]
            known[sea, place] = found
        seas.append(known[sea, place])
    return exercises.with_columns(seas=pl.Series("seas", seas, dtype=pl.List(pl.String))).select(
        list(TABLES["exercises"].to_schema().columns)
    )


def _with_sea_points(exercises: pl.DataFrame, maps: Mappings) -> pl.DataFrame:
    """Exercises located at sea, and those no other point places, get the point of their first
    catalogued sea that has one (a sea is more telling than the centroid of a large coastal state)."""
    points = maps.sea_points
    lat, lon = [], []
    for seas in exercises["seas"].to_list():
        point = next((points[s] for s in seas if s in points), (None, None))
        lat.append(point[0])
        lon.append(point[1])
    sea = pl.DataFrame({"_lat": lat, "_lon": lon}, schema={"_lat": pl.Float64, "_lon": pl.Float64})
    use = pl.col("_lat").is_not_null() & (
        pl.col("lat").is_null()
        | ((pl.col("location_precision") == "sea")
           & pl.col("coordinates_precision").is_in(["country_centroid", "country_capital"]))
    )  # fmt: skip
    return (
        pl.concat([exercises, sea], how="horizontal")
        .with_columns(
            lat=pl.when(use).then("_lat").otherwise("lat"),
            lon=pl.when(use).then("_lon").otherwise("lon"),
            coordinates_precision=pl.when(use).then(pl.lit("sea_area")).otherwise("coordinates_precision"),
        )
        .select(exercises.columns)
    )


def build_tables(
    batch: Batch | list[NormalizedRecord],
    maps: Mappings,
    *,
    sizes: pl.DataFrame | None = None,
    with_series: bool = True,
) -> dict[str, pl.DataFrame]:
    """All published tables, sorted by their keys so that output does not depend on input order.

    ``sizes``: the reconciled sizes of these claims when the checks already computed them.
    """
    if not isinstance(batch, Batch):
        batch = Batch.from_records(batch)
    by_country: dict[str, list[str]] = {}
    for alias, iso3 in maps.country_aliases.items():
        by_country.setdefault(iso3, []).append(alias)
    countries = maps.countries.with_columns(
        aliases=pl.col("iso3").map_elements(
            lambda iso3: sorted(by_country.get(iso3, [])), return_dtype=pl.List(pl.String)
        )
    )

    claims = batch.claims.drop("floor", "ceiling", "point", *_CLAIM_EXTRA)
    claims = (
        claim_intervals(claims.lazy())
        .select(list(TABLES["claims"].to_schema().columns))
        .sort("claim_id")
        .collect()
    )
    base_participants = batch.participants
    if sizes is None:
        sizes = reconcile(claims, base_participants)

    cited = batch.sources.select(exercise_id="_exercise_id", source_id="source_id")
    exercises = _with_seas(
        _with_country_points(_exercise_table(batch.exercises, base_participants, claims, sizes, cited), maps),
        maps,
    )
    exercises = _with_sea_points(exercises, maps)

    contingents = sizes.filter(
        (pl.col("quantity") == "troops") & (pl.col("scope") == "country") & (pl.col("basis") == "combined")
    ).select("exercise_id", iso3="country_iso3", troops_low="low", troops_best="best", troops_high="high")
    participants = (
        base_participants.join(
            countries.select(
                "iso3", country_name="name", gw_code="gw_code", cow_code="cow_code", region="region"
            ),
            on="iso3",
            how="left",
        )
        .join(exercises.select("exercise_id", "year"), on="exercise_id", how="left")
        .join(contingents, on=["exercise_id", "iso3"], how="left")
        .select(list(TABLES["participants"].to_schema().columns))
        .sort("exercise_id", "iso3")
    )

    # One row per source id (its metadata is the same wherever cited: checked before), with the
    # exercises citing it.
    cited_by = cited.group_by("source_id").agg(exercise_ids=pl.col("exercise_id").unique().sort())
    columns = list(TABLES["sources"].to_schema().columns)
    sources = (
        batch.sources.drop("exercise_ids", *_SOURCE_EXTRA)
        .unique("source_id", keep="first", maintain_order=True)
        .join(cited_by, on="source_id", how="left")
        .select(columns)
        .sort("source_id")
    )

    if not with_series:
        return {"exercises": exercises, "participants": participants, "claims": claims, "sizes": sizes,
                "sources": sources}  # fmt: skip
    series, series_years = series_tables(exercises, maps)
    return {
        "exercises": exercises,
        "participants": participants,
        "claims": claims,
        "sizes": sizes,
        "sources": sources,
        "countries": countries,
        "series": series,
        "series_years": series_years,
    }


def series_tables(exercises: pl.DataFrame, maps: Mappings) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The series catalogue with its exercises counted, and series x census year with a status.

    A series is accounted for in each census year from its first to its last known edition (the
    catalogue's years, widened by the release's own exercises), and in any other census year with
    an exercise or a not-held page. Biennial series are off in the years of the other parity than
    their latest edition's.
    """
    first_census, last_census = CENSUS_YEARS
    held = (
        exercises.filter(pl.col("series").is_not_null())
        .group_by("series", "year")
        .agg(n_exercises=pl.len().cast(pl.Int64), exercise_ids=pl.col("exercise_id").sort())
    )
    per_series = held.group_by("series").agg(
        n_exercises=pl.col("n_exercises").sum(),
        first_year=pl.col("year").min(),
        last_year=pl.col("year").max(),
    )
    catalogue = (
        maps.series.join(per_series, on="series", how="left")
        .with_columns(pl.col("n_exercises").fill_null(0))
        .select(list(TABLES["series"].to_schema().columns))
    )
    not_held = maps.series_not_held
    spans = catalogue.select(
        "series",
        "frequency",
        # a biennial series' cadence is that of its latest edition (RIMPAC began in 1971 but has been
        # held in even years since 1974): the newest record, else the catalogue's last, then first
        parity=pl.coalesce("last_year", "last_known", "first_known") % 2,
        lo=pl.max_horizontal(pl.min_horizontal("first_known", "first_year"), pl.lit(first_census)),
        hi=pl.min_horizontal(pl.max_horizontal("last_known", "last_year"), pl.lit(last_census)),
    )
    years = (
        spans.filter(pl.col("lo") <= pl.col("hi"))
        .select("series", year=pl.int_ranges("lo", pl.col("hi") + 1))
        .explode("year")
        .with_columns(pl.col("year").cast(pl.Int64))
    )
    extra = pl.concat([held.select("series", "year"), not_held.select("series", "year")]).filter(
        pl.col("year").is_between(first_census, last_census)
    )
    grid = pl.concat([years, extra]).unique().join(spans.select("series", "frequency", "parity"), on="series")
    status = (
        pl.when(pl.col("n_exercises") > 0)
        .then(pl.lit("held"))
        .when(pl.col("not_held_status").is_not_null())
        .then(pl.lit("not_held"))
        .when((pl.col("frequency") == "biennial") & (pl.col("year") % 2 != pl.col("parity")))
        .then(pl.lit("off_year"))
        .otherwise(pl.lit("open"))
    )
    series_years = (
        grid.join(held, on=["series", "year"], how="left")
        .join(not_held, on=["series", "year"], how="left")
        .with_columns(
            n_exercises=pl.col("n_exercises").fill_null(0),
            exercise_ids=pl.col("exercise_ids").fill_null(pl.lit([], dtype=pl.List(pl.String))),
        )
        .with_columns(status=status)
        .with_columns(
            # a not-held page for a year that still has an exercise (cancelled midway) stays as context
            not_held_status=pl.when(pl.col("status") == "not_held").then(pl.col("not_held_status")),
        )
        .select(list(TABLES["series_years"].to_schema().columns))
        .sort("series", "year")
    )
    return catalogue.sort("series"), series_years
