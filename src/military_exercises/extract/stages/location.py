"""Stage: location. Admin-1 area, sea, named place and country of one exercise (the location country
hosts), and the ``location`` block with its precision."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, Literal

from military_exercises.extract import entities as en
from military_exercises.extract.model import Draft, Evidence
from military_exercises.extract.sentences import Sentence
from military_exercises.extract.stages.roles import Located, Roles

#: A sentence about something else than the drills: visits, talks, tours ("Delegations later visited
#: the Almaty region for talks").
_NOT_EXERCISE_SENTENCE = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|talks|summit|conference|negotiations|tour|excursion|memorial|ceremony\s+in|"
    # ... and "stood with Xi at a military parade in Beijing"
    r"sidelines|General\s+Assembly|(?:military\s+)?parade\s+in|seminar|"
    # another edition or exercise: "Another edition took place in February at ...", "coincides with
    # another exercise in the US state of Alaska", "The 15th edition ... was held on ... at ..."
    r"(?:another|previous|earlier|preceding)\s+(?:edition|exercise|drill)|already\s+held|"
    r"\d+(?:st|nd|rd|th)\s+edition\b[^.;]{0,80}\b(?:was\s+held|took\s+place))\b",
    re.IGNORECASE,
)
_DATELINE_AFTER = re.compile(r"\s*(?:,\s*[A-Z][\w .'’-]{0,30})?\s*(?:\([^)]{0,40}\)\s*)?[-—–:]")
_HOST_WORD = re.compile(r"\bhost(?:s|ed|ing)?\b", re.IGNORECASE)
_DISTANCE_RIGHT = re.compile(
    r",?\s+(?:about\s+|some\s+|around\s+)?\d[\d,]*\s*(?:km|kilometres|kilometers|miles)\s+"
    r"(?:\(\d[^)]*\)\s+)?(?:from|north|south|east|west|outside)\b"
)
#: "in Lusaka, the capital of Zambia", "in the capital Baku": a capital city, "on the outskirts of
#: Marrakech": a city, whatever area shares its name.
_CAPITAL_RIGHT = re.compile(r",\s+(?:the\s+)?(?:\w+\s+)?capital\b", re.IGNORECASE)
_OUTSKIRTS_LEFT = re.compile(r"\b(?:outskirts\s+of|the\s+capital|the\s+city\s+of)\s+$", re.IGNORECASE)
_ADMIN1_NOT_LOCATION_LEFT = re.compile(
    r"(?:border\s+with|bordering|crossing\s+from|from|into|toward|towards|between|off|port\s+of|banks?\s+of|"
    r"halfway\s+to|(?:on\s+(?:its|their|the)\s+)?way\s+to|"
    r"left|leaving|departed|departing|set\s+off\s+from|"
    r"(?:talks|meeting|summit|visit|conference|negotiations)\s+(?:in|to)|"
    r"(?-i:countries|states|nations)\s+(?:of|in)|"  # "the main countries of (or in) the Sahel region"
    # "an invasion of the Northern Territory" (a scenario), "the attacks on New York"
    r"(?:invasion|invading|attacks?|attacking)\s+(?:of|on))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: "sent from the US mainland, Guam and Japan": places the forces come from, in a list after "from"
_FROM_LIST_LEFT = re.compile(r"\bfrom\b(?![^.;]*\b(?:in|at|near|on|to)\b)[^.;]*$")
#: The area's name inside another name: "Shanghai Cooperation Organisation", "Alliance of Sahel
#: States", "the Paraguay-Paraná waterway", "the Putumayo river".
_ADMIN1_IN_OTHER_NAME_RIGHT = re.compile(
    r"\s+(?:Cooperation|Organi[sz]ation|States|Pact|Forum|Initiative|[Rr]iver|waterway|[Bb]asin|[Dd]elta|"
    r"countries|nations|states|news|agency)\b"  # "the Sahel countries", "Iran's Fars news agency"
    r"|\s+(?:[IVX]+\s+)?(?:Brigade|Regiment|Battalion|Corps)\b"  # "the Aragón I Brigade": a unit's name
    # "the Formosa training range"
    r"|\s+(?:training\s+)?(?:range|firing\s+range|airport|air\s+base|naval\s+base|base|barracks)\b"
    r"|-[A-Z][\w'’]*\s+(?:waterway|[Rr]iver|corridor|border)\b"  # "the Paraná-Paraguay waterway"
    r"|\s+(?!(?:Region|Oblast|Province|Prefecture|State|Krai|Kray|County|District|Department|Governorate|"
    r"Territory|Republic|Autonomous|Municipality|Emirate|Islands?|Zone|Division|Peninsula)\b)[A-Z][a-z]+"
)  # ... and a capitalised word after it: "Vladimir Moltenskoy", "Alaska National Guard"
_AREA_WORD_RIGHT = re.compile(
    r"\s+(?:region|oblast|province|krai|kray|prefecture|governorate|county|district|municipality|state|voivodeship)\b",
    re.IGNORECASE,
)
#: A compass direction, "north" to "south-west".
_COMPASS = r"(?:north|south|east|west)(?:-?(?:east|west))?"
_AT_SEA_LEFT = re.compile(
    r"\boff\s+the\s+(?:\w+\s+)?coast\s+of\s+$|"  # "off the coast of Queensland": at sea

    r"\b(?:waters|sea|airspace|air\s+space)\s+(?:of|near|around|off)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?,\s*)?$"
    r"|\b(?:Gulf|Bay|Strait|Straits|Sea|Port)\s+of\s+$"  # "the Gulf of Cádiz": a sea named after the area
    rf"|\b(?:kilometres|kilometers|km|miles)\s+(?:{_COMPASS}|away)\s+(?:of|from)\s+$",
    re.IGNORECASE,
)  # "in the waters near Okinawa Prefecture", "in the waters off San Antonio, Zambales"
_PENINSULA_RIGHT = re.compile(
    # "the Primorye flotilla": a unit
    r"\s+(?:[Pp]eninsula|flotilla|[Ff]leet|[Mm]ilitary\s+[Dd]istrict|[Gg]arrison)\b"
)
#: Words before an area that place something in it: "in", "near", "Kenya's", "the state of", "Fort Riley, ".
_PLACE_LEFT = re.compile(
    r"(?:\b(?:in|at|near|over|across|on|of|throughout|around|from|to|inside|within|into|covers|covering|"
    r"spanning)\s+(?:the\s+)?(?:(?:North|South|East|West|Central|northern|southern|eastern|western|central|"
    r"(?:north|south)-?(?:east|west)(?:ern)?)\s+)?"
    r"|['’]s\s+|\b[A-Z][\w'’.-]+,\s*|\b(?:regency|district|county|municipality|province|region),\s*)$"
)  # "in South Canterbury", "covers the Northern Territory", "Sukabumi regency, West Java"
#: A sentence that opens with a quotation of more than a name ('"This is the largest ...," he said';
#: not '"Exercise Harimau Shakti 2023", a joint training exercise, has begun at ...').
_QUOTED_REMARK = re.compile(r"[\"“](?:[^\"”]*[,.!?][\"”]|[^\"”]*$)")
#: At sea off a place in the area: "off the naval port of Zhanjiang in Guangdong", "off the coast of
#: Rockhampton in the north-east of Queensland", "the waters off the south-eastern province of Fujian".
_OFF_A_PLACE_LEFT = re.compile(
    r"\boff\s+the\s+(?:\w+\s+)?(?:coast|port|city|town|island)\s+of\s+[A-Z][\w'’.-]*\s+in\s+(?:[\w'’-]+\s+){0,5}$|"
    r"\boff\s+the\s+(?:\w+\s+(?:and\s+\w+\s+)?)?coasts?\s+of\s+$|"  # "off the east and south coasts of"
    r"\bwaters\s+off\s+the\s+(?:[\w-]+\s+){0,2}(?:province|state|region|prefecture)\s+of\s+$|"
    # "in the West Sea, west of Taean in South Chungcheong": off a town of the area
    rf"\b{_COMPASS}\s+of\s+(?:[A-Z][\w'’.-]*\s+){{1,3}}in\s+$|"
    # "in the waters south of China's Guangdong province"
    rf"\bwaters\s+(?:{_COMPASS}|off)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:[A-Z][\w'’.-]*['’]s\s+)?$"
)
#: A person whose name an area's shortened name matches: "According to Ivanov,", "Ivanov spoke".
_PERSON_LIKE = re.compile(
    r"\b[Aa]ccording\s+to\s+[A-Z][a-z]+,|\b[A-Z][a-z]+\s+(?:said|says|spoke|told|added)\b"
)
_LEFT_OUT_RIGHT = re.compile(
    r"\b(?:has|have|was|were|will\s+be)\s+(?:been\s+)?(?:left\s+out|excluded|spared)\b"
)
#: "close to the Indian state of Rajasthan": a neighbour of the drill's area, not the area.
_NEIGHBOUR_LEFT = re.compile(r"\bclose\s+to(?:\s+the)?(?:\s+\w+)?\s+(?:state|province|region)\s+of\s+$", re.I)
_NAME_PREFIX_LEFT = re.compile(
    r"\b(?:Operation|Exercise|Operação|Operación|Prince\s+of|Princess\s+of|Duke\s+of)\s+[\"“]?$"
)
#: A capitalised word that is no place word right before the area: "Blue Kunene" (an exercise).
_NAME_WORD_LEFT = re.compile(
    r"(?<=[a-z,] )(?!(?:The|In|At|On|Near|North|South|East|West|Central|Northern|Southern|Eastern|Western|"
    r"Upper|Lower|Greater|New|Republic|State|Province|Region|Lake|Mount|Fort|Camp)\b)[A-Z][a-z]+\s+$"
)
_LIST_GOES_ON_RIGHT = re.compile(
    r"(?:\s+(?:[IVX]+|\d+))?(?:,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?\s*(?:,|\band\b)|\s+and\s+[A-Z])"
)  # "... Arandu, Paraná III and Core 23"
#: Where forces set out from: "left Turpan in Xinjiang for the exercise area".
_SET_OUT_LEFT = re.compile(
    # "flew from Pope Air Force Base in North Carolina", "left Kashgar airport in Xinjiang"
    r"\b(?:left|leaving|departed|departing|set\s+off\s+from|sailed\s+(?:out\s+of|from)|from|based)\s+"
    # ... "flew from RAAF Amberley in south-east Queensland"
    r"(?:[A-Z][\w'’.-]*,?\s+){1,4}(?:(?:airport|airfield|base|port|station)\s+)?in\s+(?:the\s+)?"
    rf"(?:{_COMPASS}(?:ern)?\s+)?$"
    # "Task Force Tomahawk, based in Petawawa, Ontario": a home base
    r"|\bbased\s+(?:in|at)\s+(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*,\s*$"
    r"|\b(?:[Hh]eadquarters|Command|HQ)\s+in\s+(?:[A-Z][\w'’.-]*,\s*)?$"
    # "from the headquarters at MacDill Air Force Base in Tampa, Florida", "from the air base in Zabaikalye"
    r"|\bfrom\s+(?:the|its|their)\s+(?:headquarters\s+at\s+[^.;]{0,50}|(?:[\w-]+\s+){0,2}base)\s+in\s+"
    r"(?:[A-Z][\w'’.-]*,\s*)?$"
    r"|\bbased\s+(?:\w+\s+)?in\s+(?:the\s+)?$"
    r"|\b(?:board|boards|boarded|boarding|embark|embarked|take\s+off|took\s+off)\b[^.;]{0,30}\b(?:in|at|from)\s+$"
    # "after meetings in Chetumal, Quintana Roo", "based on the Crimean peninsula and in Krasnodar Krai",
    # "heading for one of the ranges in Leningrad region", "in international waters near Jeju island"
    r"|\b(?i:talks|meetings?|summit|conference|negotiations)\s+in\s+(?:[A-Z][\w'’.-]*,?\s+){0,3}$"
    r"|\bbased\b[^.;]{0,40}\bin\s+(?:the\s+)?$"
    # "sailed from the port of the Aksaz naval base in Muğla province", "agreed the programme in Souda
    # Bay, Crete"
    r"|\b(?:sailed|departed|set\s+sail)\s+from\b[^.;]{0,50}\bin\s+(?:the\s+)?$"
    r"|\bhome-?ported\s+in\s+$"  # "both home-ported in Norfolk": where the ships are based
    r"|\bhome\s+(?:base|port)\b[^.;]{0,40}$"  # "its home base at Ominato in Mutsu, Aomori Prefecture"
    # "a commander ... stationed in the Republic of Buryatia", "weighing anchor in the port of Constanța"
    r"|\b(?:stationed|garrisoned)\s+(?:\w+\s+)?in\s+(?:the\s+)?(?:Republic\s+of\s+)?$"
    r"|\b(?:weighing|weighed|weigh)\s+anchor\s+in\s+(?:the\s+)?(?:port\s+of\s+)?$"
    # "the President of the Republic of Tatarstan": an office, not a place
    r"|\b(?i:president|governor|head|leader|mayor|premier|prime\s+minister)\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?$"
    r"|\b(?:agreed|approved|drew\s+up|signed)\s+(?:the\s+)?(?:programme|program|plan|plans|agreement)\s+in\s+"
    r"(?:[A-Z][\w'’.-]*,?\s+){0,3}$"
    r"|\bbased\s+at\s+(?:[A-Z][\w'’.-]*\s+){0,3}?(?:[A-Z][\w'’.-]*,\s*)$"  # "based at Valcartier, Quebec"
    # "south of Sardinia" (the sea beside it), "from the Tarapacá region to Magallanes" (a stretch of areas)
    # (but "in the north-west of Khyber Pakhtunkhwa" is inside it)
    r"|(?<!the\s)(?<![\w-])(?i:north|south|east|west)(?:-?(?i:east|west))?\s+of\s+$"
    r"|\bfrom\s+(?:the\s+)?[A-Z][\w'’ -]{1,30}?(?:\s+(?i:region|province|state))?\s+to\s+(?:the\s+)?$"
    r"|\b(?:heading|headed|bound)\s+for\b[^.;]{0,40}\bin\s+(?:the\s+)?$"
    r"|\bwaters\s+(?:near|off|around)\s+(?:(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*['’]s\s+)?$"
    # "has sailed for San Diego, California": where the force is heading
    r"|\b(?:sailed|sails|headed|heads|bound|left|leaves|flew|flies)\s+for\s+(?:[A-Z][\w'’.-]*,?\s+){0,3}$"
    # "briefing defence correspondents in Lagos": where officials spoke
    r"|\b(?i:briefing|briefed|told)\s+(?:\w+\s+){0,2}?(?:correspondents|reporters|journalists|the\s+press)\s+in\s+$"
    # "The Chosin sailed from the Malabar coast in Kerala"
    r"|\bsailed\s+(?:from|out\s+of)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}(?:coast|port|base|harbou?r)?\s*in\s+$"
)  # "from Fort Bragg in North Carolina to ...", "whose fleet is based nearby in Sevastopol"
_JOINED_RIGHT = re.compile(
    r"(?:['’]s)?\s+(?:\w+\s+)?(?:joined|took\s+part|participated|participation|entry)\b"
)
_PLAYS_ENEMY_RIGHT = re.compile(
    r"[^.;,]{0,40}?\bplay(?:s|ed|ing)?\s+(?:the\s+)?(?:enemy|aggressor|opposing\s+force|adversary)\b"
)
#: A ship named after the area: "HMNZS Canterbury".
_SHIP_PREFIX_LEFT = re.compile(
    r"\b(?:HMNZS|HMAS|HMCS|HMS|USS|USNS|INS|KRI|ROKS|JS|FS|ARA|BAP|SAS|TCG|HNLMS)\s+$"
)
#: Two areas named with one area word: "the Rostov and Krasnodar regions".
_TWO_AREAS_RIGHT = re.compile(
    r"\s+and\s+(?:[A-Z][\w-]+\s+){1,2}(?:regions|provinces|oblasts|states|prefectures|districts|counties)\b"
    # "in Nunavut and northern Labrador": a part of another area too
    r"|\s+and\s+(?:the\s+)?(?:north|south|east|west|central)(?:ern)?\s+[A-Z]"
    r"|\s+and\s+elsewhere\b"  # "on Palawan and elsewhere": not the one area
)
#: "From British Columbia to northern Alaska": the drill spans two areas.
_FROM_AREA_TO_LEFT = re.compile(
    r"\b[Ff]rom\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s+to\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central)(?:ern)?\s+)?$"
)
#: "the headquarters of the 7th Dragoon Coastal Defense Battalion in Klaipeda": a unit's home.
_UNIT_HOME_LEFT = re.compile(
    r"\b(?:headquarters|barracks|garrison)\s+of\s+(?:the\s+)?(?:[\w'’.-]+\s+){1,6}in\s+$"
)
_OF_STATE_RIGHT = re.compile(
    r"(?:\s+(?:area|region|district|municipality))?\s*(?:,|\s+of|\s+in)\s+(?:the\s+)?"
)
_LIST_ENDS_LEFT = re.compile(r"[A-Z][\w'’.-]*,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?,?\s+and\s+$")
_CITY_OF_COUNTRY_RIGHT = re.compile(
    r",\s+(?:the\s+)?(?:country|nation|island)['’]s\s+(?:\w+\s+){0,2}(?:city|town|port)\b", re.IGNORECASE
)
_PLURAL_AREA_WORD_RIGHT = re.compile(r"\s+(?:counties|regions|provinces|districts|oblasts|prefectures)\b")
_TOWN_OF_LEFT = re.compile(r"\b(?:town|city|village|port|towns|cities)\s+of\s+$", re.IGNORECASE)
#: Where a drill at sea opened or is run from is not where it takes place ("opened in Lagos", "from
#: its base in Lagos").
_SEA_DRILL_ASHORE_LEFT = re.compile(
    r"(?:opened|opening|closing|began|started|ended|base|headquarters|cent(?:re|er))\s+in\s+$", re.IGNORECASE
)


#: Areas named by a common word, which "region" after it does not make a name: "the Gulf region".
_GENERIC_AREA_NAMES = frozenset(
    {"gulf", "central", "coast", "capital", "eastern", "western", "northern", "southern", "north", "south",
     "east", "west", "lakes", "islands", "highlands", "plateau", "border", "coastal"}
)  # fmt: skip


def _resolve_admin1(
    mention: en.Mention,
    context: set[str],
    gaz: en.Gazetteer,
    named_before: Collection[str] = (),
    area_word: bool = False,
) -> str | None:
    """The one admin-1 area a mention names; among several, those of a country named just before
    ("the Brazilian state of Amazonas"); None when still several (a city and the region around it,
    "near Almaty": the text does not say which)."""
    codes = []
    for option in mention.options or (
        en.Entry(mention.kind, mention.code, needs_country=mention.needs_country),
    ):
        if option.kind != "admin1":
            continue
        if (option.needs_country is None or option.needs_country in context) and option.code not in codes:
            codes.append(option.code)
    areas = [o.code for o in mention.options if o.kind == "admin1"] if mention.options else []
    if not codes and area_word and len(set(areas)) == 1 and mention.text.lower() not in _GENERIC_AREA_NAMES:
        codes = areas[:1]  # "the Pogonovo range in the Voronezh region": the area word says it is one
    if len(codes) > 1:
        codes = [c for c in codes if gaz.admin1_country(c) in named_before]
    return codes[0] if len(codes) == 1 else None


@dataclass
class Location:
    admin1: Located | None = None
    sea: Located | None = None
    place: Located | None = None
    country: Located | None = None


#: From the fourth sentence of an exercise on, an area places the drill only in a sentence that holds it.
_LATE_SENTENCE = 3
_HOLDING_VERB = re.compile(
    r"\b(?:held|hold|holds|holding|take\s+place|takes\s+place|took\s+place|taking\s+place|staged|conducted|"
    r"began|begin|begins|opened|under\s*way|running|runs|ran)\b",
    re.IGNORECASE,
)


#: A later sentence that holds the drill (or a phase of it) in another area: "The second phase will be
#: held at Jodhpur in Rajasthan", "As it goes on, the task forces will move south ...".
_PHASE_OR_MOVE = re.compile(r"\bphases?\b|\bmoves?\s+(?:south|north|east|west|on)\b|\bgoes\s+on\b")
#: ... but not one on an earlier edition or a ceremony: "In 2017 the exercise was held at Lohathla in the
#: Northern Cape", "The opening ceremony was held at U-tapao in Rayong province".
_EARLIER_OR_CEREMONY = re.compile(r"\b(?:earlier|previous|last\s+year|ceremony|[Ii]n\s+(?:19|20)\d\d)\b")


def _holds_the_drill_too(text: str, sent: Sentence) -> bool:
    """Does a sentence after the one that placed the drill hold it in another area as well?"""
    said = text[sent.span[0] : sent.span[1]]
    return bool(
        (_HOLDING_VERB.search(said) or _PHASE_OR_MOVE.search(said)) and not _EARLIER_OR_CEREMONY.search(said)
    )


def _area_of_another_state(text: str, sent: Sentence, m: en.Mention, gaz: en.Gazetteer) -> bool:
    """An area named with a state it is not in: "the Novo Selo area of Bulgaria" (Novo Selo, North
    Macedonia); not "in the Orenburg region, Kazakhstan's defence ministry said"."""
    of_state = _OF_STATE_RIGHT.match(text, m.end)
    if of_state is None:
        return False
    other = next((o for o in sent.mentions if o.kind == "country" and o.start == of_state.end()), None)
    if other is None or other.possessive:
        return False
    states = {o.needs_country or gaz.admin1_country(o.code) for o in (m.options or ()) if o.kind == "admin1"}
    states.add(m.needs_country or gaz.admin1_country(m.code))
    ends = re.match(r"\s*[.;)]|\s*$", text[other.end :]) is not None
    return other.code not in states and ("," not in of_state.group(0) or ends)


def find_location(
    text: str, sents: list[Sentence], gaz: en.Gazetteer, found: Roles, main: Draft | None
) -> Location:
    """Admin-1 area, sea, named place and country of one exercise; the location country hosts."""
    loc = Location()
    ashore = False  # the chosen area is only where the drill opened or is run from
    several = False
    unplaced: list[tuple[str, tuple[int, int]]] = []  # areas named with no word that places the drill
    context = found.context | set(found.roles) | {c for c, _e in found.locations}
    if main is not None:
        context |= {p["country"] for p in main.record["participants"]}
        if main.record["location"]["country"]:
            context.add(main.record["location"]["country"])
    for i, sent in enumerate(sents):
        for m in sent.mentions:
            if m.kind != "admin1" or (loc.admin1 is not None and m.text == loc.admin1[1].text):
                continue
            left = text[max(sent.span[0], m.start - 25) : m.start]
            placed = _placement(text, sent, m, gaz)
            if placed == "placed" and i >= _LATE_SENTENCE and not _HOLDING_VERB.search(text, *sent.span):
                # an area named late in a report, in a sentence that says nothing of holding the drill
                # there, is more often where something else happens: it only makes the areas several
                placed = "weak"
            if placed == "weak":
                # no word places the drill there ("the 2014 Wales decisions", "..., Agadir, Tan-Tan,
                # Akka", "Chiang Mai, Thailand"), but another area in the sentence still means no one area
                weak = _resolve_admin1(m, context, gaz)
                if weak is not None:
                    unplaced.append((weak, sent.span))
            if placed != "placed":
                continue
            if _TWO_AREAS_RIGHT.match(text, m.end) or _FROM_AREA_TO_LEFT.search(
                text, max(sent.span[0], m.start - 60), m.start
            ):
                several = True
            before = {o.code for o in sent.mentions if o.kind == "country" and 0 <= m.start - o.end <= 30}
            code = _resolve_admin1(m, context, gaz, before, _AREA_WORD_RIGHT.match(text, m.end) is not None)
            if code in gaz.town_admin1 and not _AREA_WORD_RIGHT.match(text, m.end):
                unplaced.append((code, sent.span))  # "the training area in Postojna": the town
                continue
            if code is not None and loc.admin1 is None:
                loc.admin1 = (code, Evidence(m.start, m.end, m.text))
                ashore = _SEA_DRILL_ASHORE_LEFT.search(left) is not None
            elif (
                code is not None
                and loc.admin1 is not None
                and code != loc.admin1[0]
                and (sent.span[0] <= loc.admin1[1].start < sent.span[1] or _holds_the_drill_too(text, sent))
            ):
                several = True  # "in Meghalaya and Mizoram": no one area
        if loc.sea is None and sent.seas:
            sea = sent.seas[0]
            loc.sea = (sea.code, Evidence(sea.start, sea.end, sea.text))
        if loc.place is None and sent.places:
            a, b, p = sent.places[0]
            loc.place = (p, Evidence(a, b, p))
    if loc.admin1 is not None and any(
        code != loc.admin1[0] and a <= loc.admin1[1].start < b for code, (a, b) in unplaced
    ):
        several = True  # "the West Coast, Tasman and Marlborough": three areas
    if (ashore and loc.sea is not None) or several:
        loc.admin1 = None
    if loc.admin1 is not None:
        iso3 = gaz.admin1_country(loc.admin1[0])
        if iso3 is not None:
            loc.country = (iso3, loc.admin1[1])
    if loc.country is None and found.locations:
        loc.country = found.locations[0]
    hosts = [c for c, r in found.roles.items() if r == "host"]
    if loc.country is None and loc.sea is None and len(hosts) == 1 and len(found.counted) > 1:
        said = [
            ev
            for ev in found.evidence[hosts[0]]
            if _HOST_WORD.search(text, max(0, ev.start - 30), ev.end + 30)
        ]
        if said:
            loc.country = (hosts[0], said[0])  # "hosted by Norway", "Norway hosts": on its territory
    if loc.country is not None:
        found.add(loc.country[0], "host", loc.country[1])
    counted = [c for c, r in found.roles.items() if r in ("host", "participant")]
    joined = main is not None and any(
        _JOINED_RIGHT.match(text, ev.end)
        or re.search(r"\bpartners?\s*,\s*(?:the\s+)?$", text[max(0, ev.start - 40) : ev.start])
        for ev in found.evidence.get(counted[0] if counted else "", [])
    )  # "Japan joined in 2015", "gained its first international partner, the United States"
    if len(counted) == 1 and not joined:
        # the only participating state hosts, unless it joined an earlier edition ("Japan joined in 2015")
        found.roles[counted[0]] = "host"
    return loc


def _placement(
    text: str, sent: Sentence, m: en.Mention, gaz: en.Gazetteer
) -> Literal["placed", "weak", "not"]:
    """How an admin-1 mention places the drill: "placed" (a word puts the drill there), "weak" (named
    without such a word: it only makes the sentence name several areas) or "not" (a dateline, a
    name, a ship, a town, a departure, the sea, a list after "from", ...)."""
    left = text[max(sent.span[0], m.start - 25) : m.start]
    wide = text[max(sent.span[0], m.start - 60) : m.start]
    if (
        _ADMIN1_NOT_LOCATION_LEFT.search(left)
        or (
            re.search(r"\bbetween\b[^,.;]*$", wide)
            # but "held between Alta and Lakselv in Western Finnmark": the towns are in the area
            and not re.search(
                r"\b(?:held|staged|conducted|run|runs|took\s+place|takes\s+place)\s+between\s+[A-Z][\w'’-]*\s+and\s+"
                r"[A-Z][\w'’-]*\s+in\s+(?:\w+\s+)?$",
                wide,
            )
        )
        or _NEIGHBOUR_LEFT.search(wide)
    ):
        return "not"
    if _FROM_LIST_LEFT.search(wide) or (
        _ADMIN1_IN_OTHER_NAME_RIGHT.match(text, m.end) and not text.startswith(("'s", "’s"), m.end - 2)
    ):  # but "Uttarakhand's Almora district" is the area
        return "not"
    opening = text[sent.span[0] : m.start]
    if (
        re.fullmatch(r"[A-Z .,'’-]*", opening)
        # "Surabaya, East Java - The Indonesian Navy ...": a dateline in mixed case, at a paragraph's start
        or (
            re.fullmatch(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?,\s*", opening)
            and (sent.span[0] == 0 or text[sent.span[0] - 1] == "\n")
            and re.match(r"\s+[-—–]\s", text[m.end :])
        )
    ) and _DATELINE_AFTER.match(text, m.end):
        return "not"  # "NIAMEY (Example Wire) -": where the report was filed
    if _NOT_EXERCISE_SENTENCE.search(text, *sent.span) or _LEFT_OUT_RIGHT.search(text, m.end, sent.span[1]):
        return "not"  # ... "the province of Guantánamo ... has been left out"
    excepted = re.search(r"\b(?:except|excluding|but\s+not)\s+(?:the\s+)?$", left, re.IGNORECASE)
    if excepted or _PERSON_LIKE.search(text, max(sent.span[0], m.start - 14), min(sent.span[1], m.end + 12)):
        return "not"  # "the whole of Cuba except Guantánamo province"; "According to Ivanov," a person
    if any(a <= m.start < b for a, b, _n in sent.names) or (len(m.text) > 3 and m.text.isupper()):
        return "not"  # the exercise's name: 'called "BAHR EL GHAZAL"', "KANEM 05"
    if (
        _NAME_PREFIX_LEFT.search(left)
        or _NAME_WORD_LEFT.search(text, max(sent.span[0], m.start - 20), m.start)
        or _QUOTED_REMARK.match(text, sent.span[0], sent.span[1])
    ):
        return "not"  # "Operation Formosa", "Prince of Wales"; a quoted remark does not place the drill
    if _TOWN_OF_LEFT.search(left) or _SHIP_PREFIX_LEFT.search(left):
        return "not"  # "the Senegalese town of Thies": a town, whatever area shares its name
    if (
        _SET_OUT_LEFT.search(wide)
        or text.startswith("-based", m.end)
        or _UNIT_HOME_LEFT.search(text, max(sent.span[0], m.start - 90), m.start)
    ):
        return "not"  # "left Turpan in Xinjiang for the exercise area inside Russia"
    if _AT_SEA_LEFT.search(left) or _OFF_A_PLACE_LEFT.search(wide) or _PENINSULA_RIGHT.match(text, m.end):
        return "not"  # "in the waters of Guam", "on the Shandong peninsula": not the land area
    # "the province of Corrientes", "Istanbul province": the area word names the area
    area_named = _AREA_WORD_RIGHT.match(text, m.end) or re.search(
        r"\b(?:department|province|state|region|district|county|oblast)\s+of\s+$", left, re.I
    )
    city = (
        m.needs_country is not None  # a name from the ISO tables, not a curated alias
        and not area_named
        and any(
            o.kind == "country"
            and not o.demonym
            and re.fullmatch(r"(?:,|\s+in)\s*(?:the\s+)?(?:Republic\s+of\s+)?", text[m.end : o.start])
            for o in sent.mentions
            if o.start > m.end
        )
    )  # "in Chiang Mai, Thailand", "near Chelyabinsk, Russia", "at Tanga in Tanzania": a city and its state
    town = (
        _DISTANCE_RIGHT.match(text, m.end)
        or _CAPITAL_RIGHT.match(text, m.end)
        or _OUTSKIRTS_LEFT.search(left)
        # "at Kenitra", "near Chisinau", "around Klaipeda": one is at or near a town, in an area
        or (
            re.search(r"\b(?:at|near|around|outside)\s+$", left)
            # ... the town rule is for names of towns: "in and around Alaska", "at Guam" are areas
            and (m.needs_country is not None or (en.normalise_name(m.text), m.code) in gaz.admin1_cities)
        )
        # "in Istanbul", "in Bamako": an area's name that is also a city's names the city
        or (
            (en.normalise_name(m.text), m.code) in gaz.admin1_cities
            # not "in Santa Gertrudis, Chihuahua" (but "(CNA, Shanghai)" is a dateline's city)
            and not re.search(r"(?<!\()\b[A-Z][a-z][\w'’.-]*,\s*$", left)
        )
    )
    if _area_of_another_state(text, sent, m, gaz):
        return "not"  # "the Novo Selo area of Bulgaria": not North Macedonia's Novo Selo
    if _LIST_ENDS_LEFT.search(left) or _CITY_OF_COUNTRY_RIGHT.match(text, m.end):
        return "weak"  # "in Chugoku, Kyushu and Okinawa prefecture"; "Baucau, the country's second city"
    if _PLURAL_AREA_WORD_RIGHT.match(text, m.end):
        return "weak"  # "the Trøndelag counties", "the Batken, Osh and Jalal-Abad regions": several areas
    if city or (town and not area_named):
        return "weak"  # ... and "in Thiès, 80 km from Dakar": a town placed by its distance
    # "the Voronezh, Belgorod, Smolensk and Bryansk regions", not "Bukit Wang, Jitra, Kedah, in three phases"
    # (an address, "Asembagus, Situbondo, East Java.", is no list: nothing follows it)
    listed = re.search(r"[A-Z][\w'’.-]*,\s*$", left) and _LIST_GOES_ON_RIGHT.match(text, m.end)
    if not (
        _AREA_WORD_RIGHT.match(text, m.end)
        or _AREA_WORD_RIGHT.search(" " + m.text.split()[-1])  # "West Pomeranian Voivodeship", one alias
        or en.region_word_follows(text, m.end + 1)
        or (_PLACE_LEFT.search(left) and not listed)
    ):
        return "weak"
    if _PLAYS_ENEMY_RIGHT.match(text, m.end, sent.span[1]):
        return "not"  # "units of the Kaliningrad special district play the enemy"
    if _FROM_LIST_LEFT.search(text, sent.span[0], m.start):
        return "not"  # "units from the Voronezh, Belgorod, Smolensk and Bryansk regions"
    return "placed"


def location_record(loc: Location, found: Roles, evidence: dict[str, list[Evidence]]) -> dict[str, Any]:
    """The ``location`` block, with its precision: place > admin1 > sea > country; multi for several."""
    out: dict[str, Any] = {
        "country": None,
        "admin1": loc.admin1[0] if loc.admin1 else None,
        "place": loc.place[0] if loc.place else None,
        "sea": loc.sea[0] if loc.sea else None,
        "lat": None,
        "lon": None,
        "precision": None,
    }
    distinct = {c for c, _e in found.locations} | ({loc.country[0]} if loc.country else set())
    if len(distinct) > 1 and loc.admin1 is None:
        out["precision"] = "multi"
    elif loc.country is not None:
        out["country"] = loc.country[0]
        evidence["location.country"] = [loc.country[1]]
    for key, val in (("admin1", loc.admin1), ("place", loc.place), ("sea", loc.sea)):
        if val is not None:
            evidence[f"location.{key}"] = [val[1]]
    if out["precision"] is None:
        if loc.place and out["country"]:
            out["precision"] = "place"
        elif loc.admin1:
            out["precision"] = "admin1"
        elif loc.sea and not out["country"]:
            out["precision"] = "sea"
        elif out["country"]:
            out["precision"] = "country"
    return out
