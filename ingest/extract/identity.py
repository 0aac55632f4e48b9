"""One entity per thing a report names in several ways: a described event it later names,
a series named beside its one edition, a state's ministry under its several spellings
(named in the text, and implied by a minister's title) and a contingent under its code."""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.lookup import fold
from graph.model import merge_list
from graph.vocabulary import JOINABLE_LABELS
from ingest.extract.facts import Entity, Extraction
from ingest.extract.gazetteer import demonyms, own_offices, state_names
from ingest.extract.implied import office_spellings
from ingest.extract.names import SHIPS
from ingest.extract.syntax import EDITION


def editions(out: Extraction) -> None:
    """One event under one id: a described event the report later names (``the NATO drills,
    called Carpathian Spear 25``) is the named one, and an exercise or operation named by its
    series (``Carpathian Spear``, even where a name rule took it for a person's) in a report
    that names one edition of it is that edition."""
    named: dict[tuple[str, str], str] = {}
    for event in [e for e in out.entities.values() if e.label in JOINABLE_LABELS]:
        first = named.setdefault((event.label, event.name), event.id)
        if first != event.id:
            out.merge(event.id, first)
    operations = {e.name: e.id for e in out.entities.values() if e.label == "Operation"}
    for name, event in sorted(operations.items()):
        bare = operations.get(name.removeprefix("Operation "))
        if name.startswith("Operation ") and bare is not None and bare in out.entities:
            out.merge(bare, event)
    events = [e for e in out.entities.values() if e.label in ("Exercise", "Operation")]
    people = [e for e in out.entities.values() if e.label == "Person"]
    for series in [*events, *people]:
        found = [e for e in events if e.id != series.id and EDITION.search(e.name) and
                 e.rule not in ("exercise.other_edition", "event.past_edition") and
                 e.properties.get("kind") != "phase" and
                 e.name.removeprefix("Exercise ")[:len(series.name) + 1] in
                 (f"{series.name} ", f"{series.name}-")]
        if len(found) > 1:
            found = _of_year(found, str(series.properties.get("date") or "")[:4]) or \
                _first_named(found)
        if len(found) == 1 and not any(
                {r.source, r.target} == {series.id, found[0].id}
                for r in out.relations.values()):
            out.merge(series.id, found[0].id)
    events = [e for e in out.entities.values() if e.label == "Exercise"]
    for short in events:
        full = next((e for e in events if e.id != short.id and _shortens(short.name, e.name)),
                    None)
        if full is not None:
            out.merge(short.id, full.id)


def _first_named(editions: list[Entity]) -> list[Entity]:
    """The first named of a series' editions, for a series told of undated (``Pitch Black
    26`` in the lead over ``Pitch Black 2024`` later): a report names its own edition first,
    in its headline or lead, and older or later ones only as background."""
    return [min(editions, key=lambda e: (min((start for start, _ in e.spans),
                                             default=float("inf")), e.id))]


def _of_year(editions: list[Entity], year: str) -> list[Entity]:
    """The editions named by the year the series is dated to (``Cutlass Express`` told of in
    February 2026 is Cutlass Express 2026, not the 2025 edition the report also names)."""
    return [e for e in editions if year and e.name.endswith((f" {year}", f"-{year}",
                                                             f" {year[2:]}", f"-{year[2:]}"))]


LEADING_YEAR = re.compile(r"^(?:19|20)\d\d\s+")


def _agreement_phrase(alias: str) -> str | None:
    """An agreement's phrase in the singular without its year (``2022 framework agreement``
    and ``framework agreements`` are ``framework agreement``); None for a bare noun."""
    words = LEADING_YEAR.sub("", alias.lower()).split()
    if len(words) < 2:
        return None
    last = words[-1]
    words[-1] = "memorandum" if last == "memoranda" else last[:-1] if last.endswith(
        ("agreements", "contracts", "deals", "accords", "treaties", "protocols")) else last
    if words[-1] == "treatie":
        words[-1] = "treaty"
    return " ".join(words)


def agreements(out: Extraction) -> None:
    """One agreement the report describes twice in the same words and year (``the 2022
    framework agreement``, then ``Poland signed framework agreements with South Korea in
    2022``) is one agreement, not two."""
    seen: dict[tuple[str, str], str] = {}
    for entity in [e for e in out.entities.values() if e.label == "Agreement" and
                   e.rule in ("agreement.described", "agreement.dated")]:
        year = str(entity.properties.get("date") or "")[:4]
        if not year or entity.id not in out.entities:
            continue
        phrases = sorted({p for p in map(_agreement_phrase, entity.aliases) if p})
        first = next((seen[(year, p)] for p in phrases if (year, p) in seen), None)
        if first is not None and first in out.entities:
            out.merge(entity.id, first)
            continue
        for phrase in phrases:
            seen.setdefault((year, phrase), entity.id)


def _shortens(short: str, full: str) -> bool:
    """Whether an edition's name is another's shortened (``NOCO 26`` for ``Northern Coasts
    26``): the same edition number after letters that begin each of its words in turn."""
    head, _, number = short.rpartition(" ")
    words = full.split()
    if not (head.isupper() and head.isalpha() and len(words) > 2 and words[-1] == number and
            number[:1].isdigit()):
        return False
    return _initials(head.lower(), [w.lower() for w in words[:-1]])


def _initials(letters: str, words: list[str]) -> bool:
    """Whether ``letters`` are a non-empty start of each word, word after word."""
    if not words:
        return not letters
    word = words[0]
    return any(letters[:n] == word[:n] and _initials(letters[n:], words[1:])
               for n in range(1, min(len(word), len(letters)) + 1))


IMPLIED = ("role.office", "org.office_of_title")
"""Rules of offices only implied by a title (folded into the office the report names)."""


def offices(out: Extraction) -> None:
    """A state's ministry or department also under the other spellings of its name, and one
    entity when two spell the same office (``Ministry of National Defence of Chile`` named,
    ``Ministry of Defence of Chile`` implied by a minister's title or by ``Chile's defence
    ministry``)."""
    offices = []
    for entity in out.entities.values():
        names = state_names().get(entity.id[:3].upper()) if entity.id[3:4] == "-" else None
        if names and entity.properties.get("kind") in ("ministry", "department"):
            generic = _generic_office(entity.id, names[0])
            entity.aliases = merge_list(entity.aliases, [
                *office_spellings(entity.name, list(names[:3])),
                *(office_spellings(generic, list(names[:3])) if generic else ()),
                *_owned_spellings(entity.id, entity.name, names[0])])
            offices.append(entity)
    for entity in offices:
        named = next((other for other in offices if other.id in out.entities and
                      other.id != entity.id and other.id[:4] == entity.id[:4] and
                      fold(other.name) in {fold(a) for a in entity.aliases} and
                      entity.rule in (*IMPLIED, "org.ministry_named")), None)
        if named is not None:
            out.merge(entity.id, named.id)
    _stateless_offices(out, [entity for entity in offices if entity.id in out.entities])


def _stateless_offices(out: Extraction, offices: list[Entity]) -> None:
    """An office named without its state (``the Department of Defence said``) is the one
    state's office of that name the report has (``Australia's Minister for Defence``): one
    entity, not two, the state's office whose own name begins so first; left alone when two
    states' offices could be meant."""
    bare = [entity for entity in out.entities.values() if entity.id[3:4] != "-" and
            entity.label == "Organization" and
            entity.properties.get("kind") in ("ministry", "department")]
    names = [(office, {fold(alias) for alias in (office.name, *office.aliases)})
             for office in offices] if bare else []
    for entity in bare:
        name = fold(entity.name)
        owners = [office for office, spellings in names if name in spellings]
        own = [office for office in owners if fold(office.name).startswith(f"{name} of ")]
        if len(own) == 1 or len(owners) == 1:
            out.merge(entity.id, (own or owners)[0].id)


def _owned_spellings(office: str, name: str, state: str) -> list[str]:
    """A state's office as English also names it, by the state's demonym or possessive before
    it (``Danish Ministry of Defence``, ``Denmark's Ministry of Defence``)."""
    core = name.removesuffix(f" of {state}")
    demonym = demonyms().get(office[:3].upper())
    if core == name:
        return []
    return [*([f"{demonym} {core}"] if demonym else []), f"{state}'s {core}"]


def _generic_office(office: str, state: str) -> str | None:
    """The plain English name of an office the state names its own way (``Ministry of Defence
    of Australia`` for its Department of Defence): reports and readers use both."""
    if office not in own_offices():
        return None
    target = office.split("-", 1)[1]
    words = " ".join(w if w in ("of", "and") else w.capitalize() for w in target.split("-"))
    return f"{words} of {state}"


SERVICE_WORDS = {"naval-forces": ("Navy", "Naval Forces"), "air-force": ("Air Force",),
                 "army": ("Army",),
                 "armed-forces": ("Armed Forces", "Defence Force", "Defense Force")}
"""What the name of a state's service says it is, by the id an office title gives it."""
SERVICE_NAMES = {"naval-forces": "Navy", "air-force": "Air Force", "army": "Army",
                 "armed-forces": "Armed Forces"}
"""How English names a state's service by its demonym (``the Norwegian Armed Forces``)."""


def services(out: Extraction) -> None:
    """One entity for a state's navy, air force or armed forces: the one implied by a chief's
    title (``Chief of Navy``) is the one the report names (``Royal Malaysian Navy``) when the
    report names exactly one of that kind for that state; else it is named as English names
    it, by the state's demonym (``the Norwegian Armed Forces``), its formal name an alias."""
    for implied in [e for e in out.entities.values() if e.rule in IMPLIED]:
        state, _, service = implied.id.partition("-")
        words = SERVICE_WORDS.get(service)
        if not words or state.upper() not in out.entities:
            continue
        named = [e for e in out.entities.values() if e.id != implied.id and
                 e.label in ("Unit", "Organization") and e.rule not in IMPLIED and
                 any(word in name for word in words for name in (e.name, *e.aliases)) and
                 (state.upper(), "PART_OF") in _owners(out, e.id)]
        if len(named) == 1:
            out.merge(implied.id, named[0].id)
        elif state.upper() in demonyms():
            implied.aliases = merge_list(implied.aliases, [
                implied.name, f"{state_names()[state.upper()][0]} {SERVICE_NAMES[service]}"])
            implied.name = f"{demonyms()[state.upper()]} {SERVICE_NAMES[service]}"


OWN_NAME_HEADS = {"Naval Forces": ("Navy", "Naval Forces"), "Air Force": ("Air Force",),
                  "Armed Forces": ("Armed Forces", "Defence Force", "Defense Force",
                                   "Defence Forces", "Defense Forces")}
"""Other heads a state's service goes by in its own name (``Naval Forces of Colombia``: the
Colombian Navy)."""
FORMAL_KINDS = ("ministry", "department", "government")
"""Bodies whose formal name (``Ministry of Defence of Norway``) readers look for."""


def _named_of_state(out: Extraction) -> Iterator[tuple[Entity, str]]:
    """Each state's body (not a ministry or government) named ``X of`` its state, with X."""
    for entity in list(out.entities.values()):
        state = state_names().get(entity.id[:3].upper()) if entity.id[3:4] == "-" else None
        if state and entity.properties.get("kind") not in FORMAL_KINDS and \
                entity.label in ("Organization", "Unit") and \
                entity.name.endswith(f" of {state[0]}"):
            yield entity, entity.name.removesuffix(f" of {state[0]}")


def own_names(out: Extraction) -> None:
    """A state's body named as the report names it (``the Norwegian Armed Forces``, ``the
    Seychelles Coast Guard``), not by the formal form built from it (``Armed Forces of
    Norway``), which stays an alias so ids and lookups still merge."""
    for entity, head in _named_of_state(out):
        heads = OWN_NAME_HEADS.get(head, (head,))
        own = next((alias for alias in (a.removeprefix("The ") for a in entity.aliases)
                    if _own_name(alias, heads)), None)
        if own is not None:
            entity.aliases = merge_list(entity.aliases, [entity.name])
            entity.name = own


def core_names(out: Extraction) -> None:
    """A state's body the report names ``X of`` its state (``the Peacekeeping Operations
    Training Centre of Kazakhstan's Ministry of Defence``) also goes by ``X`` alone, as readers
    name it; only a name of two words or more that the text itself puts before ``of``."""
    for entity, core in _named_of_state(out):
        if len(core.split()) > 1 and core not in OWN_NAME_HEADS and \
                any(alias.startswith(f"{core} of ") for alias in entity.aliases):
            entity.aliases = merge_list(entity.aliases, [core])


SEATS = ("Office", "Centre", "Center", "Commission", "Embassy", "Headquarters", "Secretariat")
"""Last words of a body that sits in one place and may be named with it (``the NATO Liaison
Office in Georgia``, ``the Combined Air Operations Centre at Torrejón``)."""
SEATED_AT = re.compile(r"[ \t]+(?:in|at)[ \t]+(?:the[ \t]+)?")


def seated_names(out: Extraction) -> None:
    """A body named right before the place it sits in (``the Indian High Commission in
    Colombo``) also goes by that longer name, as readers name one of several such bodies."""
    places = {start: out.text[start:end] for e in out.entities.values()
              if e.label in ("Location", "Country") for start, end in e.spans}
    if not places:
        return
    for entity in out.entities.values():
        if entity.label != "Organization" or not entity.name.endswith(SEATS):
            continue
        for start, end in entity.spans:
            gap = SEATED_AT.match(out.text, end)
            if gap is not None and gap.end() in places:
                seated = " ".join(out.text[start:gap.end()].split())
                entity.aliases = merge_list(entity.aliases, [f"{seated} {places[gap.end()]}"])


def _own_name(alias: str, heads: tuple[str, ...]) -> bool:
    """Whether ``alias`` is a proper name of one of ``heads`` with its state before it
    (``Colombian Navy``), not a possessive or a description (``Argentina's navy``)."""
    words = alias.split()
    return any(alias.endswith(f" {head}") for head in heads) and "'" not in alias and \
        "’" not in alias and all(word[:1].isupper() for word in words) and \
        words[0] not in ("The", "Coast", "Naval")


def _owners(out: Extraction, body: str) -> set[tuple[str, str]]:
    """The (target, type) of the relations that tie ``body`` upward."""
    return {(r.target, r.type) for r in out.relations.values() if r.source == body}


def ships(out: Extraction) -> None:
    """One entity per ship: a ship named without its prefix (``the Akizuki``) is the one
    the report names with it (``JS Akizuki``)."""
    prefixed = {}
    for entity in out.entities.values():
        prefix, _, name = entity.name.partition(" ")
        if entity.label == "Unit" and prefix in SHIPS and name:
            prefixed.setdefault(fold(name), entity.id)
    for entity in [e for e in out.entities.values() if e.label == "Unit"]:
        ship = prefixed.get(fold(entity.name))
        if ship is not None and ship != entity.id and entity.id in out.entities:
            out.merge(entity.id, ship)


CODE_APPOSED = re.compile(r"\b(?P<noun>battalion|company|contingent)\s*,\s*(?:(?:known|designated)"
                          r"\s+as\s+|called\s+)?$", re.I)
"""Before a contingent's code set off as its name: ``The new battalion, GHANBATT 7``, ``The
company, known as URUMECHCOY 12``."""
CODE_REACH = 60


def coded_units(out: Extraction) -> None:
    """A contingent the report names by its code right after its common noun (``The Fijian
    battalion, FIJIBATT 42``) is the one it described before by that noun and its state
    (``a Fijian battalion``): the code begins with the state's name, as UN contingents'
    codes do."""
    for coded in [e for e in out.entities.values() if e.rule == "name.battalion_code"]:
        start = min(coded.spans)[0]
        apposed = CODE_APPOSED.search(out.text, max(0, start - CODE_REACH), start)
        if apposed is None or coded.id not in out.entities:
            continue
        noun = apposed["noun"].lower()
        before = sorted((max(s for s, _ in e.spans if s < start), e.id)
                        for e in out.entities.values()
                        if e.label == "Unit" and e.id != coded.id and
                        e.rule != "name.battalion_code" and noun in e.name.lower() and
                        " of " in e.name and
                        e.name.rsplit(" of ", 1)[1][:3].upper() == coded.name[:3] and
                        any(s < start for s, _ in e.spans))
        if before:
            out.merge(before[-1][1], coded.id)


VENTURE_NAMED = re.compile(
    r"\b(?:[Tt]he|[Aa])\s+(?:joint\s+venture|company|venture)(?:,?\s+(?:to\s+be\s+)?(?:called|"
    r"named|known\s+as))?,?\s+(?P<name>[A-Z][\w&’'.-]*(?:\s+[A-Z][\w&’'.-]*){0,5}),|"
    r"(?P<before>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}),\s+(?:[A-Z][\w-]*['’]s\s+)?"
    r"joint\s+venture\b")
"""A joint venture given its name: ``The joint venture, to be called Hanwha-HSW Artillery
Systems,``, ``creates a company, ZVS-UDI Munitions,``, ``Kership, Piriou's joint venture``."""


def ventures(out: Extraction) -> None:
    """The joint venture a report describes (``agreed to set up a joint venture``) is the
    company it names as the venture: one entity, under the company's name."""
    described = [e for e in out.entities.values()
                 if e.rule == "described.organization" and fold(e.name) == "joint venture"]
    if len(described) != 1:
        return
    names = {fold(m["name"] or m["before"]).rstrip(".") for m in VENTURE_NAMED.finditer(out.text)}
    named = [e for e in out.entities.values() if e.label == "Organization" and
             e.id != described[0].id and
             names & {fold(a).rstrip(".") for a in (e.name, *e.aliases)}]
    if len(named) == 1:
        out.merge(described[0].id, named[0].id)


JOINT_WORDS = (("communiqu", "statement"), ("statement", "statement"),
               ("declaration", "declaration"))
"""Words of the joint documents a meeting adopts, by the kind they are recorded as."""


def joint_documents(out: Extraction) -> None:
    """A joint statement, communiqué or declaration the report first describes and then
    names (``adopted a joint communiqué``, then ``In the Nuku'alofa Communiqué``) is one
    document: when the report names one document of that kind and describes one, not dated
    apart, the described one is the named one."""
    for word, kind in JOINT_WORDS:
        named = [e for e in out.entities.values() if e.label == "Agreement" and
                 e.rule != "agreement.described" and word in e.name.lower()]
        described = [e for e in out.entities.values() if e.label == "Agreement" and
                     e.rule == "agreement.described" and e.properties.get("kind") == kind and
                     any(word in alias.lower() for alias in e.aliases)]
        if len(named) != 1 or len(described) != 1:
            continue
        years = {str(e.properties.get("date") or "")[:4] for e in (*named, *described)} - {""}
        if len(years) > 1 or min(s for s, _ in described[0].spans) > \
                min(s for s, _ in named[0].spans):
            continue
        out.merge(described[0].id, named[0].id)


PHRASE_EVENTS = ("Meeting", "Exercise")
PHRASE_LEFT = re.compile(
    r"(?:(?P<year>(?<![\w’'-])(?i:last|next|this)\s+year['’]s\s+)|"
    r"(?P<count>(?<![\w’'-])(?i:[\w-]+)\s+(?i:rounds?|days?|weeks?|sessions?)\s+of\s+)|"
    r"(?<![\w’'-])(?i:an?|the|their|its|his|her|our|another|this)\s+)"
    r"(?P<words>(?:(?!(?i:and|or|of|in|at|on|for|with|to|by|from|as|is|was|were|are|will|"
    r"would|be|been|has|have|had|that|which|who|an?|the|their|its|this|after|before|during)\s)"
    r"[\w’'-]+[ \t]+){0,4})$")
"""Before an event's words, the rest of the noun phrase the report tells it by, back to its
article or count: ``a short staff exercise``, ``their second joint planning meeting``,
``three rounds of talks``, ``next year's desert course``."""


PHRASE_RIGHT = re.compile(r"[ \t]+(?P<word>[\w’'-]+)")
RIGHT_STOPS = frozenset((
    "in", "at", "is", "was", "were", "are", "will", "would", "be", "been", "has", "have",
    "had", "which", "that", "who", "during", "since", "after", "before", "when", "while",
    "as", "but", "from", "by", "than", "this", "next", "last", "due", "set", "can", "could",
    "may", "might", "should", "must", "not", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "january", "february", "march", "april", "june",
    "july", "august", "september", "october", "november", "december"))
"""Words after an event's words where the phrase telling of it has ended: a verb (as any
word in ``-ed``), a clause, or the place or time it is set in (a day, a month, a number)."""
RIGHT_OPEN = frozenset(("and", "of", "on", "for", "with", "to", "the", "a", "an", "its",
                        "their", "between", "against", "over", "or"))
"""Words a phrase telling of an event does not end on."""


def _right_ends(text: str, end: int, reach: int = 5) -> list[int]:
    """Where the phrase after an event's words may end, within ``reach`` words: before each
    word it cannot end on, and at its last (``amphibious landing and evacuation of
    civilians``, ``a course for the Coast Guard's boarding teams``)."""
    found: list[int] = []
    at, words, last = end, 0, None
    while words < reach:
        word = PHRASE_RIGHT.match(text, at)
        if word is None:
            break
        lowered = word["word"].lower()
        if lowered in RIGHT_STOPS or lowered.endswith("ed") or lowered[0].isdigit():
            break
        if lowered in RIGHT_OPEN and last is not None:
            found.append(last)
        words += 1
        at = word.end()
        last = at if lowered not in RIGHT_OPEN else None
    if last is not None:
        found.append(last)
    return found


def phrase_aliases(out: Extraction) -> None:
    """A meeting or exercise also goes by the whole phrase the report tells it by, its
    modifiers before its words and what follows them included (``an earlier regional naval
    drill``, ``the talks on coastal radar``), the names an analyst keeps as its aliases.

    >>> from ingest.extract.facts import Mention
    >>> out = Extraction("r", "They began a short staff exercise after three rounds of talks.")
    >>> _ = out.add(Mention(19, 33, "staff exercise", "Exercise", "x", "staff exercise"))
    >>> _ = out.add(Mention(56, 61, "talks", "Meeting", "m", "talks"))
    >>> phrase_aliases(out)
    >>> out.entities["x"].aliases, out.entities["m"].aliases
    (['staff exercise', 'short staff exercise'], ['talks', 'three rounds of talks'])
    """
    text = out.text
    for entity in out.entities.values():
        if entity.label not in PHRASE_EVENTS:
            continue
        found = []
        for start, end in entity.spans:
            left = PHRASE_LEFT.search(text, max(0, start - 60), start)
            begins = [start]
            if left is not None and (left["words"] or left["count"] or left["year"]):
                begins.append(next(left.start(g) for g in ("count", "year", "words")
                                   if left[g] is not None))
            ends = [end, *_right_ends(text, end)]
            found += [" ".join(text[b:e].split()) for b in begins for e in ends
                      if (b, e) != (start, end)]
        entity.aliases = merge_list(entity.aliases, found)
