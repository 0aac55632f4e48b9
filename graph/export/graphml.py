"""GraphML for yEd, Gephi, Cytoscape and R's igraph: one typed ``<key>`` per attribute.

Nodes show their name (``label``, which Gephi reads as the node label) and keep their milcoop
label as ``node_label``; edges show their relationship type (``label``) and keep ``type``.
Lists are JSON text (see ``encoding``). Key ids are ``n_<name>`` and ``e_<name>``: distinct
for nodes and edges, and never yEd's ``d3``/``d7``, which Gephi would take for labels.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO
from xml.etree.ElementTree import Element, ElementTree, SubElement, indent

import networkx as nx

from graph.export.encoding import (
    common_graph,
    decode,
    display_node,
    edge_id,
    encode,
    from_display_node,
    xml_safe,
)

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
SCHEMA = f"{NAMESPACE} {NAMESPACE}/1.0/graphml.xsd"
_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _key_types(rows: Iterable[dict[str, Any]]) -> dict[str, str]:
    """The GraphML type of each attribute: its values' type, or string when they differ."""
    seen: dict[str, set[str]] = defaultdict(set)
    for data in rows:
        for key, value in data.items():
            seen[key].add(_TYPES.get(type(value), "string"))
    return {key: kinds.pop() if len(kinds) == 1 else "string" for key, kinds in seen.items()}


def _text(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else xml_safe(str(value))


def _add_data(element: Element, prefix: str, data: dict[str, Any]) -> None:
    for key, value in data.items():
        SubElement(element, "data", key=f"{prefix}_{key}").text = _text(value)


def write(graph: nx.MultiDiGraph, stream: BinaryIO) -> list[str]:
    """Write ``graph`` as GraphML (UTF-8) to a binary stream; nothing to tell the user. A
    carriage return in a value is written as ``&#13;``, which XML readers keep (a raw one
    they turn into a line feed); characters XML cannot hold as their control pictures."""
    nodes = [(xml_safe(str(node)), display_node(node, data))
             for node, data in graph.nodes(data=True)]
    edges = [(xml_safe(str(source)), xml_safe(str(target)), key,
              {"label": key, **encode(data)})
             for source, target, key, data in graph.edges(keys=True, data=True)]
    root = Element("graphml", {"xmlns": NAMESPACE,
                               "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
                               "xsi:schemaLocation": SCHEMA})
    for scope, rows in (("node", [data for _, data in nodes]),
                        ("edge", [data for *_, data in edges])):
        for name, kind in _key_types(rows).items():
            SubElement(root, "key", {"id": f"{scope[0]}_{name}", "for": scope,
                                     "attr.name": name, "attr.type": kind})
    body = SubElement(root, "graph", id="G", edgedefault="directed")
    for node, data in nodes:
        _add_data(SubElement(body, "node", id=node), "n", data)
    for source, target, key, data in edges:
        element = SubElement(body, "edge", id=edge_id(source, key, target), source=source,
                             target=target)
        _add_data(element, "e", data)
    indent(root)
    buffer = io.BytesIO()
    ElementTree(root).write(buffer, encoding="utf-8", xml_declaration=True)
    stream.write(buffer.getvalue().replace(b"\r", b"&#13;"))
    return []


def read(source: str | Path | BinaryIO) -> nx.MultiDiGraph:
    """Read a file written by ``write`` back into the common graph shape."""
    raw = nx.read_graphml(source, force_multigraph=True)
    nodes = [(node, from_display_node(data)) for node, data in raw.nodes(data=True)]
    edges = [(u, v, decode({k: x for k, x in data.items() if k != "label"}))
             for u, v, data in raw.edges(data=True)]
    return common_graph(nodes, edges)
