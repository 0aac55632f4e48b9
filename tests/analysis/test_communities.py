"""Communities: Louvain blocs with a seed, and their modularity worked out by hand."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analysis.communities import communities, modularity
from graph.analysis.projection import country_projection

TWO_TRIANGLES = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"),
                          ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])


def test_two_triangles_joined_by_a_bridge_are_two_communities():
    table = communities(TWO_TRIANGLES)
    assert table["community"].to_dict() == {"a": 0, "b": 0, "c": 0, "x": 1, "y": 1, "z": 1}
    assert table["size"].tolist() == [3] * 6


def test_modularity_of_the_two_triangles():
    # m = 7 ties; each triangle holds 3 of them and degree 7: 2 * (3/7 - (7/14)^2) = 5/14.
    assert modularity(TWO_TRIANGLES, communities(TWO_TRIANGLES)) == pytest.approx(5 / 14)


def test_modularity_of_a_graph_without_ties_is_undefined():
    graph = nx.Graph()
    graph.add_nodes_from("ab")
    assert modularity(graph, communities(graph)) != modularity(graph, communities(graph))


def test_the_seed_projection_is_one_bloc_around_azerbaijan_and_isolated_countries(seed_graph):
    table = communities(country_projection(seed_graph))
    bloc = table[table["community"] == 0]
    assert sorted(bloc.index) == ["ARM", "AZE", "IRN", "TUR", "USA"]
    assert set(table.loc[["AFG", "BEL", "IRQ", "RUS", "SUN"], "size"]) == {1}


def test_the_same_seed_gives_the_same_communities(seed_graph):
    first, second = communities(seed_graph, seed=3), communities(seed_graph, seed=3)
    assert first["community"].to_dict() == second["community"].to_dict()
    assert first.loc["AZE", "label"] == "Country"
    assert 0.3 < modularity(seed_graph, first) < 1
