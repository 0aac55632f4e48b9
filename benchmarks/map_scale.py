"""Map scale: a synthetic graph of 5,000 nodes through `milcoop map`'s steps, then in Chromium.

Run: make bench-map   (or: PYTHONPATH=tools .venv/bin/python benchmarks/map_scale.py
[--nodes 5000] [--countries 150])
Countries, then dated events each with three participating countries, a host and an article.
Prints the seconds to build the page in Python (goal: under 10 s at 5,000 nodes), its size,
the seconds until headless Chromium has drawn it offline, and how long the page takes to
answer a filter click, a search, a zoom, each step of the time slider and a switch of clock
(each until the next frame is painted).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import networkx as nx

from graph.maps.page import MapRequest, map_page
from map_browser import MapPage, launch

ANSWER = """async ([kind, arg]) => {
  const t0 = performance.now();
  if (kind === "click") { document.querySelector(arg).click(); }
  if (kind === "search") { milcoopMap.select(arg); }
  if (kind === "zoom") { milcoopMap.network.moveTo({scale: arg}); }
  if (kind === "window") { milcoopMap.setWindow(arg[0], arg[1]); }
  if (kind === "clock") {
    document.getElementById("clock").value = arg;
    document.getElementById("clock").dispatchEvent(new Event("change"));
  }
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  return performance.now() - t0;
}"""


def synthetic(nodes: int, countries: int, seed: int = 5) -> nx.MultiDiGraph:
    """Countries and dated events (three participants and a host each), one article per event."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    codes = [f"C{number:03d}" for number in range(countries)]
    for code in codes:
        graph.add_node(code, label="Country", name=f"Country {code}", sources=[], evidence=[])
    for number in range(nodes - countries):
        event, article = f"event-{number}", f"article-{number}"
        provenance = {"sources": [article],
                      "evidence": [f"{article}:{rng.randrange(900)}-{rng.randrange(900, 1800)}"]}
        graph.add_node(article, label="Article", title=f"Report {number}", publisher="Wire",
                       published=f"{rng.randrange(1995, 2025)}")
        graph.add_node(event, label=rng.choice(["Exercise", "Meeting", "Agreement"]),
                       name=f"Event {number}", date=f"{rng.randrange(1995, 2025)}",
                       **provenance)
        for code in rng.sample(codes, 3):
            graph.add_edge(code, event, key="PARTICIPATED_IN", type="PARTICIPATED_IN",
                           role="participant", **provenance)
        graph.add_edge(rng.choice(codes), event, key="HOSTED", type="HOSTED", **provenance)
    return graph


def main() -> None:
    """Time the page build in Python, then its drawing and answers in the browser."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--countries", type=int, default=150)
    args = parser.parse_args()
    graph = synthetic(args.nodes, args.countries)
    start = time.perf_counter()
    page = map_page(graph, MapRequest(), lambda span: "quoted words of the report")
    built = time.perf_counter() - start
    print(f"map of {page.nodes} nodes and {page.edges} edges built in {built:.2f} s "
          f"({len(page.html) / 1e6:.1f} MB, physics {'on' if page.physics else 'off'})")
    with tempfile.TemporaryDirectory() as folder, launch() as browser:
        path = Path(folder) / "map.html"
        path.write_text(page.html, encoding="utf-8")
        start = time.perf_counter()
        opened = MapPage(browser, path)
        opened.wait_ready(timeout=120)
        drawn = time.perf_counter() - start
        print(f"opened and drawn in the browser in {drawn:.2f} s (first frame "
              f"{opened.js('() => milcoopMap.readyAt') / 1000:.2f} s after navigation); "
              f"holds {opened.counts()} nodes/edges; errors: {opened.errors or 'none'}")
        for name, step in [("untick Exercise", ("click", 'input[data-category="Exercise"]')),
                           ("tick Exercise", ("click", 'input[data-category="Exercise"]')),
                           ("search a country", ("search", "Country C007")),
                           ("zoom out", ("zoom", 0.2))]:
            print(f"{name}: {opened.js(ANSWER, list(step)):.0f} ms to the next frame")
        steps = [opened.js(ANSWER, ["window", [1995, last]]) for last in range(1995, 2025)]
        steps += [opened.js(ANSWER, ["window", [first, first]]) for first in range(1995, 2025)]
        print(f"time slider, {len(steps)} steps (1995 to 1995..2024, then each year alone): "
              f"median {statistics.median(steps):.0f} ms, slowest {max(steps):.0f} ms to the "
              f"next frame (goal: at most 200 ms)")
        print(f"switch to the reporting clock: {opened.js(ANSWER, ['clock', 'reported']):.0f} "
              "ms to the next frame")
        opened.close()


if __name__ == "__main__":
    main()
