"""Command and leadership: under the command of, head of, President of, Defence Minister."""

from __future__ import annotations

import re

from ingest.extract.facts import Mention
from ingest.extract.gazetteer import extras
from ingest.extract.patterns.context import Context

UNDER_COMMAND = re.compile(r"\bunder\s+the\s+(?:command|leadership|direction)\s+of\b", re.I)
ROLE_BEFORE = re.compile(r"\b(?P<role>(?:(?:first\s+)?deputy\s+|acting\s+)?(?:head|chief|"
                         r"commander|director|chairman|leader))\s+of\s+[^,;.]{0,80}$", re.I)
ROLE_AFTER = re.compile(r"^,?\s+(?:the\s+|who\s+is\s+the\s+)?(?P<role>(?:(?:first\s+)?deputy\s+|"
                        r"acting\s+)?(?:head|chief|commander|director|chairman|leader))\s+of\s+"
                        r"(?:the\s+)?$", re.I)
LEADER_TITLES = ("President", "Vice President", "Prime Minister", "King", "Queen", "Emir",
                 "Crown Prince", "Sultan", "Chancellor", "Supreme Leader")


def _country_of_title(ctx: Context, person: Mention) -> str | None:
    """The state a titled person serves: ``Azerbaijani President X`` or ``President of X``."""
    for country in ctx.labelled("Country"):
        gap = ctx.text[country.end:person.start]
        if 0 <= len(gap) <= 45 and re.fullmatch(r"['’]?s?\s+[A-Z][\w\s-]{0,40}\s+", gap):
            return country.id
        gap = ctx.text[:country.start][-60:]
        if country.end <= person.start and re.search(r"\bof\s+(?:the\s+)?$", gap) and \
                person.start - country.end < 4:
            return country.id
    return ctx.article.person_country.get(person.id)


def roles(ctx: Context) -> None:
    """COMMANDS and LEADS read from titles, ranks and role phrases around people."""
    orgs = ctx.labelled("Organization", "Unit")
    for person in ctx.persons():
        title = person.role.removeprefix("title:") if person.role.startswith("title:") else None
        entity = ctx.out.add(person)
        if person.role.startswith("rank:"):
            entity.properties.setdefault("rank", person.role.removeprefix("rank:"))
        country = _country_of_title(ctx, person)
        if country:
            ctx.article.person_country.setdefault(person.id, country)
        if title:
            entity.properties.setdefault("title", title)
        if title in LEADER_TITLES and country and country in ctx.out.entities:
            ctx.out.relate("LEADS", person.id, country, ctx.span, "role.leader_title", 0.75,
                           role=title)
        target = extras().get(("Title", title or ""))
        if title and target and country and target not in ("country", "organization"):
            org = f"{country.lower()}-{target}"
            if org in ctx.out.entities:
                ctx.out.relate("COMMANDS", person.id, org, ctx.span, "role.office_title", 0.7,
                               role=title)
        before = [org for org in orgs if org.end <= person.start][-1:]
        after = [org for org in orgs if org.start >= person.end][:1]
        for org in before + after:
            _role_phrase(ctx, person, org)


def _role_phrase(ctx: Context, person: Mention, org: Mention) -> None:
    """COMMANDS when the words between a person and an organisation name a role."""
    if org.end <= person.start:
        gap = ctx.text[org.end:person.start]
        before = ctx.text[max(ctx.sentence.start, org.start - 140):org.start]
        role = ROLE_BEFORE.search(before)
        if len(gap) < 80 and UNDER_COMMAND.search(gap):
            ctx.out.add(org)
            ctx.out.relate("COMMANDS", person.id, org.id, ctx.span, "role.under_command", 0.75)
        elif role and re.fullmatch(r"[\s\w’'-]{0,60},\s*", gap):
            ctx.out.add(org)
            ctx.out.relate("COMMANDS", person.id, org.id, ctx.span, "role.head_of", 0.7,
                           role=role["role"].lower())
        return
    role = ROLE_AFTER.match(ctx.text[person.end:org.start])
    if role:
        ctx.out.add(org)
        ctx.out.relate("COMMANDS", person.id, org.id, ctx.span, "role.head_of", 0.7,
                       role=role["role"].lower())
