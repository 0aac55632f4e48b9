"""Export speed: a synthetic graph in the common shape written in every export format.

Run: .venv/bin/python benchmarks/export_speed.py [--events 10000] [--countries 150]
Each event (an Exercise or Meeting dated within 30 years) has four participating countries,
one host and one article mentioning it; prints seconds and output size per format.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import networkx as nx

from graph.export import FORMATS, export


def synthetic(events: int, countries: int, seed: int = 7) -> nx.MultiDiGraph:
    """Countries, dated events with participants and hosts, and an article for each event."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    codes = [f"C{number:03d}" for number in range(countries)]
    for code in codes:
        graph.add_node(code, label="Country", name=f"Country {code}", aliases=[code],
                       sources=[], evidence=[])
    for number in range(events):
        event, article = f"event-{number}", f"article-{number}"
        span = [f"{article}:{rng.randrange(5000)}-{rng.randrange(5000, 9000)}"]
        provenance = {"sources": [article], "evidence": span}
        date = f"{rng.randrange(1995, 2025)}-{rng.randrange(1, 13):02}"
        graph.add_node(article, label="Article", name=article, title=article,
                       published=date[:4], sources=[], evidence=[])
        graph.add_node(event, label=rng.choice(["Exercise", "Meeting"]), name=event,
                       aliases=[event.upper()], date=date, cameo="062", **provenance)
        for code in rng.sample(codes, 4):
            graph.add_edge(code, event, key="PARTICIPATED_IN", type="PARTICIPATED_IN",
                           cameo="062", **provenance)
        graph.add_edge(rng.choice(codes), event, key="HOSTED", type="HOSTED", cameo="043",
                       **provenance)
        graph.add_edge(article, event, key="MENTIONS", type="MENTIONS", **provenance)
    return graph


def size(path: Path) -> int:
    """Bytes in a file, or in every file of a folder."""
    return path.stat().st_size if path.is_file() else sum(p.stat().st_size
                                                          for p in path.iterdir())


def main() -> None:
    """Build the synthetic graph, then time each format's export into a temporary folder."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--countries", type=int, default=150)
    args = parser.parse_args()
    graph = synthetic(args.events, args.countries)
    print(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    with tempfile.TemporaryDirectory() as folder:
        for name, fmt in FORMATS.items():
            target = Path(folder) / fmt.default
            started = time.perf_counter()
            export(graph, name, target)
            seconds = time.perf_counter() - started
            print(f"{name:12} {seconds:6.1f} s  {size(target) / 1e6:6.1f} MB")


if __name__ == "__main__":
    main()
