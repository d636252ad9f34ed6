"""From one report's text to draft records: the main exercise and the earlier ones it mentions.

The pipeline per report: header -> sentences -> per sentence (dates, seas, entities, names, numbers,
claims, attributions; :mod:`~military_exercises.extract.sentences`) -> which sentences speak of an
earlier exercise (:mod:`~military_exercises.extract.stages.past`) -> one draft per exercise, built
stage by stage: participants and roles (``stages.roles``), location (``stages.location``), dates
(``stages.dates``), claims (``stages.claims``); every value with its evidence (character offsets into
the text as given, and the words there).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from military_exercises.extract import dates as dm
from military_exercises.extract import entities as en
from military_exercises.extract.model import Draft, Evidence, SourceInfo, evidence_at
from military_exercises.extract.sentences import Sentence, analyse, parse_header, split_sentences
from military_exercises.extract.stages.claims import build_claims, find_organisation
from military_exercises.extract.stages.dates import main_dates
from military_exercises.extract.stages.location import find_location, location_record
from military_exercises.extract.stages.past import (
    CANCELLED_RE,
    LAST_YEAR_WORDS,
    YEAR_RE,
    find_main_name,
    has_current_date,
    has_past_cue,
    mark_past,
    reference_year,
)
from military_exercises.extract.stages.roles import ROLE_ORDER, find_roles

__all__ = ["Draft", "Evidence", "SourceInfo", "extract_records", "parse_header", "slugify", "split_sentences"]

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
    hint = None if pub is not None else _edition_year(text, body_start, info.title)
    spans = split_sentences(text, body_start, len(text))
    # '"Amber Hope 95" got under way on August 4': a quoted two-digit edition year dates days, but
    # is not taken as the report's year ("Iron Magic 19" was held in 2018)
    quoted = _quoted_short_year(text) if hint is None and pub is None else None
    date_hint = quoted[0] if quoted else hint
    sentences = _analyse_all(text, spans, gaz, pub, date_hint)
    main_name = find_main_name(sentences, pub, text)
    now = reference_year(text, sentences, pub, main_name[2] if main_name else None, info.title)
    if pub is None and hint is not None and (main_name is None or not re.search(r"\d{4}$", main_name[2])):
        # "Anakonda-16": the edition year of a name the name finder does not take (but not an earlier
        # one's when the report plans a later year: "to be held in October 2026 ... held in 2025")
        now = hint if not _PLANNED_YEAR.search(text, body_start) else max(hint, now or hint)
    previous: Sentence | None = None
    for sent in sentences:
        mark_past(text, sent, pub, main_name[2] if main_name else None, now=now)
        later = _later_edition(text, sent, main_name)
        if later is not None and sent.past_key is None:
            # "The 2014 Sea Breeze brought together ..." in a report on Sea Breeze 2010: another edition
            sent.past_key, sent.past_start, sent.past_evidence = later[0], later[0], later[1]
        if (
            sent.past_key is None
            and previous is not None
            and previous.past_key is not None
            and _IN_THEM.search(text, *sent.span)
        ):  # "Similar exercises were held in 2025: ... . Troops from A and B took part in them, ..."
            sent.past_key, sent.past_start = previous.past_key, previous.past_start
            sent.past_evidence = previous.past_evidence
        previous = sent
    # "This year 49 ships take part, against 30 ships last year": the first clause is the main exercise's
    marking = _Marking(gaz, pub, hint, main_name[2] if main_name else None, now)
    contrasted = {id(s): _contrast_clauses(text, s, marking) for s in sentences}
    main_sents = [
        part
        for s in sentences
        for part in (contrasted[id(s)] or [s])
        if (part.past_key is None or has_current_date(part, pub, now))
        and not _SEPARATE_STORY.match(text, s.span[0])
        and not (s is not sentences[0] and _NEXT_EDITION.search(text, *s.span))  # the lead may be about it
        and _later_edition(text, s, main_name) is None
        and not _about_another_exercise(text, s, main_name)
    ]
    main = _build_event(text, "main", main_sents, gaz, pub, info, main_name, None, context=sentences)
    drafts = [main]
    if include_past:
        keys: dict[str, list[Sentence]] = {}
        for s in sentences:
            for part in contrasted[id(s)] or _past_clauses(text, s, marking):
                if part.past_key is not None:
                    keys.setdefault(part.past_key, []).append(part)
        for group in keys.values():
            only_name = all(has_current_date(s, pub) for s in group)
            past = _build_event(
                text, "past", group, gaz, pub, info, group[0].past_name, main, name_only=only_name
            )
            rec = past.record
            where = any(rec["location"][k] for k in ("country", "admin1", "place", "sea"))
            whole = _enclosing(sentences, group)
            began = whole is not None and _series_began(text, whole, main)
            if not (rec["name"] or rec["participants"] or rec["claims"] or where):
                if not began:
                    continue  # a bare year ("first held in 2029") is no record to draft
                # "SIMBEX was first held in 1994": the series' first edition, between the same states
                rec["participants"] = [
                    {"country": p["country"], "role": "participant"}
                    for p in main.record["participants"]
                    if p["role"] in ("host", "participant")
                ]
            if began and whole is not None and not rec["name"]:
                rec["name"] = _series_name(main.record["name"]) or _series_subject(text, whole)
            drafts.append(past)
    _unique_ids(drafts)
    return drafts


#: The year a series began: "first held in 1994", "The SLINEX series began in 2005", "has been held
#: every year since 1999", "launched in 2001".
_SERIES_BEGAN = re.compile(
    r"\b(?:first\s+(?:held|staged|conducted|organi[sz]ed|took\s+place)|(?:began|started|launched|"
    r"inaugurated|founded|held)\s+(?:(?:every|each)\s+year\s+|annually\s+|regularly\s+)?(?:in|since)|"
    r"(?:conducting|holding)\s+(?:this|the)\s+(?:exercise|drills?)\s+since)\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)
#: Words that make a sentence about the series itself: "the exercise", "the bilateral exercises".
_THE_SERIES = re.compile(
    r"\b(?:the|this|these|its)\s+(?:[\w-]+\s+){0,2}?(?:exercises?|drills?|manoeuvres|maneuvers|series|"
    r"programme|program)\b",
    re.IGNORECASE,
)


def _enclosing(sentences: list[Sentence], group: list[Sentence]) -> Sentence | None:
    """The one sentence that holds every clause of a group, if there is one."""
    lo, hi = min(p.span[0] for p in group), max(p.span[1] for p in group)
    return next((s for s in sentences if s.span[0] <= lo and hi <= s.span[1]), None)


def _series_began(text: str, sent: Sentence, main: Draft) -> bool:
    """Does a sentence say when the main exercise's series began, between the same states ("SIMBEX
    was first held in 1994", "The bilateral naval exercise began in 1993")?"""
    counted = [p for p in main.record["participants"] if p["role"] in ("host", "participant")]
    if len(counted) < 2:
        return False
    said = text[sent.span[0] : sent.span[1]]
    series = _series_name(main.record["name"])
    return _SERIES_BEGAN.search(said) is not None and (
        _THE_SERIES.search(said) is not None
        or (series is not None and series in said)
        or _series_subject(text, sent) is not None  # "Latma Safkar Indopura ... first held in 1988"
    )


def _series_subject(text: str, sent: Sentence) -> str | None:
    """The name a sentence opens on, when it is no state's: "Latma Safkar Indopura has been ..."."""
    subject = _NAMED_SERIES_SUBJECT.match(text, sent.span[0], sent.span[1])
    if subject is None:
        return None
    name = subject.group("name")
    a, b = subject.span("name")
    if any(m.kind != "admin1" and a <= m.start < b for m in sent.mentions):
        return None  # "Singapore has held ...": a state, not a series
    return name


#: A sentence that opens on a capitalised name and goes on about it ("Latma Safkar Indopura has been a
#: yearly tradition ... since it was first held in 1988").
_NAMED_SERIES_SUBJECT = re.compile(
    r"\s*(?P<name>(?!(?:The|This|It|In|On|At|Since|After|Before|During)\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
    r"\s+(?:has|have|was|were|is|are|had)\b"
)


def _series_name(name: str | None) -> str | None:
    """A name without its edition year or number: "SIMBEX 2009" -> "SIMBEX", "Sea Breeze-2015"."""
    if not name:
        return None
    bare = re.sub(r"[\s-]*(?:(?:19|20)\d\d|'?\d\d|[IVX]+)$", "", name).strip()
    return bare or None


@dataclass(frozen=True)
class _Marking:
    """What analysing a clause and marking it as an earlier exercise's needs (see ``mark_past``)."""

    gaz: en.Gazetteer
    pub: dt.date | None
    hint: int | None
    main_name: str | None
    now: int | None

    def parts(self, text: str, bounds: list[int]) -> list[Sentence]:
        """The clauses between successive ``bounds``, analysed and marked."""
        parts = [analyse(text, span, self.gaz, self.pub, self.hint) for span in itertools.pairwise(bounds)]
        for part in parts:
            mark_past(text, part, self.pub, self.main_name, now=self.now)
        return parts


_ELLIPTIC_YEAR = re.compile(
    r"\s*and\s+[\d,]+\s+in\s+(?P<year>(?:19|20)\d\d)\b"
    # "..., Angola in 2004 and Cape Verde in 2005", "in 2009 and 2014": the first clause's verb
    r"|\s*,?\s*(?:and\s+)?(?:(?:[A-Z][\w'’-]*\s+){1,4}in\s+)?(?P<year2>(?:19|20)\d\d)\s*[.,;]?\s*$"
)
#: Where one sentence turns from one earlier exercise to another: "..., and in 2007 two ships ...".
_PAST_CLAUSE_BREAK = re.compile(
    r";|,\s*(?:and|while|but|whereas)\s+|\s+and\s+(?=in\s+(?:19|20)\d\d\b)"
    r"|\s+and\s+(?=[\d,]+\s+in\s+(?:19|20)\d\d\b)"  # "1,900 took part in 2019 and 1,600 in 2018"
    # "Mozambique hosted it in 2003, Angola in 2004 and Cape Verde in 2005", "in 2009 and 2014"
    r"|(?:,|\s+and)\s+(?=(?:[A-Z][\w'’-]*\s+){1,4}in\s+(?:19|20)\d\d\b)"
    r"|\s+and\s+(?=(?:19|20)\d\d\b)"
    # "the first was held in Rajasthan in 2005 and the second at Pskov in 2007"
    r"|,?\s+and\s+(?=the\s+(?:first|second|third|fourth|fifth|next|last|latest)\b)"
)


def _past_clauses(text: str, sent: Sentence, marking: _Marking) -> list[Sentence]:
    """The sentence, or, when it names two earlier years in clauses of their own ("held their first
    exercise in 2003, and in 2007 two ships exercised ..."), one part per clause, each marked."""
    if sent.past_key is None:
        return [sent]
    a, b = sent.span
    now = marking.now
    years = [m for m in YEAR_RE.finditer(text, a, b) if now is None or int(m.group(1)) < now]
    if len({m.group(1) for m in years}) < 2:
        return [sent]
    cuts = [m.start() for m in _PAST_CLAUSE_BREAK.finditer(text, a, b)]
    bounds = [a, *[c for c in cuts if years[0].end() <= c < years[-1].start()], b]
    parts = marking.parts(text, bounds)
    for part in parts[1:]:
        short = _ELLIPTIC_YEAR.match(text, part.span[0], part.span[1])
        if part.past_key is None and short is not None and parts[0].past_key is not None:
            # "1,900 took part in 2019 and 1,600 in 2018": the verb is the first clause's
            g = "year" if short.group("year") else "year2"
            year = short.group(g)
            part.past_key, part.past_start = year, year
            part.past_evidence = (short.start(g), short.end(g))
            # its figure is read in the whole sentence, where the first clause gives its noun
            part.raw_claims = [r for r in sent.raw_claims if part.span[0] <= r.number.start < part.span[1]]
    marked = sum(p.past_key is not None for p in parts)
    # "the 2020 edition was cancelled, and only 1,700 took part in the 2021 edition": the clause of
    # the edition that was held is the earlier exercise, the cancelled one is none
    cancelled = marked == 1 and CANCELLED_RE.search(text, a, b) is not None
    return parts if marked >= 2 or cancelled else [sent]


#: A clause that sets this year's figures against an earlier year's.
_CONTRAST_BREAK = re.compile(
    r";|,\s*(?:against|compared\s+(?:with|to)|versus|up\s+from|down\s+from|while|whereas)\b"
    # "the most northerly location to host it since it was first held in 2007"
    r"|,?\s+since\s+(?=(?:it|the\s+(?:exercise|drills?|operation|series))\s+(?:was|were)\s+first\b)",
    re.IGNORECASE,
)


def _contrast_clauses(text: str, sent: Sentence, marking: _Marking) -> list[Sentence] | None:
    """For a sentence marked as earlier that sets the current exercise against an earlier one, its
    clauses, each marked (the first one then counts for the main exercise); else None."""
    if sent.past_key is None:
        return None
    a, b = sent.span
    cuts = [m.start() for m in _CONTRAST_BREAK.finditer(text, a, b)]
    if not cuts:
        return None
    parts = marking.parts(text, [a, *cuts, b])
    for part in parts:
        ev = sent.past_evidence
        if part.past_key is None and ev is not None and part.span[0] <= ev[0] < part.span[1]:
            # the words that made the sentence an earlier exercise's are in this clause
            part.past_key, part.past_start, part.past_evidence = sent.past_key, sent.past_start, ev
            part.past_name = sent.past_name
    current = [
        p
        for p in parts
        if p.past_key is None and (p.raw_claims or p.mentions) and not has_past_cue(text, *p.span)
    ]
    if not current or all(p.past_key is None for p in parts):
        return None
    return parts


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


def _later_edition(
    text: str, sent: Sentence, main_name: tuple[int, int, str] | None
) -> tuple[str, tuple[int, int]] | None:
    """The year and its place when a sentence is about an edition after the report's own ("The 2014
    Sea Breeze brought together ..." in a report on Sea Breeze 2010), else None."""
    own = re.search(r"((?:19|20)\d\d)$", main_name[2]) if main_name else None
    if own is None:
        return None
    edition = int(own.group(1))
    found = [
        (m.group("year") or m.group("year2"), m.span("year") if m.group("year") else m.span("year2"))
        for m in _EDITION_OF_YEAR.finditer(text, *sent.span)
    ]
    named = [int(y) for y in YEAR_RE.findall(text, *sent.span)]
    later = [(y, span) for y, span in found if int(y) > edition]
    return later[0] if later and all(y > edition for y in named) else None


#: "The 2014 Sea Breeze", "Sea Breeze 2014", "in 2014 the exercise": an edition of a year.
_EDITION_OF_YEAR = re.compile(
    r"\b[Tt]he\s+(?P<year>(?:19|20)\d\d)\s+(?:[A-Z]|edition|exercise|drills?)"
    r"|\b[Ii]n\s+(?P<year2>(?:19|20)\d\d)\b"
)


#: A sentence that turns to another event: "Separately, the Russian navy began ...".
_SEPARATE_STORY = re.compile(
    r"\s*(?:(?:Separately|Elsewhere|In\s+(?:a\s+)?separate\s+\w+)\b"
    # "The other exercise, Zapad 2009, saw ...", "The previous one, Centre-2015, involved ..."
    r"|The\s+(?:other|previous)\s+(?:one|exercise|drills?|edition|manoeuvres)\s*,"
    # "At the same time a huge US-led exercise, Saber Strike, is under way", "Last month the army held"
    r"|(?:At\s+the\s+same\s+time|Meanwhile|In\s+the\s+meantime|Last\s+month|Earlier\s+this\s+(?:month|year))"
    r",?\s+(?:[\w'’-]+\s+){0,8}?(?:exercises?|drills?|manoeuvres|maneuvers|war\s+games)\b"
    r"(?![^.;]{0,40}\b(?:it|this|the\s+(?:exercise|drills?|manoeuvres))\b))"
    # "Russia, for its part, started a defensive exercise of its Baltic Fleet"
    r"|[^.;]{0,40},\s+for\s+(?:its|their)\s+part,\s+(?:\w+\s+){0,2}(?:started|began|launched|held|staged|conducted)\s+"
    r"(?:[\w-]+\s+){0,4}(?:exercises?|drills?|manoeuvres|maneuvers)\b"
    # "... will also join the ADF in a separate joint exercise", "is running a separate maritime drill"
    r"|[^.;]*\ba\s+separate\s+(?:[\w-]+\s+){0,3}(?:exercise|drill|manoeuvre)s?\b"
    # "He added that the army will also stage a brigade-level exercise in November"
    r"|[^.;]*\balso\s+(?:stage|hold|conduct)\s+an?\s+(?:[\w-]+\s+){0,3}(?:exercise|drill|manoeuvre)s?\b"
)
#: A sentence about the next edition: "The United States will host the next Balance Iroquois in Guam".
_NEXT_EDITION = re.compile(
    r"\b(?:the\s+next|next\s+year['’]s)\s+(?:edition|exercise|drills?|round|iteration|(?:[A-Z][\w-]*\s*){1,3}"
    r"(?=\s+(?:exercise|drills?|in|for|will|is|at)\b))"
)


#: Edition years in other spellings: '"Khaan Quest" 2015', "Anakonda-16", "Peacemaker '95",
#: "Exercise Southern Katipo 17".
_QUOTED_NAME_YEAR = re.compile(
    r"[\"“][A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻŠŽČŘ][^\"”]{2,40}[\"”]\s+((?:19|20)\d\d)\b"
    r"|[\"“][A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻŠŽČŘ][^\"”]{2,40}?[\s-]((?:19|20)\d\d)[\"”]"
)  # '"Khaan Quest" 2015', '"Peace Mission - 2021"', '"Žaibo kirtis 2017"'
_UP = "A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻŠŽČŘ"  # "Żbik 15", "Świt-19": names in other Latin alphabets
_LOW = "a-zß-öø-ÿąćęłńśźżščřěůž"
_SHORT_EDITION_YEAR = re.compile(
    rf"(?<![\w-])(?!Covid)[{_UP}][{_LOW}]{{2,}}(?:[{_UP}][{_LOW}]+)?(?:-|\s+['’])(\d\d)(?![\w%/-])"
    r"|\b[Ee]xercise\s+(?:[A-Z][a-z]+\s+){1,3}(\d\d)(?![\w%/-])"
)


_LAST_YEARS = re.compile(rf"\b{LAST_YEAR_WORDS}\b", re.IGNORECASE)
#: A quoted name ending in a two-digit edition year: '"Blue Defender 21"' (only for a report that
#: dates nothing else: US names count fiscal years, "Iron Magic 19" was held in October 2018; and
#: some count editions: "Faisal 10", "Peninsula Shield Joint 10", which this reads as 2010).
_QUOTED_SHORT_YEAR = re.compile(
    rf"[\"“][{_UP}][^\"”]{{2,40}}?\s(\d\d)[\"”]"
    # '"98 Doksuri"': the year before the name, in Korean usage (not '"25 April"', a ship's name)
    rf"|[\"“](\d\d)\s(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    rf"December)\b)[{_UP}][^\"”\d]{{2,40}}[\"”]"
)
_NAME_AND_TWO_DIGITS = re.compile(
    r"\b(?P<name>[A-Z][a-z]{2,}\s+[A-Z][a-z]{2,}|[A-Z]{5,})\s+(?P<yy>\d\d)(?![\w%/-]|\s*(?:per|%)|"
    r"\s+(?:members|countries|nations|states|ships|aircraft|troops|soldiers|people|personnel|days|years|km)\b)"
)
#: "Garuda Shield-11/2017", "Unitas 54-2013": an edition's number, then its year
_NUMBERED_EDITION_YEAR = re.compile(
    r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?:-\d{1,2}/|\s+\d{1,3}-)(?P<year>(?:19|20)\d\d)\b"
)
#: "Scutul de Foc - 2025", "Cormorant Strike III - 2012": a name, a spaced dash, its edition year
_SPACED_DASH_YEAR = re.compile(
    r"\b[A-Z][\w'’]+(?:\s+(?:[A-Z][\w'’]+|de|del|do|da|of|al))*\s[-–]\s(?P<year>(?:19|20)\d\d)(?![\w-])"
)
_THIS_EDITION_YEAR = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]his\s+year's|[Ii]ts)\s+(?P<year>(?:19|20)\d\d)\s+(?:edition|exercise|iteration)\b"
    # 'its 2025 "Hoguk" exercise', 'held its "2016 Hwarang training"'
    r"|\b(?:[Ii]ts|[Tt]heir)\s+[\"“]?(?P<year2>(?:19|20)\d\d)\s+[\"“]?[A-Z][\w-]*[\"”]?\s+(?:[\w-]+\s+)?"
    r"(?:exercise|training|drills?|manoeuvres)\b"
)


#: A year the report plans for: "to be held in Belarus in October 2026", "planned for 2026".
_PLANNED_YEAR = re.compile(
    r"\b(?:to\s+be\s+held|will\s+be\s+held|planned\s+for|scheduled\s+for|will\s+take\s+place)\b"
    r"[^.;]{0,60}\b(?:19|20)\d\d\b"
)
#: A sentence that goes on about the exercises the sentence before named: "took part in them".
def _analyse_all(
    text: str, spans: list[tuple[int, int]], gaz: en.Gazetteer, pub: dt.date | None, hint: int | None
) -> list[Sentence]:
    """Every sentence analysed; without a publication date or an edition year, a day and month take
    the year of the last full date before them ("On 23 February 2025 ... . It will continue until
    9 March")."""
    out: list[Sentence] = []
    running: int | None = None
    for span in spans:
        sent = analyse(text, span, gaz, pub, hint if hint is not None or pub is not None else running)
        out.append(sent)
        if pub is None and hint is None:
            full = [
                d.first for d in sent.dates if d.first and len(d.first) == 10 and _FULL_YEAR.search(d.text)
            ]
            if full:
                running = int(full[-1][:4])
    return out


_FULL_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _about_another_exercise(text: str, sent: Sentence, main_name: tuple[int, int, str] | None) -> bool:
    """A sentence about another named exercise, not the report's: "took part in Exercise Welwitschia",
    "the ships of Mare Aperto, which will involve 6,000 people" (when the main name is elsewhere)."""
    if main_name is None or main_name[1] > sent.span[0]:
        return False  # only after the main exercise has been named (in an earlier sentence)
    main_words = _name_words(main_name[2])
    if main_words & _name_words(text[sent.span[0] : sent.span[1]]):
        return False  # the sentence names the main exercise too ("Sea Breeze", "the Breeze drills")
    for a, b, name in sent.names:
        words = _name_words(name)
        if not words or words & main_words:
            continue
        before = text[max(sent.span[0], a - 40) : a]
        after = text[b : min(sent.span[1], b + 40)]
        if _OTHER_EXERCISE_BEFORE.search(before) or _OTHER_EXERCISE_AFTER.match(after):
            return True
    for m in _PART_IN_NAMED.finditer(text, *sent.span):  # names the name finder does not take
        if not _name_words(m.group("name")) & main_words:
            return True
    return False


def _name_words(text: str) -> set[str]:
    """The words of three letters or more, lower-cased: what two mentions of one exercise share."""
    return {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)}


#: "took part in the joint Exercise", "participated in drills": words before another exercise's name.
_PART_IN = r"\b(?:part|participat\w+)\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
_OTHER_EXERCISE_BEFORE = re.compile(_PART_IN + r"(?:[Ee]xercise|drills?|manoeuvres)\s+[\"“]?$")
_PART_IN_NAMED = re.compile(
    _PART_IN + r"[Ee]xercise\s+[\"“]?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
)
_OTHER_EXERCISE_AFTER = re.compile(
    r"[\"”]?,\s+(?:which|a|an|another)\s+(?:[\w-]+\s+){0,3}?(?:will|is|was|exercise|drill)\b"
)


_IN_THEM = re.compile(r"\b(?:in|of|at)\s+(?:them|those\s+(?:drills|exercises|manoeuvres))\b", re.IGNORECASE)


def _quoted_short_year(text: str) -> tuple[int, int, int] | None:
    """(year, start, end) of a quoted name's two-digit edition year in the report's body."""
    m = _QUOTED_SHORT_YEAR.search(text, parse_header(text)[1])
    if m is None:
        return None
    g = 1 if m.group(1) else 2
    return dm.two_digit_year(int(m.group(g))), m.start(g), m.end(g)


def _short_year_of_publication(text: str, pub: dt.date | None) -> tuple[int, int, int] | None:
    """(year, start, end) of a name's two-digit year that is the publication's ("Joint Kiwi 08" in a
    report of May 2008), for a report that dates nothing else."""
    if pub is None:
        return None
    for named in _NAME_AND_TWO_DIGITS.finditer(text, parse_header(text)[1]):
        year = dm.two_digit_year(int(named.group("yy")))
        if abs(year - pub.year) <= 1:
            return year, named.start("yy"), named.end("yy")
    return None


def _edition_year(text: str, body_start: int, title: str | None) -> int | None:
    """Without a publication date, the year that dates "on 1 October": the edition year in the
    title, else that of the first exercise named with a year ("Selenga-2018 began on 1 October");
    two-digit edition years ("Anakonda-16", "Peacemaker '95") are read as 2000-2040 or 1941-1999."""
    found = _edition_year_at(text, body_start, title)
    return found[0] if found else None


def _edition_year_at(text: str, body_start: int, title: str | None) -> tuple[int, int, int] | None:
    """:func:`_edition_year` with where its digits are in ``text`` (a title's, in its header line)."""
    title_at = text.find(title) if title else -1
    for source, start, offset in ((title or "", 0, title_at), (text, body_start, 0)):
        m = next(
            (
                n
                for n in en.NAME_WITH_YEAR_RE.finditer(source, start)
                # "Côte d'Ivoire hosted Flintlock 2022 last year": an earlier edition, not this one's year
                if not _LAST_YEARS.search(source, n.end(), (source.find(".", n.end()) + 1) or len(source))
                and not en.starts_with_stop_word(n.group("name"))  # "In 1983 it moved to Darwin"
            ),
            None,
        )
        if m is not None:
            year = re.search(r"((?:19|20)\d\d)\b", m.group(0))
            if year:
                return (
                    int(year.group(1)),
                    offset + m.start() + year.start(1),
                    offset + m.start() + year.end(1),
                )
        quoted = _QUOTED_NAME_YEAR.search(source, start)
        if quoted is not None:
            g = 1 if quoted.group(1) else 2
            return int(quoted.group(g)), offset + quoted.start(g), offset + quoted.end(g)
        short = _SHORT_EDITION_YEAR.search(source, start)
        if short is not None:
            g = 1 if short.group(1) else 2
            return dm.two_digit_year(int(short.group(g))), offset + short.start(g), offset + short.end(g)
        spaced = _SPACED_DASH_YEAR.search(source, start)
        if spaced is not None:  # "the Scutul de Foc - 2025 exercise"
            return int(spaced.group("year")), offset + spaced.start("year"), offset + spaced.end("year")
        numbered = _NUMBERED_EDITION_YEAR.search(source, start)
        if numbered is not None:  # "Garuda Shield-11/2017": the 11th edition, of 2017
            return int(numbered.group("year")), offset + numbered.start("year"), offset + numbered.end("year")
        for named in _NAME_AND_TWO_DIGITS.finditer(source, start):
            # "Cobra Gold 21" where the report names "Cobra Gold" elsewhere too, "BALTOPS 22"
            if source.count(named.group("name")) >= 2 or named.group("name").isupper():
                yy_at = offset + named.start("yy")
                return dm.two_digit_year(int(named.group("yy"))), yy_at, yy_at + 2
        for this in _THIS_EDITION_YEAR.finditer(source, start):
            # "The 2025 edition simulated a cyclone", not "the 2020 edition was cancelled"
            stop = (source.find(".", this.end()) + 1) or len(source)
            if not CANCELLED_RE.search(source, this.end(), stop) and not _LAST_YEARS.search(
                source, this.end(), stop
            ):
                group = "year" if this.group("year") else "year2"
                return int(this.group(group)), offset + this.start(group), offset + this.end(group)
    return None


def _build_event(
    text: str,
    kind: str,
    sents: list[Sentence],
    gaz: en.Gazetteer,
    pub: dt.date | None,
    info: SourceInfo,
    name: tuple[int, int, str] | None,
    main: Draft | None,
    name_only: bool = False,
    context: Sequence[Sentence] = (),
) -> Draft:
    """One draft from the sentences of one exercise. ``name_only``: an earlier exercise known only
    by its name and year ("the largest since Harbour Vigil 2030")."""
    facts = [] if name_only else sents
    found = find_roles(text, facts, main)
    loc = find_location(text, facts, gaz, found, main)
    start: tuple[str, list[Evidence]] | None = None
    end: tuple[str, list[Evidence]] | None = None
    if kind == "past":
        first = sents[0]
        if first.past_start and first.past_evidence:
            start = (first.past_start, [evidence_at(text, *first.past_evidence)])
    else:
        start, end = main_dates(text, sents, pub)
        if name and start is None and end is None and re.search(r"(?:19|20)\d\d$", name[2]):
            # no date in the report: the edition year of its name ("Northern Lance 2035") is the start
            year = [m for m in re.finditer(r"(?:19|20)\d\d", text[name[0] : name[1]])][-1]
            start = (year.group(0), [evidence_at(text, name[0] + year.start(), name[0] + year.end())])
        elif start is None and end is None:
            # ... or of a name the name finder does not take: "Anakonda-16", "Peacekeeper '94",
            # '"Blue Defender 21"' (with a publication date, only an edition of about its year)
            edition = (
                _edition_year_at(text, parse_header(text)[1], info.title)
                or _quoted_short_year(text)
                or _short_year_of_publication(text, pub)
            )
            if edition is not None and (pub is None or abs(edition[0] - pub.year) <= 1):
                start = (str(edition[0]), [evidence_at(text, edition[1], edition[2])])
    org, org_ev = find_organisation(text, facts, gaz)
    source_id = _source_id(info)
    claims_out, claim_ev = build_claims(text, facts, found, org, source_id, gaz, context)

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
        evidence["name"] = [evidence_at(text, name[0], name[1])]
    if start:
        evidence["start"] = start[1]
    if end:
        evidence["end"] = end[1]
    record["location"] = location_record(loc, found, evidence)
    if org_ev is not None:
        evidence["organisation"] = [org_ev]
    record["organisation"] = org
    ordered = sorted(found.roles.items(), key=lambda kv: (ROLE_ORDER[kv[1]], found.evidence[kv[0]][0].start))
    record["participants"] = [{"country": c, "role": r} for c, r in ordered]
    for i, (c, _r) in enumerate(ordered):
        evidence[f"participants[{i}].country"] = found.evidence[c][:3]
    for key, cues in (("domains", _DOMAIN_CUES), ("purposes", _PURPOSE_CUES)):
        values: list[str] = []
        for value, rx in cues:
            hit = next((h for st in facts if (h := rx.search(text, *st.span))), None)
            if hit is not None:
                values.append(value)
                evidence.setdefault(key, []).append(evidence_at(text, hit.start(), hit.end()))
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
