"""Centrality measures: tiny graphs whose answers are worked out by hand, then the seed graph."""

from __future__ import annotations

import networkx as nx
import pytest
from scipy.stats import spearmanr

from graph.analysis.centrality import (
    EXACT_LIMIT,
    MEASURES,
    betweenness,
    centrality,
    closeness,
    degree,
    eigenvector,
    pagerank,
    ranked,
    sample_size,
)
from graph.analysis.projection import country_projection
from graph.errors import AnalysisError, VocabularyError


def facts(*edges: tuple[str, str, str]) -> nx.MultiDiGraph:
    """A facts multigraph: ``(source, TYPE, target)`` rows and an article mentioning one."""
    graph = nx.MultiDiGraph()
    graph.add_node("art", label="Article")
    graph.add_edge("art", edges[0][0], key="MENTIONS", type="MENTIONS")
    for source, kind, target in edges:
        graph.add_edge(source, target, key=kind, type=kind)
    return graph


SMALL = facts(("AZE", "PARTICIPATED_IN", "x"), ("TUR", "PARTICIPATED_IN", "x"),
              ("TUR", "SUPPORTS", "AZE"), ("TUR", "TRAINED", "AZE"),
              ("AZE", "COOPERATES_WITH", "IRN"))


def test_degree_counts_neighbours_both_ways_and_relationships_by_weight():
    # AZE: neighbours x, TUR, IRN; in from TUR and IRN (COOPERATES_WITH is symmetric); out to
    # x and IRN; relationships 1 (x) + 2 (TUR) + 1 (IRN).
    table = degree(SMALL)
    assert table.loc["AZE", ["degree", "in_degree", "out_degree", "weighted_degree"]].tolist() \
        == [3, 2, 2, 4]
    assert table.loc["TUR", ["degree", "in_degree", "out_degree", "weighted_degree"]].tolist() \
        == [2, 0, 2, 3]
    assert table.loc["x", ["in_degree", "out_degree"]].tolist() == [2, 0]


def test_articles_and_mentions_are_left_out():
    assert "art" not in centrality(SMALL).index
    assert degree(SMALL).loc["AZE", "degree"] == 3


def test_in_and_out_degree_of_an_undirected_graph_equal_its_degree():
    table = degree(nx.path_graph(["a", "b", "c"]))
    assert table["in_degree"].tolist() == table["out_degree"].tolist() == [1, 2, 1]


def test_betweenness_on_a_path_and_a_star():
    # Path a-b-c-d: b lies on a-c and a-d, 2 of the 3 pairs it is not in; normalised by
    # (n-1)(n-2)/2 = 3.
    path = betweenness(nx.path_graph(["a", "b", "c", "d"]))["betweenness"]
    assert path.tolist() == pytest.approx([0, 2 / 3, 2 / 3, 0])
    star = betweenness(nx.star_graph(["hub", "a", "b", "c"]))["betweenness"]
    assert star.tolist() == pytest.approx([1, 0, 0, 0])


def test_closeness_discounts_a_small_separate_component():
    # a-b-c and an isolated z: a reaches 2 of 3 others at mean distance 1.5 -> 2/3 / 1.5.
    graph = nx.path_graph(["a", "b", "c"])
    graph.add_node("z")
    values = closeness(graph)["closeness"]
    assert values.tolist() == pytest.approx([4 / 9, 2 / 3, 4 / 9, 0])


def test_eigenvector_weighs_ties():
    # A = [[0,3,0],[3,0,1],[0,1,0]]: eigenvalue sqrt(10), vector (3, sqrt(10), 1) / sqrt(20).
    graph = nx.Graph([("a", "b", {"weight": 3}), ("b", "c", {"weight": 1})])
    graph.add_node("alone")
    values = eigenvector(graph)["eigenvector"]
    assert values.tolist() == pytest.approx([3 / 20 ** 0.5, 0.5 ** 0.5, 1 / 20 ** 0.5, 0],
                                            abs=1e-5)


def test_pagerank_of_a_star_solves_by_hand():
    # hub = 0.05 + 0.85 * 2 * leaf, leaf = 0.05 + 0.85 * hub / 2  ->  hub = 0.135 / 0.2775.
    values = pagerank(nx.star_graph(["hub", "a", "b"]))["pagerank"]
    assert values["hub"] == pytest.approx(0.135 / 0.2775, abs=1e-6)
    assert values.sum() == pytest.approx(1)


def test_centrality_has_name_label_and_a_column_per_measure():
    table = centrality(SMALL)
    assert list(table.columns) == ["name", "label", *MEASURES]
    assert table.index.name == "id"


def test_unknown_measure_is_an_expected_error():
    with pytest.raises(AnalysisError, match="unknown measure 'fame'"):
        centrality(SMALL, "fame")


def test_sampling_starts_above_the_exact_limit_and_says_so():
    assert sample_size(EXACT_LIMIT) is None
    assert sample_size(EXACT_LIMIT + 1) == 500
    with pytest.raises(AnalysisError):
        sample_size(10_000, k=1)


@pytest.mark.parametrize("engine", ["networkx", "igraph"])
def test_both_engines_match_networkx_exactly(engine):
    graph = nx.gnm_random_graph(120, 240, seed=4)
    nx.add_path(graph, [200, 201, 202])
    graph.add_node(300)
    ours = centrality(graph, ["betweenness", "closeness"], engine=engine)
    assert ours["betweenness"].to_dict() == pytest.approx(nx.betweenness_centrality(graph))
    assert ours["closeness"].to_dict() == pytest.approx(nx.closeness_centrality(graph))


def test_both_engines_give_the_same_sampled_estimate():
    graph = nx.barabasi_albert_graph(300, 3, seed=1)
    by_networkx = centrality(graph, ["betweenness", "closeness"], k=40, engine="networkx")
    by_igraph = centrality(graph, ["betweenness", "closeness"], k=40, engine="igraph")
    for measure in ("betweenness", "closeness"):
        assert by_networkx[measure].to_dict() == pytest.approx(by_igraph[measure].to_dict())


def test_a_sample_keeps_the_ranking_of_brokers():
    graph = nx.barabasi_albert_graph(400, 3, seed=1)
    exact = centrality(graph, ["betweenness", "closeness"])
    sampled = centrality(graph, ["betweenness", "closeness"], k=100, seed=7)
    assert spearmanr(exact["betweenness"], sampled["betweenness"])[0] > 0.9
    assert spearmanr(exact["closeness"], sampled["closeness"])[0] > 0.95
    top = set(exact["betweenness"].nlargest(10).index)
    assert len(top & set(sampled["betweenness"].nlargest(10).index)) >= 8


def test_ranked_filters_by_label_and_shares_ranks_on_ties(seed_graph):
    table = ranked(centrality(seed_graph, "degree"), "degree", label="Country")
    assert table.index[:3].tolist() == ["AZE", "TUR", "IRN"]
    assert set(table["label"]) == {"Country"}
    assert table.loc[["BEL", "RUS"], "rank"].tolist() == [6, 6]
    with pytest.raises(VocabularyError):
        ranked(table, "degree", label="Nation")


def test_azerbaijan_is_first_among_countries_by_every_measure(seed_graph):
    countries = centrality(seed_graph).query("label == 'Country'")
    for measure in MEASURES:
        assert countries[measure].idxmax() == "AZE", measure
    assert countries.loc["AZE", "degree"] == 62
    assert countries.loc["TUR", "degree"] == 24


def test_in_the_country_projection_azerbaijan_is_the_hub_of_a_star(seed_graph):
    # AZE is tied to ARM, IRN, TUR and USA, who share no tie with each other: of the 10
    # countries, AZE brokers all C(4, 2) = 6 pairs of partners: 6 / (9 * 8 / 2).
    table = centrality(country_projection(seed_graph))
    assert table.loc["AZE", "degree"] == 4
    assert table.loc["AZE", "weighted_degree"] == 23 + 6 + 3 + 1
    assert table.loc["AZE", "betweenness"] == pytest.approx(6 / 36)
    assert table.loc["AZE", "closeness"] == pytest.approx(4 / 9)
    assert table.loc["TUR", "closeness"] == pytest.approx(4 / 9 * 4 / 7)
    assert table.loc["RUS", ["degree", "betweenness", "closeness", "eigenvector"]].tolist() \
        == [0, 0, 0, 0]
