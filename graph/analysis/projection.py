"""Named reshaping steps: the facts multigraph collapsed, and the country projection.

Analyses work on simple weighted graphs; these functions are the one place the multigraph
of reported facts becomes one, so every measure, map and export agrees on the weights.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import networkx as nx

from graph.dates import happened, own, year
from graph.errors import AnalysisError
from graph.vocabulary import (
    ADVERSARIAL_ROLES,
    DIRECT_TIES,
    JOINING_TYPES,
    LABELS,
    PROVENANCE_TYPES,
    REL_TYPES,
    TIE_KINDS,
    UPWARD_TYPES,
)

_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def collapse(graph: nx.MultiDiGraph, directed: bool = False) -> nx.Graph:
    """The facts as a weighted simple undirected graph, provenance left out.

    ``weight`` counts the relationships between two entities, in either direction. With
    ``directed``, a ``DiGraph`` whose ``weight`` counts them from source to target, a
    symmetric type (COOPERATES_WITH, FOUGHT) counting both ways: the shape in- and
    out-degree are read from.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("a", {"label": "Country"}), ("b", {"label": "Country"})])
    >>> g.add_edge("a", "b", key="SUPPORTS", type="SUPPORTS")
    'SUPPORTS'
    >>> g.add_edge("b", "a", key="TRAINED", type="TRAINED")
    'TRAINED'
    >>> collapse(g).edges["a", "b"]["weight"]
    2
    >>> _ = g.add_edge("a", "b", key="COOPERATES_WITH", type="COOPERATES_WITH")
    >>> d = collapse(g, directed=True)
    >>> d.edges["a", "b"]["weight"], d.edges["b", "a"]["weight"]
    (2, 2)
    """
    simple = nx.DiGraph() if directed else nx.Graph()
    simple.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if d.get("label") != "Article")
    for source, target, kind in graph.edges(keys=True):
        if kind in PROVENANCE_TYPES or source == target:
            continue
        both = directed and kind in REL_TYPES and REL_TYPES[kind].symmetric
        for first, second in ((source, target), (target, source))[: 2 if both else 1]:
            if simple.has_edge(first, second):
                simple.edges[first, second]["weight"] += 1
            else:
                simple.add_edge(first, second, weight=1)
    return simple


def ties_view(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """What ``collapse`` reads of a facts graph, and no more: every entity with its name and
    label, every relationship with its type, no articles, mentions or evidence. Kept beside
    a built graph, it answers ``milcoop centrality`` over the whole graph without loading
    the evidence of every fact (the graph of 10,000 reports is mostly evidence).

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("a", {"label": "Country", "name": "A", "aliases": ["Aa"]}),
    ...                   ("r", {"label": "Article"}), ("b", {"label": "Unit"})])
    >>> _ = g.add_edge("b", "a", key="PART_OF", type="PART_OF", sources=["r"])
    >>> _ = g.add_edge("r", "a", key="MENTIONS", type="MENTIONS")
    >>> view = ties_view(g)
    >>> list(view.nodes(data=True)), list(view.edges(keys=True, data=True))
    ([('a', {'name': 'A', 'label': 'Country'}), ('b', {'label': 'Unit'})], \
[('b', 'a', 'PART_OF', {'type': 'PART_OF'})])
    """
    view = nx.MultiDiGraph()
    view.add_nodes_from((node, {key: data[key] for key in ("name", "label") if key in data})
                        for node, data in graph.nodes(data=True)
                        if data.get("label") != "Article")
    view.add_edges_from((source, target, kind, {"type": kind})
                        for source, target, kind in graph.edges(keys=True)
                        if kind not in PROVENANCE_TYPES)
    return view


def country_of(graph: nx.MultiDiGraph, node: str, depth: int = 4) -> str | None:
    """The country an actor belongs to, following leadership, membership and part-of ties.

    The nearest country wins (fewest steps, at most ``depth``), ties going to the smallest
    id, so the answer does not depend on the order facts were loaded in. Which types lead
    upward from which labels is the vocabulary's (``RelType.upward``).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("AZE", label="Country")
    >>> g.add_node("mod", label="Organization")
    >>> g.add_node("hasanov", label="Person")
    >>> _ = g.add_edge("mod", "AZE", key="PART_OF")
    >>> _ = g.add_edge("hasanov", "mod", key="COMMANDS")
    >>> country_of(g, "hasanov")
    'AZE'
    >>> g.add_node("TUR", label="Country")
    >>> _ = g.add_edge("hasanov", "TUR", key="LEADS")
    >>> country_of(g, "hasanov")
    'TUR'
    """
    frontier = {node}
    for _ in range(depth + 1):
        countries = [n for n in frontier if graph.nodes[n].get("label") == "Country"]
        if countries:
            return min(countries)
        frontier = {parent for child in frontier
                    for _, parent, kind in graph.out_edges(child, keys=True)
                    if kind in UPWARD_TYPES.get(graph.nodes[child].get("label"), ())}
    return None


def fact_date(*items: dict[str, Any]) -> str | None:
    """When a fact happened: the first date, start or since found among ``items``."""
    for data in items:
        for key in ("date", "start", "since"):
            if data.get(key):
                return str(data[key])
    return None


def in_window(when: str | None, since: str | None, until: str | None) -> bool:
    """Whether a date at any precision falls within [since, until] (undated: only unbounded)."""
    if since is None and until is None:
        return True
    if when is None:
        return False
    after = since is None or when >= since[: len(when)]
    before = until is None or when[: len(until)] <= until
    return after and before


def _remembered(graph: nx.MultiDiGraph) -> Callable[[str], str | None]:
    """``country_of`` with a memory, so one pass over all ties stays linear in the edges."""
    known: dict[str, str | None] = {}

    def country(node: str) -> str | None:
        if node not in known:
            known[node] = country_of(graph, node)
        return known[node]
    return country


def _shared_ties(graph: nx.MultiDiGraph, home_of: Callable[[str], str | None]
                 ) -> Iterator[tuple[str, str, str, str, str | None, set[str]]]:
    """(country, country, kind, via, date, sources) for countries sharing an event."""
    for node, data in graph.nodes(data=True):
        kind = LABELS[data["label"]].tie if data.get("label") in LABELS else None
        if not kind:
            continue
        members: dict[str, set[str]] = defaultdict(set)
        for actor, _, edge in graph.in_edges(node, data=True):
            if edge["type"] in JOINING_TYPES and edge.get("role") not in ADVERSARIAL_ROLES:
                country = home_of(actor)
                if country:
                    members[country] |= set(edge.get("sources", []))
        countries = sorted(members)
        for i, first in enumerate(countries):
            for second in countries[i + 1:]:
                yield (first, second, kind, node, fact_date(data),
                       members[first] | members[second])


def _direct_ties(graph: nx.MultiDiGraph, home_of: Callable[[str], str | None]
                 ) -> Iterator[tuple[str, str, str, str, str | None, set[str]]]:
    """(country, country, kind, via, date, sources) for direct ties between two countries."""
    for source, target, edge in graph.edges(data=True):
        kind = DIRECT_TIES.get(edge["type"])
        if not kind:
            continue
        first, second = home_of(source), home_of(target)
        if first and second and first != second:
            via = f"{source} {edge['type']} {target}"
            yield (*sorted((first, second)), kind, via, fact_date(edge),
                   set(edge.get("sources", [])))


def country_ties(graph: nx.MultiDiGraph, country: str | None = None
                 ) -> Iterator[tuple[str, str, str, str, str | None, set[str]]]:
    """Every country-to-country tie (only those of ``country``, when given): (country,
    country, kind, via, date, sources).

    The two countries come in id order; ``via`` is the shared event's id or, for a direct
    tie, ``"source TYPE target"``. The rows ``country_projection`` sums up, for queries that
    need each tie; ``tie_rows`` gives each once, as the stores keep them.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("AZE", {"label": "Country"}), ("TUR", {"label": "Country"})])
    >>> _ = g.add_edge("TUR", "AZE", key="SUPPORTS", type="SUPPORTS", sources=["a"])
    >>> list(country_ties(g))
    [('AZE', 'TUR', 'support', 'TUR SUPPORTS AZE', None, {'a'})]
    >>> list(country_ties(g, "ARM"))
    []
    """
    if COUNTRY_TIES in graph.graph:
        for first, second, kind, via, dated, sources in graph.graph[COUNTRY_TIES]:
            if country is None or country in (first, second):
                yield first, second, kind, via, dated, set(sources)
        return
    home_of = _remembered(graph)
    for tie in itertools.chain(_shared_ties(graph, home_of), _direct_ties(graph, home_of)):
        if country is None or country in tie[:2]:
            yield tie


COUNTRY_TIES = "country_ties"
"""The graph attribute of a country view that holds its ties, found when it was made."""


def country_view(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The part of a facts graph that the country-level queries, map and measures read:
    the states, the articles, what ties states (shared events, and the relationships of
    direct ties with their two ends) and, as the graph attribute ``country_ties``, every
    ``country_ties`` row. Kept beside a built graph, it answers those commands without
    loading the whole graph or walking it for ties, as Neo4j's derived ``TIES_WITH`` do.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("AZE", {"label": "Country"}), ("TUR", {"label": "Country"}),
    ...                   ("mod", {"label": "Organization"}), ("u", {"label": "Unit"})])
    >>> _ = g.add_edge("mod", "TUR", key="PART_OF", type="PART_OF")
    >>> _ = g.add_edge("mod", "AZE", key="SUPPORTS", type="SUPPORTS", sources=["a"])
    >>> view = country_view(g)
    >>> sorted(view), list(view.edges(keys=True))
    (['AZE', 'TUR', 'mod'], [('mod', 'AZE', 'SUPPORTS')])
    >>> list(country_ties(view)) == list(country_ties(g))
    True
    """
    ties = [[first, second, kind, via, dated, sorted(sources)]
            for first, second, kind, via, dated, sources in country_ties(graph)]
    kept = {node for node, label in graph.nodes(data="label") if label in ("Country", "Article")}
    direct = []
    for *_, via, _, _ in ties:
        if via in graph:
            kept.add(via)
        else:
            source, type_, target = via.split(" ")
            kept |= {source, target}
            direct.append((source, target, type_))
    view = nx.MultiDiGraph()
    view.add_nodes_from((node, data) for node, data in graph.nodes(data=True) if node in kept)
    view.add_edges_from((source, target, type_, graph.edges[source, target, type_])
                        for source, target, type_ in direct)
    view.graph[COUNTRY_TIES] = ties
    return view


COUNTRY_PAIRS = "country_pairs"
"""The graph attribute of a pair view that holds the whole country projection's edges."""

TIE_NAMES = "tie_names"
"""The graph attribute of a pair view that holds the names its rows' ``through`` and
``clocks`` point to by position (an event's name is written once, not once per pair)."""


NAMES_KEPT = 16
"""Most tie names a pair keeps, in its ``through`` list and in each of its clock groups: a
map's tie tooltip lists 16 and counts the rest."""

CITED_KEPT = 24
"""Most of a pair's source articles a pair view keeps (the first, in id order): a tooltip
cites 24 and counts the rest."""


def pair_view(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The states, the articles and, as the graph attribute ``country_pairs``, the whole
    country projection's edges (``[first, second, weight, {kind: ties}, reports, shown]``,
    ``shown`` holding what a map draws of the pair: ``through``, the names of its first
    ``NAMES_KEPT`` ties; ``cited``, its first ``CITED_KEPT`` articles; ``clocks``, its
    ``tie_clocks``; names as positions in the graph attribute ``tie_names``): all that the
    strongest pairs, country centrality and the country map over every tie read, a row per
    pair bounded by kinds and years however many ties it has, so they answer at once where
    the country view is read tie by tie.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("AZE", {"label": "Country"}), ("TUR", {"label": "Country"})])
    >>> _ = g.add_edge("TUR", "AZE", key="SUPPORTS", type="SUPPORTS", sources=["a"])
    >>> view = pair_view(g)
    >>> sorted(view), view.graph["country_pairs"][0][:3]
    (['AZE', 'TUR'], ['AZE', 'TUR', 1])
    >>> view.graph["country_pairs"][0][5]["clocks"], view.graph["tie_names"]
    ([['support', None, [], 1, [0]]], ['TUR SUPPORTS AZE'])
    """
    projection = country_projection(graph)
    times = tie_times(graph)
    names = sorted({name for _, name, _, _ in times.values()})
    number = {name: index for index, name in enumerate(names)}
    view = nx.MultiDiGraph()
    view.add_nodes_from((node, data) for node, data in graph.nodes(data=True)
                        if data.get("label") in ("Country", "Article"))
    rows = []
    for one, two, data in sorted(projection.edges(data=True)):
        pair = tuple(sorted((one, two)))
        shown = drawn(pair, data, times)
        shown["through"] = [number[name] for name in shown["through"]]
        for group in shown["clocks"]:
            group[4] = [number[name] for name in group[4]]
        rows.append([*pair, data["weight"], {kind: data[kind] for kind in TIE_KINDS},
                     data["reports"], shown])
    view.graph[COUNTRY_PAIRS] = rows
    view.graph[TIE_NAMES] = names
    return view


def _from_pairs(graph: nx.MultiDiGraph) -> nx.Graph:
    """The country projection a pair view holds: without ``via`` and ``sources``, with what
    a map draws of each pair (``through``, ``cited``, ``clocks``)."""
    names = graph.graph[TIE_NAMES]
    projection = nx.Graph()
    projection.add_nodes_from((n, {"label": "Country", "name": d.get("name", n)})
                              for n, d in graph.nodes(data=True) if d.get("label") == "Country")
    for first, second, weight, kinds, reports, shown in graph.graph[COUNTRY_PAIRS]:
        clocks = [[*group[:4], [names[i] for i in group[4]]] for group in shown["clocks"]]
        projection.add_edge(first, second, weight=weight, **kinds, reports=reports,
                            through=[names[i] for i in shown["through"]],
                            cited=shown["cited"], clocks=clocks)
    return projection


TieTime = tuple[str, str, list[int] | None, list[int]]
"""A tie as a map's time bar reads it: kind, name, the years it held, the years of its
reports."""


def tie_times(graph: nx.MultiDiGraph) -> dict[tuple[tuple[str, ...], str], TieTime]:
    """Each country tie by (pair of states, via): its kind, its name (``via_name``), the
    years it held (its event's, or the direct relationship's own; None: undated) and the
    years the articles stating it came out. Reckoned once per event and per set of
    articles, not once per tie.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("AZE", {"label": "Country"}), ("TUR", {"label": "Country"}),
    ...                   ("x", {"label": "Exercise", "name": "TurAz", "start": "2023-10"}),
    ...                   ("a", {"label": "Article", "published": "2024-01-02"})])
    >>> for c in ("AZE", "TUR"):
    ...     _ = g.add_edge(c, "x", key="PARTICIPATED_IN", type="PARTICIPATED_IN", sources=["a"])
    >>> tie_times(g)
    {(('AZE', 'TUR'), 'x'): ('exercise', 'TurAz (Exercise)', [2023, 2023], [2024])}
    """
    published = {node: found for node, data in graph.nodes(data=True)
                 if data.get("label") == "Article" and (found := year(data.get("published")))}
    found: dict[tuple[tuple[str, ...], str], TieTime] = {}
    vias: dict[str, tuple[str, list[int] | None]] = {}
    told: dict[frozenset[str], list[int]] = {}
    for first, second, kind, via, _, cited in country_ties(graph):
        if ((first, second), via) in found:
            continue
        if via not in vias:
            if via in graph:
                when = own(graph.nodes[via])
            else:
                source, type_, target = via.split(" ")
                when = happened(graph.edges[source, target, type_], graph.nodes[source],
                                graph.nodes[target])
            vias[via] = via_name(graph, via), list(when) if when else None
        articles = frozenset(cited)
        if articles not in told:
            told[articles] = sorted({published[a] for a in articles if a in published})
        found[(first, second), via] = (kind, *vias[via], told[articles])
    return found


def drawn(pair: tuple[str, ...], data: dict[str, Any],
          times: dict[tuple[tuple[str, ...], str], TieTime]) -> dict[str, Any]:
    """What a map draws of a projection edge (``pair``, its ``data``) besides its counts:
    ``through`` (its first ``NAMES_KEPT`` ties' names), ``cited`` (its first
    ``CITED_KEPT`` articles), ``clocks`` (``tie_clocks``); ``times`` from ``tie_times``."""
    return {"through": [times[pair, via][1] for via in data["via"][:NAMES_KEPT]],
            "cited": data["sources"][:CITED_KEPT],
            "clocks": tie_clocks(times[pair, via] for via in data["via"])}


def tie_clocks(times: Iterable[TieTime]) -> list[list[Any]]:
    """A pair's ties grouped by kind and both clocks, as a map's time bar weighs them:
    ``[kind, when, told, ties, names]`` (the first ``NAMES_KEPT`` names), sorted; as many
    groups as kinds and years give, however many ties.

    >>> tie_clocks([("exercise", "A", [2023, 2023], [2024]), ("meeting", "M", None, []),
    ...             ("exercise", "B", [2023, 2023], [2024])])
    [['exercise', [2023, 2023], [2024], 2, ['A', 'B']], ['meeting', None, [], 1, ['M']]]
    """
    groups: dict[tuple[Any, ...], list[Any]] = {}
    for kind, name, when, told in times:
        key = (kind, when is not None, tuple(when or ()), tuple(told))
        group = groups.setdefault(key, [kind, when, told, 0, []])
        group[3] += 1
        if len(group[4]) < NAMES_KEPT:
            group[4].append(name)
    return [groups[key] for key in sorted(groups, key=lambda key: (key[0], key[1],
                                                                   _years(key[2]), key[3]))]


def _years(when: tuple[Any, ...]) -> tuple[int, int]:
    """An interval's years in sort order (an open end last)."""
    return (when[0], when[1] if when[1] is not None else 10_000) if when else (0, 0)


def via_name(graph: nx.MultiDiGraph, via: str) -> str:
    """What a tie goes through, in names: a shared event, or ``source TYPE target``."""
    if via in graph:
        return f"{graph.nodes[via].get('name', via)} ({graph.nodes[via].get('label', '')})"
    parts = via.split(" ")
    if len(parts) == 3 and parts[0] in graph and parts[2] in graph:
        first, second = (graph.nodes[p].get("name", p) for p in (parts[0], parts[2]))
        return f"{first} {parts[1]} {second}"
    return via


def _name(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("name", node))


def tie_rows(graph: nx.MultiDiGraph, country: str | None = None) -> list[dict[str, Any]]:
    """Every country-to-country tie once (only those of ``country``, when given), as the
    derived ``TIES_WITH`` relationships a store keeps: ``first`` and ``second`` (country
    ids in order), ``kind``, ``direct`` (a direct tie, not a shared event), ``via`` (what
    ties them), ``what`` (its name, or "Source TYPE Target" names for a direct tie),
    ``dated`` and ``sources`` (sorted article ids); sorted by the two countries, then
    ``what``, ``via``.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("AZE", {"label": "Country", "name": "Azerbaijan"}),
    ...                   ("TUR", {"label": "Country", "name": "Türkiye"})])
    >>> _ = g.add_edge("TUR", "AZE", key="SUPPORTS", type="SUPPORTS", sources=["a"])
    >>> tie_rows(g)[0]["what"]
    'Türkiye SUPPORTS Azerbaijan'
    """
    found: dict[tuple[str, str, str], dict[str, Any]] = {}
    for first, second, kind, via, dated, sources in country_ties(graph, country):
        if (first, second, via) in found:
            continue
        if via in graph:
            what = _name(graph, via)
        else:
            source, type_, target = via.split(" ")
            what = f"{_name(graph, source)} {type_} {_name(graph, target)}"
        found[first, second, via] = {"first": first, "second": second, "kind": kind,
                                     "direct": via not in graph, "via": via, "what": what,
                                     "dated": dated, "sources": sorted(sources)}
    return sorted(found.values(),
                  key=lambda row: (row["first"], row["second"], row["what"], row["via"]))


def home_rows(graph: nx.MultiDiGraph) -> list[dict[str, str]]:
    """The country each official, body and unit belongs to (``country_of``), as the derived
    ``BELONGS_TO`` relationships a store keeps: ``actor`` and ``country`` ids, sorted.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("AZE", {"label": "Country"}), ("mod", {"label": "Organization"})])
    >>> _ = g.add_edge("mod", "AZE", key="PART_OF")
    >>> home_rows(g)
    [{'actor': 'mod', 'country': 'AZE'}]
    """
    home_of = _remembered(graph)
    return [{"actor": node, "country": country}
            for node, label in sorted(graph.nodes(data="label"))
            if label in UPWARD_TYPES and (country := home_of(node)) is not None]


def reported(graph: nx.MultiDiGraph, sources: Iterable[str]) -> str | None:
    """The earliest publication date among the articles ``sources``: the reporting clock.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("a", {"published": "2024-02-20"}), ("b", {"published": "2021"})])
    >>> reported(g, ["a", "b", "missing"])
    '2021'
    """
    dates = (graph.nodes[s].get("published") for s in sources if s in graph)
    return min((str(date) for date in dates if date), default=None)


def country_projection(graph: nx.MultiDiGraph, since: str | None = None,
                       until: str | None = None, kinds: Iterable[str] = TIE_KINDS,
                       fallback: bool = False) -> nx.Graph:
    """Country-to-country cooperation: who shares exercises, programs, agreements, meetings.

    Each edge has ``weight`` (distinct ties), one integer per kind in ``TIE_KINDS``, ``via``
    (what ties them), ``sources`` (article ids) and ``reports`` (how many); from a pair view
    (``pair_view``), the whole projection only, without ``via`` and ``sources``. Only ties of
    ``kinds`` count. With ``since``/``until`` (ISO dates), only dated ties inside the window
    count; a tie's date is its event's (``date``, ``start``, ``since``). With ``fallback``, a
    tie with no event date is dated by the earliest report stating it (``reported``): the
    other clock, standing in for views over time that would otherwise leave out every
    undated standing tie.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("AZE", {"label": "Country", "name": "Azerbaijan"}),
    ...                   ("TUR", {"label": "Country", "name": "Türkiye"}),
    ...                   ("x", {"label": "Exercise", "start": "2023-10-23"})])
    >>> for c in ("AZE", "TUR"):
    ...     _ = g.add_edge(c, "x", key="PARTICIPATED_IN", type="PARTICIPATED_IN", sources=["a"])
    >>> p = country_projection(g)
    >>> p.edges["AZE", "TUR"]["weight"], p.edges["AZE", "TUR"]["exercise"]
    (1, 1)
    >>> country_projection(g, since="2024").number_of_edges()
    0
    >>> country_projection(g, kinds=["meeting"]).number_of_edges()
    0
    >>> del g.nodes["x"]["start"]
    >>> g.add_node("a", label="Article", published="2024-06")
    >>> country_projection(g, since="2024", fallback=True).number_of_edges()
    1
    """
    for bound in (since, until):
        if bound is not None and not _ISO_DATE.fullmatch(bound):
            raise AnalysisError(f"not an ISO date: {bound!r} (use 2023, 2023-10 or 2023-10-23)")
    wanted = set(kinds)
    unknown = sorted(wanted - set(TIE_KINDS))
    if unknown:
        raise AnalysisError(f"unknown tie kind {unknown[0]!r} (known: {', '.join(TIE_KINDS)})")
    if COUNTRY_PAIRS in graph.graph:
        if since or until or fallback or wanted != set(TIE_KINDS):
            raise AnalysisError("a pair view holds the whole country projection only: "
                                "read the country view for a window or some kinds")
        return _from_pairs(graph)
    projection = nx.Graph()
    projection.add_nodes_from((n, {"label": "Country", "name": d.get("name", n)})
                              for n, d in graph.nodes(data=True) if d.get("label") == "Country")
    vias: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    cited: dict[tuple[str, str], set[str]] = defaultdict(set)
    for first, second, kind, via, when, sources in country_ties(graph):
        if fallback and when is None:
            when = reported(graph, sources)
        if kind not in wanted or not in_window(when, since, until):
            continue
        vias[first, second].setdefault(via, kind)
        cited[first, second] |= sources
    for (first, second), via in sorted(vias.items()):
        by_kind = Counter(via.values())
        projection.add_edge(first, second, weight=len(via), via=sorted(via),
                            sources=sorted(cited[first, second]),
                            reports=len(cited[first, second]),
                            **{kind: by_kind[kind] for kind in TIE_KINDS})
    return projection
