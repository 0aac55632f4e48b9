"""Neo4j load throughput: the batched loader (UNWIND $rows ... MERGE) vs one row per transaction.

Run (needs a server; see README, "The Neo4j store"):
  NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=... .venv/bin/python benchmarks/neo4j_load.py
  ... benchmarks/neo4j_load.py --relationships 100000 --batch-sizes 100,1000,5000,10000
  ... benchmarks/neo4j_load.py --big 1000000        # adds a 1,000,000-relationship load

A synthetic graph streams from a seeded generator (no list of rows is ever built): one node
per ten relationships, labels cycling over actors and events, a few hub countries taking a
tenth of the relationships, and evidence on every row. Each batch size loads it into a fresh
graph of its own (bench-<random>) with the same store code `milcoop load` uses, deleted after.
The naive loader is the same MERGE sent one row per transaction, timed on a sample.

Targets: batched relationship rows/s >= 20x naive; the --big load's peak RSS in this Python
process stays near the batch size's worth, not the graph's (ru_maxrss before and after).
Exits 2 without NEO4J_URI, 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
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


def timed_load(relationships: int, batch_size: int, sample: int | None = None,
               ) -> tuple[float, float]:
    """Node and relationship rows/s of one load into a fresh graph. With ``sample``, only the
    first ``sample`` rows of each kind are timed (the naive loader is too slow for all); the
    other nodes are loaded batched, untimed, so every relationship finds its ends."""
    node_count = max(relationships // 10, HUBS + 1)
    node_rows = min(sample or node_count, node_count)
    edge_rows = min(sample or relationships, relationships)
    settings = replace(load_settings(), neo4j_graph=f"bench-{uuid4().hex[:12]}")
    with Neo4jStore.from_settings(settings, batch_size=batch_size) as store:
        try:
            store.apply_schema()
            stream = nodes(node_count)
            node_seconds = _seconds(store, _bar(islice(stream, node_rows), node_rows, "nodes"),
                                    [])
            store.batch_size = max(batch_size, 1000)
            store.write(stream, [])
            store.batch_size = batch_size
            links = _bar(islice(edges(relationships, node_count), edge_rows), edge_rows,
                         "relationships")
            return node_rows / node_seconds, edge_rows / _seconds(store, [], links)
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
    """Sweep batch sizes, time the naive loader, optionally load the big graph; print a table."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--relationships", type=int, default=100_000)
    parser.add_argument("--batch-sizes", default="100,1000,5000,10000")
    parser.add_argument("--naive-sample", type=int, default=2_000,
                        help="rows timed one per transaction (default 2000)")
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


def run(args: argparse.Namespace) -> int:
    """The benchmark proper; returns the exit code."""
    print(f"synthetic graph: {args.relationships:,} relationships, "
          f"{max(args.relationships // 10, HUBS + 1):,} nodes; peak RSS at start "
          f"{peak_rss_mb():.0f} MB")
    naive_nodes, naive = timed_load(args.relationships, 1, sample=args.naive_sample)
    print(f"{'loader':>16} {'node rows/s':>12} {'rel rows/s':>12} {'x naive':>8}")
    print(f"{'naive (1/tx)':>16} {naive_nodes:12,.0f} {naive:12,.0f} {1:8.1f}")
    best_rate, best_size = 0.0, 1
    for size in (int(text) for text in args.batch_sizes.split(",")):
        node_rate, rate = timed_load(args.relationships, size)
        print(f"{f'batch {size}':>16} {node_rate:12,.0f} {rate:12,.0f} {rate / naive:8.1f}")
        best_rate, best_size = max((best_rate, best_size), (rate, size))
    failed = best_rate < 20 * naive
    print(f"best batched / naive = {best_rate / naive:.1f}x (target >= 20x): "
          f"{'missed' if failed else 'met'}")
    if args.big:
        before = peak_rss_mb()
        start = time.perf_counter()
        _, rate = timed_load(args.big, best_size)
        after = peak_rss_mb()
        print(f"{args.big:,} relationships at batch {best_size}: {rate:,.0f} rows/s, "
              f"{time.perf_counter() - start:,.0f} s in all; peak RSS {before:.0f} MB before, "
              f"{after:.0f} MB after (+{after - before:.0f} MB)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
