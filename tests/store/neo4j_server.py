"""A real Neo4j server for tests (NEO4J_URI), each test in a graph of its own.

Tests that need it are marked ``neo4j`` and skipped, with the reason, when NEO4J_URI is
unset. Every store they get writes into a fresh graph (``graph`` = test-<random>) that is
deleted afterwards: nothing else in the database is read, written or wiped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any
from uuid import uuid4

import pytest

from graph.settings import Settings, load_settings
from graph.store.neo4j_store import Neo4jStore

REASON = "NEO4J_URI is not set: no Neo4j server to test against (README: The Neo4j store)"
NEEDS_NEO4J = [pytest.mark.neo4j, pytest.mark.skipif(not os.environ.get("NEO4J_URI"),
                                                     reason=REASON)]


def server_settings() -> Settings:
    """The server settings from the environment, in a new graph of the test's own."""
    return replace(load_settings(), neo4j_graph=f"test-{uuid4().hex}")


@contextmanager
def fresh_store(**options: Any) -> Iterator[Neo4jStore]:
    """A store in a new graph on the test server; its graph is deleted afterwards."""
    with Neo4jStore.from_settings(server_settings(), **options) as store:
        try:
            yield store
        finally:
            store.clear()
