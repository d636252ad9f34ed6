"""Stage: which sentences speak of an earlier exercise (and which one), and the main exercise's name."""

from __future__ import annotations

import datetime as dt
import re

from military_exercises.extract import dates as dm
from military_exercises.extract import entities as en
from military_exercises.extract.sentences import Sentence, inside_name

_PAST_CUE = re.compile(
    r"\b(?:similar|comparable|previous|earlier|first edition|last held|last year's|its own|snap|larger|"
    r"smaller|another|separate|since|the third|the second|the first|edition|first exercised|"
    r"first joint|held a|follows)\b",
    re.IGNORECASE,
)
_SUPERLATIVE_SINCE = re.compile(
    r"\b(?:largest|biggest|greatest|most\s+\w+|first\s+time|first\s+such|of\s+this\s+(?:size|scale)|"
    r"on\s+(?:this|such\s+a)\s+scale)\b[^.;]{0,80}\bsince\s+"
    # "the biggest drill since the series was launched in 1981"
    r"(?:(?:the|its)\s+(?:series|exercise|drills?|manoeuvres)\s+(?:was|were)\s+(?:first\s+)?"
    r"(?:launched|held|started|begun|created|staged)\s+in\s+)?$",
    re.I,
)
_POINTS_BACK = re.compile(
    r"\b(?:last\s+comparable|previous|last\s+(?:held|hosted|edition|exercise|time|year)|earlier\s+edition|"
    # "The first African Lion was launched in 2007": the series began then, the report is later
    r"the\s+first\s+(?:[A-Z][\w-]*\s*){0,3}(?:edition\s+)?(?:,\s*)?(?:was|were|took|in\b)|first\s+(?:held|staged|conducted|organi[sz]ed)|"
    r"(?:launched|began|started|founded|inaugurated|created|joined)\s+in\s+(?:19|20)\d\d"
    r"|\bthe\s+(?:19|20)\d\d\s+edition\b)",  # "The 2018 edition of those manoeuvres"
    re.IGNORECASE,
)
#: An edition that did not take place ("the 2020 edition was cancelled").
CANCELLED_RE = re.compile(r"\b(?:suspended|cancell?ed|postponed|called off|scrapped)\b", re.IGNORECASE)
_YEARS_AGO = re.compile(
    r"\b(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+years\s+ago\b", re.IGNORECASE
)
#: Words that put an edition in the year before the report's.
LAST_YEAR_WORDS = r"(?:last\s+year|the\s+year\s+before|(?:the\s+)?previous\s+year)"
_LAST_YEAR_AFTER = re.compile(rf"[^.;]{{0,40}}?\b{LAST_YEAR_WORDS}\b", re.I)
_YEAR_OF_OTHER_THING = re.compile(
    r"\s+(?:memorandum|agreement|treaty|accords?|law|decree|protocol|charter|coup|elections?|war|earthquake|"
    r"tsunami|crisis|summit|resolution|constitution)\b",
    re.IGNORECASE,
)
_FOUNDED_BUT_NOW = re.compile(
    r"\s*(?:Created|Founded|Launched|Begun|Started|Established|Inaugurated|Born)\s+in\s+(?:19|20)\d\d\s*,"
    r"[^.;]*\b(?:now|today|currently|this\s+year)\b"
)
_NAME_EXERCISE_OF_YEAR = re.compile(
    r"\bthe\s+(?P<name>[A-Z][\w'’]*(?:[ -][A-Za-z][\w'’]*){0,3})\s+"
    r"(?:exercises?|drills?|manoeuvres|maneuvers)\s+"
    r"(?:of|in)\s+(?P<year>(?:19|20)\d\d)\b"
)
_SHORT_NAME_YEAR = re.compile(r"(?<![\w-])[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]+)?-(?P<yy>\d\d)(?![\w%/-])")
YEAR_RE = dm.YEAR_RE
_YEAR_BEFORE = re.compile(
    r"\b(?:the\s+year\s+before|a\s+year\s+(?:earlier|before)|the\s+previous\s+year)\b", re.IGNORECASE
)
_LAST_YEAR = re.compile(r"\blast year(?:'s|’s)?", re.IGNORECASE)
#: A sentence that opens on an earlier year and says what "it" or "they" did then.
_OPENS_ON_EARLIER_YEAR = re.compile(
    r"\s*In\s+(?P<year>(?:19|20)\d\d)\s*,?\s+(?:it|they)\s+(?:was|were|took|had|moved|went|drew|involved)\b"
)
_EXERCISE_WORD = re.compile(
    r"\b(?:exercis\w*|drills?|manoeuvres?|maneuvers?|war[ -]?games|edition|iteration|training|patrols?|"
    r"held|took part|taking part|participated|involved|drew|brought together|trained|staged|conducted|joined|"
    r"became\s+a\s+(?:\w+\s+)?(?:member|participant|partner)|(?:first\s+)?(?:international|foreign)\s+partner|"
    r"series|hosted|(?:started|began|begun|launched|inaugurated|created|founded|established|born)\s+in)\b",
    re.IGNORECASE,
)


def has_past_cue(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has a word that points back ("previous", "the first edition")."""
    return _PAST_CUE.search(text, start, end) is not None


def reference_year(
    text: str, sentences: list[Sentence], published: dt.date | None, main_name: str | None, title: str | None
) -> int | None:
    """The year that is "now" for the report: its publication year; without one, the main exercise's
    edition year ("Pacific Compass 2036"), else a year in the title, else the latest year the report
    names (an earlier exercise is then one of a year before it)."""
    if published is not None:
        return published.year
    for candidate in (main_name, title):
        own = YEAR_RE.search(candidate or "")
        if own:
            return int(own.group(1))
    found = [
        (int(m.group(1)), sent, m.start()) for sent in sentences for m in YEAR_RE.finditer(text, *sent.span)
    ]
    if not found:
        return None
    latest = max(y for y, _s, _at in found)
    if all(
        _POINTS_BACK.search(text, *s.span) or re.search(r"\bsince\s+$", text[max(0, at - 8) : at])
        for y, s, at in found
        if y == latest
    ):
        # "at NATO's last comparable manoeuvre, in 2015", "every year since 1992": the report is later
        return latest + 1
    return latest


def mark_past(
    text: str, sent: Sentence, published: dt.date | None, main_name: str | None, *, now: int | None = None
) -> None:
    """Decide whether a sentence speaks of an earlier exercise, and which one (its key). ``now``:
    the report's reference year (:func:`reference_year`); by default the publication year or the
    main exercise's edition year."""
    s, e = sent.span
    pub_year = published.year if published else now
    if pub_year is None and main_name:
        own = re.search(r"((?:19|20)\d\d)$", main_name)
        pub_year = int(own.group(1)) if own else None
    key = start = None
    ev: tuple[int, int] | None = None
    for a, b, name in sent.names:
        m = re.search(r"((?:19|20)\d\d)$", name)
        if m and pub_year is not None and int(m.group(1)) < pub_year and name != main_name:
            sent.past_name = (a, b, name)
            key, start, ev = name.lower(), m.group(1), (a, b)
            break
    if key is None and pub_year is not None:
        named = _NAME_EXERCISE_OF_YEAR.search(text, s, e)
        if named is not None and int(named.group("year")) < pub_year:
            # "the biggest manoeuvres since the Zarb-e-Momin exercise of 1989": an earlier exercise by name
            sent.past_name = (named.start("name"), named.end("name"), named.group("name"))
            key, start = named.group("name").lower(), named.group("year")
            ev = (named.start("year"), named.end("year"))
    if key is None and pub_year is not None:
        short = _SHORT_NAME_YEAR.search(text, s, e)
        if short is not None:
            year = dm.two_digit_year(int(short.group("yy")))
            if year < pub_year and short.group(0) != main_name and not en.is_model_or_disease(short.group(0)):
                # "In some ways they repeat Zapad-81": an earlier exercise named with its short year
                sent.past_name = (short.start(), short.end(), short.group(0))
                key, start, ev = short.group(0).lower(), str(year), (short.start(), short.end())
    if key is None:
        years = [
            m
            for m in YEAR_RE.finditer(text, s, e)
            if pub_year is not None and int(m.group(1)) < pub_year and not inside_name(m.start(), sent.names)
        ]
        # "the largest exercise in Poland since 1989": a period compared with, not an exercise then
        years = [m for m in years if not _SUPERLATIVE_SINCE.search(text, s, m.start())]
        # "under a 1993 memorandum", "after the 2006 coup": the year of something else
        years = [m for m in years if not _YEAR_OF_OTHER_THING.match(text, m.end())]
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
            if text.count("(", s, d.start) > text.count(")", s, d.start):
                continue  # "Spain (which missed last year's edition)": an aside about one state
            past_period = "last year" in low or "last week" in low or "last month" in low
            cue = _PAST_CUE.search(text, s, e) or ("last year" in low and _EXERCISE_WORD.search(text, s, e))
            if d.relative and d.first and past_period and cue:
                key, start, ev = d.first, d.first, (d.start, d.end)
                break
    if key is None and pub_year is not None:
        before = _YEAR_BEFORE.search(text, s, e)
        if before is not None and _EXERCISE_WORD.search(text, s, e):
            # "The year before, Indonesia sent a platoon to the same exercise"
            key = start = str(pub_year - 1)
            ev = (before.start(), before.end())
    if key is None and published is None and pub_year is not None:
        last = next(
            (
                m
                for m in _LAST_YEAR.finditer(text, s, e)
                if text.count("(", s, m.start()) <= text.count(")", s, m.start())
            ),
            None,
        )  # not "Spain (which missed last year's edition)": an aside
        if last is not None and _EXERCISE_WORD.search(text, s, e):
            key = start = str(pub_year - 1)  # "Last year's exercise drew 1,900 personnel"
            ev = (last.start(), last.end())
    if _FOUNDED_BUT_NOW.match(text, s, e) and not sent.past_name:
        return  # "Created in 2002, it now mobilises some 2,000 participants": today's exercise
    if key is None or (CANCELLED_RE.search(text, s, e) and len(set(YEAR_RE.findall(text, s, e))) < 2):
        return  # a cancelled edition; with two years the other clause may still be an earlier exercise
    if not sent.past_name and not _PAST_CUE.search(text, s, e) and not re.match(r"\d{4}$", key):
        return  # "ended last week" is the main exercise; "held snap drills last week" is another one
    then = _OPENS_ON_EARLIER_YEAR.match(text, s, e)
    opens_on_then = then is not None and then.group("year") == key
    if (
        not sent.past_name
        and not _PAST_CUE.search(text, s, e)
        and not _EXERCISE_WORD.search(text, s, e)
        and not opens_on_then  # "In 2023 it took place at Chaubatia": the last edition
    ):
        return  # "strained since the coups of 2006 and 2014": a year, but no exercise
    if has_current_date(sent, published) and sent.past_name is None:
        return  # a sentence about the current exercise that mentions a year in passing
    # With a current date the sentence still belongs to the main exercise ("the largest since
    # Harbour Vigil 2030, end on May 20"); the earlier one is then known by its name and year only.
    sent.past_key, sent.past_start, sent.past_evidence = key, start, ev


def has_current_date(sent: Sentence, published: dt.date | None, now: int | None = None) -> bool:
    """Whether the sentence dates the current exercise too: a day within 60 days of publication, or,
    without a publication date, a day or month of the report's own year ``now`` ("Between 13 and 26
    July 2017 ..., an event held since 1960")."""
    if published is None:
        return now is not None and any(
            d.first and len(d.first) >= 7 and d.first[:4] == str(now) for d in sent.dates
        )
    for d in sent.dates:
        if d.first and len(d.first) == 10 and abs((dt.date.fromisoformat(d.first) - published).days) <= 60:
            return True
    return False


def find_main_name(
    sentences: list[Sentence], pub: dt.date | None, text: str = ""
) -> tuple[int, int, str] | None:
    """The main exercise's name: the first with a current edition number, else the first without a
    year; a name its sentence places last year ("hosted Flintlock 2022 last year") is an earlier one."""
    fallback = None
    for sent in sentences:
        for a, b, name in sent.names:
            m = re.search(r"((?:19|20)\d\d)$", name)
            if m and pub is not None and int(m.group(1)) < pub.year:
                continue
            if m and text and _LAST_YEAR_AFTER.match(text, b, sent.span[1]):
                continue
            if m or re.search(r"\d", name):
                return a, b, name
            if fallback is None and not YEAR_RE.search(name):
                fallback = (a, b, name)
    return fallback
