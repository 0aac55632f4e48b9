"""Specification of the geographic layout: states at their capitals, the rest near what it
belongs to, a graticule drawn in the page, unplaced states named; in Python and in a real
browser (headless Chromium, offline)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graph.errors import MapError
from graph.maps.geography import SCALE, geo_positions, project
from graph.maps.page import MapRequest, map_page
from hostile import INJECTIONS, injected_graph
from ingest.extract.gazetteer import place_of


def test_states_stand_at_their_capitals_and_the_rest_near_them(seed_graph: nx.MultiDiGraph
                                                               ) -> None:
    geo = geo_positions(seed_graph.subgraph(n for n, label in seed_graph.nodes(data="label")
                                            if label != "Article"), seed_graph, place_of)
    assert geo.spots["AZE"] == project(40.3777, 49.892)
    (aze_x, aze_y), (tur_x, _), (_, irn_y) = (geo.spots[s] for s in ("AZE", "TUR", "IRN"))
    assert aze_x > tur_x and aze_y < irn_y
    army = geo.spots["aze-armed-forces"]
    assert abs(army[0] - aze_x) < 50 and abs(army[1] - aze_y) < 50
    assert geo.unplaced == ["Soviet Union"]
    below = [node for node, (_, y) in geo.spots.items() if y > 90 * SCALE]
    assert len(below) == 3 and "SUN" in below
    assert geo_positions(seed_graph, seed_graph, place_of).spots == geo_positions(
        seed_graph, seed_graph, place_of).spots


def test_the_geo_layout_needs_coordinates(seed_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(MapError, match="coordinates"):
        map_page(seed_graph, MapRequest(layout="geo"))




def test_in_the_browser_azerbaijan_is_east_of_turkiye_and_north_of_iran(
        opened, seed_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = tmp_path / "geo.html"
    path.write_text(map_page(seed_graph, MapRequest(countries=True, layout="geo"),
                             place=place_of).html, encoding="utf-8")
    page = opened(path)
    spots = page.js("() => milcoopMap.network.getPositions(['AZE', 'TUR', 'IRN'])")
    assert spots["AZE"]["x"] > spots["TUR"]["x"] and spots["AZE"]["y"] < spots["IRN"]["y"]
    assert page.js("() => milcoopMap.network.physics.physicsEnabled") is False
    assert "Soviet Union" in page.page.inner_text("#unplaced")
    graticule = """() => {
      const canvas = document.querySelector("#map canvas");
      const ctx = canvas.getContext("2d");
      const row = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let lines = 0;
      for (let i = 0; i < row.length; i += 4) {
        if (row[i] === 0xcd && row[i + 1] === 0xd6 && row[i + 2] === 0xe0) { lines++; }
      }
      return lines;
    }"""
    assert page.js(graticule) > 1000
    assert (page.errors, page.requests, page.dialogs) == ([], [], [])


def test_a_hostile_unplaced_name_still_shows_as_text(opened, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(map_page(injected_graph(), MapRequest(layout="geo"),
                             place=place_of).html, encoding="utf-8")
    page = opened(path)
    assert page.page.inner_text("#unplaced").endswith(INJECTIONS[1])
    assert page.js("() => document.querySelectorAll('img, svg, b, a').length") == 0
    assert (page.errors, page.requests, page.dialogs) == ([], [], [])
