"""Membership from what we know: a state named with its bloc in a sentence that speaks of
membership (``NATO allies Estonia, Latvia and Lithuania``, ``fellow GCC members``), or right
beside it (``the CSTO exercise in Tajikistan``), is MEMBER_OF the bloc when the dictionaries
know it was a member when the report was written."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from functools import cache

from ingest.extract.dates import DATELINE_DATE
from ingest.extract.facts import Extraction, Mention
from ingest.extract.gazetteer import rows
from ingest.extract.sentences import Sentence
from ingest.extract.syntax import Annotated

KNOWN = 0.55
"""Confidence of a membership the sentence speaks of and the dictionaries confirm."""
NEAR = 40
"""How close (in characters) a state named with its bloc is read as a member."""
CUES = frozenset(("member", "ally", "allied", "fellow", "bloc"))
"""Lemmas that make a sentence speak of membership."""
LED = re.compile(r"-(?:led|run|backed|funded)\b")
"""After a state that only leads or backs what follows (``French-led NATO drills``)."""
DASH = re.compile(rf"\s*(?:[—–]|--|,\s*{DATELINE_DATE}\s+-\s)")
"""After a dateline's state: its dash, or its date and a hyphen (``, 14 May 2026 -``)."""
OWNER = re.compile(r"['’]s\s+(?:[A-Z][\w-]*\s+){1,3}[A-Z]")
"""After a state that only owns an office named by its title and holder (``Sierra Leone's
President Julius Maada Bio``): a chair, not one of the members the sentence counts."""
MEMBERS = re.compile(r"\b(?:member|bloc)\b")
"""Words of a sentence that speaks of a bloc's members as a body (``four member states of
the CSTO``, ``the bloc's largest exercise``), not only of allies."""


@cache
def members() -> dict[str, tuple[tuple[str, int, int | None], ...]]:
    """The members of each bloc the dictionaries know: (state, since, until) by bloc id."""
    found: dict[str, list[tuple[str, int, int | None]]] = defaultdict(list)
    for row in rows("memberships.csv"):
        until = int(row["until"]) if row["until"] else None
        found[row["organization"]].append((row["member"], int(row["since"]), until))
    return {bloc: tuple(states) for bloc, states in found.items()}


def belongs(state: str, bloc: str, year: int | None) -> bool:
    """Whether ``state`` was a member of ``bloc`` in ``year`` (now, when unknown)."""
    return any(member == state and (year is None or since <= year) and
               (until is None or (year is not None and year < until))
               for member, since, until in members().get(bloc, ()))


def memberships(annotated: Annotated, out: Extraction, sentences: list[Sentence],
                published: str | None) -> None:
    """MEMBER_OF for each known member named in a sentence with its bloc and a membership
    word that is not negated (``Serbia, which is not an EU member`` is not a member), or
    named by its name within ``NEAR`` characters of the bloc (less surely; not a demonym,
    ``Greek jets patrol on NATO's behalf``, nor a state leading it, ``French-led NATO
    drills``)."""
    year = int(published[:4]) if published and published[:4].isdigit() else None
    named = [m for m in annotated.mentions if m.id in out.entities and
             m.role != "qualifier" and m.label in ("Country", "Organization")]
    starts = [m.start for m in named]
    carried: set[str] = set()
    for sentence in sentences:
        inside = named[bisect_left(starts, sentence.start):bisect_left(starts, sentence.end)]
        blocs = {m.id for m in inside if m.label == "Organization" and m.id in members()}
        if sentence.heading:
            continue
        _carried(out, sentence, inside, carried - blocs, year)
        carried = set()
        if not blocs:
            continue
        cue = speaks_of_membership(annotated, sentence)
        if cue and MEMBERS.search(sentence.text) and not any(
                m.label == "Country" and m.role == "name" and not _dateline(out.text, sentence, m)
                and not OWNER.match(out.text, m.end) for m in inside):
            carried = blocs
        for bloc in blocs:
            near = {m.id for b in inside if b.id == bloc for m in inside
                    if m.label == "Country" and abs(m.start - b.start) <= NEAR and
                    m.role == "name" and not LED.match(out.text, m.end)} \
                if not cue and not _mentions_membership(sentence) else set()
            for state in {m.id for m in inside if m.label == "Country"
                          and (cue or m.id in near)}:
                if belongs(state, bloc, year):
                    out.relate("MEMBER_OF", state, bloc, (sentence.start, sentence.end),
                               "membership.dictionary", KNOWN if cue else KNOWN - 0.1)


def _dateline(text: str, sentence: Sentence, mention: Mention) -> bool:
    """Whether ``mention`` is the state of the sentence's dateline (``AKTAU, Kazakhstan —``),
    which places the report and names no actor."""
    return not any(char.islower() for char in text[sentence.start:mention.start]) and \
        DASH.match(text, mention.end, mention.end + 26) is not None


def _carried(out: Extraction, sentence: Sentence, inside: list[Mention], blocs: set[str],
             year: int | None) -> None:
    """The states listed in the sentence after one that speaks of a bloc's members without
    naming them (``troops from four member states of the CSTO ...`` then ``from Kazakhstan,
    Russia, Kyrgyzstan and Tajikistan``), when the dictionaries know them as members."""
    for bloc in blocs:
        for state in {m.id for m in inside if m.label == "Country"}:
            if belongs(state, bloc, year):
                out.relate("MEMBER_OF", state, bloc, (sentence.start, sentence.end),
                           "membership.carried", KNOWN - 0.1)


def _mentions_membership(sentence: Sentence) -> bool:
    """Whether a membership word stands in ``sentence`` at all, negated or not."""
    text = sentence.text.lower()
    return any(cue in text for cue in CUES)


def speaks_of_membership(annotated: Annotated, sentence: Sentence) -> bool:
    """Whether a membership word stands in ``sentence`` unnegated."""
    span = annotated.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    return span is not None and any(
        token.lemma_.lower() in CUES and
        not any(child.dep_ == "neg" for child in (*token.children, *token.head.children))
        for token in span)
