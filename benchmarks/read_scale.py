"""What the reading commands cost on a large built graph, each way side by side in one run:
reading the whole graph, with the cycle collector on (as before) and paused
(`graph.heap`), against reading the country view `milcoop build` keeps beside it
(`projection.country_view`) and, for the answers over every tie, its pair view
(`projection.pair_view`), for the answers the country-level commands give: `query
partners`, `query strongest_pairs`, `map --countries` and `centrality --projection
countries`. Each timing is a fresh process (median of --runs); every pair of answers is
checked equal.

Make the graph first, e.g. `benchmarks/scale.py --reports 10000 --keep /tmp/scale`, then:

Run: .venv/bin/python benchmarks/read_scale.py /tmp/scale/out/cache/graph.json
     [--country Oman] [--runs 3] [--tasks "query partners" ...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROGRAM = """
import gc, hashlib, json, sys, time
from pathlib import Path
started = time.perf_counter()
from graph.store.networkx_store import NetworkXStore
path, how, task, country = sys.argv[1:5]
if how == "collector on":
    import orjson, networkx as nx
    graph = nx.node_link_graph(orjson.loads(Path(path).read_bytes()), directed=True,
                               multigraph=True, edges="edges")
else:
    graph = NetworkXStore.load(Path(path)).read()
loaded = time.perf_counter()
if task == "map --countries":
    from graph.maps.page import MapRequest, map_page
    answer = map_page(graph, MapRequest(countries=True)).html
elif task == "centrality --projection countries":
    from graph.analysis.centrality import centrality
    from graph.analysis.projection import country_projection
    answer = centrality(country_projection(graph)).round(9).to_csv()
else:
    from graph.queries.library import run_networkx
    values = {"limit": 50} if task == "query strongest_pairs" else {"country": country}
    answer = run_networkx(graph, task.split()[1], **values).to_csv()
done = time.perf_counter()
print(json.dumps({"load": loaded - started, "total": done - started,
                  "digest": hashlib.sha256(answer.encode()).hexdigest()}))
"""

TASKS = ("query partners", "query strongest_pairs", "map --countries",
         "centrality --projection countries")
PAIR_TASKS = ("query strongest_pairs", "centrality --projection countries")
"""The tasks the pair view answers (every tie, no window)."""


def timed(path: Path, how: str, task: str, country: str) -> dict[str, float | str]:
    """One fresh process: seconds to load and in all, and a digest of the answer."""
    done = subprocess.run([sys.executable, "-c", PROGRAM, str(path), how, task, country],
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        raise SystemExit(f"{task} ({how}) failed: {done.stderr[-800:]}")
    return json.loads(done.stdout)


def main() -> None:
    """Print, per task, the median seconds of each way and the ratio to the old way."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", type=Path, help="a built graph.json (the view beside it)")
    parser.add_argument("--country", default="Oman")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tasks", nargs="+", choices=TASKS, default=list(TASKS))
    args = parser.parse_args()
    view = args.graph.with_name(args.graph.stem + ".countries.json")
    pairs = args.graph.with_name(args.graph.stem + ".pairs.json")
    ways = {"whole graph, collector on": (args.graph, "collector on"),
            "whole graph, collector paused": (args.graph, "paused"),
            "country view": (view, "paused"), "pair view": (pairs, "paused")}
    print(f"{args.graph} ({args.graph.stat().st_size / 1e6:.0f} MB), "
          f"{view.name} ({view.stat().st_size / 1e6:.0f} MB), "
          f"{pairs.name} ({pairs.stat().st_size / 1e6:.1f} MB); median of {args.runs}")
    for task in args.tasks:
        runs: dict[str, list[dict[str, float | str]]] = {
            way: [] for way in ways if way != "pair view" or task in PAIR_TASKS}
        for _ in range(args.runs):
            for way in runs:
                path, how = ways[way]
                runs[way].append(timed(path, how, task, args.country))
        digests = {run["digest"] for found in runs.values() for run in found}
        first = statistics.median(float(run["total"]) for run in runs[next(iter(ways))])
        cells = []
        for way, found in runs.items():
            total = statistics.median(float(run["total"]) for run in found)
            load = statistics.median(float(run["load"]) for run in found)
            cells.append(f"{way} {total:.1f} s (load {load:.1f}, {first / total:.1f}×)")
        same = "same answer" if len(digests) == 1 else "ANSWERS DIFFER"
        print(f"{task}: " + "; ".join(cells) + f"; {same}", flush=True)


if __name__ == "__main__":
    main()
