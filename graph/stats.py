"""Counts that describe a graph: nodes by label, edges by type, facts by source."""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pandas as pd

from graph.store.base import count_graph
from graph.vocabulary import LABELS, PROVENANCE_TYPES, REL_TYPES


def nodes_by_label(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per label in vocabulary order: ``label``, ``nodes``."""
    counts = count_graph(graph).nodes
    rows = [(name, counts[name]) for name in LABELS if counts[name]]
    return pd.DataFrame(rows, columns=["label", "nodes"])


def edges_by_type(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per relationship type in vocabulary order: ``type``, ``edges``, ``cameo``."""
    counts = count_graph(graph).edges
    rows = [(name, counts[name], REL_TYPES[name].cameo or "")
            for name in REL_TYPES if counts[name]]
    return pd.DataFrame(rows, columns=["type", "edges", "cameo"])


def facts_by_article(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """Per article: how many entities and relationships it supports, single-sourced ones
    (one pass over the relationships, whatever the number of articles)."""
    stated: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    for *_, attrs in graph.edges(data=True):
        if attrs["type"] in PROVENANCE_TYPES:
            continue
        sources = attrs.get("sources", [])
        stated.update(set(sources))
        if len(sources) == 1:
            alone[sources[0]] += 1
    rows = [{"article": article, "published": data.get("published", ""),
             "publisher": data.get("publisher", ""), "entities": graph.out_degree(article),
             "relationships": stated[article], "only_source": alone[article]}
            for article, data in graph.nodes(data=True) if data.get("label") == "Article"]
    return pd.DataFrame(rows, columns=["article", "published", "publisher", "entities",
                                       "relationships", "only_source"])


def summary(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Headline counts: articles, entities, relationships (provenance edges apart)."""
    counts = count_graph(graph)
    provenance = sum(counts.edges[name] for name in PROVENANCE_TYPES)
    return {
        "articles": counts.nodes["Article"],
        "entities": sum(counts.nodes.values()) - counts.nodes["Article"],
        "relationships": sum(counts.edges.values()) - provenance,
        "provenance_edges": provenance,
    }
