"""The one place a store is chosen: every command, the notebook and ``ingest`` open it here.

``networkx`` is the embedded default: the graph saved as node-link JSON (what ``milcoop
build`` writes; reading commands keep a copy built from the facts in ``out/cache``);
``neo4j`` is the server the settings name (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD,
NEO4J_DATABASE, MILCOOP_GRAPH).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.errors import StoreError
from graph.settings import Settings
from graph.store.base import Store

SOURCES = ("networkx", "neo4j")
"""The stores milcoop reads and writes (MILCOOP_STORE picks the default)."""


def built_graph(settings: Settings) -> Path:
    """Where the graph built from the facts is kept for the reading commands."""
    return settings.out_dir / "cache" / "graph.json"


def index_of(graph_file: Path) -> Path:
    """Where the lookup index of a built graph is kept: beside it."""
    return graph_file.with_name(graph_file.stem + ".index.sqlite")


def country_view_of(graph_file: Path) -> Path:
    """Where the country view of a built graph (``projection.country_view``) is kept."""
    return graph_file.with_name(graph_file.stem + ".countries.json")


def pair_view_of(graph_file: Path) -> Path:
    """Where the pair view of a built graph (``projection.pair_view``) is kept."""
    return graph_file.with_name(graph_file.stem + ".pairs.json")


def ties_view_of(graph_file: Path) -> Path:
    """Where the ties view of a built graph (``projection.ties_view``) is kept."""
    return graph_file.with_name(graph_file.stem + ".ties.json")


def open_store(settings: Settings, source: str | None = None, graph_file: Path | None = None,
               create: bool = False, **neo4j: Any) -> Store:
    """The store ``source`` (default: the settings' ``store``). For ``networkx``: the graph
    saved at ``graph_file`` (default: the one built from the facts), or a new empty graph
    with ``create``; for ``neo4j``: a connection to the server, checked at once (``neo4j``:
    options overriding the settings, such as ``uri`` or ``batch_size``)."""
    source = source or settings.store
    if source == "neo4j":
        from graph.store.neo4j_store import Neo4jStore  # the driver loads only when used
        return Neo4jStore.from_settings(settings, **neo4j)
    if source == "networkx":
        from graph.store.networkx_store import NetworkXStore
        return NetworkXStore() if create else \
            NetworkXStore.load(graph_file or built_graph(settings))
    raise StoreError(f"unknown store {source!r} (MILCOOP_STORE): choose one of "
                     f"{', '.join(SOURCES)}")
