"""Dates in news prose, absolute ("July 17", "17-21 July", "from May 20 to 26", "in March 2030") and
relative to the publication date ("on Tuesday", "until Friday", "last Thursday", "yesterday",
"next week", "next month", "last year").

Results are partial ISO dates as the source records use them ("2018-07-17", "2018-07", "2018"). A
relative expression without a publication date resolves to nothing (never a guess). Rules, in short:

- a weekday alone ("on Tuesday") is the nearest such day: on or before the publication date when the
  clause is in the past tense, on or after it when the clause speaks of the future ("will", "until",
  "scheduled", present-tense "kicks off"); "last Friday" is the most recent Friday before publication,
  "next Friday" the first one after it;
- "this/next/last week" gives the month when the whole week falls in one month, else nothing;
- a day and month without a year take the year that puts the date within six months of publication.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _i:
        MONTHS[_name.lower()] = _i
        MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

#: Absolute day and month expressions, with optional ranges. Named groups: m1/d1/y1 for the first
#: date, m2/d2/y2 for the second one of a range.
ABSOLUTE_RE = re.compile(
    rf"""
    (?:(?<=mid-)|(?<![\w-]))
    (?:
        # July 17-21, 2018 | July 17 to 20 | July 17 to July 21 | July 17, 2018
        (?P<a_m1>{_MONTH})\s+(?P<a_d1>{_DAY})(?:,?\s+(?P<a_y1>{_YEAR}))?
        (?:\s*(?:-|–|to|and|through|until)\s*(?:(?P<a_m2>{_MONTH})\s+)?(?P<a_d2>{_DAY})
           (?:,?\s+(?P<a_y2>{_YEAR}))?)?
      |
        # 17-21 July 2018 | 17 to 21 July | 17 July to 2 August | 17 July
        (?P<b_d1>{_DAY})(?:\s+(?P<b_m1>{_MONTH}))?
        (?:,?\s*(?:-|–|to|and|through|until|up\s+to(?:\s+and\s+including)?)\s*(?:{_WEEKDAY},?\s+)?(?P<b_d2>{_DAY}))?
        \s+(?P<b_m2>{_MONTH})
        (?:,?\s+(?P<b_y>{_YEAR}))?
      |
        # (in) March 2030 | (in) March | March next year | February to April 1993
        (?P<c_m>{_MONTH})(?:\s*(?:-|–|to|through|until|and)\s*(?P<c_m2>{_MONTH}))?
        (?:\s+(?P<c_y>{_YEAR})|\s+(?P<c_rel>next\s+year|last\s+year|this\s+year))?
    )
    (?![\w-])
    """,
    re.VERBOSE,
)

RELATIVE_RE = re.compile(
    rf"""
    (?<![\w-])
    (?:
        (?P<wd_mod>last|next|this|on|until|till|through|by|from|since)?\s*(?P<wd>{_WEEKDAY})
      | (?P<day>today|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|tonight)
      | (?P<per_mod>this|next|last|earlier\s+this|later\s+this)\s+(?P<per>week|month|year)
    )
    (?![\w-])
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: "five-day", "11-day", "one-day": a duration in days.
DURATION_RE = re.compile(
    r"(?<![\w-])(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)[- ]day(?![\w-])|"
    r"(?<![\w-])(?:over|last|lasts|lasting|for)\s+(?P<n2>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve)\s+days\b|"
    r"(?<![\w-])(?P<n3>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+days\s+of\s+"
    r"(?:drills?|exercises?|manoeuvres|training|war games)\b",
    re.IGNORECASE,
)
SMALL_NUMBERS = _SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip

# Tense cues for a bare weekday. Future is checked first: "scheduled" also ends in -ed.
_FUTURE_RE = re.compile(
    r"\b(?:will|would|shall|'ll|is to|are to|to be|scheduled|due|set to|expected|expects|intends?|plans?|"
    r"planned|"
    r"to (?:begin|start|end|conclude|close|run|last|finish|open|continue)|"
    # (not "runs": "runs from May 22 to June 15", published on June 20, is this year's, just over)
    r"kicks off|starts|begins|opens|ends|closes|continues|concludes|wraps up|lasts|until|till|next)\b",
    re.IGNORECASE,
)
_PAST_RE = re.compile(  # a past participle in lower case: "Shared Accord 13" is a name
    r"\b(?:(?-i:[a-z]\w*ed)|began|begun|held|was|were|had|got|took|ran|went|came|saw|sent|flew|fought|led|did|"
    r"wound up|last|yesterday|ago|earlier)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:]|\b(?:and|but|while|which|who|whereas)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """A date expression found in the text. ``first``/``second`` are partial ISO dates (or None when
    they cannot be resolved); ``second`` is set for ranges ("17-21 July")."""

    start: int
    end: int
    text: str
    first: str | None
    second: str | None = None
    relative: bool = False


def _iso(year: int | None, month: int, day: int | None) -> str | None:
    if year is None:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


_NEAR = dt.timedelta(days=30)


def infer_year(
    month: int,
    day: int | None,
    published: dt.date | None,
    tense: str | None = None,
    year_hint: int | None = None,
    until: tuple[int, int | None] | None = None,
    near: bool = True,
) -> int | None:
    """The year of a day or month given without one.

    In a future clause ("will be held in September") the first such date on or after publication;
    in a past clause the last one on or before it; otherwise the nearest one. Without a publication
    date, ``year_hint`` (the edition year of the report's exercise, "Selenga-2018"), else None.
    ``until``: the (month, day) a range ends on ("runs from 1 to 7 September", published on the 3rd:
    this year's, under way). ``near``: a day within a month of publication is that one, whatever
    the tense (not in a sentence that speaks of last year or an earlier year).
    """
    if published is None:
        return year_hint
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        end_month, end_day = until if until is not None else (month, day)
        try:
            first = dt.date(year, month, day or 1)
            last = dt.date(year, end_month, end_day or calendar.monthrange(year, end_month)[1])
        except ValueError:
            continue
        if last < first:  # "from 28 December to 3 January"
            last = last.replace(year=year + 1)
        candidates.append((year, first, last))
    # a day within a few weeks of publication is that one, whatever the clause's tense ("has announced
    # an exercise from Aug. 27", published on 25 August; "running since November 8", on 12 November)
    close = [y for y, first, last in candidates if first - _NEAR <= published <= last + _NEAR]
    if near and len(close) == 1 and day is not None:
        return close[0]
    if tense == "future":
        ahead = [y for y, _f, last in candidates if last >= published]
        if ahead:
            return ahead[0]
    if tense == "past":
        behind = [y for y, first, _l in candidates if first <= published]
        if behind:
            return behind[-1]
    best = min(candidates, key=lambda c: abs((c[1] + (c[2] - c[1]) / 2 - published).days), default=None)
    return None if best is None else best[0]


def _day(text: str | None) -> int | None:
    return None if text is None else int(re.sub(r"\D", "", text))


def _month(text: str | None) -> int | None:
    return None if text is None else MONTHS.get(text.lower().rstrip("."))


#: A four-digit year standing alone ("in 2001", not "AH-2001" or "2001-02").
YEAR_RE = re.compile(r"(?<![\w-])((?:19|20)\d\d)(?![\w-])")


def two_digit_year(two: int) -> int:
    """The year of a two-digit edition number ("Anakonda-16", "Peacemaker '95"): 2000-2040 or 1941-1999."""
    return 2000 + two if two <= 40 else 1900 + two
_IN_YEAR = re.compile(r"\b[Ii]n\s+((?:19|20)\d\d)\b(?!\s*[-–])")
_LAST_YEAR_IN = re.compile(r"\blast\s+year\b", re.IGNORECASE)


def find_absolute_dates(
    text: str, start: int, end: int, published: dt.date | None, year_hint: int | None = None
) -> list[DateMention]:
    """Absolute dates in ``text[start:end]``: day-month, month-day, ranges, months with a year
    (``year_hint``: see :func:`infer_year`)."""
    out: list[DateMention] = []
    years = set(YEAR_RE.findall(text, start, end))
    stated = _IN_YEAR.search(text, start, end)
    if (
        stated is not None
        and years == {stated.group(1)}
        # not "opened on 31 August ... the biggest since the series was launched in 1981"
        and not re.search(r"\bsince\b[^.;]{0,50}$", text[max(start, stated.start() - 60) : stated.start()])
    ):
        # "In 2001 the manoeuvre went ahead despite the attacks of 11 September": that year's day
        published, year_hint = None, int(stated.group(1))
    # "Cobra Gold 2015 ran from 9 to 20 February last year": no nearest day of the report's year
    near = published is None or not (
        _LAST_YEAR_IN.search(text, start, end) or any(int(y) < published.year for y in years)
    )
    for m in ABSOLUTE_RE.finditer(text, start, end):
        g = m.groupdict()
        first: str | None
        second: str | None = None
        if g["a_m1"]:
            m1 = _month(g["a_m1"])
            if m1 is None:
                continue
            m2 = _month(g["a_m2"]) or m1
            d1, d2 = _day(g["a_d1"]), _day(g["a_d2"])
            y2 = int(g["a_y2"]) if g["a_y2"] else None
            tense = _tense(text, start, m.start(), end, default="neutral")
            until = (m2, d2) if d2 is not None else None
            y1 = int(g["a_y1"]) if g["a_y1"] else y2
            y1 = y1 or infer_year(m1, d1, published, tense, year_hint, until, near=near)
            first = _iso(y1, m1, d1)
            if d2 is not None:
                second = _iso(y2 or y1, m2, d2)
        elif g["b_d1"]:
            m2b = _month(g["b_m2"])
            if m2b is None:
                continue
            m1b = _month(g["b_m1"]) or m2b
            tense = _tense(text, start, m.start(), end, default="neutral")
            until_b = (m2b, _day(g["b_d2"])) if g["b_d2"] else None
            yb = (
                int(g["b_y"])
                if g["b_y"]
                else infer_year(m1b, _day(g["b_d1"]), published, tense, year_hint, until_b, near=near)
            )
            first = _iso(yb, m1b, _day(g["b_d1"]))
            if g["b_d2"]:
                second = _iso(yb, m2b, _day(g["b_d2"]))
            elif g["b_m1"]:
                continue  # "17 July 5 August" is not a date expression we understand
        else:
            mc = _month(g["c_m"])
            if mc is None or (g["c_m"] == "May" and not (g["c_y"] or g["c_rel"]) and _modal_may(text, m)):
                continue
            if g["c_m"].lower().rstrip(".") in ("mar", "jun", "jan") and not g["c_y"]:
                continue  # short forms alone are too often other words
            if g["c_y"]:
                year: int | None = int(g["c_y"])
            elif g["c_rel"] and published is not None:
                shift = {"next": 1, "last": -1, "this": 0}[g["c_rel"].split()[0].lower()]
                year = published.year + shift
            else:
                tense = _tense(text, start, m.start(), end, default="neutral")
                year = infer_year(mc, None, published, tense, year_hint, near=near)
            first = _iso(year, mc, None)
            mc2 = _month(g["c_m2"])
            if mc2 is not None and mc2 > mc:
                second = _iso(year, mc2, None)
        out.append(DateMention(m.start(), m.end(), m.group(0), first, second))
    return out


def _modal_may(text: str, m: re.Match[str]) -> bool:
    """ "May" as a verb ("it may last") rather than the month: not preceded by in/of/since/until/from."""
    before = text[max(0, m.start() - 12) : m.start()].lower()
    return not re.search(r"\b(?:in|of|since|until|from|by|early|late|mid|during|through)\s*$", before)


def _tense(text: str, sentence_start: int, pos: int, sentence_end: int, default: str = "past") -> str:
    """'past' or 'future' for the clause around ``pos`` (start of a date expression)."""
    window_start = sentence_start
    for b in _CLAUSE_BREAK.finditer(text, sentence_start, pos):
        window_start = b.end()
    before = text[window_start:pos]
    if _FUTURE_RE.search(before):
        return "future"
    if _PAST_RE.search(before):
        return "past"
    whole = text[sentence_start:sentence_end]
    if re.search(r"\b(?:will|would|shall|scheduled|due to|set to|expected to)\b", whole, re.IGNORECASE):
        return "future"
    return default


def _week_month(monday: dt.date) -> str | None:
    sunday = monday + dt.timedelta(days=6)
    if monday.month == sunday.month:
        return f"{monday.year:04d}-{monday.month:02d}"
    return None


def resolve_relative(
    match: re.Match[str], text: str, sentence: tuple[int, int], published: dt.date | None
) -> str | None:
    """The partial ISO date a relative expression means, or None (no publication date, or vague)."""
    if published is None:
        return None
    g = match.groupdict()
    if g["day"]:
        word = g["day"].lower()
        shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)  # "this morning", "tonight": today
        return (published + dt.timedelta(days=shift)).isoformat()
    if g["wd"]:
        target = WEEKDAYS[g["wd"].lower()]
        mod = (g["wd_mod"] or "").lower()
        back = (published.weekday() - target) % 7
        ahead = (target - published.weekday()) % 7
        if mod == "last":
            d = published - dt.timedelta(days=back or 7)
        elif mod == "next":
            d = published + dt.timedelta(days=ahead or 7)
        elif mod in ("until", "till", "through", "by"):
            # "until Sunday" in a present-tense clause speaks of an end still to come
            tense = _tense(text, sentence[0], match.start(), sentence[1], default="future")
            d = (
                published - dt.timedelta(days=back)
                if tense == "past"
                else published + dt.timedelta(days=ahead)
            )
        elif mod == "since":
            d = published - dt.timedelta(days=back)
        else:
            tense = _tense(text, sentence[0], match.start(), sentence[1])
            d = (
                published + dt.timedelta(days=ahead)
                if tense == "future"
                else published - dt.timedelta(days=back)
            )
        return d.isoformat()
    per, mod = g["per"].lower(), " ".join(g["per_mod"].lower().split())
    shift = {"this": 0, "next": 1, "last": -1, "earlier this": 0, "later this": 0}[mod]
    if per == "year":
        return f"{published.year + shift:04d}"
    if per == "month":
        month_index = published.year * 12 + published.month - 1 + shift
        return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
    return _week_month(monday)


#: A day of the month alone: "began on the 4th", "until the 17th" (Japanese and Korean reports).
_DAY_ORDINAL = re.compile(
    r"\b(?P<mod>(?i:on|from|until|till|through|since|by)|(?<=(?:st|nd|rd|th)\s)to)\s+the\s+(?P<d>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\b"
    r"(?!\s+(?:of\b|century|anniversary|edition|time|day|annual|round|session|[A-Z]))"
)


def _day_of_month(
    match: re.Match[str], text: str, sentence: tuple[int, int], published: dt.date
) -> str | None:
    """The date of "the 4th": that day in the publication month or the one before or after, on the
    side of the publication date the clause's tense says ("began on the 4th": on or before it)."""
    day = int(match.group("d"))
    candidates = []
    for shift in (-1, 0, 1):
        index = published.year * 12 + published.month - 1 + shift
        with contextlib.suppress(ValueError):
            candidates.append(dt.date(index // 12, index % 12 + 1, day))
    mod = match.group("mod").lower()
    default = "future" if mod in ("until", "till", "through", "by", "to") else "past"
    tense = _tense(text, sentence[0], match.start(), sentence[1], default=default)
    tense = "past" if mod == "since" else tense
    if tense == "past":
        chosen = [c for c in candidates if c <= published]
        return max(chosen).isoformat() if chosen else None
    chosen = [c for c in candidates if c >= published]
    return min(chosen).isoformat() if chosen else None


def find_relative_dates(
    text: str, sentence: tuple[int, int], published: dt.date | None, month: str | None = None
) -> list[DateMention]:
    """Relative date expressions in one sentence, resolved against ``published``; ``month`` (YYYY-MM,
    a month the sentence names: "In the first half of August, from the 6th to the 14th") dates a day
    of the month alone."""
    out = []
    if published is not None or month is not None:
        for m in _DAY_ORDINAL.finditer(text, sentence[0], sentence[1]):
            day = m.start("d")
            if month is not None:
                iso: str | None = f"{month}-{int(m.group('d')):02d}"
                if not _valid_iso(iso):
                    continue
            elif published is not None:
                iso = _day_of_month(m, text, sentence, published)
            else:
                continue
            out.append(DateMention(day - len("the "), m.end(), text[day - 4 : m.end()], iso, relative=True))
    for m in RELATIVE_RE.finditer(text, sentence[0], sentence[1]):
        if m.group("wd") and not m.group("wd")[0].isupper():
            continue  # weekdays are capitalised in English prose
        out.append(
            DateMention(
                m.start(), m.end(), m.group(0), resolve_relative(m, text, sentence, published), relative=True
            )
        )
    return out


def _valid_iso(iso: str | None) -> bool:
    try:
        return iso is not None and bool(dt.date.fromisoformat(iso))
    except ValueError:
        return False


def find_durations(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(start, end, days) for each "five-day"-style duration in ``text[start:end]``."""
    if "day" not in text[start:end].lower():
        return []  # most sentences have none; skip the scan
    out = []
    for m in DURATION_RE.finditer(text, start, end):
        raw = (m.group("n") or m.group("n2") or m.group("n3")).lower()
        days = int(raw) if raw.isdigit() else _SMALL[raw]
        if 1 <= days <= 60:
            out.append((m.start(), m.end(), days))
    return out


def add_days(iso: str, days: int) -> str | None:
    """``iso`` (a day-precise date) plus ``days``; None for month or year precision."""
    if len(iso) != 10:
        return None
    try:
        return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()
    except (ValueError, OverflowError):
        return None
