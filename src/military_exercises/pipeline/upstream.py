"""Upstream: the vendored MME v7 and JME v3 files -> exercise rows in the release's own model.

Each file is kept byte for byte in ``dataset/upstream/<name>/`` with a ``provenance.yaml`` whose
sha256 is checked at every build. One adapter per upstream turns a row into the model a curated
record has (dates with precision, participants with roles and codes, location, domains, purposes);
the upstreams hold no sizes, so they add no claims. Every defect is repaired by one written rule,
and every repair is a published row (``upstream_repairs``); every row of each file is accounted for
in ``upstream_rows`` (published, linked to another row, or not published with the reason).

Rules (also in docs/upstream.md):

- ``reused_id``: an id used by an earlier row gets a suffix ``-2``, ``-3``; the original stays in
  ``upstream_rows.original_id``.
- ``missing_code``: ``-9`` (the upstreams' code for unknown) in a name or place becomes null.
- ``day_unknown`` / ``month_unknown`` / ``impossible_date``: an ``xx`` (or ``-9``) day gives a
  month-precise date, an unknown month a year-precise one; a day that does not exist in its month is
  dropped to month precision.
- ``date_from_text``: a row whose year/month/day columns are empty takes its date from the date text
  (``MM/DD/YYYY``, ``MM/xx/YYYY``).
- ``end_before_start``: an end before the start becomes null.
- participant values through ``dataset/mappings/upstream_participants.csv`` (unknown, organisation,
  group, territory; each with its rule) and the country alias table; ``duplicate_participant``: a
  state listed twice is kept once.
- ``host_from_location``: a participant that is also the location country is the host.
- ``region_from_coordinates``: a row whose place names no country and whose hosts do not share one
  region takes the region of the country whose Natural Earth polygon holds the upstream's own point
  (``dataset/mappings/point_countries.csv``, derived by ``military-exercises derive-country-points``);
  a point at sea gives no region.
- ``duplicate_row``: a row with the same name, year, participants and overlapping dates as an earlier
  row of the same file is linked to it, not published twice.
- ``no_participant`` / ``no_start`` / ``start_out_of_range``: a row with no identifiable state, no
  start year, or a start outside the years the upstream covers, is not published; ``upstream_rows``
  says so.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
import yaml

from military_exercises.pipeline.mappings import MappingError, Mappings, read_csv_table
from military_exercises.pipeline.matching import name_words
from military_exercises.pipeline.problems import Problem

UPSTREAMS = ("mme", "jme")
#: The years each upstream covers: a start outside them is a typo no rule can mend ('3009').
COVERAGE = {"mme": (1980, 2010), "jme": (1970, 2010)}
#: The release's source row for each upstream (every upstream exercise cites it).
UPSTREAM_SOURCES: dict[str, dict[str, str | None]] = {
    "mme": {
        "source_id": "dorazio-galambos-2021-mme-v7",
        "publisher": "Harvard Dataverse (D'Orazio and Galambos)",
        "title": "Multinational Military Exercises, 1980-2010 (MME), version 7",
        "url": "https://doi.org/10.7910/DVN/KHFODX",
        "published": "2021",
        "language": "en",
    },
    "jme": {
        "source_id": "dorazio-jme-v3",
        "publisher": "Vito D'Orazio (JME project), via the troopdata repository",
        "title": "Joint Military Exercises (JME), version 3 coding sheet",
        "url": "https://github.com/meflynn/troopdata/blob/3946bcf/data-raw/jme_v3.xls",
        "published": None,
        "language": "en",
    },
}
_MISSING = {"-9", "", "xx", "XX", "nan", "None"}


@dataclass
class Adapted:
    """What the upstream adapters produce, before links to curated records are applied."""

    exercises: list[dict[str, Any]] = field(default_factory=list)
    participants: list[dict[str, Any]] = field(default_factory=list)
    repairs: list[dict[str, Any]] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    repair_counts: dict[tuple[str, str], int] = field(default_factory=dict)
    loaded: set[str] = field(default_factory=set)  # the upstreams present in this checkout


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if text.endswith(".0") and text[:-2].isdigit():  # a spreadsheet number read as text
        text = text[:-2]
    return None if text in _MISSING else text


def file_problems(folder: Path, name: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The upstream's provenance, after checking each listed file's sha256 (byte-for-byte copy)."""
    where = f"dataset/upstream/{name}/provenance.yaml"
    try:
        prov = yaml.safe_load((folder / "provenance.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return None, [Problem(where, None, "", f"cannot read the provenance: {exc}")]
    problems = []
    for entry in prov.get("files", []):
        path = folder / entry["path"]
        if not path.is_file():
            problems.append(Problem(where, None, "files", f"{entry['path']} is missing"))
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != entry["sha256"]:
            problems.append(
                Problem(
                    f"dataset/upstream/{name}/{entry['path']}",
                    None,
                    "",
                    "differs from the copy recorded in provenance.yaml (sha256): upstream files are "
                    "kept byte for byte; a new upstream version needs a new provenance entry",
                )
            )
    return prov, problems


@dataclass(frozen=True)
class ParticipantRule:
    action: str  # drop | organisation | expand | territory
    targets: tuple[str, ...]
    from_year: int | None
    to_year: int | None
    rule: str


def participant_rules(maps: Mappings) -> dict[str, list[ParticipantRule]]:
    file = "dataset/mappings/upstream_participants.csv"
    out: dict[str, list[ParticipantRule]] = {}
    columns = ("value", "action", "target", "from_year", "to_year", "rule")
    for line, r in read_csv_table(maps.directory / "upstream_participants.csv", columns):
        if r["action"] not in ("drop", "organisation", "expand", "territory"):
            raise MappingError(file, line, "action", f"unknown action {r['action']!r}")
        targets = tuple(t for t in r["target"].split(";") if t)
        for t in targets:
            if r["action"] != "organisation" and t not in maps.country_region:
                raise MappingError(file, line, "target", f"{t!r} is not an ISO3 code in countries.csv")
        years = [int(y) if y.strip() else None for y in (r["from_year"], r["to_year"])]
        out.setdefault(r["value"], []).append(
            ParticipantRule(r["action"], targets, years[0], years[1], r["rule"])
        )
    return out


class _Row:
    """One upstream row being adapted: collects its repairs as it goes."""

    def __init__(self, upstream: str, upstream_id: str, out: Adapted) -> None:
        self.upstream, self.upstream_id, self.out = upstream, upstream_id, out
        self._first_repair = len(out.repairs)

    def not_published(self, status: dict[str, Any], reason: str) -> None:
        """Report the row as not published; repairs of a row nobody sees would only mislead."""
        del self.out.repairs[self._first_repair :]
        self.out.repair_counts.pop((self.upstream, self.upstream_id), None)
        self.out.rows.append({**status, "status": "not_published", "exercise_id": None, "reason": reason})

    def repair(self, field_name: str, original: Any, new: Any, rule: str) -> None:
        key = (self.upstream, self.upstream_id)
        n = self.out.repair_counts[key] = self.out.repair_counts.get(key, 0) + 1
        self.out.repairs.append(
            {
                "upstream": self.upstream,
                "upstream_id": self.upstream_id,
                "n": n,
                "field": field_name,
                "original": None if original is None else str(original),
                "new": None if new is None else str(new),
                "rule": rule,
            }
        )


def _partial_date(row: _Row, which: str, year: Any, month: Any, day: Any) -> tuple[str | None, str | None]:
    """'YYYY[-MM[-DD]]' and its precision from year/month/day cells, repairing unknown parts."""
    y, m, d = _clean(year), _clean(month), _clean(day)
    if y is None or not y.isdigit():
        return None, None
    if m is None or not m.isdigit() or not 1 <= int(m) <= 12:
        if month is not None and str(month).strip() not in ("", "None"):
            row.repair(f"{which}.month", month, None, "month_unknown")
        return y, "year"
    if d is None or not d.isdigit():
        if day is not None and str(day).strip() not in ("", "None"):
            row.repair(f"{which}.day", day, None, "day_unknown")
        return f"{int(y):04d}-{int(m):02d}", "month"
    if not 1 <= int(d) <= calendar.monthrange(int(y), int(m))[1]:
        row.repair(f"{which}.day", day, None, "impossible_date")
        return f"{int(y):04d}-{int(m):02d}", "month"
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}", "day"


_DATE_TEXT = re.compile(r"^\s*(\d{1,2})/(\d{1,2}|xx|XX)/(\d{4})\s*$")


def _date_from_text(row: _Row, which: str, text: Any) -> tuple[str | None, str | None]:
    m = _DATE_TEXT.match(str(text or ""))
    if m is None:
        return None, None
    value, precision = _partial_date(row, which, m.group(3), m.group(1), m.group(2))
    if value is not None:
        row.repair(which, text, value, "date_from_text")
    return value, precision


def _bounds(text: str, precision: str) -> tuple[dt.date, dt.date]:
    parts = [int(p) for p in text.split("-")]
    if precision == "year":
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if precision == "month":
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    day = dt.date(*parts)
    return day, day


def _states(
    row: _Row, values: list[str], year: int, maps: Mappings, rules: dict[str, list[ParticipantRule]]
) -> tuple[list[str], str | None, bool]:
    """ISO3 codes of the row's participants, the organisation named among them, and whether the list
    is known to be incomplete."""
    states: list[str] = []
    organisation: str | None = None
    incomplete = False
    for raw in values:
        value = raw.strip()
        iso3 = maps.resolve_country(value)
        if iso3 is None and maps.resolve_country(value.upper()) is not None:
            iso3 = maps.resolve_country(value.upper())
            row.repair("participant", raw, iso3, "code_spelling")  # 'uSA', 'DEu'
        elif iso3 is not None and raw != value:
            row.repair("participant", raw, iso3, "code_spelling")  # 'BEL '
        if iso3 is not None:
            found = [iso3]
        else:
            candidates = [
                r
                for r in rules.get(value, [])
                if (r.from_year is None or year >= r.from_year) and (r.to_year is None or year <= r.to_year)
            ]
            if not candidates:
                row.out.problems.append(
                    Problem(
                        f"dataset/upstream/{row.upstream}",
                        None,
                        row.upstream_id,
                        f"participant {value!r} is neither a country nor in "
                        "dataset/mappings/upstream_participants.csv: add an alias or a rule",
                    )
                )
                continue
            rule = candidates[0]
            row.repair("participant", value, ";".join(rule.targets) or None, f"{rule.action}: {rule.rule}")
            if rule.action == "drop":
                incomplete = True
                continue
            if rule.action == "organisation":
                organisation, incomplete = rule.targets[0], True
                continue
            found = list(rule.targets)
        for iso3 in found:
            if iso3 in states:
                row.repair("participant", iso3, None, "duplicate_participant")
            else:
                states.append(iso3)
    return states, organisation, incomplete


def _exercise(
    row: _Row,
    *,
    name: str | None,
    start: tuple[str, str],
    end: tuple[str | None, str | None],
    place: str | None,
    location_text: str | None,
    lat: float | None,
    lon: float | None,
    states: list[str],
    hosts: set[str],
    organisation: str | None,
    incomplete: bool,
    domains: list[str],
    purposes: list[str],
    notes: str,
    maps: Mappings,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The exercise row and its participant rows, in the shape a curated record takes."""
    start_text, start_prec = start
    end_text, end_prec = end
    s_lo, s_hi = _bounds(start_text, start_prec)
    e_lo = e_hi = None
    if end_text is not None and end_prec is not None:
        e_lo, e_hi = _bounds(end_text, end_prec)
        if e_hi < s_lo:
            row.repair("end", end_text, None, "end_before_start")
            end_text = end_prec = None
            e_lo = e_hi = None
    country = maps.resolve_country(location_text) if location_text else None
    if country is not None and country in states and country not in hosts:
        row.repair("role", f"{country}: participant", f"{country}: host", "host_from_location")
        hosts = hosts | {country}
    duration = None
    if start_prec == "day" and end_prec == "day" and e_lo is not None:
        duration = (e_lo - s_lo).days + 1
    region = maps.country_region.get(country) if country else None
    if region is None:
        host_regions = {maps.country_region.get(h) for h in hosts}
        if len(host_regions) == 1:
            region = host_regions.pop()
    if region is None and lat is not None and lon is not None:
        # the upstream's own point, placed in a country by the vendored Natural Earth polygons
        point_country = maps.point_countries.get((lat, lon))
        if point_country is not None and maps.country_region.get(point_country):
            region = maps.country_region[point_country]
            row.repair("region", None, f"{region} ({point_country})", "region_from_coordinates")
    exercise_id = row.upstream_id
    exercise = {
        "exercise_id": exercise_id,
        "name": name,
        "series": None,
        "start": start_text,
        "end": end_text,
        "start_date": s_lo,
        "start_precision": start_prec,
        "end_date": e_hi,
        "end_precision": end_prec,
        "duration_days": duration,
        "year": s_lo.year,
        "organisation": organisation,
        "domains": domains,
        "purposes": purposes,
        "location_country_iso3": country,
        "location_admin1": None,
        "location_place": place,
        "location_sea": None,
        "lat": lat,
        "lon": lon,
        "coordinates_precision": "upstream_geocode" if lat is not None and lon is not None else None,
        "location_precision": "country" if country is not None and place == location_text else "place",
        "region": region,
        "planned": False,
        "notes": notes,
        "source_file": f"dataset/upstream/{row.upstream}",
        "_end_latest": e_hi or s_hi,
        "_incomplete": incomplete,
        "_upstream": row.upstream,
    }
    participants = [
        {"exercise_id": exercise_id, "iso3": s, "role": "host" if s in hosts else "participant"}
        for s in states
    ]
    return exercise, participants


#: MME's 0/1 columns -> the release's domains and purposes.
DOMAIN_FLAGS = [("Land", "land"), ("Air", "air"), ("Sea", "sea"), ("Amphibious", "amphibious"),
                ("Cyber", "cyber"), ("CPX", "command_post")]  # fmt: skip
PURPOSE_FLAGS = [("Warfighting", "warfighting"), ("Peacekeeping", "peacekeeping"),
                 ("Humanitarian", "humanitarian_assistance")]  # fmt: skip


def _flags(record: dict[str, Any], pairs: list[tuple[str, str]]) -> list[str]:
    return [value for column, value in pairs if _clean(record.get(column)) == "1"]


def adapt_mme(path: Path, maps: Mappings, rules: dict[str, list[ParticipantRule]], out: Adapted) -> None:
    frame = pl.read_csv(path, infer_schema=False)
    state_columns = [c for c in frame.columns if c.startswith("State")]
    seen: dict[str, int] = {}
    for index, record in enumerate(frame.iter_rows(named=True)):
        original = record["MMEID"]
        seen[original] = seen.get(original, 0) + 1
        upstream_id = original if seen[original] == 1 else f"{original}-{seen[original]}"
        row = _Row("mme", upstream_id, out)
        if upstream_id != original:
            row.repair("MMEID", original, upstream_id, "reused_id")
        status = {"upstream": "mme", "upstream_id": upstream_id, "original_id": original, "row": index + 2}
        start = _partial_date(row, "start", record["s.year"], record["s.month"], record["s.day"])
        if start[0] is None or start[1] is None:
            row.not_published(status, "no_start")
            continue
        start_known = (start[0], start[1])
        year = int(start[0][:4])
        if not COVERAGE[row.upstream][0] <= year <= COVERAGE[row.upstream][1]:
            row.not_published(status, "start_out_of_range")
            continue
        values = [record[c] for c in state_columns if record[c] is not None and record[c].strip()]
        states, organisation, incomplete = _states(row, values, year, maps, rules)
        if not states:
            row.not_published(status, "no_participant")
            continue
        name = _clean(record["Ex_Name"])
        if name is None and record["Ex_Name"] is not None:
            row.repair("Ex_Name", record["Ex_Name"], None, "missing_code")
        location = _clean(record["Location"])
        if location is None and record["Location"] is not None:
            row.repair("Location", record["Location"], None, "missing_code")
        lat, lon = (_float(record["lat"]), _float(record["lon"]))
        series = _clean(record["Series_Name"])
        focus = _clean(record["FocusDescription"])
        notes = "; ".join(
            part
            for part in (
                f"From MME v7 ({original})",
                f"MME series name: {series}" if series else "",
                f"MME focus: {focus}" if focus else "",
                "MME coordinates are geocoded from the place text" if lat is not None else "",
            )
            if part
        )
        exercise, participants = _exercise(
            row,
            name=name,
            start=start_known,
            end=_partial_date(row, "end", record["e.year"], record["e.month"], record["e.day"]),
            place=location,
            location_text=location,
            lat=lat,
            lon=lon,
            states=states,
            hosts=set(),
            organisation=organisation,
            incomplete=incomplete,
            domains=_flags(record, DOMAIN_FLAGS),
            purposes=_flags(record, PURPOSE_FLAGS),
            notes=notes,
            maps=maps,
        )  # fmt: skip
        out.exercises.append(exercise)
        out.participants.extend(participants)
        out.rows.append({**status, "status": "published", "exercise_id": upstream_id, "reason": None})


def _float(value: Any) -> float | None:
    text = _clean(value)
    try:
        return None if text is None else float(text)
    except ValueError:
        return None


def adapt_jme(path: Path, maps: Mappings, rules: dict[str, list[ParticipantRule]], out: Adapted) -> None:
    frame = pl.read_excel(path, infer_schema_length=0)
    state_columns = [c for c in frame.columns if c.startswith("State ")]
    for index, record in enumerate(frame.iter_rows(named=True)):
        upstream_id = f"jme-r{index + 2:04d}"  # the sheet's row number: stable for this file
        row = _Row("jme", upstream_id, out)
        original = _clean(record["__UNNAMED__2"])
        status = {"upstream": "jme", "upstream_id": upstream_id, "original_id": original, "row": index + 2}
        start = _partial_date(row, "start", record["s.year"], record["s.month"], record["s.day"])
        if start[0] is None:
            start = _date_from_text(row, "start", record["Start Date"])
        if start[0] is None or start[1] is None:
            row.not_published(status, "no_start")
            continue
        start_known = (start[0], start[1])
        if not COVERAGE[row.upstream][0] <= int(start[0][:4]) <= COVERAGE[row.upstream][1]:
            row.not_published(status, "start_out_of_range")
            continue
        end = _partial_date(row, "end", record["e.year"], record["e.month"], record["e.day"])
        if end[0] is None:
            end = _date_from_text(row, "end", record["enddate"])
        year = int(start[0][:4])
        values = [str(record[c]) for c in state_columns if record[c] is not None and str(record[c]).strip()]
        states, organisation, incomplete = _states(row, values, year, maps, rules)
        if not states:
            row.not_published(status, "no_participant")
            continue
        hosted = _clean(record["Which state hosted the exercise?"])
        hosts = set()
        for part in re.split(r"[;,]", hosted or ""):
            iso3 = maps.resolve_country(part.strip()) if part.strip() else None
            if iso3 in states:
                hosts.add(iso3)
        location1, location2 = _clean(record["Location1"]), _clean(record["Location2"])
        place = ", ".join(p for p in (location2, location1) if p) or None
        jme_type = (_clean(record["JME Type"]) or "").lower()
        notes = f"From JME v3 (sheet row {index + 2}; coder {_clean(record['Coder']) or 'not given'})"
        exercise, participants = _exercise(
            row,
            name=_clean(record["Exercise Name"]),
            start=start_known,
            end=end,
            place=place,
            location_text=location1,
            lat=None,
            lon=None,
            states=states,
            hosts=hosts,
            organisation=organisation,
            incomplete=incomplete,
            domains=["command_post"] if "cpx" in jme_type or "both" in jme_type else [],
            purposes=[],
            notes=notes,
            maps=maps,
        )
        out.exercises.append(exercise)
        out.participants.extend(participants)
        out.rows.append({**status, "status": "published", "exercise_id": upstream_id, "reason": None})


ADAPTERS: dict[
    str, tuple[str, Callable[[Path, Mappings, dict[str, list[ParticipantRule]], Adapted], None]]
] = {
    "mme": ("mme_v7.csv", adapt_mme),
    "jme": ("jme_v3.xls", adapt_jme),
}


def _same_event_in_file(
    rows: list[dict[str, Any]], participants: list[dict[str, Any]]
) -> Iterator[tuple[str, str]]:
    """(earlier id, later id) for rows of one file that repeat an earlier row: same name (words), same
    year, same participants and overlapping dates (rule ``duplicate_row``)."""
    states: dict[str, frozenset[str]] = {}
    for p in participants:
        states[p["exercise_id"]] = states.get(p["exercise_id"], frozenset()) | {p["iso3"]}
    first: dict[tuple[frozenset[str], int, frozenset[str]], dict[str, Any]] = {}
    for r in rows:
        words = name_words(r["name"])
        if not words:
            continue
        key = (words, r["year"], states[r["exercise_id"]])
        earlier = first.get(key)
        if earlier is None:
            first[key] = r
        elif earlier["start_date"] <= r["_end_latest"] and r["start_date"] <= earlier["_end_latest"]:
            yield earlier["exercise_id"], r["exercise_id"]


def adapt_all(upstream_dir: Path, maps: Mappings) -> Adapted:
    """Every upstream file, checked against its provenance and adapted; duplicate rows linked."""
    out = Adapted()
    try:
        rules = participant_rules(maps)
    except MappingError as exc:
        out.problems.append(Problem(exc.file, exc.line, exc.field, exc.message))
        return out
    for name in UPSTREAMS:
        folder = upstream_dir / name
        if not folder.is_dir():
            continue  # a checkout without this upstream publishes without it
        _, problems = file_problems(folder, name)
        out.problems += problems
        if problems:
            continue
        file_name, adapter = ADAPTERS[name]
        out.loaded.add(name)
        start = len(out.exercises)
        adapter(folder / file_name, maps, rules, out)
        rows = out.exercises[start:]
        duplicates = dict((later, earlier) for earlier, later in _same_event_in_file(rows, out.participants))
        if duplicates:
            out.exercises = out.exercises[:start] + [r for r in rows if r["exercise_id"] not in duplicates]
            out.participants = [p for p in out.participants if p["exercise_id"] not in duplicates]
            for status in out.rows:
                if status["upstream"] == name and status["upstream_id"] in duplicates:
                    earlier = duplicates[status["upstream_id"]]
                    status.update(status="linked_upstream", exercise_id=earlier, reason="duplicate_row")
                    _Row(name, status["upstream_id"], out).repair(
                        "row", status["upstream_id"], earlier, "duplicate_row"
                    )
    return out
