"""Node-link JSON for d3, networkx and any JSON reader: lists and types kept as they are.

The d3 layout: ``{"nodes": [{"id": ..., ...}], "links": [{"source", "target", "key",
...}]}``, with every node and edge attribute beside them; ``key`` is the relationship type.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import BinaryIO

import networkx as nx

EDGES = "links"
"""The name of the edge list, as d3's force layout reads it."""


def write(graph: nx.MultiDiGraph, stream: BinaryIO) -> list[str]:
    """Write ``graph`` as node-link JSON (UTF-8) to a binary stream; nothing to tell the user."""
    data = nx.node_link_data(graph, edges=EDGES)
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    stream.write(text.encode("utf-8"))
    return []


def read(source: Path | BinaryIO) -> nx.MultiDiGraph:
    """Read a file written by ``write`` back into a graph."""
    data = json.loads(source.read_bytes() if isinstance(source, Path) else source.read())
    return nx.node_link_graph(data, directed=True, multigraph=True, edges=EDGES)
