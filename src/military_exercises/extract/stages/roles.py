"""Stage: participants and roles. Which states take part, host or observe, from the words around each
group of country mentions, and "the two countries" resolved to the participants."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from military_exercises.extract import entities as en
from military_exercises.extract.model import Draft, Evidence, evidence_at
from military_exercises.extract.sentences import Sentence

EXERCISE_RE = re.compile(
    r"\b(?:exercises?|drills?|manoeuvres?|maneuvers?|war[ -]?games|wargames|training|patrols?|"
    r"readiness check|rehearsals?|edition|landing|live-fire|sorties|field training)\b",
    re.IGNORECASE,
)
_N_COUNTRIES = re.compile(
    r"\b(?:(?:the\s+)(?P<n>two|three|four|five|six)|(?P<both>both))\s+"
    r"(?:countries|nations|sides|navies|armies|militaries|allies|governments|states)\b",
    re.IGNORECASE,
)
_NUMBERS_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_PARTICIPANT_NOUN = re.compile(
    r"^\s*(?:['’]s\s+)?(?:(?!(?:that|which|who|where|when)\b)[\w'’-]+(?<!ed)(?<!ing)\s+){0,3}?(?:troops|forces|army|armies|navy|navies|air\s+forces?|military|"
    r"soldiers|units|marines|paratroopers|engineers|special\s+forces|servicemen|sailors|contingents?|side|"
    r"coast\s+guards?|"
    r"warships|ships|submarines|frigates|corvettes|jets|fighters|aircraft|border\s+guards|"
    r"self-defense\s+force|self-defence\s+force|fleet|revolutionary\s+guards|armed\s+forces|brigade|"
    r"company|battalion|commandos|rapid\s+reaction)\b",
    re.IGNORECASE,
)
_PARTICIPATION_VERB = re.compile(
    r"\b(?:took part|take part|taking part|takes part|participat\w*|joined|join|joins|sent|send|sends|"
    r"sending|deploy\w*|contribut\w*|field\w*|host\w*|hold|held|holding|holds|launch\w*|began|begin|"
    r"begins|opened|open|stag\w*|conduct\w*|carry\w*|carried|exercis\w*|drill\w*|train\w*|rehears\w*|"
    r"provide|provides|providing|concluded|wrapped up|gathered|flew|built|practis\w*|practic\w*|"
    r"trying again|will also take part|converging|arrived|patrol\w*|became\s+a\s+(?:\w+\s+)?member|"
    r"(?:is|are|was|were|will\s+be)\s+(?:also\s+)?involved)\b",
    re.IGNORECASE,
)
_JOIN_VERB = re.compile(
    r"\b(?:took part|take part|taking part|participat\w*|joined|sent|send|sending|deploy\w*|contribut\w*|"
    r"held|holding|launched|began|staged|conducted)\b",
    re.IGNORECASE,
)
_CRITIC = re.compile(
    r"\b(?:criticis\w*|criticiz\w*|condemn\w*|denounc\w*|protest\w*|warn\w*|accus\w*|scrambled|objected|objects|"
    r"monitoring|tracking|declined|declines|refused|refuses|in response|threat\w*|invaded|invasion)\b",
    re.IGNORECASE,
)
_NOT_PARTICIPANT_LEFT = re.compile(
    r"(?:border\s+with|bordering|near|crossing\s+from|threat\s+from|against|neighbouring|neighboring|"
    r"toward|towards|into|around|from\s+neighbouring|purchase\s+from|bought\s+from|between|"
    r"embarrassed|(?:attacks?|aggression|invasion|incursion|threats?|strikes?)\s+(?:by|from)|"
    r"(?:enemy|adversary|aggressor)\s+(?:such\s+as|like)|withdraw\w*\s+from|leave|leaves|left|"
    r"visit(?:ing|ed|s)?|tour(?:ing|ed)?|trip\s+to|experience\s+(?:from|in|of)|lessons\s+(?:from|of)|"
    r"failure\s+in|serve\s+together\s+in)\s+(?:the\s+)?$"
    # "US Africa Command, which is based in Germany", "events in Ukraine", "interest in Venezuela",
    # "its two neighbours, China and Russia"
    r"|\b(?:based|headquartered|stationed|war|conflict|events|fighting|crisis|interest|the\s+one)\s+in\s+(?:the\s+)?$"
    r"|\b(?:intervention|occupation|annexation|incursion)\s+in\s+(?:(?:eastern|western|northern|southern)\s+)?(?:the\s+)?$"
    # "a base once used by Russian troops"
    r"|\b(?:once|formerly|previously)\s+(?:used|occupied|held)\s+by\s+(?:the\s+)?$"
    # "islands claimed in whole or in part by China, Taiwan, ...", "The SCO groups six countries, A, B, ..."
    r"|\bclaimed\s+(?:[\w ]{0,30}\s)?by\s+(?:the\s+)?$"
    r"|\b(?:groups|grouping|comprises)\s+(?:\w+\s+){0,3}(?:countries|states|members|nations)\s*[,:]\s*(?:the\s+)?$"
    # "an earthquake on Carana, an invented island off Somalia": the scenario's map
    r"|\b(?:invented|imaginary|fictional|fictitious|notional)\b[^.;]{0,30}\b(?:off|near|in|of)\s+(?:the\s+)?$"
    # "pointing to Libya and Afghanistan as examples", "if Japan joined", "whether Japan could take part"
    r"|\b(?:pointing|pointed|points)\s+to\s+(?:the\s+)?$|(?<!\beven\s)\b(?:if|whether|unless)\s+(?:the\s+)?$"
    r"|\bneighbou?rs\s*,\s*(?:the\s+)?$"
    r"|\bin\s+the\s+face\s+of\s+(?:the\s+)?$"  # "to show solidarity in the face of Russia"
    # "tension with Iran", "aimed at Taiwan", "attache to Ghana", "an attack on Russia", "air strikes on
    # Yugoslavia", "states that border Russia", "threatened by Russia's activities"
    r"|\b(?:tensions?\s+with|aimed\s+at|directed\s+at|targeted\s+at|namely|attach[eé]\s+to|ambassador\s+to|"
    r"envoy\s+to|(?:attacks?|strikes?|raids?)\s+(?:on|against)|bombing\s+of|invasion\s+of|borders?|bordered\s+by|"
    r"(?:threatened|menaced|provoked)\s+by|holding|peacekeeping\s+(?:missions?\s+)?in|veterans?\s+of|"
    # "every CSTO country except Armenia", "the Islamic State group in Iraq", "actions by North Korea",
    # "developments in Yemen", "nothing to do with China's", "300 kilometres from Taiwan"
    r"except|excluding|apart\s+from|other\s+than|(?:group|militants|insurgents|rebels)\s+in|"
    r"(?:actions|provocations|activities|moves)\s+(?:by|of|from)|(?:developments|situation)\s+in|"
    r"nothing\s+to\s+do\s+with|not\s+(?:aimed|directed|targeted)\s+at|(?:kilometres|kilometers|km|miles)\s+from|"
    # "a step that has angered China", "the area it disputes with Japan", "a war with India", "occupied
    # by Russia", "a mock-up of the US aircraft carrier", "funded by the Americans"
    r"(?:angered|angering|irritated|irritating|alarmed|alarming|upset|upsetting|intimidat\w*)|disputes?\s+with|"
    r"(?:war|wars|conflict|confrontation)\s+with|(?:occupied|annexed|funded|financed|sponsored)\s+by|"
    r"mock-?ups?\s+of|replicas?\s+of|"
    # "preparing for missions in Afghanistan and Bosnia", "will also call at ports in Thailand"
    r"(?-i:missions)\s+in|(?-i:ports)\s+in|"
    # "the column will cross Slovenia", "bought second-hand from South Korea", "a reaction from US
    # President X", "went to war over Taiwan", "NATO's Joint Warfare Centre in Stavanger, Norway"
    r"cross(?:es|ed|ing)?|transit(?:s|ed|ing)?\s+(?:through|across)|bought\s+(?:[\w-]+\s+)?from|"
    r"reactions?\s+from|(?:war|wars|conflict|dispute|tensions?)\s+over|"
    r"(?-i:Cent(?:re|er))\s+in\s+[A-Z][\w'’.-]*,)\s+"
    r"(?:the\s+)?(?:especially\s+)?$",
    re.IGNORECASE,
)
#: "co-hosted by X and Y", "led by X", "organised by X": the leads are hosts.
_HOST_LEFT = re.compile(
    r"\bhost\s+(?:country|nation|state|countries|nations|states),?\s+$|"
    r"\b(?:co-?)?(?:hosted|led|organi[sz]ed|directed|conducted|sponsored)\s+(?:jointly\s+)?by\s+(?:the\s+)?"
    r"(?:[\w'’-]+(?:\s+[\w'’-]+){0,3}\s+(?:and|&)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
#: "X and Y have co-led it since then", "X, which co-hosts the drills".
_COLEAD_RIGHT = re.compile(
    r"^[^;.]{0,100}?\bco-?(?:le[ad]\w*|host\w*|organi[sz]\w*|chair\w*)\b", re.IGNORECASE
)
#: A list of states after words that say they take part: "The participating nations include A, B and C".
_LIST_LEFT = re.compile(
    r"\b(?:participating|participants?|participation|taking\s+part|take\s+part|took\s+part|"
    r"joined\s+by|alongside|along\s+with|together\s+with|(?:countries|nations|states)\s+(?:are|were|include|included)|"
    r"includ(?:e|es|ed|ing)|br(?:ought|ings|inging)\s+together|among\s+them|(?:also\s+)?c(?:a|o)me\s+from|coming\s+from|"
    r"(?:widened|expanded|extended|opened\s+up)\s+to|(?:partners|participants)\s+(?:are|were|include)|"
    r"(?:countries|nations|states)\s+(?:took|take|taking)\s+part\s*:|"
    r"(?:countries|nations)\s+such\s+as)\b[^.;]{0,60}$"
    # "the armed forces of A, B and C", "on the Western side the United States, Austria, ..."
    r"|\b(?:contingents|forces|troops|units|navies|armies|militaries|personnel|exercises|drills|manoeuvres|"
    r"maneuvers|teams|delegations|soldiers|sailors|officers|ships|warships|vessels|aircraft|jets|military\s+might)\s+(?:of|from)\s+"
    r"(?:the\s+)?$"
    r"|\bon\s+the\s+[\w-]+\s+side\s+(?:the\s+)?$"
    # "six NATO nations (Canada, ...) and nine partner nations (Armenia, Austria, ...)"
    r"|\b(?:nations|countries|states|members|partners)\s*\(\s*$"
    # "the forces of 26 allied and partner countries: Albania, Austria, ..."
    r"|\b\d+\s+(?:[\w-]+\s+){0,3}(?:nations|countries|states)\s*:\s*(?:the\s+)?$"
    # "the other navies in this part were those of Brazil, Canada, ..."
    r"|\b(?:contingents|forces|troops|units|navies|armies|militaries|participants|teams|delegations)\b"
    r"[^.;]{0,40}\b(?:were|are|included|include)\s+those\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: "units from neighbouring Belarus will also take part": forces from a neighbour, not the neighbour
_FORCES_FROM_NEIGHBOUR = re.compile(
    r"\b(?:units|troops|forces|soldiers|contingents?|servicemen)\s+from\s+neighbou?ring\s+$", re.IGNORECASE
)
_BETWEEN_PARTNERS = re.compile(
    r"(?:\b(?:exercises?|drills?|training|programme|program|manoeuvres|maneuvers|war\s?games|patrols?|"
    r"interoperability|coordination|cooperation|event)\s+(?:of\s+this\s+kind\s+|of\s+its\s+kind\s+)?"
    # "The first African Lion was launched in 2007 between Morocco and the United States"
    r"|\b(?:launched|held|started|began|begun|staged|conducted)\s+in\s+(?:19|20)\d\d\s+|\balternating\s+"
    # "a large exercise held every two years between Australia and the United States"
    r"|\b(?:held|staged|conducted|run)\s+(?:every\s+(?:\w+\s+)?years?|annually|yearly|biennially|each\s+year|jointly)\s+)"
    r"between\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:and\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_OWN_CONTRIBUTION = re.compile(
    r"\s*(?:(?:said|says|announced|stated|added|confirmed)\s+)?(?:that\s+)?(?:it|they)\s+(?:had\s+|has\s+|have\s+|would\s+|will\s+|was\s+)?"
    r"(?:sent|sending|send|deployed|deploying|deploy|dispatched|contributed|committed|fielded)\b",
    re.IGNORECASE,
)
#: "The seven countries sending their armed forces are A, B and C".
_SENDING_LIST_LEFT = re.compile(
    r"\b(?:countries|nations|states|participants)\b[^.;]{0,45}?\b(?:are|were|include[sd]?)\s*:?\s*(?:the\s+)?$"
    r"|\b(?:from|of)\s+(?:[\w-]+\s+){0,2}(?:countries|nations|states|nationalities)\s*[,:]\s*(?:namely\s+)?"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)  # also "personnel from eight countries, Kazakhstan, Britain, ..."
#: "The ten observing countries are A, B and C", "observers: A, B".
_OBSERVER_LIST_LEFT = re.compile(
    r"\bobserv(?:e|er|ers|ing)\b[^.;]{0,40}?(?:\b(?:are|were|include[sd]?|from|among\s+them)|:)\s*(?:the\s+)?$"
    # "attending as observers, among them Arab states such as Egypt, Jordan and ..."
    r"|\bobservers?\b,?\s+(?:among\s+them|including)\s+(?:[\w-]+\s+){0,3}?(?:such\s+as\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
#: A dateline at the start of a report: "KIEL, Germany -", "MANILA (Reuters) -".
_DATELINE_LEFT = re.compile(r"^[A-Z][A-Z .'’-]{1,40},\s*$")
_DATELINE_RIGHT = re.compile(r"^\s*(?:\([^)]{0,40}\)\s*)?[-—–:]")
_NOT_PARTICIPANT_RIGHT = re.compile(
    r"^(?:['’]s)?\s*(?:border(?!\s+(?:guards?|troops|service|police|forces))|frontier|-made|-built|-designed|"
    r"-supplied|coast\b(?!\s+guards?\b))"
    # "France 24", "Afghan Taliban units", "two American tourists", "The Indian Express", "the Panama
    # Naval Conference": an outlet, armed groups, civilians, a paper, a meeting named after a state
    r"|^\s+(?:war|conflict)\b|^-[A-Z][\w'’]*\s+(?:war|conflict)\b"  # "the Iran-Iraq war"
    r"|^\s+(?:24\b|veterans?\b|(?:\w+\s+)?(?:Taliban|rebels?|insurgents?|militants?|separatists?|terrorists?|jihadists?|"
    r"tourists?|civilians?|residents?|journalists?|citizens?|nationals?|students?|refugees?)\b|"
    r"(?:Express|Times|Post|Herald|Tribune|Gazette|Today|States)\b|(?:Naval\s+)?(?:Conference|Canal|Papers|Agreement|"
    r"Accords?|Treaty|Declaration|Protocol)\b"
    # "the Czech news agency ČTK", "China News Service", "the Netherlands Antilles" (a territory)
    r"|(?:state\s+)?(?:news|press)\s+(?:agency|service)|state\s+(?:media|television|TV)|broadcaster|Antilles)\b",
    re.IGNORECASE,
)
_OWN_EXERCISE_RIGHT = re.compile(
    r"^(?:['’]s)?\s*(?:[\w'’-]+\s+){0,3}?(?:said|says|announced|announces)\s+(?:that\s+)?(?:its|their)\s+"
    # "Jordan has announced the start of military manoeuvres"
    r"|^(?:['’]s)?\s*(?:[\w'’-]+\s+){0,3}?(?:has\s+|have\s+)?(?:announced|declared|launched)\s+the\s+"
    r"(?:start|launch|opening|beginning)\s+of\b"
)
_LOCATION_LEFT = re.compile(
    r"(?:\b(?:in|at|on|across|off|inside|within|over|through)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|north-?west|north-?east|south-?west|south-?east)(?:ern)?\s+)?"
    r"|\b(?:region|province|oblast|krai|state)\s+of\s+)$",
    re.IGNORECASE,
)
#: "observers from", "military attachés from China", "observers from other countries such as Chile".
_OBSERVERS_FROM_LEFT = re.compile(
    r"\b(?:attach[eé]s\s+from\s+|observers\s+from\s+(?:(?:\w+\s+){0,3}(?:such\s+as|including|like)\s+)?)"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_OBSERVER_RIGHT = re.compile(
    r"^(?:\s*(?:,|and)?\s*)?\s*(?:[\w-]+\s+){0,7}?"
    r"(?:(?:send|sending|sent|sends|dispatch\w*|is sending|will send)?"
    r"\s*(?:its\s+own\s+|military\s+|as\s+an?\s+)?(?:observers?|inspectors)\b|(?:invited|asked)\s+to\s+observe\b|"
    r"(?:is|are|was|were)\s+(?:also\s+)?(?:observing|watching)\b|(?:will|would|to)\s+observe\b)",
    re.IGNORECASE,
)
_NOT_TAKING_PART = re.compile(
    r"^[^.;]{0,40}?\b(?:chose\s+not\s+to|(?:did|do|does|will|would)\s+not|didn['’]t|won['’]t|declined\s+to|"
    r"refused\s+to|opted\s+not\s+to|used\s+to)\s+(?:send|take\s+part|participate|join|attend|contribute)"
    # "Cambodia is not taking part this year", "Myanmar ... will stay away"
    r"|^[^.;]{0,40}?\b(?:(?:is|are|was|were)\s+not\s+(?:taking\s+part|participating|joining)|stay(?:s|ed)?\s+away|"
    r"(?:is|are|will\s+be)\s+absent|in\s+no\s+(?:state|position)\s+to\s+(?:take\s+part|participate|join)|"
    r"(?:is|are|was|were)\s+unable\s+to\s+(?:take\s+part|participate|join))\b"
    r"|^[^.;]{0,30}?\btook\s+part\s+(?:in\s+the\s+past|before|previously)\s+but\s+not\b"
    # "Argentina had been expected but withdrew at the last minute"
    r"|^[^.;]{0,40}?\b(?:withdrew|pulled\s+out|backed\s+out|dropped\s+out)\b"
    # "Argentina was meant to take part but missed the chance"
    r"|^[^.;]{0,20}?\b(?:was|were|had\s+been)\s+(?:meant|supposed|due|expected)\s+to\s+(?:take\s+part|participate|join)"
    r"\s+but\b"
    # "The Maldives had planned to join but turned down India's invitation"
    r"|^[^.;]{0,60}?\b(?:turned\s+down|declined|rejected)\s+(?:[\w'’]+\s+){0,2}?invitation\b",
    re.IGNORECASE,
)
#: "troops from the United States and China taking part and observers from eight others watching"
_TAKING_PART_RIGHT = re.compile(
    r"\s+(?:are\s+|were\s+)?(?:taking|took|take)\s+part\b(?!\s+as\s+(?:an?\s+)?observers?)", re.IGNORECASE
)
_OTHER_EVENT_IN = re.compile(
    r"\b(?:parade|summit|talks|conference|meeting|visit|funeral|ceremony|forum|press\s+conference)\s+in\s+$",
    re.IGNORECASE,
)
_SHIP_NAME_RIGHT = re.compile(r"\s+[A-Z]{2,5}\s+[A-Z][a-z]")  # a navy's prefix and a name: "ITS Carabiniere"
_OFFICIAL_RIGHT = re.compile(
    r"^\s+(?:Premier|President|Prime\s+Minister|Foreign\s+Minister|Chancellor|King|Emperor|Ambassador)\b"
)
_HOST_RIGHT = re.compile(
    r"^\s*(?:[\w'’-]+\s*){0,2}?(?:,\s*which\s+)?(?:\w+\s+){0,2}?(?:host(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)
_HOLDS_RIGHT = re.compile(
    r"(?:['’]s\s+(?:armed\s+forces|military|army|navy))?\s+(?:will\s+(?:hold|stage|conduct)|holds|is\s+holding|"
    r"is\s+to\s+hold|plans\s+to\s+hold)\s+(?:the|a|an|its)?\s*(?:[\w-]+\s+){0,3}?"
    r"(?:exercises?|drills?|manoeuvres|maneuvers|war\s+games)\b",
    re.IGNORECASE,
)
_WITH_PARTNER = re.compile(r"\b(?:exercises?|drills?|manoeuvres|training)\s+with\s+(?:the\s+)?[A-Z]")
_FORCE_WORDS = re.compile(r"\b(?:contingents?|troops|forces|units|soldiers|personnel|warships)\b", re.I)
_LED_RIGHT = re.compile(r"^-(?:led|hosted)\b", re.IGNORECASE)
_GROUP_JOIN = re.compile(
    r"^\s*(?:\([^()]{0,90}\)\s*)?(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+)?(?:host\s+)?$"
    # "Russia and its ally Belarus"
    r"|^\s*,?\s*and\s+(?:its|their)\s+(?:close\s+)?(?:ally|allies|partner)\s+$"
    r"|^\s*,?\s*as\s+well\s+as\s+(?:the\s+)?$",  # "A, B and C, as well as D, E and F"
    re.IGNORECASE
)  # "Canada, Chile (one observer), France (...), the United Kingdom"
#: One list item the tables do not know ("Fiji, New Caledonia, Malaysia", "the Dutch Caribbean,
#: Antigua"): the list goes on across it.
_GROUP_JOIN_OVER = re.compile(
    r"^\s*(?:,\s*(?:and\s+)?(?:the\s+)?)?(?:[A-Z][\w'’.-]*\s*){1,3},\s*(?:and\s+)?(?:the\s+)?$"
    # "..., the Democratic Republic of Congo", "..., the former Yugoslav Republic of Macedonia"
    r"|^\s*,\s*(?:and\s+)?(?:the\s+)?(?:(?:former|of|[A-Z][\w'’.-]*)\s+){1,5}$"
)


def _country_groups(text: str, mentions: list[en.Mention]) -> list[list[en.Mention]]:
    groups: list[list[en.Mention]] = []
    current: list[en.Mention] | None = None  # the group a list goes on in
    for m in mentions:
        if m.kind != "country":
            continue
        gap = text[current[-1].end : m.start] if current else ""
        if current and gap.count("(") > gap.count(")"):
            groups.append([m])  # "France (with its forces in French Polynesia), ...": an aside in a list
            continue
        joined = _GROUP_JOIN.match(gap) or _GROUP_JOIN_OVER.match(gap)
        if current and joined and not current[-1].possessive:
            current.append(m)
        else:
            current = [m]
            groups.append(current)
    return groups


def _classify(text: str, sent: Sentence, group: list[en.Mention]) -> str:
    """participant | observer | location | host | speaker | other, for one group of country mentions."""
    s, e = sent.span
    first, last = group[0], group[-1]
    clause = next(((a, b) for a, b in sent.clause_spans if a <= first.start <= b), (s, e))
    left = text[max(clause[0], first.start - 60) : first.start]
    right = text[last.end : min(clause[1], last.end + 80)]
    if _DATELINE_LEFT.match(text[s : first.start]) and _DATELINE_RIGHT.match(text[last.end : e]):
        return "other"  # "KIEL, Germany - ...": where the report was filed
    if _LED_RIGHT.match(right) or _HOST_LEFT.search(left):
        return "host"  # "the US-led exercise", "co-hosted by Germany and Denmark"
    if first.demonym and re.match(
        r"\s+(?:(?:town|city|port|village|region|province|county|prefecture|district)\b|state\s+of\b)", right
    ):
        return "location"
    if _BETWEEN_PARTNERS.search(left) or _FORCES_FROM_NEIGHBOUR.search(left):
        return "participant"  # "a training programme between the United States and Niger"
    if _NOT_PARTICIPANT_RIGHT.match(right) or _NOT_PARTICIPANT_LEFT.search(left):
        return "other"
    if _OWN_EXERCISE_RIGHT.match(right):
        return "host"  # "Russia says its exercise ..."
    colead = _COLEAD_RIGHT.match(text[last.end : e])
    if (
        colead
        and not _LOCATION_LEFT.search(left)
        and not re.match(r"\s+by\b", text[last.end + colead.end() : e])
    ):
        return "host"  # "Egypt and US Central Command have co-led it"
    if _HOST_RIGHT.match(right) or re.match(r"\s*,\s*(?:the\s+)?host\b", right):
        return "host"  # "Norway hosts ...", "Morocco, the host country, ..."
    if len(group) == 1 and not first.demonym and _HOLDS_RIGHT.match(right) and not re.search(r"\S", left):
        return "host"  # "Russia will hold the exercise Vostok-2018 ...": the state that opens the sentence
    if re.match(r"^\s*(?:[\w'’-]+\s*){0,2}?,\s*which\s+(?:co-?)?organi[sz]es", right):
        return "participant"
    for att in sent.attributions:
        if att.start <= first.start < att.end:
            # "Philippine officials said ... an exercise with the United States": the speaker's side;
            # "India's defence ministry said it had sent a contingent": the speaker's own forces
            if _WITH_PARTNER.search(text, att.end, e) or _OWN_CONTRIBUTION.match(text, att.end, e):
                return "participant"
            return "speaker"
    if _NOT_TAKING_PART.search(right[:80]):
        return "other"  # "Laos, Cambodia and Brunei chose not to send ships", "Myanmar ... will stay away"
    # "Burkina Faso, which faces attacks, was invited to observe": the relative clause is skipped
    main_right = re.sub(r"^\s*,\s*(?:which|who)\b[^,;]*,", "", text[last.end : e])
    observing = _OBSERVER_RIGHT.match(right) if not _TAKING_PART_RIGHT.match(right) else None
    if observing and any(
        m.kind == "country" and last.end < m.start < last.end + observing.end() for m in sent.mentions
    ):
        observing = None  # "..., Sweden and Turkey, with Austria attending as an observer": Austria observes
    if (
        # "observers from", "military attachés from China" among the guests: they watch
        _OBSERVERS_FROM_LEFT.search(left)
        or observing
        or (_OBSERVER_RIGHT.match(main_right[:80]) and main_right != text[last.end : e])
    ):
        return "observer" if not re.search(r"\bdeclined|refused\b", right) else "other"
    # the critic's words are its own: up to the next state ("..., a step that could worry China, which
    # has criticised"), or after an aside about it ("Algeria, which borders Morocco, has criticised")
    nxt = next((m.start for m in sent.mentions if m.kind == "country" and m.start > last.end), e)
    own_right = main_right if main_right != text[last.end : e] else right[: max(0, nxt - last.end)]
    if _CRITIC.search(own_right[:60]) and not _JOIN_VERB.search(right[:25]):
        return "other"
    if _HOST_RIGHT.match(right):
        return "host"
    if (
        not any(m.demonym for m in group)
        and _LOCATION_LEFT.search(left)
        and (not _PARTICIPANT_NOUN.match(right) or re.match(r"\s+with\b", right))
    ):
        return "location"  # "in Kazakhstan", "over Estonia, Latvia and Lithuania"
    if first.possessive and len(group) == 1 and _SHIP_NAME_RIGHT.match(text, last.end):
        return "participant"  # "Italy's ITS Carabiniere, Spain's ESPS Navarra": the state's ship takes part
    if (
        first.possessive
        and len(group) == 1
        and (
            en.region_word_follows(text, last.end + 1)
            or any(m.kind == "admin1" and 0 <= m.start - last.end <= 2 for m in sent.mentions)
        )
    ):
        return "location"
    sentence_text = text[s:e]
    leader = len(group) == 1 and first.demonym and _OFFICIAL_RIGHT.match(right)
    if leader and not _JOIN_VERB.search(right[:60]):
        return "other"  # "Chinese Premier Wen Jiabao was visiting ...": a state's leader, not its forces
    if (
        re.match(r"\s+(?:with|by|is\s+represented\s+by)\s+(?:about\s+|some\s+|around\s+)?\d", right)
        or re.match(
            r"\s+(?:by|with)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty)\b",
            right,
        )
        or re.match(r"\s+(?!(?:19|20)\d\d\b)\d[\d,]*\b", right)
    ):
        return "participant"  # "Norway with 300", "... soldiers and Turkey 400"
    if re.match(r"\s*(?:are|were)\s+(?:also\s+)?(?:among\s+)?(?:the\s+)?(?:other\s+)?participants\b", right):
        return "participant"  # "China, Singapore and Japan are among the other participants"
    if re.search(r"\b(?:Base|Station|Camp|Airfield),\s*$", left):
        return "other"  # "from Kadena Air Base, Japan": where a unit is based, not where the drill is
    if re.search(r"\bpartners?\s*,\s*(?:the\s+)?$", left):
        return "participant"  # "gained its first international partner, the United States"
    if len(group) > 1 and _OBSERVER_LIST_LEFT.search(left):
        return "observer"  # "The ten observing countries are A, B and C"
    if len(group) > 1 and (_LIST_LEFT.search(left) or _SENDING_LIST_LEFT.search(left)):
        return "participant"  # "The participating nations include A, B and C"
    if (
        _PARTICIPANT_NOUN.match(right)
        or _PARTICIPATION_VERB.search(right[:40])
        or (
            re.search(r"\b(?:from|with)\s+(?:the\s+)?$", left)
            and (
                EXERCISE_RE.search(sentence_text)
                or _FORCE_WORDS.search(left)
                # "Kenya holds Lake Step 2034 with Uganda"
                or any(b <= first.start for _a, b, _n in sent.names)
            )
        )
        or (EXERCISE_RE.search(sentence_text) and _PARTICIPATION_VERB.search(sentence_text))
    ):
        return "participant"
    return "other"


_ROLE_RANK = {"host": 3, "participant": 2, "observer": 1}
ROLE_ORDER = {"host": 0, "participant": 1, "observer": 2}
Located = tuple[str, Evidence]


@dataclass
class Roles:
    """The states of one exercise, their roles, and the words each was read from."""

    roles: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    #: States named as where the exercise happens ("in Kazakhstan", "near Baku").
    locations: list[Located] = field(default_factory=list)
    #: Every state the sentences name, for admin-1 names that need their country in context.
    context: set[str] = field(default_factory=set)

    def add(self, code: str, role: str, ev: Evidence) -> None:
        """Record ``code`` in ``role``; a stronger role (host > participant > observer) wins."""
        if code not in self.roles or _ROLE_RANK[role] > _ROLE_RANK[self.roles[code]]:
            self.roles[code] = role
        self.evidence.setdefault(code, []).append(ev)

    @property
    def counted(self) -> set[str]:
        return {c for c, r in self.roles.items() if r in ("host", "participant")}

    @property
    def host(self) -> str | None:
        return next((c for c, r in self.roles.items() if r == "host"), None)


def find_roles(text: str, sents: list[Sentence], main: Draft | None) -> Roles:
    """Participants, hosts and observers named in the sentences of one exercise."""
    found = Roles()
    for sent in sents:
        for group in _country_groups(text, sent.mentions):
            label = _classify(text, sent, group)
            for m in group:
                found.context.add(m.code)
                ev = Evidence(m.start, m.end, m.text)
                if label == "participant" and re.search(
                    r"\bthe\s+host\s+$", text[max(0, m.start - 12) : m.start]
                ):
                    found.add(m.code, "host", ev)  # "teams from the United States, the host Uganda, ..."
                elif label in ("participant", "host", "observer"):
                    found.add(m.code, label, ev)
                elif label == "location":
                    found.locations.append((m.code, ev))
                    if len(group) > 1:
                        found.add(m.code, "host", ev)  # "over Estonia, Latvia and Lithuania": all hosts
        for raw in sent.raw_claims:
            if (
                raw.quantity == "troops"
                and raw.country
                and raw.country_span
                and raw.country not in found.roles
            ):
                # "500 paratroopers of the US 82nd Airborne Division": a state that sends troops takes part
                found.add(
                    raw.country, "participant", Evidence(*raw.country_span, text[slice(*raw.country_span)])
                )
        for m in sent.mentions:
            in_speaker = any(a.start <= m.start < a.end for a in sent.attributions)
            near = re.search(r"\b(?:near|in|outside)\s+$", text[max(sent.span[0], m.start - 10) : m.start])
            event_elsewhere = _OTHER_EVENT_IN.search(text, max(sent.span[0], m.start - 40), m.start)
            # "officials in Manila said" is no location, nor "a military parade in Beijing"
            if m.kind == "capital" and near and not in_speaker and not event_elsewhere:
                found.locations.append((m.code, Evidence(m.start, m.end, m.text)))
        for phrase in _N_COUNTRIES.finditer(text, *sent.span):
            # "the two countries": the participants, when there are exactly that many
            n = 2 if phrase.group("both") else _NUMBERS_WORDS[phrase.group("n").lower()]
            if main is not None:
                named = [
                    p["country"] for p in main.record["participants"] if p["role"] in ("host", "participant")
                ]
            else:
                named = sorted(found.counted, key=lambda c: found.evidence[c][0].start)
            if len(named) == n:
                for c in named:
                    found.add(c, "participant", evidence_at(text, phrase.start(), phrase.end()))
    if main is None and not found.counted:
        # a national drill that only its own government speaks of: "Russian Defence Minister Sergei
        # Shoigu has announced ... 300,000 servicemen" (no state is named as taking part)
        for sent in sents:
            for att in sent.attributions:
                for m in sent.mentions:
                    if (
                        m.kind == "country"
                        and att.start <= m.start < att.end
                        and _OWN_GOVERNMENT_RIGHT.match(text, m.end, att.end)
                    ):
                        found.add(m.code, "host", Evidence(m.start, m.end, m.text))
                        return found
    return found


#: A state's own government or forces right after its name: "Russian Defence Minister", "China's army".
#: A state's own forces and general staff, after its name ("Egypt's armed forces").
OWN_FORCES_WORDS = r"(?:armed\s+forces|army|navy|air\s+force|military|general\s+staff)"
_OWN_GOVERNMENT_RIGHT = re.compile(
    rf"(?:['’]s)?\s+(?:\w+\s+)?(?:defen[cs]e|ministry|minister|{OWN_FORCES_WORDS})\b", re.IGNORECASE
)
