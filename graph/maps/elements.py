"""What the page draws: a view's nodes and edges as vis.js items, styled from the vocabulary.

Colours and shapes come from graph/vocabulary.py (``Label.colour``/``shape``,
``RelType.colour``); the legend lists the labels and types present, with their counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.analysis.projection import drawn, tie_times
from graph.dates import Interval, happened, own
from graph.maps.timeline import reported
from graph.maps.tooltips import Sources, edge_tooltip, node_tooltip, tie_tooltip
from graph.vocabulary import DERIVED_TYPES, LABELS, REL_TYPES, TIE_KINDS

LABEL_CHARS = 32
"""Longest node caption drawn on the map; the full name is in the tooltip and search."""


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend, which is also a filter: a label or relationship type."""

    category: str
    colour: str
    shape: str
    count: int
    description: str


@dataclass
class MapData:
    """The vis.js items of a map and its legend, ready to render."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    node_legend: list[LegendEntry] = field(default_factory=list)
    edge_legend: list[LegendEntry] = field(default_factory=list)


def _caption(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"


def _ink(colour: str) -> str:
    """Black or white, whichever reads better on ``colour`` (a #rrggbb string).

    >>> _ink("#ffe119"), _ink("#800000")
    ('#222222', '#ffffff')
    """
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#222222" if 0.299 * red + 0.587 * green + 0.114 * blue > 140 else "#ffffff"


def node_item(node: str, data: dict[str, Any], size: float, spot: tuple[float, float],
              title: str) -> dict[str, Any]:
    """A vis.js node: caption, label colour and shape, size value, position, tooltip."""
    style = LABELS.get(data.get("label", ""))
    colour, shape = (style.colour, style.shape) if style else ("#97c2fc", "dot")
    name = str(data.get("name", node))
    return {"id": node, "label": _caption(name), "name": name,
            "aliases": [str(a) for a in data.get("aliases", [])],
            "category": data.get("label", ""), "shape": shape, "value": size,
            "color": {"background": colour, "border": "#444444",
                      "highlight": {"background": colour, "border": "#000000"},
                      "hover": {"background": colour, "border": "#000000"}},
            "font": {"color": _ink(colour) if shape in ("box", "ellipse") else "#222222"},
            "x": spot[0], "y": spot[1], "title": title}


def _edge_colour(colour: str) -> dict[str, str]:
    """An edge's colours: its type's, black when selected, unchanged under the pointer."""
    return {"color": colour, "highlight": "#000000", "hover": colour}


def _bends(pairs: list[tuple[str, str]]) -> list[dict[str, Any] | None]:
    """Curves that keep parallel edges apart: none for the first between two nodes.

    >>> [b and b["type"] for b in _bends([("a", "b"), ("b", "a"), ("a", "c")])]
    [None, 'curvedCW', None]
    """
    seen: Counter[frozenset[str]] = Counter()
    bends: list[dict[str, Any] | None] = []
    for pair in pairs:
        rank = seen[frozenset(pair)]
        seen[frozenset(pair)] += 1
        bends.append(None if rank == 0 else {
            "enabled": True, "type": "curvedCW" if rank % 2 else "curvedCCW",
            "roundness": 0.2 * ((rank + 1) // 2)})
    return bends


def edge_item(edge_id: str, ends: tuple[str, str], kind: str, title: str, busy: bool,
              bend: dict[str, Any] | None) -> dict[str, Any]:
    """A vis.js edge: type colour, caption and arrowhead (unless ``busy``), curve, tooltip."""
    rel = REL_TYPES.get(kind)
    item = {"id": edge_id, "from": ends[0], "to": ends[1], "category": kind,
            "color": _edge_colour(rel.colour if rel else "#848484"),
            "arrows": "" if busy or (rel and rel.symmetric) else "to", "title": title}
    if not busy:
        item["label"] = kind
    if bend:
        item["smooth"] = bend
    return item


def facts_map(view: nx.MultiDiGraph, sources: Sources, sizes: dict[str, float],
              spots: dict[str, tuple[float, float]], busy: bool = False) -> MapData:
    """The items of a facts view: entities by label, relationships by type.

    Edges are captioned with their type and show their direction with an arrowhead, unless
    the map is ``busy``: at 20,000 edges captions made every zoom take seconds and arrowheads
    doubled the time to draw a frame; the tooltip still says who did what to whom.
    """
    data = MapData()
    for node, attrs in view.nodes(data=True):
        data.nodes.append(node_item(node, attrs, sizes.get(node, 0.0), spots[node],
                                    node_tooltip(node, attrs, sources))
                          | _times(own(attrs), attrs, sources))
    edges = list(view.edges(keys=True, data=True))
    for index, ((u, v, kind, attrs), bend) in enumerate(
            zip(edges, _bends([(u, v) for u, v, _, _ in edges]), strict=True)):
        names = (view.nodes[u].get("name", u), view.nodes[v].get("name", v))
        data.edges.append(edge_item(f"e{index}", (u, v), kind,
                                    edge_tooltip(names, attrs, sources), busy, bend)
                          | _times(happened(attrs, view.nodes[u], view.nodes[v]), attrs,
                                   sources))
    data.node_legend = _legend(Counter(d.get("label", "") for _, d in view.nodes(data=True)),
                               {name: (lab.colour, lab.shape, lab.description)
                                for name, lab in LABELS.items()})
    data.edge_legend = _legend(Counter(k for _, _, k in view.edges(keys=True)),
                               {name: (rel.colour, "line", rel.description)
                                for name, rel in REL_TYPES.items()})
    return data


def country_map(projection: nx.Graph, graph: nx.MultiDiGraph, sources: Sources,
                sizes: dict[str, float], spots: dict[str, tuple[float, float]]) -> MapData:
    """The items of the country projection: edge width is the number of ties."""
    data = MapData()
    for node, attrs in projection.nodes(data=True):
        full = graph.nodes[node] if node in graph else attrs
        data.nodes.append(node_item(node, attrs, sizes.get(node, 0.0), spots[node],
                                    node_tooltip(node, full, sources))
                          | _times(None, full, sources))
    colour = DERIVED_TYPES["TIES_WITH"].colour
    times = None
    for index, (u, v, attrs) in enumerate(projection.edges(data=True)):
        names = (projection.nodes[u].get("name", u), projection.nodes[v].get("name", v))
        if "clocks" not in attrs:
            times = tie_times(graph) if times is None else times
            attrs = attrs | drawn(tuple(sorted((u, v))), attrs, times)
        data.edges.append({"id": f"e{index}", "from": u, "to": v, "value": attrs["weight"],
                           "label": str(attrs["weight"]), "category": "ties",
                           "color": _edge_colour(colour), "arrows": "",
                           "title": tie_tooltip(names, attrs, TIE_KINDS, sources),
                           "ties": [dict(zip(_TIE_KEYS, group, strict=True))
                                    for group in attrs["clocks"]]})
    country = LABELS["Country"]
    data.node_legend = _legend(Counter({"Country": projection.number_of_nodes()}),
                               {"Country": (country.colour, country.shape,
                                            country.description)})
    data.edge_legend = _legend(Counter({"ties": projection.number_of_edges()}),
                               {"ties": (colour, "line", "Shared exercises, programs, agreements, "
                                         "meetings, operations and direct ties; width = "
                                         "how many.")})
    return data


_TIE_KEYS = ("kind", "when", "told", "n", "what")
"""A tie group's fields on the page (``projection.tie_clocks``): ties of one kind and years."""


def _times(when: Interval | None, attrs: dict[str, Any], sources: Sources) -> dict[str, Any]:
    """An item's two clocks (``graph.maps.timeline``): when it held, when it was reported."""
    return {"when": list(when) if when else None,
            "told": reported(sources, attrs.get("sources", []))}


def _legend(counts: Counter[str], styles: dict[str, tuple[str, str, str]]) -> list[LegendEntry]:
    """Legend entries for the categories present, in vocabulary order."""
    return [LegendEntry(name, *styles[name][:2], counts[name], styles[name][2])
            for name in styles if counts[name]]
