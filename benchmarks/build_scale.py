"""How `milcoop build` grows with the number of facts files: the seed facts copied --files
times under new article ids (the same states, people and exercises in every copy, as in a
real corpus), or the first --files of the proposals in --proposals (the facts folder of
`benchmarks/scale.py --keep`), then read, validated and built; seconds per stage and per
file at each size. Flat per-file columns mean linear time.

Each size is timed with one process parsing the files and with --jobs, and with each
reader (--readers): the line reader, which reads files in the writer's shape (proposals),
libyaml's C parser, which reads well-formed files, and ruamel.yaml's round-trip parser,
which reads the rest and words every error (side by side).

Run: .venv/bin/python benchmarks/build_scale.py [--files 250 500 1000] [--jobs 1 2]
     [--readers lines libyaml ruamel] [--proposals DIR]
"""

from __future__ import annotations

import argparse
import re
import shutil
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


def proposals(folder: Path, source: Path, files: int) -> None:
    """Copy the first ``files`` proposals of ``source`` (in path order) into ``folder``."""
    found = sorted(source.glob("*/*.yaml"))[:files]
    if len(found) < files:
        raise SystemExit(f"{source}: {len(found)} proposals, fewer than {files}")
    for number, path in enumerate(found):
        shutil.copy(path, folder / f"{number:06d}.yaml")


def main() -> None:
    """Print one row per size: seconds to read and validate, to build, and per file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, nargs="+", default=[250, 500, 1000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, JOBS],
                        help="processes parsing the files, each timed in turn")
    parser.add_argument("--readers", nargs="+", choices=["lines", "libyaml", "ruamel"],
                        default=["lines", "libyaml", "ruamel"],
                        help="readers, each timed in turn")
    parser.add_argument("--proposals", type=Path,
                        help="a folder of proposals to take the files from (sharded as "
                             "ingest writes them), instead of the seed facts copied")
    args = parser.parse_args()
    print(f"{'files':>6} {'reader':>8} {'jobs':>5} {'validate s':>11} {'build s':>8} "
          f"{'ms/file':>8} {'nodes':>7} {'edges':>7}")
    for files in args.files:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            if args.proposals:
                proposals(folder, args.proposals, files)
            else:
                copies(folder, files)
            for reader, jobs in [(reader, jobs) for reader in args.readers
                                 for jobs in dict.fromkeys(args.jobs)]:
                facts_files.FAST = reader != "ruamel"
                facts_files.LINES = reader == "lines"
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
