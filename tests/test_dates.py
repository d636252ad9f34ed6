import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from military_exercises.pipeline.dates import PartialDateError, parse_partial_date


def test_day_month_year_intervals() -> None:
    d = parse_partial_date("2018-07-17")
    assert (d.earliest, d.latest, d.precision) == (dt.date(2018, 7, 17), dt.date(2018, 7, 17), "day")
    m = parse_partial_date("2016-02")
    assert (m.earliest, m.latest, m.precision) == (dt.date(2016, 2, 1), dt.date(2016, 2, 29), "month")
    y = parse_partial_date("2019")
    assert (y.earliest, y.latest, y.precision) == (dt.date(2019, 1, 1), dt.date(2019, 12, 31), "year")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2018-02-30", "day 30 does not exist"),
        ("2018-13", "month 13 does not exist"),
        ("2018-7-1", "not a partial ISO date"),
        ("17/07/2018", "not a partial ISO date"),
        ("2018-07-xx", "not a partial ISO date"),
        ("1850", "outside 1900-2100"),
        ("", "not a partial ISO date"),
    ],
)
def test_bad_dates_are_refused_with_reason(text: str, fragment: str) -> None:
    with pytest.raises(PartialDateError, match=fragment):
        parse_partial_date(text)


def test_non_string_is_refused() -> None:
    with pytest.raises(PartialDateError, match="quoted string"):
        parse_partial_date(2018)  # type: ignore[arg-type]


@given(st.text(max_size=20))
def test_parser_raises_only_its_own_error(text: str) -> None:
    try:
        d = parse_partial_date(text)
    except PartialDateError:
        return
    assert d.earliest <= d.latest
    assert d.text == text
