"""Agreements: named ones (the Shusha Declaration) and described ones (signed a memorandum)."""

from __future__ import annotations

import re

from ingest.extract.patterns.context import Context
from ingest.extract.patterns.events import event_name, link_actors, link_places, record_event
from ingest.extract.slugs import slug

DESCRIBED = re.compile(
    r"\b(?P<kind>memorand(?:um|a)(?:\s+of\s+(?:understanding|alliance|cooperation))?|MoU|"
    r"agreements?|declaration|treaty|contracts?|deals?|accords?|protocol|roadmap|"
    r"ceasefire(?:\s+deal|\s+agreement)?|statement|decree)\b", re.I)
SIGNING = re.compile(r"\b(?:sign(?:ed|ing|s)?|ink(?:ed|s)?|conclud(?:ed|es?)|reach(?:ed)?|"
                     r"agreed|adopt(?:ed|s))\b", re.I)
BOTH = re.compile(r"\b(?:the\s+two|both)\s+(?:countries|nations|states|sides|governments)\b",
                  re.I)
REFERRING = re.compile(r"(?:\b(?:the|this|that)\s+(?:signed\s+)?)$", re.I)
BROKERED = re.compile(r"(?P<who>[A-Z][\w.]+)-(?:brokered|mediated)\b")
KINDS = (("memorand", "memorandum"), ("mou", "memorandum"), ("declaration", "declaration"),
         ("ceasefire", "ceasefire"), ("contract", "contract"), ("deal", "contract"),
         ("statement", "statement"), ("decree", "decree"))


def _kind(phrase: str) -> str:
    lowered = phrase.lower()
    return next((kind for word, kind in KINDS if word in lowered), "agreement")


def agreements(ctx: Context) -> None:
    """Record an agreement the sentence names or says was signed, its signers and mediators."""
    named = ctx.labelled("Agreement")
    described = DESCRIBED.search(ctx.text, ctx.sentence.start, ctx.sentence.end)
    signing = ctx.has(SIGNING)
    if not named and not (described and signing):
        return
    brokers = {m.start(): m["who"] for m in BROKERED.finditer(ctx.sentence.text)}
    mediators = [m for m in ctx.actors() if m.label == "Country"
                 and any(m.start - ctx.sentence.start == at for at in brokers)]
    signers = _signers(ctx, signing, mediators)
    if named:
        mention = named[0]
        event = record_event(ctx, "Agreement", mention.start, mention.end, mention.name,
                             _kind(mention.text), "agreement.named", 0.8)
    elif REFERRING.search(ctx.text[ctx.sentence.start:described.start()]) and \
            "Agreement" in ctx.article.last_event and not ctx.date():
        event = ctx.article.last_event["Agreement"]
        ctx.out.entities[event].spans.append(described.span())
    else:
        phrase = described.group()
        kind = _kind(phrase)
        states = [m for m in signers if m.label == "Country"]
        name = event_name(ctx, phrase.lower(), states)
        event = record_event(ctx, "Agreement", described.start(), described.end(), name,
                             kind, "agreement.described", 0.6,
                             slug(f"{' '.join(sorted(m.id for m in states))} {kind} "
                                  f"{(ctx.date() or '')[:7]}"))
    if ctx.date():
        ctx.out.entities[event].properties.setdefault("date", ctx.date())
    if signing:
        link_actors(ctx, event, "SIGNED", signers, "agreement.signed", 0.6, date=ctx.date())
    link_actors(ctx, event, "MEDIATED", mediators, "agreement.brokered", 0.7)
    link_places(ctx, event, 0.5)


def _signers(ctx: Context, signing: re.Match[str] | None, mediators: list) -> list:
    """Who signed: people before the signing verb, else states before it, else the states of
    the sentence (or the two last named, for ``the two countries``)."""
    actors = [m for m in ctx.actors() + ctx.persons() if m not in mediators]
    verb = ctx.sentence.start + signing.start() if signing else ctx.sentence.end
    before = [m for m in actors if m.end <= verb]
    people = [m for m in before if m.label == "Person"]
    states = [m for m in before if m.label == "Country"]
    if people or states:
        return people or states
    if ctx.has(BOTH) and len(ctx.article.recent) >= 2:
        return ctx.article.recent[-2:]
    return [m for m in actors if m.label == "Country"]
