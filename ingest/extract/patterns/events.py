"""Shared steps of the event patterns: name an event, record it, link actors and places."""

from __future__ import annotations

from ingest.extract.facts import Mention
from ingest.extract.patterns.context import Context
from ingest.extract.slugs import slug


def event_name(ctx: Context, what: str, actors: list[Mention]) -> str:
    """A readable name for an unnamed event: its parties, what it is and its year."""
    parties = "–".join(dict.fromkeys(m.name for m in actors if m.label == "Country"))
    year = (ctx.date() or ctx.article.published or "")[:4]
    name = f"{parties} {what}".strip()
    return f"{name} ({year})" if year else name


def record_event(ctx: Context, label: str, start: int, end: int, name: str, kind: str | None,
                 rule: str, confidence: float, event_id: str | None = None) -> str:
    """Add the event mentioned at ``[start, end)`` and remember it as the latest of its label."""
    mention = Mention(start, end, ctx.text[start:end], label, event_id or slug(name), name, kind,
                      rule=rule, confidence=confidence)
    ctx.out.add(mention)
    ctx.article.last_event[label] = mention.id
    return mention.id


def link_places(ctx: Context, event: str, confidence: float = 0.55) -> None:
    """HELD_IN from the event to every place the sentence puts it in."""
    for place in ctx.places():
        ctx.out.add(place)
        ctx.out.relate("HELD_IN", event, place.id, ctx.span, "place.held_in", confidence)


def link_actors(ctx: Context, event: str, type_: str, actors: list[Mention], rule: str,
                confidence: float, **properties: object) -> None:
    """``type_`` relations from each actor to the event."""
    for actor in actors:
        ctx.out.add(actor)
        ctx.out.relate(type_, actor.id, event, ctx.span, rule, confidence, **properties)
