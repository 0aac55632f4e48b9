"""Specification of the map page in a real browser: headless Chromium, network off.

`make test` installs Debian's chromium; these tests skip, saying why, only when it could not.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graph.maps.page import MapRequest, map_page
from hostile import INJECTIONS, injected_page

pytest.importorskip("playwright.sync_api", reason="playwright is not installed: "
                    "pip install -e '.[dev]' (make test does)")

UNPAINTED = """() => {
  const canvas = document.querySelector("#map canvas");
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { painted++; } }
  return painted;
}"""






def written(tmp_path: Path, html: str, name: str = "map.html") -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seed_map(seed_graph, tmp_path_factory) -> Path:
    return written(tmp_path_factory.mktemp("map"), map_page(seed_graph, MapRequest()).html)


def entity_edges(graph: nx.MultiDiGraph, label: str) -> int:
    """Fact relationships with an end of ``label``."""
    return sum(1 for u, v, kind in graph.edges(keys=True) if kind != "MENTIONS" and
               label in (graph.nodes[u]["label"], graph.nodes[v]["label"]))


def test_seed_map_draws_every_entity_and_relationship_offline_then_freezes(opened, seed_map):
    page = opened(seed_map)
    assert page.counts() == (122, 271)
    assert (page.errors, page.requests, page.dialogs) == ([], [], [])
    assert page.js(UNPAINTED) > 10_000
    physics = "() => milcoopMap.network.physics.physicsEnabled"
    assert page.js(physics) is False
    page.page.click("#freeze")
    assert page.js(physics) is True and page.page.inner_text("#freeze") == "Freeze layout"
    page.page.click("#freeze")
    assert page.js(physics) is False and page.page.inner_text("#freeze") == "Unfreeze layout"


def test_unticking_a_label_hides_its_nodes_and_their_edges_and_the_rest_stays(
        opened, seed_map, seed_graph):
    page = opened(seed_map)
    page.page.uncheck('input[data-category="Location"]')
    assert page.counts() == (122 - 20, 271 - entity_edges(seed_graph, "Location"))
    assert page.js(UNPAINTED) > 10_000
    assert page.page.inner_text("#status") == \
        f"1992–2024 (when it happened): 102 of 122 nodes, " \
        f"{271 - entity_edges(seed_graph, 'Location')} of 271 " \
        "relationships shown"
    page.page.uncheck('input[data-category="PARTICIPATED_IN"]')
    page.page.click("#reset")
    assert page.counts() == (122, 271)
    assert page.js("() => document.querySelectorAll('aside input:checked').length") == 26


def test_search_finds_an_alias_selects_it_and_fades_the_rest(opened, seed_map):
    page = opened(seed_map)
    page.page.fill("#search", "President Aliyev")
    page.page.press("#search", "Enter")
    assert page.js("() => milcoopMap.network.getSelectedNodes()") == ["ilham-aliyev"]
    opacity = "id => milcoopMap.nodes.get(id).opacity"
    assert (page.js(opacity, "AZE"), page.js(opacity, "baku")) == (1, 0.15)
    assert page.page.inner_text("#status") == "Ilham Aliyev selected"
    page.page.click("#map", position={"x": 3, "y": 3})
    assert page.js("() => milcoopMap.network.getSelectedNodes()") == []
    assert (page.js(opacity, "AZE"), page.js(opacity, "baku")) == (1, 1)


def test_tooltips_show_properties_and_sources_of_nodes_and_edges(opened, seed_map):
    page = opened(seed_map)
    text = page.hover("ilham-aliyev")
    assert text.startswith("Ilham Aliyev\nPerson · ilham-aliyev\n")
    assert "— BNN Breaking, 2024" in text and "at 983–1005" in text
    text = page.hover_edge("TUR", "SUPPORTS", "AZE")
    assert text.startswith("Türkiye → SUPPORTS → Azerbaijan\n")
    assert "\nnote: Turkey backed Azerbaijan in its conflict with Armenia\n" in text
    assert text.endswith("— BNN Breaking, 2024\n  at 2835–2986")


def test_injection_strings_show_as_text_and_never_run(opened, tmp_path):
    page = opened(written(tmp_path, injected_page()))
    assert (page.errors, page.requests, page.dialogs) == ([], [], [])
    assert page.js("() => document.scripts.length") == 3
    assert page.js("() => document.querySelectorAll('img, svg, b, a').length") == 0
    assert page.js("() => [document.querySelector('h1').textContent, "
                   "document.querySelector('h1').children.length]") == \
        [f"milcoop: military cooperation around {INJECTIONS[1]} (1 step)", 0]
    assert page.js("() => [...document.querySelectorAll('#names option')].map(o => o.value)"
                   ) == list(INJECTIONS)
    text = page.hover("img")
    assert text.startswith(f"{INJECTIONS[0]}\nPerson · img\n")
    assert '• <a href="javascript:alert(1)">read</a> — <b>Press</b>, 2024' in text
    assert f'"{INJECTIONS[1]}" (0–5)' in text
    assert page.js("() => document.querySelector('.vis-tooltip *:not(br)')") is None
    assert page.dialogs == []


def test_country_map_draws_ties_wider_the_more_there_are(opened, tmp_path, seed_graph):
    page = opened(written(tmp_path, map_page(seed_graph, MapRequest(countries=True)).html))
    assert page.counts() == (10, 4)
    width = """pair => Object.values(milcoopMap.network.body.edges)
        .find(e => [e.fromId, e.toId].sort().join() === pair).options.width"""
    assert page.js(width, "AZE,TUR") > page.js(width, "ARM,AZE") >= 1
    text = page.hover_edge("AZE", "ties", "TUR")
    assert text.startswith("Azerbaijan — Türkiye: 23 ties\n")
    assert "\n• Türkiye SUPPORTS Azerbaijan\n" in text and "\n… and 7 more\n" in text
    assert page.page.inner_text("#status") == \
        "1992–2024 (when it happened): 10 of 10 nodes, 4 of 4 ties shown"


def test_a_large_map_is_drawn_at_once_from_fixed_positions(opened, tmp_path):
    graph = nx.MultiDiGraph()
    for node in range(1500):
        graph.add_node(f"n{node}", label="Organization", name=f"Org {node}")
    for u, v in nx.barabasi_albert_graph(1500, 2, seed=3).edges():
        graph.add_edge(f"n{u}", f"n{v}", key="COOPERATES_WITH", type="COOPERATES_WITH")
    html = map_page(graph, MapRequest()).html
    page = opened(written(tmp_path, html))
    assert page.counts() == (1500, 2996)
    assert page.js("() => milcoopMap.network.physics.physicsEnabled") is False
    assert page.page.is_hidden("#freeze")
    assert page.errors == []
