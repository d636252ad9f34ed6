"""Mapping tables kept as data in ``dataset/mappings/``: countries, aliases, admin-1, organisations.

Loaded on demand (never at import). Every table is checked when loaded; a broken table is a build
error, not a silent gap.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import polars as pl

from military_exercises.vocab import REGIONS

_ISO3 = re.compile(r"^[A-Z]{3}$")


class MappingError(ValueError):
    """A mapping table is malformed."""


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    except FileNotFoundError as exc:
        raise MappingError(f"mapping table missing: {path}") from exc


def _normalise_alias(text: str) -> str:
    t = " ".join(text.strip().lower().split())
    return t[4:] if t.startswith("the ") else t


@dataclass
class Mappings:
    """All mapping tables of one dataset directory."""

    directory: Path

    @cached_property
    def countries(self) -> pl.DataFrame:
        """The code crosswalk: one row per state (ISO3 key), with G&W and COW codes and region."""
        rows = _read_csv(self.directory / "countries.csv")
        seen: set[str] = set()
        for i, r in enumerate(rows, start=2):
            if not _ISO3.match(r["iso3"]) or r["iso3"] in seen:
                raise MappingError(f"countries.csv line {i}: bad or duplicate iso3 {r['iso3']!r}")
            if r["region"] not in REGIONS:
                raise MappingError(f"countries.csv line {i}: unknown region {r['region']!r}")
            seen.add(r["iso3"])
        return pl.DataFrame(
            {
                "iso3": [r["iso3"] for r in rows],
                "name": [r["name"] for r in rows],
                "gw_code": [int(r["gw_code"]) if r["gw_code"] else None for r in rows],
                "cow_code": [int(r["cow_code"]) if r["cow_code"] else None for r in rows],
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
        for i, r in enumerate(_read_csv(self.directory / "country_aliases.csv"), start=2):
            alias, iso3 = _normalise_alias(r["alias"]), r["iso3"]
            if iso3 not in known:
                raise MappingError(f"country_aliases.csv line {i}: {iso3!r} is not in countries.csv")
            if out.get(alias, iso3) != iso3:
                raise MappingError(f"country_aliases.csv line {i}: {alias!r} maps to two countries")
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
        for i, r in enumerate(_read_csv(self.directory / "admin1_aliases.csv"), start=2):
            if r["code"] not in self.admin1_codes:
                raise MappingError(
                    f"admin1_aliases.csv line {i}: {r['code']!r} is not an ISO 3166-2 code in pycountry"
                )
            out[_normalise_alias(r["alias"])] = r["code"]
        return out

    def resolve_admin1(self, text: str) -> str | None:
        """ISO 3166-2 code for a code or a known alias; None when unknown."""
        if text in self.admin1_codes:
            return text
        return self.admin1_aliases.get(_normalise_alias(text))

    @cached_property
    def organisations(self) -> dict[str, str]:
        return {r["code"]: r["name"] for r in _read_csv(self.directory / "organisations.csv")}

    @cached_property
    def sea_region(self) -> dict[str, str]:
        out = {}
        for i, r in enumerate(_read_csv(self.directory / "seas.csv"), start=2):
            if r["region"] not in REGIONS:
                raise MappingError(f"seas.csv line {i}: unknown region {r['region']!r}")
            out[_normalise_alias(r["sea"])] = r["region"]
        return out

    def region_of_sea(self, sea: str) -> str | None:
        return self.sea_region.get(_normalise_alias(sea))

    @cached_property
    def plausible_limits(self) -> dict[str, int]:
        """Quantity -> largest value accepted without an allow-list entry."""
        return {r["quantity"]: int(r["max"]) for r in _read_csv(self.directory / "plausible_limits.csv")}
