"""Specification of the map: views of the seed graph, tooltips, the page's HTML, the command.

What the page does in a browser is in test_map_browser.py; the hostile graph both use is
in hostile.py.
"""

from __future__ import annotations

import base64
import hashlib
import html as markup
import json
import re

import networkx as nx
import pytest
from click.testing import CliRunner

from conftest import FACTS, SEEDS
from graph.errors import MapError, VocabularyError
from graph.maps.page import MapRequest, map_page
from graph.maps.tooltips import ARTICLES_SHOWN, SPANS_SHOWN, Sources, node_tooltip
from graph.maps.views import ego, facts, map_view, subset, window
from graph.model import Span
from hostile import INJECTIONS, injected_page
from milcoop.cli import main


def _block(html: str) -> str:
    """The text of the page's JSON data block."""
    return re.search(r'<script id="map-data" type="application/json">(.*?)</script>', html,
                     re.DOTALL)[1]


def _data(html: str) -> dict:
    return json.loads(_block(html))


# Views


def test_facts_leave_out_the_five_articles_and_their_mentions(seed_graph):
    view = facts(seed_graph)
    assert view.number_of_nodes() == seed_graph.number_of_nodes() - 5 == 122
    assert view.number_of_edges() == 271
    assert not any(kind == "MENTIONS" for _, _, kind in view.edges(keys=True))


def test_subset_keeps_the_ten_countries_and_the_ties_between_them(seed_graph):
    view = subset(facts(seed_graph), labels=["Country"])
    assert view.number_of_nodes() == 10
    assert sorted(view.edges(keys=True)) == [
        ("ARM", "AZE", "FOUGHT"), ("AZE", "IRN", "COOPERATES_WITH"),
        ("AZE", "TUR", "COOPERATES_WITH"), ("TUR", "AZE", "SUPPORTS")]


def test_subset_refuses_a_type_the_vocabulary_does_not_declare(seed_graph):
    with pytest.raises(VocabularyError, match="unknown relationship type 'ALLIED'"):
        subset(seed_graph, types=["ALLIED"])


def test_window_of_september_2023_is_the_karabakh_operation_and_its_ceasefire(seed_graph):
    view = window(facts(seed_graph), since="2023-09", until="2023-09")
    assert ("AZE", "karabakh-operation-2023", "RUNS") in view.edges(keys=True)
    assert ("RUS", "karabakh-ceasefire-2023", "MEDIATED") in view.edges(keys=True)
    assert "ilham-aliyev" not in view  # LEADS is undated: dated facts only
    assert view.number_of_edges() == 10


def test_window_refuses_a_date_that_is_not_iso(seed_graph):
    with pytest.raises(MapError, match="'Sept 2023' is not an ISO date"):
        window(seed_graph, since="Sept 2023")


def test_ego_of_aliyev_is_his_country_meetings_orders_and_their_ties(seed_graph):
    view = ego(facts(seed_graph), "ilham-aliyev", 1)
    assert view.number_of_nodes() == 10
    assert {"AZE", "aze-armed-forces", "aliyev-blinken-call-2021-04-28"} <= set(view)
    assert ("ilham-aliyev", "AZE", "LEADS") in view.edges(keys=True)
    assert ("aze-armed-forces", "AZE", "PART_OF") in view.edges(keys=True)


def test_country_view_is_the_projection_with_turkiye_the_strongest_tie(seed_graph):
    view = map_view(seed_graph, countries=True)
    assert view.number_of_nodes() == 10
    assert sorted((u, v, d["weight"]) for u, v, d in view.edges(data=True)) == [
        ("AZE", "ARM", 1), ("AZE", "IRN", 6), ("AZE", "TUR", 23), ("AZE", "USA", 3)]


def test_country_view_takes_no_label_or_type_filter(seed_graph):
    with pytest.raises(MapError, match="do not apply to --countries"):
        map_view(seed_graph, countries=True, labels=["Person"])


# Tooltips


def test_node_tooltip_cites_article_title_publisher_and_date(seed_graph):
    text = node_tooltip("ilham-aliyev", seed_graph.nodes["ilham-aliyev"], Sources(seed_graph))
    lines = text.splitlines()
    assert lines[:2] == ["Ilham Aliyev", "Person · ilham-aliyev"]
    assert any(line.startswith("• Azerbaijan Army Enhances Professionalism") and
               line.endswith("— BNN Breaking, 2024") for line in lines)
    assert "  at 983–1005" in lines


def test_node_tooltip_quotes_the_evidence_when_the_corpus_is_at_hand(seed_graph, seed_corpus):
    def quote(span: Span) -> str | None:
        text = seed_corpus.text(seed_graph.nodes[span.article]["file"])
        return text[span.start:span.end] if text else None

    text = node_tooltip("ilham-aliyev", seed_graph.nodes["ilham-aliyev"],
                        Sources(seed_graph, quote))
    assert '  "President Ilham Aliyev" (983–1005)' in text.splitlines()


def test_a_state_named_in_a_hundred_reports_lists_the_first_articles_and_counts_the_rest():
    graph = nx.MultiDiGraph()
    articles = [f"a{number:03d}" for number in range(100)]
    for article in articles:
        graph.add_node(article, label="Article", title=f"Report {article}")
    graph.add_node("AZE", label="Country", name="Azerbaijan", sources=articles,
                   evidence=[f"{article}:0-10" for article in articles])
    lines = node_tooltip("AZE", graph.nodes["AZE"], Sources(graph)).splitlines()
    assert "Sources (100):" in lines
    assert [line for line in lines if line.startswith("• ")] == [
        f"• Report {article}" for article in articles[:ARTICLES_SHOWN]]
    assert f"… and {100 - ARTICLES_SHOWN} more articles" in lines
    assert f"  … and {ARTICLES_SHOWN - SPANS_SHOWN} more spans" in lines


# The page


def test_page_is_self_contained_nothing_loaded_from_anywhere(seed_graph):
    html = map_page(seed_graph, MapRequest()).html
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", html, re.IGNORECASE)
    assert not re.search(r"cdnjs|jsdelivr|bootstrap|tom-select", html)
    assert "vis-network" in html and "vis.Network" in html
    assert "default-src &#39;none&#39;" in html


def test_page_lets_only_its_own_scripts_run(seed_graph):
    html = map_page(seed_graph, MapRequest()).html
    policy = markup.unescape(
        re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)[1])
    scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_page_holds_every_entity_and_relationship_with_vocabulary_styles(seed_graph):
    data = _data(map_page(seed_graph, MapRequest()).html)
    assert len(data["nodes"]) == 122 and len(data["edges"]) == 271
    turkiye = next(node for node in data["nodes"] if node["id"] == "TUR")
    assert (turkiye["shape"], turkiye["color"]["background"]) == ("diamond", "#e6194b")
    leads = next(edge for edge in data["edges"] if edge["category"] == "LEADS")
    assert (leads["label"], leads["color"]["color"], leads["arrows"]) == \
        ("LEADS", "#ffd8b1", "to")
    assert turkiye["value"] > next(n for n in data["nodes"] if n["id"] == "baku")["value"]


def test_page_legend_lists_labels_and_types_present_with_counts(seed_graph):
    html = map_page(seed_graph, MapRequest(labels=["Country"])).html
    assert re.search(r'data-category="Country">.*?Country<span class="count">10</span>', html,
                     re.DOTALL)
    assert 'data-category="Person"' not in html
    assert re.search(r'data-category="COOPERATES_WITH">.*?<span class="count">2</span>', html,
                     re.DOTALL)


def test_small_maps_settle_in_the_browser_and_large_ones_come_laid_out(seed_graph):
    small = map_page(seed_graph, MapRequest())
    fixed = map_page(seed_graph, MapRequest(layout="static"))
    assert small.physics and _data(small.html)["options"]["physics"]["stabilization"][
        "iterations"] == 200
    assert not fixed.physics and _data(fixed.html)["options"]["physics"] == {"enabled": False}
    assert all(isinstance(node["x"], float) for node in _data(fixed.html)["nodes"])


def test_injection_strings_never_reach_the_page_as_markup():
    html = injected_page()
    for text in (*INJECTIONS, "<svg onload", '<a href="javascript', "<b>Press"):
        assert text not in html
    assert "<" not in _block(html) and ">" not in _block(html)
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the heading


def test_injection_strings_survive_as_data_to_be_shown_as_text():
    data = _data(injected_page())
    names = {node["id"]: node["name"] for node in data["nodes"]}
    assert names == {"img": INJECTIONS[0], "tag": INJECTIONS[1]}
    assert f'"{INJECTIONS[1]}" (0–5)' in data["edges"][0]["title"]


def test_too_many_nodes_is_refused_with_a_way_to_narrow_it(seed_graph):
    with pytest.raises(MapError, match=r"122 nodes, over --max-nodes 100: narrow it with "
                                       r"--focus NAME --depth N"):
        map_page(seed_graph, MapRequest(max_nodes=100))


# The command


@pytest.fixture
def run():
    def invoke(*args: str):
        return CliRunner().invoke(main, ["map", "--facts", str(FACTS), *map(str, args)])
    return invoke


def test_map_writes_one_html_file_and_no_lib_folder(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "maps" / "seed.html"
    result = run("-o", "maps/seed.html")
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith(
        "map of 122 nodes and 271 relationships (settled in the browser, then frozen) "
        "-> maps/seed.html")
    written = [path.relative_to(tmp_path) for path in tmp_path.rglob("*")
               if "out" not in path.relative_to(tmp_path).parts]
    assert written == [out.parent.relative_to(tmp_path), out.relative_to(tmp_path)]
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_map_focus_resolves_a_name_and_draws_its_neighbourhood(run, tmp_path):
    result = run("--focus", "president aliyev", "--depth", "1", "-o", tmp_path / "m.html")
    assert result.exit_code == 0, result.output
    assert "map of 10 nodes and 16 relationships" in result.output
    assert "milcoop: military cooperation around Ilham Aliyev (1 step)</h1>" in \
        (tmp_path / "m.html").read_text(encoding="utf-8")


def test_a_tie_shared_by_three_states_is_written_once_for_its_three_pairs():
    graph = nx.MultiDiGraph()
    graph.add_node("x", label="Exercise", name="Trident", start="2024-05")
    for state in ("ARM", "AZE", "GEO"):
        graph.add_node(state, label="Country", name=state)
        graph.add_edge(state, "x", key="PARTICIPATED_IN", type="PARTICIPATED_IN",
                       sources=["a"])
    data = _data(map_page(graph, MapRequest(countries=True)).html)
    assert data["ties"] == [{"kind": "exercise", "when": [2024, 2024], "told": [], "n": 1,
                             "what": [0]}]
    assert data["names"] == ["Trident (Exercise)"]
    assert [edge["ties"] for edge in data["edges"]] == [[0], [0], [0]]


def test_map_countries_quotes_nothing_and_draws_ties(run, tmp_path):
    result = run("--countries", "--layout", "static", "-o", tmp_path / "c.html")
    assert result.exit_code == 0, result.output
    assert "map of 10 nodes and 4 ties (fixed positions)" in result.output
    ties = _data((tmp_path / "c.html").read_text(encoding="utf-8"))["edges"]
    assert max(edge["value"] for edge in ties) == 23


def test_map_geo_puts_states_at_their_capitals_and_says_the_years(run, tmp_path):
    result = run("--countries", "--layout", "geo", "-o", tmp_path / "g.html")
    assert result.exit_code == 0, result.output
    assert "map of 10 nodes and 4 ties (fixed positions)" in result.output
    data = _data((tmp_path / "g.html").read_text(encoding="utf-8"))
    spots = {node["id"]: (node["x"], node["y"]) for node in data["nodes"]}
    assert spots["AZE"] == (598.7, -484.5) and data["years"] == [1992, 2024]
    assert data["geo"]["unplaced"] == ["Soviet Union"]


def test_map_quotes_evidence_with_the_corpus(run, tmp_path, seed_corpus):
    result = run("--focus", "ilham-aliyev", "--corpus", SEEDS, "-o", tmp_path / "m.html")
    assert result.exit_code == 0, result.output
    nodes = _data((tmp_path / "m.html").read_text(encoding="utf-8"))["nodes"]
    aliyev = next(node for node in nodes if node["id"] == "ilham-aliyev")
    assert '"President Ilham Aliyev" (983–1005)' in aliyev["title"]


@pytest.mark.parametrize(("args", "message"), [
    (["--max-nodes", "50"], "error: the map would have 122 nodes, over --max-nodes 50"),
    (["--labels", "Country,Planet"], "error: unknown label 'Planet'"),
    (["--since", "2030"], "error: nothing to draw: no node is left once filtered"),
])
def test_map_expected_errors_are_one_line_and_exit_1(run, tmp_path, args, message):
    result = run(*args, "-o", tmp_path / "m.html")
    assert result.exit_code == 1
    assert result.output.startswith(message) and len(result.output.splitlines()) == 1
    assert not (tmp_path / "m.html").exists()
