"""Extraction time grows in proportion to the text, whatever its shape: a report of run-on
text without a sentence break (which once made extraction quadratic) takes no more time per
character at 200,000 characters than at 50,000. A ratio, not a time: benchmarks/
extract_scaling.py measures the same from 50 kB to the longest report a reader passes on."""

from __future__ import annotations

import gc
import re
import time

from conftest import FIXTURES
from ingest.extract.extractor import extract
from ingest.extract.nlp import parse

GROWTH = 2.0
"""How much more time per character the longer text may take (quadratic work takes 4x)."""


def unbroken(characters: int) -> str:
    """``characters`` of the dev reports' words with every sentence end and line break gone."""
    words = " ".join(re.sub(r"[.!?\n]+", " ", path.read_text(encoding="utf-8"))
                     for path in sorted((FIXTURES / "dev" / "reports").glob("*.txt")))
    return (words * (characters // len(words) + 1))[:characters]


def seconds_per_character(text: str, tries: int = 1) -> float:
    """The least CPU time milcoop's own extraction takes per character (the parse is spaCy's,
    linear, and done before the clock starts; CPU time, after a collection, so that other
    processes and the test session's own garbage do not count)."""
    doc = parse(text)
    best = float("inf")
    for _ in range(tries):
        gc.collect()
        started = time.process_time()
        extract(text, "run-on", doc=doc)
        best = min(best, time.process_time() - started)
    return best / len(text)


def test_time_per_character_does_not_grow_on_unbroken_text() -> None:
    short = seconds_per_character(unbroken(50_000), tries=2)
    long = seconds_per_character(unbroken(200_000), tries=2)
    assert long <= GROWTH * short, f"{long / short:.2f}x the time per character"
