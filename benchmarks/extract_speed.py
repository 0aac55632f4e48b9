"""Extraction speed: the seed reports repeated to at least --megabytes, words per second on
one core. Run: .venv/bin/python benchmarks/extract_speed.py [--megabytes 10]."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ingest.extract.extractor import extract
from ingest.extract.gazetteer import default

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "seeds"


def main() -> None:
    """Extract every copy of every seed report in turn and print the rate."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8") for path in sorted(args.seeds.glob("*.txt"))]
    size = sum(len(text.encode("utf-8")) for text in texts)
    copies = int(args.megabytes * 1_000_000 // size) + 1
    words = sum(len(text.split()) for text in texts) * copies
    default()
    started = time.process_time()
    for copy in range(copies):
        for number, text in enumerate(texts):
            extract(text, f"{copy}-{number}")
    seconds = time.process_time() - started
    print(f"{copies * size / 1e6:.1f} MB, {words} words in {seconds:.1f} s CPU on one core: "
          f"{words / seconds:,.0f} words/s")


if __name__ == "__main__":
    main()
