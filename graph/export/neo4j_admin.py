"""CSV files for ``neo4j-admin database import full`` (Neo4j 5.3+), and the command to run.

One node file per label (``nodes_Country.csv``: ``id:ID``, ``:LABEL``, ``graph``, typed
properties) and one relationship file per type (``relationships_HOSTED.csv``: ``:START_ID``,
``:END_ID``, ``:TYPE``, typed properties), each with its header on the first line. The result
is what the Neo4j store writes: every node labelled ``Milcoop`` and its vocabulary label,
its id in ``id`` (one global ID space) and the graph's name in ``graph``; the store then
reads it as it reads its own loads (``milcoop neo4j init`` adds the constraints, which an
import does not create).

Lists are typed arrays (``aliases:string[]``) joined by the array delimiter: ``|`` unless an
item holds one, then the first of ``;``, ``^``, ``~``, ``¦``, U+2063 that no item holds; the
printed command names it. Numbers are ``long``, booleans ``boolean``; dates stay strings at
their precision. A missing value, like an empty list, is an empty cell: the property is
absent after the import (the store reads missing ``sources``/``evidence`` as empty lists).
"""

from __future__ import annotations

import csv
import shlex
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from graph.errors import ExportError
from graph.export.encoding import columns
from graph.files import atomic_writer
from graph.progress import progress
from graph.store.neo4j_rows import GRAPH_PROPERTY, MILCOOP_LABEL, add_edge, add_node
from graph.store.neo4j_store import DEFAULT_GRAPH
from graph.vocabulary import label, rel_type

ARRAY_DELIMITERS = ("|", ";", "^", "~", "¦", "\u2063")
"""Array delimiters in order of preference (``,`` separates the fields); the last two, for
lists whose items hold all the others, are given to neo4j-admin by code point (U+00A6)."""

_SCALARS = {bool: "boolean", int: "long", float: "double", str: "string"}
_PARSERS = {"long": int, "double": float, "boolean": lambda text: text == "true"}


def value_type(value: Any) -> str:
    """The neo4j-admin header type of one value.

    >>> value_type(3000), value_type(True), value_type(["a"]), value_type("2023")
    ('long', 'boolean', 'string[]', 'string')
    """
    if isinstance(value, list):
        kinds = {_SCALARS.get(type(item), "string") for item in value}
        return f"{kinds.pop() if len(kinds) == 1 else 'string'}[]"
    return _SCALARS.get(type(value), "string")


def header(name: str, values: Iterable[Any]) -> str:
    """The header field of a property column: ``name:type``, plain ``name`` for strings.

    >>> header("aliases", [["Turkey"], []]), header("personnel", [3000, None])
    ('aliases:string[]', 'personnel:long')
    """
    kinds = {value_type(value) for value in values if value is not None}
    kind = kinds.pop() if len(kinds) == 1 else "string"
    return name if kind == "string" else f"{name}:{kind}"


def array_delimiter(graph: nx.MultiDiGraph) -> str:
    """The first delimiter in ARRAY_DELIMITERS that no list item in the graph holds."""
    items = {str(item) for _, data in graph.nodes(data=True) for value in data.values()
             if isinstance(value, list) for item in value}
    items |= {str(item) for *_, data in graph.edges(data=True) for value in data.values()
              if isinstance(value, list) for item in value}
    for delimiter in ARRAY_DELIMITERS:
        if not any(delimiter in item for item in items):
            return delimiter
    shown = " ".join(d if d.isprintable() else f"U+{ord(d):04X}" for d in ARRAY_DELIMITERS)
    raise ExportError(f"every array delimiter ({shown}) occurs in a list item; neo4j-admin "
                      "cannot tell the items apart")


def cell(value: Any, delimiter: str) -> str:
    """The text of one value in a neo4j-admin cell.

    >>> cell(["Turkey", "Ankara"], "|"), cell(False, "|"), cell(None, "|")
    ('Turkey|Ankara', 'false', '')
    """
    if value is None:
        return ""
    if isinstance(value, list):
        return delimiter.join(cell(item, delimiter) for item in value)
    return str(value).lower() if isinstance(value, bool) else str(value)


def _grouped(items: Iterable[tuple[str, list[str], dict[str, Any]]]) -> dict[str, list]:
    """(lead values, properties) of each element, grouped by label or type name."""
    groups: dict[str, list] = defaultdict(list)
    for name, lead, data in items:
        groups[name].append((lead, data))
    return groups


def _write_group(path: Path, lead: list[str], members: list, delimiter: str) -> Path:
    """One file: the lead fields, then one typed column per property of its members."""
    keys = columns((), [data for _, data in members])
    fields = lead + [header(key, (data.get(key) for _, data in members)) for key in keys]
    with atomic_writer(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(fields)
        writer.writerows([cell(value, delimiter) for value in (*values, *map(data.get, keys))]
                         for values, data in progress(members, path.name, "row",
                                                      len(members)))
    return path


def command(nodes: list[Path], relationships: list[Path], delimiter: str,
            multiline: bool = False, database: str = "neo4j") -> str:
    """The shell command that imports the files into a new, empty database.

    >>> command([Path("n.csv")], [], "|")
    "neo4j-admin database import full --nodes=n.csv '--array-delimiter=|' neo4j"
    """
    args = ["neo4j-admin", "database", "import", "full",
            *(f"--nodes={path}" for path in nodes),
            *(f"--relationships={path}" for path in relationships)]
    if multiline:
        args.append("--multiline-fields=true")
    named = delimiter if delimiter.isascii() else f"U+{ord(delimiter):04X}"
    return shlex.join([*args, f"--array-delimiter={named}", database])


def _multiline(graph: nx.MultiDiGraph) -> bool:
    values = [*(v for _, d in graph.nodes(data=True) for v in d.values()),
              *(v for *_, d in graph.edges(data=True) for v in d.values())]
    return any(isinstance(v, str) and ("\n" in v or "\r" in v) for v in values)


def write(graph: nx.MultiDiGraph, folder: Path,
          graph_name: str = DEFAULT_GRAPH) -> tuple[list[Path], list[str]]:
    """Write the import files into ``folder`` for the store's graph called ``graph_name``;
    the paths, and the command to run them."""
    delimiter = array_delimiter(graph)
    folder.mkdir(parents=True, exist_ok=True)
    by_label = _grouped((label(data["label"]).name,
                         [node, [MILCOOP_LABEL, data["label"]], graph_name],
                         {k: v for k, v in data.items() if k != "label"})
                        for node, data in graph.nodes(data=True))
    by_type = _grouped((rel_type(key).name, [u, v, key],
                        {k: x for k, x in data.items() if k != "type"})
                       for u, v, key, data in graph.edges(keys=True, data=True))
    nodes = [_write_group(folder / f"nodes_{kind}.csv", ["id:ID", ":LABEL", GRAPH_PROPERTY],
                          members, delimiter) for kind, members in sorted(by_label.items())]
    relationships = [_write_group(folder / f"relationships_{kind}.csv",
                                  [":START_ID", ":END_ID", ":TYPE"], members, delimiter)
                     for kind, members in sorted(by_type.items())]
    run = command(nodes, relationships, delimiter, _multiline(graph))
    return [*nodes, *relationships], [
        "import into a new, empty database with Neo4j stopped (add "
        "--overwrite-destination=true to replace one), then start it and run "
        "'milcoop neo4j init' for the constraints and the derived country ties:", run]


def _parse(field: str, text: str, delimiter: str) -> tuple[str, Any]:
    """A header field and a cell as neo4j-admin reads them: ``(property, value)``, where
    ``id:ID`` stores the property ``id`` and the other ``:FIELD`` keep their field name."""
    name, _, kind = field.partition(":")
    if kind == "ID":
        return name, text
    if kind == "LABEL":
        return field, text.split(delimiter)
    if kind in ("START_ID", "END_ID", "TYPE"):
        return field, text
    if kind.endswith("[]"):
        parse = _PARSERS.get(kind[:-2], str)
        return name, [parse(item) for item in text.split(delimiter)]
    return name, _PARSERS.get(kind, str)(text)


def _records(path: Path, delimiter: str) -> list[dict[str, Any]]:
    """The rows of one file as the import reads them (an empty cell sets nothing)."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return [dict(_parse(field, text, delimiter) for field, text in row.items() if text)
            for row in frame.to_dict("records")]


def read(folder: Path, delimiter: str = ARRAY_DELIMITERS[0]) -> nx.MultiDiGraph:
    """The graph the Neo4j store reads after importing the files in ``folder``.

    Each file is read with pandas as neo4j-admin reads it (typed columns, arrays split on
    ``delimiter``); the nodes and relationships then go through the store's own reading
    (``neo4j_rows.add_node``/``add_edge``), which drops ``id``, ``graph`` and the Milcoop
    label and rebuilds ``sources`` from ``evidence``.
    """
    graph = nx.MultiDiGraph()
    for path in sorted(folder.glob("nodes_*.csv")):
        for row in _records(path, delimiter):
            add_node(graph, row["id"], row.pop(":LABEL"), row)
    for path in sorted(folder.glob("relationships_*.csv")):
        for row in _records(path, delimiter):
            add_edge(graph, row.pop(":START_ID"), row.pop(":TYPE"), row.pop(":END_ID"), row)
    return graph
