"""Meetings, visits, calls and talks between named people or states."""

from __future__ import annotations

import re

from ingest.extract.patterns.context import Context
from ingest.extract.patterns.events import event_name, link_actors, link_places, record_event
from ingest.extract.slugs import slug

MEETING = re.compile(
    r"\b(?P<what>(?:official\s+|state\s+|working\s+)?visits?|(?:telephone|phone)\s+"
    r"(?:conversation|call|talk)s?|meetings?|met|talks|summit|negotiations|consultations)\b",
    re.I)
KINDS = (("visit", "visit"), ("phone", "call"), ("telephone", "call"), ("talks", "talks"),
         ("negotiation", "talks"), ("consultation", "talks"))
HOSTING = re.compile(r"\bhost(?:ed|ing|s)?\b", re.I)


def _kind(phrase: str) -> str:
    lowered = phrase.lower()
    return next((kind for word, kind in KINDS if word in lowered), "meeting")


def meetings(ctx: Context) -> None:
    """Record a meeting between people (or states) named in the sentence."""
    match = MEETING.search(ctx.text, ctx.sentence.start, ctx.sentence.end)
    persons = ctx.persons()
    actors = ctx.actors()
    if not match or not (persons or len(actors) >= 2):
        return
    kind = _kind(match["what"])
    parties = persons or actors
    key = slug(" ".join(m.name.split()[-1] for m in parties) + f" {kind} {ctx.date() or ''}")
    name = event_name(ctx, kind, actors) if not persons else \
        f"{'–'.join(m.name for m in persons)} {kind}" + (f" ({ctx.date()})" if ctx.date() else "")
    event = record_event(ctx, "Meeting", match.start(), match.end(), name, kind,
                         f"meeting.{kind}", 0.6, key)
    if ctx.date():
        ctx.out.entities[event].properties.setdefault("date", ctx.date())
    link_actors(ctx, event, "PARTICIPATED_IN", persons, "meeting.participant", 0.6)
    if HOSTING.search(ctx.text, ctx.sentence.start, match.start()):
        link_actors(ctx, event, "HOSTED", [a for a in actors if a.label == "Country"][:1],
                    "meeting.hosted", 0.6)
    link_places(ctx, event, 0.55)
