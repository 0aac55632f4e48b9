"""The store a reading command reads (``--from``), for the commands and the notebook alike."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from graph.settings import Settings
from graph.store.base import Store
from graph.store.door import built_graph, open_store
from ingest.corpus import Corpus
from ingest.facts.build import rebuild_if_changed


def reading_store(settings: Settings, source: str | None, facts: Path, corpus: Corpus) -> Store:
    """Neo4j as the settings say, or the graph built from ``facts``: kept in ``out/cache``
    and built again only when the facts changed (saying so on a terminal, as the progress
    bars do)."""
    if (source or settings.store) == "networkx":
        graph_file = built_graph(settings)
        if rebuild_if_changed(facts, corpus, graph_file) and sys.stderr.isatty():
            click.echo(f"built the graph of {facts} (new or changed facts) -> {graph_file}",
                       err=True)
    return open_store(settings, source)
