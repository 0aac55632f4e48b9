"""Facts a report states across its sentences about an event: whoever signed an agreement at
a meeting (``the ministers signed the Bodø Declaration at the autumn meeting of NORDEFCO``)
took part in that meeting, however many sentences later the signatories are named; and the
drills a report about one exercise tells of, at a place, without naming the exercise again
(``a final phase ... is planned near the port of Yanbu``), are that exercise's, and so are
the units such sentences tell of doing them."""

from __future__ import annotations

import re
from bisect import bisect_right

from ingest.extract.facts import Entity, Extraction
from ingest.extract.sentences import Sentence

SIGNED_AT = re.compile(r"\b(?:at|during|(?:sidelines|margins|close|end) of)\s+"
                       r"(?:[\w’'-]+\s+){0,6}$", re.I)
"""What joins a signing to the meeting it took place at: ``at (the close of) the ...``,
``during``, ``on the sidelines of``, a few words at most before the meeting's name."""
SIGNATORIES = ("Person", "Country")
"""Who is said to take part in the meeting where they signed (a body that signs at its own
meeting holds it rather than attends it)."""
EVENT_LABELS = ("Exercise", "Operation", "Meeting", "Agreement", "Program")
"""Events a sentence may name, which then is about that event and not the report's."""
DRILLING = re.compile(r"\b(?:training(?!\s+(?:ship|range|area|centre|center|grounds?|facility|"
                      r"camp|school|academy|mission|programme|program|course))|drills?|drilled|"
                      r"fir(?:e|ed|ing)|landings?|practi[sc]\w*|crossing|clear(?:ing|ed)|"
                      r"patrolling|phase|live-fire|manoeuvres|maneuvers|assault|raid|"
                      r"rehears\w*|boarding)\b", re.I)
"""Words telling of an exercise's activity: training, drills, firing, landings, a phase."""
FLYING = re.compile(r"\b(?:fl(?:y|ies|ying|ew)|sail(?:s|ed|ing)?|serials?|sorties)\b", re.I)
"""Words telling of what a unit's aircraft or ships do in an exercise (not where it is held:
they fly ``from`` a home base)."""
ANOTHER_TIME = re.compile(r"\b(?:previous|last\s+year|next\s+year|earlier\s+edition)\b",
                          re.I)
"""Words putting a sentence's drills in another edition than the report's."""
AT_PLACE = re.compile(r"\b(?:at|in|on|off|near|around|across)\s+(?:the\s+)?"
                      r"(?:[a-z][\w-]*\s+){0,2}$")
"""Before the place where the drills are: ``near the port of``, ``in the``, ``around``."""
HOME_BASE = re.compile(r"\b(?:based|headquartered|stationed|previous|last\s+year|edition|"
                       r"hosted)\b", re.I)
"""Before a place that is a unit's home or another edition's venue, not the drills'."""
OFFICE_OF = re.compile(r"\b(?:commander|chief|head|director|commandant|officer)\s+of\s+"
                       r"(?:the\s+)?(?:[\w’'-]+\s+){0,4}$", re.I)
"""Before a unit named as someone's office (``commander of the Colombian Navy's``), not
as one doing the drills."""
PARENT_EVENTS = ("Exercise", "Operation")
"""Events a force takes part in through its units (a meeting's delegates speak for
themselves)."""
GATHERINGS = ("meeting", "talks")
"""Kinds of meeting attended by everyone who signs there: at a visit the hosts sign too,
but only the visitors take part in the visit."""


def _sentence(openings: list[int], sentences: list[Sentence], offset: int) -> int | None:
    index = bisect_right(openings, offset) - 1
    if index < 0 or offset >= sentences[index].end:
        return None
    return index


def signed_at_meetings(out: Extraction, sentences: list[Sentence]) -> None:
    """Each signatory of an agreement that a sentence says was signed at a meeting
    (the agreement named first, the meeting right after ``at``/``during``) PARTICIPATED_IN
    that meeting."""
    body = [s for s in sentences if not s.heading]
    openings = [s.start for s in body]
    meetings = [e for e in out.entities.values() if e.label == "Meeting" and
                e.properties.get("kind", "meeting") in GATHERINGS]
    if not meetings:
        return
    signatories: dict[str, list[str]] = {}
    for relation in out.relations.values():
        if relation.type == "SIGNED" and out.entities[relation.source].label in SIGNATORIES:
            signatories.setdefault(relation.target, []).append(relation.source)
    for agreement, signers in signatories.items():
        for start, end in out.entities[agreement].spans:
            where = _sentence(openings, body, start)
            if where is None:
                continue
            for meeting in meetings:
                for m_start, _ in meeting.spans:
                    if not end <= m_start < body[where].end or \
                            not SIGNED_AT.search(out.text, end, m_start):
                        continue
                    span = (body[where].start, body[where].end)
                    for signer in signers:
                        out.relate("PARTICIPATED_IN", signer, meeting.id, span,
                                   "meeting.signed_at", 0.55)


def _drill_sentences(out: Extraction, sentences: list[Sentence]
                     ) -> tuple[Entity | None, list[tuple[Sentence, bool,
                                                          list[tuple[int, Entity]]]]]:
    """The exercise a report is about (named at least three times, and more than any other
    event) and, with whether they tell of drills (else only of flying or sailing) and the
    entities each names, the body sentences after its first mention that tell of its drills
    or sorties and name no event but its phases."""
    exercises = [e for e in out.entities.values() if e.label == "Exercise"]
    if not exercises:
        return None, []
    main = max(exercises, key=lambda e: len(e.spans))
    if len(main.spans) < 3 or any(len(e.spans) > len(main.spans) for e in out.entities.values()
                                  if e.label in EVENT_LABELS and e is not main):
        return None, []
    first = min(start for start, _ in main.spans)
    spans = sorted(((start, entity) for entity in out.entities.values()
                    for start, _ in entity.spans), key=lambda pair: pair[0])
    starts = [start for start, _ in spans]
    found = []
    for sentence in sentences:
        if sentence.heading or sentence.start < first or \
                ANOTHER_TIME.search(out.text, sentence.start, sentence.end):
            continue
        drilling = DRILLING.search(out.text, sentence.start, sentence.end) is not None
        if not drilling and not FLYING.search(out.text, sentence.start, sentence.end):
            continue
        inside = spans[bisect_right(starts, sentence.start - 1):
                       bisect_right(starts, sentence.end - 1)]
        if not any(entity.label in EVENT_LABELS and entity.properties.get("kind") != "phase"
                   for _, entity in inside):
            found.append((sentence, drilling, inside))
    return main, found


def drills_at(out: Extraction, sentences: list[Sentence]) -> None:
    """HELD_IN from the exercise a report is about to the places where sentences that name
    no event but its phases tell of its drills: ``Training is spread over three sites: ...,
    a drop zone near the village of Pepelishte``, ``The at-sea phase runs from the naval
    base at Souda Bay``; and PARTICIPATED_IN from the units such sentences, or sentences
    telling of its sorties, name doing them: ``The landing on Örö will be carried out by the
    Nyland Brigade``, ``The host is flying F-16s of Aviation Group No. 7``, and in the one
phase such a sentence names before them (``A maritime phase followed, where the Royal
Jordanian Naval Force ... practised``)."""
    main, found = _drill_sentences(out, sentences)
    if main is None:
        return
    for sentence, drilling, inside in found:
        span = (sentence.start, sentence.end)
        phases = sorted({(start, entity.id) for start, entity in inside
                         if entity.properties.get("kind") == "phase"})
        for start, entity in inside:
            before = out.text[max(sentence.start, start - 40):start]
            if entity.label == "Location" and drilling and AT_PLACE.search(before) and \
                    not HOME_BASE.search(before[-30:]):
                out.relate("HELD_IN", main.id, entity.id, span, "venue.drills_at", 0.45)
            elif entity.label == "Unit" and not out.text[start:start + 1].islower() and \
                    not OFFICE_OF.search(out.text, max(sentence.start, start - 60), start):
                out.relate("PARTICIPATED_IN", entity.id, main.id, span,
                           "exercise.drilling_unit", 0.45)
                if len({phase for _, phase in phases}) == 1 and phases[0][0] < start:
                    out.relate("PARTICIPATED_IN", entity.id, phases[0][1], span,
                               "exercise.phase_unit", 0.4)


def parent_services(out: Extraction) -> None:
    """PARTICIPATED_IN from the service or formation a participating unit or ship is part of
    (``the Argentine Navy's transport ship ARA Canal de Beagle carried vehicles``: the
    Argentine Navy took part too), one level up: a force takes part through its units."""
    parents: dict[str, list[tuple[str, tuple[int, int]]]] = {}
    for relation in out.relations.values():
        if relation.type == "PART_OF" and out.entities[relation.source].label == "Unit" and \
                out.entities[relation.target].label == "Unit":
            parents.setdefault(relation.source, []).append((relation.target, relation.spans[0]))
    taking_part = sorted((r.source, r.target, r.spans[0]) for r in out.relations.values()
                         if r.type == "PARTICIPATED_IN" and r.source in parents and
                         out.entities[r.target].label in PARENT_EVENTS)
    for unit, event, span in taking_part:
        for parent, _ in sorted(parents[unit]):
            out.relate("PARTICIPATED_IN", parent, event, span, "participation.parent_service",
                       0.4)
