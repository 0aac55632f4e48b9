"""The store a reading command reads (``--from``), for the commands and the notebook alike."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import networkx as nx

from graph.lookup import resolve
from graph.settings import Settings
from graph.store.base import Store, Tally
from graph.store.door import (
    built_graph,
    country_view_of,
    index_of,
    open_store,
    pair_view_of,
    ties_view_of,
)
from ingest.corpus import Corpus
from ingest.facts.build import rebuild_if_changed

VIEWS = {"countries": country_view_of, "pairs": pair_view_of, "ties": ties_view_of}
"""The smaller graphs kept beside a built graph, by what a reading command asks for."""


def reading_store(settings: Settings, source: str | None, facts: Path, corpus: Corpus,
                  view: str | None = None) -> Store:
    """Neo4j as the settings say, or the graph built from ``facts``: kept in ``out/cache``
    and built again only when the facts changed (saying so on a terminal, as the progress
    bars do). With a ``view``, only that part of it, which is all the command reads:
    ``countries`` (``projection.country_view``), ``pairs`` (``projection.pair_view``) or
    ``ties`` (``projection.ties_view``)."""
    if (source or settings.store) == "networkx":
        graph_file = _built(settings, facts, corpus)
        return open_store(settings, "networkx",
                          VIEWS[view](graph_file) if view else graph_file)
    return open_store(settings, source)


def _built(settings: Settings, facts: Path, corpus: Corpus) -> Path:
    """The graph built from ``facts``, built again first if they changed (said on a
    terminal)."""
    graph_file = built_graph(settings)
    if rebuild_if_changed(facts, corpus, graph_file) and sys.stderr.isatty():
        click.echo(f"built the graph of {facts} (new or changed facts) -> {graph_file}",
                   err=True)
    return graph_file


def entity_graph(settings: Settings, source: str | None, facts: Path, corpus: Corpus,
                 name: str) -> tuple[nx.MultiDiGraph, str]:
    """The id of the entity ``name`` names and the graph around it: from the built graph's
    index (milliseconds, however large the graph), or from Neo4j."""
    if (source or settings.store) == "networkx":
        from graph.store.index import GraphIndex
        with GraphIndex(index_of(_built(settings, facts, corpus))) as index:
            node = index.resolve(name)
            return index.neighbourhood(node), node
    with open_store(settings, source) as store:
        graph = store.read()
    return graph, resolve(graph, name)


def tallied(settings: Settings, source: str | None, facts: Path, corpus: Corpus
            ) -> Tally | nx.MultiDiGraph:
    """What ``milcoop stats`` counts: the built graph's index, counted in SQL without
    loading the graph, or the graph Neo4j holds."""
    if (source or settings.store) == "networkx":
        from graph.store.index import GraphIndex
        with GraphIndex(index_of(_built(settings, facts, corpus))) as index:
            return index.tally()
    with open_store(settings, source) as store:
        return store.read()
