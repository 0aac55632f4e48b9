"""Pure translation between the neutral rows and what the Neo4j store sends and receives.

Writing: nodes and edges become parameter rows grouped by label and by relationship type
(labels and types cannot be parameters), each node or edge once per batch. Reading: records
of ids, labels, types and properties become the common NetworkX shape, with ``sources`` and
``evidence`` sorted exactly as the NetworkX store sorts them. No driver, no I/O here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import networkx as nx

from graph.errors import StoreError
from graph.model import Edge, Node, Span, merge_list, provenance
from graph.vocabulary import LABELS, LIST_PROPERTIES, REL_TYPES

MILCOOP_LABEL = "Milcoop"
"""The label every node milcoop writes carries, beside its vocabulary label."""

GRAPH_PROPERTY = "graph"
"""The node property naming the graph a node belongs to: loads, reads and wipes touch one."""

RESERVED_PROPERTIES = ("id", GRAPH_PROPERTY, "label", "type", "sources", "evidence")
"""Keys the store sets itself; a row that carries one is refused."""

MAX_ID_BYTES = 4_000
"""Longest id (UTF-8) the store takes: (graph, id) sits in a range index (8 kB keys)."""

MAX_NAME_BYTES = 32_000
"""Longest name (UTF-8) the store takes: names sit in text indexes (32 kB keys)."""

_SCALARS = (str, int, float, bool)


@dataclass
class Batch:
    """One batch ready to send: rows by label and by type, and how many rows came in."""

    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    edges: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    node_rows: int = 0
    edge_rows: int = 0


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in consecutive lists of at most ``size``, read lazily (rows can stream).

    >>> list(chunks(iter("abcde"), 2))
    [['a', 'b'], ['c', 'd'], ['e']]
    """
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _check_value(where: str, key: str, value: Any) -> None:
    """Refuse values Neo4j cannot store as a property (maps, nested lists, objects)."""
    if isinstance(value, _SCALARS):
        return
    if isinstance(value, list) and all(isinstance(item, _SCALARS) for item in value):
        return
    raise StoreError(f"{where}: property {key!r} holds {type(value).__name__} "
                     f"{value!r:.60}, which Neo4j cannot store")


@dataclass
class _Merged:
    """A node or edge seen one or more times in a batch, merged as the NetworkX store would."""

    properties: dict[str, Any] = field(default_factory=dict)
    lists: dict[str, list[Any]] = field(default_factory=dict)
    evidence: set[Span] = field(default_factory=set)

    def add(self, where: str, properties: Mapping[str, Any], evidence: set[Span]) -> None:
        for key, value in properties.items():
            if key in RESERVED_PROPERTIES:
                raise StoreError(f"{where}: property {key!r} is reserved for the store")
            if key in LIST_PROPERTIES:
                self.lists[key] = merge_list(self.lists.get(key), value)
                _check_value(where, key, self.lists[key])
            elif value is not None:
                _check_value(where, key, value)
                if key == "name" and len(str(value).encode("utf-8")) > MAX_NAME_BYTES:
                    raise StoreError(f"{where}: name longer than {MAX_NAME_BYTES} bytes")
                self.properties[key] = value
        self.evidence |= evidence

    def row(self) -> dict[str, Any]:
        return {
            "properties": self.properties,
            "lists": {key: self.lists.get(key) for key in LIST_PROPERTIES},
            "evidence": [str(span) for span in sorted(self.evidence)],
        }


def batch(nodes: Iterable[Node], edges: Iterable[Edge]) -> Batch:
    """Parameter rows for one batch: by label and by type, one row per node id or edge key.

    A node or edge seen twice is merged first (lists united, the later scalar kept, evidence
    united), so the database sees the same result as writing the rows one by one.

    >>> from graph.model import Node
    >>> rows = batch([Node("AZE", "Country", {"aliases": ["Baku"]}),
    ...               Node("AZE", "Country", {"aliases": ["Baki"]})], [])
    >>> rows.node_rows, rows.nodes["Country"][0]["lists"]["aliases"]
    (2, ['Baku', 'Baki'])
    """
    merged_nodes: dict[str, tuple[str, _Merged]] = {}
    result = Batch()
    for node in nodes:
        if node.label not in LABELS:
            raise StoreError(f"node {node.id!r}: unknown label {node.label!r}")
        if not isinstance(node.id, str) or len(node.id.encode("utf-8")) > MAX_ID_BYTES:
            raise StoreError(f"node {node.id!r:.80}: ids are strings of at most "
                             f"{MAX_ID_BYTES} bytes")
        label, merged = merged_nodes.setdefault(node.id, (node.label, _Merged()))
        merged.add(f"node {node.id!r}", node.properties, node.evidence)
        result.node_rows += 1
    merged_edges: dict[tuple[str, str, str], _Merged] = {}
    for edge in edges:
        if edge.type not in REL_TYPES:
            raise StoreError(f"edge {edge.key!r}: unknown relationship type {edge.type!r}")
        merged_edges.setdefault(edge.key, _Merged()).add(
            f"edge {edge.key!r}", edge.properties, edge.evidence)
        result.edge_rows += 1
    by_label: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
    for node_id, (label, merged) in merged_nodes.items():
        by_label[label].append({"id": node_id, **merged.row()})
    by_type: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
    for (source, kind, target), merged in merged_edges.items():
        by_type[kind].append({"source": source, "target": target, **merged.row()})
    result.nodes, result.edges = dict(by_label), dict(by_type)
    return result


def _canonical(properties: Mapping[str, Any], drop: tuple[str, ...]) -> dict[str, Any]:
    """Stored properties in the common shape: store keys dropped, provenance sorted."""
    attributes = {key: value for key, value in properties.items() if key not in drop}
    spans = {Span.parse(text) for text in attributes.pop("evidence", None) or []}
    attributes.pop("sources", None)
    attributes.update(provenance(spans))
    return attributes


def vocabulary_label(node_id: str, labels: Iterable[str]) -> str:
    """The one vocabulary label among a node's labels (Milcoop and others ignored).

    >>> vocabulary_label("AZE", ["Milcoop", "Country"])
    'Country'
    """
    found = [name for name in labels if name in LABELS]
    if len(found) != 1:
        raise StoreError(f"node {node_id!r} has labels {sorted(labels)}; "
                         f"expected exactly one of the vocabulary's")
    return found[0]


def add_node(graph: nx.MultiDiGraph, node_id: str, labels: Iterable[str],
             properties: Mapping[str, Any]) -> None:
    """Add one node record to ``graph`` in the common shape."""
    label = vocabulary_label(node_id, list(labels))
    graph.add_node(node_id, label=label,
                   **_canonical(properties, ("id", GRAPH_PROPERTY, "label")))


def add_edge(graph: nx.MultiDiGraph, source: str, kind: str, target: str,
             properties: Mapping[str, Any]) -> None:
    """Add one relationship record to ``graph`` in the common shape (key = type)."""
    graph.add_edge(source, target, key=kind, type=kind, **_canonical(properties, ("type",)))
