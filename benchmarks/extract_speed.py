"""Extraction speed beside spaCy's own: the seed reports repeated to --megabytes, then, on the
same text and in one run, words per second of (a) spaCy's pipeline alone (``nlp.pipe``) and
(b) the whole extraction through the code `milcoop ingest --jobs N` uses, for each --jobs
count, alternated over --rounds so that a drift in the machine's speed falls on both; with the
median ratio and its spread, and the peak memory (max RSS) of one process.

Run: .venv/bin/python benchmarks/extract_speed.py [--megabytes 1 2] [--jobs 1 2] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from ingest.extract.gazetteer import default
from ingest.extract.nlp import BATCH, parse_all, pipeline
from ingest.readers.folder import read_reports
from ingest.run import extract_all

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "seeds"


def _parse_only(texts: list[str]) -> int:
    """Parse ``texts`` with spaCy alone (in a worker); the tokens seen."""
    return sum(len(doc) for doc in parse_all(texts))


def spacy_alone(texts: list[str], jobs: int) -> float:
    """Seconds of wall time for spaCy's pipeline alone over ``texts`` on ``jobs`` processes."""
    start = time.perf_counter()
    if jobs <= 1:
        _parse_only(texts)
    else:
        batches = [texts[i:i + BATCH] for i in range(0, len(texts), BATCH)]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(_parse_only, batches))
    return time.perf_counter() - start


def peak_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, child


def main() -> None:
    """Time spaCy alone and the whole extraction for every size and job count."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, nargs="+", default=[1.0])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    seeds = read_reports(args.seeds).reports
    size = sum(len(report.text.encode("utf-8")) for report in seeds)
    seed_words = sum(len(report.text.split()) for report in seeds)
    default()
    pipeline()
    print(f"{os.cpu_count()} cores here; seeds: {len(seeds)} reports, {seed_words} words; "
          f"spaCy model loaded: {pipeline().meta['name']} {pipeline().meta['version']}")
    print(f"{'MB':>5} {'words':>9} {'jobs':>4} {'spaCy alone':>14} {'whole extraction':>17} "
          f"{'ratio':>6}")
    for megabytes in args.megabytes:
        copies = int(megabytes * 1_000_000 // size) + 1
        reports = [replace(report, id=f"{copy}-{report.id}")
                   for copy in range(copies) for report in seeds]
        texts = [report.text for report in reports]
        dates = [report.published for report in reports]
        words = seed_words * copies
        for jobs in args.jobs:
            ratios = []
            for _ in range(max(1, args.rounds)):
                alone = spacy_alone(texts, jobs)
                start = time.perf_counter()
                extract_all(reports, dates, jobs)
                whole = time.perf_counter() - start
                ratios.append(alone / whole)
                print(f"{copies * size / 1e6:5.1f} {words:>9,} {jobs:>4} "
                      f"{words / alone:>8,.0f} w/s {words / whole:>11,.0f} w/s "
                      f"{alone / whole:>6.2f}", flush=True)
            print(f"{'':>20} median ratio over {len(ratios)} rounds: "
                  f"{statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})",
                  flush=True)
    own, child = peak_mb()
    print(f"peak memory: {own:,.0f} MB in the main process, {child:,.0f} MB in the largest "
          "worker")


if __name__ == "__main__":
    main()
