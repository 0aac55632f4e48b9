"""Extracted facts set against the curated ones: what each report would add, curated winning.

A fact the curated file of the same report already states is not proposed again; an entity
or relation curated for another report is proposed as a new source for it, with the curated
name and property values (extracted values never overwrite curated ones). Property values
are made consistent across reports (the first report's value wins), so the proposals pass
``milcoop validate`` together with the curated facts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graph.model import merge_list
from graph.vocabulary import DATE_PROPERTIES, EDGE_PROPERTIES, LABELS, RelKey, relation_key
from ingest.extract.facts import Entity, Extraction, Relation
from ingest.facts.files import FactsFile
from ingest.facts.validate import STATUSES, check_date
from ingest.review.resolve import Known

STRUCTURAL = ("id", "label", "name", "aliases", "evidence", "description")
"""Entity keys that are not properties resolution compares."""

ENTITY_STATUSES = ("new", "known", "curated", "rejected")
"""new: no curated entity; known: curated for another report; curated: in this report's
curated facts (written only when a proposed relation needs it); rejected: by a decision."""

RELATION_STATUSES = ("new", "restated", "curated", "rejected")
"""new: not curated; restated: curated for another report (a new source); curated: in this
report's curated facts (not proposed); rejected: by a decision."""


@dataclass
class Curated:
    """The curated facts as resolution and merging need them."""

    known: dict[str, Known] = field(default_factory=dict)
    relations: dict[RelKey, dict[str, Any]] = field(default_factory=dict)
    entities_of: dict[str, set[str]] = field(default_factory=dict)
    relations_of: dict[str, set[RelKey]] = field(default_factory=dict)
    marks: dict[str, list[tuple[str, int, int, str]]] = field(default_factory=dict)


def curated_facts(files: list[FactsFile]) -> Curated:
    """The entities (aliases united over files), relations and per-report facts of
    validated curated facts files."""
    curated = Curated()
    for facts in files:
        ids = curated.entities_of.setdefault(facts.article_id, set())
        keys = curated.relations_of.setdefault(facts.article_id, set())
        for record in facts.entities:
            data = record.data
            known = curated.known.get(data["id"])
            if known is None:
                known = Known(data["id"], data["label"], data["name"])
                curated.known[known.id] = known
            known.aliases = merge_list(known.aliases, data.get("aliases") or [])
            for key, value in data.items():
                if key not in STRUCTURAL and value is not None:
                    known.properties.setdefault(key, value)
            ids.add(known.id)
            curated.marks.setdefault(facts.article_id, []).extend(
                (known.label, span[0], span[1], known.id) for span in data.get("evidence", []))
        for record in facts.relations:
            data = record.data
            key = relation_key(data["type"], data["source"], data["target"])
            properties = curated.relations.setdefault(key, {})
            for name in EDGE_PROPERTIES:
                if data.get(name) is not None and name != "note":
                    properties.setdefault(name, data[name])
            keys.add(key)
    return curated


@dataclass
class Proposal:
    """What one report adds: its article section, text, and the entity and relation
    records to write with their status; counts of every status by label and type."""

    article: dict[str, Any]
    text: str
    entities: list[tuple[Entity, str]] = field(default_factory=list)
    relations: list[tuple[Relation, str]] = field(default_factory=list)
    counts: Counter[tuple[str, str, str]] = field(default_factory=Counter)

    @property
    def id(self) -> str:
        """The report's id."""
        return str(self.article["id"])


def _entity_properties(entity: Entity) -> dict[str, Any]:
    """The properties the vocabulary allows for the entity's label, with valid values."""
    label = LABELS[entity.label]
    kept = {}
    for key, value in entity.properties.items():
        if value is None or key in STRUCTURAL or key not in label.allowed_properties:
            continue
        if (key == "kind" and value not in label.kinds) or \
                (key == "status" and value not in STATUSES) or \
                (key in DATE_PROPERTIES and check_date(value)) or \
                (key == "personnel" and (not isinstance(value, int) or value < 0)):
            continue
        kept[key] = value
    return kept


def _relation_properties(relation: Relation) -> dict[str, Any]:
    """The relation's properties the vocabulary allows, with valid values (no note)."""
    return {key: value for key, value in relation.properties.items()
            if key in EDGE_PROPERTIES and key != "note" and value is not None
            and not (key in DATE_PROPERTIES and check_date(value))}


class Canonical:
    """One value per property of every entity and relation: curated first, then the first
    report's (``add`` each report's applied extraction in order, before any is proposed).
    Only ids and relations with a value are kept."""

    def __init__(self, curated: Curated) -> None:
        self.entities = {id_: dict(known.properties)
                         for id_, known in curated.known.items() if known.properties}
        self.relations = {key: dict(properties)
                          for key, properties in curated.relations.items() if properties}

    def add(self, extraction: Extraction) -> None:
        """Take the values of one report's entities and relations that none before gave."""
        entities, relations = self.entities, self.relations
        for entity in extraction.entities.values():
            properties = _entity_properties(entity)
            if properties:
                canonical = entities.setdefault(entity.id, {})
                for key, value in properties.items():
                    canonical.setdefault(key, value)
        for key, relation in extraction.relations.items():
            properties = _relation_properties(relation)
            if properties:
                canonical = relations.setdefault(key, {})
                for name, value in properties.items():
                    canonical.setdefault(name, value)


NOTHING: dict[str, Any] = {}


def _agreeing(properties: dict[str, Any], canonical: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in properties.items() if canonical.get(key) == value}


def propose_one(extraction: Extraction, article: dict[str, Any], curated: Curated,
                canonical: Canonical, rejected_entities: Mapping[str, int] = NOTHING,
                rejected_relations: Mapping[str, int] = NOTHING) -> Proposal:
    """The proposal of one report (its applied extraction and article section; what the
    decisions rejected in it, by label and by type)."""
    proposal = Proposal(article, extraction.text)
    own_entities = curated.entities_of.get(proposal.id, set())
    own_relations = curated.relations_of.get(proposal.id, set())
    entity_values, relation_values = canonical.entities, canonical.relations
    needed: set[str] = set()
    for key, relation in extraction.relations.items():
        if key in own_relations:
            proposal.counts["relation", relation.type, "curated"] += 1
            continue
        status = "restated" if key in curated.relations else "new"
        kept = Relation(relation.type, relation.source, relation.target,
                        list(relation.spans), relation.rule, relation.confidence,
                        _agreeing(_relation_properties(relation),
                                  relation_values.get(key, NOTHING)))
        proposal.relations.append((kept, status))
        proposal.counts["relation", relation.type, status] += 1
        needed.update((relation.source, relation.target))
    for entity in extraction.entities.values():
        status = ("curated" if entity.id in own_entities else
                  "known" if entity.id in curated.known else "new")
        proposal.counts["entity", entity.label, status] += 1
        if status == "curated" and entity.id not in needed:
            continue
        kept = Entity(entity.id, entity.label, entity.name, list(entity.aliases),
                      _agreeing(_entity_properties(entity),
                                entity_values.get(entity.id, NOTHING)),
                      list(entity.spans), entity.rule, entity.confidence)
        proposal.entities.append((kept, status))
    for label, count in rejected_entities.items():
        proposal.counts["entity", label, "rejected"] += count
    for type_, count in rejected_relations.items():
        proposal.counts["relation", type_, "rejected"] += count
    return proposal



def add_totals(found: Counter[tuple[str, str]], proposal: Proposal) -> None:
    """Add one proposal's counts to ``found``, by (entity|relation, status)."""
    for (kind, _, status), count in proposal.counts.items():
        found[kind, status] += count


def totals(proposals: list[Proposal]) -> Counter[tuple[str, str]]:
    """Counts by (entity|relation, status) over every report."""
    found: Counter[tuple[str, str]] = Counter()
    for proposal in proposals:
        add_totals(found, proposal)
    return found
