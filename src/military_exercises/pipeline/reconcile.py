"""Reconcile: claims -> sizes (low / best / high) per exercise, scope, quantity and basis.

The rule (also in CODEBOOK.md, generated from :data:`RULE`):

1. **Each claim becomes an interval and a point.** ``exact`` and ``about`` give floor = ceiling =
   point = the stated number. ``more_than``/``at_least`` give a floor and a point (the number), no
   ceiling. ``up_to``/``fewer_than`` give a ceiling and a point, no floor. ``range`` gives floor = low,
   ceiling = high and point = their midpoint rounded half up.
2. **Components of one source add up.** Claims of one source for the same exercise, scope, quantity
   and basis that carry a ``component`` label ("regulars", "reservists") are summed into one
   estimate (floors, points and ceilings summed; a missing floor or ceiling stays missing). Every
   other claim is its own estimate. A source that gives only **one** labelled part of the whole
   exercise ("foreign contingents: 400", "reservists: 10,000") gives a part, not the whole: that
   claim stays in the claims table but does not enter the whole exercise's size.
3. **Estimates combine into a size.** For each (exercise, scope, quantity, basis):
   ``low`` = the smallest of the estimates' floors, an estimate without a floor offering its point;
   ``high`` = the largest ceiling, an estimate without a ceiling offering its point;
   ``best`` = the median of the points, rounded half up. So low <= best <= high always holds.
   ``low_open`` is true when no estimate that reaches ``low`` has a floor there (the true value may
   be lower, e.g. "up to 10,000"); ``high_open`` likewise for ``high`` ("more than 10,000").
4. **Bases stay apart, and are also combined.** Sizes are computed separately for ``declared``,
   ``estimated`` and ``reported`` claims, and once more over all claims (basis ``combined``).
5. **Totals from contingents are flagged, never silent.** When an exercise has no whole-exercise
   claim for a quantity in a basis, but every counted participant (host, participant, partial) has
   a contingent size in that basis, a total is derived by summing the contingents' low, best and high
   (method ``derived_from_contingents``; open flags carried over). With any contingent missing,
   no total is derived.
6. **Zero is a value.** A claim of 0 gives a size of 0; an exercise with no claim has no size row.

Caveat for users: ``best`` is a median over estimates, so a figure repeated by many outlets weighs
more than one given once. Where declared and third-party figures diverge (Zapad-2017: declared
12,700, estimated up to 100,000), the ``combined`` best follows whichever side has more claims;
compare the ``declared`` and ``estimated`` rows (or ``troops_declared_best`` and
``troops_estimated_best`` in the exercises table) instead of relying on the combined figure.
"""

from __future__ import annotations

import polars as pl

from military_exercises.vocab import CEILING_QUALIFIERS, FLOOR_QUALIFIERS

RULE = __doc__.split("The rule (also in CODEBOOK.md, generated from :data:`RULE`):", 1)[1].strip()

SIZE_KEY = ["exercise_id", "scope", "country_iso3", "quantity", "basis", "method"]
_GROUP = ["exercise_id", "country_iso3", "quantity", "basis"]


def claim_intervals(claims: pl.LazyFrame) -> pl.LazyFrame:
    """Add ``floor``, ``ceiling`` and ``point`` to claims (step 1 of the rule)."""
    q = pl.col("qualifier")
    midpoint = (pl.col("low") + pl.col("high") + 1) // 2
    return claims.with_columns(
        floor=pl.when(q == "range")
        .then(pl.col("low"))
        .when(q.is_in(list(CEILING_QUALIFIERS)))
        .then(pl.lit(None, dtype=pl.Int64))
        .otherwise(pl.col("value")),
        ceiling=pl.when(q == "range")
        .then(pl.col("high"))
        .when(q.is_in(list(FLOOR_QUALIFIERS)))
        .then(pl.lit(None, dtype=pl.Int64))
        .otherwise(pl.col("value")),
        point=pl.when(q == "range").then(midpoint).otherwise(pl.col("value")),
    )


def _estimates(claims: pl.LazyFrame) -> pl.LazyFrame:
    """Step 2: one row per estimate (a lone claim, or the summed components of one source); a lone
    whole-exercise part is left out."""
    parts_of_source = pl.len().over([*_GROUP, "source_id", pl.col("component").is_not_null()])
    lone_part = pl.col("country_iso3").is_null() & pl.col("component").is_not_null() & (parts_of_source == 1)
    with_iv = claim_intervals(claims.filter(~lone_part)).with_columns(
        estimate_key=pl.when(pl.col("component").is_null())
        .then(pl.col("claim_id"))
        .otherwise(pl.lit("components:") + pl.col("source_id"))
    )
    return with_iv.group_by([*_GROUP, "estimate_key"]).agg(
        floor=pl.when(pl.col("floor").null_count() == 0).then(pl.col("floor").sum()),
        ceiling=pl.when(pl.col("ceiling").null_count() == 0).then(pl.col("ceiling").sum()),
        point=pl.col("point").sum(),
        claim_ids=pl.col("claim_id"),
        source_ids=pl.col("source_id"),
    )


def _combine(estimates: pl.LazyFrame, group: list[str]) -> pl.LazyFrame:
    """Step 3: estimates -> low, best, high with open flags and the claims used."""
    low_candidate = pl.coalesce("floor", "point")
    high_candidate = pl.coalesce("ceiling", "point")
    return (
        estimates.group_by(group)
        .agg(
            low=low_candidate.min(),
            high=high_candidate.max(),
            best=(pl.col("point").cast(pl.Float64).median() + 0.5).floor().cast(pl.Int64),
            low_closed=(pl.col("floor") == low_candidate.min()).fill_null(False).any(),
            high_closed=(pl.col("ceiling") == high_candidate.max()).fill_null(False).any(),
            claim_ids=pl.col("claim_ids").list.explode(keep_nulls=False, empty_as_null=False).unique().sort(),
            n_sources=pl.col("source_ids")
            .list.explode(keep_nulls=False, empty_as_null=False)
            .n_unique()
            .cast(pl.Int64),
        )
        .with_columns(
            low_open=~pl.col("low_closed"),
            high_open=~pl.col("high_closed"),
            n_claims=pl.col("claim_ids").list.len().cast(pl.Int64),
            method=pl.lit("claims"),
        )
        .drop("low_closed", "high_closed")
    )


def reconcile(claims: pl.DataFrame, participants: pl.DataFrame) -> pl.DataFrame:
    """Turn the claims table into the sizes table (one row per exercise, scope, quantity, basis, method).

    ``claims`` needs the columns claim_id, exercise_id, quantity, country_iso3, qualifier, value,
    low, high, basis, source_id, component; ``participants`` needs exercise_id, iso3, role.
    """
    lazy = claims.lazy().select(
        "claim_id",
        "exercise_id",
        "quantity",
        "country_iso3",
        "qualifier",
        "value",
        "low",
        "high",
        "basis",
        "source_id",
        "component",
    )
    per_basis = _estimates(lazy)
    combined = _estimates(lazy.with_columns(basis=pl.lit("combined")))
    sized = _combine(pl.concat([per_basis, combined]), _GROUP)

    # Step 5: totals derived from contingents when every counted participant has one.
    counted = (
        participants.lazy()
        .filter(pl.col("role").is_in(["host", "participant", "partial"]))
        .group_by("exercise_id")
        .agg(n_counted=pl.len())
    )
    contingents = sized.filter(pl.col("country_iso3").is_not_null())
    derived = (
        contingents.group_by(["exercise_id", "quantity", "basis"])
        .agg(
            low=pl.col("low").sum(),
            best=pl.col("best").sum(),
            high=pl.col("high").sum(),
            low_open=pl.col("low_open").any(),
            high_open=pl.col("high_open").any(),
            claim_ids=pl.col("claim_ids").list.explode(keep_nulls=False, empty_as_null=False).unique().sort(),
            n_countries=pl.len(),
            n_sources=pl.col("n_sources").max(),
        )
        .join(counted, on="exercise_id", how="inner")
        .filter(pl.col("n_countries") == pl.col("n_counted"))
        .join(
            sized.filter(pl.col("country_iso3").is_null()).select("exercise_id", "quantity", "basis"),
            on=["exercise_id", "quantity", "basis"],
            how="anti",
        )
        .with_columns(
            country_iso3=pl.lit(None, dtype=pl.String),
            n_claims=pl.col("claim_ids").list.len().cast(pl.Int64),
            method=pl.lit("derived_from_contingents"),
        )
        .drop("n_countries", "n_counted")
    )
    # n_sources of a derived total: distinct sources behind its claims, recomputed below.
    out = pl.concat([sized, derived], how="diagonal_relaxed").with_columns(
        scope=pl.when(pl.col("country_iso3").is_null()).then(pl.lit("exercise")).otherwise(pl.lit("country"))
    )
    sources_of_claims = claims.lazy().select("claim_id", "source_id")
    n_sources = (
        out.select([*SIZE_KEY, "claim_ids"])
        .explode("claim_ids")
        .join(sources_of_claims, left_on="claim_ids", right_on="claim_id", how="left")
        .group_by(SIZE_KEY)
        .agg(n_sources=pl.col("source_id").n_unique().cast(pl.Int64))
    )
    result = (
        out.drop("n_sources")
        .join(n_sources, on=SIZE_KEY, how="left", nulls_equal=True)
        .select(
            *SIZE_KEY,
            "low",
            "best",
            "high",
            "low_open",
            "high_open",
            "n_claims",
            "n_sources",
            "claim_ids",
        )
        .sort(SIZE_KEY, nulls_last=False)
        .collect()
    )
    return result
