"""Where a formation belongs when the report does not say: a squadron in an air force, a fleet
in a navy, a battalion in an army (or in the armed forces of a state that names no army), read
from the one service of its kind in its sentence, else the one in the report."""

from __future__ import annotations

import re
from bisect import bisect_right

from ingest.extract.facts import Entity, Extraction
from ingest.extract.names import SHIP_STATES
from ingest.extract.sentences import Sentence

FORMATION_BRANCH = (
    ("navy", re.compile(r"\b(?:Fleet|Flotilla|Naval|Frigates|Escort|Submarine)\b")),
    ("air", re.compile(r"\b(?:Squadron|Wing|Aviation|Fighter|Airlift)\b|\bAir\s+(?:Group|Brigade|"
                       r"Defen[cs]e\s+Group)\b")),
    ("land", re.compile(r"\b(?:Battalion|Regiment|Brigade|Division|Rifles|Battery)\b|" +
                        r"\b[A-Z]{2,}(?:BATT?|COY)[- ]?\d+\b")),
)
"""The service a formation's name says it belongs to, the first that matches (a peacekeeping
contingent's code, ``FIJIBATT 42``, ``URUMECHCOY 12``: a battalion, a company)."""
ROTATION = re.compile(r"^(?P<code>[A-Z]{2,}(?:BATT?|COY))[- ]?\d+$")
"""A contingent's code and rotation number (``GHANBATT 7``, ``BANBAT-15``): one state's
contingents in a mission, each relieving the last."""
SERVICE_BRANCH = (
    ("navy", re.compile(r"\b(?:Navy|Naval\s+Forces|Maritime\s+Self-Defen[cs]e\s+Force)$|"
                        r"^Naval\s+Forces\s+of\s")),
    ("air", re.compile(r"\b(?:Air\s+Force|Air\s+and\s+Space\s+Force|Air\s+Self-Defen[cs]e\s+"
                       r"Force)$|^Air\s+(?:and\s+Space\s+)?Force\s+of\s")),
    ("land", re.compile(r"\b(?:Army|Land\s+Forces|Ground\s+Forces)$|"
                        r"^(?:Army|Land\s+Forces)\s+of\s")),
    ("forces", re.compile(r"\b(?:Armed\s+Forces|Defen[cs]e\s+Forces?|Military\s+Forces|"
                          r"Bundeswehr)$|^Armed\s+Forces\s+of\s")),
)
"""What a service's name says it is: a navy, an air force, an army or a state's forces."""
OF_WHOLE = re.compile(r"\s+of\s+(?:the\s+)?(?P<whole>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){1,4})$")
"""The end of a body's name that names the body it belongs to: ``... of the Nepal Army``."""
OFFICES = ("ministry", "department", "headquarters", "government", "agency")
"""Kinds of body that hold offices, staffs and agencies rather than forces."""
LEGAL_FORMS = frozenset(("Limited", "Ltd", "Inc", "LLC", "PLC", "JSC", "AG", "GmbH", "SpA", "SA",
                         "Co", "Corp", "Corporation", "Company"))
"""Words that after a company's name name the same company (``Mazagon Dock Shipbuilders
Limited``), not a part of it."""


def part_of_targets(out: Extraction) -> dict[str, list[str]]:
    """What each entity is stated to be PART_OF, in the order the relations were made."""
    parents: dict[str, list[str]] = {}
    for relation in out.relations.values():
        if relation.type == "PART_OF":
            parents.setdefault(relation.source, []).append(relation.target)
    return parents


def _branch(name: str, branches: tuple[tuple[str, re.Pattern[str]], ...]) -> str | None:
    return next((branch for branch, words in branches if words.search(name)), None)


def _sentences_of(entity: Entity, starts: list[int]) -> set[int]:
    """The indexes of the sentences ``entity`` is named in."""
    return {bisect_right(starts, start) - 1 for start, _ in entity.spans}


def formations(out: Extraction, sentences: list[Sentence]) -> None:
    """A formation tied to no larger body, or only to its state, is PART_OF the service of
    its kind (an army's battalions, an air force's squadrons: the state's forces when it names
    no army) named with it in a sentence, else the only one the report names (of its state,
    when the state is known); a ship named after its type, of its state's one navy."""
    starts = [sentence.start for sentence in sentences]
    services: dict[str, list[Entity]] = {}
    for entity in out.entities.values():
        if entity.label in ("Unit", "Organization") and entity.properties.get("kind") != "ship":
            branch = _branch(entity.name, SERVICE_BRANCH)
            if branch is not None:
                services.setdefault(branch, []).append(entity)
    parents = part_of_targets(out)
    countries = {c.id: _sentences_of(c, starts) for c in out.entities.values()
                 if c.label == "Country"}
    for formation in list(out.entities.values()):
        above = parents.get(formation.id, [])
        states = [t for t in above if out.entities[t].label == "Country"]
        branch = _branch(formation.name, FORMATION_BRANCH) if formation.label == "Unit" else None
        if formation.rule == "unit.ship":
            branch = "navy" if states else None
        if branch is None or formation.rule == "gazetteer" or \
                _branch(formation.name, SERVICE_BRANCH) is not None or \
                len(above) != len(states) or len(states) > 1:
            continue
        candidates = services.get(branch) or (services.get("forces", []) if branch == "land"
                                              else [])
        near = _sentences_of(formation, starts)
        if states:
            chosen = _of_state(states[0], branch, services, parents, out)
        else:
            named = {c for c, where in countries.items() if where & near}
            chosen = [s for s in candidates if _sentences_of(s, starts) & near and
                      named <= _states(s.id, parents, out)]
            state = _state_before(out, formation, starts) if len(chosen) != 1 else None
            if state is not None:
                chosen = _of_state(state, branch, services, parents, out)
            if state is not None and not chosen and not above:
                out.relate("PART_OF", formation.id, state, formation.spans[0],
                           "formation.of_state", 0.4)
        if len(chosen) != 1:
            continue
        for state in states:
            relation = out.relations.pop((formation.id, "PART_OF", state))
            for span in relation.spans:
                out.relate("PART_OF", formation.id, chosen[0].id, span,
                           "formation.of_service", relation.confidence)
        if not states:
            out.relate("PART_OF", formation.id, chosen[0].id, formation.spans[0],
                       "formation.of_service", 0.45)
    state_offices(out, starts)


STATE_OFFICE = re.compile(r"^(?:(?:Joint|Joint\s+General|(?:Integrated\s+)?Defen[cs]e)\s+Staff"
                          r"(?:\s+of\s+the\s+Armed\s+Forces)?|Joint\s+Command\s+of\s+the\s+Armed"
                          r"\s+Forces|Department\s+of\s+(?:National\s+)?Defen[cs]e|Defen[cs]e\s+"
                          r"Headquarters|National\s+(?:Assembly|Diet|Security\s+Council)|"
                          r"Constitutional\s+Court|Council\s+of\s+Ministers|Chamber\s+of\s+Deputies)$")
"""A state's defence staff, joint command, defence department, legislature, court or cabinet
named without its state (``the Joint Staff of the Armed Forces``, ``Defence Headquarters``,
``the National Assembly``): a body of one state."""


def state_offices(out: Extraction, starts: list[int]) -> None:
    """A state's staff or defence department named without its state and tied to no larger
    body is PART_OF the state named last before it in the sentence that first names it."""
    parents = part_of_targets(out)
    for body in list(out.entities.values()):
        if body.label != "Organization" or body.id in parents or \
                not STATE_OFFICE.match(body.name):
            continue
        state = _state_before(out, body, starts)
        if state is not None:
            out.relate("PART_OF", body.id, state, min(body.spans), "formation.state_office", 0.45)


def _of_state(state: str, branch: str, services: dict[str, list[Entity]],
              parents: dict[str, list[str]], out: Extraction) -> list[Entity]:
    """The services of ``branch`` of ``state``; for a land formation of a state that has no
    army in the report, its forces (``Armed Forces of Chile``), though other states' armies
    are named."""
    found = [s for s in services.get(branch, []) if state in _states(s.id, parents, out)]
    if not found and branch == "land":
        found = [s for s in services.get("forces", []) if state in _states(s.id, parents, out)]
    return found


def rotations(out: Extraction) -> None:
    """A contingent tied to no larger body is PART_OF the state or service another rotation of
    the same code is (``GHANBATT 7`` of the Ghana Armed Forces relieved ``GHANBATT 6``: the
    same army's): a mission's code names one state's contingent, rotation after rotation."""
    codes: dict[str, list[Entity]] = {}
    for entity in out.entities.values():
        if entity.label == "Unit":
            for code in sorted({m["code"] for n in (entity.name, *entity.aliases)
                                for m in [ROTATION.match(n)] if m}):
                codes.setdefault(code, []).append(entity)
    if not codes:
        return
    _described_coded(out, codes)
    parents = part_of_targets(out)
    for _, units in sorted(codes.items()):
        owners = sorted({t for unit in units for t in parents.get(unit.id, ())
                         if out.entities[t].label == "Country" or
                         _branch(out.entities[t].name, SERVICE_BRANCH) is not None})
        if len(owners) != 1:
            continue
        for unit in units:
            if unit.id not in parents:
                out.relate("PART_OF", unit.id, owners[0], unit.spans[0], "formation.rotation",
                           0.45)


CODED = {"battalion": ("BATT", "BAT"), "company": ("COY",), "unit": ("BATT", "BAT", "COY")}
"""The head noun of a state's unit told in lower case and the endings of the contingent codes
it can stand for: a battalion is a ``...BATT``, a company a ``...COY``, a unit either."""


def _described_coded(out: Extraction, codes: dict[str, list[Entity]]) -> None:
    """A state's unit told by its head noun (``Zambian battalion takes over in Bria``) where
    the report names that state's contingent by its code (``ZAMBATT 11``, ``ZAMBATT 10``) is
    the coded contingent named first: the words describe the contingent the code names."""
    parents = part_of_targets(out)
    named = {e.id for units in codes.values() for e in units}
    for unit in [e for e in out.entities.values() if e.rule == "described.unit" and
                 e.id not in named]:
        head = unit.name.split(" of ")[0].split()[-1].lower()
        states = _states(unit.id, parents, out)
        if head not in CODED or len(states) != 1:
            continue
        prefix = out.entities[min(states)].name[:3].upper()
        coded = sorted((min(e.spans), e.id) for code, units in codes.items() for e in units
                       if code.startswith(prefix) and code.endswith(CODED[head]))
        if coded and coded[0][1] != unit.id:
            out.merge(unit.id, coded[0][1])


SHIPS_BELONG = re.compile(
    r"\b[Tt]he\s+(?:(?:two|three|four|five|six)\s+)?(?P<noun>ships?|vessels?|boats?|warships?|"
    r"frigates?|corvettes?|destroyers?|submarines?)(?:\s+belongs?\s+to|,\s+(?:both\s+)?part\s+of"
    r"|\s+(?:is|are|was|were)\s+(?:both\s+)?(?:part\s+of|assigned\s+to|attached\s+to))\s+")
"""A sentence saying where the ships named before belong: ``The ships belong to the Indian
Navy's Eastern Fleet``, ``The ships, part of the Mumbai-based Western Fleet, ...``."""
FLEET = re.compile(r"\b(?:Fleet|Flotilla|Squadron)\b")
FLEET_REACH = 60
"""How far after ``belong to`` the fleet's name may begin (past its navy's: ``the Indian
Navy's Eastern Fleet``)."""


def is_ship(entity: Entity) -> bool:
    """Whether an entity is a ship: a unit found as one, or named with a navy's prefix."""
    return entity.label == "Unit" and (entity.properties.get("kind") == "ship" or
                                       entity.rule == "unit.ship" or
                                       entity.name.split()[0] in SHIP_STATES)


def fleets(out: Extraction, sentences: list[Sentence]) -> None:
    """Ships a sentence says belong to a fleet or squadron (``The ships belong to the Eastern
    Fleet``: the ships named before it, of the fleet's navy; ``the ship``: the last of them)
    are PART_OF the fleet, in place of the navy."""
    fleets_at = sorted((span[0], entity) for entity in out.entities.values()
                       if entity.label == "Unit" and FLEET.search(entity.name) and
                       not is_ship(entity) for span in entity.spans)
    if not fleets_at:
        return
    parents = part_of_targets(out)
    for sentence in sentences:
        found = SHIPS_BELONG.search(out.text, sentence.start, sentence.end)
        if found is None:
            continue
        fleet = next((e for start, e in fleets_at if found.end() <= start <
                      min(found.end() + FLEET_REACH, sentence.end)), None)
        if fleet is None or not parents.get(fleet.id):
            continue
        navies = set(parents[fleet.id])
        ships = sorted((min(e.spans)[0], e.id) for e in out.entities.values() if is_ship(e)
                       and min(e.spans)[0] < found.start() and set(parents.get(e.id, ())) &
                       navies)
        if not found["noun"].endswith("s"):
            ships = ships[-1:]
        for _, ship in ships:
            for navy in sorted(navies & set(parents[ship])):
                relation = out.relations.pop((ship, "PART_OF", navy))
                for span in relation.spans:
                    out.relate("PART_OF", ship, fleet.id, span, "formation.ships_belong",
                               relation.confidence)
            out.relate("PART_OF", ship, fleet.id, (found.start(), sentence.end),
                       "formation.ships_belong", 0.55)


PLACE_BEFORE = re.compile(r"\b(?:in|to|for|into|at|across|near|off)\s+(?:the\s+)?(?:(?:south|"
                          r"north|east|west|southern|northern|eastern|western|central)\s+)?$",
                          re.I)
"""Before a state named as a place (``left for south Lebanon``), not as the one a unit is of."""


def _state_before(out: Extraction, formation: Entity, starts: list[int]) -> str | None:
    """The state named last before a formation in the sentence that first names it (``Spain's
    contribution is an A400M of the 31st Wing``, ``a South African Air Force Super Lynx of 22
    Squadron``): in a sentence naming several states, the one the formation is told of."""
    start = min(formation.spans)[0]
    opening = starts[bisect_right(starts, start) - 1] if starts and starts[0] <= start else 0
    before = [(span[0], entity.id) for entity in out.entities.values()
              if entity.label == "Country" for span in entity.spans
              if opening <= span[0] < start and not PLACE_BEFORE.search(out.text, opening,
                                                                        span[0])]
    return max(before)[1] if before else None


def _prefixes(entity: Entity) -> list[str]:
    """The names a body's parts may be named after: its name, and its aliases that are
    acronyms (``PLA``) or proper names of two words or more (``Defence Forces``)."""
    found = [entity.name]
    for alias in entity.aliases:
        words = alias.split()
        if (alias.isupper() and alias.isalpha() and len(alias) > 1) or (
                len(words) > 1 and all(w[:1].isupper() for w in words)):
            found.append(alias)
    return found


def named_within(out: Extraction) -> None:
    """A body named after a larger one of the report (``PLA Southern Theater Command``,
    ``Hellenic Navy General Staff``, ``Defence Forces Training Centre``) is PART_OF it (in
    place of its state, when that is the larger body's too)."""
    named: dict[str, set[str]] = {}
    for entity in out.entities.values():
        if entity.label in ("Organization", "Unit") and entity.properties.get("kind") != "ship":
            for name in _prefixes(entity):
                named.setdefault(name, set()).add(entity.id)
    wholes = {name: out.entities[next(iter(ids))] for name, ids in named.items()
              if len(ids) == 1}
    parents = part_of_targets(out)
    for body in list(out.entities.values()):
        if body.label not in ("Organization", "Unit"):
            continue
        whole = _whole(body, wholes)
        above = parents.get(body.id, [])
        if whole is None or whole.id in above or any(
                out.entities[t].label != "Country" for t in above) or \
                not set(above) <= _states(whole.id, parents, out):
            continue
        for state in above:
            relation = out.relations.pop((body.id, "PART_OF", state))
            for span in relation.spans:
                out.relate("PART_OF", body.id, whole.id, span, "structure.named_within",
                           relation.confidence)
        if not above:
            out.relate("PART_OF", body.id, whole.id, body.spans[0], "structure.named_within",
                       0.5)


def _whole(body: Entity, wholes: dict[str, Entity]) -> Entity | None:
    """The body of the report whose name ``body``'s name or alias begins with, the longest,
    followed by a capitalised word, else the one it ends with after ``of`` (``Directorate of
    Public Relations of the Nepal Army``); None for a company named again with its legal
    form."""
    found = None
    for name in (body.name, *body.aliases):
        words = name.split()
        while words and words[-1].rstrip(".") in LEGAL_FORMS:
            words.pop()
        if len(words) < len(name.split()) and " ".join(words) in wholes:
            return None
        size = name.rfind(" ", 1)  # each space after the first character, the last first
        while size > 0:
            whole = wholes.get(name[:size]) if name[size + 1:size + 2].isupper() else None
            if whole is not None and whole.id != body.id:
                if found is None or len(whole.name) > len(found.name):
                    found = whole
                break
            size = name.rfind(" ", 1, size)
        tail = OF_WHOLE.search(name)
        whole = wholes.get(tail["whole"]) if tail else None
        if found is None and whole is not None and whole.id != body.id:
            found = whole
    return found


def nearest(out: Extraction) -> None:
    """A unit PART_OF a larger body of its state (its forces, a service, a formation, not an
    office) is not also PART_OF the state itself: the nearest whole is the one stated (``the
    Ghana Armed Forces' Special Forces Regiment``), nor of a body its nearer whole is part
    of (a ship of the Fourth Fleet is not also the Navy's)."""
    parents = part_of_targets(out)
    for body, above in parents.items():
        if out.entities[body].label != "Unit":
            continue
        states = {t for t in above if out.entities[t].label == "Country"}
        wholes = [t for t in above if out.entities[t].label != "Country" and
                  out.entities[t].properties.get("kind") not in OFFICES]
        for whole in wholes:
            if any(whole in parents.get(other, ()) for other in wholes):
                del out.relations[(body, "PART_OF", whole)]
        if not states or not wholes:
            continue
        covered = set().union(*(_states(whole, parents, out) for whole in wholes))
        for state in states & covered:
            del out.relations[(body, "PART_OF", state)]


def _states(body: str, parents: dict[str, list[str]], out: Extraction, depth: int = 0) -> set[str]:
    """The states a body is PART_OF, directly or through the bodies it is part of."""
    found = set()
    for target in parents.get(body, []):
        if out.entities[target].label == "Country":
            found.add(target)
        elif depth < 3:
            found |= _states(target, parents, out, depth + 1)
    return found


POSTED_IN = re.compile(r"\s+in\s+(?:the\s+)?(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})$")
"""The end of a unit's name that says where it is posted: ``French Elements in Gabon``."""


def posted(out: Extraction) -> None:
    """A unit named after the state or place it is posted in (``French Elements in Gabon``),
    not its own state, is DEPLOYED_TO it."""
    places: dict[str, str] = {}
    for entity in sorted(out.entities.values(), key=lambda e: e.id):
        if entity.label in ("Country", "Location"):
            for name in (entity.name, *entity.aliases):
                places.setdefault(name, entity.id)
    own = {(r.source, r.target) for r in out.relations.values() if r.type == "PART_OF"}
    for unit in sorted((e for e in out.entities.values() if e.label == "Unit"),
                       key=lambda e: e.id):
        for alias in (unit.name, *unit.aliases):
            found = POSTED_IN.search(alias)
            place = places.get(found["place"]) if found else None
            if place is not None and (unit.id, place) not in own:
                out.relate("DEPLOYED_TO", unit.id, place, unit.spans[0], "formation.posted_in",
                           0.55)
                break
