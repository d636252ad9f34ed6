# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 3. Sizes and uncertainty: declared vs estimated, statistics over draws
#
# Exercise sizes are uncertain twice over: sources disagree, and many figures are hedged ("more than
# 10,000", "up to 3,000"). The release keeps both: every claim, and a reconciled low / best / high with
# open-ended flags. This notebook compares declared and estimated figures, then answers a question
# ("did exercises get larger from 2014 on?") as an interval over random draws instead of a single number.
#
# (jupytext percent script; runs in `make notebooks`.)

# %%
import polars as pl

from military_exercises import (
    add_period,
    draw_sizes,
    load_exercises,
    load_sizes,
    over_draws,
    plot_size_distribution,
    plot_troops_per_year,
    summarise_draws,
    troops_per_year,
)

pl.Config.set_tbl_rows(15)
ex = load_exercises()

# %% [markdown]
# ## Declared vs estimated
#
# `troops_declared_best` comes from claims of participating governments only, `troops_estimated_best`
# from named third parties (think tanks, other governments), `troops_reported_best` from media reports.
# Where both a declared and an estimated figure exist, their ratio shows how far they part.

# %%
both = ex.filter(pl.col("troops_declared_best").is_not_null() & pl.col("troops_estimated_best").is_not_null())
both.select(
    "exercise_id",
    "troops_declared_best",
    "troops_estimated_best",
    (pl.col("troops_estimated_best") / pl.col("troops_declared_best")).round(2).alias("estimated_over_declared"),
).sort("estimated_over_declared", descending=True)

# %%
# How often each basis is available, and how often a figure is open-ended
load_sizes().filter(pl.col("quantity") == "troops", pl.col("scope") == "exercise").group_by("basis").agg(
    pl.col("exercise_id").n_unique().alias("exercises"),
    pl.col("high_open").sum().alias("open_above"),
    pl.col("low_open").sum().alias("open_below"),
).sort("basis")

# %% [markdown]
# ## Summing bounds, not just best values
#
# A yearly total has a low (sum of lows), a best (sum of bests) and a high (sum of highs). A `high_open`
# total contains at least one "more than" figure, so even its high is not a ceiling.

# %%
yearly = troops_per_year(ex, start=2010)
yearly.tail(10)

# %% [markdown]
# ## Draws
#
# `draw_sizes` makes N plausible datasets. The rule (docs/analysis.md): each size is drawn from a
# triangular distribution on [low, high] with mode best; an open upper side is extended to
# high × 1.5 and an open lower side to low / 1.5 first; missing sizes stay missing; a seed makes the
# draws reproducible. Here, 300 draws of the yearly sums:

# %%
per_draw = over_draws(ex, troops_per_year, n_draws=300, seed=2018)
intervals = summarise_draws(per_draw.filter(pl.col("year") >= 2010), value="troops_best", by="year")
intervals.tail(8)

# %%
plot_troops_per_year(yearly, draws=intervals);

# %% [markdown]
# ## Did exercises get larger from 2014 on?
#
# Median and mean headline size before 2014 and from 2014 on, per draw, then summarised over the draws
# with 90% intervals. The comparison uses only exercises that have a figure, and the dataset's coverage
# of the early years is thin: read the intervals as uncertainty from the size figures alone, not from
# which exercises were recorded.

# %%
periods = add_period(ex, breaks=[2014])
draws = draw_sizes(periods, n_draws=500, seed=7, columns=["exercise_id", "period", *[c for c in ex.columns if c.startswith("troops_")]])
stats = draws.drop_nulls("troops_draw").group_by("draw", "period").agg(
    pl.col("troops_draw").median().alias("median_size"),
    pl.col("troops_draw").mean().alias("mean_size"),
    pl.len().alias("n"),
)
pl.concat(
    [
        summarise_draws(stats, value="median_size", by="period").with_columns(pl.lit("median").alias("statistic")),
        summarise_draws(stats, value="mean_size", by="period").with_columns(pl.lit("mean").alias("statistic")),
    ]
)

# %%
# The difference (from 2014 on minus before), per draw, and its interval
diff = stats.pivot(on="period", index="draw", values="median_size").with_columns(
    (pl.col("2014+") - pl.col("<2014")).alias("median_difference")
)
summarise_draws(diff, value="median_difference")

# %%
plot_size_distribution(periods, by="period");

# %% [markdown]
# ## How much does the open-side rule matter?
#
# The extension factor for "more than" / "up to" figures is a modelling choice. Re-running the yearly
# totals with factors 1 (treat the stated bound as hard), 1.5 (default) and 2 shows how sensitive a
# result is to it.

# %%
sensitivity = pl.concat(
    [
        summarise_draws(
            over_draws(ex, troops_per_year, n_draws=200, seed=1, open_factor=factor).filter(pl.col("year") >= 2020),
            value="troops_best",
            by="year",
        ).with_columns(pl.lit(factor).alias("open_factor"))
        for factor in (1.0, 1.5, 2.0)
    ]
)
sensitivity.pivot(on="open_factor", index="year", values="median")

# %% [markdown]
# ## How much do the unsized exercises matter?
#
# The draws above leave exercises without any size out of the totals, so every yearly total is a
# floor: `troops_per_year` says so with `n_sized` below `n_exercises` and `high_open`. One way to see
# how much that floor could move is hot-deck imputation (`impute="hot_deck"`, off by default): in
# each draw, an unsized exercise takes the drawn size of a sized exercise of the same region and kind
# (national, bilateral, multilateral), falling back to the region alone, then to every sized exercise,
# when a stratum has fewer than five donors. The output names every imputed value (`imputed`,
# `impute_stratum`; `n_imputed` per draw in `over_draws`).
#
# This is a sensitivity check, not an estimate: donors are the exercises someone reported a size
# for, and those are likely the larger ones, so imputation probably overstates the unsized.
# Curated census years only (upstream rows hold no sizes at all).

# %%
census = ex.filter(pl.col("year").is_between(2015, 2025), pl.col("source_file").str.starts_with("dataset/sources/"))
without = summarise_draws(over_draws(census, troops_per_year, n_draws=200, seed=11), value="troops_best", by="year")
with_imputed = over_draws(census, troops_per_year, n_draws=200, seed=11, impute="hot_deck")
imputed = summarise_draws(with_imputed, value="troops_best", by="year")
moved = without.select("year", median_sized_only="median").join(
    imputed.select("year", median_with_imputed="median"), on="year"
).with_columns(ratio=(pl.col("median_with_imputed") / pl.col("median_sized_only")).round(2))
moved.join(troops_per_year(census).select("year", "n_exercises", "n_sized"), on="year")

# %%
# which strata the donors came from, in one draw
draw_sizes(census, n_draws=1, seed=11, impute="hot_deck").filter(pl.col("imputed")).group_by(
    "impute_stratum"
).len().sort("len", descending=True).head(8)
