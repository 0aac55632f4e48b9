"""The country, pair and ties views kept beside a built graph answer what the whole graph
answers.

``milcoop query partners|cooperation_by_year``, ``map --countries`` and ``centrality
--projection countries`` with a window read the country view instead of the whole graph;
``query strongest_pairs``, ``centrality --projection countries`` and ``map --countries``
over every tie read the pair view; ``centrality`` of the whole graph reads the ties view.
Each must give exactly the rows, page and ranks the whole seed graph gives.
"""

from __future__ import annotations

import networkx as nx
import pytest
from click.testing import CliRunner

from conftest import FACTS
from graph.analysis.centrality import centrality
from graph.analysis.projection import (
    country_projection,
    country_ties,
    country_view,
    pair_view,
    ties_view,
)
from graph.errors import AnalysisError
from graph.maps.page import MapRequest, map_page
from graph.queries.library import QUERY_VIEWS, run_networkx
from graph.store.door import country_view_of, pair_view_of, ties_view_of
from graph.store.networkx_store import NetworkXStore
from graph.vocabulary import DIRECT_TIES
from ingest.extract.gazetteer import place_of
from milcoop.cli import main


@pytest.fixture(scope="module")
def view(seed_graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    return country_view(seed_graph)


@pytest.fixture(scope="module")
def pairs(view: nx.MultiDiGraph) -> nx.MultiDiGraph:
    return pair_view(view)


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


@pytest.mark.parametrize("name", sorted(QUERY_VIEWS))
def test_country_queries_answer_the_same_from_their_view(seed_graph, view, pairs, name):
    countries = sorted(n for n, label in seed_graph.nodes(data="label") if label == "Country")
    calls = [{"limit": 50}] if name == "strongest_pairs" else \
        [{"country": country} for country in countries]
    kept = {"countries": view, "pairs": pairs}[QUERY_VIEWS[name]]
    answered = 0
    for values in calls:
        whole = run_networkx(seed_graph, name, **values)
        assert run_networkx(kept, name, **values).equals(whole), values
        answered += len(whole) > 0
    assert answered >= 1


def test_the_pair_view_holds_a_row_per_pair_and_survives_saving(tmp_path, seed_graph, pairs):
    projection = country_projection(seed_graph)
    rows = pairs.graph["country_pairs"]
    assert len(rows) == projection.number_of_edges()
    aze_tur, = (row for row in rows if row[:2] == ["AZE", "TUR"])
    assert aze_tur[2] == projection.edges["AZE", "TUR"]["weight"] == 23
    assert aze_tur[4] == len(projection.edges["AZE", "TUR"]["sources"])
    NetworkXStore(pairs).save(tmp_path / "pairs.json")
    assert NetworkXStore.load(tmp_path / "pairs.json").read().graph["country_pairs"] == rows


def test_the_pair_view_refuses_a_window_it_cannot_answer(pairs):
    with pytest.raises(AnalysisError, match="whole country projection only"):
        country_projection(pairs, since="2020")


def test_the_country_map_is_the_same_page(seed_graph, view):
    for window in ({}, {"since": "2020"}, {"until": "2010"}):
        request = MapRequest(countries=True, **window)
        assert map_page(view, request).html == map_page(seed_graph, request).html
    geo = MapRequest(countries=True, layout="geo")
    assert map_page(view, geo, place=place_of).html == \
        map_page(seed_graph, geo, place=place_of).html


def test_the_country_map_over_every_tie_is_the_same_page_from_the_pair_view(
        tmp_path, seed_graph, pairs):
    NetworkXStore(pairs).save(tmp_path / "pairs.json")
    saved = NetworkXStore.load(tmp_path / "pairs.json").read()
    for request in (MapRequest(countries=True), MapRequest(countries=True, focus="AZE"),
                    MapRequest(countries=True, layout="geo")):
        assert map_page(saved, request, place=place_of).html == \
            map_page(seed_graph, request, place=place_of).html


def test_a_pair_row_keeps_what_its_map_draws_bounded_by_kinds_and_years(pairs):
    aze_tur, = (row for row in pairs.graph["country_pairs"] if row[:2] == ["AZE", "TUR"])
    drawn = aze_tur[5]
    assert len(drawn["through"]) == 16 and len(drawn["cited"]) == aze_tur[4] == 3
    assert sum(group[3] for group in drawn["clocks"]) == aze_tur[2] == 23
    assert len(drawn["clocks"]) < 23


def test_country_centrality_ranks_the_same(seed_graph, view, pairs):
    whole = centrality(country_projection(seed_graph))
    assert centrality(country_projection(view)).equals(whole)
    assert centrality(country_projection(pairs)).equals(whole)
    assert whole.loc["AZE", "degree"] > 0


def _answered_again_without(kept, runner: CliRunner, args: list[str]) -> str:
    """A command's output, which it gives again the same once ``kept`` is gone and made
    anew (the reading commands keep their view beside the built graph)."""
    first = runner.invoke(main, [*args, "--facts", str(FACTS), "--format", "csv"])
    assert first.exit_code == 0, first.output
    assert kept.is_file()
    kept.unlink()
    again = runner.invoke(main, [*args, "--facts", str(FACTS), "--format", "csv"])
    assert again.exit_code == 0, again.output
    assert kept.is_file() and again.output == first.output
    return first.output


def test_build_keeps_the_view_and_the_reading_commands_use_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    built = tmp_path / "out" / "cache" / "graph.json"
    output = _answered_again_without(country_view_of(built), CliRunner(),
                                     ["query", "partners", "--param", "country=Azerbaijan"])
    assert "TUR" in output and pair_view_of(built).is_file()


def test_strongest_pairs_and_country_centrality_read_the_pair_view(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    output = _answered_again_without(pair_view_of(tmp_path / "out" / "cache" / "graph.json"),
                                     runner, ["query", "strongest_pairs", "--param", "limit=5"])
    assert output.splitlines()[1].startswith("AZE,Azerbaijan,TUR,")
    ranks = runner.invoke(main, ["centrality", "--projection", "countries", "--facts",
                                 str(FACTS), "--format", "csv", "--top", "3"])
    windowed = runner.invoke(main, ["centrality", "--projection", "countries", "--since",
                                    "1900", "--facts", str(FACTS), "--format", "csv",
                                    "--top", "3"])
    assert ranks.exit_code == 0 and windowed.exit_code == 0, ranks.output + windowed.output
    assert ranks.output.splitlines()[1].split(",")[1] == "AZE"


def test_whole_graph_centrality_ranks_the_same_from_the_saved_ties_view(tmp_path, seed_graph):
    NetworkXStore(ties_view(seed_graph)).save(tmp_path / "ties.json")
    saved = NetworkXStore.load(tmp_path / "ties.json").read()
    assert "Article" not in dict(saved.nodes(data="label")).values()
    assert not any(data.get("evidence") for _, _, data in saved.edges(data=True))
    whole = centrality(seed_graph)
    assert centrality(saved).equals(whole)
    assert whole.loc["AZE", "degree"] > 0


def test_centrality_reads_the_ties_view(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    output = _answered_again_without(ties_view_of(tmp_path / "out" / "cache" / "graph.json"),
                                     CliRunner(), ["centrality", "--label", "Country",
                                                   "--top", "3"])
    assert output.splitlines()[1].split(",")[1] == "AZE"
