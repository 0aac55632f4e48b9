"""Neo4j load throughput: the batched loader (UNWIND $rows ... MERGE) vs one row per transaction.

Run (needs a server; see README, "The Neo4j store"):
  NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=... .venv/bin/python benchmarks/neo4j_load.py
  ... benchmarks/neo4j_load.py --rows 20000 --rounds 5 --batch-sizes 1000,5000,10000
  ... benchmarks/neo4j_load.py --big 1000000        # adds a 1,000,000-relationship load

A synthetic graph streams from a seeded generator (no list of rows is ever built): one node
per ten relationships, labels cycling over actors and events, a few hub countries taking a
tenth of the relationships, and evidence on every row. Every load goes into a fresh graph of
its own (bench-<random>) with the same store code `milcoop load` uses, deleted after.

The comparison is fair: the server is warmed first (a batched load and a naive one, not
timed); then, --rounds times, the naive loader (the same MERGE sent one row per transaction)
and the batched one load the same --rows relationships and their nodes, alternating, so a
server warming up or slowing down favours neither. Printed: rows/s of each round, the median
and the spread (min-max) of each loader, and the ratio of the medians. Then a sweep of batch
sizes, and the --big load's peak RSS in this Python process before and after.

Targets: batched relationship rows/s >= 30x naive, >= 10,000 node and relationship rows/s;
the --big load's memory stays near the batch size's worth, not the graph's. Exits 2 without
NEO4J_URI, 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from uuid import uuid4

from tqdm import tqdm

from graph.errors import MilcoopError
from graph.model import Edge, Node, Span
from graph.settings import load_settings
from graph.store.neo4j_store import Neo4jStore

LABELS = ("Country", "Organization", "Unit", "Person", "Exercise", "Meeting")
TYPES = ("PARTICIPATED_IN", "COOPERATES_WITH", "SUPPORTS", "MEMBER_OF", "TRAINED")
HUBS = 20
"""The first HUBS nodes are countries that take a tenth of all relationships."""


def nodes(count: int, seed: int = 7) -> Iterator[Node]:
    """``count`` synthetic nodes, streamed."""
    rng = random.Random(seed)
    for number in range(count):
        label = "Country" if number < HUBS else LABELS[number % len(LABELS)]
        article = f"article-{rng.randrange(count // 5 + 1)}"
        yield Node(f"n{number}", label, {"name": f"{label} {number}",
                                         "aliases": [f"N{number}", f"#{number}"]},
                   {Span(article, rng.randrange(5000), rng.randrange(5000, 9000))})


def edges(count: int, node_count: int, seed: int = 11) -> Iterator[Edge]:
    """``count`` synthetic relationships between the nodes of ``nodes(node_count)``, streamed."""
    rng = random.Random(seed)
    for _ in range(count):
        source = rng.randrange(HUBS) if rng.random() < 0.1 else rng.randrange(node_count)
        target = rng.randrange(node_count)
        article = f"article-{rng.randrange(node_count // 5 + 1)}"
        yield Edge(f"n{source}", rng.choice(TYPES), f"n{target}",
                   {"since": str(rng.randrange(1992, 2025)), "field": ["military"]},
                   {Span(article, rng.randrange(5000), rng.randrange(5000, 9000))})


def peak_rss_mb() -> float:
    """The peak resident set size of this process so far, in MB (Linux: ru_maxrss in kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_load(relationships: int, batch_size: int) -> tuple[float, float]:
    """Node and relationship rows/s of one load of the synthetic graph into a fresh graph,
    ``batch_size`` rows a transaction (1: the naive loader)."""
    node_count = max(relationships // 10, HUBS + 1)
    settings = replace(load_settings(), neo4j_graph=f"bench-{uuid4().hex[:12]}")
    with Neo4jStore.from_settings(settings, batch_size=batch_size) as store:
        try:
            store.apply_schema()
            node_seconds = _seconds(store, _bar(nodes(node_count), node_count, "nodes"), [])
            links = _bar(edges(relationships, node_count), relationships, "relationships")
            return node_count / node_seconds, relationships / _seconds(store, [], links)
        finally:
            store.clear()


def _bar(rows: Iterable, total: int, what: str) -> Iterable:
    return tqdm(rows, total=total, desc=what, unit="row", leave=False, disable=None)


def _seconds(store: Neo4jStore, node_rows: Iterable[Node], edge_rows: Iterable[Edge],
             ) -> float:
    start = time.perf_counter()
    store.write(node_rows, edge_rows)
    return time.perf_counter() - start


def main() -> int:
    """The fair comparison, the batch-size sweep, optionally the big load; print tables."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=20_000,
                        help="relationships each loader loads per round (default 20000)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=5_000,
                        help="the batched loader's batch size in the comparison")
    parser.add_argument("--batch-sizes", default="1000,5000,10000",
                        help="batch sizes swept afterwards, over --sweep relationships")
    parser.add_argument("--sweep", type=int, default=100_000)
    parser.add_argument("--big", type=int, default=0,
                        help="also load this many relationships at the best batch size")
    args = parser.parse_args()
    if not os.environ.get("NEO4J_URI"):
        print("neo4j_load: NEO4J_URI is not set; start a server (docker compose up --wait) "
              "and set NEO4J_URI, NEO4J_PASSWORD", file=sys.stderr)
        return 2
    try:
        return run(args)
    except MilcoopError as error:
        print(f"neo4j_load: {error}", file=sys.stderr)
        return 2


def _spread(values: list[float]) -> str:
    return (f"median {statistics.median(values):9,.0f}  "
            f"(min {min(values):,.0f}, max {max(values):,.0f})")


def run(args: argparse.Namespace) -> int:
    """The benchmark proper; returns the exit code."""
    print(f"{args.rows:,} relationships and {max(args.rows // 10, HUBS + 1):,} nodes a round; "
          f"peak RSS at start {peak_rss_mb():.0f} MB; warming the server up", flush=True)
    timed_load(args.rows // 4, args.batch_size)
    timed_load(args.rows // 20, 1)
    naive: dict[str, list[float]] = {"nodes": [], "relationships": []}
    batched: dict[str, list[float]] = {"nodes": [], "relationships": []}
    for number in range(1, args.rounds + 1):
        for loader, size, found in (("naive", 1, naive), ("batched", args.batch_size, batched)):
            node_rate, edge_rate = timed_load(args.rows, size)
            found["nodes"].append(node_rate)
            found["relationships"].append(edge_rate)
            print(f"round {number} {loader:>8}: {node_rate:10,.0f} node rows/s "
                  f"{edge_rate:10,.0f} relationship rows/s", flush=True)
    for kind in ("nodes", "relationships"):
        print(f"{kind:>13} naive   {_spread(naive[kind])} rows/s")
        print(f"{kind:>13} batched {_spread(batched[kind])} rows/s")
    ratio = statistics.median(batched["relationships"]) / statistics.median(
        naive["relationships"])
    rates_met = min(statistics.median(batched[kind]) for kind in batched) >= 10_000
    print(f"batched / naive (medians, relationships) = {ratio:.1f}x (target >= 30x): "
          f"{'met' if ratio >= 30 else 'missed'}; batched >= 10,000 rows/s for nodes and "
          f"relationships: {'met' if rates_met else 'missed'}")
    print(f"{'batch size':>16} {'node rows/s':>12} {'rel rows/s':>12}  ({args.sweep:,} "
          "relationships)")
    best_rate, best_size = 0.0, args.batch_size
    for size in (int(text) for text in args.batch_sizes.split(",")):
        node_rate, rate = timed_load(args.sweep, size)
        print(f"{size:>16,} {node_rate:12,.0f} {rate:12,.0f}", flush=True)
        best_rate, best_size = max((best_rate, best_size), (rate, size))
    if args.big:
        before = peak_rss_mb()
        start = time.perf_counter()
        _, rate = timed_load(args.big, best_size)
        after = peak_rss_mb()
        print(f"{args.big:,} relationships at batch {best_size}: {rate:,.0f} rows/s, "
              f"{time.perf_counter() - start:,.0f} s in all; peak RSS {before:.0f} MB before, "
              f"{after:.0f} MB after (+{after - before:.0f} MB)")
    return 0 if ratio >= 30 and rates_met else 1


if __name__ == "__main__":
    sys.exit(main())
