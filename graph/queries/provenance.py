"""Provenance queries: the reports and spans behind a relationship, and facts one report states."""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.model import Span
from graph.queries.values import name_of
from graph.vocabulary import PROVENANCE_TYPES


def relationship_sources(graph: nx.MultiDiGraph, entity: str,
                         other: str) -> list[dict[str, Any]]:
    """Every evidence span of the relationships between ``entity`` and ``other``.

    One row per span: the relationship, the report (title, publisher, published) and the
    character offsets of the words that state it.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> [(row["article"], row["title"], row["start"], row["end"]) for row in
    ...  relationship_sources(sample_graph(), "TUR", "x")]
    [('a', 'Report A', 0, 20), ('b', 'Report B', 5, 30)]
    """
    rows = []
    for source, target in ((entity, other), (other, entity)):
        for kind, data in graph.get_edge_data(source, target, default={}).items():
            if kind in PROVENANCE_TYPES:
                continue
            for text in data.get("evidence", []):
                span = Span.parse(text)
                report = graph.nodes[span.article] if span.article in graph else {}
                rows.append({"source": source, "relationship": kind, "target": target,
                             "article": span.article, "title": report.get("title"),
                             "publisher": report.get("publisher"),
                             "published": report.get("published"),
                             "start": span.start, "end": span.end})
    return sorted(rows, key=lambda row: (row["relationship"], row["source"], row["article"],
                                         row["start"], row["end"]))


def weak_facts(graph: nx.MultiDiGraph, max_sources: int) -> list[dict[str, Any]]:
    """The relationships stated by at most ``max_sources`` reports, least supported first.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> [(row["source"], row["relationship"], row["target"]) for row in
    ...  weak_facts(sample_graph(), 1)][:2]
    [('hasanov', 'COMMANDS', 'mod'), ('x', 'HELD_IN', 'baku')]
    """
    rows = []
    for source, target, data in graph.edges(data=True):
        sources = data.get("sources", [])
        if data["type"] not in PROVENANCE_TYPES and len(sources) <= max_sources:
            rows.append({"source": source, "source_name": name_of(graph, source),
                         "relationship": data["type"], "target": target,
                         "target_name": name_of(graph, target), "sources": len(sources),
                         "articles": list(sources)})
    return sorted(rows, key=lambda row: (row["sources"], row["relationship"], row["source"],
                                         row["target"]))
