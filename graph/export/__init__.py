"""Exports of the graph for the tools analysts already use, one module per format.

``export(graph, name, target)`` writes the format called ``name`` to a path or a binary
stream; ``FORMATS`` says which tool each is for and whether it is one file or a folder.
Every module also has a ``read`` that gives its files back (the round-trip tests use them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import networkx as nx

from graph.errors import ExportError
from graph.export import dyads, gexf, graphml, neo4j_admin, nodelink, tables
from graph.files import atomic_writer


@dataclass(frozen=True)
class Format:
    """An export format: the tools it is for, its default name, and how it is written.

    ``write_file`` writes one file to a binary stream; ``write_folder`` writes a folder of
    files. Either returns lines to tell the user (``write_folder`` the paths first).
    """

    name: str
    tools: str
    default: str
    write_file: Callable[[nx.MultiDiGraph, BinaryIO], list[str]] | None = None
    write_folder: Callable[[nx.MultiDiGraph, Path], tuple[list[Path], list[str]]] | None = None

    @property
    def single_file(self) -> bool:
        """Whether the format is one file (so it can go to stdout)."""
        return self.write_file is not None


@dataclass
class Exported:
    """What an export wrote (no paths when it went to a stream) and what to tell the user."""

    paths: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


FORMATS: dict[str, Format] = {
    fmt.name: fmt
    for fmt in (
        Format("graphml", "yEd, Gephi, Cytoscape, R igraph", "graph.graphml",
               write_file=graphml.write),
        Format("gexf", "Gephi (with its timeline)", "graph.gexf", write_file=gexf.write),
        Format("json", "d3, networkx, any JSON reader (node-link)", "graph.json",
               write_file=nodelink.write),
        Format("csv", "spreadsheets, pandas, R: nodes.csv and edges.csv", "csv",
               write_folder=tables.write),
        Format("neo4j-admin", "neo4j-admin database import full (Neo4j 5.3+)", "neo4j-import",
               write_folder=neo4j_admin.write),
        Format("dyads", "dyad-year table for international-relations datasets", "dyads.csv",
               write_file=dyads.write),
    )
}


def get_format(name: str) -> Format:
    """The format called ``name``; raises ExportError for anything else."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ExportError(f"unknown export format {name!r} (known: {', '.join(FORMATS)})") \
            from None


def default_target(name: str, out_dir: Path) -> Path:
    """Where a format is written when no target is given: ``out_dir/export/<default>``."""
    return out_dir / "export" / get_format(name).default


def _write_path(fmt: Format, graph: nx.MultiDiGraph, path: Path) -> list[str]:
    """Write one file atomically: a reader never sees half of it."""
    with atomic_writer(path) as handle:
        return fmt.write_file(graph, handle)


def export(graph: nx.MultiDiGraph, name: str, target: Path | BinaryIO) -> Exported:
    """Write ``graph`` in format ``name`` to ``target``: a file, a folder or a binary stream."""
    fmt = get_format(name)
    try:
        if fmt.write_folder is not None:
            if not isinstance(target, Path):
                raise ExportError(f"{name} writes a folder of files: give a folder, not a stream")
            if target.is_file():
                raise ExportError(f"{target}: is a file; {name} writes a folder of files")
            return Exported(*fmt.write_folder(graph, target))
        if isinstance(target, Path):
            return Exported([target], _write_path(fmt, graph, target))
        return Exported([], fmt.write_file(graph, target))
    except OSError as error:
        where = target if isinstance(target, Path) else error.filename
        raise ExportError(f"{where}: cannot write: {error.strerror}") from None
