"""The interface every store implements, and the summary a write returns.

Every store holds the same shape: nodes keyed by id with a ``label`` and their properties,
edges keyed by (source, type, target) with their properties, and provenance (``sources``,
``evidence``) on both. ``read`` returns that shape as a ``networkx.MultiDiGraph`` so every
analysis, map and export works from any store.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import networkx as nx

from graph.model import Edge, Node
from graph.neighbourhood import neighbourhood

if TYPE_CHECKING:
    import pandas as pd


@dataclass
class WriteSummary:
    """How many nodes and edges a write created and how many it updated."""

    nodes_created: int = 0
    nodes_updated: int = 0
    edges_created: int = 0
    edges_updated: int = 0

    def __add__(self, other: WriteSummary) -> WriteSummary:
        return WriteSummary(
            self.nodes_created + other.nodes_created,
            self.nodes_updated + other.nodes_updated,
            self.edges_created + other.edges_created,
            self.edges_updated + other.edges_updated,
        )


@dataclass
class Counts:
    """Nodes by label and edges by type."""

    nodes: Counter[str] = field(default_factory=Counter)
    edges: Counter[str] = field(default_factory=Counter)


@dataclass
class Tally:
    """What ``milcoop stats`` shows, read from a graph (``graph.stats``) or from the built
    graph's index without loading it (``GraphIndex.tally``): the counts, and one row per
    article (``graph.stats.ARTICLE_COLUMNS``)."""

    counts: Counts
    articles: list[dict[str, Any]]


def count_graph(graph: nx.MultiDiGraph) -> Counts:
    """Nodes by label and edges by type of a graph in the common shape."""
    return Counts(
        Counter(label for _, label in graph.nodes(data="label")),
        Counter(kind for _, _, kind in graph.edges(keys=True)),
    )


class Store(ABC):
    """A place the graph is kept: written from neutral rows, read back as NetworkX, asked the
    named queries of ``cypher/queries``; opened with ``graph.store.door.open_store`` and
    closed by a ``with`` block."""

    notices: list[str]
    """What the store said about the queries run so far (a server's deprecations, hints)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:  # noqa: B027 (a graph in memory holds nothing open)
        """Release what the store holds open (nothing, for a graph in memory)."""

    @abstractmethod
    def write(self, nodes: Iterable[Node], edges: Iterable[Edge]) -> WriteSummary:
        """Merge nodes and edges in: new evidence and aliases are added, never duplicated."""

    @abstractmethod
    def read(self) -> nx.MultiDiGraph:
        """The whole graph in the common NetworkX shape."""

    def read_neighbourhood(self, node: str, depth: int = 1) -> nx.MultiDiGraph:
        """The part of the graph within ``depth`` fact relationships of ``node``."""
        return neighbourhood(self.read(), node, depth)

    def derive(self) -> int:
        """Write again what the store derives from its facts (the country ties); how many.
        A graph in memory keeps nothing derived: the projection is computed when asked."""
        return 0

    @abstractmethod
    def clear(self) -> None:
        """Remove milcoop's own data from the store (and nothing else)."""

    def counts(self) -> Counts:
        """Nodes by label and edges by type."""
        return count_graph(self.read())

    def answer(self, name: str, **values: Any) -> pd.DataFrame:
        """The answer of the named query ``name`` (values: ids or names), the same table
        from every store."""
        from graph.queries.library import run_networkx  # pandas loads only for queries
        return run_networkx(self.read(), name, **values)
