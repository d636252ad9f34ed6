"""A report's header and sentences, and what each sentence holds: dates, seas, countries and
admin-1 areas, exercise names, numbers, raw claims, attributions, places and organisations."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from military_exercises.extract import claims as cl
from military_exercises.extract import dates as dm
from military_exercises.extract import entities as en
from military_exercises.extract.model import SourceInfo
from military_exercises.extract.numbers import NumberMatch, find_numbers

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


@dataclass
class Sentence:
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


#: What follows an organisation that runs an exercise: "NATO's", "CSTO rapid reaction forces",
#: "nine NATO countries", "a SADC peace-support exercise".
_ORGANISER_RIGHT = re.compile(
    r"(?:['’]s\b|-led\b|\s+(?:[\w-]+\s+){0,2}?(?:exercises?|drills?|manoeuvres|forces|troops|countries|"
    r"members|member states|allies|allied|rapid reaction|peace-support|secretariat|partners)\b)",
    re.IGNORECASE,
)


def overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < y and x < b for x, y in spans)


_NATIONAL_GUARD = re.compile(r"\s+(?:Air\s+|Army\s+)?National\s+Guard\b")


_LEADING_PREPOSITION = re.compile(r"(?:During|In|At|After|Before|For|From|Until|On|By|Since)\s+")


def analyse(
    text: str,
    span: tuple[int, int],
    gaz: en.Gazetteer,
    published: dt.date | None,
    year_hint: int | None = None,
) -> Sentence:
    s, e = span
    if published is None and year_hint is None:
        # "their 22nd edition in 2018 will run from 7 to 16 June": the sentence's own year
        own = next(
            (
                m
                for m in _SENTENCE_YEAR.finditer(text, s, e)
                # not "the biggest since the series was launched in 1981"
                if not re.search(r"\bsince\b[^.;]{0,50}$", text[max(s, m.start() - 60) : m.start()])
            ),
            None,
        )
        year_hint = int(own.group(1)) if own else None
    absolute = dm.find_absolute_dates(text, s, e, published, year_hint)
    # without a publication date, "from the 6th to the 14th" takes the month the sentence names
    months = {d.first for d in absolute if d.first and len(d.first) == 7} if published is None else set()
    month = months.pop() if len(months) == 1 else None
    dates = absolute + dm.find_relative_dates(text, span, published, month)
    durations = dm.find_durations(text, s, e)
    seas = en.find_seas(gaz, text, s, e)
    names: list[tuple[int, int, str]] = []
    for rx in (en.NAME_WITH_YEAR_RE, en.NAME_CUE_RE, en.NAME_BEFORE_NOUN_RE):
        for m in rx.finditer(text, s, e):
            if rx is en.NAME_WITH_YEAR_RE:
                a, b, name = m.start(), m.end(), m.group(0)
                lead = _LEADING_PREPOSITION.match(name)
                possessive = re.match(r"\S+['’]s\b", name[lead.end() :]) if lead else None
                if lead and len(m.group("name")) > lead.end() and not possessive:
                    a, name = a + lead.end(), name[lead.end() :]  # "During Talisman Sabre 2023"
            else:
                a, b, name = m.start("name"), m.end("name"), m.group("name")
            name = name.strip('"“” ')
            if (
                len(name) < 3
                or not en.name_is_plausible(name, gaz)
                or overlaps(a, b, [(x, y) for x, y, _n in names])
            ):
                continue
            names.append((a, b, name))
    blocked = [(d.start, d.end) for d in dates] + [(m.start, m.end) for m in seas]
    blocked += [(a, b) for a, b, n in names if re.search(r"\d", n)]
    mentions = [
        m
        for m in en.find_entities(gaz, text, s, e, blocked)
        # "the Georgia National Guard" is a US state's force, not the country
        if not (m.kind == "country" and _NATIONAL_GUARD.match(text, m.end))
    ]
    numbers = [
        n
        for n in find_numbers(text, s, e)
        if not overlaps(n.start, n.end, blocked + [(a, b) for a, b, _d in durations]) and not is_year(n)
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
            if overlaps(a, b, blocked + [(x.start, x.end) for x in mentions]) or not en.name_is_plausible(
                m.group("loose"), gaz
            ):
                continue
            places.append((a, b, m.group("loose")))
    orgs = [
        (m.start(), m.end(), gaz.organisations[m.group(0).lower()])
        for m in (gaz.organisation_re.finditer(text, s, e) if gaz.organisation_re else ())
        if _ORGANISER_RIGHT.match(text, m.end(), e)
    ]
    return Sentence(
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


_SENTENCE_YEAR = re.compile(r"\b(?:in|this|of)\s+((?:19|20)\d\d)\b(?!\s*[-–])")


def is_year(n: NumberMatch) -> bool:
    return n.value is not None and n.qualifier == "exact" and 1900 <= n.value <= 2100 and len(n.text) == 4


def inside_name(pos: int, names: list[tuple[int, int, str]]) -> bool:
    return any(a <= pos < b for a, b, _n in names)


def clause_for(text: str, sent: Sentence, pos: int) -> tuple[int, int]:
    for a, b in sent.clause_spans:
        if a <= pos <= b:
            return a, b
    return sent.span
