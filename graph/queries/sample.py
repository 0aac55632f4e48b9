"""A tiny graph in the common shape, for the doctested examples of every query.

Azerbaijan hosts and Türkiye joins exercise ``x`` (held in Baku); both join program ``p``
and belong to organisation ``alliance``; Türkiye supports Azerbaijan; Hasanov heads the
ministry ``mod``, part of Azerbaijan, and took part in meeting ``m``. Two reports,
``a`` (which MENTIONS Azerbaijan) and ``b``.
"""

from __future__ import annotations

import networkx as nx


def sample_graph() -> nx.MultiDiGraph:
    """The sample graph (a new copy each call).

    >>> sample_graph().number_of_nodes()
    11
    """
    graph = nx.MultiDiGraph()
    nodes = {
        "AZE": {"label": "Country", "name": "Azerbaijan", "aliases": ["Baku"]},
        "TUR": {"label": "Country", "name": "Türkiye", "aliases": ["Turkey"]},
        "x": {"label": "Exercise", "name": "Exercise X", "start": "2023-10-23",
              "end": "2023-10-25", "personnel": 3000, "personnel_qualifier": "about"},
        "p": {"label": "Program", "name": "Program P"},
        "alliance": {"label": "Organization", "name": "Alliance"},
        "mod": {"label": "Organization", "name": "Ministry of Defense"},
        "hasanov": {"label": "Person", "name": "Zakir Hasanov", "rank": "Colonel General"},
        "m": {"label": "Meeting", "name": "Meeting M", "kind": "meeting",
              "date": "2021-04-28"},
        "baku": {"label": "Location", "name": "Baku"},
        "a": {"label": "Article", "name": "Report A", "title": "Report A", "publisher": "P",
              "published": "2023-10-26"},
        "b": {"label": "Article", "name": "Report B", "title": "Report B", "publisher": "Q",
              "published": "2024"},
    }
    for node, data in nodes.items():
        sources = [] if data["label"] == "Article" else ["a"]
        graph.add_node(node, **data, sources=sources, evidence=["a:0-9"] if sources else [])
    edges = [
        ("AZE", "PARTICIPATED_IN", "x", {"role": "host"}, ["a:0-20"]),
        ("TUR", "PARTICIPATED_IN", "x", {}, ["a:0-20", "b:5-30"]),
        ("AZE", "PARTICIPATED_IN", "p", {"since": "1994"}, ["b:40-60"]),
        ("TUR", "PARTICIPATED_IN", "p", {}, ["b:40-60"]),
        ("AZE", "MEMBER_OF", "alliance", {}, ["b:70-80"]),
        ("TUR", "MEMBER_OF", "alliance", {}, ["b:70-80"]),
        ("TUR", "SUPPORTS", "AZE", {"date": "2020"}, ["b:90-99"]),
        ("x", "HELD_IN", "baku", {}, ["a:21-30"]),
        ("mod", "PART_OF", "AZE", {}, ["a:31-40"]),
        ("hasanov", "COMMANDS", "mod", {"role": "head"}, ["a:41-50"]),
        ("hasanov", "PARTICIPATED_IN", "m", {}, ["a:51-60"]),
        ("a", "MENTIONS", "AZE", {}, []),
    ]
    for source, kind, target, properties, evidence in edges:
        graph.add_edge(source, target, key=kind, type=kind, **properties, evidence=evidence,
                       sources=sorted({span.split(":")[0] for span in evidence}))
    return graph
