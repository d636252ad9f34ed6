"""Stage: claims. Each raw claim of a sentence with its claimant (who said it), basis (declared,
estimated, reported) and contingent, in the record format; and the organisation running the exercise."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from military_exercises.extract import claims as cl
from military_exercises.extract import entities as en
from military_exercises.extract.model import Evidence, evidence_at
from military_exercises.extract.sentences import Sentence, clause_for
from military_exercises.extract.stages.roles import OWN_FORCES_WORDS, Roles

_GOV_WORDS = re.compile(
    r"\b(?:ministry|minister|army|navy|military|armed forces|air force|command|fleet|headquarters|"
    r"joint staff|joint chiefs|spokes(?:man|woman|person)|officials?|government|embassy|commander|"
    r"press service|media wing|general staff|defen[cs]e force|guards?|border service|president|"
    r"chief|forces|public affairs|director|organi[sz]ers|(?:Maj|Col|Gen|Lt|Capt|Adm|Brig|Cmdr|Cdr)\.|"
    # a press bureau or office
    r"press\s+(?:bureau|office|department)|information\s+(?:office|department))(?!\w)",
    re.IGNORECASE,
)
#: Outlets and unnamed sources ("according to sources": no one named, so reported); "press" but not a
#: government's press service or release.
_MEDIA_WORDS = re.compile(
    r"\b(?:media|newspaper|television|tv|broadcaster|news agency|press agency|agency|outlet|"
    # (not "the website of Latvia's defence ministry": the ministry's own words)
    r"reporters|reports?|wire|sources?|paper|(?:website|web\s*site)(?!\s+of\s+(?:the\s+)?(?:[\w'’]+\s+){0,3}"
    r"(?:ministry|government|army|navy|forces|military|command|embassy|presidency))|portal|daily|weekly|magazine|journal|"
    r"correspondents?|radio|channel|reporting|forum|times|post|herald|tribune|gazette|express|chronicle|caption|"
    r"network|article|blog|"
    r"(?:another|a|one)\s+document|"
    r"press(?!\s+(?:service|release|office|secretary|officer|attach|department|cent|bureau)))\b",
    re.IGNORECASE,
)
#: News outlets a report may cite by name alone ("NTV reports", "according to Interfax").
_OUTLETS = re.compile(
    r"(?:the\s+)?(?:NTV|RIA(?:\s+Novosti)?|TASS|ITAR-TASS|Interfax|Xinhua|Reuters|AP|AFP|EFE|Europa\s+Press|"
    r"UPI|"
    r"Sputnik|Anadolu(?:\s+Agency)?|Yonhap|Kyodo|BBC|CNN|ABC|Bernama|Antara|PTI|ANI|IRNA|Tasnim|Fars|"
    r"KCNA|RT|Al\s+Jazeera|Al\s+Arabiya|Arab48|DPA|ANSA|RFE/RL|Radio\s+Free\s+Europe|Voice\s+of\s+America|"
    r"VOA|Izvestia|Kommersant|Zvezda|Global\s+Times|People's\s+Daily|Stars\s+and\s+Stripes|Defense\s+News|"
    r"Janes|Jane's|Nikkei|Asahi|Yomiuri|NHK|Le\s+Monde|Le\s+Figaro|El\s+País|El\s+Pais|Times\s+of\s+India|"
    r"Hindustan\s+Times|Dawn|Kathimerini|Haaretz|Times\s+of\s+Israel|dpa|Efe|Prensa\s+Latina|Notimex|"
    r"Lusa|Agerpres|PAP|BTA|Tanjug|Hina|MTI|CTK|Petra|MENA|SPA|WAM|QNA|KUNA|BNA|ONA|SANA|APS|MAP|TAP|"
    r"Xinhua\s+News\s+Agency|APA|Trend|Kabar|Khovar|Kazinform|BelTA|Ukrinform|UNIAN)(?:['’]s\s+[\w\s]+)?"
)
_ANALYST_WORDS = re.compile(r"\b(?:analysts?|experts?|observers|researchers?|think[- ]tank)\b", re.IGNORECASE)
_COREF = re.compile(
    r"(?:he|she|it|they|the\s+(?:ministry|army|navy|agency|fleet|headquarters|command|official|"
    r"spokesman|spokeswoman|statement|force|military|air force|alliance|staff|release|press release|"
    r"communiqu[eé]|embassy|department|directorate|office|service))",  # "according to the department"
    re.IGNORECASE,
)
#: Attributions that name no one: "It was reported", "according to the figures released", "by
#: various estimates".
_NO_ONE_NAMED = re.compile(
    r"(?:the\s+)?(?:reports?|report said)|(?:earlier\s+|previously\s+)?it\s+(?:was|has\s+been|had\s+been|is)"
    r"(?:\s+(?:officially|also|further|widely))?"  # "It was officially announced"
    r"|(?:the\s+)?(?:official\s+)?(?:figures?|data|numbers?)(?:\s+(?:released|published|given|available))?"
    r"|by\s+various(?:\s+estimates)?|various\s+estimates|(?:some|other)\s+estimates"
    r"|official\s+(?:information|figures|data|sources)",
)
#: A document the last speaker issued: "according to the release", "the statement said".
_DOCUMENTS = (
    "the statement", "the release", "the press release", "the communique", "the communiqué",
    "that statement", "this statement",
)  # fmt: skip
_ITS_OWN_RE = re.compile(
    r"\b(?:its|their)\s+(?:own\s+)?(?:military\s+)?(?:base|bases|contingent|troops|forces|units|ships|warships|"
    r"vessels|aircraft|jets|helicopters|soldiers|personnel|servicemen|sailors|marines)\b",
    re.IGNORECASE,
)
#: "Brazil's army said it had deployed 1,400 troops", "her country had committed": the speaker's own.
_SPEAKER_SENT_RE = re.compile(
    r"\b(?:it|they|(?:his|her|its|their)\s+country)\s+(?:had\s+|has\s+|have\s+|would\s+|will\s+|was\s+)?"
    r"(?:deployed|deploying|sent|sending|fielded|fielding|contributed|contributing|committed|committing|"
    r"deploy|send|field|contribute|commit)\b",
    re.IGNORECASE,
)
#: After the counted noun: "60 servicemen from each side", "200 troops per country".
_EACH_AFTER_RE = re.compile(
    r"\s+(?:from|of|for|on)\s+each\s+(?:side|country|nation|army|navy|contingent)\b|\s+per\s+(?:side|country)\b",
    re.I,
)
_EACH_RE = re.compile(
    r"\beach\s+(?:side|country|nation|army|navy|of the (?:two|three|four))\b"
    r"|\b(?:they|both)\s+(?:(?:are|were|will\s+be|would\s+be)\s+)?each\b",  # "they were each contributing"
    re.I,
)
_OWN_FORCES_RE = re.compile(r"\b(?:army|navy|air force|fleet|forces|military)\b", re.IGNORECASE)


#: A sentence opening on a state's contingent: "The Chinese contingent comes ...", "China's team ...".
_CONTINGENT_SUBJECT = re.compile(
    r"\s*(?:the\s+)?(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:contingent|team|detachment|delegation|task\s+force)\b"
)
#: The next sentence goes on about it: "It numbers ...", "It sent ...", "The contingent includes ...".
_IT_SUBJECT = re.compile(
    r"\s*(?:It|They|The\s+(?:contingent|team|detachment|delegation))\s+(?:\w+\s+){0,2}?"
    r"(?:numbers|numbered|sent|sends|comprises|comprised|includes|included|consists|consisted|brought|"
    r"brings|fielded|fields|deployed|deploys|totals|totalled|totaled|spread|operate|operates|crew|crews|man)\b"
)


#: A sentence whose subject is one state that sends, lands or brings what it counts: "The United
#: States will land 750 servicemen", "The Chinese army will take part ... with 1,600 troops".
_STATE_SUBJECT_LEAD = re.compile(r"\s*(?:[\w'’ -]{0,20},\s*)?(?:the\s+)?(?:Royal\s+)?", re.IGNORECASE)
_SUBJECT_VERB = re.compile(
    r"\b(?:land(?:s|ed|ing)?|(?:take|takes|took|taking)\s+part|participat(?:e|es|ed|ing)|join(?:s|ed|ing)?|"
    r"comes?|came|sen[dt]s?|sending|deploy(?:s|ed|ing)?|contribut(?:e|es|ed|ing)|field(?:s|ed|ing)?|"
    r"dispatch(?:es|ed|ing)?|bring(?:s|ing)?|brought|commit(?:s|ted|ting)?|represented|is\s+made\s+up|"
    r"consist(?:s|ed)?|compris(?:e|es|ed)|support(?:s|ed|ing)?\s+(?:it|the\s+\w+)\s+with)\b",
    re.IGNORECASE,
)
_NOT_ONE_SIDE = re.compile(
    r"\b(?:said|says|told|that|according|total|overall|altogether|combined|in\s+all|together|jointly|"
    r"both|each|all|while|whereas|but|number\s+of|and\s+(?:\d[\d,]*|\w+)\s+(?:other\s+)?(?:\w+\s+)?(?:allies|partners|"
    r"countries|nations|states))\b",
    re.IGNORECASE,
)


def _subject_state(text: str, sent: Sentence, at: int, counted: set[str]) -> en.Mention | None:
    """The one state a sentence opens on as the subject of a verb of sending or taking part, where the
    figure at ``at`` follows that verb and no other state is named between but as a place."""
    states = [m for m in sent.mentions if m.kind == "country"]
    if not states or states[0].start >= at or states[0].code not in counted:
        return None
    subject = states[0]
    if not _STATE_SUBJECT_LEAD.fullmatch(text, sent.span[0], subject.start):
        return None
    for other in states[1:]:
        if other.code != subject.code and not re.search(
            r"\b(?:in|at|to|near|off|into|from)\s+(?:the\s+)?$", text[max(0, other.start - 12) : other.start]
        ):
            return None  # "China and Russia sent ...", "Japan's and India's": not one side's
    between = text[subject.end : at]
    verb = _SUBJECT_VERB.search(between)
    in_total = re.match(r"[^.;]{0,60}?\bin\s+(?:total|all)\b", text[at:])  # "80 aircraft ... in total"
    if verb is None or in_total or _NOT_ONE_SIDE.search(between):
        return None
    return subject


#: A sentence that opens on one side: "On the Polish side, about 400 soldiers ... take part".
_SIDE_LEAD = re.compile(
    r"\s*(?:On|From|For)\s+the\s+(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)\s+side\s*,"
)


def _side_lead(text: str, sent: Sentence, counted: set[str]) -> en.Mention | None:
    """The taking-part state whose side the sentence opens on, else None."""
    m = _SIDE_LEAD.match(text, sent.span[0], sent.span[1])
    if m is None:
        return None
    who = [c for c in sent.mentions if c.kind == "country" and m.start("who") <= c.start < m.end("who")]
    return who[0] if len(who) == 1 and who[0].code in counted else None


def _contingent_subject(text: str, sent: Sentence | None) -> str | None:
    """The state whose contingent a sentence opens on (see _CONTINGENT_SUBJECT), else None."""
    if sent is None:
        return None
    m = _CONTINGENT_SUBJECT.match(text, sent.span[0], sent.span[1])
    if m is None:
        # "Around 2,650 Spanish Navy personnel will take part ... They will be spread over 12 ships"
        first = sent.raw_claims[0] if sent.raw_claims else None
        if (
            first is not None
            and first.country
            and first.quantity == "troops"
            and first.number.start - sent.span[0] <= 12
        ):
            return first.country
        return None
    who = [c for c in sent.mentions if c.kind == "country" and m.start("who") <= c.start < m.end("who")]
    return who[0].code if len({c.code for c in who}) == 1 else None


@dataclass
class _Claimant:
    text: str | None
    country: str | None
    kind: str  # state | org | media | analyst | none
    evidence: Evidence | None
    organisation: str | None = None  # code of an organisation claimant (NATO, CSTO, ...)


def _resolve_claimant(
    text: str,
    att: cl.Attribution | None,
    sent: Sentence,
    history: list[_Claimant],
    host: str | None,
    claim_country: str | None,
    gaz: en.Gazetteer,
    everyone: Sequence[Sentence] = (),
) -> _Claimant:
    if att is None:
        return _Claimant(None, None, "none", None)
    phrase = att.phrase.strip()
    low = phrase.lower()
    ev = Evidence(att.start, att.end, text[att.start : att.end])
    if _NO_ONE_NAMED.fullmatch(low):
        return _Claimant(None, None, "none", None)  # "It was reported earlier that ...": no one named
    # "the ministry's release said", "the fleet's statement": the body that issued it
    low = re.sub(r"^(the\s+\w+)['’]s\s+(?:release|statement|press\s+release|communiqu[eé])$", r"\1", low)
    if _COREF.fullmatch(low) and low != "the alliance":
        head = low.split()[-1]
        for past in reversed(history):
            if past.text and (head in past.text.lower() or low in ("he", "she", "it", "they", *_DOCUMENTS)):
                return _Claimant(past.text, past.country, past.kind, ev, past.organisation)
        if low in ("he", "she", "they", *_DOCUMENTS):
            return _Claimant(None, None, "none", None)  # "the statement said", "he added": no one before
    name = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
    if low.startswith("their ") and claim_country is not None:
        return _Claimant(name, claim_country, "state", ev)
    inside = [m for m in sent.mentions if att.start <= m.start < att.end and m.kind in ("country", "capital")]
    org_hit = gaz.organisation_re.search(phrase) if gaz.organisation_re else None
    org = gaz.organisations.get(low) or (gaz.organisations[org_hit.group(0).lower()] if org_hit else None)
    if re.fullmatch(r"the\s+(?:military\s+)?alliance(?:['’]s\s+[\w\s]+)?", low):
        org = "NATO"  # "according to the military alliance's final tally"
    if org and (
        not inside
        or (org_hit is not None and org_hit.start() <= 4 and re.match(r"['’]s\b", phrase[org_hit.end() :]))
    ):
        # "NATO's Supreme Allied Commander, French General X": the office speaks, not the nationality
        return _Claimant(name, None, "org", ev, org)
    title = _ORG_TITLE_BEFORE.search(text, max(sent.span[0], att.start - 90), att.start)
    if title and gaz.organisations.get(title.group("org").lower()) and _PERSON_RE.search(phrase):
        # "NATO's Supreme Allied Commander Transformation, French General X, told": NATO speaks
        return _Claimant(name, None, "org", ev, gaz.organisations[title.group("org").lower()])
    if _OUTLETS.fullmatch(phrase):
        return _Claimant(name, None, "media", ev)
    reporter = re.match(r"\s+(?:reports|writes)\b", text[att.end :])
    if _PERSON_RE.fullmatch(name) and not _GOV_WORDS.search(name) and reporter:
        return _Claimant(name, None, "media", ev)  # "..., Amirah Ibrahim reports": the outlet's reporter
    country = inside[0].code if inside else None
    own_report = re.match(r"(.+?)['’]s\s+(?:[\w-]+\s+){0,2}reports?$", low)  # "the Navy's management report"
    if own_report and _GOV_WORDS.search(own_report.group(1)) and not _MEDIA_WORDS.search(own_report.group(1)):
        return _Claimant(name, country if country is not None else host, "state", ev)
    if country is not None and _OFFICIAL_SOURCE.search(low):
        return _Claimant(name, country, "state", ev)  # "a Jordanian official source said"
    if _MEDIA_WORDS.search(low) and not re.search(r"media wing|press service", low):
        return _Claimant(name, None, "media", ev)
    if _defined_as_outlet(text, name):
        return _Claimant(name, None, "media", ev)  # "the Philippine News Agency (PNA)", later "the PNA"
    if _ANALYST_WORDS.search(low) and country is None:
        return _Claimant(name, None, "analyst", ev)
    if country is None and _GOV_WORDS.search(low):
        # "Russia's Black Sea Fleet ... the fleet's press service said": the state named with that body
        body = _GOV_WORDS.search(low)
        owned = _owner_of_body(text, sent, att.start, body.group(0)) if body is not None else None
        return _Claimant(name, owned or host or _only_forces_named(text, everyone), "state", ev)
    if country is None and _PERSON_RE.fullmatch(name) and gaz.organisation_re is not None:
        surname = re.escape(name.split()[-1])
        org_alt = gaz.organisation_re.pattern
        titled = re.search(rf"(?:{org_alt})(?:['’]s)?\s+(?:[A-Za-z-]+\s+){{0,4}}{surname}\b", text)
        if titled is not None:  # "NATO spokesperson Oana Lungescu", later "Lungescu said"
            hit = gaz.organisation_re.match(titled.group(0))
            code = gaz.organisations.get(hit.group(0).lower()) if hit else None
            if code is not None:
                return _Claimant(name, None, "org", ev, code)
    if country is None and _PERSON_RE.fullmatch(name):
        official, found = _person_country(text, name, everyone, host)
        if official:
            return _Claimant(name, found or _only_forces_named(text, everyone), "state", ev)
    if country is None:
        return _Claimant(name, None, "analyst", ev)
    return _Claimant(name, country, "state", ev)


#: A state's unnamed official speaking: "a Jordanian official source", "Russian military sources".
_OFFICIAL_SOURCE = re.compile(
    r"\b(?:official|military|government|defen[cs]e|ministry|army|navy|naval|air\s+force)\s+sources?\b"
)


def _defined_as_outlet(text: str, name: str) -> bool:
    """Whether an acronym speaker ("PNA") is spelled out earlier as an outlet ("the Philippine News
    Agency (PNA)")."""
    if not re.fullmatch(r"[A-Z]{2,6}", name):
        return False
    spelled = re.search(rf"((?:[A-Z][\w'’-]*\s+){{1,5}})\(\s*{name}\s*\)", text)
    return spelled is not None and _MEDIA_WORDS.search(spelled.group(1)) is not None


#: An organisation's office just before a speaker's name: "NATO's Supreme Allied Commander, ".
_ORG_TITLE_BEFORE = re.compile(r"\b(?P<org>[A-Z][\w-]+)['’]s\s+(?:[\w-]+\s+){0,5}[\w-]+,\s*$")


def _only_forces_named(text: str, sents: Sequence[Sentence]) -> str | None:
    """The one state whose own forces or ministry the report names ("Egypt's armed forces have
    announced ..."): an official of no named state is taken to be theirs; None if several or none."""
    owners = {
        m.code
        for sent in sents
        for m in sent.mentions
        if m.kind == "country" and _OWN_GOVERNMENT_AFTER.match(text, m.end)
    }
    return owners.pop() if len(owners) == 1 else None


_OWN_GOVERNMENT_AFTER = re.compile(
    rf"(?:['’]s)?\s+(?:{OWN_FORCES_WORDS}|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e)\b", re.IGNORECASE
)


def _owner_of_body(text: str, sent: Sentence, end: int, body: str) -> str | None:
    """The state whose body ("fleet", "army") the sentence named before ``end``: "Russia's Black Sea
    Fleet ... the fleet's press service said" -> RUS."""
    owner = re.search(
        rf"(?P<who>[A-Z][\w'’.-]*)['’]s\s+(?:[A-Z][\w-]*\s+){{0,3}}(?i:{re.escape(body)})\b",
        text[sent.span[0] : end],
    )
    if owner is None:
        return None
    at = sent.span[0] + owner.start("who")
    return next((m.code for m in sent.mentions if m.kind == "country" and m.start == at), None)


#: A person's name, perhaps after a rank: "Serapio", "First Admiral Agus Heyana".
_PERSON_RE = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][a-z][\w'’-]*")


_RANK_BEFORE = re.compile(
    r"\b(?:Brigadier|General|Colonel|Major|Lieutenant|Captain|Admiral|Commodore|Marshal)(?:[\s-]+General)?\s+"
    r"(?:[A-Z][\w'’.-]*\s+){0,3}$"
)
_OFFICE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:attach[eé]|ambassador|envoy|commander|chief|minister|spokes\w+|"
    r"officer|general|admiral|colonel)\b",
    re.IGNORECASE,
)
_OF_A_BODY = re.compile(
    r"\s+of\s+the\s+(?:[A-Z][\w'’-]*\s+){0,4}(?:Service|Command|Army|Navy|Air\s+Force|Ministry|Forces|Guard|"
    r"Fleet|Staff|Corps)\b"
)


def _person_country(
    text: str, name: str, sents: Sequence[Sentence], host: str | None
) -> tuple[bool, str | None]:
    """Whether a named speaker is an official, and the state they speak for, from where the report
    introduces them: a state or demonym just before the name ("Philippine Marines spokesman Captain
    Felix Serapio") or in the words after it ("Brigadier Mathambo, the Botswana Defence Force
    officer"); the host when they hold an office of no named state ("Admiral Heyana, commander of
    Naval Base 4")."""
    surname = name.split()[-1]
    for sent in sents:
        a, b = sent.span
        for occ in re.finditer(rf"\b{re.escape(surname)}\b", text[a:b]):
            start, end = a + occ.start(), a + occ.end()
            tail = text[end:b][:90].split(".")[0].split(";")[0]
            window_before = text[max(a, start - 70) : start]
            countries = [m for m in sent.mentions if m.kind == "country"]
            if re.match(r"\s*,", tail):  # an appositive describes the speaker first
                inside = [m for m in countries if end <= m.start < end + len(tail)]
                after = {m.code for m in inside}
                if len(after) == 1:
                    return True, after.pop()
                if inside and _OFFICE_AFTER.match(text, inside[0].end):
                    return True, inside[0].code  # "Colonel X, the US defense attaché in Thailand"
            before = [
                m
                for m in countries
                if start - 70 <= m.start < start
                and (
                    "," not in text[m.end : start]
                    # "The commander of the Colombian Army, General Eduardo Zapateiro": an apposition
                    or (
                        re.fullmatch(r"[^,]*,\s*(?:[A-Z][\w.'’-]*\s+){0,4}", text[m.end : start])
                        and re.search(r"\b(?:of|for)\b", text[max(a, m.start - 40) : m.start])
                    )
                )
            ]
            if before:
                return True, before[-1].code  # "Philippine Marines spokesman Captain Felix Serapio"
            if (
                _GOV_WORDS.search(window_before)
                or _RANK_BEFORE.search(window_before)  # "Brigadier Bob Brown said"
                or (re.match(r"\s*,", tail) and _GOV_WORDS.search(tail))
                or _OF_A_BODY.match(tail)  # "Osvaldo Ureña of the National Aeronaval Service"
            ):
                return True, host  # an official whose state the text may not name
    return False, None


def _basis(claimant: _Claimant, counted: set[str], organisation: str | None = None) -> tuple[str, str | None]:
    """(basis, claimant country) of a claim, following dataset/sources/README.md."""
    if claimant.kind in ("none", "media"):
        return "reported", None
    if claimant.kind == "org":
        # an organisation speaking of its own exercise declares it; of anyone else's, estimates
        return ("declared" if organisation and claimant.organisation == organisation else "estimated"), None
    if claimant.kind == "state" and claimant.country is not None and claimant.country in counted:
        return "declared", claimant.country
    if claimant.kind == "state" and claimant.country is None:
        # an official of no state the text names cannot declare for a participant (README: a
        # declared claim names its claimant state); the claim stays, as an estimate
        return "estimated", None
    return "estimated", claimant.country


def find_organisation(
    text: str, sents: list[Sentence], gaz: en.Gazetteer
) -> tuple[str | None, Evidence | None]:
    """The organisation running the exercise (NATO, CSTO, ...), if one is named other than as a speaker."""
    for sent in sents:
        for a, b, code in sent.orgs:
            # an organisation that only speaks ("the CSTO said") does not thereby run the exercise
            if code in gaz.maps.organisations and not any(x.start <= a < x.end for x in sent.attributions):
                return code, evidence_at(text, a, b)
    own = _ITS_EXERCISE_RE.search(text)
    if own is not None:
        # "Stoltenberg (NATO) said ... the alliance's largest manoeuvres": the speaker's organisation runs it
        for sent in sents:
            for att in sent.attributions:
                hit = gaz.organisation_re.search(att.phrase) if gaz.organisation_re else None
                speaker = gaz.organisations.get(hit.group(0).lower()) if hit else None
                if speaker is not None and speaker in gaz.maps.organisations:
                    return speaker, evidence_at(text, own.start(), own.end())
    return None, None


#: The alliance named as the owner of the exercise without its name.
_ITS_EXERCISE_RE = re.compile(
    r"\bthe\s+(?:alliance|bloc)['’]s\s+(?:[\w-]+\s+){0,3}?(?:exercises?|manoeuvres|maneuvers|drills?|war\s+games)\b",
    re.IGNORECASE,
)


def _attribution_for(
    text: str, sent: Sentence, raw: cl.RawClaim
) -> tuple[cl.Attribution | None, tuple[int, int]]:
    """The claimant phrase of a claim: the one in its clause, else the sentence's (see claims.py)."""
    clause = clause_for(text, sent, raw.number.start)
    att = next((a for a in sent.attributions if a.clause == clause), None)
    if att is None and sent.attributions:
        # a clause that has claims of its own keeps its attribution to itself
        free = [
            a
            for a in sent.attributions
            if a.clause == clause
            or not any(r.number.start >= a.clause[0] and r.number.end <= a.clause[1] for r in sent.raw_claims)
        ]
        att = (free or sent.attributions)[-1]
    return att, clause


def _closing_attribution(text: str, sent: Sentence, following: list[Sentence]) -> cl.Attribution | None:
    """The speaker of a quotation that opens in ``sent`` and closes in a later sentence: '"Between 20
    and 31 July about 2,000 service members ... . Helicopters will fly," the ministry says.'"""
    a, b = sent.span
    marks = text.count('"', a, b) + text.count("“", a, b) + text.count("”", a, b)
    if text[a : a + 1] not in "\"“" or marks != 1:
        return None
    for later in following[:3]:
        x, y = later.span
        close = re.search(r"[,.]?[\"”]", text[x:y])
        if close is None:
            continue
        after = x + close.end()
        return next(
            (att for att in later.attributions if re.fullmatch(r"\s*,?\s*", text[after : att.start])), None
        )
    return None


def _no_other_state(sent: Sentence, found: Roles) -> bool:
    """No state but the participants (and observers) is named in the sentence, except as a speaker:
    not "5,000 Ugandan servicemen moved into Kenya for ..." (Kenya is in it, whatever its role)."""
    return not any(
        m.kind == "country"
        and m.code not in found.roles
        and not any(a.start <= m.start < a.end for a in sent.attributions)
        for m in sent.mentions
    )


def _quote_goes_on(text: str, sent: Sentence, before: list[Sentence]) -> cl.Attribution | None:
    """The speaker of a quotation that stands alone right after one whose speaker is named: '"...,"
    Konashenkov said by telephone. "... about 4,000 servicemen will join the rehearsal!"'."""
    a, b = sent.span
    if sent.attributions or not before or text[a : a + 1] not in '"“' or text[b - 1 : b] not in '"”':
        return None
    prev = before[-1]
    if not re.fullmatch(r"\s*", text[prev.span[1] : a]):
        return None  # not the next sentence
    return next(
        (att for att in prev.attributions if re.search(r"[,.!?][\"”]\s*$", text[prev.span[0] : att.start])),
        None,
    )


def _speakers_own(
    text: str, raw: cl.RawClaim, claimant: _Claimant, att: cl.Attribution | None, clause: tuple[int, int],
    counted: set[str],
) -> bool:  # fmt: skip
    """ "The Russian army said some 400 soldiers ... deployed from its base": the speaker's own forces."""
    if raw.country is not None or claimant.kind != "state" or claimant.country not in counted:
        return False
    if claimant.text is None or len(counted) < 2:
        return False
    own_speaker = _OWN_FORCES_RE.search(claimant.text) or _SPEAKER_SENT_RE.search(
        text, clause[0], raw.number.start
    )
    own_numbers = _ITS_OWN_RE.search(text, raw.number.end, clause[1]) or (
        att is not None and _SPEAKER_SENT_RE.search(text, att.end, raw.number.start)
    )
    return bool(own_speaker and own_numbers)


#: Words that say an exercise has more states than the one the report names: "with 26 other
#: countries", "a multinational exercise", "partner nations", "foreign troops".
_SEVERAL_STATES = re.compile(
    r"\b(?:multi-?national|international|coalition|allie[sd]|partner(?:s|\s+(?:nations|countries|states|forces))|"
    r"other\s+(?:\w+\s+)?(?:countries|nations|states|navies|armies|militaries)|"
    r"foreign\s+(?:troops|forces|militaries|navies|armies|countries|partners|contingents|participants)|"
    r"member\s+(?:states|countries|nations)|NATO(?:-led)?\s+(?:exercises?|drills?|manoeuvres)|"
    # "the six Gulf Cooperation Council (GCC) states"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-](?:[\w()]+\s+){0,4}?"
    r"(?:nations?|countries|states)\b)",
    re.IGNORECASE,
)


def build_claims(
    text: str,
    sents: list[Sentence],
    found: Roles,
    org: str | None,
    source_id: str,
    gaz: en.Gazetteer,
    context: Sequence[Sentence] = (),
) -> tuple[list[dict[str, Any]], list[dict[str, list[Evidence]]]]:
    """The claims of one exercise with the evidence of their values, in the record format.
    ``context``: all sentences of the report, whose speakers "he said" may refer back to even where
    their sentence is about another exercise."""
    counted, host = found.counted, found.host
    claims_out: list[dict[str, Any]] = []
    claim_ev: list[dict[str, list[Evidence]]] = []
    history: list[_Claimant] = []  # earlier speakers, for "the ministry added" and "it said"
    seen: set[tuple[Any, ...]] = set()
    contingent_of: dict[tuple[str, int | None], str] = {}  # (quantity, value) -> the state a claim gave it to
    previous: Sentence | None = None
    # a drill of one state: its figures are the exercise's, not a contingent's (corpus README)
    one_state = (
        len(counted) == 1
        and not _SEVERAL_STATES.search(text)
        and not any(
            r.quantity == "states" and (r.number.value or 0) > 1 for st in sents for r in st.raw_claims
        )
    )
    # sentences of the report outside this exercise's (not parts of its own sentences)
    others = [x for x in context if not any(x.span[0] < f.span[1] and f.span[0] < x.span[1] for f in sents)]
    for i, sent in enumerate(sents):
        while others and others[0].span[0] < sent.span[0]:
            # "X said the drill was the 13th since 1997. He said it involved 600 personnel"
            for a in others[0].attributions:
                history.append(_resolve_claimant(text, a, others[0], history, host, None, gaz, sents))
            others.pop(0)
        # "The Chinese contingent comes from ... . It numbers more than 2,000 troops": its state's
        carried = _contingent_subject(text, previous) if _IT_SUBJECT.match(text, sent.span[0]) else None
        previous = sent
        quoted = _closing_attribution(text, sent, sents[i + 1 :]) or _quote_goes_on(text, sent, sents[:i])
        # a speaker named in another sentence is resolved in that sentence ("..." Colonel X of the US
        # Marine Corps said. "About 30 ships will join it.")
        quoted_in = next((x for x in sents if quoted and x.span[0] <= quoted.start < x.span[1]), sent)
        for raw in sent.raw_claims:
            att, clause = _attribution_for(text, sent, raw)
            where = sent if att else quoted_in
            att = att or quoted
            claimant = _resolve_claimant(text, att, where, history, host, raw.country, gaz, sents)
            if claimant.kind == "state" and claimant.country is None and raw.country in counted:
                # "Indonesia will commit 5,000 soldiers, said the commander of Naval Base 4": an
                # official of no named state speaking of one state's contingent is taken to be its own;
                # of several states' ("50,000 South Korean and 17,500 US troops"), the host's, else
                # the state it names first
                named = [r.country for r in sent.raw_claims if r.country in counted]
                own = raw.country
                if len(set(named)) > 1:
                    own = host if host in counted else named[0]
                claimant = _Claimant(claimant.text, own, "state", claimant.evidence)
            basis, claimant_country = _basis(claimant, counted, org)
            alone = one_state and _no_other_state(sent, found)
            country = raw.country if raw.country in counted and not alone else None
            if country is None and _speakers_own(text, raw, claimant, att, clause, counted):
                country = claimant.country
            if country is None and raw.country is None and carried in counted and clause[0] == sent.span[0]:
                country = carried
            country_span = raw.country_span
            if country is None and raw.country is None and not one_state and raw.quantity != "states":
                subject = _subject_state(text, sent, raw.number.start, counted)
                subject = subject or _side_lead(text, sent, counted)
                if subject is not None:  # its evidence is the subject's (or the side's) name
                    country, country_span = subject.code, (subject.start, subject.end)
            num = raw.number
            if (
                country is None
                and raw.country is None
                and (raw.quantity, num.value) in contingent_of
                and cl._THE_BEFORE.search(text, max(sent.span[0], num.start - 12), num.start)
            ):  # "A Nepal Army contingent of 16 soldiers ... the 16-member unit": the same contingent
                country = contingent_of[(raw.quantity, num.value)]
            if country is not None and num.value is not None:
                contingent_of.setdefault((raw.quantity, num.value), country)
            dedup = (
                raw.quantity,
                country,
                num.value,
                num.low,
                num.high,
                num.qualifier,
                basis,
                claimant_country,
            )
            if dedup in seen:
                continue  # a figure repeated later in the report is one claim
            seen.add(dedup)
            claim: dict[str, Any] = {
                "id": f"c{len(claims_out) + 1}",
                "quantity": raw.quantity,
                "country": country,
            }
            if num.qualifier == "range":
                claim["low"], claim["high"] = num.low, num.high
            else:
                claim["value"] = num.value
            claim.update(
                {
                    "qualifier": num.qualifier,
                    "basis": basis,
                    "claimant": claimant.text,
                    "claimant_country": claimant_country,
                    "claimant_organisation": claimant.organisation if claimant.kind == "org" else None,
                    "source": source_id,
                    "component": raw.component,
                    "note": None,
                }
            )
            evs: dict[str, list[Evidence]] = {"value": [evidence_at(text, num.start, num.end)]}
            if raw.noun_span[1] > raw.noun_span[0]:
                evs["quantity"] = [evidence_at(text, *raw.noun_span)]
            if country_span and country:
                evs["country"] = [evidence_at(text, *country_span)]
            if claimant.evidence is not None:
                evs["claimant"] = [claimant.evidence]
            each = (
                _EACH_RE.search(text, clause[0], raw.number.start)
                or _EACH_AFTER_RE.match(text, raw.noun_span[1], clause[1])
                # "12 helicopters, 6 from each country": a figure without its own noun
                or _EACH_AFTER_RE.match(text, raw.number.end, clause[1])
            )
            sides = 2 if each and each.group(0).lower().endswith("side") else 6  # "each side": two
            if country is None and each and 1 < len(counted) <= sides and raw.quantity != "states":
                # "Each side deployed about 120 soldiers": one contingent claim per participant
                for code in sorted(counted, key=lambda c: found.evidence[c][0].start):
                    claims_out.append({**claim, "id": f"c{len(claims_out) + 1}", "country": code})
                    claim_ev.append(evs)
            else:
                claims_out.append(claim)
                claim_ev.append(evs)
        for att in sent.attributions:
            history.append(_resolve_claimant(text, att, sent, history, host, None, gaz, sents))
    return claims_out, claim_ev
