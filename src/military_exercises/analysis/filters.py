"""Filters: polars in, polars out.

Every filter takes the frame first and keyword-only options; ``None`` means "no filter". States are
ISO3 codes, Gleditsch-Ward or COW numbers, or names the alias table knows ("Russia", "Russian
Federation", "russian"); nothing is matched fuzzily, and a value outside the vocabulary raises
``ValueError`` with the closest accepted values ("did you mean ...") or the accepted list.

Most filters work on both the ``exercises`` table (one row per exercise, participants as ISO3
lists) and the ``participants`` table (one row per exercise and state); the docstrings say which.

>>> from military_exercises import load_exercises, filter_exercises
>>> ex = load_exercises()  # doctest: +SKIP
>>> filter_exercises(ex, countries="RUS", start=2014, regions="Eurasia")  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import difflib
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import polars as pl

from military_exercises.vocab import (
    COORDINATE_PRECISIONS,
    COUNTED_ROLES,
    DOMAINS,
    EXERCISE_KINDS,
    PROVENANCES,
    PURPOSES,
    REGIONS,
    ROLES,
)

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


def _did_you_mean(unknown: str, known: dict[str, str], what: str) -> ValueError:
    """An error for a name nothing knows, with the closest known spellings (case-insensitive)."""
    close = difflib.get_close_matches(unknown.lower(), list(known), n=4, cutoff=0.6)
    hint = ", ".join(dict.fromkeys(f"{known[c]!r}" for c in close))
    return ValueError(f"unknown {what} {unknown!r}" + (f"; did you mean {hint}?" if hint else ""))


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
    """ISO3 codes for ISO3 codes or state names and aliases (``code="iso3"``: "RUS", "Russia",
    "Russian Federation", "russian"), or Gleditsch-Ward (``code="gw"``) or COW (``code="cow"``) numbers.

    Raises ``ValueError`` when one is unknown, naming the closest names ("did you mean"). A numeric
    code that two ISO3 entries share maps to both. ``country_table`` defaults to the release's
    countries table.
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
        return [_iso3_of(str(c), table) for c in wanted]
    ints: list[int] = []
    for c in wanted:
        if isinstance(c, bool) or not isinstance(c, int):
            raise ValueError(f"{code.upper()} codes are integers like 365; got {c!r}")
        ints.append(c)
    numbers = sorted({int(v) for v in table[column].drop_nulls().to_list()})
    _check_values(ints, numbers, f"{code.upper()} code(s)")
    return sorted(table.filter(pl.col(column).is_in(ints))["iso3"].unique().to_list())


def _iso3_of(value: str, table: pl.DataFrame) -> str:
    """An ISO3 code, or the state a name or alias means (case-insensitive, exact)."""
    codes = set(table["iso3"].to_list())
    if value in codes:
        return value
    known: dict[str, str] = {c.lower(): c for c in codes}
    names = dict(zip(table["iso3"], table["name"], strict=True)) if "name" in table.columns else {}
    known.update({name.lower(): iso3 for iso3, name in names.items()})
    if "aliases" in table.columns:
        for iso3, aliases in zip(table["iso3"], table["aliases"].to_list(), strict=True):
            known.update({a.lower(): iso3 for a in aliases or []})
    key = " ".join(value.strip().lower().split())
    if key in known:
        return known[key]
    close = difflib.get_close_matches(key, list(known), n=4, cutoff=0.6)
    hint = ", ".join(dict.fromkeys(f"{known[c]} ({names.get(known[c], known[c])})" for c in close))
    raise ValueError(
        f"unknown state {value!r}: not an ISO3 code, name or alias in the countries table"
        + (f"; did you mean {hint}?" if hint else "; see load_countries() for codes and aliases")
    )


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


def _keep_values(
    df: pl.DataFrame,
    values: str | Sequence[str] | None,
    column: str,
    accepted: Sequence[str],
    label: str,
    caller: str,
) -> pl.DataFrame:
    """Rows whose ``column`` is one of ``values`` (None: all rows); unknown values raise, listing
    the accepted ones."""
    if values is None:
        return df
    wanted = [str(v) for v in _as_list(values)]
    _check_values(wanted, accepted, label)
    _require_columns(df, [column], caller)
    return df.filter(pl.col(column).is_in(wanted))


def filter_region(df: pl.DataFrame, regions: str | Sequence[str] | None) -> pl.DataFrame:
    """Rows in any of the given regions (exercises: region of the location; participants: of the state)."""
    return _keep_values(df, regions, "region", REGIONS, "region(s)", "filter_region")


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
    return _keep_values(df, provenance, "provenance", list(PROVENANCES), "provenance(s)", "filter_provenance")


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


def _sea_names() -> dict[str, str]:
    """Lower-case sea name or alias -> the sea's name in ``seas.csv``."""
    from military_exercises.analysis.panels import mapping_path

    out: dict[str, str] = {}
    for name, key in (("seas.csv", "sea"), ("sea_aliases.csv", "alias")):
        try:
            path = mapping_path(name)
        except FileNotFoundError:
            continue
        with Path(path).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                out[row[key].lower()] = row["sea"]
    return out


def filter_sea(df: pl.DataFrame, seas: str | Sequence[str] | None, *, match: str = "any") -> pl.DataFrame:
    """Exercises in any (``match="any"``) or all (``match="all"``) of the given seas.

    Seas are the names of ``dataset/mappings/seas.csv`` (or an alias of ``sea_aliases.csv``), in any
    case: ``filter_sea(ex, "baltic sea")``. The ``seas`` column holds the seas of each exercise's sea
    area and those its place text names; an exercise whose place names no catalogued sea never matches.
    """
    if seas is None:
        return df
    known = _sea_names()
    known.update(
        {s.lower(): s for s in df.get_column("seas").explode().drop_nulls().unique()}
        if "seas" in df.columns
        else {}
    )
    wanted = []
    for sea in _as_list(seas):
        name = known.get(" ".join(str(sea).strip().lower().split()))
        if name is None:
            raise _did_you_mean(str(sea), known, "sea")
        wanted.append(name)
    return _filter_list_column(df, "seas", wanted, sorted(set(known.values())), match)


def filter_series(df: pl.DataFrame, series: str | Sequence[str] | None) -> pl.DataFrame:
    """Exercises of any of the given series (names as in the ``series`` table, any case).

    A name outside the catalogue raises with the closest catalogued names.
    """
    if series is None:
        return df
    _require_columns(df, ["series"], "filter_series")
    known = {s.lower(): s for s in df.get_column("series").drop_nulls().unique()}
    wanted = []
    for name in _as_list(series):
        key = " ".join(str(name).strip().lower().split())
        if key not in known:  # a catalogued series may simply have no row in this frame
            from military_exercises.load import load_series

            known.update({s.lower(): s for s in load_series()["series"].to_list()})
        if key not in known:
            raise _did_you_mean(str(name), known, "series")
        wanted.append(known[key])
    return df.filter(pl.col("series").is_in(wanted))


def filter_name(df: pl.DataFrame, text: str | None, *, regex: bool = False) -> pl.DataFrame:
    """Exercises whose name or series contains ``text``, ignoring case (a literal string unless
    ``regex=True``). Unnamed exercises never match."""
    if text is None:
        return df
    _require_columns(df, ["name", "series"], "filter_name")
    pattern = ("(?i)" + text) if regex else ("(?i)" + re.escape(text))
    hit = pl.col("name").str.contains(pattern).fill_null(False) | pl.col("series").str.contains(
        pattern
    ).fill_null(False)
    return df.filter(hit)


def filter_kind(df: pl.DataFrame, kinds: str | Sequence[str] | None) -> pl.DataFrame:
    """Exercises of the given kinds: ``national`` (one state), ``bilateral`` (two), ``multilateral``
    (three or more); observers are not counted."""
    return _keep_values(df, kinds, "kind", EXERCISE_KINDS, "kind(s)", "filter_kind")


def filter_duration(
    df: pl.DataFrame, *, min_days: int | None = None, max_days: int | None = None, keep_unknown: bool = False
) -> pl.DataFrame:
    """Exercises lasting ``min_days`` to ``max_days`` days (inclusive; start and end day both count).

    The duration is known only when both dates are known to the day; other rows are dropped unless
    ``keep_unknown=True`` (duration unknown is not duration zero).
    """
    if min_days is not None and max_days is not None and min_days > max_days:
        raise ValueError(f"min_days {min_days} is larger than max_days {max_days}")
    if min_days is None and max_days is None:
        return df
    _require_columns(df, ["duration_days"], "filter_duration")
    cond = _within("duration_days", min_days, max_days)
    if keep_unknown:
        cond = cond | pl.col("duration_days").is_null()
    return df.filter(cond.fill_null(False))


#: How filter_bloc relates an exercise's participants to a bloc's members.
BLOC_MATCHES: tuple[str, ...] = ("any", "only", "all")


def filter_bloc(
    df: pl.DataFrame,
    members: Sequence[str] | None,
    *,
    match: str = "any",
    country_table: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Exercises by their relation to a bloc, given as its member states (codes or names):
    ``match="any"``: at least one member takes part; ``"only"``: every participant is a member (an
    intra-bloc exercise); ``"all"``: every member takes part. Observers do not count.

    The dataset holds no membership dates: pass the members of the years you study (e.g. the CSTO's
    six), as for the bloc groupings of :func:`military_exercises.analysis.stats.exercises_per_year`.
    """
    if members is None:
        return df
    if match not in BLOC_MATCHES:
        raise ValueError(f"unknown bloc match {match!r}; accepted: {', '.join(BLOC_MATCHES)}")
    iso3 = resolve_countries(list(members), country_table=country_table)
    if not iso3:
        raise ValueError("the bloc has no members; give at least one state")
    _require_columns(df, ["participants"], "filter_bloc")
    inside = pl.col("participants").list.eval(pl.element().is_in(iso3))
    if match == "any":
        return df.filter(inside.list.any())
    if match == "only":
        return df.filter(inside.list.all() & (pl.col("participants").list.len() > 0))
    return df.filter(
        pl.col("participants").list.set_intersection(sorted(set(iso3))).list.len() == len(set(iso3))
    )


#: Earth's mean radius (IUGG), for great-circle distances.
EARTH_RADIUS_KM = 6371.0088
#: Coordinates that place the exercise itself, not just its country (the default of filter_near).
OWN_COORDINATES: tuple[str, ...] = ("point", "upstream_geocode")


def distance_km(lat: float, lon: float) -> pl.Expr:
    """Great-circle (haversine) distance in km from (lat, lon) to each row's ``lat``/``lon``."""
    phi1, lam1 = math.radians(lat), math.radians(lon)
    phi2, lam2 = pl.col("lat").radians(), pl.col("lon").radians()
    a = ((phi2 - phi1) / 2).sin() ** 2 + math.cos(phi1) * phi2.cos() * ((lam2 - lam1) / 2).sin() ** 2
    return 2 * EARTH_RADIUS_KM * a.sqrt().arcsin()


def filter_near(
    df: pl.DataFrame,
    near: tuple[float, float, float] | None,
    *,
    precisions: str | Sequence[str] = OWN_COORDINATES,
) -> pl.DataFrame:
    """Exercises within ``km`` of a point: ``near=(lat, lon, km)``, by great-circle distance.

    Only coordinates of the precisions given count: by default those that place the exercise itself
    (``point``, ``upstream_geocode``); add ``country_centroid`` and ``country_capital`` to count an
    exercise known only by its country at that country's point, ``sea_area`` for one known only by
    its sea at the sea's point. Rows without coordinates never match.
    """
    if near is None:
        return df
    if len(near) != 3:
        raise ValueError(f"near takes (lat, lon, km); got {near!r}")
    lat, lon, km = (float(v) for v in near)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or km < 0:
        raise ValueError(f"near=({lat}, {lon}, {km}): lat in -90..90, lon in -180..180, km >= 0")
    wanted = [str(p) for p in _as_list(precisions)]
    _check_values(wanted, COORDINATE_PRECISIONS, "coordinates precision(s)")
    _require_columns(df, ["lat", "lon", "coordinates_precision"], "filter_near")
    return df.filter(
        (pl.col("coordinates_precision").is_in(wanted) & (distance_km(lat, lon) <= km)).fill_null(False)
    )


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
    seas: str | Sequence[str] | None = None,
    series: str | Sequence[str] | None = None,
    name: str | None = None,
    kinds: str | Sequence[str] | None = None,
    min_days: int | None = None,
    max_days: int | None = None,
    provenance: str | Sequence[str] | None = None,
    near: tuple[float, float, float] | None = None,
) -> pl.DataFrame:
    """All the exercise filters in one call (each ``None`` = no filter); they combine with AND.

    The counterpart of troopdata's ``get_exercises()``, with exact codes and checked vocabularies.
    Domains, purposes and seas match when any of the given values is present; ``name`` is a
    case-insensitive text in the name or series; ``near=(lat, lon, km)`` counts the coordinates that
    place the exercise itself (see :func:`filter_near`).

    >>> filter_exercises(ex, seas="Baltic Sea", start=2014, kinds="multilateral")  # doctest: +SKIP
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
    out = filter_sea(out, seas)
    out = filter_series(out, series)
    out = filter_name(out, name)
    out = filter_kind(out, kinds)
    out = filter_duration(out, min_days=min_days, max_days=max_days)
    out = filter_provenance(out, provenance)
    out = filter_near(out, near)
    return filter_size(out, min_troops=min_troops, max_troops=max_troops)
