"""Extraction time against text length on run-on text (no sentence break anywhere): for each
size, seconds of spaCy's parse and of milcoop's own extraction, and milliseconds per 1,000
characters of each, side by side in one run. Flat columns mean linear time; a report longer
than the readers pass on (ingest.readers.report.LONGEST_TEXT) is refused at once, as the
last row shows.

Run: .venv/bin/python benchmarks/extract_scaling.py [--kilobytes 50 200 800 1000 3000]
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

from ingest.extract.extractor import extract
from ingest.extract.nlp import parse
from ingest.readers.folder import read_reports
from ingest.readers.report import LONGEST_TEXT

DEV = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "dev" / "reports"


def unbroken(characters: int) -> str:
    """``characters`` of the dev reports' words with every sentence end and line break gone."""
    words = " ".join(re.sub(r"[.!?\n]+", " ", path.read_text(encoding="utf-8"))
                     for path in sorted(DEV.glob("*.txt")))
    return (words * (characters // len(words) + 1))[:characters]


def main() -> None:
    """Print one row per size: parse and extraction seconds and ms per 1,000 characters."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kilobytes", type=int, nargs="+", default=[50, 200, 800, 1000, 3000])
    args = parser.parse_args()
    print(f"{'size':>9} {'parse s':>8} {'extract s':>10} {'parse ms/kB':>12} "
          f"{'extract ms/kB':>14}")
    for kilobytes in args.kilobytes:
        text = unbroken(kilobytes * 1000)
        if len(text) > LONGEST_TEXT:
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "run-on.txt"
                path.write_text(f"Run-on\n\n{text}", encoding="utf-8")
                started = time.perf_counter()
                reading = read_reports(Path(folder))
                took = time.perf_counter() - started
            print(f"{kilobytes:>7}kB refused in {took:.2f} s: {reading.skipped[0].reason}")
            continue
        started = time.perf_counter()
        doc = parse(text)
        parsed = time.perf_counter() - started
        started = time.perf_counter()
        extract(text, "run-on", doc=doc)
        extracted = time.perf_counter() - started
        print(f"{kilobytes:>7}kB {parsed:>8.1f} {extracted:>10.1f} "
              f"{1000 * parsed / kilobytes:>12.1f} {1000 * extracted / kilobytes:>14.1f}",
              flush=True)


if __name__ == "__main__":
    main()
