"""Filters: polars in, polars out.

Every filter takes the frame first and keyword-only options; ``None`` means "no filter". Codes are
exact (ISO3, Gleditsch-Ward or COW numbers), never fuzzy names, and a value outside the vocabulary
raises ``ValueError`` naming the accepted values.

Most filters work on both the ``exercises`` table (one row per exercise, participants as ISO3
lists) and the ``participants`` table (one row per exercise and state); the docstrings say which.

>>> from military_exercises import load_exercises, filter_exercises
>>> ex = load_exercises()  # doctest: +SKIP
>>> filter_exercises(ex, countries="RUS", start=2014, regions="Eurasia")  # doctest: +SKIP
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import polars as pl

from military_exercises.vocab import COUNTED_ROLES, DOMAINS, PROVENANCES, PURPOSES, REGIONS, ROLES

#: Code systems accepted by the country filters.
CODE_SYSTEMS: tuple[str, ...] = ("iso3", "gw", "cow")
#: Troop columns a size filter can test.
SIZE_COLUMNS: tuple[str, ...] = ("low", "best", "high")
#: How a list filter (domains, purposes) combines several wanted values.
MATCH_MODES: tuple[str, ...] = ("any", "all")

_CODE_COLUMN = {"iso3": "iso3", "gw": "gw_code", "cow": "cow_code"}


def _as_list(value: object) -> list[object]:
    if isinstance(value, str | int):
        return [value]
    if isinstance(value, Iterable):
        return list(value)
    raise TypeError(f"expected a value or a sequence of values, got {type(value).__name__}")


def _check_values(values: Sequence[Any], accepted: Sequence[Any], what: str) -> None:
    unknown = [v for v in values if v not in accepted]
    if unknown:
        shown = ", ".join(str(v) for v in unknown)
        raise ValueError(f"unknown {what}: {shown}; accepted: {', '.join(str(a) for a in accepted)}")


def _require_columns(df: pl.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(
            f"{what} needs column(s) {', '.join(missing)}; the frame has: {', '.join(df.columns)}"
        )


def _is_participants_table(df: pl.DataFrame) -> bool:
    return "role" in df.columns and "iso3" in df.columns


def _country_table(country_table: pl.DataFrame | None) -> pl.DataFrame:
    if country_table is not None:
        return country_table
    from military_exercises.load import load_countries

    table: pl.DataFrame = load_countries()
    return table


def resolve_countries(
    codes: str | int | Sequence[str | int],
    *,
    code: str = "iso3",
    country_table: pl.DataFrame | None = None,
) -> list[str]:
    """ISO3 codes for exact ISO3, Gleditsch-Ward (``code="gw"``) or COW (``code="cow"``) codes.

    Raises ``ValueError`` naming the accepted codes when one is unknown. A numeric code that two
    ISO3 entries share maps to both. ``country_table`` defaults to the release's countries table.
    """
    if code not in CODE_SYSTEMS:
        raise ValueError(f"unknown code system {code!r}; accepted: {', '.join(CODE_SYSTEMS)}")
    wanted = _as_list(codes)
    table = _country_table(country_table)
    column = _CODE_COLUMN[code]
    if code == "iso3":
        bad_type = [c for c in wanted if not isinstance(c, str)]
        if bad_type:
            raise ValueError(f"ISO3 codes are strings like 'RUS'; got {bad_type!r} (use code='gw' or 'cow')")
        accepted = sorted(table["iso3"].to_list())
        _check_values(wanted, accepted, "ISO3 code(s)")
        return [str(c) for c in wanted]
    ints: list[int] = []
    for c in wanted:
        if isinstance(c, bool) or not isinstance(c, int):
            raise ValueError(f"{code.upper()} codes are integers like 365; got {c!r}")
        ints.append(c)
    numbers = sorted({int(v) for v in table[column].drop_nulls().to_list()})
    _check_values(ints, numbers, f"{code.upper()} code(s)")
    return sorted(table.filter(pl.col(column).is_in(ints))["iso3"].unique().to_list())


def _exercise_ids_with_roles(
    participants: pl.DataFrame, iso3: Sequence[str], roles: Sequence[str]
) -> pl.Series:
    return (
        participants.filter(pl.col("iso3").is_in(list(iso3)) & pl.col("role").is_in(list(roles)))
        .get_column("exercise_id")
        .unique()
    )


def _roles(role: str | Sequence[str] | None) -> list[str] | None:
    if role is None:
        return None
    roles = [str(r) for r in _as_list(role)]
    _check_values(roles, ROLES, "role(s)")
    return roles


def filter_country(
    df: pl.DataFrame,
    countries: str | int | Sequence[str | int] | None,
    *,
    code: str = "iso3",
    role: str | Sequence[str] | None = COUNTED_ROLES,
    participants: pl.DataFrame | None = None,
    country_table: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Rows involving any of the given states.

    ``countries`` are exact codes in the ``code`` system (``"iso3"``, ``"gw"`` or ``"cow"``).
    ``role`` limits the roles that count: by default the counted roles (host, participant,
    partial; observers excluded); ``None`` accepts any role, observers included.

    On the participants table the rows of those states are kept. On the exercises table the
    exercises in which any of them took part are kept; the roles ``participant`` and ``partial``
    cannot be told apart from the exercises table alone, so for those the participants table is
    used (``participants=``, loaded from the release when not given).
    """
    if countries is None:
        _roles(role)
        return df
    iso3 = resolve_countries(countries, code=code, country_table=country_table)
    roles = _roles(role)
    if _is_participants_table(df):
        out = df.filter(pl.col("iso3").is_in(iso3))
        return out if roles is None else out.filter(pl.col("role").is_in(roles))
    _require_columns(df, ["exercise_id", "hosts", "participants", "observers"], "filter_country")

    def any_in(column: str) -> pl.Expr:
        return pl.col(column).list.eval(pl.element().is_in(iso3)).list.any()

    if roles is None:
        return df.filter(any_in("participants") | any_in("observers"))
    if set(roles) == set(COUNTED_ROLES):
        return df.filter(any_in("participants"))
    if set(roles) <= {"host", "observer"}:
        cond = pl.lit(False)
        if "host" in roles:
            cond = cond | any_in("hosts")
        if "observer" in roles:
            cond = cond | any_in("observers")
        return df.filter(cond)
    if participants is None:
        from military_exercises.load import load_participants

        participants = load_participants()
    ids = _exercise_ids_with_roles(participants, iso3, roles)
    return df.filter(pl.col("exercise_id").is_in(ids.implode()))


def _within(column: str, low: int | None, high: int | None) -> pl.Expr:
    """``low <= column <= high``, either bound ``None`` meaning open."""
    cond = pl.lit(True)
    if low is not None:
        cond = cond & (pl.col(column) >= low)
    if high is not None:
        cond = cond & (pl.col(column) <= high)
    return cond


def filter_years(df: pl.DataFrame, *, start: int | None = None, end: int | None = None) -> pl.DataFrame:
    """Rows whose ``year`` (the start year) lies in ``[start, end]``, both inclusive.

    Either bound may be ``None`` (open). Years outside the data's coverage are not clamped: they
    simply match nothing. ``start > end`` is an error.
    """
    if start is not None and end is not None and start > end:
        raise ValueError(f"start year {start} is after end year {end}")
    _require_columns(df, ["year"], "filter_years")
    return df.filter(_within("year", start, end))


def filter_region(df: pl.DataFrame, regions: str | Sequence[str] | None) -> pl.DataFrame:
    """Rows in any of the given regions (exercises: region of the location; participants: of the state)."""
    if regions is None:
        return df
    wanted = [str(r) for r in _as_list(regions)]
    _check_values(wanted, REGIONS, "region(s)")
    _require_columns(df, ["region"], "filter_region")
    return df.filter(pl.col("region").is_in(wanted))


def organisation_codes() -> tuple[str, ...]:
    """Organisation codes accepted by :func:`filter_organisation` (``dataset/mappings/organisations.csv``)."""
    from military_exercises.analysis.panels import mapping_path

    try:
        path = mapping_path("organisations.csv")
    except FileNotFoundError:
        return ()
    with Path(path).open(encoding="utf-8", newline="") as fh:
        return tuple(row["code"] for row in csv.DictReader(fh))


def filter_organisation(df: pl.DataFrame, organisations: str | Sequence[str] | None) -> pl.DataFrame:
    """Exercises held under any of the given organisations (exact codes: ``NATO``, ``CSTO``, ``SCO`` ...).

    Accepted codes are those of ``dataset/mappings/organisations.csv`` plus any value present in
    the frame. Exercises without an organisation never match.
    """
    if organisations is None:
        return df
    _require_columns(df, ["organisation"], "filter_organisation")
    wanted = [str(o) for o in _as_list(organisations)]
    present = df.get_column("organisation").drop_nulls().unique().to_list()
    accepted = sorted(set(organisation_codes()) | set(present))
    _check_values(wanted, accepted, "organisation(s)")
    return df.filter(pl.col("organisation").is_in(wanted))


def filter_provenance(df: pl.DataFrame, provenance: str | Sequence[str] | None) -> pl.DataFrame:
    """Exercises from the given origins: ``curated`` (this project's records), ``mme`` (MME v7,
    1980-2010), ``jme`` (JME v3, 1970-2010) or ``several`` (rows of more than one linked as one event).

    ``filter_provenance(ex, ["curated", "several"])`` keeps every exercise a curated record
    describes; ``["mme", "several"]`` is closest to MME's own coverage.
    """
    if provenance is None:
        return df
    _require_columns(df, ["provenance"], "filter_provenance")
    wanted = [str(p) for p in _as_list(provenance)]
    _check_values(wanted, list(PROVENANCES), "provenance(s)")
    return df.filter(pl.col("provenance").is_in(wanted))


def _filter_list_column(
    df: pl.DataFrame, column: str, values: Sequence[str], accepted: Sequence[str], match: str
) -> pl.DataFrame:
    _check_values(values, accepted, f"{column.rstrip('s')}(s)")
    if match not in MATCH_MODES:
        raise ValueError(f"unknown match mode {match!r}; accepted: {', '.join(MATCH_MODES)}")
    _require_columns(df, [column], f"filter on {column}")
    hits = pl.col(column).list.eval(pl.element().is_in(list(values))).list.sum()
    if match == "any":
        return df.filter(hits > 0)
    return df.filter(hits >= len(set(values)))


def filter_domain(
    df: pl.DataFrame, domains: str | Sequence[str] | None, *, match: str = "any"
) -> pl.DataFrame:
    """Exercises in any (``match="any"``) or all (``match="all"``) of the given domains."""
    if domains is None:
        return df
    return _filter_list_column(df, "domains", [str(d) for d in _as_list(domains)], DOMAINS, match)


def filter_purpose(
    df: pl.DataFrame, purposes: str | Sequence[str] | None, *, match: str = "any"
) -> pl.DataFrame:
    """Exercises with any (``match="any"``) or all (``match="all"``) of the given purposes."""
    if purposes is None:
        return df
    return _filter_list_column(df, "purposes", [str(p) for p in _as_list(purposes)], PURPOSES, match)


def filter_role(df: pl.DataFrame, roles: str | Sequence[str] | None) -> pl.DataFrame:
    """Participants-table rows with any of the given roles (host, participant, observer, partial)."""
    wanted = _roles(roles)
    if wanted is None:
        return df
    _require_columns(df, ["role"], "filter_role (a participants table)")
    return df.filter(pl.col("role").is_in(wanted))


def filter_n_participants(
    df: pl.DataFrame, *, min_n: int | None = None, max_n: int | None = None
) -> pl.DataFrame:
    """Exercises with ``min_n`` to ``max_n`` participating states (inclusive; observers not counted)."""
    if min_n is not None and max_n is not None and min_n > max_n:
        raise ValueError(f"min_n {min_n} is larger than max_n {max_n}")
    if min_n is None and max_n is None:
        return df
    _require_columns(df, ["n_participants"], "filter_n_participants")
    return df.filter(_within("n_participants", min_n, max_n))


def filter_size(
    df: pl.DataFrame,
    *,
    min_troops: int | None = None,
    max_troops: int | None = None,
    on: str = "best",
    keep_unknown: bool = False,
) -> pl.DataFrame:
    """Rows whose troop figure ``troops_<on>`` lies in ``[min_troops, max_troops]``.

    ``on`` is ``"low"``, ``"best"`` or ``"high"``: ``on="high", min_troops=10_000`` keeps every
    exercise that *may* have had 10,000 troops, ``on="low"`` only those that surely had. Rows
    without a figure are dropped unless ``keep_unknown=True`` (size unknown is not size zero).
    Works on exercises (headline troops) and participants (contingents).
    """
    if on not in SIZE_COLUMNS:
        raise ValueError(f"unknown size column {on!r}; accepted: {', '.join(SIZE_COLUMNS)}")
    if min_troops is not None and max_troops is not None and min_troops > max_troops:
        raise ValueError(f"min_troops {min_troops} is larger than max_troops {max_troops}")
    if min_troops is None and max_troops is None:
        return df
    column = f"troops_{on}"
    _require_columns(df, [column], "filter_size")
    cond = _within(column, min_troops, max_troops)
    if keep_unknown:
        cond = cond | pl.col(column).is_null()
    return df.filter(cond.fill_null(False))


def filter_exercises(
    df: pl.DataFrame,
    *,
    countries: str | int | Sequence[str | int] | None = None,
    code: str = "iso3",
    role: str | Sequence[str] | None = COUNTED_ROLES,
    start: int | None = None,
    end: int | None = None,
    regions: str | Sequence[str] | None = None,
    organisations: str | Sequence[str] | None = None,
    domains: str | Sequence[str] | None = None,
    purposes: str | Sequence[str] | None = None,
    min_participants: int | None = None,
    max_participants: int | None = None,
    min_troops: int | None = None,
    max_troops: int | None = None,
    participants: pl.DataFrame | None = None,
    country_table: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """All the exercise filters in one call (each ``None`` = no filter); they combine with AND.

    The counterpart of troopdata's ``get_exercises()``, with exact codes and checked vocabularies.
    Domains and purposes match when any of the given values is present.
    """
    out = filter_country(
        df, countries, code=code, role=role, participants=participants, country_table=country_table
    )
    out = filter_years(out, start=start, end=end)
    out = filter_region(out, regions)
    out = filter_organisation(out, organisations)
    out = filter_domain(out, domains)
    out = filter_purpose(out, purposes)
    out = filter_n_participants(out, min_n=min_participants, max_n=max_participants)
    return filter_size(out, min_troops=min_troops, max_troops=max_troops)
