"""The embedded default store: a NetworkX MultiDiGraph, saved as node-link JSON.

Edges are keyed by their type, so (source, type, target) is one edge that gathers the
evidence of every report stating it, exactly as the Neo4j store merges them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from graph.errors import StoreError
from graph.files import atomic_writer
from graph.model import Edge, Node, Span, merge_list, provenance
from graph.store.base import Store, WriteSummary
from graph.vocabulary import LIST_PROPERTIES


def _merge(old: dict[str, Any], properties: dict[str, Any], evidence: set[Span]) -> None:
    """Update ``old`` attributes in place with new properties and evidence."""
    spans = {Span.parse(text) for text in old.get("evidence", [])} | evidence
    for key, value in properties.items():
        if key in LIST_PROPERTIES:
            old[key] = merge_list(old.get(key), value)
        elif value is not None:
            old[key] = value
    old.update(provenance(spans))


class NetworkXStore(Store):
    """A store held in memory; ``save`` and ``load`` keep it in a JSON file."""

    def __init__(self, graph: nx.MultiDiGraph | None = None) -> None:
        self.graph = graph if graph is not None else nx.MultiDiGraph()
        self.notices = []

    def write(self, nodes: Iterable[Node], edges: Iterable[Edge]) -> WriteSummary:
        summary = WriteSummary()
        for node in nodes:
            if node.id in self.graph:
                summary.nodes_updated += 1
            else:
                summary.nodes_created += 1
                self.graph.add_node(node.id, label=node.label)
            _merge(self.graph.nodes[node.id], node.properties, node.evidence)
        for edge in edges:
            if self.graph.has_edge(edge.source, edge.target, key=edge.type):
                summary.edges_updated += 1
            else:
                summary.edges_created += 1
                self.graph.add_edge(edge.source, edge.target, key=edge.type, type=edge.type)
            _merge(self.graph.edges[edge.source, edge.target, edge.type],
                   edge.properties, edge.evidence)
        return summary

    def read(self) -> nx.MultiDiGraph:
        return self.graph

    def clear(self) -> None:
        self.graph.clear()

    def dumps(self) -> str:
        """The graph as node-link JSON text (keys sorted: the same graph, the same text)."""
        return json.dumps(nx.node_link_data(self.graph, edges="edges"), ensure_ascii=False,
                          indent=1, sort_keys=True)

    def save(self, path: Path) -> None:
        """Write the graph as node-link JSON, atomically (a reader never sees half a file)."""
        with atomic_writer(path, "w", encoding="utf-8") as handle:
            handle.write(self.dumps())

    @classmethod
    def load(cls, path: Path) -> NetworkXStore:
        """Read a graph written by ``save``."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(nx.node_link_graph(data, directed=True, multigraph=True, edges="edges"))
        except FileNotFoundError:
            raise StoreError(f"{path}: no saved graph here; run 'milcoop build' first") from None
        except (ValueError, KeyError) as error:
            raise StoreError(f"{path}: not a milcoop graph file ({error})") from None
