"""Later mentions of a war, operation or program already reported (``the war ended``, ``the
operation resulted in``, ``this program trains``), so the sentence's parties and places reach
it."""

from __future__ import annotations

import re

from graph.model import merge_list
from ingest.extract.gazetteer import demonyms
from ingest.extract.patterns.agreements import kind_of, referred
from ingest.extract.patterns.context import Context, fold
from ingest.extract.patterns.events import record_event, refer
from ingest.extract.places import DATELINE
from ingest.extract.slugs import slug

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
    """Tie ``the war`` or ``the operation`` to the latest operation of that kind reported;
    then record the attacks, the fight against an insurgency and the surveys the sentence
    tells of."""
    _refer_back(ctx)
    attacks(ctx)
    insurgency(ctx)
    surveys(ctx)


def _refer_back(ctx: Context) -> None:
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


def _aside(ctx: Context, start: int, end: int, name: str, rule: str, confidence: float) -> str:
    """Record an operation told beside the report's own (a state's tour of it, attacks it
    follows): the operation ``the mission`` refers to, and the report's main one, stay."""
    main, last = ctx.article.main_event.get("Operation"), ctx.article.last_event.get("Operation")
    event = record_event(ctx, "Operation", start, end, name, "operation", rule, confidence)
    for memory, held in ((ctx.article.main_event, main), (ctx.article.last_event, last)):
        if held is not None:
            memory["Operation"] = held
    return event


ATTACKS = re.compile(
    r"(?:\b(?P<by>[A-Z][\w’'-]+)\s+)?\b(?P<head>attacks)\s+(?:on|against)\s+"
    r"(?P<target>(?:(?:merchant|commercial|international)\s+)?shipping\b|"
    r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)")
"""A campaign of attacks, told by who makes them or on shipping: ``Houthi attacks on merchant
shipping``, ``whose attacks on merchant shipping``."""


def attacks(ctx: Context) -> None:
    """Attacks told by their attacker's name right before them (``Houthi attacks on merchant
    shipping``, ``the Iranian attacks on Israel``) or made on shipping (``attacks on shipping
    in the Red Sea``): an operation of their own, named by who made them and on what; its
    mention the attacker's name with the noun, or the noun with what it hit. Not a wave of
    attacks on villages, nor attacks a drill's scenario includes, which name no attacker;
    nor one state's attacks on another (``Iranian attacks on Israel``), whose sentence tells
    of those who fended them off rather than of who made them."""
    if not ctx.says("attacks"):
        return
    match = ctx.has(ATTACKS)
    if match is None or match["by"] in ("The", "These", "Those", "Such", "Its", "Their"):
        return
    base = ctx.sentence.start
    state = any(m.start == base + match.start("target") for m in ctx.labelled("Country"))
    if not match["target"].endswith("shipping") and (match["by"] is None or state):
        return
    by, target = match["by"], " ".join(match["target"].split())
    name = f"{by} attacks on {target}" if by else f"Attacks on {target}"
    begin = base + (match.start("by") if by else match.start("head"))
    end = base + (match.end("head") if by else match.end("target"))
    event = _aside(ctx, begin, end, name, "operation.attacks", 0.5)
    entity = ctx.out.entities[event]
    entity.aliases = merge_list(entity.aliases, [f"attacks on {target}"])


FIGHTING_INSURGENTS = re.compile(
    r"\b(?P<verb>fighting|fight\s+against)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?P<foe>insurgents|insurgency)\b", re.I)
"""Forces fighting an insurgency: ``has been fighting insurgents``, ``have been fighting an
Islamic State-linked insurgency``, ``involved in the fight against the insurgency``."""


def insurgency(ctx: Context) -> None:
    """The fight against an insurgency, told by forces fighting it (``a company that has been
    fighting insurgents in Cabo Delgado province``): a counter-insurgency of its own, named
    after the first place the sentence names; its mention the words from the verb to the
    foe, the verb and the foe's noun its aliases too (``fighting``, ``insurgency``)."""
    if not ctx.says("insurgen"):
        return
    match = ctx.has(FIGHTING_INSURGENTS)
    if match is None:
        return
    base = ctx.sentence.start
    place = next((m for m in ctx.labelled("Location")), None)
    name = "Counter-insurgency" + (f" in {place.name}" if place else "")
    event = _aside(ctx, base + match.start(), base + match.end(), name, "operation.insurgency",
                   0.5)
    entity = ctx.out.entities[event]
    entity.aliases = merge_list(entity.aliases, [match["verb"], match["foe"]])


SURVEY = re.compile(
    r"\b(?:an?|its|their)\s+(?P<phrase>(?:[a-z]+-(?:week|month|day)|(?:week|month)-long)\s+"
    r"(?:(?:hydrographic|seabed|oceanographic)\s+)?survey)\b(?!\s+(?:ship|vessel|boat|craft))"
    r"(?:\s+of\s+(?:the\s+)?(?P<what>[^,.;]{3,60}?)(?=[,.;]|\s+(?:which|before|after|for|"
    r"with|under)\b))?")
"""A survey told by how long it lasts: ``to begin a six-week survey of the Pungwe estuary``."""


def surveys(ctx: Context) -> None:
    """A survey told by how long it lasts (``the survey ship INS Sandhayak arrived in Beira
    to begin a six-week survey of the Pungwe estuary``): an operation of its own, named by
    what it charts, its mention the words with its length; not a survey ship."""
    if not ctx.says("survey"):
        return
    match = ctx.has(SURVEY)
    if match is None:
        return
    base = ctx.sentence.start
    name = f"Survey of {' '.join(match['what'].split())}" if match["what"] else "Survey"
    _aside(ctx, base + match.start("phrase"), base + match.end("phrase"), name,
           "operation.survey", 0.5)


ROTATION_AFTER = re.compile(r"\s+rotation\b(?!s)")
"""``rotation`` right after a state's demonym: ``the Hungarian rotation``."""
ROTATION_ORDINAL = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
                              r"ninth|tenth|latest|\d{1,3}(?:st|nd|rd|th))\s+$", re.I)
"""An ordinal before the demonym, kept in the phrase: ``the fourth Italian rotation``."""
PARENT_AFTER = re.compile(r"\s+(?:of|to|into|in|with)\s+(?:(?:the|NATO['’]s|[A-Z]{2,}['’]s)\s+)?$")


NUMBERED_ROTATION_OF = re.compile(
    r"\b(?P<phrase>(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d{1,3}(?:st|nd|rd|th))\s+rotation)\s+of\s+$", re.I)
"""Before a state whose own operation a numbered tour belongs to: ``the 46th rotation of
Spain's Operation Libre Hidalgo``."""
POSSESSIVE = re.compile(r"['’]s?\s+")


def rotations(ctx: Context) -> None:
    """``the Hungarian rotation`` of a standing mission (not a UN or AU peacekeeping force,
    which its contingents deploy to): one state's tour of it, an operation of its own that
    the state takes part in, part of the mission it names right after (``of Icelandic Air
    Policing``) or else of the report's main operation, which stays the one ``the mission``
    refers to."""
    if not ctx.says("rotation"):
        return
    for state in ctx.labelled("Country"):
        after = ROTATION_AFTER.match(ctx.text, state.end, ctx.sentence.end)
        if after is None or not state.text[:1].isupper() or state.text == state.name:
            continue
        parent = next((m for m in ctx.labelled("Operation") if m.start >= after.end() and
                       PARENT_AFTER.fullmatch(ctx.text, after.end(), m.start)), None)
        parent_id = parent.id if parent else ctx.article.main_event.get("Operation")
        entity = ctx.out.entities.get(parent_id) if parent_id else None
        if entity is None or entity.properties.get("kind") in ("war", "peacekeeping"):
            continue
        ordinal = ROTATION_ORDINAL.search(ctx.text, max(ctx.sentence.start, state.start - 14),
                                          state.start)
        start = ordinal.start() if ordinal else state.start
        year = (ctx.article.published or "")[:4]
        name = f"{state.text} rotation of {entity.name}" + (f" ({year})" if year else "")
        event = _aside(ctx, after.end() - len("rotation"), after.end(), name,
                       "operation.rotation", 0.55)
        rotation = ctx.out.entities[event]
        rotation.aliases = merge_list(rotation.aliases, [ctx.text[start:after.end()]])
        ctx.keep(state)
        ctx.out.relate("PARTICIPATED_IN", state.id, event, ctx.span, "operation.rotation", 0.55)
        ctx.out.relate("PART_OF", event, entity.id, ctx.span, "operation.rotation", 0.55)
    numbered_rotations(ctx)
    timed_rotations(ctx)


def numbered_rotations(ctx: Context) -> None:
    """``the 46th rotation of Spain's Operation Libre Hidalgo``: one numbered tour of a
    state's own operation, an operation of its own that the state takes part in, part of
    the one it is a tour of (a UN or AU force is left to the contingents that deploy to it)."""
    for state in ctx.labelled("Country"):
        numbered = NUMBERED_ROTATION_OF.search(ctx.text, max(ctx.sentence.start, state.start - 30),
                                               state.start)
        owner = POSSESSIVE.match(ctx.text, state.end, ctx.sentence.end)
        if numbered is None or owner is None:
            continue
        parent = next((m for m in ctx.labelled("Operation") if m.start == owner.end()), None)
        entity = ctx.out.entities.get(parent.id) if parent else None
        if entity is None or entity.properties.get("kind") in ("war", "peacekeeping"):
            continue
        phrase = numbered["phrase"]
        event = record_event(ctx, "Operation", numbered.start("phrase"), numbered.end("phrase"),
                             f"{phrase} of {entity.name}", "operation", "operation.rotation",
                             0.55)
        ctx.keep(state)
        ctx.out.relate("PARTICIPATED_IN", state.id, event, ctx.span, "operation.rotation", 0.55)
        ctx.out.relate("PART_OF", event, entity.id, ctx.span, "operation.rotation", 0.55)


TIMED_ROTATION = re.compile(
    r"\b(?:an?|the|its|their)\s+(?P<phrase>(?:[a-z]+-(?:week|month)|(?:week|month|year)-long)"
    r"\s+rotation)\b(?!s)(?P<of>\s+of\b)?", re.I)
"""A tour told by how long it lasts: ``a six-week rotation of NATO's Icelandic Air Policing
mission``, ``during its six-month rotation``, ``completing a month-long rotation``."""


def timed_rotations(ctx: Context) -> None:
    """``a six-week rotation of NATO's Icelandic Air Policing mission``: one state's tour of
    an operation, told by how long it lasts, an operation of its own under those words, part
    of the operation named right after it (``of``) or else of the report's main one; the
    first state the sentence names before it, past its dateline (``Italian Air Force jets
    arrived ... to begin``, ``The Greek detachment ... flew ... during its six-month
    rotation``) takes part and names it, as ``the Italian rotation`` would. Not a rotation of
    people (``the month-long rotation of some 750 soldiers``), nor a war's."""
    match = ctx.has(TIMED_ROTATION)
    if match is None:
        return
    base = ctx.sentence.start
    start, end = base + match.start("phrase"), base + match.end("phrase")
    parent = next((m for m in ctx.labelled("Operation") if m.start >= end and
                   PARENT_AFTER.fullmatch(ctx.text, end, m.start)), None)
    if match["of"] and parent is None:
        return
    parent_id = parent.id if parent else ctx.article.main_event.get("Operation")
    entity = ctx.out.entities.get(parent_id) if parent_id else None
    if entity is None or entity.properties.get("kind") == "war":
        return
    lead = DATELINE.match(ctx.sentence.text)
    opening = base + lead.end() if lead else base
    state = next((s for s in ctx.states_named() if opening <= s.start and s.end <= start and
                  s.id in ctx.out.entities), None)
    demonym = demonyms().get(state.id) if state is not None else None
    year = (ctx.article.published or "")[:4]
    name = (f"{demonym} rotation of {entity.name}" if demonym else
            f"Rotation of {entity.name}") + (f" ({year})" if year else "")
    event = _aside(ctx, start, end, name, "operation.rotation", 0.55)
    if demonym:
        ctx.out.relate("PARTICIPATED_IN", state.id, event, ctx.span, "operation.rotation", 0.55)
    ctx.out.relate("PART_OF", event, entity.id, ctx.span, "operation.rotation", 0.55)


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
    r"(?:[\w-]+\s+){0,2}(?:deal|contract|agreement|memorandum|accord|treaty|package|document|"
    r"text|arrangement|protocol|pact|addendum|amendment)s?\b|"
    r"\b(?:the|this)\s+(?:deal|contract|agreement|memorandum|document|text|arrangement)\s+"
    r"(?:also\s+)?(?:includes?|provides\s+for)\b", re.I)
fold(UNDER_AGREEMENT)


def _under_agreement(ctx: Context, event: str, before: int) -> None:
    """A training the sentence tells of under an agreement (``Under the addendum, about 60
    engineers will be trained``, ``Under the agreement, Argentine officers will attend
    courses``) is part of it: the agreement the sentence names before the training, else the
    one its words refer to."""
    under = ctx.has(UNDER_AGREEMENT)
    if under is None or ctx.sentence.start + under.start() >= before:
        return
    signed = next((e.id for e in ctx.events if e.label == "Agreement" and e.end <= before), None)
    if signed is None and "Agreement" in ctx.article.last_event:
        signed = referred(ctx, kind_of(under.group()))
    if signed is not None and signed in ctx.out.entities:
        ctx.out.relate("PART_OF", event, signed, ctx.span, "program.under_agreement", 0.5)


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


TRAINED = re.compile(
    r"(?:^|[,;:]\s+(?:and\s+|while\s+)?|\b(?:and|while)\s+)"
    r"(?P<subj>[^,;:]{2,100}?(?:,\s+(?:led|commanded|headed)\s+by\s+[^,;:]{2,60},)?)\s+"
    r"(?:(?P<aux>(?:will|would|are\s+to|is\s+to)\s+be|(?:are|is|were|was)\s+(?:now\s+)?being)"
    r"\s+(?P<verb>trained)\b|(?P<verb2>trained)(?=\s+for\s+(?:about\s+|some\s+|nearly\s+)?"
    r"(?:\w+|\d+)\s+(?:weeks|months|years)\b))"
    r"(?P<pp>\s+(?:in|for)\s+[^,;:.]+?(?=\s+(?:at|by|from|before|with|on|first|and|including|"
    r"under)\b|[,;:.]|$))?", re.I)
"""A training told by a passive verb: ``Nigerian student pilots will be trained at``,
``about 150 Uzbek servicemen were now being trained in Türkiye``; or by the trainees' own
verb and how long it lasted: ``Its first crew, led by X, trained for six months at``."""
LED_BY = re.compile(r",\s+(?:led|commanded|headed)\s+by\s+.*$", re.S)
"""Who led the trainees, said between commas: kept out of the training's name."""
RELATIVE = re.compile(r"(?:where|which|who|whom|that|it|they|he|she)\b")
"""A relative or personal pronoun for the trainees (``where it had trained``): no name."""
ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)\b")
SCHOOL = re.compile(r"\b(?:[Ss]chool|[Cc]ent(?:re|er)|[Aa]cademy|[Cc]ollege|[Ii]nstitute)\b")
"""A body that trains for a living: trainees who train at it are trained by it."""
AT_SCHOOL = re.compile(r"\bat\s+(?:the\s+|its\s+)?(?:[A-Z][\w-]*\s+){0,4}?"
                       r"(?:[A-Z][\w-]*['’]s?\s+)?(?:\([A-Z]+\)\s+)?$")
"""Before a school trained at, perhaps after its owner: ``at the Turkish Naval Forces'``."""
QUANTITY = re.compile(r"^(?:(?:about|some|around|up\s+to|nearly|more\s+than|the)\s+)*"
                      r"(?:[\d,]+\s+|(?:first|two|three|four|five)\s+)?"
                      r"(?:(?:per\s*cent|percent)\s+of\s+(?:the\s+)?)?", re.I)
OWNED_SITE = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:plant|factory|works|shipyard|yard|"
                        r"facilit(?:y|ies)|site|campus)\b")
"""After a company whose site a training is held at: ``at Hanwha's plant in Changwon``."""
AT_BEFORE = re.compile(r"\bat\s+(?:the\s+|its\s+)?$")
CLAUSE_END = re.compile(r",\s+(?:and|while|but|where|which|who)\b|;|\s+before\b", re.I)
"""Where the clause telling a training ends: its places are named before."""
TOLD_BEFORE = re.compile(r"^.*?\b(?:said|says|told\s+\w+|added|under\s+which|by\s+which|"
                         r"in\s+which|which|whom|whose)\s+(?:that\s+)?", re.I)
"""Before the trainees in a subject the pattern took too widely: who told of them (``the
ministry said the battalion had``) or the clause that led to them (``under which Montenegrin
instructors``)."""
AUXILIARY = re.compile(r"(?:\s+(?:had|has|have|was|were|is|are|will|would|already|since|also|"
                       r"previously|regularly|often))+$", re.I)
"""After the trainees: the tense of their own verb and its adverbs (``the contingent was
trained for``, ``Ghanaian officers have since attended courses``)."""
PRONOUNS = frozenset(("its", "their", "his", "her"))
"""Trainees named only by their owner's pronoun in the clause (``its crews``): no name for a
program (a sentence that opens on them, ``Its first crew trained for``, names the crew)."""
BY_AGENT = re.compile(r"\s+by\b", re.I)
"""Right after ``trained``: the trainer told as its agent (``are to be trained by the US Air
Force``) trains the trainees, a tie between the two rather than a program of its own."""


def trainings(ctx: Context) -> None:
    """A training told by a passive verb (``Qatari engineers will be trained at Hanwha's
    plant in Changwon``) is a training program: the trainees' bodies and states named in the
    subject take part and the places named after the verb are where it is held."""
    if not ctx.says("trained") or any(e.label == "Program" for e in ctx.events) or \
            any(m.label == "Program" for m in ctx.mentions):
        return
    match = ctx.has(TRAINED)
    verb = "verb" if match is not None and match["verb"] else "verb2"
    if match is None or BY_AGENT.match(ctx.sentence.text, match.end(verb)):
        return
    base = ctx.sentence.start
    subject = " ".join(LED_BY.sub("", match["subj"]).split())
    core = QUANTITY.sub("", AUXILIARY.sub("", TOLD_BEFORE.sub("", subject)))
    if not core or not (core[0].isalpha() or ORDINAL.match(core)) or RELATIVE.match(core) \
            or core.split()[0] in PRONOUNS:
        return
    name = f"Training of {core[:1].lower() + core[1:] if core.startswith('Its ') else core}"
    event = record_event(ctx, "Program", base + match.start(verb), base + match.end(verb),
                         name, "activity", "program.trained", 0.5, slug(name))
    aliases = [" ".join(ctx.sentence.text[match.start("subj"):match.end(verb)].split())]
    if verb == "verb2":
        told = TOLD_FOR.match(ctx.sentence.text, match.start(verb))
        aliases.append(" ".join(told.group().split()))
    elif match["pp"]:
        told = " ".join(f"{match['verb']}{match['pp']}".split())
        aliases.append(told)
        if "being" in match["aux"].lower():
            aliases.append(f"being {told}")
    entity = ctx.out.entities[event]
    entity.aliases = merge_list(entity.aliases, aliases)
    subject_start, verb_end = base + match.start("subj"), base + match.end(verb)
    inside = [m for m in ctx.mentions if subject_start <= m.start and m.end <= base +
              match.end("subj")]
    for party in inside:
        if party.label in ("Country", "Organization", "Unit") and not any(
                o is not party and o.start <= party.start and party.end <= o.end and
                o.label in ("Organization", "Unit") for o in inside):
            ctx.keep(party)
            ctx.out.relate("PARTICIPATED_IN", party.id, event, ctx.span, "program.trainees",
                           0.5)
    stop = CLAUSE_END.search(ctx.text, verb_end, ctx.sentence.end)
    end = stop.start() if stop else ctx.sentence.end
    for place in ctx.mentions:
        if verb_end <= place.start and place.end <= end and (
                place.label == "Location" or (place.label == "Country" and place.role == "name"
                                              and re.search(r"\bin\s+$",
                                                            ctx.before(place, 6)))):
            ctx.keep(place)
            ctx.out.relate("HELD_IN", event, place.id, ctx.span, "program.trained_at", 0.5)
    _site_owner(ctx, event, verb_end, end)
    _school(ctx, event, verb_end, end)
    _under_agreement(ctx, event, subject_start)


TOLD_FOR = re.compile(r"trained\s+for\s+(?:about\s+|some\s+|nearly\s+)?\S+\s+\w+")


def _school(ctx: Context, event: str, start: int, end: int) -> None:
    """RUNS from the school, centre or academy a training is held at (``trained for six
    months at the Surface Warfare School in Aksaz``): a school trains those it hosts."""
    for body in ctx.labelled("Organization", "Unit"):
        if start <= body.start and body.end <= end and SCHOOL.search(body.name) and \
                AT_SCHOOL.search(ctx.before(body, 60)):
            ctx.keep(body)
            ctx.out.relate("RUNS", body.id, event, ctx.span, "program.school", 0.5)


def _site_owner(ctx: Context, event: str, start: int, end: int) -> None:
    """RUNS from the company at whose own site a training is held (``trained at Hanwha's
    plant in Changwon``): the trainer is its host."""
    for body in ctx.labelled("Organization"):
        if start <= body.start and body.end <= end and AT_BEFORE.search(ctx.before(body, 12)) \
                and OWNED_SITE.match(ctx.text, body.end, end):
            ctx.keep(body)
            ctx.out.relate("RUNS", body.id, event, ctx.span, "program.site_owner", 0.55)


COURSES = re.compile(
    r"(?P<subj>\b[^,;:]{2,80}?)\s+(?:(?:will|would|to|have|has|had|can|could|may)\s+)?"
    r"(?:be\s+able\s+to\s+)?attend(?:ed|s)?\s+(?P<what>courses)\s+at\b", re.I)
"""Trainees attending courses somewhere: ``Togolese officers have attended courses at the
Italian Naval Academy``."""
SUBJECT_START = re.compile(r".*(?:[,;:]\s+(?:and\s+)?|\b(?:and|while|which|for|allow|allows|"
                           r"enable|enables)\s+|^)", re.I | re.S)
"""What stands before the trainees in their clause (``under which``, ``for up to 40``)."""


def courses(ctx: Context) -> None:
    """Courses that trainees attend at a school (``Togolese officers have attended courses at
    the Italian Naval Academy in Livorno``) are a training program: the trainees' states
    take part, the places after the school hold it, and an agreement the sentence tells of
    (``under which``, ``would allow``) provides for it."""
    if not ctx.says("courses") or any(e.label == "Program" for e in ctx.events):
        return
    match = ctx.has(COURSES)
    if match is None:
        return
    base = ctx.sentence.start
    lead = SUBJECT_START.match(match["subj"])
    begin = base + match.start("subj") + (lead.end() if lead else 0)
    subject = " ".join(ctx.text[begin:base + match.end("subj")].split())
    core = AUXILIARY.sub("", QUANTITY.sub("", re.sub(r"\s+a\s+year$", "", subject)))
    if not core or not core[0].isalpha() or core.split()[0].lower() in PRONOUNS:
        return
    named = any(m.start == begin + subject.find(core) for m in ctx.mentions)
    name = f"Courses for {core if named else core[:1].lower() + core[1:]}"
    event = record_event(ctx, "Program", base + match.start("what"), base + match.end("what"),
                         name, "activity", "program.courses", 0.5, slug(name))
    for party in ctx.mentions:
        if begin <= party.start and party.end <= base + match.end("subj") and \
                party.label == "Country":
            ctx.keep(party)
            ctx.out.relate("PARTICIPATED_IN", party.id, event, ctx.span, "program.trainees",
                           0.5)
    at = base + match.end()
    stop = CLAUSE_END.search(ctx.text, at, ctx.sentence.end)
    end = stop.start() if stop else ctx.sentence.end
    for place in ctx.mentions:
        if at <= place.start and place.end <= end and place.label == "Location":
            ctx.keep(place)
            ctx.out.relate("HELD_IN", event, place.id, ctx.span, "program.trained_at", 0.5)
    _site_owner(ctx, event, at - 3, end)
    signed = next((e for e in ctx.events if e.label == "Agreement" and e.end <= begin), None)
    if signed is not None:
        ctx.out.relate("PART_OF", event, signed.id, ctx.span, "program.provided_for", 0.5)
    else:
        _under_agreement(ctx, event, begin)
