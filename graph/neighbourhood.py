"""The neighbourhood of an entity: what lies within a few fact relationships of it.

Both stores answer it the same way (the Neo4j store in the database, hop by hop); this is
the definition, on a graph in the common shape.
"""

from __future__ import annotations

import networkx as nx

from graph.errors import NotFoundError
from graph.vocabulary import PROVENANCE_TYPES


def neighbourhood(graph: nx.MultiDiGraph, node: str, depth: int = 1) -> nx.MultiDiGraph:
    """The subgraph within ``depth`` fact relationships of ``node``, with its articles.

    Hops follow fact relationships in either direction (provenance ``MENTIONS`` edges are not
    hops). The result holds every relationship among the nodes reached, plus the articles that
    mention any of them with those ``MENTIONS`` edges, so sources can still be quoted.

    Parameters
    ----------
    graph : nx.MultiDiGraph
        A graph in the common shape (edge key = relationship type).
    node : str
        The id of the entity at the centre.
    depth : int
        How many relationships away to go (0: the entity alone, with its articles).

    Returns
    -------
    nx.MultiDiGraph
        A copy: changing it leaves ``graph`` alone.

    Example
    -------
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("AZE", "TUR", key="COOPERATES_WITH")
    'COOPERATES_WITH'
    >>> g.add_edge("TUR", "NATO", key="MEMBER_OF")
    'MEMBER_OF'
    >>> g.add_edge("a1", "AZE", key="MENTIONS")
    'MENTIONS'
    >>> sorted(neighbourhood(g, "AZE", 1))
    ['AZE', 'TUR', 'a1']
    >>> sorted(neighbourhood(g, "NATO", 2))
    ['AZE', 'NATO', 'TUR', 'a1']
    """
    if node not in graph:
        raise NotFoundError(f"no node {node!r} in the graph")
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, not {depth}")
    facts = nx.subgraph_view(graph, filter_edge=lambda u, v, k: k not in PROVENANCE_TYPES)
    reached = nx.single_source_shortest_path_length(facts.to_undirected(as_view=True), node,
                                                    cutoff=depth)
    articles = {source for target in reached
                for source, _, kind in graph.in_edges(target, keys=True)
                if kind in PROVENANCE_TYPES}
    return graph.subgraph(set(reached) | articles).copy()
