"""Centrality: who sits at the centre of the cooperation network, and who brokers between blocs.

Every function takes a graph in the common shape (a facts multigraph, collapsed here with
``projection.collapse``) or a simple graph (a collapse, or a country projection) and returns
a DataFrame indexed by node id, with ``name`` and ``label`` columns and a column per measure.
Betweenness and closeness count hops (see ``shortest_paths``); eigenvector and PageRank weigh
each tie by its ``weight``, the number of relationships or ties it sums up.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import networkx as nx
import numpy as np
import pandas as pd

from graph.analysis import shortest_paths
from graph.analysis.projection import collapse
from graph.errors import AnalysisError
from graph.progress import progress
from graph.vocabulary import label as vocabulary_label

DEGREES = ("degree", "in_degree", "out_degree", "weighted_degree")
"""Degree measures: distinct neighbours (all, in, out) and relationships (weighted)."""

MEASURES = (*DEGREES, "betweenness", "closeness", "eigenvector", "pagerank")
"""Every measure ``centrality`` computes, in the order tables show them."""

EXACT_LIMIT = 2_000
"""Graphs up to this many nodes get exact betweenness and closeness (about 2 s at 20,000 ties)."""

SAMPLE_SIZE = 500
"""Sources sampled for betweenness and closeness on larger graphs (see the benchmark)."""


def sample_size(nodes: int, k: int | None = None) -> int | None:
    """How many sources path measures follow on a graph of ``nodes`` nodes; None means exact.

    >>> sample_size(120), sample_size(100_000), sample_size(100_000, k=64), sample_size(50, k=64)
    (None, 500, 64, None)
    """
    if k is None:
        k = None if nodes <= EXACT_LIMIT else SAMPLE_SIZE
    if k is not None and k < 2:
        raise AnalysisError(f"a sample of {k} source(s) is too small: use at least 2")
    return None if k is None or k >= nodes else k


def as_simple(graph: nx.Graph) -> nx.Graph:
    """The undirected simple graph measures run on: a multigraph collapsed, a digraph folded.

    Folding a digraph adds up the weights of a→b and b→a.

    >>> g = nx.MultiDiGraph([("a", "b", "SUPPORTS"), ("b", "a", "TRAINED")])
    >>> as_simple(g).edges["a", "b"]["weight"]
    2
    >>> as_simple(nx.DiGraph([("a", "b", {"weight": 2}), ("b", "a")])).edges["a", "b"]
    {'weight': 3}
    """
    if graph.is_multigraph():
        return collapse(graph)
    if not graph.is_directed():
        return graph
    folded = nx.Graph()
    folded.add_nodes_from(graph.nodes(data=True))
    for first, second, weight in graph.edges(data="weight", default=1):
        tie = folded.get_edge_data(first, second, {"weight": 0})
        folded.add_edge(first, second, weight=tie["weight"] + weight)
    return folded


def as_directed(graph: nx.Graph) -> nx.DiGraph:
    """The directed simple graph in- and out-degree read; an undirected tie points both ways.

    >>> sorted(as_directed(nx.Graph([("a", "b")])).edges)
    [('a', 'b'), ('b', 'a')]
    """
    if graph.is_multigraph():
        return collapse(graph, directed=True)
    return graph if graph.is_directed() else graph.to_directed(as_view=True)


def nodes_frame(graph: nx.Graph, columns: dict[str, dict[Hashable, float]]) -> pd.DataFrame:
    """One row per node of ``graph``: index ``id``, then ``name``, ``label`` and ``columns``.

    >>> g = nx.Graph([("AZE", "TUR")])
    >>> g.nodes["AZE"].update(name="Azerbaijan", label="Country")
    >>> nodes_frame(g, {"x": {"AZE": 1, "TUR": 2}}).to_dict("index")["AZE"]
    {'name': 'Azerbaijan', 'label': 'Country', 'x': 1}
    """
    frame = pd.DataFrame(
        {"name": [str(data.get("name", node)) for node, data in graph.nodes(data=True)],
         "label": [str(data.get("label", "")) for _, data in graph.nodes(data=True)]},
        index=pd.Index(list(graph), name="id"))
    for column, values in columns.items():
        frame[column] = [values[node] for node in graph]
    return frame


POWER_STEPS = 1000
"""Most steps of the power iteration eigenvector centrality takes before it gives up."""

POWER_TOLERANCE = 1e-6
"""The power iteration stops when the values move by less than this per node in a step."""


def _eigenvector(graph: nx.Graph) -> dict[Hashable, float]:
    """Weighted eigenvector centrality; isolated nodes get exactly 0.

    NetworkX's power iteration (``nx.eigenvector_centrality``: the same start, steps,
    tolerance and unit length), each step one sparse product in C rather than a loop over
    the ties in Python (about 20 s of 28 for a 10,000-report graph before).
    """
    if graph.number_of_edges() == 0:
        return dict.fromkeys(graph, 0.0)
    nodes = list(graph)
    ties = nx.to_scipy_sparse_array(graph, nodelist=nodes, weight="weight", format="csr").T
    values = np.full(len(nodes), 1 / len(nodes))
    for _ in range(POWER_STEPS):
        last = values
        values = last + ties @ last
        values /= np.linalg.norm(values) or 1
        if np.abs(values - last).sum() < len(nodes) * POWER_TOLERANCE:
            break
    else:
        raise AnalysisError(f"eigenvector centrality did not converge in {POWER_STEPS} steps")
    return {node: float(value) if graph.degree(node) else 0.0
            for node, value in zip(nodes, values, strict=True)}


def _values(measure: str, graph: nx.Graph, directed: nx.DiGraph | None, k: int | None,
            seed: int, engine: str) -> dict[Hashable, float]:
    """One measure for every node of the simple ``graph`` (``directed`` for in/out degree)."""
    if measure == "degree":
        return dict(graph.degree())
    if measure == "weighted_degree":
        return dict(graph.degree(weight="weight"))
    if measure in ("in_degree", "out_degree"):
        return dict(getattr(directed, measure)())
    if measure in ("betweenness", "closeness"):
        path_measure = getattr(shortest_paths, measure)
        return path_measure(graph, sample_size(len(graph), k), seed, engine)
    if measure == "eigenvector":
        return _eigenvector(graph)
    return nx.pagerank(graph, weight="weight")


def centrality(graph: nx.Graph, measure: str | Iterable[str] = MEASURES, *,
               k: int | None = None, seed: int = 0, engine: str = "igraph") -> pd.DataFrame:
    """Centrality measures of every node, one column each.

    Parameters
    ----------
    graph : graph
        A facts multigraph (collapsed first), or a simple graph such as a collapse or a
        country projection.
    measure : str or iterable of str
        Names from ``MEASURES``; all of them by default.
    k : int, optional
        Sources sampled for betweenness and closeness; by default exact up to
        ``EXACT_LIMIT`` nodes and ``SAMPLE_SIZE`` above (see ``sample_size``).
    seed : int
        Seed of that sample.
    engine : {"igraph", "networkx"}
        Where betweenness and closeness search paths: the same answer, igraph about 30
        times sooner (see ``shortest_paths``).

    Returns
    -------
    DataFrame
        Indexed by node id: ``name``, ``label``, then one column per measure.

    Examples
    --------
    >>> g = nx.star_graph(["hub", "a", "b"])
    >>> centrality(g, ["degree", "betweenness"]).loc[["hub"]].to_dict("records")
    [{'name': 'hub', 'label': '', 'degree': 2, 'betweenness': 1.0}]
    """
    measures = (measure,) if isinstance(measure, str) else tuple(measure)
    unknown = [name for name in measures if name not in MEASURES]
    if unknown:
        raise AnalysisError(f"unknown measure {unknown[0]!r} (known: {', '.join(MEASURES)})")
    if engine not in shortest_paths.ENGINES:
        known = ", ".join(shortest_paths.ENGINES)
        raise AnalysisError(f"unknown engine {engine!r} (known: {known})")
    simple = as_simple(graph)
    directed = as_directed(graph) if {"in_degree", "out_degree"} & set(measures) else None
    return nodes_frame(simple, {name: _values(name, simple, directed, k, seed, engine)
                                for name in progress(measures, "centrality", "measure")})


def degree(graph: nx.Graph) -> pd.DataFrame:
    """Degree: how many others a node is tied to (all, in, out) and by how many relationships.

    Parameters
    ----------
    graph : graph
        A facts multigraph or a simple graph; in an undirected graph, in = out = degree.

    Returns
    -------
    DataFrame
        ``degree``, ``in_degree``, ``out_degree`` (distinct neighbours) and
        ``weighted_degree`` (the sum of tie weights: relationships, or projected ties).

    Examples
    --------
    >>> g = nx.MultiDiGraph([("a", "b", "SUPPORTS"), ("a", "b", "TRAINED"), ("c", "a", "RUNS")])
    >>> degree(g).loc["a", list(DEGREES)].tolist()
    [2, 1, 1, 3]
    """
    return centrality(graph, DEGREES)


def betweenness(graph: nx.Graph, k: int | None = None, seed: int = 0,
                engine: str = "igraph") -> pd.DataFrame:
    """Betweenness: the share of shortest paths between two others that run through a node.

    A broker between blocs scores high. Exact up to ``EXACT_LIMIT`` nodes, otherwise
    estimated from ``k`` sampled sources (``seed``); see ``centrality`` for the parameters.

    Examples
    --------
    >>> betweenness(nx.path_graph(["a", "b", "c"]))["betweenness"].tolist()
    [0.0, 1.0, 0.0]
    """
    return centrality(graph, "betweenness", k=k, seed=seed, engine=engine)


def closeness(graph: nx.Graph, k: int | None = None, seed: int = 0,
              engine: str = "igraph") -> pd.DataFrame:
    """Closeness: how few steps a node needs to reach everyone it can reach.

    Wasserman-Faust closeness, as NetworkX computes it, so a small separate group does not
    look central. Exact up to ``EXACT_LIMIT`` nodes, otherwise estimated from ``k`` sources.

    Examples
    --------
    >>> closeness(nx.path_graph(["a", "b", "c"]))["closeness"].round(3).tolist()
    [0.667, 1.0, 0.667]
    """
    return centrality(graph, "closeness", k=k, seed=seed, engine=engine)


def eigenvector(graph: nx.Graph) -> pd.DataFrame:
    """Eigenvector centrality: tied, and strongly, to nodes that are themselves central.

    Weighted by ``weight``; unit length, as in NetworkX. On a disconnected graph it sits
    on the component with the largest eigenvalue; isolated nodes get 0.

    Examples
    --------
    >>> eigenvector(nx.path_graph(["a", "b", "c"]))["eigenvector"].round(3).tolist()
    [0.5, 0.707, 0.5]
    """
    return centrality(graph, "eigenvector")


def pagerank(graph: nx.Graph) -> pd.DataFrame:
    """PageRank: where a walker following ties by weight spends its time (damping 0.85).

    Examples
    --------
    >>> pagerank(nx.star_graph(["hub", "a", "b"]))["pagerank"].round(3).tolist()
    [0.486, 0.257, 0.257]
    """
    return centrality(graph, "pagerank")


def ranked(frame: pd.DataFrame, by: str, label: str | None = None,
           top: int | None = None) -> pd.DataFrame:
    """The rows of ``label`` (all when None), highest ``by`` first, ties by id, at most ``top``.

    A ``rank`` column comes first; equal values share the best rank.

    >>> frame = pd.DataFrame({"label": ["Country", "Person", "Country"], "x": [1, 5, 3]},
    ...                      index=pd.Index(["b", "p", "a"], name="id"))
    >>> ranked(frame, "x", label="Country")[["rank", "x"]].to_dict("index")
    {'a': {'rank': 1, 'x': 3}, 'b': {'rank': 2, 'x': 1}}
    """
    if label is not None:
        vocabulary_label(label)
        frame = frame[frame["label"] == label]
    rows = frame.sort_index().sort_values(by, ascending=False, kind="stable")
    rows = rows.head(top) if top else rows
    return rows.assign(rank=rows[by].rank(method="min", ascending=False).astype(int))[
        ["rank", *frame.columns]]
