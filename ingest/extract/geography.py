"""Geography from what we know: a place the report names is LOCATED_IN its state when the
dictionaries know the state (``Aktau`` → Kazakhstan) and the report names that state,
though the text does not say it; marked as inferred by its rule and a lower confidence."""

from __future__ import annotations

import re

from ingest.extract.facts import OPEN_WATER, Extraction, Mention, Relation
from ingest.extract.gazetteer import (
    capital_states,
    extras,
    fold_name,
    region_states,
    region_towns,
    sovereigns,
    territories,
    town_states,
)
from ingest.extract.slugs import slug
from ingest.extract.syntax import Annotated

KNOWN = 0.45
"""Confidence of a place's state taken from the dictionaries."""
QUALIFIED = 0.6
"""Confidence of a place's state read from the words that qualify it."""
PLACE_NOUNS = frozenset(("city", "town", "port", "village", "province", "region", "district",
                         "county", "state", "island", "islands", "enclave", "capital"))
"""Nouns a place is named after (``the city of Tulcán``)."""
TOWN = 0.4
"""Confidence of a place's state taken from the towns file (a name many towns share)."""
PLACE_TAIL = re.compile(r"\s+(?:(?:military\s+|army\s+)?training\s+(?:area|ground)s?|"
                        r"(?:firing\s+)?range|(?:air|naval|military|army)\s+base|base|airbase|"
                        r"air\s+station|airfield|airport|garrison|barracks|port|island|"
                        r"municipality|district|region|province|county|department|prefecture)$",
                        re.IGNORECASE)
"""The words a town's name takes when it names a site there (``Pabradė training area``)."""
REGION_TAIL = re.compile(r"\s+(?:region|province|county|state|district|department|"
                         r"prefecture|oblast|governorate)$", re.IGNORECASE)
"""The words a region's name takes for its kind (``Putumayo department``)."""
REGION_KINDS = (None, "region", "district")
"""The kinds of place that may be a region holding towns (not a city, sea or base)."""
DISTRICT = 4
"""How many times more towns a region holds than a district of it that has towns of its
own (``Karasjok`` in ``Finnmark``; not a province in a province)."""
NAMED_AFTER = 0.55
"""Confidence of a site's place read from its name (``the Lomé naval base`` is in Lomé)."""
SITE_NAMED = re.compile(r"(?:(?:Autonomous\s+)?Port\s+of\s+|Port\s+)(?P<after>[A-Z].+)|"
                        r"(?P<before>[A-Z].+?)\s+(?i:(?:international\s+)?port|naval\s+"
                        r"(?:base|complex|station))")
"""A port or naval base named after the town it is in: ``Lomé naval base``, ``Cam Ranh
International Port``, ``Port of Colombo`` (an air base or barracks is as often called by
the town's name alone, which then names the base)."""
LANDMARK = re.compile(r",?\s+(?:(?:an?|the)\s+(?:[\w’'-]+\s+){0,2}?)?(?:just\s+|about\s+\d+\s*"
                      r"(?:km|kilometres|kilometers|miles)\s+)?(?:near|outside|(?:(?:north|"
                      r"south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+of)\s+(?:the\s+)?")
"""Between a place and a town given as its landmark: ``Lungi, near Freetown``, ``the
Iliysky training ground north of Almaty``, ``an island north of Malé``."""
GUESSED = frozenset(("place.described",))
"""Rules whose place's state is only the report's home state, not known (nor where the
report names such a place again: ``the Artibonite department``, then ``Artibonite``)."""


def locate(annotated: Annotated, out: Extraction) -> None:
    """LOCATED_IN for every place of the report whose state the dictionaries know, unless
    the report puts it in a region or other place (``Rovaniemi, in Lapland``): the nearest
    container stated is the place's location, the state is that container's (a sea holds
    no state: a port on it still lies in its own); a town's name the report gives a ship or
    unit (``the frigate Hamburg``) places nothing."""
    named_after(out)
    within = {relation.source for relation in out.relations.values()
              if relation.type == "LOCATED_IN" and
              out.entities[relation.target].label == "Location" and
              out.entities[relation.target].properties.get("kind") != "sea"}
    known: list[tuple[Mention, str, str]] = []
    named = {territories()[fold_name(entity.name)]: entity.id for entity in out.entities.values()
             if entity.label == "Location" and fold_name(entity.name) in territories()}
    """The dependent territories the report names as places, by ISO3 code."""
    for place in annotated.mentions:
        if place.label != "Location" or place.id not in out.entities or \
                place.role == "qualifier" or out.entities[place.id].label != "Location":
            continue
        guessed = place.rule in GUESSED or out.entities[place.id].rule in GUESSED
        state = place.role[3:] if place.role.startswith("in:") and not guessed else \
            extras().get(("Location", place.id))
        qualified = qualifier_state(annotated, place)
        if qualified in out.entities:
            out.relate("LOCATED_IN", place.id, qualified, place.span, "geography.qualified",
                       QUALIFIED)
        elif state in out.entities and place.id not in within:
            known.append((place, state, "geography.dictionary"))
        elif state is None and place.id not in within and \
                (held := held_state(place, out)) is not None:
            known.append((place, held, "geography.held"))
        elif state is None and place.id not in within:
            region = town_state(place, out, region_states())
            town = territory_place(place, named) or town_state(place, out, town_states())
            if town is not None and region in (None, town):
                known.append((place, town, "geography.town"))
            elif region is not None:
                known.append((place, region, "geography.region"))
    within |= in_regions(out, known)
    for place, state, rule in known:
        if place.id not in within:
            out.relate("LOCATED_IN", place.id, state, place.span, rule,
                       KNOWN if rule == "geography.dictionary" else TOWN)
    landmarks(annotated, out)


def landmarks(annotated: Annotated, out: Extraction) -> None:
    """A place given only by a town it lies near or off (``Lungi, near Freetown``, ``the
    Iliysky training ground north of Almaty``) lies in that town's state, when nothing else
    places it: a landmark is named from the same country far more often than across a
    border."""
    placed = {r.source for r in out.relations.values() if r.type == "LOCATED_IN"}
    states = {r.source: r.target for r in out.relations.values()
              if r.type == "LOCATED_IN" and out.entities[r.target].label == "Country"}
    starts = {m.start: m for m in annotated.mentions if m.label == "Location"}
    for place in annotated.mentions:
        if place.label != "Location" or place.id in placed or place.id not in out.entities \
                or out.entities[place.id].properties.get("kind") in OPEN_WATER:
            continue
        near = LANDMARK.match(annotated.text, place.end)
        town = starts.get(near.end()) if near is not None else None
        if town is not None and town.id != place.id and town.id in states:
            out.relate("LOCATED_IN", place.id, states[town.id], place.span,
                       "geography.landmark", TOWN)
            placed.add(place.id)


def in_regions(out: Extraction, known: list[tuple[Mention, str, str]]) -> set[str]:
    """A town lies in a region of its state that the report names when GeoNames has a town
    or district of its name there (``Hammerfest`` in ``Finnmark``); of two such regions,
    in the one with fewer towns; a place with towns of its own only in a region of many
    more: the ids of the towns so placed."""
    inside = region_towns()
    states = {place.id: state for place, state, _ in known}
    for relation in out.relations.values():
        if relation.type == "LOCATED_IN" and out.entities[relation.target].label == "Country":
            states.setdefault(relation.source, relation.target)
    regions: dict[str, frozenset[str]] = {}
    for entity in out.entities.values():
        towns = inside.get(fold_name(REGION_TAIL.sub("", entity.name.removeprefix("the ")))) \
            if entity.label == "Location" and entity.properties.get("kind") in REGION_KINDS \
            else None
        if towns and entity.id in states:
            regions[entity.id] = towns
    placed: set[str] = set()
    for place, state, _ in known:
        names = {bare_name(place.name), bare_name(place.text)}
        kind = out.entities[place.id].properties.get("kind")
        if place.id in placed or kind not in (None, "city"):
            continue
        own = max(len(inside.get(name, ())) for name in names)
        around = sorted((len(towns), region) for region, towns in regions.items()
                        if states[region] == state and region != place.id and names & towns
                        and own * DISTRICT < len(towns))
        if around:
            out.relate("LOCATED_IN", place.id, around[0][1], place.span,
                       "geography.region_town", TOWN)
            placed.add(place.id)
    return placed


def bare_name(name: str) -> str:
    """A place's folded name without ``the`` and the word for its kind."""
    return fold_name(PLACE_TAIL.sub("", name.removeprefix("the ")))


def named_after(out: Extraction) -> None:
    """A port named after a town the report names lies in it: ``the Lomé naval base`` and
    ``the Autonomous Port of Lomé`` are in Lomé."""
    towns: dict[str, str] = {}
    for entity in out.entities.values():
        if entity.label == "Location" and entity.properties.get("kind") == "city":
            for name in (entity.name, *entity.aliases):
                towns.setdefault(fold_name(name), entity.id)
    for site in list(out.entities.values()):
        named = SITE_NAMED.fullmatch(site.name) if site.label == "Location" else None
        town = towns.get(fold_name(named["after"] or named["before"])) if named else None
        if town is not None and town != site.id:
            out.relate("LOCATED_IN", site.id, town, site.spans[0], "geography.named_after",
                       NAMED_AFTER)


def held_state(place: Mention, out: Extraction) -> str | None:
    """The state a capital or a dependent territory named as a place belongs to, when the
    report names that state: ``Tallinn`` is in Estonia, ``Martinique`` in France."""
    for name in (place.name, place.text):
        folded = fold_name(name.removeprefix("the "))
        state = capital_states().get(folded) or sovereigns().get(territories().get(folded, ""))
        if state in out.entities and out.entities[state].label == "Country":
            return state
    return None


def territory_place(place: Mention, named: dict[str, str]) -> str | None:
    """The dependent territory the report names that the largest town of a place's name
    lies in (``Nuuk`` in ``Greenland``), rather than the state that holds it."""
    states = town_states().get(bare_name(place.name), ())
    return named.get(states[0]) if states else None


def town_state(place: Mention, out: Extraction,
               known: dict[str, tuple[str, ...]]) -> str | None:
    """The state of a place no other dictionary holds, from the towns (or regions) of its
    name: of the states with one so named, the largest that the report names (a town of a
    dependent territory, ``Papeete``, is in the state that holds it)."""
    for name in (place.name, place.text):
        bare = name.removeprefix("the ")
        states = known.get(fold_name(PLACE_TAIL.sub("", bare)), ()) or \
            known.get(fold_name(bare), ())
        states = tuple(dict.fromkeys(held for state in states
                                     for held in (state, sovereigns().get(state, state))))
        named = next((state for state in states if state in out.entities and
                      out.entities[state].label == "Country"), None)
        if named is not None:
            return named
    return None


def qualifier_state(annotated: Annotated, place: Mention) -> str | None:
    """The state that qualifies a place's name or the place noun it is of: ``Finnish
    Lapland``, ``Sweden's Norrbotten county``, ``the Ecuadorian city of Tulcán``."""
    span = annotated.span(place)
    if span is None or len(span) == 0:
        return None
    heads = [span.root]
    if span.root.dep_ == "pobj" and span.root.head.lower_ == "of" and \
            span.root.head.head.lower_ in PLACE_NOUNS:
        heads.append(span.root.head.head)
    for head in heads:
        for child in head.children:
            mention = annotated.mention(child)
            if child.dep_ not in ("amod", "poss", "compound", "nmod") or mention is place:
                continue
            if mention is not None and mention.label == "Country":
                return mention.id
    return None


BODY_SITE = 0.4
"""Confidence of a site's state read from the national bodies based there."""


def body_sites(out: Extraction) -> None:
    """A place no dictionary or phrase puts in a state lies in the state of the national
    bodies the report puts there (``the Kenya Navy's Mtongwe base``, ``the Indian Naval
    Academy in Ezhimala``), when they all belong to one state and none is deployed abroad
    (a peacekeeping battalion's camp is not in its own state). Run once bodies have their
    parents."""
    placed = {r.source for r in out.relations.values() if r.type == "LOCATED_IN" and
              out.entities[r.target].properties.get("kind") != "sea"}
    sent = {r.source for r in out.relations.values() if r.type == "DEPLOYED_TO"}
    parents: dict[str, list[str]] = {}
    for relation in out.relations.values():
        if relation.type == "PART_OF":
            parents.setdefault(relation.source, []).append(relation.target)
    found: dict[str, tuple[set[str], tuple[int, int]]] = {}
    for relation in out.relations.values():
        body, site = out.entities[relation.source], out.entities[relation.target]
        if relation.type != "LOCATED_IN" or body.label not in ("Organization", "Unit") or \
                site.label != "Location" or site.id in placed or \
                site.properties.get("kind") == "sea":
            continue
        states = _states_of(body.id, out, parents)
        if body.id in sent or len(states) != 1:
            states = {""}
        entry = found.setdefault(site.id, (set(), relation.spans[0]))
        entry[0].update(states)
    for site, (states, span) in sorted(found.items()):
        if len(states) == 1 and "" not in states:
            out.relate("LOCATED_IN", site, states.pop(), span, "geography.body_site",
                       BODY_SITE)


def _states_of(body: str, out: Extraction, parents: dict[str, list[str]]) -> set[str]:
    """The states a body belongs to, through its parents (three levels at most)."""
    states: set[str] = set()
    frontier = [body]
    for _ in range(3):
        frontier = [p for b in frontier for p in parents.get(b, ())]
        states |= {p for p in frontier if out.entities[p].label == "Country"}
        if states:
            return states
    return states


COMPASS = re.compile(r"(?P<name>(?P<dir>(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|"
                     r"west(?:ern)?|central)\s+(?P<of>of\s+(?:the\s+)?)?)$", re.IGNORECASE)
"""Before a state named as a place, the part of it meant: ``northern Norway``, ``eastern
DRC``, ``the north-west of the Central African Republic``."""
COMPASS_RULE = "geography.compass"
SPREAD = ("HELD_IN", "DEPLOYED_TO")
"""Relations to a state that also hold of the part of it the same words name."""


def compass_parts(annotated: Annotated, out: Extraction) -> None:
    """A part of a state named by a compass word (``northern Norway``, ``the north-west of
    the Central African Republic``; not a named region, which the dictionaries hold whole)
    is a place LOCATED_IN the state; what the sentence holds or deploys in the state it
    holds there too. Only a lower-case word (or a capital one opening a sentence), so that
    ``Western Australia`` and ``North Macedonia`` stay names."""
    text = annotated.text
    toward: dict[str, list[Relation]] | None = None
    for state in annotated.mentions:
        if state.label != "Country" or state.role != "name" or state.id not in out.entities:
            continue
        found = COMPASS.search(text, max(0, state.start - 26), state.start)
        if found is None:
            continue
        start = found.start()
        if (found["of"] and not text[max(0, start - 8):start].rstrip().endswith("the")) or \
                not (found["dir"].islower() or _opens(text, start)):
            continue
        name = text[start:state.end]
        place = out.add(Mention(start, state.end, name, "Location", slug(name), name, "region",
                                f"in:{state.id}", COMPASS_RULE, 0.5))
        out.relate("LOCATED_IN", place.id, state.id, (start, state.end), COMPASS_RULE, KNOWN)
        if toward is None:
            toward = {}
            for relation in out.relations.values():
                if relation.type in SPREAD:
                    toward.setdefault(relation.target, []).append(relation)
        for relation in toward.get(state.id, ()):
            if any(a <= start and state.end <= b for a, b in relation.spans):
                out.relate(relation.type, relation.source, place.id, relation.spans[0],
                           COMPASS_RULE, round(relation.confidence - 0.05, 2))


def _opens(text: str, at: int) -> bool:
    """Whether offset ``at`` opens a sentence (only spaces after a full stop or a line)."""
    before = text[max(0, at - 8):at].rstrip(" ")
    return not before or before[-1] in ".\n"
