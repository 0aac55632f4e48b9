"""Country-level queries: partners, strongest pairs, cooperation by year, shared memberships.

All follow the country projection (graph/analysis/projection.py): a tie is an event,
program or agreement two countries joined, or a direct tie between them; the Cypher files
state the same rules (cypher/queries/partners.cypher and its siblings).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, NamedTuple

import networkx as nx

from graph.analysis.projection import (
    ADVERSARIAL_ROLES,
    DIRECT_TYPES,
    JOINING_TYPES,
    TIE_KINDS,
    country_of,
    country_projection,
    country_ties,
)
from graph.queries.values import count_distinct, distinct_sorted, name_of, nulls_last

SHARED_KINDS = ("exercise", "program", "agreement", "meeting", "operation")
"""Kinds of tie made by sharing an event, program or agreement (one column each)."""

DIRECT_KINDS = tuple(DIRECT_TYPES.values())
"""Kinds of tie made by a direct relationship (listed together as ``direct``)."""


class Tie(NamedTuple):
    """One country-to-country tie, with ``what`` naming it for people."""

    first: str
    second: str
    kind: str
    via: str
    what: str
    dated: str | None
    sources: set[str]


def _what(graph: nx.MultiDiGraph, via: str) -> str:
    """The name of a shared event, or "Source TYPE Target" for a direct tie."""
    if via in graph:
        return name_of(graph, via)
    source, kind, target = via.split(" ")
    return f"{name_of(graph, source)} {kind} {name_of(graph, target)}"


def ties_of(graph: nx.MultiDiGraph, country: str) -> dict[str, list[Tie]]:
    """The ties of ``country`` by partner, each list sorted by name then via."""
    found: dict[str, dict[str, Tie]] = defaultdict(dict)
    for first, second, kind, via, dated, sources in country_ties(graph):
        if country in (first, second):
            partner = second if first == country else first
            found[partner][via] = Tie(first, second, kind, via, _what(graph, via), dated,
                                      sources)
    return {partner: sorted(ties.values(), key=lambda tie: (tie.what, tie.via))
            for partner, ties in found.items()}


def partners(graph: nx.MultiDiGraph, country: str) -> list[dict[str, Any]]:
    """The cooperation partners of ``country``, strongest first, and what ties them.

    Parameters
    ----------
    graph : the graph in the common shape
    country : a Country id

    Returns
    -------
    One row per partner: its id and name, ``weight`` (ties), the names of the exercises,
    programs, agreements, meetings and operations shared, the direct ties, and ``sources``
    (distinct reports), by weight then id.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> row, = partners(sample_graph(), "AZE")
    >>> row["partner"], row["weight"], row["exercises"], row["direct"], row["sources"]
    ('TUR', 3, ['Exercise X'], ['Türkiye SUPPORTS Azerbaijan'], 2)
    """
    rows = []
    for partner, ties in ties_of(graph, country).items():
        row: dict[str, Any] = {"partner": partner, "name": name_of(graph, partner),
                               "weight": len(ties)}
        for kind in SHARED_KINDS:
            row[f"{kind}s"] = [tie.what for tie in ties if tie.kind == kind]
        row["direct"] = [tie.what for tie in ties if tie.kind in DIRECT_KINDS]
        row["sources"] = count_distinct(tie.sources for tie in ties)
        rows.append(row)
    return sorted(rows, key=lambda row: (-row["weight"], row["partner"]))


def strongest_pairs(graph: nx.MultiDiGraph, limit: int) -> list[dict[str, Any]]:
    """The ``limit`` country pairs with the most ties, each tie counted by kind.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> row, = strongest_pairs(sample_graph(), 10)
    >>> row["first"], row["second"], row["weight"], row["exercise"], row["support"]
    ('AZE', 'TUR', 3, 1, 1)
    """
    rows = []
    for one, two, data in country_projection(graph).edges(data=True):
        first, second = sorted((one, two))
        rows.append({"first": first, "first_name": name_of(graph, first), "second": second,
                     "second_name": name_of(graph, second), "weight": data["weight"],
                     **{kind: data[kind] for kind in TIE_KINDS},
                     "sources": len(data["sources"])})
    rows.sort(key=lambda row: (-row["weight"], row["first"], row["second"]))
    return rows[:limit]


def cooperation_by_year(graph: nx.MultiDiGraph, country: str) -> list[dict[str, Any]]:
    """How many ties of each kind ``country`` formed each year, and with whom.

    A tie's year is that of its date (undated ties last, with no year).

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> [(row["year"], row["kind"], row["ties"]) for row in
    ...  cooperation_by_year(sample_graph(), "AZE")]
    [('2020', 'support', 1), ('2023', 'exercise', 1), (None, 'program', 1)]
    """
    groups: dict[tuple[str | None, str], list[tuple[str, str]]] = defaultdict(list)
    for partner, ties in ties_of(graph, country).items():
        for tie in ties:
            year = tie.dated[:4] if tie.dated is not None else None
            groups[year, tie.kind].append((partner, tie.via))
    rows = [{"year": year, "kind": kind, "ties": len({via for _, via in found}),
             "partners": distinct_sorted(partner for partner, _ in found)}
            for (year, kind), found in groups.items()]
    return sorted(rows, key=lambda row: (nulls_last(row["year"]), row["kind"]))


def _shares(graph: nx.MultiDiGraph, target: str, kind: str) -> str | None:
    """'membership' or 'program' when an edge of ``kind`` to ``target`` counts as sharing."""
    label = graph.nodes[target].get("label")
    if label == "Organization" and kind == "MEMBER_OF":
        return "membership"
    if label == "Program" and kind in JOINING_TYPES:
        return "program"
    return None


def memberships_and_programs(graph: nx.MultiDiGraph, country: str,
                             other_country: str) -> list[dict[str, Any]]:
    """The organisations both countries belong to and the programs both take part in.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> [(row["kind"], row["id"], row["country_through"]) for row in
    ...  memberships_and_programs(sample_graph(), "AZE", "TUR")]
    [('membership', 'alliance', ['Azerbaijan']), ('program', 'p', ['Azerbaijan'])]
    """
    sides: dict[str, dict[str, tuple[set[str], set[str]]]] = defaultdict(dict)
    kinds: dict[str, str] = {}
    for actor, target, data in graph.edges(data=True):
        kind = _shares(graph, target, data["type"])
        if kind is None or data.get("role") in ADVERSARIAL_ROLES:
            continue
        home = country_of(graph, actor)
        if home in (country, other_country):
            names, sources = sides[target].setdefault(home, (set(), set()))
            names.add(name_of(graph, actor))
            sources.update(data.get("sources", []))
            kinds[target] = kind
    rows = [{"kind": kinds[target], "id": target, "name": name_of(graph, target),
             "country_through": sorted(side[country][0]),
             "other_through": sorted(side[other_country][0]),
             "sources": count_distinct(sources for _, sources in side.values())}
            for target, side in sides.items() if len(side) == 2]
    return sorted(rows, key=lambda row: (row["kind"], row["name"], row["id"]))
