"""Stage: the start and end of the main exercise, from the date mentions of its sentences, the verbs
next to them ("began", "until") and a day-count duration."""

from __future__ import annotations

import datetime as dt
import itertools
import re

from military_exercises.extract import claims as cl
from military_exercises.extract import dates as dm
from military_exercises.extract.model import Evidence, evidence_at
from military_exercises.extract.sentences import Sentence, inside_name

_SPEECH_DATE = re.compile(
    r"\b(?:said|says|announced|reported|told\s+\w+|stated|added|confirmed|statement)\s+(?:on\s+|late\s+|early\s+)?$"
    r"|\b(?:said|told|announced|stated)\s+in\s+(?:\w+\s+){1,3}on\s+$"  # "said in opening remarks on 15 July"
    # "according to a post on the ministry's account on 23 September": when it was posted
    r"|\baccording\s+to\s+(?:a|an|the)\s+(?:post|statement|report|release|notice|announcement)\b[^.;]{0,80}?\s+on\s+$",
    re.IGNORECASE,
)
_START_CUE = re.compile(
    r"\b(?:began|begin|begins|beginning|started|start|starts|opened|open|opens|kicked off|kicks off|"
    r"kick off|launched|launch|launches|got under way|commenced|commence|commences|"
    r"opening|starting)\b[^.;]{0,90}$",
    re.IGNORECASE,
)
_END_CUE = re.compile(
    r"\b(?:ended|end|ends|ending|concluded|conclude|concludes|closed|close|closes|wrapped up|wrap up|"
    r"wraps up|until|till|through|finished|finish|finishes|last until|run until|wound up|completed|"
    r"(?:run|runs|running|last|lasts|continue|continues)\s+(?:to|through|till|until))\b"
    r"(?:\s+(?:on|in|by))?\s*(?:the\s+)?(?:(?:early|mid|late)[\s-])?"
    # "will run until early April", "until Thursday 13 November"
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?$",
    re.IGNORECASE,
)
_END_CUE_FAR = re.compile(
    r"\b(?:ended|ends|concluded|conclude|concludes|closed|wrapped up|wraps up|wrap up|finished|be\s+completed"
    r"|c(?:a|o)me\s+to\s+an\s+end|comes\s+to\s+an\s+end"  # "came to an end in Darwin today"
    r"|closing\s+ceremony"  # "attended the closing ceremony on December 15, 2017"
    # "the flotillas started returning to a naval port ... on 26 October": the drill is over
    r"|return(?:ed|ing|s)?\s+(?:home|to\s+(?:a\s+|the\s+|their\s+|its\s+)?(?:\w+\s+)?(?:port|base|bases|home)))\b"
    r"[^;.]{0,110}$",
    re.IGNORECASE,
)


def main_dates(
    text: str, sents: list[Sentence], pub: dt.date | None
) -> tuple[tuple[str, list[Evidence]] | None, tuple[str, list[Evidence]] | None]:
    start: tuple[str, list[Evidence]] | None = None
    end: tuple[str, list[Evidence]] | None = None
    loose: tuple[str, list[Evidence]] | None = None
    duration: tuple[int, Evidence] | None = None
    for sent in sents:
        s, e = sent.span
        sentence_text = text[s:e]
        for a, b, days in sent.durations:
            if duration is None:
                duration = (days, evidence_at(text, a, b))
        ordered = sorted(sent.dates, key=lambda x: x.start)
        for d, d2 in itertools.pairwise(ordered):
            # "on Monday and Tuesday": a two-day span
            if d.first and d2.first and d.relative and d2.relative and text[d.end : d2.start] == " and ":
                ev2 = [evidence_at(text, d.start, d2.end)]
                start = start or (d.first, ev2)
                end = end or (d2.first, ev2)
        for d in ordered:
            if d.first is None:
                continue
            before = text[max(s, d.start - 100) : d.start]
            if _SPEECH_DATE.search(before) or (d.relative and "last year" in d.text.lower()):
                continue
            dateline = _DATELINE_LEAD.fullmatch(text, s, d.start) and _DATELINE_TAIL.fullmatch(text, d.end, e)
            if (dateline and not (pub is None and _OPENED_THAT_DAY.match(text, e))) or _AS_OF.search(before):
                continue  # "30 August 2017.", "Moscow, 23 June (TASS).": datelines; "As of 16 August"
            if (
                (_LATER_PHASE.search(text, s, d.start) or _LATER_PHASE_AFTER.match(text, d.end, e))
                and (not d.second or _PHASE_SUBJECT.match(text, s, d.start))
                # (but "the last phase ... ran through August" ends it)
                and not (_FINAL_PHASE.search(text, s, d.start) and _END_CUE.search(before))
            ):
                continue  # "the second phase ... began on Sunday" is not when the exercise began
            if (
                inside_name(d.start, sent.names)
                or _MOVING_TO.search(sentence_text)
                or _MEETING_BEFORE.search(before[-70:])
                or _MEETING_AFTER.match(text, d.end, e)
            ):
                continue  # "the planning conference, held from 5 to 7 April", "the April 30 to May 4 meeting"
            if (
                _DATELINE_PLACE.fullmatch(text, s, d.start) and _DATELINE_END.match(text, d.end, e)
            ) or (
                # "Guangzhou, 26 October (Xinhua) -", "People's Daily Online, Beijing, 3 July (Chen Yu) -",
                # "Nov. 3 (UPI) -"
                (_DATELINE_TITLE.fullmatch(text, s, d.start) or not text[s : d.start].strip())
                and _DATELINE_AGENCY_END.match(text, d.end, e)
                and len(ordered) > 1  # the sentence dates the event itself; else "have launched" is that day
            ) or (
                # "Tunis, 8 November 2024 - Cooperation ...", "China News, 27 November - On the 26th ...":
                # a place and a date before a dash, where a paragraph opens
                _DATELINE_TITLE.fullmatch(text, s, d.start)
                and (s == 0 or text[s - 1] == "\n")
                and _DASH_AFTER.match(text, d.end, e)
                and not re.search(r"\b(?:today|this\s+morning)\b", text[d.end : e])  # "... started today"
            ):
                continue  # "BRUSSELS, 21 May (EUROPA PRESS)": when the report was filed
            opening_day = len(d.first) == 10 and re.fullmatch(r"\s*(?:On\s+)?", text[s : d.start])
            said = _SPEECH_AFTER_DATE.match(text, d.end, e) if opening_day else None
            if said and not _ANY_CUE.search(said.group(0)[: -len(said.group("verb"))]):
                continue  # "On 18 August Colonel Shen, spokesman of the air force, said": when it was said
            ev = [evidence_at(text, d.start, d.end)]
            if d.second is not None:
                if start is None:
                    start = (d.first, ev)
                if end is None:
                    end = (d.second, ev)
                continue
            low = d.text.lower()
            after = text[d.end : min(e, d.end + 30)]
            if _END_AFTER.match(after) and end is None:
                end = (d.first, ev)  # "on Thursday completed a five-day exercise"
                continue
            if _START_AFTER.match(after) and start is None:
                start = (d.first, ev)
                continue
            ends = _END_CUE.search(before) or _TO_THE_DAY.search(before)
            if low.startswith(("until", "till", "through")) or ends:
                if end is None:
                    end = (d.first, ev)
            elif (
                low.startswith(("from", "since"))
                or _closer_start(text, s, d.start)
                or _START_WORD_BEFORE.search(before)
            ):
                if start is None:
                    start = (d.first, ev)
            elif _END_CUE_FAR.search(text[max(s, d.start - 120) : d.start]):
                if end is None:
                    end = (d.first, ev)
            elif (
                loose is None
                and not cl._PURCHASE_RE.search(sentence_text)
                and not _INCIDENT.search(sentence_text)
                and not _EVENT_IN_EXERCISE.search(sentence_text)
            ):
                loose = (d.first, ev)
    # a month ("last week") yields to a day computed from a day-precise end and a duration
    month_yields = bool(duration and end and loose and len(loose[0]) < 10 <= len(end[0]))
    if start is None and loose is not None and (end is None or loose[0] <= end[0]) and not month_yields:
        start = loose
    if duration is not None:
        days, dev = duration
        if start is not None and end is None:
            value = dm.add_days(start[0], days - 1)
            if value:
                end = (value, [*start[1], dev])
        elif end is not None and start is None:
            value = dm.add_days(end[0], -(days - 1))
            if value:
                start = (value, [*end[1], dev])
    if start is not None and end is not None and end[0] < start[0][: len(end[0])]:
        end = None  # an "end" before the start is a misreading; leave it to the reviewer
    if start is None and end is not None:
        start = (end[0][:4], end[1])  # "ended on 14 May 2015", no start given: it started in 2015
    return start, end


#: A date in a sentence about something that happened around the drills, not the drills' dates: a
#: mishap, a signature ("signed a protocol ... on 14 July"), a departure ("left for Russia on 20 July").
_INCIDENT = re.compile(
    r"\b(?:ejected|crashed|crash|collided|collision|died|killed|injured|wounded|accident|incident|"
    r"left\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}(?:naval\s+)?(?:port|base|harbou?r)|sailed\s+(?:from|out\s+of)|"
    r"went missing|drowned|signed|signing|(?:to|not|n't|will|would|did|could)\s+sign|protocol|memorandum|"
    r"left\s+for|departed|set\s+off|flew\s+into|"
    # after the drills or moving to them: "had finished its part ... was sailing home", "are being regrouped"
    r"had\s+finished|having\s+(?:finished|completed)|sailing\s+home|on\s+(?:its|their)\s+way\s+(?:home|back))\b",
    re.IGNORECASE,
)
#: One event within the exercise, whose day is not the exercise's (corpus README): "a group photo
#: during Exercise Talisman Sabre 21", "a landing that formed part of", a visitors' day, observers
#: watching, a press briefing, a rehearsal, a contingent's first echelon, loading or withdrawal.
_EVENT_IN_EXERCISE = re.compile(
    r"\bduring\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:[Ee]xercise|drills?|manoeuvres|phase)\b|"
    r"\b(?:formed|forms|forming)\s+part\s+of\b|\b(?:visitors?['’]?|VIP|open)\s+day\b|\bas\s+observers\b|"
    # "the MP ... watched the last phase", "F-16s landed at Elmendorf on March 3 to take part"
    r"\b(?:watched|inspected|toured)\b(?!\s+by)|\blanded\s+at\b|"
    r"\b(?:met|briefed)\s+the\s+press\b|\bpress\s+conference\s+(?:was\s+)?(?:given|held)\b|\bgroup\s+photo\b|"
    r"\brehearsal\b|\barriv(?:ed|es|ing|al)\b(?![^.;]*\b\w+-day\b)|\breached\s+(?:the\s+)?[A-Z]|"
    r"\bthe\s+first\s+(?:\w+\s+)?(?:group|echelon|contingent|batch)\b|\bwithdrawal\b|"
    r"\b(?:began|started)\s+loading\b",
    re.IGNORECASE,
)
#: Units moved to the exercise area ("are being regrouped between 3 and 6 September"): not yet the drill.
#: Moves of the forces, not the exercise's days: regrouping, "due to start coming home today".
_MOVING_TO = re.compile(
    r"\b(?:regroup(?:ed|ing)?|redeploy(?:ed|ing|ment)?|relocat(?:ed|ing|ion)|coming\s+home|returning\s+home|"
    r"return\s+home|expected\s+back|(?:to\s+)?deploy(?:s|ed|ing)?\s+to\s+the\s+(?:exercise|training)\s+area)\b",
    re.I,
)
_SPEECH_AFTER_DATE = re.compile(
    r"[^.;]{0,110}?\b(?P<verb>said|says|announced|announces|told|stated|declared|confirmed|reported(?!\s+(?:at|to|for|in|on)\b)|informed|"
    r"notified|wrote)\b",
    re.IGNORECASE,
)
_ANY_CUE = re.compile(
    r"\b(?:began|begin|begins|started|starts|opened|opens|launched|ended|ends|concluded|closed|held|kicked|"
    r"will|took\s+part|take\s+part|taking\s+part|staged|conducted|carried)\b",
    re.IGNORECASE,
)
_DATELINE_PLACE = re.compile(r"[A-Z][A-Z .'’-]{1,40},\s*")
_DATELINE_END = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?[.\-—–:]")
#: "Guangzhou, 26 October (Xinhua) -": a place in title case is a dateline when an agency follows.
_DATELINE_TITLE = re.compile(r"(?:[A-Z][a-z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2},\s*){1,3}")
_DATELINE_AGENCY_END = re.compile(r"\s*\([^)]{1,40}\)\s*[.\-—–:]")
_DASH_AFTER = re.compile(r"\s+[-—–]\s")
#: A meeting or a deadline dated by the date: "the April 30 to May 4 meeting", "until 23 March to sign up".
_MEETING = (
    r"(?:conference|meeting|talks|summit|briefing|seminar|forum|congress|symposium|workshop|"
    r"(?<!training\s)session)"
)
_MEETING_AFTER = re.compile(
    rf"\s+(?:(?:planning|final|main|initial)\s+)?{_MEETING}\b|\s+to\s+(?:sign\s+up|register|apply|enrol|submit)\b",
    re.IGNORECASE,
)
_MEETING_BEFORE = re.compile(rf"\b{_MEETING}\b[^.;]{{0,40}}$", re.IGNORECASE)
#: A sentence whose subject is a phase: "The active phase of ... was held ... from 3 to 15 June".
_PHASE_SUBJECT = re.compile(
    r"\W*(?:The\s+)?(?:second|third|fourth|final|last|main|active|live|closing|concluding|sea)\s+(?:phase|stage)\b",
    re.IGNORECASE,
)
#: A sentence that is only a date, or a place, a date and an agency: the report's dateline.
_DATELINE_LEAD = re.compile(
    r"\s*(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2},\s*)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday),?\s+)?(?:[Oo]n\s+)?"
)
_DATELINE_TAIL = re.compile(r"\s*(?:\([^)]{1,40}\))?\s*[.\-—–:]?\s*")
#: The next sentence says the drill opened on the dateline's day: "MOSCOW, 19 August. ... has opened".
_OPENED_THAT_DAY = re.compile(
    r"\s*(?:[^.]{0,40}\s-\s)?[^.]{0,160}?\b(?:ha(?:s|ve)\s+(?:opened|begun|started|got\s+under\s+way|kicked\s+off)|"
    r"(?:began|started|opened)\s+[^.]{0,40}\btoday)\b"
)
_AS_OF = re.compile(r"\b[Aa]s\s+(?:of|at)\s+$")
_FINAL_PHASE = re.compile(r"\b(?:final|last|closing|concluding)\s+(?:phase|stage)\b", re.IGNORECASE)
_LATER_PHASE_WORDS = (
    r"(?:second|third|fourth|final|last|main|active|live|next|closing|concluding|sea)\s+(?:phase|stage)\b"
)
_LATER_PHASE = re.compile(rf"\b{_LATER_PHASE_WORDS}", re.IGNORECASE)
#: "On 4 May the third stage begins": the later stage after the day
_LATER_PHASE_AFTER = re.compile(rf"\s*,?\s*the\s+{_LATER_PHASE_WORDS}", re.IGNORECASE)
_END_AFTER = re.compile(
    # "on Thursday completed a five-day exercise", "getting ready on Thursday to close a week of exercises"
    r"\s*(?:completed|ended|concluded|wrapped up|finished|closed"
    r"|to\s+(?:close|end|conclude|complete|wrap\s+up))\b",
    re.IGNORECASE,
)
_START_AFTER = re.compile(r"\s*(?:began|started|launched|opened|kicked off)\b", re.IGNORECASE)


#: "has been going on since 10 July", "from the 6th": the start.
_START_WORD_BEFORE = re.compile(
    r"\b(?:going\s+on|under\s+way|underway|running|held)\s+since\s+$|\bfrom\s+$", re.IGNORECASE
)  # ... and "from the 6th to the 14th"
#: The end of a range of days alone: "from the 19th to the 27th".
_TO_THE_DAY = re.compile(r"\d(?:st|nd|rd|th)\s+to\s+$")


def _closer_start(text: str, s: int, pos: int) -> bool:
    """True when a start verb ("began") is nearer before ``pos`` than an end verb ("concluded")."""
    start_cue = _START_CUE.search(text[max(s, pos - 100) : pos])
    if start_cue is None:
        return False
    end_cue = _END_CUE_FAR.search(text[max(s, pos - 100) : pos])
    return end_cue is None or start_cue.start() > end_cue.start()
