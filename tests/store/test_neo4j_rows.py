"""What the Neo4j store sends (rows by label and type) and how it reads records back, with
no server: the pure half of the store."""

from __future__ import annotations

import networkx as nx
import pytest

from conftest import FACTS
from graph.errors import StoreError
from graph.model import Edge, Node, Span
from graph.store.neo4j_rows import add_edge, add_node, batch, chunks
from ingest.corpus import Corpus
from ingest.facts.build import validated
from ingest.facts.rows import rows


def test_rows_are_grouped_by_label_and_type_with_every_list_property_named():
    rows_ = batch([Node("AZE", "Country", {"name": "Azerbaijan", "aliases": ["Baku"]},
                        {Span("a1", 5, 9), Span("a1", 10, 12)}),
                   Node("nato", "Organization", {"name": "NATO"})],
                  [Edge("AZE", "MEMBER_OF", "nato", {"since": "2024", "field": ["air"]})])
    assert rows_.nodes == {
        "Country": [{"id": "AZE", "properties": {"name": "Azerbaijan"},
                     "lists": {"aliases": ["Baku"], "field": None},
                     "evidence": ["a1:5-9", "a1:10-12"]}],
        "Organization": [{"id": "nato", "properties": {"name": "NATO"},
                          "lists": {"aliases": None, "field": None}, "evidence": []}]}
    assert rows_.edges == {"MEMBER_OF": [{"source": "AZE", "target": "nato",
                                          "properties": {"since": "2024"},
                                          "lists": {"aliases": None, "field": ["air"]},
                                          "evidence": []}]}


def test_a_node_seen_twice_in_a_batch_is_sent_once_merged_as_networkx_would():
    rows_ = batch([Node("AZE", "Country", {"name": "Azerbaijan", "aliases": ["Baku"]},
                        {Span("b2", 1, 2)}),
                   Node("AZE", "Country", {"name": None, "aliases": ["Baki", "Baku"]},
                        {Span("a1", 3, 4)})], [])
    assert rows_.node_rows == 2
    assert rows_.nodes["Country"] == [{"id": "AZE", "properties": {"name": "Azerbaijan"},
                                       "lists": {"aliases": ["Baku", "Baki"], "field": None},
                                       "evidence": ["a1:3-4", "b2:1-2"]}]


def test_the_seed_rows_make_one_row_per_node_id(seed_graph):
    nodes, _ = rows(validated(FACTS, Corpus()).files)
    rows_ = batch(nodes, [])
    assert rows_.node_rows == len(nodes)
    assert sum(map(len, rows_.nodes.values())) == seed_graph.number_of_nodes()
    assert [row["id"] for row in rows_.nodes["Article"]] == sorted(
        node for node, label in seed_graph.nodes(data="label") if label == "Article")


@pytest.mark.parametrize(("node", "message"), [
    (Node("x", "Country", {"graph": "other"}), "'graph' is reserved"),
    (Node("x", "Country", {"sources": ["a1"]}), "'sources' is reserved"),
    (Node("x", "Country", {"extra": {"nested": 1}}), "'extra' holds dict"),
    (Node("x", "Country", {"aliases": ["a", None]}), "'aliases' holds list"),
    (Node("x", "Planet", {}), "unknown label 'Planet'"),
    (Node("x" * 4_001, "Country", {}), "ids are strings of at most 4000 bytes"),
    (Node("x", "Country", {"name": "é" * 16_001}), "name longer than 32000 bytes"),
])
def test_what_neo4j_cannot_store_is_refused_before_sending(node, message):
    with pytest.raises(StoreError, match=message):
        batch([node], [])


def test_an_unknown_relationship_type_is_refused():
    with pytest.raises(StoreError, match="unknown relationship type 'LIKES'"):
        batch([], [Edge("a", "LIKES", "b")])


def test_records_read_back_take_the_common_shape():
    graph = nx.MultiDiGraph()
    add_node(graph, "AZE", ["Milcoop", "Country"],
             {"id": "AZE", "graph": "milcoop", "name": "Azerbaijan", "sources": ["b2", "a1"],
              "evidence": ["b2:1-2", "a1:10-12", "a1:9-20"]})
    add_edge(graph, "AZE", "COOPERATES_WITH", "TUR", {"evidence": [], "cameo": "062"})
    assert graph.nodes["AZE"] == {"label": "Country", "name": "Azerbaijan",
                                  "sources": ["a1", "b2"],
                                  "evidence": ["a1:9-20", "a1:10-12", "b2:1-2"]}
    assert graph.edges["AZE", "TUR", "COOPERATES_WITH"] == {
        "type": "COOPERATES_WITH", "cameo": "062", "sources": [], "evidence": []}


def test_a_node_without_exactly_one_vocabulary_label_is_refused_on_reading():
    with pytest.raises(StoreError, match="expected exactly one"):
        add_node(nx.MultiDiGraph(), "x", ["Milcoop"], {})


def test_rows_stream_in_chunks_without_being_read_all_at_once():
    seen = []

    def source():
        for number in range(5):
            seen.append(number)
            yield number

    first = next(chunks(source(), 2))
    assert (first, seen) == ([0, 1], [0, 1])
    with pytest.raises(ValueError):
        next(chunks([], 0))
