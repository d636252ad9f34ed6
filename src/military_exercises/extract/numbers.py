"""Numbers in news prose: "more than 10,000", "some 400", "10 thousand", "twenty thousand",
"between 2,000 and 2,500", "dozens of", "tens of thousands of".

Every match becomes a :class:`NumberMatch` in the vocabulary of the source records: a qualifier
(``exact``, ``about``, ``more_than``, ``at_least``, ``up_to``, ``fewer_than``, ``range``) with either
a ``value`` or ``low``/``high``. Vague quantities get documented bounds (:data:`VAGUE_BOUNDS`), so
that "dozens of aircraft" is stored as the range 24-99 rather than as an invented point value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Hedge words before a number -> qualifier. Longest phrases are tried first.
QUALIFIER_WORDS: dict[str, str] = {
    "more than": "more_than",
    "over": "more_than",
    "in excess of": "more_than",
    "upwards of": "more_than",
    "upward of": "more_than",
    "pass": "more_than",  # "the total is due to pass 2,000 personnel"
    "surpass": "more_than",
    "above": "more_than",
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "not less than": "at_least",
    "a minimum of": "at_least",
    "up to": "up_to",
    "as many as": "up_to",
    "a maximum of": "up_to",
    "no more than": "up_to",
    "not more than": "up_to",
    "fewer than": "fewer_than",
    "less than": "fewer_than",
    "under": "fewer_than",
    "below": "fewer_than",
    "nearly": "about",
    "almost": "about",
    "about": "about",
    "around": "about",
    "some": "about",
    "approximately": "about",
    "roughly": "about",
    "an estimated": "about",
    "estimated": "about",
    "close to": "about",
    "perhaps": "about",
    "about some": "about",
    "a total of": "exact",
    "exactly": "exact",
    "just over": "more_than",
    "just under": "fewer_than",
    "exceed": "more_than",  # "is expected to exceed 13,000"
    "exceeds": "more_than",
    "exceeding": "more_than",
}

#: Vague quantity phrases -> (qualifier, low, high). ``range`` phrases give bounds; the rest a value.
#: "dozens of" means at least two dozen and fewer than a hundred (else one says "hundreds");
#: "several" is read as three or more, "a few" as two to five.
VAGUE_BOUNDS: dict[str, tuple[str, int, int]] = {
    "dozens of": ("range", 24, 99),
    "scores of": ("range", 40, 99),
    "hundreds of thousands of": ("range", 200_000, 999_999),
    "tens of thousands of": ("range", 20_000, 99_999),
    "hundreds of": ("range", 200, 999),
    "thousands of": ("range", 2_000, 9_999),
    "several hundred": ("range", 300, 999),
    "a few hundred": ("range", 200, 500),
    "several thousand": ("range", 3_000, 9_999),
    "a few thousand": ("range", 2_000, 5_000),
    "several dozen": ("range", 36, 99),
    "a few dozen": ("range", 24, 60),
    "half a dozen": ("about", 6, 6),
    "a dozen": ("about", 12, 12),
    "two dozen": ("about", 24, 24),
    "three dozen": ("about", 36, 36),
    "four dozen": ("about", 48, 48),
}

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}

_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
#: One spelled-out number below a hundred: "nine", "twenty-five".
NUMBER_WORD = rf"(?:{_WORD})(?:-(?:{_WORD}))?"
_SCALE = "hundred|thousand|million"
#: A spelled-out number: "twenty", "twenty-five", "one thousand two hundred", "three hundred and fifty".
_WORDS_NUMBER = (
    rf"(?:(?:{_WORD})(?:-(?:{_WORD}))?|a)(?:\s+(?:{_SCALE}))+"
    rf"(?:(?:\s+and)?\s+(?:{_WORD})(?:-(?:{_WORD}))?(?:\s+(?:{_SCALE}))*)*"
    rf"|(?:{_WORD})(?:-(?:{_WORD}))?"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?(?!,\d)"
_DIGITS_SCALED = rf"(?:{_DIGITS})(?:\s*(?:thousand|million|k)\b)?"
_ONE_NUMBER = rf"(?:{_DIGITS_SCALED}|(?:{_WORDS_NUMBER})\b)"
_QUALIFIERS = "|".join(sorted((re.escape(q) for q in QUALIFIER_WORDS), key=len, reverse=True))
_VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE_BOUNDS), key=len, reverse=True))

NUMBER_RE = re.compile(
    rf"""
    (?<![\w,.-])
    (?:
        (?P<vague>{_VAGUE})
      | (?:(?:{_QUALIFIERS})\s+)?(?P<w_low>{_WORD})\s+(?:to|or)\s+(?P<w_high>{_WORD})
        \s+(?P<w_scale>hundred|thousand)\b   # "roughly five to six thousand"
      | between\s+(?P<b_low>{_ONE_NUMBER})\s+and\s+(?P<b_high>{_ONE_NUMBER})
      | (?:from\s+)?(?P<r_low>{_DIGITS_SCALED})\s*(?:-|–|to)\s*(?P<r_high>{_DIGITS_SCALED})
      | (?:{_QUALIFIERS})\s+(?P<o_low>{_DIGITS})\s+or\s+(?P<o_high>{_DIGITS})   # "about 50 or 60": a range
      | (?:(?P<qual>{_QUALIFIERS})\s+)?(?P<num>{_ONE_NUMBER})
    )
    (?:(?=-(?:strong|member|man|nation|country)\b)|(?![\w-]))   # "a 1,200-strong group", "a 5-nation drill"
    """,
    re.IGNORECASE | re.VERBOSE,
)


#: Verbs after which "over" is a preposition of place: "spread over 12 ships".
_OVER_IS_A_PLACE = re.compile(
    r"\b(?:spread|spreads|spreading|distributed|divided|split|scattered|flew|flown|fly|flies|sailed|stretch\w*)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumberMatch:
    """One number expression. ``value`` for single numbers, ``low``/``high`` for ranges."""

    start: int
    end: int
    text: str
    qualifier: str
    value: int | None = None
    low: int | None = None
    high: int | None = None


def words_to_int(text: str) -> int | None:
    """ "one thousand two hundred" -> 1200, "twenty-five" -> 25, "a hundred" -> 100; None if not a number."""
    total = 0
    current = 0
    seen = False
    for raw in re.split(r"[\s-]+", text.lower().strip()):
        if not raw or raw == "and":
            continue
        if raw == "a" and not seen:
            current = 1
            seen = True
        elif raw in _UNITS:
            current += _UNITS[raw]
            seen = True
        elif raw in _TENS:
            current += _TENS[raw]
            seen = True
        elif raw in _SCALES:
            if not seen:
                return None
            scale = _SCALES[raw]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            return None
    return total + current if seen else None


def to_int(text: str) -> int | None:
    """Parse one number as written: "10,000", "1.5 million", "10 thousand", "twenty thousand"."""
    t = " ".join(text.lower().split())
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(thousand|million|k)?", t)
    if m is None:
        return words_to_int(t)
    number = float(m.group(1).replace(",", ""))
    scale = {"thousand": 1_000, "k": 1_000, "million": 1_000_000, None: 1}[m.group(2)]
    value = number * scale
    if value != int(value) or value > 10**9:
        return None  # "2.5" soldiers is not a count
    return int(value)


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMatch]:
    """Every number expression in ``text[start:end]``, with offsets into ``text``."""
    out: list[NumberMatch] = []
    for m in NUMBER_RE.finditer(text, start, len(text) if end is None else end):
        match = _to_match(m)
        if match is not None:
            out.append(match)
    return out


def _to_match(m: re.Match[str]) -> NumberMatch | None:
    text = m.group(0)
    if m.group("vague"):
        qualifier, v_low, v_high = VAGUE_BOUNDS[m.group("vague").lower()]
        if qualifier == "range":
            return NumberMatch(m.start(), m.end(), text, "range", low=v_low, high=v_high)
        return NumberMatch(m.start(), m.end(), text, qualifier, value=v_low)
    if m.group("w_low"):  # "roughly five to six thousand": a range, one scale for both ends
        scale = _SCALES[m.group("w_scale").lower()]
        w_low, w_high = words_to_int(m.group("w_low")), words_to_int(m.group("w_high"))
        if w_low is None or w_high is None or w_low >= w_high:
            return None
        return NumberMatch(m.start(), m.end(), text, "range", low=w_low * scale, high=w_high * scale)
    lo_text = m.group("b_low") or m.group("r_low") or m.group("o_low")
    if lo_text:
        hi_text = m.group("b_high") or m.group("r_high") or m.group("o_high")
        low, high = to_int(lo_text), to_int(hi_text)
        if low is None or high is None:
            return None
        if m.group("r_low") and "thousand" in hi_text.lower() and "thousand" not in lo_text.lower():
            low *= 1_000  # "2-3 thousand"
        elif (
            re.fullmatch(r"\d{1,3}", lo_text.strip())
            and re.fullmatch(r"\d{1,3},\d00", hi_text.strip())
            and low * 1_000 <= high <= low * 3_000
        ):
            low *= 1_000  # "30-35,000", "between 20 and 25,000": the thousands are written once
        if low > high:
            return None  # "20-5" is no range; likely a score or a date
        return NumberMatch(m.start(), m.end(), text, "range", low=low, high=high)
    value = to_int(m.group("num"))
    if value is None:
        return None
    qual = m.group("qual")
    qualifier = QUALIFIER_WORDS[" ".join(qual.lower().split())] if qual else "exact"
    if (
        qual
        and qual.lower() == "over"
        and _OVER_IS_A_PLACE.search(m.string, max(0, m.start() - 25), m.start())
    ):
        qualifier = "exact"  # "spread over 12 ships", "flew over 3 countries": no hedge
    return NumberMatch(m.start(), m.end(), text, qualifier, value=value)
