"""End-to-end ingest speed: the seed reports copied to at least --megabytes of distinct
report files, then `milcoop ingest` (read, extract, resolve, merge, write, review) timed on
1 and on --jobs processes. Prints wall seconds, words per second, and words per second per
process. Run: .venv/bin/python benchmarks/ingest_jobs.py [--megabytes 10] [--jobs 2]."""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from ingest.corpus import Corpus
from ingest.review.decisions import Decisions
from ingest.run import ingest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def corpus(folder: Path, seeds: Path, megabytes: float) -> int:
    """Copy the seed texts into ``folder`` until it holds ``megabytes``; the words copied."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt"))]
    size = sum(len(text.encode("utf-8")) for text in texts)
    copies = int(megabytes * 1_000_000 // size) + 1
    for copy in range(copies):
        for number, text in enumerate(texts):
            (folder / f"{copy:05d}_{number}.txt").write_text(text, encoding="utf-8")
    return copies * sum(len(text.split()) for text in texts)


def main() -> None:
    """Time one ingest per process count and print the rates."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        reports = Path(scratch) / "reports"
        reports.mkdir()
        words = corpus(reports, args.seeds, args.megabytes)
        for jobs in sorted({1, args.jobs}):
            out = Path(scratch) / f"out-{jobs}"
            started = time.perf_counter()
            result = ingest(reports, out, ROOT / "data" / "facts", Corpus([args.seeds]),
                            Decisions(), jobs)
            seconds = time.perf_counter() - started
            print(f"--jobs {jobs}: {result.reports} reports, {words:,} words in {seconds:.1f} s: "
                  f"{words / seconds:,.0f} words/s, {words / seconds / jobs:,.0f} per process; "
                  f"{len(result.written)} files written")
            print("  seconds by stage: " + ", ".join(f"{stage} {seconds:.1f}" for stage, seconds
                                                     in result.timings.items()))
            shutil.rmtree(out)


if __name__ == "__main__":
    main()
