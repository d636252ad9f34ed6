"""Named things in a report: countries (names, demonyms, codes), admin-1 areas, seas, capitals,
organisations, exercise names and place names.

Countries and admin-1 areas come from the project's alias tables (``dataset/mappings/``) through
:class:`military_exercises.pipeline.mappings.Mappings`, so the extractor and the build agree on every name.
An admin-1 alias written ``Name (Country)`` ("Punjab (India)") is ambiguous on its own and is
matched only when that country is in the context. Matching is exact (after lower-casing and
collapsing spaces), longest first, and case-aware: a match must start with a capital letter, and
aliases of three letters or fewer ("US", "UK", "UAE") must be written in capitals.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from military_exercises.pipeline.mappings import Mappings

#: Capitals and seats of government used metonymically ("Minsk announced", "according to Bishkek").
#: They identify a claimant's country; they are not country names for the records.
CAPITALS: dict[str, str] = {
    "moscow": "RUS", "kremlin": "RUS", "minsk": "BLR", "kyiv": "UKR", "kiev": "UKR", "warsaw": "POL",
    "vilnius": "LTU", "riga": "LVA", "tallinn": "EST", "helsinki": "FIN", "stockholm": "SWE",
    "oslo": "NOR", "copenhagen": "DNK", "berlin": "DEU", "paris": "FRA", "london": "GBR",
    "washington": "USA", "pentagon": "USA", "ottawa": "CAN", "beijing": "CHN", "taipei": "TWN",
    "tokyo": "JPN", "seoul": "KOR", "pyongyang": "PRK", "ulaanbaatar": "MNG", "astana": "KAZ",
    "bishkek": "KGZ", "dushanbe": "TJK", "tashkent": "UZB", "ashgabat": "TKM", "baku": "AZE",
    "yerevan": "ARM", "tbilisi": "GEO", "ankara": "TUR", "tehran": "IRN", "new delhi": "IND",
    "delhi": "IND", "islamabad": "PAK", "kabul": "AFG", "cairo": "EGY", "riyadh": "SAU",
    "abu dhabi": "ARE", "doha": "QAT", "amman": "JOR", "rabat": "MAR", "algiers": "DZA",
    "abuja": "NGA", "accra": "GHA", "dakar": "SEN", "nairobi": "KEN", "dodoma": "TZA",
    "manila": "PHL", "hanoi": "VNM", "bangkok": "THA", "jakarta": "IDN", "kuala lumpur": "MYS",
    "canberra": "AUS", "wellington": "NZL", "brasilia": "BRA", "buenos aires": "ARG",
    "santiago": "CHL", "lima": "PER", "bogota": "COL", "belgrade": "SRB", "budapest": "HUN",
    "athens": "GRC", "nicosia": "CYP", "rome": "ITA", "madrid": "ESP",
}  # fmt: skip

#: Names of national armed forces that carry no country name ("a Bundeswehr spokesman").
ARMED_FORCES: dict[str, str] = {
    "bundeswehr": "DEU", "people's liberation army": "CHN", "pla": "CHN", "idf": "ISR", "tatmadaw": "MMR",
    "kdf": "KEN", "revolutionary guards": "IRN", "irgc": "IRN", "pentagon": "USA",
    "self-defense forces": "JPN",
    "self-defence forces": "JPN", "self-defense force": "JPN", "sdf": "JPN",
    # service names that carry no country word (forces named "Indian Navy" already name theirs)
    "royal navy": "GBR", "royal air force": "GBR", "raf": "GBR", "royal marines": "GBR",
    "luftwaffe": "DEU", "marine nationale": "FRA", "korean people's army": "PRK", "kpa": "PRK",
    "jmsdf": "JPN", "jgsdf": "JPN", "jasdf": "JPN", "nzdf": "NZL", "sandf": "ZAF", "fanb": "VEN",
    "zahal": "ISR", "pla navy": "CHN", "pla air force": "CHN",
    "tni": "IDN", "jsdf": "JPN", "adf": "AUS", "fardc": "COD", "bundesheer": "AUT",
    "raaf": "AUS", "rnzaf": "NZL", "rcaf": "CAN", "rmn": "MYS", "rmaf": "MYS", "pngdf": "PNG",
    "gsdf": "JPN", "msdf": "JPN", "asdf": "JPN", "rfmf": "FJI",
    # only the United States names its reserve forces so ("the Idaho Army National Guard")
    "army national guard": "USA", "air national guard": "USA",
    # Russia's military districts speak for its forces ("according to the Eastern Military District")
    "eastern military district": "RUS", "western military district": "RUS",
    "southern military district": "RUS", "central military district": "RUS",
}  # fmt: skip

#: Organisations and alliances (claimants that are not a state). Lower-case phrase -> code.
ORGANISATIONS: dict[str, str] = {
    "nato": "NATO", "the alliance": "NATO", "csto": "CSTO", "sco": "SCO", "shanghai cooperation organisation":
    "SCO", "gulf cooperation council": "GCC", "gcc": "GCC", "asean": "ASEAN", "african union": "AU",
    "ecowas": "ECOWAS", "united nations": "UN", "european union": "EU", "osce": "OSCE",
}  # fmt: skip

ORGANISATION_RE = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(k) for k in ORGANISATIONS), key=len, reverse=True)) + r")\b"
)
_TOKEN = re.compile(r"[^\W\d_][\w'’.&]*", re.UNICODE)
_REGION_WORD = re.compile(
    r"\s+(?:region|province|oblast|krai|state|governorate|prefecture|district|county|autonomous region)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Entry:
    """What an alias stands for: a country (ISO3), an admin-1 area (ISO 3166-2) or a capital."""

    kind: str  # "country" | "admin1" | "capital"
    code: str
    demonym: bool = False
    #: For admin-1 aliases written "Name (Country)": the ISO3 that must be in context.
    needs_country: str | None = None


@dataclass(frozen=True)
class Mention:
    """An entity found in the text, with character offsets into it."""

    kind: str
    code: str
    start: int
    end: int
    text: str
    demonym: bool = False
    possessive: bool = False
    needs_country: str | None = None
    #: Every reading of the alias (an admin-1 name may exist in two countries).
    options: tuple[Entry, ...] = ()


@dataclass
class Gazetteer:
    """The lookup tables, built once per mappings folder (see :func:`load_gazetteer`)."""

    maps: Mappings
    entries: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    seas: dict[str, str] = field(default_factory=dict)
    max_tokens: int = 1
    sea_re: re.Pattern[str] | None = None
    #: First token of every alias (lower-case) -> the most tokens an alias starting with it has.
    first_tokens: dict[str, int] = field(default_factory=dict)
    #: ISO3 -> English short name (countries.csv), for record ids.
    country_names: dict[str, str] = field(default_factory=dict)
    #: Lower-case organisation name or code -> code (organisations.csv plus "the alliance").
    organisations: dict[str, str] = field(default_factory=dict)
    #: Organisation codes and names as written in prose ("NATO", "Gulf Cooperation Council").
    organisation_re: re.Pattern[str] | None = None
    #: (name, ISO 3166-2 code) of admin-1 areas that share their name with a city
    #: (dataset/mappings/admin1_cities.csv): "in Istanbul" is the city.
    admin1_cities: frozenset[tuple[str, str]] = frozenset()
    #: ISO 3166-2 codes of first-level units that are towns (Slovenia's and Latvia's municipalities,
    #: Lithuania's district municipalities): named alone, they name the town, not an area.
    town_admin1: frozenset[str] = frozenset()

    def admin1_country(self, code: str) -> str | None:
        """ISO3 of the country an ISO 3166-2 code belongs to."""
        return _ALPHA2_TO_ISO3.get(code.split("-", 1)[0])


_ALPHA2_TO_ISO3: dict[str, str] = {}


def normalise_name(text: str) -> str:
    """A name as the gazetteer keys it (lower case, one space, no leading "the")."""
    return _norm(text)


def _norm(text: str) -> str:
    # "İzmir": Turkish dotted capital I lowercases to i + a combining dot, which splits the token
    t = " ".join(text.replace("’", "'").replace("İ", "I").lower().split())
    return t[4:] if t.startswith("the ") else t


@lru_cache(maxsize=8)
def load_gazetteer(mappings_dir: Path) -> Gazetteer:
    """Build (once per folder) the gazetteer from ``dataset/mappings``."""
    import pycountry

    if not _ALPHA2_TO_ISO3:
        for c in pycountry.countries:
            _ALPHA2_TO_ISO3[c.alpha_2] = c.alpha_3
        _ALPHA2_TO_ISO3["XK"] = "XKX"
    maps = Mappings(mappings_dir)
    entries: dict[str, list[Entry]] = {}
    kinds: dict[str, str] = {}
    with (mappings_dir / "country_aliases.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            kinds[_norm(row["alias"])] = row.get("kind") or "name"
    for alias, iso3 in maps.country_aliases.items():
        key = _norm(alias)
        entries.setdefault(key, []).append(Entry("country", iso3, demonym=kinds.get(key) == "demonym"))
    for iso3 in maps.country_region:
        entries.setdefault(iso3.lower(), []).append(Entry("country", iso3))
    # Guam, Puerto Rico, ...: ISO 3166-2 lists them under the US as outlying areas, and the source
    # records (and the corpus README) keep them so: "on Guam" is US-GU in the United States
    for alias, code in maps.admin1_aliases.items():
        m = re.fullmatch(r"(.+?)\s*\((.+)\)", alias)
        if m:
            needs = maps.resolve_country(m.group(2))
            entries.setdefault(_norm(m.group(1)), []).append(Entry("admin1", code, needs_country=needs))
        else:
            entries.setdefault(_norm(alias), []).append(Entry("admin1", code))
            oblast = re.fullmatch(r"(.+)\s+oblast", alias, re.IGNORECASE)
            region = _norm(oblast.group(1) + " Region") if oblast else None
            if region is not None and not any(e.code == code for e in entries.get(region, ())):
                # "Chernihiv Oblast" is written "the Chernihiv region" as often
                entries.setdefault(region, []).append(Entry("admin1", code))
    for name, iso3 in CAPITALS.items():
        entries.setdefault(name, []).append(Entry("capital", iso3))
    for name, iso3 in ARMED_FORCES.items():
        # a national force stands for its state, as a participant too ("The PLA sent 1,600 personnel")
        kind = "capital" if name in CAPITALS else "country"
        entries.setdefault(name, []).append(Entry(kind, iso3))
    # ISO 3166-2 names from pycountry, usable only when their country is in context: "Laikipia" in
    # a report on Kenya, "Amazonas" in one on Brazil (it is also a Colombian and a Peruvian area).
    for sub in pycountry.subdivisions:
        sub_iso3 = _ALPHA2_TO_ISO3.get(sub.country_code)
        if sub_iso3 is None:
            continue
        for key in _subdivision_keys(sub.name):
            if any(e.kind == "admin1" and e.code == sub.code for e in entries.get(key, ())):
                continue
            entries.setdefault(key, []).append(Entry("admin1", sub.code, needs_country=sub_iso3))
    seas = {_norm(s): s for s in _sea_names(mappings_dir)}
    sea_re = re.compile(
        r"\b(?:" + "|".join(re.escape(s) for s in sorted(seas.values(), key=len, reverse=True)) + r")\b"
    )
    frozen = {k: tuple(v) for k, v in entries.items()}
    first_tokens: dict[str, int] = {}
    for key in frozen:
        toks = _TOKEN.findall(key)
        if toks:
            head = toks[0].rstrip(".")
            first_tokens[head] = max(first_tokens.get(head, 0), len(toks))
    max_tokens = max(first_tokens.values())
    names = dict(zip(maps.countries["iso3"], maps.countries["name"], strict=True))
    orgs = dict(ORGANISATIONS)
    written: dict[str, str] = {}
    for code, org_name in maps.organisations.items():
        orgs[code.lower()] = orgs[org_name.lower()] = code
        written[code] = written[org_name] = code
    # codes that are also ordinary words or titles ("UN missions", "EU citizens") name no organiser
    org_re = re.compile(
        r"\b(?:" + "|".join(re.escape(w) for w in sorted(written, key=len, reverse=True)) + r")\b"
    )
    cities: set[tuple[str, str]] = set()
    if (mappings_dir / "admin1_cities.csv").exists():
        with (mappings_dir / "admin1_cities.csv").open(encoding="utf-8", newline="") as fh:
            cities = {(row["name"], row["code"]) for row in csv.DictReader(fh)}
    towns = frozenset(sub.code for sub in pycountry.subdivisions if sub.type in _TOWN_TYPES)
    return Gazetteer(
        maps, frozen, seas, max(1, min(max_tokens, 8)), sea_re, first_tokens, names, orgs, org_re,
        frozenset(cities), towns,
    )  # fmt: skip


#: ISO 3166-2 subdivision types that are towns rather than areas.
_TOWN_TYPES = frozenset(
    {"Municipality", "District municipality", "Rural municipality", "Urban municipality", "City municipality"}
)


_GENERIC_AREA_NAMES = {
    "central", "eastern", "western", "northern", "southern", "north", "south", "east", "west", "capital",
    "coast", "lakes", "upper", "lower", "islands", "island", "city", "centre", "center", "river", "border",
    "north east", "north west", "south east", "south west", "national capital", "federal capital",
    "sahel",  # "the armies of the Sahel": the belt south of the Sahara, not Burkina Faso's Sahel region
}  # fmt: skip
_AREA_SUFFIX = re.compile(
    r"(?:,?\s+(?:sheng|zizhiqu|shi|oblast'?|oblysy|viloyati|kray|krai|respublika|avtonomnyy okrug|province|"
    r"governorate)"
    r"|s? lan)$"
)


_UMLAUTS = {ord("ä"): "ae", ord("ö"): "oe", ord("ü"): "ue", ord("Ä"): "Ae", ord("Ö"): "Oe", ord("Ü"): "Ue"}


def _subdivision_keys(name: str) -> set[str]:
    """Lookup keys of one pycountry subdivision name: as written, without diacritics and brackets,
    and without a generic suffix ("Shandong Sheng" -> "shandong")."""
    import unicodedata

    base = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", name).strip()
    keys = {_norm(base)}
    folded = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
    keys.add(_norm(folded))
    umlauts = base.translate(_UMLAUTS)
    keys.add(_norm(unicodedata.normalize("NFKD", umlauts).encode("ascii", "ignore").decode()))
    for k in list(keys):
        keys.add(_AREA_SUFFIX.sub("", k))
    for k in list(keys):
        keys.add(k.replace("'", ""))  # "Zabaykal'skiy" -> "zabaykalskiy"
        keys.add(k.replace("-", " "))  # "Cuanza-Sul" -> "cuanza sul"
    for k in list(keys):
        m = re.fullmatch(r"(\w+?s)kiy", k)  # "zabaykalskiy" -> "zabaykalsky"
        if m:
            keys.add(m.group(1) + "ky")
    for k in list(keys):
        # transliterations: "Chelyabinskaya oblast'" -> "chelyabinsk", "Rostovskaya" -> "rostov",
        # Uzbek Latin "Jizzax" -> "jizzakh"
        m = re.fullmatch(r"(\w+?)(sk)aya(?: oblast'?)?", k)
        if m:
            keys.update({m.group(1) + m.group(2), m.group(1)})
        if "x" in k:
            keys.add(k.replace("x", "kh"))
    out = {k for k in keys if len(k) >= 4 and k not in _GENERIC_AREA_NAMES}
    for k in keys & _GENERIC_AREA_NAMES:  # "Central" alone is too vague; "Central province" is not
        out |= {f"{k} province", f"{k} region", f"{k} district"}
    return out


def _sea_names(mappings_dir: Path) -> list[str]:
    with (mappings_dir / "seas.csv").open(encoding="utf-8", newline="") as fh:
        return [r["sea"] for r in csv.DictReader(fh)]


def find_seas(gaz: Gazetteer, text: str, start: int, end: int) -> list[Mention]:
    """Sea areas named exactly as in ``seas.csv`` ("Baltic Sea", "Strait of Hormuz")."""
    if gaz.sea_re is None:
        return []
    return [
        Mention("sea", m.group(0), m.start(), m.end(), m.group(0))
        for m in gaz.sea_re.finditer(text, start, end)
    ]


def find_entities(
    gaz: Gazetteer, text: str, start: int, end: int, blocked: list[tuple[int, int]]
) -> list[Mention]:
    """Countries, admin-1 areas and capitals in ``text[start:end]``, longest match first.

    Spans in ``blocked`` (seas, dates, exercise names) are skipped, so "South China Sea" is not China.
    """
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    out: list[Mention] = []
    i = 0
    n_tokens = len(tokens)
    while i < n_tokens:
        t0 = tokens[i][0]
        if not text[t0].isupper() or _inside(t0, blocked):
            i += 1
            continue
        head = text[t0 : tokens[i][1]].replace("İ", "I").lower().replace("’", "'")
        longest = (
            gaz.first_tokens.get(head.rstrip("."))
            or gaz.first_tokens.get(_strip_possessive(head))
            or (1 if head.rstrip(".").endswith("s") and head.rstrip(".")[:-1] in gaz.first_tokens else 0)
        )
        if not longest:
            i += 1
            continue
        found = None
        for n in range(min(longest, n_tokens - i), 0, -1):
            j = i + n - 1
            if n > 1 and not _joinable(text, tokens, i, j):
                continue
            found = _lookup(gaz, text, tokens[i][0], tokens[j][1])
            if (
                found is not None
                and found.kind == "country"
                and _CONTINENT_LEFT.search(text, start, tokens[i][0])
            ):
                found = None  # "North America", "Latin America": a continent, not the United States
                break
            if found is not None and found.text.isupper() and found.kind == "country":
                # "the Canadian Armed Forces (CAF)": an acronym the report defines is not an ISO code
                defined = _defined_acronym(gaz, text, found.text)
                if defined is not None and defined != found.code:
                    found = Mention("country", defined, found.start, found.end, found.text)
            if found is not None:
                out.append(found)
                i = j + 1
                break
        if found is None:
            i += 1
    return out


def _defined_acronym(gaz: Gazetteer, text: str, acronym: str) -> str | None:
    """The state of the phrase an acronym is defined after ("the Canadian Armed Forces (CAF)"), if any."""
    m = re.search(r"((?:[A-Z][\w'’-]*\s+){1,5})\(" + re.escape(acronym) + r"\)", text)
    if m is None:
        return None
    words = [w.removesuffix("'s").removesuffix("’s") for w in m.group(1).split()]
    for size in range(len(words), 0, -1):  # the longest name first: "Papua New Guinea", not "Guinea"
        for k in range(len(words) - size + 1):
            hit = gaz.entries.get(_norm(" ".join(words[k : k + size])))
            if hit and hit[0].kind == "country":
                return hit[0].code
    return None


def _strip_possessive(token: str) -> str:
    token = token.rstrip(".")
    if token.endswith("'s"):
        return token[:-2]
    return token.rstrip("'")


def _joinable(text: str, tokens: list[tuple[int, int]], i: int, j: int) -> bool:
    for k in range(i, j):
        gap = text[tokens[k][1] : tokens[k + 1][0]]
        if gap not in (" ", "-") and not (gap.isspace() and "\n" not in gap):
            return False
    return True


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


#: Short aliases that are words, not codes: they may be written in lower case after a capital.
_SHORT_WORDS = {"lao", "bih"}  # short names that are no English word: "Lao", "BiH"


_CONTINENT_LEFT = re.compile(r"\b(?:North|South|Central|Latin)\s+$")
_SHIP_BEFORE = re.compile(
    r"\b(?:ship|vessel|frigate|corvette|destroyer|cruiser|carrier|submarine|tanker|tug|boat|cutter)s?\s+$",
    re.IGNORECASE,
)


def _lookup(gaz: Gazetteer, text: str, a: int, b: int) -> Mention | None:
    raw = text[a:b]
    core = raw
    if core.endswith(".") and _norm(core) not in gaz.entries:
        core = core[:-1]
    possessive = False
    if _norm(core) not in gaz.entries:
        if core.endswith(("'s", "’s")):
            core, possessive = core[:-2], True
        elif core.endswith(("'", "’")):
            core, possessive = core[:-1], True
    key = _norm(core)
    entries = gaz.entries.get(key)
    if not entries and key.endswith("s") and not possessive:
        # "900 Zambians": the plural of a demonym
        singular = [e for e in gaz.entries.get(key[:-1], ()) if e.kind == "country" and e.demonym]
        entries = tuple(singular) or None
    if not entries:
        return None
    if len(key.replace(".", "")) <= 3 and "." not in core and not core.isupper() and key not in _SHORT_WORDS:
        return None  # "us" the pronoun; short codes count only in capitals
    if core.isupper() and len(core) == 3 and _SHIP_BEFORE.search(text, max(0, a - 30), a):
        return None  # "the patrol ship ARM Papaloapan": a navy's ship prefix, not Armenia
    end = a + len(core) + (len(raw) - len(core) if possessive else 0)
    e = entries[0]
    return Mention(e.kind, e.code, a, end, text[a:end], e.demonym, possessive, e.needs_country, entries)


# --- exercise names and places -------------------------------------------------------------

_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’]*"  # "Épsilon 2017"
_NAME_STOP = {
    "the", "a", "an", "in", "on", "at", "since", "after", "before", "during", "last", "this", "next",
    "joint", "annual", "nato", "csto", "exercise", "drill", "drills", "and", "of", "its", "their", "his",
    "her", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "it", "two", "three", "both", "first", "previous", "earlier", "edition",
}  # fmt: skip

#: "Ala-Too Shield 2032", "Union Resolve-2032", "Jade Wall-31A", "Rubezh-2032".
NAME_WITH_YEAR_RE = re.compile(
    rf"(?<![\w-])(?P<name>{_CAP}(?:[ -]{_CAP}){{0,3}})[ -](?P<year>(?:19|20)\d\d|\d\d[A-Z])(?![\w-])"
)
#: dubbed "X", codenamed X, called X, named X, known as X.
NAME_CUE_RE = re.compile(
    rf"\b(?:dubbed|code-?named|called|named|known as|under the)\s+[\"“]?"
    rf"(?P<name>{_CAP}(?:[ -](?:{_CAP}|\d[\w-]*)){{0,4}})[\"”]?"
)
#: "the previous Rubezh drill", "their annual Harbour Vigil naval drills".
NAME_BEFORE_NOUN_RE = re.compile(
    rf"(?P<name>{_CAP}(?: {_CAP}){{0,2}})(?: (?:naval|air|military|joint|field|command-staff))? "
    r"(?:exercises?|drills?|manoeuvres|maneuvers|war games|name)\b"
)

PLACE_RE = re.compile(
    rf"""
    (?P<facility>{_CAP}(?:[ -][\w'’]+){{0,2}}?[ -](?:and\s+{_CAP}\s+)?
        (?:training\s+(?:grounds?|areas?|range|centre|center)|firing\s+range|proving\s+ground|range|
           air\s+base|naval\s+base|garrison|polygon|desert|valley|foothills|mountains|peninsula))
    | (?P<named>(?:RAAF\s+Base|Fort|Camp|Naval\s+Air\s+Station|Naval\s+Station|Air\s+Base)
        \s+{_CAP}(?:\s+{_CAP})?)
    | (?:town|city|port|village)\s+of\s+(?P<town>{_CAP}(?:\s+{_CAP})?)
    """,
    re.VERBOSE,
)
#: A capitalised name after near/in/off/at: a place only if it is no known country, area or month.
LOOSE_PLACE_RE = re.compile(rf"\b(?:near|in|off|at)\s+(?:the\s+)?(?P<loose>{_CAP}(?:[ -]{_CAP}){{0,2}})")


def starts_with_stop_word(name: str) -> bool:
    """ "In 1983", "Since 2004": a preposition or an article before a year is no exercise name (but
    "The African Lion" before 2017 is one)."""
    words = [w.lower() for w in re.split(r"[ -]", name) if w]
    return not words or all(w in _NAME_STOP for w in words)


def name_is_plausible(name: str, gaz: Gazetteer) -> bool:
    """Reject "The Tajik", "In March", "Russia": a name is not a stop word, a country or a month."""
    words = [w.lower() for w in re.split(r"[ -]", name) if w]
    if not words or words[0] in _NAME_STOP or all(w in _NAME_STOP for w in words):
        return False
    if is_model_or_disease(name):
        return False
    key = _norm(name)
    return not any(e.kind in ("country", "capital") for e in gaz.entries.get(key, ()))


def is_model_or_disease(name: str) -> bool:
    """ "Covid-19", "Yak-52", "Su-24": a disease or an aircraft, not an edition of a drill."""
    return _MODEL_OR_DISEASE.fullmatch(name.strip()) is not None


_MODEL_OR_DISEASE = re.compile(
    r"(?i:(?:operation\s+)?(?:covid|sars|mers|yak|su|mig|tu|il|an|ka|mi|fokker|boeing|airbus|kc|mq|rq|ah|uh|ch|mh))"
    r"[- ]?\d{1,3}"
)


def series_of(name: str) -> str | None:
    """The series of a numbered edition: "Zapad-2017" -> "Zapad"; None when no edition number."""
    m = re.fullmatch(r"(.+?)[ -](?:(?:19|20)\d\d|\d\d[A-Z]?)", name)
    return m.group(1) if m else None


def region_word_follows(text: str, pos: int) -> bool:
    """True when "region", "province", ... follows ``pos``."""
    return _REGION_WORD.match(text, pos) is not None
