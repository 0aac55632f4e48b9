"""The shortest cooperation path between two entities, one row per step."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise
from typing import Any

import networkx as nx

from graph.queries.values import name_of
from graph.vocabulary import ADVERSARIAL_ROLES, PATH_BLOCKING_TYPES

MAX_STEPS = 8
"""The longest path looked for (the Cypher file's ``[*..8]``)."""


def _links(graph: nx.MultiDiGraph) -> dict[tuple[str, str], list[tuple[str, str, dict]]]:
    """Every relationship a path may follow, by unordered pair: (type, source, data)."""
    links: dict[tuple[str, str], list[tuple[str, str, dict]]] = defaultdict(list)
    for source, target, data in graph.edges(data=True):
        if (data["type"] not in PATH_BLOCKING_TYPES and data.get("role") not in ADVERSARIAL_ROLES
                and source != target):
            links[min(source, target), max(source, target)].append((data["type"], source, data))
    return links


def _key(ids: list[str]) -> str:
    """The text Cypher orders equally short paths by: the ids along it, each with a space."""
    return "".join(f"{text} " for text in ids)


def shortest_path(graph: nx.MultiDiGraph, entity: str, other: str) -> list[dict[str, Any]]:
    """The shortest path from ``entity`` to ``other`` over cooperation ties, step by step.

    Any relationship counts, either way, except provenance, armed conflict and adversarial
    roles; at most ``MAX_STEPS`` steps. Of equally short paths, the first by the ids along
    it; between two steps, the first relationship by type then source.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> steps = shortest_path(sample_graph(), "hasanov", "TUR")
    >>> [row["id"] for row in steps], [row["direction"] for row in steps]
    (['hasanov', 'mod', 'AZE', 'TUR'], [None, '->', '->', '<-'])
    """
    links = _links(graph)
    simple = nx.Graph(list(links))
    if entity not in simple or other not in simple or not nx.has_path(simple, entity, other):
        return []
    path = min(nx.all_shortest_paths(simple, entity, other), key=_key)
    if len(path) - 1 > MAX_STEPS:
        return []
    rows = [{"step": 0, "id": entity, "name": name_of(graph, entity),
             "label": graph.nodes[entity].get("label"), "relationship": None,
             "direction": None, "sources": None}]
    for step, (before, node) in enumerate(pairwise(path), start=1):
        kind, source, data = min(links[min(before, node), max(before, node)],
                                 key=lambda link: _key(list(link[:2])))
        rows.append({"step": step, "id": node, "name": name_of(graph, node),
                     "label": graph.nodes[node].get("label"), "relationship": kind,
                     "direction": "<-" if source == node else "->",
                     "sources": len(data.get("sources", []))})
    return rows
