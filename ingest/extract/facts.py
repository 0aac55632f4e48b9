"""What extraction produces: mentions in the text, and the entities and relations they support.

Every entity and relation keeps the spans of its evidence, the rule that produced it and a
confidence in [0, 1], so a reviewer sees why a fact was proposed and in what order to check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.model import merge_list
from graph.vocabulary import REL_TYPES, relation_key


@dataclass(frozen=True)
class Mention:
    """A stretch of text naming an entity: where, what it names, and how it was found."""

    start: int
    end: int
    text: str
    label: str
    id: str
    name: str
    kind: str | None = None
    role: str = "name"
    rule: str = "gazetteer"
    confidence: float = 0.9

    @property
    def span(self) -> tuple[int, int]:
        """The ``(start, end)`` offsets of the mention."""
        return (self.start, self.end)


OPEN_WATER = ("sea",)
"""Kinds of place that lie in no state or city (seas, gulfs, oceans, straits)."""


@dataclass
class Entity:
    """An entity proposed for one report, with every surface form and span seen."""

    id: str
    label: str
    name: str
    aliases: list[str] = field(default_factory=list)
    properties: dict[str, Any] = field(default_factory=dict)
    spans: list[tuple[int, int]] = field(default_factory=list)
    rule: str = ""
    confidence: float = 0.0


@dataclass
class Relation:
    """A typed relation proposed for one report, with its evidence span, rule and confidence."""

    type: str
    source: str
    target: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    rule: str = ""
    confidence: float = 0.0
    properties: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity of the relation within a report."""
        return (self.source, self.type, self.target)


@dataclass
class Extraction:
    """Everything proposed for one report: its entities by id and its relations."""

    article: str
    text: str
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: dict[tuple[str, str, str], Relation] = field(default_factory=dict)

    def add(self, mention: Mention, **properties: Any) -> Entity:
        """Record ``mention`` as evidence of its entity (created on first sight)."""
        entity = self.entities.get(mention.id)
        if entity is None:
            entity = Entity(mention.id, mention.label, mention.name, rule=mention.rule,
                            confidence=mention.confidence)
            if mention.kind:
                entity.properties["kind"] = mention.kind
            self.entities[mention.id] = entity
        entity.aliases = merge_list(entity.aliases, [mention.text])
        if mention.span not in entity.spans:
            entity.spans.append(mention.span)
        entity.confidence = max(entity.confidence, mention.confidence)
        for key, value in properties.items():
            if value is not None:
                entity.properties.setdefault(key, value)
        return entity

    def settle(self) -> None:
        """Put entities and relations in text order (first span, then id): sets walked on
        the way order them by the hash seed, and the same report must give the same file."""
        self.entities = dict(sorted(self.entities.items(),
                                    key=lambda item: (min(item[1].spans, default=(-1, -1)),
                                                      item[0])))
        self.relations = dict(sorted(self.relations.items(),
                                     key=lambda item: (min(item[1].spans, default=(-1, -1)),
                                                       item[0])))

    def merge(self, old: str, into: str) -> None:
        """Fold entity ``old`` into ``into`` (one entity named two ways): its names, spans
        and relations move over; relations that would become self-loops are dropped."""
        gone, kept = self.entities.pop(old), self.entities[into]
        kept.aliases = merge_list(kept.aliases, gone.aliases)
        kept.spans += [span for span in gone.spans if span not in kept.spans]
        for key, relation in list(self.relations.items()):
            if old not in (relation.source, relation.target):
                continue
            del self.relations[key]
            source, target = (into if end == old else end
                              for end in (relation.source, relation.target))
            for span in relation.spans:
                moved = self.relate(relation.type, source, target, span, relation.rule,
                                    relation.confidence, **relation.properties)
                if moved is None:
                    break

    def relate(self, type_: str, source: str, target: str, span: tuple[int, int], rule: str,
               confidence: float, **properties: Any) -> Relation | None:
        """Record a relation (merged with the same one seen before, a symmetric one whichever
        way round it was read); None for a self-loop, endpoints the vocabulary does not
        allow for ``type_``, or a sea said to lie in a place (it lies in none)."""
        if source == target or source not in self.entities or target not in self.entities:
            return None
        source, _, target = relation_key(type_, source, target)
        if not REL_TYPES[type_].allows(self.entities[source].label, self.entities[target].label):
            return None
        if type_ == "LOCATED_IN" and self.entities[source].properties.get("kind") in OPEN_WATER:
            return None
        relation = self.relations.get((source, type_, target))
        if relation is None:
            relation = Relation(type_, source, target, rule=rule, confidence=confidence)
            self.relations[relation.key] = relation
        if span not in relation.spans:
            relation.spans.append(span)
        relation.confidence = max(relation.confidence, confidence)
        for key, value in properties.items():
            if value is not None:
                relation.properties.setdefault(key, value)
        return relation
