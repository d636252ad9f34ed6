"""Validate: one pandera ``DataFrameModel`` per published table — the single source of truth.

Column names, types, nullability, vocabularies, keys and row rules live here; ``CODEBOOK.md`` and
``datapackage.json`` are generated from these models (see :mod:`military_exercises.pipeline.codebook`).
Foreign keys span tables, so they are checked by :func:`foreign_key_problems`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any, NamedTuple

import pandera.polars as pa
import polars as pl

from military_exercises.vocab import (
    BASES,
    CENSUS_YEARS,
    COORDINATE_PRECISIONS,
    DATE_PRECISIONS,
    EXERCISE_KINDS,
    LOCATION_PRECISIONS,
    NOT_HELD_STATUSES,
    PROVENANCES,
    QUALIFIERS,
    QUANTITIES,
    REGIONS,
    ROLES,
    SERIES_FREQUENCIES,
    SERIES_YEAR_STATUSES,
    SIZE_BASES,
    SIZE_METHODS,
    SIZE_SCOPES,
    UPSTREAM_ROW_STATUSES,
)

StrList = pl.List(pl.String)


def _f(description: str, **kwargs: Any) -> Any:
    return pa.Field(description=description, **kwargs)


class _Base(pa.DataFrameModel):
    class Config:
        strict = True
        coerce = False
        ordered = True


class Exercises(_Base):
    """Exercises: one row per exercise."""

    exercise_id: str = _f("Stable slug; the source record's file name.", unique=True)
    name: str = _f("Name as reported (null for unnamed drills).", nullable=True)
    series: str = _f("Recurring series the exercise belongs to (Zapad, RIMPAC, ...).", nullable=True)
    start: str = _f("Start date as written: YYYY, YYYY-MM or YYYY-MM-DD.")
    end: str = _f("End date as written; null when no source gives it.", nullable=True)
    start_date: dt.date = _f("Earliest day the start can mean (first day of its month/year).")
    start_precision: str = _f("Precision of start.", isin=list(DATE_PRECISIONS))
    end_date: dt.date = _f("Latest day the end can mean (last day of its month/year).", nullable=True)
    end_precision: str = _f("Precision of end.", isin=list(DATE_PRECISIONS), nullable=True)
    duration_days: pl.Int64 = _f(
        "Days from start to end inclusive; only when both dates are day-precise.", nullable=True, ge=1
    )
    year: pl.Int64 = _f("Year of start.", ge=1900, le=2100)
    organisation: str = _f("Organisation under which the exercise ran (NATO, CSTO, SCO, ...).", nullable=True)
    hosts: StrList = _f("ISO3 codes of host states, sorted.")
    participants: StrList = _f("ISO3 codes of hosts, participants and partial participants, sorted.")
    observers: StrList = _f("ISO3 codes of states that only sent observers, sorted.")
    n_participants: pl.Int64 = _f("Number of distinct states in participants (observers excluded).", ge=1)
    kind: str = _f(
        "national (one state), bilateral (two) or multilateral (three or more), from n_participants.",
        isin=list(EXERCISE_KINDS),
    )
    n_states_stated: pl.Int64 = _f(
        "Number of participating states a source states ('31 nations'), reconciled (combined best).",
        nullable=True,
        ge=1,
    )
    participants_complete: bool = _f(
        "True when a cited page gives the organiser's full list, or the listed states (observers "
        "included) reach the stated number; false when a source states more; null when nothing says.",
        nullable=True,
    )
    domains: StrList = _f("Domains: land, air, sea, amphibious, cyber, space, command_post.")
    purposes: StrList = _f("Purposes named by the sources (warfighting, counter_terrorism, ...).")
    location_country_iso3: str = _f("ISO3 code of the country where it took place.", nullable=True)
    location_admin1: str = _f("ISO 3166-2 code of the first-level area.", nullable=True)
    location_place: str = _f("Place as reported: training ground, town, base.", nullable=True)
    location_sea: str = _f("Sea area(s) of a naval exercise, as the record writes them.", nullable=True)
    seas: StrList = _f(
        "The seas of dataset/mappings/seas.csv the exercise took place in: those of location_sea, then "
        "those its place text names (whole words; sea_aliases.csv maps other spellings). For filtering "
        "by sea; the free text stays in location_place."
    )
    lat: pl.Float64 = _f(
        "Latitude, decimal degrees (see coordinates_precision).", nullable=True, ge=-90, le=90
    )
    lon: pl.Float64 = _f(
        "Longitude, decimal degrees (see coordinates_precision).", nullable=True, ge=-180, le=180
    )
    coordinates_precision: str = _f(
        "point (a cited page gives lat/lon), upstream_geocode (MME's point for its place text), "
        "country_centroid or country_capital (the location country's point, from "
        "dataset/mappings/country_points.csv), sea_area (the point of the exercise's first catalogued "
        "sea with a Natural Earth polygon, from dataset/mappings/sea_points.csv: for records located "
        "at sea, and for those no other point places); null when nothing places the exercise.",
        nullable=True,
        isin=list(COORDINATE_PRECISIONS),
    )
    location_precision: str = _f("How precise the location is.", isin=list(LOCATION_PRECISIONS))
    region: str = _f(
        "Region of the location country, else of the hosts (when all share one), else of the sea area.",
        nullable=True,
        isin=list(REGIONS),
    )
    troops_low: pl.Int64 = _f(
        "Headline troops, low (combined basis; see troops_method).", nullable=True, ge=0
    )
    troops_best: pl.Int64 = _f("Headline troops, best estimate.", nullable=True, ge=0)
    troops_high: pl.Int64 = _f("Headline troops, high.", nullable=True, ge=0)
    troops_low_open: bool = _f("True when the true figure may lie below troops_low.", nullable=True)
    troops_high_open: bool = _f("True when the true figure may lie above troops_high.", nullable=True)
    troops_method: str = _f(
        "'claims' (whole-exercise claims) or 'derived_from_contingents'.",
        nullable=True,
        isin=list(SIZE_METHODS),
    )
    troops_declared_best: pl.Int64 = _f("Best troops figure from declared claims only.", nullable=True, ge=0)
    troops_estimated_best: pl.Int64 = _f(
        "Best troops figure from third-party estimates only.", nullable=True, ge=0
    )
    troops_reported_best: pl.Int64 = _f(
        "Best troops figure from unattributed media reports only.", nullable=True, ge=0
    )
    has_equipment_claims: bool = _f("True when any claim counts equipment (tanks, ships, aircraft, ...).")
    n_claims: pl.Int64 = _f("Number of claims recorded for the exercise.", ge=0)
    n_sources: pl.Int64 = _f("Number of sources cited by the record.", ge=1)
    planned: bool = _f(
        "True when the record describes an exercise announced before it was held (the record says so)."
    )
    provenance: str = _f(
        "curated (a source record), mme or jme (an upstream row), several (rows of more than one linked).",
        isin=list(PROVENANCES),
    )
    upstream_ids: StrList = _f("Upstream rows that are this exercise ('mme:mme87', 'jme:jme-r0002'), sorted.")
    notes: str = _f("Curator's notes, in their own words.", nullable=True)
    source_file: str = _f("Path of the source record, relative to the repository root.")

    @pa.dataframe_check
    def end_not_before_start(cls, data: Any) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("end_date").is_null() | (pl.col("end_date") >= pl.col("start_date"))
        )

    @pa.dataframe_check
    def troops_low_le_best_le_high(cls, data: Any) -> pl.LazyFrame:
        c = pl.col
        ok = (c("troops_low") <= c("troops_best")) & (c("troops_best") <= c("troops_high"))
        return data.lazyframe.select(ok.fill_null(c("troops_best").is_null()))

    @pa.dataframe_check
    def troops_all_or_none(cls, data: Any) -> pl.LazyFrame:
        c = pl.col
        n = c("troops_low").is_null().cast(pl.Int8) + c("troops_best").is_null() + c("troops_high").is_null()
        return data.lazyframe.select((n == 0) | (n == 3))

    @pa.dataframe_check
    def precision_matches_text(cls, data: Any) -> pl.LazyFrame:
        c = pl.col
        width = {"year": 4, "month": 7, "day": 10}

        def agrees(text: str, prec: str) -> pl.Expr:
            expr = pl.lit(False)
            for p, w in width.items():
                expr = expr | ((c(prec) == p) & (c(text).str.len_chars() == w))
            return expr

        ok = agrees("start", "start_precision") & (c("end").is_null() | agrees("end", "end_precision"))
        return data.lazyframe.select(ok)

    @pa.dataframe_check
    def duration_only_for_day_precise_dates(cls, data: Any) -> pl.LazyFrame:
        c = pl.col
        day_precise = (c("start_precision") == "day") & (c("end_precision") == "day")
        ok = (
            pl.when(day_precise)
            .then(c("duration_days") == (c("end_date") - c("start_date")).dt.total_days() + 1)
            .otherwise(c("duration_days").is_null())
        )
        return data.lazyframe.select(ok)

    @pa.dataframe_check
    def participant_count_is_distinct_participants(cls, data: Any) -> pl.LazyFrame:
        c = pl.col
        return data.lazyframe.select(c("n_participants") == c("participants").list.unique().list.len())

    @pa.dataframe_check
    def year_is_start_year(cls, data: Any) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("year") == pl.col("start_date").dt.year().cast(pl.Int64))

    @pa.dataframe_check
    def kind_follows_participant_count(cls, data: Any) -> pl.LazyFrame:
        n = pl.col("n_participants")
        kind = pl.when(n == 1).then(pl.lit("national")).when(n == 2).then(pl.lit("bilateral"))
        return data.lazyframe.select(pl.col("kind") == kind.otherwise(pl.lit("multilateral")))


class Participants(_Base):
    """Participants: one row per exercise and state."""

    exercise_id: str = _f("Exercise (foreign key to exercises).")
    iso3: str = _f(
        "ISO 3166-1 alpha-3 code of the state (foreign key to countries).",
        str_length={"min_value": 3, "max_value": 3},
    )
    country_name: str = _f("Short English name of the state.")
    gw_code: pl.Int64 = _f("Gleditsch-Ward code (microstates included).", nullable=True)
    cow_code: pl.Int64 = _f("Correlates of War state code.", nullable=True)
    role: str = _f("host, participant, observer or partial (only one component).", isin=list(ROLES))
    year: pl.Int64 = _f("Year of the exercise's start.")
    region: str = _f("Region of the state.", isin=list(REGIONS))
    troops_low: pl.Int64 = _f("This state's contingent, low (combined basis).", nullable=True, ge=0)
    troops_best: pl.Int64 = _f("This state's contingent, best estimate.", nullable=True, ge=0)
    troops_high: pl.Int64 = _f("This state's contingent, high.", nullable=True, ge=0)

    class Config:
        unique = ["exercise_id", "iso3"]

    @pa.dataframe_check
    def troops_low_le_best_le_high(cls, data: Any) -> pl.LazyFrame:
        c = pl.col
        ok = (c("troops_low") <= c("troops_best")) & (c("troops_best") <= c("troops_high"))
        return data.lazyframe.select(ok.fill_null(c("troops_best").is_null()))


class Claims(_Base):
    """Claims: one row per claim, as recorded in a source record."""

    claim_id: str = _f("'<exercise_id>/<claim id in the file>'.", unique=True)
    exercise_id: str = _f("Exercise (foreign key to exercises).")
    quantity: str = _f("What is counted.", isin=list(QUANTITIES))
    country_iso3: str = _f(
        "Contingent's state; null when the claim is about the whole exercise.", nullable=True
    )
    qualifier: str = _f("How the number was hedged.", isin=list(QUALIFIERS))
    value: pl.Int64 = _f("The stated number (null for ranges).", nullable=True, ge=0)
    low: pl.Int64 = _f("Lower end of a stated range.", nullable=True, ge=0)
    high: pl.Int64 = _f("Upper end of a stated range.", nullable=True, ge=0)
    basis: str = _f(
        "declared (a participating government), estimated (a named third party), reported (media).",
        isin=list(BASES),
    )
    claimant: str = _f("Who made the claim, as reported.", nullable=True)
    claimant_iso3: str = _f(
        "State of the claimant; a declared claim has this or claimant_organisation.", nullable=True
    )
    claimant_organisation: str = _f(
        "Organisation of the claimant (NATO, CSTO, ...); for declared claims, the one running the exercise.",
        nullable=True,
    )
    source_id: str = _f("Source (foreign key to sources).")
    component: str = _f(
        "Part of a source's figure (e.g. 'reservists'); parts of one source add up.", nullable=True
    )
    note: str = _f("Curator's note, in their own words.", nullable=True)
    floor: pl.Int64 = _f("Lowest value the claim allows (null when it sets no floor).", nullable=True, ge=0)
    ceiling: pl.Int64 = _f(
        "Highest value the claim allows (null when it sets no ceiling).", nullable=True, ge=0
    )
    point: pl.Int64 = _f("The claim's point value (a range's midpoint, rounded half up).", ge=0)

    @pa.dataframe_check
    def value_xor_range(cls, data: Any) -> pl.LazyFrame:
        c = pl.col
        is_range = c("qualifier") == "range"
        ok = (
            pl.when(is_range)
            .then(c("value").is_null() & c("low").is_not_null() & c("high").is_not_null())
            .otherwise(c("value").is_not_null() & c("low").is_null() & c("high").is_null())
        )
        return data.lazyframe.select(ok)

    @pa.dataframe_check
    def low_le_high(cls, data: Any) -> pl.LazyFrame:
        return data.lazyframe.select((pl.col("low") <= pl.col("high")).fill_null(True))

    @pa.dataframe_check
    def declared_has_a_claimant(cls, data: Any) -> pl.LazyFrame:
        c = pl.col
        has_claimant = c("claimant_iso3").is_not_null() | c("claimant_organisation").is_not_null()
        return data.lazyframe.select((c("basis") != "declared") | has_claimant)


class Sizes(_Base):
    """Sizes: reconciled figures."""

    exercise_id: str = _f("Exercise (foreign key to exercises).")
    scope: str = _f(
        "'exercise' (whole exercise) or 'country' (one state's contingent).", isin=list(SIZE_SCOPES)
    )
    country_iso3: str = _f("The contingent's state when scope is 'country'.", nullable=True)
    quantity: str = _f("What is counted.", isin=list(QUANTITIES))
    basis: str = _f("declared, estimated, reported, or combined (all claims).", isin=list(SIZE_BASES))
    method: str = _f(
        "'claims', or 'derived_from_contingents' (sum of every counted participant's contingent).",
        isin=list(SIZE_METHODS),
    )
    low: pl.Int64 = _f("Low figure (see the reconciliation rule).", ge=0)
    best: pl.Int64 = _f("Best figure: median of the estimates' points.", ge=0)
    high: pl.Int64 = _f("High figure.", ge=0)
    low_open: bool = _f("True when the true value may be below low (no claim sets a floor there).")
    high_open: bool = _f("True when the true value may be above high (no claim sets a ceiling there).")
    n_claims: pl.Int64 = _f("Claims used.", ge=1)
    n_sources: pl.Int64 = _f("Distinct sources behind those claims.", ge=1)
    claim_ids: StrList = _f("The claims used (foreign keys to claims), sorted.")

    class Config:
        unique = ["exercise_id", "scope", "country_iso3", "quantity", "basis", "method"]

    @pa.dataframe_check
    def low_le_best_le_high(cls, data: Any) -> pl.LazyFrame:
        c = pl.col
        return data.lazyframe.select((c("low") <= c("best")) & (c("best") <= c("high")))

    @pa.dataframe_check
    def scope_matches_country(cls, data: Any) -> pl.LazyFrame:
        c = pl.col
        return data.lazyframe.select((c("scope") == "country") == c("country_iso3").is_not_null())

    @pa.dataframe_check
    def claim_count_matches_ids(cls, data: Any) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("n_claims") == pl.col("claim_ids").list.len())


class Sources(_Base):
    """Sources: one row per cited page."""

    source_id: str = _f("'<publisher>-<yyyymmdd>-<words>'; one id per URL.", unique=True)
    publisher: str = _f("Outlet (wire agency in brackets).")
    title: str = _f("Headline of the page.")
    url: str = _f("Address of the page.", unique=True)
    published: str = _f("Publication date as written (YYYY, YYYY-MM or YYYY-MM-DD).", nullable=True)
    published_date: dt.date = _f("First day the publication date can mean.", nullable=True)
    published_precision: str = _f("Precision of published.", nullable=True, isin=list(DATE_PRECISIONS))
    language: str = _f("ISO 639-1 language of the page.", str_length={"min_value": 2, "max_value": 2})
    exercise_ids: StrList = _f("Exercises whose records cite this source, sorted.")


class Countries(_Base):
    """Countries: the code crosswalk."""

    iso3: str = _f("ISO 3166-1 alpha-3 code (XKX for Kosovo).", unique=True)
    name: str = _f("Short English name.")
    gw_code: pl.Int64 = _f("Gleditsch-Ward state code, microstates included.", nullable=True)
    cow_code: pl.Int64 = _f("Correlates of War state code.", nullable=True)
    gw_microstate: bool = _f("True when the G&W code comes from the G&W microstates list.")
    region: str = _f("Region used across the dataset.", isin=list(REGIONS))
    aliases: StrList = _f(
        "Lower-case names, demonyms and former names that mean this state "
        "(dataset/mappings/country_aliases.csv); the loaders accept them in place of codes."
    )


class Series(_Base):
    """Series: the catalogue of recurring exercise series (dataset/mappings/series.csv)."""

    series: str = _f("Name of the series, as every record of it writes it.", unique=True)
    aliases: StrList = _f("Other names and spellings of the series.")
    lead: StrList = _f("ISO3 codes of the leading state(s), when a page says.")
    organisation: str = _f("Organisation that runs the series (NATO, CSTO, ...).", nullable=True)
    usual_hosts: StrList = _f("ISO3 codes of the usual host state(s).")
    region: str = _f("Region where the series is usually held.", nullable=True, isin=list(REGIONS))
    domains: StrList = _f("Domains of the series.")
    frequency: str = _f("annual, biennial, irregular or other.", nullable=True, isin=list(SERIES_FREQUENCIES))
    first_known: pl.Int64 = _f(
        "Earliest year a cited page (or a record) shows the series held.", nullable=True
    )
    last_known: pl.Int64 = _f("Latest year a cited page (or a record) shows the series held.", nullable=True)
    n_exercises: pl.Int64 = _f("Exercises of the series in this release.", ge=0)
    first_year: pl.Int64 = _f(
        "Start year of the earliest exercise of the series in this release.", nullable=True
    )
    last_year: pl.Int64 = _f(
        "Start year of the latest exercise of the series in this release.", nullable=True
    )
    source_url: str = _f("A page that describes the series.")
    source_publisher: str = _f("Publisher of that page.", nullable=True)
    source_published: str = _f("Publication date of that page (YYYY, YYYY-MM or YYYY-MM-DD).", nullable=True)
    note: str = _f("Curator's note, in their own words.", nullable=True)


class SeriesYears(_Base):
    """Series years: each catalogued series in each census year it should be accounted for."""

    series: str = _f("Series (foreign key to series).")
    year: pl.Int64 = _f("Year.", ge=CENSUS_YEARS[0], le=CENSUS_YEARS[1])
    status: str = _f(
        "held (an exercise of the series started that year), not_held (a cited page says it was "
        "cancelled, postponed or merged), off_year (a biennial series' year without an edition) or "
        "open (nothing known yet).",
        isin=list(SERIES_YEAR_STATUSES),
    )
    n_exercises: pl.Int64 = _f("Exercises of the series that started that year.", ge=0)
    exercise_ids: StrList = _f("Those exercises (foreign keys to exercises), sorted.")
    not_held_status: str = _f(
        "cancelled, postponed, merged or not_held, for a not_held year.",
        nullable=True,
        isin=list(NOT_HELD_STATUSES),
    )
    source_url: str = _f("For a not_held year: the page that says so.", nullable=True)
    source_publisher: str = _f("Publisher of that page.", nullable=True)
    source_title: str = _f("Headline of that page.", nullable=True)
    source_published: str = _f("Publication date of that page.", nullable=True)
    note: str = _f("For a not_held year: the curator's note.", nullable=True)

    class Config:
        unique = ["series", "year"]

    @pa.dataframe_check
    def held_means_exercises(cls, data: Any) -> pl.LazyFrame:
        c = pl.col
        return data.lazyframe.select((c("status") == "held") == (c("n_exercises") > 0))


class UpstreamRows(_Base):
    """Upstream rows: what became of every row of every vendored upstream file."""

    upstream: str = _f("mme or jme.", isin=["mme", "jme"])
    upstream_id: str = _f("The row's id here: MMEID (suffixed when reused) or 'jme-r<sheet row>'.")
    original_id: str = _f("The id the upstream file gives the row (null when it gives none).", nullable=True)
    row: pl.Int64 = _f("Line of the row in the file (the header is line 1).", ge=2)
    status: str = _f(
        "published, linked_curated (folded into a curated record), linked_upstream (folded into "
        "another upstream row) or not_published.",
        isin=list(UPSTREAM_ROW_STATUSES),
    )
    exercise_id: str = _f("The exercise the row is published as or folded into.", nullable=True)
    reason: str = _f(
        "Why: same_as, duplicate_row, no_participant or no_start (see docs/upstream.md).", nullable=True
    )

    class Config:
        unique = ["upstream", "upstream_id"]


class UpstreamRepairs(_Base):
    """Upstream repairs: every value an upstream row had that was changed, with its rule."""

    upstream: str = _f("mme or jme.", isin=["mme", "jme"])
    upstream_id: str = _f("The row (see upstream_rows).")
    n: pl.Int64 = _f("Number of the repair within its row, in the order the adapter made them.", ge=1)
    field: str = _f("What was repaired (start.day, participant, MMEID, ...).")
    original: str = _f("The value in the upstream file.", nullable=True)
    new: str = _f("The value published (null when dropped).", nullable=True)
    rule: str = _f("The written rule applied (docs/upstream.md).")

    class Config:
        unique = ["upstream", "upstream_id", "n"]


class UpstreamConflicts(_Base):
    """Upstream conflicts: where a linked upstream row disagrees with the row kept for the event."""

    exercise_id: str = _f("The kept exercise (a curated record, or the MME row of an MME-JME pair).")
    upstream: str = _f("mme or jme.", isin=["mme", "jme"])
    upstream_id: str = _f("The linked upstream row.")
    field: str = _f("participants, dates or location_country_iso3.")
    kept_value: str = _f("The kept row's value (which the release uses).", nullable=True)
    upstream_value: str = _f("The upstream row's value.", nullable=True)


class Coverage(_Base):
    """Coverage: what the release holds per year and region, against MME's 2000-2010 rate."""

    year: pl.Int64 = _f("Start year.")
    region: str = _f("Region, '(no region)', or '(all)' for the year's totals.")
    coverage_period: str = _f("The sources covering the year: JME only, MME and JME, curated census.")
    n_exercises: pl.Int64 = _f("Exercise rows (curated and upstream).", ge=0)
    n_curated: pl.Int64 = _f("... from a curated record only.", ge=0)
    n_mme: pl.Int64 = _f("... from an MME row only.", ge=0)
    n_jme: pl.Int64 = _f("... from a JME row only.", ge=0)
    n_several: pl.Int64 = _f("... from linked rows of several sources.", ge=0)
    n_multinational: pl.Int64 = _f("Exercises with two or more states (observers not counted).", ge=0)
    n_sized: pl.Int64 = _f("Exercises with a headline troop figure (troops_best).", ge=0)
    n_participants_complete: pl.Int64 = _f("Exercises whose participant list is known to be complete.", ge=0)
    n_with_coordinates: pl.Int64 = _f("Exercises with lat/lon (any coordinates_precision).", ge=0)
    baseline_multinational: pl.Float64 = _f(
        "Multinational exercises a year MME records for the region in 2000-2010 (mean): the rate a "
        "census would at least reach; null when MME holds none for the region.",
        nullable=True,
    )
    est_completeness: pl.Float64 = _f(
        "n_multinational / baseline_multinational (can exceed 1; MME under-covers some regions).",
        nullable=True,
    )

    class Config:
        unique = ["year", "region"]


#: Published tables in release order.
TABLES: dict[str, type[_Base]] = {
    "exercises": Exercises,
    "participants": Participants,
    "claims": Claims,
    "sizes": Sizes,
    "sources": Sources,
    "countries": Countries,
    "series": Series,
    "series_years": SeriesYears,
    "coverage": Coverage,
    "upstream_exercises": Exercises,
    "upstream_participants": Participants,
    "upstream_rows": UpstreamRows,
    "upstream_repairs": UpstreamRepairs,
    "upstream_conflicts": UpstreamConflicts,
}

#: Tables derived from the upstream datasets: published as their own resources, under their own
#: licence entry, so that a user can drop them.
UPSTREAM_TABLES: tuple[str, ...] = (
    "upstream_exercises", "upstream_participants", "upstream_rows", "upstream_repairs", "upstream_conflicts",
)  # fmt: skip
#: Tables that continue another one (same columns): loaders read them together.
CONTINUES: dict[str, str] = {"upstream_exercises": "exercises", "upstream_participants": "participants"}


class TableInfo(NamedTuple):
    """What one row of a table is, and which columns identify it."""

    grain: str
    primary_key: list[str]


#: Grain and primary key of each published table (printed in the codebook and datapackage.json).
TABLE_INFO: dict[str, TableInfo] = {
    "exercises": TableInfo("one row per exercise", ["exercise_id"]),
    "participants": TableInfo(
        "one row per exercise and participating or observing state", ["exercise_id", "iso3"]
    ),
    "claims": TableInfo("one row per claim (one number from one source)", ["claim_id"]),
    "sizes": TableInfo(
        "one row per exercise, scope (whole exercise or one state), quantity, basis and method",
        ["exercise_id", "scope", "country_iso3", "quantity", "basis", "method"],
    ),
    "sources": TableInfo("one row per source (a page that was read)", ["source_id"]),
    "countries": TableInfo("one row per state", ["iso3"]),
    "series": TableInfo("one row per catalogued series", ["series"]),
    "series_years": TableInfo(
        "one row per catalogued series and census year (2011-2026) from its first to its last known "
        "edition, and any other year with an exercise or a not-held page",
        ["series", "year"],
    ),
    "coverage": TableInfo(
        "one row per year (1970-2026) and region, plus a row per year for all regions ('(all)')",
        ["year", "region"],
    ),
    "upstream_exercises": TableInfo(
        "one row per upstream exercise not linked to a curated record (same columns as exercises)",
        ["exercise_id"],
    ),
    "upstream_participants": TableInfo(
        "one row per upstream exercise and state (same columns as participants)", ["exercise_id", "iso3"]
    ),
    "upstream_rows": TableInfo("one row per row of each vendored upstream file", ["upstream", "upstream_id"]),
    "upstream_repairs": TableInfo(
        "one row per repaired value of an upstream row",
        ["upstream", "upstream_id", "n"],
    ),
    "upstream_conflicts": TableInfo(
        "one row per field on which a linked upstream row disagrees with the kept row",
        ["exercise_id", "upstream", "upstream_id", "field"],
    ),
}

#: (table, columns) -> (referenced table, columns)
FOREIGN_KEYS: list[tuple[str, list[str], str, list[str]]] = [
    ("participants", ["exercise_id"], "exercises", ["exercise_id"]),
    ("participants", ["iso3"], "countries", ["iso3"]),
    ("claims", ["exercise_id"], "exercises", ["exercise_id"]),
    ("claims", ["source_id"], "sources", ["source_id"]),
    ("claims", ["country_iso3"], "countries", ["iso3"]),
    ("claims", ["claimant_iso3"], "countries", ["iso3"]),
    ("sizes", ["exercise_id"], "exercises", ["exercise_id"]),
    ("sizes", ["country_iso3"], "countries", ["iso3"]),
    ("exercises", ["location_country_iso3"], "countries", ["iso3"]),
    ("exercises", ["series"], "series", ["series"]),
    ("series_years", ["series"], "series", ["series"]),
    ("upstream_participants", ["exercise_id"], "upstream_exercises", ["exercise_id"]),
    ("upstream_participants", ["iso3"], "countries", ["iso3"]),
    ("upstream_exercises", ["location_country_iso3"], "countries", ["iso3"]),
]


def foreign_key_problems(tables: dict[str, pl.DataFrame]) -> list[str]:
    """Every foreign-key value that has no matching row, as readable lines (empty when all hold)."""
    out: list[str] = []
    for table, cols, ref, ref_cols in FOREIGN_KEYS:
        left = tables[table].select(cols).drop_nulls().unique()
        right = tables[ref].select(ref_cols).rename(dict(zip(ref_cols, cols, strict=True)))
        missing = left.join(right, on=cols, how="anti").sort(cols)
        for row in missing.iter_rows():
            out.append(f"{table}.{','.join(cols)} = {row!r} has no row in {ref}")
    claim_ids = set(tables["claims"]["claim_id"])
    used = tables["sizes"].select(pl.col("claim_ids").explode()).to_series().drop_nulls()
    for cid in sorted(set(used) - claim_ids):
        out.append(f"sizes.claim_ids cites {cid!r}, which has no row in claims")
    return out


def validate_tables(tables: dict[str, pl.DataFrame], *, skip: Collection[str] = ()) -> list[str]:
    """Validate every table with its model (``lazy=True``: all failures) and the foreign keys.

    ``skip``: tables known to hold exactly what passed before (the build's cache); their models are
    not run again, the foreign keys always are.
    """
    out: list[str] = []
    for name, model in TABLES.items():
        if name in skip:
            continue
        try:
            model.validate(tables[name], lazy=True)
        except pa.errors.SchemaErrors as exc:
            fc = exc.failure_cases
            for row in fc.head(50).iter_rows(named=True):
                out.append(
                    f"{name}: column {row['column']!r} fails {row['check']} "
                    f"(row {row['index']}, value {row['failure_case']!r})"
                )
            if fc.height > 50:
                out.append(f"{name}: ... and {fc.height - 50} more failures")
    out.extend(foreign_key_problems(tables))
    return out
