"""Specification of the map in time: the slider, both clocks, undated facts and play, in a
real browser (headless Chromium, offline), held to the Python filter
(``graph.maps.timeline.shown``) on the seed graph."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from graph.dates import happened, own
from graph.maps.page import MapRequest, map_page
from graph.maps.timeline import shown, span
from map_browser import MapPage

pytest.importorskip("playwright.sync_api", reason="playwright is not installed: "
                    "pip install -e '.[dev]' (make test does)")

DRAWN = "() => [milcoopMap.network.body.nodeIndices.length, " \
        "milcoopMap.network.body.edgeIndices.length]"
"""What vis.js itself draws: the nodes and edges neither filtered out nor hidden."""
PAYLOAD = re.compile(r'<script id="map-data" type="application/json">(.*?)</script>', re.S)


def payload(html: str) -> dict:
    """The page's data as its script reads it: each edge's ties looked up in the tie table."""
    data = json.loads(PAYLOAD.search(html).group(1))
    for edge in data["edges"]:
        if "ties" in edge:
            edge["ties"] = [data["ties"][index] for index in edge["ties"]]
    return data


@pytest.fixture(scope="module")
def pages(seed_graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory
          ) -> dict[str, tuple[Path, dict]]:
    folder = tmp_path_factory.mktemp("time")
    made = {}
    for name, request in (("facts", MapRequest()), ("countries", MapRequest(countries=True))):
        html = map_page(seed_graph, request).html
        (folder / f"{name}.html").write_text(html, encoding="utf-8")
        made[name] = (folder / f"{name}.html", payload(html))
    return made


def window(page: MapPage, first: int, last: int, clock: str = "happened",
           undated: bool = True) -> tuple[int, int]:
    page.js("""([first, last, clock, undated]) => {
        document.getElementById("clock").value = clock;
        document.getElementById("clock").dispatchEvent(new Event("change"));
        const box = document.getElementById("undated");
        if (box.checked !== undated) { box.click(); }
        milcoopMap.setWindow(first, last);
    }""", [first, last, clock, undated])
    return page.counts()


def expected(data: dict, first: int, last: int, clock: str = "happened",
             undated: bool = True) -> tuple[int, int]:
    nodes, edges, _ = shown(data["nodes"], data["edges"], clock, first, last, undated)
    return len(nodes), len(edges)


def test_a_fact_holds_from_its_own_dates_or_its_events() -> None:
    assert own({"since": "1994-05"}) == (1994, None)
    assert happened({}, {"label": "Country"}, {"label": "Exercise", "date": "2023-10"}) \
        == (2023, 2023)
    assert happened({"date": "2020"}, {"start": "2023"}) == (2020, 2020)


def test_the_seed_map_spans_1992_to_2024_and_shows_all_of_it_at_first(opened, pages) -> None:
    path, data = pages["facts"]
    assert data["years"] == span(data["nodes"], data["edges"]) == [1992, 2024]
    page = opened(path)
    assert page.counts() == (122, 271) == expected(data, 1992, 2024)
    assert "1992–2024 (when it happened): 122 of 122 nodes" in page.page.inner_text("#status")


def test_every_year_on_both_clocks_shows_what_the_python_filter_does(opened, pages) -> None:
    path, data = pages["facts"]
    page = opened(path)
    checked = set()
    for clock in ("happened", "reported"):
        for undated in (True, False):
            for first, last in [(y, y) for y in range(1992, 2025)] + [(1992, 2010),
                                                                     (2021, 2024)]:
                counts = window(page, first, last, clock, undated)
                assert counts == expected(data, first, last, clock, undated), \
                    (clock, undated, first, last)
                assert page.js(DRAWN) == list(counts)
                checked.add(counts)
    assert len(checked) > 10
    assert page.errors == []


def test_azerbaijans_ties_appear_and_grow_and_the_clock_changes_them(opened, pages) -> None:
    path, _ = pages["facts"]
    page = opened(path)
    ties = "() => milcoopMap.shownEdges().filter(e => e.from === 'AZE' || e.to === 'AZE')" \
           ".map(e => e.category + ' ' + (e.from === 'AZE' ? e.to : e.from)).sort()"
    window(page, 1992, 1993, undated=False)
    early = page.js(ties)
    window(page, 1992, 1995, undated=False)
    later = page.js(ties)
    window(page, 1992, 2024, undated=False)
    full = page.js(ties)
    assert len(early) < len(later) < len(full)
    assert set(early) <= set(later) <= set(full)
    assert any("partnership-for-peace" in tie for tie in later) and \
        not any("partnership-for-peace" in tie for tie in early)
    happened_counts = window(page, 2023, 2023, "happened", undated=False)
    reported_counts = window(page, 2023, 2023, "reported", undated=False)
    assert happened_counts != reported_counts
    assert "2023 (when it was reported)" in page.page.inner_text("#status")


def test_play_advances_the_last_year_until_the_end(opened, pages) -> None:
    path, data = pages["facts"]
    page = opened(path)
    window(page, 2020, 2022)
    page.page.click("#play")
    assert page.page.inner_text("#play") == "Pause"
    page.page.wait_for_function("() => milcoopMap.time.last === 2024", timeout=10_000)
    page.page.wait_for_function(
        "() => document.getElementById('play').textContent === 'Play'", timeout=5_000)
    assert page.page.input_value("#last") == "2024" and page.counts() == expected(
        data, 2020, 2024)


def test_country_ties_are_weighed_again_for_the_window(opened, pages) -> None:
    path, data = pages["countries"]
    page = opened(path)
    for first, last in ((1992, 2024), (2023, 2023), (2024, 2024), (1992, 2000)):
        assert window(page, first, last, undated=False) == expected(
            data, first, last, undated=False)
        _, _, weights = shown(data["nodes"], data["edges"], "happened", first, last, False)
        drawn = page.js("() => Object.fromEntries(milcoopMap.shownEdges()"
                        ".map(e => [e.id, e.value]))")
        assert drawn == weights and page.js(DRAWN) == list(page.counts())
    window(page, 2023, 2023, undated=False)
    title = page.js("() => milcoopMap.shownEdges().map(e => e.title)"
                    ".find(t => t.startsWith('Azerbaijan — Türkiye'))")
    assert title.startswith("Azerbaijan — Türkiye: ") and \
        " in 2023 (when it happened)\n" in title and "\nthrough:\n• " in title
    assert "\n\nSources (" in title

