"""The report as a whole: a description (``the drills``, ``the talks``, ``the brigade``)
refers to the event or unit the report named before it, so what is said of the description
is said of that event or unit."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Token

from ingest.extract.facts import Mention
from ingest.extract.names import SHIP_STATES
from ingest.extract.scan import tokens, words
from ingest.extract.syntax import EVENT_NOUNS, Annotated

DEFINITE = frozenset(("the", "this", "these", "that", "those", "its", "their"))
INDEFINITE = frozenset(("a", "an"))
NAMING = frozenset(("compound", "appos", "nmod", "amod", "npadvmod"))
INTERNATIONAL = ("alliance", "international_organization")
ANOTHER_TIME = frozenset(("previous", "next", "earlier", "last"))
"""Words on a description that put it in another edition than the report's event: ``the
previous exercise``, ``last year's drills``."""
UNIT_NOUNS = frozenset(("brigade", "battalion", "regiment", "division", "fleet", "squadron",
                        "wing", "corps", "flotilla", "company", "contingent", "task"))
SHIP_NOUNS = frozenset(("ship", "frigate", "destroyer", "corvette", "submarine", "boat",
                        "vessel", "warship", "flagship"))
"""``the boat's commanding officer``, ``the frigate, commanded by``: the ship the report
named last, as the owner of what follows or described by a participle."""
OWNER_NOUNS = {"ministry": ("ministry",), "organisation": INTERNATIONAL,
               "organization": INTERNATIONAL, "alliance": ("alliance",), "navy": ("navy",)}
"""``the ministry's General Department of Technology``, ``the organisation's Collective Rapid
Reaction Forces``, ``the navy's Directorate of Materiel``: the body of that kind the report
named last, as the owner of the body named after it."""
NAVY = re.compile(r"\b(?:Navy|Naval\s+Forces?)$|^Naval\s+Forces\s+of\s")
"""A navy's name, as ``the navy`` may stand for it (not a fleet's)."""
_DESCRIPTIONS, _UNIT_NOUNS = words(EVENT_NOUNS), words(UNIT_NOUNS | SHIP_NOUNS)
_OWNER_NOUNS = words(OWNER_NOUNS)
"""The words the passes over the report look for, as ``scan.tokens`` finds them."""


def _named(annotated: Annotated, token: Token, label: str) -> Mention | None:
    """The event named right on the noun: ``Steppe Eagle exercise``, ``the drills, X``,
    ``X, the multinational air exercise organised by ...``."""
    for child in token.children:
        mention = annotated.mention(child)
        if child.dep_ in NAMING and mention is not None and mention.label == label:
            return mention
    if token.dep_ == "appos":
        mention = annotated.mention(token.head)
        if mention is not None and mention.label == label:
            return mention
    return None


def _earlier(events: list[Mention], starts: list[int], at: int, label: str,
             noun: str = "") -> Mention | None:
    """The event of ``label`` the report tells of at ``at``: among those named before it, one
    whose name has the describing noun (``the operation``: ``Operation Shabelle Shield``, not
    a mission named since), else a named one, else a described one; the most named of them."""
    before = [m for m in events[:bisect_left(starts, at)] if m.label == label]
    named = [m for m in before if m.text[:1].isupper()]
    word = noun.removesuffix("s")
    same = [m for m in named if word and word in m.name.lower()]
    return salient(same or named or before)


def salient(events: list[Mention]) -> Mention | None:
    """Of the events named so far, the one the report tells of most (named most often), the
    first of those on a tie: ``the exercise`` after ``Pacific Horizon 26 ... outside the
    RIMPAC drills`` is Pacific Horizon 26."""
    if not events:
        return None
    counts = Counter(m.id for m in events)
    most = max(counts.values())
    return next(m for m in events if counts[m.id] == most)


def refer(annotated: Annotated) -> None:
    """Tie each event description to the event it stands for (``annotated.events``)."""
    events = sorted((m for m in annotated.mentions if m.label in EVENT_NOUNS.values()
                     and m.role != "qualifier"), key=lambda m: m.start)
    starts = [m.start for m in events]
    for token in tokens(annotated.doc, LOWER, _DESCRIPTIONS):
        label = EVENT_NOUNS[token.lower_]
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        if annotated.mention(token) is not None or _another_time(token):
            continue
        event = _named(annotated, token, label)
        if event is None and _definite(token):
            event = _earlier(events, starts, token.idx, label, token.lower_)
        if event is None and label == "Program" and \
                any(c.lower_ in INDEFINITE for c in token.children):
            event = _announced(events, starts, token)
        if event is not None:
            annotated.events[token.i] = event
    units(annotated)
    owners(annotated)


def _announced(events: list[Mention], starts: list[int], token: Token) -> Mention | None:
    """The program a description announces: ``Kenya launched a regional maritime security
    programme ... . The Blue Horizon Maritime Security Programme will be led by ...``, the
    next program named, in that sentence or the next, under the same noun."""
    after = events[bisect_left(starts, token.idx):]
    named = next((m for m in after if m.label == "Program" and m.text[:1].isupper()), None)
    sentence = token.sent
    end = sentence[-1].nbor().sent.end_char if sentence.end < len(token.doc) else \
        sentence.end_char
    if named is None or named.start >= end or \
            not named.name.lower().endswith(token.lower_.removesuffix("s")):
        return None
    return named


def refer_recorded(annotated: Annotated) -> None:
    """Tie each description still unresolved (``The operation, code-named X, brings together
    ...``) to the event of its label the sentence patterns recorded before it from a
    description of their own (``a fresh offensive``), as ``refer`` ties it to named ones."""
    recorded = sorted((m for m in annotated.heads.values()
                       if m.label in EVENT_NOUNS.values() and m.role != "qualifier"),
                      key=lambda m: m.start)
    if not recorded:
        return
    events = sorted({(m.start, m.id): m for m in [*recorded, *(
        m for m in annotated.mentions if m.label in EVENT_NOUNS.values()
        and m.role != "qualifier")]}.values(), key=lambda m: m.start)
    starts = [m.start for m in events]
    for token in tokens(annotated.doc, LOWER, _DESCRIPTIONS):
        label = EVENT_NOUNS[token.lower_]
        if token.pos_ not in ("NOUN", "PROPN") or token.i in annotated.events \
                or annotated.mention(token) is not None or not _definite(token) or \
                _another_time(token):
            continue
        event = _earlier(events, starts, token.idx, label, token.lower_)
        if event is not None:
            annotated.events[token.i] = event


def _another_time(token: Token) -> bool:
    """Whether a description tells of another edition: ``the previous exercise``, ``next
    year's drills``."""
    return any(c.lower_ in ANOTHER_TIME or (c.dep_ == "poss" and c.lower_ == "year" and any(
        g.lower_ in ANOTHER_TIME for g in c.children)) for c in token.children)


def _definite(token: Token) -> bool:
    """Whether a noun is definite: ``the brigade``, or ``the brigade commander`` (the
    article on the title it names)."""
    return any(c.lower_ in DEFINITE for c in token.children) or (
        token.dep_ == "compound" and any(c.lower_ in DEFINITE for c in token.head.children))


def units(annotated: Annotated) -> None:
    """``the brigade``, ``the fleet``: the unit of that kind the report named last before,
    qualified alike (``the Thai brigade`` only a Thai one), tied as a description is."""
    named = [m for m in annotated.mentions if m.label == "Unit" and m.role != "qualifier" and
             not m.text[:1].islower()]
    ships = [m for m in named if m.kind == "ship" or m.rule == "unit.ship" or
             m.text.split()[0] in SHIP_STATES]
    for token in tokens(annotated.doc, LEMMA, _UNIT_NOUNS):
        if token.pos_ != "NOUN" or \
                annotated.mention(token) is not None or not _definite(token):
            continue
        if token.lemma_ in SHIP_NOUNS:
            if token.tag_ != "NN" or any(annotated.mention(c) is not None
                                         for c in token.children) or not (
                    token.dep_ == "poss" or any(c.dep_ == "acl" for c in token.children)):
                continue
            before = [m for m in ships if m.end <= token.idx]
            if before:
                annotated.events[token.i] = before[-1]
            continue
        states = {m.id for c in token.children if c.dep_ in ("amod", "compound")
                  for m in [annotated.mention(c)] if m is not None and m.label == "Country"}
        fitting = [m for m in named if m.end <= token.idx and token.lemma_ in m.name.lower()
                   and (not states or any(s.lower() in m.id or f"of:{s}" == m.role
                                          for s in states))]
        if fitting:
            annotated.events[token.i] = fitting[-1]


def owners(annotated: Annotated) -> None:
    """``the ministry's``, ``the organisation's`` before a named body: the ministry or
    international body the report named last before, so the body is said to be its."""
    fitting: dict[tuple[str, ...], tuple[list[int], list[Mention]]] = {}
    for token in tokens(annotated.doc, LOWER, _OWNER_NOUNS):
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ != "poss" or \
                annotated.mention(token) is not None or \
                not any(c.lower_ == "the" for c in token.children):
            continue
        owned = annotated.mention(token.head)
        if owned is None or owned.label not in ("Organization", "Unit"):
            continue
        kinds = OWNER_NOUNS[token.lower_]
        if kinds not in fitting:
            found = sorted((m for m in annotated.mentions if m.role != "qualifier" and (
                NAVY.search(m.name) and m.label == "Unit" if kinds == ("navy",) else
                m.label == "Organization" and m.kind in kinds)), key=lambda m: m.end)
            fitting[kinds] = ([m.end for m in found], found)
        ends, found = fitting[kinds]
        at = bisect_right(ends, token.idx)
        if at:
            annotated.events[token.i] = found[at - 1]
