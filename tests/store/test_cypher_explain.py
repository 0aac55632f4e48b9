"""Every .cypher file under cypher/ plans on a real Neo4j server (EXPLAIN: nothing runs),
with the example parameters its opening comment declares (``// :param name => value``)."""

from __future__ import annotations

import pytest
from neo4j_server import NEEDS_NEO4J, fresh_store

from graph.cypher_files import (
    CYPHER_DIR,
    LABEL_PLACEHOLDER,
    TYPE_PLACEHOLDER,
    cypher_paths,
    parameters,
    place,
    statements,
)

pytestmark = NEEDS_NEO4J


@pytest.fixture(scope="module")
def store():
    with fresh_store() as neo4j_store:
        neo4j_store.apply_schema()
        yield neo4j_store


def filled(statement: str) -> str:
    """A statement with any placeholder filled by a vocabulary name, as the store fills it."""
    if LABEL_PLACEHOLDER in statement:
        return place(statement, "Country")
    if TYPE_PLACEHOLDER in statement:
        return place(statement, "COOPERATES_WITH")
    return statement


def planned(store, path) -> list[dict]:
    """The plan of every statement of a file, with the example values its header declares."""
    text = path.read_text(encoding="utf-8")
    values = {name: store.records(f"RETURN {expression} AS value")[0]["value"]
              for name, expression in parameters(text).items()}
    return [store.plan(filled(statement), values) for statement in statements(text)]


@pytest.mark.parametrize("path", cypher_paths(),
                         ids=lambda path: str(path.relative_to(CYPHER_DIR)))
def test_every_cypher_file_plans_with_its_declared_parameters(store, path):
    assert all(plan["operatorType"] for plan in planned(store, path))


@pytest.mark.parametrize("path", cypher_paths(),
                         ids=lambda path: str(path.relative_to(CYPHER_DIR)))
def test_no_cypher_file_uses_syntax_the_server_calls_deprecated(store, path):
    store.notices.clear()
    planned(store, path)
    assert not [notice for notice in store.notices if "DEPRECATION" in notice]
