"""Counts that describe a graph: nodes by label, edges by type, facts by source."""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx
import pandas as pd

from graph.store.base import Counts, Tally, count_graph
from graph.vocabulary import LABELS, PROVENANCE_TYPES, REL_TYPES

ARTICLE_COLUMNS = ["article", "published", "publisher", "entities", "relationships",
                   "only_source"]


def _counts(source: nx.MultiDiGraph | Tally) -> Counts:
    return source.counts if isinstance(source, Tally) else count_graph(source)


def nodes_by_label(source: nx.MultiDiGraph | Tally) -> pd.DataFrame:
    """One row per label in vocabulary order: ``label``, ``nodes``."""
    counts = _counts(source).nodes
    rows = [(name, counts[name]) for name in LABELS if counts[name]]
    return pd.DataFrame(rows, columns=["label", "nodes"])


def edges_by_type(source: nx.MultiDiGraph | Tally) -> pd.DataFrame:
    """One row per relationship type in vocabulary order: ``type``, ``edges``, ``cameo``."""
    counts = _counts(source).edges
    rows = [(name, counts[name], REL_TYPES[name].cameo or "")
            for name in REL_TYPES if counts[name]]
    return pd.DataFrame(rows, columns=["type", "edges", "cameo"])


def article_rows(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Per article, in graph order: how many entities and relationships it supports and
    how many it alone supports (one pass over the relationships)."""
    stated: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    for *_, attrs in graph.edges(data=True):
        if attrs["type"] in PROVENANCE_TYPES:
            continue
        sources = attrs.get("sources", [])
        stated.update(set(sources))
        if len(sources) == 1:
            alone[sources[0]] += 1
    return [{"article": article, "published": data.get("published", ""),
             "publisher": data.get("publisher", ""), "entities": graph.out_degree(article),
             "relationships": stated[article], "only_source": alone[article]}
            for article, data in graph.nodes(data=True) if data.get("label") == "Article"]


def facts_by_article(source: nx.MultiDiGraph | Tally) -> pd.DataFrame:
    """Per article: how many entities and relationships it supports, single-sourced ones."""
    rows = source.articles if isinstance(source, Tally) else article_rows(source)
    return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)


def summary(source: nx.MultiDiGraph | Tally) -> dict[str, int]:
    """Headline counts: articles, entities, relationships (provenance edges apart)."""
    counts = _counts(source)
    provenance = sum(counts.edges[name] for name in PROVENANCE_TYPES)
    return {
        "articles": counts.nodes["Article"],
        "entities": sum(counts.nodes.values()) - counts.nodes["Article"],
        "relationships": sum(counts.edges.values()) - provenance,
        "provenance_edges": provenance,
    }
