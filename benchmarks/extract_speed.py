"""Extraction speed: the seed reports repeated to each --megabytes size, extracted on each
--jobs count through the same code `milcoop ingest --jobs N` uses. Prints words per second
in all and per core, so linearity in corpus size and the gain from more cores show.

Run: .venv/bin/python benchmarks/extract_speed.py [--megabytes 2.5 5 10] [--jobs 1 2]
"""

from __future__ import annotations

import argparse
import os
import time
from dataclasses import replace
from pathlib import Path

from ingest.extract.gazetteer import default
from ingest.readers.folder import read_reports
from ingest.run import extract_all

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "seeds"


def main() -> None:
    """Time extraction for every size and job count and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, nargs="+", default=[10.0])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1])
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    args = parser.parse_args()
    seeds = read_reports(args.seeds).reports
    size = sum(len(report.text.encode("utf-8")) for report in seeds)
    seed_words = sum(len(report.text.split()) for report in seeds)
    default()
    print(f"{os.cpu_count()} cores here; seeds: {len(seeds)} reports, {seed_words} words")
    for megabytes in args.megabytes:
        copies = int(megabytes * 1_000_000 // size) + 1
        reports = [replace(report, id=f"{copy}-{report.id}")
                   for copy in range(copies) for report in seeds]
        dates = [report.published for report in reports]
        words = seed_words * copies
        for jobs in args.jobs:
            wall, cpu = time.perf_counter(), time.process_time()
            extract_all(reports, dates, jobs)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            per_core = words / cpu if jobs == 1 else words / wall / jobs
            print(f"{copies * size / 1e6:5.1f} MB, {words:>9,} words, --jobs {jobs}: "
                  f"{wall:6.1f} s wall, {words / wall:>8,.0f} words/s, "
                  f"{per_core:>8,.0f} words/s per core"
                  + (" (CPU time)" if jobs == 1 else " (wall time / jobs)"))


if __name__ == "__main__":
    main()
