"""Country-level queries: partners, strongest pairs, cooperation by year, shared memberships.

The first three read the country ties of graph/analysis/projection.py (``tie_rows``): the
rule is stated there once, from the vocabulary's groupings, and the Cypher files read the
same ties from the derived ``TIES_WITH`` relationships every load writes to Neo4j.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from graph.analysis.projection import country_of, country_projection, tie_rows
from graph.queries.values import count_distinct, distinct_sorted, name_of, nulls_last
from graph.vocabulary import (
    ADVERSARIAL_ROLES,
    JOINABLE_LABELS,
    JOINING_TYPES,
    LABELS,
    TIE_KINDS,
)

SHARED_KINDS = tuple(LABELS[name].tie for name in JOINABLE_LABELS)
"""Kinds of tie made by sharing an event, program or agreement (one column each)."""


def ties_of(graph: nx.MultiDiGraph, country: str) -> dict[str, list[dict[str, Any]]]:
    """The ties of ``country`` by partner, each list sorted by name then via."""
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for tie in tie_rows(graph, country):
        if country in (tie["first"], tie["second"]):
            found[tie["second"] if tie["first"] == country else tie["first"]].append(tie)
    return {partner: sorted(ties, key=lambda tie: (tie["what"], tie["via"]))
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
            row[f"{kind}s"] = [tie["what"] for tie in ties if tie["kind"] == kind]
        row["direct"] = [tie["what"] for tie in ties if tie["direct"]]
        row["sources"] = count_distinct(tie["sources"] for tie in ties)
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
                     "sources": data["reports"]})
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
            year = tie["dated"][:4] if tie["dated"] is not None else None
            groups[year, tie["kind"]].append((partner, tie["via"]))
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
