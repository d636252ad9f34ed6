"""Absolute and relative dates resolved against a publication date (hand-computed calendars)."""

from __future__ import annotations

import datetime as dt

import pytest

from military_exercises.extract.dates import (
    add_days,
    find_absolute_dates,
    find_durations,
    find_relative_dates,
    infer_year,
)

WED = dt.date(2032, 7, 14)  # a Wednesday


def rel(text: str, published: dt.date | None = WED) -> list[str | None]:
    return [d.first for d in find_relative_dates(text, (0, len(text)), published)]


def absolute(text: str, published: dt.date | None = WED) -> list[tuple[str | None, str | None]]:
    return [(d.first, d.second) for d in find_absolute_dates(text, 0, len(text), published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The drills began on Monday.", "2032-07-12"),  # past tense: the Monday before
        ("The drills will end on Friday.", "2032-07-16"),  # future: the Friday after
        ("They are scheduled to conclude on Friday.", "2032-07-16"),
        ("The exercise kicks off on Monday.", "2032-07-19"),  # present tense of a plan
        ("It ended last Friday.", "2032-07-09"),
        ("It starts next Wednesday.", "2032-07-21"),
        ("It began on Wednesday.", "2032-07-14"),  # the publication day itself
        ("Troops will stay until Saturday.", "2032-07-17"),
        ("Troops are exercising until Sunday.", "2032-07-18"),  # present tense + until: still to come
        ("The drill ran until Sunday.", "2032-07-11"),
        ("It began yesterday.", "2032-07-13"),
        ("It ends tomorrow.", "2032-07-15"),
    ],
)
def test_relative_days(text: str, expected: str) -> None:
    assert rel(text) == [expected]


def test_relative_periods() -> None:
    assert rel("next week") == ["2032-07"]  # 19-25 July: one month
    assert rel("this week", dt.date(2032, 7, 28)) == [None]  # 26 July - 1 August spans two months
    assert rel("next month") == ["2032-08"]
    assert rel("next month", dt.date(2032, 12, 1)) == ["2033-01"]
    assert rel("last year") == ["2031"]


def test_relative_dates_need_a_publication_date() -> None:
    assert rel("It began on Tuesday.", None) == [None]
    assert absolute("It began on July 17.", None) == [(None, None)]


def test_lower_case_weekday_is_ignored() -> None:
    assert rel("a monday meeting") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on July 17", ("2032-07-17", None)),
        ("17 July 2018", ("2018-07-17", None)),
        ("July 17-21", ("2032-07-17", "2032-07-21")),
        ("from May 20 to 26", ("2032-05-20", "2032-05-26")),
        ("from June 19 to June 30", ("2032-06-19", "2032-06-30")),
        ("17-21 July", ("2032-07-17", "2032-07-21")),
        ("until 29 May", ("2033-05-29", None)),  # "until" speaks of what is to come: the next 29 May
        ("in May 2030", ("2030-05", None)),
        ("in April next year", ("2033-04", None)),
        ("on January 3", ("2033-01-03", None)),  # 173 days after publication beats 193 days before
    ],
)
def test_absolute_dates(text: str, expected: tuple[str | None, str | None]) -> None:
    assert absolute(text) == [expected]


def test_year_inference_follows_the_tense() -> None:
    jan = dt.date(2034, 1, 26)
    assert absolute("It will be held in September.", jan) == [("2034-09", None)]  # future: ahead
    assert absolute("It was held in September.", jan) == [("2033-09", None)]  # past: behind
    assert absolute("Drills in September.", jan) == [("2033-09", None)]  # no tense: the nearest


def test_year_inference_picks_the_nearest_year() -> None:
    assert infer_year(1, 3, WED) == 2033  # 173 days ahead beats 193 days back
    assert infer_year(12, 20, dt.date(2033, 1, 5)) == 2032
    assert infer_year(7, 1, None) is None


def test_may_the_verb_is_not_a_month() -> None:
    assert absolute("It may last longer.") == []
    assert absolute("In May the troops left.") == [("2032-05", None)]


def test_durations_and_day_arithmetic() -> None:
    text = "a five-day drill, an 11-day exercise, took part over eight days"
    assert [d for _a, _b, d in find_durations(text, 0, len(text))] == [5, 11, 8]
    assert add_days("2032-02-28", 2) == "2032-03-01"  # leap year
    assert add_days("2032-02", 2) is None  # month precision never becomes a day
