"""Uncertainty draws: many plausible datasets, sizes drawn within [low, high].

UCDP users pool results over random draws between ``low`` and ``high``; these helpers do the
same for exercise sizes, in the open:

1. :func:`draw_sizes` makes ``n_draws`` copies of a frame, each with a size drawn per row.
2. Compute any statistic per draw (``group_by("draw")``, or :func:`over_draws` with any function).
3. :func:`summarise_draws` reports the mean, median and an interval across draws;
   :func:`pool_rubin` pools regression estimates with Rubin's rules.

The drawing rule (also in ``docs/analysis.md``)
-----------------------------------------------
* **Bounds.** A row's size lies in ``[low, high]`` with mode ``best``.
* **Open sides.** When ``high_open`` is true ("more than 10,000": the true value may be above
  ``high``), the upper bound becomes ``high * open_factor``; when ``low_open`` is true ("up to
  10,000"), the lower bound becomes ``low / open_factor``. The default ``open_factor`` is 1.5, so
  "more than 10,000" is drawn from 10,000 to 15,000 and "up to 10,000" from about 6,667 to 10,000.
  ``open_factor=1`` treats the stated bound as hard. The factor is a modelling choice, not a fact
  in the sources: vary it to see whether a result depends on it.
* **Distribution.** ``"triangular"`` (default): triangular on the (extended) bounds with mode
  ``best``, so the reconciled best figure is the most likely value; ``"uniform"``: every value in
  the bounds equally likely. When the bounds coincide the draw is that value.
* **Missing sizes stay missing** by default. A row without a size gets a null draw in every draw;
  it is never drawn as zero.
* **Optional imputation** (``impute="hot_deck"``, off by default). In each draw an unsized row takes
  the drawn size of a sized row of the same frame picked at random from its *stratum*: the rows
  sharing its values of ``impute_by`` (default ``region``, ``kind``). A stratum with fewer than
  ``min_donors`` sized rows falls back to the stratum of the first keys alone (``region``), then to
  every sized row of the frame. Output columns ``imputed`` (true for an imputed draw) and
  ``impute_stratum`` (the keys the donor shared, e.g. ``region=Europe, kind=bilateral``, or
  ``all sized rows``) say which values are imputed and how. The donors come from the frame you
  pass: filter first, and the donors are filtered with it.
* **Rounding.** Draws are rounded to whole persons (or pieces of equipment).
* **Reproducible.** Draws come from ``numpy.random.default_rng(seed)``: the same frame, seed and
  options give the same draws. Rows are drawn independently of each other.

Column names follow the table: ``prefix="troops_"`` for ``exercises`` (``troops_low``,
``troops_best``, ``troops_high``, ``troops_low_open``, ``troops_high_open``) and
``participants`` (which has no open flags: its bounds are taken as closed), ``prefix=""`` for
``sizes`` (``low``, ``best``, ``high``, ``low_open``, ``high_open``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import polars as pl

#: Distributions a size can be drawn from.
DISTRIBUTIONS: tuple[str, ...] = ("triangular", "uniform")
#: Default factor by which an open side is extended before drawing.
OPEN_FACTOR = 1.5
#: How unsized rows can be filled in the draws (``None``: they stay null).
IMPUTE_METHODS: tuple[str, ...] = ("hot_deck",)
#: Default stratum keys of the hot deck, most specific first.
IMPUTE_BY: tuple[str, ...] = ("region", "kind")


def _bounds(
    df: pl.DataFrame, prefix: str, open_factor: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    names = {k: f"{prefix}{k}" for k in ("low", "best", "high", "low_open", "high_open")}
    missing = [names[k] for k in ("low", "best", "high") if names[k] not in df.columns]
    if missing:
        raise ValueError(
            f"no size column(s) {', '.join(missing)} in the frame (prefix={prefix!r}); "
            f"it has: {', '.join(df.columns)}"
        )
    low = df[names["low"]].cast(pl.Float64).to_numpy()
    best = df[names["best"]].cast(pl.Float64).to_numpy()
    high = df[names["high"]].cast(pl.Float64).to_numpy()
    known = ~(np.isnan(low) | np.isnan(best) | np.isnan(high))
    if np.any(known & ((low > best) | (best > high))):
        raise ValueError("some rows have low > best or best > high; sizes must satisfy low <= best <= high")
    if names["low_open"] in df.columns:
        low_open = df[names["low_open"]].fill_null(False).to_numpy().astype(bool)
        low = np.where(low_open, low / open_factor, low)
    if names["high_open"] in df.columns:
        high_open = df[names["high_open"]].fill_null(False).to_numpy().astype(bool)
        high = np.where(high_open, high * open_factor, high)
    return low, best, high, known


def _draw_matrix(
    low: np.ndarray,
    mode: np.ndarray,
    high: np.ndarray,
    n_draws: int,
    rng: np.random.Generator,
    distribution: str,
) -> np.ndarray:
    """(n_draws, n_rows) draws by the inverse CDF, which also handles low == high."""
    u = rng.random((n_draws, low.shape[0]))
    width = high - low
    if distribution == "uniform":
        uniform: np.ndarray = low + u * width
        return uniform
    with np.errstate(invalid="ignore", divide="ignore"):
        c = np.where(width > 0, (mode - low) / width, 0.0)
        left = low + np.sqrt(u * width * (mode - low))
        right = high - np.sqrt((1.0 - u) * width * (high - mode))
    drawn: np.ndarray = np.where(u < c, left, right)
    return drawn


def draw_sizes(
    df: pl.DataFrame,
    *,
    n_draws: int,
    seed: int | None,
    distribution: str = "triangular",
    open_factor: float = OPEN_FACTOR,
    prefix: str = "troops_",
    columns: Sequence[str] | None = None,
    name: str | None = None,
    impute: str | None = None,
    impute_by: Sequence[str] = IMPUTE_BY,
    min_donors: int = 5,
) -> pl.DataFrame:
    """``n_draws`` copies of ``df`` stacked, with a column ``draw`` (0 .. n_draws-1) and the drawn
    size (``<prefix>draw``, Int64, or ``name``). See the module docstring for the rule.

    ``impute="hot_deck"`` fills unsized rows from sized rows of the same stratum and adds the
    columns ``imputed`` and ``impute_stratum``; by default unsized rows stay null.

    ``columns`` picks the columns to carry along (default: all). ``seed`` is required so that the
    choice between reproducible (an int) and fresh (``None``) draws is explicit.
    """
    if n_draws < 1:
        raise ValueError(f"n_draws must be at least 1, got {n_draws}")
    if distribution not in DISTRIBUTIONS:
        raise ValueError(f"unknown distribution {distribution!r}; accepted: {', '.join(DISTRIBUTIONS)}")
    if not open_factor >= 1 or math.isinf(open_factor):
        raise ValueError(f"open_factor must be a finite number >= 1, got {open_factor}")
    if impute is not None and impute not in IMPUTE_METHODS:
        raise ValueError(f"unknown impute method {impute!r}; accepted: None, {', '.join(IMPUTE_METHODS)}")
    low, best, high, known = _bounds(df, prefix, open_factor)
    rng = np.random.default_rng(seed)
    values = np.rint(_draw_matrix(low, best, high, n_draws, rng, distribution))
    out_name = name or f"{prefix}draw"
    base = df if columns is None else df.select(list(columns))
    repeated = pl.DataFrame({"draw": np.arange(n_draws, dtype=np.int64)}).join(
        base, how="cross", maintain_order="left_right"
    )
    if impute is None:
        flat = pl.Series(out_name, values.reshape(-1), dtype=pl.Float64)
        mask = pl.Series(np.tile(known, n_draws))
        drawn = pl.select(pl.when(mask).then(flat).otherwise(None).cast(pl.Int64).alias(out_name)).to_series()
        return repeated.with_columns(drawn)
    donors, strata = _hot_deck_donors(df, known, list(impute_by), min_donors)
    for row, pool in donors.items():
        picks = rng.integers(0, len(pool), size=n_draws)
        values[:, row] = values[np.arange(n_draws), np.asarray(pool)[picks]]
    imputed = np.tile(~known, n_draws)
    stratum = [strata.get(i) for i in range(len(known))] * n_draws
    return repeated.with_columns(
        pl.Series(out_name, values.reshape(-1)).cast(pl.Int64),
        pl.Series("imputed", imputed, dtype=pl.Boolean),
        pl.Series("impute_stratum", stratum, dtype=pl.String),
    )


def _hot_deck_donors(
    df: pl.DataFrame, known: np.ndarray, keys: list[str], min_donors: int
) -> tuple[dict[int, list[int]], dict[int, str]]:
    """For each unsized row, the sized rows it may take a size from, and how they were chosen."""
    if min_donors < 1:
        raise ValueError(f"min_donors must be at least 1, got {min_donors}")
    missing = [k for k in keys if k not in df.columns]
    if missing:
        raise ValueError(
            f"impute_by column(s) {', '.join(missing)} not in the frame; it has: {', '.join(df.columns)}"
        )
    sized = [i for i in range(len(known)) if known[i]]
    if not sized and not known.all():
        raise ValueError("impute='hot_deck' needs at least one sized row in the frame to draw from")
    rows = df.select(keys).rows() if keys else [()] * len(known)
    donors: dict[int, list[int]] = {}
    strata: dict[int, str] = {}
    for i in (i for i in range(len(known)) if not known[i]):
        for depth in range(len(keys), -1, -1):
            pool = [j for j in sized if rows[j][:depth] == rows[i][:depth]]
            if len(pool) >= min_donors or depth == 0:
                donors[i] = pool
                strata[i] = (
                    ", ".join(f"{k}={v}" for k, v in zip(keys[:depth], rows[i][:depth], strict=True))
                    if depth
                    else "all sized rows"
                )
                break
    return donors, strata


def over_draws(
    df: pl.DataFrame,
    statistic: Callable[[pl.DataFrame], pl.DataFrame],
    *,
    n_draws: int,
    seed: int | None,
    distribution: str = "triangular",
    open_factor: float = OPEN_FACTOR,
    prefix: str = "troops_",
    impute: str | None = None,
    impute_by: Sequence[str] = IMPUTE_BY,
    min_donors: int = 5,
) -> pl.DataFrame:
    """Compute ``statistic(frame)`` on each of ``n_draws`` drawn datasets and stack the results
    with a ``draw`` column.

    With ``impute="hot_deck"`` (see :func:`draw_sizes`) unsized rows are filled in every drawn
    dataset, and each result gets a column ``n_imputed`` (the rows filled in that dataset), so the
    output says that it rests on imputed sizes.

    In each drawn dataset ``<prefix>low``, ``<prefix>best`` and ``<prefix>high`` all hold the drawn
    size and the open flags are false, so any function written for the published table (for
    example :func:`military_exercises.analysis.stats.troops_per_year`) runs on it unchanged.
    """
    draws = draw_sizes(
        df,
        n_draws=n_draws,
        seed=seed,
        distribution=distribution,
        open_factor=open_factor,
        prefix=prefix,
        name="__draw_value",
        impute=impute,
        impute_by=impute_by,
        min_donors=min_donors,
    )
    replace = [pl.col("__draw_value").alias(f"{prefix}{b}") for b in ("low", "best", "high")]
    flags = [
        pl.lit(False).alias(f"{prefix}{f}") for f in ("low_open", "high_open") if f"{prefix}{f}" in df.columns
    ]
    results = []
    for i, part in enumerate(
        draws.with_columns(*replace, *flags).drop("__draw_value").partition_by("draw", maintain_order=True)
    ):
        extra = ["imputed", "impute_stratum"] if impute is not None else []
        result = statistic(part.drop("draw", *extra)).with_columns(pl.lit(i, dtype=pl.Int64).alias("draw"))
        if impute is not None:
            result = result.with_columns(n_imputed=pl.lit(int(part["imputed"].sum()), dtype=pl.Int64))
        results.append(result)
    return pl.concat(results).select("draw", pl.exclude("draw"))


def summarise_draws(
    frame: pl.DataFrame, *, value: str, by: str | Sequence[str] | None = None, level: float = 0.9
) -> pl.DataFrame:
    """Summarise a per-draw statistic across draws: ``n_draws``, ``mean``, ``median``, ``lower``,
    ``upper`` (the central ``level`` interval of the draws, by linear-interpolated quantiles) and
    ``level`` itself, so that a plot can say which interval it draws.

    ``frame`` has a ``draw`` column and the statistic ``value`` (one row per draw and group).
    """
    if not 0 < level < 1:
        raise ValueError(f"level must lie strictly between 0 and 1, got {level}")
    if "draw" not in frame.columns or value not in frame.columns:
        raise ValueError(f"the frame needs columns 'draw' and {value!r}; it has: {', '.join(frame.columns)}")
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    tail = (1 - level) / 2
    v = pl.col(value).cast(pl.Float64)
    aggs = [
        pl.col("draw").n_unique().cast(pl.Int64).alias("n_draws"),
        v.mean().alias("mean"),
        v.median().alias("median"),
        v.quantile(tail, "linear").alias("lower"),
        v.quantile(1 - tail, "linear").alias("upper"),
        pl.lit(level, dtype=pl.Float64).alias("level"),
    ]
    if not keys:
        return frame.select(aggs)
    return frame.group_by(keys).agg(aggs).sort(keys)


def pool_rubin(
    estimates: pl.DataFrame,
    *,
    estimate: str = "estimate",
    std_error: str = "std_error",
    by: str | Sequence[str] | None = None,
) -> pl.DataFrame:
    """Pool per-draw estimates with Rubin's rules (as ``uncertainUCDP::models_rubin_rules``).

    With m draws, estimates q_i and standard errors s_i: pooled estimate = mean(q_i); within
    variance W = mean(s_i^2); between variance B = var(q_i) (ddof 1); total variance
    T = W + (1 + 1/m) B; ``std_error`` = sqrt(T); ``dof`` = (m - 1) (1 + W / ((1 + 1/m) B))^2
    (null when B = 0). ``by`` groups the rows (for example by coefficient name).
    """
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    q = pl.col(estimate).cast(pl.Float64)
    s2 = pl.col(std_error).cast(pl.Float64) ** 2
    aggs = [
        pl.len().cast(pl.Int64).alias("m"),
        q.mean().alias("estimate"),
        s2.mean().alias("within_var"),
        q.var(ddof=1).fill_null(0.0).alias("between_var"),
    ]
    pooled = estimates.select(aggs) if not keys else estimates.group_by(keys).agg(aggs).sort(keys)
    factor = 1 + 1 / pl.col("m")
    total = pl.col("within_var") + factor * pl.col("between_var")
    return pooled.with_columns(
        total.sqrt().alias("std_error"),
        pl.when(pl.col("between_var") > 0)
        .then((pl.col("m") - 1) * (1 + pl.col("within_var") / (factor * pl.col("between_var"))) ** 2)
        .alias("dof"),
    )
