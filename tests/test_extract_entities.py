"""Countries, admin-1 areas, seas and names found through the project's alias tables."""

from __future__ import annotations

from tests.conftest import REPO

from military_exercises.extract.entities import (
    find_entities,
    find_seas,
    load_gazetteer,
    name_is_plausible,
    series_of,
)

GAZ = load_gazetteer(REPO / "dataset" / "mappings")


def found(text: str) -> list[tuple[str, str, str]]:
    seas = [(m.start, m.end) for m in find_seas(GAZ, text, 0, len(text))]
    return [(m.kind, m.code, m.text) for m in find_entities(GAZ, text, 0, len(text), seas)]


def test_names_demonyms_codes_and_possessives() -> None:
    assert found("Tajik-Russian drills with the U.S. and Kazakhstan's army") == [
        ("country", "TJK", "Tajik"),
        ("country", "RUS", "Russian"),
        ("country", "USA", "U.S."),
        ("country", "KAZ", "Kazakhstan's"),
    ]


def test_longest_alias_wins() -> None:
    assert found("Papua New Guinea and Saudi Arabia") == [
        ("country", "PNG", "Papua New Guinea"),
        ("country", "SAU", "Saudi Arabia"),
    ]
    assert found("in Inner Mongolia") == [("admin1", "CN-NM", "Inner Mongolia")]


def test_case_rules_keep_pronouns_and_common_words_out() -> None:
    assert found("let us train; the us of it") == []  # "us" counts only as "US"
    assert found("US and UK jets") == [("country", "USA", "US"), ("country", "GBR", "UK")]


def test_seas_block_the_countries_inside_them() -> None:
    text = "drills in the South China Sea and the Sea of Japan"
    assert [m.code for m in find_seas(GAZ, text, 0, len(text))] == ["South China Sea", "Sea of Japan"]
    assert found(text) == []


def test_admin1_exonyms_and_conditional_aliases() -> None:
    assert found("in GBAO and in Gorno-Badakhshan") == [
        ("admin1", "TJ-GB", "GBAO"),
        ("admin1", "TJ-GB", "Gorno-Badakhshan"),
    ]
    (punjab,) = find_entities(GAZ, "in Punjab", 0, 9, [])
    # "Punjab" exists in India and Pakistan: both readings are kept for the context to decide
    assert {(o.code, o.needs_country) for o in punjab.options} == {("IN-PB", "IND"), ("PK-PB", "PAK")}


def test_capitals_are_found_as_capitals() -> None:
    assert found("according to Bishkek") == [("capital", "KGZ", "Bishkek")]


def test_exercise_names() -> None:
    assert series_of("Zapad-2017") == "Zapad"
    assert series_of("Ala-Too Shield 2032") == "Ala-Too Shield"
    assert series_of("Jade Wall-31A") == "Jade Wall"
    assert series_of("Harbour Vigil") is None
    assert name_is_plausible("Iron Lynx", GAZ)
    assert not name_is_plausible("Russian", GAZ)  # a demonym, not a name
    assert not name_is_plausible("May", GAZ)  # a month
    assert not name_is_plausible("The", GAZ)


def test_every_admin1_alias_code_exists_in_pycountry() -> None:
    import pycountry

    for code in set(GAZ.maps.admin1_aliases.values()):
        assert pycountry.subdivisions.get(code=code) is not None, code


def test_iso_names_from_pycountry_need_their_country_in_context() -> None:
    (m,) = find_entities(GAZ, "in Laikipia", 0, 11, [])
    assert m.kind == "admin1" and m.code == "KE-20" and m.needs_country == "KEN"
    amazonas = find_entities(GAZ, "Amazonas", 0, 8, [])[0]
    assert {o.code for o in amazonas.options} >= {"BR-AM", "CO-AMA"}  # the context decides
    text = "Baden-Wuerttemberg and Norrbotten county"  # transliterated umlaut, Swedish "län" dropped
    assert [m.code for m in find_entities(GAZ, text, 0, len(text), [])] == ["DE-BW", "SE-BD"]
