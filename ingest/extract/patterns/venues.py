"""Where events took place: HELD_IN from an event to the places named after it (in, at,
near; lists of places; ``in both countries``), HOSTED by the state a visit goes to or a
meeting is held in, and LOCATED_IN for bodies placed in a city (``Command (Tampa, US)``)."""

from __future__ import annotations

import re

from ingest.extract.dates import DATELINE_DATE
from ingest.extract.facts import Mention
from ingest.extract.gazetteer import capital_states, default, extras, fold_name
from ingest.extract.patterns.context import LISTED, VENUE, Context
from ingest.extract.slugs import slug

EVENTISH = re.compile(
    r"\b(?:missions?|operations?|wars?|conflicts?|exercises?|drills?|programm?es?|meetings?|"
    r"visits?|talks|agreements?|participation|campaigns?|deployments?|elections?|summits?|"
    r"conferences?|presence|occupation|offensives?|attacks?|based|stationed|located|"
    r"born|headquartered|killed|embassy|consulate|serv(?:e|es|ed|ing)|liberat\w+|"
    r"restoration|settlements?|cities|said|says|told|tensions?|crisis|disputes?|threats?|"
    r"violence|amid|despite|centres?|centers?|bases?|facilit\w+|airports?|ports?|"
    r"ceremon(?:y|ies)|parades?|"
    r"(?<!training\s)(?<!exercise\s)sites?|"
    r"installations?|headquarters|offices?|set\s+up|establish\w*|build\w*|about(?!\s+\d)|"
    r"regarding|concerning|cooperation|security|intelligence|ambassadors?|envoys?|"
    r"attach[eé]s?|consuls?)\b", re.I)
"""Words between an event and a place that show the place belongs to something else."""
SPEAKERS_IN = re.compile(r"\b(?:officials?|ambassadors?|embassy|spokes(?:man|woman|person)|"
                         r"diplomats?|sources)\s+in\s+(?:the\s+)?$", re.I)
"""Before a place that is where those who speak are (``Officials in Quito said ...``,
``Sweden's ambassador in Astana``), not where the event they speak of is held."""
FORCE_PART = re.compile(r"\b(?:battalions?|compan(?:y|ies)|contingents?|units?|"
                        r"observers|cells?|positions|workshops|posts|"
                        r"sectors?)\b", re.I)
"""Between a mission and a place, a part of its force the place is given for (``an
engineering company in Juba``, ``the mission's trainers at Katembe``), not the mission's area."""
AT_SITE = re.compile(r"\s+(?:[\w,-]+\s+){0,6}?at\s+(?:the\s+|its\s+|their\s+)?"
                     r"(?:[\w’'()&.-]+\s+){1,10}?in\s+(?:the\s+)?$")
"""Between an event and the town of the site it is held at: ``a meeting at the EAC
headquarters in Arusha``; the site's words (headquarters, centre) speak of the site."""
TO_PLACE = re.compile(r"^\s+(?:to|in)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,1}$", re.I)
SAME_KIND = {"Exercise": ("exercise", "drill"), "Meeting": ("meeting", "talk", "visit"),
             "Operation": ("operation", "mission", "war", "offensive", "campaign")}
"""Event words that, between an event and a place, still speak of the same kind of event."""
CAPS = re.compile(r"[A-Z][A-Z’'-]{2,}(?:\s[A-Z][A-Z’'-]{2,}){0,2}(?=\s*(?:,|[—–:]|--))")
DATELINE = re.compile(r"\s*(?:,\s*[A-Z][\w’' -]{1,30}?)?"
                      rf"(?:,\s*{DATELINE_DATE})?"
                      r"\s*(?:[—–:]|--|-(?=\s))\s")
"""After a place opening a sentence: a dateline (``ANKARA —``, ``DOHA:``, ``KISMAYO,
Somalia, 14 May 2026 -``)."""
IN_NAME = re.compile(r"\s+(?:in|on)\s+(?:the\s+)?$")
VISITS = ("visit",)
VISIT_TO = re.compile(r"\s+(?:by\s+[^,;:.()]{3,80}?\s+)?to\s+(?:the\s+)?"
                      r"(?:[\w’'-]+\s+capital,?\s+)?$")
"""Between a visit and where it goes: ``to (the)``, after who makes it (``a visit by
Minister X to Manila``) and before the capital's description (``to the Fijian capital,
Suva``)."""
HOME_GROUND = re.compile(r"\b(?:in|across|throughout)\s+the\s+country\b|\bon\s+(?:its|their)\s+"
                         r"(?:own\s+)?(?:territory|soil)\b", re.I)
WITHIN = re.compile(r",?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|"
                    r"north-?west|south-?east|south-?west)(?:ern)?\s+)?")
"""Between a place and the larger place it lies in: ``at Camp Itami in Hyogo``, ``in Yavoriv,
in western Ukraine``: the event held at the one is held in the other."""
AGREEMENT_TOPIC = re.compile(r"\s+(?:of\s+understanding\s+)?(?:on|for)\s+"
                             r"(?:(?!in\s|at\s)[\w’'-]+\s+){0,5}"
                             r"(?:cooperation|security|intelligence|partnership)(?=\s)", re.I)
"""After an agreement, what it is on: ``on maritime security cooperation``."""
ELSEWHERE = re.compile(r"\b(?:to\s+(?:hold|stage|conduct|host|organi[sz]e|start|launch)|"
                       r"under)\s+(?:[\w’'-]+\s+){0,8}$", re.I)
"""Before an event a dateline's sentence only plans or acts under, held elsewhere or
before: ``agreed to hold their first combined river exercise``, ``under a protocol``."""
DURING = re.compile(r"\bduring\s+(?:[\w’'-]+\s+){0,6}$")
"""Before a visit something else is done in: ``during Prime Minister X's``."""
STAY = re.compile(r"\b(?:soil|territory|territories|waters|airspace)\b", re.I)


SUBJECT_AFTER = re.compile(r"(?:(?:\s*,\s*|\s+and\s+)[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)*\s+"
                           r"(?:observe|watch|join|attend|send|take\s+part)(?:s|ed)?\b")
"""After a place that opens the list of who does a verb (``at X Air Base, Egypt and Japan
observe``): a party, not a venue."""


def state_of(ctx: Context, mention: Mention) -> str | None:
    """The state a place lies in or a body belongs to, when the text or gazetteer tells."""
    if mention.label == "Country":
        return mention.id
    if mention.role.startswith(("in:", "of:")):
        return mention.role[3:]
    if mention.label == "Location":
        return extras().get(("Location", mention.id))
    if mention.label == "Person":
        return ctx.article.person_country.get(mention.id)
    prefix = mention.id.partition("-")[0].upper()
    state = ctx.out.entities.get(prefix) if prefix != mention.id.upper() else None
    return prefix if state is not None and state.label == "Country" else None


def _gap(ctx: Context, event: Mention, venue: Mention) -> str:
    """The words between an event and a place named after it, less the subject of an
    agreement before a city in the same phrase (``a memorandum on defence cooperation in
    Islamabad``): what the agreement is on names it, not another thing the city is for."""
    gap = ctx.text[event.end:venue.start]
    if event.label == "Agreement" and venue.kind == "city":
        topic = AGREEMENT_TOPIC.match(gap)
        if topic is not None and not re.search(r"[,;:]", gap[topic.end():]):
            return gap[topic.end():]
    return gap


def _event_for(ctx: Context, venue: Mention, reach: int = 120) -> Mention | None:
    """The event a place is given for: the nearest before it in its clause with nothing
    event-like between, else an event right after a place that opens the clause."""
    before = [e for e in ctx.events if e.end <= venue.start and ctx.same_clause(e, venue)
              and e.rule != "event.follow_up"]
    if before:
        event = max(before, key=lambda e: e.end)
        gap = _gap(ctx, event, venue)
        if SPEAKERS_IN.search(gap) or (event.label == "Operation" and FORCE_PART.search(gap)):
            return None
        if len(gap) <= reach and AT_SITE.fullmatch(gap):
            return event
        if len(gap) <= reach and not any(
                word.group().lower().rstrip("s") not in SAME_KIND.get(event.label, ())
                for word in EVENTISH.finditer(gap)):
            return event
        return None
    after = [e for e in ctx.events if e.start >= venue.end and ctx.same_clause(e, venue)]
    if after and not ctx.text[ctx.sentence.start:venue.start].count(" ") > 3 and \
            not SPEAKERS_IN.search(ctx.text, ctx.sentence.start, venue.start):
        return min(after, key=lambda e: e.start)
    return None


def places(ctx: Context) -> None:
    """HELD_IN from each event of the sentence to the places it is put in."""
    city = dateline_city(ctx) if ctx.sentence.text[:1].isupper() and \
        ctx.says("—", "–", ":", "--", " - ") else None
    if not ctx.events:
        return
    previous: tuple[Mention, Mention | None] | None = None
    for venue in ctx.venues:
        gap = ctx.text[previous[0].end:venue.start] if previous is not None else ""
        listed = previous is not None and (LISTED.fullmatch(gap) or WITHIN.fullmatch(gap))
        event = previous[1] if listed and previous else _event_for(ctx, venue)
        if venue.label == "Country" and SUBJECT_AFTER.match(ctx.text, venue.end):
            event = None
        if event is not None and event.label == "Agreement" and not listed and \
                len(_gap(ctx, event, venue)) > 30 and \
                "signed" not in ctx.text[event.end:venue.start].lower():
            event = None
        previous = (venue, event)
        if event is None:
            continue
        ctx.keep(venue)
        ctx.out.relate("HELD_IN", event.id, venue.id, ctx.span, "place.held_in", 0.6)
    _both(ctx)
    _visits(ctx)
    _territory(ctx)
    _home_ground(ctx)
    if city is not None:
        _dateline(ctx, city)
    _in_name(ctx)
    _signed_during_visit(ctx)


def _signed_during_visit(ctx: Context) -> None:
    """An agreement signed during a visit (``signed in Quito, during his visit to
    Ecuador``, ``signed during Modi's visit to Colombo``) is signed where the visit is,
    and the visit is where the agreement is signed: the towns this sentence gives either
    are given to both."""
    if not ctx.says("during"):
        return
    visits = [e for e in ctx.events if e.label == "Meeting" and DURING.search(ctx.before(e, 60))
              and ctx.out.entities[e.id].properties.get("kind") in VISITS]
    agreements = [e for e in ctx.events if e.label == "Agreement"]
    for visit in visits:
        for agreement in (a for a in agreements if ctx.same_clause(a, visit)):
            pair = (agreement.id, visit.id)
            towns = sorted({r.target for r in ctx.out.relations.values()
                            if r.type == "HELD_IN" and r.source in pair and ctx.span in r.spans
                            and ctx.out.entities[r.target].label == "Location"})
            for event in pair:
                for town in towns:
                    ctx.out.relate("HELD_IN", event, town, ctx.span, "place.signed_during_visit",
                                   0.5)


def _dateline(ctx: Context, first: Mention) -> None:
    """``ANKARA — Indonesia and Türkiye signed ...``: agreements, meetings and exercises
    given no other place in a sentence opened by a dateline were held in its city; an
    exercise also in the state the dateline names (``KRIVOLAK, North Macedonia —``). Not
    a phase (the report gives its own place), an event only planned there (``agreed to
    hold an exercise next year``) nor an agreement only acted under (``under the Nakamal
    Agreement``)."""
    placed = {r.source for r in ctx.out.relations.values()
              if r.type == "HELD_IN" and ctx.span in r.spans}
    named = dateline_state(ctx, first)
    state = named.id if named is not None else \
        first.role.removeprefix("in:") if first.role.startswith("in:") else None
    for event in {e.id: e for e in ctx.events}.values():
        if event.kind == "phase" or \
                ELSEWHERE.search(ctx.before(event, 90)):
            continue
        if event.label in ("Agreement", "Meeting") and event.id not in placed:
            ctx.keep(first)
            ctx.out.relate("HELD_IN", event.id, first.id, ctx.span, "place.dateline", 0.45)
        elif event.label == "Exercise":
            if event.id not in placed:
                ctx.keep(first)
                ctx.out.relate("HELD_IN", event.id, first.id, ctx.span, "place.dateline", 0.4)
            if state in ctx.out.entities:
                ctx.out.relate("HELD_IN", event.id, state, ctx.span, "place.dateline_state",
                               0.45)


def dateline_city(ctx: Context) -> Mention | None:
    """The city of a dateline opening the sentence (``ANKARA —``, ``AKTAU, Kazakhstan —``),
    placed in the state it names, else a capital in its state (``ISLAMABAD —``)."""
    first = ctx.mentions[0] if ctx.mentions else None
    if first is not None and first.start == ctx.sentence.start and first.label == "Location":
        city = first if DATELINE.match(ctx.text, first.end) else None
    else:
        city = _capital_dateline(ctx)
    if city is None:
        return None
    state = dateline_state(ctx, city)
    if state is not None:
        ctx.out.relate("LOCATED_IN", city.id, state.id, ctx.span, "place.dateline", 0.6)
    elif (capital := capital_states().get(fold_name(city.name))) in ctx.out.entities:
        ctx.out.relate("LOCATED_IN", city.id, capital, ctx.span, "place.dateline_capital", 0.45)
    return city


def dateline_state(ctx: Context, city: Mention) -> Mention | None:
    """The state a dateline names after its city: ``AKTAU, Kazakhstan —``."""
    return next((m for m in ctx.mentions if m.label == "Country" and
                 re.fullmatch(r",\s*", ctx.text[city.end:m.start])), None)


def _capital_dateline(ctx: Context) -> Mention | None:
    """A dateline in capitals (``ANKARA —``): the city the gazetteer knows by that name, or a
    city the dateline places in a state (``AKTAU, Kazakhstan —``)."""
    match = CAPS.match(ctx.text, ctx.sentence.start, ctx.sentence.end)
    if match is None or not DATELINE.match(ctx.text, match.end()):
        return None
    name = match.group().title()
    hit = next((m for m in default().find(name) if m.start == 0 and m.end == len(name)), None)
    stated = re.match(r",\s*", ctx.text[match.end():match.end() + 3]) and any(
        m.label == "Country" and m.start <= match.end() + 3 for m in ctx.mentions[:1])
    if hit is None and not stated:
        return None
    if hit is not None and (hit.label not in ("Location", "Country") or
                            (hit.label == "Country" and hit.role != "capital")):
        return None
    state = (hit.id if hit.label == "Country" else extras().get(("Location", hit.id))) \
        if hit is not None else None
    place = hit.id if hit is not None and hit.label == "Location" else slug(name)
    mention = Mention(match.start(), match.end(), match.group(), "Location", place, name,
                      hit.kind if hit is not None and hit.label == "Location" else "city",
                      role=f"in:{state}" if state else "name", rule="place.dateline",
                      confidence=0.6)
    ctx.keep(mention)
    return mention


def _in_name(ctx: Context) -> None:
    """``the AU Mission in Somalia``: a place named inside an event's name holds it."""
    for event in ctx.events:
        if event.label not in ("Operation", "Exercise", "Meeting") or \
                event.rule.startswith("event."):
            continue
        for mention in ctx.mentions:
            if event.start < mention.start < event.end and mention.label in (
                    "Country", "Location") and IN_NAME.search(ctx.text[event.start:
                                                                       mention.start]):
                ctx.out.relate("HELD_IN", event.id, mention.id, ctx.span, "place.in_name",
                               0.55)


def _both(ctx: Context) -> None:
    """``held in both countries``: the two states named last; not the pair that is the
    subject of a relative clause (``an agreement, in which the two sides agreed``)."""
    both = ctx.pairs[0] if ctx.pairs else None
    if not both:
        return
    at = ctx.sentence.start + both.start()
    before = ctx.text[max(ctx.sentence.start, at - 40):at]
    if not VENUE.search(before) or re.search(r"\bwhich\s+$", before):
        return
    anchor = Mention(at, at + len(both.group()), both.group(), "Country", "", "")
    event = _event_for(ctx, anchor)
    if event is None:
        return
    for state in ctx.article.pair():
        ctx.out.relate("HELD_IN", event.id, state.id, ctx.span, "place.both", 0.55)


def _visits(ctx: Context) -> None:
    """A visit to a state (or to a city of it) is held there and hosted by that state."""
    for event in ctx.events:
        if event.label != "Meeting" or ctx.out.entities[event.id].properties.get(
                "kind") not in VISITS:
            continue
        for mention in ctx.mentions:
            if mention.start >= event.end and mention.label in ("Country", "Location") and \
                    mention.role != "demonym" and (
                        TO_PLACE.match(ctx.text[event.end:mention.start]) or
                        VISIT_TO.match(ctx.text, event.end, mention.start)):
                ctx.keep(mention)
                ctx.out.relate("HELD_IN", event.id, mention.id, ctx.span, "visit.place", 0.65)
                host = state_of(ctx, mention)
                if host in ctx.out.entities:
                    ctx.out.relate("HOSTED", host, event.id, ctx.span, "visit.host", 0.6)
                break


def _territory(ctx: Context) -> None:
    """``on Kazakh territory``, ``in Azerbaijani territories``: that state hosts the event."""
    if not ctx.says("soil", "territor", "waters", "airspace"):
        return
    venues = [(m.start, m.end) for m in ctx.venues]
    for mention in ctx.mentions:
        if mention.label != "Country" or mention.role not in ("demonym", "qualifier"):
            continue
        inside = any(start <= mention.start < end for start, end in venues)
        if not STAY.match(ctx.after(mention, 20).lstrip()) or \
                not (inside or VENUE.search(ctx.before(mention, 30)) or
                     re.search(r"\bon\s+(?:the\s+)?$", ctx.before(mention, 10))):
            continue
        held = re.search(r"\bheld\s+(?:on|in)\s+(?:the\s+)?$", ctx.before(mention, 20))
        event = _event_for(ctx, mention, 120 if held else 60)
        if event is not None and event.label in ("Exercise", "Operation", "Meeting"):
            ctx.keep(mention)
            ctx.out.relate("HOSTED", mention.id, event.id, ctx.span, "place.territory", 0.5)


def _home_ground(ctx: Context) -> None:
    """``mobilization in the country``, ``exercises on its own territory``: the state the
    sentence is about (its only state, or the one doing the event) holds the event."""
    if not ctx.says("country", "territory", "soil"):
        return
    for match in HOME_GROUND.finditer(ctx.sentence.text):
        at = ctx.sentence.start + match.start()
        anchor = Mention(at, ctx.sentence.start + match.end(), match.group(), "Country", "", "")
        event = _event_for(ctx, anchor, 40)
        if event is None:
            continue
        states = {state_of(ctx, m) for m in ctx.mentions if m.end <= at and m.label in (
            "Country", "Organization", "Unit") and ctx.same_clause(m, anchor)} - {None}
        if len(states) != 1:
            continue
        state = states.pop()
        if state in ctx.out.entities:
            ctx.out.relate("HELD_IN", event.id, state, ctx.span, "place.home_ground", 0.5)
