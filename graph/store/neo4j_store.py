"""The Neo4j store: batched, idempotent loads and reads back into the common NetworkX shape.

Every node it writes carries the label ``Milcoop`` and a ``graph`` property (the graph's
name, default ``milcoop``): loads merge on the constrained ``(graph, id)``, and reads, counts
and ``clear`` touch that one graph and nothing else in the database. All Cypher comes from
cypher/*.cypher; values always travel as parameters, labels and types come from the
vocabulary only. A batch is one transaction, and every write merges (union of lists and
provenance), so a load that stops half-way is completed by running it again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import neo4j
import networkx as nx
import pandas as pd
from neo4j import GraphDatabase, RoutingControl
from neo4j.exceptions import (
    AuthError,
    ClientError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from graph.analysis.projection import home_rows, tie_rows
from graph.cypher_files import cypher, place, statements
from graph.errors import NotFoundError, StoreError
from graph.model import Edge, Node
from graph.queries.library import run_neo4j
from graph.settings import Settings
from graph.store.base import Counts, Store, WriteSummary
from graph.store.neo4j_rows import Batch, add_edge, add_node, batch, chunks
from graph.vocabulary import DERIVED_TYPES, FACT_TYPES, LABELS, PROVENANCE_TYPES, REL_TYPES

DEFAULT_URI = "bolt://127.0.0.1:7687"
"""Where a local server (docker-compose.yml) listens, used only when Neo4j is asked for."""

BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
DEFAULT_GRAPH = "milcoop"
DATABASE_NOT_FOUND = "Neo.ClientError.Database.DatabaseNotFound"

logging.getLogger("neo4j").addHandler(logging.NullHandler())


def _frame_and_summary(result: neo4j.Result) -> tuple[pd.DataFrame, neo4j.ResultSummary]:
    """A result's records as a DataFrame, and its summary (for the server's notifications)."""
    return result.to_df(), result.consume()


def notices(summary: neo4j.ResultSummary) -> list[str]:
    """The server's notifications about a query, one printable line each: ``01N00
    DEPRECATION: ...``."""
    lines = (f"{status.gql_status} {status.raw_classification or ''}: "
             f"{' '.join(str(status.status_description).split())}"
             for status in summary.gql_status_objects if status.is_notification)
    return ["".join(char if char.isprintable() else "?" for char in line) for line in lines]


class Neo4jStore(Store):
    """A graph kept in a Neo4j 5 database, in the same shape as the NetworkX store."""

    def __init__(self, uri: str = DEFAULT_URI, user: str = "neo4j",
                 password: str | None = None, database: str = "neo4j",
                 graph: str = DEFAULT_GRAPH, batch_size: int = 1000) -> None:
        self.uri, self.user, self.database = uri, user, database
        self.graph, self.batch_size = graph, batch_size
        self._has_password = password is not None
        auth = (user, password) if password is not None else None
        if uri.partition("://")[0] not in BOLT_SCHEMES:
            raise StoreError(f"NEO4J_URI {uri!r} is not a Bolt address: use e.g. {DEFAULT_URI}")
        try:
            self._driver = GraphDatabase.driver(uri, auth=auth, connection_timeout=10)
        except (ValueError, DriverError) as error:
            raise StoreError(f"NEO4J_URI {uri!r} is not a Neo4j address ({error})") from None
        self._schema_applied = False
        self.notices: list[str] = []
        """What the server said about the queries run so far (deprecations, hints)."""
        try:
            with self._errors():
                self._driver.verify_connectivity()
        except StoreError:
            self._driver.close()
            raise

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> Neo4jStore:
        """A store connected as the settings say (NEO4J_*), with options overriding them."""
        options = {
            "uri": settings.neo4j_uri or DEFAULT_URI,
            "user": settings.neo4j_user,
            "password": settings.neo4j_password,
            "database": settings.neo4j_database,
            "graph": settings.neo4j_graph,
        }
        options.update({key: value for key, value in overrides.items() if value is not None})
        return cls(**options)

    def __repr__(self) -> str:
        return f"Neo4jStore({self.uri!r}, database={self.database!r}, graph={self.graph!r})"

    def __enter__(self) -> Neo4jStore:
        return self

    def close(self) -> None:
        """Close the driver and its connections."""
        self._driver.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn driver errors into one StoreError line naming what to check."""
        try:
            yield
        except AuthError:
            hint = "" if self._has_password else " (NEO4J_PASSWORD is not set)"
            raise StoreError(f"Neo4j at {self.uri} refused user {self.user!r}: check "
                             f"NEO4J_USER and NEO4J_PASSWORD{hint}") from None
        except (ServiceUnavailable, SessionExpired):
            raise StoreError(f"cannot reach Neo4j at {self.uri}: check that the server is "
                             "running (docker compose up --wait) and NEO4J_URI") from None
        except ClientError as error:
            if error.code == DATABASE_NOT_FOUND:
                raise StoreError(f"Neo4j at {self.uri} has no database {self.database!r}: "
                                 "check NEO4J_DATABASE") from None
            raise StoreError(f"Neo4j refused the request: {error.message}") from None
        except Neo4jError as error:
            raise StoreError(f"Neo4j failed: {error.message}") from None
        except DriverError as error:
            raise StoreError(f"Neo4j driver error: {error}") from None

    def _session(self) -> neo4j.Session:
        return self._driver.session(database=self.database)

    def _read(self, work: Callable[[neo4j.ManagedTransaction], Any]) -> Any:
        with self._errors(), self._session() as session:
            return session.execute_read(work)

    def _write(self, work: Callable[[neo4j.ManagedTransaction], Any]) -> Any:
        with self._errors(), self._session() as session:
            return session.execute_write(work)

    def apply_schema(self) -> int:
        """Create the constraints and indexes of cypher/schema.cypher; returns how many."""
        schema = statements(cypher("schema"))
        for statement in schema:
            with self._errors():
                self._driver.execute_query(statement, database_=self.database)
        self._schema_applied = True
        return len(schema)

    def write(self, nodes: Iterable[Node], edges: Iterable[Edge]) -> WriteSummary:
        """Merge nodes, then edges, one transaction per batch of ``batch_size`` rows.

        The schema is applied first (once per store): MERGE needs its constraints.
        """
        if not self._schema_applied:
            self.apply_schema()
        summary = WriteSummary()
        for chunk in chunks(nodes, self.batch_size):
            summary += self._write(self._merge_work(batch(chunk, [])))
        for chunk in chunks(edges, self.batch_size):
            summary += self._write(self._merge_work(batch([], chunk)))
        return summary

    def _merge_work(self, rows: Batch) -> Callable[[neo4j.ManagedTransaction], WriteSummary]:
        """The transaction function that merges one batch, all labels and types in it."""

        def work(tx: neo4j.ManagedTransaction) -> WriteSummary:
            summary = WriteSummary()
            for label, label_rows in rows.nodes.items():
                result = tx.run(place(cypher("load/merge_nodes"), label),
                                graph=self.graph, rows=label_rows)
                summary.nodes_created += result.consume().counters.nodes_created
            merged = 0
            for kind, type_rows in rows.edges.items():
                result = tx.run(place(cypher("load/merge_relationships"), kind),
                                graph=self.graph, rows=type_rows)
                merged += result.single(strict=True)["merged"]
                summary.edges_created += result.consume().counters.relationships_created
            unique_edges = sum(len(type_rows) for type_rows in rows.edges.values())
            if merged < unique_edges:
                raise StoreError(f"{unique_edges - merged} relationship(s) name a node that "
                                 f"is not in graph {self.graph!r}; load the nodes first")
            summary.nodes_updated = rows.node_rows - summary.nodes_created
            summary.edges_updated = rows.edge_rows - summary.edges_created
            return summary

        return work

    def read(self) -> nx.MultiDiGraph:
        """The whole graph in the common NetworkX shape."""

        def work(tx: neo4j.ManagedTransaction) -> nx.MultiDiGraph:
            graph = nx.MultiDiGraph()
            for record in tx.run(cypher("read/nodes"), graph=self.graph):
                add_node(graph, record["id"], record["labels"], record["properties"])
            for record in tx.run(cypher("read/relationships"), graph=self.graph,
                                 types=list(REL_TYPES)):
                add_edge(graph, record["source"], record["type"], record["target"],
                         record["properties"])
            return graph

        return self._read(work)

    def read_neighbourhood(self, node: str, depth: int = 1) -> nx.MultiDiGraph:
        """The part of the graph within ``depth`` fact relationships of ``node``, with the
        articles that mention it (see graph.neighbourhood.neighbourhood)."""
        if depth < 0:
            raise ValueError(f"depth must be 0 or more, not {depth}")

        def work(tx: neo4j.ManagedTransaction) -> nx.MultiDiGraph:
            if tx.run(cypher("read/subgraph_nodes"), graph=self.graph,
                      ids=[node]).peek() is None:
                raise NotFoundError(f"no node {node!r} in graph {self.graph!r}")
            reached, frontier = {node}, [node]
            for _ in range(depth):
                found = tx.run(cypher("read/neighbours"), graph=self.graph, ids=frontier,
                               types=list(FACT_TYPES))
                frontier = [record["id"] for record in found if record["id"] not in reached]
                reached.update(frontier)
            articles = tx.run(cypher("read/mentioning"), graph=self.graph,
                              ids=sorted(reached), types=list(PROVENANCE_TYPES))
            ids = sorted(reached | {record["id"] for record in articles})
            graph = nx.MultiDiGraph()
            for record in tx.run(cypher("read/subgraph_nodes"), graph=self.graph, ids=ids):
                add_node(graph, record["id"], record["labels"], record["properties"])
            for record in tx.run(cypher("read/subgraph_relationships"), graph=self.graph,
                                 ids=ids, types=list(REL_TYPES)):
                add_edge(graph, record["source"], record["type"], record["target"],
                         record["properties"])
            return graph

        return self._read(work)

    def counts(self) -> Counts:
        """Nodes by label and relationships by type of this graph, counted in the database."""

        def work(tx: neo4j.ManagedTransaction) -> Counts:
            counts = Counts()
            for record in tx.run(cypher("read/count_nodes"), graph=self.graph,
                                 labels=list(LABELS)):
                counts.nodes[record["label"]] = record["count"]
            for record in tx.run(cypher("read/count_relationships"), graph=self.graph,
                                 types=list(REL_TYPES)):
                counts.edges[record["type"]] = record["count"]
            return counts

        return self._read(work)

    def derive(self, batch_size: int = 5_000) -> int:
        """Replace this graph's derived relationships (``BELONGS_TO``, ``TIES_WITH``) with
        those of its facts as they now stand: read back whole, projected (graph.analysis.
        projection), written in batches; how many were written."""
        graph = self.read()
        while self._write(lambda tx: tx.run(
                cypher("load/delete_derived"), graph=self.graph, batch=batch_size,
                types=list(DERIVED_TYPES)).single(strict=True)["deleted"]):
            pass
        written = 0
        for query, rows in (("load/merge_homes", home_rows(graph)),
                            ("load/merge_ties", tie_rows(graph))):
            for chunk in chunks(rows, self.batch_size):
                self._write(lambda tx, query=query, chunk=chunk: tx.run(
                    cypher(query), graph=self.graph, rows=chunk).consume())
            written += len(rows)
        return written

    def clear(self, batch_size: int = 5_000) -> None:
        """Delete this graph's nodes and relationships, in batches; nothing else."""
        while True:
            deleted = self._write(lambda tx: tx.run(
                cypher("load/delete_graph"), graph=self.graph, batch=batch_size,
            ).single(strict=True)["deleted"])
            if not deleted:
                return

    def records(self, cypher: str, parameters: dict[str, Any] | None = None,
                ) -> list[dict[str, Any]]:
        """Run a read query (``$graph`` is this store's graph unless given) as plain dicts."""
        with self._errors():
            return self._driver.execute_query(
                cypher, {"graph": self.graph, **(parameters or {})},
                routing_=RoutingControl.READ, database_=self.database,
                result_transformer_=lambda result: [record.data() for record in result])

    def plan(self, cypher: str, parameters: dict[str, Any] | None = None) -> dict[str, Any]:
        """The plan Neo4j makes for a query (EXPLAIN: nothing runs); raises if it cannot.
        The server's notifications about it are added to ``notices``."""
        with self._errors(), self._session() as session:
            result = session.run(f"EXPLAIN {cypher}", {"graph": self.graph, **(parameters or {})})
            summary = result.consume()
        self.notices += notices(summary)
        return summary.plan

    def answer(self, name: str, **values: Any) -> pd.DataFrame:
        """The answer of the named query ``name`` from its Cypher file, run on the server."""
        return run_neo4j(self, name, **values)

    def query(self, cypher: str, parameters: dict[str, Any] | None = None) -> pd.DataFrame:
        """Run a read query (``$graph`` is this store's graph unless given) as a DataFrame;
        the server's warnings and notifications about it are added to ``notices``."""
        with self._errors():
            frame, summary = self._driver.execute_query(
                cypher, {"graph": self.graph, **(parameters or {})},
                routing_=RoutingControl.READ, database_=self.database,
                result_transformer_=_frame_and_summary)
        self.notices += notices(summary)
        return frame
