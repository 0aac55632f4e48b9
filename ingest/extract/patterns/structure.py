"""How bodies and events nest: ``the War College of the Armed Forces`` (PART_OF), ``US
Central Command (Tampa, US)`` (LOCATED_IN), drills held ``in accordance with the 2024 training
plan`` (PART_OF the plan), and the forces of two states at war fighting each other."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from graph.model import merge_list
from ingest.extract.facts import Entity, Extraction, Mention, Relation
from ingest.extract.gazetteer import default, extras, fold_name, region_states, state_names
from ingest.extract.names import SHIP_STATES
from ingest.extract.patterns.context import Context
from ingest.extract.syntax import COMPANY_NOUNS

OF = re.compile(r"\s+of\s+(?:the\s+)?")
IN = re.compile(r"\)?,?\s+in\s+(?:the\s+)?")
LIST_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
"""Between two places of a list: ``Goma, Rutshuru, Sake and Masisi``."""
OWN_SITE = re.compile(r"\b(?:at|from|in)\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:base|"
                      r"headquarters|yard|shipyard|plant|facility|factory|campus|barracks)\s+"
                      r"(?:in|at)\s+(?:the\s+)?$")
"""Before the place a body's own base is in: ``at its base in``, ``from its home base at``."""
BESIDE = re.compile(r",?\s+(?:outside|on|of)\s+(?:the\s+)?")
"""Between a place and a larger place it lies on, in or at the edge of: ``Berenice on the Red
Sea``, ``the Boni forest of Lamu county``, ``Cerro Moreno Air Base, outside Antofagasta``
(not ``near``, which names a landmark as often as a container)."""
SITE = re.compile(r"\b(?:University|Academy|College|Cent(?:re|er)|School|Institute|"
                  r"Headquarters|HQ|Base|Barracks|Shipyard|Camp|Garrison|Air(?:port|field)|"
                  r"Hospital|Range|Component\s+Command|[Ee]mbassy)$")
"""Name endings of bodies that sit in one place: ``the Training Centre in Nairobi``."""
MODIFIES = re.compile(r"\s+(?!(?:and|or|in|on|at|to|from|with|where|which|that|near|off|for|as|by|"
                      r"is|was|are|were|has|had|will|would)\b)[a-z]")
"""After a sea's name that qualifies the noun it comes before: ``the Black Sea coast``, ``a
Pacific tour`` name no sea a place lies on."""
BASED_BEFORE = re.compile(r"-based\s+(?:the\s+)?")
"""``the Ivanovo-based 98th Division``: the unit lies in the place."""
COMPANY_CUES = tuple(sorted(COMPANY_NOUNS))
COMPANY = rf"(?:{'|'.join(COMPANY_CUES)})"
"""Any of the nouns that name a company, as a pattern."""
COMPANY_BEFORE = re.compile(rf"\s+(?:[a-z][\w-]*\s+){{0,2}}{COMPANY}\s+")
"""Between a state and its company: ``Turkish state shipbuilder``."""
APPOSED = re.compile(r",\s+(?:a|an|the)\s+")
COMPANY_AFTER = re.compile(rf"(?:-based)?\s+(?:[a-z][\w-]*\s+){{0,2}}{COMPANY}\b")
"""After ``X, a US``: ``company``, ``defence firm``."""
BRACKET = re.compile(r"\s*\(\s*")
BASED = re.compile(r",?\s+(?:which\s+is\s+|that\s+is\s+)?(?:based|headquartered|located|"
                   r"stationed|garrisoned|quartered)\s+(?:in|at|near)\s+(?:the\s+)?"
                   r"(?:[\w’'-]+\s+){0,1}")
FRAME = re.compile(r"\b(?:in\s+accordance\s+with|as\s+(?:a\s+)?part\s+of|within(?:\s+the\s+"
                   r"framework\s+of)?|in\s+the\s+framework\s+of|in\s+line\s+with|under|"
                   r"culmination\s+of|stage\s+of|phase\s+of|part\s+of)\s+(?:the\s+|their\s+|its\s+|"
                   r"this\s+)?(?:[\w-]+\s+){0,3}$", re.I)
FRAME_WORDS = ("accordance", "part", "within", "framework", "line", "under", "culmination",
               "stage", "phase")
"""What a sentence holds one of when ``FRAME`` can match in it."""
STATE_BEFORE = re.compile(r"['’]s?\s+(?:(?:[a-z][\w-]*|[A-Z][\w-]*)\s+){0,2}|"
                          r"\s+(?:city|town|region|province|port)\s+of\s+")
STATE_AFTER = re.compile(r",\s*|\s*\(\s*|\s+(?:region\s+|province\s+|district\s+)?(?:in|of)\s+"
                         r"(?:the\s+)?(?:(?:northern|southern|eastern|western|central)\s+)?|"
                         r"\s+(?:as|is)\s+(?:an?\s+)?(?:integral\s+)?part\s+of\s+")
STATED = ("place.city_of_state", "place.bracketed_city", "place.dateline")
"""Rules of place mentions whose state the text states beside them (``Baku, Azerbaijan``);
other places lie in a state only when a sentence says so."""
REGION_OF = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}(?:region|province|territory|district|"
                       r"city|town|port|enclave|exclave|island|oblast|state|county)\b")
"""After a state named after a place: ``Transnistria, Moldova's breakaway region``."""
ITS = re.compile(r"\b(?:its|their)\s+(?:own\s+)?$")
"""Before a place of the state the clause is about: ``Kyrgyzstan will host ... in its
Issyk-Kul region``."""
SUCH_AS = re.compile(r"\b(?:such\s+as|including|notably)\b")
IN_PASSING = frozenset(("participation.forces_from",))
"""Rules that read a mission's contributors named in passing (``contingents from Nepal and
Uruguay serve alongside ...``): reports list them without saying they were deployed there."""
OFFICER_OF = re.compile(r"\b(?:General|Admiral|Colonel|Brigadier|Commodore|Captain|Major)\s+"
                        r"(?:[A-Z][\w'’.-]*\s+){1,4}of\s+(?:the\s+)?$")
OF_FORCES = re.compile(r"\bof\s+the\s+(?:[\w’'-]+\s+){0,3}?(?:Armed\s+Forces|Army|Navy)\b")
"""A body named as part of a state's forces: ``War College of the Azerbaijani Armed Forces``."""
FORCES_WITHIN = re.compile(r"\bof\s+the\s+(?P<forces>(?:[A-Z][\w’'-]*\s+){0,3}Armed\s+Forces)"
                           r"(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})?$")
"""The state's armed forces named at the end of a body's name, after their state's adjective
or with their state after them: ``General Staff of the Slovak Armed Forces``, ``General Staff
of the Armed Forces of Kazakhstan``, ``Ecuador's Joint Command of the Armed Forces``."""
STAFF_KINDS = ("headquarters", "academy", "command")
"""Kinds of body named as a part of their state's armed forces (not ministries, which are the
government's: ``Ministry of the Armed Forces``)."""


PART_NOUNS = (r"(?:formation|unit|arm|branch|wing|component|subsidiary|division|element|"
              r"flotilla|squadron|brigade|battalion|regiment|corps|directorate|department|"
              r"agency|school|academy|college)")
"""Nouns that name a body as a part of the one whose possessive they take: ``the Finnish
Navy's amphibious formation``, ``Rostec's arms export arm``."""
APPOSED_PART = re.compile(rf"['’]s\s+(?:[a-z][\w-]*\s+){{0,3}}{PART_NOUNS}\b")
"""After the whole in ``X, the Y's amphibious formation``: X is part of Y."""
POSSESSED_PART = re.compile(rf"['’]s\s+(?:[a-z][\w-]*\s+){{0,3}}{PART_NOUNS}\s+(?:the\s+)?")
"""Between the whole and the part in ``Rostec's arms export arm Rosoboronexport``."""
APPOSED_THE = re.compile(r",\s+(?:the|a|an)\s+")


INTERNATIONAL = ("alliance", "international_organization", "coalition", "forum", "media")
WHOLES = ("Program", "Exercise", "Operation", "Agreement")
PARTS = ("Exercise", "Operation", "Meeting", "Program")


def parts(ctx: Context) -> None:
    """PART_OF and LOCATED_IN read from how the sentence's names sit next to each other."""
    mentions = [m for m in ctx.mentions if m.role != "qualifier"]
    for index, (first, second) in enumerate(itertools.pairwise(mentions)):
        gap = ctx.text[first.end:second.start]
        if first.label in ("Organization", "Unit") and second.label in (
                "Organization", "Unit") and OF.fullmatch(gap) and first.kind != "alliance":
            ctx.keep(first)
            ctx.keep(second)
            ctx.out.relate("PART_OF", first.id, second.id, ctx.span, "structure.of", 0.6)
        elif first.label in ("Organization", "Unit") and second.label == "Location" and \
                (BRACKET.fullmatch(gap) or BASED.fullmatch(gap)):
            ctx.keep(first)
            ctx.keep(second)
            ctx.out.relate("LOCATED_IN", first.id, second.id, ctx.span, "structure.based_in",
                           0.6)
        elif gap.removeprefix(")").removeprefix(",")[:4] == " in " and IN.fullmatch(gap) and \
                _sited(first) and \
                second.label in ("Location", "Country") and \
                second.role not in ("demonym", "capital"):
            ctx.keep(first)
            ctx.keep(second)
            ctx.out.relate("LOCATED_IN", first.id, second.id, ctx.span, "structure.site_in",
                           0.55)
            for place in _listed_before(ctx, mentions, index):
                ctx.out.relate("LOCATED_IN", place.id, second.id, ctx.span,
                               "structure.sites_in", 0.5)
        elif first.label == "Location" and second.label == "Location" and \
                BESIDE.fullmatch(gap) and second.role != "qualifier" and \
                not (second.kind == "sea" and MODIFIES.match(ctx.text, second.end)):
            ctx.keep(first)
            ctx.keep(second)
            ctx.out.relate("LOCATED_IN", first.id, second.id, ctx.span, "structure.site_by",
                           0.5)
        elif gap == ", " and _apposed_region(ctx, mentions, index):
            ctx.keep(first)
            ctx.keep(second)
            ctx.out.relate("LOCATED_IN", first.id, second.id, ctx.span,
                           "structure.place_region", 0.5)
        elif first.label in ("Organization", "Unit") and second.label in (
                "Organization", "Unit") and _part_named(ctx, first, second, gap):
            ctx.keep(first)
            ctx.keep(second)
            part, whole = (first, second) if gap[:1] == "," else (second, first)
            ctx.out.relate("PART_OF", part.id, whole.id, ctx.span, "structure.named_part",
                           0.55)
        elif gap[:7] == "-based " and first.label == "Location" and \
                second.label in ("Organization", "Unit") and BASED_BEFORE.fullmatch(gap):
            ctx.keep(second)
            ctx.out.relate("LOCATED_IN", second.id, first.id, ctx.span, "structure.based_in",
                           0.6)
    _own_sites(ctx, mentions)
    _frames(ctx)
    _known_places(ctx)
    if any(m.label == "Organization" and m.kind in (None, "company")
            for m in mentions) and (
            ctx.says(*COMPANY_CUES) or ctx.says(" of ", "'s ", "’s ")):
        _companies(ctx, mentions)


def _part_named(ctx: Context, first: Mention, second: Mention, gap: str) -> bool:
    """Whether one body is named as a part of the other: ``the Nyland Brigade, the Finnish
    Navy's amphibious formation`` (the first of the second), ``Rostec's arms export arm
    Rosoboronexport`` (the second of the first)."""
    if gap[:1] == ",":
        return bool(APPOSED_THE.fullmatch(gap)) and \
            bool(APPOSED_PART.match(ctx.text, second.end, ctx.sentence.end))
    return gap[:1] in ("'", "’") and bool(POSSESSED_PART.fullmatch(gap))


def _apposed_region(ctx: Context, mentions: list[Mention], index: int) -> bool:
    """Whether the place at ``index`` is followed by the region it lies in, set off by a
    comma (``Baturaja, South Sumatra``, ``Altanbulag soum, Töv province``), not by the next
    place of a list (``Goma, Rutshuru and Sake``)."""
    first, second = mentions[index], mentions[index + 1]
    if first.label != "Location" or second.label != "Location" or \
            second.kind not in (None, "region", "district") or second.role == "qualifier":
        return False
    before = mentions[index - 1] if index else None
    after = mentions[index + 2] if index + 2 < len(mentions) else None
    return not ((before is not None and before.label == "Location" and
                 LIST_SEP.fullmatch(ctx.text, before.end, first.start)) or
                (after is not None and after.label == "Location" and
                 LIST_SEP.fullmatch(ctx.text, second.end, after.start)))


def _listed_before(ctx: Context, mentions: list[Mention], index: int) -> list[Mention]:
    """The places listed before the place at ``index``, which share what it is said to lie
    in: ``Goma, Rutshuru, Sake and Masisi in North Kivu``."""
    listed: list[Mention] = []
    last = mentions[index]
    while last.label == "Location" and index > 0:
        index -= 1
        before = mentions[index]
        if before.label != "Location" or \
                not LIST_SEP.fullmatch(ctx.text, before.end, last.start):
            break
        listed.append(before)
        last = before
    return listed


def _own_sites(ctx: Context, mentions: list[Mention]) -> None:
    """A body lies where the sentence puts its own base: ``trained by the Spanish Navy at its
    base in Ferrol``, ``PT PAL, which will build both boats at its yard in Surabaya`` (``its``
    is the body or state named last before it, not one named as a possessor)."""
    if " its " not in ctx.sentence.text and " their " not in ctx.sentence.text:
        return
    for index, place in enumerate(mentions):
        if place.label != "Location":
            continue
        match = OWN_SITE.search(ctx.text, max(ctx.sentence.start, place.start - 60), place.start)
        if match is None:
            continue
        owner = next((m for m in reversed(mentions[:index]) if m.end <= match.start() and
                      m.label in ("Organization", "Unit", "Country") and
                      ctx.text[m.end:m.end + 2] not in ("'s", "’s")), None)
        if owner is not None and owner.label != "Country":
            ctx.keep(owner)
            ctx.keep(place)
            ctx.out.relate("LOCATED_IN", owner.id, place.id, ctx.span, "structure.own_site", 0.5)


def _sited(mention: Mention) -> bool:
    """Whether a mention names a place or a body that sits somewhere (a university, a base,
    a headquarters), by its name or its words in the text (``the Turkish Military Academy``,
    named Military Academy of Türkiye): ``X in Y`` then says where it lies."""
    return mention.label == "Location" or (
        mention.label in ("Organization", "Unit") and
        bool(SITE.search(mention.name) or SITE.search(mention.text)))


def _companies(ctx: Context, mentions: list[Mention]) -> None:
    """A company lies in its state: ``the Turkish state shipbuilder ASFAT``, ``X, a US
    company``, ``Baykar Technologies of Türkiye``, ``Spain's Navantia`` (a company the
    dictionaries or the text call one)."""
    for index, body in enumerate(mentions):
        if body.label != "Organization" or body.kind not in (None, "company") or \
                body.role.startswith("of:"):
            continue
        state = None
        before = mentions[index - 1] if index else None
        if before is not None and before.label == "Country" and (
                COMPANY_BEFORE.fullmatch(ctx.text, before.end, body.start) or (
                    before.role == "name" and (body.kind == "company" or body.rule == "gazetteer")
                    and ctx.text[before.end:body.start] in ("'s ", "’s "))):
            state = before
        after = mentions[index + 1] if index + 1 < len(mentions) else None
        if after is not None and after.label == "Country" and after.role != "qualifier" and (
                (OF.fullmatch(ctx.text, body.end, after.start) and after.role == "name") or
                (APPOSED.fullmatch(ctx.text, body.end, after.start) and
                COMPANY_AFTER.match(ctx.text, after.end))):
            state = after
        if state is not None:
            ctx.keep(body)
            ctx.out.relate("LOCATED_IN", body.id, state.id, ctx.span, "structure.company",
                           0.55)


def _known_places(ctx: Context) -> None:
    """A place lies in a state when the sentence says so: ``Baku, Azerbaijan``,
    ``Kazakhstan's Mangystau region``, ``in Azerbaijan, such as Baku``, ``Karabakh as part
    of Azerbaijan`` (not merely because the gazetteer knows where it is)."""
    countries = [m for m in ctx.mentions if m.label == "Country" and m.role in ("name", "capital")]
    if not countries:
        return
    anchors: dict[str, Mention] | None = None
    for mention in ctx.mentions:
        if mention.label != "Location" or (mention.role.startswith("in:") and
                                           mention.rule in STATED):
            continue
        if anchors is None:
            anchors = {m.id: m for m in ctx.venues}
        state = next((c.id for c in countries if _stated(ctx, mention, c, anchors)), None) \
            or _its(ctx, mention, countries)
        if state is not None and state != mention.id:
            ctx.out.relate("LOCATED_IN", mention.id, state, ctx.span, "structure.located_in",
                           0.55)


def _its(ctx: Context, place: Mention, countries: list[Mention]) -> str | None:
    """``in its Issyk-Kul region``: the one state named before in the clause."""
    if not ITS.search(ctx.before(place, 12)):
        return None
    states = {c.id for c in countries if c.end <= place.start and ctx.same_clause(c, place)}
    return states.pop() if len(states) == 1 else None


def _stated(ctx: Context, place: Mention, state: Mention, venues: dict[str, Mention]) -> bool:
    """Whether the words between a place and a state say the one lies in the other."""
    if state.end <= place.start:
        gap = ctx.text[state.end:place.start]
        listed = state.id in venues and place.id in venues
        return bool(STATE_BEFORE.fullmatch(gap) or (listed and SUCH_AS.search(gap)))
    return bool(STATE_AFTER.fullmatch(ctx.text[place.end:state.start])) and (
        not re.match(r"['’]s\b", ctx.text[state.end:state.end + 2]) or
        bool(REGION_OF.match(ctx.text, state.end, ctx.sentence.end)))


def _frames(ctx: Context) -> None:
    """An event said to be held in accordance with, or as part of, a plan or a larger event."""
    if len(ctx.events) < 2 or not ctx.says(*FRAME_WORDS):
        return
    for whole in ctx.events:
        if whole.label not in WHOLES or whole.kind == "phase" or \
                not FRAME.search(ctx.before(whole, 60)):
            continue
        parts_before = [e for e in ctx.events if e.end <= whole.start and e.label in PARTS
                        and e.id != whole.id]
        if parts_before:
            part = parts_before[-1]
            ctx.out.relate("PART_OF", part.id, whole.id, ctx.span, "structure.framework", 0.55)


def forces_at_war(out: Extraction) -> None:
    """The armed forces of two states at war fought each other too."""
    for relation in list(out.relations.values()):
        if relation.type != "FOUGHT" or relation.rule == "structure.forces_at_war":
            continue
        first, second = (f"{side.lower()}-armed-forces" for side in (relation.source,
                                                                      relation.target))
        if first in out.entities and second in out.entities:
            out.relate("FOUGHT", *sorted((first, second)), relation.spans[0],
                       "structure.forces_at_war", 0.4)



MISSION_IN_STATE = re.compile(r"\b(?:[Mm]ission\s+(?:in|to)|invasion\s+of)\s+(?:the\s+)?$")
"""Before the state a mission's name says it serves in, or an invasion's that it invades."""
NAVY = re.compile(r"\b(?:Navy|Naval Forces|Maritime Self-Defense Force)\b")


POSSESSIVE_GAPS = ("’s ", "'s ", "’ ", "' ")
"""Between an owner and the body it is said to have: ``the Navy's``, ``the Armed Forces'``."""
OWNERS = (("Organization", "Unit"), ("Organization", "Unit", "Country"))
"""Who may own a body named after it: a force or body; a state too for a body named by what
it is (``Kenya's contingent``), whose name says nothing else of its owner."""


def bodies(out: Extraction, mentions: list[Mention]) -> None:
    """Ties that follow from how bodies are named: a national body is PART_OF its state (of
    its armed forces when named as theirs: ``War College of the Armed Forces``), a body
    named with one state inside its name (``US Africa Command``) PART_OF that state,
    ``X's Y`` PART_OF X, places LOCATED_IN the state their name gives, programs and
    standing missions RUN by the owners the dictionaries give them (``MINUSCA``: the UN) when
    the report names them, and programs taken part in by the states their name pairs."""
    previous: Mention | None = None
    for index, mention in enumerate(mentions):
        state = mention.role.removeprefix("of:") if mention.role.startswith("of:") else \
            _named_state(mentions, index)
        forces = f"{(state or '').lower()}-armed-forces"
        rule = "structure.national" if mention.role.startswith("of:") else "structure.named"
        if state and state in out.entities and forces not in out.entities and \
                mention.kind in STAFF_KINDS:
            _forces_within(out, mention, state)
        if state and forces in out.entities and forces != mention.id and \
                OF_FORCES.search(mention.text):
            out.relate("PART_OF", mention.id, forces, mention.span, "structure.national_unit",
                       0.45)
        elif state and state in out.entities:
            out.relate("PART_OF", mention.id, state, mention.span, rule, 0.6)
        place_state = mention.role.removeprefix("in:") if mention.role.startswith("in:") and \
            (mention.rule in STATED or _named_state(mentions, index, True) == mention.role[3:]) \
            else None
        if mention.label == "Location" and place_state in out.entities:
            out.relate("LOCATED_IN", mention.id, place_state, mention.span,
                       "structure.located_in", 0.5)
        if mention.label == "Program" and mention.role == "name":
            _paired_states(out, mention, mentions[index + 1:index + 4])
        owner = extras().get((mention.label, mention.id))
        if mention.label in ("Program", "Operation") and owner in out.entities:
            out.relate("RUNS", owner, mention.id, mention.span, "structure.program_owner", 0.7)
        elif mention.label in ("Operation", "Exercise", "Program") and \
                mention.text[:1].isupper():
            _run_by_name(out, mention)
        if mention.label == "Operation":
            _held_by_name(out, mention, mentions[index + 1:index + 4])
        if previous and mention.label in ("Organization", "Unit") and \
                previous.label in OWNERS[mention.rule == "unit.possessed"] and \
                out.text[previous.end:mention.start] in POSSESSIVE_GAPS:
            out.relate("PART_OF", mention.id, previous.id, (previous.start, mention.end),
                       "structure.possessive", 0.65)
            if mention.rule == "unit.possessed":
                body = out.entities[mention.id]
                body.aliases = merge_list(body.aliases, [out.text[previous.start:mention.end]])
        previous = mention if mention.role != "qualifier" else previous


def _forces_within(out: Extraction, mention: Mention, state: str) -> None:
    """The armed forces a staff's or school's name names as its whole (``General Staff of the
    Slovak Armed Forces``), when the report names them nowhere else: an entity of their own,
    PART_OF their state, so the staff can be PART_OF them."""
    found = FORCES_WITHIN.search(mention.text)
    if found is None:
        return
    start = mention.start + found.start("forces")
    country = out.entities[state]
    out.add(Mention(start, mention.start + found.end("forces"), found["forces"], "Organization",
                    f"{state.lower()}-armed-forces", f"Armed Forces of {country.name}",
                    "armed_forces", role=f"of:{state}", rule="org.forces_within",
                    confidence=0.6))
    out.relate("PART_OF", f"{state.lower()}-armed-forces", state, mention.span,
               "structure.national", 0.6)


def ships(out: Extraction) -> None:
    """A ship named with its navy's prefix (``USS Dewey``) PART_OF that navy when the report
    names it, else of its state when named; ``the Malaysian navy`` is the report's named
    navy of that state (``Royal Malaysian Navy``) when it names one."""
    navies: dict[str, list[str]] = {}
    for relation in out.relations.values():
        body = out.entities[relation.source]
        if relation.type == "PART_OF" and body.properties.get("kind") == "naval_forces" and \
                NAVY.search(body.name):
            navies.setdefault(relation.target, []).append(body.id)
    for state, found in navies.items():
        described = f"{state.lower()}-naval-forces"
        named = [navy for navy in found if navy != described]
        if described in found and len(named) == 1:
            out.merge(described, named[0])
            found.remove(described)
    for entity in list(out.entities.values()):
        prefix = entity.name.split()[0] if entity.label == "Unit" else ""
        state = SHIP_STATES.get(prefix) if len(entity.name.split()) > 1 else None
        if state is None:
            continue
        owners = navies.get(state, []) or [state]
        if len(owners) == 1:
            out.relate("PART_OF", entity.id, owners[0], entity.spans[0], "structure.ship", 0.6)


SHIP_AFTER_SERVICE = re.compile(
    r"(?:'s?|’s)?\s+(?:[a-z-]+\s+){0,3}(?:ship|vessel|frigate|corvette|destroyer|submarine|"
    r"cutter|boat|tanker|minehunter)s?\s+")
LISTED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
"""Between ships named in a list: ``Samarth and Abhinav``."""
"""Between a service and the ship it names as its own: ``the Royal Moroccan Navy's amphibious
landing ship Sidi Mohammed Ben Abdallah``, ``the NCG's offshore patrol vessel CGS Barracuda``,
``the Indian Coast Guard ships Samarth and Abhinav``."""


def service_ships(out: Extraction, mentions: list[Mention]) -> None:
    """A ship named right after a service's name and the ship's type is PART_OF that
    service, where the parse may have tied the name elsewhere."""
    units = sorted((m for m in mentions if m.label == "Unit" and m.id in out.entities),
                   key=lambda m: m.start)
    for index, (service, ship) in enumerate(itertools.pairwise(units)):
        whole = out.entities[service.id]
        if _is_ship(whole) or SHIP_AFTER_SERVICE.fullmatch(out.text, service.end,
                                                           ship.start) is None:
            continue
        named = [ship]
        for before, after in itertools.pairwise(units[index + 1:]):
            if LISTED.fullmatch(out.text, before.end, after.start) is None:
                break
            named.append(after)
        for mention in named:
            part = out.entities[mention.id]
            if part.id != whole.id and _is_ship(part):
                out.relate("PART_OF", part.id, whole.id, (service.start, mention.end),
                           "structure.service_ship", 0.55)


def _is_ship(entity: Entity) -> bool:
    return entity.properties.get("kind") == "ship" or entity.rule == "unit.ship" or (
        len(entity.name.split()) > 1 and entity.name.split()[0] in SHIP_STATES)


REGIONAL_GUARD = re.compile(r"^(?P<region>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+(?:Air\s+|Army\s+)?"
                            r"National\s+Guard$")
"""A guard named after a province or state of a federation: ``Utah National Guard``."""


def regional_guards(out: Extraction) -> None:
    """A national guard named after a region (``Mississippi National Guard``) tied to no
    larger whole is PART_OF the state with a region of that name the report names."""
    wholes = {r.source for r in out.relations.values() if r.type == "PART_OF"}
    for entity in list(out.entities.values()):
        found = REGIONAL_GUARD.match(entity.name) if entity.label == "Unit" else None
        if found is None or entity.id in wholes:
            continue
        states = region_states().get(fold_name(found["region"]), ())
        state = next((s for s in states if s in out.entities and
                      out.entities[s].label == "Country"), None)
        if state is not None:
            out.relate("PART_OF", entity.id, state, entity.spans[0], "structure.regional_guard",
                       0.5)


def stateless(out: Extraction) -> None:
    """A state's service or body known by the dictionaries as that state's (``Royal Navy``
    is ``gbr-naval-forces``) or the dictionaries' body of a larger one (``Bundeswehr``:
    Germany, ``Allied Air Command``: NATO, ``US 4th Fleet``: the US Navy) tied to no larger
    whole is PART_OF it, when named: the larger body before the state."""
    wholes = {r.source for r in out.relations.values() if r.type == "PART_OF"}
    for entity in list(out.entities.values()):
        state = entity.id[:3].upper() if entity.id[3:4] == "-" else None
        owner = extras().get((entity.label, entity.id))
        if entity.label not in ("Organization", "Unit") or entity.id in wholes:
            continue
        if owner in out.entities and owner != entity.id:
            out.relate("PART_OF", entity.id, owner, entity.spans[0], "structure.known_owner",
                       0.5)
        elif state in out.entities and out.entities[state].label == "Country":
            out.relate("PART_OF", entity.id, state, entity.spans[0], "structure.stateless",
                       0.5)


SERVICE = re.compile(r"(?:\b(?:Navy|Naval Forces?|Air Force|Air Forces|Army|Land Forces|"
                     r"Ground Forces|Marine Corps|Marines|Home Guard)$|"
                     r"^(?:Naval Forces|Air Force|Army|"
                     r"Ground forces|Land Forces) of )")
"""A service's name: a state's navy (``Royal Jordanian Naval Force``), air force, army, marine
corps or home guard (``Naval Forces of X`` as the dictionaries write a service the text names
by its state)."""
WHOLE_FORCES = re.compile(r"\b(?:Armed|Defen[cs]e|Military|Self-Defen[cs]e)\s+Forces?\b|"
                          r"\bBundeswehr\b")
"""A name of a state's forces as a whole, not of one service: ``Armed Forces of X``."""
STAFF = re.compile(r"\b(?:General|Defen[cs]e|Joint|Integrated Defen[cs]e)\s+(?:Staff|"
                   r"Headquarters)\b")
"""A state's military staff or headquarters (``General Staff of Kazakhstan``, ``Norwegian
Joint Headquarters``): of its armed forces, as a service is."""


def services(out: Extraction) -> None:
    """A state's service or military staff is PART_OF the state's armed forces, not of the
    state, when the report names those forces (``the Philippine Navy`` of the Armed Forces of
    the Philippines), by the dictionaries' id or as the one armed force it ties to the state;
    not forces only described (``the naval forces of the two countries``)."""
    named: dict[str, set[str]] = {}
    for relation in out.relations.values():
        body = out.entities[relation.source]
        if relation.type == "PART_OF" and body.properties.get("kind") == "armed_forces" and \
                body.label == "Organization" and out.entities[relation.target].label == "Country":
            named.setdefault(relation.target, set()).add(body.id)
    for key, relation in list(out.relations.items()):
        body, state = out.entities[relation.source], out.entities[relation.target]
        forces = out.entities.get(f"{state.id.lower()}-armed-forces")
        if forces is None and len(named.get(state.id, ())) == 1:
            forces = out.entities[next(iter(named[state.id]))]
        if relation.type != "PART_OF" or state.label != "Country" or forces is None or \
                forces.label != "Organization" or forces.id == body.id or \
                not _forces_named(forces) or \
                not (SERVICE.search(body.name) or STAFF.search(body.name)) or \
                body.rule.startswith("described."):
            continue
        del out.relations[key]
        for span in relation.spans:
            out.relate("PART_OF", body.id, forces.id, span, "structure.service_of_forces",
                       relation.confidence)


FORCES_FIRST = re.compile(r"(?P<forces>(?P<state>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)\s"
                          r"(?:Armed\sForces|(?:Self-)?Defen[cs]e\sForces?))\s"
                          r"(?!of\b|and\b|Ministry\b)[A-Z][\w-]*")
"""A body named with its state's armed forces first: ``Swedish Armed Forces International
Centre``, ``Japan Self-Defense Forces Cyber Defense Command`` (not its ministry, ``French
Armed Forces Ministry``, nor a body after one service, ``US Army Pacific``, which analysts
tie to the state)."""
FORMAL_KINDS = ("ministry", "department", "government")


def forces_in_names(out: Extraction) -> None:
    """A state's body named with the state's armed forces first is PART_OF those forces (not
    of the state), which are named there and PART_OF the state."""
    for entity in list(out.entities.values()):
        found = _forces_first(out, entity)
        if found is None:
            continue
        state = entity.id[:3].upper()
        forces = out.entities.get(f"{state.lower()}-armed-forces") or out.add(Mention(
            *found, out.text[found[0]:found[1]], "Organization", f"{state.lower()}-armed-forces",
            " ".join(out.text[found[0]:found[1]].split()), "armed_forces", f"of:{state}",
            "structure.forces_in_name", 0.5))
        if forces.id == entity.id:
            continue
        national = out.relations.get((entity.id, "PART_OF", state))
        if national is not None and national.rule == "structure.national":
            del out.relations[national.key]
        out.relate("PART_OF", entity.id, forces.id, found, "structure.forces_in_name", 0.5)
        if not any(r.type == "PART_OF" and r.source == forces.id for r in out.relations.values()):
            out.relate("PART_OF", forces.id, state, found, "structure.forces_in_name", 0.5)


def _forces_first(out: Extraction, entity: Entity) -> tuple[int, int] | None:
    """Where the words naming a state's armed forces open ``entity``'s name as the text gives
    it (the state its id's)."""
    if entity.label not in ("Organization", "Unit") or entity.id[3:4] != "-" or \
            entity.properties.get("kind") in FORMAL_KINDS:
        return None
    state = entity.id[:3].upper()
    for start, end in entity.spans:
        match = FORCES_FIRST.match(out.text, start, end)
        if match and any(m.label == "Country" and m.id == state and m.start == 0 and
                         m.end == len(match["state"]) for m in default().find(match["state"])):
            return start, match.end("forces")
    return None


TITLE_ONLY = re.compile(r"\b(?:Chief|Commander|Head)\b")
"""In an alias that is an office-holder's title (``Pakistan's Chief of Defence Forces``)."""


def _forces_named(forces: Entity) -> bool:
    """Whether an armed forces entity is named as the state's forces as a whole (``Armed
    Forces of the Philippines``, ``AFP``) and not only as one of its services (``Philippine
    Army``, which it stands for when the report names no other), nor only implied by a
    title (``Pakistan's Chief of Defence Forces``), which names no forces of the state."""
    names = (forces.name, *forces.aliases)
    if forces.rule == "org.office_of_title" and \
            all(TITLE_ONLY.search(alias) for alias in forces.aliases):
        return False
    return not any(SERVICE.search(name) for name in names) or \
        any(WHOLE_FORCES.search(name) for name in forces.aliases)


TO_HOST = frozenset(("hosting.to_host", "hosting.ready_to_host", "hosting.offer_to_host"))
"""Rules reading the host of an edition offered, planned or expected (``Kazakhstan has
offered to host the 2027 edition``): a candidate host, not yet a party to it."""
WILL_HOST = re.compile(r"\bwill\s+(?:be\s+)?host(?:ed)?\b", re.I)
"""In the sentence of a hosting to come (``Kyrgyzstan will host Tien Shan-2025``, ``will be
hosted by the Royal Thai Army``)."""


def hosts(out: Extraction) -> None:
    """Who hosts an exercise takes part in it; not a host only offered, planned or to come
    (``Kazakhstan has offered to host the 2027 edition``, ``Kyrgyzstan will host``)."""
    for relation in list(out.relations.values()):
        if relation.type == "HOSTED" and out.entities[relation.target].label == "Exercise" \
                and relation.rule not in TO_HOST and \
                not WILL_HOST.search(out.text, *relation.spans[0]):
            out.relate("PARTICIPATED_IN", relation.source, relation.target, relation.spans[0],
                       "structure.host_takes_part", round(relation.confidence - 0.1, 2))


def sending_states(out: Extraction) -> None:
    """A state whose unit takes part in an exercise or operation takes part in it too (not
    in a phase of it, which is the units' own), and one whose unit is deployed to an operation
    is deployed to it too (``a Serbian company`` serving with UNIFIL)."""
    states: dict[str, list[str]] = {}
    for relation in out.relations.values():
        if relation.type == "PART_OF" and out.entities[relation.source].label == "Unit" and \
                out.entities[relation.target].label == "Country":
            states.setdefault(relation.source, []).append(relation.target)
    for relation in list(out.relations.values()):
        event = out.entities[relation.target]
        if event.label not in ("Exercise", "Operation") or \
                event.properties.get("kind") == "phase" or not (
                    relation.type == "PARTICIPATED_IN" or
                    (relation.type == "DEPLOYED_TO" and event.label == "Operation")):
            continue
        for state in states.get(relation.source, ()):
            out.relate(relation.type, state, event.id, relation.spans[0],
                       "structure.sending_state", round(relation.confidence - 0.1, 2))


def _hosts_of(out: Extraction, mission: str) -> set[str]:
    """The states a standing mission is deployed in: named in its name (``Mission in
    Somalia``) or where the report holds it."""
    entity = out.entities[mission]
    names = " ".join([entity.name, *entity.aliases]).lower()
    found = {state for state, names_of in state_names().items() if state in out.entities
             and any(f" in {name.lower()}" in names or f" in the {name.lower()}" in names
                     for name in names_of)}
    return found | {r.target for r in out.relations.values() if r.type == "HELD_IN" and
                    r.source == mission and out.entities[r.target].label == "Country"}


def not_hosts(out: Extraction) -> None:
    """A state a standing mission is deployed in, and its forces, do not take part in it."""
    forces = {}
    for relation in out.relations.values():
        if relation.type == "PART_OF" and out.entities[relation.target].label == "Country":
            forces.setdefault(relation.source, set()).add(relation.target)
    hosts: dict[str, set[str]] = {}
    for key, relation in list(out.relations.items()):
        mission = out.entities[relation.target]
        if relation.type not in ("PARTICIPATED_IN", "DEPLOYED_TO") or \
                mission.label != "Operation" or not _standing(mission):
            continue
        if mission.id not in hosts:
            hosts[mission.id] = _hosts_of(out, mission.id)
        if ({relation.source} | forces.get(relation.source, set())) & hosts[mission.id]:
            del out.relations[key]


def _standing(mission: Entity) -> bool:
    """A peacekeeping or named mission (which a state hosts rather than joins)."""
    return mission.properties.get("kind") == "peacekeeping" or "Mission" in mission.name


def organs(out: Extraction) -> None:
    """A body named after the organisation it belongs to (``UN Security Council``, ``GCC
    Military Committee``, ``SADC Standby Force``, ``Standing NATO Maritime Group 1``) is
    PART_OF it, when the report names it."""
    for entity in list(out.entities.values()):
        if entity.label not in ("Organization", "Unit"):
            continue
        whole = _named_after(entity.name, inside=True)
        if whole is not None and whole.id != entity.id and whole.id in out.entities and \
                out.entities[whole.id].label == "Organization":
            out.relate("PART_OF", entity.id, whole.id, entity.spans[0], "structure.organ",
                       0.5)


COMPANY_END = re.compile(r"\s(?:Systems|Industries|Technologies|Electronics|Dynamics|Holdings|"
                         r"Shipyards?|Plant|Shipbuilders|Limited|Ltd|Inc|LLC|PLC|GmbH|AG|SpA|ASA)\.?$")
"""The last word of a company's name that no state body's ends with (not ``Corporation`` or
``Company``: ``Philippine Aerospace Development Corporation``, ``601 Commando Company``)."""


def company_states(out: Extraction) -> None:
    """A company is in its state, not part of it: ``Spain's Navantia`` LOCATED_IN Spain (a
    company the dictionaries or the text call one, or whose name ends in a company's word:
    ``Germany's ThyssenKrupp Marine Systems``)."""
    for key, relation in list(out.relations.items()):
        body = out.entities[relation.source]
        if relation.type == "PART_OF" and out.entities[relation.target].label == "Country" and \
                body.label == "Organization" and (body.properties.get("kind") == "company" or (
                    body.rule == "gazetteer" and "kind" not in body.properties) or (
                    "kind" not in body.properties and COMPANY_END.search(body.name))):
            del out.relations[key]
            if _subsidiary(body.name, out.entities[relation.target]):
                continue
            for span in relation.spans:
                out.relate("LOCATED_IN", body.id, relation.target, span,
                           "structure.company_state", relation.confidence)


def _subsidiary(name: str, state: Entity) -> bool:
    """Whether a company is a foreign group's arm named for the state it sells in (``Thales
    Australia``, ``Hanwha Defense Australia``): the state ends its name rather than owning it,
    and analysts tie such an arm to its group, not to the state."""
    return any(name.endswith(f" {spelling}") and name != spelling
               for spelling in (state.name, *state.aliases) if spelling)


NOT_SIGNING_FOR = ("academy", "company")
"""Kinds of body whose head signs for the body alone, not for its state: a rector, a
company's chief executive."""
SIGNING_ALONE = ("ministry", "department", "government", "headquarters")
"""Kinds of body a report does not say signed when its head did: a minister signs for the
state, the ministry is only the minister's office."""


def signed_for(out: Extraction) -> None:
    """An official who signs an agreement signs for what they head: an agency, company,
    academy or service they head signed it (``signed by X, chief executive of Dassault
    Aviation``), and so did the state whose ministry, service or command they head
    (``signed by Fiji's Minister of Defence, X``) or that they lead (``Kyrgyz President X
    and Tajik President Y signed the treaty``; not a president's own decree)."""
    states: dict[str, list[str]] = {}
    for relation in out.relations.values():
        if relation.type == "PART_OF" and out.entities[relation.target].label == "Country":
            states.setdefault(relation.source, []).append(relation.target)
    heads: dict[str, list[str]] = {}
    bodies: dict[str, list[str]] = {}
    leads: dict[str, list[str]] = {}
    for relation in out.relations.values():
        body = out.entities[relation.target]
        if relation.type == "LEADS" and body.label == "Country" and \
                out.entities[relation.source].label == "Person":
            leads.setdefault(relation.source, []).append(body.id)
        if relation.type != "COMMANDS" or out.entities[relation.source].label != "Person":
            continue
        if body.properties.get("kind") not in NOT_SIGNING_FOR:
            heads.setdefault(relation.source, []).extend(states.get(body.id, ()))
        if body.label in ("Organization", "Unit") and \
                body.properties.get("kind") not in SIGNING_ALONE:
            bodies.setdefault(relation.source, []).append(body.id)
    for relation in sorted(out.relations.values(), key=lambda r: r.key):
        if relation.type != "SIGNED" or out.entities[relation.source].label != "Person":
            continue
        led = () if out.entities[relation.target].properties.get("kind") == "decree" else \
            leads.get(relation.source, ())
        for signer in sorted(set(heads.get(relation.source, ())) |
                             set(bodies.get(relation.source, ())) | set(led)):
            out.relate("SIGNED", signer, relation.target, relation.spans[0],
                       "structure.signed_for", round(relation.confidence - 0.1, 2))


BRANCHES = (("navy", re.compile(r"\b(?:Navy|Naval|Maritime)\b")),
            ("air", re.compile(r"\b(?:Air Force|Air and Space Force|Air Self-Defense)\b")))
"""Services a trainer and its trainees' service share: a navy trains sailors of a navy."""


def _branch(entity: Entity) -> str | None:
    return next((name for name, words in BRANCHES if words.search(entity.name)), None)


def trainees(out: Extraction) -> None:
    """A service training a state's people trains that state's service of its own kind,
    when the report names one (the Spanish Navy trains Chilean crews: the Chilean Navy); a
    school trains the state's officers, whatever their service (the Naval Academy: Togo)."""
    states: dict[str, set[str]] = {}
    for relation in out.relations.values():
        if relation.type == "PART_OF" and out.entities[relation.target].label == "Country":
            states.setdefault(relation.source, set()).add(relation.target)
    for key, relation in list(out.relations.items()):
        trainer = out.entities[relation.source]
        if relation.type != "TRAINED" or out.entities[relation.target].label != "Country" \
                or trainer.properties.get("kind") == "academy":
            continue
        branch = _branch(trainer)
        own = [e.id for e in out.entities.values() if e.label in ("Unit", "Organization")
               and branch is not None and _branch(e) == branch and e.id != trainer.id
               and relation.target in states.get(e.id, ())]
        if len(own) == 1:
            del out.relations[key]
            out.relate("TRAINED", trainer.id, own[0], relation.spans[0],
                       "structure.trainee_service", relation.confidence)


NOT_SENDING = ("command", "headquarters", "ministry", "academy", "sector")
"""Kinds of body that take part in a mission without sending anyone to it: a command or
staff that directs or coordinates it, a ministry, a school."""


def contributors(out: Extraction) -> None:
    """Who takes part in a standing mission (peacekeeping, training) sends people to serve in
    it: DEPLOYED_TO the mission as well. Not a person (who serves, not sends), a body of an
    international organisation (the mission's own, ``the UN Regional Service Centre``), nor
    a command, staff, ministry or school (``coordinated by the Operations Command``), nor the
    state the mission's own name says it serves (``Mission in support of Ukraine``)."""
    for relation in list(out.relations.values()):
        mission = out.entities[relation.target]
        if relation.type == "PARTICIPATED_IN" and mission.label == "Operation" and \
                out.entities[relation.source].label != "Person" and \
                out.entities[relation.source].properties.get("kind") not in NOT_SENDING and \
                not _international_body(out, relation.source) and \
                _standing(mission) and relation.rule not in IN_PASSING and \
                not _officer_home(out, relation) and not _served_state(out, relation) and \
                not _leader_only(out, relation):
            out.relate("DEPLOYED_TO", relation.source, mission.id, relation.spans[0],
                       "structure.mission_contributor", round(relation.confidence - 0.05, 2))


def sectors(out: Extraction, mentions: list[Mention]) -> None:
    """A mission's sector (``Sector 2``) is PART_OF one mission: the one owning it by name
    where the report says so (``UNIFIL's Sector East``, ``Sector 2 of AUSSOM``), else the
    one named last before its first mention, else the first after; the sector is named with
    the mission's short name (``AUSSOM Sector 2``)."""
    if not any(m.rule == "unit.sector" for m in mentions):
        return
    missions = [m for m in mentions if m.id in out.entities and _mission(out.entities[m.id])]
    owners: dict[str, tuple[bool, Mention, Mention]] = {}
    for index, sector in enumerate(mentions):
        if sector.rule != "unit.sector" or sector.id not in out.entities or not missions:
            continue
        found = _sector_owner(out.text, mentions, index, missions)
        if found is not None and (sector.id not in owners or
                                  (found[0] and not owners[sector.id][0])):
            owners[sector.id] = (found[0], found[1], sector)
    for sector_id, (_, owner, sector) in owners.items():
        out.relate("PART_OF", sector_id, owner.id, sector.span, "structure.sector", 0.6)
        entity, mission = out.entities[sector_id], out.entities[owner.id]
        short = next((a for a in mission.aliases if a.isupper() and 3 <= len(a) <= 8), None)
        if short and entity.name == sector.name:
            entity.name = f"{short} {sector.name}"


def _sector_owner(text: str, mentions: list[Mention], index: int,
                  missions: list[Mention]) -> tuple[bool, Mention] | None:
    """The mission a sector mention belongs to, and whether the text names it as the owner
    (see ``sectors``)."""
    sector = mentions[index]
    before = mentions[index - 1] if index else None
    after = mentions[index + 1] if index + 1 < len(mentions) else None
    if before in missions and text[before.end:sector.start] in POSSESSIVE_GAPS:
        return True, before
    if after in missions and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[sector.end:after.start]):
        return True, after
    earlier = [m for m in missions if m.end <= sector.start]
    later = next((m for m in missions if m.start >= sector.end), None)
    owner = earlier[-1] if earlier else later
    return (False, owner) if owner is not None else None


def _mission(entity: Entity) -> bool:
    """Whether an entity is a mission or joint force that sectors are parts of."""
    return (entity.label == "Operation" and _standing(entity)) or (
        entity.label in ("Organization", "Unit") and
        entity.properties.get("kind") == "coalition" and "Force" in entity.name)


def _international_body(out: Extraction, body: str) -> bool:
    """Whether a body is PART_OF an international organisation or alliance."""
    return any(r.type == "PART_OF" and r.source == body and
               out.entities[r.target].properties.get("kind") in (
                   "international_organization", "alliance")
               for r in out.relations.values())


def _served_state(out: Extraction, relation: Relation) -> bool:
    """Whether the participant is a state the mission's name or one of its aliases names
    (``EU Training Mission in Somalia`` and Somalia): where or whom it serves."""
    state, mission = out.entities[relation.source], out.entities[relation.target]
    if state.label != "Country":
        return False
    pattern = re.compile(rf"\b{re.escape(state.name)}\b")
    return any(pattern.search(name) for name in (mission.name, *mission.aliases))


LEADS = re.compile(r",\s*which\s+(?:also\s+)?leads\b|-led\b")
"""After a participant named only as a mission's leader (``Australia, which leads the
Solomon Islands International Assistance Force``, ``the Australian-led Regional Assistance
Mission``): that it leads says nothing of troops it sends."""


def _leader_only(out: Extraction, relation: Relation) -> bool:
    """Whether a participant is named in its sentence only as the mission's leader."""
    start, end = relation.spans[0]
    spans = [span for span in out.entities[relation.source].spans if start <= span[0] < end]
    return bool(spans) and all(LEADS.match(out.text, span[1]) for span in spans)


def _officer_home(out: Extraction, relation: Relation) -> bool:
    """Whether a participant is named in its sentence only as an officer's home (``Major
    General Ana Silva of Portugal``): that says who commands, not who sends troops."""
    start, end = relation.spans[0]
    spans = [span for span in out.entities[relation.source].spans if start <= span[0] < end]
    return bool(spans) and all(OFFICER_OF.search(out.text, max(0, span[0] - 80), span[0])
                               for span in spans)


def _paired_states(out: Extraction, program: Mention, after: list[Mention]) -> None:
    """The states a program's name opens with, joined by a dash, take part in it: Indonesia
    and Thailand in the ``Indonesia-Thailand Defence Cooperation Plan 2025-2027``."""
    states = [m for m in after if m.label == "Country" and m.end <= program.end]
    if len(states) < 2 or states[0].start != program.start or any(
            out.text[a.end:b.start] not in ("-", "–") for a, b in itertools.pairwise(states)):
        return
    for state in states:
        if state.id in out.entities:
            out.relate("PARTICIPATED_IN", state.id, program.id, program.span,
                       "structure.paired_states", 0.5)


def _run_by_name(out: Extraction, event: Mention) -> None:
    """A mission or exercise named after the alliance or organisation that runs it (``African
    Union Mission in Somalia``, ``NATO Response Force exercise``)."""
    body = _named_after(event.text)
    if body is None:
        return
    if body.id not in out.entities:
        out.add(Mention(event.start, event.start + body.end, body.text, body.label, body.id,
                        body.name, body.kind, rule="event.named_after", confidence=0.5))
    out.relate("RUNS", body.id, event.id, event.span, "structure.named_after", 0.5)


def _held_by_name(out: Extraction, event: Mention, after: list[Mention]) -> None:
    """A mission named after the state it serves in is held there (``the UN mission in
    Haiti``, ``United Nations Mission in South Sudan``), an invasion in the state invaded."""
    state = next((m for m in after if m.label == "Country" and m.end == event.end), None)
    if state is not None and state.id in out.entities and \
            MISSION_IN_STATE.search(out.text, event.start, state.start):
        out.relate("HELD_IN", event.id, state.id, event.span, "structure.mission_state", 0.5)


@lru_cache(maxsize=4096)
def _named_after(name: str, inside: bool = False) -> Mention | None:
    """The alliance or international organisation a name begins with (the gazetteer's
    longest), found once per name; with ``inside``, else one named within it after capitalised
    words only (``Standing NATO Maritime Group 1``, not ``Centre for United Nations
    Peacekeeping``), not joined to another by a hyphen (``EU-NATO``)."""
    words = [i for i, c in enumerate(name) if c == " "]
    first = next((m for end in reversed(words) for m in default().find(name[:end])
                  if m.start == 0 and m.end == end and m.label == "Organization"
                  and m.kind in INTERNATIONAL[:4]), None)
    if first is not None or not inside:
        return first
    before = [i for i in words if not all(w[:1].isupper() for w in name[:i].split())]
    return next((m for m in (_named_after(name[i + 1:]) for i in words if i < min(
        before, default=len(name))) if m is not None), None)


def _named_state(mentions: list[Mention], index: int, place: bool = False) -> str | None:
    """The one state named inside a body's name (``US Central Command``, ``Kenya Defence
    Forces``), not for alliances and international bodies; or inside a place's
    (``Azerbaijani territories``) when ``place``."""
    body = mentions[index]
    if body.label not in (("Location",) if place else ("Organization", "Unit")) or \
            body.kind in INTERNATIONAL:
        return None
    states = set()
    for mention in mentions[index + 1:]:
        if mention.start >= body.end:
            break
        if mention.label == "Country" and mention.role == "qualifier":
            states.add(mention.id)
    return states.pop() if len(states) == 1 else None
