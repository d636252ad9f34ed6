"""Panels: country-year and dyad-year frames over a declared state system, with zero rows.

The counterpart of peacesciencer's ``create_stateyears()`` / ``create_dyadyears()`` and
``add_*()``: a frame of every state-year (or dyad-year) in the Gleditsch-Ward (``system="gw"``)
or Correlates of War (``system="cow"``) state system, with the exercise measures joined on and
zeros where a state (or pair) held no exercise in this dataset.

Membership comes from ``dataset/mappings/state_system_gw.csv`` and ``state_system_cow.csv`` (see
``dataset/mappings/README.md`` for their provenance). A state is in the system in a year when any
of its tenures overlaps that year (peacesciencer's rule). A tenure with no end date is ongoing;
the COW list ends in 2016, and states still in it then are carried forward to ``end_year``.

Measures (from the ``participants`` table, counted roles by default):

* ``n_exercises``: distinct exercises that started that year with the state in a counted role;
* ``n_hosted``: of those, how many it hosted;
* ``n_sized``: how many of them give this state's contingent size;
* ``troops_low`` / ``troops_best`` / ``troops_high``: sums of the known contingents (bounds summed
  with bounds). They are 0 when there was no exercise, and null when there were exercises but no
  contingent is known: a missing size is not a zero. When ``n_sized < n_exercises`` the sums
  cover only part of the exercises.

Dyad-years carry ``n_joint`` (exercises both took part in) and ``troops1_*`` / ``troops2_*``
(each side's contingents in those joint exercises).

Zeros mean "no exercise recorded in this dataset" and appear only inside the years the data
cover (from the first to the last year of the participants given). By default a panel spans those
years; asked for a wider span, the years outside get null counts, never zeros. Every row carries
``coverage_period`` (``JME only`` 1970-1979, ``MME and JME`` 1980-2010, ``curated census``
2011-2026): sources and completeness differ across these seams (see the coverage table).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl

from military_exercises.vocab import COUNTED_ROLES, COVERAGE_PERIODS, ROLES

#: State systems a panel can be built on.
SYSTEMS: tuple[str, ...] = ("gw", "cow")
#: First and last year of a default panel.
DEFAULT_START_YEAR = 1946
DEFAULT_END_YEAR = 2026

_STATE_MEASURES = ("n_exercises", "n_hosted", "n_sized", "troops_low", "troops_best", "troops_high")
_TROOPS = ("troops_low", "troops_best", "troops_high")


def mapping_path(name: str) -> Path:
    """Path of a mapping table: ``dataset/mappings/<name>`` of this checkout, else bundled in the package."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "dataset" / "mappings" / name
        if (parent / "pyproject.toml").is_file() and candidate.is_file():
            return candidate
    bundled = Path(str(resources.files("military_exercises") / "data" / "mappings" / name))
    if bundled.is_file():
        return bundled
    raise FileNotFoundError(
        f"mapping table {name} not found: run from a clone of the repository (dataset/mappings/{name})"
    )


def _check_system(system: str) -> str:
    if system not in SYSTEMS:
        raise ValueError(f"unknown state system {system!r}; accepted: {', '.join(SYSTEMS)}")
    return f"{system}_code"


def _check_roles(roles: Sequence[str] | None) -> list[str]:
    if roles is None:
        return list(ROLES)
    wanted = [roles] if isinstance(roles, str) else list(roles)
    unknown = [r for r in wanted if r not in ROLES]
    if unknown:
        raise ValueError(f"unknown role(s): {', '.join(unknown)}; accepted: {', '.join(ROLES)}")
    return wanted


@lru_cache(maxsize=4)
def _read_state_system(path: str, system: str) -> pl.DataFrame:
    code = f"{system}_code"
    raw = pl.read_csv(path, schema_overrides={code: pl.Int64, "start": pl.String, "end": pl.String})
    out = raw.select(
        pl.col(code),
        pl.col(f"{system}_abb").alias("abb"),
        pl.col("name"),
        pl.col("start").str.to_date("%Y-%m-%d"),
        pl.col("end").str.to_date("%Y-%m-%d"),
        (pl.col("microstate") == "true" if "microstate" in raw.columns else pl.lit(False)).alias(
            "microstate"
        ),
    )
    bad = out.filter(pl.col("end").is_not_null() & (pl.col("end") < pl.col("start")))
    if bad.height:
        raise ValueError(f"{path}: tenures ending before they start: {bad.rows()}")
    return out


def load_state_system(system: str = "gw") -> pl.DataFrame:
    """The state-system membership list: one row per tenure (code, abb, name, start, end, microstate).

    ``end`` is null for a tenure that is still ongoing. ``microstate`` marks the G&W microstates
    list (always false for COW, whose list has no such split).
    """
    _check_system(system)
    return _read_state_system(str(mapping_path(f"state_system_{system}.csv")), system)


def _year_bounds(start_year: int, end_year: int) -> None:
    if start_year > end_year:
        raise ValueError(f"start_year {start_year} is after end_year {end_year}")


def _membership(system: str, states: pl.DataFrame | None) -> pl.DataFrame:
    code = _check_system(system)
    if states is None:
        return load_state_system(system)
    needed = [code, "start", "end"]
    missing = [c for c in needed if c not in states.columns]
    if missing:
        raise ValueError(
            f"the states table needs columns {', '.join(needed)} (start/end as dates, end null = ongoing); "
            f"it has: {', '.join(states.columns)}"
        )
    out = states.with_columns(pl.col(code).cast(pl.Int64))
    if "microstate" not in out.columns:
        out = out.with_columns(pl.lit(False).alias("microstate"))
    return out


def state_years(
    *,
    system: str = "gw",
    start_year: int = DEFAULT_START_YEAR,
    end_year: int = DEFAULT_END_YEAR,
    microstates: bool = True,
    states: pl.DataFrame | None = None,
    lazy: bool = False,
) -> Any:
    """Every (state, year) in the system between ``start_year`` and ``end_year`` (inclusive).

    Columns: ``<system>_code``, ``year``. A state counts in a year when any of its tenures
    overlaps it; ongoing tenures run to ``end_year``. ``microstates=False`` drops the G&W
    microstates. ``states`` replaces the shipped membership list by your own (columns
    ``<system>_code``, ``start``, ``end`` as dates, null end = ongoing), for example a subset.
    Returns a LazyFrame with ``lazy=True``.
    """
    code = _check_system(system)
    _year_bounds(start_year, end_year)
    table = _membership(system, states)
    if not microstates:
        table = table.filter(~pl.col("microstate"))
    out = (
        table.lazy()
        .select(
            pl.col(code).alias(code),
            pl.max_horizontal(pl.col("start").dt.year(), pl.lit(start_year)).alias("first"),
            pl.min_horizontal(pl.col("end").dt.year().fill_null(end_year), pl.lit(end_year)).alias("last"),
        )
        .filter(pl.col("first") <= pl.col("last"))
        .select(pl.col(code), pl.int_ranges("first", pl.col("last") + 1, dtype=pl.Int64).alias("year"))
        .explode("year")
        .unique([code, "year"])
        .sort(code, "year")
    )
    return out if lazy else out.collect()


def _participations(participants: pl.DataFrame | pl.LazyFrame, code: str, roles: list[str]) -> pl.LazyFrame:
    """One row per (exercise, state code): the state's contingent summed over its ISO3 entries."""
    lf = participants.lazy()
    missing = [
        c for c in ("exercise_id", code, "year", "role", *_TROOPS) if c not in lf.collect_schema().names()
    ]
    if missing:
        raise ValueError(f"the participants frame lacks column(s): {', '.join(missing)}")
    return (
        lf.filter(pl.col("role").is_in(roles) & pl.col(code).is_not_null())
        .group_by("exercise_id", code)
        .agg(
            pl.col("year").first(),
            (pl.col("role") == "host").any().alias("hosted"),
            *[pl.col(t).sum().alias(t) for t in _TROOPS],
            pl.col("troops_best").is_not_null().any().alias("has_troops"),
        )
        .with_columns([pl.when(pl.col("has_troops")).then(pl.col(t)).alias(t) for t in _TROOPS])
    )


def _state_measures(parts: pl.LazyFrame, code: str) -> pl.LazyFrame:
    return parts.group_by(code, "year").agg(
        pl.len().cast(pl.Int64).alias("n_exercises"),
        pl.col("hosted").sum().cast(pl.Int64).alias("n_hosted"),
        pl.col("has_troops").sum().cast(pl.Int64).alias("n_sized"),
        *[pl.when(pl.col("has_troops").any()).then(pl.col(t).sum()).alias(t) for t in _TROOPS],
    )


def _dyad_measures(parts: pl.LazyFrame, code: str) -> pl.LazyFrame:
    c1, c2 = f"{code}1", f"{code}2"
    left = parts.select(
        "exercise_id", "year", pl.col(code).alias(c1), *[pl.col(t).alias(f"troops1_{t[7:]}") for t in _TROOPS]
    )
    right = parts.select(
        "exercise_id", pl.col(code).alias(c2), *[pl.col(t).alias(f"troops2_{t[7:]}") for t in _TROOPS]
    )
    sides = [f"troops{i}_{b}" for i in (1, 2) for b in ("low", "best", "high")]
    return (
        left.join(right, on="exercise_id")
        .filter(pl.col(c1) != pl.col(c2))
        .group_by(c1, c2, "year")
        .agg(
            pl.len().cast(pl.Int64).alias("n_joint"),
            *[pl.when(pl.col(s).is_not_null().any()).then(pl.col(s).sum()).alias(s) for s in sides],
        )
    )


def _fill_zero_counts(
    lf: pl.LazyFrame, count_cols: Sequence[str], troop_cols: Sequence[str], n: str
) -> pl.LazyFrame:
    # No exercise -> every count and contingent sum is a true zero; exercises without any known
    # contingent keep a null sum (unknown, not zero).
    return lf.with_columns(
        *[pl.col(c).fill_null(0) for c in count_cols],
        *[
            pl.when(pl.col(n).is_null() | (pl.col(n) == 0)).then(0).otherwise(pl.col(t)).alias(t)
            for t in troop_cols
        ],
    )


def _data_years(participants: pl.DataFrame | pl.LazyFrame) -> tuple[int, int] | None:
    """First and last year of the participations given (None when there are none)."""
    lf = participants.lazy() if isinstance(participants, pl.DataFrame) else participants
    lo, hi = lf.select(pl.col("year").min().alias("lo"), pl.col("year").max().alias("hi")).collect().row(0)
    return None if lo is None else (int(lo), int(hi))


def _span(
    participants: pl.DataFrame | pl.LazyFrame, start_year: int | None, end_year: int | None
) -> tuple[int, int, tuple[int, int] | None]:
    data = _data_years(participants)
    lo = start_year if start_year is not None else (data[0] if data else DEFAULT_START_YEAR)
    hi = end_year if end_year is not None else (data[1] if data else DEFAULT_END_YEAR)
    return lo, hi, data


def _coverage_expr() -> pl.Expr:
    expr = pl.lit(None, dtype=pl.String)
    for lo, hi, label in reversed(COVERAGE_PERIODS):
        expr = pl.when(pl.col("year").is_between(lo, hi)).then(pl.lit(label)).otherwise(expr)
    return expr.alias("coverage_period")


def _outside_is_null(lf: pl.LazyFrame, data: tuple[int, int] | None, columns: Sequence[str]) -> pl.LazyFrame:
    """Years the data do not cover hold no knowledge: their counts are null, not zero."""
    inside = pl.lit(False) if data is None else pl.col("year").is_between(*data)
    return lf.with_columns(*[pl.when(inside).then(pl.col(c)).alias(c) for c in columns], _coverage_expr())


def country_year(
    participants: pl.DataFrame | pl.LazyFrame,
    *,
    system: str = "gw",
    start_year: int | None = None,
    end_year: int | None = None,
    roles: Sequence[str] | None = COUNTED_ROLES,
    microstates: bool = True,
    states: pl.DataFrame | None = None,
    lazy: bool = False,
) -> Any:
    """A state-year panel with exercise counts and summed contingents, zeros included.

    ``participants`` is the release's participants table (or a frame with its columns
    ``exercise_id``, ``<system>_code``, ``year``, ``role``, ``troops_low/best/high``). ``roles``
    are the roles that count (default: host, participant, partial; ``None`` = all, observers
    included). Participations whose state is not in the system that year (or has no code) are
    left out; :func:`unmatched_participations` lists them. See the module docstring for the columns.
    """
    code = _check_system(system)
    role_list = _check_roles(roles)
    lo, hi, data = _span(participants, start_year, end_year)
    frame = state_years(
        system=system,
        start_year=lo,
        end_year=hi,
        microstates=microstates,
        states=states,
        lazy=True,
    )
    measures = _state_measures(_participations(participants, code, role_list), code)
    out = _fill_zero_counts(
        frame.join(measures, on=[code, "year"], how="left"),
        ("n_exercises", "n_hosted", "n_sized"),
        _TROOPS,
        "n_exercises",
    )
    out = _outside_is_null(out, data, _STATE_MEASURES).sort(code, "year")
    return out if lazy else out.collect()


def dyad_year(
    participants: pl.DataFrame | pl.LazyFrame,
    *,
    system: str = "gw",
    directed: bool = True,
    start_year: int | None = None,
    end_year: int | None = None,
    roles: Sequence[str] | None = COUNTED_ROLES,
    microstates: bool = True,
    states: pl.DataFrame | None = None,
    lazy: bool = False,
) -> Any:
    """A dyad-year panel of every pair of states in the system in the same year, zeros included.

    Directed (default): both (a, b) and (b, a); undirected: only ``<code>1 < <code>2``, as in
    peacesciencer. Columns: ``<system>_code1``, ``<system>_code2``, ``year``, ``n_joint``
    (exercises both took part in, counted roles by default) and ``troops1_low/best/high``,
    ``troops2_low/best/high`` (each side's known contingents in those exercises; null when none
    is known, 0 when there was no joint exercise). Built lazily: ``lazy=True`` returns the
    LazyFrame, which is the fast way to filter a large panel before collecting it.
    """
    code = _check_system(system)
    role_list = _check_roles(roles)
    c1, c2 = f"{code}1", f"{code}2"
    lo, hi, data = _span(participants, start_year, end_year)
    years = state_years(
        system=system,
        start_year=lo,
        end_year=hi,
        microstates=microstates,
        states=states,
        lazy=True,
    )
    # Built in (code1, code2, year) order so that no sort of the millions of rows is needed:
    # ordered pairs of states, each with the first state's years, kept where the second state
    # is also a member that year. Every join keeps the left order.
    members = years.select(code).unique(maintain_order=True)
    pairs = members.select(pl.col(code).alias(c1)).join(
        members.select(pl.col(code).alias(c2)), how="cross", maintain_order="left_right"
    )
    pairs = pairs.filter(pl.col(c1) != pl.col(c2)) if directed else pairs.filter(pl.col(c1) < pl.col(c2))
    pairs = pairs.join(
        years.select(pl.col(code).alias(c1), "year"), on=c1, how="inner", maintain_order="left_right"
    ).join(years.select(pl.col(code).alias(c2), "year"), on=[c2, "year"], how="semi", maintain_order="left")
    measures = _dyad_measures(_participations(participants, code, role_list), code)
    sides = [f"troops{i}_{b}" for i in (1, 2) for b in ("low", "best", "high")]
    joined = pairs.join(measures, on=[c1, c2, "year"], how="left", maintain_order="left")
    out = _fill_zero_counts(joined, ("n_joint",), sides, "n_joint").select(c1, c2, "year", "n_joint", *sides)
    out = _outside_is_null(out, data, ("n_joint", *sides))
    return out if lazy else out.collect()


def unmatched_participations(
    participants: pl.DataFrame,
    *,
    system: str = "gw",
    roles: Sequence[str] | None = COUNTED_ROLES,
    states: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Participant rows a panel leaves out: no code in ``system``, or a code not in the system that year."""
    code = _check_system(system)
    role_list = _check_roles(roles)
    rows = participants.filter(pl.col("role").is_in(role_list))
    if rows.is_empty():
        return rows
    lo = int(rows["year"].min())  # type: ignore[arg-type]
    hi = int(rows["year"].max())  # type: ignore[arg-type]
    members = state_years(system=system, start_year=lo, end_year=hi, states=states)
    known = rows.join(members, on=[code, "year"], how="semi")
    return rows.join(known.select("exercise_id", "iso3"), on=["exercise_id", "iso3"], how="anti")


def _check_codes(
    frame: pl.DataFrame, keys: list[str], system: str, sys_code: str, states: pl.DataFrame | None
) -> None:
    """Every code of the frame must be a state of the system: an unknown code would silently get 0."""
    import difflib

    table = states if states is not None else load_state_system(system)
    known = {int(c) for c in table[sys_code].drop_nulls()}
    for key in keys:
        values = {int(v) for v in frame[key].drop_nulls().unique().to_list()}
        unknown = sorted(values - known)
        if unknown:
            near = difflib.get_close_matches(str(unknown[0]), [str(k) for k in sorted(known)], n=3)
            hint = f"; close matches: {', '.join(near)}" if near else ""
            raise ValueError(
                f"{key}: {', '.join(map(str, unknown[:5]))} "
                f"{'is not a' if len(unknown) == 1 else 'are not'} {system.upper()} state code{hint}"
            )


def add_exercises(
    frame: pl.DataFrame,
    participants: pl.DataFrame | pl.LazyFrame,
    *,
    system: str = "gw",
    code: str | tuple[str, str] | None = None,
    year: str = "year",
    roles: Sequence[str] | None = COUNTED_ROLES,
    states: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Join exercise measures onto your own state-year or dyad-year frame, by code and year.

    ``code`` names the code column (state-year) or the two code columns (dyad-year) of ``frame``;
    by default ``<system>_code`` or ``<system>_code1`` / ``<system>_code2`` are looked for. Rows
    of ``frame`` are kept as they are (same order, same count); state-years without exercises
    get zeros, as in :func:`country_year` / :func:`dyad_year`, and years outside those the data
    cover get nulls. For dyads the measures are directed: ``troops1_*`` is the first code's
    contingent. A code that is not a state of ``system`` raises, naming close matches.
    """
    sys_code = _check_system(system)
    role_list = _check_roles(roles)
    if code is None:
        if f"{sys_code}1" in frame.columns and f"{sys_code}2" in frame.columns:
            code = (f"{sys_code}1", f"{sys_code}2")
        elif sys_code in frame.columns:
            code = sys_code
        else:
            raise ValueError(
                f"no {sys_code} (state-year) or {sys_code}1/{sys_code}2 (dyad-year) column in the frame; "
                f"name the code column(s) with code=...; the frame has: {', '.join(frame.columns)}"
            )
    keys = [code] if isinstance(code, str) else list(code)
    missing = [c for c in [*keys, year] if c not in frame.columns]
    if missing:
        raise ValueError(
            f"column(s) {', '.join(missing)} not in the frame; it has: {', '.join(frame.columns)}"
        )
    _check_codes(frame, keys, system, sys_code, states)
    parts = _participations(participants, sys_code, role_list)
    if len(keys) == 1:
        measures = _state_measures(parts, sys_code).rename({sys_code: keys[0], "year": year})
        counts: tuple[str, ...] = ("n_exercises", "n_hosted", "n_sized")
        troops: tuple[str, ...] = _TROOPS
        n = "n_exercises"
    else:
        measures = _dyad_measures(parts, sys_code).rename(
            {f"{sys_code}1": keys[0], f"{sys_code}2": keys[1], "year": year}
        )
        counts = ("n_joint",)
        troops = tuple(f"troops{i}_{b}" for i in (1, 2) for b in ("low", "best", "high"))
        n = "n_joint"
    clash = [c for c in (*counts, *troops) if c in frame.columns]
    if clash:
        raise ValueError(f"the frame already has column(s) {', '.join(clash)}; rename or drop them first")
    schema = frame.schema
    measures = measures.with_columns([pl.col(k).cast(schema[k]) for k in [*keys, year]])
    out = frame.lazy().join(measures, on=[*keys, year], how="left", maintain_order="left")
    out = _fill_zero_counts(out, counts, troops, n)
    # outside the years the data cover, nothing is known: null, not zero
    data = _data_years(participants)
    inside = pl.lit(False) if data is None else pl.col(year).is_between(*data)
    return out.with_columns(*[pl.when(inside).then(pl.col(c)).alias(c) for c in (*counts, *troops)]).collect()
