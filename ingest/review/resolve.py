"""Entity resolution: one node per real-world thing across reports and the curated facts.

An extracted entity becomes the curated entity of the same label that shares its id, name
or a distinctive alias; else the entity extracted from an earlier report that does; else it
stays new under its own id. Lookups are dictionaries keyed by ``(label, folded text)``, so
resolving is linear in the number of entities, never pairwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from graph.lookup import fold as fold_text
from graph.model import merge_list
from graph.vocabulary import relation_key
from ingest.extract.facts import Entity, Extraction, Relation
from ingest.extract.gazetteer import state_names

fold = lru_cache(maxsize=1 << 16)(fold_text)
"""graph.lookup.fold, remembered: the same names come back in report after report."""

Key = tuple[str, str]
"""An index key: a label and a folded name."""

TIERS = ("id", "name", "alias")
"""How strongly a key names an entity, strongest first."""


PLACES = ("Country", "Location")
"""Labels whose one-word capitalised aliases (Ankara, Turkish) name one thing."""


@lru_cache(maxsize=1 << 16)
def distinctive(alias: str, label: str = "") -> bool:
    """Whether an alias names one thing rather than a kind of thing: it has a capital
    letter after its first character (a proper name of several words, or an acronym), or
    it is one capitalised word naming a place (not a surname: two people share those).

    >>> [distinctive(a) for a in ("North Atlantic Treaty Organization", "NATO", "the alliance",
    ...                           "joint military drills", "Aliyev")]
    [True, True, False, False, False]
    >>> distinctive("Ankara", "Country"), distinctive("Tactical exercises", "Exercise")
    (True, False)
    """
    if any(char.isupper() for char in alias[1:]):
        return True
    return label in PLACES and alias[:1].isupper() and len(alias.split()) == 1


STATE_BODIES = ("Organization", "Unit")
"""Labels whose ids name the state a body belongs to (``gbr-ministry-of-defence``); events
shared by states (``aze-irn-caspian-naval-exercise``) are not any one state's."""


@lru_cache(maxsize=1 << 16)
def owner(id_: str) -> str | None:
    """The state an id says its thing belongs to, by its prefix (``gbr-ministry-of-defence``
    is Britain's), or None.

    >>> owner("gbr-ministry-of-defence"), owner("sea-breeze-2025"), owner("GBR")
    ('GBR', None, None)
    """
    state = id_[:3].upper()
    return state if id_[3:4] == "-" and id_[:3].islower() and state in state_names() else None


@dataclass
class Known:
    """A curated entity as resolution sees it: its label, name, aliases and properties."""

    id: str
    label: str
    name: str
    aliases: list[str] = field(default_factory=list)
    properties: dict[str, Any] = field(default_factory=dict)


class Index:
    """Ids by ``(label, folded text)`` in three tiers; a key naming two ids is ambiguous
    and resolves to nothing."""

    def __init__(self) -> None:
        self.tiers: dict[str, dict[Key, str | None]] = {tier: {} for tier in TIERS}
        self.surnames: dict[str, str | None] = {}

    def add(self, tier: str, label: str, text: str, id_: str) -> None:
        """Record that ``text`` names ``id_`` (of ``label``) at strength ``tier``."""
        key = (label, fold(text))
        if not key[1]:
            return
        keys = self.tiers[tier]
        if key not in keys:
            keys[key] = id_
        elif keys[key] != id_:
            keys[key] = None

    def add_entity(self, label: str, id_: str, name: str, aliases: Iterable[str],
                   reviewed: bool = False) -> None:
        """Record an entity's id, name and distinctive aliases (and a person's surname);
        a ``reviewed`` (curated) entity's aliases of several words count too ("the
        alliance" is NATO because a curator said so)."""
        self.add("id", label, id_, id_)
        self.add("name", label, name, id_)
        for alias in aliases:
            if distinctive(alias, label) or (reviewed and len(alias.split()) > 1):
                self.add("alias", label, alias, id_)
        words = name.split()
        if label == "Person" and len(words) > 1:
            surname = fold(words[-1])
            if self.surnames.get(surname, id_) != id_:
                self.surnames[surname] = None
            else:
                self.surnames[surname] = id_

    def find(self, entity: Entity, keys: list[Key] | None = None) -> str | None:
        """The id the strongest tier gives for the entity's id, name or a distinctive alias
        (tried in that order; ``keys``: the entity's ``search_keys``, when known); a
        one-word person by a surname no one else bears. A state's body is never found as
        another's, nor as one whose state is unsaid: an office named without its state
        (``Ministry of Defence``) is an alias of every state's, and must not make Japan's
        ministry Britain's, nor gather every state's into one."""
        state = owner(entity.id) if entity.label in STATE_BODIES else None
        for tier in TIERS:
            known = self.tiers[tier]
            for key in search_keys(entity) if keys is None else keys:
                found = known.get(key)
                if found and (state is None or owner(found) == state):
                    return found
        if entity.label == "Person" and len(entity.name.split()) == 1:
            return self.surnames.get(fold(entity.name))
        return None


def search_keys(entity: Entity) -> list[Key]:
    """The keys an index finds ``entity`` by: its id, name and distinctive aliases, in
    that order, each with its label."""
    return [(entity.label, fold(text)) for text in
            (entity.id, entity.name,
             *(alias for alias in entity.aliases if distinctive(alias, entity.label)))]


def curated_index(known: Mapping[str, Known]) -> Index:
    """The index of the curated entities."""
    index = Index()
    for entity in known.values():
        index.add_entity(entity.label, entity.id, entity.name, entity.aliases, reviewed=True)
    return index


@dataclass
class Resolved:
    """The result of resolution: each report's extraction with its ids rewritten, the id
    every extracted id became (per report), and every resolved id's label and name."""

    extractions: list[Extraction]
    ids: list[dict[str, str]]
    labels: dict[str, str]
    names: dict[str, str]


def _new_id(entity: Entity, labels: dict[str, str]) -> str:
    """The entity's own id, or a variant when another label already holds it."""
    candidate, number = entity.id, 1
    while labels.get(candidate, entity.label) != entity.label:
        number += 1
        suffix = entity.label.lower() if number == 2 else f"{entity.label.lower()}-{number}"
        candidate = f"{entity.id}-{suffix}"
    return candidate


Marks = Mapping[str, list[tuple[str, int, int, str]]]
"""Short curated evidence spans by article: (label, start, end, entity id)."""

SHORT_SPAN = 120
"""Curated evidence longer than this describes rather than names: not used to resolve."""


def by_evidence(entity: Entity, marks: list[tuple[str, int, int, str]]) -> str | None:
    """The curated entity of the same label whose short evidence in the same report the
    entity's mentions overlap most (None when none does, or two tie).

    >>> e = Entity("meeting-x", "Meeting", "meeting", spans=[(289, 296)])
    >>> by_evidence(e, [("Meeting", 289, 296, "rahimov-erdogan-meeting-baku"),
    ...                 ("Person", 289, 296, "arzu-rahimov")])
    'rahimov-erdogan-meeting-baku'
    """
    overlap: dict[str, int] = {}
    for label, start, end, id_ in marks:
        if label != entity.label or end - start > SHORT_SPAN:
            continue
        for first, last in entity.spans:
            shared = min(end, last) - max(start, first)
            if shared > 0:
                overlap[id_] = overlap.get(id_, 0) + shared
    ranked = sorted(overlap.items(), key=lambda item: -item[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


class Resolver:
    """Resolution one report at a time, in input order: what is known of the reports seen
    so far (their ids, names and keys), never their extractions, so a run need not hold
    every report's extraction to resolve the next one."""

    def __init__(self, known: Mapping[str, Known], marks: Marks | None = None) -> None:
        self.curated = curated_index(known)
        self.marks = marks or {}
        self.learned = Index()
        self.labels = {entity.id: entity.label for entity in known.values()}
        self.names = {entity.id: entity.name for entity in known.values()}
        self.raw: dict[str, str] = {}
        """The id each extracted id first became (what a decision may name it by)."""

    def mapping(self, extraction: Extraction) -> dict[str, str]:
        """The id each entity of the next report becomes (``extraction``'s, by its id)."""
        mapping: dict[str, str] = {}
        spans = self.marks.get(extraction.article, [])
        labels, names, learned = self.labels, self.names, self.learned
        for entity in extraction.entities.values():
            keys = search_keys(entity)
            found = (self.curated.find(entity, keys) or by_evidence(entity, spans)
                     or learned.find(entity, keys))
            if found is None:
                found = _new_id(entity, labels)
                labels[found] = entity.label
                names[found] = entity.name
            mapping[entity.id] = found
            learned.add_entity(entity.label, found, entity.name, entity.aliases)
            learned.add("id", entity.label, entity.id, found)
        raw = self.raw
        for extracted, found in mapping.items():
            raw.setdefault(extracted, found)
        return mapping

    def add(self, extraction: Extraction) -> Extraction:
        """The next report's extraction resolved. Its entities take the names known now; a
        later report may still name an id anew (``_new_id`` can give it an id of its label
        that no key found), so whoever keeps it takes the names from ``names`` once every
        report is resolved, as ``resolve`` does (``ingest.review.packed.unpack``)."""
        return rewrite(extraction, self.mapping(extraction), self.names)


def resolve(extractions: list[Extraction], known: Mapping[str, Known],
            marks: Marks | None = None) -> Resolved:
    """Resolve the entities of every report, in order, against the curated entities
    ``known`` (by id, name or distinctive alias, then by the curated evidence ``marks`` of
    the same report) and those of earlier reports; relations follow their endpoints."""
    resolver = Resolver(known, marks)
    mappings = [resolver.mapping(extraction) for extraction in extractions]
    rewritten = [rewrite(extraction, mapping, resolver.names)
                 for extraction, mapping in zip(extractions, mappings, strict=True)]
    return Resolved(rewritten, mappings, resolver.labels, resolver.names)


def _merge_entity(into: Entity | None, entity: Entity, id_: str, name: str) -> Entity:
    if into is None:
        return Entity(id_, entity.label, name, list(entity.aliases), dict(entity.properties),
                      sorted(set(entity.spans)), entity.rule, entity.confidence)
    into.aliases = merge_list(into.aliases, entity.aliases)
    into.spans = sorted(set(into.spans) | set(entity.spans))
    for key, value in entity.properties.items():
        into.properties.setdefault(key, value)
    if entity.confidence > into.confidence:
        into.rule, into.confidence = entity.rule, entity.confidence
    return into


def _merge_relation(into: Relation | None, relation: Relation, source: str,
                    target: str) -> Relation:
    if into is None:
        return Relation(relation.type, source, target, sorted(set(relation.spans)),
                        relation.rule, relation.confidence, dict(relation.properties))
    into.spans = sorted(set(into.spans) | set(relation.spans))
    for key, value in relation.properties.items():
        into.properties.setdefault(key, value)
    if relation.confidence > into.confidence:
        into.rule, into.confidence = relation.rule, relation.confidence
    return into


def rewrite(extraction: Extraction, mapping: Mapping[str, str],
            names: Mapping[str, str]) -> Extraction:
    """``extraction`` with every entity id replaced by ``mapping``'s (ids not in it kept):
    entities that meet are merged (aliases, spans, first property values, best rule), take
    the name ``names`` gives, and relations follow; self-loops are dropped.

    >>> ex = Extraction("a", "Turkey and Türkiye")
    >>> ex.entities = {i: Entity(i, "Country", n, [n], spans=[s], rule="g", confidence=0.9)
    ...                for i, n, s in (("TUR", "Türkiye", (11, 18)), ("tr", "Turkey", (0, 6)))}
    >>> out = rewrite(ex, {"tr": "TUR"}, {"TUR": "Türkiye"})
    >>> list(out.entities), out.entities["TUR"].aliases, out.entities["TUR"].spans
    (['TUR'], ['Türkiye', 'Turkey'], [(0, 6), (11, 18)])
    """
    out = Extraction(extraction.article, extraction.text)
    for entity in extraction.entities.values():
        id_ = mapping.get(entity.id, entity.id)
        out.entities[id_] = _merge_entity(out.entities.get(id_), entity, id_,
                                          names.get(id_, entity.name))
    for relation in extraction.relations.values():
        source = mapping.get(relation.source, relation.source)
        target = mapping.get(relation.target, relation.target)
        if source == target:
            continue
        key = relation_key(relation.type, source, target)
        out.relations[key] = _merge_relation(out.relations.get(key), relation, source, target)
    return out
