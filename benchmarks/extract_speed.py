"""Extraction speed beside spaCy's own: the seed reports repeated to --megabytes, then, on the
same text and in one run, words per second of (a) spaCy's pipeline as shipped (the installed
model untouched, ``nlp.pipe``), (b) milcoop's parse (the same model with its line-break
component and its attribute ruler answered by lookups) and (c) the whole extraction through
the code `milcoop ingest --jobs N` uses, for each --jobs count, alternated over --rounds so
that a drift in the machine's speed falls on all three; with the median ratio of (c) to (a)
and its spread, and the peak memory (max RSS) of one process.

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
from functools import cache
from pathlib import Path
from typing import Any

from ingest.extract.gazetteer import default
from ingest.extract.nlp import BATCH, parse_all, pipeline, shipped_pipeline
from ingest.readers.folder import read_reports
from ingest.run import extract_all

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "seeds"


@cache
def shipped() -> Any:
    """This process's copy of spaCy's pipeline as shipped (see ``shipped_pipeline``)."""
    return shipped_pipeline()


def _shipped_only(texts: list[str]) -> int:
    """Parse ``texts`` with spaCy's pipeline as shipped (in a worker); the tokens seen."""
    return sum(len(doc) for doc in shipped().pipe(texts, batch_size=BATCH))


def _ours_only(texts: list[str]) -> int:
    """Parse ``texts`` as milcoop parses them (in a worker); the tokens seen."""
    return sum(len(doc) for doc in parse_all(texts))


def parse_time(parse: Any, texts: list[str], jobs: int) -> float:
    """Seconds of wall time for ``parse`` over ``texts`` on ``jobs`` processes."""
    start = time.perf_counter()
    if jobs <= 1:
        parse(texts)
    else:
        batches = [texts[i:i + BATCH] for i in range(0, len(texts), BATCH)]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(parse, batches))
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
    shipped()
    print(f"{os.cpu_count()} cores here; seeds: {len(seeds)} reports, {seed_words} words; "
          f"spaCy model loaded: {pipeline().meta['name']} {pipeline().meta['version']}")
    print(f"{'MB':>5} {'words':>9} {'jobs':>4} {'spaCy as shipped':>16} {'our parse':>13} "
          f"{'whole extraction':>17} {'ratio':>6}")
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
                alone = parse_time(_shipped_only, texts, jobs)
                ours = parse_time(_ours_only, texts, jobs)
                start = time.perf_counter()
                extract_all(reports, dates, jobs)
                whole = time.perf_counter() - start
                ratios.append(alone / whole)
                print(f"{copies * size / 1e6:5.1f} {words:>9,} {jobs:>4} "
                      f"{words / alone:>10,.0f} w/s {words / ours:>9,.0f} w/s "
                      f"{words / whole:>11,.0f} w/s {alone / whole:>6.2f}", flush=True)
            print(f"{'':>20} median ratio over {len(ratios)} rounds: "
                  f"{statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})",
                  flush=True)
    own, child = peak_mb()
    print(f"peak memory: {own:,.0f} MB in the main process (which holds the model twice, as "
          f"shipped and as milcoop uses it), {child:,.0f} MB in the largest worker")


if __name__ == "__main__":
    main()
