"""A graph whose names and notes are HTML and script injections, for the map's tests: the
page must show them as text, in its HTML and in a real browser."""

from __future__ import annotations

import networkx as nx

from graph.maps.page import MapRequest, map_page

INJECTIONS = ("<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>")


def injected_graph() -> nx.MultiDiGraph:
    """Two entities named with HTML/script injections, cited by an article whose title
    holds an ``href`` (which makes pyvis's own template render every tooltip as HTML)."""
    graph = nx.MultiDiGraph()
    graph.add_node("a1", label="Article", title='<a href="javascript:alert(1)">read</a>',
                   publisher="<b>Press</b>", published="2024")
    graph.add_node("img", label="Person", name=INJECTIONS[0], aliases=[INJECTIONS[1]],
                   title="<svg onload=alert(1)>", sources=["a1"], evidence=["a1:0-5"])
    graph.add_node("tag", label="Country", name=INJECTIONS[1], sources=["a1"], evidence=[])
    graph.add_edge("img", "tag", key="LEADS", type="LEADS", note=INJECTIONS[0],
                   sources=["a1"], evidence=["a1:0-5"])
    return graph


def injected_page(focus: str | None = "tag") -> str:
    """The map page of the hostile graph, every quoted span an injection too."""
    return map_page(injected_graph(), MapRequest(focus=focus), lambda span: INJECTIONS[1]).html
