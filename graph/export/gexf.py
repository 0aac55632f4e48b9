"""GEXF for Gephi, with dates on nodes and edges so Gephi's timeline plays the graph.

Gephi reads each element's ``start``/``end`` (graph ``mode="dynamic"``,
``timeformat="date"``). Dates known only to the year or month are widened to the whole
period: an event on ``2023`` lasts 2023-01-01 to 2023-12-31, one on ``2023-10`` lasts
2023-10-01 to 2023-10-31, both ends included. A node's period runs from its ``start`` (else
``date``) to its ``end`` (else ``date``); an edge's from ``since`` (else ``date``) to
``until`` (else ``date``). A missing end is open (still going); an element with no date at
all (countries, people, articles) is there the whole time.

Names as elsewhere for drawing tools: a node's GEXF label is its name and its milcoop label
is ``node_label``; an edge's GEXF label is its relationship type. Because GEXF keeps
``start``/``end`` for the timeline, milcoop's own ``start``/``end`` properties travel as
``event_start``/``event_end``, at their precision. Lists are JSON text (see ``encoding``).
Nodes and edges are coloured as in the vocabulary.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx

from graph.export.encoding import (
    common_graph,
    decode,
    display_node,
    edge_id,
    encode,
    from_display_node,
    xml_safe,
)
from graph.vocabulary import LABELS, REL_TYPES

RENAMED = {"start": "event_start", "end": "event_end"}
"""milcoop properties whose GEXF names are taken by the timeline."""

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def first_day(value: str) -> str | None:
    """The first day of the period an ISO date names (None when it is not one).

    >>> first_day("2023"), first_day("2023-10"), first_day("2023-10-23")
    ('2023-01-01', '2023-10-01', '2023-10-23')
    """
    match = _ISO.match(str(value))
    if not match:
        return None
    year, month, day = match.groups()
    return f"{year}-{month or '01'}-{day or '01'}"


def last_day(value: str) -> str | None:
    """The last day of the period an ISO date names (None when it is not one).

    >>> last_day("2023"), last_day("2024-02"), last_day("2023-10-23")
    ('2023-12-31', '2024-02-29', '2023-10-23')
    """
    match = _ISO.match(str(value))
    if not match:
        return None
    year, month, day = match.groups()
    month = month or "12"
    return f"{year}-{month}-{day or calendar.monthrange(int(year), int(month))[1]:02}"


def interval(attrs: Mapping[str, Any], opening: tuple[str, ...],
             closing: tuple[str, ...]) -> dict[str, str]:
    """Gephi's ``start``/``end`` for an element: the first date found in ``opening`` widened
    to its first day, the first in ``closing`` widened to its last day.

    >>> interval({"date": "2023-10"}, ("start", "date"), ("end", "date"))
    {'start': '2023-10-01', 'end': '2023-10-31'}
    >>> interval({"since": "1992"}, ("since", "date"), ("until", "date"))
    {'start': '1992-01-01'}
    """
    begin = next((first_day(attrs[key]) for key in opening if attrs.get(key)), None)
    finish = next((last_day(attrs[key]) for key in closing if attrs.get(key)), None)
    if begin and finish and finish < begin:
        finish = None
    return {key: day for key, day in (("start", begin), ("end", finish)) if day}


def _viz(colour: str | None) -> dict[str, Any]:
    """A GEXF viz colour from a ``#rrggbb`` vocabulary colour."""
    if not colour:
        return {}
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return {"viz": {"color": {"r": red, "g": green, "b": blue, "a": 1.0}}}


def _renamed(attrs: Mapping[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    return {names.get(key, key): value for key, value in attrs.items()}


def _safe(attrs: Mapping[str, Any]) -> dict[str, Any]:
    return {key: xml_safe(value) for key, value in attrs.items()}


def drawing(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph with attributes as networkx's GEXF writer and Gephi expect them."""
    drawn = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        label = LABELS.get(data.get("label", ""))
        drawn.add_node(xml_safe(node), **_safe(_renamed(display_node(node, data), RENAMED)),
                       **interval(data, ("start", "date"), ("end", "date")),
                       **_viz(label.colour if label else None))
    for source, target, key, data in graph.edges(keys=True, data=True):
        rel = REL_TYPES.get(key)
        rest = encode({name: value for name, value in data.items() if name != "type"})
        drawn.add_edge(xml_safe(source), xml_safe(target), key=key,
                       id=xml_safe(edge_id(source, key, target)), label=key,
                       **_safe(_renamed(rest, RENAMED)),
                       **interval(data, ("since", "date"), ("until", "date")),
                       **_viz(rel.colour if rel else None))
    return drawn


def write(graph: nx.MultiDiGraph, stream: BinaryIO) -> list[str]:
    """Write ``graph`` as GEXF 1.2 (UTF-8) to a binary stream; nothing to tell the user."""
    nx.write_gexf(drawing(graph), stream)
    return []


def read(source: str | Path | BinaryIO) -> nx.MultiDiGraph:
    """Read a file written by ``write`` back into the common graph shape."""
    raw = nx.read_gexf(source)
    back = {new: old for old, new in RENAMED.items()}
    drawn = ("start", "end", "viz", "id", "label")
    nodes = [(node, from_display_node(_renamed(
        {k: v for k, v in data.items() if k not in drawn[:3]}, back)))
        for node, data in raw.nodes(data=True)]
    edges = [(u, v, {"type": data["label"], **decode(_renamed(
        {k: x for k, x in data.items() if k not in drawn}, back))})
        for u, v, data in raw.edges(data=True)]
    return common_graph(nodes, edges)
