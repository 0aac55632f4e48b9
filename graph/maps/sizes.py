"""How big each node is drawn: a centrality measure of the view (graph.analysis.centrality)."""

from __future__ import annotations

import networkx as nx

from graph.analysis.centrality import MEASURES as CENTRALITY_MEASURES
from graph.analysis.centrality import centrality
from graph.errors import MapError

MEASURES = (*CENTRALITY_MEASURES, "none")
"""Measures a map can size its nodes by; ``none`` draws them all the same size."""


def importance(view: nx.Graph, measure: str = "degree") -> dict[str, float]:
    """Each node's centrality under ``measure``, for vis.js to scale node sizes by.

    Parameters
    ----------
    view : nx.Graph
        A facts view (``nx.MultiDiGraph``, collapsed by ``centrality``) or a simple graph
        (the country projection).
    measure : str
        One of ``MEASURES``.

    Returns
    -------
    dict
        Node id to the measure's value (all 0 for ``none``).

    Example
    -------
    >>> g = nx.MultiDiGraph([("a", "b"), ("a", "c")])
    >>> importance(g)
    {'a': 2.0, 'b': 1.0, 'c': 1.0}
    """
    if measure not in MEASURES:
        raise MapError(f"unknown size measure {measure!r} (known: {', '.join(MEASURES)})")
    if measure == "none" or view.number_of_nodes() == 0:
        return dict.fromkeys(view, 0.0)
    return {node: float(value) for node, value in centrality(view, measure)[measure].items()}
