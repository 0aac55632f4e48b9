"""Commands for the Neo4j store: ``milcoop load --to neo4j`` and the ``milcoop neo4j`` group."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import pandas as pd

from graph.store.door import open_store
from graph.store.neo4j_store import DEFAULT_URI, Neo4jStore
from ingest.facts.build import load as load_rows
from ingest.facts.build import validated
from milcoop.options import SETTINGS, corpus_of, corpus_option, facts_option, table


def _connection(function: Any) -> Any:
    """Options naming the server, each defaulting to its NEO4J_* setting (never a password)."""
    for option in reversed([
        click.option("--uri", help=f"Bolt address (NEO4J_URI; default {DEFAULT_URI})."),
        click.option("--user", help="User name (NEO4J_USER; default neo4j)."),
        click.option("--database", help="Database (NEO4J_DATABASE; default neo4j)."),
        click.option("--graph", help="Graph in the database (MILCOOP_GRAPH; default milcoop)."),
    ]):
        function = option(function)
    return function


def _store(uri: str | None, user: str | None, database: str | None, graph: str | None,
           **options: Any) -> Neo4jStore:
    return open_store(SETTINGS, "neo4j", uri=uri, user=user, database=database, graph=graph,
                      **options)


def _target(uri: str | None, database: str | None, graph: str | None) -> str:
    address = uri or SETTINGS.neo4j_uri or DEFAULT_URI
    return (f"graph {graph or SETTINGS.neo4j_graph!r} in database "
            f"{database or SETTINGS.neo4j_database!r} at {address}")


def _counts_table(store: Neo4jStore) -> str:
    counts = store.counts()
    nodes = pd.DataFrame(sorted(counts.nodes.items()), columns=["label", "nodes"])
    edges = pd.DataFrame(sorted(counts.edges.items()), columns=["type", "relationships"])
    return f"{table(nodes)}\n\n{table(edges)}"


@click.command()
@click.option("--to", "target", type=click.Choice(["neo4j"]), default="neo4j",
              show_default=True, help="The store to load into.")
@facts_option
@corpus_option
@_connection
@click.option("--batch-size", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Rows per transaction.")
@click.option("--wipe", is_flag=True, help="First delete this graph's nodes (asks first).")
@click.option("--yes", is_flag=True, help="Do not ask before --wipe.")
def load(target: str, facts: Path, corpus: tuple[Path, ...], uri: str | None,
         user: str | None, database: str | None, graph: str | None, batch_size: int,
         wipe: bool, yes: bool) -> None:
    """Validate the facts and merge them into Neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD).

    Loading is idempotent: the same facts twice leave the same graph; a new report adds its
    source to the nodes and relationships it restates. The schema is applied first.

    \b
    Example:
      NEO4J_PASSWORD=... milcoop load --to neo4j
      milcoop load --to neo4j --wipe --yes
    """
    checked = validated(facts, corpus_of(corpus))
    where = _target(uri, database, graph)
    if wipe and not yes:
        click.confirm(f"Delete every node and relationship of {where}?", abort=True)
    with _store(uri, user, database, graph, batch_size=batch_size) as store:
        store.apply_schema()
        if wipe:
            store.clear()
        summary = load_rows(checked.files, store)
        click.echo(f"loaded {len(checked.files)} report(s) into {where}: "
                   f"{summary.nodes_created} nodes created, {summary.nodes_updated} updated; "
                   f"{summary.edges_created} relationships created, "
                   f"{summary.edges_updated} updated")
        click.echo("\n" + _counts_table(store))


@click.group()
def neo4j() -> None:
    """Set up and inspect the Neo4j store (see docker-compose.yml and the README)."""


@neo4j.command()
@_connection
def init(uri: str | None, user: str | None, database: str | None, graph: str | None) -> None:
    """Create milcoop's constraints and indexes (cypher/schema.cypher) and write the graph's
    derived relationships (BELONGS_TO, TIES_WITH) from its facts; safe to repeat.

    \b
    Example:
      milcoop neo4j init
    """
    with _store(uri, user, database, graph) as store:
        applied = store.apply_schema()
        derived = store.derive()
    click.echo(f"applied {applied} schema statement(s) to database "
               f"{database or SETTINGS.neo4j_database!r}; wrote {derived} derived "
               f"relationship(s) in {_target(uri, database, graph)}")


@neo4j.command()
@_connection
def status(uri: str | None, user: str | None, database: str | None, graph: str | None) -> None:
    """Check the connection and count the graph's nodes and relationships.

    \b
    Example:
      milcoop neo4j status
    """
    with _store(uri, user, database, graph) as store:
        click.echo(f"connected: {_target(uri, database, graph)}\n\n{_counts_table(store)}")
