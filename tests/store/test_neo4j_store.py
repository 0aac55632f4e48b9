"""The Neo4j store against a real server: the seed facts read back exactly as NetworkX holds
them, loads are idempotent and resumable, errors name what to check."""

from __future__ import annotations

import re
from dataclasses import replace
from uuid import uuid4

import pandas as pd
import pytest
from click.testing import CliRunner
from neo4j_server import NEEDS_NEO4J, fresh_store, server_settings

from conftest import FACTS, HOSTILE
from graph.analysis.projection import home_rows, tie_rows
from graph.errors import StoreError
from graph.model import Node
from graph.neighbourhood import neighbourhood
from graph.store.base import count_graph
from graph.store.door import open_store
from graph.store.neo4j_store import Neo4jStore
from ingest.corpus import Corpus
from ingest.facts.build import load, validated
from ingest.facts.rows import rows
from milcoop.cli import main

pytestmark = NEEDS_NEO4J


def shape(graph):
    """Everything a graph holds, comparable: nodes with attributes, edges with attributes."""
    return (dict(graph.nodes(data=True)),
            {(u, v, k): data for u, v, k, data in graph.edges(keys=True, data=True)})


@pytest.fixture(scope="module")
def seed_files():
    return validated(FACTS, Corpus()).files


@pytest.fixture(scope="module")
def loaded(seed_files):
    """The seed facts loaded into a fresh graph (shared by the read-only tests here)."""
    with fresh_store(batch_size=100) as store:
        load(seed_files, store)
        yield store


def test_the_seed_facts_read_back_from_neo4j_exactly_as_networkx_holds_them(loaded,
                                                                          seed_graph):
    graph = loaded.read()
    assert shape(graph) == shape(seed_graph)
    assert graph.nodes["ilham-aliyev"]["label"] == "Person"
    assert graph.edges["AZE", "TUR", "COOPERATES_WITH"] == seed_graph.edges[
        "AZE", "TUR", "COOPERATES_WITH"]


def test_counts_in_the_database_match_the_networkx_counts(loaded, seed_graph):
    assert loaded.counts() == count_graph(seed_graph)


@pytest.mark.parametrize(("node", "depth"), [("AZE", 1), ("mustafa-kemal-ataturk-2023", 2),
                                             ("ilham-aliyev", 0)])
def test_a_neighbourhood_read_from_neo4j_equals_the_networkx_one(loaded, seed_graph, node,
                                                                 depth):
    assert shape(loaded.read_neighbourhood(node, depth)) == shape(
        neighbourhood(seed_graph, node, depth))


def _count(store, match: str) -> int:
    return store.records(f"{match} RETURN count(*) AS n")[0]["n"]


def test_a_load_writes_the_derived_ties_and_homes_of_its_facts(loaded, seed_graph):
    ties = "MATCH (:Country:Milcoop {graph: $graph})-[:TIES_WITH]->(:Country)"
    homes = "MATCH (:Milcoop {graph: $graph})-[:BELONGS_TO]->(:Country)"
    assert _count(loaded, ties) == len(tie_rows(seed_graph)) == 33
    assert _count(loaded, homes) == len(home_rows(seed_graph)) == 29
    kinds = loaded.records(
        "MATCH (:Country {graph: $graph, id: 'AZE'})-[tie:TIES_WITH]-(:Country {id: 'TUR'}) "
        "RETURN tie.kind AS kind, tie.via AS via, tie.sources AS sources ORDER BY via")
    assert kinds == sorted(({"kind": row["kind"], "via": row["via"], "sources": row["sources"]}
                            for row in tie_rows(seed_graph)
                            if (row["first"], row["second"]) == ("AZE", "TUR")),
                           key=lambda row: row["via"])
    assert loaded.records(
        "MATCH (:Person {graph: $graph, id: 'zakir-hasanov'})-[:BELONGS_TO]->(home) "
        "RETURN home.id AS home") == [{"home": "AZE"}]


def test_loading_again_writes_the_derived_relationships_again_not_twice(seed_files):
    with fresh_store() as store:
        load(seed_files, store)
        load(seed_files, store)
        assert _count(store, "MATCH (:Milcoop {graph: $graph})-[:TIES_WITH]->()") == 33
        assert _count(store, "MATCH (:Milcoop {graph: $graph})-[:BELONGS_TO]->()") == 29
        assert store.derive() == 62


def test_hostile_names_go_into_neo4j_and_come_back_unchanged():
    with fresh_store() as store:
        store.write([Node(f"p{number}", "Person", {"name": name, "aliases": [name, "plain"]})
                     for number, name in enumerate(HOSTILE)], [])
        back = store.read()
    assert [back.nodes[f"p{number}"]["name"] for number in range(len(HOSTILE))] == \
        list(HOSTILE)
    assert back.nodes["p5"]["aliases"] == [HOSTILE[5], "plain"]


def test_the_door_opens_the_neo4j_graph_named_in_the_settings(loaded, seed_graph):
    settings = replace(server_settings(), neo4j_graph=loaded.graph)
    with open_store(settings, "neo4j") as store:
        assert shape(store.read()) == shape(seed_graph)


def test_query_returns_a_dataframe_of_this_graph_only(loaded):
    frame = loaded.query("MATCH (n:Country {graph: $graph}) WHERE n.id IN $ids "
                         "RETURN n.id AS id, n.name AS name ORDER BY id",
                         {"ids": ["AZE", "TUR"]})
    assert isinstance(frame, pd.DataFrame)
    assert frame.to_dict("records") == [{"id": "AZE", "name": "Azerbaijan"},
                                        {"id": "TUR", "name": "Türkiye"}]


def test_loading_the_same_facts_twice_leaves_the_same_graph(seed_files, seed_graph):
    with fresh_store() as store:
        first = load(seed_files, store)
        second = load(seed_files, store)
        assert (first.nodes_created, first.edges_created) == (
            seed_graph.number_of_nodes(), seed_graph.number_of_edges())
        assert (second.nodes_created, second.edges_created) == (0, 0)
        assert second.nodes_updated == first.nodes_created + first.nodes_updated
        assert shape(store.read()) == shape(seed_graph)


def test_a_load_cut_off_half_way_is_completed_by_running_it_again(seed_files, seed_graph):
    nodes, edges = rows(seed_files)

    def cut_off(items):
        yield from items[:len(items) // 2]
        raise ConnectionResetError("connection dropped")

    with fresh_store(batch_size=25) as store:
        with pytest.raises(ConnectionResetError):
            store.write(nodes, cut_off(edges))
        partial = store.counts()
        assert 0 < partial.edges.total() < seed_graph.number_of_edges()
        load(seed_files, store)
        assert shape(store.read()) == shape(seed_graph)


def test_a_batch_the_server_refuses_leaves_a_graph_a_rerun_completes(seed_files,
                                                                     seed_graph):
    nodes, edges = rows(seed_files)
    refused = Node("refused", "Exercise", {"name": "Mixed", "personnel": [1, "many"]})
    with fresh_store(batch_size=20) as store:
        with pytest.raises(StoreError, match="Neo4j refused the request"):
            store.write([*nodes[:40], refused, *nodes[40:]], edges)
        assert 0 < store.counts().nodes.total() < seed_graph.number_of_nodes()
        load(seed_files, store)
        assert shape(store.read()) == shape(seed_graph)


def test_clear_deletes_this_graph_and_nothing_else(seed_files):
    with fresh_store() as kept, fresh_store() as wiped:
        load(seed_files[:1], kept)
        load(seed_files[:1], wiped)
        wiped.clear()
        assert wiped.counts().nodes.total() == 0
        assert kept.counts().nodes.total() > 0


def test_every_node_carries_the_milcoop_label_and_its_graph(loaded):
    frame = loaded.query("MATCH (n {graph: $graph}) RETURN count(n) AS nodes, "
                         "sum(CASE WHEN n:Milcoop THEN 1 ELSE 0 END) AS labelled")
    assert frame.loc[0, "nodes"] == frame.loc[0, "labelled"] > 100


def test_an_unknown_database_is_named_with_what_to_check():
    missing = f"missing{uuid4().hex[:12]}"
    with Neo4jStore.from_settings(server_settings(), database=missing) as store, \
            pytest.raises(StoreError) as error:
        store.counts()
    assert str(error.value) == (f"Neo4j at {store.uri} has no database {missing!r}: "
                                "check NEO4J_DATABASE")


def test_a_wrong_password_is_named_with_what_to_check_and_never_shown():
    settings = server_settings()
    if settings.neo4j_password is None:
        pytest.skip("NEO4J_PASSWORD is not set: the server is taken to run without auth")
    wrong = f"wrong-{uuid4().hex}"
    with pytest.raises(StoreError, match="check NEO4J_USER and NEO4J_PASSWORD") as error:
        Neo4jStore.from_settings(replace(settings, neo4j_password=wrong))
    assert wrong not in str(error.value)
    assert settings.neo4j_password not in str(error.value)


def test_the_load_command_twice_creates_nothing_the_second_time():
    graph = server_settings().neo4j_graph
    try:
        first = CliRunner().invoke(main, ["load", "--to", "neo4j", "--graph", graph])
        second = CliRunner().invoke(main, ["load", "--to", "neo4j", "--graph", graph])
        assert first.exit_code == 0, first.output
        assert second.exit_code == 0, second.output
        assert not re.search(r"(?<!\d)0 nodes created", first.output)
        assert re.search(r"(?<!\d)0 nodes created", second.output)
        assert re.search(r"(?<!\d)0 relationships created", second.output)
    finally:
        with Neo4jStore.from_settings(replace(server_settings(), neo4j_graph=graph)) as store:
            store.clear()
