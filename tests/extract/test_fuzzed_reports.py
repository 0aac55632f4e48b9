"""Extraction never fails on odd text: reports spliced from dev sentences with words dropped,
inserted (``and of``, ``'s``, ``No.``), re-cased or glued, as careless copy-editing or a bad
scrape leaves them. Two crashes were found this way and fixed (a pronoun apposed to its own
subject chased in circles; a name left with no words once trimmed, ``364 K9’s and K9PL``)."""

from __future__ import annotations

import random

import pytest

from conftest import FIXTURES
from ingest.extract.extractor import extract
from ingest.extract.nlp import parse_all

INSERTS = ("and", "of", "and of", "'s", ",", "the", "No.", "7", "of the", "-", "(", ")", "Its")


def _sentences() -> list[str]:
    """Sentences of the dev reports, split crudely (the extractor's splitter is under test)."""
    found = []
    for path in sorted((FIXTURES / "dev" / "reports").glob("*.txt")):
        found += [s for s in path.read_text(encoding="utf-8").split(". ") if 20 < len(s) < 400]
    return found


def _mutated(sentence: str, pool: list[str], rng: random.Random) -> str:
    """``sentence`` with one to four careless edits."""
    words = sentence.split()
    for _ in range(rng.randint(1, 4)):
        if not words:
            break
        at = rng.randrange(len(words))
        edit = rng.randrange(6)
        if edit == 0:
            del words[at]
        elif edit == 1:
            words.insert(at, rng.choice(INSERTS))
        elif edit == 2:
            words[at] = words[at].upper()
        elif edit == 3:
            words[at] = words[at].capitalize()
        elif edit == 4:
            words[at:at] = rng.choice(pool).split()[:rng.randint(1, 8)]
        else:
            words[at] += rng.choice(("'s", "’s", ",", ".", ";"))
    return " ".join(words)


def _reports(seed: int, count: int, longest: int) -> list[str]:
    """``count`` spliced reports of one to ``longest`` mutated sentences each."""
    rng = random.Random(seed)
    pool = _sentences()
    return ["Title\n\n" + ". ".join(_mutated(rng.choice(pool), pool, rng)
                                    for _ in range(rng.randint(1, longest))) + "."
            for _ in range(count)]


@pytest.mark.parametrize(("seed", "count", "longest"), [(11, 120, 3), (12, 12, 25)])
def test_spliced_and_mutated_reports_extract_without_error(seed: int, count: int,
                                                           longest: int) -> None:
    texts = _reports(seed, count, longest)
    failed = []
    for number, (text, doc) in enumerate(zip(texts, parse_all(texts), strict=True)):
        try:
            extract(text, f"fuzz-{number}", doc=doc)
        except Exception as error:
            failed.append(f"{number}: {type(error).__name__}: {error}")
    assert failed == []
