"""One map page from the graph: view, sizes, layout, items, HTML; the steps ``milcoop map`` runs.

The graph comes in the common shape with its articles, so tooltips can cite them; the
report texts, which ``graph`` cannot read, come in as a ``quote(span)`` callable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
from tqdm import tqdm

from graph.errors import MapError
from graph.maps.elements import country_map, facts_map
from graph.maps.geography import Place, geo_positions
from graph.maps.html_map import network, render, vis_options
from graph.maps.layout import positions
from graph.maps.sizes import importance
from graph.maps.timeline import span
from graph.maps.tooltips import Quote, Sources
from graph.maps.views import map_view

LAYOUTS = ("auto", "physics", "static", "geo")
"""``physics``: vis.js settles the layout in the browser, then freezes it; ``static``: the
Python layout as drawn, physics off; ``auto``: physics up to ``PHYSICS_LIMIT`` nodes;
``geo``: on the globe (``graph.maps.geography``), physics off."""

PHYSICS_LIMIT = 300
"""Largest map ``auto`` lets vis.js settle; past it positions are fixed in Python."""

BUSY_EDGES = 2000
"""Past this many edges a map drops edge captions, arrowheads and neighbour fading, which
cost seconds per frame or click at 20,000 edges; colours, legend, filters, tooltips stay."""

MAX_NODES = 5000
"""Default largest map drawn; past it ``milcoop map`` asks for a focus or a filter."""


@dataclass(frozen=True)
class MapPage:
    """A rendered map: the HTML and what it holds."""

    html: str
    nodes: int
    edges: int
    physics: bool


@dataclass(frozen=True)
class MapRequest:
    """What to draw: the view (focus, window, subsets or countries) and how."""

    focus: str | None = None
    depth: int = 1
    since: str | None = None
    until: str | None = None
    labels: Iterable[str] = ()
    types: Iterable[str] = ()
    countries: bool = False
    size: str = "degree"
    layout: str = "auto"
    max_nodes: int = MAX_NODES


def _too_large(count: int, limit: int) -> MapError:
    return MapError(
        f"the map would have {count:,} nodes, over --max-nodes {limit:,}: narrow it with "
        "--focus NAME --depth N, --labels, --types, --since/--until or --countries, "
        "or raise --max-nodes (large maps are drawn with a fixed layout)")


def title_of(graph: nx.MultiDiGraph, request: MapRequest) -> str:
    """The page heading, saying what the view is.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("AZE", name="Azerbaijan")
    >>> title_of(g, MapRequest(focus="AZE", depth=2, since="2020", countries=True))
    'milcoop: country ties around Azerbaijan (2 steps), from 2020'
    """
    parts = ["country ties" if request.countries else "military cooperation"]
    if request.focus:
        name = graph.nodes[request.focus].get("name", request.focus)
        parts.append(f"around {name} ({request.depth} step{'s' * (request.depth != 1)})")
    if request.since or request.until:
        parts[-1] += ","
        parts += [f"from {request.since}"] * bool(request.since)
        parts += [f"until {request.until}"] * bool(request.until)
    return "milcoop: " + " ".join(parts)


def settles(layout: str, nodes: int) -> bool:
    """Whether vis.js settles the layout in the browser (physics) rather than keep ours.

    >>> settles("auto", 122), settles("auto", 5000), settles("physics", 5000)
    (True, False, True)
    """
    return layout == "physics" or (layout == "auto" and nodes <= PHYSICS_LIMIT)


def map_page(graph: nx.MultiDiGraph, request: MapRequest, quote: Quote | None = None,
             place: Place | None = None) -> MapPage:
    """The HTML page of ``request`` over ``graph``; MapError when empty or too large.
    ``place`` gives coordinates for the ``geo`` layout."""
    if request.layout not in LAYOUTS:
        raise MapError(f"unknown layout {request.layout!r} (known: {', '.join(LAYOUTS)})")
    if request.layout == "geo" and place is None:
        raise MapError("the geo layout needs the coordinates of states and places")
    with tqdm(total=4, desc="map", unit="step", disable=None, leave=False) as bar:
        view = map_view(graph, focus=request.focus, depth=request.depth, since=request.since,
                        until=request.until, labels=request.labels, types=request.types,
                        countries=request.countries)
        if view.number_of_nodes() == 0:
            raise MapError("nothing to draw: no node is left once filtered")
        if view.number_of_nodes() > request.max_nodes:
            raise _too_large(view.number_of_nodes(), request.max_nodes)
        bar.update()
        geo = geo_positions(view, graph, place) if request.layout == "geo" and place else None
        sizes = importance(view, request.size)
        spots = geo.spots if geo else positions(view)
        bar.update()
        sources, busy = Sources(graph, quote), view.number_of_edges() > BUSY_EDGES
        data = (country_map(view, graph, sources, sizes, spots) if request.countries
                else facts_map(view, sources, sizes, spots, busy=busy))
        bar.update()
        physics = geo is None and settles(request.layout, view.number_of_nodes())
        noun = "ties" if request.countries else "relationships"
        summary = f"{len(data.nodes):,} nodes, {len(data.edges):,} {noun}"
        html = render(network(data, vis_options(physics, busy)), data,
                      title_of(graph, request), summary, physics, fade=not busy,
                      edge_noun=noun, years=span(data.nodes, data.edges),
                      geo=geo.payload() if geo else None)
        bar.update()
    return MapPage(html, len(data.nodes), len(data.edges), physics)
