"""The built graph's lookup index answers exactly as the whole graph does."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from conftest import HOSTILE
from graph import stats
from graph.describe import describe
from graph.errors import NotFoundError, StoreError
from graph.lookup import resolve
from graph.store.index import GraphIndex, write_index


@pytest.fixture(scope="module")
def index(seed_graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> GraphIndex:
    path = tmp_path_factory.mktemp("index") / "graph.index.sqlite"
    write_index(seed_graph.nodes(data=True), seed_graph.edges(keys=True, data=True), path)
    return GraphIndex(path)


def test_every_entity_is_described_alike_from_the_index(seed_graph: nx.MultiDiGraph,
                                                         index: GraphIndex) -> None:
    entities = [n for n, label in seed_graph.nodes(data="label") if label != "Article"]
    assert len(entities) > 100
    for node in entities:
        assert describe(index.neighbourhood(node), node) == describe(seed_graph, node)


def test_names_resolve_alike_ambiguous_and_unknown_ones_too(seed_graph: nx.MultiDiGraph,
                                                            index: GraphIndex) -> None:
    queries = ["aze", "Azerbaijan", "TURKEY", "turkiye", "  türkiye ", "Aliyev", "Teknofest",
               "NATO", "Partnership for Peace", "army", "Azerbaijn", "nothing at all", "*",
               "%", "' OR 1=1 --", *HOSTILE]
    queries += [str(data.get("name", node)) for node, data in seed_graph.nodes(data=True)]
    for query in queries:
        try:
            expected: str | Exception = resolve(seed_graph, query)
        except NotFoundError as error:
            expected = error
        if isinstance(expected, str):
            assert index.resolve(query) == expected, query
        else:
            with pytest.raises(NotFoundError) as raised:
                index.resolve(query)
            assert str(raised.value) == str(expected)
    assert index.resolve("turkey") == "TUR"


def test_an_index_that_is_missing_or_not_one_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="run 'milcoop build' first"):
        GraphIndex(tmp_path / "none.sqlite")
    (tmp_path / "junk.sqlite").write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError, match="not a milcoop graph index"):
        GraphIndex(tmp_path / "junk.sqlite")


def test_stats_counted_in_the_index_equal_the_graphs(seed_graph: nx.MultiDiGraph,
                                                     index: GraphIndex) -> None:
    counted = index.tally()
    for table in (stats.nodes_by_label, stats.edges_by_type, stats.facts_by_article):
        assert table(counted).equals(table(seed_graph)), table.__name__
    assert stats.summary(counted) == stats.summary(seed_graph)
    assert stats.summary(counted)["articles"] == 5
