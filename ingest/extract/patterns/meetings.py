"""Meetings, visits, calls and talks between named people or states; meetings held during
a visit are part of it and take place where it does."""

from __future__ import annotations

import re

from graph.model import merge_list
from ingest.extract.facts import Entity, Extraction, Mention
from ingest.extract.formations import is_ship
from ingest.extract.gazetteer import extras
from ingest.extract.patterns.context import BEARING, Article, Context, fold
from ingest.extract.patterns.events import event_name, record_event, refer
from ingest.extract.patterns.venues import VISIT_TO, dateline_city, dateline_state
from ingest.extract.places import DATELINE
from ingest.extract.slugs import slug

WORDS = ("visit", "call", "conversation", "talk", "meeting", "met", "meet", "summit",
         "negotiation", "consultation", "discussion", "videoconference", "received by")
FORMAT = (r"(?:one-on-one|tete-a-tete|tête-à-tête|face-to-face|expanded|extended|enlarged|"
          r"restricted|narrow|broad|plenary|private|closed-door|delegation-level)"
          r"(?:[- ]format)?")
MEETING = re.compile(
    rf"\b(?:(?P<a>{FORMAT})\s+and\s+(?P<b>{FORMAT})\s+)?"
    r"(?P<what>(?:official\s+|state\s+|working\s+|friendly\s+)?visits?|(?:telephone|phone|video)"
    r"\s+(?:conversation|call|talk)s?|meetings?|met|meet|talks|summit|negotiations|consultations|"
    r"discussions|videoconference|received\s+by)\b", re.I)
KINDS = (("visit", "visit"), ("phone", "call"), ("telephone", "call"), ("video", "call"),
         ("talks", "talks"), ("negotiation", "talks"), ("consultation", "talks"),
         ("discussion", "talks"))
LEFT = re.compile(r"(?:\b(?:\d+|one|two|three|four|five)-day|\b(?:first|second|third|fourth|"
                  r"fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))|"
                  r"\b(?-i:(?!(?:The|This|That|A|An|Its|Their|His|Her|During|After)\b)"
                  r"(?:[A-Z][\w-]+\s+)?[A-Z][\w-]+)|"
                  r"\b(?-i:(?:[A-Z][\w-]+\s+){0,2}(?:(?!(?:the|a|an|its|their|his|her|this|that)\s)"
                  r"[a-z][\w-]*\s+)?[a-z]+s['’])|"
                  r"\b(?:trilateral|bilateral|joint|annual|extraordinary|emergency|regional|"
                  r"separate|further|formal|informal|high-level)|[“\"][^”\"\s]{1,12}[”\"])\s+"
                  r"(?:official\s+)?$", re.I)
"""Before a meeting word, what is part of its phrase: ``three-day visit``, ``Camp David
summit``, ``trilateral summit``, ``defence ministers' meeting``, ``17th meeting``."""
_COMPLEMENT = (r"\s+(?:to|of|with|between|on(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|"
               r"Friday|Saturday|Sunday|the\s+sidelines|\d)))\s+(?:the\s+)?"
               r"(?:[\w’'-]+\s+){0,5}?[\w’'-]+(?=\s+(?:in|on|at|during|for|by|to|where|when|and|"
               r"which|who|since|after|before|following|amid|as|last|this|next<STOP>)\b|"
               r"\s*[,.;:”\"(]|$)")
RIGHT = re.compile(_COMPLEMENT.replace("<STOP>", ""))
"""What a meeting was with, of or to: ``talks with Omani officials``, ``visit to Doha``."""
RIGHT_SHORT = re.compile(_COMPLEMENT.replace("<STOP>", "|of"))
"""The same, up to an ``of`` after it: ``talks on joint air policing`` (``of the two
countries' airspace``)."""
NAME_TAIL = re.compile(r"\s+(?:on|of|for)\s+(?:the\s+)?[A-Z][\w-]*"
                       r"(?:\s+(?:and\s+)?[A-Z][\w-]*)*")
"""The rest of a body's name a complement ends in: ``meeting of the India-Armenia Joint
Working Group on Defence Cooperation``."""
FOLLOWS = 2

ENVOY = re.compile(r"(?:['’]s)?\s+(?:(?:defen[cs]e|military|naval|air)\s+)?(?:ambassador|"
                   r"attach[ée]|delegation|envoy|embassy)s?\b", re.I)
"""After a state: the unnamed official or delegation that represents it somewhere."""
NAMED_AFTER = re.compile(r"(?:\s+(?:to|in)\s+[^,]{1,40})?,\s+(?:[A-Z][\w.’'-]*\s+){0,3}"
                         r"[A-Z][\w’'-]+(?:,|\s+and\b|\.|$)")
"""After an envoy: the person's name in apposition (``the Indonesian ambassador, Rudi
Santoso,``), who then stands for the state."""
"""How many sentences after a visit its meetings are still reported."""

fold(MEETING)


def envoy(ctx: Context, actor: Mention) -> bool:
    """Whether a state is named only by the unnamed envoy it sends to a meeting (``the
    Italian ambassador``, ``Argentina's ambassador in Nicosia``, ``a Chinese delegation``):
    no person stands for it there, so the state itself takes part."""
    if actor.label != "Country":
        return False
    found = ENVOY.match(ctx.text, actor.end, ctx.sentence.end)
    return found is not None and not NAMED_AFTER.match(ctx.text, found.end(), ctx.sentence.end)


def _kind(phrase: str) -> str:
    lowered = phrase.lower()
    return next((kind for word, kind in KINDS if word in lowered), "meeting")


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def when(value: str | None) -> str:
    """An ISO date as an analyst writes it in an event's name: ``2025-06-12`` → ``June
    2025``, ``2025`` → ``2025``.

    >>> when("2025-06-12"), when("2024"), when(None)
    ('June 2025', '2024', '')
    """
    if not value:
        return ""
    year, _, rest = value.partition("-")
    month = rest[:2]
    return f"{MONTHS[int(month) - 1]} {year}" if month.isdigit() and \
        1 <= int(month) <= 12 else year


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _name(ctx: Context, persons: list[Mention], actors: list[Mention], what: str,
          destination: str | None = None) -> str:
    """``Meeting of A and B (June 2025)``, ``Visit of A to Ankara (June 2025)``: a meeting of
    named people by its kind, its parties, where a visit went and its month."""
    if not persons:
        return event_name(ctx, what, actors)
    date = when(ctx.date() or ctx.article.published)
    place = ctx.out.entities.get(destination) if destination else None
    where = f" to {place.name}" if place is not None and what.endswith("visit") else ""
    return f"{what[:1].upper()}{what[1:]} of {_listed([m.name for m in persons])}{where}" + \
        (f" ({date})" if date else "")


def meetings(ctx: Context) -> None:
    """Record a meeting between people (or states) named in the sentence."""
    if not ctx.says(*WORDS) or any(e.rule in ("meeting.sitting", "meeting.series")
                                   for e in ctx.events):
        return
    match = next((m for m in _scan(ctx, MEETING, ctx.sentence.start) if _real(ctx, m)), None)
    persons = ctx.persons()
    actors = ctx.actors() or ctx.both()
    if not match or not (persons or len(actors) >= 2):
        return
    _where(ctx, _meeting(ctx, match, persons, actors), match.start())
    if _kind(match["what"]) != "visit":
        framing = next((m for m in _scan(ctx, MEETING, match.end()) if _kind(m["what"]) ==
                        "visit" and _real(ctx, m) and FRAMING.search(
                            ctx.text, max(ctx.sentence.start, m.start() - 45), m.start())),
                       None)
        if framing is not None:
            _meeting(ctx, framing, persons, actors)
        return
    within = [m for m in _scan(ctx, MEETING, match.end())
              if _kind(m["what"]) != "visit" and m["what"].lower() != "received by"]
    if within:
        event = _meeting(ctx, within[0], persons, actors)
        entity = ctx.out.entities[event]
        entity.aliases = merge_list(entity.aliases, [m["what"] for m in within[1:]])


WHERE = re.compile(r",\s+where\s+[^,.;]{0,60}$")
"""Between a town and the meeting the clause on it tells of: ``flew on to Astana, where he is
expected to meet X``."""


def _where(ctx: Context, event: str, start: int) -> None:
    """A meeting told in a clause on the town named just before it is held in that town."""
    town = next((m for m in reversed(ctx.labelled("Location")) if m.end <= start and
                 m.kind in TOWNS and m.role not in ("demonym", "qualifier") and
                 WHERE.match(ctx.text, m.end, start)), None)
    if event and town is not None:
        ctx.keep(town)
        ctx.out.relate("HELD_IN", event, town.id, ctx.span, "meeting.where", 0.5)


FRAMING = re.compile(r"\b(?:on|during|in\s+the\s+course\s+of|(?:at\s+the\s+(?:start|end|"
                     r"beginning|close|outset)|on\s+the\s+\w+\s+day)\s+of)\s+"
                     r"(?:the|a|an|his|her|their)\s+"
                     r"(?:(?:first|second|third|\w+-day|official|working|state)\s+){0,2}$",
                     re.I)
"""Before a visit told after talks in the same sentence: the visit the talks were held on
(``held talks in Tashkent ... on the first visit by a Japanese defence minister``)."""


GATHERED = re.compile(r"\b(?:a|an|the|their|its|another)\s+(?:[\w’'-]+\s+){0,4}$", re.I)
"""Before a meeting word, the article of a noun phrase telling of one meeting, and the words
that name it (``their first joint defence committee meeting``)."""
HELD_AT = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?")
OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?")


def gatherings(ctx: Context) -> None:
    """A meeting or summit no one is named at, told of by where it is held or whose it is
    (``a meeting of the Nordic Defence Cooperation (NORDEFCO) in Reykjavik``, ``a trilateral
    summit in Athens``): a meeting held there, run by the body it is of."""
    if not ctx.says("meeting", "summit"):
        return
    for match in _scan(ctx, MEETING, ctx.sentence.start):
        if match["what"].lower() not in ("meeting", "summit") or not _real(ctx, match) or \
                any(e.start <= match.start("what") < e.end or match.start() <= e.start <
                    match.end() for e in ctx.events) or \
                (told := GATHERED.search(ctx.text, max(ctx.sentence.start, match.start() - 50),
                                         match.start())) is None:
            continue
        right = RIGHT.match(ctx.text, match.end(), ctx.sentence.end)
        end = right.end() if right else match.end()
        body = None
        of = OF_BODY.match(ctx.text, match.end())
        if of is not None:
            body = next((m for m in ctx.labelled("Organization") if m.start == of.end()), None)
        after = ctx.text[end:end + 8]
        at = HELD_AT.match(ctx.text, end)
        if after.lstrip().startswith("(") and body is not None:
            close = ctx.text.find(")", end, ctx.sentence.end)
            at = HELD_AT.match(ctx.text, close + 1) if close > 0 else None
        place = next((p for p in ctx.venues if at is not None and p.start == at.end()), None)
        if place is None and body is None:
            continue
        phrase = " ".join(ctx.text[match.start("what"):end].split())
        date = when(ctx.date() or ctx.article.published)
        name = f"{phrase[:1].upper()}{phrase[1:]}" + (f" in {place.name}" if place else "") + \
            (f" ({date})" if date else "")
        event = record_event(ctx, "Meeting", match.start("what"), match.end(), name,
                             "meeting", "meeting.gathering", 0.5,
                             slug(f"{phrase} {place.id if place else ''} {ctx.date() or ''}"))
        _phrase_alias(ctx, event, match.start("what"), match.end())
        words = ctx.text[told.start():match.end()].split()[1:]
        if len(words) > 1:
            entity = ctx.out.entities[event]
            entity.aliases = merge_list(entity.aliases, [" ".join(words)])
        if ctx.date():
            ctx.out.entities[event].properties.setdefault("date", ctx.date())
        if body is not None:
            ctx.keep(body)
            ctx.out.relate("RUNS", body.id, event, ctx.span, "meeting.gathering", 0.5)
        if place is not None:
            ctx.keep(place)
            ctx.out.relate("HELD_IN", event, place.id, ctx.span, "meeting.gathering", 0.5)
        return


SESSION = re.compile(
    r"\b(?:a|an|the)\s+(?P<what>(?:opening|closing|final|plenary|ministerial)\s+"
    r"(?:session|conference)|(?:(?!(?:new|first|second|third)\b)[a-z][\w-]*\s+){1,2}"
    r"(?:symposium|seminar)|(?P<pair>[a-z]+-[a-z]+)\s+session)\b", re.I)
"""A sitting within a report's event: ``a closing session in Tallinn``, ``a medical
symposium``, ``a senior leader seminar``, ``a Nordic-Baltic session`` (the pair
capitalised)."""
fold(SESSION)
SPOKE = re.compile(r"\b(?:told|addressed|opened|closed|chaired)\s+$")
"""Before a sitting, what the person named before it did there."""


def sessions(ctx: Context) -> None:
    """A session, symposium or seminar of the report's exercise or meeting is a meeting of
    its own, part of that event; the person who told or addressed it took part in it."""
    if not ctx.says("session", "conference", "symposium", "seminar"):
        return
    match = ctx.search(SESSION, ctx.sentence.start, ctx.sentence.end)
    if match is None or (match["pair"] and not ctx.text[match.start("pair")].isupper()):
        return
    told = ctx.article.told
    owners = [ctx.article.main_event.get(label) for label in ("Exercise", "Meeting")]
    owners = [e for e in owners if e is not None and e in ctx.out.entities]
    if not owners:
        return
    owner = max(owners, key=lambda e: told.get(e, 0))
    what = " ".join(ctx.text[match.start("what"):match.end()].split())
    what = what if match["pair"] else what.lower()
    name = f"{what[:1].upper()}{what[1:]} of {ctx.out.entities[owner].name}"
    latest = ctx.article.last_event.get("Meeting")
    event = record_event(ctx, "Meeting", match.start("what"), match.end(), name, "meeting",
                         "meeting.session", 0.5, slug(f"{owner} {what}"))
    entity = ctx.out.entities[event]
    entity.aliases = merge_list(entity.aliases, [what])
    if latest is not None:
        ctx.article.last_event["Meeting"] = latest
    ctx.out.relate("PART_OF", event, owner, ctx.span, "meeting.session", 0.5)
    if SPOKE.search(ctx.text, max(ctx.sentence.start, match.start() - 12), match.start()):
        speaker = next((p for p in reversed(ctx.persons()) if p.end <= match.start() and
                        match.start() - p.end <= 20), None)
        if speaker is not None:
            ctx.out.relate("PARTICIPATED_IN", speaker.id, event, ctx.span, "meeting.session",
                           0.5)


NONE_BEFORE = re.compile(r"\b(?:no|cabinet)\s+(?:(?:further|formal|new)\s+)?$", re.I)
"""Before a meeting word, that none was held (``no talks were held``) or that it was a
government's own (``a cabinet meeting``)."""
BOARDING = re.compile(r",\s+board\b", re.I)
HELD_TALKS = re.compile(r"\b(?:h[eo]ld|holding|opened|began|rounds?\s+of)\s+(?:[\w-]+\s+){0,2}$",
                        re.I)
BETWEEN = re.compile(r"\s+(?:between|with)\b")
"""Around ``negotiations``, what makes them a meeting held (``held two rounds of
negotiations``, ``negotiations between X and Y``), not the process of a deal (``people
familiar with the negotiations``, ``without case-by-case negotiations``)."""
"""After ``visit``: the boarding drill ``visit, board, search and seizure``."""
TO_MEET = re.compile(r"\b(?:expected|due|scheduled|set|going|planning|plans?|is|are|will)\s+"
                     r"(?:to\s+)?(?:also\s+)?$", re.I)
"""Before ``meet``, a meeting to come: ``is expected to meet``, ``will meet``."""
MEET_GAP = 70
"""How far after ``meet`` the person met is named (after a title: ``meet Tajik defence
minister Colonel General X``)."""


def _real(ctx: Context, match: re.Match[str]) -> bool:
    """Whether a meeting word tells of one meeting: not the capitalised word of a body's
    name (``ASEAN Defence Ministers' Meeting``) nor bare plural meetings held as a habit
    (``has not taken part in CFAC meetings since 2021``)."""
    word = ctx.text[match.start("what"):match.end("what")]
    if word[:1].isupper() and match.start("what") > ctx.sentence.start:
        return False
    if NONE_BEFORE.search(ctx.text, max(ctx.sentence.start, match.start() - 30),
                          match.start()) or BOARDING.match(ctx.text, match.end()):
        return False
    if word.lower() == "visit" and DUE_TO.search(ctx.text, max(ctx.sentence.start,
                                                                match.start() - 30),
                                                  match.start()) and \
            _site(ctx, match.end(), places=False):
        return False
    if word.lower() == "received by" and SHIP_SUBJECT.search(
            ctx.text, max(ctx.sentence.start, match.start() - 80), match.start()):
        return False
    if word.lower() == "negotiations" and not (
            HELD_TALKS.search(ctx.text, max(ctx.sentence.start, match.start() - 30),
                              match.start()) or BETWEEN.match(ctx.text, match.end())):
        return False
    if word.lower() == "meet":
        return TO_MEET.search(ctx.text, max(ctx.sentence.start, match.start() - 30),
                              match.start()) is not None and any(
            match.end() < m.start <= match.end() + MEET_GAP and
            "." not in ctx.text[match.end():m.start] for m in ctx.labelled("Person"))
    return not (word.lower() == "meetings" and not match["a"])


DUE_TO = re.compile(r"\b(?:expected|due|scheduled|set|planning|plans?)\s+to\s+(?:also\s+)?$",
                    re.I)
"""Before ``visit``: a visit to come, which may go to a site of the country visited."""
SITE = re.compile(r"\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}?(?:academy|university|college|school|"
                  r"base|headquarters|centre|center|shipyard|dockyard|plant|factory|facility|"
                  r"campus|barracks|frigate|destroyer|submarine|carrier|corvette)\b", re.I)
"""After ``visit``: a site (``the National Defence University``, ``the Navy's frigate``)."""


def _site(ctx: Context, end: int, places: bool = True) -> bool:
    """Whether what a coming visit goes to is a site of the country visited (a school, a
    base, a ship), a visit of its own within the visit under way, not a state or a town
    (``is expected to visit the National Defence University``, not ``to visit Nigeria``);
    with ``places`` False, a place named as such (``to visit Tindal``) is none."""
    gap = re.match(r"\s+(?:the\s+)?", ctx.text[end:end + 6])
    start = end + (gap.end() if gap else 0)
    first = next((m for m in ctx.mentions if m.start == start), None)
    if first is not None and first.label in ("Unit", "Country", "Location"):
        return first.label == "Unit" or (places and first.label == "Location" and
                                         first.kind not in (None, "city"))
    return SITE.match(ctx.text, end, ctx.sentence.end) is not None


SHIP_SUBJECT = re.compile(r"\b(?:ships?|vessels?|warships?|frigate|destroyer|corvette|cutter|"
                          r"tanker|submarine|task\s+group|flotilla)\b(?:,[^,]*,)?\s+"
                          r"(?:was|were)\s+(?:\w+\s+){0,5}?$")
"""Before ``received by``, a ship or ships as the subject: a ship's welcome in port, which
the visit it makes holds, not a meeting of its own (``The frigate, commanded by X, was
received by officers of Y``)."""


def _scan(ctx: Context, pattern: re.Pattern[str], start: int) -> list[re.Match[str]]:
    """Every match of ``pattern`` in the sentence from ``start`` on (offsets in the text)."""
    found = []
    while (match := ctx.search(pattern, start, ctx.sentence.end)) is not None:
        found.append(match)
        start = match.end()
    return found


RECEIVED = re.compile(r"received\s+by$", re.I)
"""A meeting told as a reception (``was received by President X``): ``received`` alone is
the report's word for it as well."""


def _meeting(ctx: Context, match: re.Match[str], persons: list[Mention],
             actors: list[Mention]) -> str:
    """Record the meeting ``match`` tells of (a meeting told just after a visit in the same
    sentence is one more: ``the visit began with talks at the ministry``)."""
    kind = _kind(match["what"])
    parties = persons or actors
    key = " ".join(m.name.split()[-1] for m in parties)
    formats = [(match.start(g), match.end(g) if g == "a" else match.end(), match[g])
               for g in ("a", "b") if match[g]]
    if not formats:
        formats = [(match.start("what"), match.end(), "")]
    first = None
    destination = _destination(ctx, match.end()) if kind == "visit" else None
    for start, end, form in formats:
        what = f"{form.lower()} {kind}".strip()
        same = _same_visit(ctx, persons, destination) if kind == "visit" else \
            _referred(ctx, start, kind)
        event = record_event(ctx, "Meeting", start, end,
                             _name(ctx, persons, actors, what, destination),
                             kind, f"meeting.{kind}", 0.6,
                             same or slug(f"{key} {what} {ctx.date() or ''}"))
        _phrase_alias(ctx, event, start, end)
        if RECEIVED.match(match["what"]):
            entity = ctx.out.entities[event]
            entity.aliases = merge_list(entity.aliases, ["received"])
        if kind != "visit" and persons:
            ctx.memory.setdefault("parties", {})[event] = list(persons)
        if kind == "visit":
            ctx.article.visits[event] = ({m.id for m in persons} |
                                         ctx.article.visits.get(event, (set(), None))[0],
                                         destination or ctx.article.visits.get(
                                             event, (set(), None))[1])
        if ctx.date():
            ctx.out.entities[event].properties.setdefault("date", ctx.date())
        if kind == "visit":
            ctx.article.last_visit = event
        if first is None:
            first = event
        else:
            ctx.memory.setdefault("twins", {}).setdefault(first, []).append(event)
            ctx.events[:] = [e for e in ctx.events if e.id != event]
    if first is not None:
        _widen(ctx, first, formats[0][0], formats[-1][1])
    return first or ""


SITTING = re.compile(
    r"\b(?P<what>(?P<ord>\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth|tenth|next|inaugural)\s+(?:(?:ordinary|extraordinary|annual|"
    r"regular|plenary|joint)\s+)?(?P<noun>meeting|session|summit)s?)\s+of\s+"
    r"(?:the\s+|an?\s+(?=[A-Z]))?", re.I)
fold(SITTING)
THE_SITTING = re.compile(r"\b(?:the|this)\s+(?:meeting|session)\b", re.I)
fold(THE_SITTING)
BODY_NOUN = re.compile(r"(?:the\s+)?(?P<noun>commission|committee|council|board|conference|"
                       r"(?:[A-Z][\w-]*\s+)?[Cc]ommittee)\b")


def sittings(ctx: Context) -> None:
    """A numbered meeting or session of a body (``the 22nd session of the GCC Military
    Committee``, ``the next meeting of the commission``) is a meeting the body runs, named
    by its number, body, place and month; ``the session`` later refers to it."""
    if not ctx.says("meeting", "session", "summit"):
        return
    match = ctx.search(SITTING, ctx.sentence.start, ctx.sentence.end)
    body = _body(ctx, match.end()) if match else None
    if match is None or body is None:
        earlier = ctx.article.last_sitting
        again = ctx.search(THE_SITTING, ctx.sentence.start, ctx.sentence.end) \
            if earlier else None
        if again and earlier in ctx.out.entities:
            refer(ctx, "Meeting", earlier, *again.span())
        return
    end = body.end
    phrase = " ".join(ctx.text[match.start("what"):end].split())
    place = next((p for p in ctx.venues if p.start >= end and p.label == "Location"), None)
    date = when(ctx.date() or ctx.article.published)
    name = f"{phrase[:1].upper()}{phrase[1:]}" + (f" in {place.name}" if place else "") + \
        (f" ({date})" if date else "")
    event = record_event(ctx, "Meeting", match.start("what"), end, name, "meeting",
                         "meeting.sitting", 0.55,
                         slug(f"{match['ord']} {match['noun']} {body.id} {ctx.date() or ''}"))
    entity = ctx.out.entities[event]
    entity.aliases = merge_list(entity.aliases, [phrase, " ".join(match["what"].split())])
    ctx.article.last_sitting = event
    ctx.article.last_event["Meeting"] = event
    if body.id in ctx.out.entities or body.text:
        ctx.keep(body)
        ctx.out.relate("RUNS", body.id, event, ctx.span, "meeting.sitting", 0.5)
    chaired = ctx.search(CHAIRED_BY, end, ctx.sentence.end)
    for person in ctx.persons() if chaired is not None else []:
        if person.start > chaired.end():
            ctx.out.relate("COMMANDS", person.id, event, ctx.span, "meeting.sitting_chair", 0.55)
            ctx.out.relate("PARTICIPATED_IN", person.id, event, ctx.span,
                           "meeting.sitting_chair", 0.55)


CHAIRED_BY = re.compile(r"\b(?:co-?)?chaired\s+(?:in\s+[^,.;]{1,40}?\s+)?by\b", re.I)
"""After a sitting, those who chair it: ``co-chaired in Rawalpindi by X and Y``."""
fold(CHAIRED_BY)


SERIES = re.compile(
    r"\b(?P<what>(?:previous|last|next|preceding|(?:last|next)\s+year['’]s|(?:19|20)\d\d)\s+"
    r"(?-i:(?:[A-Z][\w-]*\s+){0,2})(?:[a-z]+['’]\s+)?(?P<noun>meeting|summit|session|round)"
    r"(?!\s+of\s+(?:the\s+)?(?:exercise|drills?|fighting|talks|negotiations)\b))\b", re.I)
"""Another meeting of the series a report tells of: ``the previous meeting was held in
Seoul``, ``Last year's meeting``, ``the 2027 meeting``, ``the next Tri-CHOD meeting``."""
SERIES_AFTER = re.compile(r"\s+(?:was|were|is|will|would|took|takes|had|has)\b")
"""After a meeting of the series, the verb of a clause telling of it (not ``the next
meeting's agenda``)."""


def series(ctx: Context) -> None:
    """A past or coming meeting of the series the report's meeting belongs to is a meeting
    of its own, held where the sentence puts it and run by the body that runs the series."""
    if not ctx.says("previous", "last", "next", "preceding", "meeting", "summit") or \
            any(e.rule == "meeting.sitting" for e in ctx.events):
        return
    match = ctx.search(SERIES, ctx.sentence.start, ctx.sentence.end)
    if match is None or (not SERIES_AFTER.match(ctx.text, match.end()) and
                         not ctx.text[match.end():match.end() + 4].startswith((" in ", " of "))):
        return
    what = " ".join(ctx.text[match.start():match.end()].split())
    year = re.match(r"\d{4}", what)
    published = (ctx.article.published or "")[:4]
    if year is not None and year.group() == published:
        return
    when_ = year.group() if year else (str(int(published) - 1) if "year" in what.lower() and
                                        published.isdigit() else (ctx.date() or "")[:4])
    place = next((p for p in ctx.venues if p.start >= match.end()), None)
    name = f"{what[:1].upper()}{what[1:]}" + (f" in {place.name}" if place else "") + \
        (f" ({when_})" if when_ else "")
    main = ctx.article.main_event.get("Meeting")
    latest = ctx.article.last_event.get("Meeting")
    event = record_event(ctx, "Meeting", match.start(), match.end(), name, "meeting",
                         "meeting.series", 0.5,
                         slug(f"{match['noun']} {what} {place.id if place else ''} {when_}"))
    ctx.out.entities[event].aliases = merge_list(ctx.out.entities[event].aliases, [what])
    if latest is not None:
        ctx.article.last_event["Meeting"] = latest
    if main is None or main == event:
        return
    for relation in sorted(ctx.out.relations.values(), key=lambda r: (r.type, r.source)):
        if relation.type == "RUNS" and relation.target == main:
            ctx.out.relate("RUNS", relation.source, event, ctx.span, "meeting.series", 0.45)


def _body(ctx: Context, at: int) -> Mention | None:
    """The body a sitting is of: the organisation named right after ``of the``, or the one
    named before whose name ends in the noun used (``the commission``)."""
    named = next((m for m in ctx.labelled("Organization") if m.start == at), None)
    if named is not None:
        return named
    noun = BODY_NOUN.match(ctx.text, at)
    if noun is None:
        return _described_body(ctx, at)
    word = noun["noun"].split()[-1].lower()
    for entity in reversed(ctx.out.entities.values()):
        if entity.label == "Organization" and entity.name.lower().endswith(word) and \
                entity.spans and entity.spans[0][0] < at:
            return Mention(at, noun.end(), "", "Organization", entity.id, entity.name,
                           rule="pseudo")
    return _described_body(ctx, at)


DESCRIBED_BODY = re.compile(
    r"(?:(?!(?:in|at|on|for|and|with|to|by)\b)[\w’'-]+\s+){0,5}?(?:commission|committee|"
    r"council|working\s+group|dialogue\s+group)\b(?:\s+(?:on|for)\s+(?:(?!(?:in|at|on|and|"
    r"with|to|by)\b)[\w-]+\s+){0,3}?(?!(?:in|at|on|and|by)\b)[\w-]+(?=\s+(?:in|at|on|and|"
    r"was|were|is|will|would|co-chaired|chaired|held|by)\b|\s*[,.;(]))?", re.I)
"""A body a sitting is of, told by what it is rather than named: ``the Saudi-Chinese joint
committee on defence cooperation``, ``the commission``, ``a Nigeria-Pakistan Joint Military
Commission``."""


BILATERAL = re.compile(r"\b(?i:joint|binational|bilateral|trilateral|commission|committee)\b|"
                       r"[A-Z]\w*-[A-Z]")
"""In a described body's phrase, what makes it a standing body of the states named, not any
council or group: ``joint``, ``binational``, ``Saudi-Chinese``, a commission or committee."""


def _described_body(ctx: Context, at: int) -> Mention | None:
    """The body a sitting is of, described and not among the report's entities: a stand-in
    that names the sitting but runs nothing (who runs it is not known)."""
    found = DESCRIBED_BODY.match(ctx.text, at, ctx.sentence.end)
    if found is None or not BILATERAL.search(found.group()):
        return None
    phrase = " ".join(found.group().split())
    return Mention(at, found.end(), "", "Organization", slug(phrase), phrase, rule="pseudo")


VISIT_OBJECT = re.compile(r"(?:visit|(?-i:visits))\s+(?:the\s+[a-z][\w-]*\b|"
                          r"(?-i:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\b(?!['’]))")
TO_VERB = re.compile(r"\bto\s+$")
"""``is expected to visit the exercise``, ``to visit New Delhi``, ``Marcos visits Tokyo``:
the verb and what is visited name the visit."""


TOPIC = re.compile(
    r"(?P<all>\b(?:(?:first|second|third|annual|regular|further|joint|trilateral|bilateral)\s+)?)"
    r"(?P<topic>(?:(?:defen[cs]e|staff|border|security|military|army|navy|naval|maritime|"
    r"strategic|political|peace|ceasefire|technical|industry|cooperation)\s+){1,3})$")
"""Before talks or a meeting, what they are about, lower case (``their first defence talks``,
``regular staff talks``, ``border security talks``): the phrase reports and analysts name
them by, with and without the word that tells how often or which."""


def _phrase_alias(ctx: Context, event: str, start: int, end: int) -> None:
    """Keep the meeting's whole noun phrase as an alias (``two-day visit to Ankara``), and
    without its complement (``two-day visit``)."""
    left = LEFT.search(ctx.text, max(ctx.sentence.start, start - 40), start)
    right = RIGHT.match(ctx.text, end, ctx.sentence.end)
    if left or right:
        phrase = ctx.text[left.start() if left else start:right.end() if right else end]
        entity = ctx.out.entities[event]
        entity.aliases = merge_list(entity.aliases, [" ".join(phrase.split())])
    _complement_aliases(ctx, event, left.start() if left else start, end)
    if left and right:
        entity.aliases = merge_list(entity.aliases,
                                    [" ".join(ctx.text[left.start():end].split())])
    topic = TOPIC.search(ctx.text, max(ctx.sentence.start, start - 60), start)
    if topic and ctx.text[start:end].lower() in ("talks", "meeting", "dialogue", "consultations"):
        entity = ctx.out.entities[event]
        entity.aliases = merge_list(entity.aliases, [
            " ".join(ctx.text[topic.start(g):end].split()) for g in ("all", "topic")])
    visited = VISIT_OBJECT.match(ctx.text, start, ctx.sentence.end)
    if visited and (visited.group().startswith("visits") or
                    TO_VERB.search(ctx.text, max(ctx.sentence.start, start - 12), start)):
        entity = ctx.out.entities[event]
        entity.aliases = merge_list(entity.aliases, [" ".join(visited.group().split())])


def _complement_aliases(ctx: Context, event: str, begin: int, end: int) -> None:
    """The meeting's phrase cut before an ``of`` (``talks on joint air policing``) and
    carried to the end of a body's name (``meeting of the X Joint Working Group on Defence
    Cooperation``), as aliases beside the phrase ``_phrase_alias`` keeps."""
    short = RIGHT_SHORT.match(ctx.text, end, ctx.sentence.end)
    right = RIGHT.match(ctx.text, end, ctx.sentence.end)
    found = [short] if short is not None and (right is None or short.end() < right.end()) \
        else []
    tail = NAME_TAIL.match(ctx.text, right.end(), ctx.sentence.end) \
        if right is not None and right.group().split()[-1][:1].isupper() else None
    found += [tail] if tail is not None else []
    entity = ctx.out.entities[event]
    entity.aliases = merge_list(entity.aliases, [" ".join(ctx.text[begin:m.end()].split())
                                                 for m in found])


def _referred(ctx: Context, start: int, kind: str) -> str | None:
    """The meeting ``the meeting`` / ``the talks`` refers to: the last one of its kind the
    report told of (``the talks`` after talks and then a visit are those talks), when the
    words before are ``the`` (not ``a``, not a name)."""
    if not re.search(r"\b[Tt]he\s+(?:[a-z][\w-]*\s+)?$", ctx.text[max(0, start - 20):start]):
        return None
    told = [(max(s for s, _ in entity.spans if s < start), entity.id)
            for entity in ctx.out.entities.values()
            if entity.label == "Meeting" and entity.properties.get("kind", kind) == kind and
            entity.rule not in ("meeting.ceremony", "meeting.series") and
            any(s < start for s, _ in entity.spans)]
    return max(told)[1] if told else None


def _destination(ctx: Context, end: int) -> str | None:
    """Where a visit goes: the place or state named right after ``visit to``, ``visit by X
    to`` or ``visit to the Fijian capital,``."""
    for mention in ctx.mentions:
        if mention.start >= end and mention.label in ("Country", "Location") and \
                VISIT_TO.match(ctx.text, end, mention.start):
            return mention.id
    return None


def _same_visit(ctx: Context, persons: list[Mention], destination: str | None) -> str | None:
    """A visit already reported that this one is: the same visitor (or none named) going to
    the same place (or to none named)."""
    people = {m.id for m in persons}
    for event, (visitors, place) in reversed(ctx.article.visits.items()):
        if (not people or not visitors or people & visitors) and \
                (destination is None or place is None or destination == place):
            return event
    return None


def _widen(ctx: Context, event: str, start: int, end: int) -> None:
    """Let the first of coordinated meetings stand for the whole phrase when its parties
    are tied (its twins get the same parties afterwards)."""
    ctx.events[:] = [Mention(start, end, ctx.text[start:end], e.label, e.id, e.name, e.kind,
                             rule=e.rule, confidence=e.confidence)
                     if e.id == event else e for e in ctx.events]


def parties(ctx: Context) -> None:
    """Talks or a meeting named after the people of its sentence (``Kusuma was received by
    his counterpart, Ahmet Kaya, before the two held talks``) were held by those people, the
    one found to take part and the others its name lists (``Kim flew to Astana, where he is
    expected to meet X``)."""
    for event, people in sorted(ctx.memory.get("parties", {}).items()):
        for person in people:
            ctx.keep(person)
            ctx.out.relate("PARTICIPATED_IN", person.id, event, ctx.span, "meeting.parties", 0.5)


def twins(ctx: Context) -> None:
    """Coordinated meetings (``one-on-one and expanded meetings``) share parties and place."""
    for first, others in ctx.memory.get("twins", {}).items():
        for relation in list(ctx.out.relations.values()):
            if ctx.span not in relation.spans:
                continue
            for other in others:
                if relation.target == first:
                    ctx.out.relate(relation.type, relation.source, other, ctx.span,
                                   relation.rule, relation.confidence)
                elif relation.source == first:
                    ctx.out.relate(relation.type, other, relation.target, ctx.span,
                                   relation.rule, relation.confidence)


def within_visit(ctx: Context) -> None:
    """Meetings reported just after a visit, between its visitor and others, are part of the
    visit and are held in the town it is (not in the whole state it goes to)."""
    visit = ctx.article.last_visit
    if visit is None or ctx.article.sentence - ctx.article.seen_at.get(visit, -9) > FOLLOWS:
        return
    visitors = {r.source for r in ctx.out.relations.values()
                if r.target == visit and r.type == "PARTICIPATED_IN"}
    places = [r.target for r in ctx.out.relations.values()
              if r.source == visit and r.type == "HELD_IN" and
              ctx.out.entities[r.target].label == "Location"]
    twins = ctx.memory.get("twins", {})
    found = [e.id for e in ctx.events if e.label == "Meeting" and e.id != visit]
    for event in dict.fromkeys(found + [t for e in found for t in twins.get(e, [])]):
        entity = ctx.out.entities[event]
        if entity.properties.get("kind") == "visit":
            continue
        met = {r.source for r in ctx.out.relations.values()
               if r.target == event and r.type == "PARTICIPATED_IN"}
        if met & visitors:
            ctx.out.relate("PART_OF", event, visit, ctx.span, "meeting.within_visit", 0.55)
            for place in places:
                ctx.out.relate("HELD_IN", event, place, ctx.span, "meeting.within_visit", 0.5)


CEREMONY = re.compile(
    r"\b(?P<what>(?:(?P<kind>opening|closing|handover|hand-over|welcome|welcoming|farewell|"
    r"send-off|change-of-command|graduation|commissioning|arrival|inauguration|flag-raising|"
    r"signing|wreath-laying)\s+)?(?:ceremon(?:y|ies)|(?P<parade>parades?))|(?:(?<=at\sthe\s)|"
    r"(?<=attended\sthe\s))opening(?=\s*[,.]|\s+(?:at|in)\s+[A-Z]))\b", re.I)
"""A ceremony word, or ``at the opening`` standing alone for the opening ceremony told of."""
ATTENDED = re.compile(r"\b(?:attended|presided\s+over|witnessed)\s+by\b|\battended\s+(?:the|a)\s+"
                      r"(?:opening|ceremony|parade)\b|\bin\s+the\s+presence\s+of\b|"
                      r"\bguest\s+of\s+honou?r\b", re.I)
"""Who a sentence says attended what it tells of: a ceremony of no named kind is one to
record when those at it are named (``at a ceremony attended by X``)."""
fold(CEREMONY)
MARKING = re.compile(r"(?:\s+(?:in|at|on)\s+[^,.;]{1,40}?)?\s+(?:marking|to\s+mark|celebrating|"
                     r"commemorating)\s+(?P<occasion>the\s+[^,.;]{3,80}?)(?=\s*[,.;]|\s+on\b)")
"""What a parade marks: ``a parade in X marking the 105th anniversary of Y``."""
HOLDS = ("Exercise", "Operation")
"""What a ceremony can open, close or hand over: an exercise or an operation."""


NEAR = 60
"""How far after a ceremony the place it is held at is named (``at a ceremony at X``)."""
SIDELINES = re.compile(r"\b(?:on|at)\s+the\s+(?:sidelines?|margins?)\s+of\s+(?:the\s+)?$", re.I)
"""Before a ceremony something else happened beside: those named did that, not the ceremony."""


TOLD_CEREMONY = re.compile(
    r"\b(?P<what>(?:was|were)\s+(?P<verb>welcomed|seen\s+off|addressed)|(?P<paraded>paraded)|"
    r"(?P<saw>saw\s+(?:the|its|their)\s+(?P<troops>[\w-]+)\s+off))\b", re.I)
"""A ceremony told by its verb: ``the contingent was seen off by X``, ``the battalion was
addressed by X``, ``soldiers paraded in front of X``, ``X saw the battalion off``."""
fold(TOLD_CEREMONY)
TOLD_KINDS = {"welcomed": "Welcome", "seen off": "Send-off", "addressed": "Address",
              "paraded": "Parade", "saw": "Send-off"}
TROOPS = re.compile(r"\b(?:battalions?|contingents?|company|companies|detachments?|troops|"
                    r"soldiers|aircraft|jets|fighters|brigades?|regiments?|squadrons?|"
                    r"personnel|peacekeepers|cadets)\b", re.I)
"""Who a ceremony told by its verb is for: troops, a unit or aircraft (not an agreement whose
terms were addressed, nor a proposal welcomed)."""
SHIPLIKE = re.compile(r"\b(?:ships?|vessels?|warships?|frigates?|destroyers?|corvettes?|"
                      r"cutters?|tankers?|submarines?|task\s+group|flotilla)\b|^\s*(?:It|They|"
                      r"She)\b")
"""Before ``was welcomed``: a ship, whose welcome in port is part of the visit it makes."""


def _told_ceremony(ctx: Context) -> None:
    """A ceremony told by its verb (``the Uruguayan contingent was seen off in Montevideo by
    X``) is a meeting of the officials named and the units it is for, held at the place named
    after the verb; the verb is what the report calls it. A ship welcomed in port is instead
    met by those officials on the visit under way."""
    if not ctx.says("welcomed", "seen off", "addressed", "paraded", " off"):
        return
    match = ctx.search(TOLD_CEREMONY, ctx.sentence.start, ctx.sentence.end)
    if match is None:
        return
    before = ctx.text[ctx.sentence.start:match.start()]
    saw = match["saw"] is not None
    people = [m for m in ctx.persons() if (m.end <= match.start()) == saw]
    if not people:
        return
    verb = "saw" if saw else " ".join(ctx.text[match.start("verb"):match.end("verb")].lower(
    ).split()) if match["verb"] else "paraded"
    if verb == "welcomed" and SHIPLIKE.search(before):
        visit = ctx.article.last_visit
        if visit in ctx.out.entities and \
                ctx.out.entities[visit].properties.get("kind") == "visit":
            for person in ctx.persons():
                ctx.keep(person)
                ctx.out.relate("PARTICIPATED_IN", person.id, visit, ctx.span,
                               "meeting.ship_welcome", 0.5)
        return
    units = [m for m in ctx.labelled("Unit") if m.kind != "naval_forces"]
    troops = match["troops"] if saw else before
    if not (TROOPS.search(troops) or (not saw and any(m.end <= match.start() for m in units))):
        return
    group = "saw" if saw else "paraded" if match["paraded"] else "verb"
    alias = " ".join(ctx.text[match.start(group):match.end(group)].split())
    kind = TOLD_KINDS[verb]
    place = next((p for p in ctx.venues if match.end() <= p.start <= match.end() + NEAR and
                  p.label == "Location"), None)
    unit = units[0] if units else None
    date = when(ctx.date() or ctx.article.published)
    name = kind + (f" of {unit.name}" if unit else "") + (
        f" at {place.name}" if place else "") + (f" ({date})" if date else "")
    event = ctx.out.add(Mention(match.start("what"), match.end("what"), ctx.text[
        match.start("what"):match.end("what")], "Meeting",
        slug(f"{kind} {unit.id if unit else ''} {ctx.date() or ''}"), name, "ceremony",
        rule="meeting.told_ceremony", confidence=0.5))
    event.aliases = merge_list(event.aliases, [alias])
    for actor in people + units:
        ctx.keep(actor)
        ctx.out.relate("PARTICIPATED_IN", actor.id, event.id, ctx.span,
                       "meeting.told_ceremony", 0.5)
    if place is not None:
        ctx.keep(place)
        ctx.out.relate("HELD_IN", event.id, place.id, ctx.span, "meeting.told_ceremony", 0.45)


def ceremonies(ctx: Context) -> None:
    """A ceremony is a meeting of those named at it: ``the opening ceremony of Peninsula
    Shield 2026 at Udairi, attended by General X``. Its people took part, the exercise or
    operation it opens is what it is part of, and the place after ``at``/``in`` is where it
    was held. It is not the sentence's event, so the exercise keeps its participants. Only
    a ceremony of a kind is one (``opening``, ``handover``), and a parade only when it marks
    something (``a parade marking the 105th anniversary of X``); ``the ceremony`` refers to
    the last one told of."""
    _told_ceremony(ctx)
    if not ctx.says("ceremon", "parade", "the opening", "opened"):
        _present(ctx)
        return
    match = ctx.search(CEREMONY, ctx.sentence.start, ctx.sentence.end) or \
        ctx.search(OPENED_BY, ctx.sentence.start, ctx.sentence.end)
    if not match:
        _present(ctx)
        return
    earlier = ctx.article.last_ceremony
    opening, opened = _opening(ctx, match)
    if opening is False:
        _present(ctx)
        return
    done = opening or (None if match["kind"] else _done_at(ctx, match.start()))
    marking = MARKING.match(ctx.text, match.end(), ctx.sentence.end) if match["parade"] \
        else None
    attended = not match["kind"] and earlier is None and done is None and \
        ATTENDED.search(ctx.text, ctx.sentence.start, ctx.sentence.end) is not None
    if (match["parade"] and marking is None and earlier is None and not attended) or \
            (not match["kind"] and earlier is None and done is None and marking is None
             and not attended):
        return
    held = opened or _held(ctx, match.end())
    if marking is not None:
        date = when(ctx.date() or ctx.article.published)
        name = f"Parade marking {' '.join(marking['occasion'].split())}" + (
            f" ({date})" if date else "")
        event = slug(f"parade {marking['occasion']}")
        held = None
    elif match["kind"] or done or attended:
        what = done or " ".join(match["what"].lower().split()).replace("ceremonies", "ceremony")
        date = when(ctx.date() or ctx.article.published)
        name = f"{what[:1].upper()}{what[1:]}" + (
            f" of {held.name}" if held is not None else "") + (f" ({date})" if date else "")
        event = slug(f"{what} {held.id if held else ''} {ctx.date() or ''}")
    else:
        event, name = earlier, ctx.out.entities[earlier].name
    ceremony = ctx.out.add(Mention(match.start("what"), match.end("what"), match["what"],
                                   "Meeting", event, name, "meeting", rule="meeting.ceremony",
                                   confidence=0.5)).id
    ctx.article.last_ceremony = ceremony
    ctx.article.seen_at[ceremony] = ctx.article.sentence
    if SIDELINES.search(ctx.text, max(ctx.sentence.start, match.start() - 40), match.start()):
        return
    for person in ctx.persons():
        ctx.keep(person)
        ctx.out.relate("PARTICIPATED_IN", person.id, ceremony, ctx.span, "meeting.ceremony",
                       0.5)
    for state in ctx.labelled("Country"):
        if envoy(ctx, state):
            ctx.keep(state)
            ctx.out.relate("PARTICIPATED_IN", state.id, ceremony, ctx.span, "meeting.envoy", 0.5)
    if held is not None and not _rotation_handover(ctx, name, held.id):
        ctx.out.relate("PART_OF", ceremony, held.id, ctx.span, "meeting.ceremony", 0.5)
    for place in ctx.venues:
        if match.end() < place.start <= match.end() + NEAR and place.label == "Location":
            ctx.keep(place)
            ctx.out.relate("HELD_IN", ceremony, place.id, ctx.span, "meeting.ceremony", 0.45)
            break


def _rotation_handover(ctx: Context, name: str, held: str) -> bool:
    """Whether a ceremony is a handover in a peacekeeping force (``relieved ZAMBATT 10 at a
    handover ceremony`` of MINUSCA): one rotation of a contingent relieves another, which
    is the contingents' rotation, not a part of the whole force."""
    entity = ctx.out.entities.get(held)
    return name.lower().startswith(("handover", "hand-over")) and entity is not None and \
        entity.properties.get("kind") == "peacekeeping"


PRESENT = re.compile(r"\b(?:presided\s+over|attended|witnessed|joined|accompanied)\s+by\b|"
                     r"\battended\s*(?:[,.]|$|along\s+with\b|as\s+(?:guests?|observers?)\b)",
                     re.I)
"""Who was present at what the sentence before told of: ``It was presided over by X``,
``He was joined by Y``, ``X and Y attended, along with ambassadors``."""


def _present(ctx: Context) -> None:
    """The people (and states sending envoys) a sentence says presided over or attended,
    naming no other meeting or exercise, were at the ceremony told of just before."""
    ceremony = ctx.article.last_ceremony
    if ceremony is None or any(e.label in ("Meeting", "Exercise") for e in ctx.events) or \
            not 0 < ctx.article.sentence - ctx.article.seen_at.get(ceremony, -9) <= FOLLOWS or \
            not ctx.has(PRESENT):
        return
    ctx.article.seen_at[ceremony] = ctx.article.sentence
    for actor in ctx.persons() + [m for m in ctx.labelled("Country") if envoy(ctx, m)]:
        ctx.keep(actor)
        ctx.out.relate("PARTICIPATED_IN", actor.id, ceremony, ctx.span, "meeting.present", 0.5)


DONE_AT = (
    (re.compile(r"\bcommission(?:ed|s|ing)\b", re.I), "commissioning ceremony"),
    (re.compile(r"\b(?:t[oa]ok|takes|taking|assum(?:ed|es|ing)|hand(?:ed|s|ing)(?:\s+over)?)\s+"
                r"command\b", re.I), "change of command ceremony"),
    (re.compile(r"\b(?:received|handed(?:\s+over)?)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}"
                r"(?:flag|colou?rs)\b", re.I), "handover ceremony"),
    (re.compile(r"\b(?:t[oa]ok|takes|taking|hand(?:ed|s|ing))\s+over\b", re.I),
     "handover ceremony"),
    (re.compile(r"\b(?:formally\s+)?open(?:ed|s)\b", re.I), "opening ceremony"),
    (re.compile(r"\b(?:formally\s+)?clos(?:ed|es)\b", re.I), "closing ceremony"),
    (re.compile(r"\bgraduat(?:ed|es)\b", re.I), "graduation ceremony"),
    (re.compile(r"\binaugurat(?:ed|es)\b", re.I), "inauguration ceremony"),
)
"""What was done ``at a ceremony`` gives the ceremony its kind: ``commissioned the
submarine X at a ceremony`` is a commissioning ceremony, ``received the UN flag from X at a
ceremony`` a handover ceremony."""
AT_A = re.compile(r"\b(?:at|during|in)\s+an?\s+(?:[\w-]+\s+)?$", re.I)


OPENED_BY = re.compile(r"\b(?:was|were)\s+(?:formally\s+|officially\s+)?(?P<what>opened)\s+"
                       r"(?:on\s+\w+\s+)?by\b(?P<kind>)(?P<parade>)", re.I)
"""An exercise or course opened by someone (``The exercise was opened by General X``): its
opening ceremony, a meeting of those named as opening it."""
fold(OPENED_BY)


def _opening(ctx: Context,
             match: re.Match[str]) -> tuple[str | bool | None, Mention | Entity | None]:
    """For an opening told without the word ceremony (``said at the opening``, ``was opened
    by X``): ``opening`` and the exercise or operation opened (for ``opened by``, the one
    named before the verb, its subject; for ``at the opening``, else the report's main
    exercise), False when there is none or ``opened by`` follows a ceremony told before;
    None otherwise (the ceremony word decides, or ``the opening`` is the one told before)."""
    what = match["what"].lower()
    if what not in ("opening", "opened"):
        return None, None
    if ctx.article.last_ceremony is not None:
        return (None if what == "opening" else False), None
    held = _held(ctx, match.end())
    if held is None and what == "opening":
        main = ctx.article.main_event.get("Exercise")
        held = ctx.out.entities.get(main) if main else None
    if held is None or (what == "opened" and isinstance(held, Mention) and
                        held.end > match.start()):
        return False, None
    return "opening", held


def _done_at(ctx: Context, start: int) -> str | None:
    """The kind of ``a ceremony`` from the verb before it in its clause (``took command of
    X at a ceremony``), if it says what the ceremony was for."""
    if not AT_A.search(ctx.text, max(ctx.sentence.start, start - 25), start):
        return None
    clause = ctx.clause(start)
    begin = max([b for b in ctx.breaks if b < start], default=ctx.sentence.start)
    before = ctx.text[begin:start]
    for pattern, kind in DONE_AT:
        found = pattern.search(before)
        if found and ctx.clause(begin + found.start()) == clause:
            return kind
    return None


def _held(ctx: Context, end: int) -> Mention | None:
    """The exercise or operation a ceremony belongs to: the one the sentence names nearest
    after it (``the opening ceremony of X``), else before it, else the sentence's event."""
    named = ctx.labelled(*HOLDS)
    return min(named, key=lambda m: (m.start < end, abs(m.start - end)), default=None) or \
        next((e for e in ctx.events if e.label in HOLDS), None)


PORT_CALL = re.compile(r"\b(?P<what>(?:\w+-day\s+)?port\s+(?:call|visit))s?\b", re.I)
fold(PORT_CALL)


def port_calls(ctx: Context) -> None:
    """A port call is a visit of the ships named with it, held at the port named after it:
    ``INS Delhi and INS Satpura arrived at Cam Ranh for a four-day port call``."""
    if not ctx.says("port call", "port visit"):
        return
    match = ctx.search(PORT_CALL, ctx.sentence.start, ctx.sentence.end)
    ships = [m for m in ctx.labelled("Unit") if m.kind != "naval_forces"]
    if not match or not ships:
        return
    port = next((place for place in ctx.venues if place.label == "Location" and
                 not BEARING_OF.search(ctx.before(place, 24))), None)
    date = when(ctx.date() or ctx.article.published)
    name = f"Port call of {_listed([m.name for m in ships])}" + (
        f" at {port.name}" if port is not None else "") + (f" ({date})" if date else "")
    mention = Mention(match.start("what"), match.end("what"), match["what"], "Meeting",
                      slug(f"port call {' '.join(m.id for m in ships)} {ctx.date() or ''}"),
                      name, "visit", rule="meeting.port_call", confidence=0.55)
    call = ctx.out.add(mention).id
    entity = ctx.out.entities[call]
    entity.aliases = merge_list(entity.aliases, ["port call"])
    ctx.article.visits.setdefault(call, (set(), port.id if port is not None else None))
    ctx.article.last_visit = call
    for ship in ships:
        ctx.keep(ship)
        ctx.out.relate("PARTICIPATED_IN", ship.id, call, ctx.span, "meeting.port_call", 0.55)
    if port is not None:
        ctx.keep(port)
        ctx.out.relate("HELD_IN", call, port.id, ctx.span, "meeting.port_call", 0.5)
    _call_states(ctx, call, match.start(), port)


BEARING_OF = re.compile(r"\b" + BEARING + r"\s+of\s+(?:the\s+)?$", re.I)
"""Before a place given only as a bearing (``west of Mindoro``): no port a ship calls at."""
CALLED_AT = re.compile(r"\b(?P<what>(?:called|docked)\s+at)\s+", re.I)
fold(CALLED_AT)
PORT_GAP = 40
"""How far after ``called at`` the port may be named (``docked at the newly expanded X``)."""
SUBJECT_START = re.compile(r".*(?:[,;:]|\b(?:when|after|before|where|while|and)\b)", re.S)
"""Before the ships that call, where their clause opens (``since 2019, when the destroyer``)."""


THE_SHIP = re.compile(r"\s*(?:(?:The|the)\s+(?:ship|vessel|frigate|corvette|destroyer|"
                      r"patrol\s+(?:ship|vessel)|cutter)|She|she|It|it)(?:\s+(?:also|then|later|"
                      r"had|has|first))*\s+", re.S)
"""The ship a report tells of, named again by a noun or pronoun: ``The ship also``."""


def _callers(ctx: Context) -> list[str]:
    """The ships of the report's port call, which ``the ship`` calling elsewhere means."""
    call = ctx.article.last_visit
    if call is None or call not in ctx.out.entities or \
            not ctx.out.entities[call].name.startswith("Port call of "):
        return []
    return [r.source for r in ctx.out.relations.values() if r.target == call and
            r.type == "PARTICIPATED_IN" and r.source in ctx.out.entities and
            ctx.out.entities[r.source].label == "Unit"]


def called_at(ctx: Context) -> None:
    """A ship's call told by its verb alone (``the destroyer X called at Sihanoukville``,
    ``The UK Carrier Strike Group led by HMS Y called at Duqm``): a port call of the ships
    that are its subject, held at the port; not the report's own visit told again (a port
    already called at, or a visit named after the verb: ``docked at Z for an eight-day
    visit``)."""
    if not ctx.says("called at", "docked at"):
        return
    match = ctx.search(CALLED_AT, ctx.sentence.start, ctx.sentence.end)
    if match is None or ctx.search(MEETING, match.end(), ctx.sentence.end) or \
            ctx.search(PORT_CALL, match.end(), ctx.sentence.end):
        return
    port = next((p for p in ctx.venues if p.label == "Location" and
                 0 <= p.start - match.end() <= PORT_GAP), None)
    if port is None or any(e.label == "Meeting" and (f" at {port.name}" in e.name or
                                                      f" to {port.name}" in e.name)
                           for e in ctx.out.entities.values()):
        return
    lead = SUBJECT_START.match(ctx.text, ctx.sentence.start, match.start())
    begin = lead.end() if lead else ctx.sentence.start
    named = [m for m in ctx.labelled("Unit") if begin <= m.start and m.end <= match.start()]
    for ship in named:
        ctx.keep(ship)
    ships = list(dict.fromkeys(m.id for m in named))
    if not ships and THE_SHIP.fullmatch(ctx.text, begin, match.start()):
        ships = _callers(ctx)
    if not ships:
        return
    year = (ctx.date() or ctx.article.published or "")[:4]
    name = f"Port call of {_listed([ctx.out.entities[s].name for s in ships])} at " \
        f"{port.name}" + (f" ({year})" if year else "")
    event = record_event(ctx, "Meeting", match.start("what"), match.end("what"), name, "visit",
                         "meeting.called_at", 0.5, slug(f"port call {' '.join(ships)} {port.id}"))
    entity = ctx.out.entities[event]
    entity.aliases = merge_list(entity.aliases, [
        " ".join(ctx.text[match.start("what"):port.end].split())])
    for ship in ships:
        ctx.out.relate("PARTICIPATED_IN", ship, event, ctx.span, "meeting.called_at", 0.5)
    ctx.keep(port)
    ctx.out.relate("HELD_IN", event, port.id, ctx.span, "meeting.called_at", 0.5)


def _call_states(ctx: Context, call: str, at: int, port: Mention | None = None) -> None:
    """The state whose ships call takes part in the port call; the state of the dateline
    (``CAM RANH, Vietnam —``) hosts it, and its city is where it is held; with no dateline,
    the state of the port the ships arrive at hosts it (``sailed into Simon's Town``)."""
    city = dateline_city(ctx) if ctx.sentence.text[:1].isupper() else None
    named = dateline_state(ctx, city) if city is not None else None
    venues = {id(m) for m in ctx.venues} | {id(named)}
    guests = {m.id: m for m in ctx.states_named() if m.start < at and id(m) not in venues}
    for state in guests.values():
        ctx.keep(state)
        ctx.out.relate("PARTICIPATED_IN", state.id, call, ctx.span, "meeting.port_call", 0.5)
    if city is None:
        host = port.role.removeprefix("in:") if port is not None and \
            port.role.startswith("in:") else None
        if host and host not in guests and host in ctx.out.entities:
            ctx.out.relate("HOSTED", host, call, ctx.span, "meeting.port_call", 0.45)
        return
    ctx.keep(city)
    ctx.out.relate("HELD_IN", call, city.id, ctx.span, "meeting.port_call", 0.45)
    host = named.id if named is not None else city.role.removeprefix("in:") \
        if city.role.startswith("in:") else ctx.article.home
    if host and host not in guests and host in ctx.out.entities:
        ctx.out.relate("HOSTED", host, call, ctx.span, "meeting.port_call", 0.45)


CALL = re.compile(r"\b(?P<what>(?:called|calls|call|calling)\s+on|paid\s+(?:an?\s+)?"
                  r"(?:courtesy\s+|official\s+)?calls?\s+on)\s+", re.I)
fold(CALL)
URGED = re.compile(r"\s+(?:not\s+)?to\s+[a-z]+")
"""After the one called on: ``called on X to act`` urges X, it is no meeting with X."""
NEXT_CALL = re.compile(r",?\s+and\s+(?:also\s+)?(?:on\s+|(?=[A-Z]|the\s))|,\s+(?=the\s+[A-Z])")
"""``called on X at A, and on Y at B``, ``calling on X and Defence Minister Y``: a second
call by the same person."""
PRONOUN = re.compile(r"\b(?:he|she)\s+(?:\w+\s+){0,4}$|^(?:He|She)\b", re.I)
OBJECT_OF = re.compile(r"\b(?:with|to|by|from|for|of)\s+(?:[\w.’'-]+\s+){0,3}$")
"""Before a person named as the object of a preposition, not the one who calls."""
"""A caller named by pronoun just before the calling verb."""


def calls(ctx: Context) -> None:
    """``Rear Admiral X called on the Commander of the Navy, Vice Admiral Y, at Z``: a
    courtesy call is a meeting of the caller and the one called on, held at the place named
    after them, and part of the visit under way."""
    if not ctx.says("call"):
        return
    match = ctx.search(CALL, ctx.sentence.start, ctx.sentence.end)
    if not match:
        return
    persons = ctx.persons()
    caller = _caller(ctx, persons, match.start())
    start = match.end()
    while caller is not None:
        callee = next((m for m in ctx.labelled("Person") if start <= m.start <= start + 90
                       and m.id != caller.id), None)
        if callee is None or URGED.match(ctx.text, callee.end, ctx.sentence.end):
            return
        following = NEXT_CALL.search(ctx.text, callee.end, ctx.sentence.end)
        stop = following.start() if following else ctx.sentence.end
        place = next((p for p in ctx.venues if callee.end <= p.start < stop and
                      p.label == "Location"), None)
        _call(ctx, match, caller, callee, place)
        start = following.end() if following else ctx.sentence.end
        if following is None:
            return


WHO = re.compile(r",\s+who\s+(?:(?:also|later|then|had|has)\s+)?$")
"""Before the calling verb, a relative clause whose antecedent is the person named just
before it (``Major General X, deputy commander of Y, who also called on Z``)."""


def _caller(ctx: Context, persons: list[Mention], at: int) -> Mention | None:
    """Who calls: the person named last before the verb in its clause, else the one visitor
    of the visit under way when a pronoun stands for them."""
    before = [m for m in ctx.labelled("Person") if m.end <= at and
              ctx.clause(m.start) == ctx.clause(at) and not OBJECT_OF.search(ctx.before(m, 30))]
    if before:
        return next((m for m in persons if m.id == before[0].id), before[0])
    who = WHO.search(ctx.text, max(ctx.sentence.start, at - 30), at)
    if who is not None:
        named = [m for m in ctx.labelled("Person") if m.end <= who.start()]
        if named:
            return named[-1]
    visit = ctx.article.last_visit
    visitors = ctx.article.visits.get(visit, (set(), None))[0] if visit else set()
    if len(visitors) == 1 and (PRONOUN.search(ctx.text, max(ctx.sentence.start, at - 40), at)
                               or PRONOUN.match(ctx.sentence.text)):
        entity = ctx.out.entities.get(next(iter(visitors)))
        if entity is not None:
            return Mention(0, 0, "", "Person", entity.id, entity.name, rule="pseudo")
    return None


def _told_meeting(ctx: Context, match: re.Match[str], name: str, key: str, kind: str,
                  people: tuple[Mention, ...], place: Mention | None, rule: str,
                  confidence: float) -> str:
    """Record a meeting told by ``match["what"]``: its people take part, it is held at
    ``place`` (a little less sure); its id."""
    event = ctx.out.add(Mention(match.start("what"), match.end("what"), match["what"],
                                "Meeting", slug(key), name, kind, rule=rule,
                                confidence=confidence)).id
    for person in people:
        ctx.keep(person)
        ctx.out.relate("PARTICIPATED_IN", person.id, event, ctx.span, rule, confidence)
    if place is not None:
        ctx.keep(place)
        ctx.out.relate("HELD_IN", event, place.id, ctx.span, rule, round(confidence - 0.05, 2))
    return event


def _call(ctx: Context, match: re.Match[str], caller: Mention, callee: Mention,
          place: Mention | None) -> None:
    """Record one call and its parties, place and visit."""
    date = when(ctx.date() or ctx.article.published)
    name = f"Call of {caller.name} on {callee.name}" + (
        f" at {place.name}" if place is not None else "") + (f" ({date})" if date else "")
    call = _told_meeting(ctx, match, name, f"call {caller.id} {callee.id} {ctx.date() or ''}",
                         "call", (caller, callee), place, "meeting.call", 0.55)
    visit = ctx.article.last_visit
    if visit is not None and ctx.article.sentence - ctx.article.seen_at.get(visit, -9) <= \
            FOLLOWS + 1:
        ctx.out.relate("PART_OF", call, visit, ctx.span, "meeting.call", 0.45)


VISITED = re.compile(
    r"\b(?:(?P<verb>visited|toured)|(?P<due>(?:expected|due|scheduled|set|planning|plans?)"
    r"\s+to\s+(?:also\s+)?)(?P<to>visit|tour))\s+(?P<what>(?:the\s+)?[^,.;]{2,70}?)"
    r"(?=\s*[,.;]|\s+(?:on|in|at|near|with|together|where|during|before|after|and|to|for)\b)")
TOGETHER = re.compile(r"\s+(?:together\s+)?with\s+(?:his|her|their)?\s*[^,.;]{0,40}?(?:,\s*)?$")
"""Before a person who went along: ``visited X together with his Romanian counterpart, Y``."""


def site_visits(ctx: Context) -> None:
    """``X visited the Yokosuka naval base``: a visit of the person to the place, part of the
    visit the person is on; one who went ``together with`` the visitor visited too."""
    if not ctx.says("visited", "toured", "to visit", "to tour"):
        return
    match = ctx.search(VISITED, ctx.sentence.start, ctx.sentence.end)
    if match is None or UNREAL_VISIT.search(ctx.text, max(ctx.sentence.start,
                                                          match.start() - 20), match.start()) \
            or (match["to"] and (not _site(ctx, match.end("to")) or any(
                e.start == match.start("to") and e.label == "Meeting" for e in ctx.events))):
        return
    before = [m for m in ctx.labelled("Person") if m.end <= match.start() and
              ctx.clause(m.start) == ctx.clause(match.start())]
    if not before and not GROUP_VISITED.search(ctx.text, max(ctx.sentence.start,
                                                             match.start() - 40), match.start()):
        return
    visitors = [before[0]] + [m for m in ctx.labelled("Person") if m.start > match.end() and
                              TOGETHER.search(ctx.text, match.end(), m.start)] if before else []
    place = next((m for m in ctx.mentions if m.label in ("Location", "Country") and
                  match.start("what") <= m.start < match.end("what") + 40 and
                  m.role not in ("demonym", "qualifier")), None)
    where = f" to {place.name}" if place is not None else \
        f" to {' '.join(match['what'].split()).removeprefix('the ')}"
    date = when(ctx.date() or ctx.article.published)
    who = _listed([m.name for m in visitors]) if visitors else \
        GROUP_VISITED.search(ctx.text, max(ctx.sentence.start, match.start() - 40),
                             match.start())["group"].lower()
    name = f"Visit of {who}{where}" + (f" ({date})" if date else "")
    verb = "verb" if match["verb"] else "to"
    told = match.end(verb) if match["verb"] else match.end()
    event = ctx.out.add(Mention(match.start(verb), told, ctx.text[match.start(verb):told],
                                "Meeting",
                                slug(f"visit {' '.join(m.id for m in visitors)} "
                                     f"{place.id if place else match['what']}"), name,
                                "site_visit", rule="meeting.site_visit", confidence=0.5))
    event.aliases = merge_list(event.aliases, [" ".join(ctx.text[match.start(verb):
                                                         match.end()].split())])
    if place is not None and place.text and place.text != place.name and visitors:
        event.aliases = merge_list(event.aliases, [f"Visit of {who} to {place.text}" + (
            f" ({date})" if date else "")])
    for person in visitors:
        ctx.keep(person)
        ctx.out.relate("PARTICIPATED_IN", person.id, event.id, ctx.span, "meeting.site_visit",
                       0.5)
    if place is not None:
        ctx.keep(place)
        ctx.out.relate("HELD_IN", event.id, place.id, ctx.span, "meeting.site_visit", 0.45)
    visit = ctx.article.last_visit
    if not before:
        visit = visit or ctx.article.main_event.get("Meeting")
        if visit is not None and visit != event.id and visit in ctx.out.entities:
            ctx.out.relate("PART_OF", event.id, visit, ctx.span, "meeting.group_visit", 0.4)
    elif visit is not None and visit != event.id and before[0].id in \
            ctx.article.visits.get(visit, (set(), None))[0]:
        ctx.out.relate("PART_OF", event.id, visit, ctx.span, "meeting.site_visit", 0.45)


GROUP_VISITED = re.compile(r"\b(?:the|their|its)?\s*(?P<group>(?:[A-Z][\w-]+\s+)?(?i:delegations?|"
                           r"ministers|delegates|chiefs))\s+(?:(?:also|then|later)\s+)?"
                           r"(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                           r"Sunday)\s+)?$")
"""Before ``visited``: a delegation or the ministers of a meeting, named by no person, who
went to see a site as part of it (``Ministers visited the centre on Tuesday``)."""


UNREAL_VISIT = re.compile(r"\b(?:not|never|has|have|had)\s+(?:\w+\s+)?$", re.I)
"""``has visited`` tells of a habit or past, ``never visited`` of none."""


HONOUR = re.compile(r"\b(?:received|given|accorded|inspected|with)\s+(?:a|the)\s+"
                    r"(?:ceremonial\s+)?(?P<what>guard\s+of\s+honou?r)\b", re.I)
fold(HONOUR)


def honours(ctx: Context) -> None:
    """``X received a guard of honour at the Joint Staff Headquarters``: a ceremony for the
    person, held at the place named right after, part of the visit the person is on."""
    if not ctx.says("guard of hono"):
        return
    match = ctx.search(HONOUR, ctx.sentence.start, ctx.sentence.end)
    if match is None:
        return
    guest = _caller(ctx, ctx.persons(), match.start())
    if guest is None:
        return
    place = next((p for p in ctx.venues if match.end() <= p.start <= match.end() + NEAR and
                  p.label == "Location"), None)
    date = when(ctx.date() or ctx.article.published)
    name = f"Guard of honour for {guest.name}" + (f" at {place.name}" if place else "") + (
        f" ({date})" if date else "")
    event = _told_meeting(ctx, match, name, f"guard of honour {guest.id}", "ceremony",
                          (guest,), place, "meeting.honour", 0.5)
    visit = ctx.article.last_visit
    if visit is not None and guest.id in ctx.article.visits.get(visit, (set(), None))[0]:
        ctx.out.relate("PART_OF", event, visit, ctx.span, "meeting.honour", 0.45)


def visitor_states(article: Article, out: Extraction) -> None:
    """A visit abroad is the visiting state's too: the state whose office a visitor holds
    takes part in the visit, unless it is where the visit goes (a visit at home) or hosts it,
    or the visit is to a thing (``to visit the exercise``), the visitor's office's own
    business. Run on the whole report, once the visitors' states are known."""
    for event in sorted(article.visits):
        if event not in out.entities or any(alias.startswith("visit the ")
                                             for alias in out.entities[event].aliases):
            continue
        home = _visited_states(out, event)
        for person in sorted(article.visits[event][0]):
            state = article.person_country.get(person)
            took_part = out.relations.get((person, "PARTICIPATED_IN", event))
            if state is None or state in home or took_part is None or \
                    state not in out.entities or out.entities[state].label != "Country":
                continue
            out.relate("PARTICIPATED_IN", state, event, took_part.spans[0],
                       "meeting.visitor_state", 0.45)


def _visited_states(out: Extraction, event: str) -> set[str]:
    """The states a visit is held in or hosted by, directly or through its places."""
    places = {r.target for r in out.relations.values() if r.source == event and
              r.type == "HELD_IN"} | {r.source for r in out.relations.values()
                                       if r.target == event and r.type == "HOSTED"}
    return places | {r.target for r in out.relations.values() if r.type == "LOCATED_IN" and
                     r.source in places}


GUESTS_ONLY = ("visit", "site_visit", "exhibition")
"""Meetings a host state need not take part in: a visit it receives, a show it holds."""


def _hosts_take_part(out: Extraction) -> None:
    """A state that hosts a meeting, a summit or a ceremony (not a visit it receives) sits at
    it: ``the summit Tanzania hosted in Dar es Salaam`` is one Tanzania takes part in."""
    for relation in sorted(out.relations.values(), key=lambda r: (r.source, r.target)):
        event = out.entities[relation.target]
        if relation.type == "HOSTED" and event.label == "Meeting" and \
                out.entities[relation.source].label == "Country" and \
                event.properties.get("kind") not in GUESTS_ONLY:
            out.relate("PARTICIPATED_IN", relation.source, event.id, relation.spans[0],
                       "meeting.host_takes_part", 0.45)


def visit_hosts(out: Extraction) -> None:
    """A visit or port call no state is said to host is hosted by the one state its places
    lie in (``docked at the Autonomous Port of Lomé`` is Togo's to host), unless that state
    takes part in it (a visit at home); a meeting other than a visit that a state hosts is
    one it takes part in. Run on the whole report, once places are located."""
    _hosts_take_part(out)
    hosted = {r.target for r in out.relations.values() if r.type == "HOSTED" and
              out.entities[r.source].label == "Country"}
    for event in sorted(out.entities):
        entity = out.entities[event]
        if entity.label != "Meeting" or entity.properties.get("kind") != "visit" or \
                event in hosted:
            continue
        places = {r.target for r in out.relations.values() if r.source == event and
                  r.type == "HELD_IN"}
        states = {p for p in places if out.entities[p].label == "Country"} | {
            r.target for r in out.relations.values() if r.type == "LOCATED_IN" and
            r.source in places and out.entities[r.target].label == "Country"}
        if len(states) != 1:
            continue
        state = states.pop()
        if (state, "PARTICIPATED_IN", event) in out.relations:
            continue
        span = next(r.spans[0] for r in out.relations.values() if r.source == event and
                    r.type == "HELD_IN")
        out.relate("HOSTED", state, event, span, "visit.host_place", 0.45)


EXHIBITION = re.compile(
    r"(?<=\b[Tt]he\s)(?P<name>(?:[A-Z][\w-]*\s+){0,3}?[A-Z][\w-]*(?:\s+20\d\d)?)"
    r"(?:\s+\([A-Z]{2,}\))?\s+"
    r"(?:(?P<own>Expo|Exhibition|Show|Fair)(?:\s+&\s+[A-Z]\w+)?|"
    r"(?:(?:defen[cs]e|arms|air|aerospace|maritime)\s+)?(?:exhibition|expo)|"
    r"(?:defen[cs]e|arms|air|aerospace)\s+(?:show|fair))\b|"
    r"(?<![\w-])(?P<dated>(?:[A-Z][\w-]*\s+){1,3}20\d\d),\s+the\s+(?:[\w-]+\s+){0,4}?"
    r"(?:exhibition|exposition|expo|show|fair)\b")
"""A named trade show: ``the ADAS 2026 defence exhibition``, ``the IDEAS exhibition``,
``the Indo Defence 2025 Expo & Forum``, ``the Vietnam International Defence Expo``, ``the
Defence Services Asia (DSA) exhibition``, or one of a year told by what it is (``Land Forces
2026, the biennial land warfare exposition``)."""
SHOWN = re.compile(r"[A-Z]{3,}|\b20\d\d\b")
"""In a show's name, what makes it a name: an acronym or a year (``the Chinese exhibition``
is none)."""
THE_SHOW = re.compile(r"\b[Tt]he\s+(?:exhibition|exposition|expo|fair|show)\b")
YEAR_END = re.compile(r"\s+20\d\d$")
APPOSED = re.compile(r"[,(]\s*the\s$")
"""Before a show's full name given in apposition to the one told of (``MSPO, the
International Defence Industry Exhibition``): another name of it."""


def exhibitions(ctx: Context) -> None:
    """A named defence exhibition is a meeting of those who show at it, by its name (the
    phrase kept as an alias); ``the exhibition``, ``the show`` or ``the fair`` later refers
    to the last one told of."""
    if not ctx.says("exhibition", "expo", "fair", "show"):
        return
    match = EXHIBITION.search(ctx.text, ctx.sentence.start, ctx.sentence.end)
    shown = [e for e in ctx.out.entities.values() if e.label == "Meeting" and
             e.properties.get("kind") == "exhibition"]
    if match is not None and shown and match["own"] and \
            APPOSED.search(ctx.text, max(0, match.start() - 8), match.start()):
        shown[-1].aliases = merge_list(shown[-1].aliases, [" ".join(match.group().split())])
        refer(ctx, "Meeting", shown[-1].id, *match.span())
        return
    if match is not None and match["dated"]:
        name = " ".join(match["dated"].split())
        event = record_event(ctx, "Meeting", match.start(), match.end("dated"), name,
                             "exhibition", "meeting.exhibition", 0.55)
        ctx.out.entities[event].aliases = merge_list(ctx.out.entities[event].aliases,
                                                     [YEAR_END.sub("", name)])
        return
    if match is None or not (match["own"] or SHOWN.search(match.group())):
        again = THE_SHOW.search(ctx.text, ctx.sentence.start, ctx.sentence.end)
        if again is not None and shown:
            refer(ctx, "Meeting", shown[-1].id, *again.span())
        return
    name = " ".join(match.group().split()) if match["own"] else " ".join(match["name"].split())
    before = next((e for e in reversed(shown) if _names_again(name, e)), None)
    if before is not None:
        refer(ctx, "Meeting", before.id, *match.span())
        return
    event = record_event(ctx, "Meeting", match.start(), match.end(), name, "exhibition",
                         "meeting.exhibition", 0.55)
    entity = ctx.out.entities[event]
    entity.aliases = merge_list(entity.aliases, [" ".join(match.group().split()),
                                                 " ".join(match["name"].split())])


def _names_again(name: str, show: Entity) -> bool:
    """Whether a show's name is a short form of one told before: every word of ``DSA`` or
    ``ADAS`` is a word of ``Defence Services Asia (DSA) exhibition`` or ``ADAS 2026``."""
    told = set(WORD.findall(" ".join([show.name, *show.aliases])))
    return all(word in told for word in name.split())


WORD = re.compile(r"[\w’'-]+")
NAME_WORD = r"[A-Z][\w’'-]*"
NAMED_MEETING = re.compile(
    rf"(?<![\w-])(?:The\s+)?(?P<name>(?:{NAME_WORD}\s+){{1,4}}(?:Summit|Retreat|Fleet\s+Review)|"
    rf"(?:{NAME_WORD}\s+){{1,3}}Conference\s+on\s+(?:the\s+)?{NAME_WORD}"
    rf"(?:\s+(?:and\s+|of\s+|for\s+)?{NAME_WORD}){{0,5}})")
"""A meeting called by its own name, a capitalised summit, retreat, fleet review or
``Conference on`` a subject: ``the Amazon Summit``, ``the Nordic Conference on Military
Medicine and Veterans' Care``, ``the International Fleet Review``."""


ACRONYM_MEETING = re.compile(r"\((?P<acronym>[A-Z][A-Z0-9-]{1,9})\)\s+(?P<noun>Summit|Retreat)\b")
"""A summit or retreat named by the acronym of the body whose name comes before it: ``the
ASEAN Defence Ministers' Meeting (ADMM) Retreat``."""


NUMBERED_MEETING = re.compile(
    r"\b(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|"
    r"rd|th))\s+(?P<name>(?:[A-Z][\w’'+-]*\s+){1,6}(?:Meeting|Dialogue))\b")
"""A numbered meeting of a series called by its own name: ``the fourth Australia-Vietnam
Defence Ministers' Meeting``."""


THE_NAMED = re.compile(r"\b(?:the|this)\s+(?:(?:[\w-]+-day|annual|biennial)\s+)?"
                       r"(?P<noun>conference|summit|retreat)\b(?!\s+(?:of|on)\b)", re.I)
"""``the conference``, ``the three-day summit``: the named meeting of that kind told before."""
fold(THE_NAMED)


def named_meetings(ctx: Context) -> None:
    """A meeting named by its own name is an event of the sentence (and of the report, when
    told most), so who attends it, hosts it and where it is held are read as for any other;
    a name the dictionaries already hold as a body (the International Conference on the
    Great Lakes Region) is that body. ``The conference`` later is the one named before."""
    if not ctx.says("summit", "retreat", "conference", "fleet review", "meeting", "dialogue"):
        return
    found = False
    for match in ACRONYM_MEETING.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        body = next((m for m in ctx.labelled("Organization") if
                     m.start < match.start() <= m.end + 1), None)
        if body is None:
            continue
        name = f"{match['acronym']} {match['noun']}"
        event = record_event(ctx, "Meeting", match.start(), match.end(), name, "named",
                             "meeting.named", 0.55)
        entity = ctx.out.entities[event]
        entity.aliases = merge_list(entity.aliases, [
            " ".join(ctx.text[body.start:match.end()].split())])
        ctx.keep(body)
        ctx.out.relate("RUNS", body.id, event, ctx.span, "meeting.named", 0.5)
        found = True
    for match in NUMBERED_MEETING.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        start, end = match.span("name")
        noun = ctx.text.rfind(" ", start, end) + 1
        if any(m.start < end and noun < m.end for m in ctx.mentions):
            continue
        phrase = " ".join(ctx.text[match.start():end].split())
        event = record_event(ctx, "Meeting", match.start(), end,
                             f"{phrase[:1].upper()}{phrase[1:]}", "named", "meeting.named", 0.55)
        entity = ctx.out.entities[event]
        entity.aliases = merge_list(entity.aliases, [phrase, " ".join(match["name"].split())])
        found = True
    for match in NAMED_MEETING.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        start, end = match.span("name")
        if any(m.start < end and start < m.end and m.label != "Location"
               for m in ctx.mentions):
            continue
        name = " ".join(match["name"].split())
        record_event(ctx, "Meeting", start, end, name, "named", "meeting.named", 0.55)
        found = True
    again = None if found else ctx.search(THE_NAMED, ctx.sentence.start, ctx.sentence.end)
    if again is not None:
        named = [e for e in ctx.out.entities.values() if e.label == "Meeting" and
                 e.properties.get("kind") == "named" and again["noun"] in e.name.lower()]
        if named:
            refer(ctx, "Meeting", named[-1].id, *again.span())


def _callers_visit(out: Extraction) -> None:
    """One who calls on someone during a visit (a ship's captain calling on the port's
    admiral) is on that visit."""
    for relation in sorted(out.relations.values(), key=lambda r: (r.source, r.target)):
        call, visit = out.entities[relation.source], out.entities[relation.target]
        if relation.type != "PART_OF" or call.rule != "meeting.call" or \
                visit.properties.get("kind") != "visit":
            continue
        for person in sorted(r.source for r in out.relations.values()
                             if r.type == "PARTICIPATED_IN" and r.target == call.id):
            if call.name.startswith(f"Call of {out.entities[person].name} on "):
                out.relate("PARTICIPATED_IN", person, visit.id, relation.spans[0],
                           "meeting.caller_visit", 0.45)


def visit_parts(article: Article, out: Extraction) -> None:
    """A meeting, call or ceremony a report tells of that a visitor took part in belongs to
    the visitor's visit (``later met President X``, ``received a welcome ceremony``), when the
    report tells of one visit by that person and no year sets the meeting apart. Run on the
    whole report, once every sentence's participants are known."""
    _callers_visit(out)
    visits: dict[str, list[str]] = {}
    for event in sorted(article.visits):
        if event in out.entities:
            for person in article.visits[event][0]:
                visits.setdefault(person, []).append(event)
    if not visits:
        return
    for relation in sorted(out.relations.values(), key=lambda r: (r.target, r.source)):
        event = out.entities[relation.target]
        found = visits.get(relation.source, [])
        if relation.type != "PARTICIPATED_IN" or event.label != "Meeting" or \
                event.properties.get("kind") in ("visit", "site_visit", "exhibition") or \
                len(found) != 1 or event.id in found:
            continue
        visit = out.entities[found[0]]
        year, since = event.properties.get("date", "")[:4], visit.properties.get("date", "")[:4]
        if year and since and year != since:
            continue
        if not any(r.type == "PART_OF" and r.source == event.id
                   for r in out.relations.values()):
            out.relate("PART_OF", event.id, visit.id, relation.spans[0], "meeting.visit_part",
                       0.45)


VISIT_THE = re.compile(r"visits?\s+(?=(?:the|this)\s)", re.I)
"""A visit whose object is an event the report has named: ``to visit the exercise``."""
VISITABLE = ("Exercise", "Operation")


def visited_events(out: Extraction) -> None:
    """A visit to an exercise or operation (``is expected to visit the exercise on 12
    February``) is part of it and is held where it is: at the first place the report names
    for it. Run on the whole report, once the events' places are read."""
    starts = {start: entity for entity in out.entities.values() if entity.label in VISITABLE
              for start, _ in entity.spans}
    for event in sorted(out.entities):
        visit = out.entities[event]
        if visit.label != "Meeting" or visit.properties.get("kind") != "visit":
            continue
        for start, _ in sorted(visit.spans):
            match = VISIT_THE.match(out.text, start)
            target = starts.get(match.end()) if match is not None else None
            if target is None:
                continue
            out.relate("PART_OF", event, target.id, (start, match.end()), "meeting.visited_event",
                       0.45)
            places = [out.entities[r.target] for r in out.relations.values()
                      if r.type == "HELD_IN" and r.source == target.id and
                      out.entities[r.target].label == "Location"]
            first = min(places, key=lambda p: (min(p.spans), p.id), default=None)
            if first is not None:
                out.relate("HELD_IN", event, first.id, (start, match.end()),
                           "meeting.visited_event", 0.45)
            break


def visit_towns(out: Extraction) -> None:
    """A visit is held in every town its parts are held in (talks in Ankara, a tour of a
    campus in Gölbaşı): the visit goes there, though not into each building its meetings
    are in. Only parts the report ties to the visit count, not those guessed from who took
    part. Run on the whole report, once the parts of visits are known."""
    for relation in sorted(out.relations.values(), key=lambda r: (r.source, r.target)):
        visit = out.entities[relation.target]
        if relation.type != "PART_OF" or visit.label != "Meeting" or \
                visit.properties.get("kind") != "visit" or relation.rule == "meeting.visit_part" \
                or out.entities[relation.source].label != "Meeting":
            continue
        towns = sorted(r.target for r in out.relations.values()
                       if r.type == "HELD_IN" and r.source == relation.source and
                       out.entities[r.target].properties.get("kind") == "city")
        for town in towns:
            held = out.relations[(relation.source, "HELD_IN", town)]
            out.relate("HELD_IN", visit.id, town, held.spans[0], "meeting.visit_town", 0.45)



LEG = re.compile(r"\b(?:fl(?:y|ies|ew|ying)|travel(?:s|led|ling)?|head(?:s|ed|ing)?|"
                 r"visit(?:s|ed|ing)?|tour(?:s|ed|ing)?)\b[^,.;]*?"
                 r"\b(?:to|in|at)\s+(?:the\s+)?$", re.I)
"""Before a town a visitor goes on to: ``flew to``, ``travels on Thursday to``, ``is due
to visit the Angolan Navy's facilities in``, ``scheduled to tour ... in``."""
AT_TOWN = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")
VISITOR = re.compile(r"(?:(?:On|Later|Then)\s+(?:\w+\s*)?,?\s*)?(?:(?i:he|she)\b|"
                     r"(?i:the)\s+(?:[\w-]+\s+){0,2}delegation\b|(?P<during>During\s+the\s+"
                     r"visit\b))")
"""A sentence opened by the visitor or the visit told of before: ``On Wednesday the Indian
delegation ...``, ``He then flew to Istanbul``, ``During the visit, the crew ...``."""
TOWNS = ("city", None)


def _state_of(town: Mention) -> str | None:
    """The state a town lies in, as its mention or the gazetteer says."""
    return town.role[3:] if town.role.startswith("in:") else extras().get(("Location", town.id))


def visit_legs(ctx: Context) -> None:
    """The towns in the visited state that a visitor goes on to during a visit told of before
    (``He then flew to Istanbul to visit Baykar``, ``The delegation travels on Thursday to
    Bishkek``), or that a sentence opened by ``During the visit`` places something in, are
    places the visit is held in; a town known to lie in another state is the next visit's."""
    visit = ctx.article.last_visit
    if visit is None or visit not in ctx.out.entities or \
            ctx.out.entities[visit].properties.get("kind") != "visit" or \
            any(ctx.sentence.start <= start < ctx.sentence.end
                for start, _ in ctx.out.entities[visit].spans):
        return
    visitors = ctx.article.visits.get(visit, (set(), None))[0]
    opened = VISITOR.match(ctx.text, ctx.sentence.start, ctx.sentence.end)
    if opened is None and not any(m.id in visitors for m in ctx.persons()):
        return
    held = {r.target for r in ctx.out.relations.values() if r.type == "HELD_IN" and
            r.source == visit}
    states = {p for p in held if ctx.out.entities[p].label == "Country"} | {
        r.target for r in ctx.out.relations.values() if r.type == "LOCATED_IN" and
        r.source in held}
    for town in ctx.labelled("Location"):
        state = _state_of(town)
        if town.kind not in TOWNS or town.role in ("demonym", "qualifier") or \
                (state is not None and state not in states):
            continue
        begin = max(ctx.sentence.start, town.start - 90)
        if LEG.search(ctx.text, begin, town.start) or (
                opened is not None and opened["during"] and
                AT_TOWN.search(ctx.text, begin, town.start)):
            ctx.keep(town)
            ctx.out.relate("HELD_IN", visit, town.id, ctx.span, "meeting.visit_leg", 0.45)


RECEPTION = re.compile(
    r"\b(?:(?P<hosted>host(?:ed|s|ing)|h[eo]ld|holds|holding|g[ai]ve|gives|giving)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+)?)?(?P<what>(?:deck\s+)?reception(?P<board>\s+(?:on\s+board|"
    r"aboard|on\s+deck))?)\b", re.I)
"""A reception and how it is told: ``hosted a reception on board``, ``A reception on board
... was attended by``."""
fold(RECEPTION)
ATTENDED_BY = re.compile(r"\b(?:attended|joined)\s+by\b", re.I)
fold(ATTENDED_BY)


def receptions(ctx: Context) -> None:
    """A reception a visiting ship's crew hosts, or one a sentence says was attended by
    someone, is a meeting during the visit under way, which those named after it attended.
    One told only in passing (``said at a reception``, ``will take part in a reception``) is
    none."""
    if not ctx.says("reception"):
        return
    match = ctx.search(RECEPTION, ctx.sentence.start, ctx.sentence.end)
    visit = ctx.article.last_visit
    if match is None or visit is None or visit not in ctx.out.entities or \
            not (match["hosted"] or ctx.search(ATTENDED_BY, match.end(), ctx.sentence.end)):
        return
    date = when(ctx.date() or ctx.article.published)
    event = ctx.out.add(Mention(match.start("what"), match.end("what"), match["what"],
                                "Meeting", slug(f"reception {visit}"),
                                "Reception" + (f" ({date})" if date else ""), "ceremony",
                                rule="meeting.reception", confidence=0.5))
    event.aliases = merge_list(event.aliases, ["reception"])
    ctx.out.relate("PART_OF", event.id, visit, ctx.span, "meeting.reception", 0.5)
    for person in ctx.persons():
        if person.start > match.end():
            ctx.keep(person)
            ctx.out.relate("PARTICIPATED_IN", person.id, event.id, ctx.span,
                           "meeting.reception", 0.5)


def reception_ships(out: Extraction) -> None:
    """A reception during a ship's visit is held on board the visit's ships, which take part
    in it, and in the town the visit is held in; its name says so (``Reception on board X in
    Y (June 2026)``). Run on the whole report, once the visit's ships and places are read."""
    for event in sorted(out.entities):
        entity = out.entities[event]
        if entity.rule != "meeting.reception":
            continue
        part = next((r for r in sorted(out.relations.values(), key=lambda r: r.target)
                     if r.source == event and r.type == "PART_OF"), None)
        if part is None:
            continue
        ships = sorted({r.source for r in out.relations.values() if r.target == part.target and
                        r.type == "PARTICIPATED_IN" and is_ship(out.entities[r.source])})
        places = {r.target for r in out.relations.values() if r.source == part.target and
                  r.type == "HELD_IN"}
        places |= {r.target for r in out.relations.values() if r.type == "LOCATED_IN" and
                   r.source in places}
        towns = sorted((out.entities[p] for p in places
                        if out.entities[p].properties.get("kind") == "city"),
                       key=lambda e: (min(e.spans, default=(0, 0)), e.id))
        for ship in ships:
            out.relate("PARTICIPATED_IN", ship, event, part.spans[0], "meeting.reception", 0.45)
        if towns:
            out.relate("HELD_IN", event, towns[0].id, part.spans[0], "meeting.reception", 0.45)
        board = f" on board {_listed([out.entities[s].name for s in ships])}" if ships else ""
        entity.name = entity.name.replace("Reception", f"Reception{board}" + (
            f" in {towns[0].name}" if towns else ""), 1)


OF_PEOPLE = re.compile(r"(?P<what>(?:Meeting|Talks|Call)) of (?P<first>[^()]+?)"
                       r"(?: and (?P<second>[^()]+?))? \((?P<date>[^()]+)\)")
"""A meeting named by its kind, its people and its month (``Meeting of A and B (June 2025)``)."""


def venue_names(out: Extraction) -> None:
    """A meeting of named people held in one town also goes by the name that says where
    (``Meeting of A and B in Astana (March 2026)``), and, between two, by the name that
    puts the guest with the host (``Meeting of A with B``), as analysts name it. Run on the
    whole report, once meetings' places are known.

    >>> out = Extraction("r", "Ana Ruiz met Li Wei in Lima.")
    >>> name = "Meeting of Ana Ruiz and Li Wei (May 2026)"
    >>> for m in (Mention(9, 12, "met", "Meeting", "m", name),
    ...           Mention(23, 27, "Lima", "Location", "lima", "Lima")):
    ...     _ = out.add(m)
    >>> _ = out.relate("HELD_IN", "m", "lima", (9, 12), "test", 0.5)
    >>> venue_names(out)
    >>> for alias in out.entities["m"].aliases[1:]:
    ...     print(alias)
    Meeting of Ana Ruiz and Li Wei in Lima (May 2026)
    Meeting of Ana Ruiz with Li Wei (May 2026)
    Meeting of Ana Ruiz with Li Wei in Lima (May 2026)
    """
    towns: dict[str, list[str]] = {}
    for relation in out.relations.values():
        if relation.type == "HELD_IN" and out.entities[relation.target].label == "Location":
            towns.setdefault(relation.source, []).append(out.entities[relation.target].name)
    for entity in out.entities.values():
        named = OF_PEOPLE.fullmatch(entity.name) if entity.label == "Meeting" else None
        if named is None:
            continue
        joins = [" and ", " with "] if named["second"] else [""]
        people = [f"{named['first']}{join}{named['second'] or ''}" for join in joins]
        held = towns.get(entity.id, [])
        where = [f" in {held[0]}"] if len(held) == 1 else []
        names = [f"{named['what']} of {who}{place} ({named['date']})"
                 for who in people for place in ["", *where]]
        entity.aliases = merge_list(entity.aliases, [n for n in names if n != entity.name])


ELSEWHERE = ("opening", "closing", "graduation", "welcome")
"""Ceremonies a report often tells of away from its dateline's city: an exercise or course
opens and closes, and its trainees graduate, at its own range or school."""


def ceremony_towns(out: Extraction) -> None:
    """A ceremony the report places nowhere (a signing, a handover, a commissioning) is held
    in the city of its dateline (``DAKAR — ... in a ceremony attended by X``): the report is
    filed from where it happened. Run on the whole report, once events' places are known.

    >>> text = "Headline\\nKIEL — A submarine was handed over at a ceremony."
    >>> out = Extraction("r", text)
    >>> _ = out.add(Mention(9, 13, "KIEL", "Location", "kiel", "Kiel", "city"))
    >>> _ = out.add(Mention(43, 51, "ceremony", "Meeting", "c", "Ceremony (May 2026)",
    ...                     rule="meeting.ceremony"))
    >>> ceremony_towns(out)
    >>> sorted(out.relations)
    [('c', 'HELD_IN', 'kiel')]
    """
    line = next((m for m in (DATELINE.match(out.text, s.end())
                             for s in re.finditer(r"^", out.text, re.M))
                 if m and "\n" not in m.group()), None)
    if line is None:
        return
    name = line["city"].lower()
    city = next((e for e in out.entities.values() if e.label == "Location" and
                 name in (n.lower() for n in (e.name, *e.aliases))), None)
    if city is None:
        return
    placed = {r.source for r in out.relations.values()
              if r.type == "HELD_IN" and out.entities[r.target].label == "Location"}
    for ceremony in list(out.entities.values()):
        if ceremony.label != "Meeting" or ceremony.rule != "meeting.ceremony" or \
                ceremony.id in placed or ceremony.name.lower().startswith(ELSEWHERE):
            continue
        out.relate("HELD_IN", ceremony.id, city.id, ceremony.spans[0], "meeting.ceremony_town",
                   0.4)
