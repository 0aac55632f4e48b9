"""Named reshaping steps: the facts multigraph collapsed, and the country projection.

Analyses work on simple weighted graphs; these functions are the one place the multigraph
of reported facts becomes one, so every measure, map and export agrees on the weights.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import networkx as nx

from graph.vocabulary import PROVENANCE_TYPES

TIE_KINDS = ("exercise", "program", "agreement", "meeting", "operation", "cooperation",
             "support", "training", "deployment")
"""Kinds of country-to-country tie, each an integer edge attribute of the projection."""

JOINING_TYPES = ("PARTICIPATED_IN", "SIGNED", "HOSTED", "RUNS")
"""Relationship types through which actors share an event, program or agreement."""

DIRECT_TYPES = {"COOPERATES_WITH": "cooperation", "SUPPORTS": "support",
                "TRAINED": "training", "DEPLOYED_TO": "deployment"}
"""Relationship types that tie two actors directly, and the kind of tie each makes."""

ADVERSARIAL_ROLES = ("belligerent", "opponent", "target")
"""Roles that make a shared event a confrontation rather than cooperation."""

_TIE_LABELS = {"Exercise": "exercise", "Program": "program", "Agreement": "agreement",
               "Meeting": "meeting", "Operation": "operation"}
_UPWARD = {"Person": ("LEADS", "MEMBER_OF", "COMMANDS"),
           "Organization": ("PART_OF",), "Unit": ("PART_OF",)}


def collapse(graph: nx.MultiDiGraph) -> nx.Graph:
    """The facts as a weighted simple undirected graph, provenance left out.

    ``weight`` counts the relationships between two entities, in either direction.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("a", {"label": "Country"}), ("b", {"label": "Country"})])
    >>> g.add_edge("a", "b", key="SUPPORTS", type="SUPPORTS")
    'SUPPORTS'
    >>> g.add_edge("b", "a", key="TRAINED", type="TRAINED")
    'TRAINED'
    >>> collapse(g).edges["a", "b"]["weight"]
    2
    """
    simple = nx.Graph()
    simple.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if d.get("label") != "Article")
    for source, target, kind in graph.edges(keys=True):
        if kind in PROVENANCE_TYPES or source == target:
            continue
        if simple.has_edge(source, target):
            simple.edges[source, target]["weight"] += 1
        else:
            simple.add_edge(source, target, weight=1)
    return simple


def country_of(graph: nx.MultiDiGraph, node: str, depth: int = 4) -> str | None:
    """The country an actor belongs to, following leadership, membership and part-of ties.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("AZE", label="Country")
    >>> g.add_node("mod", label="Organization")
    >>> g.add_node("hasanov", label="Person")
    >>> _ = g.add_edge("mod", "AZE", key="PART_OF")
    >>> _ = g.add_edge("hasanov", "mod", key="COMMANDS")
    >>> country_of(g, "hasanov")
    'AZE'
    """
    label = graph.nodes[node].get("label")
    if label == "Country":
        return node
    if depth == 0:
        return None
    for _, parent, kind in graph.out_edges(node, keys=True):
        if kind in _UPWARD.get(label, ()):
            found = country_of(graph, parent, depth - 1)
            if found:
                return found
    return None


def _when(*items: dict[str, Any]) -> str | None:
    for data in items:
        for key in ("date", "start", "since"):
            if data.get(key):
                return str(data[key])
    return None


def _in_window(when: str | None, since: str | None, until: str | None) -> bool:
    """Whether a date at any precision falls within [since, until] (undated: only unbounded)."""
    if since is None and until is None:
        return True
    if when is None:
        return False
    after = since is None or when >= since[: len(when)]
    before = until is None or when[: len(until)] <= until
    return after and before


def _shared_ties(graph: nx.MultiDiGraph) -> Iterator[tuple[str, str, str, str, str | None,
                                                           set[str]]]:
    """(country, country, kind, via, date, sources) for countries sharing an event."""
    for node, data in graph.nodes(data=True):
        kind = _TIE_LABELS.get(data.get("label", ""))
        if not kind:
            continue
        members: dict[str, set[str]] = defaultdict(set)
        for actor, _, edge in graph.in_edges(node, data=True):
            if edge["type"] in JOINING_TYPES and edge.get("role") not in ADVERSARIAL_ROLES:
                country = country_of(graph, actor)
                if country:
                    members[country] |= set(edge.get("sources", []))
        countries = sorted(members)
        for i, first in enumerate(countries):
            for second in countries[i + 1:]:
                yield (first, second, kind, node, _when(data),
                       members[first] | members[second])


def _direct_ties(graph: nx.MultiDiGraph) -> Iterator[tuple[str, str, str, str, str | None,
                                                           set[str]]]:
    """(country, country, kind, via, date, sources) for direct ties between two countries."""
    for source, target, edge in graph.edges(data=True):
        kind = DIRECT_TYPES.get(edge["type"])
        first, second = country_of(graph, source), country_of(graph, target)
        if kind and first and second and first != second:
            via = f"{source} {edge['type']} {target}"
            yield (*sorted((first, second)), kind, via, _when(edge),
                   set(edge.get("sources", [])))


def country_projection(graph: nx.MultiDiGraph, since: str | None = None,
                       until: str | None = None) -> nx.Graph:
    """Country-to-country cooperation: who shares exercises, programs, agreements, meetings.

    Each edge has ``weight`` (distinct ties), one integer per kind in ``TIE_KINDS``, ``via``
    (what ties them) and ``sources`` (article ids). With ``since``/``until`` (ISO dates),
    only dated ties inside the window count.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("AZE", {"label": "Country", "name": "Azerbaijan"}),
    ...                   ("TUR", {"label": "Country", "name": "Türkiye"}),
    ...                   ("x", {"label": "Exercise", "start": "2023-10-23"})])
    >>> for c in ("AZE", "TUR"):
    ...     _ = g.add_edge(c, "x", key="PARTICIPATED_IN", type="PARTICIPATED_IN", sources=["a"])
    >>> p = country_projection(g)
    >>> p.edges["AZE", "TUR"]["weight"], p.edges["AZE", "TUR"]["exercise"]
    (1, 1)
    >>> country_projection(g, since="2024").number_of_edges()
    0
    """
    projection = nx.Graph()
    projection.add_nodes_from((n, {"label": "Country", "name": d.get("name", n)})
                              for n, d in graph.nodes(data=True) if d.get("label") == "Country")
    for first, second, kind, via, when, sources in (*_shared_ties(graph),
                                                     *_direct_ties(graph)):
        if not _in_window(when, since, until):
            continue
        if not projection.has_edge(first, second):
            projection.add_edge(first, second, weight=0, via=[], sources=[],
                                **dict.fromkeys(TIE_KINDS, 0))
        tie = projection.edges[first, second]
        if via not in tie["via"]:
            tie["via"] = sorted([*tie["via"], via])
            tie["weight"] += 1
            tie[kind] += 1
        tie["sources"] = sorted(set(tie["sources"]) | sources)
    return projection
