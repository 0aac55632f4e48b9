"""The map on the globe (``--layout geo``): an equirectangular projection, nothing fetched.

States stand at their capitals and places at their own coordinates, which the caller
supplies (``Place``: the gazetteers know them; ``graph`` does not read them itself). Every
other node stands near what it belongs to: the place an event was held in, else its state
(``country_of``), else amid its placed neighbours, a small deterministic offset apart so
nodes do not pile up. A node with nothing to stand near goes in a row below the map; the
states among them are named in the legend, not dropped.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.analysis.projection import country_of

Place = Callable[[str, dict[str, Any]], tuple[float, float] | None]
"""(node id, its data) -> (latitude, longitude), or None when unknown."""

SCALE = 12.0
"""Pixels per degree: the world is 4,320 by 2,160 px."""
GRATICULE = 30
"""Degrees between the lines drawn under the map."""
NEAR = (14.0, 46.0)
"""Nearest and farthest a node stands from what it belongs to, in pixels."""
PLACES = ("HELD_IN", "LOCATED_IN")
"""Relationships that put an event or a body at a place."""
ROUNDS = 3
"""Passes placing a node with neither place nor state amid its placed neighbours (an
exercise amid the states taking part, a person amid the meetings he attended)."""


@dataclass
class Geo:
    """Positions on the projection, and what had none of its own or of its owner."""

    spots: dict[str, tuple[float, float]] = field(default_factory=dict)
    unplaced: list[str] = field(default_factory=list)

    def payload(self) -> dict[str, Any]:
        """What the page needs to draw the graticule and list the unplaced states."""
        return {"scale": SCALE, "step": GRATICULE, "unplaced": self.unplaced}


def project(latitude: float, longitude: float) -> tuple[float, float]:
    """Page coordinates of a point (x east, y south, the origin at 0°, 0°).

    >>> project(40.4, 49.9)
    (598.8, -484.8)
    """
    return round(longitude * SCALE, 1), round(-latitude * SCALE, 1)


def _offset(node: str) -> tuple[float, float]:
    """A small displacement the same for the same id: angle and distance from a digest."""
    digest = hashlib.sha1(node.encode("utf-8"), usedforsecurity=False).digest()
    angle = digest[0] / 256 * 2 * math.pi
    radius = NEAR[0] + digest[1] / 255 * (NEAR[1] - NEAR[0])
    return radius * math.cos(angle), radius * math.sin(angle)


def geo_positions(view: nx.Graph, graph: nx.MultiDiGraph, place: Place) -> Geo:
    """Positions of every node of ``view`` on the projection (``graph``: the full facts, to
    find what a node belongs to)."""
    geo = Geo()
    own = {node: spot for node, data in view.nodes(data=True)
           if (spot := place(node, graph.nodes[node] if node in graph else data))}
    for node, (latitude, longitude) in own.items():
        geo.spots[node] = project(latitude, longitude)
    lost: list[str] = []
    for node in view:
        if node in geo.spots:
            continue
        anchor = _anchor(graph, node, own, place)
        if anchor is None:
            lost.append(node)
            continue
        geo.spots[node] = _near(project(*anchor), node)
    for _ in range(ROUNDS):
        found = {node: _middle([geo.spots[other] for other in nx.all_neighbors(view, node)
                                if other in geo.spots]) for node in lost}
        lost = [node for node in lost if found[node] is None]
        geo.spots.update({node: _near(spot, node) for node, spot in found.items() if spot})
    bottom = project(-90, 0)[1] + 80
    for index, node in enumerate(sorted(lost)):
        geo.spots[node] = (project(0, -180)[0] + 60.0 * (index % 72),
                           bottom + 40.0 * (index // 72))
    geo.unplaced = sorted(str(view.nodes[node].get("name", node)) for node in lost
                          if view.nodes[node].get("label") == "Country")
    return geo


def _near(spot: tuple[float, float], node: str) -> tuple[float, float]:
    dx, dy = _offset(node)
    return round(spot[0] + dx, 1), round(spot[1] + dy, 1)


def _middle(spots: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The centre of ``spots`` (None for none)."""
    if not spots:
        return None
    return (sum(x for x, _ in spots) / len(spots), sum(y for _, y in spots) / len(spots))


def _anchor(graph: nx.MultiDiGraph, node: str, own: dict[str, tuple[float, float]],
            place: Place) -> tuple[float, float] | None:
    """Where a node without coordinates stands near: a place it is held or located in,
    else its state's capital."""
    if node not in graph:
        return None
    for _, target, kind in graph.out_edges(node, keys=True):
        if kind in PLACES:
            spot = own.get(target) or place(target, graph.nodes[target])
            if spot:
                return spot
    state = country_of(graph, node)
    if state is None:
        return None
    return own.get(state) or place(state, graph.nodes[state])
