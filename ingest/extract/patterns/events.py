"""Shared steps of the event patterns: name an event, record it, refer back to it."""

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
    remember(ctx, mention)
    return mention.id


def refer(ctx: Context, label: str, event: str, start: int, end: int) -> None:
    """A later mention (``the exercise``) of an event already recorded: a span of evidence,
    and a place in the sentence for its participants and places."""
    entity = ctx.out.entities[event]
    if (start, end) not in entity.spans:
        entity.spans.append((start, end))
    remember(ctx, Mention(start, end, ctx.text[start:end], label, event, entity.name,
                          rule="event.reference", confidence=0.5))


def remember(ctx: Context, mention: Mention) -> None:
    """Put an event mention among the sentence's events and the article's latest, and count
    it towards the event of its label the report tells most of (its main one)."""
    if not any(m.id == mention.id and m.start == mention.start for m in ctx.events):
        ctx.events.append(mention)
        ctx.events.sort(key=lambda m: m.start)
    ctx.article.last_event[mention.label] = mention.id
    told = ctx.article.told
    if ctx.article.seen_at.get(mention.id) != ctx.article.sentence:
        told[mention.id] = told.get(mention.id, 0) + 1
    main = ctx.article.main_event.get(mention.label)
    if main is None or told[mention.id] > told.get(main, 0):
        ctx.article.main_event[mention.label] = mention.id
    ctx.article.seen_at[mention.id] = ctx.article.sentence


def event_at(ctx: Context, mention: Mention, events: list[Mention] | None = None
             ) -> Mention | None:
    """The event of the sentence the words around ``mention`` are about: the nearest one in
    its clause (None when its clause names none)."""
    pool = [e for e in (ctx.events if events is None else events)
            if ctx.same_clause(e, mention)]
    if not pool:
        return None

    def distance(event: Mention) -> tuple[int, int]:
        gap = event.start - mention.end if event.start >= mention.end else \
            mention.start - event.end
        return (max(gap, 0), 0 if event.start >= mention.end else 1)

    return min(pool, key=distance)


def link_actors(ctx: Context, event: str, type_: str, actors: list[Mention], rule: str,
                confidence: float, **properties: object) -> None:
    """``type_`` relations from each actor to the event."""
    for actor in actors:
        ctx.keep(actor)
        ctx.out.relate(type_, actor.id, event, ctx.span, rule, confidence, **properties)
