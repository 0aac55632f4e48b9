"""Exercises: named ones (quoted, or Name-2023) and described ones (joint tactical drills)."""

from __future__ import annotations

import re

from ingest.extract.patterns.context import Context
from ingest.extract.patterns.events import event_name, link_actors, link_places, record_event

NOUN = r"(?:exercises?|drills?|war[\s-]?games|maneuvers|manoeuvres)"
MODIFIER = (r"(?:joint|bilateral|trilateral|multinational|large-scale|military|"
            r"tactical(?:-special)?|special|naval|air|command[- ]staff|command-and-staff|"
            r"live-fire|field|combined|annual|counter-terror(?:ism|ist)?|anti-terror(?:ist)?|"
            r"amphibious|computer-assisted|staff|air[- ]defen[cs]e|sea|land|strategic|"
            r"operational|peacekeeping|search-and-rescue)")
DESCRIBED = re.compile(rf"\b(?:{MODIFIER}\s+){{1,4}}{NOUN}\b", re.I)
BARE = re.compile(rf"\b(?:the|these|this|those)\s+{NOUN}\b", re.I)
QUOTED = re.compile(rf"[“\"](?P<name>[^”\"]{{3,60}})[”\"](?=\s+(?:[\w-]+\s+){{0,3}}{NOUN})", re.I)
DUBBED = re.compile(r"\b(?:code-?named|dubbed|named|called)\s+[“\"]?(?P<name>[A-Z][^”\",.]{2,50})")
YEAR_NAME = re.compile(r"\b(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}[-–](?:19|20)\d\d)\b")
PERSONNEL = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:military\s+)?(?:personnel|troops|"
                       r"servicemen|soldiers|service members)")
KINDS = (("tactical-special", "tactical_special"), ("command", "command_staff"),
         ("naval", "naval"), ("sea", "naval"), ("tactical", "tactical"), ("joint", "joint"))


def _kind(phrase: str) -> str | None:
    lowered = phrase.lower()
    return next((kind for word, kind in KINDS if word in lowered), None)


def _named(ctx: Context) -> tuple[int, int, str] | None:
    sentence = ctx.sentence
    for pattern in (QUOTED, DUBBED):
        match = pattern.search(ctx.text, sentence.start, sentence.end)
        if match:
            return match.start("name"), match.end("name"), match["name"].strip()
    if re.search(NOUN, sentence.text, re.I):
        match = YEAR_NAME.search(ctx.text, sentence.start, sentence.end)
        if match:
            return match.start("name"), match.end("name"), match["name"]
    return None


def _same(ctx: Context, states: set[str]) -> str | None:
    """The exercise already reported with overlapping parties (or the last one, when the
    sentence names none)."""
    for event, parties in reversed(ctx.article.exercises.items()):
        if states & parties or not states:
            return event
    return None


def exercises(ctx: Context) -> None:
    """Record the exercise a sentence reports, its participants, place, date and size."""
    named = _named(ctx)
    described = DESCRIBED.search(ctx.text, ctx.sentence.start, ctx.sentence.end)
    actors = [m for m in ctx.actors() if m.label != "Organization" or m.kind == "armed_forces"
              or m.id.endswith("armed-forces")]
    if named:
        start, end, name = named
        earlier = ctx.article.last_event.get("Exercise")
        if earlier and BARE.search(ctx.text, ctx.sentence.start, start):
            entity = ctx.out.entities[earlier]
            entity.name = name
            entity.aliases.append(name)
            entity.spans.append((start, end))
            event = earlier
        else:
            event = record_event(ctx, "Exercise", start, end, name,
                                 _kind(described.group()) if described else None,
                                 "exercise.named", 0.85)
        if described:
            record_event(ctx, "Exercise", described.start(), described.end(), name, None,
                         "exercise.described", 0.6, event)
        ctx.article.exercises.setdefault(event, set())
    elif described:
        phrase = described.group()
        kind = _kind(phrase)
        states = {m.id.split("-")[0].upper() for m in actors}
        event = _same(ctx, states)
        if event is None:
            name = event_name(ctx, phrase.lower(), actors)
            event = record_event(ctx, "Exercise", described.start(), described.end(), name,
                                 kind, "exercise.described", 0.6)
            ctx.article.exercises[event] = states
        else:
            record_event(ctx, "Exercise", described.start(), described.end(), "", kind,
                         "exercise.described", 0.6, event)
    else:
        bare = BARE.search(ctx.text, ctx.sentence.start, ctx.sentence.end)
        event = ctx.article.last_event.get("Exercise")
        if not bare or event is None:
            return
        start, end = bare.span()
        ctx.out.entities[event].spans.append((start, end))
    entity = ctx.out.entities[event]
    if ctx.date():
        entity.properties.setdefault("date", ctx.date())
    size = PERSONNEL.search(ctx.sentence.text)
    if size:
        entity.properties.setdefault("personnel", int(size["n"].replace(",", "")))
    link_actors(ctx, event, "PARTICIPATED_IN", actors, "exercise.participant", 0.65)
    link_places(ctx, event)
