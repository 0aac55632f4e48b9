"""Small value rules every query implementation shares, stated once as Cypher states them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx


def name_of(graph: nx.MultiDiGraph, node: str) -> str:
    """A node's name, else its id (Cypher: ``coalesce(n.name, n.id)``)."""
    return str(graph.nodes[node].get("name", node))


def first_present(*values: Any) -> Any:
    """The first value that is not None (Cypher: ``coalesce``).

    >>> first_present(None, "2023", "2024")
    '2023'
    """
    return next((value for value in values if value is not None), None)


def nulls_last(value: Any) -> tuple[bool, Any]:
    """A sort key placing None after every value, as Cypher's ascending ORDER BY does.

    >>> sorted(["2024", None, "2023"], key=nulls_last)
    ['2023', '2024', None]
    """
    return (value is None, "" if value is None else value)


def distinct_sorted(values: Iterable[Any]) -> list[Any]:
    """The distinct values other than None, sorted (Cypher: ORDER BY, collect(DISTINCT))."""
    return sorted({value for value in values if value is not None})


def count_distinct(lists: Iterable[Iterable[Any]]) -> int:
    """How many distinct items the lists hold together (articles behind several facts)."""
    return len({item for items in lists for item in items})
