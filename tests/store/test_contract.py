"""One contract every store passes: what is written is read back the same, merges are exact."""

from __future__ import annotations

import pytest

from graph.model import Edge, Node, Span
from graph.store.networkx_store import NetworkXStore


@pytest.fixture(params=["networkx"])
def store(request):
    """An empty store of each backend."""
    return NetworkXStore()


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
