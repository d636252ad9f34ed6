"""Claims: quantity, contingent, qualifier, claimant and basis, on short invented reports."""

from __future__ import annotations

from typing import Any

from tests.conftest import REPO

from military_exercises.extract import extract_records

MAPS = REPO / "dataset" / "mappings"


def main_claims(body: str, published: str = "2032-07-14") -> list[dict[str, Any]]:
    drafts = extract_records(body, published=published, mappings_dir=MAPS)
    return [
        {
            k: c.get(k)
            for k in ("quantity", "country", "value", "low", "high", "qualifier", "basis", "claimant_country")
        }
        for c in drafts[0].record["claims"]
    ]


def claim(quantity: str, country: str | None, value: int | None, qualifier: str, basis: str,
          claimant_country: str | None, low: int | None = None, high: int | None = None) -> dict[str, Any]:  # fmt: skip
    return {"quantity": quantity, "country": country, "value": value, "low": low, "high": high,
            "qualifier": qualifier, "basis": basis, "claimant_country": claimant_country}  # fmt: skip


def test_declared_totals_and_contingents() -> None:
    text = (
        "Tajikistan and Russia began joint exercises in Gorno-Badakhshan on Tuesday. More than 10,000 troops, "
        "mostly reservists, are taking part, the Tajik defence ministry said. The Russian army said some 400 "
        "soldiers and 80 pieces of military equipment had been deployed from its base."
    )
    assert main_claims(text) == [
        claim("troops", None, 10000, "more_than", "declared", "TJK"),
        claim("troops", "RUS", 400, "about", "declared", "RUS"),
        claim("equipment", "RUS", 80, "exact", "declared", "RUS"),
    ]


def test_unattributed_numbers_are_reported_and_estimates_by_outsiders_are_estimated() -> None:
    text = (
        "Russian and Belarusian forces began drills in Belarus's Brest region on Monday. About 9,000 troops are "
        "involved. Lithuanian officials estimated that between 40,000 and 60,000 personnel took part."
    )
    assert main_claims(text) == [
        claim("troops", None, 9000, "about", "reported", None),
        claim("troops", None, None, "range", "estimated", "LTU", low=40000, high=60000),
    ]


def test_equipment_categories_and_mixed_lists() -> None:
    text = (
        "Azerbaijani and Turkish troops held drills near Baku on Monday. About 3,000 personnel, up to 100 "
        "armoured vehicles, 50 artillery systems, 20 helicopters and 100 units of tanks and combat aircraft "
        "are involved, Azerbaijan's defence ministry said. Dozens of aircraft and helicopters flew."
    )
    got = [(c["quantity"], c["value"], c["low"], c["qualifier"]) for c in main_claims(text)]
    assert got == [
        ("troops", 3000, None, "about"),
        ("armoured_vehicles", 100, None, "up_to"),
        ("artillery", 50, None, "exact"),
        ("helicopters", 20, None, "exact"),
        ("equipment", 100, None, "exact"),  # a mixed list counted together
        ("aircraft", None, 24, "range"),  # aircraft and helicopters together; "dozens of" = 24-99
    ]


def test_contingents_from_subjects_ellipsis_and_of_them() -> None:
    text = (
        "Some 3,000 troops are taking part in Iron Lynx 2032 in Lithuania, which began on Monday. Germany is "
        "contributing about 1,000 soldiers, followed by the Netherlands with 450 troops and Norway with 300, "
        "the Lithuanian armed forces said. About 1,300 soldiers took part, 500 of them German."
    )
    got = [(c["country"], c["value"], c["basis"], c["claimant_country"]) for c in main_claims(text)]
    assert got == [
        (None, 3000, "reported", None),
        ("DEU", 1000, "declared", "LTU"),
        ("NLD", 450, "declared", "LTU"),
        ("NOR", 300, "declared", "LTU"),
        (None, 1300, "reported", None),
        ("DEU", 500, "reported", None),
    ]


def test_coreference_capitals_and_organisations() -> None:
    text = (
        "Kazakhstan and Kyrgyzstan opened an exercise at the Koktal training ground on Monday, Kazakhstan's "
        "defence ministry said. About 2,500 servicemen are involved, the ministry added. The Kyrgyz contingent "
        "numbers 600 troops, according to Bishkek. The CSTO said 150 units of military hardware were used."
    )
    got = [
        (c["quantity"], c["country"], c["value"], c["basis"], c["claimant_country"])
        for c in main_claims(text)
    ]
    assert got == [
        ("troops", None, 2500, "declared", "KAZ"),  # "the ministry" -> Kazakhstan's defence ministry
        ("troops", "KGZ", 600, "declared", "KGZ"),  # a capital speaks for its country
        ("equipment", None, 150, "estimated", None),  # an organisation speaking of others' exercise
    ]


def test_procurement_numbers_are_not_exercise_sizes() -> None:
    text = "The government approved the purchase of 12 fighter jets on Tuesday for its annual exercise."
    assert main_claims(text) == []


def test_media_claimant_is_reported_with_its_name() -> None:
    drafts = extract_records(
        "Swedish and Finnish troops held a drill on Monday. Swedish media reported that Sweden's brigade "
        "numbered roughly 3,200.",
        published="2032-07-14",
        mappings_dir=MAPS,
    )
    (c,) = drafts[0].record["claims"]
    assert (c["country"], c["value"], c["qualifier"], c["basis"], c["claimant"]) == (
        "SWE",
        3200,
        "about",
        "reported",
        "Swedish media",
    )


def test_organisation_running_the_exercise_declares() -> None:
    text = (
        "CSTO forces from Russia and Tajikistan opened the Rubezh-2032 exercise in Tajikistan on Tuesday. "
        "About 2,000 troops are involved, the CSTO Joint Staff said."
    )
    (draft, *_rest) = extract_records(text, published="2032-06-30", mappings_dir=MAPS)
    assert draft.record["organisation"] == "CSTO"
    (c,) = draft.record["claims"]
    assert (c["basis"], c["claimant_country"], c["claimant_organisation"]) == ("declared", None, "CSTO")


def test_each_side_strength_and_armed_forces_names() -> None:
    text = (
        "Indian and Japanese troops began an exercise in Rajasthan on Monday. Each side deployed a contingent "
        "of about 120 soldiers, the Indian Army said."
    )
    assert [(c["country"], c["value"]) for c in main_claims(text)] == [("IND", 120), ("JPN", 120)]
    text = (
        "French and German soldiers began an exercise in Alsace on Tuesday. Germany sent a 1,200-strong "
        "battle group, a Bundeswehr spokesman said."
    )
    (draft,) = extract_records(text, published="2033-04-21", mappings_dir=MAPS)
    (c,) = draft.record["claims"]
    assert (c["quantity"], c["country"], c["value"]) == ("troops", "DEU", 1200)  # "-strong" counts troops
    assert (c["claimant"], c["claimant_country"], c["basis"]) == ("Bundeswehr spokesman", "DEU", "declared")


def test_shared_noun_and_of_them_from() -> None:
    text = (
        "Kazakh and Chinese troops held an exercise on Monday and Tuesday. Around 300 personnel took part, "
        "120 of them from China. South Korea said four Chinese and four Kazakh aircraft flew."
    )
    drafts = extract_records(text, published="2031-04-15", mappings_dir=MAPS)
    rec = drafts[0].record
    assert (rec["start"], rec["end"]) == ("2031-04-14", "2031-04-15")  # "on Monday and Tuesday"
    got = [(c["quantity"], c["country"], c["value"]) for c in rec["claims"]]
    assert got == [
        ("troops", None, 300),
        ("troops", "CHN", 120),
        ("aircraft", "CHN", 4),
        ("aircraft", "KAZ", 4),
    ]
