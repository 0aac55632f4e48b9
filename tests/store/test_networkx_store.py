"""The NetworkX store saves and loads the seed graph without losing anything."""

from __future__ import annotations

import pytest

from graph.errors import StoreError
from graph.store.networkx_store import NetworkXStore


def test_the_seed_graph_survives_a_save_and_load(seed_graph, tmp_path):
    path = tmp_path / "graph.json"
    NetworkXStore(seed_graph).save(path)
    loaded = NetworkXStore.load(path).read()
    assert dict(loaded.nodes(data=True)) == dict(seed_graph.nodes(data=True))
    assert sorted(loaded.edges(keys=True)) == sorted(seed_graph.edges(keys=True))
    assert loaded.edges["AZE", "TUR", "COOPERATES_WITH"] == seed_graph.edges[
        "AZE", "TUR", "COOPERATES_WITH"]


def test_loading_a_missing_graph_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="run 'milcoop build' first"):
        NetworkXStore.load(tmp_path / "nothing.json")
