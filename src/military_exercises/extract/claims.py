"""Size claims: a number, the thing it counts (troops or an equipment category), the contingent it
belongs to, and who said it.

- **Quantity**: the noun after the number ("400 soldiers", "80 pieces of military equipment",
  "12 helicopters"), mapped to the record vocabulary (:data:`QUANTITY_NOUNS`). Mixed lists counted
  together ("100 units of armoured vehicles and combat helicopters") are ``equipment``; aircraft and
  helicopters together are ``aircraft``.
- **Contingent**: a demonym or country before the noun ("400 Russian soldiers"), after it ("troops
  from Russia", "members of Japan's ..."), "500 of them British", "on the Tajik side", or the subject
  of a contribution verb in the same clause ("Kenya alone sent 450 soldiers", "China sending about
  3,200 soldiers"). Elliptical contingents ("the Netherlands with 450 troops and Norway with 300")
  take the noun of the previous claim in the sentence.
- **Claimant**: the speaker of a reporting verb in the same clause or sentence ("..., the defence
  ministry said"; "Lithuanian officials estimated that ..."; "according to Bishkek"; "X put the
  number at ..."). Numbers in a sentence without attribution are ``reported``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from military_exercises.extract.dates import MONTHS
from military_exercises.extract.entities import Mention
from military_exercises.extract.numbers import NUMBER_WORD, NumberMatch

#: Noun phrases (regular expressions, matched case-insensitively) -> quantity, longest first.
QUANTITY_NOUNS: tuple[tuple[str, str], ...] = (
    (
        r"pieces? of (?:(?:military|combat|special)\s+(?:and\s+)?){0,3}"
        r"(?:equipment|hardware|armament and equipment|armament|weaponry)",
        "equipment",
    ),
    (
        r"units? of (?:(?:military|combat|special)\s+(?:and\s+)?){0,3}"
        r"(?:equipment|hardware|weapons and military hardware|weaponry|armament)",
        "equipment",
    ),
    (r"items? of (?:military )?(?:equipment|hardware)", "equipment"),
    (r"(?:military )?(?:equipment|hardware|weapons|weaponry|armament)", "equipment"),
    (r"main battle tanks|battle tanks|tanks", "tanks"),
    (
        r"armou?red personnel carriers|infantry fighting vehicles|armou?red combat vehicles|"
        r"airborne combat vehicles|infantry combat vehicles|combat vehicles|fighting vehicles|"  # README
        r"armou?red vehicles|APCs|IFVs|BMPs|armou?red cars",
        "armoured_vehicles",
    ),
    (r"armou?r", "armoured_vehicles"),
    (
        r"multiple rocket launchers|rocket launchers|artillery systems|artillery pieces|artillery guns|"
        r"self-propelled guns|howitzers|mortars|guns|artillery|MLRS",
        "artillery",
    ),
    (  # fighter types: "F-16s", "F-16AM/BMs", "F-4E-2020s", "JF-17 Thunders", "F-35A Lightning II fighters"
        r"(?:F|FA|F/A|EF|KF|Su|MiG|J|JF|JH|Tu|B|AV|Mirage|Tornado)-\d+[A-Z0-9]*(?:/[A-Z0-9]+)*(?:-\d+)?s"
        r"|(?:F|FA|F/A|EF|KF|Su|MiG|J|JF|JH|Tu|AV|A)-\d+[A-Z0-9]*(?:\s+(?:[A-Z][a-z]+|I{1,3}))*\s+"
        r"(?:fighters|fighter\s+jets|fighter-bombers|bombers|jets|Thunders|Hornets|Eagles|Falcons|Flankers|Fulcrums)"
        r"|Typhoons|Rafales|Gripens|Tornados|Mirages|Harriers|Eurofighters|AMXs?",
        "combat_aircraft",
    ),
    (r"(?:Mi|Ka|AH|UH|CH|MH|NH|Z)-\d+[A-Z]*s", "helicopters"),
    # transport, tanker, patrol and tiltrotor types: "four MV-22 Ospreys", "two C-17s"
    (r"(?:C|KC|MV|CV|P|E|EA|RC|MC|HC|AC|IL|Il|An|Y)-\d+[A-Z0-9]*(?:\s+[A-Z][a-z]+)?s", "aircraft"),
    # "a five-nation exercise", "a 17-country force": the number of participating states
    (
        r"-(?:nation|country)(?=\s+(?:[\w-]+\s+){0,4}?(?:exercises?|drills?|manoeuvres|maneuvers|war\s*games|"
        r"wargames?|training|force|coalition|event|operation)\b)",
        "states",
    ),
    (
        r"-(?:strong|member|man)(?!\s+(?:\w+\s+)?delegation)"  # a delegation watches or talks
        r"(?:\s+(?:[A-Z][\w'’-]+\s+){0,2}(?:battle\s+group|force|contingent|brigade|battalion|company|team|"
        r"platoon|squad|squadron|division|regiment|"
        r"unit|group))?",
        "troops",
    ),
    (
        r"fighter jets|fighter aircraft|fighter-bombers|fighters|combat aircraft|combat jets|warplanes|"
        r"bombers|attack aircraft|ground-attack aircraft|jets",
        "combat_aircraft",
    ),
    (r"transport aircraft|patrol aircraft|aircraft(?!\s+carriers?)|airplanes|aeroplanes|planes", "aircraft"),
    (r"attack helicopters|combat helicopters|helicopters|choppers|gunships|helicopter", "helicopters"),
    (r"submarines", "submarines"),
    (r"submarine", "submarines"),
    (
        r"surface combatants|warships|ships|naval vessels|naval units|vessels|frigates|destroyers|corvettes|"
        r"patrol boats|"
        r"boats|landing ships|minesweepers|cruisers|tankers|frigate|corvette|destroyer|cruiser|warship|ship|"
        r"gunboat|"
        r"vessel|boat|tanker|minesweeper",
        "ships",
    ),
    (r"unmanned aerial vehicles|UAVs|drones", "drones"),
    (r"countries|nations|states|navies(?!\s+and\s+(?:air\s+forces|armies))", "states"),  # "from four navies"
    (r"military vehicles|vehicles|trucks", "vehicles"),
    (r"sorties", "sorties"),
    (
        r"military personnel|service ?members|service personnel|servicemen|servicewomen|personnel|troops|"
        r"soldiers|reservists|conscripts|regulars|paratroopers|marines|sailors|airmen|aviators|pilots|officers|"
        r"commandos|special forces|border guards|guardsmen|engineers|participants|members|men|other ranks|"
        r"combatants|instructors|troop|parachutists|volunteers|midshipmen|cadets|operators|infantrymen|"
        r"rangers|gendarmes",
        "troops",
    ),
)
_NOUN_ALT = "|".join(p for p, _q in QUANTITY_NOUNS)
#: Lower-case modifiers listed before one noun: "ground, maritime and air" (personnel).
_ADJECTIVE_LIST = re.compile(
    rf"\s+(?:[a-z-]+(?:\s+[a-z-]+)?,\s+){{0,6}}[a-z-]+(?:\s+[a-z-]+)?\s+(?:and|or)\s+[a-z-]+(?:\s+[a-z-]+)?\s+"
    rf"(?=(?:{_NOUN_ALT})(?![\w-]))",
    re.IGNORECASE,
)
_PEOPLE_TAKING_PART = re.compile(
    r"(?:people|persons)(?=\s+from\s+(?:\w+\s+){0,3}(?:countries|nations|states)\b|"
    r"\s+and\s+(?:about\s+|some\s+|over\s+|more\s+than\s+)?\d[\d,]*\s+(?:pieces|units|items)\b|"
    r"(?:,(?:[^,.;]|(?<=\d)[,.](?=\d)){0,60},)?\s+(?:in\s+(?:all|total)|"
    r"(?:will\s+|to\s+|(?:are|were|is)\s+(?:expected\s+|due\s+)?to\s+)?(?:take|took|taking)\s+part|"
    r"(?:are|were|will\s+be)\s+(?:\w+ly\s+|also\s+|to\s+be\s+)?(?:involved|taking\s+part|participating)|"
    r"participat\w*|involved|would\s+(?:take\s+part|be\s+involved)))",
    re.IGNORECASE,
)
_NOUN_RE = re.compile(rf"(?:{_NOUN_ALT})(?![\w-])", re.IGNORECASE)
_NOUN_QUANTITY = [(re.compile(rf"(?:{p})", re.IGNORECASE), q) for p, q in QUANTITY_NOUNS]
_MOD_STOP = {
    "and", "or", "from", "were", "was", "are", "is", "in", "on", "at", "with", "to", "the", "a", "an",
    "by", "for", "took", "take", "of", "have", "had", "will", "would", "than", "that", "which", "who",
    "said", "says", "as", "into", "per", "each", "year", "years", "days", "day", "weeks", "km",
    "kilometres", "miles", "percent", "per cent", "countries", "nations", "states", "times", "events",
    "dollars", "billion", "largest", "biggest", "smallest", "main", "leading", "principal",
}  # fmt: skip
#: The next modifier word; a comma may separate capitalised ones ("Brazilian, Colombian and US soldiers").
_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
_MOD_WORD = re.compile(r"(?:\s+|\s*,\s*(?=[A-Z]))(?P<w>[\w'’.-]+)")
_AFTER_NOUN_LIST = re.compile(
    rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:[\w'’.-]+\s+){{0,2}}?(?P<noun>{_NOUN_ALT})(?![\w-])", re.IGNORECASE
)
_AIR = {"aircraft", "combat_aircraft", "helicopters"}
#: Kinds of kit one number may count together under a general quantity.
_FAMILY = {
    "aircraft": "aircraft", "combat_aircraft": "aircraft", "helicopters": "aircraft", "drones": "aircraft",
    "tanks": "vehicles", "armoured_vehicles": "vehicles", "vehicles": "vehicles",
    "ships": "ships", "submarines": "ships",
}  # fmt: skip
_AIR_COMPANION_RE = re.compile(
    r"\s*(?:,\s*|\s+and\s+)(?:aerial\s+)?(?:tankers|refuel(?:l)?ing aircraft|awacs|early-warning aircraft|"
    r"surveillance aircraft|transport planes|bombers|drones)\b",
    re.IGNORECASE,
)
_COUNTED_AS_RE = re.compile(
    r"\s+(?:(?:units?|pieces?|items?)\s+of|of\s+(?:its|their)(?:\s+own)?|of\s+the\s+(?:best|top|finest|elite))(?=\s)",
    re.IGNORECASE,
)  # "11 of its ships", "154 of the best soldiers"
_HAS_NUMBER_RE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|dozen|hundreds?|thousands?)\b",
    re.IGNORECASE,
)

#: Verbs that make the subject of a clause the owner of the numbers that follow.
CONTRIBUTION_RE = re.compile(
    r"\b(?:sen[dt]s?|sending|deploy(?:s|ed|ing)?|contribut(?:e|es|ed|ing)|field(?:s|ed|ing)?|"
    r"provid(?:e|es|ed|ing)|dispatch(?:es|ed|ing)?|bring(?:s|ing)?|brought|commit(?:s|ted|ting)?|moved|"
    r"mobili[sz](?:e|es|ed|ing)|"
    r"contribution|joined with|joins with|numbers|numbered|totals|totalled|totaled|put|presence|"
    r"(?:take|takes|took|taking)\s+part\s+with|participat(?:e|es|ed|ing)\s+with|"
    r"accounts? for|accounted for|accounting for|is represented by|are represented by|contributors?|"
    r"was represented by|were represented by|suppl(?:y|ies|ied|ying))\b",
    re.IGNORECASE,
)
_UNIT_NUMBERS_RE = re.compile(
    r"\b(?:contingent|brigade|battalion|force|unit|side|company|regiment|detachment|troops|personnel|"
    r"participants)\s+"
    r"(?:numbers|number|numbered|totals|total|totalled|totaled|of|was|is|stood at|comprised|comprises|"
    r"comes to|came to|"
    r"amounts to|amounted to|reached|reaches)\s+(?:almost\s+|nearly\s+|about\s+|some\s+)?$",
    re.IGNORECASE,
)
_NUMBER_OF_RE = re.compile(
    rf"\b(?:number|total|strength|size)\s+of\s+(?:the\s+)?(?P<mods>(?:[\w'’.-]+\s+){{0,2}}?)(?P<noun>{_NOUN_ALT})(?![\w-])",
    re.IGNORECASE,
)
_REPRESENT_RE = re.compile(r"\b(?:will\s+|to\s+)?represent(?:s|ed|ing)?\s+(?:the\s+)?")
_FROM_COUNTRY_RE = re.compile(
    # "130 come from Germany", "1,315 from the Royal Cambodian Armed Forces"
    r"\s+(?:(?:come|came|are|were)\s+)?(?:from\s+(?:the\s+)?(?:Royal\s+)?|of\s+(?:the\s+)?)"
)
_OF_THEM_RE = re.compile(
    r"\s*of\s+(?:them|whom)(?:\s+(?:(?:come|came|are|were)\s+from\s+|from\s+|in\s+|belong(?:ing|s)?\s+to\s+|"
    r"(?:will\s+be|are|were|are\s+being)\s+(?:supplied|provided|contributed|sent|fielded)\s+by\s+)?"
    r"(?:the\s+)?(?P<who>[A-Z][\w'’.]*))?"
)


def _state_of_them(text: str, them: re.Match[str], countries: list[Mention]) -> Mention | None:
    """The one state of "900 of them Spanish", "300 of whom from Kenya"; none when a list of states
    follows ("500 of them from the United States, France, Argentina and Brazil": all of them)."""
    at = them.start("who") if them.group("who") else -1
    hit = next(
        (
            c
            for c in countries
            # "100 of them from the Idaho Army National Guard": a force whose name opens with a place
            if at >= 0 and (c.start == at or re.fullmatch(r"(?:[A-Z][\w'’.]*\s+){1,2}", text[at : c.start]))
        ),
        None,
    )
    if hit is None or _another_state_follows(text, hit, countries):
        return None
    return hit


def _another_state_follows(text: str, state: Mention, countries: list[Mention]) -> bool:
    """Does another state follow ``state`` in a list ("the United States, France, ...", "Thailand and
    Singapore")? Then a figure given for the first is for all of them."""
    listed = re.match(r"(?:\s*,\s*|\s+and\s+)(?:the\s+)?", text[state.end :])
    return listed is not None and any(
        c.start == state.end + listed.end() and c.code != state.code for c in countries
    )


_FROM_N_STATES_AFTER = re.compile(
    # "3,500 items of military equipment and weaponry from Poland and 11 other states"
    r"(?:\s+[\w-]+){0,5}?\s+from\s+(?:[A-Z][\w'’-]*\s+){0,3}?(?:and\s+)?"
    r"(?:more\s+than\s+|some\s+|about\s+|nearly\s+|over\s+|around\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:\w+)teen|twenty|thirty)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:countries|nations|states)\b",
    re.IGNORECASE,
)
#: A verb that makes the people after it the drill's: "involved 5,300 people and 900 vehicles".
_INVOLVES_BEFORE = re.compile(
    r"\b(?:involv(?:e|es|ed|ing)|brought\s+together|brings\s+together|bringing\s+together|gather(?:s|ed)|"
    # "The Korean Air Force sent 147 people"
    r"sent|sends|sending|deployed|deploys|dispatched|mobili[sz]ed|mobili[sz]es|committed|fielded)\b"
    r"(?:\s+(?:\d[\d,]*|\w+)\s+(?:nations|countries|states)\s+and)?"
    r"\s+(?:about\s+|some\s+|around\s+|nearly\s+|over\s+|more\s+than\s+|almost\s+)?[\d,.]+(?:\s+(?:thousand|million))?$",
    re.IGNORECASE,
)
#: A standing force, not the drill's: "28,500 US troops are based in South Korea", "permanent bases
#: ... with close to 3,000 men".
_STANDING_FORCE = re.compile(
    r"(?:[^.;]{0,50}?\b(?:are|is|were|remain|remains)\s+(?:permanently\s+|currently\s+)?(?:based|stationed|deployed)"
    r"\s+(?:in|on|at)\b"
    # "3,000 soldiers spread over several bases", "Marines are to train on rotation in Darwin"
    r"|\s+spread\s+(?:over|across|among)\s+(?:\w+\s+)?bases\b|[^.;]{0,40}?\bon\s+rotation\b"
    # "a force of 400 personnel based in the Gabonese capital"
    r"|\s+(?:permanently\s+)?based\s+(?:in|at|on)\s+(?![^.;]*\b(?:took|take|takes|taking|will|join|joined)\b)"
    # "South Korea hosts 37,000 US troops under a defence treaty"
    r"|\s+under\s+(?:a|the|its)\s+(?:\w+\s+)?(?:defen[cs]e|security|mutual|bilateral)\s+(?:\w+\s+)?(?:treaty|pact|agreement)\b)"
    r"(?![^.;]*\b(?:for|during)\s+the\s+(?:exercise|drills?|manoeuvres))",
    re.IGNORECASE,
)
#: More than any exercise has states: a number above it after "N countries" counts people.
_MOST_STATES = 200
#: "..., of whom up to 3,000 are in Belarus": a part of the figure before, with its contingent.
_OF_WHOM_BEFORE = re.compile(r"\bof\s+(?:whom|them|which)\s+$")
#: Several peoples before one noun: "US and European", "French and allied" (troops).
_ORG_AND_PEOPLE = re.compile(r"\b(?:NATO|EU|UN|CSTO|SCO|ASEAN|AU|ECOWAS|SADC|alliance)\s+and\s+")
_MIXED_PEOPLE = re.compile(
    r"[A-Z][\w'’.-]*\s*(?:,|\band\b)\s*([A-Z][a-z]+(?:an|ean|ese|ish|ic)\b|allied|foreign|partner|other|"
    r"coalition|international|multinational)"
)
#: "about 850 Koku Jieitai and RAAF personnel combined": several contingents counted together.
_TOGETHER_AFTER = re.compile(r"\s+(?:combined|together)\b", re.IGNORECASE)


def _mixed_people(
    text: str, num: NumberMatch, noun: re.Match[str], limit: int, own: list[Mention], countries: list[Mention]
) -> bool:
    """Is one figure of several states' people: "8,600 US and European troops" (not "1,600 Chinese
    ground and air force personnel"), "NATO and Georgian", "130 US Marines, Australian ... and ..."?"""
    return (
        any(
            not any(c.start == m.start(1) for c in countries)  # "US and European", not "US Army, Air Force"
            for m in _MIXED_PEOPLE.finditer(text, num.end, noun.start())
        )
        or len({c.code for c in own}) > 1
        or _ORG_AND_PEOPLE.search(text, num.end, noun.start()) is not None  # "NATO and Georgian"
        or _more_states_after_noun(text, noun.end(), limit, own, countries)
    )


def _more_states_after_noun(
    text: str, pos: int, limit: int, own: list[Mention], countries: list[Mention]
) -> bool:
    """ "130 US Marines, Australian Defence Force and Indonesian military personnel": the noun of the
    first state is followed by a list of other states' forces that shares the figure."""
    comma = re.compile(r",\s*(?:the\s+)?").match(text, pos, limit)
    if not own or comma is None:
        return False
    nxt = next((c for c in countries if c.start == comma.end()), None)
    if nxt is None or nxt.code == own[0].code:
        return False
    tail = re.compile(r"[^,.;\d]{0,40}?\band\s+(?:the\s+)?").match(text, nxt.end, limit)
    return tail is not None and any(c.start == tail.end() for c in countries)


#: "500 troops from other NATO member states": not the contingent named before.
_FROM_OTHERS_AFTER = re.compile(
    r"\s+(?:from|of)\s+(?:the\s+)?(?:other|allied|partner|foreign|neighbouring|neighboring|NATO|several|"
    r"many|\w+\s+(?:countries|nations|states))\b"
)
_THE_BEFORE = re.compile(r"\b(?:the|these|those|both)\s+$", re.IGNORECASE)
#: Words before a noun that name people of no one state: "7,000 US and 3,000 African soldiers".
_OTHER_PEOPLE = re.compile(
    r"\b(?:[A-Z][a-z]+an|foreign|allied|partner|other(?!\s+ranks)|international|multinational|coalition|NATO|"
    r"UN)\b"
)  # but "21 officers and 245 other ranks": the enlisted of the same contingent
_SIDE_RE = re.compile(r"\bon\s+the\s+(?P<who>[A-Z][\w'’.]*)\s+side\b")
_PURCHASE_RE = re.compile(
    r"\b(?:purchase|purchased|buy|bought|(?<!\bin\s)order(?!\s+to\b)|ordered|deal|contract|acquire|acquired|procure|budget|"
    r"cost|worth|delivered|delivery)\b",
    re.IGNORECASE,
)
_TRAFFIC_RE = re.compile(
    r"\b(?:pass|passes|transit|transits|cross|crosses|sail\s+through)\b[^.;]{0,30}?\b(?:each|every|a)\s+(?:year|day|month)\b",
    re.IGNORECASE,
)
#: A sentence's only money word "cost" or "worth" ("at a cost of 90 million euros") leaves its
#: figures alone; buying, ordering and delivering make it procurement news.
_COST_ONLY_RE = re.compile(r"cost|worth|budget", re.IGNORECASE)
#: Clause boundaries inside a sentence for attribution and contingents.
CLAUSE_SPLIT_RE = re.compile(r";|,?\s+\b(?:while|whereas)\b|,\s+but\b|,\s+followed by\b", re.IGNORECASE)

_SPEECH = (
    r"said|says|say|announced|announces|added|adds|reported|reports|(?<!\b[Aa]ll\s)told(?:\s+\w+)?|tells|"
    r"(?<!\b[Aa]n\s)estimated|"
    r"(?:was|were)\s+quoted\s+as\s+saying|"
    r"stressed|emphasi[sz]ed|explained|underlined|gave\s+details|described\s+(?:it|the\s+\w+)\s+as|"
    r"estimates|estimate|claimed|claims|stated|states(?!\s*[,:;.)]|\s+(?:among|of|from|and|or|to|in|that\s+(?:take|took|border)|"
    r"which|who|are|were|have|had|will|taking|involved|participat))|confirmed|confirms|noted|notes|disclosed|"
    r"put\s+(?:the|its|their)\s+(?:own\s+)?(?:number|figure|total|contribution|strength|size)(?:\s+\w+){0,3}?\s+at"
)
#: Reporting verbs are lower-case in prose; matching case-sensitively keeps "the United States" out.
SPEECH_RE = re.compile(rf"\b(?:{_SPEECH})\b")
ACCORDING_RE = re.compile(r"\baccording\s+to\s+(?P<who>[^,.;]+)", re.IGNORECASE)
CITING_RE = re.compile(r",?\s*citing\s+(?P<who>[^,.;]+)", re.IGNORECASE)


@dataclass(frozen=True)
class RawClaim:
    """A number tied to a quantity, before the claimant is attached."""

    number: NumberMatch
    quantity: str
    noun_span: tuple[int, int]
    country: str | None
    country_span: tuple[int, int] | None
    component: str | None


@dataclass(frozen=True)
class Attribution:
    """A claimant phrase and the clause it covers."""

    start: int
    end: int
    phrase: str
    clause: tuple[int, int]


def quantity_of(noun: str) -> str:
    """The record quantity of a matched noun phrase."""
    if noun.lower() in ("people", "persons"):
        return "troops"  # only matched when they take part (see _noun_after)
    if noun.lower() in ("-nation", "-country"):
        return "states"  # "a five-nation exercise" (matched only before an exercise word)
    for pattern, quantity in _NOUN_QUANTITY:
        if pattern.fullmatch(noun):
            return quantity
    return "equipment"


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a sentence at "; ", ", while", ", but", ", followed by"."""
    out = []
    pos = start
    for m in CLAUSE_SPLIT_RE.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return out


def _clause_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in spans:
        if a <= pos <= b:
            return a, b
    return spans[-1]


def _noun_after(text: str, pos: int, limit: int) -> re.Match[str] | None:
    """The quantity noun after a number: "400 Russian soldiers", "80 pieces of equipment"; "people"
    only when the words say they take part ("about 1,500 people in total", "2,200 people took part")."""
    start = (
        pos
        if text.startswith(("-strong", "-member", "-man", "-nation", "-country"), pos)
        else _skip_space(text, pos)
    )
    if start < limit and text[start] in "\"“'‘":
        start += 1  # more than 900,000 "combatants"
    m = _NOUN_RE.match(text, start, limit)
    if m:
        return m
    people = _PEOPLE_TAKING_PART.match(text, _skip_space(text, pos), limit)
    if people:
        return people
    if _INVOLVES_BEFORE.search(text, max(0, pos - 60), pos):
        # "the drill involves 80,000 people", "brought together 21 nations and more than 1,500 people"
        people = re.compile(r"(?:people|persons)\b").match(text, _skip_space(text, pos), limit)
        if people:
            return people
    # "The United States provides 2,150 of the troops", "25,000 of the MSDF's 44,000 personnel"
    share = re.compile(
        r"\s+of\s+the\s+(?:(?:[\w.-]+\s+){0,2}[\w.-]+(?:['’]s|s['’])\s+[\d,.]+\s+)?"
    ).match(text, pos, limit)
    if share:
        part = _NOUN_RE.match(text, share.end(), limit)
        counted_people = part is not None and part.group(0).lower() not in ("participants", "members")
        if part and counted_people and quantity_of(part.group(0)) == "troops":
            return part  # (not "four of the participants": states, perhaps)
    listed = _ADJECTIVE_LIST.match(text, pos, limit)
    listed_words = re.findall(r"[\w-]+", listed.group(0).lower()) if listed else []
    if (
        listed
        and not any(w in _MOD_STOP or _NOUN_RE.fullmatch(w) for w in listed_words if w not in ("and", "or"))
        and not _HAS_NUMBER_RE.search(listed.group(0))
    ):
        # "a combined 5,600 ground, maritime and air personnel", not "for two weeks, Russian ... sailors"
        return _NOUN_RE.match(text, listed.end(), limit)
    prefix = _COUNTED_AS_RE.match(text, pos, limit)
    cursor = prefix.end() if prefix else pos
    m = _NOUN_RE.match(text, _skip_space(text, cursor), limit)
    if m:
        return m
    for _ in range(6):
        w = _MOD_WORD.match(text, cursor, limit)
        if w is None:
            return None
        word = w.group("w")
        if word.lower() in _MOD_STOP and not (word.lower() == "and" and _next_is_capital(text, w.end())):
            return None
        if re.match(r"[\d,]+$", word) or (word.endswith((",", ".")) and not _INITIALS.fullmatch(word)):
            return None  # but "55 U.S. Marines"
        cursor = w.end()
        m = _NOUN_RE.match(text, _skip_space(text, cursor), limit)
        if m:
            return m
    return None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _next_is_capital(text: str, pos: int) -> bool:
    p = _skip_space(text, pos)
    return p < len(text) and text[p].isupper()


#: Before a count of states that is not the number of participants: "the two countries", "in five
#: countries" (where, not who), "one of 20 nations".
_NOT_STATES_LEFT = re.compile(
    r"\b(?:the|both|all|these|those|its|their|our|(?<!participation\s)of|(?<!brought\s)(?<!brings\s)in|across|over|between|among|to|visited|"
    r"borders?\s+with|"  # "along Brazil's border with ten South American countries"
    r"visiting|visits|groups|grouping)"  # "a deployment visiting 34 countries", "the pact groups five states"
    r"\s+$",
    re.IGNORECASE,
)
#: Modifiers that make a count of states a part: "ten observer nations", "23 other countries",
#: "11 NATO member states".
_PART_OF_STATES = re.compile(
    r"\b(?:observer|observing|other|more|member|partner|Partnership|invited|guest|further|additional|[A-Z]{3,})\b"
)
_OBSERVING_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,2}?as\s+observers\b|\s+to\s+(?:follow|watch|observe|attend)\b[^.;]{0,40}?\bas\s+observers\b",
    re.IGNORECASE,
)
#: A count of the others besides a state or group the sentence names: "18 nations of the Americas, together
#: with France", "in partnership with 14 African states", "1,800 Lithuanian troops and 1,200 from 30
#: countries", "Nine African states (...) and five European ones".
#: "six South American states, together with those of the United States and Canada"
_BESIDES_NAMED_AFTER = re.compile(
    r"[^.;]{0,40}?,?\s+(?:together|along)\s+with\s+(?:those\s+of\s+)?(?:the\s+)?[A-Z][a-z]"
    # "five countries besides Georgia", "19 states in addition to the host"
    r"|\s+(?:besides|in\s+addition\s+to|apart\s+from|other\s+than|alongside)\s+(?:the\s+)?[A-Z][a-z]"
)
_BESIDES_NAMED_LEFT = re.compile(
    r"\b(?:(?:in\s+(?:partnership|cooperation)|together|alongside|jointly|exercises?|drills?|manoeuvres)\s+with"
    r"|[A-Z][a-z]+\s+(?:[\w-]+\s+){0,2}?(?:troops|soldiers|service\s*members|servicemen|personnel|sailors|marines)"
    r"\s+and\s+(?:[\w,.-]+\s+){1,5}?from)\s+(?:about\s+|some\s+|nearly\s+|around\s+|more\s+than\s+)?$"
)
_AND_N_MORE_AFTER = re.compile(
    rf"\s*(?:\([^)]{{0,300}}\)\s*)?,?\s+and\s+(?:of\s+|from\s+)?(?:some\s+|about\s+)?(?:\d+|{NUMBER_WORD})\s+"
    r"(?:[\w-]+\s+){0,2}(?:ones|others|partners|countries|nations|states)\b"
)
#: The count of the participants, whatever stands before it: "seven of the 17 countries that will take
#: part", "the list had grown to 46 countries".
_PARTICIPATING_AFTER = re.compile(
    r"\s+(?:that|which)\s+(?:will\s+|would\s+|are\s+|were\s+)?(?:take|took|taking)\s+part\b",
    re.IGNORECASE,
)
_GROWN_TO_LEFT = re.compile(r"\b(?:grown|grew|risen|rose|increased|climbed)\s+(?:[\w-]+\s+){0,3}?to\s+$")
_OF_THE_EXERCISE = re.compile(
    r"\b(?:manoeuvres|maneuvers|exercises?|drills?|armies|forces|troops|coalition|soldiers|navies|"
    r"militaries|contingents|agencies|personnel|sailors|officers|units|participants|teams|delegations)\s+of\s+$",
    re.IGNORECASE,
)


_TO_OBSERVE_AFTER = re.compile(
    r"[^.;]{0,200}?\b(?:are|were|will|would)\s+(?:also\s+)?(?:be\s+)?(?:to\s+)?(?:observe|observing)\b"
    # "Eighteen countries were invited", "seven countries ... had sent delegates to observe", "19 countries
    # sent observers", "Eight countries - A, B, ... - have been approved as observers"
    r"|\s+(?:were|was|have\s+been|had\s+been|are|will\s+be)\s+invited\b|[^.;]{0,60}?\bdelegates\s+to\s+observe\b"
    r"|(?:(?!\b(?:while|whereas|but|invited)\b)[^.;:\d]){0,110}?\b(?:(?:sent|send|sends|sending)\s+observers|approved\s+as\s+"
    r"observers)\b",
    re.I,
)
#: "China has held 25 joint exercises with the militaries of 21 countries": a tally over years
_TALLY_LEFT = re.compile(
    r"\b(?:held|conducted|staged|carried\s+out)\s+(?:more\s+than\s+|over\s+|some\s+)?\d+\s+(?:[\w-]+\s+){0,3}?"
    r"(?:exercises|drills|training\s+events)\b[^.;]*$",
    re.I,
)
_FOUNDED_BY_LEFT = re.compile(r"\b(?:set\s+up|founded|established|created)\b[^.;]{0,30}\bby\s+$")
#: "five Indian states": a federation's states, not participating ones
_FEDERAL_STATES_LEFT = re.compile(
    r"\s+(?:Indian|US|U\.S\.|American|Australian|Brazilian|Mexican|Nigerian|German|Malaysian|Venezuelan)\s+$"
)
_BESIDES_ONE_LEFT = re.compile(r"\b(?:[Bb]esides|[Aa]part\s+from)\s+(?:the\s+)?[A-Z][\w'’ -]{1,30},\s*$")
_BESIDES_THE_HOST = re.compile(r"\b(?:as\s+well\s+as|besides|in\s+addition\s+to|plus)\s+the\s+host\b", re.I)
#: A count of states after adjectives the noun matcher stops at: "18 brotherly and friendly countries".
_STATES_AFTER = re.compile(
    r"\s+(?:(?!(?:of|the|in|from|to|with|by|for|at|on|and|days|weeks|months|years)\b)[A-Za-z'’-]+\s+(?:and\s+)?){1,3}?"
    r"(?P<noun>countries|nations|states)\b"
)


#: Before a group's count, words that make it a part: "2,000 of them foreigners from ten NATO
#: countries", "Ukraine's fleet and forces from 18 NATO countries".
_GROUP_IS_A_PART = re.compile(r"\b(?:foreigners|foreign\s+\w+|and\s+(?:\w+\s+){0,2}from)\s+(?:\w+\s+)?$")
#: "from" right before a count: "from nine NATO member states", "from about 20 CIS countries".
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|some\s+|nearly\s+|around\s+|over\s+|more\s+than\s+)?$")


def _is_states_count(text: str, num: NumberMatch, noun: re.Match[str], s_start: int) -> bool:
    """Is ``num`` followed by ``noun`` ("34 countries") the stated number of participating states?"""
    # the noun itself, not the words before it: "five NATO and nine partner nations"
    noun_at = noun.start("noun") if "noun" in noun.re.groupindex else noun.start()
    whole = re.search(r"\band\s+partner\b", text[num.end : noun_at])  # "26 allied and partner countries"
    part = _PART_OF_STATES.search(text, num.end, noun_at)
    if (
        part
        and (part.group(0) == "member" or part.group(0).isupper())
        and (
            _FROM_BEFORE.search(text, max(s_start, num.start - 30), num.start)
            # "forces of 10 NATO nations"
            or _OF_THE_EXERCISE.search(text, max(s_start, num.start - 40), num.start)
        )
        and not _GROUP_IS_A_PART.search(text, max(s_start, num.start - 40), num.start)
        and " and " not in text[num.end : noun_at]  # "six NATO and Partner countries"
        and not re.match(r"\s*,?\s+(?:and|as\s+well\s+as|along\s+with)\b", text[noun.end() :])
    ):
        whole = whole or part  # "soldiers from nine NATO member states": all of them (corpus README)
    if re.search(rf"\b(?:{FICTIONAL})\b", text[num.end : noun_at]):
        return False  # "split the area into two fictitious countries": a scenario's
    if (part and not whole) or _OBSERVING_AFTER.match(
        text, noun.end()
    ):
        return False  # "12 partner countries", "30 countries attend as observers"
    some_of = re.compile(r"\b(?:other|remaining|further|additional)\s+$")
    if some_of.search(text[max(s_start, num.start - 12) : num.start]) or re.search(
        r"\bthe\s+rest\s+(?:\w+\s+){0,2}?(?:from|of)\s+$", text[max(s_start, num.start - 30) : num.start]
    ):
        return False  # "the other four navies one apiece", "the rest come from 17 nations": some of them
    if re.search(r"\bscenario\b[^.;]{0,20}$", text[s_start : num.start]):
        return False  # "Its scenario has three nations fighting over disputed territory"
    if re.search(r"\b[A-Z][\w'’.-]*\s+and\s+$", text[max(s_start, num.start - 30) : num.start]):
        return False  # "between the United States and nine countries": the others, not all
    if re.search(r"[A-Z][\w'’.-]*,\s*$", text[max(s_start, num.start - 20) : num.start]) and re.match(
        r"\s+(?:that|which|who)\b", text[noun.end() :]
    ):
        return False  # "Lithuania and Estonia, two states that border Russia": a description
    stop = text.find(".", noun.end())
    if _BESIDES_ONE_LEFT.search(text, s_start, num.start):
        return False  # "Besides Norway, 15 nations are taking part": the others, not all
    if re.search(r"\([A-Z]{2,}[\w ]*,\s*$", text[s_start : num.start]):
        return False  # "(ECOWAS, 15 countries)": an organisation's members
    if re.match(
        r"[^.;]{0,40}?\bjoin\s+(?:the\s+)?(?:[A-Z][\w'’]*\s+){1,3}(?:forces|troops|army|navy|military)\b",
        text[noun.end() : stop if stop >= 0 else len(text)],
    ):
        return False  # "personnel from 13 nations will join New Zealand forces": besides the host
    if re.match(r"\s+and\s+(?:international\s+|regional\s+)?organi[sz]ations\b", text[noun.end() :]):
        return False  # "60 partner countries and international organisations": not all of them states
    if re.search(r"\bindustr(?:y|ies)\s+from\s+$", text[max(s_start, num.start - 20) : num.start]):
        return False  # "defence industries from 15 countries"
    if re.match(r"\s+from\s+the\s+(?:\w+\s+){0,2}(?:shore|coast|side|bank)\b", text[noun.end() :]):
        return False  # "Four countries from the northern shore ..., along with four from the southern"
    if _TO_OBSERVE_AFTER.match(text, noun.end(), stop if stop >= 0 else len(text)):
        return False  # "Seven states that provide forces to the UN Command ... are also to observe"
    if _BESIDES_THE_HOST.search(text, noun.end(), stop if stop >= 0 else len(text)):
        return False  # "forces from 23 countries ..., as well as the host country": not all of them
    watching = _OBSERVERS_FROM_LEFT.search(text, max(s_start, num.start - 60), num.start)
    if watching and not re.search(
        r"\b(?:units|troops|forces|participants|personnel|soldiers|contingents)\s+and\s+(?:\w+\s+)?observers",
        text[max(s_start, watching.start() - 30) : watching.end()],
        re.I,
    ):
        return False  # "observers from 52 countries watching", not "units and observers from five"
    if (
        _BESIDES_NAMED_AFTER.match(text, noun.end())
        or _BESIDES_NAMED_LEFT.search(text, max(s_start, num.start - 90), num.start)
        or _AND_N_MORE_AFTER.match(text, noun.end())
    ):
        return False  # the others besides a state or group named: not all of the states
    if _FOUNDED_BY_LEFT.search(text, max(s_start, num.start - 50), num.start):
        return False  # "a framework set up in 2001 by six countries": an organisation's founders
    federal = _FEDERAL_STATES_LEFT.fullmatch(text, num.end, noun_at) and noun.group(0).endswith("states")
    if _TALLY_LEFT.search(text, s_start, num.start) or federal:
        return False  # "held 25 joint exercises with the militaries of 21 countries", "five Indian states"
    left = text[max(s_start, num.start - 40) : num.start]
    if (
        _PARTICIPATING_AFTER.match(text, noun.end())
        or _GROWN_TO_LEFT.search(left)
        or re.search(r"\bparticipating\b", text[num.end : noun_at])  # "of 13 participating nations"
    ):
        return True  # "seven of the 17 countries that will take part", "had grown to 46 countries"
    if _OF_THE_EXERCISE.search(left) or text.startswith("-", noun_at):
        # "manoeuvres of 29 countries", "the armies of 14 countries"; "the four-nation exercise"
        return True
    return not _NOT_STATES_LEFT.search(text, max(s_start, num.start - 12), num.start)


def _not_a_figure(text: str, num: NumberMatch, countries: list[Mention], s_start: int) -> bool:
    """Numbers that are no size of the drill whatever noun follows them."""
    return bool(
        _BARE_MAGNITUDE.fullmatch(num.text)  # "thousands of troops" (the corpus golds never record one)
        # "Team 4", "Serial 18": a unit's or an edition's number
        or _DESIGNATION_LEFT.search(text, max(s_start, num.start - 12), num.start)
        # "25,000 of the MSDF's 44,000 personnel": the force's strength
        or _PART_OF_STRENGTH_LEFT.search(text, max(s_start, num.start - 40), num.start)
        # "the transport can carry 800 troops", "NATO had expected around 40,000 participants"
        or _CAPACITY_LEFT.search(text, max(s_start, num.start - 30), num.start)
        or _EXPECTED_LEFT.search(text, max(s_start, num.start - 40), num.start)
        # "43 Mechanised Brigade", "2 Squadron", "81 mm mortars", "Leopard 2 tanks"
        or _DESIGNATION_RIGHT.match(text, num.end)
        or _CALIBRE_RIGHT.match(text, num.end)
        or _model_number(text, num, countries, s_start)
    )


def find_raw_claims(
    text: str,
    sentence: tuple[int, int],
    numbers: list[NumberMatch],
    countries: list[Mention],
) -> list[RawClaim]:
    """Claims of one sentence: each number tied to its quantity and, where the text says, contingent."""
    s_start, s_end = sentence
    if any(not _COST_ONLY_RE.fullmatch(m.group(0)) for m in _PURCHASE_RE.finditer(text, s_start, s_end)):
        return []  # procurement news ("the purchase of 12 fighter jets") is not an exercise size
    if _TRAFFIC_RE.search(text, s_start, s_end):
        return []  # "the strait, through which some 60,000 ships pass each year": traffic, not the drill
    if _SCENARIO_FORCE_RE.search(text, s_start, s_end):
        return []  # "an invasion by 400 troops from 'Orangeland', an imaginary country": the scenario's
    spans = clauses(text, s_start, s_end)
    out: list[RawClaim] = []
    number_of = list(_NUMBER_OF_RE.finditer(text, s_start, s_end))
    shared_hedge: dict[int, str] = {}  # number start -> hedge of the list it shares a noun with
    for num in numbers:
        if _not_a_figure(text, num, countries, s_start):
            continue
        bracketed = _bracketed_contingent(text, num, countries, s_start)
        if bracketed is not None:  # "the delegations of Angola (9), Brazil (17), ..."
            at = (bracketed.start, bracketed.end)
            out.append(RawClaim(num, "troops", (num.start, num.end), bracketed.code, at, None))
            continue
        if num.qualifier == "exact" and num.start in shared_hedge:
            num = replace(num, qualifier=shared_hedge[num.start])
        clause = _clause_of(spans, num.start)
        noun = _noun_after(text, num.end, clause[1])
        quantity: str | None = None
        noun_span = (num.end, num.end)
        country: str | None = None
        country_span: tuple[int, int] | None = None
        component: str | None = None
        several_after = False  # "10 army personnel from Fiji, Papua New Guinea, ...": several states
        if noun is not None:
            quantity = quantity_of(noun.group(0))
            if noun.group(0).lower() == "members" and re.search(
                r"\b(?:[A-Z]{3,}|member|partner)\s+$", text[num.end : noun.start()]
            ) and not any(num.end <= c.start < noun.start() for c in countries):
                continue  # "14 NATO members": some of the states, not people (but "3,000 SANDF members")
            if quantity == "troops" and (
                _FORMATIONS_AFTER.match(text, noun.end())
                or _STANDING_FORCE.match(text, noun.end(), clause[1])
                or re.search(r"\bpermanent\s+bases?\b", text[clause[0] : num.start], re.IGNORECASE)
            ):
                continue  # "three special forces units", "28,000 US troops are based in Korea": no drill's
            if _CASUALTIES_AFTER.match(text, noun.end(), clause[1]):
                continue  # "two members of a combined patrol were injured": the scenario's casualties
            if noun.group(0).lower() == "fighters" and (num.value or 0) >= 1000:
                quantity = "troops"  # "more than 7,900 fighters": no drill flies thousands of fighter jets
            noun_span = (noun.start(), noun.end())
            if quantity == "states":
                if _is_states_count(text, num, noun, s_start):
                    out.append(RawClaim(num, "states", noun_span, None, None, None))
                continue
            quantity = _mixed_list(text, num, noun, quantity, clause[1])
            if quantity == "armoured_vehicles" and noun.group(0).lower() == "combat vehicles" and re.match(
                r",?\s+(?:among\s+them|including)\b", text[noun.end() :]
            ):
                quantity = "vehicles"  # "154 combat vehicles, among them artillery and logistic support"
            if (
                quantity == "troops"
                and (num.value or 10) < 10
                and _THE_BEFORE.search(text, s_start, num.start)
            ):
                continue  # "the two officers launched ...", "the two sides' special forces": no size
            lowered = noun.group(0).lower()
            if lowered in ("reservists", "conscripts", "regulars"):
                component = lowered
            # "a 70-strong Indian contingent": the state may sit inside the matched noun
            inside = noun.end() if noun.group(0).startswith(("-strong", "-member", "-man")) else noun.start()
            own = [c for c in countries if num.end <= c.start < inside]
            mixed = _mixed_people(text, num, noun, clause[1], own, countries)
            several_after = _TOGETHER_AFTER.match(text, noun.end()) is not None
            # not "8,600 US and European troops", nor "850 JASDF and RAAF personnel combined"
            if len({c.code for c in own}) == 1 and not mixed and not several_after:
                country, country_span = own[0].code, (own[0].start, own[0].end)
            elif not own and not several_after:
                country, country_span = _country_after_noun(text, noun.end(), clause[1], countries)
                several_after = country is None and _several_after_noun(
                    text, noun.end(), clause[1], countries
                )
            # "hosted by Georgia with 2,500 troops from 15 NATO allied and partner countries"
            several_after = several_after or _FROM_N_STATES_AFTER.match(text, noun.end()) is not None
        else:
            many = _STATES_AFTER.match(text, num.end, clause[1])
            if many is not None:
                if _is_states_count(text, num, many, s_start):
                    out.append(
                        RawClaim(num, "states", (many.start("noun"), many.end("noun")), None, None, None)
                    )
                continue
            quantity, noun_span, country, country_span = _elliptical(
                text, num, clause, countries, out, number_of
            )
            pair = _PAIR_WITH_EACH.search(text, clause[0], num.start)
            each = re.match(r"\s+each\b", text[num.end :])
            if quantity is not None and country is not None and pair and each:
                both = [c for c in countries if c.kind == "country" and pair.start() <= c.start < pair.end()]
                if len(both) == 2:  # "Portugal and East Timor with 10 each"
                    out.extend(
                        RawClaim(num, quantity, noun_span, c.code, (c.start, c.end), None) for c in both
                    )
                    continue
            if quantity is None:
                quantity, noun_span, country, country_span = _shared_noun(
                    text, num, numbers, clause, countries
                )
                following = _SHARED_RE.match(text, num.end, clause[1])
                if quantity is not None and following is not None and num.qualifier not in ("exact", "range"):
                    # "nearly 8,000 Chinese and 2,000 Russian troops": the hedge covers the list
                    shared_hedge[following.end()] = num.qualifier
            if quantity is None:
                quantity, noun_span, country, country_span = _people_named(text, num, clause, countries)
            if quantity is None:
                continue
        each_state = _states_each(text, num, noun, clause, countries) if country is None and noun else []
        if len(each_state) > 1:  # "one ship each from A, B and C", "A, B and C will each send two warships"
            out.extend(
                RawClaim(num, quantity, noun_span, c.code, (c.start, c.end), component) for c in each_state
            )
            continue
        if country is None and noun is not None:
            group = _GROUP_OF_LEFT.search(text, max(s_start, num.start - 60), num.start)
            hit = [c for c in countries if group is not None and c.start == group.start("who")]
            if hit:  # "A Chinese flotilla of four destroyers, two frigates and ..."
                country, country_span = hit[0].code, (hit[0].start, hit[0].end)
        if country is None:
            them = _OF_THEM_RE.match(text, num.end)
            whose = _state_of_them(text, them, countries) if them else None
            if whose:
                country, country_span = whose.code, (whose.start, whose.end)
        if country is None and noun is not None and not several_after:
            country, country_span = _sender(text, num, noun, clause, countries, numbers, s_start)
        if country is None and out and noun is not None and not several_after:
            # "400 Russian troops and 80 vehicles": a list shares the contingent of its first item
            prior = out[-1]
            link = text[prior.noun_span[1] : num.start]
            if (
                prior.country
                # "400 Kuwaiti soldiers with 35 tanks"
                and re.fullmatch(r"\s*(?:,|and|,\s*and|with)\s*", link)
                and not _OTHER_PEOPLE.search(text, num.end, noun.start())
                and not _FROM_OTHERS_AFTER.match(text, noun.end())
            ):
                country, country_span = prior.country, prior.country_span
        out.append(RawClaim(num, quantity, noun_span, country, country_span, component))
    return _respectively(text, out, numbers, countries, sentence)


_RESPECTIVELY = re.compile(r"\brespectively\b")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
_PEOPLE_NOUN = re.compile(
    r"\b(?:troops|soldiers|personnel|servicemen|service\s*members|sailors|marines|airmen|men)\b",
    re.IGNORECASE,
)


def _respectively(
    text: str,
    out: list[RawClaim],
    numbers: list[NumberMatch],
    countries: list[Mention],
    sentence: tuple[int, int],
) -> list[RawClaim]:
    """Figures listed with "respectively" go to the states listed before them, in order: "The United
    States and the Philippines have sent about 4,500 and 2,300 personnel respectively", "Polish and
    American troops ..., 12,000 and 14,000 respectively"."""
    s_start, s_end = sentence
    word = _RESPECTIVELY.search(text, s_start, s_end)
    if word is None:
        return out
    # the figures just before "respectively", with the noun they share if any
    before_word = sorted(
        (n for n in numbers if s_start <= n.start and n.end <= word.start()), key=lambda n: n.start
    )
    if not before_word:
        return out
    noun = _noun_after(text, before_word[-1].end, word.start())
    tail = text[noun.end() if noun else before_word[-1].end : word.start()]
    if not re.fullmatch(r"[\s,]*", tail):
        return out
    run = [before_word[-1]]
    for n in reversed(before_word[:-1]):
        if not re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)", text[n.end : run[-1].start]):
            break
        run.append(n)
    run.reverse()
    # the states listed before the first figure: "The United States and the Philippines", "Polish and
    # American"
    listed: list[Mention] = []
    for c in sorted((c for c in countries if c.kind == "country"), key=lambda c: -c.start):
        if not s_start <= c.start < run[0].start:
            continue
        if listed and not _LIST_GAP.fullmatch(text[c.end : listed[-1].start]):
            break
        listed.append(c)
    listed.reverse()
    if len(run) < 2 or len(listed) != len(run) or len({c.code for c in listed}) != len(listed):
        return out
    if noun is not None:
        quantity = quantity_of(noun.group(0))
        noun_span = (noun.start(), noun.end())
    else:
        people = _PEOPLE_NOUN.search(text, listed[-1].end, run[0].start)
        if people is None:
            return out
        quantity, noun_span = "troops", (people.start(), people.end())
    if quantity is None:
        return out
    at = {n.start for n in run}
    kept = [c for c in out if c.number.start not in at]
    added = [
        RawClaim(n, quantity, noun_span, c.code, (c.start, c.end), None)
        for n, c in zip(run, listed, strict=True)
    ]
    return sorted(kept + added, key=lambda c: c.number.start)


_OBSERVERS_FROM_LEFT = re.compile(
    r"\b(?:observers|attach[ée]s|delegates|representatives)(?:\s+\w+){0,6}?\s+from\s+$", re.IGNORECASE
)
_PEOPLE_BEFORE_LIST = re.compile(
    r"\b(?:delegations?|contingents?|troops|personnel|soldiers|servicemen|service\s+members|participants|"
    r"the\s+rest|the\s+remainder|the\s+others)\b"  # "The rest come from Canada (32), Turkey (14), ..."
    r"[^.;:]*$",
    re.IGNORECASE,
)


def _bracketed_contingent(
    text: str, num: NumberMatch, countries: list[Mention], s_start: int
) -> Mention | None:
    """The state a bracketed figure follows in a list of contingents: "Angola (9), Brazil (17)"."""
    if num.qualifier != "exact" or not text.startswith(")", num.end):
        return None
    before = (c for c in countries if c.kind == "country" and re.fullmatch(r"\s*\(", text[c.end : num.start]))
    state = next(before, None)
    if state is None or not _PEOPLE_BEFORE_LIST.search(text, s_start, state.start):
        return None
    if re.search(r"\b(?:points?|scores?|medals?|ranked|title)\b", text[s_start : state.start]):
        return None  # "took the title with 1,955 points, ahead of Mexico (1,812)": a competition's scores
    return state


#: Words that make a state or force a scenario's: "two fictitious countries", "an imaginary invader".
FICTIONAL = "imaginary|fictitious|fictional|notional|hypothetical|invented"
_SCENARIO_FORCE_RE = re.compile(
    rf"\b(?:invasion|attack|assault|incursion)\s+(?:of\s+[^.;]{{0,40}}?\s+)?by\b[^.;]{{0,80}}\b(?:{FICTIONAL})\b",
    re.IGNORECASE,
)
_EXPECTED_LEFT = re.compile(r"\b(?:had|have|has)\s+(?:been\s+)?expected\s+(?:about\s+|around\s+|some\s+)?$")
_CAPACITY_LEFT = re.compile(
    r"\b(?:can|could|able\s+to|capable\s+of|designed\s+to)\s+(?:carry|carrying|transport\w*|accommodate|hold|number)\s+"
    r"(?:anywhere\s+(?:from\s+)?)?"
    r"(?:up\s+to\s+|about\s+|some\s+|more\s+than\s+)?$"
)
_DESIGNATION_RIGHT = re.compile(
    r"\s+(?:[A-Z][\w-]*\s+){0,3}(?:Brigade|Battalion|Regiment|Squadron|Division|Wing|Unit|School|Corps|Flotilla)\b"
)


def _model_number(text: str, num: NumberMatch, countries: list[Mention], s_start: int) -> bool:
    """ "Leopard 2 tanks", "an Atlantique 2 maritime patrol aircraft", "Dornier 28": a model's number
    (a capitalised word right before the digits, not a state, a month or the sentence's first word)."""
    if num.qualifier != "exact" or not num.text.isdigit() or num.start - s_start < 2:
        return False
    word = re.search(r"(?<![\w.-])([A-Z][a-z]+)\s$", text[max(s_start, num.start - 20) : num.start])
    if word is None or word.group(1).lower() in MONTHS or any(c.end == num.start - 1 for c in countries):
        return False
    before_word = text[s_start : num.start - len(word.group(0))]
    if not before_word.strip() or re.match(r"\s+[A-Z][\w/]*-", text[num.end : num.end + 12]):
        return False  # "Twenty ...": the sentence starts there; "the Air Force Command 39 F-16s": a count
    return _NOUN_RE.match(text, _skip_space(text, num.end)) is not None or bool(
        _DESCRIBED_KIT_AFTER.match(text[num.end : num.end + 40])
    )


_DESCRIBED_KIT_AFTER = re.compile(r"\s+(?:[a-z]+\s+){1,3}(?:aircraft|vehicles|tanks|helicopters|ships)\b")
_BARE_MAGNITUDE = re.compile(r"(?:some\s+)?(?:hundreds|thousands)\s+of", re.IGNORECASE)
_CALIBRE_RIGHT = re.compile(r"\s*-?(?:mm|millimet(?:re|er)s?)\b")  # "81 mm mortars": a calibre
_PART_OF_STRENGTH_LEFT = re.compile(r"\d\s+of\s+(?:the\s+)?(?:[\w.-]+\s+){0,2}[\w.-]+(?:['’]s|s['’])\s+$")
_DESIGNATION_LEFT = re.compile(
    r"\b(?:Team|Serial|Phase|Task\s+Force|Squadron|Unit|No\.?|Type|Project|Bell|King\s+Air)\s+$"
)  # "Team 4", "Type 815 reconnaissance ship", "Bell 212 helicopters"
_FORMATIONS_AFTER = re.compile(r"\s+(?:units|teams|detachments|companies|battalions|brigades|squads)\b")
_CASUALTIES_AFTER = re.compile(
    r"[^.;]{0,50}?\b(?:(?:were|was)\s+(?:injured|wounded|killed|hurt|missing)|died|drowned|lost\s+their\s+lives)\b",
    re.IGNORECASE,
)
#: "Russia has ...", "The Singapore Armed Forces (SAF) has ...": a state or its forces, then "has"
_HAS_RE = re.compile(
    r"(?:\s+(?:Armed\s+Forces|Army|Navy|Air\s+Force|Marines|military|forces))?(?:\s*\([^)]{1,12}\))?"
    r"\s+(?:has|have|had)\s+"
)
_IN_THE_DRILL_AFTER = re.compile(
    r"\s+(?:(?:in|for)\s+the\s+(?:drills?|exercises?|manoeuvres|maneuvers)|taking\s+part|participating)\b"
)
_JOINS_WITH_LEFT = re.compile(
    r"\b(?:(?:will|would)\s+join|joins|joined|(?:will\s+|would\s+)?(?:take|takes|took)\s+part\s+in|"
    r"participat(?:es|ed|e)\s+in)\b"
    r"[^.;]{0,90}?\bwith\s+(?:about\s+|some\s+|around\s+)?$"
)
_TAKES_PART_WITH = re.compile(
    r"(?:['’]s)?\s+(?:is|are|was|were|will\s+be)?\s*(?:taking\s+part|takes\s+part|took\s+part|participat\w+|"
    r"(?:is|are|was|were|will\s+be)\s+represented)\s+(?:with|by)\s+(?:about\s+|some\s+|around\s+)?$"
)
_PAIR_WITH_EACH = re.compile(r"[A-Z][^;,]{1,60}\s+and\s+(?:the\s+)?[A-Z][^;,]{1,60}\s+with\s+$")
_FORCES_OF = re.compile(
    r"(?:[A-Z][\w'’-]*\s+){0,2}(?:Armed\s+Forces|Army|Navy|Air\s+Force|Defen[cs]e\s+Forces?|Military|Marines)"
    r"\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)
_EACH_FROM = re.compile(r"\s+each\s+from\s+(?:the\s+)?")
_GROUP_OF_LEFT = re.compile(
    r"(?P<who>[A-Z][\w'’-]*)\s+(?:(?:naval|navy|Navy|air|task)\s+)?(?:flotilla|squadron|group|contingent|"
    r"detachment|force|fleet|formation)\s+(?:of|comprising|made\s+up\s+of)\s+$"
)


_EACH_VERB_LEFT = re.compile(
    r"\s+(?:will\s+|have\s+|has\s+|had\s+|would\s+|are\s+|were\s+)?each\s+(?:[a-z]+\s+){1,2}?(?:up\s+to\s+|about\s+)?$"
)


def _states_each(
    text: str, num: NumberMatch, noun: re.Match[str], clause: tuple[int, int], countries: list[Mention]
) -> list[Mention]:
    """The states that each have the figure: "one ship each from the United States, Portugal and
    Morocco", "Indonesia, Malaysia and Myanmar will each send two warships" (one claim per state)."""
    each = _EACH_FROM.match(text, noun.end(), clause[1])
    listed = _listed_after(text, each.end(), clause[1], countries) if each else []
    return listed if len(listed) > 1 else _each_of_listed(text, num, clause, countries)


def _each_of_listed(
    text: str, num: NumberMatch, clause: tuple[int, int], countries: list[Mention]
) -> list[Mention]:
    """The states of a list that "each" send the figure: "Thailand, the Philippines and Vietnam have each
    contributed one vessel" (one claim per state)."""
    each = _EACH_VERB_LEFT.search(text, clause[0], num.start)
    if each is None:
        return []
    listed: list[Mention] = []
    end = each.start()
    before = [c for c in countries if c.kind == "country" and clause[0] <= c.start]
    for c in sorted(before, key=lambda m: -m.start):
        if c.end > end:
            continue
        if not re.fullmatch(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)?(?:the\s+)?", text[c.end : end]) and listed:
            break
        if listed or not text[c.end : end].strip():
            listed.append(c)
            end = c.start
    return listed[::-1]


def _listed_after(text: str, pos: int, limit: int, countries: list[Mention]) -> list[Mention]:
    """The states listed from ``pos`` on ("the United States, Portugal and Morocco")."""
    out: list[Mention] = []
    for c in sorted(countries, key=lambda m: m.start):
        if c.start < pos or c.start >= limit:
            continue
        gap = text[out[-1].end if out else pos : c.start]
        if not re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)?(?:the\s+)?", gap):
            break
        out.append(c)
    return out


def _people_named(
    text: str, num: NumberMatch, clause: tuple[int, int], countries: list[Mention]
) -> tuple[str | None, tuple[int, int], str | None, tuple[int, int] | None]:
    """A number whose noun is a people: "including 900 Zambians", "32 Chinese who will train",
    "3,800 will be Filipino" (quantity, noun span, state, its span; all None if not)."""
    none: tuple[str | None, tuple[int, int], str | None, tuple[int, int] | None] = (None, (0, 0), None, None)
    be = re.match(r"\s+(?:will\s+be|are|were)\s+", text[num.end : clause[1]])
    at = num.end + (be.end() if be else 1)
    people = next((c for c in countries if c.demonym and c.start == at), None)
    described = re.match(r"\s+(?:[a-z]+-[a-z]+\s+)", text[num.end : clause[1]])  # "500 red-bereted Kenyans"
    if people is None and described:
        at = num.end + described.end()
        people = next((c for c in countries if c.demonym and c.start == at and c.text.endswith("s")), None)
    if people is None or text[num.end] != " ":
        return none
    plural = people.text.endswith("s")
    if not plural and re.match(r"\s+and\s+[\d,]+\s", text[people.end : clause[1]]):
        return none  # "50,000 South Korean and 30,000 American troops": a list sharing one noun
    if not plural and not ((num.value or 0) >= 10 and _PEOPLE_DEMONYM_END.match(text, people.end, clause[1])):
        return none  # "five frigates - two French, one Italian": a few of the things just counted
    span = (people.start, people.end)
    joined = re.match(r"\s+(?:and|or)\s+(?:the\s+)?", text[people.end : clause[1]])
    if joined and any(c.start == people.end + joined.end() for c in countries):
        return "troops", span, None, None  # "25 Panamanian and US agents": both states
    return "troops", span, people.code, span


def _sender(
    text: str,
    num: NumberMatch,
    noun: re.Match[str],
    clause: tuple[int, int],
    countries: list[Mention],
    numbers: list[NumberMatch],
    s_start: int,
) -> tuple[str | None, tuple[int, int] | None]:
    """The state that sends a counted force named around it: the clause's subject ("Japan sent 300
    troops"), "About 150 soldiers ... will represent Russia", "Ukraine will be represented by two
    officers", "Brazil takes part with 17 marines"."""
    if not _own_mods(countries, num, noun):
        country, span = _side_or_subject(text, num, clause, countries)
        if country is not None:
            return country, span
    # "With roughly 800 soldiers, Germany supplies the biggest contingent"
    if _WITH_FRONTED.fullmatch(text, s_start, num.start):
        after = _FRONTED_SENDER.match(text, noun.end())
        who = [c for c in countries if after is not None and c.start == after.end() and c.kind == "country"]
        if who and _FRONTED_VERB.match(text, who[0].end):
            return who[0].code, (who[0].start, who[0].end)
    # "Russia has about 1,700 soldiers in the drill and China 700"
    has = [c for c in countries if c.kind == "country" and _HAS_RE.fullmatch(text[c.end : num.start])]
    if has and _IN_THE_DRILL_AFTER.match(text, noun.end()):
        return has[0].code, (has[0].start, has[0].end)
    rep = _REPRESENT_RE.search(text, noun.end(), clause[1])
    hit = [c for c in countries if rep is not None and c.start == rep.end() and c.kind == "country"]
    if hit and rep is not None and not any(noun.end() <= n.start < rep.start() for n in numbers):
        return hit[0].code, (hit[0].start, hit[0].end)
    joins = _TAKES_PART_WITH.search(text, max(s_start, num.start - 60), num.start)
    who = [c for c in countries if joins is not None and c.kind == "country" and c.end == joins.start()]
    if who:
        return who[0].code, (who[0].start, who[0].end)
    # "The Finnish Air Force (FINAF) will join the Arctic Challenge exercise, from 11 to 27 September,
    # with about ten F/A-18 Hornet fighters": the state that opens the sentence joins with them
    join = _JOINS_WITH_LEFT.search(text, s_start, num.start)
    before_join = [
        c for c in countries if join is not None and c.kind == "country" and s_start <= c.start < join.start()
    ]
    if join is not None and len({c.code for c in before_join}) == 1:
        opener = before_join[0]
        others = [c for c in countries if c.kind == "country" and opener.end <= c.start < num.start]
        if not [c for c in others if c.code != opener.code]:
            return opener.code, (opener.start, opener.end)
    # "Greece is taking part in ... off the coast of Egypt with four F-16s, three helicopters and the
    # frigate Limnos, together with 60 officers": the state that opens the sentence takes part with
    # everything its "with" lists (states named as places on the way are no senders)
    first = next((c for c in countries if c.kind == "country" and c.start == _opening(text, s_start)), None)
    takes_part = _OPENER_TAKES_PART.match(text, first.end, num.start) if first else None
    if (
        first is not None
        and takes_part is not None
        and not re.search(r"[;:]", text[takes_part.end() : num.start])
        and not _IN_ALL_AFTER.match(text, noun.end(), clause[1])
    ):
        others = [
            c
            for c in countries
            if takes_part.end() <= c.start < num.start
            and c.code != first.code
            and not _PLACE_LEAD.search(text[max(s_start, c.start - 18) : c.start])
        ]
        if not others:
            return first.code, (first.start, first.end)
    return None, None


#: After the state that opens a sentence: it takes part "with" what follows ("... has confirmed that it
#: will take part with a combat company and 500 command post personnel").
_OPENER_TAKES_PART = re.compile(
    r"(?:['’]s)?(?:\s+[A-Z][\w-]*){0,3}(?:(?!\band\b)[^.;:,]){0,50}?\b(?:taking\s+part|takes?\s+part|took\s+part|"
    r"participat(?:es|ed|ing|e)|join(?:s|ed|ing)?)\b[^.;:]{0,160}?\bwith\s+"
)


_IN_ALL_AFTER = re.compile(r"[^.;]{0,40}?\b(?:in\s+all|in\s+total|altogether|combined)\b")


def _opening(text: str, s_start: int) -> int:
    """Where the sentence's first word after "The" starts."""
    the = re.match(r"\s*(?:The\s+)?", text[s_start:])
    return s_start + (the.end() if the else 0)


_WITH_FRONTED = re.compile(
    r"\W*With\s+(?:about\s+|some\s+|roughly\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?"
)
_FRONTED_SENDER = re.compile(r"\s*,?\s+(?:the\s+)?")
_FRONTED_VERB = re.compile(
    r"(?:['’]s)?(?:\s+[A-Z][\w-]*){0,3}\s+(?:provides|supplies|contributes|fields|sends|makes\s+up|has|is)\b"
)


#: A force's size given as bare numbers: "The forces mobilised number 800 from South Korea".
_FORCES_NUMBER_LEFT = re.compile(
    r"\b(?:forces|troops|personnel|soldiers|servicemen|participants)\b[^.;]{0,30}\b(?:number|numbered|numbering|"
    r"total|totalled|came\s+to|comes\s+to)\s+(?:about\s+|some\s+|around\s+)?$",
    re.IGNORECASE,
)


_SINGLE_NOUN = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?P<noun>frigate|corvette|destroyer|cruiser|submarine|warship|ship|vessel|"
    r"patrol boat|gunboat|boat|tanker|minesweeper|tank|helicopter|aircraft|jet|fighter|drone)"
    r"(?=\s*(?:[,.;:]|$)|\s+(?:and|are|were|is|was|will|would|took|take|join|joined)\b)",
    re.IGNORECASE,
)
#: "... destroyers and a submarine": an article counts one item in a list of counted items.
_LISTED_SINGLE = re.compile(r"(?:,|\band)\s+(?P<art>an?|one)(?=\s)", re.IGNORECASE)
#: "China committed the ships A and B and one shipborne helicopter", "the Namibian side sent one gunboat"
_SENT_SINGLE = re.compile(
    r"\b(?:sent|sends|committed|commits|deployed|deploys|contributed|contributes|fielded|fields|dispatched)"
    r"\s+(?:[\w-]+\s+){0,6}?(?P<art>one)(?=\s)"
)


def find_singletons(text: str, sentence: tuple[int, int], countries: list[Mention]) -> list[NumberMatch]:
    """ "A Greek frigate", "a Cypriot patrol boat", "... and Australia a frigate": one item of a named
    country's equipment."""
    out = []
    for c in countries:
        if c.demonym:
            art = re.search(r"\b(?:[Aa]n?|[Oo]ne)\s+$", text[max(sentence[0], c.start - 5) : c.start])
            if art is None or not _SINGLE_NOUN.match(text, c.end):
                continue
            a = c.start - len(art.group(0))
            out.append(
                NumberMatch(a, a + len(art.group(0).rstrip()), art.group(0).rstrip(), "exact", value=1)
            )
        else:
            gap = re.match(r"\s+(?:an?|one)(?=\s)", text[c.end : min(sentence[1], c.end + 6)])
            if gap is not None and c.kind != "country":
                continue
            if gap is None or not _SINGLE_NOUN.match(text, c.end + gap.end()):
                continue
            a = c.end + gap.start() + 1
            out.append(NumberMatch(a, c.end + gap.end(), text[a : c.end + gap.end()], "exact", value=1))
    taken = {n.start for n in out}
    for m in _SENT_SINGLE.finditer(text, sentence[0], sentence[1]):
        if m.start("art") not in taken and _SINGLE_NOUN.match(text, m.end("art")):
            taken.add(m.start("art"))
            out.append(NumberMatch(m.start("art"), m.end("art"), "one", "exact", value=1))
    for m in _LISTED_SINGLE.finditer(text, sentence[0], sentence[1]):
        if m.start("art") in taken or not _SINGLE_NOUN.match(text, m.end("art")):
            continue
        if not _HAS_NUMBER_RE.search(text, max(sentence[0], m.start() - 40), m.start()):
            continue  # only inside a list of counted items ("two destroyers and a submarine")
        out.append(NumberMatch(m.start("art"), m.end("art"), m.group("art"), "exact", value=1))
    return out


def _own_mods(countries: list[Mention], num: NumberMatch, noun: re.Match[str]) -> list[Mention]:
    return [c for c in countries if num.end <= c.start < noun.start()]


def _mixed_list(text: str, num: NumberMatch, noun: re.Match[str], quantity: str, limit: int) -> str:
    between = text[num.end : noun.start()].lower()
    counted_together = "units of" in between or "pieces of" in between or noun.group(0).lower() == "armour"
    if quantity in _AIR and _AIR_COMPANION_RE.match(text, noun.end(), limit):
        return "aircraft"  # "40 fighters and tankers": aircraft of several kinds together
    follow = _AFTER_NOUN_LIST.match(text, noun.end(), limit)
    if follow is None or _HAS_NUMBER_RE.search(text, noun.end(), follow.start("noun")):
        return quantity
    if quantity == "troops":
        return quantity  # "more than 1,700 military personnel, aircraft, helicopters and ...": the people
    kinds = {quantity}
    cursor = noun.end()
    while (nxt := _AFTER_NOUN_LIST.match(text, cursor, limit)) and not _HAS_NUMBER_RE.search(
        text, cursor, nxt.start("noun")
    ):
        kinds.add(quantity_of(nxt.group("noun")))
        cursor = nxt.end()
    if len(kinds - {"troops"}) >= 3:
        families = {_FAMILY.get(k, "") for k in kinds}
        if len(families) == 1 and "" not in families:
            return families.pop()  # "1,000 helicopters, planes and drones": aircraft
        return "equipment"  # "tens of thousands of armoured vehicles, helicopters, aircraft and ships"
    other = quantity_of(follow.group("noun"))
    if other == quantity:
        return quantity
    if {quantity, other} <= _AIR:
        return "aircraft"
    if counted_together or noun.group(0).lower().startswith(("units", "pieces")):
        return "equipment"
    return quantity


#: "troops from Russia", "troops came from the United States", "officers and soldiers of the ...".
#: "from" or "of" after a noun: "troops from", "officers and soldiers of the".
_OF_OR_FROM = (
    r"(?:\s+and\s+[a-z]+)?\s+(?:(?:came|come|are|were)\s+)?"
    # "17,500 soldiers were flown in from the United States", "troops deployed from Fort Hood"
    r"(?:(?:were|have\s+been|had\s+been|will\s+be)\s+(?:flown|brought|sent|shipped|airlifted|deployed)"
    r"(?:\s+in)?\s+)?(?:from|of)\s+(?:the\s+)?"
)
_OF_OR_FROM_AFTER_NOUN = re.compile(
    _OF_OR_FROM +
    # "from Team 4 of the Malaysian ...", "of the Armed Forces of the Philippines", "of the Royal Malaysian"
    r"(?:(?:\d{1,3}(?:st|nd|rd|th)\s+)?(?:[A-Z][\w-]*\s+){1,3}(?:(?:division|brigade|regiment|battalion|squadron|fleet)\s+)?"
    r"(?:\d{1,3}\s+)?of\s+"  # ... "soldiers of the 74th Group Army of the PLA"
    r"(?:the\s+)?)?(?:Royal\s+)?"  # ... "paratroopers of the Ivanovo division of Russia's Airborne Troops"
)


_OF_OR_FROM_SHORT = re.compile(_OF_OR_FROM)  # the same words without the unit names after them
_SERVICE_AND = re.compile(r"\s+(?:Navy|Army|Air\s+Force|Marines|Armed\s+Forces|forces)\s+and\s+")


def _country_after_noun(
    text: str, pos: int, limit: int, countries: list[Mention]
) -> tuple[str | None, tuple[int, int] | None]:
    """ "troops from Russia", "members of Japan's Ground Self-Defense Force" (one country only)."""
    # "officers and soldiers of the Mongolian armed forces": a second noun may come first
    m = _OF_OR_FROM_AFTER_NOUN.match(text, pos, limit)
    if m is None:
        return None, None
    first = [c for c in countries if c.start == m.end() and c.kind == "country"]
    if not first:
        # "personnel of the Republic of Fiji Military Forces": a state's name that itself has "of"
        short = _OF_OR_FROM_SHORT.match(text, pos, limit)
        at = short.end() if short else -1
        first = [c for c in countries if c.start == at and c.kind == "country" and c.end > m.end()]
    if not first:
        return None, None
    tail = text[first[0].end : first[0].end + 12]
    # "personnel of the US Navy and the Royal Thai Navy" (not "of the US Army and Marine Corps")
    service_and = _SERVICE_AND.match(text, first[0].end)
    if service_and and any(
        service_and.end() <= c.start < service_and.end() + 20
        and not re.search(r"\d", text[service_and.end() : c.start])
        for c in countries
    ):  # (but "of the US Air Force and 400 of the Philippine Air Force": the next figure's)
        return None, None
    if re.match(r"\s*(?:,|and\b)(?!\s*(?:about\s+|some\s+|around\s+)?\d)", tail) and not first[0].possessive:
        return None, None  # "troops from Kenya, Uganda and ..." is several contingents together
    if _several_after_noun(text, pos, limit, countries):
        return None, None  # "soldiers of the Botswana Defence Force and the Namibian Defence Force"
    return first[0].code, (first[0].start, first[0].end)


def _several_after_noun(text: str, pos: int, limit: int, countries: list[Mention]) -> bool:
    """ "from|of" after the noun names two or more states joined by "and" or commas, before any
    further number: the figure is of them together."""
    m = re.compile(r"\s+(?:from|of)\s+").match(text, pos, limit)
    if m is None:
        return False
    nxt = re.compile(r"\d").search(text, m.end(), limit)
    end = nxt.start() if nxt else limit
    named = sorted(
        # (not a force's initials in brackets: "the Israel Defense Forces (IDF), the United States")
        (
            c
            for c in countries
            if m.end() <= c.start < end and c.kind == "country" and text[c.start - 1] != "("
        ),
        key=lambda c: c.start,
    )
    # only a list that starts the phrase and runs on by commas and "and" ("from Kenya, Uganda and
    # Rwanda"); a state named later in the sentence ("..., continuing the ... with India") is not in it
    chain: list[Mention] = []
    for c in named:
        gap = text[(chain[-1].end if chain else m.end()) : c.start]
        if not re.fullmatch(_LIST_NEXT if chain else r"(?:the\s+)?", gap):
            break
        chain.append(c)
    return len({c.code for c in chain}) > 1


#: Between two states of one list: "Kenya, Uganda and", "the Botswana Defence Force and the Namibian".
_LIST_NEXT = (
    r"(?:\s+[\w-]+){0,3}(?:\s*\([^)]{1,12}\))?\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?"  # "Forces (IDF), the"
    r"(?:(?:armed\s+)?forces\s+of\s+the\s+|Royal\s+)?"  # "..., the Royal ... and the armed forces of the"
)

#: After a state's name: its own group of people ("'s contingent will be made up of", " Army team of").
_CONTINGENT_OF = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:contingent|team|unit|detachment|company|battalion|squad|group|"
    r"delegation|side)\b",
    re.IGNORECASE,
)


#: The figure is of many states together: "personnel and 140 aircraft from 20 nations".
_FROM_MANY_STATES = re.compile(
    r"[^.;]{0,60}?\b(?:from|of)\s+(?:(?:some|about|around|more\s+than|over|nearly|almost)\s+)?"
    r"(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:[a-z]+\s+)?(?:countries|nations|states)\b"
)


#: Words before a state's name that make it a place: "in the UK", "off the coast of Egypt".
_PLACE_LEAD = re.compile(
    r"\b(?:in|at|to|near|into|off|(?:coast|shores?|waters)\s+of)\s+(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?$",
    re.IGNORECASE,
)


def _side_or_subject(
    text: str, num: NumberMatch, clause: tuple[int, int], countries: list[Mention]
) -> tuple[str | None, tuple[int, int] | None]:
    side = _SIDE_RE.search(text, num.end, clause[1])
    if side:
        hit = [c for c in countries if c.start == side.start("who")]
        if hit:
            return hit[0].code, (hit[0].start, hit[0].end)
    before = [
        c
        for c in countries
        if clause[0] <= c.start < num.start
        and c.kind == "country"
        # not a ship named after a state: 'the destroyer "La Argentina"'
        and not (
            re.search(r"[\"“][\w ]{0,4}$", text[max(0, c.start - 6) : c.start])
            and re.match(r"\s*[\"”]", text[c.end : c.end + 3])
        )
    ]
    if not before or _FROM_MANY_STATES.match(text, num.end, clause[1]):
        return None, None  # "... brought together 4,400 personnel from 20 nations": everyone's
    subject = before[-1]
    between = text[subject.end : num.start]
    lead = text[max(clause[0], subject.start - 18) : subject.start]
    if len(before) > 1 and re.fullmatch(
        r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?", text[before[-2].end : subject.start]
    ):
        return None, None  # "Cape Verde, Guinea and Ghana contributed 2,600 men": all of them
    if _PLACE_LEAD.search(lead):
        return None, None  # "will be held in the UK, with some 250 soldiers": a place, not a sender
    # "The Brazilian Air Force (FAB) group, which landed on Saturday, is made up of 75 aviators"
    plain = re.sub(r",\s*(?:which|who)\b[^,]*,", "", re.sub(r"\s*\([^)]{0,12}\)", "", between))
    # "a Nepali team of 334 members", "the Belarusian side more than 80", "The Indian delegation, of 16"
    # ... and "The Chilean contingent, about 80 personnel," (an apposition)
    of_after_comma = re.sub(r",\s*(?=(?:(?:of|numbering|comprising)\s*)?$)", " ", plain)
    if _CONTINGENT_OF.match(plain) and not re.search(r"\b(?:said|says|that)\b|,", of_after_comma):
        return subject.code, (subject.start, subject.end)
    # "the Netherlands with 450 troops", "Japan two ...", "the US Navy with about 5 ships"
    if _SERVICE_WITH.fullmatch(between):
        return subject.code, (subject.start, subject.end)
    if (
        subject.start - clause[0] <= 12
        and re.match(r"(?:['’]s)?\s+(?:side|contingent|share|part|navy|army|air\s+force|forces)\b", between)
        and ":" in between
        and not re.search(r"\b(?:said|says)\b", between)
    ):
        return subject.code, (subject.start, subject.end)  # "The Chinese side draws on ...: eight ships, ..."
    if _REPRESENTED_BY.fullmatch(between):
        return subject.code, (subject.start, subject.end)  # "The Indonesian Army, represented by 45 soldiers"
    if _WHICH_SENDS.fullmatch(between) and CONTRIBUTION_RE.search(between):
        return subject.code, (subject.start, subject.end)  # "with Chile, which is sending 100 troops"
    if _UNIT_WITH.fullmatch(between):
        return subject.code, (subject.start, subject.end)  # "France's 4th Brigade ..., with 100 soldiers"
    if "," in between and not re.search(r"contingent", between, re.IGNORECASE):
        verb = CONTRIBUTION_RE.search(between)
        if verb is None or "," in between[: verb.start()] or re.search(r"\b(?:said|says|that)\b", between):
            return None, None  # "Spain contributes the most, with 2,700": the verb before the comma
    if CONTRIBUTION_RE.search(between) and not re.search(r"\b(?:said|says|that)\b", between):
        return subject.code, (subject.start, subject.end)
    return None, None


_SERVICE_WITH = re.compile(
    r"\s*(?:(?:Navy|Army|Air\s+Force|Marines|Navy\s+and\s+Air\s+Force)\s+)?,?\s*(?:with\s*)?"
)
_REPRESENTED_BY = re.compile(
    r"(?:['’]s)?(?:\s+(?:Army|Navy|Air\s+Force|Armed\s+Forces|Marines|forces|military))?\s*,\s*represented\s+by\s+"
    r"(?:about\s+|some\s+|around\s+)?"
)
_WHICH_SENDS = re.compile(r"\s*,\s*(?:which|who)\s+(?:(?:is|are|was|were|will|has|have)\s+)?[a-z]+\s+")
_UNIT_WITH = re.compile(
    r"(?:['’]s)?\s+[^,;:]{0,60}?\b(?:brigade|regiment|battalion|division|squadron|flotilla|contingent|detachment|"
    r"task\s+force)\b[^,;:]{0,40},\s+with\s+",
    re.IGNORECASE,
)


_FROM_EACH_RE = re.compile(r"\s+(?:from|of|for)\s+each\s+(?:side|country|nation|navy|army|state)\b", re.I)


def _elliptical(
    text: str,
    num: NumberMatch,
    clause: tuple[int, int],
    countries: list[Mention],
    previous: list[RawClaim],
    number_of: list[re.Match[str]],
) -> tuple[str | None, tuple[int, int], str | None, tuple[int, int] | None]:
    """A number without its own noun: "Norway with 300", "and Kazakhstan 350", "brigade numbered 3,200",
    "the number of participants at 1,200"."""
    before = text[max(clause[0], num.start - 40) : num.start]
    for m in number_of:
        if (
            m.end() <= num.start
            and num.start - m.end() < 80
            and not any(m.end() <= p.number.start < num.start for p in previous)
        ):
            mods = [c for c in countries if m.start("mods") <= c.start < m.start("noun")]
            c_code = mods[0].code if len({c.code for c in mods}) == 1 else None
            c_span = (mods[0].start, mods[0].end) if c_code else None
            return quantity_of(m.group("noun")), (m.start("noun"), m.end("noun")), c_code, c_span
    if previous and _FROM_EACH_RE.match(text, num.end, clause[1]):
        # "12 military helicopters, 6 from each country": the noun before, one figure per state
        prior = previous[-1]
        return prior.quantity, prior.noun_span, None, None
    source = _FROM_COUNTRY_RE.match(text, num.end, clause[1])
    # "2,800 servicemen from 8 countries took part: 1,047 from Georgia, ...": a figure from one state
    # counts the people before, never the count of states
    counted = [p for p in previous if p.quantity != "states"]
    if source and counted:
        # "2,300 from the Armed Forces of the Philippines"
        forces = _FORCES_OF.match(text, source.end(), clause[1])
        at = forces.end() if forces else source.end()
        hit = [c for c in countries if c.start == at and c.kind == "country"]
        if hit and _another_state_follows(text, hit[0], countries):
            # "joined roughly 500 from Thailand and Singapore": the two together
            return counted[-1].quantity, counted[-1].noun_span, None, None
        if hit:  # "more than 1,000 servicemen, including about 300 from Russia's ..."
            return counted[-1].quantity, counted[-1].noun_span, hit[0].code, (hit[0].start, hit[0].end)
    if previous and re.match(r"\s+others?\b", text[num.end : clause[1]]) and re.fullmatch(
        r"\s*(?:,|and|,\s*and)\s*", text[previous[-1].noun_span[1] : num.start]
    ):  # "about 204 Mongolian service members and 125 others from Germany, France, ..."
        return previous[-1].quantity, (num.start, num.end), None, None
    if (
        previous
        and _FROM_OTHERS_AFTER.match(text, num.end)
        and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[previous[-1].noun_span[1] : num.start])
    ):  # "about 1,800 US soldiers and several hundred from other countries": the noun is shared
        return previous[-1].quantity, (num.start, num.end), None, None
    if previous and _OF_WHOM_BEFORE.search(text, max(clause[0], num.start - 12), num.start):
        prior = previous[-1]  # "about 5,500 from the Russian armed forces, of whom up to 3,000 ..."
        be = re.match(r"\s+(?:will\s+be|are|were)\s+", text[num.end : clause[1]])
        named = [c for c in countries if be is not None and c.start == num.end + be.end() and c.demonym]
        if named:  # "8,900 in total, of whom 3,800 will be Filipino"
            span = (named[0].start, named[0].end)
            return prior.quantity, span, named[0].code, span
        return prior.quantity, (num.start, num.end), prior.country, prior.country_span
    them = _OF_THEM_RE.match(text, num.end)
    if them:
        people = [c for c in countries if them.group("who") and c.start == them.start("who")]
        if (
            previous
            and previous[-1].quantity == "states"
            and not (people and people[0].demonym)
            and (num.value or 0) <= _MOST_STATES
        ):
            return None, (0, 0), None, None  # "29 countries take part, nine of them, China included, ..."
        # "1,800 troops from 12 countries, roughly 900 of them Spanish": them = the troops
        antecedent = next((p for p in reversed(previous) if p.quantity != "states"), None)
        quantity = antecedent.quantity if antecedent else "troops"
        noun_span = (them.start(), them.end())
        if them.group("who"):
            whose = _state_of_them(text, them, countries)
            if whose:
                return quantity, noun_span, whose.code, (whose.start, whose.end)
        if antecedent is not None and antecedent.country is not None:
            # "2,500 US soldiers ..., over 600 of whom will train there": part of that contingent
            return quantity, noun_span, antecedent.country, antecedent.country_span
        subject, subject_span = _side_or_subject(text, num, clause, countries)
        return quantity, noun_span, subject, subject_span
    unit = _UNIT_NUMBERS_RE.search(before)
    if unit:
        owner = [
            c
            for c in countries
            if clause[0] <= c.start < num.start
            and not re.search(
                r"\b(?:in|at|near|over|across)\s+(?:the\s+)?$", text[max(0, c.start - 9) : c.start]
            )
        ]  # "in Kenya" is where, not whose
        span = (num.start - len(before) + unit.start(), num.start)
        if re.search(r"\b(?:total|overall|whole|entire|combined)\s+(?:force|contingent)\b", before, re.I):
            return "troops", span, None, None  # "the total force comes to almost 10,000": everyone's
        if owner:
            o = owner[-1]
            return "troops", span, o.code, (o.start, o.end)
        if re.match(r"(?:troops|personnel|participants)\b", unit.group(0), re.IGNORECASE):
            return "troops", span, None, None  # "the troops number more than 8,000": everyone's
    if not previous and source and _FORCES_NUMBER_LEFT.search(text, clause[0], num.start):
        # "The forces mobilised number 800 from South Korea and 900 from the US military"
        forces = _FORCES_OF.match(text, source.end(), clause[1])
        at = forces.end() if forces else source.end()
        hit = [c for c in countries if c.start == at and c.kind == "country"]
        if hit and not _another_state_follows(text, hit[0], countries):
            return "troops", (num.start, num.end), hit[0].code, (hit[0].start, hit[0].end)
    if not previous:
        joins = _TAKES_PART_WITH.search(text, clause[0], num.start)
        taking = [
            c for c in countries if joins is not None and c.kind == "country" and c.end == joins.start()
        ]
        if joins is not None and taking:  # "Brazil is taking part with 17"
            return "troops", (num.start, num.end), taking[0].code, (taking[0].start, taking[0].end)
        return None, (0, 0), None, None
    prior = previous[-1]
    if prior.quantity == "states" and (num.value or 0) > _MOST_STATES:
        # "27,000 soldiers from 22 countries, 13,000 of them from Poland, 10,000 from the United States"
        prior = next((p for p in reversed(previous) if p.quantity != "states"), prior)
    if re.match(r"\s+in\s+(?:19|20)\d\d\b", text[num.end : clause[1]]) and re.search(
        r"\band\s+$", text[prior.number.end : num.start]
    ):
        return prior.quantity, prior.noun_span, None, None  # "1,900 took part in 2019 and 1,600 in 2018"
    lead = [c for c in countries if prior.number.end <= c.start < num.start and c.kind == "country"]
    if not lead:
        return None, (0, 0), None, None
    who = lead[-1]
    if any(c.start == num.end + 1 for c in countries):
        return None, (0, 0), None, None  # "4,000 Filipino, 3,500 American and ...": its own state follows
    gap = text[who.end : num.start]
    verbs = r"with|sent|sending|will send|contributed|provided|fielded|alone|by"  # "Namibia by ten"
    if re.fullmatch(rf"\s*,?\s*(?:{verbs})?\s*", gap):
        return prior.quantity, prior.noun_span, who.code, (who.start, who.end)
    return None, (0, 0), None, None


def _shared_noun(
    text: str, num: NumberMatch, numbers: list[NumberMatch], clause: tuple[int, int], countries: list[Mention]
) -> tuple[str | None, tuple[int, int], str | None, tuple[int, int] | None]:
    """ "150 Lao and 200 Cambodian personnel": the first number shares the noun of the second."""
    m = _SHARED_RE.match(text, num.end, clause[1])
    if m is None:
        return None, (0, 0), None, None
    who = [c for c in countries if c.start == m.start("who")]
    following = next((n for n in numbers if n.start == m.end()), None)
    noun = None
    for _ in range(6):  # "4,000 Filipino, 3,500 American and 50 Australian soldiers": the list's last noun
        if following is None:
            break
        noun = _noun_after(text, following.end, clause[1])
        nxt = _SHARED_RE.match(text, following.end, clause[1]) if noun is None else None
        following = next((n for n in numbers if nxt is not None and n.start == nxt.end()), None)
    if noun is None or not (who or m.group("who").islower()):
        return None, (0, 0), None, None
    if not who:  # "14,000 ground, 8,000 naval and 8,000 air personnel": services, no state
        return quantity_of(noun.group(0)), (noun.start(), noun.end()), None, None
    return quantity_of(noun.group(0)), (noun.start(), noun.end()), who[0].code, (who[0].start, who[0].end)


_SHARED_RE = re.compile(
    r"\s+(?P<who>[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*){0,2}|ground|naval|air|land|sea|maritime|marine|army|navy)"
    r"\s*(?:,\s*(?:and\s+)?|\s+(?:and|or)\s+)"  # "50,000 South Korean and 30,000 American troops"
)
#: After a demonym that stands for people: "32 Chinese who will train", "3,800 will be Filipino".
_PEOPLE_DEMONYM_END = re.compile(r"\s*(?:[,.;]|$|\s+(?:and|who|will|are|were|took|take|taking|troops?)\b)")
_RELAYED_SPEAKER = re.compile(
    r",\s*(?:[A-Z][\w.'’-]*\s+){1,4}[A-Z][\w'’-]+,[^.;\"“]{0,120}?,\s*(?:said|told|stated)\b"
)
_STATES_NOUN_BEFORE = re.compile(
    r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|member|partner|other|several|many|"
    r"all|some|these|those|participating|neighbouring|neighboring|Baltic|Gulf|Arab|African|European|[A-Z]{2,}))\s+$"
)
_NEGATED_RE = re.compile(r"(?:\bnot|n't|\bnever|declined to|refused to|would not)\s+$", re.IGNORECASE)


#: A document named with its issuer: "a statement that the Turkish General Staff posted on its
#: website", "a press release issued by the Navy".
_OFFICIAL_TITLE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|minist(?:er|ry)|commander|general|admiral|colonel)\b", re.IGNORECASE
)
_DOCUMENT_OF = re.compile(
    r"(?:(?:a|an|the)\s+(?:statement|press\s+release|release|communiqu[eé]|post|notice)|data|figures|information)\s+"
    r"(?:that|which|issued\s+by|released\s+by|published\s+(?:by|on)|posted\s+(?:by|on)|from|by)\s+"
    r"(?P<who>(?:the\s+)?[A-Z][^,.;]*?)(?=\s+(?:posted|issued|published|released|put\s+out|had|has)\b|$)"
)


def find_attributions(text: str, sentence: tuple[int, int]) -> list[Attribution]:
    """Claimant phrases in one sentence, each with the clause it belongs to."""
    s_start, s_end = sentence
    spans = clauses(text, s_start, s_end)
    out: list[Attribution] = []
    for m in ACCORDING_RE.finditer(text, s_start, s_end):
        if re.search(
            r"\b(?:said|says|told\s+\w+|added)\s*,\s*$", text[max(s_start, m.start() - 20) : m.start()]
        ):
            continue  # "Shoigu said, according to Interfax": the outlet relays; Shoigu is the claimant
        who = m.group("who").strip()
        a = m.start("who")
        issuer = _DOCUMENT_OF.match(who)
        if issuer:  # "a statement that the Turkish General Staff posted on its website": its issuer
            a, who = a + issuer.start("who"), issuer.group("who")
        if _RELAYED_SPEAKER.match(text, m.end(), s_end):
            continue  # "According to the Avesta agency, Faridun Mahmadaliev, head of ..., said": he speaks
        out.append(Attribution(a, a + len(who), who, _clause_of(spans, m.start())))
    for m in SPEECH_RE.finditer(text, s_start, s_end):
        if _NEGATED_RE.search(text[max(s_start, m.start() - 15) : m.start()]):
            continue  # "he did not say how many"
        if re.search(r"\b(?:is|are|was|were|been|being)\s+$", text[max(s_start, m.start() - 8) : m.start()]):
            continue  # "50 in all, were said to have joined", "is estimated at": no one named
        noun_before = _STATES_NOUN_BEFORE.search(text, max(s_start, m.start() - 20), m.start())
        if m.group(0) == "states" and noun_before:
            continue  # "Six NATO states and three other countries began": the noun, not the verb
        clause = _clause_of(spans, m.start())
        phrase = _speaker_before(text, clause[0], m.start())
        after = _SPEAKER_AFTER.match(text, m.end(), s_end)
        relative = re.search(r",\s*(?:who|which)\b[^,]*,\s*$", text[clause[0] : m.start()])
        official = after is not None and _OFFICIAL_TITLE.search(after.group("who")) is not None
        if relative and after is not None and after.end() >= s_end - 1 and official:
            relative = None  # "..., which started over the weekend, said defence ministry spokesman X."
        if (
            after is not None
            and not relative  # "Capt. Jeff Davis, who directs press operations, said the exercise ..."
            and not m.group(0).lower().startswith(("told", "tell"))  # "X, a spokesman, told The AP"
            and re.search(r"[,\"”’]\s*$", text[max(s_start, m.start() - 3) : m.start()])
        ):
            # "Indonesia will commit 5,000 soldiers, said First Admiral Agus Heyana, commander of ..."
            phrase = (after.start("who"), after.end("who"))
        if phrase is None:
            continue
        a, b = phrase
        if any(x.start <= a < x.end for x in out):
            continue
        citing = CITING_RE.match(text, m.end())
        if citing:
            cited = citing.group("who").strip()
            out.append(Attribution(citing.start("who"), citing.start("who") + len(cited), cited, clause))
            continue
        out.append(Attribution(a, b, text[a:b], clause))
    return out


#: The speaker after an inverted reporting verb: ", said First Admiral Agus Heyana," (a name or a
#: title of a few words, up to the next comma or the end of the sentence).
_SPEAKER_AFTER = re.compile(r"\s+(?P<who>(?:the\s+|[A-Z])[^,.;\"“”\d]{1,80}?)(?=\s*[,.;]|\s*$)")
_SEGMENT_BREAK = re.compile(r",|\bthat\b|\band\b(?=\s+(?:said|says|added))|;")


def _speaker_before(text: str, clause_start: int, verb_start: int) -> tuple[int, int] | None:
    """The noun phrase right before a reporting verb, skipping "which ..."/"speaking ..." asides."""
    segments: list[tuple[int, int]] = []
    pos = clause_start
    for brk in _SEGMENT_BREAK.finditer(text, clause_start, verb_start):
        segments.append((pos, brk.start()))
        pos = brk.end()
    segments.append((pos, verb_start))
    for i in range(len(segments) - 1, -1, -1):
        a, b = segments[i]
        seg = text[a:b]
        stripped = seg.strip()
        quote = len(stripped) - len(stripped.lstrip("\"“”'’ "))  # '"We are ready," he said'
        if quote:
            a, stripped = a + (len(seg) - len(seg.lstrip())) + quote, stripped[quote:]
            seg = text[a:b]
        if not stripped:
            continue
        first = stripped.split()[0].lower()
        if first in ("which", "who", "whom") or (first.endswith("ing") and first not in ("king",)):
            continue
        words = stripped.split()
        # "the information and mass communications department of Russia's defence ministry": a long title
        long_title = first == "the" and len(words) <= 13 and _BODY_HEAD.search(stripped)
        if (len(words) > 9 and not long_title) or re.search(r"\d", stripped):
            return None
        if first in ("and", "but", "also"):
            return None
        lead = len(seg) - len(seg.lstrip())
        titled = i > 0 and _TITLE_BEFORE.fullmatch(text[slice(*segments[i - 1])])
        if titled and _NAME_ONLY.fullmatch(stripped):
            # "the Indian army chief, General J J Singh, was quoted": the title says whose he is
            pa, pb = segments[i - 1]
            return pa + len(text[pa:pb]) - len(text[pa:pb].lstrip()), a + lead + len(stripped)
        return a + lead, a + lead + len(stripped)
    return None


_BODY_HEAD = re.compile(
    r"\b(?:ministry|department|command|service|office|directorate|headquarters)\s*$", re.IGNORECASE
)
#: A person's name with an optional rank ("General J J Singh"), and the title before it.
_NAME_ONLY = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]+")
_TITLE_BEFORE = re.compile(r"\s*the\s+[\w'’ -]{3,60}")
