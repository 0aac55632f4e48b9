"""Later mentions of a war, operation or program already reported (``the war ended``, ``the
operation resulted in``, ``this program trains``), so the sentence's parties and places reach
it."""

from __future__ import annotations

import re

from ingest.extract.patterns.agreements import kind_of, referred
from ingest.extract.patterns.context import Context, fold
from ingest.extract.patterns.events import refer

REFERENCE = re.compile(
    r"\b(?:the|this|that|its|their)\s+(?:(?:\d+-day|bloody|brief|short|recent|whole|"
    r"[A-Z][\w’'-]*(?:-[A-Z][\w’'-]*)?)\s+){0,2}"
    r"(?P<noun>war|operation|offensive|counter-offensive|campaign|mission|conflict|fighting|"
    r"hostilities)\b", re.I)
WORDS = ("war", "operation", "offensive", "campaign", "mission", "conflict", "fighting",
         "hostilities")
PROGRAM = re.compile(r"\b(?:the|this|that)\s+(?:program(?:me)?|initiative|project|mechanism)\b",
                     re.I)
RECENT = 3
"""How many sentences back ``this program`` still finds the program it means."""
WARLIKE = ("war", "conflict", "fighting", "hostilities")

fold(REFERENCE)


def operations(ctx: Context) -> None:
    """Tie ``the war`` or ``the operation`` to the latest operation of that kind reported."""
    if "Operation" not in ctx.article.last_event or \
            any(e.label == "Operation" for e in ctx.events) or not ctx.says(*WORDS):
        return
    match = ctx.has(REFERENCE)
    event = ctx.article.last_event.get("Operation")
    if not match or event is None:
        return
    kind = ctx.out.entities[event].properties.get("kind")
    noun = match["noun"].lower()
    if (noun in WARLIKE) != (kind == "war"):
        return
    start = ctx.sentence.start + match.start()
    refer(ctx, "Operation", event, start, ctx.sentence.start + match.end())


def programs(ctx: Context) -> None:
    """Tie ``the program`` or ``this program`` to the program reported just before."""
    event = ctx.article.last_event.get("Program")
    if event is None or any(e.label == "Program" for e in ctx.events) or \
            not ctx.says("program", "initiative", "project", "mechanism") or \
            ctx.article.sentence - ctx.article.seen_at.get(event, -9) > RECENT:
        return
    match = ctx.has(PROGRAM)
    if match:
        refer(ctx, "Program", event, ctx.sentence.start + match.start(),
              ctx.sentence.start + match.end())


UNDER_AGREEMENT = re.compile(
    r"\b(?:under|includes?|including|within|as\s+part\s+of)\s+(?:the|this|that|its|their|an?)\s+"
    r"(?:[\w-]+\s+){0,2}(?:deal|contract|agreement|memorandum|accord|treaty|package)s?\b|"
    r"\b(?:the|this)\s+(?:deal|contract|agreement|memorandum)\s+(?:also\s+)?includes?\b", re.I)
fold(UNDER_AGREEMENT)


def activities(ctx: Context) -> None:
    """A program named by what it does (``a training package``) told with an agreement, in
    the sentence or referred to (``Under the memorandum``, ``The deal also includes``), is
    part of that agreement."""
    found = [m for m in ctx.mentions if m.label == "Program" and m.kind == "activity"]
    if not found:
        return
    signed = next((e.id for e in ctx.events if e.label == "Agreement"), None)
    under = ctx.has(UNDER_AGREEMENT) if signed is None else None
    if under is not None and "Agreement" in ctx.article.last_event:
        signed = referred(ctx, kind_of(under.group()))
    if signed is None or signed not in ctx.out.entities:
        return
    for program in found:
        ctx.keep(program)
        ctx.out.relate("PART_OF", program.id, signed, ctx.span, "program.under_agreement", 0.5)
