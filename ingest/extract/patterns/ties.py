"""Standing ties between actors: membership, cooperation, support, training, fighting."""

from __future__ import annotations

import re
from itertools import combinations

from ingest.extract.patterns.context import Context

COOPERATION = re.compile(r"\b(?:cooperat\w*|co-operat\w*|partnership|collaborat\w*|ties|"
                         r"interoperability|alliance)\b", re.I)
MILITARY = re.compile(r"\b(?:military|defen[cs]e|armed|army|security|troops)\b", re.I)
MEMBERSHIP = re.compile(r"\b(?:members?(?:hip)?|joined|join|accession|acceded)\b", re.I)
SUPPORT = re.compile(r"\b(?:support(?:s|ed|ing)?|assist(?:ance|ed|s)?|aid|backed|backing)\b",
                     re.I)
TRAINING = re.compile(r"\b(?:train(?:s|ed)|training\s+of|instruct(?:s|ed|ing))\b", re.I)
FIGHTING = re.compile(r"\b(?:wars?|conflict|clashes|fighting|hostilities|aggression|"
                      r"attack(?:s|ed)?|offensive|invasion|invaded|shell(?:ed|ing))\b", re.I)
GROUPS = ("alliance", "international_organization", "forum", "coalition")


def membership(ctx: Context) -> None:
    """MEMBER_OF from states to alliances and organisations they joined or belong to;
    PARTICIPATED_IN to programs they joined."""
    if not ctx.has(MEMBERSHIP):
        return
    targets = [m for m in ctx.actors() if m.label == "Organization" and m.kind in GROUPS]
    targets += ctx.labelled("Program")
    for country in ctx.countries():
        target = next((m for m in targets if m.start > country.end), None)
        if target is None:
            continue
        type_ = "PARTICIPATED_IN" if target.label == "Program" else "MEMBER_OF"
        ctx.out.add(country)
        ctx.out.add(target)
        ctx.out.relate(type_, country.id, target.id, ctx.span, "tie.membership", 0.65)


def programs(ctx: Context) -> None:
    """PARTICIPATED_IN from the states a sentence ties to a cooperation program."""
    for program in ctx.labelled("Program"):
        ctx.out.add(program)
        for actor in ctx.countries():
            ctx.out.add(actor)
            ctx.out.relate("PARTICIPATED_IN", actor.id, program.id, ctx.span,
                           "program.participant", 0.5)


def cooperation(ctx: Context) -> None:
    """COOPERATES_WITH between the actors of a sentence about cooperation or partnership."""
    if not ctx.has(COOPERATION):
        return
    actors = [m for m in ctx.actors() if m.label in ("Country", "Organization")][:3]
    field = "military" if ctx.has(MILITARY) else None
    for first, second in combinations(actors, 2):
        ctx.out.add(first)
        ctx.out.add(second)
        a, b = sorted((first.id, second.id))
        ctx.out.relate("COOPERATES_WITH", a, b, ctx.span, "tie.cooperation", 0.5, field=field)


def _directed(ctx: Context, pattern: re.Pattern[str], type_: str, rule: str,
              confidence: float) -> None:
    match = ctx.has(pattern)
    if not match:
        return
    at = ctx.sentence.start + match.start()
    actors = ctx.actors()
    givers = [m for m in actors if m.end <= at]
    takers = [m for m in actors if m.start >= at]
    if not givers:
        return
    giver = givers[0]
    for taker in takers or [m for m in givers[1:] if m.label == "Country"][:1]:
        ctx.out.add(giver)
        ctx.out.add(taker)
        ctx.out.relate(type_, giver.id, taker.id, ctx.span, rule, confidence)


def support(ctx: Context) -> None:
    """SUPPORTS from the first actor before a support word to the actors after it."""
    _directed(ctx, SUPPORT, "SUPPORTS", "tie.support", 0.45)


def training(ctx: Context) -> None:
    """TRAINED from the first actor before a training word to the actors after it."""
    _directed(ctx, TRAINING, "TRAINED", "tie.training", 0.4)


def fighting(ctx: Context) -> None:
    """FOUGHT between two states a sentence puts at war or in conflict."""
    if not ctx.has(FIGHTING):
        return
    states = [m for m in ctx.countries() if ctx.text[m.end:m.end + 1] != "-"][:2]
    if len(states) == 2:
        for state in states:
            ctx.out.add(state)
        a, b = sorted(m.id for m in states)
        ctx.out.relate("FOUGHT", a, b, ctx.span, "tie.fighting", 0.45)
