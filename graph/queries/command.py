"""Who commands what: the officials, bodies and units of a country and what they head."""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.analysis.projection import country_of
from graph.queries.values import name_of

COMMAND_TYPES = ("COMMANDS", "LEADS")
"""Relationships that put an actor at the head of an organisation, unit, event or country."""


def commanders(graph: nx.MultiDiGraph, country: str) -> list[dict[str, Any]]:
    """What the officials, bodies and units of ``country`` command or lead.

    An actor belongs to the country it leads, serves in or is part of (the nearest).

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> [(row["name"], row["rank"], row["relationship"], row["role"], row["target_name"])
    ...  for row in commanders(sample_graph(), "AZE")]
    [('Zakir Hasanov', 'Colonel General', 'COMMANDS', 'head', 'Ministry of Defense')]
    """
    rows = []
    for actor, target, data in graph.edges(data=True):
        if data["type"] in COMMAND_TYPES and country_of(graph, actor) == country:
            person, held = graph.nodes[actor], graph.nodes[target]
            rows.append({
                "commander": actor, "name": name_of(graph, actor), "rank": person.get("rank"),
                "title": person.get("title"), "relationship": data["type"],
                "role": data.get("role"), "commands": target,
                "target_name": name_of(graph, target), "target_label": held.get("label"),
                "since": data.get("since"), "until": data.get("until"),
                "sources": len(data.get("sources", [])),
            })
    return sorted(rows, key=lambda row: (row["commander"], row["relationship"], row["commands"]))
