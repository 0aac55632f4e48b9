"""CSV node and edge tables for spreadsheets, pandas, R and Gephi's spreadsheet import.

``nodes.csv`` has ``id``, ``label``, ``name``, then every other property (alphabetical),
then ``sources`` and ``evidence``; ``edges.csv`` has ``source``, ``target``, ``type``, then
the same. One row per node and per edge; an empty cell is a missing value; lists are JSON
arrays (``["Turkey", "Ankara"]``); booleans are ``true``/``false``; dates are ISO text at
their precision (``2023``, ``2023-10``, ``2023-10-23``).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from graph.escape import csv_cell, csv_text
from graph.export.encoding import LIST_KEYS, columns, common_graph
from graph.files import atomic_writer
from graph.progress import progress

NODE_COLUMNS = ("id", "label", "name")
EDGE_COLUMNS = ("source", "target", "type")
FILES = ("nodes.csv", "edges.csv")

NUMBERS = ("personnel",)
"""Properties holding whole numbers (every other non-list property is text)."""
BOOLEANS = ("published_inferred",)
"""Properties holding true/false."""


def cell(value: Any) -> str:
    """The text of one value in a cell (a text that a spreadsheet would run as a formula
    quoted, see ``graph.escape.csv_cell``).

    >>> cell(["Turkey", "Ankara"]), cell(True), cell(None), cell(3000), cell("=1+1")
    ('["Turkey", "Ankara"]', 'true', '', '3000', "'=1+1")
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return csv_cell(value) if isinstance(value, str) else str(value)


def parse(column: str, text: str) -> Any:
    """The value of one cell read back as text (lists, numbers and booleans restored).

    >>> parse("aliases", '["Turkey"]'), parse("personnel", "3000"), parse("cameo", "062")
    (['Turkey'], 3000, '062')
    """
    if column in LIST_KEYS:
        return json.loads(text)
    if column in NUMBERS:
        return int(text)
    if column in BOOLEANS:
        return text.lower() == "true"
    return csv_text(text)


def _write(path: Path, lead: tuple[str, ...], rows: list[dict[str, Any]]) -> Path:
    header = columns(lead, rows)
    with atomic_writer(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([cell(row.get(column)) for column in header]
                         for row in progress(rows, path.name, "row", len(rows)))
    return path


def write(graph: nx.MultiDiGraph, folder: Path) -> tuple[list[Path], list[str]]:
    """Write ``nodes.csv`` and ``edges.csv`` into ``folder``; the paths, nothing to tell."""
    folder.mkdir(parents=True, exist_ok=True)
    nodes = [{"id": node, **data} for node, data in graph.nodes(data=True)]
    edges = [{"source": u, "target": v, **data} for u, v, data in graph.edges(data=True)]
    return [_write(folder / FILES[0], NODE_COLUMNS, nodes),
            _write(folder / FILES[1], EDGE_COLUMNS, edges)], []


def _records(path: Path) -> list[dict[str, Any]]:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return [{column: parse(column, text) for column, text in row.items() if text != ""}
            for row in frame.to_dict("records")]


def read(folder: Path) -> nx.MultiDiGraph:
    """Read tables written by ``write`` (with pandas) back into the common graph shape."""
    nodes = [(row.pop("id"), row) for row in _records(folder / FILES[0])]
    edges = [(row.pop("source"), row.pop("target"), row) for row in _records(folder / FILES[1])]
    return common_graph(nodes, edges)
