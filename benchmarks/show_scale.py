"""`milcoop show` on the graph of 100,000 reports: the lookup path at scale.

`milcoop show` checks that the facts did not change (one stat per facts file), then reads
the entity and what touches it from the built graph's index (graph/store/index.py) instead
of loading the whole graph. This benchmark makes, in a temporary folder, what a `milcoop
build` of --reports reports leaves behind: one facts file per report (tiny: show only stats
them) and the built graph's index, stamped with the folder's key, for a synthetic graph
shaped like the scale run's (a dozen entities and eight relationships a report, states
mentioned most; about two new entities a report), streamed into the index without ever
holding the graph. It then times `milcoop show` in fresh processes (median of --runs) for
an entity named in a few reports and for the most mentioned state, and `milcoop stats`
(counted in the index too), beside the same commands on the seed graph.

Building such a graph is measured by benchmarks/scale.py and build_scale.py, not here.

Run: .venv/bin/python benchmarks/show_scale.py [--reports 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from graph.model import Span, provenance
from graph.store.door import index_of
from graph.store.index import write_index
from ingest.corpus import Corpus
from ingest.facts.build import facts_key

ROOT = Path(__file__).resolve().parent.parent
STATES = 195
KINDS = ("Unit", "Organization", "Location", "Exercise", "Person", "Agreement", "Meeting")
TYPES = ("PARTICIPATED_IN", "PART_OF", "HELD_IN", "SIGNED", "COMMANDS", "LOCATED_IN")


def reports(count: int, seed: int = 5) -> Iterator[tuple[str, list[str], list[tuple[str, str]]]]:
    """Each report's id, the entities it mentions and the relationships it states."""
    chance = random.Random(seed)
    made = 0
    for number in range(count):
        states = [f"S{int(chance.paretovariate(1.1)) % STATES}" for _ in range(3)]
        made += 2
        others = [f"E{made - 1}", f"E{made - 2}",
                  *(f"E{chance.randrange(max(made - 2000, 1), made)}" for _ in range(7))]
        named = list(dict.fromkeys(states + others))
        ties = [(chance.choice(named), chance.choice(named)) for _ in range(8)]
        yield f"r{number:06d}", named, [(a, b) for a, b in ties if a != b]


def build_index(count: int, path: Path) -> tuple[int, int]:
    """Stream the synthetic graph of ``count`` reports into an index at ``path``; returns
    the node and edge counts."""
    evidence: dict[str, set[Span]] = defaultdict(set)
    typed: dict[tuple[str, str, str], set[Span]] = defaultdict(set)
    mentions: list[tuple[str, str, Span]] = []
    chance = random.Random(9)
    for article, named, ties in reports(count):
        for entity in named:
            span = Span(article, chance.randrange(3000), chance.randrange(3000, 4000))
            evidence[entity].add(span)
            mentions.append((article, entity, span))
        for source, target in ties:
            typed[(source, chance.choice(TYPES), target)].add(Span(article, 10, 90))

    def nodes() -> Iterator[tuple[str, dict]]:
        for number in range(count):
            yield f"r{number:06d}", {"label": "Article", "name": f"Report {number}",
                                     "file": f"r{number:06d}.txt"}
        for entity, spans in evidence.items():
            label = "Country" if entity.startswith("S") else KINDS[int(entity[1:]) % len(KINDS)]
            yield entity, {"label": label, "name": f"{label} {entity}",
                           "aliases": [entity.lower()], **provenance(spans)}

    def edges() -> Iterator[tuple[str, str, str, dict]]:
        for article, entity, span in mentions:
            yield article, entity, "MENTIONS", {"type": "MENTIONS", **provenance({span})}
        for (source, kind, target), spans in typed.items():
            yield source, target, kind, {"type": kind, **provenance(spans)}

    write_index(nodes(), edges(), path)
    return count + len(evidence), len(mentions) + len(typed)


def seconds(arguments: list[str], environment: dict[str, str], runs: int) -> list[float]:
    """Wall seconds of ``runs`` fresh ``milcoop`` processes (each must succeed)."""
    found = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "milcoop", *arguments], cwd=ROOT,
                              env=environment, capture_output=True, text=True)
        found.append(time.perf_counter() - started)
        if done.returncode:
            raise SystemExit(f"milcoop {' '.join(arguments)} failed: {done.stderr[-400:]}")
    return found


def line(what: str, values: list[float]) -> str:
    return (f"{what:<52} median {statistics.median(values):5.2f} s  "
            f"(min {min(values):.2f}, max {max(values):.2f})")


def main() -> None:
    """Make the folder and index, then time show at scale beside the seed graph."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        work = Path(name)
        facts, out, texts = work / "facts", work / "out", work / "reports"
        facts.mkdir()
        texts.mkdir()
        started = time.perf_counter()
        for number in range(args.reports):
            (facts / f"r{number:06d}.yaml").write_text("article: {}\n", encoding="utf-8")
        graph_file = out / "cache" / "graph.json"
        graph_file.parent.mkdir(parents=True)
        graph_file.write_text(json.dumps({"directed": True, "multigraph": True, "graph": {},
                                          "nodes": [], "edges": []}), encoding="utf-8")
        nodes, edges = build_index(args.reports, index_of(graph_file))
        graph_file.with_name("graph.json.key").write_text(facts_key(facts, Corpus([texts])),
                                                          encoding="ascii")
        print(f"{args.reports:,} facts files and an index of {nodes:,} nodes and {edges:,} "
              f"edges ({index_of(graph_file).stat().st_size / 1e6:,.0f} MB) made in "
              f"{time.perf_counter() - started:.0f} s")
        environment = {**os.environ, "MILCOOP_OUT": str(out)}
        typical = f"E{args.reports}"
        print(line(f"show, {args.reports:,} reports, an entity of a few", seconds(
            ["show", typical, "--facts", str(facts), "--corpus", str(texts)], environment,
            args.runs)))
        print(line(f"show, {args.reports:,} reports, the most mentioned state", seconds(
            ["show", "S1", "--facts", str(facts), "--corpus", str(texts)], environment,
            args.runs)))
        print(line(f"stats, {args.reports:,} reports (counted in the index)", seconds(
            ["stats", "--facts", str(facts), "--corpus", str(texts)], environment,
            args.runs)))
    with tempfile.TemporaryDirectory() as name:
        environment = {**os.environ, "MILCOOP_OUT": name}
        seconds(["build", "-o", str(Path(name) / "graph.json")], environment, 1)
        print(line("show Azerbaijan, seed graph", seconds(
            ["show", "Azerbaijan"], environment, args.runs)))
        print(line("stats, seed graph", seconds(
            ["stats"], environment, args.runs)))


if __name__ == "__main__":
    main()
