"""One contract every store passes: what is written is read back the same, merges are exact."""

from __future__ import annotations

import pytest
from neo4j_server import NEEDS_NEO4J, fresh_store

from graph.errors import NotFoundError
from graph.model import Edge, Node, Span
from graph.store.networkx_store import NetworkXStore


@pytest.fixture(params=["networkx", pytest.param("neo4j", marks=NEEDS_NEO4J)])
def store(request):
    """An empty store of each backend (Neo4j: a fresh graph of its own, deleted after)."""
    if request.param == "networkx":
        yield NetworkXStore()
        return
    with fresh_store() as neo4j_store:
        yield neo4j_store


AZE = Node("AZE", "Country", {"name": "Azerbaijan", "aliases": ["Baku"]}, {Span("a1", 0, 10)})
TUR = Node("TUR", "Country", {"name": "Türkiye", "aliases": ["Ankara"]}, {Span("a1", 15, 22)})
TIE = Edge("AZE", "COOPERATES_WITH", "TUR", {"field": ["military"], "cameo": "062"},
           {Span("a1", 0, 30)})


def test_what_is_written_is_read_back(store):
    summary = store.write([AZE, TUR], [TIE])
    assert (summary.nodes_created, summary.edges_created) == (2, 1)
    graph = store.read()
    assert graph.nodes["AZE"] == {"label": "Country", "name": "Azerbaijan", "aliases": ["Baku"],
                                  "sources": ["a1"], "evidence": ["a1:0-10"]}
    assert graph.edges["AZE", "TUR", "COOPERATES_WITH"] == {
        "type": "COOPERATES_WITH", "field": ["military"], "cameo": "062",
        "sources": ["a1"], "evidence": ["a1:0-30"]}


def test_writing_the_same_facts_twice_changes_nothing(store):
    store.write([AZE, TUR], [TIE])
    before = store.read().copy()
    summary = store.write([AZE, TUR], [TIE])
    assert (summary.nodes_created, summary.nodes_updated, summary.edges_created) == (0, 2, 0)
    after = store.read()
    assert dict(after.nodes(data=True)) == dict(before.nodes(data=True))
    assert list(after.edges(keys=True, data=True)) == list(before.edges(keys=True, data=True))


def test_a_new_report_adds_its_source_aliases_and_fields(store):
    store.write([AZE, TUR], [TIE])
    again = Node("AZE", "Country", {"name": "Azerbaijan", "aliases": ["Azerbaijani"]},
                 {Span("b2", 5, 9)})
    tie = Edge("AZE", "COOPERATES_WITH", "TUR", {"field": ["education"]}, {Span("b2", 1, 3)})
    store.write([again], [tie])
    graph = store.read()
    assert graph.nodes["AZE"]["aliases"] == ["Baku", "Azerbaijani"]
    assert graph.nodes["AZE"]["sources"] == ["a1", "b2"]
    assert graph.edges["AZE", "TUR", "COOPERATES_WITH"]["field"] == ["military", "education"]
    assert graph.edges["AZE", "TUR", "COOPERATES_WITH"]["evidence"] == ["a1:0-30", "b2:1-3"]


def test_clear_empties_the_store(store):
    store.write([AZE, TUR], [TIE])
    store.clear()
    assert store.counts().nodes.total() == 0


def test_hostile_text_is_stored_verbatim(store):
    hostile = "'}) DETACH DELETE n // `x` \n <img src=x onerror=alert(1)> 🛰️" + "x" * 10_000
    store.write([Node("evil", "Organization", {"name": hostile}, {Span("a1", 0, 1)})], [])
    assert store.read().nodes["evil"]["name"] == hostile


def test_hostile_ids_keys_and_lists_are_stored_verbatim_and_harm_nothing(store):
    odd = "x'}) MATCH (m) DETACH DELETE m //\"`:Country"
    store.write([AZE, TUR, Node(odd, "Organization", {"name": "ok", "aliases": [odd, "🛰️\n"],
                                                     f"note {odd}": odd}, {Span("a1", 1, 2)})],
                [TIE, Edge(odd, "SUPPORTS", "AZE", {"note": odd}, {Span(odd, 3, 4)})])
    graph = store.read()
    assert graph.nodes[odd]["aliases"] == [odd, "🛰️\n"]
    assert graph.nodes[odd][f"note {odd}"] == odd
    assert graph.edges[odd, "AZE", "SUPPORTS"]["sources"] == [odd]
    assert graph.edges[odd, "AZE", "SUPPORTS"]["evidence"] == [f"{odd}:3-4"]
    assert graph.nodes["AZE"]["name"] == "Azerbaijan"
    assert store.counts().nodes == {"Country": 2, "Organization": 1}


def test_evidence_is_sorted_by_article_then_offsets_as_numbers(store):
    store.write([Node("AZE", "Country", {"name": "Azerbaijan"},
                      {Span("b2", 100, 110), Span("a1", 9, 12)})], [])
    store.write([Node("AZE", "Country", {}, {Span("b2", 20, 30), Span("a1", 10, 11)})], [])
    assert store.read().nodes["AZE"]["evidence"] == [
        "a1:9-12", "a1:10-11", "b2:20-30", "b2:100-110"]
    assert store.read().nodes["AZE"]["sources"] == ["a1", "b2"]


def test_the_neighbourhood_holds_what_is_within_reach_and_its_articles(store):
    nato = Node("nato", "Organization", {"name": "NATO"}, {Span("a1", 40, 44)})
    report = Node("a1", "Article", {"name": "A report", "title": "A report"})
    store.write([AZE, TUR, nato, report],
                [TIE, Edge("TUR", "MEMBER_OF", "nato", {}, {Span("a1", 40, 50)}),
                 Edge("a1", "MENTIONS", "AZE", {}, {Span("a1", 0, 10)}),
                 Edge("a1", "MENTIONS", "nato", {}, {Span("a1", 40, 44)})])
    near = store.read_neighbourhood("AZE", 1)
    assert sorted(near) == ["AZE", "TUR", "a1"]
    assert sorted(near.edges(keys=True)) == [("AZE", "TUR", "COOPERATES_WITH"),
                                             ("a1", "AZE", "MENTIONS")]
    assert near.nodes["TUR"] == store.read().nodes["TUR"]
    assert sorted(store.read_neighbourhood("AZE", 2)) == ["AZE", "TUR", "a1", "nato"]
    assert sorted(store.read_neighbourhood("nato", 0)) == ["a1", "nato"]
    with pytest.raises(NotFoundError):
        store.read_neighbourhood("nowhere", 1)
