"""Whether an event the report names has happened: one only stated as coming (``will be
held in May``, ``is scheduled for``, ``plans to stage``) and never as under way or done is
marked ``status: planned``, so a reader of the graph tells announcements from facts."""

from __future__ import annotations

from spacy.tokens import Token

from ingest.extract.facts import Extraction
from ingest.extract.syntax import Annotated

FUTURE = frozenset(("will", "shall", "'ll"))
PLANNING = frozenset(("plan", "schedule", "due", "expect", "set", "intend", "propose"))
EVENTS = ("Exercise", "Operation", "Meeting")


def _verb(token: Token) -> Token | None:
    """The verb a noun is an argument of (through prepositions and conjuncts)."""
    while token.dep_ not in ("ROOT",) and token.pos_ not in ("VERB", "AUX"):
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def _tense(verb: Token) -> str | None:
    """``planned`` for a future or planning clause, ``happened`` for a past or present one."""
    chain = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    head = verb.head if verb.dep_ in ("xcomp", "ccomp") else verb
    if any(c.lower_ in FUTURE for t in {*chain, head} for c in t.children if c.dep_ == "aux") \
            or head.lemma_ in PLANNING or verb.lemma_ in PLANNING:
        return "planned"
    if verb.tag_ in ("VBD", "VBZ", "VBP", "VBG") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP")
            for c in verb.children):
        return "happened"
    return None


def mark(annotated: Annotated, out: Extraction) -> None:
    """``status: planned`` on each event only ever stated as coming."""
    seen: dict[str, set[str]] = {}
    doc = annotated.doc
    for token in (doc[i] for i in sorted({*annotated.events, *annotated.heads})):
        event = annotated.events.get(token.i) or (
            annotated.heads.get(token.i) if token.i in annotated.heads else None)
        if event is None or event.label not in EVENTS or event.id not in out.entities:
            continue
        verb = _verb(token)
        tense = _tense(verb) if verb is not None else None
        if tense:
            seen.setdefault(event.id, set()).add(tense)
    for event, tenses in seen.items():
        if tenses == {"planned"}:
            out.entities[event].properties.setdefault("status", "planned")
