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
# # 2. Central Asia: the July 2018 Gorno-Badakhshan drill, and who exercises with Tajikistan
#
# A case study built around one record, `2018-07-tajikistan-russia-gbao`: what each source said about
# its size, how the reconciliation rule turns those claims into one low / best / high, and where the
# drill sits among Russia's and China's exercises with Tajikistan and the rest of Central Asia.
#
# (jupytext percent script; the `.ipynb` is generated and git-ignored. Runs in `make notebooks`.)

# %%
import polars as pl

from military_exercises import (
    cite,
    exercises_per_year,
    filter_country,
    filter_exercises,
    load_claims,
    load_exercises,
    load_sizes,
    partners,
    plot_timeline,
)

pl.Config.set_tbl_rows(20)
pl.Config.set_fmt_str_lengths(50)
pl.Config.set_tbl_cols(12)
EXERCISE = "2018-07-tajikistan-russia-gbao"
ex = load_exercises()
ex.filter(pl.col("exercise_id") == EXERCISE).select(
    "exercise_id", "start", "end", "hosts", "participants", "location_place", "domains", "purposes"
)

# %% [markdown]
# ## What the sources said
#
# Every number is a claim: one value from one source, with its qualifier ("more than", "up to",
# "about"), its basis (declared by a participating government, estimated by a named third party, or
# reported by the media) and, for contingents, the state it counts. `floor` and `ceiling` are the
# bounds the claim allows; a missing one is an open side.

# %%
claims = load_claims().filter(pl.col("exercise_id") == EXERCISE)
troop_claims = claims.filter(pl.col("quantity") == "troops").select(
    "country_iso3", "qualifier", "value", "component", "basis", "claimant", "source_id", "floor", "ceiling", "point"
)
troop_claims.sort("country_iso3", "source_id", nulls_last=False)

# %% [markdown]
# The sources do not agree on a single figure: some give the whole exercise with different hedges,
# others give parts (components of one source's figure) or one state's contingent. Count them:

# %%
troop_claims.group_by("country_iso3", "qualifier", "basis").agg(
    pl.len().alias("claims"), pl.col("point").min().alias("min_point"), pl.col("point").max().alias("max_point")
).sort("country_iso3", "qualifier", nulls_last=False)

# %% [markdown]
# ## How reconciliation resolves them
#
# The rule (CODEBOOK.md): each claim becomes an interval and a point; components of one source add up;
# per exercise, scope and basis, `low` is the smallest floor, `high` the largest ceiling (a claim without
# a floor or ceiling offering its point), `best` the median of the points; open flags mark a side that
# no claim bounds. Declared, estimated and reported claims are reconciled apart and together
# (`combined`). A whole-exercise total is derived from contingents only when every participant has one.

# %%
sizes = load_sizes().filter(pl.col("exercise_id") == EXERCISE, pl.col("quantity") == "troops")
sizes.select(
    "scope", "country_iso3", "basis", "method", "low", "best", "high", "low_open", "high_open", "n_claims", "n_sources"
).sort("scope", "country_iso3", "basis", nulls_last=False)

# %% [markdown]
# The headline figures in the exercises table come from the `combined` basis, and the per-basis best
# figures sit beside them:

# %%
ex.filter(pl.col("exercise_id") == EXERCISE).select(
    "troops_low",
    "troops_best",
    "troops_high",
    "troops_low_open",
    "troops_high_open",
    "troops_method",
    "troops_declared_best",
    "troops_estimated_best",
    "troops_reported_best",
)

# %%
print(cite(EXERCISE))

# %% [markdown]
# ## Tajikistan's exercise partners
#
# Partners are the other states taking part (observers excluded), ranked by the number of joint
# exercises in the dataset.

# %%
partners(ex, "TJK").head(10)

# %% [markdown]
# Russia's and China's exercises with Tajikistan, year by year (exercises where both states take part
# in a counted role):

# %%
with_tjk = filter_country(ex, "TJK")
by_partner = pl.concat(
    [
        exercises_per_year(filter_country(with_tjk, partner), start=2000, end=2025).with_columns(
            pl.lit(partner).alias("partner")
        )
        for partner in ("RUS", "CHN")
    ]
)
by_partner.pivot(on="partner", index="year", values="n_exercises").filter(
    (pl.col("RUS") > 0) | (pl.col("CHN") > 0)
)

# %%
plot_timeline(
    filter_country(with_tjk, ["RUS", "CHN"]),
    title="Exercises with Tajikistan and Russia or China (area ∝ troops; bars: low–high)",
);

# %% [markdown]
# ## Russia with Central Asian partners
#
# How many exercises did Russia hold with at least one Central Asian state each year, and how large were
# they (headline troops, low / best / high summed over the exercises that have a figure)?

# %%
CENTRAL_ASIA = ["KAZ", "KGZ", "TJK", "TKM", "UZB"]
rus_ca = filter_exercises(filter_country(ex, "RUS"), countries=CENTRAL_ASIA)
from military_exercises import troops_per_year  # noqa: E402

troops_per_year(rus_ca, start=2005, end=2025).filter(pl.col("n_exercises") > 0)

# %%
# Which Central Asian states, and under which organisation:
rus_ca.select(
    "exercise_id",
    "organisation",
    pl.col("participants").list.set_intersection(CENTRAL_ASIA).alias("central_asian_participants"),
    "troops_best",
).sort("exercise_id")
