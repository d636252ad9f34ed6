"""Partial ISO dates ("2018", "2018-07", "2018-07-17") as an interval of days plus a precision."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# ASCII digits only ("\d" alone also matches other scripts' digits, "1౯00", which int() reads);
# \Z, not $, which would also accept a trailing newline.
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z", re.ASCII)


class PartialDateError(ValueError):
    """A string is not a valid partial ISO date. The message says why."""


@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, the month or the year.

    ``earliest`` and ``latest`` are the first and last day the value can mean: "2018-07" is
    2018-07-01 to 2018-07-31. Nothing is guessed: a month-precise date is never turned into a day.
    """

    text: str
    earliest: dt.date
    latest: dt.date
    precision: str  # "day" | "month" | "year"


def parse_partial_date(text: str) -> PartialDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise :class:`PartialDateError` otherwise."""
    if not isinstance(text, str):
        raise PartialDateError(f'must be a quoted string like "2018-07-17", got {type(text).__name__}')
    m = _PARTIAL_DATE.match(text)
    if m is None:
        raise PartialDateError(f'{text!r} is not a partial ISO date; use "YYYY", "YYYY-MM" or "YYYY-MM-DD"')
    year = int(m.group(1))
    if year < 1900 or year > 2100:
        raise PartialDateError(f"{text!r}: year {year} is outside 1900-2100")
    if m.group(2) is None:
        return PartialDate(text, dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    month = int(m.group(2))
    if not 1 <= month <= 12:
        raise PartialDateError(f"{text!r}: month {month} does not exist")
    last_day = calendar.monthrange(year, month)[1]
    if m.group(3) is None:
        return PartialDate(text, dt.date(year, month, 1), dt.date(year, month, last_day), "month")
    day = int(m.group(3))
    if not 1 <= day <= last_day:
        raise PartialDateError(f"{text!r}: day {day} does not exist in {year}-{month:02d}")
    d = dt.date(year, month, day)
    return PartialDate(text, d, d, "day")
