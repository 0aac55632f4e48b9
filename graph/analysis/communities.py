"""Communities: the blocs of the cooperation network, found by Louvain with a fixed seed."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from graph.analysis.centrality import as_simple, nodes_frame


def communities(graph: nx.Graph, seed: int = 0, resolution: float = 1.0) -> pd.DataFrame:
    """The community of every node, by Louvain modularity optimisation on tie weights.

    Parameters
    ----------
    graph : graph
        A facts multigraph (collapsed first) or a simple graph such as a country projection.
    seed : int
        Louvain visits nodes in a random order: the same seed gives the same communities.
    resolution : float
        Above 1 favours smaller communities, below 1 larger ones.

    Returns
    -------
    DataFrame
        Indexed by node id: ``name``, ``label``, ``community`` (0 is the largest; equal
        sizes ordered by their smallest id) and ``size``, sorted by community then id.

    Examples
    --------
    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("c", "x")])
    >>> communities(g)["community"].to_dict()
    {'a': 0, 'b': 0, 'c': 0, 'x': 1, 'y': 1}
    """
    simple = as_simple(graph)
    found = nx.community.louvain_communities(simple, weight="weight", resolution=resolution,
                                             seed=seed)
    ordered = sorted(found, key=lambda group: (-len(group), min(map(str, group))))
    number = {node: i for i, group in enumerate(ordered) for node in group}
    size = {node: len(group) for group in ordered for node in group}
    frame = nodes_frame(simple, {"community": number, "size": size})
    return frame.sort_index().sort_values("community", kind="stable")


def modularity(graph: nx.Graph, frame: pd.DataFrame) -> float:
    """How much denser ties are inside the communities of ``frame`` than chance would make them.

    From about 0.3 up, the communities are real structure; NaN for a graph with no ties.

    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("c", "x")])
    >>> round(modularity(g, communities(g)), 3)
    0.22
    """
    simple = as_simple(graph)
    if simple.number_of_edges() == 0:
        return float("nan")
    groups = frame.groupby("community").groups.values()
    return nx.community.modularity(simple, [set(group) for group in groups], weight="weight")
