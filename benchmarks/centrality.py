"""Centrality at scale: every measure on a synthetic facts graph, and what sampling costs.

Run: .venv/bin/python benchmarks/centrality.py [--nodes 100000] [--edges 1000000]
     [--check-nodes 10000] [--sample 500] [--seed 0]

1. Builds a facts multigraph in the common shape (countries; organisations, units and people
   belonging to them; dated exercises, meetings, agreements, programs and operations they
   take part in; direct ties between actors; popularity heavy-tailed, as in news) and times
   every step an analyst runs: collapse, degree, betweenness and closeness (sampled, on
   igraph; per-source cost on NetworkX too), eigenvector, PageRank, Louvain, modularity and
   the country projection.
2. Builds a smaller graph of the same kind and compares sampled betweenness and closeness
   with exact ones: Spearman and Kendall rank correlation over all nodes, how many of the
   exact top 1% the sample also puts in its top 1%, and Spearman among that exact top 1%.
Prints one table per part, and the peak memory.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
from scipy.stats import kendalltau, spearmanr

from graph.analysis import shortest_paths
from graph.analysis.centrality import EXACT_LIMIT, centrality, degree
from graph.analysis.communities import communities, modularity
from graph.analysis.projection import collapse, country_projection

EVENTS = ("Exercise", "Meeting", "Agreement", "Program", "Operation")
ACTORS = ("Organization", "Unit", "Person")
DIRECT = ("COOPERATES_WITH", "SUPPORTS", "TRAINED")


def popularity(count: int, rng: np.random.Generator) -> np.ndarray:
    """Heavy-tailed choice weights (Zipf-like, exponent 0.9) in a random order."""
    weights = 1 / (np.arange(count) + 10.0) ** 0.9
    return rng.permutation(weights / weights.sum())


def synthetic(nodes: int, edges: int, seed: int = 0) -> nx.MultiDiGraph:
    """A facts multigraph of ``nodes`` nodes and ``edges`` relationships (keys by type)."""
    rng = np.random.default_rng(seed)
    countries = max(10, nodes // 500)
    events = int(nodes * 0.4)
    actors = nodes - countries - events
    graph = nx.MultiDiGraph()
    graph.add_nodes_from((f"C{i}", {"label": "Country", "name": f"Country {i}"})
                         for i in range(countries))
    graph.add_nodes_from((f"a{i}", {"label": ACTORS[i % 3], "name": f"actor {i}"})
                         for i in range(actors))
    years = rng.integers(1995, 2025, events)
    graph.add_nodes_from((f"e{i}", {"label": EVENTS[i % 5], "name": f"event {i}",
                                    "date": str(years[i])}) for i in range(events))
    belongs = rng.choice(countries, actors, p=popularity(countries, rng))
    rows = [(f"a{i}", f"C{c}", "PART_OF") for i, c in enumerate(belongs)]
    actor_weights = popularity(actors, rng)
    seen = set(rows)
    while len(rows) < edges:
        batch = edges - len(rows)
        shared = rng.random(batch) < 0.55
        first = rng.choice(actors, batch, p=actor_weights)
        second = np.where(shared, rng.integers(0, events, batch),
                          rng.choice(actors, batch, p=actor_weights))
        kinds = rng.integers(0, 3, batch)
        for is_shared, a, b, kind in zip(shared, first, second, kinds, strict=True):
            row = ((f"a{a}", f"e{b}", "SIGNED" if b % 5 == 2 else "PARTICIPATED_IN")
                   if is_shared else (f"a{a}", f"a{b}", DIRECT[kind]))
            if row[0] != row[1] and row not in seen:
                seen.add(row)
                rows.append(row)
    graph.add_edges_from((u, v, kind, {"type": kind, "sources": ["s"]}) for u, v, kind in rows)
    return graph


def timed(name: str, step: Callable[[], Any], rows: list[dict]) -> Any:
    """Run ``step``, append its wall time in seconds to ``rows``, and return its result."""
    start = time.perf_counter()
    result = step()
    rows.append({"step": name, "seconds": round(time.perf_counter() - start, 2)})
    print(f"  {name}: {rows[-1]['seconds']} s", flush=True)
    return result


def scale(args: argparse.Namespace) -> pd.DataFrame:
    """Every measure on the large graph, timed."""
    rows: list[dict] = []
    k = args.sample
    facts = timed("build synthetic facts graph", lambda: synthetic(args.nodes, args.edges,
                                                                   args.seed), rows)
    print(f"  facts graph: {facts.number_of_nodes():,} nodes, "
          f"{facts.number_of_edges():,} relationships", flush=True)
    simple = timed("collapse (undirected)", lambda: collapse(facts), rows)
    print(f"  collapsed: {simple.number_of_edges():,} ties", flush=True)
    timed("degree, in/out, weighted (both collapses)", lambda: degree(facts), rows)
    for engine, sources in (("igraph", k), ("networkx", 8)):
        for measure in ("betweenness", "closeness"):
            timed(f"{measure}, k={sources}, {engine}",
                  lambda m=measure, e=engine, s=sources: centrality(simple, m, k=s, engine=e),
                  rows)
    timed("eigenvector (power iteration, sparse steps, weighted)",
          lambda: centrality(simple, "eigenvector"), rows)
    timed("eigenvector (networkx's own loop, the same iteration)",
          lambda: nx.eigenvector_centrality(simple, max_iter=1000, weight="weight"), rows)
    timed("pagerank (networkx/scipy, weighted)", lambda: centrality(simple, "pagerank"), rows)
    found = timed("communities (networkx Louvain, seed 0)", lambda: communities(simple), rows)
    timed("modularity", lambda: modularity(simple, found), rows)
    print(f"  {found['community'].nunique():,} communities", flush=True)
    timed("country projection", lambda: country_projection(facts), rows)
    return pd.DataFrame(rows)


def accuracy(args: argparse.Namespace) -> pd.DataFrame:
    """Sampled against exact betweenness and closeness on a smaller graph of the same kind."""
    facts = synthetic(args.check_nodes, args.check_nodes * 10, args.seed + 1)
    simple = collapse(facts)
    print(f"  check graph: {len(simple):,} nodes, {simple.number_of_edges():,} ties", flush=True)
    top = max(10, len(simple) // 100)
    rows = []
    for measure in ("betweenness", "closeness"):
        path_measure = getattr(shortest_paths, measure)
        start = time.perf_counter()
        exact = pd.Series(path_measure(simple, None, engine="igraph"))
        rows.append({"measure": measure, "k": "exact", "seconds": round(
            time.perf_counter() - start, 2)})
        best = set(exact.nlargest(top).index)
        for k in (50, 100, 200, 500, 1000):
            start = time.perf_counter()
            sampled = pd.Series(path_measure(simple, k, args.seed, engine="igraph"))
            rows.append({
                "measure": measure, "k": k,
                "seconds": round(time.perf_counter() - start, 2),
                "spearman": round(float(spearmanr(exact, sampled[exact.index])[0]), 3),
                "kendall": round(float(kendalltau(exact, sampled[exact.index])[0]), 3),
                f"top {top} kept": len(best & set(sampled.nlargest(top).index)),
                f"spearman in top {top}": round(float(spearmanr(
                    exact[list(best)], sampled[list(best)])[0]), 3),
            })
            print(f"  {rows[-1]}", flush=True)
    small = collapse(synthetic(EXACT_LIMIT, EXACT_LIMIT * 10, args.seed + 2))
    for engine in shortest_paths.ENGINES:
        for measure in ("betweenness", "closeness"):
            start = time.perf_counter()
            centrality(small, measure, engine=engine)
            rows.append({"measure": f"{measure} at {EXACT_LIMIT:,} nodes, {engine}",
                         "k": "exact", "seconds": round(time.perf_counter() - start, 2)})
            print(f"  {rows[-1]}", flush=True)
    return pd.DataFrame(rows)


def main() -> None:
    """Time every measure at scale, then measure the accuracy of sampling."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--edges", type=int, default=1_000_000)
    parser.add_argument("--check-nodes", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(f"scale: {args.nodes:,} nodes, {args.edges:,} relationships", flush=True)
    times = scale(args)
    print(f"accuracy: {args.check_nodes:,} nodes", flush=True)
    checks = accuracy(args)
    print("\n" + times.to_string(index=False))
    print(f"\ntotal {times['seconds'].sum():.0f} s\n")
    print(checks.to_string(index=False))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2
    print(f"\npeak memory {peak:.1f} GiB")


if __name__ == "__main__":
    main()
