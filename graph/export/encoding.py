"""How graph values travel through formats whose cells hold one scalar: lists as JSON text.

GraphML, GEXF and CSV cells hold one scalar each. A list (``aliases``, ``field``,
``sources``, ``evidence``) is written as a JSON array, ``["Turkey", "Ankara"]``: unambiguous
whatever characters the items hold, and ``[]`` stays distinct from a missing value. A None
is never written: the attribute is left out. Dates stay ISO text at their known precision.
Each format's ``read`` undoes this and gives back the common graph shape.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from graph.vocabulary import LIST_PROPERTIES, PROVENANCE_PROPERTIES

LIST_KEYS = (*LIST_PROPERTIES, *PROVENANCE_PROPERTIES)
"""Attributes holding lists; their JSON text is read back as a list."""

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold, even escaped (GraphML and GEXF are XML 1.0)."""


def xml_safe(value: Any) -> Any:
    """A string with each character XML cannot hold shown as its Unicode control picture
    (ESC as ␛, BEL as ␇; others as �), so the file stays readable and the name visible;
    anything else unchanged. Lists are JSON text, whose escapes XML holds already.

    >>> xml_safe("\x1b[2Jname\x07"), xml_safe(3)
    ('␛[2Jname␇', 3)
    """
    if not isinstance(value, str):
        return value
    return _NOT_XML.sub(lambda found: chr(0x2400 + ord(found.group()))
                        if found.group() < "\x20" else "\ufffd", value)


def encode(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Attributes with every list as JSON text and every None left out.

    >>> encode({"aliases": ["Türkiye", "Ankara"], "url": None, "personnel": 3000})
    {'aliases': '["Türkiye", "Ankara"]', 'personnel': 3000}
    """
    return {key: json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value
            for key, value in attrs.items() if value is not None}


def decode(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Undo ``encode``: the JSON text of the list attributes back to lists.

    >>> decode({"aliases": '["Türkiye", "Ankara"]', "name": "Türkiye"})
    {'aliases': ['Türkiye', 'Ankara'], 'name': 'Türkiye'}
    """
    return {key: json.loads(value) if key in LIST_KEYS and isinstance(value, str) else value
            for key, value in attrs.items()}


def columns(lead: tuple[str, ...], rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """Table columns: the lead ones, the other properties alphabetically, provenance last.

    >>> columns(("id",), [{"sources": [], "name": "x", "aliases": []}])
    ['id', 'aliases', 'name', 'sources', 'evidence']
    """
    seen = {key for row in rows for key in row}
    middle = sorted(seen - set(lead) - set(PROVENANCE_PROPERTIES))
    return [*lead, *middle, *PROVENANCE_PROPERTIES]


def edge_id(source: str, kind: str, target: str) -> str:
    """A readable id for one edge, unique because the graph keys edges by their type.

    >>> edge_id("AZE", "HOSTED", "mustafa-kemal-ataturk-2023")
    'AZE HOSTED mustafa-kemal-ataturk-2023'
    """
    return f"{source} {kind} {target}"


def display_node(node: str, attrs: Mapping[str, Any]) -> dict[str, Any]:
    """A node's attributes for drawing tools: ``label`` is the name they show on screen.

    The milcoop label (Country, Person, ...) moves to ``node_label``.

    >>> display_node("TUR", {"label": "Country", "name": "Türkiye", "sources": ["a"]})
    {'label': 'Türkiye', 'node_label': 'Country', 'name': 'Türkiye', 'sources': '["a"]'}
    """
    rest = {key: value for key, value in attrs.items() if key != "label"}
    return encode({"label": str(attrs.get("name", node)), "node_label": attrs.get("label"),
                   **rest})


def from_display_node(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Undo ``display_node``: ``node_label`` back to ``label``, lists decoded."""
    rest = {key: value for key, value in attrs.items() if key not in ("label", "node_label")}
    return {"label": attrs.get("node_label"), **decode(rest)}


def common_graph(nodes: Iterable[tuple[str, dict[str, Any]]],
                 edges: Iterable[tuple[str, str, dict[str, Any]]]) -> nx.MultiDiGraph:
    """A graph in the common shape from decoded rows: each edge keyed by its ``type``."""
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(nodes)
    for source, target, data in edges:
        graph.add_edge(source, target, key=data["type"], **data)
    return graph
