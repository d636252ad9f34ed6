"""Mapping tables kept as data in ``dataset/mappings/``: countries, aliases, admin-1, organisations.

Loaded on demand (never at import). Every table is checked when loaded; a broken table is a build
error, not a silent gap.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import polars as pl

from military_exercises.vocab import DOMAINS, NOT_HELD_STATUSES, REGIONS, SERIES_FREQUENCIES

_ISO3 = re.compile(r"^[A-Z]{3}$")
_Schema = dict[str, pl.DataType | type[pl.DataType]]


class MappingError(ValueError):
    """A mapping table is malformed: ``file``, ``line`` (or None) and ``field`` say where."""

    def __init__(self, file: str, line: int | None, field: str, message: str) -> None:
        self.file, self.line, self.field, self.message = file, line, field, message
        where = file if line is None else f"{file}:{line}"
        super().__init__(f"{where}: {field + ': ' if field else ''}{message}")


def read_csv_table(
    path: Path, columns: tuple[str, ...], *, label: str | None = None
) -> list[tuple[int, dict[str, str]]]:
    """Rows of a CSV table as ``(line, row)``; raise :class:`MappingError` with the place of any fault.

    A UTF-8 byte-order mark (as spreadsheet programs save) is accepted; other encodings, missing
    columns and rows with too many or too few cells are errors.
    """
    name = label or f"dataset/mappings/{path.name}"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise MappingError(name, None, "", "table missing") from None
    except OSError as exc:
        raise MappingError(name, None, "", f"cannot read: {exc.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise MappingError(
            name, line, "", f"not valid UTF-8 (byte {exc.start}); save the file as UTF-8"
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        raise MappingError(name, 1, "", f"empty table; the header must be: {','.join(columns)}")
    header = [h.strip() for h in header]
    missing = [c for c in columns if c not in header]
    if missing:
        raise MappingError(
            name, 1, "", f"missing column(s) {', '.join(missing)}; the header must be: {','.join(columns)}"
        )
    rows: list[tuple[int, dict[str, str]]] = []
    for cells in reader:
        line = reader.line_num
        if not cells or all(not c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise MappingError(
                name, line, "", f"{len(cells)} cells, but the header has {len(header)} columns"
            )
        rows.append((line, dict(zip(header, cells, strict=True))))
    return rows


def _int_or_none(value: str, file: str, line: int, field: str) -> int | None:
    if not value.strip():
        return None
    try:
        return int(value)
    except ValueError:
        raise MappingError(file, line, field, f"{value!r} is not a whole number") from None


def _normalise_alias(text: str) -> str:
    t = " ".join(text.strip().lower().split())
    return t[4:] if t.startswith("the ") else t


def _point(file: str, line: int, row: dict[str, str]) -> tuple[float, float]:
    """(lat, lon) of a row of a point table; a located error unless both are numbers on Earth."""
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        raise MappingError(file, line, "lat", "lat and lon must be numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise MappingError(file, line, "lat", f"({lat}, {lon}) is not a point on Earth")
    return lat, lon


@dataclass
class Mappings:
    """All mapping tables of one dataset directory."""

    directory: Path

    @cached_property
    def countries(self) -> pl.DataFrame:
        """The code crosswalk: one row per state (ISO3 key), with G&W and COW codes and region."""
        file = "dataset/mappings/countries.csv"
        columns = ("iso3", "name", "gw_code", "cow_code", "gw_microstate", "region")
        table = read_csv_table(self.directory / "countries.csv", columns)
        rows = [r for _, r in table]
        seen: set[str] = set()
        gw: list[int | None] = []
        cow: list[int | None] = []
        for line, r in table:
            if not _ISO3.match(r["iso3"]) or r["iso3"] in seen:
                raise MappingError(file, line, "iso3", f"bad or duplicate iso3 {r['iso3']!r}")
            if r["region"] not in REGIONS:
                raise MappingError(
                    file, line, "region", f"unknown region {r['region']!r}; accepted: {', '.join(REGIONS)}"
                )
            if r["gw_microstate"] not in ("true", "false"):
                raise MappingError(
                    file, line, "gw_microstate", f"{r['gw_microstate']!r}: write true or false"
                )
            seen.add(r["iso3"])
            gw.append(_int_or_none(r["gw_code"], file, line, "gw_code"))
            cow.append(_int_or_none(r["cow_code"], file, line, "cow_code"))
        return pl.DataFrame(
            {
                "iso3": [r["iso3"] for r in rows],
                "name": [r["name"] for r in rows],
                "gw_code": gw,
                "cow_code": cow,
                "gw_microstate": [r["gw_microstate"] == "true" for r in rows],
                "region": [r["region"] for r in rows],
            },
            schema={
                "iso3": pl.String,
                "name": pl.String,
                "gw_code": pl.Int64,
                "cow_code": pl.Int64,
                "gw_microstate": pl.Boolean,
                "region": pl.String,
            },
        ).sort("iso3")

    @cached_property
    def country_region(self) -> dict[str, str]:
        return dict(zip(self.countries["iso3"], self.countries["region"], strict=True))

    @cached_property
    def country_aliases(self) -> dict[str, str]:
        """Lower-case alias (name, demonym, code) -> ISO3."""
        known = set(self.countries["iso3"])
        out: dict[str, str] = {}
        file = "dataset/mappings/country_aliases.csv"
        for i, r in read_csv_table(self.directory / "country_aliases.csv", ("alias", "iso3")):
            alias, iso3 = _normalise_alias(r["alias"]), r["iso3"]
            if iso3 not in known:
                raise MappingError(file, i, "iso3", f"{iso3!r} is not in countries.csv")
            if out.get(alias, iso3) != iso3:
                raise MappingError(file, i, "alias", f"{alias!r} maps to two countries")
            out[alias] = iso3
        return out

    def resolve_country(self, text: str) -> str | None:
        """ISO3 for an ISO3 code, a country name or a demonym; None when unknown. Exact, not fuzzy."""
        if text in self.country_region:
            return text
        return self.country_aliases.get(_normalise_alias(text))

    @cached_property
    def admin1_codes(self) -> dict[str, str]:
        """ISO 3166-2 code -> name, from pycountry (the canonical list)."""
        import pycountry

        return {s.code: s.name for s in pycountry.subdivisions}

    @cached_property
    def admin1_aliases(self) -> dict[str, str]:
        out: dict[str, str] = {}
        file = "dataset/mappings/admin1_aliases.csv"
        for i, r in read_csv_table(self.directory / "admin1_aliases.csv", ("alias", "code")):
            if r["code"] not in self.admin1_codes:
                raise MappingError(file, i, "code", f"{r['code']!r} is not an ISO 3166-2 code in pycountry")
            out[_normalise_alias(r["alias"])] = r["code"]
        return out

    def resolve_admin1(self, text: str) -> str | None:
        """ISO 3166-2 code for a code or a known alias; None when unknown."""
        if text in self.admin1_codes:
            return text
        return self.admin1_aliases.get(_normalise_alias(text))

    @cached_property
    def organisations(self) -> dict[str, str]:
        rows = read_csv_table(self.directory / "organisations.csv", ("code", "name"))
        return {r["code"]: r["name"] for _, r in rows}

    @cached_property
    def sea_region(self) -> dict[str, str | None]:
        """Lower-case sea name or alias -> region (None for a sea that spans regions)."""
        out: dict[str, str | None] = {}
        for i, r in read_csv_table(self.directory / "seas.csv", ("sea", "region")):
            if r["region"] and r["region"] not in REGIONS:
                raise MappingError(
                    "dataset/mappings/seas.csv", i, "region", f"unknown region {r['region']!r}"
                )
            out[_normalise_alias(r["sea"])] = r["region"] or None
        return out

    @cached_property
    def sea_names(self) -> dict[str, str]:
        """Lower-case sea name or alias -> the sea's name in seas.csv (the code used in ``seas``)."""
        rows = read_csv_table(self.directory / "seas.csv", ("sea", "region"))
        out = {_normalise_alias(r["sea"]): r["sea"] for _, r in rows}
        file = "dataset/mappings/sea_aliases.csv"
        path = self.directory / "sea_aliases.csv"
        if path.exists():
            for i, r in read_csv_table(path, ("alias", "sea")):
                if _normalise_alias(r["sea"]) not in out:
                    raise MappingError(file, i, "sea", f"{r['sea']!r} is not in seas.csv")
                out[_normalise_alias(r["alias"])] = out[_normalise_alias(r["sea"])]
        return out

    @cached_property
    def sea_points(self) -> dict[str, tuple[float, float]]:
        """Sea (as named in seas.csv) -> (lat, lon) of the point drawn for an exercise known only by
        its sea area. Every catalogued sea must have a row in sea_polygons.csv (a polygon, or an empty
        one saying why not), and every polygon a derived point."""
        polygons_file, points_file = "dataset/mappings/sea_polygons.csv", "dataset/mappings/sea_points.csv"
        if not (self.directory / "sea_polygons.csv").exists():
            return {}
        named = {_normalise_alias(s): s for s in self.sea_names.values()}
        decided: dict[str, str] = {}
        polygon_rows = read_csv_table(
            self.directory / "sea_polygons.csv", ("sea", "naturalearth_name", "note")
        )
        for line, r in polygon_rows:
            if _normalise_alias(r["sea"]) not in named:
                raise MappingError(polygons_file, line, "sea", f"{r['sea']!r} is not in seas.csv")
            decided[named[_normalise_alias(r["sea"])]] = r["naturalearth_name"]
        missing = sorted(set(named.values()) - set(decided))
        if missing:
            why = "name its Natural Earth polygon or leave naturalearth_name empty and say why"
            raise MappingError(polygons_file, None, "sea", f"no row for {', '.join(missing)}: {why}")
        out: dict[str, tuple[float, float]] = {}
        point_rows = read_csv_table(
            self.directory / "sea_points.csv", ("sea", "lat", "lon", "method", "source")
        )
        for line, r in point_rows:
            if r["sea"] not in decided:
                raise MappingError(points_file, line, "sea", f"{r['sea']!r} is not in sea_polygons.csv")
            if r["method"] not in ("naturalearth_centroid", "naturalearth_interior"):
                raise MappingError(points_file, line, "method", f"unknown method {r['method']!r}")
            out[r["sea"]] = _point(points_file, line, r)
        stale = sorted(s for s, name in decided.items() if name and s not in out)
        if stale:
            run = "run military-exercises derive-sea-points"
            raise MappingError(points_file, None, "sea", f"no point for {', '.join(stale)}: {run}")
        return out

    @cached_property
    def _sea_pattern(self) -> re.Pattern[str]:
        names = sorted(self.sea_names, key=len, reverse=True)  # longest first: 'Eastern Mediterranean'
        return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)

    def resolve_seas(self, text: str) -> tuple[list[str], list[str]]:
        """A record's location.sea ('Black Sea; Caspian Sea', 'Aegean and Mediterranean') -> (seas,
        parts that name no sea). Parts are split at ';', ',', '/' and ' and '."""
        seas: list[str] = []
        unknown: list[str] = []
        for part in re.split(r"\s*(?:;|,|/|\band\b)\s*", text):
            if not part.strip():
                continue
            sea = self.sea_names.get(_normalise_alias(part))
            if sea is None:
                unknown.append(part.strip())
            elif sea not in seas:
                seas.append(sea)
        return seas, unknown

    @cached_property
    def _sea_first_words(self) -> frozenset[str] | None:
        """The first word of every sea name (None if a name starts with no word character)."""
        firsts = [re.match(r"\w+", n.lower()) for n in self.sea_names]
        return None if None in firsts else frozenset(m.group(0) for m in firsts if m)

    def seas_named_in(self, text: str) -> list[str]:
        """Every catalogued sea (or alias) a free text names, as whole words, in order of first mention."""
        out: list[str] = []
        firsts = self._sea_first_words
        if firsts is not None and firsts.isdisjoint(re.findall(r"\w+", text.lower())):
            return out  # no word of the text starts a sea name: most places are on land
        for match in self._sea_pattern.finditer(text):
            sea = self.sea_names[_normalise_alias(match.group(1))]
            if sea not in out:
                out.append(sea)
        return out

    def region_of_sea(self, sea: str) -> str | None:
        """The one region every sea named in ``sea`` lies in, else None."""
        seas, _ = self.resolve_seas(sea)
        regions = {self.sea_region.get(_normalise_alias(s)) for s in seas}
        return regions.pop() if len(regions) == 1 else None

    @cached_property
    def plausible_limits(self) -> dict[str, int]:
        """Quantity -> largest value accepted without an allow-list entry."""
        file = "dataset/mappings/plausible_limits.csv"
        out: dict[str, int] = {}
        for i, r in read_csv_table(self.directory / "plausible_limits.csv", ("quantity", "max")):
            limit = _int_or_none(r["max"], file, i, "max")
            if limit is None:
                raise MappingError(file, i, "max", "a limit is needed")
            out[r["quantity"]] = limit
        return out

    @cached_property
    def series(self) -> pl.DataFrame:
        """The series catalogue: one row per recurring series, every name and alias unique."""
        file = "dataset/mappings/series.csv"
        columns = ("series", "aliases", "lead", "organisation", "usual_hosts", "region", "domains",
                   "frequency", "first_known", "last_known", "source_url", "source_publisher",
                   "source_published", "note")  # fmt: skip
        rows = read_csv_table(self.directory / "series.csv", columns)
        seen: dict[str, int] = {}
        out: list[dict[str, object]] = []
        for line, r in rows:
            name = r["series"].strip()
            if not name:
                raise MappingError(file, line, "series", "a series needs a name")
            aliases = [a.strip() for a in r["aliases"].split(";") if a.strip()]
            for label in (name, *aliases):
                key = _normalise_alias(label)
                if seen.get(key, line) != line:
                    message = f"{label!r} is already a name or alias on line {seen[key]}"
                    raise MappingError(file, line, "aliases" if label != name else "series", message)
                seen[key] = line
            codes = {k: [c.strip() for c in r[k].split(";") if c.strip()] for k in ("lead", "usual_hosts")}
            for key, values in codes.items():
                for code in values:
                    if code not in self.country_region:
                        raise MappingError(file, line, key, f"{code!r} is not an ISO3 code in countries.csv")
            organisation = r["organisation"].strip() or None
            if organisation is not None and organisation not in self.organisations:
                raise MappingError(file, line, "organisation", f"unknown organisation {organisation!r}")
            region = r["region"].strip() or None
            if region is not None and region not in REGIONS:
                raise MappingError(
                    file, line, "region", f"unknown region {region!r}; accepted: {', '.join(REGIONS)}"
                )
            domains = [d.strip() for d in r["domains"].split(";") if d.strip()]
            for d in domains:
                if d not in DOMAINS:
                    raise MappingError(
                        file, line, "domains", f"unknown domain {d!r}; accepted: {', '.join(DOMAINS)}"
                    )
            frequency = r["frequency"].strip() or None
            if frequency is not None and frequency not in SERIES_FREQUENCIES:
                accepted = ", ".join(SERIES_FREQUENCIES)
                raise MappingError(
                    file, line, "frequency", f"unknown frequency {frequency!r}; accepted: {accepted}"
                )
            first = _int_or_none(r["first_known"], file, line, "first_known")
            last = _int_or_none(r["last_known"], file, line, "last_known")
            if first is not None and last is not None and last < first:
                raise MappingError(file, line, "last_known", f"{last} is before first_known {first}")
            url = r["source_url"].strip()
            if not url.startswith(("http://", "https://")):
                raise MappingError(
                    file, line, "source_url", "every series row cites a page (an http(s) address)"
                )
            out.append({
                "series": name, "aliases": aliases, "lead": codes["lead"], "organisation": organisation,
                "usual_hosts": codes["usual_hosts"], "region": region, "domains": domains,
                "frequency": frequency, "first_known": first, "last_known": last, "source_url": url,
                "source_publisher": r["source_publisher"].strip() or None,
                "source_published": r["source_published"].strip() or None, "note": r["note"].strip() or None,
            })  # fmt: skip
        schema: _Schema = {"series": pl.String, "aliases": pl.List(pl.String), "lead": pl.List(pl.String),
                  "organisation": pl.String, "usual_hosts": pl.List(pl.String), "region": pl.String,
                  "domains": pl.List(pl.String), "frequency": pl.String, "first_known": pl.Int64,
                  "last_known": pl.Int64, "source_url": pl.String, "source_publisher": pl.String,
                  "source_published": pl.String, "note": pl.String}  # fmt: skip
        return pl.DataFrame(out, schema=schema).sort("series")

    @cached_property
    def series_names(self) -> dict[str, str]:
        """Normalised name or alias -> the series' name."""
        out: dict[str, str] = {}
        for name, aliases in self.series.select("series", "aliases").iter_rows():
            out[_normalise_alias(name)] = name
            for alias in aliases:
                out[_normalise_alias(alias)] = name
        return out

    def resolve_series(self, text: str) -> str | None:
        """The catalogued name for a series name or alias; None when the catalogue lacks it."""
        return self.series_names.get(_normalise_alias(text))

    @cached_property
    def series_not_held(self) -> pl.DataFrame:
        """Editions known not to have been held, each with the page that says so."""
        file = "dataset/mappings/series_not_held.csv"
        columns = ("series", "year", "status", "note", "source_url", "source_publisher", "source_title",
                   "source_published", "source_language")  # fmt: skip
        out: list[dict[str, object]] = []
        seen: set[tuple[str, int]] = set()
        for line, r in read_csv_table(self.directory / "series_not_held.csv", columns):
            if r["series"] not in set(self.series["series"]):
                raise MappingError(
                    file, line, "series", f"{r['series']!r} is not a series name in series.csv"
                )
            year = _int_or_none(r["year"], file, line, "year")
            if year is None:
                raise MappingError(file, line, "year", "a year is needed")
            if (r["series"], year) in seen:
                raise MappingError(file, line, "year", f"{r['series']} {year} is listed twice")
            seen.add((r["series"], year))
            if r["status"] not in NOT_HELD_STATUSES:
                accepted = ", ".join(NOT_HELD_STATUSES)
                raise MappingError(
                    file, line, "status", f"unknown status {r['status']!r}; accepted: {accepted}"
                )
            if not r["source_url"].startswith(("http://", "https://")):
                raise MappingError(
                    file, line, "source_url", "cite the page that says so (an http(s) address)"
                )
            out.append({"series": r["series"], "year": year, "not_held_status": r["status"],
                        "note": r["note"].strip() or None, "source_url": r["source_url"],
                        "source_publisher": r["source_publisher"].strip() or None,
                        "source_title": r["source_title"].strip() or None,
                        "source_published": r["source_published"].strip() or None})  # fmt: skip
        schema: _Schema = {"series": pl.String, "year": pl.Int64, "not_held_status": pl.String,
                  "note": pl.String, "source_url": pl.String, "source_publisher": pl.String,
                  "source_title": pl.String, "source_published": pl.String}  # fmt: skip
        return pl.DataFrame(out, schema=schema).sort("series", "year")

    @cached_property
    def point_countries(self) -> dict[tuple[float, float], str | None]:
        """(lat, lon) of an upstream point -> iso3 of the Natural Earth country holding it (None: at sea)."""
        file = "dataset/mappings/point_countries.csv"
        path = self.directory / "point_countries.csv"
        if not path.exists():
            return {}
        out: dict[tuple[float, float], str | None] = {}
        for line, r in read_csv_table(path, ("lat", "lon", "iso3")):
            if r["iso3"] and r["iso3"] not in self.country_region:
                raise MappingError(file, line, "iso3", f"{r['iso3']!r} is not in countries.csv")
            try:
                out[(float(r["lat"]), float(r["lon"]))] = r["iso3"] or None
            except ValueError:
                raise MappingError(file, line, "lat", "lat and lon must be numbers") from None
        return out

    @cached_property
    def country_points(self) -> dict[str, tuple[float, float, str]]:
        """ISO3 -> (lat, lon, precision) of the point drawn for an exercise known only by its country."""
        file = "dataset/mappings/country_points.csv"
        path = self.directory / "country_points.csv"
        if not path.exists():
            return {}
        out: dict[str, tuple[float, float, str]] = {}
        precision = {"naturalearth_centroid": "country_centroid", "geonames_capital": "country_capital"}
        for line, r in read_csv_table(path, ("iso3", "lat", "lon", "method", "source")):
            if r["iso3"] not in self.country_region:
                raise MappingError(file, line, "iso3", f"{r['iso3']!r} is not in countries.csv")
            if r["method"] not in precision:
                raise MappingError(file, line, "method", f"unknown method {r['method']!r}")
            lat, lon = _point(file, line, r)
            out[r["iso3"]] = (lat, lon, precision[r["method"]])
        return out
