"""Normalize: a parsed record -> rows with codes, regions and date intervals; every problem found.

Countries and admin-1 areas go through the mapping tables (exact match, never fuzzy), dates through
:func:`parse_partial_date`. Nothing is repaired: a value that cannot be normalized is a problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from military_exercises.pipeline.dates import PartialDate, PartialDateError, parse_partial_date
from military_exercises.pipeline.mappings import Mappings
from military_exercises.pipeline.parse import ClaimIn, ParsedRecord
from military_exercises.pipeline.problems import Problem
from military_exercises.pipeline.urls import normalise_url
from military_exercises.vocab import (
    BASES,
    COUNTED_ROLES,
    DOMAINS,
    LOCATION_PRECISIONS,
    PURPOSES,
    QUALIFIERS,
    QUANTITIES,
    RECORD_STATUSES,
    ROLES,
    STATES_QUANTITY,
)

#: Larger than any count a source could give; keeps every number inside Int64.
MAX_COUNT = 10**12
#: The fields that must agree wherever one source id is cited.
SOURCE_FIELDS = ("publisher", "title", "url", "published", "language")

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANG = re.compile(r"^[a-z]{2}$")
_UPSTREAM_REF = re.compile(r"^(mme:mme\d+(-\d+)?|jme:jme-r\d{4})$")


@dataclass
class NormalizedRecord:
    """Rows for every table contributed by one source record.

    A record with problems is still returned, with ``complete=False``, its claims and sources (as far
    as they could be read) and only ``exercise_id`` and ``source_file`` in ``exercise``: the
    cross-file checks see it too, so one build reports every problem at once. It is never published.
    """

    exercise: dict[str, Any]
    participants: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    complete: bool = True


def _accepted(values: tuple[str, ...] | list[str]) -> str:
    return ", ".join(values)


class _Problems:
    """Collects the problems of one record, each located by its path in the file."""

    def __init__(self, parsed: ParsedRecord) -> None:
        self.parsed = parsed
        self.found: list[Problem] = []

    def __call__(self, message: str, *path: str | int) -> None:
        fld = ""
        for part in path:
            fld += f"[{part}]" if isinstance(part, int) else (f".{part}" if fld else str(part))
        self.found.append(Problem(self.parsed.path, self.parsed.line(*path), fld, message))


@dataclass
class _Dates:
    start: PartialDate | None
    end: PartialDate | None


@dataclass
class _Participants:
    rows: list[dict[str, Any]]
    roles: dict[str, str]  # iso3 -> role
    counted: set[str]  # hosts, participants and partial participants


@dataclass
class _Location:
    iso3: str | None
    admin1: str | None


def normalize_identity(parsed: ParsedRecord) -> list[Problem]:
    """Status, id slug and id = file name."""
    rec, problem = parsed.record, _Problems(parsed)
    if rec.status is not None:
        if rec.status == "draft":
            problem(
                "draft record from the extractor: check every value against its source, "
                "then delete the 'status: draft' line",
                "status",
            )
        else:
            problem(f"unknown status {rec.status!r}; accepted: {_accepted(RECORD_STATUSES)}", "status")
    stem = parsed.path.rsplit("/", 1)[-1].removesuffix(".yaml")
    if not _SLUG.match(rec.id):
        problem(f"id {rec.id!r} must be a lower-case slug of letters, digits and hyphens", "id")
    if rec.id != stem:
        problem(f"id {rec.id!r} does not match the file name {stem!r}.yaml", "id")
    for i, other in enumerate(rec.distinct_from):
        if not _SLUG.match(other):
            problem(f"{other!r} is not an exercise id (a lower-case slug)", "distinct_from", i)
        elif other == rec.id:
            problem("an exercise cannot be distinct from itself", "distinct_from", i)
    for i, ref in enumerate(rec.same_as):
        if not _UPSTREAM_REF.match(ref):
            problem(f"{ref!r} is not an upstream row id ('mme:mme1234' or 'jme:jme-r0123')", "same_as", i)
    return problem.found


def normalize_dates(parsed: ParsedRecord) -> tuple[_Dates, list[Problem]]:
    """Start and end as partial dates; the id and folder must carry the start year."""
    rec, problem = parsed.record, _Problems(parsed)
    start: PartialDate | None = None
    end: PartialDate | None = None
    try:
        start = parse_partial_date(rec.start)
    except PartialDateError as exc:
        problem(str(exc), "start")
    if rec.end is not None:
        try:
            end = parse_partial_date(rec.end)
        except PartialDateError as exc:
            problem(str(exc), "end")
    if start is not None:
        if not rec.id.startswith(f"{start.earliest.year}-"):
            problem(f"id must begin with the start year {start.earliest.year}-", "id")
        folder = parsed.path.rsplit("/", 2)[-2] if parsed.path.count("/") >= 1 else ""
        if folder != str(start.earliest.year):
            problem(f"file must be in the folder of its start year ({start.earliest.year}/)", "start")
    if start is not None and end is not None and end.latest < start.earliest:
        problem(f"end {end.text} is before start {start.text}", "end")
    return _Dates(start, end), problem.found


def normalize_participants(parsed: ParsedRecord, maps: Mappings) -> tuple[_Participants, list[Problem]]:
    """States with their roles: each once, known codes, at least one counted participant."""
    rec, problem = parsed.record, _Problems(parsed)
    rows: list[dict[str, Any]] = []
    roles: dict[str, str] = {}
    for i, p in enumerate(rec.participants):
        iso3 = maps.resolve_country(p.country)
        if iso3 is None and p.country in maps.organisations:
            # MME lists "NATO" as a participant; here participants are states only
            problem(
                f"{p.country!r} is an organisation, not a state: set organisation: {p.country} and "
                "list the member states that took part",
                "participants",
                i,
                "country",
            )
        elif iso3 is None:
            problem(
                f"unknown country {p.country!r}: use an ISO3 code or add the name to "
                "dataset/mappings/country_aliases.csv",
                "participants",
                i,
                "country",
            )
        if p.role not in ROLES:
            problem(f"unknown role {p.role!r}; accepted: {_accepted(ROLES)}", "participants", i, "role")
        if iso3 is None:
            continue
        if iso3 in roles:
            problem(f"{iso3} is listed twice among participants", "participants", i, "country")
            continue
        roles[iso3] = p.role
        rows.append({"exercise_id": rec.id, "iso3": iso3, "role": p.role})
    counted = {c for c, r in roles.items() if r in COUNTED_ROLES}
    if not counted and roles:
        problem("at least one participant must be a host, participant or partial", "participants")
    return _Participants(rows, roles, counted), problem.found


def normalize_location(
    parsed: ParsedRecord, maps: Mappings, roles: dict[str, str]
) -> tuple[_Location, list[Problem]]:
    """Location country and admin-1 through the tables, precision, coordinates, and the host rule."""
    rec, problem = parsed.record, _Problems(parsed)
    loc = rec.location
    loc_iso3: str | None = None
    admin1: str | None = None
    if loc.country is not None:
        loc_iso3 = maps.resolve_country(loc.country)
        if loc_iso3 is None:
            problem(
                f"unknown country {loc.country!r}: use an ISO3 code or add the name to "
                "dataset/mappings/country_aliases.csv",
                "location",
                "country",
            )
    if loc.admin1 is not None:
        admin1 = maps.resolve_admin1(loc.admin1)
        if admin1 is None:
            problem(
                f"unknown ISO 3166-2 code or alias {loc.admin1!r}: use a code such as TJ-GB or add "
                "the name to dataset/mappings/admin1_aliases.csv",
                "location",
                "admin1",
            )
        elif loc_iso3 is not None:
            import pycountry

            alpha2 = admin1.split("-", 1)[0]
            admin1_country = pycountry.countries.get(alpha_2=alpha2)
            if admin1_country is not None and admin1_country.alpha_3 != loc_iso3:
                problem(f"admin1 {admin1} is not in location country {loc_iso3}", "location", "admin1")
    if loc.precision not in LOCATION_PRECISIONS:
        problem(
            f"unknown precision {loc.precision!r}; accepted: {_accepted(LOCATION_PRECISIONS)}",
            "location",
            "precision",
        )
    for axis, bound in (("lat", 90), ("lon", 180)):
        coordinate = getattr(loc, axis)
        if coordinate is not None and not -bound <= coordinate <= bound:
            problem(f"{axis} {coordinate} is outside -{bound}..{bound}", "location", axis)
    if (loc.lat is None) != (loc.lon is None):
        problem("give both lat and lon, or neither", "location")
    if loc.precision == "point" and loc.lat is None:
        problem("precision 'point' needs lat and lon", "location", "precision")
    if loc.precision == "sea" and loc.sea is None:
        problem("precision 'sea' needs the sea area in location.sea", "location", "precision")
    if loc.sea is not None:
        for part in maps.resolve_seas(loc.sea)[1]:
            problem(
                f"{part!r} is no sea in dataset/mappings/seas.csv or sea_aliases.csv; "
                "use a catalogued name or add the sea (or an alias) there",
                "location",
                "sea",
            )
    if loc_iso3 is not None and roles.get(loc_iso3, "host") not in ("host", "observer"):
        # the state the exercise ran in is its host (dataset/sources/README.md), whatever else it did
        problem(
            f"{loc_iso3} is the location country but is listed as {roles[loc_iso3]!r}; "
            "the state an exercise ran in is a host",
            "location",
            "country",
        )
    return _Location(loc_iso3, admin1), problem.found


def normalize_vocabularies(parsed: ParsedRecord, maps: Mappings) -> list[Problem]:
    """Organisation, domains and purposes against their lists."""
    rec, problem = parsed.record, _Problems(parsed)
    if rec.series is not None:
        name = maps.resolve_series(rec.series)
        if name is None:
            problem(
                f"unknown series {rec.series!r}: add it, with a page that describes it, to "
                "dataset/mappings/series.csv (or use its catalogued name)",
                "series",
            )
        elif name != rec.series:
            problem(f"write the series' catalogued name {name!r} ({rec.series!r} is an alias)", "series")
    if rec.organisation is not None and rec.organisation not in maps.organisations:
        problem(
            f"unknown organisation {rec.organisation!r}; accepted: {_accepted(list(maps.organisations))}",
            "organisation",
        )
    for key, accepted in (("domains", DOMAINS), ("purposes", PURPOSES)):
        values: list[str] = getattr(rec, key)
        for i, v in enumerate(values):
            if v not in accepted:
                problem(f"unknown value {v!r}; accepted: {_accepted(accepted)}", key, i)
            elif v in values[:i]:
                problem(f"{v!r} is listed twice", key, i)
    return problem.found


def normalize_sources(parsed: ParsedRecord) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Source rows (with their line numbers for the cross-file checks) and their problems."""
    rec, problem = parsed.record, _Problems(parsed)
    rows: list[dict[str, Any]] = []
    ids: set[str] = set()
    for i, s in enumerate(rec.sources):
        if not _SLUG.match(s.id):
            problem(f"source id {s.id!r} must be a lower-case slug", "sources", i, "id")
        if s.id in ids:
            problem(f"source id {s.id!r} is given twice in this file", "sources", i, "id")
        ids.add(s.id)
        url = urlparse(s.url)
        if url.scheme not in ("http", "https") or not url.netloc:
            problem(f"url {s.url!r} must be an http(s) address", "sources", i, "url")
        published = None
        if s.published is not None:
            try:
                published = parse_partial_date(s.published)
            except PartialDateError as exc:
                problem(str(exc), "sources", i, "published")
        if not _LANG.match(s.language):
            problem(f"language {s.language!r} must be a two-letter ISO 639-1 code", "sources", i, "language")
        for key in ("publisher", "title"):
            if not getattr(s, key).strip():
                problem("must not be empty", "sources", i, key)
        rows.append(
            {
                "source_id": s.id,
                "publisher": s.publisher,
                "title": s.title,
                "url": s.url,
                "published": s.published,
                "published_date": published.earliest if published else None,
                "published_precision": published.precision if published else None,
                "language": s.language,
                "_page": normalise_url(s.url),
                "_file": parsed.path,
                "_line": parsed.line("sources", i, "id"),
                "_index": i,
                "_lines": {key: parsed.line("sources", i, key) for key in SOURCE_FIELDS},
            }
        )
    if rec.full_list_source is not None and rec.full_list_source not in ids:
        problem(
            f"full_list_source {rec.full_list_source!r} is not among this file's sources: "
            f"{_accepted(sorted(ids))}",
            "full_list_source",
        )
    return rows, problem.found


def _check_claim_shape(c: ClaimIn, where: tuple[str, int], problem: _Problems) -> None:
    """Vocabularies, value/range forms and number bounds of one claim."""
    if c.quantity not in QUANTITIES:
        problem(f"unknown quantity {c.quantity!r}; accepted: {_accepted(QUANTITIES)}", *where, "quantity")
    if c.quantity == STATES_QUANTITY and c.country is not None:
        problem(
            "a 'states' claim counts the participating states of the whole exercise: country must be null",
            *where,
            "country",
        )
    if c.qualifier not in QUALIFIERS:
        problem(f"unknown qualifier {c.qualifier!r}; accepted: {_accepted(QUALIFIERS)}", *where, "qualifier")
    if c.basis not in BASES:
        problem(f"unknown basis {c.basis!r}; accepted: {_accepted(BASES)}", *where, "basis")
    if c.qualifier == "range":
        if c.value is not None:
            problem("a range gives low and high, not value", *where, "value")
        if c.low is None or c.high is None:
            problem("qualifier 'range' needs both low and high", *where, "qualifier")
    elif c.qualifier in QUALIFIERS:
        if c.low is not None or c.high is not None:
            problem(
                f"low/high belong to qualifier 'range'; qualifier {c.qualifier!r} takes value",
                *where,
                "low" if c.low is not None else "high",
            )
        if c.value is None:
            problem(f"qualifier {c.qualifier!r} needs a value", *where, "value")
    for key in ("value", "low", "high"):
        number = getattr(c, key)
        if number is not None and number < 0:
            problem(f"{key} {number} is negative; counts are zero or more", *where, key)
        elif number is not None and number > MAX_COUNT:
            # beyond any real count, and beyond what the Int64 columns can hold
            problem(f"{key} {number:,} is larger than any count ({MAX_COUNT:,})", *where, key)
    if c.low is not None and c.high is not None and c.low > c.high:
        problem(f"low ({c.low}) is greater than high ({c.high})", *where, "low")
    if c.qualifier == "fewer_than" and c.value == 0:
        problem("'fewer than 0' is impossible", *where, "value")


def _check_claim_parties(
    c: ClaimIn,
    where: tuple[str, int],
    problem: _Problems,
    maps: Mappings,
    counted: set[str],
    organisation: str | None,
) -> tuple[str | None, str | None]:
    """The contingent's country and who declared it; returns (country, claimant country) as ISO3."""
    country: str | None = None
    if c.country is not None:
        country = maps.resolve_country(c.country)
        if country is None:
            problem(f"unknown country {c.country!r}", *where, "country")
        elif country not in counted:
            problem(
                f"claim is for {country}, which is not a host, participant or partial participant",
                *where,
                "country",
            )
    claimant_country: str | None = None
    if c.claimant_country is not None:
        claimant_country = maps.resolve_country(c.claimant_country)
        if claimant_country is None:
            problem(f"unknown country {c.claimant_country!r}", *where, "claimant_country")
    if c.claimant_organisation is not None and c.claimant_organisation not in maps.organisations:
        problem(
            f"unknown organisation {c.claimant_organisation!r}; accepted: "
            f"{_accepted(list(maps.organisations))}",
            *where,
            "claimant_organisation",
        )
    if c.basis == "declared" and c.claimant_organisation is not None:
        # the organisation running the exercise speaks for its participants; any other is an outsider
        if c.claimant_organisation != organisation:
            problem(
                f"declared by {c.claimant_organisation}, which does not run this exercise "
                f"(organisation: {organisation}); use basis 'estimated'",
                *where,
                "claimant_organisation",
            )
    elif c.basis == "declared":
        if c.claimant_country is None:
            problem(
                "a declared claim needs claimant_country (the participant whose government declared it) "
                "or claimant_organisation (the organisation running the exercise)",
                *where,
                "claimant_country",
            )
        elif claimant_country is not None and claimant_country not in counted:
            problem(
                f"declared by {claimant_country}, which does not take part; use basis 'estimated'",
                *where,
                "claimant_country",
            )
    return country, claimant_country


def normalize_claims(
    parsed: ParsedRecord, maps: Mappings, counted: set[str], source_ids: set[str]
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Claim rows (with plausibility columns for the cross-file check) and their problems."""
    rec, problem = parsed.record, _Problems(parsed)
    rows: list[dict[str, Any]] = []
    claim_ids: set[str] = set()
    for i, c in enumerate(rec.claims):
        where = ("claims", i)
        if c.id in claim_ids:
            problem(f"claim id {c.id!r} is used twice in this file", *where, "id")
        claim_ids.add(c.id)
        _check_claim_shape(c, where, problem)
        country, claimant_country = _check_claim_parties(c, where, problem, maps, counted, rec.organisation)
        if c.source not in source_ids:
            problem(
                f"claim cites source {c.source!r}, which is not among this file's sources: "
                f"{_accepted(sorted(source_ids))}",
                *where,
                "source",
            )
        limit = maps.plausible_limits.get(c.quantity)
        # A number past MAX_COUNT is already a problem; it is left out of the row (which must fit
        # Int64 even for a record that is never published) rather than reported twice.
        numbers = tuple((k, v if v is None or abs(v) <= MAX_COUNT else None) for k, v in
                        (("value", c.value), ("low", c.low), ("high", c.high)))  # fmt: skip
        counts = dict(numbers)
        given = [(v, key) for key, v in numbers if v is not None]
        biggest, biggest_key = max(given, default=(0, "value"))
        rows.append(
            {
                "claim_id": f"{rec.id}/{c.id}",
                "exercise_id": rec.id,
                "quantity": c.quantity,
                "country_iso3": country,
                "qualifier": c.qualifier,
                "value": counts["value"],
                "low": counts["low"],
                "high": counts["high"],
                "basis": c.basis,
                "claimant": c.claimant,
                "claimant_iso3": claimant_country,
                "claimant_organisation": c.claimant_organisation,
                "source_id": c.source,
                "component": c.component,
                "note": c.note,
                "_plausible": limit is None or biggest <= limit,
                "_limit": limit,
                "_line": parsed.line(*where, "id"),
                "_biggest_field": f"claims[{i}].{biggest_key}",
                "_biggest_line": parsed.line(*where, biggest_key),
            }
        )
    return rows, problem.found


def _region(maps: Mappings, location: _Location, roles: dict[str, str], sea: str | None) -> str | None:
    """The location country's region; else the one region all hosts share; else the sea's."""
    region = None
    if location.iso3 is not None:
        region = maps.country_region.get(location.iso3)
    if region is None:
        # several hosts in one region (Saber Strike in the three Baltic states) still give a region
        host_regions = {maps.country_region.get(c) for c, r in roles.items() if r == "host"}
        if len(host_regions) == 1:
            region = host_regions.pop()
    if region is None and sea is not None:
        region = maps.region_of_sea(sea)
    return region


def _exercise_row(
    parsed: ParsedRecord, maps: Mappings, dates: _Dates, location: _Location, roles: dict[str, str]
) -> dict[str, Any]:
    """The exercises-table row of a record without problems."""
    rec, loc = parsed.record, parsed.record.location
    start, end = dates.start, dates.end
    assert start is not None  # only called for records whose start parsed
    if end is None:
        duration = None
    elif start.precision == "day" and end.precision == "day":
        duration = (end.earliest - start.earliest).days + 1
    else:
        duration = None
    return {
        "exercise_id": rec.id,
        "name": rec.name,
        "series": rec.series,
        "start": rec.start,
        "end": rec.end,
        "start_date": start.earliest,
        "start_precision": start.precision,
        "end_date": end.latest if end else None,
        "end_precision": end.precision if end else None,
        "duration_days": duration,
        "year": start.earliest.year,
        "organisation": rec.organisation,
        "domains": sorted(rec.domains, key=lambda d: DOMAINS.index(d)),
        "purposes": sorted(rec.purposes, key=lambda p: PURPOSES.index(p)),
        "location_country_iso3": location.iso3,
        "location_admin1": location.admin1,
        "location_place": loc.place,
        "location_sea": loc.sea,
        "lat": float(loc.lat) if loc.lat is not None else None,
        "lon": float(loc.lon) if loc.lon is not None else None,
        "coordinates_precision": "point" if loc.lat is not None else None,
        "location_precision": loc.precision,
        "region": _region(maps, location, roles, loc.sea),
        "planned": bool(rec.planned),
        "notes": rec.notes,
        "source_file": parsed.path,
        "_start_latest": start.latest,
        "_end_latest": end.latest if end else start.latest,
        "_distinct_from": list(rec.distinct_from),
        "_line_id": parsed.line("id"),
        "_line_start": parsed.line("start"),
        "_full_list": rec.full_list_source is not None,
        "_same_as": list(rec.same_as),
    }


def normalize_record(parsed: ParsedRecord, maps: Mappings) -> tuple[NormalizedRecord, list[Problem]]:
    """Check one record against the vocabularies and tables; return its rows and its problems.

    Each part of the record is checked by its own function, which returns its problems; all of
    them run, so one pass reports everything wrong with the file.
    """
    rec = parsed.record
    problems = normalize_identity(parsed)
    dates, found = normalize_dates(parsed)
    problems += found
    participants, found = normalize_participants(parsed, maps)
    problems += found
    location, found = normalize_location(parsed, maps, participants.roles)
    problems += found
    problems += normalize_vocabularies(parsed, maps)
    source_rows, found = normalize_sources(parsed)
    problems += found
    source_ids = {s.id for s in rec.sources}
    claim_rows, found = normalize_claims(parsed, maps, participants.counted, source_ids)
    problems += found

    if problems or dates.start is None:
        partial = {"exercise_id": rec.id, "source_file": parsed.path}
        return NormalizedRecord(partial, [], claim_rows, source_rows, complete=False), problems
    exercise = _exercise_row(parsed, maps, dates, location, participants.roles)
    return NormalizedRecord(exercise, participants.rows, claim_rows, source_rows), []
