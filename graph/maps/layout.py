"""Where each node starts on the page: a force-directed layout computed in Python.

vis.js settles a page itself, but its physics takes minutes past a thousand nodes; igraph's
grid Fruchterman-Reingold lays out 5,000 nodes in about a second (networkx's spring
layout took over a minute here), so large maps are drawn from these positions, physics off.
"""

from __future__ import annotations

import math
import random

import igraph as ig
import networkx as nx

SPACING = 60.0
"""Pixels per node along one side of the layout's square: about one node per 60×60 px."""


def positions(graph: nx.Graph, seed: int = 1) -> dict[str, tuple[float, float]]:
    """Page coordinates (pixels, centred on 0) for every node, the same for the same graph.

    Parameters
    ----------
    graph : nx.Graph
        Any networkx graph; direction and parallel edges are ignored.
    seed : int
        Seed of the layout's random moves, so a map redrawn from the same data looks alike.

    Returns
    -------
    dict
        Node id to ``(x, y)``, spread over a square of side ``SPACING * sqrt(n)``.

    Example
    -------
    >>> spots = positions(nx.path_graph(["a", "b", "c"]))
    >>> sorted(spots), all(abs(x) <= 52 and abs(y) <= 52 for x, y in spots.values())
    (['a', 'b', 'c'], True)
    """
    nodes = list(graph)
    if len(nodes) < 2:
        return dict.fromkeys(nodes, (0.0, 0.0))
    index = {node: i for i, node in enumerate(nodes)}
    edges = {tuple(sorted((index[u], index[v]))) for u, v in graph.edges() if u != v}
    ig.set_random_number_generator(random.Random(seed))
    try:
        coords = ig.Graph(n=len(nodes), edges=sorted(edges)).layout_fruchterman_reingold(
            grid="auto", niter=500).coords
    finally:
        ig.set_random_number_generator(random)
    return dict(zip(nodes, _fit(coords, SPACING * math.sqrt(len(nodes))), strict=True))


def _fit(coords: list[list[float]], side: float) -> list[tuple[float, float]]:
    """Coordinates scaled to fill a square of ``side`` centred on the origin."""
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    mid_x, mid_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return [(round((x - mid_x) * side / span, 1), round((y - mid_y) * side / span, 1))
            for x, y in coords]
