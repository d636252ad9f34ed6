"""Statistics: counts, troop totals with their bounds, partners, co-participation, size summaries.

All functions take a polars frame first (the ``exercises`` or ``participants`` table, usually
after the filters in :mod:`military_exercises.analysis.filters`) and return a polars frame.

Troop totals carry the uncertainty through: ``troops_low`` is the sum of the low figures,
``troops_high`` the sum of the high figures and ``troops_best`` the sum of the best figures, over
the rows that have a figure (``n_sized`` says how many of ``n_exercises``). A sum is open at the
top (``high_open``) when any summed figure is open there ("more than 10,000") **or when any counted
exercise has no figure at all**: then the true total is unbounded above, and the interval says so.
Rows without a size are never counted as zero.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import polars as pl

from military_exercises.analysis.filters import SIZE_COLUMNS, filter_country, resolve_countries
from military_exercises.vocab import COUNTED_ROLES, coverage_period

#: Groupings accepted by ``by=`` in the per-year statistics (or a mapping bloc name -> ISO3 codes).
GROUPINGS: tuple[str, ...] = ("region", "organisation", "series")
_NONE_LABEL = {"region": "(no region)", "organisation": "(no organisation)", "series": "(no series)"}
_TROOPS = ("troops_low", "troops_best", "troops_high")


def _grouped(
    df: pl.DataFrame, by: str | Mapping[str, Sequence[str]] | None
) -> tuple[pl.DataFrame, list[str]]:
    """The frame with a ``group`` column for ``by`` (one row per exercise and group), and the key list."""
    if by is None:
        return df, []
    if isinstance(by, str):
        if by not in GROUPINGS:
            raise ValueError(
                f"unknown grouping {by!r}; accepted: {', '.join(GROUPINGS)}, or a mapping bloc -> ISO3 codes"
            )
        return df.with_columns(pl.col(by).fill_null(_NONE_LABEL[by])), [by]
    blocs = {str(name): list(codes) for name, codes in by.items()}
    if not blocs:
        raise ValueError("the bloc mapping is empty; give at least one bloc name -> ISO3 codes")
    parts = [
        df.filter(pl.col("participants").list.eval(pl.element().is_in(codes)).list.any()).with_columns(
            pl.lit(name).alias("bloc")
        )
        for name, codes in blocs.items()
    ]
    return pl.concat(parts), ["bloc"]


def _year_grid(
    out: pl.DataFrame, keys: list[str], start: int | None, end: int | None, groups: list[str] | None
) -> pl.DataFrame:
    """Cross of all years in [start, end] (default: the data's span) with all groups."""
    years = out["year"]
    lo = start if start is not None else (int(years.min()) if years.len() else None)  # type: ignore[arg-type]
    hi = end if end is not None else (int(years.max()) if years.len() else None)  # type: ignore[arg-type]
    if lo is None or hi is None:
        return out.head(0)
    grid = pl.DataFrame({"year": list(range(lo, hi + 1))}, schema={"year": pl.Int64})
    if keys:
        values = groups if groups is not None else sorted(out[keys[0]].unique().to_list())
        grid = grid.join(pl.DataFrame({keys[0]: values}, schema={keys[0]: pl.String}), how="cross")
    return grid


def exercises_per_year(
    df: pl.DataFrame,
    *,
    by: str | Mapping[str, Sequence[str]] | None = None,
    start: int | None = None,
    end: int | None = None,
) -> pl.DataFrame:
    """Number of exercises starting each year, optionally by ``region``, ``organisation``, ``series``
    or bloc (a mapping ``{"NATO": [ISO3...], ...}``: an exercise counts for every bloc with at least
    one participating member, so bloc counts need not add up to the total).

    Every year from ``start`` to ``end`` (default: first to last year in the data) appears, with
    0 where nothing was recorded; missing group labels read ``(no region)`` etc.
    Columns: ``year``, [group], ``n_exercises``, ``coverage_period`` (which sources cover the year:
    counts across a seam compare sources of different completeness; see ``load_coverage()``).
    """
    grouped, keys = _grouped(df, by)
    counts = grouped.group_by("year", *keys).agg(pl.len().cast(pl.Int64).alias("n_exercises"))
    groups = list(by.keys()) if isinstance(by, Mapping) else None
    grid = _year_grid(counts, keys, start, end, groups)
    out = grid.join(counts, on=["year", *keys], how="left").with_columns(pl.col("n_exercises").fill_null(0))
    return _with_coverage(out).sort("year", *keys)


def _with_coverage(df: pl.DataFrame) -> pl.DataFrame:
    """Add ``coverage_period``: the sources that cover each year (None outside them)."""
    periods = {y: coverage_period(y) for y in df["year"].unique().to_list()}
    return df.with_columns(
        pl.col("year").replace_strict(periods, return_dtype=pl.String).alias("coverage_period")
    )


def _sum_bounds(open_cols: bool) -> list[pl.Expr]:
    has = pl.col("troops_best").is_not_null()
    unsized = (~has).any()
    exprs = [
        pl.len().cast(pl.Int64).alias("n_exercises"),
        has.sum().cast(pl.Int64).alias("n_sized"),
        *[pl.when(has.any()).then(pl.col(t).sum()).alias(t) for t in _TROOPS],
    ]
    if open_cols:
        exprs += [
            pl.col("troops_low_open").fill_null(False).any().alias("low_open"),
            (pl.col("troops_high_open").fill_null(False).any() | unsized).alias("high_open"),
        ]
    else:  # contingents carry no open flags: only unsized rows open the total
        exprs += [pl.lit(False).alias("low_open"), unsized.alias("high_open")]
    return exprs


def troops_per_year(
    df: pl.DataFrame,
    *,
    by: str | Mapping[str, Sequence[str]] | None = None,
    start: int | None = None,
    end: int | None = None,
) -> pl.DataFrame:
    """Headline troops per start year, low/best/high summed separately, optionally grouped as in
    :func:`exercises_per_year`.

    Columns: ``year``, [group], ``n_exercises``, ``n_sized``, ``troops_low``, ``troops_best``,
    ``troops_high`` (sums over the sized exercises; null when no exercise of the year has a figure;
    0 only for years without exercises), ``low_open`` (a summed figure open below), ``high_open``
    (a summed figure open above, or an exercise of the year without a figure), ``coverage_period``.
    """
    grouped, keys = _grouped(df, by)
    has_open = "troops_high_open" in df.columns
    sums = grouped.group_by("year", *keys).agg(*_sum_bounds(has_open))
    groups = list(by.keys()) if isinstance(by, Mapping) else None
    grid = _year_grid(sums, keys, start, end, groups)
    out = grid.join(sums, on=["year", *keys], how="left").with_columns(
        pl.col("n_exercises").fill_null(0), pl.col("n_sized").fill_null(0)
    )
    out = out.with_columns(
        [pl.when(pl.col("n_exercises") == 0).then(0).otherwise(pl.col(t)).alias(t) for t in _TROOPS]
    )
    out = out.with_columns(pl.col("low_open").fill_null(False), pl.col("high_open").fill_null(False))
    return _with_coverage(out).sort("year", *keys)


def troops_per_country(
    participants: pl.DataFrame,
    *,
    by_year: bool = False,
    roles: Sequence[str] | None = COUNTED_ROLES,
) -> pl.DataFrame:
    """Contingents per state (and year with ``by_year=True``), from the participants table.

    Columns: ``iso3``, ``country_name``, [``year``], ``n_exercises``, ``n_sized``,
    ``troops_low`` / ``troops_best`` / ``troops_high`` (sums of the known contingents; null when
    none is known), ``low_open`` (always false: contingents carry no open flags), ``high_open``
    (some counted exercise gives no contingent for the state). Sorted by ``troops_best`` (largest
    first), then ``iso3``.
    """
    rows = participants if roles is None else participants.filter(pl.col("role").is_in(list(roles)))
    keys = ["iso3", "country_name", *(["year"] if by_year else [])]
    out = rows.group_by(keys).agg(*_sum_bounds(False))
    return out.sort(
        [*(["year"] if by_year else []), "troops_best", "iso3"],
        descending=[*([False] if by_year else []), True, False],
        nulls_last=True,
    )


def largest_exercises(df: pl.DataFrame, *, n: int = 10, on: str = "best") -> pl.DataFrame:
    """The ``n`` exercises with the largest ``troops_<on>`` (``low``, ``best`` or ``high``).

    Exercises without a size are left out. Ties are broken by ``exercise_id``.
    """
    if on not in SIZE_COLUMNS:
        raise ValueError(f"unknown size column {on!r}; accepted: {', '.join(SIZE_COLUMNS)}")
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    column = f"troops_{on}"
    wanted = [
        c
        for c in (
            "exercise_id",
            "name",
            "year",
            "participants",
            "region",
            "troops_low",
            "troops_best",
            "troops_high",
            "troops_low_open",
            "troops_high_open",
        )
        if c in df.columns
    ]
    return (
        df.filter(pl.col(column).is_not_null())
        .sort([column, "exercise_id"], descending=[True, False])
        .head(n)
        .select(wanted)
    )


def partners(
    df: pl.DataFrame,
    country: str | int,
    *,
    code: str = "iso3",
    role: str | Sequence[str] | None = COUNTED_ROLES,
    participants: pl.DataFrame | None = None,
    country_table: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """States that exercised with ``country``, ranked by the number of joint exercises.

    ``country`` is one exact code (ISO3, or G&W / COW number with ``code=``); ``role`` is the role
    the country must have (default: any counted role). Partners are the other counted
    participants (observers are not partners). Columns: ``partner``, ``n_joint``, ``first_year``,
    ``last_year``, ``share`` (of the country's exercises in the frame). Ties sort by ``partner``.
    """
    focal = resolve_countries(country, code=code, country_table=country_table)
    own = filter_country(df, focal, role=role, participants=participants, country_table=country_table)
    total = own.height
    out = (
        own.select("exercise_id", "year", pl.col("participants").alias("partner"))
        .explode("partner")
        .filter(pl.col("partner").is_not_null() & ~pl.col("partner").is_in(focal))
        .group_by("partner")
        .agg(
            pl.col("exercise_id").n_unique().cast(pl.Int64).alias("n_joint"),
            pl.col("year").min().alias("first_year"),
            pl.col("year").max().alias("last_year"),
        )
        .with_columns((pl.col("n_joint") / total).alias("share"))
    )
    return out.sort(["n_joint", "partner"], descending=[True, False])


def co_participation(df: pl.DataFrame, *, countries: Sequence[str] | None = None) -> pl.DataFrame:
    """Pairs of states and how many exercises they took part in together (observers excluded).

    One row per unordered pair (``iso3_a < iso3_b``) with ``n_joint >= 1``, sorted by ``n_joint``
    (largest first). ``countries`` keeps only pairs of the given ISO3 codes.
    """
    long = df.select("exercise_id", pl.col("participants").alias("iso3")).explode("iso3").drop_nulls()
    if countries is not None:
        long = long.filter(pl.col("iso3").is_in(list(countries)))
    pairs = long.join(long, on="exercise_id", suffix="_b").filter(pl.col("iso3") < pl.col("iso3_b"))
    return (
        pairs.group_by(pl.col("iso3").alias("iso3_a"), "iso3_b")
        .agg(pl.col("exercise_id").n_unique().cast(pl.Int64).alias("n_joint"))
        .sort(["n_joint", "iso3_a", "iso3_b"], descending=[True, False, False])
    )


def co_participation_matrix(
    df: pl.DataFrame, *, countries: Sequence[str] | None = None, top: int | None = None
) -> pl.DataFrame:
    """Square co-participation matrix: column ``iso3`` plus one column per state.

    Cell (a, b) is the number of exercises a and b took part in together; the diagonal holds each
    state's number of exercises. States are ordered by their number of exercises (most first,
    ties by code). ``countries`` picks the states (in that order); ``top`` keeps the ``top`` most
    active ones.
    """
    long = df.select("exercise_id", pl.col("participants").alias("iso3")).explode("iso3").drop_nulls()
    activity = (
        long.group_by("iso3")
        .agg(pl.col("exercise_id").n_unique().alias("n"))
        .sort(["n", "iso3"], descending=[True, False])
    )
    if countries is not None:
        order = list(countries)
    else:
        order = activity["iso3"].to_list()
        if top is not None:
            order = order[:top]
    long = long.filter(pl.col("iso3").is_in(order))
    cells = (
        long.join(long, on="exercise_id", suffix="_b")
        .group_by("iso3", "iso3_b")
        .agg(pl.col("exercise_id").n_unique().cast(pl.Int64).alias("n"))
    )
    grid = pl.DataFrame({"iso3": order}).join(pl.DataFrame({"iso3_b": order}), how="cross")
    full = grid.join(cells, on=["iso3", "iso3_b"], how="left").with_columns(pl.col("n").fill_null(0))
    wide = full.pivot(on="iso3_b", index="iso3", values="n", aggregate_function=None)
    ordered = pl.DataFrame({"iso3": order}).join(wide, on="iso3", how="left", maintain_order="left")
    return ordered.select("iso3", *order)


def size_summary(
    df: pl.DataFrame, *, by: str | Sequence[str] | None = None, column: str = "troops_best"
) -> pl.DataFrame:
    """Distribution of a size column, overall or per group.

    Columns: [group], ``n`` (rows), ``n_sized`` (rows with a figure: the summary describes only
    these), ``min``, ``p25``,
    ``median``, ``p75``, ``max``, ``mean``, ``geo_mean`` (geometric mean of positive figures:
    sizes span orders of magnitude). Quantiles use linear interpolation.
    """
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    v = pl.col(column)
    aggs = [
        pl.len().cast(pl.Int64).alias("n"),
        v.is_not_null().sum().cast(pl.Int64).alias("n_sized"),
        v.min().cast(pl.Float64).alias("min"),
        v.quantile(0.25, "linear").alias("p25"),
        v.median().alias("median"),
        v.quantile(0.75, "linear").alias("p75"),
        v.max().cast(pl.Float64).alias("max"),
        v.mean().alias("mean"),
        v.filter(v > 0).cast(pl.Float64).log().mean().exp().alias("geo_mean"),
    ]
    if not keys:
        return df.select(aggs)
    return df.group_by(keys).agg(aggs).sort(keys)


def year_on_year(
    frame: pl.DataFrame, *, value: str = "n_exercises", by: str | Sequence[str] | None = None
) -> pl.DataFrame:
    """Add ``change`` and ``pct_change`` of ``value`` against the previous calendar year (per group).

    Compares year y with year y - 1 exactly: when y - 1 is missing from the frame both columns
    are null. ``pct_change`` is null when the previous value is 0.
    """
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    prev = frame.select(*keys, (pl.col("year") + 1).alias("year"), pl.col(value).alias("_prev"))
    out = frame.join(prev, on=[*keys, "year"], how="left", maintain_order="left")
    return out.with_columns(
        (pl.col(value) - pl.col("_prev")).alias("change"),
        pl.when(pl.col("_prev") != 0)
        .then((pl.col(value) - pl.col("_prev")) / pl.col("_prev"))
        .alias("pct_change"),
    ).drop("_prev")


def add_period(
    df: pl.DataFrame, *, breaks: Sequence[int], year: str = "year", name: str = "period"
) -> pl.DataFrame:
    """Add a period label cut at the given years: ``breaks=[2014]`` gives ``<2014`` and ``2014+``;
    ``[2014, 2022]`` gives ``<2014``, ``2014-2021`` and ``2022+``. Breaks must increase.
    """
    cuts = list(breaks)
    if not cuts or cuts != sorted(set(cuts)):
        raise ValueError(f"breaks must be one or more strictly increasing years, got {cuts}")
    expr: pl.Expr = pl.lit(f"{cuts[-1]}+")
    for i in range(len(cuts) - 1, -1, -1):
        label = f"<{cuts[0]}" if i == 0 else f"{cuts[i - 1]}-{cuts[i] - 1}"
        expr = pl.when(pl.col(year) < cuts[i]).then(pl.lit(label)).otherwise(expr)
    return df.with_columns(expr.alias(name))
