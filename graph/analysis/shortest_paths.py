"""Shortest-path measures, exact or estimated from sampled sources, on NetworkX or igraph.

Betweenness and closeness cost one breadth-first search per source node: exact on small
graphs, estimated from ``k`` sampled sources on large ones. The same estimators run on either
engine: igraph (the searches in C, about 30 times sooner) or NetworkX (pure Python, the
reference the tests hold igraph to), so the choice changes the running time, not the answer.
Distances count hops.
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Iterable

import igraph
import networkx as nx
import numpy as np

ENGINES = ("networkx", "igraph")
"""Engines the path measures run on."""


def pivots(nodes: Iterable[Hashable], k: int, seed: int) -> list[Hashable]:
    """``k`` of ``nodes`` drawn at random with ``seed``, whatever order a store read them in.

    >>> pivots(["c", "a", "b"], 2, seed=0)
    ['b', 'c']
    """
    return random.Random(seed).sample(sorted(nodes, key=str), k)


def to_igraph(graph: nx.Graph) -> igraph.Graph:
    """The undirected topology of ``graph`` for igraph: vertex i is the i-th node of ``graph``.

    >>> to_igraph(nx.path_graph(3)).get_edgelist()
    [(0, 1), (1, 2)]
    """
    index = {node: i for i, node in enumerate(graph)}
    return igraph.Graph(n=len(index), edges=[(index[u], index[v]) for u, v in graph.edges()])


def betweenness(graph: nx.Graph, k: int | None = None, seed: int = 0,
                engine: str = "networkx") -> dict[Hashable, float]:
    """Betweenness centrality, normalised as NetworkX does, exact or from ``k`` sources.

    The share of shortest paths between two other nodes that pass through a node. With
    ``k``, paths are followed from ``k`` sources drawn with ``seed`` and the sums scaled by
    n/k: an unbiased estimate (Brandes and Pich, 2007).

    >>> betweenness(nx.path_graph(["a", "b", "c"]))
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    n = len(graph)
    sources = pivots(graph, k, seed) if k is not None and k < n else None
    if engine == "igraph":
        index = {node: i for i, node in enumerate(graph)}
        chosen = None if sources is None else [index[s] for s in sources]
        raw = dict(zip(graph, to_igraph(graph).betweenness(directed=False, sources=chosen),
                       strict=True))
    elif sources is None:
        raw = nx.betweenness_centrality(graph, normalized=False)
    else:
        raw = nx.betweenness_centrality_subset(graph, sources, list(graph), normalized=False)
    scale = (n / len(sources) if sources else 1.0) * (2 / ((n - 1) * (n - 2)) if n > 2 else 1)
    return {node: value * scale for node, value in raw.items()}


def _sources_for_closeness(graph: nx.Graph, k: int | None, seed: int) -> list[Hashable]:
    """Every node of a component of at most ``k`` nodes, and ``k`` drawn from each larger one."""
    if k is None:
        return list(graph)
    chosen: list[Hashable] = []
    for component in nx.connected_components(graph):
        chosen.extend(component if len(component) <= k else pivots(component, k, seed))
    return chosen


def _searches(graph: nx.Graph, sources: list[Hashable],
              engine: str) -> list[tuple[np.ndarray, np.ndarray]]:
    """For each source, (positions of the nodes it reaches, their hops), the source first."""
    index = {node: i for i, node in enumerate(graph)}
    if engine == "igraph":
        topology = to_igraph(graph)
        found = []
        for source in sources:
            reached, layers, _ = topology.bfs(index[source])
            hops = np.repeat(np.arange(len(layers) - 1), np.diff(layers))
            found.append((np.asarray(reached[: len(hops)]), hops))
        return found
    found = []
    for source in sources:
        lengths = nx.single_source_shortest_path_length(graph, source)
        found.append((np.fromiter((index[u] for u in lengths), int, len(lengths)),
                      np.fromiter(lengths.values(), int, len(lengths))))
    return found


def closeness(graph: nx.Graph, k: int | None = None, seed: int = 0,
              engine: str = "networkx") -> dict[Hashable, float]:
    """Closeness centrality as NetworkX defines it (Wasserman-Faust), exact or from ``k`` sources.

    How near a node is to all the others it can reach: (r-1)/(n-1) over its mean distance
    to them, r being the size of its component. With ``k``, the mean distance is estimated
    from ``k`` sources drawn with ``seed`` in each component larger than ``k`` (Eppstein and
    Wang, 2004); smaller components are searched whole, so they stay exact.

    >>> closeness(nx.path_graph(["a", "b", "c"]))
    {'a': 0.6666666666666666, 'b': 1.0, 'c': 0.6666666666666666}
    """
    n = len(graph)
    total, count, size = np.zeros(n), np.zeros(n), np.ones(n)
    for reached, hops in _searches(graph, _sources_for_closeness(graph, k, seed), engine):
        total[reached] += hops
        count[reached] += 1
        count[reached[0]] -= 1
        size[reached] = len(reached)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = total / count
        values = np.where(total > 0, (size - 1) / ((n - 1) * mean), 0.0)
    return dict(zip(graph, values.tolist(), strict=True))
