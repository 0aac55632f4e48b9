"""Event queries: exercises in a period, multilateral exercises, meetings, an entity's timeline.

Dates are ISO strings at the precision known ('2023', '2023-10', '2023-10-23'); a period
matches at the precision both sides know, as the Cypher files compare them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import networkx as nx

from graph.analysis.projection import country_of
from graph.queries.values import distinct_sorted, first_present, name_of, nulls_last
from graph.vocabulary import ADVERSARIAL_ROLES, JOINING_TYPES, PROVENANCE_TYPES

MEETING_TYPES = ("PARTICIPATED_IN", "HOSTED", "RUNS", "MEDIATED", "COMMANDS")
"""How an actor takes part in a meeting: attends, hosts, runs, mediates or heads it."""


def _joined(graph: nx.MultiDiGraph, event: str,
            types: tuple[str, ...] = JOINING_TYPES) -> Iterator[tuple[str, dict[str, Any]]]:
    """(actor, edge data) for every relationship of ``types`` into ``event``."""
    for actor, _, data in graph.in_edges(event, data=True):
        if data["type"] in types:
            yield actor, data


def _countries(graph: nx.MultiDiGraph, event: str) -> list[str]:
    """The countries of the actors that joined ``event``, adversarial roles left out."""
    return distinct_sorted(country_of(graph, actor) for actor, data in _joined(graph, event)
                           if data.get("role") not in ADVERSARIAL_ROLES)


def _names(graph: nx.MultiDiGraph, nodes: Iterator[str]) -> list[str]:
    return distinct_sorted(name_of(graph, node) for node in nodes)


def _places(graph: nx.MultiDiGraph, event: str) -> list[str]:
    return _names(graph, (place for _, place, kind in graph.out_edges(event, keys=True)
                          if kind == "HELD_IN"))


def _days(data: dict[str, Any]) -> tuple[str | None, str | None]:
    """An event's first and last day: (start or date, end or date or start)."""
    return (first_present(data.get("start"), data.get("date")),
            first_present(data.get("end"), data.get("date"), data.get("start")))


def overlaps(first: str, last: str, since: str, until: str) -> bool:
    """Whether days ``first``..``last`` meet ``since``..``until``, at the precision both know.

    >>> overlaps("2023-10-23", "2023-10-25", "2023", "2023")
    True
    >>> overlaps("2024", "2024", "2024-06-01", "2024-12-31")
    True
    >>> overlaps("2022", "2022", "2023", "2024")
    False
    """
    return last >= since[:len(last)] and first[:len(until)] <= until


def exercises_in_period(graph: nx.MultiDiGraph, since: str, until: str) -> list[dict[str, Any]]:
    """The exercises whose days overlap ``since``..``until``, with participants and size.

    Undated exercises are left out; the earliest come first.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> row, = exercises_in_period(sample_graph(), "2023", "2023-12")
    >>> row["exercise"], row["start"], row["place"], row["countries"], row["personnel"]
    ('x', '2023-10-23', ['Baku'], ['AZE', 'TUR'], 3000)
    """
    rows = []
    for node, data in graph.nodes(data=True):
        first, last = _days(data)
        if data.get("label") != "Exercise" or first is None or last is None:
            continue
        if overlaps(first, last, since, until):
            rows.append({
                "exercise": node, "name": name_of(graph, node), "kind": data.get("kind"),
                "status": data.get("status"), "start": first, "end": last,
                "place": _places(graph, node),
                "participants": _names(graph, (actor for actor, _ in _joined(graph, node))),
                "countries": _countries(graph, node), "personnel": data.get("personnel"),
                "personnel_qualifier": data.get("personnel_qualifier"),
                "sources": len(data.get("sources", [])),
            })
    return sorted(rows, key=lambda row: (row["start"], row["exercise"]))


def multilateral_exercises(graph: nx.MultiDiGraph, min_countries: int) -> list[dict[str, Any]]:
    """The exercises joined by at least ``min_countries`` countries, the largest first.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> [row["countries"] for row in multilateral_exercises(sample_graph(), 2)]
    [['AZE', 'TUR']]
    >>> multilateral_exercises(sample_graph(), 3)
    []
    """
    rows = []
    for node, data in graph.nodes(data=True):
        countries = _countries(graph, node) if data.get("label") == "Exercise" else []
        if countries and len(countries) >= min_countries:
            first, last = _days(data)
            rows.append({
                "exercise": node, "name": name_of(graph, node), "start": first, "end": last,
                "country_count": len(countries), "countries": countries,
                "participants": _names(graph, (actor for actor, _ in _joined(graph, node))),
                "sources": len(data.get("sources", [])),
            })
    return sorted(rows, key=lambda row: (-row["country_count"], nulls_last(row["start"]),
                                         row["exercise"]))


def meetings(graph: nx.MultiDiGraph, entity: str) -> list[dict[str, Any]]:
    """The meetings, visits, calls and talks of ``entity`` (a country's: its people's too).

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> [(row["meeting"], row["date"], row["through"]) for row in
    ...  meetings(sample_graph(), "AZE")]
    [('m', '2021-04-28', ['Zakir Hasanov (participated_in)'])]
    """
    rows = []
    for node, data in graph.nodes(data=True):
        if data.get("label") != "Meeting":
            continue
        through = distinct_sorted(
            f"{name_of(graph, actor)} ({first_present(edge.get('role'), edge['type'].lower())})"
            for actor, edge in _joined(graph, node, MEETING_TYPES)
            if entity in (actor, country_of(graph, actor)))
        if through:
            rows.append({
                "meeting": node, "name": name_of(graph, node), "kind": data.get("kind"),
                "date": first_present(data.get("date"), data.get("start")),
                "place": _places(graph, node), "through": through,
                "participants": _names(graph, (actor for actor, _ in
                                               _joined(graph, node, ("PARTICIPATED_IN",)))),
                "sources": len(data.get("sources", [])),
            })
    return sorted(rows, key=lambda row: (nulls_last(row["date"]), row["meeting"]))


def _links(graph: nx.MultiDiGraph, node: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(direction, other end, edge data) of every fact relationship of ``node``."""
    for _, other, data in graph.out_edges(node, data=True):
        yield "->", other, data
    for other, _, data in graph.in_edges(node, data=True):
        yield "<-", other, data


def timeline(graph: nx.MultiDiGraph, entity: str) -> list[dict[str, Any]]:
    """The dated relationships of ``entity``, earliest first.

    A relationship's date is its own (date, else since), else that of its other end (date,
    else start); undated relationships are left out.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> [(row["date"], row["direction"], row["other"]) for row in
    ...  timeline(sample_graph(), "AZE")]
    [('1994', '->', 'p'), ('2020', '<-', 'TUR'), ('2023-10-23', '->', 'x')]
    """
    rows = []
    for direction, other, data in _links(graph, entity):
        if data["type"] in PROVENANCE_TYPES or other == entity:
            continue
        end = graph.nodes[other]
        date = first_present(data.get("date"), data.get("since"), end.get("date"),
                             end.get("start"))
        if date is not None:
            rows.append({
                "date": date, "end": first_present(data.get("until"), end.get("end")),
                "relationship": data["type"], "direction": direction, "other": other,
                "other_name": name_of(graph, other), "other_label": end.get("label"),
                "role": data.get("role"), "sources": len(data.get("sources", [])),
            })
    return sorted(rows, key=lambda row: (row["date"], row["relationship"], row["other"],
                                         row["direction"]))
