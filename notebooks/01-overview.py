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
# # 1. Overview of the dataset: coverage, trends, largest exercises
#
# This notebook is a jupytext "percent" script: the `.py` file is the source under version control.
# Open it in Jupyter (with jupytext installed, "Open as notebook") or pair it with
# `jupytext --sync notebooks/01-overview.py`; the `.ipynb` copy is git-ignored. It runs top to bottom
# in the test suite (`make notebooks`).
#
# Everything below is computed from the release (`make dataset`); no number is typed in by hand.

# %%
import polars as pl

from military_exercises import (
    co_participation,
    data_version,
    exercises_per_year,
    largest_exercises,
    load_coverage,
    load_exercises,
    load_participants,
    plot_coverage,
    plot_exercises_per_year,
    plot_partner_heatmap,
    plot_size_distribution,
    size_summary,
    troops_per_year,
)

pl.Config.set_tbl_rows(15)
pl.Config.set_fmt_str_lengths(60)
ex = load_exercises()
parts = load_participants()
print("data version:", data_version())

# %% [markdown]
# ## Coverage
#
# How many exercises, over which years, and how many carry a troop figure. The release stacks three
# sources: JME alone (1970-1979), MME and JME (1980-2010, no sizes) and the curated census
# (2011-2026, built record by record from cited sources). Their completeness differs, so a change at
# 2010/2011 is a change of source before it is a change of activity. The `coverage` table sets each
# year against a baseline (MME's 2000-2010 rate of multinational exercises).

# %%
ex.group_by("provenance").len().sort("provenance")

# %%
cov = load_coverage()
plot_coverage(cov);

# %%
cov.filter(pl.col("region") == "(all)", pl.col("year") >= 2006).select(
    "year", "coverage_period", "n_exercises", "n_multinational", "baseline_multinational", "est_completeness"
)

# %%
coverage = ex.select(
    pl.len().alias("exercises"),
    pl.col("year").min().alias("first_year"),
    pl.col("year").max().alias("last_year"),
    pl.col("troops_best").is_not_null().sum().alias("with_troops"),
    pl.col("troops_high_open").fill_null(False).sum().alias("open_ended_high"),
    pl.col("lat").is_not_null().sum().alias("with_coordinates"),
    pl.col("n_sources").sum().alias("source_citations"),
)
coverage

# %%
ex.group_by("region").agg(
    pl.len().alias("exercises"), pl.col("troops_best").is_not_null().mean().round(2).alias("share_with_troops")
).sort("exercises", descending=True)

# %% [markdown]
# ## Trends
#
# Exercises per year by region of location (the region of the country where the exercise took place,
# else of its single host, else of its sea area), and the headline troop figures summed per year with
# their low and high bounds summed separately. The troop sums from 2005 cross the seam: before 2011
# most rows come from MME, which holds no sizes, so the sums rest on the few curated records of those
# years (compare `n_sized` with `n_exercises`, and note `high_open`).

# %%
plot_exercises_per_year(ex);

# %%
per_year = exercises_per_year(ex, start=2005)
yearly_troops = troops_per_year(ex, start=2005)
per_year.join(yearly_troops.drop("n_exercises"), on="year").tail(12)

# %% [markdown]
# ## Largest exercises
#
# By best troop figure, with the low–high range and the open-ended flags ("more than ...").

# %%
largest_exercises(ex, n=10)

# %%
size_summary(ex, by="region")

# %%
plot_size_distribution(ex);

# %% [markdown]
# ## Who exercises with whom
#
# Pairs of states by number of joint exercises (observers excluded), and the matrix for the most active
# states.

# %%
co_participation(ex).head(10)

# %%
plot_partner_heatmap(ex, top=12);
