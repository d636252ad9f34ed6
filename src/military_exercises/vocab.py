"""Controlled vocabularies shared by the source-record parser, the schemas and the analysis helpers.

They are the single list of accepted values; error messages quote them.
"""

from __future__ import annotations

ROLES: tuple[str, ...] = ("host", "participant", "observer", "partial")
#: Roles that make a state a participant in counts (observers are listed but not counted).
COUNTED_ROLES: tuple[str, ...] = ("host", "participant", "partial")

DOMAINS: tuple[str, ...] = ("land", "air", "sea", "amphibious", "cyber", "space", "command_post")

PURPOSES: tuple[str, ...] = (
    "warfighting",
    "nuclear_deterrence",
    "counter_terrorism",
    "peacekeeping",
    "humanitarian_assistance",
    "disaster_relief",
    "search_and_rescue",
    "maritime_security",
    "air_defence",
    "border_security",
    "mobilisation",
    "special_operations",
    "counter_narcotics",
    "logistics",
    "medical",
)

#: Troops plus the OSCE Vienna Document equipment categories and a few that news reports use.
QUANTITIES: tuple[str, ...] = (
    "troops",
    "tanks",
    "armoured_vehicles",
    "artillery",
    "combat_aircraft",
    "aircraft",
    "helicopters",
    "ships",
    "submarines",
    "drones",
    "vehicles",
    "sorties",
    "equipment",
    "states",
)
#: Quantities that count hardware (not people, not participating states).
EQUIPMENT_QUANTITIES: tuple[str, ...] = tuple(q for q in QUANTITIES if q not in ("troops", "states"))
#: The stated number of participating states ("31 nations"): always a whole-exercise claim.
STATES_QUANTITY = "states"

QUALIFIERS: tuple[str, ...] = (
    "exact",
    "about",
    "more_than",
    "at_least",
    "up_to",
    "fewer_than",
    "range",
)
#: Qualifiers whose stated number is a floor (the true value is at or above it).
FLOOR_QUALIFIERS: tuple[str, ...] = ("more_than", "at_least")
#: Qualifiers whose stated number is a ceiling (the true value is at or below it).
CEILING_QUALIFIERS: tuple[str, ...] = ("up_to", "fewer_than")

BASES: tuple[str, ...] = ("declared", "estimated", "reported")
#: Basis values of the reconciled sizes: the three claim bases plus all claims together.
SIZE_BASES: tuple[str, ...] = (*BASES, "combined")
SIZE_SCOPES: tuple[str, ...] = ("exercise", "country")
SIZE_METHODS: tuple[str, ...] = ("claims", "derived_from_contingents")

LOCATION_PRECISIONS: tuple[str, ...] = ("point", "place", "admin1", "country", "sea", "multi")
DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year")

REGIONS: tuple[str, ...] = (
    "Europe",
    "Eurasia",
    "Middle East & North Africa",
    "Sub-Saharan Africa",
    "South Asia",
    "East Asia",
    "Southeast Asia",
    "Oceania",
    "North America",
    "Latin America & Caribbean",
)

RECORD_STATUSES: tuple[str, ...] = ("draft",)

#: Where an exercise row comes from: a curated record, an upstream dataset, or several (linked).
PROVENANCES: tuple[str, ...] = ("curated", "mme", "jme", "several")
#: What became of each upstream row.
UPSTREAM_ROW_STATUSES: tuple[str, ...] = ("published", "linked_curated", "linked_upstream", "not_published")

#: Where an exercise's lat/lon come from: a cited page (point), the upstream's geocoding of its
#: place text, or its country's point (centroid; the capital for a state too small for the 1:110m map).
COORDINATE_PRECISIONS: tuple[str, ...] = (
    "point", "upstream_geocode", "country_centroid", "country_capital", "sea_area",
)  # fmt: skip

#: The seams of the data: which sources cover a year. Counts that cross a seam compare different
#: sources with different completeness (see the coverage table).
COVERAGE_PERIODS: tuple[tuple[int, int, str], ...] = (
    (1970, 1979, "JME only"),
    (1980, 2010, "MME and JME"),
    (2011, 2026, "curated census"),
)


def coverage_period(year: int) -> str | None:
    """The coverage period of a year (``None`` outside the data's years)."""
    return next((label for lo, hi, label in COVERAGE_PERIODS if lo <= year <= hi), None)


#: An exercise of one state, of two, or of three or more (observers not counted).
EXERCISE_KINDS: tuple[str, ...] = ("national", "bilateral", "multilateral")

#: How often a catalogued series is held (dataset/mappings/series.csv).
SERIES_FREQUENCIES: tuple[str, ...] = ("annual", "biennial", "irregular", "other")
#: Why a catalogued edition is missing (dataset/mappings/series_not_held.csv).
NOT_HELD_STATUSES: tuple[str, ...] = ("cancelled", "postponed", "merged", "not_held")
#: A series-year is held (a record exists), not held (a cited page says so), an off year of a
#: biennial series, or open (nothing known yet).
SERIES_YEAR_STATUSES: tuple[str, ...] = ("held", "not_held", "off_year", "open")
#: The years the census of series editions covers (issue: every edition 2011-2026).
CENSUS_YEARS: tuple[int, int] = (2011, 2026)


def check_choice(value: str | None, accepted: tuple[str, ...], what: str) -> None:
    """Raise ``ValueError`` naming the accepted values when ``value`` is not one of them."""
    if value is not None and value not in accepted:
        raise ValueError(f"unknown {what} {value!r}; accepted: {', '.join(accepted)}")


#: What counts as an exercise, and which national drills are in scope (printed in CODEBOOK.md;
#: records follow it, and coverage is measured by it).
EXERCISE_SCOPE = """\
**An exercise** is a planned, time-bounded military activity in which forces under military
command train for, rehearse or demonstrate a task by playing out a scenario: field training, live
fire, manoeuvres at sea or in the air, passing exercises between navies, command-post and
computer-assisted exercises, mobilisation and readiness (snap) checks, and cyber-defence exercises
run by armed forces. A participating government, the organising body or a cited report calls it an
exercise, a drill or manoeuvres, and gives its time.

**Not exercises:** operations and deployments (peacekeeping missions included); patrols, joint ones
included (joint air patrols, freedom-of-navigation transits, coordinated patrols without a drill);
port visits and fleet reviews without a joint drill; parades and displays; military sports
competitions; seminars, conferences and planning meetings; drills of civilian agencies alone. An
exercise that was cancelled is not a record; it is a `not_held` row of its series
(`dataset/mappings/series_not_held.csv`). One announced but not yet held is a record only with
`planned: true`.

**In scope:** every **multinational** exercise (forces of two or more states take part; observers do
not count), whatever its size; and **national** exercises that are (a) strategic, theatre-level or
snap exercises of a state's armed forces, (b) a recurring exercise a state names and holds as a
series (Han Kuang, Zolfaghar, Anatolian Eagle ...), or (c) of 10,000 personnel or more by any cited
figure. Coverage is measured on multinational exercises (`coverage.baseline_multinational`,
`est_completeness`); national exercises are a selection by this rule, not a census. Upstream rows
(MME, JME) follow their own codebooks: both hold multinational exercises only."""
