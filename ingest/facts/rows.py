"""Turn validated facts files into the neutral graph rows the stores write.

Every row carries its evidence spans; each article becomes an ``Article`` node with a
``MENTIONS`` edge to every entity it states facts about; event nodes and relationships get
their CAMEO code from the vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph.model import Edge, Node, Span
from graph.vocabulary import DATE_PROPERTIES, LABELS, LIST_PROPERTIES, REL_TYPES, relation_key
from ingest.facts.files import FactsFile, Record


def _spans(article_id: str, record: Record) -> set[Span]:
    return {Span(article_id, start, end) for start, end in record.data.get("evidence", [])}


_DATES = frozenset(DATE_PROPERTIES)
_LISTS = frozenset(LIST_PROPERTIES)


def _clean(data: dict[str, Any], drop: frozenset[str]) -> dict[str, Any]:
    """Properties as stored: no structural keys, no empty values, dates as strings,
    list properties always lists."""
    clean = {}
    for key, value in data.items():
        if key in drop or value is None or value == []:
            continue
        if key in _DATES:
            value = str(value)
        elif key in _LISTS and not isinstance(value, list):
            value = [value]
        clean[key] = value
    return clean


def article_node(facts: FactsFile) -> Node:
    """The ``Article`` node of a facts file: where its facts come from."""
    data = {key: facts.article.data.get(key) for key in LABELS["Article"].properties}
    data["file"] = facts.text_file
    properties = _clean(data, frozenset())
    properties["name"] = properties.get("title", facts.article_id)
    return Node(facts.article_id, "Article", properties)


_ENTITY_KEYS = frozenset(("id", "label", "evidence"))
_RELATION_KEYS = frozenset(("type", "source", "target", "evidence"))


def entity_node(article_id: str, record: Record) -> Node:
    """The node of one entity record of article ``article_id``, with its CAMEO code when
    it is an event."""
    label = LABELS[record.data["label"]]
    properties = _clean(record.data, _ENTITY_KEYS)
    cameo = label.cameo_for(properties.get("kind"))
    if cameo:
        properties["cameo"] = cameo
    return Node(record.data["id"], label.name, properties, _spans(article_id, record))


def relation_edge(article_id: str, record: Record) -> Edge:
    """The edge of one relation record of article ``article_id``, with its type's CAMEO
    code; a symmetric type's endpoints in the vocabulary's order, so both directions are
    one edge."""
    rel = REL_TYPES[record.data["type"]]
    properties = _clean(record.data, _RELATION_KEYS)
    if rel.cameo:
        properties["cameo"] = rel.cameo
    source, _, target = relation_key(rel.name, record.data["source"], record.data["target"])
    return Edge(source, rel.name, target, properties, _spans(article_id, record))


def rows(files: Iterable[FactsFile]) -> tuple[list[Node], list[Edge]]:
    """All nodes and edges of validated facts files, provenance edges included."""
    nodes: list[Node] = []
    edges: list[Edge] = []
    for facts in files:
        article_id = facts.article_id
        nodes.append(article_node(facts))
        for record in facts.entities:
            node = entity_node(article_id, record)
            nodes.append(node)
            edges.append(Edge(article_id, "MENTIONS", node.id, {}, node.evidence))
        edges.extend(relation_edge(article_id, record) for record in facts.relations)
    return nodes, edges
