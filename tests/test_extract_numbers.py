"""Number expressions in prose -> qualifier and value or bounds (hand-computed expectations)."""

from __future__ import annotations

import pytest

from military_exercises.extract.numbers import VAGUE_BOUNDS, find_numbers, to_int, words_to_int


def one(text: str) -> tuple[str, int | None, int | None, int | None]:
    found = find_numbers(text)
    assert len(found) == 1, found
    n = found[0]
    assert text[n.start : n.end] == n.text
    return n.qualifier, n.value, n.low, n.high


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("more than 10,000 troops", ("more_than", 10000, None, None)),
        ("some 400 soldiers", ("about", 400, None, None)),
        ("80 pieces", ("exact", 80, None, None)),
        ("10 thousand", ("exact", 10000, None, None)),
        ("around 150 thousand troops", ("about", 150000, None, None)),
        ("1.5 million", ("exact", 1500000, None, None)),
        ("around twenty thousand", ("about", 20000, None, None)),
        ("one thousand two hundred", ("exact", 1200, None, None)),
        ("three hundred and fifty", ("exact", 350, None, None)),
        ("twenty-five", ("exact", 25, None, None)),
        ("fewer than 13,000", ("fewer_than", 13000, None, None)),
        ("up to 70 aircraft", ("up_to", 70, None, None)),
        ("as many as 12", ("up_to", 12, None, None)),
        ("no more than 60 boats", ("up_to", 60, None, None)),
        ("at least 600", ("at_least", 600, None, None)),
        ("nearly 5,000", ("about", 5000, None, None)),
        ("between 40,000 and 60,000", ("range", None, 40000, 60000)),
        ("2,000-2,500", ("range", None, 2000, 2500)),
        ("2-3 thousand", ("range", None, 2000, 3000)),
        ("dozens of aircraft", ("range", None, 24, 99)),
        ("tens of thousands of troops", ("range", None, 20000, 99999)),
        ("several hundred US troops", ("range", None, 300, 999)),
        ("a dozen helicopters", ("about", 12, None, None)),
        ("two dozen boats", ("about", 24, None, None)),
    ],
)
def test_number_expressions(text: str, expected: tuple[str, int | None, int | None, int | None]) -> None:
    assert one(text) == expected


def test_numbers_inside_designations_are_not_counts() -> None:
    # "F-35A", "Su-25", "Jade Wall-31A": digits glued to letters or hyphens are model names
    assert [n.value for n in find_numbers("six F-35A fighters and Su-25 jets of Jade Wall-31A")] == [6]


def test_offsets_point_into_the_text() -> None:
    text = "The ministry said 1,400 US Marines and some 4,600 soldiers took part."
    got = [(n.text, n.value) for n in find_numbers(text)]
    assert got == [("1,400", 1400), ("some 4,600", 4600)]


def test_reversed_range_and_fractional_counts_are_rejected() -> None:
    assert find_numbers("a 20-5 win") == []
    assert to_int("2.5") is None
    assert to_int("2.5 thousand") == 2500


def test_words_to_int() -> None:
    assert words_to_int("a hundred") == 100
    assert words_to_int("seventy") == 70
    assert words_to_int("hundred") is None  # a scale needs a count before it
    assert words_to_int("many") is None


def test_vague_bounds_are_ordered() -> None:
    for phrase, (qualifier, low, high) in VAGUE_BOUNDS.items():
        assert low <= high, phrase
        assert qualifier in ("range", "about")
