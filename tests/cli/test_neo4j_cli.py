"""The Neo4j commands without a server: every failure is one line naming what to check."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from graph.errors import StoreError
from graph.store.neo4j_store import Neo4jStore
from milcoop.cli import main

NOWHERE = "bolt://127.0.0.1:1"


@pytest.fixture
def run():
    def invoke(*args: str, **options):
        return CliRunner().invoke(main, [str(arg) for arg in args], **options)
    return invoke


def test_loading_into_an_unreachable_server_is_one_line_and_exit_2(run):
    result = run("load", "--to", "neo4j", "--uri", NOWHERE)
    assert result.exit_code == 2
    assert result.output == (f"error: cannot reach Neo4j at {NOWHERE}: check that the "
                             "server is running (docker compose up --wait) and NEO4J_URI\n")


@pytest.mark.parametrize("command", [["neo4j", "init"], ["neo4j", "status"]])
def test_the_neo4j_group_says_the_same_when_unreachable(run, command):
    result = run(*command, "--uri", NOWHERE)
    assert result.exit_code == 2
    assert result.output.startswith(f"error: cannot reach Neo4j at {NOWHERE}")


def test_reading_from_an_unreachable_neo4j_is_one_line_and_exit_2(run, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", NOWHERE)
    result = run("stats", "--from", "neo4j")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


def test_a_uri_that_is_not_bolt_is_named(run):
    result = run("neo4j", "status", "--uri", "http://127.0.0.1:7474")
    assert result.exit_code == 2
    assert "is not a Bolt address: use e.g. bolt://127.0.0.1:7687" in result.output


def test_the_password_never_appears_in_errors():
    secret = "pa55-Secret-do-not-print"
    with pytest.raises(StoreError) as error:
        Neo4jStore(NOWHERE, password=secret)
    assert secret not in str(error.value)


def test_wipe_asks_first_and_touches_nothing_when_refused(run):
    result = run("load", "--uri", NOWHERE, "--wipe", input="n\n")
    assert result.exit_code == 1
    assert "Delete every node and relationship of graph 'milcoop'" in result.output
    assert "cannot reach" not in result.output


def test_invalid_facts_stop_the_load_before_connecting(run):
    result = run("load", "--facts", FIXTURES / "invalid" / "bad_date.yaml", "--uri", NOWHERE)
    assert result.exit_code == 1
    assert "bad_date.yaml:19: error: bad date in 'end'" in result.output
    assert "cannot reach" not in result.output


@pytest.mark.parametrize("scheme", ["bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s",
                                    "neo4j+ssc"])
def test_every_bolt_scheme_a_cluster_or_aura_uses_is_taken(scheme):
    uri = f"{scheme}://127.0.0.1:1"
    with pytest.raises(StoreError) as error:
        Neo4jStore(uri)
    assert f"cannot reach Neo4j at {uri}" in str(error.value)
    assert "not a Bolt address" not in str(error.value)

