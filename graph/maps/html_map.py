"""The map page: MapData through pyvis into one self-contained HTML file that works offline.

pyvis holds the nodes, edges and options and ships vis-network; the page itself comes from
our own template, because pyvis 0.3.2's loads bootstrap and tom-select from CDNs even
"in_line", inserts its heading unescaped and turns every tooltip into HTML as soon as one
contains "href". Here vis-network's JS and CSS are inlined from the pyvis package, all data
reaches the page as JSON that cannot close a script tag, tooltips are set as text, and a
Content-Security-Policy lets only the page's own scripts run and nothing load.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import asdict
from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader
from markupsafe import Markup
from pyvis.edge import Edge
from pyvis.network import Network

from graph.errors import MapError
from graph.maps.elements import MapData

VIS = "vis-9.1.2"
"""The vis-network build inside the pyvis package that the page inlines."""

_TEMPLATES = Environment(loader=PackageLoader("graph.maps", "templates"), autoescape=True,
                         keep_trailing_newline=True)


def network(data: MapData, options: dict[str, Any]) -> Network:
    """A pyvis Network holding the map's items and vis.js options (never shown by pyvis).

    Edges are appended as pyvis ``Edge`` items rather than through ``add_edge``, which scans
    every existing edge and node per call (quadratic: pyvis issue #304).
    """
    net = Network(directed=True)
    for item in data.nodes:
        fields = dict(item)
        net.add_node(fields.pop("id"), **fields)
    for item in data.edges:
        fields = dict(item)
        net.edges.append(Edge(fields.pop("from"), fields.pop("to"), True, **fields).options)
    net.options = options
    return net


def vis_options(physics: bool, busy: bool) -> dict[str, Any]:
    """vis.js options: a bounded settle then frozen (``physics``), or fixed positions.

    A ``busy`` map hides its edges while it is dragged or zoomed.

    >>> vis_options(False, busy=False)["physics"]
    {'enabled': False}
    """
    settle = {"enabled": True, "solver": "barnesHut",
              "barnesHut": {"gravitationalConstant": -9000, "centralGravity": 0.2,
                            "springLength": 160, "springConstant": 0.03, "damping": 0.5,
                            "avoidOverlap": 0.6},
              "stabilization": {"enabled": True, "iterations": 200, "updateInterval": 10,
                                "fit": True},
              "minVelocity": 1.0, "maxVelocity": 40}
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "nodes": {"borderWidth": 1, "font": {"size": 12, "face": "sans-serif"},
                  "scaling": {"min": 10, "max": 40}},
        "edges": {"width": 1.2, "selectionWidth": 2, "scaling": {"min": 1, "max": 10},
                  "font": {"size": 10, "align": "middle", "color": "#555555",
                           "strokeWidth": 3},
                  "smooth": {"enabled": physics, "type": "continuous"},
                  "arrows": {"to": {"scaleFactor": 0.5}}},
        "interaction": {"hover": not busy, "tooltipDelay": 150, "hideEdgesOnDrag": busy,
                        "hideEdgesOnZoom": busy, "multiselect": False},
        "physics": settle if physics else {"enabled": False},
    }


@cache
def _asset(name: str) -> str:
    """A vis-network file from the pyvis package, checked safe to inline in a script/style."""
    text = (files("pyvis") / "lib" / VIS / name).read_text(encoding="utf-8")
    if re.search(r"</(script|style)|<!--", text, re.IGNORECASE):
        raise MapError(f"pyvis's {VIS}/{name} cannot be inlined: it would end its own tag")
    return text


@cache
def _script() -> str:
    return (files("graph.maps") / "templates" / "map.js").read_text(encoding="utf-8")


def _digest(script: str) -> str:
    """The CSP source allowing exactly this inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def tie_table(edges: list[dict[str, Any]]
              ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]]:
    """The edges with each country tie group written once for the page: a table of distinct
    groups (``projection.tie_clocks``), each edge's ``ties`` as indices into it (a shared
    exercise of twenty states ties 190 pairs, each with the same group), and the names the
    groups list, each once, their ``what`` as indices into them.

    >>> tie = {"kind": "exercise", "when": [2023, 2023], "told": [2024], "n": 1, "what": ["X"]}
    >>> edges, table, names = tie_table([{"id": "e0", "ties": [tie]},
    ...                                  {"id": "e1", "ties": [tie]}, {"id": "e2"}])
    >>> [edge.get("ties") for edge in edges], table[0]["what"], names
    ([[0], [0], None], [0], ['X'])
    """
    table: list[dict[str, Any]] = []
    index: dict[tuple[Any, ...], int] = {}
    number: dict[str, int] = {}
    written = []
    for edge in edges:
        if "ties" not in edge:
            written.append(edge)
            continue
        refs = []
        for tie in edge["ties"]:
            when = None if tie["when"] is None else tuple(tie["when"])
            key = (tie["kind"], tuple(tie["what"]), when, tuple(tie["told"]), tie["n"])
            if key not in index:
                index[key] = len(table)
                table.append({**tie, "what": [number.setdefault(name, len(number))
                                              for name in tie["what"]]})
            refs.append(index[key])
        written.append({**edge, "ties": refs})
    return written, table, list(number)


def render(net: Network, data: MapData, title: str, summary: str, physics: bool,
           fade: bool = True, edge_noun: str = "relationships",
           years: list[int] | None = None, geo: dict[str, Any] | None = None) -> str:
    """The page: title, search, filters, legend and the network, all in one HTML string.

    With ``fade``, selecting a node fades all but its neighbours; without, vis.js's own
    selection highlight stands alone (fading restyles every item: seconds on busy maps).
    With ``years`` (the first and last year the items hold or were reported in), a time
    slider over them; with ``geo`` (``graph.maps.geography``), a graticule under the map.
    """
    vis_js, script = _asset("vis-network.min.js"), _script()
    edges, ties, names = tie_table(net.edges)
    payload = {"nodes": net.nodes, "edges": edges, "ties": ties, "names": names,
               "options": net.options, "physics": physics, "fade": fade, "edgeNoun": edge_noun,
               "years": years, "geo": geo}
    policy = (f"default-src 'none'; script-src {_digest(vis_js)} {_digest(script)}; "
              "style-src 'unsafe-inline'; img-src data:")
    return _TEMPLATES.get_template("map.html").render(
        title=title, summary=summary, policy=policy, payload=payload, physics=physics,
        years=years, unplaced=(geo or {}).get("unplaced", []),
        node_legend=[asdict(e) for e in data.node_legend],
        edge_legend=[asdict(e) for e in data.edge_legend],
        vis_css=Markup(_asset("vis-network.css")), vis_js=Markup(vis_js),
        script=Markup(script))
