"""The likely-same-event rule shared by the duplicate check, link proposals and the extractor."""

from __future__ import annotations

import datetime as dt

from military_exercises.pipeline.matching import ExerciseKey, likely_same_pairs, same_event_reason

D = dt.date


def key(i: str, start: dt.date, end: dt.date, **kw: object) -> ExerciseKey:
    parts = kw.pop("participants", ())
    return ExerciseKey(i, start, end, participants=frozenset(parts), **kw)  # type: ignore[arg-type]


def test_same_series_overlapping_dates_and_half_the_states_is_a_likely_pair() -> None:
    a = key("a", D(2018, 7, 1), D(2018, 7, 31), series="Zapad", participants={"RUS", "BLR"})
    b = key("b", D(2018, 7, 15), D(2018, 7, 20), series="zapad ", participants={"RUS", "BLR", "ARM"})
    # shared 2 of 3 states = 67% >= 50%
    assert same_event_reason(a, b) == "same series (Zapad), overlapping dates, 67% of states shared"


def test_bilateral_editions_of_one_series_with_different_partners_are_not_a_pair() -> None:
    # CARAT with Bangladesh and CARAT with Malaysia in the same month: 1 of 3 states shared (33%)
    a = key("a", D(2016, 9, 1), D(2016, 9, 30), series="CARAT", participants={"USA", "BGD"})
    b = key("b", D(2016, 9, 1), D(2016, 9, 30), series="CARAT", participants={"USA", "MYS"})
    assert same_event_reason(a, b) is None


def test_dates_that_do_not_overlap_are_never_a_pair() -> None:
    a = key("a", D(2018, 7, 1), D(2018, 7, 5), series="Zapad", participants={"RUS"})
    b = key("b", D(2018, 7, 6), D(2018, 7, 9), series="Zapad", participants={"RUS"})
    assert same_event_reason(a, b) is None


def test_unnamed_drill_in_the_same_country_with_the_same_states_is_a_pair() -> None:
    a = key("a", D(2018, 7, 17), D(2018, 7, 21), country="TJK", participants={"TJK", "RUS"})
    b = key("b", D(2018, 7, 1), D(2018, 7, 31), name="Tajik-Russian drill", country="TJK",
            participants={"TJK", "RUS", "KGZ"})  # fmt: skip
    assert same_event_reason(a, b) == "overlapping dates in TJK, 67% of states shared"


def test_different_series_in_the_same_place_are_not_a_pair() -> None:
    a = key(
        "a", D(2013, 3, 1), D(2013, 3, 31), series="Foal Eagle", country="KOR", participants={"KOR", "USA"}
    )
    b = key(
        "b", D(2013, 3, 11), D(2013, 3, 21), series="Key Resolve", country="KOR", participants={"KOR", "USA"}
    )
    assert same_event_reason(a, b) is None


def test_pairs_within_one_list_come_once_and_against_another_list_cross_only() -> None:
    a = key("a", D(2018, 7, 1), D(2018, 7, 31), series="Zapad", participants={"RUS"})
    b = key("b", D(2018, 7, 2), D(2018, 7, 3), series="Zapad", participants={"RUS"})
    c = key("c", D(2018, 7, 2), D(2018, 7, 3), series="Zapad", participants={"RUS"})
    assert [(x, y) for x, y, _ in likely_same_pairs([a, b, c])] == [("a", "b"), ("a", "c"), ("b", "c")]
    assert [(x, y) for x, y, _ in likely_same_pairs([a], against=[b, c])] == [("a", "b"), ("a", "c")]


def test_a_multi_year_exercise_meets_rows_of_each_of_its_years() -> None:
    a = key("a", D(2019, 12, 20), D(2020, 1, 10), series="Snow", participants={"NOR"})
    b = key("b", D(2020, 1, 5), D(2020, 1, 6), series="Snow", participants={"NOR"})
    assert [(x, y) for x, y, _ in likely_same_pairs([a, b])] == [("a", "b")]
