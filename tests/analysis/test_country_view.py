"""The country view kept beside a built graph answers what the whole graph answers.

``milcoop query partners|strongest_pairs|cooperation_by_year``, ``map --countries`` and
``centrality --projection countries`` read it instead of the whole graph; each must give
exactly the rows, page and ranks the whole seed graph gives.
"""

from __future__ import annotations

import networkx as nx
import pytest
from click.testing import CliRunner

from conftest import FACTS
from graph.analysis.centrality import centrality
from graph.analysis.projection import country_projection, country_ties, country_view
from graph.maps.page import MapRequest, map_page
from graph.queries.library import COUNTRY_QUERIES, run_networkx
from graph.store.door import country_view_of
from graph.store.networkx_store import NetworkXStore
from graph.vocabulary import DIRECT_TIES
from ingest.extract.gazetteer import place_of
from milcoop.cli import main


@pytest.fixture(scope="module")
def view(seed_graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    return country_view(seed_graph)


def test_the_view_holds_states_articles_and_what_ties_them_and_no_more(seed_graph, view):
    labels = dict(view.nodes(data="label"))
    assert "AZE" in labels and "TUR" in labels
    assert sum(label == "Article" for label in labels.values()) == 5
    assert view.number_of_nodes() < seed_graph.number_of_nodes() / 2
    assert view.number_of_edges() > 0
    assert all(key in DIRECT_TIES for _, _, key in view.edges(keys=True))
    assert sorted(country_ties(view)) == sorted(country_ties(seed_graph))


def test_the_view_survives_saving(tmp_path, view):
    NetworkXStore(view).save(tmp_path / "view.json")
    again = NetworkXStore.load(tmp_path / "view.json").read()
    assert sorted(country_ties(again)) == sorted(country_ties(view))


@pytest.mark.parametrize("name", sorted(COUNTRY_QUERIES))
def test_country_queries_answer_the_same_from_the_view(seed_graph, view, name):
    countries = sorted(n for n, label in seed_graph.nodes(data="label") if label == "Country")
    calls = [{"limit": 50}] if name == "strongest_pairs" else \
        [{"country": country} for country in countries]
    answered = 0
    for values in calls:
        whole = run_networkx(seed_graph, name, **values)
        assert run_networkx(view, name, **values).equals(whole), values
        answered += len(whole) > 0
    assert answered >= 1


def test_the_country_map_is_the_same_page(seed_graph, view):
    for window in ({}, {"since": "2020"}, {"until": "2010"}):
        request = MapRequest(countries=True, **window)
        assert map_page(view, request).html == map_page(seed_graph, request).html
    geo = MapRequest(countries=True, layout="geo")
    assert map_page(view, geo, place=place_of).html == \
        map_page(seed_graph, geo, place=place_of).html


def test_country_centrality_ranks_the_same(seed_graph, view):
    whole = centrality(country_projection(seed_graph))
    assert centrality(country_projection(view)).equals(whole)
    assert whole.loc["AZE", "degree"] > 0


def test_build_keeps_the_view_and_the_reading_commands_use_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["query", "partners", "--param", "country=Azerbaijan",
                                  "--facts", str(FACTS), "--format", "csv"])
    assert result.exit_code == 0, result.output
    kept = country_view_of(tmp_path / "out" / "cache" / "graph.json")
    assert kept.is_file()
    assert "TUR" in result.output
    kept.unlink()
    again = runner.invoke(main, ["query", "partners", "--param", "country=Azerbaijan",
                                 "--facts", str(FACTS), "--format", "csv"])
    assert again.exit_code == 0, again.output
    assert kept.is_file() and again.output == result.output
