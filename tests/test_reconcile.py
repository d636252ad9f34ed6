"""The reconciliation rule, case by case, with figures computed by hand."""

from __future__ import annotations

from typing import Any

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import lone_parts

from military_exercises.pipeline.reconcile import reconcile

CLAIM_SCHEMA = {
    "claim_id": pl.String,
    "exercise_id": pl.String,
    "quantity": pl.String,
    "country_iso3": pl.String,
    "qualifier": pl.String,
    "value": pl.Int64,
    "low": pl.Int64,
    "high": pl.Int64,
    "basis": pl.String,
    "source_id": pl.String,
    "component": pl.String,
}


def claims(*rows: dict[str, Any]) -> pl.DataFrame:
    defaults = {"exercise_id": "ex", "quantity": "troops", "country_iso3": None, "value": None,
                "low": None, "high": None, "component": None}  # fmt: skip
    full = [{**defaults, "claim_id": f"ex/c{i}", **r} for i, r in enumerate(rows, start=1)]
    return pl.DataFrame(full, schema=CLAIM_SCHEMA)


def participants(*pairs: tuple[str, str]) -> pl.DataFrame:
    return pl.DataFrame(
        {"exercise_id": ["ex"] * len(pairs), "iso3": [p[0] for p in pairs], "role": [p[1] for p in pairs]}
    )


def size(sizes: pl.DataFrame, *, basis: str, country: str | None = None, quantity: str = "troops",
         method: str = "claims") -> dict[str, Any]:  # fmt: skip
    cond = (pl.col("basis") == basis) & (pl.col("quantity") == quantity) & (pl.col("method") == method)
    cond &= pl.col("country_iso3").is_null() if country is None else pl.col("country_iso3") == country
    rows = sizes.filter(cond).to_dicts()
    assert len(rows) == 1, rows
    return rows[0]


HOST = participants(("BLR", "host"), ("RUS", "participant"))


def test_zapad_declared_and_estimated_stay_apart() -> None:
    # Declared "fewer than 13,000"; estimates "60,000-100,000" and "about 70,000".
    s = reconcile(
        claims(
            {"qualifier": "fewer_than", "value": 13000, "basis": "declared", "source_id": "a"},
            {"qualifier": "range", "low": 60000, "high": 100000, "basis": "estimated", "source_id": "b"},
            {"qualifier": "about", "value": 70000, "basis": "estimated", "source_id": "c"},
        ),
        HOST,
    )
    declared = size(s, basis="declared")
    # a ceiling alone: low is the stated number but open below; high closed
    assert (declared["low"], declared["best"], declared["high"]) == (13000, 13000, 13000)
    assert declared["low_open"] is True
    assert declared["high_open"] is False
    estimated = size(s, basis="estimated")
    # points 80,000 (midpoint) and 70,000 -> median 75,000; floors 60,000 and 70,000; ceilings 100,000, 70,000
    assert (estimated["low"], estimated["best"], estimated["high"]) == (60000, 75000, 100000)
    assert (estimated["low_open"], estimated["high_open"]) == (False, False)
    assert estimated["n_claims"] == 2
    assert estimated["n_sources"] == 2
    combined = size(s, basis="combined")
    # points 13,000 / 80,000 / 70,000 -> median 70,000; low 13,000 (open), high 100,000
    assert (combined["low"], combined["best"], combined["high"]) == (13000, 70000, 100000)
    assert combined["low_open"] is True
    assert combined["claim_ids"] == ["ex/c1", "ex/c2", "ex/c3"]


def test_more_than_leaves_high_open() -> None:
    s = reconcile(
        claims({"qualifier": "more_than", "value": 10000, "basis": "declared", "source_id": "a"}), HOST
    )
    d = size(s, basis="declared")
    assert (d["low"], d["best"], d["high"], d["low_open"], d["high_open"]) == (
        10000,
        10000,
        10000,
        False,
        True,
    )


def test_components_of_one_source_add_up() -> None:
    # One outlet: 700 regulars + about 10,000 reservists = one estimate of 10,700.
    s = reconcile(
        claims(
            {"qualifier": "exact", "value": 700, "basis": "reported", "source_id": "n", "country_iso3": "BLR", "component": "regulars"},
            {"qualifier": "about", "value": 10000, "basis": "reported", "source_id": "n", "country_iso3": "BLR", "component": "reservists"},
        ),
        HOST,
    )  # fmt: skip
    r = size(s, basis="reported", country="BLR")
    assert (r["low"], r["best"], r["high"], r["n_claims"], r["n_sources"]) == (10700, 10700, 10700, 2, 1)


def test_components_with_an_open_part_leave_the_sum_open() -> None:
    s = reconcile(
        claims(
            {"qualifier": "exact", "value": 700, "basis": "reported", "source_id": "n", "component": "regulars"},
            {"qualifier": "more_than", "value": 1000, "basis": "reported", "source_id": "n", "component": "reservists"},
        ),
        HOST,
    )  # fmt: skip
    r = size(s, basis="reported")
    assert (r["low"], r["best"], r["high"], r["high_open"]) == (1700, 1700, 1700, True)


def test_total_derived_only_with_every_contingent() -> None:
    both = claims(
        {"qualifier": "exact", "value": 500, "basis": "reported", "source_id": "a", "country_iso3": "BLR"},
        {"qualifier": "range", "low": 100, "high": 300, "basis": "reported", "source_id": "b", "country_iso3": "RUS"},
    )  # fmt: skip
    s = reconcile(both, HOST)
    derived = size(s, basis="reported", method="derived_from_contingents")
    # 500 + (100..300, point 200) -> low 600, best 700, high 800
    assert (derived["low"], derived["best"], derived["high"], derived["n_claims"]) == (600, 700, 800, 2)
    assert derived["scope"] == "exercise"
    # one contingent missing: no derived total at all
    s2 = reconcile(both.head(1), HOST)
    assert s2.filter(pl.col("method") == "derived_from_contingents").height == 0


def test_no_derived_total_when_a_whole_exercise_claim_exists() -> None:
    s = reconcile(
        claims(
            {"qualifier": "exact", "value": 500, "basis": "reported", "source_id": "a", "country_iso3": "BLR"},
            {"qualifier": "exact", "value": 200, "basis": "reported", "source_id": "a", "country_iso3": "RUS"},
            {"qualifier": "exact", "value": 900, "basis": "reported", "source_id": "b"},
        ),
        HOST,
    )  # fmt: skip
    assert s.filter(pl.col("method") == "derived_from_contingents").height == 0
    assert size(s, basis="reported")["best"] == 900


def test_zero_is_a_value_not_missing() -> None:
    s = reconcile(
        claims(
            {"qualifier": "exact", "value": 0, "quantity": "tanks", "basis": "declared", "source_id": "a"}
        ),
        HOST,
    )
    r = size(s, basis="declared", quantity="tanks")
    assert (r["low"], r["best"], r["high"]) == (0, 0, 0)


def test_median_of_even_count_rounds_half_up() -> None:
    s = reconcile(
        claims(
            {"qualifier": "exact", "value": 1, "basis": "reported", "source_id": "a"},
            {"qualifier": "exact", "value": 2, "basis": "reported", "source_id": "b"},
        ),
        HOST,
    )
    assert size(s, basis="reported")["best"] == 2  # median 1.5 -> 2


def test_no_claims_no_sizes() -> None:
    assert reconcile(claims(), HOST).height == 0


qualifiers = st.sampled_from(["exact", "about", "more_than", "at_least", "up_to", "fewer_than", "range"])


@st.composite
def claim_rows(draw: st.DrawFn) -> dict[str, Any]:
    q = draw(qualifiers)
    row: dict[str, Any] = {
        "qualifier": q,
        "basis": draw(st.sampled_from(["declared", "estimated", "reported"])),
        "source_id": draw(st.sampled_from(["a", "b", "c"])),
        "country_iso3": draw(st.sampled_from([None, "BLR", "RUS"])),
        "quantity": draw(st.sampled_from(["troops", "tanks"])),
        "component": draw(st.sampled_from([None, None, "part1", "part2"])),
    }
    if q == "range":
        lo = draw(st.integers(0, 10**6))
        row.update(low=lo, high=lo + draw(st.integers(0, 10**6)))
    else:
        row["value"] = draw(st.integers(0, 10**6))
    return row


@settings(max_examples=150, deadline=None)
@given(st.lists(claim_rows(), max_size=12))
def test_bounds_hold_and_no_claim_is_dropped(rows: list[dict[str, Any]]) -> None:
    c = claims(*rows)
    s = reconcile(c, HOST)
    assert s.filter(~((pl.col("low") <= pl.col("best")) & (pl.col("best") <= pl.col("high")))).height == 0
    used = set(
        s.filter(pl.col("basis") == "combined", pl.col("method") == "claims")["claim_ids"]
        .explode()
        .drop_nulls()
    )
    # every claim is used, except a lone labelled part of the whole exercise (rule step 2)
    assert used == set(c["claim_id"]) - lone_parts(c, combined=True)
    per_basis = set(
        s.filter(pl.col("basis") != "combined", pl.col("method") == "claims")["claim_ids"]
        .explode()
        .drop_nulls()
    )
    assert per_basis == set(c["claim_id"]) - lone_parts(c, combined=False)


def test_a_lone_labelled_part_is_not_the_whole_exercise() -> None:
    # Eager Lion 2022 in miniature: "more than 4,000" in all (declared) and, from another outlet,
    # "400 troops of 27 other countries" (reported, a part with no sibling parts from that source).
    c = claims(
        {"qualifier": "more_than", "value": 4000, "basis": "declared", "source_id": "a"},
        {"qualifier": "exact", "value": 400, "basis": "reported", "source_id": "b", "component": "others"},
    )
    s = reconcile(c, HOST)
    whole = s.filter(pl.col("scope") == "exercise")
    assert sorted(whole["basis"].to_list()) == ["combined", "declared"]  # no reported size of 400
    r = size(s, basis="combined")
    assert (r["low"], r["best"], r["high"], r["high_open"]) == (4000, 4000, 4000, True)
    assert r["claim_ids"] == ["ex/c1"]


def test_two_parts_of_one_source_still_add_up() -> None:
    c = claims(
        {"qualifier": "exact", "value": 700, "basis": "reported", "source_id": "a", "component": "regulars"},
        {
            "qualifier": "about",
            "value": 10000,
            "basis": "reported",
            "source_id": "a",
            "component": "reservists",
        },
    )
    r = size(reconcile(c, HOST), basis="reported")
    assert (r["low"], r["best"], r["high"]) == (10700, 10700, 10700)
