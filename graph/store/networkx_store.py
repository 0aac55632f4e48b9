"""The embedded default store: a NetworkX MultiDiGraph, saved as node-link JSON.

Edges are keyed by their type, so (source, type, target) is one edge that gathers the
evidence of every report stating it, exactly as the Neo4j store merges them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
import orjson

from graph.errors import StoreError
from graph.files import atomic_writer
from graph.heap import paused_gc
from graph.model import Edge, Node, Span, merge_list, provenance
from graph.store.base import Store, WriteSummary
from graph.vocabulary import LIST_PROPERTIES


def _merge(old: dict[str, Any], properties: dict[str, Any]) -> None:
    """Update ``old`` attributes in place with new properties (lists by union)."""
    for key, value in properties.items():
        if key in LIST_PROPERTIES:
            old[key] = merge_list(old.get(key), value)
        elif value is not None:
            old[key] = value


def _spans(attrs: dict[str, Any]) -> set[Span]:
    """The evidence an element already holds, as spans."""
    return {Span.parse(text) for text in attrs.get("evidence", [])}


class Gathering:
    """Rows merged into a graph as they come, so a build of 100,000 files need not hold its
    rows: each element's properties and evidence are gathered across every row naming it
    (a state in a thousand reports) and written to the graph once, at ``done``, nodes in
    the order first named, then edges, whatever order the rows came in."""

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.graph = graph
        self.summary = WriteSummary()
        self.node_attrs: dict[str, dict[str, Any]] = {}
        self.node_spans: dict[str, set[Span]] = {}
        self.edge_attrs: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.edge_spans: dict[tuple[str, str, str], set[Span]] = {}

    def nodes(self, nodes: Iterable[Node]) -> None:
        """Gather node rows."""
        graph, node_attrs, node_spans = self.graph, self.node_attrs, self.node_spans
        created = updated = 0
        for node in nodes:
            attrs = node_attrs.get(node.id)
            if attrs is None:
                if node.id in graph:
                    updated += 1
                    attrs = node_attrs[node.id] = graph.nodes[node.id]
                    node_spans[node.id] = _spans(attrs)
                else:
                    created += 1
                    attrs = node_attrs[node.id] = {"label": node.label}
                    node_spans[node.id] = set()
            else:
                updated += 1
            if node.properties:
                _merge(attrs, node.properties)
            node_spans[node.id] |= node.evidence
        self.summary.nodes_created += created
        self.summary.nodes_updated += updated

    def edges(self, edges: Iterable[Edge]) -> None:
        """Gather edge rows (a graph that holds no node yet holds no edge to look up)."""
        graph, edge_attrs, edge_spans = self.graph, self.edge_attrs, self.edge_spans
        stored = len(graph) > 0
        created = updated = 0
        for edge in edges:
            key = (edge.source, edge.target, edge.type)
            attrs = edge_attrs.get(key)
            if attrs is None:
                if stored and graph.has_edge(*key):
                    updated += 1
                    attrs = edge_attrs[key] = graph.edges[key]
                    edge_spans[key] = _spans(attrs)
                else:
                    created += 1
                    attrs = edge_attrs[key] = {"type": edge.type}
                    edge_spans[key] = set()
            else:
                updated += 1
            if edge.properties:
                _merge(attrs, edge.properties)
            edge_spans[key] |= edge.evidence
        self.summary.edges_created += created
        self.summary.edges_updated += updated

    def done(self) -> WriteSummary:
        """Write what was gathered into the graph; what the rows did to it."""
        for node_id, spans in self.node_spans.items():
            self.node_attrs[node_id].update(provenance(spans))
        self.graph.add_nodes_from(self.node_attrs.items())
        for key, spans in self.edge_spans.items():
            self.edge_attrs[key].update(provenance(spans))
        self.graph.add_edges_from((source, target, type_, attrs)
                                  for (source, target, type_), attrs in self.edge_attrs.items())
        self.node_attrs, self.node_spans, self.edge_attrs, self.edge_spans = {}, {}, {}, {}
        return self.summary


class NetworkXStore(Store):
    """A store held in memory; ``save`` and ``load`` keep it in a JSON file."""

    def __init__(self, graph: nx.MultiDiGraph | None = None) -> None:
        self.graph = graph if graph is not None else nx.MultiDiGraph()
        self.notices = []

    def write(self, nodes: Iterable[Node], edges: Iterable[Edge]) -> WriteSummary:
        """Merge the rows in (``Gathering``: each element written once, so a load stays
        linear)."""
        gathering = Gathering(self.graph)
        gathering.nodes(nodes)
        gathering.edges(edges)
        return gathering.done()

    def read(self) -> nx.MultiDiGraph:
        return self.graph

    def clear(self) -> None:
        self.graph.clear()

    def dumps(self) -> bytes:
        """The graph as node-link JSON in UTF-8, keys sorted: the same graph, the same bytes
        (orjson: some 25 times the standard library's speed for indented output)."""
        return orjson.dumps(nx.node_link_data(self.graph, edges="edges"),
                            option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)

    def save(self, path: Path) -> None:
        """Write the graph as node-link JSON, atomically (a reader never sees half a file)."""
        with atomic_writer(path) as handle:
            handle.write(self.dumps())

    @classmethod
    def load(cls, path: Path) -> NetworkXStore:
        """Read a graph written by ``save`` (the collector paused: ``graph.heap``)."""
        try:
            with paused_gc():
                data = orjson.loads(path.read_bytes())
                graph = nx.node_link_graph(data, directed=True, multigraph=True,
                                           edges="edges")
            return cls(graph)
        except FileNotFoundError:
            raise StoreError(f"{path}: no saved graph here; run 'milcoop build' first") from None
        except (ValueError, KeyError, TypeError) as error:
            raise StoreError(f"{path}: not a milcoop graph file ({error})") from None
