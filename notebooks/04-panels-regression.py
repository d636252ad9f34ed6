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
# # 4. Panels: state-years, dyad-years and a simple regression
#
# Peace-science analyses join data on state-years or dyad-years. `country_year` and `dyad_year` build
# those frames over the Gleditsch-Ward or COW state system (membership shipped in
# `dataset/mappings/state_system_*.csv`), with **zero rows** for state-years and pairs without a
# recorded exercise; `add_exercises` joins the same measures onto a frame you already have.
#
# The regressions below are illustrations of the workflow, not findings: the dataset's coverage is
# uneven across years and regions, and a zero means "no exercise recorded here".
#
# (jupytext percent script; runs in `make notebooks`.)

# %%
import numpy as np
import polars as pl

from military_exercises import (
    add_exercises,
    country_year,
    draw_sizes,
    dyad_year,
    load_countries,
    load_exercises,
    load_participants,
    pool_rubin,
    state_years,
    unmatched_participations,
)

parts = load_participants()
cy = country_year(parts, system="gw", start_year=2000, end_year=2025)
# 2000-2025 crosses the 2010/2011 seam: each row names its coverage_period; MME-era contingents are unknown
cy.filter(pl.col("gw_code") == 702).tail(8)  # Tajikistan

# %% [markdown]
# Participations that a panel cannot place (a state with no code in the system, or a code not in the
# system that year) are listed rather than dropped silently:

# %%
unmatched_participations(parts, system="gw").select("exercise_id", "iso3", "gw_code", "year", "role")

# %% [markdown]
# ## The full directed dyad-year panel
#
# Every ordered pair of states in the system in the same year, 1946–2026: a few million rows, built lazily.
# The data start in the 1970s: years before the first exercise hold null counts, not zeros.

# %%
import time  # noqa: E402

started = time.perf_counter()
dy = dyad_year(parts, system="gw", directed=True, start_year=1946, end_year=2026)
print(f"{dy.height:,} dyad-years in {time.perf_counter() - started:.2f} s")
dy.filter(pl.col("n_joint") > 0).sort("n_joint", descending=True).head(5)

# %% [markdown]
# ## Joining onto your own frame
#
# Suppose you have a state-year frame with covariates from elsewhere. Here we make one from the
# countries table (region dummies) and the state system; `add_exercises` adds the exercise measures by
# code and year, keeping your rows as they are.

# %%
countries = load_countries().select("gw_code", "region").drop_nulls("gw_code").unique("gw_code")
mine = (
    state_years(system="gw", start_year=2010, end_year=2025, microstates=False)
    .join(countries, on="gw_code", how="left")
    .with_columns(pl.col("region").fill_null("(unknown)"))
)
mine = add_exercises(mine, parts, system="gw")
mine.head()

# %% [markdown]
# ## A state-year regression
#
# Linear model of a state's number of exercises in year t on its number in t − 1 and a post-2014
# indicator, with region fixed effects (ordinary least squares, plain numpy).

# %%
def ols(y: np.ndarray, X: np.ndarray, names: list[str]) -> pl.DataFrame:
    """OLS estimates with classical standard errors."""
    beta, *_ = np.linalg.lstsq(X, y, rcond=None)
    resid = y - X @ beta
    dof = X.shape[0] - X.shape[1]
    sigma2 = float(resid @ resid) / dof
    cov = sigma2 * np.linalg.inv(X.T @ X)
    return pl.DataFrame({"term": names, "estimate": beta, "std_error": np.sqrt(np.diag(cov))})


lagged = mine.sort("gw_code", "year").with_columns(
    pl.col("n_exercises").shift(1).over("gw_code").alias("n_exercises_lag")
).drop_nulls("n_exercises_lag")
regions = sorted(lagged["region"].unique().to_list())
X = np.column_stack(
    [
        lagged["n_exercises_lag"].to_numpy().astype(float),
        (lagged["year"] >= 2014).to_numpy().astype(float),
        *[(lagged["region"] == r).to_numpy().astype(float) for r in regions],
    ]
)
ols(lagged["n_exercises"].to_numpy().astype(float), X, ["n_exercises_lag", "post_2014", *regions])

# %% [markdown]
# ## A dyad-year model
#
# Undirected pairs, 2010–2025: does a joint exercise last year go with one this year? (Linear
# probability model; pairs that never exercised together dominate the panel.)

# %%
dy_u = dyad_year(parts, system="gw", directed=False, start_year=2009, end_year=2025)
dy_u = dy_u.sort("gw_code1", "gw_code2", "year").with_columns(
    (pl.col("n_joint") > 0).cast(pl.Float64).alias("any_joint"),
    (pl.col("n_joint").shift(1).over("gw_code1", "gw_code2") > 0).cast(pl.Float64).alias("any_joint_lag"),
).drop_nulls("any_joint_lag")
Xd = np.column_stack([np.ones(dy_u.height), dy_u["any_joint_lag"].to_numpy()])
ols(dy_u["any_joint"].to_numpy(), Xd, ["intercept", "any_joint_lag"])

# %% [markdown]
# ## Carrying size uncertainty into a regression
#
# The UCDP practice: estimate the model on each of N drawn datasets and pool the estimates with
# Rubin's rules. Here: log headline troops of an exercise on a post-2014 indicator and the number of
# participating states, over 200 draws.

# %%
ex = load_exercises()
draws = draw_sizes(
    ex.filter(pl.col("troops_best").is_not_null()),
    n_draws=200,
    seed=42,
    columns=["exercise_id", "year", "n_participants", "troops_low", "troops_best", "troops_high",
             "troops_low_open", "troops_high_open"],
)
rows = []
for (draw,), part in draws.filter(pl.col("troops_draw") > 0).group_by("draw", maintain_order=True):
    Xs = np.column_stack(
        [np.ones(part.height), (part["year"] >= 2014).to_numpy().astype(float), part["n_participants"].to_numpy()]
    )
    fit = ols(np.log(part["troops_draw"].to_numpy().astype(float)), Xs, ["intercept", "post_2014", "n_participants"])
    rows.append(fit.with_columns(pl.lit(draw).alias("draw")))
per_draw = pl.concat(rows)
pool_rubin(per_draw, by="term")
