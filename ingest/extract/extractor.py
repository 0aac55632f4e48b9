"""Extract the entities and relations of one report: sentences, mentions, then patterns.

Deterministic and offline: the same text always gives the same facts, each with its
evidence span, the rule that produced it and a confidence.
"""

from __future__ import annotations

from collections.abc import Callable

from ingest.extract.dates import find_dates, infer_published
from ingest.extract.facts import Extraction, Mention
from ingest.extract.gazetteer import Gazetteer, default, extras
from ingest.extract.mentions import resolve_mentions
from ingest.extract.patterns import agreements, exercises, meetings, roles, ties
from ingest.extract.patterns.context import Article, Context
from ingest.extract.sentences import split

PATTERNS: tuple[Callable[[Context], None], ...] = (
    exercises.exercises, agreements.agreements, meetings.meetings, roles.roles,
    ties.membership, ties.programs, ties.cooperation, ties.support, ties.training,
    ties.fighting,
)
"""The relation patterns, run on each sentence in this order (events first)."""


def extract(text: str, article: str, published: str | None = None,
            gazetteer: Gazetteer | None = None) -> Extraction:
    """The facts proposed for the report ``text`` (``published``: its ISO date, if known)."""
    sentences = split(text)
    published = published or infer_published(text)
    mentions = resolve_mentions(text, sentences, gazetteer or default())
    dates = find_dates(text, published)
    out = Extraction(article, text)
    memory = Article(published=published)
    for mention in mentions:
        out.add(mention)
    for sentence in sentences:
        if sentence.heading:
            continue
        inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
        ctx = Context(text, sentence, inside,
                      [d for d in dates if sentence.start <= d.start < sentence.end],
                      memory, out)
        for pattern in PATTERNS:
            pattern(ctx)
        memory.remember(ctx.countries())
    structure(out, mentions)
    return out


def structure(out: Extraction, mentions: list[Mention]) -> None:
    """Ties that follow from the mentions themselves: national bodies PART_OF their state,
    a ministry's department PART_OF the ministry, places LOCATED_IN their state, programs
    RUN by their owners."""
    previous: Mention | None = None
    for mention in mentions:
        state = mention.role.removeprefix("of:") if mention.role.startswith("of:") else None
        if state and state in out.entities:
            out.relate("PART_OF", mention.id, state, mention.span, "structure.national", 0.6)
        place_state = mention.role.removeprefix("in:") if mention.role.startswith("in:") else \
            extras().get(("Location", mention.id))
        if mention.label == "Location" and place_state in out.entities:
            out.relate("LOCATED_IN", mention.id, place_state, mention.span,
                       "structure.located_in", 0.6)
        owner = extras().get(("Program", mention.id))
        if mention.label == "Program" and owner in out.entities:
            out.relate("RUNS", owner, mention.id, mention.span, "structure.program_owner", 0.6)
        if previous and mention.label in ("Organization", "Unit") and \
                previous.label == "Organization" and \
                out.text[previous.end:mention.start] in ("’s ", "'s "):
            out.relate("PART_OF", mention.id, previous.id, (previous.start, mention.end),
                       "structure.possessive", 0.65)
        previous = mention if mention.role != "qualifier" else previous
