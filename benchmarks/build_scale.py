"""How `milcoop build` grows with the number of facts files: the seed facts copied --copies
times under new article ids (the same states, people and exercises in every copy, as in a
real corpus), then read, validated and built; seconds per stage and per file at each size.
Flat per-file columns mean linear time.

Each size is timed with one process parsing the files and with --jobs, and with each
reader (--readers): libyaml's C parser, which reads well-formed files, and ruamel.yaml's
round-trip parser, which reads the rest and words every error (side by side).

Run: .venv/bin/python benchmarks/build_scale.py [--files 250 500 1000] [--jobs 1 2]
     [--readers libyaml ruamel]
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

from graph.store.networkx_store import NetworkXStore
from ingest.corpus import Corpus
from ingest.facts import files as facts_files
from ingest.facts.build import load, validated
from ingest.workers import JOBS

FACTS = Path(__file__).resolve().parent.parent / "data" / "facts"
ARTICLE_ID = re.compile(r"^  id: (\S+)", re.M)


def copies(folder: Path, files: int) -> None:
    """Write ``files`` facts files: the seed files again and again, each under its own id."""
    seeds = sorted(FACTS.glob("*.yaml"))
    for number in range(files):
        seed = seeds[number % len(seeds)]
        text = seed.read_text(encoding="utf-8")
        article = ARTICLE_ID.search(text)[1].strip('"')
        (folder / f"{seed.stem}-{number}.yaml").write_text(
            text.replace(article, f"{article}-{number}"), encoding="utf-8")


def main() -> None:
    """Print one row per size: seconds to read and validate, to build, and per file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, nargs="+", default=[250, 500, 1000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, JOBS],
                        help="processes parsing the files, each timed in turn")
    parser.add_argument("--readers", nargs="+", choices=["libyaml", "ruamel"],
                        default=["libyaml", "ruamel"], help="YAML readers, each timed in turn")
    args = parser.parse_args()
    print(f"{'files':>6} {'reader':>8} {'jobs':>5} {'validate s':>11} {'build s':>8} "
          f"{'ms/file':>8} {'nodes':>7} {'edges':>7}")
    for files in args.files:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            copies(folder, files)
            for reader, jobs in [(reader, jobs) for reader in args.readers
                                 for jobs in dict.fromkeys(args.jobs)]:
                facts_files.FAST = reader == "libyaml"
                started = time.perf_counter()
                checked = validated(folder, Corpus(), jobs=jobs)
                checking = time.perf_counter() - started
                store = NetworkXStore()
                load(checked.files, store)
                building = time.perf_counter() - started - checking
                graph = store.read()
                print(f"{files:>6} {reader:>8} {jobs:>5} {checking:>11.1f} {building:>8.1f} "
                      f"{1000 * (checking + building) / files:>8.1f} "
                      f"{graph.number_of_nodes():>7} {graph.number_of_edges():>7}", flush=True)


if __name__ == "__main__":
    main()
