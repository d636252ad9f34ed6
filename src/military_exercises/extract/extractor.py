"""From one report's text to draft records: the main exercise and the earlier ones it mentions.

The pipeline per report: header -> sentences -> per sentence (dates, seas, entities, names, numbers,
claims, attributions) -> which sentences speak of an earlier exercise -> one draft per exercise,
every value with its evidence (character offsets into the text as given, and the words there).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from military_exercises.extract import claims as cl
from military_exercises.extract import dates as dm
from military_exercises.extract import entities as en
from military_exercises.extract.numbers import NumberMatch, find_numbers

# --- public data types --------------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """Where a value came from: ``text[start:end]`` of the report as given."""

    start: int
    end: int
    text: str


@dataclass
class Draft:
    """One draft record (source-record format plus ``status: draft``) and the evidence of its values.

    ``evidence`` maps a field path as the build reports it ("start", "location.admin1",
    "participants[1].country", "claims[0].value") to the spans of text it was read from.
    """

    kind: str  # "main" | "past"
    record: dict[str, Any]
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)


@dataclass(frozen=True)
class SourceInfo:
    """The cited page: from a header in the text file or from options. Unknown values stay None."""

    url: str | None = None
    publisher: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None


HEADER_KEYS = {
    "url": "url",
    "link": "url",
    "publisher": "publisher",
    "source": "publisher",
    "title": "title",
    "headline": "title",
    "published": "published",
    "date": "published",
    "language": "language",
}
_HEADER_LINE = re.compile(r"([A-Za-z]+)[ \t]*:[ \t]*(.*?)[ \t]*\r?(?:\n|$)")


def parse_header(text: str) -> tuple[SourceInfo, int]:
    """Read ``Key: value`` lines at the top (URL, Publisher, Title, Published, Language).

    Returns the source information and the offset where the report body starts. A file without
    such lines is all body.
    """
    values: dict[str, str] = {}
    pos = 0
    while pos < len(text):
        m = _HEADER_LINE.match(text, pos)
        if m is None or m.group(1).lower() not in HEADER_KEYS:
            break
        values[HEADER_KEYS[m.group(1).lower()]] = m.group(2)
        pos = m.end()
    if not values:
        return SourceInfo(), 0
    return SourceInfo(**{k: (v or None) for k, v in values.items()}), pos


# --- sentences ----------------------------------------------------------------------------------

_ABBREVIATIONS = {
    "u.s", "u.k", "u.n", "gen", "lt", "col", "maj", "capt", "adm", "mr", "mrs", "ms", "dr", "st", "no",
    "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "vs", "etc",
    "sgt", "cpl", "gov", "sen", "rep", "ft", "mt", "cmdr", "brig", "lt.-gen", "maj.-gen", "a.m", "p.m",
}  # fmt: skip
_BOUNDARY = re.compile(r"[.!?]+[\"”’')]*(?=\s+[\"“‘(]?[A-Z0-9])|\r?\n[ \t]*\r?\n")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in ``text[start:end]``; abbreviations such as "U.S." or "Gen." do not end one."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.group(0)[0] == ".":
            w = _WORD_BEFORE.search(text, max(pos, m.start() - 12), m.start() + 1)
            if w and (w.group(1).lower() in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", w.group(1))):
                continue
        _append_trimmed(text, pos, m.end(), out)
        pos = m.end()
    _append_trimmed(text, pos, end, out)
    return out


def _append_trimmed(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append((a, b))


# --- per-sentence analysis ----------------------------------------------------------------------

EXERCISE_RE = re.compile(
    r"\b(?:exercises?|drills?|manoeuvres?|maneuvers?|war[ -]?games|wargames|training|patrols?|"
    r"readiness check|rehearsals?|edition|landing|live-fire|sorties|field training)\b",
    re.IGNORECASE,
)
_PAST_CUE = re.compile(
    r"\b(?:similar|comparable|previous|earlier|first edition|last held|last year's|its own|snap|larger|"
    r"smaller|another|separate|since|the third|the second|the first|edition|first exercised|"
    r"first joint|held a|follows)\b",
    re.IGNORECASE,
)
_CANCELLED = re.compile(r"\b(?:suspended|cancell?ed|postponed|called off|scrapped)\b", re.IGNORECASE)
_YEARS_AGO = re.compile(
    r"\b(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+years\s+ago\b", re.IGNORECASE
)
_YEAR_RE = re.compile(r"(?<![\w-])((?:19|20)\d\d)(?![\w-])")
_N_COUNTRIES = re.compile(
    r"\b(?:(?:the\s+)(?P<n>two|three|four|five|six)|(?P<both>both))\s+"
    r"(?:countries|nations|sides|navies|armies|militaries|allies|governments|states)\b",
    re.IGNORECASE,
)
_NUMBERS_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_SPEECH_DATE = re.compile(
    r"\b(?:said|says|announced|reported|told\s+\w+|stated|added|confirmed|statement)\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
_START_CUE = re.compile(
    r"\b(?:began|begin|begins|beginning|started|start|starts|opened|open|opens|kicked off|kicks off|"
    r"kick off|launched|launch|launches|gathered|arrived|got under way|commenced|commence|commences|"
    r"opening|starting)\b[^.;]{0,90}$",
    re.IGNORECASE,
)
_END_CUE = re.compile(
    r"\b(?:ended|end|ends|ending|concluded|conclude|concludes|closed|close|closes|wrapped up|wrap up|"
    r"wraps up|until|till|through|finished|finish|finishes|last until|run until|wound up|"
    r"(?:run|runs|running|last|lasts|continue|continues)\s+(?:to|through|till|until))\b"
    r"(?:\s+(?:on|in|by))?\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_END_CUE_FAR = re.compile(
    r"\b(?:ended|ends|concluded|conclude|concludes|closed|wrapped up|wraps up|wrap up|finished)\b"
    r"[^;.]{0,110}$",
    re.IGNORECASE,
)

_PARTICIPANT_NOUN = re.compile(
    r"^\s*(?:['’]s\s+)?(?:(?!(?:that|which|who|where|when)\b)[\w'’-]+(?<!ed)(?<!ing)\s+){0,3}?(?:troops|forces|army|armies|navy|navies|air\s+forces?|military|"
    r"soldiers|units|marines|paratroopers|engineers|special\s+forces|servicemen|sailors|contingents?|side|"
    r"warships|ships|submarines|frigates|corvettes|jets|fighters|aircraft|border\s+guards|"
    r"self-defense\s+force|self-defence\s+force|fleet|revolutionary\s+guards|armed\s+forces|brigade|"
    r"company|battalion|commandos|rapid\s+reaction)\b",
    re.IGNORECASE,
)
_PARTICIPATION_VERB = re.compile(
    r"\b(?:took part|take part|taking part|takes part|participat\w*|joined|join|joins|sent|send|sends|"
    r"sending|deploy\w*|contribut\w*|field\w*|host\w*|hold|held|holding|holds|launch\w*|began|begin|"
    r"begins|opened|open|stag\w*|conduct\w*|carry\w*|carried|exercis\w*|drill\w*|train\w*|rehears\w*|"
    r"provide|provides|providing|concluded|wrapped up|gathered|flew|built|practis\w*|practic\w*|"
    r"trying again|will also take part|converging|arrived|patrol\w*)\b",
    re.IGNORECASE,
)
_JOIN_VERB = re.compile(
    r"\b(?:took part|take part|taking part|participat\w*|joined|sent|send|sending|deploy\w*|contribut\w*|"
    r"held|holding|launched|began|staged|conducted)\b",
    re.IGNORECASE,
)
_CRITIC = re.compile(
    r"\b(?:criticis\w*|criticiz\w*|condemn\w*|denounc\w*|protest\w*|warn\w*|accus\w*|scrambled|"
    r"monitoring|tracking|declined|refused|in response|threat\w*|invaded|invasion)\b",
    re.IGNORECASE,
)
_NOT_PARTICIPANT_LEFT = re.compile(
    r"(?:border\s+with|bordering|near|crossing\s+from|threat\s+from|against|neighbouring|neighboring|"
    r"toward|towards|into|around|from\s+neighbouring|purchase\s+from|bought\s+from|between|"
    r"embarrassed)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NOT_PARTICIPANT_RIGHT = re.compile(
    r"^(?:['’]s)?\s*(?:border(?!\s+(?:guards?|troops|service|police|forces))|frontier|-made|-built|-designed|"
    r"-supplied|coast\b)",
    re.IGNORECASE,
)
_OWN_EXERCISE_RIGHT = re.compile(
    r"^(?:['’]s)?\s*(?:[\w'’-]+\s+){0,3}?(?:said|says|announced|announces)\s+(?:that\s+)?(?:its|their)\s+"
)
_LOCATION_LEFT = re.compile(
    r"(?:\b(?:in|at|on|across|off|inside|within|over)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|north-?west|north-?east|south-?west|south-?east)(?:ern)?\s+)?"
    r"|\b(?:region|province|oblast|krai|state)\s+of\s+)$",
    re.IGNORECASE,
)
_OBSERVER_RIGHT = re.compile(
    r"^(?:\s*(?:,|and)?\s*)?\s*(?:[\w-]+\s+){0,7}?"
    r"(?:send|sending|sent|sends|dispatch\w*|is sending|will send)?"
    r"\s*(?:its\s+own\s+|military\s+|as\s+an?\s+)?observers?\b",
    re.IGNORECASE,
)
_HOST_RIGHT = re.compile(
    r"^\s*(?:[\w'’-]+\s*){0,2}?(?:,\s*which\s+)?(?:\w+\s+){0,2}?(?:host(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)
_WITH_PARTNER = re.compile(r"\b(?:exercises?|drills?|manoeuvres|training)\s+with\s+(?:the\s+)?[A-Z]")
_ADMIN1_NOT_LOCATION_LEFT = re.compile(
    r"(?:border\s+with|bordering|crossing\s+from|from|into|toward|towards|between|off|port\s+of|"
    r"(?:talks|meeting|summit|visit|conference|negotiations)\s+(?:in|to))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_FORCE_WORDS = re.compile(r"\b(?:contingents?|troops|forces|units|soldiers|personnel|warships)\b", re.I)
_LED_RIGHT = re.compile(r"^-(?:led|hosted)\b", re.IGNORECASE)
_GROUP_JOIN = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+)?$", re.IGNORECASE)

_GOV_WORDS = re.compile(
    r"\b(?:ministry|minister|army|navy|military|armed forces|air force|command|fleet|headquarters|"
    r"joint staff|joint chiefs|spokes(?:man|woman|person)|officials?|government|embassy|commander|"
    r"press service|media wing|general staff|defen[cs]e force|guards?|border service|president|"
    r"chief|forces)\b",
    re.IGNORECASE,
)
_MEDIA_WORDS = re.compile(
    r"\b(?:media|newspaper|television|tv|broadcaster|news agency|press agency|agency|outlet|"
    r"reporters|reports?|wire)\b",
    re.IGNORECASE,
)
_ANALYST_WORDS = re.compile(r"\b(?:analysts?|experts?|observers|researchers?|think[- ]tank)\b", re.IGNORECASE)
_COREF = re.compile(
    r"(?:he|she|it|they|the\s+(?:ministry|army|navy|agency|fleet|headquarters|command|official|"
    r"spokesman|spokeswoman|statement|force|military|air force|alliance|staff))",
    re.IGNORECASE,
)

_DOMAIN_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("land", re.compile(r"\b(?:troops|soldiers|tanks|infantry|ground forces|artillery|land|paratroopers|"
                        r"armoured|training ground|range|engineers|garrison)\b", re.IGNORECASE)),
    ("air", re.compile(r"\b(?:air force|aircraft|jets|fighters|sorties|helicopters|air combat|air drills|"
                       r"air exercise|airborne|air defence)\b", re.IGNORECASE)),
    ("sea", re.compile(r"\b(?:naval|navy|navies|warships|ships|submarines|frigates|vessels|sailors|"
                       r"maritime|fleet)\b", re.IGNORECASE)),
    ("amphibious", re.compile(r"\bamphibious\b", re.IGNORECASE)),
    ("command_post", re.compile(r"\b(?:command[- ]post|command-staff|computer-simulated|staff exercise)\b",
                                re.IGNORECASE)),
    ("cyber", re.compile(r"\bcyber", re.IGNORECASE)),
)  # fmt: skip
_PURPOSE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("counter_terrorism", re.compile(r"\b(?:terror\w*|militants?|armed groups|insurgents)\b", re.IGNORECASE)),
    ("peacekeeping", re.compile(r"\bpeacekeeping\b", re.IGNORECASE)),
    ("disaster_relief", re.compile(r"\b(?:disaster relief|flood\w*|earthquake)\b", re.IGNORECASE)),
    ("humanitarian_assistance", re.compile(r"\bhumanitarian\b", re.IGNORECASE)),
    ("search_and_rescue", re.compile(r"\bsearch and rescue\b", re.IGNORECASE)),
    ("maritime_security", re.compile(r"\b(?:maritime security|piracy|pirates|stolen oil)\b", re.IGNORECASE)),
    ("air_defence", re.compile(r"\bair defen[cs]e\b", re.IGNORECASE)),
    ("border_security", re.compile(r"\bborder (?:defence|defense|security|protection)\b", re.IGNORECASE)),
    ("mobilisation", re.compile(r"\b(?:mobili[sz]\w*|reservists)\b", re.IGNORECASE)),
    ("special_operations", re.compile(r"\b(?:special forces|commandos)\b", re.IGNORECASE)),
    ("counter_narcotics", re.compile(r"\b(?:counter-narcotics|drug trafficking|narcotics)\b", re.IGNORECASE)),
    ("nuclear_deterrence", re.compile(r"\b(?:nuclear|strategic missile)\b", re.IGNORECASE)),
)  # fmt: skip


@dataclass
class _Sentence:
    span: tuple[int, int]
    dates: list[dm.DateMention]
    durations: list[tuple[int, int, int]]
    seas: list[en.Mention]
    mentions: list[en.Mention]  # countries, admin-1 areas, capitals
    names: list[tuple[int, int, str]]
    numbers: list[NumberMatch]
    raw_claims: list[cl.RawClaim]
    attributions: list[cl.Attribution]
    places: list[tuple[int, int, str]]
    orgs: list[tuple[int, int, str]]
    past_key: str | None = None
    past_start: str | None = None
    past_evidence: tuple[int, int] | None = None
    past_name: tuple[int, int, str] | None = None
    clause_spans: list[tuple[int, int]] = field(default_factory=list)


_ITS_OWN_RE = re.compile(
    r"\b(?:its|their)\s+(?:own\s+)?(?:military\s+)?(?:base|bases|contingent|troops|forces|units)\b",
    re.IGNORECASE,
)
#: "Brazil's army said it had deployed 1,400 troops", "her country had committed": the speaker's own.
_SPEAKER_SENT_RE = re.compile(
    r"\b(?:it|they|(?:his|her|its|their)\s+country)\s+(?:had\s+|has\s+|have\s+|would\s+|will\s+|was\s+)?"
    r"(?:deployed|deploying|sent|sending|fielded|fielding|contributed|contributing|committed|committing|"
    r"deploy|send|field|contribute|commit)\b",
    re.IGNORECASE,
)
_EACH_RE = re.compile(r"\beach\s+(?:side|country|nation|army|navy|of the (?:two|three|four))\b", re.I)
_OWN_FORCES_RE = re.compile(r"\b(?:army|navy|air force|fleet|forces|military)\b", re.IGNORECASE)
#: What follows an organisation that runs an exercise: "NATO's", "CSTO rapid reaction forces",
#: "nine NATO countries", "a SADC peace-support exercise".
_ORGANISER_RIGHT = re.compile(
    r"(?:['’]s\b|-led\b|\s+(?:[\w-]+\s+){0,2}?(?:exercises?|drills?|manoeuvres|forces|troops|countries|"
    r"members|member states|allies|allied|rapid reaction|peace-support|secretariat|partners)\b)",
    re.IGNORECASE,
)


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < y and x < b for x, y in spans)


def _analyse(text: str, span: tuple[int, int], gaz: en.Gazetteer, published: dt.date | None) -> _Sentence:
    s, e = span
    dates = dm.find_absolute_dates(text, s, e, published) + dm.find_relative_dates(text, span, published)
    durations = dm.find_durations(text, s, e)
    seas = en.find_seas(gaz, text, s, e)
    names: list[tuple[int, int, str]] = []
    for rx in (en.NAME_WITH_YEAR_RE, en.NAME_CUE_RE, en.NAME_BEFORE_NOUN_RE):
        for m in rx.finditer(text, s, e):
            if rx is en.NAME_WITH_YEAR_RE:
                a, b, name = m.start(), m.end(), m.group(0)
            else:
                a, b, name = m.start("name"), m.end("name"), m.group("name")
            name = name.strip('"“” ')
            if (
                len(name) < 3
                or not en.name_is_plausible(name, gaz)
                or _overlaps(a, b, [(x, y) for x, y, _n in names])
            ):
                continue
            names.append((a, b, name))
    blocked = [(d.start, d.end) for d in dates] + [(m.start, m.end) for m in seas]
    blocked += [(a, b) for a, b, n in names if re.search(r"\d", n)]
    mentions = en.find_entities(gaz, text, s, e, blocked)
    numbers = [
        n
        for n in find_numbers(text, s, e)
        if not _overlaps(n.start, n.end, blocked + [(a, b) for a, b, _d in durations]) and not _is_year(n)
    ]
    countries = [m for m in mentions if m.kind == "country"]
    numbers = sorted(numbers + cl.find_singletons(text, span, countries), key=lambda n: n.start)
    raw = cl.find_raw_claims(text, span, numbers, countries)
    attributions = cl.find_attributions(text, span)
    places: list[tuple[int, int, str]] = []
    for m in en.PLACE_RE.finditer(text, s, e):
        group = next(g for g in ("facility", "named", "town") if m.group(g))
        value = m.group(group)
        if group == "facility" and value.split()[0].lower() in ("the", "a", "its", "their"):
            continue
        places.append((m.start(group), m.end(group), value))
    if not places:
        for m in en.LOOSE_PLACE_RE.finditer(text, s, e):
            a, b = m.start("loose"), m.end("loose")
            if _overlaps(a, b, blocked + [(x.start, x.end) for x in mentions]) or not en.name_is_plausible(
                m.group("loose"), gaz
            ):
                continue
            places.append((a, b, m.group("loose")))
    orgs = [
        (m.start(), m.end(), gaz.organisations[m.group(0).lower()])
        for m in (gaz.organisation_re.finditer(text, s, e) if gaz.organisation_re else ())
        if _ORGANISER_RIGHT.match(text, m.end(), e)
    ]
    return _Sentence(
        span,
        dates,
        durations,
        seas,
        mentions,
        names,
        numbers,
        raw,
        attributions,
        places,
        orgs,
        clause_spans=cl.clauses(text, s, e),
    )


def _is_year(n: NumberMatch) -> bool:
    return n.value is not None and n.qualifier == "exact" and 1900 <= n.value <= 2100 and len(n.text) == 4


def _mark_past(text: str, sent: _Sentence, published: dt.date | None, main_name: str | None) -> None:
    """Decide whether a sentence speaks of an earlier exercise, and which one (its key)."""
    s, e = sent.span
    pub_year = published.year if published else None
    key = start = None
    ev: tuple[int, int] | None = None
    for a, b, name in sent.names:
        m = re.search(r"((?:19|20)\d\d)$", name)
        if m and pub_year is not None and int(m.group(1)) < pub_year and name != main_name:
            sent.past_name = (a, b, name)
            key, start, ev = name.lower(), m.group(1), (a, b)
            break
    if key is None:
        years = [
            m
            for m in _YEAR_RE.finditer(text, s, e)
            if pub_year is not None and int(m.group(1)) < pub_year and not _inside_name(m.start(), sent.names)
        ]
        if len(years) > 1:
            # "ten such exercises since 2004, the last one in 2032": a "since" year opens a span
            years = [m for m in years if not re.search(r"since\s+$", text[max(s, m.start() - 8) : m.start()])]
        if years:
            m = years[0]
            key, start, ev = m.group(1), m.group(1), (m.start(), m.end())
            month = next(
                (d for d in sent.dates if d.start <= m.start() < d.end and d.first and len(d.first) == 7),
                None,
            )
            if month is not None:
                start, ev = month.first, (month.start, month.end)
    if key is None and pub_year is not None:
        ago = _YEARS_AGO.search(text, s, e)
        if ago is not None:
            n = int(ago.group("n")) if ago.group("n").isdigit() else dm.SMALL_NUMBERS[ago.group("n").lower()]
            key, start, ev = str(pub_year - n), str(pub_year - n), (ago.start(), ago.end())
    if key is None:
        for d in sent.dates:
            low = d.text.lower()
            past_period = "last year" in low or "last week" in low or "last month" in low
            if d.relative and d.first and past_period and _PAST_CUE.search(text, s, e):
                key, start, ev = d.first, d.first, (d.start, d.end)
                break
    if key is None or _CANCELLED.search(text, s, e):
        return
    if not sent.past_name and not _PAST_CUE.search(text, s, e) and not re.match(r"\d{4}$", key):
        return  # "ended last week" is the main exercise; "held snap drills last week" is another one
    if _has_current_date(sent, published) and sent.past_name is None:
        return  # a sentence about the current exercise that mentions a year in passing
    # With a current date the sentence still belongs to the main exercise ("the largest since
    # Harbour Vigil 2030, end on May 20"); the earlier one is then known by its name and year only.
    sent.past_key, sent.past_start, sent.past_evidence = key, start, ev


def _inside_name(pos: int, names: list[tuple[int, int, str]]) -> bool:
    return any(a <= pos < b for a, b, _n in names)


def _has_current_date(sent: _Sentence, published: dt.date | None) -> bool:
    if published is None:
        return False
    for d in sent.dates:
        if d.first and len(d.first) == 10 and abs((dt.date.fromisoformat(d.first) - published).days) <= 60:
            return True
    return False


# --- event assembly -----------------------------------------------------------------------------


@dataclass
class _Event:
    kind: str
    sentences: list[_Sentence]
    name: tuple[int, int, str] | None = None
    start: tuple[str, list[Evidence]] | None = None
    participants: dict[str, tuple[str, list[Evidence]]] = field(default_factory=dict)


def _ev(text: str, a: int, b: int) -> Evidence:
    return Evidence(a, b, text[a:b])


def _country_groups(text: str, mentions: list[en.Mention]) -> list[list[en.Mention]]:
    groups: list[list[en.Mention]] = []
    for m in mentions:
        if m.kind != "country":
            continue
        if groups and _GROUP_JOIN.match(text[groups[-1][-1].end : m.start]) and not groups[-1][-1].possessive:
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def _classify(text: str, sent: _Sentence, group: list[en.Mention]) -> str:
    """participant | observer | location | host | speaker | other, for one group of country mentions."""
    s, e = sent.span
    first, last = group[0], group[-1]
    clause = next(((a, b) for a, b in sent.clause_spans if a <= first.start <= b), (s, e))
    left = text[max(clause[0], first.start - 60) : first.start]
    right = text[last.end : min(clause[1], last.end + 80)]
    if _LED_RIGHT.match(right):
        return "participant"
    if first.demonym and re.match(
        r"\s+(?:(?:town|city|port|village|region|province|county|prefecture|district)\b|state\s+of\b)", right
    ):
        return "location"
    if _NOT_PARTICIPANT_RIGHT.match(right) or _NOT_PARTICIPANT_LEFT.search(left):
        return "other"
    if _OWN_EXERCISE_RIGHT.match(right):
        return "host"  # "Russia says its exercise ..."
    if _HOST_RIGHT.match(right):
        return "host"
    if re.match(r"^\s*(?:[\w'’-]+\s*){0,2}?,\s*which\s+(?:co-?)?organi[sz]es", right):
        return "participant"
    for att in sent.attributions:
        if att.start <= first.start < att.end:
            # "Philippine officials said ... an exercise with the United States": the speaker's side
            return "participant" if _WITH_PARTNER.search(text, att.end, e) else "speaker"
    if re.search(r"\bobservers\s+from\s+(?:the\s+)?$", left, re.IGNORECASE) or _OBSERVER_RIGHT.match(right):
        return "observer" if not re.search(r"\bdeclined|refused\b", right) else "other"
    if _CRITIC.search(right[:60]) and not _JOIN_VERB.search(right[:25]):
        return "other"
    if _HOST_RIGHT.match(right):
        return "host"
    if (
        not any(m.demonym for m in group)
        and _LOCATION_LEFT.search(left)
        and not _PARTICIPANT_NOUN.match(right)
    ):
        return "location"  # "in Kazakhstan", "over Estonia, Latvia and Lithuania"
    if (
        first.possessive
        and len(group) == 1
        and (
            en.region_word_follows(text, last.end + 1)
            or any(m.kind == "admin1" and 0 <= m.start - last.end <= 2 for m in sent.mentions)
        )
    ):
        return "location"
    sentence_text = text[s:e]
    if re.match(r"\s+with\s+(?:about\s+|some\s+|around\s+)?\d", right) or re.match(
        r"\s+(?!(?:19|20)\d\d\b)\d[\d,]*\b", right
    ):
        return "participant"  # "Norway with 300", "... soldiers and Turkey 400"
    if (
        _PARTICIPANT_NOUN.match(right)
        or _PARTICIPATION_VERB.search(right[:40])
        or (
            re.search(r"\b(?:from|with)\s+(?:the\s+)?$", left)
            and (EXERCISE_RE.search(sentence_text) or _FORCE_WORDS.search(left))
        )
        or (EXERCISE_RE.search(sentence_text) and _PARTICIPATION_VERB.search(sentence_text))
    ):
        return "participant"
    return "other"


def _resolve_admin1(mention: en.Mention, context: set[str], gaz: en.Gazetteer) -> str | None:
    for option in mention.options or (
        en.Entry(mention.kind, mention.code, needs_country=mention.needs_country),
    ):
        if option.kind != "admin1":
            continue
        if option.needs_country is None or option.needs_country in context:
            return option.code
    return None


@dataclass
class _Claimant:
    text: str | None
    country: str | None
    kind: str  # state | org | media | analyst | none
    evidence: Evidence | None
    organisation: str | None = None  # code of an organisation claimant (NATO, CSTO, ...)


def _resolve_claimant(
    text: str,
    att: cl.Attribution | None,
    sent: _Sentence,
    history: list[_Claimant],
    host: str | None,
    claim_country: str | None,
    gaz: en.Gazetteer,
) -> _Claimant:
    if att is None:
        return _Claimant(None, None, "none", None)
    phrase = att.phrase.strip()
    low = phrase.lower()
    ev = Evidence(att.start, att.end, text[att.start : att.end])
    if re.fullmatch(r"(?:the\s+)?(?:reports?|report said)", low):
        return _Claimant(None, None, "none", None)
    if _COREF.fullmatch(low) and low != "the alliance":
        head = low.split()[-1]
        for past in reversed(history):
            if past.text and (head in past.text.lower() or low in ("he", "she", "it", "they")):
                return _Claimant(past.text, past.country, past.kind, ev, past.organisation)
    name = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
    if low.startswith("their ") and claim_country is not None:
        return _Claimant(name, claim_country, "state", ev)
    inside = [m for m in sent.mentions if att.start <= m.start < att.end and m.kind in ("country", "capital")]
    org_hit = gaz.organisation_re.search(phrase) if gaz.organisation_re else None
    org = gaz.organisations.get(low) or (gaz.organisations[org_hit.group(0).lower()] if org_hit else None)
    if low == "the alliance":
        org = "NATO"
    if org and not inside:
        return _Claimant(name, None, "org", ev, org)
    country = inside[0].code if inside else None
    if _MEDIA_WORDS.search(low) and not re.search(r"media wing|press service", low):
        return _Claimant(name, None, "media", ev)
    if _ANALYST_WORDS.search(low) and country is None:
        return _Claimant(name, None, "analyst", ev)
    if country is None and _GOV_WORDS.search(low):
        return _Claimant(name, host, "state", ev)
    if country is None:
        return _Claimant(name, None, "analyst", ev)
    return _Claimant(name, country, "state", ev)


def _basis(claimant: _Claimant, counted: set[str], organisation: str | None = None) -> tuple[str, str | None]:
    """(basis, claimant country) of a claim, following dataset/sources/README.md."""
    if claimant.kind in ("none", "media"):
        return "reported", None
    if claimant.kind == "org":
        # an organisation speaking of its own exercise declares it; of anyone else's, estimates
        return ("declared" if organisation and claimant.organisation == organisation else "estimated"), None
    if claimant.kind == "state" and claimant.country is not None and claimant.country in counted:
        return "declared", claimant.country
    if claimant.kind == "state" and claimant.country is None:
        return "declared", None
    return "estimated", claimant.country


@dataclass
class ExtractOptions:
    """Options of :func:`extract_records` that are not the text itself."""

    mappings_dir: Path | None = None
    include_past: bool = True


def default_mappings_dir() -> Path:
    """``dataset/mappings`` of the checkout this package runs from (or of the current folder)."""
    here = Path(__file__).resolve()
    for parent in [Path.cwd(), *here.parents]:
        candidate = parent / "dataset" / "mappings"
        if (candidate / "country_aliases.csv").is_file():
            return candidate
    raise FileNotFoundError(
        "dataset/mappings not found: run inside a checkout of the repository or pass mappings_dir"
    )


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def extract_records(
    text: str,
    *,
    published: str | dt.date | None = None,
    source: SourceInfo | None = None,
    mappings_dir: Path | None = None,
    include_past: bool = True,
) -> list[Draft]:
    """Draft records for the exercises a report describes: the main one first, then earlier ones.

    ``text`` is the report, optionally starting with ``Key: value`` header lines (URL, Publisher,
    Title, Published, Language). ``published`` (an ISO date) and the fields of ``source`` override the
    header. Relative dates ("on Tuesday") need a publication date; without one they stay null.
    Every evidence offset points into ``text`` exactly as given.
    """
    header, body_start = parse_header(text)
    info = _merge_source(header, source, published)
    pub = published if isinstance(published, dt.date) else _parse_date(info.published)
    gaz = en.load_gazetteer((mappings_dir or default_mappings_dir()).resolve())
    sentences = [_analyse(text, span, gaz, pub) for span in split_sentences(text, body_start, len(text))]
    main_name = _main_name(sentences, pub)
    for sent in sentences:
        _mark_past(text, sent, pub, main_name[2] if main_name else None)
    main_sents = [s for s in sentences if s.past_key is None or _has_current_date(s, pub)]
    main = _build_event(text, "main", main_sents, gaz, pub, info, main_name, None)
    drafts = [main]
    if include_past:
        keys: dict[str, list[_Sentence]] = {}
        for s in sentences:
            if s.past_key is not None:
                keys.setdefault(s.past_key, []).append(s)
        for group in keys.values():
            only_name = all(_has_current_date(s, pub) for s in group)
            drafts.append(
                _build_event(
                    text, "past", group, gaz, pub, info, group[0].past_name, main, name_only=only_name
                )
            )
    _unique_ids(drafts)
    return drafts


def _merge_source(
    header: SourceInfo, source: SourceInfo | None, published: str | dt.date | None
) -> SourceInfo:
    values = {k: getattr(header, k) for k in ("url", "publisher", "title", "published", "language")}
    if source is not None:
        for k in values:
            if getattr(source, k) is not None:
                values[k] = getattr(source, k)
    if published is not None:
        values["published"] = published.isoformat() if isinstance(published, dt.date) else str(published)
    return SourceInfo(**values)


def _main_name(sentences: list[_Sentence], pub: dt.date | None) -> tuple[int, int, str] | None:
    fallback = None
    for sent in sentences:
        for a, b, name in sent.names:
            m = re.search(r"((?:19|20)\d\d)$", name)
            if m and pub is not None and int(m.group(1)) < pub.year:
                continue
            if m or re.search(r"\d", name):
                return a, b, name
            if fallback is None and not _YEAR_RE.search(name):
                fallback = (a, b, name)
    return fallback


_ROLE_RANK = {"host": 3, "participant": 2, "observer": 1}
_ROLE_ORDER = {"host": 0, "participant": 1, "observer": 2}
_Located = tuple[str, Evidence]


@dataclass
class _Roles:
    """The states of one exercise, their roles, and the words each was read from."""

    roles: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    #: States named as where the exercise happens ("in Kazakhstan", "near Baku").
    locations: list[_Located] = field(default_factory=list)
    #: Every state the sentences name, for admin-1 names that need their country in context.
    context: set[str] = field(default_factory=set)

    def add(self, code: str, role: str, ev: Evidence) -> None:
        """Record ``code`` in ``role``; a stronger role (host > participant > observer) wins."""
        if code not in self.roles or _ROLE_RANK[role] > _ROLE_RANK[self.roles[code]]:
            self.roles[code] = role
        self.evidence.setdefault(code, []).append(ev)

    @property
    def counted(self) -> set[str]:
        return {c for c, r in self.roles.items() if r in ("host", "participant")}

    @property
    def host(self) -> str | None:
        return next((c for c, r in self.roles.items() if r == "host"), None)


def _find_roles(text: str, sents: list[_Sentence], main: Draft | None) -> _Roles:
    """Participants, hosts and observers named in the sentences of one exercise."""
    found = _Roles()
    for sent in sents:
        for group in _country_groups(text, sent.mentions):
            label = _classify(text, sent, group)
            for m in group:
                found.context.add(m.code)
                ev = Evidence(m.start, m.end, m.text)
                if label in ("participant", "host", "observer"):
                    found.add(m.code, label, ev)
                elif label == "location":
                    found.locations.append((m.code, ev))
                    if len(group) > 1:
                        found.add(m.code, "host", ev)  # "over Estonia, Latvia and Lithuania": all hosts
        for m in sent.mentions:
            in_speaker = any(a.start <= m.start < a.end for a in sent.attributions)
            near = re.search(r"\b(?:near|in|outside)\s+$", text[max(sent.span[0], m.start - 10) : m.start])
            if m.kind == "capital" and near and not in_speaker:  # "officials in Manila said" is no location
                found.locations.append((m.code, Evidence(m.start, m.end, m.text)))
        for phrase in _N_COUNTRIES.finditer(text, *sent.span):
            # "the two countries": the participants, when there are exactly that many
            n = 2 if phrase.group("both") else _NUMBERS_WORDS[phrase.group("n").lower()]
            if main is not None:
                named = [
                    p["country"] for p in main.record["participants"] if p["role"] in ("host", "participant")
                ]
            else:
                named = sorted(found.counted, key=lambda c: found.evidence[c][0].start)
            if len(named) == n:
                for c in named:
                    found.add(c, "participant", _ev(text, phrase.start(), phrase.end()))
    return found


@dataclass
class _Location:
    admin1: _Located | None = None
    sea: _Located | None = None
    place: _Located | None = None
    country: _Located | None = None


def _find_location(
    text: str, sents: list[_Sentence], gaz: en.Gazetteer, found: _Roles, main: Draft | None
) -> _Location:
    """Admin-1 area, sea, named place and country of one exercise; the location country hosts."""
    loc = _Location()
    context = found.context | set(found.roles) | {c for c, _e in found.locations}
    if main is not None:
        context |= {p["country"] for p in main.record["participants"]}
        if main.record["location"]["country"]:
            context.add(main.record["location"]["country"])
    for sent in sents:
        for m in sent.mentions:
            if m.kind != "admin1" or loc.admin1 is not None:
                continue
            left = text[max(sent.span[0], m.start - 25) : m.start]
            wide = text[max(sent.span[0], m.start - 60) : m.start]
            if _ADMIN1_NOT_LOCATION_LEFT.search(left) or re.search(r"\bbetween\b[^,.;]*$", wide):
                continue
            code = _resolve_admin1(m, context, gaz)
            if code is not None:
                loc.admin1 = (code, Evidence(m.start, m.end, m.text))
        if loc.sea is None and sent.seas:
            sea = sent.seas[0]
            loc.sea = (sea.code, Evidence(sea.start, sea.end, sea.text))
        if loc.place is None and sent.places:
            a, b, p = sent.places[0]
            loc.place = (p, Evidence(a, b, p))
    if loc.admin1 is not None:
        iso3 = gaz.admin1_country(loc.admin1[0])
        if iso3 is not None:
            loc.country = (iso3, loc.admin1[1])
    if loc.country is None and found.locations:
        loc.country = found.locations[0]
    if loc.country is not None:
        found.add(loc.country[0], "host", loc.country[1])
    counted = [c for c, r in found.roles.items() if r in ("host", "participant")]
    if len(counted) == 1:
        found.roles[counted[0]] = "host"  # the only participating state hosts
    return loc


def _find_organisation(
    text: str, sents: list[_Sentence], gaz: en.Gazetteer
) -> tuple[str | None, Evidence | None]:
    """The organisation running the exercise (NATO, CSTO, ...), if one is named other than as a speaker."""
    for sent in sents:
        for a, b, code in sent.orgs:
            # an organisation that only speaks ("the CSTO said") does not thereby run the exercise
            if code in gaz.maps.organisations and not any(x.start <= a < x.end for x in sent.attributions):
                return code, _ev(text, a, b)
    return None, None


def _attribution_for(
    text: str, sent: _Sentence, raw: cl.RawClaim
) -> tuple[cl.Attribution | None, tuple[int, int]]:
    """The claimant phrase of a claim: the one in its clause, else the sentence's (see claims.py)."""
    clause = _clause_for(text, sent, raw.number.start)
    att = next((a for a in sent.attributions if a.clause == clause), None)
    if att is None and sent.attributions:
        # a clause that has claims of its own keeps its attribution to itself
        free = [
            a
            for a in sent.attributions
            if a.clause == clause
            or not any(r.number.start >= a.clause[0] and r.number.end <= a.clause[1] for r in sent.raw_claims)
        ]
        att = (free or sent.attributions)[-1]
    return att, clause


def _speakers_own(
    text: str, raw: cl.RawClaim, claimant: _Claimant, att: cl.Attribution | None, clause: tuple[int, int],
    counted: set[str],
) -> bool:  # fmt: skip
    """ "The Russian army said some 400 soldiers ... deployed from its base": the speaker's own forces."""
    if raw.country is not None or claimant.kind != "state" or claimant.country not in counted:
        return False
    if claimant.text is None or len(counted) < 2:
        return False
    own_speaker = _OWN_FORCES_RE.search(claimant.text) or _SPEAKER_SENT_RE.search(
        text, clause[0], raw.number.start
    )
    own_numbers = _ITS_OWN_RE.search(text, raw.number.end, clause[1]) or (
        att is not None and _SPEAKER_SENT_RE.search(text, att.end, raw.number.start)
    )
    return bool(own_speaker and own_numbers)


def _build_claims(
    text: str, sents: list[_Sentence], found: _Roles, org: str | None, source_id: str, gaz: en.Gazetteer
) -> tuple[list[dict[str, Any]], list[dict[str, list[Evidence]]]]:
    """The claims of one exercise with the evidence of their values, in the record format."""
    counted, host = found.counted, found.host
    claims_out: list[dict[str, Any]] = []
    claim_ev: list[dict[str, list[Evidence]]] = []
    history: list[_Claimant] = []  # earlier speakers, for "the ministry added" and "it said"
    seen: set[tuple[Any, ...]] = set()
    for sent in sents:
        for raw in sent.raw_claims:
            att, clause = _attribution_for(text, sent, raw)
            claimant = _resolve_claimant(text, att, sent, history, host, raw.country, gaz)
            basis, claimant_country = _basis(claimant, counted, org)
            country = raw.country if raw.country in counted else None
            if country is None and _speakers_own(text, raw, claimant, att, clause, counted):
                country = claimant.country
            num = raw.number
            dedup = (
                raw.quantity,
                country,
                num.value,
                num.low,
                num.high,
                num.qualifier,
                basis,
                claimant_country,
            )
            if dedup in seen:
                continue  # a figure repeated later in the report is one claim
            seen.add(dedup)
            claim: dict[str, Any] = {
                "id": f"c{len(claims_out) + 1}",
                "quantity": raw.quantity,
                "country": country,
            }
            if num.qualifier == "range":
                claim["low"], claim["high"] = num.low, num.high
            else:
                claim["value"] = num.value
            claim.update(
                {
                    "qualifier": num.qualifier,
                    "basis": basis,
                    "claimant": claimant.text,
                    "claimant_country": claimant_country,
                    "claimant_organisation": claimant.organisation if claimant.kind == "org" else None,
                    "source": source_id,
                    "component": raw.component,
                    "note": None,
                }
            )
            evs: dict[str, list[Evidence]] = {"value": [_ev(text, num.start, num.end)]}
            if raw.noun_span[1] > raw.noun_span[0]:
                evs["quantity"] = [_ev(text, *raw.noun_span)]
            if raw.country_span and country:
                evs["country"] = [_ev(text, *raw.country_span)]
            if claimant.evidence is not None:
                evs["claimant"] = [claimant.evidence]
            each = _EACH_RE.search(text, clause[0], raw.number.start)
            sides = 2 if each and each.group(0).lower().endswith("side") else 6  # "each side": two
            if country is None and each and 1 < len(counted) <= sides:
                # "Each side deployed about 120 soldiers": one contingent claim per participant
                for code in sorted(counted, key=lambda c: found.evidence[c][0].start):
                    claims_out.append({**claim, "id": f"c{len(claims_out) + 1}", "country": code})
                    claim_ev.append(evs)
            else:
                claims_out.append(claim)
                claim_ev.append(evs)
        for att in sent.attributions:
            history.append(_resolve_claimant(text, att, sent, history, host, None, gaz))
    return claims_out, claim_ev


def _build_event(
    text: str,
    kind: str,
    sents: list[_Sentence],
    gaz: en.Gazetteer,
    pub: dt.date | None,
    info: SourceInfo,
    name: tuple[int, int, str] | None,
    main: Draft | None,
    name_only: bool = False,
) -> Draft:
    """One draft from the sentences of one exercise. ``name_only``: an earlier exercise known only
    by its name and year ("the largest since Harbour Vigil 2030")."""
    facts = [] if name_only else sents
    found = _find_roles(text, facts, main)
    loc = _find_location(text, facts, gaz, found, main)
    start: tuple[str, list[Evidence]] | None = None
    end: tuple[str, list[Evidence]] | None = None
    if kind == "past":
        first = sents[0]
        if first.past_start and first.past_evidence:
            start = (first.past_start, [_ev(text, *first.past_evidence)])
    else:
        start, end = _main_dates(text, sents, pub)
    org, org_ev = _find_organisation(text, facts, gaz)
    source_id = _source_id(info)
    claims_out, claim_ev = _build_claims(text, facts, found, org, source_id, gaz)

    evidence: dict[str, list[Evidence]] = {}
    nm = name[2] if name else None
    record: dict[str, Any] = {
        "id": "",
        "name": nm,
        "series": en.series_of(nm) if nm else None,
        "start": start[0] if start else None,
        "end": end[0] if end else None,
    }
    if name:
        evidence["name"] = [_ev(text, name[0], name[1])]
    if start:
        evidence["start"] = start[1]
    if end:
        evidence["end"] = end[1]
    record["location"] = _location_record(loc, found, evidence)
    if org_ev is not None:
        evidence["organisation"] = [org_ev]
    record["organisation"] = org
    ordered = sorted(found.roles.items(), key=lambda kv: (_ROLE_ORDER[kv[1]], found.evidence[kv[0]][0].start))
    record["participants"] = [{"country": c, "role": r} for c, r in ordered]
    for i, (c, _r) in enumerate(ordered):
        evidence[f"participants[{i}].country"] = found.evidence[c][:3]
    for key, cues in (("domains", _DOMAIN_CUES), ("purposes", _PURPOSE_CUES)):
        values: list[str] = []
        for value, rx in cues:
            hit = next((h for st in facts if (h := rx.search(text, *st.span))), None)
            if hit is not None:
                values.append(value)
                evidence.setdefault(key, []).append(_ev(text, hit.start(), hit.end()))
        record[key] = values
    record["claims"] = claims_out
    for i, evs in enumerate(claim_ev):
        for k, v in evs.items():
            evidence[f"claims[{i}].{k}"] = v
    record["sources"] = [
        {
            "id": source_id,
            "publisher": info.publisher,
            "title": info.title,
            "url": info.url,
            "published": info.published,
            "language": info.language or "en",
        }
    ]
    record["notes"] = None
    record["id"] = _record_id(record, gaz)
    return Draft(kind, record, evidence)


def _location_record(loc: _Location, found: _Roles, evidence: dict[str, list[Evidence]]) -> dict[str, Any]:
    """The ``location`` block, with its precision: place > admin1 > sea > country; multi for several."""
    out: dict[str, Any] = {
        "country": None,
        "admin1": loc.admin1[0] if loc.admin1 else None,
        "place": loc.place[0] if loc.place else None,
        "sea": loc.sea[0] if loc.sea else None,
        "lat": None,
        "lon": None,
        "precision": None,
    }
    distinct = {c for c, _e in found.locations} | ({loc.country[0]} if loc.country else set())
    if len(distinct) > 1 and loc.admin1 is None:
        out["precision"] = "multi"
    elif loc.country is not None:
        out["country"] = loc.country[0]
        evidence["location.country"] = [loc.country[1]]
    for key, val in (("admin1", loc.admin1), ("place", loc.place), ("sea", loc.sea)):
        if val is not None:
            evidence[f"location.{key}"] = [val[1]]
    if out["precision"] is None:
        if loc.place and out["country"]:
            out["precision"] = "place"
        elif loc.admin1:
            out["precision"] = "admin1"
        elif loc.sea and not out["country"]:
            out["precision"] = "sea"
        elif out["country"]:
            out["precision"] = "country"
    return out


def _clause_for(text: str, sent: _Sentence, pos: int) -> tuple[int, int]:
    for a, b in sent.clause_spans:
        if a <= pos <= b:
            return a, b
    return sent.span


def _main_dates(
    text: str, sents: list[_Sentence], pub: dt.date | None
) -> tuple[tuple[str, list[Evidence]] | None, tuple[str, list[Evidence]] | None]:
    start: tuple[str, list[Evidence]] | None = None
    end: tuple[str, list[Evidence]] | None = None
    loose: tuple[str, list[Evidence]] | None = None
    duration: tuple[int, Evidence] | None = None
    for sent in sents:
        s, e = sent.span
        sentence_text = text[s:e]
        for a, b, days in sent.durations:
            if duration is None:
                duration = (days, _ev(text, a, b))
        ordered = sorted(sent.dates, key=lambda x: x.start)
        for d, d2 in itertools.pairwise(ordered):
            # "on Monday and Tuesday": a two-day span
            if d.first and d2.first and d.relative and d2.relative and text[d.end : d2.start] == " and ":
                ev2 = [_ev(text, d.start, d2.end)]
                start = start or (d.first, ev2)
                end = end or (d2.first, ev2)
        for d in ordered:
            if d.first is None:
                continue
            before = text[max(s, d.start - 100) : d.start]
            if _SPEECH_DATE.search(before) or (d.relative and "last year" in d.text.lower()):
                continue
            if _inside_name(d.start, sent.names):
                continue
            ev = [_ev(text, d.start, d.end)]
            if d.second is not None:
                if start is None:
                    start = (d.first, ev)
                if end is None:
                    end = (d.second, ev)
                continue
            low = d.text.lower()
            after = text[d.end : min(e, d.end + 30)]
            if _END_AFTER.match(after) and end is None:
                end = (d.first, ev)  # "on Thursday completed a five-day exercise"
                continue
            if _START_AFTER.match(after) and start is None:
                start = (d.first, ev)
                continue
            if low.startswith(("until", "till", "through")) or _END_CUE.search(before):
                if end is None:
                    end = (d.first, ev)
            elif low.startswith(("from", "since")) or _closer_start(text, s, d.start):
                if start is None:
                    start = (d.first, ev)
            elif _END_CUE_FAR.search(text[max(s, d.start - 120) : d.start]):
                if end is None:
                    end = (d.first, ev)
            elif loose is None and not cl._PURCHASE_RE.search(sentence_text):
                loose = (d.first, ev)
    # a month ("last week") yields to a day computed from a day-precise end and a duration
    month_yields = bool(duration and end and loose and len(loose[0]) < 10 <= len(end[0]))
    if start is None and loose is not None and (end is None or loose[0] <= end[0]) and not month_yields:
        start = loose
    if duration is not None:
        days, dev = duration
        if start is not None and end is None:
            value = dm.add_days(start[0], days - 1)
            if value:
                end = (value, [*start[1], dev])
        elif end is not None and start is None:
            value = dm.add_days(end[0], -(days - 1))
            if value:
                start = (value, [*end[1], dev])
    if start is not None and end is not None and end[0] < start[0][: len(end[0])]:
        end = None  # an "end" before the start is a misreading; leave it to the reviewer
    return start, end


_END_AFTER = re.compile(r"\s*(?:completed|ended|concluded|wrapped up|finished|closed)\b", re.IGNORECASE)
_START_AFTER = re.compile(r"\s*(?:began|started|launched|opened|kicked off)\b", re.IGNORECASE)


def _closer_start(text: str, s: int, pos: int) -> bool:
    """True when a start verb ("began") is nearer before ``pos`` than an end verb ("concluded")."""
    start_cue = _START_CUE.search(text[max(s, pos - 100) : pos])
    if start_cue is None:
        return False
    end_cue = _END_CUE_FAR.search(text[max(s, pos - 100) : pos])
    return end_cue is None or start_cue.start() > end_cue.start()


_SLUG_RE = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """Lower-case ASCII slug: "Ala-Too Shield 2032" -> "ala-too-shield-2032"."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _SLUG_RE.sub("-", ascii_text.lower()).strip("-")


def _source_id(info: SourceInfo) -> str:
    publisher = slugify(info.publisher or "unknown-publisher")
    publisher = "-".join(publisher.split("-")[:3]) or "source"
    date = (info.published or "").replace("-", "") or "undated"
    words = "-".join(slugify(info.title or "").split("-")[:5]) or "report"
    return f"{publisher}-{date}-{words}"


def _record_id(record: dict[str, Any], gaz: en.Gazetteer) -> str:
    if record["name"]:
        base = slugify(record["name"])
    else:
        names = gaz.country_names
        parts = [
            slugify(names.get(p["country"], p["country"]))
            for p in record["participants"]
            if p["role"] != "observer"
        ]
        base = "-".join(parts[:3]) or "exercise"
    start = record["start"]
    if not start:
        return f"undated-{base}"
    prefix = start[:7] if len(start) >= 7 else start[:4]
    if base.endswith(start[:4]) or base.startswith(start[:4]):
        return f"{prefix}-{base}" if not base.startswith(start[:4]) else base
    return f"{prefix}-{base}"


def _unique_ids(drafts: list[Draft]) -> None:
    seen: dict[str, int] = {}
    for d in drafts:
        rid = d.record["id"]
        if rid in seen:
            seen[rid] += 1
            d.record["id"] = f"{rid}-{seen[rid]}"
        else:
            seen[rid] = 1
