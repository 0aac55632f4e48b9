"""What a map shows: pure graph → graph views (facts, subsets, time windows, an ego network).

Each view returns a new graph and leaves its input alone, so views compose in any order;
``map_view`` composes them the way ``milcoop map`` offers them.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from graph.analysis.projection import country_projection, fact_date, in_window
from graph.dates import date_problem
from graph.errors import MapError
from graph.vocabulary import PROVENANCE_TYPES, label, rel_type


def facts(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The entities and their fact relationships: articles and provenance left out.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a1", label="Article")
    >>> g.add_edge("AZE", "TUR", key="SUPPORTS")
    'SUPPORTS'
    >>> g.add_edge("a1", "AZE", key="MENTIONS")
    'MENTIONS'
    >>> sorted(facts(g)), list(facts(g).edges(keys=True))
    (['AZE', 'TUR'], [('AZE', 'TUR', 'SUPPORTS')])
    """
    view = nx.MultiDiGraph()
    view.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if d.get("label") != "Article")
    view.add_edges_from((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)
                        if k not in PROVENANCE_TYPES and u in view and v in view)
    return view


def subset(graph: nx.MultiDiGraph, labels: Iterable[str] = (),
           types: Iterable[str] = ()) -> nx.MultiDiGraph:
    """Only nodes whose label is in ``labels`` and relationships whose type is in ``types``.

    An empty ``labels`` or ``types`` keeps them all. Names must be declared in the
    vocabulary (VocabularyError otherwise).

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("AZE", {"label": "Country"}), ("x", {"label": "Exercise"})])
    >>> _ = g.add_edge("AZE", "x", key="PARTICIPATED_IN")
    >>> sorted(subset(g, labels=["Country"]))
    ['AZE']
    >>> subset(g, types=["SIGNED"]).number_of_edges()
    0
    """
    wanted_labels = {label(name).name for name in labels}
    wanted_types = {rel_type(name).name for name in types}
    view = nx.MultiDiGraph()
    view.add_nodes_from((n, d) for n, d in graph.nodes(data=True)
                        if not wanted_labels or d.get("label") in wanted_labels)
    view.add_edges_from((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)
                        if (not wanted_types or k in wanted_types) and u in view and v in view)
    return view


def check_date(value: str | None) -> str | None:
    """``value`` when it is an ISO date at some precision (2023, 2023-10, 2023-10-23).

    >>> check_date("2023-10")
    '2023-10'
    """
    problem = date_problem(value) if value is not None else None
    if problem:
        raise MapError(problem)
    return value


def window(graph: nx.MultiDiGraph, since: str | None = None,
           until: str | None = None) -> nx.MultiDiGraph:
    """Only the dated facts between ``since`` and ``until`` (ISO dates, either may be None).

    A relationship's date is its own ``date``, ``start`` or ``since``, else that of an event
    at either end; the rule ``country_projection`` dates ties by. Undated facts are left out
    when a bound is given. Kept: the dated relationships inside the window, their ends,
    and the events dated inside it.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("AZE", {"label": "Country"}), ("TUR", {"label": "Country"}),
    ...                   ("x", {"label": "Exercise", "start": "2023-10-23"})])
    >>> _ = g.add_edge("AZE", "x", key="PARTICIPATED_IN")
    >>> _ = g.add_edge("TUR", "AZE", key="SUPPORTS")
    >>> sorted(window(g, since="2023").edges(keys=True))
    [('AZE', 'x', 'PARTICIPATED_IN')]
    >>> window(g, until="2022").number_of_nodes()
    0
    """
    since, until = check_date(since), check_date(until)
    if since is None and until is None:
        return graph.copy()
    view = nx.MultiDiGraph()
    view.add_nodes_from((n, d) for n, d in graph.nodes(data=True)
                        if fact_date(d) and in_window(fact_date(d), since, until))
    for u, v, k, d in graph.edges(keys=True, data=True):
        if in_window(fact_date(d, graph.nodes[u], graph.nodes[v]), since, until):
            view.add_node(u, **graph.nodes[u])
            view.add_node(v, **graph.nodes[v])
            view.add_edge(u, v, k, **d)
    return view


def ego(graph: nx.Graph, node: str, depth: int = 1) -> nx.Graph:
    """The nodes within ``depth`` relationships of ``node``, either direction, and their ties.

    >>> g = nx.MultiDiGraph([("a", "b"), ("c", "b"), ("c", "d")])
    >>> sorted(ego(g, "a", 2))
    ['a', 'b', 'c']
    """
    if node not in graph:
        raise MapError(f"{node!r} is not on this map (filtered out, or not a country in "
                       "--countries): widen the filters or focus on another")
    if depth < 0:
        raise MapError(f"--depth must be 0 or more, not {depth}")
    return nx.ego_graph(graph, node, radius=depth, undirected=True)


def map_view(graph: nx.MultiDiGraph, *, focus: str | None = None, depth: int = 1,
             since: str | None = None, until: str | None = None, labels: Iterable[str] = (),
             types: Iterable[str] = (), countries: bool = False) -> nx.Graph:
    """The graph a map draws: facts filtered by labels, types and dates, then around ``focus``.

    With ``countries``, the country-to-country projection (``country_projection``) over the
    window instead, ``labels`` and ``types`` not applying. ``focus`` is a node id.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("AZE", {"label": "Country"}), ("TUR", {"label": "Country"}),
    ...                   ("x", {"label": "Exercise"}), ("a1", {"label": "Article"})])
    >>> for c in ("AZE", "TUR"):
    ...     _ = g.add_edge(c, "x", key="PARTICIPATED_IN", type="PARTICIPATED_IN")
    >>> sorted(map_view(g, focus="x", depth=1, labels=["Country", "Exercise"]))
    ['AZE', 'TUR', 'x']
    >>> list(map_view(g, countries=True).edges)
    [('AZE', 'TUR')]
    """
    if countries:
        if labels or types:
            raise MapError("--labels and --types do not apply to --countries")
        view: nx.Graph = country_projection(graph, check_date(since), check_date(until))
    else:
        view = window(subset(facts(graph), labels, types), since, until)
    return view if focus is None else ego(view, focus, depth)
