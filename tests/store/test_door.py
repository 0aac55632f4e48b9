"""One door to the stores: graph.store.door.open_store is where a store is chosen."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from graph.errors import StoreError
from graph.settings import Settings
from graph.store.door import built_graph, open_store
from graph.store.networkx_store import NetworkXStore


def test_networkx_opens_the_graph_saved_where_the_settings_keep_it(seed_graph, tmp_path):
    settings = replace(Settings(), out_dir=tmp_path)
    NetworkXStore(seed_graph).save(built_graph(settings))
    with open_store(settings) as store:
        assert store.read().nodes["AZE"]["name"] == "Azerbaijan"
        assert store.answer("partners", country="Azerbaijan")["partner"].iloc[0] == "TUR"
        assert store.notices == []


def test_networkx_without_a_built_graph_says_to_build_one(tmp_path):
    settings = replace(Settings(), out_dir=tmp_path)
    with pytest.raises(StoreError, match="run 'milcoop build' first"):
        open_store(settings, "networkx")


def test_create_opens_a_new_empty_graph(tmp_path):
    store = open_store(replace(Settings(), out_dir=tmp_path), "networkx", create=True)
    assert store.read().number_of_nodes() == 0


def test_an_unknown_store_is_one_clear_error():
    with pytest.raises(StoreError, match=r"unknown store 'sqlite'.*networkx, neo4j"):
        open_store(Settings(), "sqlite")


def test_neo4j_without_a_server_is_a_store_error_naming_the_address():
    settings = replace(Settings(), neo4j_uri="bolt://127.0.0.1:1")
    with pytest.raises(StoreError, match=re.escape("127.0.0.1:1")):
        open_store(settings, "neo4j")
